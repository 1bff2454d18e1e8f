"""Run the command line as ``python -m newsdoc``."""

from newsdoc.cli import main


# The guard matters: `--jobs` starts worker processes that import the main
# module again, and they must not run the command line.
if __name__ == "__main__":
    raise SystemExit(main())
