"""Ranked spelling suggestions: a noisy channel over a delete index and a learned error model.

Candidates are dictionary words within two edits (three for long misspellings), found through
the symmetric-delete index (deletes.py), plus sound-alikes and two-word splits. They are
pre-ranked by frequency and rough distance; the best few are scored

    score(candidate) = zipf(candidate) - CHANNEL_WEIGHT * cost(misspelling | candidate)

where cost is -log10 P under the substring error model learned from codespell (errormodel.py).
edit_cost/edits1 (a hand-weighted distance) remain for the typo policy's quick checks.
"""

from __future__ import annotations

import bisect
import math
import string
from collections.abc import Iterable

from newslint.spelling.deletes import DeleteIndex
from newslint.spelling.errormodel import ErrorModel, transposed
from newslint.spelling.phonetic import phonetic_key

ALPHABET = string.ascii_lowercase
VOWELS = frozenset("aeiouy")
FIRST_LETTER_PENALTY = 0.5
# Ranking constants, tuned on a held-out fifth of codespell's pairs (benchmarks/spelling_tune.py).
CHANNEL_WEIGHT = 2.0  # weight of the error model's -log10 P(typo | word) against the zipf prior
PRE_WEIGHT = 3.0  # cheap pre-ranking: zipf - PRE_WEIGHT * rough edit distance
RESCORE = 40  # candidates the error model scores
LONG_WORD = 8  # misspellings this long may be three edits from the word
VERY_LONG_WORD = 24  # ... but not longer ones (the deletions of a run-on token explode)
TARGET_MIN_ZIPF10 = 10  # rarer words (zipf < 1.0) are accepted as spelled but never suggested
SOUND_MIN_KEY = 4  # shorter phonetic keys have too many neighbours
SOUND_NEAR_DISTANCE = 2  # rough distance given to words found through a near phonetic key
SPLIT_COST = 2.0  # channel cost of a missing space ("alot" -> "a lot")
SPLIT_PRIOR_DROP = 1.0  # two words are less likely than the rarer of them alone
# Context (context.py): the channel's best few are re-ranked by their bigram fit. The weight is
# fitted on Birkbeck's misspellings planted in clean copy (benchmarks/spelling_context_fit.py).
CONTEXT_CANDIDATES = 5
CONTEXT_WEIGHT = 1.0
CHANNEL_MEMO = 20_000  # misspellings whose channel ranking is kept (a few candidates each)

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    pos = {c: (r, i) for r, row in enumerate(_KEYBOARD_ROWS) for i, c in enumerate(row)}
    out: dict[str, frozenset[str]] = {}
    for c, (r, i) in pos.items():
        out[c] = frozenset(
            d for d, (r2, i2) in pos.items() if d != c and abs(r - r2) <= 1 and abs(i - i2) <= 1
        )
    return out


_NEAR = _keyboard_neighbours()


def edits1(word: str) -> set[str]:
    """All strings one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in ALPHABET]
    inserts = [a + c + b for a, b in splits for c in ALPHABET]
    return set(deletes + transposes + replaces + inserts)


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return 0.6
    if b in _NEAR.get(a, ()):
        return 0.7
    return 1.0


def _indel_cost(word: str, i: int) -> float:
    """Cost of inserting/deleting word[i] (cheap when it doubles a neighbour)."""
    c = word[i]
    if (i > 0 and word[i - 1] == c) or (i + 1 < len(word) and word[i + 1] == c):
        return 0.4
    return 0.8 if c in VOWELS else 1.0


def edit_cost(typo: str, target: str) -> float:
    """Weighted optimal-string-alignment distance between a misspelling and a word."""
    n, m = len(typo), len(target)
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _indel_cost(target, j - 1)
    for i in range(1, n + 1):
        cur = [prev[0] + _indel_cost(typo, i - 1)] + [0.0] * m
        for j in range(1, m + 1):
            cost = min(
                prev[j] + _indel_cost(typo, i - 1),
                cur[j - 1] + _indel_cost(target, j - 1),
                prev[j - 1] + _sub_cost(typo[i - 1], target[j - 1]),
            )
            if transposed(typo, target, i, j):
                cost = min(cost, prev2[j - 2] + 0.7)
            cur[j] = cost
        prev2, prev = prev, cur
    total = prev[m]
    if typo[:1] != target[:1]:
        total += FIRST_LETTER_PENALTY
    return total


class Suggester:
    """Candidate generation (delete index, sound-alikes, splits) and noisy-channel ranking.

    score(candidate) = zipf(candidate) - CHANNEL_WEIGHT * error_model_cost(misspelling, candidate)
    """

    def __init__(
        self,
        lows: list[str],
        forms: list[str],
        zipfs: bytes,
        keys: list[str],
        index: DeleteIndex,
        model: ErrorModel,
        sounds: DeleteIndex | None = None,
    ) -> None:
        self._index = {w: i for i, w in enumerate(lows)}
        self._lows = lows
        self._forms = forms
        self._zipfs = zipfs
        self._keys = keys
        self._deletes = index
        self._model = model
        self._sounds = sounds
        self._channel: dict[tuple[str, int], list[tuple[float, str]]] = {}

    def forget(self) -> None:
        """Drop the memoised rankings (after changing the ranking constants, as a tuning run does)."""
        self._channel.clear()

    def __contains__(self, word: str) -> bool:
        return word in self._index

    def zipf(self, low: str) -> float:
        """Frequency (zipf) of a known lower-case word, 0.0 when unknown."""
        i = self._index.get(low)
        return 0.0 if i is None else self._zipfs[i] / 10.0

    def form(self, low: str) -> str:
        """Preferred written form of a known lower-case word (e.g. 'Paris')."""
        return self._forms[self._index[low]] or low

    def sound_alikes(self, word: str) -> set[str]:
        """Known words with the same phonetic key and a similar length."""
        key = phonetic_key(word)
        lo = bisect.bisect_left(self._keys, key)
        hi = bisect.bisect_right(self._keys, key, lo)
        return {
            w
            for i, w in enumerate(self._lows[lo:hi], lo)
            if abs(len(w) - len(word)) <= 3 and self._zipfs[i] >= TARGET_MIN_ZIPF10
        }

    def candidates(self, word: str) -> dict[str, int]:
        """Known lower-case words near ``word`` -> a rough edit distance (sound-alikes count 1)."""
        most = max_edits(len(word))
        found: dict[str, int] = {}
        lows = self._lows
        for wid, dist in self._deletes.lookup(word, most).items():
            w = lows[wid]
            if dist <= most and abs(len(w) - len(word)) <= dist:  # else a hash collision
                found[w] = dist
        for w in self.sound_alikes(word):
            found[w] = min(found.get(w, 1), 1)
        for w in self._near_sounds(word):
            found.setdefault(w, SOUND_NEAR_DISTANCE)
        for w in self._splits(word):
            found[w] = 1
        found.pop(word, None)
        return found

    def near(self, word: str) -> dict[str, int]:
        """Known lower-case words within about two edits of ``word`` -> rough distance: the
        delete index alone, searched with one deletion of the word (cheaper than candidates())."""
        lows = self._lows
        return {
            lows[wid]: dist
            for wid, dist in self._deletes.lookup(word, 1).items()
            if abs(len(lows[wid]) - len(word)) <= dist and lows[wid] != word
        }

    def _near_sounds(self, word: str) -> Iterable[str]:
        """Words whose phonetic key is one edit from the misspelling's ("helcotor": helicopter)."""
        key = phonetic_key(word)
        if self._sounds is None or len(key) < SOUND_MIN_KEY:
            return
        for wid, dist in self._sounds.lookup(key, 1).items():
            w = self._lows[wid]
            near = abs(len(self._keys[wid]) - len(key)) <= 1  # else a hash collision
            if dist <= 1 and near and abs(len(w) - len(word)) <= 3:
                yield w

    def _splits(self, word: str) -> Iterable[str]:
        for i in range(1, len(word)):
            a, b = word[:i], word[i:]
            if (len(a) == 1 and a not in "ai") or (len(b) == 1 and b not in "ai"):
                continue  # "family s": a lone letter is no word
            if a in self._index and b in self._index and min(self.zipf(a), self.zipf(b)) >= 4.0:
                yield f"{a} {b}"

    def score(self, word: str, candidate: str, floor: float = -math.inf) -> float:
        """Noisy-channel log score of ``candidate`` as the intended spelling of ``word``
        (-inf when it cannot beat ``floor``)."""
        if " " in candidate:
            a, b = candidate.split(" ")
            return min(self.zipf(a), self.zipf(b)) - SPLIT_PRIOR_DROP - CHANNEL_WEIGHT * SPLIT_COST
        zipf = self.zipf(candidate)
        limit = (zipf - floor) / CHANNEL_WEIGHT
        return zipf - CHANNEL_WEIGHT * self._model.cost(word, candidate, limit)

    def ranked(
        self, word: str, limit: int = 3, context: tuple[str, str] | None = None
    ) -> list[str]:
        """The best ``limit`` lower-case candidates for ``word``, best first; with ``context``
        (the lower-case words before and after it, either may be empty) the best
        CONTEXT_CANDIDATES by the channel are re-ranked by how well they fit between them."""
        width = max(limit, CONTEXT_CANDIDATES) if context else limit
        scored = self._channel.get((word, width))
        if scored is None:
            if len(self._channel) >= CHANNEL_MEMO:
                self._channel.clear()
            scored = self._channel[word, width] = self._by_channel(word, width)
        if context and len(scored) > 1:
            scored = self._in_context(scored, context)
        return [c for _, c in scored[:limit]]

    def _by_channel(self, word: str, width: int) -> list[tuple[float, str]]:
        """The best ``width`` candidates by the noisy channel alone, best first (the same for
        every occurrence of ``word``, whatever its context: memoised by ranked())."""
        cands = self.candidates(word)
        # Cheap pre-ranking by frequency and rough distance; the error model scores the best few.
        rough = sorted(cands, key=lambda c: (-(self._rough(c) - PRE_WEIGHT * cands[c]), c))
        scored: list[tuple[float, str]] = []
        for c in rough[:RESCORE]:
            floor = scored[width - 1][0] if len(scored) >= width else -math.inf
            s = self.score(word, c, floor)
            if s > -math.inf:
                scored.append((s, c))
                scored.sort(key=lambda x: (-x[0], x[1]))
        return scored[:width]

    def _in_context(
        self, scored: list[tuple[float, str]], context: tuple[str, str]
    ) -> list[tuple[float, str]]:
        """Trade CONTEXT_WEIGHT of each candidate's frequency for its bigram fit:
        score + w * (log10 P(c | left) + log10 P(right | c) + 9 - zipf(c))."""
        out = [(s + CONTEXT_WEIGHT * self.context_fit(c, context), c) for s, c in scored]
        out.sort(key=lambda x: (-x[0], x[1]))
        return out

    def context_fit(self, candidate: str, context: tuple[str, str]) -> float:
        """How much better ``candidate`` fits between its neighbours than its frequency alone
        says: log10 P(c | left) + log10 P(right | c) + 9 - zipf(c) (a split candidate's words
        are chained)."""
        from newslint.spelling.context import load_bigrams

        model = load_bigrams()
        left, right = context
        words = candidate.split(" ")
        fit = model.prob(left, words[0])
        for a, b in zip(words, [*words[1:], right], strict=True):
            if b:
                fit += model.prob(a, b)
        return fit + 9.0 - self._rough(candidate)

    def _rough(self, candidate: str) -> float:
        if " " in candidate:
            a, b = candidate.split(" ")
            return min(self.zipf(a), self.zipf(b)) - SPLIT_PRIOR_DROP
        return self.zipf(candidate)

    def suggest(
        self,
        word: str,
        limit: int = 3,
        preferred: Iterable[str] = (),
        context: tuple[str, str] | None = None,
    ) -> list[str]:
        """Best ``limit`` corrections for lower-case ``word``, ``preferred`` ones first, ranked
        in ``context`` (the words before and after) when it is given."""
        ranked: list[str] = []
        for p in preferred:  # codespell's corrections, when every word of them is known
            if p not in ranked and all(w in self._index for w in p.lower().split()):
                ranked.append(p)
        for c in self.ranked(word, limit + len(ranked), context):
            form = c if " " in c else self.form(c)
            if form not in ranked:
                ranked.append(form)
            if len(ranked) >= limit:
                break
        return ranked[:limit]


def max_edits(length: int) -> int:
    """How many edits a candidate may be from a misspelling of ``length`` letters."""
    if length <= 3 or length > VERY_LONG_WORD:  # a run-on token: keep the search small
        return 1
    return 3 if length >= LONG_WORD else 2
