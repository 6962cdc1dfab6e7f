"""Hover on a finding: why it fires here, then the rule as ``newslint explain`` describes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from newslint.engine.explain import explain_text
from newslint.frontends.lsp.diagnostics import finding_range, message_of, rule_link

if TYPE_CHECKING:
    from newslint.engine.rules import Rule
    from newslint.findings import Finding
    from newslint.frontends.lsp.actions import ActionContext

VOICES = {
    "narration": "it looks only at the reporter's own words (outside attributed quotations), "
    "and this text is narration",
    "quote": "it looks only inside quotations, and this text is quoted speech",
    "any": "it looks at narration and quotations alike",
}


def why_here(finding: Finding, rule: Rule | None, ctx: ActionContext) -> list[str]:
    """The reasons this rule applies at this spot: genre and profile, block, voice."""
    reasons = []
    result = ctx.outcome.result
    genre = getattr(result, "genre", None) if result is not None else None
    if isinstance(genre, dict) and genre:
        shown = ", ".join(f"{k} {v}" for k, v in genre.items() if isinstance(v, (str, int, float)))
        if shown:
            reasons.append(f"this piece: {shown}")
    document = ctx.outcome.document
    if document is not None:
        block = document.block_at(finding.offset)
        if block is not None:
            reasons.append(f"block: {block.kind}")
    if rule is not None:
        reasons.append(f"voice: {VOICES.get(rule.scope.voice, rule.scope.voice)}")
    return reasons


def hover_markdown(finding: Finding, rule: Rule | None, level: str, ctx: ActionContext) -> str:
    lines = [f"**{finding.rule}** ({finding.level}): {message_of(finding)}", ""]
    reasons = why_here(finding, rule, ctx)
    if reasons:
        lines.append("Why here: " + "; ".join(reasons) + ".")
        lines.append("")
    if rule is not None:
        lines += ["```text", explain_text(rule, level), "```"]
        link = rule_link(rule)
        if link:
            lines += ["", f"[{rule.id}: the rule and its examples]({link})"]
    return "\n".join(lines)


def hover_for(
    ctx: ActionContext,
    position: types.Position,
    rules: dict[str, Rule],
    levels: dict[str, str],
) -> types.Hover | None:
    """The hover for the findings under ``position`` (None when there is none)."""
    parts = []
    covered: types.Range | None = None
    for f in ctx.outcome.findings:
        rng = finding_range(f, ctx.lines, ctx.codec)
        if (
            (rng.start.line, rng.start.character)
            <= (position.line, position.character)
            <= (
                rng.end.line,
                rng.end.character,
            )
        ):
            rule = rules.get(f.rule)
            parts.append(hover_markdown(f, rule, levels.get(f.rule, f.level), ctx))
            covered = covered or rng
    if not parts:
        return None
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)),
        range=covered,
    )
