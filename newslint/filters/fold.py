"""One defect, one finding: findings inside a boilerplate block fold into it.

A donation appeal left in the body is one defect, though ``boilerplate.appeal`` and
``editorial.first-person`` both fire on its words; a leftover sub-heading is one defect, though
three rules see it. When a boilerplate finding covers a stretch of prose, the findings of other
families that lie wholly inside it become its ``related`` findings: kept in JSON and SARIF, not
shown or counted as separate lines. Deleting the block fixes them all.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from newslint.findings import Finding

#: the family whose findings cover a whole block of page furniture
BLOCK_FAMILY = "boilerplate"


def fold_into_blocks(findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` (sorted) with other families' findings inside a boilerplate finding's span
    moved into its ``related``. Nothing folds into a finding of the same family."""
    blocks = sorted(
        (f for f in findings if f.family == BLOCK_FAMILY and f.length > 0),
        key=lambda f: (f.offset, -f.length),
    )
    if not blocks:
        return list(findings)
    starts = [b.offset for b in blocks]
    folded: dict[int, list[Finding]] = {}
    kept: list[Finding] = []
    for finding in findings:
        owner = None if finding.family == BLOCK_FAMILY else _covering(blocks, starts, finding)
        if owner is None:
            kept.append(finding)
        else:
            folded.setdefault(owner, []).append(finding)
    if not folded:
        return list(findings)
    by_id = {id(b): i for i, b in enumerate(blocks)}
    return [
        replace(f, related=f.related + tuple(folded[by_id[id(f)]]))
        if id(f) in by_id and by_id[id(f)] in folded
        else f
        for f in kept
    ]


def _covering(blocks: list[Finding], starts: list[int], finding: Finding) -> int | None:
    """Index of the innermost block finding whose span holds ``finding``'s span."""
    end = finding.offset + max(finding.length, 1)
    for i in range(bisect.bisect_right(starts, finding.offset) - 1, -1, -1):
        block = blocks[i]
        if block.offset + block.length >= end:
            return i
    return None
