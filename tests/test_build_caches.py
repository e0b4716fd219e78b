"""What a build keeps for the next one, and when it must not trust it: the record of the last
generation (build/pages.py), whole generations (build/generations.py), office pages
(build/pagecache.py), the compiled templates (build/compiled.py), and the hooks' own timing
(build/timing.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jinja2
import pytest

from changwat.build import compiled, generations, pagecache, pages, render, timing
from changwat.build.git import describe, probe
from conftest import copy_data, project_for


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A data folder, a docs/ and a cache of its own; generate() as a new process calls it."""
    monkeypatch.setenv("CHANGWAT_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CHANGWAT_PREVIEW", raising=False)
    data = copy_data(tmp_path / "data", "national.yaml", "thai-allowlist.txt")
    shutil.copy(project_for().provinces / "ang-thong.yaml", data / "provinces" / "ang-thong.yaml")
    project = project_for(data=data, docs=tmp_path / "docs")

    def generate() -> pages.Result:
        pages._last.clear()  # what a new process starts with
        return pages.generate(project)

    return project, generate


def no_rendering(monkeypatch):
    monkeypatch.setattr(render, "render_site", lambda *a, **k: pytest.fail("rendered again"))


def test_a_build_with_nothing_changed_skips_generation_and_keeps_the_counts(fresh, monkeypatch):
    project, generate = fresh
    first = generate()
    assert not first.skipped and first.written and first.counts
    no_rendering(monkeypatch)
    again = generate()
    assert again.skipped and again.counts == first.counts and again.notes == first.notes


@pytest.mark.parametrize("change", ["data", "docs edited", "docs deleted", "record"])
def test_any_change_since_the_record_generates_again(fresh, monkeypatch, change):
    project, generate = fresh
    generate()
    if change == "data":
        office = project.data / "provinces" / "ang-thong.yaml"
        office.write_text(office.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "docs edited":
        (project.docs / "index.md").write_text("someone's edit\n", encoding="utf-8")
    elif change == "docs deleted":
        (project.docs / "provinces" / "ang-thong.md").unlink()
    else:
        (project.cache / "generated.json").write_text("{not json", encoding="utf-8")
    result = generate()
    assert not result.skipped
    assert (project.docs / "provinces" / "ang-thong.md").read_text(encoding="utf-8").startswith("---\n")
    assert "someone's edit" not in (project.docs / "index.md").read_text(encoding="utf-8")


def test_another_commit_generates_again(fresh, monkeypatch):
    """ "Last updated" and the feeds follow the history: a new commit, with no file changed, is a change."""
    project, generate = fresh
    generate()
    real = describe(probe(project.data))
    monkeypatch.setattr("changwat.build.git.describe", lambda answer: real + "another commit")
    assert not generate().skipped


def docs_text(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def count_office_renders(monkeypatch) -> list[tuple[str, str]]:
    rendered: list[tuple[str, str]] = []
    real = render.Renderer._office

    def counting(self, o, lang, url):
        rendered.append((o.slug, lang))
        return real(self, o, lang, url)

    monkeypatch.setattr(render.Renderer, "_office", counting)
    return rendered


def uncached(project, tmp_path: Path, monkeypatch) -> dict[str, str]:
    """docs/ as a generation with an empty cache writes it."""
    monkeypatch.setenv("CHANGWAT_CACHE", str(tmp_path / "empty-cache"))
    other = project_for(data=project.data, docs=tmp_path / "uncached")
    shutil.rmtree(other.docs, ignore_errors=True)
    pages.generate(other, force=True)
    monkeypatch.setenv("CHANGWAT_CACHE", str(project.cache))
    return docs_text(other.docs)


def test_office_pages_come_from_the_cache_only_when_they_would_come_out_the_same(fresh, tmp_path, monkeypatch):
    project, generate = fresh
    rendered = count_office_renders(monkeypatch)
    generate()
    assert len(rendered) == 152  # 76 offices, two languages
    first = docs_text(project.docs)
    # docs/ removed, and the whole generation kept with it: every office page comes from the cache,
    # the same
    rendered.clear()
    shutil.rmtree(project.docs)
    shutil.rmtree(project.cache / "generations")
    generate()
    assert rendered == [] and docs_text(project.docs) == first
    # an editor's save: that office's two pages are rendered again, and docs/ is what it would be
    # with no cache at all
    office = project.data / "provinces" / "ang-thong.yaml"
    office.write_text(office.read_text(encoding="utf-8").replace("เป็นราชการส่วนภูมิภาค", "เป็นส่วนราชการ", 1))
    generate()
    assert sorted(rendered) == [("ang-thong", "en"), ("ang-thong", "th")]
    assert docs_text(project.docs) == uncached(project, tmp_path, monkeypatch) != first
    # what every office inherits changed: every office page is rendered again
    rendered.clear()
    national = project.data / "national.yaml"
    national.write_text(national.read_text(encoding="utf-8").replace("ราชการส่วนภูมิภาค", "ราชการภูมิภาค", 1))
    generate()
    assert len(rendered) == 152
    assert docs_text(project.docs) == uncached(project, tmp_path, monkeypatch)


def docs_bytes(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_docs_removed_is_written_again_as_the_generation_of_the_same_inputs_wrote_it(fresh, monkeypatch):
    """make clean keeps the cache: the next build writes docs/ without checking or rendering."""
    project, generate = fresh
    first = generate()
    made = docs_bytes(project.docs)
    assert any(path.startswith("data/") for path in made) and "provinces/ang-thong.en.md" in made
    shutil.rmtree(project.docs)
    no_rendering(monkeypatch)
    monkeypatch.setattr("changwat.check.load_dataset", lambda *a, **k: pytest.fail("checked again"))
    again = generate()
    assert docs_bytes(project.docs) == made
    assert sorted(again.written) == sorted(first.written) and again.unchanged == 0
    assert again.counts == first.counts and again.notes == first.notes
    assert again.kept and not first.kept and "as a kept generation wrote them" in again.summary()
    # one page replaced by hand (not in place, which would change the kept file: see below): only
    # that page is put back
    (project.docs / "index.md").unlink()
    (project.docs / "index.md").write_text("someone's edit\n", encoding="utf-8")
    third = generate()
    assert third.kept and third.written == ["index.md"] and docs_bytes(project.docs) == made


def test_inputs_that_come_back_find_their_generation(fresh, monkeypatch):
    """A branch built before, checked out again: its generation is still kept."""
    project, generate = fresh
    generate()
    made = docs_bytes(project.docs)
    office = project.data / "provinces" / "ang-thong.yaml"
    original = office.read_text(encoding="utf-8")
    office.write_text(original.replace("เป็นราชการส่วนภูมิภาค", "เป็นส่วนราชการ", 1), encoding="utf-8")
    generate()
    assert docs_bytes(project.docs) != made
    office.write_text(original, encoding="utf-8")
    no_rendering(monkeypatch)
    generate()
    assert docs_bytes(project.docs) == made


def test_a_generation_key_follows_every_input(tmp_path):
    data = tmp_path / "data"
    (data / "provinces").mkdir(parents=True)
    office = data / "provinces" / "krabi.yaml"
    office.write_text("province: krabi\n", encoding="utf-8")
    (data / "national.yaml").write_text("name: x\n", encoding="utf-8")
    args = ("code", data, "settings", None, "commit")
    base = generations.key(*args)
    assert base == generations.key(*args)
    assert base != generations.key("other code", *args[1:])
    assert base != generations.key(*args[:2], "other settings", *args[3:])
    assert base != generations.key(*args[:3], frozenset({"krabi"}), "commit")  # a preview of one office
    assert base != generations.key(*args[:4], "another commit")
    moved = tmp_path / "elsewhere"
    shutil.copytree(data, moved)
    assert base != generations.key("code", moved, "settings", None, "commit")  # another data folder
    for path, text in ((office, "province: krabi\nname: {th: x}\n"), (data / "national.yaml", "name: y\n")):
        before = path.read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        assert generations.key(*args) != base, path.name  # any data file, by content
        path.write_text(before, encoding="utf-8")
        assert generations.key(*args) == base
    (data / "provinces" / "trang.yaml").write_text("province: trang\n", encoding="utf-8")
    assert generations.key(*args) != base  # a new file


@pytest.mark.parametrize("odd", ["link", "large", "fifo"])
def test_a_data_folder_with_a_file_the_loader_would_not_read_is_never_kept(tmp_path, odd):
    """The key is made before the data is checked: such a file is not read for it (a 50 MB file, a
    link to /dev/zero or a FIFO would cost memory or hang), and the folder is generated every time."""
    data = tmp_path / "data"
    (data / "provinces").mkdir(parents=True)
    (data / "national.yaml").write_text("name: x\n", encoding="utf-8")
    args = ("code", data, "settings", None, "commit")
    assert generations.key(*args) is not None
    odd_file = data / "provinces" / "krabi.yaml"
    if odd == "link":
        odd_file.symlink_to(data / "national.yaml")
    elif odd == "large":
        from changwat.load.yaml import MAX_BYTES

        odd_file.write_bytes(b"#" * (MAX_BYTES + 1))
    else:
        os.mkfifo(odd_file)
    assert generations.key(*args) is None


def test_a_kept_generation_is_put_back_as_links_or_copies(fresh, monkeypatch):
    """Linked where the cache and docs/ share a file system (no new file is made), copied where not."""
    project, generate = fresh
    generate()
    made = docs_bytes(project.docs)
    shutil.rmtree(project.docs)
    generate()
    assert all(p.stat().st_nlink > 1 for p in project.docs.rglob("*") if p.is_file())
    shutil.rmtree(project.docs)
    shutil.rmtree(project.cache / "generations")

    def no_links(src, dst, **kwargs):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr("os.link", no_links)
    generate()
    shutil.rmtree(project.docs)
    no_rendering(monkeypatch)
    again = generate()
    assert again.kept and docs_bytes(project.docs) == made
    assert all(p.stat().st_nlink == 1 for p in project.docs.rglob("*") if p.is_file())


@pytest.mark.parametrize("damage", ["manifest", "file edited", "file removed", "path outside"])
def test_a_damaged_or_changed_generation_is_made_again(fresh, damage):
    project, generate = fresh
    generate()
    made = docs_bytes(project.docs)
    (kept,) = (project.cache / "generations").iterdir()
    manifest = kept / generations.MANIFEST
    stored = kept / "files" / "provinces" / "ang-thong.md"
    if damage == "manifest":
        manifest.write_text("{not json", encoding="utf-8")
    elif damage == "file edited":  # in place, as an editor may save docs/'s file (the same file)
        with (project.docs / "provinces" / "ang-thong.md").open("a", encoding="utf-8") as fh:
            fh.write("someone's edit\n")
    elif damage == "file removed":
        stored.unlink()
    else:
        manifest.write_text(manifest.read_text(encoding="utf-8").replace('"index.md"', '"../index.md"'))
    shutil.rmtree(project.docs)
    again = generate()
    assert not again.kept and docs_bytes(project.docs) == made
    assert stored.read_bytes() == made["provinces/ang-thong.md"]  # kept again, whole


def test_a_generation_with_errors_is_not_kept(fresh):
    project, generate = fresh
    office = project.data / "provinces" / "ang-thong.yaml"
    office.write_text(office.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    with pytest.raises(pages.DataError):
        generate()
    assert not (project.cache / "generations").exists()


def test_the_last_few_generations_are_kept(tmp_path):
    docs, folder = tmp_path / "docs", tmp_path / "generations"
    docs.mkdir()
    kept = generations.Generations(folder)
    for n in range(generations.KEEP + 3):
        (docs / "new").write_bytes(f"{n}\n".encode())
        (docs / "new").replace(docs / "index.md")  # as pages.py writes: a new file renamed over the old
        kept.put(f"g{n}", docs, ["index.md"], {"note": n}, "")
    left = folder / f".g9.{2**22 + 1}.tmp"  # half made by a run that was killed
    (left / "files").mkdir(parents=True)
    kept.put("g", docs, ["index.md"], {}, "")
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == generations.KEEP and {"g", f"g{generations.KEEP + 2}"} <= set(names)
    hit = kept.get(f"g{generations.KEEP + 2}")
    assert hit is not None and hit.counts == {"note": generations.KEEP + 2}
    assert [(path, stored.read_bytes()) for path, stored in hit.files] == [("index.md", b"5\n")]
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    unwritable = generations.Generations(tmp_path / "file" / "generations")
    unwritable.put("g", docs, ["index.md"], {}, "")
    assert unwritable.get("g") is None


def test_open_data_comes_out_as_serialising_it_whole_would_write_it(fresh, tmp_path, monkeypatch):
    """offices.json is put together from each office's JSON (kept by the page cache): the same bytes
    as json.dumps of all_offices_json, and each office's file those of its resolved_json."""
    import json

    from changwat.build import opendata
    from changwat.check import load_dataset

    project, generate = fresh
    generate()  # the open data of every office is kept in the page cache
    shutil.rmtree(project.cache / "generations")
    shutil.rmtree(project.docs)
    office = project.data / "provinces" / "ang-thong.yaml"
    office.write_text(office.read_text(encoding="utf-8").replace("เป็นราชการส่วนภูมิภาค", "เป็นส่วนราชการ", 1))
    made = []
    real = opendata.resolved_json
    monkeypatch.setattr(opendata, "resolved_json", lambda r, *a: made.append(r.slug) or real(r, *a))
    generate()
    assert made == ["ang-thong"]  # the others from the cache

    def compact(value: object) -> bytes:
        return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    dataset, _ = load_dataset(project)
    whole = opendata.all_offices_json(dataset, project.site.site_url)
    assert (project.docs / "data" / "offices.json").read_bytes() == compact(whole)
    for o in whole["offices"]:
        assert (project.docs / "data" / "provinces" / f"{o['province']['slug']}.json").read_bytes() == compact(o)


def test_an_office_page_key_follows_everything_it_is_made_from(tmp_path):
    cache = pagecache.PageCache(None, "inputs")
    key = cache.key("th", "krabi", ["c1"])
    assert key == pagecache.PageCache(None, "inputs").key("th", "krabi", ["c1"])
    assert key != cache.key("en", "krabi", ["c1"])  # the language
    assert key != cache.key("th", "trang", ["c1"])  # the office
    assert key != cache.key("th", "krabi", ["c2", "c1"])  # a new commit on its page
    assert key != pagecache.PageCache(None, "other").key("th", "krabi", ["c1"])  # code, templates, data
    # its own file, by content
    (tmp_path / "krabi.yaml").write_text("province: krabi\n", encoding="utf-8")
    (tmp_path / "trang.yml").write_text("province: trang\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an office file\n", encoding="utf-8")
    own = pagecache.own_files(tmp_path)
    assert set(own) == {"krabi", "trang"}
    with_file = pagecache.PageCache(None, "inputs", own)
    assert with_file.key("th", "krabi", ["c1"]) != key
    (tmp_path / "krabi.yaml").write_text("province: krabi\nname: {th: x}\n", encoding="utf-8")
    assert pagecache.PageCache(None, "inputs", pagecache.own_files(tmp_path)).key("th", "krabi", ["c1"]) != (
        with_file.key("th", "krabi", ["c1"])
    )


def test_inputs_follow_the_code_the_data_the_settings_and_the_history(fresh):
    project, _ = fresh
    from changwat.build.history import load_history

    history = load_history(project)
    args = ("code", project.data, project.provinces, "settings", history)
    base = pagecache.inputs(*args)
    assert base == pagecache.inputs(*args)
    assert base != pagecache.inputs("other code", *args[1:])
    assert base != pagecache.inputs(*args[:3], "other settings", history)
    # an office file is the page's own input, not every page's
    office = project.data / "provinces" / "ang-thong.yaml"
    office.write_text(office.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert pagecache.inputs(*args) == base
    (project.data / "registry" / "provinces.csv").write_text("changed\n", encoding="utf-8")
    assert pagecache.inputs(*args) != base


def test_the_pages_of_a_few_generations_are_kept(tmp_path):
    older = pagecache.PageCache(tmp_path, "a")
    for n in range(20):
        older.put(f"old{n:02}", "page")
    latest = pagecache.PageCache(tmp_path, "b")
    latest.put("new1", "page")
    assert latest.get("old03") == "page" and latest.hits == 1
    latest.prune(pages=2)  # room for 3 generations of 2 pages: the 2 used now and 4 more
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == 6 and {"new1", "old03"} <= set(kept)


def test_a_cache_that_cannot_be_written_is_only_not_kept(tmp_path):
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    cache = pagecache.PageCache(tmp_path / "file" / "pages", "inputs")
    cache.put("k", "page")
    assert cache.get("k") is None
    cache.prune(pages=2)


def test_compiled_templates_are_kept_on_disk_for_the_next_process(tmp_path, monkeypatch):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.j2").write_text("{{ x }}!", encoding="utf-8")

    def env(cache: compiled.CompiledTemplates) -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path / "t"), bytecode_cache=cache)

    first = compiled.CompiledTemplates()
    first.keep_in(tmp_path / "jinja")
    assert env(first).get_template("page.j2").render(x="a") == "a!"
    assert list((tmp_path / "jinja").glob("*.jinja"))
    # a new process: loads the compiled code instead of compiling
    second = compiled.CompiledTemplates()
    second.keep_in(tmp_path / "jinja")
    compiling = env(second)
    monkeypatch.setattr(compiling, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert compiling.get_template("page.j2").render(x="b") == "b!"
    # an edited template is compiled again (Jinja checks the source's checksum)
    (tmp_path / "t" / "page.j2").write_text("{{ x }}?", encoding="utf-8")
    assert env(compiled.CompiledTemplates()).get_template("page.j2").render(x="c") == "c?"
    third = compiled.CompiledTemplates()
    third.keep_in(tmp_path / "jinja")
    assert env(third).get_template("page.j2").render(x="d") == "d?"


def test_an_unwritable_template_cache_costs_only_the_compiling(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = compiled.CompiledTemplates()
    cache.keep_in(blocked / "jinja")
    loader = jinja2.DictLoader({"p": "{{ 1 + 1 }}"})
    assert jinja2.Environment(loader=loader, bytecode_cache=cache).get_template("p").render() == "2"


def test_the_theme_listing_leaves_out_hidden_folders_and_is_made_once(tmp_path):
    theme = tmp_path / "site-packages" / "theme"
    (theme / ".icons").mkdir(parents=True)
    (theme / ".icons" / "a.svg").write_text("<svg/>", encoding="utf-8")
    (theme / "base.html").write_text("base", encoding="utf-8")

    class Theme:
        def get_env(self) -> jinja2.Environment:
            return jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)))

    class Config:
        theme = Theme()

    config = Config()
    compiled.faster_theme(config)
    wrapped = config.theme.get_env
    compiled.faster_theme(config)  # each language's pass calls it: wrapped once
    assert config.theme.get_env is wrapped
    env = config.theme.get_env()
    assert env.bytecode_cache is compiled.TEMPLATES
    assert env.list_templates() == ["base.html"]
    (theme / "new.html").write_text("new", encoding="utf-8")
    assert env.list_templates() == ["base.html"]  # an installed theme is listed once per process


def test_hooks_time_themselves(monkeypatch):
    timing.reset()

    def on_config(config):
        return config

    on_config.__module__ = "changwat_site"
    on_config.mkdocs_priority = 100
    timed = timing.timed(on_config)
    assert timed.mkdocs_priority == 100 and timed("c") == "c"
    timed("c")
    wall, cpu = timing.totals()
    assert wall >= 0 and cpu >= 0
    assert timing.summary().startswith("changwat: our hooks took ") and "site.on_config" in timing.summary()
    timing.reset()
    assert timing.totals() == (0.0, 0.0)


def test_the_generation_record_lives_in_the_cache(fresh):
    project, generate = fresh
    generate()
    assert (project.cache / "generated.json").is_file()
    assert not any(p.name.endswith(".tmp") for p in Path(project.cache).iterdir())


def test_the_preview_looks_for_saved_files_more_often():
    from changwat.build import preview

    class Observer:
        def __init__(self, timeout: float):
            self.timeout = timeout

    class Server:
        def __init__(self):
            self.observer = Observer(0.5)
            self.watched = {"/site/mkdocs.yml": 1}
            self.log: list[tuple[str, str, float]] = []

        def watch(self, path: str) -> None:
            self.watched[path] = self.watched.get(path, 0) + 1
            self.log.append(("watch", path, self.observer.timeout))

        def unwatch(self, path: str) -> None:
            if path not in self.watched:
                raise KeyError(path)  # as MkDocs' server does
            del self.watched[path]
            self.log.append(("unwatch", path, self.observer.timeout))

    server = Server()
    preview.watch_faster(server, ["/site/mkdocs.yml", "/theme/not-watched"])
    assert server.observer.timeout == preview.POLL_SECONDS < 0.5
    # what was watched is watched again, by the new observer; nothing else is added
    assert server.log == [("unwatch", "/site/mkdocs.yml", 0.5), ("watch", "/site/mkdocs.yml", preview.POLL_SECONDS)]
