"""
The newsdoc pytest plugin: article diffs in plain asserts, and fixtures.

pytest loads it by itself once newsdoc is installed (the ``pytest11`` entry
point); ``-p no:newsdoc`` turns it off.
It changes nothing but the message of a failed ``==`` between two newsdoc
model values, and adds fixtures whose names start with ``newsdoc_``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdoc.model import Article
from newsdoc.testing import MODEL_TYPES, diff


__all__ = ["newsdoc_load", "pytest_assertrepr_compare"]

#: What the `newsdoc_load` fixture gives: ``load(path, format=None)``.
Loader = Callable[..., Article]


def pytest_assertrepr_compare(
    config: pytest.Config,  # noqa: ARG001 - pytest passes it by name
    op: str,
    left: object,
    right: object,
) -> list[str] | None:
    """
    Explain a failed ``==`` of two newsdoc values path by path.

    Returns:
        The lines pytest shows under the failed assert, or `None` (pytest's
        own explanation) when the operands are not two model values of
        the same class compared with ``==``.
    """
    if op != "==" or type(left) not in MODEL_TYPES:
        return None
    if type(left) is not type(right):
        return None
    kind = type(left).__name__
    lines = diff(left, right, names=("left", "right"))
    return [f"{kind} == {kind} failed; path by path, left != right:", *lines]


@pytest.fixture
def newsdoc_load(request: pytest.FixtureRequest) -> Loader:
    """
    A function that reads an article from a file in any format newsdoc reads.

    ``newsdoc_load(path, format=None)`` reads the file's bytes and passes
    them to `newsdoc.read`: with no *format*, the format is told by the
    file's suffix or its content.
    A relative *path* is taken from the folder of the test module, so test
    data can sit beside the test.
    """
    base = request.path.parent

    def load(
        path: str | os.PathLike[str], format: str | None = None
    ) -> Article:
        # Imported when a test loads a file: pytest loads this plugin into
        # every session, so it depends on no more of newsdoc than it must.
        from newsdoc.formats import read  # noqa: PLC0415

        file = base / Path(path)
        return read(file.read_bytes(), format, source=str(file))

    return load
