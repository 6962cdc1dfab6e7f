"""Linting an editor's text: the same readers, config, rules and filter stage as the CLI.

A lint runs in one worker thread, never on the event loop, so the editor's requests are answered
while an article is being linted. Each lint is of a snapshot (uri, version, text); the worker asks
before every rule whether a newer version has arrived and gives up if so, and a result for a stale
version is never published.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.engine.incremental import BlockHits
    from newslint.engine.linter import FileResult, Linter
    from newslint.filters.baseline import Baseline
    from newslint.findings import Finding
    from newslint.readers.document import Document

log = logging.getLogger("newslint.lsp")

#: the CLI's test for binary input: a NUL in the first 8 KB
BINARY_PROBE = 8192


@dataclass(frozen=True)
class Snapshot:
    """The text of one document at one version, as handed to the worker."""

    uri: str
    version: int
    text: str
    path: str
    fmt: str
    #: the project generation (configs, vocabularies) it was linted under
    generation: int = 0


@dataclass
class Outcome:
    """What a lint of one snapshot found."""

    snapshot: Snapshot
    #: findings after the whole filter stage (what the editor shows)
    findings: list[Finding] = field(default_factory=list)
    #: fingerprint of each shown finding, computed as the baseline computes it
    fingerprints: dict[int, str] = field(default_factory=dict)
    #: the parsed document (source with normalised line ends, blocks, front matter)
    document: Document | None = None
    result: FileResult | None = None
    config: Config | None = None
    #: a problem that stopped the lint or one rule (shown as one diagnostic and logged)
    problem: str | None = None
    #: a config or rule-file error behind ``problem``: (path, line, message)
    config_problem: tuple[str, int | None, str] | None = None
    notice: str | None = None

    def fingerprint(self, finding: Finding) -> str | None:
        return self.fingerprints.get(id(finding))


class BaselineCache:
    """Baseline files, read again only when they change on disk."""

    def __init__(self) -> None:
        self._loaded: dict[str, tuple[float, int, Baseline]] = {}

    def get(self, path: str | None) -> Baseline | None:
        if not path or not os.path.isfile(path):
            return None
        from newslint.filters.baseline import load_baseline

        stat = os.stat(path)
        cached = self._loaded.get(path)
        if cached and cached[:2] == (stat.st_mtime, stat.st_size):
            return cached[2]
        baseline = load_baseline(path)
        self._loaded[path] = (stat.st_mtime, stat.st_size, baseline)
        return baseline

    def clear(self) -> None:
        self._loaded.clear()


def lint_snapshot(
    linter: Linter,
    snapshot: Snapshot,
    baselines: BaselineCache,
    cancelled: Callable[[], bool] = lambda: False,
    blocks: BlockHits | None = None,
) -> Outcome:
    """Lint one snapshot through the readers, rules and filter stage, as ``newslint check``
    would lint the file. Problems become ``Outcome.problem``; only cancellation raises.

    ``blocks`` keeps the document's block-local hits from its last lint: only the blocks an edit
    changed are linted again (:mod:`newslint.engine.incremental`), with the same result."""
    from newslint.engine.linter import LintCancelled
    from newslint.errors import InputError, LocatedError, NewslintError
    from newslint.filters import FilterSettings, apply_filters
    from newslint.filters.baseline import fingerprints
    from newslint.readers import parse

    outcome = Outcome(snapshot)
    text = snapshot.text
    try:
        config = linter.config_for(snapshot.path)
        outcome.config = config
        size = len(text.encode("utf-8", "surrogatepass"))
        if config.max_file_size and size > config.max_file_size:
            outcome.notice = (
                f"not linted: too large ({size / 1048576:.1f} MB > "
                f"{config.max_file_size / 1048576:.1f} MB; raise max-file-size in the config)"
            )
            return outcome
        if "\x00" in text[:BINARY_PROBE]:
            outcome.notice = "not linted: binary content (NUL characters), not an article"
            return outcome
        # a stray NUL further on is read as a space: same length, so positions hold
        document = parse(text.replace("\x00", " "), snapshot.path, snapshot.fmt)
        outcome.document = document
        run_rule = None
        if blocks is not None:
            blocks.model = config.spacy_model
            run_rule = blocks.run_rule
        try:
            result = linter.check_document(document, config, cancelled=cancelled, run_rule=run_rule)
        finally:
            if blocks is not None:
                blocks.end_lint()
    except LintCancelled:
        raise
    except LocatedError as exc:
        outcome.problem = f"newslint: {exc}"
        outcome.config_problem = (exc.path, exc.line, str(exc))
        return outcome
    except (InputError, NewslintError) as exc:
        outcome.problem = f"newslint: {exc}"
        return outcome
    outcome.result = result
    if result.error:  # a rule raised: the other rules' findings are still shown
        outcome.problem = result.error
    if result.notice:
        outcome.notice = result.notice
    # the filter stage in two calls: everything but the baseline, then the baseline, so the
    # fingerprints (an occurrence index among identical findings) match what a baseline records
    apply_filters([result], FilterSettings(min_level=linter.min_level))
    before_baseline = list(result.findings)
    prints = fingerprints(before_baseline)
    try:
        baseline = baselines.get(config.baseline)
    except NewslintError as exc:
        outcome.problem = f"newslint: {exc}"
        baseline = None
    if baseline is not None and snapshot.path:
        apply_filters([result], FilterSettings(baseline=baseline, fold=False))
    outcome.findings = list(result.findings)
    by_identity = {id(f): fp for f, fp in zip(before_baseline, prints, strict=True)}
    outcome.fingerprints = {id(f): by_identity[id(f)] for f in outcome.findings}
    return outcome


def describe(outcome: Outcome) -> dict[str, Any]:
    """A short summary for the log."""
    return {
        "uri": outcome.snapshot.uri,
        "version": outcome.snapshot.version,
        "findings": len(outcome.findings),
        "problem": outcome.problem,
    }
