"""
The peers newsdoc is measured against: pydantic, msgspec and newsmlg2.

The pydantic and msgspec models are written here, field for field from
`newsdoc.model`, with the same strictness: extra keys are refused, blocks
are a union tagged by ``"type"``, text must not be blank, headlines and
headings are one line, quote offsets must match their paragraph, a figure
needs a caption or a credit, datetimes must be timezone-aware.
A peer that checked less would win by doing less.

This module imports the ``bench`` extra; ``harness.require_bench_extra``
says what to install when it is missing.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, Final, Literal, Self

import msgspec
from lxml import etree
from NewsMLG2 import NewsMLG2Document  # type: ignore[import-untyped]
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

import newsdoc
from newsdoc.model import LINE_BREAKS


__all__ = [
    "MsgspecArticle",
    "PydanticArticle",
    "msgspec_roundtrip",
    "newsmlg2_read",
    "newsmlg2_write",
    "plain_article",
    "pydantic_roundtrip",
    "without_catalog_refs",
]

# newsdoc's line breaks as literal characters: pydantic compiles patterns
# with Rust's regex crate and msgspec with Python's re, whose escapes differ.
_BREAKS: Final = "".join(sorted(LINE_BREAKS))
# Searched, not matched: "has a non-space character".
_NOT_BLANK: Final = r"\S"
# A whole string without line breaks that is not blank. Rust's "$" is the
# end of the text; Python's needs "\Z" (its "$" also matches before a final
# line break).
_ONE_LINE_RUST: Final = f"^[^{_BREAKS}]*\\S[^{_BREAKS}]*$"
_ONE_LINE_PY: Final = f"\\A[^{_BREAKS}]*\\S[^{_BREAKS}]*\\Z"
_LANGUAGE_RUST: Final = r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$"
_LANGUAGE_PY: Final = r"\A[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*\Z"


# -- the plain form both peers read ------------------------------------------


def plain_article(article: newsdoc.Article) -> dict[str, Any]:
    """
    Return *article* as JSON-ready dicts and lists in newsdoc's JSON layout.

    The peers are loaded from this form, so they hold the same documents as
    newsdoc, and the floors dump and load exactly what newsdoc writes.
    """
    data: dict[str, Any] = json.loads(newsdoc.to_json(article))
    return data


# -- pydantic v2 ---------------------------------------------------------------

_PydText = Annotated[str, StringConstraints(pattern=_NOT_BLANK)]
_PydLine = Annotated[str, StringConstraints(pattern=_ONE_LINE_RUST)]
_STRICT: Final = ConfigDict(extra="forbid", strict=True, frozen=True)


class _PydQuote(BaseModel):
    model_config = _STRICT

    text: _PydText
    start: int = Field(ge=0)
    end: int
    speaker: _PydText | None = None
    verb: _PydText | None = None
    outlet: _PydText | None = None
    continues: bool = False

    @model_validator(mode="after")
    def _check_span(self) -> Self:
        if self.end - self.start != len(self.text):
            msg = f"quote offsets {self.start}:{self.end} do not fit its text"
            raise ValueError(msg)
        return self


def _check_quotes(text: str, quotes: tuple[Any, ...]) -> None:
    """Apply `newsdoc.Paragraph`'s quote rules (shared by both peers)."""
    previous_end = 0
    last = len(quotes) - 1
    for index, quote in enumerate(quotes):
        if quote.start < previous_end:
            msg = f"quotes[{index}] overlaps the quote before it"
            raise ValueError(msg)
        if quote.end > len(text):
            msg = f"quotes[{index}] ends past its paragraph"
            raise ValueError(msg)
        if text[quote.start : quote.end] != quote.text:
            msg = f"quotes[{index}] is not the paragraph's text at its offsets"
            raise ValueError(msg)
        if quote.continues and index != last:
            msg = f"quotes[{index}] continues, but it is not the last quote"
            raise ValueError(msg)
        previous_end = quote.end


class _PydStandfirst(BaseModel):
    model_config = _STRICT

    text: _PydText
    quotes: tuple[_PydQuote, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Self:
        _check_quotes(self.text, self.quotes)
        return self


class _PydParagraph(_PydStandfirst):
    type: Literal["paragraph"] = "paragraph"


class _PydHeading(BaseModel):
    model_config = _STRICT

    type: Literal["heading"] = "heading"
    text: _PydLine
    level: int = Field(default=2, ge=1, le=6)


class _PydCredit(BaseModel):
    model_config = _STRICT

    raw: _PydText
    label: _PydText | None = None
    creators: tuple[_PydText, ...] = ()
    agencies: tuple[_PydText, ...] = ()
    via: _PydText | None = None
    handout: bool = False
    pool: bool = False
    file: bool = False


class _PydFigure(BaseModel):
    model_config = _STRICT

    type: Literal["figure"] = "figure"
    caption: _PydText | None = None
    credit: _PydCredit | None = None
    image: _PydText | None = None
    alt: _PydText | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.caption is None and self.credit is None:
            msg = "a figure needs a caption or a credit"
            raise ValueError(msg)
        return self


class _PydMeta(BaseModel):
    model_config = _STRICT

    id: _PydText | None = None
    url: _PydText | None = None
    publisher: _PydText | None = None
    language: (
        Annotated[str, StringConstraints(pattern=_LANGUAGE_RUST)] | None
    ) = None
    published: AwareDatetime | None = None
    modified: AwareDatetime | None = None
    keywords: tuple[_PydText, ...] = ()


_PydBlock = Annotated[
    _PydParagraph | _PydHeading | _PydFigure, Field(discriminator="type")
]


class PydanticArticle(BaseModel):
    """The pydantic v2 peer of `newsdoc.Article`."""

    model_config = _STRICT

    schema_: Literal["newsdoc/1"] = Field(default="newsdoc/1", alias="schema")
    headline: _PydLine
    standfirst: _PydStandfirst | None = None
    byline: _PydText | None = None
    dateline: _PydLine | None = None
    body: tuple[_PydBlock, ...] = ()
    meta: _PydMeta = Field(default_factory=_PydMeta)


def pydantic_roundtrip(article: PydanticArticle) -> PydanticArticle:
    """Write *article* as JSON and read it back, the way pydantic users do."""
    return PydanticArticle.model_validate_json(
        article.model_dump_json(by_alias=True)
    )


# -- msgspec -------------------------------------------------------------------

_MsgText = Annotated[str, msgspec.Meta(pattern=_NOT_BLANK)]
_MsgLine = Annotated[str, msgspec.Meta(pattern=_ONE_LINE_PY)]
_MsgAware = Annotated[datetime, msgspec.Meta(tz=True)]


class _MsgQuote(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    text: _MsgText
    start: Annotated[int, msgspec.Meta(ge=0)]
    end: int
    speaker: _MsgText | None = None
    verb: _MsgText | None = None
    outlet: _MsgText | None = None
    continues: bool = False

    def __post_init__(self) -> None:
        if self.end - self.start != len(self.text):
            msg = f"quote offsets {self.start}:{self.end} do not fit its text"
            raise ValueError(msg)


class _MsgStandfirst(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    text: _MsgText
    quotes: tuple[_MsgQuote, ...] = ()

    def __post_init__(self) -> None:
        _check_quotes(self.text, self.quotes)


class _MsgParagraph(
    _MsgStandfirst, frozen=True, tag_field="type", tag="paragraph"
):
    """A body paragraph: a standfirst with its "type" tag."""


class _MsgHeading(
    msgspec.Struct,
    forbid_unknown_fields=True,
    frozen=True,
    tag_field="type",
    tag="heading",
):
    text: _MsgLine
    level: Annotated[int, msgspec.Meta(ge=1, le=6)] = 2


class _MsgCredit(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    raw: _MsgText
    label: _MsgText | None = None
    creators: tuple[_MsgText, ...] = ()
    agencies: tuple[_MsgText, ...] = ()
    via: _MsgText | None = None
    handout: bool = False
    pool: bool = False
    file: bool = False


class _MsgFigure(
    msgspec.Struct,
    forbid_unknown_fields=True,
    frozen=True,
    tag_field="type",
    tag="figure",
):
    caption: _MsgText | None = None
    credit: _MsgCredit | None = None
    image: _MsgText | None = None
    alt: _MsgText | None = None

    def __post_init__(self) -> None:
        if self.caption is None and self.credit is None:
            msg = "a figure needs a caption or a credit"
            raise ValueError(msg)


class _MsgMeta(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    id: _MsgText | None = None
    url: _MsgText | None = None
    publisher: _MsgText | None = None
    language: Annotated[str, msgspec.Meta(pattern=_LANGUAGE_PY)] | None = None
    published: _MsgAware | None = None
    modified: _MsgAware | None = None
    keywords: tuple[_MsgText, ...] = ()


class MsgspecArticle(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The msgspec peer of `newsdoc.Article`."""

    headline: _MsgLine
    schema: Literal["newsdoc/1"] = "newsdoc/1"
    standfirst: _MsgStandfirst | None = None
    byline: _MsgText | None = None
    dateline: _MsgLine | None = None
    body: tuple[_MsgParagraph | _MsgHeading | _MsgFigure, ...] = ()
    meta: _MsgMeta = msgspec.field(default_factory=_MsgMeta)


_MSG_ENCODER: Final = msgspec.json.Encoder()
_MSG_DECODER: Final = msgspec.json.Decoder(MsgspecArticle)


def msgspec_roundtrip(article: MsgspecArticle) -> MsgspecArticle:
    """Write *article* as JSON and read it back with a typed decoder."""
    return _MSG_DECODER.decode(_MSG_ENCODER.encode(article))


# -- newsmlg2 -------------------------------------------------------------------


_CATALOG_REF: Final = "{http://iptc.org/std/nar/2006-10-01/}catalogRef"


def newsmlg2_read(data: bytes) -> NewsMLG2Document:
    """
    Parse a NewsML-G2 document with IPTC's library.

    `NewsMLG2Document` takes a *str* as a file name and *bytes* as the
    document itself, so the bytes are passed as they are.
    """
    return NewsMLG2Document(filename_or_string=data)


def newsmlg2_write(document: NewsMLG2Document) -> bytes:
    """
    Serialize a parsed NewsML-G2 document with IPTC's library.

    `NewsMLG2Document.to_xml_string` rebuilds an lxml tree from the
    library's objects and serializes it to a `str`; it is encoded to
    UTF-8 bytes so that the result is the same kind as
    ``newsdoc.to_newsml``'s.
    """
    text: str = document.to_xml_string()
    return text.encode()


def lxml_read(data: bytes) -> etree._Element:
    """The floor for reading: lxml's bare parse, no model at all."""
    return etree.fromstring(data)


def lxml_write(root: etree._Element) -> bytes:
    """The floor for writing: lxml's bare serialization of a parsed tree."""
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)


def without_catalog_refs(data: bytes) -> bytes:
    """*data* without its ``catalogRef`` elements, which newsmlg2 loads."""
    root = lxml_read(data)
    for ref in root.iter(_CATALOG_REF):
        parent = ref.getparent()
        if parent is not None:
            parent.remove(ref)
    return lxml_write(root)
