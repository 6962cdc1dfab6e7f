"""The technical register: what a word's document says about it when the dictionaries do not.

A post that shows code (a fence, an inline code span, ``<code>`` or ``<pre>``) or uses two
words of our programming jargon ("syscall", "goroutine") is written for programmers, and its
vocabulary is theirs:

* words of our jargon list and their forms are words ("impls", "parens", "goroutine");
* a common word and a tool-name ending names a tool: the compiler's "c", "ctl", "fmt" ("rustc",
  "protoc"; not the daemon's "d", which a dropped "e" also makes: "reviewd");
* a regular derivation of jargon or a common word of four letters or more is a coinage
  ("dependee", "callees", "spriting") even with a common word an edit away, unless that word
  explains it as a slip as strongly as it would a rare dictionary form
  (``CHANNEL_ERROR_HUNSPELL``: "wirer" is "writer"). Short or rare bases ("naging", "stomac"),
  adverbs ("troughly") and closed compounds of short words ("budjet") are weighed as anywhere.

* a word the document itself writes as an identifier, in inline code or a web address, is a
  name, bare or with a plural or verb ending ("`chown`" makes "chowned" a word; a link to
  ``github.com/acme-labs/...`` makes "acme" one).

News copy shows no code, and there the same words are weighed as before. Anywhere, a lower-case
word that is the whole text of a link names what the link points to ("[statsd](...)").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from newslint.spelling.checker import SpellChecker
from newslint.spelling.lexicon import CHANNEL_ERROR_HUNSPELL
from newslint.spelling.morphology import base_of
from newslint.spelling.reasons import (
    REASON_LOWER_CASE_NAME,
    REASON_NO_RIVAL,
    REASON_RARE,
    REASON_SLIP,
    REASON_UNKNOWN,
)

#: marks of code in a document's source (Markdown fences and spans, HTML code elements)
_CODE = re.compile(r"```|~~~|`[^`\n]+`|<code\b|<pre\b", re.IGNORECASE)
#: endings that make a tool's name of a known word: compiler, control, formatter
TOOL_SUFFIXES = ("c", "ctl", "fmt")
#: adverbs are not technical coinages: a derivation ending so is weighed as anywhere else
ADVERB_ENDING = "ly"
#: distinct words of the technical vocabulary that make a document without code technical
JARGON_MIN = 2
#: the word a tool or a coinage is built on is at least this long ("rust", "call", "proto")
BASE_MIN_LENGTH = 4
#: the pieces of a compound coined in technical copy are words at least this common (zipf x 10)
PART_MIN_ZIPF10 = 30
#: ... and at least this long ("budjet" is not "bud" + "jet")
PART_MIN_LENGTH = 4
#: reasons a word in the technical vocabulary, or a tool's name, overrides
_VOCABULARY_OVERRIDES = frozenset(
    {REASON_UNKNOWN, REASON_NO_RIVAL, REASON_RARE, REASON_SLIP, REASON_LOWER_CASE_NAME}
)
#: reasons a regular derivation of known words overrides in technical copy (unattested or
#: rare words; a word the web has mostly as a slip stays a slip)
_DERIVATION_OVERRIDES = frozenset({REASON_UNKNOWN, REASON_NO_RIVAL, REASON_RARE})


@lru_cache(maxsize=1)
def tech_vocabulary() -> frozenset[str]:
    """Our list of programming jargon (newslint/data/tech_vocab.txt)."""
    path = Path(__file__).parent.parent / "data" / "tech_vocab.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            words.add(entry)
    return frozenset(words)


def shows_code(source: str) -> bool:
    """Does the document's source show code (the mark of a technical register)?"""
    return _CODE.search(source) is not None


#: where a document writes identifiers: inline code spans and web addresses
_IDENTIFIER_SPANS = re.compile(r"`[^`\n]+`|\bhttps?://[^\s)\]>\"']+", re.IGNORECASE)
#: the names inside them: runs of letters this long or longer ("probe", not "v2" or "si")
_NAME_RUN = re.compile(r"[A-Za-z]{4,}")
#: a whole run of word characters and hyphens: a jargon word counts only as all of one run
_RUN = re.compile(r"[\w-]+")
_JARGON_ENDINGS = ("s", "es", "ed", "ing")


def _jargon_base(run: str, vocabulary: frozenset[str]) -> str | None:
    """The vocabulary word a run is, bare or with a plural or verb ending, else None."""
    if run in vocabulary:
        return run
    for ending in _JARGON_ENDINGS:
        if run.endswith(ending) and run[: -len(ending)] in vocabulary:
            return run[: -len(ending)]
    return None


def uses_jargon(source: str) -> bool:
    """Does the document use JARGON_MIN distinct words of the technical vocabulary?

    Each distinct run of the text is looked up once (the language server asks on every lint,
    so one set of runs beats a scan of the vocabulary at every position)."""
    vocabulary = tech_vocabulary()
    seen: set[str] = set()
    for run in {run.lower() for run in _RUN.findall(source)}:
        base = _jargon_base(run, vocabulary)
        if base is not None:
            seen.add(base)
            if len(seen) >= JARGON_MIN:
                return True
    return False


def link_text_patterns(low: str) -> re.Pattern[str]:
    """A link whose whole text is ``low``: Markdown ``[low](`` or ``[low][``, HTML ``>low</a>``."""
    word = re.escape(low)
    return re.compile(rf"\[{word}\](?:\(|\[)|>\s*{word}\s*</a>", re.IGNORECASE)


class Register:
    """What one document's register and structure say about the words the speller doubts.

    ``source`` is the document as written (markup included) or its text; nothing is computed
    until a word is asked about.
    """

    def __init__(self, checker: SpellChecker, source: str) -> None:
        self._checker = checker
        self._source = source
        self._technical: bool | None = None
        self._identifiers: frozenset[str] | None = None

    @property
    def technical(self) -> bool:
        if self._technical is None:
            self._technical = shows_code(self._source) or uses_jargon(self._source)
        return self._technical

    def admits(self, part: str, reason: str) -> bool:
        """Does the document make ``part`` (reported for ``reason``) a word or a name?"""
        if not part.islower():
            return False
        if reason in (REASON_UNKNOWN, REASON_NO_RIVAL) and self.link_text(part):
            return True
        if not self.technical:
            return False
        if reason in _VOCABULARY_OVERRIDES and (
            self.jargon(part) or self.tool_name(part) or self.identifier(part)
        ):
            return True
        return reason in _DERIVATION_OVERRIDES and self.coined(part)

    def link_text(self, low: str) -> bool:
        """Is the word the whole text of a link in the document?"""
        return link_text_patterns(low).search(self._source) is not None

    def identifier(self, low: str) -> bool:
        """A name the document writes in its own code or web addresses, or a plural or verb
        form of one ("chowned" beside "`chown`")."""
        if self._identifiers is None:
            spans = " ".join(m.group() for m in _IDENTIFIER_SPANS.finditer(self._source))
            self._identifiers = frozenset(run.lower() for run in _NAME_RUN.findall(spans))
        return _jargon_base(low, self._identifiers) is not None

    def jargon(self, low: str) -> bool:
        """A word of the technical vocabulary, or a form of one ("parens", "goroutines")."""
        vocab = tech_vocabulary()
        return low in vocab or base_of(low, vocab.__contains__) is not None

    def tool_name(self, low: str) -> bool:
        """A common word and a tool-name ending ("rustc", "protoc", "kubectl"; not "stomac",
        whose "stoma" is no common word: a slip for "stomach")."""
        return any(
            low.endswith(suffix) and self._base_word(low[: -len(suffix)])
            for suffix in TOOL_SUFFIXES
        )

    def _base_word(self, word: str) -> bool:
        """A word a coinage may be built on: jargon, or a common word of BASE_MIN_LENGTH letters
        (short or rare bases make slips look like derivations: "naging", "reser", "comistry")."""
        if word in tech_vocabulary():
            return True
        common = self._checker.lexicon.common_words(PART_MIN_ZIPF10)
        return len(word) >= BASE_MIN_LENGTH and word in common

    def coined(self, low: str) -> bool:
        """A regular derivation of a dictionary word or jargon ("dependee", "callees"), or a
        closed compound of long pieces, that no common word nearby explains as a slip as well
        as a rare dictionary form is explained ("wirer": "writer" is near and common)."""
        if low.endswith(ADVERB_ENDING):
            return False  # "troughly": programmers coin nouns and verbs, not adverbs
        vocab = tech_vocabulary()
        forms = self._checker.lexicon.forms
        common = self._checker.lexicon.common_words(PART_MIN_ZIPF10)

        def known(word: str) -> bool:
            return word in vocab or word in forms

        def part(word: str) -> bool:
            return word in vocab or word in common

        base = base_of(low, known, part)
        if base is None:
            return False
        pieces = base.split(" ")
        if len(pieces) > 1 and any(len(p) < PART_MIN_LENGTH for p in pieces):
            return False
        if len(pieces) == 1 and not self._base_word(base):
            return False
        return not self._checker.has_rival(low, exclude=base, bar=CHANNEL_ERROR_HUNSPELL)
