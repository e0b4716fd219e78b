"""The live preview (`make preview`, `make serve`) never hangs on a data error.

`mkdocs serve` rebuilds after every save; when a rebuild raises, its server keeps every page
request and every live-reload poll waiting for a build that never finishes ("the server will appear
stuck"). So while serving, a data error does not stop the build: the site is built from the last
good pages (docs/ is only written when the data is valid), and every page gets a banner in Thai and
English listing each problem (file:line:col, message, fix). On the next save that fixes the file,
the rebuild succeeds, live reload refreshes the open page and the banner is gone. A `mkdocs build`
(and CI) still fails on the first error.

The MkDocs hooks (hooks/changwat_site.py) call:

    on_startup(command)                          start_serving(command == "serve")
    on_config, on pages.DataError                show(project, error) → True: go on building
    on_config, when the data is valid            clear()
    on_post_page / on_post_template("404.html")  with_banner(html)

When the preview starts with broken data there are no last good pages yet: placeholder pages
(home, and the previewed offices' pages, both languages) are written so that those addresses answer
with the banner instead of "404".
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..project import Project
from .urls import LANGS, docs_path, office_url

if TYPE_CHECKING:
    from ..problems import Problem

MAX_SHOWN = 50  # problems listed in the banner (all are counted)


@dataclass
class _State:
    serving: bool = False
    problems: list[Problem] = field(default_factory=list)  # empty: the data is valid
    report: str = ""  # when there are no Problem objects (e.g. an unknown CHANGWAT_PREVIEW)
    count: int = 0


STATE = _State()


def start_serving(serving: bool) -> None:
    STATE.serving = serving
    clear()
    if serving:
        # The first save of an edited text runs the Thai lint on it, which loads pythainlp's
        # dictionary (about 2 s): load it now, beside the first build, not when the editor saves.
        threading.Thread(target=_load_thai_dictionary, name="changwat-warm-up", daemon=True).start()


def _load_thai_dictionary() -> None:
    from ..check import thai

    thai.lint("สำนักงานจังหวัดเตรียมพจนานุกรม", "th", frozenset())


def serving() -> bool:
    return STATE.serving


def clear() -> None:
    STATE.problems, STATE.report, STATE.count = [], "", 0


def show(project: Project, error: Exception) -> bool:
    """Record the data's problems for the banner. True when serving (the build goes on with the last
    good pages); False otherwise (the caller stops the build)."""
    if not STATE.serving:
        return False
    STATE.problems = _errors(project)
    STATE.count = getattr(error, "count", len(STATE.problems)) or len(STATE.problems)
    STATE.report = "" if STATE.problems else getattr(error, "report", str(error))
    _placeholders(project)
    return True


_LAST: dict[str, tuple[tuple[tuple[str, int, int], ...], list[Problem]]] = {}


def _errors(project: Project) -> list[Problem]:
    """The data's errors as Problems. MkDocs runs on_config once per language: the second time, with
    the same files, the first answer is reused instead of validating again."""
    from ..check import load_dataset
    from ..load.files import data_files

    files = data_files(project.data)
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())
    cached = _LAST.get(str(project.data))
    if cached is not None and cached[0] == key:
        return cached[1]
    _, problems = load_dataset(project)
    errors = [p for p in problems if p.severity == "error"]
    _LAST[str(project.data)] = (key, errors)
    return errors


def _placeholders(project: Project) -> None:
    from .pages import preview_offices

    urls = ["", *(office_url(slug) for slug in sorted(preview_offices() or ()))]
    for url in urls:
        for lang in LANGS:
            path = project.docs / docs_path(url, lang)
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(
                    "---\nsearch:\n  exclude: true\n---\n\n# สำนักงานจังหวัด · Provincial offices\n", encoding="utf-8"
                )


def banner() -> str:
    """The problems as HTML (empty when the data is valid)."""
    if not STATE.problems and not STATE.report:
        return ""
    items = []
    for p in STATE.problems[:MAX_SHOWN]:
        where = f"{p.pos.path}:{p.pos.line}:{p.pos.col}"
        items.append(
            "<li>"
            f"<code>{html.escape(where)}</code> <code>[{html.escape(p.code)}]</code><br>"
            f'<span lang="th">{html.escape(p.th)}</span><br><span lang="en">{html.escape(p.en)}</span>'
            + (f'<br><span lang="th">แก้ไข: {html.escape(p.fix_th)}</span>' if p.fix_th else "")
            + (f'<br><span lang="en">fix: {html.escape(p.fix_en)}</span>' if p.fix_en else "")
            + "</li>"
        )
    more = len(STATE.problems) - MAX_SHOWN
    if more > 0:
        items.append(f"<li>… อีก {more} ปัญหา / {more} more problem(s): <code>changwat validate</code></li>")
    body = f"<ol>{''.join(items)}</ol>" if items else f"<pre>{html.escape(STATE.report)}</pre>"
    return (
        '<div id="changwat-problems" role="alert" style="background:#fff3f3;color:#000;border:3px solid #b00020;'
        'padding:1em 1.5em;margin:0;font-size:1rem;line-height:1.5;position:relative;z-index:10">'
        f'<h2 style="margin:0 0 .5em">ข้อมูลมีข้อผิดพลาด {STATE.count} รายการ · The data has {STATE.count} error(s)</h2>'
        '<p style="margin:0 0 .5em">หน้านี้แสดงเนื้อหาที่ถูกต้องครั้งล่าสุด แก้ไฟล์ตามรายการด้านล่างแล้วบันทึก หน้านี้จะโหลดใหม่เอง<br>'
        "This page shows the last good content. Fix the file as listed below and save: the page reloads by itself.</p>"
        f"{body}</div>"
    )


#: Seconds between two looks at the watched files while serving (MkDocs polls every 0.5 s: on
#: average a quarter of a second of every refresh an editor waits for).
POLL_SECONDS = 0.1


class _Server(Protocol):
    """What watch_faster uses of MkDocs' (or ProperDocs') live-reload server: its public watch(),
    unwatch() and file observer (watchdog's, which MkDocs makes polling)."""

    observer: Any

    def watch(self, path: str) -> None: ...

    def unwatch(self, path: str) -> None: ...


def watch_faster(server: _Server, watched: Iterable[str], seconds: float = POLL_SECONDS) -> None:
    """Poll the watched files every ``seconds``: the server's observer is replaced by one of the
    same kind with the shorter interval, and those of ``watched`` (what MkDocs watches before
    on_serve: the config file, the theme's folders with --watch-theme) that it watched are watched
    again. Call it from on_serve, before the server starts (mkdocs.yml's own ``watch:`` paths are
    added after on_serve, to the new observer)."""
    again = []
    for path in watched:
        try:
            server.unwatch(path)
        except (KeyError, ValueError):  # not watched
            continue
        again.append(path)
    server.observer = type(server.observer)(timeout=seconds)
    for path in again:
        server.watch(path)


_BODY = re.compile(r"<body[^>]*>", re.I)


def with_banner(page: str, reload_seconds: int | None = None) -> str:
    """The page with the banner at the top of its body (unchanged when the data is valid).
    reload_seconds: for pages live reload does not refresh (the server's 404 page)."""
    text = banner()
    if not text:
        return page
    if reload_seconds:
        page = page.replace("</head>", f'<meta http-equiv="refresh" content="{reload_seconds}"></head>', 1)
    m = _BODY.search(page)
    return page[: m.end()] + text + page[m.end() :] if m else text + page
