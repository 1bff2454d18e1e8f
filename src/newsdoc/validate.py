"""
Editorial and structural checks of an article, reported like a linter's.

`validate` runs every rule of `RULES` over an article and returns the
`Problem` records found; `check` raises `newsdoc.ValidationError` instead
when a problem reaches a severity.
Each rule has a stable code (``ND101``) that callers may rely on to filter
problems; ``docs/validation.md`` explains each one and how to fix it.

Rules are data: a `Rule` names its code, a short name, a severity, a summary
and the function that finds it, so documentation and tests iterate over the
same table that `validate` runs.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Final, Literal, TypeAlias

from attrs import field, frozen

from newsdoc._chars import XML_UNSAFE
from newsdoc.errors import ValidationError
from newsdoc.model import (
    Article,
    ArticleMeta,
    Block,
    Credit,
    Figure,
    Heading,
    Paragraph,
    Quote,
)


__all__ = [
    "HEADING_MAX_WORDS",
    "HEADLINE_MAX",
    "RULES",
    "SCARE_QUOTE_WORDS",
    "Problem",
    "Rule",
    "Severity",
    "SeverityName",
    "check",
    "validate",
]


class Severity(enum.StrEnum):
    """
    How much a problem matters, from most to least.

    A `Severity` is a `str`, so ``Severity.ERROR == "error"``.
    """

    #: The article is broken: a writer would lose or refuse part of it.
    ERROR = "error"
    #: Most likely a mistake that an editor or a reader would notice.
    WARNING = "warning"
    #: Worth knowing, often harmless: nothing is lost.
    INFO = "info"

    @property
    def rank(self) -> int:
        """A number that orders severities: ``ERROR`` has the highest."""
        return _RANK[self]


_RANK: Final = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

#: A severity as an enum member or its name.
SeverityName: TypeAlias = Severity | Literal["error", "warning", "info"]


def _severity(value: SeverityName) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        known = ", ".join(repr(str(s)) for s in Severity)
        msg = f"unknown severity {value!r}; known severities: {known}"
        raise ValueError(msg) from None


@frozen
class Problem:
    """
    One thing wrong with an article, found by one rule.

    Attributes:
        code: The rule's stable code, such as ``ND101``.
        severity: How much it matters.
        path: Where in the article it is, such as ``headline`` or
            ``body[3].quotes[0]``.
        message: What is wrong, in one sentence.
    """

    code: str
    severity: Severity = field(converter=_severity)
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.severity}: {self.message}"


#: What a rule's function yields: the path and the message of one problem.
Finding: TypeAlias = tuple[str, str]


@frozen(kw_only=True)
class Rule:
    """
    One check that `validate` runs.

    Attributes:
        code: A stable code, ``ND`` and three digits; the first digit is
            the part of the article: 1 front matter, 2 body structure,
            3 figures and credits, 4 quotes, 5 characters, 6 metadata.
        name: A short, hyphenated name (``headline-too-long``).
        severity: The severity of every problem the rule reports.
        summary: What the rule checks, in one line.
        check: A function that yields ``(path, message)`` for each problem
            it finds in an article, in reading order.
    """

    code: str
    name: str
    severity: Severity = field(converter=_severity)
    summary: str
    check: Callable[[Article], Iterable[Finding]] = field(eq=False)

    def __call__(self, article: Article) -> Iterator[Problem]:
        """Yield the problems this rule finds in *article*."""
        for path, message in self.check(article):
            yield Problem(self.code, self.severity, path, message)


# -- helpers ------------------------------------------------------------------

#: Above this many characters a headline is cut off in search results and
#: news aggregators (Google's structured-data guidance caps it at 110).
HEADLINE_MAX: Final = 110

#: More words than this and a "heading" is most likely a paragraph.
HEADING_MAX_WORDS: Final = 15

_SPACE: Final = re.compile(r"\s+")
_DOUBLE_MARKS: Final = str.maketrans(dict.fromkeys("“”„‟″〝〞＂", '"'))
_SINGLE_MARKS: Final = str.maketrans(dict.fromkeys("‘’‚‛′", "'"))

# Words that take a full stop without ending a sentence ("Dr. Smith").
_ABBREVIATIONS: Final = frozenset(
    [
        "capt",
        "col",
        "corp",
        "dr",
        "gen",
        "gov",
        "inc",
        "jr",
        "lt",
        "ltd",
        "mr",
        "mrs",
        "ms",
        "no",
        "prof",
        "rep",
        "sen",
        "sr",
        "st",
        "vs",
    ]
)
# Initialisms with a dot after each letter: "U.S.", "a.m.".
_INITIALISM: Final = re.compile(r"(?:\b\w\.){2,}$")
# A word and the mark after it, where another sentence seems to begin.
_SENTENCE_BREAK: Final = re.compile(r"(\w+)[.!?][\"'”’»]?\s+[\"'“‘«]?[A-Z]")


def _abbreviation(text: str) -> bool:
    """Whether the full stop ending *text* belongs to an abbreviation."""
    if _INITIALISM.search(text):
        return True
    words = text[:-1].split()
    return bool(words) and words[-1].casefold() in _ABBREVIATIONS


def _normal(text: str) -> str:
    """Fold *text* for comparison: case, spacing and quote-mark styles."""
    text = text.translate(_DOUBLE_MARKS).translate(_SINGLE_MARKS)
    return _SPACE.sub(" ", text).strip().casefold()


def _ends_sentence(text: str) -> bool:
    """Whether *text* ends in a full stop that closes a sentence."""
    text = text.rstrip()
    if not text.endswith(".") or text.endswith(".."):
        return False
    return not _abbreviation(text)


def _has_sentence_break(text: str) -> bool:
    """Whether one sentence ends and another begins inside *text*."""
    return any(
        len(match[1]) > 1 and match[1].casefold() not in _ABBREVIATIONS
        for match in _SENTENCE_BREAK.finditer(text)
    )


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _brief(text: str, width: int = 40) -> str:
    """Quote *text* for a message, shortened to about *width* characters."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return repr(text)


def _paragraphs(article: Article) -> Iterator[tuple[str, Paragraph]]:
    """Yield the standfirst and the body's paragraphs with their paths."""
    if article.standfirst is not None:
        yield "standfirst", article.standfirst
    for index, block in enumerate(article.body):
        if type(block) is Paragraph:
            yield f"body[{index}]", block


def _first_paragraph(article: Article) -> tuple[str, Paragraph] | None:
    for index, block in enumerate(article.body):
        if type(block) is Paragraph:
            return f"body[{index}]", block
    return None


def _quote_texts(path: str, quote: Quote) -> Iterator[tuple[str, str]]:
    # quote.text is a slice of its paragraph's text: checked there.
    for name in ("speaker", "verb", "outlet"):
        value: str | None = getattr(quote, name)
        if value is not None:
            yield f"{path}.{name}", value


def _paragraph_texts(
    path: str, paragraph: Paragraph
) -> Iterator[tuple[str, str]]:
    yield f"{path}.text", paragraph.text
    for index, quote in enumerate(paragraph.quotes):
        yield from _quote_texts(f"{path}.quotes[{index}]", quote)


def _credit_texts(path: str, credit: Credit) -> Iterator[tuple[str, str]]:
    yield f"{path}.raw", credit.raw
    if credit.label is not None:
        yield f"{path}.label", credit.label
    for name in ("creators", "agencies"):
        values: tuple[str, ...] = getattr(credit, name)
        for index, value in enumerate(values):
            yield f"{path}.{name}[{index}]", value
    if credit.via is not None:
        yield f"{path}.via", credit.via


def _block_texts(path: str, block: Block) -> Iterator[tuple[str, str]]:
    if type(block) is Paragraph:
        yield from _paragraph_texts(path, block)
    elif type(block) is Heading:
        yield f"{path}.text", block.text
    elif type(block) is Figure:
        for name in ("caption", "image", "alt"):
            value: str | None = getattr(block, name)
            if value is not None:
                yield f"{path}.{name}", value
        if block.credit is not None:
            yield from _credit_texts(f"{path}.credit", block.credit)


def _meta_texts(meta: ArticleMeta) -> Iterator[tuple[str, str]]:
    for name in ("id", "url", "publisher", "language"):
        value: str | None = getattr(meta, name)
        if value is not None:
            yield f"meta.{name}", value
    for index, keyword in enumerate(meta.keywords):
        yield f"meta.keywords[{index}]", keyword


def _texts(article: Article) -> Iterator[tuple[str, str]]:
    """Yield every string of *article* with its path, in reading order."""
    yield "headline", article.headline
    if article.byline is not None:
        yield "byline", article.byline
    if article.dateline is not None:
        yield "dateline", article.dateline
    if article.standfirst is not None:
        yield from _paragraph_texts("standfirst", article.standfirst)
    for index, block in enumerate(article.body):
        yield from _block_texts(f"body[{index}]", block)
    yield from _meta_texts(article.meta)


# -- ND1xx: headline, standfirst, byline, dateline ---------------------------


def _headline_too_long(article: Article) -> Iterator[Finding]:
    length = len(article.headline)
    if length > HEADLINE_MAX:
        yield (
            "headline",
            (
                f"the headline has {length} characters; "
                f"more than {HEADLINE_MAX} are cut off"
            ),
        )


def _headline_full_stop(article: Article) -> Iterator[Finding]:
    if _ends_sentence(article.headline):
        yield "headline", "the headline ends in a full stop"


def _headline_repeated(article: Article) -> Iterator[Finding]:
    headline = _normal(article.headline).rstrip(".")
    standfirst = article.standfirst
    if standfirst and _normal(standfirst.text).rstrip(".") == headline:
        yield "standfirst", "the standfirst repeats the headline"
    first = article.body[0] if article.body else None
    if (
        first is not None
        and _normal(_block_text(first)).rstrip(".") == headline
    ):
        yield "body[0]", "the first block repeats the headline"


def _standfirst_repeated(article: Article) -> Iterator[Finding]:
    first = _first_paragraph(article)
    if article.standfirst is None or first is None:
        return
    path, paragraph = first
    text = paragraph.text.lstrip()
    # The dateline opens the first paragraph; the standfirst would not.
    if article.dateline is not None and text.startswith(article.dateline):
        text = text.removeprefix(article.dateline).lstrip(" -–—:,")
    standfirst, opening = _normal(article.standfirst.text), _normal(text)
    # A first paragraph that is nothing but its dateline repeats nothing.
    if opening and (
        opening.startswith(standfirst) or standfirst.startswith(opening)
    ):
        yield (
            "standfirst",
            f"the standfirst repeats the first paragraph, {path}",
        )


_BY: Final = re.compile(r"^\W*by\b", re.IGNORECASE)


def _byline_blank(article: Article) -> Iterator[Finding]:
    byline = article.byline
    if byline is not None and not _has_word(_BY.sub("", byline)):
        yield "byline", f"the byline {byline!r} names nobody"


def _dateline_not_opening(article: Article) -> Iterator[Finding]:
    first = _first_paragraph(article)
    if article.dateline is None or first is None:
        return
    path, paragraph = first
    if not paragraph.text.lstrip().startswith(article.dateline):
        yield (
            "dateline",
            (
                f"the dateline {article.dateline!r} does not open the first "
                f"paragraph, {path}"
            ),
        )


# -- ND2xx: body structure ----------------------------------------------------


def _no_paragraphs(article: Article) -> Iterator[Finding]:
    if not article.paragraphs:
        count = len(article.body)
        what = "is empty" if not count else "has no paragraph"
        yield "body", f"the body {what}"


def _block_text(block: Block) -> str:
    if type(block) is Figure:
        return block.caption or ""
    return block.text  # type: ignore[union-attr]  # Paragraph or Heading


def _empty_block(article: Article) -> Iterator[Finding]:
    for index, block in enumerate(article.body):
        text = _block_text(block)
        if text and not _has_word(text):
            kind = type(block).__name__.lower()
            yield (
                f"body[{index}]",
                f"the {kind} {_brief(text)} has no words",
            )


def _block_key(block: Block) -> tuple[object, ...]:
    if type(block) is Figure:
        credit = block.credit.raw if block.credit is not None else None
        return (
            Figure,
            _normal(block.caption or ""),
            _normal(credit or ""),
            block.image,
        )
    return (type(block), _normal(block.text))  # type: ignore[union-attr]


def _duplicate_block(article: Article) -> Iterator[Finding]:
    seen: dict[tuple[object, ...], int] = {}
    for index, block in enumerate(article.body):
        key = _block_key(block)
        if key in seen:
            kind = type(block).__name__.lower()
            yield f"body[{index}]", f"the {kind} repeats body[{seen[key]}]"
        else:
            seen[key] = index


def _heading_sentence(article: Article) -> Iterator[Finding]:
    for index, block in enumerate(article.body):
        if type(block) is not Heading:
            continue
        words = len(block.text.split())
        if _ends_sentence(block.text):
            reason = "ends in a full stop"
        elif _has_sentence_break(block.text):
            reason = "holds more than one sentence"
        elif words > HEADING_MAX_WORDS:
            reason = f"has {words} words"
        else:
            continue
        yield (
            f"body[{index}]",
            (
                f"the heading {_brief(block.text)} {reason}: "
                "it reads like a paragraph"
            ),
        )


def _empty_section(article: Article) -> Iterator[Finding]:
    body = article.body
    for index, block in enumerate(body):
        if type(block) is not Heading:
            continue
        following = body[index + 1] if index + 1 < len(body) else None
        if following is None:
            yield f"body[{index}]", "the heading is the last block of the body"
        elif type(following) is Heading and following.level <= block.level:
            yield (
                f"body[{index}]",
                f"the heading is followed by another heading, body[{index + 1}]",
            )


# -- ND3xx: figures and credits -----------------------------------------------


def _figures(article: Article) -> Iterator[tuple[str, Figure]]:
    for index, block in enumerate(article.body):
        if type(block) is Figure:
            yield f"body[{index}]", block


def _figure_without_credit(article: Article) -> Iterator[Finding]:
    for path, figure in _figures(article):
        if figure.credit is None:
            yield path, "the figure has no credit"


def _credit_unparsed(article: Article) -> Iterator[Finding]:
    for path, figure in _figures(article):
        credit = figure.credit
        if credit is None:
            continue
        if not (
            credit.creators
            or credit.agencies
            or credit.via
            or credit.handout
            or credit.pool
            or credit.file
        ):
            yield (
                f"{path}.credit",
                (
                    f"no creator, agency or distributor was recognised in the "
                    f"credit {_brief(credit.raw)}"
                ),
            )


def _figure_without_caption(article: Article) -> Iterator[Finding]:
    for path, figure in _figures(article):
        if figure.caption is None:
            yield path, "the figure has no caption"


def _image_without_alt(article: Article) -> Iterator[Finding]:
    for path, figure in _figures(article):
        if figure.image is not None and figure.alt is None:
            yield path, "the figure's image has no alternative text"


# -- ND4xx: quotes ------------------------------------------------------------


def _quotations(article: Article) -> Iterator[list[tuple[str, Quote]]]:
    """
    Yield each quotation as the quotes it is made of, with their paths.

    A quote that continues into the next paragraph makes one quotation with
    the first quote of that paragraph, and so on down the chain.
    """
    chain: list[tuple[str, Quote]] = []
    carried = False
    for path, paragraph in _paragraphs(article):
        for index, quote in enumerate(paragraph.quotes):
            if chain and not (index == 0 and carried):
                yield chain
                chain = []
            chain.append((f"{path}.quotes[{index}]", quote))
        # The standfirst stands alone: nothing runs on out of it.
        carried = (
            path != "standfirst"
            and bool(paragraph.quotes)
            and paragraph.quotes[-1].continues
        )
        if chain and not carried:
            yield chain
            chain = []
    if chain:
        yield chain


#: Quotes of at most this many words are taken for scare quotes
#: (police called it "terrorism") and need no speaker.
SCARE_QUOTE_WORDS: Final = 2


def _quote_without_speaker(article: Article) -> Iterator[Finding]:
    for chain in _quotations(article):
        if any(quote.speaker is not None for _, quote in chain):
            continue
        words = sum(len(quote.text.split()) for _, quote in chain)
        if words > SCARE_QUOTE_WORDS:
            path, quote = chain[0]
            yield path, f"nobody is named as saying {_brief(quote.text)}"


# Double marks pair up in any combination (an opening curly mark closed by a
# straight one occurs in scraped text), and guillemets point either way
# (French « », German » «), so only the number of marks tells.
_QUOTE_MARKS: Final = frozenset('"“”„‟«»')


def _unbalanced_quote_marks(article: Article) -> Iterator[Finding]:
    for path, paragraph in _paragraphs(article):
        # A quotation that runs on into the next paragraph has no closing
        # mark here, by news style.
        runs_on = bool(paragraph.quotes) and paragraph.quotes[-1].continues
        marks = sum(char in _QUOTE_MARKS for char in paragraph.text)
        if marks % 2 != runs_on:
            yield (
                f"{path}.text",
                f"{marks} double quote marks: one has no partner",
            )


# -- ND5xx: characters --------------------------------------------------------


def _xml_unsafe(article: Article) -> Iterator[Finding]:
    for path, text in _texts(article):
        found = XML_UNSAFE.findall(text)
        if found:
            first = text.index(found[0])
            yield (
                path,
                (
                    f"{len(found)} character(s) that XML cannot carry, the first "
                    f"U+{ord(found[0]):04X} at offset {first}"
                ),
            )


# UTF-8 read as Windows-1252 or Latin-1: "â€™" for "’", "Ã©" for "é".
_MOJIBAKE: Final = re.compile("â€|Ã[\u00a0-\u00bf]|Â[\u00a0-\u00bf]")


def _encoding_damage(article: Article) -> Iterator[Finding]:
    for path, text in _texts(article):
        if "\ufffd" in text:
            yield path, "the text holds U+FFFD, where a character was lost"
        else:
            match = _MOJIBAKE.search(text)
            if match is not None:
                yield (
                    path,
                    (
                        f"{match.group()!r} at offset {match.start()} looks like "
                        "UTF-8 decoded as Windows-1252"
                    ),
                )


# Zero-width joiners (U+200C, U+200D) are left alone: Persian, Indic
# scripts and emoji need them.
_INVISIBLE: Final = frozenset("\u00ad\u180e\u200b\u2060\ufeff")


def _invisible_characters(article: Article) -> Iterator[Finding]:
    for path, text in _texts(article):
        found = [char for char in text if char in _INVISIBLE]
        if found:
            name = unicodedata.name(found[0], "").lower()
            yield (
                path,
                (
                    f"{len(found)} invisible character(s), the first "
                    f"U+{ord(found[0]):04X} {name}"
                ),
            )


def _surrounding_whitespace(article: Article) -> Iterator[Finding]:
    for path, text in _texts(article):
        if text != text.strip():
            ends = []
            if text != text.lstrip():
                ends.append("starts")
            if text != text.rstrip():
                ends.append("ends")
            yield path, f"the text {' and '.join(ends)} with whitespace"


# -- ND6xx: metadata ----------------------------------------------------------


def _language_missing(article: Article) -> Iterator[Finding]:
    if article.meta.language is None:
        yield "meta.language", "the article's language is not known"


def _modified_before_published(article: Article) -> Iterator[Finding]:
    published, modified = article.meta.published, article.meta.modified
    if published is not None and modified is not None and modified < published:
        yield (
            "meta.modified",
            (
                f"modified {modified.isoformat()} is before published "
                f"{published.isoformat()}"
            ),
        )


# -- the table ----------------------------------------------------------------

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Every rule `validate` runs, in code order.
RULES: Final[tuple[Rule, ...]] = (
    Rule(
        code="ND101",
        name="headline-too-long",
        severity=_W,
        summary=f"The headline is longer than {HEADLINE_MAX} characters.",
        check=_headline_too_long,
    ),
    Rule(
        code="ND102",
        name="headline-full-stop",
        severity=_W,
        summary="The headline ends in a full stop.",
        check=_headline_full_stop,
    ),
    Rule(
        code="ND103",
        name="headline-repeated",
        severity=_W,
        summary="The standfirst or the first block repeats the headline.",
        check=_headline_repeated,
    ),
    Rule(
        code="ND104",
        name="standfirst-repeats-paragraph",
        severity=_W,
        summary="The standfirst repeats the opening of the first paragraph.",
        check=_standfirst_repeated,
    ),
    Rule(
        code="ND105",
        name="byline-blank",
        severity=_W,
        summary='The byline names nobody: "By" alone, a dash.',
        check=_byline_blank,
    ),
    Rule(
        code="ND106",
        name="dateline-not-opening",
        severity=_E,
        summary="The dateline does not open the first paragraph.",
        check=_dateline_not_opening,
    ),
    Rule(
        code="ND201",
        name="no-paragraphs",
        severity=_E,
        summary="The body has no paragraph.",
        check=_no_paragraphs,
    ),
    Rule(
        code="ND202",
        name="empty-block",
        severity=_W,
        summary="A paragraph, heading or caption has no words.",
        check=_empty_block,
    ),
    Rule(
        code="ND203",
        name="duplicate-block",
        severity=_W,
        summary="A block repeats an earlier block of the body.",
        check=_duplicate_block,
    ),
    Rule(
        code="ND204",
        name="heading-sentence",
        severity=_W,
        summary="A heading reads like a sentence.",
        check=_heading_sentence,
    ),
    Rule(
        code="ND205",
        name="empty-section",
        severity=_W,
        summary="A heading has nothing under it.",
        check=_empty_section,
    ),
    Rule(
        code="ND301",
        name="figure-without-credit",
        severity=_W,
        summary="A figure has no credit.",
        check=_figure_without_credit,
    ),
    Rule(
        code="ND302",
        name="credit-unparsed",
        severity=_I,
        summary="No part of a credit was recognised: it is raw text only.",
        check=_credit_unparsed,
    ),
    Rule(
        code="ND303",
        name="figure-without-caption",
        severity=_I,
        summary="A figure has no caption.",
        check=_figure_without_caption,
    ),
    Rule(
        code="ND304",
        name="image-without-alt",
        severity=_W,
        summary="A figure's image has no alternative text.",
        check=_image_without_alt,
    ),
    Rule(
        code="ND401",
        name="quote-without-speaker",
        severity=_W,
        summary="Nobody is named as the speaker of a quotation of three or more words.",
        check=_quote_without_speaker,
    ),
    Rule(
        code="ND402",
        name="unbalanced-quote-marks",
        severity=_W,
        summary="A paragraph has a quote mark without a partner.",
        check=_unbalanced_quote_marks,
    ),
    Rule(
        code="ND501",
        name="xml-unsafe-character",
        severity=_E,
        summary="Text holds characters that XML, so NewsML-G2, cannot carry.",
        check=_xml_unsafe,
    ),
    Rule(
        code="ND502",
        name="encoding-damage",
        severity=_W,
        summary="Text shows signs of a wrong character decoding.",
        check=_encoding_damage,
    ),
    Rule(
        code="ND503",
        name="invisible-character",
        severity=_I,
        summary="Text holds invisible characters (zero-width space, soft hyphen).",
        check=_invisible_characters,
    ),
    Rule(
        code="ND504",
        name="surrounding-whitespace",
        severity=_I,
        summary="Text starts or ends with whitespace.",
        check=_surrounding_whitespace,
    ),
    Rule(
        code="ND601",
        name="language-missing",
        severity=_I,
        summary="The article's language is not known.",
        check=_language_missing,
    ),
    Rule(
        code="ND602",
        name="modified-before-published",
        severity=_W,
        summary="The article was modified before it was published.",
        check=_modified_before_published,
    ),
)

#: The rules by code.
_BY_CODE: Final = {rule.code: rule for rule in RULES}

# Where each top-level field sits in reading order, for sorting paths.
_FIELD_ORDER: Final = {
    name: rank
    for rank, name in enumerate(
        ("headline", "byline", "dateline", "standfirst", "body", "meta")
    )
}
_PATH_PART: Final = re.compile(r"\[(\d+)\]|\.?([A-Za-z_]+)")


def _path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key that puts *path* in reading order (``body[2]`` < ``body[10]``)."""
    key: list[tuple[int, int, str]] = []
    for index, name in _PATH_PART.findall(path):
        if index:
            key.append((0, int(index), ""))
        elif not key:
            key.append((1, _FIELD_ORDER.get(name, len(_FIELD_ORDER)), name))
        else:
            key.append((1, 0, name))
    return tuple(key)


def validate(article: Article) -> tuple[Problem, ...]:
    """
    Find what is wrong with *article*, by every rule of `RULES`.

    Args:
        article: The article to check.

    Returns:
        The problems found, in reading order of their paths (headline,
        byline, dateline, standfirst, body, metadata), then by code; the
        same article always gives the same problems in the same order.
        An empty tuple means the article passes every rule.

    Raises:
        TypeError: If *article* is not an `Article`.
    """
    if not isinstance(article, Article):  # for untyped callers
        msg = f"validate() needs an Article, not {type(article).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    problems = [problem for rule in RULES for problem in rule(article)]
    problems.sort(key=lambda p: (_path_key(p.path), p.code))
    return tuple(problems)


def check(article: Article, *, fail_on: SeverityName = "error") -> None:
    """
    Raise if *article* has a problem at or above a severity.

    Args:
        article: The article to check.
        fail_on: The least severity that fails: ``"error"`` (the default),
            ``"warning"`` (errors and warnings) or ``"info"`` (any problem).

    Raises:
        ValidationError: If `validate` finds problems at or above *fail_on*;
            it carries all of them, in `validate`'s order.
        ValueError: If *fail_on* is not a severity.
    """
    threshold = _severity(fail_on).rank
    problems = [p for p in validate(article) if p.severity.rank >= threshold]
    if problems:
        # mypy's attrs plugin types the converter=tuple parameter as an
        # unsolved Iterable[_T_co], which nothing matches.
        raise ValidationError(problems)
