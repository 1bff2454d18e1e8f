"""
Coverage-guided fuzzing of `newsdoc.from_json` (atheris / libFuzzer).

Any input, as bytes or decoded to text (undecodable bytes become lone
surrogates), must give an `Article` or a `ParseError`; an article must
come back from `newsdoc.to_json` unchanged and go through every writer.
Half of the mutations are libFuzzer's byte-level ones; the other half
decode the input as JSON and change its values with the mutator of
``tests/test_robustness.py`` (values dropped, replaced by wrong types,
duplicated, unknown keys added), which gets past the JSON decoder to the
reader's own checks.
From the repository root, after ``pip install -e '.[fuzz]'`` and
``python fuzz/build_corpus.py``::

    .venv/bin/python fuzz/fuzz_json.py fuzz/corpus/json -max_total_time=60

Crashes are written to ``fuzz/artifacts/``; replay one by passing its path
instead of the corpus folder.
"""

from __future__ import annotations

import random

import atheris


# Only newsdoc's own code is instrumented: its branches guide the fuzzer.
with atheris.instrument_imports(include=["newsdoc"]):
    import newsdoc

from _contract import check_writers, fuzz, read
from tests.test_robustness import mutate_json


def test_one_input(data: bytes) -> None:
    """Check the reader's contract on *data* as bytes and as text."""
    for document in (data, data.decode("utf-8", "surrogateescape")):
        article = read(newsdoc.from_json, document)
        if article is not None:
            check_writers(article)


def mutate(data: bytes, max_size: int, seed: int) -> bytes:
    """Mutate *data* as bytes or, when it is JSON, as a tree of values."""
    rng = random.Random(seed)  # noqa: S311 - reproducible, not secret
    if rng.random() < 0.5:  # noqa: PLR2004 - half and half
        try:
            text = data.decode("utf-8")
            mutated = mutate_json(text, rng, steps=rng.randint(1, 3))
        except (ValueError, RecursionError):  # not UTF-8, not JSON, too deep
            pass
        else:
            encoded = mutated.encode("utf-8", "surrogatepass")
            if len(encoded) <= max_size:
                return encoded
    return atheris.Mutate(data, max_size)


if __name__ == "__main__":
    fuzz(test_one_input, custom_mutator=mutate)
