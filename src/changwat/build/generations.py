"""Whole generations of docs/, kept by their inputs: docs/ made again without checking or rendering.

What build/pages.py generates is a function of its inputs: the code and templates (as pages.py
fingerprints them: name, size and time of every file), every data file (by content), where the data
folder is, the site's settings, the offices a preview is limited to, and the commit checked out
(build/git.py, ``describe``: the history is read at it). :func:`key` is the digest of them all.

``make clean`` removes docs/ and keeps the cache, as does a checkout that comes back to a commit
already built: the next generation finds its files here, puts them back in docs/ (only those that
differ from what docs/ holds) and reports the data's problem counts and notes as the generation that
made them did. A generation that found errors in the data is never kept (it writes nothing).

A generation is a folder, ``generations/<key>/``: ``files/`` holds each file as docs/ had it, and
``manifest.json`` the counts, the notes, and each file's path, size and time. The files are hard
links to docs/'s (copies where the cache is on another file system), so keeping a generation and
putting it back cost a directory entry per file, not a new file (creating a file costs 0.2–0.3 ms
on this project's machines, 400 of them a tenth of a second). A link shares what docs/'s file holds:
docs/ is always written by renaming a new file over the old one (pages.py), never in place, and a
file changed in place anyway (someone's editor) shows in its time, so its generation is not used.

The last :data:`KEEP` generations used are kept. Like the page cache (build/pagecache.py), a cache
that cannot be written is only a cache that is not kept, a damaged one is not used, and the folder is
trusted as the checkout is. This module does not import MkDocs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..cache import link_or_copy, process_alive, write_quietly

#: Generations kept (a full build and an editor's preview, or two branches, alternate).
KEEP = 3
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Generation:
    """What a generation wrote (each file's path under docs/ and where it is kept) and what it found
    in the data."""

    files: tuple[tuple[str, Path], ...]
    counts: dict[str, int]
    notes: str


def key(code: str, data: Path, settings: str, only: frozenset[str] | None, state: str) -> str | None:
    """The digest of a generation's inputs (``code``: pages.py's fingerprint of the package and the
    templates; ``state``: git's ``describe`` of the data folder's commit). None when the data folder
    holds a file that the loader would not read as it is (a link, a FIFO, a device, a file over its
    size limit): this runs before the data is checked, so such a file is never read here, and a
    folder that holds one is always generated (and its problems reported)."""
    from ..load.yaml import MAX_BYTES

    h = hashlib.blake2b(digest_size=16)
    for part in (sys.version, code, settings, ",".join(sorted(only)) if only is not None else "\0all", state):
        h.update(part.encode("utf-8") + b"\0")
    h.update(str(data.resolve()).encode("utf-8", "surrogateescape") + b"\0")
    for path in sorted(data.rglob("*")) if data.is_dir() else ():
        try:
            st = os.lstat(path)
            if stat.S_ISDIR(st.st_mode):
                continue
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
                return None
            with path.open("rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
        except OSError:
            return None
        if len(raw) > MAX_BYTES:
            return None
        name = path.relative_to(data).as_posix().encode("utf-8", "surrogateescape")
        h.update(b"%s\0%d\0" % (name, len(raw)))
        h.update(raw)
    return h.hexdigest()


def _inside(path: str) -> bool:
    """A relative path that stays inside the folder it is relative to."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts


class Generations:
    """Generations by :func:`key` in ``folder`` (None: nothing is kept)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, name: str) -> Generation | None:
        """The generation ``name``, if it is kept whole and unchanged."""
        if self.folder is None:
            return None
        kept = self.folder / name
        try:
            meta = json.loads((kept / MANIFEST).read_bytes())
            files = []
            for path, size, mtime in meta["files"]:
                if not _inside(path):
                    return None
                stored = kept / "files" / path
                st = stored.stat()
                if st.st_size != size or st.st_mtime_ns != mtime:
                    return None  # changed since it was kept
                files.append((str(path), stored))
            counts = {str(k): int(v) for k, v in meta["counts"].items()}
            os.utime(kept / MANIFEST)  # recently used: kept longest
            return Generation(tuple(files), counts, str(meta["notes"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, name: str, docs: Path, paths: Iterable[str], counts: dict[str, int], notes: str) -> None:
        """Keep the files ``paths`` of ``docs`` (just written by the generation ``name``)."""
        if self.folder is None:
            return
        building = self.folder / f".{name}.{os.getpid()}.tmp"
        try:
            entries, folders = [], set()
            for path in paths:
                source, stored = docs / path, building / "files" / path
                if stored.parent not in folders:
                    stored.parent.mkdir(parents=True, exist_ok=True)
                    folders.add(stored.parent)
                link_or_copy(source, stored)
                st = stored.stat()
                entries.append([path, st.st_size, st.st_mtime_ns])
            manifest = {"counts": counts, "notes": notes, "files": entries}
            if not write_quietly(building / MANIFEST, json.dumps(manifest, ensure_ascii=False).encode("utf-8")):
                raise OSError("manifest not written")
            self._remove(self.folder / name)  # the same inputs kept before, now damaged
            os.replace(building, self.folder / name)
        except OSError:
            self._remove(building)
            return
        self.prune(keep=name)

    def prune(self, keep: str) -> None:
        """Keep ``keep`` and the most recently used others, :data:`KEEP` in all; remove what a killed
        run left half made."""
        assert self.folder is not None
        entries = []
        try:
            for entry in os.scandir(self.folder):
                if entry.name.startswith("."):
                    pid = entry.name.rsplit(".", 2)[-2] if entry.name.endswith(".tmp") else ""
                    if pid.isdigit() and not process_alive(int(pid)):
                        self._remove(Path(entry.path))
                elif entry.name != keep:
                    try:
                        entries.append((os.stat(Path(entry.path) / MANIFEST).st_mtime, entry.path))
                    except OSError:
                        entries.append((0.0, entry.path))  # no manifest: damaged, removed first
        except OSError:
            return
        entries.sort(reverse=True)
        for _, path in entries[KEEP - 1 :]:
            self._remove(Path(path))

    @staticmethod
    def _remove(path: Path) -> None:
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
