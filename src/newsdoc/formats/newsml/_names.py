"""Namespaces, element names and codes that the NewsML-G2 writer and reader share."""

from __future__ import annotations

from typing import Final


#: The NewsML-G2 (NAR) namespace.
NAR: Final = "http://iptc.org/std/nar/2006-10-01/"
#: The XHTML namespace of the body inside ``inlineXML``.
XHTML: Final = "http://www.w3.org/1999/xhtml"
#: The namespace of ``xml:lang``.
XML: Final = "http://www.w3.org/XML/1998/namespace"

#: newsdoc's own namespace, for the one attribute NewsML-G2 has no room for.
NEWSDOC: Final = "urn:newsdoc:newsml:1"


STANDARD: Final = "NewsML-G2"
STANDARD_VERSION: Final = "2.35"
CONFORMANCE: Final = "power"
#: The IPTC catalog that resolves the ``ninat:``, ``drol:``, ``cpprole:`` ... aliases.
IPTC_CATALOG: Final = (
    "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"
)
#: Written as ``itemMeta/generator``; the reader takes it as the sign of
#: newsdoc's own output, which it reads back exactly.
GENERATOR: Final = "newsdoc"

# QCodes from IPTC NewsCodes.
TEXT_CLASS: Final = "ninat:text"
PICTURE_CLASS: Final = "ninat:picture"
COMPOSITE_CLASS: Final = "ninat:composite"
USABLE: Final = "stat:usable"
SUMMARY_ROLE: Final = "drol:summary"
CAPTION_ROLE: Final = "drol:caption"
PHOTOGRAPHER_ROLE: Final = "crol:photographer"
IMAGE_SUPPLIER_ROLE: Final = "cpprole:imgSupplier"
DISTRIBUTOR_ROLE: Final = "cpprole:distributor"
MAIN_GROUP_ROLE: Final = "group:main"
# newsdoc's own alternative-identifier types (no IPTC code exists for them).
ID_TYPE: Final = "newsdoc:id"
URL_TYPE: Final = "newsdoc:url"
#: The prefix of a guid made from a hash of the article's content.
HASH_GUID_PREFIX: Final = "urn:newsdoc:sha256:"

# Classes and data attributes of newsdoc's XHTML body.
STANDFIRST_CLASS: Final = "standfirst"
QUOTE_CLASS: Final = "quote"
CAPTION_CLASS: Final = "caption"
CREDIT_CLASS: Final = "credit"
DATA_SPEAKER: Final = "data-speaker"
DATA_VERB: Final = "data-verb"
DATA_OUTLET: Final = "data-outlet"
DATA_CONTINUES: Final = "data-continues"
DATA_LABEL: Final = "data-label"
DATA_CREATORS: Final = "data-creators"
DATA_AGENCIES: Final = "data-agencies"
DATA_VIA: Final = "data-via"
DATA_HANDOUT: Final = "data-handout"
DATA_POOL: Final = "data-pool"
DATA_FILE: Final = "data-file"
TRUE: Final = "true"


def _nar(name: str) -> str:
    return f"{{{NAR}}}{name}"


def _xhtml(name: str) -> str:
    return f"{{{XHTML}}}{name}"


# Clark names, computed once: lxml never has to split a prefix.
XML_LANG: Final = f"{{{XML}}}lang"
#: ``nd:text``: the exact text of an element whose schema type cannot hold
#: tabs or line ends (``g2normalizedString``), when the text has them.
EXACT_TEXT: Final = f"{{{NEWSDOC}}}text"

NEWS_ITEM: Final = _nar("newsItem")
NEWS_MESSAGE: Final = _nar("newsMessage")

HTML: Final = _xhtml("html")
BODY: Final = _xhtml("body")
P: Final = _xhtml("p")
SPAN: Final = _xhtml("span")
FIGURE: Final = _xhtml("figure")
IMG: Final = _xhtml("img")
FIGCAPTION: Final = _xhtml("figcaption")
#: ``h1`` ... ``h6`` by level, and the level of each.
HEADINGS: Final = tuple(_xhtml(f"h{level}") for level in range(1, 7))
HEADING_LEVELS: Final = {tag: level for level, tag in enumerate(HEADINGS, 1)}

XHTML_CONTENT_TYPE: Final = "application/xhtml+xml"
