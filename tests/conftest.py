"""Shared fixtures and Hypothesis profiles for the newsdoc test suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8af3ff2e160be067.txt"
# The reference data lives beside the repository, never inside it.
SHARED = ROOT.parent / "shared"

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
