"""Compiled Jinja templates, kept for the next build: one cache for every Jinja environment of a build.

A build compiles about 120 templates: Material's (base.html, its partials), our overrides in
templates/theme, and the page templates in templates/. MkDocs makes a new Jinja environment for each
language's pass and each rebuild of `mkdocs serve`, and a new process compiles them all again:
about a tenth of a build's CPU time. :data:`TEMPLATES` keeps the compiled code in memory for the
life of the process and, once :meth:`CompiledTemplates.keep_in` names a folder (the project's
cache, ``Project.cache / "jinja"``), on disk for the next process. Jinja keys each entry by the
template's name and checks the source's checksum when loading it, so an edited template is compiled
again. A folder that cannot be written only costs the compiling it would have saved.

Users: build/render.py (the page templates), hooks/changwat_speed.py (the theme's environment in a
build), build/preview.py (the theme's environment while serving).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import jinja2


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
        path = self._file(bucket.key)
        if path is None:
            return
        try:  # written whole or not at all: builds may run side by side
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(code)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)

    def clear(self) -> None:
        self.store.clear()


#: The one cache of the process.
TEMPLATES = CompiledTemplates()
