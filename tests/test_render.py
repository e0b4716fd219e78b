"""render.py and site.py without MkDocs: escaping, languages, headings, dates, page files.

Pages are rendered from hand-built model objects (conftest.py) and converted with Python-Markdown
using the extensions of mkdocs.yml, so these tests see the HTML a reader gets.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from changwat import model
from changwat.build import inert, render, urls
from changwat.build import pages as site
from changwat.build.render import Renderer
from changwat.build.ui import ui_strings
from changwat.build.urls import SiteInfo
from changwat.model import resolve
from changwat.model.registry import REGIONS, load_registry
from changwat.project import read_config
from conftest import EVIL, PROJECT, REGISTRY_CSV, REPO, copy_data, project_for

THAI = re.compile(r"[\u0E00-\u0E7F]")
ORDER = ["history", "legal-basis", "mandate", "objectives", "missions", "org-chart", "internal-audit", "sources"]


# ---------------------------------------------------------------------------------------------
# helpers


def split_page(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def to_html(body: str) -> str:
    """What the site shows of a generated page's body: the body itself (front matter ``body:
    html``; hooks/changwat_site.py hands it to MkDocs without Markdown)."""
    return body


def through_markdown(body: str) -> str:
    """The body as MkDocs would render it were it Markdown (a build without our hook)."""
    return markdown.Markdown(extensions=["attr_list", "toc"]).convert(body)


class Tree(HTMLParser):
    """Text nodes with their open-element stack, and element attributes in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.texts: list[tuple[str, list[tuple[str, dict]]]] = []
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip():
            self.texts.append((data, list(self.stack)))

    def lang_of(self, stack: list[tuple[str, dict]], page_lang: str) -> str:
        for _, a in reversed(stack):
            if "lang" in a:
                return a["lang"]
        return page_lang


def parse(html_text: str) -> Tree:
    t = Tree()
    t.feed(html_text)
    return t


def text_of(html_text: str) -> str:
    return " ".join(d for d, _ in parse(html_text).texts)


@pytest.fixture
def renderer(sample_provinces, sample_national) -> Renderer:
    return Renderer(SiteInfo(), sample_provinces, REGIONS, sample_national, templates=PROJECT.templates)


@pytest.fixture
def pages(renderer, sample_provinces, sample_national, sample_office) -> dict[str, str]:
    offices = [resolve(p, sample_office if p.slug == "ang-thong" else None, sample_national) for p in sample_provinces]
    return {p.path: p.text for p in renderer.site(offices, sample_national)}


def office_html(pages: dict[str, str], slug: str, lang: str) -> tuple[dict, str]:
    path = f"provinces/{slug}.md" if lang == "th" else f"provinces/{slug}.{lang}.md"
    front, body = split_page(pages[path])
    return front, to_html(body)


# ---------------------------------------------------------------------------------------------
# interface strings


def test_ui_strings_have_the_same_keys_in_both_languages():
    raw = yaml.safe_load((REPO / "src/changwat/build/ui.yaml").read_text(encoding="utf-8"))
    assert set(raw) == {"th", "en"}
    assert set(raw["th"]) == set(raw["en"]), set(raw["th"]) ^ set(raw["en"])
    for lang in ("th", "en"):
        for key, value in raw[lang].items():
            assert isinstance(value, str) and value.strip(), f"{lang}.{key} is empty"
            assert "<" not in value, f"{lang}.{key}: markup is not allowed in ui.yaml"
    for key, value in raw["en"].items():
        assert not THAI.search(value), f"en.{key} contains Thai"


def test_mkdocs_site_names_come_from_ui_yaml():
    config = read_config(REPO / "mkdocs.yml")
    ui = ui_strings()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    names = {lang["locale"]: lang["site_name"] for lang in i18n["languages"]}
    assert names == {"th": ui["th"]["site_name"], "en": ui["en"]["site_name"]}
    assert config["site_name"] == ui["th"]["site_name"]
    assert i18n["fallback_to_default"] is False


# ---------------------------------------------------------------------------------------------
# escaping


@pytest.mark.parametrize("lang", ["th", "en"])
def test_hostile_text_is_shown_literally_never_interpreted(pages, lang):
    path = "provinces/ang-thong.md" if lang == "th" else "provinces/ang-thong.en.md"
    front, body = split_page(pages[path])
    assert "<script>" not in body and "<script" not in body
    out = to_html(body)
    tree = parse(out)
    # no element came out of the data: no script, no emphasis, no javascript: link
    tags = [t for t, _ in tree.elements]
    assert "script" not in tags and "em" not in tags
    hrefs = [a.get("href", "") for _, a in tree.elements]
    assert not any(h.lower().startswith("javascript") for h in hrefs), hrefs
    # the paragraph, the chart box and the heading show the exact text
    text = text_of(out)
    assert text.count(EVIL) >= 3, text
    heading = re.search(r'<h3 id="group-evil">.*?</h3>', out)
    assert heading and heading_text(heading.group(0)) == EVIL


def heading_text(out: str) -> str:
    out = re.sub(r'<a class="headerlink".*?</a>', "", out)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


def test_heading_text_cannot_become_attributes_or_markup(renderer):
    template = renderer.env.from_string('{% from "_macros.j2" import hs with context %}{{ hs(2, text, "x") }}')
    for text in (EVIL, "name { #evil .x onclick=alert(1) } ## #", '"><script>alert(1)</script>'):
        out = template.render(text=text, ui=ui_strings()["th"])
        (tag, attrs), (a, a_attrs) = parse(out).elements
        assert tag == "h2" and attrs == {"id": "x"}
        assert a == "a" and a_attrs["href"] == "#x" and a_attrs["class"] == "headerlink"
        assert heading_text(out) == text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_body_means_the_same_if_markdown_ever_parses_it(pages, lang):
    """A build without hooks/changwat_site.py would parse the body as Markdown: it is raw HTML
    blocks, which Markdown passes through, so the reader would see the same elements and text."""
    _, body = office_html(pages, "ang-thong", lang)
    direct, parsed = parse(body), parse(through_markdown(body))
    assert [t for t, _ in parsed.elements] == [t for t, _ in direct.elements]
    assert [t for t, _ in parsed.texts] == [t for t, _ in direct.texts]


def test_data_urls_are_limited_to_web_mail_and_phone(pages):
    _, out = office_html(pages, "ang-thong", "en")
    hrefs = [a["href"] for t, a in parse(out).elements if t == "a" and "href" in a]
    ours = SiteInfo().repo_url + "/issues/new?"  # "suggest a correction" (the site's own, not data)
    external = [h for h in hrefs if not h.startswith(("#", "../", "./", ours))]
    assert set(external) == {"tel:035611234", "mailto:office@example.go.th", "https://example.org/std"}, external
    assert "javascript:alert(1)" in text_of(out)  # the bad website is shown as text


def test_front_matter_is_safe_yaml_with_escaped_title(renderer, sample_provinces, sample_national, sample_office):
    sample_office.name = model.Text(th=EVIL, en=EVIL)
    o = resolve(sample_provinces[0], sample_office, sample_national)
    front, _ = split_page(renderer.office(o, "en").text)
    assert front["title"] == html.escape(EVIL)
    assert "<" not in front["title"] and "<" not in front["description"]


# ---------------------------------------------------------------------------------------------
# languages


def test_english_page_never_labels_thai_as_english(pages):
    for path, text in pages.items():
        if ".en." not in path:
            continue
        _, body = split_page(text)
        tree = parse(to_html(body))
        for data, stack in tree.texts:
            if THAI.search(data):
                assert tree.lang_of(stack, "en") == "th", f"{path}: Thai text outside lang=th: {data!r}"


def test_untranslated_text_is_thai_in_lang_th_with_a_visible_mark(pages):
    _, out = office_html(pages, "ang-thong", "en")
    assert '<span lang="th">ข้อความภาษาไทยเท่านั้น</span> <span class="cw-nt">not yet translated</span>' in out
    # translated text carries no mark
    assert "Founded" in out and 'Founded</span> <span class="cw-nt"' not in out


def test_thai_page_marks_english_names(pages):
    _, out = office_html(pages, "ang-thong", "th")
    assert '<span lang="en">Ang Thong</span>' in out
    assert "not yet translated" not in out and "cw-nt" not in out


# ---------------------------------------------------------------------------------------------
# structure


def heading_ids(out: str) -> list[str]:
    return re.findall(r"<h[23][^>]*\bid=\"([a-z-]+)\"", out)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_office_sections_have_ascii_ids_in_the_required_order(pages, lang):
    _, out = office_html(pages, "ang-thong", lang)
    ids = [i for i in heading_ids(out) if i in ORDER]
    assert ids == [i for i in ORDER if i in ids]
    assert {"history", "legal-basis", "mandate", "missions", "org-chart", "internal-audit", "sources"} <= set(ids)
    assert "objectives" not in ids  # neither the office nor the sample national content has it


def test_inherited_sections_say_so_and_own_sections_do_not(pages):
    _, body = split_page(pages["provinces/ang-thong.md"])
    blocks = re.split(r"(?=<h2 )", body)
    by_id = {re.match(r'<h2 id="([a-z-]+)"', b).group(1): b for b in blocks[1:]}
    note = ui_strings()["th"]["inherited"]
    for sid in ("legal-basis", "mandate", "missions"):
        assert note in by_id[sid], sid
        assert "data-search-exclude" in by_id[sid].splitlines()[0]
    for sid in ("history", "org-chart", "internal-audit"):
        assert note not in by_id[sid], sid


def test_office_without_a_file_shows_national_content_and_not_provided(pages):
    front, out = office_html(pages, "mukdahan", "th")
    ui = ui_strings()["th"]
    assert out.count(ui["not_provided"]) >= 2  # head of office and contact
    assert ui["office_national_only"] in out
    assert front["edit_url"].startswith(
        "https://github.com/changwat/changwat/new/main/data/provinces?filename=mukdahan.yaml"
    )


@pytest.mark.parametrize("lang", ["th", "en"])
def test_facts_nobody_provided_link_to_a_contribution(pages, lang):
    """Head, contact and the office's own history: "not yet provided" and a link that starts the
    office's file on GitHub (new, prefilled) or edits it; never an invented value."""
    ui = ui_strings()[lang]
    # the guided start of `changwat new` (changwat.cli.new.web_start), prefilled
    new = html.escape(SiteInfo().edit_url("mukdahan", False, load_registry(REGISTRY_CSV).by_slug["mukdahan"]))
    assert new.startswith(
        "https://github.com/changwat/changwat/new/main/data/provinces?filename=mukdahan.yaml&amp;value="
        "%23%20yaml-language-server%3A%20%24schema%3D..%2F..%2Fschema%2Foffice.schema.json%0A"
    )
    _, out = office_html(pages, "mukdahan", lang)
    links = re.findall(r'<a class="cw-contribute" href="([^"]+)">([^<]+)</a>', out)
    assert [html.unescape(text) for _, text in links] == [
        f"{ui[k]} {ui['contribute_new']}" for k in ("contribute_head", "contribute_contact", "contribute_history")
    ]
    assert {h for h, _ in links} == {new}
    assert ui["history_missing"] in html.unescape(out)
    # an office with a file: its head is given, its contact lacks nothing, its history is its own
    _, own = office_html(pages, "ang-thong", lang)
    assert "cw-contribute" not in own
    # the standard page offers no contribution
    standard = to_html(split_page(pages["standard.md" if lang == "th" else "standard.en.md"])[1])
    assert "cw-contribute" not in standard


def test_office_file_without_head_or_contact_links_to_editing_it(
    renderer, sample_provinces, sample_national, sample_office
):
    sample_office.head = None
    sample_office.contact = None
    page = renderer.office(resolve(sample_provinces[0], sample_office, sample_national), "en")
    out = to_html(split_page(page.text)[1])
    ui = ui_strings()["en"]
    edit = "https://github.com/changwat/changwat/edit/main/data/provinces/ang-thong.yaml"
    links = re.findall(r'<a class="cw-contribute" href="([^"]+)">([^<]+)</a>', out)
    assert [(h, html.unescape(t)) for h, t in links] == [
        (edit, f"{ui['contribute_head']} {ui['contribute_edit']}"),
        (edit, f"{ui['contribute_contact']} {ui['contribute_edit']}"),
    ]


def test_office_page_carries_its_json_ld_for_the_head(pages):
    import json

    for lang in ("th", "en"):
        front, _ = office_html(pages, "ang-thong", lang)
        m = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', front["json_ld"], re.S)
        data = json.loads(m.group(1))
        assert data["@type"] == "GovernmentOrganization" and data["@context"] == "https://schema.org"
        assert data["url"] == f"https://changwat.github.io/changwat/{'' if lang == 'th' else 'en/'}provinces/ang-thong/"
        # the hostile group name stays data: no "<" can end the script element
        assert "<" not in m.group(1) and EVIL in json.dumps(data, ensure_ascii=False)
    assert "json_ld" not in split_page(pages["standard.md"])[0]


def test_dates_are_buddhist_era_in_thai_and_common_era_in_english(pages):
    _, th = office_html(pages, "mukdahan", "th")
    _, en = office_html(pages, "mukdahan", "en")
    assert '<time datetime="1973-08-28">28 สิงหาคม 2516</time>' in th
    assert '<time datetime="1973-08-28">28 August 1973 (B.E. 2516)</time>' in en


def test_laws_have_full_titles_sections_and_list_numbering(pages):
    _, th = office_html(pages, "mukdahan", "th")
    _, en = office_html(pages, "mukdahan", "en")
    assert "พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน (ฉบับที่ 7) พ.ศ. 2534" in text_of(th)
    assert "State Administration Act (No. 7), B.E. 2534 (1991)" in text_of(en)
    quote = re.search(r'<blockquote class="cw-quote">.*?</blockquote>', en, re.S).group(0)
    assert "<strong>section 52/1</strong>" in quote and "<cite>" in quote
    assert re.search(r'<ol class="cw-law-items">\s*<li>to implement state missions</li>', quote)


def test_history_events_link_provinces_by_registry_name(pages):
    _, out = office_html(pages, "mukdahan", "en")
    assert '<a href="../ang-thong/">Ang Thong</a>' in out
    assert "Mukdahan" in out and '<a href="../mukdahan/">' not in out  # the page's own province is not a link


def test_org_chart_is_a_nested_list_head_groups_audit(pages):
    _, out = office_html(pages, "mukdahan", "en")
    chart = re.search(r'<figure class="cw-chart".*?</figure>', out, re.S).group(0)
    tree = parse(chart)
    lis = [a for t, a in tree.elements if t == "li"]
    assert len(lis) >= 4
    text = text_of(chart)
    for expected in (
        "Head of the Provincial Office",
        "Not yet provided",
        "General Administration Group",
        "3 duties",
        "Coordination",
        "Provincial Development Strategy and Information Group",
        "1 duty",
        "Internal Audit Unit",
    ):
        assert expected in text, expected
    # every box links to the full text of its unit on the same page
    targets = [a["href"] for t, a in tree.elements if t == "a"]
    assert targets == ["#group-admin", "#group-admin--coord", "#group-strategy", "#internal-audit"]
    for target in targets:
        assert f'id="{target[1:]}"' in out
    # the duties are in the page text once, not hidden in the chart
    assert "coordinate" not in text and out.count("coordinate") == 1


def test_every_registry_province_gets_a_page_in_both_languages(sample_national):
    registry = load_registry(REGISTRY_CSV)
    r = Renderer(SiteInfo(), registry, REGIONS, sample_national, templates=PROJECT.templates)
    offices = [resolve(p, None, sample_national) for p in registry]
    paths = {p.path for p in r.site(offices, sample_national)}
    assert len(offices) == 76
    for p in registry:
        assert f"provinces/{p.slug}.md" in paths and f"provinces/{p.slug}.en.md" in paths
    for extra in ("index", "provinces/index", "standard", "open-data"):
        assert f"{extra}.md" in paths and f"{extra}.en.md" in paths
    assert len(paths) == 2 * (76 + 4)


def test_province_list_groups_by_region_and_marks_own_content(pages):
    front, body = split_page(pages["provinces/index.en.md"])
    out = to_html(body)
    assert heading_ids(out) == ["region-northeast", "region-central", "region-east"]
    # own content and the share of translated texts, in words (not colour alone); the sample office
    # and the sample national content each leave some texts untranslated (the office's page also
    # shows the national event and work groups it does not replace: model/resolve.py)
    assert (
        '<a class="cw-provinces__name" href="ang-thong/">Ang Thong</a> <span class="cw-other"><span lang="th">'
        'อ่างทอง</span></span>\n<span class="cw-provinces__status"><span class="cw-badge cw-badge--own">Own content'
        '</span> <span class="cw-badge cw-badge--partial">83% translated</span></span></li>'
    ) in out
    assert (
        '<a class="cw-provinces__name" href="mukdahan/">Mukdahan</a> <span class="cw-other"><span lang="th">'
        'มุกดาหาร</span></span>\n<span class="cw-provinces__status"><span class="cw-badge cw-badge--partial">'
        "95% translated</span></span></li>"
    ) in out
    assert out.count("cw-badge--own") == 1 + 1  # ang-thong, and the legend
    th = to_html(split_page(pages["provinces/index.md"])[1])
    assert "แปลแล้ว 83%" in th and "มีข้อมูลของสำนักงาน" in th and "ความหมายของเครื่องหมาย" in th


def test_translation_share_counts_the_texts_the_page_shows(sample_provinces, sample_national, sample_office):
    own = resolve(sample_provinces[0], sample_office, sample_national)
    std = resolve(sample_provinces[2], None, sample_national)
    done, total = render.translation(std)
    # name, status, parent, 1 event, the law (title, section, 2 items: one Thai-only), mandate (intro, 2
    # items), missions (2), groups (2 + 2 duties, sub-group + duty, 1 + duty), audit (2), 1 source
    assert (done, total) == (22, 23)
    done, total = render.translation(own)
    assert total > done > 0 and inert.percent(done, total) == 83
    assert inert.percent(99, 100) == 99 and inert.percent(199, 200) == 99  # rounded down: 100 only if complete
    assert inert.percent(0, 0) == 100 and inert.percent(5, 5) == 100


def test_alternates_are_absolute_with_x_default(pages):
    front, _ = split_page(pages["provinces/ang-thong.en.md"])
    assert front["alternates"] == {
        "th": "https://changwat.github.io/changwat/provinces/ang-thong/",
        "en": "https://changwat.github.io/changwat/en/provinces/ang-thong/",
        "x-default": "https://changwat.github.io/changwat/provinces/ang-thong/",
    }
    assert front["edit_url"] == "https://github.com/changwat/changwat/edit/main/data/provinces/ang-thong.yaml"


def test_relative_links():
    assert urls.href("provinces/ang-thong/", "provinces/mukdahan/") == "../mukdahan/"
    assert urls.href("provinces/", "") == "../"
    assert urls.href("", "provinces/") == "provinces/"
    assert urls.href("provinces/", "provinces/") == "./"


# ---------------------------------------------------------------------------------------------
# site.py: writing docs/


def test_pages_are_written_only_when_changed_and_stale_pages_removed(tmp_path: Path):
    pages = [render.Page("index.md", "a\n"), render.Page("provinces/x.md", "ข\n")]
    first = site.write_pages(pages, tmp_path)
    assert sorted(first.written) == ["index.md", "provinces/x.md"]
    mtime = (tmp_path / "index.md").stat().st_mtime_ns
    second = site.write_pages(pages, tmp_path)
    assert second.written == [] and second.unchanged == 2
    assert (tmp_path / "index.md").stat().st_mtime_ns == mtime
    third = site.write_pages([render.Page("index.md", "b\n")], tmp_path)
    assert third.written == ["index.md"] and third.removed == ["provinces/x.md"]
    assert (tmp_path / "index.md").read_text() == "b\n"


def test_data_errors_stop_generation_with_positions(tmp_path: Path):
    data = copy_data(tmp_path / "data")
    (data / "national.yaml").write_text("name:\n  th: [\n", encoding="utf-8")
    docs = tmp_path / "docs"
    with pytest.raises(site.DataError) as err:
        site.generate(project_for(data, docs), force=True)
    assert "national.yaml:" in err.value.report and "error" in err.value.report
    assert not docs.exists()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_home_page_promises_only_what_the_data_holds(renderer, sample_provinces, sample_national, sample_office, lang):
    ui = ui_strings()[lang]
    without = [resolve(p, None, sample_national) for p in sample_provinces]
    page = renderer.home(without, lang)
    _, body = split_page(page.text)
    assert "contact" not in ui["home_lead"].lower() and "ติดต่อ" not in ui["home_lead"]
    contacts = re.escape(ui["home_contacts"]).replace(r"\{n\}", r"\d+").replace(r"\{total\}", r"\d+")
    assert not re.search(contacts, body)  # no office has contact details: no promise
    assert 'name="q"' in body and 'action="./"' in body  # a search box that opens the site's search
    with_contact = [
        resolve(p, sample_office if p.slug == "ang-thong" else None, sample_national) for p in sample_provinces
    ]
    _, body = split_page(renderer.home(with_contact, lang).text)
    assert ui["home_contacts"].format(n=1, total=3) in body


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_section_offers_a_correction_form_prefilled(pages, lang):
    from urllib.parse import parse_qs, urlsplit

    front, out = office_html(pages, "mukdahan", lang)
    ui = ui_strings()[lang]
    links = [a["href"] for t, a in parse(out).elements if t == "a" and "/issues/new?" in a.get("href", "")]
    ids = [
        a["id"]
        for t, a in parse(out).elements
        if t == "h2" and "id" in a and a["id"] not in ("contact", "sources", "changes", "cite")
    ]
    assert len(links) == len(ids) >= 6  # one per section
    for link, sid in zip(links, ids, strict=True):
        q = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
        assert q["template"] == "suggest-correction.yml"  # .github/ISSUE_TEMPLATE/, its field ids below
        assert q["page"] == front["alternates"][lang] + "#" + sid
        assert q["office"] == "mukdahan"
        assert q["section"] in ("history", "legal_basis", "mandate", "objectives", "missions", "organisation")
        assert "title" not in q  # the form's own title (one link per section: every byte counts)
    assert out.count(ui["correct"]) == len(ids)


def test_earlier_structure_ids_never_collide(renderer, sample_national):
    """Structure "a" with group "b-c" and structure "a-b" with group "c" once both gave
    id="structure-a-b-c" on the standard page (red-team review, finding 21)."""
    from changwat.model import EarlierStructure, Group

    sample_national.earlier_structures = [
        EarlierStructure(id="a", title=model.Text(th="ก"), groups=[Group(id="b-c", name=model.Text(th="ข"))]),
        EarlierStructure(id="a-b", title=model.Text(th="ค"), groups=[Group(id="c", name=model.Text(th="ง"))]),
    ]
    _, body = split_page(renderer.standard(sample_national, "th").text)
    flat = re.findall(r'\bid="([^"]+)"', to_html(body))
    assert len(flat) == len(set(flat)), sorted(i for i in flat if flat.count(i) > 1)


def test_laws_name_their_official_thai_title_on_english_pages(pages):
    """A researcher citing a law needs its official (Thai) title; the English one is marked as an
    unofficial translation; the year is given B.E. and C.E."""
    _, out = office_html(pages, "mukdahan", "en")
    ui = ui_strings()["en"]
    assert "State Administration Act (No. 7), B.E. 2534 (1991)" in out
    assert f'{ui["official_title"]}: <span lang="th">พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน (ฉบับที่ 7) พ.ศ. 2534</span>' in out
    assert ui["unofficial_translation"] in out
    _, thai = office_html(pages, "mukdahan", "th")
    assert ui_strings()["th"]["unofficial_translation"] not in thai  # the Thai title is the law's own


def test_office_pages_give_the_provinces_codes_and_districts():
    """Every office page carries its province's official identifiers (ISO 3166-2:TH and DOPA's code)
    and the districts it serves, with codes, in both languages, with the data's credit."""
    from changwat.build.render import render_site
    from changwat.check import load_dataset

    dataset, _ = load_dataset(PROJECT, lint=False)
    pages = {p.path: p.text for p in render_site(dataset, SiteInfo(), PROJECT.templates, frozenset({"mukdahan"}))}
    for path, lang in (("provinces/mukdahan.md", "th"), ("provinces/mukdahan.en.md", "en")):
        front, body = split_page(pages[path])
        html = to_html(body)
        assert "<code>TH-49</code>" in html and "<code>49</code>" in html
        assert html.count("<li>") >= 7 and '<code class="cw-muted">4901</code>' in html
        assert ("เมืองมุกดาหาร" if lang == "th" else "Mueang Mukdahan") in html
        assert "CC BY 4.0" in html
        ld = json.loads(re.search(r">(.*)</script>", front["json_ld"]).group(1))
        ids = json.dumps(ld["areaServed"], ensure_ascii=False)
        assert "TH-49" in ids and '"49"' in ids


@pytest.mark.parametrize(
    "url",
    [
        "https://www.krabi.go.th@evil.example/",
        "http://user:pass@evil.example/",
        "mailto:saraban@krabi.go.th?bcc=spy@evil.example",
        "https://evil.example/\u180e",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_deceptive_urls_are_never_links(url):
    """The renderer links only what the validator accepts (red-team review, finding 5): data that
    reaches it anyway (an old cache, a hand-built model) is shown as text."""
    assert inert.safe_url(url) is None
    assert inert.safe_url("https://www.krabi.go.th/") == "https://www.krabi.go.th/"
