"""The content pipeline without MkDocs: find the data files, load, validate (schema, then cross-file
rules and the Thai lint), and hand the typed model to render/site.

    dataset, problems = load_dataset(Path("data"))
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import model
from .load import load_file
from .model import National, Office, Pos, ResolvedOffice, resolve
from .problems import Problem, register
from .registry import Registry, load_registry
from .validate import _REF_NAMES, MAX_TEXT, Converted, convert, ids_and_refs

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
NATIONAL = "national.yaml"
PROVINCES = "provinces"
ALLOWLIST = "thai-allowlist.txt"


@dataclass
class Dataset:
    root: Path
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


def display_path(path: Path) -> str:
    """Paths as editors see them: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def data_files(root: Path) -> list[Path]:
    files = [root / NATIONAL] if (root / NATIONAL).exists() else []
    files += sorted((root / PROVINCES).glob("*.yaml")) + sorted((root / PROVINCES).glob("*.yml"))
    return files


def _kind_for(path: Path) -> type:
    return National if path.name == NATIONAL else Office


def load_dataset(root: Path = DATA, extra: Iterable[Path] = (), registry: Registry | None = None,
                 lint: bool = True) -> tuple[Dataset, list[Problem]]:
    """Load and validate all data under root (plus extra files, e.g. test cases). Problems sorted."""
    registry = registry or load_registry()
    ds = Dataset(root=root, registry=registry)
    problems: list[Problem] = []
    files = data_files(root)
    seen = {p.resolve() for p in files}
    files += [p for p in extra if p.resolve() not in seen]
    if not (root / NATIONAL).exists():
        problems.append(Problem(Pos(display_path(root), 1, 1), "R07", {"file": display_path(root / NATIONAL)}))
    for path in files:
        shown = display_path(path)
        conv = convert(load_file(path, shown), _kind_for(path))
        ds.files[shown] = conv
        problems.extend(conv.loaded.problems)
        if isinstance(conv.obj, National):
            if path.resolve() == (root / NATIONAL).resolve() or ds.national is None:
                ds.national = conv.obj
        elif isinstance(conv.obj, Office):
            _check_office_file(ds, path, shown, conv.obj, problems)
    for conv in ds.files.values():
        if conv.obj is not None:
            _check_ids_and_refs(ds, conv, problems)
    if lint:
        problems.extend(lint_all(ds.files.values(), _allowlist(root)))
    for conv in ds.files.values():
        problems.extend(_untranslated(conv))
    problems.sort(key=Problem.sort_key)
    return ds, problems


def _check_office_file(ds: Dataset, path: Path, shown: str, office: Office, problems: list[Problem]) -> None:
    slug = office.province
    at = office.pos("province")
    province = ds.registry.by_slug.get(slug)
    if province is None:
        close = ds.registry.suggest(slug)
        problems.append(Problem(at, "R02", {
            "value": slug,
            "hint_th": ("หมายถึง " + " หรือ ".join(close) + " หรือไม่") if close else "ดูรายชื่อใน data/registry/provinces.csv",
            "hint_en": ("did you mean " + " or ".join(close) + "?") if close else "see data/registry/provinces.csv",
        }, length=len(slug)))
        return
    if path.parent.name == PROVINCES and path.stem != slug:
        problems.append(Problem(Pos(shown, 1, 1), "R01", {"file": path.name, "slug": slug}))
    if path.parent.resolve() != (ds.root / PROVINCES).resolve():
        return  # a file outside the data folder (a test case, a draft) is checked but not published
    if slug in ds.offices:
        problems.append(Problem(at, "R03", {"slug": slug, "other": ds.paths[slug]}, length=len(slug)))
        return
    ds.offices[slug] = office
    ds.paths[slug] = shown


def _check_ids_and_refs(ds: Dataset, conv: Converted, problems: list[Problem]) -> None:
    obj = conv.obj
    ids, refs, cited_sections = ids_and_refs(obj)
    seen: dict[tuple[str, str], Pos] = {}
    for ns, value, pos in ids:
        if (ns, value) in seen:
            problems.append(Problem(pos, "R04", {"value": value, "first_line": seen[(ns, value)].line}, length=len(value)))
        else:
            seen[(ns, value)] = pos
    sources = {s.id for s in obj.sources}
    laws = {law.id: law for law in (obj.legal_basis.laws if obj.legal_basis else [])}
    if ds.national is not None and ds.national is not obj and ds.national.legal_basis:
        for law in ds.national.legal_basis.laws:
            laws.setdefault(law.id, law)
    known = {"source_ref": sources, "law_ref": set(laws), "province_ref": set(ds.registry.by_slug)}
    for kind, value, pos in refs:
        if kind == "province_ref" and value == getattr(obj, "province", None):
            continue  # the office's own province: checked with the file name (R01/R02)
        if value not in known[kind]:
            th, en, where = _REF_NAMES[kind]
            if kind == "province_ref":
                close = ds.registry.suggest(value)
            else:
                close = difflib.get_close_matches(value, sorted(known[kind]), n=2, cutoff=0.6)
            if close:
                hint_th = "หมายถึง " + " หรือ ".join(f"\"{c}\"" for c in close) + " หรือไม่"
                hint_en = "did you mean " + " or ".join(f"\"{c}\"" for c in close) + "?"
            else:
                hint_th = f"เพิ่ม{th}นี้ใน {where}" if where else "ใช้รหัสจาก data/registry/provinces.csv"
                hint_en = f"define this {en} in {where}" if where else "use a slug from data/registry/provinces.csv"
            problems.append(Problem(pos, "R05", {"kind_th": th, "kind_en": en, "value": value,
                                                 "hint_th": hint_th, "hint_en": hint_en}, length=len(value)))
    # a quoted or cited section must exist in the law, when the law lists its sections
    for law_id, section, pos in cited_sections:
        law = laws.get(law_id)
        if law is not None and law.sections and section not in {s.number for s in law.sections}:
            numbers = ", ".join(s.number for s in law.sections)
            problems.append(Problem(pos, "R05", {
                "kind_th": "มาตรา", "kind_en": "section", "value": section,
                "hint_th": f"มาตราที่มีใน {law.id}: {numbers}",
                "hint_en": f"sections of {law.id}: {numbers}"}, length=len(section)))


def _allowlist(root: Path) -> frozenset[str]:
    from .thai import load_allowlist

    for candidate in (root / ALLOWLIST, DATA / ALLOWLIST):
        if candidate.exists():
            return load_allowlist(candidate)
    return frozenset()


def _lint_fingerprint(allow: frozenset[str]) -> str:
    """Everything lint results depend on: the rules' code, the pythainlp version, the allow-list."""
    from importlib.metadata import version

    from . import thai
    from .cache import digest

    return digest(Path(thai.__file__).read_bytes(), version("pythainlp"), "\n".join(sorted(allow)))


def lint_all(convs: Iterable[Converted], allow: frozenset[str]) -> list[Problem]:
    """Thai lint on every text, each finding placed at its line and column in the source. Findings
    are cached by content: unchanged texts are not re-segmented, so pythainlp's dictionary is
    loaded only when some text is new."""
    from . import thai
    from .cache import ContentCache, digest
    from .problems import Code

    register(Code(r.code, r.severity, r.th, r.en, r.fix_th, r.fix_en) for r in thai.RULES.values())
    cache = ContentCache("lint", _lint_fingerprint(allow))
    out: list[Problem] = []
    for conv in convs:
        source = conv.loaded.text
        for text, lang, node in conv.texts:
            value = getattr(text, lang)
            if not value or len(value) > MAX_TEXT:
                continue  # an over-long text is already an error (K13); linting it would only be slow
            key = digest(lang, value)
            found = cache.get(key)
            if found is None:
                found = [[f.code, f.start, f.end, f.found, f.suggestion] for f in thai.lint(value, lang, allow)]
                cache.put(key, found)
            for code, start, _end, text_found, suggestion in found:
                pos, length = _locate(conv.path, source, node, value, start, text_found)
                out.append(Problem(pos, code, {"found": text_found, "suggestion": suggestion or "", "lang": lang},
                                   length=length))
    cache.save()
    return out


def _locate(path: str, source: str, node, value: str, at: int, found: str) -> tuple[Pos, int]:
    """Where `found`, at offset `at` of a scalar's value, is in the file (best effort for folded or
    escaped text)."""
    start, end = node.start_mark, node.end_mark
    raw = source[start.index:end.index]
    idx = -1
    if found and found.strip() and "\n" not in found:
        # the k-th occurrence in the value is (almost always) the k-th in the raw text
        k = value.count(found, 0, at)
        idx = -1
        for _ in range(k + 1):
            idx = raw.find(found, idx + 1)
            if idx < 0:
                break
    if idx < 0 and node.style == "|" and "\n" in found:
        # a literal block: the value's n-th line is the (n+1)-th source line after the "|" indicator
        line_no = start.line + 2 + value.count("\n", 0, at)
        lines = source.splitlines()
        if line_no <= len(lines):
            return Pos(path, line_no, len(lines[line_no - 1]) + 1), 1
    if idx < 0:
        offset = at + (1 if node.style in ("'", '"') else 0)
        idx = offset if node.style in (None, "'", '"') and "\n" not in raw else 0
    absolute = start.index + idx
    line = source.count("\n", 0, absolute) + 1
    col = absolute - (source.rfind("\n", 0, absolute) + 1) + 1
    length = len(found) if found and "\n" not in found else 1
    return Pos(path, line, col), length


def _untranslated(conv: Converted) -> list[Problem]:
    missing = [(text, node) for text, lang, node in conv.texts if lang == "th" and not text.en]
    if not missing:
        return []
    text, node = missing[0]
    first = text.pos() or Pos(conv.path, 1, 1)
    return [Problem(first, "T01", {"count": len(missing), "first": f"{first.line}:{first.col}"})]
