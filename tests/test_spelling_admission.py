"""Admission by evidence: the noisy channel, morphology and the levels it gives (issue 17), and
names on codespell's list never at error level (issue 21). Texts are our own."""

from __future__ import annotations

import pytest

from newslint.engine.linter import Linter
from newslint.spelling import find_typos, get_checker
from newslint.spelling.admission import channel_of, channel_scores, neighbour_pairs
from newslint.spelling.errormodel import ErrorModel
from newslint.spelling.lexicon import load_error_model
from newslint.spelling.morphology import base_of
from newslint.spelling.reasons import REASON_NO_RIVAL, REASON_RARE, REASON_SLIP

SPELLING = ["spelling.*"]


def lint(text: str) -> list:
    return Linter(select=SPELLING).lint_source(text, "story.txt").findings


# --- the channel on a small made-up lexicon ----------------------------------------------------


def test_neighbour_pairs_find_one_edit_and_two_for_long_words() -> None:
    queries = ["recieve", "taks", "enviroment", "zzzz"]
    targets = ["receive", "take", "task", "talks", "environment", "zebra"]
    q, t, d = neighbour_pairs(queries, targets)
    rows = zip(q.tolist(), t.tolist(), d.tolist(), strict=True)
    found = {(queries[a], targets[b]): k for a, b, k in rows}
    assert found[("recieve", "receive")] == 1  # a transposition
    assert {("taks", "task"), ("taks", "talks"), ("taks", "take")} <= set(found)
    assert found[("enviroment", "environment")] == 1
    assert not any(a == "zzzz" for a, _ in found)


def test_channel_score_grows_with_the_rival_frequency_and_a_cheap_edit() -> None:
    model = load_error_model()
    zipf = {"guideline": 3.0, "guidelines": 4.6, "guidlines": 1.5, "quirkle": 1.5}
    scores = channel_scores(["guidlines", "quirkle"], zipf, model)
    assert scores["guidlines"][1] == "guidelines"
    assert "quirkle" not in scores  # no much more frequent word near: no rival, no score
    rarer = channel_of("guidlines", 1.5, {"guidelines": 3.0}, model)
    assert rarer is not None and rarer < scores["guidlines"][0]
    assert channel_of("guidlines", 1.5, {"guidelines": 2.0}, model) is None  # not GAP_MIN above


def test_quick_cost_agrees_with_the_full_alignment_on_single_edits() -> None:
    model = load_error_model()
    for typo, word in [("recieve", "receive"), ("controled", "controlled"), ("familys", "family"),
                       ("accomodate", "accommodate"), ("jewelery", "jewelry"), ("teh", "the")]:  # fmt: skip
        assert model.quick_cost(typo, word) == pytest.approx(model.cost(typo, word), abs=1e-9)


def test_quick_cost_of_an_unseen_edit_is_the_flat_cost() -> None:
    model = ErrorModel({})
    assert model.quick_cost("cat", "cut") == pytest.approx(3.0)
    assert model.quick_cost("abcdef", "fedcba") == model.cost("abcdef", "fedcba")


# --- admission, morphology and levels on the real lexicon -------------------------------------


def test_web_attested_slips_are_not_words_but_jargon_is() -> None:
    checker = get_checker()
    for slip in ("familys", "stiched", "jewerly"):
        evidence = checker.lexicon.evidence(slip)
        assert not checker.is_known(slip) and evidence is not None and evidence.error, slip
    for word in ("chipset", "leptin", "influencer", "colour"):
        assert checker.is_known(word), word
    withing = checker.lexicon.evidence("withing")  # Hunspell lists it (of "withe")
    assert withing is not None and withing.hunspell and withing.target == "within"


def test_morphology_finds_the_base_of_derived_forms() -> None:
    known = {
        "stabilization",
        "enum",
        "eye",
        "holes",
        "board",
        "voted",
        "binge",
        "match",
    }.__contains__
    assert base_of("stabilizations", known) == "stabilization"
    assert base_of("enums", known) == "enum"
    assert base_of("eyeholes", known) == "eye holes"
    assert base_of("deboard", known) == "board"
    assert base_of("upvoted", known) == "voted"
    assert base_of("binging", known) == "binge"
    assert base_of("matchers", known) == "match"
    assert base_of("qwzx", known) is None


def test_levels_follow_the_evidence() -> None:
    text = (
        "The dress was stiched by hand, and the crew studied the amphioxine samples.\n\n"
        "Engineers said the takover bid failed."
    )
    by_word = {t.word: t for t in find_typos(text)}
    assert by_word["stiched"].reason == REASON_SLIP and by_word["stiched"].level == "warning"
    assert by_word["stiched"].suggestions[0] == "stitched"
    assert "as often" in by_word["stiched"].detail
    assert by_word["takover"].level == "warning"
    rare = [t for t in by_word.values() if t.reason == REASON_RARE]
    assert all(t.level == "suggestion" for t in rare)


def test_a_rare_attested_word_is_a_suggestion_with_its_reason() -> None:
    findings = lint("The lab measured glycolipid levels in the trial, officials said.")
    assert [(f.rule, f.level) for f in findings] == [("spelling.typo", "suggestion")]
    assert "rare word" in findings[0].message and "on the web" in findings[0].message


def test_an_unattested_word_warns_only_when_a_common_word_is_a_slip_away() -> None:
    # our own coinages: two near slips of common words, and two words no common word is near
    text = (
        "The report was expliained to the board on Monday by the chair.\n\n"
        "The board met again, and the plan was recieveing support from most members.\n\n"
        "The team wrote a zorblatter for the queue last week at the office.\n\n"
        "They ran qwmxtrap overnight, and the tests all passed in the end."
    )
    by_word = {t.word: t for t in find_typos(text)}
    assert by_word["expliained"].level == "warning"
    assert by_word["expliained"].suggestions[0] == "explained"
    # a long word has room for two slips: still within reach
    assert by_word["recieveing"].level == "warning"
    assert by_word["recieveing"].suggestions[0] == "receiving"
    for word in ("zorblatter", "qwmxtrap"):
        assert by_word[word].reason == REASON_NO_RIVAL and by_word[word].level == "suggestion"
        assert "no common word is a slip away" in by_word[word].detail
    findings = lint("The service now runs on qwmxtrap, the team said on Monday.")
    assert [(f.rule, f.level) for f in findings] == [("spelling.typo", "suggestion")]


# --- names on codespell's list (issue 21) ------------------------------------------------------


def test_a_senators_name_on_codespells_list_is_never_an_error() -> None:
    text = (
        "Senators pushed the bill on Monday.\n\n"
        "Sen. Markey of Massachusetts disagreed. Markey said the plan would fail, and "
        "Markey's staff agreed. The senator, Markey, said: Markey will vote no."
    )
    assert lint(text) == []


def test_a_name_opening_a_sentence_once_is_left_alone_when_the_web_knows_it() -> None:
    assert lint("Senators met.\n\nMarkey said the plan would fail.") == []


def test_a_lower_case_listed_misspelling_is_still_an_error_with_its_fix() -> None:
    findings = lint("The ministry did not recieve the letter from Sen. Markey.")
    assert [(f.rule, f.level, f.match) for f in findings] == [
        ("spelling.misspelling", "error", "recieve")
    ]


def test_nicknames_and_sic_are_deliberate() -> None:
    text = "Oliver 'ker' Schneider wrote that the plan was \"compleatly\" [sic] wrong."
    assert lint(text) == []
    quoted = 'She said: "[W]ithin a week the galler[ies] will reopen."'
    assert lint(quoted) == []
