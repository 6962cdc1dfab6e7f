"""Attribution: give each quotation its owner, and list the reporting clauses of the narration.

For each outer quote, in order: (1) an attribution clause right after it (``", he said"``,
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
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from newslint.analysis.quotes.cues import (
    PERSON_PRONOUNS,
    Attribution,
    Subject,
    attribution_at,
    colon_speaker,
    framing_speaker,
    immediate_after,
    named_before,
    search_cues,
    sentence_subject,
    subject_person,
)
from newslint.analysis.quotes.lexicon import lexicon
from newslint.analysis.quotes.marks import (
    DOUBLE_CLOSE,
    SINGLE_MARKS,
    WORD_AFTER_RE,
    DraftQuote,
    scan_doubles,
    scan_singles,
)
from newslint.analysis.quotes.model import Citation, Quote, QuoteAnalysis
from newslint.analysis.quotes.phrases import Tok, is_lexicon_word, np_right, np_span, tokenize
from newslint.analysis.quotes.units import sentence_units

_LETTER_RUN_RE = re.compile(r"[a-z]+")
_FINAL_PUNCT_RE = re.compile(r"[.?!…](?=[\s\"”’')\]]|$)")
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_WORD_BEFORE_RE = re.compile(r"(?:^|\W)([^\W\d_]+)[ \t]+$")
_MAX_TERM_WORDS = 4
_MAX_NP_TERM_WORDS = 8
_TERM_DETERMINERS = frozenset(
    {"the", "a", "an", "these", "those", "this", "its", "their", "our", "your", "my", "his"}
)


def _is_title(words: Sequence[str]) -> bool:
    """``“Takin’ It to the Streets”``: a title-case name of a work, not a quotation."""
    small = lexicon().title_small_words
    big = [w for w in words if w.lower() not in small or w is words[0]]
    return (
        len(big) >= 2
        and all(w[0].isupper() or w[0].isdigit() for w in big)
        and not all(w.isupper() for w in words)
    )


def _is_term(text: str, q: DraftQuote, para_start: int) -> bool:
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
    nxt = WORD_AFTER_RE.match(text, q.end + 1) if text[q.end : q.end + 1] == " " else None
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
        self._tok_cache: dict[tuple[int, int], list[Tok]] = {}

    def run(self) -> QuoteAnalysis:
        text = self.text
        outer = scan_doubles(text, self.paragraphs, self.unbalanced)
        quotes = self._add_singles(outer)
        self.quotes = quotes
        self.outer_idx = [i for i, q in enumerate(quotes) if q.depth == 0]
        outer_sorted = [quotes[i] for i in self.outer_idx]
        self.units, self.unit_par = sentence_units(
            text, self.paragraphs, self.sentences, outer_sorted
        )
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

    def _add_singles(self, outer: list[DraftQuote]) -> list[DraftQuote]:
        """Nested single quotes inside doubles (depth 1) and single quotes in narration (0)."""
        text = self.text
        result: list[DraftQuote] = list(outer)
        hosts: dict[int, DraftQuote] = {}
        par_starts = [p[0] for p in self.paragraphs]
        by_par: list[list[DraftQuote]] = [[] for _ in self.paragraphs]
        for q in outer:
            by_par[bisect.bisect_right(par_starts, q.start) - 1].append(q)
        for pi, (ps, pe) in enumerate(self.paragraphs):
            pos = ps
            segments: list[tuple[int, int, DraftQuote | None]] = []
            for q in by_par[pi]:
                segments.append((pos, q.start, None))
                segments.append((q.content_start, q.content_end, q))
                pos = q.end
            segments.append((pos, pe, None))
            for lo, hi, host in segments:
                for s, e in scan_singles(text, lo, hi):
                    nested = DraftQuote(
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

    def _toks(self, s: int, e: int) -> list[Tok]:
        key = (s, e)
        toks = self._tok_cache.get(key)
        if toks is None:
            toks = self._tok_cache[key] = tokenize(self.text, s, e)
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
        subject: Subject = (
            (earlier.speaker, earlier.kind)
            if earlier and earlier.speaker and earlier.kind
            else None
        )
        if subject is None:
            subject = sentence_subject(self._toks(*segs[0]))
        attr = None if q.continues else immediate_after(after, dash_ok=True)
        if attr is None:
            attr = search_cues(before, subject, reverse=True)
        if attr is None and not q.continues and not after and self._ends_sentence(q):
            attr = self._attribution_in_next_unit(q.unit)
        if attr is None and not q.continues:
            attr = search_cues(after, subject, reverse=False)
        if attr is None:
            order = sorted(range(len(segs)), key=lambda n: (min(abs(n - pos), abs(n - pos - 1)), n))
            for n in order:
                if n in (pos, pos + 1):
                    continue
                attr = search_cues(self._toks(*segs[n]), subject, reverse=n <= pos)
                if attr:
                    break
        if attr is None:
            attr = colon_speaker(before) or framing_speaker(before, subject)
        if attr is None and not q.continues and self._partial(q):
            attr = subject_person(subject, self.text, before) or named_before(before)
        if attr:
            q.cue, q.speaker, q.kind, q.own = attr.cue, attr.speaker, attr.kind, True

    def _partial(self, q: DraftQuote) -> bool:
        """A partial quotation woven into a sentence: it starts in lower case, mid-sentence."""
        content = self.text[q.content_start : q.content_end].lstrip()
        return bool(content) and content[0].islower() and not self._opens_unit(q)

    def _ends_sentence(self, q: DraftQuote) -> bool:
        content = self.text[q.content_start : q.content_end].rstrip().rstrip(SINGLE_MARKS)
        return bool(content) and content[-1] in ".?!…,"

    def _attribution_in_next_unit(self, unit: int) -> Attribution | None:
        """``"...?" Graham asked.``: the sentencizer put the attribution clause in the next unit."""
        nxt = unit + 1
        if nxt >= len(self.units) or self.unit_par[nxt] != self.unit_par[unit]:
            return None
        return immediate_after(
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
        subject = sentence_subject(self._toks(*segs[0]))
        for s, e in reversed(segs):
            a = search_cues(self._toks(s, e), subject, reverse=True)
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
        np = np_right(toks, 0, len(toks))
        if np is None or np.last + 1 >= len(toks):
            return None
        after = toks[np.last + 1]
        if not after.word or after.cap:
            return None
        head = toks[np.last]
        if np.kind == "pronoun":
            ok = head.low in PERSON_PRONOUNS
        else:
            ok = np.kind in ("name", "title_name") and head.cap and not is_lexicon_word(head.low)
        return (None, np_span(toks, np), np.kind) if ok else None

    def _opens_unit(self, q: DraftQuote) -> bool:
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
            _find_citations=functools.partial(
                find_citations, text, list(self.units), [frozen[i] for i in outer]
            ),
        )


def chains_root(quotes: Sequence[DraftQuote], i: int) -> int:
    """First quote of the continuation chain containing quote i."""
    while quotes[i].continuation_of is not None:
        i = quotes[i].continuation_of
    return i


class _UnitSubject:
    """The subject of a unit's first narration segment, found on the first call (most cues never
    ask for it); the segment's tokens are kept for reuse."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._span = (text, start, end)
        self._toks: list[Tok] | None = None
        self._subject: Subject | bool = False  # False: not looked for yet

    def tokens(self) -> list[Tok]:
        if self._toks is None:
            text, start, end = self._span
            self._toks = tokenize(text, start, end) if end > start else []
        return self._toks

    def __call__(self) -> Subject:
        if self._subject is False:
            self._subject = sentence_subject(self.tokens())
        return self._subject  # type: ignore[return-value]


def find_citations(
    text: str, units: Sequence[tuple[int, int]], outer: Sequence[Quote]
) -> list[Citation]:
    """Every reporting clause in the narration of every unit (``Itani says``, ``said Smith``)."""
    lex = lexicon()
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
            toks = subject.tokens() if n == 0 else tokenize(text, s, e) if e > s else []
            k = 0
            while k < len(toks):
                t = toks[k]
                if not t.word or (t.low not in verbs and t.low not in phrase_starts):
                    k += 1  # no cue starts here (what _cue_at checks first, inlined for speed)
                    continue
                a = attribution_at(toks, k, 0, len(toks), subject)
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
