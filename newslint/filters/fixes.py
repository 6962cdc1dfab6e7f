"""Safe fixes, after the filter stage: applied to a file (``--fix``, ``lint_paths(fix=True)``),
shown as a diff (``--diff``), or applied to text (``fix_text``)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.findings import Finding

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult


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


@dataclass(frozen=True)
class FileFix:
    """The safe fixes of one file: how many, and the file's text before and after."""

    path: str
    count: int
    before: str
    after: str

    def diff(self) -> str:
        return unified_diff(self.path, self.before, self.after)


def normalize_newlines(text: str) -> str:
    """Text as the readers see it: fixes' offsets count ``\\r\\n`` as one character."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fix_file(result: FileResult, write: bool) -> FileFix | None:
    """Apply ``result``'s safe fixes to its file (``write``) or only compute them; the findings
    that were fixed leave ``result`` when written. None when there is nothing to fix."""
    from newslint.errors import UsageError
    from newslint.readers import decode
    from newslint.storage.atomic import replace_file

    if result.path == "-" or not any(f.fix for f in result.findings):
        return None
    with open(result.path, "rb") as handle:
        raw = handle.read()
    source, encoding = decode(raw, result.path)
    crlf = "\r\n" in source
    normal = normalize_newlines(source)
    fixed, count = apply_fixes(normal, result.findings)
    if not count:
        return None
    if write:
        out = fixed.replace("\n", "\r\n") if crlf else fixed
        try:
            replace_file(result.path, out.encode(encoding))
        except OSError as exc:
            raise UsageError(f"{result.path}: cannot write the fixes ({exc.strerror})") from None
        result.findings = [f for f in result.findings if f.fix is None]
    return FileFix(result.path, count, normal, fixed)


def fix_files(results: Iterable[FileResult]) -> list[FileFix]:
    """Write every result's safe fixes to its file; the fixes made."""
    return [fix for result in results if (fix := fix_file(result, write=True)) is not None]
