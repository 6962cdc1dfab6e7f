"""SpellChecker: "is this a word?" and ranked suggestions, over the cached lexicon."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from newslint.spelling import admission
from newslint.spelling.errormodel import ErrorModel
from newslint.spelling.lexicon import CHANNEL_DOUBT, Lexicon, load_error_model, load_lexicon
from newslint.spelling.misspellings import corrections, is_misspelling, match_case
from newslint.spelling.morphology import base_of
from newslint.spelling.suggest import Suggester

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
KNOWN_MEMO_SIZE = 100_000  # words remembered by is_known (cleared when full)
#: the pieces of a closed compound ("eye" + "holes") are words at least this common (zipf x 10)
COMPOUND_PART_MIN_ZIPF10 = 30


def normalise(word: str) -> str:
    """Straighten typographic apostrophes."""
    return word.translate(APOSTROPHES)


def strip_possessive(word: str) -> str:
    """Russia's -> Russia, agencies' -> agencies."""
    if word.endswith("'s") or word.endswith("'S"):
        return word[:-2]
    return word[:-1] if word.endswith("'") else word


class SpellChecker:
    """Dictionary look-ups and suggestions; house vocabulary can be added with add_words()."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon
        self._suggester: Suggester | None = None
        self._house: set[str] = set()
        self._lock = threading.Lock()
        self._suggestions: dict[tuple[str, int], list[str]] = {}
        self._known: dict[str, bool] = {}  # is_known memo: the same unknown words recur
        self._model: ErrorModel | None = None
        #: per line of text, what the foreign-language test found in it (newslint.spelling.typos
        #: keeps it: a pure function of the line and the word lists, so an editor's re-lint
        #: works out only the edited line's)
        self.foreign_lines: dict[str, Any] = {}

    @property
    def lexicon(self) -> Lexicon:
        """The word list (loaded from the disk cache on first use)."""
        if self._lexicon is None:
            with self._lock:
                if self._lexicon is None:
                    self._lexicon = load_lexicon()
        return self._lexicon

    @property
    def suggester(self) -> Suggester:
        """The suggestion engine (set up on first use)."""
        if self._suggester is None:
            self._suggester = self.lexicon.suggester()
        return self._suggester

    def lexicon_zipf(self, low: str) -> float:
        """Frequency (zipf) of a lower-case word as the lexicon ranks it (0.0 if unlisted)."""
        return self.lexicon.common_zipfs(0).get(low, 0) / 10.0

    def add_words(self, words: Iterable[str]) -> None:
        """Accept these words (any capitalisation) from now on."""
        self._house.update(normalise(w).lower() for w in words if w.strip())
        self._known.clear()
        self.foreign_lines.clear()

    def _known_simple(self, word: str) -> bool:
        forms = self.lexicon.forms
        if word in forms or word.lower() in self._house or _NUMBER.fullmatch(word):
            return True
        low = word.lower()
        if word[:1].isupper() and word[1:].islower():  # Sentence case of a common word.
            return low in forms
        if word.isupper():  # ALL CAPS of a common word or a proper noun.
            return low in forms or word.capitalize() in forms
        return False

    def is_known(self, word: str) -> bool:
        """True if ``word`` is spelled correctly.

        Case-aware: "Paris" and "PARIS" are known, "paris" is not; "Takeover" is known because
        "takeover" is. Possessives are checked on their stem and hyphenated compounds part by part.
        """
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= KNOWN_MEMO_SIZE:
                self._known.clear()
            known = self._known[word] = self._is_known(word)
        return known

    def _is_known(self, word: str) -> bool:
        word = normalise(word.strip())
        if not word:
            return False
        if self._known_simple(word):
            return True
        stem = strip_possessive(word)
        if stem != word and stem and self._known_simple(stem):
            return True
        if "-" in stem:
            parts = stem.split("-")
            return all(p and (self._known_simple(p) or self._derived(p)) for p in parts)
        return self._derived(stem)

    def looks_known(self, word: str) -> bool:
        """is_known() without weighing rivals: a cheap test for counting unknown words (is
        this paragraph English?), never for reporting one."""
        if self._known_simple(word):
            return True
        low = word.lower()
        if not low.isalpha() or is_misspelling(low):
            return False
        common = self.lexicon.common_zipfs(COMPOUND_PART_MIN_ZIPF10)
        return base_of(low, self._known_simple, common.__contains__) is not None

    def _derived(self, word: str) -> bool:
        """Is ``word`` a derived or inflected form of a known word that is not a slip?

        A derivation never rescues a word codespell lists, nor one that a much more common word
        nearby explains as well as its being a word ("stiched": "stich" + "ed", but "stitched" is
        near and common; "fiting": "fit" + "ing", but "fitting"): such a word is then weighed
        like any other unknown word (a warning, or a suggestion when the web attests it).
        """
        if not word.isalpha():
            return False
        low = word.lower()
        if low != word and not (word[:1].isupper() and word[1:].islower()) and not word.isupper():
            return False  # mixed case: a name, not a derivation
        if is_misspelling(low) or (word == low and low.capitalize() in self.lexicon.forms):
            return False  # listed, or a name in lower case ("paris" is not "pari" + "s")
        evidence = self.lexicon.evidence(low)
        if evidence is not None and evidence.error:
            return False
        common = self.lexicon.common_zipfs(COMPOUND_PART_MIN_ZIPF10)
        base = base_of(low, self._known_simple, common.__contains__)
        if base is None:
            return False
        if evidence is not None:  # attested: the build already weighed its rivals
            return evidence.channel is None or evidence.channel < CHANNEL_DOUBT
        return not self.has_rival(low, exclude=base)

    def has_rival(self, low: str, exclude: str = "", bar: float = CHANNEL_DOUBT) -> bool:
        """Is an unattested word as likely an error for a much more common word nearby (within
        the suggester's reach, other than ``exclude``: the word's own base) as a word? ``bar``
        is the channel score from which it is (a derived form in technical copy asks more)."""
        if self._model is None:
            self._model = load_error_model()
        floor = admission.UNATTESTED_ZIPF + admission.GAP_MIN
        suggester = self.suggester
        near = suggester.near(low)
        rivals = {
            c: z
            for c in near
            if " " not in c and c != exclude and (z := suggester.zipf(c)) >= floor
        }
        channel = admission.channel_of(
            low, admission.UNATTESTED_ZIPF, rivals, self._model, distance=near
        )
        return channel is not None and channel >= bar

    def suggest(
        self, word: str, limit: int = 3, context: tuple[str, str] | None = None
    ) -> list[str]:
        """Corrections for ``word``, best first, in the word's capitalisation, ranked by how
        they fit ``context`` (the lower-case words before and after it) when given (memoised:
        a suggestion costs milliseconds and the same unknown words recur across an archive)."""
        key = (word, limit, context)
        if key not in self._suggestions:
            self._suggestions[key] = self._suggest(word, limit, context)
        return list(self._suggestions[key])

    def _suggest(self, word: str, limit: int, context: tuple[str, str] | None) -> list[str]:
        word = normalise(word.strip())
        stem = strip_possessive(word)
        suffix = word[len(stem) :]
        if "-" in stem:
            parts = stem.split("-")
            for i, part in enumerate(parts):
                if part and not self._known_simple(part):
                    return [
                        "-".join([*parts[:i], fix, *parts[i + 1 :]]) + suffix
                        for fix in self.suggest(part, limit, context)
                    ]
            return []
        low = stem.lower()
        preferred = corrections(low)  # "alot" -> "a lot" first, then "allot"
        fixes = self.suggester.suggest(low, limit, preferred, context)
        return [_recase(stem, f) + suffix for f in fixes]


def _recase(template: str, fix: str) -> str:
    if fix != fix.lower():  # Proper noun: keep its own capitalisation unless shouting.
        return fix.upper() if len(template) > 1 and template.isupper() else fix
    return match_case(template, fix)


_CHECKER: SpellChecker | None = None
_CHECKER_LOCK = threading.Lock()


def get_checker() -> SpellChecker:
    """The shared SpellChecker (its lexicon loads lazily on first look-up)."""
    global _CHECKER
    if _CHECKER is None:
        with _CHECKER_LOCK:
            if _CHECKER is None:
                _CHECKER = SpellChecker()
    return _CHECKER
