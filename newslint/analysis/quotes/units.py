"""Sentence units: sentences with no boundary inside a quotation.

spaCy's sentencizer boundaries are only hints: it attaches an opening quote mark to the previous
sentence and splits inside quotes, so boundaries are snapped to quote starts or dropped when they
fall inside a quote, before a lower-case word, or after a dash or comma.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from newslint.analysis.quotes.lexicon import lexicon
from newslint.analysis.quotes.marks import DraftQuote

_FALLBACK_SENT_RE = re.compile(r"[.?!…][\"”’')\]]*\s+")
_NON_SPACE_RE = re.compile(r"\S")
_NO_SENTENCE_END = frozenset("—―–-,;:([{")
_WORD_BEFORE_DOT_RE = re.compile(r"(?:^|(?<=[\s(\[\"“‘']))([A-Za-z]{1,5})\.$")


def _ends_with_abbreviation(text: str, lo: int, dot: int) -> bool:
    """The full stop at ``dot`` ends a title or an initial (``Lt.``, ``Gen.``, ``W.``)."""
    m = _WORD_BEFORE_DOT_RE.search(text, max(lo, dot - 6), dot + 1)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1:
        return word.isupper()
    return (
        word.lower() + "."
    ) in lexicon().abbreviations and word.lower() not in _SENTENCE_END_ABBREVIATIONS


#: abbreviations that often end a sentence ("in Washington, D.C.", "Acme Inc.")
_SENTENCE_END_ABBREVIATIONS = frozenset({"d.c", "inc", "ltd", "co", "corp", "etc", "jr", "sr"})


def sentence_units(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
    outer: list[DraftQuote],
) -> tuple[list[tuple[int, int]], list[int]]:
    """Sentence-like units (no boundary inside a quote), and each unit's paragraph index."""
    starts = sorted({s for s, _ in sentences})
    if not starts:
        starts = sorted(m.end() for m in _FALLBACK_SENT_RE.finditer(text))
    qstarts = [q.start for q in outer]
    units: list[tuple[int, int]] = []
    unit_par: list[int] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        bounds = [ps]
        for b in starts[bisect.bisect_right(starts, ps) : bisect.bisect_left(starts, pe)]:
            k = bisect.bisect_right(qstarts, b - 1) - 1
            if k >= 0 and outer[k].start < b < outer[k].end:
                q = outer[k]
                if _NON_SPACE_RE.search(text, q.content_start, b) is None:
                    b = q.start  # the boundary is at the quote's opening: snap it to the mark
                else:
                    continue
            j = b
            while j < pe and text[j].isspace():
                j += 1
            if j < pe and text[j].islower():
                continue  # '?" he asked.': no sentence starts in lower case
            j = b - 1
            while j > ps and text[j].isspace():
                j -= 1
            if text[j] in _NO_SENTENCE_END:
                continue  # '.” ― Sonya Herridge': no sentence ends with a dash or comma
            if text[j] == "." and _ends_with_abbreviation(text, ps, j):
                continue  # "Lt. Gen. Sam Fox", "George W. Bush": no sentence ends there
            if b > bounds[-1]:
                bounds.append(b)
        bounds.append(pe)
        for a, b in zip(bounds, bounds[1:], strict=False):
            if a < b:
                units.append((a, b))
                unit_par.append(pi)
    return units, unit_par
