"""Accessibility: axe-core in headless Chromium, and the keyboard.

* axe-core (tests/vendor/axe-core/axe.min.js, injected into the page; nothing is fetched) on the home
  page, the office list and an office page, in Thai and English, at desktop and phone widths: no
  violation of impact "serious" or "critical", and no violation at all of the color-contrast rule
  (WCAG 2 AA text contrast). (Phone width: the office page only, the most complex layout.)
* Keyboard only: pressing Tab from the top of an office page reaches the language switcher (and
  Enter on the other language opens the same office in it), the search field and the org chart.

Same browser set-up as test_browser.py: Debian's Chromium driven by Playwright, the session's local
server; without /usr/bin/chromium the tests skip locally and FAIL when CI=true.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1, unmodified
PAGES = {"home": "", "office list": "provinces/", "office": "provinces/ang-thong/"}
LANG_ROOTS = {"th": "", "en": "en/"}
FAILING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256, "tests/vendor/axe-core/axe.min.js is not the published file"
    return data.decode("utf-8")


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_(url: str, width: int = 1280, height: int = 800):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
        return page

    yield open_
    for c in contexts:
        c.close()


def describe(violation: dict) -> str:
    nodes = "; ".join(f"{' '.join(n['target'])} {n['html'][:100]!r}" for n in violation["nodes"][:4])
    more = f" (+{len(violation['nodes']) - 4} more)" if len(violation["nodes"]) > 4 else ""
    return f"[{violation['impact']}] {violation['id']}: {violation['help']} — {nodes}{more}"


# ---------------------------------------------------------------------------------------------


# every page in both languages at desktop width; the office page (the most complex) at phone width too
AXE_RUNS = [(name, lang, 1280) for name in PAGES for lang in LANG_ROOTS] + [("office", "th", 375)]


@pytest.mark.parametrize("name,lang,width", AXE_RUNS, ids=[f"{n}-{lang}-{w}" for n, lang, w in AXE_RUNS])
def test_axe_finds_no_serious_violation_and_contrast_passes_aa(built_site, open_page, axe_source, name, lang, width):
    page = open_page(f"{built_site.url}{LANG_ROOTS[lang]}{PAGES[name]}", width)
    page.add_script_tag(content=axe_source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["version"] == "4.14.1"
    failing = [v for v in result["violations"] if v["impact"] in FAILING_IMPACTS or v["id"] == "color-contrast"]
    others = [v for v in result["violations"] if v not in failing]
    if others:
        print(f"\n{name} {lang} {width}px, minor: " + "\n".join(describe(v) for v in others))
    assert not failing, f"{name} ({lang}, {width} px):\n" + "\n".join(describe(v) for v in failing)
    assert "color-contrast" in {r["id"] for r in result["passes"]}  # the rule ran and found text to check


# Records every element that receives focus (window.__stops), with what the test needs to know.
RECORD_FOCUS = """() => {
  window.__stops = [];
  document.addEventListener('focusin', ev => {
    const e = ev.target, r = e.getBoundingClientRect(), s = getComputedStyle(e);
    window.__stops.push({tag: e.tagName.toLowerCase(), cls: typeof e.className === 'string' ? e.className : '',
      text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
      href: e.getAttribute('href'), hreflang: e.getAttribute('hreflang'),
      shown: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.right > 0 && r.bottom > 0
             && r.left < innerWidth && r.top < innerHeight,
      switcher: e.matches('.md-select__link'), search: e.matches('.md-search__input'), chart: e.matches('.cw-tree a')});
  });
}"""


def reached(stops: list[dict], other: str) -> dict[str, int]:
    """The Tab count at which each target was first focused (and on screen)."""
    found: dict[str, int] = {}
    for i, stop in enumerate(stops, 1):
        for what in ("switcher", "search", "chart"):
            if stop[what] and stop["shown"] and what not in found and (what != "switcher" or stop["hreflang"] == other):
                found[what] = i
    return found


@pytest.mark.parametrize("lang,other,width", [("th", "en", 1280), ("en", "th", 1280), ("th", "en", 375)])
def test_keyboard_reaches_language_switcher_search_and_org_chart(built_site, open_page, lang, other, width):
    url = f"{built_site.url}{LANG_ROOTS[lang]}provinces/ang-thong/"
    page = open_page(url, width)
    page.evaluate(RECORD_FOCUS)
    for presses in range(1, 201):
        page.keyboard.press("Tab")
        if presses % 20 == 0 and len(reached(page.evaluate("window.__stops"), other)) == 3:
            break
    stops = page.evaluate("window.__stops")
    found = reached(stops, other)
    trail = "\n".join(
        f"{i:3} {s['tag']}.{s['cls'][:40]} {s['text']!r} {s['href'] or ''}{'' if s['shown'] else '  (not on screen)'}"
        for i, s in enumerate(stops, 1)
    )
    assert set(found) == {"switcher", "search", "chart"}, f"Tab reached only {sorted(found)}:\n{trail}"
    hidden = [s for s in stops[: max(found.values())] if not s["shown"]]
    print(
        f"\n{lang} {width}px: Tab reaches the switcher at {found['switcher']}, the search at {found['search']}, "
        f"the chart at {found['chart']}; {len(hidden)} stop(s) before that not on screen: "
        + ", ".join(f"{s['tag']}.{s['cls'][:30]}" for s in hidden[:8])
    )
    # Enter on the other language opens the same office in that language
    page.goto(url, wait_until="networkidle")
    for _ in range(found["switcher"]):
        page.keyboard.press("Tab")
    assert page.evaluate(f"document.activeElement.matches('.md-select__link[hreflang={other}]')")
    with page.expect_navigation(wait_until="networkidle", timeout=10_000):
        page.keyboard.press("Enter")
    assert page.url == f"{built_site.url}{LANG_ROOTS[other]}provinces/ang-thong/"
    assert page.evaluate("document.documentElement.lang") == other
