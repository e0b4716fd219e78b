"""A small persistent cache keyed by content, for work that depends only on its input text
(Thai lint findings now; word segmentation for search later).

Entries live in one JSON file per cache in the project's cache folder (``Project.cache``:
.cache/changwat/, gitignored; CHANGWAT_CACHE moves it); without a folder the cache lives in memory
for one run. The file records a fingerprint of everything the results depend on (the code's version,
the dictionary, the allow-list); a different fingerprint empties the cache, so a stale result is
never served. Writes are atomic (write to a temporary file, then rename).

The cache file is an input like any other and is never trusted: a file that is not a JSON object
with a text fingerprint and an object of entries is discarded (with one warning line on stderr) and
rebuilt, never a crash; and each entry is checked when it is read (``check``: the user's test of an
entry against the input it stands for, e.g. lint findings must be known codes inside the text), so a
tampered entry is recomputed, not served.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


def digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def stat_digest(paths: Iterable[Path], *extra: str) -> str:
    """Changes whenever one of the files ``paths`` may have changed (its name, size or time; a
    path that is not a file, or is in ``__pycache__``, is left out), or ``extra`` does."""
    entries = [*extra]
    for p in paths:
        if "__pycache__" in p.parts:
            continue
        try:
            st = p.stat()
        except OSError:  # gone since it was listed
            continue
        if stat.S_ISREG(st.st_mode):
            entries.append(f"{p}\0{st.st_size}\0{st.st_mtime_ns}")
    return digest(*entries)


MAX_BYTES = 256 * 1024 * 1024  # a cache file larger than this is not read (it is rebuilt)


def _warn(path: Path, why: str) -> None:
    print(
        f"changwat: แคช {path} เสียหาย ({why}) จะสร้างใหม่ / ignoring the damaged cache {path} ({why}); "
        f"it will be rebuilt",
        file=sys.stderr,
    )


class ContentCache:
    def __init__(self, name: str, fingerprint: str, directory: Path | None, check: Callable[..., bool] | None = None):
        self.path = directory / f"{name}.json" if directory is not None else None
        self.fingerprint = fingerprint
        self.check = check
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if self.path is None:
            return
        try:
            with self.path.open("rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
        except OSError:
            return  # no cache yet (or unreadable): start empty
        if not raw.strip():
            return  # an empty file (an interrupted first save): start empty
        try:
            if len(raw) > MAX_BYTES:
                raise ValueError("too large")
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as err:
            _warn(self.path, f"not JSON: {type(err).__name__}")
            self.dirty = True
            return
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("fingerprint"), str)
            or not isinstance(data.get("entries"), dict)
        ):
            _warn(self.path, "not a cache object")
            self.dirty = True  # rewritten on save, so it is said once
            return
        if data["fingerprint"] == fingerprint:
            self.entries = data["entries"]

    def get(self, key: str, *against: Any) -> Any:
        """The entry for key, or None; with a ``check``, an entry that fails it (against the input
        given) is dropped and None returned, so the caller recomputes it."""
        value = self.entries.get(key)
        if value is not None and self.check is not None:
            try:
                ok = bool(self.check(value, *against))
            except Exception:
                ok = False
            if not ok:
                del self.entries[key]
                self.dirty = True
                return None
        return value

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        data = json.dumps(
            {"fingerprint": self.fingerprint, "entries": self.entries},
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )
        # a read-only checkout or a full disk still validates, only slower next time
        if write_quietly(self.path, data.encode("utf-8")):
            self.dirty = False


def write_quietly(path: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all: to a temporary file beside it, then renamed over it
    (builds may run side by side; a reader never sees half a file). A file that cannot be written
    (a read-only checkout, a full disk) is only a cache that is not kept: False, and no temporary is
    left behind (Ctrl-C included)."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def link_or_copy(src: str | Path, dst: str | Path) -> None:
    """``src`` at ``dst`` too: a hard link (a directory entry, not a new file), or a copy where the
    two are on different file systems or links are not allowed. For files nothing rewrites in place
    (kept search bundles, kept generations of docs/): a link shares what the file holds."""
    try:
        os.link(src, dst)
    except OSError:
        import shutil

        shutil.copy2(src, dst)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (the owner of a temporary a killed run may have left)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


#: Allocations between two collections of the youngest generation (Python's default: 700).
GC_THRESHOLD = (50_000, 20, 100)


def fewer_collections() -> None:
    """Python's cycle collector, tuned for a build or a validation: the objects alive now (the
    modules imported) are left out of every collection (``gc.freeze``) and collections run less
    often. Loading YAML and rendering pages allocate millions of small objects, few of them in
    cycles: with the default thresholds the collector took a third of validating 76 full office
    files (bench/run.py, scale). Memory stays bounded: cycles are still collected. Only the first
    call freezes (a live preview calls it at every rebuild: what is alive then may be garbage of the
    last build). It freezes without collecting first: the few cycles that importing leaves are not
    worth the 15 ms a full collection takes in a build's process."""
    import gc

    if gc.get_threshold() != GC_THRESHOLD:
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLD)
