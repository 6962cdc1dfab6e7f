"""The filter stage: what every front end does to the rules' findings, in one place and order.

The linter returns every finding its rules made (with the file's inline suppressions and level
floor attached); the command line, the Python API, the language server and the archive audit all
pass those results through :func:`apply_filters`:

1. **suppression**: inline ``newslint-disable`` comments of the file;
2. **level floor**: findings below ``min-level`` (the config's, or the caller's override);
3. **one defect, one finding**: findings inside a boilerplate block fold into it;
4. **baseline**: findings recorded in a baseline file are hidden;
5. **changed lines**: only findings that touch a changed line are kept.

Safe fixes come after filtering (a hidden finding is never fixed): :mod:`newslint.filters.fixes`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.filters.changed_lines import touches
from newslint.filters.fold import fold_into_blocks
from newslint.filters.suppress import apply_suppressions
from newslint.findings import LEVEL_RANK

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult
    from newslint.filters.baseline import Baseline


@dataclass(frozen=True)
class FilterSettings:
    """What the run asks of the filter stage beyond each file's own config."""

    #: hide findings below this level (overrides the floor each result carries from its config)
    min_level: str | None = None
    #: accepted findings to hide
    baseline: Baseline | None = None
    #: real path -> changed line numbers (``None``: the whole file); files not listed keep all
    changed_lines: Mapping[str, set[int] | None] | None = None
    #: fold findings inside a boilerplate block into it
    fold: bool = True


@dataclass
class FilterCounts:
    """How many findings each step removed (folded ones live on as ``related``)."""

    suppressed: int = 0
    below_floor: int = 0
    folded: int = 0
    baseline: int = 0
    unchanged_lines: int = 0


def apply_filters(
    results: Iterable[FileResult], settings: FilterSettings, counts: FilterCounts | None = None
) -> FilterCounts:
    """Filter each result's findings in place, in the stage's order; return the counts (added
    to ``counts`` when given)."""
    counts = counts if counts is not None else FilterCounts()
    for result in results:
        _filter_one(result, settings, counts)
    return counts


def _filter_one(result: FileResult, settings: FilterSettings, counts: FilterCounts) -> None:
    findings = result.findings
    if not findings:
        return
    n = len(findings)
    findings = apply_suppressions(findings, result.suppressions)
    counts.suppressed += n - len(findings)
    n = len(findings)
    floor = LEVEL_RANK[settings.min_level or result.min_level]
    findings = [f for f in findings if LEVEL_RANK[f.level] >= floor]
    counts.below_floor += n - len(findings)
    n = len(findings)
    if settings.fold:
        findings = fold_into_blocks(findings)
        counts.folded += n - len(findings)
    n = len(findings)
    result.findings = findings
    if settings.baseline is not None and result.path != "-":
        known = settings.baseline.known(result)
        result.findings = [f for f, k in zip(result.findings, known, strict=True) if not k]
        counts.baseline += n - len(result.findings)
    n = len(result.findings)
    if settings.changed_lines is not None and result.path != "-":
        lines = settings.changed_lines.get(os.path.realpath(result.path))
        result.findings = [f for f in result.findings if touches(lines, f.line, f.end_line)]
        counts.unchanged_lines += n - len(result.findings)
    if result.stats is not None:
        result.stats.update(family_figures(result))


def family_figures(result: FileResult) -> dict[str, dict[str, float]]:
    """Findings per family, and per 1,000 narration words, of a filtered result."""
    by_family: dict[str, int] = {}
    for f in result.findings:
        by_family[f.family] = by_family.get(f.family, 0) + 1
    words = max((result.stats or {}).get("narration_words", 0), 1)
    return {
        "findings": by_family,
        "per_1000_narration_words": {k: round(v * 1000 / words, 2) for k, v in by_family.items()},
    }
