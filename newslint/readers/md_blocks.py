"""Block syntax that site generators add to Markdown, taught to markdown-it as parser rules.

markdown-it-py and mdit-py-plugins know CommonMark, tables, footnotes, math blocks (``$$``, AMS
environments), definition lists, admonitions (``!!! note``) and ``:::`` containers. The rules here
add the rest, each a small markdown-it block rule so the parser keeps the document's structure:

* MDX ESM: ``import ... from '...'`` and ``export ...`` statements at the start of a line, up to
  the next blank line (MDX, Docusaurus, Astro);
* JSX component tags alone on their lines (``<Note>``, ``</Note>``, ``<Tabs groupId="x">``,
  ``<Figure src={img} />``, ``<>``), attributes and ``{...}`` expressions over several lines
  included: the tags become a block of their own and the Markdown between them is parsed as usual,
  so the prose inside a component is linted as prose;
* ATX headings without the space after the hashes (``##Heading``), which CommonMark reads as a
  paragraph but many older renderers as a heading;
* table-of-contents markers (``[TOC]``, ``[[_TOC_]]``, ``[[toc]]``) and abbreviation definitions
  (``*[HTML]: Hypertext Markup Language``), which render as a list of headings or as nothing.

Tokens of the types in :data:`NON_PROSE` carry no prose; the reader skips them.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.rules_block import StateBlock

#: token types whose content is not prose
NON_PROSE = frozenset({"mdx_esm", "jsx_tag", "toc_marker", "abbreviation_definition"})

_ESM = re.compile(
    r"(?:import\s+(?:[\w*${}\s,]+\s+from\s+)?['\"]|import\s*\{|export\s+(?:default\b|const\b"
    r"|let\b|var\b|function\b|async\b|class\b|\{|\*|type\b|interface\b))"
)
_JSX_START = re.compile(r"<(?:/?[A-Z][\w.:-]*|/?>)")
_ANY_TAG_START = re.compile(r"<(?:/?[A-Za-z][\w.:-]*|/?>)")
_TIGHT_HEADING = re.compile(r"(#{2,6})([^\s#][^\n]*?)(?:[ \t]+#+)?[ \t]*$")
_TOC = re.compile(r"(?:\[\[?_?toc_?\]\]?|\$\{toc\})[ \t]*$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\*\[[^\]\n]+\]:")
_MAX_TAG_LINES = 50


def _line(state: StateBlock, n: int) -> tuple[int, int]:
    """Source (start after indentation, end) of line ``n``."""
    return state.bMarks[n] + state.tShift[n], state.eMarks[n]


def _indented_code(state: StateBlock, n: int) -> bool:
    return state.sCount[n] - state.blkIndent >= 4


def _push(state: StateBlock, kind: str, first: int, last: int) -> None:
    token = state.push(kind, "", 0)
    token.map = [first, last]
    state.line = last


def mdx_esm(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``import``/``export`` statements at the very start of a line, up to a blank line."""
    if state.sCount[start_line] != 0 or state.tShift[start_line] != 0 or state.blkIndent != 0:
        return False
    pos, end = _line(state, start_line)
    if not _ESM.match(state.src, pos, end):
        return False
    if silent:
        return True
    last = start_line + 1
    while last < end_line and not state.isEmpty(last):
        last += 1
    _push(state, "mdx_esm", start_line, last)
    return True


def _tag_end(src: str, pos: int, limit: int) -> int:
    """Offset past the ``>`` closing the tag opened at ``src[pos] == "<"`` (-1: none).

    Quotes and ``{...}`` expressions (JSX attribute values) may hold ``>``."""
    depth, quote, i = 0, "", pos + 1
    while i < limit:
        ch = src[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'`" and depth or ch in "\"'" and src[i - 1] == "=":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif ch == ">" and not depth:
            return i + 1
        elif ch == "<" and not depth and src[i + 1 : i + 2] != "=":
            return -1  # another tag began: this one was not closed
        i += 1
    return -1


def jsx_tag(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Lines holding nothing but JSX component tags (the first a capitalised one or a fragment)."""
    if _indented_code(state, start_line):
        return False
    pos, _ = _line(state, start_line)
    src = state.src
    if not _JSX_START.match(src, pos):
        return False
    last_line = min(end_line, start_line + _MAX_TAG_LINES)
    limit = state.eMarks[last_line - 1]
    while True:
        end = _tag_end(src, pos, limit)
        if end < 0:
            return False
        pos = end
        while pos < limit and src[pos] in " \t":
            pos += 1
        if pos >= limit or src[pos] == "\n":
            break
        if not _ANY_TAG_START.match(src, pos):
            return False  # text follows on the line: an inline component in a paragraph
    if silent:
        return True
    last = start_line
    while last < end_line and state.eMarks[last] < pos:
        last += 1
    _push(state, "jsx_tag", start_line, last + 1)
    return True


def tight_heading(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``##Heading``: an ATX heading of two or more hashes without the space."""
    if _indented_code(state, start_line):
        return False
    pos, end = _line(state, start_line)
    m = _TIGHT_HEADING.match(state.src, pos, end)
    if not m:
        return False
    if silent:
        return True
    tag = f"h{len(m.group(1))}"
    token = state.push("heading_open", tag, 1)
    token.markup, token.map = m.group(1), [start_line, start_line + 1]
    token = state.push("inline", "", 0)
    token.content, token.map, token.children = m.group(2).strip(), [start_line, start_line + 1], []
    state.push("heading_close", tag, -1).markup = m.group(1)
    state.line = start_line + 1
    return True


def _whole_line(pattern: re.Pattern[str], kind: str):
    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if _indented_code(state, start_line):
            return False
        pos, end = _line(state, start_line)
        if not pattern.match(state.src, pos, end):
            return False
        if not silent:
            _push(state, kind, start_line, start_line + 1)
        return True

    return rule


def site_generator_blocks(md: Any) -> None:
    """Add the rules to a MarkdownIt parser (a markdown-it plugin)."""
    interrupts = {"alt": ["paragraph", "reference", "blockquote", "list"]}
    md.block.ruler.before("code", "mdx_esm", mdx_esm)
    md.block.ruler.before("html_block", "jsx_tag", jsx_tag, interrupts)
    md.block.ruler.before("heading", "tight_heading", tight_heading, interrupts)
    md.block.ruler.before("paragraph", "toc_marker", _whole_line(_TOC, "toc_marker"))
    md.block.ruler.before(
        "reference",
        "abbreviation_definition",
        _whole_line(_ABBREVIATION, "abbreviation_definition"),
    )
