"""
Coverage-guided fuzzing of `newsdoc.parse_text` (atheris / libFuzzer).

The input bytes are decoded as UTF-8, undecodable bytes becoming lone
surrogates, and must give an `Article` or a `ParseError`; an article must
go through every writer, and the raw layout `newsdoc.to_text` writes must
read back as the same article.
From the repository root, after ``pip install -e '.[fuzz]'`` and
``python fuzz/build_corpus.py``::

    .venv/bin/python fuzz/fuzz_text.py fuzz/corpus/text -max_total_time=60

Crashes are written to ``fuzz/artifacts/``; replay one by passing its path
instead of the corpus folder.
"""

from __future__ import annotations

import atheris


# Only newsdoc's own code is instrumented: its branches guide the fuzzer.
with atheris.instrument_imports(include=["newsdoc"]):
    import newsdoc

from _contract import check_writers, differences, fuzz, read


def test_one_input(data: bytes) -> None:
    """Check the reader's contract, and the layout round trip, on *data*."""
    text = data.decode("utf-8", "surrogateescape")
    article = read(newsdoc.parse_text, text)
    if article is None:
        return
    check_writers(article)
    again = newsdoc.parse_text(newsdoc.to_text(article))
    if again != article:
        msg = f"text round trip changed the article:\n{differences(article, again)}"
        raise AssertionError(msg)


if __name__ == "__main__":
    fuzz(test_one_input)
