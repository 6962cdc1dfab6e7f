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


def scan_doubles(
    text: str, paragraphs: Sequence[tuple[int, int]], unbalanced: list[tuple[int, str]]
) -> list[DraftQuote]:
    """Pair double quote marks paragraph by paragraph, honouring the continuation convention.

    A quote left open at the end of a paragraph continues when the next paragraph reopens with a
    quote mark (newspaper convention) or, in hard-wrapped copy, when the next marked line starts
    with the closing mark (that part then has ``open_mark=None``). Otherwise it is unbalanced.
    """
    quotes: list[DraftQuote] = []
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
                q = DraftQuote(open_at, i + 1, body, i, open_mark, ch)
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
            q = DraftQuote(
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
