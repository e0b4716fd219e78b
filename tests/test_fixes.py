"""Every suggested fix is right: for each golden bad case (tests/cases/bad/**) whose fix is mechanical,
do what the fix says to the file, the way an editor would, and check that the file then validates
without that problem and without any new one (only the case's other problems may remain).

A fix is mechanical when the problem carries the replacement:

    K04            "put it in quotes: <the line as it must read>"   → the line is rewritten so
    did you mean   'did you mean "X"?' (K01, K08, R02, R05)        → the key or value becomes X
    K14            args["suggestion"] (the B.E. date)              → the date becomes it
    K09            "In B.E. it is NNNN"                              → the year becomes NNNN
    Thai lint      args["suggestion"] when not empty               → the found text becomes it

Everything else (delete a line, retype a word, choose an id, …) needs a person and is not applied.
The editor's reading of "put it in quotes: X": if the line holds X without its quotes, put the
quotes in; otherwise replace the underlined value by X (what a clerk does who cannot tell).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from changwat.check import load_dataset
from changwat.problems import Problem
from changwat.project import Project

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "cases" / "bad"
MEAN = re.compile(r'did you mean "([^"]+)"')


def problems_of(folder: Path, rel: str) -> list[Problem]:
    _, problems = load_dataset(Project.load(ROOT, data=folder / "data"), extra=[folder / rel])
    return [p for p in problems if p.pos.path.endswith(rel) and p.severity != "note"]


def replace_at(line: str, col: int, old: str, new: str) -> str:
    """Replace `old` at or after column `col` (1-based; a quoted value's caret is on its quote). In a
    double-quoted YAML value an invisible character may be written as its escape (\\uffa0): that
    escape is what the editor replaces."""
    if line.find(old, col - 1) < 0 and old.encode("unicode_escape").decode() in line:
        old = old.encode("unicode_escape").decode()
    at = line.find(old, col - 1)
    assert at >= 0, f"{old!r} is not at column {col} of {line!r}"
    return line[:at] + new + line[at + len(old) :]


def apply(problem: Problem, line: str) -> str | None:
    """The line after the problem's fix, or None when the fix is not mechanical."""
    a, col = problem.args, problem.pos.col
    if problem.code == "K04":
        prefix = "put it in quotes: "
        assert problem.fix_en.startswith(prefix), problem.fix_en
        written = problem.fix_en[len(prefix) :]
        unquoted = written.replace(f'"{a["value"]}"', a["value"])
        if unquoted != written and line.rstrip().endswith(unquoted):
            return line[: line.rstrip().rfind(unquoted)] + written + line[len(line.rstrip()) :]
        return replace_at(line, col, a["value"], written)
    if problem.code == "K14":
        return replace_at(line, col, a["value"], a["suggestion"])
    if problem.code == "K09" and (m := re.search(r"In B\.E\. it is (\d+)", problem.fix_en)):
        return replace_at(line, col, str(a["value"]), m[1])
    if problem.code in ("K01", "K08", "R02", "R05") and (m := MEAN.search(problem.fix_en)):
        return replace_at(line, col, a["key"] if problem.code == "K01" else str(a["value"]), m[1])
    if "found" in a and a.get("suggestion"):
        return replace_at(line, col, a["found"], a["suggestion"])
    return None


def cases() -> list[Path]:
    return sorted(BAD.rglob("*.yaml"))


def follow_the_fixes(case: Path, folder: Path) -> tuple[list[Problem], str | None]:
    """Apply the case's mechanical fixes in a copy of the data: (the problems fixed, what went wrong or None)."""
    rel = str(case.relative_to(ROOT))
    try:
        text = case.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], None  # not UTF-8 (Y02): the fix is to save the file again, not an edit
    shutil.copytree(ROOT / "data", folder / "data", ignore=shutil.ignore_patterns("provinces"))
    (folder / "data" / "provinces").mkdir()
    (folder / rel).parent.mkdir(parents=True, exist_ok=True)
    (folder / rel).write_text(text, encoding="utf-8", newline="")
    before = problems_of(folder, rel)
    lines = text.split("\n")
    fixed, rest = [], []
    # bottom-up and right to left, so that an edit does not move the places of the ones still to do
    for p in sorted(before, key=lambda p: (p.pos.line, p.pos.col), reverse=True):
        new = apply(p, lines[p.pos.line - 1])
        if new is None:
            rest.append(p)
        else:
            lines[p.pos.line - 1] = new
            fixed.append(p)
    if not fixed:
        return [], None
    (folder / rel).write_text("\n".join(lines), encoding="utf-8", newline="")
    after = problems_of(folder, rel)
    # clean, or only problems it had besides (a fix may also end another: a long garbled text that is
    # repaired is no longer too long to check, D02)
    if not {(p.code, p.pos.line) for p in after} <= {(p.code, p.pos.line) for p in rest}:
        return fixed, (
            f"{case.relative_to(BAD)}: after applying {[(p.code, p.fix_en) for p in fixed]}:\n  "
            + "\n  ".join(map(str, after))
        )
    return fixed, None


def test_following_the_fix_gives_a_valid_file(tmp_path: Path) -> None:
    failures, codes, count = [], set(), 0
    for i, case in enumerate(cases()):
        fixed, failure = follow_the_fixes(case, tmp_path / str(i))
        codes.update(p.code for p in fixed)
        count += bool(fixed)
        if failure:
            failures.append(failure)
    assert not failures, "\n".join(failures)
    # the kinds of fixes above really occur in the cases (a renamed argument would silently skip them)
    assert {"K04", "K01", "K08", "K14", "K09", "R02", "R05", "U01", "U03", "U04", "U14"} <= codes, sorted(codes)
    assert count >= 25, count
