"""Lint for Thai (and English) text written by office staff.

Every text an editor writes passes through :func:`lint`, which returns :class:`Finding` objects
with code-point offsets, the offending substring and, where it can be computed safely, the
corrected substring. Each rule has a bilingual message and fix in :data:`RULES`, written for
non-programmers.

The rules were derived from (and are tested against) the real defects in
``shared/reference/seed-defects.csv``: text copied from PDFs of provincial offices. Rules:

* ``U..`` Unicode/encoding problems (errors): characters that look right but are stored wrong.
* ``S..`` spacing and layout (errors for what breaks the page, warnings for house style).
* ``D01`` dictionary check (warning), ``E01`` Thai inside English (warning).

Apart from loading pythainlp's word list once (lazily, on the first dictionary check) the
module is pure: no I/O, no global state that changes results.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

__all__ = [
    "Finding",
    "RULES",
    "RULES_BY_LANG",
    "Rule",
    "lint",
    "load_allowlist",
]

# ---------------------------------------------------------------------------------------------
# Public types


@dataclass(frozen=True)
class Finding:
    """One problem in a text: ``text[start:end] == found``."""

    code: str
    start: int
    end: int
    found: str
    suggestion: str | None

    @property
    def rule(self) -> Rule:
        return RULES[self.code]


@dataclass(frozen=True)
class Rule:
    """A lint rule with its message and how to fix it, in Thai and English."""

    code: str
    severity: Literal["error", "warning"]
    th: str
    en: str
    fix_th: str
    fix_en: str


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {r.code: r for r in rules}


RULES: dict[str, Rule] = _rules(
    Rule(
        "U01", "error",
        "สระอำถูกเก็บเป็นสองตัวอักษร คือ นิคหิต (ํ) กับสระอา (า) แทนที่จะเป็นสระอำ (ำ) ตัวเดียว "
        "มักเกิดจากการคัดลอกข้อความจาก PDF ตาเห็นเหมือนถูก แต่ค้นหาไม่เจอ",
        "The vowel ำ (sara am) is stored as two characters, ํ + า, usually from text copied out of "
        "a PDF. It looks right but search and the dictionary check do not recognise the word.",
        "ลบแล้วพิมพ์สระอำ (ำ) ใหม่จากแป้นพิมพ์ หรือใช้ข้อความที่ระบบแนะนำ",
        "Delete it and type the ำ key again, or accept the suggested text.",
    ),
    Rule(
        "U02", "error",
        "สระหรือวรรณยุกต์ลอยอยู่โดยไม่มีพยัญชนะนำหน้า เช่น “ส านักงาน” "
        "(การคัดลอกจาก PDF แยกสระอำออกเป็นช่องว่างกับสระอา)",
        "A Thai vowel or tone mark is not attached to a consonant, e.g. “ส านักงาน”: copying "
        "from a PDF split the vowel ำ into a space and า.",
        "ลบช่องว่างหน้าสระ แล้วพิมพ์คำให้ถูกต้อง เช่น “สำนักงาน”",
        "Delete the space before the vowel and retype the word, e.g. “สำนักงาน”.",
    ),
    Rule(
        "U03", "error",
        "พิมพ์ตัวอักษรผิดลำดับ: วรรณยุกต์อยู่ก่อนสระ (เช่น “ช้ัน”) หรือสระอำอยู่ก่อนวรรณยุกต์ "
        "(เช่น “นำ้”) ตาเห็นเหมือนถูก แต่ค้นหาไม่เจอ",
        "Characters in the wrong order: a tone mark typed before a vowel (“ช้ัน”) or ำ typed "
        "before a tone mark (“นำ้”). It may look right, but search does not find the word.",
        "พิมพ์ใหม่ตามลำดับ พยัญชนะ → สระบนหรือสระล่าง → วรรณยุกต์ (เช่น “ชั้น”, “น้ำ”) "
        "หรือใช้ข้อความที่ระบบแนะนำ",
        "Retype in the order consonant → vowel above/below → tone mark (“ชั้น”, “น้ำ”), or "
        "accept the suggested text.",
    ),
    Rule(
        "U04", "error",
        "ตัวอักษรเพี้ยนจากแบบอักษรของ PDF: สระหรือวรรณยุกต์สลับที่หรือกลายเป็นตัวอื่น "
        "(เช่น “ส ำนกังำน” แทน “สำนักงาน”, “ครบถว้น” แทน “ครบถ้วน”)",
        "Thai garbled by a PDF font: vowels or tone marks are displaced or replaced "
        "(e.g. “ส ำนกังำน” for “สำนักงาน”, “ครบถว้น” for “ครบถ้วน”).",
        "พิมพ์คำนี้ใหม่ หรือตรวจดูแล้วใช้ข้อความที่ระบบแนะนำ",
        "Retype the word, or check and accept the suggested text.",
    ),
    Rule(
        "U05", "error",
        "มีตัวอักษรภาษาอังกฤษติดอยู่กับอักษรไทย (เช่น “คandidate”) มักเกิดจากการพิมพ์หรือคัดลอกผิด",
        "Latin letters are glued to Thai letters (e.g. “คandidate”), usually a typing or copying "
        "mistake.",
        "ลบตัวอักษรที่เกินออก หรือเว้นวรรคระหว่างคำภาษาไทยกับคำภาษาอังกฤษ",
        "Delete the stray letters, or put a space between the Thai and the English word.",
    ),
    Rule(
        "U06", "error",
        "มีอักขระพิเศษที่มองไม่เห็นปนอยู่ (เช่น ช่องว่างชนิดพิเศษ NBSP, อักขระความกว้างศูนย์, "
        "ขีดแบ่งคำที่ซ่อนอยู่, แท็บ หรืออักขระควบคุม)",
        "The text contains an invisible special character (non-breaking space, zero-width "
        "space, soft hyphen, byte-order mark, tab or another control character).",
        "ลบอักขระนั้น แล้วพิมพ์ช่องว่างธรรมดา (ปุ่ม Space) ถ้าต้องการเว้นวรรค",
        "Delete it, and type an ordinary space (the Space bar) if a space is needed.",
    ),
    Rule(
        "U07", "error",
        "พิมพ์สระหรือวรรณยุกต์ซ้ำกัน หรือมีวรรณยุกต์สองตัวซ้อนกัน (เช่น “ที่่”)",
        "A vowel or tone mark is typed twice, or two tone marks are stacked (e.g. “ที่่”).",
        "ลบตัวที่เกินออกให้เหลือตัวเดียว",
        "Delete the extra mark so that only one is left.",
    ),
    Rule(
        "U08", "error",
        "มีอักขระเสีย (� หรืออักขระเฉพาะของแบบอักษรใน PDF) ซึ่งจะแสดงเป็นกล่องหรือเครื่องหมายคำถามบนเว็บ",
        "A broken character (� or a private font character from a PDF); it shows as a box or a "
        "question mark on the web.",
        "พิมพ์ตัวอักษรนั้นใหม่โดยดูจากเอกสารต้นฉบับ",
        "Retype the character, looking at the original document.",
    ),
    Rule(
        "U13", "error",
        "ข้อความขึ้นต้นด้วยเลขข้อหรือสัญลักษณ์รายการ (เช่น “1)”, “๑.”, “(๑)”, “–”, “•”) "
        "เว็บไซต์จะใส่เลขข้อหรือสัญลักษณ์ให้เอง",
        "The text starts with a list number or bullet (“1)”, “๑.”, “(๑)”, “–”, “•”); the site "
        "numbers list items itself.",
        "ลบเลขข้อหรือสัญลักษณ์ที่ต้นข้อความออก และเขียนแต่ละข้อเป็นรายการแยกกันในไฟล์ YAML",
        "Delete the number or bullet at the start, and write each item as a separate list "
        "entry in the YAML file.",
    ),
    Rule(
        "U14", "error",
        "มีรหัสจัดรูปแบบ (Markdown หรือ HTML เช่น **, __, `, <b>, &nbsp;) ติดมาในข้อความ "
        "ซึ่งจะแสดงออกมาตรง ๆ หรือทำให้หน้าเว็บเพี้ยน",
        "Formatting code (Markdown or HTML such as **, __, `, <b>, &nbsp;) was copied into "
        "the text; it would be shown as is or break the page.",
        "ลบรหัสจัดรูปแบบออก เหลือไว้แต่ข้อความ",
        "Delete the formatting code and keep only the words.",
    ),
    Rule(
        "S01", "error",
        "มีช่องว่างติดกันตั้งแต่สองช่องขึ้นไป",
        "Two or more spaces in a row.",
        "ลบให้เหลือช่องว่างเพียงช่องเดียว",
        "Leave a single space.",
    ),
    Rule(
        "S02", "error",
        "มีช่องว่างหรือการขึ้นบรรทัดใหม่ที่ต้นหรือท้ายข้อความ",
        "Space or line break at the start or end of the text.",
        "ลบช่องว่างที่ต้นและท้ายข้อความ",
        "Delete the space at the start or end of the text.",
    ),
    Rule(
        "S03", "error",
        "มีการขึ้นบรรทัดใหม่กลางข้อความ (มักเกิดจากการคัดลอกจาก PDF)",
        "A line break inside the text (usually from copying a PDF).",
        "ต่อบรรทัดให้เป็นข้อความเดียวกัน ถ้าเป็นคนละย่อหน้าหรือคนละข้อ "
        "ให้แยกเป็นรายการใหม่ในไฟล์ YAML",
        "Join the lines into one text. If they are separate paragraphs or items, make them "
        "separate list entries in the YAML file.",
    ),
    Rule(
        "S04", "warning",
        "มีช่องว่างด้านในวงเล็บหรือเครื่องหมายคำพูด (เช่น “(Back Office )”)",
        "A space just inside a bracket or quotation mark (e.g. “(Back Office )”).",
        "ลบช่องว่างหลังวงเล็บเปิด หรือก่อนวงเล็บปิดหรือเครื่องหมายคำพูดปิด",
        "Delete the space after the opening, or before the closing, bracket or quotation mark.",
    ),
    Rule(
        "S05", "warning",
        "ไม้ยมก (ๆ) ควรเว้นวรรคทั้งหน้าและหลัง ตามหลักเกณฑ์ของราชบัณฑิตยสภา เช่น “ต่าง ๆ”",
        "House style: put a space before and after ๆ (mai yamok), e.g. “ต่าง ๆ”, as the Royal "
        "Institute recommends.",
        "เว้นวรรคหนึ่งช่องก่อน ๆ และหลัง ๆ (เมื่อมีคำตามมา)",
        "Put one space before ๆ, and one after it when a word follows.",
    ),
    Rule(
        "S06", "warning",
        "ไม่มีช่องว่างหลังวงเล็บปิด (เช่น “(Specialization)ยึดหลัก”)",
        "No space after a closing bracket (e.g. “(Specialization)ยึดหลัก”).",
        "เว้นวรรคหนึ่งช่องหลังวงเล็บปิด",
        "Add one space after the closing bracket.",
    ),
    Rule(
        "S07", "warning",
        "ตัวเลขติดกับคำภาษาไทย (เช่น “49จังหวัด”)",
        "A number is glued to a Thai word (e.g. “49จังหวัด”).",
        "เว้นวรรคหนึ่งช่องระหว่างตัวเลขกับคำ เช่น “49 จังหวัด”",
        "Put one space between the number and the word, e.g. “49 จังหวัด”.",
    ),
    Rule(
        "S08", "warning",
        "มีคำหรือวลีซ้ำกันติดกันสองครั้ง (อาจคัดลอกซ้ำ)",
        "A word or phrase is repeated twice in a row (perhaps pasted twice).",
        "ลบส่วนที่ซ้ำออกหนึ่งครั้ง",
        "Delete one of the copies.",
    ),
    Rule(
        "D01", "warning",
        "ไม่พบคำนี้ในพจนานุกรม อาจสะกดผิดหรือตัวอักษรเพี้ยน (เช่น “สารสนทศ”, “อนัเป็น”)",
        "Word not in the dictionary: possibly misspelt or garbled (e.g. “สารสนทศ”, “อนัเป็น”).",
        "ตรวจการสะกด ถ้าถูกต้องแล้ว (เช่น ชื่อบุคคล ชื่อสถานที่ ศัพท์เฉพาะ) "
        "ให้เพิ่มคำนี้ในไฟล์ data/thai-allowlist.txt บรรทัดละหนึ่งคำ",
        "Check the spelling. If it is correct (a person's or place name, a technical term), "
        "add the word to data/thai-allowlist.txt, one word per line.",
    ),
    Rule(
        "E01", "warning",
        "มีอักษรไทยอยู่ในข้อความภาษาอังกฤษ",
        "Thai script inside the English text.",
        "แปลหรือเขียนเป็นอักษรโรมัน ถ้าจำเป็นต้องคงไว้เป็นภาษาไทย (เช่น ชื่อเฉพาะ) "
        "ให้เพิ่มคำนั้นในไฟล์ data/thai-allowlist.txt",
        "Translate or romanise it. If it must stay in Thai (e.g. a proper name), add the word "
        "to data/thai-allowlist.txt.",
    ),
)

# Which rules run for which language: layout and invisible characters for both; Thai script and
# spelling rules for Thai texts; Thai script inside English texts for English.
_BOTH = frozenset({"U06", "U08", "U13", "U14", "S01", "S02", "S03", "S04", "S06", "S08"})
RULES_BY_LANG: dict[str, frozenset[str]] = {
    "th": _BOTH | {"U01", "U02", "U03", "U04", "U05", "U07", "S05", "S07", "D01"},
    "en": _BOTH | {"E01"},
}


# ---------------------------------------------------------------------------------------------
# Character classes (Unicode Thai block U+0E00–U+0E7F)

_CONS = "\u0e01-\u0e2e"  # ก–ฮ (includes ฤ ฦ)
_TONES = "\u0e48-\u0e4b"  # ่ ้ ๊ ๋
_ABOVE_BELOW = "\u0e31\u0e34-\u0e3a\u0e47"  # ั ิ ี ึ ื ุ ู ฺ ็
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # every combining mark
_DEPENDENT = "\u0e30-\u0e3a\u0e45\u0e47-\u0e4e"  # vowels/marks that need a consonant before them
_LETTERS = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"  # letters of a Thai word
_THAI_ANY = "\u0e01-\u0e5b"
_DIGITS = "0-9\u0e50-\u0e59"

_SARA_AM = "\u0e33"
_SARA_AA = "\u0e32"

# ---------------------------------------------------------------------------------------------
# Small helpers


def _is_thai_letter(ch: str) -> bool:
    return bool(ch) and ("\u0e01" <= ch <= "\u0e2e" or "\u0e30" <= ch <= "\u0e3a"
                         or "\u0e40" <= ch <= "\u0e45" or "\u0e47" <= ch <= "\u0e4e")


def _overlaps(a: Finding, b: Finding, margin: int = 0) -> bool:
    return a.start < b.end + margin and b.start < a.end + margin


# ---------------------------------------------------------------------------------------------
# U01 ำ as NIKHAHIT + SARA AA

_U01 = re.compile(f"[{_TONES}]?\u0e4d[{_TONES}]?\u0e32")


def _u01(text: str) -> list[Finding]:
    out = []
    for m in _U01.finditer(text):
        tones = "".join(ch for ch in m.group() if "\u0e48" <= ch <= "\u0e4b")
        out.append(Finding("U01", m.start(), m.end(), m.group(), tones + _SARA_AM))
    return out


# ---------------------------------------------------------------------------------------------
# U02 dangling vowel or mark

_U02 = re.compile(f"[{_DEPENDENT}]")
_U02_OK_BEFORE = re.compile(f"[{_CONS}{_MARKS}]")


def _u02(text: str) -> list[Finding]:
    out = []
    for m in _U02.finditer(text):
        i = m.start()
        ch = m.group()
        prev = text[i - 1] if i else ""
        if prev and _U02_OK_BEFORE.match(prev):
            continue
        if ch == "\u0e30" and prev == _SARA_AA:  # เกาะ, เพราะ: ะ after า is normal
            continue
        if prev == " " and ch in (_SARA_AA, _SARA_AM):
            # The PDF split of ำ into "space + า" (or "space + ำ"): ส านักงาน → สำนักงาน.
            # Only when a Thai consonant (with its marks) stands right before the space.
            j = i - 2
            while j >= 0 and re.match(f"[{_MARKS}]", text[j]):
                j -= 1
            if j >= 0 and re.match(f"[{_CONS}]", text[j]):
                out.append(Finding("U02", i - 1, i + 1, text[i - 1:i + 1], _SARA_AM))
                continue
        out.append(Finding("U02", i, i + 1, ch, None))
    return out


# ---------------------------------------------------------------------------------------------
# U03 non-canonical order: tone mark before an above/below vowel, or ำ before a tone mark

_U03_TONE_FIRST = re.compile(f"[{_TONES}\u0e4c]+[{_ABOVE_BELOW}]+")
_U03_AM_FIRST = re.compile(f"\u0e33[{_TONES}]+")


def _u03(text: str) -> list[Finding]:
    out = []
    for m in _U03_TONE_FIRST.finditer(text):
        s = m.group()
        vowels = "".join(ch for ch in s if re.match(f"[{_ABOVE_BELOW}]", ch))
        tones = "".join(ch for ch in s if not re.match(f"[{_ABOVE_BELOW}]", ch))
        out.append(Finding("U03", m.start(), m.end(), s, vowels + tones))
    for m in _U03_AM_FIRST.finditer(text):
        s = m.group()
        out.append(Finding("U03", m.start(), m.end(), s, s[1:] + _SARA_AM))
    return out


# ---------------------------------------------------------------------------------------------
# U05 Latin letters glued to Thai letters

_LATIN_RUN = re.compile("[A-Za-z]+")


def _u05(text: str) -> list[Finding]:
    out = []
    for m in _LATIN_RUN.finditer(text):
        s, e = m.start(), m.end()
        before = s > 0 and _is_thai_letter(text[s - 1])
        after = e < len(text) and _is_thai_letter(text[e])
        if before or after:
            s2, e2 = s - before, e + after
            out.append(Finding("U05", s2, e2, text[s2:e2], None))
    return out


# ---------------------------------------------------------------------------------------------
# U06 invisible characters, U08 broken characters, S03 line breaks

_LINE_BREAKS = "\n\r\u2028\u2029\u0085\x0b\x0c"


def _invisible_kind(ch: str) -> str | None:
    """'space' (replace by a space), 'zero' (delete) or None for ordinary characters."""
    if ch == " " or ch in _LINE_BREAKS:
        return None
    cat = unicodedata.category(ch)
    if cat == "Zs" or ch == "\t":
        return "space"
    if cat in ("Cf", "Cc"):
        return "zero"
    return None


def _u06(text: str) -> list[Finding]:
    out = []
    i, n = 0, len(text)
    while i < n:
        kind = _invisible_kind(text[i])
        if kind is None:
            i += 1
            continue
        j = i + 1
        while j < n and _invisible_kind(text[j]) is not None:
            j += 1
        run = text[i:j]
        has_space = any(_invisible_kind(c) == "space" for c in run)
        before = text[i - 1] if i else ""
        after = text[j] if j < n else ""
        if has_space and before != " " and after != " " and before and after:
            sugg = " "
        else:
            sugg = ""
        out.append(Finding("U06", i, j, run, sugg))
        i = j
    return out


def _u08(text: str) -> list[Finding]:
    out = []
    for i, ch in enumerate(text):
        if ch == "\ufffd" or unicodedata.category(ch) == "Co":
            out.append(Finding("U08", i, i + 1, ch, None))
    return out


_S03 = re.compile("\r\n|[" + _LINE_BREAKS + "]")


def _s03(text: str, lang: str) -> list[Finding]:
    out = []
    core_start = len(text) - len(text.lstrip())
    core_end = len(text.rstrip())
    for m in _S03.finditer(text):
        if m.start() < core_start or m.end() > core_end:
            continue  # at the very start or end: S02's business
        sugg = " " if lang == "en" else None
        out.append(Finding("S03", m.start(), m.end(), m.group(), sugg))
    return out


# ---------------------------------------------------------------------------------------------
# U07 doubled marks

_U07 = re.compile(f"[{_TONES}]{{2,}}|([{_ABOVE_BELOW}\u0e4c-\u0e4e])\\1+")


def _u07(text: str) -> list[Finding]:
    out = []
    for m in _U07.finditer(text):
        s = m.group()
        out.append(Finding("U07", m.start(), m.end(), s, s[0] if len(set(s)) == 1 else None))
    return out


# ---------------------------------------------------------------------------------------------
# U13 list marker at the start of a text

_BULLETS = "\\-\u2013\u2014\u2022\u00b7\u25aa\u25cf\u25cb\u25e6\u25a0\u25a1\u25ba\u25b8\u27a2\u27a4\u2713\u2714\u2043\u2219"
_NUM = f"[{_DIGITS}]{{1,3}}"
_U13_PATTERNS = [
    # a bullet followed by a space, or glued to a word (but "-5" is a negative number)
    re.compile(f"[{_BULLETS}](?:\\s+|(?=[^\\s{_DIGITS}\\-]))"),
    # "* " and "+ " (without the space these are other things)
    re.compile("[*+]\\s+"),
    # 1)  (1)  (๑)  (๑.)  ๒.๑)
    re.compile(f"\\(?{_NUM}(?:\\.{_NUM})*\\.?\\)\\s*"),
    # 1.  ๑.  1.เพื่อ  (a dot followed by a space or a letter, not a digit)
    re.compile(f"{_NUM}\\.(?:\\s+|(?=[^\\s{_DIGITS}.]))"),
    # multi-level: 1.2.3 / 2.1. / ๒.๑  (two levels are checked against numbers, see below)
    re.compile(f"{_NUM}(?:\\.{_NUM}){{2,}}\\.?\\s*|{_NUM}\\.{_NUM}\\.\\s*"),
    re.compile(f"(?P<two>{_NUM}\\.{_NUM})\\s+"),
    # Thai letter markers: ก)  (ก)  and ก. ข. ค. ง. followed by a space (ก.พ. is not a marker)
    re.compile(f"\\(?[{_CONS}]\\)\\s*"),
    re.compile("[\u0e01\u0e02\u0e04\u0e07]\\.\\s+"),
    # Latin letter and roman numeral markers: a)  (a)  (iv)
    re.compile("\\(?(?:[A-Za-z]|i{1,3}|iv|vi{0,3}|ix|x)\\)\\s*"),
]
# Words after "2.5 " that show it is a number, not item 2.5 of a list.
_UNIT_WORDS = (
    "ล้าน", "แสน", "หมื่น", "พัน", "ร้อย", "บาท", "เปอร์เซ็นต์", "ร้อยละ", "ไร่", "ตาราง", "กิโล",
    "เมตร", "กม.", "ม.", "ซม.", "ชม.", "ชั่วโมง", "นาที", "วินาที", "น.", "คน", "ปี", "เดือน", "วัน",
    "เท่า", "องศา", "ลิตร", "ตัน", "กก.", "%", "million", "billion", "thousand", "per", "percent",
    "km", "m ", "hours", "hrs", "times", "people",
)
_LEADING_WS = re.compile("\\s*")


def _u13(text: str) -> list[Finding]:
    start = _LEADING_WS.match(text).end()
    rest = text[start:]
    for pat in _U13_PATTERNS:
        m = pat.match(rest)
        if not m:
            continue
        if m.groupdict().get("two"):
            major, minor = m.group("two").split(".")
            after = rest[m.end():]
            if (minor.startswith(("0", "\u0e50")) or len(minor) > 2
                    or after.lower().startswith(_UNIT_WORDS) or after[:1].isdigit()):
                continue  # a decimal number such as 2.5 ล้าน
        end = start + m.end()
        return [Finding("U13", start, end, text[start:end], "")]
    return []


# ---------------------------------------------------------------------------------------------
# U14 Markdown/HTML residue

_U14_BOLD = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1")
_U14_OTHER = re.compile(
    r"\*\*|(?<![\w])__|__(?![\w])|`+|\[[^\]\n]+\]\([^)\s]+\)|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"
    r"|&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#[xX][0-9A-Fa-f]{1,6});|^\s*#{1,6}\s"
)


def _u14(text: str) -> list[Finding]:
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


# ---------------------------------------------------------------------------------------------
# S01 doubled space, S02 leading/trailing whitespace

_S01 = re.compile(" {2,}")


def _s01(text: str) -> list[Finding]:
    core_start = len(text) - len(text.lstrip())
    core_end = len(text.rstrip())
    return [Finding("S01", m.start(), m.end(), m.group(), " ")
            for m in _S01.finditer(text) if m.start() > core_start and m.end() < core_end]


def _s02(text: str) -> list[Finding]:
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


# ---------------------------------------------------------------------------------------------
# S04 space inside brackets/quotes, S05 mai yamok, S06 bracket glued, S07 number glued

_S04 = re.compile("(?<=\\S)[ \u00a0]+(?=[)\\]}\u201d\u2019\u00bb])|(?<=[(\\[{\u201c\u2018\u00ab])[ \u00a0]+(?=\\S)")
_S05 = re.compile(f"(?<=[{_LETTERS}])\u0e46|\u0e46(?=[{_LETTERS}A-Za-z{_DIGITS}])")
_S06 = re.compile(f"\\)(?=[A-Za-z{_CONS}\u0e40-\u0e44])")
_S07 = re.compile(f"(?<=[{_DIGITS}])(?=[{_CONS}\u0e40-\u0e44])|(?<=[{_CONS}{_MARKS}\u0e30\u0e32\u0e33\u0e45])(?=[{_DIGITS}])")


def _s04(text: str) -> list[Finding]:
    return [Finding("S04", m.start(), m.end(), m.group(), "") for m in _S04.finditer(text)]


def _s05(text: str) -> list[Finding]:
    out = []
    for m in _S05.finditer(text):
        i = m.start()
        before = i > 0 and _is_thai_letter(text[i - 1])
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


def _s06(text: str) -> list[Finding]:
    return [Finding("S06", m.start(), m.end() + 1, text[m.start():m.end() + 1],
                    ") " + text[m.end()]) for m in _S06.finditer(text)]


def _s07(text: str) -> list[Finding]:
    out = []
    for m in _S07.finditer(text):
        i = m.start()
        out.append(Finding("S07", i - 1, i + 1, text[i - 1:i + 1], text[i - 1] + " " + text[i]))
    return out


# ---------------------------------------------------------------------------------------------
# S08 repeated words or phrases


def _s08(text: str) -> list[Finding]:
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
    out: list[Finding] = []
    n = len(words)
    i = 0
    while i < n:
        hit = None
        for k in range(min(12, (n - i) // 2), 0, -1):
            a = [w[2] for w in words[i:i + k]]
            b = [w[2] for w in words[i + k:i + 2 * k]]
            if a != b:
                continue
            letters = sum(1 for ch in "".join(a) if ch.isalpha() or _is_thai_letter(ch))
            # A repeated single short word or mark is often fine ("ทุก ๆ", "very very").
            if letters < 2 or (k == 1 and (len(a[0]) < 3 or not any(_is_thai_letter(c) for c in a[0]))):
                continue
            hit = k
            break
        if hit:
            s = words[i + hit][0]
            e = words[i + 2 * hit - 1][1]
            # include the space before the second copy in what is to be deleted
            s0 = words[i + hit - 1][1]
            out.append(Finding("S08", s0, e, text[s0:e], ""))
            i += 2 * hit
        else:
            i += 1
    return out


# ---------------------------------------------------------------------------------------------
# Dictionary (loaded once, lazily)

# Abbreviations and particles that the dictionary does not have (or has only without dots).
_BUILTIN_WORDS = frozenset({
    "ณ", "ฯ", "ฯลฯ", "ๆ",
    "พ.ร.บ.", "พ.ร.ก.", "พ.ร.ฎ.", "พ.ศ.", "ค.ศ.", "ร.ศ.", "จ.ศ.", "ม.ศ.",
    "ก.พ.", "อ.ก.พ.", "ก.พ.ร.", "ก.ธ.จ.", "ก.บ.จ.", "ก.บ.ก.", "ก.ร.อ.", "ก.ร.อ.จ.",
    "ก.ก.", "ก.ท.", "ก.อ.", "ก.จ.", "ก.ถ.", "ก.ค.", "ก.ค.ศ.", "ก.ศ.", "อ.ก.ร.", "ก.ต.", "ก.ม.",
    "ม.", "ข.", "ว.", "น.", "จ.", "อ.", "ต.", "ถ.", "ซ.", "ร.", "ส.", "ส.ส.", "ส.ว.", "ส.ค.ส.",
    "ม.ค.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",  # ก.พ. above
    "ผวจ.", "กทม.", "ครม.", "อปท.", "อบจ.", "อบต.", "สนง.", "จนท.",
})

_DICT: dict[str, object] = {}


def _dict() -> tuple[frozenset[str], dict[str, int]]:
    """(known words, TNC frequencies of short words); loaded on first use."""
    if not _DICT:
        from pythainlp.corpus import thai_words
        from pythainlp.corpus.tnc import word_freqs

        words = thai_words()
        # Single consonants in the list (ฆ ฏ ฒ) are letter names, not words in running text:
        # a lone consonant token is almost always a broken word (เรื่องกฏ → เรื่อ|งก|ฏ).
        known = frozenset(w for w in words if len(w) > 1) | _BUILTIN_WORDS
        freqs = {w: f for w, f in word_freqs() if len(w) <= 3}
        _DICT["known"] = known
        _DICT["freq"] = freqs
    return _DICT["known"], _DICT["freq"]  # type: ignore[return-value]


@lru_cache(maxsize=200_000)
def _tokens(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(run, engine="newmm"))


def _is_word_token(tok: str) -> bool:
    return all(_is_thai_letter(c) for c in tok)


def _known(tok: str, allow: frozenset[str]) -> bool:
    known, _ = _dict()
    return tok in known or tok in allow


def _is_rare_short(tok: str, allow: frozenset[str]) -> bool:
    known, freq = _dict()
    return 2 <= len(tok) <= 3 and tok in known and tok not in allow and freq.get(tok, 0) < 1000


def _oov_count(s: str, allow: frozenset[str]) -> int:
    return sum(1 for piece in s.split(" ") if piece
               for t in _tokens(piece) if _is_word_token(t) and not _known(t, allow))


@lru_cache(maxsize=64)
def _allow_regex(allow: frozenset[str]) -> re.Pattern[str] | None:
    words = sorted((w for w in allow if w), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _allow_spans(text: str, allow: frozenset[str]) -> list[tuple[int, int]]:
    rx = _allow_regex(allow)
    return [(m.start(), m.end()) for m in rx.finditer(text)] if rx else []


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


# Dotted abbreviations (พ.ร.บ., อ.ก.พ.) and ฯลฯ-type forms are masked before tokenising.
_ABBREV = re.compile(f"(?<![{_LETTERS}.])(?:[{_CONS}][{_LETTERS}]{{0,3}}\\.)+|\u0e2f[{_CONS}]{{1,3}}\u0e2f")
_THAI_RUN = re.compile(f"[{_LETTERS}]+")
_EXT_RUN = re.compile(f"(?:[{_LETTERS}]|(?<=[{_CONS}{_MARKS}]) (?=[\u0e32\u0e33]))+")
_MOVABLE = re.compile(f"[{_CONS}][{_CONS}]([\u0e31\u0e34-\u0e37\u0e47{_TONES}\u0e4c]+)")
_EDIT_ALPHABET = [chr(c) for c in range(0x0E01, 0x0E4F) if _is_thai_letter(chr(c))]


def _edits1(w: str) -> set[str]:
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + c + b for a, b in splits for c in _EDIT_ALPHABET}  # omitted character
    out |= {a + c + b[1:] for a, b in splits if b for c in _EDIT_ALPHABET}  # wrong character
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}  # swapped characters
    return out


def _d01_and_u04(text: str, allow: frozenset[str]) -> list[Finding]:
    out: list[Finding] = []
    known, _ = _dict()
    allowed = _allow_spans(text, allow)

    # Unknown dotted abbreviations with two or more parts (a typo such as "พ.ร." for "พ.ร.บ.").
    masked = list(text)
    for m in _ABBREV.finditer(text):
        a = m.group()
        if a.count(".") >= 2 and a not in known and a not in allow and not _inside(allowed, m.start(), m.end()):
            out.append(Finding("D01", m.start(), m.end(), a, None))
        masked[m.start():m.end()] = " " * (m.end() - m.start())
    masked_text = "".join(masked)

    # U04: PDF-font mojibake, accepted only when the repair turns unknown words into known ones.
    for m in _EXT_RUN.finditer(masked_text):
        run = m.group()
        if _inside(allowed, m.start(), m.end()):
            continue
        f = _u04_run(run, m.start(), allow)
        if f:
            out.append(f)
    u04 = [f for f in out if f.code == "U04"]

    for m in _THAI_RUN.finditer(masked_text):
        run, base = m.group(), m.start()
        toks = _tokens(run)
        pos = []
        p = base
        for t in toks:
            pos.append((p, p + len(t), t))
            p += len(t)

        def ok(s: int, e: int, t: str) -> bool:
            return not _is_word_token(t) or _known(t, allow) or _inside(allowed, s, e)

        # plain unknown words: merge neighbours that are unknown or rare and short
        i = 0
        while i < len(pos):
            s, e, t = pos[i]
            if ok(s, e, t):
                i += 1
                continue
            j = i
            while j + 1 < len(pos) and (not ok(*pos[j + 1]) or _is_rare_short(pos[j + 1][2], allow)):
                j += 1
            while i > 0 and _is_rare_short(pos[i - 1][2], allow) and not _inside(allowed, *pos[i - 1][:2]):
                i -= 1
            s, e = pos[i][0], pos[j][1]
            if len(run) <= 12:
                s, e = base, base + len(run)
            elif i > 0:
                # newmm may have cut the word before into pieces (เรื่องกฏ → เรื่อ|งก|ฏ):
                # give the longest known word on the left back to it (เรื่อง|กฏ).
                ls = pos[i - 1][0]
                for k in range(e - ls - 1, s - ls - 1, -1):
                    head = text[ls:ls + k]
                    if len(head) >= 2 and head in known and not _is_rare_short(head, allow):
                        s = ls + k
                        break
            found = text[s:e]
            cands = set()
            if 4 <= len(found) <= 20:
                cands = {c for c in _edits1(found) if c in known and len(c) >= 4}
            out.append(Finding("D01", s, e, found, cands.pop() if len(cands) == 1 else None))
            i = j + 1

        # near misses made of real but rare short words: สารสนทศ → สาร|สน|ทศ (สารสนเทศ)
        for k in (3, 2):
            for i in range(len(pos) - k + 1):
                win = pos[i:i + k]
                if not any(_is_rare_short(t, allow) for _, _, t in win):
                    continue
                if not all(ok(*w) for w in win) or any(_inside(allowed, s, e) for s, e, _ in win):
                    continue
                s, e = win[0][0], win[-1][1]
                w = text[s:e]
                if len(w) < 5 or w in known or any(_overlaps(Finding("", s, e, "", None), f) for f in out):
                    continue
                cands = {c for c in _edits1(w) if len(c) >= 6 and c in known}
                # only insertions and substitutions (a deletion suggestion just drops a word)
                cands = {c for c in cands if len(c) >= len(w)}
                if cands:
                    out.append(Finding("D01", s, e, w, cands.pop() if len(cands) == 1 else None))

    # D01 inside a U04 span is the same problem
    return [f for f in out if f.code == "U04" or not any(_overlaps(f, u) for u in u04)]


def _join_split(run: str) -> tuple[str, list[int]]:
    """Undo the PDF split of ำ ("ส านัก", "ส ำนัก" → "สำนัก"); also map joined → run offsets."""
    out, where = [], []
    i = 0
    while i < len(run):
        if run[i] == " " and i + 1 < len(run) and run[i + 1] in (_SARA_AA, _SARA_AM):
            out.append(_SARA_AM)
            where.append(i)
            i += 2
            continue
        out.append(run[i])
        where.append(i)
        i += 1
    where.append(len(run))
    return "".join(out), where


def _heading_font_fix(run: str) -> str:
    """The heading font of some PDFs stores ำ as "space + ำ" and า as ำ (อ ำนำจ → อำนาจ).

    Returns a string aligned with ``_join_split(run)[0]`` (one character per split ำ).
    """
    s = run.replace(" \u0e33", "\0").replace(" \u0e32", "\1")
    return s.replace(_SARA_AM, _SARA_AA).replace("\0", _SARA_AM).replace("\1", _SARA_AM)


def _fix_displaced(s: str, allow: frozenset[str]) -> str:
    """Move marks displaced one consonant to the right back: จงัหวัด → จังหวัด."""
    cur, cur_oov = s, _oov_count(s, allow)
    for _ in range(8):
        if cur_oov == 0:
            break
        best, best_oov = None, cur_oov
        for m in _MOVABLE.finditer(cur):
            a = m.start()
            cand = cur[:a + 1] + m.group(1) + cur[a + 1] + cur[m.end():]
            n = _oov_count(cand, allow)
            if n < best_oov:
                best, best_oov = cand, n
        if best is None:
            break
        cur, cur_oov = best, best_oov
    return cur


def _u04_run(run: str, base: int, allow: frozenset[str]) -> Finding | None:
    joined, where = _join_split(run)
    before = _oov_count(joined, allow)
    if before == 0:
        return None  # nothing unknown (a plain split ำ is U02's business)
    candidates = [_fix_displaced(joined, allow)]
    if _SARA_AM in run:
        candidates.append(_fix_displaced(_heading_font_fix(run), allow))
    scored = sorted((_oov_count(c, allow), i, c) for i, c in enumerate(candidates))
    for after, _, fixed in scored:
        if len(fixed) != len(joined) or fixed == joined or after >= before:
            continue
        # the changed stretch, widened to the repaired text's word boundaries
        diff = [i for i in range(len(fixed)) if fixed[i] != joined[i]]
        lo, hi = diff[0], diff[-1] + 1
        pos, words = 0, []
        for t in _tokens(fixed):
            words.append((pos, pos + len(t), t))
            pos += len(t)
        touched = [w for w in words if w[0] < hi and w[1] > lo]
        if any(_is_word_token(t) and (not _known(t, allow) or _is_rare_short(t, allow) or len(t) < 2)
               for _, _, t in touched):
            continue
        lo, hi = touched[0][0], touched[-1][1]
        fs, fe = where[lo], where[hi]
        return Finding("U04", base + fs, base + fe, run[fs:fe], fixed[lo:hi])
    return None


# ---------------------------------------------------------------------------------------------
# E01 Thai inside English

_THAI_SCRIPT_RUN = re.compile(f"[{_THAI_ANY}]+(?:[ .][{_THAI_ANY}]+)*")


def _e01(text: str, allow: frozenset[str]) -> list[Finding]:
    allowed = _allow_spans(text, allow)
    out = []
    for m in _THAI_SCRIPT_RUN.finditer(text):
        s, e = m.start(), m.end()
        covered = [(a, b) for a, b in allowed if a < e and s < b]
        chars = [i for i in range(s, e) if not text[i].isspace() and not any(a <= i < b for a, b in covered)]
        if chars:
            out.append(Finding("E01", s, e, m.group(), None))
    return out


# ---------------------------------------------------------------------------------------------
# lint


def lint(text: str, lang: str = "th", allow: frozenset[str] = frozenset()) -> list[Finding]:
    """All findings for one text, sorted by position.

    ``lang`` is "th" or "en"; ``allow`` is the set of words the dictionary check accepts (see
    :func:`load_allowlist`). Results are cached per (text, lang, allow).
    """
    if lang not in ("th", "en"):
        raise ValueError(f"lang must be 'th' or 'en', not {lang!r}")
    if not isinstance(allow, frozenset):
        allow = frozenset(allow)
    return list(_lint(text, lang, allow))


@lru_cache(maxsize=50_000)
def _lint(text: str, lang: str, allow: frozenset[str]) -> tuple[Finding, ...]:
    if not text:
        return ()
    out: list[Finding] = []
    out += _u06(text) + _u08(text) + _u13(text) + _u14(text)
    out += _s01(text) + _s02(text) + _s03(text, lang) + _s04(text) + _s06(text) + _s08(text)
    if lang == "th":
        out += _u01(text) + _u02(text) + _u03(text) + _u05(text) + _u07(text) + _s05(text) + _s07(text)
        if re.search(f"[{_LETTERS}]", text):
            out += _d01_and_u04(text, allow)
    else:
        out += _e01(text, allow)

    # Report each problem once.
    by = {c: [f for f in out if f.code == c] for c in RULES}
    drop: set[Finding] = set()
    for f in by["U02"]:
        if any(_overlaps(f, g) for c in ("U01", "U03", "U04") for g in by[c]):
            drop.add(f)
    for f in by["U06"]:
        if any(g.start <= f.start and f.end <= g.end for g in by["S02"]) and f.found.strip() == "":
            drop.add(f)
    # A broken character makes the dictionary check of its word meaningless: while a chunk
    # (text between spaces) has an encoding error, its dictionary warnings wait.
    errors = [g for c in ("U01", "U02", "U03", "U05", "U06", "U07", "U08") for g in by[c]]
    for f in by["D01"]:
        a, b = f.start, f.end
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        if any(g.start < b + 1 and a - 1 < g.end for g in errors):
            drop.add(f)
    for f in by["S06"]:  # "(๑)นำ": the marker is to be deleted anyway
        if any(_overlaps(f, g) for g in by["U13"]):
            drop.add(f)
    for f in by["S07"]:  # "พ.ศ.2553" is a missing space too, but not when a letter is garbled
        if any(_overlaps(f, g) for c in ("U02", "U04") for g in by[c]):
            drop.add(f)
    out = [f for f in out if f not in drop]
    return tuple(sorted(set(out), key=lambda f: (f.start, f.end, f.code)))


# ---------------------------------------------------------------------------------------------
# display width and allow-list


def load_allowlist(path: str | Path) -> frozenset[str]:
    """Words from an allow-list file: one per line, ``#`` starts a comment, blank lines ignored."""
    words = set()
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return frozenset(words)
