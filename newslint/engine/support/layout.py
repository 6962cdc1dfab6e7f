"""The shape of a document's body: which blocks read as sentences and where the article sits.

Scraped text carries a web page's furniture before and after the article (menus, link lists,
footers) and sometimes in the middle of it. This module classifies every prose block by its shape
(a sentence, a short navigation-like label, another fragment) and finds the *article core*: the run
of blocks that is mostly real sentences (a maximum-sum segment, as in body-text extraction).
Several boilerplate kinds share the result, computed once per document.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis
    from newslint.readers.document import Block

#: block kinds that carry body prose (header blocks and headings are not body lines)
BODY_KINDS = frozenset({"body", "list", "blockquote"})
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
#: SENTENCE_END's characters, for a line already stripped of space
SENTENCE_MARKS = frozenset(".!?…。！？")
SENTENCE_CLOSERS = "\"'”’»)]"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
#: characters that make a short line structured data (a list item, a score), not a menu label
STRUCTURE = re.compile(r"\d|[:@|•·#$€£%]|\s[–—-]\s|[()\[\]]")
#: a first word with a capital inside it: "iPhone", "macOS", "eBay"
CAMEL = re.compile(r"[a-z]+[A-Z][\w]*\b")
#: a model or version number closing a short label: "iOS 13", "Apple TV 4K"
VERSION = re.compile(r"\s\d+[A-Za-z]?$")
TRUNCATED = ("...", "…")
WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "vs",
        "via",
        "is",
        "&",
        "de",
    ]
)


@dataclass(frozen=True)
class LineShape:
    """What one prose block looks like."""

    index: int  # index into document.blocks
    text: str
    words: int
    sentence: bool  # ends like a sentence and is long enough, or is long running text
    nav: bool  # a short label: title case, no digits or separators (menu item, section name)
    lower_start: bool  # starts in lower case: the continuation of a list or a sentence


@dataclass(frozen=True)
class Layout:
    """Per-document result: the shape of each body block and the article core."""

    lines: list[LineShape]
    core_start: int  # position in ``lines`` of the first core line (core is empty when > end)
    core_end: int

    def in_core(self, position: int) -> bool:
        return self.core_start <= position <= self.core_end

    def run_of(self, position: int, test: str = "fragment") -> tuple[int, int]:
        """Positions ``[lo, hi]`` of the run of consecutive non-sentence lines around one."""
        lo = hi = position
        while lo > 0 and not self.lines[lo - 1].sentence:
            lo -= 1
        while hi + 1 < len(self.lines) and not self.lines[hi + 1].sentence:
            hi += 1
        return lo, hi

    def ending_before(self, breaks: Collection[int], min_words: int, resume_run: int) -> Layout:
        """The layout with the core cut at the first section break that ends the article.

        A bare section label ("Related Stories", "Leave a Reply") or a comment's author line
        marks the end of the article text: what follows (teasers, comment threads, sign-up forms)
        has sentences too, which would otherwise stretch the core to the end of the page. A break
        ends the article when ``min_words`` of article text precede it and the article does not
        resume before the next break (``resume_run`` sentence lines in a row: a related-links box
        set in the middle of the story).
        """
        marks = sorted(b for b in breaks if self.core_start <= b <= self.core_end)
        words = 0
        position = self.core_start
        for i, mark in enumerate(marks):
            while position < mark:
                words += self.lines[position].words if self.lines[position].sentence else 0
                position += 1
            if words < min_words:
                continue
            stop = marks[i + 1] if i + 1 < len(marks) else self.core_end + 1
            if not self._resumes(mark + 1, stop, resume_run):
                return Layout(self.lines, self.core_start, mark - 1)
        return self

    def _resumes(self, start: int, stop: int, run: int) -> bool:
        """True when ``run`` sentence lines in a row follow in ``[start, stop)``."""
        count = 0
        for line in self.lines[start:stop]:
            # a teaser cut off with "..." is a link, not the story going on
            count = count + 1 if line.sentence and not line.text.endswith(TRUNCATED) else 0
            if count >= run:
                return True
        return False


def word_count(text: str) -> int:
    """Words, counting two CJK characters as one word (those scripts do not use spaces)."""
    words = len(text.split())
    if text.isascii():
        return words  # no CJK character to count (the common case: no regex scan)
    return max(words, len(CJK.findall(text)) // 2)


def block_word_counts(analysis: Analysis) -> list[int]:
    """:func:`word_count` of every block, computed once per document for the rules that ask."""
    text = analysis.text
    return analysis.memo(
        ("block-word-counts",),
        lambda: [word_count(text[b.start : b.end]) for b in analysis.blocks],
    )


def title_ratio(text: str) -> float:
    """Share of the words that are capitalised (small function words count as capitalised)."""
    words = WORD.findall(text)
    if not words:
        return 0.0
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in SMALL_WORDS)
    return caps / len(words)


def shape(index: int, text: str) -> LineShape:
    """Classify one block's text."""
    stripped = text.strip()
    words = word_count(stripped)
    # SENTENCE_END on a stripped line: a mark, then only closing quotes and brackets
    ends = stripped.rstrip(SENTENCE_CLOSERS)[-1:] in SENTENCE_MARKS
    sentence = (ends and (words >= 4 or len(stripped) >= 25)) or words >= 20 or len(stripped) >= 120
    first = next((c for c in stripped if c.isalpha()), "")
    # "iPhone 11", "macOS Mojave": a product name, capitalised inside its first word
    capital = first.isupper() or bool(CAMEL.match(stripped))
    nav = (
        not sentence
        and capital
        and (words <= 4 or (words <= 12 and title_ratio(stripped) >= 0.9))
        and not STRUCTURE.search(VERSION.sub("", stripped) if words <= 4 else stripped)
    )
    return LineShape(index, stripped, words, sentence, nav, not capital and first.islower())


NAV_COST = 20  # a menu-like label in a run of fragments
FRAGMENT_COST = 3  # another fragment (list item, data) in a run
LONE_COST = 1  # a single fragment between two sentences: a sub-heading
MAX_GAIN = 60


def _core(lines: list[LineShape]) -> tuple[int, int]:
    """The maximum-sum run of lines: sentences gain their words, runs of fragments cost."""
    best, best_lo, best_hi = 0, 0, -1
    current, start = 0, 0
    for i, line in enumerate(lines):
        lone = 0 < i < len(lines) - 1 and lines[i - 1].sentence and lines[i + 1].sentence
        if line.sentence:
            value = min(line.words, MAX_GAIN)
        elif lone:
            value = -LONE_COST
        elif line.nav:
            value = -NAV_COST
        else:
            value = -FRAGMENT_COST
        if current <= 0:
            current, start = value, i
        else:
            current += value
        if current > best:
            best, best_lo, best_hi = current, start, i
    return best_lo, best_hi


def authored_structure(analysis: Analysis, block: Block) -> bool:
    """A Markdown list item, or a paragraph set in bold (a sub-heading): structure the author
    wrote into a source file, never a web page's leftover menu."""
    document = analysis.document
    if document.format != "markdown":
        return False
    if block.kind == "list":
        return True
    source = document.source
    start = document.source_offset(block.start)
    end = document.source_offset(block.end - 1) + 1 if block.end > block.start else start
    return source[max(start - 2, 0) : start] in ("**", "__") and source[end : end + 2] in (
        "**",
        "__",
    )


def body_blocks(analysis: Analysis) -> list[tuple[int, Block]]:
    """``(index, block)`` of the body prose blocks, in order."""
    return [(i, b) for i, b in enumerate(analysis.blocks) if b.kind in BODY_KINDS]


def layout(analysis: Analysis) -> Layout:
    """The layout of a document (computed once per analysis)."""
    return analysis.memo(("layout",), lambda: _layout(analysis))


def _layout(analysis: Analysis) -> Layout:
    text = analysis.text
    lines = [shape(i, text[b.start : b.end]) for i, b in body_blocks(analysis)]
    lo, hi = _core(lines)
    return Layout(lines, lo, hi)
