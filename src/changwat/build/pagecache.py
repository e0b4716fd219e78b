"""Office pages rendered by earlier builds, kept for the next: an office whose page would come out
the same is not rendered again (nor its open data, ``data/provinces/<slug>.json``, kept the same way).

An office's page is made from its own file (if it has one), the rest of the data folder (the
national content it inherits, the registry's names, regions and DOPA areas), its history (the
commits that changed those files), the site's settings, the templates and this package's code. Every
office file is read by itself (model/resolve.py: an office never reads another office's file), so
an office page's key (:meth:`PageCache.key`) is the digest of

* :func:`inputs`, once per generation: the code and templates (as build/pages.py fingerprints them:
  name, size and time of every file), every data file that is not an office file (by content), the
  site's settings, the Python and library versions, and the history as a whole (whether it is
  available, and whether the site has changes, which every page's feed links depend on);
* the page's language and office, the bytes of the office's own file (:func:`own_files`: the model
  is made from them by the code, which the inputs cover), and the commits of its page's history.

An editor's save re-renders the two pages of the office saved; a change to national.yaml, a
template or the code re-renders them all. Pages are kept in the project's cache (``pages/<key>``),
written whole or not at all; the pages of the last few generations are kept (:meth:`prune`). A
cache that cannot be written is only a cache that is not kept. The cache folder is trusted as the
checkout is (its compiled templates are code): a page read from it is used as it is. This module
does not import MkDocs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..cache import digest, write_quietly

#: Generations whose pages are kept (a full build and an editor's preview, or two branches, alternate).
KEEP_GENERATIONS = 3


def inputs(code: str, data: Path, offices: Path, settings: str, history: Any) -> str:
    """Everything every office page depends on (``code``: the fingerprint of the package and the
    templates; ``data``: the data folder, of which ``offices`` holds the office files, left out)."""
    files = sorted(p for p in data.rglob("*") if p.is_file() and p.parent != offices)
    return digest(
        sys.version,
        code,
        settings,
        # a page links the site's feed when the site has changes (build/feeds.py); its own changes
        # are in its key: a commit that changes one office re-renders that office's pages only
        f"{history.available}\0{bool(history.site().changes)}",
        *(f"{p.relative_to(data).as_posix()}\0" for p in files),
        *(p.read_bytes() for p in files),
    )


def own_files(offices: Path) -> dict[str, str]:
    """Each office's own file (``offices``: the folder of the office files, named by the office), by
    the digest of its bytes."""
    files: dict[str, list[bytes]] = {}
    for path in sorted(offices.glob("*.y*ml")) if offices.is_dir() else ():
        if path.suffix in (".yaml", ".yml") and path.is_file():
            files.setdefault(path.stem, []).append(path.read_bytes())
    return {slug: digest(*contents) for slug, contents in files.items()}


class PageCache:
    """Rendered office pages by key, in ``folder`` (None: nothing is kept); ``own``: each office's
    file by digest (:func:`own_files`)."""

    def __init__(self, folder: Path | None, inputs: str, own: Mapping[str, str] | None = None):
        self.folder = folder
        self.inputs = inputs
        self.own = dict(own or {})
        self.used: set[str] = set()  # keys read or written by this generation
        self.hits = 0

    def key(self, lang: str, slug: str, changes: Iterable[str]) -> str:
        """The key of an office's page in ``lang`` (``changes``: the commits of its page's history),
        or with ``lang`` "open-data", of its open data (build/pages.py: the same inputs, no history)."""
        return digest(self.inputs, lang, slug, self.own.get(slug, ""), ",".join(changes))

    def get(self, key: str) -> str | None:
        if self.folder is None:
            return None
        path = self.folder / key
        try:
            text = path.read_text(encoding="utf-8")
            os.utime(path)  # recently used: kept longest
        except (OSError, UnicodeDecodeError):
            return None
        self.used.add(key)
        self.hits += 1
        return text

    def put(self, key: str, text: str) -> None:
        if self.folder is not None and write_quietly(self.folder / key, text.encode("utf-8")):
            self.used.add(key)

    def prune(self, pages: int) -> None:
        """Keep the pages of about :data:`KEEP_GENERATIONS` generations of ``pages`` office pages:
        this one's, then the most recently used."""
        if self.folder is None or not self.folder.is_dir():
            return
        entries = []
        for entry in os.scandir(self.folder):
            if entry.name in self.used or entry.name.startswith("."):
                continue
            try:
                entries.append((entry.stat().st_mtime, entry.path))
            except OSError:
                continue
        room = max(KEEP_GENERATIONS * pages - len(self.used), 0)
        entries.sort(reverse=True)
        for _, path in entries[room:]:
            try:
                os.unlink(path)
            except OSError:
                continue
