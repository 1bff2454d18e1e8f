"""The ``newsdoc`` command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, Heading, Paragraph, cli
from newsdoc.cli import main
from tests.conftest import ROOT, SEED


FIRST = Article(
    headline="Belarus denies it is mobilizing",
    body=[Paragraph(text="Officials denied it on Thursday.")],
)
SECOND = Article(
    headline="Storm closes the port",
    body=[Paragraph(text="Ships stayed in harbour.")],
)
# No paragraphs: `validate` reports an error (an article must have one).
EMPTY = Article(headline="Nothing here", body=[Heading(text="Alone")])


def _json(article: Article) -> str:
    document = newsdoc.write(article, "json")
    assert isinstance(document, str)
    return document


def _jsonl(*articles: Article) -> str:
    return "".join(str(newsdoc.write(a, "jsonl")) for a in articles)


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under *root*, by relative path, with its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory of articles: two JSON files, one in a subfolder."""
    root = tmp_path / "in"
    (root / "world").mkdir(parents=True)
    (root / "first.json").write_text(_json(FIRST), encoding="utf-8")
    (root / "world" / "second.json").write_text(
        _json(SECOND), encoding="utf-8"
    )
    return root


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


# -- the commands --------------------------------------------------------------


def test_formats_lists_every_registered_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`newsdoc formats` prints one row per format with its suffixes."""
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    table = out.split("\n\n", 1)[0]  # the writer options follow
    rows = {line.split()[0]: line for line in table.splitlines()[1:]}
    assert set(newsdoc.FORMATS) == set(rows)
    for name, fmt in newsdoc.FORMATS.items():
        assert all(suffix in rows[name] for suffix in fmt.suffixes)


def test_version_and_help_exit_zero(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--version`` and ``--help`` print and return 0."""
    assert main(["--version"]) == 0
    assert newsdoc.__version__ in capsys.readouterr().out
    assert main(["convert", "--help"]) == 0
    assert "--jobs" in capsys.readouterr().out


def test_no_command_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without a command the usage goes to stderr and the status is 2."""
    assert main([]) == 2
    assert "usage: newsdoc" in capsys.readouterr().err


def test_python_dash_m_runs_the_command_line(corpus: Path) -> None:
    """``python -m newsdoc`` is the same command line, exit status included."""
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            *(sys.executable, "-m", "newsdoc", "convert"),
            *(str(corpus / "first.json"), "--to", "jsonl"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _jsonl(FIRST) == result.stdout
    failed = subprocess.run(
        [sys.executable, "-m", "newsdoc", "convert", "x.json", "--to", "no"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert failed.returncode == 2
    assert "Traceback" not in failed.stderr


def test_readme_first_command_converts_the_seed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's first command prints the seed article as NewsML-G2."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = (
        ".venv/bin/newsdoc convert seeds/000_8af3ff2e160be067.txt --to newsml"
    )
    assert command in readme
    monkeypatch.chdir(ROOT)
    assert main(command.split()[1:]) == 0
    article = newsdoc.read(SEED.read_bytes(), "text")
    expected = newsdoc.write(article, "newsml")
    assert isinstance(expected, bytes)
    assert capsys.readouterr().out == expected.decode()


@pytest.mark.parametrize("target", sorted(newsdoc.FORMATS))
@pytest.mark.parametrize("source", sorted(newsdoc.FORMATS))
def test_every_format_converts_to_every_other(
    source: str, target: str, tmp_path: Path
) -> None:
    """The seed, in any format, converts to any format without loss."""
    article = newsdoc.read(SEED.read_bytes(), "text")
    fmt = newsdoc.FORMATS[source]
    data = newsdoc.write(article, source)
    path = tmp_path / f"seed{fmt.suffix}"
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    out = tmp_path / "out" / "seed.out"
    assert main(["convert", str(path), "--to", target, "-o", str(out)]) == 0
    if fmt.many and not newsdoc.FORMATS[target].many:
        # Many articles cannot share one file: -o names a folder of them.
        suffix = newsdoc.FORMATS[target].suffix
        out = out / "seed" / f"000001{suffix}"
    assert newsdoc.read(out.read_bytes(), target) == article


def test_jobs_work_through_python_dash_m(tmp_path: Path) -> None:
    """Worker processes under ``python -m newsdoc`` convert, in order."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for number in range(3):
        (corpus / f"{number}.txt").write_bytes(SEED.read_bytes())
    outputs = []
    for jobs in ("1", "2"):
        result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [
                *(sys.executable, "-m", "newsdoc", "convert", str(corpus)),
                *("--to", "jsonl", "--jobs", jobs),
            ],
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    article = newsdoc.read(SEED.read_bytes(), "text")
    assert (
        outputs[0] == outputs[1] == _jsonl(article, article, article).encode()
    )


def test_schema_prints_the_json_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`newsdoc schema` prints `newsdoc.json_schema()` as JSON."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == newsdoc.json_schema()


# -- convert: where the output goes -------------------------------------------


def test_one_input_goes_to_stdout(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One input and no ``-o``: the converted document is on stdout."""
    assert main(["convert", str(corpus / "first.json"), "--to", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert _jsonl(FIRST) == captured.out
    assert captured.err == ""


def test_dash_output_is_stdout(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o -`` writes to stdout, like no ``-o`` at all."""
    first = str(corpus / "first.json")
    assert main(["convert", first, "--to", "jsonl", "-o", "-"]) == 0
    assert capsys.readouterr().out == _jsonl(FIRST)
    assert main(["convert", str(corpus), "--to", "jsonl", "-o", "-"]) == 0
    assert capsys.readouterr().out == _jsonl(FIRST, SECOND)


def test_dash_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` reads the document from stdin and detects its format."""
    _stdin(monkeypatch, _json(SECOND).encode())
    assert main(["convert", "-", "--to", "jsonl"]) == 0
    assert _jsonl(SECOND) == capsys.readouterr().out


def test_from_overrides_detection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--from`` reads a file whose suffix names no format."""
    path = tmp_path / "article.dat"
    path.write_text(_json(FIRST), encoding="utf-8")
    assert main(["convert", str(path), "--from", "json", "--to", "jsonl"]) == 0
    assert _jsonl(FIRST) == capsys.readouterr().out


def test_output_file(corpus: Path, tmp_path: Path) -> None:
    """``-o FILE`` with one input writes that file."""
    out = tmp_path / "out" / "first.jsonl"
    assert (
        main(
            [
                "convert",
                str(corpus / "first.json"),
                "--to",
                "jsonl",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert _jsonl(FIRST) == out.read_text(encoding="utf-8")


def test_directory_keeps_its_structure(corpus: Path, tmp_path: Path) -> None:
    """A directory input gives one file per article, same relative paths."""
    out = tmp_path / "out"
    assert main(["convert", str(corpus), "--to", "json", "-o", str(out)]) == 0
    assert {
        "first.json": _json(FIRST).encode(),
        "world/second.json": _json(SECOND).encode(),
    } == _tree(out)


def test_several_files_go_to_a_directory(corpus: Path, tmp_path: Path) -> None:
    """Several file inputs with ``-o`` write one file each, by name."""
    out = tmp_path / "out"
    inputs = [str(corpus / "first.json"), str(corpus / "world/second.json")]
    assert main(["convert", *inputs, "--to", "jsonl", "-o", f"{out}/"]) == 0
    assert {
        "first.jsonl": _jsonl(FIRST).encode(),
        "second.jsonl": _jsonl(SECOND).encode(),
    } == _tree(out)


def test_jsonl_target_collects_every_article(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--to jsonl`` without a directory streams all articles, in order."""
    assert main(["convert", str(corpus), "--to", "jsonl"]) == 0
    assert _jsonl(FIRST, SECOND) == capsys.readouterr().out


def test_jsonl_input_to_directory_writes_a_file_per_line(
    tmp_path: Path,
) -> None:
    """Each JSON Lines article becomes a file named by its line number."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(_jsonl(FIRST) + "\n" + _jsonl(SECOND), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(corpus), "--to", "json", "-o", str(out)]) == 0
    assert {
        "corpus/000001.json": _json(FIRST).encode(),
        "corpus/000003.json": _json(SECOND).encode(),
    } == _tree(out)


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["convert", "{first}", "--to", "docx"], "unknown format 'docx'"),
        (["convert", "{first}", "--to", "json", "--from", "x"], "'x'"),
        (["convert", "{first}", "--to", "json", "--jobs", "0"], "--jobs"),
        (["convert", "{first}", "--to", "json", "--bogus"], "--bogus"),
        (["convert", "{first}"], "--to"),
        (["convert", "missing.json", "--to", "json"], "missing.json"),
        (["convert", "{first}", "{first}", "--to", "json"], "-o DIR"),
        (["convert", "{corpus}", "--to", "json"], "-o DIR"),
        (["convert", "-", "-", "--to", "json"], "only once"),
        (["convert", "{first}", "--to", "json", "-o", "{first}"], "overwrite"),
        (
            ["convert", "{corpus}", "--to", "jsonl", "-o", "{first}"],
            "overwrite",
        ),
        (
            ["convert", "{corpus}", "--to", "json", "-o", "{first}"],
            "not a directory",
        ),
        (["validate", "{first}", "--fail-on", "never"], "--fail-on"),
    ],
    ids=[
        "unknown-target",
        "unknown-source",
        "zero-jobs",
        "bad-option",
        "no-target",
        "missing-file",
        "several-to-stdout",
        "directory-to-stdout",
        "stdin-twice",
        "overwrite-input",
        "stream-overwrites-input",
        "directory-is-a-file",
        "bad-severity",
    ],
)
def test_usage_errors_exit_two_with_one_line(
    argv: list[str],
    reason: str,
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A usage error is one line on stderr naming the problem; status 2."""
    first = str(corpus / "first.json")
    argv = [a.format(first=first, corpus=corpus) for a in argv]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1, captured.err
    assert captured.err.startswith("newsdoc: ")
    assert reason in captured.err


def test_two_inputs_for_one_output_file_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Inputs that would write the same output file are a usage error."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.json").write_text(
            _json(FIRST), encoding="utf-8"
        )
    inputs = [str(tmp_path / "a/x.json"), str(tmp_path / "b/x.json")]
    out = tmp_path / "out"
    assert main(["convert", *inputs, "--to", "json", "-o", str(out)]) == 2
    assert "both be written" in capsys.readouterr().err
    assert not out.exists()


# -- convert: failures and atomic outputs ---------------------------------------


def test_bad_input_is_reported_and_the_rest_converted(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One broken file is reported with its path; the others are written."""
    bad = corpus / "broken.json"
    bad.write_text('{"schema": "newsdoc/1", "headline": ', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(corpus), "--to", "json", "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"newsdoc: {bad}: json")
    assert sorted(_tree(out)) == ["first.json", "world/second.json"]


def test_binary_input_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Binary data read as text fails with one line naming the file."""
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main(["convert", str(path), "--to", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(f"newsdoc: {path}: text")


def test_write_failure_is_reported_and_the_rest_written(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output that cannot be written is reported; the others are written."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "world").write_text("a file where a folder should be\n")
    assert main(["convert", str(corpus), "--to", "json", "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"newsdoc: {corpus / 'world' / 'second.json'}: ")
    assert sorted(_tree(out)) == ["first.json", "world"]


# A lone surrogate can sit in a str (a JSON reader may decode "\\ud800" to
# it) but in no UTF-8 file.
SURROGATE = Article(
    headline="Head\ud800line", body=[Paragraph(text="A paragraph.")]
)


def test_article_utf8_cannot_encode_fails_in_one_line(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An article with a lone surrogate is one error line, and no file."""
    monkeypatch.setattr(
        cli, "read", lambda _data, _format, **_limits: SURROGATE
    )
    out = tmp_path / "out"
    first = str(corpus / "first.json")
    assert main(["convert", first, "--to", "text", "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(f"newsdoc: {first}: text: ")
    assert "U+D800" in captured.err
    assert not out.exists()


def test_validate_escapes_what_utf8_cannot_encode(
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Validation output shows a lone surrogate as an escape, in any form."""
    problem = newsdoc.Problem("ND999", "error", "headline", "bad \ud800 here")
    monkeypatch.setattr(cli, "validate", lambda _article: (problem,))
    for form in ("human", "json"):
        out = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, "utf-8"))
        main(["validate", str(corpus / "first.json"), "--format", form])
        sys.stdout.flush()
        assert b"\\ud800" in out.getvalue(), form
    record = json.loads(out.getvalue().decode("utf-8"))
    assert record["problems"][0]["message"] == problem.message


def test_failed_conversion_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An input that fails creates no output file, not even an empty one."""
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["convert", str(bad), "--to", "jsonl", "-o", str(out)]) == 1
    assert "bad.json" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_failed_conversion_keeps_the_old_output(tmp_path: Path) -> None:
    """A failure leaves an existing output file exactly as it was."""
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    out = tmp_path / "bad.jsonl"
    out.write_text("old\n", encoding="utf-8")
    assert main(["convert", str(bad), "--to", "jsonl", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [bad, out] == sorted(tmp_path.iterdir())


def test_jsonl_output_file_is_not_created_when_nothing_converts(
    tmp_path: Path,
) -> None:
    """A JSON Lines output with no article to hold is never created."""
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    out = tmp_path / "all.jsonl"
    assert (
        main(["convert", str(bad), str(bad), "--to", "jsonl", "-o", str(out)])
        == 1
    )
    assert [bad] == sorted(tmp_path.iterdir())


def test_jobs_give_the_same_outputs_in_the_same_order(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--jobs 2`` writes what ``--jobs 1`` writes, and reports alike."""
    for number in range(6):
        article = Article(
            headline=f"Article {number}",
            body=[Paragraph(text=f"Paragraph {number}.")],
        )
        path = corpus / "more" / f"{number}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(_json(article), encoding="utf-8")
    (corpus / "more" / "3.json").write_text("{", encoding="utf-8")
    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        status = main(
            [
                "convert",
                str(corpus),
                "--to",
                "json",
                "-o",
                str(out),
                "-j",
                jobs,
            ]
        )
        streamed = main(["convert", str(corpus), "--to", "jsonl", "-j", jobs])
        captured = capsys.readouterr()
        results.append(
            (status, streamed, _tree(out), captured.out, captured.err)
        )
    assert results[0] == results[1]
    assert results[0][0] == 1
    assert len(results[0][2]) == 7


def test_interrupt_leaves_no_partial_output(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C mid-way exits 130 and drops the unfinished JSON Lines file."""
    convert = cli._run
    calls = []

    def interrupted(job: cli._Job) -> cli._Outcome:
        calls.append(job)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return convert(job)

    monkeypatch.setattr(cli, "_run", interrupted)
    out = tmp_path / "all.jsonl"
    assert (
        main(["convert", str(corpus), "--to", "jsonl", "-o", str(out)]) == 130
    )
    assert capsys.readouterr().err == "newsdoc: interrupted\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


# -- convert: JSON Lines corpora ----------------------------------------------


def test_jsonl_to_jsonl_reports_bad_lines_and_keeps_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad line is reported with its number; the other lines convert."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        _jsonl(FIRST) + "not json\n" + _jsonl(SECOND), encoding="utf-8"
    )
    out = tmp_path / "copy.jsonl"
    assert main(["convert", str(corpus), "--to", "jsonl", "-o", str(out)]) == 1
    assert _jsonl(FIRST, SECOND) == out.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert f"newsdoc: {corpus}: jsonl, line 2: " in err


class _Lines(io.RawIOBase):
    """
    A stdin of JSON Lines that checks, as it is read, what was written.

    When line *check_at* is asked for, at least *written* lines must be on
    stdout already: the command converts as it reads.
    """

    def __init__(
        self, lines: list[bytes], out: io.BytesIO, check_at: int, written: int
    ) -> None:
        self.lines = iter(enumerate(lines, start=1))
        self.out = out
        self.check_at = check_at
        self.written = written
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if not self.pending:
            number, line = next(self.lines, (0, b""))
            if number == self.check_at:
                assert self.out.getvalue().count(b"\n") >= self.written
            self.pending = line
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def test_jsonl_is_streamed_not_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Articles are written while later lines are still unread."""
    line = _jsonl(FIRST).encode()
    out = io.BytesIO()
    stdin = _Lines([line] * 300, out, check_at=250, written=200)
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BufferedReader(stdin))
    )
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out))
    assert main(["convert", "-", "--from", "jsonl", "--to", "jsonl"]) == 0
    assert line * 300 == out.getvalue()


# -- progress -------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A terminal gets a progress bar on stderr; a pipe or file gets none."""
    argv = ["convert", str(corpus), "--to", "json", "-o", str(tmp_path / "o")]
    assert main(argv) == 0
    assert capsys.readouterr().err == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(argv) == 0
    shown = terminal.getvalue()
    assert "2/2" in shown
    assert shown.endswith("\r\x1b[K")  # the bar is cleared at the end


class _TerminalOut(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_between_documents_on_a_terminal(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents written to the terminal get no progress bar among them."""
    terminal = _Terminal()
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdout", _TerminalOut(out, "utf-8"))
    assert main(["convert", str(corpus), "--to", "jsonl"]) == 0
    assert terminal.getvalue() == ""
    assert out.getvalue().decode() == _jsonl(FIRST, SECOND)


# -- validate -------------------------------------------------------------------


def test_validate_passes_a_good_article(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article without errors validates with status 0 and a summary."""
    assert main(["validate", str(corpus / "first.json")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("1 article checked: 0 errors")


def test_validate_fails_on_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article with an error gives status 1 and the problem's line."""
    path = tmp_path / "empty.json"
    path.write_text(_json(EMPTY), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    problems = [p for p in newsdoc.validate(EMPTY) if p.severity == "error"]
    out = capsys.readouterr().out
    for problem in problems:
        assert f"{path}: {problem}" in out.splitlines()


def test_validate_fail_on_warning_is_stricter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--fail-on`` sets the least severity that fails the run."""
    article = Article(
        headline="A headline that ends in a full stop.",
        body=[Paragraph(text="Text.")],
    )
    severities = {p.severity for p in newsdoc.validate(article)}
    assert "error" not in severities
    assert "warning" in severities
    path = tmp_path / "a.json"
    path.write_text(_json(article), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert main(["validate", str(path), "--fail-on", "warning"]) == 1
    capsys.readouterr()


def test_validate_json_is_one_record_per_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--format json`` prints a JSON object per article with its problems."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(_jsonl(FIRST, EMPTY), encoding="utf-8")
    assert main(["validate", str(corpus), "--format", "json"]) == 1
    records = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["line"] for r in records] == [1, 2]
    assert {str(corpus)} == {r["input"] for r in records}
    expected = [
        {
            "code": p.code,
            "severity": str(p.severity),
            "path": p.path,
            "message": p.message,
        }
        for p in newsdoc.validate(EMPTY)
    ]
    assert expected == records[1]["problems"]


def test_validate_reports_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An input that cannot be read is one stderr line and status 1."""
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsdoc: {path}: json")
    assert len(err.splitlines()) == 1


# -- convert: writer options -------------------------------------------------


def _seed() -> Article:
    return newsdoc.read(SEED.read_bytes(), "text")


def test_option_package_true_writes_a_news_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--to newsml -O package=true`` writes the seed as a newsMessage."""
    argv = ["convert", str(SEED), "--to", "newsml", "-O", "package=true"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "<newsMessage " in out.split("\n", 2)[1]
    expected = newsdoc.write(_seed(), "newsml", package=True)
    assert isinstance(expected, bytes)
    assert out == expected.decode()


def test_option_style_reading_writes_text_for_people(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--to text -O style=reading`` is `to_text(article, style="reading")`."""
    assert (
        main(["convert", str(SEED), "--to", "text", "-O", "style=reading"])
        == 0
    )
    out = capsys.readouterr().out
    assert out == newsdoc.to_text(_seed(), style="reading")
    assert out != newsdoc.to_text(_seed())


def test_options_are_typed_from_the_writer_signature(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Values become ints, None, flags and aware datetimes; names take ``-``."""
    argv = ["convert", str(SEED), "--to", "json", "--option", "indent=none"]
    assert main(argv) == 0
    assert capsys.readouterr().out == newsdoc.to_json(_seed(), indent=None)
    assert main([*argv[:-1], "indent=4"]) == 0
    assert capsys.readouterr().out == newsdoc.to_json(_seed(), indent=4)
    argv = [
        *("convert", str(SEED), "--to", "newsml", "-O", "package"),
        *("-O", "version-created=2024-05-01T12:00:00Z"),
        *("-O", "provider=Wire"),
    ]
    assert main(argv) == 0
    expected = newsdoc.to_newsml(
        _seed(),
        package=True,
        provider="Wire",
        version_created=datetime(2024, 5, 1, 12, tzinfo=UTC),
    )
    assert capsys.readouterr().out == expected.decode()


def test_a_repeated_option_takes_its_last_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``-O style=reading -O style=raw`` writes raw text, as argparse would."""
    argv = ["convert", str(SEED), "--to", "text"]
    assert main([*argv, "-O", "style=reading", "-O", "style=raw"]) == 0
    assert capsys.readouterr().out == newsdoc.to_text(_seed())


@pytest.mark.parametrize(
    ("target", "setting", "reason"),
    [
        (
            "newsml",
            "colour=red",
            (
                "-O colour=red: newsml has no option 'colour'; its options "
                "are package, provider, version_created, guid"
            ),
        ),
        (
            "newsml",
            "package=maybe",
            "-O package=maybe: package takes true or false, not 'maybe'",
        ),
        (
            "text",
            "style=fancy",
            "-O style=fancy: style takes raw or reading, not 'fancy'",
        ),
        ("json", "indent=wide", "indent takes an integer or none"),
        (
            "newsml",
            "version_created=2024-05-01T12:00:00",
            "version_created takes an ISO 8601 date and time with a UTC offset",
        ),
        ("text", "style", "expected style=VALUE; style takes raw, reading"),
        ("text", "indent=2", "text has no option 'indent'; its options are"),
        (
            "jsonl",
            "indent=2",
            (
                "jsonl takes no options (indent is an option of json; "
                "jsonl keeps each article on one line)"
            ),
        ),
    ],
    ids=[
        "unknown-name",
        "bad-flag",
        "bad-choice",
        "bad-integer",
        "naive-datetime",
        "no-value",
        "other-format",
        "jsonl-indent",
    ],
)
def test_bad_writer_options_are_usage_errors(
    target: str,
    setting: str,
    reason: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A bad -O is exit 2, one stderr line naming it and the valid ones."""
    out = tmp_path / "out"
    argv = ["convert", str(SEED), "--to", target, "-O", setting]
    assert main([*argv, "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1, captured.err
    assert captured.err.startswith("newsdoc: -O ")
    assert reason in captured.err
    assert not out.exists()  # refused before any input is read


def test_options_are_the_same_with_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Options reach worker processes: ``--jobs 2`` writes what 1 writes."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for number in range(3):
        (corpus / f"{number}.txt").write_bytes(SEED.read_bytes())
    (corpus / "lines.jsonl").write_text(
        _jsonl(FIRST, SECOND), encoding="utf-8"
    )
    trees = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        for target, setting in (
            ("newsml", "package=true"),
            ("text", "style=reading"),
        ):
            argv = ["convert", str(corpus), "--to", target, "-O", setting]
            assert main([*argv, "-o", str(out / target), "-j", jobs]) == 0
        assert capsys.readouterr().err == ""
        trees.append(_tree(out))
    assert trees[0] == trees[1]
    package = newsdoc.to_newsml(_seed(), package=True)
    assert trees[0]["newsml/0.xml"] == package
    assert trees[0]["newsml/lines/000002.xml"] == newsdoc.to_newsml(
        SECOND, package=True
    )
    reading = newsdoc.to_text(FIRST, style="reading").encode()
    assert trees[0]["text/lines/000001.txt"] == reading
    assert len(trees[0]) == 10


def test_formats_lists_every_writer_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`newsdoc formats` lists each writer option with its values and default."""
    assert main(["formats"]) == 0
    options = capsys.readouterr().out.split("\n\n", 1)[1].splitlines()
    assert "-O NAME=VALUE" in options[0]
    rows = [line.split(None, 2) for line in options[2:]]
    expected = [
        [fmt.name, option.name]
        for _name, fmt in sorted(newsdoc.FORMATS.items())
        for option in fmt.options
    ]
    assert expected == [row[:2] for row in rows]
    assert ["text", "style", "raw | reading         raw"] in rows


def test_convert_help_tells_of_writer_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``convert --help`` shows ``-O NAME=VALUE`` and where options are listed."""
    assert main(["convert", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "-O NAME=VALUE, --option NAME=VALUE" in out
    assert "'newsdoc formats' lists every format's options" in out


def test_a_value_the_writer_refuses_is_a_usage_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A writer's own ValueError for an option is exit 2 before any input."""
    real = cli.write

    def strict(
        article: Article, format: str, **options: object
    ) -> str | bytes:
        if options.get("indent") == -1:
            msg = "indent must be 0 or more"
            raise ValueError(msg)
        return real(article, format, **options)

    monkeypatch.setattr(cli, "write", strict)
    out = tmp_path / "seed.json"
    argv = ["convert", str(SEED), "--to", "json", "-O", "indent=-1"]
    assert main([*argv, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "newsdoc: -O indent=-1: json refuses these options: "
        "indent must be 0 or more\n"
    )
    assert not out.exists()


def test_max_bytes_refuses_larger_inputs(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--max-bytes`` refuses a larger input, one line, exit 1; others go on."""
    first = corpus / "first.json"
    size = len(first.read_bytes())
    assert (
        main(
            ["convert", str(first), "--to", "jsonl", "--max-bytes", str(size)]
        )
        == 0
    )
    capsys.readouterr()
    limit = str(size - 1)
    assert (
        main(["convert", str(first), "--to", "jsonl", "--max-bytes", limit])
        == 1
    )
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert str(first) in captured.err
    assert main(["validate", str(first), "--max-bytes", limit]) == 1


def test_max_bytes_must_be_a_positive_number(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A size limit that is not a whole number of bytes is a usage error."""
    first = str(corpus / "first.json")
    assert main(["convert", first, "--to", "json", "--max-bytes", "lots"]) == 2
    assert "whole number of bytes" in capsys.readouterr().err
