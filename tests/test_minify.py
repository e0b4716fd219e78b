"""Our stylesheet as the site serves it (changwat.build.minify): smaller, and the same rules."""

from __future__ import annotations

import gzip
import re

from changwat.build import minify
from conftest import REPO

SHEET = REPO / "templates" / "theme" / "assets" / "stylesheets" / "changwat.css"


def test_comments_and_needless_spaces_go_strings_and_combinators_stay():
    text = '/* why */\n.a  .b > .c ,\n.d :hover {\n  content: " › ; , { ";  /* a note */\n  suffix: ") ";\n}\n'
    assert minify.css(text) == '.a .b>.c,.d :hover{content:" › ; , { ";suffix:") ";}\n'


def test_the_site_stylesheet_is_smaller():
    text = SHEET.read_text(encoding="utf-8")
    small = minify.css(text)
    assert len(gzip.compress(small.encode(), 9)) < 0.75 * len(gzip.compress(text.encode(), 9))
    assert "/*" not in small and "unicode-range:U+0E01" not in text  # (its ranges are rewritten whole)


def custom_properties_unspaced(rule: str) -> str:
    """A custom property keeps its value as written (spaces too) until it is used: "a", "b" and
    "a","b" are the same font list once substituted."""
    return re.sub(r"(--[\w-]+:[^;]*)", lambda m: re.sub(r",\s+", ",", m.group(1)), rule)


def test_the_browser_reads_the_same_rules(browser):
    """Chromium's own reading of both (CSSOM: every rule, as it serialises them) is the judge."""
    text = SHEET.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        rules = []
        for sheet in (text, minify.css(text)):
            page.set_content("<style></style>")
            page.eval_on_selector("style", "(s, css) => { s.textContent = css }", sheet)
            found = page.evaluate("() => [...document.styleSheets[0].cssRules].map(r => r.cssText)")
            rules.append([custom_properties_unspaced(r) for r in found])
        assert rules[0] == rules[1]
        assert len(rules[0]) > 100
    finally:
        page.close()


def test_the_built_site_serves_it_minified(built_site):
    served = (built_site.dir / "assets" / "stylesheets" / "changwat.css").read_text(encoding="utf-8")
    assert served == minify.css(SHEET.read_text(encoding="utf-8"))
