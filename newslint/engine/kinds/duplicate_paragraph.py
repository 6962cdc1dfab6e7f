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

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        seen: dict[str, int] = {}
        claimed = self.boxes.claimed(analysis) if self.boxes is not None else set()
        words = block_word_counts(analysis)
        for index, block in enumerate(analysis.blocks):
            if index in claimed:
                continue
            chunk = text[block.start : block.end]
            if words[index] < self.min_words or chunk.rstrip().endswith(("?", ":")):
                continue  # interviews repeat their questions, lists their lead-ins
            key = _FOLD.sub(" ", chunk.lower()).strip()
            if key in seen:
                if block.kind in BODY_KINDS:
                    line = analysis.document.line_col(seen[key])[0]
                    yield Hit(block.start, block.end, {"line": line})
            else:
                seen[key] = block.start


KIND = DuplicateParagraphKind
