"""The language server end to end: a real LSP client (pytest-lsp) talking to ``newslint lsp``
over stdio. One server serves the module; each test works in a folder of its own, so the config,
vocabulary and baseline files one test writes do not reach another's documents."""

from __future__ import annotations

import ast
import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="end-to-end server tests need pytest-lsp")

from conftest import SEED  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

FIRST_LINT = 180.0  # a fresh machine builds the spelling tables once (~20 s), on a busy machine
LINT = 60.0

WORKSPACE: Path | None = None
REGISTRATIONS: list[types.Registration] = []
#: every publishDiagnostics the server sent, in order
PUBLISHED: list[types.PublishDiagnosticsParams] = []


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "newslint", "lsp"],
    ),
)
async def client(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory):
    global WORKSPACE
    WORKSPACE = tmp_path_factory.mktemp("workspace")

    def record(params: types.PublishDiagnosticsParams) -> None:
        PUBLISHED.append(params)
        lsp_client.diagnostics[params.uri] = params.diagnostics

    # every notification kept in order (pytest-lsp keeps the last one per document)
    lsp_client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        REGISTRATIONS.extend(params.registrations)

    capabilities = client_capabilities("visual-studio-code")
    capabilities.text_document.diagnostic = None  # diagnostics pushed (pull has its own test)
    params = types.InitializeParams(
        capabilities=capabilities,
        root_uri=WORKSPACE.as_uri(),
        workspace_folders=[types.WorkspaceFolder(WORKSPACE.as_uri(), "workspace")],
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def folder(name: str) -> Path:
    """A test's own folder (with its own config, so nothing written reaches other tests)."""
    assert WORKSPACE is not None
    path = WORKSPACE / name
    path.mkdir()
    return path


async def published(
    uri: str, version: int | None = None, since: int = 0, timeout: float = FIRST_LINT
) -> list[types.Diagnostic]:
    """The first diagnostics published for ``uri`` (at ``version``) after ``since``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        for params in PUBLISHED[since:]:
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)
        await asyncio.sleep(0.01)
    raise TimeoutError(f"no diagnostics for {uri} version {version}")


def mark() -> int:
    return len(PUBLISHED)


async def open_doc(
    client: LanguageClient, path: Path, text: str, language: str = "plaintext"
) -> list[types.Diagnostic]:
    uri = path.as_uri()
    since = mark()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text))
    )
    return await published(uri, 1, since)


async def change(
    client: LanguageClient, path: Path, version: int, text: str, rng: types.Range | None = None
) -> list[types.Diagnostic]:
    uri = path.as_uri()
    since = mark()
    event = (
        types.TextDocumentContentChangePartial(range=rng, text=text)
        if rng is not None
        else types.TextDocumentContentChangeWholeDocument(text=text)
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version), [event]
        )
    )
    return await published(uri, version, since)


def by_rule(diagnostics: list[types.Diagnostic], rule: str) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == rule]


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply text edits (UTF-16 positions, as the server was told) to ``text``."""
    lines = text.split("\n")

    def offset(pos: types.Position) -> int:
        line = lines[pos.line]
        units, col = 0, 0
        while col < len(line) and units < pos.character:
            units += 2 if ord(line[col]) > 0xFFFF else 1
            col += 1
        return sum(len(x) + 1 for x in lines[: pos.line]) + col

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def edits_of(action: types.CodeAction) -> list[types.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        return [e for change in action.edit.document_changes for e in change.edits]
    return [e for edits in (action.edit.changes or {}).values() for e in edits]


async def actions_at(
    client: LanguageClient, path: Path, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(path.as_uri()),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    actions = []
    for item in result or []:
        if isinstance(item, types.Command) and item.command.startswith("{"):
            # lsprotocol's converter reads a CodeAction that carries a command (and no edit) as
            # a Command whose command is the nested object's repr; editors tell them apart
            inner = ast.literal_eval(item.command)
            item = types.CodeAction(title=item.title, command=types.Command(**inner))
        if isinstance(item, types.CodeAction):
            actions.append(item)
    return actions


async def run_command(client: LanguageClient, action: types.CodeAction) -> None:
    assert action.command is not None
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(action.command.command, action.command.arguments)
    )


# -- diagnostics ------------------------------------------------------------------------------
@pytest.mark.asyncio(loop_scope="module")
async def test_sample_article_diagnostics(client: LanguageClient) -> None:
    here = folder("sample")
    text = SEED.read_text(encoding="utf-8")
    diagnostics = await open_doc(client, here / "story.txt", text)
    codes = {d.code for d in diagnostics}
    assert {"spelling.typo", "editorial.slogan", "boilerplate.appeal", "quotes.orphan"} <= codes
    (typo,) = by_rule(diagnostics, "spelling.typo")
    line = text.split("\n")[typo.range.start.line]
    assert line[typo.range.start.character : typo.range.end.character] == "takover"
    assert "takeover" in typo.message
    assert typo.severity == types.DiagnosticSeverity.Warning
    assert typo.source == "newslint"
    assert typo.code_description is not None and "spelling.yaml" in typo.code_description.href
    for d in by_rule(diagnostics, "bias.loaded"):  # suggestions are findings' level 'suggestion'
        if "mild" in d.message:
            assert d.severity == types.DiagnosticSeverity.Information
    # the same findings as the command line, where the CLI and the server agree on the file
    (here / "story.txt").write_text(text, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "story.txt", "--format", "json", "--no-cache"],
        cwd=here,
        capture_output=True,
        text=True,
    )
    cli = {
        (f["rule"], f["line"] - 1, f["column"] - 1)
        for f in json.loads(out.stdout)["files"][0]["findings"]
    }
    server = {(d.code, d.range.start.line, d.range.start.character) for d in diagnostics}
    assert server == cli


@pytest.mark.asyncio(loop_scope="module")
async def test_positions_in_utf16_after_accents_emoji_and_cjk(client: LanguageClient) -> None:
    here = folder("unicode")
    prefix = "Café owners in 東京 cheered 🎉🎉 as the council voted; the "
    text = f"Council vote\n\n{prefix}takover went ahead on Monday.\n"
    diagnostics = await open_doc(client, here / "story.txt", text)
    (typo,) = by_rule(diagnostics, "spelling.typo")
    utf16 = len(prefix.encode("utf-16-le")) // 2
    assert utf16 == len(prefix) + 2  # two emoji, two surrogate pairs
    assert typo.range.start == types.Position(2, utf16)
    assert typo.range.end == types.Position(2, utf16 + len("takover"))


@pytest.mark.asyncio(loop_scope="module")
async def test_incremental_changes_relint(client: LanguageClient) -> None:
    here = folder("changes")
    text = "Council vote\n\nThe 🎉 council backed the takover of the depot on Monday.\n"
    path = here / "story.txt"
    first = await open_doc(client, path, text)
    (typo,) = by_rule(first, "spelling.typo")
    # replace the misspelt word by its correction, in an incremental change
    second = await change(client, path, 2, "takeover", typo.range)
    assert not by_rule(second, "spelling.typo")
    # add a misspelling after the emoji on the same line
    rng = types.Range(types.Position(2, 6), types.Position(2, 6))  # after "The 🎉 " (UTF-16)
    third = await change(client, path, 3, "recieved ", rng)
    fixes = by_rule(third, "spelling.misspelling")
    assert [(d.range.start.character, d.range.end.character) for d in fixes] == [(6, 14)]


@pytest.mark.asyncio(loop_scope="module")
async def test_pull_diagnostics(client: LanguageClient) -> None:
    here = folder("pull")
    path = here / "story.txt"
    await open_doc(client, path, "Council vote\n\nThe council backed the takover on Monday.\n")
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(types.TextDocumentIdentifier(path.as_uri()))
    )
    assert [d.code for d in report.items] == ["spelling.typo"]
    again = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            types.TextDocumentIdentifier(path.as_uri()), previous_result_id=report.result_id
        )
    )
    assert again.kind == "unchanged"


# -- code actions -----------------------------------------------------------------------------
@pytest.mark.asyncio(loop_scope="module")
async def test_quick_fixes_and_fix_all(client: LanguageClient) -> None:
    here = folder("fixes")
    path = here / "story.txt"
    text = "Council vote\n\nThe mayor said the the budget would recieve the takover money.\n"
    diagnostics = await open_doc(client, path, text)
    (typo,) = by_rule(diagnostics, "spelling.typo")
    actions = await actions_at(client, path, typo)
    replace = next(a for a in actions if a.title == "Replace with 'takeover'")
    assert replace.kind == types.CodeActionKind.QuickFix
    assert "the takeover money" in apply_edits(text, edits_of(replace))
    (misspelling,) = by_rule(diagnostics, "spelling.misspelling")
    actions = await actions_at(client, path, misspelling)
    safe = next(a for a in actions if a.title.startswith("Fix: replace 'recieve'"))
    assert safe.is_preferred
    assert "would receive the" in apply_edits(text, edits_of(safe))
    fix_all = next(a for a in actions if a.title.startswith("Fix all safe problems"))
    fixed = apply_edits(text, edits_of(fix_all))
    assert fixed == "Council vote\n\nThe mayor said the budget would receive the takover money.\n"
    # the editor applies the edit; the server re-lints the new text
    after = await change(client, path, 2, fixed)
    assert {d.code for d in after} == {"spelling.typo"}


@pytest.mark.asyncio(loop_scope="module")
async def test_suppress_on_this_line(client: LanguageClient) -> None:
    for name, suffix, language in (("txt", ".txt", "plaintext"), ("md", ".md", "markdown")):
        here = folder(f"suppress-{name}")
        path = here / f"story{suffix}"
        text = "# Council vote\n\nThe council backed the takover on Monday.\n"
        if language == "plaintext":
            text = text.lstrip("# ")
        diagnostics = await open_doc(client, path, text, language)
        (typo,) = by_rule(diagnostics, "spelling.typo")
        actions = await actions_at(client, path, typo)
        suppress = next(a for a in actions if a.title == "Suppress spelling.typo on this line")
        edited = apply_edits(text, edits_of(suppress))
        assert "<!-- newslint-disable" in edited and "spelling.typo -->" in edited
        after = await change(client, path, 2, edited)
        assert not by_rule(after, "spelling.typo")


@pytest.mark.asyncio(loop_scope="module")
async def test_add_to_vocabulary_creates_the_list_and_keeps_the_config_comments(
    client: LanguageClient,
) -> None:
    here = folder("vocabulary")
    config = "# house settings: keep this comment\nmin-level: suggestion  # everything\n"
    (here / ".newslint.yaml").write_text(config, encoding="utf-8")
    path = here / "story.txt"
    diagnostics = await open_doc(
        client, path, "Council vote\n\nThe council met on Monday and voted to zorblat the plan.\n"
    )
    (typo,) = by_rule(diagnostics, "spelling.typo")
    action = next(a for a in await actions_at(client, path, typo) if "vocabulary" in a.title)
    assert action.title == "Add 'zorblat' to the project's vocabulary"
    since = mark()
    await run_command(client, action)
    assert not by_rule(await published(path.as_uri(), None, since, LINT), "spelling.typo")
    assert (here / "vocab" / "accept.txt").read_text().splitlines()[-1] == "zorblat"
    assert (here / ".newslint.yaml").read_text() == (
        config + "vocabulary:\n  accept: [vocab/accept.txt]\n"
    )
    # a second word goes into the same list; the config is left alone
    second = await change(client, path, 2, "Council vote\n\nThe quibbix rule passed.\n")
    (typo,) = by_rule(second, "spelling.typo")
    action = next(a for a in await actions_at(client, path, typo) if "vocabulary" in a.title)
    since = mark()
    await run_command(client, action)
    assert not by_rule(await published(path.as_uri(), None, since, LINT), "spelling.typo")
    assert (here / "vocab" / "accept.txt").read_text().splitlines()[-2:] == ["zorblat", "quibbix"]
    assert (here / ".newslint.yaml").read_text().count("vocabulary:") == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_accept_into_baseline_is_shared_with_the_cli(client: LanguageClient) -> None:
    here = folder("baseline")
    (here / ".newslint.yaml").write_text("# the desk's settings\n", encoding="utf-8")
    path = here / "story.txt"
    text = "Council vote\n\nThe council backed the takover on Monday. Stop the war now.\n"
    path.write_text(text, encoding="utf-8")
    diagnostics = await open_doc(client, path, text)
    (typo,) = by_rule(diagnostics, "spelling.typo")
    action = next(a for a in await actions_at(client, path, typo) if "baseline" in a.title)
    since = mark()
    await run_command(client, action)
    after = await published(path.as_uri(), None, since, LINT)
    assert not by_rule(after, "spelling.typo") and by_rule(after, "editorial.slogan")
    assert "baseline: .newslint-baseline.json" in (here / ".newslint.yaml").read_text()
    data = json.loads((here / ".newslint-baseline.json").read_text())
    assert [e["rule"] for e in data["files"]["story.txt"]] == ["spelling.typo"]
    out = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "story.txt", "--format", "json", "--no-cache"],
        cwd=here,
        capture_output=True,
        text=True,
    )
    cli = [f["rule"] for f in json.loads(out.stdout)["files"][0]["findings"]]
    assert "spelling.typo" not in cli and "editorial.slogan" in cli


@pytest.mark.asyncio(loop_scope="module")
async def test_switch_rule_off_for_file_and_folder(client: LanguageClient) -> None:
    here = folder("override")
    (here / "opinion").mkdir()
    config = "# our config\noverrides:\n  # columns may editorialise\n  - files: [columns/**]\n    ignore: [editorial.*]\n"
    (here / ".newslint.yaml").write_text(config, encoding="utf-8")
    path = here / "opinion" / "story.txt"
    text = "Council vote\n\nThe council backed the takover on Monday. Stop the war now.\n"
    diagnostics = await open_doc(client, path, text)
    (slogan,) = by_rule(diagnostics, "editorial.slogan")
    actions = await actions_at(client, path, slogan)
    for_folder = next(
        a for a in actions if a.title == "Switch editorial.slogan off for this folder"
    )
    since = mark()
    await run_command(client, for_folder)
    after = await published(path.as_uri(), None, since, LINT)
    assert not by_rule(after, "editorial.slogan") and by_rule(after, "spelling.typo")
    assert (here / ".newslint.yaml").read_text() == (
        config + '  - files: ["opinion/**"]\n    ignore: [editorial.slogan]\n'
    )
    (typo,) = by_rule(after, "spelling.typo")
    actions = await actions_at(client, path, typo)
    for_file = next(a for a in actions if a.title == "Switch spelling.typo off for this file")
    since = mark()
    await run_command(client, for_file)
    assert not by_rule(await published(path.as_uri(), None, since, LINT), "spelling.typo")
    assert "files: [opinion/story.txt]" in (here / ".newslint.yaml").read_text()


# -- hover ------------------------------------------------------------------------------------
@pytest.mark.asyncio(loop_scope="module")
async def test_hover_reuses_the_explain_text(client: LanguageClient) -> None:
    here = folder("hover")
    path = here / "story.txt"
    diagnostics = await open_doc(
        client, path, "Council vote\n\nThe council met on Monday. Stop the war now.\n"
    )
    (slogan,) = by_rule(diagnostics, "editorial.slogan")
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(path.as_uri()), slogan.range.start)
    )
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    explain = subprocess.run(
        [sys.executable, "-m", "newslint", "explain", "editorial.slogan"],
        cwd=here,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert explain and explain in hover.contents.value
    assert "Why here:" in hover.contents.value and "narration" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(path.as_uri()), types.Position(0, 0))
    )
    assert nothing is None


# -- reload and bad input ---------------------------------------------------------------------
@pytest.mark.asyncio(loop_scope="module")
async def test_reload_on_watched_config_and_broken_config(client: LanguageClient) -> None:
    here = folder("reload")
    config = here / ".newslint.yaml"
    config.write_text("min-level: suggestion\n", encoding="utf-8")
    path = here / "story.txt"
    text = "Council vote\n\nThe regime backed the takover on Monday.\n"
    before = await open_doc(client, path, text)
    assert by_rule(before, "bias.loaded")

    async def watched_change(version: int) -> list[types.Diagnostic]:
        since = mark()
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
            )
        )
        return await published(path.as_uri(), None, since, LINT)

    config.write_text("min-level: suggestion\nignore: [bias.loaded]\n", encoding="utf-8")
    after = await watched_change(1)
    assert not by_rule(after, "bias.loaded") and by_rule(after, "spelling.typo")

    client.messages.clear()
    config.write_text("min-level: suggestion\nignore: [bias.loaded\nrules: {\n", encoding="utf-8")
    since = mark()
    kept = await watched_change(1)
    broken = await published(config.as_uri(), None, since, LINT)
    assert len(broken) == 1 and broken[0].severity == types.DiagnosticSeverity.Error
    assert broken[0].range.start.line in (1, 2, 3)
    assert any(".newslint.yaml" in m.message for m in client.messages)
    # the last good config still applies, and edits are still linted
    assert not by_rule(kept, "bias.loaded") and by_rule(kept, "spelling.typo")
    edited = await change(client, path, 2, text.replace("takover", "takeover"))
    assert not by_rule(edited, "spelling.typo") and not by_rule(edited, "bias.loaded")

    config.write_text("min-level: suggestion\n", encoding="utf-8")
    since = mark()
    fixed = await watched_change(2)
    assert by_rule(fixed, "bias.loaded")
    assert await published(config.as_uri(), None, since, LINT) == []


@pytest.mark.asyncio(loop_scope="module")
async def test_bad_input_leaves_the_server_serving(client: LanguageClient) -> None:
    here = folder("bad")
    nul = await open_doc(client, here / "nul.txt", "Title\n\n\x00\x00 binary \x00 junk\n")
    assert len(nul) == 1 and "binary" in nul[0].message
    huge = await open_doc(client, here / "huge.txt", "The council met. " * 620_000)
    assert len(huge) == 1 and "too large" in huge[0].message
    # a later NUL is read as a space: the rest is linted, positions unchanged
    body = "The council met. " * 600
    late = await open_doc(client, here / "late.txt", f"Council vote\n\n{body}\x00 takover\n")
    (typo,) = by_rule(late, "spelling.typo")
    assert typo.range.start == types.Position(2, len(body) + 2)
    # a request for a document the server never saw, and one with nonsense positions
    ghost = types.TextDocumentIdentifier((here / "ghost.txt").as_uri())
    assert (
        await client.text_document_hover_async(types.HoverParams(ghost, types.Position(0, 0)))
        is None
    )
    assert not await client.text_document_code_action_async(
        types.CodeActionParams(
            ghost,
            types.Range(types.Position(99, 99), types.Position(5, 0)),
            types.CodeActionContext(diagnostics=[]),
        )
    )
    # and the server still lints
    fine = await open_doc(client, here / "fine.txt", "Council vote\n\nThe takover went ahead.\n")
    assert [d.code for d in fine] == ["spelling.typo"]
