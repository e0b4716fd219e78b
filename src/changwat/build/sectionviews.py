"""The sections of a page as views: one builder shared by an office's page and the standard page.

:class:`SectionViews` knows the page (its language, its URL, the laws it shows, the numbering of
its sources, the office it belongs to if any) and turns the model's section values into the typed
views of build/views.py. Which sections exist, in which order, with which heading ids and templates,
is model/sections.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..model import (
    AuditUnit,
    EarlierStructure,
    Event,
    Group,
    History,
    ItemList,
    Law,
    LawRef,
    LegalBasis,
    Missions,
    Organisation,
    Passage,
    ResolvedOffice,
    Section,
    Source,
    Text,
)
from ..model.dates import parse_be
from ..model.registry import Province
from ..model.sections import BY_NAME
from .inert import clean, html_id, safe_url
from .urls import STANDARD, href, office_url
from .views import (
    AuditView,
    ChartAudit,
    ChartHead,
    ChartView,
    Cite,
    DateView,
    EarlierStructureView,
    EventView,
    FragmentKey,
    GroupView,
    HeadView,
    HistoryView,
    ItemListView,
    LawRefView,
    LawSectionView,
    LawView,
    LegalBasisView,
    Link,
    MissionsView,
    OrganisationView,
    PassageView,
    ProvinceView,
    SectionBody,
    SectionView,
    SourceView,
    SubGroupView,
    TextView,
)

AUDIT_ID = "internal-audit"
EARLIER_ID = "earlier-structures"


@dataclass(frozen=True)
class PageFacts:
    """What a page's sections depend on besides their own values."""

    lang: str
    url: str  # the page's directory URL within its language
    ui: dict[str, str]
    office: str | None  # the office's slug; None on the standard page
    provinces: dict[str, Province]  # the registry by slug
    national_laws: dict[str, Law]  # laws a reference may name although the page does not show them
    contribute: Callable[[str], Link] | None  # a link that starts a contribution (office pages only)
    correct: Callable[[str, str], Link] | None = None  # (section, heading id) → "suggest a correction"


def province_view(p: Province, lang: str, frm: str, current: str | None = None) -> ProvinceView:
    """A province named by the registry: its name in the page's language, the other name marked with
    its language, and a link to its office page (none on the page's own province)."""
    other = "en" if lang == "th" else "th"
    return ProvinceView(
        TextView(clean(getattr(p, lang))),
        TextView(clean(getattr(p, other)), other),
        None if p.slug == current else href(frm, office_url(p.slug)),
    )


class SectionViews:
    """Views of the sections of one page (an office's or the standard page) in one language."""

    def __init__(self, facts: PageFacts, o: ResolvedOffice):
        self.f, self.o = facts, o
        self.lang, self.ui = facts.lang, facts.ui
        laws = o.sections.get("legal_basis")
        self.laws: dict[str, Law] = {law.id: law for law in laws.value.laws} if laws else {}
        # whose legal basis the page shows: law references link to its laws (part of the fragment key)
        self.laws_of = (
            "none" if laws is None else "national" if laws.origin == "national" else facts.office or "standard"
        )
        self.sources = {
            "office": {s.id: i for i, s in enumerate(o.sources, 1)},
            "national": {s.id: i for i, s in enumerate(o.national_sources, len(o.sources) + 1)},
        }
        self.bodies: dict[type, Callable[[Any], SectionBody]] = {
            History: self.history,
            LegalBasis: self.legal_basis,
            ItemList: self.item_list,
            Missions: self.missions,
            Organisation: self.organisation,
        }

    # -- texts and references -------------------------------------------------------------------

    def tx(self, t: Text) -> TextView:
        return TextView.of(t, self.lang)

    def opt(self, t: Text | None) -> TextView | None:
        return None if t is None else TextView.of(t, self.lang)

    def txs(self, items: Iterable[Text]) -> tuple[TextView, ...]:
        return tuple(TextView.of(t, self.lang) for t in items)

    def date(self, be: str) -> DateView:
        """A B.E. date: '28 สิงหาคม 2516' / '28 August 1973 (B.E. 2516)', ISO Gregorian for <time>."""
        d = parse_be(be)
        return DateView(d.iso_ce(), d.format(self.lang))

    def law_ref(self, ref: LawRef | None) -> LawRefView | None:
        if ref is None:
            return None
        law = self.laws.get(ref.law) or self.f.national_laws.get(ref.law)
        section = self.ui["law_section"].format(number=clean(ref.section)) if ref.section else None
        return LawRefView(
            clean(law.full_title(self.lang) if law else ref.law),
            f"#{html_id('law', ref.law)}" if ref.law in self.laws else None,
            section,
        )

    def cites(self, origin: str, ids: Iterable[str]) -> tuple[Cite, ...]:
        table = self.sources[origin]
        return tuple(Cite(f"[{table[i]}]", f"#{html_id('src', origin[0], i)}") for i in ids if i in table)

    def source(self, s: Source, origin: str) -> SourceView:
        """A source as readers can check it: title, publisher, address, the date it was consulted
        (its id and the editors' note stay in the data)."""
        accessed = self.date(s.accessed) if s.accessed else None
        return SourceView(
            html_id("src", origin[0], s.id),
            self.tx(s.title),
            safe_url(s.url),
            clean(s.url) if s.url else None,
            self.opt(s.publisher),
            self.ui["accessed"].format(date=accessed.text) if accessed else None,
            accessed.iso if accessed else None,
        )

    # -- section bodies ---------------------------------------------------------------------------

    def passage(self, p: Passage) -> PassageView:
        return PassageView(self.tx(p.text), self.txs(p.items), self.law_ref(p.quote))

    def event(self, e: Event) -> EventView:
        provinces = tuple(
            province_view(self.f.provinces[s], self.lang, self.f.url, self.f.office)
            for s in e.provinces
            if s in self.f.provinces
        )
        return EventView(
            html_id("event", e.id),
            self.date(e.date),
            self.tx(e.text),
            provinces,
            self.law_ref(LawRef(law=e.law)) if e.law else None,
        )

    def history(self, h: History) -> HistoryView:
        return HistoryView(tuple(self.passage(p) for p in h.paragraphs), tuple(self.event(e) for e in h.events))

    def law(self, law: Law) -> LawView:
        if self.lang == "en" and not law.title.is_translated:
            title = TextView(clean(law.full_title("th")), "th", untranslated=True)
        else:
            title = TextView.plain(law.full_title(self.lang))
        sections = tuple(
            LawSectionView(
                self.ui["law_section"].format(number=clean(s.number)),
                self.opt(s.text),
                self.txs(s.items),
                self.txs(s.paragraphs),
            )
            for s in law.sections
        )
        english = self.lang == "en" and law.title.is_translated
        return LawView(
            html_id("law", law.id),
            title,
            TextView(clean(law.official_title()), "th") if english else None,
            self.ui["unofficial_translation"] if english else None,
            safe_url(law.official_url),
            self.txs(law.summary),
            sections,
        )

    def legal_basis(self, lb: LegalBasis) -> LegalBasisView:
        return LegalBasisView(self.txs(lb.intro), tuple(self.law(x) for x in lb.laws))

    def item_list(self, il: ItemList) -> ItemListView:
        return ItemListView(self.law_ref(il.basis), self.opt(il.intro), self.txs(il.items))

    def missions(self, m: Missions) -> MissionsView:
        return MissionsView(self.txs(m.paragraphs), self.txs(m.aims))

    def count(self, n: int) -> str:
        if n == 0:
            return self.ui["no_duties"]
        return self.ui["duties_one" if n == 1 else "duties_other"].format(n=n)

    def group(self, g: Group, within: str | None = None) -> GroupView:
        """A work group; ``within`` an earlier structure, its id is the structure's, "--" (which no id
        holds), and its own: ids of different structures never collide."""
        gid = html_id("group", g.id) if within is None else f"{within}--{html_id(g.id)}"
        subgroups = tuple(
            SubGroupView(
                f"{gid}--{html_id(s.id)}",
                self.tx(s.name),
                self.txs(s.description),
                self.txs(s.duties),
                self.count(len(s.duties)),
            )
            for s in g.subgroups
        )
        total = len(g.duties) + sum(len(s.duties) for s in g.subgroups)
        return GroupView(
            gid,
            self.tx(g.name),
            self.opt(g.intro),
            self.txs(g.description),
            self.txs(g.duties),
            self.count(total),
            subgroups,
        )

    def organisation(self, org: Organisation) -> OrganisationView:
        return OrganisationView(self.opt(org.intro), tuple(self.group(g) for g in org.groups))

    def audit(self, a: AuditUnit) -> AuditView:
        name = self.tx(a.name)
        n = len(a.principles)
        return AuditView(
            name=name,
            name_differs=name.text != self.ui["internal_audit"],
            empty=not a.description and not a.principles,
            count=self.ui["principles_one" if n == 1 else "principles_other"].format(n=n) if n else None,
            description=self.txs(a.description),
            principles=self.txs(a.principles),
        )

    def earlier_structure(self, es: EarlierStructure) -> EarlierStructureView:
        sid = html_id("structure", es.id)
        return EarlierStructureView(
            sid,
            self.tx(es.title),
            self.cites("national", es.sources),
            tuple(self.passage(p) for p in es.paragraphs),
            self.txs(es.mandate),
            tuple(self.group(g, within=sid) for g in es.groups),
        )

    # -- whose content (model/resolve.py) ----------------------------------------------------------

    def marked(self, sec: Section, body: Any) -> Any:
        """A section body whose national items are marked, when the section is also the office's own
        (events, laws and work groups merged with the national lists by id)."""
        if sec.origin != "office" or self.f.office is None:
            return body
        changes = {}
        for part in sec.parts.values():
            items = getattr(body, part.name, None)
            if BY_NAME[sec.name].part(part.name).keyed and items is not None and part.national:
                changes[part.name] = tuple(
                    replace(v, national=o == "national") for v, o in zip(items, part.origins, strict=True)
                )
        return replace(body, **changes) if changes else body

    def mixed(self, sec: Section) -> str | None:
        """What of an office's own section is the national standard, with counts; None if nothing is."""
        if sec.origin != "office" or not sec.mixed:
            return None
        kind = BY_NAME[sec.name]
        counts = [
            (p.count_th if self.lang == "th" else p.count_en)(sec.parts[p.name].national)
            for p in kind.parts
            if sec.parts[p.name].national
        ]
        return self.ui["origin_mixed"].format(parts=", ".join(counts)) if counts else None

    def section_cites(self, sec: Section, standard: bool) -> tuple[Cite, ...]:
        """The sources of a section: the office's, and the national ones of the parts it shows from the
        national standard."""
        if standard or sec.origin == "national":
            return self.cites("national", sec.value.sources)
        return self.cites("office", sec.value.sources) + self.cites("national", sec.national_sources)

    # -- the page's sections ----------------------------------------------------------------------

    def key(
        self, section: str, inherited: bool, names_provinces: Iterable[str] = (), chart: ChartView | None = None
    ) -> FragmentKey | None:
        """The fragment key of an inherited national section (None: rendered for this page alone)."""
        if not inherited:
            return None
        own = self.f.office if self.f.office is not None and self.f.office in set(names_provinces) else None
        return FragmentKey(section, self.lang, len(self.o.sources) + 1, self.laws_of, own, chart)

    def sections(
        self, head: HeadView | None, shared: Callable[[FragmentKey], bool], earlier: Iterable[EarlierStructure] = ()
    ) -> tuple[tuple[SectionView, ...], ChartView | None]:
        """Every section of the page in order, and the org chart. ``shared(key)``: whether a fragment
        with that key is already rendered (its body need not be built)."""
        standard = self.f.office is None
        out: list[SectionView] = []
        chart: ChartView | None = None
        for name, sec in self.o.sections.items():
            kind = BY_NAME[name]
            inherited = sec.origin == "national" and not standard
            value = sec.value
            names = [p for e in value.events for p in e.provinces] if isinstance(value, History) else ()
            body: SectionBody | None = None
            if isinstance(value, Organisation):
                org = self.marked(sec, self.organisation(value))
                chart = self.chart(org, value.audit, head)
                body = replace(org, chart=chart)
                key = self.key(name, inherited, chart=chart)
            else:
                key = self.key(name, inherited, names)
                if key is None or not shared(key):
                    body = self.marked(sec, self.bodies[type(value)](value))
            history_missing = name == "history" and inherited and self.f.contribute is not None
            out.append(
                SectionView(
                    id=kind.anchor,
                    kind=kind.template,
                    title=self.ui[kind.ui_key],
                    inherited=inherited,
                    standard_href=href(self.f.url, STANDARD) + f"#{kind.anchor}",
                    cites=self.section_cites(sec, standard),
                    body=body,
                    key=key,
                    correct=self.correct(name, kind.anchor),
                    mixed=None if standard else self.mixed(sec),
                    missing=self.ui["history_missing"] if history_missing else None,
                    contribute=self.f.contribute("contribute_history")
                    if history_missing and self.f.contribute
                    else None,
                )
            )
            if isinstance(value, Organisation) and value.audit is not None:
                # the audit unit is a part of its own: national on a page whose work groups are the office's
                audit_inherited = not standard and sec.parts["audit"].origin == "national"
                out.append(
                    SectionView(
                        id=AUDIT_ID,
                        kind="audit",
                        title=self.ui["internal_audit"],
                        inherited=audit_inherited,
                        standard_href=href(self.f.url, STANDARD) + f"#{AUDIT_ID}",
                        cites=(),
                        body=self.audit(value.audit),
                        key=self.key("audit", audit_inherited),
                        missing=None,
                        contribute=None,
                        correct=self.correct("organisation", AUDIT_ID),
                    )
                )
        earlier = tuple(earlier)
        if earlier:
            out.append(
                SectionView(
                    id=EARLIER_ID,
                    kind="earlier",
                    title=self.ui["earlier_structures"],
                    inherited=False,
                    standard_href="",
                    cites=(),
                    body=tuple(self.earlier_structure(es) for es in earlier),
                    key=None,
                    missing=None,
                    contribute=None,
                )
            )
        return tuple(out), chart

    def correct(self, section: str, anchor: str) -> Link | None:
        return self.f.correct(section, anchor) if self.f.correct is not None else None

    def chart(self, org: OrganisationView, audit: AuditUnit | None, head: HeadView | None) -> ChartView:
        """The org chart: the head of office (the office's own, or the position alone), the work
        groups and the internal audit unit."""
        standard = self.f.office is None
        position = head.position if head else TextView.plain(self.ui["head"])
        audit_view = self.audit(audit) if audit is not None else None
        return ChartView(
            ChartHead(position, head.name if head else None, head is None and not standard),
            org.groups,
            ChartAudit(audit_view.name, audit_view.count, f"#{AUDIT_ID}") if audit_view else None,
        )
