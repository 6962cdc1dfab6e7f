"""The editorial and bias packs: narration only, precise on clean copy, right on the sample article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SEED, SEED_ACCEPTED_LINES, run_cli, seed_line, shared_path

from newslint.config import Config
from newslint.engine.linter import Linter
from newslint.engine.rules import load_rules
from newslint.findings import Finding
from newslint.readers import parse

FAMILIES = ("editorial", "bias")
RULES = load_rules([("news", str(ROOT / "rules" / "news" / f"{f}.yaml")) for f in FAMILIES])
LINTER = Linter()


def lint(text: str, rule: str | None = None, header: bool = False) -> list[Finding]:
    """Findings of the editorial and bias rules (or one of them) on plain text."""
    rules = [r for r in RULES if rule is None or r.id == rule]
    document = parse(text, "<test>", "text", detect_header=header)
    return LINTER.lint_document(document, Config(), rules=rules).findings


def matches(text: str, rule: str) -> list[str]:
    return [f.match for f in lint(text, rule)]


# -- the sample article ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_findings() -> list[Finding]:
    return lint(SEED.read_text(encoding="utf-8"), header=True)


def test_seed_flags_the_slogan_and_the_outlet_voice(seed_findings: list[Finding]) -> None:
    on = {(f.rule, f.line) for f in seed_findings}
    assert ("editorial.slogan", seed_line("Stop Assad's assault on Idlib.")) in on
    assert ("editorial.first-person", seed_line("We want to keep our journalism open")) in on
    slogan = next(f for f in seed_findings if f.rule == "editorial.slogan")
    assert slogan.match == "Stop Assad's assault on Idlib."


@pytest.mark.parametrize(
    "line",
    SEED_ACCEPTED_LINES,
)
def test_seed_lines_an_editor_accepts_get_no_warning(
    seed_findings: list[Finding], line: str
) -> None:
    number = seed_line(line)
    noisy = [f for f in seed_findings if f.line == number and f.level != "suggestion"]
    assert not noisy, [f"{f.rule}: {f.match}" for f in noisy]


# -- voice: quotes belong to their speakers --------------------------------------------------
@pytest.mark.parametrize(
    "quoted",
    [
        '"It was a bloody day," the mayor said.',
        '"We will not leave," the residents said.',
        '"Stop the war!" the protesters chanted.',
        '"Why would we?" she asked.',
        'The minister said the rebels were "terrorists" and "thugs".',
    ],
)
def test_words_inside_quotations_are_never_flagged(quoted: str) -> None:
    assert [f for f in lint(quoted) if f.level != "suggestion"] == []


def test_the_same_words_in_narration_are_flagged() -> None:
    rules = {f.rule for f in lint("It was a bloody day. We will not leave. Stop the war!")}
    assert {"bias.loaded", "editorial.first-person", "editorial.slogan"} <= rules


# -- editorial.slogan ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Support independent journalism.",
        "Sign the petition.",
        "Death to the dictator!",
        "No to war.",
        "Contact your senator at www.example.org.",
        "Email your MP today.",
    ],
)
def test_slogans_and_calls_to_action(sentence: str) -> None:
    assert matches(f"The council met on Monday. {sentence}", "editorial.slogan")


@pytest.mark.parametrize(
    "sentence",
    [
        "Earlier this year, a senior adviser to Erdogan warned against any attack on Idlib.",
        "Police said the march was peaceful.",
        "Share prices fell sharply.",
        "Support for the plan grew.",
        "Keep reading for the full story, the editor wrote in a memo.",
        "Trump's America First policy shaped the talks.",
        "Help arrived on Tuesday.",
        "Email the writer at jane.doe@example.com.",
        "Contact Ask Amy at www.example.com or P.O. Box 1234, Springfield, IL 62701.",
    ],
)
def test_slogan_ignores_ordinary_sentences(sentence: str) -> None:
    assert matches(sentence, "editorial.slogan") == []


# -- editorial.first-person ------------------------------------------------------------------
def test_first_person_skips_acronyms_numerals_and_transcripts() -> None:
    text = (
        "US troops left after World War I.\n\n"
        "Q: What did you see?\n\n"
        "A: We saw the smoke from our house.\n\n"
        "Her reply was short: we stay."
    )
    assert matches(text, "editorial.first-person") == []


def test_a_first_person_piece_gets_one_notice_not_a_warning_per_sentence() -> None:
    blog = " ".join(
        [
            "I love jam.",
            "We make it every autumn in our kitchen.",
            "My grandmother taught me.",
            "Do you make jam?",
            "I use a big pot.",
            "We never buy it in a shop.",
            "The pears come from the market.",
        ]
    )
    found = lint(blog, "editorial.first-person")
    assert len(found) == 1
    assert found[0].level == "suggestion"
    assert "5 in this piece" in found[0].message


def test_one_paragraph_of_we_in_a_story_is_not_a_first_person_piece() -> None:
    story = "\n\n".join(
        [
            "The council approved the budget on Monday by seven votes to two.",
            "The plan adds $3 million for road repairs and closes two libraries.",
            "Opponents said the library closures would hurt older residents.",
            "The mayor said the libraries had lost half their visitors since 2015. "
            "She said the buildings needed repairs the city could not afford.",
            "A petition to save the libraries gathered 4,000 signatures in a week. "
            "Its organisers said they would take the matter to court.",
            "The budget also raises parking fees by 10 percent. "
            "Shop owners on Main Street said the rise would drive customers away.",
            "The council will vote on the parking plan in March.",
            "We want to keep our reporting free. We rely on readers like you. "
            "Our newsroom is independent. Please help us today.",
        ]
    )
    found = lint(story, "editorial.first-person")
    assert [f.level for f in found] == ["warning"] * 4


def test_in_a_personal_piece_even_a_single_mark_is_one_suggestion() -> None:
    column = "\n\n".join(
        [
            "I grew up two streets from the old library.",
            "My mother took us there every Saturday.",
            "We borrowed more books than we could carry.",
            "I still have my first library card.",
            "The council voted on Monday to close it. What a loss!",
        ]
    )
    [found] = lint(column, "editorial.exclamation")
    assert found.level == "suggestion"
    assert "1 in this piece" in found.message


def test_headlines_and_transcripts_do_not_make_a_piece_personal() -> None:
    story = (
        "Who will pay for the new bridge?\n\n"  # headline (detected from the layout)
        "The council approved the bridge on Monday.\n\n"
        "Q: Will tolls rise? A: Yes, we expect so.\n\n"
        "Q: When do works start? A: We start in May.\n\n"
        "Q: Who pays? A: Our budget covers half.\n\n"
        "Q: Is it safe? A: I think so.\n\n"
        "We asked the mayor for comment. Our calls were not returned.\n\n"
        "The bridge will open in 2027."
    )
    found = [f for f in lint(story, "editorial.first-person", header=True)]
    assert [f.level for f in found] == ["warning", "warning"]


# -- sentence marks ------------------------------------------------------------------------------
def test_exclamation_and_question_in_narration_only() -> None:
    text = 'The minister resigned! Is this the end of the peace process? "Why?" she asked.'
    assert matches(text, "editorial.exclamation") == ["!"]
    assert matches(text, "editorial.rhetorical-question") == [
        "Is this the end of the peace process?"
    ]
    assert matches("Yahoo! said profits rose.", "editorial.exclamation") == []


# -- bias.loaded ------------------------------------------------------------------------------
def test_loaded_words_offer_neutral_alternatives() -> None:
    [found] = lint("Soldiers slaughtered the villagers.", "bias.loaded")
    assert found.match == "slaughtered"
    assert found.suggestions == ("kill",)
    assert found.level == "warning"


def test_loaded_skips_names_attributed_labels_and_neutral_news_words() -> None:
    clean = (
        "The Radical Party won 4 percent. Police said 12 people were killed in the attack. "
        "The government branded the protesters thugs. A terrorist attack killed two people."
    )
    assert [f for f in lint(clean, "bias.loaded") if f.level != "suggestion"] == []


def test_regime_is_only_a_suggestion() -> None:
    [found] = lint("The regime closed the border.", "bias.loaded")
    assert found.level == "suggestion"


# -- bias.said-bookism ------------------------------------------------------------------------------
def test_said_bookism_suggests_said_in_the_same_form() -> None:
    found = lint(
        'The senator slammed the proposal. "It is fine," he claims. She boasted that sales rose.',
        "bias.said-bookism",
    )
    assert [(f.match, f.suggestions) for f in found] == [
        ("slammed", ("criticised",)),
        ("claims", ("says",)),
        ("boasted", ("said",)),
    ]


def test_said_bookism_ignores_non_speech_senses() -> None:
    text = (
        "The car slammed into a wall. The group claimed responsibility for the attack. "
        "He was admitted to hospital. The rocket blasted off."
    )
    assert lint(text, "bias.said-bookism") == []


# -- bias.weasel ----------------------------------------------------------------------------------
def test_weasel_needs_no_named_source_nearby() -> None:
    assert matches("Some say the election was stolen.", "bias.weasel") == ["Some say"]
    named = "Experts say the vaccine is safe. Dr Jane Lee of Johns Hopkins said trials went well."
    assert matches(named, "bias.weasel") == []
    assert matches("Residents will have some say in how it is spent.", "bias.weasel") == []
    assert matches("Studies show that sleep matters (7).", "bias.weasel") == []


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Experts warn that the dam could fail.", "Experts warn"),
        ("Observers note that turnout was low.", "Observers note"),
        ("It is said that the deal is dead.", "It is said that"),
        ("The governor is widely seen as the favourite.", "widely seen as"),
        ("Many fear the vote could spark violence.", "Many fear"),
        # a name elsewhere in the sentence is what the claim is about, not its source
        ("Critics say President Vladimir Putin wants to rule for life.", "Critics say"),
        (
            "The plan, which Mayor Jane Smith backs, is one that critics say will fail.",
            "critics say",
        ),
    ],
)
def test_weasel_shapes(text: str, match: str) -> None:
    assert matches(text, "bias.weasel") == [match]


@pytest.mark.parametrize(
    "text",
    [
        "Capital Economics analysts say the rate will rise.",
        "Critics say, citing a Brookings Institution study, that rents will rise.",
        "Dozens of reporters covered the trial, many claiming press passes.",
        "The senator and her supporters have claimed that the count was flawed.",
        "Pentagon officials said the drill was planned months ago.",
    ],
)
def test_weasel_passes_named_sources_and_non_attributions(text: str) -> None:
    assert matches(text, "bias.weasel") == []


@pytest.mark.eval
def test_weasel_hand_review_is_complete_and_precise(capsys: pytest.CaptureFixture[str]) -> None:
    """Every hit on the eval corpora has a hand verdict, and enough of them are unsourced
    (limits stored by benchmarks/bias_eval.py)."""
    shared_path("bias", "babe_sg2.csv")
    import bias_eval
    from core import assert_check

    review = bias_eval.weasel_review(quiet=True)
    assert_check("bias_eval", "weasel_review.not_judged", review["not_judged"])
    assert_check("bias_eval", "weasel_review.precision", review["all"]["precision"])


# -- density escalation -----------------------------------------------------------------------------
def test_boosters_escalate_only_when_dense() -> None:
    one = "The plan is clearly unworkable. " + "The council met on Monday to discuss it. " * 30
    assert [f.level for f in lint(one, "bias.intensifier")] == ["suggestion"]
    dense = "The plan is clearly bad. It is obviously late. The cost is staggering. It failed."
    found = lint(dense, "bias.intensifier")
    assert len(found) == 3 and {f.level for f in found} == {"warning"}


# -- stacked judgement -------------------------------------------------------------------------
def test_verdict_needs_two_different_cues_in_one_sentence_and_gives_one_finding() -> None:
    one = "The storm moved very slowly. It was probably the last of the season."
    assert lint(one, "bias.verdict") == []
    two = "The plan is truly senseless and clearly doomed. The council met on Monday."
    found = lint(two, "bias.verdict")
    assert [(f.line, f.level) for f in found] == [(1, "warning")]
    assert "'truly', 'senseless', 'clearly'" in found[0].message
    repeated = "It was very, very late."  # one cue twice is not a stack
    assert lint(repeated, "bias.verdict") == []


def test_verdict_leaves_reported_and_quoted_judgement_alone() -> None:
    assert lint("The critic argued that it was truly a senseless plan.", "bias.verdict") == []
    assert lint('"It is truly a senseless plan," the mayor said.', "bias.verdict") == []
    # the noun "state" is not a reporting verb
    state = "The state budget is probably the worst in a decade."
    assert len(lint(state, "bias.verdict")) == 1


def test_verdict_is_a_suggestion_in_an_opinion_column(tmp_path: Path) -> None:
    body = "The plan is truly senseless and clearly doomed.\n"
    (tmp_path / "column.md").write_text("---\ntype: opinion\n---\n\n" + body, encoding="utf-8")
    (tmp_path / "story.md").write_text("---\ntype: news\n---\n\n" + body, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--min-level", "suggestion", ".", cwd=tmp_path)
    levels = {
        Path(f["path"]).name: [x["level"] for x in f["findings"] if x["rule"] == "bias.verdict"]
        for f in json.loads(proc.stdout)["files"]
    }
    assert levels == {"column.md": ["suggestion"], "story.md": ["warning"]}


def test_aside_flags_a_columnists_self_reference_in_narration_only() -> None:
    assert matches("As I have written before, the plan was never costed.", "editorial.aside") == [
        "As I have written"
    ]
    assert lint('"As I said, it was never costed," she said.', "editorial.aside") == []


# -- switching the pack off, and --stats ---------------------------------------------------------
def test_opinion_front_matter_switches_the_pack_off(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        "overrides:\n  - front-matter: {type: opinion}\n    ignore: [editorial.*, bias.*]\n",
        encoding="utf-8",
    )
    body = (
        "# Council meets\n\nWe must act now. Stop the bloody war!\n\nThe council met on Monday.\n"
    )
    (tmp_path / "column.md").write_text("---\ntype: opinion\n---\n\n" + body, encoding="utf-8")
    (tmp_path / "story.md").write_text("---\ntype: news\n---\n\n" + body, encoding="utf-8")
    proc = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    by_path = {
        Path(f["path"]).name: [x for x in f["findings"] if x["rule"].startswith(FAMILIES)]
        for f in json.loads(proc.stdout)["files"]
    }
    assert by_path["column.md"] == []
    assert {f["rule"] for f in by_path["story.md"]} >= {"editorial.first-person", "bias.loaded"}


def test_stats_give_density_per_1000_narration_words() -> None:
    proc = run_cli(
        "check", "--select", "editorial.*,bias.*", "--stats", "--format", "json", str(SEED)
    )
    stats = json.loads(proc.stdout)["files"][0]["stats"]
    density = stats["per_1000_narration_words"]
    assert set(density) == {"editorial", "bias"}
    expected = stats["findings"]["bias"] * 1000 / stats["narration_words"]
    assert density["bias"] == pytest.approx(expected, abs=0.01)


# -- third-party data (skipped in a plain clone) -----------------------------------------------
@pytest.mark.eval
def test_few_warnings_on_professional_english_copy() -> None:
    shared_path("clean", "scrapinghub")
    import bias_eval
    from core import assert_check

    views, _ = bias_eval.clean_rates(RULES, LINTER, Config(), only=["scrapinghub"])
    rate = views["English"].rate("scrapinghub", bias_eval.warning_plus)
    assert_check("bias_eval", "clean.english.scrapinghub.warning_per_1000", rate)


@pytest.mark.eval
def test_loaded_warnings_are_precise_on_babe() -> None:
    shared_path("bias", "babe_sg2.csv")
    import bias_eval
    from core import assert_check

    loaded = [r for r in RULES if r.id == "bias.loaded"]
    flagged = bias_eval.babe_flags(loaded, LINTER, Config(), bias_eval.babe_rows())
    hits = flagged["bias.loaded [warning]"]
    assert len(hits) >= 40
    assert_check("bias_eval", "babe.bias.loaded.warning.precision", sum(hits) / len(hits))


# -- genre-independent precision fixes (issue 15) --------------------------------------------------
def test_the_reporters_factual_i_is_a_suggestion_and_an_opinion_a_warning() -> None:
    story = (
        "The council met on Monday. I asked the mayor about the budget. She told me it was final."
    )
    assert [f.level for f in lint(story, "editorial.first-person")] == ["suggestion", "suggestion"]
    opinion = "The council met on Monday. I think the budget is wrong."
    assert [f.level for f in lint(opinion, "editorial.first-person")] == ["warning"]
    outlet = "The council met on Monday. We asked the mayor about the budget."
    assert [f.level for f in lint(outlet, "editorial.first-person")] == ["warning"]


def test_party_tags_coal_mines_and_sentence_openers_are_not_first_person() -> None:
    text = (
        "Sen. Angus King, I-Maine, voted no. Sen. Bernie Sanders (I-Vt.) abstained. "
        "The coal mine closed in 2019."
    )
    assert matches(text, "editorial.first-person") == []
    assert matches("The vote passed. Nonetheless I believe it fails.", "editorial.first-person")


def test_framed_attributed_and_standalone_questions_are_not_rhetorical() -> None:
    framed = (
        "The talks ended on Friday.\n\nWho will pay for the bridge?\n\n"
        "The question now is: who will pay for it? Who pays? the mayor asked."
    )
    assert matches(framed, "editorial.rhetorical-question") == []
    device = "The talks ended on Friday. Who will pay for the bridge now?"
    assert matches(device, "editorial.rhetorical-question") == ["Who will pay for the bridge now?"]


def test_judgement_words_warn_while_labels_and_stance_adverbs_suggest() -> None:
    found = {
        f.match: f.level
        for f in lint(
            "The reckless plan failed. Sadly, the leftist mayor resigned. It was a terrible week.",
            "bias.loaded",
        )
    }
    assert found == {
        "reckless": "warning",
        "Sadly": "suggestion",
        "leftist": "suggestion",
        "terrible": "suggestion",
    }


def test_literal_senses_and_accepted_terms_are_not_loaded() -> None:
    text = (
        "Police found a bloodied mask and bloody clothes in the car. The farm will slaughter "
        "livestock. Two terror suspects and a terrorist suspect were held. The mob scene lasted "
        "an hour. The governor called the opposition leader a terrorist."
    )
    assert matches(text, "bias.loaded") == []
    assert matches("The governor is a reckless terrorist.", "bias.loaded") == [
        "reckless",
        "terrorist",
    ]


# -- whose voice: statements without quotation marks, generic "we", names, titles ---------------
CANDIDATES = (
    "The paper asked the three candidates for a closing statement. Their final pleas came from"
    " Ana Ruiz, Tom Berg and Lee Park.\n\n"
    "Those giving their final pleas are: Ana Ruiz, Tom Berg, and Lee Park.\n\n"
    "I will cut bus fares in my first week, and we will open the depot to visitors.\n\n"
    "Our roads are a disgrace. We can fix them if you vote for us.\n\n"
    "The polls open at 7 a.m. on Tuesday, the county clerk said.\n\n"
    "We visited two polling stations on Monday."
)


def test_a_panel_of_unquoted_statements_owns_its_first_person() -> None:
    found = lint(CANDIDATES, "editorial.first-person")
    assert [f.match for f in found] == ["We"]  # the reporter's, after the statements end
    assert found[0].line == 11


def test_the_first_person_after_a_writing_verb_and_colon_is_the_writers_of_the_letter() -> None:
    text = "The head teacher wrote to parents on Friday:\n\nWe have heard you. I am sorry."
    assert matches(text, "editorial.first-person") == []
    mentioned = "The head teacher wrote to parents on Friday.\n\nWe have heard you."
    assert matches(mentioned, "editorial.first-person") == ["We"]


def test_loaded_words_in_an_unquoted_statement_are_the_speakers() -> None:
    text = "The union posted a statement. It reads:\n\nWe will not let the regime's thugs win."
    assert matches(text, "bias.loaded") == []
    assert "thugs" in matches("The regime's thugs won on Friday.", "bias.loaded")


def test_according_to_a_statement_hands_the_rest_of_the_sentence_to_it() -> None:
    assert (
        matches("According to a statement from the club, we are proud.", "editorial.first-person")
        == []
    )
    assert matches("According to the club, we are proud.", "editorial.first-person") == ["we"]


def test_indirect_speech_after_a_third_persons_verb() -> None:
    assert matches("The coach said we would see a new team.", "editorial.first-person") == []
    assert matches("We said we would see a new team.", "editorial.first-person") == ["We"]


def test_the_we_of_people_in_general() -> None:
    assert matches("The virus binds to receptors on our cells.", "editorial.first-person") == []
    assert matches("The air is too thin for lungs like ours.", "editorial.first-person") == []
    assert matches("It matters in a country like ours.", "editorial.first-person") == ["ours"]
    assert matches("Our hearts go out to the families.", "editorial.first-person") == ["Our"]


def test_a_surname_opening_a_sentence_is_not_an_attribution_verb() -> None:
    named = "The case went to prosecutor Ann Slam. Slam criticised the delay on Friday."
    assert matches(named, "bias.said-bookism") == []
    assert matches("Critics slammed the delay on Friday.", "bias.said-bookism") == ["slammed"]


def test_a_title_ending_in_a_question_mark_is_not_a_question() -> None:
    rule = "editorial.rhetorical-question"
    assert matches("Fans bought the single Will It Rain? within hours of its release.", rule) == []
    assert matches("The band closed with Where Is the Ferry?", rule) == []
    asked = matches("The mayor quit. Who will replace Deputy Mayor Anna Berg?", rule)
    assert len(asked) == 1 and asked[0].startswith("Who will replace")


def test_the_writer_addressing_the_reader() -> None:
    rule = "editorial.address"
    assert matches("Consider the budget the council passed in May.", rule) == ["Consider"]
    assert matches("And remember that the bridge is closed.", rule) == ["And remember"]
    assert matches("Councillors will consider the budget.", rule) == []
    assert matches('"Remember the bridge," the engineer said.', rule) == []


def test_a_speech_verb_comma_and_capital_hands_the_sentence_to_the_speaker() -> None:
    text = "In her memoir the judge wrote, We owe the court our patience."
    assert matches(text, "editorial.first-person") == []
    narration = "The judge wrote a memoir, and we owe her our patience."
    assert matches(narration, "editorial.first-person") == ["we"]


def test_reader_address_in_a_piece_written_in_the_personal_register_is_one_notice() -> None:
    column = (
        "We moved to the harbour district ten years ago.\n\n"
        "Consider the buses. We wait an hour for one, and our neighbours wait longer.\n\n"
        "Remember the promise of a tram. We were told it would come by 2020.\n\n"
        "Imagine the district with a tram. Our streets would be quieter.\n\n"
        "We still hope the council keeps its word."
    )
    found = lint(column, "editorial.address")
    assert [(f.match, f.level) for f in found] == [("Consider", "suggestion")]
    assert "3 in this piece" in found[0].message


# -- derived judgement forms (phrase kind's derive) -------------------------------------------------
def test_loaded_judgement_reaches_the_adverbs_and_nouns_of_its_adjectives() -> None:
    text = (
        "The board's incompetence cost the town its library. "
        "The developer shamelessly took credit for the bridge. "
        "Officials handled the flood recklessly and with callousness."
    )
    found = {f.match: f.level for f in lint(text, "bias.loaded")}
    assert found == {
        "incompetence": "warning",
        "shamelessly": "warning",
        "recklessly": "warning",
        "callousness": "warning",
    }


def test_derived_forms_keep_the_rules_exemptions() -> None:
    # a speaker's words, a degree adverb (a booster), a capitalised name
    text = (
        '"Their incompetence cost us the library," the mayor said. '
        "The bus was awfully close to the kerb. She moved to Shamelessly Records in May."
    )
    assert [f.match for f in lint(text, "bias.loaded") if f.level == "warning"] == []


def test_derived_forms_are_only_those_wordnet_knows() -> None:
    from newslint.engine.support.derive import candidates, derived_forms

    assert {"recklessly", "recklessness"} <= candidates("reckless")
    forms = derived_forms(["reckless", "incompetent", "rant"], listed=["recklessly"])
    assert forms == {
        "recklessness": "reckless",
        "incompetence": "incompetent",
        "incompetently": "incompetent",
    }
    assert candidates("far-right") == set()


def test_derive_with_an_unknown_category_is_a_one_line_usage_error(tmp_path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(
        "family: house\nrules:\n  - id: house.judge\n    kind: phrase\n"
        "    phrases: {judgement: [reckless]}\n    derive: [moral]\n    message: '{match}'\n"
    )
    (tmp_path / ".newslint.yaml").write_text("packs: [./house]\n")
    (tmp_path / "story.txt").write_text("Headline\n\nThey drove recklessly.\n")
    proc = run_cli("check", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown category 'moral'" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
