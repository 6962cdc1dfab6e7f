"""Mask what site generators add to Markdown source (template tags, shortcodes), keeping offsets.

Masking replaces characters without changing the length or the line breaks of the source, so the
Markdown parser sees the structure the site generator would, and every offset still points into the
original file. What is masked:

* template tags of the generators' template languages: Go templates and Hugo (``{{ }}``,
  ``{{< >}}``, ``{{% %}}``), Liquid, Nunjucks, Jinja, Twig and Zola (``{% %}``, ``{# #}``),
  Handlebars (``{{# }}``, ``{{! }}``); string literals inside a tag may hold ``}}``;
* attribute lists (kramdown ``{: .class}``, Pandoc/Hugo ``{#id .class}``) and brace expressions
  on one line (MDX ``{props.name}``, ``{/* comment */}``, JSX attribute values);
* bracket shortcodes as WordPress and BBCode-like systems write them (``[youtube=...]``,
  ``[youtube https://...]``,
  ``[caption id="..."]...[/caption]``, ``[/name]``); a bare ``[name]`` only when ``[/name]`` closes
  it, so "[sic]" and "[he said]" stay prose.

A masked tag is :data:`SILENT` characters when it renders nothing where it stands (a control tag, a
comment, the tags of a wrapper, an attribute list). It starts with :data:`VALUE` when it renders a
value read as a word (an output expression ``{{ .Site.Title }}``, an MDX expression) and with
:data:`EMBED` when it renders an object (an unpaired shortcode or ``{% include %}``: a figure, a
video): the inline reader leaves one placeholder token for either, an embed's only between words.
A line of nothing but masked tags becomes blank (it renders as a block of its own, or as nothing).

Paired tags whose content is code or data (``{% highlight %}``, ``{% raw %}``, ``{{< mermaid >}}``,
``[sourcecode]`` ...) are masked with their content; the content of any other paired tag (a note, a
callout, an alert, a caption) is prose and stays.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

#: masked markup that renders nothing where it stands; a Unicode noncharacter, never in real text
SILENT = "\ufdd0"
#: first character of masked markup that renders a value read as a word (the rest is SILENT)
VALUE = "\ufdd1"
#: first character of masked markup that renders an object: an image, a video, a figure
EMBED = "\ufdd2"
MASK_CHARS = SILENT + VALUE + EMBED


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: shortcodes ({{< >}}, {{% %}}) whose content is code, data or markup, not prose
CODE_SHORTCODES = _words(
    """highlight code codeblock mermaid katex math chart raw rawhtml html svg plantuml diagram
    asciinema tex latex"""
)
#: paired {% %} tags whose content is not rendered as prose where it stands
CODE_BLOCK_TAGS = _words(
    """highlight raw verbatim comment capture codeblock code include_code mermaid katex math
    latex tex plantuml graphviz set macro jsfiddle schema javascript"""
)
#: {% %} and {{ }} tags that render nothing themselves (control flow, assignment, layout)
CONTROL_TAGS = _words(
    """if elif elsif else unless case when for in break continue assign set with without block
    extends import from macro call filter liquid tablerow layout paginate comment raw capture
    range define end do autoescape spaceless apply use sandbox"""
)
#: Go template actions that render nothing themselves ({{if}}, {{range}}, {{end}} ...)
ACTION_CONTROL = _words("if else end range with define block break continue")
#: bracket shortcodes whose content is code or data
CODE_BRACKET_TAGS = _words(
    """code sourcecode source php python javascript js css html xml sql bash shell text plain
    latex tex math embed raw"""
)

_MAX_TAG = 2000  # a tag longer than this is not a tag (keeps scanning linear)
_NO_BLANK_LINE = r"(?!\n[ \t]*\n)"
_QUOTED = r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`"""
_BODY = rf"(?:{_QUOTED}|{_NO_BLANK_LINE}[^\"'`])*?"  # quote-aware: "}}" inside a string is text
_LOOSE = rf"(?:{_NO_BLANK_LINE}.)*?"  # for a tag with an unbalanced quote in it
_OPENERS = re.compile(r"(?<!\\)\{|\[(?=/?[A-Za-z])")


def _pair(body: str, tail: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(body + tail, re.S), re.compile(body.replace(_BODY, _LOOSE) + tail, re.S)


_FORMS = {
    "shortcode": _pair(rf"\{{\{{([<%])({_BODY})", r"[>%]\}\}"),
    "mustache": _pair(rf"\{{\{{\{{({_BODY})", r"\}\}\}"),
    "action": _pair(rf"\{{\{{({_BODY})", r"\}\}"),
    "statement": _pair(rf"\{{%({_BODY})", r"%\}"),
    "comment": _pair(rf"\{{#({_LOOSE})", r"#\}"),
}
#: an action whose output is the text of a link, and the destination that follows it
_LINK_TEXT_OUTPUT = re.compile(r"\][\"'`]\s*-?$")
_DESTINATION = re.compile(r"\([^()\s]*\)")
#: kramdown's table of contents: the list right above {:toc}, which it replaces by the headings
_KRAMDOWN_TOC = re.compile(r"^[ \t]*\{:[ \t]*(?:\.no_toc[ \t]*)?toc[ \t]*\}", re.MULTILINE)
_LIST_LINE = re.compile(r"[ \t]*(?:[*+-]|\d+\.)[ \t]+\S")
_KRAMDOWN_EXT = re.compile(r"\{::(\w+)[^{}\n]*?(/?)\}")
#: a brace span on one line, up to three levels deep (MDX expression, attribute list)
_BRACES = re.compile(r"\{(?:[^{}\n]|\{(?:[^{}\n]|\{[^{}\n]*\})*\})*\}")
_ATTRIBUTE_LIST = re.compile(r"\{:|\{[#.][\w-]|\{/\*")
#: a brace right after these is a TeX argument (``\begin{align}``, ``x^{2}``), left to the math
_TEX_ARGUMENT_BEFORE = re.compile(r"[\w}^_\\]")
_BRACKET_TAG = re.compile(
    r"\[(/?)([A-Za-z][\w-]*)"
    r"(=[^\s\[\]]+|(?:\s+[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\[\]\"']+))+\s*/?|\s*/"
    r"|\s+https?://[^\s\[\]]+(?:\s+[^\[\]\n]*)?)?\]"
)
_NAME = re.compile(r"[\s-]*(/?)\s*((?:[\w.$-][\w.$/-]*)?)")
_FENCE_LINE = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,}).*$", re.MULTILINE)
_NOT_NEWLINE = re.compile(r"[^\n]")
_MASKED_LINE = re.compile(rf"^[ \t]*[{MASK_CHARS}][ \t{MASK_CHARS}]*$", re.MULTILINE)


def _mask(text: str, value: str = "") -> str:
    """``text`` masked, its first character ``value`` (VALUE, EMBED) when it renders something."""
    masked = _NOT_NEWLINE.sub(SILENT, text)
    return value + masked[1:] if value and masked else masked


def _mask_region(text: str) -> str:
    """Mask a region but keep code-fence lines, so fences opened or closed inside still pair up."""
    out, pos = [], 0
    for m in _FENCE_LINE.finditer(text):
        out.append(_mask(text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_mask(text[pos:]))
    return "".join(out)


@lru_cache(maxsize=256)
def _closer(form: str, name: str) -> re.Pattern[str]:
    """The closing tag of a paired tag called ``name``."""
    n = re.escape(name)
    if form == "shortcode":
        return re.compile(rf"\{{\{{[<%]-?\s*/\s*{n}\s*-?[>%]\}}\}}", re.I)
    if form == "statement":
        return re.compile(rf"\{{%-?\s*end\s*{n}\s*-?%\}}", re.I)
    if form == "zola":
        return re.compile(r"\{%-?\s*end\s*-?%\}")
    if form == "kramdown":
        return re.compile(rf"\{{:/(?:{n})?\}}")
    return re.compile(rf"\[/{n}\]", re.I)  # bracket


class _Masker:
    """One pass over a source: finds tags left to right and masks them."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.pos = 0
        self.openers: set[str] = set()  # bracket tags opened so far (a closer needs one)
        self.closers: dict[tuple[str, str], tuple[list[int], list[re.Match[str]]]] = {}

    def run(self) -> str:
        source = self.source
        pos = 0
        while True:
            m = _OPENERS.search(source, pos)
            if not m:
                break
            start = m.start()
            end = self.tag(start) if source[start] == "{" else self.bracket(start)
            pos = end if end > start else start + 1
        self.out.append(source[self.pos :])
        return _MASKED_LINE.sub(_blank, "".join(self.out))

    def closer(self, form: str, name: str, pos: int) -> re.Match[str] | None:
        """The first closing tag of ``name`` at or after ``pos`` (every closer of a name is found
        in one pass, so a document of many unpaired tags is not scanned once per tag)."""
        key = (form, name)
        if key not in self.closers:
            found = list(_closer(form, name).finditer(self.source))
            self.closers[key] = ([m.start() for m in found], found)
        starts, found = self.closers[key]
        i = bisect.bisect_left(starts, pos)
        return found[i] if i < len(found) else None

    def emit(self, start: int, end: int, value: str = "") -> None:
        """Mask ``source[start:end]``, starting with ``value`` when the tag renders something."""
        self.out.append(self.source[self.pos : start])
        self.out.append(_mask(self.source[start:end], value))
        self.pos = end

    def code_region(self, start: int, end: int, closer: re.Match[str]) -> int:
        """Mask a paired tag whose content is code: the opener, the content and the closer."""
        self.emit(start, end)
        self.out.append(_mask_region(self.source[end : closer.start()]))
        self.out.append(_mask(closer.group()))
        self.pos = closer.end()
        return closer.end()

    def match(self, form: str, start: int) -> re.Match[str] | None:
        strict, loose = _FORMS[form]
        limit = min(len(self.source), start + _MAX_TAG)
        return strict.match(self.source, start, limit) or loose.match(self.source, start, limit)

    def tag(self, start: int) -> int:
        """Mask the ``{``-tag at ``start``; the offset to go on from."""
        source = self.source
        head = source[start : start + 3]
        if head.startswith("{{"):
            if head in ("{{<", "{{%"):
                return self.shortcode(start)
            form = "mustache" if head == "{{{" else "action"
            m = self.match(form, start) or (self.match("action", start) if head == "{{{" else None)
            if not m:
                return start + 2
            end = m.end()
            if _LINK_TEXT_OUTPUT.search(m.group(1)):  # {{raw "[text]"}}(url): the url goes too
                tail = _DESTINATION.match(source, end)
                end = tail.end() if tail else end
            self.emit(start, end, VALUE if _renders(m.group(1)) else "")
            return end
        if head.startswith("{%"):
            return self.statement(start)
        if head.startswith("{#"):
            m = self.match("comment", start)
            if m:
                self.emit(start, m.end())
                return m.end()
        if head.startswith("{::"):
            m = _KRAMDOWN_EXT.match(source, start)
            if m:
                close = None if m.group(2) else self.closer("kramdown", m.group(1), m.end())
                if close:
                    return self.code_region(start, m.end(), close)
                self.emit(start, m.end())
                return m.end()
        attributes = _ATTRIBUTE_LIST.match(source, start)
        m = _BRACES.match(source, start)
        if m and (attributes or not _TEX_ARGUMENT_BEFORE.match(source[start - 1 : start])):
            self.emit(start, m.end(), "" if attributes else VALUE)
            return m.end()
        return start + 1

    def shortcode(self, start: int) -> int:
        m = self.match("shortcode", start)
        if not m:
            return start + 3
        body = m.group(2)
        closing, name = _NAME.match(body).groups()
        name = name.lower()
        if closing or body.rstrip().endswith("/") or body.lstrip().startswith("/*"):
            self.emit(
                start, m.end(), VALUE if body.lstrip().startswith("/*") else ""
            )  # {{</* */>}}
            return m.end()
        close = self.closer("shortcode", name, m.end()) if name else None
        if close and name in CODE_SHORTCODES:
            return self.code_region(start, m.end(), close)
        self.emit(start, m.end(), "" if close else EMBED)  # a paired shortcode wraps prose
        return m.end()

    def statement(self, start: int) -> int:
        m = self.match("statement", start)
        if not m:
            return start + 2
        body = m.group(1)
        name = _NAME.match(body).group(2)
        name = name.lower()
        rest = body[body.find(name) + len(name) :] if name else ""
        if name.startswith("end") or name in CONTROL_TAGS - CODE_BLOCK_TAGS:
            self.emit(start, m.end())
            return m.end()
        form = "zola" if rest.lstrip().startswith("(") else "statement"
        close = self.closer(form, name, m.end()) if name else None
        if close and name in CODE_BLOCK_TAGS:
            return self.code_region(start, m.end(), close)
        self.emit(start, m.end(), "" if close or name in CODE_BLOCK_TAGS else EMBED)
        return m.end()

    def bracket(self, start: int) -> int:
        m = _BRACKET_TAG.match(self.source, start)
        if not m:
            return start + 1
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if name not in self.openers:
                return m.end()
            self.emit(start, m.end())
            return m.end()
        if not attrs and self.source[m.end() : m.end() + 1] in ("(", "[", ":"):
            return m.end()  # a link, a reference, a reference definition
        close = self.closer("bracket", name, m.end())
        if not attrs and not close:
            return m.end()  # "[sic]": prose
        self.openers.add(name)
        if close and name in CODE_BRACKET_TAGS:
            return self.code_region(start, m.end(), close)
        self.emit(start, m.end(), "" if close else EMBED)
        return m.end()


def _renders(body: str) -> bool:
    """True when the ``{{ }}`` action with this body outputs something where it stands."""
    stripped = body.strip(" \t\n-~")
    if not stripped or stripped.startswith(("/*", "!", "#", "/", "^")):
        return False  # a comment; a Handlebars block opener or closer
    if stripped.startswith(">"):
        return True  # a partial
    words = stripped.split(None, 2)
    if len(words) > 1 and words[1] in (":=", "="):
        return False  # an assignment
    return re.match(r"[\w.$]*", stripped).group().lower() not in ACTION_CONTROL


def mask_templates(source: str) -> str:
    """``source`` with every template tag masked (same length, same line breaks)."""
    if "{" not in source and "[" not in source:
        return source
    if "toc" in source:
        source = _mask_toc_lists(source)
    return _Masker(source).run()


def _mask_toc_lists(source: str) -> str:
    """Mask each kramdown ``{:toc}`` and the list lines just above it."""
    for m in reversed(list(_KRAMDOWN_TOC.finditer(source))):
        start = m.start()
        while start > 0:
            previous = source.rfind("\n", 0, start - 1) + 1
            if not _LIST_LINE.match(source, previous, start):
                break
            start = previous
        source = source[:start] + _mask(source[start : m.end()]) + source[m.end() :]
    return source


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())
