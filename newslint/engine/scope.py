"""Where a rule looks: the voice (the reporter's narration or quoted speech) and the block kinds.

One test, :meth:`Scope.admits`, decides whether a hit is in scope; the engine applies it to every
hit, and kinds that collapse hits themselves apply it first so a dropped hit cannot lead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.readers.document import BLOCK_KINDS

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

VOICES = ("narration", "quote", "any")
#: block groups usable in ``scope.block``
BLOCK_GROUPS = {
    "any": set(BLOCK_KINDS),
    "top": {"headline", "dek", "byline", "dateline"},
    "prose": {"body", "blockquote", "list", "caption", "footnote", "table"},
}


@dataclass(frozen=True)
class Scope:
    """Where a rule looks: the voice (narration, quote, any) and the block kinds."""

    voice: str = "any"
    blocks: frozenset[str] = frozenset(BLOCK_KINDS)

    def allows(self, voice: str, block_kind: str | None) -> bool:
        """True when a hit with this voice in this block kind is in scope."""
        if self.voice != "any" and voice != self.voice:
            return False
        return block_kind is None or block_kind in self.blocks

    def admits(self, analysis: Analysis, offset: int) -> bool:
        """True when a hit starting at ``offset`` of the analysed text is in scope."""
        voice = analysis.voice_at(offset) if self.voice != "any" else "any"
        block = analysis.block_at(offset)
        return self.allows(voice, block.kind if block else None)
