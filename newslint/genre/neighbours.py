"""The genre mix of the posts beside a file: a repo of blog posts makes an undecided post a post.

A short announcement with one "we" says too little on its own to tell a blog post from a news
story, but the forty files beside it in the same collection say a lot: when most of them read as
posts, guides or interviews (not news), the undecided file gets a blog prior, as a ``posts/``
folder would give it. Only authored source files (Markdown) are read this way; a scraped page's
neighbours are other sites' pages. Each collection is sampled once per process.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache

#: fewer files of the same kind than this in the collection, and the neighbours say nothing
MIN_NEIGHBOURS = 5
#: at most this many neighbours are read (evenly spread over the sorted names)
SAMPLE = 24
#: how many files a walk up the folders may list before it stops looking
WALK_LIMIT = 400
#: how far up the folders (towards the repo's root) a collection is looked for
LEVELS = 3


def _collection(path: str, suffix: str) -> list[str]:
    """Files with ``suffix`` in the nearest folder (going up at most ``LEVELS``, never past a
    repo root) that holds at least ``MIN_NEIGHBOURS`` others. The file itself stays in the list,
    so that every file of a collection shares one sample (read once)."""
    folder = os.path.dirname(os.path.abspath(path))
    me = os.path.abspath(path)
    for _ in range(LEVELS):
        found: list[str] = []
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(suffix))
            if len(found) > WALK_LIMIT:
                break
        if sum(1 for f in found if f != me) >= MIN_NEIGHBOURS:
            return found
        if os.path.exists(os.path.join(folder, ".git")):
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return []


@lru_cache(maxsize=64)
def _mix(files: tuple[str, ...]) -> tuple[int, int]:
    """(sampled, read as something other than news) over an even sample of ``files``."""
    from newslint.errors import NewslintError
    from newslint.genre.detect import detect
    from newslint.readers import load_document

    step = max(1, len(files) // SAMPLE)
    counts: Counter[bool] = Counter()
    for name in files[::step][:SAMPLE]:
        try:
            decision = detect(load_document(name), neighbours=False)
        except NewslintError:
            continue
        counts[decision.origin != "default" and decision.genre != "news"] += 1
    return counts[True] + counts[False], counts[True]


def neighbour_mix(path: str) -> tuple[int, int]:
    """(neighbours read, of which not news) for the collection ``path`` sits in; (0, 0) when it
    has too few neighbours."""
    suffix = os.path.splitext(path)[1]
    if not suffix or not os.path.isfile(path):
        return 0, 0
    files = _collection(path, suffix)
    if not files:
        return 0, 0
    return _mix(tuple(files))
