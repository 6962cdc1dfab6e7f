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
