"""Configuration: discovery, levels, per-path and front-matter overrides, suppression, vocabulary."""

from __future__ import annotations

import json

from conftest import run_cli

from newslint import lint_text
from newslint.config import find_config, glob_match

STORY = "Headline\n\nIt has eased the regime's bloody comeback.\n\nThe the vote passed.\n"


def _rules(proc) -> list[str]:
    return [f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]]


def test_config_is_found_upward_and_levels_override(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text("rules:\n  bias.loaded: suggestion\n")
    sub = tmp_path / "news" / "2024"
    sub.mkdir(parents=True)
    (sub / "story.txt").write_text(STORY)
    data = json.loads(
        run_cli("check", "--format", "json", "news/2024/story.txt", cwd=tmp_path).stdout
    )
    levels = {f["rule"]: f["level"] for f in data["files"][0]["findings"]}
    assert levels["bias.loaded"] == "suggestion"
    assert levels["spelling.repeated-word"] == "warning"
    assert find_config(str(sub)).path == str(tmp_path / ".newslint.yaml")


def test_folders_without_a_config_each_get_defaults_rooted_at_themselves(tmp_path) -> None:
    """A long-lived process (the API, a language server) looks up many folders: the defaults of
    one folder with no config above it must not be handed to its neighbours."""
    first, second = tmp_path / "desk-a", tmp_path / "desk-b" / "2024"
    second.mkdir(parents=True)
    first.mkdir()
    assert find_config(str(first)).root == str(first)
    assert find_config(str(second)).root == str(second)
    assert find_config(str(first)) is find_config(str(first))  # still looked up once
    third = tmp_path / "desk-c"
    third.mkdir()
    (third / ".newslint.yaml").write_text("fail-on: error\n")
    assert find_config(str(third)).fail_on == "error"
    assert find_config(str(tmp_path)).root == str(tmp_path)


def test_per_path_override_lets_opinion_editorialize(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        "overrides:\n  - files: ['opinion/**']\n    ignore: [bias.*]\n"
    )
    for folder in ("news", "opinion"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(STORY)
    assert "bias.loaded" in _rules(run_cli("check", "-f", "json", "news/story.txt", cwd=tmp_path))
    assert "bias.loaded" not in _rules(
        run_cli("check", "-f", "json", "opinion/story.txt", cwd=tmp_path)
    )


def test_rule_options_are_tunable_per_repo(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        "rules:\n  readability.long-sentence: {max: 5, level: warning}\n"
    )
    (tmp_path / "story.txt").write_text(
        "Headline\n\nThe council voted on Monday to approve the budget.\n"
    )
    proc = run_cli("check", "-f", "json", "story.txt", cwd=tmp_path)
    assert "readability.long-sentence" in _rules(proc) and proc.returncode == 1


def test_bad_rule_option_in_config_is_located(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text("rules:\n  readability.long-sentence: {max: lots}\n")
    (tmp_path / "story.txt").write_text("Headline\n\nThe vote passed.\n")
    proc = run_cli("check", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "max: must be int or float" in proc.stderr


def test_pyproject_section(tmp_path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.newslint]\nignore = ['spelling']\n")
    (tmp_path / "story.txt").write_text(STORY)
    assert "spelling.repeated-word" not in _rules(
        run_cli("check", "-f", "json", "story.txt", cwd=tmp_path)
    )


def test_inline_suppression_comments(tmp_path) -> None:
    text = (
        "Headline\n\n"
        "<!-- newslint-disable-next-line bias.loaded -->\n"
        "It has eased the regime's bloody comeback.\n\n"
        "It was a bloody day.\n\n"
        "<!-- newslint-disable spelling -->\n"
        "The the vote passed.\n\n"
        "<!-- newslint-enable spelling -->\n"
        "A a vote passed.\n"
    )
    (tmp_path / "story.txt").write_text(text)
    data = json.loads(run_cli("check", "-f", "json", "story.txt", cwd=tmp_path).stdout)
    found = [(f["rule"], f["line"]) for f in data["files"][0]["findings"]]
    assert ("bias.loaded", 4) not in found and ("bias.loaded", 6) in found
    assert ("spelling.repeated-word", 9) not in found and ("spelling.repeated-word", 12) in found


def test_glob_matching() -> None:
    assert glob_match("opinion/2024/a.md", "opinion/**")
    assert glob_match("a/b/draft.md", "*.md")
    assert glob_match("x/drafts/a.md", "**/drafts/*")
    assert not glob_match("news/a.md", "opinion/**")


def test_api_lint_text() -> None:
    findings = lint_text("It was the the last vote.\n")
    assert [f.rule for f in findings] == ["spelling.repeated-word"]
    assert findings[0].fix is not None


def test_front_matter_profile_switches_rules_off(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        "overrides:\n  - front-matter: {type: [opinion, column]}\n    ignore: [bias]\n"
    )
    body = "It has eased the regime's bloody comeback.\n"
    (tmp_path / "news.md").write_text("---\ntitle: News\ntype: news\n---\n\n" + body)
    (tmp_path / "column.md").write_text("---\ntitle: Column\ntype: Opinion\n---\n\n" + body)
    assert "bias.loaded" in _rules(run_cli("check", "-f", "json", "news.md", cwd=tmp_path))
    assert "bias.loaded" not in _rules(run_cli("check", "-f", "json", "column.md", cwd=tmp_path))


def test_markdown_finding_points_at_the_source_line(tmp_path) -> None:
    (tmp_path / "story.md").write_text(
        "---\ntitle: Vote\ntags: [the the]\n---\n\n# Vote\n\n```\nthe the\n```\n\nA *the the* vote.\n"
    )
    data = json.loads(run_cli("check", "-f", "json", "story.md", cwd=tmp_path).stdout)
    found = [(f["rule"], f["line"], f["column"]) for f in data["files"][0]["findings"]]
    assert found == [("spelling.repeated-word", 12, 7)]


def test_command_line_select_does_not_override_a_file_profile(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        "overrides:\n  - files: ['opinion/**']\n    ignore: [bias.*]\n"
    )
    (tmp_path / "opinion").mkdir()
    (tmp_path / "opinion" / "story.txt").write_text(STORY)
    proc = run_cli("check", "-f", "json", "--select", "bias.*", "opinion/story.txt", cwd=tmp_path)
    assert _rules(proc) == []


def test_prose_in_another_language_is_skipped_with_a_notice(tmp_path) -> None:
    italian = (
        "È stato annunciato in queste ore che Netflix, il servizio di streaming a pagamento, "
        "ospiterà il remake della serie animata. La notizia è stata confermata dalla società, "
        "che ha diffuso un comunicato con le prime immagini. Il debutto è previsto per il "
        "prossimo anno in tutti i paesi in cui il servizio è disponibile, con nuovi episodi. "
    )
    (tmp_path / "storia.txt").write_text("Titolo\n\n" + italian + "\n\nThe the end.\n")
    proc = run_cli("check", "storia.txt", cwd=tmp_path)
    assert proc.returncode == 0 and "not English" in proc.stderr
    (tmp_path / ".newslint.yaml").write_text("english-only: false\n")
    assert "spelling.repeated-word" in run_cli("check", "storia.txt", cwd=tmp_path).stdout


def test_a_config_of_comments_only_is_an_empty_config(tmp_path) -> None:
    from newslint.config import load_config

    (tmp_path / ".newslint.yaml").write_text("# settings to come\n", encoding="utf-8")
    config = load_config(str(tmp_path / ".newslint.yaml"))
    assert config.packs == ["news"] and config.rules == {} and config.overrides == []
