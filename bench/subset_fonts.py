"""Subset the vendored Sarabun faces to the characters the site uses; the output is committed.

    make bench-deps                            # once: @fontsource/sarabun 5.3.0 into bench/node_modules
    .venv/bin/python bench/subset_fonts.py     # rewrites templates/theme/assets/fonts/sarabun-*.woff2 and
                                               # the unicode-range of their @font-face rules in changwat.css

Why committed and not at build time: the build must stay fast (bench/run.py's budget) and must not need
fonttools; the subsets change only when the site starts using a new character, which
tests/test_speed_budget.py notices (it fails, naming the characters and this script).

What is kept
  Thai faces   the whole Thai block the source has (any Thai text an office writes is drawn in Sarabun),
               the zero-width (non-)joiner and the dotted circle that Thai shaping uses, and what Thai
               text holds besides Thai letters (digits, spaces, common punctuation), taken from the
               Latin face of the same weight: Thai text, bold included, needs no Latin face. They are
               the family "Sarabun Thai", first on Thai pages; "Sarabun" (the Latin faces) is first on
               English pages (changwat.css), so each page's digits and spaces come from its own faces
  Latin faces  printable ASCII, and every other character in U+0080–U+024F, U+2000–U+2BFF that the data,
               the page templates, stylesheets and scripts, the UI strings or Material's Thai and English strings contain
Each @font-face's unicode-range is rewritten to exactly what its subset maps, so a character outside
falls back to the next font in the stack instead of being drawn as a box. Hinting is dropped (the
pages are read on phones, where it is not used); layout features are kept (Thai mark positioning).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "bench" / "node_modules" / "@fontsource" / "sarabun" / "files"
FONTS = ROOT / "templates" / "theme" / "assets" / "fonts"
CSS = ROOT / "templates" / "theme" / "assets" / "stylesheets" / "changwat.css"

THAI = set(range(0x0E01, 0x0E5C)) | {0x200C, 0x200D, 0x25CC}
# in Thai text besides Thai letters: digits, spaces, punctuation, the headings' permalink ¶ (from the
# Latin face of the weight)
THAI_SHARED = {ord(c) for c in "0123456789 .,:;!?()[]/-%'\"+=&"} | {
    0xA0,
    0xB6,
    0x2013,
    0x2014,
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x2026,
}
LATIN_ALWAYS = set(range(0x20, 0x7F)) | {0xA0}
LATIN_SCAN = [range(0x80, 0x250), range(0x2000, 0x2C00)]


def texts() -> list[Path]:
    import material

    theme = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return [
        *sorted((ROOT / "data").rglob("*.yaml")),
        *sorted((ROOT / "data").rglob("*.txt")),
        *sorted((ROOT / "data").rglob("*.csv")),  # the registry and DOPA's district names
        ROOT / "src" / "changwat" / "model" / "dopa.py",  # the credit pages print
        *sorted(p for p in (ROOT / "templates").rglob("*") if p.suffix in (".html", ".j2", ".md", ".css", ".js")),
        *sorted((ROOT / "src" / "changwat").rglob("*.yaml")),
        *sorted((ROOT / "src" / "changwat" / "build").rglob("*.py")),
        theme / "th.html",
        theme / "en.html",
    ]


def used_characters() -> set[int]:
    chars: set[int] = set()
    for path in texts():
        text = path.read_text(encoding="utf-8")
        chars.update(map(ord, text))
        if path.suffix in (".py", ".js"):  # "\u00b7" in code is a character of the pages too
            chars.update(int(h, 16) for h in re.findall(r"\\u([0-9a-fA-F]{4})", text))
    return chars


def unicode_range(points: set[int]) -> str:
    """Runs of code points; a gap of unassigned code points (U+0E3B–0E3E in the Thai block) does not
    split a run: no text can contain them."""
    runs: list[list[int]] = []
    for c in sorted(points):
        if runs and all(unicodedata.category(chr(g)) == "Cn" for g in range(runs[-1][1] + 1, c)):
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in runs)


def merged(names: list[str]) -> TTFont:
    """The fontsource faces ``names`` (one family and weight) merged into one font."""
    import tempfile

    from fontTools.merge import Merger

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name in names:
            face = TTFont(SOURCE / name, recalcTimestamp=False)
            face.flavor = None
            paths.append(f"{tmp}/{name}.ttf")
            face.save(paths[-1])
        Merger().merge(paths).save(f"{tmp}/merged.ttf")
        return TTFont(f"{tmp}/merged.ttf", recalcTimestamp=False)


def make(name: str, wanted: set[int], also: str | None = None) -> set[int]:
    """The subset of the fontsource face ``name`` (merged with the face ``also``) that maps ``wanted``."""
    source = SOURCE / name
    # the same output for the same input (committed files)
    font = merged([name, also]) if also else TTFont(source, recalcTimestamp=False)
    keep = wanted & set(font.getBestCmap())
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.hinting = False
    options.name_IDs = ["*"]  # keep the copyright and licence names (OFL)
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=keep)
    sub.subset(font)
    out = FONTS / name
    font.flavor = "woff2"
    font.save(out)
    print(f"{name}: {source.stat().st_size} → {out.stat().st_size} bytes, {len(keep)} characters")
    return keep


def main() -> int:
    if not SOURCE.is_dir():
        raise SystemExit(f"{SOURCE} is missing: run `make bench-deps`")
    used = used_characters()
    latin = LATIN_ALWAYS | {c for c in used if any(c in r for r in LATIN_SCAN)}
    css = CSS.read_text(encoding="utf-8")
    for script, wanted in (("thai", THAI | THAI_SHARED), ("latin", latin)):
        for weight in (400, 700):
            name = f"sarabun-{script}-{weight}-normal.woff2"
            kept = make(name, wanted, f"sarabun-latin-{weight}-normal.woff2" if script == "thai" else None)
            rule = re.compile(
                r'(src: url\("\.\./fonts/' + re.escape(name) + r'"\) format\("woff2"\);\s*unicode-range:)[^;]*;'
            )
            css, n = rule.subn(lambda m: f"{m.group(1)} {unicode_range(kept)};", css)
            if n != 1:
                raise SystemExit(f"{CSS}: no @font-face rule for {name}")
    CSS.write_text(css, encoding="utf-8")
    print(f"{CSS.relative_to(ROOT)}: unicode-range rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
