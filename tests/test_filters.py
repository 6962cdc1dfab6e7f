"""The filter stage every front end shares: suppression, level floor, one defect one finding,
baseline, changed lines and safe fixes, through the CLI and the Python API alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED, run_cli, seed_line

from newslint import fix_text, lint_paths, lint_text
from newslint.filters import FilterSettings, apply_filters
from newslint.filters.fold import fold_into_blocks
from newslint.findings import Finding

# our own copy: a story with a leftover appeal, a stray "we" and a doubled word
STORY = """Council approves the harbour budget

The city council approved the harbour budget on Tuesday after a two-hour debate.

Support our reporting. We rely on readers like you. Donate today.

We think the the vote was overdue.

The mayor said the new berths would open in the spring. Some observers say the cost is high.
"""


def _run(*args: str, cwd: Path) -> tuple[int, str, str]:
    proc = run_cli(*args, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


def _finding(rule: str, offset: int, length: int, line: int = 1) -> Finding:
    return Finding(rule, "warning", rule, "a.txt", line, offset + 1, line, offset + length + 1,
                   "x" * length, offset=offset, length=length)  # fmt: skip


# -- one defect, one finding ---------------------------------------------------------------------
def test_findings_inside_a_boilerplate_span_fold_into_it() -> None:
    block = _finding("boilerplate.appeal", 10, 40)
    inside = _finding("editorial.first-person", 20, 2)
    straddling = _finding("bias.loaded", 45, 10)  # runs past the block's end
    same_family = _finding("boilerplate.share", 12, 5)
    outside = _finding("spelling.typo", 60, 4)
    kept = fold_into_blocks([block, same_family, inside, straddling, outside])
    assert [f.rule for f in kept] == [
        "boilerplate.appeal",
        "boilerplate.share",
        "bias.loaded",
        "spelling.typo",
    ]
    assert kept[0].related == (inside,)
    assert kept[1].related == ()


def test_the_seed_reports_its_appeal_and_sub_heading_once_each(tmp_path: Path) -> None:
    code, out, _ = _run("check", "--no-cache", "-f", "json", str(SEED), cwd=tmp_path)
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    appeal_line = seed_line("We want to keep our journalism open")
    heading_line = seed_line("What do we know of recent chemical weapons use?")
    on_appeal = [
        f for f in findings if f["line"] == appeal_line and f["rule"] != "quotes.first-reference"
    ]
    on_heading = [f for f in findings if f["line"] == heading_line]
    assert [f["rule"] for f in on_appeal] == ["boilerplate.appeal"]
    assert [r["rule"] for r in on_appeal[0]["related"]] == ["editorial.first-person"]
    assert [f["rule"] for f in on_heading] == ["boilerplate.heading"]
    # a stand-alone question is a sub-heading, which editorial.rhetorical-question leaves to
    # boilerplate.heading; its "we" still folds in
    assert {r["rule"] for r in on_heading[0]["related"]} == {"editorial.first-person"}
    code, text, _ = _run("check", "--no-cache", str(SEED), cwd=tmp_path)
    assert "boilerplate.appeal" in text and "[also editorial.first-person]" in text
    assert " warning editorial.first-person " not in text  # only as a related rule


# -- the API shares the stage -------------------------------------------------------------------
def test_lint_text_applies_suppression_and_the_level_floor() -> None:
    rules = {f.rule for f in lint_text(STORY)}
    assert "spelling.repeated-word" in rules or any(r.startswith("spelling.") for r in rules)
    suppressed = STORY.replace(
        "We think the the vote",
        "<!-- newslint-disable-next-line -->\nWe think the the vote",
    )
    line = suppressed.split("\n").index("We think the the vote was overdue.") + 1
    assert not [f for f in lint_text(suppressed) if f.line == line]
    floor = lint_text(STORY, min_level="warning")
    assert floor and all(f.level in ("warning", "error") for f in floor)


def test_lint_text_keeps_only_findings_on_changed_lines() -> None:
    everything = lint_text(STORY)
    lines = {f.line for f in everything}
    assert len(lines) >= 2
    first = min(lines)
    only = lint_text(STORY, changed_lines=[first])
    assert only and {f.line for f in only} == {first}
    assert lint_text(STORY, changed_lines=[]) == []


def test_a_baseline_hides_accepted_findings_in_cli_and_api(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, _, err = _run(
        "check", "--no-cache", "--baseline", "accepted.json", "story.txt", cwd=tmp_path
    )
    assert code == 0 and "recorded" in err
    assert lint_text(STORY, path=str(story), baseline=str(tmp_path / "accepted.json")) == []
    edited = STORY + "\nThe budjet passed.\n"
    new = lint_text(edited, path=str(story), baseline=str(tmp_path / "accepted.json"))
    assert [f.match for f in new] == ["budjet"]
    results = lint_paths([str(story)], baseline=str(tmp_path / "accepted.json"))
    assert results[0].findings == []


def test_the_config_names_the_baseline_for_every_front_end(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("baseline: accepted.json\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    code, _, err = _run("check", "--no-cache", "story.txt", cwd=tmp_path)
    assert code == 0 and "recorded" in err and (tmp_path / "accepted.json").exists()
    code, out, err = _run("check", "--no-cache", "story.txt", cwd=tmp_path)
    assert code == 0 and "hidden by the baseline" in err


def test_a_bad_baseline_setting_is_a_located_config_error(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        "fail-on: warning\nbaseline: [a, b]\n", encoding="utf-8"
    )
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    code, _, err = _run("check", "--no-cache", "story.txt", cwd=tmp_path)
    assert code == 2
    assert ".newslint.yaml:2: baseline:" in err and "Traceback" not in err


# -- files: each once, fixes after filtering -------------------------------------------------------
def test_a_file_reached_twice_is_linted_once(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    results = lint_paths([str(story), str(folder), str(tmp_path), str(folder / "." / "story.txt")])
    assert [r.path for r in results] == [str(story)]
    code, out, _ = _run("check", "--no-cache", "-f", "json", "desk", "desk/story.txt", cwd=tmp_path)
    assert [f["path"] for f in json.loads(out)["files"]] == ["desk/story.txt"]


def test_safe_fixes_as_text_and_written_to_files(tmp_path: Path) -> None:
    fixed, remaining = fix_text(STORY)
    assert "the the" not in fixed and "We think the vote was overdue." in fixed
    assert all(f.fix is None for f in remaining)
    story = tmp_path / "story.txt"
    story.write_text(STORY.replace("\n", "\r\n"), encoding="utf-8")
    results = lint_paths([str(story)], fix=True)
    written = story.read_bytes().decode("utf-8")
    assert "We think the vote was overdue.\r\n" in written  # line endings kept
    assert all(f.fix is None for f in results[0].findings)


def test_a_suppressed_finding_is_never_fixed(tmp_path: Path) -> None:
    text = "<!-- newslint-disable spelling -->\nWe think the the vote was overdue.\n"
    fixed, _ = fix_text(text)
    assert fixed == text


def test_cached_results_are_filtered_on_the_way_out(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    cache = ["--cache-dir", str(tmp_path / "cache")]
    _, everything, _ = _run("check", *cache, "-f", "json", "story.txt", cwd=tmp_path)
    _, floor, err = _run(
        "check", *cache, "-f", "json", "--min-level", "warning", "story.txt", cwd=tmp_path
    )
    levels = [f["level"] for f in json.loads(floor)["files"][0]["findings"]]
    all_levels = [f["level"] for f in json.loads(everything)["files"][0]["findings"]]
    assert "suggestion" in all_levels and "suggestion" not in levels
    assert len(levels) == sum(lv != "suggestion" for lv in all_levels)


def test_filter_counts_say_what_each_step_removed(tmp_path: Path) -> None:
    from newslint.engine.linter import Linter

    text = SEED.read_text(encoding="utf-8")
    result = Linter().check_source(text, "seed.txt")
    before = len(result.findings)
    counts = apply_filters([result], FilterSettings(min_level="warning"))
    assert counts.below_floor > 0 and counts.folded >= 2
    assert before - len(result.findings) == counts.below_floor + counts.folded


@pytest.mark.parametrize("fmt", ["sarif", "html"])
def test_related_findings_reach_sarif_and_html(tmp_path: Path, fmt: str) -> None:
    code, out, _ = _run("check", "--no-cache", "-f", fmt, str(SEED), cwd=tmp_path)
    assert code == 1
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        appeal = [r for r in results if r["ruleId"] == "boilerplate.appeal"]
        assert appeal[0]["relatedLocations"][0]["message"]["text"].startswith(
            "editorial.first-person"
        )
    else:
        assert "same words:" in out and "editorial.first-person" in out
