"""The one cmudict table: syllables, how a word starts and its phones, as the file says them."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.analysis import pronunciation
from newslint.analysis.pronunciation import BOTH, CONSONANT, VOWEL


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The table parsed into an empty cache folder once for the module."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("pronunciations")
        patch.setenv("NEWSLINT_CACHE_DIR", str(folder))
        patch.setenv("XDG_CACHE_HOME", str(folder))
        pronunciation.clear()
        pronunciation.listed("cancel")
        yield folder
    pronunciation.clear()


def _entries() -> dict[str, list[list[str]]]:
    """Every pronunciation of every word, read straight from the data file."""
    out: dict[str, list[list[str]]] = {}
    path, _ = pronunciation.dictionary_file()
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition(" ")
        out.setdefault(word.split("(")[0], []).append(rest.partition("#")[0].split())
    return out


def test_table_answers_as_the_file_says(fresh: Path) -> None:
    entries = _entries()
    sample = random.Random(7).sample(sorted(entries), 3000)
    for word in sample:
        every = entries[word]
        first = every[0]
        assert pronunciation.phones(word) == tuple(first), word
        assert pronunciation.syllables(word) == sum(p[-1].isdigit() for p in first), word
        starts = {p[0].rstrip("012") in pronunciation.VOWEL_PHONES for p in every if p}
        expected = BOTH if len(starts) == 2 else VOWEL if starts == {True} else CONSONANT
        assert pronunciation.initial_sound(word) == expected, word
    assert list(fresh.glob("cmudict-pronunciations-*.marshal")), "the table was not cached"


@pytest.mark.parametrize(
    ("word", "sound", "count"),
    [("hour", VOWEL, 2), ("house", CONSONANT, 1), ("herb", BOTH, 1), ("university", CONSONANT, 5)],
)
def test_how_a_word_starts(fresh: Path, word: str, sound: str, count: int) -> None:
    assert pronunciation.initial_sound(word) == sound
    assert pronunciation.syllables(word) == count


def test_words_cmudict_lacks(fresh: Path) -> None:
    for word in ("takover", "yetkin", "zzqx", "", "a b"):
        assert not pronunciation.listed(word)
        assert pronunciation.syllables(word) is None
        assert pronunciation.initial_sound(word) is None
        assert pronunciation.phones(word) == ()


def test_phones_carry_stress(fresh: Path) -> None:
    assert pronunciation.phones("Cancel") == ("K", "AE1", "N", "S", "AH0", "L")
    assert [p[-1] for p in pronunciation.phones("commit") if p[-1].isdigit()] == ["0", "1"]


def test_warm_cache_is_not_parsed_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pronunciation.clear()

    def no_parse(path: Path) -> None:
        raise AssertionError("cmudict parsed again despite a warm cache")

    monkeypatch.setattr(pronunciation, "_parse", no_parse)
    try:
        assert pronunciation.phones("hour") == ("AW1", "ER0")
    finally:
        pronunciation.clear()
