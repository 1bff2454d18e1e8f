"""
newsdoc: a typed document model for news articles.

Read an article from raw scraped text, JSON or NewsML-G2 into one typed
`Article`, write it out again in any of them, and check its structure.
"""

from __future__ import annotations

from newsdoc.errors import (
    NewsdocError,
    ParseError,
    UnknownFormatError,
    ValidationError,
)
from newsdoc.formats import (
    FORMATS,
    Format,
    convert,
    detect_format,
    iter_jsonl,
    read,
    read_all,
    write,
)
from newsdoc.formats.json import from_json, json_schema, to_json
from newsdoc.formats.newsml import from_newsml, to_newsml
from newsdoc.formats.text import parse_text, to_text
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
from newsdoc.validate import Problem, Severity, check, validate


def __getattr__(name: str) -> str:
    """Look ``__version__`` up in the installed metadata on first use."""
    # importlib.metadata costs a tenth of a second to import: every command
    # line run and worker process would pay it for a string few read.
    if name == "__version__":
        from importlib.metadata import (  # noqa: PLC0415 - see above
            PackageNotFoundError,
            version,
        )

        try:
            return version("newsdoc")
        except PackageNotFoundError:  # pragma: no cover - a bare source tree
            return "0.0.0"
    msg = f"module 'newsdoc' has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [  # noqa: RUF022 - plain sorted(), as tests/test_package.py checks
    "Article",
    "ArticleMeta",
    "Block",
    "Credit",
    "FORMATS",
    "Figure",
    "Format",
    "Heading",
    "NewsdocError",
    "Paragraph",
    "ParseError",
    "Problem",
    "Quote",
    "Severity",
    "UnknownFormatError",
    "ValidationError",
    "__version__",
    "check",
    "convert",
    "detect_format",
    "from_json",
    "from_newsml",
    "iter_jsonl",
    "json_schema",
    "parse_text",
    "read",
    "read_all",
    "to_json",
    "to_newsml",
    "to_text",
    "validate",
    "write",
]
