"""The data as JSON: one file as its editor wrote it, and what an office page shows (open data)."""

from __future__ import annotations

from dataclasses import MISSING
from typing import Any

from ...model import (
    National,
    Office,
    Record,
    ResolvedOffice,
    Text,
    data_fields,
)
from ...model.dopa import ATTRIBUTION as DOPA_ATTRIBUTION
from ...model.dopa import DopaAreas, load_dopa
from ...model.sections import BY_NAME
from ..urls import SCHEMA_OFFICE, SCHEMA_OFFICES, absolute, data_office_json, office_page_urls

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


def dopa_areas(dataset: Any) -> DopaAreas | None:
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


def offices_header(base_url: str) -> dict[str, Any]:
    """What offices.json says before its list of offices (the list is its last member)."""
    return {
        "$schema": absolute(base_url, SCHEMA_OFFICES),
        "schema_version": SCHEMA_VERSION,
        "license": LICENSES,
        "generated_from": "data/",
    }


def all_offices_json(dataset: Any, base_url: str) -> dict[str, Any]:
    """All 76 offices as their pages show them, in ISO-code order (pipeline.Dataset)."""
    areas = dopa_areas(dataset)
    return {**offices_header(base_url), "offices": [resolved_json(r, base_url, areas) for r in dataset.resolved()]}
