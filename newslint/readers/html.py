"""HTML reader: the prose of a page or fragment, block by block, mapped to exact source offsets.

Choices, for the rules downstream:

* Block elements (``p``, ``div``, ``li``, ``h1``-``h6``, ``blockquote``, ``td`` ...) start and end
  blocks; inline elements (``a``, ``em``, ``span`` ...) do not break words; ``<br>`` is a space.
* The first ``h1`` is the headline, other headings are "heading"; ``figcaption``/``caption`` are
  "caption", ``li``/``dt``/``dd`` "list", ``td``/``th`` "table", ``blockquote`` "blockquote".
* Content that is not prose is dropped: ``script``, ``style``, ``noscript``, ``template``, ``svg``,
  ``math``, ``code``, ``pre``, ``kbd``, ``samp``, ``textarea``, ``select``, ``iframe`` and ``head``.
* Page furniture (``nav``, ``header``, ``footer``, ``aside``) is kept as "body": dropping it would
  hide the very boilerplate leaks the boilerplate rules exist to catch.
* ``<title>`` and ``<meta name=... content=...>`` go to ``front_matter`` (not text).
* Whitespace runs collapse to one space; entities are decoded, each mapped to its ``&``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from newslint.readers.document import Block, Document, TextBuilder
from newslint.readers.header import classify_header
from newslint.readers.templates import EMBED, MASK_CHARS, VALUE

#: elements whose content is not prose
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "code",
        "pre",
        "kbd",
        "samp",
        "textarea",
        "select",
        "iframe",
        "object",
        "canvas",
        "head",
    }
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: elements that render as something read as a word: in running text they leave a placeholder
WORD_TAGS = _words("code kbd samp math")
#: elements that render as an object: a placeholder where they stand between words
EMBED_TAGS = _words(
    "svg iframe object canvas textarea select img picture video audio embed input button"
)
#: elements that give their text a block kind (h1 is decided at run time)
KIND_TAGS = {
    "h1": "headline",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "blockquote": "blockquote",
    "li": "list",
    "dt": "list",
    "dd": "list",
    "figcaption": "caption",
    "caption": "caption",
    "td": "table",
    "th": "table",
}
#: elements that start and end a block
BLOCK_TAGS = frozenset(KIND_TAGS) | frozenset(
    {
        "address",
        "article",
        "aside",
        "body",
        "details",
        "dialog",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "main",
        "nav",
        "ol",
        "option",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    }
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
#: a start tag closes these open elements first (HTML's implied end tags)
_IMPLIED_END = {
    "li": ("li", "p"),
    "dt": ("dt", "dd", "p"),
    "dd": ("dt", "dd", "p"),
    "td": ("td", "th", "p"),
    "th": ("td", "th", "p"),
    "tr": ("tr", "td", "th", "p"),
}
_WS = " \t\n\r\f"
_IRREGULAR = re.compile(rf"[{_WS}]{{2,}}|[\t\n\r\f]|[{MASK_CHARS}]+")  # all but single spaces
#: characters that may start Markdown inline syntax (data of an HTML block in a Markdown file)
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_~\[\]!$:]")
_META_KEYS = re.compile(r"^(?:description|author|keywords|og:\w+|article:\w+|twitter:\w+)$")


#: (builder, text, source offset): writes the prose of a line of Markdown inline syntax
InlineReducer = Callable[[TextBuilder, str, int], None]


class HtmlExtractor(HTMLParser):
    """Streams the prose of HTML chunks into a :class:`TextBuilder`.

    The element stack survives from chunk to chunk, so the Markdown reader can feed it the raw
    HTML blocks of a file one by one and ask :meth:`context_kind` for the Markdown paragraphs
    between them.
    """

    def __init__(self, builder: TextBuilder, inline: InlineReducer | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        #: reduces Markdown inline syntax in text data (HTML blocks inside Markdown)
        self.inline = inline
        self.stack: list[str] = []
        self.skip = 0
        self.headline_seen = False
        self.found_h1 = False
        self.meta: dict[str, str] = {}
        self._kind: str | None = None  # kind of the open block, None when no block is open
        self._title: list[str] | None = None
        self._chunk = ""
        self._base = 0
        self._line_starts: list[int] = [0]

    # -- feeding -------------------------------------------------------------------------------
    def feed_chunk(self, chunk: str, base: int) -> None:
        """Parse ``chunk``, which sits at offset ``base`` of the source, then end its open block."""
        self.reset()
        self._chunk, self._base = chunk, base
        self._line_starts = [0]
        self._line_starts.extend(m.end() for m in re.finditer("\n", chunk))
        self.feed(chunk)
        self.close()
        self.boundary(base + len(chunk))
        if self.skip:  # an unclosed script/pre/... must not swallow what follows the chunk
            self.stack = [tag for tag in self.stack if tag not in SKIP_TAGS]
            self.skip = 0

    def parse_html_declaration(self, i: int) -> int:
        """Skip a malformed ``<!...>`` instead of failing (html.parser raises AssertionError)."""
        line, col = self.getpos()
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.lineno, self.offset = line, col  # the failed scan moved the position already
            end = self.rawdata.find(">", i + 2)
            return end + 1 if end >= 0 else -1

    def _pos(self) -> int:
        line, col = self.getpos()
        return self._base + self._line_starts[line - 1] + col

    # -- blocks --------------------------------------------------------------------------------
    def context_kind(self) -> str | None:
        """The block kind given by the innermost open kind-giving element, if any."""
        for tag in reversed(self.stack):
            if tag in KIND_TAGS:
                return "heading" if tag == "h1" else KIND_TAGS[tag]
        return None

    def boundary(self, pos: int) -> None:
        """End the open block, if any."""
        if self._kind is not None:
            self.builder.close_block(self._kind, pos)
            self._kind = None

    def _open(self) -> None:
        if self._kind is not None:
            return
        kind = "body"
        for tag in reversed(self.stack):
            if tag in KIND_TAGS:
                kind = KIND_TAGS[tag]
                if tag == "h1":
                    self.found_h1 = True
                    kind = "heading" if self.headline_seen else "headline"
                    self.headline_seen = True
                break
        self._kind = kind
        self.builder.open_block()

    def _space(self, text: str, pos: int) -> None:
        if self._kind is not None and self.builder.last_char() not in _WS:
            if text == " ":
                self.builder.add(" ", pos)
            else:
                self.builder.add_synthetic(" ", pos)

    def emit(self, data: str, pos: int) -> None:
        """Add text found at source offset ``pos``, collapsing whitespace."""
        if self.inline is not None and _MARKDOWN_SPECIAL.search(data):
            self._emit_markdown(data, pos)
            return
        i = 0
        for m in _IRREGULAR.finditer(data):
            self._verbatim(data, i, m.start(), pos)
            run = m.group()
            if run[0] not in MASK_CHARS:
                self._space("\n", pos + m.start())
            elif VALUE in run:
                self._placeholder(pos + m.start() + run.index(VALUE))
            elif EMBED in run:
                self._placeholder(pos + m.start() + run.index(EMBED), embed=True)
            i = m.end()
        self._verbatim(data, i, len(data), pos)

    def _emit_markdown(self, data: str, pos: int) -> None:
        """Text that holds Markdown inline syntax, reduced whole (a math span may hold newlines)."""
        content = data.strip(_WS)
        lead = len(data) - len(data.lstrip(_WS))
        if lead:
            self._space(data[:lead], pos)
        self._open()
        self.inline(self.builder, content, pos + lead)
        if len(content) + lead < len(data):
            self._space(data[lead + len(content) :], pos + lead + len(content))

    def _verbatim(self, data: str, a: int, b: int, pos: int) -> None:
        """Add ``data[a:b]`` (words separated by single spaces) verbatim."""
        if a < b and data[a] == " " and (self._kind is None or self.builder.last_char() in _WS):
            a += 1
        if a < b:
            self._open()
            self.builder.add(data[a:b], pos + a)

    def _placeholder(self, pos: int, embed: bool = False) -> None:
        """An element that renders as an object (code, an image) at ``pos``: a placeholder."""
        if not self.skip:
            self._open()
            self.builder.add_placeholder(pos, embed)

    # -- parser callbacks ----------------------------------------------------------------------
    def _pop_to(self, tag: str, pos: int) -> None:
        while self.stack:
            top = self.stack.pop()
            if top in SKIP_TAGS:
                self.skip -= 1
            elif top == "title" and self._title is not None:
                self.meta.setdefault("title", " ".join("".join(self._title).split()))
                self._title = None
            elif top in BLOCK_TAGS:
                self.boundary(pos)
            if top == tag:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self._pos()
        if tag == "br":
            if not self.skip:
                self._space("\n", pos)
            return
        if tag == "meta":
            values = dict(attrs)
            key = (values.get("name") or values.get("property") or "").lower()
            if _META_KEYS.match(key) and values.get("content"):
                self.meta.setdefault(key, values["content"] or "")
            return
        if tag in VOID_TAGS:
            if tag == "hr":
                self.boundary(pos)
            elif tag in EMBED_TAGS:
                self._placeholder(pos, embed=True)
            return
        if tag == "title":
            self.stack.append(tag)
            self._title = []
            return
        if tag in SKIP_TAGS:
            if tag in WORD_TAGS or tag in EMBED_TAGS:
                self._placeholder(pos, embed=tag in EMBED_TAGS)
            self.stack.append(tag)
            self.skip += 1
            return
        if tag in BLOCK_TAGS:
            closes = _IMPLIED_END.get(tag, ("p",))
            while self.stack and self.stack[-1] in closes:
                self._pop_to(self.stack[-1], pos)
            self.boundary(pos)
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS or tag in SKIP_TAGS or tag == "title":
            return  # <div/>: an empty element, no boundary needed
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            self._pop_to(tag, self._pos())
        elif tag in ("br", "p"):  # </br> and a stray </p> act as breaks
            self._space("\n", self._pos()) if tag == "br" else self.boundary(self._pos())

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
        elif not self.skip:
            self.emit(data, self._pos())

    def _reference(self, raw: str) -> None:
        pos = self._pos()
        end = pos - self._base + len(raw)
        if self._chunk[end : end + 1] == ";":
            raw += ";"
        decoded = html.unescape(raw)
        if self._title is not None:
            self._title.append(decoded)
        elif self.skip:
            return
        elif decoded == raw:
            self.emit(raw, pos)
        elif decoded in _WS:
            self._space(decoded, pos) if decoded else None
        else:
            self._open()
            self.builder.add_synthetic(decoded, pos)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)


def classify_blocks(text: str, blocks: list[Block], has_headline: bool = False) -> list[Block]:
    """Header classification that starts at the headline block when there is one.

    Page furniture before the ``h1`` (a nav bar) stays "body" instead of being taken for a dek.
    """
    first = next((i for i, b in enumerate(blocks) if b.kind == "headline"), 0)
    has_headline = has_headline or first > 0 or bool(blocks and blocks[0].kind == "headline")
    return blocks[:first] + classify_header(text, blocks[first:], has_headline=has_headline)


def read(source: str, path: str) -> Document:
    """Parse an HTML page or fragment."""
    builder = TextBuilder()
    extractor = HtmlExtractor(builder)
    extractor.feed_chunk(source, 0)
    text, offset_map = builder.build()
    blocks = classify_blocks(text, builder.blocks)
    return Document(
        path, source, text, blocks, offset_map, format="html", front_matter=dict(extractor.meta)
    )
