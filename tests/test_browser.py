"""The built site in a real browser: Debian's headless Chromium driven by Playwright's Python package
(never `playwright install`), against the session's local http.server on 127.0.0.1.

Screenshots and a print PDF go to test-artifacts/ (gitignored) for people to look at.
Without /usr/bin/chromium these tests skip locally and FAIL when CI=true.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import REPO

ARTIFACTS = REPO / "test-artifacts"
THAI_SAMPLE = "อ่างทอง"


class Visit:
    """A page opened at a given width, recording every request it makes."""

    def __init__(self, browser, url: str, width: int, height: int = 800):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(url, wait_until="networkidle")
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def foreign_requests(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname not in ("127.0.0.1", "localhost")
        ]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def open_(url: str, width: int, height: int = 800) -> Visit:
        v = Visit(browser, url, width, height)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


def office_url(built_site, lang: str, slug: str = "ang-thong") -> str:
    return f"{built_site.url}{'' if lang == 'th' else 'en/'}provinces/{slug}/"


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_office_page_renders_with_the_vendored_font_and_stays_local(built_site, visit, lang, width):
    v = visit(office_url(built_site, lang), width)
    page = v.page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"ang-thong.{lang}.{width}.png"), full_page=True)

    assert page.evaluate("document.documentElement.lang") == lang
    # Thai glyphs come from our Sarabun (its Thai faces, the family "Sarabun Thai"): the face is
    # loaded from this server and used for Thai
    assert page.evaluate(f"document.fonts.check('16px \"Sarabun Thai\"', '{THAI_SAMPLE}')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Sarabun Thai'"
        " && f.status === 'loaded').map(f => f.weight + ' ' + f.unicodeRange)"
    )
    assert any("E01-E5B" in r.upper() for r in loaded), loaded
    fonts = [u for u in v.requests if u.endswith(".woff2")]
    assert any("sarabun-thai-400-normal.woff2" in u for u in fonts), fonts
    # each language's own faces first (digits and spaces drawn by them)
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset h1')).fontFamily")
    assert family.replace('"', "").startswith("Sarabun Thai, Sarabun" if lang == "th" else "Sarabun, Sarabun Thai")
    widths = page.evaluate(f"""(() => {{
        const c = document.createElement('canvas').getContext('2d');
        const w = f => {{ c.font = f; return c.measureText('{THAI_SAMPLE}').width; }};
        return [w('16px "Sarabun Thai"'), w('16px monospace')];
    }})()""")
    assert widths[0] > 0 and widths[0] != widths[1], widths
    # no request left the machine
    assert v.foreign_requests() == []
    # the org chart is on screen with its boxes
    assert page.locator("#org-chart").is_visible()
    boxes = page.locator(".cw-tree > li > ul > li > .cw-node")
    assert boxes.count() >= 3
    tops = [boxes.nth(i).bounding_box()["y"] for i in range(boxes.count())]
    if width >= 1000:
        assert max(tops) - min(tops) < 2, f"units should sit side by side: {tops}"
    else:
        assert tops == sorted(tops) and len(set(tops)) == len(tops), f"units should stack: {tops}"
    # nothing is wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("slug", ["ang-thong", "mukdahan", "chachoengsao", "krabi"])
def test_readable_at_320_px(built_site, visit, slug):
    for lang in ("th", "en"):
        v = visit(office_url(built_site, lang, slug), 320)
        assert v.page.evaluate("document.documentElement.scrollWidth") <= 320, (slug, lang)
        size = v.page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
        assert size >= 16


@pytest.mark.parametrize("lang,other", [("th", "en"), ("en", "th")])
def test_language_switch_lands_on_the_same_office(built_site, visit, lang, other):
    v = visit(office_url(built_site, lang, "mukdahan"), 1280)
    page = v.page
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang={other}]")
    page.wait_for_load_state("networkidle")
    assert page.url == office_url(built_site, other, "mukdahan")
    assert page.evaluate("document.documentElement.lang") == other
    assert v.foreign_requests() == []


def test_org_chart_works_with_the_keyboard(built_site, visit):
    v = visit(office_url(built_site, "th"), 1280)
    page = v.page
    first = page.locator(".cw-tree a.cw-node__title").first
    target = first.get_attribute("href")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.cw-tree a.cw-node__title')"):
            break
    else:
        pytest.fail("Tab never reached the org chart")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "ang-thong.th.chart-focus.png"))
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '{target}'")
    heading = page.locator(target)
    box = heading.bounding_box()
    assert 0 <= box["y"] < 800, "the unit's heading is scrolled into view"


def test_print_shows_the_whole_org_chart_and_all_duties(built_site, visit):
    v = visit(office_url(built_site, "th"), 1280)
    page = v.page
    page.emulate_media(media="print")
    assert page.locator(".cw-tree .cw-node").first.is_visible()
    duties = page.locator("#org-chart ~ ol.cw-duties li, .cw-duties li")
    assert duties.count() > 10
    assert all(duties.nth(i).is_visible() for i in range(duties.count()))
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "ang-thong.th.pdf"), format="A4", print_background=True)
    assert (ARTIFACTS / "ang-thong.th.pdf").stat().st_size > 10_000


@pytest.mark.parametrize("width", [320, 768, 1000, 1280, 1600])
def test_org_chart_fits_its_column_at_every_width(built_site, visit, width):
    for slug in ("mukdahan", "chachoengsao"):
        v = visit(office_url(built_site, "th", slug), width)
        fits = v.page.evaluate(
            "[...document.querySelectorAll('.cw-chart')].every(f => f.scrollWidth <= f.clientWidth + 1)"
        )
        assert fits, (slug, width)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_long_unbroken_words_in_the_contact_block_wrap_at_375_px(built_site, visit, lang):
    """A head's name, position or an address that is one long word (a valid file can hold one) wraps
    inside its column instead of widening the page (red-team review, finding 7)."""
    v = visit(office_url(built_site, lang, "chachoengsao"), 375)
    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 5
    v.page.evaluate(
        """word => {
        for (const el of document.querySelectorAll('.cw-contact dd, .cw-contact__name, .cw-contact__role'))
            el.textContent = word;
    }""",
        long_word,
    )
    assert v.page.evaluate("document.documentElement.scrollWidth") <= 375
