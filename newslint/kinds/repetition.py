"""``repetition``: the same word twice in a row ("the the"), with legitimate doubles excepted.

```yaml
kind: repetition
exceptions: [had had, that that, is is]   # doubles that are grammatical
min-length: 1
```
The hit covers the second word and the space before it; the fix deletes them.
Message field: ``{word}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.kinds import Hit, Kind, Option, string_list

if TYPE_CHECKING:
    from newslint.analysis import Analysis


class RepetitionKind(Kind):
    name = "repetition"
    options = {
        "exceptions": Option((list,), default=[], help="doubled words that are grammatical"),
        "min-length": Option((int,), default=1),
        "fix": Option((bool,), default=True),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.exceptions = {
            tuple(e.lower().split()) for e in string_list(options["exceptions"], "exceptions")
        }
        self.min_length = options["min-length"]
        self.fix = options["fix"]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc, text = analysis.doc, analysis.text
        positions = analysis.word_tokens
        for a, b in zip(positions, positions[1:], strict=False):
            first, second = doc[a], doc[b]
            if not (first.is_alpha and second.is_alpha) or len(first) < self.min_length:
                continue
            if first.lower_ != second.lower_ or (first.lower_, second.lower_) in self.exceptions:
                continue
            gap = text[first.idx + len(first) : second.idx]
            if gap.strip() != "" or "\n\n" in gap:
                continue
            start, end = first.idx + len(first), second.idx + len(second)
            yield Hit(
                start, end, {"word": second.text}, suggestions=("",), fix="" if self.fix else None
            )


KIND = RepetitionKind
