"""rules/README.md's recipes work as written: the files of its house pack (code blocks that open
with a ``# house-rules/NAME`` line) load, and every flag/pass example behaves."""

from __future__ import annotations

import re
from pathlib import Path

from newslint.engine.rules import load_rules
from newslint.engine.selftest import check_examples

GUIDE = Path(__file__).resolve().parent.parent / "rules" / "README.md"
BLOCK = re.compile(r"```(?:yaml|text)\n# house-rules/(?P<name>[\w.-]+)\n(?P<body>.*?)```", re.S)


def test_the_guides_house_pack_loads_and_its_examples_pass(tmp_path) -> None:
    files = {m["name"]: m["body"] for m in BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))}
    assert set(files) == {"loaded.yaml", "style.yaml", "style.txt", "banned.yaml"}
    pack = tmp_path / "house-rules"
    pack.mkdir()
    for name, body in files.items():
        (pack / name).write_text(body, encoding="utf-8")
    yamls = sorted(str(p) for p in pack.glob("*.yaml"))
    rules = load_rules([("house-rules", path) for path in yamls])
    assert {r.id for r in rules} == {"house.loaded", "house-style.words", "house-banned.cliche"}
    checked, failures = check_examples(rules)
    assert [f.describe() for f in failures] == []
    assert checked == sum(len(r.flag_examples) + len(r.pass_examples) for r in rules) == 13
