"""``newslint lsp`` through a minimal hand-rolled JSON-RPC client (no pygls on this side): the
checks a bare editor makes. The sample article's findings, a quick fix offering 'takeover', an
add-to-vocabulary action, hover, UTF-8 positions when the client asks for them, and a NUL-laden
document, malformed messages and a broken config that leave the server serving."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED

pytest.importorskip("pygls", reason="the language server needs the lsp extra")
sys.path.insert(0, str(ROOT / "benchmarks"))

from lsp_wire import WireClient  # noqa: E402


@pytest.fixture
def server(tmp_path: Path):
    client = WireClient(cwd=str(tmp_path))
    yield client
    assert client.close() == 0, "".join(client.stderr_lines)[-2000:]


def open_doc(client: WireClient, uri: str, text: str, version: int = 1) -> list[dict]:
    item = {"uri": uri, "languageId": "plaintext", "version": version, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": item})
    return client.diagnostics(uri, version, timeout=180)["params"]["diagnostics"]


def test_a_bare_client_gets_findings_fixes_vocabulary_and_hover(
    server: WireClient, tmp_path: Path
) -> None:
    result = server.initialize(
        str(tmp_path), {"general": {"positionEncodings": ["utf-8", "utf-16"]}}
    )
    assert result["capabilities"]["positionEncoding"] == "utf-8"
    (tmp_path / ".newslint.yaml").write_text("# newsroom settings\n", encoding="utf-8")
    text = SEED.read_text(encoding="utf-8")
    uri = (tmp_path / "story.txt").as_uri()
    diagnostics = open_doc(server, uri, text)
    codes = {d["code"] for d in diagnostics}
    assert {"spelling.typo", "editorial.slogan", "boilerplate.appeal", "quotes.orphan"} <= codes

    typo = next(d for d in diagnostics if d["code"] == "spelling.typo")
    start, end = typo["range"]["start"], typo["range"]["end"]
    line = text.split("\n")[start["line"]].encode("utf-8")
    assert line[start["character"] : end["character"]] == b"takover"
    actions = server.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": typo["range"], "context": {"diagnostics": [typo]}},
    )
    titles = [a["title"] for a in actions]
    replace = next(a for a in actions if a["title"] == "Replace with 'takeover'")
    (edit,) = replace["edit"].get("changes", {}).get(uri) or [
        e for c in replace["edit"]["documentChanges"] for e in c["edits"]
    ]
    assert edit["newText"] == "takeover" and edit["range"] == typo["range"]
    vocabulary = next(a for a in actions if "vocabulary" in a["title"])
    assert vocabulary["command"]["command"] == "newslint.addToVocabulary"
    assert "Suppress spelling.typo on this line" in titles

    hover = server.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": typo["range"]["start"]}
    )
    assert "spelling.typo" in hover["contents"]["value"]
    assert "flags:" in hover["contents"]["value"]  # the explain text's examples

    # the vocabulary action writes the files and the finding goes
    server.request(
        "workspace/executeCommand",
        {
            "command": vocabulary["command"]["command"],
            "arguments": vocabulary["command"]["arguments"],
        },
    )
    after = server.diagnostics(uri, 1, timeout=120)["params"]["diagnostics"]
    assert "spelling.typo" not in {d["code"] for d in after}
    assert "takover" in (tmp_path / "vocab" / "accept.txt").read_text(encoding="utf-8")
    assert (tmp_path / ".newslint.yaml").read_text(encoding="utf-8").startswith("# newsroom")


def test_bad_input_and_a_broken_config_do_not_stop_the_server(
    server: WireClient, tmp_path: Path
) -> None:
    server.initialize(str(tmp_path))
    config = tmp_path / ".newslint.yaml"
    config.write_text("ignore: [bias.loaded]\n", encoding="utf-8")
    server.notify(  # a config created while the server runs: the editor's file watcher says so
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 1}]}
    )
    nul = open_doc(server, (tmp_path / "nul.txt").as_uri(), "Title\n\n\x00\x00\x00 binary\n")
    assert len(nul) == 1 and "binary" in nul[0]["message"]

    # malformed messages: not JSON, JSON but not JSON-RPC, an unknown method, bad params
    server.send_raw(b"{this is not json")
    server.send_raw(b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": 5}')
    server.send({"id": 100, "method": "newslint/nothing", "params": {}})
    answer = server.wait(lambda m: m.get("id") == 100, timeout=60)
    assert "error" in answer

    uri = (tmp_path / "story.txt").as_uri()
    text = "Council vote\n\nThe regime backed the takover on Monday.\n"
    first = open_doc(server, uri, text)
    assert {d["code"] for d in first} == {"spelling.typo"}

    config.write_text("ignore: [bias.loaded\n", encoding="utf-8")
    server.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]}
    )
    message = server.wait(lambda m: m.get("method") == "window/showMessage", timeout=120)
    assert ".newslint.yaml" in message["params"]["message"]
    on_config = server.diagnostics(config.as_uri(), timeout=60)["params"]["diagnostics"]
    assert on_config and on_config[0]["range"]["start"]["line"] >= 0

    # the server still lints, with the last good config
    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": text.replace("takover", "takeover")}],
        },
    )
    after = server.diagnostics(uri, 2, timeout=120)["params"]["diagnostics"]
    assert after == []
    assert server.proc.poll() is None


def test_lsp_help_and_version_stay_light() -> None:
    import subprocess

    help_text = subprocess.run(
        [sys.executable, "-m", "newslint", "lsp", "--help"], capture_output=True, text=True
    ).stdout
    assert "language server" in help_text.lower()
    probe = "import sys; from newslint.frontends.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'spacy')))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout
    assert loaded.strip().endswith("[]"), loaded
