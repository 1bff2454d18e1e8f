"""
Photo credits in scraped captions: find them and split them into parts.

A credit is recognised by its shape, never by a publisher's name:

* a label (``photo credit:``, ``Photograph:``, ``Picture by``,
  ``Copyright``, ``©``) followed by names;
* names in brackets at the end of a caption (``(Adel Hana/Associated
  Press)``), or after a sentence;
* names alone on the line under a caption (``Getty Images``,
  ``Jon Super/AP``).

"Names" means words that each carry a capital letter, a ``/`` or an ``@``,
joined by a few small words (``via``, ``of``, ``van``): a sentence is not a
credit.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from newsdoc.model import Credit


__all__ = [
    "Split",
    "credit_line",
    "is_credit",
    "looks_like_names",
    "parse_credit",
    "split_credit",
]

# A credit is a handful of names; anything longer is prose.
_MAX_CREDIT_WORDS: Final = 30
# Credits sit at the end of a caption: look no further back than this, which
# keeps the search linear in the length of a very long paragraph.
_TAIL: Final = 400

_LABEL: Final = re.compile(
    r"""
    (?P<label>
        (?:photo|image|picture)\s+credits?   # photo credit
      | credits?                             # credit
      | photo(?:graph)?s?                    # Photo, Photograph
      | pictures?
      | images?
      | source
      | copyright
      | ©
    )
    \s*(?::|\.\.\.|…)\s*                     # "Credit:", "Credit...Ann Lee"
    | (?P<by>(?:photo(?:graph)?|picture|image)s?\s+by)\s+
    | (?P<mark>copyright|©)\s*(?=\S)
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Small words that may join names inside a credit.
_JOINERS: Final = frozenset(
    {
        "a",
        "al",
        "and",
        "at",
        "bin",
        "binti",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "do",
        "dos",
        "du",
        "e",
        "el",
        "for",
        "in",
        "la",
        "le",
        "of",
        "on",
        "ten",
        "ter",
        "the",
        "van",
        "via",
        "von",
        "y",
    }
)

# Nouns that make a credited name an organisation, not a photographer.
_ORGANISATION_WORDS: Final = frozenset(
    {
        "academy",
        "agency",
        "archive",
        "archives",
        "army",
        "association",
        "authority",
        "board",
        "bureau",
        "center",
        "centre",
        "club",
        "collection",
        "college",
        "commission",
        "committee",
        "company",
        "corporation",
        "council",
        "chronicle",
        "court",
        "courier",
        "daily",
        "department",
        "embassy",
        "europe",
        "force",
        "forces",
        "foundation",
        "gazette",
        "government",
        "group",
        "herald",
        "hospital",
        "images",
        "inc",
        "institute",
        "international",
        "journal",
        "magazine",
        "library",
        "ltd",
        "media",
        "ministry",
        "museum",
        "network",
        "news",
        "observer",
        "office",
        "party",
        "photo",
        "photos",
        "pictures",
        "police",
        "pool",
        "post",
        "press",
        "radio",
        "school",
        "service",
        "services",
        "stock",
        "studio",
        "studios",
        "television",
        "times",
        "tribune",
        "tv",
        "university",
        "wire",
    }
)

_VIA: Final = re.compile(r"\s*/?\s*\bvia\s+", re.IGNORECASE)
# Every labelled, bracketed or wire credit has one of these in its tail.
_HINT: Final = re.compile(
    r"[:/©)\]]|\b(?:by|copyright|credit)\b", re.IGNORECASE
)
_FOR: Final = re.compile(r"\s+for\s+")
# Every label has one of these.
_LABEL_HINT: Final = re.compile(
    r"[:©…]|\.\.\.|\b(?:by|copyright)\b", re.IGNORECASE
)
# Credits come in round or square brackets: (Ann Lee/AP), [Ann Lee/AP].
_BRACKETS: Final = {")": "(", "]": "["}
_OPENING: Final = "(["
_SEGMENT_SPLIT: Final = re.compile(r"\s*/\s*")
# Where a credit may follow its caption: after a sentence, or after a dash.
_BOUNDARY: Final = re.compile(r"(?<=[.!?\"”’)])\s+|(?<=\s)[-–—]\s+")
# A sentence ends after a word of two letters or more: "Edgar H. Clemente"
# and "U.S. District Court" go on.
_SENTENCE_SPLIT: Final = re.compile(r"(?<=\w\w[.!?])\s+")
_COURTESY: Final = re.compile(
    r"courtesy\s+(?:of\s+)?(?:the\s+)?", re.IGNORECASE
)
_FILE_SUFFIX: Final = re.compile(r",\s*file\s*$", re.IGNORECASE)
_HANDOUT: Final = re.compile(r"^(?:handout|handout\s+photo)$", re.IGNORECASE)
_POOL: Final = re.compile(r"^(?:pool|pool\s+photo)$", re.IGNORECASE)
_FILE: Final = re.compile(r"^(?:file|file\s+photo)$", re.IGNORECASE)
# "AP Photo", "UN Photo": the agency is the capitalised name before "Photo".
_AGENCY_PHOTO: Final = re.compile(r"^(?P<agency>[A-Z][A-Z.&-]*)\s+Photos?$")
# A usage notice after the distributor is an ALL-CAPS run of this many words.
_NOTICE_WORDS: Final = 5
# Two to four words name a person ("Frank van Beek", "SERGEY GUNEEV").
_PERSON_WORDS: Final = range(2, 5)

_DASHES: Final = "-–—"
_SENTENCE_END: Final = ".!?\"'”’)"


class Split(NamedTuple):
    """A caption line cut into its caption and its credit, either may be absent."""

    caption: str | None
    credit: str | None


def _is_name_word(word: str) -> bool:
    """Whether *word* may stand in a list of names."""
    if word.lower() in _JOINERS or word in {"&", "·", "|", "-", "–", "—"}:
        return True
    if "/" in word or "@" in word:
        return True
    if any(char.isupper() for char in word):
        return True
    # Digits and punctuation alone ("2024", "(1)") carry no prose.
    return not any(char.isalpha() for char in word)


def looks_like_names(text: str) -> bool:
    """
    Whether *text* reads as a credit's names rather than as prose.

    Args:
        text: The candidate credit, label removed.

    Returns:
        True when every word carries a capital letter, a ``/`` or an ``@``,
        or is one of a few joining words, and there are not too many words.
    """
    words = text.split()
    if not words or len(words) > _MAX_CREDIT_WORDS:
        return False
    if not any(char.isalnum() for char in text):
        return False
    first = words[0]
    if first.lower() in _JOINERS - {"a", "the", "e", "y"}:
        return False  # "via Reuters" alone, "and ..." continue a sentence
    return all(_is_name_word(word) for word in words)


def _labelled(text: str) -> bool:
    """Whether *text* opens with a credit label and names follow it."""
    match = _LABEL.match(text)
    if match is None:
        return False
    rest = text[match.end() :]
    return looks_like_names(rest)


def is_credit(text: str, *, bare: bool) -> bool:
    """
    Whether *text*, as a whole, is a credit.

    Args:
        text: The candidate, without brackets.
        bare: Accept names without a label (``Getty Images``), as on the
            line under a caption.
    """
    text = text.strip()
    if _labelled(text):
        return True
    if not bare:
        return False
    # A bare line that ends like a sentence is prose, unless it is all caps
    # (a wire service's usage notice) or ends with an initial or "Ala.".
    if text.endswith((".", "!", "?")) and not _capitals_end(text):
        return False
    return looks_like_names(text)


def _capitals_end(text: str) -> bool:
    last = text.rsplit(maxsplit=1)[-1]
    letters = [char for char in last if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _bracketed(line: str) -> tuple[int, str] | None:
    """The bracketed text that ends *line*, and where its bracket opens."""
    closing = line[-1:]
    opening = _BRACKETS.get(closing)
    if opening is None:
        return None
    depth = 0
    low = max(0, len(line) - _TAIL)
    for index in range(len(line) - 1, low - 1, -1):
        char = line[index]
        if char == closing:
            depth += 1
        elif char == opening:
            depth -= 1
            if depth == 0:
                return index, line[index + 1 : -1]
    return None


def _after_sentence(text: str) -> bool:
    """Whether *text* is empty or ends where a sentence may end."""
    text = text.rstrip()
    return not text or text[-1] in _SENTENCE_END


def _trailing_bracket(line: str) -> Split | None:
    found = _bracketed(line)
    if found is None:
        return None
    index, inner = found
    inner = inner.strip()
    before = line[:index].rstrip()
    if _labelled(inner) or (
        looks_like_names(inner)
        and ("/" in inner or _after_sentence(before))
        and not inner.endswith((".", ","))
    ):
        return Split(before or None, inner)
    return None


def _boundaries(line: str) -> list[int]:
    """Where a trailing credit may start: after a sentence or a dash."""
    low = max(0, len(line) - _TAIL)
    starts = [0] if low == 0 else []
    starts.extend(match.end() for match in _BOUNDARY.finditer(line, low))
    return starts


def _trailing_label(line: str) -> Split | None:
    """A labelled credit after the caption: ``... Photograph: Eva Manez``."""
    if _LABEL_HINT.search(line, max(0, len(line) - _TAIL)) is None:
        return None
    for start in _boundaries(line):
        rest = line[start:]
        if _labelled(rest):
            caption = line[:start].rstrip()
            if caption.endswith(tuple(_DASHES)):
                caption = caption[:-1].rstrip()
            return Split(caption or None, rest.strip())
    return None


def _trailing_slash(line: str) -> Split | None:
    """A wire credit after the caption: ``... on Monday. REUTERS/Jo Bloggs``."""
    if "/" not in line[-_TAIL:]:
        return None
    for start in _boundaries(line):
        if start == 0:
            continue
        rest = line[start:].strip()
        first = rest.split(maxsplit=1)[0] if rest else ""
        if "/" in first and looks_like_names(rest) and _shouts(rest):
            return Split(line[:start].rstrip() or None, rest)
    return None


def _shouts(text: str) -> bool:
    """Whether every word after the first is capitalised: names, not prose."""
    words = text.split()[1:]
    return all(
        word.lower() in _JOINERS or not word[0].isalpha() or word[0].isupper()
        for word in words
    )


def split_credit(line: str, *, bare: bool = False) -> Split:
    """
    Cut one line of a figure into caption and credit.

    Args:
        line: The line, stripped.
        bare: Whether an unlabelled line of names on its own is a credit
            (true for a line under a caption).

    Returns:
        The caption (or `None` when the line is only a credit) and the credit
        as written, without brackets or the dash before it (or `None`).
    """
    if not bare and _HINT.search(line, max(0, len(line) - _TAIL)) is None:
        return Split(line, None)
    if line[:1] in _OPENING and (found := _bracketed(line)) and found[0] == 0:
        inner = found[1].strip()
        if inner and is_credit(inner, bare=True):
            return Split(None, inner)
    if is_credit(line, bare=bare):
        return Split(None, line)
    for finder in (_trailing_bracket, _trailing_label, _trailing_slash):
        split = finder(line)
        if split is not None:
            return split
    return Split(line, None)


def credit_line(credit: str) -> str:
    """
    Write a credit on a line of its own, so that `split_credit` reads it back.

    Args:
        credit: The credit as written (`Credit.raw`).
    """
    return f"({credit})"


# -- the parts of a credit ----------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", text)


def _is_person(segment: str) -> bool:
    if segment.startswith("@"):
        return True
    words = segment.split()
    if len(words) not in _PERSON_WORDS:
        return False
    if any(word.lower().strip(".,") in _ORGANISATION_WORDS for word in words):
        return False
    return all(word[0].isupper() or word.lower() in _JOINERS for word in words)


class _Parts(NamedTuple):
    creators: tuple[str, ...]
    agencies: tuple[str, ...]
    flags: frozenset[str]


def _segment(segment: str) -> tuple[str, str]:
    """What one ``/``-separated part of a credit is, and its name."""
    for flag, pattern in (
        ("handout", _HANDOUT),
        ("pool", _POOL),
        ("file", _FILE),
    ):
        if pattern.match(segment):
            return flag, segment
    if agency := _AGENCY_PHOTO.match(segment):
        return "agency", agency["agency"]
    return ("creator" if _is_person(segment) else "agency"), segment


def _for_outlet(segment: str) -> tuple[str, str]:
    """Split "Name for Outlet" in two; other segments have no outlet."""
    parts = _FOR.split(segment, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (segment, "")  # noqa: PLR2004


def _segments(text: str) -> _Parts:
    found: list[tuple[str, str]] = []
    if _FILE_SUFFIX.search(text):
        found.append(("file", "File"))
        text = _FILE_SUFFIX.sub("", text)
    for sentence in _SENTENCE_SPLIT.split(text):
        words = sentence.strip().rstrip(".")
        courtesy = _COURTESY.match(words)
        if courtesy is not None:
            found.append(("agency", words[courtesy.end() :].strip()))
            continue
        for segment in _SEGMENT_SPLIT.split(words):
            # "Ann Lee for Harbour News": a photographer and the outlet.
            who, outlet = _for_outlet(segment)
            found.append(_segment(who.strip(" ,;")))
            if outlet:
                found.append(("agency", outlet.strip(" ,;")))
    found = [(kind, name) for kind, name in found if name.strip()]
    # "Tom Smith/Daily Gazette": of two names in a row, the second is the
    # outlet the first works for.
    for index in range(1, len(found)):
        if found[index - 1][0] == found[index][0] == "creator":
            found[index] = ("agency", found[index][1])
    return _Parts(
        creators=tuple(name for kind, name in found if kind == "creator"),
        agencies=tuple(name for kind, name in found if kind == "agency"),
        flags=frozenset(kind for kind, _ in found),
    )


def _distributor(text: str) -> tuple[str, str | None]:
    """Split "X via Y" into X and the distributor Y."""
    match = None
    for match in _VIA.finditer(text):  # noqa: B007 - the last "via" counts
        pass
    if match is None:
        return text, None
    before, after = text[: match.start()], text[match.end() :]
    words = after.split()
    if len(words) >= _NOTICE_WORDS:
        # "via REUTERS THIS IMAGE HAS BEEN SUPPLIED ...": a usage notice
        # follows the distributor's name.
        words = words[:1]
    via = " ".join(words).rstrip(".,;")
    return before, via or None


def _one_line(name: str) -> str:
    """*name* with each run of whitespace, line breaks too, as one space."""
    return " ".join(name.split())


def parse_credit(raw: str) -> Credit:
    """
    Split a credit as written into its label, people and organisations.

    ``SPUTNIK/SERGEY GUNEEV/KREMLIN VIA REUTERS`` gives the creator SERGEY
    GUNEEV, the agencies SPUTNIK and KREMLIN and the distributor REUTERS.
    A segment of two to four capitalised words is a person unless it holds
    an organisation's noun (Press, Images, School); other segments are
    agencies; ``HANDOUT``, ``POOL`` and ``FILE`` set flags.

    Args:
        raw: The credit as written, without brackets or a leading dash.

    Returns:
        The credit; its `raw` is *raw* unchanged.
    """
    body = raw.strip()
    label: str | None = None
    match = _LABEL.match(body)
    if match is not None and looks_like_names(body[match.end() :]):
        label = _one_line(match["label"] or match["by"] or match["mark"])
        body = body[match.end() :]
    body, via = _distributor(body)
    parts = _segments(body)
    words = {word.lower() for word in _words(raw)}
    return Credit(
        raw=raw,
        label=label,
        creators=tuple(_one_line(name) for name in parts.creators),
        agencies=tuple(_one_line(name) for name in parts.agencies),
        via=None if via is None else _one_line(via),
        handout="handout" in parts.flags or "handout" in words,
        pool="pool" in parts.flags or "pool" in words,
        file="file" in parts.flags,
    )
