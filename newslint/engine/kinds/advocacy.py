"""``advocacy``: the writer telling someone what they should do ("The council must act now.").

A modal of obligation (``modals``: "should", "must", "ought to", "needs to") in a narration
sentence that nobody is reported to say is the writer's own prescription. A sentence is left alone
when it attributes ("officials said", "according to", "critics argue": ``attribution``), states a
rule or a condition ("Applicants must be 18 under the law", "If it rains, the match should be
moved": ``conditions``), asks, addresses the reader or speaks as "I" (a how-to's "you should", a
column's "I must": other rules and genres judge those), or forecasts ("The storm should reach the
coast on Friday": the modal before a verb of ``outcomes``).

```yaml
kind: advocacy
modals: [should, must, ought to, need to]
```
Message field: ``{match}`` (the modal and the verb after it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list
from newslint.genre.statements import in_statement

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis, Sentence

#: modals of obligation, as word sequences (lower case)
MODALS = ["should", "must", "ought to", "need to", "needs to"]
#: lemmas and words that give the prescription an owner or make it a rule, not the writer's
ATTRIBUTION = [
    "say", "tell", "according", "argue", "urge", "write", "warn", "insist", "believe", "claim",
    "contend", "suggest", "recommend", "demand", "call", "want", "propose", "advise", "add",
    "explain", "note", "state", "testify", "ask", "rule", "agree", "acknowledge", "decide",
    "conclude", "find", "announce", "order", "accept", "think", "feel", "fear", "hope",
    "persuade", "convince",
]  # fmt: skip
CONDITIONS = [
    "if", "unless", "under", "law", "rule", "rules", "required", "require", "eligible", "qualify",
    "regulation", "regulations", "policy", "guideline", "guidelines", "contract", "case",
    "least", "classify", "classified", "able", "order",
]  # fmt: skip
#: verbs after "should" that forecast rather than prescribe ("should arrive on Friday")
OUTCOMES = [
    "arrive", "reach", "begin", "start", "end", "finish", "last", "open", "close", "take",
    "come", "remain", "continue", "see", "get", "expect", "happen", "occur", "return", "resume",
]  # fmt: skip
PERSONS = frozenset(["you", "your", "i", "me", "my"])


class AdvocacyKind(Kind):
    name = "advocacy"
    options = {
        "modals": Option((list,), default=MODALS, help="modals of obligation (word sequences)"),
        "attribution": Option(
            (list,), default=ATTRIBUTION, help="lemmas that give a prescription an owner"
        ),
        "conditions": Option(
            (list,), default=CONDITIONS, help="words that make a modal a rule or a condition"
        ),
        "outcomes": Option(
            (list,), default=OUTCOMES, help="verb lemmas after a modal that forecast"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.modals = [tuple(m.lower().split()) for m in string_list(options["modals"], "modals")]
        self.owners = {w.lower() for w in string_list(options["attribution"], "attribution")}
        self.conditions = {w.lower() for w in string_list(options["conditions"], "conditions")}
        self.outcomes = {w.lower() for w in string_list(options["outcomes"], "outcomes")}
        #: a sentence without one of these words has no modal: nothing else need be read
        self.modal_starts = frozenset(modal[0] for modal in self.modals if modal)

    def _prescription(self, analysis: Analysis, sentence: Sentence) -> tuple[int, int] | None:
        words = analysis.word_indices(sentence.start, sentence.end)
        lowers = analysis.lowers
        if not any(lowers[i] in self.modal_starts for i in words):
            return None
        text = analysis.text
        if text[sentence.start : sentence.end].rstrip(")\"'”’ ").endswith("?"):
            return None
        lemmas, idxs, texts = analysis.lemmas, analysis.idxs, analysis.texts
        if words and lowers[words[0]] in ("should", "for"):
            return None  # "Should the weather turn, ..."; "For the budget to pass, it must ..."
        if any(
            lowers[i] in PERSONS or lemmas[i] in self.owners or lowers[i] in self.conditions
            for i in words
        ):
            return None
        for k, i in enumerate(words):
            for modal in self.modals:
                span = words[k : k + len(modal)]
                if tuple(lowers[j] for j in span) != modal:
                    continue
                rest = words[k + len(modal) :]
                verb = next((j for j in rest if lowers[j] not in ("not", "n't", "also")), None)
                if verb is None or lemmas[verb] in self.outcomes:
                    return None
                if analysis.quotes.in_quote(idxs[i]):
                    return None
                return idxs[i], idxs[verb] + len(texts[verb])
        return None

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for sentence in analysis.sentences_with(self.modal_starts):
            found = self._prescription(analysis, sentence)
            if found and not in_statement(analysis, found[0]):
                yield Hit(*found)  # not a speaker's statement printed without quotation marks


KIND = AdvocacyKind
