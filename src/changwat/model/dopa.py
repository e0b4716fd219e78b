"""Official identifiers of the provinces and their districts (อำเภอ), from the Department of
Provincial Administration (กรมการปกครอง, DOPA).

``data/registry/dopa-provinces.csv`` (``code,th,en``) and ``data/registry/dopa-districts.csv``
(``code,province_code,th,en``) are a vendored copy of GeoThai/data 2026.10.23 as shipped by the PyPI
package geothai 3.2.1 (data CC BY 4.0, © 2026 Pongsakorn Thipayanate; codes and names from DOPA),
written by ``data/registry/make_dopa.py``. The site does not depend on geothai.

A province's DOPA code is the two-digit code also used by ISO 3166-2:TH (TH-49 ↔ 49); a district's
is four digits starting with its province's (4901–4907 for Mukdahan). ``tests/test_registry_dopa.py``
checks both files against the registry.

    areas = load_dopa(project.data / "registry")   # or Project.data / "registry"
    areas.province("mukdahan").code                # "49"
    [d.en for d in areas.districts("mukdahan")]    # ["Mueang Mukdahan", "Nikhom Kham Soi", ...]
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

__all__ = ["ATTRIBUTION", "District", "DopaAreas", "DopaProvince", "load_dopa"]

PROVINCES_CSV = "dopa-provinces.csv"
DISTRICTS_CSV = "dopa-districts.csv"

# The credit the data's licence (CC BY 4.0) asks for, in both languages.
ATTRIBUTION = {
    "th": "รหัสและชื่อจังหวัดและอำเภอ: กรมการปกครอง ผ่าน GeoThai/data 2026.10.23 (geothai 3.2.1) "
    "สัญญาอนุญาต CC BY 4.0 © 2026 Pongsakorn Thipayanate",
    "en": "Province and district codes and names: Department of Provincial Administration (DOPA), via "
    "GeoThai/data 2026.10.23 (geothai 3.2.1), CC BY 4.0, © 2026 Pongsakorn Thipayanate",
    "url": "https://github.com/GeoThai/data",
    "license": "CC-BY-4.0",
}


@dataclass(frozen=True)
class District:
    """A district (อำเภอ) with its DOPA code."""

    code: str
    province_code: str
    th: str
    en: str


@dataclass(frozen=True)
class DopaProvince:
    """A province as DOPA lists it: its code and names, and its districts in code order."""

    code: str
    th: str
    en: str
    districts: tuple[District, ...]

    @property
    def iso(self) -> str:
        """The ISO 3166-2:TH code with the same number (the test checks the registry agrees)."""
        return f"TH-{self.code}"


class _HasIso(Protocol):
    """Anything with an ISO 3166-2:TH code, such as a registry Province."""

    @property
    def iso(self) -> str: ...


class DopaAreas:
    """The DOPA provinces, looked up by DOPA code, ISO code or registry slug (via the registry's ISO
    codes)."""

    def __init__(self, provinces: list[DopaProvince]):
        self.by_code = {p.code: p for p in provinces}

    def __len__(self) -> int:
        return len(self.by_code)

    def __iter__(self) -> Iterator[DopaProvince]:
        return iter(self.by_code.values())

    def by_iso(self, iso: str) -> DopaProvince | None:
        return self.by_code.get(iso.removeprefix("TH-")) if iso.startswith("TH-") else None

    def of(self, province: _HasIso) -> DopaProvince | None:
        """The DOPA entry of a registry Province (anything with an ``iso``)."""
        return self.by_iso(province.iso)

    def districts(self, province: _HasIso) -> tuple[District, ...]:
        entry = self.of(province)
        return entry.districts if entry else ()


@functools.cache
def _load(folder: str, stamp: tuple[tuple[int, int], ...]) -> DopaAreas:
    base = Path(folder)
    districts: dict[str, list[District]] = {}
    with open(base / DISTRICTS_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            d = District(row["code"], row["province_code"], row["th"], row["en"])
            if not (d.code.isdigit() and len(d.code) == 4 and d.code.startswith(d.province_code)):
                raise ValueError(f"{base / DISTRICTS_CSV}: bad district code {d.code!r}")
            districts.setdefault(d.province_code, []).append(d)
    provinces = []
    with open(base / PROVINCES_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            if not (code.isdigit() and len(code) == 2):
                raise ValueError(f"{base / PROVINCES_CSV}: bad province code {code!r}")
            provinces.append(DopaProvince(code, row["th"], row["en"], tuple(districts.get(code, ()))))
    return DopaAreas(provinces)


def load_dopa(folder: str | Path) -> DopaAreas | None:
    """The DOPA lists in a registry folder (``data/registry``); None when the folder has none (a
    data folder made for a test). Read once per folder and file version."""
    base = Path(folder)
    files = [base / PROVINCES_CSV, base / DISTRICTS_CSV]
    if not all(f.is_file() for f in files):
        return None
    stamp = tuple((f.stat().st_size, f.stat().st_mtime_ns) for f in files)
    return _load(str(base.resolve()), stamp)
