"""Reliability (issue 16, the red-team review's findings): nothing from the data acts, only regular
files are data, and faults end with one clear line, never a traceback, a hang or a stray file.

Each test is a reproduction from /work/shared/reference/redteam-review.md (finding number in the
test's name), run against a copy of the data: `changwat validate` in a subprocess (with a memory
limit and a timeout, because the bug being guarded against is an unbounded read or a hang) or in
process where that is safe.
"""

from __future__ import annotations

import os
import resource
import subprocess
from pathlib import Path

import pytest

from conftest import VENV_BIN, copy_data

CHANGWAT = str(VENV_BIN / "changwat")


def _limit_memory() -> None:  # a child that reads /dev/zero must fail fast, not take the machine
    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the registry, an empty provinces/ and no national file (R07 is
    expected in every run; the tests look at the other problems)."""
    copy_data(tmp_path / "data")
    return tmp_path


def validate(root: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "CHANGWAT_CACHE": str(root / ".cache"), "NO_COLOR": "1"}
    return subprocess.run(
        [CHANGWAT, "--root", str(root), "validate", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
    )


def headers(out: str) -> list[str]:
    """The first line of each problem: path:line:col: severity: message [code]."""
    return [ln for ln in out.splitlines() if ": error: " in ln or ": warning: " in ln]


def codes_at(out: str, path: str) -> list[str]:
    return [h.rsplit("[", 1)[1].rstrip("]") for h in headers(out) if h.startswith(path + ":")]


# -- finding 2, 6, 15: only regular files under data/ are read ---------------------------------------

KRABI = "data/provinces/krabi.yaml"


def test_02_symlink_to_dev_zero_is_refused_not_read(project):
    os.symlink("/dev/zero", project / KRABI)
    r = validate(project)
    assert "Traceback" not in r.stderr and "MemoryError" not in r.stderr, r.stderr[-2000:]
    assert codes_at(r.stdout, KRABI) == ["Y15"], r.stdout


def test_02_fifo_is_refused_without_waiting(project):
    os.mkfifo(project / KRABI)
    r = validate(project, timeout=30)
    assert codes_at(r.stdout, KRABI) == ["Y14"], r.stdout
    assert "FIFO" in r.stdout


def test_02_device_named_by_path_under_data_is_refused(project):
    link = project / "data/provinces/krabi.yaml"
    os.symlink("/dev/zero", link)
    r = validate(project, KRABI)
    assert codes_at(r.stdout, KRABI) == ["Y15"], r.stdout
    assert r.returncode == 1


def test_02_read_is_bounded_by_bytes_read_not_stat(tmp_path):
    from changwat.load.files import NotReadable, read_data

    with pytest.raises(NotReadable) as err:  # outside data/ a device may be named, but reads stop
        read_data("/dev/zero", 1024)
    assert err.value.code == "Y01"


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ"])
def test_06_symlink_outside_the_repository_is_not_read(project, target):
    os.symlink(target, project / KRABI)
    r = validate(project)
    assert codes_at(r.stdout, KRABI) == ["Y15"], r.stdout
    assert "root:" not in r.stdout and "PATH=" not in r.stdout and "CHANGWAT_CACHE" not in r.stdout


def test_15_symlink_loop_is_a_problem_not_a_traceback(project):
    os.symlink("krabi.yaml", project / KRABI)
    r = validate(project)
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert codes_at(r.stdout, KRABI) == ["Y15"], r.stdout


def test_15_dangling_symlink(project):
    os.symlink("nowhere.yaml", project / KRABI)
    r = validate(project)
    assert codes_at(r.stdout, KRABI) == ["Y15"], r.stdout


def test_15_symlink_to_national_is_reported_under_its_own_name(project):
    (project / "data/national.yaml").write_text("earlier_structures: []\n", encoding="utf-8")
    os.symlink("../national.yaml", project / KRABI)
    r = validate(project)
    assert "Traceback" not in r.stderr
    assert codes_at(r.stdout, KRABI), r.stdout  # K02 province missing etc., blamed on krabi.yaml
    assert "checked 2 file(s)" in r.stdout + r.stderr


def test_15_symlink_to_a_file_inside_data_is_read(project):
    (project / "data/drafts").mkdir()
    (project / "data/drafts/krabi.yaml").write_text("province: krabi\n", encoding="utf-8")
    os.symlink("../drafts/krabi.yaml", project / KRABI)
    r = validate(project)
    assert codes_at(r.stdout, KRABI) == [], r.stdout


def test_19_folder_named_like_a_data_file(project):
    (project / KRABI).mkdir()
    r = validate(project)
    assert codes_at(r.stdout, KRABI) == ["Y14"], r.stdout
    assert "a folder" in r.stdout and "no such file" not in r.stdout


# -- finding 14: every file under data/ is published, known, or reported (R06) ------------------------


@pytest.mark.parametrize(
    "name", ["provinces/krabi.YAML", "provinces/krabi.yaml.txt", "provinces/sub/krabi.yaml", "krabi.yaml"]
)
def test_14_unpublished_files_are_reported(project, name):
    path = project / "data" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("province: krabi\n", encoding="utf-8")
    shown = f"data/{name}"
    for args in [(), ("data",), (shown,)]:
        r = validate(project, *args)
        assert codes_at(r.stdout, shown) == ["R06"], (args, r.stdout)
        assert "data/provinces/krabi.yaml" in r.stdout  # where it belongs
        assert r.returncode == 1


def test_14_known_files_are_not_reported(project):
    for name in ("CORRECTIONS.md", "thai-allowlist.txt"):
        (project / "data" / name).write_text("x\n", encoding="utf-8")
    r = validate(project)
    assert "[R06]" not in r.stdout, r.stdout


# -- findings 9, 10, 11: names and values from the data never act on the reader's screen ------------

EVIL_NAME = (
    "x\n::error file=README.md,line=1::Validation passed\n```\n## merged [ok](https:evil.example) |\n\x1b[2J.yaml"
)


def _evil_file(project: Path, problems: int = 205) -> Path:
    path = project / "data" / "provinces" / EVIL_NAME
    path.write_text("province: krabi\n" + "".join(f"k{i}: 1\n" for i in range(problems)), encoding="utf-8")
    return path


def test_09_github_format_escapes_every_line_including_the_more_line(project):
    _evil_file(project)
    r = validate(project, "--format", "github")
    for line in r.stdout.splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice ")), repr(line)
    assert "more problem(s)" in r.stdout
    assert "\x1b" not in r.stdout


def test_10_text_report_cannot_close_a_fence_or_start_a_heading(project):
    _evil_file(project, problems=3)
    r = validate(project)
    for line in r.stdout.splitlines():
        assert not line.lstrip(" ").startswith(("```", "##", "::")), repr(line)
    assert "\x1b" not in r.stdout


def test_10_status_markdown_escapes_file_names(project):
    _evil_file(project, problems=1)
    env = {**os.environ, "CHANGWAT_CACHE": str(project / ".cache")}
    r = subprocess.run(
        [CHANGWAT, "--root", str(project), "status", "--format", "markdown"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert not any(ln.startswith(("```", "##  merged", "## merged", "::")) for ln in lines), r.stdout
    table = [ln for ln in lines if ln.startswith("|")]
    assert all(ln.count("|") - ln.count("\\|") == 6 for ln in table), table
    assert "\x1b" not in r.stdout and "[ok](" not in r.stdout


def test_11_control_sequences_in_source_lines_are_shown_escaped(project):
    (project / KRABI).write_bytes("province: krabi\nname:\n  th: สำนักงาน\x1b]0;PWNED\x07\x1b[2J\x1b[31mRED\n".encode())
    r = validate(project)
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "\\x1b]0;PWNED" in r.stdout  # shown, escaped, on the source line
    caret = [ln for ln in r.stdout.splitlines() if ln.strip().startswith("|") and "^" in ln]
    assert caret


def test_11_status_escapes_values(project):
    (project / KRABI).write_text('province: krabi\nname:\n  th: "สำนักงาน\\e]0;PWNED\\a\\e[2J"\n', encoding="utf-8")
    env = {**os.environ, "CHANGWAT_CACHE": str(project / ".cache")}
    for fmt in ("text", "markdown"):
        r = subprocess.run(
            [CHANGWAT, "--root", str(project), "status", "--format", fmt],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "\x1b" not in r.stdout and "\x07" not in r.stdout, fmt
        assert "PWNED" in r.stdout


# -- finding 3 (second half): the build prints the same capped list as validate -----------------------


def test_03_build_report_is_capped_per_file(project):
    from changwat.build.pages import DataError, generate
    from changwat.project import Project

    (project / KRABI).write_text("province: krabi\n" + "".join(f"k{i}: 1\n" for i in range(450)), encoding="utf-8")
    with pytest.raises(DataError) as err:
        generate(Project.load(project), force=True)
    report = err.value.report
    assert report.count("[K01]") == 200
    assert "250 more problem(s)" in report


# -- finding 23: --max-problems takes no negative number -----------------------------------------------


def test_23_negative_max_problems_is_a_usage_error(project):
    r = validate(project, "--max-problems", "-1")
    assert r.returncode == 2 and "max-problems" in r.stderr


# -- finding 5: URL fields accept no deceptive address -----------------------------------------------


def _url_codes(website: str | None = None, source: str | None = None) -> list[tuple[str, str]]:
    import json

    from changwat.check.convert import convert
    from changwat.load.yaml import load_text
    from changwat.model import Office

    text = "province: krabi\n"
    if website is not None:
        text += f"contact:\n  website: {json.dumps(website)}\n"
    if source is not None:
        text += f"sources:\n  - id: s1\n    title: {{th: แหล่งที่มา, en: Source}}\n    url: {json.dumps(source)}\n"
    conv = convert(load_text(text, "x.yaml"), Office)
    return [(p.code, p.severity) for p in conv.loaded.problems]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.krabi.go.th@evil.example/",
        "http://user:pass@evil.example/",
        "https://user@www.krabi.go.th/",
        "mailto:saraban@krabi.go.th?bcc=spy@evil.example&subject=hi",
        "mailto:x@evil.example,y@evil.example",
        "mailto:?to=x@y.z",
        "https:///evil.example/",
        "https://evil.example/\u180e",
        "https://evil.example/\U000e0041",
        "https://evil.example/\u3164x",
        "https://evil.example/\u0e34",
        "http://localhost:8000/",
        "http://169.254.169.254/latest/meta-data/",
        "https://[::1]/",
    ],
)
def test_05_deceptive_urls_are_errors(url):
    from changwat.model.kinds import url_problem

    assert url_problem(url) is not None, url
    for codes in (_url_codes(source=url), _url_codes(website=url)):
        assert any(sev == "error" for _, sev in codes), (url, codes)


@pytest.mark.parametrize(
    "url", ["https://www.kr\u0430bi.go.th/", "https://\uff45\uff56\uff49\uff4c.example/", "https://xn--krbi-63d.go.th/"]
)
def test_05_non_ascii_hosts_are_a_warning_naming_the_decoded_host(url):
    from changwat.check.convert import convert
    from changwat.load.yaml import load_text
    from changwat.model import Office

    conv = convert(
        load_text(f'province: krabi\nsources:\n  - id: s1\n    title: {{th: ก, en: S}}\n    url: "{url}"\n', "x.yaml"),
        Office,
    )
    warned = [p for p in conv.loaded.problems if p.code == "K16"]
    assert len(warned) == 1 and warned[0].severity == "warning", conv.loaded.problems
    w = warned[0]
    assert w.args["ascii"] in w.en and w.args["decoded"] in w.en  # where browsers go, and how it reads
    assert any(ord(c) > 127 for c in w.fix_en)  # the letters that are not ASCII, named
    if "\uff45" not in url:
        assert "xn--" in w.en and any(ord(c) > 127 for c in w.en)


def test_05_official_website_expects_go_th():
    assert ("K17", "warning") in _url_codes(website="https://www.krabi-office.example/")
    assert _url_codes(website="https://www.krabi.go.th/") == []
    assert _url_codes(source="https://th.wikipedia.org/wiki/จังหวัดกระบี่") == []  # Thai marks after letters
    assert _url_codes(source="mailto:saraban@krabi.go.th") == []
    assert _url_codes(source="tel:+6675611234") == []


# -- findings 16, 17, 18, 24: writing docs/ — unique temporary names, atomic, clean on any fault ----------

from conftest import REPO  # noqa: E402

DRIVER = """
import os, signal, sys
from changwat.cli import main
calls = {"n": 0}
real_replace = os.replace
def replace(src, dst):
    if str(dst).startswith(os.environ[sys.argv[4]]):  # a page of docs/, or a file of the cache
        calls["n"] += 1
    if calls["n"] == int(sys.argv[1]):
        if sys.argv[2] == "TERM":
            os.kill(os.getpid(), signal.SIGTERM)
        elif sys.argv[2] == "INT":
            os.kill(os.getpid(), signal.SIGINT)
        else:
            raise OSError(28, "No space left on device")
    return real_replace(src, dst)
os.replace = replace
sys.exit(main(["--root", sys.argv[3], "pages"]))
"""


def _pages_env(docs: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, "CHANGWAT_DOCS_DIR": str(docs), "CHANGWAT_CACHE": str(cache)}


def _temporaries(docs: Path) -> list[str]:
    return sorted(str(p.relative_to(docs)) for p in docs.rglob("*") if p.name.endswith(".tmp"))


def test_16_a_write_interleaved_with_another_of_the_same_page_succeeds(tmp_path, monkeypatch):
    """The collision of two runs, made deterministic: the other run writes the same page between
    this run's temporary write and its rename."""
    from changwat.build import pages

    target = tmp_path / "provinces" / "krabi.md"
    real_replace = os.replace
    state = {"inner": False}

    def replace(src, dst):
        if not state["inner"]:
            state["inner"] = True
            pages._write_if_changed(target, b"other run\n")  # the other generation, complete
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert pages._write_if_changed(target, b"this run\n")
    assert target.read_text() == "this run\n"
    assert [p.name for p in target.parent.iterdir()] == ["krabi.md"]


def test_16_two_generations_at_once_both_succeed(tmp_path):
    for trial in range(2):
        docs = tmp_path / f"docs{trial}"
        env = _pages_env(docs, tmp_path / "cache")
        runs = [
            subprocess.Popen(
                [CHANGWAT, "--root", str(REPO), "pages"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [(r.wait(timeout=120), r.stderr.read()) for r in runs]
        for r in runs:
            r.stdout.close()
            r.stderr.close()
        assert [code for code, _ in results] == [0, 0], results
        assert _temporaries(docs) == []


@pytest.mark.parametrize(
    ("how", "where"),
    [
        ("TERM", "CHANGWAT_DOCS_DIR"),
        ("INT", "CHANGWAT_DOCS_DIR"),
        ("DISK", "CHANGWAT_DOCS_DIR"),
        ("INT", "CHANGWAT_CACHE"),
    ],
)
def test_17_18_24_interrupted_or_failed_generation_ends_in_one_line_and_leaves_no_temporary(tmp_path, how, where):
    """Stopped while it writes docs/ (the 40th page), or while it keeps rendered pages in the cache."""
    docs = tmp_path / "docs"
    r = subprocess.run(
        [str(VENV_BIN / "python"), "-c", DRIVER, "40", how, str(REPO), where],
        env=_pages_env(docs, tmp_path / "cache"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    assert r.returncode == (1 if how == "DISK" else 130), (r.returncode, r.stderr[-2000:])
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    assert ("No space left on device" in lines[0]) if how == "DISK" else ("interrupted" in lines[0])
    assert _temporaries(docs) == [] and _temporaries(tmp_path / "cache") == []


def test_24_stale_temporaries_of_dead_runs_are_removed(tmp_path):
    from changwat.build.pages import generate
    from changwat.project import Project

    docs = tmp_path / "docs"
    project = Project.load(REPO)
    project = type(project)(
        root=project.root, data=project.data, docs=docs, site=project.site, templates=project.templates
    )
    (docs / "provinces").mkdir(parents=True)
    legacy = docs / "provinces" / "ang-thong.md.tmp"  # the old fixed name
    dead = docs / "provinces" / ".ang-thong.md.999999999.abcdefgh.tmp"  # a run that no longer exists
    alive = docs / "provinces" / f".mukdahan.md.{os.getpid()}.abcdefgh.tmp"  # a run in progress
    for p in (legacy, dead, alive):
        p.write_bytes(b"")
    generate(project, force=True)
    assert _temporaries(docs) == [str(alive.relative_to(docs))]


def test_18_failed_cache_save_leaves_no_temporary(tmp_path, monkeypatch):
    import os

    from changwat.cache import ContentCache

    cache = ContentCache("lint", "fp", tmp_path)
    cache.put("k", [1])
    opened = os.fdopen

    class Full:
        """The temporary file, on a disk that fills up while it is written."""

        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[:1])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: Full(opened(*a, **k)))
    cache.save()
    assert list(tmp_path.iterdir()) == []


# -- finding 12: the cache is checked, never trusted ---------------------------------------------------

U05_FILE = 'province: krabi\nname:\n  th: "สำนักงานจังหวัดกระบี่a"\n  en: Krabi Provincial Office\n'


@pytest.fixture
def inproc(project, monkeypatch, capsys):
    """`changwat validate` in this process (pythainlp loads once for all these tests)."""
    from changwat.cli import main

    monkeypatch.chdir(project)
    monkeypatch.setenv("CHANGWAT_CACHE", str(project / ".cache"))

    def run(*args: str) -> subprocess.CompletedProcess:
        code = main(["--root", str(project), "validate", *args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


def _lint_cache(project: Path) -> Path:
    return project / ".cache" / "lint.json"


def _tamper(project: Path, entries=None, whole=None) -> None:
    import json

    path = _lint_cache(project)
    if whole is not None:
        path.write_text(whole, encoding="utf-8")
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in data["entries"]:
        data["entries"][key] = entries
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("whole", ["[]", "null", '"x"', "5", '{"fingerprint": 1, "entries": 5}', "{", "\xff"])
def test_12_a_cache_that_is_not_an_object_is_discarded_with_a_warning(project, inproc, whole):
    (project / KRABI).write_text(U05_FILE, encoding="utf-8")
    first = inproc(KRABI)
    assert codes_at(first.stdout, KRABI) == ["U05"], first.stdout
    _tamper(project, whole=whole)
    r = inproc(KRABI)
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert codes_at(r.stdout, KRABI) == ["U05"], r.stdout


def test_12_a_cache_with_the_right_fingerprint_but_wrong_entries_is_discarded(project, inproc):
    import json

    (project / KRABI).write_text(U05_FILE, encoding="utf-8")
    inproc(KRABI)
    data = json.loads(_lint_cache(project).read_text(encoding="utf-8"))
    data["entries"] = []
    _lint_cache(project).write_text(json.dumps(data), encoding="utf-8")
    r = inproc(KRABI)
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert codes_at(r.stdout, KRABI) == ["U05"], r.stdout
    assert "cache" in r.stderr  # said once, then rebuilt


# (An entry changed to [] — "no findings" — cannot be told from a clean text without linting it
# again, which is what the cache saves; the cache is a local speed-up, and CI starts without one.)
@pytest.mark.parametrize(
    "entry",
    [
        "garbage",
        [["ZZZ", 0, 3, "abc", None]],
        [["U05", 999990, 999999, "abc", None]],
        [["U05", 0, 3, "xyz", None]],
        [[1, 2]],
        {"a": 1},
    ],
)
def test_12_tampered_entries_are_relinted_not_served(project, inproc, entry):
    (project / KRABI).write_text(U05_FILE, encoding="utf-8")
    inproc(KRABI)
    _tamper(project, entries=entry)
    r = inproc(KRABI)
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert codes_at(r.stdout, KRABI) == ["U05"], r.stdout
    assert f"{KRABI}:3:" in r.stdout  # located in the file, not at a made-up offset


# -- finding 13: the registry is data too: checked, located, no traceback --------------------------------

REGISTRY = "data/registry/provinces.csv"


def _append_registry(project: Path, row: str) -> None:
    with (project / REGISTRY).open("a", encoding="utf-8") as fh:
        fh.write(row + "\n")


@pytest.mark.parametrize(
    "row",
    [
        "TH-10,index,ดัชนี,Index,central",
        "TH-S,open-data,ข้อมูล,Open Data,central",
        "TH-10,bogus,บอกัส,Bogus,southern",
        "TH-S,krabi,กระบี่2,Krabi 2,south",
        "TH-10,evil,=HYPERLINK(1),Evil,south",
        "TH-S,evil-two,ชื่อ,\u202eKrabi,south",
    ],
)
def test_13_registry_problems_are_located_problems(project, row):
    _append_registry(project, row)
    line = (project / REGISTRY).read_text(encoding="utf-8").count("\n")
    for fmt in ("text", "github"):
        r = validate(project, "--format", fmt)
        assert "Traceback" not in r.stderr, r.stderr[-2000:]
        assert r.returncode == 1
        if fmt == "text":
            assert codes_at(r.stdout, f"{REGISTRY}:{line}") == ["R08"], r.stdout
            assert "\u202e" not in r.stdout
        else:
            assert f"::error file={REGISTRY},line={line}," in r.stdout, r.stdout


def test_13_new_with_a_broken_registry_says_so_in_one_line(project):
    _append_registry(project, "TH-10,bogus,บอกัส,Bogus,southern")
    r = subprocess.run(
        [CHANGWAT, "--root", str(project), "new", "krabi", "--stdout"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in r.stderr and r.returncode == 2, r.stderr
    assert "provinces.csv:" in r.stderr and "southern" in r.stderr


# -- finding 19: messages name the right place and the right cause ---------------------------------------


def _load(text: str):
    from changwat.load.yaml import load_text

    return load_text(text, "x.yaml")


def test_19_lone_cr_line_endings_place_the_tab_on_its_line():
    loaded = _load("province: krabi\rname:\r  th: สำนักงาน\r  en:\tOffice\r")
    tabs = [p for p in loaded.problems if p.code == "Y04"]
    assert [(p.pos.line, p.pos.col) for p in tabs] == [(4, 6)]
    assert loaded.lines[3] == "  en:\tOffice"  # the caret line is the line YAML counts


def test_19_bom_in_the_middle_is_named_not_an_indentation_hint():
    loaded = _load("province: krabi\n\ufeffname:\n  th: ก\n  en: K\n")
    assert [(p.code, p.pos.line, p.pos.col) for p in loaded.problems] == [("Y11", 2, 1)]
    assert "FEFF" in loaded.problems[0].en


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n"])
def test_19_wrong_top_level_type_does_not_name_an_empty_key(text):
    from changwat.check.convert import convert
    from changwat.model import Office

    problems = convert(_load(text), Office).loaded.problems
    assert [p.code for p in problems] == ["K18"], problems
    assert '""' not in problems[0].en and '""' not in problems[0].th


# -- finding 22: the allow-list is read like a data file ----------------------------------------------


def test_22_allowlist_that_is_not_utf8_is_a_located_problem(project, inproc):
    (project / "data/thai-allowlist.txt").write_bytes("กระบี่\n".encode() + b"\xff\xfe bad\n")
    r = inproc()
    assert codes_at(r.stdout, "data/thai-allowlist.txt") == ["Y02"], r.stdout
    assert "data/thai-allowlist.txt:2:1:" in r.stdout


# -- finding 25: status counts only offices with a publishable file --------------------------------------


def test_25_status_does_not_count_a_misnamed_file(project):
    (project / "data/provinces/x-krabi.yaml").write_text("province: krabi\n", encoding="utf-8")
    env = {**os.environ, "CHANGWAT_CACHE": str(project / ".cache")}
    r = subprocess.run(
        [CHANGWAT, "--root", str(project), "status", "--format", "json"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    import json

    assert "krabi" in json.loads(r.stdout)["offices_without_file"]


# -- golden outputs of the problems that need a folder layout, not a file (tests/cases/bad/layout/) ------

LAYOUT_CASES = REPO / "tests" / "cases" / "bad" / "layout"


def _stray(data: Path) -> None:
    (data / "provinces" / "sub").mkdir()
    (data / "provinces" / "sub" / "krabi.yaml").write_text("province: krabi\n", encoding="utf-8")


LAYOUTS = {
    "y14-fifo": lambda data: os.mkfifo(data / "provinces" / "krabi.yaml"),
    "y15-link-outside-data": lambda data: os.symlink("/etc/passwd", data / "provinces" / "krabi.yaml"),
    "r06-subfolder": _stray,
    "r08-reserved-slug": lambda data: _append_registry(data.parent, "TH-10,index,ดัชนี,Index,central"),
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_golden(project, inproc, name):
    LAYOUTS[name](project / "data")
    r = inproc()
    assert r.returncode == 1
    golden = LAYOUT_CASES / f"{name}.out"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(r.stdout, encoding="utf-8")
    assert r.stdout == golden.read_text(encoding="utf-8")


def test_14_python_bytecode_caches_are_not_data(project):
    """A data folder that holds a script (registry/make_dopa.py, a test fixture's hook) gets a
    __pycache__ folder when the script runs: never an editor's file, never reported."""
    for folder in ("__pycache__", "registry/__pycache__", "provinces/__pycache__"):
        (project / "data" / folder).mkdir(parents=True, exist_ok=True)
        (project / "data" / folder / "x.cpython-311.pyc").write_bytes(b"\x00")
    (project / "data" / "LICENSE").write_text("CC BY 4.0\n", encoding="utf-8")
    r = validate(project)
    assert "[R06]" not in r.stdout, r.stdout
