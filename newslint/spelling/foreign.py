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


def _plain(words: list[str], ascii_only: bool = True) -> list[str]:
    """The words a language test counts: lower-case words of three letters or more (in ASCII
    letters only, unless ``ascii_only`` is false)."""
    return [
        w
        for w in words
        if w.isalpha() and w.islower() and len(w) > 2 and (w.isascii() or not ascii_only)
    ]


def foreign_spans(
    checker: SpellChecker, text: str, tokens: list[re.Match[str]]
) -> list[tuple[int, int]]:
    """Spans of the text that read as another language (see the module docstring)."""
    spans: list[tuple[int, int]] = []
    known = checker.lexicon.forms
    total = unknown_total = 0
    ends = [m.start() for m in re.finditer("\n", text)] + [len(text)]  # paragraph ends
    start = 0
    for end, words in zip(ends, _group(tokens, ends, bisect.bisect_left), strict=True):
        plain = _plain(words)
        unknown = sum(w not in known and not checker.looks_known(w) for w in plain)
        if unknown >= FOREIGN_MIN_UNKNOWN and unknown >= FOREIGN_RATIO * len(plain):
            spans.append((start, end))
        # Short lines of a foreign text can each stay under the bar: add them all up too.
        total += len(plain)
        unknown_total += unknown
        start = end + 1
    if unknown_total >= FOREIGN_MIN_UNKNOWN and unknown_total >= FOREIGN_TEXT_RATIO * total:
        return [(0, len(text))]
    common = checker.lexicon.common_words(FOREIGN_RARE_ZIPF10)
    spans += _unusual_pieces(common, text, tokens, _SENTENCE_BREAK)
    # a clause is short: its words in other alphabets' letters count too ("decisión")
    spans += _unusual_pieces(common, text, tokens, _CLAUSE_BREAK, ascii_only=False)
    spans += [m.span(1) for m in _LANGUAGE_LABEL.finditer(text)]
    return spans


def _group(tokens: list[re.Match[str]], ends: list[int], find) -> list[list[str]]:
    """The tokens' words grouped by the piece of text (ending at ``ends``) each starts in."""
    groups: list[list[str]] = [[] for _ in ends]
    for m in tokens:  # tokens are in text order: one pass assigns each to its piece
        groups[find(ends, m.start())].append(m.group())
    return groups


def _unusual_pieces(
    common: frozenset[str],
    text: str,
    tokens: list[re.Match[str]],
    breaks: re.Pattern[str],
    ascii_only: bool = True,
) -> list[tuple[int, int]]:
    """Pieces (sentences or clauses, as ``breaks`` cuts the text) where FOREIGN_SENTENCE_RATIO
    of the plain words, and at least FOREIGN_MIN_UNKNOWN, are unknown or rare."""
    spans = []
    ends = [m.end() for m in breaks.finditer(text)] + [len(text)]
    start = 0
    for end, words in zip(ends, _group(tokens, ends, bisect.bisect_right), strict=True):
        plain = _plain(words, ascii_only)
        unusual = sum(w not in common for w in plain)  # unknown words are in no list
        if unusual >= FOREIGN_MIN_UNKNOWN and unusual >= FOREIGN_SENTENCE_RATIO * len(plain):
            spans.append((start, end))
        start = end
    return spans
