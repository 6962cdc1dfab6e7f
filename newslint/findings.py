"""The one record type every rule produces, and its versioned JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LEVELS = ("suggestion", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
JSON_SCHEMA_VERSION = "1.1"


def level_at_least(level: str, floor: str) -> bool:
    """True when ``level`` is as severe as ``floor`` or more."""
    return LEVEL_RANK[level] >= LEVEL_RANK[floor]


@dataclass(frozen=True)
class Fix:
    """Replace source characters ``[start, end)`` of the file with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    """One problem in one file, located in the original source."""

    rule: str
    level: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    match: str
    offset: int = 0  # offset into the document's prose text
    length: int = 0
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    context: str = ""  # the source line the finding starts on
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    #: findings of other rules on the same defect, folded into this one (see newslint.filters.fold)
    related: tuple[Finding, ...] = ()

    @property
    def family(self) -> str:
        """The rule family: ``editorial`` for ``editorial.slogan``."""
        return self.rule.split(".", 1)[0]

    def to_json(self) -> dict[str, Any]:
        """The finding as a JSON object (schema ``newslint/schemas/findings.schema.json``)."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "suggestions": list(self.suggestions),
            "fix": None,
        }
        if self.fix:
            out["fix"] = {
                "start": self.fix.start,
                "end": self.fix.end,
                "replacement": self.fix.replacement,
            }
        if self.related:
            out["related"] = [r.to_json() for r in self.related]
        return out

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)
