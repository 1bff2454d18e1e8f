"""
The benchmark inputs: the corpus, the seed, a 10 MB article, the text floor.

The corpus is read from ``../shared/corpus/`` beside the repository (it is
reference data and never copied into the repository); the big article is
built here from the seed, so it has the seed's mix of blocks at any size.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import attrs


__all__ = [
    "CORPUS",
    "SEED",
    "Corpus",
    "big_article_text",
    "load_corpus",
    "text_floor",
]

ROOT: Final = Path(__file__).resolve().parent.parent
#: The corpus of real articles, beside the repository.
CORPUS: Final = ROOT.parent / "shared" / "corpus"
#: The seed article, shipped in the repository (2.7 kB).
SEED: Final = ROOT / "seeds" / "000_8af3ff2e160be067.txt"


@attrs.frozen
class Corpus:
    """
    Raw article texts and where they came from.

    Attributes:
        paths: The files, in name order.
        texts: Their text, in the same order.
    """

    paths: tuple[Path, ...]
    texts: tuple[str, ...]

    @property
    def size(self) -> int:
        """The corpus size in UTF-8 bytes."""
        return sum(len(t.encode()) for t in self.texts)


def load_corpus(folder: Path = CORPUS) -> Corpus:
    """
    Read every ``*.txt`` article in *folder*.

    Raises:
        SystemExit: If the folder is missing or holds no article, saying
            where the benchmark looked and how to point it elsewhere.
    """
    paths = tuple(sorted(folder.glob("*.txt"))) if folder.is_dir() else ()
    if not paths:
        msg = (
            f"no corpus articles (*.txt) in {folder}: the benchmarks read the"
            " shared corpus from ../shared/corpus beside the repository;"
            " pass --corpus DIR to use another folder"
        )
        raise SystemExit(msg)
    texts = tuple(p.read_text(encoding="utf-8") for p in paths)
    return Corpus(paths=paths, texts=texts)


def big_article_text(seed: str, size: int) -> str:
    """
    Return an article of at least *size* UTF-8 bytes made from *seed*.

    One headline (the seed's first line), then the seed's blocks repeated,
    blank-line separated, so that time per byte compares like with like.
    """
    headline, _, rest = seed.partition("\n")
    body = rest.strip("\n")
    unit = len(body.encode()) + 2
    copies = max(1, -(-(size - len(headline.encode())) // unit))
    return headline + "\n\n" + "\n\n".join([body] * copies) + "\n"


# One alternation finds both the block separators and every quote mark
# (straight, curly, single curly), so one scan does all the floor's work.
_FLOOR: Final = re.compile(r"(?P<gap>\n[ \t]*\n)|[\"“”‘’]")


def text_floor(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """
    Split *text* into blocks and find its quote marks in one regex pass.

    This is the least any raw-text reader must do: the floor that
    ``parse_text`` is compared with.

    Returns:
        The blocks as ``(start, end)`` offsets and the quote marks' offsets.
    """
    blocks: list[tuple[int, int]] = []
    marks: list[int] = []
    start = 0
    for match in _FLOOR.finditer(text):
        if match.lastgroup == "gap":
            blocks.append((start, match.start()))
            start = match.end()
        else:
            marks.append(match.start())
    blocks.append((start, len(text)))
    return blocks, marks
