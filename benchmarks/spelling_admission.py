"""Fit the noisy-channel admission thresholds (newslint.spelling.lexicon) on codespell vs Hunspell.

Fit data, never the evaluation sets: codespell's misspellings that wordfreq attests (errors the
web repeats: positives) against Hunspell's own rare lower-case words (zipf < 3: real words, many
of them a letter from a common word: negatives), each scored by the channel exactly as the
lexicon build scores its queries (admission.channel_scores). For each threshold the table gives
the share of misspellings caught and of real words rejected. The rules that pick the constants:

* CHANNEL_ERROR (a warning): the lowest threshold that rejects at most 1% of real words;
* CHANNEL_DOUBT (below it a word is admitted; between the two, a suggestion): the threshold with
  the best Youden index (caught - rejected);
* CHANNEL_ERROR_HUNSPELL (a Hunspell form is only a suggestion then): the highest threshold that
  still catches 80% of the misspellings.

Usage: .venv/bin/python benchmarks/spelling_admission.py
"""

from __future__ import annotations

import re
import time

GRID = [x / 4 for x in range(-4, 13)]  # -1.0 .. 3.0


def main() -> None:
    from newslint.spelling import admission, lexicon, sources
    from newslint.spelling.hunspell import expand

    t0 = time.process_time()
    zipf = sources.wordfreq_zipf()
    hunspell = {w.lower() for w in expand(*sources.hunspell_paths())}
    listed = {k.lower() for k, _ in sources.read_codespell("dictionary.txt")}
    plain = re.compile(r"[a-z]{3,}")
    positives = sorted(w for w in listed if w in zipf and w not in hunspell and plain.fullmatch(w))
    negatives = sorted(
        w
        for w in hunspell
        if w in zipf and zipf[w] < 3.0 and plain.fullmatch(w) and w not in listed
    )
    scores = admission.channel_scores(positives + negatives, zipf, lexicon.load_error_model())
    print(
        f"fit data: {len(positives)} codespell misspellings attested on the web, "
        f"{len(negatives)} rare Hunspell words ({time.process_time() - t0:.0f} s CPU)"
    )

    def share(words: list[str], threshold: float) -> float:
        return sum(w in scores and scores[w][0] >= threshold for w in words) / len(words)

    rows = [(t, share(positives, t), share(negatives, t)) for t in GRID]
    print(f"{'threshold':>9} {'caught':>7} {'rejected':>9} {'youden':>7}")
    for t, caught, rejected in rows:
        print(f"{t:9.2f} {caught:7.3f} {rejected:9.4f} {caught - rejected:7.3f}")
    error = min(t for t, _, r in rows if r <= 0.01)
    doubt = max(rows, key=lambda r: (r[1] - r[2], -r[0]))[0]
    hunspell_bar = max(t for t, c, _ in rows if c >= 0.80)
    for name, fitted in (
        ("CHANNEL_ERROR", error),
        ("CHANNEL_DOUBT", doubt),
        ("CHANNEL_ERROR_HUNSPELL", hunspell_bar),
    ):
        used = getattr(lexicon, name)
        note = "" if abs(used - fitted) < 1e-9 else "   <- differs from the code"
        print(f"{name:24s} fitted {fitted:5.2f}   in the code {used:5.2f}{note}")


if __name__ == "__main__":
    main()
