"""The audit's task: lint one partition on a Dask worker and return its rows as columns.

Each worker process keeps one linter per run settings (:func:`linter_for`), so spaCy, the rules
and the derived tables load once per process, whichever worker or cluster runs the task. The
embedded cluster forks its workers from the driver after :func:`warm` has loaded everything, so
they start warm and share the loaded data copy-on-write (as ``newslint check`` does).

Findings go through the same path as ``newslint check``: ``Linter.check_document`` on the
document the reader makes, then the filter stage (suppression, level floor, one defect one
finding). Rows come back as plain lists (no Arrow on the workers): the driver writes them.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from dataclasses import dataclass
from typing import Any

from newslint.engine.linter import FileResult, Linter
from newslint.engine.runner import WORKER_GC_THRESHOLD, RunSettings
from newslint.errors import InputError, NewslintError
from newslint.frontends.audit.output import READABILITY_COLUMNS, STAT_COLUMNS
from newslint.frontends.audit.partitions import Partition
from newslint.frontends.audit.sources import Item, meta_value

#: our own copy, linted once before the workers fork so every lazily loaded table is in memory
WARM_TEXT = """Council votes to close the old bridge

The city council voted on Tuesday to close the Elm Street bridge for repairs, a decision that
critics say will snarl traffic for months.

"We cannot wait for it to fail," said Maria Okafor, the council's transport chair. Engineers
found cracks in two of the supports last spring, according to a report seen by this newspaper.

Some residents believe the closure is a disaster. The work is expected to cost $4.2 million and
finish by next Septmber.
"""


@dataclass(frozen=True)
class AuditSettings:
    """What every task needs besides its partition: the run's linter settings, the metadata
    columns to fill, the rule families to count, and the driver's working folder (relative
    paths and config discovery resolve against it on any worker)."""

    run: RunSettings
    meta: tuple[str, ...]
    families: tuple[str, ...]
    cwd: str


class AuditLinter(Linter):
    """The run's linter, keeping the sentence of each finding for the findings table."""

    def describe(self, result: FileResult, analysis: Any) -> None:
        super().describe(result, analysis)
        text = analysis.text
        for finding in result.findings:
            # every sentence the match touches (a quotation's opening mark can end the sentence
            # before it), else the source line
            first = analysis.sentence_at(finding.offset)
            last = analysis.sentence_at(finding.offset + max(finding.length, 1) - 1)
            start = first.start if first else finding.offset
            end = last.end if last else finding.offset + finding.length
            finding.extra["sentence"] = text[start:end] if first or last else finding.context


_LINTERS: dict[RunSettings, AuditLinter] = {}
_LOCK = threading.Lock()  # a worker with several threads lints one document at a time


def linter_for(run: RunSettings) -> AuditLinter:
    """This process's linter for ``run`` (built and warmed on first use)."""
    linter = _LINTERS.get(run)
    if linter is None:
        from newslint.analysis.lazy_spacy import install

        install()
        linter = AuditLinter(
            config_path=run.config_path,
            select=run.select,
            ignore=run.ignore,
            packs=run.packs,
            min_level=run.min_level,
            stats=True,
            profile=run.profile,
        )
        linter.check_source(WARM_TEXT, os.path.join(os.getcwd(), "warm.txt"))
        _LINTERS[run] = linter
        # as the check pool does: what is loaded now is never garbage, and linting frees almost
        # everything by reference counting (collecting every 700 allocations finds next to nothing)
        gc.collect()
        gc.freeze()
        gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    return linter


def warm(settings: AuditSettings) -> None:
    """Load everything a task needs into this process (the driver, before forking workers)."""
    with _LOCK:
        linter_for(settings.run)


def lint_partition(settings: AuditSettings, partition: Partition) -> dict[str, Any]:
    """Lint a partition; its findings and documents as columns, with timing."""
    from newslint.filters import apply_filters

    started, cpu = time.perf_counter(), time.process_time()
    findings: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    with _LOCK:
        try:
            linter = linter_for(settings.run)
            for item in partition.items:
                t0 = time.perf_counter()
                result, meta, fmt = _lint_item(linter, item, settings)
                apply_filters([result], linter.filters)
                ms = (time.perf_counter() - t0) * 1000
                documents.append(_document_row(item, result, meta, fmt, settings, ms))
                findings.extend(_finding_rows(item, result, meta))
        except NewslintError as exc:  # a bad config or rule file: carried back as text
            return {"index": partition.index, "fatal": str(exc)}
    return {
        "index": partition.index,
        "findings": _columns(findings, finding_columns(settings.meta)),
        "documents": _columns(documents, document_columns(settings.meta, settings.families)),
        "errors": sum(1 for d in documents if d["error"]),
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu,
        "worker": f"{os.uname().nodename}:{os.getpid()}",
    }


# -- one document ------------------------------------------------------------------------------
def _lint_item(
    linter: AuditLinter, item: Item, settings: AuditSettings
) -> tuple[FileResult, dict[str, str | None], str | None]:
    """Lint a file as ``Linter.check_file`` does, or an archive row's text; the result, the
    document's metadata and its reader format."""
    from newslint.readers import format_for, load_document, parse

    meta = dict(item.meta)
    real = os.path.join(settings.cwd, item.path)  # an absolute path stays as it is
    if item.error is not None:
        return FileResult(item.path, error=item.error), meta, item.fmt
    if item.text is None:  # an article file
        config = linter.config_for(real)
        fmt = format_for(item.path)
        try:
            document = load_document(real, fmt, config.max_file_size, take=True)
        except InputError as exc:  # named by the path as given, as check names it
            message = str(exc).replace(real, item.path, 1)
            return FileResult(item.path, error=message, fail_on=config.fail_on), meta, fmt
        for name in settings.meta:
            meta[name] = meta_value(document.front_matter.get(name))
    else:
        config = linter.config_for(real)
        fmt = item.fmt or "text"
        limit = config.max_file_size
        if limit and len(item.text.encode("utf-8")) > limit:
            error = (
                f"{item.path}:{item.row}: text too large (> {limit / 1048576:.1f} MB limit;"
                " raise max-file-size in the config)"
            )
            return FileResult(item.path, error=error), meta, fmt
        try:
            document = parse(item.text, f"{real}:{item.row}", fmt)
        except InputError as exc:
            return FileResult(item.path, error=f"{item.path}:{item.row}: {exc}"), meta, fmt
    result = linter.check_document(document, config)
    result.path = item.path
    return result, meta, fmt


def _genre(result: FileResult) -> tuple[str | None, str | None]:
    """(genre, profile) of a result, when this newslint detects genres."""
    found = getattr(result, "genre", None) or (result.stats or {}).get("genre")
    if isinstance(found, dict):
        return found.get("genre"), found.get("profile")
    return (found if isinstance(found, str) else None), None


def _document_row(
    item: Item,
    result: FileResult,
    meta: dict[str, str | None],
    fmt: str | None,
    settings: AuditSettings,
    ms: float,
) -> dict[str, Any]:
    stats = result.stats or {}
    readability = stats.get("readability") or {}
    genre, profile = _genre(result)
    by_family: dict[str, int] = {}
    for f in result.findings:
        by_family[f.family] = by_family.get(f.family, 0) + 1
    quotes = stats.get("quotes")
    row: dict[str, Any] = {
        "doc_id": item.doc_id,
        "path": item.path,
        "row": item.row,
        "format": fmt,
        **{name: meta.get(name) for name in settings.meta},
        "error": result.error,
        "notice": result.notice,
        **{name: stats.get(name) for name in STAT_COLUMNS},
        "attributed_share": (
            round(stats.get("attributed_quotes", 0) / quotes, 4) if quotes else None
        ),
        **{name: readability.get(name) for name in READABILITY_COLUMNS},
        "genre": genre,
        "profile": profile,
        "findings": len(result.findings),
        **{f"findings_{family}": by_family.get(family, 0) for family in settings.families},
        "lint_ms": round(ms, 2),
    }
    return row


def _finding_rows(
    item: Item, result: FileResult, meta: dict[str, str | None]
) -> list[dict[str, Any]]:
    genre, _ = _genre(result)
    return [
        {
            "doc_id": item.doc_id,
            "path": item.path,
            "row": item.row,
            "rule": f.rule,
            "family": f.family,
            "level": f.level,
            "line": f.line,
            "column": f.column,
            "end_line": f.end_line,
            "end_column": f.end_column,
            "match": f.match,
            "message": f.message,
            "sentence": f.extra.get("sentence", f.context),
            "suggestions": list(f.suggestions),
            "related": [r.rule for r in f.related],
            "genre": genre,
            **meta,
        }
        for f in result.findings
    ]


# -- columns -----------------------------------------------------------------------------------
#: the findings table: one row per finding (metadata columns follow)
FINDING_COLUMNS = (
    "doc_id",
    "path",
    "row",
    "rule",
    "family",
    "level",
    "line",
    "column",
    "end_line",
    "end_column",
    "match",
    "message",
    "sentence",
    "suggestions",
    "related",
    "genre",
)


def finding_columns(meta: tuple[str, ...]) -> tuple[str, ...]:
    return (*FINDING_COLUMNS, *(m for m in meta if m not in FINDING_COLUMNS))


def document_columns(meta: tuple[str, ...], families: tuple[str, ...]) -> tuple[str, ...]:
    head = ("doc_id", "path", "row", "format")
    tail = (
        "error",
        "notice",
        *STAT_COLUMNS,
        "attributed_share",
        *READABILITY_COLUMNS,
        "genre",
        "profile",
        "findings",
        *(f"findings_{family}" for family in families),
        "lint_ms",
    )
    return (*head, *(m for m in meta if m not in head + tail), *tail)


def _columns(rows: list[dict[str, Any]], names: tuple[str, ...]) -> dict[str, list[Any]]:
    return {name: [row.get(name) for row in rows] for name in names}
