"""Where newslint's time per article goes: reading, analysis, quotations, each rule, the engine.

    .venv/bin/python benchmarks/profile_rules.py             # default rules, clean articles
    .venv/bin/python benchmarks/profile_rules.py --all-rules --top 20 --reps 3
    .venv/bin/python benchmarks/profile_rules.py --ignore 'spelling.*'   # leave a family out
    .venv/bin/python benchmarks/profile_rules.py --every --first-sight    # first sight vs seen

Articles: the scrapinghub clean copy (``--source`` names another clean source, ``--corpus`` a
folder of ``.txt`` files, ``--every`` every article of ``../shared/eval``: the clean sources,
the propaganda and PolNeAR articles).
The sample article in ``seeds/`` is linted first (which loads spaCy, the rule data
and the lookup tables). Then a first pass lints every article once: its words are new to the
process (new vocabulary entries, tokenizer memo entries, spelling suggestions), as in an archive
of new copy; only its total is shown. Then every article is linted ``--reps`` more times, and the
table shows those passes. Figures are CPU milliseconds per article (process time, so another busy
process on the machine does not inflate them).

``--first-sight`` measures only the whole lint (``Linter.lint_file``) of each article twice: on
first sight (its words new to the process, as in an archive of new copy) and seen (the second
pass), per source; the difference is the first-sight cost. ``--json FILE`` stores those figures
(``benchmarks/speed.py`` runs it in a fresh process).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core import SEED, source_table, sources

clock = time.process_time


def _timed(times: dict[str, float], key: str, fn: Callable[[], Any]) -> Any:
    start = clock()
    value = fn()
    times[key] += clock() - start
    return value


def profile(
    paths: list[Path], all_rules: bool, reps: int, ignore: list[str]
) -> tuple[dict[str, float], int, float]:
    """Seconds spent per stage and per rule, summed over ``reps`` timed passes, the articles
    linted in them, and the first pass's seconds per article (read to findings)."""
    from newslint.analysis.core import Analysis
    from newslint.engine.linter import Linter
    from newslint.engine.rules import builtin_pack_names
    from newslint.readers import load_document

    linter = (
        Linter(select=["*"], ignore=ignore, packs=builtin_pack_names())
        if all_rules
        else Linter(ignore=ignore)
    )
    linter.lint_file(str(SEED))  # loads spaCy, the rules and the tables
    start = clock()
    for path in paths:
        linter.lint_file(str(path))
    first_pass = (clock() - start) / len(paths)
    times: dict[str, float] = defaultdict(float)
    linted = 0
    for rep in range(reps + 1):  # pass 0 warms the per-rule timing up and is not counted
        pass_times: dict[str, float] = defaultdict(float)
        for path in paths:
            config = linter.config_for(str(path))
            document = _timed(pass_times, "read", lambda p=path: load_document(str(p)))
            rules = linter.rules_for(config, str(path), document.front_matter)
            analysis = _timed(pass_times, "analysis", lambda d=document: Analysis(d))
            analysis.vocabulary = linter.vocabulary(config)  # type: ignore[attr-defined]
            if config.english_only and not _timed(
                pass_times, "analysis", lambda a=analysis: a.looks_english
            ):
                continue
            _timed(pass_times, "quotes", lambda a=analysis: a.quotes)
            for rule in rules:
                _timed(pass_times, rule.id, lambda r=rule, a=analysis: list(r.compile().check(a)))
            linted += rep > 0
            # the whole pipeline once more, for the engine's own share (scope, findings, sorting)
            _timed(
                pass_times,
                "(full lint_document)",
                lambda d=document, c=config: linter.lint_document(d, c),
            )
        if rep:
            for key, value in pass_times.items():
                times[key] += value
    return times, linted, first_pass


def first_sight(items: list[tuple[str, Path]], all_rules: bool, ignore: list[str]) -> dict:
    """Per source: articles, CPU ms per article on first sight and seen (a second pass), and
    the first-sight cost (their difference); the same pooled."""
    from newslint.engine.linter import Linter
    from newslint.engine.rules import builtin_pack_names

    linter = (
        Linter(select=["*"], ignore=ignore, packs=builtin_pack_names())
        if all_rules
        else Linter(ignore=ignore)
    )
    linter.lint_file(str(SEED))  # loads spaCy, the rules and the tables
    seconds: list[list[float]] = [[], []]
    for times in seconds:
        for _, path in items:
            start = clock()
            linter.lint_file(str(path))
            times.append(clock() - start)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (name, _) in enumerate(items):
        groups[name].append(i)
    groups["pooled"] = list(range(len(items)))

    def row(indices: list[int]) -> dict[str, float]:
        first = 1000 * sum(seconds[0][i] for i in indices) / len(indices)
        seen = 1000 * sum(seconds[1][i] for i in indices) / len(indices)
        return {
            "articles": len(indices),
            "first_ms": first,
            "seen_ms": seen,
            "first_sight_ms": first - seen,
        }

    return {name: row(indices) for name, indices in groups.items()}


def every_article(stride: int = 1) -> list[tuple[str, Path]]:
    """(source, path) of every evaluation article: the clean sources, PTC and PolNeAR (with
    ``stride``, every n-th article of each source)."""
    return [
        (src.name, article.path)
        for group in ("clean", "propaganda", "polnear")
        for src in sources(group)
        for i, article in enumerate(src)
        if i % stride == 0
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default="scrapinghub", help="a clean source (core.sources)")
    parser.add_argument("--corpus", type=Path, help="a folder of .txt articles instead")
    parser.add_argument("--reps", type=int, default=2, help="timed passes over the corpus")
    parser.add_argument("--top", type=int, default=15, help="rules to list, costliest first")
    parser.add_argument("--all-rules", action="store_true", help="every rule of every pack")
    parser.add_argument("--ignore", nargs="*", default=[], help="rule ids or patterns to leave out")
    parser.add_argument("--every", action="store_true", help="every evaluation article")
    parser.add_argument("--stride", type=int, default=1, help="with --every: every n-th article")
    parser.add_argument(
        "--first-sight", action="store_true", help="first sight vs seen, per source"
    )
    parser.add_argument("--json", type=Path, help="with --first-sight: store the figures here")
    args = parser.parse_args()
    if args.corpus:
        items = [(args.corpus.name, p) for p in sorted(args.corpus.glob("*.txt"))]
    elif args.every:
        items = every_article(args.stride)
    else:
        items = [
            (src.name, article.path)
            for src in sources("clean")
            if src.name == args.source
            for article in src
        ]
    if not items:
        print(f"no articles in {args.corpus or args.source} (the evaluation data is absent?)")
        return 2
    if args.first_sight:
        rows = first_sight(items, args.all_rules, args.ignore)
        pooled = rows.pop("pooled")
        print(
            source_table(
                "CPU ms per article: first sight (words new to the process) and seen",
                rows,
                "first_sight_ms",
                pooled=pooled,
            )
        )
        if args.json:
            args.json.write_text(json.dumps({"sources": rows, "pooled": pooled}), "utf-8")
        return 0
    paths = [path for _, path in items]
    times, linted, first_pass = profile(paths, args.all_rules, args.reps, args.ignore)
    if not linted:
        print("no article was linted")
        return 1
    per = {k: v * 1000 / linted for k, v in times.items()}
    stages = ("read", "analysis", "quotes", "(full lint_document)")
    rules = {k: v for k, v in per.items() if k not in stages}
    print(f"first pass, words new to the process: {first_pass * 1000:.2f} CPU ms per article")
    print(f"{linted // args.reps} articles x {args.reps} more passes; CPU ms per article")
    for key in stages[:3]:
        print(f"  {key:<36} {per.get(key, 0):7.2f}")
    print(f"  {'rules (' + str(len(rules)) + ')':<36} {sum(rules.values()):7.2f}")
    total = sum(per.get(k, 0) for k in stages[:3]) + sum(rules.values())
    print(f"  {'read + analysis + quotes + rules':<36} {total:7.2f}")
    print(f"  {'lint_document (analysis to findings)':<36} {per.get(stages[3], 0):7.2f}")
    print(f"costliest rules (top {args.top}):")
    for key, value in sorted(rules.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {key:<36} {value:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
