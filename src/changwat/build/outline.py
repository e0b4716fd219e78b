"""Stage 4 — build: a rendered page's outline, read back from the headings the templates write.

Every heading of a generated page's body comes from one macro (templates/_macros.j2 ``heading``)::

    <hN id="ascii-id"[ data-search-exclude]>text<a class="headerlink" href="#ascii-id" title="…">¶</a></hN>

From those headings come

* the table of contents (:func:`toc`): the h2 and h3 headings, nested, as the tokens
  Python-Markdown's ``toc`` extension would hand MkDocs (``level``, ``id``, ``name`` as HTML,
  ``children``), which hooks/changwat_site.py gives the page;
* the search's sections (:func:`sections`): the page's text cut at its headings, the text before the
  first one as the page's own, elements marked ``data-search-exclude`` (breadcrumbs, facts, the
  jump list) and the sections under headings so marked (national content shown on 76 office pages,
  indexed once on the standard page) left out.

So neither depends on Markdown, on MkDocs or on the theme. The text is what a reader reads: tags
become spaces (none before a comma or a closing bracket), character references are decoded, runs of
spaces become one. This module only reads
HTML that build/render.py wrote; it is not a general HTML parser.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

#: Heading levels in the table of contents (h1 is the page's title).
TOC_LEVELS = (2, 3)

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S | re.I)
_ID = re.compile(r'\bid="([^"]*)"')
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_EXCLUDED = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
_TAG = re.compile(r"<[^>]*>")
# Where a tag was: a space, except before closing punctuation and after opening punctuation
# ("<a>Ang Thong</a>, <a>Mukdahan</a>" reads "Ang Thong, Mukdahan", not "Ang Thong , Mukdahan").
# Bodies never hold U+0000 (render.py folds control characters), so it marks the tags' places.
_GAP = "\x00"
_GAP_BEFORE_CLOSE = re.compile(r"\x00+(?=[,.;:!?)\]}%])")
_GAP_AFTER_OPEN = re.compile(r"(?<=[(\[{])\x00+")
_SPACE = re.compile(r"\s+")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)
_NEVER_TEXT = frozenset(("script", "style", "template"))
_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))


@dataclass(frozen=True)
class Section:
    """A part of a page under one heading, as the search indexes it."""

    anchor: str  # the heading's id
    title: str  # the heading's text (without its permalink)
    text: str  # the text under it, up to the next heading


def plain(markup: str) -> str:
    """The text a reader reads in ``markup``: tags dropped (as a space, but none before a comma or
    a closing bracket, nor after an opening one), references decoded, spaces collapsed."""
    if "<" not in markup and "&" not in markup:  # most headings: text alone
        return _SPACE.sub(" ", markup).strip()
    text = html.unescape(_TAG.sub(_GAP, markup))
    text = _GAP_AFTER_OPEN.sub("", _GAP_BEFORE_CLOSE.sub("", text))
    return _SPACE.sub(" ", text.replace(_GAP, " ")).strip()


def _heading_text(inner: str) -> str:
    return plain(_PERMALINK.sub("", inner))


def toc(body: str) -> list[dict[str, Any]]:
    """The table of contents of ``body``: its h2/h3 headings with ids, each h3 under its h2."""
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for m in _HEADING.finditer(body):
        level, ident = int(m.group(1)), _ID.search(m.group(2))
        if level not in TOC_LEVELS or ident is None:
            continue
        token: dict[str, Any] = {
            "level": level,
            "id": ident.group(1),
            "name": html.escape(_heading_text(m.group(3)), quote=False),
            "children": [],
        }
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots


def _end_of(body: str, tag: str, start: int) -> int:
    """Where the element whose start tag ends at ``start`` ends (after its end tag)."""
    depth = 1
    for m in re.compile(rf"<(/?){tag}\b[^>]*>", re.I).finditer(body, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return len(body)


def searchable(body: str) -> str:
    """``body`` without the elements the search leaves out: those marked ``data-search-exclude``
    (headings excepted: a marked heading leaves out its section, see :func:`sections`) and scripts."""
    out: list[str] = []
    pos = 0
    for m in _EXCLUDED.finditer(body):
        if m.start() < pos:  # inside an element already left out
            continue
        tag = m.group(1).lower()
        if tag in _NEVER_TEXT or (" data-search-exclude" in m.group(2) and tag not in _HEADINGS):
            out.append(body[pos : m.start()])
            pos = m.end() if tag in _VOID else _end_of(body, tag, m.end())
    out.append(body[pos:])
    return "".join(out)


def sections(body: str) -> tuple[str, list[Section]]:
    """The page's own text (before its first heading with an id) and its sections, as the search
    indexes them."""
    body = searchable(body)
    intro: list[str] = []
    found: list[Section] = []
    current: tuple[str, str, bool] | None = None  # (anchor, title, left out)
    pos = 0

    def close(chunk: str) -> None:
        if current is None:
            intro.append(chunk)
        elif not current[2]:
            found.append(Section(current[0], current[1], plain(chunk)))

    for m in _HEADING.finditer(body):
        close(body[pos : m.start()])
        pos = m.end()
        ident = _ID.search(m.group(2))
        if ident is None:  # the page's title (h1): what follows is the page's own text
            current = None
            continue
        current = (ident.group(1), _heading_text(m.group(3)), " data-search-exclude" in m.group(2))
    close(body[pos:])
    return plain(" ".join(intro)), found
