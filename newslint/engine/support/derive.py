"""Adverbs and nouns derived from a list's adjectives ('reckless' -> 'recklessly', 'recklessness').

A judgement adjective keeps its judgement in its adverb and its noun, so a lexicon of judgement
words need not list every derived form by hand (which leaves gaps: 'incompetent' listed,
'incompetence' not). A form counts only when WordNet (spacy-lookups-data's lemma index) knows it
as an adverb or a noun, so no made-up word ('rant' -> 'rance') enters the list.
"""

from __future__ import annotations

from collections.abc import Iterable

#: (ending removed, ending added): the regular English derivations of an adjective
DERIVATIONS = (
    ("", "ly"),
    ("", "ness"),
    ("y", "ily"),
    ("y", "iness"),
    ("le", "ly"),
    ("ic", "ically"),
    ("ical", "ically"),
    ("nt", "nce"),
    ("able", "ability"),
    ("ible", "ibility"),
    ("ous", "ity"),
    ("al", "ality"),
)


def candidates(word: str) -> set[str]:
    """Every regular derivation of one single-word adjective, known to WordNet or not."""
    if not word.isalpha():
        return set()
    return {
        word[: len(word) - len(strip)] + add
        for strip, add in DERIVATIONS
        if word.endswith(strip) and len(word) > len(strip) + 2
    }


def derived_forms(words: Iterable[str], listed: Iterable[str] = ()) -> dict[str, str]:
    """``{derived form: the word it comes from}`` for the forms WordNet knows as an adverb or a
    noun, leaving out the words already ``listed`` (a listed form keeps its own entry)."""
    from newslint.analysis.nlp import wordnet_index

    index = wordnet_index()
    adverbs, nouns = index["adv"], index["noun"]
    taken = {w.lower() for w in listed}
    out: dict[str, str] = {}
    for word in sorted({w.lower() for w in words}):
        for form in sorted(candidates(word)):
            if (form in adverbs or form in nouns) and form not in taken and form not in out:
                out[form] = word
    return out
