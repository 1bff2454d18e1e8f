"""Sphinx configuration for the newsdoc documentation."""

from __future__ import annotations

from importlib.metadata import version as _version


project = "newsdoc"
author = "The newsdoc developers"
copyright = "2026, The newsdoc developers"  # noqa: A001 - Sphinx's name
release = _version("newsdoc")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
default_role = "py:obj"
nitpicky = False

intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
html_theme = "alabaster"
