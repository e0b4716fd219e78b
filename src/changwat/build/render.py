"""Stage 4 — render: the resolved model → one Markdown page per language and URL.

Everything a page shows is prepared here as plain view dicts (strings already formatted: dates in
the Buddhist and Common Era, full law titles, the "national standard" flags, counts, relative
links), so the Jinja templates in ``templates/`` stay logic-free.

How data is kept inert:

* Templates run with ``autoescape=True`` and ``StrictUndefined``; data is only ever a *value* in a
  template, never a template (no ``from_string`` on data).
* A page's body is raw HTML blocks, which Python-Markdown passes through without parsing them as
  Markdown, so every data string is HTML-escaped exactly once by Jinja.
* The only data that stands in Markdown proper is heading text (headings must be Markdown so that
  MkDocs' table of contents and Material's search see them). The ``md`` filter HTML-escapes it and
  then writes every Markdown-significant ASCII character as a numeric character reference, which
  Markdown leaves alone and the browser shows as the character. Heading ids are explicit ASCII
  (``{ #history }``), built from validated ids and re-sanitised here.
* Links from data keep only http(s), mailto and tel URLs; anything else is shown as text.
* Line breaks and control characters inside a data string are folded to spaces: a paragraph is one
  line, so data can never start a Markdown construct at the beginning of a line.
* The front matter is written by PyYAML's safe dumper; the title in it is HTML-escaped, because
  Material prints ``page.meta.title`` unescaped in ``<title>`` and in the header.

What else a page carries, prepared here so that templates only print it:

* Office pages: a schema.org ``GovernmentOrganization`` JSON-LD ``<script>`` element in the front
  matter (``json_ld``, from ``opendata.json_ld_script``, which escapes ``<``, ``>`` and ``&`` inside
  the JSON); theme/main.html prints it in ``<head>``. Facts nobody has provided (head of office,
  contact, the office's own history) say so, with a link that starts the contribution on GitHub.
* The province list: per office, whether it has its own content and the share of the texts its page
  shows that have English (:func:`translation`, the open data's count).
* Every page: the footer links (``footer_links``, HTML-escaped here), printed by
  theme/partials/copyright.html.

No MkDocs import here: the output is files' text, and ``site.py`` writes them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import jinja2
import yaml
from markupsafe import Markup, escape

from ..model.dates import parse_be
from .ui import ui_strings
from .urls import (
    DATA_NATIONAL_JSON,
    DATA_OFFICES_CSV,
    DATA_OFFICES_JSON,
    DEFAULT_LANG,
    HOME,
    LANGS,
    OPEN_DATA,
    PROVINCES,
    SCHEMA_FILES,
    STANDARD,
    SiteInfo,
    data_office_json,
    docs_path,
    file_href,
    href,
    lang_url,
)
from ..model.registry import REGIONS
from ..model.sections import BY_NAME, NAMES
from .opendata import CSV_COLUMNS, JSON_FIELDS, json_ld, json_ld_script, shown_texts
from .preview import COMPILED_TEMPLATES
from ..model import (
    AuditUnit,
    Contact,
    EarlierStructure,
    Event,
    Group,
    Head,
    History,
    ItemList,
    Law,
    LawRef,
    LegalBasis,
    Missions,
    National,
    Organisation,
    Passage,
    ResolvedOffice,
    Section,
    Source,
    Text,
)

# ---------------------------------------------------------------------------------------------
# Inert text helpers

_LINEBREAKS = re.compile(r"[\r\n\u0085\u2028\u2029\t\x0b\x0c]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~^=:<>&\"'$%@")
_ID_BAD = re.compile(r"[^a-z0-9]+")
_SAFE_URL = re.compile(r"^(https?://[^\s<>\"']+|mailto:[^\s<>\"']+|tel:\+?[0-9]+)$", re.IGNORECASE)


def clean(s: str) -> str:
    """One line of text: line breaks and tabs become a space, control characters go (never NFKC)."""
    return _CONTROLS.sub("", _LINEBREAKS.sub(" ", s)).strip()


def md_inline(s: str) -> Markup:
    """Text for a Markdown heading line: HTML-escaped, Markdown syntax neutralised by entities."""
    return Markup("".join(f"&#{ord(c)};" if c in _MD_SPECIAL else c for c in clean(str(s))))


def html_id(*parts: str) -> str:
    """An ASCII id from ids that the validator already restricted to [a-z0-9-]."""
    return "-".join(_ID_BAD.sub("-", p.lower()).strip("-") or "x" for p in parts)


def safe_url(url: str | None) -> str | None:
    """A URL fit for href: http(s), mailto or tel only; None for anything else."""
    if not url:
        return None
    url = clean(url)
    return url if _SAFE_URL.match(url) else None


def tel_url(phone: str) -> str | None:
    digits = re.sub(r"[^0-9+]", "", phone)
    return f"tel:{digits}" if re.fullmatch(r"\+?[0-9]{6,20}", digits) else None


def translation(o: ResolvedOffice) -> tuple[int, int]:
    """(texts with an English translation, all texts) of what the office page shows — the same
    count as the open data's ``translated_texts``/``total_texts``."""
    texts = shown_texts(o)
    return sum(1 for t in texts if t.en and clean(t.en)), len(texts)


def percent(done: int, total: int) -> int:
    """Rounded down, so that 100 means every text is translated."""
    return 100 if total == 0 else (100 * done) // total


# ---------------------------------------------------------------------------------------------
# Site-wide settings


# Front matter is written by PyYAML's safe dumper; libyaml's (same output, several times faster,
# which matters with a JSON-LD string in every office page's front matter) when PyYAML has it.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Page:
    """A generated page: its path under docs/ and its text."""

    path: str
    text: str


def sort_by_name(provinces: list[Any], lang: str) -> list[Any]:
    """Provinces in the reader's alphabetical order: Thai collation (leading vowels such as เ แ โ
    sort under their consonant) or English."""
    if lang == "th":
        from pythainlp.util import collate

        order = {name: i for i, name in enumerate(collate([p.th for p in provinces]))}
        return sorted(provinces, key=lambda p: order[p.th])
    return sorted(provinces, key=lambda p: p.en.casefold())


# ---------------------------------------------------------------------------------------------
# The renderer


class Renderer:
    """Builds view dicts and renders pages for one dataset."""

    def __init__(self, info: SiteInfo, provinces: Iterable[Any], regions: Iterable[Any] = REGIONS,
                 national: National | None = None, *, templates: Path):
        self.info = info
        self.national_laws: dict[str, Law] = (
            {law.id: law for law in national.legal_basis.laws} if national and national.legal_basis else {}
        )
        self.provinces = list(provinces)
        self.by_slug = {p.slug: p for p in self.provinces}
        self.regions = {r.key: r for r in regions}  # registry.Region(key, th, en), in display order
        self._translation: dict[str, tuple[int, int]] = {}  # slug → (translated, all) texts
        # Rendered section bodies, shared by the pages that show the same inherited national section
        # the same way (73 offices without a file show identical standard sections): see section_html.
        self._fragments: dict[tuple, Markup] = {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=COMPILED_TEMPLATES,  # a preview's rebuilds do not compile them again
        )
        self.env.filters["md"] = md_inline

    # -- whole site ---------------------------------------------------------------------------

    def site(self, offices: list[ResolvedOffice], national: National | None = None,
             only: frozenset[str] | None = None) -> list[Page]:
        pages: list[Page] = []
        for lang in LANGS:
            pages.append(self.home(offices, lang))
            pages.append(self.province_list(offices, lang))
            if national is not None:
                pages.append(self.standard(national, lang))
            pages.append(self.open_data(offices, lang))
            pages.extend(self.office(o, lang) for o in offices if only is None or o.slug in only)
        return pages

    # -- helpers bound to a language ------------------------------------------------------------

    def _render(self, template: str, url: str, lang: str, meta: dict[str, Any], **view: Any) -> Page:
        front = {
            "title": str(escape(clean(meta.pop("title")))),
            "description": str(escape(clean(meta.pop("description")))),
            "alternates": {lg: self.info.abs_url(lang_url(lg, url)) for lg in LANGS},
            **meta,
        }
        front["alternates"]["x-default"] = front["alternates"][DEFAULT_LANG]
        front["footer_links"] = self._footer(url, lang)
        body = self.env.get_template(template).render(ui=ui_strings()[lang], lang=lang, **view)
        meta_yaml = yaml.dump(front, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
        return Page(docs_path(url, lang), f"---\n{meta_yaml}---\n\n{_tidy(body)}")

    def _footer(self, url: str, lang: str) -> list[dict[str, str]]:
        """Links in every page's footer (theme/partials/copyright.html prints them as they are, so
        the text is HTML-escaped here)."""
        ui = ui_strings()[lang]
        return [
            {"href": href(url, OPEN_DATA), "text": str(escape(ui["footer_open_data"]))},
            {"href": href(url, STANDARD), "text": str(escape(ui["footer_standard"]))},
        ]

    def _province(self, p: Any, lang: str, frm: str, current: str | None = None) -> dict[str, Any]:
        """A province named by the registry: its name in the page's language, the other name marked
        with its language, and a link to its office page (none for the page's own province)."""
        other = "en" if lang == "th" else "th"
        return {
            "name": {"text": clean(getattr(p, lang)), "lang": None, "untranslated": False},
            "other": {"text": clean(getattr(p, other)), "lang": other, "untranslated": False},
            "href": None if p.slug == current else href(frm, f"{PROVINCES}{p.slug}/"),
        }

    # -- home -------------------------------------------------------------------------------------

    def home(self, offices: list[ResolvedOffice], lang: str) -> Page:
        ui = ui_strings()[lang]
        own = sum(1 for o in offices if o.has_own_content)
        return self._render(
            "page/home.md.j2", HOME, lang,
            {"title": ui["home_title"], "description": ui["site_description"], "edit_url": None,
             "hide": ["navigation"]},
            count=ui["home_count"].format(own=own, total=len(offices)),
            list_href=href(HOME, PROVINCES),
            standard_href=href(HOME, STANDARD),
            open_data_href=href(HOME, OPEN_DATA),
            regions=self._regions(offices, lang, HOME),
            own=[self._province(o.province, lang, HOME) for o in offices if o.has_own_content],
        )

    # -- province list ----------------------------------------------------------------------------

    def office_status(self, o: ResolvedOffice, lang: str) -> dict[str, Any]:
        """What the province list says about an office at a glance: its own content, and how much of
        its page is translated into English."""
        ui = ui_strings()[lang]
        if o.slug not in self._translation:
            self._translation[o.slug] = translation(o)
        done, total = self._translation[o.slug]
        pct = percent(done, total)
        return {
            "own": o.has_own_content,
            "translated": ui["badge_translated"].format(pct=pct),
            "translation_state": "complete" if done == total else "partial",
        }

    def _regions(self, offices: list[ResolvedOffice], lang: str, frm: str,
                 status: bool = False) -> list[dict[str, Any]]:
        """The regions with their provinces; with status, what the list says about each office."""
        ui = ui_strings()[lang]
        known = {o.slug: o for o in offices}
        groups = []
        for key in self.regions:
            members = sort_by_name([p for p in self.provinces if p.region == key], lang)
            if not members:
                continue
            groups.append({
                "id": html_id("region", key),
                "name": self.region_name(key, lang),
                "count": ui["list_count"].format(n=len(members)),
                "href": href(frm, PROVINCES) + f"#{html_id('region', key)}",
                "provinces": [{**self._province(p, lang, frm),
                               **(self.office_status(known[p.slug], lang) if status and p.slug in known else
                                  {"own": False, "translated": None, "translation_state": None})}
                              for p in members],
            })
        return groups

    def region_name(self, key: str, lang: str) -> str:
        region = self.regions.get(key)
        return getattr(region, lang) if region else key

    def province_list(self, offices: list[ResolvedOffice], lang: str) -> Page:
        ui = ui_strings()[lang]
        own = sum(1 for o in offices if o.has_own_content)
        return self._render(
            "page/provinces.md.j2", PROVINCES, lang,
            {"title": ui["list_title"], "description": ui["list_lead"], "edit_url": None,
             "hide": ["navigation"]},
            count=ui["home_count"].format(own=own, total=len(offices)),
            legend_translated=ui["badge_translated"].format(pct="N"),
            regions=self._regions(offices, lang, PROVINCES, status=True),
        )

    # -- open data --------------------------------------------------------------------------------

    def open_data(self, offices: list[ResolvedOffice], lang: str) -> Page:
        """The page describing the open-data files (written at the site root by site.py)."""
        ui = ui_strings()[lang]
        example = next((o.slug for o in offices if o.has_own_content), offices[0].slug if offices else "ang-thong")

        def entry(path: str, fmt: str, key: str) -> dict[str, Any]:
            return {"url": self.info.abs_url(path), "href": file_href(lang, OPEN_DATA, path), "format": fmt,
                    "text": ui[key], "example": None}

        return self._render(
            "page/open_data.md.j2", OPEN_DATA, lang,
            {"title": ui["od_title"], "description": ui["od_lead"], "edit_url": None, "hide": ["navigation"]},
            files=[
                entry(DATA_OFFICES_JSON, "JSON", "od_file_offices_json"),
                entry(DATA_OFFICES_CSV, "CSV", "od_file_offices_csv"),
                {**entry(data_office_json("<slug>"), "JSON", "od_file_office_json"), "href": None,
                 "example": {"text": ui["od_example"].format(file=f"{example}.json"),
                             "href": file_href(lang, OPEN_DATA, data_office_json(example))}},
                entry(DATA_NATIONAL_JSON, "JSON", "od_file_national_json"),
                entry(SCHEMA_FILES[0], "JSON Schema", "od_file_office_schema"),
                entry(SCHEMA_FILES[1], "JSON Schema", "od_file_national_schema"),
            ],
            json_fields=[{"name": k, "text": ui[f"od_json_{k}"]} for k in JSON_FIELDS],
            csv_columns=[{"name": c, "text": ui[f"od_csv_{c}"]} for c in CSV_COLUMNS],
            list_href=href(OPEN_DATA, PROVINCES),
        )

    # -- office -----------------------------------------------------------------------------------

    def office(self, o: ResolvedOffice, lang: str) -> Page:
        return OfficeView(self, o, lang).page()

    def standard(self, national: National, lang: str) -> Page:
        """The national standard, once: office pages show it where an office has no content of its
        own (and leave it out of the search index there, so it is indexed here only)."""
        sections = {
            name: Section(name, value, "office")
            for name in NAMES if (value := getattr(national, name, None)) is not None
        }
        resolved = ResolvedOffice(
            province=None, file=None, name=national.name, parent=national.parent, status=national.status,
            head=None, contact=None, sections=sections, sources=[], national_sources=list(national.sources),
        )
        view = OfficeView(self, resolved, lang, url=STANDARD, standard=True)
        view.earlier = list(national.earlier_structures)
        return view.page()


class OfficeView:
    """The view of one office page in one language."""

    def __init__(self, r: Renderer, o: ResolvedOffice, lang: str, url: str | None = None, standard: bool = False):
        self.r, self.o, self.lang, self.standard = r, o, lang, standard
        self.earlier: list[EarlierStructure] = []  # former structures (shown on the standard page)
        self.ui = ui_strings()[lang]
        self.url = url or f"{PROVINCES}{o.slug}/"
        laws = o.sections.get("legal_basis")
        self.laws: dict[str, Law] = {law.id: law for law in laws.value.laws} if laws else {}
        self.sources = {
            "office": {s.id: i for i, s in enumerate(o.sources, 1)},
            "national": {s.id: i for i, s in enumerate(o.national_sources, len(o.sources) + 1)},
        }

    @property
    def current_slug(self) -> str | None:
        return None if self.standard else self.o.slug

    def contribute(self, key: str) -> dict[str, str] | None:
        """A link that starts a contribution of a fact nobody has provided: the office's YAML file
        on GitHub (GitHub's new-file page, prefilled, when the office has no file yet)."""
        if self.standard:
            return None
        exists = self.o.file is not None
        where = self.ui["contribute_edit" if exists else "contribute_new"]
        return {"href": self.r.info.edit_url(self.o.slug, exists, self.o.province), "text": f"{self.ui[key]} {where}"}

    # -- text ---------------------------------------------------------------------------------------

    def tx(self, t: Text | None) -> dict[str, Any] | None:
        """A data text in the page's language; Thai inside lang="th" with a mark when untranslated."""
        if t is None:
            return None
        if self.lang == "th":
            return {"text": clean(t.th), "lang": None, "untranslated": False}
        if t.en and clean(t.en):
            return {"text": clean(t.en), "lang": None, "untranslated": False}
        return {"text": clean(t.th), "lang": "th", "untranslated": True}

    def txs(self, items: Iterable[Text]) -> list[dict[str, Any]]:
        return [v for v in (self.tx(t) for t in items) if v is not None]

    def plain(self, s: str) -> dict[str, Any]:
        return {"text": clean(s), "lang": None, "untranslated": False}

    def date(self, be: str | None) -> dict[str, str] | None:
        """A B.E. date: shown as '28 สิงหาคม 2516' / '28 August 1973 (B.E. 2516)', with the
        Gregorian ISO date for <time datetime>."""
        if not be:
            return None
        d = parse_be(be)
        return {"iso": d.iso_ce(), "text": d.format(self.lang)}

    # -- references ---------------------------------------------------------------------------------

    def law_title(self, law_id: str) -> str:
        """A law's full title; laws not shown on this page are looked up in the national content."""
        law = self.laws.get(law_id) or self.r.national_laws.get(law_id)
        return law.full_title(self.lang) if law else law_id

    def law_ref(self, ref: LawRef | None) -> dict[str, Any] | None:
        if ref is None:
            return None
        section = self.ui["law_section"].format(number=clean(ref.section)) if ref.section else None
        return {
            "title": clean(self.law_title(ref.law)),
            "href": f"#{html_id('law', ref.law)}" if ref.law in self.laws else None,
            "section": section,
        }

    def cites(self, origin: str, ids: list[str]) -> list[dict[str, str]]:
        table = self.sources[origin]
        return [
            {"label": f"[{table[i]}]", "href": f"#{html_id('src', origin[0], i)}"}
            for i in ids if i in table
        ]

    # -- parts --------------------------------------------------------------------------------------

    def passage(self, p: Passage) -> dict[str, Any]:
        return {"text": self.tx(p.text), "entries": self.txs(p.items), "quote": self.law_ref(p.quote)}

    def event(self, e: Event) -> dict[str, Any]:
        return {
            "id": html_id("event", e.id),
            "date": self.date(e.date),
            "text": self.tx(e.text),
            "provinces": [self.r._province(self.r.by_slug[s], self.lang, self.url, self.current_slug)
                          for s in e.provinces if s in self.r.by_slug],
            "law": self.law_ref(LawRef(law=e.law)) if e.law else None,
        }

    def history(self, h: History) -> dict[str, Any]:
        return {"paragraphs": [self.passage(p) for p in h.paragraphs], "events": [self.event(e) for e in h.events]}

    def law(self, law: Law) -> dict[str, Any]:
        title = clean(law.full_title(self.lang))
        if self.lang == "en" and not law.title.en:
            title_view = {"text": clean(law.full_title("th")), "lang": "th", "untranslated": True}
        else:
            title_view = self.plain(title)
        return {
            "id": html_id("law", law.id),
            "title": title_view,
            "summary": self.txs(law.summary),
            "sections": [
                {
                    "label": self.ui["law_section"].format(number=clean(s.number)),
                    "text": self.tx(s.text),
                    "entries": self.txs(s.items),
                    "paragraphs": self.txs(s.paragraphs),
                }
                for s in law.sections
            ],
        }

    def legal_basis(self, lb: LegalBasis) -> dict[str, Any]:
        return {"intro": self.txs(lb.intro), "laws": [self.law(x) for x in lb.laws]}

    def item_list(self, il: ItemList) -> dict[str, Any]:
        return {"basis": self.law_ref(il.basis), "intro": self.tx(il.intro), "entries": self.txs(il.items)}

    def missions(self, m: Missions) -> dict[str, Any]:
        return {"paragraphs": self.txs(m.paragraphs), "aims": self.txs(m.aims)}

    def count(self, n: int) -> str:
        if n == 0:
            return self.ui["no_duties"]
        return self.ui["duties_one" if n == 1 else "duties_other"].format(n=n)

    def group(self, g: Group, prefix: str = "group") -> dict[str, Any]:
        gid = html_id(prefix, g.id)
        subgroups = [
            {
                "id": f"{gid}--{html_id(s.id)}",
                "name": self.tx(s.name),
                "description": self.txs(s.description),
                "duties": self.txs(s.duties),
                "count": self.count(len(s.duties)),
            }
            for s in g.subgroups
        ]
        total = len(g.duties) + sum(len(s.duties) for s in g.subgroups)
        return {
            "id": gid,
            "name": self.tx(g.name),
            "intro": self.tx(g.intro),
            "description": self.txs(g.description),
            "duties": self.txs(g.duties),
            "count": self.count(total),
            "subgroups": subgroups,
        }

    def earlier_structure(self, es: EarlierStructure) -> dict[str, Any]:
        sid = html_id("structure", es.id)
        return {
            "id": sid,
            "title": self.tx(es.title),
            "cites": self.cites("national", es.sources),
            "paragraphs": [self.passage(p) for p in es.paragraphs],
            "mandate": self.txs(es.mandate),
            "groups": [self.group(g, prefix=sid) for g in es.groups],
        }

    def audit(self, a: AuditUnit | None) -> dict[str, Any] | None:
        if a is None:
            return None
        name = self.tx(a.name)
        n = len(a.principles)
        return {
            "name": name,
            "name_differs": bool(name and name["text"] != self.ui["internal_audit"]),
            "empty": not a.description and not a.principles,
            "count": self.ui["principles_one" if n == 1 else "principles_other"].format(n=n) if n else None,
            "description": self.txs(a.description),
            "principles": self.txs(a.principles),
        }

    def head(self, h: Head | None) -> dict[str, Any] | None:
        if h is None:
            return None
        as_of = self.date(h.as_of)
        return {
            "name": self.tx(h.name),
            "position": self.tx(h.position),
            "as_of": self.ui["as_of"].format(date=as_of["text"]) if as_of else None,
            "as_of_iso": as_of["iso"] if as_of else None,
        }

    def contact(self, c: Contact | None) -> dict[str, Any] | None:
        if c is None:
            return None
        website = safe_url(c.website)
        view = {
            "address": self.tx(c.address),
            "phones": [{"text": clean(p), "href": tel_url(p)} for p in c.phones],
            "fax": [clean(p) for p in c.fax],
            "emails": [{"text": clean(e), "href": safe_url(f"mailto:{clean(e)}")} for e in c.emails],
            "website": {"text": clean(c.website), "href": website} if c.website else None,
        }
        return view if any(view.values()) else None

    def organisation(self, org: Organisation) -> dict[str, Any]:
        return {
            "intro": self.tx(org.intro),
            "groups": [self.group(g) for g in org.groups],
        }

    def source(self, s: Source, origin: str) -> dict[str, Any]:
        return {
            "id": html_id("src", origin[0], s.id),
            "title": self.tx(s.title),
            "url": safe_url(s.url),
            "url_text": clean(s.url) if s.url else None,
            "note": self.tx(s.note),
        }

    # -- the page -----------------------------------------------------------------------------------

    def sections(self) -> list[dict[str, Any]]:
        out = []
        builders = {
            "history": self.history,
            "legal_basis": self.legal_basis,
            "mandate": self.item_list,
            "objectives": self.item_list,
            "missions": self.missions,
            "organisation": self.organisation,
        }
        for name, sec in self.o.sections.items():
            sid = BY_NAME[name].anchor
            kind = BY_NAME[name].template
            origin = "national" if self.standard else sec.origin
            inherited = sec.origin == "national" and not self.standard
            key = self.fragment_key(kind, sec.value, inherited)
            # a section already rendered for another page needs no view (the chart needs the groups)
            shared = key is not None and key in self.r._fragments and kind != "organisation"
            out.append({
                "key": key,
                "id": sid,
                "kind": kind,
                "title": self.ui[BY_NAME[name].ui_key],
                "inherited": inherited,
                "standard_href": href(self.url, STANDARD) + f"#{sid}",
                "cites": self.cites(origin, getattr(sec.value, "sources", [])),
                "body": None if shared else builders[name](sec.value),
                # the office's own history is a local fact nobody has provided yet
                "missing": self.ui["history_missing"] if name == "history" and inherited else None,
                "contribute": self.contribute("contribute_history") if name == "history" and inherited else None,
            })
            if name == "organisation" and sec.value.audit is not None:
                out.append({
                    "key": self.fragment_key("audit", sec.value.audit, inherited),
                    "id": "internal-audit",
                    "kind": "audit",
                    "title": self.ui["internal_audit"],
                    "inherited": inherited,
                    "standard_href": href(self.url, STANDARD) + "#internal-audit",
                    "cites": [],
                    "body": self.audit(sec.value.audit),
                    "missing": None,
                    "contribute": None,
                })
        if self.earlier:
            out.append({
                "key": None,
                "id": "earlier-structures",
                "kind": "earlier",
                "title": self.ui["earlier_structures"],
                "inherited": False,
                "standard_href": "",
                "cites": [],
                "body": [self.earlier_structure(es) for es in self.earlier],
                "missing": None,
                "contribute": None,
            })
        return out

    def fragment_key(self, kind: str, value: Any, inherited: bool) -> tuple | None:
        """What an inherited section's rendered body depends on besides its (shared) national value:
        the language, the numbering of the page's sources, the laws it can cite, and, for history, the
        page's own province (which is named but not linked). None: render it for this page alone."""
        if not inherited:
            return None
        laws = self.o.sections.get("legal_basis")
        named = {p for e in getattr(value, "events", []) for p in e.provinces} if kind == "history" else set()
        own_slug = self.o.slug if self.o.slug in named else None
        return (kind, id(value), self.lang, len(self.o.sources), id(laws.value) if laws else None, own_slug)

    def section_html(self, sections: list[dict[str, Any]], chart: dict[str, Any] | None) -> None:
        """Render each section's body once per distinct key (a large share of the build otherwise)."""
        for s in sections:
            key = s.pop("key")
            if key is not None and s["kind"] == "organisation":
                key = (*key, repr(chart))
            html = self.r._fragments.get(key) if key is not None else None
            if html is None:
                html = Markup(self.r.env.get_template(f"section/{s['kind']}.j2").render(
                    s=s, office={"chart": chart}, ui=self.ui, lang=self.lang))
                if key is not None:
                    self.r._fragments[key] = html
            s["html"] = html

    def chart(self, sections: list[dict[str, Any]], head: dict[str, Any] | None) -> dict[str, Any] | None:
        org = next((s for s in sections if s["kind"] == "organisation"), None)
        if org is None:
            return None
        audit = next((s for s in sections if s["kind"] == "audit"), None)
        position = head["position"] if head else self.plain(self.ui["head"])
        return {
            "head": {"position": position, "name": head["name"] if head else None,
                     "missing": head is None and not self.standard},
            "groups": org["body"]["groups"],
            "audit": {"name": audit["body"]["name"], "count": audit["body"]["count"], "href": "#internal-audit"}
            if audit else None,
        }

    def page(self) -> Page:
        if self.standard:
            return self.standard_page()
        o, lang, ui = self.o, self.lang, self.ui
        province = self.r.by_slug.get(o.slug, o.province)
        name = self.tx(o.name)
        assert name is not None
        if lang == "th" or (o.name.en and clean(o.name.en)):
            title = name["text"]
        else:
            title = f"{clean(province.en)} Provincial Office"
        sections = self.sections()
        head = self.head(o.head)
        chart = self.chart(sections, head)
        self.section_html(sections, chart)
        return self.r._render(
            "page/office.md.j2", self.url, lang,
            {
                "title": title,
                "description": f"{title} – {ui['site_description']}",
                "edit_url": self.r.info.edit_url(o.slug, o.file is not None, o.province),
                "hide": ["navigation"],
                # schema.org JSON-LD, printed in <head> by theme/main.html as it is: a complete
                # <script> element whose text cannot end the element (opendata.json_ld_script)
                "json_ld": json_ld_script(json_ld(o, lang, self.r.info.site_url)),
            },
            office={
                "name": name,
                "province": self.r._province(province, lang, self.url, o.slug),
                "region": self.r.region_name(province.region, lang),
                "region_href": href(self.url, PROVINCES) + f"#{html_id('region', str(province.region))}",
                "status": self.tx(o.status),
                "parent": self.tx(o.parent),
                "own": o.has_own_content,
                "head": head,
                "contact": self.contact(o.contact),
                "contribute": {
                    "head": self.contribute("contribute_head"),
                    "contact": self.contribute("contribute_contact"),
                },
                "data": {
                    "json": file_href(lang, self.url, data_office_json(o.slug)),
                    "open_data": href(self.url, OPEN_DATA),
                },
                "breadcrumb": [
                    {"href": href(self.url, HOME), "label": ui["nav_home"]},
                    {"href": href(self.url, PROVINCES), "label": ui["nav_provinces"]},
                ],
                "sections": sections,
                "chart": chart,
                "standard": False,
                "sources": {
                    "office": [self.source(s, "office") for s in o.sources],
                    "national": [self.source(s, "national") for s in o.national_sources],
                    "start_national": len(o.sources) + 1,
                },
            },
        )


    def standard_page(self) -> Page:
        o, ui = self.o, self.ui
        sections = self.sections()
        chart = self.chart(sections, None)
        self.section_html(sections, chart)
        return self.r._render(
            "page/standard.md.j2", self.url, self.lang,
            {"title": ui["standard_title"], "description": ui["standard_lead"], "edit_url": self.r.info.national_edit_url(),
             "hide": ["navigation"]},
            office={
                "name": self.plain(ui["standard_title"]),
                "status": self.tx(o.status),
                "parent": self.tx(o.parent),
                "breadcrumb": [{"href": href(self.url, HOME), "label": ui["nav_home"]}],
                "standard": True,
                "data": {
                    "json": file_href(self.lang, self.url, DATA_NATIONAL_JSON),
                    "open_data": href(self.url, OPEN_DATA),
                },
                "sections": sections,
                "chart": chart,
                "sources": {
                    "office": [],
                    "national": [self.source(s, "national") for s in o.national_sources],
                    "start_national": 1,
                },
            },
        )


def _tidy(text: str) -> str:
    """Normalise generated Markdown: no indentation (so nothing becomes a code block), one blank
    line at most between blocks, one trailing newline."""
    lines = [line.strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip() + "\n"


def render_site(dataset: Any, info: SiteInfo, templates: Path, only: frozenset[str] | None = None) -> list[Page]:
    """All pages of the site, both languages, for a loaded dataset (model.dataset.Dataset).
    With `only` (a set of slugs: the editor's preview), the office pages of those offices alone."""
    renderer = Renderer(info, dataset.registry, REGIONS, dataset.national, templates=templates)
    return renderer.site(dataset.resolved(), dataset.national, only)
