"""
Coverage-guided fuzzing of `newsdoc.from_newsml` (atheris / libFuzzer).

Any input, as bytes or as text, must give an `Article` or a `ParseError`;
an article must go through every writer, and our own NewsML-G2 of it must
read back as the same article.
Half of the mutations are libFuzzer's byte-level ones; the other half
parse the input as XML and change its structure with the mutator of
``tests/test_robustness.py`` (elements dropped, duplicated, reordered,
moved or unwrapped, text and attributes replaced or removed), which
reaches the reader's rules far faster than flipped bytes do.
From the repository root, after ``pip install -e '.[fuzz]'`` and
``python fuzz/build_corpus.py``::

    .venv/bin/python fuzz/fuzz_newsml.py fuzz/corpus/newsml -max_total_time=60

Crashes are written to ``fuzz/artifacts/``; replay one by passing its path
instead of the corpus folder.
"""

from __future__ import annotations

import random

import atheris
from lxml import etree


# Only newsdoc's own code is instrumented: its branches guide the fuzzer.
with atheris.instrument_imports(include=["newsdoc"]):
    import newsdoc

from _contract import check_writers, fuzz, read
from tests.test_robustness import mutate_newsml


def test_one_input(data: bytes) -> None:
    """Check the reader's contract on *data* as bytes and as text."""
    for document in (data, data.decode("utf-8", "surrogateescape")):
        article = read(newsdoc.from_newsml, document)
        if article is not None:
            check_writers(article)


def mutate(data: bytes, max_size: int, seed: int) -> bytes:
    """Mutate *data* as bytes or, when it is XML, as a tree."""
    rng = random.Random(seed)  # noqa: S311 - reproducible, not secret
    if rng.random() < 0.5:  # noqa: PLR2004 - half and half
        try:
            mutated = mutate_newsml(data, rng, steps=rng.randint(1, 3))
        except (etree.XMLSyntaxError, ValueError):
            pass
        else:
            if len(mutated) <= max_size:
                return mutated
    return atheris.Mutate(data, max_size)


if __name__ == "__main__":
    fuzz(test_one_input, custom_mutator=mutate)
