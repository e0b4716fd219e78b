"""The JSON Schema is generated from the model and agrees with `changwat validate`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from changwat.check.jsonschema import field_reference, render, write_reference, write_schemas
from conftest import PROJECT

SCHEMA_DIR = PROJECT.schema

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"


def test_committed_schemas_are_current() -> None:
    assert write_schemas(SCHEMA_DIR, check=True) == [], "run `changwat schema` and commit schema/"


def test_field_reference_is_current() -> None:
    assert write_reference(SCHEMA_DIR, check=True) == [], "run `changwat schema` to regenerate schema/README.md"
    assert "#### Office" in field_reference()


@pytest.mark.parametrize("name", ["office.schema.json", "national.schema.json"])
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = json.loads(render(name))
    jsonschema.Draft202012Validator.check_schema(schema)


def _validator(name: str):
    return jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8")))


def _data_files():
    return [
        ROOT / "data" / "national.yaml",
        *sorted((ROOT / "data" / "provinces").glob("*.yaml")),
        *sorted((CASES / "good").glob("*.yaml")),
    ]


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_valid_files_pass_the_json_schema(path: Path) -> None:
    """What our validator accepts, an editor's VS Code accepts too (no red squiggles on good data)."""
    name = "national.schema.json" if path.name == "national.yaml" else "office.schema.json"
    errors = list(_validator(name).iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize(
    "case",
    [
        "unknown-key",
        "missing-th",
        "phone-unquoted",
        "section-unquoted",
        "date-unquoted",
        "bool-no",
        "bad-enum",
        "empty-list",
        "bad-url",
        "bad-id",
        "ce-year",
        "amendment-quoted",
        "plain-string-for-text",
        "missing-province",
    ],
)
def test_bad_cases_fail_the_json_schema_too(case: str) -> None:
    data = yaml.safe_load((CASES / "bad" / f"{case}.yaml").read_text(encoding="utf-8"))
    assert list(_validator("office.schema.json").iter_errors(data)), case


def test_every_data_file_declares_its_schema() -> None:
    for path in _data_files():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.exists(), f"{path}: schema path {target} does not exist"
