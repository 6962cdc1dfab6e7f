"""Plain-text reader: paragraphs are separated by blank lines; the top lines are the header."""

from __future__ import annotations

import re

from newslint.readers.document import Document, TextBuilder
from newslint.readers.header import classify_header

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# a line that is only an HTML comment (used for inline newslint directives in .txt files)
_COMMENT_LINE = re.compile(r"^[ \t]*<!--.*?-->[ \t]*$", re.MULTILINE)


HARD_WRAP_MIN = 50  # a chunk whose lines (but the last) are all this long is one wrapped paragraph


def _units(chunk: str, offset: int) -> list[tuple[int, str]]:
    """Split a blank-line separated chunk into paragraphs.

    A hard-wrapped chunk (every line but the last is long) is one paragraph. Otherwise each line is
    its own paragraph (scraped text puts one paragraph per line), except that a line continues
    onto the next when it has no closing punctuation and the next line starts in lower case.
    """
    if not chunk.strip():
        return []
    lines = chunk.split("\n")
    if len(lines) == 1 or all(len(line) >= HARD_WRAP_MIN for line in lines[:-1]):
        return [(offset, chunk)]
    units: list[tuple[int, str]] = []
    pos = offset
    current_start, current = offset, ""
    for i, line in enumerate(lines):
        if current and not _continues(current, line):
            units.append((current_start, current))
            current = ""
        if not current:
            current_start = pos
            current = line
        else:
            current += "\n" + line
        pos += len(line) + 1
        if i == len(lines) - 1 and current:
            units.append((current_start, current))
    return [(start, text) for start, text in units if text.strip()]


def _continues(previous: str, line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower() and not previous.rstrip().endswith(_CLOSERS)


_CLOSERS = (".", "!", "?", ":", '"', "”", "’", "'", ")")


def read(source: str, path: str, detect_header: bool = True) -> Document:
    """Parse plain text: every paragraph is a block; the top lines may be headline and byline."""
    builder = TextBuilder()
    masked = _COMMENT_LINE.sub(lambda m: " " * len(m.group()), source)
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(masked + "\n\n"):
        chunk = masked[pos : brk.start()]
        for start, piece in _units(chunk, pos):
            builder.open_block()
            builder.add(piece, start)
            builder.close_block("body", start + len(piece))
        pos = brk.end()
    text, offset_map = builder.build()
    blocks = classify_header(text, builder.blocks) if detect_header else builder.blocks
    return Document(path, source, text, blocks, offset_map, format="text")
