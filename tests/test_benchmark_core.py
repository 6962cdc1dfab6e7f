"""benchmarks/core.py and the stored results: what the measurement scripts share, checked without
the evaluation data (these run in a plain clone)."""

from __future__ import annotations

import json
import math

import core
import pytest


def test_rates_are_per_1000_words_per_source() -> None:
    rates = core.Rates()
    rates.add("wire", 1500, ["bias.loaded", "bias.loaded", "quotes.orphan"])
    rates.add("wire", 500, [])
    rates.add("blog", 400, ["bias.loaded"])
    assert rates.rate("wire") == pytest.approx(1.5)
    assert rates.rate("wire", lambda key: key.startswith("bias.")) == pytest.approx(1.0)
    assert rates.rows()["blog"] == {"articles": 1, "words": 400, "findings": 1, "per_1000": 2.5}
    assert rates.pooled()["per_1000"] == pytest.approx(1000 * 4 / 2400, abs=1e-3)
    assert core.per_1000(3, 0) == 0.0


def test_precision_and_recall_leave_an_empty_share_undefined() -> None:
    prf = core.PRF()
    for predicted, gold in [(True, True), (True, False), (False, True), (False, True)]:
        prf.add(predicted, gold)
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 2)
    assert prf.precision == 0.5 and prf.recall == pytest.approx(1 / 3)
    assert prf.f1 == pytest.approx(0.4)
    assert core.PRF(fn=3).precision is None


def test_table_names_the_worst_source_against_the_aim() -> None:
    rows = {"wire": {"per_1000": 0.4}, "blog": {"per_1000": 1.7}, "empty": {"per_1000": None}}
    table = core.source_table("warnings", rows, aim=core.Aim(1.0))
    assert table.splitlines()[-1] == "  worst source on per_1000: blog (1.700); aim <= 1: NOT met"
    precision = {"a.com": {"precision": 0.97}, "b.com": {"precision": 0.91}}
    line = core.source_table("p", precision, "precision", lower=False).splitlines()[-1]
    assert "b.com (0.910)" in line
    assert core.source_table("p", precision, "precision", core.Aim(0.9, lower=False)).endswith(
        "met on every source"
    )


def test_domain_halves_are_fixed_balanced_and_disjoint() -> None:
    domains = [f"site{n}.example" for n in range(11)]
    first, second = core.domain_halves(domains)
    assert (first, second) == core.domain_halves(reversed(domains + domains))
    assert len(first) == 6 and len(second) == 5 and not set(first) & set(second)
    assert set(first) | set(second) == set(domains)
    assert first != sorted(domains)[:6]  # ordered by hash, so neighbours by name are mixed


def test_word_count_and_english_are_newslint_s_own() -> None:
    assert core.count_words("The U.S. paid $2,000 to rebel-held towns.") == 7
    english = "The council met on Monday and the mayor said that it was a plan for the city. " * 4
    assert core.is_english(english)
    assert not core.is_english("Der Rat hat am Montag getagt und der Plan wurde verworfen. " * 6)


def _strings(value: object, path: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [s for i, v in enumerate(value) for s in _strings(v, f"{path}[{i}]")]
    return [(path, value)] if isinstance(value, str) else []


RESULTS = sorted(core.RESULTS.glob("*.json"))


def test_every_measurement_script_has_stored_results() -> None:
    stored = {path.stem for path in RESULTS}
    assert {
        "bias_eval",
        "boilerplate_eval",
        "clean_rates",
        "packs_clean_rate",
        "quotes_polnear",
        "quotes_rules_eval",
        "spelling_eval",
        "spelling_rules_eval",
    } <= stored


@pytest.mark.parametrize("path", RESULTS, ids=lambda p: p.stem)
def test_stored_results_hold_figures_only_and_meet_their_limits(path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["benchmark"] == path.stem
    assert data["command"].startswith(".venv/bin/python benchmarks/")
    # figures are numbers; the only text is in keys (source, rule and figure names), so no
    # sentence of the third-party evaluation data can reach the project through a results file
    assert _strings(data["figures"]) == []
    for name, check in data["checks"].items():
        assert check["direction"] in ("max", "min"), name
        value, limit = check["value"], check["limit"]
        assert isinstance(value, int | float) and not math.isnan(value), name
        assert value <= limit if check["direction"] == "max" else value >= limit, (name, check)


def test_a_fresh_figure_outside_its_stored_limit_fails(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(core, "RESULTS", tmp_path)
    core.save_results("probe", ".venv/bin/python benchmarks/probe.py", {"rate": 0.25}, {
        "rate": core.Check(0.25, 0.3, why="probe rate"),
        "recall": core.Check(0.97, 0.95, lower=False, why="probe recall"),
    })  # fmt: skip
    core.assert_check("probe", "rate", 0.3)
    core.assert_check("probe", "recall", 0.95)
    with pytest.raises(AssertionError, match="limit <= 0.3"):
        core.assert_check("probe", "rate", 0.31)
    with pytest.raises(AssertionError, match="limit >= 0.95"):
        core.assert_check("probe", "recall", 0.9)
