"""A small metaphone-style phonetic key: words that sound alike share a key ("sufishant", "sufficient")."""

from __future__ import annotations

import re

_RULES: tuple[tuple[str, str], ...] = (
    (r"^([kgp])n", "n"),
    (r"^wr", "r"),
    (r"^x", "s"),
    (r"^wh", "w"),
    (r"tch", "ch"),
    (r"sch", "sk"),
    (r"ph", "f"),
    (r"ck", "k"),
    (r"gh(?![aeiouy])", ""),
    (r"dg(?=[eiy])", "J"),
    (r"sh|[tsc]i(?=[ao])|[tc]i(?=en)", "X"),
    (r"ch", "X"),
    (r"c(?=[eiy])", "s"),
    (r"[cqk]", "k"),
    (r"x", "ks"),
    (r"z", "s"),
    (r"th", "0"),
    (r"j", "J"),
    (r"v", "f"),
    (r"g(?=[eiy])", "J"),
    (r"(?<=[^aeiouy])h|h(?![aeiouy])", ""),
    (r"[wy](?![aeiou])", ""),
)
_COMPILED = tuple((re.compile(p), r) for p, r in _RULES)
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")


def phonetic_key(word: str) -> str:
    """Consonant skeleton of how ``word`` sounds; a leading vowel is kept as 'a'."""
    w = word.lower()
    for pattern, repl in _COMPILED:
        w = pattern.sub(repl, w)
    head, tail = w[:1], w[1:]
    if head in ("a", "e", "i", "o", "u", "y"):
        head = "a"
    return _REPEATS.sub(r"\1", head + _VOWELS.sub("", tail))
