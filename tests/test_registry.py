"""The province registry (data/registry/provinces.csv) against pycountry and pythainlp."""

from __future__ import annotations

import csv
import gettext
import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest
from pythainlp.corpus import provinces as pythainlp_provinces
from pythainlp.util import collate

from changwat.check.thai import RULES, lint
from changwat.model.registry import REGION_KEYS, REGIONS, Province, Registry, load_registry, thai_order
from conftest import REGISTRY_CSV

CSV = Path(__file__).resolve().parents[1] / "data" / "registry" / "provinces.csv"

# ISO 3166-2:TH subdivisions without a provincial office.
NOT_PROVINCES = {
    "TH-10": "Bangkok (Krung Thep Maha Nakhon), a special administrative area",
    "TH-S": "Pattaya (Phatthaya), a special administrative city",
}

# Known gaps in pycountry's Thai translations (iso3166-2 gettext catalogue); the registry uses
# pythainlp's Thai names, which are right. Listed explicitly so that a fix upstream shows up here.
PYCOUNTRY_THAI_GAPS = {
    "TH-38": ("Bueng Kan", "บึงกาฬ"),  # untranslated: pycountry returns the English name
    "TH-39": ("หนองบัวลำพู", "หนองบัวลำภู"),  # misspelt: ภ (phu as in ภูเขา), not พ
}

# The six-region system (National Geographical Committee, 1977); Bangkok would make central 22.
REGION_COUNTS = {"north": 9, "northeast": 20, "central": 21, "east": 7, "west": 5, "south": 14}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(CSV)


@pytest.fixture(scope="module")
def iso_th() -> dict[str, pycountry.db.Data]:
    return {s.code: s for s in pycountry.subdivisions.get(country_code="TH")}


def test_the_project_reads_the_repository_file() -> None:
    assert REGISTRY_CSV == CSV


def test_file_format() -> None:
    raw = CSV.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    text = raw.decode("utf-8")
    assert text.splitlines()[0] == "iso,slug,th,en,region"
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["iso"] for r in rows] == sorted((r["iso"] for r in rows), key=lambda c: int(c[3:])), "sorted by ISO"


def test_76_provinces_unique(registry: Registry) -> None:
    assert len(registry) == 76
    for field in ("iso", "slug", "th", "en"):
        values = [getattr(p, field) for p in registry]
        assert len(set(values)) == 76, f"duplicate {field}"


def test_iteration_is_in_iso_order(registry: Registry) -> None:
    codes = [int(p.iso[3:]) for p in registry]
    assert codes == sorted(codes)
    assert next(iter(registry)).iso == "TH-11"


def test_exactly_the_iso_subdivisions_with_a_provincial_office(registry: Registry, iso_th: dict) -> None:
    assert len(iso_th) == 78
    assert set(registry.by_iso) == set(iso_th) - set(NOT_PROVINCES)
    for code in NOT_PROVINCES:
        assert code not in registry.by_iso
    assert "bangkok" not in registry and "krung-thep-maha-nakhon" not in registry
    assert "phatthaya" not in registry and "pattaya" not in registry


def test_english_names_are_pycountrys(registry: Registry, iso_th: dict) -> None:
    for p in registry:
        assert p.en == iso_th[p.iso].name, p.iso
        assert iso_th[p.iso].type == "Province"


def test_slugs_are_kebab_case_of_the_english_name(registry: Registry) -> None:
    for p in registry:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", p.slug), p.slug
        assert p.slug == re.sub(r"[^a-z0-9]+", "-", p.en.lower()).strip("-")
    assert registry.by_iso["TH-15"].slug == "ang-thong"
    assert registry.by_iso["TH-14"].slug == "phra-nakhon-si-ayutthaya"
    assert registry.by_iso["TH-20"].slug == "chon-buri"


def test_thai_names_are_pythainlps(registry: Registry) -> None:
    """pythainlp has correct Thai names but no ISO codes: matched by English name. Its English names
    equal pycountry's for all 76 provinces (it calls TH-10 "Bangkok", which is not in the registry)."""
    by_en = {d["name_en"]: d["name_th"] for d in pythainlp_provinces(details=True)}
    assert len(by_en) == 77
    assert set(by_en) - {p.en for p in registry} == {"Bangkok"}
    for p in registry:
        assert p.th == by_en[p.en], p.iso


def test_thai_order_sorts_the_provinces_as_pythainlp_does(registry: Registry) -> None:
    """The lists of offices sort Thai names with thai_order, which pythainlp's collate checks."""
    names = [p.th for p in registry]
    ours = sorted(names, key=thai_order)
    assert ours == collate(names)
    assert ours[:3] == ["กระบี่", "กาญจนบุรี", "กาฬสินธุ์"]
    # เ sorts under the consonant after it: เชียงราย after ชุมพร, ใหม่ under ห, after ราย
    assert ours.index("ชุมพร") + 1 == ours.index("เชียงราย") == ours.index("เชียงใหม่") - 1


def test_thai_order_is_dictionary_order() -> None:
    """Leading vowels sort under their consonant; tone marks only part words of the same letters."""
    words = ["หมู", "วัว", "ไก่", "กาล", "เป็ด", "วันที่", "เกิด", "กาก", "ก่า", "กา"]
    assert sorted(words, key=thai_order) == ["กา", "ก่า", "กาก", "กาล", "เกิด", "ไก่", "เป็ด", "วันที่", "วัว", "หมู"]


def test_thai_names_against_pycountry_with_known_gaps(registry: Registry) -> None:
    th = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["th"])
    differ = {}
    for p in registry:
        theirs = th.gettext(p.en)
        if theirs != p.th:
            differ[p.iso] = (theirs, p.th)
    assert differ == {"TH-38": ("Bueng Kan", "บึงกาฬ"), "TH-39": ("หนองบัวลำพู", "หนองบัวลำภู")}
    assert differ == PYCOUNTRY_THAI_GAPS


@pytest.mark.parametrize(
    ("iso", "slug", "th", "en"),
    [
        ("TH-15", "ang-thong", "อ่างทอง", "Ang Thong"),
        ("TH-49", "mukdahan", "มุกดาหาร", "Mukdahan"),
        ("TH-24", "chachoengsao", "ฉะเชิงเทรา", "Chachoengsao"),
        ("TH-38", "bueng-kan", "บึงกาฬ", "Bueng Kan"),
        ("TH-39", "nong-bua-lam-phu", "หนองบัวลำภู", "Nong Bua Lam Phu"),
        ("TH-84", "surat-thani", "สุราษฎร์ธานี", "Surat Thani"),
    ],
)
def test_known_provinces(registry: Registry, iso: str, slug: str, th: str, en: str) -> None:
    p = registry.by_iso[iso]
    assert p == Province(iso, slug, th, en, p.region)
    assert registry.get(slug) is p and registry.by_slug[slug] is p


def test_thai_names_pass_the_thai_lint(registry: Registry) -> None:
    for p in registry:
        assert [f for f in lint(p.th) if RULES[f.code].severity == "error"] == [], p.th
        assert lint(p.en, "en") == [], p.en


def test_regions(registry: Registry) -> None:
    assert len(REGIONS) == 6
    assert REGION_KEYS == ("north", "northeast", "central", "east", "west", "south")
    assert [(r.th, r.en) for r in REGIONS][:2] == [
        ("ภาคเหนือ", "Northern region"),
        ("ภาคตะวันออกเฉียงเหนือ", "Northeastern region"),
    ]
    assert all(r.th.startswith("ภาค") and r.en.endswith(" region") for r in REGIONS)
    counts = Counter(p.region for p in registry)
    assert dict(counts) == REGION_COUNTS
    assert sum(counts.values()) == 76
    assert registry.by_iso["TH-15"].region == "central"
    assert registry.by_iso["TH-49"].region == "northeast"
    assert registry.by_iso["TH-24"].region == "east"
    assert registry.by_iso["TH-63"].region == "west"  # Tak is western in the six-region system
    assert registry.by_iso["TH-38"].region_info.th == "ภาคตะวันออกเฉียงเหนือ"
    assert [p.iso for p in registry.in_region("west")] == ["TH-63", "TH-70", "TH-71", "TH-76", "TH-77"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("angthong", "ang-thong"),
        ("ang_thong", "ang-thong"),
        ("Ang Thong", "ang-thong"),
        ("อ่างทอง", "ang-thong"),
        ("TH-15", "ang-thong"),
        ("chonburi", "chon-buri"),
        ("chon-bury", "chon-buri"),
        ("ayutthaya", "phra-nakhon-si-ayutthaya"),
        ("mukdahann", "mukdahan"),
        ("nong-bua-lamphu", "nong-bua-lam-phu"),
        ("สุราษฎร์ ธานี", "surat-thani"),
    ],
)
def test_suggest(registry: Registry, typed: str, meant: str) -> None:
    assert meant in registry.suggest(typed)


def test_suggest_nothing_close(registry: Registry) -> None:
    assert registry.suggest("zzzzzz") == []
    assert registry.suggest("") == []
    assert len(registry.suggest("nakhon")) <= 3


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("iso,slug,th,en\nTH-15,ang-thong,อ่างทอง,Ang Thong\n", "header"),
        ("iso,slug,th,en,region\nTH-15,ang-thong,อ่างทอง,Ang Thong,middle\n", "region"),
        ("iso,slug,th,en,region\nTH-15,Ang Thong,อ่างทอง,Ang Thong,central\n", "kebab"),
        (
            "iso,slug,th,en,region\nTH-15,ang-thong,อ่างทอง,Ang Thong,central\nTH-16,ang-thong,ลพบุรี,Lop Buri,central\n",
            ":3: slug 'ang-thong' already on line 2",
        ),
        ("iso,slug,th,en,region\nTH-15,ang-thong,อ่างทอง\n", "columns"),
        ("iso,slug,th,en,region\n15,ang-thong,อ่างทอง,Ang Thong,central\n", "ISO"),
    ],
)
def test_malformed_registry_is_reported_with_its_line(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "provinces.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(says)):
        load_registry(path)
