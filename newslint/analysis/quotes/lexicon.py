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
    """The word lists, lower-cased; ``verbs`` maps every reporting-verb form to its base."""

    verbs: dict[str, str]
    #: base verb -> the particle sequences it takes as a cue (``point`` -> ``(("out",),)``)
    verb_particles: dict[str, tuple[tuple[str, ...], ...]]
    #: base verbs that are cues only with one of their particles (``point``, ``go``, ``put``)
    particle_only: frozenset[str]
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
    #: verbs whose speaker is never after them (``sing Kumbaya`` names no singer)
    left_subject_verbs: frozenset[str]
    #: naming and judging verbs: a quotation's cue, but in narration no citation of a source
    #: (``Vizmedia dubbed the series``, ``Roe praised the plan``)
    not_citation_verbs: frozenset[str]
    title_small_words: frozenset[str]
    inflected: frozenset[str]
    #: first word -> the cue phrases starting with it, in ``phrases`` order
    phrases_by_first: dict[str, tuple[tuple[str, ...], ...]]
    #: every word a cue can start with (reporting verb forms and first words of cue phrases)
    cue_words: frozenset[str]
    naming_words: frozenset[str]
    mention_nouns: frozenset[str]
    interface_nouns: frozenset[str]
    example_words: frozenset[str]
    instruction_verbs: frozenset[str]
    generic_subjects: frozenset[str]
    adverbial_nouns: frozenset[str]
    time_prepositions: frozenset[str]
    callout_labels: frozenset[str]
    #: nouns whose content a quotation can spell out (``the rule was "..."``, ``the answer to
    #: "..."``)
    topic_nouns: frozenset[str]
    #: verbs of thinking: a quotation after them is a thought, not speech
    thought_verbs: frozenset[str]
    #: verbs of choosing among given wordings (``respondents chose "I prefer not to answer"``)
    choice_verbs: frozenset[str]
    transcript_roles: frozenset[str]
    #: transcript roles that ask (``Q``, ``interviewer``): the paragraphs after them answer
    asking_roles: frozenset[str]
    #: first- and second-person words: a transcript turn is speech, a run-in heading is not
    speech_pronouns: frozenset[str]


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
    entries = [tuple(v.lower().split()) for v in raw["reporting_verbs"]]
    single = {e[0] for e in entries if len(e) == 1}
    particles: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        if len(entry) > 1:
            particles.setdefault(entry[0], []).append(entry[1:])
    bases = {e[0] for e in entries} | set(raw["read_by_documents"])
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
        verb_particles={base: tuple(group) for base, group in particles.items()},
        particle_only=frozenset(particles) - single - set(raw["read_by_documents"]),
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
        left_subject_verbs=fs("left_subject_verbs"),
        not_citation_verbs=fs("not_citation_verbs"),
        title_small_words=fs("title_small_words"),
        inflected=inflected,
        phrases_by_first={first: tuple(group) for first, group in by_first.items()},
        cue_words=frozenset(verbs) | frozenset(by_first),
        naming_words=fs("naming_words"),
        mention_nouns=fs("mention_nouns"),
        interface_nouns=fs("interface_nouns"),
        example_words=fs("example_words"),
        instruction_verbs=fs("instruction_verbs"),
        generic_subjects=fs("generic_subjects"),
        adverbial_nouns=fs("adverbial_nouns"),
        time_prepositions=fs("time_prepositions"),
        callout_labels=fs("callout_labels"),
        topic_nouns=fs("topic_nouns"),
        thought_verbs=fs("thought_verbs"),
        choice_verbs=fs("choice_verbs"),
        transcript_roles=fs("transcript_roles"),
        asking_roles=fs("asking_roles"),
        speech_pronouns=fs("speech_pronouns"),
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
