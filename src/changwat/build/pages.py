"""Stage 4 — build: write the rendered pages under docs/ for MkDocs (or ProperDocs) to build.

    changwat pages [--root .]        # generate docs/ without MkDocs (make pages)

The MkDocs hook (hooks/changwat_site.py) calls :func:`generate` from ``on_config``. docs/ is
generated output (gitignored): pages are written in mkdocs-static-i18n's suffix structure
(``x.md`` Thai, ``x.en.md`` English) and a file is rewritten only when its bytes change, so
``mkdocs serve`` does not loop on its own output and unchanged pages keep their timestamps.
Stale generated pages (an office removed from the data) are deleted.

Open data is written next to the pages, as static files that MkDocs copies into the site once (they
have no language suffix, and mkdocs-static-i18n with ``fallback_to_default: false`` does not copy
them into /en/): ``data/provinces/<slug>.json``, ``data/offices.json``, ``data/offices.csv``,
``data/national.json``, the JSON Schema of each of them beside it (``data/*.schema.json``) and the
editors' JSON Schemas from ``schema/`` as ``schema/*.schema.json``; the Atom feeds of changes
(build/feeds.py) likewise under ``feeds/<lang>/``.

If the data has errors nothing is written and :class:`DataError` is raised with the problems, so a
build never publishes a partial site. This module does not import MkDocs.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import version as _version
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from ..cache import process_alive, stat_digest, write_quietly
from ..project import Project
from .compiled import TEMPLATES
from .generations import Generations
from .generations import key as generation_key
from .urls import DATA_NATIONAL_JSON, DATA_OFFICES_CSV, DATA_OFFICES_JSON, SCHEMA_FILES, SiteInfo, data_office_json

if TYPE_CHECKING:  # imported where pages are made: a build with nothing to generate never loads it
    from .pagecache import PageCache

GENERATED_SUFFIX = ".md"
# What renders the pages besides our own code (part of the generation's fingerprint).
_LIBRARIES = " ".join(f"{name}={_version(name)}" for name in ("jinja2", "markupsafe", "pyyaml", "pythainlp"))
# Folders of docs/ that hold only generated static files (open data, schemas): anything in them
# that the current data does not produce is stale and removed.
GENERATED_DIRS = ("data", "schema", "feeds")


@dataclass(frozen=True)
class Page:
    """A generated page (or open-data file): its path under docs/ and its text."""

    path: str
    text: str


class DataError(Exception):
    """The data has errors: the site must not be built."""

    def __init__(self, report: str, count: int):
        super().__init__(f"{count} error(s) in the data; no pages were generated")
        self.report = report
        self.count = count


@dataclass
class Result:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    notes: str = ""  # warnings and notes about the data, formatted (they do not stop the build)
    counts: dict[str, int] = field(default_factory=dict)  # severity → number of problems
    skipped: bool = False  # nothing changed since the last generation (in this process or, see _Record, before)
    kept: bool = False  # written as a generation of the same inputs wrote it (build/generations.py)

    def summary(self) -> str:
        if self.skipped:
            return "changwat: pages up to date"
        data = ", ".join(f"{n} {sev}(s)" for sev, n in sorted(self.counts.items()))
        return (
            f"changwat: {len(self.written)} file(s) written{' as a kept generation wrote them' if self.kept else ''}, "
            f"{self.unchanged} unchanged, "
            f"{len(self.removed)} removed" + (f"; data: {data} (see `changwat validate`)" if data else "")
        )


# ---------------------------------------------------------------------------------------------
# Generation


_last: dict[tuple[Any, ...], str] = {}


class _Record:
    """The last generation, kept in the project's cache (``generated.json``) for the next process:
    per output (docs folder, data folder, site settings, preview offices), the fingerprint of every
    input and of docs/ as written, and the data's problem counts and notes. A build that finds the
    same fingerprint (nothing changed since, docs/ untouched, the same commit) skips validating,
    rendering and writing: docs/ is what this generation would write."""

    def __init__(self, project: Project):
        self.path = project.cache / "generated.json"

    def get(self, key: str, stamp: str) -> Result | None:
        try:
            entry = json.loads(self.path.read_text(encoding="utf-8")).get(key)
            if not isinstance(entry, dict) or entry.get("stamp") != stamp:
                return None
            counts = {str(k): int(v) for k, v in entry["counts"].items()}
            return Result(skipped=True, counts=counts, notes=str(entry["notes"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, stamp: str, result: Result) -> None:
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            entries = entries if isinstance(entries, dict) else {}
        except (OSError, ValueError):
            entries = {}
        entries[key] = {"stamp": stamp, "counts": result.counts, "notes": result.notes}
        latest = dict(list(entries.items())[-8:])  # the latest few outputs
        write_quietly(self.path, json.dumps(latest, ensure_ascii=False).encode("utf-8"))  # none: generate again


def _code(project: Project) -> list[Path]:
    """What renders the pages: the package (its Python modules, ui.yaml), the JSON Schemas and the
    page templates."""
    pkg = Path(str(resources.files("changwat")))
    schema_dir, templates = project.schema, project.templates
    schemas = sorted(schema_dir.glob("*.json")) if schema_dir.is_dir() else []
    pages = sorted(templates.rglob("*.j2")) if templates.is_dir() else []
    return [*sorted(pkg.rglob("*")), *schemas, *pages]


def _stat_digest(paths: list[Path]) -> str:
    """The name, size and time of every file of ``paths``, with the Python and library versions."""
    return stat_digest(paths, sys.version, _LIBRARIES)


def _fingerprint(project: Project, code: str) -> str:
    """Changes whenever an input of the pages may have changed: data files, the code (``code``: the
    :func:`_stat_digest` of :func:`_code`'s page templates, ui.yaml, the package's Python modules and
    the JSON Schemas, with the Python and library versions that render them), and the docs/ files
    themselves (someone may delete them)."""
    return stat_digest([*sorted(project.data.rglob("*")), *sorted(project.docs.rglob("*"))], code)


T = TypeVar("T")


class WriteError(Exception):
    """docs/ could not be written (a full disk, a read-only folder): one line saying which file and why."""


# A page is written to a temporary file in its own folder, then renamed over the page: a reader (MkDocs)
# never sees half a page, and two generations at once never share a temporary name. The name is
# hidden (MkDocs skips dot files) and carries the writer's process id, so a temporary left behind by
# a killed run is recognised and removed by the next run, and one of a run still going is left alone.
_TMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[A-Za-z0-9_]+\.tmp$")
_LEGACY_TMP = re.compile(r"^.+\.(?:md|json|csv)\.tmp$")  # the fixed name used before (<page>.tmp)


def _write_if_changed(path: Path, data: bytes, folders: set[Path] | None = None) -> bool:
    """Write ``data`` to ``path`` unless it holds it already; ``folders``: those known to exist
    (a generation writes 400 files into a few folders: one mkdir each, not one per file)."""
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
        if folders is None or path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            if folders is not None:
                folders.add(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as err:
        raise WriteError(_why(path, err)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException as err:  # a full disk, Ctrl-C, SIGTERM: never leave the temporary behind
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise WriteError(_why(path, err)) from None
        raise
    return True


def _why(path: Path, err: OSError) -> str:
    from ..load.files import display_path

    return f"changwat: เขียนไฟล์ {display_path(path)} ไม่ได้ / cannot write {display_path(path)}: {err.strerror or err}"


def remove_stale_temporaries(docs_dir: Path) -> list[str]:
    """Delete temporaries that no running generation owns (left by a killed run)."""
    removed = []
    for p in docs_dir.rglob("*.tmp") if docs_dir.is_dir() else ():
        m = _TMP.match(p.name)
        if (m and not process_alive(int(m.group("pid")))) or (not m and _LEGACY_TMP.match(p.name)):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
                removed.append(p.relative_to(docs_dir).as_posix())
    return removed


def write_pages(pages: list[Page], docs_dir: Path) -> Result:
    return write_files(encoded(pages), docs_dir)


def encoded(pages: list[Page]) -> list[tuple[str, bytes]]:
    """Each page's path and its text as written (UTF-8)."""
    return [(page.path, page.text.encode("utf-8")) for page in pages]


def write_files(files: Sequence[tuple[str, bytes]], docs_dir: Path) -> Result:
    """Write each file (its path under ``docs_dir`` and its bytes) that differs from what is there;
    remove the generated files that are not among them."""
    return _put_all(files, docs_dir, _write_if_changed)


def link_files(files: Sequence[tuple[str, Path]], docs_dir: Path) -> Result:
    """:func:`write_files` with files kept by an earlier generation (build/generations.py): each is
    put in docs/ as a hard link where docs/ has no such file (no new file is made), and written
    where docs/ has another."""
    return _put_all(files, docs_dir, _link_if_changed)


def _put_all(files: Sequence[tuple[str, T]], docs_dir: Path, put: Callable[[Path, T, set[Path]], bool]) -> Result:
    result = Result()
    wanted = {docs_dir / path for path, _ in files}
    remove_stale_temporaries(docs_dir)
    folders: set[Path] = set()
    for path, source in files:
        if put(docs_dir / path, source, folders):
            result.written.append(path)
        else:
            result.unchanged += 1
    if docs_dir.exists():
        generated = [
            *docs_dir.rglob(f"*{GENERATED_SUFFIX}"),
            *(p for d in GENERATED_DIRS for p in (docs_dir / d).rglob("*") if p.is_file()),
        ]
        for old in sorted(set(generated)):
            if old not in wanted and not _TMP.match(old.name):
                try:
                    old.unlink(missing_ok=True)  # another generation may have removed it already
                except OSError as err:
                    raise WriteError(_why(old, err)) from None
                result.removed.append(old.relative_to(docs_dir).as_posix())
    return result


def _link_if_changed(path: Path, kept: Path, folders: set[Path]) -> bool:
    """Put the kept file ``kept`` at ``path`` unless it is there already. Raises FileNotFoundError
    when ``kept`` is gone (another build removed its generation meanwhile)."""
    try:
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        os.link(kept, path)  # appears whole: a reader never sees half of it
        return True
    except FileExistsError:
        if os.path.samefile(kept, path):
            return False
    except OSError:
        pass  # another file system, or no links: written (a folder that cannot be made says so there)
    return _write_if_changed(path, kept.read_bytes(), folders)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While docs/ is written, SIGTERM ends the run the way Ctrl-C does (KeyboardInterrupt), so the
    temporary file being written is removed. Only the main thread can set a handler (mkdocs serve
    rebuilds in another thread: there it is left as it is)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> NoReturn:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _json(value: Any, indent: int | None = 2) -> str:
    if indent is None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(value, ensure_ascii=False, indent=indent) + "\n"


def open_data_files(dataset: Any, info: SiteInfo, schema_dir: Path, cache: PageCache | None = None) -> list[Page]:
    """The open-data files (paths relative to the site root, which is docs/'s root too): each office
    as its page shows it, all offices as JSON and CSV, the national content as written, and the
    JSON Schemas of the data files. One copy for both languages. ``cache`` (build/pagecache.py)
    holds each office's JSON of earlier builds: an editor's save makes that office's again."""
    from .opendata import dopa_areas, national_json, offices_csv, offices_header, open_data_schemas, resolved_json

    base, areas = info.site_url, dopa_areas(dataset)

    def office_text(r: Any) -> str:
        if cache is None:
            return _json(resolved_json(r, base, areas), indent=None)
        key = cache.key("open-data", r.slug, ())
        text = cache.get(key)
        if text is None:
            text = _json(resolved_json(r, base, areas), indent=None)
            cache.put(key, text)
        return text

    offices = [(r.slug, office_text(r)) for r in dataset.resolved()]
    files = [Page(data_office_json(slug), text) for slug, text in offices]
    # offices.json is {header, "offices": [each office's JSON]}: each office serialised once, and
    # the same bytes as serialising the whole (tests/test_build_caches.py)
    head = _json(offices_header(base), indent=None).rstrip("\n")
    listed = ",".join(text.rstrip("\n") for _, text in offices)
    files.append(Page(DATA_OFFICES_JSON, f'{head[:-1]},"offices":[{listed}]}}\n'))
    files.append(Page(DATA_OFFICES_CSV, offices_csv(dataset, base)))
    files.append(Page(DATA_NATIONAL_JSON, _json(national_json(dataset.national), indent=None)))
    # the JSON Schema of each published JSON file, beside it (data/*.schema.json)
    files.extend(Page(path, _json(schema)) for path, schema in open_data_schemas(base).items())
    for path in SCHEMA_FILES:
        source = schema_dir / Path(path).name
        if source.exists():
            files.append(Page(path, source.read_text(encoding="utf-8")))
    return files


def preview_offices() -> frozenset[str] | None:
    """CHANGWAT_PREVIEW=ang-thong[,mukdahan]: the editor's fast preview builds these offices' pages
    (and the home, list and standard pages) only; unset, the whole site."""
    raw = os.environ.get("CHANGWAT_PREVIEW", "").strip()
    return frozenset(s.strip() for s in raw.split(",") if s.strip()) or None


def generate(project: Project, force: bool = False) -> Result:
    """Load and validate the data, render every page and write what changed under docs_dir.

    Raises DataError (with the formatted problems) when the data has errors. Calling it again with
    nothing changed is nearly free (MkDocs runs on_config once per language). In a preview
    (CHANGWAT_PREVIEW) only the named offices' pages are written, and no open-data files.
    """
    from .git import describe, probe

    info, docs_dir = project.site, project.docs
    TEMPLATES.keep_in(project.cache / "jinja")
    only = preview_offices()
    key = (str(docs_dir.resolve()), str(project.data.resolve()), info, only)
    code = _stat_digest(_code(project))  # once: the fingerprints, the generation's and the page cache's keys
    stamp = _fingerprint(project, code)
    if not force and _last.get(key) == stamp:
        return Result(skipped=True)
    record, record_key = _Record(project), json.dumps([*key[:2], repr(info), sorted(only or ())])
    answer = probe(project.data)  # the commit checked out; load_history asks git nothing more about it
    if not force and (done := record.get(record_key, f"{stamp}:{describe(answer)}")) is not None:
        _last[key] = stamp
        return done
    # docs/ removed or changed, the inputs those of a generation kept (make clean; a branch built before)
    kept = Generations(project.cache / "generations")
    inputs = generation_key(code, project.data, repr(info), only, describe(answer))
    if not force and inputs is not None and (generation := kept.get(inputs)) is not None:
        try:
            with terminate_as_interrupt():
                result = link_files(generation.files, docs_dir)
        except FileNotFoundError:
            pass  # removed by another build meanwhile: generated again below
        else:
            result.counts, result.notes, result.kept = generation.counts, generation.notes, True
            _last[key] = stamp = _fingerprint(project, code)
            record.put(record_key, f"{stamp}:{describe(answer)}", result)
            return result
    # the stages, imported only when there is something to generate
    from ..check import load_dataset
    from ..problems import report as format_report
    from .feeds import feed_files
    from .history import load_history
    from .pagecache import PageCache, own_files
    from .pagecache import inputs as page_inputs
    from .render import render_site

    dataset, problems = load_dataset(project)
    errors = [p for p in problems if p.severity == "error"]
    # the same list as `changwat validate`: at most 200 problems per file, then how many more (a file
    # with 200,000 findings must not write a 235 MB build log)
    report = "\n\n".join(format_report(problems, dataset.source_lines))
    if errors:
        raise DataError(report, len(errors))
    history = load_history(project, answer)  # one git log for the whole build (build/history.py)
    # office pages that would come out the same as an earlier build's are not rendered again
    cache = PageCache(
        project.cache / "pages",
        page_inputs(code, project.data, project.provinces, repr(info), history),
        own_files(project.provinces),
    )
    if only is not None:
        unknown = sorted(only - set(dataset.registry.by_slug))
        if unknown:
            raise DataError(f"CHANGWAT_PREVIEW: unknown province {', '.join(unknown)}", len(unknown))
        pages = render_site(dataset, info, project.templates, only, history=history, cache=cache)
    else:
        pages = [
            *render_site(dataset, info, project.templates, history=history, cache=cache),
            *open_data_files(dataset, info, project.schema, cache),
            *(Page(f.path, f.text) for f in feed_files(dataset, info, history)),
        ]
    files = encoded(pages)
    with terminate_as_interrupt():
        result = write_files(files, docs_dir)
    cache.prune(len(dataset.registry.by_slug) * 3)  # per office: its two pages and its open data
    result.notes = report
    for p in problems:
        result.counts[p.severity] = result.counts.get(p.severity, 0) + 1
    if inputs is not None:
        kept.put(inputs, docs_dir, (path for path, _ in files), result.counts, result.notes)
    _last[key] = stamp = _fingerprint(project, code)
    record.put(record_key, f"{stamp}:{history.state}", result)
    return result
