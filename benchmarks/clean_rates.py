"""Warnings and errors per 1,000 words of published copy, per rule family and per clean source.

Every clean source (scrapinghub, wikinews, each Markdown repo under ``markdown/``) is linted as
``newslint check`` lints it (default rules and config; pages not in English are skipped and
counted). For each family, one table gives warning+error findings per 1,000 linted words per
source and names the worst source; a last table does the same for every family together. Each
finding on clean copy is a false alarm unless the source really has the slip (``--show FAMILY``
lists them for review by hand). The figures are stored in ``benchmarks/results/clean_rates.json``
(``--all-rules`` stores none: it is a what-if, every rule of every pack switched on).

    .venv/bin/python benchmarks/clean_rates.py
    .venv/bin/python benchmarks/clean_rates.py --all-rules --show grammar
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from core import (
    ROOT,
    WARN_LEVELS,
    Linted,
    lint_rates,
    read_review,
    save_results,
    saved_note,
    source_table,
    sources,
)

from newslint.engine.linter import Linter
from newslint.engine.rules import builtin_pack_names

COMMAND = ".venv/bin/python benchmarks/clean_rates.py"
#: hand reviews of clean-copy findings (keys ``newslint:RULE:PATH:LINE:COLUMN``, path under
#: ../shared/eval): grammar from harper_compare.py's review, the other families from this one's
REVIEWS = (ROOT / "benchmarks" / "grammar_review.tsv", ROOT / "benchmarks" / "clean_review.tsv")
VERDICTS = ("real", "false", "preference", "unreviewed")


def review_key(linted: Linted, finding: Any) -> str:
    """The key a hand review files ``finding`` under."""
    return f"newslint:{finding.rule}:{linted.article.name}:{finding.line}:{finding.column}"


def verdict_rows(
    verdicts: dict[str, dict[str, int]], words: dict[str, int]
) -> dict[str, dict[str, float]]:
    """Per source: findings by hand verdict, and the false alarms per 1,000 words (a finding
    nobody reviewed counts as a false alarm, so the figure can only be too high)."""
    rows = {}
    for src, counts in verdicts.items():
        row: dict[str, float] = {v: counts.get(v, 0) for v in VERDICTS}
        wrong = row["false"] + row["preference"] + row["unreviewed"]
        row["false_per_1000"] = round(1000 * wrong / words[src], 3) if words.get(src) else 0.0
        rows[src] = row
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all-rules", action="store_true", help="every rule of every pack")
    parser.add_argument("--show", nargs="*", default=[], help="families whose findings to list")
    args = parser.parse_args()
    if not sources("clean"):
        print("no clean copy beside the project (../shared/eval is absent)")
        return 2
    linter = (
        Linter(select=["*"], packs=builtin_pack_names(), min_level="warning")
        if args.all_rules
        else Linter(min_level="warning")
    )
    shown: list[str] = []
    review: dict[str, tuple[str, str]] = {}
    for path in REVIEWS:
        review.update(read_review(path))
    verdicts: dict[str, dict[str, int]] = {}

    def each(linted: Linted) -> None:
        counts = verdicts.setdefault(linted.article.source, {})
        if linted.skipped:
            return
        for f in linted.result.findings:
            if f.level not in WARN_LEVELS:
                continue
            verdict = review.get(review_key(linted, f), ("unreviewed", ""))[0] or "unreviewed"
            counts[verdict] = counts.get(verdict, 0) + 1
            if f.family in args.show:
                shown.append(f"  {verdict[:4]} {review_key(linted, f)} {f.match!r}")

    started = time.perf_counter()
    rates = lint_rates(
        linter, "clean", key=lambda f: f.rule if f.level in WARN_LEVELS else None, each=each
    )
    elapsed = time.perf_counter() - started
    skipped = sum(rates.skipped.values())
    print(
        f"{'every rule of every pack' if args.all_rules else 'default rules'}: "
        f"{sum(rates.articles.values())} articles linted, {skipped} not in English skipped, "
        f"{sum(rates.words.values()):,} words, {elapsed:.0f} s\n"
    )
    families = sorted({rule.split(".")[0] for rule in rates.by_key()})
    figures: dict = {"families": {}}
    for family in families:
        rows = rates.rows(lambda key, fam=family: key.startswith(fam + "."))
        pooled = rates.pooled(lambda key, fam=family: key.startswith(fam + "."))
        print(source_table(f"{family}.*: warning+error per 1,000 words", rows, pooled=pooled))
        print()
        figures["families"][family] = {"sources": rows, "pooled": pooled}
    rows = rates.rows()
    for src, row in rows.items():
        row["not_english"] = rates.skipped[src]
    print(source_table("every family: warning+error per 1,000 words", rows, pooled=rates.pooled()))
    figures["all"] = {"sources": rows, "pooled": rates.pooled()}
    figures["by_rule"] = dict(sorted(rates.by_key().items()))
    reviewed = verdict_rows(verdicts, dict(rates.words))
    print()
    print(
        source_table(
            "every family by hand review (benchmarks/grammar_review.tsv, clean_review.tsv):"
            " false alarms per 1,000 words, unreviewed counted as false",
            reviewed,
            column="false_per_1000",
        )
    )
    figures["reviewed"] = reviewed
    if shown:
        print(f"\nwarnings of {', '.join(args.show)} on clean copy (review each by hand):")
        print("\n".join(shown))
    if not args.all_rules:
        print(saved_note(save_results("clean_rates", COMMAND, figures)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
