"""``duplicate-paragraph``: a paragraph that repeats an earlier one word for word.

Scrapes repeat the headline, a teaser or a pull quote. The kind compares body paragraphs (and
header blocks, so a headline repeated in the body counts) after folding case, spacing and
punctuation, and flags every repeat after the first.

```yaml
kind: duplicate-paragraph
min-words: 6     # shorter lines repeat legitimately ("Read more", list labels)
```
Message field ``{line}``: the source line of the first occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option
from newslint.engine.support.boxes import box_finder
from newslint.engine.support.layout import BODY_KINDS, block_word_counts

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

_FOLD = re.compile(r"[\W_]+")


class DuplicateParagraphKind(Kind):
    name = "duplicate-paragraph"
    options = {
        "min-words": Option(
            (int,), default=6, help="shorter paragraphs may repeat (datelines, 'Photo:')"
        ),
        "commerce-boxes": Option(
            (dict,), default={}, help="product boxes repeat their bullets: left alone"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.min_words = options["min-words"]
        self.boxes = box_finder(options["commerce-boxes"])

    #: a paragraph's folded words are its own; which one repeats another is the document's
    locality = "split"

    def gather(self, analysis: Analysis) -> Iterator[tuple[int, int, str, str]]:
        """(start, end, folded words, block kind) of each block long enough to compare."""
        text = analysis.text
        words = block_word_counts(analysis)
        for index, block in enumerate(analysis.blocks):
            chunk = text[block.start : block.end]
            if words[index] < self.min_words or chunk.rstrip().endswith(("?", ":")):
                continue  # interviews repeat their questions, lists their lead-ins
            yield block.start, block.end, _FOLD.sub(" ", chunk.lower()).strip(), block.kind

    def finish(self, analysis: Analysis, items: list[tuple[Any, ...]]) -> Iterator[Hit]:
        """Every repeat after the first, outside product boxes."""
        if len(items) < 2:
            return
        seen: dict[str, int] = {}
        claimed = self.boxes.claimed(analysis) if self.boxes is not None else set()
        index = analysis.document.block_index
        for start, end, key, kind in items:
            if claimed and index(start) in claimed:
                continue
            if key in seen:
                if kind in BODY_KINDS:
                    line = analysis.document.line_col(seen[key])[0]
                    yield Hit(start, end, {"line": line})
            else:
                seen[key] = start

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        return self.finish(analysis, list(self.gather(analysis)))


KIND = DuplicateParagraphKind
