"""Regular expressions from rule fields for line and sentence furniture: nested pattern lists
(YAML anchors nest them), one whole-line regex with the decoration scraped around a label, and a
sentence-wide union that skips sentences lacking the patterns' required literals."""

from __future__ import annotations

import re
from typing import Any

from newslint.engine.kind import OptionError, compile_patterns
from newslint.engine.support.literals import PatternUnion, folded, required_literals

#: decoration scraped around a furniture label: bullets, arrows, separators, trailing colons
EDGE = r"[\s\-–—•*>|»›‹«·:…→←✓✔⬇▶►◄\[\]()\"“”'‘’]*"


def flatten_patterns(raw: Any, field: str) -> list[str]:
    """A list of regex strings from a possibly nested list (YAML anchors nest lists)."""
    if isinstance(raw, str):
        return [raw]
    if not isinstance(raw, list):
        raise OptionError(field, "must be a list of regular expressions")
    out: list[str] = []
    for item in raw:
        out.extend(flatten_patterns(item, field))
    return out


def compile_line_patterns(sources: list[str], field: str) -> LineUnion | None:
    """One case-insensitive test for a whole line made of one of ``sources``."""
    if not sources:
        return None
    compile_patterns(sources, field)  # each on its own, so an error names the bad one
    return LineUnion(sources)


class LineUnion:
    """Whole-line patterns, any case, with the decoration scraped around a label (EDGE).

    A pattern that opens on a run of any characters (``.{0,80}\\ball rights reserved\\b.*``)
    slides over every start of a line and costs most of the union's time on lines of prose; such
    patterns are tried only on lines that hold one of their required literals (a line lacking
    them cannot match, :mod:`newslint.engine.support.literals`). The rest are one alternation.
    A line matches the union exactly when it matches one of the two parts.
    """

    def __init__(self, sources: list[str]) -> None:
        floating: list[str] = []
        literals: set[str] = set()
        rest: list[str] = []
        for source in sources:
            need = required_literals([source], re.IGNORECASE) if _slides(source) else None
            if need:
                floating.append(source)
                literals |= need
            else:
                rest.append(source)
        #: the whole union's source and flags (what a memo of its matches is keyed by)
        self.pattern = _line_source(sources)
        self.flags = re.IGNORECASE
        self._rest = _line_regex(rest) if rest else None
        self._floating = _line_regex(floating) if floating else None
        self._literals = (
            re.compile("|".join(map(re.escape, sorted(literals)))) if literals else None
        )

    def __eq__(self, other: object) -> bool:  # equal unions share what is memoised by them
        return isinstance(other, LineUnion) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    def fullmatch(self, text: str) -> bool:
        """Is the whole of ``text`` one of the patterns (with decoration around it)?"""
        if self._rest is not None and self._rest.fullmatch(text):
            return True
        if self._floating is None:
            return False
        low = folded(text)
        if low is not None and self._literals is not None and not self._literals.search(low):
            return False
        return self._floating.fullmatch(text) is not None


def _line_source(sources: list[str]) -> str:
    body = "|".join(f"(?:{s})" for s in sources)
    return rf"{EDGE}(?:{body}){EDGE}"


def _line_regex(sources: list[str]) -> re.Pattern[str]:
    return re.compile(_line_source(sources), re.IGNORECASE)


def _slides(source: str) -> bool:
    """Does the pattern open on a repeat of any character (``.*``, ``.{0,80}``)?"""
    if not source.startswith("."):
        return False  # the common case, without parsing the pattern
    from re import _constants, _parser  # type: ignore[attr-defined]

    try:
        items = list(_parser.parse(source, re.IGNORECASE))
    except re.error:
        return False
    if not items:
        return False
    op, av = items[0]
    return op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and [x[0] for x in av[2]] == [
        _constants.ANY
    ]


def sentence_union(sources: list[str], field: str) -> PatternUnion:
    """The patterns as whole words anywhere in a sentence, any case. A sentence that holds none of
    a pattern's required literals is not searched for it: most sentences of an article hold none,
    and trying several dozen patterns at each position of each one costs ~0.5 ms per article."""
    compile_patterns(sources, field)  # each on its own, so an error names the bad one
    try:
        return PatternUnion(sources, lambda body: rf"(?<![\w])(?:{body})(?![\w])")
    except re.error as exc:
        raise OptionError(field, f"the patterns do not combine: {exc}") from None
