"""``acronym``: an all-caps abbreviation used before it is spelled out ("The SOHR said ...").

```yaml
kind: acronym
known: [US, UN, EU, NATO, FBI, CEO]   # understood without a spelled-out name
connectors: [of, for, and, the, al]   # small words an expansion may skip ("Hayat Tahrir al-Sham")
min-length: 2
max-length: 6
```
An acronym counts as spelled out when, before its first use or in the same sentence, the text
holds a run of words whose initials spell it ("Syrian Observatory for Human Rights"), or when it
first appears in parentheses ("(HTS)") or right before one ("SOHR (Syrian ...)"). Only the first
in-scope use of each acronym is reported. Roman numerals, plurals ("NGOs" is NGO), codes such as
"F-16" and runs of all-caps words (headlines, shouting) are skipped.
Message fields: ``{match}``, ``{acronym}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, string_list

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newslint.analysis.core import Analysis

_OPENERS = frozenset({"(", "[", '"', "“", "‘", "'", "-", "‐", "—", "–", "/"})
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_WORD = re.compile(r"[^\W\d_][^\W_]*")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Every WordNet lemma (nouns, verbs, adjectives, adverbs), loaded once per process."""
    from newslint.analysis.nlp import wordnet_index

    return frozenset().union(*wordnet_index().values())


#: small words an organisation's name may hold that its initials skip
CONNECTORS = [
    "of", "for", "and", "the", "on", "in", "at", "to", "de", "del", "della", "des", "du", "la",
    "le", "el", "al", "an", "ad", "y", "und", "für",
]  # fmt: skip

#: US state and Canadian province codes, skipped after a place name ("Camden, NJ")
REGION_CODES = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK",
]  # fmt: skip


class AcronymKind(Kind):
    name = "acronym"
    options = {
        "known": Option(
            (list,), default=[], help="acronyms readers know without a spelled form", words=True
        ),
        "connectors": Option((list,), default=CONNECTORS, help="small words an expansion may skip"),
        "places": Option(
            (list,),
            default=REGION_CODES,
            help="region codes skipped after a place name ('Camden, NJ')",
        ),
        "min-length": Option((int,), default=2, help="shortest acronym checked, in letters"),
        "max-length": Option((int,), default=6, help="longest acronym checked, in letters"),
    }
    default_scope = {"block": "prose"}

    def setup(self, options: Mapping[str, Any]) -> None:
        self.known = frozenset(w.upper() for w in string_list(options["known"], "known"))
        self.connectors = frozenset(
            w.lower() for w in string_list(options["connectors"], "connectors")
        )
        self.places = frozenset(w.upper() for w in string_list(options["places"], "places"))
        lo, hi = options["min-length"], options["max-length"]
        if not 1 < lo <= hi:
            raise OptionError("max-length", "need 2 <= min-length <= max-length")
        self.shape = re.compile(rf"([A-Z]{{{lo},{hi}}})s?")

    def candidate(self, token: Token, words: frozenset[str]) -> str | None:
        """The acronym a token spells, or None."""
        m = self.shape.fullmatch(token.text)
        if not m:
            return None
        core = m.group(1)
        if core in self.known or _ROMAN.fullmatch(core) or _code(token) or _shouted(token):
            return None
        if (len(core) >= 4 and core.lower() in words) or core.lower() in _stop_words():
            return None  # an English word in capitals: emphasis or a name (ONLY, WIRED, OR)
        if _glued(token):
            return None
        if core in self.places and _after_place(token):
            return None
        if _name_part(token):
            return None
        return core

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        words = _english_words()
        seen: set[str] = set()
        for token in analysis.doc:
            acronym = self.candidate(token, words)
            if acronym is None or acronym in seen:
                continue
            block = analysis.block_at(token.idx)
            if block is None or block.kind not in self.scope.blocks:
                continue
            if _all_caps(analysis.text[block.start : block.end]) or _dateline(token, block.start):
                continue
            seen.add(acronym)
            if self.defined(analysis, token, acronym):
                continue
            yield Hit(token.idx, token.idx + len(token.text), {"acronym": acronym})

    def defined(self, analysis: Analysis, token: Token, acronym: str) -> bool:
        """Spelled out before this use (or in its sentence), or introduced in parentheses."""
        doc = token.doc
        prev = doc[token.i - 1].text if token.i > 0 else ""
        nxt = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
        if prev == "(" or nxt == "(":
            return True
        sentence = analysis.sentence_at(token.idx)
        end = sentence.end if sentence else token.idx
        return self._expanded(analysis.text[:end], acronym)

    def _expanded(self, text: str, acronym: str) -> bool:
        words = _WORD.findall(text)
        target = acronym.lower()
        first = target[0]
        for i, word in enumerate(words):
            if word[0].isupper() and word[0].lower() == first and self._spells(words, i, target):
                return True
        return False

    def _spells(self, words: list[str], i: int, target: str) -> bool:
        """Do ``words[i:]`` spell ``target`` by initials? Connectors may be skipped, and one
        capitalised word inside the name ("New York State Attorney General" for NYAG)."""
        states = {(0, 0)}  # (letters matched, capitalised words skipped)
        for word in words[i : i + 3 * len(target)]:
            low = word.lower()
            capital = word[0].isupper()
            if not capital and low not in self.connectors:
                return False
            nxt: set[tuple[int, int]] = set()
            for k, skipped in states:
                if low[0] == target[k]:
                    nxt.add((k + 1, skipped))
                if low in self.connectors:
                    nxt.add((k, skipped))
                elif k > 0 and skipped == 0:
                    nxt.add((k, 1))
            if any(k == len(target) for k, _ in nxt):
                return True
            states = nxt
            if not states:
                return False
        return False


def _code(token: Token) -> bool:
    """A model or code name joined to digits: "F-16", "AK-47", "MH17"."""
    doc = token.doc
    j = token.i + 1
    if token.whitespace_ or j >= len(doc):
        return False
    if doc[j].text in ("-", "/") and not doc[j].whitespace_ and j + 1 < len(doc):
        j += 1
    return doc[j].text[:1].isdigit()


def _name_part(token: Token) -> bool:
    """Part of a longer name or a model: "PNC Music Pavilion", "DTE Energy", "GTX 1660"."""
    doc = token.doc
    j = token.i + 1
    if j < len(doc) and doc[j].text in ("'s", "’s"):
        return False
    return bool(token.whitespace_) and j < len(doc) and (doc[j].is_title or doc[j].is_digit)


def _after_place(token: Token) -> bool:
    """After a comma and a capitalised name ("Camden, NJ") or a party ("R-TX")."""
    doc = token.doc
    i = token.i - 1
    if i >= 1 and doc[i].text == "," and doc[i - 1].is_title:
        return True
    return i >= 1 and doc[i].text == "-" and doc[i - 1].text in ("R", "D", "I")


def _all_caps(text: str) -> bool:
    """A line or block written wholly in capitals (a heading, a shout)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _caps(token: Token) -> bool:
    return token.is_upper or token.text == "."


def _dateline(token: Token, block_start: int) -> bool:
    """Part of a run of capitals opening a block before a comma, parenthesis, dash or colon:
    a dateline ("NEW YORK (Reuters) -") or a label ("DEAR ABBY:")."""
    doc = token.doc
    i = token.i
    while i > 0 and doc[i].idx > block_start and _caps(doc[i - 1]):
        i -= 1
    if doc[i].idx != block_start:
        return False
    j = token.i + 1
    while j < len(doc) and _caps(doc[j]) and not doc[j].is_space:
        j += 1
    return j < len(doc) and doc[j].text in (",", "(", "—", "–", "-", ":")


def _glued(token: Token) -> bool:
    """Glued to a symbol before it ("US10YT=RR"): a code, not a word."""
    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return not prev.whitespace_ and prev.text not in _OPENERS


def _shouted(token: Token) -> bool:
    """An all-caps word among other all-caps words (a headline or a shout)."""
    doc = token.doc
    near = [t for t in doc[max(0, token.i - 3) : token.i + 4] if t.is_alpha and t.i != token.i]
    return sum(1 for t in near if t.is_upper and len(t.text) > 1) >= 2


KIND = AcronymKind
