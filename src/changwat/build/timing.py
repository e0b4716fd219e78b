"""How long our part of a build takes: the hooks time themselves, and the build's log says it.

Each MkDocs hook function of hooks/ is wrapped with :func:`timed`; the time spent inside them (which
is all of our code a build runs: generating the pages, search, sitemap, the HTML mending) adds up
per hook, in wall-clock and CPU seconds of this process (Pagefind, a child process, counts in
wall-clock only). :func:`summary` is the line hooks/changwat_site.py logs when the build ends;
bench/run.py reads it to report our share of the build. Nothing here imports MkDocs.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_spent: dict[str, list[float]] = {}  # hook name → [wall seconds, CPU seconds, calls]


def timed(fn: F) -> F:
    """``fn`` (a hook function) timing itself into this build's totals. Attributes MkDocs reads
    (``mkdocs_priority``) are kept: set them before or after wrapping."""
    key = f"{fn.__module__.removesuffix('.py').rsplit('_', 1)[-1]}.{fn.__name__}"

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = _spent.setdefault(key, [0.0, 0.0, 0])
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - cpu
            spent[2] += 1

    return wrapper  # type: ignore[return-value]


def reset() -> None:
    _spent.clear()


def totals() -> tuple[float, float]:
    """(wall, CPU) seconds spent in our hooks since the last :func:`reset`."""
    return sum(s[0] for s in _spent.values()), sum(s[1] for s in _spent.values())


def summary() -> str:
    """One line: our time in this build, and the hooks that took most of it."""
    wall, cpu = totals()
    top = sorted(_spent.items(), key=lambda kv: -kv[1][0])[:4]
    parts = ", ".join(f"{name} {s[0]:.2f}" for name, s in top)
    return f"changwat: our hooks took {wall:.2f} s ({cpu:.2f} s CPU) of this build: {parts}"
