"""Atom feeds (RFC 4287) of the changes to the site, in Thai and English: one for the whole site,
one per office page and one for the standard page.

    feeds/th/index.xml                   every change, Thai       feeds/en/index.xml    English
    feeds/th/provinces/<slug>.xml        one office page          feeds/en/provinces/<slug>.xml
    feeds/th/standard.xml                the standard page        feeds/en/standard.xml

The files are static and written once under docs/feeds/ (no language suffix, so MkDocs copies them
into the site once and mkdocs-static-i18n, with ``fallback_to_default: false``, does not copy them
into /en/), like the open-data files: the language is a folder of feeds/, not the site's /en/.
A page's feed path is ``feeds/<lang>/<page URL without its last slash, or "index">.xml``.

Each entry is one commit that changed what the page shows (build/history.py): its subject as the
title, its time as ``updated``, a link to the commit on repo_url, and a summary saying what it
changed. Feeds are written only when the history is available, so a build without git has no feed
(and pages print no feed link). Everything is derived from the commits and the data: two builds of
the same commit give the same bytes. Text is escaped by ElementTree; characters XML 1.0 cannot
carry (control characters in a commit subject) are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from .history import SCOPE_NATIONAL, SCOPE_OFFICE, SCOPE_REGISTRY, Change, History, PageHistory
from .pageviews import office_title
from .ui import ui_strings
from .urls import HOME, LANGS, STANDARD, SiteInfo, lang_url, office_url

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_TYPE = "application/atom+xml"
FEED_DIR = "feeds"
MAX_ENTRIES = 50  # newest first; older changes stay in the repository's history

# XML 1.0 Char production: anything else cannot appear in the document at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def feed_path(lang: str, url: str) -> str:
    """The feed of the page at ``url`` (a directory URL within its language), relative to the site
    root: feed_path("en", "provinces/ang-thong/") → "feeds/en/provinces/ang-thong.xml"."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return f"{FEED_DIR}/{lang}/{url.rstrip('/') or 'index'}.xml"


def site_feed_path(lang: str) -> str:
    return feed_path(lang, HOME)


def office_feed_path(lang: str, slug: str) -> str:
    return feed_path(lang, office_url(slug))


def standard_feed_path(lang: str) -> str:
    return feed_path(lang, STANDARD)


def _xml_text(s: str) -> str:
    return _NOT_XML.sub("", s)


@dataclass(frozen=True)
class FeedFile:
    path: str  # relative to the site root (and to docs/)
    text: str


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = _xml_text(text)
    return el


class FeedWriter:
    """Builds the feeds of one site (its addresses, repository and interface strings)."""

    def __init__(self, info: SiteInfo, history: History):
        self.info = info
        self.history = history
        self.ui = ui_strings()

    def page_url(self, lang: str, url: str) -> str:
        return self.info.abs_url(lang_url(lang, url))

    def changed(self, change: Change, lang: str, slug: str | None, names: dict[str, str]) -> str:
        """What the change touched, for readers of the feed in ``lang``."""
        ui = self.ui[lang]
        parts = []
        if slug is not None:
            labels = {
                SCOPE_OFFICE: ui["history_scope_office"],
                SCOPE_NATIONAL: ui["history_scope_national"],
                SCOPE_REGISTRY: ui["history_scope_registry"],
            }
            parts = [labels[s] for s in change.scopes(slug)]
        else:
            offices = [names.get(s, s) for s in change.offices()]
            if offices:
                parts.append(ui["feed_changed_offices"].format(names=", ".join(offices)))
            if SCOPE_NATIONAL in change.scopes():
                parts.append(ui["history_scope_national"])
            if SCOPE_REGISTRY in change.scopes():
                parts.append(ui["history_scope_registry"])
        return ui["feed_entry_summary"].format(date=change.date.format(lang), what="; ".join(parts))

    def feed(
        self,
        lang: str,
        url: str,
        title: str,
        page: PageHistory,
        slug: str | None = None,
        names: dict[str, str] | None = None,
    ) -> FeedFile:
        """The Atom document for the page at ``url`` in ``lang`` (``page`` must have changes)."""
        assert page.updated is not None, "a feed needs at least one change"
        ui = self.ui[lang]
        page_url = self.page_url(lang, url)
        path = feed_path(lang, url)
        root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": lang})
        _sub(root, "id", page_url)
        _sub(root, "title", ui["feed_title"].format(title=title), type="text")
        _sub(root, "subtitle", ui["feed_subtitle"], type="text")
        _sub(root, "updated", page.updated.iso)
        _sub(root, "link", rel="self", type=FEED_TYPE, href=self.info.abs_url(path))
        _sub(root, "link", rel="alternate", type="text/html", hreflang=lang, href=page_url)
        author = _sub(root, "author")
        _sub(author, "name", ui["site_name"])
        _sub(author, "uri", self.page_url(lang, HOME))
        for change in page.changes[:MAX_ENTRIES]:
            entry = _sub(root, "entry")
            _sub(entry, "id", f"{page_url}#change-{change.sha}")
            _sub(entry, "title", change.subject or change.short, type="text")
            _sub(entry, "updated", change.date.iso)
            _sub(entry, "link", rel="alternate", type="text/html", href=change.url(self.info.repo_url))
            if slug is None:
                for s in change.offices():
                    if names is not None and s in names:
                        _sub(entry, "link", rel="related", type="text/html", href=self.page_url(lang, office_url(s)))
            _sub(entry, "summary", self.changed(change, lang, slug, names or {}), type="text")
        ET.indent(root, space="  ")
        text = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
        return FeedFile(path, text)

    def files(self, offices: list[Any], national: Any = None) -> list[FeedFile]:
        """Every feed, both languages: the site's, each office page's (with changes) and the
        standard page's. None without history."""
        if not self.history.available:
            return []
        out: list[FeedFile] = []
        for lang in LANGS:
            ui = self.ui[lang]
            names = {o.slug: office_title(o, lang) for o in offices}
            site = self.history.site()
            if site.changes:
                out.append(self.feed(lang, HOME, ui["site_name"], site, names=names))
            for o in offices:
                page = self.history.office(o.slug)
                if page.changes:
                    out.append(self.feed(lang, office_url(o.slug), names[o.slug], page, slug=o.slug))
            standard = self.history.standard()
            if national is not None and standard.changes:
                out.append(self.feed(lang, STANDARD, ui["standard_title"], standard))
        return out


def feed_files(dataset: Any, info: SiteInfo, history: History) -> list[FeedFile]:
    """The feeds of a loaded dataset (model.dataset.Dataset), for build/pages.py to write."""
    return FeedWriter(info, history).files(dataset.resolved(), dataset.national)


def feed_links(
    info: SiteInfo, history: History, lang: str, url: str, title: str, page: PageHistory | None = None
) -> list[dict[str, str]]:
    """For a page's front matter (key ``feeds``; theme/main.html prints each as
    ``<link rel="alternate" type="application/atom+xml" href=… title=…>``): the page's own feed
    (``page``: an office or the standard page, when it has changes) and the site's; absolute
    URLs. Empty without history, as no feed is written then."""
    if not history.available:
        return []
    ui = ui_strings()[lang]
    links = []
    if page is not None and page.changes and url != HOME:
        links.append({"href": info.abs_url(feed_path(lang, url)), "title": ui["feed_title"].format(title=title)})
    if history.site().changes:
        links.append(
            {"href": info.abs_url(site_feed_path(lang)), "title": ui["feed_title"].format(title=ui["site_name"])}
        )
    return links
