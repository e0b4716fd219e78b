"""Unicode and encoding rules (errors): characters that look right but are stored wrong.

U01 ำ stored as ํ + า, U02 a vowel or mark without its consonant, U03 marks in the wrong order,
U05 Latin letters glued to Thai, U06 invisible characters, U07 doubled marks, U08 broken
characters. (U04, garbled PDF fonts, needs the dictionary: see :mod:`.dictionary`.)
"""

from __future__ import annotations

import re
import unicodedata

from .chars import (
    ABOVE_BELOW,
    BLANK_LETTERS,
    CONS,
    DEPENDENT,
    MARKS,
    PRINTABLE_INVISIBLE,
    SARA_AA,
    SARA_AM,
    TONES,
    is_default_ignorable,
    is_noncharacter,
    is_thai_letter,
)
from .registry import BOTH, TH, Context, Finding, inside_when_blank, overlapping, rule

_U01 = re.compile(f"[{TONES}]?\u0e4d[{TONES}]?\u0e32")


@rule(
    "U01",
    "error",
    langs=TH,
    th=(
        "สระอำถูกเก็บเป็นสองตัวอักษร คือ นิคหิต (ํ) กับสระอา (า) แทนที่จะเป็นสระอำ (ำ) ตัวเดียว "
        "มักเกิดจากการคัดลอกข้อความจาก PDF ตาเห็นเหมือนถูก แต่ค้นหาไม่เจอ"
    ),
    en=(
        "The vowel ำ (sara am) is stored as two characters, ํ + า, usually from text copied out "
        "of a PDF. It looks right but search and the dictionary check do not recognise the word."
    ),
    fix_th="ลบแล้วพิมพ์สระอำ (ำ) ใหม่จากแป้นพิมพ์ หรือใช้ข้อความที่ระบบแนะนำ",
    fix_en="Delete it and type the ำ key again, or accept the suggested text.",
)
def u01(text: str, ctx: Context) -> list[Finding]:
    out = []
    for m in _U01.finditer(text):
        tones = "".join(ch for ch in m.group() if "\u0e48" <= ch <= "\u0e4b")
        out.append(Finding("U01", m.start(), m.end(), m.group(), tones + SARA_AM))
    return out


_U02 = re.compile(f"[{DEPENDENT}]")

_U02_OK_BEFORE = re.compile(f"[{CONS}{MARKS}]")


@rule(
    "U02",
    "error",
    langs=TH,
    th=("สระหรือวรรณยุกต์ลอยอยู่โดยไม่มีพยัญชนะนำหน้า เช่น “ส านักงาน” (การคัดลอกจาก PDF แยกสระอำออกเป็นช่องว่างกับสระอา)"),
    en=(
        "A Thai vowel or tone mark is not attached to a consonant, e.g. “ส านักงาน”: copying from "
        "a PDF split the vowel ำ into a space and า."
    ),
    fix_th="ลบช่องว่างหน้าสระ แล้วพิมพ์คำให้ถูกต้อง เช่น “สำนักงาน”",
    fix_en="Delete the space before the vowel and retype the word, e.g. “สำนักงาน”.",
    suppressed_by=[overlapping("U01", "U03", "U04")],
)
def u02(text: str, ctx: Context) -> list[Finding]:
    out = []
    for m in _U02.finditer(text):
        i = m.start()
        ch = m.group()
        prev = text[i - 1] if i else ""
        if prev and _U02_OK_BEFORE.match(prev):
            continue
        if ch == "\u0e30" and prev == SARA_AA:  # เกาะ, เพราะ: ะ after า is normal
            continue
        if prev == " " and ch in (SARA_AA, SARA_AM):
            # The PDF split of ำ into "space + า" (or "space + ำ"): ส านักงาน → สำนักงาน.
            # Only when a Thai consonant (with its marks) stands right before the space.
            j = i - 2
            while j >= 0 and re.match(f"[{MARKS}]", text[j]):
                j -= 1
            if j >= 0 and re.match(f"[{CONS}]", text[j]):
                out.append(Finding("U02", i - 1, i + 1, text[i - 1 : i + 1], SARA_AM))
                continue
        out.append(Finding("U02", i, i + 1, ch, None))
    return out


_U03_TONE_FIRST = re.compile(f"[{TONES}\u0e4c]+[{ABOVE_BELOW}]+")

_U03_AM_FIRST = re.compile(f"\u0e33[{TONES}]+")


@rule(
    "U03",
    "error",
    langs=TH,
    th=("พิมพ์ตัวอักษรผิดลำดับ: วรรณยุกต์อยู่ก่อนสระ (เช่น “ช้ัน”) หรือสระอำอยู่ก่อนวรรณยุกต์ (เช่น “นำ้”) ตาเห็นเหมือนถูก แต่ค้นหาไม่เจอ"),
    en=(
        "Characters in the wrong order: a tone mark typed before a vowel (“ช้ัน”) or ำ typed "
        "before a tone mark (“นำ้”). It may look right, but search does not find the word."
    ),
    fix_th=("พิมพ์ใหม่ตามลำดับ พยัญชนะ → สระบนหรือสระล่าง → วรรณยุกต์ (เช่น “ชั้น”, “น้ำ”) หรือใช้ข้อความที่ระบบแนะนำ"),
    fix_en=(
        "Retype in the order consonant → vowel above/below → tone mark (“ชั้น”, “น้ำ”), or accept the suggested text."
    ),
)
def u03(text: str, ctx: Context) -> list[Finding]:
    out = []
    for m in _U03_TONE_FIRST.finditer(text):
        s = m.group()
        vowels = "".join(ch for ch in s if re.match(f"[{ABOVE_BELOW}]", ch))
        tones = "".join(ch for ch in s if not re.match(f"[{ABOVE_BELOW}]", ch))
        out.append(Finding("U03", m.start(), m.end(), s, vowels + tones))
    for m in _U03_AM_FIRST.finditer(text):
        s = m.group()
        out.append(Finding("U03", m.start(), m.end(), s, s[1:] + SARA_AM))
    return out


_LATIN_RUN = re.compile("[A-Za-z]+")


@rule(
    "U05",
    "error",
    langs=TH,
    th=("มีตัวอักษรภาษาอังกฤษติดอยู่กับอักษรไทย (เช่น “คandidate”) มักเกิดจากการพิมพ์หรือคัดลอกผิด"),
    en=("Latin letters are glued to Thai letters (e.g. “คandidate”), usually a typing or copying mistake."),
    fix_th="ลบตัวอักษรที่เกินออก หรือเว้นวรรคระหว่างคำภาษาไทยกับคำภาษาอังกฤษ",
    fix_en="Delete the stray letters, or put a space between the Thai and the English word.",
)
def u05(text: str, ctx: Context) -> list[Finding]:
    out = []
    for m in _LATIN_RUN.finditer(text):
        s, e = m.start(), m.end()
        before = s > 0 and is_thai_letter(text[s - 1])
        after = e < len(text) and is_thai_letter(text[e])
        if before or after:
            s2, e2 = s - before, e + after
            out.append(Finding("U05", s2, e2, text[s2:e2], None))
    return out


LINE_BREAKS = "\n\r\u2028\u2029\u0085\x0b\x0c"


def _invisible_kind(ch: str) -> str | None:
    """'space' (replace by a space), 'zero' (delete) or None for ordinary characters.

    Invisible are: spaces other than the ordinary one (Zs, tab), format and control characters
    (Cf, Cc), every default-ignorable code point (they render as nothing, whatever their
    category: U+034F, U+17B4, U+115F, U+3164 …), blank letters (U+2800, the Hangul fillers) and
    noncharacters. Line breaks are S03's business."""
    if ch.isprintable() and ch not in PRINTABLE_INVISIBLE:
        return None  # (fast path: most characters)
    if ch == " " or ch in LINE_BREAKS:
        return None
    cat = unicodedata.category(ch)
    if cat == "Zs" or ch == "\t" or ch in BLANK_LETTERS:
        return "space"
    if cat in ("Cf", "Cc") or is_default_ignorable(ch) or is_noncharacter(ch):
        return "zero"
    return None


@rule(
    "U06",
    "error",
    langs=BOTH,
    th=("มีอักขระพิเศษที่มองไม่เห็นปนอยู่ (เช่น ช่องว่างชนิดพิเศษ NBSP, อักขระความกว้างศูนย์, ขีดแบ่งคำที่ซ่อนอยู่, แท็บ หรืออักขระควบคุม)"),
    en=(
        "The text contains an invisible special character (non-breaking space, zero-width space, "
        "soft hyphen, byte-order mark, tab or another control character)."
    ),
    fix_th="ลบอักขระนั้น แล้วพิมพ์ช่องว่างธรรมดา (ปุ่ม Space) ถ้าต้องการเว้นวรรค",
    fix_en="Delete it, and type an ordinary space (the Space bar) if a space is needed.",
    suppressed_by=[inside_when_blank("S02")],
)
def u06(text: str, ctx: Context) -> list[Finding]:
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


@rule(
    "U08",
    "error",
    langs=BOTH,
    th=("มีอักขระเสีย (� หรืออักขระเฉพาะของแบบอักษรใน PDF) ซึ่งจะแสดงเป็นกล่องหรือเครื่องหมายคำถามบนเว็บ"),
    en=(
        "A broken character (� or a private font character from a PDF); it shows as a box or a "
        "question mark on the web."
    ),
    fix_th="พิมพ์ตัวอักษรนั้นใหม่โดยดูจากเอกสารต้นฉบับ",
    fix_en="Retype the character, looking at the original document.",
)
def u08(text: str, ctx: Context) -> list[Finding]:
    out = []
    for i, ch in enumerate(text):
        if ch == "\ufffd" or unicodedata.category(ch) == "Co":
            out.append(Finding("U08", i, i + 1, ch, None))
    return out


_U07 = re.compile(f"[{TONES}]{{2,}}|([{ABOVE_BELOW}\u0e4c-\u0e4e])\\1+")


@rule(
    "U07",
    "error",
    langs=TH,
    th="พิมพ์สระหรือวรรณยุกต์ซ้ำกัน หรือมีวรรณยุกต์สองตัวซ้อนกัน (เช่น “ที่่”)",
    en="A vowel or tone mark is typed twice, or two tone marks are stacked (e.g. “ที่่”).",
    fix_th="ลบตัวที่เกินออกให้เหลือตัวเดียว",
    fix_en="Delete the extra mark so that only one is left.",
)
def u07(text: str, ctx: Context) -> list[Finding]:
    out = []
    for m in _U07.finditer(text):
        s = m.group()
        out.append(Finding("U07", m.start(), m.end(), s, s[0] if len(set(s)) == 1 else None))
    return out
