"""Build NewsML-G2 from an `Article`: a text newsItem, or a newsMessage package."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Final
from urllib.parse import quote as _url_quote

from attrs import evolve
from lxml import etree

from newsdoc._chars import XML_UNSAFE
from newsdoc.formats.newsml import _names as n
from newsdoc.model import (
    Article,
    ArticleMeta,
    Block,
    Credit,
    Figure,
    Heading,
    Paragraph,
)


__all__ = ["write"]

#: What the writer puts in place of a character XML 1.0 cannot carry.
REPLACEMENT: Final = "\ufffd"
#: ``versionCreated`` of an article with no dates, when no option gives one.
NO_DATE: Final = datetime(1970, 1, 1, tzinfo=UTC)

_MAX_MINUTES: Final = 14 * 60
_MAX_OFFSET: Final = timedelta(minutes=_MAX_MINUTES)
_MIN_OFFSET: Final = -_MAX_OFFSET

_SPACES: Final = str.maketrans("\t\n\r", "   ")

_SubElement = etree.SubElement
_tostring = etree.tostring
# The start of a dateline up to the first comma, bracket or dash: the place.
_PLACE: Final = re.compile(
    r"[^,(\u2013\u2014]*?(?=\s*(?:,|\(|\s[-\u2013\u2014]|$))"
)
# Kept as they are in a picture item's remoteContent href (RFC 3986
# reserved and unreserved characters, minus the brackets only a host may
# use and the "#" that may open the fragment only once).
_URL_SAFE: Final = "/:?@!$&'()*+,;=~-._"
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_QUOTE_ATTRIB: Final = {"class": n.QUOTE_CLASS}
_CREDIT_ATTRIB: Final = {"class": n.CREDIT_CLASS}
_CAPTION_ATTRIB: Final = {"class": n.CAPTION_CLASS}


# -- characters XML cannot carry ----------------------------------------------
# lxml refuses exactly these characters (ValueError), so the writer builds
# optimistically and, only when refused, builds again from a copy of the
# article with each of them replaced: no per-string check on the fast path.


def _clean(text: str) -> str:
    """*text* with each character XML 1.0 cannot carry replaced by U+FFFD."""
    return XML_UNSAFE.sub(REPLACEMENT, text)


def _clean_optional(text: str | None) -> str | None:
    return None if text is None else _clean(text)


def _clean_paragraph(paragraph: Paragraph) -> Paragraph:
    # One character for one: every quote offset still holds.
    return Paragraph(
        text=_clean(paragraph.text),
        quotes=[
            evolve(
                quote,
                text=_clean(quote.text),
                speaker=_clean_optional(quote.speaker),
                verb=_clean_optional(quote.verb),
                outlet=_clean_optional(quote.outlet),
            )
            for quote in paragraph.quotes
        ],
    )


def _clean_block(block: Block) -> Block:
    if type(block) is Paragraph:
        return _clean_paragraph(block)
    if type(block) is Heading:
        return evolve(block, text=_clean(block.text))
    figure: Figure = block  # type: ignore[assignment]
    credit = figure.credit
    if credit is not None:
        credit = evolve(
            credit,
            raw=_clean(credit.raw),
            label=_clean_optional(credit.label),
            creators=tuple(map(_clean, credit.creators)),
            agencies=tuple(map(_clean, credit.agencies)),
            via=_clean_optional(credit.via),
        )
    return evolve(
        figure,
        caption=_clean_optional(figure.caption),
        credit=credit,
        image=_clean_optional(figure.image),
        alt=_clean_optional(figure.alt),
    )


def _cleaned(article: Article) -> Article:
    """*article* with every character XML cannot carry replaced by U+FFFD."""
    meta: ArticleMeta = article.meta
    standfirst = article.standfirst
    return evolve(
        article,
        headline=_clean(article.headline),
        standfirst=None
        if standfirst is None
        else _clean_paragraph(standfirst),
        byline=_clean_optional(article.byline),
        dateline=_clean_optional(article.dateline),
        body=[_clean_block(block) for block in article.body],
        meta=evolve(
            meta,
            id=_clean_optional(meta.id),
            url=_clean_optional(meta.url),
            publisher=_clean_optional(meta.publisher),
            keywords=tuple(map(_clean, meta.keywords)),
        ),
    )


# -- values -----------------------------------------------------------------


def _normal(text: str) -> str:
    """
    *text* fit for a g2normalizedString: no tab or line end.

    NewsML-G2 keywords, credit lines, names and literals allow no whitespace
    but spaces; each tab, line feed or carriage return becomes one.
    """
    return text.translate(_SPACES)


def _href(image: str) -> str:
    """*image* as a URI reference that xs:anyURI accepts, percent-encoded."""
    path, hash_mark, fragment = image.partition("#")
    href = _url_quote(path, safe=_URL_SAFE)
    if hash_mark:
        href += "#" + _url_quote(fragment, safe=_URL_SAFE)
    head = href.split("/", 1)[0]
    if ":" in head and _SCHEME.match(href) is None:
        # A relative path's first segment cannot hold a colon.
        href = "./" + href
    return href


def _datetime(value: datetime) -> str:
    """
    An xs:dateTime for *value*.

    xs:dateTime offsets are whole minutes up to 14 hours: an instant at any
    other offset is written in UTC, the same instant.
    """
    offset = value.utcoffset()
    if offset is not None and (
        offset.seconds % 60
        or offset.microseconds
        or not _MIN_OFFSET <= offset <= _MAX_OFFSET
    ):
        try:
            return value.astimezone(UTC).isoformat()
        except OverflowError:
            # In UTC the instant falls outside year 1 to 9999, which
            # xs:dateTime cannot say either: keep the wall time and write
            # the nearest offset it allows.
            minutes = round(offset.total_seconds() / 60)
            minutes = max(-_MAX_MINUTES, min(_MAX_MINUTES, minutes))
            zone = timezone(timedelta(minutes=minutes))
            return value.replace(tzinfo=zone).isoformat()
    return value.isoformat()


def _content_hash(
    article: Article, content: etree._Element, html: etree._Element
) -> str:
    """
    A guid from the article's content: its contentMeta and its body.

    Both hold every field but the language and the publication date, which
    are added; the options (provider, versionCreated) are not in them.
    """
    digest = hashlib.sha256(_tostring(content, encoding="UTF-8"))
    digest.update(_tostring(html, encoding="UTF-8"))
    meta = article.meta
    published = None if meta.published is None else _datetime(meta.published)
    digest.update(repr((meta.language, published)).encode())
    return n.HASH_GUID_PREFIX + digest.hexdigest()


def _version_created(article: Article, option: datetime | None) -> str:
    meta = article.meta
    value = option or meta.modified or meta.published or NO_DATE
    return _datetime(value)


def _place(dateline: str) -> str | None:
    """The place that opens *dateline*, if it reads like one."""
    match = _PLACE.match(dateline)
    if match is None:
        return None
    place = match.group().strip()
    if not any(char.isalpha() for char in place):
        return None
    return place.title() if place.isupper() else place


# -- NewsML-G2 elements --------------------------------------------------------


def _item_root(tag: str, guid: str, language: str | None) -> etree._Element:
    root = etree.Element(tag, nsmap=n.NAR_NSMAP)
    root.set("guid", guid)
    root.set("version", "1")
    root.set("standard", n.STANDARD)
    root.set("standardversion", n.STANDARD_VERSION)
    root.set("conformance", n.CONFORMANCE)
    if language is not None:
        root.set(n.XML_LANG, language)
    _SubElement(root, n.CATALOG_REF).set("href", n.IPTC_CATALOG)
    return root


def _item_meta(
    root: etree._Element,
    item_class: str,
    provider: str,
    version_created: str,
    first_created: str | None = None,
) -> None:
    meta = _SubElement(root, n.ITEM_META)
    _SubElement(meta, n.ITEM_CLASS).set("qcode", item_class)
    _SubElement(meta, n.PROVIDER).set("literal", _normal(provider))
    _SubElement(meta, n.VERSION_CREATED).text = version_created
    if first_created is not None:
        _SubElement(meta, n.FIRST_CREATED).text = first_created
    _SubElement(meta, n.PUB_STATUS).set("qcode", n.USABLE)
    _SubElement(meta, n.GENERATOR_TAG).text = n.GENERATOR


def _text_child(parent: etree._Element, tag: str, text: str) -> etree._Element:
    child = _SubElement(parent, tag)
    child.text = text
    return child


def _normal_child(
    parent: etree._Element, tag: str, text: str
) -> etree._Element:
    """
    A child of g2normalizedString type that still gives back *text*.

    When *text* has tabs or line ends, its exact form goes in ``nd:text``.
    """
    normal = _normal(text)
    if normal == text:
        child = _SubElement(parent, tag)
    else:
        child = _SubElement(parent, tag, nsmap=n.NEWSDOC_NSMAP)
        child.set(n.EXACT_TEXT, text)
    child.text = normal
    return child


def _named(parent: etree._Element, tag: str, name: str) -> etree._Element:
    child = _SubElement(parent, tag)
    _SubElement(child, n.NAME).text = _normal(name)
    return child


# -- the XHTML body ----------------------------------------------------------


def _paragraph(
    parent: etree._Element, paragraph: Paragraph, css_class: str | None
) -> None:
    p = (
        _SubElement(parent, n.P)
        if css_class is None
        else _SubElement(parent, n.P, {"class": css_class})
    )
    p.tail = "\n"
    text = paragraph.text
    quotes = paragraph.quotes
    if not quotes:
        p.text = text
        return
    position = 0
    previous: etree._Element | None = None
    for quote in quotes:
        before = text[position : quote.start] or None
        if previous is None:
            p.text = before
        else:
            previous.tail = before
        span = _SubElement(p, n.SPAN, _QUOTE_ATTRIB)
        if quote.speaker is not None:
            span.set(n.DATA_SPEAKER, quote.speaker)
        if quote.verb is not None:
            span.set(n.DATA_VERB, quote.verb)
        if quote.outlet is not None:
            span.set(n.DATA_OUTLET, quote.outlet)
        if quote.continues:
            span.set(n.DATA_CONTINUES, n.TRUE)
        span.text = quote.text
        previous = span
        position = quote.end
    if previous is not None:
        previous.tail = text[position:] or None


def _names_json(names: tuple[str, ...]) -> str:
    return json.dumps(list(names), ensure_ascii=False)


def _credit(parent: etree._Element, credit: Credit) -> etree._Element:
    span = _SubElement(parent, n.SPAN, _CREDIT_ATTRIB)
    if credit.label is not None:
        span.set(n.DATA_LABEL, credit.label)
    if credit.creators:
        span.set(n.DATA_CREATORS, _names_json(credit.creators))
    if credit.agencies:
        span.set(n.DATA_AGENCIES, _names_json(credit.agencies))
    if credit.via is not None:
        span.set(n.DATA_VIA, credit.via)
    if credit.handout:
        span.set(n.DATA_HANDOUT, n.TRUE)
    if credit.pool:
        span.set(n.DATA_POOL, n.TRUE)
    if credit.file:
        span.set(n.DATA_FILE, n.TRUE)
    span.text = credit.raw
    return span


def _figure(parent: etree._Element, figure: Figure) -> None:
    element = _SubElement(parent, n.FIGURE)
    element.tail = "\n"
    if figure.image is not None or figure.alt is not None:
        img = _SubElement(element, n.IMG)
        if figure.image is not None:
            img.set("src", figure.image)
        if figure.alt is not None:
            img.set("alt", figure.alt)
    figcaption = _SubElement(element, n.FIGCAPTION)
    caption: etree._Element | None = None
    if figure.caption is not None:
        caption = _SubElement(figcaption, n.SPAN, _CAPTION_ATTRIB)
        caption.text = figure.caption
    if figure.credit is not None:
        if caption is not None:
            caption.tail = " "
        _credit(figcaption, figure.credit)


def _html(article: Article) -> etree._Element:
    html = etree.Element(n.HTML, nsmap=n.XHTML_NSMAP)
    head = _SubElement(html, n.HEAD)
    _text_child(head, n.TITLE, article.headline)
    body = _SubElement(html, n.BODY)
    body.text = "\n"
    if article.standfirst is not None:
        _paragraph(body, article.standfirst, n.STANDFIRST_CLASS)
    headings = n.HEADINGS
    for block in article.body:
        kind = type(block)
        if kind is Paragraph:
            _paragraph(body, block, None)  # type: ignore[arg-type]
        elif kind is Heading:
            heading: Heading = block  # type: ignore[assignment]
            element = _SubElement(body, headings[heading.level - 1])
            element.text = heading.text
            element.tail = "\n"
        else:
            _figure(body, block)  # type: ignore[arg-type]
    return html


# -- the items ---------------------------------------------------------------


def _content_meta(parent: etree._Element, article: Article) -> etree._Element:
    meta = article.meta
    content = _SubElement(parent, n.CONTENT_META)
    # The schema's order: the administrative group, then the descriptive one.
    if meta.modified is not None:
        _SubElement(content, n.CONTENT_MODIFIED).text = _datetime(
            meta.modified
        )
    if article.dateline is not None:
        place = _place(article.dateline)
        if place is not None:
            _named(content, n.LOCATED, place)
    if meta.id is not None:
        _text_child(content, n.ALT_ID, meta.id).set("type", n.ID_TYPE)
    if meta.url is not None:
        _text_child(content, n.ALT_ID, meta.url).set("type", n.URL_TYPE)
    _descriptive(content, article)
    return content


def _descriptive(content: etree._Element, article: Article) -> None:
    meta = article.meta
    for keyword in meta.keywords:
        _normal_child(content, n.KEYWORD, keyword)
    _text_child(content, n.HEADLINE, article.headline)
    if article.dateline is not None:
        _text_child(content, n.DATELINE, article.dateline)
    if article.byline is not None:
        _text_child(content, n.BY, article.byline)
    if meta.publisher is not None:
        _normal_child(content, n.CREDITLINE, meta.publisher)
    if article.standfirst is not None:
        _text_child(content, n.DESCRIPTION, article.standfirst.text).set(
            "role", n.SUMMARY_ROLE
        )


def _picture_item(
    figure: Figure, guid: str, provider: str, version_created: str
) -> etree._Element:
    root = _item_root(n.NEWS_ITEM, guid, None)
    _item_meta(root, n.PICTURE_CLASS, provider, version_created)
    content = _SubElement(root, n.CONTENT_META)
    credit = figure.credit
    if credit is not None:
        for creator in credit.creators:
            _named(content, n.CREATOR, creator).set(
                "role", n.PHOTOGRAPHER_ROLE
            )
        for agency in credit.agencies:
            _named(content, n.INFO_SOURCE, agency).set(
                "role", n.IMAGE_SUPPLIER_ROLE
            )
        if credit.via is not None:
            _named(content, n.INFO_SOURCE, credit.via).set(
                "role", n.DISTRIBUTOR_ROLE
            )
        _SubElement(content, n.CREDITLINE).text = _normal(credit.raw)
    if figure.caption is not None:
        _text_child(content, n.DESCRIPTION, figure.caption).set(
            "role", n.CAPTION_ROLE
        )
    if figure.image is not None:
        content_set = _SubElement(root, n.CONTENT_SET)
        _SubElement(content_set, n.REMOTE_CONTENT).set(
            "href", _href(figure.image)
        )
    return root


def _package_item(
    article: Article,
    guid: str,
    refs: list[tuple[str, str]],
    provider: str,
    version_created: str,
) -> etree._Element:
    """A packageItem whose main group refers to *refs*: (guid, item class)."""
    root = _item_root(n.PACKAGE_ITEM, guid, article.meta.language)
    _item_meta(root, n.COMPOSITE_CLASS, provider, version_created)
    content = _SubElement(root, n.CONTENT_META)
    _text_child(content, n.HEADLINE, article.headline)
    group_set = _SubElement(root, n.GROUP_SET, {"root": "G1"})
    group = _SubElement(
        group_set, n.GROUP, {"id": "G1", "role": n.MAIN_GROUP_ROLE}
    )
    for residref, item_class in refs:
        ref = _SubElement(group, n.ITEM_REF, {"residref": residref})
        _SubElement(ref, n.ITEM_CLASS).set("qcode", item_class)
    return root


def _attach_body(
    inline: etree._Element, html: etree._Element, depth: int
) -> None:
    # After indenting the items: the body's mixed content must gain no
    # whitespace, so it joins the tree last, on lines of its own.
    inline.text = "\n" + "  " * (depth + 1)
    html.tail = "\n" + "  " * depth
    inline.append(html)


def _serialize(root: etree._Element) -> bytes:
    return _tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _write(
    article: Article,
    *,
    package: bool,
    provider: str | None,
    version_created: datetime | None,
    guid: str | None,
) -> bytes:
    meta = article.meta
    created = _version_created(article, version_created)
    provider = provider or meta.publisher or n.GENERATOR
    item = _item_root(n.NEWS_ITEM, "", meta.language)
    first_created = (
        None if meta.published is None else _datetime(meta.published)
    )
    _item_meta(item, n.TEXT_CLASS, provider, created, first_created)
    content = _content_meta(item, article)
    content_set = _SubElement(item, n.CONTENT_SET)
    inline = _SubElement(
        content_set, n.INLINE_XML, {"contenttype": n.XHTML_CONTENT_TYPE}
    )
    html = _html(article)
    text_guid = (
        guid or meta.id or meta.url or _content_hash(article, content, html)
    )
    item.set("guid", text_guid)
    if not package:
        etree.indent(item)
        _attach_body(inline, html, 2)
        return _serialize(item)

    message = etree.Element(n.NEWS_MESSAGE, nsmap=n.NAR_NSMAP)
    header = _SubElement(message, n.HEADER)
    _SubElement(header, n.SENT).text = created
    item_set = _SubElement(message, n.ITEM_SET)
    refs = [(text_guid, n.TEXT_CLASS)]
    pictures: list[etree._Element] = []
    for number, figure in enumerate(article.figures, 1):
        picture_guid = f"{text_guid}-picture-{number}"
        refs.append((picture_guid, n.PICTURE_CLASS))
        pictures.append(_picture_item(figure, picture_guid, provider, created))
    item_set.append(
        _package_item(article, f"{text_guid}-package", refs, provider, created)
    )
    item_set.append(item)
    for picture in pictures:
        item_set.append(picture)
    etree.indent(message)
    _attach_body(inline, html, 4)
    return _serialize(message)


def write(
    article: Article,
    *,
    package: bool,
    provider: str | None,
    version_created: datetime | None,
    guid: str | None,
) -> bytes:
    """Serialize *article*; see `newsdoc.to_newsml` for the options."""
    provider = None if provider is None else _clean(provider)
    guid = None if guid is None else _clean(guid)
    try:
        return _write(
            article,
            package=package,
            provider=provider,
            version_created=version_created,
            guid=guid,
        )
    except ValueError:
        # lxml refused a character XML cannot carry (a UnicodeEncodeError,
        # for a lone surrogate, is a ValueError too).
        return _write(
            _cleaned(article),
            package=package,
            provider=provider,
            version_created=version_created,
            guid=guid,
        )
