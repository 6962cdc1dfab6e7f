"""Layout: quotations that the page shows by their shape rather than by marks.

- **Transcripts**: paragraphs opened by a speaker label (``Q:``, ``A:``, ``ROE:``, ``Jane Roe:``,
  ``((Jane Roe))``)
  are turns of a transcript when the article has several of them; each turn is a quotation owned
  by its label, and unlabelled paragraphs between two turns continue the turn before them (or,
  when only questions are labelled, are the answers).
- **Block quotations**: Markdown ``>`` and HTML ``<blockquote>`` paragraphs are one quotation
  when a source line signs them (a last line or the next paragraph of the form ``— Name``) or
  the paragraph before introduces them (``Roe wrote to members:``); otherwise (a callout, an
  aside such as ``Note:`` or ``This is a cross-post``) they are the writer's own words. Block
  quotations that open with a quotation mark are read by their marks.
- **Line attributions** for a paragraph that is nothing but a quotation: a dash line under it
  (``-- Jane Roe, teacher``) or a name line over it (``Jane Roe, Leeds``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from newslint.analysis.quotes.cues import Attribution
from newslint.analysis.quotes.lexicon import lexicon
from newslint.analysis.quotes.marks import DOUBLE_MARKS, SINGLE_OPEN, DraftQuote
from newslint.analysis.quotes.phrases import NP, np_right, np_span
from newslint.analysis.quotes.tokens import Tok

Block = tuple[int, int, str]
_LABEL_RE = re.compile(
    r"[ \t]*(?:([^\W\d_][^\n:：]{0,40}?)[ \t]*[:：]|\(\(([^\W\d_][^\n()]{0,40}?)\)\))[ \t]*(?=\S)"
)
_DASH_LINE_RE = re.compile(r"[ \t]*(?:--|[—―–~-])[ \t]*(?=[^\W\d_])")
_TURN_KINDS = frozenset({"body", "list", "blockquote"})
_MAX_LABEL_WORDS = 4
_MAX_SOURCE_LINE_WORDS = 14
_MAX_NAME_LINE_WORDS = 8


def _label_ok(label: str) -> bool:
    lex = lexicon()
    words = label.split()
    if not words or len(words) > _MAX_LABEL_WORDS:
        return False
    low = label.lower().rstrip(".")
    if low in lex.transcript_roles:
        return True
    if low in lex.callout_labels or words[0].lower() in lex.callout_labels:
        return False
    if any(ch in label for ch in '.,;!?()[]"“”/*#&|'):
        return label.endswith(".") and label.count(".") == 1 and len(words) > 1  # "Sen. Roe"
    return all(
        w[0].isupper() or w.lower() in lex.particles or w.lower() in lex.honorifics for w in words
    )


def transcript_turns(text: str, blocks: Sequence[Block]) -> list[DraftQuote]:
    """The turns of a transcript, or nothing when the article is not one."""
    labelled: dict[int, tuple[int, int]] = {}  # block index -> label span
    for bi, (bs, be, kind) in enumerate(blocks):
        if kind not in _TURN_KINDS:
            continue
        m = _LABEL_RE.match(text, bs, be)
        group = 1 if m and m.group(1) is not None else 2
        if m and _label_ok(m.group(group)):
            labelled[bi] = m.span(group)
    if len(labelled) < 2:
        return []
    counts = Counter(" ".join(text[s:e].lower().split()) for s, e in labelled.values())
    roles = lexicon().transcript_roles
    only_roles = all(label in roles for label in counts)
    if not (
        (len(counts) >= 2 and max(counts.values()) >= 2)
        or (only_roles and sum(counts.values()) >= 2)
    ):
        return []
    questions_only = set(counts) <= {"q", "question", "interviewer"}
    turns: list[DraftQuote] = []
    order = sorted(labelled)
    for n, bi in enumerate(order):
        bs, be, _ = blocks[bi]
        ls, le = labelled[bi]
        colon = next(i for i in range(le, be) if text[i] in ":：)")  # "Roe:" or "((Roe))"
        while colon + 1 < be and text[colon + 1] == ")":
            colon += 1
        start = colon + 1
        while start < be and text[start] in " \t":
            start += 1
        speaker_kind = "title_name" if text[ls:le].lower() in roles else "name"
        turns.append(_turn(start, be, (le, colon + 1), (ls, le), speaker_kind))
        last = order[n + 1] if n + 1 < len(order) else bi + 1
        for follow in range(bi + 1, last):  # unlabelled paragraphs before the next turn
            fs, fe, kind = blocks[follow]
            if kind not in _TURN_KINDS or not text[fs:fe].strip():
                break
            if questions_only:
                turns.append(_turn(fs, fe, None, None, None))  # an answer
            else:
                part = _turn(fs, fe, (le, colon + 1), (ls, le), speaker_kind)
                part.continuation_of = -1  # continues the turn before (set by the analyser)
                turns.append(part)
    return turns


def _turn(
    start: int,
    end: int,
    cue: tuple[int, int] | None,
    speaker: tuple[int, int] | None,
    kind: str | None,
) -> DraftQuote:
    q = DraftQuote(start, end, start, end, None, None, form="turn")
    if speaker is not None:
        q.cue, q.speaker, q.kind, q.how, q.own = cue, speaker, kind, "transcript", True
    return q


def block_quotations(
    text: str, blocks: Sequence[Block], toks: Callable[[int, int], Sequence[Tok]]
) -> list[DraftQuote]:
    """Block quotations (runs of blockquote paragraphs), with the source line when there is
    one. Parts after the first continue it (``continuation_of=-1``, set by the analyser)."""
    lex = lexicon()
    out: list[DraftQuote] = []
    bi = 0
    while bi < len(blocks):
        if blocks[bi][2] != "blockquote":
            bi += 1
            continue
        run = [bi]
        while run[-1] + 1 < len(blocks) and blocks[run[-1] + 1][2] == "blockquote":
            run.append(run[-1] + 1)
        bi = run[-1] + 1
        first_text = text[blocks[run[0]][0] : blocks[run[0]][1]].lstrip()
        if not first_text or first_text[0] in DOUBLE_MARKS + SINGLE_OPEN:
            continue  # a quotation in marks: the marks say where it is
        head = first_text.split(":", 1)[0].strip().lower() if ":" in first_text[:30] else ""
        if head and (head in lex.callout_labels or head.split()[0] in lex.callout_labels):
            continue  # "Note: ..." is the writer's own aside
        spans = [(blocks[i][0], blocks[i][1]) for i in run]
        source = _source_line(text, spans[-1], toks)
        if source is not None and source[0] == spans[-1][0]:
            spans.pop()  # the last paragraph is only the source line
        elif source is not None:
            s, e = spans[-1]
            spans[-1] = (s, _trim(text, s, source[0]))
        if source is None and bi < len(blocks):
            source = _source_line(text, (blocks[bi][0], blocks[bi][1]), toks)
        if not spans:
            continue
        if source is None and not _introduced(text, blocks, run[0]):
            continue  # "> This is a cross-post of ...": the writer's own aside, not a quotation
        for n, (s, e) in enumerate(spans):
            q = DraftQuote(s, e, s, e, None, None, form="block", continues=n + 1 < len(spans))
            if n:
                q.continuation_of = -1
            if source is not None:
                q.cue, q.speaker, q.kind, q.how = (
                    source[1].cue,
                    source[1].speaker,
                    source[1].kind,
                    "source-line",
                )
                q.own = n == 0
                q.inherited = n > 0
            out.append(q)
    return out


def _introduced(text: str, blocks: Sequence[Block], first: int) -> bool:
    """The paragraph before a block quotation introduces it (``Roe wrote to members:``)."""
    if first == 0:
        return False
    ps, pe, _ = blocks[first - 1]
    return text[ps:pe].rstrip().endswith(":")


def _trim(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _source_line(
    text: str, span: tuple[int, int], toks: Callable[[int, int], Sequence[Tok]]
) -> tuple[int, Attribution] | None:
    """``— Jane Roe, teacher`` as the whole of ``span`` or as its last line: (where the line
    starts, the attribution)."""
    s, e = span
    line_start = text.rfind("\n", s, e) + 1 or s
    for start in (s, line_start) if line_start > s else (s,):
        m = _DASH_LINE_RE.match(text, start, e)
        if not m:
            continue
        found = dash_line(text, start, e, toks)
        if found is not None:
            return start, found
    return None


def dash_line(
    text: str, start: int, end: int, toks: Callable[[int, int], Sequence[Tok]]
) -> Attribution | None:
    """``-- Jane Roe, teacher``, ``— Amal Haddad, Lyon``: a dash, then a name, then at most a
    short description."""
    m = _DASH_LINE_RE.match(text, start, end)
    if not m or len(text[start:end].split()) > _MAX_SOURCE_LINE_WORDS:
        return None
    words = toks(m.end(), end)
    np = np_right(words, 0, len(words), extend=False)
    if np is None or np.kind not in ("name", "title_name", "organisation"):
        return None
    if not _only_description(words, np):
        return None
    dash = (
        m.start() + len(text[m.start() : m.end()]) - len(text[m.start() : m.end()].lstrip()),
        m.end(),
    )
    return Attribution((dash[0], dash[0] + 1), np_span(words, np), np.kind)


def name_line(
    text: str, start: int, end: int, toks: Callable[[int, int], Sequence[Tok]]
) -> Attribution | None:
    """``Jane Roe, retired teacher`` or ``Jane Roe:`` on its own line above a testimonial."""
    body = text[start:end].strip()
    if not body or len(body.split()) > _MAX_NAME_LINE_WORDS or body[-1] in '.?!"”':
        return None
    words = toks(start, end)
    if not words or not words[0].cap or words[0].low in lexicon().determiners:
        return None
    np = np_right(words, 0, len(words), extend=False)
    if np is None or np.kind not in ("name", "title_name"):
        return None
    if not _only_description(words, np):
        return None
    last = words[-1]
    return Attribution((last.start, last.end), np_span(words, np), np.kind)


def _only_description(words: Sequence[Tok], np: NP) -> bool:
    """After the name: nothing, a colon, or ``, description`` without a reporting verb."""
    lex = lexicon()
    rest = words[np.last + 1 :]
    if not rest or (len(rest) == 1 and rest[0].text in ":."):
        return True
    if rest[0].text not in ",(":
        return False
    return not any(t.word and t.low in lex.verbs and not t.cap for t in rest)
