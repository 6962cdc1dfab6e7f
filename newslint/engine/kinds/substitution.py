"""``substitution``: a word or phrase with a preferred replacement, offered as a suggestion or fix.

```yaml
kind: substitution
swap: {slammed: criticised, "so-called": ""}  # phrase -> replacement ("" = delete; a list = options)
match: word       # word, lemma (any inflection of the key), exact
fix: false        # true: the first replacement is a safe automatic fix (word/exact matches only)
exceptions: [...]
position: anywhere
```
Message fields: ``{match}``, ``{replacement}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, string_list
from newslint.engine.support.phrases import PhraseIndex, match_case, overlaps, spans
from newslint.engine.support.position import POSITION_OPTION, at_position

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


class SubstitutionKind(Kind):
    name = "substitution"
    options = {
        "swap": Option((dict,), required=True, help="phrase -> replacement (or list of them)"),
        "match": Option((str,), default="word", choices=("word", "lemma", "exact")),
        "fix": Option((bool,), default=False, help="offer the first replacement as a safe fix"),
        "exceptions": Option((list,), default=[]),
        "position": POSITION_OPTION,
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        entries: list[tuple[str, tuple[str, ...]]] = []
        for phrase, replacement in options["swap"].items():
            if replacement is None:
                replacement = ""
            replacements = tuple(string_list(replacement, "swap"))
            entries.append((str(phrase), replacements))
        if not entries:
            raise OptionError("swap", "must hold at least one phrase")
        self.mode = options["match"]
        self.index = PhraseIndex(entries, self.mode, "swap")
        exceptions = string_list(options["exceptions"], "exceptions")
        self.exceptions = (
            PhraseIndex([(e, "") for e in exceptions], self.mode, "exceptions")
            if exceptions
            else None
        )
        self.fixable = options["fix"] and self.mode != "lemma"
        self.position = options["position"]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        shields = spans(self.exceptions, analysis)
        for start, end, replacements in self.index.find(analysis):
            if shields and overlaps(start, end, shields):
                continue
            if not at_position(analysis, start, end, self.position):
                continue
            original = analysis.text[start:end]
            options = tuple(match_case(r, original) for r in replacements)
            shown = " or ".join(f"'{r}'" for r in options) if options else "nothing"
            yield Hit(
                start,
                end,
                {"replacement": options[0] if options else "", "replacements": shown},
                suggestions=options,
                fix=options[0] if self.fixable and options else None,
            )


KIND = SubstitutionKind
