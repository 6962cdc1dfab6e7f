"""Measure the boilerplate rule pack on third-party evaluation data (read-only, not shipped).

1. ``../shared/eval/boilerplate/scraped_lines.tsv``: each page's lines joined with blank lines are
   one plain-text document; a line counts as flagged when a boilerplate finding starts on it.
   Line-level precision and recall of "flagged" against ``label == boilerplate``, overall and per
   domain. The data labels the headline, byline, dates and captions boilerplate; the reader
   treats the lines at the top as the article's header (never flagged), so recall is also given
   without header-like lines: those the reader classified as headline/dek/byline/dateline, lines
   repeating the page title, and byline/date-shaped lines anywhere (readers/header.py patterns).
2. ``../shared/eval/clean/scrapinghub/``: findings per 1,000 words of clean article bodies.
3. The sample article: which boilerplate rules fire on which line.

Usage: .venv/bin/python benchmarks/boilerplate_eval.py [--domains] [--show fp|fn|clean]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.config import Config  # noqa: E402
from newslint.engine.linter import Linter  # noqa: E402
from newslint.engine.rules import load_rules  # noqa: E402
from newslint.readers import parse  # noqa: E402
from newslint.readers.header import DATE_LINE  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
TSV = EVAL / "boilerplate" / "scraped_lines.tsv"
CLEAN = EVAL / "clean" / "scrapinghub"
SEED = ROOT / "seeds" / "000_d2c5ac03fb099af7.txt"
RULES = ROOT / "rules" / "news" / "boilerplate.yaml"
HEADER_KINDS = {"headline", "dek", "byline", "dateline"}
STAMP = re.compile(
    r"^(?:By|Updated|Posted|Published)\b|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|GMT|ET|EST)", re.I
)


def load_pages() -> dict[str, tuple[str, list[tuple[str, bool]]]]:
    pages: dict[str, tuple[str, list[tuple[str, bool]]]] = {}
    with TSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            domain, lines = pages.setdefault(row["page_id"], (row["domain"], []))
            lines.append((row["line"].replace("\n", " "), row["label"] == "boilerplate"))
    return pages


#: lint every page, also those not in English (the default config skips them; --english-only)
CONFIG = Config()


def lint(text: str, linter: Linter, rules: list) -> tuple[list, object]:
    document = parse(text, "<eval>", "text")
    return linter.lint_document(document, CONFIG, rules=rules).findings, document


def page_lines(lines: list[str]) -> tuple[str, list[int]]:
    """The document text and the text offset where each line starts."""
    starts, pos, parts = [], 0, []
    for line in lines:
        starts.append(pos)
        parts.append(line)
        pos += len(line) + 2
    return "\n\n".join(parts), starts


def header_like(line: str, kind: str | None, title: str) -> bool:
    stripped = line.strip()
    return (
        kind in HEADER_KINDS
        or (bool(title) and stripped.startswith(title[:60]))
        or bool(DATE_LINE.match(stripped))
        or bool(STAMP.search(stripped) and len(stripped.split()) <= 15)
    )


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scraped(linter: Linter, rules: list, show: str | None, per_domain: bool) -> None:
    if not TSV.exists():
        print(f"skip: {TSV} absent")
        return
    totals = defaultdict(int)
    domains: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for domain, rows in load_pages().values():
        lines = [line for line, _ in rows]
        text, starts = page_lines(lines)
        findings, document = lint(text, linter, rules)
        flagged: dict[int, set[str]] = defaultdict(set)
        for f in findings:
            flagged[bisect_right(starts, f.offset) - 1].add(f.rule)
        title = lines[0].strip() if lines else ""
        for i, (line, gold) in enumerate(rows):
            block = document.block_at(starts[i] + (len(line) - len(line.lstrip())))
            kind = block.kind if block else None
            hit = i in flagged
            for rule in flagged.get(i, ()):
                by_rule[rule][0 if gold else 1] += 1
            excluded = gold and header_like(line, kind, title if i else "")
            totals["tp"] += hit and gold
            totals["fp"] += hit and not gold
            totals["fn"] += (not hit) and gold
            totals["fn_x"] += (not hit) and gold and not excluded
            totals["tp_x"] += hit and gold and not excluded
            totals["excluded"] += excluded
            d = domains[domain]
            d[0] += hit and gold
            d[1] += hit and not gold
            d[2] += (not hit) and gold
            if show == "fp" and hit and not gold:
                print(f"FP {domain:24} {','.join(sorted(flagged[i]))}: {line[:110]}")
            if show == "fn" and not hit and gold and not excluded:
                print(f"FN {domain:24} {line[:120]}")
    p, r, f1 = prf(totals["tp"], totals["fp"], totals["fn"])
    _, rx, _ = prf(totals["tp_x"], totals["fp"], totals["fn_x"])
    print(f"scraped_lines.tsv: {len(domains)} domains, lines flagged {totals['tp'] + totals['fp']}")
    print(f"  all boilerplate lines:        precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(
        f"  without header-like lines ({totals['excluded']} excluded): recall {rx:.3f}"
        f"  F1 {2 * p * rx / (p + rx):.3f}"
    )
    print("  per rule (lines on which it fired: boilerplate / content):")
    for rule, (good, bad) in sorted(by_rule.items()):
        print(f"    {rule:26} {good:5} / {bad:4}")
    if per_domain:
        print("  per domain: precision recall (tp fp fn)")
        for domain, (tp, fp, fn) in sorted(domains.items()):
            dp, dr, _ = prf(tp, fp, fn)
            print(f"    {domain:32} {dp:.2f} {dr:.2f} ({tp} {fp} {fn})")


def clean(linter: Linter, rules: list, show: bool) -> None:
    if not CLEAN.exists():
        print(f"skip: {CLEAN} absent")
        return
    words = count = 0
    by_rule: dict[str, int] = defaultdict(int)
    by_page: dict[str, tuple[int, int]] = {}
    levels: list[str] = []
    for path in sorted(CLEAN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        findings, _ = lint(text, linter, rules)
        count += len(findings)
        by_page[path.stem] = (len(findings), len(text.split()))
        for f in findings:
            by_rule[f.rule] += 1
            levels.append(f.level)
            if show:
                print(f"CLEAN {path.stem[:8]} {f.rule}: {f.match[:100]!r}")
    print(
        f"clean/scrapinghub: {count} findings in {words} words = {count * 1000 / words:.2f} per 1,000 words"
    )
    for rule, n in sorted(by_rule.items()):
        print(f"    {rule:26} {n}")
    worst, (n, w) = max(by_page.items(), key=lambda kv: kv[1][0])
    suggestions = sum(1 for level in levels if level == "suggestion")
    print(
        f"  without suggestions: {(count - suggestions) * 1000 / words:.2f} per 1,000 words;"
        f" without the page with most findings ({worst[:12]}: {n}):"
        f" {(count - n) * 1000 / (words - w):.2f} per 1,000 words"
    )


def seed(linter: Linter, rules: list) -> None:
    text = SEED.read_text(encoding="utf-8")
    findings, document = lint(text, linter, rules)
    print("sample article:")
    for f in findings:
        print(f"    line {f.line:3} {f.rule:24} {f.match[:70]!r}")


def bisect_right(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=("fp", "fn", "clean"))
    parser.add_argument("--domains", action="store_true", help="per-domain figures")
    parser.add_argument(
        "--english-only",
        action="store_true",
        help="skip pages that are not in English, as the default configuration does",
    )
    args = parser.parse_args()
    if hasattr(CONFIG, "english_only"):
        CONFIG.english_only = args.english_only
    rules = [r for r in load_rules([("news", str(RULES))]) if r.enabled]
    linter = Linter()
    scraped(linter, rules, args.show, args.domains)
    clean(linter, rules, args.show == "clean")
    seed(linter, rules)


if __name__ == "__main__":
    main()
