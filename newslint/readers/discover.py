"""Finding the article files under the paths given on the command line."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from newslint.errors import UsageError
from newslint.readers import FORMATS

SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    "__pycache__",
    ".venv",
    "venv",
    "_site",
    "public",
    ".newslint_cache",
}


def iter_article_files(paths: Iterable[str], extensions: Iterable[str] = FORMATS) -> Iterator[str]:
    """Yield article files, each once: files given explicitly (any extension) and article files
    in folders. A file given twice, or reached through two given folders, is yielded the first
    time only (compared by real path, so links and ``./`` spellings count as the same file)."""
    seen: set[str] = set()
    for path in _iter_all(paths, extensions):
        key = path if path == "-" else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            yield path


def _iter_all(paths: Iterable[str], extensions: Iterable[str]) -> Iterator[str]:
    exts = {e.lower() for e in extensions}
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if os.path.splitext(name)[1].lower() in exts and not name.startswith("."):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                raise UsageError(
                    f"{path}: no article files here (looked for {', '.join(sorted(exts))})"
                )
        elif os.path.exists(path):
            yield path
        else:
            raise UsageError(f"{path}: no such file or directory")
