"""Who said a quotation: attribution clauses around it, and their names."""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from newsdoc.formats.text._names import (
    BODIES,
    PRONOUNS,
    STOPWORDS,
    TITLES,
    NameIndex,
    name_in,
    strip_titles,
    token_starts,
    tokens,
)


__all__ = [
    "Attribution",
    "Memory",
    "attribution_after",
    "attribution_before",
    "document_author",
    "has_cue",
    "resolve",
    "sentence_end",
    "sentence_start",
    "subject_of",
]

# How far around a quotation attribution is looked for; a bound keeps the
# reader linear on a paragraph of any length.
WINDOW: Final = 320

# Verbs that attribute words to a speaker, as news style uses them.
SPEECH_VERBS: Final = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "wrote",
        "writes",
        "stated",
        "states",
        "explained",
        "explains",
        "noted",
        "notes",
        "argued",
        "argues",
        "asked",
        "asks",
        "replied",
        "replies",
        "responded",
        "responds",
        "insisted",
        "insists",
        "warned",
        "warns",
        "stressed",
        "stresses",
        "emphasised",
        "emphasized",
        "emphasises",
        "emphasizes",
        "admitted",
        "admits",
        "claimed",
        "claims",
        "continued",
        "continues",
        "concluded",
        "concludes",
        "declared",
        "declares",
        "detailed",
        "details",
        "announced",
        "announces",
        "acknowledged",
        "acknowledges",
        "recalled",
        "recalls",
        "tweeted",
        "tweets",
        "posted",
        "posts",
        "urged",
        "urges",
        "agreed",
        "agrees",
        "described",
        "describes",
        "characterised",
        "characterized",
        "called",
        "calls",
        "reported",
        "reports",
        "saying",
        "adding",
        "arguing",
        "asserting",
        "asserted",
        "pledging",
        "pledged",
        "writing",
        "telling",
        "warning",
        "insisting",
        "recalling",
        "explaining",
        "noting",
        "uttered",
        "read",
        "reads",
        "conceded",
        "concedes",
        "confirmed",
        "confirms",
        "revealed",
        "reveals",
        "vowed",
        "promised",
        "suggested",
        "suggests",
        "advised",
        "advises",
        "ruled",
        "rules",
        "shouted",
        "cautioned",
        "predicted",
        "observed",
        "remarked",
        "commented",
        "complained",
    ]
)

# Words in a sentence that present a quoted phrase as someone's words,
# even without a full attribution ("led TNO to conclude it was ...").
CUES: Final = SPEECH_VERBS | frozenset(
    [
        "according",
        "characterize",
        "characterise",
        "describe",
        "conclude",
        "found",
        "find",
        "showed",
        "shows",
        "referred",
        "refers",
        "criticise",
        "criticize",
        "criticised",
        "criticized",
        "labelled",
        "labeled",
        "branded",
        "dismissed",
        "calling",
        "describing",
        "labelling",
        "labeling",
        "branding",
        "dismissing",
        "rejected",
        "denounced",
        "slammed",
        "hailed",
        "praised",
        "welcomed",
        "condemned",
        "expressing",
        "considers",
        "considered",
        "seemed",
        "demanded",
        "requested",
    ]
)

_SPEECH_CUES: Final = SPEECH_VERBS | {"according"}

# Verbs whose subject is the speaker of a quotation that follows.
_ATTRIBUTING: Final = CUES - {
    "according",
    "found",
    "find",
    "considered",
    "continued",
    "continues",
}

# Participles attribute to the subject of the sentence, not to a noun
# right before them ("The administration argued ..., asserting that").
_PARTICIPLES: Final = frozenset(
    w for w in SPEECH_VERBS | CUES if w.endswith("ing")
)
_FINITE_SPEECH: Final = SPEECH_VERBS - _PARTICIPLES

# Nouns for documents that "say" things on behalf of their author.
_DOCUMENTS: Final = frozenset(
    [
        "report",
        "letter",
        "statement",
        "analysis",
        "brochure",
        "guidance",
        "website",
        "site",
        "post",
        "ruling",
        "study",
        "filing",
        "submission",
        "findings",
        "finding",
        "opinion",
        "account",
        "memo",
    ]
)

# Words that end a noun phrase after a verb ("said X in a statement").
_NP_STOP: Final = frozenset(
    [
        "into",
        "about",
        "published",
        "released",
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "to",
        "from",
        "today",
        "yesterday",
        "tomorrow",
        "that",
        "who",
        "which",
        "when",
        "while",
        "as",
        "this",
        "last",
        "earlier",
        "later",
        "previously",
        "also",
    ]
)

_AUXILIARIES: Final = frozenset(
    [
        *(
            f"{verb}n{mark}t"
            for verb in (
                "do",
                "does",
                "did",
                "is",
                "was",
                "are",
                "were",
                "has",
                "have",
                "had",
                "could",
                "would",
                "should",
                "must",
            )
            for mark in "’'"
        ),
        "won’t",
        "won't",
        "can’t",
        "can't",
        "has",
        "have",
        "had",
        "is",
        "was",
        "are",
        "were",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "did",
        "does",
        "do",
        "must",
        "shall",
    ]
)

_INTRO_WORDS: Final = frozenset(
    [
        "however",
        "but",
        "and",
        "so",
        "yet",
        "still",
        "also",
        "even",
        "additionally",
        "furthermore",
        "moreover",
        "meanwhile",
        "instead",
        "indeed",
        "finally",
        "then",
        "later",
        "earlier",
        "now",
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "since",
        "while",
        "when",
        "as",
        "asked",
        "speaking",
        "regarding",
        "following",
        "despite",
        "although",
        "though",
        "if",
        "for",
        "with",
        "under",
    ]
)

_DETERMINERS: Final = frozenset({"the", "a", "an"})
_CONJUNCTIONS: Final = frozenset(
    {
        "but",
        "and",
        "so",
        "yet",
        "however",
        "also",
        "still",
        "then",
        "even",
        "after",
        "when",
        "while",
        "because",
        "since",
        "although",
        "though",
        "if",
        "until",
        "once",
        "whereas",
    }
)
_PARTY_STATE: Final = re.compile(r"[A-Z]-[A-Z][A-Za-z]{1,5}\.?")
# Words that open a clause whose subject comes next.
# "lawmakers on the House Select Committee on ... and the Chinese
# Communist Party,": members speak for the body named in full, whose name
# may hold "of", "on", "the", "and" between its capitalised words.
_MEMBERS_OF: Final = re.compile(
    r"\b((?i:lawmakers|members|legislators|senators))\s+(?:on|of)\s+the\s+"
    r"([A-Z][\w-]*(?:\s+(?:(?:of|on|for|and|the|between)\s+)*"
    r"[A-Z][\w-]*)*)(?=\s*(?:,|$))"
)
# Words that open a subordinate clause after a speech verb: "said after
# the court had ruled, ...".
_SUBORDINATORS: Final = frozenset(
    {"after", "before", "when", "once", "until", "since", "while", "if"}
)
_CLAUSE_OPENERS: Final = frozenset(
    {"how", "that", "whether", "because", "although", "though", "why"}
)
# Time phrases between a subject and its verb ("X on Monday admitted").
_TIMES: Final = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
    }
)
_PREPOSITIONS: Final = frozenset(
    {"of", "at", "for", "with", "from", "in", "on", "near", "by", "to"}
)
# Things that show words without being their source ("a sign that read").
_NOT_SPEAKERS: Final = frozenset(
    {
        "voice",
        "video",
        "sign",
        "banner",
        "placard",
        "poster",
        "footage",
        "message",
        "graffiti",
        "slogan",
    }
)
_BRACKETS: Final = re.compile(r"\([^()]{0,60}\)")

_ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
    ]
)

_END_MARKS: Final = ".!?"
_END_RE: Final = re.compile(r"[.!?]")
_NEXT_QUOTE: Final = re.compile("[“„‘]|(?:^|(?<=\\s))[\"']")
_CLOSING_AFTER_END: Final = "\"'”’)]"
_WORD_RE: Final = re.compile(r"[^\W_][\w’'\-]*")


class Attribution(NamedTuple):
    """An attribution as written near a quotation, before resolving names."""

    speaker: str | None
    verb: str | None
    outlet: str | None
    # Words read off a sign or a text: there is no speaker to look for.
    silent: bool = False


_NONE: Final = Attribution(None, None, None)
_PERSONAL: Final = frozenset({"he", "she", "him", "her", "i", "we"})
# Nouns for people: "the minister said" refers back to a person.
_PERSON_ROLES: Final = TITLES | {
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "lawyer",
    "prosecutor",
    "premier",
    "founder",
    "expert",
    "analyst",
    "witness",
    "man",
    "woman",
    "source",
}


def _is_sentence_end(text: str, index: int) -> bool:
    """Whether the mark at *index* ends a sentence."""
    if text[index] not in _END_MARKS:
        return False
    after = index + 1
    while after < len(text) and text[after] in _CLOSING_AFTER_END:
        after += 1
    if after < len(text) and not text[after].isspace():
        return False
    if text[index] != ".":
        return True
    word_start = index
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:index].lower()
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    rest = text[after : after + 3].lstrip()
    return not rest or (not rest[0].islower() and not rest[0].isdigit())


def sentence_start(text: str, index: int) -> int:
    """The offset where the sentence holding *index* starts (bounded look-back)."""
    low = max(0, index - WINDOW)
    ends = [m.start() for m in _END_RE.finditer(text, low, max(low, index))]
    for position in reversed(ends):
        if _is_sentence_end(text, position):
            start = position + 1
            while start < index and (
                text[start] in _CLOSING_AFTER_END or text[start].isspace()
            ):
                start += 1
            return start
    return low


def sentence_end(text: str, index: int) -> int:
    """The offset just past the sentence holding *index* (bounded look-ahead)."""
    high = min(len(text), index + WINDOW)
    for match in _END_RE.finditer(text, index, high):
        if _is_sentence_end(text, match.start()):
            return match.start() + 1
    return high


def has_cue(text: str, *, speech_only: bool = False) -> bool:
    """
    Whether *text* holds a word that presents words as someone's.

    With *speech_only*, findings ("a study found") are not enough: only a
    speech verb or "according to" will do.
    """
    cues = _SPEECH_CUES if speech_only else CUES
    return any(word.lower() in cues for word in _WORD_RE.findall(text))


def _segments(region: str) -> list[list[str]]:
    """
    The comma-separated parts of a subject, intro phrases dropped.

    A dateline or other lead-in before a dash is dropped, and so are
    bracketed asides ("the Israel Defense Forces (IDF)").
    """
    for dash in (" - ", " — ", " – "):
        cut = region.rfind(dash)
        if cut >= 0:
            region = region[cut + len(dash) :]
    region = _BRACKETS.sub(" ", region)
    parts: list[list[str]] = []
    for part in region.split(","):
        words = tokens(part)
        while words and words[0].lower() in _CONJUNCTIONS:
            words.pop(0)
        if len(words) == 1 and _PARTY_STATE.fullmatch(words[0]):
            # "Mike Gallagher, R-Wis., said": party and state, no name.
            continue
        if not words:
            continue
        first = words[0].lower()
        if not parts and (
            first in _INTRO_WORDS or (first.endswith("ing") and len(words) > 1)
        ):
            continue
        parts.append(words)
    return parts


def _possessive_owner(words: list[str]) -> str | None:
    """The author of a document that speaks: "TNO's report" -> "TNO"."""
    for index, word in enumerate(words[:-1]):
        for ending in ("’s", "'s", "’", "'"):
            if word.endswith(ending) and len(word) > len(ending):
                document = words[index + 1].lower()
                if document in _DOCUMENTS:
                    owner = [*words[:index], word[: -len(ending)]]
                    # "the charity's report": the body described.
                    author = " ".join(name_in(owner) or _until_verb(owner))
                    return f"{author}'s {document}"
                break
    return None


def _is_pure_name(words: list[str]) -> bool:
    """Whether *words* are a name alone: capitalised words, no role."""
    if not words[0][:1].isupper() or words[0].lower() in STOPWORDS:
        return False
    if (
        len(words) > 1
        and words[0].lower() in TITLES
        and words[1].lower() in {"of", "for"}
    ):
        return False
    return all(
        w[:1].isupper() or w.lower() in {"of", "for", "and", "al", "bin"}
        for w in words
    )


def noun_phrase_before(region: str) -> str | None:
    """
    The speaker named by the subject *region* that ends before a verb.

    Handles appositives ("Lina Khatib, an expert at Chatham House,"),
    ages ("Jamil Al Saadouni, 58,"), titles ("Rear Admiral Daniel Hagari"),
    descriptors before a name, documents ("TNO's report") and noun phrases
    ("the Belarusian Defense Ministry", "a Tory source", "he").
    """
    member = _MEMBERS_OF.search(region[:WINDOW])
    if member is not None:
        return member.group()
    parts = _segments(region)
    if not parts:
        return None
    first = parts[0]
    last = parts[-1]
    if len(last) == 1 and last[0].lower() in PRONOUNS:
        return last[0].lower()
    owner = _possessive_owner(first)
    if owner:
        return owner
    named = _named_part(parts)
    if named is not None:
        return named
    return _described(first) or _described(last)


def _described(words: list[str]) -> str | None:
    """
    A speaker described, not named: "a Tory source", "the minister".

    Also "Nepal's civil aviation authority", a body described by whose it
    is.
    """
    possessive = words[0].endswith(("’s", "'s"))
    if words[0].lower() in _DETERMINERS or (
        possessive and not words[-1][:1].isupper()
    ):
        return " ".join(_until_verb(words))
    head = words[0]
    if head.islower() and head.endswith("s") and head not in STOPWORDS:
        # "officials said", "federal prosecutors": a group, unnamed.
        return " ".join(_until_verb(words))
    return None


def _until_verb(words: list[str]) -> list[str]:
    """A noun phrase up to its verb: "A voice is then heard" -> "A voice"."""
    for index, word in enumerate(words[1:], start=1):
        lowered = word.lower()
        if lowered in _AUXILIARIES or lowered in SPEECH_VERBS:
            return words[:index]
    return words


def _named_part(parts: list[list[str]]) -> str | None:
    """
    The name in the comma-separated parts of a subject.

    The part nearest the verb names the speaker unless it describes them
    ("..., a deal was possible, Sadeq Abu Amer told" but "Lina Khatib,
    an expert at Chatham House, told").
    """
    for index in range(len(parts) - 1, -1, -1):
        words = parts[index]
        if index and parts[index - 1][0].lower() in _PREPOSITIONS:
            # "from Tynemouth, North Tyneside": the place goes on.
            continue
        name = _name_of_part(words)
        if name:
            return " ".join(name)
    return None


def _name_of_part(words: list[str]) -> list[str]:
    """The name in one part of a subject, or nothing if it describes."""
    head = words[0].lower()
    if _is_pure_name(words):
        return strip_titles(name_in(words))
    if head in _DETERMINERS or head in _PREPOSITIONS:
        return []
    if not words[-1][:1].isupper():
        return []
    if words[0][:1].isupper():
        return [] if head in STOPWORDS else name_in(words)
    # "state advocate Yuri Gangai", "which her advocate Dali Mpofu", but
    # not "director-general of South Africa's Department of ...".
    if any(word.lower() in _PREPOSITIONS for word in words):
        return []
    return name_in(words)


def noun_phrase_after(text: str) -> str | None:
    """The speaker named right after a verb: "said Matthew Levitt, a ..."."""
    words: list[str] = []
    for match in _WORD_RE.finditer(text[:160]):
        gap = text[match.start() - 1] if match.start() else " "
        if words and gap not in {" ", "\u00a0"}:
            break
        word = match.group()
        if words and word.lower() in _NP_STOP:
            break
        words.append(word)
        following = text[match.end() : match.end() + 1]
        if following and following not in " \u00a0-’'":
            break
    if not words or words[0].lower() in _NP_STOP | STOPWORDS - _DETERMINERS:
        return _pronoun(words)
    if words[0].lower() in _DETERMINERS:
        return " ".join(words)
    name = name_in(words)
    if not name or not words[-1][:1].isupper():
        return None
    # "said coach Maria Okafor": a lowercase role may precede the name.
    return " ".join(name)


def _pronoun(words: list[str]) -> str | None:
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return words[0].lower()
    return None


def _outlet_in(rest: str) -> str | None:
    """The outlet in the rest of an attribution: ", Interfax reported"."""
    lowered = rest.lower()
    at = lowered.find("according to ")
    if at >= 0:
        return noun_phrase_after(rest[at + len("according to ") :])
    at = lowered.find(" reported")
    if at >= 0:
        comma = rest.rfind(",", 0, at)
        region = rest[comma + 1 : at] if comma >= 0 else rest[:at]
        return noun_phrase_before(region)
    return None


def _verb_positions(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), m.group().lower())
        for m in _WORD_RE.finditer(text)
        if m.group().lower() in SPEECH_VERBS
    ]


def attribution_after(text: str, close: int) -> Attribution:
    """
    The attribution that follows a closing quote mark at *close*.

    Reads the rest of the sentence: ``, said X``, ``, X said``,
    ``X told Y``, ``, X said in a statement, Interfax reported``.
    """
    following = text[close + 1 : close + 3].lstrip(" \u00a0")
    if close and text[close - 1] == "." and not following[:1].islower():
        # The quotation closed its own sentence: what follows is new.
        return _NONE
    end = sentence_end(text, close + 1)
    rest = text[close + 1 : end]
    # Words inside the next quotation attribute nothing.
    rest = _NEXT_QUOTE.split(rest, maxsplit=1)[0]
    verbs = _verb_positions(rest)
    if not verbs:
        # "... "likely" opened fire, according to a report": the source
        # closes the sentence.
        according = _according_to(rest)
        return _NONE if according is None else according
    found = _attribution_in(rest, verbs)
    if found is not None:
        return found
    start, _stop, verb = verbs[0]
    if verb in {"reported", "reports"}:
        # "..., the newspaper reported": with nobody else named, the
        # reporting outlet is the source of the words.
        source = noun_phrase_before(rest[:start].lstrip(" ,"))
        return Attribution(source, verb, None)
    return _NONE


def _attribution_in(
    rest: str, verbs: list[tuple[int, int, str]]
) -> Attribution | None:
    """The first speech verb in *rest* with a speaker next to it."""
    for start, stop, verb in verbs:
        if verb in {"reported", "reports"}:
            continue
        region = rest[:start]
        trimmed = region.rstrip(" \u00a0")
        bare = not trimmed.strip(" ,\u00a0:;—–-")
        if bare or trimmed.endswith(","):
            # "..., said X": the speaker follows the verb.
            speaker = noun_phrase_after(rest[stop:].lstrip(" \u00a0"))
            if speaker and verb not in {"told", "tells"}:
                return _speaking(speaker, verb, _outlet_in(rest[stop:]))
        if bare or verb.endswith("ing"):
            continue
        speaker = noun_phrase_before(region.lstrip(" ,\u00a0"))
        if speaker is not None:
            return _speaking(speaker, verb, _outlet_in(rest[stop:]))
    return None


def attribution_before(text: str, open_mark: int) -> Attribution:
    """
    The attribution in the sentence before an opening quote mark.

    Reads ``X said:``, ``X told Y that``, ``according to X,``,
    ``described by X as``, ``X, who wrote on X:`` and cue verbs such as
    ``Israel has characterized Sinwar as the``.
    """
    start = sentence_start(text, open_mark)
    before = text[start:open_mark]
    found = _described_by(before) or _according_to(before)
    if found is not None:
        return found
    verbs = [
        (m.start(), m.group().lower())
        for m in _WORD_RE.finditer(before)
        if m.group().lower() in _ATTRIBUTING
        and before[: m.start()].strip()
        and not before.startswith(" by ", m.end())
    ]
    if not verbs:
        return _colon_clause(before)
    # The verb nearest the quotation introduces it; a participle there
    # ("..., saying") hands over to the finite verb before it.
    finite = [(p, v) for p, v in verbs if v not in _PARTICIPLES]
    if verbs[-1][1] not in _PARTICIPLES:
        position, verb = verbs[-1]
    elif finite:
        position, verb = finite[-1]
    else:
        return _speaking(subject_of(before), verbs[-1][1], None)
    position, verb = _governing_verb(before, finite, position, verb)
    speaker = _subject_before_verb(before[:position])
    outlet = _outlet_in(before[position:])
    return _speaking(speaker, verb, outlet)


def _governing_verb(
    before: str, finite: list[tuple[int, str]], position: int, verb: str
) -> tuple[int, str]:
    """
    The verb that introduces the quotation, skipping a subordinate clause.

    In "he said after the court had ruled, on Monday, that ..., there
    had been "..."", "ruled" belongs to the clause that "after" opens
    right after "said", and that clause ends at a comma before the
    quotation: "said" introduces the words.
    """
    if "," not in before[position:]:
        return position, verb
    earlier = [(p, v) for p, v in finite if p < position]
    if not earlier:
        return position, verb
    start, word = earlier[-1]
    following = tokens(before[start + len(word) : position])
    if following and following[0].lower() in _SUBORDINATORS:
        return start, word
    return position, verb


def _described_by(before: str) -> Attribution | None:
    """``described by a Pentagon official as "..."``."""
    lowered = before.lower()
    stripped = lowered.rstrip(" \u00a0:,")
    if not stripped.endswith(" as"):
        return None
    by = lowered.rfind(" by ", 0, len(stripped) - 3)
    if by < 0:
        return None
    verb_words = tokens(before[:by])
    verb = verb_words[-1].lower() if verb_words else ""
    if verb not in CUES | {"seen", "regarded", "viewed", "hailed"}:
        # "the questions raised by the proceedings as ...": no speaker.
        return None
    speaker = noun_phrase_after(before[by + 4 :])
    if speaker is None:
        return None
    return Attribution(speaker, verb, None)


def _according_to(before: str) -> Attribution | None:
    """``according to federal prosecutors, X "..."``."""
    at = before.lower().rfind("according to ")
    if at < 0:
        return None
    speaker = noun_phrase_after(before[at + len("according to ") :])
    if speaker is None:
        return None
    return Attribution(speaker, None, None)


def _colon_clause(before: str) -> Attribution:
    """
    ``Asked again, he went on: "..."``.

    A colon introduces the words, spoken by the subject of the clause
    before it, even when its verb is not one the reader knows.
    """
    if not before.rstrip(" \u00a0").endswith(":"):
        return _NONE
    clause = before.rstrip(" \u00a0:").rsplit(",", 1)[-1]
    words = tokens(clause)
    if words and words[0].lower() in PRONOUNS:
        return Attribution(words[0].lower(), None, None)
    return Attribution(subject_of(clause), None, None)


def _speaking(
    speaker: str | None, verb: str, outlet: str | None
) -> Attribution:
    """An attribution, unless the words are read off a thing or a text."""
    if verb in {"read", "reads"}:
        # Signs, banners and the wording of laws "read": nobody speaks.
        return Attribution(None, verb, outlet, silent=True)
    if speaker is not None:
        words = speaker.lower().split()
        if words[0] in {"a", "an"} and words[-1] in _NOT_SPEAKERS:
            return Attribution(None, verb, outlet, silent=True)
    return Attribution(speaker, verb, outlet)


def _subject_before_verb(region: str) -> str | None:
    words = tokens(region)
    if not words:
        return None
    last = words[-1].lower()
    if last == "to" and len(words) > 1 and words[-2][:1].isupper():
        # "led TNO to conclude": the agent stands before "to".
        return " ".join(name_in(words[:-1])) or None
    if last in {"who", "which", "that"}:
        # "Donald Trump Jr who wrote", "the Group in Turkey, which says".
        cut = region.rstrip()[: -len(last)].rstrip(" ,")
        inner = tokens(cut)
        if len(inner) > 2 and inner[-2].lower() in {"in", "of", "at"}:  # noqa: PLR2004
            inner = inner[:-2]
        return " ".join(name_in(inner)) or None
    region, words = _drop_time(region, words)
    region, words = _last_clause(region, words)
    while words and words[-1].lower() in _AUXILIARIES | {
        "also",
        "previously",
        "then",
        "later",
        "further",
        "had",
        "not",
    }:
        region = region.rstrip()[: -len(words[-1])]
        words.pop()
    return noun_phrase_before(region)


def _last_clause(region: str, words: list[str]) -> tuple[str, list[str]]:
    """
    The clause a verb belongs to: "The letter described how members".

    The subject of the verb follows the last word that opens a clause.
    """
    for index in range(len(words) - 2, 0, -1):
        if words[index].lower() in _CLAUSE_OPENERS:
            return region[token_starts(region)[index + 1] :], words[
                index + 1 :
            ]
    return region, words


def _drop_time(region: str, words: list[str]) -> tuple[str, list[str]]:
    """Drop a time phrase before the verb: "X on Monday" -> "X"."""
    if len(words) < 2 or words[-1].lower() not in _TIMES:  # noqa: PLR2004
        return region, words
    cut = len(words) - 1
    if words[cut - 1].lower() in {"on", "last", "this", "that"}:
        cut -= 1
    return region[: token_starts(region)[cut]], words[:cut]


def subject_of(sentence: str) -> str | None:
    """
    The subject of *sentence* when it names someone at its start.

    "On Tuesday, Rear Admiral Daniel Hagari said ..." gives "Daniel
    Hagari"; "Abu Hassan Amer, 44, agreed." gives "Abu Hassan Amer";
    "He lamented ..." gives "he".
    """
    head = sentence[:WINDOW]
    if head.lower().startswith("according to "):
        return noun_phrase_after(head[len("according to ") :])
    matches = list(_WORD_RE.finditer(head))
    # Most sentences hold no speech verb: a set test in C skips the loop.
    if not _FINITE_SPEECH.isdisjoint(_WORD_RE.findall(head.lower())):
        for match in matches:
            word = match.group().lower()
            if word in _FINITE_SPEECH and match.start():
                subject = _subject_before_verb(head[: match.start()])
                if subject is not None:
                    return subject
                # "X had been flagged because she ... had posted": the
                # speech verb's clause names nobody; the sentence's first
                # verb may.
                break
    for match in matches:
        word = match.group().lower()
        verb_like = word in _AUXILIARIES or (
            match.start() > 0
            and not match.group()[:1].isupper()
            and word not in STOPWORDS
            and word.endswith(("ed", "es"))
        )
        if verb_like:
            subject = _subject_before_verb(head[: match.start()])
            if word in {"was", "is"} and _is_description(subject):
                # "The first witness was Gopaul Govender": the name after
                # the copula is whom the sentence is about.
                named = noun_phrase_after(head[match.end() :].lstrip())
                if named is not None and named[:1].isupper():
                    return named
            return subject
    return None


def _is_description(phrase: str | None) -> bool:
    """Whether *phrase* is "the ..." with no name in it: "The witness"."""
    if phrase is None:
        return False
    words = phrase.split()
    return (
        len(words) > 1
        and words[0].lower() == "the"
        and not any(w[:1].isupper() for w in words[1:])
    )


def document_author(phrase: str) -> str | None:
    """The author in "TNO's report", or `None` for other phrases."""
    author, mark, document = phrase.rpartition("'s ")
    if mark and author and document in _DOCUMENTS:
        return author
    return None


def member_body(phrase: str) -> tuple[str, str] | None:
    """
    The group and the body in "lawmakers on the House Select Committee".

    Members speak for the body they sit on, named in full.
    """
    match = _MEMBERS_OF.fullmatch(phrase)
    if match is None:
        return None
    return match.group(1).lower(), match.group(2)


class Memory:
    """
    Who the text has talked about so far, for words that refer back.

    Attributes:
        actor: The last person or body named as a subject or speaker.
        person: The last of them that is a person, for "he" and "she".
        body: The last that is an organisation, for "the department".
        by_head: The last one for each head noun, so that "the brochure"
            is the "Swedish brochure" named before.
    """

    def __init__(self) -> None:
        self.actor: str | None = None
        self.person: str | None = None
        self.body: str | None = None
        self.by_head: dict[str, str] = {}

    def remember(
        self, actor: str, *, person: bool, phrase: str | None = None
    ) -> None:
        """
        Note *actor*, named by *phrase*, as the one the text talks about.

        A document that spoke for its author (*phrase* "TNO's report") is
        remembered too, so that "the report" is TNO again.
        """
        self.actor = actor
        self.by_head[actor.rsplit(maxsplit=1)[-1].lower()] = actor
        if phrase is not None and document_author(phrase) is not None:
            self.by_head[phrase.rsplit(maxsplit=1)[-1]] = actor
        members = None if phrase is None else member_body(phrase)
        if members is not None:
            # "the lawmakers" later are still the committee.
            self.by_head[members[0]] = actor
        if person:
            self.person = actor
        else:
            self.body = actor


def resolve(
    phrase: str | None, *, names: NameIndex, memory: Memory
) -> str | None:
    """
    Turn an attribution phrase into the speaker's fullest name.

    Pronouns and "the minister"-style descriptions refer back to whom
    *memory* holds; "the Belarusian Defense Ministry" loses its "the";
    "a Tory source" stays as written; short names become the fullest
    name in *names*.
    """
    if phrase is None:
        return None
    author = document_author(phrase)
    if author is not None:
        return resolve(author, names=names, memory=memory)
    members = member_body(phrase)
    if members is not None:
        return resolve(members[1], names=names, memory=memory)
    words = phrase.split()
    head = words[0].lower()
    if len(words) == 1 and head in PRONOUNS:
        # "he" and "she" are people; "it" and "they" may be bodies.
        personal = head in _PERSONAL and memory.person is not None
        return memory.person if personal else memory.actor
    if head == "the":
        return _resolve_definite(words[1:], names, memory)
    return _resolve_other(phrase, names)


def _resolve_other(phrase: str, names: NameIndex) -> str | None:
    """Resolve names and indefinite phrases: "Levitt", "a Tory source"."""
    words = phrase.split()
    if words[0].lower() in {"a", "an"}:
        # "a voice", "a video": things, not sources.
        return None if words[-1].lower() in _NOT_SPEAKERS else phrase
    if not words[0][:1].isupper():
        return phrase
    return names.fullest(phrase)


def _resolve_definite(
    rest: list[str], names: NameIndex, memory: Memory
) -> str | None:
    """Resolve "the ..." phrases: "the minister", "the Defense Ministry"."""
    if not rest:
        return None
    if all(not w[:1].isupper() or w.lower() in TITLES for w in rest):
        # "the brochure" is the brochure named last; "the minister" is the
        # person the text is about, "the department" the body.
        head = rest[-1].lower()
        if head in memory.by_head:
            return memory.by_head[head]
        if head in _PERSON_ROLES:
            referent = memory.person
        elif head in BODIES:
            referent = memory.body
        else:
            # "the lawmakers", "the letter": named as the text names them.
            referent = None
        return referent or " ".join(rest)
    if not rest[-1][:1].isupper():
        # "the Swedish brochure": a described thing, named as written.
        return " ".join(rest)
    return names.fullest(" ".join(name_in(rest) or rest))
