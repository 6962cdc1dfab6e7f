"""``quotation``: checks on who owns each quotation, on top of :mod:`newslint.analysis.quotes`.

```yaml
kind: quotation
check: orphan            # orphan | unbalanced | pronoun-speaker | first-reference
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
  alone or with a courtesy title (``Mr. Yetkın``) before, or without, a full-name reference. Names
  the article uses as places (``in Moscow``) or institutions (``the Kremlin``), words that are
  English nouns (``Washington``, ``Smith``) unless a courtesy title marks a person, and accepted
  names are left alone. One hit per surname. Message fields ``{name}``, ``{how}``, ``{when}``.

Message fields for all checks: ``{match}``, ``{excerpt}`` (the quotation, shortened),
``{speaker}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis
    from newslint.analysis.quotes import Quote

CHECKS = ("orphan", "unbalanced", "pronoun-speaker", "first-reference")
_EXCERPT = 60
_WORD_RE = re.compile(r"[^\W\d_](?:[\w\-]|['’](?=\w))*\.?")
_CAPSEQ_RE = re.compile(r"\b[A-Z][\w'’\-]*\.?(?:[ \t]+[A-Z][\w'’\-]*\.?)+")
_POSSESSIVE = ("'s", "’s", "'", "’")
_LOCATIVE = frozenset(
    {"in", "to", "from", "into", "across", "near", "inside", "outside", "throughout", "toward"}
    | {"towards", "within", "around", "via", "visit", "visited", "visiting", "leave", "left"}
)
_NAME_PREFIXES = ("al-", "el-", "Al-", "El-", "bin ", "ibn ", "abu ", "de ", "van ", "von ")
_SKIP_BLOCKS = frozenset({"byline", "dateline"})
_CAMEL_RE = re.compile(r"(?<=[a-z])[A-Z]")
_CAMEL_NAMES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du", "O'", "O’")


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
    """Surname-only and courtesy-title citations before a full-name reference."""

    def __init__(self, analysis: Analysis, kind: QuotationKind) -> None:
        from newslint.analysis.quotes import lexicon_words

        self.analysis = analysis
        self.text = analysis.text
        self.kind = kind
        self.honorifics = lexicon_words("honorifics")
        self.particles = lexicon_words("particles")
        self.not_first = (
            lexicon_words("titles")
            | self.honorifics
            | lexicon_words("stop_capitals")
            | lexicon_words("determiners")
            | lexicon_words("organisations")
            | lexicon_words("groups")
            | lexicon_words("documents")
            | lexicon_words("pronouns")
        )
        self.formal_titles = kind.formal_titles
        vocab = getattr(analysis, "vocabulary", None)
        self.accept = kind.accept | frozenset(w.lower() for w in getattr(vocab, "accept", ()))

    def citations(self) -> list[tuple[int, int, str]]:
        """(speaker start, end, speaker text) of every person cited, in text order."""
        quotes = self.analysis.quotes
        seen: set[tuple[int, int]] = set()
        out: list[tuple[int, int, str]] = []
        sources = [(c.speaker, c.cue, c.speaker_kind, c.speaker_text) for c in quotes.citations]
        sources += [
            (q.speaker, q.cue, q.speaker_kind, q.speaker_text or "")
            for q in quotes.quotes
            if q.speaker is not None and q.cue is not None and not q.inherited and q.depth == 0
        ]
        for span, cue, kind, speaker in sources:
            if kind != "name" or span in seen or not self._adjacent(span, cue):
                continue
            seen.add(span)
            block = self.analysis.block_at(span[0])
            if block is not None and block.kind in _SKIP_BLOCKS:
                continue
            out.append((span[0], span[1], speaker))
        return sorted(out)

    def _adjacent(self, speaker: tuple[int, int], cue: tuple[int, int]) -> bool:
        """The speaker is the cue's own subject or object (``Itani says``, ``said Smith``,
        ``Smith, a spokesman, said``), not a sentence subject carried over to ``..., saying``."""
        gap = self.text[min(speaker[1], cue[1]) : max(speaker[0], cue[0])]
        if any(ch in ".;:!?\n" for ch in gap):
            return False
        return len(gap.split()) <= 2 or (speaker[1] <= cue[0] and gap.lstrip().startswith(","))

    def surname(self, speaker: str) -> tuple[str, bool] | None:
        """(surname, has courtesy title) when the speaker is a bare surname or ``Mr. Surname``."""
        words = speaker.split()
        titled = False
        while words and words[0].lower() in self.honorifics:
            words.pop(0)
            titled = True
        if len(words) != 1:
            return None
        word = _strip_possessive(words[0])
        if not word[:1].isupper() or word.isupper() or not word.replace("-", "").isalpha():
            return None
        if any(ord(ch) >= 0x250 for ch in word):
            return None  # not Latin script: English copy names people in Latin letters
        return word, titled

    def full_name_at(self, surname: str) -> int | None:
        """Offset of the first reference that gives ``surname`` with a first name."""
        text = self.text
        for m in re.finditer(r"(?<!\w)" + re.escape(surname) + r"(?![\w\-])", text):
            if self._has_first_name(m.start()):
                return m.start()
        return None

    def _has_first_name(self, at: int) -> bool:
        text = self.text
        j = at
        for prefix in _NAME_PREFIXES:  # "Bashar al-Assad" names "Assad"
            if text.startswith(prefix, at - len(prefix)):
                j = at - len(prefix)
                break
        first_name = False  # a capitalised particle may itself be the first name: "Al Sharpton"
        for _ in range(4):  # skip initials and particles: "George W. Bush", "Ludwig van Beethoven"
            k = j
            while k > 0 and text[k - 1] in " \t":
                k -= 1
            if k == j:
                return first_name
            m = re.search(r"\S+$", text[max(0, k - 40) : k])
            if not m:
                return first_name
            word = m.group()
            start = k - len(word)
            bare = word.rstrip(".")
            if (len(bare) == 1 and bare.isupper()) or bare.lower() in self.particles:
                first_name = first_name or (word[0].isupper() and not word.endswith("."))
                j = start
                continue
            if bare.lower() in self.formal_titles and word[0].isupper():
                return True  # "President Obama", "Sen. Warren": an accepted first reference
            return first_name or (
                word[0].isupper()
                and word[-1].isalpha()
                and not word.isupper()
                and bare.lower() not in self.not_first
                and not word.endswith(_POSSESSIVE)
            )
        return first_name

    def not_a_person(self, surname: str, titled: bool) -> bool:
        """Places, institutions, plain English nouns and accepted names."""
        low = surname.lower()
        if low in self.accept or low in self.kind.not_people:
            return True
        if titled:
            return False
        from newslint.analysis.nlp import lemma, wordnet_index

        if _CAMEL_RE.search(surname) and not surname.startswith(_CAMEL_NAMES):
            return True  # "PolitiFact", "YouTube"; but "McDonald", "DeVos" are people
        index = wordnet_index()
        if any(w in words for w in (low, lemma(low)) for words in index.values()):
            return True  # "Washington", "Kremlin", "Recently"; but also "Smith": precision first
        pattern = re.compile(r"(\w+)\s+" + re.escape(surname) + r"(?![\w\-])")
        for m in pattern.finditer(self.text):
            if m.group(1).lower() in _LOCATIVE or m.group(1).lower() == "the":
                return True
        return False

    def hits(self) -> Iterator[Hit]:
        done: set[str] = set()
        for start, end, speaker in self.citations():
            found = self.surname(speaker)
            if found is None:
                continue
            surname, titled = found
            if surname in done:
                continue
            done.add(surname)
            full = self.full_name_at(surname)
            if full is not None and full <= start:
                continue
            if self.not_a_person(surname, titled):
                continue
            when = (
                "before the full-name reference"
                if full is not None
                else "and the article never gives the full name"
            )
            how = "with a courtesy title and surname" if titled else "by surname alone"
            yield Hit(start, end, {"name": surname, "speaker": speaker, "when": when, "how": how})


KIND = QuotationKind
