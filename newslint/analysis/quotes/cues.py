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
    PARTY_TAG_RE,
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
_FRAMING_KINDS = frozenset({"name", "title_name", "pronoun", "organisation", "group", "document"})


class Attribution(NamedTuple):
    """A cue (character span), its speaker (character span) and the speaker's kind."""

    cue: tuple[int, int]
    speaker: tuple[int, int]
    kind: str


Subject = tuple[tuple[int, int], str] | None
_DASHES = frozenset("—―–-")
_COORDINATORS = frozenset(
    {"and", "but", "before", "after", "while", "when", "by", "then", "also", "as"}
)
#: verbs whose past tense is their base form ("the mayor hit back", "as Roe put it")
_PAST_IS_BASE = frozenset({"hit", "put", "read", "cut", "set", "forecast", "broadcast", "upset"})
_DEMONSTRATIVES = frozenset({"this", "that", "it", "which"})
_SAYS = frozenset({"say", "read", "state", "suggest", "mean", "note"})
_NOT_VERBS = frozenset(
    {"of", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "but", "as"}
    | {"than", "who", "which", "that", "about", "into", "over", "under", "after", "before"}
)
_BE_QUOTATIVE = frozenset({"was", "were", "is", "are", "am", "'m", "’m", "'re", "’re"})
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being", "am", "get", "got", "gets"})


def cue_at(toks: Sequence[Tok], k: int) -> tuple[str, int] | None:
    """('verb'|'phrase', index of its last token) when a cue starts at token k.

    A verb listed with particles (``point out``, ``put it``) takes them into the cue; a verb
    listed only with particles is no cue without them (``pointed`` alone is not).
    """
    lex = lexicon()
    t = toks[k]
    if not t.word:
        return None
    for phrase in lex.phrases_by_first.get(t.low, ()):
        n = len(phrase)
        if n == 1 and t.cap:
            continue  # "Per Lundberg": a first name, not "per"
        if k + n <= len(toks) and all(toks[k + j].low == phrase[j] for j in range(n)):
            return ("phrase", k + n - 1)
    base = lex.verbs.get(t.low)
    if base is None:
        return None
    last = k
    for particles in lex.verb_particles.get(base, ()):
        n = len(particles)
        if k + n < len(toks) and all(toks[k + 1 + j].low == particles[j] for j in range(n)):
            last = k + n
            break
    if last == k and base in lex.particle_only:
        return None
    if t.cap and (k > 0 and toks[k - 1].text not in ".:;" or t.low == base):
        return None  # "Said Ellis:" opens a sentence; other capitalised words are not cues
    if k > 0 and (toks[k - 1].low in _NOUN_DETERMINERS or is_possessive(toks[k - 1])):
        # "a letter that says", "This says": an inflected verb after "that"/"this"
        relative = toks[k - 1].low in ("that", "this") and t.low != base
        return ("verb", last) if relative else None  # "the report", "Smith's claim": a noun
    return ("verb", last)


def _attr(toks: Sequence[Tok], cue: tuple[int, int], np: NP | None) -> Attribution | None:
    return Attribution(cue, np_span(toks, np), np.kind) if np else None


def is_passive(toks: Sequence[Tok], k: int, lo: int) -> bool:
    """``was told``, ``were asked``: a participle after a form of *be*; its subject is the
    hearer, not the speaker."""
    lex = lexicon()
    verb = toks[k].low
    if verb.endswith("ing") or verb == lex.verbs.get(verb):
        return False
    j = k - 1
    while j >= lo and toks[j].word and toks[j].low in lex.adverbs:
        if toks[j].low in _BE:
            return True
        j -= 1
    return False


def attribution_at(
    toks: Sequence[Tok], k: int, lo: int, hi: int, subject: Subject | Callable[[], Subject]
) -> Attribution | None:
    """Speaker for the cue starting at token k, or None (``subject`` may be a function that
    finds the sentence subject, called only if the cue needs it)."""
    lex = lexicon()
    found = cue_at(toks, k)
    if found is None:
        if (
            toks[k].low == "like"
            and k - 1 > lo
            and toks[k - 1].low in _BE_QUOTATIVE
            and (k + 1 >= hi or toks[k + 1].text in ",:")
        ):  # "I was like, "Well, ..."": the quotative "be like"
            return _attr(toks, (toks[k - 1].start, toks[k].end), np_left(toks, k - 2, lo))
        return None
    what, last = found
    cue = (toks[k].start, toks[last].end)
    if what == "phrase":
        np = np_right(toks, last + 1, hi)
        if np is None and last + 2 < hi and toks[last + 1].low in lex.determiners:
            t = toks[last + 2]  # "in the words of the patient"
            if t.word and not t.cap and t.low not in lex.stop_capitals and t.low not in lex.verbs:
                np = NP(last + 1, last + 2, "group" if t.low.endswith("s") else "title_name")
        return _attr(toks, cue, prefer_name(toks, np, hi) if np else None)
    verb = toks[k].low
    base = lex.verbs[verb]
    if base == "put":  # "as Mr. Roe put it"
        return _attr(toks, cue, np_left(toks, k - 1, lo, appositive=False))
    if is_passive(toks, k, lo):
        return None  # "she was told", "voters were asked": the hearer
    document_only = base in lex.document_only_verbs
    participle = verb.endswith("ing")
    np = np_left(toks, k - 1, lo, appositive=not participle, loose=True)
    if (
        np is None
        and k - 1 >= lo
        and toks[k - 1].low in _DEMONSTRATIVES
        and base in _SAYS
        and (k - 1 == lo or not toks[k - 2].word or toks[k - 2].low in _COORDINATORS)
    ):
        np = NP(k - 1, k - 1, "document")  # "This says ...", "That reads ..."
    set_off = np is not None and np.first > lo and toks[np.first - 1].text == ","
    if (
        base in lex.adjacent_only_verbs
        and not _introduces_quote(toks, last, hi)
        and not (set_off and last + 1 >= hi - 1)
    ):
        # "Fighting continued overnight": only "he continued: ..." is a cue, or a clause set
        # off at the end of a sentence of reported speech (", he added.")
        return None
    if np and verb == base not in _PAST_IS_BASE and not _base_form_agrees(toks, np, k):
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
    if borrows_subject and participle and k > lo:
        named = _clause_subject_before(toks, lo, k)  # "In the filing Ford made this point, writing"
        if named is not None:
            return Attribution(cue, np_span(toks, named), named.kind)
    if base in lex.addressee_verbs or base in lex.left_subject_verbs:
        return None  # "told CBS News": the hearer, not the speaker; "sing Kumbaya": the song
    np = np_right(toks, last + 1, hi)
    if np:
        np = prefer_name(toks, np, hi)
        end = _skip_parenthesis(toks, np.last + 1)
        if end >= hi or not toks[end].word:
            return _attr(toks, cue, np)
    return _attr(toks, cue, described_name(toks, last + 1, hi))


def described_name(toks: Sequence[Tok], i: int, hi: int) -> NP | None:
    """``Center for Biological Diversity scientist Tierra Curry,``: a description that ends in
    a name, up to a comma or the end (the whole phrase is the speaker)."""
    lex = lexicon()
    k = i
    while k < hi and k - i < MAX_APPOSITIVE_TOKENS and toks[k].text not in ",.;:!?()":
        if toks[k].low in lex.verbs and not toks[k].cap:
            return None  # a clause, not a description
        k += 1
    if k == i or (k < hi and toks[k].text not in ",.;:"):
        return None
    name = np_core_left(toks, k - 1, i)
    if name is None or name.kind not in ("name", "title_name") or not toks[k - 1].cap:
        return None
    if is_lexicon_word(toks[k - 1].low) or name.first == i:
        return name if name.first == i else None
    return NP(i, k - 1, "title_name")


def prefer_name(toks: Sequence[Tok], np: NP, hi: int) -> NP:
    """``said the council president, Maria Lopez``: a name in apposition after a description
    is the speaker."""
    if np.kind == "name" or np.last + 2 >= hi or toks[np.last + 1].text != ",":
        return np
    named = np_right(toks, np.last + 2, hi, extend=False)
    if named is None or named.kind not in ("name", "title_name"):
        return np
    if not any(t.cap for t in toks[named.first : named.last + 1]):
        return np
    after = named.last + 1
    if after < hi and toks[after].word:
        return np  # "the ministry, Smith said": a new clause, not an apposition
    if any(t.cap and t.low not in lexicon().titles for t in toks[np.first : np.last + 1]):
        return np  # the description already names someone
    return named


def _clause_subject_before(toks: Sequence[Tok], lo: int, k: int) -> NP | None:
    """The nearest name before token k that opens a clause (a verb-like lower-case word follows
    it): ``In the filing Ford also made this point, writing``; not ``at Gophercon 2017,
    asking``."""
    lex = lexicon()
    for j in range(k - 1, lo - 1, -1):
        t = toks[j]
        if t.low in PERSON_PRONOUNS and t.low != "they":
            np: NP | None = NP(j, j, "pronoun")  # "something that we dealt with by saying"
        elif not (t.word and t.cap) or is_lexicon_word(without_possessive(t.low)):
            continue
        else:
            np = np_core_left(toks, j, lo)
        if np is None or np.kind not in ("name", "title_name", "pronoun"):
            continue
        n = np.last + 1
        while n < k and toks[n].word and toks[n].low in lex.adverbs:
            n += 1
        after = toks[n] if n < k else None
        if (
            after is not None
            and after.word
            and not after.cap
            and after.low not in lex.determiners
            and after.low not in _NOT_VERBS
        ):
            return np
    return None


def _introduces_quote(toks: Sequence[Tok], k: int, hi: int) -> bool:
    """The verb ending at k opens a quotation: ``he added:``, ``he added that``, ``he went on,
    "..."``. (``", he added."`` right after a quotation is read by :func:`immediate_after`.)
    ``The strikes went on.`` ends a sentence of its own."""
    rest = toks[k + 1 : hi]
    words = [t for t in rest if t.word]
    if words and rest[0].text == "," and rest[-1].text in ",:":
        return True  # "he added, more bluntly than before, "...""
    if words:
        return words[0].low == "that"
    return not rest or rest[-1].text in ":,"


def is_party_tag(tok: Tok) -> bool:
    """``D-Conn.``, ``R-Texas``, ``I-Vt``: a party and state tag, not a name."""
    return PARTY_TAG_RE.fullmatch(tok.text) is not None


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


def _skip_adverbial_right(toks: Sequence[Tok], q: int, hi: int) -> int:
    """Index after a time or occasion phrase starting at q (``Roe on Tuesday said``,
    ``Roe in a statement said``), or q when there is none."""
    lex = lexicon()
    if q >= hi or toks[q].low not in lex.time_prepositions:
        return q
    for j in range(q + 1, min(hi, q + 8)):
        t = toks[j]
        if t.low in lex.verbs and cue_at(toks, j):
            last = toks[j - 1]
            ended = last.low in lex.adverbial_nouns or last.text[:1].isdigit()
            return j if ended and j > q + 1 else q
        if not (
            t.low in lex.adverbial_nouns
            or t.low in lex.determiners
            or t.text[:1].isdigit()
            or (t.word and not t.cap)
        ):
            return q
    return q


def immediate_after(toks: Sequence[Tok], dash_ok: bool, short: bool = False) -> Attribution | None:
    """Attribution clause right after a quote.

    ``", he said"``, ``", said Smith"``, ``" Smith, a spokesman, said"``, ``" Smith on Tuesday
    said"``, ``" ― Name"``.
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
    found = cue_at(toks, p)
    if found and not (found[0] == "verb" and lex.verbs[toks[p].low] in lex.addressee_verbs):
        last = found[1]
        np = np_right(toks, last + 1, hi)
        a = _attr(toks, (toks[p].start, toks[last].end), prefer_name(toks, np, hi) if np else None)
        if a:
            return a
    cited = _parenthetical_source(toks)
    if cited:
        return cited
    named = _appositive_name(toks, p, hi)
    if named:
        return named
    np = np_right(toks, p, hi)
    if not np:
        return None
    q = _skip_parenthesis(toks, np.last + 1)
    dashed = dash_ok and p > 0 and toks[p - 1].text in _DASHES
    if dashed and np.kind in ("name", "title_name") and (q >= hi or toks[q].text in ".,;"):
        return Attribution((toks[p - 1].start, toks[p - 1].end), np_span(toks, np), np.kind)
    if dashed and p == 1:
        described = dash_description(toks, p, hi)
        if described is not None:  # '"..." —Go developer with 2–4 years of experience.'
            return Attribution((toks[0].start, toks[0].end), np_span(toks, described), "title_name")
    if q < hi and toks[q].text == ",":
        # "Smith, a research analyst at the Council on Energy, Environment and Water, said"
        for k in range(q + 1, min(hi, q + MAX_APPOSITIVE_TOKENS)):
            if toks[k].text in ".;:!?":
                return None
            if toks[k].text == ",":
                v = k + 1
                while v < hi and toks[v].word and toks[v].low in lex.adverbs:
                    v += 1
                if v < hi and cue_at(toks, v):
                    q = k + 1
                    break
        else:
            return None
    while q < hi and toks[q].word and toks[q].low in lex.adverbs:
        q += 1
    q = _skip_adverbial_right(toks, q, hi)
    found = cue_at(toks, q) if q < hi else None
    if found and found[0] == "verb":
        base = lex.verbs[toks[q].low]
        if base in lex.document_only_verbs and np.kind != "document":
            return None
        if toks[q].low == base not in _PAST_IS_BASE and not _base_form_agrees(toks, np, q):
            return None
        if is_passive(toks, q, 0):
            return None
        if short and sum(1 for t in toks[found[1] + 1 :] if t.word) > _SHORT_CLAUSE_TOKENS:
            return None
        return Attribution((toks[q].start, toks[found[1]].end), np_span(toks, np), np.kind)
    return None


def _parenthetical_source(toks: Sequence[Tok]) -> Attribution | None:
    """``"Evil men understand not judgment" (Proverbs 28:5)``, ``(Roe, 2019)``: a source cited
    in parentheses right after the quotation."""
    if len(toks) < 3 or toks[0].text != "(":
        return None
    close = next((k for k in range(1, min(len(toks), 10)) if toks[k].text == ")"), None)
    if close is None:
        return None
    np = np_right(toks, 1, close, extend=False)
    if np is None or np.kind not in ("name", "title_name", "document", "organisation"):
        return None
    rest = toks[np.last + 1 : close]
    if any(t.word and not t.cap and t.low not in ("p", "pp", "p.", "pp.", "and") for t in rest):
        return None
    return Attribution((toks[0].start, toks[0].end), np_span(toks, np), np.kind)


def dash_description(toks: Sequence[Tok], p: int, hi: int) -> NP | None:
    """After a dash: a short description of who spoke, up to the end of the sentence (no
    reporting verb, nothing after it but a full stop): ``Go developer with 2 years of
    experience``, ``a nurse in Leeds``."""
    lex = lexicon()
    end = p
    while end < hi and toks[end].text not in ".;!?" and end - p < 14:
        t = toks[end]
        if t.word and not t.cap and t.low in lex.verbs:
            return None
        end += 1
    if end == p or end - p >= 14 or (end < hi and end + 1 < hi):
        return None
    if not any(t.word and (t.cap or t.low in lex.titles) for t in toks[p:end]):
        return None
    return NP(p, end - 1, "title_name")


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
        if np.first == np.last and is_party_tag(toks[np.first]):
            return None  # "Rep. Sam Fox, R-Texas, said": a tag, not an apposition
        v = np.last + 2
        while v < hi and toks[v].word and toks[v].low in lex.adverbs:
            v += 1
        found = cue_at(toks, v) if v < hi else None
        if found and found[0] == "verb" and lex.verbs[toks[v].low] not in lex.addressee_verbs:
            return Attribution((toks[v].start, toks[found[1]].end), np_span(toks, np), np.kind)
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


def framing_speaker(
    before: Sequence[Tok], subject: Subject, opens_sentence: bool = False
) -> Attribution | None:
    """``Reid has gone after Trump as a "..."``, ``Obama is rolling out a message: "..."``,
    ``Graham spoke on Fox News, "This is ..."`` (a whole sentence quoted after a comma).

    With no cue verb, a quote introduced by a colon, by ``as (a|an|the)``, or (when the quote is
    a sentence of its own, ``opens_sentence``) by a comma frames the words as the sentence
    subject's; after a comma only a person's.
    """
    if subject is None or subject[1] not in _FRAMING_KINDS or not before:
        return None
    last = before[-1]
    if last.text == ":":
        return Attribution((last.start, last.end), subject[0], subject[1])
    if last.text == "," and opens_sentence and subject[1] in ("name", "title_name", "pronoun"):
        return Attribution((last.start, last.end), subject[0], subject[1])
    k = len(before) - 1
    if last.low in ("a", "an", "the") and k > 0:
        k -= 1
    if before[k].low == "as" and k > 0:
        return Attribution((before[k].start, before[k].end), subject[0], subject[1])
    return None
