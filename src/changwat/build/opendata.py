"""Open data and schema.org: the data behind the site, as JSON, CSV and JSON-LD (pure functions).

Nothing here writes files or knows about MkDocs; the site stage decides where the results go
(``data/provinces/<slug>.json``, ``data/offices.json``, ``data/offices.csv`` and a JSON-LD
``<script>`` in each office page's head).

* :func:`office_json`, :func:`national_json` — one data file exactly as its editor wrote it.
* :func:`resolved_json`, :func:`all_offices_json` — what an office page shows, with inheritance
  from the national content applied and each section's origin stated.
* :func:`offices_csv` — one row per office, for spreadsheets.
* :func:`json_ld`, :func:`json_ld_script` — schema.org ``GovernmentOrganization`` for an office page.
* :func:`open_data_schemas` — a JSON Schema for every published JSON file, published beside it.

Licences (:data:`LICENSES`): the data is CC BY 4.0 (``data/LICENSE``), the code MIT (``LICENSE``);
the province and district codes come from the Department of Provincial Administration via
GeoThai/data (CC BY 4.0, credited in every file that carries them). Each JSON file and the CSV's
description say so.

Values are never invented or converted: dates stay Buddhist Era strings as written ("2516-08-28"),
texts stay ``{"th": ..., "en": ...}`` with ``en`` null where there is no translation yet.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import MISSING
from typing import Any

from ..model import (
    AuditUnit,
    Contact,
    Group,
    Head,
    National,
    Office,
    Record,
    ResolvedOffice,
    SubGroup,
    Text,
    data_fields,
)
from ..model.dopa import ATTRIBUTION as DOPA_ATTRIBUTION
from ..model.dopa import DopaAreas, load_dopa
from ..model.sections import BY_NAME
from .urls import absolute, data_office_json, office_page_urls

__all__ = [
    "CSV_COLUMNS",
    "LICENSES",
    "OPEN_DATA_SCHEMAS",
    "SCHEMA_VERSION",
    "all_offices_json",
    "json_ld",
    "json_ld_script",
    "national_json",
    "office_json",
    "offices_csv",
    "open_data_schemas",
    "record_json",
    "resolved_json",
]

SCHEMA_VERSION = 1

# What anyone may do with what is published, stated in every JSON file ("license") and in the CSV's
# description (the open-data page). The law texts quoted in the data are not copyright works (Thai
# Copyright Act B.E. 2537, section 7); the licence covers the compilation, summaries and translations.
LICENSES: dict[str, Any] = {
    "data": {
        "id": "CC-BY-4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "file": "data/LICENSE",
        "attribution": "changwat contributors",
    },
    "code": {"id": "MIT", "url": "https://opensource.org/license/mit", "file": "LICENSE"},
    "province_codes": DOPA_ATTRIBUTION,
}


def _areas(dataset: Any) -> DopaAreas | None:
    """The DOPA province and district lists beside the dataset's registry, if any."""
    root = getattr(dataset, "root", None)
    return load_dopa(root / "registry") if root is not None else None


def province_json(province: Any, areas: DopaAreas | None) -> dict[str, Any]:
    """A province with its identifiers: ISO 3166-2 code, DOPA code and districts (null / [] when the
    data folder has no DOPA lists)."""
    entry = areas.of(province) if areas is not None else None
    return {
        "iso": province.iso,
        "slug": province.slug,
        "th": province.th,
        "en": province.en,
        "region": province.region,
        "dopa_code": entry.code if entry else None,
        "districts": [{"dopa_code": d.code, "th": d.th, "en": d.en} for d in entry.districts] if entry else [],
    }


# ---------------------------------------------------------------------------------------------
# The model as JSON


def _default(fl: Any) -> Any:
    if fl.default is not MISSING:
        return fl.default
    if fl.default_factory is not MISSING:
        return fl.default_factory()
    return MISSING


def record_json(value: Any) -> Any:
    """Any model value as JSON-ready data, keys as in the YAML, positions (``src``) left out.

    Walks the dataclasses' data fields, so new fields in model.py appear without changes here.
    A field is left out when the editor did not write it and it holds its default (None, []);
    what the editor wrote is kept, even an explicit empty list. A Text always has both ``th``
    and ``en`` (null when not translated).
    """
    if isinstance(value, Record):
        written = value.src.keys if value.src is not None else {}
        out: dict[str, Any] = {}
        for fl in data_fields(type(value)):
            v = getattr(value, fl.name)
            always = isinstance(value, Text) and fl.name in ("th", "en")
            default = _default(fl)
            if not always and fl.name not in written and default is not MISSING and v == default:
                continue
            out[fl.name] = record_json(v)
        return out
    if isinstance(value, (list, tuple)):
        return [record_json(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"not a model value: {value!r}")


def office_json(office: Office) -> dict[str, Any]:
    """An office file's data exactly as the editor wrote it (no inheritance, no positions)."""
    if not isinstance(office, Office):
        raise TypeError(f"expected an Office, not {type(office).__name__}")
    data: dict[str, Any] = record_json(office)
    return data


def national_json(national: National) -> dict[str, Any]:
    """The national file's data exactly as written (no positions)."""
    if not isinstance(national, National):
        raise TypeError(f"expected National, not {type(national).__name__}")
    data: dict[str, Any] = record_json(national)
    return data


# ---------------------------------------------------------------------------------------------
# What a page shows


def page_urls(slug: str, base_url: str) -> dict[str, str]:
    """The office page's address in each language."""
    return office_page_urls(base_url, slug)


def data_url(slug: str, base_url: str) -> str:
    return absolute(base_url, data_office_json(slug))


# The top-level keys of an office's JSON (resolved_json), as the open-data page lists them.
JSON_FIELDS = (
    "$schema",
    "schema_version",
    "license",
    "province",
    "name",
    "parent",
    "status",
    "head",
    "contact",
    "sections",
    "sources",
    "national_sources",
    "url",
    "data_url",
)


def section_json(s: Any) -> dict[str, Any]:
    """One section of an office page: its origin, each part's origin ("office", "national", or "both"
    for a list merged by id, then with the origin of each item in order), and the content shown."""
    parts: dict[str, Any] = {}
    for name, part in s.parts.items():
        parts[name] = {"origin": part.origin}
        if BY_NAME[s.name].part(name).keyed:
            parts[name]["items"] = list(part.origins)
    return {"origin": s.origin, "parts": parts, "content": record_json(s.value)}


def resolved_json(r: ResolvedOffice, base_url: str, areas: DopaAreas | None = None) -> dict[str, Any]:
    """What an office page shows, for data users: the office's own content and the national
    content it inherits, each section with its origin ("office" or "national") and the origin of
    each of its parts (section_json); the province with its identifiers and districts when
    ``areas`` (model.dopa) is given."""
    return {
        "$schema": absolute(base_url, SCHEMA_OFFICE),
        "schema_version": SCHEMA_VERSION,
        "license": LICENSES,
        "province": province_json(r.province, areas),
        "name": record_json(r.name),
        "parent": record_json(r.parent),
        "status": record_json(r.status),
        "head": record_json(r.head) if r.head is not None else None,
        "contact": record_json(r.contact) if r.contact is not None else None,
        "sections": {name: section_json(s) for name, s in r.sections.items()},
        "sources": record_json(r.sources),
        "national_sources": record_json(r.national_sources),
        "url": page_urls(r.slug, base_url),
        "data_url": data_url(r.slug, base_url),
    }


def all_offices_json(dataset: Any, base_url: str) -> dict[str, Any]:
    """All 76 offices as their pages show them, in ISO-code order (pipeline.Dataset)."""
    areas = _areas(dataset)
    return {
        "$schema": absolute(base_url, SCHEMA_OFFICES),
        "schema_version": SCHEMA_VERSION,
        "license": LICENSES,
        "generated_from": "data/",
        "offices": [resolved_json(r, base_url, areas) for r in dataset.resolved()],
    }


# ---------------------------------------------------------------------------------------------
# CSV

CSV_COLUMNS: tuple[str, ...] = (
    "iso",
    "dopa_code",
    "slug",
    "name_th",
    "name_en",
    "province_th",
    "province_en",
    "region",
    "has_own_content",
    "head_name_th",
    "head_name_en",
    "head_position_th",
    "head_position_en",
    "phones",
    "emails",
    "website",
    "own_sections",
    "translated_texts",
    "total_texts",
    "url_th",
    "url_en",
    "data_url",
)


def _texts(value: Any) -> list[Text]:
    """Every Text in a model value, depth first."""
    if isinstance(value, Text):
        return [value]
    if isinstance(value, Record):
        return [t for fl in data_fields(type(value)) for t in _texts(getattr(value, fl.name))]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts(v)]
    return []


def shown_texts(r: ResolvedOffice) -> list[Text]:
    """The texts an office page shows: name, status, parent, head, contact, every section (own or
    inherited) and both source lists."""
    return _texts(
        [
            r.name,
            r.status,
            r.parent,
            r.head,
            r.contact,
            [s.value for s in r.sections.values()],
            r.sources,
            r.national_sources,
        ]
    )


def _translated(t: Text) -> bool:
    return bool(t.en and t.en.strip())


# A cell that starts with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP
# "CSV injection"): such a cell gets a leading apostrophe, which the spreadsheet shows as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def csv_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet never runs as a formula (numbers are written as they are)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def offices_csv(dataset: Any, base_url: str) -> str:
    """One row per office (header + 76 rows, ISO order), RFC 4180 quoting and CRLF line ends (so a
    carriage return inside a text is quoted too, never taken for the end of a row).

    The text starts with a byte-order mark (U+FEFF), so that Excel and LibreOffice open the file as
    UTF-8 with the Thai intact on a double click. Any text cell starting with = + - @, a tab or a
    carriage return is prefixed with an apostrophe (:func:`csv_cell`). Licence: CC BY 4.0 (data),
    province codes from DOPA via GeoThai/data (CC BY 4.0); see :data:`LICENSES`.

    Columns (:data:`CSV_COLUMNS`): ``dopa_code`` is the Department of Provincial Administration's
    province code (empty without the DOPA lists); names and head in both languages (empty where not written or
    not translated); ``region`` is the registry key (``central``...); ``has_own_content`` is
    ``true``/``false``; ``phones`` and ``emails`` are joined with "; "; ``own_sections`` lists the
    sections the office wrote itself, joined with ";"; ``translated_texts``/``total_texts`` count
    the texts the page shows (own and inherited) that have an English translation / in all.
    """
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    areas = _areas(dataset)
    for r in dataset.resolved():
        p, head, contact = r.province, r.head, r.contact
        texts = shown_texts(r)
        urls = page_urls(r.slug, base_url)
        row = {
            "iso": p.iso,
            "dopa_code": (entry.code if (entry := areas.of(p) if areas else None) else ""),
            "slug": p.slug,
            "name_th": r.name.th,
            "name_en": r.name.en or "",
            "province_th": p.th,
            "province_en": p.en,
            "region": p.region,
            "has_own_content": "true" if r.has_own_content else "false",
            "head_name_th": head.name.th if head else "",
            "head_name_en": (head.name.en or "") if head else "",
            "head_position_th": head.position.th if head else "",
            "head_position_en": (head.position.en or "") if head else "",
            "phones": "; ".join(contact.phones) if contact else "",
            "emails": "; ".join(contact.emails) if contact else "",
            "website": (contact.website or "") if contact else "",
            "own_sections": ";".join(n for n, s in r.sections.items() if s.origin == "office"),
            "translated_texts": sum(_translated(t) for t in texts),
            "total_texts": len(texts),
            "url_th": urls["th"],
            "url_en": urls["en"],
            "data_url": data_url(r.slug, base_url),
        }
        w.writerow([csv_cell(row[c]) for c in CSV_COLUMNS])
    return buf.getvalue()


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
    if lang == "en" and t.en and t.en.strip():
        return t.en.strip()
    return t.th.strip()


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


# ---------------------------------------------------------------------------------------------
# JSON Schemas of the published JSON files (published beside them)

SCHEMA_OFFICE = "data/office.schema.json"  # each data/provinces/<slug>.json
SCHEMA_OFFICES = "data/offices.schema.json"  # data/offices.json
SCHEMA_NATIONAL = "data/national.schema.json"  # data/national.json
OPEN_DATA_SCHEMAS = (SCHEMA_OFFICE, SCHEMA_OFFICES, SCHEMA_NATIONAL)
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _published_defs() -> dict[str, Any]:
    """The records' schemas as the data files have them, with one difference: a published text
    always has both ``th`` and ``en`` (``en`` null where not yet translated)."""
    from ..check.jsonschema import _define

    defs: dict[str, Any] = {}
    for cls in (Office, National):
        _define(cls, defs)
    text = defs["Text"]
    text["properties"]["en"] = {**text["properties"]["en"], "type": ["string", "null"]}
    text["required"] = ["th", "en"]
    return defs


def _nullable(ref: str) -> dict[str, Any]:
    return {"anyOf": [{"$ref": f"#/$defs/{ref}"}, {"type": "null"}]}


def _office_schema(defs: dict[str, Any]) -> dict[str, Any]:
    from ..check.convert import _hints, _is_optional
    from ..model.kinds import KINDS
    from ..model.registry import REGION_KEYS
    from ..model.sections import NAMES

    hints = _hints(Office)
    sections = {}
    for name in NAMES:
        _, tp = _is_optional(hints[name])
        parts = {
            p.name: {
                "type": "object",
                "additionalProperties": False,
                "required": ["origin", *(["items"] if p.keyed else [])],
                "properties": {
                    "origin": {"enum": ["office", "national", "both"]},
                    **(
                        {
                            "items": {
                                "type": "array",
                                "items": {"enum": ["office", "national"]},
                                "description": "the origin of each item shown, in order",
                            }
                        }
                        if p.keyed
                        else {}
                    ),
                },
            }
            for p in BY_NAME[name].parts
        }
        sections[name] = {
            "type": "object",
            "additionalProperties": False,
            "required": ["origin", "parts", "content"],
            "properties": {
                "origin": {"enum": ["office", "national"]},
                "parts": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": list(parts),
                    "properties": parts,
                    "description": "whose content each part of the section shows (model/resolve.py)",
                },
                "content": {"$ref": f"#/$defs/{tp.__name__}"},
            },
        }
    text = {"type": "string", "minLength": 1}
    lang_urls = {
        "type": "object",
        "additionalProperties": False,
        "required": ["th", "en"],
        "properties": {"th": {"type": "string"}, "en": {"type": "string"}},
    }
    province = {
        "type": "object",
        "additionalProperties": False,
        "required": ["iso", "slug", "th", "en", "region", "dopa_code", "districts"],
        "properties": {
            "iso": {"type": "string", "pattern": r"^TH-[0-9]{2}$", "description": "ISO 3166-2:TH code"},
            "slug": {"type": "string", "pattern": KINDS["slug"].pattern},
            "th": text,
            "en": text,
            "region": {"enum": list(REGION_KEYS)},
            "dopa_code": {
                "type": ["string", "null"],
                "pattern": r"^[0-9]{2}$",
                "description": "Department of Provincial Administration province code",
            },
            "districts": {
                "type": "array",
                "description": "Districts (อำเภอ) with their DOPA codes",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["dopa_code", "th", "en"],
                    "properties": {"dopa_code": {"type": "string", "pattern": r"^[0-9]{4}$"}, "th": text, "en": text},
                },
            },
        },
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(JSON_FIELDS),
        "description": "One provincial office as its page shows it: its own content and the national content it "
        "inherits (each section's origin), with the province's identifiers. Licence: CC BY 4.0.",
        "properties": {
            "$schema": {"type": "string"},
            "schema_version": {"const": SCHEMA_VERSION},
            "license": {"type": "object", "required": ["data", "code"]},
            "province": province,
            "name": {"$ref": "#/$defs/Text"},
            "parent": {"$ref": "#/$defs/Text"},
            "status": {"$ref": "#/$defs/Text"},
            "head": _nullable("Head"),
            "contact": _nullable("Contact"),
            "sections": {"type": "object", "additionalProperties": False, "properties": sections},
            "sources": {"type": "array", "items": {"$ref": "#/$defs/Source"}},
            "national_sources": {"type": "array", "items": {"$ref": "#/$defs/Source"}},
            "url": lang_urls,
            "data_url": {"type": "string"},
        },
    }


def open_data_schemas(base_url: str) -> dict[str, dict[str, Any]]:
    """{site path: JSON Schema (draft 2020-12)} for every published JSON file."""
    defs = _published_defs()
    office = _office_schema(defs)
    national = {k: v for k, v in defs["National"].items()}
    head = {"$schema": DRAFT}
    return {
        SCHEMA_OFFICE: {
            **head,
            "$id": absolute(base_url, SCHEMA_OFFICE),
            "title": "changwat open data: one provincial office (data/provinces/<slug>.json)",
            **office,
            "$defs": dict(sorted(defs.items())),
        },
        SCHEMA_OFFICES: {
            **head,
            "$id": absolute(base_url, SCHEMA_OFFICES),
            "title": "changwat open data: all provincial offices (data/offices.json)",
            "type": "object",
            "additionalProperties": False,
            "required": ["$schema", "schema_version", "license", "generated_from", "offices"],
            "properties": {
                "$schema": {"type": "string"},
                "schema_version": {"const": SCHEMA_VERSION},
                "license": {"type": "object", "required": ["data", "code"]},
                "generated_from": {"type": "string"},
                "offices": {"type": "array", "items": {"$ref": "#/$defs/PublishedOffice"}},
            },
            "$defs": {**dict(sorted(defs.items())), "PublishedOffice": office},
        },
        SCHEMA_NATIONAL: {
            **head,
            "$id": absolute(base_url, SCHEMA_NATIONAL),
            "title": "changwat open data: the national content (data/national.json)",
            **national,
            "$defs": dict(sorted(defs.items())),
        },
    }
