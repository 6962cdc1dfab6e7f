"""Garbage collection while the editor is idle, not in the middle of a lint.

A lint frees nearly all it allocates by reference counting, but the collector, left to itself,
stops it now and then to walk the heap: spaCy, the rules and the spelling tables make that heap
large, so a full collection costs tens of milliseconds, and lands on whichever edit is being
linted (a latency spike). After the warm-up the loaded data is frozen (``gc.freeze``: never walked
again) and automatic collection is switched off; instead the server collects the young
generations in the worker right after a lint is published when no other lint waits (about a
millisecond, while the user is typing the next word), and everything after ``IDLE_SECONDS``
without an edit, or after ``MAX_LINTS`` lints without such a pause, so cycles never pile up.
What survives a full collection is frozen too (the tables rules load on first use, after the
warm-up: unfrozen, they made each full collection cost ~40 ms); after ``THAW_SECONDS`` without
an edit everything is thawed and collected (~150 ms, when nobody is typing), so cycles among
once-frozen objects are freed as well.
"""

from __future__ import annotations

import asyncio
import gc
from concurrent.futures import Executor

#: seconds without a lint before a full collection
IDLE_SECONDS = 2.0
#: lints between full collections when the editor never pauses that long
MAX_LINTS = 50
#: seconds without a lint before the frozen objects are thawed and collected with the rest
THAW_SECONDS = 30.0


class IdleCollector:
    """Runs the collector in the lint worker between lints (see the module docstring)."""

    def __init__(self, worker: Executor) -> None:
        self.worker = worker
        self.enabled = False
        self._lints = 0
        self._timer: asyncio.TimerHandle | None = None

    def start(self) -> None:
        """Freeze what is loaded so far and take over from automatic collection (in the worker,
        after the warm-up)."""
        gc.collect()
        gc.freeze()
        gc.disable()
        self.enabled = True

    def after_lint(self, busy: bool) -> None:
        """A lint was published (on the event loop); ``busy``: another lint is queued."""
        if not self.enabled:
            return
        self._lints += 1
        if self._timer is not None:
            self._timer.cancel()
        if self._lints >= MAX_LINTS:
            self._lints = 0
            self.worker.submit(full_collection, False)
        elif not busy:
            self.worker.submit(gc.collect, 1)
        self._timer = asyncio.get_running_loop().call_later(IDLE_SECONDS, self._idle)

    def _idle(self) -> None:
        self._lints = 0
        self.worker.submit(full_collection, False)
        self._timer = asyncio.get_running_loop().call_later(
            THAW_SECONDS - IDLE_SECONDS, self._long_idle
        )

    def _long_idle(self) -> None:
        self._timer = None
        self.worker.submit(full_collection, True)


def full_collection(thaw: bool) -> None:
    """Collect every generation and freeze what survives (after thawing all, when ``thaw``)."""
    if thaw:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
