"""Genre detection and the profiles it chooses, measured per source on ../shared/eval.

1. ``detect``: detection against the hand labels in ``benchmarks/genre_labels.tsv`` (our
   verdicts, no source text), per source: exact genre, and news-or-not (what decides whether the
   strict news profile applies); a confusion table; ``--show`` lists every miss.
2. ``clean``: warnings and errors per 1,000 words of clean published copy with the profile each
   file's genre chooses, per source (scrapinghub, wikinews, each Markdown repo): all packs, and
   the editorial, bias and boilerplate families; the worst source is named. ``--findings`` lists
   every warning of those three families for review by hand.
3. ``checkthat``: each CheckThat! sentence as the second paragraph of a file under a neutral lead
   of our own; precision and recall of "an editorial or bias warning in the sentence" for SUBJ.
4. ``boilerplate``: line precision and recall on the scraped pages, per half of the domains
   (split by a hash of the name: the first half is for tuning, the second is the figure of
   record).

Usage: .venv/bin/python benchmarks/genre_eval.py [detect|clean|checkthat|boilerplate ...]
       [--show] [--findings] [--profile NAME]
"""

from __future__ import annotations

import argparse
import bisect
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.config import Config  # noqa: E402
from newslint.engine.linter import Linter  # noqa: E402
from newslint.readers import load_document, parse  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
LABELS = ROOT / "benchmarks" / "genre_labels.tsv"
WARN = {"warning", "error"}
MINE = ("editorial", "bias", "boilerplate")
#: the neutral lead a CheckThat! sentence follows (ours)
LEAD = "The city council met on Tuesday to review the annual budget, officials said."
HEADER_KINDS = {"headline", "dek", "byline", "dateline"}


def clean_sources() -> dict[str, list[Path]]:
    """Clean published copy by source: scrapinghub, wikinews, each Markdown repo."""
    sources = {
        "clean/scrapinghub": sorted((EVAL / "clean" / "scrapinghub").glob("*.txt")),
        "news/wikinews": sorted((EVAL / "news" / "wikinews").glob("*.txt")),
    }
    for repo in sorted(p for p in (EVAL / "markdown").iterdir() if p.is_dir()):
        files = sorted(p for p in repo.rglob("*") if p.suffix in (".md", ".mdx", ".markdown"))
        sources[f"markdown/{repo.name}"] = files
    return sources


def worst(table: dict[str, float], higher_is_worse: bool = True) -> str:
    name = (max if higher_is_worse else min)(table, key=table.__getitem__)
    return f"worst source: {name} ({table[name]:.2f})"


# -- 1. detection -------------------------------------------------------------------------------
def detect_eval(show: bool) -> None:
    from newslint.genre import detect

    rows = list(
        csv.DictReader(
            (line for line in LABELS.open(encoding="utf-8") if not line.startswith("#")),
            delimiter="\t",
        )
    )
    exact: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    news: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        if row["genre"] == "skip":
            continue
        decision = detect(load_document(str(EVAL / row["file"])))
        gold, got = row["genre"], decision.genre
        exact[row["source"]][0] += got == gold
        exact[row["source"]][1] += 1
        news[row["source"]][0] += (got == "news") == (gold == "news")
        news[row["source"]][1] += 1
        confusion[(gold, got)] += 1
        if show and got != gold:
            print(
                f"  miss {row['file']}: labelled {gold}, detected {got} ({decision.origin}:"
                f" {'; '.join(decision.reasons[:2])})"
            )
    print("genre detection against hand labels (benchmarks/genre_labels.tsv)")
    print(f"  {'source':55} {'files':>5} {'genre':>7} {'news or not':>12}")
    accuracy = {}
    for source, (right, total) in exact.items():
        accuracy[source] = right / total
        n_right, _ = news[source]
        print(f"  {source:55} {total:5} {right / total:7.2f} {n_right / total:12.2f}")
    print(f"  {worst(accuracy, higher_is_worse=False)}")
    genres = sorted({g for pair in confusion for g in pair})
    print("  confusion (rows: labelled, columns: detected): " + " ".join(f"{g:>8}" for g in genres))
    for gold in genres:
        cells = " ".join(f"{confusion[(gold, got)]:8}" for got in genres)
        print(f"  {gold:>48} {cells}")


# -- 2. clean copy ------------------------------------------------------------------------------
def clean_eval(profile: str | None, findings: bool) -> None:
    linter = Linter(stats=True, profile=profile)
    rates: dict[str, float] = {}
    mine_rates: dict[str, float] = {}
    print(f"clean copy, warnings and errors per 1,000 words ({profile or 'detected'} profile)")
    print(f"  {'source':55} {'words':>7} {'all':>6} {'ed+bias+bp':>10}  genres")
    for source, files in clean_sources().items():
        words = count = mine = 0
        genres: Counter[str] = Counter()
        rules: Counter[str] = Counter()
        for path in files:
            result = linter.lint_file(str(path))
            if result.stats:
                words += result.stats["words"]
            if result.genre and result.genre.get("genre"):
                genres[result.genre["profile"]] += 1
            for f in result.findings:
                if f.level not in WARN:
                    continue
                count += 1
                rules[f.rule] += 1
                if f.family in MINE:
                    mine += 1
                    if findings:
                        print(
                            f"    {path.relative_to(EVAL)}:{f.line} {f.rule} {f.match[:60]!r}"
                            f"  | {f.context.strip()[:120]}"
                        )
        rates[source] = count * 1000 / max(words, 1)
        mine_rates[source] = mine * 1000 / max(words, 1)
        mix = ", ".join(f"{g} {n}" for g, n in genres.most_common())
        print(f"  {source:55} {words:7} {rates[source]:6.2f} {mine_rates[source]:10.2f}  {mix}")
        top = ", ".join(f"{r} {n}" for r, n in rules.most_common(6))
        print(f"  {'':55} {top}")
    print(f"  all packs: {worst(rates)}; editorial+bias+boilerplate: {worst(mine_rates)}")


# -- 3. CheckThat -------------------------------------------------------------------------------
def checkthat_half(sentence_id: str) -> str:
    """A fixed half of the CheckThat! sentences (by a hash of the id): tune on one, report both."""
    return "tuning" if int(hashlib.sha1(sentence_id.encode()).hexdigest(), 16) % 2 else "record"


def checkthat_eval(show: bool) -> None:
    path = EVAL / "bias" / "checkthat2023_train.tsv"
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    linter = Linter()
    counts: dict[str, Counter[str]] = {"tuning": Counter(), "record": Counter()}
    per_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        text = f"{LEAD}\n\n{row['sentence'].strip()}\n"
        result = linter.lint_source(text, "/tmp/checkthat/sentence.txt", "text")
        hits = [
            f
            for f in result.findings
            if f.family in ("editorial", "bias") and f.level in WARN and f.line >= 3
        ]
        subjective = row["label"] == "SUBJ"
        c = counts[checkthat_half(row["sentence_id"])]
        c["tp"] += bool(hits) and subjective
        c["fp"] += bool(hits) and not subjective
        c["fn"] += not hits and subjective
        for rule in {f.rule for f in hits}:
            per_rule[rule][0 if subjective else 1] += 1
        if show and hits and checkthat_half(row["sentence_id"]) == "tuning":
            verdict = "SUBJ" if subjective else "OBJ "
            print(f"  {verdict} {sorted({f.rule for f in hits})} {[f.match[:30] for f in hits]}")
    print(f"CheckThat! train, {len(rows)} sentences under a neutral lead: editorial+bias warnings")
    counts["all"] = counts["tuning"] + counts["record"]
    for half, c in counts.items():
        precision = c["tp"] / max(c["tp"] + c["fp"], 1)
        recall = c["tp"] / max(c["tp"] + c["fn"], 1)
        print(
            f"  {half:7} precision {precision:.3f} recall {recall:.3f}"
            f" (flagged {c['tp'] + c['fp']}, SUBJ {c['tp'] + c['fn']})"
        )
    for rule, (subj, obj) in sorted(per_rule.items()):
        print(f"    {rule:32} SUBJ {subj:3}  OBJ {obj:3}  precision {subj / (subj + obj):.2f}")


# -- 4. boilerplate -----------------------------------------------------------------------------
def domain_halves(domains: set[str]) -> tuple[set[str], set[str]]:
    ordered = sorted(domains, key=lambda d: (hashlib.sha1(d.encode()).hexdigest(), d))
    middle = (len(ordered) + 1) // 2
    return set(ordered[:middle]), set(ordered[middle:])


def boilerplate_eval(show: str | None) -> None:
    from newslint.readers.header import DATE_LINE

    stamp = re.compile(
        r"^(?:By|Updated|Posted|Published)\b|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|GMT|ET|EST)", re.I
    )
    pages: dict[str, tuple[str, list[tuple[str, bool]]]] = {}
    tsv = EVAL / "boilerplate" / "scraped_lines.tsv"
    with tsv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            _, lines = pages.setdefault(row["page_id"], (row["domain"], []))
            lines.append((row["line"].replace("\n", " "), row["label"] == "boilerplate"))
    tune, record = domain_halves({d for d, _ in pages.values()})
    config = Config()
    config.english_only = False
    linter = Linter()
    totals: dict[str, Counter[str]] = {"tuning": Counter(), "record": Counter()}
    for domain, rows in pages.values():
        half = "tuning" if domain in tune else "record"
        lines = [line for line, _ in rows]
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
        for i, (line, gold) in enumerate(rows):
            block = document.block_at(starts[i] + len(line) - len(line.lstrip()))
            stripped = line.strip()
            header = gold and (
                (block is not None and block.kind in HEADER_KINDS)
                or (i and title and stripped.startswith(title[:60]))
                or DATE_LINE.match(stripped)
                or (stamp.search(stripped) and len(stripped.split()) <= 15)
            )
            hit = i in flagged
            c = totals[half]
            c["tp"] += hit and gold
            c["fp"] += hit and not gold
            c["fn"] += not hit and gold
            c["fn_body"] += not hit and gold and not header
            if show == "fp" and half == "tuning" and hit and not gold:
                print(f"  FP {domain:26} {','.join(sorted(flagged[i]))}")
            if show == "fn" and half == "tuning" and not hit and gold and not header:
                print(f"  FN {domain:26}")
    print("boilerplate lines of scraped pages (domains split in halves by a hash of the name)")
    for half, c in totals.items():
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        rb = c["tp"] / max(c["tp"] + c["fn_body"], 1)
        count = len(tune if half == "tuning" else record)
        print(
            f"  {half:7} half ({count} domains): precision {p:.3f} recall {r:.3f}"
            f" (without header lines {rb:.3f}); tp {c['tp']} fp {c['fp']} fn {c['fn']}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", default=["detect", "clean", "checkthat", "boilerplate"])
    parser.add_argument("--show", nargs="?", const="all", help="list misses (fp/fn: boilerplate)")
    parser.add_argument("--findings", action="store_true", help="list clean-copy warnings")
    parser.add_argument("--profile", help="one profile for every clean file (default: detected)")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"evaluation data not found at {EVAL}")
        return 1
    for part in args.parts:
        if part == "detect":
            detect_eval(bool(args.show))
        elif part == "clean":
            clean_eval(args.profile, args.findings)
        elif part == "checkthat":
            checkthat_eval(bool(args.show))
        elif part == "boilerplate":
            boilerplate_eval(args.show)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
