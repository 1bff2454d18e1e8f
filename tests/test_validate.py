"""validate() finds what a news desk checks; check() raises on it."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from attrs import frozen
from hypothesis import given

import newsdoc
from newsdoc import (
    Article,
    ArticleMeta,
    Credit,
    Figure,
    Heading,
    Paragraph,
    Problem,
    Quote,
    Severity,
    ValidationError,
    check,
    validate,
)
from newsdoc.validate import HEADLINE_MAX, RULES, Rule
from tests.strategies import articles


DOCS = Path(__file__).resolve().parent.parent / "docs"

FIRST = (
    "LONDON, May 1 (Reuters) - A storm hit the south coast on Friday, "
    '"the worst in years," the Met Office said.'
)
CREDIT = Credit(
    raw="photo credit: JANE DOE/REUTERS",
    label="photo credit",
    creators=("JANE DOE",),
    agencies=("REUTERS",),
)

#: An article that passes every rule; each case below breaks one.
CLEAN = Article(
    headline="Storm batters the south coast",
    standfirst=Paragraph(text="Thousands of homes are without power."),
    byline="By Sam Reporter",
    dateline="LONDON, May 1 (Reuters)",
    body=(
        Paragraph(
            text=FIRST,
            quotes=(
                Quote(
                    text="the worst in years,",
                    start=FIRST.index("the worst"),
                    end=FIRST.index('," the') + 1,
                    speaker="the Met Office",
                    verb="said",
                ),
            ),
        ),
        Figure(caption="Waves break over the sea wall.", credit=CREDIT),
        Heading(text="Clearing up"),
        Paragraph(text="Crews worked through the night."),
    ),
    meta=ArticleMeta(language="en-GB"),
)


def edit(**changes: Any) -> Article:
    """The clean article with some fields changed."""
    return attrs.evolve(CLEAN, **changes)


def with_body(*blocks: object) -> Article:
    """The clean article with its first paragraph followed by *blocks*."""
    return edit(body=(CLEAN.body[0], *blocks))


def quoted(text: str, *quotes: Quote) -> Paragraph:
    """A paragraph of *text* with *quotes*."""
    return Paragraph(text=text, quotes=quotes)


def quote_of(text: str, words: str, **fields: object) -> Quote:
    """The quote of *words*, located in *text*."""
    start = text.index(words)
    return Quote(text=words, start=start, end=start + len(words), **fields)  # type: ignore[arg-type]


CHAOS = '"It was chaos," said one.'
RUN_ON = '"We will not give up. We will rebuild,'
RUN_ON_NEXT = '"Every house," she said.'


@frozen
class Case:
    """A rule's passing article and failing article, and where it fails."""

    good: Article
    bad: Article
    paths: tuple[str, ...]


CASES: dict[str, Case] = {
    "ND101": Case(
        good=edit(headline="x" * HEADLINE_MAX),
        bad=edit(headline="x" * (HEADLINE_MAX + 1)),
        paths=("headline",),
    ),
    "ND102": Case(
        good=edit(headline="Storm batters the U.S."),
        bad=edit(headline="Storm batters the coast."),
        paths=("headline",),
    ),
    "ND103": Case(
        good=with_body(Paragraph(text="Storm batters the coast again")),
        bad=edit(standfirst=Paragraph(text="Storm batters the south coast.")),
        paths=("standfirst",),
    ),
    "ND104": Case(
        good=edit(standfirst=Paragraph(text="The storm hit the south coast.")),
        bad=edit(
            standfirst=Paragraph(
                text="A storm  hit the South coast on Friday,"
            )
        ),
        paths=("standfirst",),
    ),
    "ND105": Case(
        good=edit(byline="By Bystander Staff"),
        bad=edit(byline="By —"),
        paths=("byline",),
    ),
    "ND106": Case(
        good=edit(body=(Figure(caption="Waves.", credit=CREDIT), *CLEAN.body)),
        bad=edit(dateline="PARIS, May 1 (Reuters)"),
        paths=("dateline",),
    ),
    "ND201": Case(
        good=edit(
            body=(Paragraph(text="Just one paragraph."),), dateline=None
        ),
        bad=edit(
            body=(Figure(caption="Waves.", credit=CREDIT),), dateline=None
        ),
        paths=("body",),
    ),
    "ND202": Case(
        good=with_body(Paragraph(text="1")),
        bad=with_body(Paragraph(text="* * *")),
        paths=("body[1]",),
    ),
    "ND203": Case(
        good=with_body(
            Figure(caption="Waves.", credit=CREDIT),
            Figure(
                caption="Waves.", credit=Credit(raw="AP", agencies=("AP",))
            ),
        ),
        bad=with_body(
            Paragraph(text="Crews worked."),
            Heading(text="Next"),
            Paragraph(text="Crews  worked."),
        ),
        paths=("body[3]",),
    ),
    "ND204": Case(
        good=with_body(Heading(text="What happens next?"), *CLEAN.body[3:]),
        bad=with_body(
            Heading(text="Crews worked all night."), *CLEAN.body[3:]
        ),
        paths=("body[1]",),
    ),
    "ND205": Case(
        good=with_body(
            Heading(text="Damage"),
            Heading(text="On the coast", level=3),
            *CLEAN.body[3:],
        ),
        bad=with_body(
            Heading(text="Damage"), Heading(text="Inland"), *CLEAN.body[3:]
        ),
        paths=("body[1]",),
    ),
    "ND301": Case(
        good=CLEAN,
        bad=with_body(Figure(caption="Waves break over the sea wall.")),
        paths=("body[1]",),
    ),
    "ND302": Case(
        good=with_body(
            Figure(
                caption="Waves.", credit=Credit(raw="File photo", file=True)
            )
        ),
        bad=with_body(
            Figure(
                caption="Waves.", credit=Credit(raw="courtesy", label="credit")
            )
        ),
        paths=("body[1].credit",),
    ),
    "ND303": Case(
        good=CLEAN,
        bad=with_body(Figure(credit=CREDIT)),
        paths=("body[1]",),
    ),
    "ND304": Case(
        good=with_body(
            Figure(caption="Waves.", credit=CREDIT, image="w.jpg", alt="Waves")
        ),
        bad=with_body(Figure(caption="Waves.", credit=CREDIT, image="w.jpg")),
        paths=("body[1]",),
    ),
    "ND401": Case(
        # The speaker is named where the run-on quotation ends.
        good=with_body(
            quoted(RUN_ON, quote_of(RUN_ON, RUN_ON[1:], continues=True)),
            quoted(
                RUN_ON_NEXT,
                quote_of(RUN_ON_NEXT, "Every house,", speaker="Ann"),
            ),
        ),
        bad=edit(standfirst=quoted(CHAOS, quote_of(CHAOS, "It was chaos,"))),
        paths=("standfirst.quotes[0]",),
    ),
    "ND402": Case(
        good=with_body(
            quoted(
                RUN_ON,
                quote_of(RUN_ON, RUN_ON[1:], continues=True, speaker="Ann"),
            ),
            Paragraph(text='“Mixed pairs close," he said; «so do these».'),
        ),
        bad=with_body(Paragraph(text='He called it "the worst storm.')),
        paths=("body[1].text",),
    ),
    "ND501": Case(
        good=edit(byline="By Sam\tReporter"),
        bad=with_body(
            Figure(
                caption="Waves.",
                credit=attrs.evolve(CREDIT, raw="JANE\x00DOE"),
            )
        ),
        paths=("body[1].credit.raw",),
    ),
    "ND502": Case(
        good=edit(headline="Storm batters SÃO PAULO café"),
        bad=edit(headline="Storm batters cafÃ© and hotel"),
        paths=("headline",),
    ),
    "ND503": Case(
        good=edit(byline="By Sam\u200dReporter"),
        bad=edit(byline="By Sam\u200bReporter"),
        paths=("byline",),
    ),
    "ND504": Case(
        good=CLEAN,
        bad=with_body(Paragraph(text="Crews worked through the night. ")),
        paths=("body[1].text",),
    ),
    "ND601": Case(
        good=CLEAN,
        bad=edit(meta=ArticleMeta()),
        paths=("meta.language",),
    ),
    "ND602": Case(
        good=edit(
            meta=ArticleMeta(
                language="en",
                published=datetime(2024, 5, 1, 9, tzinfo=UTC),
                modified=datetime(2024, 5, 1, 9, tzinfo=UTC),
            )
        ),
        bad=edit(
            meta=ArticleMeta(
                language="en",
                published=datetime(2024, 5, 1, 9, tzinfo=UTC),
                modified=datetime(2024, 5, 1, 8, tzinfo=UTC),
            )
        ),
        paths=("meta.modified",),
    ),
}


def found(article: Article, code: str) -> list[str]:
    """The paths where *article* breaks the rule *code*."""
    return [p.path for p in validate(article) if p.code == code]


def test_clean_article_passes_every_rule() -> None:
    """The reference article used by the cases has no problem at all."""
    assert validate(CLEAN) == ()


def test_every_rule_has_a_case() -> None:
    """A rule cannot be added without a passing and a failing article."""
    assert sorted(CASES) == [rule.code for rule in RULES]


def test_rules_have_unique_codes_and_names_in_code_order() -> None:
    """Codes and names are stable keys: unique, and the table is sorted."""
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert sorted(set(codes)) == codes
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"ND[1-6]\d\d", code) for code in codes)
    assert len(RULES) >= 12


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_passes_its_good_article(rule: Rule) -> None:
    """The rule finds nothing in an article that keeps it."""
    assert found(CASES[rule.code].good, rule.code) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_flags_its_bad_article(rule: Rule) -> None:
    """The rule finds its problem, at the right path and severity."""
    case = CASES[rule.code]
    problems = [p for p in validate(case.bad) if p.code == rule.code]
    assert list(case.paths) == [p.path for p in problems]
    assert {rule.severity} == {p.severity for p in problems}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_breaks_only_itself_in_its_bad_article(rule: Rule) -> None:
    """Each failing article is a focused example: no other warning or error."""
    others = [
        p
        for p in validate(CASES[rule.code].bad)
        if p.code != rule.code and p.severity != Severity.INFO
    ]
    assert others == []


@pytest.mark.parametrize(
    ("headline", "flagged"),
    [
        ("Storm hits the coast.", True),
        ("Storm hits the coast", False),
        ("Storm hits the coast...", False),
        ("Storm hits the U.S.", False),
        ("Shares fall at 9 a.m.", False),
        ("Takeover talks at Acme Inc.", False),
        ("Storm hits Main St.", False),
        ("Is this the end?", False),
    ],
)
def test_headline_full_stop_spares_abbreviations(
    headline: str, *, flagged: bool
) -> None:
    """A full stop is flagged; an ellipsis or an abbreviation's dot is not."""
    assert flagged == bool(found(edit(headline=headline), "ND102"))


@pytest.mark.parametrize(
    ("heading", "flagged"),
    [
        ("Russia's mobilization for the Ukraine invasion", False),
        ("What comes next?", False),
        ("Life in the U.S.", False),
        ("Meet Dr. Smith and Mrs. Jones", False),
        ("From the U.S. Army to Wall St. Journal", False),
        ("Crews worked through the night.", True),
        ("Crews worked. Then they slept", True),
        (" ".join(["word"] * 16), True),
    ],
)
def test_heading_sentence(heading: str, *, flagged: bool) -> None:
    """Full stops, two sentences or many words make a heading a paragraph."""
    article = with_body(Heading(text=heading), *CLEAN.body[3:])
    assert flagged == bool(found(article, "ND204"))


def test_empty_section_at_the_end_of_the_body() -> None:
    """A heading as the last block has nothing under it."""
    assert found(with_body(Heading(text="More")), "ND205") == ["body[1]"]


def test_standfirst_repeating_after_the_dateline() -> None:
    """The dateline that opens the first paragraph is ignored in comparing."""
    standfirst = Paragraph(text="A storm hit the south coast on Friday")
    assert found(edit(standfirst=standfirst), "ND104") == ["standfirst"]


def test_standfirst_after_a_bare_dateline_repeats_nothing() -> None:
    """A first paragraph that is only its dateline is not repeated."""
    article = with_body(Paragraph(text="More."))
    article = attrs.evolve(
        article,
        body=(Paragraph(text="LONDON, May 1 (Reuters) -"), *article.body[1:]),
    )
    assert found(article, "ND104") == []


def test_duplicate_figure() -> None:
    """A figure with the same caption and credit as an earlier one repeats."""
    figure = Figure(caption="Waves.", credit=CREDIT)
    article = with_body(figure, Paragraph(text="More."), figure)
    assert found(article, "ND203") == ["body[3]"]


def test_quote_continuing_into_unattributed_paragraph() -> None:
    """A run-on quotation with no speaker anywhere is reported once, first."""
    article = with_body(
        quoted(RUN_ON, quote_of(RUN_ON, RUN_ON[1:], continues=True)),
        quoted(RUN_ON_NEXT, quote_of(RUN_ON_NEXT, "Every house,")),
    )
    assert found(article, "ND401") == ["body[1].quotes[0]"]


def test_quote_after_run_on_chain_is_its_own_quotation() -> None:
    """Only the first quote of the next paragraph joins a run-on quotation."""
    text = '"Every house," she said. "And the shops."'
    article = with_body(
        quoted(RUN_ON, quote_of(RUN_ON, RUN_ON[1:], continues=True)),
        quoted(
            text,
            quote_of(text, "Every house,", speaker="Ann"),
            quote_of(text, "And the shops."),
        ),
    )
    assert found(article, "ND401") == ["body[2].quotes[1]"]


@pytest.mark.parametrize(
    ("words", "flagged"),
    [("terrorism", False), ("so what", False), ("no comment today", True)],
)
def test_short_quotes_are_scare_quotes(words: str, *, flagged: bool) -> None:
    """One or two quoted words need no speaker; three are a quotation."""
    text = f'Police called it "{words}" on Friday.'
    article = with_body(quoted(text, quote_of(text, words)))
    assert flagged == bool(found(article, "ND401"))


def test_unbalanced_marks_in_the_standfirst() -> None:
    """The standfirst's quote marks are checked like a paragraph's."""
    article = edit(standfirst=Paragraph(text="It was “the worst storm."))
    assert found(article, "ND402") == ["standfirst.text"]


def test_run_on_quote_with_closing_mark_is_unbalanced() -> None:
    """A run-on quote that is closed after all leaves an even count wrong."""
    text = '"We will rebuild."'
    article = with_body(
        quoted(
            text,
            quote_of(text, "We will rebuild.", continues=True, speaker="Ann"),
        ),
        Paragraph(text="More."),
    )
    assert found(article, "ND402") == ["body[1].text"]


def test_xml_unsafe_characters_in_every_text_field() -> None:
    """Speakers, keywords and credits are checked, not just paragraphs."""
    text = '"Go," she said.'
    article = with_body(
        quoted(text, quote_of(text, "Go,", speaker="Ann\x1b")),
    )
    article = attrs.evolve(
        article, meta=ArticleMeta(language="en", keywords=("ok", "bad\ufffe"))
    )
    assert found(article, "ND501") == [
        "body[1].quotes[0].speaker",
        "meta.keywords[1]",
    ]


def test_replacement_character_is_encoding_damage() -> None:
    """U+FFFD marks a character lost in decoding."""
    assert found(edit(byline="By Jos\ufffd Reporter"), "ND502") == ["byline"]


def test_problem_reads_like_a_linter_line() -> None:
    """str() gives path, code, severity and message."""
    problem = Problem("ND401", "warning", "body[3].quotes[0]", "no speaker")
    assert str(problem) == "body[3].quotes[0]: ND401 warning: no speaker"
    assert Severity.WARNING is problem.severity


def test_problem_refuses_an_unknown_severity() -> None:
    """A severity outside error/warning/info is a ValueError naming them."""
    with pytest.raises(ValueError, match="'error', 'warning', 'info'"):
        Problem("ND101", "fatal", "headline", "x")  # type: ignore[arg-type]


def test_severities_are_ranked() -> None:
    """Errors outrank warnings, which outrank infos; they are strings."""
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank
    assert isinstance(Severity.ERROR, str)
    assert Severity("error") is Severity.ERROR


#: One error (ND501), one warning (ND102) and one info (ND504).
MIXED = edit(headline="Storm hits the coast.", byline="By Sam\x00 ")


def test_mixed_article_has_one_problem_of_each_severity() -> None:
    """The article the threshold tests use holds what they assume."""
    severities = [p.severity for p in validate(MIXED)]
    assert severities == ["warning", "error", "info"]


@pytest.mark.parametrize(
    ("fail_on", "codes"),
    [
        ("error", ["ND501"]),
        ("warning", ["ND102", "ND501"]),
        ("info", ["ND102", "ND501", "ND504"]),
        (Severity.WARNING, ["ND102", "ND501"]),
    ],
)
def test_check_raises_with_problems_at_or_above_threshold(
    fail_on: Severity, codes: list[str]
) -> None:
    """check() carries every problem at or above fail_on, none below."""
    with pytest.raises(ValidationError) as caught:
        check(MIXED, fail_on=fail_on)
    assert codes == [p.code for p in caught.value.problems]


def test_check_passes_below_threshold() -> None:
    """Warnings do not fail the default threshold."""
    article = edit(headline="Storm hits the coast.")
    check(article)
    with pytest.raises(
        ValidationError, match=r"1 problem in article:\n  headline: ND102"
    ):
        check(article, fail_on="warning")


def test_check_refuses_an_unknown_threshold() -> None:
    """fail_on must be a severity."""
    with pytest.raises(ValueError, match="unknown severity 'fatal'"):
        check(CLEAN, fail_on="fatal")  # type: ignore[arg-type]


def test_validation_error_is_a_value_error() -> None:
    """Plain callers can catch ValueError."""
    with pytest.raises(ValueError, match="ND501"):
        check(MIXED)


def test_problems_come_in_reading_order() -> None:
    """Paths sort as the article reads: body[2] before body[10], meta last."""
    body = [Paragraph(text=f"Paragraph {n}.") for n in range(12)]
    body[10] = Paragraph(text="Paragraph 10. ")
    body[2] = Paragraph(text="Paragraph 2. ")
    article = edit(
        body=body, dateline=None, byline=" By Sam", meta=ArticleMeta()
    )
    paths = [p.path for p in validate(article)]
    assert paths == [
        "byline",
        "body[2].text",
        "body[10].text",
        "meta.language",
    ]


def test_problems_at_one_path_sort_by_code() -> None:
    """Several problems at one place come in code order."""
    article = edit(byline="By\x00 ")
    assert [p.code for p in validate(article)] == ["ND105", "ND501", "ND504"]


def test_validate_is_deterministic() -> None:
    """Equal articles give equal problems, in the same order."""
    first = validate(CASES["ND401"].bad)
    again = validate(attrs.evolve(CASES["ND401"].bad))
    assert first == again


def test_validate_refuses_what_is_not_an_article() -> None:
    """A TypeError names what was passed instead."""
    with pytest.raises(TypeError, match="not dict"):
        validate({"headline": "x"})  # type: ignore[arg-type]


@given(articles())
def test_validate_never_raises(article: Article) -> None:
    """Any valid article gives problems with known codes, never an error."""
    codes = {rule.code for rule in RULES}
    for problem in validate(article):
        assert problem.code in codes
        assert problem.path


def test_seed_article_has_no_errors(seed_text: str) -> None:
    """The seed, as the text reader reads it, breaks no error rule."""
    parse_text = getattr(newsdoc, "parse_text", None)
    if parse_text is None:
        pytest.skip("newsdoc.parse_text is not there yet")
    problems = validate(parse_text(seed_text))
    assert [str(p) for p in problems if p.severity == Severity.ERROR] == []


def test_docs_table_lists_every_rule() -> None:
    """docs/validation.md has a row per rule with its name and severity."""
    doc = (DOCS / "validation.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| `(ND\d+)` \| `([a-z-]+)` \| (\w+) \|", doc, re.MULTILINE
    )
    assert [(r.code, r.name, str(r.severity)) for r in RULES] == rows
