"""Stage 2 — check: the model built from the loaded files, and every problem with its position.

convert.py     schema rules: loaded YAML → typed records (model/records.py), or problems
rules.py       cross-file rules: file names, provinces, unique ids, references that resolve
thai/          the Thai text rules (lint), one declaration per rule
lint.py        runs the Thai rules on every text (cached by content), findings located in the file
hints.py       "did you mean"
jsonschema.py  JSON Schema and the field reference, generated from the records
validate.py    all of it for a project: load_dataset()
"""

from .validate import load_dataset

__all__ = ["load_dataset"]
