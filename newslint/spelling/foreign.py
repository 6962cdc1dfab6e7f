"""Passages in another language inside English copy: their words are not English slips.

English copy has a few unknown lower-case words per hundred; a passage in another language is
mostly made of them, or of words the English list of the web holds only rarely (it has many
foreign words, at a low rate). Four shapes are recognised, smallest to largest:

* a run after an explicit language label ("Hungarian language: ...", as a wiki renders its
  language template), up to the next punctuation;
* a clause or a sentence where FOREIGN_SENTENCE_RATIO of the plain words are unknown or rarer
  than FOREIGN_RARE_ZIPF10 (a quotation in Spanish inside an English sentence);
* a paragraph where FOREIGN_MIN_UNKNOWN and FOREIGN_RATIO of the words are unknown;
* a whole text where FOREIGN_TEXT_RATIO of the words are unknown (bilingual copy stays checked).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from itertools import accumulate, islice
from typing import TYPE_CHECKING

from newslint.spelling.spans import Spans

if TYPE_CHECKING:
    from newslint.spelling.checker import SpellChecker

# Paragraphs with this many unknown words making up this share of their words are not English.
FOREIGN_MIN_UNKNOWN = 3
FOREIGN_RATIO = 0.15
# A whole text is foreign when this share of its words is unknown (bilingual copy stays checked).
FOREIGN_TEXT_RATIO = 0.3
# A clause or sentence is foreign when this share of its words is unknown or rare (zipf x 10
# below FOREIGN_RARE_ZIPF10), and at least FOREIGN_MIN_UNKNOWN of them are.
FOREIGN_SENTENCE_RATIO = 0.4
FOREIGN_RARE_ZIPF10 = 20
_SENTENCE_BREAK = re.compile(r"[.!?]+[\"'’”)]*\s+|\n")
#: clauses end at sentence ends and at the punctuation that opens or closes a quotation or an
#: aside (a foreign quotation is set off by one of them)
_CLAUSE_BREAK = re.compile(r"[.!?]+[\"'’”)]*\s+|[\n,;:()“”\"«»—]")
#: an explicit label: the words after it, to the next punctuation, are in that language
_LANGUAGE_LABEL = re.compile(r"\b[A-Z][a-z]+ language:[\s\u200d]*([^.,;:!?\"“”()\n]+)")


class LazyForeign:
    """The foreign-language spans of a text, found on the first question (most texts have no
    unknown word to ask about)."""

    def __init__(self, checker: SpellChecker, text: str, tokens: list[re.Match[str]]) -> None:
        self._args = (checker, text, tokens)
        self._spans: Spans | None = None

    def covers(self, offset: int) -> bool:
        if self._spans is None:
            self._spans = Spans(foreign_spans(*self._args))
        return self._spans.covers(offset)


def _counts(flags: Iterable[bool]) -> list[int]:
    """Item i: how many of the first i flags are true (a piece's count is a difference)."""
    return list(accumulate(flags, initial=0))


def _pieces(
    starts: list[int], ends: list[int], find: Callable[[list[int], int], int]
) -> list[tuple[int, int]]:
    """(first, last + 1) indices of the tokens (starting at ``starts``) of each piece of text
    ending at ``ends``: bisect_right puts a token starting at a piece's end in that piece
    (paragraphs, whose ends are their line breaks), bisect_left in the next (sentences)."""
    bounds = [find(starts, end) for end in ends]
    return list(zip([0, *bounds[:-1]], bounds, strict=True))


def counted_words(
    checker: SpellChecker, words: Iterable[str]
) -> tuple[set[str], set[str], set[str]]:
    """The words a language test counts: lower-case words of three letters or more, in any
    alphabet (clauses, which are short) and in ASCII letters only (paragraphs, sentences and the
    whole text), and those of the latter the dictionaries do not know."""
    known = checker.lexicon.forms
    plain_any = {w for w in set(words) if w.isalpha() and w.islower() and len(w) > 2}
    plain = {w for w in plain_any if w.isascii()}
    unknown = {w for w in plain if w not in known and not checker.looks_known(w)}
    return plain_any, plain, unknown


def foreign_spans(
    checker: SpellChecker, text: str, tokens: list[re.Match[str]]
) -> list[tuple[int, int]]:
    """Spans of the text that read as another language (see the module docstring).

    The language tests count words; each distinct word is classed once (plain or not, known or
    not, common or not) and every paragraph, sentence and clause counts its words by
    differences of running totals, with no pass over its words.
    """
    return foreign_spans_of(checker, text, [m.start() for m in tokens], [m.group() for m in tokens])


def foreign_spans_of(
    checker: SpellChecker, text: str, starts: list[int], words: list[str]
) -> list[tuple[int, int]]:
    """:func:`foreign_spans` from the tokens' offsets and words (a line's, cut from its whole
    text's tokens, needs no pass of its own)."""
    spans: list[tuple[int, int]] = []
    common = checker.lexicon.common_words(FOREIGN_RARE_ZIPF10)
    plain_any, plain, unknown_words = counted_words(checker, words)
    is_plain = _counts(map(plain.__contains__, words))
    is_unknown = _counts(map(unknown_words.__contains__, words))
    ends = [m.start() for m in re.finditer("\n", text)] + [len(text)]  # paragraph ends
    start = 0
    for end, (lo, hi) in zip(ends, _pieces(starts, ends, bisect.bisect_right), strict=True):
        unknown = is_unknown[hi] - is_unknown[lo]
        if unknown >= FOREIGN_MIN_UNKNOWN and unknown >= FOREIGN_RATIO * (
            is_plain[hi] - is_plain[lo]
        ):
            spans.append((start, end))
        start = end + 1
    # Short lines of a foreign text can each stay under the bar: add them all up too.
    total, unknown_total = is_plain[-1], is_unknown[-1]
    if unknown_total >= FOREIGN_MIN_UNKNOWN and unknown_total >= FOREIGN_TEXT_RATIO * total:
        return [(0, len(text))]
    unusual = plain_any - common  # unknown words are in no list
    is_unusual = _counts(map((unusual & plain).__contains__, words))
    spans += _unusual_pieces(text, starts, _SENTENCE_BREAK, is_plain, is_unusual)
    # a clause is short: its words in other alphabets' letters count too ("decisión")
    is_plain_any = _counts(map(plain_any.__contains__, words))
    is_unusual_any = _counts(map(unusual.__contains__, words))
    spans += _unusual_pieces(text, starts, _CLAUSE_BREAK, is_plain_any, is_unusual_any)
    spans += [m.span(1) for m in _LANGUAGE_LABEL.finditer(text)]
    return spans


def _unusual_pieces(
    text: str,
    starts: list[int],
    breaks: re.Pattern[str],
    is_plain: list[int],
    is_unusual: list[int],
) -> list[tuple[int, int]]:
    """Pieces (sentences or clauses, as ``breaks`` cuts the text) where FOREIGN_SENTENCE_RATIO
    of the plain words, and at least FOREIGN_MIN_UNKNOWN, are unknown or rare (``is_plain`` and
    ``is_unusual``: running totals over the tokens)."""
    spans = []
    ends = [m.end() for m in breaks.finditer(text)] + [len(text)]
    start = 0
    for end, (lo, hi) in zip(ends, _pieces(starts, ends, bisect.bisect_left), strict=True):
        unusual = is_unusual[hi] - is_unusual[lo]
        if unusual >= FOREIGN_MIN_UNKNOWN and unusual >= FOREIGN_SENTENCE_RATIO * (
            is_plain[hi] - is_plain[lo]
        ):
            spans.append((start, end))
        start = end
    return spans


#: letters of scripts other than Latin (Latin blocks and spacing modifiers such as ʼ excluded)
_OTHER_SCRIPT = re.compile(r"[^\W\d_\u0000-\u02FF\u1E00-\u1EFF]")
#: a text with at least this many letters of another script quotes a language written in it
OTHER_SCRIPT_MIN_LETTERS = 20


def quotes_other_script(text: str) -> bool:
    """Does the text carry a passage in another script (an interview given in Hindi beside its
    English translation)? Its translation may keep that language's words, transliterated."""
    letters = _OTHER_SCRIPT.finditer(text)
    return sum(1 for _ in islice(letters, OTHER_SCRIPT_MIN_LETTERS)) >= OTHER_SCRIPT_MIN_LETTERS


def transliterated(checker: SpellChecker, text: str, suggestions: tuple[str, ...]) -> bool:
    """Is an unseen word, whose nearest word is itself a rare word (a loanword: "lathi" for
    "laathi"), a transliteration in a text that quotes another script? A slip is near a word
    the writer knows; a second spelling of a rare loanword is the translator's choice."""
    if not suggestions or " " in suggestions[0]:
        return False
    nearest = checker.lexicon_zipf(suggestions[0].lower())
    return nearest * 10 < FOREIGN_RARE_ZIPF10 and quotes_other_script(text)
