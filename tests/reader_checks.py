"""Checks the reader tests share: every character of a Document's text maps to the source
character it came from, and every finding points at its own text and at no markup."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from pathlib import Path

from newslint.findings import Finding
from newslint.readers.document import PLACEHOLDER_TOKEN, Document

WORD = re.compile(r"\w")


#: characters that open a span the readers replace by a placeholder (code, math, image, template...)
SPAN_OPENERS = "`$\\<{[!:"


def mapping_errors(doc: Document) -> list[str]:
    """Characters whose offset does not hold them, and offsets that run backwards.

    A verbatim character must equal the source character at its offset. Synthetic characters are
    whitespace (line breaks, block separators), decoded entities mapped to their ``&``, or the
    placeholder of a removed span, mapped to the character that opens the span.
    """
    errors, previous = [], -1
    for i, ch in enumerate(doc.text):
        offset = doc.offset_map[i]
        if offset < previous:
            errors.append(f"text[{i}]: offset {offset} runs back from {previous}")
        previous = offset
        source_ch = doc.source[offset] if offset < len(doc.source) else ""
        if ch == PLACEHOLDER_TOKEN:
            if source_ch not in SPAN_OPENERS or not source_ch:
                errors.append(f"placeholder text[{i}] maps to source[{offset}]={source_ch!r}")
        elif ch != source_ch and not ch.isspace() and source_ch not in ("&", "<"):
            errors.append(f"text[{i}]={ch!r} maps to source[{offset}]={source_ch!r}")
    return errors


def inside(regions: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """True when ``offset`` falls in one of the sorted, disjoint ``regions``."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < regions[i][1]


def finding_problems(
    doc: Document, findings: Iterable[Finding], regions: list[tuple[int, int]]
) -> list[str]:
    """Findings that do not point at their own text, or whose words come from markup.

    ``regions``: sorted, disjoint (start, end) source spans of markup. A finding must carry the
    text at its offset as its match, sit at the line and column its offset maps to, begin (first
    word character) on the source character it shows, neither begin nor end on a placeholder, and
    take no word character from markup.
    """
    starts = [a for a, _ in regions]
    problems = []
    name = Path(doc.path).name
    for f in findings:
        where = f"{name}:{f.line}:{f.column} {f.rule} {f.match!r}"
        if doc.text[f.offset : f.offset + f.length] != f.match:
            problems.append(f"{where}: the match is not the text at its offset")
            continue
        if (f.line, f.column) != doc.line_col(f.offset):
            problems.append(f"{where}: line/column is not where its offset maps")
        words = [i for i, ch in enumerate(f.match) if WORD.match(ch)]
        if not words:
            continue
        first = f.offset + words[0]
        source_ch = doc.source[doc.source_offset(first)]
        if source_ch != f.match[words[0]] and source_ch != "&":
            problems.append(f"{where}: its first word character maps to {source_ch!r}")
        if f.match.strip(" " + PLACEHOLDER_TOKEN) != f.match.strip():
            problems.append(f"{where}: starts or ends on a placeholder")
        for i in words:
            if inside(regions, starts, doc.source_offset(f.offset + i)):
                problems.append(f"{where}: {f.match[i]!r} at {i} comes from markup")
                break
    return problems
