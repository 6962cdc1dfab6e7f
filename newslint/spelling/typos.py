"""find_typos: the news-aware policy that decides which unknown words are worth reporting.

News copy is dense with foreign names, so anything that looks like a name is left alone:
capitalised words inside a sentence, words with non-ASCII letters, acronyms, mixed-case brands,
and unknown words that recur in the article. URLs, e-mail addresses, @handles, #tags, numbers
with units and contractions are skipped. A capitalised word that opens a sentence is checked in
lower case, but reported only when the evidence for a typo is strong (see _confident).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from newslint.spelling.checker import (
    APOSTROPHES,
    SpellChecker,
    get_checker,
    normalise,
    strip_possessive,
)
from newslint.spelling.misspellings import is_misspelling
from newslint.spelling.suggest import edit_cost, edits1

# A word: letters, optionally joined by apostrophes, hyphens or dots (U.S, bbc.co.uk). Not glued
# to digits (10km, 1990s, COVID-19), @ or # (handles and tags).
_WORD = re.compile(r"(?<![\w@#.\-])(?<!\w\[)[^\W\d_]+(?:['’.\-][^\W\d_]+)*['’]?(?![\w@'’\-]|\.\w)")
#: the endings strip_possessive() takes off a word ("'s", "'"), with every apostrophe normalise()
#: straightens
_POSSESSIVE_TAILS = tuple(a + s for a in ("'", *map(chr, APOSTROPHES)) for s in ("s", ""))
# Not words: each pattern runs only when its cheap trigger is in the text (a combined
# alternation costs ~1.4 ms per article, most of it trying the e-mail and domain shapes at every
# word).
_SKIP: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), re.compile(trigger, re.IGNORECASE) if trigger else None)
    for pattern, trigger in (
        (r"(?:https?://|ftp://|www\.)\S+", None),  # URLs
        (r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", r"@"),  # e-mail addresses
        (r"[@#]\w+", None),  # handles and hashtags
        (  # bare domains (bbc.co.uk, example.com/page)
            r"\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|gov|edu|int|io|co|uk|us|info|news)\b(?:/\S*)?",
            r"\.(?:com|org|net|gov|edu|int|io|co|uk|us|info|news)\b",
        ),
    )
)
_NEXT_CAPITALISED = re.compile(r"[-\s]+[A-Z]")
# What may stand between the end of the previous sentence and the first word of the next.
_OPENERS = "\"'“‘([« \t"
_CLOSERS = "\"'”’)]»"
_SENTENCE_END = ".!?…:"

REASON_UNKNOWN = "unknown word"
REASON_COMMON = "common misspelling"
REASON_REJECT = "rejected by house vocabulary"

# Sentence-initial capitalised words: report only a cheap edit away from a common word.
CONFIDENT_MAX_COST = 0.7
CONFIDENT_MIN_ZIPF = 4.0


# Paragraphs with this many unknown words making up this share of their words are not English.
FOREIGN_MIN_UNKNOWN = 3
FOREIGN_RATIO = 0.15
# A whole text is foreign when this share of its words is unknown (bilingual copy stays checked).
FOREIGN_TEXT_RATIO = 0.3


@dataclass(frozen=True)
class Typo:
    """A reported spelling problem; start/end are character offsets into the checked text."""

    start: int
    end: int
    word: str
    suggestions: tuple[str, ...]
    reason: str


def _sentence_initial(text: str, start: int, starts: Collection[int]) -> bool:
    """Does the word at ``start`` open a sentence, a line or a quotation that opens one?"""
    if start in starts:
        return True
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i >= 0 and text[i] in _SENTENCE_END


def _looks_like_name(part: str) -> bool:
    """Acronyms, mixed case (iPhone, McCain) and words with non-ASCII letters."""
    if not part.isascii():
        return True
    if len(part) > 1 and part.isupper():
        return True
    return any(c.isupper() for c in part[1:])


def _confident(checker: SpellChecker, low: str) -> bool:
    """Is a sentence-initial unknown word clearly a typo of a common word?

    Yes if codespell lists it, or if a common word (zipf >= CONFIDENT_MIN_ZIPF) is one cheap edit
    away. Only single edits are searched, which keeps this check fast.
    """
    if is_misspelling(low):
        return True
    common = checker.lexicon.common_words(round(CONFIDENT_MIN_ZIPF * 10))
    return any(c in common and edit_cost(low, c) <= CONFIDENT_MAX_COST for c in edits1(low))


def find_typos(
    text: str,
    sentence_starts: Collection[int] = (),
    accept: Collection[str] = (),
    reject: Collection[str] = (),
    checker: SpellChecker | None = None,
) -> list[Typo]:
    """Report likely misspellings in ``text`` (see the module docstring for the policy).

    ``sentence_starts`` are offsets of sentence-initial characters from the caller's sentencizer
    (line starts and words after . ! ? are recognised anyway). ``accept`` is house vocabulary
    (case-insensitive, never reported); ``reject`` words are always reported.
    """
    checker = checker or get_checker()
    accepted = {normalise(w).lower() for w in accept}
    rejected = {normalise(w).lower() for w in reject}
    known_forms = checker.lexicon.forms
    starts = set(sentence_starts)
    skipped = _Spans(
        m.span()
        for pattern, trigger in _SKIP
        if trigger is None or trigger.search(text)
        for m in pattern.finditer(text)
    )
    tokens = list(_WORD.finditer(text))
    if skipped:
        tokens = [m for m in tokens if not skipped.covers(m.start())]
    raws = [m.group() for m in tokens]
    counts = _LazyCounts(raws)
    # The fast path: most words are dictionary words as written or capitalised; only the others
    # are looked at one by one (rejected words must be, whatever the dictionary says).
    unknown = set(raws) - known_forms
    if not rejected:
        unknown = {
            r
            for r in unknown
            if not (r[:1].isupper() and r[1:].islower() and r.lower() in known_forms)
        }

    foreign = _LazyForeign(checker, text, tokens)  # worked out only if something is reported
    typos: list[Typo] = []
    for m, raw in zip(tokens, raws, strict=True):
        if raw not in unknown and not rejected:
            continue
        word = normalise(raw).rstrip("'")
        stem = strip_possessive(word)
        if stem.lower() in rejected:
            if not foreign.covers(m.start()):
                typos.append(_rejected(checker, raw[: len(stem)], m.start()))
            continue
        if "." in word or word.lower() in accepted or "'" in stem:  # "'": don't, they're
            continue
        offset = m.start()
        for part in stem.split("-"):
            if part.lower() in rejected:
                if not foreign.covers(m.start()):
                    typos.append(_rejected(checker, raw[offset - m.start() :][: len(part)], offset))
            else:
                reason = _check_part(checker, text, part, offset, starts, accepted, counts)
                if reason and not foreign.covers(m.start()):
                    typos.append(
                        Typo(offset, offset + len(part), part, _sugg(checker, part), reason)
                    )
            offset += len(part) + 1
    return typos


class _LazyForeign:
    """The foreign-language spans of a text, found on the first question (most texts have no
    unknown word to ask about)."""

    def __init__(self, checker: SpellChecker, text: str, tokens: list[re.Match[str]]) -> None:
        self._args = (checker, text, tokens)
        self._spans: _Spans | None = None

    def covers(self, offset: int) -> bool:
        if self._spans is None:
            self._spans = _Spans(_foreign_spans(*self._args))
        return self._spans.covers(offset)


class _LazyCounts:
    """How often a word occurs in the text, possessives and any capitalisation included (the
    words are counted only if an unknown word asks)."""

    def __init__(self, raws: list[str]) -> None:
        self._raws = raws
        self._lower: Counter[str] | None = None

    def __getitem__(self, low: str) -> int:
        """Occurrences of ``low`` (lower case, no apostrophe): "Tatmadaw", "Tatmadaw's" ..."""
        if self._lower is None:
            self._lower = Counter(map(str.lower, self._raws))
        lower = self._lower
        return lower[low] + sum(lower[low + tail] for tail in _POSSESSIVE_TAILS)


class _Spans:
    """Character spans (overlapping ones merged) with a fast "is this offset inside one?"."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self._spans = merged
        self._starts = [a for a, _ in merged]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def covers(self, offset: int) -> bool:
        if not self._spans:
            return False
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._spans[i][1]


def _rejected(checker: SpellChecker, word: str, start: int) -> Typo:
    return Typo(start, start + len(word), word, _sugg(checker, word), REASON_REJECT)


def _check_part(
    checker: SpellChecker,
    text: str,
    part: str,
    start: int,
    starts: Collection[int],
    accepted: set[str],
    counts: _LazyCounts,
) -> str | None:
    """Why ``part`` (at ``start``) is reported (REASON_COMMON or REASON_UNKNOWN), or None."""
    low = part.lower()
    if len(part) < 3 or low in accepted or _looks_like_name(part) or checker.is_known(part):
        return None
    if part[0].isupper() and (
        not _sentence_initial(text, start, starts)
        or checker.is_known(low)
        or _NEXT_CAPITALISED.match(text, start + len(part))  # "Tre Harbison", "Groupe LAPS"
        or not _confident(checker, low)
    ):
        return None
    common = is_misspelling(low)
    if counts[low] > 1 and not common:
        return None  # Recurs in the article: a name or a term of art, not a slip.
    return REASON_COMMON if common else REASON_UNKNOWN


def _foreign_spans(
    checker: SpellChecker, text: str, tokens: list[re.Match[str]]
) -> list[tuple[int, int]]:
    """Spans of paragraphs (or the whole text) that read as another language.

    English copy has a few unknown lower-case words per hundred; a paragraph where at least
    FOREIGN_MIN_UNKNOWN of them and FOREIGN_RATIO of all are unknown is not English, and neither
    is a whole text where FOREIGN_TEXT_RATIO of the words are unknown.
    """
    spans: list[tuple[int, int]] = []
    known = checker.lexicon.forms
    total = unknown_total = 0
    ends = [m.start() for m in re.finditer("\n", text)] + [len(text)]  # paragraph ends
    para_words: list[list[str]] = [[] for _ in ends]
    for m in tokens:  # tokens are in text order: one pass assigns each to its paragraph
        para_words[bisect.bisect_left(ends, m.start())].append(m.group())
    start = 0
    for end, words in zip(ends, para_words, strict=True):
        plain = [w for w in words if w.isascii() and w.isalpha() and w.islower() and len(w) > 2]
        unknown = sum(w not in known and not checker.is_known(w) for w in plain)
        if unknown >= FOREIGN_MIN_UNKNOWN and unknown >= FOREIGN_RATIO * len(plain):
            spans.append((start, end))
        # Short lines of a foreign text can each stay under the bar: add them all up too.
        total += len(plain)
        unknown_total += unknown
        start = end + 1
    if unknown_total >= FOREIGN_MIN_UNKNOWN and unknown_total >= FOREIGN_TEXT_RATIO * total:
        return [(0, len(text))]
    return spans


def _sugg(checker: SpellChecker, word: str) -> tuple[str, ...]:
    return tuple(checker.suggest(word, 3))
