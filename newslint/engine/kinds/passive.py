"""``passive``: a form of "be" followed by a past participle ("was controlled by").

```yaml
kind: passive
be: [is, are, was, were, be, been, being, am, "'s", "'re"]
between: [not, also, already, still, being]  # words allowed between "be" and the participle
participles: [born, built, given, ...]       # irregular participles (regular ones end in -ed)
exceptions: [based, located, concerned, ...] # adjectival participles that read as states
agent: optional                              # optional | required (flag only "... by X")
not-agent: [then, now, law, hand]            # words after "by" that name a time or a means
```
A regular participle is a word ending in ``-ed`` whose lookup lemma is a WordNet verb; words
ending in ``-ly`` may also sit between the verb and the participle. Message fields: ``{match}``,
``{participle}``, ``{agent}`` (the "by" word when present, else empty).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newslint.analysis.core import Analysis


#: words allowed between a form of "be" and the participle
BETWEEN = [
    "not", "n't", "also", "already", "still", "being", "now", "then", "reportedly", "allegedly",
    "widely", "later", "never", "often", "all", "both",
]  # fmt: skip

#: irregular past participles (regular ones end in -ed)
IRREGULAR_PARTICIPLES = [
    "arisen", "awoken", "beaten", "become", "begun", "bent", "bitten", "bled", "blown", "bought",
    "bound", "bred", "brought", "broken", "built", "burnt", "caught", "chosen", "come", "dealt",
    "drawn", "driven", "eaten", "fallen", "fed", "felt", "fought", "found", "flown", "forbidden",
    "forgotten", "forgiven", "frozen", "given", "gone", "ground", "grown", "heard", "held",
    "hidden", "hung", "hurt", "kept", "laid", "led", "lent", "lost", "made", "meant", "met",
    "mistaken", "overcome", "overseen", "overtaken", "overthrown", "paid", "proven", "quit",
    "ridden", "risen", "run", "said", "seen", "sent", "shaken", "shed", "shot", "shown", "shut",
    "slain", "sold", "sought", "spent", "spoken", "spread", "stolen", "struck", "stricken",
    "stuck", "sung", "sunk", "sworn", "swept", "taken", "taught", "thrown", "told", "torn",
    "thought", "understood", "undertaken", "upheld", "withheld", "woken", "won", "worn", "written",
    "wound",
]  # fmt: skip

#: participles that usually describe a state, not an action ("based", "located")
STATIVE_PARTICIPLES = [
    "based", "located", "concerned", "interested", "involved", "supposed", "used", "married",
    "divorced", "tired", "pleased", "worried", "excited", "scared", "frightened", "determined",
    "committed", "dedicated", "related", "qualified", "experienced", "advanced", "crowded",
    "complicated", "limited", "detailed", "skilled", "talented", "armed", "aged", "named",
    "entitled", "satisfied", "surprised", "shocked", "disappointed", "delighted", "convinced",
    "prepared", "equipped", "situated", "composed", "devoted", "engaged", "exposed", "focused",
    "opposed", "unmatched", "unprecedented", "known", "gone", "done", "left",
]  # fmt: skip

#: words after "by" that name a time or a means, not an actor ("by 2016", "by law")
NOT_AGENT = [
    "then", "now", "far", "law", "hand", "phone", "email", "mail", "post", "default", "accident",
    "chance", "mistake", "design", "nature", "contrast", "comparison", "tomorrow", "tonight",
    "noon", "midnight", "dawn", "dusk", "early", "late", "mid", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "spring", "summer",
    "autumn", "fall", "winter", "year", "year-end", "next", "last",
]  # fmt: skip


class PassiveKind(Kind):
    name = "passive"
    locality = "block"  # hits in a block read that block only
    options = {
        "be": Option(
            (list,),
            default=["is", "are", "was", "were", "be", "been", "being", "am"],
            help="forms of 'be' that start a passive",
        ),
        "between": Option(
            (list,), default=BETWEEN, help="words allowed between 'be' and participle"
        ),
        "participles": Option(
            (list,), default=IRREGULAR_PARTICIPLES, help="irregular past participles"
        ),
        "exceptions": Option(
            (list,), default=STATIVE_PARTICIPLES, help="participles never flagged"
        ),
        "agent": Option(
            (str,),
            default="optional",
            choices=("optional", "required"),
            help="required: flag only passives with a 'by' actor; optional: all",
        ),
        "not-agent": Option(
            (list,), default=NOT_AGENT, help="words after 'by' that are not an actor"
        ),
    }
    default_scope = {"voice": "narration", "block": "prose"}

    def setup(self, options: Mapping[str, Any]) -> None:
        self.be = frozenset(w.lower() for w in string_list(options["be"], "be"))
        self.between = frozenset(w.lower() for w in string_list(options["between"], "between"))
        self.irregular = frozenset(
            w.lower() for w in string_list(options["participles"], "participles")
        )
        self.exceptions = frozenset(
            w.lower() for w in string_list(options["exceptions"], "exceptions")
        )
        self.agent_required = options["agent"] == "required"
        self.not_agent = frozenset(
            w.lower() for w in string_list(options["not-agent"], "not-agent")
        )

    def _is_participle(self, low: str, lem: str, verbs: frozenset[str]) -> bool:
        if low in self.exceptions:
            return False
        if low in self.irregular:
            return True
        return low.endswith("ed") and lem != low and lem in verbs

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        from newslint.analysis.nlp import wordnet_index

        verbs = wordnet_index()["verb"]
        doc, lowers, lemmas = analysis.doc, analysis.lowers, analysis.lemmas
        for sent in analysis.sentences:
            i = sent.token_start
            while i < sent.token_end:
                if lowers[i] not in self.be:
                    i += 1
                    continue
                j = i + 1
                while j < sent.token_end and (
                    lowers[j] in self.between or (lowers[j].endswith("ly") and doc[j].is_alpha)
                ):
                    j += 1
                if j >= sent.token_end or not self._is_participle(lowers[j], lemmas[j], verbs):
                    i += 1
                    continue
                if _hyphenated(doc[j]):
                    i = j + 1
                    continue
                has_agent = self._agent(analysis, j + 1, sent.token_end)
                if self.agent_required and not has_agent:
                    i = j + 1
                    continue
                yield Hit(
                    doc[i].idx,
                    doc[j].idx + len(doc[j].text),
                    {"participle": doc[j].text, "agent": "by" if has_agent else ""},
                )
                i = j + 1

    def _agent(self, analysis: Analysis, i: int, end: int) -> bool:
        """A "by" phrase naming an actor at token ``i`` (not "by 2016", "by then", "by law")."""
        if i + 1 >= end or analysis.lowers[i] != "by":
            return False
        following = analysis.doc[i + 1]
        return not following.like_num and analysis.lowers[i + 1] not in self.not_agent


def _hyphenated(token: Token) -> bool:
    """A participle that is part of a compound ("well-known", "state-owned")."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return before or after


KIND = PassiveKind
