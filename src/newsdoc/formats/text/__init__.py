"""
Raw scraped article text: `parse_text` reads it, `to_text` writes it.

The layout is the one a scraper leaves behind (see ``docs/text.md``):
the headline on the first line, then blank-line separated blocks: an
optional standfirst and byline, then paragraphs, subheadings and photo
captions with their credits, captions repeated as pages repeat them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal

from newsdoc._limits import DEFAULT_MAX_BYTES, check_size
from newsdoc.formats.text._credits import credit_line
from newsdoc.formats.text._layout import (
    Block,
    Line,
    read_blocks,
    read_figure,
    read_layout,
    read_lines,
)
from newsdoc.formats.text._quotes import find_quotes
from newsdoc.model import Article, Figure, Heading, Paragraph


__all__ = ["DEFAULT_MAX_BYTES", "parse_text", "to_text"]


def parse_text(
    text: str,
    *,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    r"""
    Build an article from text scraped from a news page.

    Args:
        text: The scraped text, with any line ends (``\\n``, ``\\r\\n``,
            ``\\r``), with or without a byte-order mark.
        source: A name for *text* in error messages, such as a file path.
        max_bytes: The largest text accepted, in UTF-8 bytes (default
            16 MiB); larger text is refused before it is read.

    Returns:
        The article.  Every word of *text* that is not layout (blank lines,
        whitespace at the ends of lines, a caption or credit the page
        repeats) is kept in exactly one place.

    Raises:
        ParseError: If *text* is larger than *max_bytes*, empty or blank,
            only a byte-order mark, binary (it holds NUL bytes), or has no
            headline; the error names the line.
    """
    check_size(text, max_bytes=max_bytes, format="text", source=source)
    lines = read_lines(text, source=source)
    layout = read_layout(read_blocks(lines), source=source)
    texts: list[str] = []
    if layout.standfirst is not None:
        texts.append(layout.standfirst)
    texts.extend(block for block in layout.body if isinstance(block, str))
    context = [layout.headline]
    for block in layout.body:
        if isinstance(block, Heading):
            context.append(block.text)
        elif isinstance(block, Figure) and block.caption is not None:
            context.append(block.caption)
    found = iter(find_quotes(texts, context=context))
    standfirst = None
    if layout.standfirst is not None:
        standfirst = Paragraph(text=layout.standfirst, quotes=next(found))
    body = [
        Paragraph(text=block, quotes=next(found))
        if isinstance(block, str)
        else block
        for block in layout.body
    ]
    return Article(
        headline=layout.headline,
        standfirst=standfirst,
        byline=layout.byline,
        dateline=layout.dateline,
        body=body,
    )


def to_text(
    article: Article, *, style: Literal["raw", "reading"] = "raw"
) -> str:
    """
    Write an article as plain text.

    ``"raw"`` writes the layout `parse_text` reads: the headline, then the
    standfirst, the byline and the body's blocks, one blank line between
    blocks.  A figure is its caption on one line and its credit in brackets
    on the next (or on the caption's line, where the caption would read as
    a credit); a caption without credit is written twice when once would
    read as a paragraph (the way pages repeat captions).
    ``parse_text(to_text(article)) == article`` for every article this
    layout can express (`docs/text.md` says which cannot be).  Quotes,
    heading levels, metadata, image references and alt text are not
    written: `parse_text` finds the quotes again, the rest is lost.

    ``"reading"`` writes a clean form for people: the headline underlined
    with ``=``, subheadings underlined with ``-``, each figure as a note in
    square brackets (``[Picture: caption — credit]``), paragraphs unwrapped
    with runs of spaces and no-break spaces collapsed, so that any screen
    or pager wraps them at its own width.

    Args:
        article: The article to write.
        style: ``"raw"`` or ``"reading"``.

    Returns:
        The text, ending with one line feed.

    Raises:
        ValueError: If *style* is neither ``"raw"`` nor ``"reading"``.
    """
    write = _STYLES.get(style)
    if write is None:
        msg = f"style must be one of {', '.join(_STYLES)}, not {style!r}"
        raise ValueError(msg)
    return "\n\n".join(write(article)) + "\n"


def _raw_blocks(article: Article) -> list[str]:
    blocks = [article.headline]
    if article.standfirst is not None:
        blocks.append(article.standfirst.text)
    if article.byline is not None:
        blocks.append(article.byline)
    for block in article.body:
        if isinstance(block, Figure):
            blocks.append(_raw_figure(block))
        else:
            blocks.append(block.text)
    return blocks


def _figure_layouts(figure: Figure) -> list[list[str]]:
    """The ways to write *figure*, the plainest first."""
    caption = figure.caption
    if figure.credit is None:
        # Alone, a caption may read as a paragraph; repeated, it cannot.
        return [[caption], [caption, caption]] if caption else []
    raw = figure.credit.raw
    if caption is None:
        return [[credit_line(raw)], [raw]]
    return [
        [caption, credit_line(raw)],
        [f"{caption} {credit_line(raw)}"],
        [caption, raw],
        # A credit that ends with a full stop reads back only bare on the
        # caption's line, where the reader found it ("... media. @X/Y.").
        [f"{caption} {raw}"],
    ]


def _raw_figure(figure: Figure) -> str:
    """
    Write *figure* in the first layout that reads back as it.

    A caption that looks like a credit itself ("(AP)") cannot take the
    usual layout; an article with a figure no layout expresses is written
    in the usual one all the same.
    """
    layouts = _figure_layouts(figure)
    bare = Figure(caption=figure.caption, credit=figure.credit)
    for lines in layouts:
        block = Block(tuple(Line(n, t) for n, t in enumerate(lines, 1)))
        if read_figure(block) == bare:
            return "\n".join(lines)
    return "\n".join(layouts[0])


def _plain(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def _underlined(text: str, rule: str) -> str:
    text = _plain(text)
    return f"{text}\n{rule * len(text)}"


def _reading_blocks(article: Article) -> list[str]:
    blocks = [_underlined(article.headline, "=")]
    if article.standfirst is not None:
        blocks.append(_plain(article.standfirst.text))
    if article.byline is not None:
        blocks.append(_plain(article.byline))
    for block in article.body:
        if isinstance(block, Figure):
            parts = [_plain(block.caption)] if block.caption else []
            if block.credit is not None:
                parts.append(_plain(block.credit.raw))
            blocks.append(f"[Picture: {' — '.join(parts)}]")
        elif isinstance(block, Heading):
            blocks.append(_underlined(block.text, "-"))
        else:
            blocks.append(_plain(block.text))
    return blocks


# The styles `to_text` writes, each as the blocks it writes.
_STYLES: Final[dict[str, Callable[[Article], list[str]]]] = {
    "raw": _raw_blocks,
    "reading": _reading_blocks,
}
