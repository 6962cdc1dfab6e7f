"""False-positive rates of the readability, grammar and style rules on professional copy.

Lints the clean article bodies in ``../shared/eval/clean/scrapinghub/`` and prints findings per
1,000 words for each rule and family, then lints every BABE sentence
(``../shared/eval/bias/babe_sg2.csv``) as its own document and counts grammar findings there.
Every finding of the families named with ``--show`` is printed with its context, for review by
hand (all clean copy: each one is a false positive unless the source really has the slip).

    .venv/bin/python benchmarks/packs_clean_rate.py                # the three rule files
    .venv/bin/python benchmarks/packs_clean_rate.py --packs news ap-style --show grammar style
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.engine.linter import Linter  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_PACKS = [
    str(ROOT / "rules" / "news" / "readability.yaml"),
    str(ROOT / "rules" / "news" / "grammar.yaml"),
    str(ROOT / "rules" / "ap-style" / "style.yaml"),
]


def make_linter(packs: list[str], select: list[str]) -> Linter:
    """A linter over exactly ``packs`` (shipped names or rule-file paths), every rule enabled."""
    handle, path = tempfile.mkstemp(suffix=".yaml")
    with os.fdopen(handle, "w") as fh:
        fh.write("packs: [" + ", ".join(f"'{p}'" for p in packs) + "]\n")
        fh.write("min-level: suggestion\n")
    linter = Linter(config_path=path, select=select, stats=True)
    os.unlink(path)
    return linter


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", nargs="+", default=DEFAULT_PACKS)
    parser.add_argument("--select", nargs="*", default=[], help="rule id globs (default: all)")
    parser.add_argument("--show", nargs="*", default=["grammar"], help="families to list")
    args = parser.parse_args()
    clean = EVAL / "clean" / "scrapinghub"
    if not clean.is_dir():
        print(f"evaluation data not found at {clean}")
        return 1
    linter = make_linter(args.packs, args.select)
    per_rule: Counter[str] = Counter()
    per_family: Counter[str] = Counter()
    words = 0
    shown: list[str] = []
    started = time.perf_counter()
    files = sorted(clean.glob("*.txt"))
    for path in files:
        result = linter.lint_file(str(path))
        if result.error:
            print(f"error: {result.error}")
        if result.notice:
            print(f"skipped: {result.notice}")
        words += (result.stats or {}).get("words", 0)
        for f in result.findings:
            per_rule[f.rule] += 1
            per_family[f.family] += 1
            if f.family in args.show:
                shown.append(
                    f"  {path.name}:{f.line} {f.rule} [{f.level}] {f.match!r}\n      {f.context.strip()[:200]}"
                )
    elapsed = time.perf_counter() - started
    print(f"clean copy: {len(files)} articles, {words:,} words, {elapsed:.1f} s")
    print(f"{'rule':32} {'findings':>9} {'per 1,000 words':>16}")
    for family, count in sorted(per_family.items()):
        print(f"{family + '.*':32} {count:>9} {1000 * count / max(words, 1):>16.3f}")
    for rule, count in sorted(per_rule.items()):
        print(f"  {rule:30} {count:>9} {1000 * count / max(words, 1):>16.3f}")
    if shown:
        print(f"\nfindings of {', '.join(args.show)} on clean copy (review each by hand):")
        print("\n".join(shown))

    babe = EVAL / "bias" / "babe_sg2.csv"
    if babe.is_file():
        grammar = make_linter(args.packs, ["grammar.*"])
        with babe.open(encoding="utf-8-sig", newline="") as fh:
            sentences = [row["text"] for row in csv.DictReader(fh, delimiter=";")]
        hits = []
        babe_words = 0
        for sentence in sentences:
            result = grammar.lint_source(sentence, "babe.txt", "text")
            babe_words += (result.stats or {}).get("words", 0)
            hits.extend((f.rule, f.match, sentence) for f in result.findings)
        print(
            f"\nBABE: {len(sentences):,} sentences, {babe_words:,} words, "
            f"{len(hits)} grammar findings ({1000 * len(hits) / max(babe_words, 1):.3f} per 1,000 words)"
        )
        for rule, match, sentence in hits:
            print(f"  {rule} {match!r}: {sentence[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
