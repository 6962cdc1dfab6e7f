"""Matching lists of multi-word phrases against a document's tokens, on words or lemmas."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from newslint.engine.kind import OptionError

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

T = TypeVar("T")
MATCH_MODES = ("word", "lemma", "exact")
#: per match mode, the first word of every phrase of every index built in this process: the
#: positions of these words are all an index ever looks up
_FIRST_WORDS: dict[str, set[str]] = {}


def _keys(phrase: str, mode: str) -> tuple[str, ...]:
    from newslint.analysis.nlp import get_nlp, lemma

    tokens = [t.text for t in get_nlp().tokenizer(phrase) if not t.is_space]
    if mode == "exact":
        return tuple(tokens)
    if mode == "lemma":
        return tuple(lemma(t) for t in tokens)
    return tuple(t.lower() for t in tokens)


class PhraseIndex(Generic[T]):
    """An index of phrases (tokenised like the document) mapping to a payload each."""

    def __init__(
        self, entries: Iterable[tuple[str, T]], mode: str = "word", field: str = "phrases"
    ) -> None:
        if mode not in MATCH_MODES:
            raise OptionError("match", f"must be one of {', '.join(MATCH_MODES)}")
        self.mode = mode
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for phrase, payload in entries:
            key = _keys(phrase, mode)
            if not key:
                raise OptionError(field, f"empty phrase {phrase!r}")
            self._by_first.setdefault(key[0], []).append((key, payload))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        _FIRST_WORDS.setdefault(mode, set()).update(self._by_first)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def find(self, analysis: Analysis) -> Iterator[tuple[int, int, T]]:
        """Yield ``(start_char, end_char, payload)`` for non-overlapping longest matches."""
        seq = _words(analysis, self.mode)
        by_first = self._by_first
        positions, idxs, texts = analysis.word_tokens, analysis.idxs, analysis.texts
        block_index = analysis.document.block_index
        free = 0  # words before this one are inside a match already
        where = _positions(analysis, self.mode, seq)
        firsts = by_first.keys() & where.keys()
        for i in sorted(n for word in firsts for n in where[word]) if firsts else ():
            if i < free:
                continue
            for key, payload in by_first[seq[i]]:
                size = len(key)
                if tuple(seq[i : i + size]) == key:
                    first, last = positions[i], positions[i + size - 1]
                    start, end = idxs[first], idxs[last] + len(texts[last])
                    if block_index(start) == block_index(end - 1):
                        yield start, end, payload
                        free = i + size
                        break


def _words(analysis: Analysis, mode: str) -> list[str]:
    """The document's non-space tokens as ``mode`` compares them (text, lower case or lemma),
    computed once per document and mode."""

    def build() -> list[str]:
        source = {"exact": analysis.texts, "lemma": analysis.lemmas}.get(mode, analysis.lowers)
        return [source[i] for i in analysis.word_tokens]

    return analysis.memo(("phrase-words", mode), build)


def _positions(analysis: Analysis, mode: str, seq: list[str]) -> dict[str, list[int]]:
    """Where each word of ``seq`` that begins some phrase occurs, computed once per document and
    mode: an index then visits only the positions of its own first words."""

    firsts = _FIRST_WORDS.get(mode, set())

    def build() -> dict[str, list[int]]:
        where: dict[str, list[int]] = {}
        for n, word in enumerate(seq):
            if word in firsts:
                where.setdefault(word, []).append(n)
        return where

    # the set only grows: its size tells whether an index built since needs other words
    return analysis.memo(("phrase-positions", mode, len(firsts)), build)


def spans(index: PhraseIndex[Any] | None, analysis: Analysis) -> list[tuple[int, int]]:
    """Character spans of every match of ``index`` (empty when there is no index)."""
    if index is None:
        return []
    return [(s, e) for s, e, _ in index.find(analysis)]


def overlaps(start: int, end: int, shields: list[tuple[int, int]]) -> bool:
    """True when ``[start, end)`` overlaps one of the shield spans."""
    return any(s < end and start < e for s, e in shields)


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation pattern of ``original``."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
