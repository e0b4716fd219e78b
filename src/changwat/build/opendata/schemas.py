"""JSON Schemas of the published JSON files, published beside them."""

from __future__ import annotations

from typing import Any

from ...model import (
    National,
    Office,
)
from ...model.sections import BY_NAME
from ..urls import SCHEMA_NATIONAL, SCHEMA_OFFICE, SCHEMA_OFFICES, absolute
from .records import JSON_FIELDS, SCHEMA_VERSION

# ---------------------------------------------------------------------------------------------
# JSON Schemas of the published JSON files (published beside them)

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _published_defs() -> dict[str, Any]:
    """The records' schemas as the data files have them, with one difference: a published text
    always has both ``th`` and ``en`` (``en`` null where not yet translated)."""
    from ...check.jsonschema import _define

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
    from ...check.convert import _hints, _is_optional
    from ...model.kinds import KINDS
    from ...model.registry import REGION_KEYS
    from ...model.sections import NAMES

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
