"""The JSON format: lossless round trips, exact output, refused documents."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from newsdoc import (
    Article,
    ArticleMeta,
    Credit,
    Figure,
    Heading,
    Paragraph,
    ParseError,
    Quote,
    from_json,
    json_schema,
    to_json,
)
from newsdoc.formats import json as json_format
from tests.strategies import articles


ARTICLE = Article(
    headline="Quake shakes Kathmandu",
    standfirst=Paragraph(text="Buildings fell in Nepal’s capital."),
    byline="By Gopal Sharma",
    dateline="KATHMANDU, April 25 (Reuters)",
    body=(
        Paragraph(
            text="“We are safe,” said Ram, 40.",
            quotes=(
                Quote(
                    text="We are safe,",
                    start=1,
                    end=13,
                    speaker="Ram",
                    verb="said",
                ),
            ),
        ),
        Heading(text="Rescue"),
        Figure(
            caption="Rescuers dig.",
            credit=Credit(
                raw="photo credit: MON/HANDOUT VIA REUTERS",
                label="photo credit",
                agencies=("MON",),
                via="REUTERS",
                handout=True,
            ),
        ),
    ),
    meta=ArticleMeta(
        id="a1",
        language="en-GB",
        published=datetime(
            2015,
            4,
            25,
            11,
            56,
            tzinfo=timezone(timedelta(hours=5, minutes=45)),
        ),
        keywords=("Nepal", "earthquake"),
    ),
)

GOLDEN = """\
{
  "schema": "newsdoc/1",
  "headline": "Quake shakes Kathmandu",
  "standfirst": {
    "text": "Buildings fell in Nepal’s capital.",
    "quotes": []
  },
  "byline": "By Gopal Sharma",
  "dateline": "KATHMANDU, April 25 (Reuters)",
  "body": [
    {
      "type": "paragraph",
      "text": "“We are safe,” said Ram, 40.",
      "quotes": [
        {
          "text": "We are safe,",
          "start": 1,
          "end": 13,
          "speaker": "Ram",
          "verb": "said",
          "outlet": null,
          "continues": false
        }
      ]
    },
    {
      "type": "heading",
      "text": "Rescue",
      "level": 2
    },
    {
      "type": "figure",
      "caption": "Rescuers dig.",
      "credit": {
        "raw": "photo credit: MON/HANDOUT VIA REUTERS",
        "label": "photo credit",
        "creators": [],
        "agencies": [
          "MON"
        ],
        "via": "REUTERS",
        "handout": true,
        "pool": false,
        "file": false
      },
      "image": null,
      "alt": null
    }
  ],
  "meta": {
    "id": "a1",
    "url": null,
    "publisher": null,
    "language": "en-GB",
    "published": "2015-04-25T11:56:00+05:45",
    "modified": null,
    "keywords": [
      "Nepal",
      "earthquake"
    ]
  }
}
"""

ENGINES = ("stdlib", "orjson")
# The engines a property test can loop over here: without orjson installed,
# the standard library alone (the parametrized tests show orjson skipped).
AVAILABLE = ENGINES if json_format._ORJSON is not None else ENGINES[:1]


@contextmanager
def engine(name: str) -> Iterator[None]:
    """Run the JSON format on the standard library alone, or with orjson."""
    if name == "orjson":
        if json_format._ORJSON is None:
            pytest.skip("orjson is not installed")
        yield
        return
    with mock.patch.object(json_format, "_ORJSON", None):
        yield


# -- writing -----------------------------------------------------------------


@pytest.mark.parametrize("name", ENGINES)
def test_golden_article_is_written_exactly(name: str) -> None:
    """A hand-built article is written as the pinned text, with any engine."""
    with engine(name):
        assert to_json(ARTICLE) == GOLDEN


@pytest.mark.parametrize("name", ENGINES)
def test_golden_document_reads_back_as_the_article(name: str) -> None:
    """The pinned text reads as the hand-built article, as str and bytes."""
    with engine(name):
        assert from_json(GOLDEN) == ARTICLE
        assert from_json(GOLDEN.encode()) == ARTICLE


def test_keys_follow_the_model_field_order() -> None:
    """Every object's keys come in the model's field order, schema first."""
    document = json.loads(to_json(ARTICLE))
    assert list(document) == [
        "schema",
        "headline",
        "standfirst",
        "byline",
        "dateline",
        "body",
        "meta",
    ]
    assert list(document["body"][0]) == ["type", "text", "quotes"]
    assert list(document["body"][0]["quotes"][0]) == [
        "text",
        "start",
        "end",
        "speaker",
        "verb",
        "outlet",
        "continues",
    ]
    assert list(document["body"][1]) == ["type", "text", "level"]
    assert list(document["body"][2]) == [
        "type",
        "caption",
        "credit",
        "image",
        "alt",
    ]
    assert list(document["body"][2]["credit"]) == [
        "raw",
        "label",
        "creators",
        "agencies",
        "via",
        "handout",
        "pool",
        "file",
    ]
    assert list(document["meta"]) == [
        "id",
        "url",
        "publisher",
        "language",
        "published",
        "modified",
        "keywords",
    ]


def test_non_ascii_text_is_written_as_is() -> None:
    """Curly quotes, Cyrillic, right-to-left text and emoji are not escaped."""
    text = "“Київ” — שלום 😀 naïve\u00a0x"
    written = to_json(Article(headline=text))
    assert f'"headline": "{text}"' in written
    assert "\\u" not in written


def test_control_characters_are_escaped() -> None:
    """Characters JSON forbids raw inside strings come out as escapes."""
    written = to_json(Article(headline="tab\there\x00"))
    assert '"headline": "tab\\there\\u0000"' in written


@pytest.mark.parametrize("name", ENGINES)
def test_compact_output_is_one_line(name: str) -> None:
    """indent=None writes the document on one line, ending in a newline."""
    with engine(name):
        written = to_json(ARTICLE, indent=None)
    assert written.endswith("}\n")
    assert written.count("\n") == 1
    assert from_json(written) == ARTICLE


@given(articles())
def test_output_is_what_json_dumps_writes(article: Article) -> None:
    """Both engines write exactly what json.dumps writes for the same data."""
    for name in AVAILABLE:
        with engine(name):
            indented = to_json(article)
            compact = to_json(article, indent=None)
            four = to_json(article, indent=4)
        data = json.loads(indented)
        expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        assert expected == indented
        expected = (
            json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        )
        assert expected == compact
        assert json.dumps(data, ensure_ascii=False, indent=4) + "\n" == four


@given(articles())
def test_writing_is_deterministic(article: Article) -> None:
    """An article and its copy read back from JSON are written the same."""
    written = to_json(article)
    assert written == to_json(from_json(written))
    assert written.endswith("}\n")


# -- round trips -------------------------------------------------------------


@given(articles())
def test_json_round_trip(article: Article) -> None:
    """Any article comes back from JSON unchanged."""
    assert article == from_json(to_json(article))


@given(articles())
def test_round_trip_through_bytes_and_compact_output(article: Article) -> None:
    """Any article survives UTF-8 bytes and one-line output, both engines."""
    for name in AVAILABLE:
        with engine(name):
            assert article == from_json(to_json(article).encode("utf-8"))
            assert article == from_json(to_json(article, indent=None))


@pytest.mark.parametrize("name", ENGINES)
def test_lone_surrogates_survive_a_text_round_trip(name: str) -> None:
    """Text with a lone surrogate (no UTF-8 can hold it) round-trips as str."""
    article = Article(headline="half a pair: \ud83d")
    with engine(name):
        assert from_json(to_json(article)) == article


@pytest.mark.parametrize("indent", [2, None], ids=["indented", "compact"])
@pytest.mark.parametrize("name", ENGINES)
def test_lone_surrogates_are_written_as_escapes(
    name: str, indent: int | None
) -> None:
    """A lone surrogate is written as an escape, so the output saves as UTF-8."""
    article = Article(headline="half a pair: \ud83d")
    with engine(name):
        document = to_json(article, indent=indent)
    assert "half a pair: \\ud83d" in document
    assert from_json(document.encode("utf-8")) == article


def test_keys_with_defaults_may_be_left_out() -> None:
    """A minimal document reads, the missing keys taking the model defaults."""
    document = {
        "schema": "newsdoc/1",
        "headline": "H",
        "body": [
            {"type": "paragraph", "text": "P"},
            {"type": "heading", "text": "S"},
            {"type": "figure", "credit": {"raw": "AP"}},
        ],
        "meta": {},
    }
    expected = Article(
        headline="H",
        body=(
            Paragraph(text="P"),
            Heading(text="S"),
            Figure(credit=Credit(raw="AP")),
        ),
    )
    assert expected == from_json(json.dumps(document))


def test_a_leading_byte_order_mark_is_ignored() -> None:
    """A UTF-8 byte order mark before the document is skipped, as RFC 8259 allows."""
    assert from_json("\ufeff" + GOLDEN) == ARTICLE
    assert from_json(b"\xef\xbb\xbf" + GOLDEN.encode()) == ARTICLE


def test_utc_written_as_z_is_read() -> None:
    """A hand-written "Z" offset reads as UTC."""
    document = json.loads(GOLDEN)
    document["meta"]["published"] = "2015-04-25T06:11:00Z"
    assert ARTICLE.meta.published == (
        from_json(json.dumps(document)).meta.published
    )


# -- refused documents -------------------------------------------------------


def _set(*path: str | int, value: object) -> Callable[[Any], Any]:
    def change(document: Any) -> Any:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        return document

    return change


def _delete(*path: str | int) -> Callable[[Any], Any]:
    def change(document: Any) -> Any:
        target = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]
        return document

    return change


def _replace(value: object) -> Callable[[Any], Any]:
    return lambda _document: value


_QUOTE = ("body", 0, "quotes", 0)
_CREDIT = ("body", 2, "credit")

BAD_DOCUMENTS = [
    pytest.param(_replace([]), "$", "not an array", id="top-level-array"),
    pytest.param(_replace("x"), "$", "not a string", id="top-level-string"),
    pytest.param(_replace(None), "$", "not null", id="top-level-null"),
    pytest.param(_delete("schema"), "$.schema", "missing", id="no-schema"),
    pytest.param(
        _set("schema", value="newsdoc/2"),
        "$.schema",
        "reads 'newsdoc/1'",
        id="unknown-schema-version",
    ),
    pytest.param(
        _set("schema", value=1),
        "$.schema",
        "not an integer",
        id="schema-not-string",
    ),
    pytest.param(
        _delete("headline"), "$.headline", "missing", id="no-headline"
    ),
    pytest.param(
        _set("headline", value="two\nlines"),
        "$.headline",
        "one line",
        id="headline-two-lines",
    ),
    pytest.param(
        _set("headline", value=" \u00a0"),
        "$.headline",
        "blank",
        id="headline-blank",
    ),
    pytest.param(
        _set("headline", value=None),
        "$.headline",
        "not null",
        id="headline-null",
    ),
    pytest.param(
        _set("title", value="x"),
        "$.title",
        "unknown key",
        id="unknown-top-key",
    ),
    pytest.param(
        _set("standfirst", value="x"),
        "$.standfirst",
        "not a string",
        id="standfirst-string",
    ),
    pytest.param(
        _set("standfirst", "type", value="paragraph"),
        "$.standfirst.type",
        "unknown key",
        id="standfirst-with-type",
    ),
    pytest.param(
        _set("body", value="x"), "$.body", "an array", id="body-string"
    ),
    pytest.param(
        _set("body", 1, value=[1]), "$.body[1]", "an object", id="block-array"
    ),
    pytest.param(
        _delete("body", 1, "type"),
        "$.body[1].type",
        "missing",
        id="block-without-type",
    ),
    pytest.param(
        _set("body", 1, "type", value="table"),
        "$.body[1].type",
        "'paragraph', 'heading', 'figure'",
        id="unknown-block-type",
    ),
    pytest.param(
        _set("body", 0, "colour", value="red"),
        "$.body[0].colour",
        "a paragraph has: type, text, quotes",
        id="unknown-paragraph-key",
    ),
    pytest.param(
        _set("body", 0, "my key", value=1),
        '$.body[0]["my key"]',
        "unknown key",
        id="unknown-key-with-space",
    ),
    pytest.param(
        _set("body", 0, "quotes", value="We are safe,"),
        "$.body[0].quotes",
        "an array",
        id="quotes-string",
    ),
    pytest.param(
        _set(*_QUOTE, "start", value=True),
        "$.body[0].quotes[0].start",
        "not a boolean",
        id="offset-bool",
    ),
    pytest.param(
        _set(*_QUOTE, "start", value=1.0),
        "$.body[0].quotes[0].start",
        "not a number",
        id="offset-float",
    ),
    pytest.param(
        _set(*_QUOTE, "end", value="13"),
        "$.body[0].quotes[0].end",
        "not a string",
        id="offset-string",
    ),
    pytest.param(
        _delete(*_QUOTE, "start"),
        "$.body[0].quotes[0].start",
        "missing",
        id="quote-without-start",
    ),
    pytest.param(
        _set(*_QUOTE, "end", value=14),
        "$.body[0].quotes[0]",
        "span 13 characters",
        id="quote-span-not-its-length",
    ),
    pytest.param(
        _set(*_QUOTE, "text", value="We are sad, "),
        "$.body[0]",
        "not the paragraph's text",
        id="quote-text-not-at-offsets",
    ),
    pytest.param(
        _set(
            "body",
            0,
            "quotes",
            value=[
                {"text": "said", "start": 15, "end": 19, "continues": True},
                {"text": "Ram", "start": 20, "end": 23},
            ],
        ),
        "$.body[0]",
        "not the last quote",
        id="continues-before-last-quote",
    ),
    pytest.param(
        _set(
            "body",
            0,
            "quotes",
            value=[
                {"text": "said", "start": 15, "end": 19},
                {"text": "We", "start": 1, "end": 3},
            ],
        ),
        "$.body[0]",
        "before the quote before it",
        id="quotes-out-of-order",
    ),
    pytest.param(
        _set(*_QUOTE, "continues", value=0),
        "$.body[0].quotes[0].continues",
        "a boolean",
        id="continues-int",
    ),
    pytest.param(
        _set("body", 1, "level", value=7),
        "$.body[1].level",
        "from 1 to 6",
        id="heading-level-7",
    ),
    pytest.param(
        _set("body", 1, "level", value="2"),
        "$.body[1].level",
        "an integer",
        id="heading-level-string",
    ),
    pytest.param(
        _set("body", 1, "text", value="A\u2028B"),
        "$.body[1].text",
        "one line",
        id="heading-line-separator",
    ),
    pytest.param(
        lambda d: _set("body", 2, "credit", value=None)(
            _set("body", 2, "caption", value=None)(d)
        ),
        "$.body[2]",
        "a caption or a credit",
        id="figure-without-caption-or-credit",
    ),
    pytest.param(
        _set(*_CREDIT, value=[]),
        "$.body[2].credit",
        "an object or null",
        id="credit-array",
    ),
    pytest.param(
        _set(*_CREDIT, "raw", value=5),
        "$.body[2].credit.raw",
        "a string",
        id="credit-raw-int",
    ),
    pytest.param(
        _delete(*_CREDIT, "raw"),
        "$.body[2].credit.raw",
        "missing",
        id="credit-without-raw",
    ),
    pytest.param(
        _set(*_CREDIT, "creators", value="Ann"),
        "$.body[2].credit.creators",
        "an array",
        id="creators-string",
    ),
    pytest.param(
        _set(*_CREDIT, "creators", value={"Ann": 1}),
        "$.body[2].credit.creators",
        "an array",
        id="creators-object",
    ),
    pytest.param(
        _set(*_CREDIT, "agencies", value=["MON", " "]),
        "$.body[2].credit.agencies[1]",
        "blank",
        id="agency-blank",
    ),
    pytest.param(
        _set(*_CREDIT, "agencies", value=["MON", 7]),
        "$.body[2].credit.agencies[1]",
        "expected a string, not an integer",
        id="agency-int",
    ),
    pytest.param(
        _set(*_CREDIT, "handout", value="yes"),
        "$.body[2].credit.handout",
        "a boolean",
        id="handout-string",
    ),
    pytest.param(
        _set("meta", value=None), "$.meta", "an object", id="meta-null"
    ),
    pytest.param(
        _set("meta", "published", value="2015-04-25T11:56:00"),
        "$.meta.published",
        "no UTC offset",
        id="naive-datetime",
    ),
    pytest.param(
        _set("meta", "published", value="25 April 2015"),
        "$.meta.published",
        "ISO 8601",
        id="datetime-not-iso",
    ),
    pytest.param(
        _set("meta", "published", value="2015-02-30T11:56:00+05:45"),
        "$.meta.published",
        "not a valid date",
        id="datetime-february-30",
    ),
    pytest.param(
        _set("meta", "modified", value=1429941360),
        "$.meta.modified",
        "a string or null",
        id="datetime-timestamp",
    ),
    pytest.param(
        _set("meta", "language", value="en_GB"),
        "$.meta.language",
        "BCP 47",
        id="language-underscore",
    ),
    pytest.param(
        _set("meta", "keywords", value="Nepal"),
        "$.meta.keywords",
        "an array",
        id="keywords-string",
    ),
]


@pytest.mark.parametrize("name", ENGINES)
@pytest.mark.parametrize(("change", "path", "words"), BAD_DOCUMENTS)
def test_bad_document_is_refused_with_its_path(
    name: str, change: Callable[[Any], Any], path: str, words: str
) -> None:
    """A document that breaks the format is one ParseError naming the place."""
    document = change(json.loads(GOLDEN))
    with engine(name), pytest.raises(ParseError) as caught:
        from_json(json.dumps(document, ensure_ascii=False))
    error = caught.value
    assert ("json", path, None) == (error.format, error.path, error.line)
    assert words in error.message


MALFORMED = [
    pytest.param(
        '{\n  "schema": "newsdoc/1",\n  "headline": }\n', 3, id="value"
    ),
    pytest.param('{\n  "schema": "newsdoc/1",\n', 3, id="cut-short"),
    pytest.param('{"schema": "newsdoc/1",}', 1, id="trailing-comma"),
    pytest.param("", 1, id="empty"),
    pytest.param("\n\n  nope", 3, id="not-json"),
    pytest.param('{"a": 1} {"b": 2}', 1, id="two-documents"),
    pytest.param('{"headline": "x\ny"}', 1, id="raw-line-break-in-string"),
]


@pytest.mark.parametrize("name", ENGINES)
@pytest.mark.parametrize(("text", "line"), MALFORMED)
def test_malformed_json_names_the_line(
    name: str, text: str, line: int
) -> None:
    """JSON that does not parse is a ParseError with the line of the fault."""
    with engine(name), pytest.raises(ParseError) as caught:
        from_json(text)
    assert ("json", line) == (caught.value.format, caught.value.line)
    assert "malformed JSON" in caught.value.message


@pytest.mark.parametrize("name", ENGINES)
def test_invalid_utf8_names_the_line(name: str) -> None:
    """Bytes that are not UTF-8 are a ParseError naming the line and byte."""
    data = b'{\n"schema": "newsdoc/1",\n"headline": "caf\xe9"}'
    with engine(name), pytest.raises(ParseError) as caught:
        from_json(data)
    assert caught.value.line == 3
    assert "0xe9" in caught.value.message


@pytest.mark.parametrize("name", ENGINES)
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" * 100_000, id="deep-nesting"),
        pytest.param('{"headline": ' + "9" * 5000 + "}", id="huge-integer"),
    ],
)
def test_unreadable_json_is_a_parse_error(name: str, text: str) -> None:
    """JSON too deep or with integers too long for Python is a ParseError."""
    with engine(name), pytest.raises(ParseError):
        from_json(text)


def test_a_value_that_is_not_text_is_a_type_error() -> None:
    """Passing something that is neither str nor bytes is a caller's bug."""
    with pytest.raises(TypeError):
        from_json(12)  # type: ignore[arg-type]


# -- anything in, an Article or a ParseError out ---------------------------

_KEYS = st.sampled_from(
    [
        "schema",
        "headline",
        "standfirst",
        "body",
        "meta",
        "type",
        "text",
        "quotes",
        "start",
        "end",
        "credit",
        "raw",
        "published",
    ]
)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=10)
    | st.sampled_from(["newsdoc/1", "paragraph", "heading", "figure"])
)
_JSON_VALUES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(_KEYS | st.text(max_size=5), children, max_size=5)
    ),
    max_leaves=20,
)


def _read(data: str | bytes) -> None:
    for name in AVAILABLE:
        with engine(name):
            result: Article | ParseError
            try:
                result = from_json(data)
            except ParseError as error:
                result = error
        if isinstance(result, ParseError):
            assert result.format == "json"
            assert (result.path or "$").startswith("$")
        else:
            assert isinstance(result, Article)


@given(_JSON_VALUES)
def test_any_json_value_gives_an_article_or_a_parse_error(value: Any) -> None:
    """Whatever JSON comes in, from_json returns an Article or a ParseError."""
    _read(json.dumps(value))


@given(st.binary(max_size=200))
def test_any_bytes_give_an_article_or_a_parse_error(data: bytes) -> None:
    """Whatever bytes come in, from_json returns an Article or a ParseError."""
    _read(data)


def _places(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[Any]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


@given(articles(max_blocks=4), st.data())
def test_a_changed_document_gives_an_article_or_a_parse_error(
    article: Article, data: st.DataObject
) -> None:
    """A written document with any one value replaced reads or is refused."""
    document = json.loads(to_json(article))
    places = list(_places(document))
    path = data.draw(st.sampled_from(places[1:]))
    replaced = copy.deepcopy(document)
    _set(*path, value=data.draw(_JSON_VALUES))(replaced)
    _read(json.dumps(replaced))


# -- the schema --------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The shipped schema passes the draft 2020-12 meta-schema."""
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_json_schema_returns_a_fresh_dict() -> None:
    """Changing the returned schema does not change the next one."""
    json_schema()["properties"].clear()
    assert "headline" in json_schema()["properties"]


VALIDATOR = Draft202012Validator(json_schema())


@given(articles())
def test_every_written_document_matches_the_schema(article: Article) -> None:
    """Whatever to_json writes validates against the JSON Schema."""
    VALIDATOR.validate(json.loads(to_json(article)))


@pytest.mark.parametrize(
    ("change", "path"),
    [
        pytest.param(p.values[0], p.values[1], id=p.id)
        for p in BAD_DOCUMENTS
        # What a schema cannot say: offsets against text, quote order,
        # calendar dates and the model's own words.
        if p.id
        not in {
            "quote-span-not-its-length",
            "quote-text-not-at-offsets",
            "continues-before-last-quote",
            "quotes-out-of-order",
            "datetime-february-30",
            "offset-float",
        }
    ],
)
def test_schema_refuses_what_the_reader_refuses(
    change: Callable[[Any], Any], path: str
) -> None:
    """The schema too rejects the bad documents a schema can describe."""
    document = change(json.loads(GOLDEN))
    assert not VALIDATOR.is_valid(document), path
