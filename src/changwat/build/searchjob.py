"""The search index, made beside the build: a child process indexes the generated pages while
MkDocs builds the site.

    python -m changwat.build.searchjob < job.json     # what hooks/changwat_search.py starts

Every page of the site is generated (build/pages.py): its body is HTML, and MkDocs hands it to the
theme as it is (hooks/changwat_site.py). So the text a reader searches is known as soon as docs/ is
written, before MkDocs renders any page. hooks/changwat_search.py starts a :class:`Job` from
``on_config``; the job reads the pages from docs/ (:func:`generated_pages`), segments their Thai
texts and runs Pagefind (build/search.py: :func:`~changwat.build.search.write_index`) on another
core while MkDocs builds. When every language is built, the hook waits for it (it is usually done),
checks that it indexed exactly the pages MkDocs built, and moves its bundle into the site
(:meth:`Job.install`). Done after the build instead, this work took about half a second of the
build after an editor changed a sentence, and more than a second of a fresh clone's.

The job's folder is ``.search-<pid>-*`` in the project's cache (the pid of the build that started
it): one a killed build left behind is removed by the next. This module does not import MkDocs.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from ..cache import digest, process_alive, stat_digest
from .search import BuiltPage

FRONT_MATTER_END = "\n---\n"


def generated_pages(docs: Path, locales: Mapping[str, str], languages: Iterable[str]) -> list[BuiltPage]:
    """The pages of docs/ whose body is HTML (front matter ``body: html``: every generated page), as
    MkDocs builds them for the languages in ``locales`` (language → location prefix): each at its
    location (``provinces/krabi.en.md`` → ``en/provinces/krabi/``; ``languages``: every language
    of the site, whose suffix marks a page of that language), with its title and body."""
    import yaml

    known = set(languages)
    default = next((lang for lang, prefix in locales.items() if prefix == ""), None)
    pages = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue  # hidden: MkDocs skips it
        base = rel[: -len(".md")]
        head, dot, suffix = base.rpartition(".")
        stem, lang = (head, suffix) if dot and suffix in known else (base, default)
        if lang is None or lang not in locales:
            continue  # a language this build does not build
        text = path.read_text(encoding="utf-8")
        end = text.find(FRONT_MATTER_END, 3)
        if not text.startswith("---\n") or end < 0:
            continue
        meta = yaml.load(text[4 : end + 1], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if not isinstance(meta, dict) or meta.get("body") != "html":
            continue
        name = stem.rpartition("/")[2]
        location = stem[: -len("index")] if name == "index" else f"{stem}/"
        body = text[end + len(FRONT_MATTER_END) :]
        pages.append(BuiltPage(locales[lang] + location, str(meta.get("title") or ""), body))
    return pages


def docs_stamp(docs: Path) -> str:
    """Changes whenever a page of docs/ may have changed (its name, size or time)."""
    return stat_digest(sorted(docs.rglob("*.md")))


@dataclass(frozen=True)
class Spec:
    """What a job indexes, and where it writes."""

    docs: str
    cache: str
    registry: str  # the provinces' names, for the browser's lexicon ("" when the data has none)
    allowlist: str  # proper names the segmentation keeps whole ("" when there is none)
    locales: dict[str, str]  # language → location prefix, for the languages this build builds
    languages: list[str]  # every language of the site (mkdocs-static-i18n's; none without it)

    def key(self) -> str:
        """Equal for two builds that would index the same pages the same way (the passes of one
        build: MkDocs runs on_config once per language)."""
        return digest(json.dumps(asdict(self), sort_keys=True), docs_stamp(Path(self.docs)))


@dataclass(frozen=True)
class Result:
    urls: list[str]  # the locations of the pages indexed
    segmented: int  # texts cut into words now
    cached: int  # texts whose words came from the cache
    seconds: float  # the job's own time


def run(spec: Spec, out: Path) -> Result:
    """The job itself: the bundle of ``spec``'s pages into ``out`` (what the child process does)."""
    from ..load.allowlist import load_allowlist
    from ..model.registry import load_registry
    from .search import CachedSegmenter, write_index

    start = time.monotonic()
    built = generated_pages(Path(spec.docs), spec.locales, spec.languages)
    names = load_allowlist(Path(spec.allowlist)) if spec.allowlist else frozenset()
    segmenter = CachedSegmenter(names, Path(spec.cache))
    provinces = list(load_registry(Path(spec.registry))) if spec.registry else []
    write_index(built, segmenter, spec.locales, provinces, out, Path(spec.cache), names)
    segmenter.save()
    # generated_pages gives only the pages of the languages built, each under its language's prefix
    return Result(sorted(p.url for p in built), segmenter.misses, segmenter.hits, time.monotonic() - start)


class JobFailed(Exception):
    """The job ended without a bundle: its message says why (the child's own error output)."""


class Job:
    """One child process indexing one build's pages (:meth:`start`, then :meth:`wait` and
    :meth:`install`, or :meth:`stop`)."""

    def __init__(self, spec: Spec, key: str, folder: Path, proc: subprocess.Popen[bytes], output: IO[bytes]):
        self.spec, self.key, self.folder, self.proc, self._output = spec, key, folder, proc, output
        self.out = folder / "pagefind"

    @classmethod
    def start(cls, spec: Spec, key: str | None = None) -> Job:
        """The job of ``spec`` (``key``: its :meth:`Spec.key`, when the caller has it already)."""
        cache = Path(spec.cache)
        remove_stale(cache)
        try:
            cache.mkdir(parents=True, exist_ok=True)
            folder = Path(tempfile.mkdtemp(prefix=f".search-{os.getpid()}-", dir=cache))
        except OSError:  # a cache that cannot be written (a read-only checkout): the system's
            folder = Path(tempfile.mkdtemp(prefix=f"changwat-search-{os.getpid()}-"))
        # a file, not a pipe: the child never waits for us to read (closed by wait() or stop())
        output = tempfile.TemporaryFile()  # noqa: SIM115
        job = {"spec": asdict(spec), "out": str(folder / "pagefind")}
        proc = subprocess.Popen(
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        assert proc.stdin is not None
        with proc.stdin:
            proc.stdin.write(json.dumps(job).encode("utf-8"))
        started = cls(spec, key or spec.key(), folder, proc, output)
        atexit.register(started.stop)  # a build that fails before waiting leaves no child behind
        return started

    def wait(self, timeout: float = 600) -> Result:
        """The job's result, once it has ended; :class:`JobFailed` if it made no bundle."""
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise JobFailed(f"no index after {timeout:g} s") from None
        self._output.seek(0)
        lines = self._output.read().decode("utf-8", "replace").strip().splitlines()
        self._output.close()
        if code != 0 or not lines or not lines[-1].startswith("{"):
            self.stop()
            raise JobFailed("\n".join(lines[-20:]) or f"the search job ended with code {code}")
        return Result(**json.loads(lines[-1]))

    def install(self, dest: Path) -> None:
        """The bundle becomes ``dest`` (the site's pagefind/): moved, else copied. No page, no bundle."""
        shutil.rmtree(dest, ignore_errors=True)
        if self.out.is_dir():
            try:
                os.replace(self.out, dest)
            except OSError:  # another file system
                shutil.copytree(self.out, dest)
        shutil.rmtree(self.folder, ignore_errors=True)
        atexit.unregister(self.stop)

    def stop(self) -> None:
        """End the child if it still runs, and remove its folder."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        with contextlib.suppress(OSError, ValueError):
            self._output.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        atexit.unregister(self.stop)


def remove_stale(cache: Path) -> None:
    """Remove the folders of jobs whose build no longer runs (killed before it installed them)."""
    for folder in cache.glob(".search-*") if cache.is_dir() else ():
        pid = folder.name.split("-")[1]
        if folder.is_dir() and pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def main(stdin: IO[str] = sys.stdin, stdout: IO[str] = sys.stdout) -> int:
    from ..cache import fewer_collections

    fewer_collections()
    job: dict[str, Any] = json.load(stdin)
    result = run(Spec(**job["spec"]), Path(job["out"]))
    print(json.dumps(asdict(result)), file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
