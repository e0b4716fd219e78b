"""The `changwat` command: the tools editors and developers run on a project.

    changwat [--root DIR] validate [PATH ...] [--format text|github]   exit 0 clean, 1 errors, 2 usage
    changwat [--root DIR] schema [--check]        (re)generate schema/*.schema.json and schema/README.md
    changwat [--root DIR] new PROVINCE [--stdout] start data/provinces/<slug>.yaml (exit 1: refused)
    changwat [--root DIR] status [--format text|json|markdown]   English translations per office
    changwat [--root DIR] pages                   generate docs/ from data/ (what the MkDocs hook does)

The project is the folder given with --root, else the working folder or its nearest parent that
has a mkdocs.yml (changwat.project). A folder that is not a project is said so, with exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..model.registry import RegistryError
from ..problems import MAX_PER_FILE, Problem, format_text, report, summary
from ..project import Project, ProjectError


def _expand(paths: list[str]) -> tuple[list[Path], list[Path], list[str]]:
    """The files named (a folder: its YAML files), the folders named, and the names not found."""
    files, folders, missing = [], [], []
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and not p.is_symlink():
            folders.append(p)
            files += sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml") and not x.is_dir())
        elif os.path.lexists(p):
            files.append(p)  # whatever it is (a link, a pipe): the loader says what is wrong with it
        else:
            missing.append(raw)
    return files, folders, missing


INTERRUPTED = (
    "changwat: หยุดแล้ว ไฟล์ที่เขียนเสร็จแล้วครบถ้วน เรียกคำสั่งอีกครั้งเพื่อให้ครบทุกหน้า / "
    "interrupted: every file written is complete; run the command again to finish"
)


def _count(raw: str) -> int:
    """A number of problems: 0 or more (a negative number would hide every problem)."""
    try:
        n = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {raw!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {n}")
    return n


def cmd_validate(args: argparse.Namespace, project: Project) -> int:
    from ..check import load_dataset
    from ..load.files import display_path
    from ..model import Pos

    files, folders, missing = _expand(args.paths)
    if missing:
        for m in missing:
            print(format_text(Problem(Pos(m, 1, 1), "C01", {"path": m}), None), file=sys.stderr)
        return 2
    dataset, problems = load_dataset(project, extra=files)
    if args.paths:
        wanted = {display_path(f) for f in files}
        inside = tuple("" if display_path(d) == "." else display_path(d).rstrip("/") + "/" for d in folders)
        problems = [p for p in problems if p.pos.path in wanted or p.pos.path.startswith(inside)]
        count = len(wanted | {p.pos.path for p in problems})
    else:
        count = len(dataset.files)
    if not args.notes:
        problems = [p for p in problems if p.severity != "note"]
    for block in report(problems, dataset.source_lines, args.format, args.max_problems):
        print(block)
        if args.format != "github":
            print()
    print(summary(problems, count), file=sys.stderr if args.format == "github" else sys.stdout)
    return 1 if any(p.severity == "error" for p in problems) else 0


def cmd_schema(args: argparse.Namespace, project: Project) -> int:
    from ..check.jsonschema import write_reference, write_schemas

    changed = write_schemas(project.schema, check=args.check)
    changed += write_reference(project.schema, check=args.check)
    for path in changed:
        print(("out of date: " if args.check else "wrote ") + str(path))
    return 1 if (args.check and changed) else 0


def cmd_new(args: argparse.Namespace, project: Project) -> int:
    from .new import new_office

    return new_office(args.province, project, stdout=args.stdout)


def cmd_status(args: argparse.Namespace, project: Project) -> int:
    from .status import print_status

    return print_status(project, args.format)


def cmd_pages(args: argparse.Namespace, project: Project) -> int:
    from ..build.pages import DataError, WriteError, generate, terminate_as_interrupt

    try:
        with terminate_as_interrupt():
            result = generate(project, force=True)
    except DataError as e:
        print(e.report, file=sys.stderr)
        print(f"\n{e}", file=sys.stderr)
        return 1
    except WriteError as e:
        print(e, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    if result.notes:
        print(result.notes, file=sys.stderr)
    print(result.summary())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="changwat", description="Thai provincial offices: data tools / เครื่องมือข้อมูลสำนักงานจังหวัด"
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="the project folder, with mkdocs.yml and data/ (default: this folder or its nearest parent)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check data files / ตรวจไฟล์ข้อมูล")
    v.add_argument("paths", nargs="*", help="files or folders (default: all data)")
    v.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github prints ::error annotations for pull requests",
    )
    v.add_argument("--notes", action="store_true", help="also print notes (e.g. untranslated texts) for all files")
    v.add_argument(
        "--max-problems",
        type=_count,
        default=MAX_PER_FILE,
        metavar="N",
        help="show at most N problems per file (all are counted; default 200)",
    )
    v.set_defaults(func=cmd_validate)
    s = sub.add_parser("schema", help="generate schema/*.schema.json from the model")
    s.add_argument("--check", action="store_true", help="exit 1 if the committed schema is out of date")
    s.set_defaults(func=cmd_schema)
    n = sub.add_parser("new", help="start the file of an office / สร้างไฟล์ของสำนักงานจังหวัด")
    n.add_argument("province", help='slug, English or Thai name, or ISO code (ang-thong, "Ang Thong", อ่างทอง, TH-15)')
    n.add_argument("--data", type=Path, help="data folder (default: data/)")
    n.add_argument("--stdout", action="store_true", help="print the file instead of writing it")
    n.set_defaults(func=cmd_new)
    st = sub.add_parser("status", help="English translations per office / สถานะการแปล")
    st.add_argument("--data", type=Path, help="data folder (default: data/)")
    st.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    st.set_defaults(func=cmd_status)
    pg = sub.add_parser("pages", help="generate docs/ from data/ / สร้างหน้าเว็บจากข้อมูล")
    pg.set_defaults(func=cmd_pages)
    return parser


def run() -> int:
    """The `changwat` command (and `python -m changwat`): :func:`main` in a process of its own."""
    from ..cache import fewer_collections

    fewer_collections()
    return main()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        project = Project.load(args.root, data=getattr(args, "data", None))
    except ProjectError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    try:
        command: Callable[[argparse.Namespace, Project], int] = args.func  # set by each subparser
        return command(args, project)
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except RegistryError as e:  # `new` reads the registry directly: one line, then `validate` shows all
        print(f"error: {e.th} / {e}  (changwat validate)", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
