"""The one on-disk cache of derived data tables (lemma tables, word lists, indexes, syllables).

Data lives under ``$NEWSLINT_CACHE_DIR`` or ``$XDG_CACHE_HOME/newslint`` (default
``~/.cache/newslint``). An entry is named by what it holds and keyed by what it was built from, so
an upgrade builds a new entry and removes the stale ones. Every read tolerates a missing,
unwritable or corrupt cache by rebuilding in memory; every write is atomic, so concurrent linters
never read half a file.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from newslint.storage.atomic import replace_file

T = TypeVar("T")


def cache_dir() -> str:
    """The directory newslint caches data in."""
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint")


def write_atomic(path: str | Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False when the cache is not writable (a cache write
    never fails a lint)."""
    try:
        replace_file(path, data)
        return True
    except OSError:
        return False


def memo(name: str, build: Callable[[], T]) -> T:
    """Return the marshalled value stored as ``name``, building and storing it when absent."""
    path = os.path.join(cache_dir(), "data", name + ".marshal")
    try:
        with open(path, "rb") as handle:  # (marshal.load from the file is ~10x slower)
            return marshal.loads(handle.read())  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    write_atomic(path, marshal.dumps(value))
    return value


def keyed_path(name: str, key: str, suffix: str = ".bin") -> Path:
    """Where the entry ``name`` built from sources ``key`` lives."""
    return Path(cache_dir()) / f"{name}-{key}{suffix}"


#: entries of one name built from other sources that are kept besides the current one: two
#: installed versions (a project's venv and its pre-commit hook's) must not evict each other's
#: tables on every run, yet an upgrade must not leave old tables behind for ever
KEEP_OTHER_KEYS = 2


def prune(name: str, keep: Path, suffix: str = ".bin", any_key: bool = False) -> None:
    """Remove the entries of ``name`` built from other sources than ``keep``'s, but the
    ``KEEP_OTHER_KEYS`` most recently written; never raising.

    Keys are alphanumeric unless ``any_key``: then every ``name-*`` entry counts (only for names
    that no other entry's name extends)."""
    try:
        others = []
        for entry in keep.parent.glob(f"{name}-*{suffix}"):
            key = entry.name[len(name) + 1 : -len(suffix)]
            if entry != keep and (any_key or key.isalnum()):
                others.append((entry.stat().st_mtime, entry))
        others.sort(reverse=True)
        for _, stale in others[KEEP_OTHER_KEYS:]:
            stale.unlink()
    except OSError:
        pass


def cached_bytes(name: str, key: str, build: Callable[[], bytes], use_cache: bool = True) -> bytes:
    """The bytes of entry ``name`` for sources ``key``, built (and stored, old keys pruned) if
    missing. ``use_cache=False`` builds in memory and touches nothing."""
    path = keyed_path(name, key)
    if use_cache:
        try:
            return path.read_bytes()
        except OSError:
            pass
    blob = build()
    if use_cache and write_atomic(path, blob):
        prune(name, path)
    return blob
