"""``--diff-only REF``: which lines of which files changed since a git ref.

Changes are the working tree against ``REF`` (committed, staged and unstaged edits) plus untracked
files that git does not ignore, which count as changed throughout. Files are still linted whole
(quotations and sentences need their context); only findings that touch a changed line are kept.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable

from newslint.errors import UsageError

#: every line of the file (untracked or new files)
ALL_LINES = None
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except FileNotFoundError:
        raise UsageError("--diff-only needs git, which is not installed") from None
    if proc.returncode != 0:
        raise UsageError(f"git {' '.join(args[:2])}: {proc.stderr.strip() or 'failed'}")
    return proc.stdout


def repo_root(cwd: str = ".") -> str:
    """The top folder of the git work tree around ``cwd``."""
    try:
        return _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except UsageError:
        raise UsageError(
            f"--diff-only: {os.path.abspath(cwd)} is not inside a git repository"
        ) from None


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Added or changed line numbers (new side) per path from ``git diff -U0`` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            if target == "/dev/null":
                current = None
            else:
                current = changed.setdefault(
                    target[2:] if target.startswith("b/") else target, set()
                )
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
    return {path: lines for path, lines in changed.items() if lines}


def changed_lines(ref: str, cwd: str = ".") -> dict[str, set[int] | None]:
    """Absolute path -> changed line numbers (``None``: the whole file) since ``ref``."""
    root = repo_root(cwd)
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    except UsageError:
        raise UsageError(f"--diff-only: unknown git ref {ref!r}") from None
    diff = _git(
        ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--text", ref, "--"], root
    )
    out: dict[str, set[int] | None] = {
        os.path.realpath(os.path.join(root, p)): lines for p, lines in parse_diff(diff).items()
    }
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for rel in filter(None, untracked.split("\0")):
        out[os.path.realpath(os.path.join(root, rel))] = ALL_LINES
    return out


def touches(lines: set[int] | None, start: int, end: int) -> bool:
    """True when a finding on lines ``start..end`` touches a changed line."""
    return lines is None or any(n in lines for n in range(start, end + 1))


def select_changed(paths: Iterable[str], changes: dict[str, set[int] | None]) -> list[str]:
    """The paths (as given) that have changes."""
    return [p for p in paths if p == "-" or os.path.realpath(p) in changes]
