"""Measure the ``quotes.*`` rules end to end through the linter.

1. PolNeAR (``../shared/eval/quotes/polnear/``): of the annotated DIRECT quotations that have a
   Source, the share ``quotes.orphan`` wrongly flags; orphan findings that land on annotated
   content with no Source, and on text no annotation covers at all (printed for inspection).
   Other ``quotes.*`` findings are counted per rule.
2. Clean published copy, per source (scrapinghub, wikinews, each Markdown repo):
   ``quotes.*`` warnings per 1,000 linted words, per rule, the worst source named; twice: with
   the profile each file's genre gets (as ``newslint check`` lints it: a blog post's orphan
   quotations are suggestions there) and with the news profile on every file (the attribution
   grammar held to news conventions everywhere: the figure of record for issue 16's aim).
3. The sample article: its ``quotes.*`` findings.

A full run stores its figures in ``benchmarks/results/quotes_rules_eval.json``.

Usage: .venv/bin/python benchmarks/quotes_rules_eval.py [--show]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from core import (
    SEED,
    WARN_LEVELS,
    Check,
    Linted,
    is_direct,
    lint_articles,
    lint_rates,
    overlap,
    polnear,
    ratio,
    save_results,
    saved_note,
    source_table,
    sources,
)

from newslint.engine.linter import Linter
from newslint.findings import Finding

COMMAND = ".venv/bin/python benchmarks/quotes_rules_eval.py"
#: share of annotated direct quotations with a Source that quotes.orphan flags (issue 16)
ORPHAN_AIM = 0.01
#: quotes.* warnings per 1,000 words on every clean source, real unbalanced marks apart (issue 16)
CLEAN_AIM = 0.1


def source_spans(linted: Linted) -> list[tuple[Finding, int, int]]:
    """Findings with their span in the SOURCE file."""
    document = linted.document
    out = []
    for f in linted.result.findings:
        start = document.source_offset(f.offset)
        end = document.source_offset(max(f.offset + f.length - 1, f.offset)) + 1
        out.append((f, start, end))
    return out


def show(kind: str, path: Path, source: str, f: Finding, start: int, end: int) -> None:
    line = source[max(0, start - 60) : end + 60].replace("\n", " ")
    print(f"  {kind:14} {path.name[:38]:38} {f.rule:24} {f.match[:60]!r}\n      …{line}…")


def polnear_counts(linter: Linter, show_findings: bool = False) -> tuple[Counter, Counter, int]:
    """Counts of gold quotations and of orphan findings by what they land on, findings by rule,
    and the words linted."""
    annotated = polnear()
    by_path = {article.path: attributions for article, attributions in annotated}
    c: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    words = 0
    for linted in lint_articles(linter, [article for article, _ in annotated]):
        attributions = by_path[linted.article.path]
        source, path = linted.document.source, linted.article.path
        findings = source_spans(linted)
        words += linted.words
        rules.update(f.rule for f, _, _ in findings)
        orphans = [(f, s, e) for f, s, e in findings if f.rule == "quotes.orphan"]
        for a in attributions:
            if not a.source or not is_direct(source, a.content):
                continue
            c["gold"] += 1
            flagged = [
                (f, s, e) for f, s, e in orphans if any(overlap((s, e), fr) for fr in a.content)
            ]
            if flagged:
                c["gold_flagged"] += 1
                if show_findings:
                    show("WRONG-ORPHAN", path, source, *flagged[0])
        content = [(fr, bool(a.source)) for a in attributions for fr in a.content]
        for f, s, e in orphans:
            hits = [has_source for fr, has_source in content if overlap((s, e), fr)]
            if not hits:
                c["orphan_unannotated"] += 1
                label = "UNANNOTATED"
            elif not any(hits):
                c["orphan_no_source"] += 1
                label = "NO-SOURCE"
            else:
                c["orphan_with_source"] += 1
                label = ""
            if show_findings and label:
                show(label, path, source, f, s, e)
        if show_findings:
            for f, s, e in findings:
                if f.rule != "quotes.orphan":
                    show("OTHER", path, source, f, s, e)
    return c, rules, words


def polnear_report(linter: Linter, show_findings: bool) -> dict:
    c, rules, words = polnear_counts(linter, show_findings)
    share = ratio(c["gold_flagged"], c["gold"]) or 0.0
    print(f"PolNeAR: {len(polnear())} articles, {words} words")
    print(f"  annotated direct quotations with a Source: {c['gold']}")
    print(
        f"  wrongly flagged quotes.orphan: {c['gold_flagged']} ({share:.3f})  (aim <= {ORPHAN_AIM})"
    )
    print(
        f"  quotes.orphan findings: {rules['quotes.orphan']}; on annotated "
        f"content with a Source: {c['orphan_with_source']}, with no Source: "
        f"{c['orphan_no_source']}, on no annotation at all: {c['orphan_unannotated']}"
    )
    print(f"  quotes.* findings by rule: {dict(sorted(rules.items()))}")
    return {
        "words": words,
        "counts": dict(sorted(c.items())),
        "wrongly_flagged_orphan_share": share,
        "by_rule": dict(sorted(rules.items())),
    }


def clean(linter: Linter, show_findings: bool, title: str) -> dict:
    def each(linted: Linted) -> None:
        if not show_findings:
            return
        for f, s, e in source_spans(linted):
            if f.level in WARN_LEVELS:
                kind = "CLEAN-SKIPPED" if linted.skipped else "CLEAN"
                show(kind, linted.article.path, linted.document.source, f, s, e)

    rates = lint_rates(
        linter, "clean", key=lambda f: f.rule if f.level in WARN_LEVELS else None, each=each
    )
    rows = rates.rows()
    for src, row in rows.items():
        row["not_english"] = rates.skipped[src]
        balanced = row["findings"] - rates.count(src, lambda k: k == "quotes.unbalanced")
        row["per_1000_no_unbalanced"] = round(1000 * balanced / max(row["words"], 1), 3)
    print(
        source_table(
            f"clean copy, {title}: quotes.* warnings per 1,000 linted words (pages not in English "
            "skipped)",
            rows,
            column="per_1000_no_unbalanced",
            pooled=rates.pooled(),
        )
    )
    words = sum(rates.words.values())
    for rule, n in sorted(rates.by_key().items()):
        print(f"    {rule:26} {n:4} ({1000 * n / max(words, 1):.3f} per 1,000 words)")
    worst = max(rows.values(), key=lambda r: r["per_1000_no_unbalanced"])
    return {
        "sources": rows,
        "by_rule": dict(sorted(rates.by_key().items())),
        "worst_per_1000_no_unbalanced": worst["per_1000_no_unbalanced"],
    }


def seed(linter: Linter) -> None:
    print("sample article:")
    for linted in lint_articles(linter, [a for src in sources("seed") for a in src]):
        for f in linted.result.findings:
            print(f"  line {f.line:3} {f.rule:24} {f.match[:60]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print findings for inspection")
    args = ap.parse_args()
    linter = Linter(select=["quotes.*"])
    figures: dict[str, dict] = {}
    if polnear():
        figures["polnear"] = polnear_report(linter, args.show)
    else:
        print("no PolNeAR data at ../shared/eval/quotes/polnear")
    if sources("clean"):
        figures["clean"] = clean(linter, args.show, "each file's own profile")
        news = Linter(select=["quotes.*"], profile="news")
        figures["clean_news_profile"] = clean(news, args.show, "news profile on every file")
    else:
        print("no clean copy beside the project")
    if SEED.exists():
        seed(linter)
    if len(figures) < 3:
        return 0
    checks = {
        "polnear.wrongly_flagged_orphan_share": Check(
            figures["polnear"]["wrongly_flagged_orphan_share"],
            ORPHAN_AIM,
            why="share of annotated direct quotations with a Source that quotes.orphan flags",
        ),
        "clean.worst_per_1000_no_unbalanced": Check(
            figures["clean"]["worst_per_1000_no_unbalanced"],
            CLEAN_AIM,
            why="quotes.* warnings per 1,000 words on the worst clean source, unbalanced marks "
            "(real errors in published copy) apart, each file under its genre's profile",
        ),
        "clean_news_profile.worst_per_1000_no_unbalanced": Check(
            figures["clean_news_profile"]["worst_per_1000_no_unbalanced"],
            CLEAN_AIM,
            why="the same with the news profile on every file (orphans are warnings in blog "
            "posts too): the attribution grammar's own figure",
        ),
    }
    print(saved_note(save_results("quotes_rules_eval", COMMAND, figures, checks)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
