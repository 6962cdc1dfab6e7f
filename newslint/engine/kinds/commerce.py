"""``commerce``: a product box of a deals page (name, features, price, "Buy Now") in the text.

```yaml
kind: commerce
call-to-action: ['buy now', 'shop now', ...]   # the button line that closes a box
price: ['\\$\\d[\\d,]*(?:\\.\\d\\d)?', 'available (?:from|at|on) .{2,40}']  # a line inside it
min-lines: 3                                     # shorter stacks are an inline shopping link
```
One finding per box, spanning its lines. Message field ``{lines}``: how many lines it has.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option
from newslint.engine.support.boxes import box_finder

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


class CommerceKind(Kind):
    name = "commerce"
    options = {
        "call-to-action": Option((list,), required=True, help="button labels that close a box"),
        "price": Option((list,), required=True, help="a price or seller line inside a box"),
        "min-lines": Option((int,), default=3, help="lines a box has at least"),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        raw = {k: options[k] for k in ("call-to-action", "price", "min-lines")}
        self.finder = box_finder(raw, "call-to-action")

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        assert self.finder is not None
        blocks = analysis.blocks
        for lo, hi in self.finder.boxes(analysis):
            yield Hit(blocks[lo].start, blocks[hi].end, {"lines": hi - lo + 1})


KIND = CommerceKind
