"""spaCy tokenisation with a per-process memo of whitespace-delimited chunks.

spaCy's tokenizer splits a text into runs of non-space characters and tokenises each run on its
own (prefixes, suffixes, infixes, special cases). It caches a run's split, but only until the
first special case ("U.S.", "don't") appears in a document: after that nothing more of that
document is cached (spaCy issue #1250), so most runs of news copy are re-split every time. This
module keeps its own memo of run -> token texts, builds the ``Doc`` from words and spaces, and
gives exactly the tokens, offsets and whitespace spaCy gives (``tests/test_tokenizer_memo.py``
compares them on real copy). The runs a text brings that the memo lacks are tokenised together,
in one call to spaCy.
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


class MemoTokenizer:
    """``make_doc`` for one pipeline: same Doc as ``nlp.make_doc(text)``, faster on familiar text."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._memo: dict[str, tuple[str, ...]] = {}

    def make_doc(self, text: str) -> Doc:
        runs, space_after = _runs(text)
        memo = self._memo
        parts: list[tuple[str, ...] | None] = list(map(memo.get, runs))
        if None in parts:
            unseen = list(
                dict.fromkeys(run for run, p in zip(runs, parts, strict=True) if p is None)
            )
            if len(memo) + len(unseen) > MAX_RUNS:
                memo.clear()
                unseen = list(dict.fromkeys(runs))
            self._learn(unseen)
            parts = list(map(memo.__getitem__, runs))
        words = list(chain.from_iterable(parts))  # type: ignore[arg-type]
        if len(words) == len(runs):  # every run is one token
            spaces = space_after
        else:
            spaces = []
            for run_parts, space in zip(parts, space_after, strict=True):
                if len(run_parts) > 1:  # type: ignore[arg-type]
                    spaces += [False] * (len(run_parts) - 1)  # type: ignore[arg-type]
                spaces.append(space)
        from spacy.tokens import Doc

        return Doc(self._nlp.vocab, words=words, spaces=spaces)

    def _learn(self, runs: list[str]) -> None:
        """Tokenise new runs into the memo, the non-space ones in one call to spaCy: it splits each
        run on its own whatever its neighbours, so joining them with single spaces changes no
        split (and the alignment below checks every run's length)."""
        tokenizer = self._nlp.tokenizer
        memo = self._memo
        words = [run for run in runs if not run.isspace()]
        if words:
            texts = [t.text for t in tokenizer(" ".join(words))]
            i = 0
            for run in words:
                parts: list[str] = []
                size = 0
                while size < len(run) and i < len(texts):
                    parts.append(texts[i])
                    size += len(texts[i])
                    i += 1
                if size != len(run):
                    break  # not split along the runs: the rest are tokenised one by one below
                memo[run] = tuple(parts)
        for run in runs:
            if run not in memo:  # whitespace runs (and any run the alignment could not place)
                memo[run] = tuple(t.text for t in tokenizer(run))


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
