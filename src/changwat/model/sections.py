"""The sections of an office page, declared once.

Each entry says which field of the data holds the section, the heading id it has on every page,
the template that shows it (``templates/section/<template>.j2``), the key of its heading in
``build/ui.yaml``, and what ``changwat new`` tells editors about it (its name, what to write, and
what the national standard holds now). Resolution (inheritance), rendering, the standard page,
the open data and the new-file template all read this one list, in this order.

Each section is made of parts (:class:`PartKind`), the unit of inheritance (model/resolve.py):
a part the office does not write is the national one; a part with ids (history events, laws,
work groups) is merged with the national list by id; any other part the office writes replaces
the national part. ``replace: [<part>, ...]`` in a section of an office file says a part is
complete (nothing national is shown in it).

Adding a section: a field on ``Office`` and ``National`` (records.py), an entry here, a view
builder (build/views.py) and a template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PartKind:
    """A part of a section: the fields it is made of (the first one holds its items), whether its
    items are merged with the national ones by id, and what one item is called, for editors."""

    name: str  # the name used in ``replace:`` and in messages (``history.events``)
    fields: tuple[str, ...]  # the record fields that belong to this part; fields[0] holds the items
    keyed: bool  # items have ids: merged with the national list by id
    th: str  # one item, in Thai (counted as "<n> <th>")
    en: str  # one item / several items, in English
    en_plural: str

    def items(self, value: Any) -> list[Any]:
        """The items of this part in a section value (a single value counts as one item)."""
        if value is None:
            return []
        v = getattr(value, self.fields[0])
        if v is None:
            return []
        return list(v) if isinstance(v, list) else [v]

    def written(self, value: Any) -> bool:
        """Whether a section value has anything in this part."""
        return value is not None and any(getattr(value, f) not in (None, []) for f in self.fields)

    def count_th(self, n: int) -> str:
        return f"{self.th} {n} รายการ"

    def count_en(self, n: int) -> str:
        return f"{n} {self.en if n == 1 else self.en_plural}"


def _p(name: str, fields: tuple[str, ...], th: str, en: str, en_plural: str, keyed: bool = False) -> PartKind:
    return PartKind(name, fields, keyed, th, en, en_plural)


@dataclass(frozen=True)
class SectionKind:
    name: str  # the field of Office / National
    anchor: str  # heading id on the page
    template: str  # templates/section/<template>.j2
    ui_key: str  # its heading in build/ui.yaml
    th: str  # its name for editors
    en: str
    what_th: str  # what an editor writes in it
    what_en: str
    summary: Callable[[Any], tuple[str, str]]  # what a value of it holds, in a few words (th, en)
    parts: tuple[PartKind, ...] = ()  # the units of inheritance, in display order

    def part(self, name: str) -> PartKind:
        return next(p for p in self.parts if p.name == name)


def _history(v: Any) -> tuple[str, str]:
    parts = [
        (n, th, en)
        for n, th, en in ((len(v.paragraphs), "ย่อหน้า", "paragraph(s)"), (len(v.events), "เหตุการณ์", "event(s)"))
        if n
    ]
    return " ".join(f"{th} {n} รายการ" for n, th, _ in parts), ", ".join(f"{n} {en}" for n, _, en in parts)


def _items(v: Any) -> tuple[str, str]:
    return f"{len(v.items)} ข้อ", f"{len(v.items)} item(s)"


def _organisation(v: Any) -> tuple[str, str]:
    return (
        f"กลุ่มงาน {len(v.groups)} กลุ่ม" + (" และหน่วยตรวจสอบภายใน" if v.audit else ""),
        f"{len(v.groups)} work group(s)" + (" and the internal audit unit" if v.audit else ""),
    )


SECTIONS: tuple[SectionKind, ...] = (
    SectionKind(
        "history",
        "history",
        "history",
        "history",
        "ประวัติความเป็นมา",
        "History",
        "ย่อหน้าเล่าประวัติ (paragraphs) และเหตุการณ์สำคัญพร้อมวันที่ พ.ศ. (events) ของสำนักงานนี้",
        "paragraphs telling the office's history, and key events with Buddhist Era dates",
        _history,
        (
            _p("paragraphs", ("paragraphs",), "ย่อหน้า", "paragraph", "paragraphs"),
            _p("events", ("events",), "เหตุการณ์", "event", "events", keyed=True),
        ),
    ),
    SectionKind(
        "legal_basis",
        "legal-basis",
        "legal_basis",
        "legal_basis",
        "ฐานทางกฎหมาย",
        "Legal basis",
        'กฎหมายที่สำนักงานตั้งอยู่ (laws) และมาตราที่ยกมา ใส่เลขมาตราในเครื่องหมายคำพูด เช่น "52/1"',
        'the laws the office rests on, and the sections quoted; section numbers in quotes, e.g. "52/1"',
        lambda v: (f"กฎหมาย {len(v.laws)} ฉบับ", f"{len(v.laws)} law(s)"),
        (
            _p("intro", ("intro",), "ย่อหน้านำ", "introductory paragraph", "introductory paragraphs"),
            _p("laws", ("laws",), "กฎหมาย", "law", "laws", keyed=True),
        ),
    ),
    SectionKind(
        "mandate",
        "mandate",
        "item_list",
        "mandate",
        "อำนาจหน้าที่",
        "Mandate",
        "หน้าที่ของสำนักงานทีละข้อ (items) ไม่ต้องใส่เลขข้อ เว็บไซต์ใส่ให้เอง",
        "the office's duties, one item each, without numbers (the site numbers them)",
        _items,
        (_p("items", ("items", "intro", "basis"), "ข้อ", "item", "items"),),
    ),
    SectionKind(
        "objectives",
        "objectives",
        "item_list",
        "objectives",
        "วัตถุประสงค์",
        "Objectives",
        "วัตถุประสงค์ของสำนักงานทีละข้อ (items)",
        "the office's objectives, one item each",
        _items,
        (_p("items", ("items", "intro", "basis"), "ข้อ", "item", "items"),),
    ),
    SectionKind(
        "missions",
        "missions",
        "missions",
        "missions",
        "พันธกิจ",
        "Missions",
        "ย่อหน้านำ (paragraphs) แล้วตามด้วยจุดมุ่งหมายทีละข้อ (aims)",
        "introductory paragraphs, then the aims, one item each",
        lambda v: (f"จุดมุ่งหมาย {len(v.aims)} ข้อ", f"{len(v.aims)} aim(s)"),
        (_p("aims", ("aims", "paragraphs"), "จุดมุ่งหมาย", "aim", "aims"),),
    ),
    SectionKind(
        "organisation",
        "org-chart",
        "organisation",
        "org_chart",
        "โครงสร้างและกลุ่มงาน",
        "Organisation and work groups",
        "กลุ่มงาน (groups) แต่ละกลุ่มมีรหัส (id) ชื่อ และหน้าที่ (duties) และหน่วยตรวจสอบภายใน (audit)",
        "the work groups, each with an id, a name and its duties, and the internal audit unit",
        _organisation,
        (
            _p("intro", ("intro",), "ข้อความนำ", "introductory text", "introductory texts"),
            _p("groups", ("groups",), "กลุ่มงาน", "work group", "work groups", keyed=True),
            _p("audit", ("audit",), "หน่วยตรวจสอบภายใน", "internal audit unit", "internal audit units"),
        ),
    ),
)

BY_NAME: dict[str, SectionKind] = {s.name: s for s in SECTIONS}
NAMES: tuple[str, ...] = tuple(s.name for s in SECTIONS)
