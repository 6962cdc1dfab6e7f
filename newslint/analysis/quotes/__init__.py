"""Quotation analysis: quote spans, nesting, paragraph continuation, cue and speaker.

The modules read in the order the analysis runs:

1. :mod:`.model`: what comes out (``Quote``, ``Citation``, ``QuoteAnalysis``).
2. :mod:`.lexicon`: the reporting verbs and word lists every later step consults.
3. :mod:`.tokens`: the analysis' own spaCy tokens, reshaped for the grammar where it reads.
4. :mod:`.layout`: quotations the page shows by their shape: transcript turns, block
   quotations, statements set off after a lead-in (``Roe said in a statement:``), posts signed
   under them, dash and name lines.
5. :mod:`.marks`: quotation marks paired into spans, paragraph by paragraph (continuation,
   nesting, apostrophes, unbalanced marks).
6. :mod:`.units`: sentences that never break inside a quotation.
7. :mod:`.phrases`: the noun phrases that name speakers.
8. :mod:`.mentions`: quoted words talked about rather than said (terms, titles, examples).
9. :mod:`.cues`: reporting clauses (``said Smith``, ``according to X``, ``Smith: "``) and their
   speakers.
10. :mod:`.attribution`: each quote gets its owner (own cue, continuation, the sentence before)
    and the narration's citations are listed (:mod:`.citations`).

:mod:`.names` matches the names of the people cited as an editor does, for the
``quotes.first-reference`` and ``quotes.name-spelling`` checks.

Speakers are found without a tagger: capitalisation, the reporting-verb lexicon (base verbs in
``data/quotes_lexicon.json`` inflected through spaCy's lemma lookup table) and word lists of
titles, organisations, documents and groups.
"""

from __future__ import annotations

from newslint.analysis.quotes.attribution import analyse_quotes
from newslint.analysis.quotes.lexicon import lexicon_words, reporting_verb_forms
from newslint.analysis.quotes.marks import (
    DOUBLE_CLOSE,
    DOUBLE_MARKS,
    DOUBLE_OPEN,
    SINGLE_CLOSE,
    SINGLE_MARKS,
    SINGLE_OPEN,
)
from newslint.analysis.quotes.model import Citation, Quote, QuoteAnalysis
from newslint.analysis.quotes.phrases import source_is_named

__all__ = [
    "DOUBLE_CLOSE",
    "DOUBLE_MARKS",
    "DOUBLE_OPEN",
    "SINGLE_CLOSE",
    "SINGLE_MARKS",
    "SINGLE_OPEN",
    "Citation",
    "Quote",
    "QuoteAnalysis",
    "analyse_quotes",
    "lexicon_words",
    "reporting_verb_forms",
    "source_is_named",
]
