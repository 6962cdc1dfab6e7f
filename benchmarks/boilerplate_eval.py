"""Measure the boilerplate rule pack on third-party evaluation data (read-only, not shipped).

1. ``../shared/eval/boilerplate/scraped_lines.tsv``: each page's lines joined with blank lines are
   one plain-text document; a line counts as flagged when a boilerplate finding starts on it.
   Line-level precision and recall of "flagged" against ``label == boilerplate``, overall and per
   domain. The data labels the headline, byline, dates and captions boilerplate; the reader
   treats the lines at the top as the article's header (never flagged), so recall is also given
   without header-like lines: those the reader classified as headline/dek/byline/dateline, lines
   repeating the page title, and byline/date-shaped lines anywhere (readers/header.py patterns).
2. Every clean source (scrapinghub, wikinews, each Markdown repo): findings per 1,000 words,
   with the worst source named (and without each source's page with most findings).
3. The sample article: which boilerplate rules fire on which line.

Per-domain figures name the worst domain; the domains are also split into two fixed halves
(core.domain_halves) so a change tuned on the first half can be checked on the second. A full
run stores its figures in ``benchmarks/results/boilerplate_eval.json``, which the eval tests read.

Usage: .venv/bin/python benchmarks/boilerplate_eval.py [--domains] [--show fp|fn|clean]
"""

from __future__ import annotations

import argparse
import bisect
import re
from collections import defaultdict
from collections.abc import Collection

from core import (
    PRF,
    ROOT,
    SEED,
    Aim,
    Check,
    Rates,
    count_words,
    domain_halves,
    have,
    save_results,
    saved_note,
    scraped_pages,
    source_table,
    sources,
    worst,
)

from newslint.config import Config
from newslint.engine.linter import Linter
from newslint.engine.rules import load_rules
from newslint.readers import parse
from newslint.readers.header import DATE_LINE

COMMAND = ".venv/bin/python benchmarks/boilerplate_eval.py"
RULES = ROOT / "rules" / "news" / "boilerplate.yaml"
HEADER_KINDS = {"headline", "dek", "byline", "dateline"}
STAMP = re.compile(
    r"^(?:By|Updated|Posted|Published)\b|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|GMT|ET|EST)", re.I
)
#: boilerplate findings per 1,000 words of clean copy, leaving out each source's one page with
#: most findings (in scrapinghub, a shop page of product widgets that passes as an article)
CLEAN_AIM = Aim(0.5)

#: lint every page, also those not in English (the default config skips them; --english-only)
CONFIG = Config()


def boilerplate_rules() -> list:
    return [r for r in load_rules([("news", str(RULES))]) if r.enabled]


def lint(text: str, linter: Linter, rules: list, fmt: str = "text") -> tuple[list, object]:
    document = parse(text, "<eval>", fmt)
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


def scraped(linter: Linter, rules: list, show: str | None, per_domain: bool) -> dict:
    if not have("boilerplate", "scraped_lines.tsv"):
        print("skip: boilerplate/scraped_lines.tsv absent")
        return {}
    totals = defaultdict(int)
    domains: dict[str, PRF] = defaultdict(PRF)
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for page in scraped_pages():
        lines = [line for line, _ in page.lines]
        text, starts = page_lines(lines)
        findings, document = lint(text, linter, rules)
        flagged: dict[int, set[str]] = defaultdict(set)
        for f in findings:
            flagged[bisect.bisect_right(starts, f.offset) - 1].add(f.rule)
        title = lines[0].strip() if lines else ""
        for i, (line, gold) in enumerate(page.lines):
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
            domains[page.domain].add(hit, gold)
            if show == "fp" and hit and not gold:
                print(f"FP {page.domain:24} {','.join(sorted(flagged[i]))}: {line[:110]}")
            if show == "fn" and not hit and gold and not excluded:
                print(f"FN {page.domain:24} {line[:120]}")
    pooled = PRF(totals["tp"], totals["fp"], totals["fn"])
    without_header = PRF(totals["tp_x"], totals["fp"], totals["fn_x"])
    p, r, f1 = pooled.precision or 0.0, pooled.recall or 0.0, pooled.f1 or 0.0
    rx = without_header.recall or 0.0
    print(f"scraped_lines.tsv: {len(domains)} domains, lines flagged {totals['tp'] + totals['fp']}")
    print(f"  all boilerplate lines:        precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(
        f"  without header-like lines ({totals['excluded']} excluded): recall {rx:.3f}"
        f"  F1 {2 * p * rx / (p + rx):.3f}"
    )
    print("  per rule (lines on which it fired: boilerplate / content):")
    for rule, (good, bad) in sorted(by_rule.items()):
        print(f"    {rule:26} {good:5} / {bad:4}")
    rows = {d: domains[d].figures() for d in sorted(domains)}
    if per_domain:
        for column in ("precision", "recall"):
            print(source_table(f"  per domain, worst on {column}:", rows, column, lower=False))
    else:
        for column in ("precision", "recall"):
            print(f"  worst domain on {column}: {worst(rows, column, lower=False)}")
    halves = {}
    for name, half in zip(("first half", "second half"), domain_halves(domains), strict=True):
        prf = PRF()
        for d in half:
            prf.tp += domains[d].tp
            prf.fp += domains[d].fp
            prf.fn += domains[d].fn
        halves[name] = {"domains": len(half), **prf.figures()}
    print(
        source_table(
            "  domain halves (tune on the first, report on the second):",
            halves,
            "precision",
            lower=False,
        )
    )
    return {
        "pooled": pooled.figures(),
        "recall_without_header_like": round(rx, 4),
        "halves": halves,
        "domains": rows,
        "by_rule": {
            rule: {"boilerplate": g, "content": b} for rule, (g, b) in sorted(by_rule.items())
        },
    }


def clean_rates(
    linter: Linter, rules: list, show: bool = False, only: Collection[str] | None = None
) -> tuple[Rates, Rates]:
    """Boilerplate findings per clean source (keys ``RULE [LEVEL]``; the sources named in
    ``only``, else all), and the same without each source's one page with most findings."""
    rates, trimmed = Rates(), Rates()
    for src in sources("clean"):
        if only is not None and src.name not in only:
            continue
        pages = []
        for article in src:
            findings, document = lint(article.read(), linter, rules, article.fmt)
            pages.append((count_words(document.text), [f"{f.rule} [{f.level}]" for f in findings]))
            for f in findings:
                if show:
                    print(f"CLEAN {src.name} {article.name} {f.rule}: {f.match[:100]!r}")
        busiest = max(range(len(pages)), key=lambda i: len(pages[i][1]))
        for i, (words, keys) in enumerate(pages):
            rates.add(src.name, words, keys)
            if i != busiest:
                trimmed.add(src.name, words, keys)
    return rates, trimmed


def not_suggestion(key: str) -> bool:
    return not key.endswith("[suggestion]")


def clean(linter: Linter, rules: list, show: bool) -> dict:
    if not sources("clean"):
        print("skip: no clean copy beside the project")
        return {}
    rates, trimmed = clean_rates(linter, rules, show)
    rows = rates.rows()
    for src, row in rows.items():
        row["warning+_per_1000"] = round(rates.rate(src, not_suggestion), 3)
        row["per_1000_but_busiest_page"] = round(trimmed.rate(src), 3)
    print(
        source_table(
            "clean copy: boilerplate findings per 1,000 words (all levels)",
            rows,
            "per_1000_but_busiest_page",
            CLEAN_AIM,
            rates.pooled(),
        )
    )
    per_rule: dict[str, int] = defaultdict(int)
    for src in rates.sources:
        for key, n in rates.counts[src].items():
            per_rule[key.split(" ")[0]] += n
    for rule, n in sorted(per_rule.items()):
        print(f"    {rule:26} {n}")
    return {"sources": rows, "by_rule": dict(sorted(per_rule.items()))}


def seed(linter: Linter, rules: list) -> None:
    findings, _document = lint(SEED.read_text(encoding="utf-8"), linter, rules)
    print("sample article:")
    for f in findings:
        print(f"    line {f.line:3} {f.rule:24} {f.match[:70]!r}")


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
    CONFIG.english_only = args.english_only
    rules = boilerplate_rules()
    linter = Linter()
    figures = {"scraped": scraped(linter, rules, args.show, args.domains)}
    figures["clean"] = clean(linter, rules, args.show == "clean")
    seed(linter, rules)
    if args.english_only or not figures["scraped"] or not figures["clean"]:
        print("(not the default run on all the data: results not stored)")
        return
    rows = figures["clean"]["sources"]
    checks = {
        "clean.scrapinghub.per_1000_but_busiest_page": Check(
            rows["scrapinghub"]["per_1000_but_busiest_page"],
            CLEAN_AIM.value,
            why="boilerplate findings per 1,000 words of scrapinghub clean copy, its busiest "
            "page (a shop page of product widgets) left out",
        ),
    }
    print(saved_note(save_results("boilerplate_eval", COMMAND, figures, checks)))


if __name__ == "__main__":
    main()
