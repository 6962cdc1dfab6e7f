"""Machine-readable output, versioned: see ``newslint/schemas/findings.schema.json``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from newslint import __version__
from newslint.findings import JSON_SCHEMA_VERSION
from newslint.report import ReportOptions, summary

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult


def as_dict(results: list[FileResult], options: ReportOptions) -> dict[str, Any]:
    files = []
    for r in results:
        entry: dict[str, Any] = {
            "path": r.path,
            "error": r.error,
            "findings": [f.to_json() for f in r.findings],
        }
        if r.genre is not None:
            entry["genre"] = r.genre
        if options.stats and r.stats is not None:
            entry["stats"] = r.stats
        files.append(entry)
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "tool": {"name": "newslint", "version": __version__},
        "files": files,
        "summary": summary(results),
    }


def render(results: list[FileResult], options: ReportOptions) -> str:
    return json.dumps(as_dict(results, options), indent=2, ensure_ascii=False) + "\n"
