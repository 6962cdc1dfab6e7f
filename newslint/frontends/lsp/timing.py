"""Where the time after an edit goes: server-side timestamps of each version's way to the editor.

Off unless ``NEWSLINT_LSP_TIMING`` names a file: then one JSON line per published version is
appended to it, with ``time.perf_counter()`` stamps (the monotonic clock, which a client on the
same machine shares, so its send and receive times line up with these) for the stages
``received`` (the didChange handler runs), ``applied`` (the text is edited), ``lint_start``,
``lint_end``, ``publish_start`` and ``publish_sent``, plus the garbage collector's pauses while
the version was on its way (``gc_ms``, ``gc_runs``). ``benchmarks/lsp_latency.py --timing`` reads
them back.
"""

from __future__ import annotations

import gc
import json
import os
import threading
import time
from typing import Any

ENVIRONMENT = "NEWSLINT_LSP_TIMING"


class Timings:
    """Stage timestamps per (uri, version); a no-op when no file is given."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        self._stamps: dict[tuple[str, int], dict[str, float]] = {}
        self._lock = threading.Lock()
        self._gc_started = 0.0
        self._gc_total = 0.0
        self._gc_runs = 0
        if path:
            gc.callbacks.append(self._on_gc)

    @classmethod
    def from_environment(cls) -> Timings:
        return cls(os.environ.get(ENVIRONMENT) or None)

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self._gc_total += time.perf_counter() - self._gc_started
            self._gc_runs += 1

    def mark(self, uri: str, version: int, stage: str) -> None:
        if not self.path:
            return
        with self._lock:
            stamps = self._stamps.setdefault((uri, version), {})
            if not stamps:
                stamps["_gc_total"] = self._gc_total
                stamps["_gc_runs"] = self._gc_runs
            stamps.setdefault(stage, time.perf_counter())

    def finish(self, uri: str, version: int) -> None:
        """Write the version's stamps (and forget those of older versions of the document)."""
        if not self.path:
            return
        with self._lock:
            stamps = self._stamps.pop((uri, version), None)
            for key in [k for k in self._stamps if k[0] == uri and k[1] < version]:
                del self._stamps[key]
        if not stamps:
            return
        record = {k: v for k, v in stamps.items() if not k.startswith("_")}
        record["gc_ms"] = (self._gc_total - stamps["_gc_total"]) * 1000
        record["gc_runs"] = self._gc_runs - stamps["_gc_runs"]
        record.update(uri=uri, version=version)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
