"""
Coverage-guided fuzzing of `newsdoc.from_json` (atheris / libFuzzer).

Any input, as bytes or decoded to text (undecodable bytes become lone
surrogates), must give an `Article` or a `ParseError`; an article must
come back from `newsdoc.to_json` unchanged and go through every writer.
From the repository root, after ``pip install -e '.[fuzz]'`` and
``python fuzz/build_corpus.py``::

    .venv/bin/python fuzz/fuzz_json.py fuzz/corpus/json -max_total_time=60

Crashes are written to ``fuzz/artifacts/``; replay one by passing its path
instead of the corpus folder.
"""

from __future__ import annotations

import atheris


# Only newsdoc's own code is instrumented: its branches guide the fuzzer.
with atheris.instrument_imports(include=["newsdoc"]):
    import newsdoc

from _contract import check_writers, fuzz, read


def test_one_input(data: bytes) -> None:
    """Check the reader's contract on *data* as bytes and as text."""
    for document in (data, data.decode("utf-8", "surrogateescape")):
        article = read(newsdoc.from_json, document)
        if article is not None:
            check_writers(article)


if __name__ == "__main__":
    fuzz(test_one_input)
