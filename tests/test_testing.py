"""newsdoc.testing and the pytest plugin make article tests readable."""

from __future__ import annotations

import attrs
import pytest

from newsdoc import (
    Article,
    ArticleMeta,
    Credit,
    Figure,
    Heading,
    Paragraph,
    Quote,
)
from newsdoc.pytest_plugin import pytest_assertrepr_compare
from newsdoc.testing import assert_same_article, assert_valid, diff


# The plugin tests run pytest in a subprocess, as a user's run would: in
# process, newsdoc is already imported when the inner session loads the
# plugin, and an installed (not editable) newsdoc would then warn that it
# cannot be assertion-rewritten.
pytest_plugins = ["pytester"]

TEXT = '"We will rebuild," the mayor said.'

ARTICLE = Article(
    headline="Storm batters the south coast",
    byline="By Sam Reporter",
    body=(
        Paragraph(
            text=TEXT,
            quotes=(
                Quote(
                    text="We will rebuild,",
                    start=1,
                    end=17,
                    speaker="the mayor",
                ),
            ),
        ),
        Figure(
            caption="Waves break over the sea wall.",
            credit=Credit(raw="JANE DOE/REUTERS", creators=("JANE DOE",)),
        ),
        Heading(text="Clearing up"),
        Paragraph(text="Crews worked through the night."),
    ),
    meta=ArticleMeta(language="en", keywords=("storm", "weather")),
)


def replace_block(index: int, block: object) -> Article:
    """ARTICLE with body[index] replaced by *block*."""
    body = list(ARTICLE.body)
    body[index] = block  # type: ignore[call-overload]
    return attrs.evolve(ARTICLE, body=body)


# -- assert_valid -------------------------------------------------------------


def test_assert_valid_passes_a_valid_article() -> None:
    """An article without warnings or errors passes."""
    assert_valid(ARTICLE)


def test_assert_valid_lists_every_problem() -> None:
    """The message lists each problem as validate() reports it."""
    article = attrs.evolve(ARTICLE, headline="Storm hits.", byline="By")
    with pytest.raises(AssertionError) as caught:
        assert_valid(article)
    assert str(caught.value) == (
        "the article has 2 problems:\n"
        "  headline: ND102 warning: the headline ends in a full stop\n"
        "  byline: ND105 warning: the byline 'By' names nobody"
    )


def test_assert_valid_ignores_allowed_codes() -> None:
    """Codes in allow are not reported; a lone code may be a string."""
    article = attrs.evolve(ARTICLE, headline="Storm hits.", byline="By")
    assert_valid(article, allow=["ND102", "ND105"])
    with pytest.raises(AssertionError, match="ND105") as caught:
        assert_valid(article, allow="ND102")
    assert "ND102" not in str(caught.value)


def test_assert_valid_refuses_unknown_codes() -> None:
    """A typo in allow is an error rather than allowing nothing."""
    with pytest.raises(ValueError, match="unknown rule codes: ND999"):
        assert_valid(ARTICLE, allow=["ND102", "ND999"])


def test_assert_valid_threshold() -> None:
    """fail_on='error' lets warnings pass; 'info' fails on infos too."""
    warned = attrs.evolve(ARTICLE, headline="Storm hits.")
    assert_valid(warned, fail_on="error")
    informed = attrs.evolve(ARTICLE, meta=ArticleMeta())
    assert_valid(informed)
    with pytest.raises(AssertionError, match="ND601 info"):
        assert_valid(informed, fail_on="info")


def test_assert_valid_refuses_an_unknown_threshold() -> None:
    """fail_on must name a severity."""
    with pytest.raises(ValueError, match="unknown severity 'fatal'"):
        assert_valid(ARTICLE, fail_on="fatal")  # type: ignore[arg-type]


# -- diff ---------------------------------------------------------------------


def test_diff_of_equal_articles_is_empty() -> None:
    """Equal values, even distinct objects, have no differences."""
    assert diff(ARTICLE, attrs.evolve(ARTICLE)) == ()


def test_diff_names_the_changed_fields() -> None:
    """Each changed field is one line with its path, expected first."""
    actual = attrs.evolve(
        replace_block(3, Paragraph(text="Crews rested.")),
        headline="Storm hits the coast",
        meta=ArticleMeta(language="en-GB", keywords=("storm", "weather")),
    )
    assert diff(ARTICLE, actual) == (
        "headline: 'Storm batters the south coast' != 'Storm hits the coast'",
        "body[3].text: 'Crews worked through the night.' != 'Crews rested.'",
        "meta.language: 'en' != 'en-GB'",
    )


def test_diff_reaches_into_quotes_and_credits() -> None:
    """Paths go down to a quote's speaker and a credit's parts."""
    paragraph = ARTICLE.body[0]
    assert isinstance(paragraph, Paragraph)
    quote = attrs.evolve(paragraph.quotes[0], speaker=None)
    figure = Figure(
        caption="Waves break over the sea wall.",
        credit=Credit(raw="JANE DOE/REUTERS", creators=("JANE DOE", "AP")),
    )
    actual = replace_block(0, attrs.evolve(paragraph, quotes=(quote,)))
    actual = attrs.evolve(
        actual, body=(actual.body[0], figure, *actual.body[2:])
    )
    assert diff(ARTICLE, actual) == (
        "body[0].quotes[0].speaker: 'the mayor' != None",
        "body[1].credit.creators[1]: only in actual: 'AP'",
    )


def test_diff_lists_added_and_missing_blocks() -> None:
    """Blocks on one side only are named with a short summary."""
    added = Heading(text="Aftermath")
    actual = attrs.evolve(
        ARTICLE, body=(*ARTICLE.body[:1], *ARTICLE.body[2:], added)
    )
    assert diff(ARTICLE, actual) == (
        "body[1]: only in expected: Figure('Waves break over the sea wall.')",
        "body[3]: only in actual: Heading('Aftermath')",
    )


def test_diff_shows_a_changed_block_after_a_shift() -> None:
    """A changed block whose index moved shows both indices."""
    inserted = Paragraph(text="A new paragraph.")
    body = list(ARTICLE.body)
    body[3] = Paragraph(text="Crews rested.")
    body.insert(1, inserted)
    actual = attrs.evolve(ARTICLE, body=body)
    assert diff(ARTICLE, actual) == (
        "body[1]: only in actual: Paragraph('A new paragraph.')",
        "body[3->4].text: 'Crews worked through the night.' != 'Crews rested.'",
    )


def test_diff_of_a_block_that_changed_kind() -> None:
    """A paragraph that became a heading is one line with both summaries."""
    actual = replace_block(3, Heading(text="Crews worked through the night."))
    assert diff(ARTICLE, actual) == (
        "body[3]: only in expected: Paragraph('Crews worked through the night.')",
        "body[3]: only in actual: Heading('Crews worked through the night.')",
    )


def test_diff_of_long_texts_shows_where_they_part() -> None:
    """Long strings are shown around their first difference, with offsets."""
    long = "The storm, which forecasters had tracked for days, " * 3
    expected = Paragraph(text=long + "hit on Friday.")
    actual = Paragraph(text=long + "hit on Saturday.")
    (line,) = diff(expected, actual)
    assert line == (
        "text: differ at offset 160 (lengths 167 and 169): "
        "…'ed for days, hit on Friday.' != …'ed for days, hit on Saturday.'"
    )


def test_diff_of_values_of_different_kinds() -> None:
    """Two different classes at the top are one line for the whole value."""
    assert diff(Heading(text="A"), Paragraph(text="A")) == (
        "(whole value): Heading('A') != Paragraph('A')",
    )


def test_diff_uses_the_names_given() -> None:
    """The sides can be called left and right, as pytest does."""
    actual = attrs.evolve(ARTICLE, body=ARTICLE.body[:3])
    assert diff(ARTICLE, actual, names=("left", "right")) == (
        "body[3]: only in left: Paragraph('Crews worked through the night.')",
    )


def test_diff_shortens_long_summaries() -> None:
    """A block on one side only is summarised, not printed whole."""
    long = Paragraph(text="word " * 40)
    actual = attrs.evolve(ARTICLE, body=(*ARTICLE.body, long))
    (line,) = diff(ARTICLE, actual)
    assert (
        line == f"body[4]: only in actual: Paragraph({('word ' * 10)[:49]!r}…)"
    )


# -- assert_same_article ------------------------------------------------------


def test_assert_same_article_passes_equal_articles() -> None:
    """Equal articles pass."""
    assert_same_article(ARTICLE, attrs.evolve(ARTICLE))


def test_assert_same_article_message_is_the_diff() -> None:
    """The failure lists the differences under one header line."""
    actual = attrs.evolve(ARTICLE, byline=None)
    with pytest.raises(AssertionError) as caught:
        assert_same_article(ARTICLE, actual)
    assert str(caught.value) == (
        "Articles differ, path by path (expected != actual):\n"
        "  byline: 'By Sam Reporter' != None"
    )


def test_assert_same_article_compares_blocks() -> None:
    """Parts of an article compare the same way."""
    with pytest.raises(
        AssertionError, match=r"Headings differ.*\n  level: 2 != 3"
    ):
        assert_same_article(Heading(text="A"), Heading(text="A", level=3))


# -- the pytest plugin --------------------------------------------------------

ASSERT_TEST = """
import attrs
from newsdoc import Article, Heading, Paragraph


def test_articles():
    expected = Article(headline="Storm", body=[Paragraph(text="One.")])
    actual = attrs.evolve(expected, body=[Paragraph(text="Two."), Heading(text="H")])
    assert expected == actual


def test_strings():
    assert "abc" == "abd"
"""


def test_plugin_explains_failed_article_asserts(
    pytester: pytest.Pytester,
) -> None:
    """A plain assert of two articles shows the differences path by path."""
    pytester.makepyfile(test_assert=ASSERT_TEST)
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        [
            "E       AssertionError: assert Article == Article failed; path by path, left != right:",
            "E         body[0].text: 'One.' != 'Two.'",
            "E         body[1]: only in right: Heading('H')",
        ]
    )
    # Other comparisons keep pytest's own explanation.
    result.stdout.fnmatch_lines(
        ["E       AssertionError: assert 'abc' == 'abd'"]
    )


def test_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    """With -p no:newsdoc, pytest explains article asserts its own way."""
    pytester.makepyfile(test_assert=ASSERT_TEST)
    result = pytester.runpytest_subprocess("-p", "no:newsdoc")
    result.assert_outcomes(failed=2)
    assert "path by path" not in result.stdout.str()


def test_plugin_leaves_passing_sessions_alone(
    pytester: pytest.Pytester,
) -> None:
    """Loaded into a session that never touches articles, it changes nothing."""
    pytester.makepyfile(test_plain="def test_ok():\n    assert 1 + 1 == 2\n")
    result = pytester.runpytest_subprocess("-W", "error")
    result.assert_outcomes(passed=1)


LOAD_TEST = """
def test_load_by_suffix(newsdoc_load):
    article = newsdoc_load("data/story.json")
    assert article.headline == "Storm batters the south coast"


def test_load_named_format(newsdoc_load, request):
    same = newsdoc_load("data/story.data", format="json")
    assert same == newsdoc_load("data/story.json")
    absolute = request.path.parent / "data" / "story.json"
    assert same == newsdoc_load(str(absolute))
"""


def test_newsdoc_load_reads_a_file_beside_the_test(
    pytester: pytest.Pytester,
) -> None:
    """The fixture reads a path relative to the test module, or absolute."""
    formats = pytest.importorskip("newsdoc.formats")
    if not hasattr(formats, "read"):
        pytest.skip("the format registry, newsdoc.formats.read, is not there")
    document = formats.write(ARTICLE, "json")
    data = pytester.mkdir("data")
    data.joinpath("story.json").write_text(document, encoding="utf-8")
    data.joinpath("story.data").write_text(document, encoding="utf-8")
    pytester.makepyfile(test_load=LOAD_TEST)
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=2)


@pytest.mark.parametrize(
    ("op", "left", "right"),
    [
        ("!=", ARTICLE, ARTICLE),
        ("==", ARTICLE, ARTICLE.body[0]),
        ("==", "headline", ARTICLE),
        ("==", ("a",), ("b",)),
    ],
    ids=["not-equality", "different-classes", "not-model", "tuples"],
)
def test_plugin_explains_only_equality_of_two_model_values(
    pytestconfig: pytest.Config, op: str, left: object, right: object
) -> None:
    """Anything else keeps pytest's own explanation (the hook gives None)."""
    assert pytest_assertrepr_compare(pytestconfig, op, left, right) is None


def test_plugin_explains_blocks(pytestconfig: pytest.Config) -> None:
    """Two blocks compare path by path too."""
    lines = pytest_assertrepr_compare(
        pytestconfig, "==", Heading(text="A"), Heading(text="B")
    )
    assert lines == [
        "Heading == Heading failed; path by path, left != right:",
        "text: 'A' != 'B'",
    ]
