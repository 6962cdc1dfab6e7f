"""Every shipped rule: its flag examples are flagged, its pass examples are not."""

from __future__ import annotations

import pytest

from newslint.engine.rules import builtin_pack_names, load_rules, pack_files
from newslint.engine.selftest import check_examples

RULES = load_rules(
    [(name, f) for pack in builtin_pack_names() for name, fs in [pack_files(pack)] for f in fs]
)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule) -> None:
    assert rule.flag_examples, f"{rule.id} has no flag examples"
    assert rule.pass_examples, f"{rule.id} has no pass examples"
    checked, failures = check_examples([rule])
    assert checked == len(rule.flag_examples) + len(rule.pass_examples)
    assert not failures, "\n".join(f.describe() for f in failures)


def test_rule_ids_are_unique_and_namespaced() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.id.startswith(r.family + ".") for r in RULES)


def test_packaging_lists_every_subpackage() -> None:
    """pyproject.toml names packages explicitly (rules/ ships as newslint.packs): keep it complete."""
    from pathlib import Path

    import tomllib

    root = Path(__file__).resolve().parent.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(p.parent.relative_to(root).parts) for p in (root / "newslint").rglob("__init__.py")
    }
    assert on_disk <= listed, f"add to pyproject.toml packages: {sorted(on_disk - listed)}"
