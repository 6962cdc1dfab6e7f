"""spaCy tokenisation with a per-process memo of whitespace-delimited chunks.

spaCy's tokenizer splits a text into runs of non-space characters and splits each run by its
prefixes, suffixes, infixes and special cases. It caches a run's split, but only until the first
special case ("U.S.", "don't") appears in a document: after that nothing more of that document is
cached (spaCy issue #1250), so most runs of news copy are re-split every time. This module keeps
its own memo of run -> token texts, builds the ``Doc`` from words and spaces, and gives exactly the
tokens, offsets and whitespace spaCy gives (``tests/test_tokenizer_memo.py`` compares them on every
text of the evaluation data). The runs a text brings that the memo lacks are tokenised together,
in one call to spaCy.

One thing makes spaCy's split of a run depend on its neighbours. After the affix split, spaCy runs
a phrase matcher of the special cases the affixes would break ("p." as ``p`` ``.``, ":p" as ``:``
``p``) over the tokens of the whole text, where a single space is no token: so a pattern can match
across two runs ("v: p.Elem()" gives ``:`` ``p``). Overlapping matches are filtered (longest, then
earliest, wins) before spaCy checks that a match's text is a special case; a match across a space
never is, so it merges nothing but can block the real one ("p." stays ``p`` ``.``, where
"p.Elem()" alone gives ``p.``). Where two runs meet on a pair of tokens that sit side by side in
some special case's pattern, the memo therefore tokenises the runs together, as they stand in the
text; everywhere else a run's split is its split alone.

The same holds for the one call that learns new runs: they stand there one space apart, beside runs
they may never meet in any text, so a run whose neighbour there meets it on such a pair is learnt
alone instead. (Memorising a split made beside such a neighbour would make a text's tokens depend on
what the process tokenised before it: the runs a text brings that the memo lacks, and so their
neighbours in that call, depend on every text before it.)
"""

from __future__ import annotations

import hashlib
import re
from itertools import accumulate, chain, compress, count, islice, pairwise
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from newslint.storage import disk_cache

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: a non-space run and the one space that may follow it, or a whitespace run (\s and
#: str.isspace() agree, as spaCy's splitting loop needs)
_RUN = re.compile(r"(\S+)( ?)|(\s+)")
#: the memo is cleared when it grows past this many entries (about 100 MB at worst)
MAX_RUNS = 500_000
_FIRST = itemgetter(0)
_LAST = itemgetter(-1)


#: (last token of a run, first token of the next run) pairs where spaCy may split differently
Joins = frozenset[tuple[str, str]]


class MemoTokenizer:
    """``make_doc`` for one pipeline: same Doc as ``nlp.make_doc(text)``, faster on familiar text."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        #: a run -> its tokens when spaCy tokenises it alone
        self._memo: dict[str, tuple[str, ...]] = {}
        #: runs that must be tokenised together (joined by their spaces) -> tokens, space after each
        self._joined: dict[str, tuple[tuple[str, ...], tuple[bool, ...]]] = {}
        self._joins = context_joins(nlp.tokenizer)
        #: the first tokens of the joins' right sides, and the memo's runs that start with one
        self._join_starts = frozenset(first for _, first in self._joins)
        self._opens_join: set[str] = set()

    def make_doc(self, text: str) -> Doc:
        runs, space_after = _runs(text)
        parts = self._parts(runs)
        words, spaces = _words_and_spaces(parts, space_after)
        joined = self._joined_after(runs, parts)
        if joined:  # rare: put those runs' tokens as spaCy splits them together
            words, spaces = self._in_context(runs, parts, space_after, joined, words, spaces)
        from spacy.tokens import Doc

        return Doc(self._nlp.vocab, words=words, spaces=spaces)

    def _joined_after(self, runs: list[str], parts: list[tuple[str, ...]]) -> list[int]:
        """The i for which runs i and i + 1 meet on a join (found from the few runs that start
        with a join's right side, such as "(" or "-")."""
        joins = self._joins
        return [
            i - 1
            for i in compress(count(), map(self._opens_join.__contains__, runs))
            if i and (parts[i - 1][-1], parts[i][0]) in joins
        ]

    def _parts(self, runs: list[str]) -> list[tuple[str, ...]]:
        """Each run's tokens, learning the runs the memo lacks."""
        memo = self._memo
        parts: list[tuple[str, ...] | None] = list(map(memo.get, runs))
        if None in parts:
            unseen = list(
                dict.fromkeys(run for run, p in zip(runs, parts, strict=True) if p is None)
            )
            if len(memo) + len(self._joined) + len(unseen) > MAX_RUNS:
                memo.clear()
                self._joined.clear()
                self._opens_join.clear()
                unseen = list(dict.fromkeys(runs))
            self._learn(unseen)
            return list(map(memo.__getitem__, runs))
        return parts  # type: ignore[return-value]

    def _learn(self, runs: list[str]) -> None:
        """Tokenise new runs into the memo, the non-space ones in one call to spaCy, one space
        apart. Two runs that meet there on a join may have split each other (see above): those
        are tokenised again, alone (the alignment below also checks every run's length)."""
        tokenizer = self._nlp.tokenizer
        memo = self._memo
        words = [run for run in runs if not run.isspace()]
        if words:
            texts = [t.text for t in tokenizer(" ".join(words))]
            learnt: list[tuple[str, ...]] = []
            i = 0
            for run in words:
                parts: list[str] = []
                size = 0
                while size < len(run) and i < len(texts):
                    parts.append(texts[i])
                    size += len(texts[i])
                    i += 1
                if size != len(run):
                    break  # not split along the runs: the rest are tokenised alone below
                learnt.append(tuple(parts))
            # the k for which runs k and k + 1 met on a join
            edges = zip(map(_LAST, learnt), map(_FIRST, islice(learnt, 1, None)), strict=False)
            joined = set(compress(count(), map(self._joins.__contains__, edges)))
            if learnt and len(learnt) < len(words):  # the last aligned run's edge is unchecked
                joined.add(len(learnt) - 1)
            memo.update(
                (run, parts)
                for k, (run, parts) in enumerate(zip(words, learnt, strict=False))
                if k not in joined and k - 1 not in joined
            )
        for run in runs:
            if run not in memo:  # whitespace runs, runs split by a neighbour, unaligned runs
                memo[run] = tuple(t.text for t in tokenizer(run))
        starts = self._join_starts
        self._opens_join.update(run for run in runs if memo[run][0] in starts)

    def _in_context(
        self,
        runs: list[str],
        parts: list[tuple[str, ...]],
        space_after: list[bool],
        joined: list[int],
        words: list[str],
        spaces: list[bool],
    ) -> tuple[list[str], list[bool]]:
        """``words`` and ``spaces`` with each group of runs that meet on joins (i and i + 1 for
        each i in ``joined``) tokenised as the text it is."""
        words, spaces = list(words), list(spaces)
        ends = list(accumulate(map(len, parts)))  # the token after each run
        for first, last in reversed(_groups(joined)):
            group = "".join(
                run + " " * space
                for run, space in zip(runs[first:last], space_after[first:last], strict=True)
            )
            group_words, group_spaces = self._tokenise_joined(group + runs[last])
            start = ends[first] - len(parts[first])
            words[start : ends[last]] = group_words
            spaces[start : ends[last]] = group_spaces[:-1] + (space_after[last],)
        return words, spaces

    def _tokenise_joined(self, text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        found = self._joined.get(text)
        if found is None:
            doc = self._nlp.tokenizer(text)
            found = self._joined[text] = (
                tuple(t.text for t in doc),
                tuple(bool(t.whitespace_) for t in doc),
            )
        return found


def _groups(joined: list[int]) -> list[tuple[int, int]]:
    """(first run, last run) of each group, from the sorted i that join run i + 1."""
    groups: list[tuple[int, int]] = []
    for i in joined:
        if groups and groups[-1][1] == i:
            groups[-1] = (groups[-1][0], i + 1)
        else:
            groups.append((i, i + 1))
    return groups


def _words_and_spaces(
    parts: list[tuple[str, ...]], space_after: list[bool]
) -> tuple[list[str], list[bool]]:
    words = list(chain.from_iterable(parts))
    if len(words) == len(parts):  # every run is one token
        return words, space_after
    spaces: list[bool] = []
    for run_parts, space in zip(parts, space_after, strict=True):
        if len(run_parts) > 1:
            spaces += [False] * (len(run_parts) - 1)
        spaces.append(space)
    return words, spaces


def _runs(text: str) -> tuple[list[str], list[bool]]:
    """The runs spaCy tokenises, and for each "a single space follows it" (spaCy's
    ``whitespace_``).

    Like spaCy: one space after a non-space run belongs to that run's last token; any other
    whitespace (more spaces, a newline, leading space) is a run, and so a token, of its own.
    """
    found = _RUN.findall(text)
    return [word or gap for word, _, gap in found], [space == " " for _, space, _ in found]


def context_joins(tokenizer: Any) -> Joins:
    """The pairs (last token of a run as split alone, first token of the next run) at which spaCy's
    special-case matcher may match across the space between the runs.

    The matcher's patterns are the special cases as the affixes split them; a match across two
    runs needs two tokens adjacent in a pattern on either side of the space. A run's edge token
    as the memo holds it is that affix token, or the edge of a special case the matcher merged
    there, so the pairs are widened by every special case's pattern edge -> its own edge token.
    Stored on disk (building it takes ~40 ms, loading it ~3 ms), keyed by what it is built from.
    """
    key = _tokenizer_key(tokenizer)
    if key is None:
        return _build_joins(tokenizer)
    return disk_cache.memo(f"tokenizer-joins-{key}", lambda: _build_joins(tokenizer))


def _special_cases(tokenizer: Any) -> dict[str, list[str]]:
    """Each special case -> the texts of the tokens spaCy gives it."""
    from spacy.attrs import ORTH

    return {
        string: [spec.get(ORTH, spec.get("ORTH", "")) for spec in specs]
        for string, specs in tokenizer.rules.items()
    }


def _build_joins(tokenizer: Any) -> Joins:
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    affixes_only = Tokenizer(  # the matcher's patterns: the split without special cases
        Vocab(),
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    adjacent: set[tuple[str, str]] = set()
    ends_as: dict[str, set[str]] = {}  # a pattern's last token -> the run edges it may appear as
    starts_as: dict[str, set[str]] = {}
    for string, orths in _special_cases(tokenizer).items():
        pattern = [t.text for t in affixes_only(string)]
        adjacent.update(pairwise(pattern))
        ends_as.setdefault(pattern[-1], set()).add(orths[-1])
        starts_as.setdefault(pattern[0], set()).add(orths[0])
    return frozenset(
        (left, right)
        for last, first in adjacent
        for left in ends_as.get(last, set()) | {last}
        for right in starts_as.get(first, set()) | {first}
    )


def _tokenizer_key(tokenizer: Any) -> str | None:
    """A digest of what the joins are built from, or None when a function has no pattern."""
    import spacy

    parts = [spacy.__version__]
    for function in (
        tokenizer.prefix_search,
        tokenizer.suffix_search,
        tokenizer.infix_finditer,
        tokenizer.token_match,
        tokenizer.url_match,
    ):
        pattern = getattr(getattr(function, "__self__", None), "pattern", None)
        if function is not None and not isinstance(pattern, str):
            return None
        parts.append(repr(pattern))
    parts.append(repr(sorted(_special_cases(tokenizer).items())))
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:16]


_BY_PIPELINE: dict[int, tuple[Language, MemoTokenizer]] = {}


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` through this pipeline's memo tokenizer."""
    entry = _BY_PIPELINE.get(id(nlp))
    if entry is None or entry[0] is not nlp:
        entry = _BY_PIPELINE[id(nlp)] = (nlp, MemoTokenizer(nlp))
    return entry[1].make_doc(text)
