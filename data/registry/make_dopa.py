"""Write dopa-provinces.csv and dopa-districts.csv from the pinned geothai package.

    python -m venv /tmp/geothai && /tmp/geothai/bin/pip install geothai==3.2.1
    /tmp/geothai/bin/python data/registry/make_dopa.py

geothai 3.2.1 (PyPI; code MIT) ships GeoThai/data release 2026.10.23 (data CC BY 4.0, © 2026
Pongsakorn Thipayanate, https://github.com/GeoThai/data), whose codes and names come from the
Department of Provincial Administration (กรมการปกครอง, https://stat.bora.dopa.go.th/). The site does
not need geothai: the two CSV files are the vendored copy, and tests/test_registry_dopa.py checks
them against data/registry/provinces.csv. Bangkok (code 10) is left out: it has no provincial office
and its เขต are not อำเภอ.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import geothai

VERSION, DATA_VERSION = "3.2.1", "2026.10.23"
HERE = Path(__file__).resolve().parent
BANGKOK = "10"


def main() -> None:
    from importlib.metadata import version

    if version("geothai") != VERSION or geothai.DATA_VERSION != DATA_VERSION:
        sys.exit(f"need geothai {VERSION} (data {DATA_VERSION}), found {version('geothai')} ({geothai.DATA_VERSION})")
    provinces = sorted((p for p in geothai.provinces() if p.code != BANGKOK), key=lambda p: p.code)
    with open(HERE / "dopa-provinces.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "th", "en"])
        for p in provinces:
            w.writerow([p.code, p.name_th, p.name_en])
    with open(HERE / "dopa-districts.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "province_code", "th", "en"])
        for p in provinces:
            for d in sorted(geothai.districts(p.code), key=lambda d: d.code):
                w.writerow([d.code, d.province_code, d.name_th, d.name_en])


if __name__ == "__main__":
    main()
