"""A bigram model of English for ranking spelling suggestions by their neighbours.

"the goverment said" prefers "government" to "governments" because "the government" and
"government said" are frequent word pairs. The counts are the word and word-pair counts that
the ``wordsegment`` package ships (Apache-2.0; a subset of the Google Web Trillion Word Corpus
counts prepared by Peter Norvig: the 333,000 commonest words and 250,000 commonest pairs, lower
case). Nothing is downloaded: the package's files are read once, hashed into two sorted arrays
and kept in newslint's disk cache (about 4 MB, a few milliseconds to load).

    log10 P(b | a) = log10 count(a b) / count(a)       when the pair is listed,
                     log10 BACKOFF * count(b) / N       otherwise (stupid backoff).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from newslint.spelling.deletes import _hash
from newslint.storage import disk_cache
from newslint.versions import package_version

#: weight of a backed-off estimate against a listed pair (Brants et al.'s "stupid backoff")
BACKOFF = 0.4
FORMAT = "1"
#: log10 counts are stored in hundredths in a uint16
_SCALE = 100.0


def _read(name: str) -> list[tuple[str, int]]:
    from importlib.resources import files

    text = (files("wordsegment") / name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        key, _, count = line.rpartition("\t")
        if key and count.isdigit():
            out.append((key, int(count)))
    return out


def _table(entries: list[tuple[str, int]]) -> tuple[np.ndarray, np.ndarray]:
    keys = np.array([(_hash(k) << 32) | _hash(k[::-1]) for k, _ in entries], dtype=np.uint64)
    logs = np.array([round(math.log10(c) * _SCALE) for _, c in entries], dtype=np.uint16)
    order = np.argsort(keys, kind="stable")
    return keys[order], logs[order]


def _build() -> bytes:
    parts = []
    for name in ("unigrams.txt", "bigrams.txt"):
        keys, logs = _table(_read(name))
        parts.append(len(keys).to_bytes(8, "little") + keys.tobytes() + logs.tobytes())
    total = sum(c for _, c in _read("unigrams.txt"))
    return total.to_bytes(8, "little") + b"".join(parts)


class Bigrams:
    """log10 P(b | a) with stupid backoff, over hashed word and pair counts."""

    def __init__(self, blob: bytes) -> None:
        self._total = math.log10(int.from_bytes(blob[:8], "little"))
        offset = 8
        tables = []
        for _ in range(2):
            n = int.from_bytes(blob[offset : offset + 8], "little")
            keys = np.frombuffer(blob, dtype=np.uint64, count=n, offset=offset + 8)
            logs = np.frombuffer(blob, dtype=np.uint16, count=n, offset=offset + 8 + 8 * n)
            tables.append((keys, logs))
            offset += 8 + 10 * n
        if offset != len(blob):
            raise ValueError("truncated bigram table")
        self._unigrams, self._bigrams = tables

    @staticmethod
    def _find(table: tuple[np.ndarray, np.ndarray], key: str) -> float | None:
        keys, logs = table
        h = (_hash(key) << 32) | _hash(key[::-1])
        i = int(np.searchsorted(keys, np.uint64(h)))
        if i < len(keys) and int(keys[i]) == h:
            return int(logs[i]) / _SCALE
        return None

    def count(self, word: str) -> float | None:
        """log10 count of a word (None when it is not among the listed words)."""
        return self._find(self._unigrams, word)

    def prob(self, a: str, b: str) -> float:
        """log10 P(b | a); with no ``a``, log10 P(b)."""
        floor = math.log10(BACKOFF) - self._total
        cb = self.count(b)
        unigram = (cb - self._total) if cb is not None else floor - 1.0
        if not a:
            return unigram
        pair = self._find(self._bigrams, f"{a} {b}")
        ca = self.count(a)
        if pair is not None and ca is not None:
            return pair - ca
        return math.log10(BACKOFF) + unigram

    def score(self, left: str, word: str, right: str) -> float:
        """log10 P(word | left) + log10 P(right | word): how well ``word`` fits between its
        neighbours (either may be empty)."""
        out = self.prob(left, word)
        if right:
            out += self.prob(word, right)
        return out


@lru_cache(maxsize=1)
def load_bigrams() -> Bigrams:
    """The model, from the disk cache (built from the installed wordsegment on first use)."""
    key = f"{FORMAT}v{package_version('wordsegment')}".replace(".", "")
    try:
        return Bigrams(disk_cache.cached_bytes("bigrams", key, _build))
    except ValueError:
        return Bigrams(_build())
