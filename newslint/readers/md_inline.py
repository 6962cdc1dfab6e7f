"""Markdown inline syntax reduced to the prose a reader sees, every character mapped to the source.

The block parser hands over a block's content (its lines, container markers already stripped) with
the source offset of each line. :class:`InlineScanner` removes markup and writes the prose into a
:class:`~newslint.readers.document.TextBuilder`:

* links ``[text](url)``, ``[text][ref]``, ``[text][]``, ``[ref]`` (a defined reference) and wiki
  links ``[[Page|text]]`` keep their text; footnote references ``[^1]``, HTML tags and comments
  disappear; so does a stray ``](url)`` whose ``[`` sits outside the text (in an HTML block);
* what renders as an object rather than as words leaves one placeholder token
  (:data:`~newslint.readers.document.PLACEHOLDER_TOKEN`), so no rule reads the words on either
  side as neighbours: code spans, images, math (``$...$`` by Pandoc's rules, so "$5 and $10" stays
  prose, ``$$...$$``, ``\\(...\\)``, ``\\[...\\]``), emoji shortcodes ``:smile:``, template
  values masked by :mod:`newslint.readers.templates`, and HTML elements such as ``<code>``,
  ``<img>``, ``<svg>`` or a self-closing JSX component ``<Badge />``; the content of ``<script>``,
  ``<style>`` and the like disappears without a trace; ``<br>`` is a space;
* emphasis ``*``/``_``/``**``/``__``/``~~`` loses its delimiters when they pair up (CommonMark
  flanking rules, so ``snake_case`` and ``2 * 3`` stay as written);
* autolinks ``<https://...>`` keep the URL, as bare URLs do;
* backslash escapes keep the escaped character; entities are decoded (mapped to their ``&``);
* line breaks (soft or hard) become one space.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from newslint.readers.document import PLACEHOLDER_TOKEN, TextBuilder
from newslint.readers.html import EMBED_TAGS, SKIP_TAGS, WORD_TAGS
from newslint.readers.templates import EMBED, MASK_CHARS, VALUE

_SPECIAL = re.compile(rf"[\\`*_~\[\]!<&\n$:{MASK_CHARS}]")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
FOOTNOTE_DEF = re.compile(r"\[\^[^\]\s]+\]:[ \t]*")
_AUTOLINK = re.compile(
    r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]"
    r"(?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_ATTR = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_HTML = re.compile(
    rf"<(?P<open>[A-Za-z][A-Za-z0-9.:-]*){_ATTR}*\s*(?P<self>/?)>"
    r"|</(?P<close>[A-Za-z][A-Za-z0-9.:-]*)\s*>|</?>"
    r"|<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>",
    re.DOTALL,
)
_LINK_TAIL = re.compile(
    r"[ \t\n]*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"(?:[ \t\n]+(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t\n]*\)",
    re.DOTALL,
)
#: a destination CommonMark rejects but a reader takes for one: ``[here](My notes.ipynb)``
_LOOSE_LINK_TAIL = re.compile(r"[^()\n\"]*[./#][^()\n\"]*\)")
#: Pandoc's inline math: no space inside the dollars, no digit right after the closing one
_DOLLAR_MATH = re.compile(r"\$(?=[^\s$])(?:[^$\\\n]|\\.|\n(?![ \t]*\n))*?(?<=[^\s\\])\$(?!\d)")
_DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.DOTALL)
#: what tells display math ``\\[...\\]`` from escaped brackets ``\\[sic\\]``
_TEX_MATH_BODY = re.compile(r"[\\^_={}]")
_GLUED_LETTERS = re.compile(r"[^\W\d_]+")
_EMOJI = re.compile(r":[a-z][a-z0-9_+-]*:(?![\w:])")
_WIKI_LINK = re.compile(r"\[\[([^\[\]\n|]+)(?:\|([^\[\]\n]+))?\]\]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_WS_CHARS = " \t\n"
_EMBED_TOKEN = "\x00"  # stands for an embed placeholder among the pieces (never in real text)
MAX_LABEL = 999


@lru_cache(maxsize=4096)
def _is_punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS"


@lru_cache(maxsize=64)
def _tick_run(n: int) -> re.Pattern[str]:
    return re.compile(r"(?<!`)`{" + str(n) + r"}(?!`)")


@lru_cache(maxsize=64)
def _closing_tag(name: str) -> re.Pattern[str]:
    return re.compile(r"</" + re.escape(name) + r"\s*>", re.IGNORECASE)


def normalize_label(label: str) -> str:
    """Reference-label normalization as markdown-it does it (case- and whitespace-insensitive)."""
    return " ".join(label.split()).lower().upper()


class _Delim:
    """A run of emphasis characters; ``lo``/``hi`` count the characters used up from each end."""

    __slots__ = ("char", "start", "length", "can_open", "can_close", "lo", "hi")

    def __init__(self, char: str, start: int, length: int, can_open: bool, can_close: bool):
        self.char, self.start, self.length = char, start, length
        self.can_open, self.can_close = can_open, can_close
        self.lo = self.hi = 0

    @property
    def left(self) -> int:
        return self.length - self.lo - self.hi


class InlineScanner:
    """Reduces one block's inline Markdown to prose (one instance per document)."""

    def __init__(self, references: set[str] | frozenset[str] = frozenset()) -> None:
        self.references = references

    def run(
        self, builder: TextBuilder, content: str, lines: list[tuple[int, int, bool]], start: int = 0
    ) -> None:
        """Write the prose of ``content[start:]`` into ``builder``.

        ``lines`` holds, for each line of ``content``, (content offset, source offset, synthetic):
        a synthetic line's characters could not be found in the source and all map to its offset.
        """
        self.s = content
        self.pieces: list[tuple] = []
        self.delims: list[_Delim] = []
        self._tick_fail: dict[int, int] = {}
        self._brackets = self._match_brackets(content)
        self._closers = set(self._brackets.values())
        self._scan(start, len(content))
        self._pair_emphasis()
        self._emit(builder, lines)

    # -- scanning ------------------------------------------------------------------------------
    @staticmethod
    def _match_brackets(s: str) -> dict[int, int]:
        pairs: dict[int, int] = {}
        if "[" not in s:
            return pairs
        stack: list[int] = []
        for m in re.finditer(r"\\.|[\[\]]", s):
            ch = m.group()
            if ch == "[":
                stack.append(m.start())
            elif ch == "]" and stack:
                pairs[stack.pop()] = m.start()
        return pairs

    def _scan(self, i: int, end: int) -> None:
        s, pieces = self.s, self.pieces
        while i < end:
            m = _SPECIAL.search(s, i, end)
            if not m:
                pieces.append(("t", i, end))
                return
            j = m.start()
            if j > i:
                pieces.append(("t", i, j))
            i = self._special(s[j], j, end)

    def _special(self, c: str, j: int, end: int) -> int:
        s, pieces = self.s, self.pieces
        if c == "\n":
            self._trim_trailing_space()
            pieces.append(("s", " ", j))
            j += 1
            while j < end and s[j] in " \t":
                j += 1
            return j
        if c in MASK_CHARS:
            k = j
            while k < end and s[k] in MASK_CHARS:
                k += 1
            for mark in (VALUE, EMBED):
                at = s.find(mark, j, k)
                if at >= 0:
                    self._placeholder(at, embed=mark == EMBED)
                    return self._suffix(k, end) if mark == VALUE else k
            return k
        if c == "\\":
            return self._backslash(j, end)
        if c == "`":
            return self._code_span(j, end)
        if c in "*_~":
            return self._delimiter(c, j, end)
        if c == "!":
            if s.startswith("[", j + 1):
                link = self._link(j + 1, end) or _WIKI_LINK.match(s, j + 1, end)
                if link:  # an image, or an embedded page ![[file.png]]
                    self._placeholder(j, embed=True)
                    return link[2] if isinstance(link, tuple) else link.end()
            pieces.append(("t", j, j + 1))
            return j + 1
        if c == "[":
            return self._bracket(j, end)
        if c == "]":
            if j not in self._closers and s.startswith("(", j + 1):
                tail = _LINK_TAIL.match(s, j + 2, end)
                if tail:  # the "[" of this link is outside the text (an HTML block)
                    return tail.end()
            pieces.append(("t", j, j + 1))
            return j + 1
        if c == "<":
            return self._angle(j, end)
        if c == "$":
            m = (_DISPLAY_MATH if s.startswith("$$", j) else _DOLLAR_MATH).match(s, j, end)
            if m:
                self._placeholder(j)
                return self._suffix(m.end(), end)
            k = j
            while k < end and s[k] == "$":
                k += 1
            pieces.append(("t", j, k))
            return k
        if c == ":":
            m = _EMOJI.match(s, j, end)
            if m and (j == 0 or not (s[j - 1].isalnum() or s[j - 1] == ":")):
                self._placeholder(j)
                return m.end()
            pieces.append(("t", j, j + 1))
            return j + 1
        # "&"
        m = _ENTITY.match(s, j, end)
        if m:
            decoded = html.unescape(m.group())
            if decoded != m.group():
                pieces.append(("s", decoded, j))
                return m.end()
        pieces.append(("t", j, j + 1))
        return j + 1

    def _suffix(self, j: int, end: int) -> int:
        """Past the letters glued to a removed word: "`match`ing", "$n$th" and "`Box`es" are one
        object, and "ing", "th" or "es" alone would read as misspelt words."""
        m = _GLUED_LETTERS.match(self.s, j, end)
        return m.end() if m else j

    def _placeholder(self, j: int, embed: bool = False) -> None:
        """A removed span that renders as an object starts at ``j``: one placeholder token (an
        ``embed``, such as an image, only where it stands between words)."""
        self.pieces.append(("s", _EMBED_TOKEN if embed else PLACEHOLDER_TOKEN, j))

    def _backslash(self, j: int, end: int) -> int:
        """An escape, a hard line break, or TeX math ``\\(...\\)``/``\\[...\\]`` (also doubled)."""
        s, pieces = self.s, self.pieces
        k = j
        while k < end and k - j < 2 and s[k] == "\\":
            k += 1
        nxt = s[k : k + 1] if k < end else ""
        if nxt in ("(", "["):
            closer = s[j:k] + (")" if nxt == "(" else "]")
            close = s.find(closer, k + 1, end)
            if close > k + 1 and (nxt == "(" or _TEX_MATH_BODY.search(s, k + 1, close)):
                self._placeholder(j)
                return close + len(closer)
        nxt = s[j + 1 : j + 2] if j + 1 < end else ""
        if nxt in _ASCII_PUNCT and nxt:
            pieces.append(("t", j + 1, j + 2))
            return j + 2
        if nxt == "\n":
            return j + 1
        pieces.append(("t", j, j + 1))
        return j + 1

    def _bracket(self, j: int, end: int) -> int:
        """A link, a wiki link, a footnote reference, or a plain ``[``."""
        s, pieces = self.s, self.pieces
        m = _FOOTNOTE_REF.match(s, j, end)
        if m:
            return m.end()
        if s.startswith("[[", j):
            m = _WIKI_LINK.match(s, j, end)
            if m:
                label = 2 if m.group(2) else 1
                self._scan(m.start(label), m.end(label))
                return m.end()
        link = self._link(j, end)
        if link:
            self._scan(link[0], link[1])
            return link[2]
        pieces.append(("t", j, j + 1))
        return j + 1

    def _trim_trailing_space(self) -> None:
        pieces = self.pieces
        while pieces and pieces[-1][0] == "t":
            _, a, b = pieces[-1]
            while b > a and self.s[b - 1] in " \t":
                b -= 1
            if b > a:
                pieces[-1] = ("t", a, b)
                return
            pieces.pop()

    def _code_span(self, j: int, end: int) -> int:
        s = self.s
        n = 1
        while j + n < end and s[j + n] == "`":
            n += 1
        if self._tick_fail.get(n, end + 1) > j + n:
            m = _tick_run(n).search(s, j + n, end)
            if m:
                self._placeholder(j)
                return self._suffix(m.end(), end)
            self._tick_fail[n] = j + n
        self.pieces.append(("t", j, j + n))
        return j + n

    def _delimiter(self, c: str, j: int, end: int) -> int:
        s = self.s
        n = 1
        while j + n < end and s[j + n] == c:
            n += 1
        prev = s[j - 1] if j > 0 else "\n"
        nxt = s[j + n] if j + n < len(s) else "\n"
        prev_ws, next_ws = prev in _WS_CHARS or prev.isspace(), nxt in _WS_CHARS or nxt.isspace()
        prev_p, next_p = _is_punct(prev), _is_punct(nxt)
        left = not next_ws and (not next_p or prev_ws or prev_p)
        right = not prev_ws and (not prev_p or next_ws or next_p)
        if c == "_":
            can_open, can_close = left and (not right or prev_p), right and (not left or next_p)
        else:
            can_open, can_close = left, right
        if c == "~" and n != 2:
            can_open = can_close = False
        if can_open or can_close:
            delim = _Delim(c, j, n, can_open, can_close)
            self.delims.append(delim)
            self.pieces.append(("d", delim))
        else:
            self.pieces.append(("t", j, j + n))
        return j + n

    def _angle(self, j: int, end: int) -> int:
        s, pieces = self.s, self.pieces
        m = _AUTOLINK.match(s, j, end)
        if m:
            pieces.append(("t", j + 1, m.end() - 1))
            return m.end()
        m = _HTML.match(s, j, end)
        if not m:
            pieces.append(("t", j, j + 1))
            return j + 1
        tag = m.group("open") or ""
        name = tag.lower()
        if name == "br":
            pieces.append(("s", " ", j))
        elif name in WORD_TAGS:
            self._placeholder(j)
        elif name in EMBED_TAGS or (m.group("self") and tag[:1].isupper()):
            self._placeholder(j, embed=True)  # an image, a self-closing JSX component
        if name in SKIP_TAGS and not m.group("self"):
            close = _closing_tag(name).search(s, m.end(), end)
            if close:
                return close.end()
        return m.end()

    # -- links ---------------------------------------------------------------------------------
    def _link(self, j: int, end: int) -> tuple[int, int, int] | None:
        """(text start, text end, end) of a link whose ``[`` is at ``j``, or None."""
        s = self.s
        k = self._brackets.get(j)
        if k is None or k >= end:
            return None
        after = s[k + 1 : k + 2]
        if after == "(":
            close = self._inline_destination(k + 2, end)
            if close is not None:
                return j + 1, k, close
        elif after == "[":
            q = s.find("]", k + 2, end)
            if q >= 0 and q - k - 2 <= MAX_LABEL and "[" not in s[k + 2 : q]:
                label = s[k + 2 : q]
                if label.strip() or normalize_label(s[j + 1 : k]) in self.references:
                    return j + 1, k, q + 1
        if k - j - 1 <= MAX_LABEL and normalize_label(s[j + 1 : k]) in self.references:
            return j + 1, k, k + 1
        return None

    def _inline_destination(self, i: int, end: int) -> int | None:
        """Parse ``url "title")`` from ``i``; the offset past the ``)`` or None."""
        m = _LINK_TAIL.match(self.s, i, end) or _LOOSE_LINK_TAIL.match(self.s, i, end)
        return m.end() if m else None

    # -- emphasis and output -------------------------------------------------------------------
    def _pair_emphasis(self) -> None:
        openers: dict[str, list[_Delim]] = {"*": [], "_": [], "~": []}
        for d in self.delims:
            if d.can_close:
                stack = openers[d.char]
                while d.left and stack:
                    o = stack[-1]
                    use = 2 if o.left >= 2 and d.left >= 2 else 1
                    o.hi += use
                    d.lo += use
                    if not o.left:
                        stack.pop()
            if d.can_open and d.left:
                openers[d.char].append(d)

    def _emit(self, builder: TextBuilder, lines: list[tuple[int, int, bool]]) -> None:
        s = self.s
        runs: list[tuple[int, int, str | None]] = []  # contiguous verbatim pieces become one run
        run_a = run_b = -1
        for piece in self.pieces:
            tag = piece[0]
            if tag == "t":
                a, b = piece[1], piece[2]
            elif tag == "d":
                d = piece[1]
                a, b = d.start + d.lo, d.start + d.length - d.hi
            else:
                if run_b > run_a:
                    runs.append((run_a, run_b, None))
                run_a = run_b = -1
                runs.append((piece[2], piece[2], piece[1]))
                continue
            if b <= a:
                continue
            if a != run_b:
                if run_b > run_a:
                    runs.append((run_a, run_b, None))
                run_a = a
            run_b = b
        if run_b > run_a:
            runs.append((run_a, run_b, None))
        add, add_synthetic = builder.add, builder.add_synthetic
        last, li = len(lines) - 1, 0
        cstart, sstart, synthetic = lines[0]
        for a, b, text in runs:  # runs are in content order: walk the line table alongside
            while li < last and lines[li + 1][0] <= a:
                li += 1
                cstart, sstart, synthetic = lines[li]
            offset = sstart if synthetic else sstart + a - cstart
            if text in (PLACEHOLDER_TOKEN, _EMBED_TOKEN):
                builder.add_placeholder(offset, embed=text == _EMBED_TOKEN)
            elif text is not None:
                add_synthetic(text, offset)
            elif synthetic:
                add_synthetic(s[a:b], offset)
            else:
                add(s[a:b], offset)
