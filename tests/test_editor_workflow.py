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

from changwat.cli import main
from conftest import copy_data

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
    text = (
        text.replace("  address:\n", "  adress:\n")  # misspelt key
        .replace('    - "0 XXXX XXXX"\n', "    - 053611234\n")  # phone without quotes
        .replace('    - "ชื่อ@โดเมน"\n', "    - saraban@maehongson.go.th\n")
        .replace("  website: https://\n", "  website: https://www.maehongson.go.th/\n")
        .replace("    url: https://\n", "    url: https://www.maehongson.go.th/\n")
    )
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
    assert f'{FILE}:{key_line}:3: error: ไม่รู้จักคีย์ "adress"' in out
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
    result = subprocess.run(
        [sys.executable, "-m", "changwat", "--root", str(ROOT), "pages"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page = (workdir / "docs" / "provinces" / "mae-hong-son.md").read_text(encoding="utf-8")
    assert "053611234" in page and "saraban@maehongson.go.th" in page
    assert re.search(r"สำนักงานจังหวัดแม่ฮ่องสอน", page)
    english = (workdir / "docs" / "provinces" / "mae-hong-son.en.md").read_text(encoding="utf-8")
    assert "Mae Hong Son Provincial Office" in english and "053611234" in english
    assert not (ROOT / "data" / "provinces" / "mae-hong-son.yaml").exists()  # the repository was not touched


# ---------------------------------------------------------------------------------------------
# The live preview never hangs: `make preview` with a broken file answers at once with the problems
# (over the last good page), live reload announces the rebuild, and fixing the file brings the page back.


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 5) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", errors="replace")


def _until(url: str, test, timeout: float = 90) -> str:
    import time
    import urllib.error

    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            status, page = _get(url)
            if test(status, page):
                return page
            last = (status, page[:300])
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
            last = e
        time.sleep(0.2)
    raise AssertionError(f"{url}: not as expected after {timeout} s (last: {last})")


@pytest.fixture
def preview_server(tmp_path: Path):
    """`make preview OFFICE=ang-thong` on a free port, reading a copy of data/ (the repository is not touched)."""
    import signal

    port = _free_port()
    base = f"http://127.0.0.1:{port}/changwat/"
    data, docs = tmp_path / "data", tmp_path / "docs"
    shutil.copytree(ROOT / "data", data)
    docs.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANGWAT_")}
    env.update(
        NO_MKDOCS_2_WARNING="1",
        CHANGWAT_SITE_URL=base,
        CHANGWAT_PREVIEW="ang-thong",
        CHANGWAT_DATA_DIR=str(data),
        CHANGWAT_DOCS_DIR=str(docs),
    )
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "mkdocs"),
            "serve",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-a",
            f"127.0.0.1:{port}",
            "-w",
            str(data),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield base, data / "provinces" / "ang-thong.yaml", log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def _epoch(page: str) -> int:
    return int(re.search(r"livereload\((\d+), *\d+\)", page)[1])


def test_preview_shows_problems_and_recovers(preview_server) -> None:
    import time

    base, path, log = preview_server
    url = base + "provinces/ang-thong/"
    good = _until(url, lambda s, p: s == 200 and "สำนักงานจังหวัดอ่างทอง" in p)
    assert "changwat-problems" not in good
    original = path.read_text(encoding="utf-8")
    time.sleep(1.0)  # the first build's file events

    # break the file: an unquoted phone number in a new contact section
    broken = original.replace("\norganisation:\n", "\ncontact:\n  phones:\n    - 035611234\n\norganisation:\n", 1)
    line = broken.split("\n").index("    - 035611234") + 1
    path.write_text(broken, encoding="utf-8")
    # live reload is told about the rebuild (the server does not stay stuck on the failed build) ...
    status, epoch = _get(base.replace("/changwat/", "") + f"/livereload/{_epoch(good)}/1", timeout=70)
    assert status == 200 and int(epoch) > _epoch(good)
    # ... and every page answers at once, with the problem over the last good content
    started = time.monotonic()
    for page_url in (url, base + "en/provinces/ang-thong/", base):
        status, page = _get(page_url, timeout=10)
        assert status == 200, (page_url, status)
        assert 'id="changwat-problems"' in page, page_url
        assert f"provinces/ang-thong.yaml:{line}:7" in page and "[K04]" in page
        assert "put it in quotes: - &#34;035611234&#34;" in page or "put it in quotes: - &quot;035611234&quot;" in page
        assert "ใส่เครื่องหมายคำพูด" in page
        if page_url == url:
            assert "สำนักงานจังหวัดอ่างทอง" in page  # the last good page, under the banner
    assert time.monotonic() - started < 10
    status, page = _get(base + "no-such-page/", timeout=10)
    assert status == 404 and 'id="changwat-problems"' in page and 'http-equiv="refresh"' in page

    # fix it: the page comes back by itself, without the banner
    path.write_text(original, encoding="utf-8")
    _until(url, lambda s, p: s == 200 and 'id="changwat-problems"' not in p and "สำนักงานจังหวัดอ่างทอง" in p)
    log.seek(0)
    assert "server will appear stuck" not in log.read()


def test_preview_started_on_broken_data_answers(preview_server, tmp_path: Path) -> None:
    base, path, log = preview_server
    # the server is starting: break the file before its first build can read it
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("province: ang-thong\n", "province: ang-thong\nmandat: x\n", 1), encoding="utf-8")
    page = _until(base + "provinces/ang-thong/", lambda s, p: s == 200)
    assert (
        'id="changwat-problems"' in page
        and "[K01]" in page
        and "did you mean &#34;mandate&#34;" in page.replace("&quot;", "&#34;")
    )
    path.write_text(original, encoding="utf-8")
    _until(
        base + "provinces/ang-thong/",
        lambda s, p: s == 200 and 'id="changwat-problems"' not in p and "แปลงยุทธศาสตร์การพัฒนา" in p,
    )


# ---------------------------------------------------------------------------------------------
# GitHub-only editors: "add content for this office" opens GitHub's new-file editor with the guided
# start of `changwat new` (the whole guided file is ~60 KB, ~150 KB in a URL: too long for GitHub)

GITHUB_URL_LIMIT = 8000  # GitHub answers 414 URI Too Long above its limit; common limits are 8 KB


def _registry():
    from changwat.model.registry import load_registry

    return load_registry(ROOT / "data" / "registry" / "provinces.csv")


def test_add_content_link_opens_the_guided_start_for_every_office(workdir: Path, capsys) -> None:
    from urllib.parse import parse_qs, urlsplit

    from changwat.build.urls import SiteInfo
    from changwat.cli.new import web_start

    info = SiteInfo()
    for province in _registry():
        url = info.edit_url(province.slug, False, province)
        assert len(url) < GITHUB_URL_LIMIT, (province.slug, len(url))
        parts = urlsplit(url)
        assert parts.path == "/changwat/changwat/new/main/data/provinces"
        query = parse_qs(parts.query, keep_blank_values=True)
        assert query["filename"] == [f"{province.slug}.yaml"]
        start = query["value"][0]
        assert start == web_start(province, "https://github.com/changwat/changwat/blob/main/CONTRIBUTING.md")
        (workdir / "data" / "provinces").mkdir(exist_ok=True)
        (workdir / "data" / "provinces" / f"{province.slug}.yaml").write_text(start, encoding="utf-8")
    # every office's start, as GitHub commits it, is valid as written
    code, out, err = validate(capsys, "data/provinces")
    assert (code, out) == (0, out) and "ข้อผิดพลาด 0 คำเตือน 0" in out, out


def test_guided_start_is_the_one_changwat_new_writes(workdir: Path, capsys) -> None:
    from changwat.cli.new import web_start

    province = _registry().by_slug["mae-hong-son"]
    start = web_start(province, "https://github.com/changwat/changwat/blob/main/CONTRIBUTING.md")
    assert main(["new", "mae-hong-son"]) == 0
    full = (workdir / FILE).read_text(encoding="utf-8").split("\n")
    # every line that is YAML (commented or not) is the same, in the same order, as in `changwat new`'s file
    yaml_lines = [
        l
        for l in start.split("\n")
        if l.startswith(("province:", "name:", "  ", "#  ", "# head:", "# contact:", "# sources:"))
    ]
    at = 0
    for line in yaml_lines:
        assert line in full[at:], line
        at = full.index(line, at) + 1
    assert full[0] == start.split("\n")[0]  # the schema line: completion in github.dev and VS Code
    assert "CONTRIBUTING.md" in start and len(yaml_lines) > 30

    # a GitHub-only editor turns on the contact details in the web editor and commits: valid
    path = workdir / FILE
    text = turn_on(start, "contact")
    text = turn_on(text, "sources")
    text = (
        text.replace('    - "0 XXXX XXXX"\n', '    - "0 5361 1234"\n')
        .replace('    - "ชื่อ@โดเมน"\n', "    - saraban@maehongson.go.th\n")
        .replace("  website: https://\n", "  website: https://www.maehongson.go.th/\n")
        .replace("    url: https://\n", "    url: https://www.maehongson.go.th/\n")
    )
    path.write_text(text, encoding="utf-8")
    code, out, _ = validate(capsys, FILE)
    assert (code, out) == (0, CLEAN)
