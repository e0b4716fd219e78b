"""Stage 2 — check: the model built from the loaded files, and every problem with its position.

convert.py     schema rules: loaded YAML → typed records (model/records.py), or problems
rules.py       cross-file rules: file names, provinces, unique ids, references that resolve
thai/          the Thai text rules (lint), one declaration per rule
lint.py        runs the Thai rules on every text (cached by content), findings located in the file
hints.py       "did you mean"
jsonschema.py  JSON Schema and the field reference, generated from the records
validate.py    all of it for a project: load_dataset()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .validate import load_dataset

__all__ = ["load_dataset"]


def __getattr__(name: str) -> Any:
    """``load_dataset`` is imported when first used: importing one rule module (check.thai's
    allow-list, for the search) does not load every stage."""
    if name == "load_dataset":
        from .validate import load_dataset

        return load_dataset
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
