"""Replace a file whole: the one way newslint writes a file it may be read or interrupted in.

A crash, a full disk or a concurrent reader sees the old file or the new one, never half of one:
the data goes to a temporary file in the same folder, which is renamed over the target. The
target's permission bits are kept, so fixing an article does not make it private.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def replace_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating its folder; raises OSError on failure
    (the target is then untouched and no temporary file is left)."""
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    os.makedirs(folder, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".newslint-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(tmp, mode)
        else:  # a new file gets the usual permissions (mkstemp's are owner-only)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
