"""The exceptions newsdoc raises on purpose; this module imports no newsdoc code."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import define, field


class NewsdocError(Exception):
    """Root of every exception newsdoc raises on purpose."""


@define
class ParseError(NewsdocError, ValueError):
    """
    The input is not valid for the format it was read as.

    Attributes:
        message: What is wrong, in one sentence.
        format: The format the input was read as (``"text"``, ``"json"``,
            ``"newsml"``).
        line: The 1-based line of the input where the problem is, if known.
        path: Where in a structured document the problem is, as a path such
            as ``$.body[3].credit.raw``, if known.
        source: A name for the input, such as a file path, if the caller
            gave one.
    """

    message: str
    format: str
    line: int | None = None
    path: str | None = None
    source: str | None = None

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else self.path
        head = f"{self.source}: " if self.source else ""
        return f"{head}{self.format}, {where or 'input'}: {self.message}"


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


def _names(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@define
class ValidationError(NewsdocError, ValueError):
    """
    An article breaks rules that the caller asked to enforce.

    Raised by `newsdoc.check` with every problem found, not just the first.

    Attributes:
        problems: The problems found, in the order `newsdoc.validate` reports
            them.
    """

    problems: tuple[Any, ...] = field(converter=_tuple)

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in article:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


@define
class UnknownFormatError(NewsdocError, LookupError):
    """
    A format name that newsdoc does not know.

    Attributes:
        name: The name that was asked for.
        known: The names newsdoc knows, sorted.
    """

    name: str
    known: tuple[str, ...] = field(converter=_names)

    def __str__(self) -> str:
        known = ", ".join(self.known)
        return f"unknown format {self.name!r}; known formats: {known}"
