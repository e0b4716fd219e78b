"""Every built page is valid HTML by an outside judge: the Nu Html Checker (vnu-jar from npm, pinned
in tests/tools/package.json, installed by make test), errors only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

VNU = REPO / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(site: Path) -> list[dict]:
    java = shutil.which("java")
    if not VNU.exists() or java is None:
        message = f"the Nu Html Checker needs {VNU} (make test: npm ci --prefix tests/tools) and java"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    r = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(r.stderr or '{"messages": []}')["messages"]


def test_every_page_is_valid_html(built_site) -> None:
    pages = list(built_site.dir.rglob("*.html"))
    assert len(pages) >= 2 * 80  # both languages' pages and 404.html
    errors = vnu_errors(built_site.dir)
    shown = [f"{m.get('url', '').split(built_site.dir.name)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors]
    assert shown == []
