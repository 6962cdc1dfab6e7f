"""The quotes.* rules on real-style copy: what they must flag and the clean copy they must not."""

from __future__ import annotations

import json

import pytest
from conftest import SEED, SEED_ACCEPTED_LINES, run_cli, seed_line, shared_path

from newslint import lint_text
from newslint.analysis.core import Analysis
from newslint.readers import parse


def findings(text: str, rule: str = "quotes.*") -> list[tuple[str, str]]:
    return [(f.rule, f.match) for f in lint_text(text, select=[rule])]


# --------------------------------------------------------------------------- the sample article


@pytest.fixture(scope="module")
def seed_findings() -> list[dict[str, object]]:
    result = run_cli("check", "--format", "json", "--select", "quotes.*", str(SEED))
    data = json.loads(result.stdout)
    return [f for file in data["files"] for f in file["findings"]]


def test_seed_orphan_question(seed_findings: list[dict[str, object]]) -> None:
    line = seed_line('"How many of them will come to Turkey?"')
    hits = [f for f in seed_findings if f["rule"] == "quotes.orphan"]
    assert [(f["line"], f["match"]) for f in hits] == [
        (line, '"How many of them will come to Turkey?"')
    ]


def test_seed_first_references(seed_findings: list[dict[str, object]]) -> None:
    hits = {(f["line"], f["match"]) for f in seed_findings if f["rule"] == "quotes.first-reference"}
    assert hits == {
        (seed_line("Itani says he had trouble"), "Itani"),
        (seed_line("Rouhani said. Stop Assad"), "Rouhani"),
        (seed_line("argues Mr. Yetkın"), "Mr. Yetkın"),
    }


def test_seed_lines_an_editor_accepts(seed_findings: list[dict[str, object]]) -> None:
    quiet = [
        *SEED_ACCEPTED_LINES,
        "according to analyst Nicholas Heras",
        "the Pentagon has said",
    ]
    lines = {seed_line(text) for text in quiet}
    assert [f for f in seed_findings if f["line"] in lines] == []
    assert not [
        f for f in seed_findings if f["rule"] in ("quotes.unbalanced", "quotes.pronoun-speaker")
    ]


def test_seed_stats() -> None:
    stats = Analysis(parse(SEED.read_text(encoding="utf-8"), str(SEED), "text")).stats()
    # six quotations (two more are quoted terms: "red line", "effectively"); one orphan;
    # named sources: Mr. Yetkın and Rouhani; unnamed: "the statement"
    assert {k: stats[k] for k in ("quotes", "attributed_quotes", "orphan_quotes")} == {
        "quotes": 6,
        "attributed_quotes": 5,
        "orphan_quotes": 1,
    }
    assert (stats["named_sources"], stats["unnamed_sources"]) == (2, 1)


def test_stats_named_and_unnamed_sources() -> None:
    text = (
        '"We will not leave," said Amal Haddad, a teacher. "Never," Haddad said.\n\n'
        '"The strikes will go on," a senior adviser to Erdogan said.\n\n'
        '"No comment," the Pentagon said. "It is over," officials said. "Yes," he said.\n\n'
        'The vote was postponed. "Who will pay for this?" The hall emptied.'
    )
    stats = Analysis(parse(text, "<text>", "text")).stats()
    assert {k: stats[k] for k in ("quotes", "attributed_quotes", "orphan_quotes")} == {
        "quotes": 7,
        "attributed_quotes": 6,
        "orphan_quotes": 1,
    }
    # named: Amal Haddad, Haddad (same person, counted by speaker text), the Pentagon;
    # unnamed: the adviser, officials; "he" is not a new source
    assert (stats["named_sources"], stats["unnamed_sources"]) == (3, 2)


def test_citations_include_indirect_speech() -> None:
    text = "Itani says he had trouble imagining a cease-fire. For his part, Rouhani demanded more."
    citations = Analysis(parse(text, "<text>", "text")).quotes.citations
    assert [(c.speaker_text, c.cue_text, c.speaker_kind) for c in citations] == [
        ("Itani", "says", "name"),
        ("Rouhani", "demanded", "name"),
    ]


# --------------------------------------------------------------------------- quotes.orphan


OWNED_OR_NOT_QUOTATIONS = {
    "continuation and framing": (
        '"We will not leave," said Amal Haddad, a teacher in the town. "This is our home.\n\n'
        '"We were born here and we will die here."\n\n'
        "Bridenstine expects to produce three rockets through 2024. "
        '"Adding another one could be hard."'
    ),
    "titles and terms": (
        "After hitting “Takin’ It to the Streets,” the band left the stage.\n\n"
        "“Humidifier lung” may result from fungus growing in humidifiers.\n\n"
        "Xi ordered officials to press on with the “struggle against terrorism, infiltration "
        "and separatism” in the region."
    ),
    "split quote in one sentence": (
        "“We are excited to announce the tour,” comments Johnston in a statement, “as it is a "
        "celebration of the band’s entire history.”"
    ),
}


@pytest.mark.parametrize("text", OWNED_OR_NOT_QUOTATIONS.values(), ids=OWNED_OR_NOT_QUOTATIONS)
def test_orphan_owned_quotes_and_terms_pass(text: str) -> None:
    assert findings(text, "quotes.orphan") == []


def test_orphan_unowned_quote_is_flagged() -> None:
    text = (
        'The council met for three hours on Tuesday. "Nobody wants this in their street." '
        "The vote was postponed."
    )
    assert findings(text, "quotes.orphan") == [
        ("quotes.orphan", '"Nobody wants this in their street."')
    ]


def test_orphan_partial_quotes_belong_to_the_person_in_the_sentence() -> None:
    text = (
        'Grisham, by her own accounting, has given "plenty of on-the-record statements."\n\n'
        "The cells appeared only after infection, which made Vaughan believe that they were "
        "“basically seeing a cell type where it is not supposed to be.”\n\n"
        "“You may not always want to overreact,” he said. There could be dangers “if you have "
        "too many of these cells.”"
    )
    assert findings(text, "quotes.orphan") == []
    unowned = "In the end the plan was “dead on arrival and a waste of time,” and the vote failed."
    assert findings(unowned, "quotes.orphan") == [
        ("quotes.orphan", "“dead on arrival and a waste of time,”")
    ]


# --------------------------------------------------------------------------- quotes.unbalanced


def test_unbalanced_marks() -> None:
    assert findings('"The talks are over, Haddad said on Monday.', "quotes.unbalanced") == [
        ("quotes.unbalanced", '"')
    ]
    assert findings("The talks are over,” Haddad said.", "quotes.unbalanced") == [
        ("quotes.unbalanced", "”")
    ]
    continued = '"The talks are over," Haddad said. "We tried.\n\n"We failed," she added.'
    assert findings(continued, "quotes.unbalanced") == []


# --------------------------------------------------------------------------- quotes.pronoun-speaker


def test_pronoun_speaker_without_antecedent() -> None:
    assert findings('"We don\'t want a bloodbath," he said.', "quotes.pronoun-speaker") == [
        ("quotes.pronoun-speaker", "he")
    ]


def test_pronoun_speaker_with_antecedent() -> None:
    for text in (
        'Amal Haddad teaches in the town. "We are not leaving," she said.',
        'A shopkeeper was still open. "Where would I go?" he said.',
        'Residents stayed indoors. "We are not leaving," they said.',
    ):
        assert findings(text, "quotes.pronoun-speaker") == [], text


# --------------------------------------------------------------------------- quotes.first-reference


def test_first_reference_surname_before_full_name() -> None:
    text = (
        '"The talks are over," Haddad said on Monday.\n\n'
        "Later that day the foreign minister, Amal Haddad, left for Geneva."
    )
    hits = lint_text(text, select=["quotes.first-reference"])
    assert [(f.match, "before the full-name reference" in f.message) for f in hits] == [
        ("Haddad", True)
    ]


def test_first_reference_accepted_forms() -> None:
    for text in (
        "Analyst Nicholas Heras spoke first. Heras said a deal was close.",
        "President Obama spoke on Saturday. Mr. Obama said the museum would open in June.",
        "The Rev. Al Sharpton took calls. Mr. Sharpton said it was a shot in the arm.",
        "Bashar al-Assad addressed parliament. Assad said the war was won.",
        "Moscow denied the report, officials in Moscow said. Moscow said the claims were false.",
        "The Kremlin said the claims were false.",
        "PolitiFact said the claim was mostly true.",
        "Reuters reported the deal on Monday.",
        "Recently, however, it issued a paper, calling for new rules.",
        "Keeps saying she opposed the war, when there are clips that show otherwise.",
    ):
        assert findings(text, "quotes.first-reference") == [], text


def test_first_reference_matches_names_as_editors_do() -> None:
    """Case, accents, apostrophes, a first name in parentheses, family groups, a relative's first
    name, a reporter's credit line and a party tag are not new first references."""
    for text in (
        "Conor O'Brien opened the hearing. Later, O’Brien said the vote would wait.",
        "Governor Ricardo Rosselló asked for aid. Rossello said the grid was down.",
        '"Coach (Frank) Vogel told me so," the guard said. "He is right," Vogel said.',
        "Sasha and Malia Obama spoke at the school. Sasha said the garden was her idea.",
        "Ann Penkoski runs the group. Her daughter, Brielle, said the class was short.",
        '"The dam held," Amal Haddad said. Billeaud reported from Phoenix.',
        '"No deal," said Rep. Sam Fox, R-Texas. Fox left early.',
        "Amid the noise, the mayor said the vote would go ahead.",
        "The owner, Tong Yung-soo, bought the hotel in 2001. Mr Tong said it would reopen.",
    ):
        assert findings(text, "quotes.first-reference") == [], text


def test_first_reference_tells_organisations_from_people() -> None:
    for text in (
        "Conspiracy site Intellihub said the video was fake.",
        "Americo, the life insurance company, said there was doubt about the policy.",
        "Dunmore reported the figures on Monday. Dunmore published them again on Friday.",
        "Varnek said its profits fell in the spring.",
    ):
        assert findings(text, "quotes.first-reference") == [], text
    person = "Varnek said he had no plans to resign."
    assert findings(person, "quotes.first-reference") == [("quotes.first-reference", "Varnek")]


def test_name_spelling() -> None:
    text = (
        "The budget was drafted by Tom Cowan, the city treasurer.\n\n"
        '"We cut where we could," Cowen said on Monday.'
    )
    assert findings(text) == [("quotes.name-spelling", "Cowen")]  # not also a first reference
    assert findings(text.replace("Cowen", "Cowan")) == []
    two_people = "Ann Cowan and her neighbour Tom Cowen both spoke at the meeting."
    assert findings(two_people) == []
    words = "South Korea and the Korean delegation met. The Final and the Finals were held."
    assert findings(words, "quotes.name-spelling") == []


def test_first_reference_house_accept_list() -> None:
    from newslint.engine.linter import Vocabulary
    from newslint.engine.rules import load_rules  # noqa: F401  (rules load through the linter)

    document = parse('"We will win," Itani said.', "<text>", "text")
    analysis = Analysis(document)
    analysis.vocabulary = Vocabulary(accept=frozenset({"itani"}))  # type: ignore[attr-defined]
    from newslint.engine.linter import Linter

    linter = Linter(select=["quotes.first-reference"])
    rule = next(r for r in linter.all_rules() if r.id == "quotes.first-reference")
    assert list(rule.compile().check(analysis)) == []
    analysis.vocabulary = Vocabulary()  # type: ignore[attr-defined]
    assert [h.values["name"] for h in rule.compile().check(analysis)] == ["Itani"]


# --------------------------------------------------------------------------- evaluation data


@pytest.mark.eval
def test_polnear_direct_quotes_are_rarely_flagged_orphan() -> None:
    """End to end: quotes.orphan wrongly flags few annotated direct quotes (the stored limit of
    benchmarks/quotes_rules_eval.py)."""
    shared_path("quotes", "polnear")
    import quotes_rules_eval
    from core import assert_check

    from newslint.engine.linter import Linter

    counts, _, _ = quotes_rules_eval.polnear_counts(Linter(select=["quotes.orphan"]))
    assert counts["gold"] > 200
    share = counts["gold_flagged"] / counts["gold"]
    assert_check("quotes_rules_eval", "polnear.wrongly_flagged_orphan_share", share)


# --------------------------------------------------------------------------- figures in reports


def test_stats_and_html_report_keep_attribution_figures(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    from newslint.frontends.cli import main

    article = tmp_path / "story.txt"  # type: ignore[operator]
    article.write_text(
        "Flood hits town\n\n"
        '"We will rebuild," said Amal Haddad, the mayor.\n\n'
        'The flood wall, known as "the Long Wall", held. The river peaked on Sunday. '
        '"Nobody saw it coming."\n\n'
        '"Roads stay shut," police said.\n',
        encoding="utf-8",
    )
    main(["check", "--stats", "--no-cache", str(article)])
    out = capsys.readouterr().out
    for line in (
        "quotes: 3",
        "attributed quotes: 2",
        "orphan quotes: 1",
        "quoted mentions: 1",
        "named sources: 1",
        "unnamed sources: 1",
    ):
        assert line in out, out
    page = tmp_path / "report.html"  # type: ignore[operator]
    main(["check", "--format", "html", "--no-cache", "-o", str(page), str(article)])
    html = page.read_text(encoding="utf-8")
    for label in ("Attributed quotes", "Orphan quotes", "Named sources", "Unnamed sources"):
        assert label in html


def test_first_reference_skips_a_pull_quote_set_ahead_of_the_story() -> None:
    pulled = '"We cannot build a moon base with small rockets," Vance said.'
    story = (
        "Rocket plan faces doubts\n\n"
        f"{pulled}\n\n"
        "Former astronaut Lena Vance told the committee that heavy rockets matter.\n\n"
        '"We cannot build a moon base with small rockets," she said.'
    )
    assert not lint_text(story, select=["quotes.first-reference"], profile="news")
    once = story.replace('\n\n"We cannot build a moon base with small rockets," she said.', "")
    found = lint_text(once, select=["quotes.first-reference"], profile="news")
    assert [f.match for f in found] == ["Vance"]
