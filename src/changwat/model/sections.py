"""The sections of an office page, declared once.

Each entry says which field of the data holds the section, the heading id it has on every page,
the template that shows it (``templates/section/<template>.j2``), the key of its heading in
``build/ui.yaml``, and what ``changwat new`` tells editors about it (its name, what to write, and
what the national standard holds now). Resolution (inheritance), rendering, the standard page,
the open data and the new-file template all read this one list, in this order.

Adding a section: a field on ``Office`` and ``National`` (records.py), an entry here, a view
builder (build/views.py) and a template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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


def _history(v: Any) -> tuple[str, str]:
    parts = [(n, th, en) for n, th, en in ((len(v.paragraphs), "ย่อหน้า", "paragraph(s)"),
                                           (len(v.events), "เหตุการณ์", "event(s)")) if n]
    return " ".join(f"{th} {n} รายการ" for n, th, _ in parts), ", ".join(f"{n} {en}" for n, _, en in parts)


def _items(v: Any) -> tuple[str, str]:
    return f"{len(v.items)} ข้อ", f"{len(v.items)} item(s)"


def _organisation(v: Any) -> tuple[str, str]:
    return (f"กลุ่มงาน {len(v.groups)} กลุ่ม" + (" และหน่วยตรวจสอบภายใน" if v.audit else ""),
            f"{len(v.groups)} work group(s)" + (" and the internal audit unit" if v.audit else ""))


SECTIONS: tuple[SectionKind, ...] = (
    SectionKind("history", "history", "history", "history", "ประวัติความเป็นมา", "History",
                "ย่อหน้าเล่าประวัติ (paragraphs) และเหตุการณ์สำคัญพร้อมวันที่ พ.ศ. (events) ของสำนักงานนี้",
                "paragraphs telling the office's history, and key events with Buddhist Era dates", _history),
    SectionKind("legal_basis", "legal-basis", "legal_basis", "legal_basis", "ฐานทางกฎหมาย", "Legal basis",
                "กฎหมายที่สำนักงานตั้งอยู่ (laws) และมาตราที่ยกมา ใส่เลขมาตราในเครื่องหมายคำพูด เช่น \"52/1\"",
                "the laws the office rests on, and the sections quoted; section numbers in quotes, e.g. \"52/1\"",
                lambda v: (f"กฎหมาย {len(v.laws)} ฉบับ", f"{len(v.laws)} law(s)")),
    SectionKind("mandate", "mandate", "item_list", "mandate", "อำนาจหน้าที่", "Mandate",
                "หน้าที่ของสำนักงานทีละข้อ (items) ไม่ต้องใส่เลขข้อ เว็บไซต์ใส่ให้เอง",
                "the office's duties, one item each, without numbers (the site numbers them)", _items),
    SectionKind("objectives", "objectives", "item_list", "objectives", "วัตถุประสงค์", "Objectives",
                "วัตถุประสงค์ของสำนักงานทีละข้อ (items)", "the office's objectives, one item each", _items),
    SectionKind("missions", "missions", "missions", "missions", "พันธกิจ", "Missions",
                "ย่อหน้านำ (paragraphs) แล้วตามด้วยจุดมุ่งหมายทีละข้อ (aims)",
                "introductory paragraphs, then the aims, one item each",
                lambda v: (f"จุดมุ่งหมาย {len(v.aims)} ข้อ", f"{len(v.aims)} aim(s)")),
    SectionKind("organisation", "org-chart", "organisation", "org_chart", "โครงสร้างและกลุ่มงาน",
                "Organisation and work groups",
                "กลุ่มงาน (groups) แต่ละกลุ่มมีรหัส (id) ชื่อ และหน้าที่ (duties) และหน่วยตรวจสอบภายใน (audit)",
                "the work groups, each with an id, a name and its duties, and the internal audit unit", _organisation),
)

BY_NAME: dict[str, SectionKind] = {s.name: s for s in SECTIONS}
NAMES: tuple[str, ...] = tuple(s.name for s in SECTIONS)
