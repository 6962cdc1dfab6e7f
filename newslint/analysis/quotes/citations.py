"""Citations: every reporting clause of the narration, quotation or not (``Itani says he ...``,
``according to analyst Nicholas Heras``), for checks on how sources are introduced."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import replace

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


#: each unit's citations, by the unit's text (to the white space around it) and its narration
#: segments: a pure function of them, kept across documents and an editor's re-lints
_BY_UNIT: dict[tuple[str, tuple[tuple[int, int], ...]], list[Citation]] = {}
#: units kept (dropped all at once beyond this)
UNITS_KEPT = 2_000


def find_citations(
    text: str,
    units: Sequence[tuple[int, int]],
    outer: Sequence[Quote],
    toks_in: TokenStore,
) -> list[Citation]:
    """Every reporting clause in the narration of every unit (``Itani says``, ``said Smith``).

    What a unit holds depends on its text alone: the tokens the grammar reads are spaCy's,
    which never run over white space, reshaped within the unit's narration segments. So each
    unit's citations are kept by its text, widened to the white space around it (a unit may
    start inside a run of characters spaCy tokenizes as a whole), and found again only for a
    unit not seen before."""
    cue_words = lexicon().cue_words
    out: list[Citation] = []
    starts = [q.start for q in outer]
    cue_at = toks_in.word_starts(cue_words)  # where a cue may start
    if len(_BY_UNIT) > UNITS_KEPT:
        _BY_UNIT.clear()
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
        lo, hi = us, ue
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        key = (text[lo:hi], tuple((s - lo, e - lo) for s, e in segs))
        found = _BY_UNIT.get(key)
        if found is None:
            found = _BY_UNIT[key] = [
                _shifted(c, -lo) for c in _unit_citations(text, segs, cue_at, toks_in)
            ]
        out.extend(_shifted(c, lo) for c in found)
    return out


def _shifted(citation: Citation, by: int) -> Citation:
    cue, speaker = citation.cue, citation.speaker
    return replace(
        citation, cue=(cue[0] + by, cue[1] + by), speaker=(speaker[0] + by, speaker[1] + by)
    )


def _unit_citations(
    text: str, segs: list[tuple[int, int]], cue_at: list[int], toks_in: TokenStore
) -> Iterator[Citation]:
    """The reporting clauses of one unit's narration segments."""
    lex = lexicon()
    cue_words = lex.cue_words
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
            yield Citation(
                a.cue,
                a.speaker,
                a.kind,
                text[a.cue[0] : a.cue[1]],
                text[a.speaker[0] : a.speaker[1]],
            )
            while k < len(toks) and toks[k].start < a.cue[1]:
                k += 1  # past the cue ("according to")
