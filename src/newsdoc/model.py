"""
The newsdoc document model: one news article as typed, immutable values.

Every reader builds these classes and every writer consumes them.
Constructors enforce what holds for any article (types, non-blank text,
one-line headlines and headings, quote offsets that match their paragraph);
editorial rules are `newsdoc.validate`'s business, so an article without
paragraphs or a figure without credit can still be built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Final, TypeAlias

from attrs import Attribute, field, frozen


__all__ = [
    "LINE_BREAKS",
    "Article",
    "ArticleMeta",
    "Block",
    "Credit",
    "Figure",
    "Heading",
    "Paragraph",
    "Quote",
]

#: Every character that `str.splitlines` treats as a line break.
LINE_BREAKS: Final = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

# BCP 47 in the loose form that xml:lang accepts: "en", "en-GB", "zh-Hant-TW".
_LANGUAGE: Final = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


# -- field checks -----------------------------------------------------------
# attrs calls these as validators: (instance, attribute, value).


def _is_str(
    _instance: object, attribute: Attribute[Any], value: object
) -> None:
    if type(value) is not str:
        msg = f"{attribute.name} must be a str, not {type(value).__name__}"
        raise TypeError(msg)


def _text(instance: object, attribute: Attribute[Any], value: object) -> None:
    _is_str(instance, attribute, value)
    if not value.strip():  # type: ignore[attr-defined]
        msg = f"{attribute.name} must not be blank"
        raise ValueError(msg)


def _optional_text(
    instance: object, attribute: Attribute[Any], value: object
) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _one_line(
    instance: object, attribute: Attribute[Any], value: object
) -> None:
    _text(instance, attribute, value)
    if not LINE_BREAKS.isdisjoint(value):  # type: ignore[arg-type]
        msg = f"{attribute.name} must be one line: {value!r}"
        raise ValueError(msg)


def _optional_one_line(
    instance: object, attribute: Attribute[Any], value: object
) -> None:
    if value is not None:
        _one_line(instance, attribute, value)


def _one_line_texts(
    instance: object, attribute: Attribute[Any], value: object
) -> None:
    for item in value:  # type: ignore[attr-defined]
        _one_line(instance, attribute, item)


def _is_bool(
    _instance: object, attribute: Attribute[Any], value: object
) -> None:
    if type(value) is not bool:
        msg = f"{attribute.name} must be a bool, not {type(value).__name__}"
        raise TypeError(msg)


def _is_int(
    _instance: object, attribute: Attribute[Any], value: object
) -> None:
    # bool is an int subclass; True is no offset.
    if type(value) is not int:
        msg = f"{attribute.name} must be an int, not {type(value).__name__}"
        raise TypeError(msg)


def _optional_aware(
    _instance: object, attribute: Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, datetime):
        msg = (
            f"{attribute.name} must be a datetime, not {type(value).__name__}"
        )
        raise TypeError(msg)
    if value.tzinfo is None or value.utcoffset() is None:
        msg = f"{attribute.name} must be timezone-aware: {value.isoformat()}"
        raise ValueError(msg)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    """Turn any iterable of strings into a tuple (a lone str is refused)."""
    if isinstance(value, str):
        msg = f"expected a sequence of strings, not the string {value!r}"
        raise TypeError(msg)
    return tuple(value)


# -- the model ---------------------------------------------------------------


@frozen(kw_only=True)
class Quote:
    """
    Words attributed to someone, located inside their paragraph.

    Attributes:
        text: The quoted words, without the quote marks: exactly
            ``paragraph.text[start:end]``.
        start: Offset of the first quoted character in `Paragraph.text`.
        end: Offset just past the last quoted character.
        speaker: The person or body the words are attributed to, as the
            article names them (fullest form, no titles), or `None`.
        verb: The attribution verb (``said``, ``told``), or `None`.
        outlet: The medium the words are reported through
            (``Interfax`` in "according to Interfax"), or `None`.
        continues: Whether the quotation runs on into the next paragraph
            (news style: no closing mark at the paragraph's end).
    """

    text: str = field(validator=_text)
    start: int = field(validator=_is_int)
    end: int = field(validator=_is_int)
    speaker: str | None = field(default=None, validator=_optional_text)
    verb: str | None = field(default=None, validator=_optional_text)
    outlet: str | None = field(default=None, validator=_optional_text)
    continues: bool = field(default=False, validator=_is_bool)

    def __attrs_post_init__(self) -> None:
        if self.start < 0:
            msg = f"quote starts at {self.start}, before its paragraph"
            raise ValueError(msg)
        if self.end - self.start != len(self.text):
            msg = (
                f"quote offsets {self.start}:{self.end} span "
                f"{self.end - self.start} characters, but its text has "
                f"{len(self.text)}"
            )
            raise ValueError(msg)


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Paragraph:
    """
    A paragraph of running text and the quotations found in it.

    Attributes:
        text: The paragraph's text as written, quote marks included.
            It may hold line breaks where the source had them.
        quotes: The quotations in the paragraph, in order of their offsets;
            they do not overlap, and only the last may continue into the
            next paragraph.
    """

    text: str = field(validator=_text)
    quotes: tuple[Quote, ...] = field(default=(), converter=_quotes)

    @quotes.validator
    def _check_quotes(
        self,
        _attribute: Attribute[tuple[Quote, ...]],
        value: tuple[Quote, ...],
    ) -> None:
        text = self.text
        previous_end = 0
        last = len(value) - 1
        for index, quote in enumerate(value):
            if type(quote) is not Quote:
                msg = f"quotes[{index}] must be a Quote, not {type(quote).__name__}"
                raise TypeError(msg)
            if quote.start < previous_end:
                msg = (
                    f"quotes[{index}] starts at {quote.start}, inside or "
                    f"before the quote before it (ends at {previous_end})"
                )
                raise ValueError(msg)
            if quote.end > len(text):
                msg = (
                    f"quotes[{index}] ends at {quote.end}, past the "
                    f"paragraph's {len(text)} characters"
                )
                raise ValueError(msg)
            if text[quote.start : quote.end] != quote.text:
                msg = (
                    f"quotes[{index}] text {quote.text!r} is not the "
                    f"paragraph's text at {quote.start}:{quote.end}: "
                    f"{text[quote.start : quote.end]!r}"
                )
                raise ValueError(msg)
            if quote.continues and index != last:
                msg = (
                    f"quotes[{index}] continues, but it is not the last quote"
                )
                raise ValueError(msg)
            previous_end = quote.end


@frozen(kw_only=True)
class Heading:
    """
    A subheading that opens a section of the body.

    Attributes:
        text: The heading, one line.
        level: Its rank, 1 to 6, as in HTML; in-body subheadings are 2.
    """

    text: str = field(validator=_one_line)
    level: int = field(default=2, validator=_is_int)

    @level.validator
    def _check_level(self, _attribute: Attribute[int], value: int) -> None:
        if not 1 <= value <= 6:  # noqa: PLR2004 - HTML's h1..h6
            msg = f"level must be from 1 to 6, not {value}"
            raise ValueError(msg)


@frozen(kw_only=True)
class Credit:
    """
    Who made or supplied a picture, as written and as parsed.

    Attributes:
        raw: The credit exactly as written, without surrounding brackets
            or the dash before it (``photo credit: MON/HANDOUT VIA REUTERS``).
        label: The label it opens with (``photo credit``, ``Photograph``),
            or `None`.
        creators: The people who made the picture.
        agencies: The agencies and organisations credited.
        via: The distributor in "X via Y", or `None`.
        handout: Whether the picture is a handout.
        pool: Whether it is a pool picture.
        file: Whether it is a file (archive) picture.
    """

    raw: str = field(validator=_text)
    label: str | None = field(default=None, validator=_optional_one_line)
    creators: tuple[str, ...] = field(
        default=(), converter=_strings, validator=_one_line_texts
    )
    agencies: tuple[str, ...] = field(
        default=(), converter=_strings, validator=_one_line_texts
    )
    via: str | None = field(default=None, validator=_optional_one_line)
    handout: bool = field(default=False, validator=_is_bool)
    pool: bool = field(default=False, validator=_is_bool)
    file: bool = field(default=False, validator=_is_bool)


def _optional_credit(
    _instance: object, attribute: Attribute[Any], value: object
) -> None:
    if value is not None and type(value) is not Credit:
        msg = f"{attribute.name} must be a Credit, not {type(value).__name__}"
        raise TypeError(msg)


@frozen(kw_only=True)
class Figure:
    """
    A picture in the article: its caption and credit.

    Attributes:
        caption: The caption, without its credit, or `None`.
        credit: The credit, or `None`.
        image: Where the image is (a URL or other reference), or `None`.
        alt: The image's alternative text, or `None`.

    A figure has at least a caption or a credit.
    """

    caption: str | None = field(default=None, validator=_optional_text)
    credit: Credit | None = field(default=None, validator=_optional_credit)
    image: str | None = field(default=None, validator=_optional_text)
    alt: str | None = field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.caption is None and self.credit is None:
            msg = "a figure needs a caption or a credit"
            raise ValueError(msg)


#: A block of the article body, in reading order.
Block: TypeAlias = Paragraph | Heading | Figure

_BLOCK_TYPES: Final = (Paragraph, Heading, Figure)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


@frozen(kw_only=True)
class ArticleMeta:
    """
    What is known about an article besides its text.

    Attributes:
        id: An identifier the publisher or the caller gave it, or `None`.
        url: Where it was published, or `None`.
        publisher: Who published it, or `None`.
        language: Its language as a BCP 47 tag (``en``, ``en-GB``), or `None`.
        published: When it was first published (timezone-aware), or `None`.
        modified: When it was last changed (timezone-aware), or `None`.
        keywords: Subject keywords, in the order given.
    """

    id: str | None = field(default=None, validator=_optional_one_line)
    url: str | None = field(default=None, validator=_optional_one_line)
    publisher: str | None = field(default=None, validator=_optional_one_line)
    language: str | None = field(default=None, validator=_optional_text)
    published: datetime | None = field(default=None, validator=_optional_aware)
    modified: datetime | None = field(default=None, validator=_optional_aware)
    keywords: tuple[str, ...] = field(
        default=(), converter=_strings, validator=_one_line_texts
    )

    @language.validator
    def _check_language(
        self, _attribute: Attribute[str | None], value: str | None
    ) -> None:
        if value is not None and _LANGUAGE.fullmatch(value) is None:
            msg = (
                f"language must be a BCP 47 tag such as 'en-GB', not {value!r}"
            )
            raise ValueError(msg)


def _paragraph_or_none(
    _instance: object, attribute: Attribute[Any], value: object
) -> None:
    if value is not None and type(value) is not Paragraph:
        msg = (
            f"{attribute.name} must be a Paragraph, not {type(value).__name__}"
        )
        raise TypeError(msg)


def _is_meta(
    _instance: object, attribute: Attribute[Any], value: object
) -> None:
    if type(value) is not ArticleMeta:
        msg = f"{attribute.name} must be an ArticleMeta, not {type(value).__name__}"
        raise TypeError(msg)


@frozen(kw_only=True)
class Article:
    """
    One news article.

    Attributes:
        headline: The headline, one line.
        standfirst: The summary under the headline (a `Paragraph`, so its
            quotes are kept), or `None`.
        byline: Who wrote it, as written (``By A and B``), or `None`.
        dateline: The place, date and agency that open the first paragraph
            (``KATHMANDU, April 25 (Reuters)``), or `None`; the paragraph
            keeps them in its text.
        body: The blocks of the article in reading order.
        meta: What is known about the article besides its text.
    """

    headline: str = field(validator=_one_line)
    standfirst: Paragraph | None = field(
        default=None, validator=_paragraph_or_none
    )
    byline: str | None = field(default=None, validator=_optional_text)
    dateline: str | None = field(default=None, validator=_optional_one_line)
    body: tuple[Block, ...] = field(default=(), converter=_blocks)
    meta: ArticleMeta = field(factory=ArticleMeta, validator=_is_meta)

    @body.validator
    def _check_body(
        self,
        _attribute: Attribute[tuple[Block, ...]],
        value: tuple[Block, ...],
    ) -> None:
        for index, block in enumerate(value):
            if type(block) not in _BLOCK_TYPES:
                msg = (
                    f"body[{index}] must be a Paragraph, Heading or Figure, "
                    f"not {type(block).__name__}"
                )
                raise TypeError(msg)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The body's paragraphs in reading order (not the standfirst)."""
        return tuple(b for b in self.body if type(b) is Paragraph)

    @property
    def headings(self) -> tuple[Heading, ...]:
        """The body's subheadings in reading order."""
        return tuple(b for b in self.body if type(b) is Heading)

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The body's figures in reading order."""
        return tuple(b for b in self.body if type(b) is Figure)

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quote: the standfirst's first, then the body's, in order."""
        quotes: list[Quote] = []
        if self.standfirst is not None:
            quotes.extend(self.standfirst.quotes)
        for paragraph in self.paragraphs:
            quotes.extend(paragraph.quotes)
        return tuple(quotes)
