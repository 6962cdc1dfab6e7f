"""The audit dashboard in headless chromium with the network blocked: every chart renders from
what is in the page, nothing is fetched, each table holds the numbers the chart draws, example
links lead to their documents, and archive text is shown as text."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from audit_corpus import article
from chromium import DevTools, chromium
from conftest import ROOT

pytest.importorskip("distributed", reason="the audit extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")

pytestmark = pytest.mark.slow

#: no name resolves and every connection goes to a closed port: the page must need neither
OFFLINE = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"]
HOSTILE = "Budget <img src=x onerror=\"document.title='pwned'\"> vote"


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("audit-dashboard")
    records = [article(n) for n in range(36)]
    for record in records[1::2]:
        record["title"] = HOSTILE
    (base / "archive.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    out = base / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "audit", str(base / "archive.jsonl"), "--out", str(out)]
        + ["--workers", "2", "--group-by", "desk"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    for tools in chromium(tmp_path_factory, OFFLINE):
        tools.ready = (
            "window.newslintDashboard && newslintDashboard.rendered + newslintDashboard.failed"
            " === newslintDashboard.charts"
        )
        yield tools


def panel_rows(browser: DevTools, key: str) -> list[list[str]]:
    return browser.js(  # type: ignore[no-any-return]
        f"Array.from(document.querySelectorAll('table[data-panel=\"{key}\"] tbody tr'))"
        ".map(tr => Array.from(tr.cells).map(td => td.textContent))"
    )


def test_every_chart_renders_offline_from_the_page_alone(
    browser: DevTools, dashboard: Path
) -> None:
    browser.open((dashboard / "dashboard.html").as_uri())
    state: dict[str, Any] = browser.js(
        """(() => ({
        charts: newslintDashboard.charts, rendered: newslintDashboard.rendered,
        errors: newslintDashboard.errors,
        marks: Array.from(document.querySelectorAll('div.chart')).map(el =>
            el.querySelectorAll('svg .mark-rect path, svg .mark-line path, svg .mark-symbol path,'
                + ' svg .mark-text text').length),
        fetched: performance.getEntriesByType('resource').map(e => e.name),
        external: document.querySelectorAll('script[src], link[href], img[src], iframe').length,
        panels: Array.from(document.querySelectorAll('section.panel')).map(s => s.id)}))()"""
    )
    assert state["errors"] == []
    assert state["charts"] == state["rendered"] == len(state["panels"]) == 6
    assert state["panels"] == [
        "families-time",
        "families-desk",
        "loaded-words",
        "boilerplate",
        "sourcing",
        "genre",
    ]
    assert all(n > 0 for n in state["marks"]), state["marks"]
    assert state["fetched"] == [] and state["external"] == 0


def test_tables_hold_the_numbers_the_charts_draw(browser: DevTools, dashboard: Path) -> None:
    browser.open((dashboard / "dashboard.html").as_uri())
    years = panel_rows(browser, "families-time")
    assert [row[0] for row in years] == ["2019", "2020", "2021", "all"]
    docs = pq.read_table(dashboard / "documents").to_pylist()
    assert int(years[-1][1]) == len(docs)
    assert int(years[-1][2].replace(",", "")) == sum(d["words"] for d in docs)
    points = browser.js(
        "document.querySelectorAll('#chart-1 svg .mark-symbol.role-mark path').length"
    )  # one point per year and family
    families = [
        h
        for h in browser.js(
            "Array.from(document.querySelectorAll('table[data-panel=\"families-time\"] th'))"
            ".map(th => th.textContent)"
        )
        if h.endswith("/1,000")
    ]
    assert points == 3 * len(families)
    loaded = {row[0]: row for row in panel_rows(browser, "loaded-words")}
    assert "regime" in loaded and "government" in loaded["regime"][4]
    assert set(loaded["regime"][5]) <= set("▁▂▃▄▅▆▇█") and len(loaded["regime"][5]) == 3
    found = pq.read_table(dashboard / "findings").to_pylist()
    regime = [f for f in found if f["rule"] == "bias.loaded" and f["match"].lower() == "regime"]
    assert int(loaded["regime"][1]) == len(regime)
    leaks = {row[0]: row for row in panel_rows(browser, "boilerplate")}
    comments = [f for f in found if f["rule"] == "boilerplate.comments"]
    assert int(leaks["boilerplate.comments"][1]) == len(comments) > 0
    sourcing = panel_rows(browser, "sourcing")[-1]
    orphans = sum(d["orphan_quotes"] for d in docs)
    assert sourcing[0] == "all" and int(sourcing[2]) == orphans > 0
    desks = [row[0] for row in panel_rows(browser, "families-desk")]
    assert sorted(desks) == ["business", "city", "health"]


def test_example_links_lead_to_their_documents(browser: DevTools, dashboard: Path) -> None:
    browser.open((dashboard / "dashboard.html").as_uri())
    links = browser.js(
        """Array.from(document.querySelectorAll('section.panel td a[href^="#doc-"]'))
        .map(a => [a.getAttribute('href'), a.textContent])"""
    )
    assert len(links) > 10
    for href, label in links:
        target = browser.js(
            f"(() => {{ const s = document.getElementById({json.dumps(href[1:])});"
            " return s && s.querySelector('h3').textContent; })()"
        )
        assert target and label.lstrip("…") in target
    leak = browser.js(
        """(() => {
        const a = Array.from(document.querySelectorAll('table[data-panel=boilerplate] td a'))[0];
        a.click();
        const s = document.getElementById(a.getAttribute('href').slice(1));
        return {hash: location.hash, rules: Array.from(s.querySelectorAll('td code'))
            .map(c => c.textContent), top: Math.round(s.getBoundingClientRect().top)};
    })()"""
    )
    assert leak["hash"].startswith("#doc-") and any(
        r.startswith("boilerplate.") for r in leak["rules"]
    )
    assert abs(leak["top"]) < 5  # scrolled to it


def test_archive_text_is_shown_as_text(browser: DevTools, dashboard: Path) -> None:
    browser.open((dashboard / "dashboard.html").as_uri())
    state = browser.js(
        """(() => ({title: document.title,
        imgs: document.querySelectorAll('main img').length,
        text: Array.from(document.querySelectorAll('section.example h3'))
            .map(h => h.textContent).filter(t => t.includes('onerror'))}))()"""
    )
    assert state["title"] == "newslint audit" and state["imgs"] == 0
    assert state["text"] and HOSTILE in state["text"][0]
