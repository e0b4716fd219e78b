"""The province registry: the 76 provinces that have a provincial office (สำนักงานจังหวัด).

``data/registry/provinces.csv`` (UTF-8, columns ``iso,slug,th,en,region``, sorted by ISO code) is
the single list of provinces. It covers every ISO 3166-2:TH subdivision except TH-10 Bangkok
(กรุงเทพมหานคร, which has no provincial office) and TH-S Pattaya (a special city, not a province).

* ``iso``    ISO 3166-2 code, e.g. ``TH-15``
* ``slug``   the English ISO name in kebab case (``ang-thong``); office files and URLs use it
* ``th``     the Thai name (อ่างทอง); ``en`` the English ISO name (Ang Thong)
* ``region`` one of :data:`REGIONS` (the six geographical regions)

The English names are pycountry's (ISO 3166-2); the Thai names are pythainlp's, which are correct
where pycountry's Thai translations miss TH-38 บึงกาฬ and misspell TH-39 หนองบัวลำภู.
``tests/test_registry.py`` checks the file against both libraries.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

__all__ = ["Province", "REGIONS", "REGION_KEYS", "Region", "Registry", "load_registry"]

FIELDS = ("iso", "slug", "th", "en", "region")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Region:
    """One of Thailand's six geographical regions."""

    key: str
    th: str
    en: str


# The six-region system of the National Geographical Committee (1977), used by the Royal
# Institute (ราชบัณฑิตยสถาน); ordered north to south.
REGIONS: tuple[Region, ...] = (
    Region("north", "ภาคเหนือ", "Northern region"),
    Region("northeast", "ภาคตะวันออกเฉียงเหนือ", "Northeastern region"),
    Region("central", "ภาคกลาง", "Central region"),
    Region("east", "ภาคตะวันออก", "Eastern region"),
    Region("west", "ภาคตะวันตก", "Western region"),
    Region("south", "ภาคใต้", "Southern region"),
)
REGION_KEYS: tuple[str, ...] = tuple(r.key for r in REGIONS)


@dataclass(frozen=True)
class Province:
    """A province with a provincial office."""

    iso: str
    slug: str
    th: str
    en: str
    region: str

    @property
    def region_info(self) -> Region:
        return REGIONS[REGION_KEYS.index(self.region)]


class Registry:
    """The provinces, iterated in ISO-code order, looked up by slug or ISO code."""

    def __init__(self, provinces: list[Province]):
        self.provinces: tuple[Province, ...] = tuple(sorted(provinces, key=lambda p: _iso_key(p.iso)))
        self.by_slug: dict[str, Province] = {p.slug: p for p in self.provinces}
        self.by_iso: dict[str, Province] = {p.iso: p for p in self.provinces}

    def __iter__(self) -> Iterator[Province]:
        return iter(self.provinces)

    def __len__(self) -> int:
        return len(self.provinces)

    def __contains__(self, slug: object) -> bool:
        return slug in self.by_slug

    def get(self, slug: str) -> Province | None:
        return self.by_slug.get(slug)

    def in_region(self, key: str) -> list[Province]:
        return [p for p in self.provinces if p.region == key]

    def suggest(self, slug: str, n: int = 3) -> list[str]:
        """Slugs an editor probably meant ("did you mean"), best first; [] when nothing is close.

        Accepts a misspelt slug (``angthong``, ``chonburi``), an English or Thai name (``Chon Buri``,
        ``ชลบุรี``) or an ISO code (``TH-20``).
        """
        query = (slug or "").strip()
        if not query:
            return []
        for p in self.provinces:
            if query in (p.th, p.iso) or query.casefold() in (p.en.casefold(), p.iso.casefold()):
                return [p.slug]
        kebab = re.sub(r"[^a-z0-9]+", "-", query.casefold()).strip("-")
        if kebab in self.by_slug:
            return [kebab]
        # compare without hyphens too, so that "chonburi" finds "chon-buri"
        squashed = {p.slug.replace("-", ""): p.slug for p in self.provinces}
        hits = [squashed[s] for s in difflib.get_close_matches(kebab.replace("-", ""), squashed, n=n, cutoff=0.75)]
        for s in difflib.get_close_matches(kebab, list(self.by_slug), n=n, cutoff=0.6):
            if s not in hits:
                hits.append(s)
        thai = difflib.get_close_matches(query, [p.th for p in self.provinces], n=n, cutoff=0.6)
        for name in thai:
            s = next(p.slug for p in self.provinces if p.th == name)
            if s not in hits:
                hits.append(s)
        # a short name: "ayutthaya" / "อยุธยา" for phra-nakhon-si-ayutthaya / พระนครศรีอยุธยา
        if len(kebab) >= 4 or len(query) >= 4:
            for p in self.provinces:
                if p.slug in hits:
                    continue
                if f"-{kebab}-" in f"-{p.slug}-" or (len(query) >= 4 and query in p.th):
                    hits.append(p.slug)
        return hits[:n]


def _iso_key(iso: str) -> tuple[int, str]:
    code = iso.split("-", 1)[-1]
    return (int(code), "") if code.isdigit() else (10_000, code)


def load_registry(path: str | Path) -> Registry:
    """Read the registry CSV (a project's ``data/registry/provinces.csv``: ``Project.registry``).

    Raises ValueError naming the file and line for a malformed file.
    """
    path = Path(path)
    provinces: list[Province] = []
    seen: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != FIELDS:
            raise ValueError(f"{path}:1: header must be {','.join(FIELDS)}, not {','.join(header or [])}")
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(FIELDS):
                raise ValueError(f"{path}:{line}: expected {len(FIELDS)} columns, found {len(row)}")
            values = dict(zip(FIELDS, (cell.strip() for cell in row)))
            if not re.fullmatch(r"TH-(?:\d{2}|S)", values["iso"]):
                raise ValueError(f"{path}:{line}: {values['iso']!r} is not an ISO 3166-2:TH code")
            if not SLUG.match(values["slug"]):
                raise ValueError(f"{path}:{line}: slug {values['slug']!r} is not lower-case kebab case")
            if values["region"] not in REGION_KEYS:
                raise ValueError(f"{path}:{line}: region {values['region']!r} is not one of {', '.join(REGION_KEYS)}")
            for f in FIELDS[:4]:
                if not values[f]:
                    raise ValueError(f"{path}:{line}: {f} is empty")
                if values[f] in seen[f]:
                    raise ValueError(f"{path}:{line}: {f} {values[f]!r} already on line {seen[f][values[f]]}")
                seen[f][values[f]] = line
            provinces.append(Province(**values))
    return Registry(provinces)
