"""Ranked spelling suggestions: dictionary words within two edits, scored by a noisy-channel model.

score(candidate) = zipf(candidate) - EDIT_WEIGHT * weighted_edit_cost(misspelling, candidate)

The edit costs encode how people actually misspell: vowels swapped for vowels, letters doubled
or undoubled, neighbouring keys, and transposed pairs cost less than arbitrary edits; changing
the first letter costs more.
"""

from __future__ import annotations

import bisect
import string
from collections.abc import Iterable

from newslint.spelling.phonetic import phonetic_key

ALPHABET = string.ascii_lowercase
VOWELS = frozenset("aeiouy")
EDIT_WEIGHT = 3.0
FIRST_LETTER_PENALTY = 0.5
SOUND_ALIKE_BONUS = 1.0
# Sound-alike evidence only matters for distant candidates ("sufishant" -> "sufficient").
SOUND_ALIKE_MIN_COST = 0.0

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
            if (
                i > 1
                and j > 1
                and typo[i - 1] == target[j - 2]
                and typo[i - 2] == target[j - 1]
                and typo[i - 1] != typo[i - 2]
            ):
                cost = min(cost, prev2[j - 2] + 0.7)
            cur[j] = cost
        prev2, prev = prev, cur
    total = prev[m]
    if typo[:1] != target[:1]:
        total += FIRST_LETTER_PENALTY
    return total


class Suggester:
    """Candidate generation and ranking over aligned columns sorted by phonetic key."""

    def __init__(self, lows: list[str], forms: list[str], zipfs: bytes, keys: list[str]) -> None:
        self._index = {w: i for i, w in enumerate(lows)}
        self._lows = lows
        self._forms = forms
        self._zipfs = zipfs
        self._keys = keys

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
        return {w for w in self._lows[lo:hi] if abs(len(w) - len(word)) <= 3}

    def candidates(self, word: str) -> set[str]:
        """Known lower-case words within two edits of ``word``, sound-alikes and two-word splits."""
        known = self._index.keys()
        e1 = edits1(word)
        found = known & e1
        for e in e1:
            found |= known & edits1(e)
        found.update(self.sound_alikes(word))
        found.update(self._splits(word))
        found.discard(word)
        return found

    def _splits(self, word: str) -> Iterable[str]:
        for i in range(1, len(word)):
            a, b = word[:i], word[i:]
            if a in self._index and b in self._index and min(self.zipf(a), self.zipf(b)) >= 4.0:
                yield f"{a} {b}"

    def score(self, word: str, candidate: str) -> float:
        """Noisy-channel log score of ``candidate`` as the intended spelling of ``word``."""
        if " " in candidate:
            a, b = candidate.split(" ")
            zipf = min(self.zipf(a), self.zipf(b)) - 1.0
            return zipf - EDIT_WEIGHT * 1.0
        cost = edit_cost(word, candidate)
        if cost > SOUND_ALIKE_MIN_COST and phonetic_key(candidate) == phonetic_key(word):
            cost -= SOUND_ALIKE_BONUS
        return self.zipf(candidate) - EDIT_WEIGHT * cost

    def suggest(self, word: str, limit: int = 3, preferred: Iterable[str] = ()) -> list[str]:
        """Best ``limit`` corrections for lower-case ``word``, ``preferred`` ones first."""
        ranked: list[str] = []
        for p in preferred:  # codespell's corrections, when every word of them is known
            if p not in ranked and all(w in self._index for w in p.lower().split()):
                ranked.append(p)
        cands = self.candidates(word)
        scored = sorted(cands, key=lambda c: (-self.score(word, c), c))
        for c in scored:
            form = c if " " in c else self.form(c)
            if form not in ranked:
                ranked.append(form)
            if len(ranked) >= limit:
                break
        return ranked[:limit]
