"""Adding an office is exactly one new YAML file: no code, no configuration, no navigation edit.

A copy of data/ gets one minimal office file (data/provinces/chiang-mai.yaml); the repository's own
mkdocs.yml builds it with `mkdocs build --strict` (data, docs/ and site/ in temporary folders, chosen
with the CHANGWAT_DATA_DIR and CHANGWAT_DOCS_DIR switches mkdocs.yml reads). The office's page then
shows its content as its own, the province list marks it, its open data says so, and the site has
exactly the pages it had before.
"""

from __future__ import annotations

import csv
import filecmp
import io
import json
import re
import shutil

import pytest

from changwat.build.ui import ui_strings
from conftest import REPO, build_env, run_build

pytestmark = pytest.mark.build  # real builds: not in make test-fast

# Test data only (never published): one own section, one text deliberately without English.
NEW_OFFICE = """\
# yaml-language-server: $schema=../../schema/office.schema.json
province: chiang-mai
name:
  th: สำนักงานจังหวัดเชียงใหม่
  en: Chiang Mai Provincial Office
objectives:
  items:
    - th: ข้อความทดสอบวัตถุประสงค์ของสำนักงาน
      en: A test objective of the office
    - th: ข้อความทดสอบที่ยังไม่ได้แปล
"""


def _tree(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_one_new_yaml_file_publishes_an_office(tmp_path, built_site):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    assert not (data / "provinces" / "chiang-mai.yaml").exists()
    (data / "provinces" / "chiang-mai.yaml").write_text(NEW_OFFICE, encoding="utf-8")

    # nothing else differs from the repository's data
    assert set(_tree(data)) - set(_tree(REPO / "data")) == {"provinces/chiang-mai.yaml"}
    same, different, missing = filecmp.cmpfiles(REPO / "data", data, _tree(REPO / "data"), shallow=False)
    assert different == [] and missing == []

    site_dir = tmp_path / "site"
    env = build_env(
        CHANGWAT_SITE_URL=built_site.url, CHANGWAT_DATA_DIR=str(data), CHANGWAT_DOCS_DIR=str(tmp_path / "docs")
    )
    result = run_build("mkdocs", site_dir, env)
    assert result.returncode == 0, result.stdout + result.stderr

    # the same pages as the repository's site: no new page, nothing to add to the navigation
    def pages(root):
        return {p.relative_to(root).as_posix() for p in root.rglob("index.html")}

    assert pages(site_dir) == pages(built_site.dir)

    for lang, prefix in (("th", ""), ("en", "en/")):
        ui = ui_strings()[lang]
        office = (site_dir / prefix / "provinces/chiang-mai/index.html").read_text(encoding="utf-8")
        # the new content, marked as the office's own
        assert "ข้อความทดสอบที่ยังไม่ได้แปล" in office
        assert ("ข้อความทดสอบวัตถุประสงค์ของสำนักงาน" if lang == "th" else "A test objective of the office") in office
        assert "cw-origin--own" in office and "cw-origin--national" not in office
        objectives = re.search(r'<h2 id="objectives">.*?(?=<h2 )', office, re.S).group(0)
        assert "cw-inherited" not in objectives
        assert re.search(r'<h2 id="mandate" data-search-exclude>.*?cw-inherited', office, re.S)  # still the standard
        if lang == "en":
            assert '<span lang="th">ข้อความทดสอบที่ยังไม่ได้แปล</span> <span class="cw-nt">' in office
        # the edit link now opens the office's file
        assert re.search(
            r'href="https://github\.com/changwat/changwat/edit/main/[^"]*/provinces/chiang-mai\.yaml"', office
        )

        # the province list marks it, with its translation below 100 %
        listing = (site_dir / prefix / "provinces/index.html").read_text(encoding="utf-8")
        item = re.search(r'<a class="cw-provinces__name" href="chiang-mai/">.*?</li>', listing, re.S).group(0)
        assert ui["badge_own"] in item and "cw-badge--partial" in item
        pct = int(re.search(r"(\d+)%", item).group(1))
        assert 90 <= pct < 100
        before = (built_site.dir / prefix / "provinces/index.html").read_text(encoding="utf-8")
        before_item = re.search(r'<a class="cw-provinces__name" href="chiang-mai/">.*?</li>', before, re.S).group(0)
        assert ui["badge_own"] not in before_item

    # the open data says the same
    office_json = json.loads((site_dir / "data/provinces/chiang-mai.json").read_text(encoding="utf-8"))
    assert office_json["sections"]["objectives"]["origin"] == "office"
    assert office_json["sections"]["objectives"]["content"]["items"][1] == {"th": "ข้อความทดสอบที่ยังไม่ได้แปล", "en": None}
    rows = {
        r["slug"]: r for r in csv.DictReader(io.StringIO((site_dir / "data/offices.csv").read_text(encoding="utf-8")))
    }
    assert rows["chiang-mai"]["has_own_content"] == "true" and rows["chiang-mai"]["own_sections"] == "objectives"
    assert len(rows) == 76
