"""Hostile files: an alias bomb, deep nesting, a 50 MB file, binary garbage (and UTF-16), and
krabi.yaml as a link to /dev/zero or /etc/passwd, or a FIFO.

Each is put into a copy of the data as data/provinces/krabi.yaml and must be rejected, with its
problem code and position, by all three entry points:

* `changwat validate`,
* `changwat pages` (generation of docs/ alone),
* `mkdocs build --strict` (the real build, through hooks/changwat_site.py),

each within a second (CPU time) of a harmless failing run (a one-line syntax error: the control, which
measures start-up, about half a second) and with bounded memory: peak RSS at most 20 MB above the
control's. Both are measured with resource.getrusage in a small wrapper process, so they are the
command's own.

A failing build never publishes a partial site: the data is validated in the hook's on_config,
before MkDocs writes anything (it cleans site_dir only later), so an existing site/ is left exactly
as it was (same files, bytes and times), a missing site/ is not created, and docs/ is untouched.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, VENV_BIN, build_env, copy_data

pytestmark = pytest.mark.build  # real builds: not in make test-fast

# Runs a command and reports its time and peak memory (RUSAGE_CHILDREN of this wrapper: the command
# is its only child, so ru_maxrss is the command's peak in KiB).
MEASURE = """
import json, resource, subprocess, sys, time

start = time.monotonic()
r = subprocess.run(sys.argv[1:], capture_output=True)
seconds = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
def cut(b):  # the start (the message) and the end (the summary) of what may be a huge output
    s = b.decode("utf-8", "replace")
    return s if len(s) < 40000 else s[:20000] + " [...] " + s[-20000:]
print(json.dumps({"code": r.returncode, "seconds": seconds, "cpu": cpu, "peak_kib": peak, "out": cut(r.stdout), "err": cut(r.stderr)}))
"""
TARGET = "krabi.yaml"


def alias_bomb() -> bytes:
    """The "billion laughs": 9 levels of 10 aliases each, 10^9 strings if expanded."""
    lines = ["province: krabi", 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 10) + "]")
    return ("\n".join(lines) + "\nhistory:\n  paragraphs: *l8\n").encode()


def deep_flow() -> bytes:
    return b"province: krabi\nhistory: " + b"[" * 300_000 + b"]" * 300_000 + b"\n"


def deep_block() -> bytes:
    return ("province: krabi\n" + "".join(" " * i + f"k{i}:\n" for i in range(1300))).encode()


def huge() -> bytes:
    line = b"  - th: \xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa3\n"  # "  - th: การ"
    return b"province: krabi\nmandate:\n  items:\n" + line * (50 * 1024 * 1024 // len(line) + 1)


def binary() -> bytes:
    return random.Random(20250101).randbytes(256 * 1024)


def utf16() -> bytes:
    return "province: krabi\nstatus:\n  th: ราชการส่วนภูมิภาค\n".encode("utf-16")


class Link(str):
    """Not content: krabi.yaml is a symbolic link to this target (git can commit one)."""


class Fifo(bytes):
    """Not content: krabi.yaml is a named pipe (local only: git cannot commit one)."""


def link_dev_zero() -> Link:
    return Link("/dev/zero")  # stat() says 0 bytes; reading it never ends


def link_passwd() -> Link:
    return Link("/etc/passwd")  # a file outside the repository: its content must not reach any log


def fifo() -> Fifo:
    return Fifo()  # opening it for reading waits for a writer that never comes


CASES = {
    # name: (content, the problem code every entry point must report)
    "alias-bomb": (alias_bomb, "Y06"),
    "deep-flow": (deep_flow, "Y07"),
    "deep-block": (deep_block, "Y07"),
    "50mb": (huge, "Y01"),
    "binary": (binary, "Y02"),
    "utf16": (utf16, "Y02"),
    "link-dev-zero": (link_dev_zero, "Y15"),
    "link-passwd": (link_passwd, "Y15"),
    "fifo": (fifo, "Y14"),
}
CONTROL = b"province: krabi\nstatus: [\n"


@pytest.fixture(scope="module")
def base_data(tmp_path_factory) -> Path:
    """A copy of data/ that builds (checked once, which also warms the Thai lint cache, so that the
    timings below measure the hostile file, not the first segmentation of the national content)."""
    root = tmp_path_factory.mktemp("hostile-files")
    data = root / "data"
    copy_data(data, "national.yaml", "thai-allowlist.txt")
    for path in (REPO / "data" / "provinces").glob("*.yaml"):
        shutil.copy(path, data / "provinces" / path.name)
    result = generate(data, root / "docs")
    assert result["code"] == 0, result["err"]
    return data


def measure(cmd: list[str], env: dict[str, str], cwd: Path) -> dict:
    r = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd], env=env, cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def validate(data: Path) -> dict:
    return measure([str(VENV_BIN / "changwat"), "validate", f"data/provinces/{TARGET}"], build_env(), data.parent)


def generate(data: Path, docs: Path) -> dict:
    env = build_env(CHANGWAT_DATA_DIR=str(data), CHANGWAT_DOCS_DIR=str(docs))
    return measure([str(VENV_BIN / "changwat"), "--root", str(REPO), "pages"], env, REPO)


def mkdocs(data: Path, docs: Path, site: Path) -> dict:
    docs.mkdir(parents=True, exist_ok=True)
    env = build_env(CHANGWAT_DATA_DIR=str(data), CHANGWAT_DOCS_DIR=str(docs))
    return measure(
        [str(VENV_BIN / "mkdocs"), "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)], env, REPO
    )


def with_file(base: Path, tmp: Path, content: bytes) -> Path:
    data = tmp / "data"
    shutil.copytree(base, data)
    target = data / "provinces" / TARGET
    if isinstance(content, Link):
        os.symlink(content, target)
    elif isinstance(content, Fifo):
        os.mkfifo(target)
    else:
        target.write_bytes(content)
    return data


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def old_site(site: Path) -> None:
    for rel, text in (
        ("index.html", "<title>the old site</title>"),
        ("provinces/krabi/index.html", "old krabi"),
        ("assets/stylesheets/changwat.css", "body{}"),
        ("sitemap.xml", "<urlset/>"),
    ):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def control(base_data, tmp_path_factory) -> dict[str, dict]:
    """The same three commands failing on a one-line syntax error: start-up time and memory."""
    tmp = tmp_path_factory.mktemp("control")
    data = with_file(base_data, tmp, CONTROL)
    runs = {
        "validate": validate(data),
        "site": generate(data, tmp / "docs"),
        "mkdocs": mkdocs(data, tmp / "docs", tmp / "site"),
    }
    for name, run in runs.items():
        assert run["code"] != 0, (name, run)
    return runs


def report(name: str, run: dict) -> str:
    return (
        f"{name}: exit {run['code']}, {run['seconds']:.2f} s ({run['cpu']:.2f} s CPU), {run['peak_kib'] / 1024:.0f} MiB"
    )


def check_run(name: str, run: dict, base: dict, code: str) -> None:
    text = run["out"] + run["err"]
    assert run["code"] == 1, f"{report(name, run)} (must fail with exit 1)\n{text[-3000:]}"
    assert "Traceback" not in text, text[-3000:]
    assert "root:x:0:0" not in text, "a file outside the repository reached the output"
    # the clear message: file:line:col, severity, Thai and English text, the code
    assert f"provinces/{TARGET}:" in text and ": error: " in text and f"[{code}]" in text, text[-3000:]
    # CPU time within a second of the control's (wall time, which other processes inflate, more loosely)
    assert run["cpu"] <= base["cpu"] + 1.0, f"{report(name, run)}; control {report(name, base)}"
    assert run["seconds"] <= 2 * base["seconds"] + 2.0, f"{report(name, run)}; control {report(name, base)}"
    assert run["peak_kib"] <= base["peak_kib"] + 20 * 1024, f"{report(name, run)}; control {report(name, base)}"


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_rejected_fast_by_validate_and_both_builds(case, base_data, control, tmp_path):
    make, code = CASES[case]
    data = with_file(base_data, tmp_path, make())
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (docs / "index.md").write_text("old generated page\n", encoding="utf-8")
    before = snapshot(docs)

    runs = {"validate": validate(data), "site": generate(data, docs), "mkdocs": mkdocs(data, docs, site)}
    print("\n" + case + ": " + "; ".join(report(n, r) for n, r in runs.items()))
    for name, run in runs.items():
        check_run(name, run, control[name], code)
    assert "no pages were generated" in runs["site"]["err"] and "no pages were generated" in runs["mkdocs"]["err"]
    assert not site.exists(), "a failing build created the site folder"
    assert snapshot(docs) == before, "a failing build changed docs/"


def test_failing_build_leaves_the_published_site_untouched(base_data, tmp_path):
    data = with_file(base_data, tmp_path, alias_bomb())
    docs, site = tmp_path / "docs", tmp_path / "site"
    old_site(site)
    before = snapshot(site)
    run = mkdocs(data, docs, site)
    assert run["code"] == 1, run["err"][-2000:]
    assert snapshot(site) == before, "the failing build changed the existing site"
