"""Spelling findings on clean published copy, per source, through the linter.

Every clean source of ``../shared/eval/`` is linted with only the ``spelling.*`` rules (as the
files would be linted: readers, blocks, scopes): the ScrapingHub article bodies, Wikinews, and
each Markdown repo on its own. For each source it prints words, findings by level, warnings and
errors per 1,000 words, and names the worst source; ``--list`` prints every warning and error
(``--list-suggestions`` the suggestions too) with its line, for reading by hand.

Usage: .venv/bin/python benchmarks/spelling_sources.py [--list] [--list-suggestions]
The evaluation data is read in place, never copied into the project.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))


def clean_sources() -> dict[str, list[Path]]:
    """Source name -> its article files (each Markdown repo is its own source)."""
    out = {
        "clean/scrapinghub": sorted((EVAL / "clean" / "scrapinghub").glob("*.txt")),
        "news/wikinews": sorted((EVAL / "news" / "wikinews").glob("*.txt")),
    }
    for repo in sorted(p for p in (EVAL / "markdown").iterdir() if p.is_dir()):
        files = sorted(f for f in repo.rglob("*") if f.suffix in (".md", ".mdx"))
        out[f"markdown/{repo.name}"] = files
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every warning and error")
    parser.add_argument("--list-suggestions", action="store_true", help="print suggestions too")
    parser.add_argument("--source", action="append", help="only sources containing this text")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"evaluation data not found at {EVAL}")
        return 1
    from newslint.engine.linter import Linter

    linter = Linter(select=["spelling.*"], min_level="suggestion", stats=True)
    rows = []
    for source, files in clean_sources().items():
        if args.source and not any(s in source for s in args.source):
            continue
        words = 0
        levels: Counter[str] = Counter()
        rules: Counter[str] = Counter()
        for path in files:
            result = linter.lint_file(str(path))
            words += (result.stats or {}).get("words", 0)
            for f in result.findings:
                levels[f.level] += 1
                rules[f.rule] += 1
                show = f.level != "suggestion" or args.list_suggestions
                if args.list and show:
                    print(f"{source}\t{path.name[:40]}:{f.line}\t{f.level}\t{f.rule}\t{f.message}")
        flagged = levels["warning"] + levels["error"]
        rows.append((source, len(files), words, levels, flagged, rules))
    print(
        f"\n{'source':48} {'files':>5} {'words':>7} {'err':>4} {'warn':>4} {'sugg':>4} "
        f"{'warn+err/1k':>11} {'sugg/1k':>7}"
    )
    for source, n, words, levels, flagged, _ in rows:
        print(
            f"{source:48} {n:5d} {words:7d} {levels['error']:4d} {levels['warning']:4d} "
            f"{levels['suggestion']:4d} {1000 * flagged / max(words, 1):11.3f} "
            f"{1000 * levels['suggestion'] / max(words, 1):7.3f}"
        )
    if rows:
        worst = max(rows, key=lambda r: r[4] / max(r[2], 1))
        print(f"worst source (warnings + errors per 1,000 words): {worst[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
