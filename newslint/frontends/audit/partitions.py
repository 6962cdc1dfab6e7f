"""Cutting the stream of items into partitions: the Dask tasks and the output files.

A partition closes once it holds ``size`` bytes of text, so the cut depends only on the inputs
and the size, never on the cluster: a re-run, on any number of workers, finds the same
partitions and can skip the finished ones. The default size gives each task well over 100 ms of
work (copy lints at roughly 5 ms per KB on one core), keeps enough tasks for every worker to the
end of a small run, and keeps the output files few on a large one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newslint.errors import UsageError
from newslint.frontends.audit.sources import Item

KB = 1024
#: the smallest default partition (about 8 articles of 800 words: ~0.2 s of work)
MIN_PARTITION = 48 * KB
#: the largest default partition (a few hundred articles: a few seconds of work)
MAX_PARTITION = 1024 * KB
#: a small run is cut into about this many partitions (so the last ones end close together)
TARGET_PARTITIONS = 64


@dataclass(frozen=True)
class Partition:
    """Items ``index`` of a run: what one task lints and one pair of output files holds."""

    index: int
    items: tuple[Item, ...]

    @property
    def size(self) -> int:
        return sum(item.size for item in self.items)


def default_size(total_hint: int) -> int:
    """The partition size for inputs of about ``total_hint`` bytes of text."""
    return max(MIN_PARTITION, min(MAX_PARTITION, total_hint // TARGET_PARTITIONS))


def parse_size(text: str) -> int:
    """``64KB``, ``1MB``, ``50000`` as bytes (a usage error otherwise)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?\s*", text)
    if not m:
        raise UsageError(f"--partition-size: {text!r} is not a size (e.g. 64KB, 1MB)")
    factor = {"": 1, "k": KB, "m": KB * KB, "g": KB**3}[m.group(2).lower()]
    size = int(float(m.group(1)) * factor)
    if size < 1:
        raise UsageError("--partition-size: must be at least 1 byte")
    return size


def cut(items: Iterable[Item], size: int) -> Iterator[Partition]:
    """Consecutive items, grouped until each group holds at least ``size`` bytes."""
    batch: list[Item] = []
    held = index = 0
    for item in items:
        batch.append(item)
        held += item.size
        if held >= size:
            yield Partition(index, tuple(batch))
            index += 1
            batch, held = [], 0
    if batch:
        yield Partition(index, tuple(batch))
