"""Photo credits: finding them in caption lines and splitting them into parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc import Credit
from newsdoc.formats.text._credits import (
    Split,
    credit_line,
    parse_credit,
    split_credit,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "A ferry leaves the harbour at dawn. (photo credit: JANE ROE/PORT AUTHORITY)",
            Split(
                "A ferry leaves the harbour at dawn.",
                "photo credit: JANE ROE/PORT AUTHORITY",
            ),
            id="labelled-credit-in-brackets",
        ),
        pytest.param(
            "Firefighters rest beside the engine. (Tom Smith/Daily Gazette)",
            Split(
                "Firefighters rest beside the engine.",
                "Tom Smith/Daily Gazette",
            ),
            id="name-slash-agency-in-brackets",
        ),
        pytest.param(
            "The mayor speaks to reporters.  (HARBOUR NEWS)",
            Split("The mayor speaks to reporters.", "HARBOUR NEWS"),
            id="agency-in-brackets-after-a-sentence",
        ),
        pytest.param(
            "Crowds on the bridge on Sunday. (AP Photo/Ann Lee)",
            Split("Crowds on the bridge on Sunday.", "AP Photo/Ann Lee"),
            id="ap-photo-in-brackets",
        ),
        pytest.param(
            "Snow covers the square. Photograph: Ola Berg/Nordic Images",
            Split(
                "Snow covers the square.", "Photograph: Ola Berg/Nordic Images"
            ),
            id="photograph-label-after-sentence",
        ),
        pytest.param(
            "The minister at the launch on May 2, 2024. — Picture by Siti Aminah",
            Split(
                "The minister at the launch on May 2, 2024.",
                "Picture by Siti Aminah",
            ),
            id="picture-by-after-em-dash",
        ),
        pytest.param(
            "The new wind farm off the coast. Credit: Ray Chu/Coastal Media",
            Split(
                "The new wind farm off the coast.",
                "Credit: Ray Chu/Coastal Media",
            ),
            id="credit-label-after-sentence",
        ),
        pytest.param(
            "Train drivers on the picket line - Copyright Lena Holm/AP",
            Split(
                "Train drivers on the picket line", "Copyright Lena Holm/AP"
            ),
            id="copyright-after-hyphen",
        ),
        pytest.param(
            "Smoke rises over the hills in this picture from social media. "
            "@hillwatcher/via REUTERS THIS IMAGE HAS BEEN SUPPLIED BY A THIRD "
            "PARTY. NO RESALES.",
            Split(
                "Smoke rises over the hills in this picture from social media.",
                "@hillwatcher/via REUTERS THIS IMAGE HAS BEEN SUPPLIED BY A "
                "THIRD PARTY. NO RESALES.",
            ),
            id="wire-credit-with-usage-notice",
        ),
        pytest.param(
            "(photo credit: JANE ROE/PORT AUTHORITY)",
            Split(None, "photo credit: JANE ROE/PORT AUTHORITY"),
            id="credit-alone-in-brackets",
        ),
        pytest.param(
            "Fishing boats return to the quay [Ann Lee/Coastal Press]",
            Split("Fishing boats return to the quay", "Ann Lee/Coastal Press"),
            id="credit-in-square-brackets",
        ),
        pytest.param(
            "[Picture: Stockphotos]",
            Split(None, "Picture: Stockphotos"),
            id="credit-alone-in-square-brackets",
        ),
        pytest.param(
            "The union leader said talks went on [sic]",
            Split("The union leader said talks went on [sic]", None),
            id="editorial-note-in-square-brackets-is-no-credit",
        ),
        pytest.param(
            "Credit...Ann Lee for Harbour News",
            Split(None, "Credit...Ann Lee for Harbour News"),
            id="credit-with-ellipsis",
        ),
        pytest.param(
            "Picture: Stockphotos",
            Split(None, "Picture: Stockphotos"),
            id="labelled-credit-alone",
        ),
        pytest.param(
            "The army said the strike hit a depot (IDF).",
            Split("The army said the strike hit a depot (IDF).", None),
            id="bracket-inside-a-sentence-is-no-credit",
        ),
        pytest.param(
            "Officials from the Israel Defense Forces (IDF)",
            Split("Officials from the Israel Defense Forces (IDF)", None),
            id="acronym-in-brackets-after-words-is-no-credit",
        ),
        pytest.param(
            "The results were published. (More details are expected today)",
            Split(
                "The results were published. (More details are expected today)",
                None,
            ),
            id="sentence-in-brackets-is-no-credit",
        ),
        pytest.param(
            "Getty Images",
            Split("Getty Images", None),
            id="bare-names-need-a-caption-above",
        ),
    ],
)
def test_split_credit(line: str, expected: Split) -> None:
    """A caption line splits into caption and credit by the credit's shape."""
    assert expected == split_credit(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Getty Images", Split(None, "Getty Images"), id="agency"),
        pytest.param("REUTERS", Split(None, "REUTERS"), id="all-caps-agency"),
        pytest.param(
            "Maria Ortiz/via Reuters",
            Split(None, "Maria Ortiz/via Reuters"),
            id="name-via-distributor",
        ),
        pytest.param(
            "AP Photo/Ken Black, File",
            Split(None, "AP Photo/Ken Black, File"),
            id="ap-file-photo",
        ),
        pytest.param(
            "deteriorate,” he said.",
            Split("deteriorate,” he said.", None),
            id="rest-of-a-sentence-is-no-credit",
        ),
        pytest.param(
            "The storm passed by noon.",
            Split("The storm passed by noon.", None),
            id="a-sentence-is-no-credit",
        ),
    ],
)
def test_split_credit_on_the_line_under_a_caption(
    line: str, expected: Split
) -> None:
    """Under a caption, a line of names alone is a credit; prose is not."""
    assert expected == split_credit(line, bare=True)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            "SPUTNIK/SERGEY GUNEEV/KREMLIN VIA REUTERS",
            Credit(
                raw="SPUTNIK/SERGEY GUNEEV/KREMLIN VIA REUTERS",
                creators=("SERGEY GUNEEV",),
                agencies=("SPUTNIK", "KREMLIN"),
                via="REUTERS",
            ),
            id="agencies-around-a-photographer-via-distributor",
        ),
        pytest.param(
            "photo credit: MON/HANDOUT VIA REUTERS",
            Credit(
                raw="photo credit: MON/HANDOUT VIA REUTERS",
                label="photo credit",
                agencies=("MON",),
                via="REUTERS",
                handout=True,
            ),
            id="label-and-handout",
        ),
        pytest.param(
            "Tom Smith/Daily Gazette",
            Credit(
                raw="Tom Smith/Daily Gazette",
                creators=("Tom Smith",),
                agencies=("Daily Gazette",),
            ),
            id="photographer-and-agency",
        ),
        pytest.param(
            "Photograph: Ola Berg/Nordic Images",
            Credit(
                raw="Photograph: Ola Berg/Nordic Images",
                label="Photograph",
                creators=("Ola Berg",),
                agencies=("Nordic Images",),
            ),
            id="photograph-label",
        ),
        pytest.param(
            "Picture by Siti Aminah",
            Credit(
                raw="Picture by Siti Aminah",
                label="Picture by",
                creators=("Siti Aminah",),
            ),
            id="picture-by",
        ),
        pytest.param(
            "AP Photo/Ken J. Black, File",
            Credit(
                raw="AP Photo/Ken J. Black, File",
                creators=("Ken J. Black",),
                agencies=("AP",),
                file=True,
            ),
            id="ap-file-photo-with-initial",
        ),
        pytest.param(
            "REUTERS/POOL",
            Credit(raw="REUTERS/POOL", agencies=("REUTERS",), pool=True),
            id="pool",
        ),
        pytest.param(
            "Photo: CITY PRESS OFFICE / Ana de la Cruz. Courtesy of the Town Museum",
            Credit(
                raw="Photo: CITY PRESS OFFICE / Ana de la Cruz. Courtesy of the Town Museum",
                label="Photo",
                creators=("Ana de la Cruz",),
                agencies=("CITY PRESS OFFICE", "Town Museum"),
            ),
            id="courtesy-of-names-an-agency",
        ),
        pytest.param(
            "Maria Ortiz/via Reuters",
            Credit(
                raw="Maria Ortiz/via Reuters",
                creators=("Maria Ortiz",),
                via="Reuters",
            ),
            id="slash-via",
        ),
        pytest.param(
            "@hillwatcher/via REUTERS THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.",
            Credit(
                raw="@hillwatcher/via REUTERS THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.",
                creators=("@hillwatcher",),
                via="REUTERS",
            ),
            id="usage-notice-is-not-the-distributor",
        ),
        pytest.param(
            "Copyright\u00a0Lena Holm/AP",
            Credit(
                raw="Copyright\u00a0Lena Holm/AP",
                label="Copyright",
                creators=("Lena Holm",),
                agencies=("AP",),
            ),
            id="copyright-with-no-break-space",
        ),
        pytest.param(
            "Credit...Ann Lee for Harbour News",
            Credit(
                raw="Credit...Ann Lee for Harbour News",
                label="Credit",
                creators=("Ann Lee",),
                agencies=("Harbour News",),
            ),
            id="photographer-for-outlet",
        ),
        pytest.param(
            "Picture: Stockphotos",
            Credit(
                raw="Picture: Stockphotos",
                label="Picture",
                agencies=("Stockphotos",),
            ),
            id="one-word-is-an-agency",
        ),
        pytest.param(
            "Photo by Handout/Valley School Board/AFP via Getty Images",
            Credit(
                raw="Photo by Handout/Valley School Board/AFP via Getty Images",
                label="Photo by",
                agencies=("Valley School Board", "AFP"),
                via="Getty Images",
                handout=True,
            ),
            id="organisation-nouns-make-agencies",
        ),
    ],
)
def test_parse_credit(raw: str, expected: Credit) -> None:
    """A credit splits into label, people, agencies, distributor and flags."""
    assert expected == parse_credit(raw)


@given(st.text(min_size=1).filter(str.strip))
def test_parse_credit_keeps_raw_and_never_fails(raw: str) -> None:
    """Any non-blank credit parses, and `raw` keeps it exactly as written."""
    assert raw == parse_credit(raw).raw


@pytest.mark.parametrize(
    "raw",
    [
        "photo credit: JANE ROE/PORT AUTHORITY",
        "Getty Images",
        "Tom Smith/Daily Gazette",
        "Copyright Lena Holm/AP",
        "@hillwatcher/via REUTERS THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.",
    ],
)
def test_credit_line_reads_back(raw: str) -> None:
    """A credit written on its own line by the writer reads back the same."""
    assert Split(None, raw) == split_credit(credit_line(raw), bare=True)
