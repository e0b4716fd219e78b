"""A small persistent cache keyed by content, for work that depends only on its input text
(Thai lint findings now; word segmentation for search later).

Entries live in one JSON file per cache in the project's cache folder (``Project.cache``:
.cache/changwat/, gitignored; CHANGWAT_CACHE moves it); without a folder the cache lives in memory
for one run. The file records a fingerprint of everything the results depend on (the code's version,
the dictionary, the allow-list); a different fingerprint empties the cache, so a stale result is
never served. Writes are atomic (write to a temporary file, then rename).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

def digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


class ContentCache:
    def __init__(self, name: str, fingerprint: str, directory: Path | None):
        self.path = directory / f"{name}.json" if directory is not None else None
        self.fingerprint = fingerprint
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("fingerprint") == fingerprint:
                self.entries = data.get("entries", {})
        except (OSError, ValueError):
            pass  # no cache yet, or a broken one: start empty

    def get(self, key: str) -> Any:
        return self.entries.get(key)

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"fingerprint": self.fingerprint, "entries": self.entries}, fh, ensure_ascii=False,
                          separators=(",", ":"), sort_keys=True)
            os.replace(tmp, self.path)
            tmp = None
            self.dirty = False
        except OSError:
            pass  # a read-only checkout or a full disk still validates, only slower next time
        finally:
            if tmp is not None:  # never leave a partial temporary behind (full disk, Ctrl-C)
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
