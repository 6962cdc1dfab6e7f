"""``quotes.*`` warnings per 1,000 words on every clean source, one row per source, worst named.

The sources are those of the shared benchmark core: ``scrapinghub`` (clean/scrapinghub),
``wikinews`` (news/wikinews) and each Markdown repo (``owner/repo``); ``--group dev`` adds the
copy the attribution grammar was developed on (``ptc``: the propaganda-task news articles,
``polnear``: the PolNeAR political news) and ``--group check`` keeps only the sources held back
to check it (Wikinews and the Markdown repos). ``--half a`` / ``--half b`` split every check
source in two fixed halves: after the first check run, half a was read to learn from and half b
kept unread for the figure of record. ``quotes.unbalanced`` findings are listed apart
(``--list-unbalanced``): the aim does not count real unbalanced marks in published copy.

It also times the quotation analysis alone (``analyse_quotes`` plus the narration's citations)
per article, on an Analysis whose spaCy pass is already done.

Usage: .venv/bin/python benchmarks/quotes_sources.py [--group all|dev|check] [--show RULE...]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVAL = ROOT.parent / "shared" / "eval"
AIM = 0.1  # quotes.* warnings per 1,000 words, on the worst clean source
DEV = ("scrapinghub", "ptc", "polnear")


@dataclass(frozen=True)
class Source:
    name: str
    paths: tuple[Path, ...]


def sources(group: str, half: str | None = None) -> list[Source]:
    """The sources of a group that are present, in a fixed order."""
    found = [
        Source("scrapinghub", tuple(sorted((EVAL / "clean" / "scrapinghub").glob("*.txt")))),
        Source("wikinews", tuple(sorted((EVAL / "news" / "wikinews").glob("*.txt")))),
    ]
    markdown = EVAL / "markdown"
    for folder in sorted(p for p in markdown.iterdir() if p.is_dir()) if markdown.is_dir() else ():
        name = folder.name.replace("__", "/", 1) if "__" in folder.name else folder.name
        name = name.replace("_", "/", 1) if "/" not in name else name
        paths = tuple(sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".mdx")))
        found.append(Source(name, paths))
    if group in ("dev", "all-dev"):
        found += [
            Source("ptc", tuple(sorted((EVAL / "propaganda" / "articles").glob("article*.txt")))),
            Source("polnear", tuple(sorted((EVAL / "quotes" / "polnear" / "text").glob("*.txt")))),
        ]
    if group == "dev":
        found = [s for s in found if s.name in DEV]
    elif group == "check":
        found = [s for s in found if s.name not in DEV]
    if half:
        found = [Source(s.name, s.paths if s.name in DEV else _half(s.paths, half)) for s in found]
    return [s for s in found if s.paths]


def _half(paths: tuple[Path, ...], half: str) -> tuple[Path, ...]:
    """One of two fixed halves of a source's files (by a hash of the file name): after the first
    check, half ``a`` of each check source was read to learn from; half ``b`` stayed unread."""
    ranked = sorted(paths, key=lambda p: hashlib.sha1(p.name.encode()).hexdigest())
    middle = (len(ranked) + 1) // 2
    return tuple(sorted(ranked[:middle] if half == "a" else ranked[middle:]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", choices=("all", "dev", "check", "all-dev"), default="all")
    ap.add_argument("--source", action="append", help="only these sources (repeatable)")
    ap.add_argument(
        "--half", choices=("a", "b"), help="half a or b of each check source (see _half)"
    )
    ap.add_argument("--show", nargs="*", help="print findings of these rules (none: every rule)")
    ap.add_argument("--list-unbalanced", action="store_true", help="print quotes.unbalanced")
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"no evaluation data at {EVAL}")
        return 1
    from newslint.analysis.core import Analysis
    from newslint.analysis.quotes import analyse_quotes
    from newslint.engine.linter import Linter
    from newslint.readers import load_document

    linter = Linter(select=["quotes.*"])
    rows: list[tuple[str, int, int, Counter[str]]] = []
    quote_seconds = 0.0
    articles = 0
    for src in sources(args.group, args.half):
        if args.source and src.name not in args.source:
            continue
        counts: Counter[str] = Counter()
        words = 0
        for path in src.paths:
            config = linter.config_for(str(path))
            document = load_document(str(path), None, config.max_file_size)
            result = linter.lint_document(document, config)
            analysis = Analysis(document)
            words += analysis.word_count
            paragraphs = [(b.start, b.end, b.kind) for b in document.blocks]
            sentences = [(s.start, s.end) for s in analysis.sentences]
            tokens = (analysis.idxs, analysis.texts, analysis.lowers)
            t0 = time.process_time()
            _ = analyse_quotes(document.text, paragraphs, sentences, tokens).citations
            quote_seconds += time.process_time() - t0
            articles += 1
            for f in result.findings:
                if f.level not in ("warning", "error"):
                    continue
                counts[f.rule] += 1
                wanted = args.show is not None and (not args.show or f.rule in args.show)
                if wanted or (args.list_unbalanced and f.rule == "quotes.unbalanced"):
                    where = f"{src.name} {path.name[:40]}:{f.line}"
                    print(
                        f"{f.rule:24} {where}  [{f.match[:70]}]\n    {f.message[:150]}\n"
                        f"    | {f.context[:220]}"
                    )
        rows.append((src.name, len(src.paths), words, counts))
    rules = sorted({r for *_, c in rows for r in c})
    print(f"\n{'source':46} {'files':>5} {'words':>8} {'all/1k':>7} {'no-unbal/1k':>11}  by rule")
    worst = ("", -1.0)
    for name, files, words, counts in rows:
        total = sum(counts.values())
        balanced = total - counts["quotes.unbalanced"]
        rate = 1000 * balanced / max(words, 1)
        if rate > worst[1]:
            worst = (name, rate)
        by_rule = " ".join(f"{r.split('.', 1)[1]}={counts[r]}" for r in rules if counts[r])
        print(
            f"{name:46} {files:5} {words:8} {1000 * total / max(words, 1):7.3f} {rate:11.3f}  "
            f"{by_rule}"
        )
    print(f"worst source: {worst[0]} at {worst[1]:.3f} per 1,000 words (aim <= {AIM})")
    print(
        f"quotation analysis: {1000 * quote_seconds / max(articles, 1):.2f} ms per article "
        f"over {articles} articles (analyse_quotes + citations, CPU time, spaCy pass excluded)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
