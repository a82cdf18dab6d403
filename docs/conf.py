"""Sphinx configuration: MyST Markdown pages, API reference from docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from credit_disclosure import __version__

project = "credit_disclosure"
author = "credit_disclosure developers"
copyright = "2026, credit_disclosure developers"
version = release = __version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# attrs classes and re-exports would otherwise be documented twice (public
# module + private implementation module).
suppress_warnings = ["myst.xref_missing"]
html_theme = "alabaster"
html_title = "credit_disclosure"
