"""``phrase-density``: words that are fine once but a problem when dense (boosters, hedges).

Each match is reported at the rule's level (normally ``suggestion``); when the document's narration
holds more than ``escalate-per-1000`` matches per 1,000 narration words (and at least
``escalate-min`` matches), every match is raised to ``escalate-level``.

```yaml
kind: phrase-density
lexicon: {booster: {clearly: null, staggering: [large]}}   # as in the lexicon kind
match: lemma
exceptions: [of course not]
escalate-per-1000: 6
escalate-min: 3
escalate-level: warning
```
Message fields: ``{match}``, ``{category}``, ``{replacements}``, ``{count}``, ``{per_1000}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, string_list
from newslint.engine.kinds.lexicon import is_name_like
from newslint.engine.support.lexicon import LEVELS, Entry, entry_values, lexicon_entries
from newslint.engine.support.phrases import PhraseIndex, overlaps, spans

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


class PhraseDensityKind(Kind):
    name = "phrase-density"
    options = {
        "lexicon": Option((dict, list), required=True, help="{category: {term: alternative(s)}}"),
        "match": Option((str,), default="lemma", choices=("word", "lemma", "exact")),
        "exceptions": Option((list,), default=[]),
        "escalate-per-1000": Option((int, float), default=6, help="density that raises the level"),
        "escalate-min": Option((int,), default=3, help="fewest matches that can raise the level"),
        "escalate-level": Option((str,), default="warning", choices=LEVELS),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        entries = lexicon_entries(options["lexicon"], "lexicon")
        self.index: PhraseIndex[Entry] = PhraseIndex(entries, options["match"], "lexicon")
        exceptions = string_list(options["exceptions"], "exceptions")
        self.exceptions = (
            PhraseIndex([(e, "") for e in exceptions], options["match"], "exceptions")
            if exceptions
            else None
        )
        if options["escalate-per-1000"] <= 0:
            raise OptionError("escalate-per-1000", "must be positive")
        self.threshold = float(options["escalate-per-1000"])
        self.minimum = options["escalate-min"]
        self.escalate_level = options["escalate-level"]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        shields = spans(self.exceptions, analysis)
        found = [
            (start, end, entry)
            for start, end, entry in self.index.find(analysis)
            if not (shields and overlaps(start, end, shields))
            and not is_name_like(analysis, start)
            and not analysis.quotes.in_quote(start)
        ]
        words = max(analysis.narration_word_count, 1)
        density = len(found) * 1000 / words
        dense = len(found) >= self.minimum and density > self.threshold
        for start, end, entry in found:
            values, alternatives = entry_values(entry, analysis.text[start:end])
            yield Hit(
                start,
                end,
                {**values, "count": len(found), "per_1000": f"{density:.1f}"},
                suggestions=alternatives,
                level=self.escalate_level if dense else None,
            )


KIND = PhraseDensityKind
