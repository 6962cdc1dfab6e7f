"""Mask static-site template tags (Hugo shortcodes, Liquid) out of Markdown source, keeping offsets.

Masking replaces characters without changing the length or the line breaks of the source, so the
Markdown parser sees the structure the site generator would, and every offset still points into the
original file. A tag alone on its line becomes blank (it renders as a block of its own); a tag
inside a line becomes :data:`PLACEHOLDER` characters, which keep link syntax such as
``[text]({{< ref "post.md" >}})`` intact and which the readers drop from the text.

Paired tags whose content is code or markup (``{% highlight %}``, ``{% raw %}``, ``{% comment %}``,
``{{< highlight >}}`` ...) are masked with their content. The content of any other paired shortcode
(``note``, ``callout``, ``box`` ...) is prose and stays.
"""

from __future__ import annotations

import re

#: stands for a masked tag character; a Unicode noncharacter, never found in real text
PLACEHOLDER = "\ufdd0"

#: Hugo shortcodes whose inner content is code, data or markup, not prose
CODE_SHORTCODES = frozenset(
    {"highlight", "code", "codeblock", "mermaid", "katex", "math", "chart", "raw", "html", "svg"}
)
#: Liquid blocks whose content never reaches the reader as prose
CODE_LIQUID_BLOCKS = frozenset({"highlight", "raw", "comment", "capture"})

_MAX_TAG = 2000  # a tag longer than this is not a tag (keeps scanning linear)
_BODY = r".{0,%d}?" % _MAX_TAG  # noqa: UP031 - a regex full of braces
_TAG = re.compile(
    r"\{\{(?P<hugo>[<%])(?P<hbody>" + _BODY + r")[>%]\}\}"
    r"|\{%-?[ \t]*(?P<lname>\w+)(?P<lbody>" + _BODY + r")-?%\}"
    r"|\{\{" + _BODY + r"\}\}",
    re.DOTALL,
)
_SHORTCODE_NAME = re.compile(r"\s*(/?)\s*([\w./-]+)")
_FENCE_LINE = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,}).*$", re.MULTILINE)
_NOT_NEWLINE = re.compile(r"[^\n]")
_MASKED_LINE = re.compile(rf"^[ \t]*{PLACEHOLDER}[ \t{PLACEHOLDER}]*$", re.MULTILINE)


def _closer(kind: str, name: str) -> re.Pattern[str]:
    if kind == "liquid":
        return re.compile(r"\{%-?[ \t]*end" + re.escape(name) + r"[ \t]*-?%\}")
    return re.compile(r"\{\{[<%]\s*/\s*" + re.escape(name) + r"\s*[>%]\}\}")


def _mask(text: str) -> str:
    return _NOT_NEWLINE.sub(PLACEHOLDER, text)


def _mask_region(text: str) -> str:
    """Mask a region but keep code-fence lines, so fences opened or closed inside still pair up."""
    out, pos = [], 0
    for m in _FENCE_LINE.finditer(text):
        out.append(_mask(text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_mask(text[pos:]))
    return "".join(out)


def mask_templates(source: str) -> str:
    """``source`` with every template tag masked (same length, same line breaks)."""
    if "{{" not in source and "{%" not in source:
        return source
    out: list[str] = []
    pos = 0
    while True:
        m = _TAG.search(source, pos)
        if not m:
            break
        out.append(source[pos : m.start()])
        end = m.end()
        name, kind = None, ""
        if m.group("hugo"):
            nm = _SHORTCODE_NAME.match(m.group("hbody"))
            if nm and not nm.group(1) and nm.group(2).lower() in CODE_SHORTCODES:
                name, kind = nm.group(2), "hugo"
        elif m.group("lname") and m.group("lname").lower() in CODE_LIQUID_BLOCKS:
            name, kind = m.group("lname"), "liquid"
        close = _closer(kind, name).search(source, end) if name else None
        if close:
            out.append(_mask(source[m.start() : end]))
            out.append(_mask_region(source[end : close.start()]))
            out.append(_mask(source[close.start() : close.end()]))
            end = close.end()
        else:
            out.append(_mask(source[m.start() : end]))
        pos = end
    out.append(source[pos:])
    return _MASKED_LINE.sub(_blank, "".join(out))


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())
