"""Baselines: accept the findings an archive already has and report only new ones.

``newslint check --baseline .newslint-baseline.json`` records the current findings when the file
does not exist yet, and from then on hides every finding recorded in it. ``--update-baseline``
re-records it (after fixing old findings, or to accept new ones).

A finding is recorded by a fingerprint of its rule, its matched text, the sentence it sits in
(normalized: case and spacing do not matter) and its occurrence index among identical findings of
the file. Line and column numbers are left out, so edits elsewhere in the article (a paragraph
added above, a retitled headline) do not turn old findings into new ones; editing the flagged
sentence itself does. Paths are stored relative to the baseline file, so it can be committed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.errors import UsageError
from newslint.storage.atomic import replace_file

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult
    from newslint.findings import Finding

BASELINE_FORMAT = 1
COMMENT = "Findings accepted when this file was written; newslint reports only others."
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def sentence_context(f: Finding) -> str:
    """The sentence of the source line that holds the finding's start (normalized)."""
    line = f.context
    start = max(f.column - 1, 0)
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    left = 0
    for m in _SENTENCE_END.finditer(line, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(line, max(end, start))
    right = m.start() if m else len(line)
    return _norm(line[left:right])


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """Stable fingerprints of one file's findings (in the given order)."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        base = "\0".join((f.rule, _norm(f.match), sentence_context(f)))
        digest = hashlib.sha256(base.encode("utf-8")).hexdigest()[:20]
        index = seen.get(digest, 0)
        seen[digest] = index + 1
        out.append(f"{digest}:{index}")
    return out


def _key_path(path: str, base_dir: str) -> str:
    return os.path.relpath(os.path.abspath(path), base_dir).replace(os.sep, "/")


@dataclass
class Baseline:
    """The accepted findings: relative path -> fingerprints."""

    path: str
    entries: dict[str, set[str]]
    _gone: set[str] | None = field(default=None, repr=False, compare=False)

    @property
    def base_dir(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def known(self, result: FileResult) -> list[bool]:
        """For each finding of a result: True when the baseline accepts it.

        A file the baseline does not list may have been renamed or moved: it is then checked
        against the entries of listed files that no longer exist (fingerprints hold the rule,
        the match and its sentence, so another article's findings do not match by chance)."""
        accepted = self.entries.get(_key_path(result.path, self.base_dir))
        if accepted is None:
            accepted = self._moved()
        return [fp in accepted for fp in fingerprints(result.findings)]

    def _moved(self) -> set[str]:
        """Fingerprints of listed files that are gone from disk (computed once)."""
        if self._gone is None:
            self._gone = {
                fp
                for rel, fps in self.entries.items()
                if not os.path.exists(os.path.join(self.base_dir, rel))
                for fp in fps
            }
        return self._gone

    def filter(self, results: list[FileResult]) -> int:
        """Drop accepted findings from ``results`` in place; return how many were dropped."""
        hidden = 0
        for result in results:
            if not result.findings or result.path == "-":
                continue
            flags = self.known(result)
            kept = [f for f, known in zip(result.findings, flags, strict=True) if not known]
            hidden += len(result.findings) - len(kept)
            result.findings = kept
        return hidden

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())


def load_baseline(path: str) -> Baseline:
    """Read a baseline file; a malformed one is a usage error."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read baseline ({exc.strerror})") from None
    except ValueError as exc:
        raise UsageError(f"{path}: not a newslint baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("newslint_baseline") != BASELINE_FORMAT:
        raise UsageError(f"{path}: not a newslint baseline (format {BASELINE_FORMAT} expected)")
    entries: dict[str, set[str]] = {}
    for rel, items in (data.get("files") or {}).items():
        entries[rel] = {item["fingerprint"] for item in items if "fingerprint" in item}
    return Baseline(path, entries)


def baseline_data(results: list[FileResult], path: str) -> dict[str, Any]:
    """The JSON of a baseline recording every finding of ``results``."""
    base_dir = os.path.dirname(os.path.abspath(path))
    files: dict[str, list[dict[str, str]]] = {}
    for result in results:
        if result.path == "-" or not result.findings:
            continue
        rel = _key_path(result.path, base_dir)
        files[rel] = [
            {"rule": f.rule, "match": f.match[:80], "fingerprint": fp}
            for f, fp in zip(result.findings, fingerprints(result.findings), strict=True)
        ]
    return {
        "newslint_baseline": BASELINE_FORMAT,
        "comment": COMMENT,
        "files": dict(sorted(files.items())),
    }


def write_baseline(results: list[FileResult], path: str) -> int:
    """Record every finding of ``results`` in ``path``; return how many the file now holds.

    Entries of files that were not linted in this run are kept, so re-recording a subset of an
    archive does not forget the rest.
    """
    data = baseline_data(results, path)
    linted = {_key_path(r.path, os.path.dirname(os.path.abspath(path))) for r in results}
    try:
        with open(path, encoding="utf-8") as handle:
            old = json.load(handle).get("files") or {}
        kept = {rel: items for rel, items in old.items() if rel not in linted}
        data["files"] = dict(sorted({**kept, **data["files"]}.items()))
    except (OSError, ValueError, AttributeError):
        pass
    _save(path, data)
    return sum(len(v) for v in data["files"].values())


def accept_fingerprints(path: str, file_path: str, items: Iterable[tuple[str, str, str]]) -> int:
    """Add findings of ``file_path`` (``(rule, match, fingerprint)``) to the baseline ``path``,
    creating it when missing; return how many were new. Other entries stay as they were."""
    data: dict[str, Any] = {"newslint_baseline": BASELINE_FORMAT, "comment": COMMENT, "files": {}}
    if os.path.exists(path):
        load_baseline(path)  # a malformed file is reported, never overwritten
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    files = data.setdefault("files", {})
    rel = _key_path(file_path, os.path.dirname(os.path.abspath(path)))
    entries = files.setdefault(rel, [])
    known = {e.get("fingerprint") for e in entries}
    added = 0
    for rule, match, fingerprint in items:
        if fingerprint not in known:
            entries.append({"rule": rule, "match": match[:80], "fingerprint": fingerprint})
            known.add(fingerprint)
            added += 1
    data["files"] = dict(sorted(files.items()))
    _save(path, data)
    return added


def _save(path: str, data: dict[str, Any]) -> None:
    """Write the baseline JSON (one finding per line group, readable in a diff)."""
    text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    try:
        replace_file(path, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write baseline ({exc.strerror})") from None
