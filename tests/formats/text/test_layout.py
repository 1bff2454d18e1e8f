"""The raw-text layout: lines, blocks, and what each block of an article is."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc import Article, Figure, Heading, Paragraph, ParseError
from newsdoc.formats.text import parse_text
from newsdoc.formats.text._credits import parse_credit
from newsdoc.formats.text._layout import (
    Block,
    Line,
    dateline,
    read_blocks,
    read_figure,
    read_lines,
)


def _texts(text: str) -> list[str]:
    return [line.text for line in read_lines(text)]


def _layout_of(article: Article) -> list[str]:
    """The kinds of an article's body blocks, in order."""
    return [type(block).__name__ for block in article.body]


# -- lines --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("one\ntwo", ["one", "two"], id="unix"),
        pytest.param("one\r\ntwo", ["one", "two"], id="windows"),
        pytest.param("one\rtwo", ["one", "two"], id="old-mac"),
        pytest.param("one\vtwo", ["one", "two"], id="vertical-tab"),
        pytest.param("one\ftwo", ["one", "two"], id="form-feed"),
        pytest.param("one\u2028two", ["one", "two"], id="line-separator"),
        pytest.param("one\r\n\r\ntwo", ["one", "", "two"], id="windows-blank"),
        pytest.param("\ufeffone", ["one"], id="byte-order-mark"),
        pytest.param("\t one \u00a0", ["one"], id="edge-whitespace"),
        pytest.param("\u200bone\u200b", ["one"], id="edge-zero-width"),
        pytest.param("a\u00a0b\tc", ["a\u00a0b\tc"], id="inner-space-kept"),
        pytest.param("one\n\u200b\u00a0\ntwo", ["one", "", "two"], id="blank"),
    ],
)
def test_read_lines(text: str, expected: list[str]) -> None:
    """Every str.splitlines break ends a line; edge whitespace is layout."""
    assert expected == _texts(text)


def test_line_numbers_count_every_break() -> None:
    """Line numbers count a CR LF pair once and a form feed as a break."""
    assert [tuple(line) for line in read_lines("a\r\nb\fc\n\nd")] == [
        (1, "a"),
        (2, "b"),
        (3, "c"),
        (4, ""),
        (5, "d"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        pytest.param("", 1, "empty", id="empty"),
        pytest.param(" \n\t\n\u00a0", 1, "blank", id="blank"),
        pytest.param("\ufeff", 1, "byte-order mark", id="bom-alone"),
        pytest.param("\x00\x01\x02", 1, "NUL", id="binary"),
        pytest.param("Title\n\nText\x00more", 3, "NUL", id="nul-on-line-3"),
        pytest.param("***\n\nText.", 1, "no headline", id="no-words"),
        pytest.param(
            "word " * 60 + "\n\nMore.", 1, "no headline", id="paragraph-first"
        ),
        pytest.param(
            "(photo credit: Ann Lee/Harbour News)\n\nText.",
            1,
            "no headline",
            id="credit-first",
        ),
    ],
)
def test_bad_input_names_the_line(text: str, line: int, words: str) -> None:
    """Input that is not an article raises ParseError naming the line."""
    with pytest.raises(ParseError) as caught:
        parse_text(text, source="in.txt")
    assert (line, "text", "in.txt") == (
        caught.value.line,
        caught.value.format,
        caught.value.source,
    )
    assert words in caught.value.message


# -- blocks ------------------------------------------------------------------


def test_blocks_are_separated_by_blank_lines() -> None:
    """Blank lines separate blocks; a single line break does not."""
    blocks = read_blocks(read_lines("A\n\nB\nC\n\n\n\nD"))
    assert [[line.text for line in block.lines] for block in blocks] == [
        ["A"],
        ["B", "C"],
        ["D"],
    ]


def test_text_without_blank_lines_is_a_block_per_line() -> None:
    """A scrape that lost its blank lines still has its paragraphs."""
    article = parse_text(
        "Harbour reopens\nThe harbour reopened today.\nShips queued at dawn."
    )
    assert [paragraph.text for paragraph in article.paragraphs] == [
        "The harbour reopened today.",
        "Ships queued at dawn.",
    ]


def test_single_line_break_stays_inside_a_paragraph() -> None:
    """A paragraph with an internal line break is one paragraph."""
    article = parse_text(
        "Storm warning\n\n“Stay home while the roads\n"
        "are flooded,” the mayor said.\n\nSchools closed."
    )
    assert (
        article.paragraphs[0].text
        == "“Stay home while the roads\nare flooded,” the mayor said."
    )


# -- header: headline, standfirst, byline, dateline ---------------------------


@pytest.mark.parametrize(
    ("byline"),
    [
        pytest.param("By Ann Lee and Tom Smith", id="by-a-and-b"),
        pytest.param("Ann Lee · Harbour News", id="name-dot-outlet"),
        pytest.param("By Ann Lee | Harbour News", id="name-bar-outlet"),
        pytest.param("Harbour Press in Lisbon", id="agency-in-place"),
        pytest.param("Ann O’Neill", id="bare-name"),
        pytest.param("By Harbour News with Agencies", id="outlet-with"),
        pytest.param("Ann Lee and AP", id="name-and-agency"),
    ],
)
def test_byline_after_headline(byline: str) -> None:
    """A short line of names under the headline is the byline."""
    article = parse_text(f"Ferry strike ends\n\n{byline}\n\nThe strike ended.")
    assert (byline, None) == (article.byline, article.standfirst)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("The strike ended after two days.", id="sentence"),
        pytest.param(
            "Unions Say Talks Will Resume Next Week", id="title-case"
        ),
    ],
)
def test_not_a_byline(line: str) -> None:
    """A sentence or a title-case phrase is not a byline."""
    article = parse_text(f"Ferry strike ends\n\n{line}\n\nMore text follows.")
    assert article.byline is None


def test_standfirst_before_byline() -> None:
    """The block between headline and byline is the standfirst."""
    article = parse_text(
        "Ferry strike ends\n\nUnions and operators agree a deal\n\n"
        "By Ann Lee\n\nThe strike ended."
    )
    assert (
        article.standfirst and article.standfirst.text,
        article.byline,
    ) == ("Unions and operators agree a deal", "By Ann Lee")


def test_standfirst_before_lead_picture() -> None:
    """Without a byline, the block before the lead picture is the standfirst."""
    article = parse_text(
        "Ferry strike ends\n\nUnions and operators agree a deal.\n\n"
        "Ferries wait in port. (Photo: Ann Lee)\n\nThe strike ended."
    )
    assert article.standfirst is not None
    assert _layout_of(article) == ["Figure", "Paragraph"]


def test_first_paragraph_is_no_standfirst() -> None:
    """Without byline or lead picture, the body starts under the headline."""
    article = parse_text(
        "Ferry strike ends\n\nThe strike ended.\n\nShips sail again."
    )
    assert (article.standfirst, len(article.paragraphs)) == (None, 2)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "LISBON, May 3 (Reuters) - Ferries sailed.",
            "LISBON, May 3 (Reuters)",
            id="place-date-agency-hyphen",
        ),
        pytest.param(
            "PORTO/LISBON, March 7 (Reuters) - Ferries sailed.",
            "PORTO/LISBON, March 7 (Reuters)",
            id="two-places",
        ),
        pytest.param(
            "SAO PAULO (AP) — Ferries sailed.", "SAO PAULO (AP)", id="agency"
        ),
        pytest.param(
            "SEATTLE, Wash. — Ferries sailed.", "SEATTLE, Wash.", id="state"
        ),
        pytest.param(
            "HANOI, Nov 2 — Ferries sailed.", "HANOI, Nov 2", id="day"
        ),
        pytest.param(
            "Lisbon (Reuters) - Ferries sailed.",
            "Lisbon (Reuters)",
            id="title-case-place-with-agency",
        ),
        pytest.param("Lisbon - Ferries sailed.", None, id="title-case-alone"),
        pytest.param("The ferries sailed - at last.", None, id="no-place"),
        pytest.param("NATO said the ferries sailed.", None, id="no-dash"),
    ],
)
def test_dateline(paragraph: str, expected: str | None) -> None:
    """A dateline is the place, date and agency before a dash."""
    assert expected == dateline(paragraph)


def test_dateline_paragraph_keeps_its_text() -> None:
    """The paragraph that carries the dateline keeps it in its text."""
    text = "LISBON, May 3 (Reuters) - Ferries sailed again on Friday."
    article = parse_text(f"Ferries sail\n\nBy Ann Lee\n\n{text}")
    assert ("LISBON, May 3 (Reuters)", text) == (
        article.dateline,
        article.paragraphs[0].text,
    )


# -- figures -------------------------------------------------------------------


def _figure(caption: str | None, credit: str | None) -> Figure:
    return Figure(
        caption=caption,
        credit=None if credit is None else parse_credit(credit),
    )


def _block(*lines: str) -> Block:
    return Block(tuple(Line(n, text) for n, text in enumerate(lines, 1)))


_CAPTION = "Ferries wait in the port of Lisbon on Friday."


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [f"{_CAPTION} (photo credit: ANN LEE/HANDOUT)"],
            _figure(_CAPTION, "photo credit: ANN LEE/HANDOUT"),
            id="credit-in-brackets",
        ),
        pytest.param(
            [f"{_CAPTION} Photograph: Ann Lee/Harbour News"],
            _figure(_CAPTION, "Photograph: Ann Lee/Harbour News"),
            id="photograph-label",
        ),
        pytest.param(
            [f"{_CAPTION} — Picture by Ann Lee"],
            _figure(_CAPTION, "Picture by Ann Lee"),
            id="picture-by",
        ),
        pytest.param(
            [f"{_CAPTION} Credit: Ann Lee/Harbour News"],
            _figure(_CAPTION, "Credit: Ann Lee/Harbour News"),
            id="credit-label",
        ),
        pytest.param(
            [f"{_CAPTION} (AP Photo/Ann Lee)"],
            _figure(_CAPTION, "AP Photo/Ann Lee"),
            id="ap-photo",
        ),
        pytest.param(
            ["Ferries in port - Copyright Ann Lee/AP", "Copyright Ann Lee/AP"],
            _figure("Ferries in port", "Copyright Ann Lee/AP"),
            id="copyright-then-credit-again",
        ),
        pytest.param(
            [_CAPTION, "Ann Lee/Harbour News"],
            _figure(_CAPTION, "Ann Lee/Harbour News"),
            id="credit-on-next-line",
        ),
        pytest.param(
            [_CAPTION, "Getty Images"],
            _figure(_CAPTION, "Getty Images"),
            id="bare-agency-on-next-line",
        ),
        pytest.param(
            [
                f"{_CAPTION} (photo credit: ANN LEE)",
                _CAPTION,
                "(photo credit: ANN LEE)",
            ],
            _figure(_CAPTION, "photo credit: ANN LEE"),
            id="caption-caption-credit-triple",
        ),
        pytest.param(
            [f"{_CAPTION} (credit: ANN LEE)", f"{_CAPTION} (credit: ANN LEE)"],
            _figure(_CAPTION, "credit: ANN LEE"),
            id="caption-repeated-with-credit",
        ),
        pytest.param(
            [
                f"{_CAPTION}  Photograph: Ann Lee",
                f"{_CAPTION} Photograph: Ann Lee",
            ],
            _figure(_CAPTION, "Photograph: Ann Lee"),
            id="repeat-differs-in-spacing",
        ),
        pytest.param(
            [_CAPTION, _CAPTION],
            _figure(_CAPTION, None),
            id="caption-repeated-without-credit",
        ),
        pytest.param(
            ["Picture: Stockphotos"],
            _figure(None, "Picture: Stockphotos"),
            id="credit-only",
        ),
        pytest.param(
            ["Ann Lee reads to her son in Porto, Portugal, April 14, 2024."],
            _figure(
                "Ann Lee reads to her son in Porto, Portugal, April 14, 2024.",
                None,
            ),
            id="dated-caption-without-credit",
        ),
        pytest.param(
            ["FILE - Ferries wait in the port of Lisbon."],
            _figure("FILE - Ferries wait in the port of Lisbon.", None),
            id="file-caption-without-credit",
        ),
        pytest.param(
            ["The ferries sailed on Friday."], None, id="sentence-is-no-figure"
        ),
        pytest.param(
            ["On March 1, 2024, the ferries sailed again."],
            None,
            id="date-at-the-start-is-no-caption",
        ),
        pytest.param(
            ["The ferries sailed on March 1, 2024. Crowds cheered."],
            None,
            id="two-sentences-are-no-caption",
        ),
        pytest.param(
            ["“We waited all week for the boats", "to come back,” she said."],
            None,
            id="paragraph-with-line-break",
        ),
        pytest.param(
            [f"{_CAPTION} (Ann Lee)", "Another picture. (Tom Smith)"],
            None,
            id="two-pictures-are-no-single-figure",
        ),
    ],
)
def test_read_figure(lines: list[str], expected: Figure | None) -> None:
    """Each caption layout gives exactly one figure; running text gives none."""
    assert expected == read_figure(_block(*lines))


def test_repeated_figure_block_is_one_figure() -> None:
    """The same caption again as a block of its own adds no second figure."""
    block = f"{_CAPTION} (Ann Lee/Harbour News)"
    article = parse_text(
        f"Ferries sail\n\nBy Tom Smith\n\n{block}\n\n{block}\n\nText."
    )
    assert _layout_of(article) == ["Figure", "Paragraph"]


# -- subheadings -----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("What the deal means for travellers", id="short-phrase"),
        pytest.param("TALKS RESUME", id="all-caps"),
        pytest.param("Why did the strike last so long?", id="question"),
        pytest.param("‘We will not sail until we are paid’", id="quotation"),
        pytest.param("Using ferries as a ‘lifeline’", id="closing-quote"),
        pytest.param("2024 in numbers", id="starts-with-digit"),
    ],
)
def test_subheading(line: str) -> None:
    """Short lines that do not end like a sentence are subheadings."""
    article = parse_text(
        f"Ferries sail\n\nBy Ann Lee\n\nThe strike ended.\n\n{line}\n\n"
        "Ships sailed again."
    )
    assert [Heading(text=line)] == list(article.headings)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("The strike ended.", id="short-sentence"),
        pytest.param("Ann Lee, 44, agreed.", id="short-attribution"),
        pytest.param("“We are sailing,” she said", id="quote-and-attribution"),
        pytest.param("the talks went on", id="lower-case"),
        pytest.param(
            "Why the union, which has called many strikes over the years in "
            "every port, chose this week",
            id="too-long",
        ),
        pytest.param("Ferries sail again. Crowds cheer", id="two-sentences"),
        pytest.param(
            "It went on and on?", id="question-without-question-word"
        ),
        pytest.param("Ships sailed again:", id="ends-with-colon"),
    ],
)
def test_not_a_subheading(line: str) -> None:
    """A short paragraph is never mistaken for a subheading."""
    article = parse_text(
        f"Ferries sail\n\nBy Ann Lee\n\nThe strike ended.\n\n{line}\n\n"
        "Ships sailed again."
    )
    assert list(article.headings) == []


def test_last_line_is_no_subheading() -> None:
    """A subheading opens a section, so the article's last block is none."""
    article = parse_text(
        "Ferries sail\n\nBy Ann Lee\n\nThe strike ended.\n\nMore soon"
    )
    assert _layout_of(article) == ["Paragraph", "Paragraph"]


def test_line_before_a_figure_is_no_subheading() -> None:
    """A short line right before a picture is text, not a section heading."""
    article = parse_text(
        "Ferries sail\n\nBy Ann Lee\n\nThe strike ended\n\n"
        f"{_CAPTION} (Ann Lee/Harbour News)\n\nShips sailed."
    )
    assert list(article.headings) == []


def test_prompt_subheadings_in_long_form_articles() -> None:
    """In an article of long paragraphs, a few words alone head a section."""
    long = " ".join(["The ferries kept sailing through the long winter."] * 10)
    article = parse_text(
        f"Ferries sail\n\nBy Ann Lee\n\n{long}\n\nBut that did not last.\n\n"
        f"{long}\n\n{long}"
    )
    assert [Heading(text="But that did not last.")] == list(article.headings)


def test_short_sentence_in_news_copy_stays_a_paragraph() -> None:
    """In an article of short paragraphs, a short sentence is a paragraph."""
    article = parse_text(
        "Ferries sail\n\nBy Ann Lee\n\nThe ferries sailed.\n\n"
        "But that did not last.\n\nThe strike began again."
    )
    assert len(article.paragraphs) == 3


# -- odd but real input -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ferries sail\r\n\r\nThe strike ended.\r\n", id="crlf"),
        pytest.param("Ferries sail\r\rThe strike ended.\r", id="cr"),
        pytest.param("\ufeffFerries sail\n\nThe strike ended.", id="bom"),
        pytest.param("Ferries sail\f\fThe strike ended.", id="form-feeds"),
        pytest.param("Ferries sail\v\vThe strike ended.", id="vertical-tabs"),
        pytest.param(
            "\tFerries sail\u00a0\n\u200b\n\tThe strike ended.\u00a0",
            id="tabs-nbsp-zero-width",
        ),
    ],
)
def test_odd_but_real_text_parses(text: str) -> None:
    """Line ends, marks and invisible spaces of real scrapes parse alike."""
    assert Article(
        headline="Ferries sail",
        body=[Paragraph(text="The strike ended.")],
    ) == parse_text(text)


def test_headline_alone_is_an_article() -> None:
    """A text of one short line is an article with only a headline."""
    assert Article(headline="Ferries sail") == parse_text("Ferries sail\n")


def test_very_long_paragraph_parses() -> None:
    """A paragraph of a million characters is one paragraph."""
    text = "The ferries sailed again. " * 40_000
    article = parse_text(f"Ferries sail\n\n{text}")
    assert [text.strip()] == [p.text for p in article.paragraphs]


def _best_time(function: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def test_parse_time_grows_linearly() -> None:
    """Ten times the input takes well under thirty times as long: no quadratic scan."""
    unit = (
        "Ferries wait in port. (Photo: Ann Lee/Harbour News)\n\nBy the way\n\n"
        "“The ferries sailed,” she said. "
        * 3
        + "LISBON — the port reopened on Friday, April 3, 2024.\n\n"
    )
    small = "Ferries sail\n\nBy Ann Lee\n\n" + unit * 200
    large = "Ferries sail\n\nBy Ann Lee\n\n" + unit * 2000
    ratio = _best_time(lambda: parse_text(large)) / _best_time(
        lambda: parse_text(small)
    )
    assert ratio < 30


def _read(text: str) -> Article | ParseError:
    try:
        return parse_text(text)
    except ParseError as error:
        return error


@given(st.text(max_size=300))
def test_any_text_parses_or_raises_parse_error(text: str) -> None:
    """Whatever the text, the reader returns an article or names a line."""
    result = _read(text)
    if isinstance(result, ParseError):
        assert result.line is not None
    else:
        assert result.headline.strip()


@given(
    st.text(
        st.sampled_from(
            list('ab A.(/):—-"“”‘’\n\r\t\u00a0\u200b\f\v©Photo Credit By?0')
        ),
        max_size=200,
    )
)
def test_layout_characters_never_break_the_reader(text: str) -> None:
    """Text of layout characters and credit words reads or fails cleanly."""
    result = _read(text)
    assert isinstance(result, Article) or result.format == "text"
