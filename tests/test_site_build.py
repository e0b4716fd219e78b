"""The real site: `mkdocs build --strict` (and `properdocs build --strict`) of the repository's config.

The build is shared by the session (conftest.built_site). Snapshots of one office page per language
live in tests/snapshots/; refresh them with `pytest --update-snapshots` (or UPDATE_SNAPSHOTS=1) after
an intended change, and review the diff.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from changwat.build import pages as site
from changwat.build.render import Renderer
from changwat.build.ui import ui_strings
from changwat.build.urls import SiteInfo
from changwat.model import Text, resolve
from changwat.model.registry import REGIONS, load_registry
from changwat.project import read_config
from conftest import EVIL, PROJECT, REGISTRY_CSV, REPO, build_env, copy_data, run_build, search_index

SNAPSHOTS = Path(__file__).parent / "snapshots"
PROVINCES = [p.slug for p in load_registry(REGISTRY_CSV)]
LANG_ROOTS = {"th": "", "en": "en/"}
# Hosts a page must never load anything from (fonts, CDNs, APIs, trackers).
FORBIDDEN = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|jsdelivr\.net|unpkg\.com|cdnjs|"
    r"api\.github\.com|googletagmanager|google-analytics|polyfill\.io"
)


def page(built, lang: str, path: str) -> str:
    return (built.dir / LANG_ROOTS[lang] / path / "index.html").read_text(encoding="utf-8")


def html_lang(text: str) -> str:
    return re.search(r"<html lang=\"([^\"]+)\"", text).group(1)


def article(text: str) -> str:
    """The page's <article> (the content area), whitespace-normalised, one tag per line."""
    body = re.search(r"<article class=\"md-content__inner md-typeset\">(.*?)</article>", text, re.S).group(1)
    body = re.sub(r"\s+", " ", body)
    return re.sub(r">\s*<", ">\n<", body).strip() + "\n"


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_province_has_an_office_page_with_the_right_html_lang(built_site, lang):
    assert len(PROVINCES) == 76
    for slug in PROVINCES:
        text = page(built_site, lang, f"provinces/{slug}")
        assert html_lang(text) == lang, slug
    for path in ("", "provinces", "standard"):
        assert html_lang(page(built_site, lang, path)) == lang


def test_generated_pages_are_not_copied_across_languages(built_site):
    """No fallback: an English URL never serves a Thai page (fallback_to_default is off)."""
    en = page(built_site, "en", "provinces/ang-thong")
    th = page(built_site, "th", "provinces/ang-thong")
    assert "Ang Thong Provincial Office" in en and "สำนักงานจังหวัดอ่างทอง" in th
    assert article(en) != article(th)


def test_nothing_is_loaded_from_another_host(built_site):
    offenders = []
    for path in built_site.dir.rglob("*"):
        if path.suffix not in (".html", ".css", ".xml", ".json", ".txt"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if FORBIDDEN.search(text):
            offenders.append(str(path.relative_to(built_site.dir)))
        if path.suffix == ".html":
            # resources (not links): scripts, stylesheets, icons, preloads, images
            for m in re.finditer(r"<(script|img|iframe)\b[^>]*\bsrc=\"([^\"]+)\"|<link\b[^>]*>", text):
                tag = m.group(0)
                url = m.group(2) or (re.search(r"href=\"([^\"]+)\"", tag) or [None, ""])[1]
                is_resource = m.group(1) or re.search(r"rel=\"(stylesheet|icon|preload|modulepreload)\"", tag)
                if is_resource and urlsplit(url).netloc and not url.startswith(built_site.url):
                    offenders.append(f"{path.relative_to(built_site.dir)}: {tag}")
    assert not offenders, offenders
    # Material's bundle holds dormant code that would call unpkg (Mermaid) or api.github.com (repo
    # facts); neither is triggered: no Mermaid blocks, and our source partial has no component.
    for html in built_site.dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in text and 'data-md-component="source"' not in text


def test_vendored_font_is_served(built_site):
    fonts = built_site.dir / "assets" / "fonts"
    for name in (
        "sarabun-thai-400-normal",
        "sarabun-thai-700-normal",
        "sarabun-latin-400-normal",
        "sarabun-latin-700-normal",
    ):
        assert (fonts / f"{name}.woff2").stat().st_size > 5000
    assert "Open Font License" in (fonts / "OFL.txt").read_text(encoding="utf-8")
    css = (built_site.dir / "assets" / "stylesheets" / "changwat.css").read_text(encoding="utf-8")
    assert css.count("font-display:swap") == 4 and css.count("unicode-range:") == 4  # (served minified)
    text = page(built_site, "th", "provinces/ang-thong")
    assert 'rel="preload" href="../../assets/fonts/sarabun-thai-400-normal.woff2"' in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_hreflang_alternates_are_absolute_with_x_default(built_site, lang):
    base = built_site.url
    for slug in ("ang-thong", "krabi"):
        text = page(built_site, lang, f"provinces/{slug}")
        links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text)
        assert links == [
            ("th", f"{base}provinces/{slug}/"),
            ("en", f"{base}en/provinces/{slug}/"),
            ("x-default", f"{base}provinces/{slug}/"),
        ]
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text).group(1)
        assert canonical == f"{base}{LANG_ROOTS[lang]}provinces/{slug}/"


def test_production_site_url_is_https(monkeypatch):
    monkeypatch.delenv("CHANGWAT_SITE_URL", raising=False)
    assert read_config(REPO / "mkdocs.yml")["site_url"] == "https://changwat.github.io/changwat/"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_language_switcher_keeps_the_reader_on_the_same_office(built_site, lang):
    text = page(built_site, lang, "provinces/mukdahan")
    links = dict(
        (h, u)
        for u, h in re.findall(
            r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" '
            r'class="md-select__link"',
            text,
        )
    )
    here = f"{built_site.url}{LANG_ROOTS[lang]}provinces/mukdahan/"
    assert urljoin(here, links["th"]) == f"{built_site.url}provinces/mukdahan/"
    assert urljoin(here, links["en"]) == f"{built_site.url}en/provinces/mukdahan/"


def test_edit_button_opens_the_office_yaml(built_site):
    def edit(text: str) -> str | None:
        m = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit">', text)
        return m.group(1) if m else None

    repo = "https://github.com/changwat/changwat"
    for lang in ("th", "en"):
        assert edit(page(built_site, lang, "provinces/ang-thong")) == f"{repo}/edit/main/data/provinces/ang-thong.yaml"
        assert edit(page(built_site, lang, "provinces/krabi")).startswith(
            f"{repo}/new/main/data/provinces?filename=krabi.yaml"
        )
        assert edit(page(built_site, lang, "standard")) == f"{repo}/edit/main/data/national.yaml"
        assert edit(page(built_site, lang, "")) is None


def test_table_of_contents_lists_the_sections(built_site):
    text = page(built_site, "th", "provinces/ang-thong")
    toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>', text, re.S).group(0)
    for sid in ("contact", "history", "legal-basis", "mandate", "org-chart", "internal-audit", "sources"):
        assert f'href="#{sid}"' in toc, sid


def test_internal_links_resolve(built_site):
    """Raw-HTML links are not checked by MkDocs: every relative link and fragment must exist."""
    ids_cache: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_cache:
            ids_cache[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))
        return ids_cache[path]

    checked = 0
    pages = [
        built_site.dir / LANG_ROOTS[lang] / p / "index.html"
        for lang in LANG_ROOTS
        for p in (
            "",
            "provinces",
            "standard",
            "provinces/ang-thong",
            "provinces/mukdahan",
            "provinces/chachoengsao",
            "provinces/krabi",
        )
    ]
    for src in pages:
        text = src.read_text(encoding="utf-8")
        body = re.search(r"<article.*?</article>", text, re.S).group(0)
        for href in re.findall(r'href="([^"]+)"', body):
            if urlsplit(href).scheme:
                continue
            target, _, frag = href.partition("#")
            dest = (src.parent / unquote(target)).resolve() if target else src
            if dest.is_dir():
                dest = dest / "index.html"
            assert dest.exists(), f"{src}: {href}"
            if frag:
                assert frag in ids(dest), f"{src}: {href}"
            checked += 1
    assert checked > 300


def test_search_index_holds_national_content_once(built_site):
    pages = {p["url"]: p for p in search_index(built_site.dir)}
    anchors = {url: {a.get("id") for a in p["anchors"]} for url, p in pages.items()}
    assert "mandate" in anchors["/standard/"] and "mandate" in anchors["/en/standard/"]
    # an office without its own content contributes its own parts only, not 76 copies of the standard
    assert not anchors["/provinces/krabi/"] & {"mandate", "legal-basis", "history", "org-chart"}
    assert "ผู้ว่าราชการจังหวัด" not in pages["/provinces/krabi/"]["content"].replace("\u2060 ", "")
    assert not (built_site.dir / "search").exists()  # the theme's own index is not served
    size = sum(f.stat().st_size for f in (built_site.dir / "pagefind").rglob("*") if f.is_file())
    print(f"\nsearch index: {size / 1024:.0f} KiB")
    assert size < 2_000_000


@pytest.mark.parametrize("lang", ["th", "en"])
def test_office_page_snapshot(built_site, update_snapshots, lang):
    got = article(page(built_site, lang, "provinces/ang-thong"))
    # up to the page's changes and citation: they follow the repository's history (every commit
    # would change them; tests/test_history.py checks them)
    got = got.split('<h2 id="changes" data-search-exclude>')[0]
    # the test server's address (its port changes at every run) as the site's own
    from urllib.parse import quote

    for url in (built_site.url, quote(built_site.url, safe="")):
        got = got.replace(
            url,
            "https://changwat.example/changwat/"
            if url == built_site.url
            else quote("https://changwat.example/changwat/", safe=""),
        )
    path = SNAPSHOTS / f"ang-thong.{lang}.html"
    if update_snapshots or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
        if not update_snapshots:
            pytest.fail(f"snapshot {path.name} was missing and has been written; review and commit it")
        return
    assert got == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; if the change is intended run `pytest --update-snapshots` and review the diff"
    )


# ---------------------------------------------------------------------------------------------
# other builds


@pytest.mark.build
def test_properdocs_builds_the_same_site(built_site, tmp_path):
    env = build_env(CHANGWAT_SITE_URL=built_site.url, CHANGWAT_DOCS_DIR=str(tmp_path / "docs"))
    result = run_build("properdocs", tmp_path / "site", env)
    assert result.returncode == 0, result.stdout + result.stderr

    def pages(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("index.html")}

    assert pages(tmp_path / "site") == pages(built_site.dir)
    # the search index is written by our hook, not by the theme: properdocs builds it too
    entry = json.loads((tmp_path / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"x-th", "en"}
    ours = article(page(built_site, "en", "provinces/ang-thong"))
    theirs = article((tmp_path / "site" / "en" / "provinces" / "ang-thong" / "index.html").read_text(encoding="utf-8"))
    assert theirs == ours


@pytest.mark.build
def test_data_errors_fail_the_build_with_positions(tmp_path):
    data = copy_data(tmp_path / "data")
    (data / "national.yaml").write_text("name:\n  th: สำนักงานจังหวัด\n  en: [\n", encoding="utf-8")
    env = build_env(CHANGWAT_DOCS_DIR=str(tmp_path / "docs"), CHANGWAT_DATA_DIR=str(data))
    result = run_build("mkdocs", tmp_path / "site", env)
    assert result.returncode != 0
    assert re.search(r"national\.yaml:\d+:\d+: error", result.stderr), result.stderr
    assert "no pages were generated" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
    assert not list((tmp_path / "docs").rglob("*.md")) if (tmp_path / "docs").exists() else True


@pytest.mark.build
def test_hostile_text_stays_text_through_mkdocs_and_material(tmp_path, sample_national, sample_office):
    """The validator rejects markup in data (U14), so this goes around it: pages rendered from
    hostile model objects are built by MkDocs + Material (no hook) and every place Material prints
    a title (<title>, header, TOC, search index) must show the text, never run it."""
    registry = load_registry(REGISTRY_CSV)
    sample_office.name = Text(th=EVIL + " </title><b>", en=EVIL + " </title><b>")
    offices = [
        resolve(p, sample_office if p.slug == "ang-thong" else None, sample_national)
        for p in registry
        if p.slug in ("ang-thong", "mukdahan")
    ]
    docs = tmp_path / "docs"
    site.write_pages(
        Renderer(SiteInfo(), registry, REGIONS, sample_national, templates=PROJECT.templates).site(
            offices, sample_national
        ),
        docs,
    )
    config = read_config(REPO / "mkdocs.yml")
    config.pop("hooks")
    config.pop("watch")
    # the 404 page's strings, which the hook gives the theme (the one place UI strings live)
    config.setdefault("extra", {}).setdefault("changwat", {})["ui"] = ui_strings()
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(REPO / "templates" / "theme")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "mkdocs"),
            "build",
            "--strict",
            "-f",
            str(tmp_path / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        cwd=tmp_path,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "site"
    ld = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
    for path in [*out.rglob("*.html"), out / "search" / "search_index.json"]:
        text = path.read_text(encoding="utf-8")
        # the office's schema.org JSON-LD holds the name as JSON data (\u003c escapes, so it cannot end
        # its script element): it must parse back to exactly the text, and is left out of the checks below
        for m in ld.finditer(text):
            data = json.loads(m.group(1))
            assert "<" not in m.group(1) and "</script" not in m.group(1).lower(), path
            if "ang-thong" in path.parts:
                assert data["name"] == EVIL + " </title><b>", path
        text = ld.sub("", text)
        assert "<script>alert" not in text and "</title><b>" not in text, path
        assert "\\u003cscript\\u003ealert" not in text and '"<script>alert' not in text, path
    en = (out / "en" / "provinces" / "ang-thong" / "index.html").read_text(encoding="utf-8")
    assert "<title>Office" not in en  # sanity: the title is the escaped data
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; {{ x }} *md* [a](javascript:x) &lt;/title&gt;&lt;b&gt;" in en
    # built without our hooks (so without Pagefind), the theme's own search indexes the pages
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"] for d in index["docs"] if d["location"].startswith("en/provinces/ang-thong/")]
    assert any(t.startswith("&lt;script&gt;alert(1)&lt;/script&gt;") for t in titles), titles


def test_standard_page_shows_the_whole_national_content(built_site):
    from changwat.check import load_dataset

    dataset, _ = load_dataset(PROJECT)
    national = dataset.national
    for lang in ("th", "en"):
        text = page(built_site, lang, "standard")
        for sid, present in (
            ("history", national.history),
            ("legal-basis", True),
            ("mandate", True),
            ("objectives", national.objectives),
            ("missions", national.missions),
            ("org-chart", True),
            ("internal-audit", national.organisation.audit),
            ("earlier-structures", national.earlier_structures),
            ("sources", True),
        ):
            assert (f'id="{sid}"' in text) == bool(present), (lang, sid)
        assert len(re.findall(r'<h3[^>]* id="structure-[a-z0-9-]+"', text)) == len(national.earlier_structures)
        assert "cw-inherited" not in text  # the standard is not "inherited" on its own page


def test_404_page_language_switcher_offers_each_language_home(built_site):
    """The 404 page has no page of its own: its switcher must not point at whichever office the
    i18n plugin built last, but at each language's home page (absolute: 404s are served anywhere)."""
    html = (built_site.dir / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" lang="[a-z]+" class="md-select__link"', html)
    assert sorted(links) == sorted([(built_site.url, "th"), (built_site.url + "en/", "en")]), links
