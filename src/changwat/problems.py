"""Problems are data: every mistake found in an editor's file is a Problem with a position, a code,
and a message and fix in Thai and English taken from one table (CODES, plus the Thai lint rules).

Text format (one problem)::

    data/provinces/ang-thong.yaml:12:3: error: ไม่รู้จักคีย์ "mandat" [K01]
      unknown key "mandat"
       12 |   mandat:
          |   ^^^^^^
      แก้ไข: หมายถึง "mandate" หรือไม่
      fix: did you mean "mandate"?

GitHub format: ``::error file=…,line=…,col=…,title=changwat K01::<th> / <en> — fix: …``
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .load.positions import Pos, visible

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    th: str
    en: str
    fix_th: str = ""
    fix_en: str = ""


def _c(code: str, severity: Severity, th: str, en: str, fix_th: str = "", fix_en: str = "") -> Code:
    return Code(code, severity, th, en, fix_th, fix_en)


# Messages may use {placeholders} filled from Problem.args. Keep Thai first: editors are Thai office staff.
_TABLE = [
    # -- reading the file (load.py) ------------------------------------------------------------
    _c(
        "Y01",
        "error",
        "ไฟล์ใหญ่เกินไป ({size} ไบต์ เกินขีดจำกัด {limit} ไบต์)",
        "file too large ({size} bytes, the limit is {limit})",
        "ไฟล์ข้อมูลสำนักงานหนึ่งแห่งควรมีขนาดไม่กี่สิบกิโลไบต์ ตรวจสอบว่าเลือกไฟล์ถูกต้อง",
        "an office file is a few tens of kilobytes; check that this is the right file",
    ),
    _c(
        "Y02",
        "error",
        "ไฟล์ไม่ใช่ข้อความ UTF-8 (พบไบต์ที่อ่านไม่ได้ {byte})",
        "file is not UTF-8 text (unreadable byte {byte})",
        "บันทึกไฟล์ใหม่เป็น UTF-8 (ใน VS Code: คลิก encoding ที่แถบล่าง → Save with Encoding → UTF-8)",
        "save the file as UTF-8 (VS Code: click the encoding in the status bar → Save with Encoding → UTF-8)",
    ),
    _c(
        "Y03",
        "error",
        "ไฟล์ขึ้นต้นด้วยเครื่องหมาย BOM ที่มองไม่เห็น",
        "file starts with an invisible byte-order mark (BOM)",
        "บันทึกไฟล์เป็น UTF-8 แบบไม่มี BOM",
        "save the file as UTF-8 without BOM",
    ),
    _c(
        "Y04",
        "error",
        "พบอักขระแท็บ (Tab) ซึ่ง YAML ไม่อนุญาตให้ใช้ย่อหน้า",
        "tab character found; YAML indentation must use spaces",
        "แทนที่แท็บด้วยการเว้นวรรค 2 ช่อง",
        "replace the tab with spaces (2 per level)",
    ),
    _c("Y05", "error", "รูปแบบ YAML ไม่ถูกต้อง", "YAML syntax error: {detail}", "{hint_th}", "{hint_en}"),
    _c(
        "Y06",
        "error",
        "ไม่รองรับ anchor (&) และ alias (*) ของ YAML",
        "YAML anchors (&) and aliases (*) are not supported",
        "เขียนข้อความซ้ำตรง ๆ แทนการอ้างถึง",
        "write the value out in full instead of referring to it",
    ),
    _c(
        "Y07",
        "error",
        "โครงสร้างซ้อนกันลึกเกินไป (เกิน {limit} ชั้น)",
        "structure nested too deeply (over {limit} levels)",
        "ตรวจสอบการย่อหน้าหรือวงเล็บ [ ] {{ }} ที่ไม่ได้ปิด",
        "check the indentation and unclosed [ ] {{ }} brackets",
    ),
    _c(
        "Y08",
        "error",
        'คีย์ "{key}" ซ้ำ (มีอยู่แล้วที่บรรทัด {first_line}) ข้อมูลส่วนหนึ่งจะหายไป',
        'duplicate key "{key}" (already at line {first_line}): one of the values would be lost',
        "รวมค่าทั้งสองไว้ใต้คีย์เดียว หรือลบคีย์ที่ซ้ำ",
        "merge both values under one key or delete the duplicate",
    ),
    _c(
        "Y09",
        "error",
        "ไฟล์ว่างเปล่า",
        "file is empty",
        "เริ่มจากคำสั่ง changwat new <จังหวัด> หรือคัดลอกไฟล์ของจังหวัดอื่น",
        "start with `changwat new <province>` or copy another office's file",
    ),
    _c(
        "Y10",
        "error",
        "ไฟล์มีหลายเอกสาร YAML (พบ ---)",
        "file holds more than one YAML document (found ---)",
        "หนึ่งไฟล์ต้องมีเอกสารเดียว ลบบรรทัด --- ที่อยู่กลางไฟล์",
        "one file holds one document; delete the --- line in the middle of the file",
    ),
    _c(
        "Y11",
        "error",
        "พบอักขระควบคุมที่มองไม่เห็น {char}",
        "invisible control character {char}",
        "ลบอักขระนั้นออก (มักติดมาจากการคัดลอกจาก PDF หรือ Word)",
        "delete it (it usually comes from copying out of a PDF or Word)",
    ),
    _c(
        "Y12",
        "error",
        "คีย์ต้องเป็นข้อความธรรมดา",
        "keys must be plain text",
        "เขียนคีย์เป็นคำภาษาอังกฤษตามแบบฟอร์ม เช่น mandate:",
        "write the key as a plain word from the format, e.g. mandate:",
    ),
    _c(
        "Y13",
        "error",
        'ไม่รองรับแท็ก YAML "{tag}"',
        'YAML tag "{tag}" is not supported',
        "ลบแท็กที่ขึ้นต้นด้วย ! ออก",
        "remove the tag starting with !",
    ),
    _c(
        "Y14",
        "error",
        "ไม่ใช่ไฟล์ข้อมูล: {kind_th}",
        "not a data file: it is {kind_en}",
        "ไฟล์ข้อมูลต้องเป็นไฟล์ข้อความธรรมดา ลบรายการนี้ออก หรือแทนที่ด้วยไฟล์ .yaml",
        "data files are ordinary text files: delete this entry or replace it with a .yaml file",
    ),
    _c(
        "Y15",
        "error",
        "ลิงก์ (symbolic link) นี้{reason_th} จึงไม่อ่าน",
        "this symbolic link {reason_en}, so it is not read",
        "แทนที่ลิงก์ด้วยตัวไฟล์เอง (ลิงก์ใช้ได้เฉพาะเมื่อชี้ไปยังไฟล์ในโฟลเดอร์ data/)",
        "replace the link with the file itself (a link may only point to a file inside data/)",
    ),
    # -- schema (validate.py) --------------------------------------------------------------------
    _c("K01", "error", 'ไม่รู้จักคีย์ "{key}" ใน {where_th}', 'unknown key "{key}" in {where_en}', "{hint_th}", "{hint_en}"),
    _c(
        "K02",
        "error",
        'ขาดคีย์ที่ต้องมี "{key}" ใน {where_th}',
        'missing required key "{key}" in {where_en}',
        "เพิ่ม {key}: ({desc_th})",
        "add {key}: ({desc_en})",
    ),
    _c(
        "K03",
        "error",
        '"{key}" ต้องเป็น{expected_th} แต่พบ{found_th}',
        '"{key}" must be {expected_en}, found {found_en}',
        "{hint_th}",
        "{hint_en}",
    ),
    _c(
        "K04",
        "error",
        "YAML จะอ่าน {value} เป็น{as_th} ไม่ใช่ข้อความตามที่เขียน",
        "YAML reads {value} as {as_en}, not as the text you wrote",
        "ใส่เครื่องหมายคำพูด: {written}",
        "put it in quotes: {written}",
    ),
    _c(
        "K05",
        "error",
        'รายการ "{key}" ต้องมีอย่างน้อย {min} รายการ',
        'list "{key}" needs at least {min} item(s)',
        "เพิ่มรายการ หรือลบคีย์นี้ทั้งหมดเพื่อใช้ข้อมูลมาตรฐานระดับประเทศ",
        "add items, or delete the key to use the national standard content",
    ),
    _c(
        "K06",
        "error",
        '"{value}" ไม่ใช่{kind_th}ที่ถูกต้อง',
        '"{value}" is not a valid {kind_en}',
        "ตัวอย่างที่ถูกต้อง: {example}",
        "a valid example: {example}",
    ),
    _c(
        "K07",
        "error",
        "ข้อความภาษาไทยว่างเปล่า",
        "the Thai text is empty",
        "เขียนข้อความภาษาไทย หรือลบรายการนี้",
        "write the Thai text or delete the entry",
    ),
    _c(
        "K08",
        "error",
        '"{value}" ไม่ใช่ค่าที่ใช้ได้สำหรับ "{key}"',
        '"{value}" is not an allowed value for "{key}"',
        "ค่าที่ใช้ได้: {allowed}{hint_th}",
        "allowed values: {allowed}{hint_en}",
    ),
    _c(
        "K09",
        "error",
        "{value} อยู่นอกช่วงที่ใช้ได้ ({minimum}–{maximum})",
        "{value} is out of range ({minimum}–{maximum})",
        "{hint_th}",
        "{hint_en}",
    ),
    _c(
        "K10",
        "error",
        '"{key}" ไม่มีค่า',
        '"{key}" has no value',
        "ใส่ค่าหลังเครื่องหมาย : หรือลบบรรทัดนี้",
        "write a value after the colon, or delete the line",
    ),
    _c(
        "K11",
        "error",
        "วันที่ {value} ไม่มีอยู่จริง ({detail})",
        "date {value} does not exist ({detail})",
        'ใช้ปี พ.ศ. ในรูปแบบ "ปปปป-ดด-วว" เช่น "2516-08-28"',
        'use a Buddhist Era date "YYYY-MM-DD", e.g. "2516-08-28"',
    ),
    _c(
        "K12",
        "error",
        '"{key}" ต้องเขียนเป็นข้อความสองภาษา (th และ en)',
        '"{key}" must be a bilingual text (th and en)',
        "เขียนเป็น\n      {key}:\n        th: {value}\n        en: …",
        "write it as\n      {key}:\n        th: {value}\n        en: …",
    ),
    _c(
        "K13",
        "error",
        "ข้อความยาวเกินไป ({chars} ตัวอักษร เกิน {limit})",
        "text too long ({chars} characters, over {limit})",
        "แบ่งเป็นหลายย่อหน้าหรือหลายรายการ",
        "split it into several paragraphs or items",
    ),
    _c(
        "K14",
        "error",
        '"{value}" ดูเหมือนปี ค.ศ. แต่ข้อมูลใช้ปี พ.ศ.',
        '"{value}" looks like a CE year; dates here are Buddhist Era',
        'ปี พ.ศ. = ค.ศ. + 543: "{suggestion}"',
        'B.E. = CE + 543: "{suggestion}"',
    ),
    _c(
        "K15",
        "error",
        '"{value}" ใช้เป็นลิงก์ไม่ได้: {reason_th}',
        '"{value}" cannot be used as a link: {reason_en}',
        "คัดลอกที่อยู่จากแถบที่อยู่ของเบราว์เซอร์ เช่น https://www.angthong.go.th/ (อีเมลเขียนใน contact.emails)",
        "copy the address from the browser's address bar, e.g. https://www.angthong.go.th/ "
        "(e-mail addresses go in contact.emails)",
    ),
    _c(
        "K16",
        "warning",
        'ชื่อโดเมนเขียนด้วยอักษรที่ไม่ใช่ภาษาอังกฤษ: อ่านว่า "{decoded}" แต่เบราว์เซอร์จะไปที่ {ascii}',
        'the host is written with non-ASCII letters: it reads "{decoded}" but browsers go to {ascii}',
        "ตรวจว่าเป็นเว็บไซต์ที่ถูกต้อง แล้วพิมพ์ชื่อโดเมนใหม่ด้วยแป้นพิมพ์ภาษาอังกฤษ (อักษรที่พบ: {letters})",
        "check that it is the right site and type the host again on an English keyboard (letters found: {letters})",
    ),
    _c(
        "K17",
        "warning",
        "เว็บไซต์ทางการของสำนักงานควรอยู่ใต้ .go.th แต่ที่อยู่นี้อยู่ที่ {host}",
        "an office's official website is expected under .go.th; this one is on {host}",
        "ตรวจว่าเป็นเว็บไซต์ของสำนักงานจริง ถ้าใช่และไม่ใช่เว็บไซต์ของรัฐ ให้เขียน website_kind: other ใต้ contact:",
        "check that it is the office's own site; if it is and is not a government site, write "
        "website_kind: other under contact:",
    ),
    _c(
        "K18",
        "error",
        "ไฟล์ต้องเขียนเป็นคีย์และค่า เช่น province: ang-thong แต่พบ{found_th}",
        "the file must be written as keys and values, such as province: ang-thong; found {found_en}",
        "เริ่มไฟล์ด้วย province: <จังหวัด> แล้วเขียนแต่ละหัวข้อเป็น คีย์: ค่า (ดู changwat new <จังหวัด>)",
        "start the file with province: <province> and write each part as key: value (see changwat new <province>)",
    ),
    # -- cross-file rules (validate.py) --------------------------------------------------------------
    _c(
        "R01",
        "error",
        'ชื่อไฟล์ "{file}" ไม่ตรงกับจังหวัด "{slug}"',
        'file name "{file}" does not match province "{slug}"',
        "เปลี่ยนชื่อไฟล์เป็น {slug}.yaml",
        "rename the file to {slug}.yaml",
    ),
    _c(
        "R02",
        "error",
        'ไม่พบจังหวัด "{value}" ในทะเบียนจังหวัด',
        'province "{value}" is not in the registry',
        "{hint_th}",
        "{hint_en}",
    ),
    _c(
        "R03",
        "error",
        'สำนักงานจังหวัด "{slug}" มีมากกว่าหนึ่งไฟล์ (อีกไฟล์: {other})',
        'office "{slug}" is defined twice (other file: {other})',
        "รวมเนื้อหาไว้ในไฟล์เดียวคือ data/provinces/{slug}.yaml",
        "keep one file: data/provinces/{slug}.yaml",
    ),
    _c(
        "R04",
        "error",
        'รหัส "{value}" ซ้ำ (ใช้แล้วที่บรรทัด {first_line})',
        'id "{value}" is used twice (first at line {first_line})',
        "ตั้งรหัสใหม่ที่ไม่ซ้ำ",
        "choose a different id",
    ),
    _c(
        "R05",
        "error",
        'ไม่พบ{kind_th} "{value}" ที่อ้างถึง',
        '{kind_en} "{value}" is referred to but not defined',
        "{hint_th}",
        "{hint_en}",
    ),
    _c(
        "R06",
        "error",
        "ไฟล์นี้ไม่อยู่ในตำแหน่งของไฟล์ข้อมูล จึงไม่ถูกเผยแพร่",
        "file is not where data files belong, so it is never published",
        "ไฟล์สำนักงานต้องอยู่ที่ data/provinces/<จังหวัด>.yaml (ตัวพิมพ์เล็ก) ย้ายหรือเปลี่ยนชื่อเป็น {suggestion} หรือลบไฟล์นี้",
        "office files live at data/provinces/<province>.yaml (lower case): move or rename it to {suggestion}, "
        "or delete it",
    ),
    _c(
        "R07",
        "error",
        "ไม่พบไฟล์ข้อมูลระดับประเทศ {file}",
        "national data file {file} not found",
        "ไฟล์นี้จำเป็นสำหรับเนื้อหามาตรฐาน",
        "the national file holds the standard content every office inherits",
    ),
    _c(
        "R08",
        "error",
        "ทะเบียนจังหวัด: {detail_th}",
        "province registry: {detail_en}",
        "แก้บรรทัดนี้ใน data/registry/provinces.csv (คอลัมน์ iso,slug,th,en,region)",
        "fix this line of data/registry/provinces.csv (columns iso,slug,th,en,region)",
    ),
    # -- translation -------------------------------------------------------------------------------
    _c(
        "T01",
        "note",
        "มีข้อความ {count} รายการที่ยังไม่มีคำแปลภาษาอังกฤษ (ครั้งแรกที่ {first})",
        "{count} text(s) have no English translation yet (first at {first})",
        "เพิ่ม en: ใต้ th: ของข้อความเหล่านั้น",
        "add en: under th: for those texts",
    ),
    # -- usage (cli.py) --------------------------------------------------------------------------------
    _c("C01", "error", "ไม่พบไฟล์หรือโฟลเดอร์ {path}", "no such file or folder: {path}"),
]

CODES: dict[str, Code] = {c.code: c for c in _TABLE}


def register(codes: Iterable[Code]) -> None:
    """Add rule codes from another stage (the Thai lint) to the one table."""
    for c in codes:
        CODES.setdefault(c.code, c)


def _visible(value: object) -> object:
    """A value quoted in a message keeps the message on its lines: line breaks and other invisible
    characters are shown escaped (\\n, \\u200b)."""
    return visible(value) if isinstance(value, str) else value


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:  # a message placeholder with no value prints nothing
        return ""


@dataclass(frozen=True)
class Problem:
    pos: Pos
    code: str
    args: Mapping[str, object] = field(default_factory=dict, hash=False, compare=False)
    length: int = 1  # how many characters the caret underlines
    severity_override: Severity | None = None

    @property
    def info(self) -> Code:
        return CODES[self.code]

    @property
    def severity(self) -> Severity:
        return self.severity_override or self.info.severity

    def _fmt(self, template: str) -> str:
        return template.format_map(_Blank({k: _visible(v) for k, v in self.args.items()}))

    @property
    def th(self) -> str:
        return self._fmt(self.info.th)

    @property
    def en(self) -> str:
        return self._fmt(self.info.en)

    @property
    def fix_th(self) -> str:
        return self._fmt(self.info.fix_th)

    @property
    def fix_en(self) -> str:
        return self._fmt(self.info.fix_en)

    def __str__(self) -> str:
        return f"{self.pos}: {self.severity}: {self.th} / {self.en} [{self.code}]"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.pos.path, self.pos.line, self.pos.col, self.code)


def display_width(s: str) -> int:
    """Terminal column width: combining marks and zero-width characters 0, wide characters 2."""
    w = 0
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Cf", "Cc") or "\u1160" <= ch <= "\u11ff":
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


SHOWN_LINE = 160  # characters of a source line shown with its caret


def format_text(p: Problem, source_lines: list[str] | None) -> str:
    """The full human-readable report of one problem: header, Thai and English, source line with caret, fix."""
    out = [f"{p.pos}: {p.severity}: {p.th} [{p.code}]", f"  {p.en}"]
    if source_lines is not None and 1 <= p.pos.line <= len(source_lines):
        line = source_lines[p.pos.line - 1].rstrip("\r\n").replace("\t", " ")
        num = str(p.pos.line)
        pad = " " * len(num)
        col = max(p.pos.col - 1, 0)
        if len(line) > SHOWN_LINE:  # a huge line (minified, a bomb) is shown around the caret only
            start = max(col - SHOWN_LINE // 2, 0)
            line, col = (
                ("…" if start else "") + line[start : start + SHOWN_LINE] + "…",
                col - start + (1 if start else 0),
            )
        # each character as shown: control, escape and invisible characters escaped (\x1b, \u200b),
        # so a data file cannot restyle, clear or rewrite the reader's terminal
        shown = [visible(c) for c in line]
        before = "".join(shown[:col])
        span = "".join(shown[col : col + min(max(p.length, 1), SHOWN_LINE)])
        width = max(display_width(span), 1)
        out.append(f"  {num} | {''.join(shown)}")
        out.append(f"  {pad} | {' ' * display_width(before)}{'^' * width}")
    found = p.args.get("found")
    if found:
        found = str(found)  # a quoted text (always a str)
        found_shown = found.encode("unicode_escape").decode() if not found.strip() else visible(found)
        suggestion = p.args.get("suggestion")
        out.append(f"  พบ / found: “{found_shown}”" + (f" → “{suggestion}”" if suggestion else ""))
    if p.fix_th:
        out.append(f"  แก้ไข: {p.fix_th}")
    if p.fix_en:
        out.append(f"  fix: {p.fix_en}")
    return "\n".join(out)


def _gh_escape(s: str, prop: bool = False) -> str:
    """GitHub's workflow-command encoding (% CR LF, and : , in properties); other control and
    invisible characters (ESC, bidi) shown escaped, so nothing from the data acts on the log."""
    s = visible(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


def format_github(p: Problem) -> str:
    """A GitHub Actions workflow command, shown as an annotation on the changed line of a pull request."""
    kind = {"error": "error", "warning": "warning", "note": "notice"}[p.severity]
    msg = f"{p.th} / {p.en}"
    if p.args.get("found"):
        msg += f" “{p.args['found']}”" + (f" → “{p.args['suggestion']}”" if p.args.get("suggestion") else "")
    if p.fix_th or p.fix_en:
        msg += f"\nแก้ไข: {p.fix_th}\nfix: {p.fix_en}"
    title = _gh_escape("changwat " + p.code, True)
    props = f"file={_gh_escape(p.pos.path, True)},line={p.pos.line},col={p.pos.col},title={title}"
    return f"::{kind} {props}::{_gh_escape(msg)}"


MAX_PER_FILE = 200  # problems shown per file by validate and the build; all are counted


def more_line(path: str, more: int, fmt: str = "text") -> str:
    """The line that says how many problems of a file were not shown."""
    th = f"… อีก {more} ปัญหา (แก้ข้างบนก่อน)"
    en = f"… {more} more problem(s) (fix the ones above first)"
    if fmt == "github":
        props = f"file={_gh_escape(path, True)},line=1,col=1,title={_gh_escape('changwat', True)}"
        return f"::notice {props}::{_gh_escape(f'{th} / {en}')}"
    return f"{visible(path)}: {th} / {en}"


def report(
    problems: list[Problem],
    source_lines: Callable[[str], list[str] | None],
    fmt: str = "text",
    limit: int = MAX_PER_FILE,
) -> Iterable[str]:
    """The report of a sorted list of problems, at most ``limit`` per file, then one line with how
    many more: one string per problem (text: the full block; github: one workflow command).
    ``source_lines(path)`` gives a file's lines for the caret display (None: no source line)."""
    total: dict[str, int] = {}
    for p in problems:
        total[p.pos.path] = total.get(p.pos.path, 0) + 1
    shown: dict[str, int] = {}
    for p in problems:
        n = shown[p.pos.path] = shown.get(p.pos.path, 0) + 1
        if n <= limit:
            yield format_github(p) if fmt == "github" else format_text(p, source_lines(p.pos.path))
        if n == total[p.pos.path] and n > limit:
            yield more_line(p.pos.path, n - limit, fmt)


def summary(problems: list[Problem], files: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    th = f"ตรวจ {files} ไฟล์: ข้อผิดพลาด {errors} คำเตือน {warnings}"
    en = f"checked {files} file(s): {errors} error(s), {warnings} warning(s)"
    return f"{th} / {en}"
