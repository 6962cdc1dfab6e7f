"""``furniture``: lines or sentences that are web-page furniture, recognised by their wording.

```yaml
kind: furniture
unit: line            # line: a pattern must match the whole block (decoration around it is
                      # ignored); sentence: a pattern found in a sentence flags the whole sentence
patterns: ['(?:discuss|share) this (?:article|story)', ...]   # Python regexes, any case
max-words: 12         # line unit: longer blocks are prose, not furniture (0: no limit)
```
Patterns may be nested lists (YAML anchors let other rules reuse them). Message field ``{match}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError
from newslint.engine.support.layout import BODY_KINDS, block_word_counts
from newslint.engine.support.line_patterns import (
    compile_line_patterns,
    flatten_patterns,
    sentence_union,
)

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

#: the opening quote of the next sentence, which the sentencizer leaves on this one
OPENING_QUOTE_TAIL = re.compile(r"\s+[\"“‘']$")


class FurnitureKind(Kind):
    name = "furniture"
    options = {
        "patterns": Option((list,), required=True, help="regular expressions (nested lists ok)"),
        "unit": Option(
            (str,),
            default="line",
            choices=("line", "sentence"),
            help="line: a pattern must match the whole block; sentence: any body sentence",
        ),
        "max-words": Option((int,), default=0, help="line unit: longer blocks are never flagged"),
        "commerce-boxes": Option(
            (dict,), default={}, help="line unit: lines of product boxes are left alone"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        sources = flatten_patterns(options["patterns"], "patterns")
        if not sources:
            raise OptionError("patterns", "must list at least one regular expression")
        self.unit = options["unit"]
        self.max_words = options["max-words"]
        from newslint.engine.support.boxes import box_finder

        self.boxes = box_finder(options["commerce-boxes"])
        if self.unit == "line":
            self.line = compile_line_patterns(sources, "patterns")
        else:
            self.search = sentence_union(sources, "patterns")
        #: a line is furniture by its own words (a product box, which claims lines, is the
        #: document's); a sentence is by its own
        self.locality = "split" if self.unit == "line" else "block"

    def gather(self, analysis: Analysis) -> Iterator[tuple[int, int]]:
        """The blocks (line unit) whose words are furniture."""
        assert self.line is not None
        text = analysis.text
        words = block_word_counts(analysis) if self.max_words else []
        for index, block in enumerate(analysis.blocks):
            if self.max_words and words[index] > self.max_words:
                continue
            if self.line.fullmatch(text[block.start : block.end]):
                yield block.start, block.end

    def finish(self, analysis: Analysis, items: list[tuple[Any, ...]]) -> Iterator[Hit]:
        """The furniture lines that no product box claims."""
        if not items:
            return
        claimed = self.boxes.claimed(analysis) if self.boxes is not None else set()
        index = analysis.document.block_index
        for start, end in items:
            if index(start) not in claimed:
                yield Hit(start, end)

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if self.unit == "line":
            yield from self.finish(analysis, list(self.gather(analysis)))
            return
        text = analysis.text
        found = self.search.occurrences(analysis)
        for sentence in analysis.sentences:
            block = analysis.blocks[sentence.block] if analysis.blocks else None
            if block is not None and block.kind not in BODY_KINDS:
                continue
            if self.search.search(text, sentence.start, sentence.end, found):
                end = sentence.end
                trail = OPENING_QUOTE_TAIL.search(text, sentence.start, end)
                yield Hit(sentence.start, trail.start() if trail else end)


KIND = FurnitureKind
