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
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "REGIONS",
    "REGION_KEYS",
    "RESERVED_SLUGS",
    "Province",
    "Region",
    "Registry",
    "RegistryError",
    "load_registry",
    "read_registry",
    "thai_order",
]

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


# Tone marks, the shortener ็ and the silencer ์ (U+0E47–U+0E4C): a dictionary compares them only
# between words whose letters are the same.
_MARKS = re.compile("[\u0e47-\u0e4c]")
# A leading vowel (เ แ โ ใ ไ) is written before its consonant and sorted after it.
_LEADING = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")


def thai_order(text: str) -> tuple[str, str]:
    """The key that sorts Thai text in dictionary order (the order of the Royal Institute's
    dictionary, as pythainlp's ``collate`` approximates it): เกิด under ก, after กาล; ก่า before
    กาก. Here so a build sorts names without importing pythainlp (60 ms); tests/test_registry.py
    checks that both order the provinces alike."""
    return _LEADING.sub(r"\2\1", _MARKS.sub("", text)), "".join(_MARKS.findall(text))


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


# Slugs that would replace a page of the site: /provinces/index/ is the list of offices, and the
# other names are the site's top-level sections and folders.
RESERVED_SLUGS = frozenset(
    {
        "index",
        "en",
        "th",
        "data",
        "schema",
        "standard",
        "open-data",
        "provinces",
        "search",
        "assets",
        "stylesheets",
        "javascripts",
        "404",
    }
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run a cell starting with these


class RegistryError(ValueError):
    """A problem of the registry file at a line: what is wrong, in Thai and English."""

    def __init__(self, path: Path, line: int, th: str, en: str):
        super().__init__(f"{path}:{line}: {en}")
        self.path, self.line, self.th, self.en = path, line, th, en


def _shown(value: str) -> str:
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in value)


def _row_problems(values: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    if not re.fullmatch(r"TH-(?:\d{2}|S)", values["iso"]):
        out.append(
            (
                f"{_shown(values['iso'])!r} ไม่ใช่รหัส ISO 3166-2:TH",
                f"{_shown(values['iso'])!r} is not an ISO 3166-2:TH code",
            )
        )
    if not SLUG.match(values["slug"]):
        out.append(
            (
                f"slug {_shown(values['slug'])!r} ต้องเป็นอักษรอังกฤษตัวเล็กคั่นด้วย -",
                f"slug {_shown(values['slug'])!r} is not lower-case kebab case",
            )
        )
    elif values["slug"] in RESERVED_SLUGS:
        out.append(
            (
                f"slug {values['slug']!r} ซ้ำกับชื่อหน้าของเว็บไซต์ จึงใช้ไม่ได้",
                f"slug {values['slug']!r} is the name of a page of the site, so it cannot be a province",
            )
        )
    if values["region"] not in REGION_KEYS:
        out.append(
            (
                f"ภาค {_shown(values['region'])!r} ต้องเป็นหนึ่งใน {', '.join(REGION_KEYS)}",
                f"region {_shown(values['region'])!r} is not one of {', '.join(REGION_KEYS)}",
            )
        )
    for f in ("th", "en"):
        name = values[f]
        if not name.isprintable():
            out.append(
                (
                    f"ชื่อ {f} มีอักขระที่มองไม่เห็น: {_shown(name)!r}",
                    f"the {f} name has invisible characters: {_shown(name)!r}",
                )
            )
        elif name.startswith(_FORMULA) or any(c in name for c in '<>"`|'):
            out.append(
                (
                    f"ชื่อ {f} {name!r} ขึ้นต้นหรือมีเครื่องหมายที่ใช้ในชื่อจังหวัดไม่ได้",
                    f"the {f} name {name!r} starts with or holds a character a province name cannot have",
                )
            )
    return out


def read_registry(path: str | Path) -> tuple[Registry, list[RegistryError]]:
    """Read the registry CSV, collecting every problem (with its line) instead of stopping at the
    first; rows with a problem are left out of the registry. Only a regular file is read, at most
    1 MiB, as UTF-8."""
    from ..load.files import NotReadable, read_data

    path = Path(path)
    provinces: list[Province] = []
    issues: list[RegistryError] = []
    try:
        raw = read_data(path, 1024 * 1024, path.parent)
        text = raw.decode("utf-8-sig")
    except NotReadable as err:
        what = {
            "Y01": ("ไฟล์ใหญ่เกินไป", "the file is too large"),
            "Y14": ("ไม่ใช่ไฟล์ธรรมดา", "it is not a regular file"),
            "Y15": ("เป็นลิงก์ที่ใช้ไม่ได้", "it is a link that cannot be read"),
        }.get(err.code, ("อ่านไม่ได้", "cannot be read"))
        return Registry([]), [RegistryError(path, 1, *what)]
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return Registry([]), [
            RegistryError(
                path,
                line,
                f"ไม่ใช่ข้อความ UTF-8 (ไบต์ 0x{raw[err.start]:02X})",
                f"not UTF-8 text (byte 0x{raw[err.start]:02X})",
            )
        ]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != FIELDS:
        shown = _shown(",".join(header or []))
        return Registry([]), [
            RegistryError(
                path,
                1,
                f"บรรทัดแรกต้องเป็น {','.join(FIELDS)} ไม่ใช่ {shown}",
                f"header must be {','.join(FIELDS)}, not {shown}",
            )
        ]
    seen: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(FIELDS):
            issues.append(
                RegistryError(
                    path,
                    line,
                    f"ต้องมี {len(FIELDS)} คอลัมน์ พบ {len(row)}",
                    f"expected {len(FIELDS)} columns, found {len(row)}",
                )
            )
            continue
        values = dict(zip(FIELDS, (cell.strip() for cell in row), strict=True))
        found = _row_problems(values)
        for f in FIELDS[:4]:
            if not values[f]:
                found.append((f"{f} ว่างเปล่า", f"{f} is empty"))
            elif values[f] in seen[f]:
                found.append(
                    (
                        f"{f} {_shown(values[f])!r} ซ้ำกับบรรทัด {seen[f][values[f]]}",
                        f"{f} {_shown(values[f])!r} already on line {seen[f][values[f]]}",
                    )
                )
            else:
                seen[f][values[f]] = line
        issues.extend(RegistryError(path, line, th, en) for th, en in found)
        if not found:
            provinces.append(Province(**values))
    return Registry(provinces), issues


def load_registry(path: str | Path) -> Registry:
    """Read the registry CSV (a project's ``data/registry/provinces.csv``: ``Project.registry``).

    Raises RegistryError (a ValueError) naming the file and line of the first problem; the
    validator uses :func:`read_registry` to report them all as located problems (R08).
    """
    registry, issues = read_registry(path)
    if issues:
        raise issues[0]
    return registry
