"""The package's public surface."""

from __future__ import annotations

import newsdoc


def test_all_is_sorted_and_importable() -> None:
    """Every public name is listed once, sorted, and importable."""
    assert sorted(newsdoc.__all__) == newsdoc.__all__
    assert len(set(newsdoc.__all__)) == len(newsdoc.__all__)
    for name in newsdoc.__all__:
        assert hasattr(newsdoc, name), name


def test_version_comes_from_metadata() -> None:
    """The version is the installed distribution's."""
    assert newsdoc.__version__ != "0.0.0"
