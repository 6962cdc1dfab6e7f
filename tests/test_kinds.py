"""The generic rule kinds, driven end to end by a newsroom's own rule file."""

from __future__ import annotations

import json

from conftest import run_cli

HOUSE = """\
family: house
defaults: {level: warning}
rules:
  - id: house.lemma
    kind: phrase
    match: lemma
    phrases: {violence: [slaughter]}
    message: "{category}: {match}"
    examples: {flag: [They were slaughtering sheep.], pass: [The slaughterhouse closed.]}
  - id: house.swap
    kind: phrase
    phrases: {house: {cease-fire: ceasefire}}
    fix: true
    message: "Write '{replacement}'"
    examples: {flag: [The Cease-fire held.], pass: [The ceasefire held.]}
  - id: house.regex
    kind: regex
    pattern: '\\b(\\d+) per cent\\b'
    message: "Write '{1} percent'"
    replacement: '\\1 percent'
    examples: {flag: [Prices rose 5 per cent.], pass: [Prices rose 5 percent.]}
  - id: house.pattern
    kind: pattern
    patterns: [[{LOWER: very}, {LOWER: unique}]]
    message: "Unique is absolute: '{match}'"
    examples: {flag: [A very unique plan.], pass: [A unique plan.]}
  - id: house.paragraph
    kind: metric
    metric: sentences
    unit: paragraph
    max: 2
    message: "{value} sentences in one paragraph (max {max})"
    examples: {flag: [One. Two. Three.], pass: [One. Two.]}
"""


def _setup(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(HOUSE)
    (tmp_path / ".newslint.yaml").write_text("packs: [./house]\n")


def test_house_rules_examples_pass(tmp_path) -> None:
    _setup(tmp_path)
    proc = run_cli("rules", "--test", "house", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert "10 examples of 5 rules: 10 passed, 0 failed" in proc.stdout


def test_each_kind_reports_with_its_message_fields(tmp_path) -> None:
    _setup(tmp_path)
    (tmp_path / "story.txt").write_text(
        "Headline\n\nThey slaughtered 40 sheep and prices rose 5 per cent. The Cease-fire held. "
        "It was a very unique plan.\n"
    )
    data = json.loads(run_cli("check", "-f", "json", "story.txt", cwd=tmp_path).stdout)
    got = {f["rule"]: f for f in data["files"][0]["findings"]}
    assert got["house.lemma"]["message"] == "violence: slaughtered"
    assert got["house.regex"]["message"] == "Write '5 percent'"
    assert got["house.regex"]["suggestions"] == ["5 percent"]
    assert got["house.swap"]["message"] == "Write 'Ceasefire'"  # case follows the match
    assert got["house.swap"]["fix"]["replacement"] == "Ceasefire"
    assert got["house.pattern"]["match"] == "very unique"
    assert got["house.paragraph"]["message"] == "3 sentences in one paragraph (max 2)"
    assert (got["house.lemma"]["line"], got["house.lemma"]["column"]) == (3, 6)


def test_a_phrase_index_built_after_a_document_was_read_still_finds_its_phrases() -> None:
    """Phrase indexes share one per-document table of where phrase-initial words occur; an index
    built later (a rule compiled mid-run) must not read a table made without its words."""
    from newslint.analysis.core import Analysis
    from newslint.engine.support.phrases import PhraseIndex
    from newslint.readers import parse

    text = "Critics warned the takeover would be a slam dunk for the regime."
    analysis = Analysis(parse(text, "<text>", "text"))
    first = PhraseIndex([("the takeover", "a")])
    assert [analysis.text[s:e] for s, e, _ in first.find(analysis)] == ["the takeover"]
    later = PhraseIndex([("slam dunk", "b"), ("for the regime", "c")])
    found = [(analysis.text[s:e], p) for s, e, p in later.find(analysis)]
    assert found == [("slam dunk", "b"), ("for the regime", "c")]


# -- newslint kinds ----------------------------------------------------------------------------


def _kinds_cli(capsys, *args: str) -> tuple[int, str, str]:
    from newslint.frontends.cli import main

    code = main(["kinds", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_kinds_lists_every_kind_with_every_option_its_type_default_and_meaning(capsys) -> None:
    from newslint.engine.kind_docs import meaning
    from newslint.engine.kinds import available_kinds, get_kind

    code, out, _ = _kinds_cli(capsys)
    assert code == 0
    blocks = {b.split()[0]: b for b in out.split("\n\n") if b.strip()}
    for name in available_kinds():
        kind = get_kind(name)
        block = " ".join(blocks[name].split())
        for option, spec in kind.options.items():
            assert spec.help, f"{name}.{option} has no help text"
            assert f" {option} " in block
            assert " ".join(meaning(spec).split()) in block
    # options the README's hand-written table once lacked
    assert "greedy text, default LONGEST" in " ".join(blocks["pattern"].split())
    assert "round integer, default 1" in " ".join(blocks["metric"].split())
    assert "(special; default scope: narration voice, prose blocks)" in blocks["passive"]


def test_kinds_name_shows_every_default_in_full_and_the_docstring(capsys) -> None:
    code, out, _ = _kinds_cli(capsys, "passive")
    assert code == 0
    assert out.startswith("passive  (special")
    assert "withheld" in out and "(13 items)" not in out  # the whole participle table
    assert "Message fields:" in out and "```yaml" in out


def test_kinds_with_an_unknown_name_is_a_usage_error(capsys) -> None:
    code, out, err = _kinds_cli(capsys, "frase")
    assert (code, out) == (2, "")
    assert err.strip() == (
        "newslint: error: unknown kind 'frase' (did you mean 'phrase'?) (newslint kinds lists them)"
    )


def test_the_readmes_kinds_tables_are_the_generated_ones(capsys) -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n", readme.index("<!-- kinds: generated")) + 1
    end = readme.index("<!-- end of kinds -->")
    code, out, _ = _kinds_cli(capsys, "--format", "markdown")
    assert code == 0
    assert readme[start:end] == out, (
        "README kinds tables are stale: paste `newslint kinds --format markdown`"
    )
