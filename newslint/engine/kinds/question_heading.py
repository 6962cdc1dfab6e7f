"""``question-heading``: a sub-heading of an explainer box left as a line of the body.

"What do we know of recent chemical weapons use?" standing alone between paragraphs of narration
is the heading of a web page's fact box. The kind flags a body paragraph that is one short
question opening with a question word, outside quotation marks, with prose paragraphs on both
sides. An article with several such lines (an explainer organised by questions, an FAQ) uses
them as its own sub-headings, so nothing is flagged there.

```yaml
kind: question-heading
max-words: 14
max-per-document: 1   # more question lines than this: the article's own structure
openers: [what, why, how, who, ...]   # first words of a heading question
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list
from newslint.engine.support.layout import layout

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


#: first words of a question
QUESTION_OPENERS = [
    "what", "why", "how", "who", "whom", "whose", "where", "when", "which", "is", "are", "was",
    "were", "will", "can", "could", "should", "does", "do", "did", "has", "have",
]  # fmt: skip


class QuestionHeadingKind(Kind):
    name = "question-heading"
    options = {
        "max-words": Option(
            (int,), default=14, help="longest question line, in words, read as a heading"
        ),
        "openers": Option(
            (list,), default=QUESTION_OPENERS, help="first words of a heading question"
        ),
        "max-per-document": Option(
            (int,), default=1, help="more question lines than this are the article's own structure"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.max_words = options["max-words"]
        self.max_per_document = options["max-per-document"]
        self.openers = frozenset(w.lower() for w in string_list(options["openers"], "openers"))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        hits = list(self._candidates(analysis))
        if len(hits) <= self.max_per_document:
            yield from hits

    def _candidates(self, analysis: Analysis) -> Iterator[Hit]:
        lay = layout(analysis)
        lines = lay.lines
        for position, line in enumerate(lines):
            if not line.text.endswith("?") or line.words > self.max_words:
                continue
            first = line.text.split()[0].lower().strip("'\"“‘")
            if first not in self.openers or any(q in line.text for q in '"“”'):
                continue
            block = analysis.blocks[line.index]
            if block.kind == "list" or len(analysis.sentences_in(block)) != 1:
                continue  # a question in a list is a bullet, not a stray sub-heading
            before = lines[position - 1] if position > 0 else None
            after = lines[position + 1] if position + 1 < len(lines) else None
            if not (before and after and before.sentence and after.sentence):
                continue
            if before.text.endswith(":") or after.text.endswith("?"):
                continue  # a list of questions, or an interview
            yield Hit(block.start, block.end)


KIND = QuestionHeadingKind
