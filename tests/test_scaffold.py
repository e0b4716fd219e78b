"""`changwat new`: the new office file is valid as written, guides the editor, and every commented
starting point is valid once turned on; provinces are found by any name; nothing is overwritten."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from changwat.check import load_dataset
from changwat.cli import main
from changwat.cli import new as scaffold
from changwat.model.registry import load_registry
from changwat.model.sections import SECTIONS
from conftest import REGISTRY_CSV, copy_data, project_for

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry(REGISTRY_CSV)


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    """A data folder like the repository's, with no office files; the working directory above it."""
    d = copy_data(tmp_path / "data", "national.yaml", "thai-allowlist.txt")
    monkeypatch.chdir(tmp_path)
    return d


def problems_of(data: Path, path: Path) -> list:
    _, problems = load_dataset(project_for(data))
    return [p for p in problems if p.pos.path == str(path.relative_to(data.parent)) and p.severity != "note"]


def template(slug: str, data: Path, open_sections=frozenset()) -> str:
    national, text, root = scaffold.load_national(data)
    return scaffold.office_template(REGISTRY.by_slug[slug], national, text, root, frozenset(open_sections))


def test_new_file_for_every_province_validates_without_errors_or_warnings(data: Path) -> None:
    for p in REGISTRY:
        assert main(["new", p.slug, "--data", str(data)]) == 0
    _, problems = load_dataset(project_for(data))
    assert [str(p) for p in problems] == []  # not even a note: every text has English
    assert len(list((data / "provinces").glob("*.yaml"))) == 76


def test_new_file_content(data: Path, capsys) -> None:
    assert main(["new", "mae-hong-son"]) == 0  # default --data: ./data
    out = capsys.readouterr().out
    assert "data/provinces/mae-hong-son.yaml" in out and "created" in out and "สร้างไฟล์" in out
    text = (data / "provinces" / "mae-hong-son.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schema/office.schema.json"
    assert "province: mae-hong-son" in lines
    assert "  th: สำนักงานจังหวัดแม่ฮ่องสอน" in lines and "  en: Mae Hong Son Provincial Office" in lines
    # a guide for every section, in Thai and English, saying what leaving it out means
    for guide in SECTIONS:
        assert f"# {guide.th} / {guide.en}" in text
        assert f"# {guide.name}:" in lines  # the commented starting point
    assert text.count("ถ้าไม่เขียน: ใช้เนื้อหามาตรฐานระดับประเทศ") == len(SECTIONS)
    assert text.count("If left out: the national standard is shown") == len(SECTIONS)
    assert 'เลขมาตรา "52/1"' in text and 'section numbers "52/1"' in text  # quoting
    assert "ห้ามใส่เบอร์โทรศัพท์ส่วนตัว" in text and "no personal phone numbers" in text
    assert "(7 item(s))" in text  # the national mandate's size, from data/national.yaml
    # the national file's own sources are not referred to from an office file
    assert not re.search(r"seed-\d+", text)
    assert "\t" not in text and text.endswith("\n") and not text.endswith("\n\n")


def test_commented_lines_are_the_open_lines_with_a_comment_mark(data: Path) -> None:
    """Removing "# " (what VS Code's Ctrl+/ does) from a section's lines gives exactly the open section."""
    every = {"head", "contact", "sources"} | {g.name for g in SECTIONS}
    closed = template("chon-buri", data).splitlines()
    opened = template("chon-buri", data, every).splitlines()
    assert len(closed) == len(opened)
    changed = 0
    for c, o in zip(closed, opened):
        if c != o:
            assert c == ("# " + o).rstrip(), (c, o)
            changed += 1
    assert changed > 300


@pytest.mark.parametrize("section", [g.name for g in SECTIONS])
def test_every_starting_point_is_valid_once_turned_on(data: Path, section: str) -> None:
    text = template("mae-hong-son", data, {section, "sources"}).replace(
        "url: https://\n", "url: https://www.maehongson.go.th/\n"
    )
    path = data / "provinces" / "mae-hong-son.yaml"
    path.write_text(text, encoding="utf-8")
    assert [str(p) for p in problems_of(data, path)] == []


def test_a_section_turned_on_without_its_source_says_so(data: Path) -> None:
    path = data / "provinces" / "mae-hong-son.yaml"
    path.write_text(template("mae-hong-son", data, {"mandate"}), encoding="utf-8")
    found = problems_of(data, path)
    assert [p.code for p in found] == ["R05"] and found[0].args["value"] == scaffold.SOURCE_ID


def test_placeholders_cannot_be_published_unchanged(data: Path) -> None:
    """Head, contact and source placeholders fail the check until the editor fills them in."""
    path = data / "provinces" / "mae-hong-son.yaml"
    path.write_text(template("mae-hong-son", data, {"head", "contact", "sources"}), encoding="utf-8")
    found = problems_of(data, path)
    assert {p.code for p in found} <= {"K06", "K10"}
    assert len(found) == 7  # head name th/en, as_of, phone, e-mail, website, source url
    assert all(p.severity == "error" for p in found)


@pytest.mark.parametrize("query", ["ang-thong", "Ang Thong", "ANG THONG", "อ่างทอง", "TH-15", "th-15", " ang thong "])
def test_province_by_any_name(query: str) -> None:
    assert scaffold.find_province(REGISTRY, query).slug == "ang-thong"


@pytest.mark.parametrize("query", ["angthong", "ayutthaya", "Bangkok", "xyzzy", ""])
def test_no_guessing(query: str) -> None:
    assert scaffold.find_province(REGISTRY, query) is None


def test_refuses_an_office_that_has_a_file(data: Path, capsys) -> None:
    path = data / "provinces" / "ang-thong.yaml"
    path.write_text("province: ang-thong\n", encoding="utf-8")
    for argv in (["new", "อ่างทอง"], ["new", "ang-thong", "--stdout"]):
        assert main(argv) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert "สำนักงานจังหวัดอ่างทองมีไฟล์อยู่แล้ว: data/provinces/ang-thong.yaml" in err
        assert "the Ang Thong Provincial Office already has a file: data/provinces/ang-thong.yaml" in err
    assert path.read_text(encoding="utf-8") == "province: ang-thong\n"
    (data / "provinces" / "chon-buri.yml").write_text("province: chon-buri\n", encoding="utf-8")
    assert main(["new", "chon-buri"]) == 1
    assert "data/provinces/chon-buri.yml" in capsys.readouterr().err
    assert not (data / "provinces" / "chon-buri.yaml").exists()


def test_refuses_an_unknown_province_with_did_you_mean(data: Path, capsys) -> None:
    assert main(["new", "angthong"]) == 1
    err = capsys.readouterr().err
    assert err.startswith('error: ไม่พบจังหวัด "angthong" ในทะเบียนจังหวัด\n')
    assert 'province "angthong" is not in the registry' in err
    assert 'หมายถึง "ang-thong" (อ่างทอง)' in err and 'did you mean "ang-thong" (Ang Thong)' in err
    assert list((data / "provinces").iterdir()) == []


@pytest.mark.parametrize(
    "query, expect",
    [
        ("Bangkok", "Bangkok is a special local administration and has no provincial office"),
        ("กรุงเทพมหานคร", "กรุงเทพมหานครเป็นองค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ"),
        ("Pattaya", "use changwat new chon-buri (Chon Buri)"),
        ("xyzzy", "use a province name (Thai or English) or a slug"),
    ],
)
def test_refusal_messages(data: Path, capsys, query: str, expect: str) -> None:
    assert main(["new", query]) == 1
    assert expect in capsys.readouterr().err


def test_stdout_prints_and_writes_nothing(data: Path, capsys) -> None:
    assert main(["new", "TH-58", "--stdout"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# yaml-language-server: $schema=../../schema/office.schema.json\n")
    assert "province: mae-hong-son\n" in out
    assert list((data / "provinces").iterdir()) == []


def test_missing_data_folder(tmp_path: Path, capsys) -> None:
    assert main(["new", "ang-thong", "--data", str(tmp_path / "nowhere")]) == 2  # wrong usage
    assert "no data folder" in capsys.readouterr().err


def test_without_national_file_the_guide_is_still_written(tmp_path: Path) -> None:
    copy_data(tmp_path / "data")
    target, text = scaffold.create("yala", tmp_path / "data")
    assert target == tmp_path / "data" / "provinces" / "yala.yaml"
    assert "province: yala" in text and "# history:" not in text and "(none yet)" in text


def test_cli_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["new"])
    assert exc.value.code == 2
