"""The quotation lexicon: reporting verbs with every inflection, and the word lists that tell a
speaker's name from a title, an organisation, a document or a group.

The words live in ``newslint/data/quotes_lexicon.json`` (base verb forms; the inflections come
from spaCy's lemma lookup table read in reverse, plus simple suffix rules), loaded once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


class Lexicon(NamedTuple):
    verbs: dict[str, str]
    phrases: tuple[tuple[str, ...], ...]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    honorifics: frozenset[str]
    titles: frozenset[str]
    organisations: frozenset[str]
    documents: frozenset[str]
    groups: frozenset[str]
    adverbs: frozenset[str]
    stop_capitals: frozenset[str]
    particles: frozenset[str]
    abbreviations: frozenset[str]
    elisions: frozenset[str]
    document_only_verbs: frozenset[str]
    adjacent_only_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    title_small_words: frozenset[str]
    inflected: frozenset[str]
    #: first word -> the cue phrases starting with it, in ``phrases`` order
    phrases_by_first: dict[str, tuple[tuple[str, ...], ...]]
    #: every word a cue can start with (reporting verb forms and first words of cue phrases)
    cue_words: frozenset[str]


def _inflect_by_rule(base: str) -> set[str]:
    forms = {base}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


def _lemma_lookup() -> dict[str, str]:
    """spaCy's English lemma lookup table, lower-cased (the analysis's own, loaded once)."""
    from newslint.analysis.nlp import lemma_table
    from newslint.errors import UsageError

    try:
        return lemma_table()
    except (OSError, UsageError):  # pragma: no cover - without spacy-lookups-data rules still work
        return {}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(
        (resources.files("newslint") / "data" / "quotes_lexicon.json").read_text("utf-8")
    )
    bases = set(raw["reporting_verbs"]) | set(raw["read_by_documents"])
    verbs: dict[str, str] = {}
    lemmas = _lemma_lookup()
    for form, lemma in lemmas.items():
        if lemma in bases and form.isalpha():
            verbs[form.lower()] = lemma
    inflected = frozenset(
        f for f, lemma in lemmas.items() if f != lemma and f.endswith(("ing", "ed"))
    )
    for base in bases:
        for form in _inflect_by_rule(base):
            verbs.setdefault(form, base)

    def fs(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw[key])

    phrases = tuple(tuple(p) for p in raw["cue_phrases"])
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    return Lexicon(
        verbs=verbs,
        phrases=phrases,
        pronouns=fs("pronouns"),
        determiners=fs("determiners"),
        honorifics=fs("honorifics"),
        titles=fs("titles"),
        organisations=fs("organisations"),
        documents=fs("documents"),
        groups=fs("groups"),
        adverbs=fs("adverbs"),
        stop_capitals=fs("stop_capitals"),
        particles=fs("name_particles"),
        abbreviations=fs("abbreviations"),
        elisions=fs("elisions"),
        document_only_verbs=fs("read_by_documents"),
        adjacent_only_verbs=fs("adjacent_only_verbs"),
        addressee_verbs=fs("addressee_verbs"),
        title_small_words=fs("title_small_words"),
        inflected=inflected,
        phrases_by_first={first: tuple(group) for first, group in by_first.items()},
        cue_words=frozenset(verbs) | frozenset(by_first),
    )


def reporting_verb_forms() -> dict[str, str]:
    """Every inflected reporting-verb form mapped to its base verb."""
    return dict(lexicon().verbs)


def lexicon_words(key: str) -> frozenset[str]:
    """One word list of the quotation lexicon (``honorifics``, ``titles``, ``stop_capitals`` ...)."""
    value = getattr(lexicon(), key)
    if not isinstance(value, frozenset):
        raise KeyError(key)
    return value
