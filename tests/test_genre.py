"""Genre detection and profiles: what kind of piece a file is, and which rules it gets."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from newslint import lint_text
from newslint.engine.linter import Linter
from newslint.errors import ConfigError
from newslint.frontends.cli import main
from newslint.genre import detect
from newslint.readers import load_document, parse

BLOG_POST = textwrap.dedent(
    """\
    ---
    title: Our tram app turns one
    layout: post
    ---

    We launched the tram timetable app a year ago, and we have learned a lot since then.

    Our team rebuilt the map twice. We moved the data to a new server in March, and our riders
    noticed the speed.

    We want to thank everyone who sent us feedback. Our next release adds night routes.

    Sign up for the beta and try it on your phone. We read every message.
    """
)

NEWS_STORY = textwrap.dedent(
    """\
    Council approves tram extension

    The city council voted 7-2 on Tuesday to extend the tram line to the harbour, officials said.

    The extension will cost $40 million, according to the transport department.

    "It links the last two districts without a service," the mayor told reporters.

    Opponents said the money should go to buses. Construction starts in May, the council said.

    Two councillors voted against the plan, the clerk said.
    """
)

INTERVIEW = textwrap.dedent(
    """\
    Five questions for the tram engineer

    Dana Ruiz has run the tram depot for a decade. She spoke about the new line.

    Q: How long did the track take?

    A: About eighteen months, with two winters in the middle.

    Q: What surprised you?

    A: How much the old rails under the road were still worth. We sold them for scrap.

    Q: What comes next?

    A: I want night service. We need six more drivers first.
    """
)

PRESS_RELEASE = textwrap.dedent(
    """\
    Harbour Trams adds night service

    FOR IMMEDIATE RELEASE

    PORTVILLE, May 3, 2024 — Harbour Trams today announced night service on its two lines.

    "Riders asked for it and we listened," said chief executive Ana Bell.

    About Harbour Trams

    Harbour Trams runs the city's tram network.

    Media contact: press@example.org
    """
)

HOW_TO = textwrap.dedent(
    """\
    How to renew your tram pass

    You can renew your pass online in five minutes. Open the app and sign in.

    Choose the pass you want and check the dates. Pay with a card or your account balance.

    Keep the receipt until the new pass shows in your wallet. Contact the help desk if it does
    not appear within a day.
    """
)


def _doc(text: str, path: str = "story.txt", fmt: str = "text"):
    return parse(text, path, fmt)


# -- detection ----------------------------------------------------------------------------------
def test_a_report_in_the_third_person_with_sources_is_news() -> None:
    decision = detect(_doc(NEWS_STORY))
    assert decision.genre == "news"
    assert decision.origin == "text"
    assert "attribute" in decision.reasons[0]


def test_quoted_first_person_is_the_speakers_not_the_writers() -> None:
    story = NEWS_STORY.replace(
        '"It links the last two districts without a service,"',
        '"We will link our last two districts, and we will not stop there,"',
    )
    assert detect(_doc(story)).genre == "news"


def test_question_and_answer_turns_make_an_interview() -> None:
    decision = detect(_doc(INTERVIEW))
    assert decision.genre == "qa"
    assert "question-and-answer" in decision.reasons[0]


def test_a_short_exchange_quoted_in_a_report_is_not_an_interview() -> None:
    story = NEWS_STORY + "\nQ: When will it open?\n\nA: In May.\n"
    assert detect(_doc(story)).genre == "news"


def test_press_release_marks() -> None:
    decision = detect(_doc(PRESS_RELEASE))
    assert decision.genre == "press-release"
    assert "for immediate release" in decision.reasons[0]


def test_a_guide_title_and_instructions_make_a_how_to() -> None:
    assert detect(_doc(HOW_TO)).genre == "how-to"


def test_an_organisations_post_is_a_blog_post(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    decision = detect(parse(BLOG_POST, str(path), "markdown"))
    assert decision.genre == "blog"
    assert any("'we'" in r for r in decision.reasons)
    assert any("layout: post" in r for r in decision.reasons)


def test_a_news_story_in_a_blog_folder_is_still_news(tmp_path: Path) -> None:
    folder = tmp_path / "blog"
    folder.mkdir()
    decision = detect(_doc(NEWS_STORY, str(folder / "tram.txt")))
    assert decision.genre == "news"
    assert any(e.reason == "folder blog/" for e in decision.evidence)


def test_a_blog_folder_decides_when_the_text_says_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "blog"
    folder.mkdir()
    text = "Release 2.1\n\nVersion 2.1 fixes the timetable export.\n"
    decision = detect(_doc(text, str(folder / "release.txt")))
    assert (decision.genre, decision.origin) == ("blog", "folder")


UNDECIDED_POST = (
    "---\ntitle: Night routes\n---\n\nThe night routes start on Friday. We added four stops.\n"
)


def _collection(folder: Path, post: str, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"post-{n}.md").write_text(post, encoding="utf-8")


def test_an_undecided_post_among_blog_posts_is_a_blog_post(tmp_path: Path) -> None:
    posts = tmp_path / "site" / "content" / "2024"
    _collection(posts, BLOG_POST.replace("layout: post\n", ""), 6)
    path = posts / "night-routes.md"
    path.write_text(UNDECIDED_POST, encoding="utf-8")
    decision = detect(load_document(str(path)))
    assert (decision.genre, decision.origin) == ("blog", "folder")
    assert any("files beside it read as posts" in r for r in decision.reasons)


def test_an_undecided_post_among_news_stories_stays_news(tmp_path: Path) -> None:
    stories = tmp_path / "site" / "archive"
    _collection(stories, "---\ntitle: Tram\n---\n\n" + NEWS_STORY, 6)
    path = stories / "night-routes.md"
    path.write_text(UNDECIDED_POST, encoding="utf-8")
    decision = detect(load_document(str(path)))
    assert (decision.genre, decision.origin) == ("news", "default")


def test_too_few_neighbours_say_nothing(tmp_path: Path) -> None:
    posts = tmp_path / "few"
    _collection(posts, BLOG_POST, 2)
    (posts / ".git").mkdir()  # the repo's root: the walk up for a collection stops there
    path = posts / "night-routes.md"
    path.write_text(UNDECIDED_POST, encoding="utf-8")
    assert detect(load_document(str(path))).origin == "default"


EDITORIAL = textwrap.dedent(
    """\
    The harbour deserves better

    The council has again delayed the harbour wall, and the town is paying for it.

    Sadly, the delay is not new. The wall was first promised in 2009.

    The plan is misguided: it spends the money on offices instead of the wall.

    The council must fund the wall this year. It should stop commissioning studies.

    Storms will not wait for another report.
    """
)


def test_an_unsigned_editorial_that_judges_and_prescribes_is_opinion() -> None:
    decision = detect(_doc(EDITORIAL, "leader.txt"))
    assert decision.genre == "opinion"
    assert any("judge, prescribe or argue" in r for r in decision.reasons)


def test_a_report_of_someone_elses_demands_is_not_opinion() -> None:
    reported = EDITORIAL.replace("wall this year.", "wall this year, the mayor said.").replace(
        "studies.", "studies, residents argued."
    )
    assert detect(_doc(reported, "story.txt")).genre != "opinion"


def test_front_matter_type_decides() -> None:
    text = "---\ntype: opinion\n---\n\n" + NEWS_STORY
    decision = detect(_doc(text, "column.md", "markdown"))
    assert (decision.genre, decision.origin) == ("opinion", "front matter")


def test_a_news_tag_on_a_post_says_nothing() -> None:
    text = "---\ntags: [news, trams]\n---\n\nVersion 2.1 fixes the export.\n"
    decision = detect(_doc(text, "x.md", "markdown"), fallback="blog")
    assert (decision.genre, decision.origin) == ("blog", "default")


def test_nothing_to_go_on_falls_back() -> None:
    decision = detect(_doc("A short note.\n"), fallback="news")
    assert (decision.genre, decision.origin) == ("news", "default")


CHANGELOG = """# Changes

## tramline 2.4.0 (3 March 2025)

* Support timetables with more than one depot.
* Make the export keep blank stops.

## tramline 2.3.1 (9 January 2025)

* Fix the crash on an empty route file.
* Restore the old date format.

## tramline 2.3.0 (2 December 2024)

* Drop the legacy config loader.
* Add a map of the network.
"""

README = """# tramline

tramline reads a city's timetable files and checks them for gaps.

Install it with `pip install tramline`, then point it at a folder:

```
tramline check timetables/
```

See our contributing guide, and send us a pull request!
"""


def test_release_notes_are_not_news_when_nothing_else_says() -> None:
    decision = detect(_doc(CHANGELOG, "/nowhere/x/NEWS.md", "markdown"))
    assert (decision.genre, decision.origin) == ("blog", "text")
    assert "release notes: 3 headings name a release" in decision.reasons[0]
    findings = lint_text(CHANGELOG, fmt="markdown", path="/nowhere/x/NEWS.md")
    assert "editorial.slogan" not in _rules_of(findings)  # "Support timetables ...": a change
    as_news = lint_text(CHANGELOG, fmt="markdown", path="/nowhere/x/NEWS.md", profile="news")
    assert "editorial.slogan" in _rules_of(as_news)


def test_a_readme_with_code_is_documentation_not_news() -> None:
    decision = detect(_doc(README, "/nowhere/x/README.md", "markdown"))
    assert (decision.genre, decision.origin) == ("how-to", "text")
    assert decision.reasons[0].startswith("software documentation: 1 code blocks")
    findings = lint_text(README, fmt="markdown", path="/nowhere/x/README.md")
    assert not {"editorial.exclamation", "editorial.first-person"} & _rules_of(findings)
    as_news = lint_text(README, fmt="markdown", path="/nowhere/x/README.md", profile="news")
    assert {"editorial.exclamation", "editorial.first-person"} <= _rules_of(as_news)


PLAIN_README = """# tramline

tramline reads timetables for the city's tram network and prints the next departures.

It covers every line in the network. Our timetable files come from the transit authority.
"""


def test_a_readme_by_its_file_name_is_documentation_when_nothing_else_says() -> None:
    decision = detect(_doc(PLAIN_README, "/nowhere/x/README.md", "markdown"))
    assert (decision.genre, decision.origin) == ("how-to", "file")
    findings = lint_text(PLAIN_README, fmt="markdown", path="/nowhere/x/README.md")
    assert "editorial.first-person" not in _rules_of(findings)  # the project's own 'our'
    as_story = lint_text(PLAIN_README, fmt="markdown", path="/nowhere/x/story.md")
    assert "editorial.first-person" in _rules_of(as_story)
    report = (
        "The city council approved the tram budget on Monday, its chair said.\n\n"
        "The plan adds two lines, the transport office said in a statement.\n\n"
        "Work starts in May, officials told reporters.\n\n"
        "The depot will close for a week, according to the operator.\n"
    )
    assert detect(_doc(report, "/nowhere/x/README.md", "markdown")).genre == "news"


def test_the_technical_hint_yields_to_the_texts_voice() -> None:
    report = (
        "The city council approved the tram budget on Monday, its chair said.\n\n"
        "The plan adds two lines, the transport office said in a statement.\n\n"
        "Work starts in May, officials told reporters.\n\n"
        "The depot will close for a week, according to the operator.\n\n"
        "```\nroute 4: closed\n```\n"
    )
    assert detect(_doc(report, "/nowhere/x/story.md", "markdown")).genre == "news"
    versions_in_prose = "# Budget 2.0\n\nThe council met.\n\n## Plan 1.5\n\nIt voted.\n"
    assert detect(_doc(versions_in_prose, "/nowhere/x/a.md", "markdown")).origin == "default"


# -- profiles -----------------------------------------------------------------------------------
def _rules_of(findings) -> set[str]:
    return {f.rule for f in findings}


def test_blog_profile_drops_first_person_and_calls_to_action(tmp_path: Path) -> None:
    path = str(tmp_path / "post.md")
    auto = lint_text(BLOG_POST, fmt="markdown", path=path)
    assert not {"editorial.first-person", "editorial.slogan"} & _rules_of(auto)
    as_news = lint_text(BLOG_POST, fmt="markdown", path=path, profile="news")
    assert "editorial.first-person" in _rules_of(as_news)


def test_front_matter_profile_wins_over_the_genre(tmp_path: Path) -> None:
    text = BLOG_POST.replace("layout: post", "layout: post\nprofile: news")
    findings = lint_text(text, fmt="markdown", path=str(tmp_path / "post.md"))
    assert "editorial.first-person" in _rules_of(findings)


def test_unknown_front_matter_profile_is_a_file_error(tmp_path: Path) -> None:
    text = BLOG_POST.replace("layout: post", "layout: post\nprofile: bloggg")
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    result = Linter().lint_file(str(path))
    assert result.error is not None
    assert "unknown profile 'bloggg'" in result.error and "blog" in result.error


def test_override_profile_by_path_and_default_profile(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        "default-profile: blog\noverrides:\n  - files: ['desk/**']\n    profile: news\n",
        encoding="utf-8",
    )
    (tmp_path / "desk").mkdir()
    note = "An update.\n\nWe fixed the map. Sign up for the beta!\n"
    (tmp_path / "note.txt").write_text(note, encoding="utf-8")
    (tmp_path / "desk" / "note.txt").write_text(note, encoding="utf-8")
    linter = Linter()
    top = linter.lint_file(str(tmp_path / "note.txt"))
    desk = linter.lint_file(str(tmp_path / "desk" / "note.txt"))
    assert top.genre is not None and top.genre["profile"] == "blog"
    assert top.genre["chosen_by"] == "default-profile"
    assert desk.genre is not None
    assert (desk.genre["profile"], desk.genre["chosen_by"]) == ("news", "config override")
    assert "editorial.first-person" in _rules_of(desk.findings)
    assert "editorial.first-person" not in _rules_of(top.findings)


def test_genre_detection_off_uses_the_default_profile(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("genre-detection: off\n", encoding="utf-8")
    path = tmp_path / "i.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    result = Linter().lint_file(str(path))
    assert result.genre == {"profile": "news", "chosen_by": "default", "source_file": False}


def test_unknown_default_profile_names_the_line(tmp_path: Path) -> None:
    config = tmp_path / ".newslint.yaml"
    config.write_text("fail-on: warning\ndefault-profile: blgo\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(NEWS_STORY, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Linter().lint_file(str(tmp_path / "a.txt"))
    assert f"{config}:2: default-profile: unknown profile 'blgo'" in str(info.value)


def test_repo_profiles_add_to_a_shipped_one(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        "profiles:\n  blog: {ignore: [spelling.*]}\n  desk: {extends: blog}\n", encoding="utf-8"
    )
    path = tmp_path / "post.md"
    path.write_text(BLOG_POST.replace("learned a lot", "lernedd a lot"), encoding="utf-8")
    linter = Linter()
    result = linter.lint_file(str(path))
    assert result.genre is not None and result.genre["profile"] == "blog"
    assert not any(f.rule.startswith("spelling.") for f in result.findings)
    config = linter.config_for(str(path))
    desk = {r.id for r in linter.rules_for(config, "post.md", {}, "desk")}
    assert "editorial.first-person" not in desk and "spelling.typo" not in desk


def test_every_shipped_profile_resolves() -> None:
    linter = Linter()
    config = linter.config_for("story.txt")
    profiles = linter.profiles(config)
    assert set(profiles.names()) >= {"news", "opinion", "blog", "how-to", "press-release", "qa"}
    everything = {r.id for r in linter.rules_for(config, "", {})}
    for name in profiles.names():
        for source_file in (False, True):
            assert {r.id for r in linter.rules_for(config, "", {}, name, source_file)} <= everything
    assert {r.id for r in linter.rules_for(config, "", {}, "news")} == everything


def test_source_files_are_not_checked_for_page_leftovers(tmp_path: Path) -> None:
    story = NEWS_STORY + "\nFollow us on Twitter\n"
    as_text = lint_text(story, path=str(tmp_path / "a.txt"))
    as_markdown = lint_text(story, fmt="markdown", path=str(tmp_path / "a.md"))
    follow_text = [f for f in as_text if f.rule == "boilerplate.follow"]
    follow_md = [f for f in as_markdown if f.rule == "boilerplate.follow"]
    assert [f.level for f in follow_text] == ["warning"]
    assert [f.level for f in follow_md] == ["suggestion"]


# -- front ends ---------------------------------------------------------------------------------
def test_json_report_and_stats_carry_the_genre(tmp_path: Path, capsys) -> None:
    path = tmp_path / "i.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    main(["check", str(path), "--format", "json", "--no-cache"])
    entry = json.loads(capsys.readouterr().out)["files"][0]
    assert entry["genre"]["genre"] == "qa" and entry["genre"]["profile"] == "qa"
    assert entry["genre"]["chosen_by"] == "genre" and entry["genre"]["reasons"]
    main(["check", str(path), "--stats", "--no-cache"])
    out = capsys.readouterr().out
    assert "Genres: qa 1" in out
    assert "genre qa (text: " in out


def test_explain_a_file_says_why(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "blog"
    folder.mkdir()
    path = folder / "post.md"
    path.write_text(BLOG_POST, encoding="utf-8")
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "genre: blog (settled by: text)" in out
    assert "folder blog/" in out and "layout: post" in out
    assert "profile: blog + source-files" in out
    assert "editorial.first-person" in out.split("off under this profile:")[1]


def test_profile_flag_rejects_an_unknown_name(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NEWS_STORY, encoding="utf-8")
    assert main(["check", str(path), "--profile", "blgo", "--no-cache"]) == 2
    assert "--profile: unknown profile 'blgo'" in capsys.readouterr().err


def test_init_samples_the_repo_and_writes_the_mix(tmp_path: Path, capsys) -> None:
    for i in range(3):
        (tmp_path / f"post{i}.md").write_text(BLOG_POST, encoding="utf-8")
    (tmp_path / "story.txt").write_text(NEWS_STORY, encoding="utf-8")
    config = tmp_path / ".newslint.yaml"
    assert main(["init", str(config)]) == 0
    out = capsys.readouterr().out
    assert "sampled 4 articles: blog 3 (75%), news 1 (25%)" in out
    written = config.read_text(encoding="utf-8")
    assert "\ndefault-profile: blog\n" in written
    assert "blog 3 (75%)" in written
    Linter(config_path=str(config))  # the written file is a valid config


def test_rules_lists_the_rules_as_a_profile_sets_them(capsys) -> None:
    assert main(["rules", "--profile", "blog"]) == 0
    blog = capsys.readouterr().out
    assert main(["rules"]) == 0
    news = capsys.readouterr().out
    assert "editorial.first-person" in news and "editorial.first-person" not in blog
    assert any(
        line.startswith("bias.loaded") and "suggestion" in line for line in blog.splitlines()
    )


def test_html_report_names_the_genre(tmp_path: Path) -> None:
    path = tmp_path / "i.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    out = tmp_path / "report.html"
    main(["check", str(path), "--format", "html", "-o", str(out), "--no-cache"])
    page = out.read_text(encoding="utf-8")
    assert '<p class="genre muted">Genre qa (text: ' in page


DEALS_POST = textwrap.dedent(
    """\
    The best early deals on kettles

    Kettle prices have dropped ahead of the holiday sales, and a few models hit an all-time low.

    Steel Kettle 2

    $39.99

    Available from Amazon. The shop may receive a commission.

    Buy Now

    Glass Kettle Pro

    $54.00

    Buy Now
    """
)


def test_a_deals_post_with_prices_and_shop_buttons_is_a_post() -> None:
    decision = detect(_doc(DEALS_POST, "deals.txt"))
    assert decision.genre == "blog"
    assert "deals post" in decision.reasons[0]


def test_a_report_on_sales_that_mentions_a_low_price_is_still_news() -> None:
    text = NEWS_STORY.replace(
        "Two councillors", "Kettle prices hit an all-time low, and two councillors"
    )
    assert detect(_doc(text, "story.txt")).genre == "news"


ARGUMENT = textwrap.dedent(
    """\
    The harbour wall will fail

    The harbour wall is older than the town hall. Its stones move in every winter storm.

    To be sure, the council did not build it. Nor did it ask for the storms of the last decade.

    Yet the repairs have stalled for six years. The engineers know the stones are loose.

    In short, the wall will fail unless work starts this year.
    """
)


def test_sentences_that_open_like_an_argument_make_a_column() -> None:
    decision = detect(_doc(ARGUMENT, "wall.txt"))
    assert decision.genre == "opinion"
    attributed = ARGUMENT.replace("did not build it.", "did not build it, the mayor said.")
    attributed = attributed.replace("are loose.", "are loose, the report said.")
    attributed = attributed.replace("this year.\n", "this year, engineers said.\n")
    assert detect(_doc(attributed, "wall.txt")).genre != "opinion"


def test_a_document_is_measured_once_and_again_when_its_text_changes() -> None:
    """The genre mix measures the files beside an article and the linter detects the same
    Document objects again: the second detect reuses the signals, a changed text does not."""
    import sys

    detect_module = sys.modules["newslint.genre.detect"]
    calls: list[str] = []
    measure = detect_module.measure

    def counted(document):  # type: ignore[no-untyped-def]
        calls.append(document.text)
        return measure(document)

    story = parse(NEWS_STORY, "story.txt", "text")
    post = parse(BLOG_POST, "post.md", "markdown")
    detect_module.measure = counted
    try:
        first = detect(story)
        again = detect(story)
        assert again.signals is first.signals and len(calls) == 1
        assert detect(post).genre == "blog" and len(calls) == 2
        # the same object with another text (an editor's buffer) is measured anew
        story.text = post.text
        story.blocks = post.blocks
        assert detect(story).signals == measure(post) and len(calls) == 3
    finally:
        detect_module.measure = measure
    assert first.genre == "news"
