"""
The format registry: which formats newsdoc reads and writes, and how.

The registry is data, not plugins: `FORMATS` maps each format's name to a
frozen `Format` that holds its reader, its writer, its file suffixes and a
function that recognises its content.
`read`, `write`, `convert` and the command line are built from that mapping
alone, so a new format is one reader and/or writer plus one line in
``_REGISTERED``.
A writer's keyword-only parameters are its options: `Format.options`
reads their names, types and defaults from its signature, so the command
line (``newsdoc convert -O NAME=VALUE``) sets them with no code of its own.

Each format lives in its own module or package beside this one.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import inspect
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from types import MappingProxyType
from typing import Any, Final, Literal, Protocol, TypeAlias

from attrs import field, frozen

from newsdoc._limits import DEFAULT_MAX_BYTES
from newsdoc.errors import ParseError, UnknownFormatError
from newsdoc.formats.json import from_json, to_json
from newsdoc.formats.newsml import from_newsml, to_newsml
from newsdoc.formats.text import parse_text, to_text
from newsdoc.model import Article


__all__ = [
    "FORMATS",
    "Format",
    "Option",
    "convert",
    "detect_format",
    "iter_jsonl",
    "read",
    "read_all",
    "write",
    "writer_options",
]


#: A reader: the document as `str` or `bytes` to one `Article`.
class Reader(Protocol):
    """A format's reader: a document in, an article out."""

    def __call__(
        self, data: str | bytes, /, *, max_bytes: int = ...
    ) -> Article:
        """Read *data*, refusing it unread if it holds over *max_bytes*."""
        ...


#: A writer: an `Article` and keyword-only options to `str` or `bytes`.
Writer: TypeAlias = Callable[..., str | bytes]
#: Whether the first bytes of a document look like a format.
Sniffer: TypeAlias = Callable[[bytes], bool]

#: How many leading bytes `detect_format` looks at.
SNIFF_BYTES: Final = 4096


def _suffixes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(suffix.lower() for suffix in value)


# -- writer options ------------------------------------------------------------

#: The types of option value that text can set.
OptionKind: TypeAlias = Literal[
    "bool", "int", "float", "str", "datetime", "choice"
]

_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})
_NONE: Final = frozenset({"none", "null"})
# How messages and `newsdoc formats` name each kind of value.
_LONG: Final = {
    "int": "an integer",
    "float": "a number",
    "str": "any text",
    "datetime": "an ISO 8601 date and time with a UTC offset "
    "(2024-05-01T12:00:00+00:00)",
}
_SHORT: Final = {
    "int": "integer",
    "float": "number",
    "str": "text",
    "datetime": "ISO date-time",
}
_KINDS: Final[dict[object, OptionKind]] = {
    bool: "bool",
    int: "int",
    float: "float",
    str: "str",
    datetime: "datetime",
}


def _either(words: Iterable[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    *head, last = words
    return f"{', '.join(head)} or {last}" if head else last


@frozen(kw_only=True)
class Option:
    """
    One keyword-only option of a format's writer, as text can set it.

    Attributes:
        name: The writer's keyword (``indent``).
        kind: The type of its value: ``bool``, ``int``, ``float``, ``str``,
            ``datetime`` (ISO 8601, with a UTC offset) or ``choice`` (one of
            *choices*).
        choices: The values a ``choice`` option takes.
        nullable: Whether it also takes `None`, written ``none``; a ``str``
            option reads ``none`` as the text itself.
        default: The writer's default.
    """

    name: str
    kind: OptionKind
    choices: tuple[str, ...] = ()
    nullable: bool = False
    default: Any = None

    def _words(self, *, short: bool = False) -> list[str]:
        """The values it takes, one phrase each, ``none`` last."""
        if self.kind == "choice":
            words = list(self.choices)
        elif self.kind == "bool":
            words = ["true", "false"]
        else:
            words = [(_SHORT if short else _LONG)[self.kind]]
        if self.nullable and self.kind != "str":
            words.append("none")
        return words

    @property
    def values(self) -> str:
        """The values it takes, for people: ``true | false``, ``integer``."""
        return " | ".join(self._words(short=True))

    def show(self, value: Any) -> str:
        """*value* as it would be written on the command line."""
        if value is None:
            return "none"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, datetime):
            return value.isoformat()
        return str(value)

    def _read(self, word: str) -> Any:
        """*word* as a value of the option's kind; `ValueError` if not one."""
        if self.kind == "bool" and word.lower() in _TRUE | _FALSE:
            return word.lower() in _TRUE
        if self.kind == "choice" and word in self.choices:
            return word
        if self.kind == "int":
            return int(word)
        if self.kind == "float":
            return float(word)
        if self.kind == "datetime":
            value = datetime.fromisoformat(word)
            if value.utcoffset() is not None:
                return value
        raise ValueError(word)

    def parse(self, text: str) -> Any:
        """
        Read the option's value from *text*.

        ``true`` or ``false`` (also ``yes``/``no``, ``on``/``off``,
        ``1``/``0``) for a flag, a number, an ISO 8601 date and time with a
        UTC offset, one of the choices, or ``none`` where the writer takes
        `None`; any text for a text option.

        Args:
            text: The value as typed.

        Returns:
            The value to pass to the writer.

        Raises:
            ValueError: If *text* is not a value of the option's type; the
                message names the option and the values it takes.
        """
        if self.kind == "str":
            return text
        word = text.strip()
        if self.nullable and word.lower() in _NONE:
            return None
        with contextlib.suppress(ValueError):
            return self._read(word)
        msg = f"{self.name} takes {_either(self._words())}, not {text!r}"
        raise ValueError(msg)


def _option(name: str, hint: Any, default: Any) -> Option | None:
    """The option for a parameter typed *hint*, or `None` if text cannot set it."""
    nullable = False
    if typing.get_origin(hint) in {typing.Union, types.UnionType}:
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        nullable = len(members) < len(typing.get_args(hint))
        if len(members) != 1:
            return None
        hint = members[0]
    if typing.get_origin(hint) is Literal:
        choices = typing.get_args(hint)
        if not all(isinstance(c, str) for c in choices):
            return None
        return Option(
            name=name,
            kind="choice",
            choices=choices,
            nullable=nullable,
            default=default,
        )
    kind = _KINDS.get(hint)
    if kind is None:
        return None
    return Option(name=name, kind=kind, nullable=nullable, default=default)


@functools.cache
def writer_options(writer: Writer) -> tuple[Option, ...]:
    """
    The options of *writer*: its keyword-only parameters, in order.

    Their types come from the writer's type hints: `bool`, `int`, `float`,
    `str`, `datetime`, a `Literal` of strings, any of them or `None`; where
    the hints cannot be resolved, from the type of each default.
    A parameter of another type is left to the Python API (text cannot
    set it), and so is one without a default.
    The signature is read once per writer.

    Args:
        writer: A format's writer.

    Returns:
        One `Option` per parameter that text can set.
    """
    try:
        hints = typing.get_type_hints(writer)
    except (NameError, TypeError, AttributeError):
        # A hint that cannot be resolved (a name imported only for type
        # checkers): go by the type of each default instead, and let the
        # writer itself refuse what it does not take.
        hints = {}
    found = []
    for parameter in inspect.signature(writer).parameters.values():
        if (
            parameter.kind is not inspect.Parameter.KEYWORD_ONLY
            or parameter.default is inspect.Parameter.empty
        ):
            continue
        hint = hints.get(parameter.name, type(parameter.default))
        option = _option(parameter.name, hint, parameter.default)
        if option is not None:
            found.append(option)
    return tuple(found)


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

    @property
    def options(self) -> tuple[Option, ...]:
        """The options of its writer (see `writer_options`); none if none."""
        return () if self.write is None else writer_options(self.write)

    def option(self, name: str) -> Option:
        """
        The writer option called *name*.

        A hyphen stands for an underscore: ``version-created`` is
        ``version_created``.

        Args:
            name: The option's name.

        Returns:
            The option.

        Raises:
            ValueError: If the writer has no such option; the message lists
                the options it has, or says that it has none.
        """
        key = name.replace("-", "_")
        for option in self.options:
            if option.name == key:
                return option
        elsewhere = sorted(
            f.name
            for f in FORMATS.values()
            if any(o.name == key for o in f.options)
        )
        if self.options:
            names = ", ".join(o.name for o in self.options)
            msg = (
                f"{self.name} has no option {name!r}; its options are {names}"
            )
        else:
            msg = f"{self.name} takes no options"
        if elsewhere:
            msg += f" ({key} is an option of {_either(elsewhere)}"
            if self.many:
                msg += f"; {self.name} keeps each article on one line"
            msg += ")"
        raise ValueError(msg)


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
    line: str | bytes,
    *,
    number: int,
    source: str | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read the JSON Lines line *number*, naming it in any error."""
    try:
        return from_json(line, max_bytes=max_bytes)
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
    lines: Iterable[str | bytes],
    *,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """
    Read JSON Lines one line at a time: one article per line.

    A file object opened in text or binary mode is an iterable of lines,
    so a corpus of any size is read in constant memory.

    Args:
        lines: The lines of the document; blank lines are skipped.
        source: A name for the document in error messages, such as a path.
        max_bytes: The largest line accepted, in bytes; a longer one is
            refused unread, like any document larger than `from_json`'s
            limit.

    Yields:
        Each line's article, in order.

    Raises:
        ParseError: If a line is not a newsdoc JSON article; the error's
            ``line`` is the 1-based line number.
    """
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_line(
                line, number=number, source=source, max_bytes=max_bytes
            )


def _read_jsonl(
    data: str | bytes, /, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    articles = tuple(iter_jsonl(_lines(data), max_bytes=max_bytes))
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


def _read_text(
    data: str | bytes, /, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    if isinstance(data, str):
        return parse_text(data, max_bytes=max_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        msg = f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded"
        raise ParseError(msg, format="text", line=line) from None
    return parse_text(text, max_bytes=max_bytes)


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
    data: str | bytes,
    format: str | None = None,
    *,
    source: str | None = None,
    max_bytes: int | None = None,
) -> Article:
    """
    Read one article in any format newsdoc knows.

    Args:
        data: The document.
        format: The format's name in `FORMATS`; `None` detects it from the
            suffix of *source* or from the content (see `detect_format`).
        source: A name for the document, such as its path: it tells the
            format by its suffix and names the document in errors.
        max_bytes: The largest document accepted, in bytes; `None` keeps
            the format's own default (see each reader).

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
        if max_bytes is None:
            return reader(data)
        return reader(data, max_bytes=max_bytes)
    except ParseError as exc:
        if source is not None and exc.source is None:
            exc.source = source
        raise


def read_all(
    data: str | bytes,
    format: str | None = None,
    *,
    source: str | None = None,
    max_bytes: int | None = None,
) -> tuple[Article, ...]:
    """
    Read every article of a document: all lines of JSON Lines, else one.

    Args:
        data: The document.
        format: The format's name; `None` detects it as `read` does.
        source: A name for the document, as for `read`.
        max_bytes: The largest document accepted, as for `read`; for JSON
            Lines, the largest line.

    Returns:
        The articles in document order.

    Raises:
        UnknownFormatError: If *format* is not a known format's name.
        ParseError: If the document, or one of its lines, is not valid.
    """
    name = format if format is not None else detect_format(data, source=source)
    if _format(name).many:
        limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
        lines = _lines(data)
        return tuple(iter_jsonl(lines, source=source, max_bytes=limit))
    return (read(data, name, source=source, max_bytes=max_bytes),)


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
