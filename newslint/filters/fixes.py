"""Applying safe fixes (``--fix``) and showing them as a diff (``--diff``)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from newslint.findings import Finding


def apply_fixes(source: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """Apply the non-overlapping fixes of ``findings`` to ``source``; return the text and count."""
    fixes = sorted({f.fix for f in findings if f.fix is not None}, key=lambda x: (x.start, x.end))
    out: list[str] = []
    pos = applied = 0
    for fix in fixes:
        if fix.start < pos:  # overlaps a fix already taken
            continue
        out.append(source[pos : fix.start])
        out.append(fix.replacement)
        pos = fix.end
        applied += 1
    out.append(source[pos:])
    return "".join(out), applied


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fixes."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{path}",
            f"b/{path}",
        )
    )
