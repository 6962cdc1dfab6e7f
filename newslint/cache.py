"""A small on-disk memo for derived data tables (lemma tables, dictionaries) and lint results.

Data lives under ``$NEWSLINT_CACHE_DIR`` or ``$XDG_CACHE_HOME/newslint`` (default ``~/.cache/newslint``).
Every read tolerates a missing, unwritable or corrupt cache by rebuilding in memory.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> str:
    """The directory newslint caches data in."""
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint")


def memo(name: str, build: Callable[[], T]) -> T:
    """Return the marshalled value stored as ``name``, building and storing it when absent."""
    path = os.path.join(cache_dir(), "data", name + ".marshal")
    try:
        with open(path, "rb") as handle:
            return marshal.load(handle)  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    write_atomic(path, marshal.dumps(value))
    return value


def write_atomic(path: str, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False when the cache is not writable."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        return False
