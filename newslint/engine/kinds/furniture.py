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

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        if self.unit == "line":
            assert self.line is not None
            claimed = self.boxes.claimed(analysis) if self.boxes is not None else set()
            words = block_word_counts(analysis) if self.max_words else []
            for index, block in enumerate(analysis.blocks):
                if index in claimed:
                    continue
                chunk = text[block.start : block.end]
                if self.max_words and words[index] > self.max_words:
                    continue
                if self.line.fullmatch(chunk):
                    yield Hit(block.start, block.end)
            return
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
