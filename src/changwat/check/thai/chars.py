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
    return bool(ch) and (
        "\u0e01" <= ch <= "\u0e2e"
        or "\u0e30" <= ch <= "\u0e3a"
        or "\u0e40" <= ch <= "\u0e45"
        or "\u0e47" <= ch <= "\u0e4e"
    )


# Default_Ignorable_Code_Point: characters that render as nothing. Python's unicodedata does not
# have the property, so this is the table of DerivedCoreProperties.txt of Unicode 15.0.0 (Debian
# bookworm's unicode-data 15.0.0-1, /usr/share/unicode/DerivedCoreProperties.txt), copied by
#   grep '^[0-9A-F].*; Default_Ignorable_Code_Point' DerivedCoreProperties.txt
# The property is stable: later versions of Unicode have the same ranges.
DEFAULT_IGNORABLE: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180D),
    (0x180E, 0x180E),
    (0x180F, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2065, 0x2065),
    (0x2066, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0000),
    (0xE0001, 0xE0001),
    (0xE0002, 0xE001F),
    (0xE0020, 0xE007F),
    (0xE0080, 0xE00FF),
    (0xE0100, 0xE01EF),
    (0xE01F0, 0xE0FFF),
)

# Not default-ignorable, but shown as an empty cell the width of a letter.
BLANK_LETTERS = frozenset("\u2800\u3164\uffa0\u115f\u1160")  # braille blank, Hangul fillers


def is_default_ignorable(ch: str) -> bool:
    c = ord(ch)
    return any(a <= c <= b for a, b in DEFAULT_IGNORABLE)


def is_noncharacter(ch: str) -> bool:
    """U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+10FFFF, …)."""
    c = ord(ch)
    return 0xFDD0 <= c <= 0xFDEF or (c & 0xFFFE) == 0xFFFE


# The characters that are printable (str.isprintable) yet render as nothing or as a blank.
PRINTABLE_INVISIBLE = (
    frozenset(chr(c) for a, b in DEFAULT_IGNORABLE for c in range(a, b + 1) if chr(c).isprintable()) | BLANK_LETTERS
)
