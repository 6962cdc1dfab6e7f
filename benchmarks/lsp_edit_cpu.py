"""CPU time of the language server's lint after a small edit, in process, per edit kind.

    .venv/bin/python benchmarks/lsp_edit_cpu.py                 # per edit kind
    .venv/bin/python benchmarks/lsp_edit_cpu.py --rules 15      # and the 15 costliest rules

The same articles and the same edits as ``benchmarks/lsp_latency.py`` (its ``articles``,
``small_edit`` and seed), linted as the server lints them (``lint_snapshot`` with one
:class:`newslint.engine.incremental.BlockHits` per document, the collector frozen after the
warm-up and collected between lints, as :mod:`newslint.frontends.lsp.collector` does), but
without the pipe: each lint's process time (CPU, so other busy processes on the machine inflate
it little) per edit kind (a word typed, a word deleted, two letters swapped). The first article
warms the process and is left out. ``--rules N`` also times each rule (and what is not a rule:
reading, analysis, genre, filter stage) per lint. Figures stored in
``benchmarks/results/lsp_edit_cpu.json``.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from core import save_results  # noqa: E402
from lsp_latency import EVAL, apply, articles, edit_kind, percentile, small_edit  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=12, help="articles to edit (first warms)")
    parser.add_argument("--edits", type=int, default=20, help="small edits per article")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rules", type=int, default=0, help="show the N costliest rules")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"needs the evaluation data in {EVAL}", file=sys.stderr)
        return 2

    from newslint.analysis.lazy_spacy import install
    from newslint.engine.incremental import BlockHits
    from newslint.engine.linter import Linter
    from newslint.frontends.lsp.linting import BaselineCache, Snapshot, lint_snapshot

    install()
    rng = random.Random(args.seed)
    linter = Linter()
    baselines = BaselineCache()
    clock = time.process_time
    seed = (ROOT / "seeds" / "000_d2c5ac03fb099af7.txt").read_text(encoding="utf-8")
    workspace = Path(ROOT, ".bench-lsp-edit")  # never written: paths only, for config lookup
    lint_snapshot(linter, Snapshot("w", 1, seed, str(workspace / "w.txt"), "text"), baselines)
    gc.collect()
    gc.freeze()
    gc.disable()

    rule_times: dict[str, float] = defaultdict(float)
    current: dict[str, float] = {}
    if args.rules:
        # time each rule through BlockHits.run_rule (hits listed inside, as the engine does)
        original = BlockHits.run_rule

        def timed(self: BlockHits, rule, analysis):  # type: ignore[no-untyped-def]
            start = clock()
            hits = list(original(self, rule, analysis))
            current[rule.id] = current.get(rule.id, 0.0) + clock() - start
            return hits

        BlockHits.run_rule = timed  # type: ignore[method-assign]

    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    chosen = articles(1300, 1900)[: args.articles]
    by_kind: dict[str, list[float]] = defaultdict(list)
    every: list[float] = []
    for index, (_source, text) in enumerate(chosen):
        path = str(workspace / f"article-{index}.txt")
        blocks = BlockHits()
        lint_snapshot(linter, Snapshot("a", 1, text, path, "text"), baselines, blocks=blocks)
        gc.collect(1)
        for version in range(2, args.edits + 2):
            edit = small_edit(text, rng)
            text = apply(text, edit)
            current.clear()
            start = clock()
            lint_snapshot(
                linter, Snapshot("a", version, text, path, "text"), baselines, blocks=blocks
            )
            spent = clock() - start
            gc.collect(1)
            if index == 0:
                continue
            by_kind[edit_kind(edit)].append(spent * 1000)
            every.append(spent * 1000)
            for rule_id, seconds in current.items():
                rule_times[rule_id] += seconds * 1000
            rule_times["(not a rule)"] += (spent - sum(current.values())) * 1000
    print(
        f"in-process CPU per lint after an edit, {len(every)} edits on {len(chosen) - 1} "
        f"articles (load average now {os.getloadavg()[0]:.1f}):"
    )
    figures: dict[str, dict[str, float]] = {}
    for kind, values in [("all", every), *sorted(by_kind.items())]:
        figures[kind] = {
            "edits": len(values),
            "median": statistics.median(values),
            "p95": percentile(values, 0.95),
            "max": max(values),
        }
        print(
            f"  {kind:<7} {len(values):>4} edits  median {statistics.median(values):6.1f} ms  "
            f"p95 {percentile(values, 0.95):6.1f} ms  max {max(values):6.1f} ms"
        )
    if args.rules:
        print(f"costliest per lint (mean ms over {len(every)} lints):")
        ranked = sorted(rule_times.items(), key=lambda kv: -kv[1])[: args.rules]
        for rule_id, total in ranked:
            print(f"  {total / len(every):7.2f}  {rule_id}")
    command = (
        f".venv/bin/python benchmarks/lsp_edit_cpu.py --articles {args.articles} "
        f"--edits {args.edits} --seed {args.seed}"
    )
    path = save_results("lsp_edit_cpu", command, {"cpu_per_lint_ms": figures})
    print(f"results: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
