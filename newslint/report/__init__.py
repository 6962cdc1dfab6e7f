"""Output formats. Each format module exposes ``render(results, options) -> str``."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult

FORMATS = ("text", "json", "github", "sarif", "html")


@dataclass
class ReportOptions:
    """What a report shows."""

    color: bool = False
    stats: bool = False
    quiet: bool = False
    fail_on: str = "warning"
    rules: dict[str, Any] = field(
        default_factory=dict
    )  # rule id -> Rule, for formats with help text


def render(results: list[FileResult], fmt: str, options: ReportOptions) -> str:
    """Render results in one of the formats."""
    module = import_module(f"newslint.report.{fmt}_format")
    return module.render(results, options)  # type: ignore[no-any-return]


def summary(results: list[FileResult]) -> dict[str, Any]:
    """Counts over a run: files, findings by level and by rule, per-file errors."""
    by_level: dict[str, int] = {"error": 0, "warning": 0, "suggestion": 0}
    by_rule: dict[str, int] = {}
    for result in results:
        for f in result.findings:
            by_level[f.level] += 1
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    return {
        "files": len(results),
        "findings": sum(by_level.values()),
        "by_level": by_level,
        "by_rule": dict(sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
        "file_errors": sum(1 for r in results if r.error),
    }
