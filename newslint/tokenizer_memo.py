"""spaCy tokenisation with a per-process memo of whitespace-delimited chunks.

spaCy's tokenizer splits a text into runs of non-space characters and tokenises each run on its
own (prefixes, suffixes, infixes, special cases). It caches a run's split, but only until the
first special case ("U.S.", "don't") appears in a document: after that nothing more of that
document is cached (spaCy issue #1250), so most runs of news copy are re-split every time. This
module keeps its own memo of run -> token texts, builds the ``Doc`` from words and spaces, and
gives exactly the tokens, offsets and whitespace spaCy gives (``tests/test_tokenizer_memo.py``
compares them on real copy). A text that is mostly new is tokenised by spaCy whole, and its runs
are recorded from the result.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: a non-space run and the one space that may follow it, or a whitespace run (\s and
#: str.isspace() agree, as spaCy's splitting loop needs)
_RUN = re.compile(r"(\S+)( ?)|(\s+)")
#: the memo is cleared when it grows past this many runs (about 100 MB at worst)
MAX_RUNS = 500_000
#: above this share of unseen runs, spaCy tokenises the whole text and the runs are recorded
WHOLE_TEXT_SHARE = 0.3


class MemoTokenizer:
    """``make_doc`` for one pipeline: same Doc as ``nlp.make_doc(text)``, faster on familiar text."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._memo: dict[str, tuple[str, ...]] = {}

    def make_doc(self, text: str) -> Doc:
        runs, space_after = _runs(text)
        memo = self._memo
        parts: list[tuple[str, ...] | None] = list(map(memo.get, runs))
        unseen = parts.count(None)
        if unseen > WHOLE_TEXT_SHARE * len(runs):
            doc = self._nlp.make_doc(text)
            self._record(doc, runs)
            return doc
        if unseen:
            if len(memo) + unseen > MAX_RUNS:
                memo.clear()
            tokenizer = self._nlp.tokenizer
            for i, run in enumerate(runs):
                if parts[i] is None:
                    parts[i] = memo[run] = tuple(t.text for t in tokenizer(run))
        words = list(chain.from_iterable(parts))
        if len(words) == len(runs):  # every run is one token
            spaces = space_after
        else:
            spaces = []
            for run_parts, space in zip(parts, space_after, strict=True):
                if len(run_parts) > 1:
                    spaces += [False] * (len(run_parts) - 1)
                spaces.append(space)
        from spacy.tokens import Doc

        return Doc(self._nlp.vocab, words=words, spaces=spaces)

    def _record(self, doc: Doc, runs: list[str]) -> None:
        """Remember how spaCy split each run of ``doc``'s text."""
        memo = self._memo
        if len(memo) + len(runs) > MAX_RUNS:
            memo.clear()
        texts = [t.text for t in doc]
        i = 0
        for run in runs:
            parts: list[str] = []
            size = 0
            while size < len(run) and i < len(texts):
                parts.append(texts[i])
                size += len(texts[i])
                i += 1
            if size != len(run):
                return  # not split along the runs as expected: record nothing more
            memo.setdefault(run, tuple(parts))


def _runs(text: str) -> tuple[list[str], list[bool]]:
    """The runs spaCy tokenises, and for each "a single space follows it" (spaCy's
    ``whitespace_``).

    Like spaCy: one space after a non-space run belongs to that run's last token; any other
    whitespace (more spaces, a newline, leading space) is a run, and so a token, of its own.
    """
    found = _RUN.findall(text)
    return [word or gap for word, _, gap in found], [space == " " for _, space, _ in found]


_BY_PIPELINE: dict[int, tuple[Language, MemoTokenizer]] = {}


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` through this pipeline's memo tokenizer."""
    entry = _BY_PIPELINE.get(id(nlp))
    if entry is None or entry[0] is not nlp:
        entry = _BY_PIPELINE[id(nlp)] = (nlp, MemoTokenizer(nlp))
    return entry[1].make_doc(text)
