"""``sentence-mark``: a question mark or exclamation mark in the writer's own voice.

``where: end`` flags sentences whose closing mark (``mark``) is in narration ("Is this the end of
the peace process?"); ``where: anywhere`` flags every run of the mark after a word ("resigned!").
Marks inside quotations, in paragraphs that open with a speaker label ("Q:", "SMITH:") or print
a speaker's statement without quotation marks (``newslint.genre.statements``), after
``names`` that carry the mark ("Yahoo!"), and sentences opening with ``exceptions`` are skipped.
With ``where: end`` and ``skip-headings`` (at most that many words), a short question that is a
paragraph of its own is a sub-heading or an FAQ line, not a device of the narration
(``boilerplate.heading`` judges a stray one); with ``skip-framed``, a question that a sentence
frames ("The question is: will it hold?", "Will it hold, she asked?") or that an attribution
follows ("Will it hold? he asked.") is not the writer's. With ``skip-titles``, a question mark
that a lower-case word follows in the same sentence ("the single Do They Know It's Christmas? was
released") or that closes a run of capitalised words opening like a question after a lower-case word
("the band played Where Is the Love?") ends a title, not the writer's question.
In a piece written in a personal register throughout (a blog, a Q&A; the ``pervasive-*`` options
as for ``first-person``), one notice at ``pervasive-level`` replaces them.

```yaml
kind: sentence-mark
mark: "?"
where: end
min-words: 3
names: [Yahoo, Jeopardy]
```
Message fields: ``{match}``, ``{note}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list
from newslint.engine.support.register import (
    PERVASIVE_OPTIONS,
    Pervasive,
    collapse_if_pervasive,
    in_transcript,
)
from newslint.genre.statements import in_statement

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis, Sentence

CLOSERS = ")]}\"'”’»"

#: small words a title keeps in lower case ("Is This the Way to Amarillo?")
TITLE_SMALL_WORDS = frozenset(["the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "at"])

#: words a title that is a question opens with ("Where Is the Love?"), not a name ("Boris Johnson?")
QUESTION_OPENERS = frozenset(
    ["do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could", "should",
     "have", "has", "who", "what", "where", "when", "why", "how", "which", "whose", "shall", "may"]
)  # fmt: skip

#: lemmas that frame or attribute a question ("the question is: ...?", "..., she asked")
ASKING_WORDS = ["ask", "wonder", "question", "inquire", "enquire", "query", "puzzle"]


class SentenceMarkKind(Kind):
    name = "sentence-mark"
    options = {
        "mark": Option((str,), required=True, choices=("?", "!"), help="the mark to flag"),
        "where": Option(
            (str,),
            default="end",
            choices=("end", "anywhere"),
            help="end: sentences closing on the mark; anywhere: every run of it after a word",
        ),
        "min-words": Option(
            (int,), default=1, help="shortest sentence flagged, in words (with where: end)"
        ),
        "names": Option((list,), default=[], help="names that carry the mark (Yahoo!)", words=True),
        "exceptions": Option((list,), default=[], help="sentence openings to skip (any case)"),
        "skip-headings": Option(
            (int,),
            default=0,
            help="with where: end, skip a question alone in its paragraph of at most this many"
            " words (a sub-heading or FAQ line); 0: never",
        ),
        "skip-framed": Option(
            (bool,),
            default=False,
            help="skip questions after a colon or with an asking word (asked, wondered) around them",
        ),
        "skip-titles": Option(
            (bool,),
            default=False,
            help="skip a mark that ends a title: a capitalised run after a lower-case word, or a"
            " mark the sentence runs on after in lower case",
        ),
        "asking-words": Option(
            (list,), default=ASKING_WORDS, help="lemmas that frame or attribute a question"
        ),
        **PERVASIVE_OPTIONS,
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.mark = options["mark"]
        self.where = options["where"]
        self.min_words = options["min-words"]
        names = string_list(options["names"], "names")
        self.names = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")$") if names else None
        )
        self.exceptions = tuple(e.lower() for e in string_list(options["exceptions"], "exceptions"))
        self.skip_headings = options["skip-headings"]
        self.skip_framed = options["skip-framed"]
        self.skip_titles = options["skip-titles"]
        self.asking = {w.lower() for w in string_list(options["asking-words"], "asking-words")}
        self.pervasive = Pervasive.from_options(options)
        self.run = re.compile(r"(?<=\w)" + re.escape(self.mark) + r"+(?=[\s)\"”’]|$)")

    def _marks(self, analysis: Analysis) -> Iterator[tuple[int, int, int]]:
        text = analysis.text
        if self.mark not in text:
            return  # most articles have no "!" at all
        for sentence in analysis.sentences:
            opening = text[sentence.start : sentence.start + 40].lower()
            if self.exceptions and opening.startswith(self.exceptions):
                continue
            if self.where == "end":
                body = text[sentence.start : sentence.end].rstrip(CLOSERS + " ")
                if not body.endswith(self.mark):
                    continue
                mark = sentence.start + len(body) - 1
                if analysis.quotes.in_quote(sentence.start):
                    continue
                start = sentence.start
                while start < mark and text[start] in CLOSERS:
                    start += 1
                words = sum(1 for t in analysis.tokens(start, mark) if t.is_alpha)
                if words < self.min_words:
                    continue
                if self.skip_headings and self._alone(analysis, sentence, words):
                    continue
                if self.skip_framed and self._framed(analysis, sentence, mark):
                    continue
                if self.skip_titles and self._title(analysis, start, mark):
                    continue
                yield start, mark + 1, mark
            else:
                for m in self.run.finditer(text, sentence.start, sentence.end):
                    if self.names and self.names.search(text, sentence.start, m.start()):
                        continue
                    yield m.start(), m.end(), m.start()

    def _alone(self, analysis: Analysis, sentence: Sentence, words: int) -> bool:
        """A short question that makes up its whole paragraph."""
        block = analysis.blocks[sentence.block] if analysis.blocks else None
        if block is None or words > self.skip_headings:
            return False
        text = analysis.text
        return not text[block.start : sentence.start].strip(CLOSERS + " *_") and not text[
            sentence.end : block.end
        ].strip(CLOSERS + " *_")

    def _title(self, analysis: Analysis, start: int, mark: int) -> bool:
        """The mark ends a title: lower-case text runs on after it in its paragraph ("... It's
        Christmas? was launched"), or it closes capitalised words opening like a question after a lower-case word."""
        text = analysis.text
        after = text[mark + 1 : mark + 40].lstrip(CLOSERS + " ")
        if after[:1].islower() and text[mark + 1 : mark + 2] != "\n":
            return True
        words = [t.text for t in analysis.tokens(start, mark) if t.is_alpha or "'" in t.text]
        run, opening = 0, ""
        for word in reversed(words[1:]):  # the opening word is capitalised anyway
            if word[:1].isupper():
                run, opening = run + 1, word.lower()
            elif word not in TITLE_SMALL_WORDS:
                return run >= 2 and opening in QUESTION_OPENERS  # "played Where Is the Love?"
        return False

    def _framed(self, analysis: Analysis, sentence: Sentence, mark: int) -> bool:
        """A question after a colon, with an asking word in its sentence, or followed by one."""
        text = analysis.text
        if ":" in text[sentence.start : mark]:
            return True
        lemmas, lowers, texts, alpha = (
            analysis.lemmas,
            analysis.lowers,
            analysis.texts,
            analysis.is_alpha,
        )
        block = analysis.blocks[sentence.block] if analysis.blocks else None
        end = min(block.end if block else len(text), mark + 40)
        after = [i for i in analysis.word_indices(mark + 1, end) if alpha[i]][:3]
        if after and texts[after[0]][0].islower() and any(lemmas[i] in self.asking for i in after):
            return True  # "Will it hold? she asked."
        return any(
            lemmas[i] in self.asking or lowers[i] in self.asking
            for i in analysis.word_indices(sentence.start, mark)
        )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        hits = [
            Hit(start, end)
            for start, end, mark in self._marks(analysis)
            if not analysis.quotes.in_quote(mark)
            and not in_transcript(analysis, start)
            and not in_statement(analysis, start)
        ]
        if hits:
            yield from collapse_if_pervasive(hits, analysis, self.pervasive, self.scope)


KIND = SentenceMarkKind
