"""schema.org JSON-LD of an office page."""

from __future__ import annotations

import json
from typing import Any

from ...model import (
    AuditUnit,
    Contact,
    Group,
    Head,
    ResolvedOffice,
    SubGroup,
    Text,
)
from ...model.dopa import DopaAreas
from .records import page_urls

# ---------------------------------------------------------------------------------------------
# schema.org JSON-LD
#
# Checked against schema.org's vocabulary (https://schema.org, data/schema.ttl of
# github.com/schemaorg/schemaorg): GovernmentOrganization < Organization; employee (Organization →
# Person) with an EmployeeRole in between, the Role pattern of https://schema.org/Role (the role
# carries roleName and repeats the property: {"employee": {"@type": "EmployeeRole", "roleName": ...,
# "employee": {"@type": "Person", ...}}}); areaServed → AdministrativeArea; address → Text (the data
# has one free-text address, which is not split into PostalAddress parts); telephone, faxNumber,
# email → Text. inLanguage is not a property of Organization (its domain is CreativeWork and a few
# others), so the page's language is stated on the WebPage given as mainEntityOfPage.

SCHEMA = "https://schema.org"


def _pick(t: Text, lang: str) -> str:
    """The text in the page's language; Thai where the English is missing."""
    return t.shown(lang)[0].strip()


def _other(t: Text, lang: str) -> str | None:
    """The text in the other language, when there is one and it differs from the shown one."""
    shown = _pick(t, lang)
    other = (t.th.strip() if lang == "en" else (t.en or "").strip()) or None
    return other if other and other != shown else None


def _named(kind: str, t: Text, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": kind, "name": _pick(t, lang)}
    if (alt := _other(t, lang)) is not None:
        out["alternateName"] = alt
    return out


def _description(paragraphs: list[Text], lang: str) -> str | None:
    text = "\n\n".join(_pick(t, lang) for t in paragraphs if t.th.strip())
    return text or None


def _unit(unit: Group | SubGroup | AuditUnit, lang: str) -> dict[str, Any]:
    out = _named("GovernmentOrganization", unit.name, lang)
    if (desc := _description(unit.description, lang)) is not None:
        out["description"] = desc
    subs = getattr(unit, "subgroups", None)
    if subs:
        out["subOrganization"] = [_unit(s, lang) for s in subs]
    return out


def _head(head: Head, lang: str) -> dict[str, Any]:
    return {
        "@type": "EmployeeRole",
        "roleName": _pick(head.position, lang),
        "employee": _named("Person", head.name, lang),
    }


def _contact(contact: Contact, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if contact.address is not None and contact.address.th.strip():
        out["address"] = _pick(contact.address, lang)
    if contact.phones:
        out["telephone"] = contact.phones[0] if len(contact.phones) == 1 else list(contact.phones)
    if contact.fax:
        out["faxNumber"] = contact.fax[0] if len(contact.fax) == 1 else list(contact.fax)
    if contact.emails:
        out["email"] = contact.emails[0] if len(contact.emails) == 1 else list(contact.emails)
    if contact.website and contact.website.startswith(("https://", "http://")):
        out["sameAs"] = contact.website
    return out


def _identifier(property_id: str, value: str) -> dict[str, Any]:
    return {"@type": "PropertyValue", "propertyID": property_id, "value": value}


def json_ld(
    r: ResolvedOffice, lang: str, base_url: str, areas: DopaAreas | None = None, modified: str | None = None
) -> dict[str, Any]:
    """schema.org JSON-LD for an office page in ``lang`` ("th" or "en"): only facts in the data.

    The province served carries its identifiers (``identifier``: ISO 3166-2 and, with ``areas``,
    the DOPA code) and its districts (``containsPlace``, each with its DOPA code). ``modified``
    (ISO 8601, from the repository's history: build/history.py) is the page's ``dateModified``."""
    if lang not in ("th", "en"):
        raise ValueError(f"lang must be 'th' or 'en', not {lang!r}")
    url = page_urls(r.slug, base_url)[lang]
    p = r.province
    out: dict[str, Any] = {"@context": SCHEMA, "@type": "GovernmentOrganization", "@id": url + "#organization"}
    out.update({k: v for k, v in _named("GovernmentOrganization", r.name, lang).items() if k != "@type"})
    out["url"] = url
    out["mainEntityOfPage"] = {"@type": "WebPage", "@id": url, "url": url, "inLanguage": lang}
    if modified is not None:
        out["mainEntityOfPage"]["dateModified"] = modified
    out["areaServed"] = {
        "@type": "AdministrativeArea",
        "name": p.th if lang == "th" else p.en,
        "alternateName": p.en if lang == "th" else p.th,
        "identifier": [_identifier("ISO 3166-2", p.iso)],
    }
    entry = areas.of(p) if areas is not None else None
    if entry is not None:
        out["areaServed"]["identifier"].append(_identifier("DOPA province code", entry.code))
        out["areaServed"]["containsPlace"] = [
            {
                "@type": "AdministrativeArea",
                "name": d.th if lang == "th" else d.en,
                "alternateName": d.en if lang == "th" else d.th,
                "identifier": _identifier("DOPA district code", d.code),
            }
            for d in entry.districts
        ]
    # The parent body as the data names it. The data has no structured grandparent (the Ministry
    # of Interior appears only inside prose), so none is given.
    out["parentOrganization"] = _named("GovernmentOrganization", r.parent, lang)
    org = r.sections.get("organisation")
    if org is not None:
        units = [_unit(g, lang) for g in org.value.groups]
        if org.value.audit is not None:
            units.append(_unit(org.value.audit, lang))
        if units:
            out["subOrganization"] = units
    if r.head is not None:
        out["employee"] = _head(r.head, lang)
    if r.contact is not None:
        out.update(_contact(r.contact, lang))
    return out


_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_ld_script(data: dict[str, Any]) -> str:
    """The ``<script type="application/ld+json">`` element for ``data``.

    ``<``, ``>`` and ``&`` (and U+2028/U+2029) are written as JSON ``\\uXXXX`` escapes, which
    mean the same characters to a JSON parser but can never end the script element
    (``</script>``) or open a comment (``<!--``) in the HTML around it. Those characters occur
    only inside JSON strings, so the replacement cannot change the data.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.translate(_SCRIPT_ESCAPES)
    return f'<script type="application/ld+json">{text}</script>'
