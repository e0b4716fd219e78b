"""The git calls of a build, in a fixed form, and the one that keys the last generation.

Light on purpose: a build with nothing to generate asks :func:`probe` only, and must not load the
history's views and dates (build/history.py) to do it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_TIMEOUT = 60


def git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str] | None:
    """``git args`` in ``cwd``; None without git (or when it hangs)."""
    # The build's environment could name another repository (GIT_DIR) or change git's output;
    # ask about the data folder's own repository, in a fixed form.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["LC_ALL"] = "C"
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", "-c", "log.showSignature=false", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=GIT_TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def probe(data: Path) -> subprocess.CompletedProcess[str] | None:
    """Whether the data folder's clone is shallow, and the commit checked out (one short call)."""
    return git(["rev-parse", "--is-shallow-repository", "HEAD"], data) if data.is_dir() else None


def describe(answer: subprocess.CompletedProcess[str] | None) -> str:
    """:func:`probe`'s answer as what the data folder's history depends on: whether the clone is
    shallow and the commit checked out (build/pages.py keys its record of the last generation with
    it: a new commit changes "last updated" even when no file changed). History.state is the same."""
    return f"{answer.returncode}:{answer.stdout.strip()}" if answer is not None else "no git"
