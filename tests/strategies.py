"""
Hypothesis strategies that build valid random newsdoc articles.

Every strategy here builds values the model accepts: non-blank text,
one-line headlines and headings, quotes at real offsets of their paragraph,
aware datetimes, BCP 47 language tags.
By default the text is Unicode of all kinds (no-break and zero-width spaces,
emoji, right-to-left scripts, combining marks, controls, line breaks).
A format that carries less passes a narrower *alphabet*, a strategy of
single characters (or a string of them)::

    articles(alphabet=characters(xml_safe=True))  # for NewsML-G2
    articles(alphabet=string.ascii_letters + " ")  # for a picky layout

and `articles` takes strategies for its parts, so a test can pin any of
them (``articles(body=st.just(()))``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Final, TypeAlias

from hypothesis import strategies as st

from newsdoc import (
    Article,
    ArticleMeta,
    Block,
    Credit,
    Figure,
    Heading,
    Paragraph,
    Quote,
)
from newsdoc._chars import XML_UNSAFE
from newsdoc.model import LINE_BREAKS


__all__ = [
    "SPECIAL_CHARACTERS",
    "Alphabet",
    "articles",
    "blocks",
    "characters",
    "credits",
    "datetimes",
    "figures",
    "headings",
    "languages",
    "metas",
    "one_line_texts",
    "paragraphs",
    "paragraphs_with_quotes",
    "quote_marks",
    "texts",
]

#: A strategy of single characters, or a string of the characters to use.
Alphabet: TypeAlias = st.SearchStrategy[str] | str

#: Characters that real news text carries and naive code trips over.
SPECIAL_CHARACTERS: Final = (
    "\u00a0\u202f\u2009\u3000"  # no-break, narrow no-break, thin, ideographic
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, joiners, BOM
    "\u200e\u200f\u202b\u202c\u2066\u2069"  # bidirectional marks
    "\u0301\u0308\u0327\u20dd"  # combining marks
    "שלום"  # Hebrew
    "مرحبا"  # Arabic
    "नमस्ते"  # Devanagari with virama
    "日本語한국어"
    "😀👍🏽👨\u200d👩\u200d👧🇺🇦"  # emoji, skin tone, ZWJ sequence, flag
    "\U0001d54f\U00010348"  # astral letters
    "“”‘’„«»‹›\"'`"  # quote marks of several languages
    "—–…•·"
    "\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # every str.splitlines break
    "\x00\x07\x1b\x7f\ufffe\uffff"  # controls and noncharacters
    "\\/<>&{}[]:,$@#"  # what JSON, XML and paths escape or quote
    "ßẞİı"  # letters whose case mapping changes length
)

# Every whitespace character is in the BMP, below U+3001.
_WHITESPACE: Final = "".join(
    chr(code) for code in range(0x3001) if chr(code).isspace()
)
_XML_UNSAFE: Final = "".join(
    chr(code) for code in range(0x10000) if XML_UNSAFE.match(chr(code))
)

# Tags people write, plus generated ones of the loose form the model allows.
_COMMON_LANGUAGES: Final = (
    "en",
    "en-GB",
    "en-US",
    "de",
    "fr-CA",
    "uk",
    "ru",
    "he",
    "ar",
    "ne",
    "zh-Hant-TW",
    "sr-Latn",
    "es-419",
    "x-private",
    "i-klingon",
)
_LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,3}")

# Pairs of opening and closing marks that enclose a quotation, and none.
_QUOTE_MARKS: Final = (
    ('"', '"'),
    ("“", "”"),
    ("‘", "’"),
    ("“", '"'),  # mixed pairs occur in scraped text
    ("«\u00a0", "\u00a0»"),
    ("„", "“"),
    ("", ""),
)


# The strategies characters() made, and the xml_safe they were made with,
# so texts() can narrow them without filtering.
_XML_SAFE_OF: Final[dict[int, bool]] = {}


@functools.cache
def characters(
    *,
    xml_safe: bool = False,
    line_breaks: bool = True,
    whitespace: bool = True,
) -> st.SearchStrategy[str]:
    """
    Single characters: the special ones above, ASCII, and any code point.

    Lone surrogates are never drawn: no UTF-8 text can hold them.
    What is left out is excluded up front, never filtered: filtering
    makes every text slow to draw.

    Args:
        xml_safe: Leave out what XML 1.0 cannot carry (C0 controls other
            than tab and line ends, U+FFFE, U+FFFF).
        line_breaks: Keep the characters `str.splitlines` breaks at.
        whitespace: Keep whitespace (line breaks included).
    """
    excluded = _XML_UNSAFE if xml_safe else ""
    if not line_breaks:
        excluded += "".join(sorted(LINE_BREAKS))
    if not whitespace:
        excluded += _WHITESPACE
    special = "".join(c for c in SPECIAL_CHARACTERS if c not in excluded)
    strategy = st.one_of(
        st.sampled_from(special),
        st.characters(
            min_codepoint=0x20, max_codepoint=0x7E, exclude_characters=excluded
        ),
        st.characters(exclude_categories=["Cs"], exclude_characters=excluded),
    )
    _XML_SAFE_OF[id(strategy)] = xml_safe
    return strategy


def _alphabet(alphabet: Alphabet | None) -> st.SearchStrategy[str]:
    if alphabet is None:
        return characters()
    if isinstance(alphabet, str):
        if not alphabet:
            msg = "the alphabet must hold at least one character"
            raise ValueError(msg)
        return st.sampled_from(sorted(set(alphabet)))
    return alphabet


def _narrowed(
    alphabet: Alphabet | None, *, line_breaks: bool, whitespace: bool
) -> st.SearchStrategy[str]:
    """*alphabet* without line breaks or whitespace, unfiltered if we can."""
    if alphabet is None:
        alphabet = characters()
    if isinstance(alphabet, str):
        kept = [
            c
            for c in alphabet
            if (line_breaks or c not in LINE_BREAKS)
            and (whitespace or not c.isspace())
        ]
        if not kept:
            msg = f"the alphabet {alphabet!r} has no character to use here"
            raise ValueError(msg)
        return st.sampled_from(sorted(set(kept)))
    xml_safe = _XML_SAFE_OF.get(id(alphabet))
    if xml_safe is not None:
        return characters(
            xml_safe=xml_safe, line_breaks=line_breaks, whitespace=whitespace
        )
    if not whitespace:
        return alphabet.filter(lambda c: not c.isspace())
    if not line_breaks:
        return alphabet.filter(lambda c: c not in LINE_BREAKS)
    return alphabet


# Cached: building a strategy costs more than drawing from it.
@functools.cache
def texts(
    alphabet: Alphabet | None = None,
    *,
    max_size: int = 30,
    one_line: bool = False,
) -> st.SearchStrategy[str]:
    """
    Non-blank text: at least one character that is not whitespace.

    Args:
        alphabet: The characters to draw from (default: `characters()`);
            it must hold at least one non-whitespace character.
        max_size: The most characters around the one that is not
            whitespace, on each side.
        one_line: Leave out line breaks (for headlines and headings).
    """
    chars = _narrowed(alphabet, line_breaks=not one_line, whitespace=True)
    solid = _narrowed(alphabet, line_breaks=False, whitespace=False)
    around = st.text(chars, max_size=max_size)
    return st.builds(lambda a, b, c: a + b + c, around, solid, around)


def one_line_texts(
    alphabet: Alphabet | None = None, *, max_size: int = 30
) -> st.SearchStrategy[str]:
    """Non-blank text without line breaks, as headlines and headings need."""
    return texts(alphabet, max_size=max_size, one_line=True)


def _optional(
    strategy: st.SearchStrategy[str],
) -> st.SearchStrategy[str | None]:
    return st.none() | strategy


def quote_marks() -> st.SearchStrategy[tuple[str, str]]:
    """An opening and a closing quote mark (or none) to put around a quote."""
    return st.sampled_from(_QUOTE_MARKS)


def paragraphs(
    alphabet: Alphabet | None = None,
) -> st.SearchStrategy[Paragraph]:
    """Paragraphs of text without quotes."""
    return st.builds(Paragraph, text=texts(alphabet, max_size=60))


def paragraphs_with_quotes(
    alphabet: Alphabet | None = None,
    *,
    min_quotes: int = 0,
    max_quotes: int = 4,
) -> st.SearchStrategy[Paragraph]:
    """
    Paragraphs with quotes at real offsets of their text.

    The text is built from pieces: text, a quotation in marks, text, ...
    so each quote sits on a real slice; quotes never overlap (two may touch)
    and only the last may continue into the next paragraph.
    """
    counts = st.integers(min_quotes, max_quotes)
    plain = texts(alphabet, max_size=60)
    gaps = st.text(_alphabet(alphabet), max_size=20)
    words = texts(alphabet, max_size=25)
    optional = _optional(texts(alphabet, max_size=10))
    marks = quote_marks()

    @st.composite
    def build(draw: st.DrawFn) -> Paragraph:
        count = draw(counts)
        if count == 0:
            return Paragraph(text=draw(plain))
        pieces: list[str] = []
        quotes: list[Quote] = []
        offset = 0
        for index in range(count):
            before = draw(gaps)
            opening, closing = draw(marks)
            quoted = draw(words)
            start = offset + len(before) + len(opening)
            end = start + len(quoted)
            continues = index == count - 1 and draw(st.booleans())
            if continues:
                closing = ""  # news style: no closing mark before the run-on
            quotes.append(
                Quote(
                    text=quoted,
                    start=start,
                    end=end,
                    speaker=draw(optional),
                    verb=draw(optional),
                    outlet=draw(optional),
                    continues=continues,
                )
            )
            pieces.extend((before, opening, quoted, closing))
            offset = end + len(closing)
        if not quotes[-1].continues:
            pieces.append(draw(gaps))
        return Paragraph(text="".join(pieces), quotes=quotes)

    return build()


def headings(alphabet: Alphabet | None = None) -> st.SearchStrategy[Heading]:
    """Subheadings of one line, at any level from 1 to 6."""
    return st.builds(
        Heading, text=one_line_texts(alphabet), level=st.integers(1, 6)
    )


def _names(alphabet: Alphabet | None) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(one_line_texts(alphabet, max_size=8), max_size=3).map(
        tuple
    )


def credits(alphabet: Alphabet | None = None) -> st.SearchStrategy[Credit]:  # noqa: A001 - the name the brief gives
    """Credits as written, with any mix of parsed parts and flags."""
    optional = _optional(one_line_texts(alphabet, max_size=10))
    return st.builds(
        Credit,
        raw=texts(alphabet),
        label=optional,
        creators=_names(alphabet),
        agencies=_names(alphabet),
        via=optional,
        handout=st.booleans(),
        pool=st.booleans(),
        file=st.booleans(),
    )


def figures(alphabet: Alphabet | None = None) -> st.SearchStrategy[Figure]:
    """Figures with a caption, a credit, or both; image and alt sometimes."""
    captions = texts(alphabet, max_size=40)
    optional = _optional(texts(alphabet, max_size=20))
    some_credit = credits(alphabet)
    return st.one_of(
        st.builds(
            Figure,
            caption=captions,
            credit=st.none() | some_credit,
            image=optional,
            alt=optional,
        ),
        st.builds(Figure, credit=some_credit, image=optional, alt=optional),
    )


def blocks(alphabet: Alphabet | None = None) -> st.SearchStrategy[Block]:
    """Any body block; mostly paragraphs, as in real articles."""
    return st.one_of(
        paragraphs_with_quotes(alphabet),
        headings(alphabet),
        figures(alphabet),
    )


def datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes at UTC or a whole-minute offset to ±23:59."""
    offsets = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    return st.datetimes(
        # A day's margin: any offset keeps the instant inside datetime's range.
        min_value=datetime(1, 1, 2),  # noqa: DTZ001 - st.datetimes wants naive bounds
        max_value=datetime(9999, 12, 30),  # noqa: DTZ001
        timezones=st.just(UTC) | offsets,
    )


def languages() -> st.SearchStrategy[str]:
    """BCP 47 language tags: common ones and generated ones."""
    return st.sampled_from(_COMMON_LANGUAGES) | st.from_regex(
        _LANGUAGE_TAG, fullmatch=True
    )


def metas(alphabet: Alphabet | None = None) -> st.SearchStrategy[ArticleMeta]:
    """Article metadata with every field sometimes set."""
    optional = _optional(one_line_texts(alphabet, max_size=20))
    return st.builds(
        ArticleMeta,
        id=optional,
        url=optional,
        publisher=optional,
        language=st.none() | languages(),
        published=st.none() | datetimes(),
        modified=st.none() | datetimes(),
        keywords=_names(alphabet),
    )


def articles(
    alphabet: Alphabet | None = None,
    *,
    max_blocks: int = 8,
    standfirst: st.SearchStrategy[Paragraph | None] | None = None,
    body: st.SearchStrategy[Sequence[Block]] | None = None,
    meta: st.SearchStrategy[ArticleMeta] | None = None,
) -> st.SearchStrategy[Article]:
    """
    Valid articles, every optional part sometimes present.

    Args:
        alphabet: The characters of every text (default: `characters()`).
        max_blocks: The most blocks in the body.
        standfirst: Standfirsts to use instead of the default ones.
        body: Bodies (sequences of blocks) instead of the default ones.
        meta: Metadata instead of the default.
    """
    if standfirst is None:
        standfirst = st.none() | paragraphs_with_quotes(alphabet)
    if body is None:
        body = st.lists(blocks(alphabet), max_size=max_blocks)
    if meta is None:
        meta = metas(alphabet)
    return st.builds(
        Article,
        headline=one_line_texts(alphabet, max_size=40),
        standfirst=standfirst,
        byline=_optional(texts(alphabet, max_size=20)),
        dateline=_optional(one_line_texts(alphabet, max_size=20)),
        body=body,
        meta=meta,
    )
