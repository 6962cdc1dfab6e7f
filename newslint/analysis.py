"""One analysis per document: a single spaCy pass plus the news structure every rule can use.

The :class:`Analysis` holds the spaCy ``Doc`` over ``Document.text`` (tokens with lookup lemmas,
sentences that never cross a block boundary), the quotations with their speakers, and the *voice*
of each position: the reporter's narration or someone's quoted speech.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newslint.document import Block, Document
from newslint.nlp import get_nlp, lemma_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newslint.quotes import QuoteAnalysis

NARRATION = "narration"
QUOTE = "quote"


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text[start:end]``, tokens ``doc[token_start:token_end]``, in one block."""

    start: int
    end: int
    token_start: int
    token_end: int
    block: int


class Analysis:
    """Everything rules need to know about one document, computed once."""

    def __init__(self, document: Document, model: str | None = None) -> None:
        self.document = document
        self.text = document.text
        nlp = get_nlp(model)
        self.doc: Doc = nlp(self.text)
        doc = self.doc
        self._mark_block_starts()
        self.lowers: list[str] = [t.lower_ for t in doc]
        table = lemma_table()
        self.lemmas: list[str] = [table.get(low, low) for low in self.lowers]
        for token, lem in zip(doc, self.lemmas, strict=False):
            token.lemma_ = lem
        #: indices of the non-space tokens, for matching word sequences across line breaks
        self.word_tokens: list[int] = [t.i for t in doc if not t.is_space]
        self.sentences: list[Sentence] = self._sentences()
        self._sentence_starts = [s.start for s in self.sentences]

    # -- structure -------------------------------------------------------------------------
    def _mark_block_starts(self) -> None:
        """Force a sentence start at the first token of every block."""
        starts = {b.start for b in self.document.blocks}
        for token in self.doc:
            if token.idx in starts and token.i > 0:
                token.is_sent_start = True

    def _sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        doc = self.doc
        for span in doc.sents:
            first, last = span.start, span.end
            while first < last and doc[first].is_space:
                first += 1
            while last > first and doc[last - 1].is_space:
                last -= 1
            if first == last:
                continue
            start = doc[first].idx
            end = doc[last - 1].idx + len(doc[last - 1].text)
            out.append(Sentence(start, end, first, last, self.document.block_index(start)))
        return out

    @property
    def blocks(self) -> list[Block]:
        return self.document.blocks

    def block_at(self, offset: int) -> Block | None:
        """The block containing a text offset."""
        return self.document.block_at(offset)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a text offset."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_in(self, block: Block) -> list[Sentence]:
        """The sentences of one block, in order."""
        lo = bisect.bisect_left(self._sentence_starts, block.start)
        hi = bisect.bisect_left(self._sentence_starts, block.end)
        return self.sentences[lo:hi]

    def tokens(self, start: int, end: int) -> list[Token]:
        """Non-space tokens overlapping ``text[start:end]``."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if not t.is_space]

    # -- quotations and voice --------------------------------------------------------------
    @cached_property
    def quotes(self) -> QuoteAnalysis:
        """Quote spans, cues and speakers (see :mod:`newslint.quotes`)."""
        from newslint.quotes import analyse_quotes

        paragraphs = [(b.start, b.end) for b in self.document.blocks]
        sentences = [(s.start, s.end) for s in self.sentences]
        return analyse_quotes(self.text, paragraphs, sentences)

    def voice_at(self, offset: int) -> str:
        """``"quote"`` inside a quotation, else ``"narration"``."""
        return QUOTE if self.quotes.in_quote(offset) else NARRATION

    def sentence_voice(self, sentence: Sentence) -> str:
        """The voice of most of a sentence's words."""
        tokens = [t for t in self.doc[sentence.token_start : sentence.token_end] if t.is_alpha]
        quoted = sum(1 for t in tokens if self.quotes.in_quote(t.idx))
        return QUOTE if tokens and quoted * 2 > len(tokens) else NARRATION

    # -- language --------------------------------------------------------------------------
    #: below this share of English function words, prose is not English (English copy: >= 0.26)
    MIN_ENGLISH_SHARE = 0.2
    #: texts shorter than this many words are too short to judge
    MIN_WORDS_TO_JUDGE = 40

    @cached_property
    def english_share(self) -> float:
        """Share of alphabetic words that are English function words (the, of, and, ...)."""
        from spacy.lang.en.stop_words import STOP_WORDS

        words = [t.lower_ for t in self.doc if t.is_alpha]
        return sum(1 for w in words if w in STOP_WORDS) / len(words) if words else 1.0

    @property
    def looks_english(self) -> bool:
        """False for prose in another language (the rules are written for English)."""
        if self.word_count < self.MIN_WORDS_TO_JUDGE:
            return True
        return self.english_share >= self.MIN_ENGLISH_SHARE

    # -- counts ----------------------------------------------------------------------------
    @cached_property
    def word_count(self) -> int:
        """Words in the prose (alphabetic or numeric tokens)."""
        return sum(1 for t in self.doc if t.is_alpha or t.like_num)

    @cached_property
    def narration_word_count(self) -> int:
        """Words in the reporter's narration (outside quotations), body blocks only."""
        return sum(
            1 for t in self.doc if (t.is_alpha or t.like_num) and not self.quotes.in_quote(t.idx)
        )

    def stats(self) -> dict[str, Any]:
        """Per-article figures for ``--stats``."""
        q = self.quotes
        return {
            "words": self.word_count,
            "narration_words": self.narration_word_count,
            "sentences": len(self.sentences),
            "paragraphs": sum(1 for b in self.blocks if b.kind == "body"),
            **(q.stats() if hasattr(q, "stats") else {"quotes": len(q.quotes)}),
            "readability": self.readability(),
        }

    def readability(self) -> dict[str, float]:
        """Readability figures of the body copy (all prose when there is no body block),
        from newslint.metrics over the analysis' own sentence boundaries."""
        from newslint import metrics

        blocks = [b for b in self.blocks if b.kind == "body"] or list(self.blocks)
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        offset = 0
        for block in blocks:
            for s in self.sentences_in(block):
                spans.append((offset + s.start - block.start, offset + s.end - block.start))
            parts.append(self.text[block.start : block.end])
            offset += block.end - block.start + 2
        r = metrics.text_metrics("\n\n".join(parts), spans)
        names = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index")
        figures = {name: round(getattr(r, name), 1) for name in names}
        figures["avg_words_per_sentence"] = round(r.avg_words_per_sentence, 1)
        figures["avg_syllables_per_word"] = round(r.avg_syllables_per_word, 2)
        return figures
