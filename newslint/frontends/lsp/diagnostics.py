"""Findings as LSP diagnostics: the level as severity, the rule id as code with its link, the
matched text and suggestions in the message."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from lsprotocol import types

from newslint.frontends.lsp.documents import OpenDocument, PositionCodec, path_to_uri

if TYPE_CHECKING:
    from newslint.engine.rules import Rule
    from newslint.findings import Finding
    from newslint.frontends.lsp.linting import Outcome

SOURCE = "newslint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "suggestion": types.DiagnosticSeverity.Information,
}


def finding_range(finding: Finding, lines: OpenDocument, codec: PositionCodec) -> types.Range:
    """The finding's span in client units (findings count code points on 1-based lines)."""
    start_line = finding.line - 1
    end_line = finding.end_line - 1
    start = codec.to_client(lines.line(start_line), finding.column - 1)
    end = codec.to_client(lines.line(end_line), finding.end_column - 1)
    return types.Range(types.Position(start_line, start), types.Position(end_line, end))


def message_of(finding: Finding) -> str:
    """The rule's message, with the suggestions when the message does not already give them."""
    message = finding.message
    shown = [s for s in finding.suggestions if s]
    if shown and not all(s in message for s in shown):
        message += " (suggestions: " + ", ".join(f"'{s}'" for s in shown) + ")"
    if finding.related:
        message += " [also " + ", ".join(sorted({r.rule for r in finding.related})) + "]"
    return message


def rule_link(rule: Rule | None) -> str | None:
    """The rule's documentation: its ``link``, else its definition (description and examples)
    in the rule file, as a file URI at its line."""
    if rule is None:
        return None
    if rule.link:
        return rule.link
    if rule.path and os.path.isabs(rule.path):
        return f"{path_to_uri(rule.path)}#L{rule.line}"
    return None


def to_diagnostic(
    finding: Finding,
    lines: OpenDocument,
    codec: PositionCodec,
    rule: Rule | None,
) -> types.Diagnostic:
    link = rule_link(rule)
    return types.Diagnostic(
        range=finding_range(finding, lines, codec),
        message=message_of(finding),
        severity=SEVERITY.get(finding.level, types.DiagnosticSeverity.Information),
        code=finding.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        data={"rule": finding.rule, "match": finding.match},
    )


def notice_diagnostic(message: str, severity: types.DiagnosticSeverity) -> types.Diagnostic:
    """A diagnostic on the first line, for a document that could not be linted as a whole."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=severity,
        source=SOURCE,
    )


def diagnostics_for(
    outcome: Outcome, codec: PositionCodec, rules: dict[str, Rule]
) -> list[types.Diagnostic]:
    """Every diagnostic of one lint, positioned in the text that was linted."""
    lines = OpenDocument(outcome.snapshot.uri, "", outcome.snapshot.version, outcome.snapshot.text)
    out = [to_diagnostic(f, lines, codec, rules.get(f.rule)) for f in outcome.findings]
    if outcome.problem:
        out.append(notice_diagnostic(outcome.problem, types.DiagnosticSeverity.Error))
    elif outcome.notice and outcome.document is None:
        out.append(
            notice_diagnostic(f"newslint: {outcome.notice}", types.DiagnosticSeverity.Information)
        )
    return out
