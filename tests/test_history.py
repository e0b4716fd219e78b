"""Dates and changes from the repository's history (build/history.py) and the Atom feeds
(build/feeds.py): what counts as a change of a page, dates in B.E./CE, no history without git or
in a shallow clone, one git log per build, valid and deterministic feeds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser  # a test dependency (pyproject.toml [test])
import pytest

from changwat.build import feeds as feeds_mod
from changwat.build import git as git_mod
from changwat.build.feeds import feed_files, feed_links, feed_path
from changwat.build.history import ChangeDate, History, history_of, parse_log
from changwat.build.urls import SiteInfo
from changwat.check import load_dataset
from conftest import PROJECT, copy_data, project_for

A = "{http://www.w3.org/2005/Atom}"
INFO = SiteInfo(site_url="https://example.org/site/", repo_url="https://git.example/org/changwat")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def git(cwd: Path, *args: str, date: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="Clerk",
        GIT_AUTHOR_EMAIL="clerk@example.org",
        GIT_COMMITTER_NAME="Clerk",
        GIT_COMMITTER_EMAIL="clerk@example.org",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(cwd),
    )
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    out = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def commit(repo: Path, message: str, date: str, files: dict[str, str]) -> str:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A repository whose data/ changed in five commits (times in UTC):
    national, registry, office a, office b + allow-list, both offices + national (late at night UTC)."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    commit(root, "README only", "2026-01-01T00:00:00Z", {"README.md": "x\n"})
    shas = {
        "national": commit(root, "National content", "2026-01-02T10:00:00Z", {"data/national.yaml": "a: 1\n"}),
        "registry": commit(root, "Registry", "2026-01-03T10:00:00Z", {"data/registry/provinces.csv": "x\n"}),
        "a": commit(root, "Office A", "2026-01-04T10:00:00Z", {"data/provinces/a.yaml": "province: a\n"}),
        "b": commit(
            root,
            "Office B & <allow-list>",
            "2026-01-05T10:00:00Z",
            {"data/provinces/b.yaml": "province: b\n", "data/thai-allowlist.txt": "x\n"},
        ),
        # 20:30 UTC on 6 January is 03:30 on 7 January in Thailand
        "both": commit(
            root,
            "Both offices and national",
            "2026-01-06T20:30:00Z",
            {
                "data/provinces/a.yaml": "province: a\nx: 1\n",
                "data/provinces/b.yaml": "province: b\nx: 1\n",
                "data/national.yaml": "a: 2\n",
            },
        ),
        "other": commit(root, "Not data", "2026-01-07T10:00:00Z", {"README.md": "y\n"}),
    }
    return root, shas


def test_page_history_counts_own_file_national_and_registry(repo):
    root, shas = repo
    h = history_of(root / "data")
    assert h.available, h.reason
    assert [c.sha for c in h.office("a").changes] == [shas["both"], shas["a"], shas["registry"], shas["national"]]
    assert [c.sha for c in h.office("b").changes] == [shas["both"], shas["b"], shas["registry"], shas["national"]]
    # an office without a file: the national content and the registry only
    assert [c.sha for c in h.office("c").changes] == [shas["both"], shas["registry"], shas["national"]]
    assert [c.sha for c in h.standard().changes] == [shas["both"], shas["national"]]
    # the site: every change a page shows; the allow-list alone is not one, a commit outside data/ neither
    assert shas["other"] not in [c.sha for c in h.changes]
    assert [c.sha for c in h.site().changes] == [shas[k] for k in ("both", "b", "a", "registry", "national")]
    a = h.office("a").changes
    assert a[0].scopes("a") == ("office", "national") and a[2].scopes("a") == ("registry",)
    assert h.changes[0].offices() == ("a", "b")
    assert a[0].url("https://git.example/org/changwat/") == f"https://git.example/org/changwat/commit/{shas['both']}"


def test_dates_in_thai_time_be_in_thai_ce_with_be_in_english(repo):
    root, _ = repo
    h = history_of(root / "data")
    updated = h.office("a").updated
    assert updated is not None
    assert updated.iso == "2026-01-07T03:30:00+07:00"  # the commit was at 20:30 UTC on the 6th
    assert updated.iso_date == "2026-01-07"
    assert updated.format("th") == "7 มกราคม 2569"
    assert updated.format("en") == "7 January 2026 (B.E. 2569)"
    assert updated.cite("th") == "2569, 7 มกราคม"
    assert updated.cite("en") == "2026, January 7"
    assert h.standard().changes[-1].date.format("en") == "2 January 2026 (B.E. 2569)"


def test_parse_log_keeps_subject_and_files():
    text = (
        "\x1eabc\x1f2026-11-29T22:59:06+00:00\x1fSubject with \x1f inside\n\nnational.yaml\nprovinces/a.yaml\n"
        "\x1edef\x1f2026-11-28T01:00:00-05:00\x1fSecond\n\nprovinces/ทดสอบ.yaml\n"
    )
    a, b = parse_log(text)
    assert (a.sha, a.subject, a.files) == ("abc", "Subject with \x1f inside", ("national.yaml", "provinces/a.yaml"))
    assert a.date.iso == "2026-11-30T05:59:06+07:00"
    assert b.date.iso == "2026-11-28T13:00:00+07:00" and b.files == ("provinces/ทดสอบ.yaml",)
    with pytest.raises(ValueError):
        ChangeDate.from_iso("2026-11-29T10:00:00")  # no zone: refuse to guess


def test_commit_subjects_mark_their_language_runs():
    from changwat.build.history import language_runs
    from changwat.build.views import TextView

    subject = "Ang Thong: one term for ส่วนกลาง (central) และ กลุ่มงาน 2, fixed"
    assert language_runs(subject, "en") == (
        TextView("Ang Thong: one term for "),
        TextView("ส่วนกลาง", "th"),
        TextView(" (central) "),
        TextView("และ กลุ่มงาน", "th"),
        TextView(" 2, fixed"),
    )
    assert language_runs(subject, "th") == (
        TextView("Ang Thong: one term for ", "en"),
        TextView("ส่วนกลาง"),
        TextView(" (central) ", "en"),
        TextView("และ กลุ่มงาน"),
        TextView(" 2, fixed", "en"),
    )
    assert language_runs("แก้ไขเบอร์โทร 0 3561 1234", "th") == (TextView("แก้ไขเบอร์โทร 0 3561 1234"),)
    assert language_runs("2569-01", "en") == (TextView("2569-01"),)
    assert language_runs("", "en") == ()


def test_no_git_checkout_means_no_history(tmp_path):
    data = copy_data(tmp_path / "data", "national.yaml")
    h = history_of(data)
    assert not h.available and "not in a git checkout" in h.reason
    assert h.office("ang-thong").updated is None and h.office("ang-thong").changes == ()
    assert not h.site().available and h.site().changes == ()
    dataset, problems = load_dataset(project_for(data=data))
    assert not [p for p in problems if p.severity == "error"]
    assert feed_files(dataset, INFO, h) == []
    assert feed_links(INFO, h, "th", "provinces/ang-thong/", "x", h.office("ang-thong")) == []


def test_untracked_data_or_no_git_means_no_history(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    git(root, "init", "-q")
    assert not history_of(root / "data").available  # no commit at all
    commit(root, "README only", "2026-01-01T00:00:00Z", {"README.md": "x\n"})
    (root / "data" / "national.yaml").write_text("a: 1\n", encoding="utf-8")  # not committed
    h = history_of(root / "data")
    assert not h.available and "no commit" in h.reason
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    h = history_of(root / "data")
    assert not h.available and "git is not installed" in h.reason


def test_shallow_clone_means_no_history(repo, tmp_path):
    root, _ = repo
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    h = history_of(clone / "data")
    assert not h.available and "shallow" in h.reason
    # a full clone has it all
    full = tmp_path / "full"
    git(tmp_path, "clone", "-q", f"file://{root}", str(full))
    assert history_of(full / "data").office("a").updated.iso == "2026-01-07T03:30:00+07:00"


def test_environment_cannot_point_git_elsewhere(repo, tmp_path, monkeypatch):
    root, shas = repo
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    h = history_of(root / "data")
    assert h.available and h.changes[0].sha == shas["both"]
    assert h.office("a").updated.iso == "2026-01-07T03:30:00+07:00"


def _count_git(monkeypatch) -> list[list[str]]:
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args, *a, **kw):
        if args and args[0] == "git":
            calls.append(list(args))
        return real(args, *a, **kw)

    monkeypatch.setattr(git_mod.subprocess, "run", counting)
    return calls


def test_one_git_log_for_the_whole_build(data_repo, tmp_path, monkeypatch):
    """A whole build (pages.generate: every page and feed, both languages) asks git twice: is the
    clone shallow, and the log with file names. Not once per office."""
    from changwat.build import pages

    monkeypatch.delenv("CHANGWAT_PREVIEW", raising=False)
    data, _ = data_repo
    calls = _count_git(monkeypatch)
    pages.generate(project_for(data=data, docs=tmp_path / "docs"), force=True)
    logs = [c for c in calls if "log" in c]
    assert len(logs) == 1 and "--name-only" in logs[0], calls
    assert len(calls) == 2, calls
    assert len(list((tmp_path / "docs" / "feeds").rglob("*.xml"))) == 2 * (1 + 76 + 1)


def test_a_commit_renders_again_only_the_office_pages_it_changes(data_repo, tmp_path, monkeypatch):
    """Office pages kept by earlier builds (build/pagecache.py) follow the history: after a commit
    that changes one office, that office's pages show it, the others come from the cache, and docs/
    is what a build with no cache writes."""
    from changwat.build import pages, render

    monkeypatch.delenv("CHANGWAT_PREVIEW", raising=False)
    monkeypatch.setenv("CHANGWAT_CACHE", str(tmp_path / "cache"))
    data, _ = data_repo
    project = project_for(data=data, docs=tmp_path / "docs")
    pages.generate(project, force=True)
    rendered: list[str] = []
    real = render.Renderer._office
    monkeypatch.setattr(
        render.Renderer, "_office", lambda self, o, lang, url: rendered.append(o.slug) or real(self, o, lang, url)
    )
    # two commits that leave the file as it was: only its history tells its pages apart
    office = data / "provinces" / "ang-thong.yaml"
    original = office.read_text(encoding="utf-8")
    commit(
        data.parent,
        "Ang Thong: a note",
        "2026-03-03T09:00:00+07:00",
        {"data/provinces/ang-thong.yaml": original + "# a note\n"},
    )
    commit(
        data.parent, "Ang Thong: a sentence", "2026-03-04T09:00:00+07:00", {"data/provinces/ang-thong.yaml": original}
    )
    pages.generate(project, force=True)
    assert rendered == ["ang-thong", "ang-thong"]  # its two languages
    page = (project.docs / "provinces" / "ang-thong.en.md").read_text(encoding="utf-8")
    assert "Ang Thong: a sentence" in page
    monkeypatch.setenv("CHANGWAT_CACHE", str(tmp_path / "empty-cache"))
    fresh = project_for(data=data, docs=tmp_path / "fresh-docs")
    pages.generate(fresh, force=True)
    for path in sorted(fresh.docs.rglob("*.md")):
        rel = path.relative_to(fresh.docs)
        assert (project.docs / rel).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), rel


# ---------------------------------------------------------------------------------------------
# Feeds


@pytest.fixture
def data_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The repository's national content and registry, and Ang Thong's file, committed in a new
    repository, with a hostile commit subject."""
    root = tmp_path / "repo"
    data = root / "data"
    copy_data(data, "national.yaml", "thai-allowlist.txt")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "National content and registry", date="2026-03-01T09:00:00+07:00")
    shas = {"national": git(root, "rev-parse", "HEAD").strip()}
    shutil.copy(PROJECT.provinces / "ang-thong.yaml", data / "provinces" / "ang-thong.yaml")
    git(root, "add", "-A")
    hostile = 'Ang Thong <script>alert("x")</script> & ]]> \x0b\u202e'
    git(root, "commit", "-q", "-m", hostile, date="2026-03-02T09:00:00+07:00")
    shas["ang-thong"] = git(root, "rev-parse", "HEAD").strip()
    return data, shas


def _feeds(data: Path) -> dict[str, str]:
    dataset, problems = load_dataset(project_for(data=data))
    assert not [p for p in problems if p.severity == "error"]
    return {f.path: f.text for f in feed_files(dataset, INFO, history_of(data))}


def _check_atom(text: str) -> ET.Element:
    """RFC 4287's requirements on a feed and its entries (section 4.1)."""
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    feed = ET.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{A}feed"
    for parent in (feed, *feed.findall(f"{A}entry")):
        for tag in ("id", "title", "updated"):
            found = parent.findall(f"{A}{tag}")
            assert len(found) == 1 and (found[0].text or "").strip(), (parent.tag, tag)
        assert RFC3339.match(parent.find(f"{A}updated").text)
        assert re.match(r"^[a-z][a-z0-9+.-]*:", parent.find(f"{A}id").text)  # an IRI
        alternates = [link for link in parent.findall(f"{A}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href", "").startswith(("https://", "http://"))
        assert all(link.get("href") for link in parent.findall(f"{A}link"))
    authors = feed.findall(f"{A}author")
    assert len(authors) == 1 and authors[0].find(f"{A}name").text
    selves = [link for link in feed.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(selves) == 1 and selves[0].get("type") == "application/atom+xml"
    entries = feed.findall(f"{A}entry")
    assert entries, "a feed is written only with changes"
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    dates = [e.find(f"{A}updated").text for e in entries]
    assert feed.find(f"{A}updated").text == max(dates) and dates == sorted(dates, reverse=True)
    return feed


def test_feeds_are_valid_atom_in_both_languages(data_repo):
    data, shas = data_repo
    files = _feeds(data)
    assert set(files) >= {
        "feeds/th/index.xml",
        "feeds/en/index.xml",
        "feeds/th/standard.xml",
        "feeds/en/standard.xml",
        "feeds/th/provinces/ang-thong.xml",
        "feeds/en/provinces/ang-thong.xml",
        "feeds/en/provinces/mukdahan.xml",
    }
    for path, text in files.items():
        feed = _check_atom(text)
        lang = path.split("/")[1]
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        self_href = next(link.get("href") for link in feed.findall(f"{A}link") if link.get("rel") == "self")
        assert self_href == INFO.abs_url(path)
    th = ET.fromstring(files["feeds/th/provinces/ang-thong.xml"].encode())
    assert th.find(f"{A}title").text == "การแก้ไข: สำนักงานจังหวัดอ่างทอง"
    assert th.find(f"{A}id").text == "https://example.org/site/provinces/ang-thong/"
    entries = th.findall(f"{A}entry")
    assert [e.find(f"{A}link").get("href") for e in entries] == [
        f"https://git.example/org/changwat/commit/{shas['ang-thong']}",
        f"https://git.example/org/changwat/commit/{shas['national']}",
    ]
    assert entries[0].find(f"{A}updated").text == "2026-03-02T09:00:00+07:00"
    assert entries[0].find(f"{A}summary").text == "2 มีนาคม 2569 แก้ไข: ข้อมูลของสำนักงาน"
    en = ET.fromstring(files["feeds/en/provinces/ang-thong.xml"].encode())
    assert en.find(f"{A}title").text == "Changes: Ang Thong Provincial Office"
    assert en.find(f"{A}id").text == "https://example.org/site/en/provinces/ang-thong/"
    assert en.find(f"{A}entry/{A}summary").text == "2 March 2026 (B.E. 2569), changed: the office's own data"
    # an office with no file of its own: the national content and registry commit only
    muk = ET.fromstring(files["feeds/th/provinces/mukdahan.xml"].encode())
    assert len(muk.findall(f"{A}entry")) == 1
    # the site feed links an office's change to the office's page
    site = ET.fromstring(files["feeds/en/index.xml"].encode())
    related = [link.get("href") for link in site.findall(f"{A}entry/{A}link[@rel='related']")]
    assert related == ["https://example.org/site/en/provinces/ang-thong/"]


def test_feeds_read_by_a_feed_reader(data_repo):
    """feedparser (what many feed readers use) reads every feed as well-formed Atom 1.0 and finds
    the titles, dates and links we wrote."""
    data, shas = data_repo
    for path, text in _feeds(data).items():
        parsed = feedparser.parse(text.encode("utf-8"))
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.language == path.split("/")[1]
        assert {link.rel for link in parsed.feed.links} == {"self", "alternate"}
        for entry in parsed.entries:
            assert entry.id and entry.title and entry.updated_parsed and entry.link.startswith(INFO.repo_url)
    office = feedparser.parse(_feeds(data)["feeds/th/provinces/ang-thong.xml"].encode("utf-8"))
    assert [e.link.rsplit("/", 1)[1] for e in office.entries] == [shas["ang-thong"], shas["national"]]
    assert office.entries[0].updated_parsed[:6] == (2026, 3, 2, 2, 0, 0)  # 09:00 in Thailand is 02:00 UTC


def test_feed_text_is_escaped_and_xml_safe(data_repo):
    data, _ = data_repo
    text = _feeds(data)["feeds/en/provinces/ang-thong.xml"]
    assert "<script>" not in text and "&lt;script&gt;" in text and "\x0b" not in text
    title = ET.fromstring(text.encode()).find(f"{A}entry/{A}title").text
    assert title == 'Ang Thong <script>alert("x")</script> & ]]> \u202e'  # literal, less what XML cannot carry


def test_feeds_are_deterministic(data_repo, monkeypatch):
    data, _ = data_repo
    first = _feeds(data)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    monkeypatch.setenv("LANG", "C")
    assert _feeds(data) == first


def test_feed_paths_and_links():
    assert feed_path("th", "") == "feeds/th/index.xml"
    assert feed_path("en", "provinces/ang-thong/") == "feeds/en/provinces/ang-thong.xml"
    assert feed_path("th", "standard/") == "feeds/th/standard.xml"
    with pytest.raises(ValueError):
        feed_path("fr", "")
    h = History((parse_log("\x1eabc\x1f2026-11-29T10:00:00+00:00\x1fx\n\nprovinces/ang-thong.yaml\n")), True)
    links = feed_links(INFO, h, "en", "provinces/ang-thong/", "Ang Thong Provincial Office", h.office("ang-thong"))
    assert links == [
        {
            "href": "https://example.org/site/feeds/en/provinces/ang-thong.xml",
            "title": "Changes: Ang Thong Provincial Office",
        },
        {"href": "https://example.org/site/feeds/en/index.xml", "title": "Changes: Thai Provincial Offices"},
    ]
    # an office whose page has not changed has no feed of its own to link
    assert feed_links(INFO, h, "th", "provinces/mukdahan/", "x", h.office("mukdahan"))[0]["href"].endswith(
        "feeds/th/index.xml"
    )
    assert feeds_mod.MAX_ENTRIES >= 10


def test_json_ld_date_modified():
    from changwat.build.opendata import json_ld

    dataset, _ = load_dataset(PROJECT)
    office = next(o for o in dataset.resolved() if o.slug == "ang-thong")
    assert "dateModified" not in json_ld(office, "th", INFO.site_url)["mainEntityOfPage"]
    page = json_ld(office, "en", INFO.site_url, modified="2026-11-29")["mainEntityOfPage"]
    assert page["dateModified"] == "2026-11-29" and page["@type"] == "WebPage"


def test_generate_writes_feeds_and_removes_stale_ones(data_repo, tmp_path, monkeypatch):
    from changwat.build import pages

    monkeypatch.delenv("CHANGWAT_PREVIEW", raising=False)
    data, _ = data_repo
    docs = tmp_path / "docs"
    stale = docs / "feeds" / "th" / "provinces" / "gone.xml"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    result = pages.generate(project_for(data=data, docs=docs), force=True)
    assert (docs / "feeds/th/index.xml").is_file() and (docs / "feeds/en/provinces/ang-thong.xml").is_file()
    assert not stale.exists() and "feeds/th/provinces/gone.xml" in result.removed
    _check_atom((docs / "feeds/en/standard.xml").read_text(encoding="utf-8"))


def test_history_view_of_a_page(repo):
    from changwat.build.history import history_view

    root, shas = repo
    h = history_of(root / "data")
    th = history_view(h.office("a"), "th", INFO, "provinces/a/", "สำนักงานจังหวัดเอ", slug="a", limit=2)
    assert th.available and th.updated == "7 มกราคม 2569" and th.updated_iso == "2026-01-07"
    assert [c.sha for c in th.changes] == [shas["both"][:7], shas["a"][:7]] and th.more == 2
    assert th.changes[0].what == "ข้อมูลของสำนักงาน; มาตรฐานกลาง"
    assert th.changes[0].href == f"https://git.example/org/changwat/commit/{shas['both']}"
    assert th.feed_href == "../../feeds/th/provinces/a.xml"
    assert th.more_href == "https://git.example/org/changwat/commits/main/data"
    assert th.cite == (
        "สำนักงานจังหวัดเอ. (2569, 7 มกราคม). ใน สำนักงานจังหวัด. สืบค้นจาก https://example.org/site/provinces/a/"
    )
    en = history_view(h.office("a"), "en", INFO, "provinces/a/", "A Provincial Office", slug="a")
    assert en.cite == (
        "A Provincial Office. (2026, January 7). In Thai Provincial Offices. "
        "Retrieved from https://example.org/site/en/provinces/a/"
    )
    assert en.more == 0
    assert en.feed_href == "../../../feeds/en/provinces/a.xml"
    standard = history_view(h.standard(), "en", INFO, "standard/", "Standard")
    assert [c.what for c in standard.changes] == ["the national standard"] * 2
    # no history: the page says so, cites "n.d." and links no feed
    none = history_view(History().office("a"), "en", INFO, "provinces/a/", "A Provincial Office", slug="a")
    assert (none.available, none.updated, none.changes, none.feed_href) == (False, None, (), None)
    assert none.cite.startswith("A Provincial Office. (n.d.). In Thai Provincial Offices.")
    assert "(ม.ป.ป.)" in history_view(History().office("a"), "th", INFO, "provinces/a/", "x", slug="a").cite


# ---------------------------------------------------------------------------------------------
# What the pages show


def _front(text: str) -> dict:
    import yaml

    head = text.split("---\n", 2)[1]
    return yaml.safe_load(head)


SAMPLE_LOG = (
    "\x1e" + "a" * 40 + "\x1f2026-11-29T17:30:00+00:00\x1fAng Thong: <b>phone</b> *fixed* & {{ x }}\n\n"
    "provinces/ang-thong.yaml\n"
    "\x1e" + "b" * 40 + "\x1f2026-11-20T03:00:00+00:00\x1fNational: mandate\n\nnational.yaml\n"
)


def _render(history: History | None):
    from changwat.build.render import render_site

    dataset, _ = load_dataset(PROJECT)
    return {p.path: p.text for p in render_site(dataset, INFO, PROJECT.templates, history=history)}


def test_office_page_shows_last_updated_changes_and_how_to_cite():
    pages = _render(History(parse_log(SAMPLE_LOG), available=True))
    th, en = pages["provinces/ang-thong.md"], pages["provinces/ang-thong.en.md"]
    # 17:30 UTC on 29 November is 00:30 on 30 November in Thailand
    assert '<time datetime="2026-11-30">30 พฤศจิกายน 2569</time>' in th
    assert '<time datetime="2026-11-30">30 November 2026 (B.E. 2569)</time>' in en
    assert f'href="https://git.example/org/changwat/commit/{"a" * 40}"' in th
    # the commit subject is text: escaped, never markup, Markdown or a template
    assert "Ang Thong: &lt;b&gt;phone&lt;/b&gt; *fixed* &amp; {{ x }}" in th and "<b>phone" not in th
    assert "ข้อมูลของสำนักงาน" in th and "the national standard" in en
    assert (
        "สำนักงานจังหวัดอ่างทอง. (2569, 30 พฤศจิกายน). ใน สำนักงานจังหวัด. "
        "สืบค้นจาก https://example.org/site/provinces/ang-thong/"
    ) in th
    assert (
        "Ang Thong Provincial Office. (2026, November 30). In Thai Provincial Offices. "
        "Retrieved from https://example.org/site/en/provinces/ang-thong/"
    ) in en
    assert 'href="../../feeds/th/provinces/ang-thong.xml"' in th
    assert 'href="../../../feeds/en/provinces/ang-thong.xml"' in en
    front = _front(en)
    assert front["feeds"] == [
        {
            "href": "https://example.org/site/feeds/en/provinces/ang-thong.xml",
            "title": "Changes: Ang Thong Provincial Office",
        },
        {"href": "https://example.org/site/feeds/en/index.xml", "title": "Changes: Thai Provincial Offices"},
    ]
    assert '"dateModified":"2026-11-30"' in front["json_ld"]
    # an office without a file of its own: last changed with the national content
    muk = pages["provinces/mukdahan.en.md"]
    assert '<time datetime="2026-11-20">20 November 2026 (B.E. 2569)</time>' in muk
    # the standard page and the home page
    assert '<time datetime="2026-11-20">20 พฤศจิกายน 2569</time>' in pages["standard.md"]
    assert _front(pages["standard.en.md"])["feeds"][0]["href"] == "https://example.org/site/feeds/en/standard.xml"
    assert _front(pages["index.md"])["feeds"] == [
        {"href": "https://example.org/site/feeds/th/index.xml", "title": "การแก้ไข: สำนักงานจังหวัด"}
    ]


def test_pages_without_history_say_so():
    pages = _render(History())
    th, en = pages["provinces/ang-thong.md"], pages["provinces/ang-thong.en.md"]
    from markupsafe import escape

    from changwat.build.ui import ui_strings

    assert str(escape(ui_strings()["th"]["history_none"])) in th
    assert str(escape(ui_strings()["en"]["history_none"])) in en
    assert 'class="cw-changes"' not in th
    assert "สำนักงานจังหวัดอ่างทอง. (ม.ป.ป.). ใน สำนักงานจังหวัด." in th
    assert "Ang Thong Provincial Office. (n.d.). In Thai Provincial Offices." in en
    assert "feeds/" not in th and "feeds" not in _front(th)
    assert "dateModified" not in _front(en)["json_ld"]
    assert _render(None) == pages  # no history given: the same


def test_built_site_links_its_feeds(built_site):
    """The real build: each page's head links its feeds, and each linked feed is in the site."""
    if not history_of(PROJECT.data).available:
        pytest.skip("this checkout has no history (shallow clone): the site has no feeds")
    for rel in (
        "provinces/ang-thong/index.html",
        "en/provinces/ang-thong/index.html",
        "index.html",
        "en/standard/index.html",
    ):
        html = (built_site.dir / rel).read_text(encoding="utf-8")
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)">', html)
        assert links, rel
        for url, _title in links:
            assert url.startswith(built_site.url)
            _check_atom((built_site.dir / url[len(built_site.url) :]).read_text(encoding="utf-8"))
