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

from attrs import NOTHING, Attribute, field, frozen, validate
from attrs.validators import get_disabled


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
# These are the fields' attrs validators: (instance, attribute, value).
#
# The constructors are written by hand (``init=False``) rather than by
# attrs, whose ``__init__`` calls every field's validator in turn: one
# Python call per field, most of the time it takes to read an article from
# JSON or NewsML-G2 (issue 6). Each constructor stores its fields, converts
# them as their converters would, and then tests all of them at once with
# inline expressions that hold only for valid values. Only when that test
# fails does `attrs.validate` run the validators below, in field order, and
# the first that fails raises its error naming the field, as before (when
# attrs' validators are disabled, nothing does). The validators stay on the
# fields, where `attrs.fields` and the JSON reader's error paths find them.

# How a constructor sets the fields of a frozen instance, as attrs does.
_set: Final = object.__setattr__


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


def _is_text(value: object) -> bool:
    """Whether `_text` accepts *value*, tested without raising."""
    return type(value) is str and bool(value) and not value.isspace()


def _is_one_line(value: object) -> bool:
    """Whether `_one_line` accepts *value*, tested without raising."""
    # splitlines() drops every line break, so it gives back [value]
    # exactly when value holds none (and is not empty).
    return (
        type(value) is str
        and not value.isspace()
        and value.splitlines() == [value]
    )


def _is_aware(value: object) -> bool:
    """Whether `_optional_aware` accepts *value*, tested without raising."""
    return (
        isinstance(value, datetime)
        and value.tzinfo is not None
        and value.utcoffset() is not None
    )


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    """Turn any iterable of strings into a tuple (a lone str is refused)."""
    if isinstance(value, str):
        msg = f"expected a sequence of strings, not the string {value!r}"
        raise TypeError(msg)
    return tuple(value)


# -- the model ---------------------------------------------------------------


@frozen(kw_only=True, init=False)
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

    def __init__(  # noqa: PLR0913 - one keyword per field
        self,
        *,
        text: str,
        start: int,
        end: int,
        speaker: str | None = None,
        verb: str | None = None,
        outlet: str | None = None,
        continues: bool = False,
    ) -> None:
        _set(self, "text", text)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "speaker", speaker)
        _set(self, "verb", verb)
        _set(self, "outlet", outlet)
        _set(self, "continues", continues)
        if not (
            type(text) is str
            and text
            and not text.isspace()
            and type(start) is int
            and type(end) is int
            and (
                speaker is None
                or (type(speaker) is str and speaker and not speaker.isspace())
            )
            and (
                verb is None
                or (type(verb) is str and verb and not verb.isspace())
            )
            and (
                outlet is None
                or (type(outlet) is str and outlet and not outlet.isspace())
            )
            and type(continues) is bool
        ):
            validate(self)
        if start < 0:
            msg = f"quote starts at {start}, before its paragraph"
            raise ValueError(msg)
        if end - start != len(text):
            msg = (
                f"quote offsets {start}:{end} span {end - start} "
                f"characters, but its text has {len(text)}"
            )
            raise ValueError(msg)


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


@frozen(kw_only=True, init=False)
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

    def __init__(self, *, text: str, quotes: Iterable[Quote] = ()) -> None:
        items = quotes if type(quotes) is tuple else _quotes(quotes)
        _set(self, "text", text)
        _set(self, "quotes", items)
        # The text's check inline; the quotes' is their validator itself,
        # called directly once the text has passed, and only with quotes.
        if type(text) is not str or not text or text.isspace():
            validate(self)
        elif items and not get_disabled():
            self._check_quotes(_PARAGRAPH_QUOTES, items)

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


_PARAGRAPH_QUOTES: Final = Paragraph.__attrs_attrs__.quotes


@frozen(kw_only=True, init=False)
class Heading:
    """
    A subheading that opens a section of the body.

    Attributes:
        text: The heading, one line.
        level: Its rank, 1 to 6, as in HTML; in-body subheadings are 2.
    """

    text: str = field(validator=_one_line)
    level: int = field(default=2, validator=_is_int)

    def __init__(self, *, text: str, level: int = 2) -> None:
        _set(self, "text", text)
        _set(self, "level", level)
        if not (
            _is_one_line(text) and type(level) is int and 1 <= level <= 6  # noqa: PLR2004 - HTML's h1..h6
        ):
            validate(self)

    @level.validator
    def _check_level(self, _attribute: Attribute[int], value: int) -> None:
        if not 1 <= value <= 6:  # noqa: PLR2004 - HTML's h1..h6
            msg = f"level must be from 1 to 6, not {value}"
            raise ValueError(msg)


@frozen(kw_only=True, init=False)
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

    def __init__(  # noqa: PLR0913 - one keyword per field
        self,
        *,
        raw: str,
        label: str | None = None,
        creators: Iterable[str] = (),
        agencies: Iterable[str] = (),
        via: str | None = None,
        handout: bool = False,
        pool: bool = False,
        file: bool = False,
    ) -> None:
        creators = creators if type(creators) is tuple else _strings(creators)
        agencies = agencies if type(agencies) is tuple else _strings(agencies)
        _set(self, "raw", raw)
        _set(self, "label", label)
        _set(self, "creators", creators)
        _set(self, "agencies", agencies)
        _set(self, "via", via)
        _set(self, "handout", handout)
        _set(self, "pool", pool)
        _set(self, "file", file)
        if not (
            type(raw) is str
            and raw
            and not raw.isspace()
            and (label is None or _is_one_line(label))
            and all(map(_is_one_line, creators))
            and all(map(_is_one_line, agencies))
            and (via is None or _is_one_line(via))
            and type(handout) is type(pool) is type(file) is bool
        ):
            validate(self)


def _optional_credit(
    _instance: object, attribute: Attribute[Any], value: object
) -> None:
    if value is not None and type(value) is not Credit:
        msg = f"{attribute.name} must be a Credit, not {type(value).__name__}"
        raise TypeError(msg)


@frozen(kw_only=True, init=False)
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

    def __init__(
        self,
        *,
        caption: str | None = None,
        credit: Credit | None = None,
        image: str | None = None,
        alt: str | None = None,
    ) -> None:
        _set(self, "caption", caption)
        _set(self, "credit", credit)
        _set(self, "image", image)
        _set(self, "alt", alt)
        if not (
            (caption is None or _is_text(caption))
            and (credit is None or type(credit) is Credit)
            and (image is None or _is_text(image))
            and (alt is None or _is_text(alt))
        ):
            validate(self)
        if caption is None and credit is None:
            msg = "a figure needs a caption or a credit"
            raise ValueError(msg)


#: A block of the article body, in reading order.
Block: TypeAlias = Paragraph | Heading | Figure

_BLOCK_TYPES: Final = (Paragraph, Heading, Figure)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


@frozen(kw_only=True, init=False)
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

    def __init__(  # noqa: PLR0913 - one keyword per field
        self,
        *,
        id: str | None = None,
        url: str | None = None,
        publisher: str | None = None,
        language: str | None = None,
        published: datetime | None = None,
        modified: datetime | None = None,
        keywords: Iterable[str] = (),
    ) -> None:
        keywords = keywords if type(keywords) is tuple else _strings(keywords)
        _set(self, "id", id)
        _set(self, "url", url)
        _set(self, "publisher", publisher)
        _set(self, "language", language)
        _set(self, "published", published)
        _set(self, "modified", modified)
        _set(self, "keywords", keywords)
        if not (
            (id is None or _is_one_line(id))
            and (url is None or _is_one_line(url))
            and (publisher is None or _is_one_line(publisher))
            # A match is never blank.
            and (
                language is None
                or (
                    type(language) is str
                    and _LANGUAGE.fullmatch(language) is not None
                )
            )
            and (published is None or _is_aware(published))
            and (modified is None or _is_aware(modified))
            and all(map(_is_one_line, keywords))
        ):
            validate(self)

    @language.validator
    def _check_language(
        self, _attribute: Attribute[str | None], value: str | None
    ) -> None:
        if value is not None and _LANGUAGE.fullmatch(value) is None:
            msg = (
                f"language must be a BCP 47 tag such as 'en-GB', not {value!r}"
            )
            raise ValueError(msg)


# Article's default meta, as attrs writes a factory's: "a new ArticleMeta()".
_NEW_META: Final[Any] = NOTHING


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


@frozen(kw_only=True, init=False)
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

    def __init__(  # noqa: PLR0913 - one keyword per field
        self,
        *,
        headline: str,
        standfirst: Paragraph | None = None,
        byline: str | None = None,
        dateline: str | None = None,
        body: Iterable[Block] = (),
        meta: ArticleMeta = _NEW_META,
    ) -> None:
        blocks = body if type(body) is tuple else _blocks(body)
        if meta is _NEW_META:
            meta = ArticleMeta()
        _set(self, "headline", headline)
        _set(self, "standfirst", standfirst)
        _set(self, "byline", byline)
        _set(self, "dateline", dateline)
        _set(self, "body", blocks)
        _set(self, "meta", meta)
        if not (
            _is_one_line(headline)
            and (standfirst is None or type(standfirst) is Paragraph)
            and (byline is None or _is_text(byline))
            and (dateline is None or _is_one_line(dateline))
            and all(type(block) in _BLOCK_TYPES for block in blocks)
            and type(meta) is ArticleMeta
        ):
            validate(self)

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
