"""
The layout of scraped article text: lines -> blocks -> typed blocks.

Each step is a small pure function over the output of the one before:

1. `read_lines` checks the input and cuts it into numbered, trimmed lines.
2. `read_blocks` groups the lines into blank-line separated blocks.
3. `read_layout` names the blocks: headline, standfirst, byline, then the
   body's figures, subheadings and paragraphs, and finds the dateline.

Quotations are not this module's business; `newsdoc.formats.text` adds
them to the paragraphs that `read_layout` returns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from newsdoc.errors import ParseError
from newsdoc.formats.text._credits import (
    is_credit,
    parse_credit,
    split_credit,
)
from newsdoc.model import Figure, Heading


__all__ = [
    "Block",
    "Layout",
    "Line",
    "dateline",
    "read_blocks",
    "read_figure",
    "read_layout",
    "read_lines",
]

# Every line break str.splitlines knows, "\r\n" counting as one, so that a
# headline or heading never holds a break the model refuses.
_BREAK: Final = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Invisible characters a scrape leaves at the ends of lines; with whitespace
# (tab, NBSP, ideographic space, ...) they are layout, not text.
_INVISIBLE: Final = "\u200b\u2060\ufeff"
_EDGES: Final = (
    # Every character str.isspace() accepts lies below U+3001.
    "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
    + _INVISIBLE
)
_BOM: Final = "\ufeff"

# A headline is one short line; a longer first line is the body's start.
_MAX_HEADLINE_WORDS: Final = 40
# Subheadings are short; question-style ones may run longer.
_MAX_HEADING_WORDS: Final = 12
_MAX_QUESTION_HEADING_WORDS: Final = 22
_MAX_CAPS_HEADING_WORDS: Final = 15
# Checks on short things look at no more than this many characters, so that
# a megabyte-long paragraph costs no more than reading it once.
_MAX_DATELINE_CHARS: Final = 200
_MAX_HEADING_CHARS: Final = 300
_MAX_BYLINE_CHARS: Final = 200
_MAX_CAPTION_CHARS: Final = 1000
# Bylines: a few names, joined by "and", "·", "|", "with", "in".
_MAX_BYLINE_WORDS: Final = 12
_MAX_BARE_BYLINE_NAMES: Final = 4
# AP captions without a credit are one sentence that carries a full date.
_MAX_CAPTION_WORDS: Final = 60
_CAPTION_DATE_FIRST_WORD: Final = 3

_OPENING_QUOTES: Final = "\"'“‘«„"
_CLOSING_QUOTES: Final = "\"'”’»"
_CLOSING_PUNCTUATION: Final = ".!;:,…"
_QUESTION_WORDS: Final = frozenset(
    {
        "are",
        "can",
        "could",
        "did",
        "do",
        "does",
        "has",
        "have",
        "how",
        "is",
        "should",
        "was",
        "were",
        "what",
        "what's",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "would",
    }
)
# Long-form articles (median paragraph of this many words or more) may head
# their sections with short sentences; see _is_prompt.
_LONG_PARAGRAPH_WORDS: Final = 50
_MAX_PROMPT_WORDS: Final = 8
_QUOTE_MARKS: Final = frozenset(_OPENING_QUOTES + _CLOSING_QUOTES)
_BYLINE_JOINERS: Final = frozenset(
    {"and", "with", "in", "for", "&", "·", "|", "•", "-", "–", "—", "of"}
)
_NAME_PARTICLES: Final = frozenset(
    {"al", "bin", "binti", "da", "de", "del", "der", "di", "du", "el", "la",
     "le", "van", "von", "y"}
)  # fmt: skip

_MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PLACE_DETAIL: Final = rf"""
    (?:,[ \u00a0][A-Z][a-z]+\.?(?:[ \u00a0][A-Z][a-z]+\.?)?)?   # , Wash.
    (?:,[ \u00a0]{_MONTH}\.?[ \u00a0]\d{{1,2}}(?:,[ \u00a0]\d{{4}})?)?  # , May 3
"""
_AGENCY: Final = r"[ \u00a0]\([A-Z][\w.&' -]*\)"  # (Reuters)
# KATHMANDU, April 25 (Reuters) -   MEXICO CITY (AP) —   AUBURN, Wash. —
# and, with its agency, a place in title case: London (Reuters) -
_DATELINE: Final = re.compile(
    rf"""
    (?P<dateline>
        [A-Z][A-Z'’.\-]*[A-Z.](?:[ /][A-Z][A-Z'’.\-]*)*    # PLACE, PLACE/PLACE
        {_PLACE_DETAIL} (?:{_AGENCY})?
      | [A-Z][a-z]+(?:[ ][A-Z][a-z]+){{0,2}}               # Place, New Place
        {_PLACE_DETAIL} {_AGENCY}
    )
    [ \u00a0]+[-–—][ \u00a0]+\S
    """,
    re.VERBOSE,
)
_FULL_DATE: Final = re.compile(rf"\b{_MONTH}\.?\s\d{{1,2}},\s\d{{4}}\b")
_FILE_CAPTION: Final = re.compile(r"FILE(?:\s+PHOTO)?\s*[-–—:]\s+\S")
_SENTENCE_BREAK: Final = re.compile(r"[.!?][\"”’]?\s+[A-Z\"“‘]")
_BYLINE_BY: Final = re.compile(r"By\s+\S", re.IGNORECASE)
_WORD: Final = re.compile(r"\S+")


class Line(NamedTuple):
    """One line of input: its 1-based number and its text, trimmed."""

    number: int
    text: str


class Block(NamedTuple):
    """Consecutive non-blank lines: a paragraph, a heading or a figure."""

    lines: tuple[Line, ...]

    @property
    def number(self) -> int:
        """The number of the block's first line."""
        return self.lines[0].number

    @property
    def text(self) -> str:
        """The block's lines joined by line feeds."""
        return "\n".join(line.text for line in self.lines)


class Layout(NamedTuple):
    """The named parts of an article, before quotations are found."""

    headline: str
    standfirst: str | None
    byline: str | None
    dateline: str | None
    body: tuple[str | Heading | Figure, ...]


def _error(message: str, line: int, source: str | None) -> ParseError:
    return ParseError(message=message, format="text", line=line, source=source)


# -- 1. lines -----------------------------------------------------------------


def read_lines(text: str, *, source: str | None = None) -> list[Line]:
    r"""
    Check *text* and cut it into numbered lines, trimmed at both ends.

    Every break that `str.splitlines` knows ends a line (``\\r\\n`` is one
    break), so line numbers count form feeds and vertical tabs too.
    Whitespace, no-break spaces and zero-width spaces at the ends of a line
    are layout and go; inside a line they stay.

    Args:
        text: The raw article text.
        source: A name for *text* in error messages.

    Returns:
        The lines, blank ones as empty strings.

    Raises:
        ParseError: If *text* is empty, blank, only a byte-order mark, or
            holds NUL bytes (binary data).
    """
    if not text:
        msg = "the text is empty"
        raise _error(msg, 1, source)
    nul = text.find("\x00")
    if nul >= 0:
        line = len(_BREAK.findall(text, 0, nul)) + 1
        msg = "the text holds a NUL byte: binary data, not an article"
        raise _error(msg, line, source)
    if text == _BOM:
        msg = "the text is only a byte-order mark"
        raise _error(msg, 1, source)
    text = text.removeprefix(_BOM)
    lines = [
        Line(number, part.strip(_EDGES))
        for number, part in enumerate(_BREAK.split(text), start=1)
    ]
    if not any(line.text for line in lines):
        msg = "the text is blank: no words in it"
        raise _error(msg, 1, source)
    return lines


# -- 2. blocks ----------------------------------------------------------------


def read_blocks(lines: Sequence[Line]) -> list[Block]:
    """
    Group lines into blocks separated by blank lines.

    Text without any blank line between its lines is read one block per
    line: a scrape that lost its blank lines still has its paragraphs.

    Args:
        lines: The output of `read_lines`.

    Returns:
        The blocks in order, each of one or more non-blank lines.
    """
    blocks: list[Block] = []
    current: list[Line] = []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            blocks.append(Block(tuple(current)))
            current = []
    if current:
        blocks.append(Block(tuple(current)))
    if len(blocks) == 1:
        return [Block((line,)) for line in blocks[0].lines]
    return blocks


# -- 3. what each block is ----------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _unquoted(text: str) -> str:
    """*text* without the quote marks around all of it."""
    if len(text) > 1 and text[0] in _OPENING_QUOTES:
        text = text[1:]
        if text and text[-1] in _CLOSING_QUOTES:
            text = text[:-1]
    return text.strip()


def _is_heading(text: str) -> bool:
    """
    Whether a one-line block reads as a subheading.

    Subheadings are short, start with a capital (or a quote mark and a
    capital, or a digit), and do not end like a sentence; a question may
    be a heading when it is a single short question sentence.
    """
    if len(text) > _MAX_HEADING_CHARS:
        return False
    inner = _unquoted(text)
    words = _words(inner)
    if (
        not words
        or not (inner[0].isupper() or inner[0].isdigit())
        or inner[-1] in _CLOSING_PUNCTUATION
        or inner[-1] in "-–—("
        # A quotation with its attribution ("...," she said) is a paragraph.
        or (any(mark in inner for mark in '"“”') and "," in inner)
        or _SENTENCE_BREAK.search(inner)
    ):
        return False
    return len(words) <= _heading_limit(inner, words)


def _heading_limit(inner: str, words: Sequence[str]) -> int:
    """How many words a heading of this kind may have."""
    if inner.endswith("?"):
        if words[0].lower() in _QUESTION_WORDS:
            return _MAX_QUESTION_HEADING_WORDS
        return 0
    if inner.upper() == inner:
        return _MAX_CAPS_HEADING_WORDS
    return _MAX_HEADING_WORDS


def _is_name(word: str) -> bool:
    word = word.strip(",")
    if word.lower() in _NAME_PARTICLES:
        return True
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _is_byline(text: str) -> bool:
    """
    Whether a one-line block names the article's authors.

    "By A and B", "Name · Outlet", "By Name | Outlet", "Associated Press in
    Valencia", or a bare name of up to four words.
    """
    if (
        len(text) > _MAX_BYLINE_CHARS
        or "\n" in text
        or text.endswith((".", "!", "?", ":", ";"))
    ):
        return False
    words = _words(text)
    if not words or len(words) > _MAX_BYLINE_WORDS:
        return False
    has_by = _BYLINE_BY.match(text) is not None
    if has_by:
        words = words[1:]
    names = [w for w in words if w.lower() not in _BYLINE_JOINERS]
    if not names or not all(_is_name(word) for word in names):
        return False
    joined = len(names) != len(words)
    return has_by or joined or len(names) <= _MAX_BARE_BYLINE_NAMES


def _caption_only(text: str) -> bool:
    """
    Whether a one-line block is a photo caption that has no credit.

    Two wire-service conventions: a caption that opens with "FILE -" (an
    archive picture), and a one-sentence caption that dates the picture
    in full ("..., April 14, 2024."), which running text rarely does.
    """
    if _FILE_CAPTION.match(text):
        return True
    if len(text) > _MAX_CAPTION_CHARS:
        return False
    if any(mark in text for mark in '"“”'):
        return False
    date = _FULL_DATE.search(text)
    if date is None or len(_words(text[: date.start()])) < (
        _CAPTION_DATE_FIRST_WORD
    ):
        return False
    if len(_words(text)) > _MAX_CAPTION_WORDS:
        return False
    return _SENTENCE_BREAK.search(text) is None


def _same(first: str, second: str) -> bool:
    return " ".join(first.split()) == " ".join(second.split())


def read_figure(block: Block) -> Figure | None:
    """
    The figure a block shows, or `None` if it is running text.

    One line: a caption with its credit, a credit alone, or a caption that
    reads as one.  Several lines: the same picture described again and
    again (the caption repeated, with or without its credit, the credit on
    a line of its own): one figure, whatever the repeats.
    """
    lines = [line.text for line in block.lines]
    if len(lines) == 1:
        caption, credit = split_credit(lines[0])
        if credit is None and not _caption_only(lines[0]):
            return None
        return _make_figure(caption, credit)
    captions: list[str] = []
    found_credits: list[str] = []
    for index, line in enumerate(lines):
        caption, credit = split_credit(line, bare=index > 0)
        for part, seen in ((caption, captions), (credit, found_credits)):
            if part is not None and not any(_same(part, s) for s in seen):
                if seen:
                    return None  # a second caption or credit: not one picture
                seen.append(part)
    return _make_figure(
        captions[0] if captions else None,
        found_credits[0] if found_credits else None,
    )


def _make_figure(caption: str | None, credit: str | None) -> Figure:
    return Figure(
        caption=caption,
        credit=parse_credit(credit) if credit is not None else None,
    )


def dateline(paragraph: str) -> str | None:
    """
    The dateline that opens *paragraph*, without the dash after it.

    Args:
        paragraph: The text of the body's first paragraph.

    Returns:
        ``KATHMANDU, April 25 (Reuters)`` for a paragraph that opens
        "KATHMANDU, April 25 (Reuters) - Nepal's ...", else `None`.
    """
    match = _DATELINE.match(paragraph[:_MAX_DATELINE_CHARS])
    if match is None:
        return None
    place = match["dateline"]
    if sum(char.isupper() for char in place) < 2:  # noqa: PLR2004 - an acronym at least
        return None
    return place


def _headline(blocks: list[Block], source: str | None) -> str:
    first = blocks[0]
    headline = first.lines[0].text
    words = _words(headline)
    if not any(char.isalnum() for char in headline):
        msg = "no headline: the first line has no words"
        raise _error(msg, first.number, source)
    if len(words) > _MAX_HEADLINE_WORDS:
        msg = (
            f"no headline: the first line has {len(words)} words, a "
            f"paragraph rather than a headline (at most "
            f"{_MAX_HEADLINE_WORDS})"
        )
        raise _error(msg, first.number, source)
    if is_credit(headline, bare=False) or (
        headline.startswith(("(", "["))
        and split_credit(headline).caption is None
    ):
        msg = "no headline: the first line is a photo credit"
        raise _error(msg, first.number, source)
    if len(first.lines) > 1:
        blocks[0] = Block(first.lines[1:])
    else:
        del blocks[0]
    return headline


def _is_prompt(text: str, following: str, long: int) -> bool:
    """
    Whether a one-sentence line is a section prompt in a long-form article.

    Explainers of long paragraphs head sections with a few words that end
    like a sentence ("But that did not last."); in an article of such
    paragraphs, a line of a few words with no quotation and no figures
    before a long paragraph is read as a subheading.
    """
    words = _words(text)
    return (
        len(words) <= _MAX_PROMPT_WORDS
        and text[0].isupper()
        and text[-1] in ".!"
        and not any(char.isdigit() or char in _QUOTE_MARKS for char in text)
        and "," not in text
        and _SENTENCE_BREAK.search(text) is None
        and len(_words(following)) >= long
    )


def _long_form(blocks: Sequence[Block], figures: Sequence[object]) -> bool:
    """Whether the article's paragraphs are long (a feature, an explainer)."""
    sizes = sorted(
        len(_words(block.text))
        for block, figure in zip(blocks, figures, strict=True)
        if figure is None
    )
    return bool(sizes) and sizes[len(sizes) // 2] >= _LONG_PARAGRAPH_WORDS


def _body(blocks: Sequence[Block]) -> list[str | Heading | Figure]:
    figures = [read_figure(block) for block in blocks]
    body: list[str | Heading | Figure] = []
    last = len(blocks) - 1
    long_form = _long_form(blocks, figures)
    for index, (block, figure) in enumerate(zip(blocks, figures, strict=True)):
        if figure is not None:
            previous = body[-1] if body else None
            if (
                isinstance(previous, Figure)
                and figure.caption is not None
                and previous.caption is not None
                and _same(previous.caption, figure.caption)
                and (figure.credit is None or figure.credit == previous.credit)
            ):
                continue  # the same picture again, as its own block
            body.append(figure)
        elif (
            len(block.lines) == 1
            and index < last
            and figures[index + 1] is None
            and (
                _is_heading(block.text)
                or (
                    long_form
                    and _is_prompt(
                        block.text,
                        blocks[index + 1].text,
                        _LONG_PARAGRAPH_WORDS,
                    )
                )
            )
        ):
            body.append(Heading(text=block.text))
        else:
            body.append(block.text)
    return body


def read_layout(
    blocks: Sequence[Block], *, source: str | None = None
) -> Layout:
    """
    Name the blocks of an article.

    The first line is the headline.  Then, before the body: a byline (a
    short line of names), or a standfirst followed by a byline or by the
    lead picture.  Everything after is the body; a dateline is looked for
    at the start of its first paragraph.

    Args:
        blocks: The output of `read_blocks`.
        source: A name for the input in error messages.

    Returns:
        The article's parts; paragraphs are plain strings.

    Raises:
        ParseError: If the first line cannot be a headline.
    """
    rest = list(blocks)
    headline = _headline(rest, source)
    standfirst = byline = None
    if rest and _single(rest[0]) and _is_byline(rest[0].text):
        byline = rest.pop(0).text
    elif (
        len(rest) > 1
        and read_figure(rest[0]) is None
        and dateline(rest[0].text) is None
        and (
            (_single(rest[1]) and _is_byline(rest[1].text))
            or read_figure(rest[1]) is not None
        )
    ):
        standfirst = rest.pop(0).text
        if _single(rest[0]) and _is_byline(rest[0].text):
            byline = rest.pop(0).text
    body = _body(rest)
    first = next((block for block in body if isinstance(block, str)), None)
    return Layout(
        headline=headline,
        standfirst=standfirst,
        byline=byline,
        dateline=dateline(first) if first is not None else None,
        body=tuple(body),
    )


def _single(block: Block) -> bool:
    return len(block.lines) == 1
