"""E01: Thai script inside an English text (warning); words of the allow-list may stay."""

from __future__ import annotations

import re

from .chars import THAI_ANY
from .dictionary import allow_spans
from .registry import EN, Context, Finding, rule

_THAI_SCRIPT_RUN = re.compile(f"[{THAI_ANY}]+(?:[ .][{THAI_ANY}]+)*")


@rule(
    "E01",
    "warning",
    langs=EN,
    th="มีอักษรไทยอยู่ในข้อความภาษาอังกฤษ",
    en="Thai script inside the English text.",
    fix_th=("แปลหรือเขียนเป็นอักษรโรมัน ถ้าจำเป็นต้องคงไว้เป็นภาษาไทย (เช่น ชื่อเฉพาะ) ให้เพิ่มคำนั้นในไฟล์ data/thai-allowlist.txt"),
    fix_en=(
        "Translate or romanise it. If it must stay in Thai (e.g. a proper name), add the word to "
        "data/thai-allowlist.txt."
    ),
)
def e01(text: str, ctx: Context) -> list[Finding]:
    allowed = allow_spans(text, ctx.allow)
    out = []
    for m in _THAI_SCRIPT_RUN.finditer(text):
        s, e = m.start(), m.end()
        covered = [(a, b) for a, b in allowed if a < e and s < b]
        chars = [i for i in range(s, e) if not text[i].isspace() and not any(a <= i < b for a, b in covered)]
        if chars:
            out.append(Finding("E01", s, e, m.group(), None))
    return out
