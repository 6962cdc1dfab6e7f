"""Tests of the suggestion engine: delete index, learned error model and ranking on real typos."""

from __future__ import annotations

import pytest

from newslint.spelling import errormodel
from newslint.spelling.checker import SpellChecker, get_checker
from newslint.spelling.deletes import DeleteIndex, deletions
from newslint.spelling.errormodel import ErrorModel, align, substring_edits
from newslint.spelling.suggest import Suggester, max_edits


@pytest.fixture(scope="module")
def checker() -> SpellChecker:
    return get_checker()


@pytest.fixture(scope="module")
def suggester(checker: SpellChecker) -> Suggester:
    return checker.suggester


# --- delete index -----------------------------------------------------------------------------


def test_deletions_keep_the_fewest_deletions() -> None:
    got = deletions("ball", 2)
    assert got["ball"] == 0 and got["bal"] == 1 and got["ba"] == 2 and got["bl"] == 2
    assert "b" not in got


def test_delete_index_finds_words_by_every_kind_of_edit() -> None:
    words = ["receive", "government", "takeover", "the", "separate", None, "deceive"]
    index = DeleteIndex.loads(DeleteIndex.build(words).dump())
    ids = {w: i for i, w in enumerate(words)}

    def found(typo: str, most: int = 2) -> dict[str, int]:
        return {words[i]: d for i, d in index.lookup(typo, most).items()}  # type: ignore[misc]

    assert found("recieve")["receive"] == 1  # transposition: one deletion each side
    assert found("goverment")["government"] == 1  # a missing letter
    assert found("takeoverr")["takeover"] == 1  # an extra letter
    assert found("seperete")["separate"] == 2  # two substitutions
    assert found("teh")["the"] == 1
    assert "government" not in found("takover")
    assert ids["deceive"] in index.lookup("recieve", 2)  # r->d plus the swap: within reach


def test_long_misspellings_may_be_three_edits_away() -> None:
    assert max_edits(3) == 1 and max_edits(6) == 2 and max_edits(12) == 3
    assert max_edits(40) == 1


def test_run_on_tokens_stay_cheap(suggester: Suggester) -> None:
    import time

    start = time.perf_counter()
    suggester.suggest("governmentministryspokespersonannouncementsx" * 2)
    assert time.perf_counter() - start < 2.0


# --- error model ------------------------------------------------------------------------------


def test_align_pairs_letters_and_finds_transpositions() -> None:
    assert align("because", "becuase") == [
        ("b", "b"), ("e", "e"), ("c", "c"), ("au", "ua"), ("s", "s"), ("e", "e"),
    ]  # fmt: skip
    assert ("n", "") in align("government", "goverment")


def test_substring_edits_carry_context() -> None:
    edits = substring_edits("accommodate", "acommodate")
    assert ("cc", "c") in edits and ("acc", "ac") in edits
    assert all(len(a) <= errormodel.MAX_PIECE for a, _ in edits)


def test_trained_model_prefers_edits_seen_in_training() -> None:
    pairs = [("recieve", "receive"), ("beleive", "believe"), ("acheive", "achieve"),
             ("decieve", "deceive"), ("wierd", "weird"), ("peice", "piece")]  # fmt: skip
    model = ErrorModel(errormodel.train(pairs))
    # "ie" for "ei" was seen; "ea" for "ei" was not.
    assert model.cost("concieve", "conceive") < model.cost("conceave", "conceive")


def test_learned_model_costs(suggester: Suggester) -> None:
    model = suggester._model
    assert model.cost("becuase", "because") < model.cost("becuase", "became")
    assert model.cost("sufishant", "sufficient") < 4.0  # a sound-alike spelling is affordable
    assert model.cost("teh", "the") < model.cost("teh", "tea")


# --- ranking on real misspellings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "best"),
    [
        ("takover", "takeover"),
        ("goverment", "government"),
        ("parliment", "parliament"),
        ("electorial", "electoral"),
        ("presidental", "presidential"),
        ("goverments", "governments"),
        ("minsiter", "minister"),
        ("negociations", "negotiations"),
        ("juristiction", "jurisdiction"),
        ("sufishant", "sufficient"),
        ("embarassment", "embarrassment"),
        ("comittee", "committee"),
        ("reccomended", "recommended"),
        ("teh", "the"),
    ],
)
def test_suggester_ranks_the_intended_word_first(
    suggester: Suggester, typo: str, best: str
) -> None:
    assert suggester.suggest(typo)[0] == best


def test_irregular_plurals_are_words(suggester: Suggester) -> None:
    assert "spokesmen" in suggester


def test_rare_words_are_not_suggested(suggester: Suggester) -> None:
    for typo in ("goverment", "electorial", "parliment"):
        for s in suggester.suggest(typo, 5):
            assert " " in s or suggester.zipf(s.lower()) >= 1.0


def test_suggestions_are_deterministic(checker: SpellChecker) -> None:
    fresh = SpellChecker(checker.lexicon)
    for typo in ("minsiter", "teh", "inteligence", "recieved"):
        assert fresh.suggester.suggest(typo, 5) == checker.suggester.suggest(typo, 5)
