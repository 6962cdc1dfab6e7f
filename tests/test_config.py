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
    data = json.loads(run_cli("check", "--format", "json", "news/2024/story.txt", cwd=tmp_path).stdout)
    levels = {f["rule"]: f["level"] for f in data["files"][0]["findings"]}
    assert levels["bias.loaded"] == "suggestion"
    assert levels["spelling.repeated-word"] == "warning"
    assert find_config(str(sub)).path == str(tmp_path / ".newslint.yaml")


def test_per_path_override_lets_opinion_editorialize(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text("overrides:\n  - files: ['opinion/**']\n    ignore: [bias.*]\n")
    for folder in ("news", "opinion"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(STORY)
    assert "bias.loaded" in _rules(run_cli("check", "-f", "json", "news/story.txt", cwd=tmp_path))
    assert "bias.loaded" not in _rules(run_cli("check", "-f", "json", "opinion/story.txt", cwd=tmp_path))


def test_rule_options_are_tunable_per_repo(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text("rules:\n  readability.long-sentence: {max: 5, level: warning}\n")
    (tmp_path / "story.txt").write_text("Headline\n\nThe council voted on Monday to approve the budget.\n")
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
    assert "spelling.repeated-word" not in _rules(run_cli("check", "-f", "json", "story.txt", cwd=tmp_path))


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
