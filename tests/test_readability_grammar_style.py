"""readability.*, grammar.* and the optional AP style pack (style.*) on real copy."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SEED, SEED_ACCEPTED_LINES, run_cli, seed_line, shared_path

from newslint.config import Config
from newslint.engine.linter import Linter
from newslint.engine.rules import load_rules
from newslint.findings import Finding
from newslint.readers import parse

NEWS = ROOT / "rules" / "news"
STYLE = ROOT / "rules" / "ap-style" / "style.yaml"
MY_FILES = [
    ("news", NEWS / "readability.yaml"),
    ("news", NEWS / "grammar.yaml"),
    ("ap-style", STYLE),
]
ACCEPTED_LINES = SEED_ACCEPTED_LINES


@pytest.fixture(scope="module")
def my_rules():
    return load_rules([(pack, str(path)) for pack, path in MY_FILES])


def lint(text: str, rules, select: str = "") -> list[Finding]:
    """Lint plain text with exactly these rules (optionally only ids starting with ``select``)."""
    chosen = [r for r in rules if r.id.startswith(select) and (r.enabled or select == r.id)]
    doc = parse(text, "t.txt", "text")
    return Linter().lint_document(doc, Config(), chosen).findings


def ids(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


# -- the sample article --------------------------------------------------------------------


def test_sample_article_slips_are_flagged(my_rules) -> None:
    found = lint(SEED.read_text(encoding="utf-8"), my_rules)
    at = {(f.rule, f.line) for f in found}
    assert ("grammar.they-the", seed_line("They only real disincentive")) in at
    assert ("style.acronym", seed_line("The SOHR said")) in at
    assert ("style.courtesy-title", seed_line("argues Mr. Yetk")) in at
    assert ("style.month-abbrev", seed_line("September 9, 2018")) in at
    assert ("style.date-order", seed_line("on 4 April 2017")) in at
    sohr = next(f for f in found if f.rule == "style.acronym")
    assert sohr.match == "SOHR"
    # HTS is introduced in parentheses, US is known: neither is reported
    assert [f.match for f in found if f.rule == "style.acronym"] == ["SOHR"]


def test_accepted_sample_lines_get_no_warning(my_rules) -> None:
    found = lint(SEED.read_text(encoding="utf-8"), my_rules)
    lines = {seed_line(text) for text in ACCEPTED_LINES}
    noisy = [f for f in found if f.line in lines and f.level != "suggestion"]
    assert not noisy, noisy
    assert not [f for f in found if f.rule.startswith("grammar.") and f.rule != "grammar.they-the"]


def test_style_pack_is_off_by_default_and_on_by_flag(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "The SOHR said the strikes were the fiercest in a month.\n", encoding="utf-8"
    )
    (tmp_path / ".newslint.yaml").write_text("packs: [news]\n", encoding="utf-8")
    default = run_cli("check", "--format", "json", str(article), cwd=tmp_path)
    assert "style." not in default.stdout, default.stdout + default.stderr
    on = run_cli("check", "--format", "json", "--pack", "ap-style", str(article), cwd=tmp_path)
    assert '"style.acronym"' in on.stdout, on.stdout + on.stderr


# -- grammar -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ('"They only real disincentive is a war," he said.', "grammar.they-the"),
        ("Officials said the were not told.", "grammar.the-they"),
        ("The company said its not responsible.", "grammar.its-its"),
        ("Washington has it's own plan.", "grammar.its-its"),
        ("If your not registered, you cannot vote.", "grammar.your-youre"),
        ("Turnout was higher, with more then 60 percent voting.", "grammar.then-than"),
        ("The party could loose its majority.", "grammar.lose-loose"),
        ("The man whose been charged is 34.", "grammar.whose-whos"),
        ("The ban had a chilling affect on speech.", "grammar.affect-effect"),
        ("She was a an all-powerful figure.", "grammar.doubled-function-word"),
        ("It was a honest mistake.", "grammar.a-an"),
        ("She became an university lecturer.", "grammar.a-an"),
        ("A FBI agent testified.", "grammar.a-an"),
        ("The victim was a 18-year-old student.", "grammar.a-an"),
    ],
)
def test_grammar_slips_are_flagged(my_rules, text: str, rule: str) -> None:
    assert rule in ids(lint(text, my_rules, "grammar.")), text


@pytest.mark.parametrize(
    "text",
    [
        "It took an hour. She became a university lecturer. He was a one-time champion.",
        "An MP, an FBI agent and a US official spoke to an 18-year-old and an 11-year-old.",
        "It was a historic day and an historic one. A NATO envoy met a UN team and an EU aide.",
        "Jabhat an-Nusra fighters fled. They joined the A-list. Vitamin A helps.",
        "They only want the war to end. They first met in 2010, and the meeting was brief.",
        "More than 60 percent voted. The other then-senator voted no. It has not rained since then.",
        "A loose board gave way. The dogs broke loose. The ban will affect speech.",
        "Isso é muito importante, porque a aquisição da fluência levará as crianças à leitura.",
    ],
)
def test_grammar_passes_correct_copy(my_rules, text: str) -> None:
    assert lint(text, my_rules, "grammar.") == []


def test_article_sound_from_pronunciations(my_rules) -> None:
    kind = next(r for r in my_rules if r.id == "grammar.a-an").compile()
    cases = {
        "hour": "an",
        "university": "a",
        "one-time": "a",
        "MP": "an",
        "FBI": "an",
        "US": "a",
        "U.S.": "a",
        "NATO": "a",
        "18-year-old": "an",
        "8": "an",
        "11": "an",
        "80,000": "an",
        "100": "a",
        "X-ray": "an",
        "historic": None,  # both are in use
        "1860s": None,  # a year or a count
        "Xyzzyq": "a",  # unknown: a plain consonant spelling
        "Uqbar": None,  # unknown u- word: unclear
    }
    assert {word: kind.sound(word) for word in cases} == cases


@pytest.mark.eval
def test_grammar_is_quiet_on_babe_sentences(my_rules) -> None:
    shared_path("bias", "babe_sg2.csv")
    from core import assert_check, babe

    grammar = [r for r in my_rules if r.id.startswith("grammar.")]
    hits = [(f.rule, f.match) for s in babe() for f in lint(s.text, grammar)]
    # a handful over 3,673 sentences, all slips in the source (reviewed by hand): "she's a an
    # all-powerful force", spaces before commas, "honing in on", a comma with no space after it
    assert_check("packs_clean_rate", "babe.grammar_findings", len(hits))
    assert ("grammar.doubled-function-word", "a an") in hits, hits


@pytest.mark.eval
def test_grammar_rate_on_clean_copy() -> None:
    shared_path("clean", "scrapinghub")
    import packs_clean_rate
    from core import assert_check, lint_rates

    linter = packs_clean_rate.make_linter(packs_clean_rate.DEFAULT_PACKS, ["grammar.*"])
    rates = lint_rates(linter, only=["scrapinghub"])
    assert rates.words["scrapinghub"] > 45_000
    assert_check(
        "packs_clean_rate", "clean.scrapinghub.grammar_per_1000", rates.rate("scrapinghub")
    )


# -- readability ---------------------------------------------------------------------------


def test_passive_with_agent_is_a_narration_suggestion(my_rules) -> None:
    text = (
        "The area is controlled by the Turkish military. Three people were killed in the attack.\n\n"
        '"The area is controlled by the army," he said. The office is located in Paris.'
    )
    found = [f for f in lint(text, my_rules, "readability.") if f.rule == "readability.passive"]
    assert [(f.match, f.level) for f in found] == [("is controlled", "suggestion")]


def test_passive_without_agent_when_configured(my_rules) -> None:
    rule = next(r for r in my_rules if r.id == "readability.passive")
    optional = rule.with_settings({"agent": "optional"}, ("test", 0))
    found = lint("Three people were killed in the attack.", [optional])
    assert [f.match for f in found] == ["were killed"]


def test_paragraph_and_grade_thresholds_are_data(my_rules) -> None:
    para = " ".join(f"The council met on day {n}." for n in range(1, 8))
    assert "readability.long-paragraph" in ids(lint(para, my_rules, "readability."))
    grade = next(r for r in my_rules if r.id == "readability.grade")
    strict = grade.with_settings({"max": 5, "min-words": 10}, ("profile", 0))
    seed_findings = lint(SEED.read_text(encoding="utf-8"), [strict])
    assert [f.rule for f in seed_findings] == ["readability.grade"]
    assert lint(SEED.read_text(encoding="utf-8"), [grade]) == []  # grade 12 is within 16


def test_stats_show_readability_figures() -> None:
    from newslint.analysis.core import Analysis

    doc = parse(SEED.read_text(encoding="utf-8"), str(SEED), "text")
    figures = Analysis(doc).stats()["readability"]
    assert 8 < figures["flesch_kincaid_grade"] < 16
    assert 20 < figures["flesch_reading_ease"] < 70
    assert {"gunning_fog", "smog_index", "avg_words_per_sentence", "avg_syllables_per_word"} <= set(
        figures
    )


# -- style ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The summit ended on September 9, 2018.", "style.month-abbrev"),
        ("The attack happened on 4 April 2017.", "style.date-order"),
        ("Police arrested 3 men and 2 women.", "style.numerals"),
        ("Prices rose 4 per cent.", "style.percent"),
        ('"Russia\'s message is clear," argues Mr. Yetkin.', "style.courtesy-title"),
        ("SACRAMENTO, CA (AP) — The governor signed the bill.", "style.dateline-postal"),
        ("CHICAGO, Ill. (AP) — The mayor resigned.", "style.dateline-standalone"),
        ("Beirut, Lebanon (AP) — Jets struck Idlib.", "style.dateline-caps"),
    ],
)
def test_style_flags(my_rules, text: str, rule: str) -> None:
    assert rule in ids(lint(text, my_rules, "style.")), text


def test_acronym_defined_by_expansion_or_parentheses(my_rules) -> None:
    acronym = [r for r in my_rules if r.id == "style.acronym"]
    assert ids(lint("The SOHR said 74 people died.", acronym)) == ["style.acronym"]
    defined = [
        "The Syrian Observatory for Human Rights said 74 died. The SOHR said more may die.",
        "The Syrian Observatory for Human Rights (SOHR) said 74 died.",
        "Hayat Tahrir al-Sham (HTS) dominates. HTS fighters fled.",
        "NEW YORK (Reuters) - Oil prices fell. A US official and a NATO envoy flew F-16 jets.",
        "The tour stops in Camden, NJ and Wantagh, NY, said Rep. Brian Babin (R-TX).",
        "The New York State Attorney General is investigating. The NYAG’s questions are broad.",
        "The tour ends at the PNC Music Pavilion; the GTX 1660 card is cheaper.",
        "The phones are ONLY compatible with older carriers, he said.",
    ]
    for text in defined:
        assert lint(text, acronym) == [], text


# -- offline, end to end -------------------------------------------------------------------


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Sockets refused, an empty cache directory and no data tables loaded in memory."""
    from newslint.analysis import metrics, nlp
    from newslint.engine.kinds import acronym

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))

    def forget() -> None:
        metrics._clear_memory_caches()
        nlp.lemma_table.cache_clear()
        nlp.wordnet_index.cache_clear()
        acronym._english_words.cache_clear()

    forget()
    yield tmp_path
    forget()


def test_full_linter_offline_with_empty_cache(offline: Path) -> None:
    linter = Linter(packs=["news", "ap-style"], stats=True)
    result = linter.lint_file(str(SEED))
    assert result.error is None, result.error
    rules_at = {(f.rule, f.line) for f in result.findings}
    assert ("grammar.they-the", seed_line("They only real disincentive")) in rules_at
    assert ("style.acronym", seed_line("The SOHR said")) in rules_at
    assert result.stats and result.stats["readability"]["flesch_kincaid_grade"] > 0
    assert any(offline.rglob("*")), "data tables were rebuilt into the empty cache"
