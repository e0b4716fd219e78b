"""Inheritance without silent loss (model/resolve.py, check/inheritance.py).

Writing part of a section never hides unrelated national content unless the file says so: one
history paragraph keeps the national timeline, one work group keeps the national work groups (and
the head of office is the office's own). End to end: a data folder → `changwat validate` →
resolve → the office's open data JSON, each part with its origin.

Golden notes: tests/cases/notes/*.yaml and their `changwat validate --notes` output (*.out), against
the cases' own data folder (tests/cases/data); regenerate with UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import os
import typing
from pathlib import Path

import pytest

from changwat.build.opendata import resolved_json
from changwat.check import load_dataset
from changwat.cli import main
from changwat.model import Office, data_fields
from changwat.model.sections import SECTIONS
from conftest import PROJECT, REPO, copy_data, project_for

CASES = REPO / "tests" / "cases"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
BASE = "https://example.org/changwat/"
HEAD = """head:
  name:
    th: นายสมชาย ใจดี
    en: Mr Somchai Jaidee
  position:
    th: หัวหน้าสำนักงานจังหวัดแม่ฮ่องสอน
    en: Head of the Mae Hong Son Provincial Office
"""
GROUP = """    - id: tourism
      name:
        th: กลุ่มงานส่งเสริมการท่องเที่ยว
        en: Tourism Promotion Group
      duties:
        - th: ประสานงานการท่องเที่ยวของจังหวัด
          en: Coordinate tourism in the province
"""


def national():
    ds, _ = load_dataset(PROJECT, lint=False)
    return ds.national


def office_data(tmp_path: Path, body: str, slug: str = "mae-hong-son"):
    """A data folder with the repository's national content and one office file: (dataset, its
    problems, the resolved office, its open data JSON)."""
    data = copy_data(tmp_path / "data", "national.yaml", "thai-allowlist.txt")
    path = data / "provinces" / f"{slug}.yaml"
    path.write_text(f"province: {slug}\n{body}", encoding="utf-8")
    ds, problems = load_dataset(project_for(data), lint=False)
    mine = [p for p in problems if p.pos.path.endswith(f"provinces/{slug}.yaml")]
    assert not [str(p) for p in mine if p.severity == "error"]
    r = next(r for r in ds.resolved() if r.slug == slug)
    return ds, mine, r, resolved_json(r, BASE)


# ---------------------------------------------------------------------------------------------
# The declaration


def test_every_field_of_a_section_belongs_to_exactly_one_part() -> None:
    for kind in SECTIONS:
        cls = typing.get_type_hints(Office)[kind.name].__args__[0]
        names = [fl.name for fl in data_fields(cls) if fl.name not in ("sources", "replace")]
        claimed = [f for p in kind.parts for f in p.fields]
        assert sorted(claimed) == sorted(names), kind.name
        # `replace:` accepts exactly the part names
        allowed = typing.get_args(typing.get_args(typing.get_type_hints(cls)["replace"])[0])
        assert set(allowed) == {p.name for p in kind.parts}, kind.name
        for p in kind.parts:  # a part merged by id holds records with an id
            item = typing.get_args(typing.get_type_hints(cls)[p.fields[0]])
            assert p.keyed == (bool(item) and "id" in {fl.name for fl in data_fields(item[0])}), (kind.name, p.name)


def test_a_section_the_office_leaves_out_is_the_national_object_itself() -> None:
    """Inherited sections stay the very national value (the renderer shares their HTML between pages)."""
    from changwat.model.resolve import resolve_section

    std = national()
    for kind in SECTIONS:
        value = getattr(std, kind.name)
        if value is not None:
            sec = resolve_section(kind.name, None, value)
            assert sec.value is value and sec.origin == "national" and not sec.mixed
            assert {p.origin for p in sec.parts.values()} == {"national"}


# ---------------------------------------------------------------------------------------------
# The two scenarios of issue 12


def test_one_history_paragraph_keeps_the_national_timeline(tmp_path: Path) -> None:
    std = national()
    assert len(std.history.events) == 9
    _, problems, r, data = office_data(
        tmp_path,
        """history:
  paragraphs:
    - text:
        th: สำนักงานจังหวัดแม่ฮ่องสอนตั้งอยู่ที่ศาลากลางจังหวัด
        en: The Mae Hong Son Provincial Office is at the Provincial Hall.
""",
    )
    history = r.sections["history"]
    assert [e.id for e in history.value.events] == [e.id for e in std.history.events]
    assert len(history.value.paragraphs) == 1
    assert history.origin == "office" and history.mixed
    assert history.parts["paragraphs"].origin == "office" and history.parts["events"].origin == "national"
    # open data: the section is the office's, its events national, each one
    sec = data["sections"]["history"]
    assert sec["origin"] == "office"
    assert sec["parts"]["paragraphs"] == {"origin": "office"}
    assert sec["parts"]["events"] == {"origin": "national", "items": ["national"] * 9}
    assert [e["id"] for e in sec["content"]["events"]] == [e.id for e in std.history.events]
    assert sec["content"]["paragraphs"][0]["text"]["en"].startswith("The Mae Hong Son Provincial Office")
    # validate: no warning, a note saying nothing national is replaced
    assert [p.code for p in problems] == ["I01"]
    assert problems[0].en == (
        "history.paragraphs: the office's 1 paragraph is shown; the national content has none, nothing is replaced"
    )


def test_one_work_group_keeps_the_national_groups_and_the_head_is_the_offices(tmp_path: Path) -> None:
    std = national()
    national_ids = [g.id for g in std.organisation.groups]
    assert len(national_ids) == 4
    _, problems, r, data = office_data(tmp_path, f"{HEAD}organisation:\n  groups:\n{GROUP}")
    org = r.sections["organisation"]
    assert [g.id for g in org.value.groups] == ["tourism", *national_ids]
    assert org.parts["groups"].origins == ["office"] + ["national"] * 4
    assert org.parts["groups"].origin == "both"
    assert r.head is not None and r.head.name.en == "Mr Somchai Jaidee"
    sec = data["sections"]["organisation"]
    assert sec["parts"]["groups"] == {
        "origin": "both",
        "items": ["office", "national", "national", "national", "national"],
    }
    assert [g["id"] for g in sec["content"]["groups"]] == ["tourism", *national_ids]
    assert data["head"]["name"]["en"] == "Mr Somchai Jaidee"
    assert [p.code for p in problems] == ["I01"]
    assert problems[0].en == "organisation.groups: the office's 1 work group is shown, with 4 national work groups"
    assert "replace" in problems[0].fix_en


def test_replace_opts_out_of_the_national_groups_and_says_how_many_are_gone(tmp_path: Path) -> None:
    _, problems, r, data = office_data(tmp_path, f"organisation:\n  replace:\n    - groups\n  groups:\n{GROUP}")
    org = r.sections["organisation"]
    assert [g.id for g in org.value.groups] == ["tourism"]
    assert data["sections"]["organisation"]["parts"]["groups"] == {"origin": "office", "items": ["office"]}
    # the audit unit and intro of the national organisation are other parts: untouched
    assert org.parts["audit"].origin == "national"
    assert [p.code for p in problems] == ["I01"]
    assert problems[0].en.startswith("organisation.groups: the 4 national work groups are no longer shown;")


def test_an_office_version_of_a_national_event_replaces_it_in_date_order(tmp_path: Path) -> None:
    std = national()
    _, problems, r, data = office_data(
        tmp_path,
        """history:
  events:
    - id: cabinet-2516
      date: "2516-08-28"
      text:
        th: คณะรัฐมนตรีเห็นชอบให้มีอัตรากำลังในสำนักงานจังหวัดแม่ฮ่องสอน
        en: The Cabinet approves staff positions for the Mae Hong Son Provincial Office.
    - id: new-hall-2560
      date: "2560"
      text:
        th: ย้ายสำนักงานไปยังศาลากลางหลังใหม่
        en: The office moves to the new Provincial Hall.
""",
    )
    events = r.sections["history"].value.events
    assert len(events) == 10
    assert [e.date for e in events] == sorted(e.date for e in events)
    mine = {e.id for e in events if (e.text.en and "Mae Hong Son" in e.text.en) or e.id == "new-hall-2560"}
    assert mine == {"cabinet-2516", "new-hall-2560"}
    origins = dict(
        zip(
            [e["id"] for e in data["sections"]["history"]["content"]["events"]],
            data["sections"]["history"]["parts"]["events"]["items"],
            strict=True,
        )
    )
    assert origins["cabinet-2516"] == origins["new-hall-2560"] == "office"
    assert sum(o == "national" for o in origins.values()) == len(std.history.events) - 1
    assert r.sections["history"].parts["events"].overridden == ["cabinet-2516"]
    assert "1 in place of the national event with the same id: cabinet-2516" in problems[0].en


# ---------------------------------------------------------------------------------------------
# A section replaced wholesale


def test_a_whole_section_replaced_without_saying_so_is_a_warning(tmp_path: Path) -> None:
    one_duty = "  items:\n    - th: ส่งเสริมการท่องเที่ยวของจังหวัด\n      en: Promote tourism in the province.\n"
    _, problems, r, data = office_data(tmp_path, f"mandate:\n{one_duty}")
    assert [(p.code, p.severity) for p in problems] == [("I02", "warning")]
    assert (
        problems[0].en
        == "mandate: nothing of the national section is shown any more (7 national items no longer shown)"
    )
    assert "replace:\n          - items" in problems[0].fix_en
    assert len(r.sections["mandate"].value.items) == 1  # what the file says is shown, loudly
    # said explicitly: a note with the same count, no warning
    _, problems, r, data = office_data(tmp_path / "2", f"mandate:\n  replace:\n    - items\n{one_duty}")
    assert [(p.code, p.severity) for p in problems] == [("I01", "note")]
    assert problems[0].en.startswith("mandate.items: the 7 national items are no longer shown;")
    assert data["sections"]["mandate"]["parts"] == {"items": {"origin": "office"}}


def test_replace_in_the_national_file_is_an_error(tmp_path: Path) -> None:
    data = copy_data(tmp_path / "data", "thai-allowlist.txt")
    text = (PROJECT.data / "national.yaml").read_text(encoding="utf-8")
    text = text.replace("\nmandate:\n", "\nmandate:\n  replace:\n    - items\n", 1)
    (data / "national.yaml").write_text(text, encoding="utf-8")
    _, problems = load_dataset(project_for(data), lint=False)
    assert [p.code for p in problems if p.severity == "error"] == ["I03"]


def test_the_repository_offices_say_what_they_replace() -> None:
    """The data as it is: no warning (each whole list replaced is said so), and notes for what is merged."""
    ds, problems = load_dataset(PROJECT, lint=False)
    inherit = [p for p in problems if p.code.startswith("I")]
    assert not [str(p) for p in inherit if p.severity != "note"]
    by = {(Path(p.pos.path).stem, p.args["where"]) for p in inherit}
    assert ("mukdahan", "history.events") in by and ("ang-thong", "organisation.groups") in by
    mukdahan = next(r for r in ds.resolved() if r.slug == "mukdahan")
    events = mukdahan.sections["history"].parts["events"]
    assert events.own == 6 and events.national == 3  # the national events after B.E. 2519 are on its page


# ---------------------------------------------------------------------------------------------
# What editors read


@pytest.mark.parametrize("path", sorted((CASES / "notes").glob("*.yaml")), ids=lambda p: p.name)
def test_notes_golden(path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    code = main(["--root", str(CASES), "validate", "--notes", str(path.relative_to(REPO))])
    out = capsys.readouterr().out
    golden = path.with_suffix(".out")
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert code == 0
    assert out == golden.read_text(encoding="utf-8")
    assert "[I01]" in out and ": warning:" not in out
    # without --notes nothing is printed but the summary
    main(["--root", str(CASES), "validate", str(path.relative_to(REPO))])
    assert "[I01]" not in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------
# The page says which parts are the office's and which are the national standard


def page_html(ds, slug: str, lang: str) -> str:
    """The HTML of an office page's article, as a reader gets it (Markdown converted as MkDocs does)."""
    import markdown

    from changwat.build.render import render_site
    from changwat.build.urls import SiteInfo

    pages = {p.path: p.text for p in render_site(ds, SiteInfo(), PROJECT.templates, only=frozenset({slug}))}
    text = pages[f"provinces/{slug}.md" if lang == "th" else f"provinces/{slug}.{lang}.md"]
    body = text[4:].split("\n---\n", 1)[1]
    return markdown.Markdown(extensions=["attr_list", "toc", "md_in_html"]).convert(body)


def chart_nodes(html_text: str) -> list[str]:
    """The nodes of the org chart (head, groups, audit), each as its HTML."""
    import re

    chart = re.search(r'<figure class="cw-chart".*?</figure>', html_text, re.S).group(0)
    return re.findall(r'<div class="cw-node[^"]*">.*?</div>', chart, re.S)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_org_chart_says_which_groups_are_national_and_the_head_is_the_offices(tmp_path: Path, lang) -> None:
    from changwat.build.ui import ui_strings

    ui = ui_strings()[lang]
    ds, _, r, _ = office_data(tmp_path, f"{HEAD}organisation:\n  groups:\n{GROUP}")
    out = page_html(ds, "mae-hong-son", lang)
    head, *groups = chart_nodes(out)
    assert ("Mr Somchai Jaidee" if lang == "en" else "นายสมชาย ใจดี") in head
    assert ui["origin_national_item"] not in head
    names = [g.name.en if lang == "en" else g.name.th for g in r.sections["organisation"].value.groups]
    assert len(groups) == 5 and all(n in g for n, g in zip(names, groups, strict=True))
    assert ui["origin_national_item"] not in groups[0]  # the office's own group
    assert all(ui["origin_national_item"] in g for g in groups[1:])  # the 4 national ones, each marked
    # the section is the office's (not "inherited"), and says what in it is national, with the count
    org = out.split('id="org-chart"', 1)[1].split("<h2", 1)[0]
    assert ui["inherited_link"] not in org.split("<figure", 1)[0]
    count = "4 work groups" if lang == "en" else "กลุ่มงาน 4 รายการ"
    assert ui["origin_mixed"].format(parts=count) in html_unescape(org)
    # each national group's text (below the chart) is marked too, and left out of search on this page
    marked = [g for g in r.sections["organisation"].value.groups[1:]]
    for g in marked:
        block = org.split(f'id="group-{g.id}"', 1)[1].split("<h3", 1)[0]
        assert ui["origin_national_item"] in block


@pytest.mark.parametrize("lang", ["th", "en"])
def test_one_history_paragraph_page_shows_the_national_timeline_marked(tmp_path: Path, lang) -> None:
    from changwat.build.ui import ui_strings

    ui = ui_strings()[lang]
    ds, _, _, _ = office_data(
        tmp_path,
        """history:
  paragraphs:
    - text:
        th: สำนักงานจังหวัดแม่ฮ่องสอนตั้งอยู่ที่ศาลากลางจังหวัด
        en: The Mae Hong Son Provincial Office is at the Provincial Hall.
""",
    )
    out = page_html(ds, "mae-hong-son", lang)
    history = out.split('id="history"', 1)[1].split("<h2", 1)[0]
    assert (
        "The Mae Hong Son Provincial Office is at the Provincial Hall."
        if lang == "en"
        else "สำนักงานจังหวัดแม่ฮ่องสอนตั้งอยู่ที่ศาลากลางจังหวัด"
    ) in history
    events = history.split('<ol class="cw-timeline">', 1)[1].split("</ol>", 1)[0].split("<li")[1:]
    assert len(events) == 9 and all(ui["origin_national_item"] in e for e in events)
    count = "9 events" if lang == "en" else "เหตุการณ์ 9 รายการ"
    assert ui["origin_mixed"].format(parts=count) in html_unescape(history)
    # no "not provided yet" for a history the office wrote
    assert ui["history_missing"] not in history


def html_unescape(s: str) -> str:
    import html

    return html.unescape(s)
