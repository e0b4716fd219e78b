"""The vendored DOPA province and district lists (data/registry/dopa-*.csv) against the registry."""

from __future__ import annotations

import csv

from changwat.model.dopa import load_dopa
from changwat.model.registry import load_registry
from conftest import PROJECT

REGISTRY_DIR = PROJECT.data / "registry"
# English spellings that differ between the registry (ISO 3166-2, pycountry) and DOPA's list
ENGLISH_DIFFERS = {"82": ("Phangnga", "Phang-nga")}


def test_provinces_match_the_registry():
    registry, areas = load_registry(PROJECT.registry), load_dopa(REGISTRY_DIR)
    assert areas is not None and len(areas) == len(registry) == 76
    assert {p.iso for p in areas} == {p.iso for p in registry}, "one DOPA code per ISO code, same number"
    for p in registry:
        d = areas.of(p)
        assert d.th == p.th, p.slug
        if d.code in ENGLISH_DIFFERS:
            assert (p.en, d.en) == ENGLISH_DIFFERS[d.code]
        else:
            assert d.en == p.en, p.slug


def test_districts():
    registry, areas = load_registry(PROJECT.registry), load_dopa(REGISTRY_DIR)
    codes = [d.code for p in areas for d in p.districts]
    assert len(codes) == len(set(codes)) == 878  # geothai's 928 minus Bangkok's 50 เขต
    for p in areas:
        assert p.districts, p.code
        assert [d.code for d in p.districts] == sorted(d.code for d in p.districts)
        for d in p.districts:
            assert d.province_code == p.code and d.code[:2] == p.code and d.th.strip() and d.en.strip()
    mukdahan = areas.districts(registry.get("mukdahan"))
    assert [d.code for d in mukdahan] == [f"49{i:02d}" for i in range(1, 8)]  # NOTES.md §7
    assert (mukdahan[0].th, mukdahan[0].en) == ("เมืองมุกดาหาร", "Mueang Mukdahan")
    assert len(areas.districts(registry.get("ang-thong"))) == 7
    assert len(areas.districts(registry.get("chachoengsao"))) == 11


def test_files_are_plain_utf8_csv():
    for name, header in (
        ("dopa-provinces.csv", ["code", "th", "en"]),
        ("dopa-districts.csv", ["code", "province_code", "th", "en"]),
    ):
        raw = (REGISTRY_DIR / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
        with open(REGISTRY_DIR / name, encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == header


def test_no_lists_means_none(tmp_path):
    assert load_dopa(tmp_path) is None
