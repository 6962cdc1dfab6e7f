"""Citations: every reporting clause of the narration, quotation or not (``Itani says he ...``,
``according to analyst Nicholas Heras``), for checks on how sources are introduced."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from newslint.analysis.quotes.cues import Subject, attribution_at, sentence_subject
from newslint.analysis.quotes.lexicon import lexicon
from newslint.analysis.quotes.model import Citation, Quote
from newslint.analysis.quotes.tokens import TokenStore


class UnitSubject:
    """The subject of a unit's first narration segment, found on the first call (most cues
    never ask for it)."""

    def __init__(self, toks: TokenStore, segment: tuple[int, int]) -> None:
        self._toks = toks
        self._segment = segment
        self._subject: Subject | bool = False  # False: not looked for yet

    def __call__(self) -> Subject:
        if self._subject is False:
            self._subject = sentence_subject(self._toks(*self._segment))
        return self._subject  # type: ignore[return-value]


def find_citations(
    text: str,
    units: Sequence[tuple[int, int]],
    outer: Sequence[Quote],
    toks_in: TokenStore,
) -> list[Citation]:
    """Every reporting clause in the narration of every unit (``Itani says``, ``said Smith``)."""
    lex = lexicon()
    cue_words = lex.cue_words
    out: list[Citation] = []
    starts = [q.start for q in outer]
    cue_at = toks_in.word_starts(cue_words)  # where a cue may start
    for us, ue in units:
        first = bisect.bisect_left(cue_at, us)
        if first == len(cue_at) or cue_at[first] >= ue:
            continue  # no reporting verb anywhere in this unit

        segs: list[tuple[int, int]] = []
        pos = us
        for qi in range(bisect.bisect_left(starts, us), bisect.bisect_left(starts, ue)):
            segs.append((pos, outer[qi].start))
            pos = max(pos, outer[qi].end)
        segs.append((pos, ue))
        subject = UnitSubject(toks_in, segs[0])
        for s, e in segs:
            first = bisect.bisect_left(cue_at, s)
            if first == len(cue_at) or cue_at[first] >= e:
                continue  # no reporting verb in this segment
            toks = toks_in(s, e)
            k = 0
            while k < len(toks):
                if toks[k].low not in cue_words:
                    k += 1
                    continue
                a = attribution_at(toks, k, 0, len(toks), subject)
                if a is None or lex.verbs.get(toks[k].low) in lex.not_citation_verbs:
                    k += 1
                    continue
                out.append(
                    Citation(
                        a.cue,
                        a.speaker,
                        a.kind,
                        text[a.cue[0] : a.cue[1]],
                        text[a.speaker[0] : a.speaker[1]],
                    )
                )
                while k < len(toks) and toks[k].start < a.cue[1]:
                    k += 1  # past the cue ("according to")
    return out
