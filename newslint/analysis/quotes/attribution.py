"""Attribution: give each quotation its owner.

The analyser runs in one pass over the document, in this order:

1. **Spans**: transcript turns and block quotations (:mod:`.layout`), quotation marks
   (:mod:`.marks`: doubles, straight marks nested in curly ones, singles), nested by offsets.
2. **Sentence units** (:mod:`.units`) over the outer quotations.
3. **Mentions** (:mod:`.mentions`): quoted words talked about rather than said.
4. **Own cue** of each outer quotation in marks, by position: (1) a clause right after it
   (``", he said"``, ``", said Smith"``, ``", Roe on Tuesday said"``, ``" ― Name"``); (2) the
   nearest cue before it in its sentence (``He added: "``, ``according to X, "``); (3) a short
   clause opening the next sentence (``"...?" Graham asked.``); (4) any cue elsewhere in its
   sentence; (5) framing without a verb: ``Smith: "``, or the sentence subject for ``...: "``
   and ``... as a "``; (6) for a partial quotation, the person who is the sentence subject or is
   named before it.
5. **Line attributions** for a paragraph that is only quotations: a dash line under it or a
   name line over it (:mod:`.layout`).
6. **Inheritance**: a quotation borrows the owner of its continuation chain (a quote running
   over paragraphs), of an earlier quote in its sentence (``"A," Smith said, "B."``), of a later
   quote in a run of quote-only sentences of its paragraph (``"A." "B." "C," Smith said.``), of
   the sentence just before (an attributed quote, a reporting clause such as ``..., according to
   analyst Nicholas Heras.``, ``Roe put it this way:``, or a sentence whose subject is a person),
   or of the quotation it is nested in.

Anything else in marks, closed and not a mention, is an orphan.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from newslint.analysis.quotes.citations import find_citations
from newslint.analysis.quotes.cues import (
    PERSON_PRONOUNS,
    Attribution,
    Subject,
    colon_speaker,
    framing_speaker,
    immediate_after,
    named_before,
    search_cues,
    sentence_subject,
    subject_person,
)
from newslint.analysis.quotes.layout import (
    Block,
    block_quotations,
    dash_line,
    introduced_statements,
    name_line,
    signed_paragraphs,
    transcript_turns,
)
from newslint.analysis.quotes.marks import SINGLE_MARKS, DraftQuote, scan_doubles, scan_singles
from newslint.analysis.quotes.mentions import Place, mention_reason
from newslint.analysis.quotes.model import Quote, QuoteAnalysis
from newslint.analysis.quotes.phrases import (
    is_inflected_word,
    is_lexicon_word,
    np_right,
    np_span,
)
from newslint.analysis.quotes.tokens import Tok, TokenStore, spacy_tokens
from newslint.analysis.quotes.units import sentence_units

_Owner = tuple[tuple[int, int] | None, tuple[int, int], str]
_SECTION_CHARS = frozenset("0123456789.)(:#-–—*•IVXivx ")
_LINE_KINDS = frozenset({"body", "list", "blockquote", "heading"})


class _Analyser:
    def __init__(
        self,
        text: str,
        blocks: Sequence[Block],
        sentences: Sequence[tuple[int, int]],
        tokens: tuple[Sequence[int], Sequence[str]]
        | tuple[Sequence[int], Sequence[str], Sequence[str]],
        plain_text: bool = True,
    ) -> None:
        self.text = text
        self.plain_text = plain_text
        self.blocks = [b for b in blocks if b[1] > b[0]] or [(0, len(text), "body")]
        self.paragraphs = [(s, e) for s, e, _ in self.blocks]
        self.sentences = sentences
        self.unbalanced: list[tuple[int, str]] = []
        #: the tokens that lie within ``text[s:e]``: ``self.toks(s, e)``
        starts, texts, *lowers = tokens
        self.toks = TokenStore(text, starts, texts, lowers[0] if lowers else None)

    def run(self) -> QuoteAnalysis:
        text = self.text
        turns = transcript_turns(text, self.blocks)
        taken = {q.start for q in turns}
        blocks = [
            q
            for q in block_quotations(text, self.blocks, self.toks)
            + signed_paragraphs(text, self.blocks, self.toks)
            if q.start not in taken
        ]
        if self.plain_text:
            taken |= {q.start for q in blocks}
            blocks += [
                q
                for q in introduced_statements(text, self.blocks, self.sentences, self.toks)
                if q.start not in taken
            ]
        blocks.sort(key=lambda q: q.start)
        marks, nested = scan_doubles(text, self.paragraphs, self.unbalanced)
        self.quotes = quotes = self._assemble(turns, blocks, marks, nested)
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
        self.par_starts = [p[0] for p in self.paragraphs]
        self.par_quotes: dict[int, list[int]] = {}
        for i in self.outer_idx:
            pi = bisect.bisect_right(self.par_starts, quotes[i].start) - 1
            self.par_quotes.setdefault(pi, []).append(i)
        self._mentions()
        for i in self.outer_idx:
            if quotes[i].form == "marks":
                self._own_attribution(i)
        self.sentence_starts = sorted(s for s, _ in self.sentences)
        for i, q in enumerate(quotes):
            if q.depth and q.parent is not None:
                self._nested_attribution(i)
        self._line_attributions()
        self._propagate()
        return self._freeze()

    # -- spans -----------------------------------------------------------------------------
    def _assemble(
        self,
        turns: list[DraftQuote],
        blocks: list[DraftQuote],
        marks: list[DraftQuote],
        nested: list[tuple[int, int, int]],
    ) -> list[DraftQuote]:
        """All spans in text order with their nesting and continuation links as indices."""
        text = self.text
        links: dict[int, DraftQuote] = {}
        for q in marks:
            if q.continuation_of is not None:
                links[id(q)] = marks[q.continuation_of]
        for group in (turns, blocks):
            for n, q in enumerate(group):
                if q.continuation_of == -1:
                    links[id(q)] = group[n - 1]
        containers = [
            c
            for c in turns + blocks
            if not any(m.start < c.start < m.end or m.start < c.end < m.end for m in marks)
        ]
        kept = {id(q) for q in containers} | {id(q) for q in marks}
        links = {k: v for k, v in links.items() if k in kept and id(v) in kept}
        extra = [DraftQuote(s, e, s + 1, e - 1, text[s], text[e - 1]) for s, e, _ in nested]
        singles: list[DraftQuote] = []
        by_par: list[list[DraftQuote]] = [[] for _ in self.paragraphs]
        par_starts = [p[0] for p in self.paragraphs]
        for q in marks:
            by_par[max(bisect.bisect_right(par_starts, q.start) - 1, 0)].append(q)
        for pi, (ps, pe) in enumerate(self.paragraphs):
            pos = ps
            segments: list[tuple[int, int]] = []
            for q in by_par[pi]:
                segments.append((pos, q.start))
                segments.append((q.content_start, q.content_end))
                pos = max(pos, q.end)
            segments.append((pos, pe))
            for lo, hi in segments:
                for s, e in scan_singles(text, lo, hi):
                    singles.append(DraftQuote(s, e, s + 1, e - 1, text[s], text[e - 1]))
        result = containers + marks + extra + singles
        result.sort(key=lambda q: (q.start, -q.end))
        stack: list[DraftQuote] = []
        parents: dict[int, DraftQuote] = {}
        for q in result:
            while stack and not (stack[-1].start <= q.start and q.end <= stack[-1].end):
                stack.pop()
            if stack:
                parents[id(q)] = stack[-1]
                q.depth = stack[-1].depth + 1
            else:
                q.depth = 0
            stack.append(q)
        pos_of = {id(q): n for n, q in enumerate(result)}
        for q in result:
            q.parent = pos_of[id(parents[id(q)])] if id(q) in parents else None
            link = links.get(id(q))
            q.continuation_of = pos_of[id(link)] if link is not None else None
        return result

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

    # -- mentions --------------------------------------------------------------------------
    def _mentions(self) -> None:
        text = self.text
        for pi, members in self.par_quotes.items():
            ps, pe = self.paragraphs[pi]
            alone = len(members) == 1 and self._quote_only(pi, members)
            for i in members:
                q = self.quotes[i]
                if q.form != "marks" or q.unit < 0:
                    continue
                unit_members = self.unit_quotes[q.unit]
                pos = unit_members.index(i)
                segs = self._narration_segments(q.unit)
                before, after = self.toks(*segs[pos]), self.toks(*segs[pos + 1])
                previous = self.quotes[unit_members[pos - 1]] if pos else None
                lead: list[Tok] = []
                if (
                    pos == 0
                    and q.unit > 0
                    and self.unit_par[q.unit - 1] == pi
                    and self._opens_unit(q)
                ):
                    lead = self.toks(*self.units[q.unit - 1])
                place = Place(
                    (ps, pe),
                    before,
                    after,
                    previous is not None and previous.mention is not None,
                    alone,
                    lead,
                )
                q.mention = mention_reason(text, q, place)

    def _quote_only(self, pi: int, members: Sequence[int]) -> bool:
        """Nothing but quotations (and perhaps a section number) in paragraph ``pi``."""
        ps, pe = self.paragraphs[pi]
        pos = ps
        rest: list[str] = []
        for i in members:
            q = self.quotes[i]
            rest.append(self.text[pos : q.start])
            pos = max(pos, q.end)
        rest.append(self.text[pos:pe])
        return all(ch in _SECTION_CHARS or not ch.isalnum() for ch in "".join(rest))

    # -- own cue ---------------------------------------------------------------------------
    def _own_attribution(self, idx: int) -> None:
        q = self.quotes[idx]
        if q.unit < 0:
            return
        members = self.unit_quotes[q.unit]
        pos = members.index(idx)
        segs = self._narration_segments(q.unit)
        before, after = self.toks(*segs[pos]), self.toks(*segs[pos + 1])
        earlier = next(
            (self.quotes[m] for m in reversed(members[:pos]) if self.quotes[m].own), None
        )
        subject: Subject = (
            (earlier.speaker, earlier.kind)
            if earlier and earlier.speaker and earlier.kind
            else None
        )
        if subject is None:
            subject = sentence_subject(self.toks(*segs[0]))
        how = "after"
        attr = None if q.continues else immediate_after(after, dash_ok=True)
        if attr is None:
            how = "before"
            attr = search_cues(before, subject, reverse=True)
        if attr is None and not q.continues and not after and self._ends_sentence(q):
            how = "next-sentence"
            attr = self._attribution_in_next_unit(q.unit)
        if attr is None and not q.continues:
            how = "after"
            attr = search_cues(after, subject, reverse=False)
        if attr is None:
            how = "same-sentence"
            order = sorted(range(len(segs)), key=lambda n: (min(abs(n - pos), abs(n - pos - 1)), n))
            for n in order:
                if n in (pos, pos + 1):
                    continue
                attr = search_cues(self.toks(*segs[n]), subject, reverse=n <= pos)
                if attr:
                    break
        if attr is None:
            how = "colon"
            content = self.text[q.content_start : q.content_end].lstrip()
            sentence = bool(content) and content[0].isupper() and self._ends_sentence(q)
            attr = colon_speaker(before) or framing_speaker(before, subject, sentence)
        if attr is None and not q.continues and self._partial(q):
            how = "partial"
            attr = subject_person(subject, self.text, before) or named_before(before)
        if attr:
            if how in ("after", "before") and attr.speaker[0] > attr.cue[0]:
                how = "inverted"
            q.cue, q.speaker, q.kind, q.own, q.how = attr.cue, attr.speaker, attr.kind, True, how
            if q.mention == "term" and how != "partial" and self._spoken(q, attr):
                q.mention = None  # 'Roe said, "We will rebuild."': a short quote, but speech

    def _spoken(self, q: DraftQuote, attr: Attribution) -> bool:
        """A short quote with its own cue is speech when the cue introduces it directly
        (``said, "..."``, ``added that "..."``) or it runs to three words or more."""
        if len(self.text[q.content_start : q.content_end].split()) >= 3:
            return True
        start = min(attr.cue[0], attr.speaker[0])
        gap = (
            self.text[attr.cue[1] : q.start] if attr.cue[1] <= q.start else self.text[q.end : start]
        )
        return all(w.strip(",:;—–-").lower() in ("", "that") for w in gap.split())

    def _nested_attribution(self, idx: int) -> None:
        """A quotation inside a transcript turn or a block quotation: its own cue in its
        sentence there (``My father always said "never give up."``), if it has one."""
        q = self.quotes[idx]
        host = self.quotes[q.parent] if q.parent is not None else None
        if host is None or host.form == "marks" or q.form != "marks":
            return
        starts = self.sentence_starts
        n = bisect.bisect_right(starts, q.start) - 1
        s_start = max(host.content_start, starts[n] if n >= 0 else host.content_start)
        s_end = starts[n + 1] if n + 1 < len(starts) else host.content_end
        s_end = min(max(s_end, q.end), host.content_end)
        before, after = self.toks(s_start, q.start), self.toks(q.end, s_end)
        how = "after"
        attr = immediate_after(after, dash_ok=False)
        if attr is None:
            how = "before"
            attr = search_cues(before, None, reverse=True) or colon_speaker(before)
        if attr is not None:
            q.cue, q.speaker, q.kind, q.own, q.how = attr.cue, attr.speaker, attr.kind, True, how

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
            self.toks(*self._narration_segments(nxt)[0]), dash_ok=True, short=True
        )

    # -- line attributions -----------------------------------------------------------------
    def _line_attributions(self) -> None:
        """A paragraph of nothing but quotations takes a dash line under it or a name line
        over it as its source."""
        text = self.text
        for pi, members in self.par_quotes.items():
            todo = [
                self.quotes[i]
                for i in members
                if self.quotes[i].form == "marks"
                and self.quotes[i].speaker is None
                and self.quotes[i].mention is None
            ]
            if not todo or not self._quote_only(pi, members):
                continue
            found, how = None, ""
            nxt = pi + 1
            if nxt < len(self.blocks) and self.blocks[nxt][2] in _LINE_KINDS:
                found, how = dash_line(text, *self.paragraphs[nxt], self.toks), "dash-line"
                if found is None and nxt not in self.par_quotes and self._signed(pi, nxt):
                    found, how = name_line(text, *self.paragraphs[nxt], self.toks), "name-line"
            prev = pi - 1
            if (
                found is None
                and prev >= 0
                and self.blocks[prev][2] in _LINE_KINDS
                and prev not in self.par_quotes
            ):
                found, how = name_line(text, *self.paragraphs[prev], self.toks), "name-line"
            if found is None:
                continue
            for q in todo:
                q.cue, q.speaker, q.kind, q.own, q.how = (
                    found.cue,
                    found.speaker,
                    found.kind,
                    True,
                    how,
                )

    def _signed(self, pi: int, nxt: int) -> bool:
        """A name line under a quotation signs it when both sit in one block quotation, or the
        line reads ``Name, description`` (a sub-head does not)."""
        if self.blocks[pi][2] == "blockquote" and self.blocks[nxt][2] == "blockquote":
            return True
        return "," in self.text[slice(*self.paragraphs[nxt])]

    # -- inheritance -----------------------------------------------------------------------
    def _unit_attribution(self, unit: int) -> _Owner | None:
        """The last attribution made in a unit: an attributed quote or narration with a cue."""
        for i in reversed(self.unit_quotes.get(unit, [])):
            q = self.quotes[i]
            if q.speaker is not None and q.mention is None:
                return q.cue, q.speaker, q.kind or "name"
        segs = self._narration_segments(unit)
        subject = sentence_subject(self.toks(*segs[0]))
        for s, e in reversed(segs):
            a = search_cues(self.toks(s, e), subject, reverse=True)
            if a:
                return a.cue, a.speaker, a.kind
        last = self.toks(*segs[-1])
        if subject and last and last[-1].text == ":" and subject[1] != "document":
            return (
                (last[-1].start, last[-1].end),
                subject[0],
                subject[1],
            )  # "Sanders made the following comment:"
        return None

    def _person_subject(self, unit: int) -> _Owner | None:
        """``Aderholt returned to the issue. "What ...?"``: a sentence opened by a person (a
        name or he/she/they, perhaps after an opening phrase and a comma) frames the quote that
        opens the next sentence of the paragraph."""
        toks = self.toks(*self._narration_segments(unit)[0])
        np = np_right(toks, 0, len(toks))
        if np is None:
            comma = next((k for k, t in enumerate(toks[:12]) if t.text == ","), None)
            np = np_right(toks, comma + 1, len(toks)) if comma is not None else None
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
            if ok and np.first == np.last and is_inflected_word(head.low):
                ok = False  # "Prices rose again.": a capital that only opens the sentence
        return (None, np_span(toks, np), np.kind) if ok else None

    def _opens_unit(self, q: DraftQuote) -> bool:
        us = self.units[q.unit][0]
        return not any(ch.isalnum() for ch in self.text[us : q.start])

    def _quote_only_unit(self, unit: int) -> bool:
        return not any(
            ch.isalnum() for s, e in self._narration_segments(unit) for ch in self.text[s:e]
        )

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

    def _following_in_run(self, q: DraftQuote) -> DraftQuote | None:
        """``"A." "B." "C," Smith said.``: the owner of a later quote of the paragraph when only
        quote-only sentences lie between."""
        unit = q.unit
        if not self._quote_only_unit(unit):
            return None
        nxt = unit + 1
        while nxt < len(self.units) and self.unit_par[nxt] == self.unit_par[unit]:
            members = self.unit_quotes.get(nxt, [])
            if not members or not self._opens_unit(self.quotes[members[0]]):
                return None
            owner = next((self.quotes[m] for m in members if self.quotes[m].own), None)
            if owner is not None:
                return owner
            if not self._quote_only_unit(nxt):
                return None
            nxt += 1
        return None

    @staticmethod
    def _inherit(q: DraftQuote, owner: _Owner, how: str) -> None:
        q.cue, q.speaker, q.kind = owner
        q.inherited, q.how = True, how

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
            if donor is not None and donor.speaker is not None:
                self._inherit(q, (donor.cue, donor.speaker, donor.kind or "name"), "continuation")
                continue
            if q.unit < 0 or q.form == "turn":
                continue  # an answer nobody's label owns is not the question's
            same = next(
                (
                    quotes[m]
                    for m in reversed(self.unit_quotes.get(q.unit, []))
                    if quotes[m].own and quotes[m].start < q.start and quotes[m].speaker
                ),
                None,
            )
            if same is not None and same.speaker is not None:  # '"A," Smith says, "B."'
                self._inherit(q, (same.cue, same.speaker, same.kind or "name"), "same-sentence")
                continue
            if not self._opens_unit(q) and not self._partial(q):
                continue
            later = self._following_in_run(q) if q.form == "marks" else None
            if later is not None and later.speaker is not None:
                self._inherit(q, (later.cue, later.speaker, later.kind or "name"), "quote-run")
                continue
            prev = self._previous_unit(q.unit)
            found = self._unit_attribution(prev) if prev is not None else None
            how = "previous-sentence"
            if found is None and prev is not None and self.unit_par[prev] == self.unit_par[q.unit]:
                found, how = self._person_subject(prev), "person-subject"
            if found:
                self._inherit(q, found, how)
                for m in chains[root_of[i]]:
                    if quotes[m].speaker is None:
                        self._inherit(quotes[m], found, "continuation")
        for q in quotes:
            if q.parent is not None and q.speaker is None:
                host = quotes[q.parent]
                if host.speaker is not None:
                    self._inherit(q, (host.cue, host.speaker, host.kind or "name"), "nested")

    # -- result ----------------------------------------------------------------------------
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
                form=q.form,
                closed=q.closed,
                mention=q.mention,
                cue=q.cue,
                cue_text=text[q.cue[0] : q.cue[1]] if q.cue else None,
                speaker=q.speaker,
                speaker_text=text[q.speaker[0] : q.speaker[1]] if q.speaker else None,
                speaker_kind=q.kind if q.speaker else None,
                how=q.how if q.speaker else None,
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
                find_citations, text, list(self.units), [frozen[i] for i in outer], self.toks
            ),
        )


def chains_root(quotes: Sequence[DraftQuote], i: int) -> int:
    """First quote of the continuation chain containing quote i."""
    seen = 0
    while quotes[i].continuation_of is not None and seen < len(quotes):
        i = quotes[i].continuation_of  # type: ignore[assignment]
        seen += 1
    return i


def analyse_quotes(
    text: str,
    paragraphs: Sequence[tuple[int, int]] | Sequence[Block],
    sentences: Sequence[tuple[int, int]],
    tokens: tuple[Sequence[int], Sequence[str]]
    | tuple[Sequence[int], Sequence[str], Sequence[str]]
    | None = None,
    plain_text: bool = True,
) -> QuoteAnalysis:
    """Find every quotation in ``text`` with its nesting, continuation, cue and speaker.

    ``paragraphs`` are (start, end) or (start, end, block kind) spans (the kind tells block
    quotations and headings); ``tokens`` are the offsets, texts and (optionally) lower-case
    texts of the document's spaCy tokens (without them the same blank tokenizer is run here).
    ``plain_text``: the copy has no markup, so a statement set off after a lead-in has lost its
    block quotation (see :func:`.layout.introduced_statements`).
    """
    blocks: list[Block] = [
        (p[0], p[1], p[2] if len(p) > 2 else "body")  # type: ignore[misc]
        for p in paragraphs
    ]
    return _Analyser(text, blocks, sentences, tokens or spacy_tokens(text), plain_text).run()
