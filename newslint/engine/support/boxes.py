"""Product boxes: the shopping widgets of deals pages, found once and shared by several kinds.

A product box is a short stack of lines (product name, feature bullets, a price, "Available from
Amazon", an affiliate note) closed by a call to action ("Buy Now"). Copied into text it is one
piece of page furniture: the ``commerce`` kind reports each box once, and the line-by-line kinds
(``fragment``, ``furniture``) leave the lines inside a box alone so that a box is not reported ten
times over.

Option shape shared by those kinds (YAML anchors keep one copy of the patterns)::

    commerce-boxes: {call-to-action: ['buy now', ...], price: ['\\$\\d+(?:\\.\\d\\d)?', ...]}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import OptionError
from newslint.engine.support.layout import layout
from newslint.engine.support.line_patterns import (
    LineUnion,
    compile_line_patterns,
    flatten_patterns,
)

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

#: a call to action is a bare button label
MAX_CTA_WORDS = 8
#: a paragraph of this many words ends the walk back from a call to action (so does a sentence
#: of the article core); feature bullets are shorter
PARAGRAPH_WORDS = 40


@dataclass(frozen=True)
class BoxFinder:
    """Compiled patterns of a box: its closing call to action and the price inside it."""

    cta: LineUnion
    price: LineUnion
    min_lines: int = 3
    max_lines: int = 25

    def boxes(self, analysis: Analysis) -> list[tuple[int, int]]:
        """``(first, last)`` block indices of each product box, in order (found once per document
        for all the rules with the same box patterns)."""
        return analysis.memo(("commerce-boxes", self), lambda: self._find(analysis))

    def _find(self, analysis: Analysis) -> list[tuple[int, int]]:
        lay = layout(analysis)
        lines = lay.lines
        out: list[tuple[int, int]] = []
        floor = 0  # position after the previous box
        for position, line in enumerate(lines):
            if line.words > MAX_CTA_WORDS or not self.cta.fullmatch(line.text):
                continue
            start = position
            while start > floor and position - start + 1 < self.max_lines:
                before = lines[start - 1]
                if before.words >= PARAGRAPH_WORDS or (before.sentence and lay.in_core(start - 1)):
                    break  # a paragraph of the article
                start -= 1
            inside = lines[start:position]
            if position - start + 1 >= self.min_lines and any(
                self.price.fullmatch(other.text) for other in inside
            ):
                out.append((lines[start].index, line.index))
                floor = position + 1
        return out

    def claimed(self, analysis: Analysis) -> set[int]:
        """Block indices inside any product box."""
        return {i for lo, hi in self.boxes(analysis) for i in range(lo, hi + 1)}


def box_finder(raw: Any, field: str = "commerce-boxes") -> BoxFinder | None:
    """A finder from the ``commerce-boxes`` option (None when the option is empty)."""
    if not raw:
        return None
    if not isinstance(raw, Mapping) or set(raw) - {"call-to-action", "price", "min-lines"}:
        raise OptionError(field, "must map call-to-action and price to lists of patterns")
    cta = compile_line_patterns(flatten_patterns(raw.get("call-to-action", []), field), field)
    price = compile_line_patterns(flatten_patterns(raw.get("price", []), field), field)
    if cta is None or price is None:
        raise OptionError(field, "needs both call-to-action and price patterns")
    return BoxFinder(cta, price, int(raw.get("min-lines", 3)))
