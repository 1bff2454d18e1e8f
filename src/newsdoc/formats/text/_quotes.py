"""Find quotations in paragraphs of news text and who said them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final, NamedTuple

from newsdoc.formats.text._names import NameIndex
from newsdoc.formats.text._speakers import (
    Attribution,
    Memory,
    attribution_after,
    attribution_before,
    has_cue,
    resolve,
    sentence_end,
    sentence_start,
    subject_of,
)
from newsdoc.model import Quote


__all__ = ["find_quotes"]

_OPEN_DOUBLE: Final = "“„"
_CLOSE_DOUBLE: Final = "”"
# What may stand right before an opening mark besides a space.
_BEFORE_OPEN: Final = "([{—–-/:"
# Punctuation that may follow a closing mark.
_AFTER_CLOSE: Final = ".,;:!?)]}—–-…"
# A quoted fragment this short, or used as a modifier ("the "baseline"
# forecast"), is a quotation only where the sentence presents it as
# someone's words; otherwise it is a term or a scare quote.
_SHORT_FRAGMENT: Final = 4
# Words right before a quoted name that make it the title of a work.
_TITLE_WORDS: Final = frozenset(
    {"called", "titled", "entitled", "named", "dubbed", "headlined"}
)
_MODIFIER_BEFORE: Final = frozenset({"the", "a", "an"})
_DOUBLE_MARK: Final = re.compile('["“”„]')
_SINGLE_MARK: Final = re.compile("[‘’']")
_WEAK: Final = 1
_STRONG: Final = 2


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


def _double_roles(text: str, index: int) -> tuple[bool, bool]:
    """Whether the double mark at *index* may open and close a quotation."""
    char = text[index]
    if char in _OPEN_DOUBLE:
        return True, False
    if char in _CLOSE_DOUBLE:
        return False, True
    return _can_open(text, index), _can_close(text, index)


def _double_spans(text: str) -> list[_Span]:
    """Pair the double quote marks of *text* into quotation spans."""
    spans: list[_Span] = []
    depth = 0
    start = 0
    low = False
    for match in _DOUBLE_MARK.finditer(text):
        index = match.start()
        opens, closes = _double_roles(text, index)
        if depth == 1 and low and match.group() == "“":
            # German style opens low and closes high: „…“.
            opens, closes = False, True
        if depth == 0:
            if opens:
                depth = 1
                start = index + 1
                low = match.group() == "„"
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


def _single_opens(text: str, index: int) -> bool:
    """Whether a single mark opens a quotation (not "’90s", "’n’", "don’t")."""
    char = text[index]
    after = text[index + 1] if index + 1 < len(text) else " "
    if char == "’" or not after.isalpha():
        return False
    if char == "‘":
        return True
    before = text[index - 1] if index else " "
    return before.isspace() or before in _BEFORE_OPEN


def _single_close(text: str, index: int) -> int:
    """
    0 if the single mark at *index* cannot close a quotation, else 1 or 2.

    A mark between letters is an apostrophe ("Russia’s"). One after an
    "s" and before a word may be a plural possessive ("the members’
    union"): a weak close (1), used only when no strong one (2) follows.
    """
    char = text[index]
    if char == "‘" or index == 0:
        return 0
    before = text[index - 1]
    after = text[index + 1] if index + 1 < len(text) else ""
    if before.isspace() or after.isalnum():
        return 0
    if after and not after.isspace() and after not in _AFTER_CLOSE:
        return 0
    if before in "sS" and after.isspace():
        following = text[index + 2 : index + 3]
        if following.isalpha():
            return _WEAK
    return _STRONG


def _free_marks(text: str, outside: list[_Span]) -> Iterator[int]:
    """Offsets of single quote marks that lie outside the spans *outside*."""
    blocked = iter(outside)
    block = next(blocked, None)
    for match in _SINGLE_MARK.finditer(text):
        index = match.start()
        while block is not None and index > block.end:
            block = next(blocked, None)
        if block is None or not block.start - 1 <= index <= block.end:
            yield index


def _single_spans(text: str, outside: list[_Span]) -> list[_Span]:
    """Pair single quote marks that lie outside the double-quoted *outside*."""
    spans: list[_Span] = []
    start = weak = -1
    for index in _free_marks(text, outside):
        if start < 0:
            if _single_opens(text, index):
                start, weak = index + 1, -1
            continue
        strength = _single_close(text, index)
        if strength == _STRONG:
            spans.append(_Span(start, index, closed=True))
            start = -1
        elif strength == _WEAK:
            weak = index if weak < 0 else weak
        elif weak >= 0 and _single_opens(text, index):
            spans.append(_Span(start, weak, closed=True))
            start, weak = index + 1, -1
    if start >= 0 and weak >= 0:
        spans.append(_Span(start, weak, closed=True))
    elif start >= 0 and len(text.rstrip()) > start:
        spans.append(_Span(start, len(text.rstrip()), closed=False))
    return [
        span for span in spans if _looks_quoted(text[span.start : span.end])
    ]


def _looks_quoted(words: str) -> bool:
    """Whether single-quoted *words* can be a quotation, not a contraction."""
    return sum(char.isalpha() for char in words) >= 2  # noqa: PLR2004


def _word_count(words: str) -> int:
    return len(words.split())


def _sentence_like(words: str) -> bool:
    stripped = words.strip()
    return (
        stripped[:1].isupper()
        and stripped[-1:] in ".!?,…"
        and _word_count(stripped) > 1
    )


def _is_label(words: str) -> bool:
    """Words printed on an object: "PRESS", "TV"."""
    stripped = words.strip()
    return (
        not any(char.islower() for char in stripped)
        and _word_count(stripped) <= 3  # noqa: PLR2004
        and stripped[-1:] not in ".!?,"
    )


def _previous_word(text: str, index: int) -> str:
    head = text[max(0, index - 40) : index].split()
    return head[-1].lower().strip(",") if head else ""


def _used_as_modifier(text: str, span: _Span) -> bool:
    """Whether the quote sits between a determiner and a noun."""
    before = _previous_word(text, span.start - 1)
    after = text[span.end + 1 : span.end + 3]
    possessive = before.endswith(("’s", "'s", "s’", "s'"))
    return (
        (before in _MODIFIER_BEFORE or possessive)
        and after[:1] == " "
        and after[1:2].islower()
    )


class _Found(NamedTuple):
    """A quotation found in a text, with what was written around it."""

    span: _Span
    own: Attribution
    at_start: bool


def _attribution(text: str, span: _Span) -> Attribution:
    after = (
        attribution_after(text, span.end)
        if span.closed
        else Attribution(None, None, None)
    )
    if after.speaker is not None or after.silent:
        # A verb without a speaker is a sign or a law that "reads".
        return after
    before = attribution_before(text, span.start - 1)
    if before.speaker is not None or before.silent:
        return before
    return Attribution(None, None, after.outlet or before.outlet)


def _keep(text: str, span: _Span, own: Attribution) -> bool:
    """Whether a quoted span is a quotation, not a title, label or term."""
    words = text[span.start : span.end]
    if not words.strip() or _is_label(words):
        return False
    if (
        _previous_word(text, span.start - 1) in _TITLE_WORDS
        and words.strip()[:1].isupper()
    ):
        return False
    fragment = not _sentence_like(words) and (
        _word_count(words) <= _SHORT_FRAGMENT
    )
    if not (fragment or _used_as_modifier(text, span)):
        return True
    if own.speaker is not None:
        return True
    start = sentence_start(text, span.start - 1)
    return has_cue(
        text[start : span.start - 1],
        speech_only=_used_as_modifier(text, span),
    )


def _single_style(texts: Sequence[str], doubles: list[list[_Span]]) -> bool:
    """Whether the article uses single marks for its quotations."""
    singles = 0
    for text, spans in zip(texts, doubles, strict=True):
        for span in _single_spans(text, spans):
            if _word_count(text[span.start : span.end]) > _SHORT_FRAGMENT:
                singles += 1
    return singles > sum(len(spans) for spans in doubles)


def _spans(texts: Sequence[str]) -> list[list[_Span]]:
    doubles = [_double_spans(text) for text in texts]
    single_style = _single_style(texts, doubles)
    result: list[list[_Span]] = []
    for text, spans in zip(texts, doubles, strict=True):
        if single_style or not spans:
            result.append(_outermost(spans + _single_spans(text, spans)))
        else:
            result.append(spans)
    return result


def _outermost(spans: list[_Span]) -> list[_Span]:
    """
    The spans that lie inside no other, in order.

    In a house style of single marks, double marks quote inside them
    (‘He said “no” to me’): the inner quote stays part of the outer one.
    """
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start - 1 >= kept[-1].end:
            kept.append(span)
    return kept


def _opens_with_quote(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in "“„\"‘'"


def find_quotes(
    texts: Sequence[str], *, context: Sequence[str] = ()
) -> list[tuple[Quote, ...]]:
    """
    Find the quotations in the paragraphs of one article.

    Quote marks are paired per text (straight, curly, mixed and, where the
    article quotes with them, single marks); spans that are titles,
    labels or terms are dropped; each quotation gets the attribution
    around it, or the one its context implies; then one reading of the
    article in order resolves pronouns, descriptions and short names.
    The work is linear in the length of *texts*.

    Args:
        texts: The standfirst's text, if any, then the body paragraphs'
            texts, in reading order.
        context: Other text of the same article (headline, captions,
            headings) where speakers' full names may appear.

    Returns:
        One tuple of quotes per text, in the order of *texts*; each is valid
        as ``Paragraph(text=text, quotes=quotes)``.
    """
    names = NameIndex([*texts, *context])
    found: list[list[_Found]] = []
    for text, spans in zip(texts, _spans(texts), strict=True):
        kept: list[_Found] = []
        lead = len(text) - len(text.lstrip())
        for span in spans:
            own = _attribution(text, span)
            if _keep(text, span, own):
                kept.append(_Found(span, own, at_start=span.start - 1 <= lead))
        found.append(kept)
    continues = _continuations(texts, found)
    return _resolve(texts, found, continues, names)


def _continuations(
    texts: Sequence[str], found: list[list[_Found]]
) -> list[bool]:
    """For each text, whether its last quotation runs on into the next."""
    flags: list[bool] = []
    for number, quotes in enumerate(found):
        following = found[number + 1] if number + 1 < len(found) else []
        flags.append(
            bool(quotes)
            and not quotes[-1].span.closed
            and bool(following)
            and following[0].at_start
            and _opens_with_quote(texts[number + 1])
        )
    return flags


def _group_attribution(
    found: list[list[_Found]], continues: list[bool], number: int
) -> Attribution | None:
    """The attribution of a quotation that runs over several paragraphs."""
    index = number
    while True:
        quote = found[index][-1] if index == number else found[index][0]
        if quote.own.speaker is not None:
            return quote.own
        if not continues[index] or index + 1 >= len(found):
            return None
        index += 1


class _State:
    """What the reading has learned so far: who was last talked about."""

    def __init__(self, names: NameIndex) -> None:
        self.names = names
        self.memory = Memory()

    @property
    def actor(self) -> str | None:
        return self.memory.actor

    def lookup(self, phrase: str | None) -> str | None:
        """The speaker *phrase* names, given what was read so far."""
        return resolve(phrase, names=self.names, memory=self.memory)

    def remember(self, phrase: str, actor: str) -> None:
        """Note *actor*, named by *phrase*, as whom the text is about."""
        if actor in {self.memory.person, self.memory.body}:
            # "the minister" again: whoever it refers to keeps their kind.
            person = actor == self.memory.person
        else:
            # Only bodies take "the": "the Morning Ledger" is no person.
            person = not phrase.lower().startswith("the ") and (
                self.names.is_person(actor)
            )
        self.memory.remember(actor, person=person, phrase=phrase)

    def resolve(self, phrase: str | None) -> str | None:
        if phrase is None:
            return None
        speaker = self.lookup(phrase)
        if speaker is not None:
            self.remember(phrase, speaker)
        return speaker

    def read(self, text: str, start: int, end: int) -> None:
        """Note who the sentences of ``text[start:end]`` are about."""
        position = start
        while position < end:
            while position < end and not text[position].isalnum():
                position += 1
            if position >= end:
                break
            stop = min(sentence_end(text, position), end)
            subject = subject_of(text[position:stop])
            if subject is not None and subject.split()[0].lower() not in {
                "a",
                "an",
            }:
                resolved = self.lookup(subject)
                if resolved is not None and resolved[:1].isupper():
                    self.remember(subject, resolved)
            position = max(stop, position + 1)


def _resolve(
    texts: Sequence[str],
    found: list[list[_Found]],
    continues: list[bool],
    names: NameIndex,
) -> list[tuple[Quote, ...]]:
    state = _State(names)
    result: list[tuple[Quote, ...]] = []
    carried: Attribution | None = None
    carried_speaker: str | None = None
    for number, (text, quotes) in enumerate(zip(texts, found, strict=True)):
        built: list[Quote] = []
        read_to = 0
        previous: tuple[str | None, Attribution] | None = None
        following = _next_speakers(quotes)
        for index, item in enumerate(quotes):
            span = item.span
            state.read(text, read_to, max(read_to, span.start - 1))
            read_to = span.end
            if index == 0 and carried is not None:
                speaker, own = carried_speaker, carried
            else:
                own = item.own
                if index == len(quotes) - 1 and continues[number]:
                    own = _group_attribution(found, continues, number) or own
                if own.speaker is not None or own.silent:
                    speaker = state.resolve(own.speaker)
                elif previous is not None:
                    speaker, own = previous
                elif item.at_start or _starts_sentence(text, span):
                    speaker = state.lookup(following[index]) or state.actor
                    own = Attribution(None, None, own.outlet)
                else:
                    opening = sentence_start(text, span.start - 1)
                    speaker = state.resolve(
                        subject_of(text[opening : span.start - 1])
                    )
            previous = (speaker, own)
            built.append(
                Quote(
                    text=text[span.start : span.end],
                    start=span.start,
                    end=span.end,
                    speaker=speaker,
                    verb=own.verb,
                    outlet=own.outlet,
                    continues=index == len(quotes) - 1 and continues[number],
                )
            )
        state.read(text, read_to, len(text))
        if continues[number] and previous is not None:
            carried_speaker, carried = previous
        else:
            carried_speaker, carried = None, None
        result.append(tuple(built))
    return result


def _starts_sentence(text: str, span: _Span) -> bool:
    return sentence_start(text, span.start - 1) >= span.start - 1


def _next_speakers(quotes: list[_Found]) -> list[str | None]:
    """For each quotation, the attribution phrase of the next attributed one."""
    following: list[str | None] = [None] * len(quotes)
    phrase: str | None = None
    for index in range(len(quotes) - 1, -1, -1):
        following[index] = phrase
        if quotes[index].own.speaker is not None:
            phrase = quotes[index].own.speaker
    return following
