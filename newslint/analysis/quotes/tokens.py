"""Tokens: the analysis' own spaCy tokens, reshaped once for the attribution grammar.

The quotation analysis does not tokenise the text again: it takes the token offsets of the
document's one spaCy pass and makes three small changes that suit a grammar of speakers:
hyphenated words are one token (``D-Conn.``, ``43-year-old``, ``Eva-Marie``), a possessive or
contraction stays on its word (``Smith's``, ``don't``; but ``he`` + ``'s`` stay apart, as pronoun
subjects), and a quotation mark or dash that spaCy left inside a token (``said—“no``) stands
alone. Without the analysis' tokens (a direct call), the same blank tokenizer makes them.

:class:`TokenStore` reshapes a stretch of text only when the grammar first reads it: most of
an article's narration is never looked at closely (no quotation, no reporting verb).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from itertools import compress
from typing import NamedTuple

from newslint.analysis.quotes.lexicon import lexicon


class Tok(NamedTuple):
    """One token: offsets, text, lower case, whether it is a word (starts with a letter) and
    whether that word is capitalised."""

    start: int
    end: int
    text: str
    low: str
    word: bool
    cap: bool


_new_tok = tuple.__new__  # builds a Tok without NamedTuple's Python-level __new__

#: characters that always stand alone: quotation marks and dashes
_ALONE_RE = re.compile('["“”„«»‟‘‚‹›—―–]')
_PIECE_RE = re.compile(r"[\"“”„«»‟‘‚‹›—―–]|[^\"“”„«»‟‘‚‹›—―–]+")
#: "al-Delaema", "bin-Talal": a name after a lower-case particle is still a name
_PARTICLE_NAME_RE = re.compile(r"(?:al|el|ad|as|an|ar|at|az|bin|ibn|abu|ben|de|da|di|du)-[A-Z]")
#: first characters of a token that may join the one before it ("'s", "n't", "." of "Lt.")
_GLUE_FIRST = frozenset("'’.n")
_SUFFIXES = frozenset(
    mark + tail for mark in ("'", "’") for tail in ("s", "re", "ve", "ll", "d", "m", "")
) | frozenset({"n't", "n’t"})


def _tok(start: int, text: str) -> Tok:
    word = text[:1].isalpha()
    cap = word and (text[0].isupper() or _PARTICLE_NAME_RE.match(text) is not None)
    return _new_tok(Tok, (start, start + len(text), text, text.lower(), word, cap))


def tokens_of(text: str, starts: Sequence[int], texts: Sequence[str]) -> list[Tok]:
    """The grammar's tokens from spaCy's token offsets and texts (space tokens are skipped)."""
    alone = [m.start() for m in _ALONE_RE.finditer(text)]
    return _reshape(text, starts, texts, 0, len(starts), alone)


def _reshape(
    text: str,
    starts: Sequence[int],
    texts: Sequence[str],
    lo: int,
    hi: int,
    alone: list[int],
    lowers: Sequence[str] | None = None,
) -> list[Tok]:
    """Tokens ``lo:hi`` of spaCy's, reshaped; ``alone`` holds the offsets of the marks and
    dashes that must stand alone."""
    lex = lexicon()
    pronouns, abbreviations = lex.pronouns, lex.abbreviations
    ai = bisect.bisect_left(alone, starts[lo]) if lo < hi else 0
    next_alone = alone[ai] if ai < len(alone) else len(text) + 1
    out: list[Tok] = []
    append = out.append
    new = _new_tok
    prev_end = -1
    for n in range(lo, hi):
        start, t = starts[n], texts[n]
        c = t[0]
        if c.isspace():
            continue
        end = start + len(t)
        if next_alone < end:
            while ai < len(alone) and alone[ai] < start:
                ai += 1
            next_alone = alone[ai] if ai < len(alone) else len(text) + 1
            if next_alone < end and len(t) > 1:
                _split(t, start, abbreviations, append)  # 'said—“no': a mark inside a token
                prev_end = end
                continue
        if (
            start == prev_end
            and out
            and (c in _GLUE_FIRST or out[-1].text == "-")
            and _glue(out, t, pronouns, abbreviations)
        ):
            prev_end = end
            continue
        word = c.isalpha()
        low = lowers[n] if lowers is not None else t.lower()
        cap = word and (c.isupper() or ("-" in t and _PARTICLE_NAME_RE.match(t) is not None))
        append(new(Tok, (start, end, t, low, word, cap)))
        prev_end = end
    return out


class TokenStore:
    """The grammar's tokens of a document, reshaped for each stretch of text the grammar reads
    (and remembered): most of an article's narration is never looked at closely."""

    def __init__(
        self,
        text: str,
        starts: Sequence[int],
        texts: Sequence[str],
        lowers: Sequence[str] | None = None,
    ) -> None:
        self.text = text
        self.starts = starts
        self.texts = texts
        self.lowers = lowers
        self._alone: list[int] | None = None
        self._done: dict[tuple[int, int], list[Tok]] = {}

    def __call__(self, s: int, e: int) -> list[Tok]:
        """The tokens that lie within ``text[s:e]``."""
        key = (s, e)
        found = self._done.get(key)
        if found is None:
            if self._alone is None:
                self._alone = [m.start() for m in _ALONE_RE.finditer(self.text)]
            starts, texts = self.starts, self.texts
            lo = bisect.bisect_left(starts, s)
            if lo > 0 and starts[lo - 1] + len(texts[lo - 1]) > s:
                lo -= 1  # '”said': a spaCy token that the range cuts in two
            hi = bisect.bisect_left(starts, e, lo)
            found = _reshape(self.text, starts, texts, lo, hi, self._alone, self.lowers)
            if found and (found[0].start < s or found[-1].end > e):
                found = [t for t in found if t.start >= s and t.end <= e]
            self._done[key] = found
        return found

    def word_starts(self, words: frozenset[str]) -> list[int]:
        """Offsets of the spaCy tokens whose lower case is one of ``words`` (a cheap look for
        where a cue may start, without reshaping anything)."""
        lowers = self.lowers if self.lowers is not None else [t.lower() for t in self.texts]
        return list(compress(self.starts, map(words.__contains__, lowers)))


def _split(
    t: str, start: int, abbreviations: frozenset[str], append: Callable[[Tok], None]
) -> None:
    for m in _PIECE_RE.finditer(t):
        piece, at = m.group(), start + m.start()
        if len(piece) > 1 and piece[-1] == "." and piece.lower() not in abbreviations:
            append(_tok(at, piece[:-1]))
            append(_tok(at + len(piece) - 1, "."))
        else:
            append(_tok(at, piece))


def _glue(out: list[Tok], t: str, pronouns: frozenset[str], abbreviations: frozenset[str]) -> bool:
    """Join ``t`` to the token just before it (no space between) when it is a possessive or
    contraction ("Smith's", "don't"), the full stop of a known abbreviation ("Lt."), or the word
    after a hyphen ("D-Conn.", "43-year-old")."""
    last = out[-1]
    low = t.lower()
    if (low in _SUFFIXES and last.word and last.low not in pronouns) or (
        t == "." and (last.low + ".") in abbreviations
    ):
        out[-1] = _tok(last.start, last.text + t)
        return True
    if (
        last.text == "-"
        and len(out) > 1
        and out[-2].end == last.start
        and t[0].isalnum()
        and out[-2].text[-1:].isalnum()
    ):
        before = out[-2]
        del out[-1]
        out[-1] = _tok(before.start, before.text + "-" + t)
        return True
    return False


def spacy_tokens(text: str) -> tuple[list[int], list[str]]:
    """Offsets and texts of the blank English tokenizer's tokens (for callers that have no
    analysis)."""
    from newslint.analysis.nlp import get_nlp
    from newslint.analysis.tokenizer_memo import make_doc

    doc = make_doc(get_nlp(None), text)
    return [t.idx for t in doc], [t.text for t in doc]


def tokenize(text: str) -> list[Tok]:
    """The grammar's tokens of a whole text."""
    return tokens_of(text, *spacy_tokens(text))
