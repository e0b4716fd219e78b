"""The national directory in the built site: 76 office pages per language, the province list that
reaches them all and says which offices have their own content and how much is translated, schema.org
JSON-LD in every office page's head, and the open data (JSON, CSV, schemas) with the page describing it.

Uses the session's real `mkdocs build --strict` (conftest.built_site).
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from changwat.build import inert, opendata, render
from changwat.build.ui import ui_strings
from changwat.check import load_dataset
from changwat.model.dopa import load_dopa
from changwat.model.registry import load_registry
from conftest import PROJECT, REGISTRY_CSV, REPO

REGISTRY = load_registry(REGISTRY_CSV)
SLUGS = [p.slug for p in REGISTRY]
LANG_ROOTS = {"th": "", "en": "en/"}
# The schema.org types an office's JSON-LD may use (all defined at https://schema.org).
SCHEMA_ORG_TYPES = {
    "GovernmentOrganization",
    "WebPage",
    "AdministrativeArea",
    "EmployeeRole",
    "Person",
    "PropertyValue",
}


class Doc(HTMLParser):
    """What these tests need from a page: lang, h1s, links, ids, JSON-LD scripts (and where)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.h1 = 0
        self.links: list[tuple[str, dict]] = []
        self.ids: set[str] = set()
        self.ld: list[tuple[bool, str]] = []  # (in <head>, script text)
        self._in_head = False
        self._ld: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "head":
            self._in_head = True
        if tag == "h1":
            self.h1 += 1
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href") is not None:
            self.links.append((a["href"], a))
        if tag == "script" and a.get("type") == "application/ld+json":
            self._ld = []

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "script" and self._ld is not None:
            self.ld.append((self._in_head, "".join(self._ld)))
            self._ld = None

    def handle_data(self, data):
        if self._ld is not None:
            self._ld.append(data)


@pytest.fixture(scope="module")
def dataset():
    ds, problems = load_dataset(PROJECT)
    assert not [p for p in problems if p.severity == "error"]
    return ds


@pytest.fixture(scope="module")
def resolved(dataset):
    return {r.slug: r for r in dataset.resolved()}


def page_path(built, lang: str, path: str) -> Path:
    return built.dir / LANG_ROOTS[lang] / path / "index.html"


_docs: dict[Path, Doc] = {}


def doc(path: Path) -> Doc:
    if path not in _docs:
        _docs[path] = Doc(path.read_text(encoding="utf-8"))
    return _docs[path]


def resolve_link(src: Path, href: str) -> tuple[Path, str]:
    target, _, frag = href.partition("#")
    dest = (src.parent / unquote(target)).resolve() if target else src
    if dest.is_dir():
        dest = dest / "index.html"
    return dest, frag


# ---------------------------------------------------------------------------------------------
# 76 offices per language, valid and reachable


@pytest.mark.parametrize("lang", ["th", "en"])
def test_76_office_pages_per_language_each_valid(built_site, lang):
    assert len(SLUGS) == 76
    pages = sorted((built_site.dir / LANG_ROOTS[lang] / "provinces").glob("*/index.html"))
    assert [p.parent.name for p in pages] == sorted(SLUGS)
    for slug in SLUGS:
        d = doc(page_path(built_site, lang, f"provinces/{slug}"))
        assert d.lang == lang, slug
        assert d.h1 == 1, (slug, d.h1)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_office_is_linked_from_the_province_list(built_site, lang):
    src = page_path(built_site, lang, "provinces")
    d = doc(src)
    assert d.lang == lang and d.h1 == 1
    linked = set()
    for href, attrs in d.links:
        if "cw-provinces__name" in attrs.get("class", ""):
            dest, _ = resolve_link(src, href)
            assert dest.exists(), href
            linked.add(dest.parent.name)
            assert dest.parent.parent == (built_site.dir / LANG_ROOTS[lang] / "provinces").resolve()
    assert linked == set(SLUGS)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_province_list_shows_own_content_and_translation_at_a_glance(built_site, resolved, lang):
    ui = ui_strings()[lang]
    text = page_path(built_site, lang, "provinces").read_text(encoding="utf-8")
    # the legend explains both badges in words
    legend = re.search(r'<div class="cw-legend" data-search-exclude>.*?</div>\s*</dl>\s*</div>', text, re.S).group(0)
    assert ui["badge_own"] in legend and ui["legend_title"] in legend
    items = dict(
        re.findall(
            r'<a class="cw-provinces__name" href="([a-z-]+)/">.*?</a>.*?'
            r'<span class="cw-provinces__status">(.*?)</span>\s*</li>',
            text,
            re.S,
        )
    )
    assert set(items) == set(SLUGS)
    for slug, status in items.items():
        r = resolved[slug]
        assert (ui["badge_own"] in status) == r.has_own_content, slug
        done, total = render.translation(r)
        assert ui["badge_translated"].format(pct=inert.percent(done, total)) in status, slug
    own = {s for s, r in resolved.items() if r.has_own_content}
    assert own >= {"ang-thong", "chachoengsao", "mukdahan"}


def test_links_in_every_page_resolve(built_site):
    """Every relative link (content, header, footer) of every page leads to a file, and its
    fragment to an id there."""
    checked = 0
    site_host = urlsplit(built_site.url).netloc
    for src in sorted(built_site.dir.rglob("index.html")):
        here = built_site.url + src.parent.relative_to(built_site.dir).as_posix().strip(".") + "/"
        here = here.replace("//", "/").replace(":/", "://")
        for href, _ in doc(src).links:
            url = urljoin(here, href)
            if urlsplit(url).scheme not in ("http", "https") or urlsplit(url).netloc != site_host:
                continue  # another site, mailto:, tel:
            assert url.startswith(built_site.url), f"{src.relative_to(built_site.dir)}: {href}"
            dest, frag = resolve_link(built_site.dir / "index.html", url[len(built_site.url) :] or "./")
            assert dest.exists(), f"{src.relative_to(built_site.dir)}: {href}"
            if frag and dest.suffix == ".html":
                assert frag in doc(dest).ids, f"{src.relative_to(built_site.dir)}: {href}"
            checked += 1
    assert checked > 10_000


# ---------------------------------------------------------------------------------------------
# What an office page says about its content


@pytest.mark.parametrize("lang", ["th", "en"])
def test_inherited_sections_are_labelled_as_the_national_standard(built_site, resolved, lang):
    ui = ui_strings()[lang]
    for slug, r in resolved.items():
        text = page_path(built_site, lang, f"provinces/{slug}").read_text(encoding="utf-8")
        inherited = [n for n, s in r.sections.items() if s.origin == "national"]
        assert text.count('class="cw-inherited"') == len(inherited) + (
            1 if "organisation" in inherited and r.sections["organisation"].value.audit else 0
        ), slug
        if r.has_own_content:
            assert "cw-origin--own" in text, slug
        else:
            assert "cw-origin--national" in text and ui["inherited_link"] in text, slug


@pytest.mark.parametrize("lang", ["th", "en"])
def test_facts_nobody_provided_offer_a_contribution_link(built_site, resolved, lang):
    repo = "https://github.com/changwat/changwat"
    for slug, r in resolved.items():
        d = doc(page_path(built_site, lang, f"provinces/{slug}"))
        links = [h for h, a in d.links if a.get("class") == "cw-contribute"]
        expected = (r.head is None) + (r.contact is None) + (r.sections["history"].origin == "national")
        assert len(links) == expected, slug
        if r.file is None:
            assert all(h.startswith(f"{repo}/new/main/data/provinces?filename={slug}.yaml&value=") for h in links)
            assert all(f"province%3A%20{slug}%0A" in h for h in links)
        else:
            assert set(links) <= {f"{repo}/edit/main/data/provinces/{slug}.yaml"}


# ---------------------------------------------------------------------------------------------
# schema.org JSON-LD


def _types(value) -> set[str]:
    if isinstance(value, dict):
        own = {value["@type"]} if "@type" in value else set()
        return own.union(*(_types(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_types(v) for v in value))
    return set()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_office_page_has_schema_org_json_ld_in_its_head(built_site, resolved, lang):
    from changwat.build.history import load_history

    history = load_history(PROJECT)  # the page's dateModified: its last change (build/history.py)
    for slug, r in resolved.items():
        d = doc(page_path(built_site, lang, f"provinces/{slug}"))
        assert len(d.ld) == 1, slug
        in_head, raw = d.ld[0]
        assert in_head, slug
        data = json.loads(raw)
        areas = load_dopa(PROJECT.data / "registry")
        updated = history.office(slug).updated
        assert data == opendata.json_ld(r, lang, built_site.url, areas, updated.iso_date if updated else None), slug
        assert {i["value"] for i in data["areaServed"]["identifier"]} >= {r.province.iso}
        assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentOrganization"
        assert _types(data) <= SCHEMA_ORG_TYPES, (slug, _types(data) - SCHEMA_ORG_TYPES)
        assert data["url"] == f"{built_site.url}{LANG_ROOTS[lang]}provinces/{slug}/"
        assert data["areaServed"]["identifier"][0] == {
            "@type": "PropertyValue",
            "propertyID": "ISO 3166-2",
            "value": r.province.iso,
        }
    for path in ("", "provinces", "standard", "open-data"):
        assert doc(page_path(built_site, lang, path)).ld == []


# ---------------------------------------------------------------------------------------------
# Open data


def test_office_json_round_trips_to_the_data(built_site, dataset):
    fresh = {r.slug: r for r in load_dataset(PROJECT)[0].resolved()}
    areas = load_dopa(PROJECT.data / "registry")  # the province's DOPA code and districts
    got = json.loads((built_site.dir / "data/provinces/ang-thong.json").read_text(encoding="utf-8"))
    assert got == opendata.resolved_json(fresh["ang-thong"], built_site.url, areas)
    assert got["sections"]["organisation"]["origin"] == "office"
    for slug in SLUGS:
        path = built_site.dir / "data" / "provinces" / f"{slug}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data == opendata.resolved_json(fresh[slug], built_site.url, areas), slug
        assert data["data_url"] == f"{built_site.url}data/provinces/{slug}.json"
    assert len(list((built_site.dir / "data" / "provinces").glob("*.json"))) == 76


def test_all_offices_json_csv_and_national_json(built_site, dataset):
    data = built_site.dir / "data"
    assert json.loads((data / "offices.json").read_text(encoding="utf-8")) == opendata.all_offices_json(
        dataset, built_site.url
    )
    raw = (data / "offices.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: spreadsheets open the Thai text as UTF-8
    text = raw.decode("utf-8")
    assert text == opendata.offices_csv(dataset, built_site.url)
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert len(rows) == 76
    assert [(r["iso"], r["slug"], r["province_th"], r["province_en"]) for r in rows] == [
        (p.iso, p.slug, p.th, p.en) for p in REGISTRY
    ]
    assert json.loads((data / "national.json").read_text(encoding="utf-8")) == opendata.national_json(dataset.national)


def test_json_schemas_are_published_and_describe_the_data(built_site, dataset):
    import jsonschema

    for name in ("office.schema.json", "national.schema.json"):
        assert (built_site.dir / "schema" / name).read_bytes() == (REPO / "schema" / name).read_bytes()
    national_schema = json.loads((built_site.dir / "schema/national.schema.json").read_text(encoding="utf-8"))
    national = json.loads((built_site.dir / "data/national.json").read_text(encoding="utf-8"))
    jsonschema.validate(national, national_schema)
    # the sections of an office's JSON follow the office file's definitions, as the page says
    office_schema = json.loads((built_site.dir / "schema/office.schema.json").read_text(encoding="utf-8"))
    for slug in ("ang-thong", "krabi"):
        office = json.loads((built_site.dir / "data/provinces" / f"{slug}.json").read_text(encoding="utf-8"))
        as_file = {"province": slug, **{k: v["content"] for k, v in office["sections"].items()}}
        jsonschema.validate(as_file, office_schema)


def test_open_data_is_published_once_not_per_language(built_site):
    assert not (built_site.dir / "en" / "data").exists()
    assert not (built_site.dir / "en" / "schema").exists()
    assert not list(built_site.docs.glob("**/*.en.json")) and not list(built_site.docs.glob("**/*.en.csv"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_open_data_page_describes_every_file_and_field(built_site, lang):
    ui = ui_strings()[lang]
    src = page_path(built_site, lang, "open-data")
    d = doc(src)
    assert d.lang == lang and d.h1 == 1
    text = src.read_text(encoding="utf-8")
    targets = set()
    for href, _ in d.links:
        if not urlsplit(href).scheme:
            dest, _ = resolve_link(src, href)
            assert dest.exists(), href
            targets.add(dest.relative_to(built_site.dir.resolve()).as_posix())
    assert {
        "data/offices.json",
        "data/offices.csv",
        "data/national.json",
        "data/provinces/ang-thong.json",
        "schema/office.schema.json",
        "schema/national.schema.json",
    } <= targets
    assert f"{built_site.url}data/provinces/&lt;slug&gt;.json" in text
    for column in opendata.CSV_COLUMNS:
        assert f"<code>{column}</code>" in text, column
    example = opendata.resolved_json(load_dataset(PROJECT)[0].resolved()[0], built_site.url)
    assert set(opendata.JSON_FIELDS) == set(example)
    for key in opendata.JSON_FIELDS:
        assert f"<code>{key}</code>" in text, key
    for key in ("od_csv_encoding", "od_licence", "od_values_dates"):
        assert ui[key].split()[0] in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_open_data_is_linked_from_home_footer_and_nav(built_site, lang):
    target = page_path(built_site, lang, "open-data").resolve()
    home = page_path(built_site, lang, "")
    assert any(
        resolve_link(home, h)[0] == target for h, a in doc(home).links if "md-nav__link" not in a.get("class", "")
    )
    for path in ("", "provinces", "provinces/krabi", "standard"):
        src = page_path(built_site, lang, path)
        footer = re.search(r'<nav class="cw-footer-links".*?</nav>', src.read_text(encoding="utf-8"), re.S).group(0)
        hrefs = re.findall(r'href="([^"]+)"', footer)
        assert any(resolve_link(src, h)[0] == target for h in hrefs), path
    nav = [h for h, a in doc(home).links if "md-nav__link" in a.get("class", "")]
    assert any(resolve_link(home, h)[0] == target for h in nav)


def test_stale_open_data_files_are_removed(tmp_path):
    from changwat.build import pages as site
    from changwat.build.render import Page

    first = site.write_pages(
        [Page("index.md", "a\n"), Page("data/provinces/krabi.json", "{}\n"), Page("schema/office.schema.json", "{}\n")],
        tmp_path,
    )
    assert sorted(first.written) == ["data/provinces/krabi.json", "index.md", "schema/office.schema.json"]
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "keep.css").write_text("x", encoding="utf-8")  # not ours: left alone
    second = site.write_pages([Page("index.md", "a\n"), Page("schema/office.schema.json", "{}\n")], tmp_path)
    assert second.removed == ["data/provinces/krabi.json"] and second.unchanged == 2
    assert (tmp_path / "assets" / "keep.css").exists()


# ---------------------------------------------------------------------------------------------
# In a browser: the list is clear on a phone


from test_browser import ARTIFACTS, visit  # noqa: E402,F401  (fixtures)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_province_list_reads_well_on_a_phone_and_a_desktop(built_site, visit, lang, width):  # noqa: F811
    v = visit(f"{built_site.url}{LANG_ROOTS[lang]}provinces/", width)
    page = v.page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"provinces.{lang}.{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert v.foreign_requests() == []
    assert page.locator(".cw-legend").is_visible()
    names = page.locator("a.cw-provinces__name")
    assert names.count() == 76
    # each office's badges sit with its name (same list item), on screen and readable
    own = page.locator(".cw-provinces li:has(.cw-badge--own)")
    assert own.count() >= 3
    box = own.first.bounding_box()
    assert box["width"] <= width
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.cw-provinces .cw-badge')).fontSize)")
    assert size >= 12
    # the link is a comfortable target on a phone
    height = page.evaluate("document.querySelector('a.cw-provinces__name').getBoundingClientRect().height")
    assert height >= 20
