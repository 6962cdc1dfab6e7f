"""Open documents and positions: the editor's text, kept as the client sends it.

LSP counts lines by ``\\n``, ``\\r\\n`` and ``\\r`` only (``str.splitlines`` also breaks on form
feeds, ``\\u2028`` and others, which would put every later edit on the wrong line), and columns in
the encoding negotiated at start-up: UTF-16 code units by default, UTF-8 bytes or code points
(UTF-32) when the client asks. Findings carry code-point lines and columns of the text with its
line ends normalised to ``\\n`` (the readers' view), which this module maps to client positions.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

_LINE_END = re.compile(r"\r\n|\r|\n")

#: the LSP language ids newslint lints, and the reader each one uses
LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "mdx": "markdown",
    "plaintext": "text",
    "text": "text",
    "html": "html",
}


def uri_to_path(uri: str) -> str:
    """The file-system path of a ``file:`` URI (other schemes: the URI's path part)."""
    parsed = urlparse(uri)
    path = unquote(parsed.path)
    if os.name == "nt" and re.match(r"^/[A-Za-z]:", path):  # pragma: no cover - Windows
        path = path[1:]
    return path or uri


def path_to_uri(path: str) -> str:
    """A ``file:`` URI for an absolute path."""
    from pathlib import Path

    return Path(os.path.abspath(path)).as_uri()


class PositionCodec:
    """Columns in the client's units (``utf-16``, ``utf-8`` or ``utf-32``) <-> code points."""

    def __init__(self, encoding: str = "utf-16") -> None:
        self.encoding = encoding if encoding in ("utf-8", "utf-16", "utf-32") else "utf-16"

    def units(self, text: str) -> int:
        """How many client units ``text`` takes."""
        if self.encoding == "utf-32" or text.isascii():
            return len(text)
        if self.encoding == "utf-8":
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)

    def to_client(self, line_text: str, column: int) -> int:
        """A code-point column of ``line_text`` in client units."""
        return self.units(line_text[:column])

    def from_client(self, line_text: str, units: int) -> int:
        """A client-unit column of ``line_text`` as a code-point column (clamped to the line)."""
        if self.encoding == "utf-32" or line_text.isascii():
            return min(max(units, 0), len(line_text))
        count = 0
        for i, ch in enumerate(line_text):
            if count >= units:
                return i
            if self.encoding == "utf-8":
                count += len(ch.encode("utf-8", "surrogatepass"))
            else:
                count += 2 if ord(ch) > 0xFFFF else 1
        return len(line_text)


@dataclass
class OpenDocument:
    """One document the editor has open: its text, version and where its lines start."""

    uri: str
    language_id: str
    version: int
    text: str
    path: str = ""
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.path:
            self.path = uri_to_path(self.uri)
        self._index()

    def _index(self) -> None:
        self._line_starts = [0, *(m.end() for m in _LINE_END.finditer(self.text))]

    @property
    def fmt(self) -> str:
        """The reader for this document: its language id, else its file extension."""
        if self.language_id in LANGUAGE_FORMATS:
            return LANGUAGE_FORMATS[self.language_id]
        from newslint.readers import format_for

        return format_for(self.path)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line(self, n: int) -> str:
        """The text of 0-based line ``n`` without its line end ("" past the end)."""
        if n < 0 or n >= len(self._line_starts):
            return ""
        start = self._line_starts[n]
        end = self._line_starts[n + 1] if n + 1 < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def offset_at(self, line: int, units: int, codec: PositionCodec) -> int:
        """Code-point offset into ``text`` of a client position (clamped into the text)."""
        if line >= len(self._line_starts):
            return len(self.text)
        if line < 0:
            return 0
        return self._line_starts[line] + codec.from_client(self.line(line), units)

    def position_of(self, offset: int, codec: PositionCodec) -> tuple[int, int]:
        """0-based line and client-unit column of a code-point offset into ``text``."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[line]
        return line, codec.to_client(self.line(line), column)

    def replace(self, start: int, end: int, new_text: str) -> None:
        """Replace ``text[start:end]`` (code points) and re-index the lines."""
        self.text = self.text[:start] + new_text + self.text[end:]
        self._index()


class DocumentStore:
    """The documents the editor has open, by URI."""

    def __init__(self) -> None:
        self._docs: dict[str, OpenDocument] = {}

    def open(self, uri: str, language_id: str, version: int, text: str) -> OpenDocument:
        doc = OpenDocument(uri, language_id, version, text)
        self._docs[uri] = doc
        return doc

    def get(self, uri: str) -> OpenDocument | None:
        return self._docs.get(uri)

    def close(self, uri: str) -> OpenDocument | None:
        return self._docs.pop(uri, None)

    def all(self) -> list[OpenDocument]:
        return list(self._docs.values())

    def change(
        self,
        uri: str,
        version: int,
        changes: list[tuple[tuple[int, int, int, int] | None, str]],
        codec: PositionCodec,
    ) -> OpenDocument | None:
        """Apply content changes in order: ``((start_line, start_col, end_line, end_col), text)``
        for a range in client units, ``(None, text)`` for the whole document."""
        doc = self._docs.get(uri)
        if doc is None:
            return None
        for where, new_text in changes:
            if where is None:
                doc.text = new_text
                doc._index()
                continue
            start = doc.offset_at(where[0], where[1], codec)
            end = doc.offset_at(where[2], where[3], codec)
            doc.replace(min(start, end), max(start, end), new_text)
        doc.version = version
        return doc


def normalized_position(text: str, offset: int) -> tuple[int, int]:
    """0-based line and code-point column of ``offset`` in ``\\n``-only text."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start
