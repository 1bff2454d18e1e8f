"""Shared fixtures and Hypothesis profiles for the newsdoc test suite."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8af3ff2e160be067.txt"
# The reference data lives beside the repository, never inside it.
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"

settings.register_profile(
    "default",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def shared_path(*parts: str) -> Path:
    """
    Return a path under ``../shared``, skipping the test if it is absent.

    The corpus, the schemas and the examples are reference data kept beside
    the repository; a checkout without them still runs every other test.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference data not found: {path} (../shared is absent)")
    return path


@pytest.fixture
def shared_dir() -> Path:
    """The ``../shared`` folder of reference data (skips when absent)."""
    return shared_path()


@pytest.fixture
def seed_text() -> str:
    """The embedded seed article as raw scraped text."""
    return SEED.read_text(encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--regen-golden``: write golden files anew instead of comparing."""
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="write the golden files under tests/golden anew, for review as a diff",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, bytes], None]:
    """
    Compare bytes with a reviewed golden file under ``tests/golden``.

    With ``pytest --regen-golden`` (or ``NEWSDOC_REGEN_GOLDEN=1``) the file is
    written anew instead, to be reviewed as a diff before it is committed.
    """
    regenerate = bool(request.config.getoption("--regen-golden")) or (
        os.environ.get("NEWSDOC_REGEN_GOLDEN") == "1"
    )

    def check(name: str, actual: bytes) -> None:
        path = GOLDEN / name
        if regenerate:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual)
        assert path.read_bytes() == actual, f"differs from golden file {name}"

    return check
