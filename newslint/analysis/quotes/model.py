"""The data model: what the quotation analysis hands to rules.

A :class:`Quote` per quotation span (with its nesting, paragraph continuation, cue and speaker), a
:class:`Citation` per reporting clause in the narration, and the :class:`QuoteAnalysis` that holds
them with fast look-ups by offset (``in_quote``, ``quote_at``) and the counts behind ``--stats``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newslint.analysis.quotes.phrases import source_is_named


@dataclass(frozen=True)
class Quote:
    """One quotation span (offsets into the analysed text; ``start``/``end`` include marks).

    ``form`` says how the page shows it: ``marks`` (quotation marks), ``block`` (a block
    quotation) or ``turn`` (a transcript turn after a speaker label). ``closed`` is False for a
    mark that never closes (the span then runs to the next mark or the end of the paragraph) and
    for the words before a stray closing mark. ``mention`` names why quoted words are talked
    about rather than said (``term``, ``title``, ``named``, ``example``, ...; see
    :mod:`newslint.analysis.quotes.mentions`), and ``how`` which shape of the attribution
    grammar gave the speaker (``after``, ``before``, ``inverted``, ``next-sentence``,
    ``dash-line``, ``transcript``, ``continuation``, ``previous-sentence`` ...).
    """

    start: int
    end: int
    content_start: int
    content_end: int
    open_mark: str | None
    close_mark: str | None
    depth: int = 0
    continues: bool = False
    continuation_of: int | None = None
    parent: int | None = None
    form: str = "marks"
    closed: bool = True
    mention: str | None = None
    cue: tuple[int, int] | None = None
    cue_text: str | None = None
    speaker: tuple[int, int] | None = None
    speaker_text: str | None = None
    speaker_kind: str | None = None
    how: str | None = None
    inherited: bool = False

    @property
    def attributed(self) -> bool:
        """True when the quote has an owner (own cue or inherited)."""
        return self.speaker is not None

    @property
    def is_term(self) -> bool:
        """Quoted words that nobody is saying (a term, a title, an example ...): a mention."""
        return self.mention is not None

    @property
    def is_orphan(self) -> bool:
        """An outer quotation in marks, closed and not a mention, that nobody owns."""
        return (
            self.speaker is None
            and self.depth == 0
            and self.mention is None
            and self.closed
            and self.form == "marks"
        )


@dataclass(frozen=True)
class Citation:
    """A reporting clause in narration, quote or not: ``Itani says``, ``according to X``."""

    cue: tuple[int, int]
    speaker: tuple[int, int]
    speaker_kind: str
    cue_text: str
    speaker_text: str


@dataclass(frozen=True)
class QuoteAnalysis:
    """All quotes of a document in order, plus unbalanced marks.

    ``citations`` (computed on first use) lists every reporting clause in the narration, with or
    without a quotation: what ``quotes.first-reference`` checks.
    """

    quotes: list[Quote]
    unbalanced: list[tuple[int, str]]
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _outer: list[int] = field(default_factory=list, repr=False, compare=False)
    _children: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)
    #: finds the citations when first asked (set by the analyser; none without it)
    _find_citations: Callable[[], list[Citation]] | None = field(
        default=None, repr=False, compare=False
    )
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def citations(self) -> list[Citation]:
        """Reporting clauses in narration (outside quotes), in text order; computed once."""
        found = self._cache.get("citations")
        if found is None:
            find = self._find_citations
            found = self._cache["citations"] = find() if find is not None else []
        return found  # type: ignore[return-value]

    def stats(self) -> dict[str, int]:
        """Counts for ``--stats``.

        ``quotes``: outer quotations that are speech (not mentions); ``attributed_quotes`` and
        ``orphan_quotes`` split them (a quotation with a mark that never closes is neither: it is
        reported as unbalanced); ``quoted_mentions`` counts the quoted terms, titles and examples.
        Sources are the distinct speakers of quotes attributed by their own cue (pronouns and
        inherited owners are not new sources): ``named_sources`` are people named by a
        capitalised name (``Mr. Yetkın``, ``analyst Nicholas Heras``) and named institutions
        (``the Pentagon``); ``unnamed_sources`` are groups, documents and people described
        without a name (``officials``, ``a senior adviser to Erdogan``).
        """
        outer = [q for q in self.quotes if q.depth == 0]
        quotes = [q for q in outer if q.mention is None]
        named: set[str] = set()
        unnamed: set[str] = set()
        for q in quotes:
            if q.speaker_text is None or q.inherited or q.speaker_kind == "pronoun":
                continue
            key = " ".join(q.speaker_text.lower().split())
            (named if source_is_named(q.speaker_text, q.speaker_kind) else unnamed).add(key)
        return {
            "quotes": len(quotes),
            "attributed_quotes": sum(1 for q in quotes if q.attributed),
            "orphan_quotes": sum(1 for q in quotes if q.is_orphan),
            "quoted_mentions": len(outer) - len(quotes),
            "named_sources": len(named),
            "unnamed_sources": len(unnamed),
        }

    def _outer_index(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0:
            q = self.quotes[self._outer[i]]
            if q.start <= offset < q.end:
                return self._outer[i]
        return None

    def in_quote(self, offset: int) -> bool:
        """True when the character at ``offset`` lies inside a quotation (marks included)."""
        return self._outer_index(offset) is not None

    def in_quote_many(self, offsets: Sequence[int]) -> list[bool]:
        """``[in_quote(o) for o in offsets]`` for ascending offsets: per quotation, the run of
        offsets it holds is found by bisection (no Python step per offset)."""
        offsets = list(offsets)
        if offsets != sorted(offsets):
            raise ValueError("offsets must be in ascending order")
        starts, outer, quotes = self._starts, self._outer, self.quotes
        out = [False] * len(offsets)
        for i, start in enumerate(starts):
            # the offsets whose last quotation starting at or before them is this one, and
            # that lie before its end
            end = quotes[outer[i]].end
            if i + 1 < len(starts):
                end = min(end, starts[i + 1])
            lo = bisect.bisect_left(offsets, start)
            hi = bisect.bisect_left(offsets, end, lo)
            if hi > lo:
                out[lo:hi] = [True] * (hi - lo)
        return out

    def quote_at(self, offset: int) -> Quote | None:
        """The innermost quote containing ``offset``, or None."""
        idx = self._outer_index(offset)
        if idx is None:
            return None
        while True:
            for child in self._children.get(idx, ()):
                c = self.quotes[child]
                if c.start <= offset < c.end:
                    idx = child
                    break
            else:
                return self.quotes[idx]
