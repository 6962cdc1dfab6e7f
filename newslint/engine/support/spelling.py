"""Shared spelling pass for the ``typo`` and ``misspelling`` kinds: one find_typos run per document.

The spelling engine (:mod:`newslint.spelling`) is imported on first use, so linting with the
spelling rules switched off never loads a dictionary. Both kinds read the same cached result,
which is what lets ``typo`` leave the safe misspellings to ``misspelling`` without a second pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis
    from newslint.spelling import Typo


def vocabulary(analysis: Analysis) -> tuple[frozenset[str], frozenset[str]]:
    """The house accept and reject lists of the document's config (empty when none is set)."""
    vocab = getattr(analysis, "vocabulary", None)
    accept = frozenset(getattr(vocab, "accept", ()) or ())
    reject = frozenset(getattr(vocab, "reject", ()) or ())
    return accept, reject


def _words(entries: Iterable[str]) -> set[str]:
    """Single-word entries as they are, phrases split into their words ("Hayat Tahrir al-Sham")."""
    return {w for e in entries for w in e.split()}


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """A case-insensitive, word-bounded pattern for multi-word reject entries."""
    parts = sorted(
        (r"\s+".join(map(re.escape, p.split())) for p in phrases if len(p.split()) > 1),
        key=len,
        reverse=True,
    )
    if not parts:
        return None
    return re.compile(r"(?<![\w'’\-])(?:" + "|".join(parts) + r")(?![\w'’\-])", re.IGNORECASE)


def candidates(analysis: Analysis) -> list[tuple[int, int, str]]:
    """The words of the prose the spelling pass looks at one by one (the split kinds' per-block
    step: see :func:`newslint.spelling.typos.candidates`)."""
    from newslint.spelling.typos import candidates as find_candidates

    _, reject = vocabulary(analysis)
    return find_candidates(analysis.text, reject=any(len(p.split()) == 1 for p in reject))


def typos(analysis: Analysis, looked_at: list[tuple[int, int, str]] | None = None) -> list[Typo]:
    """find_typos over the whole prose text, with the house vocabulary, once per document.

    Sentence starts come from the analysis (block starts are sentence starts there). Multi-word
    accept entries accept each of their words; multi-word reject entries are found as phrases and
    reported with the rejected reason. ``looked_at``: :func:`candidates` of the whole text, as
    an editor keeps them paragraph by paragraph (ignored when a backtick could make a code span
    run from one paragraph into the next).
    """
    accept, reject = vocabulary(analysis)
    if looked_at is not None and "`" in analysis.text:
        looked_at = None
    return analysis.memo(
        ("typos", accept, reject), lambda: _typos(analysis, accept, reject, looked_at)
    )


def _typos(
    analysis: Analysis,
    accept: frozenset[str],
    reject: frozenset[str],
    looked_at: list[tuple[int, int, str]] | None,
) -> list[Typo]:
    from newslint.spelling import Typo, find_typos
    from newslint.spelling.reasons import REASON_REJECT

    reject_words = _words(p for p in reject if len(p.split()) == 1)
    found = find_typos(
        analysis.text,
        sentence_starts=[s.start for s in analysis.sentences],
        accept=_words(accept),
        reject=reject_words,
        source=analysis.document.source if analysis.document.source != analysis.text else None,
        named=lambda start, word: (
            _lone_word(analysis, start, word) or _in_name_list(analysis, start)
        ),
        speech=lambda start: analysis.voice_at(start) == "quote",
        looked_at=looked_at,
    )
    pattern = _phrase_pattern(reject)
    if pattern is not None:
        phrases = [  # no suggestions: the speller has nothing to say about a phrase
            Typo(m.start(), m.end(), m.group(), (), REASON_REJECT)
            for m in pattern.finditer(analysis.text)
        ]
        # a rejected phrase is reported whole, not also word by word
        found = [t for t in found if not any(p.start < t.end and t.start < p.end for p in phrases)]
        found = sorted(found + phrases, key=lambda t: t.start)
    return found


_LONE_WORD_TRIM = " \t\n*-•.,;:()[]'\"“”‘’"


def _lone_word(analysis: Analysis, start: int, word: str) -> bool:
    """Is the word a block on its own (a list item or table cell of one word: a contributor's
    handle in a list of names, a package in a table), where it names something? (Asked only of
    words the speller doubts, never of rejected ones.)"""
    block = analysis.document.block_at(start)
    if block is None:
        return False
    return analysis.text[block.start : block.end].strip(_LONE_WORD_TRIM) == word


#: a list of names: at least this many consecutive short items (a contributors' list) ...
NAME_LIST_MIN_ITEMS = 5
#: ... of at most this many words, with no sentence punctuation ...
NAME_ITEM_MAX_WORDS = 5
#: ... and this share of them written as names (every word capitalised, handles in parentheses)
NAME_LIST_CAPITALISED_SHARE = 0.6
_NAME_ITEM = re.compile(r"[^\W\d_][^\s;:!?]*(?:\s+[^\s;:!?]+)*")
_ITEM_TRIM = " \t\n*-•"
_HANDLE = re.compile(r"\([^()\s]+\)")


def _in_name_list(analysis: Analysis, start: int) -> bool:
    """Is the word at ``start`` in a list of names (a release's contributors: "Alan Somers
    (asomers)", "ben fleis")? In a run of short list items most of which are written as names,
    the items written in lower case are names too."""
    document, text = analysis.document, analysis.text
    block = document.block_at(start)
    if block is None or block.kind not in ("list", "table"):
        return False
    i = document.block_index(start)
    run = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(document.blocks) and document.blocks[j].kind == block.kind:
            run.append(j)
            j += step
    items = [text[b.start : b.end].strip(_ITEM_TRIM) for b in map(document.blocks.__getitem__, run)]
    short = [item for item in items if _name_item(item)]
    if len(short) < NAME_LIST_MIN_ITEMS or len(short) < len(items):
        return False
    capitalised = sum(all(w[0].isupper() for w in _HANDLE.sub("", item).split()) for item in short)
    return capitalised >= NAME_LIST_CAPITALISED_SHARE * len(short)


def _name_item(item: str) -> bool:
    """Could the list item be a name: a few words, no colons or sentence marks?"""
    return bool(_NAME_ITEM.fullmatch(item)) and len(item.split()) <= NAME_ITEM_MAX_WORDS


def is_rejected(typo: Typo) -> bool:
    """Reported because the house vocabulary rejects it."""
    from newslint.spelling.reasons import REASON_REJECT

    return typo.reason == REASON_REJECT


def safe_correction(typo: Typo) -> str | None:
    """The one safe correction of a codespell misspelling in lower or sentence case, else None.

    A capitalised word on a third-party list may be a name ("Markey", a senator, is codespell's
    misspelling of "marquee"). find_typos reports a capitalised word only where it opens a
    sentence and nothing says it is a name (it recurs, follows a title such as "Sen.", or the
    web knows it well with no rival word near), so a capitalised word inside a sentence never
    reaches the misspelling rule's error level; other shapes (McName, ALL CAPS) never do either.
    """
    from newslint.spelling import safe_fix
    from newslint.spelling.reasons import REASON_COMMON

    word = typo.word
    if typo.reason != REASON_COMMON or not (word.islower() or word[1:].islower()):
        return None
    return safe_fix(word)


def dictionary_word(word: str) -> bool:
    """Does the dictionary know ``word`` (a rejected word may be spelled correctly)?"""
    from newslint.spelling import get_checker

    return get_checker().is_known(word)
