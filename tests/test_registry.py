"""The format registry: `newsdoc.FORMATS`, `read`, `write`, `convert`."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Literal

import attrs
import pytest
from hypothesis import given

import newsdoc
from newsdoc import (
    FORMATS,
    Article,
    Format,
    Paragraph,
    ParseError,
    UnknownFormatError,
)
from newsdoc.formats import Option, detect_format, writer_options
from tests.strategies import articles


ARTICLE = Article(
    headline="Belarus denies it is mobilizing",
    body=[Paragraph(text="Officials denied it on Thursday.")],
)
OTHER = Article(
    headline="A second article",
    body=[Paragraph(text="It has a line\u2028separator inside.")],
)


def test_formats_is_a_read_only_mapping_of_formats() -> None:
    """`FORMATS` maps each name to its `Format` and cannot be changed."""
    assert isinstance(FORMATS, MappingProxyType)
    for name, fmt in FORMATS.items():
        assert name == fmt.name
        assert isinstance(fmt, Format)
        assert fmt.suffixes
        assert all(s.startswith(".") and s == s.lower() for s in fmt.suffixes)
    with pytest.raises(TypeError):
        FORMATS["x"] = FORMATS["json"]  # type: ignore[index]


def test_format_is_frozen() -> None:
    """A `Format` cannot be changed in place."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        FORMATS["json"].name = "other"  # type: ignore[misc]


def test_json_and_jsonl_are_registered() -> None:
    """JSON and JSON Lines are known, read and written."""
    for name in ("json", "jsonl"):
        assert FORMATS[name].read is not None
        assert FORMATS[name].write is not None
    assert FORMATS["jsonl"].many
    assert not FORMATS["json"].many


def test_suffixes_belong_to_one_format_each() -> None:
    """No suffix names two formats, so detection by suffix is unambiguous."""
    suffixes = [s for fmt in FORMATS.values() for s in fmt.suffixes]
    assert len(set(suffixes)) == len(suffixes)


@pytest.mark.parametrize(
    "call",
    [
        lambda: newsdoc.read("{}", "docx"),
        lambda: newsdoc.write(ARTICLE, "docx"),
        lambda: newsdoc.convert(newsdoc.write(ARTICLE, "json"), target="docx"),
    ],
    ids=["read", "write", "convert"],
)
def test_unknown_format_lists_the_known_ones(
    call: Callable[[], object],
) -> None:
    """An unknown format name is an `UnknownFormatError` naming the rest."""
    with pytest.raises(UnknownFormatError) as caught:
        call()
    assert caught.value.name == "docx"
    assert tuple(caught.value.known) == tuple(sorted(FORMATS))
    assert "json, jsonl" in str(caught.value)


def test_unknown_target_fails_before_reading() -> None:
    """`convert` rejects a bad target even when the data would not parse."""
    with pytest.raises(UnknownFormatError):
        newsdoc.convert("not an article", source="json", target="docx")


@given(articles())
def test_json_round_trips_through_the_registry(article: Article) -> None:
    """Any article written as JSON by name reads back unchanged."""
    assert article == newsdoc.read(newsdoc.write(article, "json"), "json")


@given(articles())
def test_jsonl_writes_one_line_that_reads_back(article: Article) -> None:
    """A JSON Lines article is one line ending in a line feed, lossless."""
    line = newsdoc.write(article, "jsonl")
    assert isinstance(line, str)
    assert line.endswith("\n")
    assert "\n" not in line[:-1]
    assert article == newsdoc.read(line, "jsonl")


def test_convert_is_write_of_read() -> None:
    """`convert` gives what `write(read(...))` gives."""
    data = newsdoc.write(ARTICLE, "json")
    expected = newsdoc.write(newsdoc.read(data, "json"), "jsonl")
    assert expected == newsdoc.convert(data, source="json", target="jsonl")
    assert expected == newsdoc.convert(data, target="jsonl")


def test_write_passes_options_to_the_writer() -> None:
    """Writer options such as JSON's *indent* go through `write`."""
    compact = newsdoc.write(ARTICLE, "json", indent=None)
    assert isinstance(compact, str)
    assert "\n" not in compact.rstrip("\n")
    assert compact != newsdoc.write(ARTICLE, "json")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("article.json", "json"),
        ("ARTICLE.JSON", "json"),
        ("corpus.jsonl", "jsonl"),
        ("corpus.ndjson", "jsonl"),
        ("dir.json/corpus.jsonl", "jsonl"),
    ],
)
def test_detect_by_suffix(source: str, expected: str) -> None:
    """A known suffix decides the format, whatever the content."""
    assert expected == detect_format(b"anything", source=source)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{\n  "schema": "newsdoc/1"\n}\n', "json"),
        (b'{"schema": "newsdoc/1"}', "json"),
        (b'\xef\xbb\xbf  {"a": 1}\n{"a": 2}\n', "jsonl"),
        (b'{"a": 1}\n{"a": 2}\n', "jsonl"),
        ('{"a": 1}\n{"a": 2}\n', "jsonl"),
        (b"<?xml version='1.0'?>\n<newsItem/>", "newsml"),
        (b"\n  <newsItem/>", "newsml"),
        (b"Storm closes the port\n\nShips stayed in harbour.\n", "text"),
        (b"{ braces open this headline\n\nA paragraph.\n", "text"),
        (b"", "text"),
    ],
    ids=[
        "indented",
        "compact-one-line",
        "bom",
        "lines",
        "str",
        "xml-declaration",
        "xml-element",
        "text",
        "text-with-brace",
        "empty",
    ],
)
def test_detect_by_content(data: str | bytes, expected: str) -> None:
    """Without a known suffix the first bytes tell the format."""
    assert expected == detect_format(data, source="article.dat")
    assert expected == detect_format(data)


def test_read_detects_the_format() -> None:
    """`read` without a format reads JSON and one-line JSON Lines alike."""
    assert newsdoc.read(newsdoc.write(ARTICLE, "json")) == ARTICLE
    assert newsdoc.read(newsdoc.write(ARTICLE, "jsonl")) == ARTICLE


def test_read_names_the_source_in_errors() -> None:
    """A parse error carries the *source* the caller gave."""
    with pytest.raises(ParseError) as caught:
        newsdoc.read("{}", "json", source="feeds/a.json")
    assert caught.value.source == "feeds/a.json"
    assert str(caught.value).startswith("feeds/a.json: ")


def test_read_of_jsonl_wants_exactly_one_article() -> None:
    """`read` refuses JSON Lines with several articles, pointing to read_all."""
    data = newsdoc.write(ARTICLE, "jsonl") + newsdoc.write(OTHER, "jsonl")
    with pytest.raises(ParseError, match=r"read_all"):
        newsdoc.read(data, "jsonl")


def test_read_all_reads_every_line() -> None:
    """`read_all` returns each line's article; blank lines are skipped."""
    one = newsdoc.write(ARTICLE, "jsonl")
    two = newsdoc.write(OTHER, "jsonl")
    assert newsdoc.read_all(f"{one}\n{two}", "jsonl") == (ARTICLE, OTHER)
    assert newsdoc.read_all(f"{one}{two}".encode(), source="c.jsonl") == (
        ARTICLE,
        OTHER,
    )


def test_read_all_of_a_single_article_format_is_one_article() -> None:
    """`read_all` of a JSON document is that one article."""
    assert newsdoc.read_all(newsdoc.write(ARTICLE, "json")) == (ARTICLE,)


def test_jsonl_keeps_unicode_line_separators_inside_a_line() -> None:
    """U+2028 in an article's text does not split a JSON Lines record."""
    line = newsdoc.write(OTHER, "jsonl")
    assert isinstance(line, str)
    assert "\u2028" in line
    assert newsdoc.read_all(line + line, "jsonl")[:1] == (OTHER,)


def test_iter_jsonl_streams_a_binary_file() -> None:
    """`iter_jsonl` reads a file object line by line, in order."""
    text = newsdoc.write(ARTICLE, "jsonl") + newsdoc.write(OTHER, "jsonl")
    stream = io.BytesIO(text.encode())
    articles = newsdoc.iter_jsonl(stream)
    assert next(articles) == ARTICLE
    assert stream.tell() < len(text.encode())  # not read to the end yet
    assert next(articles) == OTHER


def test_iter_jsonl_errors_name_the_line() -> None:
    """A bad line is a `ParseError` with its 1-based number and source."""
    good = newsdoc.write(ARTICLE, "jsonl")
    lines = [good, "\n", '{"schema": "newsdoc/1"}\n']
    read = newsdoc.iter_jsonl(lines, source="corpus.jsonl")
    assert next(read) == ARTICLE
    with pytest.raises(ParseError) as caught:
        next(read)
    assert caught.value.line == 3
    assert caught.value.format == "jsonl"
    assert str(caught.value).startswith("corpus.jsonl: jsonl, line 3: ")


def test_text_bytes_must_be_utf8() -> None:
    """Raw text that is not UTF-8 is a `ParseError` naming the line."""
    data = "Headline\n\nA caf\u00e9 paragraph.\n".encode("latin-1")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, "text", source="old.txt")
    assert caught.value.line == 3
    assert caught.value.format == "text"
    assert caught.value.source == "old.txt"
    assert "UTF-8" in caught.value.message


def test_text_bytes_and_str_read_alike() -> None:
    """The text reader takes UTF-8 bytes, with or without a BOM, like str."""
    text = "Storm closes the port\n\nShips stayed in harbour.\n"
    expected = newsdoc.read(text, "text")
    assert newsdoc.read(text.encode(), "text") == expected
    assert newsdoc.read(b"\xef\xbb\xbf" + text.encode(), "text") == expected


# -- writer options -------------------------------------------------------------


def test_writer_options_come_from_the_signatures() -> None:
    """Each format's options are its writer's keyword-only parameters."""
    indent = Option(name="indent", kind="int", nullable=True, default=2)
    assert FORMATS["json"].options == (indent,)
    assert FORMATS["jsonl"].options == ()
    assert FORMATS["text"].options == (
        Option(
            name="style",
            kind="choice",
            choices=("raw", "reading"),
            default="raw",
        ),
    )
    newsml = {o.name: o for o in FORMATS["newsml"].options}
    assert list(newsml) == ["package", "provider", "version_created", "guid"]
    assert newsml["package"] == Option(
        name="package", kind="bool", default=False
    )
    assert newsml["provider"].kind == "str"
    assert newsml["version_created"].kind == "datetime"
    assert newsml["version_created"].nullable


def _shout(
    article: Article,
    *,
    loud: bool = False,
    times: int = 1,
    ratio: float = 0.5,
    case: Literal["upper", "lower"] = "upper",
    stamp: datetime | None = None,
    hook: Callable[[str], str] | None = None,
) -> str:
    return f"{article.headline} {loud} {times} {ratio} {case} {stamp} {hook}"


def test_a_new_writer_brings_its_options() -> None:
    """A new format's options need no code: only types text can set count."""
    fmt = Format(
        name="shout",
        description="a test format",
        read=None,
        write=_shout,
        suffixes=(".shout",),
        media_type="text/plain",
    )
    options = {o.name: o for o in fmt.options}
    assert list(options) == ["loud", "times", "ratio", "case", "stamp"]
    assert [o.kind for o in options.values()] == [
        "bool",
        "int",
        "float",
        "choice",
        "datetime",
    ]
    assert options["case"].values == "upper | lower"
    assert options["stamp"].values == "ISO date-time | none"
    assert writer_options(_shout) is writer_options(_shout)  # read once


@pytest.mark.parametrize(
    ("format", "name", "text", "value"),
    [
        ("newsml", "package", "true", True),
        ("newsml", "package", "FALSE", False),
        ("newsml", "package", "yes", True),
        ("newsml", "package", "0", False),
        ("json", "indent", "4", 4),
        ("json", "indent", "none", None),
        ("text", "style", "reading", "reading"),
        ("newsml", "provider", "none", "none"),  # text stays text
        (
            "newsml",
            "version_created",
            "2024-05-01T12:00:00Z",
            datetime(2024, 5, 1, 12, tzinfo=UTC),
        ),
        (
            "newsml",
            "version-created",
            "2024-05-01T14:00:00+02:00",
            datetime(2024, 5, 1, 12, tzinfo=UTC),
        ),
    ],
)
def test_option_values_are_read_by_type(
    format: str,
    name: str,
    text: str,
    value: object,
) -> None:
    """`Option.parse` reads flags, integers, None, choices and datetimes."""
    parsed = FORMATS[format].option(name).parse(text)
    assert parsed == value
    assert type(parsed) is type(value)


@pytest.mark.parametrize(
    ("format", "name", "text", "message"),
    [
        (
            "newsml",
            "package",
            "maybe",
            "package takes true or false, not 'maybe'",
        ),
        (
            "json",
            "indent",
            "2.5",
            "indent takes an integer or none, not '2.5'",
        ),
        (
            "text",
            "style",
            "Reading",
            "style takes raw or reading, not 'Reading'",
        ),
        ("newsml", "version_created", "2024-05-01", "with a UTC offset"),
        ("newsml", "version_created", "2024-05-01T12:00", "with a UTC offset"),
    ],
)
def test_bad_option_values_name_what_is_wanted(
    format: str,
    name: str,
    text: str,
    message: str,
) -> None:
    """A value of the wrong type is a ValueError naming the valid values."""
    with pytest.raises(ValueError, match="takes") as caught:
        FORMATS[format].option(name).parse(text)
    assert message in str(caught.value)


def test_unknown_option_lists_the_valid_names() -> None:
    """`Format.option` refuses an unknown name and lists the known ones."""
    with pytest.raises(ValueError, match=r"its options are style$"):
        FORMATS["text"].option("colour")
    with pytest.raises(ValueError, match=r"^jsonl takes no options") as caught:
        FORMATS["jsonl"].option("indent")
    assert str(caught.value) == (
        "jsonl takes no options (indent is an option of json; "
        "jsonl keeps each article on one line)"
    )


def _unresolved(
    article: Article,
    *,
    flag: bool = False,
    size: int = 3,
    when: Unknown | None = None,  # type: ignore[name-defined]  # noqa: F821
) -> str:
    return f"{article.headline} {flag} {size} {when}"


def test_unresolvable_hints_fall_back_to_the_defaults() -> None:
    """A hint that cannot be resolved types options by their defaults."""
    options = writer_options(_unresolved)
    assert [(o.name, o.kind) for o in options] == [
        ("flag", "bool"),
        ("size", "int"),
    ]


@pytest.mark.parametrize("format", ["json", "newsml", "text"])
def test_read_passes_a_size_limit_to_the_reader(format: str) -> None:
    """``read(max_bytes=...)`` refuses a document over the caller's limit."""
    article = Article(headline="Storm closes the harbour")
    document = newsdoc.write(article, format)
    assert article == newsdoc.read(document, format, max_bytes=len(document))
    with pytest.raises(ParseError) as caught:
        newsdoc.read(document, format, max_bytes=10)
    assert caught.value.format == format


def test_read_all_limits_each_json_lines_line() -> None:
    """For JSON Lines the limit applies to each line, not the whole stream."""
    article = Article(headline="Storm closes the harbour")
    line = newsdoc.write(article, "jsonl")
    stream = line + line
    assert len(newsdoc.read_all(stream, "jsonl", max_bytes=len(line))) == 2
    with pytest.raises(ParseError) as caught:
        newsdoc.read_all(stream, "jsonl", max_bytes=len(line) // 2)
    assert caught.value.line == 1
