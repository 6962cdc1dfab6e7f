"""The HTML report in a real headless browser (Debian's chromium, driven over the DevTools protocol).

The test starts chromium itself and talks to it with a small WebSocket client written here (standard
library only). It checks that findings are highlighted where they are in the article, that the rule
and level filters really hide findings, that the filter survives in the address, and that text from
the article is shown as text, never as markup.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from conftest import SEED, run_cli

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("NEWSLINT_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
    "--window-size=1280,2000",
]


class DevTools:
    """A minimal Chrome DevTools Protocol client over one WebSocket (RFC 6455 text frames)."""

    def __init__(self, ws_url: str) -> None:
        url = urlparse(ws_url)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {url.path} HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("websocket handshake failed")
            head += chunk
        assert b" 101 " in head.split(b"\r\n", 1)[0], head
        self.buffer = head.split(b"\r\n\r\n", 1)[1]
        self.next_id = 0

    def _read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("browser closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _recv_message(self) -> dict[str, Any]:
        payload = b""
        while True:
            b1, b2 = self._read(2)
            length = b2 & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload += self._read(length)
            if b1 & 0x80:  # FIN
                return json.loads(payload.decode())  # type: ignore[no-any-return]

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        body = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        n = len(body)
        header = bytes([0x81]) + (
            bytes([0x80 | n])
            if n < 126
            else bytes([0x80 | 126]) + struct.pack(">H", n)
            if n < 65536
            else bytes([0x80 | 127]) + struct.pack(">Q", n)
        )
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(body))
        self.sock.sendall(header + mask + masked)
        while True:
            message = self._recv_message()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]  # type: ignore[no-any-return]

    def js(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"JavaScript error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str) -> None:
        """Load ``url`` afresh (via about:blank, so a changed #fragment is a real page load)."""
        self.call("Page.navigate", url="about:blank")
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready = self.js(
                "document.readyState === 'complete' && !!window.newslintReport"
                f" && location.href === {json.dumps(url)}"
            )
            if ready:
                return
            time.sleep(0.1)
        raise AssertionError(f"page did not load: {url}")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            f"{CHROMIUM} is absent: install Debian's browser with "
            "`apt-get update && apt-get install -y chromium` to run the HTML browser tests"
        )
    profile = tmp_path_factory.mktemp("chromium-profile")
    proc = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ws_url = None
        deadline = time.monotonic() + 60
        assert proc.stderr is not None
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m:
                ws_url = m.group(1)
                break
        if ws_url is None:
            pytest.fail("chromium did not start its DevTools endpoint")
        port = urlparse(ws_url).port
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as resp:
            pages = [t for t in json.load(resp) if t["type"] == "page"]
        tools = DevTools(pages[0]["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        yield tools
        tools.sock.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


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
