"""Every writer pinned on the seed by a reviewed golden file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsdoc
from tests.conftest import GOLDEN


WRITERS: dict[str, Callable[[newsdoc.Article], bytes]] = {
    "seed/article.json": lambda a: newsdoc.to_json(a).encode(),
    "seed/newsitem.xml": newsdoc.to_newsml,
    "seed/raw.txt": lambda a: newsdoc.to_text(a, style="raw").encode(),
    "seed/plain.txt": lambda a: newsdoc.to_text(a, style="reading").encode(),
}


@pytest.mark.parametrize("name", WRITERS)
def test_seed_matches_golden_file(
    seed_text: str, golden: Callable[[str, bytes], None], name: str
) -> None:
    """
    The seed, parsed and written, is byte for byte the reviewed golden file.

    ``pytest --regen-golden`` writes the files anew, for review as a diff.
    """
    golden(name, WRITERS[name](newsdoc.parse_text(seed_text)))


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("seed/article.json", newsdoc.from_json),
        ("seed/newsitem.xml", newsdoc.from_newsml),
        ("seed/raw.txt", lambda data: newsdoc.parse_text(data.decode())),
    ],
)
def test_golden_files_read_back_to_the_seed(
    seed_text: str, name: str, reader: Callable[[bytes], newsdoc.Article]
) -> None:
    """Each lossless golden file reads back to the article made of the seed."""
    data = (GOLDEN / name).read_bytes()
    assert newsdoc.parse_text(seed_text) == reader(data)
