"""``phrase``: flag words or phrases from a list (an existence check), on words or lemmas.

```yaml
kind: phrase
phrases: [discuss this article, leave a comment]   # or {category: [phrases]}
match: word            # word (any case), lemma (all inflections), exact (case-sensitive)
exceptions: [...]      # phrases that shield an overlapping match ("so-called" in "the so-called
                       # 'Islamic State'" is still flagged unless listed here)
position: whole-block  # anywhere | sentence-start | block-start | whole-block
whole-line: true       # shorthand for position: whole-block
```
Message fields: ``{match}``, ``{phrase}``, ``{category}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, string_list
from newslint.engine.support.phrases import PhraseIndex, overlaps, spans
from newslint.engine.support.position import POSITION_OPTION, at_position

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


def phrase_entries(raw: Any, field: str = "phrases") -> list[tuple[str, str]]:
    """``(phrase, category)`` pairs from a list or a ``{category: [phrases]}`` mapping."""
    if isinstance(raw, Mapping):
        out = []
        for category, items in raw.items():
            out.extend((p, str(category)) for p in string_list(items, field))
        return out
    return [(p, "") for p in string_list(raw, field)]


class PhraseKind(Kind):
    name = "phrase"
    options = {
        "phrases": Option(
            (list, dict), required=True, help="phrases to flag, or {category: [phrases]}"
        ),
        "match": Option((str,), default="word", choices=("word", "lemma", "exact")),
        "exceptions": Option((list,), default=[], help="phrases that shield overlapping matches"),
        "position": POSITION_OPTION,
        "whole-line": Option((bool,), default=False, help="the phrase must be the whole line"),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        entries = phrase_entries(options["phrases"])
        if not entries:
            raise OptionError("phrases", "must list at least one phrase")
        self.index: PhraseIndex[str] = PhraseIndex(entries, options["match"])
        exceptions = string_list(options["exceptions"], "exceptions")
        self.exceptions = (
            PhraseIndex([(e, "") for e in exceptions], options["match"], "exceptions")
            if exceptions
            else None
        )
        self.position = "whole-block" if options["whole-line"] else options["position"]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        shields = spans(self.exceptions, analysis)
        for start, end, category in self.index.find(analysis):
            if shields and overlaps(start, end, shields):
                continue
            if not at_position(analysis, start, end, self.position):
                continue
            yield Hit(start, end, {"category": category, "phrase": analysis.text[start:end]})


KIND = PhraseKind
