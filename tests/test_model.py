"""The model's constructors: what every instance holds, and the views."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given

from newsdoc import (
    Article,
    ArticleMeta,
    Credit,
    Figure,
    Heading,
    Paragraph,
    Quote,
)
from newsdoc.model import LINE_BREAKS
from tests.strategies import articles, paragraphs_with_quotes


TEXT = "“We are safe,” said Ram. “Help is coming.”"
SAFE = Quote(text="We are safe,", start=1, end=13)
HELP = Quote(text="Help is coming.", start=26, end=41)
AWARE = datetime(2015, 4, 25, 11, 56, tzinfo=timezone(timedelta(hours=5)))


def test_quote_offsets_slice_its_paragraph() -> None:
    """The fixtures above are right: each quote is its paragraph's slice."""
    assert TEXT[SAFE.start : SAFE.end] == SAFE.text
    assert TEXT[HELP.start : HELP.end] == HELP.text


# -- Quote ---------------------------------------------------------------------

QUOTE = {"text": "We are safe,", "start": 1, "end": 13}

BAD_QUOTES = [
    pytest.param({"text": ""}, ValueError, "blank", id="empty-text"),
    pytest.param({"text": " \t"}, ValueError, "blank", id="blank-text"),
    pytest.param({"text": 12}, TypeError, "str", id="text-not-str"),
    pytest.param(
        {"start": -1, "end": 11}, ValueError, "before", id="negative-start"
    ),
    pytest.param({"start": True}, TypeError, "int", id="start-bool"),
    pytest.param({"end": 13.0}, TypeError, "int", id="end-float"),
    pytest.param({"end": "13"}, TypeError, "int", id="end-str"),
    pytest.param({"end": 14}, ValueError, "span", id="span-longer-than-text"),
    pytest.param({"start": 2, "end": 2}, ValueError, "span", id="empty-span"),
    pytest.param({"speaker": ""}, ValueError, "blank", id="blank-speaker"),
    pytest.param({"verb": " "}, ValueError, "blank", id="blank-verb"),
    pytest.param({"outlet": 5}, TypeError, "str", id="outlet-not-str"),
    pytest.param({"continues": 1}, TypeError, "bool", id="continues-int"),
    pytest.param({"continues": None}, TypeError, "bool", id="continues-none"),
]


@pytest.mark.parametrize(("change", "error", "words"), BAD_QUOTES)
def test_quote_refuses(
    change: dict[str, Any], error: type[Exception], words: str
) -> None:
    """A quote with a wrong type, blank text or offsets off its text fails."""
    with pytest.raises(error, match=words):
        Quote(**{**QUOTE, **change})


def test_quote_keeps_its_attribution() -> None:
    """Speaker, verb, outlet and continues are kept as given."""
    quote = Quote(
        **QUOTE, speaker="Ram", verb="said", outlet="Interfax", continues=True
    )
    expected = ("Ram", "said", "Interfax", True)
    assert expected == (
        quote.speaker,
        quote.verb,
        quote.outlet,
        quote.continues,
    )


def test_quote_defaults_are_empty() -> None:
    """A quote without attribution has None for it and does not continue."""
    assert (
        SAFE.speaker,
        SAFE.verb,
        SAFE.outlet,
        SAFE.continues,
    ) == (None, None, None, False)


# -- Paragraph -----------------------------------------------------------------

BAD_PARAGRAPHS = [
    pytest.param({"text": ""}, ValueError, "blank", id="empty-text"),
    pytest.param({"text": "\n\u3000"}, ValueError, "blank", id="blank-text"),
    pytest.param({"text": b"x"}, TypeError, "str", id="bytes-text"),
    pytest.param(
        {"quotes": [dict(QUOTE)]}, TypeError, "Quote", id="quote-as-dict"
    ),
    pytest.param({"quotes": "abc"}, TypeError, "Quote", id="quotes-as-string"),
    pytest.param(
        {"quotes": [Quote(text="safe,", start=9, end=14)]},
        ValueError,
        "not the paragraph's text",
        id="quote-off-by-one",
    ),
    pytest.param(
        {"quotes": [Quote(text="x", start=len(TEXT), end=len(TEXT) + 1)]},
        ValueError,
        "past the paragraph",
        id="quote-past-the-end",
    ),
    pytest.param(
        {"quotes": [HELP, SAFE]},
        ValueError,
        "before the quote before it",
        id="quotes-out-of-order",
    ),
    pytest.param(
        {"quotes": [SAFE, Quote(text="safe", start=8, end=12)]},
        ValueError,
        "inside or before",
        id="quotes-overlap",
    ),
    pytest.param(
        {"quotes": [attrs.evolve(SAFE, continues=True), HELP]},
        ValueError,
        "not the last quote",
        id="continues-before-the-last",
    ),
]


@pytest.mark.parametrize(("change", "error", "words"), BAD_PARAGRAPHS)
def test_paragraph_refuses(
    change: dict[str, Any], error: type[Exception], words: str
) -> None:
    """A paragraph with blank text or quotes that miss its text fails."""
    with pytest.raises(error, match=words):
        Paragraph(**{"text": TEXT, **change})


GOOD_QUOTES = [
    pytest.param((), id="no-quotes"),
    pytest.param((SAFE, HELP), id="two-in-order"),
    pytest.param(
        (SAFE, attrs.evolve(HELP, continues=True)), id="last-continues"
    ),
    pytest.param(
        (
            Quote(text="We are", start=1, end=7),
            Quote(text=" safe,", start=7, end=13),
        ),
        id="quotes-that-touch",
    ),
]


@pytest.mark.parametrize("quotes", GOOD_QUOTES)
def test_paragraph_accepts_quotes_on_its_text(
    quotes: tuple[Quote, ...],
) -> None:
    """Quotes in order, on real slices, the last maybe continuing, are kept."""
    assert quotes == Paragraph(text=TEXT, quotes=quotes).quotes


def test_paragraph_turns_a_list_of_quotes_into_a_tuple() -> None:
    """Quotes given as a list are stored as a tuple."""
    assert Paragraph(text=TEXT, quotes=[SAFE, HELP]).quotes == (SAFE, HELP)


def test_paragraph_may_hold_line_breaks() -> None:
    """Paragraph text keeps the line breaks its source had."""
    assert Paragraph(text="one\ntwo").text == "one\ntwo"


@given(paragraphs_with_quotes(min_quotes=1))
def test_generated_quotes_sit_on_their_text(paragraph: Paragraph) -> None:
    """The strategy's quotes are real slices, in order, only the last running on."""
    previous_end = 0
    for quote in paragraph.quotes:
        assert paragraph.text[quote.start : quote.end] == quote.text
        assert previous_end <= quote.start
        previous_end = quote.end
    assert not any(quote.continues for quote in paragraph.quotes[:-1])


# -- Heading -------------------------------------------------------------------

BAD_HEADINGS = [
    pytest.param({"text": ""}, ValueError, "blank", id="empty"),
    pytest.param({"text": "\u00a0"}, ValueError, "blank", id="nbsp-only"),
    pytest.param({"text": None}, TypeError, "str", id="none"),
    pytest.param({"level": 0}, ValueError, "1 to 6", id="level-0"),
    pytest.param({"level": 7}, ValueError, "1 to 6", id="level-7"),
    pytest.param({"level": True}, TypeError, "int", id="level-bool"),
    pytest.param({"level": "2"}, TypeError, "int", id="level-str"),
    *(
        pytest.param(
            {"text": f"Rescue{mark}work"},
            ValueError,
            "one line",
            id=f"line-break-U+{ord(mark):04X}",
        )
        for mark in sorted(LINE_BREAKS)
    ),
]


@pytest.mark.parametrize(("change", "error", "words"), BAD_HEADINGS)
def test_heading_refuses(
    change: dict[str, Any], error: type[Exception], words: str
) -> None:
    """A heading must be one non-blank line at a level from 1 to 6."""
    with pytest.raises(error, match=words):
        Heading(**{"text": "Rescue", **change})


@pytest.mark.parametrize("level", range(1, 7))
def test_heading_takes_every_html_level(level: int) -> None:
    """Levels 1 to 6 are kept."""
    assert level == Heading(text="Rescue", level=level).level


def test_heading_is_level_2_by_default() -> None:
    """An in-body subheading is level 2 unless said otherwise."""
    assert Heading(text="Rescue").level == 2


# -- Credit --------------------------------------------------------------------

BAD_CREDITS = [
    pytest.param({"raw": ""}, ValueError, "blank", id="empty-raw"),
    pytest.param({"raw": None}, TypeError, "str", id="no-raw"),
    pytest.param({"label": " "}, ValueError, "blank", id="blank-label"),
    pytest.param(
        {"creators": "Ann Wang"}, TypeError, "string", id="creators-string"
    ),
    pytest.param(
        {"creators": ["Ann", ""]}, ValueError, "blank", id="blank-creator"
    ),
    pytest.param({"agencies": [1]}, TypeError, "str", id="agency-not-str"),
    pytest.param(
        {"agencies": None}, TypeError, "not iterable", id="agencies-none"
    ),
    pytest.param({"via": ""}, ValueError, "blank", id="blank-via"),
    pytest.param({"handout": 1}, TypeError, "bool", id="handout-int"),
    pytest.param({"pool": "yes"}, TypeError, "bool", id="pool-str"),
    pytest.param({"file": None}, TypeError, "bool", id="file-none"),
]


@pytest.mark.parametrize(("change", "error", "words"), BAD_CREDITS)
def test_credit_refuses(
    change: dict[str, Any], error: type[Exception], words: str
) -> None:
    """A credit needs its raw text; parts are non-blank, flags are bools."""
    with pytest.raises(error, match=words):
        Credit(**{"raw": "Reuters", **change})


def test_credit_turns_lists_into_tuples() -> None:
    """Creators and agencies given as lists or generators become tuples."""
    credit = Credit(
        raw="Ann Wang/Reuters",
        creators=["Ann Wang"],
        agencies=(name for name in ["Reuters"]),
    )
    assert (credit.creators, credit.agencies) == (("Ann Wang",), ("Reuters",))


def test_credit_with_raw_alone_is_valid() -> None:
    """A credit not yet parsed holds its raw text and empty parts."""
    credit = Credit(raw="MON/HANDOUT VIA REUTERS")
    expected = (None, (), (), None, False, False, False)
    assert expected == (
        credit.label,
        credit.creators,
        credit.agencies,
        credit.via,
        credit.handout,
        credit.pool,
        credit.file,
    )


# -- Figure --------------------------------------------------------------------

BAD_FIGURES = [
    pytest.param({}, ValueError, "caption or a credit", id="nothing"),
    pytest.param(
        {"image": "a.jpg", "alt": "A dog"},
        ValueError,
        "caption or a credit",
        id="image-without-caption-or-credit",
    ),
    pytest.param({"caption": " "}, ValueError, "blank", id="blank-caption"),
    pytest.param(
        {"credit": {"raw": "AP"}}, TypeError, "Credit", id="credit-as-dict"
    ),
    pytest.param({"credit": "AP"}, TypeError, "Credit", id="credit-as-string"),
    pytest.param(
        {"caption": "Dog", "image": ""}, ValueError, "blank", id="blank-image"
    ),
    pytest.param(
        {"caption": "Dog", "alt": 3}, TypeError, "str", id="alt-not-str"
    ),
]


@pytest.mark.parametrize(("kwargs", "error", "words"), BAD_FIGURES)
def test_figure_refuses(
    kwargs: dict[str, Any], error: type[Exception], words: str
) -> None:
    """A figure needs a caption or a credit, and non-blank text."""
    with pytest.raises(error, match=words):
        Figure(**kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"caption": "Rescuers dig."}, id="caption-only"),
        pytest.param({"credit": Credit(raw="AP")}, id="credit-only"),
        pytest.param(
            {
                "caption": "Rescuers dig.",
                "credit": Credit(raw="AP"),
                "image": "https://example.org/a.jpg",
                "alt": "People dig in rubble",
            },
            id="everything",
        ),
    ],
)
def test_figure_with_caption_or_credit_is_valid(
    kwargs: dict[str, Any],
) -> None:
    """A caption alone or a credit alone is enough; the rest is kept."""
    figure = Figure(**kwargs)
    assert kwargs == {
        name: value
        for name, value in attrs.asdict(figure, recurse=False).items()
        if value is not None
    }


# -- ArticleMeta ---------------------------------------------------------------

BAD_METAS = [
    pytest.param(
        {"published": datetime(2015, 4, 25)},  # noqa: DTZ001 - the point
        ValueError,
        "timezone-aware",
        id="naive-published",
    ),
    pytest.param(
        {"modified": datetime(2015, 4, 25)},  # noqa: DTZ001 - the point
        ValueError,
        "timezone-aware",
        id="naive-modified",
    ),
    pytest.param(
        {"published": "2015-04-25T11:56:00+05:45"},
        TypeError,
        "datetime",
        id="published-as-string",
    ),
    pytest.param({"language": "en_GB"}, ValueError, "BCP 47", id="underscore"),
    pytest.param(
        {"language": "en-"}, ValueError, "BCP 47", id="trailing-dash"
    ),
    pytest.param(
        {"language": "english9"}, ValueError, "BCP 47", id="digit-in-language"
    ),
    pytest.param(
        {"language": "abcdefghi"}, ValueError, "BCP 47", id="nine-letters"
    ),
    pytest.param({"language": ""}, ValueError, "blank", id="empty-language"),
    pytest.param(
        {"keywords": "Nepal"}, TypeError, "string", id="keywords-str"
    ),
    pytest.param({"keywords": [""]}, ValueError, "blank", id="blank-keyword"),
    pytest.param({"id": " "}, ValueError, "blank", id="blank-id"),
    pytest.param({"url": 7}, TypeError, "str", id="url-not-str"),
    pytest.param({"publisher": ""}, ValueError, "blank", id="blank-publisher"),
]


@pytest.mark.parametrize(("kwargs", "error", "words"), BAD_METAS)
def test_meta_refuses(
    kwargs: dict[str, Any], error: type[Exception], words: str
) -> None:
    """Metadata needs aware datetimes, a BCP 47 tag and non-blank text."""
    with pytest.raises(error, match=words):
        ArticleMeta(**kwargs)


@pytest.mark.parametrize(
    "language", ["en", "en-GB", "zh-Hant-TW", "es-419", "x-private", "DE-de"]
)
def test_meta_takes_bcp47_tags(language: str) -> None:
    """Language tags of the BCP 47 form are kept as written."""
    assert language == ArticleMeta(language=language).language


@pytest.mark.parametrize(
    "moment",
    [
        pytest.param(AWARE, id="fixed-offset"),
        pytest.param(datetime(2015, 4, 25, tzinfo=UTC), id="utc"),
        pytest.param(
            datetime(
                2015, 4, 25, tzinfo=timezone(timedelta(hours=-9, minutes=-30))
            ),
            id="negative-half-hour",
        ),
    ],
)
def test_meta_takes_aware_datetimes(moment: datetime) -> None:
    """Aware datetimes at any offset are kept."""
    meta = ArticleMeta(published=moment, modified=moment)
    assert (moment, moment) == (meta.published, meta.modified)


def test_meta_turns_keywords_into_a_tuple() -> None:
    """Keywords given as a list are stored as a tuple, in order."""
    assert ArticleMeta(keywords=["Nepal", "quake"]).keywords == (
        "Nepal",
        "quake",
    )


# -- Article -------------------------------------------------------------------

BAD_ARTICLES = [
    pytest.param({"headline": ""}, ValueError, "blank", id="empty-headline"),
    pytest.param(
        {"headline": "Quake\r\nhits"}, ValueError, "one line", id="crlf"
    ),
    pytest.param(
        {"headline": "Quake\u2028hits"},
        ValueError,
        "one line",
        id="line-separator",
    ),
    pytest.param({"headline": 1}, TypeError, "str", id="headline-not-str"),
    pytest.param(
        {"standfirst": "Buildings fell."},
        TypeError,
        "Paragraph",
        id="standfirst-as-string",
    ),
    pytest.param(
        {"standfirst": Heading(text="H")},
        TypeError,
        "Paragraph",
        id="standfirst-as-heading",
    ),
    pytest.param({"byline": ""}, ValueError, "blank", id="blank-byline"),
    pytest.param(
        {"dateline": "KATHMANDU,\nApril 25"},
        ValueError,
        "one line",
        id="dateline-two-lines",
    ),
    pytest.param(
        {"body": ["A paragraph"]},
        TypeError,
        "Paragraph, Heading or Figure",
        id="body-string-block",
    ),
    pytest.param(
        {"body": [Credit(raw="AP")]},
        TypeError,
        "Paragraph, Heading or Figure",
        id="body-credit-block",
    ),
    pytest.param({"body": None}, TypeError, "not iterable", id="body-none"),
    pytest.param({"meta": None}, TypeError, "ArticleMeta", id="meta-none"),
    pytest.param({"meta": {}}, TypeError, "ArticleMeta", id="meta-dict"),
]


@pytest.mark.parametrize(("change", "error", "words"), BAD_ARTICLES)
def test_article_refuses(
    change: dict[str, Any], error: type[Exception], words: str
) -> None:
    """An article needs a one-line headline and parts of the right types."""
    with pytest.raises(error, match=words):
        Article(**{"headline": "Quake hits Nepal", **change})


def test_article_without_paragraphs_is_constructible() -> None:
    """Editorial rules are validate()'s: a bare headline is an article."""
    article = Article(headline="Quake hits Nepal")
    expected = (None, None, None, (), ArticleMeta())
    assert expected == (
        article.standfirst,
        article.byline,
        article.dateline,
        article.body,
        article.meta,
    )


STANDFIRST = Paragraph(
    text="“Help is near,” he said.",
    quotes=[Quote(text="Help is near,", start=1, end=14)],
)
FIRST = Paragraph(text=TEXT, quotes=[SAFE, HELP])
SECTION = Heading(text="Rescue")
PICTURE = Figure(caption="Rescuers dig.")
SECOND = Paragraph(text="No quotes here.")
LAST = Paragraph(
    text="“Go,” she said.", quotes=[Quote(text="Go,", start=1, end=4)]
)
FULL = Article(
    headline="Quake hits Nepal",
    standfirst=STANDFIRST,
    body=[FIRST, SECTION, PICTURE, SECOND, LAST],
)


def test_article_turns_the_body_into_a_tuple() -> None:
    """A body given as a list is stored as a tuple, in order."""
    assert FULL.body == (FIRST, SECTION, PICTURE, SECOND, LAST)


def test_paragraphs_view_lists_body_paragraphs_in_order() -> None:
    """Article.paragraphs holds the body's paragraphs, not the standfirst."""
    assert FULL.paragraphs == (FIRST, SECOND, LAST)


def test_headings_and_figures_views() -> None:
    """Article.headings and .figures hold those blocks in reading order."""
    assert (FULL.headings, FULL.figures) == ((SECTION,), (PICTURE,))


def test_quotes_view_starts_with_the_standfirst() -> None:
    """Article.quotes: the standfirst's quotes, then the body's, in order."""
    assert (*STANDFIRST.quotes, SAFE, HELP, *LAST.quotes) == FULL.quotes


def test_views_of_an_empty_article_are_empty() -> None:
    """An article without body or standfirst has empty views."""
    article = Article(headline="Quake hits Nepal")
    assert (
        article.paragraphs,
        article.headings,
        article.figures,
        article.quotes,
    ) == ((), (), (), ())


@given(articles())
def test_views_agree_with_the_body(article: Article) -> None:
    """The views partition the body's blocks and gather every quote."""
    assert len(article.body) == len(article.paragraphs) + len(
        article.headings
    ) + len(article.figures)
    standfirst = (
        () if article.standfirst is None else article.standfirst.quotes
    )
    expected = (
        *standfirst,
        *(
            quote
            for paragraph in article.paragraphs
            for quote in paragraph.quotes
        ),
    )
    assert expected == article.quotes


# -- values --------------------------------------------------------------------


@pytest.mark.parametrize(
    "instance",
    [
        pytest.param(SAFE, id="quote"),
        pytest.param(FIRST, id="paragraph"),
        pytest.param(SECTION, id="heading"),
        pytest.param(PICTURE, id="figure"),
        pytest.param(Credit(raw="AP"), id="credit"),
        pytest.param(ArticleMeta(), id="meta"),
        pytest.param(FULL, id="article"),
    ],
)
def test_instances_are_frozen(instance: object) -> None:
    """No field of a model instance can be reassigned."""
    name = attrs.fields(type(instance))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, name, getattr(instance, name))


@given(articles())
def test_equal_articles_hash_alike(article: Article) -> None:
    """A rebuilt copy of an article is equal to it and hashes the same."""
    copy = attrs.evolve(article)
    assert article == copy
    assert hash(article) == hash(copy)


def test_evolve_runs_the_checks_again() -> None:
    """attrs.evolve builds through the constructor, so it checks again."""
    with pytest.raises(ValueError, match="one line"):
        attrs.evolve(SECTION, text="Two\nlines")
