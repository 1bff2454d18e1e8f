"""
The ``newsdoc`` command line: convert and validate articles in any format.

Every command is built from the format registry (`newsdoc.FORMATS`), so a
format added there is at once readable and writable here.
Errors are one line each on standard error (``newsdoc: PATH: REASON``);
the exit status is 0 when all went well, 1 when an input failed and 2 for
a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import itertools
import json
import multiprocessing
import os
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePath
from typing import IO, Any, Final, NoReturn

from attrs import frozen

import newsdoc
from newsdoc._limits import DEFAULT_MAX_BYTES
from newsdoc.errors import NewsdocError, UnknownFormatError
from newsdoc.formats import (
    FORMATS,
    SNIFF_BYTES,
    Format,
    _by_suffix,
    _format,
    _jsonl_line,
    detect_format,
    read,
    write,
)
from newsdoc.formats.json import json_schema
from newsdoc.model import Article, Paragraph
from newsdoc.validate import Problem, Severity, validate


__all__ = ["main"]

PROG: Final = "newsdoc"

#: Exit status: everything worked.
OK: Final = 0
#: Exit status: some input could not be read, converted or written, or
#: failed validation.
FAILED: Final = 1
#: Exit status: the command line itself is wrong.
USAGE: Final = 2
#: Exit status: stopped by Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED: Final = 130

# How many batches of conversions may wait, finished or not, per worker
# process: enough to keep every worker busy, few enough that memory stays
# flat. A batch of articles goes to a worker at once, since sending each
# small article on its own costs more than converting it.
_AHEAD_PER_JOB: Final = 4
_BATCH: Final = 16


class _UsageError(Exception):
    """The command line asks for something impossible; exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"{PROG}: {message} (see '{self.prog} --help')\n")


# -- inputs ------------------------------------------------------------------


@frozen
class _Input:
    """
    One document named on the command line or found in a directory.

    Attributes:
        label: Its name in messages: the path, or ``-`` for standard input.
        path: The file, or `None` for standard input.
        relative: Its path under an output directory, suffix included.
        format: The format it is read as.
    """

    label: str
    path: Path | None
    relative: PurePath
    format: str


def _readable_suffix(name: str) -> bool:
    fmt = _by_suffix(name)
    return fmt is not None and fmt.read is not None


def _hidden(relative: PurePath) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _files(
    names: Sequence[str],
) -> Iterator[tuple[str, Path | None, PurePath]]:
    """Yield (label, path, relative) for each file that *names* stand for."""
    for name in names:
        if name == "-":
            yield "-", None, PurePath("stdin")
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(
                (p.relative_to(path), p)
                for p in path.rglob("*")
                if p.is_file() and _readable_suffix(p.name)
            )
            found = [(rel, p) for rel, p in found if not _hidden(rel)]
            if not found:
                msg = f"{name}: no files in a format newsdoc reads"
                raise _UsageError(msg)
            for relative, file in found:
                yield str(file), file, relative
        elif path.exists():
            yield name, path, PurePath(path.name)
        else:
            msg = f"{name}: no such file or directory"
            raise _UsageError(msg)


def _stdin() -> IO[bytes]:
    return sys.stdin.buffer


def _sniff_file(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(SNIFF_BYTES)


class _Stdin:
    """Standard input, read once, whose first bytes tell its format."""

    def __init__(self) -> None:
        self.head = _stdin().read(SNIFF_BYTES)

    def whole(self) -> bytes:
        """The whole document."""
        return self.head + _stdin().read()

    def lines(self) -> Iterator[bytes]:
        """The document's lines, read as they come."""
        rest = _stdin()
        *complete, partial = self.head.split(b"\n")
        for line in complete:
            yield line + b"\n"
        partial += rest.readline()
        if partial:
            yield partial
        yield from rest


def _inputs(
    names: Sequence[str], source: str | None, failures: list[str]
) -> tuple[list[_Input], _Stdin | None]:
    """
    Expand *names* into inputs and tell each one's format.

    An input whose first bytes cannot be read is reported in *failures*
    and left out.
    """
    if names.count("-") > 1:
        msg = "standard input ('-') can be read only once"
        raise _UsageError(msg)
    stdin: _Stdin | None = None
    inputs: list[_Input] = []
    for label, path, relative in _files(names):
        if source is not None:
            name = source
        elif path is None:
            stdin = _Stdin()
            name = detect_format(stdin.head)
        elif (by_suffix := _by_suffix(path.name)) and by_suffix.read:
            name = by_suffix.name
        else:
            try:
                name = detect_format(_sniff_file(path))
            except OSError as exc:
                failures.append(f"{label}: {_os_reason(exc, label)}")
                continue
        inputs.append(_Input(label, path, relative, name))
    if stdin is None and any(i.path is None for i in inputs):
        stdin = _Stdin()
    return inputs, stdin


# -- the work, done in worker processes --------------------------------------


@frozen(kw_only=True)
class _Job:
    """
    One article to convert, picklable for a worker process.

    Attributes:
        label: The input's name in messages.
        target: The format to write.
        source: The format to read; `None` for a JSON Lines line.
        path: The file to read, or `None` when *data* holds the document.
        data: The document (or the JSON Lines line) itself.
        options: The writer's options, as (name, value) pairs.
        max_bytes: The reader's size limit; `None` keeps its default.
        line: The JSON Lines line number of *data*, if it is one.
        output: The file to write the result to; `None` returns it.
        sink: Where the main process writes a returned result: ``-`` for
            standard output, else a file path.
        close: This is no work but the end of *sink*, which is now complete.
        error: Why the input failed before it got here, if it did.
    """

    label: str
    target: str = ""
    source: str | None = None
    path: str | None = None
    data: bytes | None = None
    options: tuple[tuple[str, Any], ...] = ()
    max_bytes: int | None = None
    line: int | None = None
    output: str | None = None
    sink: str | None = None
    close: bool = False
    error: str | None = None


@frozen(kw_only=True)
class _Outcome:
    """What became of a `_Job`: a document to write, or an error."""

    document: bytes | None = None
    error: str | None = None


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_atomic(path: Path, document: bytes) -> None:
    """Write *path* all at once: a reader sees the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(document)
        # mkstemp makes the file private; give it the mode open() would.
        Path(temporary).chmod(0o666 & ~_umask())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def _os_reason(exc: OSError, label: str) -> str:
    reason = exc.strerror or str(exc)
    if exc.filename is not None and os.fspath(exc.filename) != label:
        return f"{os.fspath(exc.filename)}: {reason}"
    return reason


def _encode(document: str | bytes) -> bytes:
    return document.encode("utf-8") if isinstance(document, str) else document


def _unencodable(target: str, exc: UnicodeEncodeError) -> str:
    # A lone surrogate (U+D800 to U+DFFF) can sit in a Python str, from a
    # JSON escape for instance, but no UTF-8 file can hold it.
    character = ord(exc.object[exc.start])
    return (
        f"{target}: the article holds U+{character:04X}, which UTF-8 cannot "
        f"encode (character {exc.start} of the output)"
    )


def _printable(text: str) -> str:
    """*text* with what UTF-8 cannot encode as backslash escapes."""
    # In JSON output the escape (\ud800) is the JSON escape of the same
    # character, so the document stays valid and means the same.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _run(job: _Job) -> _Outcome:
    """Convert one article; return the result or the reason it failed."""
    if job.error is not None or job.close:
        return _Outcome(error=job.error)
    try:
        if job.data is not None:
            data = job.data
        else:
            assert job.path is not None  # noqa: S101 - one of the two is set
            data = Path(job.path).read_bytes()
        if job.line is not None:
            article = _jsonl_line(
                data,
                number=job.line,
                source=None,
                max_bytes=_limit(job.max_bytes),
            )
        else:
            article = read(data, job.source, max_bytes=job.max_bytes)
        written = write(article, job.target, **dict(job.options))
        try:
            document = _encode(written)
        except UnicodeEncodeError as exc:
            return _Outcome(error=_unencodable(job.target, exc))
        if job.output is None:
            return _Outcome(document=document)
        _write_atomic(Path(job.output), document)
    except NewsdocError as exc:
        return _Outcome(error=str(exc))
    except OSError as exc:
        return _Outcome(error=_os_reason(exc, job.label))
    return _Outcome()


def _run_all(jobs: Sequence[_Job]) -> list[_Outcome]:
    """Run a batch of jobs in one worker: one round trip for many articles."""
    return [_run(job) for job in jobs]


def _batches(jobs: Iterable[_Job], size: int) -> Iterator[list[_Job]]:
    iterator = iter(jobs)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _outcomes(
    jobs: Iterable[_Job], workers: int
) -> Iterator[tuple[_Job, _Outcome]]:
    """Run *jobs* on *workers* processes; yield each with its outcome, in order."""
    if workers == 1:
        for job in jobs:
            yield job, _run(job)
        return
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_worker_context(),
        initializer=_ignore_interrupts,
    )
    try:
        pending: deque[tuple[list[_Job], Future[list[_Outcome]]]] = deque()
        for batch in _batches(jobs, _BATCH):
            pending.append((batch, pool.submit(_run_all, batch)))
            if len(pending) >= workers * _AHEAD_PER_JOB:
                done, future = pending.popleft()
                yield from zip(done, future.result(), strict=True)
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)
    finally:
        # On Ctrl-C or an error, drop the work not yet started.
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_context() -> multiprocessing.context.BaseContext:
    """
    How worker processes start: never by a plain fork of this process.

    A forked copy of a parent that runs threads can deadlock. Where the
    platform has it, a fork server that has imported newsdoc once forks each
    worker ready to convert; a spawned worker would import newsdoc (and
    lxml, cattrs) itself, which costs more than converting a few hundred
    articles. Elsewhere, workers are spawned.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the main process, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# -- where results go -------------------------------------------------------


class _Sink:
    """
    A stream of documents: standard output, or a file written atomically.

    A file sink writes to a temporary file beside its path and renames it
    when closed, and only if something was written: a failure never leaves
    a partial or empty file.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._file: IO[bytes] | None = None
        self._temporary: Path | None = None
        self.broken = False

    def write(self, document: bytes) -> None:
        """Append *document*."""
        if self.name == "-":
            sys.stdout.buffer.write(document)
            return
        if self._file is None:
            path = Path(self.name)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
            )
            self._temporary = Path(temporary)
            self._file = os.fdopen(fd, "wb")
        self._file.write(document)

    def close(self) -> None:
        """Finish the stream: put the file in its place."""
        if self.name == "-":
            sys.stdout.flush()
            sys.stdout.buffer.flush()
            return
        if self._file is None or self._temporary is None:
            return
        self._file.close()
        self._temporary.chmod(0o666 & ~_umask())
        self._temporary.replace(self.name)
        self._file = self._temporary = None

    def abort(self) -> None:
        """Drop what was written; leave no file behind."""
        self.broken = True
        if self._file is not None and self._temporary is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            with contextlib.suppress(OSError):
                self._temporary.unlink()
        self._file = self._temporary = None


class _Progress:
    """A one-line progress bar on standard error, shown only on a terminal."""

    WIDTH: Final = 30

    def __init__(self, total: int | None, *, to_stdout: bool) -> None:
        self.total = total
        self.done = 0
        # Documents written to the same terminal would run into the bar.
        self.shown = sys.stderr.isatty() and not (
            to_stdout and sys.stdout.isatty()
        )

    def _draw(self) -> None:
        if self.total:
            filled = self.WIDTH * self.done // self.total
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            text = f"[{bar}] {self.done}/{self.total}"
        else:
            text = f"{self.done} done"
        sys.stderr.write(f"\r{text}\x1b[K")
        sys.stderr.flush()

    def step(self) -> None:
        """Count one more article done."""
        self.done += 1
        # Redrawing costs a write; past the first hundred, every hundredth
        # article (and the last) is enough for the eye.
        if self.shown and (
            self.done <= 100  # noqa: PLR2004 - see above
            or self.done % 100 == 0
            or self.done == self.total
        ):
            self._draw()

    def clear(self) -> None:
        """Take the bar off the line, as before a message."""
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def say(self, message: str) -> None:
        """Print *message* as a line of its own above the bar."""
        self.clear()
        sys.stderr.write(f"{message}\n")
        if self.shown and self.done:
            self._draw()


def _error(message: str) -> None:
    sys.stderr.write(f"{PROG}: {message}\n")


# -- newsdoc convert ----------------------------------------------------------


def _wants_directory(output: str) -> bool:
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


@frozen
class _Plan:
    """Where `convert` writes: one stream, one file or one directory."""

    sink: str | None = None
    file: Path | None = None
    directory: Path | None = None


def _plan(
    inputs: Sequence[_Input],
    names: Sequence[str],
    target: Format,
    output: str | None,
) -> _Plan:
    many = any(FORMATS[i.format].many for i in inputs)
    several = len(inputs) > 1 or any(
        name != "-" and Path(name).is_dir() for name in names
    )
    if output == "-":
        output = None  # -o - is standard output, as an input - is stdin
    if output is not None and _wants_directory(output):
        return _Plan(directory=Path(output))
    if target.many:
        return _Plan(sink=output if output is not None else "-")
    if output is None:
        if many:
            msg = (
                "JSON Lines holds many articles: give -o DIR for one "
                f"{target.name} file per article, or --to jsonl"
            )
            raise _UsageError(msg)
        if several:
            msg = "several inputs need -o DIR (or --to jsonl)"
            raise _UsageError(msg)
        return _Plan(sink="-")
    if many or several:
        return _Plan(directory=Path(output))
    return _Plan(file=Path(output))


def _same_file(a: Path, b: Path) -> bool:
    return b.exists() and a.resolve() == b.resolve()


def _targets(
    inputs: Sequence[_Input], plan: _Plan, target: Format
) -> dict[str, Path]:
    """Map each input's label to the file it is written to, if one."""
    targets: dict[str, Path] = {}
    if plan.file is not None:
        targets[inputs[0].label] = plan.file
    elif plan.directory is not None:
        owners: dict[Path, str] = {}
        for item in inputs:
            path = plan.directory / item.relative.with_suffix(target.suffix)
            if FORMATS[item.format].many and not target.many:
                path = path.with_suffix("")  # a folder of one file per line
            if path in owners:
                msg = f"{owners[path]} and {item.label} would both be written to {path}"
                raise _UsageError(msg)
            owners[path] = item.label
            targets[item.label] = path
    if plan.directory is not None and plan.directory.is_file():
        msg = f"{plan.directory}: not a directory, but there are many outputs"
        raise _UsageError(msg)
    stream = None
    if plan.sink is not None and plan.sink != "-":
        stream = Path(plan.sink)
    for item in inputs:
        out = targets.get(item.label, stream)
        if (
            item.path is not None
            and out is not None
            and _same_file(item.path, out)
        ):
            msg = f"{item.label}: the output would overwrite the input"
            raise _UsageError(msg)
    return targets


@frozen
class _Target:
    """The format `convert` writes, with the options for its writer."""

    format: Format
    options: tuple[tuple[str, Any], ...] = ()
    max_bytes: int | None = None


def _line_jobs(
    item: _Input,
    lines: Iterable[bytes],
    target: _Target,
    *,
    folder: str | None,
    sink: str | None,
) -> Iterator[_Job]:
    """One job per article of a JSON Lines input."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            output = None
            if folder is not None:
                suffix = target.format.suffix
                output = str(Path(folder) / f"{number:06d}{suffix}")
            yield _Job(
                label=item.label,
                target=target.format.name,
                data=line,
                options=target.options,
                max_bytes=target.max_bytes,
                line=number,
                output=output,
                sink=sink,
            )


def _jobs(
    inputs: Sequence[_Input],
    stdin: _Stdin | None,
    plan: _Plan,
    target: _Target,
    targets: dict[str, Path],
) -> Iterator[_Job]:
    """Turn inputs into jobs, one per article, in input order."""
    for item in inputs:
        out = targets.get(item.label)
        # A stream target collects documents in the main process; any other
        # is written by the worker that converts the article.
        sink = plan.sink
        output = None
        if target.format.many and sink is None:
            sink = str(out)  # one JSON Lines file per input
        elif not target.format.many and out is not None:
            output = str(out)
        if not FORMATS[item.format].many:
            yield _Job(
                label=item.label,
                target=target.format.name,
                source=item.format,
                path=None if item.path is None else str(item.path),
                data=stdin.whole() if item.path is None and stdin else None,
                options=target.options,
                max_bytes=target.max_bytes,
                output=output,
                sink=sink,
            )
        else:
            try:
                with contextlib.ExitStack() as stack:
                    if item.path is None:
                        assert stdin is not None  # noqa: S101 - read in _inputs
                        lines: Iterable[bytes] = stdin.lines()
                    else:
                        lines = stack.enter_context(item.path.open("rb"))
                    yield from _line_jobs(
                        item,
                        lines,
                        target,
                        folder=output,
                        sink=sink,
                    )
            except OSError as exc:
                yield _Job(label=item.label, error=_os_reason(exc, item.label))
        if sink is not None and sink != plan.sink:
            yield _Job(label=item.label, sink=sink, close=True)
    if plan.sink is not None:
        yield _Job(label="", sink=plan.sink, close=True)


class _Delivery:
    """Takes outcomes in order: writes documents to sinks, reports errors."""

    def __init__(self, progress: _Progress) -> None:
        self.progress = progress
        self.sinks: dict[str, _Sink] = {}
        self.failed = False

    def fail(self, label: str, reason: str) -> None:
        """Report that *label* failed for *reason*."""
        self.failed = True
        self.progress.say(f"{PROG}: {label}: {reason}")

    def _sink_failed(self, sink: _Sink, exc: OSError) -> None:
        sink.abort()
        self.fail(sink.name, _os_reason(exc, sink.name))

    def take(self, job: _Job, outcome: _Outcome) -> None:
        """Deal with the outcome of the next job."""
        if job.close:
            sink = self.sinks.pop(job.sink or "", None)
            if sink is not None:
                try:
                    sink.close()
                except OSError as exc:
                    self._sink_failed(sink, exc)
            return
        self.progress.step()
        if outcome.error is not None:
            self.fail(job.label, outcome.error)
        elif outcome.document is not None and job.sink is not None:
            sink = self.sinks.setdefault(job.sink, _Sink(job.sink))
            if not sink.broken:
                try:
                    sink.write(outcome.document)
                except BrokenPipeError:
                    raise  # the reader is gone: stop, see main()
                except OSError as exc:
                    self._sink_failed(sink, exc)

    def abort(self) -> None:
        """Drop every unfinished output file, as when interrupted."""
        for sink in self.sinks.values():
            sink.abort()


def _setting(target: Format, setting: str) -> tuple[str, Any]:
    """The option name and value that ``NAME=VALUE`` sets; `ValueError` if none."""
    name, equals, text = setting.partition("=")
    option = target.option(name.strip())
    if equals:
        return option.name, option.parse(text)
    if option.kind == "bool":
        return option.name, True
    values = option.values.replace(" | ", ", ")
    msg = f"expected {option.name}=VALUE; {option.name} takes {values}"
    raise ValueError(msg)


def _writer_options(
    target: Format, settings: Sequence[str]
) -> tuple[tuple[str, Any], ...]:
    """
    Read ``-O NAME=VALUE`` settings as the options of *target*'s writer.

    ``-O NAME`` alone sets a true/false option to true.  A name given
    twice takes its last value, as argparse does for other options.

    Args:
        target: The format to write.
        settings: The ``-O`` values, in command line order.

    Returns:
        The options as (name, value) pairs, picklable for the workers.

    Raises:
        _UsageError: If a name is not an option of the writer, a value is
            not of its type, or the writer refuses the options; the message
            names the setting and the valid names or values.
    """
    options: dict[str, Any] = {}
    for setting in settings:
        try:
            name, value = _setting(target, setting)
        except ValueError as exc:
            msg = f"-O {setting}: {exc}"
            raise _UsageError(msg) from None
        options[name] = value
    if options:
        # A writer may check more than the type of a value: try them on a
        # small article now rather than fail on every input.
        probe = Article(
            headline="newsdoc",
            body=[Paragraph(text="newsdoc checks options.")],
        )
        try:
            write(probe, target.name, **options)
        except (ValueError, TypeError) as exc:
            shown = " ".join(f"-O {setting}" for setting in settings)
            msg = f"{shown}: {target.name} refuses these options: {exc}"
            raise _UsageError(msg) from None
    return tuple(options.items())


def _convert(args: argparse.Namespace) -> int:
    target = _format(args.to, able="write")
    options = _writer_options(target, args.options)
    source = None
    if args.source is not None:
        source = _format(args.source, able="read").name
    failures: list[str] = []
    inputs, stdin = _inputs(args.inputs, source, failures)
    for failure in failures:
        _error(failure)
    plan = _plan(inputs, args.inputs, target, args.output)
    targets = _targets(inputs, plan, target)
    one_each = not any(FORMATS[i.format].many for i in inputs)
    progress = _Progress(
        len(inputs) if one_each else None, to_stdout=plan.sink == "-"
    )
    delivery = _Delivery(progress)
    try:
        writing = _Target(target, options, args.max_bytes)
        jobs = _jobs(inputs, stdin, plan, writing, targets)
        for job, outcome in _outcomes(jobs, args.jobs):
            delivery.take(job, outcome)
    finally:
        delivery.abort()
        delivery.progress.clear()
    return FAILED if failures or delivery.failed else OK


# -- newsdoc validate ---------------------------------------------------------


def _articles(
    item: _Input, stdin: _Stdin | None, max_bytes: int | None
) -> Iterator[tuple[int | None, Article | str]]:
    """Yield (line, article or failure reason) for each article of *item*."""
    try:
        with contextlib.ExitStack() as stack:
            if item.path is None:
                assert stdin is not None  # noqa: S101 - read in _inputs
                whole = stdin.whole
                lines: Iterable[bytes] = stdin.lines()
            else:
                path = item.path
                whole = path.read_bytes
                lines = stack.enter_context(path.open("rb"))
            if not FORMATS[item.format].many:
                try:
                    yield None, read(whole(), item.format, max_bytes=max_bytes)
                except NewsdocError as exc:
                    yield None, str(exc)
                return
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    try:
                        article = _jsonl_line(
                            line,
                            number=number,
                            source=None,
                            max_bytes=_limit(max_bytes),
                        )
                    except NewsdocError as exc:
                        yield number, str(exc)
                    else:
                        yield number, article
    except OSError as exc:
        yield None, _os_reason(exc, item.label)


def _problem_json(problem: Problem) -> dict[str, str]:
    return {
        "code": problem.code,
        "severity": str(problem.severity),
        "path": problem.path,
        "message": problem.message,
    }


def _count(number: int, severity: Severity) -> str:
    plural = "s" if number != 1 and severity is not Severity.INFO else ""
    return f"{number} {severity}{plural}"


def _validate(args: argparse.Namespace) -> int:
    source = None
    if args.source is not None:
        source = _format(args.source, able="read").name
    failures: list[str] = []
    inputs, stdin = _inputs(args.inputs, source, failures)
    for failure in failures:
        _error(failure)
    threshold = Severity(args.fail_on).rank
    failed = bool(failures)
    counts = dict.fromkeys(Severity, 0)
    articles = 0
    for item in inputs:
        for line, result in _articles(item, stdin, args.max_bytes):
            if isinstance(result, str):
                _error(f"{item.label}: {result}")
                failed = True
                continue
            articles += 1
            where = item.label if line is None else f"{item.label}:{line}"
            problems = validate(result)
            for problem in problems:
                counts[problem.severity] += 1
                failed = failed or problem.severity.rank >= threshold
            if args.format == "json":
                record = {
                    "input": item.label,
                    "line": line,
                    "problems": [_problem_json(p) for p in problems],
                }
                dumped = json.dumps(record, ensure_ascii=False)
                sys.stdout.write(_printable(dumped) + "\n")
            else:
                sys.stdout.writelines(
                    _printable(f"{where}: {p}\n") for p in problems
                )
    if args.format == "human":
        found = ", ".join(_count(n, s) for s, n in counts.items())
        noun = "article" if articles == 1 else "articles"
        sys.stdout.write(f"{articles} {noun} checked: {found}\n")
    return FAILED if failed else OK


# -- newsdoc formats ----------------------------------------------------------


def _formats(_args: argparse.Namespace) -> int:
    rows = [("name", "reads", "writes", "suffixes", "media type", "")]
    rows.extend(
        (
            fmt.name,
            "yes" if fmt.read else "no",
            "yes" if fmt.write else "no",
            " ".join(fmt.suffixes),
            fmt.media_type,
            fmt.description,
        )
        for _name, fmt in sorted(FORMATS.items())
    )
    _table(rows)
    options = [("format", "option", "values", "default")]
    options.extend(
        (fmt.name, option.name, option.values, option.show(option.default))
        for _name, fmt in sorted(FORMATS.items())
        for option in fmt.options
    )
    sys.stdout.write("\nWriter options, set with convert -O NAME=VALUE:\n")
    _table(options)
    return OK


def _table(rows: Sequence[Sequence[str]]) -> None:
    """Print *rows* in columns, the first row being the headings."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = (
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        )
        sys.stdout.write("  ".join(cells).rstrip() + "\n")


# -- newsdoc schema -----------------------------------------------------------


def _schema(_args: argparse.Namespace) -> int:
    schema = json_schema()
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return OK


# -- the parser ---------------------------------------------------------------


def _limit(max_bytes: int | None) -> int:
    """The size limit for one JSON Lines line."""
    return DEFAULT_MAX_BYTES if max_bytes is None else max_bytes


def _byte_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        msg = f"expected a whole number of bytes, 1 or more, not {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return count


def _add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=None,
        metavar="N",
        help="refuse, unread, an input (or a JSON Lines line) larger than N "
        "bytes (default: each reader's own limit, 16 MiB for text and "
        "JSON, 8 MiB for NewsML-G2)",
    )


def _jobs_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        msg = f"expected a whole number of processes, 1 or more, not {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return count


def _parser() -> argparse.ArgumentParser:
    names = ", ".join(sorted(FORMATS))
    parser = _Parser(
        prog=PROG,
        description="Convert and validate news articles.",
        epilog="Exit status: 0 all good, 1 an input failed, 2 a usage error.",
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {newsdoc.__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert articles from one format to another",
        description=(
            "Convert articles to another format. One input goes to standard "
            "output unless -o names a file; several go to a directory, one "
            "file per input; --to jsonl streams every article into one "
            "JSON Lines output."
        ),
    )
    convert.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a file, a directory (searched recursively) or - for standard input",
    )
    convert.add_argument(
        "--to",
        required=True,
        metavar="FORMAT",
        help=f"the format to write: {names}",
    )
    convert.add_argument(
        "--from",
        dest="source",
        metavar="FORMAT",
        help="the format to read (default: from the suffix, else the content)",
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="write to this file, or to this directory (an existing one, a "
        "path ending in /, or any path when there are several inputs)",
    )
    convert.add_argument(
        "-O",
        "--option",
        dest="options",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set an option of the --to format's writer, such as "
        "package=true for newsml or style=reading for text; repeat it for "
        "several ('newsdoc formats' lists every format's options)",
    )
    convert.add_argument(
        "-j",
        "--jobs",
        type=_jobs_count,
        default=1,
        metavar="N",
        help="convert with N processes (default: 1)",
    )
    _add_max_bytes(convert)
    convert.set_defaults(run=_convert)

    check = commands.add_parser(
        "validate",
        help="check articles against newsdoc's editorial and structural rules",
        description=(
            "Check articles against the rules of newsdoc.validate() and "
            "print the problems found, one per line."
        ),
    )
    check.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a file, a directory (searched recursively) or - for standard input",
    )
    check.add_argument(
        "--from",
        dest="source",
        metavar="FORMAT",
        help="the format to read (default: from the suffix, else the content)",
    )
    check.add_argument(
        "--format",
        choices=("human", "json"),
        default="human",
        help="human: one line per problem and a summary (the default); "
        "json: one JSON object per article, one per line",
    )
    check.add_argument(
        "--fail-on",
        choices=[str(s) for s in Severity],
        default="error",
        help="the least severity that makes the exit status 1 "
        "(default: error)",
    )
    _add_max_bytes(check)
    check.set_defaults(run=_validate)

    formats = commands.add_parser(
        "formats", help="list the formats newsdoc reads and writes"
    )
    formats.set_defaults(run=_formats)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of newsdoc JSON documents"
    )
    schema.set_defaults(run=_schema)
    return parser


def _command(args: argparse.Namespace) -> int:
    """Run the chosen command; turn the errors it may meet into a status."""
    try:
        status: int = args.run(args)
    except (_UsageError, UnknownFormatError) as exc:
        _error(str(exc))
        return USAGE
    except BrokenPipeError:
        # The reader of standard output left (`newsdoc ... | head`): stop
        # quietly, and keep Python from complaining when it flushes at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILED
    except OSError as exc:
        _error(_os_reason(exc, ""))
        return FAILED
    except NewsdocError as exc:
        _error(str(exc))
        return FAILED
    except KeyboardInterrupt:
        # Unfinished outputs are already removed (see _convert).
        _error("interrupted")
        return INTERRUPTED
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``newsdoc`` command line.

    Args:
        argv: The arguments, without the program name; `None` reads
            `sys.argv`.

    Returns:
        The exit status: 0 when all went well, 1 when an input failed,
        2 for a usage error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else USAGE
    if args.command is None:
        parser.print_usage(sys.stderr)
        return USAGE
    return _command(args)
