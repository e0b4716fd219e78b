"""Links: everything in the built site that points inside the site resolves to a file of the site.

Read from the session's real build (conftest.built_site; site_url is the local test server's), with
html.parser, over EVERY page (both languages, 404.html included):

* every internal link (<a href>), asset (<link href>, <script src>, <img src>, srcset, …) and
  `url(...)` in the site's stylesheets names a file that exists, and every #fragment names an id
  (or <a name>) in the page it points to;
* internal means relative ("../x/"), root-relative ("/changwat/x/") or absolute under site_url;
  other hosts, mailto: and tel: are not fetched (no network in tests);
* every page has <link rel="alternate" hreflang> for th, en and x-default: absolute, under site_url,
  pointing at existing pages; the page itself is among them (for its own language), the other
  language's page lists the same set (reciprocal), and x-default is the Thai page;
* the sitemap's <loc> and its alternates, and each search-index location (page and anchor) resolve.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import search_index

URL_ATTRS = {"href", "src", "poster", "data", "action", "formaction"}
LANGS = {"th": "", "en": "en/"}


class Page(HTMLParser):
    """Ids, and every URL-valued attribute with its element, of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, dict]] = []  # (tag, url, attrs)
        self.alternates: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for name in URL_ATTRS:
            if a.get(name):
                self.refs.append((tag, a[name], a))
        for item in a.get("srcset", "").split(","):
            if item.strip():
                self.refs.append((tag, item.split()[0], a))
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a.get("href", "")

    handle_startendtag = handle_starttag


class Site:
    def __init__(self, root: Path, url: str):
        self.root = root.resolve()
        self.url = url  # site_url, ends with /
        self.base_path = urlsplit(url).path  # "/changwat/"

    @cache
    def parse(self, path: Path) -> Page:
        p = Page()
        p.feed(path.read_text(encoding="utf-8"))
        p.close()
        return p

    def page_url(self, path: Path) -> str:
        """The URL a file is served at: site_url + its path (index.html → its folder)."""
        rel = path.resolve().relative_to(self.root).as_posix()
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return self.url + rel

    def target(self, base_url: str, ref: str) -> tuple[Path | None, str, bool]:
        """(file, fragment, internal?) for a reference made from the document at base_url."""
        absolute = urljoin(base_url, ref)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not absolute.startswith(self.url.rstrip("/")):
            return None, "", False
        path = unquote(parts.path)
        if not (path + "/").startswith(self.base_path):
            return None, "", False
        rel = path[len(self.base_path) :] if path.startswith(self.base_path) else ""
        file = (self.root / rel).resolve()
        if file.is_dir() or rel == "" or rel.endswith("/"):
            file = file / "index.html"
        if not (file == self.root or self.root in file.parents):
            return None, parts.fragment, True  # escapes the site: broken
        return file, unquote(parts.fragment), True


@pytest.fixture(scope="module")
def site(built_site) -> Site:
    return Site(built_site.dir, built_site.url)


def html_files(site: Site) -> list[Path]:
    return sorted(site.root.rglob("*.html"))


def pages(site: Site) -> list[Path]:
    return [p for p in html_files(site) if p.name == "index.html"]


def test_every_internal_link_anchor_and_asset_resolves(site):
    broken: list[str] = []
    checked = anchors = 0
    files = html_files(site)
    assert len(files) > 2 * 79
    for path in files:
        doc = site.parse(path)
        base = site.page_url(path)
        for tag, ref, attrs in doc.refs:
            if ref.startswith(("mailto:", "tel:", "data:")):
                continue
            file, fragment, internal = site.target(base, ref)
            if not internal:
                continue
            checked += 1
            where = f"{path.relative_to(site.root)}: <{tag} {ref!r}>"
            if file is None or not file.is_file():
                broken.append(f"{where} → no such file")
                continue
            if fragment and file.suffix == ".html":
                anchors += 1
                if fragment not in site.parse(file).ids:
                    broken.append(f"{where} → no id {fragment!r} in {file.relative_to(site.root)}")
    print(f"\n{checked} internal references ({anchors} with an anchor) in {len(files)} HTML files")
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:40])
    assert checked > 10_000 and anchors > 1_000


def test_stylesheet_urls_resolve(site):
    broken, checked = [], 0
    for css in site.root.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
            if ref.startswith(("data:", "#")):
                continue
            file, _, internal = site.target(site.page_url(css), ref)
            checked += 1
            if not internal or file is None or not file.is_file():
                broken.append(f"{css.relative_to(site.root)}: url({ref})")
    assert not broken, broken
    assert checked >= 4  # the vendored Sarabun faces


def test_every_page_has_its_alternates_reciprocal_with_x_default(site):
    problems: list[str] = []
    count = 0
    for path in pages(site):
        doc = site.parse(path)
        here = site.page_url(path)
        rel = path.relative_to(site.root).as_posix()
        lang = "en" if rel.startswith("en/") else "th"
        alts = doc.alternates
        where = rel
        if set(alts) != {"th", "en", "x-default"}:
            problems.append(f"{where}: alternates {sorted(alts)}")
            continue
        count += 1
        if alts[lang] != here:
            problems.append(f"{where}: its {lang} alternate is {alts[lang]}, not itself ({here})")
        if alts["x-default"] != alts["th"]:
            problems.append(f"{where}: x-default {alts['x-default']} is not the Thai page {alts['th']}")
        for hreflang, url in alts.items():
            if not url.startswith(site.url):
                problems.append(f"{where}: {hreflang} alternate {url} is not an absolute URL of this site")
                continue
            file, _, _ = site.target(here, url)
            if file is None or not file.is_file():
                problems.append(f"{where}: {hreflang} alternate {url} does not exist")
            elif site.parse(file).alternates != alts:
                problems.append(f"{where}: {hreflang} alternate {url} lists other alternates")
    assert not problems, "\n".join(problems[:40])
    assert count == len(pages(site)) >= 2 * 79


def test_language_switcher_links_resolve_to_the_same_page_in_the_other_language(site):
    problems = []
    for path in pages(site):
        text = path.read_text(encoding="utf-8")
        here = site.page_url(path)
        links = dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"[^>]*class="md-select__link"', text))
        switch = {lang: urljoin(here, href) for href, lang in links.items()}
        if set(switch) != {"th", "en"}:
            problems.append(f"{path.relative_to(site.root)}: switcher {switch}")
            continue
        alts = site.parse(path).alternates
        for lang in ("th", "en"):
            if switch[lang] != alts.get(lang):
                problems.append(
                    f"{path.relative_to(site.root)}: switcher {lang} → {switch[lang]}, alternate {alts.get(lang)}"
                )
    assert not problems, "\n".join(problems[:40])


def test_sitemap_and_search_index_locations_resolve(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap) + re.findall(r'<xhtml:link [^>]*href="([^"]+)"', sitemap)
    assert len(urls) > 2 * 79
    broken = [u for u in urls if not ((f := site.target(u, u)[0]) and f.is_file())]
    for found in search_index(site.root):  # every page and section a search can lead to
        for location in [found["url"], *(f"{found['url']}#{a['id']}" for a in found["anchors"] if a.get("id"))]:
            file, fragment, _ = site.target(site.url, location.lstrip("/"))
            if file is None or not file.is_file() or (fragment and fragment not in site.parse(file).ids):
                broken.append(f"search: {location}")
    assert not broken, broken[:40]
