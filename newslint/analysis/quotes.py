"""Quotation analysis: quote spans, nesting, paragraph continuation, cue and speaker.

Works on characters and paragraphs; the sentencizer's boundaries are only hints (spaCy's
sentencizer attaches an opening quote mark to the previous sentence and splits inside quotes),
so they are snapped to quote starts or dropped when they fall inside a quote, before a lower-case
word, or after a dash or comma.

Attribution order for a quote: (1) an attribution clause right after it (``", he said"``,
``", said Smith"``, ``", argues Mr. Yetkın"``, ``", Smith, a spokesman, said"``, ``" ― Name"``);
(2) the nearest cue before it in its sentence (``He added: "``, ``according to X, "``, ``the
statement said only that it would involve "``); (3) a short clause opening the next sentence
(``"...?" Graham asked.``); (4) any cue elsewhere in its sentence; (5) framing without a verb:
``Smith: "``, or the sentence subject for ``...: "`` and ``... as a "``. Failing that, it borrows
the owner (``inherited=True``) when it continues a paragraph-spanning quote, when it sits inside an
attributed quote (nested), or when it opens its sentence and the sentence just before (same
paragraph, or the last sentence of the previous paragraph) carried an attribution: an attributed
quote, or narration such as ``..., according to analyst Nicholas Heras.`` (newspaper convention:
the quote that follows is that person's), or when it sits in the same sentence as an attributed
quote (``"A," comments Smith in a statement, "B."``). A quote opening a sentence right after a
sentence whose subject is a person (``Aderholt returned to the issue. "What ...?"``) is framed by
that person, and a partial quotation woven into a sentence (lower-case, mid-sentence) belongs to
the person who is its subject or is named before it. Quoted terms and titles of works (short
quotes mid-sentence, after a determiner, as a sentence subject, or in title case) are marked
``is_term``. Anything else is an orphan.

``QuoteAnalysis.citations`` lists every reporting clause of the narration, quote or not (``Itani
says he ...``), and ``QuoteAnalysis.stats()`` the counts behind ``--stats``.

Speakers are found without a tagger: capitalisation, the reporting-verb lexicon (base verbs in
``data/quotes_lexicon.json`` inflected through spaCy's lemma lookup table) and word lists of
titles, organisations, documents and groups.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = [
    "Citation",
    "Quote",
    "QuoteAnalysis",
    "analyse_quotes",
    "lexicon_words",
    "reporting_verb_forms",
    "source_is_named",
]

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + '"'
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
SINGLE_MARKS = SINGLE_OPEN + SINGLE_CLOSE + "'"
_OPEN_CONTEXT = "([{—–-/" + DOUBLE_OPEN + SINGLE_OPEN
_CLOSE_CONTEXT = ".,;:!?)]}—–-/…" + DOUBLE_CLOSE + SINGLE_CLOSE

_DOUBLE_RE = re.compile("[" + re.escape(DOUBLE_MARKS) + "]")
_SINGLE_RE = re.compile("[" + re.escape(SINGLE_MARKS) + "]")
_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’\-]*\.?|\d+(?:[.,:]\d+)*\w*|[^\w\s]")
_CONTRACTION_RE = re.compile(r"([^\W\d_]+)(['’](?:s|re|ve|ll|d|m))", re.IGNORECASE)
_WORD_AFTER_RE = re.compile(r"[^\W_]+")
_LETTER_RUN_RE = re.compile(r"[a-z]+")
_YEAR_ELISION_RE = re.compile(r"\d\d(?:s\b|\b)")
_FINAL_PUNCT_RE = re.compile(r"[.?!…](?=[\s\"”’')\]]|$)")
_FALLBACK_SENT_RE = re.compile(r"[.?!…][\"”’')\]]*\s+")
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_NO_SENTENCE_END = frozenset("—―–-,;:")
_PREPS = frozenset({"of", "for", "to", "at", "with", "from"})
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
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_SHORT_CLAUSE_TOKENS = 8
_MAX_WRAPPED_LINES = 10
_FRAMING_KINDS = frozenset({"name", "title_name", "pronoun", "organisation", "group"})
_MAX_TERM_WORDS = 4
_MAX_NP_TERM_WORDS = 8
_TERM_DETERMINERS = frozenset(
    {"the", "a", "an", "these", "those", "this", "its", "their", "our", "your", "my", "his"}
)
_WORD_BEFORE_RE = re.compile(r"(?:^|\W)([^\W\d_]+)[ \t]+$")
_MAX_NP_TOKENS = 10
_MAX_APPOSITIVE_TOKENS = 30


# --------------------------------------------------------------------------- data model


@dataclass(frozen=True)
class Quote:
    """One quotation span (offsets into the analysed text; ``start``/``end`` include marks)."""

    start: int
    end: int
    content_start: int
    content_end: int
    open_mark: str | None
    close_mark: str | None
    depth: int = 0
    continues: bool = False
    continuation_of: int | None = None
    parent: int | None = None
    is_term: bool = False
    cue: tuple[int, int] | None = None
    cue_text: str | None = None
    speaker: tuple[int, int] | None = None
    speaker_text: str | None = None
    speaker_kind: str | None = None
    inherited: bool = False

    @property
    def attributed(self) -> bool:
        """True when the quote has an owner (own cue or inherited)."""
        return self.speaker is not None

    @property
    def is_orphan(self) -> bool:
        """An outer quotation (not a short term) that nobody owns."""
        return self.speaker is None and self.depth == 0 and not self.is_term


@dataclass(frozen=True)
class Citation:
    """A reporting clause in narration, quote or not: ``Itani says``, ``according to X``."""

    cue: tuple[int, int]
    speaker: tuple[int, int]
    speaker_kind: str
    cue_text: str
    speaker_text: str


@dataclass(frozen=True)
class QuoteAnalysis:
    """All quotes of a document in order, plus unbalanced marks.

    ``citations`` (computed on first use) lists every reporting clause in the narration, with or
    without a quotation: what ``quotes.first-reference`` checks.
    """

    quotes: list[Quote]
    unbalanced: list[tuple[int, str]]
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _outer: list[int] = field(default_factory=list, repr=False, compare=False)
    _children: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _text: str = field(default="", repr=False, compare=False)
    _units: list[tuple[int, int]] = field(default_factory=list, repr=False, compare=False)
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def citations(self) -> list[Citation]:
        """Reporting clauses in narration (outside quotes), in text order; computed once."""
        found = self._cache.get("citations")
        if found is None:
            found = self._cache["citations"] = _find_citations(
                self._text, self._units, [self.quotes[i] for i in self._outer]
            )
        return found  # type: ignore[return-value]

    def stats(self) -> dict[str, int]:
        """Counts for ``--stats``.

        ``quotes``: outer quotations that are not short quoted terms; ``attributed_quotes`` and
        ``orphan_quotes`` split them. Sources are the distinct speakers of quotes attributed by
        their own cue (pronouns and inherited owners are not new sources): ``named_sources`` are
        people named by a capitalised name (``Mr. Yetkın``, ``analyst Nicholas Heras``) and named
        institutions (``the Pentagon``); ``unnamed_sources`` are groups, documents and people
        described without a name (``officials``, ``a senior adviser to Erdogan``).
        """
        quotes = [q for q in self.quotes if q.depth == 0 and not q.is_term]
        named: set[str] = set()
        unnamed: set[str] = set()
        for q in quotes:
            if q.speaker_text is None or q.inherited or q.speaker_kind == "pronoun":
                continue
            key = " ".join(q.speaker_text.lower().split())
            (named if source_is_named(q.speaker_text, q.speaker_kind) else unnamed).add(key)
        return {
            "quotes": len(quotes),
            "attributed_quotes": sum(1 for q in quotes if q.attributed),
            "orphan_quotes": sum(1 for q in quotes if q.is_orphan),
            "named_sources": len(named),
            "unnamed_sources": len(unnamed),
        }

    def _outer_index(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0:
            q = self.quotes[self._outer[i]]
            if q.start <= offset < q.end:
                return self._outer[i]
        return None

    def in_quote(self, offset: int) -> bool:
        """True when the character at ``offset`` lies inside a quotation (marks included)."""
        return self._outer_index(offset) is not None

    def in_quote_many(self, offsets: Sequence[int]) -> list[bool]:
        """``[in_quote(o) for o in offsets]`` for ascending offsets, in one pass."""
        starts, outer, quotes = self._starts, self._outer, self.quotes
        out: list[bool] = []
        i, last = -1, len(starts) - 1
        previous = None
        for offset in offsets:
            if previous is not None and offset < previous:
                raise ValueError("offsets must be in ascending order")
            previous = offset
            while i < last and starts[i + 1] <= offset:
                i += 1  # the last quotation starting at or before the offset
            out.append(i >= 0 and quotes[outer[i]].start <= offset < quotes[outer[i]].end)
        return out

    def quote_at(self, offset: int) -> Quote | None:
        """The innermost quote containing ``offset``, or None."""
        idx = self._outer_index(offset)
        if idx is None:
            return None
        while True:
            for child in self._children.get(idx, ()):
                c = self.quotes[child]
                if c.start <= offset < c.end:
                    idx = child
                    break
            else:
                return self.quotes[idx]


# --------------------------------------------------------------------------- lexicon


class _Lexicon(NamedTuple):
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
def _lexicon() -> _Lexicon:
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
    return _Lexicon(
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
    return dict(_lexicon().verbs)


def lexicon_words(key: str) -> frozenset[str]:
    """One word list of the quotation lexicon (``honorifics``, ``titles``, ``stop_capitals`` ...)."""
    value = getattr(_lexicon(), key)
    if not isinstance(value, frozenset):
        raise KeyError(key)
    return value


def source_is_named(speaker_text: str, kind: str | None) -> bool:
    """A speaker that names its source: a person's name (its head word is capitalised and not a
    title) or a named institution, rather than ``officials`` or ``a senior adviser to Erdogan``."""
    if kind == "organisation":
        return any(ch.isupper() for ch in speaker_text)
    if kind not in ("name", "title_name"):
        return False
    toks = [t for t in _tokens(speaker_text, 0, len(speaker_text)) if t.word]
    cut = next((i for i, t in enumerate(toks) if t.low in _PREPS), len(toks))
    toks = toks[:cut]  # "a senior adviser to Erdogan": the head is "adviser"
    lex = _lexicon()
    while len(toks) > 1 and toks[-1].low in lex.particles:
        toks.pop()
    if not toks:
        return False
    head = toks[-1]
    return head.cap and not _is_known(_base(head.low))


# --------------------------------------------------------------------------- mark scanning


@dataclass
class _Q:
    """Mutable quote under construction."""

    start: int
    end: int
    content_start: int
    content_end: int
    open_mark: str | None
    close_mark: str | None
    depth: int = 0
    continues: bool = False
    continuation_of: int | None = None
    parent: int | None = None
    is_term: bool = False
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    kind: str | None = None
    inherited: bool = False
    unit: int = -1
    own: bool = False


def _context(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'ambig' from the characters around a mark."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    left_open = prev == "" or prev.isspace() or prev in _OPEN_CONTEXT
    right_open = nxt == "" or nxt.isspace() or nxt in _CLOSE_CONTEXT
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "ambig"


def _trim_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _starts_with_double(text: str, lo: int, hi: int) -> bool:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i < hi and text[i] in DOUBLE_MARKS and _context(text, i, lo, hi) != "close"


def _is_closing(text: str, i: int, lo: int, hi: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_CLOSE:
        return _context(text, i, lo, hi) != "open"
    return ch == '"' and _context(text, i, lo, hi) == "close"


def _wraps_into_next(text: str, paragraphs: Sequence[tuple[int, int]], pi: int) -> bool:
    """Hard-wrapped copy: the next marked line (within a few) starts with a closing mark."""
    seen = 0
    for ps, pe in paragraphs[pi + 1 :]:
        if not text[ps:pe].strip():
            continue
        m = _DOUBLE_RE.search(text, ps, pe)
        if m:
            return _is_closing(text, m.start(), ps, pe)
        seen += 1
        if seen >= _MAX_WRAPPED_LINES:
            return False
    return False


def _scan_doubles(
    text: str, paragraphs: Sequence[tuple[int, int]], unbalanced: list[tuple[int, str]]
) -> list[_Q]:
    """Pair double quote marks paragraph by paragraph, honouring the continuation convention.

    A quote left open at the end of a paragraph continues when the next paragraph reopens with a
    quote mark (newspaper convention) or, in hard-wrapped copy, when the next marked line starts
    with the closing mark (that part then has ``open_mark=None``). Otherwise it is unbalanced.
    """
    quotes: list[_Q] = []
    pending: int | None = None  # quote continuing into this paragraph
    carry = False  # this paragraph starts inside a quote without reopening it
    for pi, (ps, pe) in enumerate(paragraphs):
        if not text[ps:pe].strip():
            continue
        open_at: int | None = None
        open_mark: str | None = None
        if carry:
            open_at = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
        first = True
        for m in _DOUBLE_RE.finditer(text, ps, pe):
            i, ch = m.start(), m.group()
            if ch == '"' and i > ps and text[i - 1].isdigit() and open_at is None:
                continue  # 34" monitor: an inch mark
            glyph = "open" if ch in DOUBLE_OPEN else "close" if ch in DOUBLE_CLOSE else None
            ctx = _context(text, i, ps, pe)
            if open_at is None:
                if (
                    glyph == "open"
                    or (glyph is None and ctx != "close")
                    or (glyph == "close" and ctx == "open")
                ):
                    open_at, open_mark = i, ch
                else:
                    unbalanced.append((i, f"stray closing quote mark {ch}"))
            elif (
                glyph == "close"
                or (glyph is None and ctx != "open")
                or (glyph == "open" and ctx == "close")
            ):
                body = open_at + (open_mark is not None)
                q = _Q(open_at, i + 1, body, i, open_mark, ch)
                if first and pending is not None:
                    q.continuation_of = pending
                quotes.append(q)
                open_at, open_mark, first = None, None, False
            else:
                if open_mark is not None:
                    unbalanced.append((open_at, f"opening quote mark {open_mark} never closed"))
                open_at, open_mark, first = i, ch, False
        cont_of = pending if first else None
        pending, carry = None, False
        if open_at is None:
            continue
        nxt = _next_paragraph(text, paragraphs, pi)
        reopened = nxt is not None and _starts_with_double(text, *nxt)
        if reopened or _wraps_into_next(text, paragraphs, pi):
            end = _trim_end(text, open_at + 1, pe)
            body = open_at + (open_mark is not None)
            q = _Q(
                open_at, end, body, end, open_mark, None, continues=True, continuation_of=cont_of
            )
            quotes.append(q)
            pending, carry = len(quotes) - 1, not reopened
        elif open_mark is not None:
            unbalanced.append((open_at, f"opening quote mark {open_mark} never closed"))
    return quotes


def _next_paragraph(
    text: str, paragraphs: Sequence[tuple[int, int]], pi: int
) -> tuple[int, int] | None:
    for ps, pe in paragraphs[pi + 1 :]:
        if text[ps:pe].strip():
            return ps, pe
    return None


def _is_elision(text: str, i: int, hi: int) -> bool:
    if _YEAR_ELISION_RE.match(text, i + 1, hi):
        return True
    m = _WORD_AFTER_RE.match(text, i + 1, hi)
    if not m or m.group().lower() not in _lexicon().elisions:
        return False
    return m.end() >= hi or not text[m.end()].isalpha()


def _scan_singles(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Pairs of single quote marks in text[lo:hi] that are quotes, not apostrophes."""
    opens: list[int] = []
    closes: list[int] = []
    for m in _SINGLE_RE.finditer(text, lo, hi):
        i, ch = m.start(), m.group()
        prev = text[i - 1] if i > lo else ""
        nxt = text[i + 1] if i + 1 < hi else ""
        left_open = prev == "" or prev.isspace() or prev in _OPEN_CONTEXT or prev in DOUBLE_MARKS
        right_open = nxt == "" or nxt.isspace() or nxt in _CLOSE_CONTEXT or nxt in DOUBLE_MARKS
        if ch not in SINGLE_CLOSE and left_open and (nxt.isalnum() or nxt in DOUBLE_OPEN + '"'):
            if not _is_elision(text, i, hi):
                opens.append(i)
        elif ch not in SINGLE_OPEN and right_open and prev and not prev.isspace():
            closes.append(i)
    pairs: list[tuple[int, int]] = []
    ci = 0
    for n, o in enumerate(opens):
        if pairs and o < pairs[-1][1]:
            continue
        limit = opens[n + 1] if n + 1 < len(opens) else hi
        while ci < len(closes) and closes[ci] <= o:
            ci += 1
        cands = []
        k = ci
        while k < len(closes) and closes[k] < limit:
            cands.append(closes[k])
            k += 1
        if not cands:
            continue
        chosen = next((c for c in cands if not _possessive_like(text, c, hi)), cands[0])
        pairs.append((o, chosen + 1))
    return pairs


def _possessive_like(text: str, i: int, hi: int) -> bool:
    """``rebels' fault``: an apostrophe after s followed by a lower-case word."""
    return (
        text[i - 1] in "sS"
        and i + 2 < hi
        and text[i + 1] == " "
        and text[i + 2].isalpha()
        and text[i + 2].islower()
    )


# --------------------------------------------------------------------------- sentence units


def _units(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
    outer: list[_Q],
) -> tuple[list[tuple[int, int]], list[int]]:
    """Sentence-like units (no boundary inside a quote), and each unit's paragraph index."""
    starts = sorted({s for s, _ in sentences})
    if not starts:
        starts = sorted(m.end() for m in _FALLBACK_SENT_RE.finditer(text))
    qstarts = [q.start for q in outer]
    units: list[tuple[int, int]] = []
    unit_par: list[int] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        bounds = [ps]
        for b in starts[bisect.bisect_right(starts, ps) : bisect.bisect_left(starts, pe)]:
            k = bisect.bisect_right(qstarts, b - 1) - 1
            if k >= 0 and outer[k].start < b < outer[k].end:
                q = outer[k]
                if not text[q.content_start : b].strip():
                    b = q.start
                else:
                    continue
            j = b
            while j < pe and text[j].isspace():
                j += 1
            if j < pe and text[j].islower():
                continue  # '?" he asked.': no sentence starts in lower case
            j = b - 1
            while j > ps and text[j].isspace():
                j -= 1
            if text[j] in _NO_SENTENCE_END:
                continue  # '.” ― Sonya Herridge': no sentence ends with a dash or comma
            if b > bounds[-1]:
                bounds.append(b)
        bounds.append(pe)
        for a, b in zip(bounds, bounds[1:], strict=False):
            if a < b:
                units.append((a, b))
                unit_par.append(pi)
    return units, unit_par


# --------------------------------------------------------------------------- tokens and phrases


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    word: bool
    cap: bool


_new_tok = tuple.__new__  # builds a _Tok without NamedTuple's Python-level __new__


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    lex = _lexicon()
    abbreviations, pronouns = lex.abbreviations, lex.pronouns
    contraction = _CONTRACTION_RE.fullmatch
    out: list[_Tok] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text, lo, hi):
        t = m.group()
        s, e = m.span()
        if len(t) > 2 and t[-1] == "." and t.count(".") == 1 and t.lower() not in abbreviations:
            append(_new_tok(_Tok, (s, e - 1, t[:-1], t[:-1].lower(), True, t[0].isupper())))
            append(_new_tok(_Tok, (e - 1, e, ".", ".", False, False)))
            continue
        word = t[0].isalpha()
        m2 = contraction(t) if word and ("'" in t or "’" in t) else None
        if m2 and m2.group(1).lower() in pronouns:
            cut = s + m2.end(1)
            head, tail = m2.group(1), m2.group(2)
            append(_new_tok(_Tok, (s, cut, head, head.lower(), True, t[0].isupper())))
            append(_new_tok(_Tok, (cut, e, tail, tail.lower(), True, False)))
            continue
        append(_new_tok(_Tok, (s, e, t, t.lower(), word, word and t[0].isupper())))
    return out


def _base(low: str) -> str:
    for suffix in ("’s", "'s"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


def _is_possessive(tok: _Tok) -> bool:
    return tok.low.endswith(("’s", "'s")) and len(tok.low) > 2


def _np_kind(toks: Sequence[_Tok]) -> str:
    """Classify a noun phrase by its words."""
    lex = _lexicon()
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
    if hl in lex.organisations or (
        head.text.isupper() and len(head.text) > 1 and head.text.isalpha()
    ):
        return "organisation"
    names = [t for t in toks if t.cap and not _is_known(t.low) and t.low not in lex.determiners]
    titled = any(t.low in lex.titles for t in toks)
    if names:
        return "title_name" if titled else "name"
    return "title_name"


def _is_known(low: str) -> bool:
    lex = _lexicon()
    return (
        low in lex.titles
        or low in lex.organisations
        or low in lex.documents
        or low in lex.groups
        or low in lex.honorifics
        or low in lex.stop_capitals
    )


def _head_class(tok: _Tok) -> str | None:
    lex = _lexicon()
    low = tok.low
    if not tok.word:
        return None
    if low in lex.groups or low in lex.documents or low in lex.organisations or low in lex.titles:
        return "noun"
    if tok.cap and low not in lex.stop_capitals and low not in lex.determiners:
        return "name"
    return None


class _NP(NamedTuple):
    first: int
    last: int
    kind: str


def _np_left(
    toks: Sequence[_Tok], i: int, lo: int, appositive: bool = True, loose: bool = False
) -> _NP | None:
    """Noun phrase ending at token ``i`` (after skipping adverbs); ``Smith, who ..., said`` too.

    ``loose`` also accepts an unknown lower-case noun right after a determiner (``the announcer``).
    """
    lex = _lexicon()
    while (
        i >= lo
        and toks[i].word
        and (toks[i].low in lex.adverbs or (toks[i].low.endswith("ly") and not toks[i].cap))
    ):
        i -= 1
    if i >= lo and toks[i].text == ")":
        for k in range(i - 1, max(lo, i - 12) - 1, -1):
            if toks[k].text == "(":
                i = k - 1
                break
    if i < lo:
        return None
    t = toks[i]
    if t.word and t.low in lex.pronouns:
        return _NP(i, i, "pronoun")
    if t.word and t.low in _RELATIVES:
        # "the department which reported", "a letter from his doctor Friday that says"
        for j in range(i - 1, max(lo, i - 6) - 1, -1):
            if not toks[j].word and toks[j].text != ",":
                break
            np = _np_core_left(toks, j, lo)
            if np and np.kind != "pronoun":
                return np
        return None
    if t.text == "," and appositive:
        for k in range(i - 1, max(lo, i - _MAX_APPOSITIVE_TOKENS) - 1, -1):
            if toks[k].text == ",":
                np = _np_core_left(toks, k - 1, lo)
                if np and np.kind != "pronoun" and k - 1 == np.last:
                    return np
                return None
            if toks[k].text in ".;:!?":
                return None
        return None
    np = _np_core_left(toks, i, lo)
    if (
        np is None
        and loose
        and t.word
        and not t.cap
        and i - 1 >= lo
        and toks[i - 1].low in lex.determiners
    ) and (
        t.low not in lex.stop_capitals and t.low not in lex.verbs and t.low not in lex.determiners
    ):
        return _NP(i - 1, i, "group" if t.low.endswith("s") else "title_name")
    return np


def _np_core_left(toks: Sequence[_Tok], i: int, lo: int) -> _NP | None:
    lex = _lexicon()
    if i < lo or not toks[i].word:
        return None
    t = toks[i]
    if t.low in lex.pronouns:
        return _NP(i, i, "pronoun")
    if _head_class(t) is None:
        return None
    first = i
    tentative = i
    k = i - 1
    while k >= lo and i - k < _MAX_NP_TOKENS:
        t = toks[k]
        if not t.word:
            break
        if t.low in lex.determiners:
            first = k
            break
        if _is_possessive(t) and t.cap:
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
            and _head_class(toks[i]) == "noun"
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
    if first - 2 >= lo and toks[first - 1].low in _PREPS and toks[first - 2].word:
        outer = _np_core_left(toks, first - 2, lo)
        if outer and outer.kind != "pronoun" and _head_class(toks[first - 2]) == "noun":
            kind = "title_name" if outer.kind in ("title_name", "name") else outer.kind
            return _NP(outer.first, i, kind)
    if first == i and toks[i].cap and toks[i].low in lex.inflected:
        return None  # "Speaking ...", "Fighting ...": a capitalised participle, not a name
    return _NP(first, i, _np_kind(toks[first : i + 1]))


def _np_right(toks: Sequence[_Tok], i: int, hi: int, extend: bool = True) -> _NP | None:
    """Noun phrase starting at token ``i`` (``said the ministry``, ``argues Mr. Yetkın``)."""
    lex = _lexicon()
    if (
        i + 3 < hi
        and toks[i].text[:1].isdigit()
        and toks[i + 1].text == "-"
        and toks[i + 2].low.endswith("-old")
    ):
        i += 3  # "wrote 43-year-old Martin Taylor"
    if i >= hi or not toks[i].word:
        return None
    if toks[i].low in lex.pronouns:
        return _NP(i, i, "pronoun")
    k = i
    seen_det = False
    last: int | None = None
    if toks[k].low in lex.determiners or (_is_possessive(toks[k]) and toks[k].cap):
        seen_det = True
        k += 1
    while k < hi and k - i < _MAX_NP_TOKENS:
        t = toks[k]
        if not t.word:
            break
        if _is_possessive(t) and t.cap:
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
    if last is None:
        return None
    if (
        extend
        and last + 2 < hi
        and toks[last + 1].low in _PREPS
        and _head_class(toks[last]) == "noun"
        and not toks[last].cap
    ):
        tail = _np_right(toks, last + 2, hi, extend=False)
        if tail and tail.kind != "pronoun":
            kind = _np_kind(toks[i : last + 1])
            return _NP(i, tail.last, "title_name" if kind == "name" else kind)
    if i == last and toks[i].cap and toks[i].low in lex.inflected:
        return None
    return _NP(i, last, _np_kind(toks[i : last + 1]))


# --------------------------------------------------------------------------- cues


class _Attr(NamedTuple):
    cue: tuple[int, int]
    speaker: tuple[int, int]
    kind: str


_Subject = tuple[tuple[int, int], str] | None
_DASHES = frozenset("—―–-")
_RELATIVES = frozenset({"who", "which", "that"})
_COORDINATORS = frozenset({"and", "but", "before", "after", "while", "when", "by", "then", "also"})


def _cue_at(toks: Sequence[_Tok], k: int) -> tuple[str, int] | None:
    """('verb'|'phrase'|'putit', last token index) when a cue starts at token k."""
    lex = _lexicon()
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
    if k > 0 and (toks[k - 1].low in _NOUN_DETERMINERS or _is_possessive(toks[k - 1])):
        relative = toks[k - 1].low == "that" and t.low != lex.verbs[t.low]  # "a letter that says"
        return ("verb", k) if relative else None  # "the report", "Smith's claim": a noun
    return ("verb", k)


def _span(toks: Sequence[_Tok], np: _NP) -> tuple[int, int]:
    return toks[np.first].start, toks[np.last].end


def _attr(toks: Sequence[_Tok], cue: tuple[int, int], np: _NP | None) -> _Attr | None:
    return _Attr(cue, _span(toks, np), np.kind) if np else None


def _attribution_at(
    toks: Sequence[_Tok], k: int, lo: int, hi: int, subject: _Subject | Callable[[], _Subject]
) -> _Attr | None:
    """Speaker for the cue starting at token k, or None (``subject`` may be a function that
    finds the sentence subject, called only if the cue needs it)."""
    lex = _lexicon()
    found = _cue_at(toks, k)
    if found is None:
        return None
    what, last = found
    cue = (toks[k].start, toks[last].end)
    if what == "phrase":
        np = _np_right(toks, last + 1, hi)
        if np is None and last + 2 < hi and toks[last + 1].low in lex.determiners:
            t = toks[last + 2]  # "in the words of the patient"
            if t.word and not t.cap and t.low not in lex.stop_capitals and t.low not in lex.verbs:
                np = _NP(last + 1, last + 2, "group" if t.low.endswith("s") else "title_name")
        return _attr(toks, cue, np)
    if what == "putit":
        return _attr(toks, cue, _np_left(toks, k - 1, lo, appositive=False))
    verb = toks[k].low
    if lex.verbs[verb] in lex.adjacent_only_verbs and not _introduces_quote(toks, k, hi):
        return None  # "Fighting continued overnight": only "he continued: ..." is a cue
    document_only = lex.verbs[verb] in lex.document_only_verbs
    participle = verb.endswith("ing")
    np = _np_left(toks, k - 1, lo, appositive=not participle, loose=True)
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
        return _Attr(cue, subject[0], subject[1])  # "..., saying", "and said": the sentence subject
    if lex.verbs[verb] in lex.addressee_verbs:
        return None  # "told CBS News": the hearer, not the speaker
    np = _np_right(toks, k + 1, hi)
    if np and (np.last + 1 >= hi or not toks[np.last + 1].word):
        return _attr(toks, cue, np)
    return None


def _introduces_quote(toks: Sequence[_Tok], k: int, hi: int) -> bool:
    """Nothing but punctuation or ``that`` follows the verb at k (``he added that``)."""
    rest = [t for t in toks[k + 1 : hi] if t.word]
    return not rest or rest[0].low == "that"


def _base_form_agrees(toks: Sequence[_Tok], np: _NP, k: int) -> bool:
    """A bare base form (``say``, ``claim``) is a verb after a plural subject or an auxiliary."""
    if any(toks[j].low in _AUXILIARIES for j in range(np.last + 1, k)):
        return True
    if np.kind == "pronoun":
        return toks[np.first].low in _PLAIN_PLURAL_PRONOUNS
    return np.kind == "group" or (np.kind != "name" and toks[np.last].low.endswith("s"))


def _subject(toks: Sequence[_Tok]) -> _Subject:
    """Subject at the start of a sentence (for ``..., saying``), skipping an opening adverbial."""
    np = _np_right(toks, 0, len(toks))
    for k in range(min(len(toks), 30)):
        if np is not None:
            break
        if toks[k].text == ",":
            np = _np_right(toks, k + 1, len(toks))
    return (_span(toks, np), np.kind) if np else None


def _search(toks: Sequence[_Tok], subject: _Subject, reverse: bool) -> _Attr | None:
    hi = len(toks)
    for k in range(hi - 1, -1, -1) if reverse else range(hi):
        a = _attribution_at(toks, k, 0, hi, subject)
        if a:
            return a
    return None


def _skip_parenthesis(toks: Sequence[_Tok], q: int) -> int:
    """Index after a ``(D-Wis.)`` parenthesis starting at q (or q)."""
    if q < len(toks) and toks[q].text == "(":
        for k in range(q + 1, min(len(toks), q + 12)):
            if toks[k].text == ")":
                return k + 1
    return q


def _immediate_after(toks: Sequence[_Tok], dash_ok: bool, short: bool = False) -> _Attr | None:
    """Attribution clause right after a quote.

    ``", he said"``, ``", said Smith"``, ``" Smith, a spokesman, said"``, ``" ― Name"``.
    """
    lex = _lexicon()
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
        a = _attr(toks, (toks[p].start, toks[last].end), _np_right(toks, last + 1, hi))
        if a:
            return a
    np = _np_right(toks, p, hi)
    if not np:
        return None
    named = _appositive_name(toks, p, hi)
    if named:
        return named
    q = _skip_parenthesis(toks, np.last + 1)
    dashed = dash_ok and p > 0 and toks[p - 1].text in _DASHES
    if dashed and np.kind in ("name", "title_name") and (q >= hi or toks[q].text in ".,;"):
        return _Attr((toks[p - 1].start, toks[p - 1].end), _span(toks, np), np.kind)
    if q < hi and toks[q].text == ",":
        # "Smith, a research analyst at the Council on Energy, Environment and Water, said"
        for k in range(q + 1, min(hi, q + _MAX_APPOSITIVE_TOKENS)):
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
        return _Attr((toks[q].start, toks[q].end), _span(toks, np), np.kind)
    return None


def _appositive_name(toks: Sequence[_Tok], p: int, hi: int) -> _Attr | None:
    """``Sweden's deputy director of public prosecutions, Eva-Marie Persson, said``."""
    lex = _lexicon()
    for k in range(p + 1, min(hi, p + _MAX_NP_TOKENS)):
        if not toks[k].word and toks[k].text != ",":
            return None
        if toks[k].text != ",":
            continue
        np = _np_right(toks, k + 1, hi)
        if np is None or np.kind != "name" or np.last + 2 >= hi or toks[np.last + 1].text != ",":
            return None
        v = np.last + 2
        while v < hi and toks[v].word and toks[v].low in lex.adverbs:
            v += 1
        found = _cue_at(toks, v) if v < hi else None
        if found and found[0] == "verb" and lex.verbs[toks[v].low] not in lex.addressee_verbs:
            return _Attr((toks[v].start, toks[v].end), _span(toks, np), np.kind)
        return None
    return None


def _colon_speaker(toks: Sequence[_Tok]) -> _Attr | None:
    """``Smith: "..."`` (a name right before a colon that opens the quote)."""
    if len(toks) < 2 or toks[-1].text != ":":
        return None
    np = _np_core_left(toks, len(toks) - 2, 0)
    if (
        np
        and np.kind in ("name", "title_name")
        and any(t.cap for t in toks[np.first : np.last + 1])
    ) and (np.first == 0 or not toks[np.first - 1].word):
        return _Attr((toks[-1].start, toks[-1].end), _span(toks, np), np.kind)
    return None


def _person(subject: _Subject, text: str, before: Sequence[_Tok]) -> _Attr | None:
    """``Grisham has given "plenty of ..."``: a partial quotation with no cue belongs to the
    sentence subject when that subject is a person (a name, a titled name, he/she/they)."""
    if subject is None or not before:
        return None
    (s, e), kind = subject
    words = text[s:e].split()
    if kind == "pronoun":
        ok = words[0].lower() in _PERSON_PRONOUNS
    else:
        head = _base(words[-1].lower().rstrip(".,"))
        ok = kind in ("name", "title_name") and words[-1][:1].isupper() and not _is_known(head)
    if not ok:
        return None
    last = before[-1]
    return _Attr((last.start, last.end), (s, e), kind)


def _named_before(before: Sequence[_Tok]) -> _Attr | None:
    """``which made Vaughan believe that he and Herbert were "basically seeing ..."``: the
    nearest person named earlier in the sentence owns a partial quotation."""
    lex = _lexicon()
    for k in range(len(before) - 1, 0, -1):
        t = before[k]
        if not (t.word and t.cap) or _is_known(_base(t.low)) or t.low in lex.determiners:
            continue
        np = _np_core_left(before, k, 0)
        if np and np.kind == "name":
            last = before[-1]
            return _Attr((last.start, last.end), _span(before, np), np.kind)
    return None


def _framing_speaker(before: Sequence[_Tok], subject: _Subject) -> _Attr | None:
    """``Reid has gone after Trump as a "..."``, ``Obama is rolling out a message: "..."``.

    With no cue verb, a quote introduced by a colon or by ``as (a|an|the)`` frames the words as
    the sentence subject's.
    """
    if subject is None or subject[1] not in _FRAMING_KINDS or not before:
        return None
    last = before[-1]
    if last.text == ":":
        return _Attr((last.start, last.end), subject[0], subject[1])
    k = len(before) - 1
    if last.low in ("a", "an", "the") and k > 0:
        k -= 1
    if before[k].low == "as" and k > 0:
        return _Attr((before[k].start, before[k].end), subject[0], subject[1])
    return None


# --------------------------------------------------------------------------- analysis


def _is_title(words: Sequence[str]) -> bool:
    """``“Takin’ It to the Streets”``: a title-case name of a work, not a quotation."""
    small = _lexicon().title_small_words
    big = [w for w in words if w.lower() not in small or w is words[0]]
    return (
        len(big) >= 2
        and all(w[0].isupper() or w[0].isdigit() for w in big)
        and not all(w.isupper() for w in words)
    )


def _is_term(text: str, q: _Q, para_start: int) -> bool:
    """A quoted term or title, not a quotation: ``a "red line"``, ``these "moments of growth?"``,
    ``“Humidifier lung” may result``, ``the song “Takin’ It to the Streets”``."""
    if q.continues or q.continuation_of is not None:
        return False
    content = text[q.content_start : q.content_end].strip()
    words = _WORD_RE.findall(content)
    if _is_title(words):
        return True
    prev_word = _WORD_BEFORE_RE.search(text[max(para_start, q.start - 40) : q.start])
    if (
        prev_word
        and prev_word.group(1).lower() in _TERM_DETERMINERS
        and 1 <= len(words) <= _MAX_NP_TERM_WORDS
        and not _FINAL_PUNCT_RE.search(content.rstrip(".,?!"))
    ):
        return True  # "the “struggle against terrorism, infiltration and separatism”"
    if not 1 <= len(words) <= _MAX_TERM_WORDS:
        return False
    nxt = _WORD_AFTER_RE.match(text, q.end + 1) if text[q.end : q.end + 1] == " " else None
    if nxt and nxt.group()[0].islower() and not content.endswith((".", ",", "?", "!", "…")):
        return True  # "“Humidifier lung” may result from fungus": the quote is the subject
    body = content[:-1] if content.endswith((".", ",")) else content  # US style: 'a "red line."'
    if _FINAL_PUNCT_RE.search(body) or content.endswith(("?", "!")):
        return False
    i = q.start - 1
    while i >= para_start and text[i].isspace():
        i -= 1
    if i < para_start:
        return False
    prev = text[i]
    if prev in ".?!:…":
        return False
    return not (prev in DOUBLE_CLOSE + '"' and i > para_start and text[i - 1] in ".?!,…")


class _Analyser:
    def __init__(
        self, text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]
    ) -> None:
        self.text = text
        self.paragraphs = [p for p in paragraphs if p[1] > p[0]] or [(0, len(text))]
        self.sentences = sentences
        self.unbalanced: list[tuple[int, str]] = []
        self._tok_cache: dict[tuple[int, int], list[_Tok]] = {}

    def run(self) -> QuoteAnalysis:
        text = self.text
        outer = _scan_doubles(text, self.paragraphs, self.unbalanced)
        quotes = self._add_singles(outer)
        self.quotes = quotes
        self.outer_idx = [i for i, q in enumerate(quotes) if q.depth == 0]
        outer_sorted = [quotes[i] for i in self.outer_idx]
        self.units, self.unit_par = _units(text, self.paragraphs, self.sentences, outer_sorted)
        self.unit_starts = [u[0] for u in self.units]
        self.unit_quotes: dict[int, list[int]] = {}
        for i in self.outer_idx:
            q = quotes[i]
            q.unit = bisect.bisect_right(self.unit_starts, q.start) - 1
            self.unit_quotes.setdefault(q.unit, []).append(i)
        par_starts = [p[0] for p in self.paragraphs]
        for q in quotes:
            pi = bisect.bisect_right(par_starts, q.start) - 1
            q.is_term = _is_term(text, q, self.paragraphs[max(pi, 0)][0])
        for i in self.outer_idx:
            self._own_attribution(i)
        self._propagate()
        return self._freeze()

    def _add_singles(self, outer: list[_Q]) -> list[_Q]:
        """Nested single quotes inside doubles (depth 1) and single quotes in narration (0)."""
        text = self.text
        result: list[_Q] = list(outer)
        hosts: dict[int, _Q] = {}
        par_starts = [p[0] for p in self.paragraphs]
        by_par: list[list[_Q]] = [[] for _ in self.paragraphs]
        for q in outer:
            by_par[bisect.bisect_right(par_starts, q.start) - 1].append(q)
        for pi, (ps, pe) in enumerate(self.paragraphs):
            pos = ps
            segments: list[tuple[int, int, _Q | None]] = []
            for q in by_par[pi]:
                segments.append((pos, q.start, None))
                segments.append((q.content_start, q.content_end, q))
                pos = q.end
            segments.append((pos, pe, None))
            for lo, hi, host in segments:
                for s, e in _scan_singles(text, lo, hi):
                    nested = _Q(
                        s, e, s + 1, e - 1, text[s], text[e - 1], depth=0 if host is None else 1
                    )
                    if host is not None:
                        hosts[id(nested)] = host
                    result.append(nested)
        conts = {id(q): outer[q.continuation_of] for q in outer if q.continuation_of is not None}
        result.sort(key=lambda q: (q.start, q.depth))
        pos_of = {id(q): n for n, q in enumerate(result)}
        for q in result:
            if id(q) in conts:
                q.continuation_of = pos_of[id(conts[id(q)])]
            if id(q) in hosts:
                q.parent = pos_of[id(hosts[id(q)])]
        return result

    def _toks(self, s: int, e: int) -> list[_Tok]:
        key = (s, e)
        toks = self._tok_cache.get(key)
        if toks is None:
            toks = self._tok_cache[key] = _tokens(self.text, s, e)
        return toks

    def _narration_segments(self, unit: int) -> list[tuple[int, int]]:
        """A unit's text outside its outer quotes: a segment before each quote and one after."""
        us, ue = self.units[unit]
        pos = us
        segs: list[tuple[int, int]] = []
        for i in self.unit_quotes.get(unit, ()):
            q = self.quotes[i]
            segs.append((pos, q.start))
            pos = q.end
        segs.append((pos, ue))
        return segs

    def _own_attribution(self, idx: int) -> None:
        q = self.quotes[idx]
        if q.unit < 0:
            return
        members = self.unit_quotes[q.unit]
        pos = members.index(idx)
        segs = self._narration_segments(q.unit)
        before, after = self._toks(*segs[pos]), self._toks(*segs[pos + 1])
        earlier = next(
            (self.quotes[m] for m in reversed(members[:pos]) if self.quotes[m].own), None
        )
        subject: _Subject = (
            (earlier.speaker, earlier.kind)
            if earlier and earlier.speaker and earlier.kind
            else None
        )
        if subject is None:
            subject = _subject(self._toks(*segs[0]))
        attr = None if q.continues else _immediate_after(after, dash_ok=True)
        if attr is None:
            attr = _search(before, subject, reverse=True)
        if attr is None and not q.continues and not after and self._ends_sentence(q):
            attr = self._attribution_in_next_unit(q.unit)
        if attr is None and not q.continues:
            attr = _search(after, subject, reverse=False)
        if attr is None:
            order = sorted(range(len(segs)), key=lambda n: (min(abs(n - pos), abs(n - pos - 1)), n))
            for n in order:
                if n in (pos, pos + 1):
                    continue
                attr = _search(self._toks(*segs[n]), subject, reverse=n <= pos)
                if attr:
                    break
        if attr is None:
            attr = _colon_speaker(before) or _framing_speaker(before, subject)
        if attr is None and not q.continues and self._partial(q):
            attr = _person(subject, self.text, before) or _named_before(before)
        if attr:
            q.cue, q.speaker, q.kind, q.own = attr.cue, attr.speaker, attr.kind, True

    def _partial(self, q: _Q) -> bool:
        """A partial quotation woven into a sentence: it starts in lower case, mid-sentence."""
        content = self.text[q.content_start : q.content_end].lstrip()
        return bool(content) and content[0].islower() and not self._opens_unit(q)

    def _ends_sentence(self, q: _Q) -> bool:
        content = self.text[q.content_start : q.content_end].rstrip().rstrip(SINGLE_MARKS)
        return bool(content) and content[-1] in ".?!…,"

    def _attribution_in_next_unit(self, unit: int) -> _Attr | None:
        """``"...?" Graham asked.``: the sentencizer put the attribution clause in the next unit."""
        nxt = unit + 1
        if nxt >= len(self.units) or self.unit_par[nxt] != self.unit_par[unit]:
            return None
        return _immediate_after(
            self._toks(*self._narration_segments(nxt)[0]), dash_ok=True, short=True
        )

    def _unit_attribution(
        self, unit: int
    ) -> tuple[tuple[int, int] | None, tuple[int, int], str] | None:
        """The last attribution made in a unit: an attributed quote or narration with a cue."""
        for i in reversed(self.unit_quotes.get(unit, [])):
            q = self.quotes[i]
            if q.speaker is not None and (q.own or not q.is_term):
                return q.cue, q.speaker, q.kind or "name"
        segs = self._narration_segments(unit)
        subject = _subject(self._toks(*segs[0]))
        for s, e in reversed(segs):
            a = _search(self._toks(s, e), subject, reverse=True)
            if a:
                return a.cue, a.speaker, a.kind
        last = self._toks(*segs[-1])
        if subject and last and last[-1].text == ":" and subject[1] != "document":
            return (
                (last[-1].start, last[-1].end),
                subject[0],
                subject[1],
            )  # "Sanders made the following comment:"
        return None

    def _person_subject(
        self, unit: int
    ) -> tuple[tuple[int, int] | None, tuple[int, int], str] | None:
        """``Aderholt returned to the issue. "What ...?"``: a sentence opened by a person (a
        name or he/she/they) frames the quote that opens the next sentence of the paragraph."""
        toks = self._toks(*self._narration_segments(unit)[0])
        np = _np_right(toks, 0, len(toks))
        if np is None or np.last + 1 >= len(toks):
            return None
        after = toks[np.last + 1]
        if not after.word or after.cap:
            return None
        head = toks[np.last]
        if np.kind == "pronoun":
            ok = head.low in _PERSON_PRONOUNS
        else:
            ok = np.kind in ("name", "title_name") and head.cap and not _is_known(head.low)
        return (None, _span(toks, np), np.kind) if ok else None

    def _opens_unit(self, q: _Q) -> bool:
        us = self.units[q.unit][0]
        return not any(ch.isalnum() for ch in self.text[us : q.start])

    def _previous_unit(self, unit: int) -> int | None:
        if unit <= 0:
            return None
        prev = unit - 1
        if (
            self.unit_par[prev] == self.unit_par[unit]
            or self.unit_par[prev] == self.unit_par[unit] - 1
        ):
            return prev
        return None

    def _propagate(self) -> None:
        quotes = self.quotes
        # continuation chains share the owner found anywhere in the chain
        chains: dict[int, list[int]] = {}
        for i in self.outer_idx:
            q = quotes[i]
            root = i if q.continuation_of is None else chains_root(quotes, i)
            chains.setdefault(root, []).append(i)
        root_of = {m: r for r, ms in chains.items() for m in ms}
        for i in self.outer_idx:
            q = quotes[i]
            if q.speaker is not None:
                continue
            donor = next((quotes[m] for m in chains[root_of[i]] if quotes[m].own), None)
            if donor is None and q.continuation_of is not None:
                donor = quotes[q.continuation_of] if quotes[q.continuation_of].speaker else None
            if donor is not None:
                q.cue, q.speaker, q.kind, q.inherited = donor.cue, donor.speaker, donor.kind, True
                continue
            same = next(
                (
                    quotes[m]
                    for m in reversed(self.unit_quotes.get(q.unit, []))
                    if quotes[m].own and quotes[m].start < q.start
                ),
                None,
            )
            if same is not None:  # '"A," comments Smith in a statement, "B."'
                q.cue, q.speaker, q.kind, q.inherited = same.cue, same.speaker, same.kind, True
                continue
            if not self._opens_unit(q) and not self._partial(q):
                continue
            prev = self._previous_unit(q.unit)
            found = self._unit_attribution(prev) if prev is not None else None
            if found is None and prev is not None and self.unit_par[prev] == self.unit_par[q.unit]:
                found = self._person_subject(prev)
            if found:
                q.cue, q.speaker, q.kind = found
                q.inherited = True
                for m in chains[root_of[i]]:
                    other = quotes[m]
                    if other.speaker is None:
                        other.cue, other.speaker, other.kind, other.inherited = (
                            q.cue,
                            q.speaker,
                            q.kind,
                            True,
                        )
        for q in quotes:
            if q.parent is not None and q.speaker is None:
                host = quotes[q.parent]
                if host.speaker is not None:
                    q.cue, q.speaker, q.kind, q.inherited = host.cue, host.speaker, host.kind, True

    def _freeze(self) -> QuoteAnalysis:
        text = self.text
        frozen = [
            Quote(
                start=q.start,
                end=q.end,
                content_start=q.content_start,
                content_end=q.content_end,
                open_mark=q.open_mark,
                close_mark=q.close_mark,
                depth=q.depth,
                continues=q.continues,
                continuation_of=q.continuation_of,
                parent=q.parent,
                is_term=q.is_term,
                cue=q.cue,
                cue_text=text[q.cue[0] : q.cue[1]] if q.cue else None,
                speaker=q.speaker,
                speaker_text=text[q.speaker[0] : q.speaker[1]] if q.speaker else None,
                speaker_kind=q.kind if q.speaker else None,
                inherited=q.inherited,
            )
            for q in self.quotes
        ]
        children: dict[int, list[int]] = {}
        for i, q in enumerate(frozen):
            if q.parent is not None:
                children.setdefault(q.parent, []).append(i)
        outer = [i for i, q in enumerate(frozen) if q.depth == 0]
        self.unbalanced.sort()
        return QuoteAnalysis(
            quotes=frozen,
            unbalanced=self.unbalanced,
            _starts=[frozen[i].start for i in outer],
            _outer=outer,
            _children=children,
            _text=text,
            _units=list(self.units),
        )


def chains_root(quotes: Sequence[_Q], i: int) -> int:
    """First quote of the continuation chain containing quote i."""
    while quotes[i].continuation_of is not None:
        i = quotes[i].continuation_of
    return i


class _UnitSubject:
    """The subject of a unit's first narration segment, found on the first call (most cues never
    ask for it); the segment's tokens are kept for reuse."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._span = (text, start, end)
        self._toks: list[_Tok] | None = None
        self._subject: _Subject | bool = False  # False: not looked for yet

    def tokens(self) -> list[_Tok]:
        if self._toks is None:
            text, start, end = self._span
            self._toks = _tokens(text, start, end) if end > start else []
        return self._toks

    def __call__(self) -> _Subject:
        if self._subject is False:
            self._subject = _subject(self.tokens())
        return self._subject  # type: ignore[return-value]


def _find_citations(
    text: str, units: Sequence[tuple[int, int]], outer: Sequence[Quote]
) -> list[Citation]:
    """Every reporting clause in the narration of every unit (``Itani says``, ``said Smith``)."""
    lex = _lexicon()
    verbs, phrase_starts = lex.verbs, lex.phrases_by_first
    # A cue token is one of these words, so its letters are a whole letter run of the text.
    cue_words = lex.cue_words
    out: list[Citation] = []
    starts = [q.start for q in outer]
    for us, ue in units:
        segs: list[tuple[int, int]] = []
        pos = us
        for qi in range(bisect.bisect_left(starts, us), bisect.bisect_left(starts, ue)):
            segs.append((pos, outer[qi].start))
            pos = max(pos, outer[qi].end)
        segs.append((pos, ue))
        has_cue = [
            not cue_words.isdisjoint(_LETTER_RUN_RE.findall(text[s:e].lower())) for s, e in segs
        ]
        if not any(has_cue):
            continue  # no reporting verb anywhere in this unit's narration: nothing to tokenise
        subject = _UnitSubject(text, *segs[0])
        for n, (s, e) in enumerate(segs):
            if not has_cue[n]:
                continue  # the first segment is read for the unit's subject when a cue needs it
            toks = subject.tokens() if n == 0 else _tokens(text, s, e) if e > s else []
            k = 0
            while k < len(toks):
                t = toks[k]
                if not t.word or (t.low not in verbs and t.low not in phrase_starts):
                    k += 1  # no cue starts here (what _cue_at checks first, inlined for speed)
                    continue
                a = _attribution_at(toks, k, 0, len(toks), subject)
                if a is None:
                    k += 1
                    continue
                out.append(
                    Citation(
                        a.cue,
                        a.speaker,
                        a.kind,
                        text[a.cue[0] : a.cue[1]],
                        text[a.speaker[0] : a.speaker[1]],
                    )
                )
                while k < len(toks) and toks[k].start < a.cue[1]:
                    k += 1  # past the cue ("according to")
    return out


def analyse_quotes(
    text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]
) -> QuoteAnalysis:
    """Find every quotation in ``text`` with its nesting, continuation, cue and speaker."""
    return _Analyser(text, paragraphs, sentences).run()
