"""
Hostile, malformed and awkward input across every reader and writer.

Each reader's contract is the same: any input gives an `Article` or a
`ParseError`, nothing else, and promptly. Each writer takes any article a
reader made. Text that is awkward but legal survives every format that can
carry it, and NewsML-G2 treats what XML cannot carry as documented.

The NewsML-G2 mutator here (`mutate_newsml`) is also what the fuzzer in
``fuzz/fuzz_newsml.py`` mutates structure with.
"""

from __future__ import annotations

import copy
import functools
import json
import random
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, Final, TypeVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import (
    Article,
    ArticleMeta,
    Credit,
    Figure,
    Heading,
    Paragraph,
    ParseError,
    Quote,
    cli,
    from_json,
    from_newsml,
    parse_text,
    to_json,
    to_newsml,
    to_text,
)
from newsdoc._chars import XML_UNSAFE
from newsdoc.formats.json import DEFAULT_MAX_BYTES as JSON_MAX_BYTES
from newsdoc.formats.newsml import DEFAULT_MAX_BYTES
from newsdoc.formats.text import DEFAULT_MAX_BYTES as TEXT_MAX_BYTES
from newsdoc.testing import diff
from tests.conftest import SEED, shared_path
from tests.strategies import articles, characters


_Input = TypeVar("_Input", str, bytes)

# -- promptness ------------------------------------------------------------

#: How long one call may take before the guard calls it a hang.
#: Generous on purpose: this catches loops and blow-ups, it times nothing.
GUARD_SECONDS: Final = 20.0


class HangError(BaseException):
    """
    A call outlived `GUARD_SECONDS`.

    A `BaseException`, like `KeyboardInterrupt`, so that no reader's
    ``except Exception`` can turn it into a `ParseError`.
    """


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    msg = f"the call did not finish within {GUARD_SECONDS} seconds"
    raise HangError(msg)


@contextmanager
def prompt() -> Iterator[None]:
    """Fail with `HangError` if the body runs longer than `GUARD_SECONDS`."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, GUARD_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_or_refuse(
    reader: Callable[[_Input], Article], data: _Input
) -> Article | None:
    """
    Run *reader* on *data* under the guard; `None` if it raised `ParseError`.

    Any other exception propagates and fails the test, and so does a
    result that is not an `Article`.
    """
    with prompt():
        try:
            article = reader(data)
        except ParseError:
            return None
    assert type(article) is Article, f"{reader.__name__} gave {article!r}"
    return article


def refusal(reader: Callable[[_Input], Article], data: _Input) -> ParseError:
    """The `ParseError` that *reader* raises, under the guard, on *data*."""
    with prompt(), pytest.raises(ParseError) as info:
        reader(data)
    return info.value


# -- articles and their characters -----------------------------------------


def strings_of(value: object) -> Iterator[str]:
    """Every string held anywhere in an article or a part of one."""
    if isinstance(value, str):
        yield value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from strings_of(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from strings_of(item)


def replace_unsafe(article: Article) -> Article:
    """*article* as NewsML-G2 documents it: unsafe characters become U+FFFD."""

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            return XML_UNSAFE.sub("\ufffd", value)
        if attrs.has(type(value)):
            changes = {
                field.name: fix(getattr(value, field.name))
                for field in attrs.fields(type(value))
                if field.init
            }
            return attrs.evolve(value, **changes)
        if isinstance(value, tuple):
            return tuple(fix(item) for item in value)
        return value

    fixed: Article = fix(article)
    return fixed


def differences(expected: Article, actual: Article) -> str:
    """How two articles differ, path by path, for an assertion message."""
    return "\n".join(diff(expected, actual))


def check_writers(article: Article) -> None:
    """
    Write an article a reader made in every format, reading back JSON.

    NewsML-G2 must write well-formed XML that reads back as the article
    with unsafe characters replaced; the plain-text writer must not fail.
    """
    again = from_json(to_json(article))
    assert article == again, differences(article, again)
    expected = replace_unsafe(article)
    for package in (False, True):
        back = from_newsml(to_newsml(article, package=package))
        assert expected == back, differences(expected, back)
    for style in ("raw", "reading"):
        assert to_text(article, style=style).endswith("\n")


# -- NewsML-G2 mutation ----------------------------------------------------

#: What the mutator puts in place of an element's text or attribute value:
#: nothing, blanks, numbers, dates and codes that are wrong in their place,
#: markup-like text, awkward Unicode and a long run.
REPLACEMENTS: Final = (
    "",
    " ",
    "\u00a0\u200b",
    "x",
    "0",
    "-1",
    "9" * 40,
    "2026-13-45T25:61:99+99:99",
    "urn:newsml:example.com:20260101:x",
    "drol:summary",
    "ninat:picture",
    "application/xhtml+xml",
    "<p>not markup</p> &amp;",
    "שלום, world",
    "e\u0301 😀\u200d👍🏽",
    "line\u2028break\u2029",
    "x" * 100_000,
)

_TRUSTED_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, remove_blank_text=False
)


def _elements(root: etree._Element) -> list[etree._Element]:
    """Every element under *root*, in document order (no comments or PIs)."""
    return [e for e in root.iter() if isinstance(e.tag, str)]


def _drop(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_elements(root)[1:] or [root])
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _duplicate(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_elements(root)[1:] or [root])
    parent = element.getparent()
    if parent is not None:
        parent.insert(parent.index(element) + 1, copy.deepcopy(element))


def _reorder(root: etree._Element, rng: random.Random) -> None:
    parent = rng.choice([e for e in _elements(root) if len(e)] or [root])
    children = list(parent)
    rng.shuffle(children)
    parent[:] = children


def _move(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_elements(root)[1:] or [root])
    inside = set(element.iter())
    targets = [e for e in _elements(root) if e not in inside]
    if element is not root and targets:
        target = rng.choice(targets)
        target.insert(rng.randint(0, len(target)), element)


def _unwrap(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_elements(root)[1:] or [root])
    parent = element.getparent()
    if parent is not None:
        index = parent.index(element)
        parent[index : index + 1] = list(element)


def _replace_text(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice(_elements(root))
    element.text = rng.choice(REPLACEMENTS)


def _remove_attribute(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice([e for e in _elements(root) if e.attrib] or [root])
    if element.attrib:
        del element.attrib[rng.choice(sorted(element.attrib))]


def _replace_attribute(root: etree._Element, rng: random.Random) -> None:
    element = rng.choice([e for e in _elements(root) if e.attrib] or [root])
    if element.attrib:
        name = rng.choice(sorted(element.attrib))
        element.set(name, rng.choice(REPLACEMENTS))


#: The mutations, each applied to a random place of a parsed document.
MUTATIONS: Final = (
    _drop,
    _duplicate,
    _reorder,
    _move,
    _unwrap,
    _replace_text,
    _remove_attribute,
    _replace_attribute,
)


def mutate_newsml(data: bytes, rng: random.Random, *, steps: int = 1) -> bytes:
    """
    Apply *steps* random structural mutations to a NewsML-G2 document.

    Elements are dropped, duplicated, reordered, moved elsewhere or
    unwrapped (replaced by their children), text is replaced and attributes
    are removed or given wrong values, each at a random place chosen by
    *rng*, so the result is well-formed XML of a shape our reader has not
    seen.

    Args:
        data: A well-formed XML document (trusted: our own output or an
            IPTC example).
        rng: The source of every choice; a seeded or Hypothesis random
            makes the mutation reproducible.
        steps: How many mutations to apply, one after another.

    Returns:
        The mutated document as UTF-8 with an XML declaration.
    """
    root = etree.fromstring(data, _TRUSTED_PARSER)
    for _ in range(steps):
        rng.choice(MUTATIONS)(root, rng)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


# -- reference documents -------------------------------------------------


@functools.cache
def seed_article() -> Article:
    """The embedded seed article, read once."""
    return parse_text(SEED.read_text(encoding="utf-8"))


def iptc_examples() -> list[bytes]:
    """The IPTC (and dpa) NewsML-G2 examples; skips when ../shared is absent."""
    folder = shared_path("newsml-g2", "examples")
    return [path.read_bytes() for path in sorted(folder.glob("*.xml"))]


@functools.cache
def _schema() -> etree.XMLSchema:
    path = shared_path("newsml-g2", "NewsML-G2_2.35-spec-All-Power.xsd")
    return etree.XMLSchema(etree.parse(str(path), _TRUSTED_PARSER))


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The IPTC NewsML-G2 2.35 schema (skips when ../shared is absent)."""
    return _schema()


def assert_schema_valid(schema: etree.XMLSchema, document: bytes) -> None:
    """Assert *document* is well-formed XML that the IPTC schema accepts."""
    # recover=False: a strict parser raises on anything ill-formed.
    root = etree.fromstring(document, etree.XMLParser(recover=False))
    assert schema.validate(root), schema.error_log


# -- awkward but legal characters ------------------------------------------

#: Every line break `str.splitlines` knows, by name.
LINE_BREAK_CHARACTERS: Final = {
    "line feed": "\n",
    "carriage return": "\r",
    "CR LF": "\r\n",
    "line tabulation": "\v",
    "form feed": "\f",
    "file separator": "\x1c",
    "group separator": "\x1d",
    "record separator": "\x1e",
    "next line": "\x85",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
}

#: Characters that are not line breaks but trip naive code, by name.
AWKWARD_CHARACTERS: Final = {
    "tab": "\t",
    "bell": "\x07",
    "escape": "\x1b",
    "unit separator": "\x1f",
    "delete": "\x7f",
    "C1 control": "\x9b",
    "no-break space": "\u00a0",
    "narrow no-break space": "\u202f",
    "ideographic space": "\u3000",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "combining acute": "e\u0301",
    "stacked combining marks": "a\u0301\u0308\u0327\u20dd",
    "Hebrew": "שָׁלוֹם",
    "Arabic": "مرحبا بالعالم",
    "right-to-left override": "\u202eabc\u202c",
    "bidi isolates": "\u2067ltr\u2069",
    "emoji": "😀",
    "emoji ZWJ sequence": "👨\u200d👩\u200d👧",
    "emoji skin tone": "👍🏽",
    "flag": "🇺🇦",
    "astral letter": "\U0001d54f",
    "noncharacters": "\ufffe\uffff",
    "replacement character": "\ufffd",
    "private use": "\ue000\U000f0000",
    "lone high surrogate": "\ud800",
    "lone low surrogate": "\udfff",
}

#: Both tables together.
ALL_AWKWARD: Final = AWKWARD_CHARACTERS | LINE_BREAK_CHARACTERS


def awkward_article(awkward: str) -> Article:
    """
    An article with *awkward* in every text field that may hold it.

    Fields that must be one line (headline, heading, dateline, names and
    identifiers) get it only when it is no line break; quotes sit around
    it at real offsets.
    """
    one_line = not any(
        c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029" for c in awkward
    )
    inline = f"A{awkward}B" if one_line else "AB"
    quoted = f"It{awkward}works"
    text = f"She said “{quoted}” today{awkward}and left."
    start = text.index(quoted)
    return Article(
        headline=f"Head{inline}line",
        standfirst=Paragraph(text=f"Stand{awkward}first"),
        byline=f"By Ann{awkward}Lee",
        dateline=f"KYIV{inline}, May 1 (Reuters)",
        body=(
            Paragraph(
                text=text,
                quotes=(
                    Quote(
                        text=quoted,
                        start=start,
                        end=start + len(quoted),
                        speaker=f"Ann{awkward}Lee",
                        verb=f"said{awkward}",
                        outlet=f"Radio{awkward}",
                    ),
                ),
            ),
            Heading(text=f"Sub{inline}head"),
            Figure(
                caption=f"A{awkward}caption",
                credit=Credit(
                    raw=f"Photo{awkward}Ann / AP",
                    label=f"Photo{inline}",
                    creators=(f"Ann{inline}",),
                    agencies=(f"AP{inline}",),
                    via=f"Via{inline}",
                ),
                image=f"https://example.com/{awkward}.jpg",
                alt=f"Alt{awkward}text",
            ),
        ),
        meta=ArticleMeta(
            id=f"id{inline}",
            url=f"https://example.com/{inline}",
            publisher=f"Pub{inline}",
            keywords=(f"key{inline}",),
        ),
    )


def _encodable(text: str) -> bool:
    """Whether *text* can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- raw text --------------------------------------------------------------

#: Lines shaped like the parts of a scraped article, so that generated text
#: reaches the reader's rules and not only its first refusal.
NEWS_LINES: Final = (
    "Storm closes the coast road for a second day",
    "By Ann Lee and Tom Park",
    "Ann Lee · The Courier",
    "KYIV, May 1 (Reuters) - The council met on Tuesday.",
    "HARBOUR TOWN (AP) — Crews worked through the night.",
    "Boats wait in the harbour. (photo credit: ANN LEE/HANDOUT VIA AP)",
    "(photo credit: ANN LEE/HANDOUT VIA AP)",
    "Photograph: Tom Park/Reuters",
    "— Picture by Tom Park",
    "Credit: The Courier",
    "(AP Photo/Ann Lee)",
    "WHAT HAPPENS NEXT",
    "Why did the road close?",
    '"We are ready," the mayor said. "The crews know the road."',
    "“It is over,” according to Radio North.",
    "‘Not yet,’ said Lee, who described it as “a long night.",
    'The mayor, described by aides as "tireless", did not comment.',
    "",
    " ",
)


def _joined(parts: list[str], breaks: list[str]) -> str:
    pieces: list[str] = []
    for index, part in enumerate(parts):
        pieces.extend((part, breaks[index % len(breaks)]))
    return "".join(pieces)


#: Text of every kind: any characters, and lines shaped like an article
#: joined by every kind of line break.
ANY_TEXT: Final = st.text(characters(), max_size=200) | st.builds(
    _joined,
    st.lists(
        st.sampled_from(NEWS_LINES) | st.text(characters(), max_size=40),
        max_size=12,
    ),
    st.lists(
        st.sampled_from(
            ("\n", "\n\n", "\r\n\r\n", *LINE_BREAK_CHARACTERS.values())
        ),
        min_size=1,
        max_size=3,
    ),
)


@given(ANY_TEXT)
def test_parse_text_gives_an_article_or_a_parse_error(text: str) -> None:
    """Any text reads as an article that every writer takes, or is refused."""
    article = read_or_refuse(parse_text, text)
    if article is not None:
        check_writers(article)


@given(ANY_TEXT)
def test_text_the_raw_writer_made_reads_back_the_same(text: str) -> None:
    """An article read from any text comes back from its raw layout."""
    article = read_or_refuse(parse_text, text)
    if article is not None:
        assert article == read_or_refuse(parse_text, to_text(article))


def _text_with(awkward: str) -> str:
    return (
        "Storm closes the coast road for a second day\n\n"
        f"The council said{awkward}the road would stay shut until the "
        "crews had cleared the fallen trees and checked the bridge.\n\n"
        f"Drivers were told to use the inland route{awkward}which adds "
        "half an hour to the journey between the two towns.\n"
    )


@pytest.mark.parametrize(
    "awkward",
    [pytest.param(c, id=name) for name, c in AWKWARD_CHARACTERS.items()],
)
def test_parse_text_keeps_awkward_characters(awkward: str) -> None:
    """Characters other than line breaks stay in the text, round trip too."""
    article = parse_text(_text_with(awkward))
    first, second = article.paragraphs
    assert awkward in first.text
    assert awkward in second.text
    assert article == parse_text(to_text(article))


@pytest.mark.parametrize(
    "awkward",
    [pytest.param(c, id=name) for name, c in LINE_BREAK_CHARACTERS.items()],
)
def test_parse_text_reads_every_line_break_as_a_line_feed(
    awkward: str,
) -> None:
    """Each kind of line break inside a paragraph becomes one line feed."""
    article = parse_text(_text_with(awkward))
    first, second = article.paragraphs
    assert "The council said\nthe road" in first.text
    assert "inland route\nwhich adds" in second.text
    assert article == parse_text(to_text(article))


def test_parse_text_refuses_a_nul_byte_naming_its_line() -> None:
    """NUL marks binary data: refused with the line it is on."""
    error = refusal(parse_text, _text_with("\x00"))
    assert error.line == 3


def test_parse_text_keeps_lone_surrogates_that_json_keeps_too() -> None:
    """
    A str may hold lone surrogates (decoded with ``surrogateescape``).

    The text reader keeps them as it keeps any other character, JSON gives
    them back, and NewsML-G2 writes U+FFFD in their place.
    """
    article = parse_text(_text_with("\udc80"))
    assert "\udc80" in article.paragraphs[0].text
    assert article == from_json(to_json(article))
    replaced = from_newsml(to_newsml(article))
    assert "said\ufffdthe road" in replaced.paragraphs[0].text


def test_parse_text_reads_a_very_long_line() -> None:
    """A paragraph of one long line with many quotes is read whole."""
    sentence = "The crews “worked through the night,” the mayor said. "
    line = sentence * (LONG_LINE_CHARACTERS // len(sentence))
    article = read_or_refuse(parse_text, f"Storm closes the road\n\n{line}\n")
    assert article is not None
    assert line.strip() == article.paragraphs[0].text


# Sizes that take the reader a second or two, far below the guard; a
# reader that went quadratic again would take minutes.
LONG_LINE_CHARACTERS: Final = 1_000_000
TINY_QUOTES: Final = 5_000


@pytest.mark.parametrize(
    "run",
    [
        pytest.param('"' * 200_000, id="straight double marks"),
        pytest.param("“" * 200_000, id="opening curly marks"),
        pytest.param("“a” " * TINY_QUOTES, id="many tiny quotes"),
        pytest.param('"a ' * 70_000, id="unclosed quotes"),
        pytest.param("'" * 200_000, id="apostrophes"),
        pytest.param("said X. " * 30_000, id="attributions"),
        pytest.param("(photo credit: X) " * 20_000, id="credits"),
    ],
)
def test_parse_text_survives_a_run_of_quote_marks_and_patterns(
    run: str,
) -> None:
    """Long runs of what the quote and credit rules look for end promptly."""
    for text in (f"A headline\n\n{run}\n", f"A headline\n\n{run}\n" * 3):
        article = read_or_refuse(parse_text, text)
        if article is not None:
            check_writers(article)


def test_parse_text_reads_many_short_lines_promptly() -> None:
    """Thirty thousand one-word blocks are read (or refused) promptly."""
    text = "A headline\n\n" + "Word.\n\n" * 30_000
    article = read_or_refuse(parse_text, text)
    assert article is not None


def test_parse_text_refuses_text_over_its_limit_before_reading_it() -> None:
    """
    Text over *max_bytes* is refused for its size, not its content.

    NUL bytes of that size get the size error, not the binary-data one, so
    nothing read them first; the limit counts UTF-8 bytes, default 16 MiB.
    """
    text = SEED.read_text(encoding="utf-8")
    size = len(text.encode("utf-8"))
    assert seed_article() == parse_text(text, max_bytes=size)
    small = refusal(lambda t: parse_text(t, max_bytes=size - 1), text)
    assert "max_bytes" in small.message
    assert small.format == "text"
    binary = "\x00" * (TEXT_MAX_BYTES + 1)
    assert "max_bytes" in refusal(parse_text, binary).message


# -- JSON ------------------------------------------------------------------

#: Any JSON value, nested a few levels.
JSON_VALUES: Final = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(characters()),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(characters(), max_size=10), children, max_size=4
        )
    ),
    max_leaves=20,
)

#: Values the JSON mutator puts in place of a value or under a new key.
JSON_REPLACEMENTS: Final = (
    None,
    True,
    0,
    -1,
    2**64,
    1.5,
    "",
    " ",
    "x",
    "\u2028",
    "2026-13-45T25:61:99+99:99",
    "newsdoc/2",
    "paragraph",
    "heading",
    "figure",
    [],
    [None],
    {},
    {"type": "paragraph"},
)


def _json_places(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) pair inside *value*."""
    places: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else []
        if isinstance(node, list):
            keys = list(range(len(node)))
        for key in keys:
            places.append((node, key))
            if isinstance(node[key], dict | list):
                stack.append(node[key])
    return places


def mutate_json(document: str, rng: random.Random, *, steps: int = 1) -> str:
    """
    Apply *steps* random mutations to a JSON document's values.

    A value is deleted, replaced by one of `JSON_REPLACEMENTS`, duplicated
    in its array, or joined by an unknown key, at a random place chosen by
    *rng*.
    """
    value = json.loads(document)
    for _ in range(steps):
        places = _json_places(value)
        if not places:
            break
        container, key = rng.choice(places)
        action = rng.randrange(4)
        if action == 0:
            del container[key]
        elif action == 1:
            container[key] = copy.deepcopy(rng.choice(JSON_REPLACEMENTS))
        elif action == 2 and isinstance(container, list):
            container.insert(key, copy.deepcopy(container[key]))
        elif isinstance(container, dict):
            container[f"unknown{rng.randrange(3)}"] = None
    return json.dumps(value, ensure_ascii=rng.random() < 0.5)


@given(JSON_VALUES)
def test_from_json_gives_an_article_or_a_parse_error_for_any_value(
    value: object,
) -> None:
    """Any JSON value, as text and as bytes, is an article or refused."""
    document = json.dumps(value, ensure_ascii=False)
    read_or_refuse(from_json, document)
    read_or_refuse(from_json, document.encode("utf-8", "surrogatepass"))


@given(st.binary(max_size=300))
def test_from_json_gives_an_article_or_a_parse_error_for_any_bytes(
    data: bytes,
) -> None:
    """Any bytes are an article or refused."""
    read_or_refuse(from_json, data)
    read_or_refuse(from_json, b'{"schema": "newsdoc/1", ' + data)


@settings(max_examples=50)
@given(
    articles(max_blocks=4),
    st.randoms(use_true_random=False),
    st.integers(1, 4),
)
def test_from_json_reads_mutated_documents(
    article: Article, rng: random.Random, steps: int
) -> None:
    """A valid document with values dropped or changed is read or refused."""
    document = mutate_json(to_json(article), rng, steps=steps)
    again = read_or_refuse(from_json, document)
    if again is not None:
        check_writers(again)


@pytest.mark.parametrize(
    "awkward",
    [pytest.param(c, id=name) for name, c in ALL_AWKWARD.items()],
)
def test_json_keeps_every_awkward_character(awkward: str) -> None:
    """
    JSON gives back every character in every field, lone surrogates too.

    A document with lone surrogates is still text (`to_json` returns
    `str`); without them it is also UTF-8 bytes.
    """
    article = awkward_article(awkward)
    document = to_json(article)
    assert article == from_json(document)
    if _encodable(awkward):
        assert article == from_json(document.encode("utf-8"))


def test_from_json_reads_escaped_lone_surrogates_and_refuses_encoded_ones() -> (
    None
):
    r"""
    ``\ud800`` is legal JSON and kept; the bytes ED A0 80 are not UTF-8.

    A surrogate encoded as if it were a character (CESU-8, WTF-8) is
    refused with the offset of the bad byte.
    """
    document = to_json(Article(headline="Head\ud800line"))
    assert "\ud800" not in document  # written as an escape
    assert Article(headline="Head\ud800line") == from_json(
        document.encode("ascii")
    )
    encoded = b'{"schema": "newsdoc/1", "headline": "Head\xed\xa0\x80line"}'
    error = refusal(from_json, encoded)
    assert "UTF-8" in error.message


@pytest.mark.parametrize(
    "document",
    [
        pytest.param("[" * 100_000 + "]" * 100_000, id="arrays"),
        pytest.param('{"a":' * 100_000 + "1" + "}" * 100_000, id="objects"),
        pytest.param(
            '{"schema": "newsdoc/1", "headline": "H", "body": '
            + "[" * 100_000
            + "]" * 100_000
            + "}",
            id="inside a document",
        ),
        pytest.param("[" * 1_000_000, id="unclosed"),
    ],
)
def test_from_json_refuses_deep_nesting(document: str) -> None:
    """Nesting too deep to follow is refused, never a RecursionError."""
    refusal(from_json, document)


@pytest.mark.parametrize(
    "field",
    ['"start": 1', '"level": 2'],
)
def test_from_json_refuses_huge_numbers(field: str) -> None:
    """An integer of a hundred thousand digits is refused, not converted."""
    article = Article(
        headline="H",
        body=(
            Heading(text="Sub"),
            Paragraph(text="“Hi”", quotes=(Quote(text="Hi", start=1, end=3),)),
        ),
    )
    document = to_json(article)
    assert field in document
    number = field.split(": ", maxsplit=1)[0] + ": " + "9" * 100_000
    refusal(from_json, document.replace(field, number))


def test_from_json_refuses_input_over_its_limit_before_parsing() -> None:
    """
    A document over *max_bytes* is refused for its size, not its content.

    Malformed input of that size gets the size error, so nothing decoded
    it first; a str counts in UTF-8 bytes; the default is 16 MiB.
    """
    document = to_json(seed_article())
    size = len(document.encode("utf-8"))
    assert seed_article() == from_json(document, max_bytes=size)
    small = refusal(lambda d: from_json(d, max_bytes=size - 1), document)
    assert "max_bytes" in small.message
    wide = '"' + "é" * 6 + '"'  # 8 characters, 14 bytes
    assert (
        "max_bytes"
        in refusal(lambda d: from_json(d, max_bytes=13), wide).message
    )
    assert (
        "max_bytes"
        not in refusal(lambda d: from_json(d, max_bytes=14), wide).message
    )
    for malformed in (b"[" * (JSON_MAX_BYTES + 1), "[" * (JSON_MAX_BYTES + 1)):
        assert "max_bytes" in refusal(from_json, malformed).message


# -- NewsML-G2 -------------------------------------------------------------

_NAR: Final = "http://iptc.org/std/nar/2006-10-01/"


@given(st.binary(max_size=300))
def test_from_newsml_gives_an_article_or_a_parse_error_for_any_bytes(
    data: bytes,
) -> None:
    """Any bytes, alone or after the start of a newsItem, are read or refused."""
    read_or_refuse(from_newsml, data)
    opening = f'<?xml version="1.0"?><newsItem xmlns="{_NAR}">'.encode()
    read_or_refuse(from_newsml, opening + data)


@functools.cache
def _own_documents() -> tuple[bytes, ...]:
    article = seed_article()
    return (to_newsml(article), to_newsml(article, package=True))


@settings(max_examples=200)
@given(st.data(), st.randoms(use_true_random=False), st.integers(1, 4))
def test_from_newsml_reads_mutated_own_output(
    data: st.DataObject, rng: random.Random, steps: int
) -> None:
    """Our NewsML-G2 of the seed, mutated, is read or refused."""
    document = data.draw(st.sampled_from(_own_documents()))
    article = read_or_refuse(
        from_newsml, mutate_newsml(document, rng, steps=steps)
    )
    if article is not None:
        check_writers(article)


@settings(max_examples=50)
@given(
    article=articles(alphabet=characters(xml_safe=True), max_blocks=4),
    package=st.booleans(),
    rng=st.randoms(use_true_random=False),
    steps=st.integers(1, 3),
)
def test_from_newsml_reads_mutated_output_of_any_article(
    article: Article, rng: random.Random, steps: int, *, package: bool
) -> None:
    """Our NewsML-G2 of any article, mutated, is read or refused."""
    document = mutate_newsml(
        to_newsml(article, package=package), rng, steps=steps
    )
    read_or_refuse(from_newsml, document)


@settings(max_examples=200)
@given(st.data(), st.randoms(use_true_random=False), st.integers(1, 4))
def test_from_newsml_reads_mutated_iptc_examples(
    data: st.DataObject, rng: random.Random, steps: int
) -> None:
    """The IPTC and dpa examples, mutated, are read or refused."""
    document = data.draw(st.sampled_from(iptc_examples()))
    article = read_or_refuse(
        from_newsml, mutate_newsml(document, rng, steps=steps)
    )
    if article is not None:
        check_writers(article)


@pytest.mark.parametrize(
    "awkward",
    [pytest.param(c, id=name) for name, c in ALL_AWKWARD.items()],
)
@pytest.mark.parametrize("package", [False, True], ids=["item", "package"])
def test_newsml_writes_valid_documents_with_awkward_characters(
    schema: etree.XMLSchema, awkward: str, *, package: bool
) -> None:
    """
    Every character gives a well-formed, schema-valid document.

    What XML can carry comes back; what it cannot is U+FFFD, one for one.
    """
    article = awkward_article(awkward)
    document = to_newsml(article, package=package)
    assert_schema_valid(schema, document)
    assert replace_unsafe(article) == from_newsml(document)


@settings(max_examples=50)
@given(article=articles(max_blocks=4), package=st.booleans())
def test_newsml_writes_valid_documents_for_any_article(
    schema: etree.XMLSchema, article: Article, *, package: bool
) -> None:
    """Any article, whatever its characters, is written schema-valid."""
    document = to_newsml(article, package=package)
    assert_schema_valid(schema, document)
    assert replace_unsafe(article) == from_newsml(document)


@pytest.mark.parametrize(
    "reference",
    ["&#xD800;", "&#xDFFF;", "&#0;", "&#x1B;", "&#xFFFE;"],
)
def test_from_newsml_refuses_references_to_characters_xml_cannot_carry(
    reference: str,
) -> None:
    """A character reference to a surrogate or control is malformed XML."""
    document = to_newsml(Article(headline="Head MARK line"))
    error = refusal(from_newsml, document.replace(b"MARK", reference.encode()))
    assert error.line is not None


@pytest.mark.parametrize(
    "encoded",
    [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\xaf", b"\xff"],
    ids=["high surrogate", "low surrogate", "overlong", "not UTF-8"],
)
def test_from_newsml_refuses_bytes_that_are_not_utf8(encoded: bytes) -> None:
    """Lone surrogates and other invalid UTF-8 in the input are refused."""
    document = to_newsml(Article(headline="Head MARK line"))
    refusal(from_newsml, document.replace(b"MARK", encoded))


def test_from_newsml_refuses_a_str_with_lone_surrogates() -> None:
    """A str holding a lone surrogate cannot be XML: refused, not crashed."""
    document = to_newsml(Article(headline="Head MARK line")).decode()
    refusal(from_newsml, document.replace("MARK", "\udc80"))


# -- resource limits and hostile XML ----------------------------------------


def _with_doctype(subset: str, body: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE newsItem [{subset}]>\n'
        f'<newsItem xmlns="{_NAR}">{body}</newsItem>'
    ).encode()


def _laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">']
    entities.extend(
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">'
        for level in range(1, 10)
    )
    return _with_doctype("".join(entities), "&lol9;")


#: Documents that try to make the parser expand, fetch or read something.
HOSTILE_XML: Final = {
    "billion laughs": _laughs(),
    "quadratic blowup": _with_doctype(
        f'<!ENTITY a "{"a" * 50_000}">', "&a;" * 50_000
    ),
    "external entity": _with_doctype(
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;"
    ),
    "parameter entity": _with_doctype(
        '<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;', ""
    ),
    "network entity": _with_doctype(
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">', "&net;"
    ),
    "external DTD": (
        '<?xml version="1.0"?><!DOCTYPE newsItem SYSTEM "file:///etc/passwd">'
        f'<newsItem xmlns="{_NAR}"/>'
    ).encode(),
}


@pytest.mark.parametrize(
    "document",
    [pytest.param(d, id=name) for name, d in HOSTILE_XML.items()],
)
def test_from_newsml_refuses_dtds_and_entities(document: bytes) -> None:
    """Entity bombs, external entities and DTDs are refused, loading nothing."""
    error = refusal(from_newsml, document)
    assert "root:" not in str(error)


def test_from_newsml_ignores_xinclude() -> None:
    """An XInclude element is never followed: no file reaches the article."""
    document = to_newsml(seed_article())
    include = (
        b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        b'href="/etc/passwd" parse="text"/>'
    )
    hostile = document.replace(b"</p>", include + b"</p>", 1)
    assert hostile != document
    article = read_or_refuse(from_newsml, hostile)
    if article is not None:
        assert not any("root:" in text for text in strings_of(article))


def _in_body(markup: str) -> bytes:
    """
    A NewsML-G2 item with *markup* at the start of its XHTML body.

    The item is the IPTC's own XHTML example, not our output: our reader
    refuses markup it did not write, a foreign item's body it must walk.
    """
    path = shared_path(
        "newsml-g2", "examples", "CR00201_charcount_xhtml_body.xml"
    )
    document = path.read_text(encoding="utf-8")
    index = document.index("<body>") + len("<body>")
    return (document[:index] + markup + document[index:]).encode()


def test_from_newsml_refuses_deep_nesting() -> None:
    """A hundred thousand nested elements are refused, not recursed into."""
    refusal(from_newsml, _in_body("<div>" * 100_000 + "</div>" * 100_000))


@pytest.mark.parametrize("depth", [200, 250])
def test_from_newsml_reads_nesting_libxml2_allows(depth: int) -> None:
    """Nesting just inside libxml2's depth limit is read, text kept."""
    for markup in (
        "<div>" * depth + "<p>Deep words.</p>" + "</div>" * depth,
        "<p>" + "<span>" * depth + "Deep words." + "</span>" * depth + "</p>",
    ):
        article = read_or_refuse(from_newsml, _in_body(markup))
        assert article is not None
        assert any("Deep words." in p.text for p in article.paragraphs)


def test_from_newsml_reads_huge_attribute_values_within_the_limit() -> None:
    """A five-megabyte attribute value under the size limit is handled."""
    document = _in_body(f'<p class="{"c" * 5_000_000}">Wide words.</p>')
    article = read_or_refuse(from_newsml, document)
    assert article is not None
    assert article.paragraphs[0].text == "Wide words."


def test_from_newsml_refuses_a_text_node_libxml2_calls_too_long() -> None:
    """Raising the size limit does not lift libxml2's limit on one node."""
    document = _in_body(f"<p>{'word ' * 2_500_000}</p>")
    error = refusal(lambda d: from_newsml(d, max_bytes=64 << 20), document)
    assert "too long" in error.message


def test_from_newsml_reads_many_attributes_and_siblings() -> None:
    """A hundred thousand attributes or paragraphs are handled promptly."""
    attributes = " ".join(f'a{n}="v"' for n in range(100_000))
    read_or_refuse(from_newsml, _in_body(f"<p {attributes}>Words.</p>"))
    article = read_or_refuse(from_newsml, _in_body("<p>Words.</p>" * 50_000))
    assert article is not None
    assert len(article.paragraphs) >= 50_000


def test_from_newsml_refuses_input_over_its_limit_before_parsing() -> None:
    """
    A document over *max_bytes* is refused for its size, not its content.

    Malformed input of that size gets the size error, so nothing parsed
    it first; the default limit is `DEFAULT_MAX_BYTES`.
    """
    document = to_newsml(seed_article())
    assert read_or_refuse(from_newsml, document) is not None
    small = refusal(
        lambda d: from_newsml(d, max_bytes=len(document) - 1), document
    )
    assert "max_bytes" in small.message
    malformed = b"<" * (DEFAULT_MAX_BYTES + 1)
    assert "max_bytes" in refusal(from_newsml, malformed).message
    as_text = "<" * (DEFAULT_MAX_BYTES + 1)
    assert "max_bytes" in refusal(from_newsml, as_text).message


# -- the registry ---------------------------------------------------------

#: Bytes that open like each format, so detection sends them to every reader.
_OPENINGS: Final = (
    b"",
    b"{",
    b'{"schema": "newsdoc/1"}\n',
    b'<?xml version="1.0"?>',
    b"\xef\xbb\xbf<",
    b"Headline\n\n",
)


@given(st.sampled_from(_OPENINGS), st.binary(max_size=200))
def test_read_detects_and_reads_any_bytes_or_refuses_them(
    opening: bytes, data: bytes
) -> None:
    """`newsdoc.read` and `read_all` on any bytes: articles or ParseError."""
    document = opening + data
    read_or_refuse(newsdoc.read, document)
    with prompt():
        try:
            articles_read = newsdoc.read_all(document)
        except ParseError:
            return
    assert all(type(article) is Article for article in articles_read)


@given(ANY_TEXT, st.sampled_from(["json", "jsonl", "newsml", "text"]))
def test_convert_any_text_writes_or_refuses(text: str, target: str) -> None:
    """`newsdoc.convert` from text to every format writes or refuses."""
    with prompt():
        try:
            document = newsdoc.convert(text, source="text", target=target)
        except ParseError:
            return
    assert isinstance(document, str | bytes)
    assert document


# -- regressions found by the fuzzers and these tests -----------------------


@pytest.mark.parametrize(
    "credit",
    [
        "Ann Lee/R(euters",
        "Ann Lee/Reuters)",
        "Ann Lee (Reuters",
        "IIK/ANN LEE/KREMLIN VIA REUTERS)",
    ],
)
def test_text_round_trip_keeps_a_credit_with_an_unbalanced_parenthesis(
    credit: str,
) -> None:
    """
    A credit line with a stray parenthesis comes back as it was read.

    Found by ``fuzz/fuzz_text.py``: the raw writer put such a credit in
    brackets, and the reader then read the brackets into it.
    """
    text = (
        "Storm closes the coast road\n\n"
        f"Boats wait in the harbour at dawn on Tuesday\n{credit}\n\n"
        "The council said the road would stay shut until the crews had "
        "cleared it.\n"
    )
    article = parse_text(text)
    assert article == parse_text(to_text(article))


@pytest.mark.parametrize(
    "credit",
    ["@AnnLee/Reuters.", "@AnnLee/\udca3irlines.", "@AnnLee/Airlines."],
)
def test_text_round_trip_keeps_an_inline_credit_that_ends_a_sentence(
    credit: str,
) -> None:
    """
    A credit after the caption on its line, with a full stop, comes back.

    Found by ``fuzz/fuzz_text.py``: the raw writer put such a credit in
    brackets on a line of its own, and the reader kept the brackets.
    """
    text = (
        "Storm closes the coast road\n\nBy Ann Lee\n\n"
        "Boats wait in the harbour after the storm in this picture "
        f"obtained from social media. {credit}\n\n"
        "The council said the road would stay shut until the crews had "
        "cleared it.\n"
    )
    article = parse_text(text)
    assert article.figures
    assert article.figures[0].credit is not None
    assert credit == article.figures[0].credit.raw
    assert article == parse_text(to_text(article))


@pytest.mark.parametrize("target", ["json", "text"])
def test_command_line_reports_articles_that_utf8_cannot_carry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    r"""
    An article holding a lone surrogate is converted or refused cleanly.

    JSON may escape it (``\ud800``) as the input did; text cannot carry
    it: either way the command exits with its status, never a traceback.
    """
    source = tmp_path / "in.json"
    source.write_text(
        '{"schema": "newsdoc/1", "headline": "Head\\ud800line"}',
        encoding="ascii",
    )
    status = cli.main(["convert", str(source), "--to", target])
    assert status in {0, 1}
    if status == 1:
        assert capsys.readouterr().err.count("\n") == 1
