"""Readers turn a file into a :class:`~newslint.readers.document.Document`.

``load_document`` reads bytes, decodes them (UTF-8, else a detected encoding), and dispatches on
the file extension to the plain-text, Markdown or HTML reader.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from importlib import import_module

from newslint.errors import InputError
from newslint.readers.document import Document

#: file extension -> (format name, reader module)
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
}
_READER_MODULES = {
    "text": "newslint.readers.plain",
    "markdown": "newslint.readers.markdown",
    "html": "newslint.readers.html",
}

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: documents read ahead (the genre mix reads the files beside an article), kept until the linter
#: takes them: one parse per file when the process goes on to lint the same, unchanged file
READ_AHEAD = 64
_read_ahead: OrderedDict[tuple[str, str, int, int, int], Document] = OrderedDict()


def format_for(path: str, default: str = "text") -> str:
    """The document format implied by a file name."""
    return FORMATS.get(os.path.splitext(path)[1].lower(), default)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (with or without BOM), else a detected encoding; reject binary."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not an article")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: not valid UTF-8 and no text encoding could be detected")
    return str(best), best.encoding


def parse(
    source: str, path: str, fmt: str, encoding: str = "utf-8", detect_header: bool = True
) -> Document:
    """Build a Document from decoded source text in format ``fmt``.

    ``detect_header=False`` reads every paragraph as body copy (for rule examples and snippets).
    """
    if fmt not in _READER_MODULES:
        raise InputError(f"{path}: unknown format {fmt!r} (use text, markdown or html)")
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    reader = import_module(_READER_MODULES[fmt])
    doc: Document = (
        reader.read(source, path)
        if detect_header
        else reader.read(source, path, detect_header=False)
    )
    doc.encoding = encoding
    return doc


def load_document(
    path: str, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, take: bool = False
) -> Document:
    """Read, decode and parse the article at ``path``. The last READ_AHEAD documents read are
    kept (keyed by the file's modification time, size and inode); ``take=True`` (the linter)
    takes a kept one instead of parsing the file again, and keeps nothing."""
    try:
        stat = os.stat(path)
        size = stat.st_size
        if max_bytes and size > max_bytes:
            raise InputError(
                f"{path}: file too large ({size / 1048576:.1f} MB > {max_bytes / 1048576:.1f} MB"
                " limit; raise max-file-size in the config)"
            )
        fmt = fmt or format_for(path)
        key = (path, fmt, stat.st_mtime_ns, size, stat.st_ino)
        kept = _read_ahead.pop(key, None) if take else _read_ahead.get(key)
        if kept is not None:
            return kept
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    source, encoding = decode(data, path)
    document = parse(source, path, fmt, encoding)
    if not take:
        _read_ahead[key] = document
        while len(_read_ahead) > READ_AHEAD:
            try:
                _read_ahead.popitem(last=False)
            except KeyError:  # emptied by another thread
                break
    return document
