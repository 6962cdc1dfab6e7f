"""Markdown reader: front matter, block structure and inline markup reduced to mapped prose.

Pipeline, every step offset-preserving:

1. front matter (YAML ``---``, TOML ``+++``, or ``Key: value`` metadata lines) is parsed into
   ``front_matter`` and blanked (:mod:`newslint.readers.frontmatter`);
2. what site generators add is masked: template tags, shortcodes, attribute lists, brace
   expressions (:mod:`newslint.readers.templates`);
3. markdown-it-py finds the blocks and their source lines: CommonMark and GFM tables, with
   mdit-py-plugins for footnotes, math blocks, definition lists, admonitions and ``:::``
   containers, and :mod:`newslint.readers.md_blocks` for MDX ``import``/``export``, JSX component
   tags, ``##Heading`` without a space and table-of-contents markers. Only its block pass runs:
   inline syntax is handled by :mod:`newslint.readers.md_inline`, which knows columns;
4. each block's lines are located in the source, reduced to prose and added with exact offsets.

Block kinds: ATX/setext headings are "heading" (a leading h1 before any body text is "headline"),
paragraphs "body", list-item and definition-list paragraphs "list", block-quote paragraphs
"blockquote", table cells "table", footnote definitions "footnote", admonition titles "heading".
Code blocks, fences, math blocks, MDX statements, JSX tags and thematic breaks give no text; the
Markdown between a component's tags (``<Note>...</Note>``) and inside containers and admonitions
is prose. Raw HTML blocks go through the HTML reader's extractor, whose text is reduced as inline
Markdown (MDX and kramdown render it). A task-list box ``[ ]`` and a GitHub alert marker
``[!NOTE]`` open a block without being part of it. A front-matter ``title`` becomes a "headline"
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

#: container tokens that give the paragraphs inside them a block kind
_CONTAINERS = {
    "blockquote_open": "blockquote",
    "list_item_open": "list",
    "th_open": "table",
    "td_open": "table",
    "footnote_reference_open": "footnote",
    "dt_open": "list",
    "dd_open": "list",
    "admonition_title_open": "admonition-title",
}
_CLOSERS = {kind.replace("_open", "_close") for kind in _CONTAINERS}
#: what opens a block's content without being prose: a task-list box, a GitHub alert marker
_LEAD_MARKER = re.compile(r"\[[ xX]\][ \t]+|\[![A-Za-z]+\][+-]?[ \t]*(?:\n|$)?")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    from newslint.readers.md_blocks import site_generator_blocks

    md = MarkdownIt("commonmark").enable("table").disable(["inline"])
    md.use(footnote_plugin).use(dollarmath_plugin, allow_space=False, allow_digits=False)
    md.use(amsmath_plugin).use(deflist_plugin).use(admon_plugin)
    md.use(container_plugin, name="container", validate=lambda *_: True)
    md.use(site_generator_blocks)
    md.core.ruler.disable("footnote_tail")  # it drops definitions nobody cites and moves the rest
    return md


class _Reader:
    """State for reading one Markdown document."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.builder = TextBuilder()
        self.extractor = HtmlExtractor(self.builder, inline=self.inline_html)
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
        elif kind in ("list", "blockquote"):
            m = _LEAD_MARKER.match(content)
            start = m.end() if m else 0
        self.builder.open_block()
        self.scanner.run(self.builder, content, table, start)
        last_start, last_source, _ = table[-1]
        self.builder.close_block(kind, last_source + len(content) - last_start)
        blocks = self.builder.blocks
        if blocks and blocks[-1].kind not in ("headline", "dek"):
            self.body_seen = True

    def inline_html(self, builder: TextBuilder, text: str, pos: int) -> None:
        """Markdown inline syntax in the text of an HTML block (the extractor's reducer)."""
        self.scanner.run(builder, text, [(0, pos, False)])

    def front_matter_prose(self, fm: FrontMatter) -> None:
        """Blocks for the front-matter title and subtitle (inline Markdown in them is reduced)."""
        for key, value, pos in fm.prose:
            self.emit(PROSE_FIELDS[key], value, [(0, pos, False)])

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
        self.front_matter_prose(fm)
        context: list[str] = []
        heading: str | None = None
        for tok in tokens:
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
        return fm.data, bool(fm.data.get("title"))

    def inline(self, tok: Any, heading: str | None, context: list[str]) -> None:
        lines = [line.strip() for line in tok.content.split("\n")]
        if heading:
            kind = "heading"
            if heading == "h1" and not self.body_seen and not self.headline_from_h1:
                kind, self.headline_from_h1 = "headline", True
        elif context and context[-1] == "admonition-title":
            start, end = self.line(tok.map[0])
            if tok.content not in self.masked[start:end]:
                return  # no title written: the plugin names the admonition after its type
            kind = "heading"
        elif context:
            kind = context[-1]
        else:
            kind = self.extractor.context_kind() or "body"
        if kind == "table" and context and context[-1] == "table":
            # a Markdown row's cells (not a paragraph inside an HTML <table>: no row cursor there)
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
