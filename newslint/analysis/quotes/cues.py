"""Cues: the reporting clause that gives a quotation its speaker.

A cue is a reporting verb (``said``, ``argues``, ``told``) or a cue phrase (``according to``,
``in the words of``, ``put it``); its speaker is the noun phrase before it (``Smith said``) or
after it (``said Smith``). The finders here each read one shape: a clause right after a quote
(``", he said"``, ``" ― Name"``), any cue in a stretch of narration, ``Smith: "``, framing
without a verb (``... as a "``), and the sentence subject or a person named earlier for a
partial quotation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from newslint.analysis.quotes.lexicon import lexicon
from newslint.analysis.quotes.phrases import (
    MAX_APPOSITIVE_TOKENS,
    MAX_NP_TOKENS,
    NP,
    Tok,
    is_lexicon_word,
    is_possessive,
    np_core_left,
    np_left,
    np_right,
    np_span,
    without_possessive,
)

_NOUN_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "this",
        "that",
        "your",
        "few",
        "following",
    }
    | {"every", "each", "no", "any", "such", "another", "whose", "what"}
)
_AUXILIARIES = frozenset(
    {"will", "would", "did", "do", "does", "can", "could", "may", "might", "should", "must", "to"}
)
_PLAIN_PLURAL_PRONOUNS = frozenset({"i", "we", "you", "they"})
PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_SHORT_CLAUSE_TOKENS = 8
_FRAMING_KINDS = frozenset({"name", "title_name", "pronoun", "organisation", "group"})


class Attribution(NamedTuple):
    cue: tuple[int, int]
    speaker: tuple[int, int]
    kind: str


Subject = tuple[tuple[int, int], str] | None
_DASHES = frozenset("—―–-")
_COORDINATORS = frozenset({"and", "but", "before", "after", "while", "when", "by", "then", "also"})


def _cue_at(toks: Sequence[Tok], k: int) -> tuple[str, int] | None:
    """('verb'|'phrase'|'putit', last token index) when a cue starts at token k."""
    lex = lexicon()
    t = toks[k]
    if not t.word:
        return None
    for phrase in lex.phrases_by_first.get(t.low, ()):
        n = len(phrase)
        if k + n <= len(toks) and all(toks[k + j].low == phrase[j] for j in range(n)):
            return ("putit" if phrase == ("put", "it") else "phrase", k + n - 1)
    if t.low not in lex.verbs:
        return None
    if t.cap and (k > 0 and toks[k - 1].text not in ".:;" or t.low == lex.verbs[t.low]):
        return None  # "Said Ellis:" opens a sentence; other capitalised words are not cues
    if k > 0 and (toks[k - 1].low in _NOUN_DETERMINERS or is_possessive(toks[k - 1])):
        relative = toks[k - 1].low == "that" and t.low != lex.verbs[t.low]  # "a letter that says"
        return ("verb", k) if relative else None  # "the report", "Smith's claim": a noun
    return ("verb", k)


def _attr(toks: Sequence[Tok], cue: tuple[int, int], np: NP | None) -> Attribution | None:
    return Attribution(cue, np_span(toks, np), np.kind) if np else None


def attribution_at(
    toks: Sequence[Tok], k: int, lo: int, hi: int, subject: Subject | Callable[[], Subject]
) -> Attribution | None:
    """Speaker for the cue starting at token k, or None (``subject`` may be a function that
    finds the sentence subject, called only if the cue needs it)."""
    lex = lexicon()
    found = _cue_at(toks, k)
    if found is None:
        return None
    what, last = found
    cue = (toks[k].start, toks[last].end)
    if what == "phrase":
        np = np_right(toks, last + 1, hi)
        if np is None and last + 2 < hi and toks[last + 1].low in lex.determiners:
            t = toks[last + 2]  # "in the words of the patient"
            if t.word and not t.cap and t.low not in lex.stop_capitals and t.low not in lex.verbs:
                np = NP(last + 1, last + 2, "group" if t.low.endswith("s") else "title_name")
        return _attr(toks, cue, np)
    if what == "putit":
        return _attr(toks, cue, np_left(toks, k - 1, lo, appositive=False))
    verb = toks[k].low
    if lex.verbs[verb] in lex.adjacent_only_verbs and not _introduces_quote(toks, k, hi):
        return None  # "Fighting continued overnight": only "he continued: ..." is a cue
    document_only = lex.verbs[verb] in lex.document_only_verbs
    participle = verb.endswith("ing")
    np = np_left(toks, k - 1, lo, appositive=not participle, loose=True)
    if np and verb == lex.verbs[verb] and not _base_form_agrees(toks, np, k):
        return None
    if np:
        return None if document_only and np.kind != "document" else _attr(toks, cue, np)
    if document_only:
        return None
    prev = toks[k - 1] if k > lo else None
    coordinated = prev is not None and prev.low in _COORDINATORS
    borrows_subject = coordinated or (participle and (prev is None or prev.text == ","))
    if borrows_subject and callable(subject):
        subject = subject()
    if borrows_subject and subject is not None:
        return Attribution(
            cue, subject[0], subject[1]
        )  # "..., saying", "and said": the sentence subject
    if lex.verbs[verb] in lex.addressee_verbs:
        return None  # "told CBS News": the hearer, not the speaker
    np = np_right(toks, k + 1, hi)
    if np and (np.last + 1 >= hi or not toks[np.last + 1].word):
        return _attr(toks, cue, np)
    return None


def _introduces_quote(toks: Sequence[Tok], k: int, hi: int) -> bool:
    """Nothing but punctuation or ``that`` follows the verb at k (``he added that``)."""
    rest = [t for t in toks[k + 1 : hi] if t.word]
    return not rest or rest[0].low == "that"


def _base_form_agrees(toks: Sequence[Tok], np: NP, k: int) -> bool:
    """A bare base form (``say``, ``claim``) is a verb after a plural subject or an auxiliary."""
    if any(toks[j].low in _AUXILIARIES for j in range(np.last + 1, k)):
        return True
    if np.kind == "pronoun":
        return toks[np.first].low in _PLAIN_PLURAL_PRONOUNS
    return np.kind == "group" or (np.kind != "name" and toks[np.last].low.endswith("s"))


def sentence_subject(toks: Sequence[Tok]) -> Subject:
    """Subject at the start of a sentence (for ``..., saying``), skipping an opening adverbial."""
    np = np_right(toks, 0, len(toks))
    for k in range(min(len(toks), 30)):
        if np is not None:
            break
        if toks[k].text == ",":
            np = np_right(toks, k + 1, len(toks))
    return (np_span(toks, np), np.kind) if np else None


def search_cues(toks: Sequence[Tok], subject: Subject, reverse: bool) -> Attribution | None:
    hi = len(toks)
    for k in range(hi - 1, -1, -1) if reverse else range(hi):
        a = attribution_at(toks, k, 0, hi, subject)
        if a:
            return a
    return None


def _skip_parenthesis(toks: Sequence[Tok], q: int) -> int:
    """Index after a ``(D-Wis.)`` parenthesis starting at q (or q)."""
    if q < len(toks) and toks[q].text == "(":
        for k in range(q + 1, min(len(toks), q + 12)):
            if toks[k].text == ")":
                return k + 1
    return q


def immediate_after(toks: Sequence[Tok], dash_ok: bool, short: bool = False) -> Attribution | None:
    """Attribution clause right after a quote.

    ``", he said"``, ``", said Smith"``, ``" Smith, a spokesman, said"``, ``" ― Name"``.
    """
    lex = lexicon()
    hi = len(toks)
    p = 0
    while (
        p < hi and p < 2 and toks[p].text in ",:(" or (p < hi and p < 2 and toks[p].text in _DASHES)
    ):
        p += 1
    if p >= hi or not toks[p].word:
        return None
    found = _cue_at(toks, p)
    if found and not (found[0] == "verb" and lex.verbs[toks[p].low] in lex.addressee_verbs):
        last = found[1]
        a = _attr(toks, (toks[p].start, toks[last].end), np_right(toks, last + 1, hi))
        if a:
            return a
    np = np_right(toks, p, hi)
    if not np:
        return None
    named = _appositive_name(toks, p, hi)
    if named:
        return named
    q = _skip_parenthesis(toks, np.last + 1)
    dashed = dash_ok and p > 0 and toks[p - 1].text in _DASHES
    if dashed and np.kind in ("name", "title_name") and (q >= hi or toks[q].text in ".,;"):
        return Attribution((toks[p - 1].start, toks[p - 1].end), np_span(toks, np), np.kind)
    if q < hi and toks[q].text == ",":
        # "Smith, a research analyst at the Council on Energy, Environment and Water, said"
        for k in range(q + 1, min(hi, q + MAX_APPOSITIVE_TOKENS)):
            if toks[k].text in ".;:!?":
                return None
            if toks[k].text == ",":
                v = k + 1
                while v < hi and toks[v].word and toks[v].low in lex.adverbs:
                    v += 1
                if v < hi and _cue_at(toks, v):
                    q = k + 1
                    break
        else:
            return None
    while q < hi and toks[q].word and toks[q].low in lex.adverbs:
        q += 1
    found = _cue_at(toks, q) if q < hi else None
    if found and found[0] == "verb":
        if lex.verbs[toks[q].low] in lex.document_only_verbs and np.kind != "document":
            return None
        if toks[q].low == lex.verbs[toks[q].low] and not _base_form_agrees(toks, np, q):
            return None
        if short and sum(1 for t in toks[q + 1 :] if t.word) > _SHORT_CLAUSE_TOKENS:
            return None
        return Attribution((toks[q].start, toks[q].end), np_span(toks, np), np.kind)
    return None


def _appositive_name(toks: Sequence[Tok], p: int, hi: int) -> Attribution | None:
    """``Sweden's deputy director of public prosecutions, Eva-Marie Persson, said``."""
    lex = lexicon()
    for k in range(p + 1, min(hi, p + MAX_NP_TOKENS)):
        if not toks[k].word and toks[k].text != ",":
            return None
        if toks[k].text != ",":
            continue
        np = np_right(toks, k + 1, hi)
        if np is None or np.kind != "name" or np.last + 2 >= hi or toks[np.last + 1].text != ",":
            return None
        v = np.last + 2
        while v < hi and toks[v].word and toks[v].low in lex.adverbs:
            v += 1
        found = _cue_at(toks, v) if v < hi else None
        if found and found[0] == "verb" and lex.verbs[toks[v].low] not in lex.addressee_verbs:
            return Attribution((toks[v].start, toks[v].end), np_span(toks, np), np.kind)
        return None
    return None


def colon_speaker(toks: Sequence[Tok]) -> Attribution | None:
    """``Smith: "..."`` (a name right before a colon that opens the quote)."""
    if len(toks) < 2 or toks[-1].text != ":":
        return None
    np = np_core_left(toks, len(toks) - 2, 0)
    if (
        np
        and np.kind in ("name", "title_name")
        and any(t.cap for t in toks[np.first : np.last + 1])
    ) and (np.first == 0 or not toks[np.first - 1].word):
        return Attribution((toks[-1].start, toks[-1].end), np_span(toks, np), np.kind)
    return None


def subject_person(subject: Subject, text: str, before: Sequence[Tok]) -> Attribution | None:
    """``Grisham has given "plenty of ..."``: a partial quotation with no cue belongs to the
    sentence subject when that subject is a person (a name, a titled name, he/she/they)."""
    if subject is None or not before:
        return None
    (s, e), kind = subject
    words = text[s:e].split()
    if kind == "pronoun":
        ok = words[0].lower() in PERSON_PRONOUNS
    else:
        head = without_possessive(words[-1].lower().rstrip(".,"))
        ok = (
            kind in ("name", "title_name") and words[-1][:1].isupper() and not is_lexicon_word(head)
        )
    if not ok:
        return None
    last = before[-1]
    return Attribution((last.start, last.end), (s, e), kind)


def named_before(before: Sequence[Tok]) -> Attribution | None:
    """``which made Vaughan believe that he and Herbert were "basically seeing ..."``: the
    nearest person named earlier in the sentence owns a partial quotation."""
    lex = lexicon()
    for k in range(len(before) - 1, 0, -1):
        t = before[k]
        if (
            not (t.word and t.cap)
            or is_lexicon_word(without_possessive(t.low))
            or t.low in lex.determiners
        ):
            continue
        np = np_core_left(before, k, 0)
        if np and np.kind == "name":
            last = before[-1]
            return Attribution((last.start, last.end), np_span(before, np), np.kind)
    return None


def framing_speaker(before: Sequence[Tok], subject: Subject) -> Attribution | None:
    """``Reid has gone after Trump as a "..."``, ``Obama is rolling out a message: "..."``.

    With no cue verb, a quote introduced by a colon or by ``as (a|an|the)`` frames the words as
    the sentence subject's.
    """
    if subject is None or subject[1] not in _FRAMING_KINDS or not before:
        return None
    last = before[-1]
    if last.text == ":":
        return Attribution((last.start, last.end), subject[0], subject[1])
    k = len(before) - 1
    if last.low in ("a", "an", "the") and k > 0:
        k -= 1
    if before[k].low == "as" and k > 0:
        return Attribution((before[k].start, before[k].end), subject[0], subject[1])
    return None
