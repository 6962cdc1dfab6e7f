"""Where a rule looks: the voice (the reporter's narration or quoted speech) and the block kinds.

One test, :meth:`Scope.admits`, decides whether a hit is in scope; the engine applies it to every
hit, and kinds that collapse hits themselves apply it first so a dropped hit cannot lead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.findings import LEVEL_RANK
from newslint.readers.document import BLOCK_KINDS

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis
    from newslint.readers.document import Document

VOICES = ("narration", "quote", "any")
#: block groups usable in ``scope.block``
BLOCK_GROUPS = {
    "any": set(BLOCK_KINDS),
    "top": {"headline", "dek", "byline", "dateline"},
    "prose": {"body", "blockquote", "list", "caption", "footnote", "table"},
}


@dataclass(frozen=True)
class Scope:
    """Where a rule looks: the voice (narration, quote, any) and the block kinds.

    ``verbatim``: only hits whose prose stands unchanged in the source (no markup such as inline
    code was cut out of the span), for rules that judge neighbouring words. ``quote_level``: the
    level of hits inside quoted speech when it is lower than the rule's (a slip in a quotation is
    the reporter's transcription, worth a look rather than a warning).
    """

    voice: str = "any"
    blocks: frozenset[str] = frozenset(BLOCK_KINDS)
    verbatim: bool = False
    quote_level: str | None = None

    def allows(self, voice: str, block_kind: str | None) -> bool:
        """True when a hit with this voice in this block kind is in scope."""
        if self.voice != "any" and voice != self.voice:
            return False
        return block_kind is None or block_kind in self.blocks

    def admits(self, analysis: Analysis, offset: int, end: int | None = None) -> bool:
        """True when a hit starting at ``offset`` (ending at ``end``) of the analysed text is in
        scope."""
        voice = analysis.voice_at(offset) if self.voice != "any" else "any"
        block = analysis.block_at(offset)
        if not self.allows(voice, block.kind if block else None):
            return False
        return not self.verbatim or end is None or is_verbatim(analysis.document, offset, end)

    def level_at(self, analysis: Analysis, offset: int, level: str) -> str:
        """The level of a hit at ``offset``: ``quote_level`` inside quoted speech when lower."""
        if (
            self.quote_level is not None
            and LEVEL_RANK[self.quote_level] < LEVEL_RANK[level]
            and analysis.voice_at(offset) == "quote"
        ):
            return self.quote_level
        return level


def is_verbatim(document: Document, start: int, end: int) -> bool:
    """True when the prose ``text[start:end]`` is a stretch of the source as it stands: nothing
    (inline code, a link target, a tag) was removed from between its characters. A line break
    that the reader turned into a space counts as the same text."""
    if end - start <= 1:
        return True
    first, last = document.source_offset(start), document.source_offset(end - 1)
    source, text = document.source[first : last + 1], document.text[start:end]
    return source == text or source.split() == text.split()
