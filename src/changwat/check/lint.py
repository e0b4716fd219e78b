"""The Thai text rules run on every text of the data, each finding placed at its line and column.

Findings depend only on a text, its language and the allow-list, so they are cached by content
(``<project>/.cache/changwat/lint.json``): an unchanged text is never linted twice.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

from yaml.nodes import ScalarNode

from ..cache import ContentCache, digest
from ..model import Pos
from ..problems import Code, Problem, register
from . import thai
from .convert import MAX_TEXT, Converted
from .thai import load_allowlist


def allowlist(path: Path) -> frozenset[str]:
    """The words of the data's allow-list (none when the file does not exist)."""
    return load_allowlist(path) if path.exists() else frozenset()


def _lint_fingerprint(allow: frozenset[str]) -> str:
    """Everything lint results depend on: the rules' code, the pythainlp version, the allow-list."""
    from importlib.metadata import version

    return digest(
        *(p.read_bytes() for p in sorted(Path(thai.__file__).parent.glob("*.py"))),
        version("pythainlp"),
        "\n".join(sorted(allow)),
    )


def lint_all(convs: Iterable[Converted], allow: frozenset[str], cache_dir: Path | None) -> list[Problem]:
    """Thai lint on every text, each finding placed at its line and column in the source. Findings
    are cached by content: unchanged texts are not re-segmented, so pythainlp's dictionary is
    loaded only when some text is new."""
    register(Code(r.code, r.severity, r.th, r.en, r.fix_th, r.fix_en) for r in thai.RULES.values())
    cache = ContentCache("lint", _lint_fingerprint(allow), cache_dir, check=valid_findings)
    out: list[Problem] = []
    for conv in convs:
        src = _Source(conv.loaded.text)
        for text, lang, node in conv.texts:
            value = getattr(text, lang)
            if not value or len(value) > MAX_TEXT:
                continue  # an over-long text is already an error (K13); linting it would only be slow
            key = digest(lang, value)
            found = cache.get(key, value)
            if found is None:
                found = [[f.code, f.start, f.end, f.found, f.suggestion] for f in thai.lint(value, lang, allow)]
                cache.put(key, found)
            if not found:
                continue
            scalar = _Scalar(src, node, value)
            for code, start, _end, text_found, suggestion in found:
                pos, length = scalar.locate(conv.path, start, text_found)
                out.append(
                    Problem(
                        pos, code, {"found": text_found, "suggestion": suggestion or "", "lang": lang}, length=length
                    )
                )
    cache.save()
    return out


def valid_findings(entry: object, value: str) -> bool:
    """A cached lint entry for ``value`` is a list of [code, start, end, found, suggestion] with a
    known code and ``found`` being exactly the text at start:end (else it is linted again)."""
    if not isinstance(entry, list):
        return False
    for f in entry:
        if not (isinstance(f, list) and len(f) == 5):
            return False
        code, start, end, found, suggestion = f
        if not (
            isinstance(code, str)
            and code in thai.RULES
            and type(start) is int
            and type(end) is int
            and 0 <= start <= end <= len(value)
            and isinstance(found, str)
            and value[start:end] == found
            and (suggestion is None or isinstance(suggestion, str))
        ):
            return False
    return True


class _Source:
    """One file's text with its line starts, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._lines: list[str] | None = None

    def line_col(self, absolute: int) -> tuple[int, int]:
        """1-based line and column of an offset (lines end at "\n")."""
        i = bisect_right(self.starts, absolute) - 1
        return i + 1, absolute - self.starts[i] + 1

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines


class _Scalar:
    """Where offsets of a scalar's value are in the file (best effort for folded or escaped text).

    When the source of the scalar is its value as is (plain, or quoted without escapes, on one
    line) an offset maps directly. Otherwise the k-th occurrence of a finding's text in the value
    is taken to be the k-th in the source; the occurrences of each distinct text are found once
    per scalar, so placing all findings of a scalar takes time linear in its length and their
    number (not their product)."""

    def __init__(self, src: _Source, node: ScalarNode, value: str) -> None:
        self.src = src
        self.node = node
        self.value = value
        self.start = node.start_mark.index
        self.raw = src.text[self.start : node.end_mark.index]
        self.quote = 1 if node.style in ("'", '"') else 0
        self.one_line = node.style in (None, "'", '"') and "\n" not in self.raw
        self.direct = self.one_line and self.raw[self.quote : len(self.raw) - self.quote] == value
        self._occurrences: dict[str, tuple[list[int], list[int]]] = {}

    def _occ(self, found: str) -> tuple[list[int], list[int]]:
        """(ends of the non-overlapping occurrences in the value, starts of all in the source)."""
        if found not in self._occurrences:
            ends, i = [], self.value.find(found)
            while i >= 0:
                ends.append(i + len(found))
                i = self.value.find(found, i + len(found))
            starts, i = [], self.raw.find(found)
            while i >= 0:
                starts.append(i)
                i = self.raw.find(found, i + 1)
            self._occurrences[found] = (ends, starts)
        return self._occurrences[found]

    def locate(self, path: str, at: int, found: str) -> tuple[Pos, int]:
        """The position of ``found``, at offset ``at`` of the value, and the length to mark."""
        idx = -1
        if self.direct:
            idx = at + self.quote
        elif found and found.strip() and "\n" not in found:
            ends, starts = self._occ(found)
            k = bisect_right(ends, at)  # occurrences before `at` in the value
            idx = starts[k] if k < len(starts) else -1
        if idx < 0 and self.node.style == "|" and "\n" in found:
            # a literal block: the value's n-th line is the (n+1)-th source line after the "|" indicator
            line_no = self.node.start_mark.line + 2 + self.value.count("\n", 0, at)
            lines = self.src.lines
            if line_no <= len(lines):
                return Pos(path, line_no, len(lines[line_no - 1]) + 1), 1
        if idx < 0:
            idx = at + self.quote if self.one_line else 0
        line, col = self.src.line_col(self.start + idx)
        length = len(found) if found and "\n" not in found else 1
        return Pos(path, line, col), length
