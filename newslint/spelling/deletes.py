"""A symmetric-delete candidate index (SymSpell's idea) stored as two compact numpy arrays.

Every target word is indexed under the hashes of all strings made by deleting up to
``INDEX_DELETES`` of its letters. A misspelling then finds every word within a few edits by
hashing its own deletions and looking them up with one vectorised binary search: no edits2
sets of a quarter of a million strings. Hashes are CRC-32 (deterministic across processes);
a collision only adds a candidate that the ranking then scores low.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

INDEX_DELETES = 2
_STRIDE = 4  # value = word id * _STRIDE + deletions made in the indexed word


def deletions(word: str, most: int) -> dict[str, int]:
    """Strings made by deleting up to ``most`` letters of ``word``, with the fewest deletions each."""
    out = {word: 0}
    frontier = [word]
    for k in range(1, most + 1):
        grown = []
        for w in frontier:
            for i in range(len(w)):
                s = w[:i] + w[i + 1 :]
                if s not in out:
                    out[s] = k
                    grown.append(s)
        frontier = grown
    return out


_MASK = (1 << 64) - 1
_PRIME = 0x9E3779B97F4A7C15
_MIX = 0xBF58476D1CE4E5B9
_MAX_LEN = 64
_POW = [pow(_PRIME, r, 1 << 64) for r in range(_MAX_LEN + 1)]


def _hash(s: str) -> int:
    """32-bit key of a string: the top half of a 64-bit polynomial hash (same as _group_keys)."""
    h = 0
    for r, ch in enumerate(s[:_MAX_LEN]):
        h += ord(ch) * _POW[r]
    h &= _MASK
    h = ((h ^ (h >> 31)) * _MIX) & _MASK
    return h >> 32


def _group_keys(codes: np.ndarray, most: int = INDEX_DELETES) -> list[tuple[np.ndarray, int]]:
    """Keys of every deletion (up to ``most``, at most 2) of equal-length words, vectorised.

    ``codes`` is (words, length) of character codes. Prefix sums of the hash terms, shifted by
    0, 1 and 2 places, give each deletion's hash in a few array additions.
    """
    n, length = codes.shape
    pw = np.array(_POW[: length + 1], dtype=np.uint64)
    sums = []
    for shift in range(3):
        terms = np.zeros((n, length + 1), dtype=np.uint64)
        for c in range(shift, length):
            terms[:, c + 1] = codes[:, c] * pw[c - shift]
        sums.append(np.cumsum(terms, axis=1, dtype=np.uint64))
    a0, a1, a2 = sums
    out = [(a0[:, length], 0)]
    for i in range(length if most >= 1 else 0):
        out.append((a0[:, i] + (a1[:, length] - a1[:, i + 1]), 1))
        if most >= 2:
            for j in range(i + 1, length):
                h = a0[:, i] + (a1[:, j] - a1[:, i + 1]) + (a2[:, length] - a2[:, j + 1])
                out.append((h, 2))
    mix = np.uint64(_MIX)
    return [(((h ^ (h >> np.uint64(31))) * mix) >> np.uint64(32), k) for h, k in out]


def _codes(words: list[str], length: int) -> np.ndarray:
    """(words, length) array of the code points of equal-length words."""
    flat = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32)
    return flat.reshape(len(words), length).astype(np.uint64)


def deletion_keys(
    words: Sequence[str | None], most: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(key, word position, deletions made) of every deletion of up to ``most`` letters (at
    most 2) of each word, vectorised by word length; None or empty entries are skipped."""
    by_length: dict[int, list[int]] = {}
    for wid, word in enumerate(words):
        if word and len(word) <= _MAX_LEN:
            by_length.setdefault(len(word), []).append(wid)
    keys, ids, made = [], [], []
    for length, group in by_length.items():
        codes = _codes([words[i] for i in group], length)  # type: ignore[misc]
        base = np.array(group, dtype=np.int64)
        for key, k in _group_keys(codes, most):
            keys.append(key.astype(np.uint32))
            ids.append(base)
            made.append(np.full(len(group), k, dtype=np.int8))
    if not keys:
        empty = np.zeros(0, dtype=np.int64)
        return empty.astype(np.uint32), empty, empty.astype(np.int8)
    return np.concatenate(keys), np.concatenate(ids), np.concatenate(made)


class DeleteIndex:
    """Word ids by the hashes of their deletions (sorted keys, aligned values)."""

    def __init__(self, keys: np.ndarray, values: np.ndarray) -> None:
        self._keys = keys
        self._values = values

    @classmethod
    def build(cls, words: Sequence[str | None]) -> DeleteIndex:
        """Index ``words`` by position (None or empty entries are skipped); about a second."""
        by_length: dict[int, list[int]] = {}
        for wid, word in enumerate(words):
            if word and len(word) <= _MAX_LEN:
                by_length.setdefault(len(word), []).append(wid)
        packed = []
        for ids in by_length.values():
            codes = np.array([[ord(c) for c in words[i]] for i in ids], dtype=np.uint64)  # type: ignore[union-attr]
            base = np.array(ids, dtype=np.uint64) * np.uint64(_STRIDE)
            for key, k in _group_keys(codes):
                packed.append((key << np.uint64(32)) | (base + np.uint64(k)))
        allp = np.sort(np.concatenate(packed)) if packed else np.zeros(0, dtype=np.uint64)
        keys = (allp >> np.uint64(32)).astype(np.uint32)
        values = (allp & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        # The same deletion reached twice in one word ("ll"): keep its fewest-deletions entry.
        wid = values // _STRIDE
        keep = np.ones(len(keys), dtype=bool)
        keep[1:] = (keys[1:] != keys[:-1]) | (wid[1:] != wid[:-1])
        return cls(keys[keep], values[keep])

    def dump(self) -> bytes:
        """Serialised form for the disk cache."""
        return len(self._keys).to_bytes(8, "little") + self._keys.tobytes() + self._values.tobytes()

    @classmethod
    def loads(cls, blob: bytes) -> DeleteIndex:
        """Inverse of dump()."""
        n = int.from_bytes(blob[:8], "little")
        if len(blob) != 8 + 8 * n:
            raise ValueError("truncated delete index")
        keys = np.frombuffer(blob, dtype=np.uint32, count=n, offset=8)
        values = np.frombuffer(blob, dtype=np.uint32, count=n, offset=8 + 4 * n)
        return cls(keys, values)

    def __len__(self) -> int:
        return len(self._keys)

    def lookup(self, word: str, query_deletes: int) -> dict[int, int]:
        """Word id -> rough edit distance, for every indexed word sharing a deletion with ``word``.

        With ``query_deletes`` = q this finds every indexed word reachable by at most q
        insertions and INDEX_DELETES deletions, substitutions counting one of each. The distance
        is the larger of the two deletion counts where they meet (fewest over all meetings).
        """
        dels = deletions(word, query_deletes)
        strings: Sequence[str] = list(dels)
        hashes = np.fromiter((_hash(s) for s in strings), dtype=np.uint32, count=len(strings))
        lo = np.searchsorted(self._keys, hashes, side="left")
        hi = np.searchsorted(self._keys, hashes, side="right")
        found: dict[int, int] = {}
        for s, a, b in zip(strings, lo.tolist(), hi.tolist(), strict=True):
            if a == b:
                continue
            kq = dels[s]
            for v in self._values[a:b].tolist():
                wid, k = divmod(v, _STRIDE)
                total = kq if kq > k else k
                if found.get(wid, 99) > total:
                    found[wid] = total
        return found
