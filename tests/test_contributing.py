"""CONTRIBUTING.md and its error catalogue ERRORS.md show what `changwat` really prints.

CONTRIBUTING.md opens with a worked example of the most common edits (a file that must validate
clean); ERRORS.md holds every common error with the exact output. Every example in either is marked with an HTML comment and is either

    <!-- example: NAME [path=data/provinces/ang-thong.yaml] -->
    ```yaml            (optional: the whole file, written at path)
    ...
    ```
    ```text
    $ changwat validate data/provinces/ang-thong.yaml
    ...exactly what the command prints (stdout, then stderr)...
    ```

or a corrected file that must validate clean:

    <!-- fixed: NAME [path=...] -->
    ```yaml
    ...
    ```

Each example runs in its own folder tests/cases/generated/contributing/NAME/ (gitignored) holding
data/national.yaml and data/thai-allowlist.txt (copies of the real ones) and the example's file,
with that folder as the working directory, so the paths printed are the ones an editor sees.

After an intended change of the messages: UPDATE_CONTRIBUTING=1 pytest tests/test_contributing.py
rewrites the text blocks (then read the diff: it is what editors will see).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from changwat.cli import main
from conftest import copy_data

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "CONTRIBUTING.md"
CATALOGUE = ROOT / "ERRORS.md"
DOCS = (DOC, CATALOGUE)
GENERATED = ROOT / "tests" / "cases" / "generated" / "contributing"
DEFAULT_PATH = "data/provinces/ang-thong.yaml"
UPDATE = os.environ.get("UPDATE_CONTRIBUTING") == "1"

BLOCK = re.compile(
    r"<!-- (?P<kind>example|fixed): (?P<name>[a-z0-9-]+)(?: path=(?P<path>\S+))? -->\n"
    r"(?:```yaml\n(?P<yaml>.*?)```\n)?"
    r"(?:\n?```text\n(?P<text>.*?)```\n)?",
    re.S,
)

# What the guide must cover (the list), by example name → the code it shows.
REQUIRED = {
    "unknown-key": "K01",
    "phone-unquoted": "K04",
    "section-unquoted": "K04",
    "date-unquoted": "K04",
    "missing-th": "K02",
    "list-marker": "U13",
    "pdf-split-sara-am": "U02",
    "duplicate-key": "Y08",
    "wrong-indentation": "Y05",
    "unknown-province-ref": "R05",
}


@dataclass
class Example:
    doc: Path
    kind: str
    name: str
    path: str
    yaml: str | None
    text: str | None
    span: tuple[int, int]  # of the text block's content in the document

    @property
    def command(self) -> list[str]:
        first = (self.text or "").split("\n", 1)[0]
        assert first.startswith("$ "), f"{self.name}: the text block must start with '$ changwat ...'"
        argv = shlex.split(first[2:])
        assert argv[0] in ("changwat", ".venv/bin/changwat"), f"{self.name}: not a changwat command: {first}"
        return argv[1:]


def examples() -> list[Example]:
    out = []
    for path in DOCS:
        doc = path.read_text(encoding="utf-8")
        for m in BLOCK.finditer(doc):
            out.append(
                Example(
                    path,
                    m["kind"],
                    m["name"],
                    m["path"] or DEFAULT_PATH,
                    m["yaml"],
                    m["text"],
                    m.span("text") if m["text"] is not None else (-1, -1),
                )
            )
    return out


def run_in_folder(name: str, path: str, text: str | None, argv: list[str], capsys, monkeypatch) -> tuple[int, str]:
    folder = GENERATED / name
    shutil.rmtree(folder, ignore_errors=True)
    copy_data(folder / "data", "national.yaml", "thai-allowlist.txt")
    if text is not None:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out + err


ALL = examples()


def test_the_guide_has_examples() -> None:
    names = {e.name for e in ALL if e.kind == "example"}
    assert set(REQUIRED) <= names, sorted(set(REQUIRED) - names)
    assert len({(e.kind, e.name) for e in ALL}) == len(ALL), "two examples share a name"
    for e in ALL:
        if e.kind == "example":
            assert e.text is not None, f"example {e.name} has no ```text block after it"
        else:
            assert e.yaml is not None and e.text is None, f"fixed {e.name}: a ```yaml block only"


@pytest.mark.parametrize("example", [e for e in ALL if e.kind == "example"], ids=lambda e: e.name)
def test_example_output_is_what_changwat_prints(example: Example, capsys, monkeypatch) -> None:
    code, printed = run_in_folder(example.name, example.path, example.yaml, example.command, capsys, monkeypatch)
    expected = example.text.split("\n", 1)[1]
    if UPDATE and printed != expected:
        current = next(e for e in examples() if (e.kind, e.name) == (example.kind, example.name))
        doc = current.doc.read_text(encoding="utf-8")
        start, end = current.span
        head = current.text.split("\n", 1)[0] + "\n"
        current.doc.write_text(doc[:start] + head + printed + doc[end:], encoding="utf-8")
        expected = printed
    assert printed == expected
    if example.name in REQUIRED:
        assert f"[{REQUIRED[example.name]}]" in printed or f"title=changwat {REQUIRED[example.name]}" in printed
    errors = "error: " in printed or printed.startswith("::error ") or "\n::error " in printed
    assert code == (1 if errors else 0), printed


@pytest.mark.parametrize("example", [e for e in ALL if e.kind == "fixed"], ids=lambda e: e.name)
def test_fixed_example_is_clean(example: Example, capsys, monkeypatch) -> None:
    code, printed = run_in_folder(
        f"{example.name}-fixed", example.path, example.yaml, ["validate", example.path], capsys, monkeypatch
    )
    assert code == 0, printed
    assert printed.endswith("ข้อผิดพลาด 0 คำเตือน 0 / checked 1 file(s): 0 error(s), 0 warning(s)\n"), printed


def test_every_broken_example_has_its_fix() -> None:
    broken = {e.name for e in ALL if e.kind == "example" and e.yaml is not None}
    fixed = {e.name for e in ALL if e.kind == "fixed"}
    warnings_only = {
        e.name for e in ALL if e.kind == "example" and e.text and "error: " not in e.text and "::error " not in e.text
    }
    fixed_yaml = {e.yaml for e in ALL if e.kind == "example" and e.name in fixed}
    shares_a_fix = {e.name for e in ALL if e.kind == "example" and e.yaml in fixed_yaml}
    assert broken - warnings_only - shares_a_fix <= fixed, sorted(broken - warnings_only - shares_a_fix - fixed)


def test_pre_commit_hook_is_the_documented_one() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    hook = next(h for h in hooks if h["id"] == "changwat-validate")
    assert hook["language"] == "system" and hook["pass_filenames"] is True
    assert re.fullmatch(hook["files"], "data/provinces/ang-thong.yaml")
    assert re.fullmatch(hook["files"], "data/national.yml")
    assert not re.search(hook["files"], "src/changwat/build/ui.yaml")
    assert "changwat validate" in hook["entry"] or "changwat.cli validate" in hook["entry"]
    assert "changwat-validate" in DOC.read_text(encoding="utf-8") or "pre-commit install" in DOC.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_links_to_repository_files_exist(doc: Path) -> None:
    """Relative links in the guide point at files that exist (a renamed file breaks the guide), and
    its own #anchors exist."""
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\((?!https?://|#|mailto:)([^)#\s]+)", text):
        assert (ROOT / target).exists(), f"{doc.name} links to missing {target}"
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert f'<a id="{anchor}"></a>' in text, f"{doc.name} links to a missing #{anchor}"


def test_the_guide_opens_with_the_worked_example() -> None:
    """The first screen of CONTRIBUTING.md: the most common edits (head and contact details, a
    history paragraph, a work group with duties) as one file that validates clean, then how to do
    them on GitHub and locally, Thai before English; the catalogue of errors is a separate file."""
    doc = DOC.read_text(encoding="utf-8")
    first = next(e for e in ALL if e.doc == DOC)
    assert first.kind == "fixed" and first.name == "worked-example"
    data = yaml.safe_load(first.yaml)
    assert {"head", "contact", "history", "organisation", "sources"} <= set(data)
    assert data["history"]["paragraphs"] and data["organisation"]["groups"][0]["duties"]
    assert doc.index(first.yaml) < 1500  # it starts right under the title
    steps = doc[doc.index(first.yaml) + len(first.yaml) : doc.index('<a id="windows"></a>')]
    thai_web, thai_local = steps.index("บนเว็บ GitHub"), steps.index("บนเครื่องของตนเอง")
    english_web, english_local = steps.index("On GitHub, nothing to install"), steps.index("On your own computer")
    assert thai_web < thai_local < english_web < english_local
    assert "Commit changes" in steps and "make preview OFFICE=" in steps and "changwat validate" in steps
    assert len(doc[: doc.index('<a id="windows"></a>')].splitlines()) < 120
    # Windows, said plainly: the web editor, or WSL for the local tools
    windows = doc[doc.index('<a id="windows"></a>') : doc.index('<a id="th"></a>')]
    assert "wsl --install" in windows and "github.dev" in windows and "Command Prompt" in windows
    # the catalogue moved out: every required error example is in ERRORS.md, linked from the guide
    assert "(ERRORS.md)" in doc
    assert {e.name for e in ALL if e.doc == CATALOGUE} >= set(REQUIRED)
    assert not {e.name for e in ALL if e.doc == DOC} & set(REQUIRED)
    assert len(doc.splitlines()) < 0.5 * 841  # it was 841 lines, 71 % of them the catalogue
