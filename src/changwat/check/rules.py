"""Cross-file rules: each office file names a province of the registry once, under its own name;
ids are unique within a file; every reference (law, source, province, quoted section) resolves."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import Field
from pathlib import Path
from typing import Any

from .. import model
from ..load.files import PROVINCES
from ..model import Office, Pos, Record, data_fields
from ..model.dataset import Dataset
from ..problems import Problem
from .convert import Converted
from .hints import closest, did_you_mean

REF_NAMES = {
    "source_ref": ("แหล่งที่มา", "source", "sources"),
    "law_ref": ("กฎหมาย", "law", "legal_basis.laws"),
    "province_ref": ("จังหวัด", "province", None),
}


# -- walking the model -------------------------------------------------------------------------------


def walk(obj: Any) -> Iterator[tuple[Record, Field[Any], Any]]:
    """Every (record, field, value) in a model tree, depth first, in document order."""
    stack: list[Record] = [obj]
    while stack:
        rec = stack.pop()
        items: list[tuple[Record, Field[Any], Any]] = []
        cls: type = type(rec)  # plain `type`: mypy wrongly takes type[Record] as unhashable (its instances are)
        for fl in data_fields(cls):
            value = getattr(rec, fl.name)
            items.append((rec, fl, value))
        for rec_, fl, value in items:
            yield rec_, fl, value
        children: list[Record] = []
        for _, _, value in items:
            if isinstance(value, Record):
                children.append(value)
            elif isinstance(value, list):
                children.extend(v for v in value if isinstance(v, Record))
        stack.extend(reversed(children))


def _pos(rec: Record, name: str) -> Pos:
    """Where a field of a converted record was written (a converted record always remembers)."""
    pos = rec.pos(name)
    assert pos is not None, f"{type(rec).__name__}.{name} has no source position"
    return pos


Found = list[tuple[str, str, Pos]]


def ids_and_refs(obj: Any) -> tuple[Found, Found, Found]:
    """All ids (namespace, id, pos), references (kind, value, pos) and cited law sections
    (law id, section, pos) in one file's model, in one walk."""
    ids: Found = []
    refs: Found = []
    sections: Found = []
    for rec, fl, value in walk(obj):
        if isinstance(rec, model.LawRef) and fl.name == "section" and value is not None:
            sections.append((rec.law, value, _pos(rec, "section")))
        kind = fl.metadata.get("kind")
        if value is None or kind is None:
            continue
        src = rec.src
        if kind == "id":
            ns = "group" if isinstance(rec, (model.Group, model.SubGroup)) else type(rec).__name__.lower()
            ids.append((ns, value, _pos(rec, fl.name)))
        elif kind in REF_NAMES:
            values = value if isinstance(value, list) else [value]
            for i, v in enumerate(values):
                refs.append((kind, v, src.item(fl.name, i) if src and isinstance(value, list) else _pos(rec, fl.name)))
    return ids, refs, sections


def check_office_file(ds: Dataset, path: Path, shown: str, office: Office, problems: list[Problem]) -> None:
    slug = office.province
    at = _pos(office, "province")
    province = ds.registry.by_slug.get(slug)
    if province is None:
        close = ds.registry.suggest(slug)
        hint_th, hint_en = (
            did_you_mean(close)
            if close
            else ("ดูรายชื่อใน data/registry/provinces.csv", "see data/registry/provinces.csv")
        )
        problems.append(Problem(at, "R02", {"value": slug, "hint_th": hint_th, "hint_en": hint_en}, length=len(slug)))
        return
    if path.parent.name == PROVINCES and path.suffix in (".yaml", ".yml") and path.stem != slug:  # else R06
        problems.append(Problem(Pos(shown, 1, 1), "R01", {"file": path.name, "slug": slug}))
    if path.parent.resolve() != (ds.root / PROVINCES).resolve():
        return  # a file outside the data folder (a test case, a draft) is checked but not published
    if slug in ds.offices:
        problems.append(Problem(at, "R03", {"slug": slug, "other": ds.paths[slug]}, length=len(slug)))
        return
    ds.offices[slug] = office
    ds.paths[slug] = shown


def check_ids_and_refs(ds: Dataset, conv: Converted, problems: list[Problem]) -> None:
    obj = conv.obj
    ids, refs, cited_sections = ids_and_refs(obj)
    seen: dict[tuple[str, str], Pos] = {}
    for ns, value, pos in ids:
        if (ns, value) in seen:
            problems.append(
                Problem(pos, "R04", {"value": value, "first_line": seen[(ns, value)].line}, length=len(value))
            )
        else:
            seen[(ns, value)] = pos
    sources = {s.id for s in obj.sources}
    laws = {law.id: law for law in (obj.legal_basis.laws if obj.legal_basis else [])}
    if ds.national is not None and ds.national is not obj and ds.national.legal_basis:
        for law in ds.national.legal_basis.laws:
            laws.setdefault(law.id, law)
    known = {"source_ref": sources, "law_ref": set(laws), "province_ref": set(ds.registry.by_slug)}
    for kind, value, pos in refs:
        if kind == "province_ref" and value == getattr(obj, "province", None):
            continue  # the office's own province: checked with the file name (R01/R02)
        if value not in known[kind]:
            th, en, where = REF_NAMES[kind]
            close = ds.registry.suggest(value) if kind == "province_ref" else closest(value, known[kind], n=2)
            if close:
                hint_th, hint_en = did_you_mean(close)
            else:
                hint_th = f"เพิ่ม{th}นี้ใน {where}" if where else "ใช้รหัสจาก data/registry/provinces.csv"
                hint_en = f"define this {en} in {where}" if where else "use a slug from data/registry/provinces.csv"
            problems.append(
                Problem(
                    pos,
                    "R05",
                    {"kind_th": th, "kind_en": en, "value": value, "hint_th": hint_th, "hint_en": hint_en},
                    length=len(value),
                )
            )
    # a quoted or cited section must exist in the law, when the law lists its sections
    for law_id, section, pos in cited_sections:
        cited = laws.get(law_id)
        if cited is not None and cited.sections and section not in {s.number for s in cited.sections}:
            numbers = ", ".join(s.number for s in cited.sections)
            problems.append(
                Problem(
                    pos,
                    "R05",
                    {
                        "kind_th": "มาตรา",
                        "kind_en": "section",
                        "value": section,
                        "hint_th": f"มาตราที่มีใน {cited.id}: {numbers}",
                        "hint_en": f"sections of {cited.id}: {numbers}",
                    },
                    length=len(section),
                )
            )


def untranslated(conv: Converted) -> list[Problem]:
    missing = [(text, node) for text, lang, node in conv.texts if lang == "th" and not text.en]
    if not missing:
        return []
    text, _ = missing[0]
    first = text.pos() or Pos(conv.path, 1, 1)
    return [Problem(first, "T01", {"count": len(missing), "first": f"{first.line}:{first.col}"})]
