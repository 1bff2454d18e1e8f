"""
newsdoc: a typed document model for news articles.

Read an article from raw scraped text, JSON or NewsML-G2 into one typed
`Article`, write it out again in any of them, and check its structure.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

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


try:
    __version__ = version("newsdoc")
except PackageNotFoundError:  # pragma: no cover - running from a bare tree
    __version__ = "0.0.0"

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
