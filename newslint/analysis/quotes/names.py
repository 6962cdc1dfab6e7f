"""Names: who an article cites, matched as an editor matches them.

An editor reads ``O’Brien`` and ``O'Brien``, ``Rosselló`` and ``Rossello``, ``MCDONALD`` and
``McDonald`` as one name; takes ``Sasha and Malia Obama`` as giving both girls' full names;
knows ``Coach (Frank) Vogel`` gives Vogel's first name; and tells a person from an organisation or
a place by the company a name keeps: a courtesy title or ``he``/``she`` make a person; ``the
Kremlin``, ``site Intellihub``, ``Americo, the insurer,``, ``Breitbart reported``, ``in Moscow``
make an organisation or a place. :func:`name_key` is the matching key;
:class:`NameIndex` answers the questions the ``quotes.first-reference`` and
``quotes.name-spelling`` checks ask.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cached_property, lru_cache
from itertools import compress
from operator import itemgetter

from newslint.analysis.quotes.lexicon import lexicon

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_ARABIC_ARTICLE_RE = re.compile(r"([aAeE][lnrsdtz])-(?=[A-Z])")
_FAMILY = frozenset(
    {"daughter", "son", "wife", "husband", "mother", "father", "sister", "brother", "child"}
    | {"children", "daughters", "sons", "granddaughter", "grandson", "niece", "nephew", "twin"}
    | {"partner", "fiancé", "fiancee", "fiancée", "widow", "widower", "cousin", "grandmother"}
    | {"grandfather", "aunt", "uncle", "stepson", "stepdaughter", "baby", "girl", "boy"}
)
#: verbs an organisation or outlet takes far more often than a person
_ORG_VERBS = frozenset(
    {"report", "publish", "find", "estimate", "announce", "rate", "rank", "post", "list"}
    | {"forecast", "calculate", "tally", "track", "confirm", "release", "issue", "file"}
)
_PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "himself", "herself"})
_ORG_PRONOUNS = frozenset({"it", "its", "itself", "they", "their", "them"})
_LOCATIVE = frozenset(
    {"in", "to", "from", "into", "across", "near", "inside", "outside", "throughout", "toward"}
    | {"towards", "within", "around", "via", "visit", "visited", "visiting", "leave", "left"}
)
_NAME_SHAPE_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du", "O'")


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """The matching key of a name: case, accents and apostrophe shapes folded (memoised: a
    name recurs through an article)."""
    folded = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES))
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1 << 16)
def name_shaped(word: str) -> bool:
    """``Smith``, ``McDonald``, ``O'Brien``, ``Habib-Powell``; not ``SHTFplan``, ``PolitiFact``,
    ``NATO`` or ``R-Texas`` (memoised: a pure test of the word, asked again for every
    occurrence of a name)."""
    if not word[:1].isupper() or word.isupper() and len(word) > 1:
        return False
    if re.fullmatch(r"[DRIL]-[A-Z][\w.]*", word):
        return False
    for n, part in enumerate(word.translate(_APOSTROPHES).split("-")):
        if not part or (n and not part[0].isupper() and part.lower() not in lexicon().particles):
            return False  # "Anti-government"; but "Habib-Powell", "Abd-al"
        capitals = sum(c.isupper() for c in part)
        if capitals > 1 and not part.startswith(_NAME_SHAPE_PREFIXES):
            return False
        if capitals > 2:
            return False
    return True


#: the words of a line (as NameIndex lists them), by the line's text: a pure function of it,
#: kept across documents and an editor's re-lints
_LINE_WORDS: dict[str, list[tuple[int, str]]] = {}
#: lines kept (dropped all at once beyond this)
LINES_KEPT = 2_000


def _line_words(line: str) -> list[tuple[int, str]]:
    """(offset, word) of every word of one line; "al-Assad" gives "al" and "Assad"."""
    if not _ARABIC_ARTICLE_RE.search(line):
        return [(m.start(), m.group()) for m in _NAME_WORD_RE.finditer(line)]
    out: list[tuple[int, str]] = []  # word by word only where an article may be
    append = out.append
    for m in _NAME_WORD_RE.finditer(line):
        word, at = m.group(), m.start()
        prefix = _ARABIC_ARTICLE_RE.match(word)
        if prefix and len(word) > prefix.end():  # "Bashar al-Assad" names "Assad"
            append((at, prefix.group(1)))
            append((at + prefix.end(), word[prefix.end() :]))
        else:
            append((at, word))
    return out


class NameIndex:
    """The capitalised words of one text, with where and how each is used."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[tuple[int, str]] = []
        # line by line (no word runs over a line break), each line's words kept by its text
        if len(_LINE_WORDS) > LINES_KEPT:
            _LINE_WORDS.clear()
        extend = self.words.extend
        at = 0
        for line in text.split("\n"):
            found = _LINE_WORDS.get(line)
            if found is None:
                found = _LINE_WORDS[line] = _line_words(line)
            if found:
                extend([(start + at, word) for start, word in found] if at else found)
            at += len(line) + 1
        self._full_names: Counter[tuple[str, str]] | None = None

    @cached_property
    def _capitalised(self) -> list[int]:
        """Positions in ``words`` of the capitalised words (found without a Python loop)."""
        firsts = map(itemgetter(0), map(itemgetter(1), self.words))
        return list(compress(range(len(self.words)), map(str.isupper, firsts)))

    @cached_property
    def _by_key(self) -> dict[str, list[int]]:
        """Name key -> positions in ``words`` (capitalised words only)."""
        out: dict[str, list[int]] = {}
        words = self.words
        for n in self._capitalised:
            out.setdefault(name_key(_strip_possessive(words[n][1])), []).append(n)
        return out

    def occurrences(self, surname: str) -> list[int]:
        """Indices in ``words`` where the name appears (any case, accent or apostrophe)."""
        return self._by_key.get(name_key(surname), [])

    # -- full names ------------------------------------------------------------------------
    def full_name_at(self, surname: str, formal_titles: frozenset[str]) -> int | None:
        """Offset of the first reference that gives ``surname`` a first name (or an office
        title, ``President Obama``), or None."""
        for n in self.occurrences(surname):
            if self._has_first_name(n, formal_titles) or self._given_name_after(n):
                return self.words[n][0]
        return None

    def _given_name_after(self, n: int) -> bool:
        """``Tong Yung-soo``, ``Xi Jinping``: the family name first, then the given name (a
        capitalised word that is neither an English word nor in the lexicon's lists)."""
        if n + 1 >= len(self.words):
            return False
        pos, word = self.words[n]
        nxt_pos, nxt = self.words[n + 1]
        given = nxt.split("-")[0]  # "Yung-soo", "Jae-in": a romanised given name
        if self.text[pos + len(word) : nxt_pos] != " " or not name_shaped(given):
            return False
        if nxt.lower() in _not_first_names() or is_english_word(nxt):
            return False
        after = self.words[n + 2] if n + 2 < len(self.words) else None
        joined = after is not None and self.text[nxt_pos + len(nxt) : after[0]] == " "
        return not (joined and after is not None and after[1][:1].isupper())

    def _has_first_name(self, n: int, formal_titles: frozenset[str]) -> bool:
        lex = lexicon()
        text = self.text
        start = self.words[n][0]
        k = n - 1
        first_name = False
        for _ in range(4):  # skip initials and particles: "George W. Bush", "Ludwig van Berg"
            if k < 0:
                return first_name
            pos, word = self.words[k]
            gap = text[pos + len(word) : start if k == n - 1 else self.words[k + 1][0]]
            if len(word) == 1 and gap.startswith("."):
                gap = gap[1:]  # "Mary J. Blige"
            if not _joins_name(gap):
                return first_name
            bare = word.rstrip(".")
            low = bare.lower()
            if (len(bare) == 1 and bare.isupper()) or low in lex.particles:
                first_name = first_name or (
                    word[0].isupper() and text[pos + len(word) : pos + len(word) + 1] != "."
                )
                k -= 1
                continue
            if low in formal_titles and word[0].isupper():
                return True  # "President Obama", "Sen. Warren": an accepted first reference
            return first_name or (
                word[0].isupper()
                and name_shaped(word)
                and low not in _not_first_names()
                and not word.endswith(("'s", "’s", "'", "’"))
            )
        return first_name

    def introduced_as_known_only(self, name: str) -> bool:
        """``a student named Wong``, ``identified only as Roe``: the reporter says the article
        has no more of the name."""
        for n in self.occurrences(name):
            lead = " ".join(w for _, w in self.words[max(0, n - 3) : n]).lower()
            if lead.endswith(("named", "called", "only as", "identified as", "known as")):
                return True
        return False

    def introduced_by_first_name(self, name: str, before: int) -> bool:
        """``Sasha Obama``, ``Sasha and Malia Obama``, ``Penkoski’s daughter, Brielle,``: the
        word is a first name that the article has already tied to a surname or a relative."""
        for n in self.occurrences(name):
            pos, word = self.words[n]
            if pos > before:
                break
            nxt = self.words[n + 1] if n + 1 < len(self.words) else None
            if nxt and _joins_name(self.text[pos + len(word) : nxt[0]]):
                if nxt[1][:1].isupper() and name_shaped(nxt[1]):
                    return True
                if nxt[1] == "and" and n + 3 < len(self.words):
                    after_and = self.words[n + 2][1]
                    family = self.words[n + 3][1]
                    if after_and[:1].isupper() and family[:1].isupper():
                        return True
            if n > 0 and self.words[n - 1][1].lower() in _FAMILY:
                gap = self.text[self.words[n - 1][0] + len(self.words[n - 1][1]) : pos]
                if gap.strip() in (",", ""):
                    return True
        return False

    # -- people, organisations, places -----------------------------------------------------
    def evidence(self, surname: str, cue_bases: Iterable[str]) -> str | None:
        """``"person"``, ``"other"`` (an organisation, outlet or place) or None (no evidence)."""
        lex = lexicon()
        text = self.text
        person = other = 0
        for n in self.occurrences(surname):
            pos, word = self.words[n]
            prev = self.words[n - 1][1] if n > 0 else ""
            prev_low = prev.lower().rstrip(".")
            gap_before = text[self.words[n - 1][0] + len(prev) : pos] if n > 0 else ""
            adjacent = _joins_name(gap_before)
            if adjacent and (prev_low in lex.honorifics or prev.lower() in lex.honorifics):
                person += 2
            elif adjacent and prev_low == "the":
                other += 1  # "the Kremlin"
            elif (
                adjacent
                and not prev[:1].isupper()
                and (prev_low in lex.organisations or prev_low in lex.documents)
            ):
                other += 1  # "conspiracy site Intellihub", "the firm Acme"
            elif adjacent and prev_low in _LOCATIVE:
                other += 1  # "in Moscow"
            nxt = self.words[n + 1][1] if n + 1 < len(self.words) else ""
            gap_after = text[pos + len(word) : self.words[n + 1][0]] if nxt else ""
            if (
                nxt
                and _joins_name(gap_after)
                and nxt[:1].isupper()
                and (nxt.lower().rstrip(".") in lex.organisations)
            ):
                other += 1  # "Acme Corp", "Breitbart News"
            if gap_after.strip() == "," and nxt.lower() in ("the", "a", "an"):
                tail = " ".join(w for _, w in self.words[n + 2 : n + 6]).lower().split()
                if any(w.rstrip(",") in lex.organisations for w in tail):
                    other += 1  # "Americo, the life insurance company,"
            for _, w in self.words[n + 1 : n + 12]:
                low = w.lower()
                if low in _PERSON_PRONOUNS:
                    person += 1
                    break
                if low in _ORG_PRONOUNS:
                    other += 1
                    break
        bases = [b for b in cue_bases if b]
        if bases and all(b in _ORG_VERBS for b in bases):
            other += 1  # "Breitbart reported", "Politifact found"
        if person > other:
            return "person"
        if other > person:
            return "other"
        return None

    # -- spellings -------------------------------------------------------------------------
    def full_names(self) -> Counter[tuple[str, str]]:
        """(first name, surname) pairs written in the text, counted (worked out once: both
        name checks ask, the first-reference check once per cited surname; do not change it)."""
        if self._full_names is None:
            self._full_names = self._find_full_names()
        return self._full_names

    def _find_full_names(self) -> Counter[tuple[str, str]]:
        out: Counter[tuple[str, str]] = Counter()
        words, text = self.words, self.text
        not_first = _not_first_names()
        for n in self._capitalised:  # a pair of capitalised words: n - 1 and n
            if n == 0 or not words[n - 1][1][:1].isupper():
                continue
            (p0, first), (p1, last) = words[n - 1], words[n]
            if (
                name_shaped(first)
                and name_shaped(last)
                and text[p0 + len(first) : p1] == " "
                and first.lower() not in not_first
                and last.lower() not in not_first
            ):
                out[(first, _strip_possessive(last))] += 1
        return Counter({k: v for k, v in out.items() if not _english_pair(*k)})


def _english_pair(first: str, last: str) -> bool:
    """``South Korea``, ``Hard Things``: the second word is an English word, not a surname
    (given names often are words: ``Tom``, ``Rose``, ``Mark``)."""
    return is_english_word(last)


def _joins_name(gap: str) -> bool:
    """Only spaces (or a parenthesis, ``Coach (Frank) Vogel``) between two words of a name."""
    return gap.strip(" \t()-") == "" and "\n" not in gap and "--" not in gap


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def _not_first_names() -> frozenset[str]:
    """Capitalised words that are not first names: titles, honorifics, organisations ... (the
    union is made once; the lexicon is loaded once per process)."""
    lex = lexicon()
    return (
        lex.titles
        | lex.honorifics
        | lex.stop_capitals
        | lex.determiners
        | lex.organisations
        | lex.groups
        | lex.documents
        | lex.pronouns
    )


def one_edit_apart(a: str, b: str) -> bool:
    """Two names one letter apart: a letter changed, added, dropped or two swapped (but not a
    letter added at the end: ``Korea``/``Korean``, ``Final``/``Finals`` are other words)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if long_.startswith(short):
        return False
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


@lru_cache(maxsize=1 << 16)
def is_english_word(word: str) -> bool:
    """The word (or its lemma) is in WordNet's lists, or is an inflected English form
    (memoised: the tables are loaded once per process)."""
    from newslint.analysis.nlp import lemma, wordnet_index
    from newslint.analysis.quotes.phrases import is_inflected_word

    low = word.lower()
    if is_inflected_word(low):
        return True
    index = wordnet_index()
    return any(w in words for w in (low, lemma(low)) for words in index.values())
