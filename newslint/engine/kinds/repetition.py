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

from newslint.engine.kind import Hit, Kind, Option, string_list

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


class RepetitionKind(Kind):
    name = "repetition"
    generic = True
    options = {
        "exceptions": Option(
            (list,), default=[], help="doubled words that are grammatical", words=True
        ),
        "min-length": Option(
            (int,), default=1, help="shortest doubled word reported, in characters"
        ),
        "fix": Option(
            (bool,), default=True, help="offer deleting the second word as a safe automatic fix"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.exceptions = {
            tuple(e.lower().split()) for e in string_list(options["exceptions"], "exceptions")
        }
        self.min_length = options["min-length"]
        self.fix = options["fix"]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text, lowers, alpha = analysis.text, analysis.lowers, analysis.is_alpha
        idxs, texts = analysis.idxs, analysis.texts
        positions = analysis.word_tokens
        for a, b in zip(positions, positions[1:], strict=False):
            if lowers[a] != lowers[b] or not (alpha[a] and alpha[b]):
                continue  # the common case first: two different words
            if len(texts[a]) < self.min_length or (lowers[a], lowers[b]) in self.exceptions:
                continue
            start, end = idxs[a] + len(texts[a]), idxs[b] + len(texts[b])
            gap = text[start : idxs[b]]
            if gap.strip() != "" or "\n\n" in gap:
                continue
            yield Hit(
                start, end, {"word": texts[b]}, suggestions=("",), fix="" if self.fix else None
            )


KIND = RepetitionKind
