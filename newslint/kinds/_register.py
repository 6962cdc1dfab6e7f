"""Helpers for the editorial kinds: transcript blocks and pieces written in a personal register.

A news story with one stray "we" or "!" needs a warning at each; a column, review or Q&A written
in the first person throughout needs one notice that the rule does not fit the piece (switch it
off by path or front matter), not dozens of warnings.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newslint.kinds import Hit, Option

if TYPE_CHECKING:
    from newslint.analysis import Analysis

#: a block that opens with a speaker label ("Q:", "A:", "SMITH:", "Dr. Lee:") is transcribed speech
SPEAKER_LABEL = re.compile(r"(?:[A-Z]{1,2}|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s")
#: an embedded social-media post pasted as text is its author's speech
EMBED = re.compile(r"pic\.twitter\.com/|\(@\w{1,15}\) [A-Z][a-z]+ \d{1,2}, \d{4}")
#: the words that mark the personal register (fixed: the register test is not a rule's data)
PERSONAL = frozenset(["i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"])
_REGISTER: weakref.WeakKeyDictionary[Analysis, tuple[int, int]] = weakref.WeakKeyDictionary()

PERVASIVE_OPTIONS = {
    "pervasive-share": Option(
        (int, float), default=0.1, help="share of personal-register narration sentences"
    ),
    "pervasive-min": Option((int,), default=5, help="fewest personal-register sentences"),
    "pervasive-level": Option(
        (str,), default="suggestion", choices=("error", "warning", "suggestion")
    ),
}


def in_transcript(analysis: Analysis, offset: int) -> bool:
    """True in a paragraph that opens with a speaker label or holds an embedded social post."""
    block = analysis.block_at(offset)
    if block is None:
        return False
    known: dict[tuple[int, int], bool] = analysis.memo(("transcript-blocks",), dict)
    key = (block.start, block.end)
    if key not in known:  # once per block: rules ask for every sentence
        text = analysis.text
        known[key] = bool(
            SPEAKER_LABEL.match(text, block.start, min(block.end, block.start + 40))
            or EMBED.search(text, block.start, block.end)
        )
    return known[key]


def register(analysis: Analysis) -> tuple[int, int]:
    """``(personal, narration)``: narration sentences in the personal register, and all of them.

    A sentence is personal when, outside quotations, it uses a first-person word or ends with
    "?" or "!". Computed once per analysis.
    """
    if analysis in _REGISTER:
        return _REGISTER[analysis]
    text, quotes = analysis.text, analysis.quotes
    texts, lowers, idxs = analysis.texts, analysis.lowers, analysis.idxs
    personal = narration = 0
    for sentence in analysis.sentences:
        if analysis.sentence_voice(sentence) != "narration":
            continue
        narration += 1
        end = text[sentence.start : sentence.end].rstrip(")]}\"'”’» ")
        if end.endswith(("?", "!")) and not quotes.in_quote(sentence.start + len(end) - 1):
            personal += 1
            continue
        for i in range(sentence.token_start, sentence.token_end):
            low = lowers[i]
            if low not in PERSONAL:
                continue
            capitals = texts[i].isupper() and len(low) > 1  # US, ME
            if not capitals and not quotes.in_quote(idxs[i]):
                personal += 1
                break
    _REGISTER[analysis] = (personal, narration)
    return personal, narration


def collapse_if_pervasive(
    hits: Iterable[Hit], analysis: Analysis, share: float, minimum: int, level: str
) -> Iterator[Hit]:
    """All hits with ``note=""``; or, in a piece written in the personal register throughout, only
    the first, at ``level``, with a note saying how many more there are.

    The register is pervasive when at least ``minimum`` narration sentences, and ``share`` of them,
    use the first person or end with "?" or "!" (see :func:`register`).
    """
    hits = list(hits)
    personal, narration = register(analysis)
    if len(hits) > 1 and personal >= minimum and personal >= share * max(narration, 1):
        first = hits[0]
        note = (
            f" (and {len(hits) - 1} more: a first-person or informal piece; switch the rule off"
            " for columns, reviews and blogs by path or front matter)"
        )
        yield Hit(first.start, first.end, {**first.values, "note": note}, level=level)
        return
    for hit in hits:
        yield Hit(
            hit.start, hit.end, {**hit.values, "note": ""}, hit.suggestions, hit.fix, hit.level
        )
