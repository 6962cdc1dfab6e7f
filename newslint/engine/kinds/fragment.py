r"""``fragment``: a body line that is not a sentence and sits where page furniture sits.

A short line without closing punctuation is a sub-heading inside an article, but a menu item, a
link label or a cut-off teaser when it stops on a dangling word ("Other reports by") or, in a text
that shows other page furniture (``min-evidence`` lines matching ``defer-to`` or menus of six
labels in a row), when it
lies outside the article core (before the first or after the last run of real sentences) or
belongs to a run of menu-like labels. Lines that start in lower case, lead into a list (end on a
colon) or belong to a list of numbered data are list items, not furniture.

```yaml
kind: fragment
min-run: 3             # menu-like labels in a row that count as a menu inside the article
max-words: 15          # longer fragments are left alone
dangling: [by, of, from, ...]   # last words that mark a cut-off label
defer-to: [*related, ...]       # line patterns another rule reports with a better message
min-evidence: 2                 # furniture lines that show the text is a scraped page
outside-sentences: false        # true: flag complete sentences outside the core instead
ends-article: [*related, ...]   # bare section labels ("Related Stories") that end the article
comment-author: ['\S+ says:']   # a comment's author line (a time stamp below it) ends it too
min-article-words: 80           # article words before a label can end it
resume-run: 3                   # sentence lines in a row after a label: the story goes on
commerce-boxes: {call-to-action: [...], price: [...]}   # product boxes are left alone
```
The core ends at the first section label or comment author after ``min-article-words`` of
article text unless ``resume-run`` sentences follow before the next label (a related-links box
set inside the story); what comes after it (teasers, comment threads) lies outside the core.
Message field ``{reason}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list
from newslint.engine.support.boxes import box_finder
from newslint.engine.support.layout import (
    STRUCTURE,
    Layout,
    LineShape,
    authored_structure,
    layout,
    title_ratio,
)
from newslint.engine.support.line_patterns import compile_line_patterns, flatten_patterns
from newslint.readers.document import PLACEHOLDER_TOKEN

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

#: the last word of a line, behind trailing punctuation only: a line that ends on the placeholder of
#: removed code ("Use `--flag` and `--other`") ends on an object, not on a dangling "and"
LAST_WORD = re.compile(rf"([^\W\d_]+)[^\w{PLACEHOLDER_TOKEN}]*$")
NUMBERED = re.compile(r"\d{1,3}[.)]\s")
LETTER = re.compile(r"[^\W\d_]")
SIGNATURE = re.compile(r"[^\W\d_]+|\d+")
MIN_DATA_RUN = 4
MENU_RUN = 6
#: a section label that ends the article is a bare label, not a link with a headline
MAX_LABEL_WORDS = 5
#: the time stamp under a comment's author line
STAMP = re.compile(r"\d{1,2}[:.]\d{2}|\b\d+ (?:minutes?|hours?|days?|weeks?|months?) ago\b", re.I)


def _signature(text: str) -> str:
    """The shape of a line's first two tokens: words (a) and numbers (0)."""
    tokens = SIGNATURE.findall(text)[:2]
    return " ".join("0" if t[0].isdigit() else "a" for t in tokens)


def _menus(lay: Layout) -> int:
    """Site menus: each ``MENU_RUN`` menu-like labels in a row count once."""
    count = run = 0
    for line in lay.lines:
        run = run + 1 if line.nav else 0
        count += run > 0 and run % MENU_RUN == 0  # a long menu counts once per six labels
    return count


PUNCTUATION = re.compile(r"[^\w\s'’.&-]")
#: a teaser line: a headline's length and capitals (a related-story link with no section label)
TEASER_WORDS = (5, 20)
TEASER_CAPITALS = 0.6
MIN_TEASER_RUN = 3
MIN_SHAPE_RUN = 3


def _skeleton(text: str) -> str:
    """A line's punctuation in order: "England (Group A): 10th" -> "():"."""
    return "".join(PUNCTUATION.findall(text))


#: separators of menus, breadcrumbs and sponsored-link lists ("Logout / Edit", "Paid | Program")
MENU_MARKS = frozenset("|/›»<>→")


def _same_shape_run(lay: Layout, position: int) -> bool:
    """True when the line sits among lines punctuated alike ("Spain (Group F): 11th", "Blue
    Origin, Kent, Washington"): data the article lists, not a menu (menu labels have no
    punctuation, or a menu's separators)."""
    key = _skeleton(lay.lines[position].text)
    if not key or MENU_MARKS & set(key) or "http" in lay.lines[position].text:
        return False
    lo = hi = position
    while lo > 0 and not lay.lines[lo - 1].sentence and _skeleton(lay.lines[lo - 1].text) == key:
        lo -= 1
    while (
        hi + 1 < len(lay.lines)
        and not lay.lines[hi + 1].sentence
        and _skeleton(lay.lines[hi + 1].text) == key
    ):
        hi += 1
    return hi - lo + 1 >= MIN_SHAPE_RUN


#: list punctuation a headline does not carry ("June 9 – Tampa, FL @ Arena", "Path B: Spain")
LIST_MARKS = re.compile(r"[:@|•·#$€£%()\[\]]|\s[–—-]\s")


def _led_in(lay: Layout, position: int) -> bool:
    """True when a lead-in ending on a colon opens the run of lines alike around the line."""
    key = _skeleton(lay.lines[position].text)
    before = position - 1
    while before >= 0 and _skeleton(lay.lines[before].text) == key:
        before -= 1
    return before >= 0 and lay.lines[before].text.endswith(":")


def _teaser(line: LineShape) -> bool:
    low, high = TEASER_WORDS
    return (
        not line.sentence
        and not LIST_MARKS.search(line.text)
        and not line.lower_start
        and low <= line.words <= high
        and title_ratio(line.text) >= TEASER_CAPITALS
    )


def _teaser_run(lay: Layout, position: int) -> bool:
    """True when the line is one of a run of headline-like lines: a related-stories box."""
    if not _teaser(lay.lines[position]):
        return False
    lo = hi = position
    while lo > 0 and _teaser(lay.lines[lo - 1]):
        lo -= 1
    while hi + 1 < len(lay.lines) and _teaser(lay.lines[hi + 1]):
        hi += 1
    return hi - lo + 1 >= MIN_TEASER_RUN


def _data_list(lay: Layout, position: int) -> bool:
    """True when the line belongs to a list of data: after a colon lead-in, or numbered alike."""
    lo, hi = lay.run_of(position)
    before = position - 1  # a lead-in ("Tickets:") followed by data lines up to this one
    while before >= 0 and not lay.lines[before].text.endswith(":"):
        if before < lo or not STRUCTURE.search(lay.lines[before].text):
            break
        before -= 1
    if before >= 0 and before >= lo - 1 and lay.lines[before].text.endswith(":"):
        return True
    run = [line.text for line in lay.lines[lo : hi + 1]]
    if len(run) < MIN_DATA_RUN:
        return False
    counts: dict[str, int] = {}
    for text in run:
        key = _signature(text)
        counts[key] = counts.get(key, 0) + 1
    key, top = max(counts.items(), key=lambda kv: kv[1])
    return "0" in key and top * 10 >= len(run) * 6


#: words a cut-off label ends on ("Other reports by")
DANGLING = [
    "by", "of", "from", "to", "the", "a", "an", "and", "or", "on", "in", "at", "for", "with",
    "about", "via",
]  # fmt: skip


class FragmentKind(Kind):
    name = "fragment"
    options = {
        "min-run": Option((int,), default=3, help="menu-like labels in a row inside the article"),
        "max-words": Option((int,), default=15, help="longer fragments are not flagged"),
        "dangling": Option((list,), default=DANGLING, help="words a cut-off label ends on"),
        "defer-to": Option((list,), default=[], help="line patterns reported by other rules"),
        "min-evidence": Option(
            (int,),
            default=2,
            help="lines matching defer-to that show the text is a scraped page (else only cut-off labels)",
        ),
        "ends-article": Option(
            (list,),
            default=[],
            help="bare section labels (related, comments, share) that end the article text",
        ),
        "min-article-words": Option(
            (int,), default=80, help="article words before a section label can end it"
        ),
        "resume-run": Option(
            (int,), default=3, help="sentence lines in a row after a label: the article goes on"
        ),
        "comment-author": Option(
            (list,),
            default=[],
            help="a comment's author line (followed by its time stamp) also ends the article",
        ),
        "commerce-boxes": Option(
            (dict,), default={}, help="product boxes (reported by commerce) are left alone"
        ),
        "outside-sentences": Option(
            (bool,), default=False, help="flag sentences outside the article core instead"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.min_run = options["min-run"]
        self.max_words = options["max-words"]
        self.dangling = frozenset(w.lower() for w in string_list(options["dangling"], "dangling"))
        self.defer = compile_line_patterns(
            flatten_patterns(options["defer-to"], "defer-to"), "defer-to"
        )
        self.ends = compile_line_patterns(
            flatten_patterns(options["ends-article"], "ends-article"), "ends-article"
        )
        self.min_article_words = options["min-article-words"]
        self.resume_run = options["resume-run"]
        self.author = compile_line_patterns(
            flatten_patterns(options["comment-author"], "comment-author"), "comment-author"
        )
        self.outside_sentences = options["outside-sentences"]
        self.boxes = box_finder(options["commerce-boxes"])
        self.min_evidence = options["min-evidence"]

    def _reason(self, position: int, lay: Layout) -> str | None:
        line = lay.lines[position]
        if self.outside_sentences:
            if line.sentence and not lay.in_core(position):
                return "before the article" if position < lay.core_start else "after the article"
            return None
        if _teaser_run(lay, position) and not _same_shape_run(lay, position):
            return "a related-story link" if lay.in_core(position) else self._where(position, lay)
        if line.sentence or line.lower_start or line.words > self.max_words:
            return None
        if not LETTER.search(line.text) or line.text.endswith(":"):
            return None  # a rule or spacer line, or the lead-in of a list
        last = LAST_WORD.search(line.text)
        if (
            last
            and last.group(1).lower() in self.dangling
            and line.words <= 6
            and not NUMBERED.match(line.text)  # "12. Find someone to talk to": a list heading
        ):
            return "a cut-off link label"
        if not lay.in_core(position):
            if STRUCTURE.search(line.text) and _data_list(lay, position):
                return None
            if _same_shape_run(lay, position) and _led_in(lay, position):
                return None
            return self._where(position, lay)
        if STRUCTURE.search(line.text) or _same_shape_run(lay, position):
            return None
        if line.nav:
            lo, hi = position, position
            while lo > 0 and lay.lines[lo - 1].nav:
                lo -= 1
            while hi + 1 < len(lay.lines) and lay.lines[hi + 1].nav:
                hi += 1
            if hi - lo + 1 >= self.min_run:
                return "a menu of links inside the article"
        return None

    @staticmethod
    def _where(position: int, lay: Layout) -> str:
        if position < lay.core_start:
            return "page furniture before the article"
        return "page furniture after the article"

    def _breaks(self, lay: Layout) -> tuple[set[int], set[int]]:
        """Lines that open a section after the article: bare labels, and comments' author lines."""
        labels: set[int] = set()
        authors: set[int] = set()
        lines = lay.lines
        for position, line in enumerate(lines):
            if line.sentence or line.words > MAX_LABEL_WORDS:
                continue
            if self.ends is not None and self.ends.fullmatch(line.text):
                labels.add(position)
            elif (
                self.author is not None
                and position + 1 < len(lines)
                and self.author.fullmatch(line.text)
                and STAMP.search(lines[position + 1].text)
                and lines[position + 1].words <= MAX_LABEL_WORDS * 2
            ):
                authors.add(position)
        return labels, authors

    def _deferred(self, analysis: Analysis, lay: Layout) -> frozenset[int]:
        """Positions of the lines other rules report (shared by the rules with the same list)."""
        defer = self.defer
        if defer is None:
            return frozenset()
        return analysis.memo(
            ("fragment-deferred", defer.pattern, defer.flags),
            lambda: frozenset(
                position for position, line in enumerate(lay.lines) if defer.fullmatch(line.text)
            ),
        )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        lay = layout(analysis)
        labels, authors = self._breaks(lay)
        if labels or authors:
            lay = lay.ending_before(labels | authors, self.min_article_words, self.resume_run)
        deferred = self._deferred(analysis, lay)
        scraped = len(deferred) + _menus(lay) >= self.min_evidence
        claimed = self.boxes.claimed(analysis) if self.boxes is not None else set()
        for position, line in enumerate(lay.lines):
            if position in deferred or line.index in claimed:
                continue
            if authored_structure(analysis, analysis.blocks[line.index]):
                continue
            reason = self._reason(position, lay)
            if position in authors and not lay.in_core(position) and not self.outside_sentences:
                reason = "a comment's author line"
            if reason is None or (not scraped and reason != "a cut-off link label"):
                continue
            block = analysis.blocks[line.index]
            yield Hit(block.start, block.end, {"reason": reason})


KIND = FragmentKind
