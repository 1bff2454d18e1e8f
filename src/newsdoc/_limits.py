"""Size limits that readers check before any heavy work."""

from __future__ import annotations

from typing import Final

from newsdoc.errors import ParseError


#: The largest document `newsdoc.parse_text` and `newsdoc.from_json` accept
#: unless told otherwise: 16 MiB, hundreds of times a long article, yet
#: small enough that reading it cannot tie a process up for long.
DEFAULT_MAX_BYTES: Final = 16 * 1024 * 1024

# UTF-8 spends at most four bytes on a character.
_MAX_UTF8_BYTES_PER_CHARACTER: Final = 4


def check_size(
    data: str | bytes | bytearray | memoryview,
    *,
    max_bytes: int,
    format: str,
    source: str | None = None,
) -> None:
    """
    Refuse *data* if it is larger than *max_bytes*.

    Bytes are counted as they are; a str by its UTF-8 encoding, which is
    only computed when its length in characters leaves the answer open.

    Args:
        data: The document.
        max_bytes: The largest size accepted, in bytes.
        format: The format's name, for the error.
        source: A name for *data* in the error, if the caller gave one.

    Raises:
        ParseError: If *data* is larger than *max_bytes*.
    """
    size = len(data)
    unit = "bytes"
    if isinstance(data, str):
        if size > max_bytes:
            unit = "characters"
        elif size * _MAX_UTF8_BYTES_PER_CHARACTER > max_bytes:
            size = len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        msg = (
            f"the document has {size} {unit}, more than the limit of "
            f"{max_bytes} bytes (see max_bytes)"
        )
        raise ParseError(msg, format=format, source=source)
