"""The search index made beside the build (build/searchjob.py) and its hook (hooks/changwat_search.py)."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from changwat.build import searchjob
from changwat.build.search import BuiltPage
from changwat.build.urls import docs_path
from conftest import REPO

LOCALES = {"th": "", "en": "en/"}


def write_docs(docs: Path, pages: list[tuple[str, str, str, str]]) -> None:
    """Pages as build/pages.py writes them: (location without the language prefix, language,
    title, body)."""
    for url, lang, title, body in pages:
        path = docs / docs_path(url, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'---\ntitle: "{title}"\nbody: html\n---\n\n{body}', encoding="utf-8")


SITE = [
    ("", "th", "สำนักงานจังหวัด", "<p>ข้อมูลสำนักงานจังหวัดทั้ง 76 แห่ง</p>"),
    ("", "en", "Provincial offices", "<p>All 76 provincial offices</p>"),
    ("provinces/", "th", "รายชื่อสำนักงาน", "<p>อ่างทอง</p>"),
    (
        "provinces/ang-thong/",
        "th",
        "สำนักงานจังหวัดอ่างทอง",
        '<h2 id="group">กลุ่มงานศูนย์ดำรงธรรมจังหวัด</h2><ol><li>งานคุ้มครองผู้บริโภคของจังหวัด</li></ol>',
    ),
    ("provinces/ang-thong/", "en", "Ang Thong Provincial Office", "<p>Consumer protection in the province</p>"),
]


def test_generated_pages_are_where_mkdocs_builds_them(tmp_path):
    docs = tmp_path / "docs"
    write_docs(docs, SITE)
    (docs / "notes.md").write_text("# Markdown\n\nnot generated", encoding="utf-8")  # no body: html
    (docs / ".drafts").mkdir()
    (docs / ".drafts" / "x.md").write_text("---\ntitle: x\nbody: html\n---\n\n<p>x</p>", encoding="utf-8")
    (docs / "a.b.md").write_text("---\ntitle: dotted\nbody: html\n---\n\n<p>b</p>", encoding="utf-8")
    (docs / "a.fr.md").write_text("---\ntitle: fr\nbody: html\n---\n\n<p>fr</p>", encoding="utf-8")
    pages = searchjob.generated_pages(docs, LOCALES, ["th", "en", "fr"])
    assert sorted(p.url for p in pages) == [
        "",
        "a.b/",  # a dot that is no language's suffix belongs to the name
        "en/",
        "en/provinces/ang-thong/",
        "provinces/",
        "provinces/ang-thong/",
    ]
    by_url = {p.url: p for p in pages}
    assert by_url["provinces/ang-thong/"].title == "สำนักงานจังหวัดอ่างทอง"
    assert by_url["provinces/ang-thong/"].html == "\n" + SITE[3][3]
    # one language built (a Thai-only preview): the English pages are not the index's
    th = searchjob.generated_pages(docs, {"th": ""}, ["th", "en", "fr"])
    assert sorted(p.url for p in th) == ["", "a.b/", "provinces/", "provinces/ang-thong/"]
    # a site without mkdocs-static-i18n: no suffix is a language; every page is the theme's language
    plain = searchjob.generated_pages(docs, {"en": ""}, [])
    assert "provinces/ang-thong.en/" in {p.url for p in plain}


def test_stale_job_folders_are_removed(tmp_path):
    dead = tmp_path / ".search-4194303-x"  # above Linux's largest process id
    mine = tmp_path / f".search-{os.getpid()}-y"
    for folder in (dead, mine):
        (folder / "pagefind").mkdir(parents=True)
    searchjob.remove_stale(tmp_path)
    assert not dead.exists() and mine.exists()


# ---------------------------------------------------------------------------------------------
# the hook


def load_hook():
    spec = importlib.util.spec_from_file_location("changwat_search_hook", REPO / "hooks" / "changwat_search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mkdocs_config(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig

    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict(
        {
            "site_name": "t",
            "site_dir": str(tmp_path / "site"),
            "docs_dir": str(tmp_path / "docs"),
            "extra": {"changwat": {"data_dir": str(REPO / "data")}},
        }
    )
    assert config.validate() == ([], [])
    return config


@pytest.fixture
def hook(tmp_path, monkeypatch):
    monkeypatch.setenv("CHANGWAT_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    module = load_hook()
    monkeypatch.setattr(module, "_locales", lambda config: LOCALES)  # as mkdocs-static-i18n builds them
    monkeypatch.setattr(module, "_languages", lambda config: sorted(LOCALES))
    yield module
    module.on_shutdown()


def build_pages(hook, config, lang: str) -> None:
    """A language's pass of a build: MkDocs runs on_config, then builds the pages."""
    hook.on_config(config)
    for url, page_lang, title, _ in SITE:
        if page_lang == lang:
            page = SimpleNamespace(url=LOCALES[lang] + url, title=title, meta={"body": "html"})
            assert hook.on_page_content("<p>built</p>", page=page, config=config, files=None) == "<p>built</p>"
            assert page.meta["search"] == {"exclude": True}  # the theme's own search indexes nothing


def test_hook_indexes_beside_the_build_and_installs_once_every_language_is_built(tmp_path, hook):
    assert hook.on_config.mkdocs_priority < 0  # after hooks/changwat_site.py wrote docs/
    assert hook.on_post_build.mkdocs_priority < -100  # after mkdocs-static-i18n built every language
    config = mkdocs_config(tmp_path)
    write_docs(tmp_path / "docs", SITE)
    theirs = tmp_path / "site" / "search" / "search_index.json"  # the theme plugin's, of nothing
    theirs.parent.mkdir(parents=True)
    theirs.write_text('{"docs": []}', encoding="utf-8")
    build_pages(hook, config, "th")
    job = hook._job
    assert job is not None and job.folder.is_dir()
    hook.on_post_build(config)  # the Thai pass: English is not built yet
    assert hook._job is job and not (tmp_path / "site" / "pagefind").exists()
    build_pages(hook, config, "en")  # the English pass runs on_config again: the same job
    assert hook._job is job
    hook.on_post_build(config)
    out = tmp_path / "site" / "pagefind"
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"x-th", "en"}
    assert entry["languages"]["x-th"]["page_count"] == 3
    lexicon = json.loads((out / "changwat-lexicon.th.json").read_text(encoding="utf-8"))
    assert "ศูนย์" in lexicon["words"] and "ดำรง" in lexicon["words"]  # the docs' text, segmented
    assert not (tmp_path / "pagefind").exists()  # nothing written into the current folder
    assert not theirs.parent.exists()  # nothing serves what nobody reads
    assert not job.folder.exists() and not list((tmp_path / "cache").glob(".search-*"))
    assert hook._job is None and hook._built == set()  # the next build starts afresh


def test_a_preview_rebuild_with_other_pages_starts_another_job(tmp_path, hook):
    config = mkdocs_config(tmp_path)
    write_docs(tmp_path / "docs", SITE)
    hook.on_config(config)
    first = hook._job
    write_docs(tmp_path / "docs", [("provinces/krabi/", "th", "กระบี่", "<p>กระบี่</p>")])
    hook.on_config(config)  # docs/ changed: the earlier job's pages are not these
    assert hook._job is not first
    assert first.proc.poll() is not None and not first.folder.exists()


def test_an_index_without_the_pages_built_fails_the_build(tmp_path, hook):
    from mkdocs.exceptions import PluginError

    config = mkdocs_config(tmp_path)
    write_docs(tmp_path / "docs", SITE)
    build_pages(hook, config, "th")
    hook.on_post_build(config)
    build_pages(hook, config, "en")
    elsewhere = SimpleNamespace(url="en/elsewhere/", title="", meta={"body": "html"})
    hook.on_page_content("", page=elsewhere, config=config, files=None)
    with pytest.raises(PluginError, match=r"built, not indexed: \['en/elsewhere/'\]"):
        hook.on_post_build(config)
    assert not (tmp_path / "site" / "pagefind").exists()


def test_a_failed_job_fails_the_build_with_its_reason(tmp_path, hook):
    from mkdocs.exceptions import PluginError

    config = mkdocs_config(tmp_path)
    write_docs(tmp_path / "docs", SITE)
    (tmp_path / "docs" / "broken.md").write_text("---\ntitle: [\nbody: html\n---\n\n<p>x</p>", encoding="utf-8")
    build_pages(hook, config, "th")
    hook.on_post_build(config)
    build_pages(hook, config, "en")
    with pytest.raises(PluginError, match=r"the index was not written: (?s:.*)yaml"):
        hook.on_post_build(config)
    assert not list((tmp_path / "cache").glob(".search-*"))


def test_a_job_stopped_leaves_nothing(tmp_path):
    write_docs(tmp_path / "docs", SITE)
    spec = searchjob.Spec(str(tmp_path / "docs"), str(tmp_path / "cache"), "", "", LOCALES, ["en", "th"])
    job = searchjob.Job.start(spec)
    job.stop()
    assert job.proc.poll() is not None and not job.folder.exists()


def test_the_job_in_process_is_the_same_as_beside_the_build(tmp_path):
    write_docs(tmp_path / "docs", SITE)
    spec = searchjob.Spec(str(tmp_path / "docs"), str(tmp_path / "cache"), "", "", LOCALES, ["en", "th"])
    result = searchjob.run(spec, tmp_path / "here")
    job = searchjob.Job.start(spec)
    assert (
        job.wait().urls == result.urls == ["", "en/", "en/provinces/ang-thong/", "provinces/", "provinces/ang-thong/"]
    )
    job.install(tmp_path / "there")
    files = sorted(p.relative_to(tmp_path / "here") for p in (tmp_path / "here").rglob("*") if p.is_file())
    assert files and files == sorted(
        p.relative_to(tmp_path / "there") for p in (tmp_path / "there").rglob("*") if p.is_file()
    )
    assert isinstance(searchjob.generated_pages(tmp_path / "docs", LOCALES, ["th", "en"])[0], BuiltPage)


def test_a_preview_of_broken_data_with_no_page_yet_has_no_index(tmp_path, hook):
    """A live preview started on broken data builds placeholders (Markdown, not generated) until the
    data is mended: nothing to index, and the build goes on."""
    config = mkdocs_config(tmp_path)
    (tmp_path / "docs" / "index.md").write_text("---\nsearch:\n  exclude: true\n---\n\n# x\n", encoding="utf-8")
    hook.on_config(config)
    hook.on_page_content("<h1>x</h1>", page=SimpleNamespace(url="", title="x", meta={}), config=config, files=None)
    (tmp_path / "site" / "pagefind").mkdir(parents=True)  # the last good build's
    hook.on_post_build(config)  # the Thai pass
    hook.on_config(config)
    hook.on_post_build(config)  # the English pass
    assert not (tmp_path / "site" / "pagefind").exists() and hook._job is None


def test_a_cache_that_cannot_be_written_still_gives_an_index(tmp_path):
    write_docs(tmp_path / "docs", SITE)
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    spec = searchjob.Spec(str(tmp_path / "docs"), str(tmp_path / "file" / "cache"), "", "", LOCALES, ["en", "th"])
    job = searchjob.Job.start(spec)
    assert len(job.wait().urls) == 5
    job.install(tmp_path / "site" / "pagefind")
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file() and not job.folder.exists()
