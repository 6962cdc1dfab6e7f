"""Rule kinds described for people, from the kinds themselves: ``newslint kinds`` and the
README's kinds tables are generated here from each kind's ``options`` specs and docstring, so
they cannot drift from the code."""

from __future__ import annotations

import sys
import textwrap
from typing import Any

from newslint.engine.kind import Kind, Option
from newslint.engine.kinds import available_kinds, get_kind

#: fields every rule has, whatever its kind
COMMON_FIELDS_HELP = "id, kind, level, message, description, link, scope, examples, enabled, tags"
_TYPE_NAMES = {
    list: "list",
    dict: "mapping",
    str: "text",
    int: "integer",
    float: "number",
    bool: "true/false",
}


def kind_doc(kind: type[Kind]) -> str:
    """The kind module's docstring: what it flags, a YAML example, its message fields."""
    return (sys.modules[kind.__module__].__doc__ or "").strip()


def kind_summary(kind: type[Kind]) -> str:
    """The first sentence of the kind's docstring, without the leading ``name``: label."""
    first = (
        " ".join(kind_doc(kind).split("\n\n")[0].split()).replace("``", "`").replace(":mod:", "")
    )
    prefix = f"`{kind.name}`:"
    return first[len(prefix) :].strip() if first.startswith(prefix) else first


def type_name(option: Option) -> str:
    """``word list``, ``list or mapping``, ``number``, ..."""
    if option.words:
        return "word list"
    types = [t for t in option.types if not (t is int and float in option.types)]
    return " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in types)


def _flow(value: Any) -> str:
    """A value as YAML flow text: ``[a, b]``, ``{say: [said, says]}``, ``true``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str) and (not value.strip() or value != value.strip()):
        return repr(value)
    return str(value)


def default_text(option: Option, width: int | None = 40) -> str:
    """The default for people: ``required``, ``(none)``, or the value (shortened to ``width``)."""
    if option.required:
        return "required"
    if option.default is None or option.default in ([], {}):
        return "(none)" if option.default is None else _flow(option.default)
    text = _flow(option.default)
    if width is not None and len(text) > width:
        count = f" ({len(option.default)} items)" if isinstance(option.default, list) else ""
        text = text[: width - len(count) - 1].rstrip(", ") + "…" + count
    return text


def meaning(option: Option) -> str:
    """The option's help text, with its choices."""
    choices = f" (one of: {', '.join(map(str, option.choices))})" if option.choices else ""
    return option.help + choices


def _scope_text(kind: type[Kind]) -> str:
    scope = kind.default_scope
    if not scope:
        return "any voice, any block"
    blocks = scope.get("block", "any")
    blocks = ", ".join(blocks) if isinstance(blocks, list) else blocks
    return f"{scope.get('voice', 'any')} voice, {blocks} blocks"


def describe_kind(kind: type[Kind], full: bool = False) -> str:
    """One kind as text: name, summary, options table; with ``full`` the whole docstring and
    every default in full."""
    role = "generic" if kind.generic else "special"
    lines = [f"{kind.name}  ({role}; default scope: {_scope_text(kind)})"]
    lines += textwrap.wrap(kind_summary(kind), 96, initial_indent="  ", subsequent_indent="  ")
    if kind.options:
        width = max(len(name) for name in kind.options)
        for name, option in kind.options.items():
            default = default_text(option, None if full else 48)
            head = f"  {name:<{width}}  {type_name(option)}, "
            head += "required" if option.required else f"default {default}"
            lines += textwrap.wrap(
                head, 96, subsequent_indent=" " * (width + 6), break_on_hyphens=False
            )
            lines += textwrap.wrap(
                meaning(option),
                96,
                initial_indent=" " * (width + 4),
                subsequent_indent=" " * (width + 4),
                break_on_hyphens=False,
            )
    else:
        lines.append("  (no options)")
    if full:
        lines += ["", textwrap.indent(kind_doc(kind), "  ")]
    return "\n".join(lines)


def describe_kinds(name: str | None = None) -> str:
    """Every kind (or the one named) as text, for ``newslint kinds [NAME]``; KeyError if none."""
    if name is not None:
        return describe_kind(get_kind(name), full=True)
    kinds = [get_kind(n) for n in available_kinds()]
    blocks = [describe_kind(k) for k in sorted(kinds, key=lambda k: (not k.generic, k.name))]
    footer = (
        f"Every rule also has the common fields: {COMMON_FIELDS_HELP}.\n"
        "newslint kinds NAME shows one kind in full: every default, its YAML example and "
        "message fields."
    )
    return "\n\n".join([*blocks, footer])


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_tables() -> str:
    """The README's kinds tables: generic kinds, then special kinds, one row each."""
    out: list[str] = []
    kinds = [get_kind(n) for n in available_kinds()]
    for title, generic in (
        ("Generic kinds (their words are data)", True),
        ("Special kinds", False),
    ):
        out += [f"{title}:", "", "| kind | flags | options |", "|---|---|---|"]
        for kind in (k for k in kinds if k.generic == generic):
            options = ", ".join(f"`{n}`" for n in kind.options) or "(none)"
            out.append(f"| `{kind.name}` | {_cell(kind_summary(kind))} | {options} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
