"""Required literals: the prefilter in front of big pattern unions skips only what cannot match."""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from conftest import EVAL, ROOT, SEED

from newslint.engine.support.line_patterns import flatten_patterns
from newslint.engine.support.literals import (
    FOLD_TO_ASCII,
    PatternUnion,
    folded,
    required_literals,
    required_strings,
)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:discuss|share) this (?:article|story)", {" this "}),
        ("sign up for (?:our|the) newsletter", {"sign up for "}),
        ("(?:read|see) (?:more|also)", {"more", "also"}),  # the longer of two needs
        (r"all rights reserved\b.*", {"all rights reserved"}),
        (r"(?:donate|subscribe)(?: now)?", {"donate", "subscribe"}),
        (r"(?:follow us)+ on", {"follow us"}),
        (r"(?:follow us)* x", None),  # " x" is too short and the repeat may be absent
        (r"[A-Z]\w+ said", {" said"}),
        (r"\d{1,2}/\d{1,2}/\d{4}", None),
        (r"(?:ap|reuters)/\w+", None),  # "ap" is too short to search for
        (r"Caf\u00e9 (?:menu|prices)", {"menu", "prices"}),  # non-ASCII letters are left out
        (r"(?:sign) up", {"sign up"}),  # a group's literal runs on into what follows
        (r"[Tt]he end", {"the end"}),  # a class of one letter's cases is that letter
        (r"(?>breaking)\s+news", {"breaking"}),  # an atomic group consumes its text
        (r"(?-i:BBC) News", {"bbc news"}),  # a group's flags only narrow what matches
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals([pattern], re.IGNORECASE)
    if expected is None:
        assert found is None
    else:
        assert found == frozenset(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        "(?:Discuss|share) This (?:article|story)",
        r"\b[Tt]he\s+(?:big|small) dogs?\b",
        r"(?:Follow us)+ on",
    ],
)
def test_one_walk_serves_the_regex_kind_and_the_unions(pattern: str) -> None:
    """The regex kind's prefilter (as written) and a union's literals (folded) are one walk."""
    as_written = required_strings(pattern, re.IGNORECASE)
    assert as_written is not None
    assert required_literals([pattern], re.IGNORECASE) == {s.lower() for s in as_written}


def test_case_folding_that_lower_misses_is_folded_first() -> None:
    """Every character that case-insensitive matching equates with an ASCII letter lower-cases to
    that letter once FOLD_TO_ASCII is applied (checked against the regex engine itself)."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for char in set(re.findall("[a-z]", every, re.IGNORECASE)):
        folded = char.translate(FOLD_TO_ASCII).lower()
        assert len(folded) == 1 and re.fullmatch(folded, char, re.IGNORECASE), repr(char)
        assert folded.isascii(), repr(char)


def _pack() -> dict:
    return yaml.safe_load((ROOT / "rules" / "news" / "boilerplate.yaml").read_text("utf-8"))


def _pack_patterns() -> dict[str, list[str]]:
    pack = _pack()
    return {
        f"{rule['id']}:{field}": flatten_patterns(rule[field], field)
        for rule in pack["rules"]
        for field in ("patterns", "defer-to")
        if field in rule
    }


def _lines() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    texts.append(
        "Share this article\n\nSHARE THIS STORY\n\nFollow us on Twitter\n\nYetkın said: "
        "“Donate now”\n\n\u0130stanbul, 4 April 2017\n\n\u017fhare this article\n\n"
        "© 2019 The Times. All rights reserved.\n\nBy Jane Doe, Reuters\n\nAds by Google"
    )
    for rule in _pack()["rules"]:  # every example of the pack, flagged and passed
        texts += [t for examples in rule.get("examples", {}).values() for t in examples]
    clean = EVAL / "clean" / "scrapinghub"
    if clean.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(clean.glob("*.txt"))[:40]]
    return [line for text in texts for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("name", sorted(_pack_patterns()))
def test_a_union_answers_as_its_plain_alternation(name: str) -> None:
    from newslint.engine.support.literals import LiteralFilter

    sources = _pack_patterns()[name]
    body = "|".join(f"(?:{s})" for s in sources)
    plain = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
    union = PatternUnion(sources, lambda b: rf"(?<![\w])(?:{b})(?![\w])")
    literals = frozenset().union(
        *(required_literals([s], re.IGNORECASE) or frozenset() for s in sources)
    )
    matched = 0
    for line in _lines():
        found = LiteralFilter(literals)._find(folded(line)) if literals else None
        expected = plain.search(line) is not None
        assert union.search(line, 0, len(line), found) == expected, line
        matched += expected
    assert matched, name


def test_caption_date_test_only_skips_what_the_date_regex_cannot_match() -> None:
    from newslint.engine.kinds.caption import DATE_TAIL, _ends_in_year

    lines = _lines() + [
        "A man walks past a damaged building in Aleppo, Syria, November 3, 2016.",
        "Protesters gather in the square on 4 April 2017 )”\n",
        "Fighters near Idlib on Tuesday, 4 April 2017\u00a0.",
        "The plan was agreed in 2017.",
        "Scores: 2016",
    ]
    assert sum(bool(DATE_TAIL.search(line)) for line in lines) >= 3
    for line in lines:
        if DATE_TAIL.search(line):
            assert _ends_in_year(line), line
