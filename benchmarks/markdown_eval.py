"""Warnings and errors per 1,000 prose words on each Markdown repo of ../shared/eval/markdown,
with the default rules, and the worst repo named.

    .venv/bin/python benchmarks/markdown_eval.py [--dump findings.tsv]

A repo is a source (``owner/repo``): the two newsroom repos sit in ``owner_repo`` folders, the
others in ``owner__repo`` folders (``MANIFEST-more.tsv``). Prose words are the words of the text
the readers extract (newslint's metrics word counter), so markup counts for nothing. ``--dump``
writes every warning and error with its line and the source line it sits on, for reading them
one by one (keep the file outside the project: it quotes third-party text).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MARKDOWN = ROOT.parent / "shared" / "eval" / "markdown"
WARN_LEVELS = ("warning", "error")


def repos() -> dict[str, list[Path]]:
    """``owner/repo`` -> its Markdown files, from the folder names."""
    out: dict[str, list[Path]] = {}
    for folder in sorted(p for p in MARKDOWN.iterdir() if p.is_dir()):
        name = folder.name.replace("__", "/", 1) if "__" in folder.name else folder.name
        name = name if "/" in name else name.replace("_", "/", 1)
        files = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".mdx"))
        if files:
            out[name] = files
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write every warning and error to this TSV")
    args = parser.parse_args()
    if not MARKDOWN.is_dir():
        print(f"evaluation data not found at {MARKDOWN}", file=sys.stderr)
        return 2
    from newslint.analysis.metrics import words
    from newslint.engine.linter import Linter
    from newslint.readers import load_document

    linter = Linter()
    rows = []
    dump = []
    for repo, files in repos().items():
        prose_words, found, by_rule = 0, 0, Counter()
        for path in files:
            document = load_document(str(path))
            result = linter.lint_document(document, linter.config_for(str(path)))
            prose_words += len(words(document.text))
            for f in result.findings:
                if f.level in WARN_LEVELS:
                    found += 1
                    by_rule[f.rule] += 1
                    dump.append((repo, path.name, f.line, f.rule, f.match, f.context.strip()))
        rate = 1000 * found / prose_words if prose_words else 0.0
        top = ", ".join(f"{rule} {n}" for rule, n in by_rule.most_common(3))
        rows.append((rate, repo, len(files), prose_words, found, top))
    print(f"{'repo':45s} {'files':>5s} {'words':>8s} {'w+e':>5s} {'/1000':>6s}  top rules")
    for rate, repo, n, prose_words, found, top in rows:
        print(f"{repo:45s} {n:5d} {prose_words:8d} {found:5d} {rate:6.2f}  {top}")
    total_words = sum(r[3] for r in rows)
    total = sum(r[4] for r in rows)
    print(f"{'pooled':45s} {sum(r[2] for r in rows):5d} {total_words:8d} {total:5d} "
          f"{1000 * total / max(total_words, 1):6.2f}")  # fmt: skip
    worst = max(rows)
    print(f"worst repo: {worst[1]} ({worst[0]:.2f} warnings+errors per 1,000 prose words)")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for row in dump:
                out.write("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in row))
                out.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
