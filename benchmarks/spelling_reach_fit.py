"""Fit UNATTESTED_REACH: how far an unattested word's nearest suggestion may be, in weighted edit
cost per letter of the word, for it to warn (newslint.spelling.typos). Beyond that reach it is only a suggestion: a word in no
dictionary and unseen on the web with no common word a slip away is a name or a term of art
("libuv", "protobuf") more often than a slip.

The two sides of the trade, each measured on FIT sources only:

* Birkbeck misspellings (Mitton; the fit source of issue 17) planted one per sentence in clean
  copy, as benchmarks/spelling_eval.py plants them: the share of the unattested ones found that
  would still warn at each reach;
* the unattested-word warnings per 1,000 words that would remain on the fit clean sources
  (FIT_SOURCES; every warning on published copy counts as a false alarm here).

The figure of record is then measured by spelling_eval.py on what was not used here: Norvig's
set (recall and warned share) and the other clean sources (warnings per 1,000 words).

Cost per letter rather than raw cost: a long word has room for more slips ("recieveing"), a short
one is a name more often ("libuv"); at the same Birkbeck share the raw cost kept about twice the
fit-source warnings (reach 1.2: 0.453 warned, 0.062 per 1,000; per letter 0.16: 0.460, 0.033).

Usage: .venv/bin/python benchmarks/spelling_reach_fit.py [--birkbeck 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random

from core import count_words, sources
from spelling_eval import Slots, clean_articles, hunspell_words, plantable_pairs

#: clean sources the reach is fitted on; spelling_eval reports every source, these included
FIT_SOURCES = ("golang/website", "nodejs/nodejs.org", "scrapinghub")
REACHES = (0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.25, 99.0)


def nearest(word: str, suggestions: tuple[str, ...]) -> float:
    from newslint.spelling.suggest import edit_cost

    return min((edit_cost(word.lower(), s.lower()) for s in suggestions), default=99.0)


def main() -> None:
    from newslint.spelling import find_typos, get_checker
    from newslint.spelling.reasons import REASON_NO_RIVAL, REASON_UNKNOWN

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--birkbeck", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    unattested = (REASON_UNKNOWN, REASON_NO_RIVAL)
    checker = get_checker()
    hunspell = hunspell_words()
    articles = clean_articles()
    slots = Slots(articles, checker.is_known)
    rng = random.Random(args.seed)
    pairs = plantable_pairs("birkbeck", hunspell, checker.is_known)
    pairs = rng.sample(pairs, min(args.birkbeck, len(pairs)))
    planted: list[float] = []
    for right, wrong in pairs:
        ai, a, b = rng.choice(slots.by_word.get(right) or slots.all)
        text = articles[ai][:a] + wrong + articles[ai][b:]
        hit = next((t for t in find_typos(text) if t.start <= a < t.end), None)
        if hit is not None and hit.reason in unattested:
            planted.append(nearest(hit.word, hit.suggestions) / len(hit.word))
    words = 0
    clean: list[float] = []
    for src in sources("clean"):
        if src.name not in FIT_SOURCES:
            continue
        for article in src:
            text = article.document().text
            words += count_words(text)
            clean += [
                nearest(t.word, t.suggestions) / len(t.word)
                for t in find_typos(text)
                if t.reason in unattested
            ]
    print(
        f"Birkbeck: {len(pairs)} planted, {len(planted)} found as unattested words; "
        f"fit sources {', '.join(FIT_SOURCES)}: {words:,} words, {len(clean)} unattested findings"
    )
    print(f"  {'reach':>6}  {'Birkbeck still warned':>22}  {'fit-source warnings /1,000':>27}")
    for reach in REACHES:
        kept = sum(c <= reach for c in planted) / max(1, len(planted))
        rate = 1000 * sum(c <= reach for c in clean) / max(1, words)
        print(f"  {reach:6.2f}  {kept:22.3f}  {rate:27.3f}")


if __name__ == "__main__":
    main()
