"""Quotations in news paragraphs: where they are and who said them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc import Paragraph, Quote, parse_text
from newsdoc.formats.text._quotes import find_quotes


def words_of(
    texts: Sequence[str], *, context: Sequence[str] = ()
) -> list[str]:
    """The quoted words of every text, in order."""
    found = find_quotes(texts, context=context)
    return [quote.text for quotes in found for quote in quotes]


def only_quote(text: str, *, context: Sequence[str] = ()) -> Quote:
    """The one quotation in a one-paragraph article."""
    [[quote]] = find_quotes([text], context=context)
    return quote


def speakers_of(
    texts: Sequence[str], *, context: Sequence[str] = ()
) -> list[str | None]:
    """The speaker of every quotation, in order."""
    found = find_quotes(texts, context=context)
    return [quote.speaker for quotes in found for quote in quotes]


# -- quote marks ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"The bridge will reopen in May," the council said.',
            "The bridge will reopen in May,",
            id="straight-pair",
        ),
        pytest.param(
            "“The bridge will reopen in May,” the council said.",
            "The bridge will reopen in May,",
            id="curly-pair",
        ),
        pytest.param(
            '“The bridge will reopen in May," the council said.',
            "The bridge will reopen in May,",
            id="curly-open-straight-close",
        ),
        pytest.param(
            '"The bridge will reopen in May,” the council said.',
            "The bridge will reopen in May,",
            id="straight-open-curly-close",
        ),
        pytest.param(
            "„The bridge will reopen in May,“ the council said.",
            "The bridge will reopen in May,",
            id="low-open-high-close",
        ),
        pytest.param(
            "The council said: “The bridge will reopen in May.”",
            "The bridge will reopen in May.",
            id="after-a-colon",
        ),
    ],
)
def test_quote_marks_of_every_style_pair_up(text: str, expected: str) -> None:
    """Straight, curly and mixed pairs all delimit a quotation."""
    quote = only_quote(text)
    assert expected == quote.text
    assert text[quote.start : quote.end] == quote.text


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    """Single marks inside a double-quoted quotation are part of its text."""
    text = (
        "\"He looked at me and said 'not today,' then walked off,\" "
        "said Hannah Price."
    )
    quote = only_quote(text)
    expected = "He looked at me and said 'not today,' then walked off,"
    assert expected == quote.text
    expected = "Hannah Price"
    assert expected == quote.speaker


def test_double_quotes_nest_inside_single_quote_house_style() -> None:
    """In an article quoting with single marks, inner doubles stay inside."""
    texts = [
        (
            "Oliver Grant said: ‘My neighbour shouted “fire” and we ran out of "
            "the house as fast as we could.’"
        ),
        "His wife added: ‘We lost everything in the blaze that night.’",
    ]
    expected = [
        (
            "My neighbour shouted “fire” and we ran out of the house as fast as "
            "we could."
        ),
        "We lost everything in the blaze that night.",
    ]
    assert expected == words_of(texts)


def test_quotation_split_by_its_attribution_gives_two_quotes() -> None:
    """'"A," she said. "B."' is two quotations by the same speaker."""
    text = (
        '"We trained for this all winter," said coach Maria Okafor. '
        '"Nobody expected the snow to melt so early."'
    )
    [quotes] = find_quotes([text])
    expected = [
        "We trained for this all winter,",
        "Nobody expected the snow to melt so early.",
    ]
    assert expected == [quote.text for quote in quotes]
    expected = ["Maria Okafor", "Maria Okafor"]
    assert expected == [q.speaker for q in quotes]
    expected = ["said", "said"]
    assert expected == [q.verb for q in quotes]


def test_quotation_over_several_paragraphs_continues() -> None:
    """A paragraph that opens a quote without closing it continues it."""
    texts = [
        (
            "Harbour master Ines Duarte said: “The storm took three boats off "
            "their moorings overnight."
        ),
        "“Two of them sank before the crews could reach them.",
        "“We are asking owners to check their insurance.”",
        "The harbour reopens on Friday.",
    ]
    found = find_quotes(texts)
    expected = [True, True, False]
    assert expected == [q.continues for (q,) in found[:3]]
    expected = ()
    assert expected == found[3]
    expected = ["Ines Duarte"] * 3
    assert expected == speakers_of(texts)


def test_quotation_over_paragraphs_takes_the_speaker_named_at_its_end() -> (
    None
):
    """The attribution after the last part names the speaker of every part."""
    texts = [
        "“The repairs will take most of the summer.",
        (
            "“After that the museum will open late on Thursdays,” said curator "
            "Tomasz Nowak."
        ),
    ]
    expected = ["Tomasz Nowak", "Tomasz Nowak"]
    assert expected == speakers_of(texts)


def test_unclosed_quote_not_reopened_does_not_continue() -> None:
    """A missing closing mark does not make the next paragraph a quote."""
    texts = [
        'She told the hearing: "I saw the van leave at noon.',
        "The van was found two days later.",
    ]
    found = find_quotes(texts)
    assert not found[0][0].continues
    expected = ()
    assert expected == found[1]


# -- single-quote house style ----------------------------------------------


def test_single_quote_house_style_is_recognised() -> None:
    """An article that quotes with single marks gets its quotations."""
    texts = [
        (
            "Lifeboat volunteer Sam Ortiz said: ‘We were out for six hours in "
            "the worst swell I have seen.’"
        ),
        "The charity said ‘every crew member came home safe’ at dawn.",
        "Ortiz added: ‘It is what we train for.’",
    ]
    expected = [
        "We were out for six hours in the worst swell I have seen.",
        "every crew member came home safe",
        "It is what we train for.",
    ]
    assert expected == words_of(texts)
    expected = ["Sam Ortiz", "charity", "Sam Ortiz"]
    assert expected == [
        s if s is None else s.removeprefix("The ") for s in speakers_of(texts)
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The band’s sound owes a lot to the ’70s.", id="decade"),
        pytest.param(
            "It was pure rock ’n’ roll, and Oslo’s fans loved it.",
            id="rock-n-roll",
        ),
        pytest.param(
            "The nurses’ union met the dockers’ union on Monday.",
            id="plural-possessives",
        ),
        pytest.param(
            "It's the club's best season since '98, isn't it.",
            id="straight-apostrophes",
        ),
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    """Apostrophes in contractions, possessives and years quote nothing."""
    expected = []
    assert expected == words_of([text])


def test_plural_possessive_inside_a_single_quote_does_not_end_it() -> None:
    """‘... the members’ vote ...’ ends at its real closing mark."""
    text = (
        "Union leader Ada Byrne said ‘the members’ vote was clear and we "
        "will strike on Monday’."
    )
    expected = ["the members’ vote was clear and we will strike on Monday"]
    assert expected == words_of([text])


# -- what is not a quotation -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The library will host a reading of a novel called "
            "“The Quiet Harbour” next week.",
            id="title-of-a-work",
        ),
        pytest.param(
            "The ministry mailed its ‘Ready for winter’ leaflet to every "
            "household.",
            id="title-used-as-modifier",
        ),
        pytest.param(
            'Volunteers wore vests with "STEWARD" printed on the back.',
            id="words-on-an-object",
        ),
        pytest.param(
            'The agency defines an "affordable" rent as a third of income.',
            id="defined-term",
        ),
        pytest.param(
            'The plan promises a "greener" city by 2030.',
            id="scare-quote",
        ),
        pytest.param(
            'He is accused of "sabotage" over the pipeline blast.',
            id="name-of-a-charge",
        ),
    ],
)
def test_titles_labels_terms_and_scare_quotes_are_not_quotes(
    text: str,
) -> None:
    """Quoted words that nobody is presented as saying are not quotations."""
    expected = []
    assert expected == words_of([text])


@pytest.mark.parametrize(
    ("text", "expected", "speaker"),
    [
        pytest.param(
            "The mayor has called the plan a “betrayal” of the town.",
            "betrayal",
            "mayor",
            id="called-it",
        ),
        pytest.param(
            "The inquiry heard that the fire was described by a senior "
            'firefighter as "the worst I have attended".',
            "the worst I have attended",
            "a senior firefighter",
            id="described-by-as",
        ),
        pytest.param(
            'Police have characterised Dunn as the "ringleader" of the gang.',
            "ringleader",
            "Police",
            id="characterised-as",
        ),
        pytest.param(
            "The regulator disputed the figures on Monday, calling the "
            'airline\'s account "misleading".',
            "misleading",
            "regulator",
            id="participle-takes-the-sentence-subject",
        ),
        pytest.param(
            'The study is "deeply flawed", said economist Rita Mendes.',
            "deeply flawed",
            "Rita Mendes",
            id="attribution-after",
        ),
    ],
)
def test_partial_quotes_presented_as_someones_words_count(
    text: str, expected: str, speaker: str
) -> None:
    """A quoted phrase attributed in its sentence is a quotation."""
    quote = only_quote(text)
    assert expected == quote.text
    assert quote.speaker is not None
    assert speaker.lower() in quote.speaker.lower()


def test_sign_text_counts_without_a_speaker() -> None:
    """Words on a sign or banner are quoted, but nobody said them."""
    quote = only_quote(
        "Marchers carried a banner that read “Hands off our ferry”."
    )
    expected = "Hands off our ferry"
    assert expected == quote.text
    assert quote.speaker is None


# -- attribution forms -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "verb"),
    [
        pytest.param(
            '"Prices will fall next year," said Lena Holm.',
            "Lena Holm",
            "said",
            id="said-x",
        ),
        pytest.param(
            '"Prices will fall next year," Lena Holm said.',
            "Lena Holm",
            "said",
            id="x-said",
        ),
        pytest.param(
            '"Prices will fall next year," Lena Holm told reporters.',
            "Lena Holm",
            "told",
            id="x-told-y",
        ),
        pytest.param(
            'Lena Holm told the Tribune that "prices will fall next year."',
            "Lena Holm",
            "told",
            id="x-told-y-that",
        ),
        pytest.param(
            '"Prices will fall next year," the Central Bank of Norland said '
            "in a statement.",
            "Central Bank of Norland",
            "said",
            id="organisation-said-in-a-statement",
        ),
        pytest.param(
            'According to the Port Authority, the quay is "unsafe for heavy '
            'lorries and must close."',
            "Port Authority",
            None,
            id="according-to-x",
        ),
        pytest.param(
            'Lena Holm wrote on social media: "Prices will fall next year."',
            "Lena Holm",
            "wrote",
            id="x-wrote",
        ),
        pytest.param(
            "The charity's report said: “Hunger has doubled in two years.”",
            "charity",
            "said",
            id="document-speaks-for-its-author",
        ),
        pytest.param(
            '"Prices will fall next year," a senior bank official said.',
            "a senior bank official",
            "said",
            id="unnamed-source-keeps-its-description",
        ),
        pytest.param(
            "The cuts were criticised by unions and Mark Ellis, who posted: "
            "“This is a sad day for the city.”",
            "Mark Ellis",
            "posted",
            id="who-posted",
        ),
    ],
)
def test_attribution_forms_name_speaker_and_verb(
    text: str, speaker: str, verb: str | None
) -> None:
    """Each news attribution form gives the speaker and the verb."""
    quote = only_quote(text)
    assert quote.speaker is not None
    assert speaker.lower() == quote.speaker.lower().removeprefix("the ")
    assert verb == quote.verb


@pytest.mark.parametrize(
    ("text", "speaker", "outlet"),
    [
        pytest.param(
            '"The border is calm," the Defence Ministry said in a statement, '
            "Nordic Wire reported.",
            "Defence Ministry",
            "Nordic Wire",
            id="x-reported",
        ),
        pytest.param(
            '"The border is calm," General Staff spokesman Ivan Petrov said, '
            "according to Nordic Wire.",
            "Ivan Petrov",
            "Nordic Wire",
            id="according-to-outlet",
        ),
    ],
)
def test_reporting_outlet_is_kept_apart_from_the_speaker(
    text: str, speaker: str, outlet: str
) -> None:
    """'X said, Y reported' and 'X said, according to Y' fill the outlet."""
    quote = only_quote(text)
    assert speaker == quote.speaker
    assert outlet == quote.outlet


def test_outlet_alone_is_the_source() -> None:
    """'..., the Gazette reported' with nobody else named is the source."""
    quote = only_quote(
        'Staff had been told to expect "serious delays" at the depot, '
        "the Valley Gazette reported."
    )
    expected = "Valley Gazette"
    assert expected == quote.speaker


def test_unnamed_group_keeps_its_description() -> None:
    """'..., officials said' names the officials, not someone before."""
    texts = [
        "Mayor Ida Strand opened the bridge in 2019.",
        '"The bridge is unsafe for lorries and buses," officials said.',
    ]
    expected = ["officials"]
    assert expected == speakers_of(texts)


def test_document_named_again_speaks_for_the_same_author() -> None:
    """After "the union's letter said", "the letter said" is the union's."""
    texts = [
        "The union's letter to the board said: “We cannot accept this.”",
        "Chair Omar Haddad read it aloud.",
        "The letter also said that “talks must resume within a week.”",
    ]
    expected = ["union", "union"]
    assert expected == speakers_of(texts)


def test_passive_agent_is_not_the_speaker() -> None:
    """In "questions raised by the inquiry as '...'" the inquiry says nothing."""
    text = (
        "The ministry rejected the questions raised by the inquiry as "
        "“biased and one-sided”."
    )
    expected = "ministry"
    assert expected == only_quote(text).speaker


# -- names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            '"We are ready," Chief Inspector Ruth Adeyemi said.',
            "Ruth Adeyemi",
            id="rank",
        ),
        pytest.param(
            '"We are ready," Harbour Authority spokesperson Ian Moss said.',
            "Ian Moss",
            id="organisation-and-role-before-name",
        ),
        pytest.param(
            '"We are ready," said Tom Reid, 47, a fisherman from Oban.',
            "Tom Reid",
            id="age-and-appositive-after",
        ),
        pytest.param(
            "Anna Berg, director of the city museum, said: “We are ready.”",
            "Anna Berg",
            id="appositive-before-verb",
        ),
        pytest.param(
            "On Monday, the fire chief, Colonel Jan Novak, said: "
            "“We are ready.”",
            "Jan Novak",
            id="role-then-name-appositive",
        ),
        pytest.param(
            '"We are ready," the Coast Guard said.',
            "Coast Guard",
            id="organisation-without-the",
        ),
    ],
)
def test_titles_ranks_and_ages_are_dropped_from_speakers(
    text: str, speaker: str
) -> None:
    """The speaker is the name alone, without titles, roles or ages."""
    assert speaker == only_quote(text).speaker


def test_pronoun_resolves_to_the_person_named_before() -> None:
    """'he said' names the person the text last talked about."""
    texts = [
        "Pilot Marcus Webb landed the plane on one engine.",
        '"I just followed the checklist," he said.',
    ]
    expected = ["Marcus Webb"]
    assert expected == speakers_of(texts)


def test_he_and_she_skip_organisations_and_countries() -> None:
    """A pronoun for a person is not resolved to a newspaper or a country."""
    texts = [
        "Economist Priya Nair studied the figures for a decade.",
        "The Morning Ledger reported the findings on Sunday.",
        '"The trend is unmistakable," she said.',
    ]
    expected = ["Priya Nair"]
    assert expected == speakers_of(texts)


def test_short_name_resolves_to_the_fullest_name() -> None:
    """'said Okafor' is the Maria Okafor the article named earlier."""
    texts = [
        "Maria Okafor runs the only bakery in the village.",
        "The bakery opened in 1998.",
        '"Bread is the last thing we will stop making," said Okafor.',
    ]
    expected = ["Maria Okafor"]
    assert expected == speakers_of(texts)


def test_full_name_may_come_from_context() -> None:
    """A caption or headline may be the only place a full name appears."""
    speakers = speakers_of(
        ['"The vote is close," said Lindqvist.'],
        context=["Party leader Erik Lindqvist at the rally on Friday."],
    )
    expected = ["Erik Lindqvist"]
    assert expected == speakers


def test_titled_first_name_resolves_to_the_full_name() -> None:
    """'Sir Tom said' is Tom Bell when the article names him so."""
    texts = [
        "Sir Tom Bell opened the new wing on Tuesday.",
        "Sir Tom said: “It is a great day for the hospital.”",
    ]
    expected = ["Tom Bell"]
    assert expected == speakers_of(texts)


def test_country_is_not_expanded_to_a_person_of_that_first_name() -> None:
    """'Jordan said' stays Jordan even if a Jordan Hale is named."""
    texts = [
        "Jordan Hale covers the region for the paper.",
        "Jordan said the crossing would stay “closed until further notice.”",
    ]
    expected = ["Jordan"]
    assert expected == speakers_of(texts)


def test_first_name_resolves_to_the_person_the_article_keeps_naming() -> None:
    """'Priya wrote' is Priya Raman when the article names her so often."""
    texts = [
        "Priya Raman grew up above a tailor's shop in Leeds.",
        "Years later, Priya Raman still keeps her old school diary.",
        "Priya wrote in it: “Tomorrow I will learn to swim.”",
    ]
    expected = ["Priya Raman"]
    assert expected == speakers_of(texts)


def test_country_named_mostly_alone_stays_a_country() -> None:
    """'Chad' named alone more often than Chad Moss stays the country."""
    texts = [
        "Chad closed its border on Monday, and trade with Chad stopped.",
        "Aid groups said Chad had given no warning.",
        "Chad Moss, a trucker, waited two days. Chad Moss slept in his cab.",
        "Chad said the border would reopen “once calm returns.”",
    ]
    expected = ["Chad"]
    assert expected == speakers_of(texts)


def test_verb_of_a_clause_opened_after_the_speech_verb_is_skipped() -> None:
    """'He said after the tribunal had ruled, ...' is spoken, not ruled."""
    texts = [
        "Tomas Berg, the harbour master, testified on Monday.",
        (
            "He said after the tribunal had ruled, in March, that the pier"
            " must close, there had been “a lot of anger” among fishermen."
        ),
    ]
    [[], [quote]] = find_quotes(texts)
    assert (quote.speaker, quote.verb) == ("Tomas Berg", "said")


def test_name_after_a_described_subject_and_was_is_remembered() -> None:
    """'The first speaker was Hana Ito' makes Hana Ito the 'she' after it."""
    texts = [
        (
            "The first speaker at the inquiry was retired engineer Hana Ito,"
            " who built the bridge."
        ),
        "She said the cables had been “inspected every spring”.",
    ]
    expected = ["Hana Ito"]
    assert expected == speakers_of(texts)


def test_subject_of_the_first_verb_when_the_speech_verb_has_none() -> None:
    """'X had been praised because he ... had posted, "..."' is X's."""
    texts = [
        (
            "Kofi Mensah had been praised because he was a generous donor"
            " and, in May, had posted to volunteers, “We need more rice.”"
        ),
    ]
    expected = ["Kofi Mensah"]
    assert expected == speakers_of(texts)


def test_members_speak_for_the_body_they_sit_on_named_in_full() -> None:
    """'members of the X Committee' and then 'the members' are the body."""
    texts = [
        (
            "After the vote, members of the Finance Committee of the Northern"
            " Assembly, led by chair Ada Lowe, asked for “a full audit”."
        ),
        "In a note, the members wrote that it was “two years overdue”.",
    ]
    expected = ["Finance Committee of the Northern Assembly"] * 2
    assert expected == speakers_of(texts)


def test_acronym_resolves_to_the_name_it_stands_for() -> None:
    """'the CRS said' names the Coastal Rescue Service defined earlier."""
    texts = [
        "The Coastal Rescue Service (CRS) sent two boats.",
        '"Both sailors are safe," the CRS said.',
    ]
    expected = ["Coastal Rescue Service"]
    assert expected == speakers_of(texts)


def test_description_refers_back_to_the_person_named() -> None:
    """'the minister said' is the minister the text is about."""
    texts = [
        "Transport Minister Clara Voss unveiled the rail plan on Monday.",
        '"This is the biggest investment in a generation," the minister said.',
    ]
    expected = ["Clara Voss"]
    assert expected == speakers_of(texts)


def test_body_description_refers_back_to_the_organisation() -> None:
    """'the department said' is the body named last, not a person."""
    texts = [
        "Engineer Lars Moe works for the Vestby Regional Council.",
        "According to Vestby Roads, repairs will start in June.",
        '"Crews will work at night," the department said.',
    ]
    expected = ["Vestby Roads"]
    assert expected == speakers_of(texts)


def test_quote_alone_in_its_paragraph_takes_the_last_speaker() -> None:
    """A paragraph that is only a quotation continues the last speaker."""
    texts = [
        '"The river rose a metre in an hour," said farmer Gwen Lloyd.',
        '"We moved the sheep to the top field just in time."',
    ]
    expected = ["Gwen Lloyd", "Gwen Lloyd"]
    assert expected == speakers_of(texts)


def test_source_at_the_end_of_the_sentence_attributes_a_partial_quote() -> (
    None
):
    """'X "likely" did Y, according to the report' attributes the word."""
    quote = only_quote(
        'The crew "likely" fired twice, according to the report into the '
        "crash."
    )
    expected = ("likely", "report")
    assert expected == (quote.text, quote.speaker)


def test_seed_quotes_speakers_verbs_and_outlets(seed_text: str) -> None:
    """The seed's five quotations come with their exact attributions."""
    article = parse_text(seed_text)
    expected = [
        ("Belarusian Defense Ministry", "said", None),
        ("Belarusian Defense Ministry", "said", "Interfax"),
        ("Belarusian Defense Ministry", "said", "Interfax"),
        ("Oleg Poznyak", "said", "Interfax"),
        ("a Pentagon senior defense official", "described", None),
    ]
    assert expected == [(q.speaker, q.verb, q.outlet) for q in article.quotes]
    expected_starts = [
        "Currently, mobilization",
        "Currently, mobilization",
        "There is no need",
        "Recently, including",
        "yet another sign",
    ]
    assert all(
        quote.text.startswith(start)
        for quote, start in zip(article.quotes, expected_starts, strict=True)
    )


# -- robustness --------------------------------------------------------------


def test_empty_input_gives_no_quotes() -> None:
    """No texts, or texts without marks, give empty tuples."""
    expected = []
    assert expected == find_quotes([])
    expected = [(), ()]
    assert expected == find_quotes(["No quotes here.", "Nor here."])


_MARKS = st.sampled_from(
    ['"', "“", "”", "'", "‘", "’", " ", ",", ".", ":", "\n", "\u00a0", "—"]
)
_WORDS = st.sampled_from(
    ["said", "he", "she", "told", "the", "Ana Ruiz", "according to", "as"]
)
_NEWSY_TEXT = st.lists(
    st.one_of(_MARKS, _WORDS, st.text(max_size=5)), max_size=40
).map("".join)


@given(st.lists(st.one_of(_NEWSY_TEXT, st.text()), max_size=6))
def test_quotes_always_build_valid_paragraphs(texts: list[str]) -> None:
    """For any text, the quotes found fit their paragraph and never clash."""
    found = find_quotes(texts)
    assert len(texts) == len(found)
    for text, quotes in zip(texts, found, strict=True):
        if text.strip():
            Paragraph(text=text, quotes=quotes)
        else:
            expected = ()
            assert expected == quotes
