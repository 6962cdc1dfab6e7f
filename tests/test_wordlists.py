"""Word lists: one shape for every word-list field, ``~`` and ``(delete)`` replacements, and
``.txt`` files beside the rule file (read at load time, errors with file and line)."""

from __future__ import annotations

import pytest

from newslint.engine.rules import load_rule_file
from newslint.errors import RuleError
from newslint.frontends.api import lint_text

RULES = """\
family: house
rules:
  - id: house.words
    kind: phrase
    match: word
    fix: true
    message: "{category}: '{match}', use {replacements}"
    phrases: {style: style.txt, banned: [sweetheart deal]}
    exceptions: shields.txt
    examples:
      flag: [The cease-fire held., It was a very unique plan., A sweetheart deal.]
      pass: [The ceasefire held., Ceasefire talks resumed.]
"""
STYLE = """\
# house substitutions: one a line
cease-fire -> ceasefire
very unique -> unique | one of a kind   # alternatives, best first
so-called -> (delete)
rock star -> ~
"""


def _pack(tmp_path, rules: str = RULES, style: str = STYLE, shields: str = "rock star city\n"):
    pack = tmp_path / "house"
    pack.mkdir(exist_ok=True)
    (pack / "house.yaml").write_text(rules)
    (pack / "style.txt").write_text(style)
    (pack / "shields.txt").write_text(shields)
    (tmp_path / ".newslint.yaml").write_text("packs: [./house]\n")
    return pack


def _findings(tmp_path, text: str) -> list:
    config = str(tmp_path / ".newslint.yaml")
    return [f for f in lint_text(text, config=config) if f.rule.startswith("house.")]


def test_a_txt_word_list_gives_categories_replacements_and_fixes(tmp_path) -> None:
    _pack(tmp_path)
    found = _findings(
        tmp_path,
        "Headline\n\nThe Cease-fire held. It was a very unique plan. The so-called reform passed.\n"
        "A rock star came. The rock star city cheered. A sweetheart deal was struck.\n",
    )
    by_match = {f.match: f for f in found}
    assert set(by_match) == {
        "Cease-fire",
        "very unique",
        "so-called",
        "rock star",
        "sweetheart deal",
    }
    assert by_match["Cease-fire"].message == "style: 'Cease-fire', use 'Ceasefire'"
    assert by_match["Cease-fire"].fix.replacement == "Ceasefire"
    assert by_match["very unique"].suggestions == ("unique", "one of a kind")
    assert by_match["so-called"].message == "style: 'so-called', use deleting it"
    assert by_match["so-called"].fix.replacement == ""
    assert by_match["rock star"].message == "style: 'rock star', use rephrase or attribute it"
    assert by_match["rock star"].fix is None and by_match["rock star"].suggestions == ()
    assert by_match["sweetheart deal"].message.startswith("banned: ")


def test_rule_examples_run_against_the_txt_entries(tmp_path) -> None:
    from newslint.engine.selftest import check_examples

    rules = load_rule_file(str(_pack(tmp_path) / "house.yaml"), "house")
    assert check_examples(rules) == (5, [])


def test_a_config_setting_keeps_the_rule_files_word_lists(tmp_path) -> None:
    """Per-repo settings rebuild the rule from the config file: the rule's own .txt references
    stay relative to the rule file, the config's own to the config."""
    _pack(tmp_path)
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "shields.txt").write_text("so-called\n")
    (tmp_path / ".newslint.yaml").write_text(
        "packs: [./house]\nrules:\n  house.words: {level: error, exceptions: vocab/shields.txt}\n"
    )
    found = _findings(tmp_path, "Headline\n\nThe cease-fire held. The so-called reform passed.\n")
    assert [(f.match, f.level) for f in found] == [("cease-fire", "error")]


@pytest.mark.parametrize(
    ("style", "where", "problem"),
    [
        ("cease-fire ->\n", "style.txt:1", "nothing after '->'"),
        ("ok\n# fine\n-> ceasefire\n", "style.txt:3", "no term before '->'"),
        ("very unique -> unique ||\n", "style.txt:1", "empty alternative"),
    ],
)
def test_a_bad_txt_line_is_reported_with_its_file_and_line(
    tmp_path, style: str, where: str, problem: str
) -> None:
    pack = _pack(tmp_path, style=style)
    with pytest.raises(RuleError) as caught:
        load_rule_file(str(pack / "house.yaml"), "house")
    assert where in str(caught.value) and problem in str(caught.value)


def test_a_missing_or_misplaced_txt_names_the_rule_file_and_field(tmp_path) -> None:
    pack = _pack(tmp_path)
    (pack / "shields.txt").unlink()
    with pytest.raises(RuleError, match=r"house\.yaml:9: exceptions: .*shields\.txt: cannot read"):
        load_rule_file(str(pack / "house.yaml"), "house")
    (pack / "house.yaml").write_text(RULES.replace("shields.txt", "lists/shields.txt"))
    with pytest.raises(RuleError, match="sits next to its rule file"):
        load_rule_file(str(pack / "house.yaml"), "house")


def test_an_empty_replacement_is_refused_as_ambiguous(tmp_path) -> None:
    pack = _pack(tmp_path, rules=RULES.replace("[sweetheart deal]", '{sweetheart deal: ""}'))
    with pytest.raises(RuleError, match=r"house\.yaml:8: phrases: empty replacement .* ambiguous"):
        load_rule_file(str(pack / "house.yaml"), "house")


def test_a_retired_kind_says_how_to_migrate(tmp_path) -> None:
    pack = _pack(tmp_path, rules=RULES.replace("kind: phrase", "kind: substitution"))
    with pytest.raises(RuleError, match="kind 'substitution' was merged into 'phrase'"):
        load_rule_file(str(pack / "house.yaml"), "house")


def test_the_result_cache_key_follows_the_word_lists(tmp_path) -> None:
    from newslint.config import load_config
    from newslint.storage.result_cache import settings_key

    pack = _pack(tmp_path)
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "more.txt").write_text("sweetheart\n")
    (tmp_path / ".newslint.yaml").write_text(
        "packs: [./house]\nrules:\n  house.words: {exceptions: vocab/more.txt}\n"
    )

    def key() -> str:
        return settings_key(load_config(str(tmp_path / ".newslint.yaml")), [], "base")

    first = key()
    (pack / "style.txt").write_text(STYLE + "sweetheart -> darling\n")
    second = key()
    (tmp_path / "vocab" / "more.txt").write_text("sweetheart deal\n")
    assert len({first, second, key()}) == 3
