"""The Thai text lint (changwat.thai), tested on the real defects of the seed texts.

``shared/reference/seed-defects.csv`` lists 150 defects found in five texts copied from provincial
office web pages and PDFs, each with its correction. For every class a rule can catch, the
original must be flagged with that rule and the correction must not be. Then the corrected seed
texts as a whole must come out clean: no false positives on real, correct Thai.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

from changwat.check.thai import RULES, RULES_BY_LANG, Finding, lint, load_allowlist
from changwat.problems import display_width
from conftest import PROJECT, REFERENCE, needs_reference

REF = REFERENCE
needs_ref = needs_reference(REF / "seed-defects.csv", REF / "seeds")

ALLOWLIST_PATH = PROJECT.allowlist
ALLOW = load_allowlist(ALLOWLIST_PATH)


def _rows() -> list[dict[str, str]]:
    if not (REF / "seed-defects.csv").exists():
        return []
    with (REF / "seed-defects.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _seeds() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((REF / "seeds").glob("*.txt"))}


ROWS = _rows()


def rows(prefix: str) -> list[dict[str, str]]:
    return [r for r in ROWS if r["cls"].startswith(prefix)]


def rid(r: dict[str, str]) -> str:
    return f"{r['seed']}:{r['line']}:{r['original'][:16]}"


def codes(text: str, lang: str = "th") -> set[str]:
    return {f.code for f in lint(text, lang, ALLOW)}


def of(code: str, text: str, lang: str = "th") -> list[Finding]:
    return [f for f in lint(text, lang, ALLOW) if f.code == code]


def apply(text: str, findings: list[Finding]) -> str:
    """Apply the suggestions of non-overlapping findings."""
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        assert f.suggestion is not None, f
        text = text[: f.start] + f.suggestion + text[f.end :]
    return text


# Independent of the lint: what a list marker at the start of a line looks like in the seeds.
MARKER = re.compile(
    r"^(?:[-–•*]\s*|\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\)\s*|[0-9๐-๙]+(?:\.[0-9๐-๙]+)+\.?\s+"
    r"|[0-9๐-๙]+\.\s*)"
)


def normalise_space(line: str) -> str:
    """The mechanical whitespace clean-up of an import (the CSV lists text defects, not spacing)."""
    return re.sub(" +", " ", line.replace("\xa0", " ")).strip()


# ---------------------------------------------------------------------------------------------
# Every defect class of the CSV is either caught by a rule or explained here.

CAUGHT = {
    "C01": "U01",
    "C02": "U02",
    "C03": "U03",
    "C04": "U04 (D01 when no repair is found)",
    "C05": "D01, for misspellings that are not words",
    "C07": "U05",
    "C08": "S08",
    "C10": "S03",
    "C11": "—",
    "C12": "S06 / S07, where a bracket or number is glued",
    "C14 markdown": "U14",
    "C17": "S05",
    "C19": "S04",
}
NOT_A_TEXT_RULE = {
    # A wrong, omitted or garbled word that is itself a real word (การบริหารการ for การบริหารราชการ,
    # ร่วมกัน for ร่วมกับ): only a person, or a comparison with the other copies, finds these.
    "C06": "wrong or missing real words",
    # Merged paragraphs or list items: each piece is well-formed text.
    "C09": "merged paragraphs",
    # A hyphen or an en dash inside a text (รับเรื่อง - ส่งต่อ) is legitimate either way; choosing
    # one is a house-style decision for the content, not a per-text error.
    "C14 dash": "hyphen vs en dash",
    # A heading with nothing under it: the schema's min_items rule, not a text rule.
    "C16": "empty section",
}


@needs_ref
def test_every_defect_class_is_accounted_for() -> None:
    assert len(ROWS) == 150
    for r in ROWS:
        cls = r["cls"]
        key = cls[:3]
        if key == "C14":
            key = "C14 markdown" if "markdown" in cls else "C14 dash"
        assert key in CAUGHT or key in NOT_A_TEXT_RULE, cls


# ---------------------------------------------------------------------------------------------
# Rule by rule on the real defects


@needs_ref
@pytest.mark.parametrize("row", rows("C01"), ids=rid)
def test_c01_nikhahit_sara_aa_is_u01(row: dict[str, str]) -> None:
    found = of("U01", row["original"])
    assert found
    assert apply(row["original"], found) == row["corrected"]
    assert not of("U01", row["corrected"])


@needs_ref
@pytest.mark.parametrize("row", rows("C02"), ids=rid)
def test_c02_split_sara_am_is_u02(row: dict[str, str]) -> None:
    found = of("U02", row["original"])
    assert found and all(f.found == " า" and f.suggestion == "ำ" for f in found)
    assert apply(row["original"], found) == row["corrected"]
    assert not of("U02", row["corrected"])


@needs_ref
@pytest.mark.parametrize("row", rows("C03"), ids=rid)
def test_c03_tone_before_vowel_is_u03(row: dict[str, str]) -> None:
    found = of("U03", row["original"])
    assert found
    assert apply(row["original"], found) == row["corrected"]
    assert not of("U03", row["corrected"])


@needs_ref
@pytest.mark.parametrize("row", rows("C04"), ids=rid)
def test_c04_pdf_mojibake_is_u04(row: dict[str, str]) -> None:
    found = of("U04", row["original"])
    assert found, lint(row["original"], "th", ALLOW)
    fixed = apply(row["original"], found)
    if "พันธะกิจ" in row["note"] + row["original"]:
        # the heading also misspells พันธกิจ (a separate C05 row, two real words: not caught)
        fixed = fixed.replace("พันธะกิจ", "พันธกิจ")
    assert fixed == row["corrected"]
    assert not {"U04", "D01", "U02"} & codes(row["corrected"])


# Misspellings: the dictionary check catches the ones that are not words.
C05_CAUGHT = {"สารสนทศ": "สารสนเทศ", "เรื่องกฏ ระเบียบ": None}
C05_NOT_CAUGHT = {
    "ทีเกี่ยวข้อง": "ที (a turn) is a word: ที|เกี่ยวข้อง",
    "แพลนยุทธศาสตร์": "แพลน (plan) is in the dictionary",
    "ประเทศไทยในสะอาด": "ใน is a word, and the right ใสสะอาด is not in the dictionary either",
    "พันธะกิจ": "พันธะ|กิจ are both words",
}


@needs_ref
@pytest.mark.parametrize("row", rows("C05"), ids=rid)
def test_c05_misspelling_is_d01_when_not_a_word(row: dict[str, str]) -> None:
    original = row["original"]
    assert original in C05_CAUGHT or original in C05_NOT_CAUGHT
    d01 = of("D01", original)
    if original in C05_NOT_CAUGHT:
        assert not d01, "now caught: move it to C05_CAUGHT"
        return
    assert d01
    if C05_CAUGHT[original]:
        assert apply(original, d01) == row["corrected"]
    assert not of("D01", row["corrected"])


@needs_ref
@pytest.mark.parametrize("row", rows("C07"), ids=rid)
def test_c07_latin_in_thai_is_u05(row: dict[str, str]) -> None:
    assert [f.found for f in of("U05", row["original"])] == ["คandidate"]
    assert not of("U05", row["corrected"])


@needs_ref
@pytest.mark.parametrize("row", rows("C08"), ids=rid)
def test_c08_duplicated_clause_is_s08(row: dict[str, str]) -> None:
    found = of("S08", row["original"])
    assert found
    assert apply(row["original"], found) == row["corrected"]
    assert not of("S08", row["corrected"])


@needs_ref
@pytest.mark.parametrize("row", rows("C10"), ids=rid)
def test_c10_hard_line_break_is_s03(row: dict[str, str]) -> None:
    broken = row["original"].replace("⏎", "\n")
    assert [f.found for f in of("S03", broken)] == ["\n"]
    assert [f.found for f in of("S03", broken, "en")] == ["\n"]
    assert not of("S03", row["original"].replace("⏎", ""))


# Missing spaces: only a glued number or closing bracket is detectable. Between two Thai
# phrases (แผนพัฒนาจังหวัดรวมทั้ง) there is no visible boundary: Thai writes words without spaces.
C12_CAUGHT = {"49จังหวัด": "S07", "(Specialization)ยึดหลัก": "S06"}


@needs_ref
@pytest.mark.parametrize("row", rows("C12"), ids=rid)
def test_c12_missing_space(row: dict[str, str]) -> None:
    code = C12_CAUGHT.get(row["original"])
    if code is None:
        assert not codes(row["original"]) & {"S06", "S07"}
        return
    found = of(code, row["original"])
    assert found
    assert apply(row["original"], found) == row["corrected"]
    assert not of(code, row["corrected"])


# Stray spaces (C11): "ผู้ว่าราชการ จังหวัด", "สุราษฎร์ ธานี". Each side is a dictionary word and
# Thai separates phrases with spaces, so a space between two words is not wrong in itself (the
# legal phrase "กระทรวง ทบวง กรม" is written with spaces although ทบวงกรม is also a word). No rule;
# the corrected texts are part of the no-false-positive test below.


@needs_ref
@pytest.mark.parametrize("row", [r for r in rows("C14") if "markdown" in r["cls"]], ids=rid)
def test_c14_markdown_residue_is_u14(row: dict[str, str]) -> None:
    line = _seeds()[row["seed"]].split("\n")[int(row["line"]) - 1]
    text = MARKER.sub("", normalise_space(line))
    found = of("U14", text)
    assert [f.found[:2] + f.found[-2:] for f in found] == ["****"]
    fixed = apply(text, found)
    assert "**" not in fixed and not of("U14", fixed)


@needs_ref
@pytest.mark.parametrize("row", rows("C17"), ids=rid)
def test_c17_mai_yamok_glued_is_s05(row: dict[str, str]) -> None:
    found = of("S05", row["original"])
    assert found and RULES["S05"].severity == "warning"
    assert apply(row["original"], found) == row["corrected"]
    assert not of("S05", row["corrected"])


@needs_ref
@pytest.mark.parametrize("row", rows("C19"), ids=rid)
def test_c19_space_before_closing_bracket_is_s04(row: dict[str, str]) -> None:
    found = of("S04", row["original"])
    assert found
    assert apply(row["original"], found) == row["corrected"]
    assert not of("S04", row["corrected"])


# ---------------------------------------------------------------------------------------------
# The raw seed lines: whitespace rules and list markers on real data


def raw_lines() -> list[tuple[str, int, str]]:
    return [(seed, i, line) for seed, text in _seeds().items() for i, line in enumerate(text.split("\n"), 1) if line]


@needs_ref
def test_findings_are_well_formed_on_raw_seeds() -> None:
    for seed, i, line in raw_lines():
        found = lint(line, "th", ALLOW)
        assert found == sorted(found, key=lambda f: (f.start, f.end, f.code))
        for f in found:
            assert f.code in RULES
            assert 0 <= f.start < f.end <= len(line), (seed, i, f)
            assert line[f.start : f.end] == f.found, (seed, i, f)


@needs_ref
def test_rules_run_only_for_their_language() -> None:
    for seed, i, line in raw_lines():
        for lang in ("th", "en"):
            assert {f.code for f in lint(line, lang)} <= RULES_BY_LANG[lang], (seed, i, lang)


@needs_ref
def test_whitespace_rules_on_raw_seeds() -> None:
    """U06/S01/S02 fire exactly on the lines that have NBSP, doubled spaces or edge spaces."""
    nbsp = doubled = edges = 0
    for seed, i, line in raw_lines():
        got = codes(line)
        # an NBSP inside the text is U06; at the start or end it is part of S02's whitespace
        assert ("U06" in got) == ("\xa0" in line.strip()), (seed, i)
        assert ("S01" in got) == ("  " in line.strip()), (seed, i)
        assert ("S02" in got) == (line != line.strip()), (seed, i)
        nbsp += "U06" in got
        doubled += "S01" in got
        edges += "S02" in got
    assert nbsp and doubled and edges


@needs_ref
def test_u13_list_markers_on_raw_seeds() -> None:
    """Every seed line that starts with a list marker (1)  ๑.  (๑.)  ๒.๑  -  –) is flagged, no other."""
    flagged = 0
    for seed, i, line in raw_lines():
        text = normalise_space(line)
        m = MARKER.match(text)
        found = of("U13", text)
        if m:
            assert [f.found for f in found] == [m.group()], (seed, i, text)
            assert not of("U13", apply(text, found))
            flagged += 1
        else:
            assert not found, (seed, i, text)
    assert flagged == 196  # the count in NOTES §3


# ---------------------------------------------------------------------------------------------
# No false positives: the corrected seed texts


def corrected_seed(seed: str, text: str) -> str:
    """Apply every correction of the CSV to one seed text."""
    todo = [r for r in ROWS if r["seed"] == seed]
    # line joins first (their originals show the uncorrected text), then the longest originals
    for r in [r for r in todo if r["cls"].startswith("C10")]:
        left, right = (part.strip() for part in r["original"].split("⏎"))
        text, n = re.subn(re.escape(left) + r"[ \t]*\n[ \t]*" + re.escape(right), left + right, text)
        assert n == 1, r
    applied: set[str] = set()
    for r in sorted((r for r in todo if not r["cls"].startswith("C10")), key=lambda r: -len(r["original"])):
        original, corrected = r["original"], r["corrected"]
        if r["cls"].startswith("C14"):
            if "markdown" in r["cls"]:
                text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
            continue  # a dash: either is fine
        if original in text:
            text = text.replace(original, corrected)
            applied.add(original)
        else:
            # the same defect listed for each copy, or inside a longer entry already applied
            assert original in applied or "overlapping" in r["note"], r
    return text


def corrected_lines() -> list[tuple[str, int, str]]:
    out = []
    for seed, text in _seeds().items():
        for i, line in enumerate(corrected_seed(seed, text).split("\n"), 1):
            line = MARKER.sub("", normalise_space(line))
            if line:
                out.append((seed, i, line))
    return out


@needs_ref
def test_no_findings_on_the_corrected_seeds() -> None:
    lines = corrected_lines()
    assert len(lines) > 200
    for seed, i, line in lines:
        assert lint(line, "th", ALLOW) == [], (seed, i, line)


@needs_ref
def test_without_the_allowlist_only_proper_names_are_unknown() -> None:
    unknown = set()
    for seed, i, line in corrected_lines():
        for f in lint(line, "th"):
            assert f.code == "D01", (seed, i, f)
            unknown.add(f.found)
    assert unknown == {"อินทศร"}  # the surname in 003 line 1 (นายอนุชา อินทศร)
    assert unknown <= ALLOW


# ---------------------------------------------------------------------------------------------
# Each rule on small examples: what it catches and what it must leave alone

FLAGGED = [
    # (text, lang, code, found, suggestion)
    ("อํานาจ", "th", "U01", "ํา", "ำ"),
    ("น้ํา", "th", "U01", "้ํา", "้ำ"),
    ("ส านักงาน", "th", "U02", " า", "ำ"),
    ("ส ำนักงาน", "th", "U02", " ำ", "ำ"),
    ("ั้นตอน", "th", "U02", "ั", None),
    ("ช้ัน", "th", "U03", "้ั", "ั้"),
    ("นำ้", "th", "U03", "ำ้", "้ำ"),
    ("ส ำนกังำนจงัหวัด", "th", "U04", "ส ำนกังำนจงัหวัด", "สำนักงานจังหวัด"),
    ("ระเบียบที่ครบถว้น", "th", "U04", "ครบถว้น", "ครบถ้วน"),
    ("คandidate", "th", "U05", "คandidate", None),
    ("สำนักงานABC", "th", "U05", "นABC", None),
    ("สำนักงาน\xa0จังหวัด", "th", "U06", "\xa0", " "),
    ("สำนักงาน\u200bจังหวัด", "th", "U06", "\u200b", ""),
    ("สำนัก\u00adงาน", "th", "U06", "\u00ad", ""),
    ("สำนักงาน\u2060จังหวัด", "th", "U06", "\u2060", ""),
    ("Office\ttext", "en", "U06", "\t", " "),
    ("\ufeffสำนักงาน", "th", "U06", "\ufeff", ""),
    ("ที่่", "th", "U07", "่่", "่"),
    ("สำนัก\ufffdงาน", "th", "U08", "\ufffd", None),
    ("สำนัก\uf70aงาน", "th", "U08", "\uf70a", None),
    ("1) แปลงยุทธศาสตร์", "th", "U13", "1) ", ""),
    ("1. แปลงยุทธศาสตร์", "th", "U13", "1. ", ""),
    ("(1) แปลงยุทธศาสตร์", "th", "U13", "(1) ", ""),
    ("(๑) นำภารกิจ", "th", "U13", "(๑) ", ""),
    ("(๑.) สำนักงานจังหวัด", "th", "U13", "(๑.) ", ""),
    ("๑. เพื่อตรวจสอบ", "th", "U13", "๑. ", ""),
    ("๒.๑ เพื่อเป็นศูนย์กลาง", "th", "U13", "๒.๑ ", ""),
    ("2.1 เพื่อเป็นศูนย์กลาง", "th", "U13", "2.1 ", ""),
    ("1.2.3 เพื่อ", "th", "U13", "1.2.3 ", ""),
    ("- งานตรวจราชการ", "th", "U13", "- ", ""),
    ("-ผู้ตรวจสอบภายใน", "th", "U13", "-", ""),
    ("– งานตรวจราชการ", "th", "U13", "– ", ""),
    ("• งานตรวจราชการ", "th", "U13", "• ", ""),
    ("* งานตรวจราชการ", "th", "U13", "* ", ""),
    ("ก. เพื่อตรวจสอบ", "th", "U13", "ก. ", ""),
    ("(ก) เพื่อตรวจสอบ", "th", "U13", "(ก) ", ""),
    ("1. Translate the plan", "en", "U13", "1. ", ""),
    ("(a) the plan", "en", "U13", "(a) ", ""),
    ("**กลุ่มงานอำนวยการ** มีภารกิจ", "th", "U14", "**กลุ่มงานอำนวยการ**", "กลุ่มงานอำนวยการ"),
    ("ข้อความ<br>ต่อ", "th", "U14", "<br>", None),
    ("ก&nbsp;ข", "th", "U14", "&nbsp;", " "),
    ("a [link](https://x.y) b", "en", "U14", "[link](https://x.y)", None),
    ("สำนักงาน  จังหวัด", "th", "S01", "  ", " "),
    ("Provincial  Office", "en", "S01", "  ", " "),
    (" สำนักงาน", "th", "S02", " ", ""),
    ("สำนักงาน ", "th", "S02", " ", ""),
    ("Office\n", "en", "S02", "\n", ""),
    ("สำนักงาน\nจังหวัด", "th", "S03", "\n", None),
    ("Provincial\r\nOffice", "en", "S03", "\r\n", " "),
    ("(Back Office )", "en", "S04", " ", ""),
    ("( Back Office)", "en", "S04", " ", ""),
    ("“รับผิดชอบ ”", "th", "S04", " ", ""),
    ("ต่างๆ", "th", "S05", "งๆ", "ง ๆ"),
    ("ต่าง ๆกัน", "th", "S05", "ๆก", "ๆ ก"),
    ("(Specialization)ยึดหลัก", "th", "S06", ")ย", ") ย"),
    ("49จังหวัด", "th", "S07", "9จ", "9 จ"),
    ("ฉบับที่๗", "th", "S07", "่๗", "่ ๗"),
    ("งาน ที่ ที่ สำคัญ", "th", "S08", " ที่", ""),
    ("สารสนทศของจังหวัด", "th", "D01", "สารสนทศ", "สารสนเทศ"),
    ("อนุชา อินทศร", "th", "D01", "อินทศร", None),
    ("งาน พ.ร. ระเบียบ", "th", "D01", "พ.ร.", None),
    ("Office of สำนักงาน", "en", "E01", "สำนักงาน", None),
]


@pytest.mark.parametrize(
    ("text", "lang", "code", "found", "suggestion"), FLAGGED, ids=[f[2] + ":" + repr(f[0][:12]) for f in FLAGGED]
)
def test_rule_flags(text: str, lang: str, code: str, found: str, suggestion: str | None) -> None:
    allow = ALLOW - {"อินทศร"} if code == "D01" else ALLOW
    hits = [f for f in lint(text, lang, allow) if f.code == code]
    assert [(f.found, f.suggestion) for f in hits] == [(found, suggestion)], lint(text, lang, allow)


CLEAN_TH = [
    "สำนักงานจังหวัดอ่างทอง",
    "น้ำท่วมเมื่อปี พ.ศ. 2554 ทำให้เกิดความเสียหาย",
    "เกาะสมุยเป็นแหล่งท่องเที่ยว เพราะทะเลสวย",  # ะ after า (เกาะ, เพราะ)
    "ฤๅษี",  # ๅ after ฤ
    "ชั้น ทั้ง เกี่ยวข้อง น้ำ",
    "ก.พ. กำหนดหลักเกณฑ์",  # an abbreviation at the start is not a list marker
    "อ.ก.พ.จังหวัด และ ก.ธ.จ.",
    "5 จังหวัด ได้แก่ ชลบุรี ระยอง",  # a number and a word is not a list marker
    "2516 คณะรัฐมนตรีมีมติ",
    "2.5 ล้านบาท",  # a decimal is not item 2.5
    "-5 องศาเซลเซียส",
    "(ฉบับที่ ๗) พ.ศ. ๒๕๕๐",
    "มาตรา ๕๒/๑ แห่ง พ.ร.บ.ระเบียบบริหารราชการแผ่นดิน",
    "ม.๓/๑ พ.ร.บ. ระเบียบบริหารราชการแผ่นดิน",
    "“มาตรา ๕๒/๑ ให้จังหวัดมีอำนาจ”",
    "ทุก ๆ 5 ปี",
    "ส่วนต่าง ๆ ซึ่งกระทรวง ทบวง กรม ได้ตั้งขึ้น",
    "งานบริการเบ็ดเสร็จ ณ จุดเดียว (One Stop Service : OSS)",
    "ดูข้อมูลที่ https://www.moi.go.th หรืออีเมล saraban@moi.go.th",
    "e-Service ของจังหวัด",
    "กระทรวงมหาดไทย ฯลฯ",
    "นายอนุชา อินทศร",  # in the allow-list
]
CLEAN_EN = [
    "Ang Thong Provincial Office",
    "State Administration Act, B.E. 2534 (1991)",
    "Section 52/1 of the Act (No. 7), B.E. 2550 (2007)",
    "2.5 million baht was spent",
    "the “Damrongdhama Center”",
    "Governor’s office",
]


@pytest.mark.parametrize("text", CLEAN_TH)
def test_clean_thai(text: str) -> None:
    assert lint(text, "th", ALLOW) == []


@pytest.mark.parametrize("text", CLEAN_EN)
def test_clean_english(text: str) -> None:
    assert lint(text, "en", ALLOW) == []


def test_language_split() -> None:
    """Thai-specific rules only on Thai texts; E01 only on English texts."""
    assert codes("อํานาจ คandidate", "en") == {"E01"}
    assert "E01" not in codes("สำนักงาน", "th")
    assert codes("1) Office ", "en") == {"U13", "S02"}
    with pytest.raises(ValueError):
        lint("x", "fr")


def test_e01_respects_the_allowlist() -> None:
    assert lint("Mr Anucha อินทศร", "en", ALLOW) == []
    assert [f.found for f in lint("Mr Anucha อินทศร", "en")] == ["อินทศร"]


def test_allow_accepts_any_iterable_and_empty_text() -> None:
    assert lint("อินทศร", "th", {"อินทศร"}) == []  # type: ignore[arg-type]
    assert lint("") == []
    assert [f.code for f in lint("   ")] == ["S02"]


def test_one_problem_is_reported_once() -> None:
    # the split ำ inside the mojibake heading is part of U04, not a second U02
    assert codes("ส ำนกังำนจงัหวัด") == {"U04"}
    # a word with an encoding error is not also reported as unknown
    assert codes("และสนับสนุนงานอนัเป็นอ านาจหน้าที่") == {"U02", "U04"}
    assert codes("ในตัวบุคคลแต่ยึดต าแหน่งเป็นหลัก") == {"U02"}


# ---------------------------------------------------------------------------------------------
# Rule table


def test_rules_table() -> None:
    expected = {
        "U01": "error",
        "U02": "error",
        "U03": "error",
        "U04": "error",
        "U05": "error",
        "U06": "error",
        "U07": "error",
        "U08": "error",
        "U13": "error",
        "U14": "error",
        "S01": "error",
        "S02": "error",
        "S03": "error",
        "S04": "warning",
        "S05": "warning",
        "S06": "warning",
        "S07": "warning",
        "S08": "warning",
        "D01": "warning",
        "D02": "warning",
        "E01": "warning",
    }
    assert {c: r.severity for c, r in RULES.items()} == expected
    assert RULES_BY_LANG["th"] | RULES_BY_LANG["en"] == set(RULES)
    assert RULES_BY_LANG["th"] & RULES_BY_LANG["en"] == {
        "U06",
        "U08",
        "U13",
        "U14",
        "S01",
        "S02",
        "S03",
        "S04",
        "S06",
        "S08",
    }
    for code, rule in RULES.items():
        assert rule.code == code
        assert rule.th and rule.en and rule.fix_th and rule.fix_en
        assert any("\u0e01" <= ch <= "\u0e5b" for ch in rule.th + rule.fix_th)
        # the messages themselves are clean Thai (quoted examples of the defect aside)
        assert not {"U06", "S01", "S02", "S03"} & codes(rule.th)


# ---------------------------------------------------------------------------------------------
# display_width and the allow-list file


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("", 0),
        ("abc", 3),
        ("สำนักงาน", 7),  # ส ำ น ั ก ง า น: ั is a combining mark (0), ำ takes a column
        ("ที่", 1),  # ท + ี + ่
        ("ชั้น", 2),
        ("น้ำ", 2),
        ("a\u200bb", 2),  # zero-width space
        ("\u00adx", 1),  # soft hyphen
        ("漢字", 4),  # wide
        ("ＡＢ", 4),  # fullwidth
        ("e\u0301", 1),  # combining acute
    ],
)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


def test_display_width_counts_every_thai_mark_as_zero() -> None:
    marks = [chr(c) for c in range(0x0E00, 0x0E80) if unicodedata.category(chr(c)) == "Mn"]
    assert len(marks) >= 16
    assert display_width("ก" + "".join(marks)) == 1


def test_load_allowlist(tmp_path: Path) -> None:
    path = tmp_path / "allow.txt"
    path.write_text("\ufeff# a comment\n\nอินทศร\n  อนุชา  # trailing comment\n#อื่น\nสุราษฎร์ธานี\n", encoding="utf-8")
    assert load_allowlist(path) == frozenset({"อินทศร", "อนุชา", "สุราษฎร์ธานี"})
    assert load_allowlist(str(path)) == load_allowlist(path)


def test_committed_allowlist() -> None:
    assert ALLOWLIST_PATH.exists()
    text = ALLOWLIST_PATH.read_text(encoding="utf-8")
    assert text.startswith("#")
    assert "อินทศร" in ALLOW
    for word in ALLOW:
        assert word == word.strip() and " " not in word
        assert not [f for f in lint(word) if RULES[f.code].severity == "error"], word


# ---------------------------------------------------------------------------------------------
# Speed


@needs_ref

# ---------------------------------------------------------------------------------------------
# The rule registry


def test_each_rule_is_declared_once_with_its_check_and_languages() -> None:
    from changwat.check.thai.registry import BOTH, rule

    for code, r in RULES.items():
        assert r.check is not None and r.langs and r.langs <= BOTH, code
        assert {lang for lang in ("th", "en") if code in RULES_BY_LANG[lang]} == set(r.langs)
    with pytest.raises(ValueError, match="declared twice"):
        rule("U01", "error", langs=BOTH, th="ก", en="x", fix_th="ก", fix_en="x")(lambda text, ctx: [])
    assert "U01" in RULES and RULES["U01"].check.__name__ == "u01"


def test_suppressions_are_declared_with_the_rule() -> None:
    # each suppression that used to be an ad-hoc drop in lint() is now part of its rule
    assert {c for c, r in RULES.items() if r.suppressed_by} == {"U02", "U06", "S06", "S07", "D01"}
    assert codes("ส ำนกังำนจงัหวัด") == {"U04"}  # U02 inside U04
    assert codes("(๑)นำ") == {"U13"}  # S06 inside U13
    assert codes(" \u00a0สำนักงาน") == {"S02"}  # blank U06 inside S02


def test_suppression_index() -> None:
    from changwat.check.thai.registry import Index

    idx = Index([Finding("X", 2, 5, "", None), Finding("X", 10, 11, "", None)])
    assert idx.overlaps(4, 6) and idx.overlaps(0, 3) and idx.overlaps(10, 11)
    assert not idx.overlaps(5, 10) and not idx.overlaps(0, 2) and not idx.overlaps(11, 20)
    assert idx.contains(2, 5) and idx.contains(3, 4) and not idx.contains(1, 3) and not idx.contains(4, 6)
    assert not Index([]).overlaps(0, 100)


# ---------------------------------------------------------------------------------------------
# Bounded work (red-team review finding 1) and invisible characters (findings 8, 20)


def _soup(n: int, seed: int = 1) -> str:
    import random

    rnd = random.Random(seed)
    cons = [chr(c) for c in range(0x0E01, 0x0E2F)]
    vow = ["ะ", "า", "ิ", "ี", "ึ", "ื", "ุ", "ู", "เ", "แ", "โ", "ั", "่", "้"]
    return "".join(rnd.choice(cons) + (rnd.choice(vow) if rnd.random() < 0.5 else "") for _ in range(n))[:n]


def test_long_garbled_text_stops_with_a_located_note() -> None:
    from changwat.check.thai import dictionary

    text = _soup(3900)
    found = lint(text, "th", ALLOW)
    d02 = [f for f in found if f.code == "D02"]
    assert len(d02) == 1 and 0 <= d02[0].start < len(text)
    assert text[d02[0].start : d02[0].end] == d02[0].found
    assert found == lint(text + "", "th", ALLOW)  # deterministic (work is counted, not timed)
    # the budget is the same for every run of the text, whatever is cached
    dictionary._CACHE._d.clear()
    from changwat.check.thai.registry import run

    assert list(run(text, "th", ALLOW)) == found


@needs_ref
def test_real_text_never_reaches_the_budget() -> None:
    # whole seed documents, even with every space removed, are checked in full
    for seed, text in _seeds().items():
        for t in (text.replace("\n", " "), text.replace("\n", "").replace(" ", "")):
            assert "D02" not in codes(t[:4000]), seed


def test_u04_in_a_long_run_without_spaces() -> None:
    # only windows around the unknown words are repaired, anywhere in the run
    text = "สำนักงานจังหวัดมีอำนาจหน้าที่" * 6 + "ครบถว้น" + "สำนักงานจังหวัดมีอำนาจหน้าที่" * 6
    hits = of("U04", text)
    assert [(f.found, f.suggestion) for f in hits] == [("ครบถว้น", "ครบถ้วน")]
    assert hits[0].start == text.index("ครบถว้น")


def test_token_cache_is_bounded_in_bytes() -> None:
    from changwat.check.thai.dictionary import _TokenCache

    cache = _TokenCache(10_000)
    for i in range(1000):
        cache.put(f"ก{i}", ("ก", str(i)))
    assert cache.size <= 10_000 and len(cache._d) < 1000
    assert cache.get("ก999") == ("ก", "999") and cache.get("ก0") is None
    cache.put("ก" * 5000, ("ก" * 5000,))  # bigger than a quarter of the cache: not kept
    assert cache.get("ก" * 5000) is None and cache.size <= 10_000


@pytest.mark.parametrize(
    "ch",
    [
        "\u3164",
        "\u2800",
        "\u115f",
        "\u1160",
        "\uffa0",
        "\u034f",
        "\u17b4",
        "\u180e",
        "\U000e0041",
        "\u2065",
        "\ufe0f",
        "\U0010ffff",
        "\ufdd0",
    ],
)
def test_characters_that_render_as_nothing_are_u06(ch: str) -> None:
    for lang in ("th", "en"):
        assert [(f.code, f.found) for f in lint(ch, lang)] == [("U06", ch)]
        inside = "สำนัก" + ch + "งาน" if lang == "th" else "Office" + ch + "name"
        assert [(f.code, f.start) for f in lint(inside, lang, ALLOW)] == [("U06", inside.index(ch))]


def test_default_ignorable_table() -> None:
    from changwat.check.thai.chars import DEFAULT_IGNORABLE, is_default_ignorable

    assert sum(b - a + 1 for a, b in DEFAULT_IGNORABLE) == 4174  # Unicode 15.0 DerivedCoreProperties
    assert is_default_ignorable("\u00ad") and is_default_ignorable("\U000e0fff")
    assert not is_default_ignorable("ก") and not is_default_ignorable(" ") and not is_default_ignorable("\u2800")
    # every format character Python knows of that the table has is Cf, Mn, Lo or unassigned
    assert {unicodedata.category(chr(c)) for a, b in DEFAULT_IGNORABLE for c in range(a, b + 1)} <= {
        "Cf",
        "Mn",
        "Lo",
        "Cn",
    }


# ---------------------------------------------------------------------------------------------
# The worst cases of bench/worstcase.py, small: they complete, and what they report is right


def _worstcase():
    import importlib.util

    spec = importlib.util.spec_from_file_location("worstcase", PROJECT.root / "bench" / "worstcase.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.fixture(scope="module")
def worst_project(tmp_path_factory):
    return _worstcase().make_project(tmp_path_factory.mktemp("worst"))


def _validate(project: Path, content: str, capsys, monkeypatch) -> tuple[int, str]:
    from changwat.cli import main

    (project / "data" / "provinces" / "krabi.yaml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("CHANGWAT_CACHE", str(project / ".cache"))
    code = main(
        [
            "--root",
            str(project),
            "validate",
            "--format",
            "github",
            "--max-problems",
            "100000",
            "data/provinces/krabi.yaml",
        ]
    )
    out = capsys.readouterr().out
    assert "Traceback" not in out
    return code, out


def _annotations(out: str, code: str) -> list[tuple[int, int]]:
    return [
        (int(m.group(1)), int(m.group(2)))
        for m in re.finditer(r"^::\w+ file=[^,]*,line=(\d+),col=(\d+),[^\n]*changwat " + code + "::", out, re.M)
    ]


def test_worst_case_soup(worst_project, capsys, monkeypatch) -> None:
    content = _worstcase().soup(size=40_000)
    code, out = _validate(worst_project, content, capsys, monkeypatch)
    assert code == 0  # warnings only
    texts = content.count("    - th: ")
    assert texts >= 3 and len(_annotations(out, "D02")) == texts and _annotations(out, "D01")


def test_worst_case_real_text_without_spaces(worst_project, capsys, monkeypatch) -> None:
    code, out = _validate(worst_project, _worstcase().real_nospace(size=40_000), capsys, monkeypatch)
    assert code == 0 and not _annotations(out, "D02") and not _annotations(out, "U04")


def test_worst_case_repeated_finding(worst_project, capsys, monkeypatch) -> None:
    content = _worstcase().repeated(size=30_000)
    code, out = _validate(worst_project, content, capsys, monkeypatch)
    assert code == 1
    lines = content.splitlines()
    expected = [(n, m.start() + 1) for n, line in enumerate(lines, 1) for m in re.finditer("กa", line)]
    assert _annotations(out, "U05") == expected  # each one, at its own column


def test_worst_case_many_items(worst_project, capsys, monkeypatch) -> None:
    content = _worstcase().items(size=30_000)
    assert content.count("\n") > 1200
    code, out = _validate(worst_project, content, capsys, monkeypatch)
    assert code == 0 and "::error" not in out and "::warning" not in out


def test_worst_case_long_line(worst_project, capsys, monkeypatch) -> None:
    content = _worstcase().long_line(size=30_000)
    assert 29_000 < len(content.encode("utf-8")) <= 30_000  # the size asked for, not over it
    code, out = _validate(worst_project, content, capsys, monkeypatch)
    assert code == 1
    line = content.splitlines()[1]
    assert _annotations(out, "U05") == [(2, m.start() + 1) for m in re.finditer("ก(?=a)", line)]
