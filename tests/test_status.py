"""`changwat status` and translation_report(): texts with and without English, per office."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from changwat.check import load_dataset
from changwat.cli import main
from changwat.cli.status import OfficeStatus, shorten, translation_report
from changwat.model import Pos
from conftest import PROJECT, copy_data, project_for

ROOT = Path(__file__).resolve().parents[1]

OFFICE = """\
province: ang-thong
name:
  th: สำนักงานจังหวัดอ่างทอง
  en: Ang Thong Provincial Office
mandate:
  intro:
    th: สำนักงานจังหวัดอ่างทองมีหน้าที่ดังนี้
  items:
    - th: แปลงยุทธศาสตร์การพัฒนาระดับชาติไปเป็นยุทธศาสตร์การพัฒนาจังหวัดในพื้นที่ | ทดสอบ *ตัวหนา*
    - th: ดำเนินการด้านการบริหารทรัพยากรบุคคลและการพัฒนาระบบราชการของจังหวัด
      en: Manage human resources and public sector development in the province.
"""


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    d = copy_data(tmp_path / "data", "national.yaml", "thai-allowlist.txt")
    (d / "provinces" / "ang-thong.yaml").write_text(OFFICE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return d


def test_report(data: Path) -> None:
    dataset, _ = load_dataset(project_for(data), lint=False)
    report = translation_report(dataset)
    assert [s.slug for s in report] == ["national", "ang-thong"]
    national, office = report
    assert national.path == "data/national.yaml" and national.is_national
    assert isinstance(office, OfficeStatus)
    assert (office.slug, office.path, office.total, office.translated, office.untranslated) == (
        "ang-thong",
        "data/provinces/ang-thong.yaml",
        4,
        2,
        2,
    )
    assert office.percent == 50.0
    assert office.missing == [
        (Pos("data/provinces/ang-thong.yaml", 7, 9), "สำนักงานจังหวัดอ่างทองมีหน้าที่ดังนี้"),
        (
            Pos("data/provinces/ang-thong.yaml", 9, 11),
            "แปลงยุทธศาสตร์การพัฒนาระดับชาติไปเป็นยุทธศาสตร์การพัฒนาจังหวัดในพื้นที่ | ทดสอบ *ตัวหนา*",
        ),
    ]


def test_report_agrees_with_the_validate_note_on_the_real_data() -> None:
    """The same rule as T01 ("texts without English") of `changwat validate --notes`."""
    dataset, problems = load_dataset(PROJECT)
    notes = {p.pos.path: p.args["count"] for p in problems if p.code == "T01"}
    report = translation_report(dataset)
    assert report[0].slug == "national"
    assert {s.slug for s in report[1:]} == set(dataset.offices)
    for s in report:
        assert s.untranslated == notes.get(s.path, 0), s.path
        assert s.total >= s.translated >= 0 and len(s.missing) == s.untranslated
        assert s.total > 0


def test_file_without_texts_is_complete() -> None:
    assert OfficeStatus("yala", "data/provinces/yala.yaml", 0, 0).percent == 100.0


def test_shorten_never_cuts_a_mark_off_its_consonant() -> None:
    text = "กำหนดอำนาจหน้าที่ของสำนักงานจังหวัด"
    for limit in range(1, len(text)):
        short = shorten(text, limit)
        assert short.endswith("…")
        assert text.startswith(short[:-1])
        following = text[len(short) - 1]  # the first character left out
        assert following not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c", (
            limit,
            short,
        )
    assert shorten("สั้น") == "สั้น"
    assert shorten("หนึ่ง\n  สอง") == "หนึ่ง สอง"


def test_text_format(data: Path, capsys) -> None:
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("สถานะการแปลภาษาอังกฤษ / English translation status\n")
    row = next(line for line in out.splitlines() if line.startswith("ang-thong"))
    assert row.split() == ["ang-thong", "4", "2", "50.0%"]
    assert "ยังไม่ได้แปล 2 ข้อความ / not yet translated: 2 text(s)" in out
    assert "  data/provinces/ang-thong.yaml:7:9: สำนักงานจังหวัดอ่างทองมีหน้าที่ดังนี้" in out
    assert "  data/provinces/ang-thong.yaml:9:11: แปลงยุทธศาสตร์การพัฒนาระดับชาติไปเป็นยุทธศาสตร์การพัฒนาจังหวั…" in out
    assert "75 office(s) have no file yet" in out
    assert "รวม / total" in out


def test_json_format(data: Path, capsys) -> None:
    assert main(["status", "--format", "json", "--data", "data"]) == 0
    doc = json.loads(capsys.readouterr().out)
    office = doc["offices"][1]
    assert office == {
        "slug": "ang-thong",
        "path": "data/provinces/ang-thong.yaml",
        "total": 4,
        "translated": 2,
        "percent": 50.0,
        "missing": [
            {"path": "data/provinces/ang-thong.yaml", "line": 7, "col": 9, "th": "สำนักงานจังหวัดอ่างทองมีหน้าที่ดังนี้"},
            {
                "path": "data/provinces/ang-thong.yaml",
                "line": 9,
                "col": 11,
                "th": "แปลงยุทธศาสตร์การพัฒนาระดับชาติไปเป็นยุทธศาสตร์การพัฒนาจังหวัดในพื้นที่ | ทดสอบ *ตัวหนา*",
            },
        ],
    }
    national = doc["offices"][0]
    assert doc["total"]["total"] == national["total"] + 4
    assert doc["total"]["translated"] == national["translated"] + 2
    assert len(doc["offices_without_file"]) == 75 and "ang-thong" not in doc["offices_without_file"]


def test_markdown_format(data: Path, capsys) -> None:
    assert main(["status", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| ang-thong | `data/provinces/ang-thong.yaml` | 4 | 2 | 50.0% |" in out
    assert "### ang-thong: ยังไม่ได้แปล / not yet translated (2)" in out
    # Markdown in a Thai text is shown literally, never interpreted
    assert "- `data/provinces/ang-thong.yaml:9:11` แปลงยุทธศาสตร์" in out
    line = next(x for x in out.splitlines() if "9:11" in x)
    assert "|" not in line.replace("\\|", "")


def test_files_with_errors_are_counted_and_flagged(data: Path, capsys) -> None:
    (data / "provinces" / "chon-buri.yaml").write_text(
        "province: chon-buri\nname:\n  th: สำนักงานจังหวัดชลบุรี\nmandat: 1\n", encoding="utf-8"
    )
    assert main(["status"]) == 0
    out, err = capsys.readouterr()
    assert next(x for x in out.splitlines() if x.startswith("chon-buri")).split() == ["chon-buri", "1", "0", "0.0%"]
    assert "data/provinces/chon-buri.yaml" in err and "changwat validate" in err


def test_repository_status_runs(capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    for fmt in ("text", "markdown", "json"):
        assert main(["status", "--format", fmt]) == 0
    assert "national" in capsys.readouterr().out
