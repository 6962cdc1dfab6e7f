"""Genre detection and the profiles it chooses, measured per source (issue 15's aims).

1. ``detect``: detection against the hand labels in ``benchmarks/genre_labels.tsv`` (our
   verdicts, no source text), per source: the exact genre, and news or not (what decides whether
   the strict news profile applies). ``--show`` lists every miss.
2. ``clean``: warnings and errors per 1,000 words of clean published copy, linted as ``newslint
   check`` lints it (each file with the profile its genre chooses), per source: every family, and
   editorial+bias+boilerplate; aim <= 0.8 on the worst source. ``--findings`` lists every warning
   of those three families for review by hand.
3. ``checkthat``: each CheckThat! sentence as the second paragraph of a file under a neutral lead
   of our own; precision and recall of "an editorial or bias warning in the sentence" for SUBJ,
   per half of the sentences (a hash of the id: the tuning half was read while fixing the rules).
4. ``boilerplate``: line precision and recall on the scraped pages, per half of the domains
   (core.domain_halves: the first half was read while fixing the rules, the second is the figure
   of record).

The figures are stored in ``benchmarks/results/genre_eval.json``.

    .venv/bin/python benchmarks/genre_eval.py [detect clean checkthat boilerplate] [--show]
    .venv/bin/python benchmarks/genre_eval.py checkthat --half tuning   # while working
"""

from __future__ import annotations

import argparse
import bisect
import csv
import hashlib
import re
from collections import Counter, defaultdict
from typing import Any

from core import (
    EVAL,
    PRF,
    ROOT,
    WARN_LEVELS,
    Aim,
    Check,
    Linted,
    checkthat,
    domain_halves,
    lint_rates,
    save_results,
    saved_note,
    scraped_pages,
    source_table,
    sources,
)

from newslint.config import Config
from newslint.engine.linter import Linter
from newslint.readers import load_document, parse

COMMAND = ".venv/bin/python benchmarks/genre_eval.py"
LABELS = ROOT / "benchmarks" / "genre_labels.tsv"
MINE = ("editorial", "bias", "boilerplate")
#: the neutral lead a CheckThat! sentence follows (ours)
LEAD = "The city council met on Tuesday to review the annual budget, officials said."
HEADER_KINDS = {"headline", "dek", "byline", "dateline"}
STAMP = re.compile(
    r"^(?:By|Updated|Posted|Published)\b|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|GMT|ET|EST)", re.I
)


# -- 1. detection -------------------------------------------------------------------------------
def labels() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return [row for row in csv.DictReader(lines, delimiter="\t") if row["genre"] != "skip"]


def detect_eval(show: bool, figures: dict[str, Any], checks: dict[str, Check]) -> None:
    from newslint.genre import detect

    names = {str(a.path): src.name for src in sources("clean") for a in src}
    exact: dict[str, PRF] = defaultdict(PRF)  # tp: right, fn: wrong
    news: dict[str, PRF] = defaultdict(PRF)
    confusion: Counter[tuple[str, str]] = Counter()
    for row in labels():
        path = str(EVAL / row["file"])
        source = names.get(path, row["source"])
        decision = detect(load_document(path))
        gold, got = row["genre"], decision.genre
        exact[source].add(got == gold, True)
        news[source].add((got == "news") == (gold == "news"), True)
        confusion[(gold, got)] += 1
        if show and got != gold:
            print(
                f"  miss {row['file']}: labelled {gold}, detected {got} ({decision.origin}:"
                f" {'; '.join(decision.reasons[:2])})"
            )
    rows = {
        source: {
            "labelled": prf.tp + prf.fn,
            "genre_accuracy": prf.recall,
            "news_or_not": news[source].recall,
        }
        for source, prf in exact.items()
    }
    print(source_table("genre detection against hand labels", rows, "genre_accuracy", lower=False))
    print(
        source_table(
            "news or not (the strict profile or another)", rows, "news_or_not", lower=False
        )
    )
    genres = sorted({g for pair in confusion for g in pair})
    print("  confusion (rows: labelled; columns: detected)")
    print("  " + " " * 14 + "".join(f"{g:>14}" for g in genres))
    for gold in genres:
        print(f"  {gold:>14}" + "".join(f"{confusion[(gold, got)]:14}" for got in genres))
    figures["detect"] = {
        "sources": rows,
        "confusion": {f"{g} -> {d}": n for (g, d), n in sorted(confusion.items())},
    }
    worst_news = min(row["news_or_not"] for row in rows.values())
    checks["detect.news_or_not.worst"] = Check(
        worst_news, 0.8, lower=False, why="news or not, on the worst labelled source"
    )


# -- 2. clean copy ------------------------------------------------------------------------------
def clean_eval(findings: bool, figures: dict[str, Any], checks: dict[str, Check]) -> None:
    linter = Linter(min_level="warning")
    shown: list[str] = []
    profiles: dict[str, Counter[str]] = defaultdict(Counter)

    def each(linted: Linted) -> None:
        genre = linted.result.genre or {}
        profiles[linted.article.source][genre.get("profile", "-")] += 1
        for f in linted.result.findings:
            if findings and f.family in MINE and f.level in WARN_LEVELS:
                shown.append(
                    f"  {linted.article.name}:{f.line} {f.rule} {f.match[:60]!r}"
                    f"  | {f.context.strip()[:110]}"
                )

    rates = lint_rates(
        linter, "clean", key=lambda f: f.rule if f.level in WARN_LEVELS else None, each=each
    )
    every = rates.rows()
    mine = rates.rows(lambda key: key.split(".")[0] in MINE)
    aim = Aim(0.8)
    print(
        source_table(
            "every family, detected profile: warning+error per 1,000 words",
            every,
            aim=aim,
            pooled=rates.pooled(),
        )
    )
    print(
        source_table(
            "editorial+bias+boilerplate, detected profile: warning+error per 1,000 words",
            mine,
            aim=aim,
            pooled=rates.pooled(lambda key: key.split(".")[0] in MINE),
        )
    )
    for source, counts in profiles.items():
        print(f"  {source}: profiles " + ", ".join(f"{p} {n}" for p, n in counts.most_common()))
    if shown:
        print("\nwarnings of editorial, bias, boilerplate on clean copy (review each by hand):")
        print("\n".join(shown))
    figures["clean"] = {
        "every_family": every,
        "editorial_bias_boilerplate": mine,
        "profiles": {s: dict(c) for s, c in profiles.items()},
        "by_rule": dict(sorted(rates.by_key().items())),
    }
    worst_mine = max(row["per_1000"] for row in mine.values())
    checks["clean.editorial_bias_boilerplate.worst_per_1000"] = Check(
        worst_mine, 0.8, why="editorial+bias+boilerplate warnings on the worst clean source"
    )


# -- 3. CheckThat -------------------------------------------------------------------------------
def checkthat_half(key: str) -> str:
    """A fixed half of the CheckThat! sentences (by a hash of the id)."""
    return (
        "tuning" if int(hashlib.sha1(key.split(":")[-1].encode()).hexdigest(), 16) % 2 else "record"
    )


def checkthat_eval(
    show: bool, figures: dict[str, Any], checks: dict[str, Check], half: str | None = None
) -> None:
    """Score both halves, or only ``half`` (the other half's sentences are then never linted)."""
    linter = Linter()
    names = (half,) if half else ("tuning", "record")
    halves: dict[str, PRF] = {name: PRF() for name in names}
    per_rule: dict[str, PRF] = defaultdict(PRF)
    for sentence in checkthat():
        if checkthat_half(sentence.key) not in halves:
            continue  # the half not asked for is not read
        text = f"{LEAD}\n\n{sentence.text.strip()}\n"
        result = linter.lint_source(text, "/tmp/checkthat/sentence.txt", "text")
        hits = [
            f
            for f in result.findings
            if f.family in ("editorial", "bias") and f.level in WARN_LEVELS and f.line >= 3
        ]
        subjective = sentence.label == "SUBJ"
        halves[checkthat_half(sentence.key)].add(bool(hits), subjective)
        for rule in {f.rule for f in hits}:
            per_rule[rule].add(True, subjective)
        if show and hits and checkthat_half(sentence.key) == "tuning":
            print(f"  {sentence.label} {sorted({f.rule for f in hits})}")
    both = PRF(*(sum(getattr(p, k) for p in halves.values()) for k in ("tp", "fp", "fn")))
    print("CheckThat! train under a neutral lead: an editorial or bias warning in the sentence")
    for name, prf in [*halves.items(), *([] if half else [("all", both)])]:
        print(
            f"  {name:7} precision {prf.precision:.3f} recall {prf.recall:.3f}"
            f" (flagged {prf.tp + prf.fp}, SUBJ {prf.tp + prf.fn})"
        )
    for rule, prf in sorted(per_rule.items()):
        print(f"    {rule:32} SUBJ {prf.tp:3}  OBJ {prf.fp:3}  precision {prf.precision:.2f}")
    if half:
        return  # a partial run is a working figure, not one to store
    figures["checkthat"] = {
        **{name: prf.figures() for name, prf in halves.items()},
        "all": both.figures(),
        "by_rule": {rule: prf.figures() for rule, prf in sorted(per_rule.items())},
    }
    checks["checkthat.all.precision"] = Check(
        both.precision or 0.0, 0.7, lower=False, why="editorial+bias warnings on SUBJ sentences"
    )


# -- 4. boilerplate -----------------------------------------------------------------------------
def boilerplate_eval(show: str | None, figures: dict[str, Any], checks: dict[str, Check]) -> None:
    from newslint.readers.header import DATE_LINE

    pages = scraped_pages()
    tuning, record = domain_halves(p.domain for p in pages)
    config = Config()
    config.english_only = False
    linter = Linter()
    halves: dict[str, PRF] = {"tuning": PRF(), "record": PRF()}
    body: dict[str, PRF] = {"tuning": PRF(), "record": PRF()}
    for page in pages:
        half = "tuning" if page.domain in tuning else "record"
        lines = [line for line, _ in page.lines]
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 2
        document = parse("\n\n".join(lines), "/tmp/scraped/page.txt", "text")
        result = linter.check_document(document, config)
        flagged: dict[int, set[str]] = defaultdict(set)
        for f in result.findings:
            if f.family == "boilerplate":
                flagged[bisect.bisect_right(starts, f.offset) - 1].add(f.rule)
        title = lines[0].strip() if lines else ""
        for i, (line, gold) in enumerate(page.lines):
            block = document.block_at(starts[i] + len(line) - len(line.lstrip()))
            stripped = line.strip()
            header = gold and bool(
                (block is not None and block.kind in HEADER_KINDS)
                or (i and title and stripped.startswith(title[:60]))
                or DATE_LINE.match(stripped)
                or (STAMP.search(stripped) and len(stripped.split()) <= 15)
            )
            hit = i in flagged
            halves[half].add(hit, gold)
            if not header:
                body[half].add(hit, gold)
            if show == "fp" and half == "tuning" and hit and not gold:
                print(f"  FP {page.domain:26} {','.join(sorted(flagged[i]))}")
    print("boilerplate lines of scraped pages (domains in halves by a hash of the name)")
    for half, prf in halves.items():
        count = len(tuning if half == "tuning" else record)
        print(
            f"  {half:7} half ({count} domains): precision {prf.precision:.3f}"
            f" recall {prf.recall:.3f} (without header lines {body[half].recall:.3f})"
        )
    figures["boilerplate"] = {
        half: {**prf.figures(), "recall_without_header": body[half].recall}
        for half, prf in halves.items()
    }
    checks["boilerplate.record.precision"] = Check(
        halves["record"].precision or 0.0, 0.95, lower=False, why="held-out domains"
    )
    checks["boilerplate.record.recall"] = Check(
        halves["record"].recall or 0.0, 0.85, lower=False, why="held-out domains"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="*", default=["detect", "clean", "checkthat", "boilerplate"])
    parser.add_argument("--show", nargs="?", const="all", help="list misses (fp: boilerplate)")
    parser.add_argument("--findings", action="store_true", help="list clean-copy warnings")
    parser.add_argument(
        "--half",
        choices=("tuning", "record"),
        help="checkthat: lint and print only this half (work on the tuning half only)",
    )
    args = parser.parse_args()
    if not sources("clean"):
        print("no clean copy beside the project (../shared/eval is absent)")
        return 2
    figures: dict[str, Any] = {}
    checks: dict[str, Check] = {}
    for part in args.parts:
        {
            "detect": lambda: detect_eval(bool(args.show), figures, checks),
            "clean": lambda: clean_eval(args.findings, figures, checks),
            "checkthat": lambda: checkthat_eval(bool(args.show), figures, checks, args.half),
            "boilerplate": lambda: boilerplate_eval(args.show, figures, checks),
        }[part]()
        print()
    if set(args.parts) == {"detect", "clean", "checkthat", "boilerplate"} and not args.half:
        print(saved_note(save_results("genre_eval", COMMAND, figures, checks)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
