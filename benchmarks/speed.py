"""newslint's speed against proselint, in one run, on the same files.

    .venv/bin/python benchmarks/speed.py                 # everything (installs proselint first)
    .venv/bin/python benchmarks/speed.py --articles 200 --reps 3
    .venv/bin/python benchmarks/speed.py --skip-proselint

proselint is installed from PyPI into its own throw-away virtual environment
(``python3 -m venv DIR && DIR/bin/pip install proselint``; ``--proselint-venv DIR`` reuses one),
so it never touches newslint's environment.

The corpus is the 80 clean articles of ``../shared/eval/clean/scrapinghub`` (about 780 words each),
copied into a temporary folder until there are ``--articles`` files. Every copy gets a different
number of trailing newlines, so no two files have the same bytes (a content-keyed cache cannot
cheat) while the prose, and so the work, stays the same.

Figures (wall time, median of ``--reps`` runs where marked):

1. one article, cold process: ``newslint check --no-cache ARTICLE`` against
   ``python -c "import spacy; spacy.blank('en')"`` (aim: at most 1.3x), and proselint on the same file;
2. all articles, cold: ``newslint check --no-cache DIR`` (every default rule, all cores) against
   ``proselint check DIR`` (aim: at most 0.5x), median of ``--cold-reps`` interleaved runs (the
   machine's speed drifts); then, in separate untimed runs, the peak memory of the whole process
   tree (sum of PSS, sampled every 50 ms; aim: under 1 GiB);
3. all articles, result cache: a run that fills an empty cache, then a cached re-run (aim: at most
   0.1x the cold run).

Before timing, newslint's bytecode is compiled (as ``pip install`` does) and one untimed run builds
the derived data tables in the user cache (as the first use after installing does).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from core import ROOT, eval_path

CORPUS = eval_path("clean", "scrapinghub")
PYTHON = sys.executable


def nproc() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# -- memory of a process tree ------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                out.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return out


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in kB of one process, 0 when gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class TreeMemory(threading.Thread):
    """Samples the summed PSS and RSS of a process and all its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_pss = self.peak_rss = 0
        self.peak_procs = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            pids, stack = [], [self.pid]
            while stack:
                pid = stack.pop()
                pids.append(pid)
                stack.extend(_children(pid))
            pss = rss = 0
            for pid in pids:
                p, r = _memory_kb(pid)
                pss += p
                rss += r
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_procs = max(self.peak_procs, len(pids))
            self.done.wait(0.05)


def timed(cmd: list[str], env: dict[str, str] | None = None, memory: bool = False) -> dict:
    """Run a command; wall seconds, exit code and (optionally) peak tree memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True
    )
    sampler = TreeMemory(proc.pid) if memory and os.path.exists("/proc/self/smaps_rollup") else None
    if sampler:
        sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    if sampler:
        sampler.done.set()
        sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    out = {"seconds": seconds, "code": proc.returncode}
    if sampler:
        out.update(
            pss_mb=sampler.peak_pss / 1024, rss_mb=sampler.peak_rss / 1024, procs=sampler.peak_procs
        )
    return out


# -- set-up ------------------------------------------------------------------------------
def make_corpus(folder: Path, count: int, source: Path = CORPUS) -> list[Path]:
    sources = sorted(source.glob("*.txt"))
    if not sources:
        raise SystemExit(
            f"{source} is absent: the benchmark needs the evaluation data beside the project"
        )
    texts = [p.read_text(encoding="utf-8").rstrip("\n") + "\n" for p in sources]
    files = []
    for i in range(count):
        copy, index = divmod(i, len(texts))
        path = folder / f"{i:05d}_{sources[index].stem}.txt"
        path.write_text(texts[index] + "\n" * copy, encoding="utf-8")
        files.append(path)
    return files


def proselint_command(venv: Path | None, workdir: Path) -> list[str]:
    if venv is None:
        venv = workdir / "proselint-venv"
        print(
            f"installing proselint into {venv}: python3 -m venv {venv} && {venv}/bin/pip install proselint"
        )
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "proselint"], check=True)
    exe = venv / "bin" / "proselint"
    version = subprocess.run([str(exe), "version"], capture_output=True, text=True).stdout.strip()
    print(f"proselint: {exe} ({version or 'version unknown'})")
    return [str(exe), "check"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=5, help="repetitions of the one-article runs")
    parser.add_argument(
        "--cold-reps", type=int, default=3, help="repetitions of the all-articles cold runs"
    )
    parser.add_argument("--proselint-venv", type=Path, help="reuse a venv that has proselint")
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .txt articles")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newslint-speed-"))
    try:
        run(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"kept {workdir}")


def run(args: argparse.Namespace, workdir: Path) -> None:
    corpus = workdir / "corpus"
    corpus.mkdir()
    files = make_corpus(corpus, args.articles, args.corpus)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    one = files[0]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    newslint = [PYTHON, "-m", "newslint", "check"]
    proselint = None if args.skip_proselint else proselint_command(args.proselint_venv, workdir)

    print(f"machine: {nproc()} cores ({os.cpu_count()} CPUs), Python {sys.version.split()[0]}")
    print(f"corpus: {len(files)} articles, {words / len(files):.0f} words each on average")
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "newslint")], env=env, check=True)
    timed([*newslint, "--no-cache", str(one)], env)  # builds the user-cache data tables once

    print(f"\n1. one article, cold process (median of {args.reps}, interleaved)")
    spacy_cmd = [PYTHON, "-c", "import spacy; spacy.blank('en')"]
    series: dict[str, list[float]] = {"spacy": [], "newslint": [], "proselint": []}
    for _ in range(args.reps):
        series["spacy"].append(timed(spacy_cmd, env)["seconds"])
        series["newslint"].append(timed([*newslint, "--no-cache", str(one)], env)["seconds"])
        if proselint:
            series["proselint"].append(timed([*proselint, str(one)], env)["seconds"])
    med = {k: statistics.median(v) for k, v in series.items() if v}
    print(f"  python -c \"import spacy; spacy.blank('en')\"  {med['spacy']:6.2f} s")
    print(
        f"  newslint check --no-cache ARTICLE            {med['newslint']:6.2f} s"
        f"  = {med['newslint'] / med['spacy']:.2f}x spacy.blank (aim <= 1.3x)"
    )
    if proselint:
        print(f"  proselint check ARTICLE                      {med['proselint']:6.2f} s")

    print(
        f"\n2. {len(files)} articles, cold (cache off), all cores"
        f" (median of {args.cold_reps}, interleaved)"
    )
    runs: dict[str, list[float]] = {"newslint": [], "proselint": []}
    for _ in range(args.cold_reps):
        runs["newslint"].append(timed([*newslint, "--no-cache", str(corpus)], env)["seconds"])
        if proselint:
            runs["proselint"].append(timed([*proselint, str(corpus)], env)["seconds"])
    cold = {"seconds": statistics.median(runs["newslint"])}
    shown = " ".join(f"{s:.2f}" for s in runs["newslint"])
    print(f"  newslint check --no-cache DIR   {cold['seconds']:7.2f} s  (runs: {shown})")
    if proselint:
        prose = statistics.median(runs["proselint"])
        shown = " ".join(f"{s:.2f}" for s in runs["proselint"])
        print(f"  proselint check DIR             {prose:7.2f} s  (runs: {shown})")
        print(f"  newslint / proselint = {cold['seconds'] / prose:.2f}x (aim <= 0.5x)")
    # Peak memory in a separate, untimed run: reading /proc/PID/smaps_rollup of every process
    # 20 times a second costs CPU (1-2.5 s over this run on 2 cores) that a timing must not carry.
    mem = timed([*newslint, "--no-cache", str(corpus)], env, memory=True)
    print(
        f"  peak memory (separate run): newslint {mem.get('pss_mb', 0):.0f} MB PSS /"
        f" {mem.get('rss_mb', 0):.0f} MB RSS over {mem.get('procs', 1)} processes (aim < 1024 MB)"
    )
    if proselint:
        pmem = timed([*proselint, str(corpus)], env, memory=True)
        print(f"                              proselint {pmem.get('pss_mb', 0):.0f} MB PSS")

    print(f"\n3. {len(files)} articles, result cache")
    cache = workdir / "cache"
    fill = timed([*newslint, "--cache-dir", str(cache), str(corpus)], env)
    hot = [
        timed([*newslint, "--cache-dir", str(cache), str(corpus)], env)["seconds"] for _ in range(3)
    ]
    warm = statistics.median(hot)
    print(f"  first run, empty cache          {fill['seconds']:7.2f} s")
    print(
        f"  cached re-run (median of 3)     {warm:7.2f} s"
        f"  = {warm / cold['seconds']:.3f}x the cold run (aim <= 0.1x)"
    )


if __name__ == "__main__":
    main()
