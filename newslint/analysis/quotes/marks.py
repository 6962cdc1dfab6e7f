"""Mark scanning: pair quotation marks into quote spans, paragraph by paragraph.

Double marks (straight and curly, guillemets) are paired first, with the newspaper convention of
a quote running on into the next paragraph that reopens with a mark (no closing mark at the end
of the first); straight marks are read as opening or closing from the characters around them.
Single marks are then paired inside double quotes (nested) and in narration, telling quotes
from apostrophes and elisions (``rock 'n' roll``, ``the '90s``). Marks that never pair are
reported as unbalanced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.analysis.quotes.lexicon import lexicon

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
WORD_AFTER_RE = re.compile(r"[^\W_]+")
_YEAR_ELISION_RE = re.compile(r"\d\d(?:s\b|\b)")
_MAX_WRAPPED_LINES = 10


@dataclass
class DraftQuote:
    """Mutable quote under construction (see :class:`~newslint.analysis.quotes.model.Quote`)."""

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
    form: str = "marks"
    closed: bool = True
    mention: str | None = None
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    kind: str | None = None
    how: str | None = None
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


def _is_arrow(text: str, i: int, lo: int, hi: int) -> bool:
    """``Read more »``, ``« Back``: a guillemet standing alone between spaces is an arrow."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return prev.isspace() and nxt.isspace()


_TYPOGRAPHIC_OPEN = "“„«‟»"


class _Paragraph:
    """The pairing state of one paragraph's double marks."""

    def __init__(self) -> None:
        self.quotes: list[DraftQuote] = []
        self.nested: list[tuple[int, int, int]] = []  # (start, end, index in quotes)
        self.unbalanced: list[tuple[int, str]] = []
        self.open_at: int | None = None
        self.open_mark: str | None = None
        self.first = True
        self.straight_inside: list[int] = []
        self.inner_open: list[int] = []
        self.inner_pairs: list[tuple[int, int]] = []

    @property
    def nesting_failed(self) -> bool:
        """A quotation left open with marks seen inside it: read the marks flat instead."""
        return self.open_at is not None and bool(
            self.straight_inside or self.inner_open or self.inner_pairs
        )


def _pair_paragraph(
    text: str, ps: int, pe: int, carry: bool, pending: int | None, nest: bool
) -> _Paragraph:
    """Pair the double marks of ``text[ps:pe]``.

    With ``nest``, straight marks inside a quotation opened by a typographic mark (``“He said
    "no" twice”``) pair among themselves as nested quotes instead of closing it, and so do
    typographic marks that open inside one (``“what he calls “hell” is home”``).
    A mark that opens while a quotation is open leaves that one unclosed: it runs up to the new
    mark (for the voice map) and is reported.
    """
    st = _Paragraph()
    if carry:
        st.open_at = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
    for m in _DOUBLE_RE.finditer(text, ps, pe):
        i, ch = m.start(), m.group()
        if ch in '"”' and i > ps and text[i - 1].isdigit() and st.open_at is None:
            continue  # 34" monitor: an inch mark
        if ch in "«»" and _is_arrow(text, i, ps, pe):
            continue
        typographic = (
            nest and st.open_at is not None and st.open_mark is not None
        ) and st.open_mark in _TYPOGRAPHIC_OPEN
        if typographic and ch == '"':
            st.straight_inside.append(i)
            continue
        glyph = "open" if ch in DOUBLE_OPEN else "close" if ch in DOUBLE_CLOSE else None
        ctx = _context(text, i, ps, pe)
        if typographic and glyph == "open" and ctx == "open":
            st.inner_open.append(i)  # “... what he calls “hell” ...”: a quotation inside
            continue
        if typographic and glyph == "close" and st.inner_open:
            st.inner_pairs.append((st.inner_open.pop(), i + 1))
            continue
        if st.open_at is None:
            if (
                glyph == "open"
                or (glyph is None and ctx != "close")
                or (glyph == "close" and ctx == "open")
            ):
                st.open_at, st.open_mark = i, ch
            elif _wrong_way_opener(text, st, ps, pe, i):
                st.unbalanced.append((i, f"quotation opened with the closing mark {ch}"))
                st.open_at, st.open_mark = i, ch
            else:
                st.unbalanced.append((i, f"stray closing quote mark {ch}"))
                lo = st.quotes[-1].end if st.quotes else ps
                lo += len(text[lo:i]) - len(text[lo:i].lstrip())
                if any(c.isalpha() for c in text[lo:i]):  # the words before it are quoted
                    q = DraftQuote(lo, i + 1, lo, i, None, ch, closed=False)
                    st.quotes.append(q)
        elif (
            glyph == "close"
            or (glyph is None and ctx != "open")
            or (glyph == "open" and ctx == "close")
        ):
            body = st.open_at + (st.open_mark is not None)
            q = DraftQuote(st.open_at, i + 1, body, i, st.open_mark, ch)
            if st.first and pending is not None:
                q.continuation_of = pending
            st.quotes.append(q)
            inside = st.straight_inside
            host = len(st.quotes) - 1
            for a, b in zip(inside[::2], inside[1::2], strict=False):
                st.nested.append((a, b + 1, host))
            st.nested.extend((a, b, host) for a, b in st.inner_pairs)
            st.straight_inside, st.inner_pairs = [], []
            st.open_at, st.open_mark, st.first = None, None, False
        else:
            if st.open_mark is not None:
                _leave_open(text, st, st.open_at, i)
            st.open_at, st.open_mark, st.first = i, ch, False
            st.straight_inside, st.inner_open, st.inner_pairs = [], [], []
    return st


def _wrong_way_opener(text: str, st: _Paragraph, ps: int, pe: int, i: int) -> bool:
    """``” … he delivered a mix ...,” Roe wrote.``: a closing mark where a quotation opens (no
    words before it) with another closing mark later in the paragraph."""
    lo = st.quotes[-1].end if st.quotes else ps
    if text[i] not in DOUBLE_CLOSE or not any(c in DOUBLE_CLOSE for c in text[i + 1 : pe]):
        return False
    if not any(c.isalnum() for c in text[lo:i]):
        return True
    # 'vs.”Recipientid”': glued to a word that follows it, after punctuation
    return i + 1 < pe and text[i + 1].isalnum() and not text[i - 1].isalnum()


def _leave_open(text: str, st: _Paragraph, at: int, end: int) -> None:
    """An opening mark that never closes: reported, and its words up to ``end`` are quoted."""
    mark = text[at]
    st.unbalanced.append((at, f"opening quote mark {mark} never closed"))
    stop = _trim_end(text, at + 1, end)
    if any(c.isalpha() for c in text[at + 1 : stop]):
        st.quotes.append(DraftQuote(at, stop, at + 1, stop, mark, None, closed=False))


def scan_doubles(
    text: str, paragraphs: Sequence[tuple[int, int]], unbalanced: list[tuple[int, str]]
) -> tuple[list[DraftQuote], list[tuple[int, int, int]]]:
    """Pair double quote marks paragraph by paragraph, honouring the continuation convention.

    A quote left open at the end of a paragraph continues when the next paragraph reopens with a
    quote mark (newspaper convention) or, in hard-wrapped copy, when the next marked line starts
    with the closing mark (that part then has ``open_mark=None``). Otherwise it is unbalanced,
    and the rest of its paragraph counts as quoted (``closed=False``); so do the words before a
    stray closing mark. Returns the quotes and the straight-mark quotes nested in typographic
    ones, as (start, end, index of the host quote).
    """
    quotes: list[DraftQuote] = []
    nested: list[tuple[int, int, int]] = []
    pending: int | None = None  # quote continuing into this paragraph
    carry = False  # this paragraph starts inside a quote without reopening it
    for pi, (ps, pe) in enumerate(paragraphs):
        if not text[ps:pe].strip():
            continue
        st = _pair_paragraph(text, ps, pe, carry, pending, nest=True)
        if st.nesting_failed:  # “...," : the straight mark closed it after all
            st = _pair_paragraph(text, ps, pe, carry, pending, nest=False)
        base = len(quotes)
        quotes.extend(st.quotes)
        nested.extend((a, b, base + host) for a, b, host in st.nested)
        cont_of = pending if st.first else None
        pending, carry = None, False
        unbalanced.extend(st.unbalanced[:1])  # one report per paragraph: one confusion of marks
        if st.open_at is None:
            continue
        nxt = _next_paragraph(text, paragraphs, pi)
        reopened = nxt is not None and _starts_with_double(text, *nxt)
        if reopened or _wraps_into_next(text, paragraphs, pi):
            end = _trim_end(text, st.open_at + 1, pe)
            body = st.open_at + (st.open_mark is not None)
            q = DraftQuote(
                st.open_at,
                end,
                body,
                end,
                st.open_mark,
                None,
                continues=True,
                continuation_of=cont_of,
            )
            quotes.append(q)
            pending, carry = len(quotes) - 1, not reopened
        elif st.open_mark is not None:
            tail = _Paragraph()
            _leave_open(text, tail, st.open_at, pe)
            if not st.unbalanced:
                unbalanced.extend(tail.unbalanced)
            quotes.extend(tail.quotes)
    return quotes, nested


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
    m = WORD_AFTER_RE.match(text, i + 1, hi)
    if not m or m.group().lower() not in lexicon().elisions:
        return False
    return m.end() >= hi or not text[m.end()].isalpha()


def scan_singles(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
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
