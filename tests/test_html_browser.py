"""The HTML report in a real headless browser (Debian's chromium, driven over the DevTools protocol).

The test starts chromium itself and talks to it with the small WebSocket client of ``chromium.py``
(standard library only). It checks that findings are highlighted where they are in the article, that the rule
and level filters really hide findings, that the filter survives in the address, and that text from
the article is shown as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import DevTools, chromium
from conftest import SEED, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    for tools in chromium(tmp_path_factory):
        tools.ready = "window.newslintReport"
        yield tools


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html-report")
    article = folder / "seed.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    hostile = folder / "markup.txt"
    hostile.write_text(
        SEED.read_text(encoding="utf-8")
        + "\nThe caption read <img src=x onerror=\"document.title='pwned'\"> and <b>bold</b>.\n",
        encoding="utf-8",
    )
    out = folder / "report.html"
    proc = run_cli(
        "check", "--no-cache", "--format", "html", "-o", str(out), str(article), str(hostile)
    )
    assert proc.returncode == 1, proc.stderr
    return out


def test_highlights_render_at_the_flagged_words(browser: DevTools, report: Path) -> None:
    browser.open(report.as_uri())
    mark = browser.js(
        """(() => {
        const li = document.querySelector('li.finding[data-rule="boilerplate.comments"]');
        const m = document.querySelector('mark.hl[data-f~="' + li.dataset.f + '"]');
        const r = m.getBoundingClientRect(), s = getComputedStyle(m);
        return {text: m.textContent, cls: m.className, title: m.title, w: r.width, h: r.height,
                bg: s.backgroundColor, line: m.closest('.ln').querySelector('.no').textContent};
    })()"""
    )
    seed_lines = SEED.read_text(encoding="utf-8").splitlines()
    assert mark["text"] == "Discuss This Article"
    assert seed_lines[int(mark["line"]) - 1].startswith("Discuss This Article")
    assert "lvl-warning" in mark["cls"]
    assert "boilerplate.comments" in mark["title"]
    assert mark["w"] > 20 and mark["h"] > 5  # laid out and visible
    assert mark["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")  # painted
    counts = browser.js(
        "[document.querySelectorAll('li.finding').length, window.newslintReport.findings.length,"
        " document.querySelectorAll('mark.hl:not(.off)').length]"
    )
    assert counts[0] == counts[1] > 10 and counts[2] >= counts[0] - 2


def test_rule_filter_hides_findings_and_their_highlights(browser: DevTools, report: Path) -> None:
    browser.open(report.as_uri())
    before = browser.js("document.querySelectorAll('li.finding:not([hidden])').length")
    state = browser.js(
        """(() => {
        document.querySelector('#filters input[data-kind=rule][value="boilerplate.comments"]').click();
        const items = Array.from(document.querySelectorAll('li.finding[data-rule="boilerplate.comments"]'));
        const marks = items.map(li => document.querySelector('mark.hl[data-f~="' + li.dataset.f + '"]'));
        const other = document.querySelector('li.finding[data-rule="bias.loaded"]');
        const otherMark = document.querySelector('mark.hl[data-f~="' + other.dataset.f + '"]');
        return {n: items.length,
                hidden: items.every(li => li.offsetParent === null),
                marksOff: marks.every(m => m.classList.contains('off')
                    && getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)'),
                otherShown: other.offsetParent !== null && !otherMark.classList.contains('off'),
                visible: document.querySelectorAll('li.finding:not([hidden])').length,
                hash: decodeURIComponent(location.hash)};
    })()"""
    )
    assert state["n"] == 2  # one in each article
    assert state["hidden"] and state["marksOff"] and state["otherShown"]
    assert state["visible"] == before - 2
    assert state["hash"] == "#hide=boilerplate.comments"


def test_level_filter_and_filter_in_the_address(browser: DevTools, report: Path) -> None:
    browser.open(report.as_uri() + "#hide=level%3Asuggestion")
    state = browser.js(
        """(() => {
        const box = document.querySelector('#filters input[data-kind=level][value=suggestion]');
        const shown = Array.from(document.querySelectorAll('li.finding'))
            .filter(li => li.offsetParent !== null);
        return {checked: box.checked, levels: Array.from(new Set(shown.map(li => li.dataset.level))),
                total: window.newslintReport.findings.length,
                suggestions: window.newslintReport.findings.filter(f => f.l === 'suggestion').length,
                shown: shown.length};
    })()"""
    )
    assert state["checked"] is False
    assert state["suggestions"] > 0 and "suggestion" not in state["levels"]
    assert state["shown"] == state["total"] - state["suggestions"]


def test_article_text_is_shown_as_text_not_markup(browser: DevTools, report: Path) -> None:
    browser.open(report.as_uri())
    state = browser.js(
        """(() => {
        const doc = Array.from(document.querySelectorAll('details.doc'))
            .find(d => d.querySelector('summary').textContent.includes('markup.txt'));
        return {imgs: doc.querySelectorAll('.prose img, .prose b').length,
                text: doc.querySelector('.prose').textContent, title: document.title};
    })()"""
    )
    assert state["imgs"] == 0
    assert "<img src=x onerror=" in state["text"] and "<b>bold</b>" in state["text"]
    assert "pwned" not in state["title"]
