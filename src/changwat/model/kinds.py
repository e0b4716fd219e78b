"""The named string kinds of the data format: one table, read by validation (pattern, names and
example in messages), the JSON Schema (pattern) and the field reference.

A model field declares its kind in its metadata (``kind="date_be"``); :data:`KINDS` says what
such a value looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A named string format: its pattern, its name for editors in Thai and English, an example."""

    name: str
    pattern: str
    th: str
    en: str
    example: str

    @property
    def regex(self) -> re.Pattern[str]:
        return COMPILED[self.name]


_SLUG = r"^[a-z]+(-[a-z]+)*$"
_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"

KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("id", _ID, "รหัส", "id", "strategy-group (a-z, 0-9, -)"),
    Kind("slug", _SLUG, "รหัสจังหวัด", "province slug", "ang-thong"),
    Kind("province_ref", _SLUG, "รหัสจังหวัด", "province slug", "ang-thong"),
    Kind("law_ref", _ID, "รหัสกฎหมาย", "law id", "state-admin-act-2534"),
    Kind("source_ref", _ID, "รหัสแหล่งที่มา", "source id", "seed-000"),
    Kind("section", r"^[0-9]+(/[0-9]+)?$", "เลขมาตรา", "section number", "\"52/1\""),
    Kind("date_be", r"^2[45][0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
         "วันที่ พ.ศ.", "Buddhist Era date", "\"2516-08-28\""),
    # Web, mail and phone links only (never javascript:, data:, //host, ...), and nothing a reader or
    # a browser could be misled by: no spaces, quotes, angle brackets, backticks or backslashes, no
    # control, invisible or bidi characters. "$(?!\n)": Python's $ would also match before a final
    # line break. (No needless escapes: editors compile the JSON Schema's copy with JavaScript's u flag.)
    Kind("url", (r"^(?:(?:https?://|mailto:)[^\s" '"' r"'<>\\`\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e"
                 r"\u2060-\u206f\ufeff]+|tel:\+?[0-9]+)$(?!\n)"),
         "ที่อยู่เว็บ", "web address", "https://www.angthong.go.th/"),
    Kind("phone", r"^\+?[0-9][0-9 -]{5,20}[0-9]$", "หมายเลขโทรศัพท์", "phone number", "\"0 3561 1234\""),
    Kind("email", r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
         "อีเมล", "e-mail address", "saraban@angthong.go.th"),
)}

COMPILED = {k.name: re.compile(k.pattern) for k in KINDS.values()}
