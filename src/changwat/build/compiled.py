"""Compiled Jinja templates, kept for the next build: one cache for every Jinja environment of a build.

A build compiles about 120 templates: Material's (base.html, its partials), our overrides in
templates/theme, and the page templates in templates/. MkDocs makes a new Jinja environment for each
language's pass and each rebuild of `mkdocs serve`, and a new process compiles them all again:
about a tenth of a build's CPU time. :data:`TEMPLATES` keeps the compiled code in memory for the
life of the process and, once :meth:`CompiledTemplates.keep_in` names a folder (the project's
cache, ``Project.cache / "jinja"``), on disk for the next process. Jinja keys each entry by the
template's name and checks the source's checksum when loading it, so an edited template is compiled
again. A folder that cannot be written only costs the compiling it would have saved.

Users: build/render.py (the page templates) and hooks/changwat_speed.py (the theme's environments,
through :func:`faster_theme`, which also lists the installed theme's files once per process).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Protocol

import jinja2

from ..cache import write_quietly


class CompiledTemplates(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}
        self.folder: Path | None = None

    def keep_in(self, folder: Path) -> None:
        """Also keep compiled templates in ``folder`` (created when first written)."""
        self.folder = folder

    def _file(self, key: str) -> Path | None:
        return self.folder / f"{key}.jinja" if self.folder is not None else None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is None and (path := self._file(bucket.key)) is not None:
            with contextlib.suppress(OSError):
                code = self.store[bucket.key] = path.read_bytes()
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the template's source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store[bucket.key] = bucket.bytecode_to_string()
        if (path := self._file(bucket.key)) is not None:
            write_quietly(path, code)  # whole or not at all: builds may run side by side


#: The one cache of the process.
TEMPLATES = CompiledTemplates()


class _ListedOnce(jinja2.FileSystemLoader):
    """A theme loader that lists an installed theme's files once per process, hidden folders left
    out (MkDocs lists all ~29 000 files of Material, icons included, in every pass and rebuild to
    find its static files). Folders of the project itself (templates/theme) are listed every time:
    an editor may add a file."""

    listings: ClassVar[dict[str, list[str]]] = {}

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for path in self.searchpath:
            if (listing := self.listings.get(path)) is None:
                listing = _visible_files(path)
                if "site-packages" in Path(path).parts:
                    self.listings[path] = listing
            found.update(listing)
        return sorted(found)


def _visible_files(root: str) -> list[str]:
    """The files under ``root`` as Jinja names ("partials/x.html"), hidden files and folders left
    out without being walked (Material's .icons/ holds 28 000 files; MkDocs' own filter drops '.*'
    and '*/.*', so they are never static files)."""
    found: list[str] = []
    for folder, folders, files in os.walk(root, followlinks=True):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        rel = Path(folder).relative_to(root).as_posix()
        found.extend(f if rel == "." else f"{rel}/{f}" for f in files if not f.startswith("."))
    return sorted(found)


class _Theme(Protocol):
    get_env: Callable[[], jinja2.Environment]


class _Config(Protocol):
    """What faster_theme uses of MkDocs' (or ProperDocs') config."""

    @property
    def theme(self) -> _Theme: ...


def faster_theme(config: _Config) -> None:
    """The theme's Jinja environments (one per language's pass, one per rebuild while serving, and
    those plugins make) list the installed theme once per process and keep compiled templates in
    :data:`TEMPLATES`."""
    theme = config.theme
    if getattr(theme.get_env, "faster", False):
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        if isinstance(env.loader, jinja2.FileSystemLoader) and type(env.loader) is jinja2.FileSystemLoader:
            env.loader = _ListedOnce(env.loader.searchpath, encoding=env.loader.encoding)
        env.bytecode_cache = TEMPLATES
        return env

    get_env.faster = True  # type: ignore[attr-defined]
    theme.get_env = get_env
