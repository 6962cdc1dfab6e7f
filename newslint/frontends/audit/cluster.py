"""Dask for the audit: an embedded cluster or a scheduler by address, and the submit loop.

**Embedded** (the default): a ``LocalCluster`` of one single-threaded worker process per core on
the loopback interface, nothing to start or configure. Its workers are *forked* from the driver
after the driver has loaded spaCy and the rules (:func:`~.worker.warm`), the way ``newslint
check`` forks its pool: no worker imports or loads anything again, and they share the loaded
tables copy-on-write. A worker that dies is restarted by its nanny the same way, warm.

**A cluster** (``--scheduler tcp://HOST:PORT`` or ``DASK_SCHEDULER_ADDRESS``): the same tasks go
to workers started elsewhere (``dask worker ADDRESS``); each loads newslint on its first task
and keeps it (:func:`~.worker.linter_for`).

The driver keeps a bounded number of partitions in flight and writes each one as it comes back,
so memory stays flat whatever the archive's size. A task lost with its worker is run again by the
scheduler; the driver writes each partition once, when its result arrives.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newslint.errors import NewslintError, UsageError
from newslint.frontends.audit.partitions import Partition
from newslint.frontends.audit.worker import AuditSettings, lint_partition, warm

#: partitions in flight per worker thread (one running, one or two queued behind it)
IN_FLIGHT_PER_THREAD = 2
#: how long to wait for a scheduler to answer, and for its first worker to join
CONNECT_TIMEOUT = 30
WORKERS_TIMEOUT = 120


def scheduler_address(option: str | None) -> str | None:
    """The scheduler to use: ``--scheduler``, else ``DASK_SCHEDULER_ADDRESS``, else None."""
    return option or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


@contextlib.contextmanager
def dask_client(
    settings: AuditSettings, address: str | None, workers: int
) -> Iterator[tuple[Any, str]]:
    """A connected ``distributed.Client`` and a description of where it runs."""
    import dask
    from distributed import Client

    # a task's failure comes back through its future; dask's own log lines (a worker's
    # heartbeat that finds the cluster closing, a restart after a kill) are not the user's
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    if address:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the dask scheduler at {address}: {exc}") from None
        try:
            if not client.scheduler_info().get("workers"):
                try:
                    client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
                except TimeoutError:
                    raise UsageError(
                        f"no dask worker joined the scheduler at {address} within "
                        f"{WORKERS_TIMEOUT} s (start some with: dask worker {address})"
                    ) from None
            yield client, f"the dask scheduler at {address}"
        finally:
            client.close()
        return
    import gc

    from distributed import LocalCluster

    warm(settings)  # before the workers fork, so they start with everything loaded
    gc.freeze()  # and dask's own objects too: out of every worker's garbage collection
    with dask.config.set(
        {
            "distributed.worker.multiprocessing-method": "fork",
            "distributed.worker.daemon": True,
            # Dask's periodic work, sized for its dashboard and for long-lived clusters, costs
            # an idle 2-worker cluster ~10% of a core (measured: 0.50 s of driver CPU and
            # 0.25 s per worker every 10 s; with these, 0.07 and 0.06): the event-loop health
            # check every 20 ms, the statistical profiler sampling every thread 100 times a
            # second, memory checks every 100 ms, the scheduler-info refresh, the active memory
            # manager (results go to the driver at once: nothing to manage)
            "distributed.admin.tick.interval": "1s",
            "distributed.worker.profile.enabled": False,
            "distributed.admin.system-monitor.interval": "2s",
            "distributed.admin.system-monitor.gil.enabled": False,
            "distributed.worker.memory.monitor-interval": "1s",
            "distributed.client.scheduler-info-interval": "10s",
            "distributed.scheduler.active-memory-manager.start": False,
            "distributed.deploy.cluster-repr-interval": "10s",
        }
    ):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )
        try:
            client = Client(cluster, set_as_default=False)
            try:
                yield client, f"{workers} local worker process{'es' if workers != 1 else ''}"
            finally:
                client.close()
        finally:
            cluster.close()


def run_partitions(
    client: Any,
    settings: AuditSettings,
    partitions: Iterable[Partition],
    on_result: Callable[[dict[str, Any]], None],
) -> int:
    """Lint every partition on the cluster, at most a few per worker thread in flight, and
    hand each result to ``on_result`` as it arrives (in completion order). Returns how many."""
    from distributed import as_completed

    threads = max(1, sum(client.nthreads().values()))
    window = IN_FLIGHT_PER_THREAD * threads + 1
    source = iter(partitions)
    pending = as_completed(loop=client.loop)
    submitted = 0
    run = uuid.uuid4().hex[:8]  # task keys unique on a scheduler that other runs share

    def submit_next() -> bool:
        nonlocal submitted
        partition = next(source, None)
        if partition is None:
            return False
        future = client.submit(
            lint_partition, settings, partition, key=f"newslint-audit-{run}-{partition.index}"
        )
        pending.add(future)
        submitted += 1
        return True

    for _ in range(window):
        if not submit_next():
            break
    done = 0
    for future in pending:
        try:
            output = future.result()
        except NewslintError:
            raise
        except Exception as exc:
            raise NewslintError(_task_failure(exc)) from None
        future.release()
        if "fatal" in output:  # a config or rule error met on the worker: the run cannot go on
            raise NewslintError(output["fatal"])
        on_result(output)
        done += 1
        submit_next()
    return done


def _task_failure(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "KilledWorker":
        return (
            f"a partition's workers died repeatedly ({exc}); finished partitions are kept: "
            "re-run the same command to resume (a smaller --partition-size may help)"
        )
    return f"a task failed on a worker: {exc!r}"
