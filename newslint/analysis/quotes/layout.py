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
- **Introduced statements** (plain text only): prose paragraphs without marks after a paragraph
  whose last sentence names a third-person speaker and a reporting verb and ends in a colon
  (``Roe said in a statement:``, ``Reuters reports:``): a passage a page sets off, its block or
  box lost when the copy became plain text. The first paragraph is the statement; later ones
  continue it while they speak in the first person. Markup formats mark their block quotations,
  and a colon there introduces code, tables or images the reader removed.
- **Signed posts**: a paragraph without marks above a post's signature line (``— Jane Roe
  (@janeroe) November 1, 2019``): a post embedded in the page, whose marks were never there.
- **Line attributions** for a paragraph that is nothing but a quotation: a dash line under it
  (``-- Jane Roe, teacher``) or a name line over it (``Jane Roe, Leeds``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence

from newslint.analysis.quotes.cues import Attribution, search_cues, sentence_subject
from newslint.analysis.quotes.lexicon import lexicon
from newslint.analysis.quotes.marks import DOUBLE_MARKS, SINGLE_OPEN, DraftQuote
from newslint.analysis.quotes.phrases import NP, np_right, np_span
from newslint.analysis.quotes.tokens import Tok

Block = tuple[int, int, str]
#: ``Name: ``, ``Name：`` or ``((Name))`` (with an optional colon after it) opening a paragraph;
#: a colon needs a space after it (``File:photo.jpg`` is no label)
_LABEL_RE = re.compile(
    r"[ \t]*(?:([^\W\d_][^\n:：]{0,40}?)[ \t]*(?::[ \t]+|：[ \t]*)"
    r"|\(\(([^\W\d_][^\n()]{0,40}?)\)\)[ \t]*(?:[:：][ \t]*)?)(?=\S)"
)
#: a post's signature line: a dash, a name and the account's handle in parentheses
_SIGNATURE_RE = re.compile(r"[ \t]*(?:--|[—―–])[ \t]*[^\W\d_][^\n()]{0,60}\(@\w{1,30}\)")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_DASH_LINE_RE = re.compile(r"[ \t]*(?:--|[—―–~-])[ \t]*(?=[^\W\d_])")
_TURN_KINDS = frozenset({"body", "list", "blockquote"})
_SECOND_PERSON = frozenset(
    {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll"}
)
#: a lead-in with these verbs puts a question to someone: what follows is the answer
_ASKING_VERBS = frozenset({"ask", "question", "inquire", "enquire", "wonder", "query"})
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


def _speech(text: str) -> bool:
    """A turn's words read as speech: a question, or a first- or second-person word."""
    if text.rstrip().endswith("?"):
        return True
    pronouns = lexicon().speech_pronouns
    return any(w.replace("’", "'").lower() in pronouns for w in _WORD_RE.findall(text))


def _labels(text: str, blocks: Sequence[Block]) -> dict[int, re.Match[str]]:
    """Paragraphs that open with a label (block index -> the label's match)."""
    found: dict[int, re.Match[str]] = {}
    for bi, (bs, be, kind) in enumerate(blocks):
        if kind not in _TURN_KINDS:
            continue
        m = _LABEL_RE.match(text, bs, be)
        if m and _label_ok(m.group(1) if m.group(1) is not None else m.group(2)):
            found[bi] = m
    return found


def _speakers(text: str, blocks: Sequence[Block], labelled: dict[int, re.Match[str]]) -> set[str]:
    """The labels that name speakers: a transcript role, or a label whose turns are mostly
    speech (a question, first or second person, or the reply to another label's question). A
    run-in heading (``Severity: moderate``, ``New Release: ...``) is not one."""
    turns: dict[str, list[bool]] = {}
    asked_by = ""  # the label whose question the next turn answers
    for bi in sorted(labelled):
        m = labelled[bi]
        said = text[m.end() : blocks[bi][1]]
        label = _key(m)
        turns.setdefault(label, []).append(_speech(said) or bool(asked_by and asked_by != label))
        asked_by = label if said.rstrip().endswith("?") else ""
    roles = lexicon().transcript_roles
    return {
        label for label, speech in turns.items() if label in roles or 2 * sum(speech) >= len(speech)
    }


def _key(m: re.Match[str]) -> str:
    return " ".join((m.group(1) if m.group(1) is not None else m.group(2)).lower().split())


def transcript_turns(text: str, blocks: Sequence[Block]) -> list[DraftQuote]:
    """The turns of a transcript, or nothing when the article is not one.

    Unlabelled paragraphs after a turn continue it; after a question of a label that only asks
    (``Q:``, ``((WN))`` whose turns all end in ``?``) they are the answer, owned by the one
    label that answers when there is one. When the questions mostly follow each other directly,
    the answers are not in the text and the paragraphs after them are the writer's. After the
    last turn, no more paragraphs count than the longest run between two turns (one at least
    after a last question).
    """
    found = _labels(text, blocks)
    speakers = _speakers(text, blocks, found)
    labelled = {bi: m for bi, m in found.items() if _key(m) in speakers}
    if len(labelled) < 2:
        return []
    counts = Counter(_key(m) for m in labelled.values())
    lex = lexicon()
    asked: dict[str, bool] = {}
    for bi, m in labelled.items():
        question = text[m.end() : blocks[bi][1]].rstrip().endswith("?")
        asked[_key(m)] = asked.get(_key(m), True) and question
    asking = {label for label, only in asked.items() if only or label in lex.asking_roles}
    answering = [label for label in counts if label not in asking]
    order = sorted(labelled)
    follows = {
        bi: _following(blocks, text, bi, order[n + 1] if n + 1 < len(order) else len(blocks), found)
        for n, bi in enumerate(order)
    }
    questions = [bi for bi in order if _key(labelled[bi]) in asking]
    unanswered = sum(1 for bi in questions if not follows[bi])
    answers_given = bool(answering) or 2 * unanswered < len(questions)
    only_roles = all(label in lex.transcript_roles for label in counts)
    if not (
        (len(counts) >= 2 and max(counts.values()) >= 2)
        or (only_roles and sum(counts.values()) >= 2)
        or (not answering and answers_given)  # one interviewer's questions, each answered
    ):
        return []
    if 2 * sum(c for c in counts.values() if c >= 2) < len(labelled):
        return []  # a transcript's few voices speak again and again; run-in topics do not
    longest = max((len(follows[bi]) for bi in order[:-1]), default=0)
    answerer = None  # the one label that answers the questions, when there is one
    if len(answering) == 1:
        first = next(labelled[bi] for bi in order if _key(labelled[bi]) == answering[0])
        answerer = first.span(1 if first.group(1) is not None else 2)
    turns: list[DraftQuote] = []
    for n, bi in enumerate(order):
        m = labelled[bi]
        be = blocks[bi][1]
        group = 1 if m.group(1) is not None else 2
        ls, le = m.span(group)
        ce = m.end()
        while ce > le and text[ce - 1] in " \t":
            ce -= 1
        cue = (le, ce)  # "))", ":" or ")) :"
        speaker_kind = "title_name" if _key(m) in lex.transcript_roles else "name"
        turns.append(_turn(m.end(), be, cue, (ls, le), speaker_kind))
        last = max(longest, 1) if _key(m) in asking else longest  # a last question is answered
        rest = follows[bi] if n + 1 < len(order) else follows[bi][:last]
        if _key(m) not in asking:
            for fs, fe in rest:
                part = _turn(fs, fe, cue, (ls, le), speaker_kind)
                part.continuation_of = -1  # continues the turn before (set by the analyser)
                turns.append(part)
        elif answers_given:
            for k, (fs, fe) in enumerate(rest):
                part = _turn(fs, fe, None, answerer, "name" if answerer else None)
                if answerer is not None:
                    part.how = "transcript-answer"
                if k:
                    part.continuation_of = -1
                turns.append(part)
    return turns


def _following(
    blocks: Sequence[Block], text: str, bi: int, stop: int, labels: dict[int, re.Match[str]]
) -> list[tuple[int, int]]:
    """The unlabelled prose paragraphs after block ``bi``, up to ``stop``."""
    out: list[tuple[int, int]] = []
    for follow in range(bi + 1, stop):
        fs, fe, kind = blocks[follow]
        if kind not in _TURN_KINDS or not text[fs:fe].strip() or follow in labels:
            break
        out.append((fs, fe))
    return out


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


def signed_paragraphs(
    text: str, blocks: Sequence[Block], toks: Callable[[int, int], Sequence[Tok]]
) -> list[DraftQuote]:
    """Posts embedded in a page whose marks the page never had: a paragraph signed by the line
    under it, ``— Jane Roe (@janeroe) November 1, 2019``. The handle says the line is a post's
    signature and not the writer's credit line (``— Jane Roe``)."""
    out: list[DraftQuote] = []
    for bi in range(1, len(blocks)):
        ss, se, kind = blocks[bi]
        if kind not in _TURN_KINDS or not _SIGNATURE_RE.match(text, ss, se):
            continue
        ps, pe, above = blocks[bi - 1]
        body = text[ps:pe].lstrip()
        if (
            above not in ("body", "list", "dek")
            or not body
            or body[0] in DOUBLE_MARKS + SINGLE_OPEN
        ):
            continue  # a quotation in marks: its own dash line attributes it
        signed = dash_line(text, ss, se, toks)
        if signed is None:
            continue
        q = DraftQuote(ps, pe, ps, pe, None, None, form="block")
        q.cue, q.speaker, q.kind, q.how, q.own = (
            signed.cue,
            signed.speaker,
            signed.kind,
            "signature",
            True,
        )
        out.append(q)
    return out


def introduced_statements(
    text: str,
    blocks: Sequence[Block],
    sentences: Sequence[tuple[int, int]],
    toks: Callable[[int, int], Sequence[Tok]],
) -> list[DraftQuote]:
    """Statements set off after a lead-in that names their source (``Roe said in a
    statement:``) with no marks of their own: one quotation, continued over the paragraphs after
    it that speak in the first person. The lead-in must hold a reporting cue with a speaker who
    is not the writer or the reader (``The steps are simple:``, ``we can write:``, ``you might
    write:`` introduce the writer's own words) and not a question put to someone (``Wikinews
    asked Roe whether ...:`` introduces Roe's answer, not the asker's words)."""
    out: list[DraftQuote] = []
    starts = [s for s, _ in sentences]
    bi = 1
    while bi < len(blocks):
        if not _statement_after(text, blocks, bi, starts, toks):
            bi += 1
            continue
        run = [bi]
        while (
            run[-1] + 1 < len(blocks)
            and _unmarked_prose(text, blocks[run[-1] + 1])
            and _first_person(text[blocks[run[-1] + 1][0] : blocks[run[-1] + 1][1]])
        ):
            run.append(run[-1] + 1)
        for n, b in enumerate(run):
            s, e, _ = blocks[b]
            q = DraftQuote(s, e, s, e, None, None, form="block", continues=n + 1 < len(run))
            if n:
                q.continuation_of = -1
            out.append(q)
        bi = run[-1] + 1
    return out


def _first_person(text: str) -> bool:
    """A first-person word: the statement's speaker still talking (the reader's ``you`` and a
    question are not enough: a reader poll or the writer's own question follows as often)."""
    pronouns = lexicon().speech_pronouns - _SECOND_PERSON
    return any(w.replace("’", "'").lower() in pronouns for w in _WORD_RE.findall(text))


def _unmarked_prose(text: str, block: Block) -> bool:
    s, e, kind = block
    body = text[s:e]
    return (
        kind == "body"
        and bool(body.strip())
        and not any(ch in body for ch in DOUBLE_MARKS)
        and _LABEL_RE.match(text, s, e) is None
    )


def _statement_after(
    text: str,
    blocks: Sequence[Block],
    bi: int,
    starts: Sequence[int],
    toks: Callable[[int, int], Sequence[Tok]],
) -> bool:
    """Block ``bi`` is unmarked prose after a body paragraph whose last sentence is a lead-in
    naming the speaker (a reporting cue with its subject) and ending in a colon."""
    ps, pe, kind = blocks[bi - 1]
    if kind != "body" or not text[ps:pe].rstrip().endswith(":"):
        return False
    if not _unmarked_prose(text, blocks[bi]):
        return False
    k = bisect.bisect_left(starts, pe) - 1
    last = toks(max(ps, starts[k]) if k >= 0 else ps, pe)
    if any(t.text in DOUBLE_MARKS for t in last):
        return False  # the lead-in quotes someone itself: its marks say who speaks
    found = search_cues(last, sentence_subject(last), reverse=True)
    if found is None:
        return False
    speaker = text[found.speaker[0] : found.speaker[1]].replace("’", "'").lower()
    cue = text[found.cue[0] : found.cue[1]].lower().split()
    base = lexicon().verbs.get(cue[0], cue[0]) if cue else ""
    return speaker not in lexicon().speech_pronouns and base not in _ASKING_VERBS


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
