"""Layout rules: list markers and formatting code (U13, U14, errors) and spacing (S01–S03 errors
for what breaks the page, S04–S08 warnings for house style)."""

from __future__ import annotations

import html
import re
import unicodedata

from .chars import CONS, DIGITS, LETTERS, MARKS, is_thai_letter
from .registry import BOTH, TH, Context, Finding, overlapping, rule
from .unicode import LINE_BREAKS

_BULLETS = (
    "\\-\u2013\u2014\u2022\u00b7\u25aa\u25cf\u25cb\u25e6\u25a0\u25a1\u25ba\u25b8\u27a2\u27a4\u2713\u2714\u2043\u2219"
)

_NUM = f"[{DIGITS}]{{1,3}}"

_U13_PATTERNS = [
    # a bullet followed by a space, or glued to a word (but "-5" is a negative number)
    re.compile(f"[{_BULLETS}](?:\\s+|(?=[^\\s{DIGITS}\\-]))"),
    # "* " and "+ " (without the space these are other things)
    re.compile("[*+]\\s+"),
    # 1)  (1)  (๑)  (๑.)  ๒.๑)
    re.compile(f"\\(?{_NUM}(?:\\.{_NUM})*\\.?\\)\\s*"),
    # 1.  ๑.  1.เพื่อ  (a dot followed by a space or a letter, not a digit)
    re.compile(f"{_NUM}\\.(?:\\s+|(?=[^\\s{DIGITS}.]))"),
    # multi-level: 1.2.3 / 2.1. / ๒.๑  (two levels are checked against numbers, see below)
    re.compile(f"{_NUM}(?:\\.{_NUM}){{2,}}\\.?\\s*|{_NUM}\\.{_NUM}\\.\\s*"),
    re.compile(f"(?P<two>{_NUM}\\.{_NUM})\\s+"),
    # Thai letter markers: ก)  (ก)  and ก. ข. ค. ง. followed by a space (ก.พ. is not a marker)
    re.compile(f"\\(?[{CONS}]\\)\\s*"),
    re.compile("[\u0e01\u0e02\u0e04\u0e07]\\.\\s+"),
    # Latin letter and roman numeral markers: a)  (a)  (iv)
    re.compile("\\(?(?:[A-Za-z]|i{1,3}|iv|vi{0,3}|ix|x)\\)\\s*"),
]

_UNIT_WORDS = (
    "ล้าน",
    "แสน",
    "หมื่น",
    "พัน",
    "ร้อย",
    "บาท",
    "เปอร์เซ็นต์",
    "ร้อยละ",
    "ไร่",
    "ตาราง",
    "กิโล",
    "เมตร",
    "กม.",
    "ม.",
    "ซม.",
    "ชม.",
    "ชั่วโมง",
    "นาที",
    "วินาที",
    "น.",
    "คน",
    "ปี",
    "เดือน",
    "วัน",
    "เท่า",
    "องศา",
    "ลิตร",
    "ตัน",
    "กก.",
    "%",
    "million",
    "billion",
    "thousand",
    "per",
    "percent",
    "km",
    "m ",
    "hours",
    "hrs",
    "times",
    "people",
)

_LEADING_WS = re.compile("\\s*")


@rule(
    "U13",
    "error",
    langs=BOTH,
    th=("ข้อความขึ้นต้นด้วยเลขข้อหรือสัญลักษณ์รายการ (เช่น “1)”, “๑.”, “(๑)”, “–”, “•”) เว็บไซต์จะใส่เลขข้อหรือสัญลักษณ์ให้เอง"),
    en=(
        "The text starts with a list number or bullet (“1)”, “๑.”, “(๑)”, “–”, “•”); the site "
        "numbers list items itself."
    ),
    fix_th="ลบเลขข้อหรือสัญลักษณ์ที่ต้นข้อความออก และเขียนแต่ละข้อเป็นรายการแยกกันในไฟล์ YAML",
    fix_en=("Delete the number or bullet at the start, and write each item as a separate list entry in the YAML file."),
)
def u13(text: str, ctx: Context) -> list[Finding]:
    lead = _LEADING_WS.match(text)  # \s* matches any text
    start = lead.end() if lead else 0
    rest = text[start:]
    for pat in _U13_PATTERNS:
        m = pat.match(rest)
        if not m:
            continue
        if m.groupdict().get("two"):
            _, minor = m.group("two").split(".")
            after = rest[m.end() :]
            if (
                minor.startswith(("0", "\u0e50"))
                or len(minor) > 2
                or after.lower().startswith(_UNIT_WORDS)
                or after[:1].isdigit()
            ):
                continue  # a decimal number such as 2.5 ล้าน
        end = start + m.end()
        return [Finding("U13", start, end, text[start:end], "")]
    return []


_U14_BOLD = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1")

_U14_OTHER = re.compile(
    r"\*\*|(?<![\w])__|__(?![\w])|`+|\[[^\]\n]+\]\([^)\s]+\)|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"
    r"|&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#[xX][0-9A-Fa-f]{1,6});|^\s*#{1,6}\s"
)


@rule(
    "U14",
    "error",
    langs=BOTH,
    th=("มีรหัสจัดรูปแบบ (Markdown หรือ HTML เช่น **, __, `, <b>, &nbsp;) ติดมาในข้อความ ซึ่งจะแสดงออกมาตรง ๆ หรือทำให้หน้าเว็บเพี้ยน"),
    en=(
        "Formatting code (Markdown or HTML such as **, __, `, <b>, &nbsp;) was copied into the "
        "text; it would be shown as is or break the page."
    ),
    fix_th="ลบรหัสจัดรูปแบบออก เหลือไว้แต่ข้อความ",
    fix_en="Delete the formatting code and keep only the words.",
)
def u14(text: str, ctx: Context) -> list[Finding]:
    out = []
    taken: list[tuple[int, int]] = []
    for m in _U14_BOLD.finditer(text):
        out.append(Finding("U14", m.start(), m.end(), m.group(), m.group(2)))
        taken.append((m.start(), m.end()))
    for m in _U14_OTHER.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        s = m.group()
        sugg = None
        if s.startswith("&"):
            u = html.unescape(s)
            if u != s:
                sugg = " " if unicodedata.category(u) == "Zs" else u
        out.append(Finding("U14", m.start(), m.end(), s, sugg))
    return out


_S01 = re.compile(" {2,}")


@rule(
    "S01",
    "error",
    langs=BOTH,
    th="มีช่องว่างติดกันตั้งแต่สองช่องขึ้นไป",
    en="Two or more spaces in a row.",
    fix_th="ลบให้เหลือช่องว่างเพียงช่องเดียว",
    fix_en="Leave a single space.",
)
def s01(text: str, ctx: Context) -> list[Finding]:
    core_start = len(text) - len(text.lstrip())
    core_end = len(text.rstrip())
    return [
        Finding("S01", m.start(), m.end(), m.group(), " ")
        for m in _S01.finditer(text)
        if m.start() > core_start and m.end() < core_end
    ]


@rule(
    "S02",
    "error",
    langs=BOTH,
    th="มีช่องว่างหรือการขึ้นบรรทัดใหม่ที่ต้นหรือท้ายข้อความ",
    en="Space or line break at the start or end of the text.",
    fix_th="ลบช่องว่างที่ต้นและท้ายข้อความ",
    fix_en="Delete the space at the start or end of the text.",
)
def s02(text: str, ctx: Context) -> list[Finding]:
    out = []
    stripped = text.strip()
    if not stripped:
        if text:
            out.append(Finding("S02", 0, len(text), text, ""))
        return out
    lead = len(text) - len(text.lstrip())
    if lead:
        out.append(Finding("S02", 0, lead, text[:lead], ""))
    trail = len(text.rstrip())
    if trail < len(text):
        out.append(Finding("S02", trail, len(text), text[trail:], ""))
    return out


_S03 = re.compile("\r\n|[" + LINE_BREAKS + "]")


@rule(
    "S03",
    "error",
    langs=BOTH,
    th="มีการขึ้นบรรทัดใหม่กลางข้อความ (มักเกิดจากการคัดลอกจาก PDF)",
    en="A line break inside the text (usually from copying a PDF).",
    fix_th=("ต่อบรรทัดให้เป็นข้อความเดียวกัน ถ้าเป็นคนละย่อหน้าหรือคนละข้อ ให้แยกเป็นรายการใหม่ในไฟล์ YAML"),
    fix_en=(
        "Join the lines into one text. If they are separate paragraphs or items, make them "
        "separate list entries in the YAML file."
    ),
)
def s03(text: str, ctx: Context) -> list[Finding]:
    out = []
    core_start = len(text) - len(text.lstrip())
    core_end = len(text.rstrip())
    for m in _S03.finditer(text):
        if m.start() < core_start or m.end() > core_end:
            continue  # at the very start or end: S02's business
        sugg = " " if ctx.lang == "en" else None
        out.append(Finding("S03", m.start(), m.end(), m.group(), sugg))
    return out


_S04 = re.compile("(?<=\\S)[ \u00a0]+(?=[)\\]}\u201d\u2019\u00bb])|(?<=[(\\[{\u201c\u2018\u00ab])[ \u00a0]+(?=\\S)")

_S05 = re.compile(f"(?<=[{LETTERS}])\u0e46|\u0e46(?=[{LETTERS}A-Za-z{DIGITS}])")

_S06 = re.compile(f"\\)(?=[A-Za-z{CONS}\u0e40-\u0e44])")

_S07 = re.compile(
    f"(?<=[{DIGITS}])(?=[{CONS}\u0e40-\u0e44])|(?<=[{CONS}{MARKS}\u0e30\u0e32\u0e33\u0e45])(?=[{DIGITS}])"
)


@rule(
    "S04",
    "warning",
    langs=BOTH,
    th="มีช่องว่างด้านในวงเล็บหรือเครื่องหมายคำพูด (เช่น “(Back Office )”)",
    en="A space just inside a bracket or quotation mark (e.g. “(Back Office )”).",
    fix_th="ลบช่องว่างหลังวงเล็บเปิด หรือก่อนวงเล็บปิดหรือเครื่องหมายคำพูดปิด",
    fix_en="Delete the space after the opening, or before the closing, bracket or quotation mark.",
)
def s04(text: str, ctx: Context) -> list[Finding]:
    return [Finding("S04", m.start(), m.end(), m.group(), "") for m in _S04.finditer(text)]


@rule(
    "S05",
    "warning",
    langs=TH,
    th="ไม้ยมก (ๆ) ควรเว้นวรรคทั้งหน้าและหลัง ตามหลักเกณฑ์ของราชบัณฑิตยสภา เช่น “ต่าง ๆ”",
    en=("House style: put a space before and after ๆ (mai yamok), e.g. “ต่าง ๆ”, as the Royal Institute recommends."),
    fix_th="เว้นวรรคหนึ่งช่องก่อน ๆ และหลัง ๆ (เมื่อมีคำตามมา)",
    fix_en="Put one space before ๆ, and one after it when a word follows.",
)
def s05(text: str, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for m in _S05.finditer(text):
        i = m.start()
        before = i > 0 and is_thai_letter(text[i - 1])
        after = i + 1 < len(text) and not text[i + 1].isspace() and text[i + 1] not in ")]}”’,."
        # one finding per ๆ even when both sides are glued
        if out and out[-1].end > i:
            continue
        s = i - 1 if before else i
        e = i + 2 if after else i + 1
        found = text[s:e]
        sugg = (found[0] + " " if before else "") + "\u0e46" + (" " + found[-1] if after else "")
        out.append(Finding("S05", s, e, found, sugg))
    return out


@rule(
    "S06",
    "warning",
    langs=BOTH,
    th="ไม่มีช่องว่างหลังวงเล็บปิด (เช่น “(Specialization)ยึดหลัก”)",
    en="No space after a closing bracket (e.g. “(Specialization)ยึดหลัก”).",
    fix_th="เว้นวรรคหนึ่งช่องหลังวงเล็บปิด",
    fix_en="Add one space after the closing bracket.",
    suppressed_by=[overlapping("U13")],
)
def s06(text: str, ctx: Context) -> list[Finding]:
    return [
        Finding("S06", m.start(), m.end() + 1, text[m.start() : m.end() + 1], ") " + text[m.end()])
        for m in _S06.finditer(text)
    ]


@rule(
    "S07",
    "warning",
    langs=TH,
    th="ตัวเลขติดกับคำภาษาไทย (เช่น “49จังหวัด”)",
    en="A number is glued to a Thai word (e.g. “49จังหวัด”).",
    fix_th="เว้นวรรคหนึ่งช่องระหว่างตัวเลขกับคำ เช่น “49 จังหวัด”",
    fix_en="Put one space between the number and the word, e.g. “49 จังหวัด”.",
    suppressed_by=[overlapping("U02", "U04")],
)
def s07(text: str, ctx: Context) -> list[Finding]:
    out = []
    for m in _S07.finditer(text):
        i = m.start()
        out.append(Finding("S07", i - 1, i + 1, text[i - 1 : i + 1], text[i - 1] + " " + text[i]))
    return out


@rule(
    "S08",
    "warning",
    langs=BOTH,
    th="มีคำหรือวลีซ้ำกันติดกันสองครั้ง (อาจคัดลอกซ้ำ)",
    en="A word or phrase is repeated twice in a row (perhaps pasted twice).",
    fix_th="ลบส่วนที่ซ้ำออกหนึ่งครั้ง",
    fix_en="Delete one of the copies.",
)
def s08(text: str, ctx: Context) -> list[Finding]:
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
    out: list[Finding] = []
    n = len(words)
    i = 0
    while i < n:
        hit = None
        for k in range(min(12, (n - i) // 2), 0, -1):
            a = [w[2] for w in words[i : i + k]]
            b = [w[2] for w in words[i + k : i + 2 * k]]
            if a != b:
                continue
            letters = sum(1 for ch in "".join(a) if ch.isalpha() or is_thai_letter(ch))
            # A repeated single short word or mark is often fine ("ทุก ๆ", "very very").
            if letters < 2 or (k == 1 and (len(a[0]) < 3 or not any(is_thai_letter(c) for c in a[0]))):
                continue
            hit = k
            break
        if hit:
            e = words[i + 2 * hit - 1][1]
            # include the space before the second copy in what is to be deleted
            s0 = words[i + hit - 1][1]
            out.append(Finding("S08", s0, e, text[s0:e], ""))
            i += 2 * hit
        else:
            i += 1
    return out
