"""SARIF and HTML reports (the page's behaviour in a browser is in test_html_browser.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import SEED, run_cli, shared_path

SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def sarif() -> dict:
    proc = run_cli("check", "--no-cache", "--format", "sarif", f"seeds/{SEED.name}")
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_sarif_is_valid_against_the_official_schema(sarif: dict) -> None:
    schema = json.loads(shared_path("sarif", "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(sarif, schema)
    assert sarif["version"] == "2.1.0"


def test_sarif_results_point_at_the_flagged_text(sarif: dict) -> None:
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert len(results) > 10
    rules = run["tool"]["driver"]["rules"]
    for r in results:
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {
            "uri": f"seeds/{SEED.name}",
            "uriBaseId": "%SRCROOT%",
        }
        region = loc["region"]
        line = SEED_LINES[region["startLine"] - 1]
        if region["endLine"] == region["startLine"]:
            shown = line[region["startColumn"] - 1 : region["endColumn"] - 1]
            assert shown == region["snippet"]["text"], r["ruleId"]
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in ("error", "warning", "note")
        assert r["partialFingerprints"]["newslintFingerprint/v1"]
    comments = [r for r in results if r["ruleId"] == "boilerplate.comments"]
    assert (
        comments and comments[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1
    )
    assert SEED_LINES[
        comments[0]["locations"][0]["physicalLocation"]["region"]["startLine"] - 1
    ] == ("Discuss This Article")


def test_sarif_rules_carry_help_and_levels(sarif: dict) -> None:
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["boilerplate.comments"]
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    assert "Discuss This Article" in rule["help"]["text"]  # the rule's examples
    assert "**Flags:**" in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert {r["defaultConfiguration"]["level"] for r in rules.values()} <= {
        "error",
        "warning",
        "note",
    }
    for r in rules.values():
        assert ("helpUri" in r) == bool(re.search(r"More: \S+", r["help"]["text"]))


def test_sarif_reports_unreadable_files_as_notifications(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not an article")
    (tmp_path / "story.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run_cli("check", "--no-cache", "-f", "sarif", ".", cwd=tmp_path)
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "binary" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "binary.txt"
    results = data["runs"][0]["results"]
    assert "boilerplate.comments" in {r["ruleId"] for r in results}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"story.txt"}


def test_sarif_fingerprints_survive_an_edit_above(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Council meets\n\nThe regime's thugs opened fire.\n")
    first = json.loads(
        run_cli("check", "--no-cache", "-f", "sarif", "story.txt", cwd=tmp_path).stdout
    )
    story.write_text(
        "Council meets\n\nA new paragraph went in above.\n\nThe regime's thugs opened fire.\n"
    )
    second = json.loads(
        run_cli("check", "--no-cache", "-f", "sarif", "story.txt", cwd=tmp_path).stdout
    )

    def prints(data: dict) -> dict[str, tuple[str, int]]:
        return {
            r["partialFingerprints"]["newslintFingerprint/v1"]: (
                r["ruleId"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in data["runs"][0]["results"]
        }

    before, after = prints(first), prints(second)
    assert before and set(before) == set(after)
    assert all(after[fp][1] == before[fp][1] + 2 for fp in before)  # moved down, same print


def test_html_is_self_contained_and_escapes_everything(tmp_path: Path) -> None:
    (tmp_path / "a&b <c>.txt").write_text(
        SEED.read_text(encoding="utf-8") + '\nHe wrote <script>alert("x")</script> here.\n',
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "-f", "html", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    page = proc.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(link|img|iframe)\b|\ssrc=|@import|url\(", page)  # nothing fetched
    assert "a&amp;b &lt;c&gt;.txt" in page and "a&b <c>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert page.count("<script") == 2  # the data island and the page's own script
    data = re.search(r'<script type="application/json" id="nl-data">(.*?)</script>', page, re.S)
    assert data and "<" not in data.group(1)
    findings = json.loads(data.group(1))["findings"]
    assert any(f["r"] == "boilerplate.comments" for f in findings)
    assert re.search(
        r'<mark class="hl lvl-warning" data-f="\d+"[^>]*>Discuss This Article</mark>', page
    )


def test_html_shows_per_article_summary_with_readability() -> None:
    proc = run_cli("check", "--no-cache", "-f", "html", f"seeds/{SEED.name}")
    page = proc.stdout
    assert "<caption>Findings by family</caption>" in page
    assert "<caption>Readability</caption>" in page and "Flesch reading ease" in page
    assert re.search(r"<th scope=\"row\">Words</th><td class=\"n\">\d+</td>", page)
    # the article's every line is shown, numbered
    assert page.count('<div class="ln">') >= len([ln for ln in SEED_LINES if ln.strip()])


def test_json_stats_include_readability() -> None:
    proc = run_cli("check", "--no-cache", "-f", "json", "--stats", f"seeds/{SEED.name}")
    stats = json.loads(proc.stdout)["files"][0]["stats"]
    fre = stats["readability"]["flesch_reading_ease"]
    assert 0 < fre < 100 and stats["words"] > 500
