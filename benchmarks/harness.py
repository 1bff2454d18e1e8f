"""
Timing on a shared, noisy machine: ratios, alternation, warm-up, medians.

Every figure the benchmarks report is a ratio of two timings taken in the
same run. The contenders of one comparison are timed in rounds; each round
times every contender once, in a rotated order, so that a burst of load
from a neighbour falls on all of them alike. Each contender is warmed up
first, each sample repeats the call enough times to last a few
milliseconds, and the result is the median sample. Times are the
process's CPU time, so that waiting for a core on a loaded machine is not
counted as anyone's cost.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import statistics
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs


__all__ = [
    "BENCH_MODULES",
    "FULL",
    "QUICK",
    "Result",
    "Settings",
    "Timings",
    "bench_extra_missing",
    "format_details",
    "format_markdown",
    "format_table",
    "measure",
    "require_bench_extra",
    "write_json",
]


# CPU time of this process, not wall time: on a shared machine a process
# waits for a core whenever the neighbours are busy, and that wait is no
# contender's cost. Every contender runs in this thread (pydantic-core,
# msgspec, orjson and lxml included), so its CPU time is all of its work.
_clock: Final = time.process_time

#: The import names of the ``bench`` extra's packages.
BENCH_MODULES: Final = ("pydantic", "msgspec", "orjson", "NewsMLG2")


def require_bench_extra() -> None:
    """
    Fail with the install command if a peer package is missing.

    Raises:
        SystemExit: Naming the missing packages and the extra to install.
    """
    missing = bench_extra_missing()
    if missing:
        msg = (
            f"benchmarks need the bench extra (missing: {', '.join(missing)});"
            " run: pip install -e '.[bench]'"
        )
        raise SystemExit(msg)


def bench_extra_missing() -> list[str]:
    """The ``bench`` extra's packages that are not installed."""
    return [
        name
        for name in BENCH_MODULES
        if importlib.util.find_spec(name) is None
    ]


@attrs.frozen(kw_only=True)
class Settings:
    """
    How long and how carefully to measure.

    Attributes:
        rounds: Samples per contender; the median is reported.
        sample_s: The least time one sample runs for; a call that is
            faster is repeated within the sample.
        warmup: Untimed calls of each contender before the first round.
        big_size: The size in bytes of the big raw-text article.
        big_rounds: Samples of parsing the big article.
        cli_rounds: Runs of the command line per ``--jobs`` value.
        cli_copies: How many times the corpus is repeated for the command
            line's second run, long enough for a second worker to pay off.
    """

    rounds: int
    sample_s: float
    warmup: int
    big_size: int
    big_rounds: int
    cli_rounds: int
    cli_copies: int


#: A run of well under a minute: fewer, shorter samples and a 1 MB article.
QUICK: Final = Settings(
    rounds=5,
    sample_s=0.02,
    warmup=1,
    big_size=1_000_000,
    big_rounds=1,
    cli_rounds=1,
    cli_copies=4,
)
#: The run whose medians are reported in docs/performance.md.
FULL: Final = Settings(
    rounds=21,
    sample_s=0.1,
    warmup=3,
    big_size=10_000_000,
    big_rounds=5,
    cli_rounds=5,
    cli_copies=20,
)


@attrs.frozen(kw_only=True)
class Result:
    """
    One comparison: our median time against a baseline's, and their ratio.

    Attributes:
        name: The comparison's name, such as ``json_roundtrip_vs_pydantic``.
        ours_s: Our median, in seconds per unit of work.
        baseline: What we are compared with, in words.
        baseline_s: The baseline's median, in the same unit.
        ratio: ``ours_s / baseline_s`` (below 1: we are faster), or, for a
            comparison that is not a time, the figure named by *unit*.
        unit: What a time is per (``s/corpus``, ``s/byte``), or what the
            ratio is when it is not a time ratio.
        extra: Further figures for the JSON output (sizes, throughput).
        target: The largest ratio that meets newsdoc's target, if it has
            one (issue 6).
    """

    name: str
    ours_s: float | None
    baseline: str
    baseline_s: float | None
    ratio: float
    unit: str
    extra: Mapping[str, float | int | str] = attrs.field(factory=dict)
    target: float | None = None

    @property
    def met(self) -> bool | None:
        """Whether the ratio meets the target; `None` without a target."""
        return None if self.target is None else self.ratio <= self.target

    def to_json(self) -> dict[str, Any]:
        """The result as the JSON object the issue asks for, plus extras."""
        data = {
            "ours_s": self.ours_s,
            "baseline": self.baseline,
            "baseline_s": self.baseline_s,
            "ratio": self.ratio,
            "unit": self.unit,
            **self.extra,
        }
        if self.target is not None:
            data["target"] = self.target
            data["met"] = self.met
        return data


def _repeats(call: Callable[[], object], sample_s: float) -> int:
    """How often to repeat *call* so that one sample lasts *sample_s*."""
    started = _clock()
    call()
    once = _clock() - started
    return max(1, round(sample_s / once)) if once > 0 else 1000


def _sample(call: Callable[[], object], repeats: int) -> float:
    """Seconds per call of *call*, over *repeats* calls."""
    # Collect before, not during: garbage the call makes is its own cost.
    gc.collect()
    started = _clock()
    for _ in range(repeats):
        call()
    return (_clock() - started) / repeats


@attrs.frozen
class Timings:
    """
    The samples of one measurement, by contender.

    ``timings[name]`` is the contender's median in seconds per call.

    Attributes:
        samples: Seconds per call, one per round, in round order; the
            same index is the same round for every contender.
    """

    samples: Mapping[str, tuple[float, ...]]

    def __getitem__(self, name: str) -> float:
        return statistics.median(self.samples[name])

    def spread(self, ours: str, baseline: str) -> tuple[float, float]:
        """
        The quartiles of the round-by-round ratio of *ours* to *baseline*.

        Both were timed in the same rounds, next to each other, so their
        ratio round by round shows how steady the median ratio is.
        """
        ratios = sorted(
            mine / theirs
            for mine, theirs in zip(
                self.samples[ours], self.samples[baseline], strict=True
            )
        )
        if len(ratios) < 2:
            return ratios[0], ratios[0]
        low, _, high = statistics.quantiles(ratios, n=4)
        return low, high


def measure(
    contenders: Mapping[str, Callable[[], object]], settings: Settings
) -> Timings:
    """
    Time each contender, alternating them, and return their samples.

    Args:
        contenders: Calls to time by name; each is one unit of work.
        settings: How many rounds, how long a sample, how much warm-up.

    Returns:
        The samples, whose medians index by name.
    """
    names = list(contenders)
    for name in names:
        for _ in range(settings.warmup):
            contenders[name]()
    repeats = {
        name: _repeats(contenders[name], settings.sample_s) for name in names
    }
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(settings.rounds):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(_sample(contenders[name], repeats[name]))
    return Timings({name: tuple(samples[name]) for name in names})


def format_table(results: list[Result]) -> str:
    """The results as a plain-text table, one comparison a line."""
    header = (
        "comparison",
        "ours",
        "baseline",
        "its time",
        "ratio",
        "q1-q3",
        "unit",
        "target",
    )
    rows = [header]
    rows.extend(
        (
            result.name,
            _ours(result),
            result.baseline,
            _theirs(result),
            f"{result.ratio:.3g}",
            _quartiles(result),
            result.unit,
            _target(result),
        )
        for result in results
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_markdown(results: list[Result]) -> str:
    """The results as the Markdown table of ``docs/performance.md``."""
    lines = [
        (
            "| comparison | newsdoc | baseline | baseline's time | ratio"
            " | q1–q3 | target |"
        ),
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        target = (
            ""
            if result.target is None
            else f"≤ {result.target:g} {'met' if result.met else '**missed**'}"
        )
        lines.append(
            f"| `{result.name}` | {_ours(result)}"
            f" | {result.baseline} | {_theirs(result)}"
            f" | {result.ratio:.3g} | {_quartiles(result)} | {target} |"
        )
    return "\n".join(lines)


def format_details(results: list[Result]) -> str:
    """Each result's further figures, one result a line."""
    lines = []
    for result in results:
        if result.extra:
            figures = ", ".join(
                f"{key}={value:.4g}"
                if isinstance(value, float)
                else f"{key}={value}"
                for key, value in result.extra.items()
            )
            lines.append(f"{result.name}: {figures}")
    return "\n".join(lines)


def _ours(result: Result) -> str:
    peak = result.extra.get("peak_bytes")
    if result.ours_s is None and isinstance(peak, int):
        return f"{peak / 1e6:.3g} MB"
    return _seconds(result.ours_s)


def _theirs(result: Result) -> str:
    size = result.extra.get("input_bytes")
    if result.baseline_s is None and isinstance(size, int):
        return f"{size / 1e6:.3g} MB"
    return _seconds(result.baseline_s)


def _target(result: Result) -> str:
    if result.target is None:
        return ""
    return f"<= {result.target:g} {'met' if result.met else 'MISSED'}"


def _quartiles(result: Result) -> str:
    low, high = result.extra.get("ratio_q1"), result.extra.get("ratio_q3")
    if isinstance(low, float) and isinstance(high, float):
        return f"{low:.3g}-{high:.3g}"
    return "-"


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if value >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value / 1e-12:.3g} ps"


def write_json(results: list[Result], path: Path) -> None:
    """Write *results* to *path* as one JSON object keyed by name."""
    data = {result.name: result.to_json() for result in results}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
