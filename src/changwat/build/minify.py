"""Our stylesheet as the site serves it: without comments and needless spaces.

templates/theme/assets/stylesheets/changwat.css is written to be read (a third of it is comments
saying why); every page loads it before its first paint. hooks/changwat_speed.py rewrites the copy
MkDocs put in the site with :func:`css`: comments dropped, runs of white space made one space, and
the spaces around ``{ } ; , >`` and after ``:`` dropped (about 1.8 kB of gzip on every first load). Text inside
quotes is never touched; a space between two other characters stays (``.a .b`` is not ``.a.b``).
"""

from __future__ import annotations

import re
from pathlib import Path

_PARTS = re.compile(r'("(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\')|(/\*.*?\*/)|([^"\'/]+|/)', re.S)
_AROUND = re.compile(r"\s*([{};,>])\s*")
_AFTER_COLON = re.compile(r":\s+")  # "color: red"; a space before a colon can matter (".a :hover")
_SPACE = re.compile(r"\s+")


def css(text: str) -> str:
    """``text`` (a stylesheet) minified; quoted strings kept as they are."""
    out: list[str] = []
    run: list[str] = []  # what lies between two strings (a comment counts as a space)

    def flush() -> None:
        out.append(_AFTER_COLON.sub(":", _AROUND.sub(r"\1", _SPACE.sub(" ", "".join(run)))))
        run.clear()

    for string, comment, other in _PARTS.findall(text):
        if string:
            flush()
            out.append(string)
        else:
            run.append(" " if comment else other)
    flush()
    return "".join(out).strip() + "\n"


def minify_file(path: Path) -> None:
    """Minify the stylesheet at ``path`` in place (a site's copy; absent: nothing to do)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    path.write_text(css(text), encoding="utf-8")
