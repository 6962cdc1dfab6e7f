"""Pattern rules run spaCy's Matcher only near their words: the windows must keep every match
(one optional word between the first word and the word a match needs, several matches close
together, matches at the end of the text)."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine.kinds.pattern import _followers


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("The mayor has went to Paris twice.", ["has went"]),
        ("The mayor has not went to Paris.", ["has not went"]),
        (
            "The mayor has already went home, and the race was ran twice.",
            ["has already went", "was ran"],
        ),
        ("She has gone home. He had not fell.", ["had not fell"]),
        ("He has, went", []),  # a comma is no optional word of the pattern
    ],
)
def test_past_for_participle_windows_keep_every_match(text: str, matches: list[str]) -> None:
    found = lint_text(text, select=["grammar.past-for-participle"])
    assert [f.match for f in found] == matches


def test_followers_need_a_given_word_within_reach() -> None:
    patterns = [
        [{"LOWER": "has"}, {"LOWER": "not", "OP": "?"}, {"LOWER": {"IN": ["went", "ran"]}}],
        [{"LOWER": "was"}, {"IS_ALPHA": True}, {"ORTH": "Ran"}],
    ]
    assert _followers(patterns) == [
        (frozenset({"went", "ran"}), frozenset(), 1, 2),
        (frozenset(), frozenset({"Ran"}), 2, 2),
    ]
    assert _followers([[{"LOWER": "has"}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": "x"}]]) is None


def test_positions_by_word_lower_case_and_exact_text() -> None:
    """The one index the pattern windows and the word rules share: where each word stands."""
    from newslint.analysis.core import Analysis
    from newslint.readers import parse

    analysis = Analysis(parse("The US said us. THE end; the US.", "<text>", "text"))
    lowers = analysis.lowers
    by_lower = analysis.positions_by_word(frozenset({"the", "us"}))
    assert {w: [lowers[i] for i in at] for w, at in by_lower.items()} == {
        "the": ["the"] * 3,
        "us": ["us"] * 3,
    }
    by_text = analysis.positions_by_word(frozenset({"US", "The"}), exact=True)
    assert {w: len(at) for w, at in by_text.items()} == {"The": 1, "US": 2}
    merged = sorted(i for at in by_lower.values() for i in at)
    assert merged == analysis.positions_of(frozenset({"the", "us"}))
