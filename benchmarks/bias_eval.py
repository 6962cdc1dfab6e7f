"""Measure the editorial and bias rule packs on third-party data in ../shared/eval.

1. BABE (bias/babe_sg2.csv): per rule and for the pack, precision and recall of "sentence
   flagged" against ``label_bias == Biased`` (each sentence linted as one body paragraph).
2. PTC propaganda (propaganda/): recall of ``Slogans`` and ``Loaded_Language`` gold spans that sit
   in narration (outside quotation marks, by our quote analyser), and findings per 1,000 words.
3. Clean professional copy (clean/scrapinghub/): findings per 1,000 words, by rule and level.

4. ``--weasel-review``: every bias.weasel hit (any level) on the three corpora, with its sentence
   and the hand verdict recorded in ``benchmarks/weasel_review.tsv`` (key, match, verdict, reason:
   no eval text beyond the matched rule phrase); prints precision over the judged hits and lists
   the hits still to judge.

Usage: .venv/bin/python benchmarks/bias_eval.py [--show RULE] [--only babe|ptc|clean] [--limit N]
       .venv/bin/python benchmarks/bias_eval.py --weasel-review [--quiet]
``--show`` prints the flagged text of one rule on every corpus (to inspect false positives).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"
FAMILIES = ("editorial", "bias")
WARN = {"warning", "error"}
STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "it",
        "by",
        "be",
        "at",
        "from",
        "he",
        "his",
        "said",
        "are",
        "this",
        "have",
        "has",
        "an",
        "not",
        "but",
        "which",
        "they",
        "were",
    ]
)


def is_english(text: str) -> bool:
    """A crude test: at least 10% of the whitespace-separated words are common English words."""
    words = text.split()
    return sum(w.lower().strip(".,;:\"'") in STOPWORDS for w in words) >= 0.1 * max(len(words), 1)


def load_pack():
    """The editorial and bias rules straight from their YAML files, and a linter to run them."""
    from newslint.config import Config
    from newslint.engine.linter import Linter
    from newslint.engine.rules import load_rules

    files = [("news", str(ROOT / "rules" / "news" / f"{f}.yaml")) for f in FAMILIES]
    return load_rules(files), Linter(), Config()


def lint(text: str, rules, linter, config, header: bool = False):
    from newslint.readers import parse

    document = parse(text, "<eval>", "text", detect_header=header)
    result = linter.lint_document(document, config, rules=rules)
    return document, result.findings


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


# -- BABE -----------------------------------------------------------------------------------
def babe(rules, linter, config, show: str | None, limit: int | None) -> None:
    path = EVAL / "bias" / "babe_sg2.csv"
    with path.open(encoding="utf-8-sig") as handle:
        rows = [
            r
            for r in csv.DictReader(handle, delimiter=";")
            if r["label_bias"] in ("Biased", "Non-biased")
        ]
    rows = rows[:limit] if limit else rows
    positives = sum(r["label_bias"] == "Biased" for r in rows)
    flagged: dict[str, list[bool]] = defaultdict(
        list
    )  # rule or view -> gold label per flagged sentence
    for row in rows:
        gold = row["label_bias"] == "Biased"
        _, findings = lint(row["text"], rules, linter, config)
        seen: set[str] = set()
        for f in findings:
            keys = {f.rule, f"{f.rule} [{f.level}]"}
            if f.level in WARN:
                keys.add("PACK warning+")
            keys.add("PACK any level")
            for key in keys - seen:
                flagged[key].append(gold)
            seen |= keys
            if show and f.rule == show:
                print(f"  BABE {'B' if gold else 'N'} [{f.level}] {f.match!r}: {row['text'][:160]}")
    print(
        f"\nBABE: {len(rows)} sentences, {positives} Biased (base rate {positives / len(rows):.2f})"
    )
    print(f"{'rule / view':42} {'flagged':>7} {'prec':>6} {'recall':>6}")
    for key in sorted(flagged, key=lambda k: (not k.startswith("PACK"), k)):
        hits = flagged[key]
        tp = sum(hits)
        print(f"{key:42} {len(hits):7d} {ratio(tp, len(hits)):>6} {ratio(tp, positives):>6}")


# -- PTC propaganda ----------------------------------------------------------------------------
def ptc(rules, linter, config, show: str | None, limit: int | None) -> None:
    from newslint.analysis.core import Analysis

    base = EVAL / "propaganda"
    spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    with (base / "ptc_spans.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["technique"] in ("Slogans", "Loaded_Language"):
                spans[row["article_id"]].append(
                    (row["technique"], int(row["start"]), int(row["end"]))
                )
    articles = sorted(base.joinpath("articles").glob("article*.txt"))
    articles = articles[:limit] if limit else articles
    gold = Counter()
    caught: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    words = narration_words = 0
    for path in articles:
        source = path.read_text(encoding="utf-8")
        document, findings = lint(source, rules, linter, config, header=False)
        analysis = Analysis(document)
        words += analysis.word_count
        narration_words += analysis.narration_word_count
        to_text = {document.source_offset(i): i for i in range(len(document.text))}
        for f in findings:
            levels["warning+" if f.level in WARN else "suggestion"] += 1
            by_rule[f.rule] += 1
            if show and f.rule == show:
                print(f"  PTC {path.name} [{f.level}] {f.match!r}: {f.context[:140]}")
        article_id = path.stem.removeprefix("article")
        for technique, start, end in spans.get(article_id, []):
            text_start = next((to_text[o] for o in range(start, end) if o in to_text), None)
            if text_start is None or analysis.quotes.in_quote(text_start):
                continue
            text_end = to_text.get(end - 1, text_start) + 1
            gold[technique] += 1
            intended = "editorial.slogan" if technique == "Slogans" else "bias.loaded"
            overlapping = [
                f for f in findings if f.offset < text_end and text_start < f.offset + f.length
            ]
            if overlapping:
                caught[f"{technique} by pack (any level)"] += 1
            if any(f.level in WARN for f in overlapping):
                caught[f"{technique} by pack (warning+)"] += 1
            if any(f.rule == intended for f in overlapping):
                caught[f"{technique} by {intended} (any level)"] += 1
    print(f"\nPTC: {len(articles)} articles, {words} words ({narration_words} in narration)")
    for technique in ("Slogans", "Loaded_Language"):
        print(f"  {technique}: {gold[technique]} gold spans in narration")
        for key in sorted(k for k in caught if k.startswith(technique)):
            print(f"    recall {key:45} {caught[key]:4d}  {ratio(caught[key], gold[technique])}")
    for level, n in sorted(levels.items()):
        print(f"  {level} findings: {n}, {n * 1000 / max(words, 1):.2f} per 1,000 words")
    print("  by rule: " + ", ".join(f"{r} {n}" for r, n in by_rule.most_common()))


# -- clean copy ---------------------------------------------------------------------------------
def clean(rules, linter, config, show: str | None, limit: int | None) -> None:
    from newslint.analysis.core import Analysis

    files = sorted((EVAL / "clean" / "scrapinghub").glob("*.txt"))
    files = files[:limit] if limit else files
    words: Counter[str] = Counter()
    counts: dict[str, Counter[tuple[str, str]]] = {"all": Counter(), "English": Counter()}
    n_files: Counter[str] = Counter()
    for path in files:
        source = path.read_text(encoding="utf-8")
        views = ["all", "English"] if is_english(source) else ["all"]
        document, findings = lint(source, rules, linter, config, header=False)
        analysis = Analysis(document)
        for view in views:
            n_files[view] += 1
            words[view] += analysis.word_count
            words[view + " narration"] += analysis.narration_word_count
            for f in findings:
                counts[view][(f.rule, "warning+" if f.level in WARN else "suggestion")] += 1
        for f in findings:
            if show and f.rule == show:
                english = "EN" if len(views) == 2 else "xx"
                print(f"  CLEAN {english} {path.name} [{f.level}] {f.match!r}: {f.context[:160]}")
    for view in ("all", "English"):
        total = max(words[view], 1)
        warn = sum(n for (_, lvl), n in counts[view].items() if lvl == "warning+")
        sugg = sum(n for (_, lvl), n in counts[view].items() if lvl == "suggestion")
        print(
            f"\nClean copy ({view}): {n_files[view]} articles, {words[view]} words"
            f" ({words[view + ' narration']} in narration)"
        )
        print(f"  warning+ findings: {warn}, {warn * 1000 / total:.2f} per 1,000 words")
        print(f"  suggestions:       {sugg}, {sugg * 1000 / total:.2f} per 1,000 words")
        for (rule, level), n in sorted(counts[view].items()):
            print(f"    {rule:30} {level:10} {n:4d}  {n * 1000 / total:.2f}/1k")


# -- bias.weasel hand review ------------------------------------------------------------------------
REVIEW = ROOT / "benchmarks" / "weasel_review.tsv"
VERDICTS = ("unsourced", "sourced")


def weasel_documents():
    """``(key prefix, text)`` of every BABE sentence, PTC article and English clean article."""
    with (EVAL / "bias" / "babe_sg2.csv").open(encoding="utf-8-sig") as handle:
        for n, row in enumerate(csv.DictReader(handle, delimiter=";")):
            yield f"babe:{n}", row["text"]
    for path in sorted((EVAL / "propaganda" / "articles").glob("article*.txt")):
        yield f"ptc:{path.stem.removeprefix('article')}", path.read_text(encoding="utf-8")
    for path in sorted((EVAL / "clean" / "scrapinghub").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if is_english(text):
            yield f"clean:{path.stem}", text


def read_review() -> dict[str, tuple[str, str]]:
    """key -> (verdict, reason) from the review file."""
    out: dict[str, tuple[str, str]] = {}
    if REVIEW.exists():
        for line in REVIEW.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            key, _match, verdict, reason = (line.split("\t") + ["", "", ""])[:4]
            out[key] = (verdict, reason)
    return out


def weasel_review(quiet: bool) -> None:
    from newslint.analysis.core import Analysis

    rules, linter, config = load_pack()
    weasel = [r for r in rules if r.id == "bias.weasel"]
    review = read_review()
    judged: Counter[tuple[str, str]] = Counter()  # (level, verdict)
    todo: list[str] = []
    seen_keys: set[str] = set()
    for prefix, text in weasel_documents():
        document, findings = lint(text, weasel, linter, config)
        if not findings:
            continue
        analysis = Analysis(document)
        for f in findings:
            key = f"{prefix}:{f.line}:{f.column}"
            seen_keys.add(key)
            sentence = analysis.sentence_at(f.offset)
            context = text if sentence is None else document.text[sentence.start : sentence.end]
            verdict, reason = review.get(key, ("??", ""))
            if verdict in VERDICTS:
                judged[(f.level, verdict)] += 1
            else:
                todo.append(f"{key}\t{f.match.lower()}\t\t")
            if not quiet:
                print(f"{verdict:9} {f.level:10} {key:28} {f.match!r}: {context[:220]}")
                if reason:
                    print(f"{'':9} reason: {reason}")
    print("\nbias.weasel hand review (unsourced = an unnamed source carries a claim in narration)")
    for level in ("warning", "suggestion", "all"):
        levels = ("warning", "suggestion") if level == "all" else (level,)
        good = sum(judged[(lv, "unsourced")] for lv in levels)
        total = good + sum(judged[(lv, "sourced")] for lv in levels)
        print(
            f"  {level:10} judged {total:3d}  unsourced {good:3d}  precision {ratio(good, total)}"
        )
    stale = sorted(set(review) - seen_keys)
    if stale:
        print(f"  {len(stale)} verdicts no longer match a hit: {', '.join(stale[:8])}")
    if todo:
        print(f"  {len(todo)} hits not judged yet (append to {REVIEW.name}):")
        print("\n".join(todo))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print the findings of one rule id")
    parser.add_argument("--only", choices=("babe", "ptc", "clean"))
    parser.add_argument("--limit", type=int, help="first N items of each corpus")
    parser.add_argument("--weasel-review", action="store_true", help="list bias.weasel hits")
    parser.add_argument("--quiet", action="store_true", help="with --weasel-review: figures only")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"evaluation data not found at {EVAL}", file=sys.stderr)
        return 2
    if args.weasel_review:
        weasel_review(args.quiet)
        return 0
    rules, linter, config = load_pack()
    for name, run in (("babe", babe), ("ptc", ptc), ("clean", clean)):
        if args.only in (None, name):
            run(rules, linter, config, args.show, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
