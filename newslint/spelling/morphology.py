"""Derived and inflected forms of known words: "stabilizations", "enums", "eyeholes", "upvoted".

Hunspell's affix rules cover the forms its dictionary flags; copy also uses productive endings on
words Hunspell lacks or flags differently (plurals of jargon, -ly, -er, -ize, -ization, British
-ise), prefixes ("de", "un", "up") and closed compounds of two known words ("bug" + "fixing").
:func:`base_of` undoes one or two such steps and returns the known word underneath, or None. It
knows nothing about whether the result is a slip: the caller weighs that (a derivation does not
rescue a word that codespell lists or that sits a cheap edit from a much more common word).
"""

from __future__ import annotations

from collections.abc import Callable

#: ending -> the stem endings it may replace ("ies" came from "y"); "" keeps the stem as it is.
#: Longer endings are tried first; doubled final consonants ("controlling") are undone as well.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "s": ("",),
    "es": ("",),
    "ies": ("y",),
    "ed": ("", "e"),
    "ied": ("y",),
    "ing": ("", "e"),
    "er": ("", "e"),
    "ers": ("", "e"),
    "ier": ("y",),
    "est": ("", "e"),
    "ly": ("", "le"),
    "ily": ("y",),
    "ally": ("",),
    "ness": ("",),
    "iness": ("y",),
    "less": ("",),
    "ment": ("",),
    "ments": ("",),
    "able": ("", "e"),
    "ability": ("able", "", "e"),
    "ful": ("",),
    "ish": ("", "e"),
    "ist": ("", "e", "y"),
    "ists": ("", "e", "y"),
    "ism": ("", "e"),
    "isms": ("", "e"),
    "ity": ("", "e"),
    "ancy": ("ant",),  # "entrancy" of "entrant", "dormancy"
    "ency": ("ent",),  # "latency" of "latent"
    "ize": ("", "e", "y"),
    "izes": ("ize", "", "e", "y"),
    "ized": ("ize", "", "e", "y"),
    "izing": ("ize", "", "e", "y"),
    "ization": ("ize", "", "e", "y"),
    "izations": ("ize", "", "e", "y"),
    "ise": ("ize",),  # British spellings of -ize words
    "ises": ("izes",),
    "ised": ("ized",),
    "ising": ("izing",),
    "isation": ("ization",),
    "isations": ("izations",),
    "iser": ("izer",),
    "isers": ("izers",),
    "or": ("", "e"),
    "ors": ("", "e"),
    "ee": ("",),
    "ees": ("",),
}
_BY_LENGTH = sorted(SUFFIXES, key=len, reverse=True)
#: the stem an ending may attach to is at least this long ("ties" is not "t" + "ies")
MIN_STEM = 3
#: productive prefixes of closed forms: "microenvironments", "deboard", "upvoted"
PREFIXES = (
    "anti", "auto", "bio", "co", "counter", "cyber", "de", "eco", "geo", "hyper", "inter", "macro",
    "mega", "micro", "mini", "mis", "multi", "nano", "neo", "non", "over", "post", "pre", "pro",
    "pseudo", "re", "semi", "sub", "super", "tele", "trans", "ultra", "un", "under", "up", "out",
    "self", "cross", "meta",
)  # fmt: skip
#: the negating "a" of Greek and Latin stems ("asynchronicity", "apolitical") is taken only on a
#: stem this long: on a short one it is more often a slip ("abit", "alot")
PRIVATIVE = "a"
PRIVATIVE_MIN_STEM = 8
#: each word of a closed compound ("eye" + "holes") is at least this long
MIN_COMPOUND_PART = 3

Known = Callable[[str], bool]


def _stems(word: str) -> list[str]:
    """Candidate stems of ``word`` by undoing one suffix (with doubled consonants undone)."""
    out: list[str] = []
    for ending in _BY_LENGTH:
        if not word.endswith(ending) or len(word) - len(ending) < MIN_STEM:
            continue
        root = word[: len(word) - len(ending)]
        if ending == "ly" and root.endswith("ic"):
            continue  # "drastically", never "drasticly"
        for tail in SUFFIXES[ending]:
            out.append(root + tail)
        if len(root) > MIN_STEM and root[-1] == root[-2] and root[-1] not in "aeiou":
            out.append(root[:-1])  # "controlling" -> "control"
    return out


def base_of(word: str, known: Known, part: Known | None = None, depth: int = 2) -> str | None:
    """A known word that ``word`` (lower case, letters only) derives from, or None.

    One or two suffix steps ("stabilizations" -> "stabilization" -> known), a prefix
    ("deboard" -> "board", "asynchronicity" -> "synchronicity") or a closed compound of two
    words that ``part`` accepts ("eyeholes"; ``part`` defaults to ``known``, a caller may ask
    more of a compound's pieces).
    """
    part = part or known
    for stem in _stems(word):
        if known(stem):
            return stem
        if depth > 1:
            deeper = base_of(stem, known, part, depth - 1)
            if deeper is not None:
                return deeper
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= MIN_STEM + 1 and known(rest):
            return rest
    rest = word[len(PRIVATIVE) :]
    if word.startswith(PRIVATIVE) and len(rest) >= PRIVATIVE_MIN_STEM and known(rest):
        return rest
    for i in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        head, tail = word[:i], word[i:]
        if part(head) and part(tail):
            return head + " " + tail
    return None
