"""Open data (JSON, CSV) and schema.org JSON-LD from changwat.opendata."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import shutil
import subprocess
import types
import typing
from dataclasses import is_dataclass
from pathlib import Path

import pytest
import yaml

from changwat import model
from changwat.build.opendata import (
    CSV_COLUMNS,
    all_offices_json,
    json_ld,
    json_ld_script,
    national_json,
    office_json,
    offices_csv,
    resolved_json,
)
from changwat.check import load_dataset
from changwat.check.convert import convert
from changwat.load.yaml import load_file
from changwat.model import Contact, Head, Office, Text, resolve
from changwat.model.dopa import load_dopa
from changwat.model.sections import BY_NAME
from conftest import PROJECT

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
BASE = "https://changwat.github.io/changwat/"
OFFICE_FILES = sorted(p.stem for p in (DATA / "provinces").glob("*.yaml"))
WITH_FILES = {"ang-thong", "chachoengsao", "mukdahan"}  # the offices with their own content today


@pytest.fixture(scope="module")
def dataset():
    ds, problems = load_dataset(PROJECT, lint=False)
    assert not [p for p in problems if p.code.startswith(("Y", "K", "R"))], problems
    assert ds.national is not None
    return ds


@pytest.fixture(scope="module")
def resolved(dataset):
    return {r.slug: r for r in dataset.resolved()}


# ---------------------------------------------------------------------------------------------
# office_json / national_json: the file exactly as written


def _normalise(raw, tp):
    """The YAML as safe_load reads it, with every Text given its `en` (None when not written)."""
    tp = _strip_optional(tp)
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        return [_normalise(v, item) for v in raw]
    if isinstance(tp, type) and is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        out = {k: _normalise(v, hints[k]) for k, v in raw.items()}
        if tp is Text:
            out.setdefault("en", None)
        return out
    return raw


def _strip_optional(tp):
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _no_src(value) -> bool:
    if isinstance(value, dict):
        return "src" not in value and all(_no_src(v) for v in value.values())
    if isinstance(value, list):
        return all(_no_src(v) for v in value)
    return True


@pytest.mark.parametrize("slug", OFFICE_FILES)
def test_office_json_round_trips_the_yaml(dataset, slug):
    raw = yaml.safe_load((DATA / "provinces" / f"{slug}.yaml").read_text(encoding="utf-8"))
    got = office_json(dataset.offices[slug])
    assert got == _normalise(raw, Office)
    assert _no_src(got)
    assert json.loads(json.dumps(got, ensure_ascii=False)) == got


def test_every_office_file_is_covered(dataset):
    assert set(dataset.offices) == set(OFFICE_FILES) and set(OFFICE_FILES) >= WITH_FILES


def test_national_json_round_trips_the_yaml(dataset):
    raw = yaml.safe_load((DATA / "national.yaml").read_text(encoding="utf-8"))
    got = national_json(dataset.national)
    assert got == _normalise(raw, model.National)
    assert _no_src(got)


def test_explicit_empty_list_and_missing_en_are_kept(tmp_path):
    path = tmp_path / "ang-thong.yaml"
    path.write_text("province: ang-thong\nparent:\n  th: สำนักงานปลัดกระทรวงมหาดไทย\nsources: []\n", encoding="utf-8")
    office = convert(load_file(path), Office).obj
    assert office is not None
    assert office_json(office) == {
        "province": "ang-thong",
        "parent": {"th": "สำนักงานปลัดกระทรวงมหาดไทย", "en": None},
        "sources": [],
    }


def test_built_objects_leave_out_defaults():
    office = Office(province="ang-thong", head=Head(name=Text(th="นาย ก"), position=Text(th="หัวหน้า", en="Head")))
    assert office_json(office) == {
        "province": "ang-thong",
        "head": {"name": {"th": "นาย ก", "en": None}, "position": {"th": "หัวหน้า", "en": "Head"}},
    }
    with pytest.raises(TypeError):
        office_json(model.National)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# resolved_json / all_offices_json


def test_all_offices_json(dataset, resolved):
    data = all_offices_json(dataset, BASE)
    assert data["schema_version"] == 1 and data["generated_from"] == "data/"
    offices = data["offices"]
    assert len(offices) == 76
    assert [o["province"]["iso"] for o in offices] == [p.iso for p in dataset.registry]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert _no_src(data)
    for o in offices:
        r = resolved[o["province"]["slug"]]
        assert o["schema_version"] == 1
        assert list(o["sections"]) == list(r.sections)
        assert {k: s["origin"] for k, s in o["sections"].items()} == {k: s.origin for k, s in r.sections.items()}
        slug = r.slug
        assert o["url"] == {"th": f"{BASE}provinces/{slug}/", "en": f"{BASE}en/provinces/{slug}/"}
        assert o["data_url"] == f"{BASE}data/provinces/{slug}.json"
        assert (o["head"] is None) == (r.head is None) and (o["contact"] is None) == (r.contact is None)
        if slug not in OFFICE_FILES:
            assert o["head"] is None and o["contact"] is None and o["sources"] == []
            assert all(s["origin"] == "national" for s in o["sections"].values())


def test_resolved_json_content_is_the_data_as_written(dataset, resolved):
    r = resolved["mukdahan"]
    data = resolved_json(r, BASE)
    own = office_json(dataset.offices["mukdahan"])
    assert set(data) == {
        "$schema",
        "schema_version",
        "license",
        "province",
        "name",
        "parent",
        "status",
        "head",
        "contact",
        "sections",
        "sources",
        "national_sources",
        "url",
        "data_url",
    }
    assert data["province"] == {
        "iso": "TH-49",
        "slug": "mukdahan",
        "th": "มุกดาหาร",
        "en": "Mukdahan",
        "region": "northeast",
        "dopa_code": None,
        "districts": [],
    }
    national = national_json(dataset.national)
    for name, sec in data["sections"].items():
        if sec["origin"] == "national":
            assert sec["content"] == national[name]
            assert {p["origin"] for p in sec["parts"].values()} == {"national"}
            continue
        # part by part (model/resolve.py): the office's part as written, a national part as the
        # national file has it, a list merged by id: the office's items, then the other national ones
        for part_name, part in sec["parts"].items():
            fields = BY_NAME[name].part(part_name).fields
            for field in fields:
                if part["origin"] == "office":
                    assert sec["content"].get(field) == own[name].get(field), (name, field)
                elif part["origin"] == "national":
                    assert sec["content"].get(field) == national[name].get(field), (name, field)
            if part["origin"] == "both":
                shown = sec["content"][fields[0]]
                mine = {x["id"]: x for x in own[name][fields[0]]}
                for item, origin in zip(shown, part["items"], strict=True):
                    assert item == (
                        mine[item["id"]]
                        if origin == "office"
                        else next(x for x in national[name][fields[0]] if x["id"] == item["id"])
                    )
                assert {x["id"] for x in shown} == set(mine) | {x["id"] for x in national[name][fields[0]]}
    # dates stay Buddhist Era strings as written
    dates = [e["date"] for e in data["sections"]["history"]["content"].get("events", [])]
    assert dates and all(re.fullmatch(r"2[45]\d\d(-\d\d){0,2}", d) for d in dates)
    assert data["name"] == own["name"]
    assert data["sources"] == own["sources"]
    # an office without a name gets the default, with its English
    assert resolved_json(resolved["ang-thong"], BASE)["name"] == {
        "th": "สำนักงานจังหวัดอ่างทอง",
        "en": "Ang Thong Provincial Office",
    }


# ---------------------------------------------------------------------------------------------
# CSV


def _rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")  # UTF-8 byte-order mark: Excel and LibreOffice read the Thai as UTF-8
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_offices_csv(dataset, resolved):
    text = offices_csv(dataset, BASE)
    assert text.startswith("\ufeffiso,dopa_code,") and text.endswith("\r\n")
    assert text.count("\n") == text.count("\r\n") == 77  # RFC 4180 line ends: header + 76 rows
    rows = _rows(text)
    assert len(rows) == 76
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["iso"] for r in rows] == [p.iso for p in dataset.registry]
    for row in rows:
        p = dataset.registry.by_iso[row["iso"]]
        assert row["slug"] == p.slug and row["province_th"] == p.th and row["province_en"] == p.en
        assert row["dopa_code"] == p.iso.removeprefix("TH-")  # test_registry_dopa checks the codes
        assert row["region"] == p.region
        r = resolved[p.slug]
        assert row["name_th"] == r.name.th and row["name_en"] == (r.name.en or "")
        head = r.head
        assert row["head_name_th"] == (head.name.th if head else "")
        assert row["head_name_en"] == ((head.name.en or "") if head else "")
        assert row["head_position_th"] == (head.position.th if head else "")
        assert row["head_position_en"] == ((head.position.en or "") if head else "")
        assert row["has_own_content"] == ("true" if r.has_own_content else "false")
        if p.slug in WITH_FILES:
            assert row["has_own_content"] == "true"
        elif p.slug not in OFFICE_FILES:
            assert row["has_own_content"] == "false"
        assert row["own_sections"] == ";".join(k for k, s in r.sections.items() if s.origin == "office")
        assert 0 < int(row["translated_texts"]) <= int(row["total_texts"])
        assert row["url_th"] == f"{BASE}provinces/{p.slug}/"
        assert row["url_en"] == f"{BASE}en/provinces/{p.slug}/"
        assert row["data_url"] == f"{BASE}data/provinces/{p.slug}.json"
    by_slug = {r["slug"]: r for r in rows}
    assert by_slug["chachoengsao"]["head_name_th"] == "นายอนุชา อินทศร"
    assert by_slug["chachoengsao"]["own_sections"] == "objectives;missions"


def test_csv_joins_contact_lists(dataset):
    contact = Contact(
        phones=["0 3561 1234", "0 3561 1235"],
        emails=["a@example.go.th", "b@example.go.th"],
        website="https://example.go.th/",
    )

    class One:  # a dataset with one office, enough for offices_csv
        registry = dataset.registry

        @staticmethod
        def resolved():
            p = dataset.registry.by_slug["ang-thong"]
            return [resolve(p, Office(province="ang-thong", contact=contact), dataset.national)]

    (row,) = _rows(offices_csv(One, BASE))
    assert row["dopa_code"] == ""  # a dataset without a data folder has no DOPA lists
    assert row["phones"] == "0 3561 1234; 0 3561 1235"
    assert row["emails"] == "a@example.go.th; b@example.go.th"
    assert row["website"] == "https://example.go.th/"
    assert row["has_own_content"] == "true"  # contact details written by the office are its own content


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_formulas(dataset, start):
    """OWASP CSV injection: a text cell starting with = + - @, tab or CR becomes text (leading ')."""
    evil = f'{start}HYPERLINK("https://example.org","x")'
    head = Head(name=Text(th=evil, en=evil), position=Text(th="หัวหน้า", en=f"{start}1+1"))
    contact = Contact(phones=["+66 3561 1234"], website="https://example.go.th/")

    class One:
        registry = dataset.registry

        @staticmethod
        def resolved():
            p = dataset.registry.by_slug["ang-thong"]
            return [resolve(p, Office(province="ang-thong", head=head, contact=contact), dataset.national)]

    (row,) = _rows(offices_csv(One, BASE))
    assert row["head_name_th"] == row["head_name_en"] == "'" + evil
    assert row["head_position_en"] == f"'{start}1+1"
    assert row["phones"] == "'+66 3561 1234"
    assert row["head_position_th"] == "หัวหน้า" and row["website"] == "https://example.go.th/"
    assert row["translated_texts"].isdigit()  # numbers stay numbers


def test_every_csv_cell_is_safe(dataset):
    for row in _rows(offices_csv(dataset, BASE)):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


SOFFICE = shutil.which("soffice")


def test_csv_round_trip_through_libreoffice(dataset, tmp_path):
    """offices.csv opened by LibreOffice Calc (headless, imported as UTF-8, then saved as HTML): the
    byte-order mark is consumed (the first header cell is "iso", not "\ufeffiso"), the Thai is intact
    and a would-be formula stays text. (Headless conversion without import options uses the system
    character set and ignores the BOM, unlike Excel; so the import states UTF-8.)"""
    if SOFFICE is None:
        message = "LibreOffice is missing (apt-get install -y libreoffice-calc-nogui; `make test` does it as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    head = Head(name=Text(th="=1+1", en="@SUM(1,1)"), position=Text(th="หัวหน้าสำนักงานจังหวัดอ่างทอง", en="-2+3"))

    class One:
        registry = dataset.registry

        @staticmethod
        def resolved():
            p = dataset.registry.by_slug["ang-thong"]
            return [resolve(p, Office(province="ang-thong", head=head), dataset.national)]

    (tmp_path / "offices.csv").write_text(offices_csv(One, BASE), encoding="utf-8")
    result = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "html",
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "offices.csv"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    html_file = tmp_path / "out" / "offices.html"
    assert html_file.exists(), result.stdout + result.stderr
    rows = re.findall(r"<tr>(.*?)</tr>", html_file.read_text(encoding="utf-8", errors="replace"), re.S)
    cells = [
        [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
        for r in rows
    ]
    header, row = cells[0], dict(zip(cells[0], cells[1]))
    assert header[:3] == ["iso", "dopa_code", "slug"]
    assert row["name_th"] == "สำนักงานจังหวัดอ่างทอง" and row["province_th"] == "อ่างทอง"
    assert row["head_position_th"] == "หัวหน้าสำนักงานจังหวัดอ่างทอง"
    # formulas were not evaluated: the cells hold the text, not 2 / 1
    assert (row["head_name_th"], row["head_name_en"], row["head_position_en"]) == ("'=1+1", "'@SUM(1,1)", "'-2+3")


# ---------------------------------------------------------------------------------------------
# The published JSON files against their published JSON Schemas


def _published(dataset):
    from changwat.build.pages import open_data_files

    files = {p.path: p.text for p in open_data_files(dataset, PROJECT.site, PROJECT.schema)}
    return {path: json.loads(text) for path, text in files.items() if path.endswith(".json")}


def test_every_published_json_file_validates_against_its_published_schema(dataset):
    jsonschema = pytest.importorskip("jsonschema")
    files = _published(dataset)
    schemas = {path: doc for path, doc in files.items() if path.startswith("data/") and path.endswith(".schema.json")}
    assert set(schemas) == {"data/office.schema.json", "data/offices.schema.json", "data/national.schema.json"}
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    which = {"data/offices.json": "data/offices.schema.json", "data/national.json": "data/national.schema.json"}
    data_files = [p for p in files if p.startswith("data/") and not p.endswith(".schema.json")]
    assert len(data_files) == 78  # 76 offices, offices.json, national.json
    errors = []
    for path in data_files:
        schema = schemas[which.get(path, "data/office.schema.json")]
        errors += [
            f"{path}: {e.json_path}: {e.message[:120]}"
            for e in jsonschema.Draft202012Validator(schema).iter_errors(files[path])
        ]
    assert errors == []
    site = PROJECT.site.site_url
    assert files["data/offices.json"]["$schema"] == site + "data/offices.schema.json"
    assert files["data/provinces/mukdahan.json"]["$schema"] == site + "data/office.schema.json"


def test_published_schemas_reject_wrong_data(dataset):
    """The schemas are not vacuous: a missing translation is null, never absent; unknown keys,
    wrong origins and bad codes are errors."""
    jsonschema = pytest.importorskip("jsonschema")
    files = _published(dataset)
    v = jsonschema.Draft202012Validator(files["data/office.schema.json"])
    good = files["data/provinces/mukdahan.json"]
    assert not list(v.iter_errors(good))

    def broken(change):
        doc = json.loads(json.dumps(good))
        change(doc)
        return list(v.iter_errors(doc))

    assert broken(lambda d: d["name"].pop("en"))
    assert broken(lambda d: d.update(extra=1))
    assert broken(lambda d: d["sections"]["mandate"].update(origin="elsewhere"))
    assert broken(lambda d: d["province"].update(dopa_code="049"))
    assert broken(lambda d: d["province"]["districts"][0].update(dopa_code="49"))
    assert broken(lambda d: d["sections"]["organisation"]["content"]["groups"].clear())


def test_identifiers_and_licence_in_json(resolved, dataset):
    data = all_offices_json(dataset, BASE)
    assert data["license"]["data"]["id"] == "CC-BY-4.0" and data["license"]["code"]["id"] == "MIT"
    assert "Department of Provincial Administration" in data["license"]["province_codes"]["en"]
    by_slug = {o["province"]["slug"]: o for o in data["offices"]}
    muk = by_slug["mukdahan"]["province"]
    assert (muk["iso"], muk["dopa_code"]) == ("TH-49", "49")
    assert [d["dopa_code"] for d in muk["districts"]] == [f"49{i:02d}" for i in range(1, 8)]
    assert muk["districts"][0] == {"dopa_code": "4901", "th": "เมืองมุกดาหาร", "en": "Mueang Mukdahan"}
    assert all(o["province"]["districts"] for o in data["offices"])
    assert sum(len(o["province"]["districts"]) for o in data["offices"]) == 878
    # without the DOPA lists (a single office, no dataset) the fields are there and empty
    alone = resolved_json(resolved["mukdahan"], BASE)
    assert alone["province"]["dopa_code"] is None and alone["province"]["districts"] == []


def test_licence_files():
    code, data = (ROOT / "LICENSE").read_text(encoding="utf-8"), (DATA / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License") and "data/LICENSE" in code
    assert "CC BY 4.0" in data and "creativecommons.org/licenses/by/4.0/" in data
    assert "GeoThai/data" in data and "Department of Provincial Administration" in data
    assert "MIT" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# JSON-LD
#
# The schema.org types and properties used, with each property's domain and range, from the
# schema.org vocabulary (https://schema.org/<Name>; data/schema.ttl in github.com/schemaorg/schemaorg,
# checked 2026-08): e.g. https://schema.org/subOrganization (Organization → Organization),
# https://schema.org/employee (Organization → Person), https://schema.org/roleName (Role → Text, URL),
# https://schema.org/inLanguage (CreativeWork, Event, ... → Language, Text; not Organization),
# https://schema.org/areaServed (Organization, ... → AdministrativeArea, GeoShape, Place, Text).

SUPERTYPE = {
    "GovernmentOrganization": "Organization",
    "Organization": "Thing",
    "PropertyValue": "StructuredValue",
    "AdministrativeArea": "Place",
    "Place": "Thing",
    "EmployeeRole": "OrganizationRole",
    "OrganizationRole": "Role",
    "Role": "Intangible",
    "Intangible": "Thing",
    "Person": "Thing",
    "WebPage": "CreativeWork",
    "CreativeWork": "Thing",
    "PostalAddress": "ContactPoint",
    "ContactPoint": "StructuredValue",
    "StructuredValue": "Intangible",
}
ALLOWED_TYPES = {
    "GovernmentOrganization",
    "AdministrativeArea",
    "EmployeeRole",
    "OrganizationRole",
    "Role",
    "Person",
    "PostalAddress",
    "WebPage",
    "PropertyValue",
}
TEXT, URL = "Text", "URL"
# property: (domain types, range types)
PROPERTIES = {
    "name": ({"Thing"}, {TEXT}),
    "alternateName": ({"Thing"}, {TEXT}),
    "description": ({"Thing"}, {TEXT}),
    "url": ({"Thing"}, {URL}),
    "identifier": ({"Thing"}, {"PropertyValue", TEXT, URL}),
    "propertyID": ({"PropertyValue"}, {TEXT, URL}),
    "value": ({"PropertyValue", "QuantitativeValue", "MonetaryAmount"}, {TEXT, "Boolean", "Number", "StructuredValue"}),
    "containsPlace": ({"Place"}, {"Place"}),
    "sameAs": ({"Thing"}, {URL}),
    "mainEntityOfPage": ({"Thing"}, {"CreativeWork", URL}),
    "inLanguage": (
        {"CommunicateAction", "CreativeWork", "Event", "LinkRole", "PronounceableText", "WriteAction"},
        {TEXT},
    ),
    "areaServed": (
        {
            "ContactPoint",
            "DeliveryChargeSpecification",
            "Demand",
            "FinancialIncentive",
            "Offer",
            "Organization",
            "Service",
        },
        {"AdministrativeArea", "Place", TEXT},
    ),
    "parentOrganization": ({"Organization"}, {"Organization"}),
    "subOrganization": ({"Organization"}, {"Organization"}),
    "employee": ({"Organization"}, {"Person"}),
    "member": ({"Organization", "ProgramMembership"}, {"Organization", "Person"}),
    "roleName": ({"Role"}, {TEXT, URL}),
    "address": ({"GeoCoordinates", "GeoShape", "Organization", "Person", "Place"}, {"PostalAddress", TEXT}),
    "telephone": ({"ContactPoint", "Organization", "Person", "Place"}, {TEXT}),
    "faxNumber": ({"ContactPoint", "Organization", "Person", "Place"}, {TEXT}),
    "email": ({"ContactPoint", "Organization", "Person"}, {TEXT}),
}


def _ancestors(t: str) -> set[str]:
    out = {t}
    while t in SUPERTYPE:
        t = SUPERTYPE[t]
        out.add(t)
    return out


def _check_node(node: dict, via: str | None = None, path: str = "$") -> list[str]:
    """Problems in a JSON-LD node: unknown types, properties outside their domain, values outside
    their range. A Role node (https://schema.org/Role) may carry the property it stands in for."""
    errors = []
    t = node.get("@type")
    if t not in ALLOWED_TYPES:
        return [f"{path}: type {t!r} not allowed"]
    types = _ancestors(t)
    for key, value in node.items():
        if key in ("@context", "@type", "@id"):
            continue
        if "Role" in types and key == via:
            domain, rng = {"Role"}, PROPERTIES[key][1]
        elif key in PROPERTIES:
            domain, rng = PROPERTIES[key]
        else:
            errors.append(f"{path}.{key}: not a property we allow")
            continue
        if not types & domain:
            errors.append(f"{path}.{key}: not a property of {t}")
        for i, v in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{key}[{i}]"
            if isinstance(v, dict):
                vt = _ancestors(v.get("@type", ""))
                if "Role" in vt and key in PROPERTIES and "Role" not in types:
                    errors += _check_node(v, via=key, path=where)  # a Role standing in for the value
                elif not vt & rng:
                    errors.append(f"{where}: a {v.get('@type')} is not in the range of {key}")
                else:
                    errors += _check_node(v, path=where)
            elif isinstance(v, str):
                if not rng & {TEXT, URL}:
                    errors.append(f"{where}: text where {key} expects {rng}")
                if rng == {URL} and not v.startswith("https://"):
                    errors.append(f"{where}: not a URL")
            else:
                errors.append(f"{where}: unexpected {type(v).__name__}")
    return errors


def _script_json(script: str):
    m = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', script, re.S)
    assert m, script
    return json.loads(m.group(1))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_json_ld_is_valid_schema_org_for_every_office(resolved, lang):
    areas = load_dopa(PROJECT.data / "registry")
    for slug, r in resolved.items():
        data = json_ld(r, lang, BASE, areas)
        dopa = areas.of(r.province)
        assert data["areaServed"]["identifier"] == [
            {"@type": "PropertyValue", "propertyID": "ISO 3166-2", "value": r.province.iso},
            {"@type": "PropertyValue", "propertyID": "DOPA province code", "value": dopa.code},
        ]
        places = data["areaServed"]["containsPlace"]
        assert [p["identifier"]["value"] for p in places] == [d.code for d in dopa.districts]
        assert [p["name"] for p in places] == [getattr(d, lang) for d in dopa.districts]
        assert json_ld(r, lang, BASE)["areaServed"]["identifier"] == data["areaServed"]["identifier"][:1]
        assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentOrganization"
        url = BASE + ("en/" if lang == "en" else "") + f"provinces/{slug}/"
        assert data["@id"] == url + "#organization" and data["url"] == url
        assert data["mainEntityOfPage"]["inLanguage"] == lang
        assert data["areaServed"]["name"] == getattr(r.province, lang)
        assert data["parentOrganization"]["name"] == (r.parent.en if lang == "en" else r.parent.th)
        assert _check_node(data) == [], slug
        assert _script_json(json_ld_script(data)) == data
        if r.file is None:
            assert not {"employee", "member", "address", "telephone", "faxNumber", "email", "sameAs"} & set(data)


def test_json_ld_chachoengsao_head(resolved):
    data = json_ld(resolved["chachoengsao"], "th", BASE)
    assert data["name"] == "สำนักงานจังหวัดฉะเชิงเทรา" and data["alternateName"] == "Chachoengsao Provincial Office"
    assert data["employee"] == {
        "@type": "EmployeeRole",
        "roleName": "หัวหน้าสำนักงานจังหวัดฉะเชิงเทรา",
        "employee": {"@type": "Person", "name": "นายอนุชา อินทศร", "alternateName": "Mr Anucha Inthason"},
    }
    en = json_ld(resolved["chachoengsao"], "en", BASE)
    assert en["employee"]["roleName"] == "Head of the Chachoengsao Provincial Office"
    assert en["employee"]["employee"]["name"] == "Mr Anucha Inthason"
    assert "employee" not in json_ld(resolved["ang-thong"], "th", BASE)  # no head in the data


def test_json_ld_ang_thong_units(resolved):
    r = resolved["ang-thong"]
    org = r.sections["organisation"].value
    data = json_ld(r, "en", BASE)
    subs = data["subOrganization"]
    assert len(org.groups) == 4 and org.audit is not None
    assert len(subs) == 5
    assert [s["name"] for s in subs] == [g.name.en for g in org.groups] + [org.audit.name.en]
    assert all(s["@type"] == "GovernmentOrganization" for s in subs)
    for s, g in zip(subs, [*org.groups, org.audit]):
        assert ("description" in s) == bool(g.description)
    # the parent body only: the data has no structured Ministry of Interior, so none is given
    assert set(data["parentOrganization"]) == {"@type", "name", "alternateName"}


def test_json_ld_falls_back_to_thai_and_states_contact(dataset):
    p = dataset.registry.by_slug["ang-thong"]
    office = Office(
        province="ang-thong",
        name=Text(th="สำนักงานจังหวัดอ่างทอง"),
        head=Head(name=Text(th="นาย ก ข"), position=Text(th="หัวหน้าสำนักงานจังหวัดอ่างทอง")),
        contact=Contact(
            address=Text(th="ศาลากลางจังหวัดอ่างทอง"),
            phones=["0 3561 1234"],
            emails=["a@example.go.th"],
            website="https://www.angthong.go.th/",
        ),
    )
    data = json_ld(resolve(p, office, dataset.national), "en", BASE)
    assert data["name"] == "สำนักงานจังหวัดอ่างทอง" and "alternateName" not in data
    assert data["employee"]["employee"] == {"@type": "Person", "name": "นาย ก ข"}
    assert data["address"] == "ศาลากลางจังหวัดอ่างทอง"
    assert data["telephone"] == "0 3561 1234" and data["email"] == "a@example.go.th"
    assert data["sameAs"] == "https://www.angthong.go.th/"
    assert _check_node(data) == []
    # no contact details in the data: no contact properties
    bare = json_ld(resolve(p, Office(province="ang-thong", contact=Contact()), dataset.national), "th", BASE)
    assert not {"address", "telephone", "faxNumber", "email", "sameAs"} & set(bare)


EVIL = "</script><script>alert(1)</script><!-- & \u2028\u2029 </SCRIPT >"


def test_json_ld_script_cannot_close_the_element(dataset):
    p = dataset.registry.by_slug["ang-thong"]
    office = Office(
        province="ang-thong",
        name=Text(th=EVIL, en=EVIL),
        head=Head(name=Text(th=EVIL, en=EVIL), position=Text(th=EVIL)),
        contact=Contact(address=Text(th=EVIL, en=EVIL)),
    )
    for lang in ("th", "en"):
        data = json_ld(resolve(p, office, dataset.national), lang, BASE)
        assert data["name"] == EVIL
        script = json_ld_script(data)
        assert script.startswith('<script type="application/ld+json">') and script.endswith("</script>")
        inner = script[len('<script type="application/ld+json">') : -len("</script>")]
        assert not re.search(r"[<>&\u2028\u2029]", inner)
        assert "</script" not in script.lower()[: -len("</script>")]
        assert _script_json(script) == data
    # Thai stays readable (no \\u escapes for it)
    assert "อ่างทอง" in json_ld_script(json_ld(resolve(p, None, dataset.national), "th", BASE))
