"""Regular expressions from rule fields for line and sentence furniture: nested pattern lists
(YAML anchors nest them), one whole-line regex with the decoration scraped around a label, and a
sentence-wide union that skips sentences lacking the patterns' required literals."""

from __future__ import annotations

import re
from typing import Any

from newslint.engine.kind import OptionError, compile_patterns
from newslint.engine.support.literals import PatternUnion

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


def compile_line_patterns(sources: list[str], field: str) -> re.Pattern[str] | None:
    """One case-insensitive regex matching a whole line made of one of ``sources``."""
    if not sources:
        return None
    compile_patterns(sources, field)  # each on its own, so an error names the bad one
    body = "|".join(f"(?:{s})" for s in sources)
    return re.compile(rf"{EDGE}(?:{body}){EDGE}", re.IGNORECASE)


def sentence_union(sources: list[str], field: str) -> PatternUnion:
    """The patterns as whole words anywhere in a sentence, any case. A sentence that holds none of
    a pattern's required literals is not searched for it: most sentences of an article hold none,
    and trying several dozen patterns at each position of each one costs ~0.5 ms per article."""
    compile_patterns(sources, field)  # each on its own, so an error names the bad one
    try:
        return PatternUnion(sources, lambda body: rf"(?<![\w])(?:{body})(?![\w])")
    except re.error as exc:
        raise OptionError(field, f"the patterns do not combine: {exc}") from None
