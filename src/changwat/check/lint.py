"""The Thai text rules run on every text of the data, each finding placed at its line and column.

Findings depend only on a text, its language and the allow-list, so they are cached by content
(``<project>/.cache/changwat/lint.json``): an unchanged text is never linted twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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

    return digest(*(p.read_bytes() for p in sorted(Path(thai.__file__).parent.glob("*.py"))), version("pythainlp"), "\n".join(sorted(allow)))


def lint_all(convs: Iterable[Converted], allow: frozenset[str], cache_dir: Path | None) -> list[Problem]:
    """Thai lint on every text, each finding placed at its line and column in the source. Findings
    are cached by content: unchanged texts are not re-segmented, so pythainlp's dictionary is
    loaded only when some text is new."""
    register(Code(r.code, r.severity, r.th, r.en, r.fix_th, r.fix_en) for r in thai.RULES.values())
    cache = ContentCache("lint", _lint_fingerprint(allow), cache_dir, check=valid_findings)
    out: list[Problem] = []
    for conv in convs:
        source = conv.loaded.text
        for text, lang, node in conv.texts:
            value = getattr(text, lang)
            if not value or len(value) > MAX_TEXT:
                continue  # an over-long text is already an error (K13); linting it would only be slow
            key = digest(lang, value)
            found = cache.get(key, value)
            if found is None:
                found = [[f.code, f.start, f.end, f.found, f.suggestion] for f in thai.lint(value, lang, allow)]
                cache.put(key, found)
            for code, start, _end, text_found, suggestion in found:
                pos, length = _locate(conv.path, source, node, value, start, text_found)
                out.append(Problem(pos, code, {"found": text_found, "suggestion": suggestion or "", "lang": lang},
                                   length=length))
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
        if not (isinstance(code, str) and code in thai.RULES and type(start) is int and type(end) is int
                and 0 <= start <= end <= len(value) and isinstance(found, str) and value[start:end] == found
                and (suggestion is None or isinstance(suggestion, str))):
            return False
    return True


def _locate(path: str, source: str, node, value: str, at: int, found: str) -> tuple[Pos, int]:
    """Where `found`, at offset `at` of a scalar's value, is in the file (best effort for folded or
    escaped text)."""
    start, end = node.start_mark, node.end_mark
    raw = source[start.index:end.index]
    idx = -1
    if found and found.strip() and "\n" not in found:
        # the k-th occurrence in the value is (almost always) the k-th in the raw text
        k = value.count(found, 0, at)
        idx = -1
        for _ in range(k + 1):
            idx = raw.find(found, idx + 1)
            if idx < 0:
                break
    if idx < 0 and node.style == "|" and "\n" in found:
        # a literal block: the value's n-th line is the (n+1)-th source line after the "|" indicator
        line_no = start.line + 2 + value.count("\n", 0, at)
        lines = source.splitlines()
        if line_no <= len(lines):
            return Pos(path, line_no, len(lines[line_no - 1]) + 1), 1
    if idx < 0:
        offset = at + (1 if node.style in ("'", '"') else 0)
        idx = offset if node.style in (None, "'", '"') and "\n" not in raw else 0
    absolute = start.index + idx
    line = source.count("\n", 0, absolute) + 1
    col = absolute - (source.rfind("\n", 0, absolute) + 1) + 1
    length = len(found) if found and "\n" not in found else 1
    return Pos(path, line, col), length


