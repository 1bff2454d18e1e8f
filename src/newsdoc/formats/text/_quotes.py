"""Find quotations in paragraphs of news text and who said them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from newsdoc.model import Quote


__all__ = ["find_quotes"]

_OPEN_DOUBLE: Final = "“„"
_CLOSE_DOUBLE: Final = "”"
_STRAIGHT_DOUBLE: Final = '"'
_DOUBLE: Final = frozenset(_OPEN_DOUBLE + _CLOSE_DOUBLE + _STRAIGHT_DOUBLE)
# What may stand right before an opening mark besides a space.
_BEFORE_OPEN: Final = "([{—–-/"


class _Span(NamedTuple):
    """Where one quotation sits in its text, marks excluded."""

    start: int
    end: int
    closed: bool


def _can_open(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()


def _can_close(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    return not before.isspace()


def _double_roles(text: str, index: int) -> tuple[bool, bool] | None:
    """Whether the character at *index* may open and close a quotation."""
    char = text[index]
    if char in _OPEN_DOUBLE:
        return True, False
    if char in _CLOSE_DOUBLE:
        return False, True
    if char == _STRAIGHT_DOUBLE:
        return _can_open(text, index), _can_close(text, index)
    return None


def _double_spans(text: str) -> list[_Span]:
    """Pair the double quote marks of *text* into quotation spans."""
    spans: list[_Span] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        roles = _double_roles(text, index) if char in _DOUBLE else None
        if roles is None:
            continue
        opens, closes = roles
        if depth == 0:
            if opens:
                depth = 1
                start = index + 1
        elif closes:
            depth -= 1
            if depth == 0:
                spans.append(_Span(start, index, closed=True))
        elif opens:
            depth += 1
    if depth:
        end = len(text.rstrip())
        if end > start:
            spans.append(_Span(start, end, closed=False))
    return spans


def _opens_with_quote(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (
        stripped[0] in _OPEN_DOUBLE or stripped[0] == _STRAIGHT_DOUBLE
    )


def find_quotes(
    texts: Sequence[str], *, context: Sequence[str] = ()
) -> list[tuple[Quote, ...]]:
    """
    Find the quotations in the paragraphs of one article.

    Args:
        texts: The standfirst's text, if any, then the body paragraphs'
            texts, in reading order.
        context: Other text of the same article (headline, captions,
            headings) where speakers' full names may appear.

    Returns:
        One tuple of quotes per text, in the order of *texts*; each is valid
        as ``Paragraph(text=text, quotes=quotes)``.
    """
    del context  # speakers come in a later step
    found: list[tuple[Quote, ...]] = []
    for number, text in enumerate(texts):
        spans = _double_spans(text)
        quotes: list[Quote] = []
        for index, span in enumerate(spans):
            words = text[span.start : span.end]
            if not words.strip():
                continue
            continues = (
                not span.closed
                and index == len(spans) - 1
                and number + 1 < len(texts)
                and _opens_with_quote(texts[number + 1])
            )
            quotes.append(
                Quote(
                    text=words,
                    start=span.start,
                    end=span.end,
                    continues=continues,
                )
            )
        found.append(tuple(quotes))
    return found
