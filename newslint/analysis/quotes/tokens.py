"""Tokens: the analysis' own spaCy tokens, reshaped once for the attribution grammar.

The quotation analysis does not tokenise the text again: it takes the token offsets of the
document's one spaCy pass and makes three small changes that suit a grammar of speakers:
hyphenated words are one token (``D-Conn.``, ``43-year-old``, ``Eva-Marie``), a possessive or
contraction stays on its word (``Smith's``, ``don't``; but ``he`` + ``'s`` stay apart, as pronoun
subjects), and a quotation mark or dash that spaCy left inside a token (``said—“no``) stands
alone. Without the analysis' tokens (a direct call), the same blank tokenizer makes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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
_SUFFIXES = frozenset(
    mark + tail for mark in ("'", "’") for tail in ("s", "re", "ve", "ll", "d", "m", "")
) | frozenset({"n't", "n’t"})


def _tok(start: int, text: str) -> Tok:
    word = text[:1].isalpha()
    low = text.lower()
    return _new_tok(Tok, (start, start + len(text), text, low, word, word and text[0].isupper()))


def tokens_of(text: str, starts: Sequence[int], texts: Sequence[str]) -> list[Tok]:
    """The grammar's tokens from spaCy's token offsets and texts (space tokens are skipped)."""
    lex = lexicon()
    pronouns, abbreviations = lex.pronouns, lex.abbreviations
    alone = [m.start() for m in _ALONE_RE.finditer(text)]
    alone.append(len(text) + 1)
    ai = 0
    next_alone = alone[0]
    out: list[Tok] = []
    append = out.append
    new = _new_tok
    prev_end = -1
    for start, t in zip(starts, texts, strict=True):
        c = t[0]
        if c.isspace():
            continue
        end = start + len(t)
        if next_alone < end:
            while alone[ai] < start:
                ai += 1
            next_alone = alone[ai]
            if next_alone < end and len(t) > 1:
                _split(t, start, abbreviations, append)  # 'said—“no': a mark inside a token
                prev_end = end
                continue
        if start == prev_end and out and _glue(out, t, pronouns, abbreviations):
            prev_end = end
            continue
        word = c.isalpha()
        append(new(Tok, (start, end, t, t.lower(), word, word and c.isupper())))
        prev_end = end
    return out


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


def tokenize(text: str) -> list[Tok]:
    """The grammar's tokens of a whole text, from the blank English tokenizer (for callers that
    have no analysis)."""
    from newslint.analysis.nlp import get_nlp
    from newslint.analysis.tokenizer_memo import make_doc

    doc = make_doc(get_nlp(None), text)
    return tokens_of(text, [t.idx for t in doc], [t.text for t in doc])
