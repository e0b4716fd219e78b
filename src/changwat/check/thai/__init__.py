"""Lint for Thai (and English) text written by office staff.

Every text an editor writes passes through :func:`lint`, which returns :class:`Finding` objects
with code-point offsets, the offending substring and, where it can be computed safely, the
corrected substring. Each rule has a bilingual message and fix in :data:`RULES`, written for
non-programmers.

The rules were derived from (and are tested against) the real defects in
``shared/reference/seed-defects.csv``: text copied from PDFs of provincial offices. Rules:

* ``U..`` Unicode/encoding problems (errors): characters that look right but are stored wrong
  (:mod:`.unicode`; U04 in :mod:`.dictionary`).
* ``U13``, ``U14`` list markers and formatting code (errors), ``S..`` spacing and layout (errors
  for what breaks the page, warnings for house style) (:mod:`.layout`).
* ``D01`` dictionary check, ``D02`` text too long to check in full (warnings) (:mod:`.dictionary`),
  ``E01`` Thai inside English (warning) (:mod:`.english`).

Each rule is declared once, with its check function (:mod:`.registry`): code, severity, the
languages it runs for, its message and fix, and which other rules' findings suppress it. Adding a
rule is one decorated function (and a golden case in tests/cases/).

Every text is checked in time roughly proportional to its length (see :mod:`.dictionary`).
Apart from loading pythainlp's word list once (lazily, on the first dictionary check) the
package is pure: no I/O, no global state that changes results.
"""

from __future__ import annotations

from ...load.allowlist import load_allowlist
from . import dictionary, english, layout, unicode  # noqa: F401  (they declare the rules)
from .registry import RULES, Finding, Rule, finish_registry, run

__all__ = [
    "RULES",
    "RULES_BY_LANG",
    "Finding",
    "Rule",
    "lint",
    "load_allowlist",
]

# Which rules run for which language: layout and invisible characters for both; Thai script and
# spelling rules for Thai texts; Thai script inside English texts for English.
RULES_BY_LANG: dict[str, frozenset[str]] = finish_registry()


def lint(text: str, lang: str = "th", allow: frozenset[str] = frozenset()) -> list[Finding]:
    """All findings for one text, sorted by position.

    ``lang`` is "th" or "en"; ``allow`` is the set of words the dictionary check accepts (see
    :func:`load_allowlist`). Results are cached per (text, lang, allow).
    """
    if lang not in ("th", "en"):
        raise ValueError(f"lang must be 'th' or 'en', not {lang!r}")
    if not isinstance(allow, frozenset):
        allow = frozenset(allow)
    if not text:
        return []
    cache = _RESULTS.get(allow)
    if cache is None:
        if len(_RESULTS) >= 4:  # a few allow-lists at a time (in practice there is one)
            _RESULTS.clear()
        cache = _RESULTS[allow] = dictionary.BytesLRU(32 * 1024 * 1024)
    key = lang + "\0" + text
    found = cache.get(key)
    if found is None:
        found = run(text, lang, allow)
        cache.put(key, found)
    return list(found)


# Results per (allow-list, language + text), bounded in bytes.
_RESULTS: dict[frozenset[str], dictionary.BytesLRU[Finding]] = {}
