"""Shared fixtures.

Site fixtures (render/site/browser tests):
  sample_provinces, sample_national, sample_office  hand-built model objects (no data files needed)
  site_server  a local http.server on 127.0.0.1 serving <tmp>/ (the site is at /changwat/)
  built_site   one real `mkdocs build --strict` of the repository's site into that folder, shared
               by the whole session (build once; 2 × 79 pages in a few seconds)

Options: ``--update-snapshots`` (or UPDATE_SNAPSHOTS=1) rewrites tests/snapshots/ instead of
comparing against them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from changwat.model import (
    AuditUnit,
    Contact,
    Event,
    Group,
    Head,
    History,
    ItemList,
    Law,
    LawRef,
    LawSection,
    LegalBasis,
    Missions,
    National,
    Office,
    Organisation,
    Passage,
    Source,
    SubGroup,
    Text,
)
from changwat.project import Project

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
PROJECT = Project.load(REPO)
# Every data folder a test makes (copies of data/ in temporary folders) shares the repository's lint
# and segmentation caches, as the editor's own runs do: findings depend only on the texts.
os.environ.setdefault("CHANGWAT_CACHE", str(PROJECT.cache))
REGISTRY_CSV = PROJECT.registry


def project_for(data: Path | None = None, docs: Path | None = None) -> Project:
    """The repository's project reading another data folder and/or writing another docs/."""
    return replace(PROJECT, data=data or PROJECT.data, docs=docs or PROJECT.docs)


def copy_data(dest: Path, *names: str) -> Path:
    """A data folder at dest with the repository's registry and the named files of data/
    (e.g. "national.yaml", "thai-allowlist.txt") and an empty provinces/ folder."""
    (dest / "provinces").mkdir(parents=True, exist_ok=True)
    shutil.copytree(PROJECT.data / "registry", dest / "registry", dirs_exist_ok=True)
    for name in names:
        shutil.copy(PROJECT.data / name, dest / name)
    return dest


# -- test tiers ---------------------------------------------------------------------------------
# `make test-fast` runs what is neither marked `build` (a real MkDocs/ProperDocs build or a subprocess
# generating the site) nor `browser` (headless Chromium); `make test` runs everything. Tests are marked
# by the fixtures they use (built_site → build; browser → browser and build) or explicitly.

BUILD_FIXTURES = {"built_site", "hostile_site", "site_server", "preview_server"}


def _mark_tiers(items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.build)
        elif names & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="rewrite tests/snapshots/ from the current output",
    )


@pytest.fixture(scope="session")
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-snapshots") or os.environ.get("UPDATE_SNAPSHOTS"))


# ---------------------------------------------------------------------------------------------
# Hand-built model objects


@dataclass(frozen=True)
class SampleProvince:
    iso: str
    slug: str
    th: str
    en: str
    region: str


@pytest.fixture
def sample_provinces() -> list[SampleProvince]:
    return [
        SampleProvince("TH-15", "ang-thong", "อ่างทอง", "Ang Thong", "central"),
        SampleProvince("TH-24", "chachoengsao", "ฉะเชิงเทรา", "Chachoengsao", "east"),
        SampleProvince("TH-49", "mukdahan", "มุกดาหาร", "Mukdahan", "northeast"),
    ]


def T(th: str, en: str | None = None) -> Text:
    return Text(th=th, en=en)


@pytest.fixture
def sample_national() -> National:
    return National(
        name=T("สำนักงานจังหวัด", "Provincial Office"),
        parent=T("สำนักงานปลัดกระทรวงมหาดไทย", "Office of the Permanent Secretary for Interior"),
        status=T("ราชการส่วนภูมิภาค", "Provincial administration"),
        history=History(
            sources=["n-1"],
            events=[
                Event(
                    id="cabinet-2516",
                    date="2516-08-28",
                    text=T("คณะรัฐมนตรีเห็นชอบ", "The Cabinet approves"),
                    provinces=["mukdahan", "ang-thong"],
                    law="act-2534",
                ),
            ],
        ),
        legal_basis=LegalBasis(
            sources=["n-1"],
            laws=[
                Law(
                    id="act-2534",
                    kind="act",
                    title=T("พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน", "State Administration Act"),
                    year_be=2534,
                    amendment=7,
                    sections=[
                        LawSection(
                            number="52/1",
                            text=T("ให้จังหวัดมีอำนาจ", "A province has the powers"),
                            items=[T("นำภารกิจของรัฐไปปฏิบัติ", "to implement state missions"), T("ดูแลให้มีการปฏิบัติตามกฎหมาย")],
                        )
                    ],
                ),
            ],
        ),
        mandate=ItemList(
            basis=LawRef(law="act-2534", section="52/1"),
            intro=T("มีอำนาจหน้าที่ดังนี้", "Its duties:"),
            items=[T("หน้าที่หนึ่ง", "duty one"), T("หน้าที่สอง", "duty two")],
        ),
        missions=Missions(paragraphs=[T("ย่อหน้าพันธกิจ", "Missions paragraph")], aims=[T("จุดมุ่งหมาย", "an aim")]),
        organisation=Organisation(
            groups=[
                Group(
                    id="admin",
                    name=T("กลุ่มงานอำนวยการ", "General Administration Group"),
                    duties=[T("หน้าที่ก", "duty a"), T("หน้าที่ข", "duty b")],
                    subgroups=[
                        SubGroup(
                            id="coord", name=T("กลุ่มประสานราชการ", "Coordination"), duties=[T("ประสานงาน", "coordinate")]
                        )
                    ],
                ),
                Group(
                    id="strategy",
                    name=T(
                        "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด", "Provincial Development Strategy and Information Group"
                    ),
                    duties=[T("จัดทำแผน", "plan")],
                ),
            ],
            audit=AuditUnit(
                name=T("หน่วยตรวจสอบภายใน", "Internal Audit Unit"), principles=[T("ความเป็นอิสระ", "independence")]
            ),
        ),
        sources=[Source(id="n-1", title=T("เอกสารมาตรฐาน", "Standard document"), url="https://example.org/std")],
    )


EVIL = "<script>alert(1)</script> {{ x }} *md* [a](javascript:x)"


@pytest.fixture
def sample_office() -> Office:
    """Ang Thong with its own history and organisation, hostile strings and an untranslated text."""
    return Office(
        province="ang-thong",
        head=Head(
            name=T("นางสาวตัวอย่าง ทดสอบ", "Ms Example Test"), position=T("หัวหน้าสำนักงานจังหวัดอ่างทอง"), as_of="2568-01-15"
        ),
        history=History(
            sources=["o-1"],
            paragraphs=[Passage(text=T(EVIL, EVIL)), Passage(text=T("ข้อความภาษาไทยเท่านั้น"))],
            events=[Event(id="founded", date="2516-08-28", text=T("ก่อตั้ง", "Founded"), provinces=["mukdahan"])],
        ),
        organisation=Organisation(
            sources=["o-1"],
            groups=[Group(id="evil", name=T(EVIL, EVIL), duties=[T(EVIL, None)])],
            audit=AuditUnit(name=T("หน่วยตรวจสอบภายใน", "Internal Audit Unit")),
        ),
        contact=Contact(
            address=T("ศาลากลางจังหวัดอ่างทอง", None),
            phones=["0 3561 1234"],
            emails=["office@example.go.th"],
            website="javascript:alert(1)",
        ),
        sources=[Source(id="o-1", title=T("เว็บไซต์สำนักงาน", "Office website"), url="[a](javascript:x)")],
    )


# ---------------------------------------------------------------------------------------------
# The built site (shared by test_site_build and test_browser)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing address gets the site's own 404.html with status 404, as GitHub Pages serves it."""
        page = Path(str(self.directory)) / "changwat" / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@dataclass
class SiteServer:
    root: Path  # served at http://127.0.0.1:<port>/; the site lives in root/changwat
    url: str  # http://127.0.0.1:<port>/changwat/ (the site_url the test build uses)


@dataclass
class BuiltSite:
    dir: Path
    url: str
    docs: Path
    seconds: float
    log: str


def search_index(site: Path) -> list[dict]:
    """What readers search: every page of Pagefind's index in ``site``/pagefind (its fragments,
    gzip-compressed JSON after a signature): url, content, meta.title, anchors (id, text)."""
    import gzip
    import json

    pages = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        pages.append(json.loads(data[len(b"pagefind_dcd") :]))
    return pages


def build_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANGWAT_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(overrides)
    return env


def run_build(tool: str, site_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`<tool> build --strict` of the repository's mkdocs.yml, docs/ and site/ redirected by env."""
    if "CHANGWAT_DOCS_DIR" in env:
        Path(env["CHANGWAT_DOCS_DIR"]).mkdir(parents=True, exist_ok=True)  # MkDocs checks it exists
    return subprocess.run(
        [str(VENV_BIN / tool), "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def site_server(tmp_path_factory: pytest.TempPathFactory):
    """A local web server on 127.0.0.1 (port chosen by the OS), serving the site under /changwat/
    like GitHub Pages would."""
    root = tmp_path_factory.mktemp("serve")
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield SiteServer(root, f"http://127.0.0.1:{httpd.server_address[1]}/changwat/")
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def built_site(site_server: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """One real `mkdocs build --strict` for the whole session, with site_url pointing at the local
    server (so the page's absolute links stay on 127.0.0.1) and docs/ in a temporary folder."""
    docs = tmp_path_factory.mktemp("docs")
    site_dir = site_server.root / "changwat"
    env = build_env(CHANGWAT_SITE_URL=site_server.url, CHANGWAT_DOCS_DIR=str(docs))
    start = time.monotonic()
    result = run_build("mkdocs", site_dir, env)
    seconds = time.monotonic() - start
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(site_dir, site_server.url, docs, seconds, result.stderr)


# -- headless Chromium (Debian's package; never `playwright install`) ------------------------------

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser test. Missing Chromium skips locally and fails in CI."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install -y chromium; `make test` does it as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


# -- the shared reference (seeds and their defect list), beside the repository ----------------------
#
# Tests that read the source texts themselves carry the `needs_reference` mark. What they may do:
#   * reference present: they run.
#   * GitHub Actions (GITHUB_ACTIONS=true) without it: a runner has only the repository, so they are
#     deselected by name, and the names and the reason are printed in the report. The facts they would
#     check are recorded in tests/reference/ and checked by other tests, which always run.
#   * any other CI (CI=true) without it: the run fails (CI machines of this project have the reference
#     beside the clone; a missing folder there is a broken setup, not a reason to test less).
#   * a developer's machine without it: skipped, with the reason shown by `pytest -rs`.

REFERENCE = Path(os.environ.get("CHANGWAT_REFERENCE") or REPO.parent / "shared" / "reference")
_DESELECTED_ON_GITHUB: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_reference(*paths): reads these files of the shared reference")


def needs_reference(*required: Path) -> pytest.MarkDecorator:
    """Mark for tests that read the source texts (see above for where they run)."""
    missing = [str(p) for p in required if not p.exists()]
    return pytest.mark.needs_reference(*missing)


def _missing_reference(item: pytest.Item) -> list[str]:
    return [str(p) for m in item.iter_markers("needs_reference") for p in m.args]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _mark_tiers(items)
    needing = [(item, missing) for item in items if (missing := _missing_reference(item))]
    if not needing:
        return
    paths = sorted({p for _, m in needing for p in m})
    if os.environ.get("GITHUB_ACTIONS") == "true":
        drop = {id(item) for item, _ in needing}
        config.hook.pytest_deselected(items=[item for item, _ in needing])
        items[:] = [item for item in items if id(item) not in drop]
        _DESELECTED_ON_GITHUB.extend(item.nodeid for item, _ in needing)
    elif os.environ.get("CI") == "true":
        raise pytest.UsageError(f"reference data missing in CI: {', '.join(paths)}")
    else:
        for item, missing in needing:
            item.add_marker(pytest.mark.skip(reason=f"reference data not found: {', '.join(missing)}"))


def pytest_report_header(config: pytest.Config) -> str:
    state = "found" if REFERENCE.is_dir() else "NOT FOUND"
    return f"changwat reference (seeds, defect list): {REFERENCE} ({state})"


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if _DESELECTED_ON_GITHUB:
        terminalreporter.section("deselected on GitHub: these tests read the shared reference")
        terminalreporter.write_line(
            f"{REFERENCE} is not beside the repository on a GitHub runner, so these tests are deselected by "
            "name; the facts they check are recorded in tests/reference/ and checked by the tests that ran:"
        )
        for name in _DESELECTED_ON_GITHUB:
            terminalreporter.write_line(f"  {name}")
