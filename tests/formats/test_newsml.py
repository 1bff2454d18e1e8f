"""NewsML-G2: schema-valid output, lossless round trips, providers' items, hostile input."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import (
    Article,
    ArticleMeta,
    Credit,
    Figure,
    Heading,
    Paragraph,
    ParseError,
    Quote,
)
from newsdoc.formats.newsml import NO_DATE, from_newsml, to_newsml
from newsdoc.formats.newsml import _names as n
from tests.conftest import SHARED, shared_path
from tests.strategies import articles, characters


XSD = ("newsml-g2", "NewsML-G2_2.35-spec-All-Power.xsd")
EXAMPLES = ("newsml-g2", "examples")
NS = {"nar": n.NAR, "h": n.XHTML}
# For reading our own test output; nothing untrusted goes through it.
_TEST_PARSER = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True
)


@pytest.fixture(scope="session")
def schema() -> etree.XMLSchema:
    """The IPTC NewsML-G2 2.35 Power schema, compiled once per session."""
    path = shared_path(*XSD)
    return etree.XMLSchema(etree.parse(str(path), _TEST_PARSER))


def valid(schema: etree.XMLSchema, data: bytes) -> etree._Element:
    """Parse *data*, assert that it validates, and return its root."""
    root = etree.fromstring(data, _TEST_PARSER)
    if not schema.validate(root):
        pytest.fail(f"not valid NewsML-G2 2.35:\n{schema.error_log}")
    return root


def quote_at(text: str, words: str, **fields: object) -> Quote:
    """A quote of *words* where they first occur in *text*."""
    start = text.index(words)
    return Quote(text=words, start=start, end=start + len(words), **fields)  # type: ignore[arg-type]


STANDFIRST = '"Currently, nothing happens," said the ministry.'
SAID = '"We are ready," Oleg Poznyak said, according to Interfax. "And'
RUNS_ON = '"waiting," he added.'
CAPTION = "Soldiers patrol the border near Kuznica, Poland."
RAW_CREDIT = "photo credit: MON/HANDOUT VIA REUTERS"

FULL = Article(
    headline="Belarus denies it is mobilizing military",
    standfirst=Paragraph(
        text=STANDFIRST,
        quotes=[
            quote_at(
                STANDFIRST,
                "Currently, nothing happens,",
                speaker="the ministry",
                verb="said",
            )
        ],
    ),
    byline="By Tzvi Joffre\nand Reuters",
    dateline="KATHMANDU, April 25 (Reuters)",
    body=[
        Paragraph(
            text=SAID,
            quotes=[
                quote_at(
                    SAID,
                    "We are ready,",
                    speaker="Oleg Poznyak",
                    verb="said",
                    outlet="Interfax",
                ),
                Quote(
                    text="And",
                    start=len(SAID) - 3,
                    end=len(SAID),
                    speaker="Oleg Poznyak",
                    continues=True,
                ),
            ],
        ),
        Paragraph(
            text=RUNS_ON, quotes=[quote_at(RUNS_ON, "waiting,", verb="added")]
        ),
        Heading(text="Russia's mobilization"),
        Heading(text="A level-4 heading", level=4),
        Figure(
            caption=CAPTION,
            credit=Credit(
                raw=RAW_CREDIT,
                label="photo credit",
                agencies=("MON",),
                via="REUTERS",
                handout=True,
            ),
            image="https://example.com/images/border patrol.jpg",
            alt="Soldiers at a fence",
        ),
        Figure(
            credit=Credit(
                raw="credit: SPUTNIK/SERGEY GUNEEV/KREMLIN VIA REUTERS",
                label="credit",
                creators=("SERGEY GUNEEV",),
                agencies=("SPUTNIK", "KREMLIN"),
                via="REUTERS",
                pool=True,
                file=True,
            )
        ),
        Figure(caption="A caption alone."),
        Paragraph(text="  Whitespace\tkept as\r\nwritten.  "),
    ],
    meta=ArticleMeta(
        id="jpost-718264",
        url="https://www.jpost.com/international/article-718264",
        publisher="The Jerusalem Post",
        language="en-GB",
        published=datetime(2022, 9, 29, 14, 5, tzinfo=UTC),
        modified=datetime(
            2022, 9, 29, 18, 30, tzinfo=timezone(timedelta(hours=3))
        ),
        keywords=("Belarus", "Russia-Ukraine War"),
    ),
)
MINIMAL = Article(headline="A headline and nothing else")

HAND_BUILT = {
    "full": FULL,
    "minimal": MINIMAL,
    "url-only": Article(
        headline="Found at a URL",
        meta=ArticleMeta(url="https://example.com/a"),
    ),
    "id-equals-url": Article(
        headline="Same id and URL",
        meta=ArticleMeta(
            id="https://example.com/a", url="https://example.com/a"
        ),
    ),
    "published-only": Article(
        headline="Dated once",
        meta=ArticleMeta(published=datetime(1999, 12, 31, 23, 59, tzinfo=UTC)),
    ),
    "quote-is-whole-paragraph": Article(
        headline="Quoted",
        body=[
            Paragraph(
                text="all of it",
                quotes=[Quote(text="all of it", start=0, end=9)],
            )
        ],
    ),
}


# -- the writer --------------------------------------------------------------


@pytest.mark.parametrize("package", [False, True], ids=["item", "package"])
@pytest.mark.parametrize("article", HAND_BUILT.values(), ids=HAND_BUILT.keys())
def test_hand_built_articles_validate_and_round_trip(
    schema: etree.XMLSchema, article: Article, *, package: bool
) -> None:
    """Each hand-built article is valid NewsML-G2 and reads back unchanged."""
    data = to_newsml(article, package=package)
    valid(schema, data)
    assert article == from_newsml(data)


def test_news_item_declares_standard_power_language_and_catalog() -> None:
    """The root newsItem carries 2.35, Power conformance, xml:lang and the IPTC catalog."""
    root = etree.fromstring(to_newsml(FULL))
    assert root.tag == n.NEWS_ITEM
    assert dict(root.attrib) == {
        "guid": "jpost-718264",
        "version": "1",
        "standard": "NewsML-G2",
        "standardversion": "2.35",
        "conformance": "power",
        n.XML_LANG: "en-GB",
    }
    assert root.xpath("nar:catalogRef/@href", namespaces=NS) == [
        n.IPTC_CATALOG
    ]


def test_news_item_without_language_has_no_xml_lang() -> None:
    """An article of unknown language gets no xml:lang."""
    root = etree.fromstring(to_newsml(MINIMAL))
    assert root.get(n.XML_LANG) is None


def test_content_meta_holds_headline_summary_byline_dateline_and_credit() -> (
    None
):
    """ContentMeta says what a reader of any NewsML-G2 looks for first."""
    root = etree.fromstring(to_newsml(FULL))

    def texts(path: str) -> list[str]:
        return root.xpath(f"nar:contentMeta/{path}/text()", namespaces=NS)  # type: ignore[no-any-return]

    assert [FULL.headline] == texts("nar:headline")
    assert texts("nar:description[@role='drol:summary']") == [STANDFIRST]
    assert texts("nar:by") == ["By Tzvi Joffre\nand Reuters"]
    assert texts("nar:dateline") == ["KATHMANDU, April 25 (Reuters)"]
    assert texts("nar:located/nar:name") == ["Kathmandu"]
    assert texts("nar:creditline") == ["The Jerusalem Post"]
    assert texts("nar:keyword") == ["Belarus", "Russia-Ukraine War"]


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("KATHMANDU, April 25 (Reuters)", "Kathmandu"),
        ("New York (dpa) -", "New York"),
        ("Kyiv — Sept. 29", "Kyiv"),
        ("(AP) -", None),
        ("29.09.2022", None),
    ],
)
def test_located_is_the_place_opening_the_dateline(
    dateline: str, place: str | None
) -> None:
    """located/name is the dateline's place when one opens it, else absent."""
    root = etree.fromstring(
        to_newsml(Article(headline="H", dateline=dateline))
    )
    names = root.xpath(
        "nar:contentMeta/nar:located/nar:name/text()", namespaces=NS
    )
    assert ([] if place is None else [place]) == names


def test_body_is_xhtml_in_the_default_namespace() -> None:
    """The body is one XHTML html element, declared once, without prefixes."""
    data = to_newsml(FULL)
    root = etree.fromstring(data)
    inline = root.xpath("nar:contentSet/nar:inlineXML", namespaces=NS)
    assert [i.get("contenttype") for i in inline] == ["application/xhtml+xml"]
    assert [child.tag for child in inline[0]] == [n.HTML]
    assert data.count(b'<html xmlns="http://www.w3.org/1999/xhtml">') == 1
    assert re.search(rb"<\w+:(html|p|body|span)\b", data) is None


def test_quotes_are_marked_up_inline_with_their_attribution() -> None:
    """Each quote is a span inside its paragraph, with speaker, verb, outlet, continues."""
    root = etree.fromstring(to_newsml(FULL))
    spans = root.xpath("//h:body/h:p[not(@class)][1]/h:span", namespaces=NS)
    assert [dict(span.attrib) for span in spans] == [
        {
            "class": "quote",
            "data-speaker": "Oleg Poznyak",
            "data-verb": "said",
            "data-outlet": "Interfax",
        },
        {
            "class": "quote",
            "data-speaker": "Oleg Poznyak",
            "data-continues": "true",
        },
    ]
    assert [span.text for span in spans] == ["We are ready,", "And"]
    paragraph = root.xpath("//h:body/h:p[not(@class)][1]", namespaces=NS)[0]
    assert "".join(paragraph.itertext()) == SAID


def test_headings_are_h_elements_of_their_level() -> None:
    """A heading is h2 by default and hN for level N."""
    root = etree.fromstring(to_newsml(FULL))
    assert root.xpath("//h:h2/text()", namespaces=NS) == [
        "Russia's mobilization"
    ]
    assert root.xpath("//h:h4/text()", namespaces=NS) == ["A level-4 heading"]


def test_figure_keeps_image_caption_and_credit_as_written() -> None:
    """figure/img/figcaption hold the image, the caption and the raw credit."""
    root = etree.fromstring(to_newsml(FULL))
    figure = root.xpath("//h:figure", namespaces=NS)[0]
    img = figure.find(n.IMG)
    assert img is not None
    assert img.get("src") == "https://example.com/images/border patrol.jpg"
    assert img.get("alt") == "Soldiers at a fence"
    caption = figure.xpath(
        "h:figcaption/h:span[@class='caption']/text()", namespaces=NS
    )
    credit = figure.xpath(
        "h:figcaption/h:span[@class='credit']/text()", namespaces=NS
    )
    assert caption == [CAPTION]
    assert credit == [RAW_CREDIT]


def test_package_holds_package_item_text_item_and_one_picture_per_figure(
    schema: etree.XMLSchema,
) -> None:
    """package=True gives a newsMessage: packageItem, the text, the pictures."""
    root = valid(schema, to_newsml(FULL, package=True))
    assert root.tag == n.NEWS_MESSAGE
    items = root.xpath("nar:itemSet/*", namespaces=NS)
    classes = [
        item.xpath("nar:itemMeta/nar:itemClass/@qcode", namespaces=NS)[0]
        for item in items
    ]
    assert classes == [
        "ninat:composite",
        "ninat:text",
        "ninat:picture",
        "ninat:picture",
        "ninat:picture",
    ]
    refs = root.xpath("//nar:itemRef/@residref", namespaces=NS)
    assert [item.get("guid") for item in items[1:]] == refs


def test_picture_items_carry_caption_credit_creators_and_sources() -> None:
    """A picture item has the caption, the raw credit, creators and infoSources."""
    root = etree.fromstring(to_newsml(FULL, package=True))
    first, second, third = root.xpath(
        "nar:itemSet/nar:newsItem[nar:itemMeta/nar:itemClass/@qcode='ninat:picture']",
        namespaces=NS,
    )

    def values(item: etree._Element, path: str) -> list[str]:
        return item.xpath(path, namespaces=NS)  # type: ignore[no-any-return]

    assert values(
        first, "nar:contentMeta/nar:description[@role='drol:caption']/text()"
    ) == [CAPTION]
    assert values(first, "nar:contentMeta/nar:creditline/text()") == [
        RAW_CREDIT
    ]
    assert values(first, "nar:contentMeta/nar:infoSource/@role") == [
        "cpprole:imgSupplier",
        "cpprole:distributor",
    ]
    assert values(first, "nar:contentMeta/nar:infoSource/nar:name/text()") == [
        "MON",
        "REUTERS",
    ]
    assert values(first, "nar:contentSet/nar:remoteContent/@href") == [
        "https://example.com/images/border%20patrol.jpg"
    ]
    assert values(
        second,
        "nar:contentMeta/nar:creator[@role='crol:photographer']/nar:name/text()",
    ) == ["SERGEY GUNEEV"]
    assert values(third, "nar:contentSet") == []


# -- determinism ---------------------------------------------------------------


def test_equal_articles_give_equal_bytes() -> None:
    """Two equal but separately built articles give the same bytes."""
    copy = Article(
        headline=FULL.headline,
        standfirst=FULL.standfirst,
        byline=FULL.byline,
        dateline=FULL.dateline,
        body=list(FULL.body),
        meta=FULL.meta,
    )
    assert to_newsml(FULL) == to_newsml(copy)
    assert to_newsml(FULL, package=True) == to_newsml(copy, package=True)


def test_guid_without_id_or_url_is_a_content_hash() -> None:
    """Without an id or URL the guid hashes the content: stable, and new for new content."""
    one = etree.fromstring(to_newsml(MINIMAL)).get("guid")
    again = etree.fromstring(
        to_newsml(Article(headline=MINIMAL.headline))
    ).get("guid")
    other = etree.fromstring(to_newsml(Article(headline="Another"))).get(
        "guid"
    )
    assert one == again
    assert one != other
    assert re.fullmatch(r"urn:newsdoc:sha256:[0-9a-f]{64}", one or "")


def test_content_hash_guid_ignores_options_and_shape() -> None:
    """Provider, versionCreated and package=True leave the hashed guid alone."""
    when = datetime(2024, 1, 1, tzinfo=UTC)
    alone = etree.fromstring(to_newsml(MINIMAL)).get("guid")
    chosen = etree.fromstring(
        to_newsml(MINIMAL, provider="Acme", version_created=when)
    ).get("guid")
    message = etree.fromstring(to_newsml(MINIMAL, package=True))
    packaged = message.xpath("nar:itemSet/nar:newsItem/@guid", namespaces=NS)
    assert alone == chosen
    assert [alone] == packaged


def test_guid_comes_from_the_id_then_the_url_then_the_option() -> None:
    """The id wins over the URL; an explicit guid wins over both."""
    with_url = Article(headline="H", meta=ArticleMeta(url="https://e.com/x"))
    assert etree.fromstring(to_newsml(FULL)).get("guid") == "jpost-718264"
    assert (
        etree.fromstring(to_newsml(with_url)).get("guid") == "https://e.com/x"
    )
    chosen = to_newsml(FULL, guid="tag:example.com,2022:1")
    assert etree.fromstring(chosen).get("guid") == "tag:example.com,2022:1"
    assert from_newsml(chosen) == FULL


def _version_created(data: bytes) -> str:
    root = etree.fromstring(data)
    return root.xpath("string(nar:itemMeta/nar:versionCreated)", namespaces=NS)  # type: ignore[no-any-return]


def test_version_created_comes_from_the_dates_never_the_clock() -> None:
    """versionCreated: the option, else modified, else published, else the epoch."""
    published = Article(
        headline="H",
        meta=ArticleMeta(published=datetime(2020, 1, 2, 3, 4, tzinfo=UTC)),
    )
    chosen = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    assert _version_created(to_newsml(FULL)) == "2022-09-29T18:30:00+03:00"
    assert (
        _version_created(to_newsml(published)) == "2020-01-02T03:04:00+00:00"
    )
    assert NO_DATE.isoformat() == _version_created(to_newsml(MINIMAL))
    assert (
        _version_created(to_newsml(MINIMAL, version_created=chosen))
        == "2024-05-06T07:08:09+00:00"
    )


def test_provider_is_the_option_else_the_publisher_else_newsdoc() -> None:
    """itemMeta/provider names the option, the publisher, or newsdoc."""

    def provider(data: bytes) -> str:
        root = etree.fromstring(data)
        return root.xpath(
            "string(nar:itemMeta/nar:provider/@literal)", namespaces=NS
        )  # type: ignore[no-any-return]

    assert provider(to_newsml(FULL)) == "The Jerusalem Post"
    assert provider(to_newsml(MINIMAL)) == "newsdoc"
    assert provider(to_newsml(FULL, provider="Acme")) == "Acme"
    assert from_newsml(to_newsml(FULL, provider="Acme")) == FULL


def test_output_is_utf8_with_declaration_and_final_newline() -> None:
    """The bytes open with an XML declaration and end with one newline."""
    data = to_newsml(FULL)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert data.endswith(b"</newsItem>\n")


# -- characters XML cannot carry --------------------------------------------

# Not \x0b, \x0c or \x1c to \x1f: line breaks, which a headline cannot hold.
UNSAFE = "\x00\x01\x08\x10\x1b\ud800\udfff\ufffe\uffff"


def test_xml_unsafe_characters_become_replacement_characters(
    schema: etree.XMLSchema,
) -> None:
    """Each unsafe character is written as one U+FFFD, so quote offsets still hold."""
    text = f"a{UNSAFE}b “{UNSAFE}” c"
    start = text.index("“") + 1
    article = Article(
        headline=f"Head{UNSAFE}line",
        byline=f"By{UNSAFE}",
        body=[
            Paragraph(
                text=text,
                quotes=[
                    Quote(
                        text=UNSAFE,
                        start=start,
                        end=start + len(UNSAFE),
                        speaker=f"S{UNSAFE}",
                    )
                ],
            ),
            Figure(credit=Credit(raw=f"R{UNSAFE}", creators=(f"C{UNSAFE}",))),
        ],
        meta=ArticleMeta(id=f"id{UNSAFE}", keywords=(f"k{UNSAFE}",)),
    )
    replaced = "\ufffd" * len(UNSAFE)
    for package in (False, True):
        data = to_newsml(article, package=package)
        valid(schema, data)
        back = from_newsml(data)
        assert f"Head{replaced}line" == back.headline
        assert f"By{replaced}" == back.byline
        paragraph = back.paragraphs[0]
        assert text.replace(UNSAFE, replaced) == paragraph.text
        assert (start, start + len(UNSAFE)) == (
            paragraph.quotes[0].start,
            paragraph.quotes[0].end,
        )
        assert f"S{replaced}" == paragraph.quotes[0].speaker
        credit = back.figures[0].credit
        assert credit is not None
        assert (f"R{replaced}", (f"C{replaced}",)) == (
            credit.raw,
            credit.creators,
        )
        assert f"id{replaced}" == back.meta.id
        assert (f"k{replaced}",) == back.meta.keywords


def test_control_characters_only_in_credit_names_stay_json_escapes() -> None:
    """A control character only in a credit's name list survives a single item, not a package."""
    article = Article(
        headline="H",
        body=[Figure(credit=Credit(raw="r", creators=("A\x01",)))],
    )
    single = from_newsml(to_newsml(article)).figures[0].credit
    packaged = from_newsml(to_newsml(article, package=True)).figures[0].credit
    assert single is not None
    assert packaged is not None
    assert single.creators == ("A\x01",)
    assert packaged.creators == ("A\ufffd",)


def test_tabs_line_ends_and_carriage_returns_survive() -> None:
    """Tab, LF and CR are XML characters: kept, in text and in attributes."""
    text = 'x\r\ny\r"\tq\r\n"'
    article = Article(
        headline="H",
        body=[
            Paragraph(
                text=text,
                quotes=[quote_at(text, "\tq\r\n", speaker="a\r\nb\tc")],
            ),
            Figure(
                caption="c\r", credit=Credit(raw="r\n", agencies=("a\tb",))
            ),
        ],
        meta=ArticleMeta(publisher="The\tPost", keywords=("one\ttwo", "x")),
    )
    assert article == from_newsml(to_newsml(article))


# -- properties ----------------------------------------------------------------

_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(articles(characters(xml_safe=True)), st.booleans())
def test_any_xml_safe_article_round_trips(
    article: Article,
    package: bool,  # noqa: FBT001 - drawn by hypothesis
) -> None:
    """Any article without XML-unsafe characters comes back unchanged, both shapes."""
    assert article == from_newsml(to_newsml(article, package=package))


@_SETTINGS
@given(articles(), st.booleans())
def test_any_article_gives_valid_newsml(
    schema: etree.XMLSchema,
    article: Article,
    package: bool,  # noqa: FBT001 - drawn by hypothesis
) -> None:
    """Any article, whatever its characters, gives schema-valid NewsML-G2 that reads back."""
    data = to_newsml(article, package=package)
    valid(schema, data)
    back = from_newsml(data)
    assert [type(b) for b in article.body] == [type(b) for b in back.body]
    assert len(article.quotes) == len(back.quotes)


@_SETTINGS
@given(
    articles(characters(xml_safe=True), max_blocks=3),
    st.data(),
)
def test_damaged_newsml_reads_or_raises_parse_error(
    article: Article, data: st.DataObject
) -> None:
    """Cut, spliced or overwritten bytes give an article or a ParseError, nothing else."""
    document = bytearray(to_newsml(article))
    start = data.draw(st.integers(0, len(document) - 1), label="start")
    end = data.draw(
        st.integers(start, min(len(document), start + 40)), label="end"
    )
    patch = data.draw(st.binary(max_size=8), label="patch")
    document[start:end] = patch
    outcome: Article | ParseError
    try:
        outcome = from_newsml(bytes(document))
    except ParseError as error:
        outcome = error
    # Any other exception fails the test; a ParseError must be newsml's.
    assert isinstance(outcome, Article) or outcome.format == "newsml"


# -- the corpus and the golden file --------------------------------------------


def _corpus() -> list[str]:
    folder = SHARED / "corpus"
    if not folder.is_dir():
        return ["(absent)"]
    return sorted(path.name for path in folder.glob("*.txt"))


def _parse_text(text: str) -> Article:
    parse_text = getattr(newsdoc, "parse_text", None)
    if parse_text is None:
        pytest.skip("newsdoc.parse_text is not there yet")
    return parse_text(text)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", _corpus())
def test_corpus_articles_validate_and_round_trip(
    schema: etree.XMLSchema, name: str
) -> None:
    """Every corpus article parsed from text is valid NewsML-G2 and reads back unchanged."""
    path = shared_path("corpus", name)
    article = _parse_text(path.read_text(encoding="utf-8"))
    for package in (False, True):
        data = to_newsml(article, package=package)
        valid(schema, data)
        assert article == from_newsml(data)


# -- other providers' items ------------------------------------------------------


def _example(name: str) -> bytes:
    return shared_path(*EXAMPLES, name).read_bytes()


def test_xhtml_body_example_reads_title_and_paragraphs() -> None:
    """IPTC's XHTML-body item: no headline element, so the html title; two paragraphs."""
    article = from_newsml(_example("CR00201_charcount_xhtml_body.xml"))
    assert article.headline == "Text"
    assert tuple(p.text for p in article.paragraphs) == (
        "Line one of two.",
        "Line two of two.",
    )
    assert (
        article.meta.id,
        article.meta.language,
        article.meta.publisher,
    ) == ("simplest-test", "en-GB", "reuters.com")


def test_listing_1_news_item_reads_its_headline_and_dates() -> None:
    """IPTC listing 1 (an empty NITF body): the headline, trimmed, and the dates."""
    article = from_newsml(_example("LISTING_1_A_NewsML-G2_News_Item.xml"))
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.body == ()
    assert article.meta.published == datetime(
        2016, 10, 18, 13, 12, 21, tzinfo=timezone(timedelta(hours=-5))
    )
    assert article.meta.modified == datetime(
        2018, 10, 21, 16, 22, 45, tzinfo=timezone(timedelta(hours=-5))
    )


def test_nitf_body_example_reads_byline_and_paragraphs() -> None:
    """IPTC listing 2 (a NITF body): byline with its title, two squashed paragraphs."""
    article = from_newsml(_example("LISTING_2_NewsML-G2_Text_Document.xml"))
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.byline == "By Meredith Jameson, Staff Reporter"
    assert len(article.paragraphs) == 2
    first = article.paragraphs[0].text
    assert first.startswith("(New York, NY - October 21) Et, sent luptat")
    assert first.endswith("ad ex el utat.")
    assert "\n" not in first
    assert article.meta.language == "en-US"


def test_dpa_news_message_reads_what_a_reader_sees() -> None:
    """Dpa's newsMessage: headline of rank 1, teaser, byline, dateline, h2 sections."""
    article = from_newsml(_example("dpa_with_dateline_newsMessage.xml"))
    assert (
        article.headline
        == "DeepSeek-Schock aus China: Zeichen für KI-Zeitenwende?"
    )
    assert article.standfirst is not None
    assert article.standfirst.text.startswith("Dass ein Start-up aus China")
    assert article.byline == "Von Andrej Sokolow, dpa"
    assert article.dateline == "New York (dpa)"
    assert [h.text for h in article.headings] == [
        "Kalte Füße an der Wall Street",
        "Was können die USA mit besseren Chips schaffen?",
        "Zweifel an Kosten von DeepSeek",
        "Wer steckt hinter DeepSeek?",
        "Nicht nur Nvidia betroffen",
    ]
    assert len(article.paragraphs) == 10
    # The dateline's markup keeps its text, and the text after it.
    assert article.paragraphs[0].text.startswith(
        "New York (dpa) - Ein Chatbot aus China schockt die Wall Street:"
    )
    # The teaser is the standfirst, not also the first paragraph.
    assert all(not p.text.startswith("Dass ein") for p in article.paragraphs)
    assert (article.meta.publisher, article.meta.language) == ("dpa", "de")


def test_tt_message_without_namespace_reads_figure_and_tail_text() -> None:
    """TT's un-namespaced newsMessage: figure with credit, text after a link kept."""
    path = shared_path(
        "ninjs", "examples", "newsml-g2", "TT_newsmlg2_sample.xml"
    )
    article = from_newsml(path.read_bytes())
    assert article.headline == 'Jan Guillou skriver på ny "Hamilton"-bok'
    (figure,) = article.figures
    assert figure.caption is not None
    assert figure.caption.startswith(
        "Journalisten och författaren Jan Guillou"
    )
    assert Credit(raw="Naina Helén Jåma/TT") == figure.credit
    assert figure.image is not None
    assert figure.image.endswith("a001_NormalThumbnail.jpg")
    texts = [p.text for p in article.paragraphs]
    assert any(t.endswith("skriver Aftonbladet.") for t in texts)
    assert any(t.startswith("Hamilton har just genomgått") for t in texts)
    # The headline repeated as the body's h1 is not a heading.
    assert article.headings == ()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("LISTING_3_Photo_in_NewsML-G2.xml", "ninat:picture item, not text"),
        (
            "LISTING_6_Simple_NewsML-G2_Package.xml",
            "packageItem holds no article text",
        ),
    ],
)
def test_examples_without_text_raise_parse_error(
    name: str, message: str
) -> None:
    """A picture item or a bare packageItem has no article to read."""
    with pytest.raises(ParseError, match=message) as raised:
        from_newsml(_example(name))
    assert raised.value.line is not None


def _foreign(body: str, meta: str = "<headline>H</headline>") -> bytes:
    return (
        f'<newsItem xmlns="{n.NAR}" guid="g"><itemMeta><itemClass qcode="ninat:text"/>'
        f"</itemMeta><contentMeta>{meta}</contentMeta><contentSet>"
        f'<inlineXML><html xmlns="{n.XHTML}"><body>{body}</body></html></inlineXML>'
        "</contentSet></newsItem>"
    ).encode()


def test_foreign_mixed_content_keeps_every_tail() -> None:
    """Text after inline markup (links, emphasis, line breaks) is kept."""
    article = from_newsml(
        _foreign(
            '<p>Before <a href="x">the <b>link</b></a> after<br/>the <em>break</em>.</p>'
        )
    )
    assert article.paragraphs[0].text == "Before the link after the break."


def test_foreign_paragraphs_get_quotes_found_in_their_text() -> None:
    """Paragraphs without quote markup get the raw-text reader's quotes."""
    article = from_newsml(
        _foreign("<p>“We are ready,” the minister said.</p>")
    )
    (quote,) = article.paragraphs[0].quotes
    assert quote.text == "We are ready,"


def test_foreign_loose_text_and_nested_sections_become_paragraphs() -> None:
    """Text loose in a div, and paragraphs in nested sections, are read in order."""
    article = from_newsml(
        _foreign(
            "<section><div>Loose <i>text</i></div><div><p>One</p><p>Two</p></div></section>"
        )
    )
    assert [p.text for p in article.paragraphs] == ["Loose text", "One", "Two"]


def test_foreign_plain_inline_data_splits_on_blank_lines() -> None:
    """An inlineData body gives one paragraph per blank-line separated block."""
    data = (
        f'<newsItem xmlns="{n.NAR}" guid="g"><contentMeta><headline>H</headline>'
        '</contentMeta><contentSet><inlineData contenttype="text/plain">'
        "First\n  paragraph.\n\nSecond one.\n</inlineData></contentSet></newsItem>"
    )
    article = from_newsml(data)
    assert [p.text for p in article.paragraphs] == [
        "First paragraph.",
        "Second one.",
    ]


# -- hostile and broken input ------------------------------------------------------


def _with_doctype(
    subset: str, content: str = "<headline>&s;</headline>"
) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE newsItem [{subset}]>\n'
        f'<newsItem xmlns="{n.NAR}"><contentMeta>{content}</contentMeta></newsItem>'
    ).encode()


BOMB = _with_doctype(
    '<!ENTITY s0 "lol">'
    + "".join(f'<!ENTITY s{i} "{f"&s{i - 1};" * 10}">' for i in range(1, 10))
    + '<!ENTITY s "&s9;">'
)
HOSTILE = {
    "empty": (b"", "empty", None),
    "whitespace": (b"  \n ", "empty", None),
    "binary": (bytes(range(256)), "not well-formed", 1),
    "malformed": (
        b"<newsItem>\n<contentMeta>\n</newsItem>",
        "not well-formed",
        3,
    ),
    "undefined-entity": (b"<newsItem>&nope;</newsItem>", "not well-formed", 1),
    "wrong-root": (b"<?xml version='1.0'?>\n\n<rss/>", "not a NewsML-G2", 3),
    "foreign-namespace-root": (
        b'<newsItem xmlns="urn:other"/>',
        "not a NewsML-G2",
        1,
    ),
    "no-headline-no-body": (
        f'<newsItem xmlns="{n.NAR}" guid="g"/>'.encode(),
        "no headline",
        1,
    ),
    "message-without-text-item": (
        f'<newsMessage xmlns="{n.NAR}"><itemSet><newsItem><itemMeta>'
        '<itemClass qcode="ninat:picture"/></itemMeta></newsItem></itemSet>'
        "</newsMessage>".encode(),
        "no text newsItem",
        1,
    ),
    "entity-bomb": (BOMB, "amplification|DTD", 1),
    "internal-dtd": (_with_doctype('<!ENTITY s "x">'), "DTD", 1),
    "deep-nesting": (
        b"<newsItem>" + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</newsItem>",
        "not well-formed",
        1,
    ),
    "our-markup-bad-heading": (
        to_newsml(Article(headline="H", body=[Heading(text="X")])).replace(
            b"<h2>X</h2>", b"<h2>\n</h2>"
        ),
        "invalid <h2>",
        None,
    ),
    "our-markup-unknown-block": (
        to_newsml(Article(headline="H", body=[Heading(text="X")])).replace(
            b"<h2>X</h2>", b"<table/>"
        ),
        "unexpected element",
        None,
    ),
    "our-markup-bad-date": (
        to_newsml(FULL).replace(b"2022-09-29T14:05:00+00:00", b"yesterday"),
        "not a date",
        None,
    ),
    "our-markup-deeply-nested-credit-names": (
        to_newsml(FULL).replace(
            b"[&quot;MON&quot;]", b"[" * 100_000 + b"]" * 100_000
        ),
        "not a JSON array",
        None,
    ),
    "our-markup-bad-credit-names": (
        to_newsml(FULL).replace(b"[&quot;MON&quot;]", b"{oops"),
        "not a JSON array",
        None,
    ),
}


@pytest.mark.parametrize(
    ("data", "message", "line"), HOSTILE.values(), ids=HOSTILE.keys()
)
def test_hostile_input_raises_parse_error(
    data: bytes, message: str, line: int | None
) -> None:
    """Broken or hostile input is a ParseError naming the problem (and the line)."""
    with pytest.raises(ParseError, match=message) as raised:
        from_newsml(data)
    assert raised.value.format == "newsml"
    if line is not None:
        assert line == raised.value.line


def test_our_markup_errors_name_the_line() -> None:
    """An error in newsdoc's own markup names the element's line."""
    data = to_newsml(Article(headline="H", body=[Heading(text="X")]))
    broken = data.replace(b"<h2>X</h2>", b"<h2>\n</h2>")
    expected = (
        broken.split(b"\n").index(
            next(line for line in broken.split(b"\n") if b"<h2>" in line)
        )
        + 1
    )
    with pytest.raises(ParseError) as raised:
        from_newsml(broken)
    assert expected == raised.value.line


@pytest.mark.parametrize(
    "declaration",
    [
        '<!DOCTYPE newsItem [<!ENTITY s SYSTEM "{url}">]>',
        '<!DOCTYPE newsItem [<!ENTITY % s SYSTEM "{url}"> %s;]>',
        '<!DOCTYPE newsItem SYSTEM "{url}">',
    ],
    ids=["external-entity", "parameter-entity", "external-dtd"],
)
def test_external_entities_and_dtds_are_never_read(
    tmp_path: Path, declaration: str
) -> None:
    """A DTD or entity pointing at a local file is refused; the file's text never shows."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    doctype = declaration.format(url=secret.as_uri())
    data = (
        f'<?xml version="1.0"?>\n{doctype}\n<newsItem xmlns="{n.NAR}">'
        "<contentMeta><headline>&s;</headline></contentMeta></newsItem>"
    ).encode()
    with pytest.raises(ParseError) as raised:
        from_newsml(data)
    assert "TOP-SECRET-VALUE" not in str(raised.value)
    assert "TOP-SECRET-VALUE" not in repr(raised.value.__cause__)


def test_oversized_input_is_refused_before_parsing() -> None:
    """Input over max_bytes is a ParseError that names the limit."""
    data = to_newsml(FULL)
    with pytest.raises(ParseError, match=f"limit of {len(data) - 1}"):
        from_newsml(data, max_bytes=len(data) - 1)
    with pytest.raises(ParseError, match="limit"):
        from_newsml(data.decode(), max_bytes=100)
    assert from_newsml(data, max_bytes=len(data)) == FULL


def test_str_input_with_an_encoding_declaration_is_read() -> None:
    """A str is read even when its declaration names an encoding."""
    text = to_newsml(FULL).decode("utf-8").replace("UTF-8", "ISO-8859-1", 1)
    assert from_newsml(text) == FULL


def test_str_input_with_a_lone_surrogate_is_a_parse_error() -> None:
    """A str no encoding can carry is a ParseError, not a UnicodeEncodeError."""
    with pytest.raises(ParseError, match="no XML can"):
        from_newsml("<newsItem>\ud800</newsItem>")


def test_utf16_input_is_read() -> None:
    """Bytes in another encoding XML allows are read."""
    text = to_newsml(FULL).decode("utf-8").replace("UTF-8", "UTF-16", 1)
    assert from_newsml(text.encode("utf-16")) == FULL


def test_parse_error_names_the_source() -> None:
    """The source option names the input in the error."""
    with pytest.raises(ParseError, match=r"^feed\.xml: newsml"):
        from_newsml(b"<rss/>", source="feed.xml")
