"""Measure the ``quotes.*`` rules end to end through the linter.

1. PolNeAR (``../shared/eval/quotes/polnear/``): of the annotated DIRECT quotations that have a
   Source, the share ``quotes.orphan`` wrongly flags; orphan findings that land on annotated
   content with no Source, and on text no annotation covers at all (printed for inspection).
   Other ``quotes.*`` findings are counted per rule.
2. Clean professional copy (``../shared/eval/clean/scrapinghub/``): ``quotes.*`` warnings per
   1,000 words, per rule.
3. The sample article: its ``quotes.*`` findings.

Usage: .venv/bin/python benchmarks/quotes_rules_eval.py [--show] [--eval DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quotes_polnear import is_direct, overlap, parse_ann  # noqa: E402

from newslint.engine.linter import Linter  # noqa: E402
from newslint.findings import Finding  # noqa: E402
from newslint.readers import load_document  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT / "seeds" / "000_d2c5ac03fb099af7.txt"


def lint(linter: Linter, path: Path) -> tuple[list[tuple[Finding, int, int]], int, str]:
    """Findings with their span in the SOURCE file, the word count and the source text."""
    from newslint.analysis.core import Analysis

    document = load_document(str(path), None, 50_000_000)
    config = linter.config_for(str(path))
    result = linter.lint_document(document, config)
    out = []
    for f in result.findings:
        start = document.source_offset(f.offset)
        end = document.source_offset(max(f.offset + f.length - 1, f.offset)) + 1
        out.append((f, start, end))
    words = Analysis(document).word_count
    return out, words, document.source


def show(kind: str, path: Path, source: str, f: Finding, start: int, end: int) -> None:
    line = source[max(0, start - 60) : end + 60].replace("\n", " ")
    print(f"  {kind:14} {path.name[:38]:38} {f.rule:24} {f.match[:60]!r}\n      …{line}…")


def polnear(linter: Linter, data: Path, args: argparse.Namespace) -> None:
    anns = {p.name.rsplit("_", 1)[0]: p for p in (data / "attributions").glob("*.ann")}
    c: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    words = 0
    for tpath in sorted((data / "text").glob("*.txt")):
        ann = anns.get(tpath.stem)
        if ann is None:
            continue
        attributions = parse_ann(ann)
        findings, n_words, source = lint(linter, tpath)
        words += n_words
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
                if args.show:
                    show("WRONG-ORPHAN", tpath, source, *flagged[0])
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
            if args.show and label:
                show(label, tpath, source, f, s, e)
        if args.show:
            for f, s, e in findings:
                if f.rule != "quotes.orphan":
                    show("OTHER", tpath, source, f, s, e)
    gold = c["gold"] or 1
    print(f"PolNeAR: {len(anns)} articles, {words} words")
    print(f"  annotated direct quotations with a Source: {c['gold']}")
    print(
        f"  wrongly flagged quotes.orphan: {c['gold_flagged']} ({c['gold_flagged'] / gold:.3f})"
        "  (aim <= 0.02)"
    )
    print(
        f"  quotes.orphan findings: {sum(1 for _ in range(rules['quotes.orphan']))}; on annotated "
        f"content with a Source: {c['orphan_with_source']}, with no Source: "
        f"{c['orphan_no_source']}, on no annotation at all: {c['orphan_unannotated']}"
    )
    print(f"  quotes.* findings by rule: {dict(sorted(rules.items()))}")


_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "a",
        "in",
        "is",
        "that",
        "it",
        "for",
        "was",
        "on",
        "with",
        "as",
        "are",
    ]
)


def is_english(text: str) -> bool:
    """Rough check: common English function words make up at least a tenth of the words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return bool(words) and sum(w in _ENGLISH for w in words) >= 0.1 * len(words)


def clean(linter: Linter, folder: Path, args: argparse.Namespace) -> None:
    rules: Counter[str] = Counter()
    english: Counter[str] = Counter()
    words = english_words = english_files = 0
    files = sorted(folder.glob("*.txt"))
    for path in files:
        findings, n_words, source = lint(linter, path)
        en = is_english(source)
        words += n_words
        english_words += n_words if en else 0
        english_files += en
        for f, s, e in findings:
            if f.level in ("warning", "error"):
                rules[f.rule] += 1
                english[f.rule] += en
                if args.show:
                    show("CLEAN" if en else "CLEAN-NOT-EN", path, source, f, s, e)
    print(f"clean (scrapinghub): {len(files)} articles, {words} words")
    for label, counts, n_words, n_files in (
        ("all pages", rules, words, len(files)),
        ("English pages only", english, english_words, english_files),
    ):
        total = sum(counts.values())
        print(
            f"  {label} ({n_files} articles, {n_words} words): quotes.* warnings {total} = "
            f"{total * 1000 / max(n_words, 1):.3f} per 1,000 words"
        )
        for rule, n in sorted(counts.items()):
            print(f"    {rule:26} {n:4} ({n * 1000 / max(n_words, 1):.3f} per 1,000 words)")


def seed(linter: Linter) -> None:
    if not SEED.exists():
        return
    findings, _, _ = lint(linter, SEED)
    print("sample article:")
    for f, _, _ in findings:
        print(f"  line {f.line:3} {f.rule:24} {f.match[:60]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--show", action="store_true", help="print findings for inspection")
    args = ap.parse_args()
    linter = Linter(select=["quotes.*"])
    data = args.eval / "quotes" / "polnear"
    if (data / "text").is_dir():
        polnear(linter, data, args)
    else:
        print(f"no PolNeAR data at {data}")
    folder = args.eval / "clean" / "scrapinghub"
    if folder.is_dir():
        clean(linter, folder, args)
    else:
        print(f"no clean corpus at {folder}")
    seed(linter)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
