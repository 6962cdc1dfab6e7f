"""Warnings and errors per 1,000 prose words on each Markdown repo of ../shared/eval/markdown, with
the default rules: one line per repo in the per-source table, the worst repo named.

    .venv/bin/python benchmarks/markdown_eval.py [--dump findings.tsv]

The repos are the Markdown sources of ``core.sources("clean")`` (``owner/repo``). Prose words are
counted by core's word counter on the text the readers extract, so markup counts for nothing. The
three rules with the most warnings are listed per repo, for reading. ``--dump`` writes every
warning and error with the source line it sits on, to classify them by hand (keep that file
outside the project: it quotes third-party text). The figures are stored in
``benchmarks/results/markdown_eval.json``; the aim that no finding comes from markup is checked
by ``tests/test_markdown_eval.py`` and ``tests/test_readers_fuzz.py``, not here.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from core import WARN_LEVELS, Linted, lint_rates, save_results, saved_note, source_table, sources

from newslint.engine.linter import Linter

COMMAND = ".venv/bin/python benchmarks/markdown_eval.py"


def markdown_repos() -> list[str]:
    """The clean sources that are Markdown repos."""
    return [src.name for src in sources("clean") if src.articles[0].fmt == "markdown"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write every warning and error to this TSV")
    args = parser.parse_args()
    repos = markdown_repos()
    if not repos:
        print("no Markdown repos beside the project (../shared/eval/markdown is absent)")
        return 2
    dump: list[tuple[str, ...]] = []

    def each(linted: Linted) -> None:
        for f in linted.result.findings:
            if f.level in WARN_LEVELS:
                dump.append((linted.article.name, linted.article.path.name, str(f.line), f.rule,
                             f.match, f.context.strip()))  # fmt: skip

    rates = lint_rates(
        Linter(min_level="warning"),
        "clean",
        key=lambda f: f.rule if f.level in WARN_LEVELS else None,
        each=each,
        only=repos,
    )
    rows = rates.rows()
    title = "Markdown repos, default rules: warning+error findings per 1,000 prose words"
    print(source_table(title, rows, pooled=rates.pooled()))
    print("\nmost frequent rules per repo:")
    for repo in rows:
        top = Counter(rates.counts.get(repo, Counter())).most_common(3)
        print(f"  {repo}: " + ", ".join(f"{rule} {n}" for rule, n in top))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for row in dump:
                out.write("\t".join(x.replace("\t", " ").replace("\n", " ") for x in row) + "\n")
    figures = {
        "sources": rows,
        "pooled": rates.pooled(),
        "by_rule": {repo: dict(sorted(rates.counts.get(repo, Counter()).items())) for repo in rows},
    }
    print(saved_note(save_results("markdown_eval", COMMAND, figures)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
