"""``quotation``: checks on who owns each quotation, on top of :mod:`newslint.analysis.quotes`.

```yaml
kind: quotation
check: orphan            # orphan | unbalanced | pronoun-speaker | first-reference | name-spelling
# pronoun-speaker
pronouns: [he, she, they]           # speaker pronouns that need an antecedent
person-nouns: [man, woman, ...]     # common nouns that introduce a person ("a witness")
# first-reference
accept: [Madonna, Pele]             # names cited alone on purpose (plus the house vocabulary)
not-people: [Reuters, Gallup]       # single capitalised speakers that are not people
```
- ``orphan``: an outer quotation (not a short quoted term) with no cue and speaker in its sentence
  and no owner to inherit. One hit per continuation chain, on its first part.
- ``unbalanced``: an opening mark never closed (outside the paragraph-continuation convention) or
  a stray closing mark. Message field ``{problem}``.
- ``pronoun-speaker``: a quote attributed to a pronoun when nothing before it in the article could
  be its antecedent (no name, no titled person, no person noun; for ``they`` no group either).
- ``first-reference``: a person cited (quote attribution or ``X says`` in narration) by surname
  alone or with a courtesy title (``Mr. Yetkın``) before, or without, a full-name reference.
  Names are matched as editors match them (case, accents, apostrophes, ``Coach (Frank) Vogel``,
  ``Sasha and Malia Obama``; :mod:`newslint.analysis.quotes.names`). Names the article uses as
  places (``in Moscow``) or organisations (``the Kremlin``, ``site Intellihub``, ``Breitbart
  reported``), words that are English nouns (``Washington``, ``Smith``) unless a courtesy title
  or ``he``/``she`` marks a person, reporters' credit lines and accepted names are left alone.
  One hit per surname. Message fields ``{name}``, ``{how}``, ``{when}``.
- ``name-spelling``: one name spelled two ways (``Tom Cowan`` ... ``Cowen said``): the rarer
  spelling, once. Message fields ``{name}``, ``{other}``.

Message fields for all checks: ``{match}``, ``{excerpt}`` (the quotation, shortened),
``{speaker}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list

#: a quotation of at least this many words given twice is a pull quote and its repeat
_MIN_PULL_WORDS = 6

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis
    from newslint.analysis.quotes import Quote

CHECKS = ("orphan", "unbalanced", "pronoun-speaker", "first-reference", "name-spelling")
_EXCERPT = 60
_WORD_RE = re.compile(r"[^\W\d_](?:[\w\-]|['’](?=\w))*\.?")
_POSSESSIVE = ("'s", "’s", "'", "’")
_SKIP_BLOCKS = frozenset({"byline", "dateline"})
_DEMONYM_ENDINGS = ("ians", "eans", "ese")
#: attribution shapes with a reporting verb: the speaker is cited there (a dash line, a
#: transcript label or a partial quotation's subject is not a citation)
_CUE_SHAPES = frozenset({"after", "before", "inverted", "next-sentence", "same-sentence"})


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def _strip_possessive(word: str) -> str:
    for suffix in _POSSESSIVE:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


class QuotationKind(Kind):
    name = "quotation"
    options = {
        "check": Option((str,), required=True, choices=CHECKS, help="which quotation check"),
        "pronouns": Option(
            (list,),
            default=["he", "she", "they"],
            help="pronoun speakers that need a name before them (pronoun-speaker)",
        ),
        "person-nouns": Option((list,), default=[], help="nouns that introduce a person"),
        "accept": Option((list,), default=[], help="names that may be cited alone"),
        "not-people": Option((list,), default=[], help="capitalised speakers that are not people"),
        "formal-titles": Option(
            (list,), default=[], help="titles that make 'Title Surname' a first reference"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.check_name: str = options["check"]
        self.pronouns = frozenset(w.lower() for w in string_list(options["pronouns"], "pronouns"))
        self.person_nouns = frozenset(
            w.lower() for w in string_list(options["person-nouns"], "person-nouns")
        )
        self.accept = frozenset(w.lower() for w in string_list(options["accept"], "accept"))
        self.formal_titles = frozenset(
            w.lower().rstrip(".") for w in string_list(options["formal-titles"], "formal-titles")
        )
        self.not_people = frozenset(
            w.lower() for w in string_list(options["not-people"], "not-people")
        )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if self.check_name == "orphan":
            yield from self._orphans(analysis)
        elif self.check_name == "unbalanced":
            for offset, problem in analysis.quotes.unbalanced:
                yield Hit(offset, offset + 1, {"problem": problem})
        elif self.check_name == "pronoun-speaker":
            yield from self._pronoun_speakers(analysis)
        elif self.check_name == "name-spelling":
            yield from _FirstReference(analysis, self).spelling_hits()
        else:
            yield from _FirstReference(analysis, self).hits()

    # -- orphan ----------------------------------------------------------------------------
    def _orphans(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        for q in analysis.quotes.quotes:
            if not q.is_orphan or q.continuation_of is not None:
                continue
            content = text[q.content_start : q.content_end]
            if not any(ch.isalpha() for ch in content):
                continue
            yield Hit(q.start, q.end, {"excerpt": _excerpt(content), "speaker": ""})

    # -- pronoun speaker -------------------------------------------------------------------
    def _pronoun_speakers(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        quotes = analysis.quotes
        for q in quotes.quotes:
            if (
                q.depth
                or q.is_term
                or q.inherited
                or q.speaker is None
                or q.speaker_kind != "pronoun"
                or (q.speaker_text or "").lower() not in self.pronouns
            ):
                continue
            if self._has_antecedent(analysis, q):
                continue
            content = text[q.content_start : q.content_end]
            yield Hit(
                q.speaker[0],
                q.speaker[1],
                {"excerpt": _excerpt(content), "speaker": q.speaker_text},
            )

    def _has_antecedent(self, analysis: Analysis, q: Quote) -> bool:
        """Could anything in the narration before the quote's speaker be the pronoun's referent?"""
        from newslint.analysis.quotes import lexicon_words

        plural = (q.speaker_text or "").lower() == "they"
        stop = lexicon_words("stop_capitals") | lexicon_words("determiners")
        people = self.person_nouns | lexicon_words("titles") | lexicon_words("honorifics")
        if plural:
            people |= lexicon_words("groups") | lexicon_words("organisations")
        text = analysis.text
        limit = q.speaker[0] if q.speaker else q.start
        for block in analysis.blocks:
            if block.start >= limit:
                break
            if block.kind in _SKIP_BLOCKS:
                continue
            for m in _WORD_RE.finditer(text, block.start, min(block.end, limit)):
                if analysis.quotes.in_quote(m.start()):
                    continue
                word = _strip_possessive(m.group().rstrip("."))
                low = word.lower()
                if low in people or (plural and low.endswith("s") and len(low) > 3):
                    return True
                if word[0].isupper() and low not in stop and low not in self.pronouns:
                    return True  # a name (or a place: precision first)
        return False


class _FirstReference:
    """Surname-only and courtesy-title citations before a full-name reference, and one name
    spelled two ways."""

    def __init__(self, analysis: Analysis, kind: QuotationKind) -> None:
        from newslint.analysis.quotes import lexicon_words
        from newslint.analysis.quotes.names import NameIndex

        self.analysis = analysis
        self.text = analysis.text
        self.kind = kind
        self.honorifics = lexicon_words("honorifics")
        self.formal_titles = kind.formal_titles
        vocab = getattr(analysis, "vocabulary", None)
        self.accept = kind.accept | frozenset(w.lower() for w in getattr(vocab, "accept", ()))
        self.names = analysis.memo("quotes.names", lambda: NameIndex(analysis.text))

    def citations(self) -> list[tuple[int, int, str, str]]:
        """(speaker start, end, speaker text, cue text) of every person cited, in text order
        (once per document: both name checks ask, and no option of theirs changes it)."""
        return self.analysis.memo("quotes.cited-people", self._citations)

    def _citations(self) -> list[tuple[int, int, str, str]]:
        quotes = self.analysis.quotes
        seen: set[tuple[int, int]] = set()
        out: list[tuple[int, int, str, str]] = []
        sources = [
            (c.speaker, c.cue, c.speaker_kind, c.speaker_text, c.cue_text) for c in quotes.citations
        ]
        sources += [
            (q.speaker, q.cue, q.speaker_kind, q.speaker_text or "", q.cue_text or "")
            for q in quotes.quotes
            if q.speaker is not None
            and q.cue is not None
            and not q.inherited
            and q.depth == 0
            and q.form == "marks"
            and q.how in _CUE_SHAPES
            and (q.cue_text or "")[:1].isalpha()  # not a dash: '"..." —Amy, adviser'
        ]
        pulled = {
            q.speaker
            for q in quotes.quotes
            if q.speaker is not None and q.depth == 0 and q.form == "marks" and self._pull_quote(q)
        }
        for span, cue, kind, speaker, cue_text in sources:
            if kind != "name" or span in seen or span in pulled or not self._adjacent(span, cue):
                continue
            if self._credit_line(cue):
                continue
            seen.add(span)
            block = self.analysis.block_at(span[0])
            if block is not None and block.kind in _SKIP_BLOCKS:
                continue
            out.append((span[0], span[1], speaker, cue_text))
        return sorted(out)

    def _pull_quote(self, q: Quote) -> bool:
        """The quotation is given again later in the article: a pull quote set ahead of the
        story, whose attribution is not the first reference (the story names the speaker)."""
        words = self.text[q.content_start : q.content_end].strip(" .,;:!?…").split()
        if len(words) < _MIN_PULL_WORDS:
            return False
        spaced = self.analysis.memo(
            "quotes.spaced-text", lambda: " ".join(self.text.split()).lower()
        )
        needle = " ".join(words).lower()
        first = spaced.find(needle)
        if first < 0 or spaced.find(needle, first + 1) < 0:
            return False  # given once (the usual case: no need to look further)
        return needle in " ".join(self.text[q.end :].split()).lower()

    def _adjacent(self, speaker: tuple[int, int], cue: tuple[int, int]) -> bool:
        """The speaker is the cue's own subject or object (``Itani says``, ``said Smith``,
        ``Smith, a spokesman, said``), not a sentence subject carried over to ``..., saying``."""
        gap = self.text[min(speaker[1], cue[1]) : max(speaker[0], cue[0])]
        if any(ch in ".;:!?\n" for ch in gap):
            return False
        return len(gap.split()) <= 2 or (speaker[1] <= cue[0] and gap.lstrip().startswith(","))

    def _credit_line(self, cue: tuple[int, int]) -> bool:
        """``Billeaud reported from Phoenix.``, ``Roe contributed reporting.``: a reporter's
        credit, not a source."""
        after = self.text[cue[1] : cue[1] + 30].lstrip().lower()
        return after.startswith(("from ", "reporting", "to this report"))

    def surname(self, speaker: str) -> tuple[str, bool] | None:
        """(surname, has courtesy title) when the speaker is a bare surname or ``Mr. Surname``."""
        from newslint.analysis.quotes.names import name_shaped

        words = speaker.split()
        titled = False
        while words and words[0].lower() in self.honorifics:
            words.pop(0)
            titled = True
        if len(words) != 1:
            return None
        word = _strip_possessive(words[0])
        if (
            not name_shaped(word)
            or not word.replace("-", "").replace("'", "").replace("’", "").isalpha()
        ):
            return None
        if any(ord(ch) >= 0x250 for ch in word):
            return None  # not Latin script: English copy names people in Latin letters
        if not titled and word.endswith(_DEMONYM_ENDINGS):
            return None  # "Oregonians said": people of a place, not a surname
        return word, titled

    def not_a_person(self, surname: str, titled: bool, cue_bases: list[str]) -> bool:
        """Places, institutions, plain English nouns and accepted names."""
        low = surname.lower()
        if low in self.accept or low in self.kind.not_people:
            return True
        if titled:
            return False
        from newslint.analysis.nlp import lemma, wordnet_index
        from newslint.analysis.quotes.phrases import is_inflected_word

        if is_inflected_word(low):
            return True  # "Keeps saying ...": an English word form, capitalised at the start
        if self.names.evidence(surname, cue_bases) == "other":
            return True  # "the Kremlin", "site Intellihub", "Breitbart reported"
        index = wordnet_index()
        # "Washington", "Kremlin", "Recently"; but also "Smith": precision first
        return any(w in words for w in (low, lemma(low)) for words in index.values())

    def spelling_variant(self, surname: str) -> str | None:
        """A full-name surname of the article that ``surname`` misspells by one letter."""
        from newslint.analysis.quotes.names import name_key, one_edit_apart

        key = name_key(surname)
        if len(key) < 4:
            return None
        for (_, last), _n in self.names.full_names().items():
            other = name_key(last)
            if other[:1] == key[:1] and len(other) >= 4 and one_edit_apart(key, other):
                return last
        return None

    def hits(self) -> Iterator[Hit]:
        from newslint.analysis.quotes import reporting_verb_forms

        verbs = reporting_verb_forms()
        cited = self.citations()
        bases: dict[str, list[str]] = {}
        for _, _, speaker, cue_text in cited:
            found = self.surname(speaker)
            if found:
                base = verbs.get(cue_text.split()[0].lower(), "") if cue_text else ""
                bases.setdefault(found[0], []).append(base)
        done: set[str] = set()
        for start, end, speaker, _ in cited:
            found = self.surname(speaker)
            if found is None:
                continue
            surname, titled = found
            if surname in done:
                continue
            done.add(surname)
            full = self.names.full_name_at(surname, self.formal_titles)
            if full is not None and full <= start:
                continue
            if self.names.introduced_by_first_name(surname, start):
                continue  # "Sasha and Malia Obama ... Sasha said": a first name, already tied
            if self.names.introduced_as_known_only(surname):
                continue  # "a student named Wong": all the name the reporter has
            if self.not_a_person(surname, titled, bases.get(surname, [])):
                continue
            if full is None and self.spelling_variant(surname):
                continue  # quotes.name-spelling reports it
            when = (
                "before the full-name reference"
                if full is not None
                else "and the article never gives the full name"
            )
            how = "with a courtesy title and surname" if titled else "by surname alone"
            yield Hit(start, end, {"name": surname, "speaker": speaker, "when": when, "how": how})

    def spelling_hits(self) -> Iterator[Hit]:
        """One name spelled two ways: a cited surname or a full name one letter away from the
        surname of another full name (``Tom Cowan`` ... ``Cowen said``)."""
        from newslint.analysis.quotes.names import is_english_word, name_key, name_shaped

        full = self.names.full_names()
        by_first: dict[str, set[str]] = {}
        for first, last in full:
            by_first.setdefault(name_key(first), set()).add(last)
        cited = {
            found[0]: start
            for start, _, speaker, _ in self.citations()
            if (found := self.surname(speaker)) is not None
        }
        lasts = {last for _, last in full}
        pairs: set[tuple[str, str]] = set()
        for lasts_of_first in by_first.values():  # "Tom Cowan" and "Tom Cowen"
            for a in lasts_of_first:
                for b in lasts_of_first:
                    if a < b and _variants(a, b):
                        pairs.add((a, b))
        for surname in cited:  # "Cowen said" with only "Tom Cowan" in full
            if self.names.full_name_at(surname, self.formal_titles) is not None:
                continue
            for last in lasts:
                if _variants(surname, last):
                    pairs.add(tuple(sorted((surname, last))))  # type: ignore[arg-type]
        reported: set[str] = set()
        for a, b in sorted(pairs):
            if not (name_shaped(a) and name_shaped(b)) or is_english_word(a) or is_english_word(b):
                continue
            if a.lower() in self.accept or b.lower() in self.accept:
                continue
            rare, common = sorted(
                (a, b), key=lambda w: (len(self.names.occurrences(w)), -self._first_at(w))
            )
            if rare in reported:
                continue
            reported.add(rare)
            at = cited.get(rare, self._first_at(rare))
            yield Hit(
                at,
                at + len(rare),
                {"name": rare, "other": common, "speaker": rare, "how": "", "when": ""},
            )

    def _first_at(self, name: str) -> int:
        occurrences = self.names.occurrences(name)
        return self.names.words[occurrences[0]][0] if occurrences else 0


def _variants(a: str, b: str) -> bool:
    from newslint.analysis.quotes.names import name_key, one_edit_apart

    ka, kb = name_key(a), name_key(b)
    return ka != kb and ka[:1] == kb[:1] and min(len(ka), len(kb)) >= 4 and one_edit_apart(ka, kb)


KIND = QuotationKind
