"""The language server: LSP messages in, lints scheduled off the event loop, results out.

Diagnostics are pushed (``textDocument/publishDiagnostics``) unless the client pulls them
(``textDocument/diagnostic``): a document the client has pulled once is no longer pushed, so an
editor that does both never shows a finding twice. Nothing a client sends can stop the server:
every handler logs its own failure and the server goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import wraps
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from newslint import __version__
from newslint.engine.incremental import BlockHits
from newslint.frontends.lsp import actions as actions_module
from newslint.frontends.lsp import project_files
from newslint.frontends.lsp.actions import ActionContext, actions_for
from newslint.frontends.lsp.collector import IdleCollector
from newslint.frontends.lsp.diagnostics import diagnostics_for
from newslint.frontends.lsp.documents import DocumentStore, PositionCodec, path_to_uri, uri_to_path
from newslint.frontends.lsp.hover import hover_for
from newslint.frontends.lsp.linting import BaselineCache, Outcome, Snapshot, lint_snapshot
from newslint.frontends.lsp.project import Project
from newslint.frontends.lsp.timing import Timings

log = logging.getLogger("newslint.lsp")

WATCHED_GLOBS = (
    "**/.newslint.yaml",
    "**/.newslint.yml",
    "**/newslint.yaml",
    "**/pyproject.toml",
    "**/*.txt",
    "**/*.yaml",
    "**/*.yml",
    "**/*.json",
)
WARM_UP_TEXT = 'Warm-up\n\nThe council met on Monday. "We will act," the mayor said.\n'


class _Protocol(LanguageServerProtocol):
    """pygls's protocol without its own copy of open documents: the server keeps the text
    (with LSP's line rules: ``\\n``, ``\\r\\n`` and ``\\r`` end a line, nothing else does)."""

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


def _guarded(default: Any = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Log a handler's exception and answer ``default``: the server never dies of a request."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        if asyncio.iscoroutinefunction(fn):

            @wraps(fn)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                try:
                    return await fn(*args, **kwargs)
                except Exception:
                    log.error("%s failed:\n%s", fn.__name__, traceback.format_exc())
                    return default

            return run_async

        @wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception:
                log.error("%s failed:\n%s", fn.__name__, traceback.format_exc())
                return default

        return run

    return decorate


class NewslintServer(LanguageServer):
    """newslint's language server (see the module docstring)."""

    def __init__(self, manage_gc: bool = False) -> None:
        """``manage_gc``: collect garbage between lints only (:mod:`.collector`); for a server
        that owns its process, not one started inside another program's."""
        super().__init__(
            "newslint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=_Protocol,
        )
        self.docs = DocumentStore()
        self.codec = PositionCodec("utf-16")
        self.project = Project()
        self.baselines = BaselineCache()
        self.outcomes: dict[str, Outcome] = {}
        #: documents the client pulls diagnostics for (never pushed to)
        self.pulled: set[str] = set()
        self.pushed: set[str] = set()
        self.mode = "auto"
        self.generation = 0
        self.roots: list[str] = []
        self.config_problem_uris: set[str] = set()
        self._shown_problems: set[str] = set()
        self._lint_events: dict[str, asyncio.Event] = {}
        #: the newest snapshot of each document, and the documents with a lint job queued
        self._latest: dict[str, Snapshot] = {}
        self._queued: set[str] = set()
        #: per open document, the block-local rules' hits of its last lint (the worker's alone)
        self.block_hits: dict[str, BlockHits] = {}
        #: one worker: lints (and reloads) run one at a time, off the event loop
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self.manage_gc = manage_gc
        self.collector = IdleCollector(self.worker)
        #: where the time after an edit goes (written only when NEWSLINT_LSP_TIMING names a file)
        self.timings = Timings.from_environment()
        self._warm = self.worker.submit(self._warm_up)

    # -- start-up --------------------------------------------------------------------------
    def _warm_up(self) -> None:
        """Load spaCy, the rules and the spelling tables before the first document arrives."""
        from newslint.analysis.lazy_spacy import install

        install()
        try:
            snap = Snapshot(
                "warm-up", 0, WARM_UP_TEXT, os.path.join(os.getcwd(), "warm-up.txt"), "text"
            )
            lint_snapshot(self.project.linter, snap, self.baselines)
        except Exception:
            log.error("warm-up failed:\n%s", traceback.format_exc())
        if self.manage_gc:
            self.collector.start()

    def configure(self, params: types.InitializeParams) -> None:
        """Settle the position encoding, the diagnostics mode and the workspace roots."""
        encoding = self.protocol.workspace.position_encoding if self.protocol._workspace else None
        self.codec = PositionCodec(str(encoding or "utf-16"))
        options = params.initialization_options or {}
        if isinstance(options, dict) and options.get("diagnosticMode") in ("push", "pull"):
            self.mode = options["diagnosticMode"]
        roots = [uri_to_path(f.uri) for f in params.workspace_folders or []]
        if not roots and params.root_uri:
            roots = [uri_to_path(params.root_uri)]
        elif not roots and params.root_path:
            roots = [params.root_path]
        self.roots = [os.path.abspath(r) for r in roots]

    def fallback_root(self, path: str) -> str:
        """Where a new project file goes: the workspace folder holding ``path``, else its folder."""
        path = os.path.abspath(path)
        for root in sorted(self.roots, key=len, reverse=True):
            if path.startswith(root.rstrip(os.sep) + os.sep):
                return root
        return os.path.dirname(path)

    # -- linting ---------------------------------------------------------------------------
    def snapshot(self, uri: str) -> Snapshot | None:
        doc = self.docs.get(uri)
        if doc is None:
            return None
        return Snapshot(uri, doc.version, doc.text, doc.path, doc.fmt, self.generation)

    def is_stale(self, snap: Snapshot) -> bool:
        doc = self.docs.get(snap.uri)
        return doc is None or doc.version != snap.version or snap.generation != self.generation

    def schedule(self, uri: str) -> None:
        """Lint the document's current text in the worker; a newer edit supersedes it.

        One job per document waits in the worker's queue at most: it lints whatever text is
        newest when it starts, so a burst of keystrokes costs one lint, not one per key."""
        snap = self.snapshot(uri)
        if snap is None:
            return
        self._latest[uri] = snap
        if uri in self._queued:
            return
        self._queued.add(uri)
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.worker, self._lint_job, uri)
        future.add_done_callback(self._lint_done)

    def _lint_job(self, uri: str) -> Outcome | None:
        from newslint.engine.linter import LintCancelled

        self._queued.discard(uri)  # first: an edit from now on queues a job of its own
        snap = self._latest.get(uri)
        if snap is None or self.is_stale(snap):
            return None
        self.timings.mark(uri, snap.version, "lint_start")
        try:
            blocks = self.block_hits.get(uri)
            if blocks is None:
                blocks = self.block_hits[uri] = BlockHits()
            outcome = lint_snapshot(
                self.project.linter, snap, self.baselines, lambda: self.is_stale(snap), blocks
            )
            self.timings.mark(uri, snap.version, "lint_end")
            return outcome
        except LintCancelled:
            return None
        except Exception as exc:  # a bug must not take the server down with it
            log.error("lint of %s failed:\n%s", snap.uri, traceback.format_exc())
            return Outcome(snap, problem=f"newslint: internal error: {exc!r}")

    def _lint_done(self, future: asyncio.Future[Outcome | None]) -> None:
        try:
            outcome = future.result()
        except Exception:  # pragma: no cover - _lint_job catches everything
            log.error("lint failed:\n%s", traceback.format_exc())
            return
        if outcome is None or self.is_stale(outcome.snapshot):
            return
        snap = outcome.snapshot
        self.outcomes[snap.uri] = outcome
        if outcome.problem:
            self.log(outcome.problem, types.MessageType.Error)
        if outcome.config_problem:
            path, line, message = outcome.config_problem
            self.report_project_problem(path, line, message)
        if self.pushes(snap.uri):
            self.publish(outcome)
        self.collector.after_lint(busy=bool(self._queued))
        event = self._lint_events.pop(snap.uri, None)
        if event is not None:
            event.set()

    def pushes(self, uri: str) -> bool:
        if self.mode == "pull":
            return False
        return self.mode == "push" or uri not in self.pulled

    def diagnostics(self, outcome: Outcome) -> list[types.Diagnostic]:
        return diagnostics_for(outcome, self.codec, self.project.rules(outcome.snapshot.path))

    def publish(self, outcome: Outcome) -> None:
        snap = outcome.snapshot
        self.pushed.add(snap.uri)
        self.timings.mark(snap.uri, snap.version, "publish_start")
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(snap.uri, self.diagnostics(outcome), snap.version)
        )
        self.timings.mark(snap.uri, snap.version, "publish_sent")
        self.timings.finish(snap.uri, snap.version)

    async def current_outcome(self, uri: str, timeout: float = 60.0) -> Outcome | None:
        """The outcome for the document's current text, waiting for its lint when needed."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            snap = self.snapshot(uri)
            if snap is None:
                return None
            outcome = self.outcomes.get(uri)
            if outcome is not None and not self.is_stale(outcome.snapshot):
                return outcome
            event = self._lint_events.get(uri)
            if event is None:
                event = self._lint_events[uri] = asyncio.Event()
                self.schedule(uri)
            remaining = deadline - loop.time()
            if remaining <= 0:
                return outcome
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except asyncio.TimeoutError:
                return outcome

    def relint_all(self) -> None:
        self.generation += 1
        for doc in self.docs.all():
            self.schedule(doc.uri)
        caps = self.client_capabilities.workspace
        if self.pulled and caps and caps.diagnostics and caps.diagnostics.refresh_support:
            self.workspace_diagnostic_refresh(None)

    # -- project files ---------------------------------------------------------------------
    async def reload(self, extra: Iterable[str] = ()) -> bool:
        """Reload configs, packs and vocabularies in the worker, then re-lint every document;
        False (with the problem reported) when the new files do not load."""
        paths = [d.path for d in self.docs.all()] + list(extra)
        loop = asyncio.get_running_loop()
        problems = await loop.run_in_executor(self.worker, self.project.reload, paths)
        await loop.run_in_executor(self.worker, self.block_hits.clear)
        self.baselines.clear()
        flagged = set(self.config_problem_uris)
        self.config_problem_uris.clear()
        for problem in problems:
            self.report_project_problem(problem.path, problem.line, problem.message)
        for uri in flagged - self.config_problem_uris:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))
        if not problems:
            self._shown_problems.clear()
        self.relint_all()
        return not problems

    def report_project_problem(self, path: str | None, line: int | None, message: str) -> None:
        """One clear message, and a diagnostic on the broken file at its line."""
        if message not in self._shown_problems:
            self._shown_problems.add(message)
            self.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Error,
                    f"newslint: {message} (still using the last good settings)",
                )
            )
            self.log(message, types.MessageType.Error)
        if path:
            uri = path_to_uri(path)
            at = max((line or 1) - 1, 0)
            diagnostic = types.Diagnostic(
                range=types.Range(types.Position(at, 0), types.Position(at, 1000)),
                message=message,
                severity=types.DiagnosticSeverity.Error,
                source="newslint",
            )
            self.config_problem_uris.add(uri)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri, [diagnostic])
            )

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        log.info("%s", message)
        with contextlib.suppress(Exception):  # no client yet
            self.window_log_message(types.LogMessageParams(kind, message))

    def info(self, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(types.MessageType.Info, message))
        self.log(message)

    def error(self, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
        self.log(message, types.MessageType.Error)

    async def register_watchers(self) -> None:
        caps = self.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if not (watched and watched.dynamic_registration):
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED_GLOBS]
        )
        registration = types.Registration(
            id="newslint-watched-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        await self.client_register_capability_async(types.RegistrationParams([registration]))


def build_server(manage_gc: bool = False) -> NewslintServer:
    """A server with every feature registered."""
    server = NewslintServer(manage_gc)

    @server.feature(types.INITIALIZE)
    @_guarded()
    def initialize(params: types.InitializeParams) -> None:
        server.configure(params)

    @server.feature(types.INITIALIZED)
    @_guarded()
    async def initialized(params: types.InitializedParams) -> None:
        server.codec = PositionCodec(str(server.protocol.workspace.position_encoding or "utf-16"))
        await server.register_watchers()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @_guarded()
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        server.docs.open(item.uri, item.language_id, item.version, item.text)
        server.schedule(item.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @_guarded()
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        changes: list[tuple[tuple[int, int, int, int] | None, str]] = []
        for change in params.content_changes:
            rng = getattr(change, "range", None)
            if rng is None:
                changes.append((None, change.text))
            else:
                where = (rng.start.line, rng.start.character, rng.end.line, rng.end.character)
                changes.append((where, change.text))
        uri = params.text_document.uri
        version = params.text_document.version
        server.timings.mark(uri, version, "received")
        if server.docs.change(uri, version, changes, server.codec):
            server.timings.mark(uri, version, "applied")
            server.schedule(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @_guarded()
    async def did_save(params: types.DidSaveTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri)
        if server.project.is_relevant(path):
            await server.reload([path])
        elif server.docs.get(params.text_document.uri) is not None:
            server.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @_guarded()
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.docs.close(uri)
        server.outcomes.pop(uri, None)
        server._latest.pop(uri, None)
        server.worker.submit(server.block_hits.pop, uri, None)  # the worker owns them
        if (event := server._lint_events.pop(uri, None)) is not None:
            event.set()  # a pull waiting for this document answers now
        server.pulled.discard(uri)
        if uri in server.pushed:
            server.pushed.discard(uri)
            server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="newslint", inter_file_dependencies=False, workspace_diagnostics=False
        ),
    )
    @_guarded(types.RelatedFullDocumentDiagnosticReport(items=[]))
    async def pull_diagnostics(params: types.DocumentDiagnosticParams) -> Any:
        uri = params.text_document.uri
        if server.mode != "push" and uri not in server.pulled:
            server.pulled.add(uri)
            if uri in server.pushed:  # the client pulls: clear what was pushed to it
                server.pushed.discard(uri)
                server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))
        outcome = await server.current_outcome(uri)
        if outcome is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        result_id = f"{outcome.snapshot.generation}:{outcome.snapshot.version}"
        if params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(
            items=server.diagnostics(outcome), result_id=result_id
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, actions_module.FIX_ALL_KIND],
            resolve_provider=False,
        ),
    )
    @_guarded([])
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        outcome = server.outcomes.get(params.text_document.uri)
        if outcome is None:
            return []
        caps = server.client_capabilities.workspace
        versioned = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
        ctx = ActionContext(outcome, server.codec, versioned)
        known = {
            (str(d.code), d.range.start.line, d.range.start.character): d
            for d in params.context.diagnostics
        }
        return actions_for(ctx, params.range, known, params.context.only)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @_guarded()
    def hover(params: types.HoverParams) -> types.Hover | None:
        outcome = server.outcomes.get(params.text_document.uri)
        if outcome is None:
            return None
        ctx = ActionContext(outcome, server.codec, False)
        path = outcome.snapshot.path
        front_matter = outcome.document.front_matter if outcome.document else {}
        levels = server.project.levels(path, dict(front_matter))
        return hover_for(ctx, params.position, server.project.rules(path), levels)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @_guarded()
    async def watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        paths = [uri_to_path(c.uri) for c in params.changes]
        relevant = [p for p in paths if server.project.is_relevant(p)]
        if relevant:
            await server.reload(relevant)

    @server.command(actions_module.ADD_TO_VOCABULARY)
    @_guarded()
    async def add_to_vocabulary(*args: Any) -> None:
        uri, word = str(args[0]), str(args[1])
        await _edit_project(
            uri, lambda config, root, path: project_files.add_to_vocabulary(config, word, root)
        )

    @server.command(actions_module.ACCEPT_IN_BASELINE)
    @_guarded()
    async def accept_in_baseline(*args: Any) -> None:
        uri, _version, fingerprint, rule, match = (str(a) for a in args[:5])
        await _edit_project(
            uri,
            lambda config, root, path: project_files.accept_in_baseline(
                config, path, [(rule, match, fingerprint)], root
            ),
        )

    @server.command(actions_module.DISABLE_RULE)
    @_guarded()
    async def disable_rule(*args: Any) -> None:
        uri, rule, scope = str(args[0]), str(args[1]), str(args[2])

        def edit(config: Any, root: str, path: str) -> project_files.Edits:
            files = project_files.override_glob(config, path, root, folder=scope == "folder")
            return project_files.disable_rule(config, rule, files, root)

        await _edit_project(uri, edit)

    async def _edit_project(uri: str, edit: Callable[[Any, str, str], Any]) -> None:
        from newslint.errors import NewslintError

        path = uri_to_path(uri)
        try:
            config = server.project.linter.config_for(path)
            edits = edit(config, server.fallback_root(path), path)
        except (NewslintError, OSError) as exc:
            server.error(f"newslint: {exc}")
            return
        server.log(f"newslint: {edits.summary}")
        if await server.reload(list(edits.written)):
            server.info(f"newslint: {edits.summary}")

    return server


def serve(stdin: Any = None, stdout: Any = None) -> None:
    """Run the server over standard input and output until the client says exit."""
    logging.basicConfig(level=os.environ.get("NEWSLINT_LSP_LOG", "WARNING").upper())
    server = build_server(manage_gc=True)
    # the lint runs in a worker thread; a short switch interval lets the reader thread take
    # a new edit off the pipe (which marks the running lint stale) without waiting 5 ms a turn
    sys.setswitchinterval(0.0005)
    server.start_io(stdin, stdout)
