"""Fuzzing the Markdown reader with random mixtures of site-generator markup and prose.

Each example is built from pieces whose role is known: prose words (which must reach the text),
markup holding a bait word (which must not) and wrappers whose inside is prose. The checks: no
crash, every character of the text maps to the source character it came from, no bait in the text,
every prose word in it, and, linted whole, every finding pointing at its own text and at no markup.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reader_checks import finding_problems, mapping_errors

from newslint.engine.linter import Linter
from newslint.readers import markdown as md_reader

#: a word no dictionary holds: it is a spelling finding wherever it leaks into the prose
BAIT = "zqxwvb"
PROSE_WORDS = tuple(
    re.findall(
        r"\w+",
        "council budget voted Tuesday residents library opened road repairs mayor said harbour "
        "ferry schedule teachers agreed contract river flooded farmers planted early",
    )
)

#: inline markup; "{}" stands for the bait (no other braces are placeholders)
INLINE_MARKUP = (
    "`{}`", "``a {} b``", "${}^2$", "$${}_1$$", "\\({}+1\\)", "\\\\({}+1\\\\)", "\\[{}^2\\]",
    "{{ {} }}", "{{ .{} | upper }}", '{{raw "[`{}` action]"}}', "{% if {} %}", "{%- assign {} = 1 -%}",
    '{{< {} id="2" >}}', '{{% ref "{}.md" %}}', "{# {} #}", "{{- /* {} */ -}}", "{{#if {}}}",
    "{{/if}}", "{{}.count}", "{/* {} */}", "{: .{}}", "<!-- {} -->", "![{}]({}.png)",
    '<img src="{}.png">', "<code>{}</code>", '<Badge text="{}" />', "[youtube={}]", "[^{}]",
    ":{}:", '<span class="{}">', "</span>", "<kbd>{}</kbd>", "<script>var {} = 1;</script>",
)  # fmt: skip
#: inline wrappers whose inside is prose: (opening, closing)
INLINE_WRAPPERS = (
    ("[", "](https://{}.example)"), ("*", "*"), ("**", "**"), ('<em class="{}">', "</em>"),
    ('{{< abbr "{}" >}}', "{{< /abbr >}}"), ("[[", "]]"), ('<Term tip="{}">', "</Term>"),
    ("[b]", "[/b]"),
)  # fmt: skip
#: block markup
BLOCK_MARKUP = (
    "```\nwe {} now\n```", "~~~python\n{}()\n~~~", "$$\n{}^2\n$$",
    "\\begin{align}\n{} &= 1\n\\end{align}", "{% raw %}\n{{ {} }}\n{% endraw %}",
    "{{< highlight go >}}\nfunc {}() {}\n{{< /highlight >}}", 'import {} from "./{}"',
    "export const {} = {a: 1}", "<{} />", "{/* {} */}", "[{}]: https://{}.example",
    "<!--\n{}\n-->", '{{< figure src="{}.png" >}}', '[gallery ids="{}"]', "<Chart\n  data={[{}]}\n/>",
    "{: .{} }", "[TOC]", "*[{}]: an abbreviation", "{% comment %}{}{% endcomment %}",
    '[sourcecode lang="py"]{}()[/sourcecode]', "<style>\n.{} { color: red }\n</style>", "{{ {} }}",
)  # fmt: skip
#: block wrappers whose inside is prose: (opening, closing)
BLOCK_WRAPPERS = (
    ('<Note type="{}">\n\n', "\n\n</Note>"), ("<Callout>\n", "\n</Callout>"),
    ('{{% alert title="{}" %}}\n', "\n{{% /alert %}}"), ('{% callout "{}" %}\n', "\n{% endcallout %}"),
    (":::tip\n", "\n:::"), ("!!! note\n    ", ""), ("> ", ""), ("- ", ""), ("1. ", ""), ("## ", ""),
    ("###", ""), ("[^{}]: ", ""), ('<div class="{}">\n', "\n</div>"), ("> [!NOTE]\n> ", ""),
    ("- [ ] ", ""), ("| a | b |\n|---|---|\n| ", " | x |"), ("Term\n: ", ""),
    ('[caption id="{}"]', "[/caption]"),
)  # fmt: skip


class Builder:
    """Source text with the spans of markup recorded as it grows."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.markup: list[tuple[int, int]] = []
        self.prose: list[str] = []
        self.length = 0

    def add(self, text: str, markup: bool) -> None:
        if markup and text:
            self.markup.append((self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)

    def add_markup(self, template: str) -> None:
        # the bait and the markup around it are markup; "we" and "now" are bait as much
        self.add(template.replace("{}", BAIT), markup=True)

    def source(self) -> str:
        return "".join(self.parts)


@st.composite
def sentences(draw: st.DrawFn, builder: Builder) -> None:
    """Prose words mixed with inline markup and inline wrappers around prose."""
    for _ in range(draw(st.integers(1, 8))):
        choice = draw(st.integers(0, 9))
        if choice < 6:
            word = draw(st.sampled_from(PROSE_WORDS))
            builder.add(word, markup=False)
            builder.prose.append(word)
        elif choice < 8:
            builder.add_markup(draw(st.sampled_from(INLINE_MARKUP)))
        else:
            opening, closing = draw(st.sampled_from(INLINE_WRAPPERS))
            word = draw(st.sampled_from(PROSE_WORDS))
            builder.add_markup(opening)
            builder.add(word, markup=False)
            builder.prose.append(word)
            builder.add_markup(closing)
        builder.add(draw(st.sampled_from([" ", " ", " ", ", ", ". "])), markup=False)
    builder.add("end.", markup=False)


@st.composite
def documents(draw: st.DrawFn) -> Builder:
    builder = Builder()
    if draw(st.booleans()):
        builder.add_markup('---\nlayout: "{}"\n')
        title = draw(st.sampled_from(PROSE_WORDS))
        builder.add("title: ", markup=True)
        builder.add(title, markup=False)
        builder.prose.append(title)
        builder.add_markup("\ntags: [{}]\n---\n\n")
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            builder.add_markup(draw(st.sampled_from(BLOCK_MARKUP)))
        elif kind == 1:
            opening, closing = draw(st.sampled_from(BLOCK_WRAPPERS))
            builder.add_markup(opening)
            draw(sentences(builder))
            builder.add_markup(closing)
        else:
            draw(sentences(builder))
        builder.add("\n\n", markup=False)
    return builder


def fuzz(examples: int) -> settings:
    """Settings for a fuzz test: no deadline, no example database, fixed seed on CI."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@fuzz(300)
@given(documents())
def test_random_site_generator_markdown_reads_cleanly(builder: Builder) -> None:
    source = builder.source()
    doc = md_reader.read(source, "fuzz.mdx")
    assert mapping_errors(doc) == [], source
    assert BAIT not in doc.text, source
    words = set(re.findall(r"\w+", doc.text))
    missing = [w for w in builder.prose if w not in words]
    assert not missing, (missing, source, doc.text)


_LINTER: Linter | None = None


@fuzz(40)
@given(documents())
def test_random_site_generator_markdown_lints_without_findings_in_markup(builder: Builder) -> None:
    global _LINTER
    _LINTER = _LINTER or Linter()
    source = builder.source()
    result = _LINTER.lint_source(source, "fuzz.mdx", "markdown")
    assert result.error is None
    doc = md_reader.read(source, "fuzz.mdx")
    regions = sorted(builder.markup)
    assert finding_problems(doc, result.findings, regions) == [], source
