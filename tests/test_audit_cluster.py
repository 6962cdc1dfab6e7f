"""``newslint audit`` on a real Dask cluster started from the command line (``dask scheduler``
and two ``dask worker`` processes on the loopback interface), and with processes killed mid-run:
a worker (its tasks are run again elsewhere) and the audit itself (a re-run resumes). Every run
must give exactly the findings of the embedded run: none lost, none twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from audit_corpus import write_files, write_jsonl
from conftest import ROOT

pytest.importorskip("distributed", reason="the audit extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")

pytestmark = pytest.mark.slow

DASK = Path(sys.executable).with_name("dask")
NEWSLINT = [sys.executable, "-m", "newslint"]


def findings(out: Path) -> Counter[tuple[Any, ...]]:
    rows = pq.read_table(out / "findings").to_pylist()
    return Counter(
        (r["path"], r["row"], r["rule"], r["line"], r["column"], r["message"], r["sentence"])
        for r in rows
    )


def documents(out: Path) -> list[dict[str, Any]]:
    rows = pq.read_table(out / "documents").to_pylist()
    for row in rows:
        row.pop("lint_ms")  # a timing
    return sorted(rows, key=lambda r: (r["path"], r["row"] or 0))


def audit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NEWSLINT, "audit", "--workers", "2", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=600,
    )


def start(args: list[str], log: Path, **kwargs: Any) -> subprocess.Popen[bytes]:
    handle = log.open("wb")
    return subprocess.Popen(
        args, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
    )


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)


def children(pid: int) -> list[int]:
    out: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            out.extend(int(c) for c in handle.read().split())
    return out


def journal(out: Path) -> list[dict[str, Any]]:
    path = out / "partitions.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.endswith("}")]


def wait_for(predicate: Any, what: str, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Files and an archive, with the embedded run's output as the reference."""
    base = tmp_path_factory.mktemp("audit-inputs")
    write_files(base / "articles", 16)
    write_jsonl(base / "archive.jsonl", 48)
    sources = [str(base / "articles"), str(base / "archive.jsonl")]
    reference = base / "embedded"
    proc = audit(*sources, "--out", str(reference), "--partition-size", "1KB")
    assert proc.returncode == 0, proc.stderr
    return {"base": base, "sources": sources, "reference": reference}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """``dask scheduler`` and two ``dask worker`` processes, as an operator would start them."""
    if not DASK.exists():
        pytest.skip(f"{DASK} is absent (the audit extra installs dask's command line)")
    folder = tmp_path_factory.mktemp("dask-cluster")
    scheduler_file = folder / "scheduler.json"
    procs = [
        start(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
            + ["--scheduler-file", str(scheduler_file)],
            folder / "scheduler.log",
        )
    ]
    try:
        wait_for(scheduler_file.exists, "the scheduler's address", 120)
        wait_for(lambda: "address" in scheduler_file.read_text(), "the scheduler file", 30)
        address = json.loads(scheduler_file.read_text())["address"]
        for n in range(2):
            procs.append(
                start(
                    [str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1"]
                    + ["--no-dashboard", "--name", f"w{n}", "--local-directory", str(folder)],
                    folder / f"worker{n}.log",
                )
            )
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=180)
        yield {"address": address, "nannies": procs[1:], "folder": folder}
    finally:
        for proc in reversed(procs):
            stop(proc)


def test_a_cluster_started_by_hand_gives_the_embedded_findings(
    inputs: dict[str, Any], cluster: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "cluster"
    proc = audit(
        *inputs["sources"],
        "--out",
        str(out),
        "--partition-size",
        "1KB",
        "--scheduler",
        cluster["address"],
    )
    assert proc.returncode == 0, proc.stderr
    assert f"on the dask scheduler at {cluster['address']}" in proc.stdout
    reference = findings(inputs["reference"])
    assert findings(out) == reference and sum(reference.values()) > 100
    assert documents(out) == documents(inputs["reference"])
    workers = {entry["worker"] for entry in journal(out)}
    assert len(workers) == 2  # both workers took partitions


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    inputs: dict[str, Any], cluster: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "killed-worker"
    run = start(
        [*NEWSLINT, "audit", *inputs["sources"], "--out", str(out), "--partition-size", "1KB"],
        tmp_path / "audit.log",
        cwd=ROOT,
        env={**os.environ, "DASK_SCHEDULER_ADDRESS": cluster["address"]},
    )
    try:
        total = len(journal(inputs["reference"]))
        wait_for(lambda: len(journal(out)) >= 3, "the first partitions")
        nanny = cluster["nannies"][0]
        victims = children(nanny.pid)
        assert victims, "the worker process under its nanny"
        done_at_kill = len(journal(out))
        for pid in victims:
            os.kill(pid, signal.SIGKILL)
        assert done_at_kill < total  # the kill came mid-run
        assert run.wait(timeout=600) == 0, (tmp_path / "audit.log").read_text()
    finally:
        stop(run)
    indexes = [entry["index"] for entry in journal(out)]
    assert sorted(indexes) == list(range(total))  # each partition written once
    assert findings(out) == findings(inputs["reference"])
    assert documents(out) == documents(inputs["reference"])
    wait_for(lambda: set(children(cluster["nannies"][0].pid)) - set(victims), "the restart", 120)


def test_an_audit_killed_mid_run_resumes_where_it_stopped(
    inputs: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "killed-audit"
    args = [*inputs["sources"], "--out", str(out), "--partition-size", "1KB"]
    run = start([*NEWSLINT, "audit", "--workers", "2", *args], tmp_path / "audit.log", cwd=ROOT)
    try:
        wait_for(lambda: len(journal(out)) >= 4, "the first partitions")
        os.killpg(run.pid, signal.SIGKILL)  # the audit and its forked workers, at once
        run.wait(timeout=60)
    finally:
        stop(run)
    total = len(journal(inputs["reference"]))
    done = len(journal(out))
    assert 4 <= done < total
    again = audit(*args)
    assert again.returncode == 0, again.stderr
    assert "already done" in again.stdout
    assert sorted(e["index"] for e in journal(out)) == list(range(total))
    assert findings(out) == findings(inputs["reference"])
    assert documents(out) == documents(inputs["reference"])
