"""The real pre-commit hook: `pre-commit try-repo` blocks a bad article and passes a clean one.

pre-commit installs newslint from this checkout into its own environment (the first run takes a
while: it installs spaCy and the other dependencies from the package index).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

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
    (newsroom / "bad.txt").write_text(
        "Council meets\n\nThe the council met on Monday.\n\nDiscuss This Article\n"
    )
    (newsroom / "clean.txt").write_text(
        "Council meets\n\nThe council met on Monday, the mayor said.\n"
    )
    _git(newsroom, "add", "bad.txt", "clean.txt")
    bad = _try_repo(newsroom, "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "boilerplate.comments" in bad.stdout and "Failed" in bad.stdout
    clean = _try_repo(newsroom, "clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
