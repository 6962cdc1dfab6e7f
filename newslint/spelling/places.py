"""Where a word stands can say it names something: such a word is no slip, whatever its spelling.

Each test looks only at the characters around one reported word, so it costs nothing on the
words that are known. The places:

* a handle in parentheses after a name: "Alan Somers (asomers)";
* a lower-case word between a name and a capitalised word: a name's particle or a given name
  written in lower case ("Davao del Sur", "José manuel Barroso");
* the person thanked: "thanks to X", "thank you X for fixing it";
* a scientific name: a lower-case word the suggester finds no rival for, after a capitalised
  genus ("Spheniscus magellanicus") (the caller weighs the rivals, see :func:`name_before`);
* a coinage on a name the article uses, as software is named ("goroutine", "rustc" in posts
  about Go and Rust) (the caller weighs the rivals);
* a path or an identifier: an unknown word joined by "/" (no space) to another piece
  ("compress/flate", "linux/amd64"); alternatives of words ("and/or") are known anyway. A slip
  inside such a pair ("recieve/send") goes unreported: paths are far more common there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

_HANDLE_BEFORE = re.compile(r"[A-Z][^\W\d_]*[ \t]*\($")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][^\W\d_]*)[ \t]$")
_CAPITALISED_AFTER = re.compile(r"[ \t][A-Z][^\W\d_]")
_THANKS_BEFORE = re.compile(r"\bthanks?(?:[ \t]+you)?,?[ \t]+(?:to[ \t]+)?$", re.IGNORECASE)
_CHUNK_EDGE = " \t\n()[]{}<>\"'“”‘’`,;:!?"
_PATH_PIECE_TRIM = ".-_'’*"


def in_parentheses_after_name(text: str, start: int, end: int) -> bool:
    """Is the word alone in parentheses right after a capitalised word ("Somers (asomers)")?"""
    return (
        text.startswith(")", end)
        and _HANDLE_BEFORE.search(text, max(0, start - 40), start) is not None
    )


def name_before(text: str, start: int, is_name: Callable[[int, str], bool]) -> bool:
    """Is the word right before ``start`` capitalised and, as ``is_name`` (its offset, the
    word) judges, a name rather than a capitalised sentence opener ("Davao", "Spheniscus")?"""
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and is_name(m.start(1), m.group(1))


def between_names(text: str, start: int, end: int, is_name: Callable[[int, str], bool]) -> bool:
    """Does the word stand between a name and a capitalised word ("Davao del Sur")?"""
    return _CAPITALISED_AFTER.match(text, end) is not None and name_before(text, start, is_name)


def thanked(text: str, start: int) -> bool:
    """Is the word the person a thank-you names ("thank you, to ryo for reporting")?"""
    return _THANKS_BEFORE.search(text, max(0, start - 20), start) is not None


def in_path(text: str, start: int, end: int) -> bool:
    """Is the word a segment of a path or an identifier: joined by "/" (no space) to another
    piece ("compress/flate", "wheel/sdist")?"""
    a = start
    while a > 0 and text[a - 1] not in _CHUNK_EDGE:
        a -= 1
    b = end
    while b < len(text) and text[b] not in _CHUNK_EDGE:
        b += 1
    pieces = [p for p in text[a:b].split("/") if p.strip(_PATH_PIECE_TRIM)]
    return len(pieces) > 1


#: a word with a capital letter in the middle of a sentence (after a lower-case word or a comma)
_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z0-9,;] )[A-Za-z]*[A-Z][A-Za-z]*")
#: names this common in lower case are function words a title capitalises ("The", "Of")
NAME_MAX_ZIPF = 6.5
#: a name the article is about is mentioned this often ("Co." once does not make "co-" a stem)
NAME_MIN_MENTIONS = 3
#: the word built on a name keeps at least this many letters of its own ("rust" + "c")
COINAGE_MIN_REST = 1


def prose_names(text: str, zipf: Callable[[str], float]) -> frozenset[str]:
    """Lower-case forms of the names the article is about: words it capitalises in mid-sentence
    ("Go", "gRPC", "Rust") at least NAME_MIN_MENTIONS times, without the function words a title
    capitalises."""
    found = Counter(m.group().lower() for m in _MID_SENTENCE_NAME.finditer(text))
    return frozenset(
        n
        for n, k in found.items()
        if k >= NAME_MIN_MENTIONS and len(n) >= 2 and zipf(n) < NAME_MAX_ZIPF
    )


def coined_from(low: str, names: frozenset[str]) -> bool:
    """Is the lower-case word a coinage on one of the article's names, the way software is
    named ("goroutine", "gofmt", "rustc", "grpcio": Go, Rust, gRPC)?"""
    for i in range(2, len(low) - COINAGE_MIN_REST + 1):
        if low[:i] in names or low[-i:] in names:
            return True
    return False
