"""Stage 4 — render: the resolved model → one page per language and URL (front matter and HTML).

Everything a page shows is prepared as typed views (build/views.py: strings already formatted, dates
in the Buddhist and Common Era, full law titles, the "national standard" flags, counts, relative
links; built by sectionviews.py and pageviews.py), so the Jinja templates in ``templates/`` stay
logic-free. Each template states the context it receives at its top.

How data is kept inert:

* Templates run with ``autoescape=True`` and ``StrictUndefined``; data is only ever a *value* in a
  template, never a template (no ``from_string`` on data).
* A page's body is HTML, and the front matter says so (``body: html``): hooks/changwat_site.py hands
  it to MkDocs as the page's content without Markdown parsing it (it is raw HTML blocks, which
  Python-Markdown would pass through unchanged anyway), so every data string is HTML-escaped exactly
  once, by Jinja. Headings are HTML too, with explicit ASCII ids built from validated ids and
  re-sanitised here (``{% call heading %}`` in templates/_macros.j2); the table of contents and the
  search's sections are read back from them (build/outline.py).
* Links from data keep only http(s), mailto and tel URLs; anything else is shown as text.
* Line breaks and control characters inside a data string are folded to spaces: a paragraph is one
  line, so data can never start a Markdown construct at the beginning of a line.
* The front matter is written by PyYAML's safe dumper; the title in it is HTML-escaped, because
  Material prints ``page.meta.title`` unescaped in ``<title>`` and in the header.

What else a page carries, prepared here so that templates only print it:

* Office pages: a schema.org ``GovernmentOrganization`` JSON-LD ``<script>`` element in the front
  matter (``json_ld``, from ``opendata.json_ld_script``, which escapes ``<``, ``>`` and ``&`` inside
  the JSON); templates/theme/main.html prints it in ``<head>``. Facts nobody has provided (head of office,
  contact, the office's own history) say so, with a link that starts the contribution on GitHub.
* The province list: per office, whether it has its own content and the share of the texts its page
  shows that have English (opendata.translation, the open data's count).
* Every page: the footer links (``footer_links``, HTML-escaped here), printed by
  templates/theme/partials/copyright.html.

No MkDocs import here: the output is files' text, and ``pages.py`` writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from ..model import Law, National, ResolvedOffice
from ..model.dataset import Dataset
from ..model.dopa import DopaAreas, load_dopa
from ..model.registry import REGIONS, Province, Region, thai_order
from .compiled import TEMPLATES
from .feeds import feed_links
from .history import History, PageHistory, history_view
from .inert import clean, html_id, percent
from .opendata import (
    CSV_COLUMNS,
    JSON_FIELDS,
    SCHEMA_NATIONAL,
    SCHEMA_OFFICE,
    SCHEMA_OFFICES,
    json_ld,
    json_ld_script,
    translation,
)
from .pagecache import PageCache
from .pages import Page
from .pageviews import contribute_links, office_page, office_title, standard_page
from .sectionviews import PageFacts, province_view
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
    office_url,
)
from .views import Field, FileEntry, FragmentKey, Link, ListedProvince, RegionView, SectionView

# Front matter is written by PyYAML's safe dumper; libyaml's (same output, several times faster,
# which matters with a JSON-LD string in every office page's front matter) when PyYAML has it.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def sort_by_name(provinces: list[Province], lang: str) -> list[Province]:
    """Provinces in the reader's alphabetical order: Thai collation (leading vowels such as เ แ โ
    sort under their consonant) or English."""
    if lang == "th":
        return sorted(provinces, key=lambda p: thai_order(p.th))
    return sorted(provinces, key=lambda p: p.en.casefold())


def tidy(text: str) -> str:
    """Normalise generated Markdown: no indentation (so nothing becomes a code block), one blank
    line at most between blocks, one trailing newline."""
    out: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip() + "\n"


class Renderer:
    """Renders the pages of one dataset: ``site()`` all of them, or each kind of page on its own.

    Bodies of inherited national sections are rendered once per distinct FragmentKey and shared
    by every page with that key (73 offices without a file show identical standard sections).
    """

    def __init__(
        self,
        info: SiteInfo,
        provinces: Iterable[Province],
        regions: Iterable[Region] = REGIONS,
        national: National | None = None,
        *,
        templates: Path,
        areas: DopaAreas | None = None,
        history: History | None = None,
        cache: PageCache | None = None,
    ):
        self.info = info
        self.cache = cache  # office pages of earlier builds (build/pagecache.py)
        # the repository's history (build/history.py): "last updated", changes, feeds; none given,
        # the pages say they have no history
        self.history = history if history is not None else History()
        self.areas = areas  # DOPA codes and districts (model/dopa.py), when the data folder has them
        self.national_laws: dict[str, Law] = (
            {law.id: law for law in national.legal_basis.laws} if national and national.legal_basis else {}
        )
        self.provinces = list(provinces)
        self.by_slug = {p.slug: p for p in self.provinces}
        self.regions = {r.key: r for r in regions}  # in display order
        self.translation: dict[str, tuple[int, int]] = {}  # slug → (translated, all) texts
        self.fragments: dict[FragmentKey, Markup] = {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=TEMPLATES,  # compiled once, kept for the next build (build/compiled.py)
        )

    # -- whole site -------------------------------------------------------------------------------

    def site(
        self, offices: list[ResolvedOffice], national: National | None = None, only: frozenset[str] | None = None
    ) -> list[Page]:
        pages: list[Page] = []
        for lang in LANGS:
            pages.append(self.home(offices, lang))
            pages.append(self.province_list(offices, lang))
            if national is not None:
                pages.append(self.standard(national, lang))
            pages.append(self.open_data(offices, lang))
            pages.extend(self.office(o, lang) for o in offices if only is None or o.slug in only)
        return pages

    # -- rendering --------------------------------------------------------------------------------

    def page(self, template: str, url: str, lang: str, meta: dict[str, Any], **context: Any) -> Page:
        """A page: front matter (title, description, alternates, footer links and ``meta``) and the
        template rendered with ``ui``, ``lang`` and ``context``."""
        front = {
            "title": str(escape(clean(meta.pop("title")))),
            "description": str(escape(clean(meta.pop("description")))),
            "alternates": {lg: self.info.abs_url(lang_url(lg, url)) for lg in LANGS},
            **meta,
            "body": "html",  # not Markdown: hooks/changwat_site.py gives it to MkDocs as it is
        }
        front["alternates"]["x-default"] = front["alternates"][DEFAULT_LANG]
        front["footer_links"] = self.footer(url, lang)
        body = self.env.get_template(template).render(ui=ui_strings()[lang], lang=lang, **context)
        meta_yaml = yaml.dump(front, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
        return Page(docs_path(url, lang), f"---\n{meta_yaml}---\n\n{tidy(body)}")

    def section_html(self, sections: tuple[SectionView, ...], lang: str) -> tuple[SectionView, ...]:
        """Each section with its body rendered (templates/section/<kind>.j2), once per fragment key."""
        ui = ui_strings()[lang]
        out = []
        for s in sections:
            html = self.fragments.get(s.key) if s.key is not None else None
            if html is None:
                html = Markup(self.env.get_template(f"section/{s.kind}.j2").render(s=s, ui=ui, lang=lang))
                if s.key is not None:
                    self.fragments[s.key] = html
            out.append(replace(s, html=html))
        return tuple(out)

    def footer(self, url: str, lang: str) -> list[dict[str, str]]:
        """Links in every page's footer (templates/theme/partials/copyright.html prints them as they
        are, so the text is HTML-escaped here)."""
        ui = ui_strings()[lang]
        return [
            {"href": href(url, OPEN_DATA), "text": str(escape(ui["footer_open_data"]))},
            {"href": href(url, STANDARD), "text": str(escape(ui["footer_standard"]))},
        ]

    # -- home and the list of offices ---------------------------------------------------------------

    @staticmethod
    def own_count(offices: list[ResolvedOffice], lang: str) -> str:
        """ "3 of the 76 offices have content of their own" (the home page and the list say it)."""
        own = sum(1 for o in offices if o.has_own_content)
        return ui_strings()[lang]["home_count"].format(own=own, total=len(offices))

    @staticmethod
    def contacts_count(offices: list[ResolvedOffice], lang: str) -> str | None:
        """How many offices have given contact details; None while none has (the home page then
        promises nothing about contact details)."""
        n = sum(1 for o in offices if o.contact is not None)
        return ui_strings()[lang]["home_contacts"].format(n=n, total=len(offices)) if n else None

    def home(self, offices: list[ResolvedOffice], lang: str) -> Page:
        ui = ui_strings()[lang]
        return self.page(
            "page/home.md.j2",
            HOME,
            lang,
            {
                "title": ui["home_title"],
                "description": ui["site_description"],
                "edit_url": None,
                "hide": ["navigation"],
                **self.feeds(lang, HOME, ui["site_name"]),
            },
            count=self.own_count(offices, lang),
            contacts=self.contacts_count(offices, lang),
            search_action=href(HOME, HOME),
            list_href=href(HOME, PROVINCES),
            standard_href=href(HOME, STANDARD),
            open_data_href=href(HOME, OPEN_DATA),
            regions=self.regions_view(offices, lang, HOME),
            own=tuple(province_view(o.province, lang, HOME) for o in offices if o.has_own_content),
        )

    def listed(self, p: Province, o: ResolvedOffice | None, lang: str, frm: str) -> ListedProvince:
        """A province in a list; with its office ``o``, what the list says about it at a glance: its
        own content, and how much of its page is translated into English."""
        pv = province_view(p, lang, frm)
        if o is None:
            return ListedProvince(pv.name, pv.other, pv.href)
        if o.slug not in self.translation:
            self.translation[o.slug] = translation(o)
        done, total = self.translation[o.slug]
        badge = ui_strings()[lang]["badge_translated"].format(pct=percent(done, total))
        return ListedProvince(
            pv.name, pv.other, pv.href, o.has_own_content, badge, "complete" if done == total else "partial"
        )

    def regions_view(
        self, offices: list[ResolvedOffice], lang: str, frm: str, status: bool = False
    ) -> tuple[RegionView, ...]:
        """The regions with their provinces; with status, what the list says about each office."""
        ui = ui_strings()[lang]
        known = {o.slug: o for o in offices} if status else {}
        groups = []
        for key in self.regions:
            members = sort_by_name([p for p in self.provinces if p.region == key], lang)
            if members:
                groups.append(
                    RegionView(
                        html_id("region", key),
                        self.region_name(key, lang),
                        ui["list_count"].format(n=len(members)),
                        href(frm, PROVINCES) + f"#{html_id('region', key)}",
                        tuple(self.listed(p, known.get(p.slug), lang, frm) for p in members),
                    )
                )
        return tuple(groups)

    def region_name(self, key: str, lang: str) -> str:
        region = self.regions.get(key)
        return str(getattr(region, lang)) if region else key

    def province_list(self, offices: list[ResolvedOffice], lang: str) -> Page:
        ui = ui_strings()[lang]
        return self.page(
            "page/provinces.md.j2",
            PROVINCES,
            lang,
            {"title": ui["list_title"], "description": ui["list_lead"], "edit_url": None, "hide": ["navigation"]},
            count=self.own_count(offices, lang),
            legend_translated=ui["badge_translated"].format(pct="N"),
            regions=self.regions_view(offices, lang, PROVINCES, status=True),
        )

    # -- open data --------------------------------------------------------------------------------

    def open_data(self, offices: list[ResolvedOffice], lang: str) -> Page:
        """The page describing the open-data files (written at the site root by pages.py)."""
        ui = ui_strings()[lang]
        example = next((o.slug for o in offices if o.has_own_content), offices[0].slug if offices else "ang-thong")

        def entry(path: str, fmt: str, key: str, example: Link | None = None) -> FileEntry:
            return FileEntry(
                self.info.abs_url(path), None if example else file_href(lang, OPEN_DATA, path), fmt, ui[key], example
            )

        return self.page(
            "page/open_data.md.j2",
            OPEN_DATA,
            lang,
            {"title": ui["od_title"], "description": ui["od_lead"], "edit_url": None, "hide": ["navigation"]},
            files=(
                entry(DATA_OFFICES_JSON, "JSON", "od_file_offices_json"),
                entry(DATA_OFFICES_CSV, "CSV", "od_file_offices_csv"),
                entry(
                    data_office_json("<slug>"),
                    "JSON",
                    "od_file_office_json",
                    Link(
                        file_href(lang, OPEN_DATA, data_office_json(example)),
                        ui["od_example"].format(file=f"{example}.json"),
                    ),
                ),
                entry(DATA_NATIONAL_JSON, "JSON", "od_file_national_json"),
                entry(SCHEMA_FILES[0], "JSON Schema", "od_file_office_schema"),
                entry(SCHEMA_FILES[1], "JSON Schema", "od_file_national_schema"),
                entry(SCHEMA_OFFICE, "JSON Schema", "od_file_published_office_schema"),
                entry(SCHEMA_OFFICES, "JSON Schema", "od_file_published_offices_schema"),
                entry(SCHEMA_NATIONAL, "JSON Schema", "od_file_published_national_schema"),
            ),
            json_fields=tuple(Field(k, ui[f"od_json_{k}"]) for k in JSON_FIELDS),
            csv_columns=tuple(Field(c, ui[f"od_csv_{c}"]) for c in CSV_COLUMNS),
            list_href=href(OPEN_DATA, PROVINCES),
        )

    # -- an office, and the standard ----------------------------------------------------------------

    def facts(self, lang: str, url: str, office: ResolvedOffice | None) -> PageFacts:
        ui = ui_strings()[lang]
        page = self.info.abs_url(lang_url(lang, url))

        def correct(section: str, anchor: str) -> Link:
            return Link(
                self.info.correction_url(office.slug if office else "all", section, f"{page}#{anchor}"), ui["correct"]
            )

        return PageFacts(
            lang,
            url,
            ui,
            office.slug if office else None,
            self.by_slug,
            self.national_laws,
            contribute_links(self.info, office, ui) if office else None,
            correct,
        )

    def shared(self, key: FragmentKey) -> bool:
        return key in self.fragments

    def feeds(self, lang: str, url: str, title: str, page: PageHistory | None = None) -> dict[str, Any]:
        """Front matter ``feeds`` (the Atom feeds templates/theme/main.html links in <head>: raw
        text, escaped there), or nothing when no feed is written."""
        links = feed_links(self.info, self.history, lang, url, title, page)
        return {"feeds": links} if links else {}

    def office(self, o: ResolvedOffice, lang: str) -> Page:
        url = office_url(o.slug)
        if self.cache is None:
            return self._office(o, lang, url)
        changes = (c.sha for c in self.history.office(o.slug).changes)
        key = self.cache.key(lang, o.slug, changes)
        text = self.cache.get(key)
        if text is not None:
            return Page(docs_path(url, lang), text)
        page = self._office(o, lang, url)
        self.cache.put(key, page.text)
        return page

    def _office(self, o: ResolvedOffice, lang: str, url: str) -> Page:
        province = self.by_slug.get(o.slug, o.province)
        o = replace(o, province=province)
        view = office_page(
            o, self.facts(lang, url, o), self.region_name(province.region, lang), self.areas, self.shared
        )
        title = office_title(o, lang)
        history = self.history.office(o.slug)
        changes = history_view(history, lang, self.info, url, title, slug=o.slug)
        view = replace(view, sections=self.section_html(view.sections, lang), changes=changes)
        return self.page(
            "page/office.md.j2",
            url,
            lang,
            {
                "title": title,
                "description": f"{title} – {ui_strings()[lang]['site_description']}",
                "edit_url": self.info.edit_url(o.slug, o.file is not None, o.province),
                "hide": ["navigation"],
                # schema.org JSON-LD, printed in <head> by templates/theme/main.html as it is: a
                # complete <script> element whose text cannot end the element (opendata.json_ld_script)
                "json_ld": json_ld_script(
                    json_ld(o, lang, self.info.site_url, self.areas, modified=changes.updated_iso)
                ),
                **self.feeds(lang, url, title, history),
            },
            office=view,
        )

    def standard(self, national: National, lang: str) -> Page:
        """The national standard, once: office pages show it where an office has no content of its
        own (and leave it out of the search index there, so it is indexed here only)."""
        ui = ui_strings()[lang]
        view = standard_page(national, self.facts(lang, STANDARD, None), self.shared)
        history = self.history.standard()
        changes = history_view(history, lang, self.info, STANDARD, ui["standard_title"])
        view = replace(view, sections=self.section_html(view.sections, lang), changes=changes)
        return self.page(
            "page/standard.md.j2",
            STANDARD,
            lang,
            {
                "title": ui["standard_title"],
                "description": ui["standard_lead"],
                "edit_url": self.info.national_edit_url(),
                "hide": ["navigation"],
                **self.feeds(lang, STANDARD, ui["standard_title"], history),
            },
            office=view,
        )


def render_site(
    dataset: Dataset,
    info: SiteInfo,
    templates: Path,
    only: frozenset[str] | None = None,
    history: History | None = None,
    cache: PageCache | None = None,
) -> list[Page]:
    """All pages of the site, both languages, for a loaded dataset.
    With `only` (a set of slugs: the editor's preview), the office pages of those offices alone.
    ``history`` (build/history.py) dates the pages and lists their changes; without it they say
    they have no history. ``cache`` (build/pagecache.py) holds the office pages of earlier builds:
    one that would come out the same is not rendered again."""
    renderer = Renderer(
        info,
        dataset.registry,
        REGIONS,
        dataset.national,
        templates=templates,
        areas=load_dopa(dataset.root / "registry"),
        history=history,
        cache=cache,
    )
    return renderer.site(dataset.resolved(), dataset.national, only)
