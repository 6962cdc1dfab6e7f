"""Common misspellings curated by codespell, read from the installed package at run time."""

from __future__ import annotations

import marshal
from functools import lru_cache

from newslint.spelling import sources
from newslint.storage import disk_cache
from newslint.versions import package_version

#: bump when the cached columns change shape
FORMAT = "1"


def _parse() -> tuple[dict[str, list[str]], frozenset[str]]:
    """Parse codespell's main dictionary (about 0.5 s, hence the disk cache)."""
    table: dict[str, list[str]] = {}
    safe: set[str] = set()
    for name in sources.CODESPELL_TYPO_FILES:
        for key, data in sources.read_codespell(name):
            key = key.lower()
            if "," in data:
                # "fix1, fix2," lists choices; "fix, reason" marks a disabled entry.
                data, _reason = data.rsplit(",", 1)
                fixes = [f.strip() for f in data.split(",") if f.strip()]
            else:
                fixes = [data.strip()]
                safe.add(key)
            table[key] = fixes
    return table, frozenset(safe)


def _dump() -> bytes:
    table, safe = _parse()
    keys = list(table)
    return marshal.dumps(
        (
            "\n".join(keys),
            "\n".join("|".join(table[k]) for k in keys),
            bytes(k in safe for k in keys),
        )
    )


class _Table:
    """Fast membership and lazy per-word corrections over the cached columns."""

    def __init__(self) -> None:
        try:
            key = f"{FORMAT}v{package_version('codespell')}".replace(".", "")
            keys, fixes, safe = marshal.loads(disk_cache.cached_bytes("codespell", key, _dump))
        except (EOFError, ValueError, TypeError):
            keys, fixes, safe = marshal.loads(_dump())
        self.keys: list[str] = keys.split("\n")
        self.index = {k: i for i, k in enumerate(self.keys)}
        self._fixes: str = fixes
        self._rows: list[str] | None = None
        self.safe = safe

    def fixes(self, low: str) -> list[str]:
        i = self.index.get(low)
        if i is None:
            return []
        if self._rows is None:
            self._rows = self._fixes.split("\n")
        return self._rows[i].split("|")


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table()


def is_misspelling(word: str) -> bool:
    """Is ``word`` (any case) one of codespell's common misspellings?"""
    return word.lower() in _table().index


def corrections(word: str) -> list[str]:
    """codespell's corrections for ``word`` (lower case, best first), or []."""
    return _table().fixes(word.lower())


@lru_cache(maxsize=1)
def known_misspellings() -> dict[str, list[str]]:
    """Lower-case misspelling -> its corrections, best first (codespell's main dictionary)."""
    table = _table()
    return {k: table.fixes(k) for k in table.keys}


def is_safe(word: str) -> bool:
    """True when codespell gives ``word`` exactly one correction with no caveat."""
    table = _table()
    i = table.index.get(word.lower())
    return i is not None and bool(table.safe[i])


def match_case(template: str, word: str) -> str:
    """Give ``word`` the capitalisation pattern of ``template`` (teh->the, Teh->The, TEH->THE)."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def safe_fix(word: str) -> str | None:
    """The single safe correction of a known misspelling, in the word's case, else None."""
    if not is_safe(word):
        return None
    return match_case(word, corrections(word)[0])
