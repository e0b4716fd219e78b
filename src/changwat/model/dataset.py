"""The validated data of a project, as the build receives it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .records import National, Office
from .registry import Registry
from .resolve import ResolvedOffice, resolve

if TYPE_CHECKING:
    from ..check.convert import Converted


@dataclass
class Dataset:
    root: Path  # the data folder
    registry: Registry
    national: National | None = None
    offices: dict[str, Office] = field(default_factory=dict)  # slug → office
    paths: dict[str, str] = field(default_factory=dict)  # slug → file path as shown to editors
    files: dict[str, Converted] = field(default_factory=dict)  # path → converted file

    def resolved(self) -> list[ResolvedOffice]:
        """Every office in the registry (ISO order), with the national content filling the gaps."""
        assert self.national is not None, "the national file did not validate"
        return [resolve(p, self.offices.get(p.slug), self.national) for p in self.registry]

    def source_lines(self, path: str) -> list[str] | None:
        conv = self.files.get(path)
        return conv.loaded.lines if conv else None
