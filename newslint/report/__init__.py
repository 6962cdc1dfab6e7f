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


def describe_genre(genre: dict[str, Any] | None) -> str:
    """The genre and profile of a file in one line, with the reasons (empty when unknown)."""
    if not genre:
        return ""
    profile = genre.get("profile", "")
    name = genre.get("genre")
    if name is None:
        return f"profile {profile} ({genre.get('chosen_by', '')})"
    origin = genre.get("origin", "")
    reasons = "; ".join(genre.get("reasons", [])[:3])
    out = f"genre {name} ({origin}: {reasons})" if reasons else f"genre {name} ({origin})"
    chosen = genre.get("chosen_by", "")
    out += f", profile {profile}" + ("" if chosen == "genre" else f" ({chosen})")
    if genre.get("source_file"):
        out += " + source-files"
    return out


def genre_mix(results: list[FileResult]) -> dict[str, int]:
    """How many files of each genre a run saw."""
    mix: dict[str, int] = {}
    for result in results:
        name = (result.genre or {}).get("genre")
        if name:
            mix[name] = mix.get(name, 0) + 1
    return dict(sorted(mix.items(), key=lambda kv: (-kv[1], kv[0])))


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
