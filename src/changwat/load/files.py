"""Which files are data: the national file and one YAML file per office, as editors see their paths."""

from __future__ import annotations

from pathlib import Path

NATIONAL = "national.yaml"
PROVINCES = "provinces"


def display_path(path: Path) -> str:
    """Paths as editors see them: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def data_files(data: Path) -> list[Path]:
    """The data files of a data folder: national.yaml first, then the offices' files by name."""
    files = [data / NATIONAL] if (data / NATIONAL).exists() else []
    provinces = data / PROVINCES
    return files + sorted(provinces.glob("*.yaml")) + sorted(provinces.glob("*.yml"))


def is_national(path: Path) -> bool:
    return path.name == NATIONAL
