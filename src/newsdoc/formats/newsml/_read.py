"""Read an `Article` from NewsML-G2: newsdoc's own output exactly, other providers' sensibly."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, Final, NoReturn, TypeVar

from lxml import etree

from newsdoc.errors import ParseError
from newsdoc.formats.newsml import _names as n
from newsdoc.model import (
    Article,
    ArticleMeta,
    Block,
    Credit,
    Figure,
    Heading,
    Paragraph,
    Quote,
)


__all__ = ["DEFAULT_MAX_BYTES", "read"]

#: The largest document `read` accepts unless told otherwise: 8 MiB, some
#: hundred times a long article with its markup.
DEFAULT_MAX_BYTES: Final = 8 * 1024 * 1024


class _RefuseAll(etree.Resolver):
    """Answer every request for an external resource with nothing."""

    def resolve(
        self,
        system_url: str | None,
        public_id: str | None,
        context: object,
        /,
    ) -> Any:
        del system_url, public_id
        return self.resolve_empty(context)


# One parser for all untrusted input, made once: no entity expansion, no
# DTD, no network, libxml2's default limits on depth and node size, and a
# resolver that loads nothing should libxml2 ever ask for a file.
# (Not collect_ids=False: that option makes libxml2 load external parameter
# entities.)
_PARSER: Final = etree.XMLParser(
    resolve_entities=False,
    load_dtd=False,
    dtd_validation=False,
    no_network=True,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)
_PARSER.resolvers.add(_RefuseAll())

_FORMAT: Final = "newsml"
_NAR_PREFIX: Final = f"{{{n.NAR}}}"
# An XML declaration's encoding, which a str (already decoded) must lose.
_ENCODING_DECLARATION: Final = re.compile(
    r"\A(\ufeff?\s*<\?xml[^>]*?)\s+encoding\s*=\s*(?:\"[^\"]*\"|'[^']*')"
)
# Description roles that hold a summary (dpa writes "drol:teaser").
_SUMMARY_ROLES: Final = frozenset(
    {"drol:summary", "drol:teaser", "drol:abstract", "drol:headline"}
)
_DATELINE_END: Final = " \t-\u2013\u2014:"

# How the foreign reader sees XHTML, HTML and NITF bodies, by local name.
_INLINE: Final = frozenset(
    (
        *("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del"),
        *("dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp"),
        *("small", "span", "strong", "sub", "sup", "time", "tt", "u", "var"),
        "wbr",
        # NITF's inline elements
        *("chron", "classifier", "copyrite", "event", "function"),
        *("location", "money", "num", "object.title", "org", "person"),
        *("pronounce", "virtloc"),
    )
)
_SKIPPED: Final = frozenset(
    (
        *("head", "footer", "nav", "aside", "script", "style", "title"),
        *("meta", "link", "noscript", "template", "form", "table", "button"),
        *("select", "textarea", "iframe", "svg"),
        # NITF's end matter
        *("body.end", "tagline", "bibliography"),
    )
)
_PARAGRAPHS: Final = frozenset({"p", "pre", "address"})
_HEADINGS: Final = {f"h{level}": level for level in range(1, 7)} | {
    f"hl{level}": level for level in range(1, 3)
}
_CREDIT_CLASSES: Final = frozenset(
    {"credit", "byline", "copyright", "photographer", "source", "photocredit"}
)
_STANDFIRST_CLASSES: Final = frozenset(
    {"teaser", "standfirst", "summary", "abstract", "lead-in"}
)

_T = TypeVar("_T")

# A credit's name lists are JSON arrays; the decoder's own method skips the
# checks of json.loads(), which only a caller with bytes or options needs.
_decode_json: Final = json.JSONDecoder().decode


def _fail(message: str, line: int | None) -> NoReturn:
    raise ParseError(message=message, format=_FORMAT, line=line)


def _build(
    line: int | None, factory: Callable[..., _T], **fields: object
) -> _T:
    """Make a model value, turning its constructor's complaint into a `ParseError`."""
    try:
        return factory(**fields)
    except (TypeError, ValueError) as exc:
        message = f"not a valid {factory.__name__}: {exc}"
        raise ParseError(message=message, format=_FORMAT, line=line) from exc


def _invalid(exc: Exception, element: etree._Element) -> NoReturn:
    """Turn a model constructor's complaint about *element* into a ParseError."""
    message = f"invalid <{_local(element.tag)}>: {exc}"
    raise ParseError(
        message=message, format=_FORMAT, line=element.sourceline
    ) from exc


def _nar_local(tag: object) -> str | None:
    """The local name of a NewsML-G2 element, namespaced or bare."""
    if type(tag) is not str:
        return None
    if tag.startswith(_NAR_PREFIX):
        return tag[len(_NAR_PREFIX) :]
    if tag.startswith("{"):
        return None
    return tag


def _local(tag: object) -> str | None:
    """The local name of any element (`None` for anything else)."""
    if type(tag) is not str:
        return None
    return tag.rpartition("}")[2]


def _squash(text: str | None) -> str | None:
    """Whitespace runs as one space, trimmed; `None` if nothing is left."""
    if text is None:
        return None
    return " ".join(text.split()) or None


def _datetime(
    text: str | None, line: int | None, *, strict: bool
) -> datetime | None:
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        if strict:
            _fail(f"not a date and time: {text!r}", line)
        return None
    if value.tzinfo is None:
        if strict:
            _fail(f"a date and time without a time zone: {text!r}", line)
        return None
    return value


# -- input -------------------------------------------------------------------


def _as_bytes(data: bytes | str, max_bytes: int) -> bytes:
    if isinstance(data, str):
        if len(data) > max_bytes:
            _too_big(len(data), max_bytes)
        match = _ENCODING_DECLARATION.match(data)
        if match is not None:
            data = match.group(1) + data[match.end() :]
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            message = f"the text holds a character no XML can: {exc.reason}"
            raise ParseError(message=message, format=_FORMAT) from exc
    elif isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    else:
        # Callers without type checking pass anything.
        message = f"expected bytes or str, not {type(data).__name__}"  # type: ignore[unreachable]
        raise TypeError(message)
    if len(raw) > max_bytes:
        _too_big(len(raw), max_bytes)
    return raw


def _too_big(size: int, max_bytes: int) -> NoReturn:
    _fail(
        f"the document has {size} bytes, more than the limit of {max_bytes} "
        "(see max_bytes)",
        None,
    )


def _parse(raw: bytes) -> etree._Element:
    if not raw or raw.isspace():
        _fail("the document is empty", None)
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        message = f"not well-formed XML: {exc.msg}"
        raise ParseError(
            message=message, format=_FORMAT, line=exc.lineno or None
        ) from exc
    except (etree.LxmlError, ValueError) as exc:
        message = f"not readable as XML: {exc}"
        raise ParseError(message=message, format=_FORMAT) from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        _fail(
            "a document type declaration (DTD) is not allowed in NewsML-G2",
            1,
        )
    return root


def _text_item(root: etree._Element) -> etree._Element:
    """The newsItem that holds the text: the root, or one in a newsMessage."""
    local = _nar_local(root.tag)
    if local == "newsItem":
        return root
    if local == "newsMessage":
        candidates = [
            item
            for item_set in root
            if _nar_local(item_set.tag) == "itemSet"
            for item in item_set
            if _nar_local(item.tag) == "newsItem"
        ]
        for item in candidates:
            item_class = _item_class(item)
            if item_class is None or item_class.endswith(":text"):
                return item
        _fail("the newsMessage holds no text newsItem", root.sourceline)
    if local in {
        "packageItem",
        "conceptItem",
        "knowledgeItem",
        "planningItem",
    }:
        _fail(
            f"a {local} holds no article text; expected a newsItem or a "
            "newsMessage",
            root.sourceline,
        )
    name = root.tag if isinstance(root.tag, str) else "?"
    _fail(
        f"the root element {name} is not a NewsML-G2 newsItem or newsMessage",
        root.sourceline,
    )


def _item_class(item: etree._Element) -> str | None:
    for meta in item:
        if _nar_local(meta.tag) == "itemMeta":
            for child in meta:
                if _nar_local(child.tag) == "itemClass":
                    return child.get("qcode")
    return None


def read(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article; see `newsdoc.from_newsml`."""
    root = _parse(_as_bytes(data, max_bytes))
    item = _text_item(root)
    return _Item(item).article()


# -- one newsItem ------------------------------------------------------------


class _Item:
    """The parts of one newsItem that an article is made of."""

    def __init__(self, item: etree._Element) -> None:
        self.item = item
        self.item_meta: dict[str, etree._Element] = {}
        self.content_meta: etree._Element | None = None
        self.content_set: etree._Element | None = None
        self.ours = False
        for child in item:
            local = _nar_local(child.tag)
            if local == "itemMeta":
                for meta in child:
                    name = _nar_local(meta.tag)
                    if name is not None:
                        self.item_meta.setdefault(name, meta)
                    if name == "generator" and meta.text == n.GENERATOR:
                        self.ours = True
            elif local == "contentMeta":
                self.content_meta = child
            elif local == "contentSet":
                self.content_set = child
        item_class = self.item_meta.get("itemClass")
        qcode = None if item_class is None else item_class.get("qcode")
        if qcode is not None and not qcode.endswith(":text"):
            _fail(
                f"the newsItem is a {qcode} item, not text",
                item_class.sourceline if item_class is not None else None,
            )

    def article(self) -> Article:
        if self.ours:
            return _OwnReader(self).article()
        return _ForeignReader(self).article()

    def meta_text(self, name: str) -> tuple[str | None, int | None]:
        element = self.item_meta.get(name)
        if element is None:
            return None, None
        return element.text, element.sourceline

    def content(self) -> Iterator[tuple[str, etree._Element]]:
        if self.content_meta is None:
            return
        for child in self.content_meta:
            local = _nar_local(child.tag)
            if local is not None:
                yield local, child

    def body_root(self) -> etree._Element | None:
        """The first inlineXML or inlineData element of the contentSet."""
        if self.content_set is None:
            return None
        for child in self.content_set:
            if _nar_local(child.tag) in {"inlineXML", "inlineData"}:
                return child
        return None


# -- newsdoc's own output: exact ---------------------------------------------


def _names_list(value: str | None, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    # The writer's form, ["A", "B"], split without the JSON decoder: with
    # no backslash (no escape) and no control character (isprintable),
    # and the quotes all delimiters, each part is one name exactly as JSON
    # reads it. Anything else, valid or not, goes to the decoder.
    if (
        len(value) > 3  # noqa: PLR2004 - '["' and '"]' may not overlap
        and value.startswith('["')
        and value.endswith('"]')
        and "\\" not in value
        and value.isprintable()
    ):
        names = value[2:-2].split('", "')
        if value.count('"') == 2 * len(names):
            return tuple(names)
    try:
        names = _decode_json(value)
    except (ValueError, RecursionError) as exc:
        message = f"a credit's name list is not a JSON array: {value!r}"
        raise ParseError(message=message, format=_FORMAT, line=line) from exc
    if not isinstance(names, list) or not all(
        isinstance(name, str) for name in names
    ):
        _fail(
            f"a credit's name list is not an array of strings: {value!r}", line
        )
    return tuple(names)


class _OwnReader:
    """Reads newsdoc's markup back to the article it was written from."""

    def __init__(self, item: _Item) -> None:
        self.item = item

    def article(self) -> Article:
        item = self.item
        fields: dict[str, str | None] = {
            "headline": None,
            "dateline": None,
            "by": None,
            "creditline": None,
        }
        ids: dict[str, str] = {}
        keywords: list[str] = []
        modified = None
        headline_line = (
            item.content_meta.sourceline
            if item.content_meta is not None
            else None
        )
        for local, child in item.content():
            if local in fields:
                fields[local] = child.get(n.EXACT_TEXT, child.text or "")
                if local == "headline":
                    headline_line = child.sourceline
            elif local == "keyword":
                keywords.append(child.get(n.EXACT_TEXT, child.text or ""))
            elif local == "altId":
                kind = child.get("type")
                if kind in {n.ID_TYPE, n.URL_TYPE}:
                    ids[kind] = child.text or ""
            elif local == "contentModified":
                modified = _datetime(child.text, child.sourceline, strict=True)
        if fields["headline"] is None:
            _fail("the newsItem has no headline", headline_line)
        published_text, published_line = item.meta_text("firstCreated")
        meta = _build(
            item.item.sourceline,
            ArticleMeta,
            id=ids.get(n.ID_TYPE),
            url=ids.get(n.URL_TYPE),
            publisher=fields["creditline"],
            language=item.item.get(n.XML_LANG),
            published=_datetime(published_text, published_line, strict=True),
            modified=modified,
            keywords=keywords,
        )
        standfirst, body = self.body()
        return _build(
            headline_line,
            Article,
            headline=fields["headline"],
            standfirst=standfirst,
            byline=fields["by"],
            dateline=fields["dateline"],
            body=body,
            meta=meta,
        )

    def xhtml_body(self) -> etree._Element:
        inline = self.item.body_root()
        if inline is None:
            _fail(
                "the newsItem has no inlineXML body", self.item.item.sourceline
            )
        html = next((c for c in inline if c.tag == n.HTML), None)
        if html is None:
            _fail(
                "the inlineXML holds no XHTML html element", inline.sourceline
            )
        body = next((c for c in html if c.tag == n.BODY), None)
        if body is None:
            _fail("the XHTML has no body", html.sourceline)
        return body

    def body(self) -> tuple[Paragraph | None, list[Block]]:
        body = self.xhtml_body()
        standfirst: Paragraph | None = None
        blocks: list[Block] = []
        append = blocks.append
        levels = n.HEADING_LEVELS
        for child in body:
            tag = child.tag
            try:
                if tag == n.P:
                    paragraph = (
                        self.paragraph(child)
                        if len(child)
                        else Paragraph(text=child.text or "")
                    )
                    if (
                        standfirst is None
                        and not blocks
                        and child.get("class") == n.STANDFIRST_CLASS
                    ):
                        standfirst = paragraph
                    else:
                        append(paragraph)
                elif tag in levels:
                    append(Heading(text=child.text or "", level=levels[tag]))
                elif tag == n.FIGURE:
                    append(self.figure(child))
                else:
                    _fail(
                        f"unexpected element {tag!r} in the body",
                        child.sourceline,
                    )
            except (TypeError, ValueError) as exc:
                if isinstance(exc, ParseError):
                    raise
                _invalid(exc, child)
        return standfirst, blocks

    def paragraph(self, p: etree._Element) -> Paragraph:
        head = p.text or ""
        parts = [head]
        offset = len(head)
        quotes: list[Quote] = []
        for span in p:
            # Asking lxml for the four attributes one by one costs less
            # than copying all of them into a dict first.
            get = span.get
            if span.tag != n.SPAN or get("class") != n.QUOTE_CLASS:
                _fail(
                    "a paragraph holds markup other than quotes",
                    span.sourceline,
                )
            words = span.text or ""
            end = offset + len(words)
            try:
                quote = Quote(
                    text=words,
                    start=offset,
                    end=end,
                    speaker=get(n.DATA_SPEAKER),
                    verb=get(n.DATA_VERB),
                    outlet=get(n.DATA_OUTLET),
                    continues=get(n.DATA_CONTINUES) == n.TRUE,
                )
            except (TypeError, ValueError) as exc:
                _invalid(exc, span)
            quotes.append(quote)
            tail = span.tail or ""
            parts.append(words)
            parts.append(tail)
            offset = end + len(tail)
        return Paragraph(text="".join(parts), quotes=quotes)

    def figure(self, figure: etree._Element) -> Figure:
        image = alt = caption = None
        credit: Credit | None = None
        for child in figure:
            if child.tag == n.IMG:
                image = child.get("src")
                alt = child.get("alt")
            elif child.tag == n.FIGCAPTION:
                for span in child:
                    kind = span.get("class")
                    if kind == n.CAPTION_CLASS:
                        caption = span.text or ""
                    elif kind == n.CREDIT_CLASS:
                        credit = self.credit(span)
        return Figure(caption=caption, credit=credit, image=image, alt=alt)

    def credit(self, span: etree._Element) -> Credit:
        line = span.sourceline
        get = span.get
        try:
            return Credit(
                raw=span.text or "",
                label=get(n.DATA_LABEL),
                creators=_names_list(get(n.DATA_CREATORS), line),
                agencies=_names_list(get(n.DATA_AGENCIES), line),
                via=get(n.DATA_VIA),
                handout=get(n.DATA_HANDOUT) == n.TRUE,
                pool=get(n.DATA_POOL) == n.TRUE,
                file=get(n.DATA_FILE) == n.TRUE,
            )
        except ParseError:
            raise
        except (TypeError, ValueError) as exc:
            _invalid(exc, span)


# -- other providers' items: sensibly ----------------------------------------


def _classes(element: etree._Element) -> set[str]:
    value = element.get("class")
    return set(value.split()) if value else set()


_TEXT_FIELDS: Final = frozenset({"dateline", "by", "creditline"})


class _Described:
    """What another provider's contentMeta says, whitespace squashed."""

    def __init__(self, item: _Item) -> None:
        self.headline: str | None = None
        self.rank = 0
        self.texts: dict[str, str] = {}
        self.summary: str | None = None
        self.keywords: list[str] = []
        self.language = item.item.get(n.XML_LANG)
        self.dates: dict[str, datetime] = {}
        self.url: str | None = None
        for local, child in item.content():
            self.take(local, child)

    def take(self, local: str, child: etree._Element) -> None:
        if local == "headline":
            self.take_headline(child)
        elif local in _TEXT_FIELDS:
            text = _squash("".join(child.itertext()))
            if text is not None:
                self.texts.setdefault(local, text)
        elif local == "description":
            self.take_description(child)
        elif local == "keyword":
            keyword = _squash(child.text)
            if keyword is not None:
                self.keywords.append(keyword)
        elif local == "language" and self.language is None:
            self.language = child.get("tag")
        else:
            self.take_administrative(local, child)

    def take_administrative(self, local: str, child: etree._Element) -> None:
        if local in {"contentCreated", "contentModified"}:
            value = _datetime(child.text, None, strict=False)
            if value is not None:
                self.dates.setdefault(local, value)
        elif local == "altId" and child.get("type") == n.URL_TYPE:
            self.url = _squash(child.text)

    def take_headline(self, child: etree._Element) -> None:
        # Several headlines: the one of the best (lowest) rank.
        text = _squash("".join(child.itertext()))
        rank = _rank(child.get("rank"))
        if text is not None and (self.headline is None or rank < self.rank):
            self.headline, self.rank = text, rank

    def take_description(self, child: etree._Element) -> None:
        role = child.get("role")
        if self.summary is None and (role is None or role in _SUMMARY_ROLES):
            self.summary = _squash("".join(child.itertext()))


class _ForeignReader:
    """
    Reads what a person sees in another provider's text item.

    Text is taken with its whitespace squashed; the body is walked once,
    whatever its vocabulary (XHTML, HTML without a namespace, NITF), by
    local names: paragraphs, headings and figures become blocks, inline
    markup keeps its text and its tail, page furniture is skipped.
    """

    def __init__(self, item: _Item) -> None:
        self.item = item
        # Harvested from the body for what contentMeta lacks.
        self.title: str | None = None
        self.h1: str | None = None
        self.byline: str | None = None
        self.dateline: str | None = None
        self.teaser: str | None = None
        # Blocks in order; paragraphs as (text, line) until quotes are found.
        self.blocks: list[tuple[str, int | None] | Heading | Figure] = []

    # ---- metadata

    def article(self) -> Article:
        item = self.item
        described = _Described(item)
        self.read_body()
        headline = described.headline or self.h1 or self.title
        if headline is None:
            _fail("the newsItem has no headline", item.item.sourceline)
        dateline = described.texts.get("dateline")
        if dateline is not None:
            dateline = dateline.rstrip(_DATELINE_END) or None
        standfirst_text = described.summary or self.teaser
        self.drop_repeats(headline, standfirst_text)
        standfirst, body = self.with_quotes(
            headline, standfirst_text, self.blocks
        )
        return _build(
            item.item.sourceline,
            Article,
            headline=headline,
            standfirst=standfirst,
            byline=described.texts.get("by") or self.byline,
            dateline=dateline or self.dateline,
            body=body,
            meta=self.meta(described),
        )

    def drop_repeats(self, headline: str, standfirst: str | None) -> None:
        """Drop the headline and summary where the body repeats them."""
        blocks = self.blocks
        for index, block in enumerate(blocks):
            if (
                type(block) is Heading
                and block.level == 1
                and block.text == headline
            ):
                del blocks[index]
                break
        if standfirst is not None:
            for index, block in enumerate(blocks):
                if type(block) is tuple and block[0] == standfirst:
                    del blocks[index]
                    break

    def meta(self, described: _Described) -> ArticleMeta:
        item = self.item
        published_text, _ = item.meta_text("firstCreated")
        published = _datetime(
            published_text, None, strict=False
        ) or described.dates.get("contentCreated")
        modified = described.dates.get("contentModified")
        if modified is None:
            version_text, _ = item.meta_text("versionCreated")
            version = _datetime(version_text, None, strict=False)
            if version != published:
                modified = version
        publisher = described.texts.get("creditline")
        provider = item.item_meta.get("provider")
        if publisher is None and provider is not None:
            name = next(
                (c for c in provider if _nar_local(c.tag) == "name"), None
            )
            publisher = _squash(
                name.text if name is not None else None
            ) or _squash(provider.get("literal"))
        fields: dict[str, object] = {
            "id": _squash(item.item.get("guid")),
            "url": described.url,
            "publisher": publisher,
            "language": _squash(described.language),
            "published": published,
            "modified": modified,
            "keywords": described.keywords,
        }
        try:
            return ArticleMeta(**fields)  # type: ignore[arg-type]
        except ValueError:
            # A language tag xml:lang allows but BCP 47 does not: drop it.
            fields["language"] = None
            return _build(item.item.sourceline, ArticleMeta, **fields)

    def with_quotes(
        self,
        headline: str,
        standfirst_text: str | None,
        blocks: list[tuple[str, int | None] | Heading | Figure],
    ) -> tuple[Paragraph | None, list[Block]]:
        """Paragraphs with their quotes found as the raw-text reader finds them."""
        # Imported when first needed: newsdoc's own output never needs it.
        from newsdoc.formats.text._quotes import find_quotes  # noqa: PLC0415

        texts = [] if standfirst_text is None else [standfirst_text]
        texts.extend(block[0] for block in blocks if type(block) is tuple)
        # Where speakers' full names may appear besides the paragraphs.
        context = [headline]
        for block in blocks:
            if type(block) is Heading:
                context.append(block.text)
            elif type(block) is Figure and block.caption is not None:
                context.append(block.caption)
        found = iter(find_quotes(texts, context=context))
        standfirst = None
        if standfirst_text is not None:
            standfirst = _build(
                None, Paragraph, text=standfirst_text, quotes=next(found)
            )
        body: list[Block] = []
        for block in blocks:
            if type(block) is tuple:
                text, line = block
                body.append(
                    _build(line, Paragraph, text=text, quotes=next(found))
                )
            else:
                body.append(block)  # type: ignore[arg-type]
        return standfirst, body

    # ---- the body

    def read_body(self) -> None:
        root = self.item.body_root()
        if root is None:
            return
        if _nar_local(root.tag) == "inlineData":
            self.plain(root.text or "", root.sourceline)
            return
        for child in root:
            local = _local(child.tag)
            if local == "html":
                for part in child:
                    part_name = _local(part.tag)
                    if part_name == "head":
                        self.head(part)
                    elif part_name == "body":
                        self.walk(part)
            elif local is not None:
                self.walk(child)

    def plain(self, text: str, line: int | None) -> None:
        parts = re.split(r"\n[ \t\r\f\v]*\n", text)
        if len(parts) == 1:
            parts = text.splitlines()
        for part in parts:
            squashed = _squash(part)
            if squashed is not None:
                self.blocks.append((squashed, line))

    def head(self, head: etree._Element) -> None:
        for child in head:
            if _local(child.tag) == "title" and self.title is None:
                self.title = _squash("".join(child.itertext()))

    def walk(self, container: etree._Element) -> None:
        """Walk a block container: blocks become blocks, loose text a paragraph."""
        pending: list[str] = []
        if container.text:
            pending.append(container.text)
        line = container.sourceline
        touching = False
        for child in container:
            local = _local(child.tag)
            if local is None or local in _INLINE or local == "br":
                # Inline elements that touch, loose in a block container
                # (TT's <span>Litteratur</span><span>TT</span>), are shown
                # apart by the page's style: keep a space between them.
                if touching:
                    pending.append(" ")
                if local is not None:
                    self.gather(child, pending)
                touching = not child.tail
            else:
                touching = False
                self.flush(pending, line)
                pending = []
                self.block(child, local)
            if child.tail:
                pending.append(child.tail)
            line = child.sourceline
        self.flush(pending, line)

    def flush(self, pending: list[str], line: int | None) -> None:
        text = _squash("".join(pending))
        if text is not None:
            self.blocks.append((text, line))

    def block(self, element: etree._Element, local: str) -> None:
        if local in _PARAGRAPHS:
            self.paragraph(element)
        elif local in _HEADINGS:
            text = self.text_of(element)
            if text is None:
                return
            if local in {"h1", "hl1"} and self.h1 is None:
                self.h1 = text
            self.blocks.append(
                _build(
                    element.sourceline,
                    Heading,
                    text=text,
                    level=_HEADINGS[local],
                )
            )
        elif local in {"figure", "media"}:
            figure = self.figure(element)
            if figure is not None:
                self.blocks.append(figure)
        elif local == "body.head":
            self.nitf_head(element)
        elif local == "header":
            self.page_header(element)
        elif local not in _SKIPPED:
            self.walk(element)

    def paragraph(self, element: etree._Element) -> None:
        text = self.text_of(element)
        if text is None:
            return
        classes = _classes(element)
        if classes & _STANDFIRST_CLASSES and self.teaser is None:
            self.teaser = text
        elif "byline" in classes and self.byline is None:
            self.byline = text
        else:
            self.blocks.append((text, element.sourceline))

    def text_of(self, element: etree._Element) -> str | None:
        parts: list[str] = []
        self.gather(element, parts, outer=True)
        return _squash("".join(parts))

    def gather(
        self, element: etree._Element, parts: list[str], *, outer: bool = False
    ) -> None:
        """Append *element*'s text, its descendants' and their tails to *parts*."""
        local = _local(element.tag)
        if local == "br":
            parts.append("\n")
            return
        if local in {"script", "style"}:
            return
        if (
            not outer
            and self.dateline is None
            and "dateline" in _classes(element)
        ):
            self.dateline = _squash("".join(element.itertext()))
            if self.dateline is not None:
                self.dateline = self.dateline.rstrip(_DATELINE_END) or None
        if element.text:
            parts.append(element.text)
        for child in element:
            if _local(child.tag) is not None:
                self.gather(child, parts)
            if child.tail:
                parts.append(child.tail)

    def figure(self, element: etree._Element) -> Figure | None:
        image = alt = None
        caption_parts: list[str] = []
        credit: str | None = None
        for child in element.iter():
            local = _local(child.tag)
            if local is None:
                continue
            if local == "img" and image is None:
                image = _squash(child.get("src"))
                alt = _squash(child.get("alt"))
            elif local == "media-reference" and image is None:
                image = _squash(child.get("source"))
                alt = _squash(child.get("alternate-text"))
            elif (
                _classes(child) & _CREDIT_CLASSES or local == "media-producer"
            ) and credit is None:
                credit = _squash("".join(child.itertext()))
            elif (
                local in {"figcaption", "media-caption"} and not caption_parts
            ):
                self.caption_text(child, caption_parts)
        caption = _squash("".join(caption_parts))
        if caption is None and credit is None:
            return None
        return _build(
            element.sourceline,
            Figure,
            caption=caption,
            credit=None if credit is None else Credit(raw=credit),
            image=image,
            alt=alt,
        )

    def caption_text(self, element: etree._Element, parts: list[str]) -> None:
        """A caption's text without the credit inside it."""
        if element.text:
            parts.append(element.text)
        for child in element:
            if _local(child.tag) is not None and not (
                _classes(child) & _CREDIT_CLASSES
            ):
                self.caption_text(child, parts)
            if child.tail:
                parts.append(child.tail)

    def nitf_head(self, head: etree._Element) -> None:
        for child in head.iter():
            local = _local(child.tag)
            if local == "hl1" and self.h1 is None:
                self.h1 = _squash("".join(child.itertext()))
            elif local == "byline" and self.byline is None:
                self.byline = _squash("".join(child.itertext()))
            elif local == "dateline" and self.dateline is None:
                self.dateline = _squash("".join(child.itertext()))
            elif local == "abstract" and self.teaser is None:
                self.teaser = _squash("".join(child.itertext()))

    def page_header(self, header: etree._Element) -> None:
        for child in header.iter():
            local = _local(child.tag)
            if local == "h1" and self.h1 is None:
                self.h1 = _squash("".join(child.itertext()))
            elif (
                local is not None
                and "byline" in _classes(child)
                and self.byline is None
            ):
                self.byline = _squash("".join(child.itertext()))


def _rank(value: str | None) -> int:
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0
