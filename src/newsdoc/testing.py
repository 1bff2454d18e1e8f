"""
Assertions for the tests of code that makes or changes newsdoc articles.

`assert_valid` fails a test on the problems `newsdoc.validate` finds;
`assert_same_article` compares two articles and, when they differ, says
where, path by path (``body[2].text: 'a' != 'b'``), instead of printing
two long reprs.
`diff` is the comparison itself, for callers that report differently.

With pytest, the plugin in `newsdoc.pytest_plugin` (installed with newsdoc)
gives a plain ``assert expected == actual`` of two articles the same
message.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, TypeAlias

import attrs

from newsdoc.model import (
    Article,
    ArticleMeta,
    Credit,
    Figure,
    Heading,
    Paragraph,
    Quote,
)
from newsdoc.validate import RULES, SeverityName, _severity, validate


__all__ = ["MODEL_TYPES", "assert_same_article", "assert_valid", "diff"]

#: A value of the model: an article or one of its parts.
ModelValue: TypeAlias = (
    Article | ArticleMeta | Paragraph | Heading | Figure | Credit | Quote
)

#: The model classes that `diff` compares field by field.
MODEL_TYPES: Final = (
    Article,
    ArticleMeta,
    Paragraph,
    Heading,
    Figure,
    Credit,
    Quote,
)

# Strings longer than this are shown around their first difference only.
_LONG: Final = 60
# Characters shown before and after the first difference of long strings.
_BEFORE: Final = 20
_AFTER: Final = 30
# Width of a value summarised in an "only in" line.
_BRIEF: Final = 50


def assert_valid(
    article: Article,
    *,
    allow: Iterable[str] = (),
    fail_on: SeverityName = "warning",
) -> None:
    """
    Fail unless *article* passes `newsdoc.validate`.

    Args:
        article: The article to check.
        allow: Rule codes whose problems are ignored (``["ND601"]``);
            a single code may be given as a string.
        fail_on: The least severity that fails: ``"warning"`` (the
            default: errors and warnings), ``"error"`` or ``"info"``.

    Raises:
        AssertionError: Listing every problem that is not allowed, one per
            line.
        ValueError: If *allow* names a code that no rule has (a typo would
            otherwise allow nothing), or *fail_on* is not a severity.
    """
    __tracebackhide__ = True  # pytest: fail here, not inside
    allowed = frozenset((allow,) if isinstance(allow, str) else allow)
    unknown = allowed - {rule.code for rule in RULES}
    if unknown:
        msg = f"allow names unknown rule codes: {', '.join(sorted(unknown))}"
        raise ValueError(msg)
    threshold = _severity(fail_on).rank
    problems = [
        problem
        for problem in validate(article)
        if problem.code not in allowed and problem.severity.rank >= threshold
    ]
    if problems:
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"the article has {count} {noun}:"]
        lines.extend(f"  {problem}" for problem in problems)
        raise AssertionError("\n".join(lines))


def assert_same_article(expected: ModelValue, actual: ModelValue) -> None:
    """
    Fail unless *actual* equals *expected*, saying where they differ.

    Works for articles and for any part of one (a paragraph, a figure).

    Args:
        expected: The value the test expects.
        actual: The value the code under test produced.

    Raises:
        AssertionError: Listing the differences path by path, such as
            ``body[2].text: 'a' != 'b'`` (expected on the left) or
            ``body[4]: only in actual: Heading('Aftermath')``.
    """
    __tracebackhide__ = True  # pytest: fail here, not inside
    differences = diff(expected, actual)
    if differences:
        kind = type(expected).__name__
        lines = [f"{kind}s differ, path by path (expected != actual):"]
        lines.extend(f"  {line}" for line in differences)
        raise AssertionError("\n".join(lines))


def diff(
    left: object,
    right: object,
    *,
    names: tuple[str, str] = ("expected", "actual"),
) -> tuple[str, ...]:
    """
    Describe how two model values differ, one line per difference.

    Args:
        left: A model value (an article or a part of one), or any value.
        right: The value to compare it with.
        names: What to call *left* and *right* in lines about blocks, quotes
            or other items found on one side only.

    Returns:
        Lines such as ``headline: 'Old' != 'New'``, ``body[3].quotes[0]
        .speaker: None != 'Ann'`` or ``body[5]: only in actual:
        Paragraph('...')``, in the order of the fields; empty when the
        values are equal.
    """
    if left == right:
        return ()
    lines = list(_diff("", left, right, names))
    # Equal-looking values that still compare unequal: say so plainly.
    return tuple(lines) or (f"{_label('')}: {left!r} != {right!r}",)


def _label(path: str) -> str:
    return path or "(whole value)"


def _field(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _diff(
    path: str, left: object, right: object, names: tuple[str, str]
) -> Iterator[str]:
    if left == right:
        return
    cls = type(left)
    if cls is not type(right):
        yield f"{_label(path)}: {_brief(left)} != {_brief(right)}"
    elif cls in MODEL_TYPES and attrs.has(cls):
        for attribute in attrs.fields(cls):
            yield from _diff(
                _field(path, attribute.name),
                getattr(left, attribute.name),
                getattr(right, attribute.name),
                names,
            )
    elif isinstance(left, tuple) and isinstance(right, tuple):
        yield from _diff_items(path, left, right, names)
    elif isinstance(left, str) and isinstance(right, str):
        yield f"{_label(path)}: {_strings(left, right)}"
    else:
        yield f"{_label(path)}: {left!r} != {right!r}"


def _diff_items(
    path: str,
    left: Sequence[object],
    right: Sequence[object],
    names: tuple[str, str],
) -> Iterator[str]:
    """Line up two sequences; recurse into changed items, list the rest."""
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = range(i1, i2), range(j1, j2)
        pairs = [
            (i, j)
            for i, j in zip(olds, news, strict=False)
            if type(left[i]) is type(right[j])
        ]
        for i, j in pairs:
            where = f"{path}[{i}]" if i == j else f"{path}[{i}->{j}]"
            yield from _diff(where, left[i], right[j], names)
        paired_old = {i for i, _ in pairs}
        paired_new = {j for _, j in pairs}
        for i in olds:
            if i not in paired_old:
                yield f"{path}[{i}]: only in {names[0]}: {_brief(left[i])}"
        for j in news:
            if j not in paired_new:
                yield f"{path}[{j}]: only in {names[1]}: {_brief(right[j])}"


def _strings(left: str, right: str) -> str:
    """``'a' != 'b'``, or for long strings the stretch where they part."""
    if max(len(left), len(right)) <= _LONG:
        return f"{left!r} != {right!r}"
    at = next(
        (
            k
            for k, (a, b) in enumerate(zip(left, right, strict=False))
            if a != b
        ),
        min(len(left), len(right)),
    )
    start = max(0, at - _BEFORE)

    def window(text: str) -> str:
        shown = text[start : at + _AFTER]
        head = "…" if start > 0 else ""
        tail = "…" if at + _AFTER < len(text) else ""
        return f"{head}{shown!r}{tail}"

    return (
        f"differ at offset {at} (lengths {len(left)} and {len(right)}): "
        f"{window(left)} != {window(right)}"
    )


def _brief(value: object) -> str:
    """A short form of *value*: ``Paragraph('A storm hit…')``."""
    for name in ("text", "caption", "raw", "headline"):
        text = getattr(value, name, None)
        if isinstance(text, str) and type(value) in MODEL_TYPES:
            return f"{type(value).__name__}({_short(text)})"
    if isinstance(value, str):
        return _short(value)
    shown = repr(value)
    return shown if len(shown) <= _BRIEF else shown[: _BRIEF - 1] + "…"


def _short(text: str) -> str:
    if len(text) > _BRIEF:
        return f"{text[: _BRIEF - 1]!r}…"
    return repr(text)
