"""Two things Material's templates print that the HTML standard does not allow, mended in the
built page (the MkDocs hook calls :func:`conform` on every page and on 404.html), so that the Nu Html
Checker reports no error on any page:

* ``autocomplete="off"`` on its checkbox toggles (``autocomplete`` is not allowed on checkboxes);
* ``<label for="__toc">`` on pages without the navigation (``hide: navigation``), where the
  ``__toc`` checkbox it names is not printed: the label keeps its text and loses the dangling ``for``.

Both live in Material's base.html and partials without a block to override; copying those files
would be the first thing to break when Material changes.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="(?P<id>[^"]+)"')


def conform(html: str) -> str:
    # Material prints both before the page's content (its header, drawer and sidebars): the long
    # content itself, which is ours, is not searched
    cut = html.find("<article")
    end = cut if cut >= 0 else len(html)
    edits = [(m.start(), m.end(), _AUTOCOMPLETE.sub("", m.group(0))) for m in _CHECKBOX.finditer(html, 0, end)]
    # a label's target exists when some element has its id (a substring search per id named)
    known: dict[str, bool] = {}
    for m in _LABEL_FOR.finditer(html, 0, end):
        ident = m.group("id")
        if ident not in known:
            known[ident] = _has_id(html, ident)
        if not known[ident]:
            edits.append((m.start(), m.end(), m.group(1)))
    # the page put together in one join, the parts left as they are sliced once
    parts: list[str] = []
    at = 0
    for start, stop, text in sorted(edits):
        parts += (html[at:start], text)
        at = stop
    return "".join([*parts, html[at:]]) if parts else html


def _has_id(html: str, ident: str) -> bool:
    """Whether an element of ``html`` has the id ``ident`` (one scan: each ``id="…"`` found is
    checked for the space before it)."""
    needle = f'id="{ident}"'
    at = html.find(needle)
    while at > 0:
        if html[at - 1] in " \n\t":
            return True
        at = html.find(needle, at + 1)
    return False
