"""``weasel``: unsourced attribution ("critics argue", "it is widely believed") with no source named nearby.

A match is an unnamed ``subject`` followed (after at most a few ``gap-words``) by one of the
``verbs``, or one of the fixed ``phrases``. A subject after a comma with an "-ing" verb counts the
noun before it ("journalists, many claiming liberal credentials") and is not a match.

It is not flagged when the source is named nearby. A name is a run of two or more capitalised
words or an all-capitals acronym; a numbered reference such as "(7)" anywhere in the sentence
counts too. In the match's own sentence a name counts only where it names the source: right
before the subject ("Capital Economics analysts say") or after one of ``source-cues`` right after
the match ("experts say, citing a Brookings Institution study"); other names in the sentence
are usually the story's subjects ("critics say Putin's plan ..."). In the next ``look-ahead``
sentences of the paragraph any name counts: "Experts say ... Dr Jane Lee, a virologist, said".

```yaml
kind: weasel
subjects: {vague: [some, many], group: [critics, experts, some analysts]}   # or a plain list
verbs: [say, argue, believe]
gap-words: [have, also, long]
not-after: [have, a, any]          # "have some say in" is a noun
not-followed-by: [in, over]
phrases: {vague: [it is widely believed], research: [studies show]}  # as written, any case
look-ahead: 1                      # sentences after the match searched for a named source
category-levels: {group: suggestion}
```
Message fields: ``{match}``, ``{category}``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, string_list
from newslint.engine.support.phrases import PhraseIndex
from newslint.engine.support.wordlist import (
    CATEGORY_LEVELS_OPTION,
    category_levels,
    word_entries,
    words,
)

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


#: characters after the match within which a source cue must start ("experts say, citing ...")
CUE_REACH = 20
REFERENCE = re.compile(r"[(\[]\d{1,3}(?:[,–-]\s?\d{1,3})*[)\]]")


def named_source(analysis: Analysis, lo: int, hi: int, skip: tuple[int, int]) -> bool:
    """True when ``text[lo:hi]`` (outside ``skip``) holds a name run, an acronym or a reference."""
    if lo >= hi:
        return False
    if REFERENCE.search(analysis.text, lo, hi):
        return True
    run = 0
    for token in analysis.tokens(lo, hi):
        inside = skip[0] <= token.idx < skip[1]
        word = token.text
        sentence = analysis.sentence_at(token.idx)
        first = sentence is not None and token.i == sentence.token_start
        if inside or not token.is_alpha:
            run = 0 if not (word in {".", "'s", "’s", "-", "&"} and run) else run
            continue
        if word.isupper() and len(word) >= 2 and not first:
            return True
        if word[0].isupper() and not first:
            run += 1
            if run >= 2:
                return True
        elif word[0].isupper() and first:
            run = 1
        else:
            run = 0
    return False


#: words that may stand between an unnamed subject and its verb ("critics have long argued")
GAP_WORDS = [
    "have", "has", "had", "also", "long", "often", "now", "still", "even", "would", "will", "may",
    "might", "could", "privately", "openly",
]  # fmt: skip

#: words before a subject that make it a noun ("have some say") or a defined group, someone's or
#: already named ("his supporters", "the critics")
NOT_AFTER = [
    "have", "has", "had", "having", "a", "any", "no", "more", "final", "given", "get", "got",
    "the", "of", "many", "how", "so", "than", "why", "to", "for", "his", "her", "their", "its",
    "our", "my", "your",
]  # fmt: skip

#: words after the verb that make it something else ("some say in", "according to some of")
NOT_FOLLOWED_BY = ["in", "over", "on", "about", "of"]

#: words right after the match that introduce its source ("experts say, citing ...")
SOURCE_CUES = ["citing", "including", "such as", "led by", "according to"]


class WeaselKind(Kind):
    name = "weasel"
    locality = "block"  # hits in a block read that block only
    options = {
        "subjects": Option(
            (list, dict), default=[], help="unnamed sources: some, critics", words=True
        ),
        "verbs": Option((list,), default=[], help="verb lemmas that follow a subject", words=True),
        "gap-words": Option(
            (list,), default=GAP_WORDS, help="words allowed between subject and verb"
        ),
        "not-after": Option(
            (list,), default=NOT_AFTER, help="words before a subject that rule it out"
        ),
        "not-followed-by": Option(
            (list,), default=NOT_FOLLOWED_BY, help="words after the verb that rule it out"
        ),
        "phrases": Option(
            (list, dict), default=[], help="fixed phrases (matched as written)", words=True
        ),
        "look-ahead": Option(
            (int,), default=1, help="sentences after the match searched for a name"
        ),
        "source-cues": Option(
            (list,),
            default=SOURCE_CUES,
            help="words after the match that introduce its source (citing, including)",
        ),
        "category-levels": CATEGORY_LEVELS_OPTION,
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        subjects = [(t, e.category) for t, e in word_entries(options["subjects"], "subjects")]
        self.verbs = {v.lower() for v in words(options["verbs"], "verbs")}
        phrases = [(t, e.category) for t, e in word_entries(options["phrases"], "phrases")]
        if not phrases and not (subjects and self.verbs):
            raise OptionError("phrases", "give 'phrases' or both 'subjects' and 'verbs'")
        self.subjects = PhraseIndex(subjects, "lemma", "subjects") if subjects else None
        self.phrases = PhraseIndex(phrases, "word", "phrases") if phrases else None
        categories = {c for _, c in subjects + phrases}
        self.levels = category_levels(options["category-levels"], categories, "category-levels")
        self.gap = {w.lower() for w in string_list(options["gap-words"], "gap-words")}
        self.not_after = {w.lower() for w in string_list(options["not-after"], "not-after")}
        self.not_followed = {
            w.lower() for w in string_list(options["not-followed-by"], "not-followed-by")
        }
        self.look_ahead = options["look-ahead"]
        cues = string_list(options["source-cues"], "source-cues")
        self.cues = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\b", re.IGNORECASE)
            if cues
            else None
        )

    def _subject_matches(self, analysis: Analysis) -> Iterator[tuple[int, int, str]]:
        if self.subjects is None:
            return
        words = analysis.word_tokens

        def position(token: int) -> int | None:
            """The word position of a token index (None for a space token)."""
            n = bisect_left(words, token)
            return n if n < len(words) and words[n] == token else None

        doc = analysis.doc
        for start, end, category in self.subjects.find(analysis):
            first = doc.char_span(start, end, alignment_mode="expand")
            if first is None:
                continue
            n = position(first[0].i)
            m = position(first[-1].i)
            if n is None or m is None:
                continue
            if n > 0 and analysis.lowers[words[n - 1]] in self.not_after:
                continue
            k = m + 1
            while k < len(words) and k - m <= 3 and analysis.lowers[words[k]] in self.gap:
                k += 1
            if k >= len(words) or analysis.lemmas[words[k]] not in self.verbs:
                continue
            if (
                n > 0
                and analysis.texts[words[n - 1]] == ","
                and analysis.lowers[words[k]].endswith("ing")
            ):
                continue  # "..., many claiming ...": a share of the noun before, not a source
            nxt = analysis.doc[words[k] + 1] if words[k] + 1 < len(analysis.doc) else None
            if nxt is not None and nxt.text == "-":
                continue  # "some fear-mongering"
            if k + 1 < len(words) and analysis.lowers[words[k + 1]] in self.not_followed:
                continue
            verb = doc[words[k]]
            yield start, verb.idx + len(verb.text), category

    def _sourced(self, analysis: Analysis, start: int, end: int) -> bool:
        """True when the match's source is named nearby (see the module docstring)."""
        sentence = analysis.sentence_at(start)
        if sentence is None:
            return True
        text = analysis.text
        if REFERENCE.search(text, sentence.start, sentence.end):
            return True
        first = analysis.token_range(start, end)
        i = first.start - 1 if first else -1
        lo = start
        while (
            i >= sentence.token_start
            and start - analysis.idxs[i] < 80
            and analysis.is_alpha[i]
            and analysis.texts[i][:1].isupper()
        ):
            lo = analysis.idxs[i]  # capitalised words right before the subject
            i -= 1
        if lo < start and named_source(analysis, lo, start, skip=(start, end)):
            return True
        if self.cues is not None:
            cue = self.cues.search(text, end, min(end + CUE_REACH, sentence.end))
            if cue and named_source(analysis, cue.end(), sentence.end, skip=(start, end)):
                return True
        index = analysis.sentences.index(sentence)
        following = [
            nxt
            for nxt in analysis.sentences[index + 1 : index + 1 + self.look_ahead]
            if nxt.block == sentence.block
        ]
        return bool(following) and named_source(
            analysis, following[0].start, following[-1].end, skip=(start, end)
        )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        found = list(self._subject_matches(analysis))
        if self.phrases is not None:
            for start, end, category in self.phrases.find(analysis):
                following = analysis.tokens(end, min(end + 30, len(analysis.text)))
                if following and following[0].lower_ in self.not_followed:
                    continue  # "according to some of the country's top doctors"
                found.append((start, end, category))
        for start, end, category in sorted(set(found)):
            if self._sourced(analysis, start, end):
                continue
            yield Hit(start, end, {"category": category}, level=self.levels.get(category))


KIND = WeaselKind
