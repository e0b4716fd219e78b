"""An installed (non-editable) package works on any checkout given with --root, and outside a
project says what is missing, never a traceback: nothing in the package finds files relative to its
own location (changwat.project)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.build  # builds and installs a wheel: not in make test-fast


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("installed")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--target",
            str(target),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert (target / "changwat" / "__init__.py").exists()
    return target


def changwat(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANGWAT_")}
    env["PYTHONPATH"] = str(installed)  # the installed copy, not the checkout's src/
    code = "import changwat, sys; from changwat.cli import main; print(changwat.__file__, file=sys.stderr); sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_installed_package_validates_a_checkout_given_with_root(installed: Path, tmp_path: Path) -> None:
    r = changwat(installed, tmp_path, "--root", str(REPO), "validate")
    assert str(installed) in r.stderr.splitlines()[0]  # the installed package ran
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 error(s)" in r.stdout


def test_installed_package_outside_a_project_says_what_is_missing(installed: Path, tmp_path: Path) -> None:
    r = changwat(installed, tmp_path, "validate")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "mkdocs.yml" in r.stderr and "--root" in r.stderr


def test_installed_package_generates_pages_for_a_checkout(installed: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    env_docs = {"CHANGWAT_DOCS_DIR": str(docs)}
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANGWAT_")} | env_docs
    env["PYTHONPATH"] = str(installed)
    r = subprocess.run(
        [sys.executable, "-m", "changwat", "--root", str(REPO), "pages"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert (docs / "provinces" / "ang-thong.md").exists() and (docs / "provinces" / "ang-thong.en.md").exists()
