"""Linting many files: the result cache, all cores, and a progress bar on a terminal.

:func:`lint_files` looks every file up in the :class:`~newslint.storage.result_cache.ResultCache`, lints
the misses (in a process pool when there are enough of them), stores the new results and returns
one :class:`~newslint.engine.linter.FileResult` per file, in input order.

The parent lints the first miss itself, which loads spaCy, the rules and every lazily loaded table;
worker processes are then forked from that warm parent (on Linux), so they start without importing
or loading anything again and share the loaded data copy-on-write.

The workers are handed whole folders (:func:`batches`), largest first: what a process learns from
one file of a collection (the genre mix of the files beside it, their parsed documents, the
repo's vocabulary) then serves the rest of that collection in the same process instead of being
learnt again in each worker. The last files go out in small chunks, so that no worker is left
with a long batch while the others wait.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult, Linter
    from newslint.filters import FilterCounts
    from newslint.storage.result_cache import ResultCache

#: below this many files to lint, a pool costs more than it saves
POOL_THRESHOLD = 8
#: a folder with fewer files than this joins its parent folder's batch (up to FOLDER_LEVELS up)
MIN_FOLDER = 5
FOLDER_LEVELS = 3
#: small chunks at the end: a worker left with the last one keeps the others waiting
TAIL_CHUNK = 4
WORKER_GC_THRESHOLD = 10_000  # allocations between collections of the youngest generation


@dataclass(frozen=True)
class RunSettings:
    """Everything needed to rebuild the run's :class:`Linter` in another process."""

    config_path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    min_level: str | None = None
    stats: bool = False
    profile: str | None = None  # --profile (None: chosen per file)

    def linter(self) -> Linter:
        from newslint.engine.linter import Linter

        return Linter(
            config_path=self.config_path,
            select=self.select,
            ignore=self.ignore,
            packs=self.packs,
            min_level=self.min_level,
            stats=self.stats,
            profile=self.profile,
        )

    def cache_options(self) -> list[Any]:
        """The settings that shape findings, for the cache key."""
        return [
            ("select", list(self.select)),
            ("ignore", list(self.ignore)),
            ("packs", list(self.packs)),
            ("stats", self.stats),
            ("profile", self.profile),
        ]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# -- progress --------------------------------------------------------------------------------
@dataclass
class Progress:
    """A one-line progress bar on a terminal; silent elsewhere and during the first ``delay``s."""

    total: int  # 0: not known yet (a count without a bar is shown)
    stream: IO[str] | None = None
    delay: float = 0.5
    done: int = 0
    unit: str = "files"
    _start: float = field(default_factory=time.monotonic)
    _drawn: float = 0.0
    _shown: bool = False

    @classmethod
    def for_stream(
        cls, total: int, stream: IO[str], enabled: bool = True, unit: str = "files"
    ) -> Progress:
        on = enabled and total != 1 and hasattr(stream, "isatty") and stream.isatty()
        return cls(total, stream if on else None, unit=unit)

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self._start < self.delay or (now - self._drawn < 0.1 and self.done < self.total):
            return
        self._drawn = now
        elapsed = int(now - self._start)
        clock = f"{elapsed // 60}:{elapsed % 60:02d}"
        if self.total:
            width = 30
            filled = int(width * self.done / self.total)
            bar = "#" * filled + "-" * (width - filled)
            line = f"newslint [{bar}] {self.done}/{self.total} {self.unit} {clock}"
        else:
            line = f"newslint {self.done} {self.unit} {clock}"
        self.stream.write("\r" + line)
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self.stream is not None and self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


# -- workers ---------------------------------------------------------------------------------
_WORKER_LINTER: Linter | None = None


class _Failure:
    """A NewslintError raised in a worker, carried back as text (they do not all pickle)."""

    def __init__(self, message: str) -> None:
        self.message = message


def _init_worker(settings: RunSettings) -> None:
    global _WORKER_LINTER
    if _WORKER_LINTER is None:  # spawned, not forked from the warm parent
        from newslint.analysis.lazy_spacy import install

        install()
        _WORKER_LINTER = settings.linter()


def _lint_in_worker(path: str) -> FileResult | _Failure:
    from newslint.errors import NewslintError

    assert _WORKER_LINTER is not None
    try:
        return _WORKER_LINTER.check_file(path)
    except NewslintError as exc:
        return _Failure(str(exc))


def _lint_batch_in_worker(paths: list[str]) -> list[FileResult | _Failure]:
    return [_lint_in_worker(path) for path in paths]


def _folder_key(path: str, under: dict[str, int]) -> str:
    """The folder whose batch ``path`` joins: its own, or the nearest folder above (at most
    FOLDER_LEVELS up) that holds MIN_FOLDER files of the run (a post per folder: the blog)."""
    folder = os.path.dirname(path)
    for _ in range(FOLDER_LEVELS):
        parent = os.path.dirname(folder)
        if under.get(folder, 0) >= MIN_FOLDER or parent == folder:
            break
        folder = parent
    return folder


def batches(paths: Sequence[str], workers: int, sizes: Sequence[int]) -> list[list[int]]:
    """Indices of ``paths`` in batches for the pool: one per folder (split when a folder holds
    more than a quarter of one worker's share), costliest first by ``sizes`` (bytes); the
    cheapest eighth of the run in chunks of TAIL_CHUNK files, so the workers finish together."""
    under: dict[str, int] = {}
    for path in paths:
        folder = os.path.dirname(path)
        for _ in range(FOLDER_LEVELS + 1):
            under[folder] = under.get(folder, 0) + 1
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    folders: dict[str, list[int]] = {}
    for i, path in enumerate(paths):
        folders.setdefault(_folder_key(path, under), []).append(i)
    most = max(TAIL_CHUNK, len(paths) // (workers * 4))
    pieces = [ids[k : k + most] for ids in folders.values() for k in range(0, len(ids), most)]
    costed = sorted(((sum(sizes[i] for i in ids), ids) for ids in pieces), key=lambda p: -p[0])
    budget = sum(sizes) / 8
    cut = len(costed)
    while cut and costed[cut - 1][0] <= budget:
        cut -= 1
        budget -= costed[cut][0]
    tail = [i for _, ids in costed[cut:] for i in ids]
    return [ids for _, ids in costed[:cut]] + [
        tail[k : k + TAIL_CHUNK] for k in range(0, len(tail), TAIL_CHUNK)
    ]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _pool_context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _lint_many(
    linter: Linter, settings: RunSettings, paths: Sequence[str], jobs: int, progress: Progress
) -> list[FileResult]:
    """Lint ``paths`` (first one here, the rest in ``jobs`` workers)."""
    global _WORKER_LINTER
    from newslint.errors import NewslintError

    results = [linter.check_file(paths[0])]
    progress.advance()
    rest = list(paths[1:])
    if not rest:
        return results
    import gc

    _WORKER_LINTER = linter  # inherited by forked workers
    gc.freeze()  # keep the loaded tables out of the workers' garbage collection (less copying)
    threshold = gc.get_threshold()
    # Linting frees almost everything it allocates by reference counting: collecting the youngest
    # generation every 700 allocations costs ~0.3 ms per article and finds next to nothing.
    gc.set_threshold(WORKER_GC_THRESHOLD, *threshold[1:])
    workers = min(jobs, len(rest))
    plan = batches(rest, workers, [_size(p) for p in rest])
    done: list[Any] = [None] * len(rest)
    try:
        with _pool_context().Pool(workers, _init_worker, (settings,)) as pool:
            tasks = [[rest[i] for i in batch] for batch in plan]
            for batch, items in zip(plan, pool.imap(_lint_batch_in_worker, tasks), strict=True):
                for i, item in zip(batch, items, strict=True):
                    if isinstance(item, _Failure):
                        raise NewslintError(item.message)
                    done[i] = item
                progress.advance(len(batch))
    finally:
        _WORKER_LINTER = None
        gc.set_threshold(*threshold)
        gc.unfreeze()
    results.extend(done)  # every index is in one batch
    return results


# -- the run ---------------------------------------------------------------------------------
def lint_files(
    paths: Sequence[str],
    settings: RunSettings,
    *,
    linter: Linter | None = None,
    cache: ResultCache | None = None,
    jobs: int | None = None,
    progress_stream: IO[str] | None = None,
    counts: FilterCounts | None = None,
) -> list[FileResult]:
    """Lint files (not ``-``), using the cache and a process pool; results in input order,
    through the linter's filter stage."""
    from newslint.filters import apply_filters
    from newslint.storage.result_cache import content_hash, settings_key

    linter = linter or settings.linter()
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    progress = Progress.for_stream(
        len(paths), progress_stream or sys.stderr, progress_stream is not None
    )
    results: dict[int, FileResult] = {}
    todo: list[tuple[int, str, str | None, str | None]] = []  # index, path, settings key, digest
    keys: dict[int, tuple[Any, str]] = {}
    for i, path in enumerate(paths):
        if cache is None:
            todo.append((i, path, None, None))
            continue
        config = linter.config_for(path)
        cached = keys.get(id(config))
        if cached is None:
            key = settings_key(config, settings.cache_options(), cache.base_key())
            keys[id(config)] = cached = (config, key)
        key = cached[1]
        digest = content_hash(path)
        hit = cache.get(key, path, digest, config.fail_on) if digest else None
        if hit is not None:
            results[i] = hit
            progress.advance()
        else:
            todo.append((i, path, key, digest))
    if todo:
        todo_paths = [t[1] for t in todo]
        if jobs > 1 and len(todo) >= POOL_THRESHOLD:
            fresh = _lint_many(linter, settings, todo_paths, jobs, progress)
        else:
            fresh = []
            for path in todo_paths:
                fresh.append(linter.check_file(path))
                progress.advance()
        for (i, path, key, digest), result in zip(todo, fresh, strict=True):
            results[i] = result
            if cache is not None and key and digest:
                cache.put(key, path, digest, result)
    progress.close()
    if cache is not None:
        cache.save()
    ordered = [results[i] for i in range(len(paths))]
    apply_filters(ordered, linter.filters, counts)  # the cache holds every finding; filter here
    return ordered
