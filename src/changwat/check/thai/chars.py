"""Character classes of the Thai block (U+0E00–U+0E7F) shared by the rules."""

from __future__ import annotations

CONS = "\u0e01-\u0e2e"  # ก–ฮ (includes ฤ ฦ)
TONES = "\u0e48-\u0e4b"  # ่ ้ ๊ ๋
ABOVE_BELOW = "\u0e31\u0e34-\u0e3a\u0e47"  # ั ิ ี ึ ื ุ ู ฺ ็
MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # every combining mark
DEPENDENT = "\u0e30-\u0e3a\u0e45\u0e47-\u0e4e"  # vowels/marks that need a consonant before them
LETTERS = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"  # letters of a Thai word
THAI_ANY = "\u0e01-\u0e5b"
DIGITS = "0-9\u0e50-\u0e59"

SARA_AM = "\u0e33"
SARA_AA = "\u0e32"


def is_thai_letter(ch: str) -> bool:
    return bool(ch) and ("\u0e01" <= ch <= "\u0e2e" or "\u0e30" <= ch <= "\u0e3a"
                         or "\u0e40" <= ch <= "\u0e45" or "\u0e47" <= ch <= "\u0e4e")
