"""
The benchmark harness runs: every comparison on tiny input, nothing timed.

Speed is measured by ``benchmarks/run.py``, never here; these tests only
keep the benchmark code from rotting. Our own side needs nothing beyond
the ``test`` extra, so the raw-text, memory and command-line comparisons
always run; the JSON and NewsML-G2 comparisons and the peer models need
the ``bench`` extra and skip, saying so, without it.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEED


BENCHMARKS = ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from comparisons import (  # noqa: E402
    COMPARISONS,
    TARGETS,
    Comparison,
    Inputs,
    with_targets,
)
from harness import (  # noqa: E402
    Result,
    Settings,
    Timings,
    bench_extra_missing,
    format_table,
    measure,
    write_json,
)
from inputs import big_article_text, load_corpus, text_floor  # noqa: E402


#: The comparison names issue 6 asks for, by name.
REQUIRED = {
    "json_roundtrip_vs_pydantic",
    "newsml_read_vs_newsmlg2",
    "newsml_write_vs_newsmlg2",
    "parse_text_10mb_per_byte_vs_3kb",
    "parse_text_vs_floor",
}
#: Every entry of ``--json`` has these keys.
KEYS = {"ours_s", "baseline", "baseline_s", "ratio"}
#: As little work as the harness can be asked to do.
TINY = Settings(
    rounds=1,
    sample_s=0.0,
    warmup=0,
    big_size=10_000,
    big_rounds=1,
    cli_rounds=1,
    cli_copies=1,
)


@pytest.fixture
def inputs() -> Inputs:
    """The seed as a one-article corpus: no ../shared needed."""
    seed = SEED.read_text(encoding="utf-8")
    return Inputs(texts=(seed,), paths=(SEED,), seed=seed)


def _skip_unless_runnable(comparison: Comparison) -> None:
    missing = comparison.missing()
    if missing:
        pytest.skip(f"newsdoc has no {', '.join(missing)} yet")
    if comparison.peers and bench_extra_missing():
        pytest.skip(
            f"needs the bench extra ({', '.join(bench_extra_missing())})"
        )


@pytest.mark.parametrize(
    "comparison", COMPARISONS, ids=[c.title for c in COMPARISONS]
)
def test_comparison_runs_and_reports_its_names(
    comparison: Comparison, inputs: Inputs
) -> None:
    """Each comparison runs on the seed and returns the results it names."""
    _skip_unless_runnable(comparison)

    results = comparison.run(inputs, TINY)

    assert list(comparison.names) == [r.name for r in results]
    for result in results:
        entry = result.to_json()
        assert set(entry) >= KEYS
        assert isinstance(entry["baseline"], str)
        assert math.isfinite(entry["ratio"])
        assert entry["ratio"] > 0


def test_the_issue_names_are_all_produced() -> None:
    """Every comparison name the issue asks for comes from a comparison."""
    produced = {name for c in COMPARISONS for name in c.names}

    assert set() == REQUIRED - produced


def test_every_target_names_a_comparison() -> None:
    """Each target belongs to a result some comparison produces."""
    produced = {name for c in COMPARISONS for name in c.names}

    assert set(TARGETS) <= produced


def test_a_result_over_its_target_is_missed() -> None:
    """A ratio above the target is reported as missed, in --json too."""
    result = Result(
        name="json_roundtrip_vs_pydantic",
        ours_s=3.0,
        baseline="pydantic",
        baseline_s=2.0,
        ratio=1.5,
        unit="s/corpus",
    )

    [targeted] = with_targets([result])

    assert targeted.target == 1.0
    assert targeted.to_json()["met"] is False
    assert "MISSED" in format_table([targeted])


def test_json_output_has_one_entry_per_comparison(tmp_path: Path) -> None:
    """``--json`` writes ``{name: {ours_s, baseline, baseline_s, ratio}}``."""
    results = [
        Result(
            name="a_vs_b",
            ours_s=1.0,
            baseline="b",
            baseline_s=2.0,
            ratio=0.5,
            unit="s/corpus",
            extra={"articles": 3},
        )
    ]
    path = tmp_path / "bench.json"

    write_json(results, path)

    expected = {
        "a_vs_b": {
            "ours_s": 1.0,
            "baseline": "b",
            "baseline_s": 2.0,
            "ratio": 0.5,
            "unit": "s/corpus",
            "articles": 3,
        }
    }
    assert expected == json.loads(path.read_text(encoding="utf-8"))
    assert "a_vs_b" in format_table(results)


def test_measure_times_every_contender() -> None:
    """Each contender is called and gets a median time."""
    calls: list[str] = []
    contenders = {
        "a": lambda: calls.append("a"),
        "b": lambda: calls.append("b"),
    }

    times = measure(contenders, TINY)

    assert set(times.samples) == {"a", "b"}
    assert set(calls) == {"a", "b"}
    assert times["a"] >= 0
    assert times["b"] >= 0


def test_spread_is_the_quartiles_of_round_by_round_ratios() -> None:
    """Rounds pair up: the spread is taken over ours / theirs per round."""
    times = Timings({"ours": (1.0, 2.0, 3.0, 4.0), "base": (2.0,) * 4})

    low, high = times.spread("ours", "base")

    assert times["ours"] == 2.5
    assert low < 1.25 < high


def test_big_article_repeats_the_seed_under_one_headline() -> None:
    """The big article is at least the size asked, with one headline."""
    seed = SEED.read_text(encoding="utf-8")

    big = big_article_text(seed, 50_000)

    assert len(big.encode()) >= 50_000
    headline = seed.partition("\n")[0]
    assert big.startswith(headline + "\n\n")
    assert big.count(headline) == seed.count(headline)


def test_text_floor_splits_blocks_and_finds_marks() -> None:
    """The floor finds the blank-line blocks and every quote mark."""
    text = 'Head\n\nHe said "yes".\n \nShe said “no”.'

    blocks, marks = text_floor(text)

    assert [text[start:end] for start, end in blocks] == [
        "Head",
        'He said "yes".',
        "She said “no”.",
    ]
    assert [
        text.index('"'),
        text.rindex('"'),
        text.index("“"),
        text.index("”"),
    ] == marks


def test_every_hotspot_workload_runs(inputs: Inputs) -> None:
    """``hotspots.py`` can profile each of its paths (here on the seed)."""
    hotspots = importlib.import_module("hotspots")

    workloads = hotspots._workloads(inputs.texts)

    assert set(workloads) == set(hotspots.CHOICES)
    for work in workloads.values():
        work()


def test_missing_corpus_fails_with_a_clear_message(tmp_path: Path) -> None:
    """Without the shared corpus the benchmark says where it looked."""
    with pytest.raises(SystemExit, match=r"\.\./shared/corpus"):
        load_corpus(tmp_path)


def _peers() -> Any:
    if bench_extra_missing():
        pytest.skip(
            f"needs the bench extra ({', '.join(bench_extra_missing())})"
        )
    return importlib.import_module("peers")


@pytest.fixture
def plain() -> dict[str, Any]:
    """A small valid article in the peers' plain JSON form."""
    return {
        "schema": "newsdoc/1",
        "headline": "Head",
        "standfirst": None,
        "byline": None,
        "dateline": None,
        "body": [
            {
                "type": "paragraph",
                "text": 'He said "yes".',
                "quotes": [{"text": "yes", "start": 9, "end": 12}],
            },
            {"type": "heading", "text": "More", "level": 2},
            {"type": "figure", "caption": "A picture", "credit": None},
        ],
        "meta": {
            "language": "en-GB",
            "published": "2024-05-01T10:00:00+00:00",
        },
    }


BROKEN = {
    "an extra key": lambda d: d | {"extra": 1},
    "a blank headline": lambda d: d | {"headline": "  "},
    "a two-line headline": lambda d: d | {"headline": "Head\n"},
    "an unknown block type": lambda d: d | {"body": [{"type": "table"}]},
    "a heading at level 7": lambda d: (
        d | {"body": [{"type": "heading", "text": "x", "level": 7}]}
    ),
    "a figure with neither caption nor credit": lambda d: (
        d | {"body": [{"type": "figure"}]}
    ),
    "a quote off its offsets": lambda d: (
        d
        | {
            "body": [
                {
                    "type": "paragraph",
                    "text": 'He said "yes".',
                    "quotes": [{"text": "yes", "start": 8, "end": 11}],
                }
            ]
        }
    ),
    "a naive datetime": lambda d: (
        d | {"meta": {"published": "2024-05-01T10:00:00"}}
    ),
    "a bad language tag": lambda d: d | {"meta": {"language": "en GB"}},
}


def test_peers_accept_a_valid_article(plain: dict[str, Any]) -> None:
    """Both peer models read a valid article and round-trip it unchanged."""
    peers = _peers()
    import msgspec  # noqa: PLC0415 - only with the bench extra

    data = json.dumps(plain)
    model = peers.PydanticArticle.model_validate_json(data)
    struct = msgspec.json.decode(data, type=peers.MsgspecArticle)

    assert model == peers.pydantic_roundtrip(model)
    assert struct == peers.msgspec_roundtrip(struct)


@pytest.mark.parametrize("break_", BROKEN.values(), ids=list(BROKEN))
def test_peers_are_as_strict_as_the_model(
    plain: dict[str, Any], break_: Any
) -> None:
    """The peers refuse what newsdoc's model refuses, so neither does less."""
    peers = _peers()
    import msgspec  # noqa: PLC0415 - only with the bench extra
    import pydantic  # noqa: PLC0415

    data = json.dumps(break_(plain))

    with pytest.raises(pydantic.ValidationError):
        peers.PydanticArticle.model_validate_json(data)
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(data, type=peers.MsgspecArticle)


def test_plain_article_is_what_the_peers_read(inputs: Inputs) -> None:
    """The seed, parsed by newsdoc, loads into both peers as it is."""
    peers = _peers()
    import msgspec  # noqa: PLC0415

    article = inputs.articles()[0]
    data = json.dumps(peers.plain_article(article))

    peers.PydanticArticle.model_validate_json(data)
    msgspec.json.decode(data, type=peers.MsgspecArticle)
