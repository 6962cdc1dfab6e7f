"""The real pre-commit hook: `pre-commit try-repo` blocks a bad article and passes a clean one.

pre-commit installs newslint from this checkout into its own environment (the first run takes a
while: it installs spaCy and the other dependencies from the package index).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("newsroom")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "desk@example.org")
    _git(repo, "config", "user.name", "Desk")
    return repo


def _try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(ROOT), "newslint", "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )


def test_hook_blocks_a_bad_article_and_passes_a_clean_one(newsroom: Path) -> None:
    """One real install (try-repo installs the hook afresh on every call, ~30 s of CPU), one run
    over a bad article, a clean one and a file the hook must not touch."""
    (newsroom / "bad.txt").write_text(
        "Council meets\n\nThe the council met on Monday.\n\nDiscuss This Article\n"
    )
    (newsroom / "clean.txt").write_text(
        "Council meets\n\nThe council met on Monday, the mayor said.\n"
    )
    (newsroom / "notes.py").write_text("# Discuss This Article\n")
    _git(newsroom, "add", "bad.txt", "clean.txt", "notes.py")
    run = _try_repo(newsroom, "bad.txt", "clean.txt", "notes.py")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Failed" in run.stdout
    located = re.findall(r"^(\S+?):\d+:\d+: (?:suggestion|warning|error) ", run.stdout, re.M)
    assert set(located) == {"bad.txt"}, run.stdout  # the clean article passes, notes.py is not read
    assert "bad.txt:5:1: warning boilerplate.comments" in run.stdout
