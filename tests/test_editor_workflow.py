"""An editor's walk-through, as a test: start the office's file, turn a section on, make the usual
mistakes, read the pull-request annotations, fix them, validate clean, and generate the page.

    changwat new "Mae Hong Son"              → data/provinces/mae-hong-son.yaml, valid as written
    (turn on contact + sources, typo a key, forget the quotes around a phone number)
    changwat validate --format github ...    → two ::error annotations at the right line and column
    (fix both)
    changwat validate ...                    → clean
    changwat pages                           → docs/provinces/mae-hong-son.md shows the new contact
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_data
from changwat.cli import main

ROOT = Path(__file__).resolve().parents[1]
FILE = "data/provinces/mae-hong-son.yaml"
CLEAN = "ตรวจ 1 ไฟล์: ข้อผิดพลาด 0 คำเตือน 0 / checked 1 file(s): 0 error(s), 0 warning(s)\n"


def turn_on(text: str, key: str) -> str:
    """What Ctrl+/ does in VS Code on a commented section: remove "# " from each of its lines."""
    lines = text.split("\n")
    start = lines.index(f"# {key}:")
    end = start
    while end < len(lines) and lines[end].startswith("#") and (end == start or lines[end].startswith("#  ")):
        end += 1
    lines[start:end] = [line[2:] if line.startswith("# ") else line[1:] for line in lines[start:end]]
    return "\n".join(lines)


def line_of(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch) -> Path:
    copy_data(tmp_path / "data", "national.yaml", "thai-allowlist.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.build
def test_editor_walk_through(workdir: Path, capsys) -> None:
    # 1. start the office's file: valid as it is, the page shows the national standard
    assert main(["new", "Mae Hong Son"]) == 0
    path = workdir / FILE
    assert path.exists()
    code, out, _ = validate(capsys, FILE)
    assert (code, out) == (0, CLEAN)

    # 2. turn on the contact details and the sources, fill them in, with two typical mistakes
    text = turn_on(turn_on(path.read_text(encoding="utf-8"), "contact"), "sources")
    text = (text.replace("  address:\n", "  adress:\n")  # misspelt key
                .replace('    - "0 XXXX XXXX"\n', "    - 053611234\n")  # phone without quotes
                .replace('    - "ชื่อ@โดเมน"\n', "    - saraban@maehongson.go.th\n")
                .replace("  website: https://\n", "  website: https://www.maehongson.go.th/\n")
                .replace("    url: https://\n", "    url: https://www.maehongson.go.th/\n"))
    path.write_text(text, encoding="utf-8")
    key_line, phone_line = line_of(text, "  adress:"), line_of(text, "    - 053611234")

    # 3. the pull request's check: annotations on the right file, line and column
    code, out, err = validate(capsys, "--format", "github", FILE)
    assert code == 1
    annotations = out.splitlines()
    assert len(annotations) == 2, out
    assert annotations[0].startswith(f"::error file={FILE},line={key_line},col=3,title=changwat K01::")
    assert 'ไม่รู้จักคีย์ "adress" ใน "contact"' in annotations[0]
    assert 'did you mean "address"?' in annotations[0]
    assert annotations[1].startswith(f"::error file={FILE},line={phone_line},col=7,title=changwat K04::")
    assert "put it in quotes" in annotations[1] and "ใส่เครื่องหมายคำพูด" in annotations[1]
    assert "2 error(s)" in err

    # the same problems as an editor reads them in a terminal
    code, out, _ = validate(capsys, FILE)
    assert code == 1
    assert f"{FILE}:{key_line}:3: error: ไม่รู้จักคีย์ \"adress\"" in out
    assert f"  {phone_line} |     - 053611234\n" in out

    # 4. fix both, validate clean
    text = text.replace("  adress:\n", "  address:\n").replace("    - 053611234\n", '    - "053611234"\n')
    path.write_text(text, encoding="utf-8")
    code, out, _ = validate(capsys, FILE)
    assert (code, out) == (0, CLEAN)
    code, out, err = validate(capsys, "--format", "github", FILE)
    assert (code, out) == (0, "")

    # 5. preview: the page generator (what `make serve` runs) writes the office's page with the change
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANGWAT_")}
    env.update(CHANGWAT_DATA_DIR=str(workdir / "data"), CHANGWAT_DOCS_DIR=str(workdir / "docs"))
    result = subprocess.run([sys.executable, "-m", "changwat", "--root", str(ROOT), "pages"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    page = (workdir / "docs" / "provinces" / "mae-hong-son.md").read_text(encoding="utf-8")
    assert "053611234" in page and "saraban@maehongson.go.th" in page
    assert re.search(r"สำนักงานจังหวัดแม่ฮ่องสอน", page)
    english = (workdir / "docs" / "provinces" / "mae-hong-son.en.md").read_text(encoding="utf-8")
    assert "Mae Hong Son Provincial Office" in english and "053611234" in english
    assert not (ROOT / "data" / "provinces" / "mae-hong-son.yaml").exists()  # the repository was not touched
