"""`changwat new <province>`: start the file of a provincial office, ready to edit.

    changwat new ang-thong                # or "Ang Thong", "อ่างทอง", "TH-15"
    changwat new mae-hong-son --stdout    # print the file instead of writing it
    changwat new chon-buri --data DIR     # another data folder (default: the project's data/)

The new file data/provinces/<slug>.yaml holds the schema line (completion and inline errors in
VS Code), a guide in Thai and English, the province and the office name from the registry, and,
commented out, a starting point for every section: the office's own details (head, contact,
sources) as placeholders and the six content sections as a copy of the national content. As
written it is valid (`changwat validate` prints no error and no warning) and the page shows the
national standard; an editor removes the "# " in front of a section to write the office's own.

Nothing is overwritten: a province that already has a file, or is not in the registry, is refused
with a message in Thai and English and exit status 1.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..check.hints import did_you_mean
from ..model.registry import Province, Registry, load_registry
from ..model.sections import BY_NAME, SECTIONS
from ..project import Project

if TYPE_CHECKING:
    from ..model.records import National

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/office.schema.json"
SOURCE_ID = "office-website"  # the placeholder source every commented section refers to
RULE = "# " + "─" * 94

# Places that editors may look for but that have no provincial office.
NO_OFFICE = {
    ("bangkok", "krung-thep-maha-nakhon", "กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ", "th-10"): (
        "กรุงเทพมหานครเป็นองค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ ไม่มีสำนักงานจังหวัด",
        "Bangkok is a special local administration and has no provincial office",
        None,
    ),
    ("pattaya", "เมืองพัทยา", "พัทยา", "th-s"): (
        "เมืองพัทยาเป็นเขตปกครองพิเศษในจังหวัดชลบุรี ไม่มีสำนักงานจังหวัดของตนเอง",
        "Pattaya is a special administrative city in Chon Buri province and has no provincial office of its own",
        "chon-buri",
    ),
}


# ---------------------------------------------------------------------------------------------
# Finding the province


def find_province(registry: Registry, query: str) -> Province | None:
    """The province an editor means by a slug, English or Thai name or ISO code; None if not exact."""
    q = query.strip()
    folded = q.casefold()
    kebab = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    for p in registry:
        if q == p.th or folded in (p.slug, p.iso.casefold(), p.en.casefold()) or kebab == p.slug:
            return p
    return None


@dataclass
class Refusal(Exception):
    """Why no file was created, in Thai and English, with how to go on."""

    th: str
    en: str
    fix_th: str = ""
    fix_en: str = ""

    def __str__(self) -> str:
        lines = [f"error: {self.th}", f"  {self.en}"]
        if self.fix_th:
            lines.append(f"  แก้ไข: {self.fix_th}")
        if self.fix_en:
            lines.append(f"  fix: {self.fix_en}")
        return "\n".join(lines)


def unknown_province(registry: Registry, query: str) -> Refusal:
    folded = query.strip().casefold()
    for names, (th, en, instead) in NO_OFFICE.items():
        if folded in names:
            if instead:
                p = registry.by_slug[instead]
                return Refusal(th, en, f"ใช้ changwat new {p.slug} (จังหวัด{p.th})", f"use changwat new {p.slug} ({p.en})")
            return Refusal(
                th, en, "ดูรายชื่อจังหวัดใน data/registry/provinces.csv", "see the provinces in data/registry/provinces.csv"
            )
    close = [registry.by_slug[s] for s in registry.suggest(query)]
    th = f'ไม่พบจังหวัด "{query}" ในทะเบียนจังหวัด'
    en = f'province "{query}" is not in the registry'
    if close:
        return Refusal(th, en, *did_you_mean([p.slug for p in close], [p.th for p in close], [p.en for p in close]))
    return Refusal(
        th,
        en,
        "ใช้ชื่อจังหวัด (ไทยหรืออังกฤษ) หรือรหัสจาก data/registry/provinces.csv",
        "use a province name (Thai or English) or a slug from data/registry/provinces.csv",
    )


# ---------------------------------------------------------------------------------------------
# The template


def national_sections(text: str, root: Node) -> dict[str, list[str]]:
    """The lines of each top-level section of national.yaml, as written there, with the section's
    own `sources:` list replaced by the office's placeholder source."""
    lines = text.splitlines()
    pairs = [(k, v) for k, v in (root.value if isinstance(root, MappingNode) else []) if isinstance(k, ScalarNode)]
    starts = [k.start_mark.line for k, _ in pairs] + [len(lines)]
    out: dict[str, list[str]] = {}
    for i, (knode, vnode) in enumerate(pairs):
        block = lines[starts[i] : starts[i + 1]]
        while block and (not block[-1].strip() or block[-1].lstrip().startswith("#")):
            block.pop()  # blank lines and comments before the next key belong to that key
        after = 1  # where the `replace:` of the starting point goes: after the sources
        for skey, sval in vnode.value if isinstance(vnode, MappingNode) else []:
            if isinstance(skey, ScalarNode) and skey.value == "sources" and isinstance(sval, SequenceNode):
                first = skey.start_mark.line - starts[i]
                last = max([n.end_mark.line for n in sval.value] + [skey.start_mark.line]) - starts[i]
                indent = " " * skey.start_mark.column
                block[first : last + 1] = [f"{indent}sources:", f"{indent}  - {SOURCE_ID}"]
                after = first + 2
                break
        # a starting point is the whole national list: turned on, it replaces it (model/resolve.py)
        kind = BY_NAME.get(knode.value)
        if kind is not None and isinstance(vnode, MappingNode):
            keys = {k.value for k, _ in vnode.value if isinstance(k, ScalarNode)}
            whole = [p.name for p in kind.parts if not p.keyed and keys & set(p.fields)]
            if whole:
                block[after:after] = ["  replace:", *(f"    - {name}" for name in whole)]
        out[knode.value] = block
    return out


def _comment(lines: list[str]) -> list[str]:
    """Comment out YAML lines so that VS Code's Ctrl+/ (which removes "# ") restores them exactly."""
    return [("# " + line).rstrip() for line in lines]


def own_sections(province: Province) -> dict[str, list[str]]:
    """The starting points of the office's own details (head, contact, sources), as YAML lines."""
    th_name, en_name = f"สำนักงานจังหวัด{province.th}", f"{province.en} Provincial Office"
    return {
        "head": [
            "head:",
            "  name:",
            "    th:    # ชื่อ-นามสกุลพร้อมคำนำหน้า เช่น นายสมชาย ใจดี / full name with title, in Thai",
            "    en:    # e.g. Mr Somchai Jaidee",
            "  position:",
            f"    th: หัวหน้า{th_name}",
            f"    en: Head of the {en_name}",
            '  as_of: "ปปปป-ดด-วว"',
            "  sources:",
            f"    - {SOURCE_ID}",
        ],
        "contact": [
            "contact:",
            "  address:",
            f"    th: ศาลากลางจังหวัด{province.th}",
            f"    en: {province.en} Provincial Hall",
            "  phones:",
            '    - "0 XXXX XXXX"',
            "  emails:",
            '    - "ชื่อ@โดเมน"',
            "  website: https://",
            "  sources:",
            f"    - {SOURCE_ID}",
        ],
        "sources": [
            "sources:",
            f"  - id: {SOURCE_ID}",
            "    title:",
            f"      th: เว็บไซต์{th_name}",
            f"      en: {en_name} website",
            "    url: https://",
        ],
    }


def web_start(province: Province, guide_url: str) -> str:
    """The start of a new office file when it is created on GitHub ("add content for this office"):
    the same schema line, province, name and commented starting points of the office's own details
    as `changwat new` writes, with a short guide pointing at the worked example. The whole guided
    file (about 60 KB, 150 KB in a URL) is too long for a GitHub address, which must stay under
    8 000 characters."""
    th_name, en_name = f"สำนักงานจังหวัด{province.th}", f"{province.en} Provincial Office"
    own = own_sections(province)
    out = [
        SCHEMA_LINE,
        f"# {th_name} / {en_name}",
        f"# คู่มือพร้อมตัวอย่าง / Guide with a worked example: {guide_url}",
        '# จะเขียนหัวข้อใด ให้ลบ "# " หน้าบรรทัดของหัวข้อนั้น แล้วแก้ข้อความให้เป็นของสำนักงาน',
        '# To write a section, remove the "# " in front of its lines, then change the text to your office\'s.',
        "# หัวข้อที่ไม่ได้เขียนจะแสดงเนื้อหามาตรฐานระดับประเทศ / A section left out shows the national standard.",
        "",
        f"province: {province.slug}",
        "name:",
        f"  th: {th_name}",
        f"  en: {en_name}",
    ]
    for key, title in (
        ("head", "# หัวหน้าสำนักงานจังหวัด / Head of the Provincial Office"),
        ("contact", "# ข้อมูลติดต่อ / Contact details"),
        ("sources", "# แหล่งที่มา / Sources"),
    ):
        out += ["", title, *_comment(own[key])]
    return "\n".join(out) + "\n"


def office_template(
    province: Province,
    national: National | None = None,
    national_text: str = "",
    national_root: Node | None = None,
    open_sections: frozenset[str] = frozenset(),
) -> str:
    """The text of a new office file. Sections named in open_sections are written uncommented (the
    tests use this to check that every starting point is valid once an editor turns it on)."""
    th_name, en_name = f"สำนักงานจังหวัด{province.th}", f"{province.en} Provincial Office"
    path = f"data/provinces/{province.slug}.yaml"
    out: list[str] = [
        SCHEMA_LINE,
        RULE,
        f"# {th_name} / {en_name} — {path}",
        "#",
        f"# ไฟล์นี้คือเนื้อหาหน้าเว็บของ{th_name}",
        "# เขียนเฉพาะสิ่งที่เป็นของสำนักงานนี้เอง หัวข้อใดที่ไม่ได้เขียน (หรือยังมี # อยู่หน้าบรรทัด) เว็บไซต์จะแสดง",
        "# เนื้อหามาตรฐานระดับประเทศจาก data/national.yaml แทน และบอกผู้อ่านว่าเป็นเนื้อหามาตรฐาน",
        f"# This file is the web page of the {en_name}.",
        "# Write only what is your office's own: a section you leave out (or leave commented out with #)",
        "# shows the national standard from data/national.yaml instead, and the page says so.",
        "#",
        "# วิธีเขียน",
        '#   - บรรทัดที่ขึ้นต้นด้วย # เป็นคำอธิบาย ไม่แสดงบนเว็บ จะเขียนหัวข้อใด ให้ลบ "# " หน้าบรรทัดของหัวข้อนั้น',
        "#     (ใน VS Code หรือ github.dev: เลือกบรรทัดทั้งหมดของหัวข้อ แล้วกด Ctrl+/) แล้วแก้ข้อความให้เป็นของสำนักงาน",
        "#   - ข้อความทุกข้อความเขียนสองภาษา th: (ต้องมี) และ en: (ถ้ายังไม่มีคำแปล เว้นไว้ก่อนได้ หน้าภาษาอังกฤษ",
        '#     จะแสดงภาษาไทยพร้อมเครื่องหมาย "ยังไม่ได้แปล")',
        '#   - รายการเขียนทีละบรรทัด ขึ้นต้นด้วย "- " ไม่ต้องใส่เลขข้อ 1) ๑. หรือ – ในข้อความ',
        "#   - ย่อหน้าด้วยการเว้นวรรค 2 ช่อง ห้ามใช้แท็บ",
        '#   - ใส่เครื่องหมายคำพูดให้เบอร์โทรศัพท์ "0 5361 1234" เลขมาตรา "52/1" และวันที่ พ.ศ. "2567-10-01"',
        '#     และให้ข้อความที่มีเครื่องหมาย ": " (โคลอนตามด้วยเว้นวรรค)',
        "#   - ใส่แหล่งที่มา (sources) ของทุกหัวข้อที่เขียน: เอกสารหรือหน้าเว็บที่ข้อมูลมาจาก",
        f"#   - ตรวจไฟล์: changwat validate {path} (หรือดูผลตรวจใน pull request)",
        "# How to write",
        "#   - Lines starting with # are comments and not shown on the site. To write a section, remove the",
        '#     "# " in front of its lines (VS Code or github.dev: select the section\'s lines, press Ctrl+/),',
        "#     then change the text to your office's.",
        "#   - Every text has th: (required) and en: (may wait for a translation: the English page then",
        '#     shows the Thai marked "not yet translated").',
        '#   - Lists: one item per line starting with "- "; no 1), ๑. or – inside the text.',
        "#   - Indent with 2 spaces, never tabs.",
        '#   - Quote phone numbers "0 5361 1234", section numbers "52/1", Buddhist Era dates "2567-10-01",',
        '#     and any text containing ": " (a colon and a space).',
        "#   - Give the sources of every section you write: the document or web page the content comes from.",
        f"#   - Check the file: changwat validate {path} (or read the checks on the pull request).",
        RULE,
        "",
        "# จังหวัด: รหัสจากทะเบียนจังหวัด ต้องตรงกับชื่อไฟล์ ห้ามแก้ / Province: the registry slug, must match the file name",
        f"province: {province.slug}",
        "",
        "# ชื่อสำนักงาน / Office name",
        "name:",
        f"  th: {th_name}",
        f"  en: {en_name}",
        "",
    ]

    def block(key: str, lines: list[str]) -> list[str]:
        return lines if key in open_sections else _comment(lines)

    own = own_sections(province)

    out += [
        RULE,
        "# หัวหน้าสำนักงานจังหวัด / Head of the Provincial Office",
        "# ชื่อ-นามสกุลพร้อมคำนำหน้า และตำแหน่ง ตามที่สำนักงานเผยแพร่ต่อสาธารณะแล้วเท่านั้น ข้อมูล ณ วันที่ (as_of) เป็น พ.ศ.",
        "# ในเครื่องหมายคำพูด เว็บไซต์นี้เป็นสาธารณะ: ห้ามใส่เบอร์โทรศัพท์ส่วนตัว เลขประจำตัวประชาชน หรือที่อยู่บ้าน",
        "# Full name with title and position, only as the office has already published them; as_of is a quoted",
        "# Buddhist Era date. The site is public: no personal phone numbers, ID numbers or home addresses.",
        RULE,
        *block("head", own["head"]),
        "",
        RULE,
        "# ข้อมูลติดต่อ / Contact details",
        "# ที่อยู่และเบอร์โทรศัพท์ของสำนักงาน (ไม่ใช่ของบุคคล) เบอร์โทรศัพท์ต้องอยู่ในเครื่องหมายคำพูด เว็บไซต์ขึ้นต้นด้วย https://",
        "# The office's address and phone numbers (not a person's); phone numbers in quotes; website starts with https://",
        RULE,
        *block("contact", own["contact"]),
        "",
        RULE,
        "# แหล่งที่มา / Sources",
        "# เอกสารหรือหน้าเว็บที่ข้อมูลในไฟล์นี้มาจาก หัวข้ออื่นอ้างถึงด้วยรหัส (id) เช่น sources: [office-website]",
        "# เปิดใช้ส่วนนี้เมื่อเปิดหัวข้อใดก็ตามด้านล่าง และเพิ่มแหล่งที่มาได้หลายรายการ (รหัสต้องไม่ซ้ำกัน)",
        "# The documents or web pages the content of this file comes from; sections refer to them by id. Turn",
        "# this on together with any section below; add as many sources as needed (each with its own id).",
        RULE,
        *block("sources", own["sources"]),
    ]

    sections = national_sections(national_text, national_root) if national_root is not None else {}
    for guide in SECTIONS:
        value = getattr(national, guide.name, None) if national is not None else None
        std_th, std_en = guide.summary(value) if value is not None else ("ยังไม่มี", "none yet")
        out += [
            "",
            RULE,
            f"# {guide.th} / {guide.en}",
            f"# {guide.what_th}",
            f"# {guide.what_en[0].upper()}{guide.what_en[1:]}.",
            f"# ถ้าไม่เขียน: ใช้เนื้อหามาตรฐานระดับประเทศ ({std_th}) จุดเริ่มต้นด้านล่างคัดลอกมาจาก data/national.yaml",
            f"# If left out: the national standard is shown ({std_en}). "
            "The starting point below is a copy of data/national.yaml.",
            RULE,
        ]
        if guide.name in sections:
            out += block(guide.name, sections[guide.name])
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# The command


def load_national(data_dir: Path) -> tuple[National | None, str, Node | None]:
    """The national content (model, text, root node) of a data folder; (None, "", None) if absent."""
    from ..check.convert import convert
    from ..load.yaml import load_file
    from ..model import National

    path = data_dir / "national.yaml"
    if not path.exists():
        return None, "", None
    conv = convert(load_file(path), National)
    return conv.obj, conv.loaded.text, conv.loaded.root


def create(query: str, data_dir: Path, registry: Registry | None = None) -> tuple[Path, str]:
    """Work out the new file for a province: (path, text). Raises Refusal when there must be none."""
    registry = registry or load_registry(data_dir / "registry" / "provinces.csv")
    province = find_province(registry, query)
    if province is None:
        raise unknown_province(registry, query)
    if not data_dir.is_dir():
        raise Refusal(
            f"ไม่พบโฟลเดอร์ข้อมูล {data_dir}",
            f"no such data folder: {data_dir}",
            "ระบุโฟลเดอร์ที่มี national.yaml ด้วย --data",
            "give the folder holding national.yaml with --data",
        )
    target = data_dir / "provinces" / f"{province.slug}.yaml"
    for existing in (target, target.with_suffix(".yml")):
        if existing.exists():
            shown = _shown(existing)
            raise Refusal(
                f"สำนักงานจังหวัด{province.th}มีไฟล์อยู่แล้ว: {shown}",
                f"the {province.en} Provincial Office already has a file: {shown}",
                "แก้ไขไฟล์นั้นแทน (changwat new ไม่เขียนทับไฟล์ที่มีอยู่)",
                "edit that file instead (changwat new never overwrites a file)",
            )
    national, text, root = load_national(data_dir)
    return target, office_template(province, national, text, root)


def _shown(path: Path) -> str:
    from ..load.files import display_path

    return display_path(path)


def new_office(query: str, project: Project, stdout: bool = False) -> int:
    """`changwat new`: 0 created (or printed), 1 refused."""
    try:
        target, text = create(query, project.data)
    except Refusal as refusal:
        print(refusal, file=sys.stderr)
        return 1
    if stdout:
        sys.stdout.write(text)
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as fh:  # never overwrite
            fh.write(text)
    except FileExistsError:
        print(Refusal(f"มีไฟล์ {_shown(target)} อยู่แล้ว", f"{_shown(target)} already exists"), file=sys.stderr)
        return 1
    shown = _shown(target)
    print(f"สร้างไฟล์ {shown} แล้ว / created {shown}")
    print(f"  ต่อไป: เปิดไฟล์ แก้ไขตามคำอธิบายในไฟล์ แล้วตรวจด้วย changwat validate {shown}")
    print(f"  next: open the file, follow the guide in it, then check it with changwat validate {shown}")
    return 0
