"""The boilerplate pack: web-page furniture is flagged, with the right rule; clean copy is not."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEED, SEED_ACCEPTED_LINES, seed_line, shared_path

from newslint.config import Config
from newslint.engine.linter import Linter
from newslint.engine.rules import load_rules
from newslint.findings import Finding
from newslint.readers import parse

RULES = load_rules([("news", str(ROOT / "rules" / "news" / "boilerplate.yaml"))])
LINTER = Linter()


def lint(text: str, fmt: str = "text") -> list[Finding]:
    document = parse(text, "<test>", fmt)
    return LINTER.lint_document(document, Config(), rules=RULES).findings


def rules_on_line(findings: list[Finding], line: int) -> set[str]:
    return {f.rule for f in findings if f.line == line}


@pytest.fixture(scope="module")
def seed_findings() -> list[Finding]:
    return lint(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("We want to keep our journalism open and accessible", "boilerplate.appeal"),
        ("A Syrian man receives treatment", "boilerplate.caption"),
        ("What do we know of recent chemical weapons use?", "boilerplate.heading"),
        ("Other reports by", "boilerplate.related"),
        ("Discuss This Article", "boilerplate.comments"),
    ],
)
def test_sample_article_leaks_are_flagged(
    seed_findings: list[Finding], text: str, rule: str
) -> None:
    assert rule in rules_on_line(seed_findings, seed_line(text))


@pytest.mark.parametrize(
    "text",
    [
        *SEED_ACCEPTED_LINES,
        "Russian and Syrian Jets Pound Idlib Province After Summit",  # headline
        "Minnie Murray",  # byline
        "September 9, 2018",  # dateline
    ],
)
def test_sample_article_copy_is_not_flagged(seed_findings: list[Finding], text: str) -> None:
    assert not rules_on_line(seed_findings, seed_line(text))


def test_appeal_inside_a_paragraph_flags_only_the_appeal_sentence(
    seed_findings: list[Finding],
) -> None:
    (appeal,) = [f for f in seed_findings if f.rule == "boilerplate.appeal"]
    assert appeal.match.startswith("We want to keep our journalism open")
    assert appeal.match.endswith("the Jewish World.")
    assert "Yetk" not in appeal.match and "bloodbath" not in appeal.match


def test_each_leak_gets_a_message_naming_its_kind(seed_findings: list[Finding]) -> None:
    messages = {f.rule: f.message for f in seed_findings}
    assert messages["boilerplate.appeal"].startswith("Donation or subscription appeal")
    assert messages["boilerplate.caption"].startswith("Photo caption")
    assert messages["boilerplate.comments"].startswith("Comment prompt")


def test_caption_needs_present_tense_and_a_date() -> None:
    caption = "A woman walks past a damaged building in the old city of Aleppo, Syria, on 3 November 2016."
    past = "A woman walked past a damaged building in the old city of Aleppo, Syria, on 3 November 2016."
    plural = "Revenues from the tariffs have totaled about $63 billion through June 30, 2019."
    body = "The talks resumed on Monday after a week of strikes.\n\n"
    assert [f.rule for f in lint(body + caption)] == ["boilerplate.caption"]
    assert not lint(body + past)
    assert not lint(body + plural)


def test_short_sentences_and_subheadings_are_not_fragments() -> None:
    text = (
        "The talks resumed on Monday after a week of strikes, officials said.\n\n"
        "A Job for Tuft Cells\n\n"
        "At least 74 people died.\n\n"
        "The cells were first described in 1956 by a team in Sweden."
    )
    assert not lint(text)


def test_markdown_heading_is_a_heading_not_a_fragment() -> None:
    text = (
        "# Jets pound Idlib\n\nThe strikes continued on Saturday, monitors said.\n\n"
        "## What we know\n\nAt least 74 people died in the attack in April.\n\n"
        "## Sign In\n\nThe talks are set to resume on Monday."
    )
    assert not [f for f in lint(text, "markdown") if f.rule == "boilerplate.fragment"]


def test_scraped_page_menus_are_flagged_with_their_kind() -> None:
    lines = [
        "Jets pound Idlib after summit",
        "World News",
        "Business Video",
        "Real Estate",
        "Life & Arts",
        "Markets Video",
        "Sign In",
        "The strikes continued on Saturday, monitors said, as talks between the three powers broke up.",
        "Thousands of refugees had fled to Turkey after the regime assault on Aleppo in 2016.",
        "Share this story",
        "Most Popular Articles",
        "Beware the Gift Card Scam",
        "Arizona Development Bans Residents From Bringing Cars",
        "Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.",
    ]
    findings = lint("\n\n".join(lines))
    by_line = {f.line: f.rule for f in findings}
    line_of = {text: 1 + 2 * i for i, text in enumerate(lines)}
    assert by_line[line_of["Sign In"]] == "boilerplate.navigation"
    assert by_line[line_of["Markets Video"]] == "boilerplate.fragment"  # top lines are header
    assert by_line[line_of["Share this story"]] == "boilerplate.share"
    assert by_line[line_of["Most Popular Articles"]] == "boilerplate.related"
    assert by_line[line_of["Beware the Gift Card Scam"]] == "boilerplate.fragment"
    assert by_line[line_of["Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved."]] == (
        "boilerplate.legal"
    )
    assert line_of[lines[0]] not in by_line  # the headline
    for sentence in lines[7:9]:
        assert line_of[sentence] not in by_line


def test_an_article_with_lists_but_no_page_furniture_is_left_alone() -> None:
    text = (
        "The band announced a 30-date tour on Monday, its first in five years.\n\n"
        "Tour Dates\n\nGuest Stars\n\nNew Songs\n\nOld Favourites\n\n"
        "Tickets go on sale on Friday, the promoter said."
    )
    assert not lint(text)


def test_questions_that_structure_an_explainer_are_not_leaks() -> None:
    text = (
        "The tariffs took effect in 2018, the agency said.\n\n"
        "Who pays the cost of a tariff?\n\n"
        "Importers pay the duty at the border, economists say.\n\n"
        "What tariffs has the United States imposed?\n\n"
        "The duties cover steel, aluminium and many Chinese goods."
    )
    assert not [f for f in lint(text) if f.rule == "boilerplate.heading"]


def test_quoted_appeal_is_speech_not_furniture() -> None:
    text = '"Please consider donating to the fund," the mayor told reporters on Friday.'
    assert not lint(text)


@pytest.mark.eval
def test_clean_professional_copy_stays_quiet() -> None:
    """Clean article bodies stay under the stored limit of findings per 1,000 words (the page
    with most findings, a shop page of product widgets, aside): benchmarks/boilerplate_eval.py."""
    shared_path("clean", "scrapinghub")
    import boilerplate_eval
    from core import assert_check

    rules = boilerplate_eval.boilerplate_rules()
    _, trimmed = boilerplate_eval.clean_rates(Linter(), rules, only=["scrapinghub"])
    assert_check(
        "boilerplate_eval",
        "clean.scrapinghub.per_1000_but_busiest_page",
        trimmed.rate("scrapinghub"),
    )


ARTICLE = [
    "Chargers coach Anthony Lynn said on Tuesday that his team's playoff hopes were slim after a "
    "fourth loss in five games, and that the offence had to change.",
    "Lynn said the team saw the Monday night game as the most important step toward the playoffs, "
    "but four interceptions by Philip Rivers ended any hope of a comeback.",
    "At 4-7, the Chargers would probably not make the playoffs even if they won every remaining "
    "game, because they have lost too many games inside the conference this season.",
]


def _flagged_lines(lines: list[str]) -> dict[str, set[str]]:
    findings = lint("\n\n".join(lines))
    line_of = {1 + 2 * i: text for i, text in enumerate(lines)}
    out: dict[str, set[str]] = {}
    for f in findings:
        out.setdefault(line_of[f.line], set()).add(f.rule)
    return out


def test_teasers_after_a_section_label_are_outside_the_article() -> None:
    lines = [
        "Sign In",
        *ARTICLE,
        "Share this story",
        "Related Stories",
        "Texans beat the Ravens in overtime on a late field goal",
        "The Texans needed a field goal in the final seconds to stay top of the division.",
        "Browns suspend their defensive end for the rest of the season",
        "The league said the suspension would last at least until the end of the playoffs.",
        "Privacy Policy",
    ]
    flagged = _flagged_lines(lines)
    assert not any(text in flagged for text in ARTICLE)
    assert flagged[lines[6]] == {"boilerplate.fragment"}
    assert flagged[lines[7]] == {"boilerplate.outside"}
    assert flagged[lines[9]] == {"boilerplate.outside"}


def test_a_related_box_inside_the_story_does_not_end_it() -> None:
    lines = [
        "Sign In",
        *ARTICLE[:2],
        "Related Stories",
        "Texans beat the Ravens in overtime on a late field goal",
        *ARTICLE[2:],
        "Lynn declined to say whether Rivers would start against the Chiefs in Mexico City on Monday.",
        "The team returns to practice on Wednesday, a spokesman said after the game.",
        "Privacy Policy",
    ]
    flagged = _flagged_lines(lines)
    assert not any(text in flagged for text in lines[1:3] + lines[5:8])


def test_a_comment_thread_is_not_article_text() -> None:
    lines = [
        "Sign In",
        *ARTICLE,
        "Share this:",
        "thelastfan says:",
        "November 19, 2019 at 6:34 am",
        "It's a good thing we have no fans left because this is a dumpster fire.",
        "joetoronto says:",
        "November 19, 2019 at 6:44 am",
        "It's time for both fans to come to grips with reality, it's over yet again.",
        "Privacy Policy",
    ]
    flagged = _flagged_lines(lines)
    assert not any(text in flagged for text in ARTICLE)
    for text in lines[5:11]:
        assert text in flagged, text


def test_a_long_product_menu_shows_a_scraped_page() -> None:
    menu = ["Mac mini", "macOS Catalina", "iPhone XS Max", "iOS 13", "Apple Watch Series 4"]
    menu += ["watchOS 6", "iPad mini", "Apple Music", "Apple TV 4K", "tvOS 13", "Toggle dark mode"]
    lines = ["Gift guide for the person who has everything", *menu, "Toggle main menu", *ARTICLE]
    flagged = _flagged_lines(lines)
    assert all(item in flagged for item in menu)
    assert not any(text in flagged for text in ARTICLE)


def test_a_product_box_is_one_suggestion_and_its_lines_are_left_alone() -> None:
    box = [
        "Apple AirPods Pro",
        "Active noise cancellation for immersive sound",
        "Sweat and water resistant",
        "Apple AirPods Pro",
        "$234.98",
        "Available from Amazon",
        "BGR may receive a commission",
        "Buy Now",
    ]
    lines = ["Sign In", *ARTICLE, *box, *box, "Privacy Policy"]
    findings = lint("\n\n".join(lines))
    boxes = [f for f in findings if f.rule == "boilerplate.commerce"]
    assert len(boxes) == 2 and all(f.level == "suggestion" for f in boxes)
    assert boxes[0].match.startswith("Apple AirPods Pro") and boxes[0].match.endswith("Buy Now")
    first_box_lines = range(1 + 2 * 4, 1 + 2 * (4 + 2 * len(box)))
    others = [f for f in findings if f.rule != "boilerplate.commerce" and f.line in first_box_lines]
    assert not others


def test_an_inline_shopping_link_in_a_story_is_no_product_box() -> None:
    text = (
        "The earbuds cost $234.98 at launch, and Amazon said it would not cut the price.\n\n"
        "Get it on Amazon for $234.98\n\n"
        "Sony's rival pair costs less and lasts longer on a charge, reviewers said."
    )
    assert not [f for f in lint(text) if f.rule == "boilerplate.commerce"]


def test_a_numbered_heading_ending_on_a_preposition_is_not_a_cut_off_label() -> None:
    text = (
        "Food and mood journals can help identify triggers, a dietitian said on Monday.\n\n"
        "12. Find someone to talk to\n\n"
        "Talking to a friend or peer when you feel like binging may help, studies show."
    )
    assert not lint(text)


def test_a_colon_label_far_up_the_menu_does_not_make_it_a_data_list() -> None:
    lines = [
        "Search for:",
        "Skip to content",
        *[f"{name} Workouts" for name in ("Ab", "Beginner", "Home", "Cardio", "Core", "Leg")],
        "21 Day Fix Results",
        "INSANITY MAX: 30",
        *ARTICLE,
        "Privacy Policy",
    ]
    flagged = _flagged_lines(lines)
    assert "21 Day Fix Results" in flagged and "INSANITY MAX: 30" in flagged
    data = ["Tickets:", "VIP : 60,000 won", "R : 50,000 won", "S : 40,000 won"]
    flagged = _flagged_lines(["Sign In", "Skip to content", *ARTICLE, *data, "Privacy Policy"])
    assert not any(line in flagged for line in data[1:])


def test_teasers_cut_off_with_an_ellipsis_do_not_resume_the_article() -> None:
    teasers = [
        "Microsoft removes the safeguard hold for Windows 10 users with Realtek Bluetooth...",
        "by Anmol",
        "Windows 10 1909 (November 2019 Update) is now available via Windows 10 Update Ass...",
        "by Rahul",
        "Microsoft is now rolling out the Windows 10 November Update to more devices...",
    ]
    lines = ["Sign In", *ARTICLE, "Read these next", *teasers, "Privacy Policy"]
    flagged = _flagged_lines(lines)
    assert not any(text in flagged for text in ARTICLE)
    assert all(text in flagged for text in teasers)


def test_authored_markdown_lists_and_bold_subheads_are_not_fragments() -> None:
    from newslint import lint_text

    post = "\n".join(
        [
            "Sign In",
            "",
            "Privacy Policy",
            "",
            "The release adds night routes to the timetable, and the map loads twice as fast.",
            "",
            "**What changed**",
            "",
            "- Faster map tiles and",
            "- Night routes for the two harbour lines",
            "- Is the old app still supported?",
            "",
            "Thanks to everyone who tested the beta over the summer and sent us their notes.",
            "",
            "* Ana Bell",
            "* Tom Reyes",
            "* Lee Park",
        ]
    )
    found = lint_text(
        post,
        fmt="markdown",
        path="post.md",
        select=["boilerplate.fragment", "boilerplate.heading"],
        profile="news",
    )
    assert [f.match for f in found if f.match not in ("Sign In", "Privacy Policy")] == []
    as_text = lint_text(
        post.replace("**", "").replace("- ", "").replace("* ", ""),
        path="post.txt",
        select=["boilerplate.fragment"],
        profile="news",
    )
    assert "Faster map tiles and" in {f.match for f in as_text}  # scraped: a cut-off link label
