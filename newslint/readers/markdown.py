"""Markdown reader: front matter, block structure and inline markup reduced to mapped prose.

Pipeline, every step offset-preserving:

1. front matter (YAML ``---`` / TOML ``+++``) is parsed into ``front_matter`` and blanked;
2. template tags (Hugo shortcodes, Liquid) are masked (:mod:`newslint.readers.templates`);
3. markdown-it-py (CommonMark + GFM tables) finds the blocks and their source lines; only its block
   pass runs, inline syntax is handled by :mod:`newslint.readers.md_inline`, which knows columns;
4. each block's lines are located in the source, reduced to prose and added with exact offsets.

Block kinds: ATX/setext headings are "heading" (a leading h1 before any body text is "headline"),
paragraphs "body", list-item paragraphs "list", block-quote paragraphs "blockquote", table cells
"table", footnote definitions "footnote". Code blocks, fences and thematic breaks give no text; raw
HTML blocks go through the HTML reader's extractor. A front-matter ``title`` becomes a "headline"
block and ``subtitle`` a "dek" block, mapped to their place inside the front matter; no other
front-matter field ever produces text (``description``/``summary`` are SEO copies of the lede).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newslint.readers.document import Document, TextBuilder
from newslint.readers.frontmatter import PROSE_FIELDS, FrontMatter, parse_front_matter
from newslint.readers.html import HtmlExtractor, classify_blocks
from newslint.readers.md_inline import FOOTNOTE_DEF, InlineScanner
from newslint.readers.templates import mask_templates

_CONTAINERS = {
    "blockquote_open": "blockquote",
    "list_item_open": "list",
    "th_open": "table",
    "td_open": "table",
}
_CLOSERS = {"blockquote_close", "list_item_close", "th_close", "td_close"}
_FOOTNOTE_LINE = re.compile(r"^[ \t>]*\[\^[^\]\s]+\]:[ \t]*")
_LINE_PREFIX = re.compile(r"^[ \t>]*")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable(["inline"])


class _Reader:
    """State for reading one Markdown document."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.builder = TextBuilder()
        self.extractor = HtmlExtractor(self.builder)
        self.line_starts = [0]
        self.line_starts.extend(m.end() for m in re.finditer("\n", source))
        self.body_seen = False
        self.headline_from_h1 = False

    # -- locating lines ------------------------------------------------------------------------
    def line(self, n: int) -> tuple[int, int]:
        """Source (start, end) of 0-based line ``n`` without its newline."""
        start = self.line_starts[n]
        end = self.line_starts[n + 1] - 1 if n + 1 < len(self.line_starts) else len(self.source)
        return start, end

    def locate(self, targets: list[tuple[int, str]], cursor: int | None = None):
        """Content string and line table for ``targets`` [(line number, text of that line)]."""
        parts: list[str] = []
        table: list[tuple[int, int, bool]] = []
        pos = 0
        for n, target in targets:
            start, end = self.line(n)
            text = self.masked[start:end]
            if cursor is not None:  # table cells: search left to right within the row
                found = text.find(target, cursor)
                if found < 0 and "|" in target:  # the parser unescaped "\|" in the cell
                    target = target.replace("|", "\\|")
                    found = text.find(target, cursor)
            else:
                stripped = text.rstrip()
                found = len(stripped) - len(target) if stripped.endswith(target) else -1
                if found < 0:
                    found = text.find(target)
            if parts:
                parts.append("\n")
                pos += 1
            table.append((pos, start + found if found >= 0 else start, found < 0))
            parts.append(target)
            pos += len(target)
            if cursor is not None and found >= 0:
                self.cursor = found + len(target)
        return "".join(parts), table

    # -- emitting ------------------------------------------------------------------------------
    def emit(self, kind: str, content: str, table: list[tuple[int, int, bool]]) -> None:
        start = 0
        m = FOOTNOTE_DEF.match(content)
        if m and kind in ("body", "blockquote", "list"):
            kind, start = "footnote", m.end()
        self.builder.open_block()
        self.scanner.run(self.builder, content, table, start)
        last_start, last_source, _ = table[-1]
        self.builder.close_block(kind, last_source + len(content) - last_start)
        blocks = self.builder.blocks
        if blocks and blocks[-1].kind not in ("headline", "dek"):
            self.body_seen = True

    def front_matter_prose(self, fm: FrontMatter) -> None:
        """Blocks for the front-matter title and subtitle (inline Markdown in them is reduced)."""
        for key, value, pos in fm.prose:
            self.emit(PROSE_FIELDS[key], value, [(0, pos, False)])

    def footnote_refs(self, references: dict[str, Any]) -> list[tuple[int, list[tuple[int, str]]]]:
        """Footnote definitions the parser took for link reference definitions."""
        out = []
        for label, ref in references.items():
            if not label.startswith("^") or not ref.get("map"):
                continue
            first, last = ref["map"]
            targets = []
            for n in range(first, last):
                start, end = self.line(n)
                text = self.masked[start:end]
                prefix = (_FOOTNOTE_LINE if n == first else _LINE_PREFIX).match(text)
                target = text[prefix.end() if prefix else 0 :].strip()
                if target:
                    targets.append((n, target))
            if targets:
                out.append((first, targets))
        out.sort()
        return out

    # -- the walk ------------------------------------------------------------------------------
    def read(self) -> tuple[dict[str, Any], bool]:
        fm = parse_front_matter(self.source)
        masked = self.source
        if fm.end:
            masked = re.sub(r"[^\n]", " ", masked[: fm.end]) + masked[fm.end :]
        masked = self.masked = mask_templates(masked)
        env: dict[str, Any] = {}
        tokens = _parser().parse(masked, env)
        references = env.get("references", {})
        self.scanner = InlineScanner(frozenset(k for k in references if not k.startswith("^")))
        footnotes = self.footnote_refs(references)
        self.front_matter_prose(fm)
        context: list[str] = []
        heading: str | None = None
        for tok in tokens:
            if tok.map and footnotes and footnotes[0][0] < tok.map[0]:
                while footnotes and footnotes[0][0] < tok.map[0]:
                    self.emit("footnote", *self.locate(footnotes.pop(0)[1]))
            kind = tok.type
            if kind in _CONTAINERS:
                context.append(_CONTAINERS[kind])
            elif kind in _CLOSERS:
                context.pop()
            elif kind == "tr_open":
                self.cursor = 0
            elif kind == "heading_open":
                heading = tok.tag
            elif kind == "heading_close":
                heading = None
            elif kind == "inline" and tok.map:
                self.inline(tok, heading, context)
            elif kind == "html_block" and tok.map:
                self.html_block(masked, tok.map)
        for _, targets in footnotes:
            self.emit("footnote", *self.locate(targets))
        return fm.data, bool(fm.data.get("title"))

    def inline(self, tok: Any, heading: str | None, context: list[str]) -> None:
        lines = [line.strip() for line in tok.content.split("\n")]
        if heading:
            kind = "heading"
            if heading == "h1" and not self.body_seen and not self.headline_from_h1:
                kind, self.headline_from_h1 = "headline", True
        elif context:
            kind = context[-1]
        else:
            kind = self.extractor.context_kind() or "body"
        if kind == "table":
            content, table = self.locate([(tok.map[0], lines[0])], self.cursor)
        else:
            content, table = self.locate([(tok.map[0] + k, t) for k, t in enumerate(lines)])
        self.emit(kind, content, table)

    def html_block(self, masked: str, line_map: list[int]) -> None:
        start = self.line_starts[line_map[0]]
        end = self.line(line_map[1] - 1)[1]
        self.extractor.headline_seen = self.body_seen or self.headline_from_h1
        count = len(self.builder.blocks)
        self.extractor.feed_chunk(masked[start:end], start)
        if any(b.kind != "headline" for b in self.builder.blocks[count:]):
            self.body_seen = True
        self.headline_from_h1 = self.headline_from_h1 or self.extractor.found_h1


def read(source: str, path: str) -> Document:
    """Parse a Markdown article (with optional front matter)."""
    reader = _Reader(source)
    front_matter, has_headline = reader.read()
    text, offset_map = reader.builder.build()
    blocks = classify_blocks(text, reader.builder.blocks, has_headline=has_headline)
    return Document(
        path, source, text, blocks, offset_map, format="markdown", front_matter=front_matter
    )
