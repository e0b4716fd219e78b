"""Coverage of the content data against the scraped seed texts it was written from.

The seeds (five scraped texts) and the defect list live outside the repository, in the shared
reference folder beside the repository (override with CHANGWAT_REFERENCE). Tests that read them are skipped when the folder
is absent (in CI a missing folder fails the run); the explicit counts and the text-hygiene tests always run.

How the seed checks work: each seed is read, every correction from seed-defects.csv is applied
(plus the two mechanical Thai fixes that the CSV lists case by case: ำ written as NIKHAHIT+SARA AA or
split by a space, and a tone mark typed before its vowel), then the lists under each heading are parsed
with small regexes (list markers start items, other lines continue the item). Items are compared
ignoring whitespace, so spacing decisions (recorded in data/CORRECTIONS.md) do not count as losses.
"""

from __future__ import annotations

import csv
import functools

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
from conftest import needs_reference, PROJECT, REFERENCE# noqa: E402  (beside the repository, or CHANGWAT_REFERENCE)
SEEDS = REFERENCE / "seeds"
DEFECTS = REFERENCE / "seed-defects.csv"

FILES = {
    "national": DATA / "national.yaml",
    "ang-thong": DATA / "provinces" / "ang-thong.yaml",
    "mukdahan": DATA / "provinces" / "mukdahan.yaml",
    "chachoengsao": DATA / "provinces" / "chachoengsao.yaml",
}
SEED_OF = {"ang-thong": "000", "mukdahan": "002", "chachoengsao": "003"}

# Thai script is allowed in an `en` text only for these exact strings (proper names with no accepted
# romanisation). Empty: every name in the data has an RTGS or official English form.
EN_THAI_EXCEPTIONS: frozenset[str] = frozenset()

THAI = re.compile(r"[\u0E00-\u0E7F]")
needs_seeds = needs_reference(SEEDS, DEFECTS)


# ---------------------------------------------------------------------------------------------
# Loading


@functools.cache
def data(name: str) -> dict:
    with open(FILES[name], encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def texts(node, path: str = ""):
    """Every bilingual text (a mapping with a `th` key) in a loaded file, with its path."""
    if isinstance(node, dict):
        if "th" in node:
            yield path, node
            return
        for k, v in node.items():
            yield from texts(v, f"{path}.{k}" if path else str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from texts(v, f"{path}[{i}]")


def all_thai(name: str) -> str:
    return "\n".join(t["th"] for _, t in texts(data(name)))


def th(items) -> list[str]:
    return [t["th"] for t in items]


def group(name: str, gid: str, structure: dict | None = None) -> dict:
    groups = (structure or data(name)["organisation"])["groups"]
    return next(g for g in groups if g["id"] == gid)


# ---------------------------------------------------------------------------------------------
# Seeds, corrected


@functools.cache
def corrections() -> list[tuple[str, str]]:
    """(original, corrected) pairs from the defect list that are literal replacements, longest first."""
    with open(DEFECTS, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs = {(r["original"], r["corrected"]) for r in rows
             if r["original"] and r["corrected"] and not r["corrected"].startswith("(")
             and not r["original"].startswith("'")}
    return sorted(pairs, key=lambda p: (-len(p[0]), p))


@functools.cache
def seed(num: str) -> str:
    """A seed's text with every literal correction and the mechanical Thai fixes applied."""
    path = next(SEEDS.glob(f"{num}_*.txt"))
    text = path.read_text(encoding="utf-8").replace("\u00a0", " ")
    for original, corrected in corrections():
        text = text.replace(original, corrected)
    text = text.replace("\u0e4d\u0e32", "\u0e33")  # ำ as NIKHAHIT + SARA AA
    text = re.sub(r"(?<=[\u0e01-\u0e2e]) \u0e32", "\u0e33", text)  # PDF split: "ส านัก"
    text = re.sub(r"([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37])", r"\2\1", text)  # tone before vowel
    return text.replace("**", "")


def key(s: str) -> str:
    """Comparison form: NFC, no whitespace, no curly quotes, one kind of dash."""
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"\s+", "", s)
    return s.replace("“", "").replace("”", "").replace("–", "-")


def keys(items) -> list[str]:
    return [key(x) for x in items]


def block(text: str, start: str, end: str | None = None) -> list[str]:
    """The lines after the first line matching `start`, up to (not including) a line matching `end`."""
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if re.search(start, line))
    out = []
    for line in lines[i + 1:]:
        if end and re.search(end, line):
            break
        out.append(line)
    return out


def parse_list(lines: list[str], marker: str) -> list[str]:
    """Items of a list: a line matching `marker` starts an item (marker removed); other non-empty
    lines continue the current item (a hard line break inside an item)."""
    items: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        m = re.match(marker, line)
        if m:
            items.append(line[m.end():].strip())
        elif items:
            items[-1] += " " + line.strip()
    return items


def parse_groups(lines: list[str], heading: str, marker: str) -> list[tuple[str, list[str]]]:
    """Work groups: a line matching `heading` (group name in group 1) starts a group; items follow."""
    groups: list[tuple[str, list[str]]] = []
    current: list[str] = []
    for line in lines:
        h = re.match(heading, line)
        if h:
            current = []
            groups.append((h.group(1).strip(), current))
            continue
        if current is not None and groups:
            current.append(line)
    return [(name, parse_list(body, marker)) for name, body in groups]


# ---------------------------------------------------------------------------------------------
# Explicit counts (derived from the seeds by hand; always run)

EXPECTED = {
    "ang-thong": {
        "mandate": 7,
        "groups": [("strategy", 12), ("damrongdhama", 8), ("human-resources", 11), ("administration", 14)],
        "law": ("state-admin-act-2534-no7", "52/1", 6, 1),
    },
    "mukdahan": {
        "mandate": 7,
        "groups": [("damrongdhama", 9), ("strategy", 13), ("administration", 15), ("human-resources", 12)],
        "principles": 4,
        "history": [2, 0, 2, 0],
        "events": [("2495", 0), ("2516-08-28", 0), ("2517", 5), ("2518-05-27", 0), ("2518", 16), ("2519", 0)],
    },
    "chachoengsao": {
        "objectives": 5,
        "missions": (2, 5),
        "law": ("state-admin-act-2534", "60", 2, 0),
    },
    "national": {
        "mandate": 7,
        "objectives": 5,
        "missions": (2, 5),
        "groups": [("strategy", 12), ("damrongdhama", 8), ("human-resources", 11), ("administration", 14)],
        "laws": ["state-admin-act-2495", "state-admin-act-2534", "royal-decree-opsi-2535",
                 "state-admin-act-2534-no5", "restructuring-act-2545", "ministerial-regulation-opsi-2545",
                 "state-admin-act-2534-no7", "ministerial-regulation-2553"],
        "earlier": {"paragraphs": [2, 0], "mandate": 7,
                    "groups": [("administration-2545", 0, 2), ("strategy-2545", 5, 0),
                               ("information-2545", 3, 0), ("human-resources-2545", 13, 0)]},
    },
}


def law_section(doc: dict, law_id: str, number: str) -> dict:
    law = next(x for x in doc["legal_basis"]["laws"] if x["id"] == law_id)
    return next(s for s in law["sections"] if s["number"] == number)


@pytest.mark.parametrize("name", ["ang-thong", "mukdahan", "national"])
def test_counts_groups_and_mandate(name):
    doc, exp = data(name), EXPECTED[name]
    assert len(doc["mandate"]["items"]) == exp["mandate"]
    got = [(g["id"], len(g["duties"])) for g in doc["organisation"]["groups"]]
    assert got == exp["groups"]


def test_counts_ang_thong():
    doc = data("ang-thong")
    law_id, number, n_items, n_paras = EXPECTED["ang-thong"]["law"]
    sec = law_section(doc, law_id, number)
    assert (len(sec["items"]), len(sec["paragraphs"])) == (n_items, n_paras)
    assert doc["organisation"]["audit"]["name"]["th"] == "ฝ่ายตรวจสอบภายใน"
    assert len(doc["organisation"]["audit"]["description"]) == 1
    assert doc["mandate"]["intro"]["th"].startswith("สำนักงานจังหวัดอ่างทอง เป็นราชการส่วนภูมิภาค")


def test_counts_mukdahan():
    doc, exp = data("mukdahan"), EXPECTED["mukdahan"]
    assert len(doc["organisation"]["audit"]["principles"]) == exp["principles"]
    assert [len(p.get("items", [])) for p in doc["history"]["paragraphs"]] == exp["history"]
    assert [(e["date"], len(e.get("provinces", []))) for e in doc["history"]["events"]] == exp["events"]
    quotes = [p["quote"] for p in doc["history"]["paragraphs"] if "quote" in p]
    assert quotes == [{"law": "state-admin-act-2534", "section": "60"},
                      {"law": "state-admin-act-2495", "section": "38"}]


def test_counts_chachoengsao():
    doc, exp = data("chachoengsao"), EXPECTED["chachoengsao"]
    assert "mandate" not in doc, "seed 003's mandate heading is empty: the national mandate applies"
    assert "organisation" not in doc
    assert len(doc["objectives"]["items"]) == exp["objectives"]
    assert (len(doc["missions"]["paragraphs"]), len(doc["missions"]["aims"])) == exp["missions"]
    law_id, number, n_items, n_paras = exp["law"]
    sec = law_section(doc, law_id, number)
    assert (len(sec["items"]), len(sec.get("paragraphs", []))) == (n_items, n_paras)
    assert doc["head"]["name"]["th"] == "นายอนุชา อินทศร"
    assert doc["head"]["position"]["th"] == "หัวหน้าสำนักงานจังหวัดฉะเชิงเทรา"
    assert "as_of" not in doc["head"], "no date is known for the head of office"


def test_counts_national():
    doc, exp = data("national"), EXPECTED["national"]
    assert len(doc["objectives"]["items"]) == exp["objectives"]
    assert (len(doc["missions"]["paragraphs"]), len(doc["missions"]["aims"])) == exp["missions"]
    assert [x["id"] for x in doc["legal_basis"]["laws"]] == exp["laws"]
    assert doc["mandate"]["basis"] == {"law": "ministerial-regulation-2553"}
    assert len(law_section(doc, "state-admin-act-2534", "60")["items"]) == 2
    assert len(law_section(doc, "state-admin-act-2495", "38")["items"]) == 2
    assert len(law_section(doc, "royal-decree-opsi-2535", "5")["items"]) == 2
    s521 = law_section(doc, "state-admin-act-2534-no7", "52/1")
    assert (len(s521["items"]), len(s521["paragraphs"])) == (6, 1)
    (earlier,) = doc["earlier_structures"]
    e = exp["earlier"]
    assert [len(p.get("items", [])) for p in earlier["paragraphs"]] == e["paragraphs"]
    assert len(earlier["mandate"]) == e["mandate"]
    assert [(g["id"], len(g.get("duties", [])), len(g.get("subgroups", []))) for g in earlier["groups"]] == e["groups"]
    years = [e["date"][:4] for e in doc["history"]["events"]]
    assert years == sorted(years), "events in date order"


# ---------------------------------------------------------------------------------------------
# Seed 000: Ang Thong


@needs_seeds
def test_seed_000_law_52_1():
    text = seed("000")
    lines = block(text, r"มาตรา ๕๒/๑", r"^อำนาจหน้าที่ของสำนักงานจังหวัด")
    items = parse_list([x for x in lines if not x.startswith("เพื่อประโยชน์")], r"^\([๐-๙]\)\s*")
    paragraph = [x for x in lines if x.startswith("เพื่อประโยชน์")]
    sec = law_section(data("ang-thong"), "state-admin-act-2534-no7", "52/1")
    assert keys(th(sec["items"])) == keys(items)
    assert keys(th(sec["paragraphs"])) == keys(paragraph)
    assert "ให้จังหวัดมีอำนาจภายในเขตจังหวัดดังต่อไปนี้" in text
    assert sec["text"]["th"] == "ให้จังหวัดมีอำนาจภายในเขตจังหวัดดังต่อไปนี้"
    # the national file quotes the same section
    assert law_section(data("national"), "state-admin-act-2534-no7", "52/1") == sec


@needs_seeds
def test_seed_000_mandate():
    lines = block(seed("000"), r"^อำนาจหน้าที่ของสำนักงานจังหวัด", r"^สำนักงานจังหวัดแบ่งออกเป็น")
    intro, body = lines[0], lines[1:]
    items = parse_list(body, r"^\d+\)\s*")
    mandate = data("ang-thong")["mandate"]
    assert len(items) == 7
    assert keys(th(mandate["items"])) == keys(items)
    assert key(mandate["intro"]["th"]) == key(intro)


@needs_seeds
def test_seed_000_groups():
    lines = block(seed("000"), r"^สำนักงานจังหวัดแบ่งออกเป็น", r"^โดยมีฝ่ายตรวจสอบภายใน")
    parsed = parse_groups(lines, r"^\d+\)\s*(กลุ่มงาน\S+)", r"^-\s*")
    groups = data("ang-thong")["organisation"]["groups"]
    assert [len(d) for _, d in parsed] == [12, 8, 11, 14]
    assert keys(g["name"]["th"] for g in groups) == keys(name for name, _ in parsed)
    for g, (_, duties) in zip(groups, parsed):
        assert keys(th(g["duties"])) == keys(duties), g["id"]
        assert g["intro"]["th"] == "มีหน้าที่ความรับผิดชอบเกี่ยวกับ"


@needs_seeds
def test_seed_000_audit():
    (line,) = [x for x in seed("000").splitlines() if x.startswith("โดยมีฝ่ายตรวจสอบภายใน")]
    (description,) = th(data("ang-thong")["organisation"]["audit"]["description"])
    # the connective "โดยมี" ("with") is dropped: the paragraph stands on its own under its heading
    assert key(description) == key(line.removeprefix("โดยมี"))


# ---------------------------------------------------------------------------------------------
# Seed 002: Mukdahan


@needs_seeds
def test_seed_002_mandate():
    lines = block(seed("002"), r"^อำนาจหน้าที่ของสำนักงานจังหวัดมุกดาหาร", r"^กลุ่มงาน")
    items = parse_list(lines, r"^\d+\)\s*")
    assert keys(th(data("mukdahan")["mandate"]["items"])) == keys(items)


@needs_seeds
def test_seed_002_groups():
    lines = block(seed("002"), r"^7\)", r"^หน่วยงานตรวจสอบภายใน")
    parsed = parse_groups(lines, r"^(กลุ่มงาน\S+)\s*$", r"^–\s*")
    groups = data("mukdahan")["organisation"]["groups"]
    assert [len(d) for _, d in parsed] == [9, 13, 15, 12]
    assert [g["name"]["th"] for g in groups] == [name for name, _ in parsed]
    for g, (_, duties) in zip(groups, parsed):
        assert keys(th(g["duties"])) == keys(duties), g["id"]
        assert duties[-1] == "ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย"


@needs_seeds
def test_seed_002_audit():
    lines = block(seed("002"), r"^หน่วยงานตรวจสอบภายใน")
    audit = data("mukdahan")["organisation"]["audit"]
    assert audit["name"]["th"] == "หน่วยงานตรวจสอบภายใน"
    assert keys(th(audit["principles"])) == keys(parse_list(lines, r"^-\s*"))


@needs_seeds
def test_seed_002_history():
    text = seed("002")
    paragraphs = data("mukdahan")["history"]["paragraphs"]
    lines = block(text, r"^ประวัติความเป็นมา", r"^อำนาจหน้าที่")
    # after the corrections the merged line splits into: s.60 item 2 / centre paragraph / 2495 paragraph
    s60 = parse_list(lines[:3], r"^\([๐-๙]\.\)\s*")
    assert keys(th(paragraphs[0]["items"])) == keys(s60)
    assert key(paragraphs[0]["text"]["th"]) == key(lines[0])
    assert key(paragraphs[1]["text"]["th"]) == key(lines[3])
    p2495 = paragraphs[2]
    assert key(p2495["text"]["th"] + " ".join(th(p2495["items"]))) == key(lines[4].replace("(๒)", ""))
    assert key(paragraphs[3]["text"]["th"]) == key(lines[5])
    assert len(lines) == 6


# ---------------------------------------------------------------------------------------------
# Seed 003: Chachoengsao


@needs_seeds
def test_seed_003_head():
    first, second = seed("003").splitlines()[:2]
    head = data("chachoengsao")["head"]
    assert (head["name"]["th"], head["position"]["th"]) == (first.strip(), second.strip())


@needs_seeds
def test_seed_003_missions_objectives_law():
    text = seed("003")
    doc = data("chachoengsao")
    missions = block(text, r"^พันธกิจของสำนักงานจังหวัด", r"^โครงสร้างสำนักงานจังหวัด")
    paras = [x for x in missions if x.strip() and not re.match(r"^\s*๒\.", x)]
    aims = parse_list(missions, r"^\s*๒\.[๐-๙]\s*")
    assert keys(th(doc["missions"]["paragraphs"])) == keys(paras)
    assert keys(th(doc["missions"]["aims"])) == keys(aims)
    objectives = parse_list(block(text, r"^วัตถุประสงค์"), r"^\s*[๐-๙]\.\s*")
    assert keys(th(doc["objectives"]["items"])) == keys(objectives)
    structure = [x for x in block(text, r"^โครงสร้างสำนักงานจังหวัด", r"^อำนาจหน้าที่") if x.strip()]
    law = doc["legal_basis"]["laws"][0]
    assert keys(th(law["summary"])) == keys(structure[:1])
    assert keys(th(law["sections"][0]["items"])) == keys(parse_list(structure[1:], r"^\s*\([๐-๙]\.\)\s*"))
    # the mandate heading is followed directly by the next heading: nothing to keep
    assert [x for x in block(text, r"^อำนาจหน้าที่สำนักงานจังหวัด", r"^วัตถุประสงค์") if x.strip()] == []


# ---------------------------------------------------------------------------------------------
# Seed 004 and 001: the national file


@needs_seeds
def test_seed_004_mandate_and_missions():
    text = seed("004")
    doc = data("national")
    mandate = parse_list(block(text, r"^อำนาจหน้าที่ของสำนักงานจังหวัด \(ตามกฎกระทรวงฯ พ\.ศ\. 2553\)"), r"^\s*\d\.\s*")
    assert keys(th(doc["mandate"]["items"])) == keys(mandate)
    missions = block(text, r"^พันธกิจของสำนักงานจังหวัด", r"^อำนาจหน้าที่")
    aims_start = next(i for i, x in enumerate(missions) if re.match(r"^\s*1\.", x))
    paras = "\n".join(missions[:aims_start]).split("\n\n")
    paras = [" ".join(p.split("\n")) for p in paras if p.strip()]
    assert keys(th(doc["missions"]["paragraphs"])) == keys(paras)
    assert keys(th(doc["missions"]["aims"])) == keys(parse_list(missions[aims_start:], r"^\s*\d\.\s*"))


@needs_seeds
def test_seed_001_objectives_missions_s60():
    text = seed("001")
    doc = data("national")
    objectives = parse_list(block(text, r"^วัตถุประสงค์", r"^พันธกิจ"), r"^[๐-๙]\.\s*")
    assert keys(th(doc["objectives"]["items"])) == keys(objectives)
    assert keys(th(data("chachoengsao")["objectives"]["items"])) == keys(objectives)
    missions = block(text, r"^พันธกิจ", r"^โครงสร้างสำนักงานจังหวัด")
    paras = [x for x in missions if x.strip() and not re.match(r"^๒\.", x)]
    assert keys(th(doc["missions"]["paragraphs"])) == keys(paras)
    assert keys(th(doc["missions"]["aims"])) == keys(parse_list(missions, r"^๒\.[๐-๙]\s*"))
    s60 = [x for x in block(text, r"^โครงสร้างสำนักงานจังหวัด") if x.strip()]
    law = next(x for x in doc["legal_basis"]["laws"] if x["id"] == "state-admin-act-2534")
    assert keys(th(law["summary"])) == keys(s60[:1])
    assert keys(th(law["sections"][0]["items"])) == keys(parse_list(s60[1:], r"^\([๐-๙]\.\)\s*"))


@needs_seeds
def test_seed_001_earlier_structure():
    text = seed("001")
    (earlier,) = data("national")["earlier_structures"]
    intro = [x for x in block(text, r"^โครงสร้างภายในของสำนักงานจังหวัด", r"^- กลุ่มงานอำนวยการ") if x.strip()]
    assert key(earlier["title"]["th"]) == key("โครงสร้างภายในของสำนักงานจังหวัด")
    p2535, p2545 = earlier["paragraphs"]
    assert key(p2535["text"]["th"]) == key(intro[0])
    assert keys(th(p2535["items"])) == keys(parse_list(intro[1:3], r"^-\s*"))
    assert key(p2545["text"]["th"]) == key(intro[3])
    assert len(intro) == 4
    # the royal decree's section 5 in the legal basis holds the same two items
    assert th(law_section(data("national"), "royal-decree-opsi-2535", "5")["items"]) == th(p2535["items"])

    groups_lines = block(text, r"^การประกาศใช้พระราชบัญญัติ", r"^อำนาจหน้าที่ของสำนักงานจังหวัด")
    parsed = parse_groups(groups_lines, r"^- (กลุ่ม\S+)\s+มีภารกิจ", r"^ - ")
    names = [name for name, _ in parsed]
    assert keys(g["name"]["th"] for g in earlier["groups"]) == keys(names)
    admin, *others = earlier["groups"]
    for g, (_, duties) in zip(others, parsed[1:]):
        assert keys(th(g["duties"])) == keys(duties), g["id"]
    subgroups = [x[2:] for x in block(text, r"^- กลุ่มงานอำนวยการ", r"^- กลุ่มงานยุทธศาสตร์") if x.startswith("- ")]
    got = [sg["name"]["th"] + sg["description"][0]["th"] for sg in admin["subgroups"]]
    assert keys(got) == keys(subgroups)

    mandate = parse_list(block(text, r"^อำนาจหน้าที่ของสำนักงานจังหวัด", r"^วัตถุประสงค์"), r"^-\s*")
    assert keys(th(earlier["mandate"])) == keys(mandate)


# ---------------------------------------------------------------------------------------------
# The standard work groups: what seeds 000 and 002 share


# Duties that 000 and 002 word differently; the national file uses 000's wording.
WORDING_000_VS_002 = {
    "ติดตามประเมินผลตามแผนพัฒนา/แผนปฏิบัติราชการประจำปีของจังหวัด/กลุ่มจังหวัด":
        "ติดตามและประเมินผลตามแผนพัฒนา/แผนปฏิบัติราชการประจำปีของจังหวัด/กลุ่มจังหวัด",
    "งานประสานงานกับสำนักงาน ก.พ.และส่วนราชการในการเพิ่มขีดความสามารถและเสริมสร้างความเข้มแข็งด้านการบริหารงานทรัพยากรบุคคลจังหวัด":
        "ประสานงานกับสำนักงาน ก.พ.และส่วนราชการในการเพิ่มขีดความสามารถและเสริมสร้างความเข้มแข็งด้านการบริหารงานทรัพยากรบุคคลจังหวัด",
}


def test_national_groups_are_shared_by_000_and_002():
    national = data("national")["organisation"]["groups"]
    for g in national:
        ang_thong = group("ang-thong", g["id"])
        mukdahan = group("mukdahan", g["id"])
        assert th(g["duties"]) == th(ang_thong["duties"])
        assert g["name"] == ang_thong["name"] == mukdahan["name"]
        shared = [WORDING_000_VS_002.get(d, d) for d in th(g["duties"])]
        assert shared == [d for d in th(mukdahan["duties"]) if d != "ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย"]


def test_same_thai_same_english():
    """One translation per Thai text across all files (terminology stays consistent)."""
    seen: dict[str, tuple[str, str]] = {}
    for name in FILES:
        for path, t in texts(data(name)):
            if t["th"] in seen:
                assert t.get("en") == seen[t["th"]][0], f"{name}:{path} vs {seen[t['th']][1]}"
            else:
                seen[t["th"]] = (t.get("en"), f"{name}:{path}")


# ---------------------------------------------------------------------------------------------
# Key sentences (corrected form) present in the data


KEY_SENTENCES = {
    "000": [
        ("ang-thong", "ให้จังหวัดมีอำนาจภายในเขตจังหวัดดังต่อไปนี้"),
        ("ang-thong", "จัดทำแผนปฏิบัติราชการประจำปีของจังหวัดหรือคำของบประมาณของจังหวัด"),
        ("ang-thong", "อำนวยการ ประสาน ปฏิบัติงาน และสนับสนุนงานอันเป็นอำนาจหน้าที่ของผู้ว่าราชการจังหวัด"),
        ("ang-thong", "ปฏิบัติงานร่วมกับหรือสนับสนุนการปฏิบัติงานของหน่วยงานอื่นที่เกี่ยวข้องหรือที่ได้รับมอบหมาย"),
        ("ang-thong", "งานสนับสนุนผู้ว่าราชการจังหวัดในเรื่องกฎ ระเบียบ หลักเกณฑ์ วิธีการบริหารทรัพยากรบุคคล"),
        ("ang-thong", "สำนักงานจังหวัดแบ่งออกเป็น 4 กลุ่ม ดังนี้"),
        ("ang-thong", "จัดจ้างพัสดุของหน่วยงานภายในจังหวัด"),
    ],
    "001": [
        ("national", "พระราชกฤษฎีกาแบ่งส่วนราชการสำนักงานปลัดกระทรวง กระทรวงมหาดไทย พ.ศ. ๒๕๓๕"),
        ("national", "พระราชบัญญัติปรับปรุงกระทรวง ทบวง กรม พ.ศ. ๒๕๔๕"),
        ("national", "กฎกระทรวงแบ่งส่วนราชการสำนักงานปลัดกระทรวง กระทรวงมหาดไทย พ.ศ. ๒๕๔๕"),
        ("national", "อำนวยการ ประสาน ปฏิบัติงาน และสนับสนุนงานอันเป็นอำนาจหน้าที่ของผู้ว่าราชการจังหวัด ปฏิบัติงานร่วมกับ"),
        ("national", "การเสนอแนะการบริหารราชการตามที่กฎหมายกำหนดให้เป็นอำนาจของผู้ว่าราชการจังหวัด"),
        ("national", "งานบริหารและงานเลขานุการคณะกรรมการพัฒนาระบบราชการและยุทธศาสตร์กำลังคนของจังหวัด"),
        ("national", "งานการสรรหาคนเก่งเข้ารับราชการในพื้นที่จังหวัด"),
        ("national", "งานส่งเสริมจริยธรรม ป้องกันการทุจริตและประเทศไทยใสสะอาด"),
        ("national", "แปลงยุทธศาสตร์การพัฒนาระดับชาติไปเป็นยุทธศาสตร์การพัฒนาจังหวัดในพื้นที่"),
        ("national", "มีหัวหน้าส่วนราชการประจำจังหวัดนั้น ๆ เป็นผู้ปกครองบังคับบัญชาและรับผิดชอบ"),
    ],
    "002": [
        ("mukdahan", "สำนักงานจังหวัดมุกดาหาร"),
        ("mukdahan", "มีหน้าที่เกี่ยวกับราชการทั่วไป และการวางแผนพัฒนาจังหวัดของจังหวัดนั้น มีหัวหน้าสำนักงานจังหวัด"),
        ("mukdahan", "ดำเนินการเป็นศูนย์กลางในการบริหารงานของผู้ว่าราชการจังหวัด"),
        ("mukdahan", "ซึ่งเป็นศูนย์กลางของการบริหารราชการของกระทรวงมหาดไทยในส่วนกลาง"),
        ("mukdahan", "ซึ่งตามมาตรา 38 ของพระราชบัญญัติดังกล่าว"),
        ("mukdahan", "มีผู้ว่าราชการจังหวัดเป็นผู้ปกครองบังคับบัญชาและรับผิดชอบ"),
        ("mukdahan", "เมื่อวันที่ 28 สิงหาคม 2516"),
        ("mukdahan", "เมื่อวันที่ 27 พฤษภาคม 2518"),
        ("mukdahan", "ในปี พ.ศ. 2519 จำนวน 49 จังหวัด"),
        ("mukdahan", "สำนักงานปลัดกระทรวงมหาดไทยเป็นผู้รับผิดชอบในการบริหารการวินิจฉัยสั่งการ"),
        ("mukdahan", "นครศรีธรรมราช สุราษฎร์ธานี นราธิวาส"),
        ("mukdahan", "ได้ขยายเพิ่มขึ้นจนครบทุกจังหวัด"),
        ("mukdahan", "โดยเป็นศูนย์สารสนเทศของจังหวัด"),
        ("mukdahan", "ต้องจัดให้มีการประกันคุณภาพงานตรวจสอบภายในจากภายนอกอย่างน้อยทุก ๆ 5 ปี"),
    ],
    "003": [
        ("chachoengsao", "นายอนุชา อินทศร"),
        ("chachoengsao", "(Specialization) ยึดหลักสายการบังคับบัญชาตามลำดับชั้น (Hierarchy)"),
        ("chachoengsao", "ที่ทำหน้าที่เป็นที่ปรึกษา (Back Office) สำหรับผู้ว่าราชการจังหวัด"),
        ("chachoengsao", "ในฐานะสำนักงานเลขานุการของผู้ว่าราชการจังหวัด"),
        ("chachoengsao", "เพื่อรับผิดชอบงานอื่น ๆ ที่ไม่มีหน่วยงานใดรับผิดชอบโดยตรง"),
        ("chachoengsao", "มีหัวหน้าส่วนราชการประจำจังหวัดนั้น ๆ เป็นผู้ปกครองบังคับบัญชาและรับผิดชอบ"),
    ],
    "004": [
        ("national", "เนื่องจากสำนักงานจังหวัดเป็นหน่วยงานราชการ จึงมีการจัดโครงสร้างและการบริหารจัดการในรูปแบบขององค์การระบบราชการ"),
        ("national", "ที่สำคัญหน่วยงานหนึ่งที่ทำหน้าที่เป็นที่ปรึกษา (Back Office)"),
        ("national", "ระเบียบปฏิบัติราชการที่ครบถ้วน"),
        ("national", "งบประมาณที่มีอยู่อย่างจำกัด"),
        ("national", "รวมทั้งประสานการจัดทำแผนพัฒนากลุ่มจังหวัด"),
        ("national", "อำนวยการ ประสาน ปฏิบัติงาน และสนับสนุนงานอันเป็นอำนาจหน้าที่ของผู้ว่าราชการจังหวัด"),
        ("national", "ปฏิบัติงานร่วมกับหรือสนับสนุนการปฏิบัติงานของหน่วยงานที่เกี่ยวข้องหรือที่ได้รับมอบหมาย"),
    ],
}


@pytest.mark.parametrize("num", sorted(KEY_SENTENCES))
def test_key_sentences(num):
    for name, sentence in KEY_SENTENCES[num]:
        assert sentence in all_thai(name), f"{name}: {sentence}"
        if SEEDS.is_dir() and DEFECTS.is_file():  # the corrected seed says the same (spacing aside)
            assert key(sentence) in key(seed(num)), f"seed {num}: {sentence}"


# ---------------------------------------------------------------------------------------------
# Text hygiene


MARKER = re.compile(r"^\s*(?:[-–•*]|\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[.)]|\([0-9๐-๙]+\.?\))\s")
INVISIBLE = re.compile(r"[\u00a0\u00ad\u200b-\u200d\u2060\ufeff]")
SPLIT_AM = re.compile(r"(?<![\u0e01-\u0e2e\u0e31\u0e32\u0e34-\u0e3a\u0e47-\u0e4e])[\u0e30\u0e32\u0e33\u0e45\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_text_bilingual_and_clean(name):
    found = list(texts(data(name)))
    assert found
    for path, t in found:
        assert set(t) <= {"th", "en"}, path
        assert isinstance(t["th"], str) and t["th"].strip(), path
        assert isinstance(t.get("en"), str) and t["en"].strip(), f"{path}: no English"
        if t["en"] not in EN_THAI_EXCEPTIONS:
            assert not THAI.search(t["en"]), f"{path}: Thai script in en: {t['en']}"
        for lang in ("th", "en"):
            s = t[lang]
            where = f"{path}.{lang}: {s[:40]}"
            assert s == s.strip(), where
            assert "\n" not in s and "  " not in s, where
            assert not INVISIBLE.search(s), where
            assert unicodedata.normalize("NFC", s) == s, where
            assert not MARKER.match(s), f"list marker kept: {where}"
            assert "**" not in s, where
        s = t["th"]
        assert "\u0e4d\u0e32" not in s and not re.search(r"\u0e4d[\u0e48-\u0e4b]\u0e32", s), path
        assert not SPLIT_AM.search(s), f"dangling vowel or mark: {path}"
        assert not re.search(r"[\u0e48-\u0e4c]+[\u0e31\u0e34-\u0e3a\u0e47]", s), f"tone before vowel: {path}"
        assert not re.search(r"[A-Za-z][\u0e01-\u0e5b]|[\u0e01-\u0e5b][A-Za-z]", s), f"Latin glued to Thai: {path}"
        assert not re.search(r"\Sๆ", s), f"house style is a space before ๆ: {path}"
        assert "ต่างๆ" not in s and "อื่นๆ" not in s, path


# ---------------------------------------------------------------------------------------------
# YAML form


@pytest.mark.parametrize("name", sorted(FILES))
def test_yaml_form(name):
    raw = FILES[name].read_text(encoding="utf-8")
    first = raw.splitlines()[0]
    schema = "../schema/national.schema.json" if name == "national" else "../../schema/office.schema.json"
    assert first == f"# yaml-language-server: $schema={schema}"
    assert "\t" not in raw and "\r" not in raw
    assert not raw.startswith("\ufeff")
    for event in yaml.parse(raw):
        assert not isinstance(event, yaml.AliasEvent), "no aliases"
        assert getattr(event, "anchor", None) is None, "no anchors"
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            assert not event.flow_style, f"block style only (line {event.start_mark.line + 1})"
    for line in raw.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        assert indent % 2 == 0, line
        assert line == line.rstrip(), f"trailing space: {line!r}"


def walk(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield path, k, v
            yield from walk(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")


@pytest.mark.parametrize("name", sorted(FILES))
def test_scalars_ids_and_refs(name):
    doc = data(name)
    ids: dict[tuple[str, str], str] = {}
    source_ids = {s["id"] for s in doc.get("sources", [])}
    law_ids = {x["id"] for x in doc.get("legal_basis", {}).get("laws", [])}
    law_ids |= {x["id"] for x in data("national")["legal_basis"]["laws"]}
    for path, k, v in walk(doc):
        if k in ("year_be", "amendment"):
            assert type(v) is int, f"{path}.{k}"
        elif k in ("number", "section"):
            assert isinstance(v, str) and re.fullmatch(r"[0-9]+(/[0-9]+)?", v), f"{path}.{k}: {v!r}"
        elif k in ("date", "as_of"):
            assert isinstance(v, str) and re.fullmatch(r"2[45][0-9]{2}(-[0-9]{2}(-[0-9]{2})?)?", v), f"{path}.{k}"
        elif k == "id":
            assert isinstance(v, str) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", v), f"{path}: {v!r}"
            ns = "group" if ".groups" in path or ".subgroups" in path else path.rsplit(".", 1)[-1].split("[")[0]
            assert (ns, v) not in ids, f"duplicate id {v} at {path} and {ids[(ns, v)]}"
            ids[(ns, v)] = path
        elif k == "sources" and v and isinstance(v[0], str):
            assert set(v) <= source_ids, f"{path}: {v}"
        elif k == "law" and isinstance(v, str):
            assert v in law_ids, f"{path}: {v}"
    if name in SEED_OF:
        assert doc["province"] == name
        assert [s["id"] for s in doc["sources"]] == [f"seed-{SEED_OF[name]}"]
        for section in ("history", "legal_basis", "mandate", "objectives", "missions", "organisation", "head"):
            if section in doc:
                assert doc[section]["sources"] == [f"seed-{SEED_OF[name]}"], section


def test_event_provinces_are_registry_slugs():
    pycountry = pytest.importorskip("pycountry")
    slugs = {re.sub(r"[^a-z]+", "-", s.name.lower()).strip("-")
             for s in pycountry.subdivisions.get(country_code="TH")}
    for name in ("national", "mukdahan"):
        events = data(name)["history"]["events"]
        for e in events:
            assert set(e.get("provinces", [])) <= slugs, e["id"]
        assert sum(len(e.get("provinces", [])) for e in events) == 21


# ---------------------------------------------------------------------------------------------
# The corrections log


@needs_seeds
def test_corrections_log_covers_judgement_calls():
    """Every medium/low/style row of the defect list is discussed in data/CORRECTIONS.md (as seed:line)."""
    log = (DATA / "CORRECTIONS.md").read_text(encoding="utf-8")
    with open(DEFECTS, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["confidence"] in ("medium", "low", "style")]
    missing = sorted({f"{r['seed']}:{r['line']}" for r in rows} - set(re.findall(r"\b\d{3}:\d+\b", log)))
    assert not missing, f"not in CORRECTIONS.md: {missing}"


# ---------------------------------------------------------------------------------------------
# The project's own loader and validator


@pytest.mark.parametrize("name", sorted(FILES))
def test_strict_loader_and_schema(name):
    from changwat.check.convert import convert
    from changwat.load.yaml import load_file
    from changwat.model import National, Office

    loaded = load_file(FILES[name], str(FILES[name]))
    conv = convert(loaded, National if name == "national" else Office)
    assert [str(p) for p in loaded.problems] == []
    assert conv.obj is not None


def test_changwat_validate_reports_nothing_for_these_files():
    from changwat.check import load_dataset

    _, problems = load_dataset(PROJECT)
    ours = {f.resolve() for f in FILES.values()}
    found = [str(p) for p in problems
             if Path(p.pos.path).resolve() in ours and p.severity in ("error", "warning")]
    assert found == []
