"""Golden tests for `changwat validate`: each tests/cases/bad/**/*.yaml has its exact expected output
(tests/cases/bad/**/*.out) and exits 1; warn cases exit 0 with their warnings; good cases print nothing.

Regenerate the .out files after an intended change: UPDATE_GOLDEN=1 pytest tests/test_validate_golden.py
(then read the diff: it is what editors will see).
"""

from __future__ import annotations

import os
import resource
from pathlib import Path

import pytest

from changwat.cli import main

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def run(capsys, *args: str) -> tuple[int, str, str]:
    """`changwat validate` of case files against the cases' own data folder (tests/cases/data: its
    national content, registry and allow-list), so that editing data/ never changes a golden file."""
    code = main(["--root", str(CASES), "validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def cases(kind: str) -> list[Path]:
    return sorted((CASES / kind).rglob("*.yaml"))


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch):
    monkeypatch.chdir(ROOT)


def check_golden(path: Path, out: str) -> None:
    golden = path.with_suffix(".out")
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.relative_to(ROOT)}: run with UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", cases("bad"), ids=lambda p: str(p.relative_to(CASES / "bad")))
def test_bad_case(path: Path, capsys) -> None:
    code, out, _ = run(capsys, str(path.relative_to(ROOT)))
    assert "Traceback" not in out
    check_golden(path, out)
    assert code == 1, out
    first = out.splitlines()[0]
    assert first.startswith(f"{path.relative_to(ROOT)}:"), first
    assert ": error: " in out and "[" in first and first.endswith("]")


@pytest.mark.parametrize("path", cases("warn"), ids=lambda p: p.name)
def test_warning_case(path: Path, capsys) -> None:
    code, out, _ = run(capsys, str(path.relative_to(ROOT)))
    check_golden(path, out)
    assert code == 0
    assert ": warning: " in out and ": error: " not in out


@pytest.mark.parametrize("path", cases("good"), ids=lambda p: p.name)
def test_good_case(path: Path, capsys) -> None:
    code, out, _ = run(capsys, str(path.relative_to(ROOT)))
    assert code == 0, out
    assert ": error:" not in out and ": warning:" not in out


def test_at_least_40_distinct_bad_cases() -> None:
    outs = {p.with_suffix(".out").read_text(encoding="utf-8") for p in cases("bad") if p.with_suffix(".out").exists()}
    codes = {line.rsplit("[", 1)[1].rstrip("]") for out in outs for line in out.splitlines() if ": error: " in line}
    assert len(cases("bad")) >= 40
    assert len(outs) == len(cases("bad"))  # every case shows something different
    assert len(codes) >= 25, sorted(codes)


def test_repository_data_is_clean(capsys) -> None:
    code, out, _ = run(capsys)
    assert code == 0, out
    assert ": error: " not in out


def test_github_format(capsys) -> None:
    path = "tests/cases/bad/unknown-key.yaml"
    code, out, _ = run(capsys, "--format", "github", path)
    assert code == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert lines[0].startswith(f"::error file={path},line=3,col=1,title=changwat K01::")
    assert 'did you mean "mandate"?' in lines[0] and "%0A" in lines[0]


def test_usage_errors_exit_2(capsys) -> None:
    code, _, err = run(capsys, "tests/cases/no-such-file.yaml")
    assert code == 2 and "no-such-file.yaml" in err
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "xml"])
    assert exc.value.code == 2


def test_huge_file_is_rejected_fast_without_reading_it(tmp_path, capsys, monkeypatch) -> None:
    """A 50 MB file: rejected in well under a second, with bounded memory (it is never read)."""
    gen = CASES / "generated"
    gen.mkdir(exist_ok=True)
    huge = gen / "huge.yaml"
    try:
        with huge.open("wb") as fh:
            line = b"province: ang-thong\n"
            fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        code, out, _ = run(capsys, str(huge.relative_to(ROOT)))
        grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    finally:
        huge.unlink(missing_ok=True)
    assert code == 1
    check_golden(CASES / "huge.yaml", out)
    assert grown_kb < 20 * 1024  # far less than the file's 50 MB: it is never read
