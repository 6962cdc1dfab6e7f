"""A bare LSP client over stdio: JSON-RPC with Content-Length headers, nothing else.

No pygls here, on purpose: the latency benchmark and one end-to-end test talk to ``newslint lsp``
the way any editor does, with bytes on a pipe. Not a general client: enough to open documents,
send edits, wait for notifications and make requests.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from typing import Any


class WireClient:
    """Starts ``newslint lsp`` and speaks JSON-RPC to it."""

    def __init__(self, cwd: str | None = None, env: dict[str, str] | None = None) -> None:
        command = [sys.executable, "-m", "newslint", "lsp"]
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**os.environ, **(env or {})},
        )
        self.started = time.perf_counter()
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self._next_id = 0
        self._pending: dict[int, Any] = {}
        self.notifications: list[dict[str, Any]] = []
        self.stderr_lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # -- wire ------------------------------------------------------------------------------
    def send_raw(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_raw(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            body = stream.read(length)
            message = json.loads(body)
            message["_received"] = time.perf_counter()
            self.messages.put(message)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            self.stderr_lines.append(raw.decode("utf-8", "replace"))

    # -- requests and notifications --------------------------------------------------------
    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 60.0) -> Any:
        """Send a request and wait for its response (answering the server's own requests)."""
        self._next_id += 1
        my_id = self._next_id
        self.send({"id": my_id, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == my_id and "method" not in m, timeout)
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message.get("result")

    def wait(self, predicate: Any, timeout: float = 60.0) -> dict[str, Any]:
        """The next message that satisfies ``predicate``; others are kept in ``notifications``."""
        deadline = time.perf_counter() + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("no such message from the server")
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                raise TimeoutError("no such message from the server") from None
            if "method" in message and "id" in message:  # a request from the server
                self.send({"id": message["id"], "result": None})
            if predicate(message):
                return message
            self.notifications.append(message)

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 60.0) -> Any:
        """The next publishDiagnostics for ``uri`` (for ``version`` when given)."""

        def wanted(m: dict[str, Any]) -> bool:
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            params = m["params"]
            return params["uri"] == uri and (version is None or params.get("version") == version)

        return self.wait(wanted, timeout)

    def initialize(self, root: str, capabilities: dict[str, Any] | None = None) -> Any:
        from pathlib import Path

        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": Path(root).as_uri(),
                "capabilities": capabilities or {},
            },
        )
        self.notify("initialized", {})
        return result

    def close(self) -> int:
        """Shut the server down politely; kill it if it does not go."""
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout=10)
                self.notify("exit", None)
                return self.proc.wait(timeout=10)
        except Exception:
            pass
        if self.proc.poll() is None:
            self.proc.kill()
        return self.proc.wait()
