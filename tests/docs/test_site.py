"""The docs site's settings: furo, a one-line sidebar title, Chinese search that works."""

from __future__ import annotations

import re
import runpy
from pathlib import Path
from typing import Any

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"

pytest.importorskip("sphinx")


@pytest.fixture(scope="module")
def conf() -> dict[str, Any]:
    return runpy.run_path(str(DOCS / "conf.py"))


def test_theme_and_a_short_title(conf: dict[str, Any]) -> None:
    """furo, and a sidebar title short enough for one line (not "... 0.1.0 documentation")."""
    assert conf["html_theme"] == "furo"
    assert len(conf["html_title"]) <= 20 and " " not in conf["html_title"]


def test_chinese_search_finds_words_inside_sentences(conf: dict[str, Any]) -> None:
    """jieba splits a sentence so that its words are index terms; domain words stay whole."""
    pytest.importorskip("jieba")
    assert conf["html_search_language"] == "zh"
    assert Path(conf["html_search_options"]["dict"]).is_file()
    search = conf["ChineseSearch"](conf["html_search_options"])
    words = set(search.split("涉及个人信息的会打码显示，请核对统一社会信用代码和文书号 checking"))
    assert {"打码", "统一社会信用代码", "文书号", "checking"} <= words
    assert search.stem("checking") == "check"


def test_the_browser_stemmer_exists(conf: dict[str, Any]) -> None:
    """The stemmer class the search page is told to use is the one in the shipped script."""
    import sphinx.search

    scripts = getattr(sphinx.search, "_MINIFIED_JS_PATH", None)  # Sphinx 8.2 and later
    if scripts is None:
        pytest.skip("this Sphinx keeps its stemmer scripts elsewhere")
    search = conf["ChineseSearch"]
    script = (scripts / search.js_stemmer_rawcode).read_text(encoding="utf-8")
    assert re.search(rf"\bvar\s+{search.language_name}Stemmer\s*=", script)
