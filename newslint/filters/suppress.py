"""Inline suppression comments, read from the original source.

```
<!-- newslint-disable bias.loaded, editorial.* -->   off from here (all rules when none named)
<!-- newslint-enable bias.loaded -->                 back on (a bare enable ends every range)
<!-- newslint-disable-next-line quotes.orphan -->    off for the next non-blank line
<!-- newslint-disable-line spelling.typo -->         off for this line
```
The same comments work in Markdown, HTML and plain-text files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.engine.rules import matches_any
from newslint.findings import Finding

DIRECTIVE = re.compile(
    r"<!--\s*newslint-(disable-next-line|disable-line|disable|enable)\b(.*?)-->", re.DOTALL
)


@dataclass(frozen=True)
class Suppression:
    """Rules matching ``patterns`` (all rules when empty) are off on lines ``first..last``."""

    first: int
    last: int
    patterns: tuple[str, ...]

    def covers(self, finding: Finding) -> bool:
        if not self.first <= finding.line <= self.last:
            return False
        return not self.patterns or matches_any(finding.rule, self.patterns)


def _ids(raw: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[\s,]+", raw.strip()) if p and p != "--")


def parse_suppressions(source: str) -> list[Suppression]:
    """Every suppression directive of a source file, as line ranges."""
    if "newslint-" not in source:
        return []
    lines = source.split("\n")
    out: list[Suppression] = []
    open_ranges: list[tuple[int, tuple[str, ...]]] = []
    for m in DIRECTIVE.finditer(source):
        line = source.count("\n", 0, m.start()) + 1
        end_line = source.count("\n", 0, m.end()) + 1
        action, ids = m.group(1), _ids(m.group(2))
        if action == "disable-line":
            out.append(Suppression(line, end_line, ids))
        elif action == "disable-next-line":
            target = end_line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            out.append(Suppression(target, target, ids))
        elif action == "disable":
            open_ranges.append((line, ids))
        else:  # enable: names re-enable rules disabled by name; no names ends every range
            still_open = []
            for start, patterns in open_ranges:
                closing = patterns if not ids else tuple(p for p in patterns if p in ids)
                remaining = () if not ids else tuple(p for p in patterns if p not in ids)
                if not ids or closing:
                    out.append(Suppression(start, line, closing))
                if remaining:
                    still_open.append((start, remaining))
                elif ids and not patterns:  # a bare disable stays until a bare enable
                    still_open.append((start, patterns))
            open_ranges = still_open
    for start, patterns in open_ranges:
        out.append(Suppression(start, len(lines) + 1, patterns))
    return out


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Drop the findings covered by a suppression."""
    if not suppressions:
        return findings
    return [f for f in findings if not any(s.covers(f) for s in suppressions)]
