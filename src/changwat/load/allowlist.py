"""The Thai allow-list (data/thai-allowlist.txt): proper names and words the Thai rules accept and
the search keeps whole. One word per line, ``#`` starts a comment, blank lines ignored."""

from __future__ import annotations

from pathlib import Path


def load_allowlist(path: str | Path) -> frozenset[str]:
    """Words from an allow-list file."""
    words = set()
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return frozenset(words)
