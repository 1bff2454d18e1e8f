"""
Run newsdoc's benchmarks: ``python benchmarks/run.py [--quick] [--json PATH]``.

Every figure is a ratio against a baseline timed in the same run (see
``harness.py``); ``docs/performance.md`` explains the comparisons and
records a full run. Needs the ``bench`` extra
(``pip install -e '.[bench]'``) and the corpus in ``../shared/corpus``.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from comparisons import COMPARISONS, Inputs, with_targets
from harness import (
    FULL,
    QUICK,
    Result,
    format_details,
    format_markdown,
    format_table,
    require_bench_extra,
    write_json,
)
from inputs import CORPUS, SEED, load_corpus


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run.py",
        description="Compare newsdoc's speed with its peers and floors.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer, shorter samples and a 1 MB big article (under a minute)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        metavar="PATH",
        help="also write the results to PATH as JSON",
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="also print the table in Markdown, as docs/performance.md has it",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        metavar="DIR",
        help=f"the folder of *.txt articles (default: {CORPUS})",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="WORD",
        help="run only comparisons whose title contains WORD (repeatable)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the comparisons, print the table and write the JSON.

    Returns:
        The exit status: 0, or 1 if a comparison could not run.
    """
    args = _parser().parse_args(argv)
    require_bench_extra()
    settings = QUICK if args.quick else FULL
    corpus = load_corpus(args.corpus)
    inputs = Inputs(
        texts=corpus.texts,
        paths=corpus.paths,
        seed=SEED.read_text(encoding="utf-8"),
    )
    print(
        f"newsdoc benchmarks ({'quick' if args.quick else 'full'}):"
        f" {len(corpus.texts)} articles, {corpus.size} bytes;"
        f" Python {platform.python_version()} on {platform.machine()}"
    )
    results: list[Result] = []
    status = 0
    for comparison in COMPARISONS:
        if args.only and not any(w in comparison.title for w in args.only):
            continue
        missing = comparison.missing()
        if missing:
            names = ", ".join(f"newsdoc.{n}" for n in missing)
            print(f"skipped {comparison.title}: {names} not available")
            status = 1
            continue
        started = time.perf_counter()
        results.extend(with_targets(comparison.run(inputs, settings)))
        elapsed = time.perf_counter() - started
        print(f"measured {comparison.title} in {elapsed:.1f} s")
    print()
    print(format_table(results))
    print()
    print(format_details(results))
    if args.markdown:
        print()
        print(format_markdown(results))
    if args.json is not None:
        write_json(results, args.json)
        print(f"\nwrote {args.json}")
    return status


if __name__ == "__main__":
    sys.exit(main())
