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
    head, rest = (html[:cut], html[cut:]) if cut >= 0 else (html, "")
    head = _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), head)
    # a label's target exists when some element has its id (a substring search per id named)
    known: dict[str, bool] = {}

    def label(m: re.Match[str]) -> str:
        ident = m.group("id")
        if ident not in known:
            known[ident] = _has_id(html, ident)
        return m.group(0) if known[ident] else m.group(1)

    return _LABEL_FOR.sub(label, head) + rest


def _has_id(html: str, ident: str) -> bool:
    return any(f'{space}id="{ident}"' in html for space in (" ", "\n", "\t"))
