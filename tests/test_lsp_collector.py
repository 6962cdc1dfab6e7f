"""The language server's garbage collection between lints, and its stage timestamps."""

from __future__ import annotations

import asyncio
import gc
import json
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from newslint.frontends.lsp.collector import IdleCollector
from newslint.frontends.lsp.timing import Timings


@pytest.fixture
def own_collector():  # type: ignore[no-untyped-def]
    """The process's collector as it was, whatever a test does to it."""
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


def test_the_collector_runs_between_lints_not_during_them(own_collector) -> None:  # type: ignore[no-untyped-def]
    worker = ThreadPoolExecutor(max_workers=1)
    collector = IdleCollector(worker)
    worker.submit(collector.start).result()
    assert not gc.isenabled()  # no automatic collection can land inside a lint
    assert gc.get_freeze_count() > 0  # what was loaded is out of the collector's sight

    class Node:
        pass

    async def publish() -> tuple[bool, bool]:
        node = Node()
        node.me = node  # type: ignore[attr-defined]  # a cycle: only the collector frees it
        ref = weakref.ref(node)
        del node
        waiting = ref() is not None
        collector.after_lint(busy=False)
        await asyncio.get_running_loop().run_in_executor(worker, lambda: None)  # its turn came
        return waiting, ref() is None

    waiting, freed = asyncio.run(publish())
    assert waiting and freed  # the cycle waited for the worker's collection after the publish
    worker.shutdown()


def test_a_busy_worker_is_left_to_lint(own_collector) -> None:  # type: ignore[no-untyped-def]
    submitted: list[tuple] = []

    class Recorder(ThreadPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
            submitted.append((fn, args))
            return super().submit(fn, *args, **kwargs)

    worker = Recorder(max_workers=1)
    collector = IdleCollector(worker)
    worker.submit(collector.start).result()
    submitted.clear()

    async def publish(busy: bool) -> None:
        collector.after_lint(busy=busy)

    asyncio.run(publish(True))
    assert submitted == []  # the next lint is waiting: no collection before it
    asyncio.run(publish(False))
    assert submitted == [(gc.collect, (1,))]
    worker.shutdown()


def test_stage_timestamps_are_written_in_order(tmp_path: Path) -> None:
    path = tmp_path / "timings.jsonl"
    timings = Timings(str(path))
    for stage in ("received", "applied", "lint_start", "lint_end", "publish_start"):
        timings.mark("file:///a.txt", 3, stage)
    timings.mark("file:///a.txt", 2, "received")  # an older version, superseded
    timings.mark("file:///a.txt", 3, "publish_sent")
    timings.finish("file:///a.txt", 3)
    gc.callbacks.remove(timings._on_gc)
    (record,) = [json.loads(line) for line in path.read_text().splitlines()]
    stages = ["received", "applied", "lint_start", "lint_end", "publish_start", "publish_sent"]
    assert [record[s] for s in stages] == sorted(record[s] for s in stages)
    assert record["version"] == 3 and record["gc_ms"] >= 0
    assert timings._stamps == {}  # the superseded version is forgotten too


def test_timestamps_cost_nothing_when_off(tmp_path: Path) -> None:
    timings = Timings(None)
    timings.mark("file:///a.txt", 1, "received")
    timings.finish("file:///a.txt", 1)
    assert timings._stamps == {} and timings._on_gc not in gc.callbacks
