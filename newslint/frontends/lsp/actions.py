"""Code actions on findings: fixes and replacements as text edits of the document; vocabulary,
baseline and rule switches as commands the server carries out by writing the project's files."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsprotocol import types

from newslint.frontends.lsp.diagnostics import finding_range
from newslint.frontends.lsp.documents import OpenDocument, PositionCodec, normalized_position

if TYPE_CHECKING:
    from newslint.findings import Finding
    from newslint.frontends.lsp.linting import Outcome

ADD_TO_VOCABULARY = "newslint.addToVocabulary"
ACCEPT_IN_BASELINE = "newslint.acceptInBaseline"
DISABLE_RULE = "newslint.disableRule"
COMMANDS = (ADD_TO_VOCABULARY, ACCEPT_IN_BASELINE, DISABLE_RULE)
FIX_ALL_KIND = "source.fixAll.newslint"
#: rules whose finding is a word the house may simply accept as spelled
VOCABULARY_FAMILIES = ("spelling",)


class ActionContext:
    """One lint's text and positions, for building edits in client units."""

    def __init__(self, outcome: Outcome, codec: PositionCodec, versioned: bool) -> None:
        self.outcome = outcome
        self.codec = codec
        self.versioned = versioned
        snap = outcome.snapshot
        self.lines = OpenDocument(snap.uri, "", snap.version, snap.text)
        self.source = outcome.document.source if outcome.document else ""

    def source_position(self, offset: int) -> types.Position:
        line, column = normalized_position(self.source, offset)
        return types.Position(line, self.codec.to_client(self.lines.line(line), column))

    def edit(self, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        snap = self.outcome.snapshot
        if self.versioned:
            doc = types.OptionalVersionedTextDocumentIdentifier(uri=snap.uri, version=snap.version)
            return types.WorkspaceEdit(
                document_changes=[types.TextDocumentEdit(text_document=doc, edits=edits)]
            )
        return types.WorkspaceEdit(changes={snap.uri: edits})

    def fix_edit(self, finding: Finding) -> types.TextEdit:
        assert finding.fix is not None
        start = self.source_position(finding.fix.start)
        end = self.source_position(finding.fix.end)
        return types.TextEdit(types.Range(start, end), finding.fix.replacement)

    def replaceable(self, finding: Finding) -> bool:
        """True when the finding's span in the source is exactly its matched prose."""
        lines = self.source.split("\n")
        try:
            if finding.line == finding.end_line:
                span = lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]
            else:
                first = lines[finding.line - 1][finding.column - 1 :]
                middle = lines[finding.line : finding.end_line - 1]
                last = lines[finding.end_line - 1][: finding.end_column - 1]
                span = "\n".join([first, *middle, last])
        except IndexError:
            return False
        return span == finding.match

    def in_front_matter(self, line: int) -> bool:
        """True when 1-based ``line`` sits in a front-matter block (a comment would break it)."""
        lines = self.source.split("\n")
        if not lines or lines[0].strip() not in ("---", "+++"):
            return False
        fence = lines[0].strip()
        for i in range(1, len(lines)):
            if lines[i].strip() in (fence, "..."):
                return line <= i + 1
        return True


def overlaps(a: types.Range, b: types.Range) -> bool:
    """True when two ranges share a position (an empty range touching a finding counts)."""
    a_start, a_end = (a.start.line, a.start.character), (a.end.line, a.end.character)
    b_start, b_end = (b.start.line, b.start.character), (b.end.line, b.end.character)
    return a_start <= b_end and b_start <= a_end


def findings_in(ctx: ActionContext, where: types.Range) -> list[Finding]:
    return [
        f for f in ctx.outcome.findings if overlaps(finding_range(f, ctx.lines, ctx.codec), where)
    ]


def _quickfix(
    title: str,
    diagnostic: types.Diagnostic | None,
    edit: types.WorkspaceEdit | None = None,
    command: types.Command | None = None,
    preferred: bool = False,
    kind: str = types.CodeActionKind.QuickFix,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=kind,
        diagnostics=[diagnostic] if diagnostic else None,
        edit=edit,
        command=command,
        is_preferred=preferred or None,
    )


def suppress_edit(ctx: ActionContext, finding: Finding) -> types.TextEdit | None:
    """The inline comment that switches the finding's rule off on its line."""
    if ctx.in_front_matter(finding.line):
        return None
    line = finding.line - 1
    text = ctx.lines.line(line)
    if ctx.outcome.snapshot.fmt == "text":  # plain text reads a comment only on a line of its own
        indent = text[: len(text) - len(text.lstrip())]
        comment = f"{indent}<!-- newslint-disable-next-line {finding.rule} -->\n"
        return types.TextEdit(
            types.Range(types.Position(line, 0), types.Position(line, 0)), comment
        )
    end = types.Position(line, ctx.codec.units(text))
    return types.TextEdit(types.Range(end, end), f" <!-- newslint-disable-line {finding.rule} -->")


def actions_for(
    ctx: ActionContext,
    where: types.Range,
    diagnostics: dict[tuple[str, int, int], types.Diagnostic],
    only: list[str] | None = None,
) -> list[types.CodeAction]:
    """Every action for the findings under ``where``, plus fix-all when the file has fixes."""
    uri = ctx.outcome.snapshot.uri
    version = ctx.outcome.snapshot.version
    out: list[types.CodeAction] = []
    wants_fix_all = only is not None and any(k.startswith("source.fixAll") for k in only)
    for f in [] if wants_fix_all else findings_in(ctx, where):
        rng = finding_range(f, ctx.lines, ctx.codec)
        diag = diagnostics.get((f.rule, rng.start.line, rng.start.character))
        offered: set[str] = set()
        if f.fix is not None:
            title = (
                f"Fix: replace '{f.match}' with '{f.fix.replacement}'"
                if f.fix.replacement
                else f"Fix: delete '{f.match}'"
            )
            out.append(_quickfix(title, diag, ctx.edit([ctx.fix_edit(f)]), preferred=True))
            offered.add(f.fix.replacement)
        if ctx.replaceable(f):
            for suggestion in f.suggestions:
                if suggestion in offered:
                    continue
                offered.add(suggestion)
                title = f"Replace with '{suggestion}'" if suggestion else f"Delete '{f.match}'"
                out.append(
                    _quickfix(
                        title,
                        diag,
                        ctx.edit([types.TextEdit(rng, suggestion)]),
                        preferred=f.fix is None and len(f.suggestions) == 1,
                    )
                )
        if f.family in VOCABULARY_FAMILIES and f.match.strip() and " " not in f.match.strip():
            word = f.match.strip()
            out.append(
                _quickfix(
                    f"Add '{word}' to the project's vocabulary",
                    diag,
                    command=types.Command(
                        title=f"Add '{word}' to the project's vocabulary",
                        command=ADD_TO_VOCABULARY,
                        arguments=[uri, word],
                    ),
                )
            )
        suppress = suppress_edit(ctx, f)
        if suppress is not None:
            out.append(_quickfix(f"Suppress {f.rule} on this line", diag, ctx.edit([suppress])))
        fingerprint = ctx.outcome.fingerprint(f)
        if fingerprint:
            args: list[Any] = [uri, version, fingerprint, f.rule, f.match]
            title = f"Accept this {f.rule} finding into the baseline"
            out.append(
                _quickfix(
                    title,
                    diag,
                    command=types.Command(title=title, command=ACCEPT_IN_BASELINE, arguments=args),
                )
            )
        for scope, label in (("file", "this file"), ("folder", "this folder")):
            title = f"Switch {f.rule} off for {label}"
            out.append(
                _quickfix(
                    title,
                    diag,
                    command=types.Command(
                        title=title, command=DISABLE_RULE, arguments=[uri, f.rule, scope]
                    ),
                )
            )
    fixes = [f for f in ctx.outcome.findings if f.fix is not None]
    if fixes:
        chosen = _non_overlapping(fixes)
        title = f"Fix all safe problems in this file ({len(chosen)})"
        edit = ctx.edit([ctx.fix_edit(f) for f in chosen])
        under_cursor = bool(out)
        if under_cursor and (only is None or types.CodeActionKind.QuickFix in only):
            out.append(_quickfix(title, None, edit))
        if wants_fix_all or (only is None and not under_cursor):
            out.append(_quickfix(title, None, edit, kind=FIX_ALL_KIND))
    if only:
        out = [a for a in out if any(str(a.kind).startswith(k) for k in only)]
    return out


def _non_overlapping(findings: list[Finding]) -> list[Finding]:
    """The fixes ``apply_fixes`` would apply: sorted, the first of any overlapping pair."""
    out: list[Finding] = []
    seen: set[Any] = set()
    pos = 0
    for f in sorted(findings, key=lambda x: (x.fix.start, x.fix.end)):  # type: ignore[union-attr]
        assert f.fix is not None
        if f.fix in seen or f.fix.start < pos:
            continue
        seen.add(f.fix)
        out.append(f)
        pos = f.fix.end
    return out
