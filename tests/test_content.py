"""The content data checked against facts recorded from the scraped seed texts it was written from.

The seeds (five scraped texts) and their defect list live outside the repository, in the shared
reference folder beside it (override with CHANGWAT_REFERENCE). A GitHub runner has only the
repository, so the facts the data is checked against are recorded in the repository:
``tests/reference/seed-facts.yaml`` holds every list item, paragraph and key sentence the checks use,
each with the seed file and line it comes from, and the seed:line of every judgement-call row of the
defect list. The checks of the data against that record always run.

Where the seeds are present, ``test_recorded_facts_match_the_seeds`` extracts the facts again and
requires the record to be identical (so the record can never drift from the seeds); it needs the
full seeds, so on GitHub (GITHUB_ACTIONS=true, no reference beside the clone) it is deselected by
name, with the reason printed (tests/conftest.py). After a deliberate change, rewrite the record:

    CHANGWAT_REFERENCE=/path/to/reference .venv/bin/python tests/test_content.py --record

How facts are extracted: each seed is read line by line, every correction from seed-defects.csv is
applied (plus the two mechanical Thai fixes that the CSV lists case by case: ำ written as
NIKHAHIT+SARA AA or split by a space, and a tone mark typed before its vowel), then the lists under
each heading are parsed with small regexes (list markers start items, other lines continue the item).
Items are compared ignoring whitespace, so spacing decisions (recorded in data/CORRECTIONS.md) do not
count as losses. Rewordings the project made on purpose are the table :data:`DECISIONS`, each one
explained in data/CORRECTIONS.md.
"""

from __future__ import annotations

import csv
import functools
import re
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # conftest, also when run as a script
DATA = ROOT / "data"
from conftest import PROJECT, REFERENCE, needs_reference  # noqa: E402  (beside the repository, or CHANGWAT_REFERENCE)

SEEDS = REFERENCE / "seeds"
DEFECTS = REFERENCE / "seed-defects.csv"
RECORD = Path(__file__).resolve().parent / "reference" / "seed-facts.yaml"

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
# Seeds, corrected (only where the reference is present)


@functools.cache
def corrections() -> list[tuple[str, str]]:
    """(original, corrected) pairs from the defect list that are literal replacements, longest first."""
    with open(DEFECTS, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs = {
        (r["original"], r["corrected"])
        for r in rows
        if r["original"] and r["corrected"] and not r["corrected"].startswith("(") and not r["original"].startswith("'")
    }
    return sorted(pairs, key=lambda p: (-len(p[0]), p))


def seed_path(num: str) -> Path:
    return next(SEEDS.glob(f"{num}_*.txt"))


def correct(text: str) -> str:
    """One seed line with every literal correction and the mechanical Thai fixes applied (a
    correction may split it into several lines)."""
    text = text.replace("\u00a0", " ")
    for original, corrected in corrections():
        text = text.replace(original, corrected)
    text = text.replace("\u0e4d\u0e32", "\u0e33")  # ำ as NIKHAHIT + SARA AA
    text = re.sub(r"(?<=[\u0e01-\u0e2e]) \u0e32", "\u0e33", text)  # PDF split: "ส านัก"
    text = re.sub(r"([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37])", r"\2\1", text)  # tone before vowel
    return text.replace("**", "")


@functools.cache
def seed_lines(num: str) -> tuple[tuple[int, str], ...]:
    """The corrected seed as (line number in the seed file, corrected line) pairs."""
    raw = seed_path(num).read_text(encoding="utf-8").split("\n")
    return tuple((n, part) for n, line in enumerate(raw, 1) for part in correct(line).split("\n"))


@functools.cache
def seed(num: str) -> str:
    """A seed's text with every literal correction and the mechanical Thai fixes applied."""
    return "\n".join(line for _, line in seed_lines(num))


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
    for line in lines[i + 1 :]:
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
            items.append(line[m.end() :].strip())
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


class Locator:
    """Finds where each extracted text starts in its seed file, in reading order (a text that
    occurs several times, like 'ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย', gets the line of the copy
    that follows the previous one found)."""

    def __init__(self, num: str):
        self.lines = seed_lines(num)
        self.at = 0

    def start(self, pattern: str) -> None:
        self.at = next(i for i, (_, line) in enumerate(self.lines) if re.search(pattern, line))

    def line(self, text: str) -> int:
        probe = key(text)[:20]
        for i in range(self.at, len(self.lines)):
            if probe in key(self.lines[i][1]):
                self.at = i
                return self.lines[i][0]
        for i in range(self.at, len(self.lines) - 1):  # a text whose first line is very short
            if probe in key(self.lines[i][1] + self.lines[i + 1][1]):
                self.at = i
                return self.lines[i][0]
        raise LookupError(f"not found after line {self.lines[self.at][0]}: {text[:40]}")


def extract_facts() -> dict:
    """Every fact the data checks use, from the corrected seeds, with the seed line of each text."""
    facts: dict[str, dict] = {}

    def put(name: str, num: str, values: list[str], loc: Locator, start: str | None = None) -> None:
        if start is not None:
            loc.start(start)
        facts[name] = {
            "seed": f"seeds/{seed_path(num).name}",
            "values": [{"line": loc.line(v), "text": v} for v in values],
        }

    # 000: Ang Thong
    text, loc = seed("000"), Locator("000")
    lines = block(text, r"มาตรา ๕๒/๑", r"^อำนาจหน้าที่ของสำนักงานจังหวัด")
    put("000/s52-1/text", "000", ["ให้จังหวัดมีอำนาจภายในเขตจังหวัดดังต่อไปนี้"], loc, r"มาตรา ๕๒/๑")
    put(
        "000/s52-1/items",
        "000",
        parse_list([x for x in lines if not x.startswith("เพื่อประโยชน์")], r"^\([๐-๙]\)\s*"),
        loc,
    )
    put("000/s52-1/paragraphs", "000", [x for x in lines if x.startswith("เพื่อประโยชน์")], loc)
    lines = block(text, r"^อำนาจหน้าที่ของสำนักงานจังหวัด", r"^สำนักงานจังหวัดแบ่งออกเป็น")
    put("000/mandate/intro", "000", lines[:1], loc, r"^อำนาจหน้าที่ของสำนักงานจังหวัด")
    put("000/mandate/items", "000", parse_list(lines[1:], r"^\d+\)\s*"), loc)
    lines = block(text, r"^สำนักงานจังหวัดแบ่งออกเป็น", r"^โดยมีฝ่ายตรวจสอบภายใน")
    parsed = parse_groups(lines, r"^\d+\)\s*(กลุ่มงาน\S+)", r"^-\s*")
    put("000/groups/names", "000", [n for n, _ in parsed], loc, r"^สำนักงานจังหวัดแบ่งออกเป็น")
    loc.start(r"^สำนักงานจังหวัดแบ่งออกเป็น")
    for i, (_, duties) in enumerate(parsed, 1):
        put(f"000/groups/{i}/duties", "000", duties, loc)
    (line,) = [x for x in text.splitlines() if x.startswith("โดยมีฝ่ายตรวจสอบภายใน")]
    put("000/audit/description", "000", [line.removeprefix("โดยมี")], loc)

    # 002: Mukdahan
    text, loc = seed("002"), Locator("002")
    lines = block(text, r"^ประวัติความเป็นมา", r"^อำนาจหน้าที่")
    # after the corrections the merged line splits into: s.60 item 2 / centre paragraph / 2495 paragraph
    assert len(lines) == 6
    put("002/history/s60-lead", "002", lines[:1], loc, r"^ประวัติความเป็นมา")
    put("002/history/s60-items", "002", parse_list(lines[1:3], r"^\([๐-๙]\.\)\s*"), loc)
    put("002/history/centre", "002", lines[3:4], loc)
    lead, rest = lines[4].split("ดังนี้", 1)
    put("002/history/s38-lead", "002", [lead + "ดังนี้"], loc)
    put("002/history/s38-items", "002", [x.strip() for x in rest.split("(๒)")], loc)
    put("002/history/staffing", "002", lines[5:6], loc)
    lines = block(text, r"^อำนาจหน้าที่ของสำนักงานจังหวัดมุกดาหาร", r"^กลุ่มงาน")
    put("002/mandate/items", "002", parse_list(lines, r"^\d+\)\s*"), loc, r"^อำนาจหน้าที่ของสำนักงานจังหวัดมุกดาหาร")
    parsed = parse_groups(block(text, r"^7\)", r"^หน่วยงานตรวจสอบภายใน"), r"^(กลุ่มงาน\S+)\s*$", r"^–\s*")
    put("002/groups/names", "002", [n for n, _ in parsed], loc)
    loc.start(r"^7\)")
    for i, (_, duties) in enumerate(parsed, 1):
        put(f"002/groups/{i}/duties", "002", duties, loc)
    put("002/audit/name", "002", ["หน่วยงานตรวจสอบภายใน"], loc, r"^หน่วยงานตรวจสอบภายใน")
    put("002/audit/principles", "002", parse_list(block(text, r"^หน่วยงานตรวจสอบภายใน"), r"^-\s*"), loc)

    # 003: Chachoengsao
    text, loc = seed("003"), Locator("003")
    first, second = text.splitlines()[:2]
    put("003/head", "003", [first.strip(), second.strip()], loc)
    missions = block(text, r"^พันธกิจของสำนักงานจังหวัด", r"^โครงสร้างสำนักงานจังหวัด")
    put(
        "003/missions/paragraphs",
        "003",
        [x for x in missions if x.strip() and not re.match(r"^\s*๒\.", x)],
        loc,
        r"^พันธกิจของสำนักงานจังหวัด",
    )
    put("003/missions/aims", "003", parse_list(missions, r"^\s*๒\.[๐-๙]\s*"), loc)
    structure = [x for x in block(text, r"^โครงสร้างสำนักงานจังหวัด", r"^อำนาจหน้าที่") if x.strip()]
    put("003/s60/summary", "003", structure[:1], loc, r"^โครงสร้างสำนักงานจังหวัด")
    put("003/s60/items", "003", parse_list(structure[1:], r"^\s*\([๐-๙]\.\)\s*"), loc)
    # the mandate heading is followed directly by the next heading: nothing to keep
    put("003/mandate", "003", [x for x in block(text, r"^อำนาจหน้าที่สำนักงานจังหวัด", r"^วัตถุประสงค์") if x.strip()], loc)
    put("003/objectives", "003", parse_list(block(text, r"^วัตถุประสงค์"), r"^\s*[๐-๙]\.\s*"), loc, r"^วัตถุประสงค์")

    # 004: the national mandate and missions
    text, loc = seed("004"), Locator("004")
    missions = block(text, r"^พันธกิจของสำนักงานจังหวัด", r"^อำนาจหน้าที่")
    aims_start = next(i for i, x in enumerate(missions) if re.match(r"^\s*1\.", x))
    paras = "\n".join(missions[:aims_start]).split("\n\n")
    put(
        "004/missions/paragraphs",
        "004",
        [" ".join(p.split("\n")) for p in paras if p.strip()],
        loc,
        r"^พันธกิจของสำนักงานจังหวัด",
    )
    put("004/missions/aims", "004", parse_list(missions[aims_start:], r"^\s*\d\.\s*"), loc)
    heading = r"^อำนาจหน้าที่ของสำนักงานจังหวัด \(ตามกฎกระทรวงฯ พ\.ศ\. 2553\)"
    put("004/mandate/items", "004", parse_list(block(text, heading), r"^\s*\d\.\s*"), loc, heading)

    # 001: the national objectives, missions, s.60 and the earlier structure
    text, loc = seed("001"), Locator("001")
    intro = [x for x in block(text, r"^โครงสร้างภายในของสำนักงานจังหวัด", r"^- กลุ่มงานอำนวยการ") if x.strip()]
    assert len(intro) == 4
    put("001/earlier/title", "001", ["โครงสร้างภายในของสำนักงานจังหวัด"], loc)
    put("001/earlier/s5-lead", "001", intro[:1], loc)
    put("001/earlier/s5-items", "001", parse_list(intro[1:3], r"^-\s*"), loc)
    put("001/earlier/2545", "001", intro[3:4], loc)
    groups_lines = block(text, r"^การประกาศใช้พระราชบัญญัติ", r"^อำนาจหน้าที่ของสำนักงานจังหวัด")
    parsed = parse_groups(groups_lines, r"^- (กลุ่ม\S+)\s+มีภารกิจ", r"^ - ")
    put("001/earlier/groups/names", "001", [n for n, _ in parsed], loc)
    subgroups = [x[2:] for x in block(text, r"^- กลุ่มงานอำนวยการ", r"^- กลุ่มงานยุทธศาสตร์") if x.startswith("- ")]
    put("001/earlier/subgroups", "001", subgroups, loc, r"^- กลุ่มงานอำนวยการ")
    for i, (_, duties) in enumerate(parsed[1:], 2):
        put(f"001/earlier/groups/{i}/duties", "001", duties, loc)
    put(
        "001/earlier/mandate",
        "001",
        parse_list(block(text, r"^อำนาจหน้าที่ของสำนักงานจังหวัด", r"^วัตถุประสงค์"), r"^-\s*"),
        loc,
        r"^อำนาจหน้าที่ของสำนักงานจังหวัด",
    )
    put("001/objectives", "001", parse_list(block(text, r"^วัตถุประสงค์", r"^พันธกิจ"), r"^[๐-๙]\.\s*"), loc, r"^วัตถุประสงค์")
    missions = block(text, r"^พันธกิจ", r"^โครงสร้างสำนักงานจังหวัด")
    put(
        "001/missions/paragraphs",
        "001",
        [x for x in missions if x.strip() and not re.match(r"^๒\.", x)],
        loc,
        r"^พันธกิจ",
    )
    put("001/missions/aims", "001", parse_list(missions, r"^๒\.[๐-๙]\s*"), loc)
    s60 = [x for x in block(text, r"^โครงสร้างสำนักงานจังหวัด") if x.strip()]
    put("001/s60/summary", "001", s60[:1], loc, r"^โครงสร้างสำนักงานจังหวัด")
    put("001/s60/items", "001", parse_list(s60[1:], r"^\([๐-๙]\.\)\s*"), loc)

    # key sentences (in their corrected form; the data holds them too)
    sentences = []
    for num, found in sorted(KEY_SENTENCES.items()):
        loc = Locator(num)
        for name, sentence in found:
            assert key(sentence) in key(seed(num)), f"seed {num}: {sentence}"
            loc.at = 0
            sentences.append(
                {"seed": f"seeds/{seed_path(num).name}", "line": loc.line(sentence), "file": name, "text": sentence}
            )

    # the judgement calls of the defect list (data/CORRECTIONS.md must discuss each)
    with open(DEFECTS, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["confidence"] in ("medium", "low", "style")]
    judgement = sorted({f"{r['seed']}:{r['line']}" for r in rows}, key=lambda s: (s[:3], int(s[4:])))
    return {"facts": facts, "key_sentences": sentences, "defect_rows_to_discuss": judgement}


RECORD_HEADER = """\
# Facts from the seed texts (../shared/reference/seeds, corrected with seed-defects.csv) that
# tests/test_content.py checks the data against, so that the checks run where only the repository is
# (a GitHub runner). Each value is a text as the corrected seed has it, with the line of the seed
# file it starts on. Do not edit by hand: where the reference is present the tests extract the facts
# again and require this file to be identical. After a deliberate change, regenerate it:
#   CHANGWAT_REFERENCE=/path/to/reference .venv/bin/python tests/test_content.py --record
"""


def dump_record(record: dict) -> str:
    return RECORD_HEADER + yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000)


@functools.cache
def recorded() -> dict:
    with open(RECORD, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def fact(name: str) -> list[str]:
    """The texts of a recorded fact, with the project's documented decisions applied."""
    return [decide(name, v["text"]) for v in recorded()["facts"][name]["values"]]


# Rewordings the project made on purpose, by fact: (seed text, data text). Each is a row of
# data/CORRECTIONS.md ("Content review" section).
DECISIONS: dict[str, list[tuple[str, str]]] = {
    # T1: the `และ` of s.60 item (2) is not in any copy of s.60 (only in the 2495 Act's s.38)
    "s60-items": [("เป็นผู้ปกครองบังคับบัญชาและรับผิดชอบ", "เป็นผู้ปกครองบังคับบัญชารับผิดชอบ")],
    # S1: the law text is shown once, in the legal basis; the history paragraph points to it
    "002/history/s60-lead": [("ไว้ด้วย ดังนี้", "ไว้ด้วย ดังที่แสดงในหัวข้อฐานทางกฎหมาย")],
    "002/history/s38-lead": [
        ("กำหนดไว้ว่า “ให้แบ่งส่วนราชการของจังหวัดดังนี้", "ได้กำหนดการแบ่งส่วนราชการของจังหวัดไว้ ดังที่แสดงในหัวข้อฐานทางกฎหมาย")
    ],
    "001/earlier/s5-lead": [("ด้านที่สำคัญ คือ", "ด้านที่สำคัญ ดังที่แสดงในหัวข้อฐานทางกฎหมาย")],
    # T2: the reconstructed title of the 2545 regulation is not verified: kept generic
    "001/earlier/2545": [("กฎกระทรวงแบ่งส่วนราชการสำนักงานปลัดกระทรวง กระทรวงมหาดไทย พ.ศ. ๒๕๔๕", "กฎกระทรวง พ.ศ. ๒๕๔๕")],
}


def decide(name: str, text: str) -> str:
    rules = DECISIONS.get(name, []) + (
        DECISIONS["s60-items"] if name.endswith("s60/items") or name.endswith("s60-items") else []
    )
    for old, new in rules:
        if key(old) in key(text):
            text = text.replace(old, new)
            assert new in text, (name, old)
    return text


@needs_seeds
def test_recorded_facts_match_the_seeds():
    """The record in tests/reference/ is exactly what the seeds say (regenerate it with --record)."""
    assert recorded() == extract_facts(), f"{RECORD} is out of date: run `python tests/test_content.py --record`"


def test_decisions_apply():
    """Every documented decision changes the fact it names (a stale decision would hide nothing)."""
    for name, rules in DECISIONS.items():
        names = [n for n in recorded()["facts"] if n == name or (name == "s60-items" and "s60" in n and "items" in n)]
        assert names, name
        for n in names:
            raw = [v["text"] for v in recorded()["facts"][n]["values"]]
            assert fact(n) != raw, f"decision for {n} changes nothing"


def test_record_is_complete():
    rec = recorded()
    assert len(rec["facts"]) >= 40 and len(rec["key_sentences"]) == sum(map(len, KEY_SENTENCES.values()))
    for name, f in rec["facts"].items():
        assert re.fullmatch(r"seeds/00[0-4]_[0-9a-f]{16}\.txt", f["seed"]), name
        for v in f["values"]:
            assert isinstance(v["line"], int) and v["line"] >= 1 and v["text"].strip(), name
    assert rec["defect_rows_to_discuss"]


# ---------------------------------------------------------------------------------------------
# Explicit counts (derived from the seeds by hand; always run)

EXPECTED = {
    "ang-thong": {
        "mandate": 7,
        "groups": [("strategy", 12), ("damrongdhama", 8), ("human-resources", 11), ("administration", 14)],
    },
    "mukdahan": {
        "mandate": 7,
        "groups": [("damrongdhama", 9), ("strategy", 13), ("administration", 15), ("human-resources", 12)],
        "principles": 4,
        "history": [0, 0, 0, 0],
        "events": [("2495", 0), ("2516-08-28", 0), ("2517", 5), ("2518-05-27", 0), ("2518", 16), ("2519", 0)],
    },
    "chachoengsao": {
        "objectives": 5,
        "missions": (2, 5),
    },
    "national": {
        "mandate": 7,
        "objectives": 5,
        "missions": (2, 5),
        "groups": [("strategy", 12), ("damrongdhama", 8), ("human-resources", 11), ("administration", 14)],
        "laws": [
            "state-admin-act-2495",
            "state-admin-act-2534",
            "royal-decree-opsi-2535",
            "state-admin-act-2534-no5",
            "restructuring-act-2545",
            "ministerial-regulation-opsi-2545",
            "state-admin-act-2534-no7",
            "ministerial-regulation-2553",
        ],
        "earlier": {
            "paragraphs": [0, 0],
            "mandate": 7,
            "groups": [
                ("administration-2545", 0, 2),
                ("strategy-2545", 5, 0),
                ("information-2545", 3, 0),
                ("human-resources-2545", 13, 0),
            ],
        },
    },
}


@pytest.mark.parametrize("name", ["ang-thong", "mukdahan", "national"])
def test_counts_groups_and_mandate(name):
    doc, exp = data(name), EXPECTED[name]
    assert len(doc["mandate"]["items"]) == exp["mandate"]
    got = [(g["id"], len(g["duties"])) for g in doc["organisation"]["groups"]]
    assert got == exp["groups"]


def test_counts_ang_thong():
    doc = data("ang-thong")
    assert "legal_basis" not in doc, "its s.52/1 is the national copy: the national legal basis applies"
    assert doc["organisation"]["audit"]["name"]["th"] == "ฝ่ายตรวจสอบภายใน"
    assert len(doc["organisation"]["audit"]["description"]) == 1
    assert doc["mandate"]["intro"]["th"].startswith("สำนักงานจังหวัดอ่างทอง เป็นราชการส่วนภูมิภาค")


def test_counts_mukdahan():
    doc, exp = data("mukdahan"), EXPECTED["mukdahan"]
    assert len(doc["organisation"]["audit"]["principles"]) == exp["principles"]
    assert [len(p.get("items", [])) for p in doc["history"]["paragraphs"]] == exp["history"]
    assert [(e["date"], len(e.get("provinces", []))) for e in doc["history"]["events"]] == exp["events"]
    assert not [p for p in doc["history"]["paragraphs"] if "quote" in p], "s.60 and s.38 are in the legal basis"
    assert "legal_basis" not in doc


def test_counts_chachoengsao():
    doc, exp = data("chachoengsao"), EXPECTED["chachoengsao"]
    assert "mandate" not in doc, "seed 003's mandate heading is empty: the national mandate applies"
    assert "organisation" not in doc
    assert len(doc["objectives"]["items"]) == exp["objectives"]
    assert (len(doc["missions"]["paragraphs"]), len(doc["missions"]["aims"])) == exp["missions"]
    assert "legal_basis" not in doc, "its s.60 is the national copy: the national legal basis applies"
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
# The data against the recorded facts (always run)


def law(doc: dict, law_id: str) -> dict:
    return next(x for x in doc["legal_basis"]["laws"] if x["id"] == law_id)


def law_section(doc: dict, law_id: str, number: str) -> dict:
    return next(s for s in law(doc, law_id)["sections"] if s["number"] == number)


def same(got, name: str) -> None:
    assert keys(got) == keys(fact(name)), name


def test_seed_000_facts():
    """Ang Thong: s.52/1 (shown from the national legal basis, which quotes the same section),
    the mandate, the four groups and the audit section."""
    s521 = law_section(data("national"), "state-admin-act-2534-no7", "52/1")
    same([s521["text"]["th"]], "000/s52-1/text")
    same(th(s521["items"]), "000/s52-1/items")
    same(th(s521["paragraphs"]), "000/s52-1/paragraphs")
    doc = data("ang-thong")
    assert "legal_basis" not in doc, "s.52/1 is the national copy: the office inherits the whole legal basis"
    same([doc["mandate"]["intro"]["th"]], "000/mandate/intro")
    same(th(doc["mandate"]["items"]), "000/mandate/items")
    groups = doc["organisation"]["groups"]
    same([g["name"]["th"] for g in groups], "000/groups/names")
    for i, g in enumerate(groups, 1):
        same(th(g["duties"]), f"000/groups/{i}/duties")
        assert g["intro"]["th"] == "มีหน้าที่ความรับผิดชอบเกี่ยวกับ"
    # the connective "โดยมี" ("with") is dropped: the paragraph stands on its own under its heading
    same(th(doc["organisation"]["audit"]["description"]), "000/audit/description")


def test_seed_002_facts():
    doc, national = data("mukdahan"), data("national")
    same(th(doc["mandate"]["items"]), "002/mandate/items")
    groups = doc["organisation"]["groups"]
    assert [g["name"]["th"] for g in groups] == fact("002/groups/names")
    for i, g in enumerate(groups, 1):
        same(th(g["duties"]), f"002/groups/{i}/duties")
        assert fact(f"002/groups/{i}/duties")[-1] == "ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย"
    audit = doc["organisation"]["audit"]
    assert [audit["name"]["th"]] == fact("002/audit/name")
    same(th(audit["principles"]), "002/audit/principles")
    # history: the commentary stays in the history; the law text of s.60 and s.38 is shown once,
    # in the (inherited) national legal basis, never quoted a second time on the page
    assert "legal_basis" not in doc
    paragraphs = doc["history"]["paragraphs"]
    assert all("quote" not in p and "items" not in p for p in paragraphs)
    got = [p["text"]["th"] for p in paragraphs]
    want = (
        fact("002/history/s60-lead")
        + fact("002/history/centre")
        + fact("002/history/s38-lead")
        + fact("002/history/staffing")
    )
    assert keys(got) == keys(want)
    same(th(law_section(national, "state-admin-act-2534", "60")["items"]), "002/history/s60-items")
    same(th(law_section(national, "state-admin-act-2495", "38")["items"]), "002/history/s38-items")


def test_seed_003_facts():
    doc, national = data("chachoengsao"), data("national")
    assert [doc["head"]["name"]["th"], doc["head"]["position"]["th"]] == fact("003/head")
    same(th(doc["missions"]["paragraphs"]), "003/missions/paragraphs")
    same(th(doc["missions"]["aims"]), "003/missions/aims")
    same(th(doc["objectives"]["items"]), "003/objectives")
    # seed 003's "structure" section is s.60 word for word as the national legal basis has it:
    # the office inherits the legal basis instead of repeating one law of it
    assert "legal_basis" not in doc
    s60 = law(national, "state-admin-act-2534")
    same(th(s60["summary"]), "003/s60/summary")
    same(th(s60["sections"][0]["items"]), "003/s60/items")
    assert fact("003/mandate") == [] and "mandate" not in doc, "seed 003's mandate heading is empty"


def test_seed_004_facts():
    doc = data("national")
    same(th(doc["mandate"]["items"]), "004/mandate/items")
    same(th(doc["missions"]["paragraphs"]), "004/missions/paragraphs")
    same(th(doc["missions"]["aims"]), "004/missions/aims")


def test_seed_001_facts():
    doc = data("national")
    same(th(doc["objectives"]["items"]), "001/objectives")
    same(th(data("chachoengsao")["objectives"]["items"]), "001/objectives")
    same(th(doc["missions"]["paragraphs"]), "001/missions/paragraphs")
    same(th(doc["missions"]["aims"]), "001/missions/aims")
    s60 = law(doc, "state-admin-act-2534")
    same(th(s60["summary"]), "001/s60/summary")
    same(th(s60["sections"][0]["items"]), "001/s60/items")
    (earlier,) = doc["earlier_structures"]
    same([earlier["title"]["th"]], "001/earlier/title")
    p2535, p2545 = earlier["paragraphs"]
    # the royal decree's s.5 is quoted once, in the legal basis; the earlier structure points to it
    assert "quote" not in p2535 and "items" not in p2535
    same([p2535["text"]["th"]], "001/earlier/s5-lead")
    same(th(law_section(doc, "royal-decree-opsi-2535", "5")["items"]), "001/earlier/s5-items")
    same([p2545["text"]["th"]], "001/earlier/2545")
    same([g["name"]["th"] for g in earlier["groups"]], "001/earlier/groups/names")
    admin, *others = earlier["groups"]
    for i, g in enumerate(others, 2):
        same(th(g["duties"]), f"001/earlier/groups/{i}/duties")
    same([sg["name"]["th"] + sg["description"][0]["th"] for sg in admin["subgroups"]], "001/earlier/subgroups")
    same(th(earlier["mandate"]), "001/earlier/mandate")


def test_no_law_text_twice_on_a_page():
    """A statute's words appear once per page: an office's own texts never repeat an item of a law
    section its page already shows from the legal basis (its own or the national one)."""
    national = data("national")
    for name in ("ang-thong", "mukdahan", "chachoengsao"):
        doc = data(name)
        basis = doc.get("legal_basis") or national["legal_basis"]
        law_words = {
            key(t["th"])
            for x in basis["laws"]
            for s in x.get("sections", [])
            for t in [*s.get("items", []), *s.get("paragraphs", []), *([s["text"]] if s.get("text") else [])]
        }
        own = [key(t["th"]) for section, v in doc.items() if section != "legal_basis" for _, t in texts(v)]
        assert not law_words & set(own), name
    # the standard page: the earlier structure does not quote the legal basis again
    law_words = {
        key(t["th"]) for x in national["legal_basis"]["laws"] for s in x.get("sections", []) for t in s.get("items", [])
    }
    assert not law_words & {key(t["th"]) for _, t in texts(national["earlier_structures"])}


# ---------------------------------------------------------------------------------------------
# The standard work groups: what seeds 000 and 002 share


# Duties that 000 and 002 word differently; the national file uses 000's wording.
WORDING_000_VS_002 = {
    "ติดตามประเมินผลตามแผนพัฒนา/แผนปฏิบัติราชการประจำปีของจังหวัด/กลุ่มจังหวัด": "ติดตามและประเมินผลตามแผนพัฒนา/แผนปฏิบัติราชการประจำปีของจังหวัด/กลุ่มจังหวัด",
    "งานประสานงานกับสำนักงาน ก.พ. และส่วนราชการในการเพิ่มขีดความสามารถและเสริมสร้างความเข้มแข็งด้านการบริหารงานทรัพยากรบุคคลจังหวัด": "ประสานงานกับสำนักงาน ก.พ. และส่วนราชการในการเพิ่มขีดความสามารถและเสริมสร้างความเข้มแข็งด้านการบริหารงานทรัพยากรบุคคลจังหวัด",
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
        ("national", "ให้จังหวัดมีอำนาจภายในเขตจังหวัดดังต่อไปนี้"),
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
        ("national", "และการกำหนดตำแหน่งใหม่ในสำนักงานปลัดกระทรวงมหาดไทย"),
        ("national", "อำนวยการ ประสาน ปฏิบัติงาน และสนับสนุนงานอันเป็นอำนาจหน้าที่ของผู้ว่าราชการจังหวัด ปฏิบัติงานร่วมกับ"),
        ("national", "การเสนอแนะการบริหารราชการตามที่กฎหมายกำหนดให้เป็นอำนาจของผู้ว่าราชการจังหวัด"),
        ("national", "งานบริหารและงานเลขานุการคณะกรรมการพัฒนาระบบราชการและยุทธศาสตร์กำลังคนของจังหวัด"),
        ("national", "งานการสรรหาคนเก่งเข้ารับราชการในพื้นที่จังหวัด"),
        ("national", "งานส่งเสริมจริยธรรม ป้องกันการทุจริตและประเทศไทยใสสะอาด"),
        ("national", "แปลงยุทธศาสตร์การพัฒนาระดับชาติไปเป็นยุทธศาสตร์การพัฒนาจังหวัดในพื้นที่"),
        ("national", "มีหัวหน้าส่วนราชการประจำจังหวัดนั้น ๆ เป็นผู้ปกครองบังคับบัญชา"),
    ],
    "002": [
        ("mukdahan", "สำนักงานจังหวัดมุกดาหาร"),
        ("national", "มีหน้าที่เกี่ยวกับราชการทั่วไป และการวางแผนพัฒนาจังหวัดของจังหวัดนั้น มีหัวหน้าสำนักงานจังหวัด"),
        ("mukdahan", "ดำเนินการเป็นศูนย์กลางในการบริหารงานของผู้ว่าราชการจังหวัด"),
        ("mukdahan", "ซึ่งเป็นศูนย์กลางของการบริหารราชการของกระทรวงมหาดไทยในส่วนกลาง"),
        ("mukdahan", "ซึ่งตามมาตรา 38 ของพระราชบัญญัติดังกล่าว"),
        ("national", "มีผู้ว่าราชการจังหวัดเป็นผู้ปกครองบังคับบัญชาและรับผิดชอบ"),
        ("mukdahan", "เมื่อวันที่ 28 สิงหาคม 2516"),
        ("mukdahan", "เมื่อวันที่ 27 พฤษภาคม 2518"),
        ("mukdahan", "ในปี พ.ศ. 2519 จำนวน 49 จังหวัด"),
        ("mukdahan", "สำนักงานปลัดกระทรวงมหาดไทยเป็นผู้รับผิดชอบในการบริหาร การวินิจฉัยสั่งการ"),
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
        ("national", "มีหัวหน้าส่วนราชการประจำจังหวัดนั้น ๆ เป็นผู้ปกครองบังคับบัญชา"),
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
    """Each key sentence is in the data file named, as recorded (the record holds its seed line)."""
    found = [s for s in recorded()["key_sentences"] if s["seed"].startswith(f"seeds/{num}_")]
    assert [(s["file"], s["text"]) for s in found] == KEY_SENTENCES[num]
    for s in found:
        assert s["text"] in all_thai(s["file"]), f"{s['file']}: {s['text']} (seed line {s['line']})"


# ---------------------------------------------------------------------------------------------
# Text hygiene


MARKER = re.compile(r"^\s*(?:[-–•*]|\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[.)]|\([0-9๐-๙]+\.?\))\s")
INVISIBLE = re.compile(r"[\u00a0\u00ad\u200b-\u200d\u2060\ufeff]")
SPLIT_AM = re.compile(
    r"(?<![\u0e01-\u0e2e\u0e31\u0e32\u0e34-\u0e3a\u0e47-\u0e4e])[\u0e30\u0e32\u0e33\u0e45\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
)


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
    slugs = {re.sub(r"[^a-z]+", "-", s.name.lower()).strip("-") for s in pycountry.subdivisions.get(country_code="TH")}
    for name in ("national", "mukdahan"):
        events = data(name)["history"]["events"]
        for e in events:
            assert set(e.get("provinces", [])) <= slugs, e["id"]
        assert sum(len(e.get("provinces", [])) for e in events) == 21


# ---------------------------------------------------------------------------------------------
# The corrections log


def test_corrections_log_covers_judgement_calls():
    """Every medium/low/style row of the defect list is discussed in data/CORRECTIONS.md (as seed:line;
    the rows are recorded in tests/reference/seed-facts.yaml)."""
    log = (DATA / "CORRECTIONS.md").read_text(encoding="utf-8")
    rows = recorded()["defect_rows_to_discuss"]
    assert len(rows) > 20
    missing = sorted(set(rows) - set(re.findall(r"\b\d{3}:\d+\b", log)))
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
    found = [str(p) for p in problems if Path(p.pos.path).resolve() in ours and p.severity in ("error", "warning")]
    assert found == []


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: CHANGWAT_REFERENCE=/path/to/reference python tests/test_content.py --record")
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    RECORD.write_text(dump_record(extract_facts()), encoding="utf-8")
    print(f"wrote {RECORD}")


# ---------------------------------------------------------------------------------------------
# Sources and laws a reader can check

# The only hosts an official law text may be linked on: the Royal Gazette and the Office of the
# Council of State (an address must also have been checked by a person; see CORRECTIONS.md).
OFFICIAL_LAW_HOSTS = (
    "https://ratchakitcha.soc.go.th/",
    "https://www.ratchakitcha.soc.go.th/",
    "https://www.krisdika.go.th/",
    "https://www.ocs.go.th/",
    "https://www.law.go.th/",
)
PUBLISHERS = {"seed-000": "สำนักงานจังหวัดอ่างทอง", "seed-002": "สำนักงานจังหวัดมุกดาหาร", "seed-003": "สำนักงานจังหวัดฉะเชิงเทรา"}


def test_sources_and_laws_readers_can_check():
    from changwat.model import Law, Text

    for name in FILES:
        doc = data(name)
        for s in doc.get("sources", []):
            if s["id"] in PUBLISHERS:
                assert s["publisher"]["th"] == PUBLISHERS[s["id"]], (name, s["id"])
            else:
                assert "publisher" not in s, f"{name}: {s['id']}: the publisher of a general text is not known"
        for law in doc.get("legal_basis", {}).get("laws", []):
            if "official_url" in law:
                assert law["official_url"].startswith(OFFICIAL_LAW_HOSTS), law["id"]
    law = Law(
        id="x",
        kind="act",
        title=Text(th="พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน", en="State Administration Act"),
        year_be=2550,
        amendment=7,
    )
    assert law.year_ce == 2007 and law.official_title() == "พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน (ฉบับที่ 7) พ.ศ. 2550"
    assert law.full_title("en") == "State Administration Act (No. 7), B.E. 2550 (2007)"
    from changwat.build.ui import ui_strings

    assert "unofficial translation" in ui_strings()["en"]["unofficial_translation"]
