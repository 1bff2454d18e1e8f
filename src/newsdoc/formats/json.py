"""
Read and write articles as newsdoc JSON, losslessly.

A document is one JSON object; its keys follow the model's field order and
every key is written, ``null`` or empty where the article has nothing:

==============  ==========================================================
model           JSON
==============  ==========================================================
`Article`       object: ``"schema": "newsdoc/1"`` first, then ``headline``,
                ``standfirst``, ``byline``, ``dateline``, ``body``, ``meta``
`Paragraph`     object ``{"text", "quotes"}``; in the body it opens with
                ``"type": "paragraph"``
`Heading`       object ``{"type": "heading", "text", "level"}``
`Figure`        object ``{"type": "figure", "caption", "credit", "image",
                "alt"}``
`Credit`        object ``{"raw", "label", "creators", "agencies", "via",
                "handout", "pool", "file"}``
`Quote`         object ``{"text", "start", "end", "speaker", "verb",
                "outlet", "continues"}``
`ArticleMeta`   object ``{"id", "url", "publisher", "language",
                "published", "modified", "keywords"}``
`tuple`         array
`datetime`      string, ISO 8601 with its UTC offset
                (``2015-04-25T14:32:00+05:45``)
`None`          ``null``
==============  ==========================================================

Offsets count code points, as Python's `str` does.
The reader requires the keys of the fields without a default and refuses
any other key; a problem anywhere is one `ParseError` whose
``path`` names the place, such as ``$.body[3].credit.raw``.

The hooks are written by hand and registered on one cattrs converter:
the model's constructors already check every type exactly, so a hook only
reshapes the JSON and calls the constructor; only when that fails does the
reader look closer to say where and why.
A document in exactly the shape `to_json` writes takes a faster path still,
and orjson, when installed, encodes and decodes; neither changes a result.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cache
from importlib.resources import files
from typing import Any, Final, NoReturn, TypeAlias, TypeVar

import attrs
import cattrs

from newsdoc._limits import DEFAULT_MAX_BYTES, check_size
from newsdoc.errors import ParseError
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


__all__ = [
    "DEFAULT_MAX_BYTES",
    "SCHEMA",
    "SCHEMAS_READ",
    "from_json",
    "json_schema",
    "to_json",
]

#: The ``"schema"`` value this version writes.
SCHEMA: Final = "newsdoc/1"

#: Every ``"schema"`` value this version reads.
SCHEMAS_READ: Final = frozenset({SCHEMA})

_FORMAT: Final = "json"
_SCHEMA_FILE: Final = "newsdoc-1.schema.json"

# What datetime.isoformat() writes for an aware datetime; "Z" too, since
# people write it. The offset is required: naive times are refused.
_DATETIME: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(?P<offset>Z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{6})?)?)?"
)
_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_T = TypeVar("_T")


def _import_orjson() -> Any:
    try:
        return importlib.import_module("orjson")
    except ImportError:
        return None


# orjson, where installed, encodes and decodes several times faster than the
# standard library. Never required: with or without it the output is the same
# text (tests hold both to it), and whatever orjson refuses goes to the
# standard library, whose messages name the line.
_ORJSON: Final = _import_orjson()
_ENCODE_STRING: Final[Callable[[str], str]] = json.encoder.encode_basestring


# -- writing ----------------------------------------------------------------
# Plain functions from model to JSON-ready dicts, in field order.


def _unstructure_quote(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "speaker": quote.speaker,
        "verb": quote.verb,
        "outlet": quote.outlet,
        "continues": quote.continues,
    }


def _unstructure_paragraph(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "text": paragraph.text,
        "quotes": [_unstructure_quote(quote) for quote in paragraph.quotes],
    }


def _unstructure_credit(credit: Credit) -> dict[str, Any]:
    return {
        "raw": credit.raw,
        "label": credit.label,
        "creators": list(credit.creators),
        "agencies": list(credit.agencies),
        "via": credit.via,
        "handout": credit.handout,
        "pool": credit.pool,
        "file": credit.file,
    }


# In the body, each block opens with its "type" tag.


def _unstructure_paragraph_block(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "type": "paragraph",
        "text": paragraph.text,
        "quotes": [_unstructure_quote(quote) for quote in paragraph.quotes],
    }


def _unstructure_heading(heading: Heading) -> dict[str, Any]:
    return {"type": "heading", "text": heading.text, "level": heading.level}


def _unstructure_figure(figure: Figure) -> dict[str, Any]:
    credit = figure.credit
    return {
        "type": "figure",
        "caption": figure.caption,
        "credit": None if credit is None else _unstructure_credit(credit),
        "image": figure.image,
        "alt": figure.alt,
    }


_UNSTRUCTURE_BLOCK: Final[dict[type, Callable[[Any], dict[str, Any]]]] = {
    Paragraph: _unstructure_paragraph_block,
    Heading: _unstructure_heading,
    Figure: _unstructure_figure,
}


def _unstructure_meta(meta: ArticleMeta) -> dict[str, Any]:
    published = meta.published
    modified = meta.modified
    return {
        "id": meta.id,
        "url": meta.url,
        "publisher": meta.publisher,
        "language": meta.language,
        "published": None if published is None else published.isoformat(),
        "modified": None if modified is None else modified.isoformat(),
        "keywords": list(meta.keywords),
    }


def _unstructure_article(article: Article) -> dict[str, Any]:
    standfirst = article.standfirst
    unstructure = _UNSTRUCTURE_BLOCK
    return {
        "schema": SCHEMA,
        "headline": article.headline,
        "standfirst": (
            None if standfirst is None else _unstructure_paragraph(standfirst)
        ),
        "byline": article.byline,
        "dateline": article.dateline,
        "body": [unstructure[type(block)](block) for block in article.body],
        "meta": _unstructure_meta(article.meta),
    }


def _encode_indented(
    value: dict[str, Any] | list[Any], newline: str, step: str
) -> str:
    """
    Encode *value* as `json.dumps` does with an indent, only faster.

    `json.dumps` falls back to its pure-Python encoder whenever it indents;
    the documents here hold only dicts, lists, strings, integers, booleans
    and None, so a small encoder that handles scalars in line does the same
    job in a fraction of the time.
    """
    inner = newline + step
    if isinstance(value, dict):
        items = [
            _ENCODE_STRING(key) + ": " + _encode_item(item, inner, step)
            for key, item in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    items = [_encode_item(item, inner, step) for item in value]
    return "[" + inner + ("," + inner).join(items) + newline + "]"


def _encode_item(item: object, newline: str, step: str) -> str:
    if isinstance(item, str):
        return _ENCODE_STRING(item)
    if item is None:
        return "null"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return int.__repr__(item)
    if isinstance(item, dict):
        return _encode_indented(item, newline, step) if item else "{}"
    return _encode_indented(item, newline, step) if item else "[]"  # type: ignore[arg-type]


def to_json(article: Article, *, indent: int | None = 2) -> str:
    r"""
    Write *article* as a newsdoc JSON document.

    The output is deterministic: keys in the model's field order (every key,
    ``null`` or ``[]`` where the article has nothing), text as UTF-8
    characters rather than ``\\u`` escapes, and a final newline.
    Nothing is lost: ``from_json(to_json(article)) == article``.
    A datetime keeps its UTC offset, not the name of its time zone.

    Args:
        article: The article to write.
        indent: Spaces per level of nesting; `None` writes the whole
            document on one line (for JSON Lines).

    Returns:
        The document, ending in a newline.
    """
    data = _CONVERTER.unstructure(article, Article)
    if _ORJSON is not None and indent in {None, 2}:
        option = _ORJSON.OPT_APPEND_NEWLINE
        if indent is not None:
            option |= _ORJSON.OPT_INDENT_2
        try:
            return _ORJSON.dumps(data, option=option).decode()  # type: ignore[no-any-return]
        except TypeError:
            pass  # lone surrogates or integers past 64 bits: json copes
    if indent is None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = _encode_indented(data, "\n", " " * indent)
    return _escape_surrogates(text) + "\n"


# A str can hold surrogate code points (from a "\ud800" escape, or bytes
# decoded with errors="surrogateescape"), but UTF-8 cannot carry them.
_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _escape_surrogates(text: str) -> str:
    r"""
    Write surrogate code points as ``\uXXXX`` escapes, which JSON reads back.

    Without this a document holding one could not be saved as UTF-8.
    (Two adjacent escapes that form a pair read back as the one character
    they encode: a str that held the pair as two code points comes back as
    that character.)
    """
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


# -- reading ----------------------------------------------------------------


class _InvalidError(Exception):
    """
    Where and why a document is refused, gathered while the stack unwinds.

    Each hook that passes it on appends its own key or index, so
    ``segments`` runs from the innermost place outwards.
    """

    def __init__(self, message: str, *segments: str | int) -> None:
        super().__init__(message)
        self.message = message
        self.segments = list(segments)

    @property
    def path(self) -> str:
        parts = ["$"]
        for segment in reversed(self.segments):
            if isinstance(segment, int):
                parts.append(f"[{segment}]")
            elif _IDENTIFIER.fullmatch(segment):
                parts.append(f".{segment}")
            else:
                parts.append(f"[{json.dumps(segment, ensure_ascii=False)}]")
        return "".join(parts)


_KINDS: Final = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def _expected(what: str, value: object, *segments: str | int) -> NoReturn:
    msg = f"expected {what}, not {_kind(value)}"
    raise _InvalidError(msg, *segments)


# The JSON value types a field accepts (before the model's own checks),
# and how to say so.
_Shape: TypeAlias = tuple[frozenset[type], str]

_STRING: Final[_Shape] = (frozenset({str}), "a string")
_OPTIONAL_STRING: Final[_Shape] = (
    frozenset({str, type(None)}),
    "a string or null",
)
_INTEGER: Final[_Shape] = (frozenset({int}), "an integer")
_BOOLEAN: Final[_Shape] = (frozenset({bool}), "a boolean")
_ARRAY: Final[_Shape] = (frozenset({list}), "an array")
_OPTIONAL_OBJECT: Final[_Shape] = (
    frozenset({dict, type(None)}),
    "an object or null",
)
_OBJECT: Final[_Shape] = (frozenset({dict}), "an object")

_JSON_TYPES: Final[dict[type, dict[str, _Shape]]] = {
    Quote: {
        "text": _STRING,
        "start": _INTEGER,
        "end": _INTEGER,
        "speaker": _OPTIONAL_STRING,
        "verb": _OPTIONAL_STRING,
        "outlet": _OPTIONAL_STRING,
        "continues": _BOOLEAN,
    },
    Paragraph: {"text": _STRING, "quotes": _ARRAY},
    Heading: {"text": _STRING, "level": _INTEGER},
    Credit: {
        "raw": _STRING,
        "label": _OPTIONAL_STRING,
        "creators": _ARRAY,
        "agencies": _ARRAY,
        "via": _OPTIONAL_STRING,
        "handout": _BOOLEAN,
        "pool": _BOOLEAN,
        "file": _BOOLEAN,
    },
    Figure: {
        "caption": _OPTIONAL_STRING,
        "credit": _OPTIONAL_OBJECT,
        "image": _OPTIONAL_STRING,
        "alt": _OPTIONAL_STRING,
    },
    ArticleMeta: {
        "id": _OPTIONAL_STRING,
        "url": _OPTIONAL_STRING,
        "publisher": _OPTIONAL_STRING,
        "language": _OPTIONAL_STRING,
        "published": _OPTIONAL_STRING,
        "modified": _OPTIONAL_STRING,
        "keywords": _ARRAY,
    },
    Article: {
        "headline": _STRING,
        "standfirst": _OPTIONAL_OBJECT,
        "byline": _OPTIONAL_STRING,
        "dateline": _OPTIONAL_STRING,
        "body": _ARRAY,
        "meta": _OBJECT,
    },
}

# The key that a block or the document carries besides its fields.
_EXTRA_KEYS: Final = {"block": ("type",), "article": ("schema",)}


@cache
def _required(cls: type) -> tuple[str, ...]:
    return tuple(
        field.name
        for field in attrs.fields(cls)
        if field.default is attrs.NOTHING
    )


def _explain(
    cls: type,
    original: dict[str, Any],
    kwargs: dict[str, Any],
    error: Exception,
    extra: tuple[str, ...] = (),
) -> NoReturn:
    """
    Say why ``cls(**kwargs)`` failed, naming the key at fault.

    *original* is the JSON object as read, *kwargs* the same with nested
    objects already built. Keys come first (unknown, then missing), then
    each value's JSON type, then each field's own check in the model;
    what is left is a rule across fields, reported at the object itself.
    """
    _explain_keys(cls, original, extra)
    _explain_values(cls, original, kwargs)
    raise _InvalidError(str(error)) from None


def _explain_keys(
    cls: type, original: dict[str, Any], extra: tuple[str, ...]
) -> None:
    types = _JSON_TYPES[cls]
    name = cls.__name__.lower()
    for key in original:
        if key not in types and key not in extra:
            known = ", ".join((*extra, *types))
            msg = f"unknown key {key!r}; {_a(name)} has: {known}"
            raise _InvalidError(msg, key)
    for key in _required(cls):
        if key not in original:
            msg = f"required key {key!r} is missing"
            raise _InvalidError(msg, key)


def _explain_values(
    cls: type, original: dict[str, Any], kwargs: dict[str, Any]
) -> None:
    for key, (allowed, what) in _JSON_TYPES[cls].items():
        if key in original and type(original[key]) not in allowed:
            _expected(what, original[key], key)
    for field in attrs.fields(cls):
        if field.name not in kwargs or field.validator is None:
            continue
        value = kwargs[field.name]
        try:
            if field.converter is not None:
                value = field.converter(value)
            field.validator(None, field, value)
        except AttributeError:
            # A check that compares with other fields (a quote with its
            # paragraph's text) needs the whole instance: judged below.
            continue
        except (TypeError, ValueError) as exc:
            error = _InvalidError(str(exc), field.name)
            if isinstance(value, tuple):
                _find_item(field, value, error)
            raise error from None


def _find_item(
    field: attrs.Attribute[Any], items: tuple[Any, ...], error: _InvalidError
) -> None:
    """Point *error* at the first of *items* that the field's check refuses."""
    for index, item in enumerate(items):
        try:
            field.validator(None, field, (item,))  # type: ignore[misc]
        except (TypeError, ValueError) as exc:
            error.message = (
                str(exc)
                if isinstance(item, str)
                else f"expected a string, not {_kind(item)}"
            )
            error.segments.insert(0, index)
            return


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _each(hook: Callable[[Any], _T], items: list[Any]) -> list[_T]:
    try:
        return [hook(item) for item in items]
    except _InvalidError:
        pass
    # Only on failure: find the index by going through once more.
    for index, item in enumerate(items):
        try:
            hook(item)
        except _InvalidError as exc:
            exc.segments.append(index)
            raise
    raise AssertionError  # pragma: no cover - the hook failed above


def _strings(kwargs: dict[str, Any], key: str) -> None:
    # The model turns any iterable into a tuple; JSON must give an array
    # (an object would become its keys).
    if key in kwargs and type(kwargs[key]) is not list:
        _expected("an array", kwargs[key], key)


def _structure_quote(obj: Any) -> Quote:
    if type(obj) is not dict:
        _expected("an object", obj)
    try:
        return Quote(**obj)
    except (TypeError, ValueError) as exc:
        _explain(Quote, obj, obj, exc)


def _structure_paragraph(
    obj: dict[str, Any], kwargs: dict[str, Any], extra: tuple[str, ...]
) -> Paragraph:
    if "quotes" in kwargs:
        quotes = kwargs["quotes"]
        if type(quotes) is not list:
            _expected("an array", quotes, "quotes")
        try:
            kwargs["quotes"] = _each(_structure_quote, quotes)
        except _InvalidError as exc:
            exc.segments.append("quotes")
            raise
    try:
        return Paragraph(**kwargs)
    except (TypeError, ValueError) as exc:
        _explain(Paragraph, obj, kwargs, exc, extra)


def _structure_standfirst(obj: Any) -> Paragraph:
    if type(obj) is not dict:
        _expected("an object or null", obj)
    return _structure_paragraph(obj, obj.copy(), ())


def _structure_credit(obj: Any) -> Credit:
    if type(obj) is not dict:
        _expected("an object or null", obj)
    _strings(obj, "creators")
    _strings(obj, "agencies")
    try:
        return Credit(**obj)
    except (TypeError, ValueError) as exc:
        _explain(Credit, obj, obj, exc)


def _paragraph_block(obj: dict[str, Any]) -> Paragraph:
    kwargs = obj.copy()
    del kwargs["type"]
    return _structure_paragraph(obj, kwargs, _EXTRA_KEYS["block"])


def _heading_block(obj: dict[str, Any]) -> Heading:
    kwargs = obj.copy()
    del kwargs["type"]
    try:
        return Heading(**kwargs)
    except (TypeError, ValueError) as exc:
        _explain(Heading, obj, kwargs, exc, _EXTRA_KEYS["block"])


def _figure_block(obj: dict[str, Any]) -> Figure:
    kwargs = obj.copy()
    del kwargs["type"]
    credit = kwargs.get("credit")
    if credit is not None:
        try:
            kwargs["credit"] = _structure_credit(credit)
        except _InvalidError as exc:
            exc.segments.append("credit")
            raise
    try:
        return Figure(**kwargs)
    except (TypeError, ValueError) as exc:
        _explain(Figure, obj, kwargs, exc, _EXTRA_KEYS["block"])


_BLOCK_HOOKS: Final[dict[str, Callable[[dict[str, Any]], Block]]] = {
    "paragraph": _paragraph_block,
    "heading": _heading_block,
    "figure": _figure_block,
}


def _structure_block(obj: Any) -> Block:
    if type(obj) is not dict:
        _expected("an object", obj)
    kind = obj.get("type")
    if type(kind) is str and kind in _BLOCK_HOOKS:
        return _BLOCK_HOOKS[kind](obj)
    if "type" not in obj:
        msg = "required key 'type' is missing"
        raise _InvalidError(msg, "type")
    known = ", ".join(map(repr, _BLOCK_HOOKS))
    msg = f"unknown block type {kind!r}; known types: {known}"
    raise _InvalidError(msg, "type")


def _structure_datetime(value: Any, key: str) -> datetime:
    if type(value) is not str:
        _expected("a string or null", value, key)
    match = _DATETIME.fullmatch(value)
    if match is None:
        msg = (
            "expected an ISO 8601 date and time with a UTC offset, "
            f"such as '2015-04-25T11:56:26+05:45', not {value!r}"
        )
        raise _InvalidError(msg, key)
    if match["offset"] is None:
        msg = f"{value!r} has no UTC offset; naive times are ambiguous"
        raise _InvalidError(msg, key)
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        msg = f"{value!r} is not a valid date and time: {exc}"
        raise _InvalidError(msg, key) from None


def _structure_meta(obj: Any) -> ArticleMeta:
    if type(obj) is not dict:
        _expected("an object", obj)
    kwargs = obj.copy()
    published = kwargs.get("published")
    if published is not None:
        kwargs["published"] = _structure_datetime(published, "published")
    modified = kwargs.get("modified")
    if modified is not None:
        kwargs["modified"] = _structure_datetime(modified, "modified")
    _strings(kwargs, "keywords")
    try:
        return ArticleMeta(**kwargs)
    except (TypeError, ValueError) as exc:
        _explain(ArticleMeta, obj, kwargs, exc)


def _check_schema(obj: dict[str, Any]) -> None:
    if "schema" not in obj:
        msg = (
            f"required key 'schema' is missing; expected {SCHEMA!r}: "
            "is this a newsdoc document?"
        )
        raise _InvalidError(msg, "schema")
    schema = obj["schema"]
    if type(schema) is not str:
        _expected("a string", schema, "schema")
    if schema not in SCHEMAS_READ:
        known = ", ".join(map(repr, sorted(SCHEMAS_READ)))
        msg = (
            f"unknown schema version {schema!r}; this version of newsdoc "
            f"reads {known}"
        )
        raise _InvalidError(msg, "schema")


def _structure_article(obj: Any) -> Article:
    try:
        return _fast_article(obj)
    except (_DoubtError, _InvalidError, KeyError, TypeError, ValueError):
        pass  # the careful way below says what is wrong, if anything is
    if type(obj) is not dict:
        _expected("a JSON object (a newsdoc document)", obj)
    kwargs = obj.copy()
    if kwargs.pop("schema", None) != SCHEMA:
        _check_schema(obj)
    _structure_article_parts(kwargs)
    try:
        return Article(**kwargs)
    except (TypeError, ValueError) as exc:
        _explain(Article, obj, kwargs, exc, _EXTRA_KEYS["article"])


def _structure_article_parts(kwargs: dict[str, Any]) -> None:
    standfirst = kwargs.get("standfirst")
    if standfirst is not None:
        try:
            kwargs["standfirst"] = _structure_standfirst(standfirst)
        except _InvalidError as exc:
            exc.segments.append("standfirst")
            raise
    if "body" in kwargs:
        body = kwargs["body"]
        if type(body) is not list:
            _expected("an array", body, "body")
        try:
            kwargs["body"] = _each(_structure_block, body)
        except _InvalidError as exc:
            exc.segments.append("body")
            raise
    if "meta" in kwargs:
        try:
            kwargs["meta"] = _structure_meta(kwargs["meta"])
        except _InvalidError as exc:
            exc.segments.append("meta")
            raise


# -- the fast path ------------------------------------------------------------
# A document in exactly the shape to_json writes (every key, nothing else) is
# built straight from the JSON, the constructors checking every value; at
# the first doubt the reader starts again the careful way above.


class _DoubtError(Exception):
    """The fast path cannot build this document; take the careful one."""


_ARTICLE_KEYS: Final = frozenset(("schema", *_JSON_TYPES[Article]))
_META_KEYS: Final = frozenset(_JSON_TYPES[ArticleMeta])
_PARAGRAPH_KEYS: Final = frozenset(_JSON_TYPES[Paragraph])
_PARAGRAPH_BLOCK_KEYS: Final = frozenset(("type", *_JSON_TYPES[Paragraph]))
_HEADING_KEYS: Final = frozenset(("type", *_JSON_TYPES[Heading]))
_FIGURE_KEYS: Final = frozenset(("type", *_JSON_TYPES[Figure]))
_CREDIT_KEYS: Final = frozenset(_JSON_TYPES[Credit])


def _fast_paragraph(obj: Any, keys: frozenset[str]) -> Paragraph:
    if type(obj) is not dict or obj.keys() != keys:
        raise _DoubtError
    quotes = obj["quotes"]
    if type(quotes) is not list:
        raise _DoubtError
    return Paragraph(
        text=obj["text"],
        quotes=[Quote(**quote) for quote in quotes] if quotes else (),
    )


def _fast_paragraph_block(obj: dict[str, Any]) -> Paragraph:
    return _fast_paragraph(obj, _PARAGRAPH_BLOCK_KEYS)


def _fast_heading(obj: dict[str, Any]) -> Heading:
    if obj.keys() != _HEADING_KEYS:
        raise _DoubtError
    return Heading(text=obj["text"], level=obj["level"])


def _fast_credit(obj: Any) -> Credit | None:
    if obj is None:
        return None
    if (
        type(obj) is not dict
        or obj.keys() != _CREDIT_KEYS
        or type(obj["creators"]) is not list
        or type(obj["agencies"]) is not list
    ):
        raise _DoubtError
    return Credit(**obj)


def _fast_figure(obj: dict[str, Any]) -> Figure:
    if obj.keys() != _FIGURE_KEYS:
        raise _DoubtError
    return Figure(
        caption=obj["caption"],
        credit=_fast_credit(obj["credit"]),
        image=obj["image"],
        alt=obj["alt"],
    )


_FAST_BLOCKS: Final[dict[str, Callable[[dict[str, Any]], Block]]] = {
    "paragraph": _fast_paragraph_block,
    "heading": _fast_heading,
    "figure": _fast_figure,
}


def _fast_meta(obj: Any) -> ArticleMeta:
    if (
        type(obj) is not dict
        or obj.keys() != _META_KEYS
        or type(obj["keywords"]) is not list
    ):
        raise _DoubtError
    published = obj["published"]
    modified = obj["modified"]
    return ArticleMeta(
        id=obj["id"],
        url=obj["url"],
        publisher=obj["publisher"],
        language=obj["language"],
        published=(
            None
            if published is None
            else _structure_datetime(published, "published")
        ),
        modified=(
            None
            if modified is None
            else _structure_datetime(modified, "modified")
        ),
        keywords=obj["keywords"],
    )


def _fast_article(obj: Any) -> Article:
    if (
        type(obj) is not dict
        or obj.keys() != _ARTICLE_KEYS
        or obj["schema"] != SCHEMA
        or type(obj["body"]) is not list
    ):
        raise _DoubtError
    standfirst = obj["standfirst"]
    blocks = _FAST_BLOCKS
    # A block that is not an object, or has no known "type", fails the
    # lookup with a TypeError or KeyError: a doubt like any other.
    return Article(
        headline=obj["headline"],
        standfirst=(
            None
            if standfirst is None
            else _fast_paragraph(standfirst, _PARAGRAPH_KEYS)
        ),
        byline=obj["byline"],
        dateline=obj["dateline"],
        body=[blocks[block["type"]](block) for block in obj["body"]],
        meta=_fast_meta(obj["meta"]),
    )


def _line_of(text: str | bytes, index: int) -> int:
    newline = "\n" if isinstance(text, str) else b"\n"
    return text.count(newline, 0, index) + 1  # type: ignore[arg-type]


def _load(data: str | bytes) -> Any:
    """Parse *data* as JSON: UTF-8 if bytes, a leading BOM allowed."""
    if _ORJSON is not None:
        try:
            return _ORJSON.loads(data)
        except _ORJSON.JSONDecodeError:
            pass  # json tells why, with the line (or reads what orjson won't)
    if isinstance(data, str):
        text = data
    else:
        # memoryview refuses what is not bytes-like with a TypeError.
        raw = bytes(memoryview(data))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            msg = (
                f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}"
            )
            raise ParseError(
                msg, format=_FORMAT, line=_line_of(raw, exc.start)
            ) from exc
    # RFC 8259 lets a reader ignore a byte order mark; editors add them.
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"malformed JSON: {exc.msg} (column {exc.colno})"
        raise ParseError(msg, format=_FORMAT, line=exc.lineno) from exc
    except (ValueError, RecursionError) as exc:
        # An integer too long to convert, or nesting too deep to follow.
        msg = f"unreadable JSON: {exc}"
        raise ParseError(msg, format=_FORMAT) from exc


def from_json(
    data: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """
    Read a newsdoc JSON document, as `to_json` writes it.

    Keys of fields with a default may be left out; every other key must be
    there, and no key the format does not define may be.

    Args:
        data: The document, as text or as UTF-8 bytes.
        max_bytes: The largest document accepted, in bytes (UTF-8 for a
            str; default 16 MiB); larger input is refused before it is
            decoded.

    Returns:
        The article.

    Raises:
        ParseError: If *data* is larger than *max_bytes* or is not a newsdoc
            document: malformed JSON (with its ``line``), invalid UTF-8, an
            unknown ``schema`` version, or a value the model refuses (with
            its ``path``, such as ``$.body[3].credit.raw``).
    """
    check_size(data, max_bytes=max_bytes, format=_FORMAT)
    obj = _load(data)
    try:
        return _CONVERTER.structure(obj, Article)
    except _InvalidError as exc:
        raise ParseError(exc.message, format=_FORMAT, path=exc.path) from None


# -- the converter and the schema -------------------------------------------


def _make_converter() -> cattrs.Converter:
    """Build the one converter; every hook is exact, so it is not shared."""
    converter = cattrs.Converter()
    unstructure_hooks: Iterable[tuple[type, Callable[[Any], Any]]] = (
        (Article, _unstructure_article),
        (ArticleMeta, _unstructure_meta),
        (Paragraph, _unstructure_paragraph),
        (Heading, _unstructure_heading),
        (Figure, _unstructure_figure),
        (Credit, _unstructure_credit),
        (Quote, _unstructure_quote),
    )
    for cls, unstructure in unstructure_hooks:
        converter.register_unstructure_hook(cls, unstructure)
    structure_hooks: Iterable[tuple[type, Callable[[Any], Any]]] = (
        (Article, _structure_article),
        (ArticleMeta, _structure_meta),
        (Paragraph, _structure_standfirst),
        (Credit, _structure_credit),
        (Quote, _structure_quote),
    )
    for cls, structure in structure_hooks:
        converter.register_structure_hook(cls, _ignore_type(structure))
    return converter


def _ignore_type(hook: Callable[[Any], _T]) -> Callable[[Any, type], _T]:
    # cattrs passes the target type too; each hook serves one type.
    def structure(obj: Any, _cls: type) -> _T:
        return hook(obj)

    return structure


_CONVERTER: Final = _make_converter()


@cache
def _schema_text() -> str:
    return (
        files("newsdoc.formats")
        .joinpath(_SCHEMA_FILE)
        .read_text(encoding="utf-8")
    )


def json_schema() -> dict[str, Any]:
    """
    Return the JSON Schema (draft 2020-12) of the documents `to_json` writes.

    Returns:
        A fresh dict on every call, so the caller may change it.
    """
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
