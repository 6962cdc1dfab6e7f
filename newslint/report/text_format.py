"""Human-readable output: ``path:line:col: level rule-id message`` plus the offending excerpt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.findings import Finding, level_at_least
from newslint.report import ReportOptions, describe_genre, genre_mix, summary

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult

COLORS = {"error": "31", "warning": "33", "suggestion": "36", "dim": "2", "bold": "1"}
EXCERPT_WIDTH = 100


def _paint(text: str, what: str, on: bool) -> str:
    return f"\033[{COLORS[what]}m{text}\033[0m" if on else text


def excerpt(finding: Finding, width: int = EXCERPT_WIDTH) -> tuple[str, str]:
    """The source line around the finding (trimmed to ``width``) and a caret underline."""
    line = finding.context.replace("\t", " ")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = max(end, start + 1)
    left = max(0, min(start - 30, len(line) - width))
    right = min(len(line), max(left + width, end))
    if right - left > width:
        right = left + width
    shown = ("…" if left > 0 else "") + line[left:right] + ("…" if right < len(line) else "")
    pad = (1 if left > 0 else 0) + start - left
    carets = "^" * max(1, min(end, right) - start)
    return shown, " " * pad + carets


def format_finding(f: Finding, color: bool = False, show_excerpt: bool = True) -> str:
    """One finding as text."""
    head = f"{_paint(f'{f.path}:{f.line}:{f.column}:', 'bold', color)} {_paint(f.level, f.level, color)} {f.rule} {f.message}"
    shown = [s for s in f.suggestions[:3] if s]
    if shown and not any(f"'{s}'" in f.message for s in shown):
        head += " (suggestion: " + ", ".join(f"'{s}'" for s in shown) + ")"
    if f.related:  # folded into this finding: the same words, one defect
        head += " [also " + ", ".join(dict.fromkeys(r.rule for r in f.related)) + "]"
    if not show_excerpt or not f.context.strip():
        return head
    shown_line, carets = excerpt(f)
    return f"{head}\n    {_paint('|', 'dim', color)} {shown_line}\n    {_paint('|', 'dim', color)} {_paint(carets, f.level, color)}"


def render(results: list[FileResult], options: ReportOptions) -> str:
    out: list[str] = []
    for result in results:
        if result.error:
            out.append(
                f"{result.path}: {_paint('error', 'error', options.color)} {result.error.split(': ', 1)[-1]}"
            )
        for f in result.findings:
            if options.quiet and (
                options.fail_on == "never" or not level_at_least(f.level, options.fail_on)
            ):
                continue
            out.append(format_finding(f, options.color, not options.quiet))
    if options.stats:
        out.append(render_stats(results))
    if not options.quiet:
        s = summary(results)
        lv = s["by_level"]
        line = (
            f"{s['findings']} finding{'s' if s['findings'] != 1 else ''} "
            f"({lv['error']} errors, {lv['warning']} warnings, {lv['suggestion']} suggestions) "
            f"in {s['files']} file{'s' if s['files'] != 1 else ''}"
        )
        if s["file_errors"]:
            line += f"; {s['file_errors']} file{'s' if s['file_errors'] != 1 else ''} could not be linted"
        out.append(line)
    return "\n".join(out) + ("\n" if out else "")


def render_stats(results: list[FileResult]) -> str:
    """Counts per rule over the run, then per-article figures."""
    s = summary(results)
    lines = ["", "Findings per rule:"]
    width = max((len(r) for r in s["by_rule"]), default=10)
    for rule, count in s["by_rule"].items():
        lines.append(f"  {rule:<{width}}  {count:>5}")
    if not s["by_rule"]:
        lines.append("  (none)")
    mix = genre_mix(results)
    if mix:
        lines.append("")
        lines.append("Genres: " + ", ".join(f"{name} {n}" for name, n in mix.items()))
    for result in results:
        if not result.stats:
            continue
        st = result.stats
        lines.append("")
        lines.append(f"{result.path}:")
        if result.genre:
            lines.append(f"  {describe_genre(result.genre)}")
        for key, value in st.items():
            if isinstance(value, dict):
                if not value:
                    continue
                inner = ", ".join(f"{k} {v}" for k, v in value.items())
                lines.append(f"  {key.replace('_', ' ')}: {inner}")
            else:
                lines.append(f"  {key.replace('_', ' ')}: {value}")
    return "\n".join(lines)
