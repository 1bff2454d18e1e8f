"""
The contract every fuzz harness checks, shared by the three of them.

A reader given any input returns an `Article` or raises `ParseError`;
anything else escaping it is a crash. An article a reader returned is a
valid article, so every writer must take it: `check_writers` (from the
test suite, so fuzzers and tests hold the writers to one standard) writes
it in every format and reads JSON and NewsML-G2 back.
libFuzzer's ``-timeout`` option, not an alarm here, catches hangs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from newsdoc import Article, ParseError


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_robustness import check_writers, differences  # noqa: E402


__all__ = ["ARTIFACTS", "check_writers", "differences", "fuzz", "read"]

Input = TypeVar("Input", str, bytes)

#: Where libFuzzer writes the inputs that crash a harness.
ARTIFACTS = ROOT / "fuzz" / "artifacts"


def read(reader: Callable[[Input], Article], data: Input) -> Article | None:
    """
    Run *reader* on *data*: its article, or `None` if it refused the input.

    Raises:
        AssertionError: If the reader returned something else than an
            `Article`. Any exception other than `ParseError` propagates,
            and the fuzzer reports it as a crash.
    """
    try:
        article = reader(data)
    except ParseError:
        return None
    if type(article) is not Article:
        msg = f"{reader.__name__} returned {type(article).__name__}"
        raise AssertionError(msg)
    return article


def fuzz(
    test_one_input: Callable[[bytes], None],
    *,
    custom_mutator: Callable[[bytes, int, int], bytes] | None = None,
) -> None:
    """
    Run libFuzzer over *test_one_input* with the command line's options.

    Crashes go to ``fuzz/artifacts/`` unless ``-artifact_prefix`` is given.
    """
    import atheris  # noqa: PLC0415 - only the fuzzers need it

    ARTIFACTS.mkdir(exist_ok=True)
    argv = list(sys.argv)
    if not any(arg.startswith("-artifact_prefix=") for arg in argv):
        argv.append(f"-artifact_prefix={ARTIFACTS}/")
    atheris.Setup(argv, test_one_input, custom_mutator=custom_mutator)
    atheris.Fuzz()
