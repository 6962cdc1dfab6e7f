"""The spelling rules through the linter: false alarms on clean news copy, the sample article, cost.

1. Lints every clean article body in ../shared/eval/clean/scrapinghub with only the ``spelling.*``
   rules (as a .txt file would be linted: header detection, blocks, scopes, house vocabulary) and
   prints findings per 1,000 words, per rule, listing each finding for inspection.
2. Lints the sample article and prints its spelling findings (expected: 'takover' -> 'takeover').
3. Times what the spelling rules add: a CLI run on the sample article with and without them
   (fresh processes, warm disk cache), and the first and later spelling passes in one process.

Usage: .venv/bin/python benchmarks/spelling_rules_eval.py [--quiet]
The evaluation data is read in place, never copied into the project.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT / "seeds" / "000_d2c5ac03fb099af7.txt"
sys.path.insert(0, str(ROOT))

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def clean_rate(quiet: bool) -> None:
    from newslint.engine.linter import Linter

    files = sorted((EVAL / "clean" / "scrapinghub").glob("*.txt"))
    linter = Linter(select=["spelling.*"])
    words = 0
    per_rule: Counter[str] = Counter()
    listed = []
    for path in files:
        words += len(_WORDS.findall(path.read_text(encoding="utf-8")))
        for f in linter.lint_file(str(path)).findings:
            per_rule[f.rule] += 1
            listed.append(
                f"  {path.name[:14]}:{f.line} {f.rule:22} {f.message}  | {f.context[:90]}"
            )
    total = sum(per_rule.values())
    print(f"== clean bodies through the linter: {len(files)} articles, {words} words ==")
    print(f"spelling.* findings {total}  per 1,000 words {1000 * total / words:.3f}")
    for rule, n in sorted(per_rule.items()):
        print(f"  {rule:24} {n:4d}  ({1000 * n / words:.3f} per 1,000 words)")
    if not quiet:
        print("\n".join(listed))


def sample() -> None:
    from newslint.engine.linter import Linter

    findings = Linter(select=["spelling.*"]).lint_file(str(SEED)).findings
    print(f"== sample article: {len(findings)} spelling finding(s) ==")
    for f in findings:
        print(f"  line {f.line}: {f.rule} {f.message} suggestions={list(f.suggestions)}")


def cli_seconds(*args: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "newslint", "check", "--no-cache", str(SEED), *args],
            capture_output=True,
            cwd=ROOT,
        )
        best = min(best, time.perf_counter() - t)
    return best


def costs() -> None:
    from newslint.analysis.core import Analysis
    from newslint.engine.support import spelling as _spelling
    from newslint.readers import load_document

    print("== cost ==")
    without = cli_seconds("--ignore", "spelling.*")
    with_ = cli_seconds()
    only = cli_seconds("--select", "spelling.*")
    print(f"CLI, sample article, all rules but spelling  {without:6.2f} s (best of 3)")
    print(
        f"CLI, sample article, all rules               {with_:6.2f} s  (+{with_ - without:.2f} s)"
    )
    print(f"CLI, sample article, spelling.* only         {only:6.2f} s")
    docs = [load_document(str(p)) for p in sorted((EVAL / "clean" / "scrapinghub").glob("*.txt"))]
    analyses = [Analysis(d) for d in docs[:40]]
    t = time.perf_counter()
    _spelling.typos(analyses[0])
    first = time.perf_counter() - t
    times = []
    for a in analyses[1:]:
        t = time.perf_counter()
        _spelling.typos(a)
        times.append(time.perf_counter() - t)
    print(
        f"first spelling pass in a process (loads dictionary, warm disk cache)  {first * 1000:.1f} ms"
    )
    print(
        f"later passes per article  {statistics.median(times) * 1000:.1f} ms median, "
        f"{max(times) * 1000:.1f} ms max ({len(times)} articles)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"evaluation data not found at {EVAL}")
    costs()  # first: the dictionary must not be loaded yet in this process
    sample()
    clean_rate(args.quiet)


if __name__ == "__main__":
    main()
