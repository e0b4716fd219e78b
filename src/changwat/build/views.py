"""Typed views: exactly what each template receives.

A view holds display-ready values only (text in the page's language with its language and
translation state, formatted dates, relative links, counts as words), so the templates in
``templates/`` print and loop and never decide. Views are frozen and hold tuples: they are
hashable, which lets the renderer share a rendered fragment between pages whose views are equal
(:class:`FragmentKey`).

Every string here is raw text: Jinja escapes it when a template prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from ..model import Text
from .inert import clean

# ---------------------------------------------------------------------------------------------
# Texts and links


@dataclass(frozen=True)
class TextView:
    """A text as a page shows it. ``lang`` is set when the text is not in the page's language (an
    English page showing Thai that has no translation yet: ``untranslated``)."""

    text: str
    lang: str | None = None
    untranslated: bool = False

    @classmethod
    def of(cls, t: Text, lang: str) -> TextView:
        shown, shown_lang = t.shown(lang)
        if shown_lang == lang:
            return cls(clean(shown))
        return cls(clean(shown), shown_lang, untranslated=True)

    @classmethod
    def plain(cls, s: str) -> TextView:
        """A string of ours (an interface string, a computed title), in the page's language."""
        return cls(clean(s))


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Cite:
    """A citation of a source in the page's list of sources: "[2]" linking to it."""

    label: str
    href: str


@dataclass(frozen=True)
class DateView:
    iso: str  # Gregorian ISO date for <time datetime>
    text: str  # "28 สิงหาคม 2516" / "28 August 1973 (B.E. 2516)"


@dataclass(frozen=True)
class ProvinceView:
    """A province named by the registry: its name in the page's language, its name in the other
    language (marked with that language), and a link to its office page (None on its own page)."""

    name: TextView
    other: TextView
    href: str | None


# ---------------------------------------------------------------------------------------------
# Section bodies


@dataclass(frozen=True)
class LawRefView:
    title: str
    href: str | None  # the law's heading on this page, when the page shows it
    section: str | None  # "มาตรา 52/1" / "section 52/1"


@dataclass(frozen=True)
class PassageView:
    text: TextView
    entries: tuple[TextView, ...]
    quote: LawRefView | None  # a verbatim quote of a law: shown as a blockquote citing it


@dataclass(frozen=True)
class EventView:
    id: str
    date: DateView
    text: TextView
    provinces: tuple[ProvinceView, ...]
    law: LawRefView | None
    national: bool = False  # shown from the national standard in a section that is also the office's own


@dataclass(frozen=True)
class HistoryView:
    paragraphs: tuple[PassageView, ...]
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class LawSectionView:
    label: str
    text: TextView | None
    entries: tuple[TextView, ...]
    paragraphs: tuple[TextView, ...]


@dataclass(frozen=True)
class LawView:
    id: str
    title: TextView  # the full title in the page's language, with its year B.E. (and C.E. in English)
    official: TextView | None  # on English pages: the official Thai title, marked lang="th"
    translation_note: str | None  # on English pages: "unofficial translation" (only the Thai text is law)
    official_url: str | None  # the official text (Royal Gazette, Council of State) where the data gives it
    summary: tuple[TextView, ...]
    sections: tuple[LawSectionView, ...]
    national: bool = False  # shown from the national standard in a legal basis that is also the office's own


@dataclass(frozen=True)
class LegalBasisView:
    intro: tuple[TextView, ...]
    laws: tuple[LawView, ...]


@dataclass(frozen=True)
class ItemListView:
    basis: LawRefView | None
    intro: TextView | None
    entries: tuple[TextView, ...]


@dataclass(frozen=True)
class MissionsView:
    paragraphs: tuple[TextView, ...]
    aims: tuple[TextView, ...]


@dataclass(frozen=True)
class SubGroupView:
    id: str
    name: TextView
    description: tuple[TextView, ...]
    duties: tuple[TextView, ...]
    count: str


@dataclass(frozen=True)
class GroupView:
    id: str
    name: TextView
    intro: TextView | None
    description: tuple[TextView, ...]
    duties: tuple[TextView, ...]
    count: str  # "3 หน้าที่" / "3 duties"
    subgroups: tuple[SubGroupView, ...]
    national: bool = False  # a national work group in an organisation that is also the office's own


@dataclass(frozen=True)
class OrganisationView:
    intro: TextView | None
    groups: tuple[GroupView, ...]
    chart: ChartView | None = None  # drawn above the groups


@dataclass(frozen=True)
class AuditView:
    name: TextView
    name_differs: bool  # the unit has a name other than the standard "internal audit unit"
    empty: bool
    count: str | None
    description: tuple[TextView, ...]
    principles: tuple[TextView, ...]


@dataclass(frozen=True)
class EarlierStructureView:
    id: str
    title: TextView
    cites: tuple[Cite, ...]
    paragraphs: tuple[PassageView, ...]
    mandate: tuple[TextView, ...]
    groups: tuple[GroupView, ...]


SectionBody = (
    HistoryView
    | LegalBasisView
    | ItemListView
    | MissionsView
    | OrganisationView
    | AuditView
    | tuple[EarlierStructureView, ...]
)


# ---------------------------------------------------------------------------------------------
# The org chart


@dataclass(frozen=True)
class ChartHead:
    position: TextView
    name: TextView | None
    missing: bool  # an office page whose head nobody has provided


@dataclass(frozen=True)
class ChartAudit:
    name: TextView
    count: str | None
    href: str


@dataclass(frozen=True)
class ChartView:
    head: ChartHead
    groups: tuple[GroupView, ...]
    audit: ChartAudit | None


# ---------------------------------------------------------------------------------------------
# Sections of a page


@dataclass(frozen=True)
class FragmentKey:
    """What an inherited national section's rendered body depends on besides the section itself:
    equal keys, equal HTML, so the body is rendered once and shared by every page with that key
    (73 offices show the same national sections)."""

    section: str  # the national section (its field name); "audit" for the internal audit unit
    lang: str
    first_national_source: int  # the number of the first national source on the page ([n] citations)
    laws_of: str  # whose legal basis the page shows ("national", the office's slug): references link to its laws
    own_province: str | None  # the page's province when the section names it (then it is not linked)
    chart: ChartView | None  # the org chart (its head is the office's own)


@dataclass(frozen=True)
class SectionView:
    """One section of an office page or of the standard page, as templates/page/_body.j2 shows it."""

    id: str  # heading id
    kind: str  # templates/section/<kind>.j2
    title: str
    inherited: bool  # an office page showing the national standard for it
    standard_href: str  # the same section on the standard page
    cites: tuple[Cite, ...]
    body: SectionBody | None  # None when the body is a shared fragment already rendered
    missing: str | None  # a fact nobody has provided yet (the office's own history)
    contribute: Link | None
    key: FragmentKey | None  # None: rendered for this page alone
    correct: Link | None = None  # "suggest a correction" of this section (GitHub's issue form, prefilled)
    mixed: str | None = None  # the office's own section also showing national parts: which, with counts
    html: Markup = Markup("")  # noqa: RUF009  (immutable) the rendered body, filled in by the renderer


# ---------------------------------------------------------------------------------------------
# Parts of an office page


@dataclass(frozen=True)
class HeadView:
    name: TextView
    position: TextView
    as_of: str | None  # "ข้อมูล ณ 1 ตุลาคม 2567"
    as_of_iso: str | None


@dataclass(frozen=True)
class Phone:
    text: str
    href: str | None


@dataclass(frozen=True)
class ContactView:
    address: TextView | None
    phones: tuple[Phone, ...]
    fax: tuple[str, ...]
    emails: tuple[Phone, ...]  # text and mailto: link
    website: Phone | None  # text and link (None: not a link we can trust)


@dataclass(frozen=True)
class SourceView:
    id: str
    title: TextView
    url: str | None  # a link we can trust
    url_text: str | None  # the address as written (shown when it is not a link)
    publisher: TextView | None
    accessed: str | None  # "เข้าดูเมื่อ 1 มิถุนายน 2568" / "accessed 1 June 2025 (B.E. 2568)"
    accessed_iso: str | None


@dataclass(frozen=True)
class SourcesView:
    office: tuple[SourceView, ...]
    national: tuple[SourceView, ...]
    start_national: int  # the number of the first national source


@dataclass(frozen=True)
class PageData:
    json: str  # this page's data file
    open_data: str  # the open-data page


@dataclass(frozen=True)
class Crumb:
    href: str
    label: str


@dataclass(frozen=True)
class DistrictView:
    name: TextView  # in the page's language
    other: TextView  # in the other language, marked with it
    code: str  # the Department of Provincial Administration's code


@dataclass(frozen=True)
class AreaView:
    """The province's official identifiers and the districts (อำเภอ) the office serves."""

    iso: str  # ISO 3166-2:TH
    dopa: str | None  # the Department of Provincial Administration's code
    districts: tuple[DistrictView, ...]
    lead: str  # "The province has 7 districts"
    credit: str  # where the codes and names come from (their licence asks for it)
    credit_url: str


@dataclass(frozen=True)
class ContributeLinks:
    head: Link
    contact: Link


@dataclass(frozen=True)
class ChangeView:
    """One change of the data a page shows (a commit; build/history.py)."""

    date: str  # for readers, in the page's language
    iso: str  # RFC 3339, for <time datetime>
    subject: tuple[TextView, ...]  # the commit's subject, runs not in the page's language marked
    href: str  # the commit on repo_url
    sha: str  # short form
    what: str  # what it changed that this page shows ("the office's own data; the national standard")


@dataclass(frozen=True)
class ChangesView:
    """A page's "last updated", latest changes and how to cite it (templates/page/_changes.j2)."""

    available: bool  # the build had the repository's history
    updated: str | None  # "22 พฤศจิกายน 2569" / "22 November 2026 (B.E. 2569)"
    updated_iso: str | None  # "2026-11-22"
    changes: tuple[ChangeView, ...]
    more: int  # older changes not listed
    more_href: str  # the data folder's history on repo_url
    feed_href: str | None  # the page's Atom feed, relative to the page (None: no feed written)
    cite: str  # APA-style reference: title, date (or n.d.), site, permanent URL


@dataclass(frozen=True)
class OfficePageView:
    """templates/page/office.md.j2: an office's page."""

    name: TextView
    province: ProvinceView
    region: str
    region_href: str
    status: TextView
    parent: TextView
    own: bool  # the office has written content of its own
    head: HeadView | None
    contact: ContactView | None
    area: AreaView
    contribute: ContributeLinks
    data: PageData
    breadcrumb: tuple[Crumb, ...]
    sections: tuple[SectionView, ...]
    chart: ChartView | None
    sources: SourcesView
    standard: Literal[False] = False
    changes: ChangesView | None = None  # set by the renderer from the repository's history


@dataclass(frozen=True)
class StandardPageView:
    """templates/page/standard.md.j2: the national standard every office inherits from."""

    name: TextView
    status: TextView
    parent: TextView
    breadcrumb: tuple[Crumb, ...]
    data: PageData
    sections: tuple[SectionView, ...]
    chart: ChartView | None
    sources: SourcesView
    standard: Literal[True] = True
    changes: ChangesView | None = None  # set by the renderer from the repository's history


# ---------------------------------------------------------------------------------------------
# The home page, the list and the open-data page


@dataclass(frozen=True)
class ListedProvince:
    """A province in a list of offices: its names and link, and what the list says about its office."""

    name: TextView
    other: TextView
    href: str | None
    own: bool = False
    translated: str | None = None  # "แปลแล้ว 85%" badge
    translation_state: str | None = None  # "complete" | "partial"


@dataclass(frozen=True)
class RegionView:
    id: str
    name: str
    count: str
    href: str
    provinces: tuple[ListedProvince, ...]


@dataclass(frozen=True)
class FileEntry:
    url: str
    href: str | None
    format: str
    text: str
    example: Link | None


@dataclass(frozen=True)
class Field:
    name: str
    text: str
