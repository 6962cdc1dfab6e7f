"""``misspelling``: a common misspelling with exactly one correction, fixed safely.

```yaml
kind: misspelling
```
The misspellings are codespell's list, read from the installed package; only entries with a
single correction and no caveat count ("recieve" -> "receive"), and only where the dictionary does
not know the word and the name policy of ``typo`` would report it. The hit carries that
correction, in the word's capitalisation, as a safe fix for ``newslint check --fix``.
Message fields: ``{word}``, ``{correction}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind
from newslint.engine.kinds.typo import SPELLING_BLOCKS
from newslint.engine.support.spelling import candidates, is_rejected, safe_correction, typos

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


class MisspellingKind(Kind):
    name = "misspelling"
    options = {}
    default_scope = {"voice": "any", "block": SPELLING_BLOCKS}
    #: the words looked at are a paragraph's own; whether one is reported is the document's
    locality = "split"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        return self.finish(analysis, None)

    def gather(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        return candidates(analysis)

    def finish(self, analysis: Analysis, items: list[tuple[Any, ...]] | None) -> Iterator[Hit]:
        for typo in typos(analysis, items):
            fix = None if is_rejected(typo) else safe_correction(typo)
            if fix is None:
                continue
            yield Hit(
                typo.start,
                typo.end,
                {"word": typo.word, "correction": fix},
                suggestions=(fix,),
                fix=fix,
            )


KIND = MisspellingKind
