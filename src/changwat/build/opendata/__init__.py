"""Open data and schema.org: the data behind the site, as JSON, CSV and JSON-LD (pure functions).

Nothing here writes files or knows about MkDocs; the site stage decides where the results go
(``data/provinces/<slug>.json``, ``data/offices.json``, ``data/offices.csv`` and a JSON-LD
``<script>`` in each office page's head).

* :func:`office_json`, :func:`national_json` — one data file exactly as its editor wrote it.
* :func:`resolved_json`, :func:`all_offices_json` — what an office page shows, with inheritance
  from the national content applied and each section's origin stated (:func:`offices_header`: what
  offices.json says before its list, for a writer that serialises each office once).
* :func:`offices_csv` — one row per office, for spreadsheets.
* :func:`json_ld`, :func:`json_ld_script` — schema.org ``GovernmentOrganization`` for an office page.
* :func:`open_data_schemas` — a JSON Schema for every published JSON file, published beside it.

Licences (:data:`LICENSES`): the data is CC BY 4.0 (``data/LICENSE``), the code MIT (``LICENSE``);
the province and district codes come from the Department of Provincial Administration via
GeoThai/data (CC BY 4.0, credited in every file that carries them). Each JSON file and the CSV's
description say so.

Values are never invented or converted: dates stay Buddhist Era strings as written ("2516-08-28"),
texts stay ``{"th": ..., "en": ...}`` with ``en`` null where there is no translation yet.
"""

from ..urls import OPEN_DATA_SCHEMAS, SCHEMA_NATIONAL, SCHEMA_OFFICE, SCHEMA_OFFICES
from .jsonld import json_ld, json_ld_script
from .records import (
    JSON_FIELDS,
    LICENSES,
    SCHEMA_VERSION,
    all_offices_json,
    data_url,
    dopa_areas,
    national_json,
    office_json,
    offices_header,
    page_urls,
    province_json,
    record_json,
    resolved_json,
    section_json,
)
from .schemas import open_data_schemas
from .table import CSV_COLUMNS, csv_cell, offices_csv, shown_texts, translation

__all__ = [
    "CSV_COLUMNS",
    "JSON_FIELDS",
    "LICENSES",
    "OPEN_DATA_SCHEMAS",
    "SCHEMA_NATIONAL",
    "SCHEMA_OFFICE",
    "SCHEMA_OFFICES",
    "SCHEMA_VERSION",
    "all_offices_json",
    "csv_cell",
    "data_url",
    "dopa_areas",
    "json_ld",
    "json_ld_script",
    "national_json",
    "office_json",
    "offices_csv",
    "offices_header",
    "open_data_schemas",
    "page_urls",
    "province_json",
    "record_json",
    "resolved_json",
    "section_json",
    "shown_texts",
    "translation",
]
