"""Line shapes of the page layout (engine/support/layout.py): the shortcuts agree with the
definitions they stand for."""

from __future__ import annotations

import pytest

from newslint.engine.support.layout import (
    CJK,
    SENTENCE_CLOSERS,
    SENTENCE_END,
    SENTENCE_MARKS,
    shape,
    word_count,
)


@pytest.mark.parametrize(
    "line",
    [
        "The council voted.",
        'He said "no."',
        "Was it? (Yes.)",
        "Read more…",
        "Prices rose 3%",
        "A quoted close’»]",
        "Ends on a bracket )",
        "。",
        "Mid. sentence stop then words",
        "",
        ".",
        "Wait!\"'",
    ],
)
def test_sentence_end_shortcut_agrees_with_the_pattern(line: str) -> None:
    stripped = line.strip()
    fast = stripped.rstrip(SENTENCE_CLOSERS)[-1:] in SENTENCE_MARKS
    assert fast == bool(SENTENCE_END.search(stripped))


def test_a_line_is_a_sentence_by_its_closing_mark() -> None:
    assert shape(0, "The council voted on the budget.”").sentence
    assert not shape(0, "Contact us").sentence
    assert shape(0, "Contact us").nav
    assert not shape(0, "Scores: 3-1").nav  # structured data, not a menu label


@pytest.mark.parametrize(
    ("text", "words"),
    [("three plain words", 3), ("东京大学的研究人员", 4), ("Tokyo 東京大学", 2), ("", 0)],
)
def test_word_count_counts_two_cjk_characters_as_a_word(text: str, words: int) -> None:
    assert word_count(text) == words
    assert word_count(text) == max(len(text.split()), len(CJK.findall(text)) // 2)
