"""What each office file replaces of the national content (model/resolve.py decides it).

For every part of a section an office file writes (or lists under ``replace``), a note says what
the page shows instead of the national part, with counts::

    data/provinces/x.yaml:14:3: note: history.events: ... [I01]
      history.events: the office's 1 event is shown with the 9 national events

A section that no longer shows anything of the national content, although the national section
has some and the file did not say so with ``replace``, is a warning (I02, always shown): that is
the silent loss this check exists for. Listing the parts under ``replace`` confirms it; the note
then still says what is gone. ``replace`` in data/national.yaml means nothing (I03, an error).
"""

from __future__ import annotations

from typing import Any

from ..model import National, Office, Pos
from ..model.dataset import Dataset
from ..model.resolve import Part, Section, resolve_section
from ..model.sections import BY_NAME, NAMES, PartKind
from ..problems import Code, Problem, register

CODES = (
    Code("I01", "note", "{where}: {what_th}", "{where}: {what_en}", "{fix_th}", "{fix_en}"),
    Code(
        "I02",
        "warning",
        "{where}: ไม่แสดงเนื้อหามาตรฐานระดับประเทศของหัวข้อนี้อีกเลย ({what_th})",
        "{where}: nothing of the national section is shown any more ({what_en})",
        "ถ้าตั้งใจ ให้เขียนใต้ {section}:\n        replace:\n{block}\n      ถ้าต้องการเนื้อหามาตรฐาน ให้ลบส่วนที่เขียนไว้",
        "if that is intended, write under {section}:\n        replace:\n{block}\n      to keep the national "
        "content, delete what you wrote",
    ),
    Code(
        "I03",
        "error",
        "replace ใช้ได้เฉพาะในไฟล์ของสำนักงานจังหวัด ไม่ใช่ในไฟล์ระดับประเทศ",
        "replace is for office files only, not for the national file",
        "ลบบรรทัด replace ออก",
        "delete the replace line",
    ),
)
register(CODES)


def _describe(kind: PartKind, part: Part) -> tuple[str, str, str, str]:
    """(what_th, what_en, fix_th, fix_en) of one part an office writes."""
    n_own, n_nat, total = part.own, part.national, part.national_total
    own_th, own_en = kind.count_th(n_own), kind.count_en(n_own)
    over = len(part.overridden)
    if part.origin == "both" or (kind.keyed and not part.replace):
        th = f"แสดง{own_th}ของสำนักงาน"
        en = f"the office's {own_en} {'is' if n_own == 1 else 'are'} shown"
        if over:
            th += f" ({over} รายการแทนรายการระดับประเทศที่มีรหัสเดียวกัน: {', '.join(part.overridden)})"
            en += (
                f" ({over} in place of the national {kind.en if over == 1 else kind.en_plural} with the same id: "
                f"{', '.join(part.overridden)})"
            )
        if n_nat:
            th += f" พร้อม{kind.count_th(n_nat)}จากเนื้อหามาตรฐานระดับประเทศ"
            en += f", with {kind.count_en(n_nat).replace(' ', ' national ', 1)}"
            fix_th = f"ถ้าต้องการแสดงเฉพาะของสำนักงาน ให้เพิ่ม replace: ที่มีรายการ - {kind.name}"
            fix_en = f"to show only the office's own, add replace: with the entry - {kind.name}"
        else:
            th += " ไม่มีรายการระดับประเทศที่ถูกซ่อน"
            en += "; no national item is left out"
            fix_th = fix_en = ""
        return th, en, fix_th, fix_en
    if part.hidden == total:
        hidden_th = f"{kind.count_th(part.hidden)}จากเนื้อหามาตรฐานระดับประเทศไม่แสดงอีกต่อไป"
        hidden_en = (
            f"the {kind.count_en(part.hidden).replace(' ', ' national ', 1)} "
            f"{'is' if part.hidden == 1 else 'are'} no longer shown"
        )
    else:
        hidden_th = f"{kind.th} {part.hidden} จาก {total} รายการของเนื้อหามาตรฐานระดับประเทศไม่แสดงอีกต่อไป"
        hidden_en = (
            f"{part.hidden} of the {kind.count_en(total).replace(' ', ' national ', 1)} "
            f"{'is' if part.hidden == 1 else 'are'} no longer shown"
        )
    shown_th = f"แสดง{own_th}ของสำนักงานแทน" if n_own else "ไม่แสดงส่วนนี้"
    shown_en = (
        f"the office's {own_en} {'is' if n_own == 1 else 'are'} shown instead" if n_own else "this part is not shown"
    )
    if over:
        shown_th += f" ({over} รายการแทนรายการที่มีรหัสเดียวกัน: {', '.join(part.overridden)})"
        shown_en += f" ({over} in place of the national ones with the same id: {', '.join(part.overridden)})"
    if part.hidden:
        return (
            f"{hidden_th} {shown_th}",
            f"{hidden_en}; {shown_en}",
            "ถ้าต้องการแสดงเนื้อหามาตรฐาน ให้ลบส่วนนี้ที่เขียนไว้" + (" และ replace" if part.replace else ""),
            "to show the national content, delete this part" + (" and its replace entry" if part.replace else ""),
        )
    if total == 0:
        return (
            f"แสดง{own_th}ของสำนักงาน เนื้อหามาตรฐานระดับประเทศไม่มีส่วนนี้ จึงไม่มีสิ่งใดถูกแทนที่",
            f"the office's {own_en} {'is' if n_own == 1 else 'are'} shown; the national content has none, "
            "nothing is replaced",
            "",
            "",
        )
    return f"{shown_th} ไม่มีรายการระดับประเทศที่ถูกซ่อน", f"{shown_en}; no national item is left out", "", ""


def _key_pos(own: Any, names: tuple[str, ...], fallback: Pos) -> tuple[Pos, int]:
    """The position of the first of ``names`` written in a record, and the length of that key."""
    src = getattr(own, "src", None)
    for name in names:
        if src is not None and name in src.keys:
            return src.keys[name], len(name)
    return fallback, 1


def section_problems(office: Office, name: str, section: Section, path: str) -> list[Problem]:
    """The notes (and the warning) for one section an office file writes."""
    own = getattr(office, name)
    kind = BY_NAME[name]
    at, length = _key_pos(office, (name,), Pos(path, 1, 1))
    out: list[Problem] = []
    silent = [kind.part(p) for p, part in section.parts.items() if part.hidden and not part.replace]
    wholesale = bool(silent) and not any(part.national for part in section.parts.values())
    if wholesale:
        th = " ".join(f"{p.count_th(section.parts[p.name].hidden)}" for p in silent)
        en = ", ".join(f"{p.count_en(section.parts[p.name].hidden).replace(' ', ' national ', 1)}" for p in silent)
        out.append(
            Problem(
                at,
                "I02",
                {
                    "where": name,
                    "section": name,
                    "block": "\n".join(f"          - {p.name}" for p in silent),
                    "what_th": f"{th}ของเนื้อหามาตรฐานไม่แสดง",
                    "what_en": f"{en} no longer shown",
                },
                length=length,
            )
        )
    for p in kind.parts:
        part = section.parts[p.name]
        if not (part.written or part.replace) or (wholesale and p in silent):
            continue
        what_th, what_en, fix_th, fix_en = _describe(p, part)
        pos, plen = _key_pos(own, (*p.fields, "replace"), own.pos() or at)
        out.append(
            Problem(
                pos,
                "I01",
                {
                    "where": f"{name}.{p.name}",
                    "what_th": what_th,
                    "what_en": what_en,
                    "fix_th": fix_th,
                    "fix_en": fix_en,
                },
                length=plen,
            )
        )
    return out


def inheritance_problems(ds: Dataset) -> list[Problem]:
    """For every office file: what each part it writes replaces of the national content."""
    out: list[Problem] = []
    for path, conv in ds.files.items():
        obj = conv.obj
        if isinstance(obj, National):
            for name in NAMES:
                sec = getattr(obj, name, None)
                if sec is not None and sec.replace and sec.src is not None:
                    out.append(
                        Problem(
                            sec.src.keys.get("replace", sec.pos() or Pos(path, 1, 1)), "I03", {}, length=len("replace")
                        )
                    )
        elif isinstance(obj, Office) and ds.national is not None:
            for name in NAMES:
                own = getattr(obj, name, None)
                if own is None:
                    continue
                section = resolve_section(name, own, getattr(ds.national, name, None))
                if section is not None:
                    out.extend(section_problems(obj, name, section, path))
    return out
