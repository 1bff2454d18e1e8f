"""Run the command line as ``python -m newsdoc``."""

from newsdoc.cli import main


raise SystemExit(main())
