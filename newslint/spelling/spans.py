"""Spans: character ranges of a text with a fast "is this offset inside one?"."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence


class Spans:
    """Character spans (overlapping ones merged) with a fast "is this offset inside one?"."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self._spans = merged
        self._starts = [a for a, _ in merged]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def covers(self, offset: int) -> bool:
        if not self._spans:
            return False
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._spans[i][1]

    def covered(self, offsets: Sequence[int]) -> set[int]:
        """Indices of the (sorted) ``offsets`` that lie inside a span: a bisection per span,
        not a test per offset (few spans, many offsets)."""
        inside: set[int] = set()
        for a, b in self._spans:
            inside.update(range(bisect.bisect_left(offsets, a), bisect.bisect_left(offsets, b)))
        return inside
