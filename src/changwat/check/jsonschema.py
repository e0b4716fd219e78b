"""JSON Schema (draft 2020-12) for the data files, generated from the dataclasses in model.py.

Editors get completion, descriptions (Thai and English) and inline errors in VS Code through the
`# yaml-language-server: $schema=...` line at the top of every data file. `changwat schema`
rewrites schema/*.schema.json; a test fails when the committed files are out of date.
"""

from __future__ import annotations

import json
import typing
from dataclasses import MISSING, is_dataclass
from pathlib import Path
from typing import Any, Literal

from .. import model
from ..model import data_fields
from ..model.kinds import KINDS
from .convert import _hints, _is_optional

BASE = "https://changwat.github.io/changwat/schema/"


def _description(meta: Any) -> str | None:
    th, en = meta.get("th"), meta.get("en")
    return f"{th} / {en}" if th and en else None


def _type_schema(tp: Any, meta: Any, defs: dict[str, Any]) -> dict[str, Any]:
    _, tp = _is_optional(tp)
    origin = typing.get_origin(tp)
    if origin is list:
        out: dict[str, Any] = {"type": "array", "items": _type_schema(typing.get_args(tp)[0], meta, defs)}
        if meta.get("min_items"):
            out["minItems"] = meta["min_items"]
        return out
    if isinstance(tp, type) and is_dataclass(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if origin is Literal:
        return {"type": "string", "enum": list(typing.get_args(tp))}
    if tp is int:
        out = {"type": "integer"}
        if "minimum" in meta:
            out["minimum"] = meta["minimum"]
        if "maximum" in meta:
            out["maximum"] = meta["maximum"]
        return out
    out = {"type": "string"}
    kind = meta.get("kind")
    if kind:
        out["pattern"] = KINDS[kind].pattern
    return out


def _record_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = _hints(cls)
    props: dict[str, Any] = {}
    required = []
    for fl in data_fields(cls):
        sch = _type_schema(hints[fl.name], fl.metadata, defs)
        desc = _description(fl.metadata)
        if "$ref" in sch:
            sch = {"allOf": [sch]}
        if desc:
            sch["description"] = desc
        if "example" in fl.metadata:
            sch["examples"] = [fl.metadata["example"]]
        props[fl.name] = sch
        if fl.default is MISSING and fl.default_factory is MISSING:
            required.append(fl.name)
    out: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    if required:
        out["required"] = required
    if cls is model.Text:
        out["properties"]["th"]["minLength"] = 1
    return out


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    defs[cls.__name__] = _record_schema(cls, defs)


def schema_for(cls: type, name: str) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _record_schema(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE + name,
        "title": {"Office": "changwat provincial office file", "National": "changwat national content file"}[
            cls.__name__
        ],
        **root,
        "$defs": dict(sorted(defs.items())),
    }


SCHEMAS = {"office.schema.json": model.Office, "national.schema.json": model.National}


def render(name: str) -> str:
    return json.dumps(schema_for(SCHEMAS[name], name), ensure_ascii=False, indent=2) + "\n"


def write_schemas(directory: Path, check: bool = False) -> list[Path]:
    """Write the schema files; return those that changed (or, with check, would change)."""
    changed = []
    for name in SCHEMAS:
        path = directory / name
        text = render(name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(path)
            if not check:
                directory.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return changed


# -- the README's field reference, generated from the same metadata ------------------------------


def _type_label(tp: Any, meta: Any) -> str:
    _, tp = _is_optional(tp)
    origin = typing.get_origin(tp)
    if origin is list:
        return f"list of {_type_label(typing.get_args(tp)[0], meta)}"
    if isinstance(tp, type) and is_dataclass(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    if origin is Literal:
        return " \\| ".join(f"`{v}`" for v in typing.get_args(tp))
    if tp is int:
        return "number"
    kind = meta.get("kind")
    return f"text ({kind.replace('_', ' ')})" if kind else "text"


def field_reference() -> str:
    """Markdown tables: one per record type, in the order an editor meets them."""
    order: list[type] = []

    def visit(cls: type) -> None:
        if cls in order:
            return
        order.append(cls)
        for fl in data_fields(cls):
            _, tp = _is_optional(_hints(cls)[fl.name])
            if typing.get_origin(tp) is list:
                tp = typing.get_args(tp)[0]
            if isinstance(tp, type) and is_dataclass(tp):
                visit(tp)

    visit(model.Office)
    visit(model.National)
    out = []
    for cls in order:
        doc = " ".join((cls.__doc__ or "").split())
        out += [
            f"#### {cls.__name__}",
            "",
            doc,
            "",
            "| key | type | required | ภาษาไทย | English |",
            "|---|---|---|---|---|",
        ]
        for fl in data_fields(cls):
            req = "yes" if fl.default is MISSING and fl.default_factory is MISSING else ""
            if fl.metadata.get("min_items"):
                req = f"yes (≥ {fl.metadata['min_items']})" if req else f"≥ {fl.metadata['min_items']} if given"
            label = _type_label(_hints(cls)[fl.name], fl.metadata)
            th = fl.metadata.get("th", "").replace("|", "\\|")
            en = fl.metadata.get("en", "").replace("|", "\\|")
            out.append(f"| `{fl.name}` | {label} | {req} | {th} | {en} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


REFERENCE = "README.md"
REFERENCE_HEAD = """# The data format: field reference

<!-- generated from src/changwat/model/records.py by `changwat schema` (make regen); do not edit -->

Every data file is YAML: `data/national.yaml` (what every provincial office shares) and one file per
office, `data/provinces/<slug>.yaml`. Dates are Buddhist Era strings (`"2516-08-28"`, `"2516-08"`,
`"2517"`); ids are lower-case ASCII with dashes; every human-readable text is `{th: ..., en: ...}`.
The JSON Schemas beside this file (`office.schema.json`, `national.schema.json`) say the same for
editors' tools: the first line of a data file points VS Code and github.dev at them.

"""


def reference() -> str:
    """The generated field reference (schema/README.md)."""
    return REFERENCE_HEAD + field_reference()


def write_reference(directory: Path, check: bool = False) -> list[Path]:
    """Write schema/README.md; return it if it changed (or, with check, would change)."""
    path = directory / REFERENCE
    text = reference()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return []
    if not check:
        directory.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [path]
