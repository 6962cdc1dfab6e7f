"""``lexicon``: a curated word list with categories and neutral alternatives (e.g. loaded words).

```yaml
kind: lexicon
match: lemma                 # word, lemma (any inflection), exact
lexicon:
  violence: {bloody: [deadly, violent], slaughter: kill}
  labels: {thug: null}       # null: no neutral word, rephrase or attribute
category-levels: {mild: suggestion}
word-forms: {labels: {illegals: [undocumented immigrants]}}  # matched as written, never inflected
exceptions: [Bloody Sunday]  # phrases that shield an overlapping match
skip-names: true             # skip capitalised matches inside a sentence (names: "Radical Party")
attributed-by: [deem, brand, label]  # "the allies deem as terrorists": the label is attributed
attributed-window: 4         # words before the match searched for those verbs (same sentence)
```
Message fields: ``{match}``, ``{category}``, ``{replacements}``, ``{replacement}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.analysis.nlp import lemma
from newslint.engine.kind import Hit, Kind, Option, string_list
from newslint.engine.support.lexicon import (
    CATEGORY_LEVELS_OPTION,
    Entry,
    category_levels,
    entry_values,
    lexicon_entries,
)
from newslint.engine.support.phrases import PhraseIndex, overlaps, spans

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


def is_name_like(analysis: Analysis, start: int) -> bool:
    """True when the word at ``start`` is capitalised but not the first word of its sentence."""
    if not analysis.text[start : start + 1].isupper():
        return False
    sentence = analysis.sentence_at(start)
    if sentence is None:
        return False
    lead = analysis.text[sentence.start : start]
    return any(c.isalnum() for c in lead)


class LexiconKind(Kind):
    name = "lexicon"
    options = {
        "lexicon": Option(
            (dict, list), required=True, help="{category: {term: alternative(s) or null}}"
        ),
        "match": Option((str,), default="lemma", choices=("word", "lemma", "exact")),
        "word-forms": Option(
            (dict, list), default={}, help="like lexicon, matched on word forms (no lemmas)"
        ),
        "exceptions": Option((list,), default=[], help="phrases that shield overlapping matches"),
        "category-levels": CATEGORY_LEVELS_OPTION,
        "skip-names": Option((bool,), default=True, help="skip capitalised mid-sentence matches"),
        "attributed-by": Option(
            (list,), default=[], help="verb lemmas that attribute a following label to someone"
        ),
        "attributed-window": Option((int,), default=4),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        entries = lexicon_entries(options["lexicon"], "lexicon")
        self.indexes: list[PhraseIndex[Entry]] = [PhraseIndex(entries, options["match"], "lexicon")]
        if options["word-forms"]:
            forms = lexicon_entries(options["word-forms"], "word-forms")
            self.indexes.insert(0, PhraseIndex(forms, "word", "word-forms"))  # forms win ties
            entries = entries + forms
        exceptions = string_list(options["exceptions"], "exceptions")
        self.exceptions = (
            PhraseIndex([(e, "") for e in exceptions], options["match"], "exceptions")
            if exceptions
            else None
        )
        self.levels = category_levels(
            options["category-levels"], {e.category for _, e in entries}, "category-levels"
        )
        self.skip_names = options["skip-names"]
        self.attributing = {
            lemma(w) for w in string_list(options["attributed-by"], "attributed-by")
        }
        self.window = options["attributed-window"]

    def _attributed(self, analysis: Analysis, start: int) -> bool:
        """True when an attributing verb ("deem", "brand") comes shortly before ``start``."""
        if not self.attributing:
            return False
        sentence = analysis.sentence_at(start)
        if sentence is None:
            return False
        alpha, idxs, lemmas = analysis.is_alpha, analysis.idxs, analysis.lemmas
        before = [
            i for i in analysis.token_range(sentence.start, start) if alpha[i] and idxs[i] < start
        ]
        return any(lemmas[i] in self.attributing for i in before[-self.window :])

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        shields = spans(self.exceptions, analysis)
        found = sorted(
            (hit for index in self.indexes for hit in index.find(analysis)), key=lambda h: h[:2]
        )
        taken = -1
        for start, end, entry in found:
            if start < taken:
                continue
            taken = end
            if shields and overlaps(start, end, shields):
                continue
            if self.skip_names and is_name_like(analysis, start):
                continue
            if self._attributed(analysis, start):
                continue
            values, alternatives = entry_values(entry, analysis.text[start:end])
            yield Hit(
                start,
                end,
                values,
                suggestions=alternatives,
                level=self.levels.get(entry.category),
            )


KIND = LexiconKind
