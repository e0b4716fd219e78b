"""When each page last changed, and what changed: from the repository's history, never the clock.

    history = load_history(project)            # one `git log --name-only` for the whole build
    page = history.office("ang-thong")         # PageHistory: updated, changes (newest first)
    page.updated.format("th")                  # "29 พฤศจิกายน 2569"
    page.updated.format("en")                  # "29 November 2026 (B.E. 2569)"
    page.updated.iso                           # "2026-11-29T22:59:06+07:00" (machines: Atom, JSON-LD)

What a page shows comes from data files, so a page changed when a commit changed one of them:

* an office page: its own file ``provinces/<slug>.yaml``, the national content it inherits
  (``national.yaml``: inherited sections, law titles, the standard groups) and the registry
  (``registry/provinces.csv``: names, region);
* the standard page: ``national.yaml``;
* the site (its feed): any of these.

Paths are relative to the data folder (``git -C <data> log --relative -- .``), so a project whose
data lives in a subfolder of a larger repository works too. Merge commits are left out (their
changes are the commits they merge). Times are the committer's (when the change landed), shown in
Thai time (UTC+07:00, which has no daylight saving) so a date does not depend on where the build
runs.

Without history — no git, not a git checkout, data not tracked, or a shallow clone (GitHub's
checkout fetches one commit by default: its only commit would look like it added every file, so
its dates would be wrong) — :func:`load_history` returns a :class:`History` with
``available = False`` and ``reason`` saying why; pages then say they have no history and no feed
is written. Nothing here reads the clock, so two builds of the same commit are identical.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.dates import MONTHS_EN, MONTHS_TH, BEDate
from .git import describe, git, probe
from .urls import SiteInfo
from .views import ChangesView, ChangeView, TextView

if TYPE_CHECKING:
    from subprocess import CompletedProcess

    from ..project import Project

__all__ = [
    "THAI_TIME",
    "Change",
    "ChangeDate",
    "ChangeView",
    "ChangesView",
    "History",
    "PageHistory",
    "history_of",
    "history_view",
    "load_history",
    "parse_log",
]

THAI_TIME = _dt.timezone(_dt.timedelta(hours=7), "ICT")

NATIONAL = "national.yaml"
REGISTRY = "registry/provinces.csv"
PROVINCES = "provinces/"

# What a change touched, for readers: the office's own file, the national content, the registry.
SCOPE_OFFICE = "office"
SCOPE_NATIONAL = "national"
SCOPE_REGISTRY = "registry"

_RECORD = "\x1e"  # before each commit's header line
_FIELD = "\x1f"
_FORMAT = f"--format={_RECORD}%H{_FIELD}%cI{_FIELD}%s"


def office_file(slug: str) -> str:
    return f"{PROVINCES}{slug}.yaml"


@dataclass(frozen=True, order=True)
class ChangeDate:
    """A commit's time, in Thai time. Readers see the day (B.E. in Thai, CE with B.E. in English,
    as model/dates.py shows dates of the data); machines get ISO 8601 / RFC 3339."""

    moment: _dt.datetime  # aware, in THAI_TIME

    @classmethod
    def from_iso(cls, text: str) -> ChangeDate:
        moment = _dt.datetime.fromisoformat(text)
        if moment.tzinfo is None:
            raise ValueError(f"commit time without a time zone: {text!r}")
        return cls(moment.astimezone(THAI_TIME))

    @property
    def iso(self) -> str:
        """RFC 3339 with the +07:00 offset: "2026-11-29T22:59:06+07:00" (Atom ``updated``)."""
        return self.moment.isoformat(timespec="seconds")

    @property
    def iso_date(self) -> str:
        """The day in ISO 8601 (CE): "2026-11-29" (``<time datetime>``, JSON-LD ``dateModified``)."""
        return self.moment.date().isoformat()

    @property
    def be(self) -> BEDate:
        d = self.moment.date()
        return BEDate(d.year + 543, d.month, d.day)

    def format(self, lang: str) -> str:
        """th: "29 พฤศจิกายน 2569"; en: "29 November 2026 (B.E. 2569)"."""
        return self.be.format(lang)

    def cite(self, lang: str) -> str:
        """The date of an APA-style reference: th "2569, 29 พฤศจิกายน"; en "2026, November 29"."""
        d = self.moment.date()
        if lang == "th":
            return f"{d.year + 543}, {d.day} {MONTHS_TH[d.month - 1]}"
        if lang == "en":
            return f"{d.year}, {MONTHS_EN[d.month - 1]} {d.day}"
        raise ValueError(f"lang must be 'th' or 'en', not {lang!r}")


@dataclass(frozen=True)
class Change:
    """One commit that changed data files."""

    sha: str
    date: ChangeDate
    subject: str
    files: tuple[str, ...]  # paths relative to the data folder, as git listed them

    @property
    def short(self) -> str:
        return self.sha[:7]

    def url(self, repo_url: str) -> str:
        """The commit on the repository's site: ``<repo_url>/commit/<sha>``."""
        return f"{repo_url.rstrip('/')}/commit/{self.sha}"

    def scopes(self, slug: str | None = None) -> tuple[str, ...]:
        """What this change touched that a page shows: SCOPE_OFFICE (the office ``slug``'s own
        file), SCOPE_NATIONAL, SCOPE_REGISTRY; in that order."""
        out = []
        if slug is not None and office_file(slug) in self.files:
            out.append(SCOPE_OFFICE)
        if NATIONAL in self.files:
            out.append(SCOPE_NATIONAL)
        if REGISTRY in self.files:
            out.append(SCOPE_REGISTRY)
        return tuple(out)

    def offices(self) -> tuple[str, ...]:
        """The slugs of the office files this change touched (sorted)."""
        return tuple(
            sorted(
                f[len(PROVINCES) : -len(".yaml")]
                for f in self.files
                if f.startswith(PROVINCES) and f.endswith(".yaml") and f.count("/") == 1
            )
        )


@dataclass(frozen=True)
class PageHistory:
    """The history of one page: its changes, newest first (empty without history)."""

    changes: tuple[Change, ...] = ()
    available: bool = False

    @property
    def updated(self) -> ChangeDate | None:
        """The time of the last change (None without history)."""
        return self.changes[0].date if self.changes else None


@dataclass(frozen=True)
class History:
    """Every commit that changed the data folder, newest first."""

    changes: tuple[Change, ...] = ()
    available: bool = False
    reason: str = ""  # why there is no history (for the build log)
    state: str = ""  # what it was read at (build/git.py, describe()): the commit checked out, shallow or not
    _by_file: dict[str, tuple[Change, ...]] = field(default_factory=dict, compare=False, repr=False)
    # pages that show the same files have the same history (73 offices without a file of their own)
    _pages: dict[frozenset[str], PageHistory] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[Change]] = {}
        for c in self.changes:
            for f in c.files:
                index.setdefault(f, []).append(c)
        self._by_file.update({f: tuple(cs) for f, cs in index.items()})

    def touching(self, paths: Iterable[str]) -> PageHistory:
        """The changes to any of ``paths`` (relative to the data folder), newest first."""
        if not self.available:
            return PageHistory()
        known = frozenset(p for p in paths if p in self._by_file)
        cached = self._pages.get(known)
        if cached is None:
            seen = {c.sha: c for p in known for c in self._by_file[p]}
            # newest first by time; git's order (self.changes) breaks ties: both are fixed by the commits
            order = [c for c in self.changes if c.sha in seen]
            order.sort(key=lambda c: -c.date.moment.timestamp())  # stable: git's order among equals
            cached = self._pages[known] = PageHistory(tuple(order), available=True)
        return cached

    def office(self, slug: str) -> PageHistory:
        """An office page: its own file, the national content and the registry."""
        return self.touching((office_file(slug), NATIONAL, REGISTRY))

    def standard(self) -> PageHistory:
        """The standard page: the national content."""
        return self.touching((NATIONAL,))

    def site(self) -> PageHistory:
        """The whole site: any change to what a page shows (not, e.g., the Thai allow-list)."""
        if not self.available:
            return PageHistory()
        key = frozenset({"*"})  # not a path
        if key not in self._pages:
            self._pages[key] = PageHistory(tuple(c for c in self.changes if _shown(c)), available=True)
        return self._pages[key]


def _shown(c: Change) -> bool:
    return NATIONAL in c.files or REGISTRY in c.files or bool(c.offices())


def none(reason: str, state: str = "") -> History:
    return History(available=False, reason=reason, state=state)


def parse_log(text: str) -> tuple[Change, ...]:
    """The output of ``git log --name-only`` with :data:`_FORMAT` → changes, in git's order."""
    out = []
    for record in text.split(_RECORD)[1:]:
        header, _, names = record.partition("\n")
        sha, iso, subject = header.split(_FIELD, 2)
        files = tuple(n for n in names.splitlines() if n.strip())
        out.append(Change(sha=sha, date=ChangeDate.from_iso(iso), subject=subject.strip(), files=files))
    return tuple(out)


def load_history(project: Project, answer: CompletedProcess[str] | None = None) -> History:
    """The history of the project's data folder: two git calls for the whole build (is the clone
    shallow, unless ``answer`` is git's answer already (build/git.py: ``probe``); the log with
    changed file names)."""
    return history_of(project.data, answer)


def history_of(data: Path, answer: CompletedProcess[str] | None = None) -> History:
    """The history of the data folder ``data``."""
    if not data.is_dir():
        return none(f"no data folder {data}", describe(None))
    if answer is None:
        answer = probe(data)
    at = describe(answer)
    if answer is None:
        return none("git is not installed", at)
    if answer.returncode != 0 and "HEAD" in answer.stderr:  # a repository without a commit yet
        return none("no commit has changed the data folder yet", at)
    if answer.returncode != 0:
        return none("the data folder is not in a git checkout", at)
    if answer.stdout.split()[:1] == ["true"]:
        return none(
            "shallow clone: fetch the whole history (git fetch --unshallow; actions/checkout with fetch-depth: 0)",
            at,
        )
    log = git(["log", "--no-merges", "--no-color", "--relative", "--name-only", _FORMAT, "--", "."], data)
    if log is None or log.returncode != 0:
        detail = (log.stderr.strip().splitlines() or [""])[0] if log is not None else "git failed"
        return none(f"git log failed: {detail}", at)
    changes = parse_log(log.stdout)
    if not changes:
        return none("no commit has changed the data folder yet", at)
    return History(changes, available=True, state=at)


# ---------------------------------------------------------------------------------------------
# What a page shows: "last updated", the latest changes, how to cite it


PAGE_CHANGES = 10  # changes listed on a page; the feed and the repository have the rest


_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+(?:[\s\d.,:;()/\-]*[\u0e00-\u0e7f]+)*")
_LATIN = re.compile(r"[A-Za-z]")


def language_runs(text: str, lang: str) -> tuple[TextView, ...]:
    """A text of unknown language (a commit subject) in runs marked with their language where it is
    not the page's: on an English page the Thai runs are ``lang="th"``, on a Thai page the runs
    with Latin letters are ``lang="en"``; digits, spaces and punctuation stay unmarked."""
    out: list[TextView] = []
    pos = 0
    for m in _THAI_RUN.finditer(text):
        if m.start() > pos:
            out.append(_run(text[pos : m.start()], "en", lang))
        out.append(_run(m.group(0), "th", lang))
        pos = m.end()
    if pos < len(text):
        out.append(_run(text[pos:], "en", lang))
    merged: list[TextView] = []
    for run in out:  # neighbours in the same language are one run
        if merged and merged[-1].lang == run.lang:
            merged[-1] = TextView(merged[-1].text + run.text, run.lang)
        else:
            merged.append(run)
    return tuple(merged)


def _run(part: str, script_lang: str, lang: str) -> TextView:
    if script_lang == lang or (script_lang == "en" and not _LATIN.search(part)):
        return TextView(part)
    return TextView(part, script_lang)


def history_view(
    page: PageHistory,
    lang: str,
    info: SiteInfo,
    url: str,
    title: str,
    slug: str | None = None,
    limit: int = PAGE_CHANGES,
) -> ChangesView:
    """The history block of the page at ``url`` (a directory URL within ``lang``) titled
    ``title``: ``page`` from :meth:`History.office` (with ``slug``) or :meth:`History.standard`."""
    from .feeds import feed_path
    from .inert import clean
    from .ui import ui_strings
    from .urls import file_href, lang_url

    ui = ui_strings()[lang]
    labels = {
        SCOPE_OFFICE: ui["history_scope_office"],
        SCOPE_NATIONAL: ui["history_scope_national"],
        SCOPE_REGISTRY: ui["history_scope_registry"],
    }
    changes = tuple(
        ChangeView(
            date=c.date.format(lang),
            iso=c.date.iso,
            subject=language_runs(clean(c.subject), lang),
            href=c.url(info.repo_url),
            sha=c.short,
            what="; ".join(labels[s] for s in c.scopes(slug)),
        )
        for c in page.changes[:limit]
    )
    permanent = info.abs_url(lang_url(lang, url))
    updated = page.updated
    cite = ui["cite_text"].format(
        title=title, date=updated.cite(lang) if updated else ui["cite_no_date"], site=ui["site_name"], url=permanent
    )
    return ChangesView(
        available=page.available,
        updated=updated.format(lang) if updated else None,
        updated_iso=updated.iso_date if updated else None,
        changes=changes,
        more=max(0, len(page.changes) - limit),
        more_href=f"{info.repo_url.rstrip('/')}/commits/{info.branch}/{info.data_path}",
        feed_href=file_href(lang, url, feed_path(lang, url)) if page.changes else None,
        cite=cite,
    )
