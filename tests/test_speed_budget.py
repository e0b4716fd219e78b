"""Fast on a phone on a slow link, and nothing that fails to load: sizes and requests of the built site
(no timing assertions: timings and Lighthouse scores are measured by bench/run.py and bench/lighthouse.py).

* every page kind, opened in Chromium, makes no request that fails or answers ≥ 400, and logs no
  console error (Material's language switcher used to fetch a sitemap.xml beside every alternate);
* the language switcher works under any base path, not only site_url's;
* an office page's first load (HTML, CSS, JS, every font face its CSS names) stays within 100 KiB gzip;
* no script holds up the first paint; only the first screen's font face is preloaded;
* the vendored font subsets cover every character the site's pages use in their ranges, and say so
  truthfully in their unicode-range (characters outside fall back to the system font).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

PAGE_KINDS = {
    "home": "",
    "home-en": "en/",
    "list": "provinces/",
    "list-en": "en/provinces/",
    "office-th": "provinces/mukdahan/",
    "office-en": "en/provinces/mukdahan/",
    "standard": "standard/",
    "standard-en": "en/standard/",
    "open-data": "open-data/",
    "open-data-en": "en/open-data/",
    "404": "404.html",
}

OFFICE_BUDGET = 100 * 1024  # bytes gzip, first load of an office page, the font faces it fetches included


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css, self.js, self.preload, self.blocking_js = [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.css.append(a["href"])
        elif tag == "link" and a.get("rel") == "preload":
            self.preload.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
            if "defer" not in a and "async" not in a and a.get("type") != "module":
                self.blocking_js.append(a["src"])


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def local(built_site, page: Path, href: str) -> Path:
    url = urljoin(built_site.url + page.parent.relative_to(built_site.dir).as_posix() + "/", href)
    path = urlsplit(url).path
    assert path.startswith(urlsplit(built_site.url).path), url
    return built_site.dir / path[len(urlsplit(built_site.url).path) :]


def first_load(built_site, page: Path, browser) -> dict[str, int]:
    """gzip bytes by kind of everything a first visit downloads: the page, its stylesheets and
    scripts, and the font faces Chromium fetches for it (a face is fetched only when the page has
    text in its unicode-range, at its weight)."""
    head = parse(page)
    sizes = {"html": gz(page.read_bytes()), "css": 0, "js": 0, "font": 0}
    for kind, hrefs in (("css", head.css), ("js", head.js)):
        for href in hrefs:
            sizes[kind] += gz(local(built_site, page, href).read_bytes())
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        tab = context.new_page()
        fonts: list[str] = []
        tab.on("request", lambda r: r.url.endswith(".woff2") and fonts.append(r.url))
        tab.goto(built_site.url + page.parent.relative_to(built_site.dir).as_posix() + "/", wait_until="networkidle")
    finally:
        context.close()
    assert fonts, "no font fetched"
    files = {local(built_site, page, u) for u in fonts}
    sizes["font"] = sum(f.stat().st_size for f in files)  # woff2 is compressed already
    return sizes


# -- in Chromium ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_request_fails_and_no_console_error(built_site, browser, kind):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    failed: list[str] = []
    errors: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url} ({r.failure})"))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(built_site.url + PAGE_KINDS[kind], wait_until="networkidle")
        page.wait_for_timeout(300)  # anything the scripts fetch once the page is up
        # the hreflang alternates are in the DOM after the scripts ran, as served
        alternates = page.evaluate("[...document.querySelectorAll('link[rel=alternate][hreflang]')].length")
    finally:
        context.close()
    assert not failed, failed
    assert not errors, errors
    assert alternates == (0 if kind == "404" else 3)


def test_language_switcher_works_under_another_base_path(built_site, browser, site_server):
    """The same build served at /elsewhere/ instead of site_url's /changwat/: the switcher still
    leads to the same page in the other language, and back."""
    other = site_server.root / "elsewhere"
    if not other.exists():
        other.symlink_to(built_site.dir, target_is_directory=True)
    base = built_site.url.replace("/changwat/", "/elsewhere/")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        for start, lang, expected in (
            ("provinces/mukdahan/", "en", "en/provinces/mukdahan/"),
            ("en/provinces/mukdahan/", "th", "provinces/mukdahan/"),
            ("", "en", "en/"),
            ("en/", "th", ""),
            ("en/standard/", "th", "standard/"),
        ):
            page.goto(base + start, wait_until="load")
            href = page.get_attribute(f".md-select__link[hreflang={lang}]", "href")
            assert not href.startswith(("/", "http")), href
            page.click(".md-header__option .md-select button")
            page.click(f".md-select__link[hreflang={lang}]")
            page.wait_for_load_state("load")
            assert page.url == base + expected
            assert page.evaluate("document.documentElement.lang") == lang
    finally:
        context.close()


# -- in the files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
def test_office_page_first_load_within_budget(built_site, browser, lang):
    page = built_site.dir / ("" if lang == "th" else "en") / "provinces" / "mukdahan" / "index.html"
    sizes = first_load(built_site, page, browser)
    assert sum(sizes.values()) <= OFFICE_BUDGET, f"{sum(sizes.values()) / 1024:.1f} KiB gzip: {sizes}"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_script_blocks_the_first_paint_and_one_font_is_preloaded(built_site, kind):
    path = built_site.dir / PAGE_KINDS[kind]
    if path.suffix != ".html":
        path = path / "index.html"
    head = parse(path)
    assert head.js and not head.blocking_js, head.blocking_js
    lang = re.search(r'<html lang="(\w+)"', path.read_text(encoding="utf-8")).group(1)
    assert [Path(p).name for p in head.preload] == [f"sarabun-{'thai' if lang == 'th' else 'latin'}-400-normal.woff2"]


def _ranges(css: str) -> dict[str, set[int]]:
    """font file → the code points its @font-face's unicode-range claims."""
    out: dict[str, set[int]] = {}
    for block in re.findall(r"@font-face\s*{([^}]*)}", css):
        src = re.search(r'url\("?\.\./fonts/([^")]+)"?\)', block).group(1)
        points: set[int] = set()
        for part in re.search(r"unicode-range:\s*([^;]+);", block).group(1).split(","):
            lo, _, hi = part.strip()[2:].partition("-")
            points.update(range(int(lo, 16), int(hi or lo, 16) + 1))
        out[src] = points
    return out


def test_font_subsets_cover_the_pages_and_claim_only_their_glyphs(built_site):
    from fontTools.ttLib import TTFont

    css = (built_site.dir / "assets" / "stylesheets" / "changwat.css").read_text(encoding="utf-8")
    ranges = _ranges(css)
    assert len(ranges) == 4
    used: set[int] = set()
    for page in built_site.dir.rglob("*.html"):
        used.update(map(ord, page.read_text(encoding="utf-8")))
    for name, claimed in ranges.items():
        cmap = set(TTFont(built_site.dir / "assets" / "fonts" / name).getBestCmap())
        # what the face claims it has, it has (else the browser would draw a box, not fall back)
        # (code points no character is assigned to may be claimed: no text contains them)
        extra = {c for c in claimed - cmap if unicodedata.category(chr(c)) != "Cn"}
        assert not extra, f"{name} claims {sorted(map(hex, extra))[:10]}"
        # every character of the pages that belongs to the face's script is in the subset
        # (the Latin source face has Latin-1 and general punctuation; arrows and the like it never had)
        scripts = [range(0x0E00, 0x0E80)] if "thai" in name else [range(0x20, 0x100), range(0x2000, 0x2070)]
        missing = {c for c in used if any(c in r for r in scripts)} - claimed
        assert not missing, f"{name} lacks {''.join(sorted(map(chr, missing)))!r}: run bench/subset_fonts.py"


def test_pages_do_not_name_assets_that_are_not_there(built_site):
    broken = []
    for kind, rel in PAGE_KINDS.items():
        path = built_site.dir / rel
        if path.suffix != ".html":
            path = path / "index.html"
        if kind == "404":
            continue  # absolute URLs from site_url (it is served at any address); checked in Chromium
        head = parse(path)
        for href in head.css + head.js + head.preload:
            if not local(built_site, path, href).is_file():
                broken.append(f"{rel}: {href}")
    assert not broken, broken


# -- the trimmed copy of Material's stylesheet ------------------------------------------------------

MATERIAL_PROPS = [
    "display",
    "position",
    "color",
    "background-color",
    "font-family",
    "font-size",
    "font-weight",
    "line-height",
    "margin-top",
    "margin-bottom",
    "margin-left",
    "padding-top",
    "padding-left",
    "width",
    "height",
    "border-top-width",
    "border-bottom-color",
    "box-shadow",
    "visibility",
    "opacity",
    "transform",
    "flex-direction",
    "text-align",
    "white-space",
    "overflow-x",
    "fill",
    "list-style-type",
    "text-decoration-line",
    "z-index",
    "top",
    "left",
]


def _material():
    from importlib.metadata import version

    import material

    css = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    return css, version("mkdocs-material")


def test_trimmed_material_css_is_made_from_the_installed_material(built_site):
    css, version = _material()
    trimmed = (built_site.dir / "assets" / "stylesheets" / "material.min.css").read_text(encoding="utf-8")
    assert f"trimmed from mkdocs-material {version} {css.name}" in trimmed, "run bench/trim_material_css.py"
    assert trimmed.startswith('@charset "UTF-8";')
    # every class the pages use that Material styles is still styled
    material_classes = set(re.findall(r"\.([A-Za-z_][A-Za-z0-9_-]*)", css.read_text(encoding="utf-8")))
    kept = set(re.findall(r"\.([A-Za-z_][A-Za-z0-9_-]*)", trimmed))
    used = set()
    for page in built_site.dir.rglob("*.html"):
        for attr in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8")):
            used.update(attr.split())
    lost = sorted((used & material_classes) - kept)
    assert not lost, f"classes the pages use lost their Material styles: {lost}: run bench/trim_material_css.py"


@pytest.mark.parametrize(
    "kind,width",
    [("office-th", 375), ("office-en", 1280), ("list", 1280), ("home", 375), ("open-data", 1280), ("standard", 375)],
)
def test_trimmed_material_css_styles_every_element_as_material_does(built_site, browser, kind, width):
    """Computed styles of every element, with the trimmed copy and with Material's own stylesheet
    served in its place: the same."""
    source, _ = _material()

    def styles(original: bool) -> list:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        if original:
            page.route(
                "**/assets/stylesheets/material.min.css",
                lambda route: route.fulfill(body=source.read_bytes(), content_type="text/css"),
            )
        try:
            page.goto(built_site.url + PAGE_KINDS[kind], wait_until="networkidle")
            # measured once the fonts are in and the layout has settled (two frames), not mid-load
            page.evaluate(
                "() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"
            )
            return page.evaluate(
                """props => [...document.querySelectorAll('body *')].map(e => {
                const s = getComputedStyle(e);
                return [e.tagName, e.className && e.className.baseVal === undefined ? e.className : '',
                        ...props.map(p => s.getPropertyValue(p))];
            })""",
                MATERIAL_PROPS,
            )
        finally:
            context.close()

    trimmed, original = styles(False), styles(True)
    assert len(trimmed) == len(original)
    diffs = [
        (o[:2], [(p, a, b) for p, a, b in zip(MATERIAL_PROPS, o[2:], t[2:]) if a != b])
        for o, t in zip(original, trimmed)
        if o != t
    ]
    # the header's centred grid: margin-left "auto" is reported as the used width (30px) or as 0px
    # depending on when Chromium last laid the sticky header out, with either stylesheet
    diffs = [
        (e, [(p, a, b) for p, a, b in props if not (p == "margin-left" and "md-grid" in e[1])]) for e, props in diffs
    ]
    diffs = [d for d in diffs if d[1]]
    diffs = [d for d in diffs if any(p != "height" for p, _, _ in d[1])] or diffs
    assert not diffs, diffs[:10]
