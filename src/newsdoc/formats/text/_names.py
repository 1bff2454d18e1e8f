"""Names in news text: noun phrases, titles, short forms and acronyms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final


__all__ = ["BODIES", "NameIndex", "name_in", "token_starts", "tokens"]

# A word of running text: letters, digits and the marks that live inside
# names (O’Regan, Al-Arabiya, Editor-in-Chief, U.K.).
_WORD: Final = re.compile(r"[^\W_][\w’'.\-]*")

# Honorifics, ranks and job titles that news style puts before a name;
# the speaker is the name without them ("Rear Admiral Daniel Hagari").
TITLES: Final = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "prof.",
        "professor",
        "president",
        "prime",
        "minister",
        "secretary",
        "general",
        "gen",
        "gen.",
        "admiral",
        "rear",
        "vice",
        "col",
        "col.",
        "colonel",
        "lt",
        "lt.",
        "sgt",
        "sgt.",
        "captain",
        "capt",
        "capt.",
        "chief",
        "director",
        "editor",
        "editor-in-chief",
        "senator",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "representative",
        "governor",
        "gov",
        "gov.",
        "judge",
        "justice",
        "mayor",
        "mec",
        "mp",
        "datuk",
        "seri",
        "dato",
        "tan",
        "sri",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "rev",
        "rev.",
        "father",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commissioner",
        "ambassador",
        "advocate",
        "officer",
        "inspector",
        "superintendent",
        "coach",
        "manager",
        "deputy",
        "acting",
        "former",
        "senior",
        "head",
        "councillor",
        "councilor",
        "sheikh",
        "emir",
        "attorney",
        "major",
        "maj",
        "brigadier",
        "lieutenant",
        "marshal",
        "commander",
        "cmdr",
        "sergeant",
        "corporal",
        "constable",
        "detective",
        "pm",
        "economist",
        "analyst",
        "lawyer",
        "pilot",
        "farmer",
        "teacher",
        "doctor",
        "nurse",
        "scientist",
        "researcher",
        "historian",
        "journalist",
        "reporter",
        "photographer",
        "activist",
        "campaigner",
        "volunteer",
        "resident",
        "curator",
        "engineer",
        "fisherman",
        "firefighter",
        "novelist",
        "economist",
        "spokesman",
    ]
)

# Capitalised words that open sentences or clauses but name nobody.
STOPWORDS: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "him",
        "them",
        "us",
        "me",
        "there",
        "here",
        "then",
        "however",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "also",
        "still",
        "even",
        "though",
        "although",
        "while",
        "when",
        "after",
        "before",
        "since",
        "because",
        "if",
        "as",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "without",
        "into",
        "of",
        "to",
        "during",
        "under",
        "over",
        "about",
        "across",
        "against",
        "among",
        "between",
        "through",
        "meanwhile",
        "additionally",
        "furthermore",
        "moreover",
        "finally",
        "first",
        "last",
        "earlier",
        "later",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "asked",
        "speaking",
        "according",
        "what",
        "why",
        "how",
        "who",
        "where",
        "which",
        "whether",
        "not",
        "no",
        "yes",
        "mostly",
        "many",
        "some",
        "several",
        "all",
        "both",
        "each",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "other",
        "another",
        "such",
        "instead",
        "indeed",
        "despite",
        "regarding",
        "following",
    ]
)

# Small words that may sit inside a name ("Institute for Near East
# Policy", "Abu Anas Al Saud", "Ministry of Public Security").
_CONNECTORS: Final = frozenset(
    [
        "of",
        "for",
        "and",
        "de",
        "del",
        "der",
        "van",
        "von",
        "al",
        "el",
        "bin",
        "bint",
        "ibn",
        "da",
        "di",
        "du",
        "la",
        "le",
    ]
)

# Words that make a name an organisation's, place's or thing's.
BODIES: Final = frozenset(
    {
        "ministry",
        "department",
        "agency",
        "institute",
        "group",
        "party",
        "court",
        "forces",
        "force",
        "council",
        "committee",
        "government",
        "university",
        "association",
        "authority",
        "organisation",
        "organization",
        "news",
        "times",
        "post",
        "press",
        "office",
        "service",
        "police",
        "union",
        "bank",
        "company",
        "commission",
        "parliament",
        "assembly",
        "house",
        "centre",
        "center",
        "foundation",
        "brochure",
        "guidance",
        "report",
        "nations",
        "states",
        "republic",
        "kingdom",
        "city",
        "county",
        "province",
        "administration",
        "army",
        "navy",
        "board",
        "fund",
        "network",
        "channel",
        "television",
        "radio",
        "newspaper",
        "paper",
        "charity",
        "firm",
        "team",
        "club",
        "campaign",
        "institution",
        "regulator",
        "watchdog",
        "tribunal",
        "airline",
        "carrier",
        "operator",
        "state",
    }
)
_LONGEST_PERSON: Final = 4

PRONOUNS: Final = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "him", "her", "them"]
)


def tokens(text: str) -> list[str]:
    """Split *text* into words, keeping the marks that live inside names."""
    return _WORD.findall(text)


def token_starts(text: str) -> list[int]:
    """Where each of the words `tokens` finds in *text* starts."""
    return [match.start() for match in _WORD.finditer(text)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _strip_word(word: str) -> str:
    """Drop a possessive ending and trailing dots from *word*."""
    for ending in ("’s", "'s", "’", "'"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    if word.endswith(".") and word.count(".") == 1:
        return word[:-1]
    return word


def is_title(word: str) -> bool:
    """Whether *word* is a title or rank: "Sir", "Major-Gen", "Lt."."""
    lowered = word.lower()
    return lowered in TITLES or (
        "-" in lowered and all(p in TITLES for p in lowered.split("-"))
    )


def strip_titles(words: list[str]) -> list[str]:
    """Drop titles and ranks before a name: "Sir Keir Starmer" -> "Keir Starmer"."""
    last = -1
    for index, word in enumerate(words):
        if is_title(word):
            last = index
    if 0 <= last < len(words) - 1:
        return words[last + 1 :]
    return words


def name_in(words: list[str]) -> list[str]:
    """
    The name at the end of a noun phrase, titles and descriptors dropped.

    "Belarusian military General Staff representative Oleg Poznyak" gives
    "Oleg Poznyak"; "Reuters Editor-in-Chief Alessandra Galloni" gives
    "Alessandra Galloni"; a phrase with no capitalised word gives nothing.
    """
    run: list[str] = []
    for word in reversed(words):
        if _capitalised(word) or (run and word.lower() in _CONNECTORS):
            run.append(word)
        elif run:
            break
    run.reverse()
    while run and run[0].lower() in _CONNECTORS:
        run.pop(0)
    while run and run[0].lower() in STOPWORDS:
        run.pop(0)
    return strip_titles([_strip_word(word) for word in run])


def _initials_match(acronym: str, words: list[str]) -> bool:
    """Whether *acronym* spells the initials of the last words of *words*."""
    initials = "".join(w[0] for w in words if w.lower() not in _CONNECTORS)
    return len(acronym) >= 2 and initials.upper().endswith(acronym)  # noqa: PLR2004


_ACRONYM: Final = re.compile(r"\(([A-Z]{2,8})\)")
_RUN: Final = re.compile(
    r"[A-Z][\w’'\-]*(?:[ \u00a0]+(?:(?:of|for|de|van|von|al|bin|el)[ \u00a0]+)?[A-Z][\w’'\-]*)*"
)


class NameIndex:
    """
    Every name an article uses, to turn short forms into the fullest name.

    Built once per article in time linear in its text; each lookup costs
    time proportional to the names sharing a word with the short form.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._by_word: dict[str, list[tuple[str, ...]]] = {}
        self._acronyms: dict[str, str] = {}
        self._titled: set[str] = set()
        self._seen: set[tuple[str, ...]] = set()
        # Each run of capitalised words, split into the names it holds, so
        # that a repeated run costs one lookup.
        self._runs: dict[str, list[tuple[str, ...]]] = {}
        # How often the article uses each name, to tell a first name that
        # stands for a person the article keeps naming from a country
        # named on its own far more often ("Israel" beside "Israel Katz").
        self._uses: dict[tuple[str, ...], int] = {}
        # First words of organisations' names: "Gauteng" in "Gauteng
        # Provincial Government".
        self._body_openers: set[str] = set()
        for text in texts:
            self._add_text(text)

    def _add_text(self, text: str) -> None:
        for match in _RUN.finditer(text):
            found = self._runs.get(match.group())
            if found is None:
                found = self._runs[match.group()] = self._split_run(
                    match.group()
                )
            for name in found:
                self._uses[name] = self._uses.get(name, 0) + 1
        for match in _ACRONYM.finditer(text):
            before = text[max(0, match.start() - 120) : match.start()]
            run = name_in(tokens(before))
            if run and _initials_match(match.group(1), run):
                self._acronyms[match.group(1)] = " ".join(run)

    def _split_run(self, text: str) -> list[tuple[str, ...]]:
        """Add the names in one run of capitalised words, and list them."""
        found: list[tuple[str, ...]] = []
        run: list[str] = []
        for raw in text.split():
            word = _strip_word(raw)
            run.append(word)
            if word != raw and not raw.endswith("."):
                # A possessive ends a name: "Weaver’s West End debut".
                found.extend(self._add_run(run))
                run = []
        found.extend(self._add_run(run))
        return found

    def _add_run(self, run: list[str]) -> list[tuple[str, ...]]:
        while run and run[0].lower() in STOPWORDS:
            run = run[1:]
        words = strip_titles(run)
        if len(words) == 1 and len(run) > 1:
            # "Sir Keir": a titled first name may stand for the full name.
            self._titled.add(words[0].lower())
        if not words:
            return []
        self._add(tuple(words))
        return [tuple(words)]

    def _add(self, name: tuple[str, ...]) -> None:
        if name in self._seen:
            return
        self._seen.add(name)
        if len(name) > 1 and any(w.lower() in BODIES for w in name[1:]):
            self._body_openers.add(name[0].lower())
        for word in set(name):
            if word.lower() in _CONNECTORS:
                continue
            names = self._by_word.setdefault(word.lower(), [])
            # Each name is kept once; the list stays short for real text.
            if name not in names and len(names) < 64:  # noqa: PLR2004
                names.append(name)

    def is_person(self, name: str) -> bool:
        """
        Whether *name* looks like a person's name, for "he" and "she".

        Up to four capitalised words with no word of an organisation's
        name, and not opening with a word that opens an organisation's name
        in the same article ("Gauteng Cogta" beside "Gauteng Provincial
        Government"); a single word only when the article also uses it in
        a longer name ("Sinwar" for "Yahya Sinwar", but not "Israel" alone).
        """
        words = name.split()
        if not 1 <= len(words) <= _LONGEST_PERSON or not all(
            w[:1].isupper() and not w.isupper() for w in words
        ):
            return False
        if any(w.lower() in BODIES for w in words):
            return False
        if len(words) > 1 and words[0].lower() in self._body_openers:
            return False
        if len(words) > 1:
            return True
        return any(
            len(candidate) > 1
            for candidate in self._by_word.get(words[0].lower(), ())
        )

    def fullest(self, name: str) -> str:
        """
        The fullest name the article uses for *name*.

        "Levitt" becomes "Matthew Levitt" when the article names him so;
        an acronym defined as "Israel Defense Forces (IDF)" becomes the
        full name; anything else comes back unchanged.
        """
        if name in self._acronyms:
            return self._acronyms[name]
        words = name.split()
        if not words or not all(_capitalised(w) for w in words):
            return name
        wanted = [w.lower() for w in words]
        # A surname stands for the full name; a lone first name only where
        # the article gives it a title ("Sir Keir"), so that a country
        # ("Israel") never becomes a person ("Israel Katz").
        anywhere = len(wanted) > 1 or wanted[0] in self._titled
        best = words
        for candidate in self._by_word.get(wanted[-1], ()):
            lowered = [w.lower() for w in candidate]
            if len(candidate) <= len(best):
                continue
            if lowered[-len(wanted) :] == wanted or (
                anywhere and _contains(lowered, wanted)
            ):
                best = list(candidate)
        if best == words and len(words) == 1:
            return self._first_name(words[0]) or name
        return " ".join(best)

    def _first_name(self, word: str) -> str | None:
        """
        The one person's name that *word* opens, if *word* stands for it.

        "Kamala" is "Kamala Harris" when that is the only person so named
        and the article uses the full name more than once and at least as
        often as the word alone; "Israel", named alone far more often than
        "Israel Katz", and "Jordan" beside a single "Jordan Hale" stay
        as they are.
        """
        people = {
            candidate
            for candidate in self._by_word.get(word.lower(), ())
            if len(candidate) > 1
            and candidate[0].lower() == word.lower()
            and self.is_person(" ".join(candidate))
        }
        if len(people) != 1:
            return None
        [person] = people
        uses = self._uses.get(person, 0)
        if uses < 2 or uses < self._uses.get((person[0],), 0):  # noqa: PLR2004
            return None
        return " ".join(person)


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether *part* occurs in *words* as a run of whole words."""
    size = len(part)
    return any(
        words[index : index + size] == part
        for index in range(len(words) - size + 1)
    )
