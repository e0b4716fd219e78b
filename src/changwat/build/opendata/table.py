"""offices.csv: one row per office, for spreadsheets (Excel-friendly, formulas neutralised)."""

from __future__ import annotations

import csv
import io
from typing import Any

from ...model import (
    Record,
    ResolvedOffice,
    Text,
    data_fields,
)
from .records import data_url, dopa_areas, page_urls

# ---------------------------------------------------------------------------------------------
# CSV

CSV_COLUMNS: tuple[str, ...] = (
    "iso",
    "dopa_code",
    "slug",
    "name_th",
    "name_en",
    "province_th",
    "province_en",
    "region",
    "has_own_content",
    "head_name_th",
    "head_name_en",
    "head_position_th",
    "head_position_en",
    "phones",
    "emails",
    "website",
    "own_sections",
    "translated_texts",
    "total_texts",
    "url_th",
    "url_en",
    "data_url",
)


def _texts(value: Any) -> list[Text]:
    """Every Text in a model value, depth first."""
    if isinstance(value, Text):
        return [value]
    if isinstance(value, Record):
        return [t for fl in data_fields(type(value)) for t in _texts(getattr(value, fl.name))]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts(v)]
    return []


def shown_texts(r: ResolvedOffice) -> list[Text]:
    """The texts an office page shows: name, status, parent, head, contact, every section (own or
    inherited) and both source lists."""
    return _texts(
        [
            r.name,
            r.status,
            r.parent,
            r.head,
            r.contact,
            [s.value for s in r.sections.values()],
            r.sources,
            r.national_sources,
        ]
    )


def translation(r: ResolvedOffice) -> tuple[int, int]:
    """(texts with an English translation, all texts) of what an office page shows: the CSV's
    translated_texts/total_texts and the province list's translation badge."""
    texts = shown_texts(r)
    return sum(1 for t in texts if t.is_translated), len(texts)


# A cell that starts with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP
# "CSV injection"): such a cell gets a leading apostrophe, which the spreadsheet shows as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def csv_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet never runs as a formula (numbers are written as they are)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def offices_csv(dataset: Any, base_url: str) -> str:
    """One row per office (header + 76 rows, ISO order), RFC 4180 quoting and CRLF line ends (so a
    carriage return inside a text is quoted too, never taken for the end of a row).

    The text starts with a byte-order mark (U+FEFF), so that Excel and LibreOffice open the file as
    UTF-8 with the Thai intact on a double click. Any text cell starting with = + - @, a tab or a
    carriage return is prefixed with an apostrophe (:func:`csv_cell`). Licence: CC BY 4.0 (data),
    province codes from DOPA via GeoThai/data (CC BY 4.0); see :data:`LICENSES`.

    Columns (:data:`CSV_COLUMNS`): ``dopa_code`` is the Department of Provincial Administration's
    province code (empty without the DOPA lists); names and head in both languages (empty where not written or
    not translated); ``region`` is the registry key (``central``...); ``has_own_content`` is
    ``true``/``false``; ``phones`` and ``emails`` are joined with "; "; ``own_sections`` lists the
    sections the office wrote itself, joined with ";"; ``translated_texts``/``total_texts`` count
    the texts the page shows (own and inherited) that have an English translation / in all.
    """
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    areas = dopa_areas(dataset)
    for r in dataset.resolved():
        p, head, contact = r.province, r.head, r.contact
        translated, total = translation(r)
        urls = page_urls(r.slug, base_url)
        row = {
            "iso": p.iso,
            "dopa_code": (entry.code if (entry := areas.of(p) if areas else None) else ""),
            "slug": p.slug,
            "name_th": r.name.th,
            "name_en": r.name.en or "",
            "province_th": p.th,
            "province_en": p.en,
            "region": p.region,
            "has_own_content": "true" if r.has_own_content else "false",
            "head_name_th": head.name.th if head else "",
            "head_name_en": (head.name.en or "") if head else "",
            "head_position_th": head.position.th if head else "",
            "head_position_en": (head.position.en or "") if head else "",
            "phones": "; ".join(contact.phones) if contact else "",
            "emails": "; ".join(contact.emails) if contact else "",
            "website": (contact.website or "") if contact else "",
            "own_sections": ";".join(n for n, s in r.sections.items() if s.origin == "office"),
            "translated_texts": translated,
            "total_texts": total,
            "url_th": urls["th"],
            "url_en": urls["en"],
            "data_url": data_url(r.slug, base_url),
        }
        w.writerow([csv_cell(row[c]) for c in CSV_COLUMNS])
    return buf.getvalue()
