"""Sphinx configuration: MyST Markdown pages, API reference from docstrings."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

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
# furo: a theme made for code and wide tables (light and dark, readable on a phone).
html_theme = "furo"
# The sidebar shows html_title: the short project name keeps it on one line (Sphinx's default,
# "credit_disclosure 0.1.0 documentation", wraps onto three).
html_title = "credit_disclosure"
html_short_title = "credit_disclosure"

# Chinese search: Sphinx's "zh" search splits Chinese text into words with jieba (the docs
# extra installs it), so that 公示 finds 双公示信用信息公示 inside a sentence; English words are
# indexed as in the English search. Words of the domain that jieba's dictionary lacks are listed
# in search-words.txt (jieba's format: word, weight, part of speech), so that they are found as a whole too.
# Without jieba Sphinx would silently drop every Chinese word from the index: setup() below
# warns instead, which fails a build with -W.
html_search_language = "zh"
html_search_options = {"dict": str(Path(__file__).parent / "search-words.txt")}

try:
    import jieba as _jieba
except ImportError:
    _jieba = None
else:
    import logging as _logging

    _jieba.setLogLevel(_logging.WARNING)  # no "Building prefix dict ..." lines in the build log


from sphinx.search.zh import SearchChinese


class ChineseSearch(SearchChinese):
    """Sphinx's zh search, with the browser's stemmer named right.

    The zh search stems English words with the English stemmer and ships english-stemmer.js,
    but Sphinx 9.0 names the script's class after the language ("ChineseStemmer"), which does
    not exist: the search page then stops at "Searching..." (Sphinx issue 14229, fixed after
    9.0.4). The English stemmer's class is the one to name.
    """

    language_name = "English"


def setup(app: Any) -> None:
    """Chinese search that works in the browser; a warning (an error under -W) without jieba."""
    app.add_search_language(ChineseSearch)
    if _jieba is None:
        from sphinx.util import logging as sphinx_logging

        sphinx_logging.getLogger(__name__).warning(
            "jieba is not installed: the search index will hold no Chinese words "
            '(pip install jieba, or pip install -e ".[dev]")'
        )
