"""The rule registry: each lint rule is declared once, by decorating its check function.

A declaration gives the rule's code, severity, the languages it runs for, its message and fix in
Thai and English, and what suppresses it (another rule's finding that already reports the same
problem)::

    @rule("U02", "error", langs=TH,
          th="...", en="...", fix_th="...", fix_en="...",
          suppressed_by=[overlapping("U01", "U03", "U04")])
    def u02(text: str, ctx: Context) -> list[Finding]:
        ...

:func:`run` runs every rule of a language on a text and applies the suppressions. Suppressions
look at the findings of all rules *before* any is dropped, so the order of the rules does not
matter.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

TH: frozenset[str] = frozenset({"th"})
EN: frozenset[str] = frozenset({"en"})
BOTH: frozenset[str] = TH | EN


@dataclass(frozen=True)
class Finding:
    """One problem in a text: ``text[start:end] == found``."""

    code: str
    start: int
    end: int
    found: str
    suggestion: str | None

    @property
    def rule(self) -> Rule:
        return RULES[self.code]


class Context:
    """What a check may use besides the text: the language, the allow-list, values shared
    between rules for the same text (:meth:`memo`), and the work budget of the expensive rules."""

    def __init__(self, text: str, lang: str, allow: frozenset[str]) -> None:
        self.text = text
        self.lang = lang
        self.allow = allow
        self._memo: dict[str, object] = {}

    def memo(self, key: str, compute: Callable[[], object]) -> object:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


Check = Callable[[str, Context], list[Finding]]


class Index:
    """The findings of one code, for "does any of them overlap / contain this span" in log time."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        spans = sorted((f.start, f.end) for f in findings)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        m = -1
        for _, e in spans:
            m = max(m, e)
            self.max_end.append(m)

    def overlaps(self, start: int, end: int) -> bool:
        """Some finding g with g.start < end and start < g.end."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start

    def contains(self, start: int, end: int) -> bool:
        """Some finding g with g.start <= start and end <= g.end."""
        i = bisect_right(self.starts, start)
        return i > 0 and self.max_end[i - 1] >= end


class Found:
    """The findings of all rules for one text, before suppression."""

    def __init__(self, text: str, findings: Sequence[Finding]) -> None:
        self.text = text
        self._by: dict[str, list[Finding]] = {}
        for f in findings:
            self._by.setdefault(f.code, []).append(f)
        self._index: dict[tuple[str, ...], Index] = {}
        self._spaces: list[int] | None = None

    def chunk(self, start: int, end: int) -> tuple[int, int]:
        """The text between the white space before ``start`` and the white space from ``end`` on."""
        if self._spaces is None:
            self._spaces = [i for i, ch in enumerate(self.text) if ch.isspace()]
        i = bisect_left(self._spaces, start)
        j = bisect_left(self._spaces, end)
        a = self._spaces[i - 1] + 1 if i > 0 else 0
        b = self._spaces[j] if j < len(self._spaces) else len(self.text)
        return a, b

    def index(self, codes: tuple[str, ...]) -> Index:
        if codes not in self._index:
            self._index[codes] = Index(f for c in codes for f in self._by.get(c, ()))
        return self._index[codes]


# A suppression says whether a finding is already reported by another rule's finding.
Suppression = Callable[[Finding, Found], bool]


def overlapping(*codes: str) -> Suppression:
    """Suppressed where it overlaps a finding of one of ``codes``."""

    def suppressed(f: Finding, found: Found) -> bool:
        return found.index(codes).overlaps(f.start, f.end)

    suppressed.__doc__ = f"overlaps {', '.join(codes)}"
    return suppressed


def inside_when_blank(*codes: str) -> Suppression:
    """Suppressed when it is only white space and lies inside a finding of one of ``codes``."""

    def suppressed(f: Finding, found: Found) -> bool:
        return f.found.strip() == "" and found.index(codes).contains(f.start, f.end)

    suppressed.__doc__ = f"blank and inside {', '.join(codes)}"
    return suppressed


def chunk_touching(*codes: str) -> Suppression:
    """Suppressed while the chunk around it (the text between the spaces before and after it,
    widened by one character) touches a finding of one of ``codes``."""

    def suppressed(f: Finding, found: Found) -> bool:
        a, b = found.chunk(f.start, f.end)
        return found.index(codes).overlaps(a - 1, b + 1)

    suppressed.__doc__ = f"its chunk touches {', '.join(codes)}"
    return suppressed


@dataclass(frozen=True)
class Rule:
    """A lint rule with its message and how to fix it, in Thai and English."""

    code: str
    severity: Literal["error", "warning"]
    th: str
    en: str
    fix_th: str
    fix_en: str
    langs: frozenset[str] = field(default=BOTH, compare=False)
    check: Check | None = field(default=None, compare=False, repr=False)
    suppressed_by: tuple[Suppression, ...] = field(default=(), compare=False, repr=False)


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Literal["error", "warning"],
    *,
    langs: frozenset[str],
    th: str,
    en: str,
    fix_th: str,
    fix_en: str,
    suppressed_by: Sequence[Suppression] = (),
) -> Callable[[Check], Check]:
    """Declare the decorated function as the check of rule ``code``."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule {code} is declared twice")
        if not langs or not langs <= BOTH:
            raise ValueError(f"rule {code}: langs must be a non-empty subset of {sorted(BOTH)}")
        RULES[code] = Rule(code, severity, th, en, fix_th, fix_en, frozenset(langs), check, tuple(suppressed_by))
        return check

    return register


_ORDER = "USDE"


def finish_registry() -> dict[str, frozenset[str]]:
    """Put RULES in the order of the documentation (U, S, D, E; by number) and return the codes
    each language runs."""
    ordered = sorted(RULES.items(), key=lambda kv: (_ORDER.index(kv[0][0]), kv[0]))
    RULES.clear()
    RULES.update(ordered)
    return {lang: frozenset(c for c, r in RULES.items() if lang in r.langs) for lang in sorted(BOTH)}


def run(text: str, lang: str, allow: frozenset[str]) -> tuple[Finding, ...]:
    """Every rule of ``lang`` on ``text``, each problem reported once, sorted by position."""
    ctx = Context(text, lang, allow)
    out: list[Finding] = []
    for r in RULES.values():
        if lang in r.langs and r.check is not None:
            out += r.check(text, ctx)
    found = Found(text, out)
    kept = [f for f in out if not any(s(f, found) for s in RULES[f.code].suppressed_by)]
    return tuple(sorted(set(kept), key=lambda f: (f.start, f.end, f.code)))
