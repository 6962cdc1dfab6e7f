"""The attribution grammar on a table of quotation shapes (``tests/quote_shapes.py``).

Each shape goes through the reader and the analysis the linter uses, and the quotation's owner
must be the expected one; the ``quotes.*`` rules must then flag exactly the orphans (and report an
unclosed mark once, as unbalanced, not as an orphan).
"""

from __future__ import annotations

from collections import Counter

import pytest
from quote_shapes import MENTION, ORPHAN, SHAPES, UNCLOSED

from newslint import lint_text
from newslint.analysis.core import Analysis
from newslint.analysis.quotes import Quote
from newslint.readers import parse


def _read(text: str) -> tuple[str, str]:
    return ("markdown", text[3:]) if text.startswith("md:") else ("text", text)


def _quote(analysis: Analysis, fragment: str) -> Quote:
    nth = 1
    if fragment.endswith("#2"):
        fragment, nth = fragment[:-2], 2
    text = analysis.text
    found = [q for q in analysis.quotes.quotes if fragment in text[q.content_start : q.content_end]]
    assert len(found) >= nth, (
        f"no quotation holds {fragment!r}: "
        f"{[text[q.content_start : q.content_end] for q in analysis.quotes.quotes]}"
    )
    inner = [q for q in found if not any(o is not q and o.start >= q.start for o in found)]
    return (found if nth > 1 else inner or found)[nth - 1]


def test_the_table_is_large_and_varied() -> None:
    assert len(SHAPES) >= 150
    classes = Counter(shape[0] for shape in SHAPES)
    assert len(classes) >= 12 and min(classes.values()) >= 3
    expected = Counter(e if e in (ORPHAN, MENTION, UNCLOSED) else "speaker" for *_, e in SHAPES)
    assert expected["speaker"] >= 100 and expected[MENTION] >= 25 and expected[ORPHAN] >= 10


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [shape[1:] for shape in SHAPES],
    ids=[f"{n:03d}-{shape[0]}" for n, shape in enumerate(SHAPES)],
)
def test_shape(text: str, fragment: str, expected: str) -> None:
    fmt, body = _read(text)
    analysis = Analysis(parse(body, "<shape>", fmt))
    q = _quote(analysis, fragment)
    got = (
        UNCLOSED
        if not q.closed
        else MENTION
        if q.mention is not None
        else ORPHAN
        if q.is_orphan
        else q.speaker_text
    )
    assert got == expected, f"{q.how=} {q.cue_text=} {q.mention=} {q.speaker_text=}"


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [shape[1:] for shape in SHAPES if shape[3] in (ORPHAN, UNCLOSED) or shape[0] == "mention"],
)
def test_shape_findings(text: str, fragment: str, expected: str) -> None:
    """``quotes.orphan`` flags the orphans and nothing else; an unclosed mark is one
    ``quotes.unbalanced`` finding."""
    fmt, body = _read(text)
    if fmt == "text" and "\n\n" not in body:
        body = "Town news\n\n" + body  # a headline first, so that the shape is body copy
    findings = lint_text(body, fmt=fmt, select=["quotes.orphan", "quotes.unbalanced"])
    rules = Counter(f.rule for f in findings)
    if expected == ORPHAN:
        assert any(fragment in f.match for f in findings if f.rule == "quotes.orphan")
    else:
        assert not any(fragment in f.match for f in findings if f.rule == "quotes.orphan")
    if expected == UNCLOSED:
        assert rules["quotes.unbalanced"] == 1 and rules["quotes.orphan"] == 0
