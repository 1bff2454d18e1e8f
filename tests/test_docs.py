"""The documentation builds without a warning."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    """Sphinx builds the docs with every warning turned into an error."""
    # A subprocess, as a user runs it: pytest's own warning filters would
    # turn Sphinx's internal deprecation notices into errors.
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            *(sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q"),
            *("-b", "html", str(DOCS), str(tmp_path / "html")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_readme_python_tour_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python tour runs as written, from the repository root."""
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("```python\nfrom pathlib") + len("```python\n")
    code = readme[start : readme.index("```", start)]
    monkeypatch.chdir(DOCS.parent)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README


PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
PAGES = sorted(
    path.name
    for path in DOCS.glob("*.md")
    if PYTHON_BLOCK.search(path.read_text(encoding="utf-8"))
)


@pytest.mark.parametrize("page", PAGES)
def test_docs_examples_run(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    Every Python example on the page runs, top to bottom, as written.

    They run in a folder holding the seed under its own name and as
    ``article.txt``, the name the format pages read.
    """
    seed = DOCS.parent / "seeds" / "000_8af3ff2e160be067.txt"
    (tmp_path / "seeds").mkdir()
    shutil.copy(seed, tmp_path / "seeds" / seed.name)
    shutil.copy(seed, tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    text = (DOCS / page).read_text(encoding="utf-8")
    for number, block in enumerate(PYTHON_BLOCK.findall(text)):
        code = compile(block, f"{page}, example {number + 1}", "exec")
        exec(code, namespace)  # noqa: S102 - our own docs
