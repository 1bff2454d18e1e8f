"""The ``newsdoc`` command line."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import newsdoc


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdoc",
        description="Convert and validate news articles.",
    )
    parser.add_argument(
        "--version", action="version", version=f"newsdoc {newsdoc.__version__}"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line.

    Args:
        argv: The arguments, without the program name; `None` reads
            `sys.argv`.

    Returns:
        The exit status: 0 when all went well.
    """
    parser = _parser()
    parser.parse_args(argv)
    parser.print_help()
    return 0
