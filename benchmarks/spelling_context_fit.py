"""Fit the weight of the context model (newslint.spelling.suggest.CONTEXT_WEIGHT) on Birkbeck.

Birkbeck's misspellings (the fit source; Norvig's set 1 is the figure of record in
spelling_eval.py and is never read here) are planted in clean sentences in place of the word
they misspell, as spelling_eval.py plants them. For each plant the channel's best
CONTEXT_CANDIDATES are scored once; then top-1 (the intended word first, codespell's own
corrections first as the checker puts them) is computed for each weight of a grid. The weight
to use is the smallest whose top-1 is within 0.005 of the best (closer is noise: 1,500 plants).

Usage: .venv/bin/python benchmarks/spelling_context_fit.py [--plants 2000] [--seed 2]
"""

from __future__ import annotations

import argparse
import random
import sys

from core import sources
from spelling_eval import Slots, clean_articles, hunspell_words, plantable_pairs

GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plants", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args()
    if not sources("clean"):
        sys.exit("evaluation data not found beside the project (../shared/eval)")
    from newslint.spelling import get_checker
    from newslint.spelling.misspellings import corrections
    from newslint.spelling.suggest import CONTEXT_CANDIDATES
    from newslint.spelling.typos import neighbours

    checker = get_checker()
    suggester = checker.suggester
    hunspell = hunspell_words()
    articles = clean_articles()
    slots = Slots(articles, checker.is_known)
    rng = random.Random(args.seed)
    pairs = [  # only plants with their own context say anything here
        (r, w)
        for r, w in plantable_pairs("birkbeck", hunspell, checker.is_known)
        if r in slots.by_word
    ]
    pairs = rng.sample(pairs, min(args.plants, len(pairs)))
    rows = []
    for right, wrong in pairs:
        ai, a, b = rng.choice(slots.by_word[right])
        text = articles[ai][:a] + wrong + articles[ai][b:]
        left, after = neighbours(text, a, a + len(wrong))
        preferred = [p for p in corrections(wrong) if p in suggester]
        scored = [
            (suggester.score(wrong, c), c) for c in suggester.ranked(wrong, CONTEXT_CANDIDATES)
        ]
        fits = [(s, suggester.context_fit(c, (left, after)), c) for s, c in scored]
        rows.append((right, preferred, fits))
    print(f"Birkbeck plants with their own context: {len(rows)} (seed {args.seed})")
    rates = {}
    for weight in GRID:
        top1 = 0
        for right, preferred, fits in rows:
            if preferred:
                first = preferred[0]
            elif fits:
                first = max(fits, key=lambda f: (f[0] + weight * f[1], f[2]))[2]
            else:
                first = ""
            top1 += first == right
        rate = top1 / len(rows)
        print(f"  CONTEXT_WEIGHT {weight:4.2f}  top-1 {rate:.3f}")
        rates[weight] = rate
    top = max(rates.values())
    chosen = min(w for w, r in rates.items() if r >= top - 0.005)
    print(f"weight to use: {chosen} (top-1 {rates[chosen]:.3f}; best {top:.3f})")


if __name__ == "__main__":
    main()
