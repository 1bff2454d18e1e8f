"""
The comparisons the benchmark runs, each a function from inputs to results.

Each comparison names the newsdoc functions it needs and whether it needs
the ``bench`` extra's peers; `run.py` skips, saying why, one whose newsdoc
side does not exist yet, and the smoke test runs every one on tiny input.
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs
from harness import Result, Settings, Timings, measure
from inputs import big_article_text, text_floor

import newsdoc
import newsdoc.formats.json as json_module


__all__ = ["COMPARISONS", "TARGETS", "Comparison", "Inputs", "with_targets"]


@attrs.frozen(kw_only=True)
class Inputs:
    """
    What the comparisons run on.

    Attributes:
        texts: The corpus articles as raw text.
        paths: Their files (the command line converts these).
        seed: The seed article's raw text (the small article).
    """

    texts: tuple[str, ...]
    paths: tuple[Path, ...]
    seed: str

    def articles(self) -> list[newsdoc.Article]:
        """The corpus articles, parsed by ``newsdoc.parse_text``."""
        return [
            newsdoc.parse_text(text, source=str(path))
            for text, path in zip(self.texts, self.paths, strict=True)
        ]


@attrs.frozen(kw_only=True)
class Comparison:
    """
    One group of related comparisons.

    Attributes:
        title: What is compared, in words.
        names: The names of the results it returns.
        needs: The ``newsdoc`` functions it calls.
        peers: Whether it needs the ``bench`` extra.
        run: Measures and returns the results.
    """

    title: str
    names: tuple[str, ...]
    needs: tuple[str, ...]
    peers: bool
    run: Callable[[Inputs, Settings], list[Result]]

    def missing(self) -> list[str]:
        """The functions in *needs* that newsdoc does not have (yet)."""
        return [name for name in self.needs if not hasattr(newsdoc, name)]


def _ratio(  # noqa: PLR0913 - each is a column of the table
    name: str,
    times: Timings,
    baseline: str,
    unit: str,
    articles: int,
    *,
    ours: str = "ours",
    **extra: float | str,
) -> Result:
    """The result *name*: the time of *ours* against *baseline*'s."""
    if ours != "ours":
        extra["ours"] = ours
    low, high = times.spread(ours, baseline)
    return Result(
        name=name,
        ours_s=times[ours],
        baseline=baseline,
        baseline_s=times[baseline],
        ratio=times[ours] / times[baseline],
        unit=unit,
        extra={
            "articles": articles,
            "ratio_q1": low,
            "ratio_q3": high,
            **extra,
        },
    )


# -- JSON ------------------------------------------------------------------------


def json_roundtrip(inputs: Inputs, settings: Settings) -> list[Result]:
    """
    Our JSON round trip against pydantic's, msgspec's and bare json/orjson.

    Every side round-trips the whole corpus per call: ours
    ``from_json(to_json(a))`` with its default options; pydantic
    ``model_validate_json(model_dump_json())``; msgspec a typed decode of
    its encode; the floors ``loads(dumps(d))`` of the plain dicts that our
    JSON holds, which validate and build nothing.
    """
    import msgspec  # noqa: PLC0415 - the bench extra is optional
    import orjson  # noqa: PLC0415
    from peers import (  # noqa: PLC0415
        MsgspecArticle,
        PydanticArticle,
        msgspec_roundtrip,
        plain_article,
        pydantic_roundtrip,
    )

    to_json = newsdoc.to_json
    from_json = newsdoc.from_json
    articles = inputs.articles()
    for article in articles:
        if from_json(to_json(article)) != article:
            msg = f"newsdoc's JSON round trip changed {article.headline!r}"
            raise AssertionError(msg)
    plains = [json.dumps(plain_article(a)) for a in articles]
    pydantics = [PydanticArticle.model_validate_json(p) for p in plains]
    structs = [msgspec.json.decode(p, type=MsgspecArticle) for p in plains]
    dicts = [json.loads(to_json(a)) for a in articles]

    def ours_without_orjson() -> object:
        # newsdoc uses orjson only where it is installed: this is newsdoc
        # for a user without it (the module reads the global per call).
        saved = json_module._ORJSON  # noqa: SLF001
        json_module._ORJSON = None  # type: ignore[misc]  # noqa: SLF001
        try:
            return [from_json(to_json(a)) for a in articles]
        finally:
            json_module._ORJSON = saved  # type: ignore[misc]  # noqa: SLF001

    times = measure(
        {
            "ours": lambda: [from_json(to_json(a)) for a in articles],
            "ours without orjson": ours_without_orjson,
            "pydantic": lambda: [pydantic_roundtrip(p) for p in pydantics],
            "msgspec": lambda: [msgspec_roundtrip(s) for s in structs],
            "json": lambda: [
                json.loads(json.dumps(d, ensure_ascii=False)) for d in dicts
            ],
            "orjson": lambda: [orjson.loads(orjson.dumps(d)) for d in dicts],
        },
        settings,
    )
    unit = "s/corpus"
    count = len(articles)
    return [
        _ratio("json_roundtrip_vs_pydantic", times, "pydantic", unit, count),
        _ratio("json_roundtrip_vs_msgspec", times, "msgspec", unit, count),
        _ratio("json_roundtrip_vs_json_floor", times, "json", unit, count),
        _ratio("json_roundtrip_vs_orjson_floor", times, "orjson", unit, count),
        _ratio(
            "json_roundtrip_stdlib_vs_pydantic",
            times,
            "pydantic",
            unit,
            count,
            ours="ours without orjson",
        ),
    ]


# -- NewsML-G2 ---------------------------------------------------------------------


def newsml(inputs: Inputs, settings: Settings) -> list[Result]:
    """
    Our NewsML-G2 reader and writer against newsmlg2's and bare lxml's.

    All sides work on our NewsML-G2 of the corpus. Reading: ours
    ``from_newsml``, newsmlg2 ``NewsMLG2Document(data)``, the floor
    ``lxml.etree.fromstring``. Writing: ours ``to_newsml`` from the
    article, newsmlg2 ``to_xml_string()`` from its parsed document, the
    floor ``lxml.etree.tostring`` of a parsed tree.

    newsmlg2 loads and parses the IPTC catalog that a document's
    ``catalogRef`` names (it ships a copy) on every read, which is most of
    its read time; so reading is also timed on the same documents without
    their ``catalogRef``, where newsmlg2 only builds its objects.
    """
    from peers import (  # noqa: PLC0415 - the bench extra is optional
        lxml_read,
        lxml_write,
        newsmlg2_read,
        newsmlg2_write,
        without_catalog_refs,
    )

    to_newsml = newsdoc.to_newsml
    from_newsml = newsdoc.from_newsml
    articles = inputs.articles()
    documents = [to_newsml(a) for a in articles]
    for article, document in zip(articles, documents, strict=True):
        if from_newsml(document) != article:
            msg = (
                f"newsdoc's NewsML-G2 round trip changed {article.headline!r}"
            )
            raise AssertionError(msg)
    uncatalogued = [without_catalog_refs(d) for d in documents]
    g2_documents = [newsmlg2_read(d) for d in documents]
    trees = [lxml_read(d) for d in documents]
    g2_bytes = sum(len(newsmlg2_write(g)) for g in g2_documents)
    our_bytes = sum(len(d) for d in documents)

    reads = measure(
        {
            "ours": lambda: [from_newsml(d) for d in documents],
            "newsmlg2": lambda: [newsmlg2_read(d) for d in documents],
            "newsmlg2 without catalog": lambda: [
                newsmlg2_read(d) for d in uncatalogued
            ],
            "lxml": lambda: [lxml_read(d) for d in documents],
        },
        settings,
    )
    writes = measure(
        {
            "ours": lambda: [to_newsml(a) for a in articles],
            "newsmlg2": lambda: [newsmlg2_write(g) for g in g2_documents],
            "lxml": lambda: [lxml_write(t) for t in trees],
        },
        settings,
    )
    unit = "s/corpus"
    count = len(articles)
    return [
        _ratio("newsml_read_vs_newsmlg2", reads, "newsmlg2", unit, count),
        _ratio(
            "newsml_read_vs_newsmlg2_without_catalog",
            reads,
            "newsmlg2 without catalog",
            unit,
            count,
        ),
        _ratio("newsml_read_vs_lxml_floor", reads, "lxml", unit, count),
        _ratio(
            "newsml_write_vs_newsmlg2",
            writes,
            "newsmlg2",
            unit,
            count,
            ours_bytes=our_bytes,
            newsmlg2_bytes=g2_bytes,
        ),
        _ratio("newsml_write_vs_lxml_floor", writes, "lxml", unit, count),
    ]


# -- raw text --------------------------------------------------------------------


def parse_text_linear(inputs: Inputs, settings: Settings) -> list[Result]:
    """
    Time per byte of ``parse_text`` on a big article against the seed's.

    The big article is the seed's blocks repeated under one headline
    (10 MB in the full run), so both sides parse the same mix of blocks.
    """
    parse_text = newsdoc.parse_text
    big = big_article_text(inputs.seed, settings.big_size)
    seed = inputs.seed
    big_bytes, seed_bytes = len(big.encode()), len(seed.encode())
    times = measure(
        {"big": lambda: parse_text(big), "seed": lambda: parse_text(seed)},
        attrs.evolve(
            settings, rounds=settings.big_rounds, warmup=1, sample_s=0.0
        ),
    )
    ours, theirs = times["big"] / big_bytes, times["seed"] / seed_bytes
    # Per byte, the round-by-round ratio is the time ratio times the sizes'.
    low, high = times.spread("big", "seed")
    scale = seed_bytes / big_bytes
    return [
        Result(
            name="parse_text_10mb_per_byte_vs_3kb",
            ours_s=ours,
            baseline=f"seed ({seed_bytes} B)",
            baseline_s=theirs,
            ratio=ours / theirs,
            unit="s/byte",
            extra={
                "ratio_q1": low * scale,
                "ratio_q3": high * scale,
                "ours_bytes": big_bytes,
                "baseline_bytes": seed_bytes,
                "ours_mb_per_s": big_bytes / times["big"] / 1e6,
                "baseline_mb_per_s": seed_bytes / times["seed"] / 1e6,
            },
        )
    ]


def parse_text_memory(inputs: Inputs, settings: Settings) -> list[Result]:
    """
    Peak memory of parsing the big article, as a multiple of its size.

    tracemalloc counts what the parse allocates (the input string exists
    before tracing starts); the size is the input's UTF-8 bytes.
    """
    parse_text = newsdoc.parse_text
    big = big_article_text(inputs.seed, settings.big_size)
    size = len(big.encode())
    tracemalloc.start()
    try:
        started = time.perf_counter()
        article = parse_text(big)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del article
    return [
        Result(
            name="parse_text_10mb_peak_memory",
            ours_s=None,
            baseline="input size",
            baseline_s=None,
            ratio=peak / size,
            unit="x input",
            extra={
                "peak_bytes": peak,
                "input_bytes": size,
                # Far slower than untraced: tracemalloc sees every block.
                "traced_parse_s": elapsed,
            },
        )
    ]


def parse_text_vs_floor(inputs: Inputs, settings: Settings) -> list[Result]:
    """``parse_text`` on the corpus against one regex pass over it."""
    parse_text = newsdoc.parse_text
    texts = inputs.texts
    times = measure(
        {
            "ours": lambda: [parse_text(t) for t in texts],
            "floor": lambda: [text_floor(t) for t in texts],
        },
        settings,
    )
    return [
        _ratio(
            "parse_text_vs_floor",
            times,
            "floor",
            "s/corpus",
            len(texts),
            bytes=sum(len(t.encode()) for t in texts),
        )
    ]


# -- the command line -------------------------------------------------------------

#: The format the command line converts the corpus to.
CLI_TARGET: Final = "json"


def _cli_command(files: Sequence[Path], out: Path, jobs: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsdoc",
        "convert",
        *map(str, files),
        "--to",
        CLI_TARGET,
        "-o",
        str(out),
        "--jobs",
        str(jobs),
    ]


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_cli(
    files: Sequence[Path], out: Path, jobs: int
) -> tuple[float, float]:
    """Run the command line once: its wall time and CPU time in seconds."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    cpu = _children_cpu_s()
    started = time.perf_counter()
    finished = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        _cli_command(files, out, jobs),
        check=False,
        capture_output=True,
        text=True,
    )
    if finished.returncode != 0:
        msg = (
            f"newsdoc convert --jobs {jobs} exited with"
            f" {finished.returncode}: {finished.stderr.strip()}"
        )
        raise RuntimeError(msg)
    return time.perf_counter() - started, _children_cpu_s() - cpu


def _cli_result(
    name: str, inputs: Inputs, settings: Settings, copies: int
) -> Result:
    """Time the command line on *copies* copies of the corpus."""
    with tempfile.TemporaryDirectory(prefix="newsdoc-bench-") as folder:
        root = Path(folder)
        files: list[Path] = []
        for copy in range(copies):
            for text, path in zip(inputs.texts, inputs.paths, strict=True):
                file = root / f"{copy:03d}_{path.name}"
                file.write_text(text, encoding="utf-8")
                files.append(file)
        out = root / "out"
        runs: dict[int, list[float]] = {1: [], 2: []}
        cpus: dict[int, list[float]] = {1: [], 2: []}
        if settings.warmup:
            _run_cli(files, out, 1)  # warm the file cache and bytecode
        for round_ in range(settings.cli_rounds):
            order = (1, 2) if round_ % 2 == 0 else (2, 1)
            for jobs in order:
                wall, cpu = _run_cli(files, out, jobs)
                runs[jobs].append(wall)
                cpus[jobs].append(cpu)
    one, two = statistics.median(runs[1]), statistics.median(runs[2])
    count = len(files)
    return Result(
        name=name,
        ours_s=two,
        baseline="--jobs 1",
        baseline_s=one,
        ratio=two / one,
        unit="s/run",
        extra={
            "articles": count,
            "format": CLI_TARGET,
            "jobs1_articles_per_s": count / one,
            "jobs2_articles_per_s": count / two,
            "speedup": one / two,
            # CPU time of the command and its workers: what the second
            # worker costs, whatever the neighbours are doing.
            "jobs1_cpu_s": statistics.median(cpus[1]),
            "jobs2_cpu_s": statistics.median(cpus[2]),
        },
    )


def cli_jobs(inputs: Inputs, settings: Settings) -> list[Result]:
    """
    ``newsdoc convert`` over the corpus with ``--jobs 1`` and ``--jobs 2``.

    Once over the corpus as it is, and once over the corpus repeated
    ``cli_copies`` times (copies in a temporary folder, deleted
    afterwards), long enough for a second worker to pay for starting.
    Each run is a fresh process, so the times include the interpreter's
    start-up, as a user's would; they are wall times, beside CPU times.
    """
    return [
        _cli_result("cli_corpus_jobs2_vs_jobs1", inputs, settings, 1),
        _cli_result(
            "cli_corpus_repeated_jobs2_vs_jobs1",
            inputs,
            settings,
            settings.cli_copies,
        ),
    ]


#: The targets of issue 6: the largest ratio that meets each.
TARGETS: Final[Mapping[str, float]] = {
    "json_roundtrip_vs_pydantic": 1.0,
    "newsml_read_vs_newsmlg2": 0.1,
    "newsml_write_vs_newsmlg2": 0.1,
    "newsml_read_vs_lxml_floor": 5.0,
    "newsml_write_vs_lxml_floor": 5.0,
    "parse_text_10mb_per_byte_vs_3kb": 1.5,
    "parse_text_10mb_peak_memory": 10.0,
}


def with_targets(results: Sequence[Result]) -> list[Result]:
    """*results*, each with its target from `TARGETS` where it has one."""
    return [
        attrs.evolve(result, target=TARGETS.get(result.name))
        for result in results
    ]


#: Every comparison, in the order the table shows them.
COMPARISONS: Final[tuple[Comparison, ...]] = (
    Comparison(
        title="JSON round trip",
        names=(
            "json_roundtrip_vs_pydantic",
            "json_roundtrip_vs_msgspec",
            "json_roundtrip_vs_json_floor",
            "json_roundtrip_vs_orjson_floor",
            "json_roundtrip_stdlib_vs_pydantic",
        ),
        needs=("parse_text", "to_json", "from_json"),
        peers=True,
        run=json_roundtrip,
    ),
    Comparison(
        title="NewsML-G2 read and write",
        names=(
            "newsml_read_vs_newsmlg2",
            "newsml_read_vs_newsmlg2_without_catalog",
            "newsml_read_vs_lxml_floor",
            "newsml_write_vs_newsmlg2",
            "newsml_write_vs_lxml_floor",
        ),
        needs=("parse_text", "to_newsml", "from_newsml"),
        peers=True,
        run=newsml,
    ),
    Comparison(
        title="raw text: time per byte",
        names=("parse_text_10mb_per_byte_vs_3kb",),
        needs=("parse_text",),
        peers=False,
        run=parse_text_linear,
    ),
    Comparison(
        title="raw text: against the floor",
        names=("parse_text_vs_floor",),
        needs=("parse_text",),
        peers=False,
        run=parse_text_vs_floor,
    ),
    Comparison(
        title="raw text: peak memory",
        names=("parse_text_10mb_peak_memory",),
        needs=("parse_text",),
        peers=False,
        run=parse_text_memory,
    ),
    Comparison(
        title="command line: --jobs 1 and 2",
        names=(
            "cli_corpus_jobs2_vs_jobs1",
            "cli_corpus_repeated_jobs2_vs_jobs1",
        ),
        needs=("parse_text", "to_json"),
        peers=False,
        run=cli_jobs,
    ),
)
