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

from . import model
from .model import PATTERNS, data_fields
from .validate import _hints, _is_optional

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
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
        out["pattern"] = PATTERNS[kind]
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
        "title": {"Office": "changwat provincial office file", "National": "changwat national content file"}[cls.__name__],
        **root,
        "$defs": dict(sorted(defs.items())),
    }


SCHEMAS = {"office.schema.json": model.Office, "national.schema.json": model.National}


def render(name: str) -> str:
    return json.dumps(schema_for(SCHEMAS[name], name), ensure_ascii=False, indent=2) + "\n"


def write_schemas(check: bool = False, directory: Path = SCHEMA_DIR) -> list[Path]:
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

README = Path(__file__).resolve().parents[2] / "README.md"
START, END = "<!-- field-reference:start -->", "<!-- field-reference:end -->"


def _type_label(tp: Any, meta: Any) -> str:
    optional, tp = _is_optional(tp)
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
        out += [f"#### {cls.__name__}", "", doc, "", "| key | type | required | ภาษาไทย | English |", "|---|---|---|---|---|"]
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


def update_readme(check: bool = False, path: Path = README) -> bool:
    """Replace the text between the field-reference markers; return True if it changed."""
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        return False
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{START}\n{field_reference()}{END}{tail}"
    if new != text and not check:
        path.write_text(new, encoding="utf-8")
    return new != text
