"""The views of an office's page and of the standard page (built on SectionViews), and the parts
only an office page has: its head, its contact details, the links that start a contribution."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Contact, Head, National, ResolvedOffice, Section
from ..model.dopa import ATTRIBUTION as DOPA_ATTRIBUTION
from ..model.dopa import DopaAreas
from ..model.registry import Province
from ..model.sections import NAMES
from .inert import clean, html_id, safe_url, tel_url
from .sectionviews import PageFacts, SectionViews, province_view
from .urls import DATA_NATIONAL_JSON, HOME, OPEN_DATA, PROVINCES, SiteInfo, data_office_json, file_href, href
from .views import (
    AreaView,
    ContactView,
    ContributeLinks,
    Crumb,
    DistrictView,
    FragmentKey,
    HeadView,
    Link,
    OfficePageView,
    PageData,
    Phone,
    SourcesView,
    StandardPageView,
    TextView,
)


def office_title(o: ResolvedOffice, lang: str) -> str:
    """An office's name as a title in ``lang``: an English title is never Thai, so an office whose
    name has no English is "<province> Provincial Office" (the page's title, its feeds' titles)."""
    if lang == "th" or o.name.is_translated:
        return clean(o.name.shown(lang)[0])
    return f"{clean(o.province.en)} Provincial Office"


def head_view(views: SectionViews, h: Head | None) -> HeadView | None:
    if h is None:
        return None
    as_of = views.date(h.as_of) if h.as_of else None
    return HeadView(
        views.tx(h.name),
        views.tx(h.position),
        views.ui["as_of"].format(date=as_of.text) if as_of else None,
        as_of.iso if as_of else None,
    )


def contact_view(views: SectionViews, c: Contact | None) -> ContactView | None:
    if c is None:
        return None
    view = ContactView(
        address=views.opt(c.address),
        phones=tuple(Phone(clean(p), tel_url(p)) for p in c.phones),
        fax=tuple(clean(p) for p in c.fax),
        emails=tuple(Phone(clean(e), safe_url(f"mailto:{clean(e)}")) for e in c.emails),
        website=Phone(clean(c.website), safe_url(c.website)) if c.website else None,
    )
    return view if (view.address or view.phones or view.fax or view.emails or view.website) else None


def area_view(province: Province, areas: DopaAreas | None, lang: str, ui: dict[str, str]) -> AreaView:
    entry = areas.of(province) if areas is not None else None
    other = "en" if lang == "th" else "th"
    districts = tuple(
        DistrictView(TextView(clean(getattr(d, lang))), TextView(clean(getattr(d, other)), other), d.code)
        for d in (entry.districts if entry else ())
    )
    return AreaView(
        province.iso,
        entry.code if entry else None,
        districts,
        ui["districts_lead"].format(n=len(districts)),
        DOPA_ATTRIBUTION[lang],
        DOPA_ATTRIBUTION["url"],
    )


def office_page(
    o: ResolvedOffice, facts: PageFacts, region: str, areas: DopaAreas | None, shared: Callable[[FragmentKey], bool]
) -> OfficePageView:
    """The view of an office's page (``region``: the region's name in the page's language; ``areas``:
    the DOPA codes and districts, model/dopa.py)."""
    views = SectionViews(facts, o)
    lang, ui, url = facts.lang, facts.ui, facts.url
    head = head_view(views, o.head)
    sections, chart = views.sections(head, shared)
    contribute = facts.contribute
    assert contribute is not None
    return OfficePageView(
        name=views.tx(o.name),
        province=province_view(o.province, lang, url, o.slug),
        region=region,
        region_href=href(url, PROVINCES) + f"#{html_id('region', str(o.province.region))}",
        status=views.tx(o.status),
        parent=views.tx(o.parent),
        own=o.has_own_content,
        head=head,
        contact=contact_view(views, o.contact),
        area=area_view(o.province, areas, lang, ui),
        contribute=ContributeLinks(contribute("contribute_head"), contribute("contribute_contact")),
        data=PageData(file_href(lang, url, data_office_json(o.slug)), href(url, OPEN_DATA)),
        breadcrumb=(Crumb(href(url, HOME), ui["nav_home"]), Crumb(href(url, PROVINCES), ui["nav_provinces"])),
        sections=sections,
        chart=chart,
        sources=SourcesView(
            tuple(views.source(s, "office") for s in o.sources),
            tuple(views.source(s, "national") for s in o.national_sources),
            len(o.sources) + 1,
        ),
    )


def contribute_links(info: SiteInfo, o: ResolvedOffice, ui: dict[str, str]) -> Callable[[str], Link]:
    """Links that start a contribution of a fact nobody has provided: the office's YAML file on
    GitHub (GitHub's new-file page, prefilled, when the office has no file yet)."""
    exists = o.file is not None
    where = ui["contribute_edit" if exists else "contribute_new"]

    def link(key: str) -> Link:
        return Link(info.edit_url(o.slug, exists, o.province), f"{ui[key]} {where}")

    return link


def standard_as_office(national: National) -> ResolvedOffice:
    """The national content as the sections of a page of its own (every section its own)."""
    sections = {
        name: Section(name, value, "office") for name in NAMES if (value := getattr(national, name, None)) is not None
    }
    return ResolvedOffice(
        province=None,
        file=None,
        name=national.name,
        parent=national.parent,
        status=national.status,
        head=None,
        contact=None,
        sections=sections,
        sources=[],
        national_sources=list(national.sources),
    )


def standard_page(national: National, facts: PageFacts, shared: Callable[[FragmentKey], bool]) -> StandardPageView:
    """The view of the standard page: the national content once, with the earlier structures."""
    o = standard_as_office(national)
    views = SectionViews(facts, o)
    lang, ui, url = facts.lang, facts.ui, facts.url
    sections, chart = views.sections(None, shared, national.earlier_structures)
    return StandardPageView(
        name=TextView.plain(ui["standard_title"]),
        status=views.tx(o.status),
        parent=views.tx(o.parent),
        breadcrumb=(Crumb(href(url, HOME), ui["nav_home"]),),
        data=PageData(file_href(lang, url, DATA_NATIONAL_JSON), href(url, OPEN_DATA)),
        sections=sections,
        chart=chart,
        sources=SourcesView((), tuple(views.source(s, "national") for s in o.national_sources), 1),
    )
