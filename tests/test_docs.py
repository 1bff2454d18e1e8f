"""The documentation builds without a warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


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
