"""The command line: output formats, exit codes, and every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from conftest import ROOT, SEED, run_cli, seed_line

SCHEMA = json.loads((ROOT / "newslint" / "schemas" / "findings.schema.json").read_text())


def test_check_seed_reports_located_findings_and_exits_1() -> None:
    proc = run_cli("check", "seeds/")
    assert proc.returncode == 1, proc.stderr
    line = seed_line("Discuss This Article")
    assert f"seeds/{SEED.name}:{line}:1: warning boilerplate.comments" in proc.stdout
    assert "^^^^" in proc.stdout  # the excerpt underlines the match
    assert "Traceback" not in proc.stderr


def test_json_output_validates_against_the_schema() -> None:
    proc = run_cli("check", "--format", "json", str(SEED))
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    findings = data["files"][0]["findings"]
    assert findings and data["summary"]["findings"] == len(findings)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for f in findings:  # every location points at the flagged text in the original file
        assert lines[f["line"] - 1][f["column"] - 1 :].startswith(f["match"].split("\n")[0])


def test_github_annotations() -> None:
    proc = run_cli("check", "--format", "github", str(SEED))
    assert proc.returncode == 1
    assert any(
        ln.startswith("::warning file=") and "title=boilerplate.comments" in ln
        for ln in proc.stdout.splitlines()
    )


def test_clean_copy_exits_0(tmp_path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(
        "Council approves budget\n\nThe city council approved the budget on Monday, the mayor said.\n"
    )
    proc = run_cli("check", str(path))
    assert proc.returncode == 0, proc.stdout
    assert "0 findings" in proc.stdout


def test_fail_on_error_turns_warnings_into_exit_0() -> None:
    assert run_cli("check", "--fail-on", "error", str(SEED)).returncode == 0


def test_select_and_ignore() -> None:
    data = json.loads(
        run_cli("check", "--format", "json", "--select", "boilerplate.*", str(SEED)).stdout
    )
    assert {f["rule"] for f in data["files"][0]["findings"]} == {"boilerplate.comments"} or all(
        f["rule"].startswith("boilerplate.") for f in data["files"][0]["findings"]
    )
    data = json.loads(
        run_cli("check", "--format", "json", "--ignore", "boilerplate", str(SEED)).stdout
    )
    assert not any(f["rule"].startswith("boilerplate.") for f in data["files"][0]["findings"])


def test_stdin_with_filename() -> None:
    proc = run_cli(
        "check",
        "-",
        "--stdin-filename",
        "story.txt",
        stdin="Headline\n\nThe the vote passed on Monday.\n",
    )
    assert proc.returncode == 1
    assert "story.txt:3:4: warning spelling.repeated-word" in proc.stdout


def test_stats_counts_per_rule_and_article_figures() -> None:
    proc = run_cli("check", "--stats", str(SEED))
    assert "Findings per rule:" in proc.stdout
    assert "narration words:" in proc.stdout


def test_quiet_prints_only_failing_findings() -> None:
    proc = run_cli("check", "--quiet", "--fail-on", "error", str(SEED))
    assert proc.stdout == ""


def test_version_does_not_import_spacy() -> None:
    code = "import sys; from newslint.frontends.cli import main\ntry: main(['--version'])\nexcept SystemExit: pass\nprint('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().endswith("False")


def test_rules_list_and_explain() -> None:
    listing = run_cli("rules")
    assert listing.returncode == 0 and "boilerplate.comments" in listing.stdout
    explain = run_cli("explain", "boilerplate.comments")
    assert explain.returncode == 0 and "Discuss This Article" in explain.stdout
    unknown = run_cli("explain", "boilerplate.coments")
    assert unknown.returncode == 2 and "did you mean 'boilerplate.comments'" in unknown.stderr


def test_init_writes_a_config_that_loads(tmp_path) -> None:
    assert run_cli("init", cwd=tmp_path).returncode == 0
    assert (tmp_path / ".newslint.yaml").exists()
    assert run_cli("init", cwd=tmp_path).returncode == 2  # refuses to overwrite
    story = tmp_path / "story.txt"
    story.write_text("Headline\n\nThe vote passed on Monday.\n")
    assert run_cli("check", "story.txt", cwd=tmp_path).returncode == 0


def test_fix_removes_repeated_word_and_nothing_else(tmp_path) -> None:
    path = tmp_path / "story.md"
    original = "# Vote\n\nThe the council met on Monday and voted.\r\n"
    path.write_bytes(original.encode())
    diff = run_cli("check", "--diff", str(path))
    assert "-The the council" in diff.stdout and path.read_bytes() == original.encode()
    run_cli("check", "--fix", str(path))
    assert path.read_bytes() == b"# Vote\r\n\r\nThe council met on Monday and voted.\r\n"


# -- bad input: a clear one-line message, exit 2, never a traceback -----------------------------


def _bad(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    for needle in needles:
        assert needle in proc.stderr + proc.stdout


def test_missing_path() -> None:
    _bad(run_cli("check", "no/such/file.txt"), "no/such/file.txt: no such file or directory")


def test_directory_without_articles(tmp_path) -> None:
    (tmp_path / "notes.py").write_text("x = 1\n")
    _bad(run_cli("check", str(tmp_path)), "no article files")


def test_binary_file_is_reported_and_other_files_still_linted(tmp_path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "story.txt").write_text(
        "Headline\n\nThe vote passed on Monday.\n\nDiscuss This Article\n"
    )
    proc = run_cli("check", str(tmp_path))
    _bad(proc, "binary file", "boilerplate.comments")


def test_empty_file_is_a_notice_not_a_failure(tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("")
    proc = run_cli("check", str(tmp_path / "empty.txt"))
    assert proc.returncode == 0 and "empty file" in proc.stderr


def test_ten_megabyte_file(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("The council met on Monday. " * 400_000)
    _bad(run_cli("check", str(path)), "file too large")


def test_malformed_config_names_file_line_and_field(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text("packs: [news]\nfail-on: loud\n")
    (tmp_path / "story.txt").write_text("Headline\n\nThe vote passed.\n")
    _bad(run_cli("check", "story.txt", cwd=tmp_path), ".newslint.yaml:2: fail-on: must be one of")
    (tmp_path / ".newslint.yaml").write_text("packs: [news\n")
    _bad(run_cli("check", "story.txt", cwd=tmp_path), ".newslint.yaml:2: invalid YAML")
    (tmp_path / ".newslint.yaml").write_text("pakcs: [news]\n")
    _bad(
        run_cli("check", "story.txt", cwd=tmp_path),
        ".newslint.yaml:1: pakcs: unknown setting (did you mean 'packs'?)",
    )


def test_unquoted_yes_no_words_get_a_hint(tmp_path) -> None:
    """YAML reads unquoted no/on/yes as true/false: the error says which item and what to do."""
    (tmp_path / "story.txt").write_text("Headline\n\nThe vote passed.\n")
    (tmp_path / ".newslint.yaml").write_text("packs: [news]\nignore: [bias, no]\n")
    _bad(
        run_cli("check", "story.txt", cwd=tmp_path),
        ".newslint.yaml:2: ignore: must be a list of strings: item 2 was read as false",
    )
    (tmp_path / "house").mkdir()
    (tmp_path / ".newslint.yaml").write_text("packs: [news, ./house]\n")
    (tmp_path / "house" / "house.yaml").write_text(
        "rules:\n  - id: house.words\n    kind: phrase\n    message: x\n    phrases: [Stop, on]\n"
        "    examples: {flag: [Stop.], pass: [x]}\n"
    )
    _bad(
        run_cli("check", "story.txt", cwd=tmp_path),
        "house.yaml:5: phrases: must be a list of strings: item 2 was read as true",
    )


@pytest.mark.parametrize("where", [["--select", "boilerplate.nope"], ["--ignore", "nope.*"]])
def test_unknown_rule_id_on_the_command_line(where: list[str]) -> None:
    _bad(run_cli("check", *where, str(SEED)), "unknown rule id")


def test_unknown_rule_id_in_config(tmp_path) -> None:
    (tmp_path / ".newslint.yaml").write_text("rules:\n  bias.lodaed: off\n")
    (tmp_path / "story.txt").write_text("Headline\n\nThe vote passed.\n")
    _bad(
        run_cli("check", "story.txt", cwd=tmp_path),
        ".newslint.yaml:2: rules: unknown rule id 'bias.lodaed' (did you mean 'bias.loaded'?)",
    )


def test_bad_per_rule_setting_in_config_names_its_line(tmp_path) -> None:
    (tmp_path / "story.txt").write_text("Headline\n\nThe vote passed.\n")
    (tmp_path / ".newslint.yaml").write_text(
        "packs: [news]\nrules:\n  bias.loaded: warning\n  editorial.first-person: {pervasive-mn: 6}\n"
    )
    _bad(
        run_cli("check", "story.txt", cwd=tmp_path),
        ".newslint.yaml:4: pervasive-mn: unknown field for kind 'first-person' "
        "(did you mean 'pervasive-min'?)",
    )


def test_invalid_regex_in_a_rule_file(tmp_path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "house.yaml").write_text(
        "rules:\n  - id: house.bad\n    kind: regex\n    message: x\n    pattern: '(unclosed'\n"
    )
    (tmp_path / "story.txt").write_text("Headline\n\nThe vote passed.\n")
    _bad(
        run_cli("check", "--pack", "./house", "story.txt", cwd=tmp_path),
        "house.yaml:5: pattern: invalid regular expression",
    )


def test_rule_file_errors_are_located(tmp_path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "house.yaml").write_text(
        "rules:\n  - id: house.x\n    kind: phrase\n    message: x\n    phrase: [a]\n"
    )
    (tmp_path / "story.txt").write_text("Headline\n\nThe vote passed.\n")
    _bad(
        run_cli("check", "--pack", "./house", "story.txt", cwd=tmp_path),
        "house.yaml:5: phrase: unknown field for kind 'phrase' (did you mean 'phrases'?)",
    )
    (pack / "house.yaml").write_text("rules:\n  - id: house.x\n    kind: phrasal\n    message: x\n")
    _bad(
        run_cli("check", "--pack", "./house", "story.txt", cwd=tmp_path),
        "house.yaml:3: kind: unknown kind 'phrasal'",
    )


def test_unknown_format() -> None:
    _bad(run_cli("check", "--format", "xml", str(SEED)), "unknown format")


def test_rules_test_on_a_newsroom_folder(tmp_path) -> None:
    (tmp_path / "house.yaml").write_text(
        "rules:\n"
        "  - id: house.ceasefire\n    kind: phrase\n    message: \"Write '{replacement}'\"\n"
        "    phrases: {house: {cease-fire: ceasefire}}\n    fix: true\n"
        "    examples:\n      flag: [The cease-fire held.]\n      pass: [The ceasefire held., The cease fire held.]\n"
    )
    proc = run_cli("rules", "--test", str(tmp_path))
    assert proc.returncode == 0, proc.stdout
    assert "examples of 1 rules" in proc.stdout
