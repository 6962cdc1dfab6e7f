"""The spelling rules through the linter: typos, safe misspelling fixes, house vocabulary, --fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED, run_cli, seed_line, shared_path

from newslint.config import Config, load_config
from newslint.engine.linter import Linter
from newslint.readers import parse

SPELLING = ["spelling.*"]


def lint(text: str, path: str = "article.txt", config: Config | None = None) -> list:
    linter = Linter(select=SPELLING)
    return linter.lint_document(parse(text, path, "text"), config or Config()).findings


def found(findings: list) -> list[tuple[str, str]]:
    return [(f.rule, f.match) for f in findings]


# --- the sample article ---------------------------------------------------------------------


def test_sample_article_flags_takover_with_takeover_first_and_nothing_else() -> None:
    findings = Linter(select=SPELLING).lint_file(str(SEED)).findings
    assert found(findings) == [("spelling.typo", "takover")]
    typo = findings[0]
    assert typo.line == seed_line("regime takover of Idlib")
    assert typo.suggestions[0] == "takeover"
    assert typo.message == (
        "Possible typo: 'takover' (did you mean 'takeover'?); in no dictionary, and unseen on the web"
    )
    assert typo.level == "warning" and typo.fix is None  # a guess is never applied


# --- spelling.typo: what is a typo and what is a name ---------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        ("The council approved the budjet on Tuesday night.", "budjet", "budget"),
        ("Police said the suspect had fled the scnee before officers arrived.", "scnee", "scene"),
        ("Voters will decide in a referendm next spring.", "referendm", "referendum"),
    ],
)
def test_unknown_word_is_a_typo_with_ranked_suggestions(text: str, word: str, first: str) -> None:
    findings = lint(text)
    assert found(findings) == [("spelling.typo", word)]
    assert findings[0].suggestions[0] == first
    assert f"did you mean '{first}'" in findings[0].message


def test_names_and_furniture_are_not_typos() -> None:
    text = (
        "Residents of Khan Sheikhun told Mr. Yetkın that Hayat Tahrir al-Sham fighters had left. "
        "The SOHR and the UNHCR said 12km of road to Maaret al-Noman was cut, @idlibnews posted "
        "at https://example.com/idlib-update and www.sohr.org. "
        "Farmers grow zaatar there. Zaatar sells well, and zaatar prices rose 5%."
    )
    assert lint(text) == []


def test_byline_is_not_checked_but_headline_and_body_are() -> None:
    text = (
        "Council approves budjet for new schools\n\nBy Jnae Dxoe\n\n"
        "The council met on Monday to approve the plan.\n"
    )
    assert found(lint(text)) == [("spelling.typo", "budjet")]


def test_slip_inside_a_quotation_is_still_reported() -> None:
    text = 'The mayor said: "We will not abandon the neighbourhood or its famlies."'
    assert found(lint(text)) == [("spelling.misspelling", "famlies")]


# --- spelling.misspelling -------------------------------------------------------------------


def test_common_misspelling_is_an_error_with_a_safe_fix_and_no_duplicate_typo() -> None:
    findings = lint("Officials said the goverment did not recieve the letter.")
    assert found(findings) == [
        ("spelling.misspelling", "goverment"),
        ("spelling.misspelling", "recieve"),
    ]
    assert {f.level for f in findings} == {"error"}
    assert [f.fix.replacement for f in findings] == ["government", "receive"]
    assert findings[1].message == "Misspelling: 'recieve' should be 'receive'"


def test_misspelling_fix_keeps_the_capitalisation() -> None:
    findings = lint("Goverment sources said the talks would resume.")
    assert found(findings) == [("spelling.misspelling", "Goverment")]
    assert findings[0].fix.replacement == "Government"


def test_misspelling_with_several_corrections_is_a_typo_without_a_fix() -> None:
    findings = lint("The mayor said there was alot of work left to do.")
    assert found(findings) == [("spelling.typo", "alot")]
    assert findings[0].fix is None


def test_correct_copy_has_no_spelling_findings() -> None:
    text = (
        "The government did not receive the letter until Friday. The council had had enough of "
        "the delays, and the mayor said that that was final. Ceasefire talks in the rebel-held "
        "north resumed on Monday, according to the Syrian Observatory for Human Rights."
    )
    assert lint(text) == []


# --- house vocabulary -----------------------------------------------------------------------


@pytest.fixture
def newsroom(tmp_path: Path) -> Config:
    (tmp_path / "names.txt").write_text(
        "# our names and jargon\nquorvat\nplimbex\nVoxtrel Naudic\n", encoding="utf-8"
    )
    (tmp_path / "banned.txt").write_text("alright\nQaida\nAl Qaida\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(
        "vocabulary: {accept: [names.txt], reject: [banned.txt]}\n", encoding="utf-8"
    )
    return load_config(str(tmp_path / ".newslint.yaml"))


def test_unknown_jargon_is_flagged_until_the_newsroom_accepts_it(newsroom: Config) -> None:
    text = (
        "The company is best known as a quorvat maker, and it plans to launch more next year.\n\n"
        "Its new headphones come with soft plimbex hooks and a charging case, the company said.\n\n"
        "Naudic, the founder, said the voxtrel design would be licensed to other firms."
    )
    assert found(lint(text)) == [
        ("spelling.typo", "quorvat"),
        ("spelling.typo", "plimbex"),
        ("spelling.typo", "voxtrel"),
    ]
    assert lint(text, config=newsroom) == []


def test_derived_forms_and_compounds_of_known_words_are_words() -> None:
    """Plurals and derivations of jargon, British -ise forms and closed compounds of two common
    words pass; a derivation does not rescue a slip near a much more common word."""
    text = (
        "The smallsat maker sells soft earhooks, and its engineers held two hackathons.\n\n"
        "The library stabilizations landed after the upvoted proposal; the patients were "
        "triages and the drug was decriminalised.\n\n"
        "The dress was stiched by hand and the familys waited."
    )
    assert found(lint(text)) == [("spelling.typo", "stiched"), ("spelling.typo", "familys")]


def test_rejected_words_and_phrases_are_always_reported(newsroom: Config) -> None:
    text = "It was alright, he said of the talks with Al Qaida in Idlib. Qaida denied it."
    findings = lint(text, config=newsroom)
    assert found(findings) == [
        ("spelling.typo", "alright"),
        ("spelling.typo", "Al Qaida"),
        ("spelling.typo", "Qaida"),
    ]
    assert findings[0].message == "Rejected by house vocabulary: 'alright'"
    assert findings[0].suggestions == ()  # a dictionary word: the house list knows better
    assert lint(text) == []  # without the house list these are fine


# --- --fix and --diff, end to end -------------------------------------------------------------

TXT = (
    "Council approves plan\r\n\r\n"
    "The council did not recieve the the plan until Friday.\r\n\r\n"
    'Officials said the budjet would  be  published  soon, "alot" of it online.\r\n'
)
TXT_FIXED = TXT.replace("recieve the the", "receive the")

MD = """---
title: Teh budget
tags: [recieve]
---
# Council backs the budget

The council did not **recieve** the the plan until *Friday*, said
[the goverment](https://example.com/recieve-teh).

```
recieve the the code
```

Residents of Sheikhun said the budjet was late.
"""
MD_FIXED = (  # the front-matter title is the headline: its slip is fixed there, tags are not
    MD.replace("title: Teh", "title: The")
    .replace("**recieve** the the", "**receive** the")
    .replace("[the goverment]", "[the government]")
)


@pytest.mark.parametrize(
    ("name", "before", "after"), [("a.txt", TXT, TXT_FIXED), ("a.md", MD, MD_FIXED)]
)
def test_fix_applies_only_safe_spelling_fixes(
    tmp_path: Path, name: str, before: str, after: str
) -> None:
    path = tmp_path / name
    path.write_bytes(before.encode("utf-8"))
    diff = run_cli("check", "--no-cache", "--select", "spelling.*", "--diff", str(path))
    assert path.read_bytes() == before.encode("utf-8")  # --diff writes nothing
    assert "+The council did not" in diff.stdout and "receive" in diff.stdout
    proc = run_cli("check", "--no-cache", "--select", "spelling.*", "--fix", str(path))
    assert path.read_bytes() == after.encode("utf-8"), proc.stderr
    # what is left is the typo, which has no safe fix
    assert "spelling.typo" in proc.stdout and "budjet" in proc.stdout
    assert "spelling.misspelling" not in proc.stdout


# --- cost -----------------------------------------------------------------------------------


def test_rule_modules_load_no_dictionary() -> None:
    code = (
        "import sys\n"
        "from newslint.engine.linter import Linter\n"
        "import newslint.engine.kinds.typo, newslint.engine.kinds.misspelling\n"
        "Linter(ignore=['spelling.*']).lint_source('The budjet was late.')\n"
        "print('newslint.spelling.lexicon' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip() == "False", proc.stderr


# --- clean copy -----------------------------------------------------------------------------


@pytest.mark.eval
def test_clean_news_bodies_have_few_spelling_findings() -> None:
    """Professional copy (which has a few real slips) stays under the stored limit of warnings
    and errors per 1,000 words (benchmarks/spelling_rules_eval.py); rare words are suggestions."""
    shared_path("clean", "scrapinghub")
    from core import assert_check, lint_rates

    rates = lint_rates(Linter(select=SPELLING), key=lambda f: f.level, only=["scrapinghub"])
    assert rates.words["scrapinghub"] > 45_000
    warnings = rates.rate("scrapinghub", lambda level: level != "suggestion")
    assert_check("spelling_rules_eval", "clean.scrapinghub.per_1000", warnings)
