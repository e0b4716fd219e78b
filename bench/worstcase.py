"""Worst-case inputs for `changwat validate`: time and memory against the budget.

    .venv/bin/python bench/worstcase.py [--cases soup,repeated,...] [--size BYTES] [--budget-s 10] [--budget-mib 1024]

Each case is an office file of up to --size bytes (default: just under the 1 MiB file limit),
built as the red-team review (shared/reference/redteam-review.md, findings 1 and 3) describes:

  soup         long runs of random Thai consonants and vowels without spaces (finding 1), texts of
               3,900 characters (just under the 4,000-character text limit)
  real-nospace real Thai paragraphs of the national content with their spaces removed, 3,900 characters
  repeated     one lint finding repeated: texts of "กa กa กa …" (finding 3, U05 hundreds of times a text)
  items        about 43,000 short, distinct, valid list items (the review's 70k were shorter and alike)
  long-line    one flow-style line holding every item, each with a finding (columns far to the right)

For each case it copies mkdocs.yml and data/ into a temporary project, writes the file as
data/provinces/krabi.yaml (a province with no file of its own), and runs
`changwat --root <tmp> validate data/provinces/krabi.yaml` in a subprocess with a fresh cache.
A first "baseline" run validates the project's own data (and fills the content cache each case
starts from). It prints one line per case: wall time, CPU time (user + system) and peak RSS of
that process (os.wait4's rusage; wall time depends on the machine's load, CPU time much less), the
problems it reported, and both as a ratio of the budget (≤ 10 s and ≤ 1 GiB on 2 cores).
Exit status 1 when a case is over budget.

The generators are also used by tests/test_thai_lint.py at small sizes.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 1024 * 1024 - 10  # bytes: the file-size limit of load/yaml.py, less a margin
TEXT = 3900  # characters of one text: under the 4,000 of K13
# an office that writes its own mandate, wholly (replace: no national item is kept, so no I02 warning)
HEADER = "province: krabi\nmandate:\n  replace: [items]\n  items:\n"


def _fill(lines: Callable[[int], str], size: int, header: str = HEADER) -> str:
    """The header, then lines(i) for i = 0, 1, … as long as the file stays within size bytes."""
    out, n, i = [header], len(header.encode()), 0
    while True:
        line = lines(i)
        b = len(line.encode())
        if n + b > size:
            break
        out.append(line)
        n += b
        i += 1
    return "".join(out)


def soup(size: int = LIMIT, text: int = TEXT, seed: int = 1) -> str:
    """Finding 1: random consonants, half of them with a vowel or tone mark, no spaces."""
    rnd = random.Random(seed)
    cons = [chr(c) for c in range(0x0E01, 0x0E2F)]
    vow = ["ะ", "า", "ิ", "ี", "ึ", "ื", "ุ", "ู", "เ", "แ", "โ", "ั", "่", "้"]

    def line(_: int) -> str:
        s = "".join(rnd.choice(cons) + (rnd.choice(vow) if rnd.random() < 0.5 else "") for _ in range(text))
        return f"    - th: {s[:text]}\n"

    return _fill(line, size)


def real_nospace(size: int = LIMIT, text: int = TEXT) -> str:
    """Real Thai (every Thai text of data/national.yaml) with the spaces removed, cut into texts."""
    import yaml

    def walk(x: object):
        if isinstance(x, dict):
            if isinstance(x.get("th"), str):
                yield x["th"]
            for v in x.values():
                yield from walk(v)
        elif isinstance(x, list):
            for v in x:
                yield from walk(v)

    national = yaml.safe_load((ROOT / "data" / "national.yaml").read_text(encoding="utf-8"))
    thai = re.sub(r"[^\u0e01-\u0e4e]", "", "".join(walk(national)))
    ring = thai * (text // len(thai) + 2)

    def start(i: int) -> int:
        """Somewhere else for each text (no two the same: nothing comes from a cache), at a letter
        that can begin a word (a consonant or a leading vowel, never a mark: U02 would be right)."""
        at = (i * 1009) % len(thai)
        while not ("\u0e01" <= ring[at] <= "\u0e2e" or "\u0e40" <= ring[at] <= "\u0e44"):
            at += 1
        return at

    return _fill(lambda i: f"    - th: {ring[start(i) : start(i) + text]}\n", size)


def repeated(size: int = LIMIT, text: int = 3990) -> str:
    """Finding 3: "กa " over and over, a U05 error every three characters."""
    t = ("กa " * (text // 3 + 1))[:text].strip()
    return _fill(lambda _: f'    - th: "{t}"\n', size)


def items(size: int = LIMIT) -> str:
    """About 43,000 short, distinct, valid list items (at 1 MiB)."""
    return _fill(lambda i: f"    - th: งาน {i}\n", size)


def long_line(size: int = LIMIT) -> str:
    """Every item on one flow-style line, each with a U05 error far to the right (the whole file
    within ``size`` bytes: it was 17 bytes over the limit, and refused as too large unread)."""
    head, tail = "province: krabi\nmandate: {replace: [items], items: [", "]}\n"
    body = _fill(lambda i: f"{{th: ก{'a' * (1 + i % 3)}}}, ", size - len(head) - len(tail), header="")
    return f"{head}{body.rstrip(', ')}{tail}"


CASES: dict[str, Callable[..., str]] = {
    "soup": soup,
    "real-nospace": real_nospace,
    "repeated": repeated,
    "items": items,
    "long-line": long_line,
}


def make_project(tmp: Path) -> Path:
    """A copy of the project's mkdocs.yml and data/ under tmp (the data may be changed freely)."""
    shutil.copy2(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "data", tmp / "data")
    return tmp


def run_case(project: Path, content: str | None) -> dict[str, object]:
    """Validate content as data/provinces/krabi.yaml of project in a subprocess; time, RSS, counts.

    The content cache starts as the one the baseline run (content None: the project's own data)
    left, so that a case measures its own file, not the linting of the rest of the data."""
    path = project / "data" / "provinces" / "krabi.yaml"
    base, cache = project / ".cache-base", project / ".cache-run"
    if content is None:
        path.unlink(missing_ok=True)
        cache = base
    else:
        path.write_text(content, encoding="utf-8")
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(base, cache)
    env = {**os.environ, "CHANGWAT_CACHE": str(cache)}
    exe = Path(sys.executable).parent / "changwat"
    cmd = [str(exe), "--root", str(project), "validate", "--max-problems", "5"]
    if content is not None:
        cmd.append("data/provinces/krabi.yaml")
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    m = re.search(r"(\d+) error\(s\), (\d+) warning\(s\)", text)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mib": usage.ru_maxrss / 1024,  # ru_maxrss is in KiB on Linux
        "rc": proc.returncode,
        "errors": int(m.group(1)) if m else None,
        "warnings": int(m.group(2)) if m else None,
        "bytes": len(content.encode()) if content is not None else 0,
        "output": text,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", default=",".join(CASES), help="comma-separated: " + ", ".join(CASES))
    ap.add_argument("--size", type=int, default=LIMIT, help="bytes per file (default: the 1 MiB limit)")
    ap.add_argument("--budget-s", type=float, default=10.0)
    ap.add_argument("--budget-mib", type=float, default=1024.0)
    args = ap.parse_args(argv)
    over = False
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; budget {args.budget_s:g} s, {args.budget_mib:g} MiB"
    )
    print(
        f"{'case':<13} {'bytes':>9} {'wall s':>7} {'CPU s':>6} {'RSS MiB':>8} {'wall/budget':>11} {'RSS/budget':>10}"
        "  rc  errors  warnings"
    )
    with tempfile.TemporaryDirectory(prefix="changwat-worst-") as tmp:
        project = make_project(Path(tmp))
        for name in ["baseline", *args.cases.split(",")]:
            r = run_case(project, None if name == "baseline" else CASES[name](args.size))
            t_ratio, m_ratio = r["wall"] / args.budget_s, r["rss_mib"] / args.budget_mib  # type: ignore[operator]
            over |= t_ratio > 1 or m_ratio > 1 or "Traceback" in str(r["output"])
            print(
                f"{name:<13} {r['bytes']:>9} {r['wall']:>7.2f} {r['cpu']:>6.2f} {r['rss_mib']:>8.0f} {t_ratio:>11.2f}"
                f" {m_ratio:>10.2f}  {r['rc']:>2}  {r['errors']!s:>6}  {r['warnings']!s:>8}",
                flush=True,
            )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
