"""Recall and ranking of newslint's speller on real misspellings planted in clean copy.

Real human misspellings are planted one per sentence into clean published copy (ScrapingHub
bodies, Wikinews, the Markdown repos' prose): each misspelling replaces an occurrence of the word
it misspells, so the sentence around it is the intended word's own context (when no clean
sentence has the word, a random lower-case word of a random sentence is replaced and the plant
is counted as "no context"). find_typos then runs on the whole article, as the rules do.

Only non-word errors count: the misspelling is not a Hunspell en_US word (the dictionary
newslint builds on, not newslint's own lexicon, whose admission is what is measured) and the
intended word is one newslint knows. A plant is found when a spelling finding covers it, at any
level; top-1/top-3 compare the suggestions with the intended word.

Sources and their role (the tuning discipline of issue 17):
* norvig   Peter Norvig's spelling test set 1: the FIGURE OF RECORD, never used to fit anything.
* birkbeck the Birkbeck corpus (Mitton): the fit source of the context model's weights
           (benchmarks/spelling_context_fit.py); reported separately.
The noisy-channel admission constants are fitted on codespell against Hunspell
(benchmarks/spelling_admission.py), the ranking constants on held-out codespell pairs
(benchmarks/spelling_tune.py), the reach within which an unseen word warns on Birkbeck and three
clean sources (benchmarks/spelling_reach_fit.py); "warned" is the share of plants found at warning
level (the rest of the found ones are suggestions). Each source is also reported without the misspellings that are on
codespell's list (which newslint reads), to show what generalises beyond that list.

The prose of every clean source (scrapinghub, wikinews, each Markdown repo, as the reader
extracts it) also goes through find_typos unchanged: warnings per 1,000 words per source (rare
words are suggestions and are counted apart), every one listed with --list. A run with the
default plants and seed stores its figures in ``benchmarks/results/spelling_eval.json``.

Usage: .venv/bin/python benchmarks/spelling_eval.py [--birkbeck 2000] [--seed 1] [--misses] [--list]
       [--technical]  (plants only, every article read as technical copy: what the register costs)
Reads ../shared/eval relative to the project root; the data is never copied into the project.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection

from core import (
    Aim,
    Check,
    Rates,
    count_words,
    eval_path,
    save_results,
    saved_note,
    source,
    source_table,
    sources,
)

COMMAND = ".venv/bin/python benchmarks/spelling_eval.py"
#: find_typos warnings per 1,000 words of clean prose (issue 17: 0.3 on every clean source)
CLEAN_AIM = Aim(0.3)
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_LOWER = re.compile(r"(?<![\w'’\-.@#/])[a-z]{2,}(?![\w'’\-@#/]|\.\w)")


def load_pairs(corpus: str) -> list[tuple[str, str]]:
    """(intended word, misspelling) pairs of one corpus, in file order."""
    pairs: list[tuple[str, str]] = []
    if corpus == "norvig":
        for line in eval_path("spelling", "norvig-spell-testset1.txt").read_text().splitlines():
            right, _, wrongs = line.partition(":")
            pairs += [(right.strip(), w) for w in wrongs.split()]
    else:
        right = ""
        for line in eval_path("spelling", "birkbeck_missp.dat").read_text().splitlines():
            line = line.strip()
            if line.startswith("$"):
                right = line[1:]
            elif line:
                pairs.append((right, line))
    return pairs


def plantable_pairs(
    corpus: str, hunspell: set[str], known: Callable[[str], bool]
) -> list[tuple[str, str]]:
    """The corpus's (intended, misspelling) pairs that make a fair plant: lower-case letters
    only, the misspelling a non-word (not in Hunspell), the intended word one newslint knows."""
    return [
        (r, w)
        for r, w in load_pairs(corpus)
        if re.fullmatch(r"[a-z]+", r)
        and re.fullmatch(r"[a-z]+", w)
        and w != r
        and w not in hunspell
        and known(r)
    ]


def clean_articles() -> list[str]:
    """The prose of every clean article, as the readers extract it."""
    return [a.document().text for src in sources("clean") for a in src]


def hunspell_words() -> set[str]:
    """Lower-cased word forms of Hunspell en_US: the non-word test."""
    from newslint.spelling import sources as spelling_sources
    from newslint.spelling.hunspell import expand

    return {w.lower() for w in expand(*spelling_sources.hunspell_paths())}


class Slots:
    """Where a word can be replaced: every lower-case, non-initial word of a plain sentence."""

    def __init__(self, articles: list[str], known: Callable[[str], bool]) -> None:
        self.by_word: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        self.all: list[tuple[int, int, int]] = []
        for ai, text in enumerate(articles):
            for m in _SENTENCE.finditer(text):
                sent = m.group()
                words = _LOWER.findall(sent)
                if len(_WORDS.findall(sent)) < 6 or not all(known(w) for w in words):
                    continue
                for wm in _LOWER.finditer(sent):
                    if wm.start() > 0 and sent[: wm.start()].strip():
                        slot = (ai, m.start() + wm.start(), m.start() + wm.end())
                        self.by_word[wm.group()].append(slot)
                        self.all.append(slot)


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def measure_costs(articles: list[str]) -> None:
    from newslint.spelling import find_typos, get_checker, misspellings

    checker = get_checker()
    _, t_lex = timed(lambda: checker.lexicon)
    _, t_cs = timed(misspellings._table)
    _, t_sug = timed(lambda: checker.suggester)
    words = [w for a in articles[:20] for w in _WORDS.findall(a)]
    _, t_known = timed(lambda: [checker.is_known(w) for w in words])
    # Distinct unknown words (every 97th of codespell's misspellings, not the planted test data).
    probes = [
        w
        for w in sorted(misspellings.known_misspellings())[::97]
        if re.fullmatch(r"[a-z]+", w) and not checker.is_known(w)
    ][:200]
    checker.suggest("takover")  # first suggestion loads the indexes and the error model
    _, t_suggest = timed(lambda: [checker.suggest(w) for w in probes])
    per_article = [timed(find_typos, a)[1] for a in articles[:40]]
    print("== cost (warm disk cache, this process) ==")
    print(f"load lexicon (is_known ready)  {t_lex * 1000:7.1f} ms")
    print(f"load codespell table           {t_cs * 1000:7.1f} ms")
    print(f"set up suggester               {t_sug * 1000:7.1f} ms")
    print(
        f"is_known per word              {t_known / len(words) * 1e6:7.2f} us ({len(words)} words)"
    )
    print(
        f"suggest per misspelling        {t_suggest / len(probes) * 1000:7.1f} ms "
        f"({len(probes)} codespell misspellings)"
    )
    print(
        f"find_typos per article         {statistics.median(per_article) * 1000:7.1f} ms median, "
        f"{max(per_article) * 1000:.1f} ms max (40 articles, includes suggestions)"
    )


#: appended to a planted article's text as its source with --technical: a code span, the mark of
#: the technical register (newslint.spelling.register), so every plant is read as in a tech post
TECHNICAL_MARK = "\n`code`\n"


def plant_eval(birkbeck: int, seed: int, show_misses: bool, technical: bool = False) -> dict:
    from newslint.spelling import find_typos, get_checker, is_misspelling

    checker = get_checker()
    hunspell = hunspell_words()
    articles = clean_articles()
    slots = Slots(articles, checker.is_known)
    print(f"== planted misspellings: {len(articles)} clean articles, {len(slots.all)} slots ==")
    rng = random.Random(seed)
    figures: dict[str, dict] = {}
    for corpus, limit in (("norvig", None), ("birkbeck", birkbeck)):
        pairs = plantable_pairs(corpus, hunspell, checker.is_known)
        if limit is not None and len(pairs) > limit:
            pairs = rng.sample(pairs, limit)
        stats: dict[str, Counter[str]] = defaultdict(Counter)
        misses: list[tuple[str, str]] = []
        levels: Counter[str] = Counter()
        for right, wrong in pairs:
            natural = slots.by_word.get(right)
            ai, a, b = rng.choice(natural or slots.all)
            text = articles[ai][:a] + wrong + articles[ai][b:]
            found = find_typos(text, source=text + TECHNICAL_MARK if technical else None)
            hit = next((t for t in found if t.start <= a < t.end), None)
            groups = ["all", "in context" if natural else "no context"]
            groups.append("on codespell's list" if is_misspelling(wrong) else "not on the list")
            for g in groups:
                c = stats[g]
                c["n"] += 1
                c["found"] += hit is not None
                c["warned"] += hit is not None and hit.level == "warning"
                c["top1"] += bool(hit and hit.suggestions[:1] == (right,))
                c["top3"] += bool(hit and right in hit.suggestions)
            if hit is None:
                misses.append((wrong, right))
            else:
                levels[hit.level] += 1
        role = "figure of record" if corpus == "norvig" else "fit source of the context weight"
        print(f"\n{corpus} ({role}): {len(pairs)} non-word misspellings planted")
        figures[corpus] = {}
        for g, c in stats.items():
            row = {
                "plants": c["n"],
                "recall": round(c["found"] / c["n"], 4),
                "warned": round(c["warned"] / c["n"], 4),
                "top1": round(c["top1"] / c["n"], 4),
                "top3": round(c["top3"] / c["n"], 4),
            }
            figures[corpus][g] = row
            print(
                f"  {g:22s} n={c['n']:5d}  recall {row['recall']:.3f}  "
                f"(warned {row['warned']:.3f})  top-1 {row['top1']:.3f}  top-3 {row['top3']:.3f}"
            )
        print(f"  found at level: {dict(levels)}")
        if corpus == "norvig":
            row = figures[corpus]["all"]
            print(
                f"  aims (issue 17): recall >= 0.95: {row['recall']:.3f}; "
                f"top-1 >= 0.80: {row['top1']:.3f}"
            )
        if show_misses:
            print(f"  missed ({len(misses)}):", misses[:60])
    return figures


def is_warning(reason_level: str) -> bool:
    return reason_level.endswith("[warning]")


def clean_rates(listed: bool = False, only: Collection[str] | None = None) -> Rates:
    """find_typos findings per 1,000 words of every clean source's prose (or those in
    ``only``), keyed "reason [level]"."""
    from newslint.spelling import find_typos

    rates = Rates()
    for src in sources("clean"):
        if only is not None and src.name not in only:
            continue
        for article in src:
            text = article.document().text
            typos = find_typos(text)
            rates.add(src.name, count_words(text), [f"{t.reason} [{t.level}]" for t in typos])
            for t in typos if listed else ():
                ctx = text[max(0, t.start - 40) : t.end + 40].replace("\n", " ")
                print(f"  {article.name[:40]} {t.word!r:18} {t.reason:20} {t.level} ...{ctx}...")
    return rates


def clean_eval(listed: bool) -> dict:
    rates = clean_rates(listed)
    rows = rates.rows(is_warning)
    print(
        source_table(
            "== clean prose: find_typos warnings per 1,000 words ==",
            rows,
            aim=CLEAN_AIM,
            pooled=rates.pooled(is_warning),
        )
    )
    suggestions = rates.rows(lambda key: not is_warning(key))
    print(
        "  suggestions per 1,000 words: "
        + ", ".join(f"{src} {row['per_1000']}" for src, row in suggestions.items())
    )
    return {"sources": rows, "suggestions": suggestions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--birkbeck", type=int, default=2000, help="Birkbeck pairs to plant")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", action="store_true", help="list the missed misspellings")
    parser.add_argument("--list", action="store_true", help="list every clean-copy finding")
    parser.add_argument(
        "--technical",
        action="store_true",
        help="plants only, every article read as technical copy (what the register costs)",
    )
    args = parser.parse_args()
    if not sources("clean"):
        sys.exit("evaluation data not found beside the project (../shared/eval)")
    if args.technical:
        plant_eval(args.birkbeck, args.seed, args.misses, technical=True)
        print("(every plant read as technical copy: results not stored)")
        return
    measure_costs([a.read() for a in source("scrapinghub")])
    figures = {"clean": clean_eval(args.list)}
    figures["plants"] = plant_eval(args.birkbeck, args.seed, args.misses)
    if (args.birkbeck, args.seed) != (2000, 1):
        print("(not the default plants and seed: results not stored)")
        return
    checks = {
        "clean.scrapinghub.per_1000": Check(
            figures["clean"]["sources"]["scrapinghub"]["per_1000"],
            CLEAN_AIM.value,
            why="find_typos warnings per 1,000 words of scrapinghub clean prose",
        ),
    }
    print(saved_note(save_results("spelling_eval", COMMAND, figures, checks)))


if __name__ == "__main__":
    main()
