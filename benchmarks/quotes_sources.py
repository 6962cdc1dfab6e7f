"""``quotes.*`` warnings per 1,000 words on every clean source, split as the attribution grammar
was tuned and checked, with the cost of the quotation analysis per article.

Sources are the shared core's: ``scrapinghub``, ``wikinews`` and each Markdown repo; ``--group
dev`` is the copy the grammar was developed on (``scrapinghub`` with the ``propaganda`` and
``polnear`` groups); ``--group check`` keeps the clean sources held back to check it (Wikinews and
the Markdown repos). ``--half a`` / ``--half b`` split every check source in two fixed halves (by
a hash of the file name): after the first check run, half a was read to learn from, half b was
kept unread for a figure of record, and was read only after that figure was taken. Unbalanced
marks are counted apart (``no-unbal``): the aim does not count real ones in published copy.

The cost is the CPU time of ``analyse_quotes`` plus the narration's citations per article, on an
Analysis whose spaCy pass is done (it reads the analysis' tokens; no second tokenisation).

Usage: .venv/bin/python benchmarks/quotes_sources.py [--group all|dev|check|all-dev]
       [--half a|b] [--source NAME ...] [--show [RULE ...]]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter
from collections.abc import Iterable

from core import Article, count_words, lint_articles, per_1000, sources

from newslint.engine.linter import Linter

AIM = 0.1  # quotes.* warnings per 1,000 words on the worst clean source, unbalanced apart
DEV = ("scrapinghub",)


def _half(articles: Iterable[Article], half: str) -> list[Article]:
    ranked = sorted(articles, key=lambda a: hashlib.sha1(a.path.name.encode()).hexdigest())
    middle = (len(ranked) + 1) // 2
    return ranked[:middle] if half == "a" else ranked[middle:]


def chosen(group: str, half: str | None, only: list[str] | None) -> list[tuple[str, list[Article]]]:
    """(source name, articles) in a fixed order."""
    picked: list[tuple[str, list[Article]]] = []
    for src in sources("clean"):
        if group == "dev" and src.name not in DEV or group == "check" and src.name in DEV:
            continue
        items = list(src)
        if half and src.name not in DEV:
            items = _half(items, half)
        picked.append((src.name, items))
    if group in ("dev", "all-dev"):
        for extra in ("propaganda", "polnear"):
            picked += [(s.name, list(s)) for s in sources(extra)]
    return [(name, items) for name, items in picked if not only or name in only]


def quotes_cost(linted_document: object) -> float:
    """CPU seconds of the quotation analysis of one document (spaCy pass excluded)."""
    from newslint.analysis.core import Analysis
    from newslint.analysis.quotes import analyse_quotes

    analysis = Analysis(linted_document)  # type: ignore[arg-type]
    paragraphs = [(b.start, b.end, b.kind) for b in analysis.document.blocks]
    sentences = [(s.start, s.end) for s in analysis.sentences]
    tokens = (analysis.idxs, analysis.texts, analysis.lowers)
    t0 = time.process_time()
    _ = analyse_quotes(analysis.text, paragraphs, sentences, tokens).citations
    return time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", choices=("all", "dev", "check", "all-dev"), default="all")
    ap.add_argument("--half", choices=("a", "b"), help="half a or b of each check source")
    ap.add_argument("--source", action="append", help="only these sources (repeatable)")
    ap.add_argument("--show", nargs="*", help="print findings of these rules (none: every rule)")
    args = ap.parse_args()
    picked = chosen(args.group, args.half, args.source)
    if not picked:
        print("no evaluation data beside the project")
        return 1
    linter = Linter(select=["quotes.*"])
    rows: list[tuple[str, int, int, Counter[str]]] = []
    seconds, articles = 0.0, 0
    for name, items in picked:
        counts: Counter[str] = Counter()
        words = 0
        for linted in lint_articles(linter, items):
            if linted.skipped:
                continue
            words += linted.words or count_words(linted.document.text)
            seconds += quotes_cost(linted.document)
            articles += 1
            for f in linted.result.findings:
                if f.level not in ("warning", "error"):
                    continue
                counts[f.rule] += 1
                if args.show is not None and (not args.show or f.rule in args.show):
                    where = f"{name} {linted.article.path.name[:40]}:{f.line}"
                    print(
                        f"{f.rule:24} {where}  [{f.match[:70]}]\n    {f.message[:150]}\n"
                        f"    | {f.context[:220]}"
                    )
        rows.append((name, len(items), words, counts))
    rules = sorted({r for *_, c in rows for r in c})
    print(f"\n{'source':46} {'files':>5} {'words':>8} {'all/1k':>7} {'no-unbal/1k':>11}  by rule")
    clean = {s.name for s in sources("clean")}
    worst = ("", -1.0)
    for name, files, words, counts in rows:
        total = sum(counts.values())
        rate = per_1000(total - counts["quotes.unbalanced"], words)
        if name in clean and rate > worst[1]:
            worst = (name, rate)
        by_rule = " ".join(f"{r.split('.', 1)[1]}={counts[r]}" for r in rules if counts[r])
        print(
            f"{name:46} {files:5} {words:8} {per_1000(total, words):7.3f} {rate:11.3f}  {by_rule}"
        )
    if worst[0]:
        print(f"worst clean source: {worst[0]} at {worst[1]:.3f} per 1,000 words (aim <= {AIM})")
    print(
        f"quotation analysis: {1000 * seconds / max(articles, 1):.2f} ms per article over "
        f"{articles} articles (analyse_quotes + citations, CPU time, spaCy pass excluded)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
