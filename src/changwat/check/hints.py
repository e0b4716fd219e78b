"""The "did you mean" of every message: one way to find close candidates, one way to say it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


def closest(value: str, options: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The options most like ``value``, best first ([] when nothing is close)."""
    return difflib.get_close_matches(value, sorted(options), n=n, cutoff=cutoff)


def did_you_mean(
    options: Sequence[str], notes_th: Sequence[str] | None = None, notes_en: Sequence[str] | None = None
) -> tuple[str, str]:
    """("หมายถึง "a" หรือ "b" หรือไม่", 'did you mean "a" or "b"?'); a note per option (a province's
    name, say) follows it in parentheses."""

    def each(notes: Sequence[str] | None) -> list[str]:
        return [f'"{o}"' + (f" ({notes[i]})" if notes else "") for i, o in enumerate(options)]

    return ("หมายถึง " + " หรือ ".join(each(notes_th)) + " หรือไม่", "did you mean " + " or ".join(each(notes_en)) + "?")
