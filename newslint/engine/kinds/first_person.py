"""``first-person``: the writer or the outlet speaking as "we", "our", "I" in narration.

One hit per sentence (its first first-person word). All-capitals forms other than "I" are skipped
("US", "ME"), as is a Roman-numeral "I" after a capitalised word ("World War I", "Elizabeth I"),
and, with ``skip-after-colon``, words after a colon in their sentence (unmarked speech:
"Her message was simple: we will not leave."), and paragraphs that open with a speaker label
("Q:", "SMITH:"). In a piece written in a personal register throughout (a column, a review; the
``pervasive-*`` options, see ``_register.py``), one notice at ``pervasive-level`` with
``pervasive-note`` replaces the per-sentence warnings.

```yaml
kind: first-person
pronouns: [we, our, us, i, me, my]
skip-after-colon: true
pervasive-min: 4            # personal-register sentences, at least
pervasive-share: 0.1        # ... and this share of the narration
pervasive-paragraphs: 3     # ... spread over this many paragraphs
pervasive-dense-share: 0.33 # ... or making up this share of the narration
pervasive-level: suggestion
```
Message fields: ``{match}``, ``{note}`` (empty, or ``pervasive-note`` with its fields ``{count}``,
``{more}``, ``{personal}``, ``{sentences}``, ``{paragraphs}``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, string_list
from newslint.engine.support.register import (
    PERVASIVE_OPTIONS,
    Pervasive,
    collapse_if_pervasive,
    in_transcript,
)

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


#: first-person words (lower case)
FIRST_PERSON = [
    "we", "our", "ours", "us", "ourselves", "i", "me", "my", "mine", "myself",
]  # fmt: skip


class FirstPersonKind(Kind):
    name = "first-person"
    options = {
        "pronouns": Option((list,), default=FIRST_PERSON, help="first-person words (lower case)"),
        "skip-after-colon": Option(
            (bool,),
            default=True,
            help="skip words after a colon in their sentence (unmarked speech)",
        ),
        **PERVASIVE_OPTIONS,
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.pronouns = {p.lower() for p in string_list(options["pronouns"], "pronouns")}
        if not self.pronouns:
            raise OptionError("pronouns", "must list at least one word")
        self.skip_after_colon = options["skip-after-colon"]
        self.pervasive = Pervasive.from_options(options)

    def _is_pronoun(self, analysis: Analysis, i: int, first: int) -> bool:
        texts = analysis.texts
        word = texts[i]
        if analysis.lowers[i] not in self.pronouns:
            return False
        if word == "I":
            if i > first and texts[i - 1][:1].isupper() and analysis.is_alpha[i - 1]:
                return False  # World War I, Elizabeth I
            nxt = texts[i + 1] if i + 1 < len(texts) else None
            return not (nxt is not None and nxt in {".", ")"} and i > first)
        if word.isupper() and len(word) > 1:
            return False  # US, ME, WE (acronyms)
        return not (word[0].isupper() and i > first)  # "Us Weekly", "Our Lady" as names

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        hits = list(self._hits(analysis))
        if hits:
            yield from collapse_if_pervasive(hits, analysis, self.pervasive, self.scope)

    def _hits(self, analysis: Analysis) -> Iterator[Hit]:
        texts, idxs, alpha, lowers = (
            analysis.texts,
            analysis.idxs,
            analysis.is_alpha,
            analysis.lowers,
        )
        pronouns = self.pronouns
        for sentence in analysis.sentences:
            if in_transcript(analysis, sentence.start):
                continue
            colon = False
            for i in range(sentence.token_start, sentence.token_end):
                if texts[i] == ":":
                    colon = True
                    continue
                if colon and self.skip_after_colon:
                    break
                if not alpha[i] or lowers[i] not in pronouns:
                    continue
                if not self._is_pronoun(analysis, i, sentence.token_start):
                    continue
                if analysis.quotes.in_quote(idxs[i]):
                    continue
                yield Hit(idxs[i], idxs[i] + len(texts[i]))
                break


KIND = FirstPersonKind
