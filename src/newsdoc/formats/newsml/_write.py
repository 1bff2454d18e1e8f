"""Build NewsML-G2 from an `Article`: a text newsItem, or a newsMessage package."""

from __future__ import annotations

import functools
import hashlib
import re
from datetime import UTC, datetime, timedelta, timezone
from json.encoder import encode_basestring as _json_string
from typing import Final
from urllib.parse import quote as _url_quote

from attrs import evolve

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


# The start of a dateline up to the first comma, bracket or dash: the place.
_PLACE: Final = re.compile(
    r"[^,(\u2013\u2014]*?(?=\s*(?:,|\(|\s[-\u2013\u2014]|$))"
)
# Kept as they are in a picture item's remoteContent href (RFC 3986
# reserved and unreserved characters, minus the brackets only a host may
# use and the "#" that may open the fragment only once).
_URL_SAFE: Final = "/:?@!$&'()*+,;=~-._"
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# C0 controls other than tab, LF and CR, as UTF-8 bytes; with U+FFFE and
# U+FFFF (checked apart) and lone surrogates (refused by the encoder) they
# are what XML 1.0 cannot carry.
_C0_BYTES: Final = bytes(c for c in range(32) if c not in {9, 10, 13})


# -- characters XML cannot carry ----------------------------------------------
# The writer writes optimistically and checks the finished document once
# (two searches of the text, the UTF-8 encoder, one translate of the
# bytes); only when it holds such a character does it write again from a
# copy of the article with each replaced, so no string is checked on its
# own on the fast path.


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
    if "\t" in text or "\n" in text or "\r" in text:
        return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return text


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


# Most articles have no dates: write their versionCreated once.
_NO_DATE_TEXT: Final = _datetime(NO_DATE)


def _version_created(article: Article, option: datetime | None) -> str:
    meta = article.meta
    value = option or meta.modified or meta.published
    return _NO_DATE_TEXT if value is None else _datetime(value)


def _place(dateline: str) -> str | None:
    """The place that opens *dateline*, if it reads like one."""
    match = _PLACE.match(dateline)
    if match is None:
        return None
    place = match.group().strip()
    if not any(char.isalpha() for char in place):
        return None
    return place.title() if place.isupper() else place


# -- escaping ------------------------------------------------------------------
# The document is written as text: measured, building an lxml tree costs
# ten times what serializing it does, and the benchmark wants the writer
# within a few times of a bare tostring. Every value passes through one of
# these two functions; the tests parse and schema-check what comes out.


def _esc(text: str) -> str:
    """*text* as character data: markup escaped, CR kept by reference."""
    # Four membership tests cost a fraction of four replace() calls that
    # find nothing, which is what almost every string in an article gives.
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        return (
            text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\r", "&#13;")
        )
    return text


# Speakers, verbs and outlets repeat, in an article and across articles.
@functools.lru_cache(maxsize=4096)
def _attr(text: str) -> str:
    """*text* as a double-quoted attribute value, whitespace kept by reference."""
    text = _esc(text)
    if '"' in text or "\t" in text or "\n" in text:
        return (
            text.replace('"', "&quot;")
            .replace("\t", "&#9;")
            .replace("\n", "&#10;")
        )
    return text


def _normal_element(tag: str, text: str) -> str:
    """
    A g2normalizedString element that still gives back *text*.

    When *text* has tabs or line ends, its exact form goes in ``nd:text``.
    """
    normal = _normal(text)
    if normal == text:
        return f"<{tag}>{_esc(text)}</{tag}>"
    return (
        f'<{tag} xmlns:nd="{n.NEWSDOC}" nd:text="{_attr(text)}">'
        f"{_esc(normal)}</{tag}>"
    )


def _named(tag: str, name: str, role: str | None = None) -> list[str]:
    opening = f"<{tag}>" if role is None else f'<{tag} role="{role}">'
    return [opening, f"  <name>{_esc(_normal(name))}</name>", f"</{tag}>"]


# -- the XHTML body ------------------------------------------------------------


# The same speaker, verb and outlet open many quotes.
@functools.lru_cache(maxsize=4096)
def _quote_tag(
    speaker: str | None,
    verb: str | None,
    outlet: str | None,
    continues: bool,  # noqa: FBT001 - positional keeps the cache key cheap
) -> str:
    """The opening tag of a quote's span, with its attribution."""
    tag = '<span class="quote"'
    if speaker is not None:
        tag += f' data-speaker="{_attr(speaker)}"'
    if verb is not None:
        tag += f' data-verb="{_attr(verb)}"'
    if outlet is not None:
        tag += f' data-outlet="{_attr(outlet)}"'
    if continues:
        tag += ' data-continues="true"'
    return tag + ">"


def _paragraph(out: list[str], paragraph: Paragraph, opening: str) -> None:
    """Append a paragraph with quotes to *out*, *opening* its ``<p>`` tag."""
    text = paragraph.text
    # Quotes and the text between them are slices of the paragraph: when it
    # needs no escaping, neither do they.
    plain = not ("&" in text or "<" in text or ">" in text or "\r" in text)
    out.append(opening)
    position = 0
    for quote in paragraph.quotes:
        before = text[position : quote.start]
        words = quote.text
        if not plain:
            before = _esc(before)
            words = _esc(words)
        # Four pieces in one extend: measured, cheaper than four appends.
        out += (
            before,
            _quote_tag(
                quote.speaker, quote.verb, quote.outlet, quote.continues
            ),
            words,
            "</span>",
        )
        position = quote.end
    rest = text[position:]
    out += (rest if plain else _esc(rest), "</p>\n")


# Credits name the same agencies (and photographers) again and again.
@functools.lru_cache(maxsize=4096)
def _names_json(names: tuple[str, ...]) -> str:
    """*names* as a JSON array of strings, escaped for an attribute."""
    # encode_basestring is the json module's C string encoder; a whole
    # json.dumps() call costs several times more for these short lists.
    return _attr(f"[{', '.join(map(_json_string, names))}]")


def _credit(credit: Credit) -> str:
    attributes = ' class="credit"'
    if credit.label is not None:
        attributes += f' data-label="{_attr(credit.label)}"'
    if credit.creators:
        attributes += f' data-creators="{_names_json(credit.creators)}"'
    if credit.agencies:
        attributes += f' data-agencies="{_names_json(credit.agencies)}"'
    if credit.via is not None:
        attributes += f' data-via="{_attr(credit.via)}"'
    if credit.handout:
        attributes += ' data-handout="true"'
    if credit.pool:
        attributes += ' data-pool="true"'
    if credit.file:
        attributes += ' data-file="true"'
    return f"<span{attributes}>{_esc(credit.raw)}</span>"


def _figure(out: list[str], figure: Figure) -> None:
    out.append("<figure>")
    if figure.image is not None or figure.alt is not None:
        image = "" if figure.image is None else f' src="{_attr(figure.image)}"'
        alt = "" if figure.alt is None else f' alt="{_attr(figure.alt)}"'
        out.append(f"<img{image}{alt}/>")
    out.append("<figcaption>")
    if figure.caption is not None:
        out.append(f'<span class="caption">{_esc(figure.caption)}</span>')
        if figure.credit is not None:
            out.append(" ")
    if figure.credit is not None:
        out.append(_credit(figure.credit))
    out.append("</figcaption></figure>\n")


_HTML_START: Final = f'<html xmlns="{n.XHTML}"><head><title>'


def _html(article: Article) -> str:
    out = [
        _HTML_START,
        _esc(article.headline),
        "</title></head><body>\n",
    ]
    append = out.append
    if article.standfirst is not None:
        _paragraph(out, article.standfirst, '<p class="standfirst">')
    for block in article.body:
        kind = type(block)
        if kind is Paragraph:
            if block.quotes:  # type: ignore[union-attr]
                _paragraph(out, block, "<p>")  # type: ignore[arg-type]
                continue
            # The common case, inline: a paragraph without quotes, and
            # pieces appended rather than formatted, so its text is copied
            # once, by the final join.
            text = block.text  # type: ignore[union-attr]
            if "&" in text or "<" in text or ">" in text or "\r" in text:
                text = _esc(text)
            append("<p>")
            append(text)
            append("</p>\n")
        elif kind is Heading:
            heading: Heading = block  # type: ignore[assignment]
            level = heading.level
            append(f"<h{level}>{_esc(heading.text)}</h{level}>\n")
        else:
            _figure(out, block)  # type: ignore[arg-type]
    append("</body></html>")
    return "".join(out)


# -- the items -----------------------------------------------------------------
# Each part is a list of lines indented relative to the part; the item that
# holds it adds its own indentation, so a text item reads the same alone and
# in a package (and its content hash is the same).


def _content_meta(article: Article) -> list[str]:
    meta = article.meta
    lines = ["<contentMeta>"]
    add = lines.append
    # The schema's order: the administrative group, then the descriptive one.
    if meta.modified is not None:
        add(f"  <contentModified>{_datetime(meta.modified)}</contentModified>")
    if article.dateline is not None:
        place = _place(article.dateline)
        if place is not None:
            lines.extend("  " + line for line in _named("located", place))
    if meta.id is not None:
        add(f'  <altId type="{n.ID_TYPE}">{_esc(meta.id)}</altId>')
    if meta.url is not None:
        add(f'  <altId type="{n.URL_TYPE}">{_esc(meta.url)}</altId>')
    lines.extend("  " + _normal_element("keyword", k) for k in meta.keywords)
    add(f"  <headline>{_esc(article.headline)}</headline>")
    if article.dateline is not None:
        add(f"  <dateline>{_esc(article.dateline)}</dateline>")
    if article.byline is not None:
        add(f"  <by>{_esc(article.byline)}</by>")
    if meta.publisher is not None:
        add("  " + _normal_element("creditline", meta.publisher))
    if article.standfirst is not None:
        add(
            f'  <description role="{n.SUMMARY_ROLE}">'
            f"{_esc(article.standfirst.text)}</description>"
        )
    add("</contentMeta>")
    return lines


def _content_hash(article: Article, rest: bytes) -> str:
    """
    A guid from the article's content: the text item from contentMeta on.

    That part holds every field but the language and the publication date,
    which are added; the options (provider, versionCreated) are not in it.
    """
    meta = article.meta
    published = None if meta.published is None else _datetime(meta.published)
    digest = hashlib.sha256(rest)
    digest.update(repr((meta.language, published)).encode())
    return n.HASH_GUID_PREFIX + digest.hexdigest()


def _item(
    tag: str,
    head: tuple[str, str | None, str, str, str],
    first_created: str | None,
    content: list[str],
) -> list[str]:
    """An item's lines: root, catalogRef, itemMeta, then *content*."""
    lines = _item_head(tag, head, first_created)
    lines.extend("  " + line for line in content)
    return lines


# The parts of an item's head that are the same in every item, made once.
_ITEM_ATTRIBUTES: Final = (
    f' version="1" standard="{n.STANDARD}" '
    f'standardversion="{n.STANDARD_VERSION}" conformance="{n.CONFORMANCE}"'
)
_CATALOG_REF: Final = f'  <catalogRef href="{n.IPTC_CATALOG}"/>'
_ITEM_META_END: Final = (
    f'    <pubStatus qcode="{n.USABLE}"/>',
    f"    <generator>{n.GENERATOR}</generator>",
    "  </itemMeta>",
)


def _item_head(
    tag: str,
    head: tuple[str, str | None, str, str, str],
    first_created: str | None,
) -> list[str]:
    """
    An item's first lines: root, catalogRef and itemMeta.

    *head* is (guid, language, item class, provider literal, versionCreated),
    all but the guid and language already in their XML form. The caller
    adds the closing tag after anything it appends.
    """
    guid, language, item_class, provider, created = head
    lang = "" if language is None else f' xml:lang="{_attr(language)}"'
    lines = [
        f'<{tag} guid="{_attr(guid)}"{_ITEM_ATTRIBUTES}{lang}>',
        _CATALOG_REF,
        "  <itemMeta>",
        f'    <itemClass qcode="{item_class}"/>',
        f'    <provider literal="{provider}"/>',
        f"    <versionCreated>{created}</versionCreated>",
    ]
    if first_created is not None:
        lines.append(f"    <firstCreated>{first_created}</firstCreated>")
    lines.extend(_ITEM_META_END)
    return lines


_INLINE_XML: Final = f'    <inlineXML contenttype="{n.XHTML_CONTENT_TYPE}">'


def _text_rest(content: list[str], html: str) -> list[str]:
    """The text item's lines after itemMeta: contentMeta, the body, the end."""
    lines = ["  " + line for line in content]
    lines.extend(
        (
            "  <contentSet>",
            _INLINE_XML,
            f"      {html}",
            "    </inlineXML>",
            "  </contentSet>",
            "</newsItem>",
        )
    )
    return lines


def _picture_item(
    figure: Figure, head: tuple[str, str | None, str, str, str]
) -> list[str]:
    content = ["<contentMeta>"]
    credit = figure.credit
    if credit is not None:
        for creator in credit.creators:
            content.extend(
                "  " + line
                for line in _named("creator", creator, n.PHOTOGRAPHER_ROLE)
            )
        for agency in credit.agencies:
            content.extend(
                "  " + line
                for line in _named("infoSource", agency, n.IMAGE_SUPPLIER_ROLE)
            )
        if credit.via is not None:
            content.extend(
                "  " + line
                for line in _named(
                    "infoSource", credit.via, n.DISTRIBUTOR_ROLE
                )
            )
        content.append(
            f"  <creditline>{_esc(_normal(credit.raw))}</creditline>"
        )
    if figure.caption is not None:
        content.append(
            f'  <description role="{n.CAPTION_ROLE}">'
            f"{_esc(figure.caption)}</description>"
        )
    content.append("</contentMeta>")
    lines = _item("newsItem", head, None, content)
    if figure.image is not None:
        lines.extend(
            (
                "  <contentSet>",
                f'    <remoteContent href="{_attr(_href(figure.image))}"/>',
                "  </contentSet>",
            )
        )
    lines.append("</newsItem>")
    return lines


def _package_item(
    article: Article,
    head: tuple[str, str | None, str, str, str],
    refs: list[tuple[str, str]],
) -> list[str]:
    """A packageItem whose main group refers to *refs*: (guid, item class)."""
    content = [
        "<contentMeta>",
        f"  <headline>{_esc(article.headline)}</headline>",
        "</contentMeta>",
    ]
    lines = _item("packageItem", head, None, content)
    lines.extend(
        (
            '  <groupSet root="G1">',
            f'    <group id="G1" role="{n.MAIN_GROUP_ROLE}">',
        )
    )
    for residref, item_class in refs:
        lines.extend(
            (
                f'      <itemRef residref="{_attr(residref)}">',
                f'        <itemClass qcode="{item_class}"/>',
                "      </itemRef>",
            )
        )
    lines.extend(("    </group>", "  </groupSet>", "</packageItem>"))
    return lines


_DECLARATION: Final = '<?xml version="1.0" encoding="UTF-8"?>'
_NEWS_ITEM_XMLNS: Final = f'<newsItem xmlns="{n.NAR}" '


def _encoded(lines: list[str]) -> bytes:
    """
    *lines* as UTF-8, each ended by a newline; ValueError if XML cannot carry them.

    A lone surrogate fails the encoding; the other characters XML 1.0 lacks
    are found in the text (U+FFFE, U+FFFF) and in the bytes (C0 controls).
    """
    lines.append("")
    text = "\n".join(lines)
    if "\ufffe" in text or "\uffff" in text:
        msg = "the article holds U+FFFE or U+FFFF"
        raise ValueError(msg)
    data = text.encode("utf-8")
    if len(data.translate(None, _C0_BYTES)) != len(data):
        msg = "the article holds C0 control characters"
        raise ValueError(msg)
    return data


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
    provider_literal = _attr(
        _normal(provider or meta.publisher or n.GENERATOR)
    )
    rest = _text_rest(_content_meta(article), _html(article))
    text_guid = guid or meta.id or meta.url
    rest_bytes: bytes | None = None
    if not text_guid:
        rest_bytes = _encoded(rest.copy())
        text_guid = _content_hash(article, rest_bytes)
    text_head = (
        text_guid,
        meta.language,
        n.TEXT_CLASS,
        provider_literal,
        created,
    )
    published = None if meta.published is None else _datetime(meta.published)
    head = _item_head("newsItem", text_head, published)
    if not package:
        # The item alone: its head and its (perhaps already encoded) rest.
        head[0] = head[0].replace("<newsItem ", _NEWS_ITEM_XMLNS, 1)
        if rest_bytes is None:
            rest_bytes = _encoded(rest)
        return _encoded([_DECLARATION, *head]) + rest_bytes
    item = head + rest

    refs = [(text_guid, n.TEXT_CLASS)]
    pictures: list[str] = []
    for number, figure in enumerate(article.figures, 1):
        picture_guid = f"{text_guid}-picture-{number}"
        refs.append((picture_guid, n.PICTURE_CLASS))
        picture_head = (
            picture_guid,
            None,
            n.PICTURE_CLASS,
            provider_literal,
            created,
        )
        pictures.extend(_picture_item(figure, picture_head))
    package_head = (
        f"{text_guid}-package",
        meta.language,
        n.COMPOSITE_CLASS,
        provider_literal,
        created,
    )
    items = [*_package_item(article, package_head, refs), *item, *pictures]
    lines = [
        _DECLARATION,
        f'<newsMessage xmlns="{n.NAR}">',
        "  <header>",
        f"    <sent>{created}</sent>",
        "  </header>",
        "  <itemSet>",
        *("    " + line for line in items),
        "  </itemSet>",
        "</newsMessage>",
    ]
    return _encoded(lines)


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
        # A character XML cannot carry: write a copy with each replaced.
        return _write(
            _cleaned(article),
            package=package,
            provider=provider,
            version_created=version_created,
            guid=guid,
        )
