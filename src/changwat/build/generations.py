"""Whole generations of docs/, kept by their inputs: docs/ made again without checking or rendering.

What build/pages.py generates is a function of its inputs: the code and templates (as pages.py
fingerprints them: name, size and time of every file), every data file (by content), where the data
folder is, the site's settings, the offices a preview is limited to, and the commit checked out
(build/git.py, ``describe``: the history is read at it). :func:`key` is the digest of them all.

``make clean`` removes docs/ and keeps the cache, as does a checkout that comes back to a commit
already built: the next generation finds its files here, writes them as they were (only those that
differ from docs/) and reports the data's problem counts and notes as the generation that made them
did. A generation that found errors in the data is never kept (it writes nothing).

Each generation is one file, ``generations/<key>``: a line of JSON (the counts, the notes, and each
file's path and size), then the files' bytes one after another. The last :data:`KEEP` generations
used are kept. Like the page cache (build/pagecache.py), a cache that cannot be written is only a
cache that is not kept, a damaged one is not used, and the folder is trusted as the checkout is.
This module does not import MkDocs.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..cache import MAX_BYTES, digest, write_quietly

#: Generations kept (a full build and an editor's preview, or two branches, alternate).
KEEP = 3


@dataclass(frozen=True)
class Generation:
    """What a generation wrote (paths under docs/ and their bytes) and what it found in the data."""

    files: tuple[tuple[str, bytes], ...]
    counts: dict[str, int]
    notes: str


def key(code: str, data: Path, settings: str, only: frozenset[str] | None, state: str) -> str:
    """The digest of a generation's inputs (``code``: pages.py's fingerprint of the package and the
    templates; ``state``: git's ``describe`` of the data folder's commit)."""
    files = sorted(p for p in data.rglob("*") if p.is_file()) if data.is_dir() else []
    return digest(
        sys.version,
        code,
        settings,
        ",".join(sorted(only)) if only is not None else "\0all",
        state,
        str(data.resolve()),
        *(f"{p.relative_to(data).as_posix()}\0{p.stat().st_size}" for p in files),
        *(p.read_bytes() for p in files),
    )


class Generations:
    """Generations by :func:`key` in ``folder`` (None: nothing is kept)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, name: str) -> Generation | None:
        if self.folder is None:
            return None
        path = self.folder / name
        try:
            with path.open("rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
            os.utime(path)  # recently used: kept longest
            head, _, body = raw.partition(b"\n")
            meta = json.loads(head)
            files, at = [], 0
            for name_, size in meta["files"]:
                files.append((str(name_), body[at : at + size]))
                at += size
            if at != len(body) or len(raw) > MAX_BYTES:
                return None  # cut short, or grown: not what put wrote
            counts = {str(k): int(v) for k, v in meta["counts"].items()}
            return Generation(tuple(files), counts, str(meta["notes"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, name: str, files: Sequence[tuple[str, bytes]], counts: dict[str, int], notes: str) -> None:
        if self.folder is None:
            return
        meta = {"counts": counts, "notes": notes, "files": [[path, len(data)] for path, data in files]}
        head = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if write_quietly(self.folder / name, b"".join([head, b"\n", *(data for _, data in files)])):
            self.prune(keep=name)

    def prune(self, keep: str) -> None:
        """Keep ``keep`` and the most recently used others, :data:`KEEP` in all."""
        assert self.folder is not None
        entries = []
        try:
            for entry in os.scandir(self.folder):
                if entry.name != keep and not entry.name.startswith("."):
                    entries.append((entry.stat().st_mtime, entry.path))
        except OSError:
            return
        entries.sort(reverse=True)
        for _, path in entries[KEEP - 1 :]:
            try:
                os.unlink(path)
            except OSError:
                continue
