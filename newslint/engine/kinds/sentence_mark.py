"""``sentence-mark``: a question mark or exclamation mark in the writer's own voice.

``where: end`` flags sentences whose closing mark (``mark``) is in narration ("Is this the end of
the peace process?"); ``where: anywhere`` flags every run of the mark after a word ("resigned!").
Marks inside quotations, in paragraphs that open with a speaker label ("Q:", "SMITH:"), after
``names`` that carry the mark ("Yahoo!"), and sentences opening with ``exceptions`` are skipped.
In a piece written in a personal register throughout (a blog, a Q&A; the ``pervasive-*`` options
as for ``first-person``), one notice at ``pervasive-level`` replaces them.

```yaml
kind: sentence-mark
mark: "?"
where: end
min-words: 3
names: [Yahoo, Jeopardy]
```
Message fields: ``{match}``, ``{note}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list
from newslint.engine.support.register import (
    PERVASIVE_OPTIONS,
    Pervasive,
    collapse_if_pervasive,
    in_transcript,
)

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

CLOSERS = ")]}\"'”’»"


class SentenceMarkKind(Kind):
    name = "sentence-mark"
    options = {
        "mark": Option((str,), required=True, choices=("?", "!"), help="the mark to flag"),
        "where": Option(
            (str,),
            default="end",
            choices=("end", "anywhere"),
            help="end: sentences closing on the mark; anywhere: every run of it after a word",
        ),
        "min-words": Option(
            (int,), default=1, help="shortest sentence flagged, in words (with where: end)"
        ),
        "names": Option((list,), default=[], help="names that carry the mark (Yahoo!)", words=True),
        "exceptions": Option((list,), default=[], help="sentence openings to skip (any case)"),
        **PERVASIVE_OPTIONS,
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.mark = options["mark"]
        self.where = options["where"]
        self.min_words = options["min-words"]
        names = string_list(options["names"], "names")
        self.names = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")$") if names else None
        )
        self.exceptions = tuple(e.lower() for e in string_list(options["exceptions"], "exceptions"))
        self.pervasive = Pervasive.from_options(options)
        self.run = re.compile(r"(?<=\w)" + re.escape(self.mark) + r"+(?=[\s)\"”’]|$)")

    def _marks(self, analysis: Analysis) -> Iterator[tuple[int, int, int]]:
        text = analysis.text
        for sentence in analysis.sentences:
            opening = text[sentence.start : sentence.start + 40].lower()
            if self.exceptions and opening.startswith(self.exceptions):
                continue
            if self.where == "end":
                body = text[sentence.start : sentence.end].rstrip(CLOSERS + " ")
                if not body.endswith(self.mark):
                    continue
                mark = sentence.start + len(body) - 1
                if analysis.quotes.in_quote(sentence.start):
                    continue
                start = sentence.start
                while start < mark and text[start] in CLOSERS:
                    start += 1
                words = sum(1 for t in analysis.tokens(start, mark) if t.is_alpha)
                if words >= self.min_words:
                    yield start, mark + 1, mark
            else:
                for m in self.run.finditer(text, sentence.start, sentence.end):
                    if self.names and self.names.search(text, sentence.start, m.start()):
                        continue
                    yield m.start(), m.end(), m.start()

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        hits = [
            Hit(start, end)
            for start, end, mark in self._marks(analysis)
            if not analysis.quotes.in_quote(mark) and not in_transcript(analysis, start)
        ]
        if hits:
            yield from collapse_if_pervasive(hits, analysis, self.pervasive, self.scope)


KIND = SentenceMarkKind
