"""
Profile one of newsdoc's hot paths on the corpus: ``python benchmarks/hotspots.py WHAT``.

*WHAT* is ``json`` (the round trip), ``newsml-read``, ``newsml-write`` or
``text`` (``parse_text``). The default profiler is cProfile, sorted by
own time; it charges a fixed cost to every call, so it overstates code
made of many small calls (the model's validators). ``--sampling`` uses
pyinstrument instead where it is installed, which does not.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import sys
from collections.abc import Callable, Sequence
from typing import Final

from inputs import CORPUS, load_corpus

import newsdoc


#: What each choice runs once: the whole corpus through one path.
def _workloads(texts: Sequence[str]) -> dict[str, Callable[[], object]]:
    articles = [newsdoc.parse_text(text) for text in texts]
    documents = [newsdoc.to_newsml(article) for article in articles]
    return {
        "json": lambda: [
            newsdoc.from_json(newsdoc.to_json(a)) for a in articles
        ],
        "newsml-read": lambda: [newsdoc.from_newsml(d) for d in documents],
        "newsml-write": lambda: [newsdoc.to_newsml(a) for a in articles],
        "text": lambda: [newsdoc.parse_text(t) for t in texts],
    }


CHOICES: Final = ("json", "newsml-read", "newsml-write", "text")


def main(argv: Sequence[str] | None = None) -> int:
    """Profile the chosen path and print where its time goes."""
    parser = argparse.ArgumentParser(
        prog="benchmarks/hotspots.py",
        description="Profile one of newsdoc's hot paths on the corpus.",
    )
    parser.add_argument("what", choices=CHOICES)
    parser.add_argument(
        "--repeat",
        type=int,
        default=50,
        help="passes over the corpus (default: 50)",
    )
    parser.add_argument(
        "--sampling",
        action="store_true",
        help="use pyinstrument's sampling profiler (pip install pyinstrument)",
    )
    parser.add_argument("--top", type=int, default=30, help="rows to show")
    args = parser.parse_args(argv)
    work = _workloads(load_corpus(CORPUS).texts)[args.what]

    def run() -> None:
        for _ in range(args.repeat):
            work()

    run()  # warm up: imports, caches, lazily built tables
    if args.sampling:
        profiler = importlib.import_module("pyinstrument").Profiler(
            interval=0.0001
        )
        profiler.start()
        run()
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False))
        return 0
    profile = cProfile.Profile()
    profile.runcall(run)
    stats = pstats.Stats(profile, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
