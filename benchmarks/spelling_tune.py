"""Tune and check the suggestion ranking on codespell's own pairs, held out (never the eval set).

codespell's dictionary (installed package) is split by a hash of the misspelling: four fifths
train the substring error model, the fifth held out measures top-1/top-3 of Suggester.suggest
(without codespell's own correction, which the checker would otherwise put first). With --grid
the ranking constants in newslint.spelling.suggest are varied one at a time around their values.

Usage: .venv/bin/python benchmarks/spelling_tune.py [--limit 3000] [--grid]
"""

from __future__ import annotations

import argparse
import re
import time
import zlib

import core  # noqa: F401  (puts this checkout's newslint first on sys.path)

_PLAIN = re.compile(r"[a-z]+")


def split_pairs() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(train, held-out) (misspelling, correction) pairs from codespell's main dictionary."""
    from newslint.spelling.misspellings import known_misspellings

    train, held = [], []
    for typo, fixes in sorted(known_misspellings().items()):
        if not fixes:
            continue
        pair = (typo, fixes[0])
        (held if zlib.crc32(typo.encode()) % 5 == 0 else train).append(pair)
    return train, held


def evaluate(suggester, checker, pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """top-1, top-3 and ms per suggestion over the usable held-out pairs."""
    top1 = top3 = n = 0
    t0 = time.perf_counter()
    for typo, right in pairs:
        got = suggester.suggest(typo, 3)
        n += 1
        top1 += got[:1] == [right]
        top3 += right in got
    return top1 / n, top3 / n, (time.perf_counter() - t0) / n * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--grid", action="store_true")
    args = parser.parse_args()
    from newslint.spelling import errormodel, suggest
    from newslint.spelling.checker import get_checker

    checker = get_checker()
    train, held = split_pairs()
    model = errormodel.ErrorModel(errormodel.train(train))
    suggester = checker.lexicon.suggester(model)
    usable = [
        (t, r)
        for t, r in held
        if _PLAIN.fullmatch(t)
        and _PLAIN.fullmatch(r)
        and r in suggester
        and not checker.is_known(t)
    ][: args.limit]
    print(f"codespell pairs: {len(train)} train, {len(usable)} held-out used")
    t1, t3, ms = evaluate(suggester, checker, usable)
    print(f"held-out top-1 {t1:.3f}  top-3 {t3:.3f}  {ms:.1f} ms/suggestion")
    if not args.grid:
        return
    grid = {
        (suggest, "CHANNEL_WEIGHT"): (1.0, 1.5, 2.5),
        (suggest, "PRE_WEIGHT"): (1.0, 3.0),
        (suggest, "RESCORE"): (20, 60),
        (suggest, "LONG_WORD"): (7, 99),
        (suggest, "SOUND_MIN_KEY"): (3, 99),
        (errormodel, "UNSEEN_SUB"): (2.5, 3.5),
        (errormodel, "UNSEEN_INDEL"): (2.5, 3.5),
        (errormodel, "UNSEEN_TRANSPOSE"): (2.5, 3.5),
    }
    for (module, name), values in grid.items():
        base = getattr(module, name)
        for v in values:
            setattr(module, name, v)
            suggester.forget()  # its rankings were memoised under the old constants
            t1, t3, ms = evaluate(suggester, checker, usable)
            print(f"{name}={v}: top-1 {t1:.3f}  top-3 {t3:.3f}  {ms:.1f} ms")
        setattr(module, name, base)
        suggester.forget()


if __name__ == "__main__":
    main()
