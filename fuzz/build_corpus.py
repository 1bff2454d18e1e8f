"""
Build the fuzzers' seed corpora from real inputs.

Reads the embedded seed (``seeds/*.txt``), the shared corpus
(``../shared/corpus/*.txt``) and the IPTC NewsML-G2 examples
(``../shared/newsml-g2/examples/*.xml``) and writes, under
``fuzz/corpus/`` (git-ignored: the shared texts are not ours to commit):

* ``text/``: each raw text as it is;
* ``json/``: each text read with `newsdoc.parse_text` and written with
  `newsdoc.to_json`;
* ``newsml/``: the same articles written with `newsdoc.to_newsml`, as a
  single item and as a package, plus the IPTC examples.

Run from the repository root::

    .venv/bin/python fuzz/build_corpus.py

Files are named by the SHA-1 of their content, as libFuzzer names the
inputs it adds, so running the script twice changes nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from newsdoc import Article, ParseError, parse_text, to_json, to_newsml


ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _texts(shared: Path) -> list[Path]:
    """The raw article texts: the embedded seed, then the shared corpus."""
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    paths.extend(sorted((shared / "corpus").glob("*.txt")))
    return paths


def _write(folder: Path, data: bytes) -> bool:
    """Store *data* in *folder* under its hash; say whether it was new."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / hashlib.sha1(data, usedforsecurity=False).hexdigest()
    if path.exists():
        return False
    path.write_bytes(data)
    return True


def _articles(paths: Iterable[Path]) -> Iterable[tuple[Path, Article]]:
    """Read each text as an article, reporting those the reader refuses."""
    for path in paths:
        try:
            yield path, parse_text(path.read_text(encoding="utf-8"))
        except ParseError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)


def build(out: Path, shared: Path) -> dict[str, int]:
    """
    Write the three seed corpora under *out*.

    Args:
        out: The corpus folder; ``text``, ``json`` and ``newsml`` go in it.
        shared: The reference data folder (``../shared``); what it lacks
            is left out.

    Returns:
        How many new files each corpus got.
    """
    counts = {"text": 0, "json": 0, "newsml": 0}

    def add(name: str, data: bytes) -> None:
        counts[name] += _write(out / name, data)

    texts = _texts(shared)
    for path in texts:
        add("text", path.read_bytes())
    writers: list[tuple[str, Callable[[Article], bytes]]] = [
        ("json", lambda article: to_json(article).encode()),
        ("newsml", to_newsml),
        ("newsml", lambda article: to_newsml(article, package=True)),
    ]
    for _path, article in _articles(texts):
        for name, write in writers:
            add(name, write(article))
    for path in sorted((shared / "newsml-g2" / "examples").glob("*.xml")):
        add("newsml", path.read_bytes())
    return counts


def main(argv: list[str] | None = None) -> int:
    """Build the corpora; the command line takes the output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "out",
        nargs="?",
        type=Path,
        default=ROOT / "fuzz" / "corpus",
        help="where to write the corpora (default: fuzz/corpus)",
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=SHARED,
        help="the reference data folder (default: ../shared)",
    )
    args = parser.parse_args(argv)
    counts = build(args.out, args.shared)
    for name, count in counts.items():
        print(f"{args.out / name}: {count} new inputs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
