"""What a rule checks, in words: the text of ``newslint explain`` and of the editor's hover."""

from __future__ import annotations

import textwrap

from newslint.engine.rules import Rule


def explain_text(rule: Rule, level: str) -> str:
    """The rule's id, level, kind, description, scope, message, link and examples.

    ``level`` is the rule's level under the config in force (``off`` when it is switched off).
    """
    lines = [f"{rule.id}  [{level}]  kind: {rule.kind}, pack: {rule.pack}"]
    lines.append(f"defined in {rule.path}:{rule.line}")
    if rule.description:
        lines += ["", textwrap.fill(" ".join(rule.description.split()), 88)]
    lines += ["", f"scope: {scope_text(rule)}", f"message: {rule.message}"]
    if rule.link:
        lines.append(f"more: {rule.link}")
    for title, items in (("flags", rule.flag_examples), ("passes", rule.pass_examples)):
        if items:
            lines += ["", f"{title}:"]
            lines += [f"  - {item}" for item in items]
    return "\n".join(lines)


def scope_text(rule: Rule) -> str:
    """``voice narration; body, list`` (``any block`` when the rule looks everywhere)."""
    blocks = "any block" if len(rule.scope.blocks) > 9 else ", ".join(sorted(rule.scope.blocks))
    return f"voice {rule.scope.voice}; {blocks}"
