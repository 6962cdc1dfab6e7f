"""GitHub Actions workflow commands: one ``::warning file=...`` annotation per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.report import ReportOptions

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult

COMMAND = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], options: ReportOptions) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(
                f"::error file={_escape_property(result.path)},title=newslint::{_escape_data(result.error)}"
            )
        for f in result.findings:
            props = (
                f"file={_escape_property(f.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.rule)}"
            )
            lines.append(f"::{COMMAND[f.level]} {props}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
