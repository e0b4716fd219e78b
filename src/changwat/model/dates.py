"""Buddhist Era (พุทธศักราช, B.E.) dates as editors write them: "2516", "2516-08", "2516-08-28".

Since 1 January 1941 (B.E. 2484) the Thai year begins on 1 January, so CE = B.E. − 543. Before
that the year began on 1 April: January–March of B.E. 2482 and earlier belong to the next CE year
(CE = B.E. − 542), and B.E. 2483 was shortened to April–December 1940. For example King
Prajadhipok's abdication, "2 มีนาคม 2477" in Thai sources, was on 2 March 1935. :func:`parse_be`
and :class:`BEDate` apply this rule; a date that did not exist (30 February, 2483-02) is rejected.

Formatting needs no locale library (babel has no Buddhist calendar):
Thai "28 สิงหาคม 2516", English "28 August 1973 (B.E. 2516)".
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = ["MONTHS_EN", "MONTHS_TH", "BEDate", "parse_be"]

MONTHS_TH: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_EN: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

BE_OFFSET = 543
NEW_YEAR_JANUARY_FROM = 2484  # B.E. 2484 = 1941, the first year to begin on 1 January
MIN_YEAR_BE = 2400  # 1857; anything earlier is a typo or a CE year
MAX_YEAR_BE = 2700  # 2157

_FORMAT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _ce_year(year_be: int, month: int) -> int:
    if year_be < NEW_YEAR_JANUARY_FROM and month <= 3:
        return year_be - BE_OFFSET + 1
    return year_be - BE_OFFSET


@dataclass(frozen=True)
class BEDate:
    """A date in the Buddhist Era, possibly without day or month. Construct with :func:`parse_be`."""

    year_be: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        _check(self.year_be, self.month, self.day, self.iso_be())

    @property
    def year_ce(self) -> int:
        """The CE year. For a bare year before B.E. 2484 (which ran April to March), the CE year in
        which it began."""
        return _ce_year(self.year_be, self.month or 4)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def _iso(self, year: int) -> str:
        return "-".join(f"{n:0{w}d}" for n, w in ((year, 4), (self.month, 2), (self.day, 2)) if n)

    def iso_be(self) -> str:
        """As written in the data: "2516-08-28", "2516-08" or "2516"."""
        return self._iso(self.year_be)

    def iso_ce(self) -> str:
        """ISO 8601 in the Gregorian calendar: "1973-08-28", "1973-08" or "1973" (for <time>)."""
        return self._iso(self.year_ce)

    def date_ce(self) -> _dt.date | None:
        """The Gregorian date when the day is known, else None."""
        return _dt.date(self.year_ce, self.month, self.day) if self.day and self.month else None

    def format(self, lang: str) -> str:
        """For readers. th: "28 สิงหาคม 2516" / "สิงหาคม 2516" / "พ.ศ. 2516";
        en: "28 August 1973 (B.E. 2516)" / "August 1973 (B.E. 2516)" / "1973 (B.E. 2516)"."""
        if lang == "th":
            if self.month is None:
                return f"พ.ศ. {self.year_be}"
            head = f"{self.day} " if self.day else ""
            return f"{head}{MONTHS_TH[self.month - 1]} {self.year_be}"
        if lang == "en":
            if self.month is None:
                return f"{self.year_ce} (B.E. {self.year_be})"
            head = f"{self.day} " if self.day else ""
            return f"{head}{MONTHS_EN[self.month - 1]} {self.year_ce} (B.E. {self.year_be})"
        raise ValueError(f"lang must be 'th' or 'en', not {lang!r}")

    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological order; a bare year sorts at its start, before its months and days."""
        if self.month is None:
            start_month = 1 if self.year_be >= NEW_YEAR_JANUARY_FROM else 4
            return (self.year_ce, start_month, 0, 0)
        return (self.year_ce, self.month, self.day or 0, 2 if self.day else 1)

    def __str__(self) -> str:
        return self.iso_be()


def _check(year: int, month: int | None, day: int | None, shown: str) -> None:
    if not MIN_YEAR_BE <= year <= MAX_YEAR_BE:
        if 1800 <= year <= 2200:
            raise ValueError(
                f"ปี {year} ดูเหมือนปี ค.ศ. ให้ใช้ปี พ.ศ. (ค.ศ. + 543 = {year + BE_OFFSET}) / "
                f"{year} looks like a CE year; use the Buddhist Era year ({year} + 543 = {year + BE_OFFSET})"
            )
        raise ValueError(
            f"ปี พ.ศ. {year} อยู่นอกช่วง {MIN_YEAR_BE}–{MAX_YEAR_BE} / "
            f"B.E. year {year} is outside {MIN_YEAR_BE}–{MAX_YEAR_BE}"
        )
    if month is None:
        if day is not None:
            raise ValueError(f"มีวันที่แต่ไม่มีเดือน / a day needs a month: {shown}")
        return
    if not 1 <= month <= 12:
        raise ValueError(f"เดือนต้องอยู่ระหว่าง 01 ถึง 12 ไม่ใช่ {month:02d} / month must be 01 to 12, not {month:02d}")
    if year == NEW_YEAR_JANUARY_FROM - 1 and month <= 3:
        raise ValueError(
            f"พ.ศ. 2483 เริ่มวันที่ 1 เมษายน จึงไม่มีเดือน{MONTHS_TH[month - 1]} "
            f"({MONTHS_TH[month - 1]} 1940 คือ พ.ศ. 2482) / B.E. 2483 began on 1 April 1940, so it has "
            f"no {MONTHS_EN[month - 1]} ({MONTHS_EN[month - 1]} 1940 is B.E. 2482)"
        )
    if day is None:
        return
    ce = _ce_year(year, month)
    try:
        _dt.date(ce, month, day)
    except ValueError:
        last = ((_dt.date(ce + (month == 12), month % 12 + 1, 1)) - _dt.timedelta(days=1)).day
        raise ValueError(
            f"{MONTHS_TH[month - 1]} {year} มี {last} วัน ไม่มีวันที่ {day} / "
            f"{MONTHS_EN[month - 1]} {ce} has {last} days, there is no day {day}"
        ) from None


def parse_be(s: str) -> BEDate:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (Buddhist Era year; Thai digits accepted).

    Raises ValueError with a message in Thai and English for anything else or a date that did
    not exist.
    """
    if isinstance(s, _dt.date):
        raise ValueError(
            f'ใส่วันที่ในเครื่องหมายคำพูด เช่น "{s.isoformat()}" / '
            f'write the date in quotes, e.g. "{s.isoformat()}" (unquoted, YAML reads it as a CE date)'
        )
    if isinstance(s, int) and not isinstance(s, bool):
        s = str(s)
    if not isinstance(s, str):
        raise ValueError(
            f'วันที่ต้องเป็นข้อความ เช่น "2516-08-28" / a date must be text like "2516-08-28", not {type(s).__name__}'
        )
    m = _FORMAT.match(s.translate(_THAI_DIGITS))
    if not m:
        raise ValueError(
            f'รูปแบบวันที่ต้องเป็น ปปปป-ดด-วว, ปปปป-ดด หรือ ปปปป (เช่น 2516-08-28) ไม่ใช่ "{s}" / '
            f'a date must look like YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2516-08-28), not "{s}"'
        )
    year, month, day = (int(g) if g else None for g in m.groups())
    return BEDate(year, month, day)  # type: ignore[arg-type]
