"""``first-person``: the writer or the outlet speaking as "we", "our", "I" in narration.

One hit per sentence (its first first-person word). All-capitals forms other than "I" are skipped
("US", "ME"), as is a Roman-numeral "I" after a capitalised word ("World War I", "Elizabeth I")
or a party tag ("Sen. Angus King, I-Maine"), and, with ``skip-after-colon``, words after a colon in their sentence (unmarked speech:
"Her message was simple: we will not leave."), and paragraphs that open with a speaker label
("Q:", "SMITH:") or that print a speaker's statement without quotation marks (after "She wrote:",
under a paragraph that introduces several people's answers: ``newslint.genre.statements``). In a piece written in a personal register throughout (a column, a review; the
``pervasive-*`` options, see ``_register.py``), one notice at ``pervasive-level`` with
``pervasive-note`` replaces the per-sentence warnings.

The reporter's own "I" in a factual sentence ("I asked the minister", "she told me") puts the
reporter in the story but states no opinion: with ``reporter-level`` such a sentence is reported
at that level. A sentence whose "I" or "we" holds an opinion ("I think", "we must", "in my view":
the ``opinion-words`` within a few words of the pronoun) and any sentence with "we", "our", "us"
(the outlet's voice) keep the rule's level.

```yaml
kind: first-person
pronouns: [we, our, us, i, me, my]
skip-after-colon: true
pervasive-min: 4            # personal-register sentences, at least
pervasive-share: 0.1        # ... and this share of the narration
pervasive-paragraphs: 3     # ... spread over this many paragraphs
pervasive-dense-share: 0.33 # ... or making up this share of the narration
pervasive-level: suggestion
reporter-level: suggestion  # the reporter's factual "I" (default: the rule's level)
```
Message fields: ``{match}``, ``{note}`` (empty, or ``pervasive-note`` with its fields ``{count}``,
``{more}``, ``{personal}``, ``{sentences}``, ``{paragraphs}``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, string_list
from newslint.engine.support.register import (
    PERVASIVE_OPTIONS,
    Pervasive,
    collapse_if_pervasive,
    in_transcript,
)
from newslint.genre.statements import in_statement

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


#: first-person words (lower case); not "mine", which in news copy is nearly always a coal mine
FIRST_PERSON = [
    "we", "our", "ours", "us", "ourselves", "i", "me", "my", "myself",
]  # fmt: skip

#: the reporter's own first person (the rest is the outlet's "we")
SINGULAR = frozenset(["i", "me", "my", "myself", "mine"])

#: lemmas that make a first-person sentence an opinion ("I think", "we must", "my view")
OPINION_WORDS = [
    "think", "believe", "feel", "hope", "want", "wish", "fear", "worry", "suspect", "argue",
    "contend", "insist", "urge", "demand", "doubt", "suppose", "guess", "love", "hate", "like",
    "prefer", "agree", "disagree", "applaud", "condemn", "regret", "need", "must", "should",
    "ought", "cannot", "can't", "view", "opinion", "mind", "sense", "bet", "reckon", "trust",
    "expect", "recommend", "suggest",
]  # fmt: skip
#: nouns after "our" (one word may stand between: "our own bodies", "our modern world") that make
#: it the "we" of people in general, not the outlet's: "the virus enters our cells"
GENERIC_NOUNS = [
    "body", "cell", "brain", "lung", "gene", "dna", "blood", "skin", "gut", "immune", "species", "ancestor", "planet", "world", "galaxy", "solar", "evolution", "biology",
]  # fmt: skip
#: words between one of those nouns and "us" / "ours" that make it people in general ("lungs like
#: ours"; not "a country like ours", the writer's own)
GENERIC_BEFORE = ["like", "unlike"]

#: a first-person subject after one of these (and "that") is reported speech: "she said we ..."
SPEECH_VERBS = frozenset(
    ["said", "says", "say", "told", "tells", "wrote", "writes", "argued", "argues", "added",
     "adds", "insisted", "insists", "stressed", "stresses", "noted", "notes", "explained",
     "explains", "believes", "believed", "thinks", "thought", "felt", "feels", "hopes", "hoped"]
)  # fmt: skip
SUBJECT_PRONOUNS = frozenset(["we", "i"])
FIRST_PERSON_SUBJECTS = frozenset(["i", "we", "me", "us"])

#: words that may stand between the pronoun and its opinion word ("I really think", "we do not")
OPINION_GAP = frozenset(
    ["really", "still", "also", "do", "don't", "n't", "not", "strongly", "personally", "would",
     "'d", "just", "certainly", "firmly", "truly", "in", "to", "is", "'s", "honestly", "all"]
)  # fmt: skip


class FirstPersonKind(Kind):
    name = "first-person"
    options = {
        "pronouns": Option((list,), default=FIRST_PERSON, help="first-person words (lower case)"),
        "skip-after-colon": Option(
            (bool,),
            default=True,
            help="skip words after a colon in their sentence (unmarked speech)",
        ),
        "reporter-level": Option(
            (str,),
            default=None,
            choices=("error", "warning", "suggestion"),
            help="level of a sentence whose only first person is the reporter's factual I",
        ),
        "opinion-words": Option(
            (list,),
            default=OPINION_WORDS,
            help="lemmas that make a first-person sentence an opinion (I think, we must)",
        ),
        "generic-nouns": Option(
            (list,),
            default=GENERIC_NOUNS,
            help="lemmas after 'our' that make it people in general ('our cells', 'our planet')",
        ),
        "generic-before": Option(
            (list,),
            default=GENERIC_BEFORE,
            help="words between a generic noun and 'us'/'ours' ('lungs like ours')",
        ),
        **PERVASIVE_OPTIONS,
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.pronouns = frozenset(p.lower() for p in string_list(options["pronouns"], "pronouns"))
        if not self.pronouns:
            raise OptionError("pronouns", "must list at least one word")
        self.skip_after_colon = options["skip-after-colon"]
        self.pervasive = Pervasive.from_options(options)
        self.reporter_level = options["reporter-level"]
        self.opinion = {w.lower() for w in string_list(options["opinion-words"], "opinion-words")}
        self.generic_nouns = {
            w.lower() for w in string_list(options["generic-nouns"], "generic-nouns")
        }
        self.generic_before = {
            w.lower() for w in string_list(options["generic-before"], "generic-before")
        }

    def _reported(self, analysis: Analysis, i: int, first: int) -> bool:
        """A subject pronoun right after a third person's speech verb ("she said we", "he says
        that I"): indirect speech, the speaker's person, not the writer's."""
        lowers, alpha = analysis.lowers, analysis.is_alpha
        if lowers[i] not in SUBJECT_PRONOUNS:
            return False
        before = [j for j in range(max(i - 6, first), i) if alpha[j]]
        if before and lowers[before[-1]] == "that":
            before.pop()
        if len(before) < 2 or lowers[before[-1]] not in SPEECH_VERBS:
            return False
        return lowers[before[-2]] not in FIRST_PERSON_SUBJECTS  # not "we said we"

    def _generic(self, analysis: Analysis, i: int, end: int) -> bool:
        """People in general, not the outlet: "our cells", "our own bodies", "lungs like ours"."""
        lowers, alpha = analysis.lowers, analysis.is_alpha
        if lowers[i] == "our":
            after = [j for j in range(i + 1, min(i + 5, end)) if alpha[j]][:2]
            return any(analysis.lemmas[j] in self.generic_nouns for j in after)
        if lowers[i] in ("us", "ours"):
            before = [j for j in range(max(i - 4, 0), i) if alpha[j]]
            return (
                len(before) >= 2
                and lowers[before[-1]] in self.generic_before
                and analysis.lemmas[before[-2]] in self.generic_nouns
            )  # "lungs like ours", not "a body politic like ours"
        return False

    def _is_pronoun(self, analysis: Analysis, i: int, first: int) -> bool:
        texts = analysis.texts
        word = texts[i]
        if analysis.lowers[i] not in self.pronouns:
            return False
        if word == "I":
            if i - 1 > first and texts[i - 1][:1].isupper() and analysis.is_alpha[i - 1]:
                return False  # World War I, Elizabeth I (not "Nonetheless I believe")
            end = analysis.idxs[i] + 1
            if analysis.text[end : end + 1] == "/" or analysis.text[end - 2 : end - 1] == "/":
                return False  # a term written with a slash: I/O, I/II
            nxt = texts[i + 1] if i + 1 < len(texts) else None
            if nxt == "-" and i + 2 < len(texts) and texts[i + 2][:1].isupper():
                return False  # a party tag: I-Maine, (I-Vt.)
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
        candidates = analysis.positions_of(self.pronouns)
        if not candidates:
            return
        for sentence in analysis.sentences:
            lo = bisect_left(candidates, sentence.token_start)
            hi = bisect_left(candidates, sentence.token_end, lo)
            if lo == hi or in_transcript(analysis, sentence.start):
                continue
            stop = sentence.token_end
            if self.skip_after_colon and ":" in texts[sentence.token_start : stop]:
                stop = texts.index(":", sentence.token_start, stop)  # unmarked speech after it
            found: list[int] = []
            for i in candidates[lo:hi]:
                if i >= stop:
                    break
                if not alpha[i]:
                    continue
                if not self._is_pronoun(analysis, i, sentence.token_start):
                    continue
                if analysis.quotes.in_quote(idxs[i]):
                    continue
                if self._generic(analysis, i, sentence.token_end):
                    continue
                if self._reported(analysis, i, sentence.token_start):
                    continue  # "she said we represent ...": the speaker's "we", reported
                if in_statement(analysis, idxs[i]):
                    continue  # a speaker's statement printed without quotation marks
                found.append(i)
            if not found:
                continue
            first = found[0]
            level = None
            reporter = all(lowers[i] in SINGULAR for i in found)
            if (
                self.reporter_level
                and reporter
                and not any(self._holds_opinion(analysis, i, sentence.token_end) for i in found)
            ):
                level = self.reporter_level
            yield Hit(idxs[first], idxs[first] + len(texts[first]), level=level)

    def _holds_opinion(self, analysis: Analysis, i: int, end: int) -> bool:
        """An opinion word just after the pronoun: "I think", "I do not believe", "my view"."""
        lowers, lemmas = analysis.lowers, analysis.lemmas
        j, gap = i + 1, 0
        while j < end and gap <= 2:
            if lowers[j] in self.opinion or lemmas[j] in self.opinion:
                return True
            if lowers[j] not in OPINION_GAP and not analysis.is_space[j]:
                gap += 1
            j += 1
        return False


KIND = FirstPersonKind
