"""Determinism: two clean builds of the same commit are byte-identical.

Two `mkdocs build --strict` runs of the repository, each generating docs/ from scratch into its own
empty folder and building into its own site folder, made as differently as a build can be made:

* build A: now, TZ=Etc/GMT+12 (UTC-12), PYTHONHASHSEED=1;
* build B: 40.5 days later (tests/fixtures/fakeclock.py moves Python's clock), TZ=Pacific/Kiritimati
  (UTC+14), PYTHONHASHSEED=2 (another order for every set and dict of strings built from hashes).

Every file must have the same bytes; the failure lists each differing file with a diff excerpt
(sitemap.xml.gz decompressed, with its header). SOURCE_DATE_EPOCH is removed from the environment:
the build must be reproducible without help from the caller.
"""

from __future__ import annotations

import difflib
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, VENV_BIN, build_env

pytestmark = pytest.mark.build  # real builds: not in make test-fast

FAKECLOCK = Path(__file__).parent / "fixtures" / "fakeclock.py"
BUILDS = {
    "A": {"days": None, "TZ": "Etc/GMT+12", "PYTHONHASHSEED": "1"},
    "B": {"days": 40.5, "TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "2"},
}


def start(tmp: Path, name: str, days: float | None, **env_extra: str) -> tuple[subprocess.Popen, Path]:
    docs, site = tmp / f"docs-{name}", tmp / f"site-{name}"
    docs.mkdir()
    env = build_env(CHANGWAT_DOCS_DIR=str(docs), **env_extra)
    env.pop("SOURCE_DATE_EPOCH", None)
    args = ["build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)]
    cmd = (
        [str(VENV_BIN / "mkdocs"), *args]
        if days is None
        else [sys.executable, str(FAKECLOCK), str(days), "mkdocs", *args]
    )
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, site


def files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def explain(rel: str, a: bytes, b: bytes) -> str:
    """A short account of how two versions of a file differ."""
    header = ""
    if rel.endswith(".gz"):
        header = f" (gzip header A {a[:10].hex()} B {b[:10].hex()}; bytes 4-7 are the mtime)"
        a, b = gzip.decompress(a), gzip.decompress(b)
        if a == b:
            return f"{rel}: same content, different gzip header{header}"
    try:
        ta, tb = a.decode("utf-8"), b.decode("utf-8")
    except UnicodeDecodeError:
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return f"{rel}: binary, {len(a)} vs {len(b)} bytes, first difference at byte {at}{header}"
    diff = list(difflib.unified_diff(ta.splitlines(), tb.splitlines(), "A/" + rel, "B/" + rel, n=1, lineterm=""))
    if len(diff) <= 2:  # one long line (minified JSON, HTML): show where it differs
        at = next((i for i, (x, y) in enumerate(zip(ta, tb)) if x != y), min(len(ta), len(tb)))
        diff = [f"A …{ta[max(0, at - 80) : at + 80]}…", f"B …{tb[max(0, at - 80) : at + 80]}…"]
    return f"{rel}{header}:\n" + "\n".join(line[:300] for line in diff[:16])


def test_two_clean_builds_are_byte_identical(tmp_path):
    started = {
        name: start(tmp_path, name, b["days"], TZ=b["TZ"], PYTHONHASHSEED=b["PYTHONHASHSEED"])
        for name, b in BUILDS.items()
    }  # both at once: about the time of one build
    sites = {}
    for name, (proc, site) in started.items():
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"build {name} failed:\n{out}\n{err}"
        sites[name] = site
    a, b = files(sites["A"]), files(sites["B"])
    assert len(a) > 200
    assert set(a) == set(b), f"only in A: {sorted(set(a) - set(b))[:20]}; only in B: {sorted(set(b) - set(a))[:20]}"
    differing = [rel for rel in a if a[rel].read_bytes() != b[rel].read_bytes()]
    report = "\n\n".join(explain(rel, a[rel].read_bytes(), b[rel].read_bytes()) for rel in differing[:10])
    assert not differing, f"{len(differing)} of {len(a)} files differ between the two builds:\n\n{report}"
