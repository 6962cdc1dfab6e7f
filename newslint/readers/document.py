"""The article model: prose text extracted from a file, its blocks, and a map back to the source.

Readers (``newslint.readers``) turn a file's source into a :class:`Document`. Rules only ever see
``Document.text``; every offset into it maps back to the exact line and column of the original file
through :meth:`Document.line_col`, even after markup was stripped.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from typing import Any

#: Block kinds a reader may produce.
BLOCK_KINDS = (
    "headline",  # the article's title (first line of a text file, front-matter title, h1)
    "dek",  # standfirst / subtitle under the headline
    "byline",  # "By Jane Doe", a reporter's name at the top
    "dateline",  # a date line at the top
    "heading",  # a sub-heading (Markdown/HTML heading)
    "body",  # an ordinary paragraph
    "blockquote",  # a block quotation
    "list",  # a list item
    "caption",  # a figure caption marked up as such (HTML figcaption)
    "table",  # a table cell
    "footnote",  # a footnote definition (Markdown ``[^1]: ...``)
)


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of the prose: ``text[start:end]``."""

    kind: str
    start: int
    end: int


#: stands in the text for a removed span that renders as something (inline code, math, a template
#: value, an embed): one neutral token, so no rule reads the words around it as adjacent. It is the
#: Unicode OBJECT REPLACEMENT CHARACTER, a symbol: the tokenizer splits it off as a token of its own
#: that is neither a word nor punctuation, and sentence splitting is unchanged.
PLACEHOLDER_TOKEN = "\ufffc"

#: 0, 1, 2, ...: slices of it extend an offset map at C speed (shared, grown on demand)
_IDENTITY = array("l", range(1 << 16))


class TextBuilder:
    """Builds prose text piece by piece while recording, for every character, its source offset."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._map = array("l")
        self._length = 0
        self.blocks: list[Block] = []
        self._block_start: int | None = None
        self._block_part = 0
        self._embeds: list[int] = []  # text offsets of embed placeholders in the open block

    def __len__(self) -> int:
        return self._length

    def add(self, text: str, source_start: int) -> None:
        """Append ``text`` copied verbatim from ``source[source_start:]``."""
        if not text:
            return
        self._parts.append(text)
        end = source_start + len(text)
        if len(_IDENTITY) < end:
            _IDENTITY.extend(range(len(_IDENTITY), max(end, 2 * len(_IDENTITY))))
        self._map.extend(_IDENTITY[source_start:end])
        self._length += len(text)

    def add_synthetic(self, text: str, source_offset: int) -> None:
        """Append ``text`` that stands for markup at ``source_offset`` (all chars map there)."""
        if not text:
            return
        self._parts.append(text)
        self._map.extend([source_offset] * len(text))
        self._length += len(text)

    def add_placeholder(self, source_offset: int, embed: bool = False) -> None:
        """Append one :data:`PLACEHOLDER_TOKEN` for a removed span that starts at ``source_offset``.

        Consecutive removed spans give one token, so ``a `b` `c` d`` reads as "a \ufffc \ufffc d"
        but ``a `b``c` d`` as "a \ufffc d". An ``embed`` (an image, a video, a figure shortcode)
        stands for a word only between words: at the start or end of its block it is dropped, so
        "<img> Photo by Jane Doe" is still a line of its own.
        """
        if self._parts and self._parts[-1] == PLACEHOLDER_TOKEN:
            return
        if embed:
            self._embeds.append(self._length)
        self.add_synthetic(PLACEHOLDER_TOKEN, source_offset)

    def last_char(self) -> str:
        """The last character appended so far ("" when empty)."""
        return self._parts[-1][-1] if self._parts else ""

    def open_block(self) -> None:
        """Start a block at the current position (no-op when one is open)."""
        if self._block_start is None:
            self._block_start = self._length
            self._block_part = len(self._parts)
            self._embeds = []

    def close_block(self, kind: str, source_offset: int) -> None:
        """End the open block and separate it from the next.

        A block with no text but whitespace and placeholders (an image, a lone template tag) is
        taken back out of the text: it would be a "paragraph" without a word.
        """
        if self._block_start is None:
            return
        start = self._block_start
        self._block_start = None
        content = "".join(self._parts[self._block_part :])
        if self._embeds:
            content = self._drop_edge_embeds(content, start)
        end = self._length
        if not content.replace(PLACEHOLDER_TOKEN, "").strip():
            del self._parts[self._block_part :]
            del self._map[start:]
            self._length = start
            return  # the previous block's separator is already there
        lead = len(content) - len(content.lstrip())
        trail = len(content) - len(content.rstrip())
        self.blocks.append(Block(kind, start + lead, end - trail))
        self.add_synthetic("\n\n", source_offset)

    def _drop_edge_embeds(self, content: str, start: int) -> str:
        """Take embed placeholders at either edge of the block out; the block's new content."""
        embeds, self._embeds = {e - start for e in self._embeds}, []
        drop: set[int] = set()
        for order in (range(len(content)), range(len(content) - 1, -1, -1)):
            for i in order:
                if i in embeds:
                    drop.add(i)
                elif not content[i].isspace():
                    break
        if not drop:
            return content
        keep = [i for i in range(len(content)) if i not in drop]
        content = "".join(content[i] for i in keep)
        offsets = self._map[start:]
        self._map[start:] = array("l", [offsets[i] for i in keep])
        self._parts[self._block_part :] = [content]
        self._length = start + len(content)
        return content

    def build(self) -> tuple[str, array]:
        """The finished text and its offset map."""
        return "".join(self._parts), self._map


@dataclass
class Document:
    """An article ready for analysis."""

    path: str
    source: str
    text: str
    blocks: list[Block]
    offset_map: array
    format: str = "text"
    front_matter: dict[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"

    def __post_init__(self) -> None:
        self._line_starts = [0]
        self._line_starts.extend(m.end() for m in re.finditer("\n", self.source))
        self._block_starts = [b.start for b in self.blocks]

    def source_offset(self, index: int) -> int:
        """Source offset of text offset ``index`` (one past the end maps past the last char)."""
        if not self.offset_map:
            return 0
        if index >= len(self.offset_map):
            return self.offset_map[-1] + 1
        return self.offset_map[max(index, 0)]

    def source_line_col(self, source_index: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        line = bisect.bisect_right(self._line_starts, source_index) - 1
        return line + 1, source_index - self._line_starts[line] + 1

    def line_col(self, index: int) -> tuple[int, int]:
        """1-based line and column in the source file of text offset ``index``."""
        return self.source_line_col(self.source_offset(index))

    def source_line(self, line: int) -> str:
        """The text of 1-based source line ``line`` without its newline."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r")

    def block_at(self, index: int) -> Block | None:
        """The block containing text offset ``index``, if any."""
        i = bisect.bisect_right(self._block_starts, index) - 1
        if i >= 0 and self.blocks[i].start <= index < max(
            self.blocks[i].end, self.blocks[i].start + 1
        ):
            return self.blocks[i]
        return None

    def block_index(self, index: int) -> int:
        """Index into ``blocks`` of the block at or before text offset ``index``."""
        return max(bisect.bisect_right(self._block_starts, index) - 1, 0)
