"""``phrase``: words or phrases from a word list, with optional categories and replacements.

The one kind behind banned phrases, house substitutions, loaded-word lexicons and density rules
(boosters, hedges): the same matching with different data. The list has the shared shape of
every word list (see ``rules/README.md``): terms, categories, replacements (``~`` none,
``(delete)`` remove the words), inline or in ``.txt`` files beside the rule file.

```yaml
kind: phrase
phrases:                     # a list, or {category: terms or {term: replacement(s)}}
  violence: {bloody: [deadly, violent], slaughter: kill}
  labels: [thug, crony]
match: lemma                 # word (any case), lemma (all inflections), exact (case-sensitive)
exceptions: [Bloody Sunday]  # phrases that shield an overlapping match
position: anywhere           # anywhere | sentence-start | block-start | whole-block
fix: false                   # true: the first replacement is a safe fix (word/exact match only)
category-levels: {labels: suggestion}
word-forms: {labels: {illegals: [undocumented immigrants]}}  # matched as written, never inflected
derive: [judgement]          # also these categories' adverbs and nouns WordNet knows (recklessly)
skip-names: true             # skip capitalised matches inside a sentence ("Radical Party")
skip-attributed: true        # skip labels someone is reported to apply ("deem them terrorists")
skip-statements: true        # skip a speaker's statement printed without quotation marks
escalate-per-1000: 6         # dense in narration: raise every match to escalate-level
sentence-min: 2              # only matches in a sentence holding this many different phrases
personal-register: true      # a piece in the personal register throughout: one notice (pervasive-*)
```
Message fields: ``{match}``, ``{phrase}``, ``{category}``, ``{replacement}``, ``{replacements}``
("'a' or 'b'", "deleting it", or "rephrase or attribute it"), ``{count}`` (matches outside
quotations in the document), ``{per_1000}`` (the same per 1,000 words of narration), ``{cues}``
(with ``sentence-min``: the phrases found in the sentence, which gets one finding), ``{note}``
(with ``personal-register``: empty, or ``pervasive-note``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.analysis.nlp import lemma
from newslint.engine.kind import Hit, Kind, Option, OptionError
from newslint.engine.support.phrases import MATCH_MODES, PhraseIndex, overlaps, spans
from newslint.engine.support.position import POSITION_OPTION, at_position
from newslint.engine.support.register import PERVASIVE_OPTIONS, Pervasive, collapse_if_pervasive
from newslint.engine.support.wordlist import (
    CATEGORY_LEVELS_OPTION,
    LEVELS,
    Entry,
    category_levels,
    entry_values,
    word_entries,
    words,
)
from newslint.genre.statements import in_statement

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

#: verbs that report a label as someone else's ("the allies deem them terrorists", "branded ...")
ATTRIBUTING_VERBS = [
    "deem", "brand", "label", "dub", "call", "term", "consider", "regard", "describe", "denounce",
    "designate", "condemn", "accuse", "liken", "compare",
]  # fmt: skip


def is_name_like(analysis: Analysis, start: int) -> bool:
    """True when the word at ``start`` is capitalised but not the first word of its sentence."""
    if not analysis.text[start : start + 1].isupper():
        return False
    sentence = analysis.sentence_at(start)
    if sentence is None:
        return False
    lead = analysis.text[sentence.start : start]
    return any(c.isalnum() for c in lead)


class PhraseKind(Kind):
    name = "phrase"
    generic = True
    #: the matches are a block's own (a phrase never spans blocks; names, attributing verbs and
    #: positions are read in the match's sentence); statements, sentence-min, density, the
    #: quotation test and the personal register are the whole document's (an editor's re-lint
    #: matches only the edited block again)
    locality = "split"
    options = {
        "phrases": Option(
            (list, dict),
            required=True,
            words=True,
            help="the word list: terms, or {category: terms or {term: replacement(s)}}",
        ),
        "match": Option(
            (str,),
            default="word",
            choices=MATCH_MODES,
            help="compare words (any case), lemmas (every inflection) or exact text",
        ),
        "exceptions": Option(
            (list,), default=[], words=True, help="phrases that shield an overlapping match"
        ),
        "position": POSITION_OPTION,
        "whole-line": Option((bool,), default=False, help="shorthand for position: whole-block"),
        "fix": Option(
            (bool,),
            default=False,
            help="offer the first replacement as a safe automatic fix (not with match: lemma)",
        ),
        "word-forms": Option(
            (dict, list),
            default={},
            words=True,
            help="more entries, matched on the word as written (never inflected); win ties",
        ),
        "derive": Option(
            (list,),
            default=[],
            help="categories whose one-word adjectives also match as their adverbs and nouns"
            " ('reckless': 'recklessly', 'recklessness') when WordNet knows the form; as written",
        ),
        "category-levels": CATEGORY_LEVELS_OPTION,
        "skip-names": Option(
            (bool,),
            default=False,
            help="skip capitalised matches inside a sentence (names: 'Radical Party')",
        ),
        "skip-attributed": Option(
            (bool,),
            default=False,
            help="skip a match shortly after a verb of attributed-by ('deem them terrorists')",
        ),
        "attributed-by": Option(
            (list,),
            default=ATTRIBUTING_VERBS,
            words=True,
            help="verb lemmas that report a label as someone's (with skip-attributed)",
        ),
        "attributed-window": Option(
            (int,), default=4, help="words before the match searched for those verbs"
        ),
        "escalate-per-1000": Option(
            (int, float),
            default=None,
            help="matches per 1,000 narration words above which every match is raised "
            "to escalate-level (unset: never)",
        ),
        "escalate-min": Option((int,), default=3, help="fewest matches that can raise the level"),
        "escalate-level": Option(
            (str,), default="warning", choices=LEVELS, help="the level of dense matches"
        ),
        "reported-by": Option(
            (list,),
            default=[],
            words=True,
            help="with sentence-min: reporting words as written ('argued', 'according') that "
            "make a sentence's judgement someone's: such a sentence is not counted",
        ),
        "skip-statements": Option(
            (bool,),
            default=False,
            help="skip matches in a speaker's statement printed without quotation marks (after"
            " 'She wrote:', or under a paragraph introducing several people's answers)",
        ),
        "personal-register": Option(
            (bool,),
            default=False,
            help="in a piece written in a personal register throughout (the pervasive-* options,"
            " as for first-person), one notice at pervasive-level replaces the findings",
        ),
        **PERVASIVE_OPTIONS,
        "sentence-min": Option(
            (int,),
            default=1,
            help="report only matches in a sentence that holds at least this many different "
            "phrases outside quotations (stacked cues: one word is ordinary English, several "
            "in one sentence are a verdict)",
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        mode = options["match"]
        entries = word_entries(options["phrases"], "phrases")
        if not entries:
            raise OptionError("phrases", "must list at least one phrase")
        self.indexes: list[PhraseIndex[Entry]] = [PhraseIndex(entries, mode, "phrases")]
        if options["word-forms"]:
            forms = word_entries(options["word-forms"], "word-forms")
            self.indexes.insert(0, PhraseIndex(forms, "word", "word-forms"))  # forms win ties
            entries = entries + forms
        known = {e.category for _, e in entries}
        for category in options["derive"]:
            if str(category) not in known:
                raise OptionError("derive", f"unknown category {category!r}")
        #: (entries, categories, exceptions) to derive from; built on first use, so that a rule
        #: set loaded for one file does not read WordNet before a document needs it
        self._derive: tuple[list[tuple[str, Entry]], list[str], list[str]] | None = (
            (
                entries,
                [str(c) for c in options["derive"]],
                words(options["exceptions"], "exceptions"),
            )
            if options["derive"]
            else None
        )
        exceptions = words(options["exceptions"], "exceptions")
        self.exceptions = (
            PhraseIndex([(e, "") for e in exceptions], mode, "exceptions") if exceptions else None
        )
        self.levels = category_levels(
            options["category-levels"], {e.category for _, e in entries}, "category-levels"
        )
        self.position = "whole-block" if options["whole-line"] else options["position"]
        self.fixable = options["fix"] and mode != "lemma"
        self.skip_names = options["skip-names"]
        self.attributing = (
            {lemma(w) for w in words(options["attributed-by"], "attributed-by")}
            if options["skip-attributed"]
            else set()
        )
        self.window = options["attributed-window"]
        threshold = options["escalate-per-1000"]
        if threshold is not None and threshold <= 0:
            raise OptionError("escalate-per-1000", "must be positive")
        self.threshold = None if threshold is None else float(threshold)
        self.minimum = options["escalate-min"]
        self.escalate_level = options["escalate-level"]
        if options["sentence-min"] < 1:
            raise OptionError("sentence-min", "must be at least 1")
        self.sentence_min = options["sentence-min"]
        self.reporting = {w.lower() for w in words(options["reported-by"], "reported-by")}
        self.skip_statements = options["skip-statements"]
        self.pervasive = Pervasive.from_options(options) if options["personal-register"] else None

    def _with_derived(self) -> list[PhraseIndex[Entry]]:
        """The indexes, with the derived forms of ``derive``'s categories added on first use
        (their category, no replacement; a form listed anywhere in the rule keeps its entry)."""
        if self._derive is not None:
            from newslint.engine.support.derive import derived_forms

            entries, categories, exceptions = self._derive
            out: list[tuple[str, Entry]] = []
            taken = [term for term, _ in entries] + exceptions
            for category in categories:
                base = [term for term, e in entries if e.category == category]
                forms = derived_forms(base, taken + [t for t, _ in out])
                out.extend((form, Entry(category, ())) for form in forms)
            # listed entries win ties; a second build by a racing thread only repeats matches,
            # which gather's overlap test drops
            self.indexes = [*self.indexes, PhraseIndex(out, "word", "derive")]
            self._derive = None
        return self.indexes

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

    def gather(self, analysis: Analysis) -> Iterator[tuple[int, int, Entry]]:
        """The list's matches, longest first, each where its position and names allow."""
        shields = spans(self.exceptions, analysis)
        indexes = self._with_derived()
        found = (hit for index in indexes for hit in index.find(analysis))
        if len(indexes) > 1:
            found = iter(sorted(found, key=lambda h: h[:2]))
        taken = -1
        for start, end, entry in found:
            if start < taken:
                continue
            taken = end
            if shields and overlaps(start, end, shields):
                continue
            if not at_position(analysis, start, end, self.position):
                continue
            if self.skip_names and is_name_like(analysis, start):
                continue
            if self._attributed(analysis, start):
                continue
            yield start, end, entry

    def _reported(self, analysis: Analysis, start: int) -> bool:
        """True when the sentence at ``start`` has a reporting verb: the judgement is someone's."""
        if not self.reporting:
            return False
        sentence = analysis.sentence_at(start)
        if sentence is None:
            return False
        lowers = analysis.lowers
        return any(
            lowers[i] in self.reporting for i in analysis.word_indices(sentence.start, sentence.end)
        )

    def _stacked(
        self, analysis: Analysis, found: list[tuple[int, int, Entry]]
    ) -> tuple[list[tuple[int, int, Entry]], dict[int, str]]:
        """The first match outside quotations of each sentence holding ``sentence-min`` different
        phrases (one finding per sentence), and the phrases found there by its start."""
        in_quote = analysis.quotes.in_quote
        by_sentence: dict[int, list[tuple[int, int, Entry]]] = {}
        for match in found:
            sentence = analysis.sentence_at(match[0])
            if sentence is not None and not in_quote(match[0]):
                by_sentence.setdefault(sentence.start, []).append(match)
        kept: list[tuple[int, int, Entry]] = []
        cues: dict[int, str] = {}
        for first, matches in by_sentence.items():
            if self._reported(analysis, first):
                continue
            words = list(dict.fromkeys(analysis.text[m[0] : m[1]].lower() for m in matches))
            if len({lemma(w) for w in words}) >= self.sentence_min:
                kept.append(matches[0])
                cues[matches[0][0]] = "', '".join(words)
        return kept, cues

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        return self.finish(analysis, list(self.gather(analysis)))

    def finish(self, analysis: Analysis, found: list[tuple[Any, ...]]) -> Iterator[Hit]:
        if found and self.skip_statements:  # a statement may run on from another paragraph
            found = [m for m in found if not in_statement(analysis, m[0])]
        hits = self._hits(analysis, found)
        if self.pervasive is None:
            yield from hits
            return
        shown = list(hits)
        if shown:
            yield from collapse_if_pervasive(shown, analysis, self.pervasive, self.scope)

    def _hits(self, analysis: Analysis, found: list[tuple[Any, ...]]) -> Iterator[Hit]:
        cues: dict[int, str] = {}
        if found and self.sentence_min > 1:
            found, cues = self._stacked(analysis, found)
        if not found:
            return
        in_quote = analysis.quotes.in_quote
        count = sum(1 for start, _, _ in found if not in_quote(start))
        density = count * 1000 / max(analysis.narration_word_count, 1)
        dense = self.threshold is not None and count >= self.minimum and density > self.threshold
        for start, end, entry in found:
            original = analysis.text[start:end]
            values, alternatives = entry_values(entry, original)
            values.update(
                phrase=original,
                count=count,
                per_1000=f"{density:.1f}",
                cues=cues.get(start, original.lower()),
            )
            yield Hit(
                start,
                end,
                values,
                suggestions=alternatives,
                fix=alternatives[0] if self.fixable and alternatives else None,
                level=self.escalate_level if dense else self.levels.get(entry.category),
            )


KIND = PhraseKind
