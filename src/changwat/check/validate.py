"""Stage 2 — check: every data file of a project is loaded (stage 1), converted into the typed
model against its declaration (schema rules), then checked across files and by the Thai text rules.

    dataset, problems = load_dataset(Project.load(root))

The dataset holds what validated; ``problems`` (sorted by file and position) says what did not.
Nothing here knows about MkDocs or the site.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..load.files import (
    NotReadable,
    data_files,
    display_path,
    file_key,
    is_national,
    read_data,
    stray_files,
    suggested_place,
)
from ..load.yaml import MAX_BYTES, load_file
from ..model import National, Office, Pos
from ..model.dataset import Dataset
from ..model.registry import Registry, read_registry
from ..problems import Problem
from ..project import Project
from .convert import convert
from .inheritance import inheritance_problems
from .lint import allowlist, lint_all
from .rules import check_ids_and_refs, check_office_file, untranslated


def load_dataset(
    project: Project, extra: Iterable[Path] = (), registry: Registry | None = None, lint: bool = True
) -> tuple[Dataset, list[Problem]]:
    """Load and check all data of a project (plus extra files, e.g. a draft or a test case, which
    are checked but not published). Problems sorted by file and position."""
    root = project.data
    problems: list[Problem] = []
    if registry is None:  # registry errors are located problems (R08), not tracebacks
        registry, issues = read_registry(project.registry)
        shown_registry = display_path(project.registry)
        problems += [
            Problem(Pos(shown_registry, e.line, 1), "R08", {"detail_th": e.th, "detail_en": e.en}) for e in issues
        ]
    ds = Dataset(root=root, registry=registry)
    files = data_files(root)
    seen = {file_key(p) for p in files}
    files += [p for p in extra if file_key(p) not in seen]
    if not project.national.exists():
        problems.append(Problem(Pos(display_path(root), 1, 1), "R07", {"file": display_path(project.national)}))
    for stray in stray_files(root):  # never published: say so rather than pass it as clean
        problems.append(
            Problem(Pos(display_path(stray), 1, 1), "R06", {"suggestion": display_path(suggested_place(stray, root))})
        )
    for path in files:
        shown = display_path(path)
        conv = convert(load_file(path, shown, root), National if is_national(path) else Office)
        ds.files[shown] = conv
        problems.extend(conv.loaded.problems)
        if isinstance(conv.obj, National):
            if file_key(path) == file_key(project.national) or ds.national is None:
                ds.national = conv.obj
        elif isinstance(conv.obj, Office):
            check_office_file(ds, path, shown, conv.obj, problems)
    for conv in ds.files.values():
        if conv.obj is not None:
            check_ids_and_refs(ds, conv, problems)
    problems.extend(inheritance_problems(ds))
    if lint:
        problems.extend(lint_all(ds.files.values(), _allowlist(project, problems), project.cache))
    for conv in ds.files.values():
        problems.extend(untranslated(conv))
    problems.sort(key=Problem.sort_key)
    return ds, problems


def _allowlist(project: Project, problems: list[Problem]) -> frozenset[str]:
    """The allow-list's words; a file that is not a readable UTF-8 text file (a stray byte, a link out
    of data/, a folder) is a located problem like in any data file, and no word is allowed."""
    path = project.allowlist
    if not os.path.lexists(path):
        return frozenset()
    shown = display_path(path)
    try:
        raw = read_data(path, MAX_BYTES, project.data)
        raw.decode("utf-8")
    except NotReadable as refused:
        problems.append(Problem(Pos(shown, 1, 1), refused.code, refused.args_))
        return frozenset()
    except UnicodeDecodeError as err:
        head = raw[: err.start].decode("utf-8", errors="replace")
        line = head.count("\n") + 1
        col = len(head) - (head.rfind("\n") + 1) + 1
        problems.append(Problem(Pos(shown, line, col), "Y02", {"byte": f"0x{raw[err.start]:02X}"}))
        return frozenset()
    return allowlist(path)
