"""Noun phrases: the speaker phrases a cue points to, read from the grammar's tokens.

Noun phrases are read leftwards from a verb (``Mr. Yetkın argues``, ``Smith, a spokesman,
said``, ``Roe on Tuesday said``, ``Roe and Fox said``) or rightwards after it (``said the
ministry``, ``said 43-year-old Jane Roe``), and classed by their head word: name, title_name,
pronoun, organisation, document, group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from newslint.analysis.quotes.lexicon import lexicon
from newslint.analysis.quotes.tokens import Tok

PREPOSITIONS = frozenset({"of", "for", "to", "at", "with", "from"})
RELATIVES = frozenset({"who", "which", "that"})
MAX_NP_TOKENS = 10
MAX_APPOSITIVE_TOKENS = 30
_MAX_ADVERBIAL_TOKENS = 7
_AGE_RE = re.compile(r"\d+-(?:years?|months?)-old")
_NAME_KINDS = frozenset({"name", "title_name"})
_PLACE_PREPOSITIONS = frozenset({"at", "in", "from"})
_DASH_MARKS = frozenset({"—", "–", "--"})
_APPOSITION_MARKS = frozenset({","}) | _DASH_MARKS
PARTY_TAG_RE = re.compile(r"[DRIL]-[A-Z][A-Za-z.]*")


def without_possessive(low: str) -> str:
    for suffix in ("’s", "'s"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


def is_possessive(tok: Tok) -> bool:
    return tok.low.endswith(("’s", "'s")) and len(tok.low) > 2


def np_kind(toks: Sequence[Tok]) -> str:
    """Classify a noun phrase by its words."""
    lex = lexicon()
    head = toks[-1]
    if len(toks) > 1 and head.low in lex.particles:  # "Gregory III", "Martin Luther King Jr."
        head = toks[-2]
    hl = head.low
    if hl in lex.pronouns and len(toks) == 1:
        return "pronoun"
    if hl in lex.groups:
        return "group"
    if hl in lex.documents:
        return "document"
    if hl in lex.organisations and head.cap and _given_name_before(toks, head):
        return "name"  # "Sam Fox", "Ann Post": a first name, then a surname that is also a word
    if hl in lex.organisations or (
        head.text.isupper() and len(head.text) > 1 and head.text.isalpha()
    ):
        return "organisation"
    names = [
        t for t in toks if t.cap and not is_lexicon_word(t.low) and t.low not in lex.determiners
    ]
    titled = any(t.low in lex.titles for t in toks)
    if names:
        return "title_name" if titled else "name"
    return "title_name"


def _given_name_before(toks: Sequence[Tok], head: Tok) -> bool:
    """A capitalised word that no list knows right before the head, and no determiner."""
    lex = lexicon()
    i = next(n for n, t in enumerate(toks) if t is head)
    if i == 0 or any(t.low in lex.determiners for t in toks[:i]):
        return False
    before = toks[i - 1]
    return (
        before.cap
        and not is_lexicon_word(before.low)
        and before.low not in lex.particles
        and not is_possessive(before)
        and before.text.isalpha()
        and not before.text.isupper()
    )


def is_inflected_word(low: str) -> bool:
    """``prices``, ``strikes``, ``rose``: an inflected form of an English word (spaCy's lemma
    table lists only inflected forms), so a capital at a sentence start does not make it a
    name; ``Roe``, ``Smith``, ``Fox`` are not in it."""
    from newslint.analysis.nlp import lemma_table

    try:
        lemma = lemma_table().get(low)
    except Exception:  # pragma: no cover - without spacy-lookups-data
        return False
    return lemma is not None and lemma != low


def is_lexicon_word(low: str) -> bool:
    lex = lexicon()
    return (
        low in lex.titles
        or low in lex.organisations
        or low in lex.documents
        or low in lex.groups
        or low in lex.honorifics
        or low in lex.stop_capitals
    )


def head_class(tok: Tok) -> str | None:
    lex = lexicon()
    low = tok.low
    if not tok.word:
        return None
    if low in lex.groups or low in lex.documents or low in lex.organisations or low in lex.titles:
        return "noun"
    if tok.cap and low not in lex.stop_capitals and low not in lex.determiners:
        return "name"
    return None


class NP(NamedTuple):
    first: int
    last: int
    kind: str


def np_left(
    toks: Sequence[Tok], i: int, lo: int, appositive: bool = True, loose: bool = False
) -> NP | None:
    """Noun phrase ending at token ``i`` (after skipping adverbs); ``Smith, who ..., said`` too.

    ``loose`` also accepts an unknown lower-case noun right after a determiner (``the announcer``).
    """
    lex = lexicon()
    while (
        i >= lo
        and toks[i].word
        and (toks[i].low in lex.adverbs or (toks[i].low.endswith("ly") and not toks[i].cap))
    ):
        i -= 1
    i = _skip_adverbial(toks, i, lo)
    if i >= lo and toks[i].text == ")":
        for k in range(i - 1, max(lo, i - 12) - 1, -1):
            if toks[k].text == "(":
                i = k - 1
                break
    if i < lo:
        return None
    t = toks[i]
    if t.word and t.low in lex.pronouns:
        return NP(i, i, "pronoun")
    if t.word and t.low in RELATIVES:
        # "the department which reported", "a letter from his doctor Friday that says"
        for j in range(i - 1, max(lo, i - 6) - 1, -1):
            if not toks[j].word and toks[j].text != ",":
                break
            np = np_core_left(toks, j, lo) or _loose_np(toks, j, lo)
            if np and np.kind != "pronoun":
                if (
                    t.low == "who"
                    and np.first - 1 >= lo
                    and toks[np.first - 1].low in _PLACE_PREPOSITIONS
                ):
                    return None  # "a professor at Swarthmore who called": not Swarthmore
                return np
        return None
    if t.text in _APPOSITION_MARKS and appositive:
        # "Smith, a spokesman, said", "Chris Gowen — a former aide — told"
        close = "," if t.text == "," else _DASH_MARKS
        for k in range(i - 1, max(lo, i - MAX_APPOSITIVE_TOKENS) - 1, -1):
            if toks[k].text in close:
                np = np_core_left(toks, k - 1, lo)
                if np and np.kind != "pronoun" and k - 1 == np.last:
                    return np
                # "Another co-author, engineering professor Julian Marshall, said"
                inner = np_core_left(toks, i - 1, k + 1)
                if inner and inner.kind in _NAME_KINDS and toks[i - 1].cap:
                    return inner
                return None
            if toks[k].text in ".;:!?":
                return None
        return None
    if not t.word and t.text[:1].isdigit() and i - 1 >= lo and toks[i - 1].cap:
        # "Article 23 states", "Ezekiel 16:49 declares": a numbered passage of a text
        head = np_core_left(toks, i - 1, lo)
        if head is not None and head.kind != "pronoun":
            return NP(head.first, i, "document")
    np = np_core_left(toks, i, lo)
    if (
        np is not None
        and (np.kind in _NAME_KINDS or (np.first == np.last and toks[np.first].cap))
        and np.first - 2 >= lo
        and toks[np.first - 1].low == "and"
    ):  # "Roe and Fox said"
        other = np_core_left(toks, np.first - 2, lo)
        if other is not None and other.kind in _NAME_KINDS and other.last == np.first - 2:
            return NP(other.first, np.last, other.kind)
    if np is None and loose:
        return _loose_np(toks, i, lo)
    return np


def _loose_np(toks: Sequence[Tok], i: int, lo: int) -> NP | None:
    """``the announcer``, ``the interview participant``, ``a community culture``: a determiner,
    at most two lower-case modifiers and an unknown lower-case noun."""
    lex = lexicon()
    t = toks[i]
    if not (t.word and not t.cap) or (
        t.low in lex.stop_capitals or t.low in lex.verbs or t.low in lex.determiners
    ):
        return None
    for j in range(i - 1, max(lo, i - 3) - 1, -1):
        w = toks[j]
        if w.low in lex.determiners:
            return NP(j, i, "group" if t.low.endswith("s") else "title_name")
        if not w.word or w.cap or w.low in lex.stop_capitals or w.low in lex.verbs:
            return None
    return None


def np_core_left(toks: Sequence[Tok], i: int, lo: int) -> NP | None:
    lex = lexicon()
    if i < lo or not toks[i].word:
        return None
    t = toks[i]
    if t.low in lex.pronouns:
        return NP(i, i, "pronoun")
    if head_class(t) is None:
        return None
    first = i
    tentative = i
    k = i - 1
    while k >= lo and i - k < MAX_NP_TOKENS:
        t = toks[k]
        if not t.word:
            break
        if t.low in lex.determiners:
            first = k
            break
        if is_possessive(t) and t.cap:
            first = tentative = k
            k -= 1
            continue
        if (
            t.cap
            and t.low not in lex.stop_capitals
            or t.low in lex.titles
            or t.low in lex.particles
            or t.low in lex.organisations
            or t.low in lex.honorifics
        ):
            first = tentative = k
        elif (
            not t.cap
            and t.low not in lex.stop_capitals
            and i - k <= 3
            and head_class(toks[i]) == "noun"
        ):
            tentative = k  # lower-case modifier: kept only if a determiner follows
            k -= 1
            continue
        else:
            break
        k -= 1
    else:
        k = lo - 1
    if k >= lo and toks[k].low in lex.determiners and first == k:
        pass
    elif first != tentative and first < tentative:
        first = tentative
    if first > tentative:
        first = first if toks[first].low in lex.determiners else tentative
    # "a senior adviser to Erdogan": extend over a preposition to a person/organisation noun
    if first - 2 >= lo and toks[first - 1].low in PREPOSITIONS and toks[first - 2].word:
        outer = np_core_left(toks, first - 2, lo)
        if outer and outer.kind != "pronoun" and head_class(toks[first - 2]) == "noun":
            person = toks[i].cap and not is_lexicon_word(toks[i].low) and first < i
            kind = "title_name" if outer.kind in ("title_name", "name") or person else outer.kind
            return NP(outer.first, i, kind)  # "Center for Biological Diversity scientist X"
        if outer and toks[first - 1].low == "of" and toks[first - 2].cap and toks[first].cap:
            # "the Synod of Sutri", "the Bank of England": one name; "the Duke of York": a title
            titled = toks[first - 2].low in lex.titles
            return NP(outer.first, i, "title_name" if titled else "organisation")
    if first == i and toks[i].cap and toks[i].low in lex.inflected:
        return None  # "Speaking ...", "Fighting ...": a capitalised participle, not a name
    return NP(first, i, np_kind(toks[first : i + 1]))


def np_right(toks: Sequence[Tok], i: int, hi: int, extend: bool = True) -> NP | None:
    """Noun phrase starting at token ``i`` (``said the ministry``, ``argues Mr. Yetkın``,
    ``said Roe and Fox``, ``a spokeswoman for the museum``)."""
    np = _np_right(toks, i, hi, extend)
    if (
        np is not None
        and np.kind in _NAME_KINDS
        and np.last + 2 < hi
        and toks[np.last + 1].low == "and"
        and toks[np.last + 2].cap
    ):
        other = _np_right(toks, np.last + 2, hi, False)
        if other is not None and (other.kind in _NAME_KINDS or other.first == other.last):
            return NP(np.first, other.last, np.kind)  # "Roe and Fox" ("Fox" alone: a network)
    return np


def _np_right(
    toks: Sequence[Tok], i: int, hi: int, extend: bool = True, loose: bool = False
) -> NP | None:
    lex = lexicon()
    if i + 1 < hi and _AGE_RE.fullmatch(toks[i].low):
        i += 1  # "wrote 43-year-old Martin Taylor"
    if (
        i + 1 < hi
        and toks[i].cap
        and toks[i].low in lexicon().documents
        and toks[i + 1].text[:1].isdigit()
    ):
        return NP(i, i + 1, "document")  # "Article 2 sets ...", "Section 4 defines ..."
    if i >= hi or not toks[i].word or PARTY_TAG_RE.fullmatch(toks[i].text):
        return None
    if toks[i].low in lex.pronouns:
        return NP(i, i, "pronoun")
    k = i
    seen_det = False
    last: int | None = None
    if toks[k].low in lex.determiners or (is_possessive(toks[k]) and toks[k].cap):
        seen_det = True
        k += 1
    while k < hi and k - i < MAX_NP_TOKENS:
        t = toks[k]
        if not t.word:
            break
        if is_possessive(t) and t.cap:
            k += 1
            continue
        if (
            t.cap
            and t.low not in lex.stop_capitals
            and t.low not in lex.determiners
            or t.low in lex.titles
            or t.low in lex.organisations
            or t.low in lex.groups
            or t.low in lex.documents
        ):
            last = k
        elif (
            t.low in lex.particles
            and last is not None
            or t.low in lex.honorifics
            or not t.cap
            and seen_det
            and last is None
            and k - i < 4
            and t.low not in lex.stop_capitals
        ):
            pass
        else:
            break
        k += 1
    if last is None and loose and seen_det and k - 1 > i:
        t = toks[k - 1]  # "for the museum": an unknown noun after a determiner
        if t.word and not t.cap and t.low not in lex.verbs and t.low not in lex.stop_capitals:
            return NP(i, k - 1, "group" if t.low.endswith("s") else "title_name")
    if last is None:
        return None
    if (
        extend
        and last + 2 < hi
        and toks[last + 1].low in PREPOSITIONS
        and head_class(toks[last]) == "noun"
        and not toks[last].cap
    ):
        tail = _np_right(toks, last + 2, hi, extend=False, loose=True)
        if tail and tail.kind != "pronoun":
            kind = np_kind(toks[i : last + 1])
            return NP(i, tail.last, "title_name" if kind == "name" else kind)
    if i == last and toks[i].cap and toks[i].low in lex.inflected:
        return None
    return NP(i, last, np_kind(toks[i : last + 1]))


def np_span(toks: Sequence[Tok], np: NP) -> tuple[int, int]:
    """Character span of a noun phrase."""
    return toks[np.first].start, toks[np.last].end


def source_is_named(speaker_text: str, kind: str | None) -> bool:
    """A speaker that names its source: a person's name (its head word is capitalised and not a
    title) or a named institution, rather than ``officials`` or ``a senior adviser to Erdogan``."""
    if kind == "organisation":
        return any(ch.isupper() for ch in speaker_text)
    if kind not in _NAME_KINDS:
        return False
    words = [w.strip(".,;:()") for w in speaker_text.split()]
    words = [w for w in words if w[:1].isalpha()]
    cut = next((i for i, w in enumerate(words) if w.lower() in PREPOSITIONS), len(words))
    words = words[:cut]  # "a senior adviser to Erdogan": the head is "adviser"
    lex = lexicon()
    while len(words) > 1 and words[-1].lower() in lex.particles:
        words.pop()
    if not words:
        return False
    head = words[-1]
    return head[0].isupper() and not is_lexicon_word(without_possessive(head.lower()))


def _skip_adverbial(toks: Sequence[Tok], i: int, lo: int) -> int:
    """Index before a time or occasion phrase that ends at ``i`` (``Roe on Tuesday said``,
    ``Roe in a statement said``, ``Roe late Friday said``), or ``i`` when there is none."""
    lex = lexicon()
    if i < lo:
        return i
    last = toks[i]
    if not (last.low in lex.adverbial_nouns or last.text[:1].isdigit()):
        return i
    for j in range(i, max(lo - 1, i - _MAX_ADVERBIAL_TOKENS), -1):
        t = toks[j]
        if t.low in lex.time_prepositions and j < i and j > lo:
            k = j - 1
            while k >= lo and toks[k].word and toks[k].low in lex.adverbs:
                k -= 1
            head = toks[k] if k >= lo else None
            named = head is not None and head.word and head_class(head) is not None
            return k if named or (head is not None and head.low in lex.pronouns) else i
        ok = (
            t.low in lex.adverbial_nouns
            or t.low in lex.determiners
            or t.text[:1].isdigit()
            or t.text == ","
            or (t.word and not t.cap and t.low not in lex.verbs)
        )
        if not ok:
            return i
    return i
