"""The regex kind's prefilter: the text every match must contain, found from the pattern, so a
block without it is skipped; it must never skip a block that holds a match."""

from __future__ import annotations

import re

import pytest

from newslint.engine.kinds.regex import required_text


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b[Tt]he\s+(?:are|were)\b", {"are", "were"}),  # written out beats [Tt]he's variants
        (r"\b[Ii]ts(?= not\b)", {"Its", "its"}),  # a small class gives each variant
        (r"\b[Ii]t['’]s(?= own\b)", {"It's", "It’s", "it's", "it’s"}),
        (r"(?:[Tt]he|[Ll]ate) (?P<y>\d0['’]s)\b", {"0's", "0’s"}),  # fewest variants
        (r"\b[a-z]+[,;](?=[A-Z])", None),  # nothing of three characters is required
        (r"[A-Za-z]{2}x", None),  # a class of ranges is not expanded
        (r"(?>Breaking)\s+news", {"Breaking"}),  # an atomic group consumes its text
        (r"(?i:the) end", {" end"}),  # a group with its own flags is not read as written
    ],
)
def test_required_text(pattern: str, expected: set[str] | None) -> None:
    found = required_text(re.compile(pattern))
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert set(found.pattern.replace("\\", "").split("|")) == expected


TEXTS = [
    "Its not clear. The company said its own plan works.",
    "The council, with it's powerful chair, voted. It’s own goal was late.",
    "Prices rose in the 1970's and the late 80’s, then fell in the '90s.",
    "They were told; the were not.",
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b[Ii]ts(?= (?:a|an|not|been)\b)",
        r"\b[Ii]t['’]s(?= own\b)",
        r"\b(?:[Tt]he|[Ll]ate)[\s-]+(?P<word>(?:1[5-9]|20)?\d0['’]s)\b",
        r"\b[Tt]he\s+(?:are|were)\b",
    ],
)
def test_prefilter_keeps_every_match(pattern: str) -> None:
    regex = re.compile(pattern)
    required = required_text(regex)
    assert required is not None
    for text in TEXTS:
        for m in regex.finditer(text):
            assert required.search(text, m.start(), m.end()), (pattern, text, m.group())
    assert any(regex.search(text) for text in TEXTS)
