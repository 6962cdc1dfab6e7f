"""One analysis per document: a single spaCy pass plus the news structure every rule can use.

The :class:`Analysis` holds the spaCy ``Doc`` over ``Document.text`` (tokens with lookup lemmas,
sentences that never cross a block boundary), the quotations with their speakers, and the *voice*
of each position: the reporter's narration or someone's quoted speech.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from newslint.analysis.nlp import get_nlp, lemma_table
from newslint.analysis.tokenizer_memo import make_doc
from newslint.readers.document import Block, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from newslint.analysis.quotes import QuoteAnalysis

_T = TypeVar("_T")

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
        self._memo: dict[Hashable, Any] = {}
        self.doc: Doc = self._parse(get_nlp(model))
        #: indices of the non-space tokens, for matching word sequences across line breaks
        self.word_tokens: list[int] = [i for i, sp in enumerate(self.is_space) if not sp]
        self.sentences: list[Sentence] = self._sentences()
        self._sentence_starts = [s.start for s in self.sentences]

    # -- tokens ----------------------------------------------------------------------------
    def _parse(self, nlp: Language) -> Doc:
        """Tokenise and split sentences (block starts always open one); set lookup lemmas.

        Token attributes are read once into plain lists (``idxs``, ``texts``, ``lowers``,
        ``lemmas``, ``is_alpha``, ``is_space``, ``like_num``; item i is ``doc[i]``'s): building
        spaCy ``Token`` objects is costly, so rules index these lists instead of walking the Doc.
        A pipeline that is only spaCy's sentencizer is run here on those lists, with the same
        result as ``nlp(text)``.
        """
        import numpy
        from spacy.attrs import (
            IDX,
            IS_ALPHA,
            IS_PUNCT,
            IS_SPACE,
            LEMMA,
            LENGTH,
            LIKE_NUM,
            SENT_START,
        )
        from spacy.pipeline import Sentencizer

        text = self.text
        doc = make_doc(nlp, text)  # nlp.make_doc(text), with a memo of familiar words
        procs = [proc for _, proc in nlp.pipeline]
        sentencizer = procs[0] if len(procs) == 1 and type(procs[0]) is Sentencizer else None
        if sentencizer is None:
            for proc in procs:
                doc = proc(doc)
        attrs = [IDX, LENGTH, IS_ALPHA, IS_SPACE, LIKE_NUM, IS_PUNCT, SENT_START]
        columns = doc.to_array(attrs).T.tolist() if len(doc) else [[] for _ in attrs]
        idxs, lengths, alpha, space, num, punct, sent_start = columns
        #: per token: start offset, text, and spaCy's is_alpha / is_space / like_num flags
        self.idxs: list[int] = idxs
        self.texts: list[str] = [text[i : i + n] for i, n in zip(idxs, lengths, strict=True)]
        self.is_alpha: list[bool] = list(map(bool, alpha))
        self.is_space: list[bool] = list(map(bool, space))
        self.like_num: list[bool] = list(map(bool, num))
        self.lowers: list[str] = list(map(str.lower, self.texts))
        self.lemmas: list[str] = list(map(lemma_table().get, self.lowers, self.lowers))
        if sentencizer is not None:
            starts = _sentencize(self.texts, punct, sentencizer.punct_chars)
        else:
            starts = [v == 1 for v in sent_start]
        for block in self.document.blocks:  # force a sentence start at the first token of a block
            i = bisect.bisect_left(idxs, block.start)
            if 0 < i < len(idxs) and idxs[i] == block.start and not starts[i]:
                starts[i] = True
                if sentencizer is None:
                    doc[i].is_sent_start = True
        self._sent_starts = starts
        if len(doc):
            add = doc.vocab.strings.add
            lemma_ids = numpy.array(list(map(add, self.lemmas)), dtype=numpy.uint64)
            if sentencizer is None:
                doc.from_array([LEMMA], lemma_ids)
            else:
                flags = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype(numpy.int64)
                doc.from_array(
                    [LEMMA, SENT_START], numpy.stack([lemma_ids, flags.view(numpy.uint64)], axis=1)
                )
        return doc

    def _sentence_bounds(self) -> list[tuple[int, int]]:
        """Token ranges of the Doc's sentences (as ``doc.sents`` yields them)."""
        doc = self.doc
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            return [(span.start, span.end) for span in doc.sents]
        starts = [0, *(i for i, s in enumerate(self._sent_starts) if s and i > 0), len(doc)]
        return [(a, b) for a, b in zip(starts, starts[1:], strict=False) if a < b]

    def _sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        space, idxs, texts = self.is_space, self.idxs, self.texts
        for first, last in self._sentence_bounds():
            while first < last and space[first]:
                first += 1
            while last > first and space[last - 1]:
                last -= 1
            if first == last:
                continue
            start = idxs[first]
            end = idxs[last - 1] + len(texts[last - 1])
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

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping ``text[start:end]`` (spaCy's ``char_span`` with
        ``alignment_mode="expand"``; empty where that gives no span)."""
        first, last = self._token_at(start), self._token_at(end - 1)
        if first < 0 or last < 0:
            return range(0)
        if start == self.idxs[first] + len(self.texts[first]):
            first += 1  # trailing whitespace is not part of the previous token
        if first > last + 1:
            raise IndexError(f"no token span for characters {start}..{end}")
        return range(first, last + 1)

    def _token_at(self, offset: int) -> int:
        """Index of the token whose text or trailing space holds ``offset``; -1 outside the text."""
        if offset < 0 or offset >= len(self.text):
            return -1
        return bisect.bisect_right(self.idxs, offset) - 1

    def word_indices(self, start: int, end: int) -> list[int]:
        """Indices of the non-space tokens overlapping ``text[start:end]``."""
        space = self.is_space
        return [i for i in self.token_range(start, end) if not space[i]]

    def tokens(self, start: int, end: int) -> list[Token]:
        """Non-space tokens overlapping ``text[start:end]``."""
        doc = self.doc
        return [doc[i] for i in self.word_indices(start, end)]

    def positions_of(self, words: frozenset[str], exact: bool = False) -> list[int]:
        """Indices of the tokens whose lower case (``exact``: whose text) is one of ``words``, in
        order (once per document and word set): a rule about a few words visits those, not every
        token."""
        seq = self.texts if exact else self.lowers
        return self.memo(
            ("positions-of", words, exact), lambda: [i for i, w in enumerate(seq) if w in words]
        )

    def positions_by_word(self, words: frozenset[str], exact: bool = False) -> dict[str, list[int]]:
        """:meth:`positions_of` by word: where each of ``words`` occurs (once per document and
        word set), so several rules that share one set of words share one pass over the tokens."""
        seq = self.texts if exact else self.lowers

        def build() -> dict[str, list[int]]:
            out: dict[str, list[int]] = {}
            for i in self.positions_of(words, exact):
                out.setdefault(seq[i], []).append(i)
            return out

        return self.memo(("positions-by-word", words, exact), build)

    def sentences_with(self, words: frozenset[str]) -> list[Sentence]:
        """The sentences holding a token whose lower case is one of ``words``, in order."""

        def build() -> list[Sentence]:
            positions = self.positions_of(words)
            out: list[Sentence] = []
            if not positions:
                return out
            for sentence in self.sentences:
                k = bisect.bisect_left(positions, sentence.token_start)
                if k < len(positions) and positions[k] < sentence.token_end:
                    out.append(sentence)
            return out

        return self.memo(("sentences-with", words), build)

    @cached_property
    def alpha_before(self) -> list[int]:
        """Item i: how many of the tokens before token i are alphabetic (a sentence's word
        count is ``alpha_before[token_end] - alpha_before[token_start]``)."""
        return [0, *itertools.accumulate(self.is_alpha)]

    def memo(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once per document and ``key``: derived data that several rules
        share (the key names the computation and every input other than this document)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    # -- quotations and voice --------------------------------------------------------------
    @cached_property
    def quotes(self) -> QuoteAnalysis:
        """Quote spans, cues and speakers (see :mod:`newslint.analysis.quotes`)."""
        from newslint.analysis.quotes import analyse_quotes

        paragraphs = [(b.start, b.end, b.kind) for b in self.document.blocks]
        sentences = [(s.start, s.end) for s in self.sentences]
        tokens = (self.idxs, self.texts, self.lowers)
        plain = self.document.format == "text"
        return analyse_quotes(self.text, paragraphs, sentences, tokens, plain_text=plain)

    @cached_property
    def quoted(self) -> list[bool]:
        """Per token: whether it starts inside a quotation (``quotes.in_quote(idxs[i])``)."""
        return self.quotes.in_quote_many(self.idxs)

    def voice_at(self, offset: int) -> str:
        """``"quote"`` inside a quotation, else ``"narration"``."""
        return QUOTE if self.quotes.in_quote(offset) else NARRATION

    def sentence_voice(self, sentence: Sentence) -> str:
        """The voice of most of a sentence's words."""
        first, last = sentence.token_start, sentence.token_end
        words = self.alpha_before[last] - self.alpha_before[first]
        inside = self._quoted_alpha_before[last] - self._quoted_alpha_before[first]
        return QUOTE if words and inside * 2 > words else NARRATION

    @cached_property
    def _quoted_alpha_before(self) -> list[int]:
        """Item i: how many of the tokens before token i are alphabetic and quoted."""
        both = map(bool.__and__, self.is_alpha, self.quoted)
        return [0, *itertools.accumulate(both)]

    # -- language --------------------------------------------------------------------------
    #: below this share of English function words, prose is not English (English copy: >= 0.26)
    MIN_ENGLISH_SHARE = 0.2
    #: texts shorter than this many words are too short to judge
    MIN_WORDS_TO_JUDGE = 40

    @cached_property
    def english_share(self) -> float:
        """Share of alphabetic words that are English function words (the, of, and, ...)."""
        from spacy.lang.en.stop_words import STOP_WORDS

        words = [low for low, alpha in zip(self.lowers, self.is_alpha, strict=True) if alpha]
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
        return sum(1 for a, n in zip(self.is_alpha, self.like_num, strict=True) if a or n)

    @cached_property
    def narration_word_count(self) -> int:
        """Words in the reporter's narration (outside quotations), body blocks only."""
        return sum(
            1
            for a, n, q in zip(self.is_alpha, self.like_num, self.quoted, strict=True)
            if (a or n) and not q
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
        from newslint.analysis.metrics over the analysis' own sentence boundaries."""
        from newslint.analysis import metrics

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


def _sentencize(texts: list[str], punct: list[int], punct_chars: set[str]) -> list[bool]:
    """Sentence starts as spaCy's ``Sentencizer`` sets them: a sentence ends after a run of
    its punctuation characters, at the next token that is not punctuation."""
    starts = [False] * len(texts)
    if texts:
        starts[0] = True
    seen_period = False
    for i, token in enumerate(texts):
        in_punct_chars = token in punct_chars
        if seen_period and not punct[i] and not in_punct_chars:
            starts[i] = True
            seen_period = False
        elif in_punct_chars:
            seen_period = True
    return starts
