"""Where in its block or sentence a match sits (``position`` option of phrase-like kinds)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslint.engine.kind import Option

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

POSITIONS = ("anywhere", "sentence-start", "block-start", "whole-block")
POSITION_OPTION = Option(
    (str,),
    default="anywhere",
    choices=POSITIONS,
    help="where the match must sit (whole-block: the match is the whole line or block)",
)
_EDGE = re.compile(r"^[\s\W_]*$")


def at_position(analysis: Analysis, start: int, end: int, position: str) -> bool:
    """True when ``text[start:end]`` sits at ``position``; edges may hold punctuation only."""
    if position == "anywhere":
        return True
    text = analysis.text
    if position == "sentence-start":
        sentence = analysis.sentence_at(start)
        return sentence is not None and bool(_EDGE.match(text[sentence.start : start]))
    block = analysis.block_at(start)
    if block is None or not _EDGE.match(text[block.start : start]):
        return False
    return position == "block-start" or bool(_EDGE.match(text[end : block.end]))
