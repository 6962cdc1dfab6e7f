"""newslint's speed on distinct articles, against proselint and bare spaCy tokenisation, in one run.

    .venv/bin/python benchmarks/speed.py                 # everything (installs proselint first)
    .venv/bin/python benchmarks/speed.py --cold-reps 5 --proselint-venv /tmp/proselint-venv
    .venv/bin/python benchmarks/speed.py --skip-proselint --no-store
    .venv/bin/python benchmarks/speed.py --quick            # a rough run: every 4th article, once

The corpus is every article of ``../shared/eval`` (``core.sources``: scrapinghub, wikinews,
each Markdown repo with its ``.md`` and ``.mdx`` files, the PTC propaganda articles, the PolNeAR
articles): about 930 distinct files, each linted once per run where it lies. Nothing is copied
or repeated: repeated prose flatters every per-process memo (tokenizer runs, vocabulary
entries, spelling verdicts) and says nothing about an archive of new copy.

proselint is installed from PyPI into the script's own throw-away virtual environment
(``python3 -m venv DIR && DIR/bin/pip install proselint``; ``--proselint-venv DIR`` reuses one),
so it never touches newslint's environment. It is given the same files.

The floors are ``benchmarks/tokenize_floor.py`` on a process pool of newslint's shape (the
parent takes the first file, then one forked worker per core, chunks of up to 4): ``import
spacy``, ``spacy.blank("en")``, then ``nlp.tokenizer.pipe(texts)`` (the bare tokenizer) and
``nlp.pipe(texts)`` with the ``sentencizer`` (tokens and sentences, the least any linter of
sentences needs). Their texts are the prose newslint's readers extract from each file (what
newslint itself tokenises), written to a temporary folder before timing.

Figures (wall time; all runs of one figure interleaved, the order rotating per repetition, because
a shared machine's speed drifts; the load average is recorded around every section):

1. one article, cold process: ``newslint check --no-cache ARTICLE`` against
   ``python -c "import spacy; spacy.blank('en')"`` (aim: at most 1.3x), and proselint on the file;
2. every article, cold: ``newslint check --no-cache FILES`` (every default rule, all cores)
   against ``proselint check FILES`` (aim: at most 0.5x) and against the floors (aim: at most
   2.0x the ``nlp.pipe`` floor; long-term 1.5x), medians of ``--cold-reps`` runs; words per
   second per core; beside each wall time the CPU time of the command's process tree (a wall
   time well above CPU / cores is waiting: start-up on one core, an idle worker, the machine);
3. peak memory of each process tree, sampled in one more, untimed run of each command (sum of
   PSS and of RSS over the process and its descendants, every 50 ms; aim for newslint: under
   1 GiB). Not during the timed runs: reading ``smaps_rollup`` walks the page tables of every
   process sampled, ~4.8 CPU s over one newslint run, on the same cores; it added ~5 s to
   newslint's wall time (2 busy workers) and next to nothing to single-process proselint's,
   whose second core was idle;
4. the result cache: a run that fills an empty cache, then cached re-runs (aim: at most 0.1x the
   cold run);
5. the first-sight cost per article, per source: CPU ms to lint each article in one process on
   first sight and on a second pass (``profile_rules.py --every --first-sight``).

Before timing, newslint's bytecode is compiled (as ``pip install`` does) and one untimed run builds
the derived data tables (as the first use after installing does) in the benchmark's own data cache
(``NEWSLINT_CACHE_DIR``, by default ``~/.cache/newslint-speed``; ``--data-cache DIR`` names
another): checkouts with other table keys share the user cache and prune each other's entries, and
a run that rebuilds the spelling tables measures that, not linting. The figures go to
``benchmarks/results/speed.json`` (``--no-store`` leaves it alone).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from core import ROOT, Article, articles, count_words, save_results, saved_note, source_table

PYTHON = sys.executable
HERE = Path(__file__).resolve().parent
GROUPS = ("clean", "propaganda", "polnear")
#: what each floor runs (benchmarks/tokenize_floor.py), on the same texts and pool shape
FLOORS = {
    "floor_tokenizer": "spacy.blank('en').tokenizer.pipe over each article's prose, in a fork pool"
    " of newslint's shape",
    "floor": "spacy.blank('en') + sentencizer, nlp.pipe over each article's prose, in a fork pool"
    " of newslint's shape",
}
AIMS = {
    "proselint": 0.5,
    "floor": 2.0,  # against the nlp.pipe (tokenizer + sentencizer) floor
    "floor_long_term": 1.5,
    "one_article": 1.3,
    "cached": 0.1,
    "memory_mb": 1024,
}


def nproc() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def load() -> list[float]:
    """The 1, 5 and 15 minute load averages."""
    return [round(x, 2) for x in os.getloadavg()]


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


def timed(cmd: list[str], env: dict[str, str], memory: bool = False) -> dict[str, Any]:
    """Run a command; wall seconds, CPU seconds of its process tree (user + system, workers
    included once reaped), exit code and (optionally) peak tree memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True
    )
    sampler = TreeMemory(proc.pid) if memory and os.path.exists("/proc/self/smaps_rollup") else None
    if sampler:
        sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if sampler:
        sampler.done.set()
        sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd[:4])} ...\n{err[-2000:]}")
    out: dict[str, Any] = {"seconds": seconds, "cpu": cpu, "code": proc.returncode}
    if sampler:
        out.update(
            pss_mb=sampler.peak_pss / 1024, rss_mb=sampler.peak_rss / 1024, procs=sampler.peak_procs
        )
    return out


def interleaved(commands: dict[str, list[str]], reps: int, env: dict[str, str]) -> dict[str, Any]:
    """Every command once per repetition, the order rotating; wall and CPU seconds per command
    and run, medians, the load average before and after."""
    names = list(commands)
    runs: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    before = load()
    for rep in range(reps):
        for name in names[rep % len(names) :] + names[: rep % len(names)]:
            out = timed(commands[name], env)
            runs[name].append(out["seconds"])
            cpu[name].append(out["cpu"])
    return {
        "runs": runs,
        "median": {name: statistics.median(values) for name, values in runs.items()},
        "cpu_runs": cpu,
        "cpu_median": {name: statistics.median(values) for name, values in cpu.items()},
        "load_before": before,
        "load_after": load(),
    }


def peak_memory(commands: dict[str, list[str]], env: dict[str, str]) -> dict[str, Any]:
    """Each command's peak tree memory, from one more run that is not timed (the sampler's
    reads of ``smaps_rollup`` cost CPU on the cores the command uses)."""
    peaks = {}
    for name, cmd in commands.items():
        out = timed(cmd, env, memory=True)
        peaks[name] = {key: value for key, value in out.items() if key not in ("seconds", "code")}
    return peaks


# -- set-up ------------------------------------------------------------------------------
def corpus(stride: int = 1) -> list[Article]:
    """Every evaluation article, source by source (``stride``: every n-th of each source)."""
    found = [article for group in GROUPS for article in articles(group)]
    if not found:
        raise SystemExit("../shared/eval is absent: the benchmark needs the evaluation data")
    seen: dict[str, int] = {}
    kept = []
    for article in found:
        index = seen[article.source] = seen.get(article.source, -1) + 1
        if index % stride == 0:
            kept.append(article)
    return kept


def prose_files(items: list[Article], folder: Path) -> tuple[list[Path], dict[str, dict]]:
    """Each article's prose as newslint's readers extract it, one file each (the floor's input),
    and per source: articles, words (core.count_words) and prose characters."""
    from newslint.readers import load_document

    paths = []
    per_source: dict[str, dict[str, int]] = {}
    for i, article in enumerate(items):
        document = load_document(str(article.path), None, 50_000_000)
        path = folder / f"{i:04d}.txt"
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)
        row = per_source.setdefault(article.source, {"articles": 0, "words": 0, "chars": 0})
        row["articles"] += 1
        row["words"] += count_words(document.text)
        row["chars"] += len(document.text)
    return paths, per_source


def proselint_command(venv: Path | None, workdir: Path) -> tuple[list[str], str]:
    if venv is None:
        venv = workdir / "proselint-venv"
        print(
            f"installing proselint into {venv}: python3 -m venv {venv} && {venv}/bin/pip install proselint"
        )
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "proselint"], check=True)
    exe = venv / "bin" / "proselint"
    version = subprocess.run([str(exe), "version"], capture_output=True, text=True)
    shown = (version.stdout + version.stderr).strip() or "version unknown"
    print(f"proselint: {exe} ({shown})")
    return [str(exe), "check"], shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=5, help="repetitions of the one-article runs")
    parser.add_argument(
        "--cold-reps", type=int, default=3, help="repetitions of the every-article cold runs"
    )
    parser.add_argument("--proselint-venv", type=Path, help="reuse a venv that has proselint")
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--skip-first-sight", action="store_true")
    parser.add_argument("--no-store", action="store_true", help="do not write results/speed.json")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--data-cache",
        type=Path,
        default=Path.home() / ".cache" / "newslint-speed",
        help="NEWSLINT_CACHE_DIR for every timed run (the derived data tables)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a rough run: every 4th article of each source, one cold run, 3 one-article runs,"
        " one cached re-run (stored only with --store-quick)",
    )
    parser.add_argument("--store-quick", action="store_true", help="store a --quick run's figures")
    args = parser.parse_args()
    if args.quick:
        args.reps, args.cold_reps = min(args.reps, 3), 1
        args.no_store = args.no_store or not args.store_quick

    workdir = Path(tempfile.mkdtemp(prefix="newslint-speed-"))
    try:
        run(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"kept {workdir}")


def ratio_line(label: str, value: float, aim: float) -> str:
    verdict = "met" if value <= aim else "NOT met"
    return f"  {label} = {value:.2f}x (aim <= {aim}x: {verdict})"


def run(args: argparse.Namespace, workdir: Path) -> None:
    stride = 4 if args.quick else 1
    items = corpus(stride)
    files = [str(a.path) for a in items]
    prose_dir = workdir / "prose"
    prose_dir.mkdir()
    prose, per_source = prose_files(items, prose_dir)
    words = sum(row["words"] for row in per_source.values())
    cores = nproc()
    one = items[0]  # the first scrapinghub article
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    env["NEWSLINT_CACHE_DIR"] = str(args.data_cache)
    newslint = [PYTHON, "-m", "newslint", "check"]
    proselint, proselint_version = (
        (None, None) if args.skip_proselint else proselint_command(args.proselint_venv, workdir)
    )
    floor_script = [PYTHON, str(HERE / "tokenize_floor.py")]
    floors = {
        "floor_tokenizer": [*floor_script, "--mode", "tokenizer", *map(str, prose)],
        "floor": [*floor_script, "--mode", "pipe", *map(str, prose)],
    }
    figures: dict[str, Any] = {
        "machine": {"cores": cores, "cpus": os.cpu_count()},
        # stored figures hold numbers only: the versions measured are keys
        "versions": {f"python {sys.version.split()[0]}": 1, str(proselint_version): 1},
        "quick": args.quick,
        "corpus": {"articles": len(items), "words": words, "sources": per_source},
    }
    for name, what in FLOORS.items():
        print(f"{name}: {what}")
    started = time.perf_counter()

    print(f"machine: {cores} cores ({os.cpu_count()} CPUs), Python {sys.version.split()[0]}")
    print(
        f"corpus: {len(items)} distinct articles from {len(per_source)} sources, {words:,} words"
        f" ({words / len(items):.0f} per article)" + (" [--quick: every 4th]" if args.quick else "")
    )
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "newslint")], env=env, check=True)
    # builds the data tables once (the spelling ones only when a word is unknown: 20 articles)
    timed([*newslint, "--no-cache", "--jobs", "1", *files[:20]], env)
    timed(floors["floor"][:5], env)  # warms the file cache for spaCy's own files

    print(f"\n1. one article, cold process (median of {args.reps}, interleaved); load {load()}")
    commands = {
        "spacy_blank": [PYTHON, "-c", "import spacy; spacy.blank('en')"],
        "newslint": [*newslint, "--no-cache", str(one.path)],
    }
    if proselint:
        commands["proselint"] = [*proselint, str(one.path)]
    single = interleaved(commands, args.reps, env)
    med = single["median"]
    single["article"] = {one.name: count_words(one.read())}  # (key: the article, value: its words)
    single["ratio"] = med["newslint"] / med["spacy_blank"]
    print(f"  python -c \"import spacy; spacy.blank('en')\"  {med['spacy_blank']:6.2f} s")
    print(f"  newslint check --no-cache ARTICLE            {med['newslint']:6.2f} s")
    if proselint:
        print(f"  proselint check ARTICLE                      {med['proselint']:6.2f} s")
    print(ratio_line("newslint / spacy.blank", single["ratio"], AIMS["one_article"]))
    figures["one_article"] = single

    print(
        f"\n2. {len(items)} articles, cold (cache off), {cores} cores"
        f" (median of {args.cold_reps}, interleaved); load {load()}"
    )
    commands = {**floors, "newslint": [*newslint, "--no-cache", *files]}
    if proselint:
        commands["proselint"] = [*proselint, *files]
    cold = interleaved(commands, args.cold_reps, env)
    med = cold["median"]
    for name, label in (
        ("floor_tokenizer", "floor: tokenizer.pipe"),
        ("floor", "floor: nlp.pipe + sentencizer"),
        ("newslint", "newslint check --no-cache"),
        ("proselint", "proselint check"),
    ):
        if name in med:
            shown = " ".join(f"{s:.2f}" for s in cold["runs"][name])
            print(
                f"  {label:<30} {med[name]:7.2f} s  (runs: {shown}; CPU"
                f" {cold['cpu_median'][name]:.2f} s)"
            )
    cold["words_per_second_per_core"] = {
        name: words / seconds / cores for name, seconds in med.items()
    }
    rates = cold["words_per_second_per_core"]
    print(
        "  words per second per core: "
        + ", ".join(f"{name} {rate:,.0f}" for name, rate in rates.items())
    )
    cold["ratio_floor"] = med["newslint"] / med["floor"]
    cold["ratio_floor_tokenizer"] = med["newslint"] / med["floor_tokenizer"]
    print(ratio_line("newslint / nlp.pipe floor", cold["ratio_floor"], AIMS["floor"]))
    print(f"    (long-term aim <= {AIMS['floor_long_term']}x)")
    print(f"  newslint / tokenizer floor = {cold['ratio_floor_tokenizer']:.2f}x")
    if proselint:
        cold["ratio_proselint"] = med["newslint"] / med["proselint"]
        paired = [
            n / p for n, p in zip(cold["runs"]["newslint"], cold["runs"]["proselint"], strict=True)
        ]
        cold["ratio_proselint_paired_median"] = statistics.median(paired)
        print(ratio_line("newslint / proselint", cold["ratio_proselint"], AIMS["proselint"]))
        print(f"    (median of the per-repetition ratios: {statistics.median(paired):.2f}x)")
    print(f"  load after: {cold['load_after']}")
    figures["cold"] = cold

    print(f"\n3. peak memory of the process tree (one untimed run of each); load {load()}")
    memory = peak_memory(commands, env)
    for name, m in memory.items():
        print(
            f"  {name:<16} {m.get('pss_mb', 0):6.0f} MB PSS / {m.get('rss_mb', 0):6.0f} MB RSS"
            f" over {m.get('procs', 1):.0f} processes"
        )
    if "newslint" in memory:
        verdict = "met" if memory["newslint"]["pss_mb"] < AIMS["memory_mb"] else "NOT met"
        print(f"  newslint aim < {AIMS['memory_mb']} MB PSS: {verdict}")
    figures["memory"] = memory

    print(f"\n4. {len(items)} articles, result cache; load {load()}")
    cache = workdir / "cache"
    fill = timed([*newslint, "--cache-dir", str(cache), *files], env)
    hot = [
        timed([*newslint, "--cache-dir", str(cache), *files], env)["seconds"]
        for _ in range(1 if args.quick else 3)
    ]
    warm = statistics.median(hot)
    print(f"  first run, empty cache          {fill['seconds']:7.2f} s")
    print(f"  cached re-run (median of {len(hot)})     {warm:7.2f} s")
    cached_ratio = warm / cold["median"]["newslint"]
    print(ratio_line("cached / cold", cached_ratio, AIMS["cached"]))
    figures["cache"] = {"fill": fill["seconds"], "runs": hot, "median": warm, "ratio": cached_ratio}

    if not args.skip_first_sight:
        print(
            "\n5. first sight: a fresh process, no cache, every article linted once (first sight)"
            f" and again (seen), CPU ms; load {load()}"
        )
        out = workdir / "first_sight.json"
        subprocess.run(
            [
                PYTHON,
                str(HERE / "profile_rules.py"),
                "--every",
                "--stride",
                str(stride),
                "--first-sight",
                "--json",
                str(out),
            ],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        sight = json.loads(out.read_text(encoding="utf-8"))
        for name, row in [*sight["sources"].items(), ("pooled", sight["pooled"])]:
            row_words = words if name == "pooled" else per_source[name]["words"]
            row["words_per_cpu_s"] = row_words / (row["first_ms"] * row["articles"] / 1000)
        print(
            source_table(
                "  CPU ms per article on first sight and seen again, and words per CPU second"
                " on first sight, per source",
                sight["sources"],
                "words_per_cpu_s",
                pooled=sight["pooled"],
                lower=False,
            )
        )
        figures["first_sight"] = sight

    figures["aims"] = AIMS
    figures["load_end"] = load()
    figures["seconds"] = time.perf_counter() - started
    print(f"\nmeasured in {figures['seconds']:.0f} s; load {figures['load_end']}")
    if not args.no_store:
        command = ".venv/bin/python benchmarks/speed.py " + " ".join(sys.argv[1:])
        print(saved_note(save_results("speed", command.strip(), figures)))


if __name__ == "__main__":
    main()
