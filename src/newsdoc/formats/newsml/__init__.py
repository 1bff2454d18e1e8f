"""
NewsML-G2: write an article as an IPTC newsItem (or a package), read one back.

`to_newsml` writes a text ``newsItem`` that validates against the IPTC
NewsML-G2 2.35 schema (Power conformance), with the body as XHTML in
``inlineXML``; with ``package=True`` it writes a ``newsMessage`` that also
holds one picture ``newsItem`` per figure and a ``packageItem`` grouping
them.
`from_newsml` reads newsdoc's own output back exactly and reads other
providers' text items (XHTML, HTML or NITF bodies, plain ``inlineData``,
``newsMessage`` wrappers) for what a person sees in them.

``docs/newsml.md`` maps every model field to its place in NewsML-G2.
"""

from __future__ import annotations

from datetime import datetime

from newsdoc.errors import ParseError
from newsdoc.formats.newsml._read import DEFAULT_MAX_BYTES, read
from newsdoc.formats.newsml._write import NO_DATE, REPLACEMENT, write
from newsdoc.model import Article


__all__ = [
    "DEFAULT_MAX_BYTES",
    "NO_DATE",
    "REPLACEMENT",
    "from_newsml",
    "to_newsml",
]


def to_newsml(
    article: Article,
    *,
    package: bool = False,
    provider: str | None = None,
    version_created: datetime | None = None,
    guid: str | None = None,
) -> bytes:
    """
    Write *article* as NewsML-G2 2.35.

    The output is deterministic: the same article and options give the same
    bytes (UTF-8, an XML declaration, a final newline).
    Nothing of the article is lost, so `from_newsml` gives it back, except
    characters that XML 1.0 cannot carry at all (C0 controls other than tab,
    line feed and carriage return, lone surrogates, U+FFFE and U+FFFF): each
    is written as U+FFFD REPLACEMENT CHARACTER, one for one, so quote
    offsets still hold.
    The JSON and text formats keep such characters.

    Args:
        article: The article to write.
        package: Write a ``newsMessage`` holding a ``packageItem``, the text
            ``newsItem`` and one picture ``newsItem`` per figure, instead of
            the text ``newsItem`` alone.
        provider: The ``itemMeta/provider`` literal. Default: the article's
            publisher, else ``"newsdoc"``.
        version_created: The ``versionCreated`` timestamp. Default: the
            article's ``modified``, else its ``published`` date, else
            `NO_DATE` (the Unix epoch). The wall clock is never read: pass
            ``datetime.now(UTC)`` to stamp the time of writing.
        guid: The text item's ``guid``. Default: the article's id, else its
            URL, else ``urn:newsdoc:sha256:`` and a SHA-256 of the article's
            content, which the other options do not change.
            Picture and package items append ``-picture-N`` and ``-package``.

    Returns:
        The XML document as UTF-8 bytes.
    """
    return write(
        article,
        package=package,
        provider=provider,
        version_created=version_created,
        guid=guid,
    )


def from_newsml(
    data: bytes | str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    source: str | None = None,
) -> Article:
    """
    Read an article from a NewsML-G2 ``newsItem`` or ``newsMessage``.

    newsdoc's own output (marked by ``itemMeta/generator`` ``newsdoc``) is
    read back exactly: ``from_newsml(to_newsml(a)) == a`` for any article
    without characters XML cannot carry, single item or package.
    Other providers' text items are read for what a person sees in them:
    headline, summary, byline, dateline, headings, paragraphs and figures,
    whitespace squashed, with quotes found as `newsdoc.parse_text` finds
    them. In a ``newsMessage`` the first text ``newsItem`` is read.

    The input is untrusted: no DTD, entity, file or network is ever loaded.

    Args:
        data: The XML document, as bytes (any encoding XML allows) or str.
        max_bytes: The largest document accepted, in bytes (UTF-8 for a
            str); larger input is refused before it is parsed.
        source: A name for *data* in error messages, such as a file path.

    Returns:
        The article.

    Raises:
        ParseError: If *data* is larger than *max_bytes*, is not well-formed
            XML, declares a DTD, has a root other than a NewsML-G2
            ``newsItem`` or ``newsMessage``, holds no text item or no
            headline, or (for newsdoc's own markup) breaks the model's rules.
    """
    try:
        return read(data, max_bytes=max_bytes)
    except ParseError as exc:
        if source is not None:
            exc.source = source
        raise
