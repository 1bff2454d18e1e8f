"""
The format registry: which formats newsdoc reads and writes, and how.

The registry is data, not plugins: `FORMATS` maps each format's name to a
frozen `Format` that holds its reader, its writer, its file suffixes and a
function that recognises its content.
`read`, `write`, `convert` and the command line are built from that mapping
alone, so a new format is one reader and/or writer plus one line in
``_REGISTERED``.

Each format lives in its own module or package beside this one.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Iterator
from types import MappingProxyType
from typing import Any, Final, Literal, TypeAlias

from attrs import field, frozen

from newsdoc.errors import ParseError, UnknownFormatError
from newsdoc.formats.json import from_json, to_json
from newsdoc.formats.newsml import from_newsml, to_newsml
from newsdoc.formats.text import parse_text, to_text
from newsdoc.model import Article


__all__ = [
    "FORMATS",
    "Format",
    "convert",
    "detect_format",
    "iter_jsonl",
    "read",
    "read_all",
    "write",
]

#: A reader: the document as `str` or `bytes` to one `Article`.
Reader: TypeAlias = Callable[[str | bytes], Article]
#: A writer: an `Article` and keyword-only options to `str` or `bytes`.
Writer: TypeAlias = Callable[..., str | bytes]
#: Whether the first bytes of a document look like a format.
Sniffer: TypeAlias = Callable[[bytes], bool]

#: How many leading bytes `detect_format` looks at.
SNIFF_BYTES: Final = 4096


def _suffixes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(suffix.lower() for suffix in value)


@frozen(kw_only=True)
class Format:
    """
    One format newsdoc reads and/or writes.

    Attributes:
        name: The format's name in `FORMATS`, the API and the command line
            (``json``).
        description: What the format is, in a few words.
        read: Its reader, or `None` if newsdoc only writes it.
        write: Its writer, taking the article and keyword-only options, or
            `None` if newsdoc only reads it.
        suffixes: The file suffixes it is recognised by, lower case with
            the dot; the first one names the files newsdoc writes.
        media_type: Its media (MIME) type.
        sniff: Tells from the first bytes of a document whether it looks
            like this format, or `None` if it cannot be told by content.
        many: Whether one document holds many articles, one per line
            (JSON Lines); `read` then expects exactly one, `read_all` and
            `iter_jsonl` read them all.
    """

    name: str
    description: str
    read: Reader | None
    write: Writer | None
    suffixes: tuple[str, ...] = field(converter=_suffixes)
    media_type: str
    sniff: Sniffer | None = None
    many: bool = False

    @property
    def suffix(self) -> str:
        """The suffix of the files newsdoc writes in this format."""
        return self.suffixes[0]


# -- content sniffing ----------------------------------------------------------


def _head(data: bytes) -> bytes:
    """The document's first bytes without a byte order mark or whitespace."""
    return data.removeprefix(codecs.BOM_UTF8).lstrip()


def _sniff_xml(data: bytes) -> bool:
    return _head(data).startswith(b"<")


def _opens_object(head: bytes) -> bool:
    # An object opens with a brace, then a key's quote or the closing brace:
    # a line of text that merely starts with a brace is no JSON.
    return head.startswith(b"{") and head[1:].lstrip()[:1] in {b'"', b"}"}


def _sniff_jsonl(data: bytes) -> bool:
    # JSON Lines starts with a whole object on its first line; an indented
    # JSON document opens with a lone brace. A first line longer than the
    # sniffed bytes is a compact object, which reads as JSON Lines too.
    head = _head(data)
    if not _opens_object(head):
        return False
    first, newline, _rest = head.partition(b"\n")
    if not newline:
        return len(data) >= SNIFF_BYTES
    return first.rstrip().endswith(b"}") and first.rstrip() != b"{"


def _sniff_json(data: bytes) -> bool:
    return _opens_object(_head(data))


# -- the JSON Lines format ----------------------------------------------------


def _jsonl_line(
    line: str | bytes, *, number: int, source: str | None
) -> Article:
    """Read the JSON Lines line *number*, naming it in any error."""
    try:
        return from_json(line)
    except ParseError as exc:
        msg = exc.message
        raise ParseError(
            msg, format="jsonl", line=number, path=exc.path, source=source
        ) from exc


def _lines(data: str | bytes) -> list[str] | list[bytes]:
    # Only a line feed ends a JSON Lines line: U+2028 and friends may stand
    # unescaped inside a JSON string, so str.splitlines would cut an article.
    if isinstance(data, str):
        return data.split("\n")
    return data.split(b"\n")


def iter_jsonl(
    lines: Iterable[str | bytes], *, source: str | None = None
) -> Iterator[Article]:
    """
    Read JSON Lines one line at a time: one article per line.

    A file object opened in text or binary mode is an iterable of lines,
    so a corpus of any size is read in constant memory.

    Args:
        lines: The lines of the document; blank lines are skipped.
        source: A name for the document in error messages, such as a path.

    Yields:
        Each line's article, in order.

    Raises:
        ParseError: If a line is not a newsdoc JSON article; the error's
            ``line`` is the 1-based line number.
    """
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_line(line, number=number, source=source)


def _read_jsonl(data: str | bytes) -> Article:
    articles = tuple(iter_jsonl(_lines(data)))
    if len(articles) != 1:
        msg = (
            f"expected one article, found {len(articles)}; "
            "read JSON Lines with newsdoc.read_all() or newsdoc.iter_jsonl()"
        )
        raise ParseError(msg, format="jsonl")
    return articles[0]


def _write_jsonl(article: Article) -> str:
    return to_json(article, indent=None).rstrip("\n") + "\n"


# -- raw text -------------------------------------------------------------------


def _sniff_text(_data: bytes) -> bool:
    # The last resort: scraped text has no mark of its own, and parse_text
    # says clearly what is wrong with anything that is not an article.
    return True


def _read_text(data: str | bytes) -> Article:
    if isinstance(data, str):
        return parse_text(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        msg = f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded"
        raise ParseError(msg, format="text", line=line) from None
    return parse_text(text)


# -- the registry --------------------------------------------------------------

# Order matters: `detect_format` asks each format's sniffer in this order
# and takes the first that says yes, so JSON Lines comes before JSON and
# text, which takes anything, comes last.
_REGISTERED: Final = (
    Format(
        name="newsml",
        description="IPTC NewsML-G2 newsItem XML, the body as XHTML",
        read=from_newsml,
        write=to_newsml,
        suffixes=(".xml", ".newsml"),
        media_type="application/vnd.iptc.g2.newsitem+xml",
        sniff=_sniff_xml,
    ),
    Format(
        name="jsonl",
        description="JSON Lines, one compact newsdoc JSON article per line",
        read=_read_jsonl,
        write=_write_jsonl,
        suffixes=(".jsonl", ".ndjson"),
        media_type="application/jsonl",
        sniff=_sniff_jsonl,
        many=True,
    ),
    Format(
        name="json",
        description="newsdoc JSON, one article per document",
        read=from_json,
        write=to_json,
        suffixes=(".json",),
        media_type="application/json",
        sniff=_sniff_json,
    ),
    Format(
        name="text",
        description="raw text as scraped from a news page",
        read=_read_text,
        write=to_text,
        suffixes=(".txt", ".text"),
        media_type="text/plain",
        sniff=_sniff_text,
    ),
)

#: Every format newsdoc knows, by name.
FORMATS: Final = MappingProxyType({f.name: f for f in _REGISTERED})


def _unknown(name: str, known: Iterable[str]) -> UnknownFormatError:
    """The error for *name*, listing the *known* names sorted."""
    return UnknownFormatError(name, sorted(known))


def _format(name: str, *, able: Literal["", "read", "write"] = "") -> Format:
    """
    The format called *name*, which can do *able* (``read``, ``write``).

    Raises:
        UnknownFormatError: If there is no such format, or it cannot do
            *able*; the error lists the formats that can.
    """
    fmt = FORMATS.get(name)
    if fmt is None or (able and getattr(fmt, able) is None):
        raise _unknown(
            name,
            (n for n, f in FORMATS.items() if not able or getattr(f, able)),
        )
    return fmt


def _by_suffix(source: str | None) -> Format | None:
    if not source:
        return None
    lowered = source.lower()
    for fmt in FORMATS.values():
        if any(lowered.endswith(suffix) for suffix in fmt.suffixes):
            return fmt
    return None


def detect_format(data: str | bytes, *, source: str | None = None) -> str:
    """
    Tell which format a document is in.

    The suffix of *source* decides when it is a known one (``.txt``,
    ``.json``, ``.jsonl``, ``.xml``, ...); otherwise the first bytes of
    *data* do: XML is ``newsml``, a whole JSON object on the first line is
    ``jsonl``, other JSON is ``json``, anything else ``text``.

    Args:
        data: The document, or its first few kilobytes.
        source: The document's file name or path, if it has one.

    Returns:
        The format's name in `FORMATS`.

    Raises:
        UnknownFormatError: If no registered format recognises the content.
    """
    by_suffix = _by_suffix(source)
    if by_suffix is not None and by_suffix.read is not None:
        return by_suffix.name
    head = data[:SNIFF_BYTES]
    sample = head.encode("utf-8") if isinstance(head, str) else head
    for fmt in FORMATS.values():
        if (
            fmt.read is not None
            and fmt.sniff is not None
            and fmt.sniff(sample)
        ):
            return fmt.name
    raise _unknown(
        source or "<content>", (n for n, f in FORMATS.items() if f.read)
    )


def read(
    data: str | bytes, format: str | None = None, *, source: str | None = None
) -> Article:
    """
    Read one article in any format newsdoc knows.

    Args:
        data: The document.
        format: The format's name in `FORMATS`; `None` detects it from the
            suffix of *source* or from the content (see `detect_format`).
        source: A name for the document, such as its path: it tells the
            format by its suffix and names the document in errors.

    Returns:
        The article.

    Raises:
        UnknownFormatError: If *format* is not a known format's name.
        ParseError: If *data* is not a valid document in that format, or
            holds more than one article.
    """
    name = format if format is not None else detect_format(data, source=source)
    reader = _format(name, able="read").read
    assert reader is not None  # noqa: S101 - _format checked it
    try:
        return reader(data)
    except ParseError as exc:
        if source is not None and exc.source is None:
            exc.source = source
        raise


def read_all(
    data: str | bytes, format: str | None = None, *, source: str | None = None
) -> tuple[Article, ...]:
    """
    Read every article of a document: all lines of JSON Lines, else one.

    Args:
        data: The document.
        format: The format's name; `None` detects it as `read` does.
        source: A name for the document, as for `read`.

    Returns:
        The articles in document order.

    Raises:
        UnknownFormatError: If *format* is not a known format's name.
        ParseError: If the document, or one of its lines, is not valid.
    """
    name = format if format is not None else detect_format(data, source=source)
    if _format(name).many:
        return tuple(iter_jsonl(_lines(data), source=source))
    return (read(data, name, source=source),)


def write(article: Article, format: str, **options: Any) -> str | bytes:
    """
    Write an article in any format newsdoc knows.

    Args:
        article: The article.
        format: The format's name in `FORMATS`.
        **options: Keyword options for that format's writer, such as
            ``indent`` for ``json``.

    Returns:
        The document: `str` for text formats, `bytes` for XML.

    Raises:
        UnknownFormatError: If *format* is not a known format's name, or
            newsdoc cannot write it.
    """
    writer = _format(format, able="write").write
    assert writer is not None  # noqa: S101 - _format checked it
    return writer(article, **options)


def convert(
    data: str | bytes,
    *,
    source: str | None = None,
    target: str,
    **options: Any,
) -> str | bytes:
    """
    Convert a document from one format to another.

    The same as ``write(read(data, source), target, **options)``.

    Args:
        data: The document.
        source: The format *data* is in; `None` detects it from the content.
        target: The format to write.
        **options: Keyword options for the target format's writer.

    Returns:
        The converted document.

    Raises:
        UnknownFormatError: If *source* or *target* is not a known format.
        ParseError: If *data* is not valid in its format.
    """
    _format(target, able="write")  # fail before reading a large document
    return write(read(data, source), target, **options)
