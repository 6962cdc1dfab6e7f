"""Speakers' statements printed without quotation marks: who owns a paragraph's first person.

A report may print what someone wrote or said as plain paragraphs: after "The statement reads:",
"She wrote:", "He tweeted:", or under a paragraph that introduces several people's answers
("Those giving their final pleas are: A, B and C."). The "I", "we", the questions and the
advocacy of those paragraphs are the speaker's, not the reporter's. The grammar:

- an **introducer** is a prose paragraph whose last sentence ends with a colon after a speech
  word ("said:", "wrote:", "reads:", "the following statement:"), or one that announces several
  people's statements (a statement noun such as "plea", "answer", "statement", and after a colon
  a list of at least two names);
- the **statement** is the run of prose paragraphs right after it in which the first person is
  spoken outside quotation marks; the first paragraph without it is the reporter's again;
- inside any sentence, what follows "According to a statement," / "according to her post," or a
  speech verb with a comma or colon and a capital ("Faguet wrote, We like ...") is the
  statement's, up to the end of that sentence.

Everything here reads the Analysis (blocks, quotations); computed once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

#: paragraphs that can introduce or carry a statement
PROSE = frozenset(["body", "blockquote", "list"])
#: speech words that, just before a closing colon, introduce the speaker's words
SPEECH = re.compile(
    r"\b(?:said|says|say|wrote|writes|write|tweeted|tweets|posted|posts|stated|states|added|adds|"
    r"told|tells|reads?|declared|declares|announced|announces|explained|explains|replied|replies|"
    r"answered|answers|responded|responds|continued|continues|following|as follows|statement|"
    r"letter|message|post|note|remarks?)\b[^:]{0,60}:\s*$",
    re.IGNORECASE,
)
#: nouns of a statement several people give ("their final pleas", "the candidates' answers")
STATEMENT_NOUNS = re.compile(
    r"\b(?:pleas?|statements?|answers?|responses?|messages?|remarks|replies|closing words|"
    r"appeals?|pitches)\b",
    re.IGNORECASE,
)
#: a list of at least two names after a colon: "are: Jo Doe, Al Roe, and Bo Poe."
NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*"
NAMED_LIST = re.compile(
    r":\s+(?:[^,;:]*?\b)?" + NAME + r"(?:,[^,;]*?\b" + NAME + r")*,?\s+(?:and|&)\s+[^,;]*?\b" + NAME
)
#: the speaker's first person (capital "I" alone; not "US")
FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
#: "According to a statement, ..." / "according to his post on X, ...": the rest is the statement's
ACCORDING = re.compile(
    r"\b[Aa]ccording to (?:a|an|the|his|her|their|its|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*['’]s?)"
    r"[^,.;:]{0,60}?\b(?:statement|post|letter|tweet|message|release|email|note)\b[^,.;:]{0,60},"
)

#: a speech verb handing the rest of its sentence to the speaker: "wrote, We ...", "said: I ..."
INLINE = re.compile(
    r"\b(?:said|says|wrote|writes|tweeted|posted|stated|declared|added|replied|answered)"
    r"[,:]\s+(?=[A-Z])"
)


def _spoken_first_person(analysis: Analysis, start: int, end: int) -> bool:
    in_quote = analysis.quotes.in_quote
    return any(not in_quote(m.start()) for m in FIRST_PERSON.finditer(analysis.text, start, end))


@lru_cache(maxsize=4096)
def _introduces(text: str) -> bool:
    """A paragraph that hands the floor to a speaker or to several.

    A pure function of the paragraph's text, kept by it: after an edit the language server's
    re-lint tests only the edited paragraph (about 1 ms of the whole test per article)."""
    stripped = text.rstrip()
    if SPEECH.search(stripped[-120:]):
        return True
    return bool(STATEMENT_NOUNS.search(text) and NAMED_LIST.search(text))


def _spans(analysis: Analysis) -> tuple[list[int], list[int]]:
    text = analysis.text
    starts: list[int] = []
    ends: list[int] = []
    floor_open = False
    for block in analysis.blocks:
        if block.kind not in PROSE:
            floor_open = False
            continue
        if floor_open and _spoken_first_person(analysis, block.start, block.end):
            starts.append(block.start)
            ends.append(block.end)
            continue
        floor_open = _introduces(text[block.start : block.end])
    for m in (*ACCORDING.finditer(text), *INLINE.finditer(text)):
        sentence = analysis.sentence_at(m.start())
        if sentence is not None and not analysis.quotes.in_quote(m.start()):
            starts.append(m.end())
            ends.append(sentence.end)
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[i] for i in order], [ends[i] for i in order]


def in_statement(analysis: Analysis, offset: int) -> bool:
    """True where ``offset`` lies in a speaker's statement printed without quotation marks."""
    starts, ends = analysis.memo(("unquoted-statements",), lambda: _spans(analysis))
    i = bisect_right(starts, offset) - 1
    return any(starts[j] <= offset < ends[j] for j in range(max(i - 2, 0), i + 1))
