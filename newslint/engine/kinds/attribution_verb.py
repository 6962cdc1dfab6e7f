"""``attribution-verb``: reporting verbs that pass judgement ("claimed", "slammed") where "said" is neutral.

A verb is flagged only where it attributes speech (and not where a capitalised one opening a
sentence is a name the piece writes capitalised elsewhere: "Bash said"): it is the cue of a quotation (found by the
quote analyser), it introduces a clause or quote (``claimed that``, ``insisted:``), or, for the
``object-verbs`` (``slammed the plan``), it is followed by something other than a physical
complement (``slammed into``, ``blasted off``).

```yaml
kind: attribution-verb
verbs: {doubt: {claim: said}, spin: {boast: said}}      # category -> {lemma: replacement}
object-verbs: {criticism: {slam: criticised}}            # verbs that take the criticised as object
complements: [that, ":", '"', "“"]                       # tokens that make a verb a speech verb
not-followed-by: [into, off, shut, door]                 # physical senses of object verbs
category-levels: {doubt: suggestion}
irregular: {say: [said, says, saying]}                   # forms of irregular replacements
```
Replacements are written as base forms and given the flagged verb's form ("claims" -> "says").
Message fields: ``{match}``, ``{category}``, ``{replacements}``, ``{replacement}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, string_list
from newslint.engine.kinds.phrase import is_name_like
from newslint.engine.support.phrases import PhraseIndex, match_case
from newslint.engine.support.wordlist import (
    CATEGORY_LEVELS_OPTION,
    Entry,
    category_levels,
    shown,
    word_entries,
)

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


#: tokens after a verb that make it a speech verb ("claimed that", "insisted:")
COMPLEMENTS = ["that", ":", '"', "“", "‘"]

#: words after an object verb that show its physical sense ("slammed into", "slam dunk", "blasted off")
PHYSICAL_COMPLEMENTS = [
    "into", "onto", "off", "through", "shut", "open", "down", "door", "doors", "brakes",
    "brake", "dunk", "away", "out", "apart", "past", "at", "against", "the door", "it", "its",
    "their", "his", "her", "a", "an", "forward", "ahead", "back", "holes", "hole", "rock",
]  # fmt: skip

#: verbs that also mean "to have" ("the hotel boasts a pool"): after a relative pronoun for a thing
#: ("which boasts 'traditional cuisine'") or as a participle with no clause ("a phone boasting a
#: 6-inch screen") they describe, not attribute
POSSESSION_VERBS = ["boast"]
THING_RELATIVES = frozenset(["which", "that"])

#: replacement verbs with irregular forms: base -> [past, third person, -ing]
IRREGULAR = {"say": ["said", "says", "saying"]}


class AttributionVerbKind(Kind):
    name = "attribution-verb"
    options = {
        "verbs": Option(
            (dict,), default={}, help="{category: {verb lemma: replacement}}", words=True
        ),
        "object-verbs": Option(
            (dict,), default={}, help="verbs whose object is the criticised", words=True
        ),
        "complements": Option(
            (list,),
            default=COMPLEMENTS,
            help="tokens after a verb that make it a speech verb ('claimed that', 'insisted:')",
        ),
        "not-followed-by": Option(
            (list,),
            default=PHYSICAL_COMPLEMENTS,
            help="words after an object verb that rule it out",
        ),
        "category-levels": CATEGORY_LEVELS_OPTION,
        "irregular": Option((dict,), default=IRREGULAR, help="{base: [past, third person, -ing]}"),
        "possession-verbs": Option(
            (list,),
            default=POSSESSION_VERBS,
            help="verbs that also mean 'to have', left alone after 'which' and as bare participles",
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        speech = word_entries(options["verbs"], "verbs")
        objects = word_entries(options["object-verbs"], "object-verbs")
        if not speech and not objects:
            raise OptionError("verbs", "list at least one verb in 'verbs' or 'object-verbs'")
        tagged = [(t, (e, False)) for t, e in speech] + [(t, (e, True)) for t, e in objects]
        self.index: PhraseIndex[tuple[Entry, bool]] = PhraseIndex(tagged, "lemma", "verbs")
        self.complements = {c.lower() for c in string_list(options["complements"], "complements")}
        self.possession = {
            v.lower() for v in string_list(options["possession-verbs"], "possession-verbs")
        }
        self.blockers = {
            w.lower() for w in string_list(options["not-followed-by"], "not-followed-by")
        }
        categories = {e.category for _, e in speech + objects}
        self.levels = category_levels(options["category-levels"], categories, "category-levels")
        self.irregular: dict[str, tuple[str, ...]] = {}
        for base, forms in options["irregular"].items():
            forms = string_list(forms, "irregular")
            if len(forms) != 3:
                raise OptionError("irregular", f"{base!r} needs [past, third person, -ing]")
            self.irregular[str(base)] = tuple(forms)

    def inflect(self, base: str, like: str, like_lemma: str) -> str:
        """``base`` in the grammatical form of the flagged word ``like`` (lemma ``like_lemma``)."""
        low = like.lower().split()[0] if like.strip() else like.lower()
        if low == like_lemma.split()[0]:
            return base
        head, _, rest = base.partition(" ")
        tail = f" {rest}" if rest else ""
        past, third, ing = self.irregular.get(head) or (
            head + ("d" if head.endswith("e") else "ed"),
            head + ("es" if head.endswith(("s", "sh", "ch")) else "s"),
            (head[:-1] if head.endswith("e") else head) + "ing",
        )
        if low.endswith("ing"):
            return ing + tail
        if low.endswith("s"):
            return third + tail
        return past + tail

    def _next_word(self, analysis: Analysis, end: int) -> str:
        for token in analysis.tokens(end, min(end + 40, len(analysis.text))):
            if token.idx >= end:
                return token.lower_
        return ""

    def _possession(self, analysis: Analysis, start: int, end: int, following: str) -> bool:
        """ "which boasts a pool", "a phone boasting a large screen": having, not saying."""
        words = analysis.tokens(start, end)
        if not words or words[0].lemma_ not in self.possession:
            return False
        before = [t for t in analysis.tokens(max(start - 30, 0), start) if t.idx < start]
        if before and before[-1].lower_ in THING_RELATIVES:
            return True
        return words[0].lower_.endswith("ing") and following not in ("that", ":", "about", "of")

    def _surname(self, analysis: Analysis, start: int, end: int) -> bool:
        """A capitalised verb opening its sentence that the piece also writes capitalised inside
        a sentence: a name ("Bash characterized the attack ..." after "prosecutor Josh Bash")."""
        word = analysis.text[start:end]
        if not word[:1].isupper() or " " in word:
            return False
        pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")
        return any(
            m.start() != start and is_name_like(analysis, m.start())
            for m in pattern.finditer(analysis.text)
        )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        cues = [q.cue for q in analysis.quotes.quotes if q.cue]
        for start, end, (entry, takes_object) in self.index.find(analysis):
            if is_name_like(analysis, start) or self._surname(analysis, start, end):
                continue  # Grand Slam; "Bash said" where the piece names prosecutor Josh Bash
            following = self._next_word(analysis, end)
            if self._possession(analysis, start, end, following):
                continue
            is_cue = any(s < end and start < e for s, e in cues)
            if takes_object:
                if not following or following in self.blockers or following in ".;,":
                    continue
            elif not is_cue and following not in self.complements:
                continue
            original = analysis.text[start:end]
            lemma = " ".join(t.lemma_ for t in analysis.tokens(start, end))
            alternatives = tuple(
                match_case(self.inflect(a, original, lemma), original) for a in entry.alternatives
            )
            yield Hit(
                start,
                end,
                {
                    "category": entry.category,
                    "replacements": shown(alternatives),
                    "replacement": alternatives[0] if alternatives else "",
                },
                suggestions=alternatives,
                level=self.levels.get(entry.category),
            )


KIND = AttributionVerbKind
