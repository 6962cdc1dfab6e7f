"""Helpers for the editorial kinds: transcript blocks and pieces written in a personal register.

A news story with one stray "we" or "!" needs a warning at each; a column, review or Q&A written
in the first person throughout needs one notice that the rule does not fit the piece (switch it
off by path or front matter), not dozens of warnings.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.engine.kind import Hit, Option, OptionError

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis, Sentence
    from newslint.engine.scope import Scope

#: a block that opens with a speaker label ("Q:", "A:", "SMITH:", "Dr. Lee:") is transcribed speech
SPEAKER_LABEL = re.compile(r"(?:[A-Z]{1,2}|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s")
#: an embedded social-media post pasted as text is its author's speech
EMBED = re.compile(r"pic\.twitter\.com/|\(@\w{1,15}\) [A-Z][a-z]+ \d{1,2}, \d{4}")
#: the words that mark the personal register (fixed: the register test is not a rule's data)
PERSONAL = frozenset(["i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"])
#: the block kinds whose narration makes up the piece's register (copy, not headlines or bylines)
PROSE_BLOCKS = frozenset(["body", "blockquote", "list", "caption", "footnote", "table"])
CLOSERS = ")]}\"'”’» "

DEFAULT_NOTE = (
    " ({count} in this piece; {personal} of its {sentences} narration sentences, in {paragraphs}"
    " paragraphs, speak in the first person, ask or exclaim: if it is news, rewrite them; for"
    " columns, reviews and blogs switch the rule off by path or front matter)"
)
NOTE_FIELDS = ("count", "more", "personal", "sentences", "paragraphs")

PERVASIVE_OPTIONS = {
    "pervasive-share": Option(
        (int, float), default=0.1, help="share of personal-register narration sentences"
    ),
    "pervasive-min": Option((int,), default=4, help="fewest personal-register sentences"),
    "pervasive-paragraphs": Option(
        (int,), default=3, help="fewest paragraphs the personal-register sentences span"
    ),
    "pervasive-dense-share": Option(
        (int, float),
        default=0.33,
        help="share of personal-register sentences that is pervasive however few paragraphs",
    ),
    "pervasive-level": Option(
        (str,),
        default="suggestion",
        choices=("error", "warning", "suggestion"),
        help="level of the one notice that replaces the findings in a personal piece",
    ),
    "pervasive-note": Option(
        (str,),
        default=DEFAULT_NOTE,
        help="the one notice's {note}: {count} {more} {personal} {sentences} {paragraphs}",
    ),
}


@dataclass(frozen=True)
class Pervasive:
    """A rule's thresholds for "written in a personal register throughout"."""

    share: float
    minimum: int
    paragraphs: int
    dense_share: float
    level: str
    note: str

    @classmethod
    def from_options(cls, options: dict) -> Pervasive:
        share = float(options["pervasive-share"])
        if share < 0:
            raise OptionError("pervasive-share", "must not be negative")
        note = options["pervasive-note"]
        try:
            note.format(**dict.fromkeys(NOTE_FIELDS, 0))
        except (KeyError, IndexError, ValueError) as exc:
            fields = ", ".join("{" + f + "}" for f in NOTE_FIELDS)
            raise OptionError("pervasive-note", f"fields are {fields}: {exc}") from None
        return cls(
            share,
            options["pervasive-min"],
            options["pervasive-paragraphs"],
            float(options["pervasive-dense-share"]),
            options["pervasive-level"],
            note,
        )


@dataclass(frozen=True)
class Register:
    """Narration sentences of a piece's copy, and those of them in the personal register."""

    personal: int
    narration: int
    paragraphs: int  # distinct paragraphs holding a personal-register sentence


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


def register(analysis: Analysis) -> Register:
    """The personal register of a piece, computed once per analysis.

    Counted over the narration sentences of the copy (prose blocks, not headlines; not transcript
    paragraphs, which the editorial rules skip too). A sentence is personal when, outside
    quotations, it uses a first-person word or ends with "?" or "!".
    """
    return analysis.memo(("personal-register",), lambda: _register(analysis))


def _register(analysis: Analysis) -> Register:
    blocks = analysis.blocks
    personal = narration = 0
    paragraphs: set[int] = set()
    for sentence in analysis.sentences:
        if blocks and blocks[sentence.block].kind not in PROSE_BLOCKS:
            continue
        if analysis.sentence_voice(sentence) != "narration":
            continue
        if in_transcript(analysis, sentence.start):
            continue
        narration += 1
        if _is_personal(analysis, sentence):
            personal += 1
            paragraphs.add(sentence.block)
    return Register(personal, narration, len(paragraphs))


def _is_personal(analysis: Analysis, sentence: Sentence) -> bool:
    text, quotes = analysis.text, analysis.quotes
    texts, lowers, idxs = analysis.texts, analysis.lowers, analysis.idxs
    end = text[sentence.start : sentence.end].rstrip(CLOSERS)
    if end.endswith(("?", "!")) and not quotes.in_quote(sentence.start + len(end) - 1):
        return True
    positions = analysis.positions_of(PERSONAL)
    first = bisect_left(positions, sentence.token_start)
    for i in positions[first : bisect_left(positions, sentence.token_end, first)]:
        low = lowers[i]
        capitals = texts[i].isupper() and len(low) > 1  # US, ME
        if not capitals and not quotes.in_quote(idxs[i]):
            return True
    return False


def collapse_if_pervasive(
    hits: Iterable[Hit], analysis: Analysis, pervasive: Pervasive, scope: Scope | None = None
) -> Iterator[Hit]:
    """All in-scope hits with ``note=""``; or, in a piece written in the personal register
    throughout, only the first (even when it is the only one: the register is the piece's, not
    the sentence's), at ``pervasive.level``, with ``pervasive.note`` as its note.

    The register is pervasive when at least ``minimum`` narration sentences, and ``share`` of
    them, use the first person or end with "?" or "!" (see :func:`register`), and they are
    spread over at least ``paragraphs`` paragraphs or make up ``dense_share`` of the narration: a
    single paragraph of "we" in a story (an editor's note, an appeal for donations) is not a
    first-person piece, and its sentences stay flagged one by one.
    """
    # the engine's scope test first: a hit it would drop must not lead
    hits = [hit for hit in hits if scope is None or scope.admits(analysis, hit.start)]
    reg = register(analysis)
    narration = max(reg.narration, 1)
    if (
        hits
        and reg.personal >= pervasive.minimum
        and reg.personal >= pervasive.share * narration
        and (
            reg.paragraphs >= pervasive.paragraphs
            or reg.personal >= pervasive.dense_share * narration
        )
    ):
        first = hits[0]
        note = pervasive.note.format(
            count=len(hits),
            more=len(hits) - 1,
            personal=reg.personal,
            sentences=reg.narration,
            paragraphs=reg.paragraphs,
        )
        yield Hit(first.start, first.end, {**first.values, "note": note}, level=pervasive.level)
        return
    for hit in hits:
        yield Hit(
            hit.start, hit.end, {**hit.values, "note": ""}, hit.suggestions, hit.fix, hit.level
        )
