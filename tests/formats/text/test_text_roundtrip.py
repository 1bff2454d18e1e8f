"""
Plain text out and back: ``parse_text(to_text(article)) == article``.

The raw layout cannot express every article (a paragraph of three words
without a full stop reads as a subheading), so the property runs over
`expressible_articles`: articles built from sentences, names and credits
of the shapes the reader knows, with their quotes where the reader finds
them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsdoc import (
    Article,
    Figure,
    Heading,
    Paragraph,
    ParseError,
    parse_text,
    to_text,
)
from newsdoc.formats.text._credits import parse_credit
from newsdoc.formats.text._quotes import find_quotes
from tests.conftest import SHARED, shared_path
from tests.strategies import quote_marks


_NAMES = sorted(path.stem for path in (SHARED / "corpus").glob("*.txt")) or [
    "corpus-absent"
]


_WORDS = [
    "ferry",
    "port",
    "harbour",
    "strike",
    "union",
    "talks",
    "crew",
    "boat",
    "dock",
    "quay",
    "tide",
    "wind",
    "café",
    "naïve",
    "über",
    "ship",
    "deck",
    "sail",
    "rope",
    "chart",
    "coast",
    "bay",
    "island",
    "week",
]
_GIVEN = [
    "Ana",
    "Tomás",
    "Lee",
    "Okafor",
    "Nguyen",
    "Silva",
    "Brandt",
    "O’Neill",
    "Kowalski",
]
_AGENCIES = ("Harbour News", "Coastal Press", "AP", "REUTERS", "Getty Images")
_PLACES = ("LISBON", "PORTO/FARO", "SAO PAULO", "HANOI")


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=10))
    words[0] = words[0].capitalize()
    space = draw(st.sampled_from([" ", " ", "\u00a0"]))
    return space.join(words) + "."


@st.composite
def _name(draw: st.DrawFn) -> str:
    first, last = draw(
        st.lists(st.sampled_from(_GIVEN), min_size=2, max_size=2)
    )
    return f"{first} {last}"


@st.composite
def _quoted(draw: st.DrawFn) -> str:
    opening, closing = draw(quote_marks())
    said = draw(_sentence())[:-1] + ","
    return f"{opening}{said}{closing} {draw(_name())} said."


@st.composite
def _paragraph_text(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(_sentence() | _quoted(), min_size=1, max_size=3))
    joiner = draw(st.sampled_from([" ", " ", "\n"]))
    return joiner.join(sentences)


@st.composite
def _credit_raw(draw: st.DrawFn) -> str:
    name = draw(_name())
    agency = draw(st.sampled_from(_AGENCIES))
    return draw(
        st.sampled_from(
            [
                f"{name}/{agency}",
                f"Photograph: {name}/{agency}",
                agency,
                f"photo credit: {name.upper()}/HANDOUT VIA REUTERS",
                f"Picture by {name}",
            ]
        )
    )


@st.composite
def _figure(draw: st.DrawFn) -> Figure:
    caption = draw(st.none() | _sentence())
    raw = (
        draw(_credit_raw())
        if caption is None
        else draw(st.none() | _credit_raw())
    )
    return Figure(
        caption=caption, credit=None if raw is None else parse_credit(raw)
    )


@st.composite
def _heading(draw: st.DrawFn) -> Heading:
    # Two words or more: one capitalised word alone reads as a byline.
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=6))
    return Heading(text=" ".join(words).capitalize())


def _readable(body: Sequence[str | Heading | Figure]) -> bool:
    """Whether the reader would see these blocks as they are meant."""
    for index, block in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if isinstance(block, Heading) and not isinstance(following, str):
            return False  # a heading opens a section of text
        if isinstance(block, str):
            lines = [" ".join(line.split()) for line in block.split("\n")]
            if len(set(lines)) != len(lines):
                return False  # a line said twice reads as a caption
        if (
            isinstance(following, Figure)
            and isinstance(block, Figure)
            and block.caption is not None
            and following.caption is not None
            and block.caption.split() == following.caption.split()
        ):
            return False  # the same picture twice is one picture
    return True


@st.composite
def expressible_articles(draw: st.DrawFn) -> Article:
    """Articles that the raw layout expresses, so that they read back equal."""
    headline = draw(_sentence())[:-1]
    byline = draw(st.none() | _name().map(lambda name: f"By {name}"))
    standfirst = draw(st.none() | _sentence()) if byline else None
    body: list[str | Heading | Figure] = draw(
        st.lists(
            _paragraph_text() | _heading() | _figure(), max_size=8
        ).filter(_readable)
    )
    dateline = None
    if body and isinstance(body[0], str) and draw(st.booleans()):
        dateline = draw(st.sampled_from(_PLACES)) + " (AP)"
        body[0] = f"{dateline} — {body[0]}"
    # Without a byline, text before the lead picture is a standfirst.
    assume(
        byline is not None
        or len(body) < 2
        or not (isinstance(body[0], str) and isinstance(body[1], Figure))
    )
    texts = ([standfirst] if standfirst else []) + [
        block for block in body if isinstance(block, str)
    ]
    context = [headline]
    for block in body:
        if isinstance(block, Heading):
            context.append(block.text)
        elif isinstance(block, Figure) and block.caption is not None:
            context.append(block.caption)
    quotes = iter(find_quotes(texts, context=context))
    return Article(
        headline=headline,
        standfirst=(
            Paragraph(text=standfirst, quotes=next(quotes))
            if standfirst
            else None
        ),
        byline=byline,
        dateline=dateline,
        body=[
            Paragraph(text=block, quotes=next(quotes))
            if isinstance(block, str)
            else block
            for block in body
        ],
    )


@given(expressible_articles())
def test_raw_text_round_trip(article: Article) -> None:
    """Any article the layout can express comes back from raw text unchanged."""
    assert article == parse_text(to_text(article))


@pytest.mark.parametrize("name", _NAMES)
def test_corpus_round_trip(name: str) -> None:
    """Every corpus article comes back from its raw text unchanged."""
    path = shared_path("corpus", f"{name}.txt")
    article = parse_text(path.read_text(encoding="utf-8"))
    assert article == parse_text(to_text(article))


def test_seed_round_trip(seed_text: str) -> None:
    """The seed comes back from raw text unchanged."""
    article = parse_text(seed_text)
    assert article == parse_text(to_text(article))


def test_raw_writes_one_figure_block() -> None:
    """A figure is its caption, then its credit in brackets on the next line."""
    article = Article(
        headline="Ferries sail",
        body=[
            Figure(
                caption="Ferries in port.",
                credit=parse_credit("Ann Lee/Harbour News"),
            ),
            Paragraph(text="The strike ended."),
        ],
    )
    assert to_text(article) == (
        "Ferries sail\n\nFerries in port.\n(Ann Lee/Harbour News)\n\n"
        "The strike ended.\n"
    )


def test_raw_keeps_a_caption_that_looks_like_a_credit() -> None:
    """A caption the usual layout would misread is written on one line."""
    figure = Figure(caption="(Harbour News)", credit=parse_credit("AP"))
    article = Article(headline="Ferries sail", body=[figure])
    assert "(Harbour News) (AP)\n" in to_text(article)
    assert article == parse_text(to_text(article))


def test_raw_repeats_a_caption_that_would_read_as_text() -> None:
    """A caption without credit is written twice, as pages repeat captions."""
    figure = Figure(caption="Ferries in port.")
    article = Article(headline="Ferries sail", body=[figure])
    assert "Ferries in port.\nFerries in port.\n" in to_text(article)
    assert article == parse_text(to_text(article))


def test_raw_writes_a_dated_caption_once() -> None:
    """A caption the reader knows as one alone is written once."""
    caption = "Ann Lee rows to the quay in Porto, Portugal, May 2, 2024."
    article = Article(headline="Ferries sail", body=[Figure(caption=caption)])
    assert to_text(article).count(caption) == 1
    assert article == parse_text(to_text(article))


def test_reading_style() -> None:
    """The reading form underlines titles and notes figures in brackets."""
    article = Article(
        headline="Ferries sail",
        byline="By Ann Lee",
        body=[
            Paragraph(text="The  strike\u00a0ended."),
            Heading(text="What next"),
            Figure(caption="Ferries in port.", credit=parse_credit("AP")),
            Figure(credit=parse_credit("Picture: Stockphotos")),
        ],
    )
    assert to_text(article, style="reading") == (
        "Ferries sail\n============\n\nBy Ann Lee\n\nThe strike ended.\n\n"
        "What next\n---------\n\n[Picture: Ferries in port. — AP]\n\n"
        "[Picture: Picture: Stockphotos]\n"
    )


def test_unknown_style_is_refused() -> None:
    """A style other than raw or reading raises ValueError naming both."""
    with pytest.raises(ValueError, match="raw, reading"):
        to_text(Article(headline="Ferries sail"), style="html")  # type: ignore[arg-type]


# Fragments of scraped text: words, marks, credits, breaks, in any order.
_FRAGMENTS = (
    *("Ferry", "port", "sailed.", "the", "and", "said", "Ann Lee", "TALKS"),
    *(
        "What next?",
        "By Ann Lee",
        "Ann Lee · Harbour News",
        "Ann, 44, agreed.",
    ),
    *(
        "(AP)",
        "(Photo: Ann Lee)",
        "Photograph: Ann Lee/AP",
        "(credit: A/B VIA C)",
    ),
    *("Getty Images", "REUTERS", "Copyright", "FILE -", "May 3, 2024"),
    *("LISBON, May 3 (Reuters) -", "“", "”", '"', "‘", "’", "-", "/", "."),
    *("\n", "\n\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", " "),
)


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map(" ".join))
def test_what_the_reader_makes_the_writer_expresses(text: str) -> None:
    """Whatever article the reader makes of a text, it reads back from to_text."""
    try:
        article = parse_text(text)
    except ParseError:
        return
    assert article == parse_text(to_text(article))
