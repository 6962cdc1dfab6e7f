"""What site generators add to Markdown stays out of the prose; what they wrap is linted as prose.

Every text here is written for these tests. Each case reads a small article and checks the block
texts exactly, the map back to the source, and, where it matters, what the rules then say.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_checks import mapping_errors

from newslint.frontends.api import lint_text
from newslint.readers import format_for
from newslint.readers import markdown as md_reader
from newslint.readers.discover import iter_article_files
from newslint.readers.document import PLACEHOLDER_TOKEN as P
from newslint.readers.document import Document


def read(source: str, path: str = "post.md") -> Document:
    doc = md_reader.read(source, path)
    assert mapping_errors(doc) == [], source
    return doc


def texts(doc: Document) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks]


def at(doc: Document, word: str) -> tuple[int, int]:
    return doc.line_col(doc.text.index(word))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Go templates: a string literal may hold "}}"; control actions render nothing
        ('Use the {{raw "[`{{block}}` form]"}}(/doc) to nest.\n', [f"Use the {P} to nest."]),
        ("{{if .Draft}}Draft copy.{{end}}\n\n{{/* a note to self */}}\n", ["Draft copy."]),
        # Hugo shortcodes: both delimiters, paired (prose inside) and unpaired, nested
        (
            '{{< tabs >}}\n{{% tab "One" %}}\nThe ferry runs daily.\n{{% /tab %}}\n{{< /tabs >}}\n',
            ["The ferry runs daily."],
        ),
        ('{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}\n\nAfter.\n', ["After."]),
        ('The {{< abbr "council" >}}board{{< /abbr >}} met.\n', ["The board met."]),
        # Liquid, Nunjucks, Jinja: raw blocks, paired tags, comments, assignments
        (
            "{% raw %}\n{{ page.title }} stays hidden\n{% endraw %}\n\n"
            '{% callout "tip" %}\nThe library opens at nine.\n{% endcallout %}\n\n'
            "{# a comment #}\n{%- assign n = 3 -%}\nThe end.\n",
            ["The library opens at nine.", "The end."],
        ),
        ("Welcome to {{ site.name }} today.\n", [f"Welcome to {P} today."]),
        # Zola: a body shortcode closes with {% end %}
        ('{% quote(author="A. Writer") %}\nQuoted prose.\n{% end %}\n', ["Quoted prose."]),
        # kramdown and Pandoc attribute lists, kramdown extensions
        (
            "A lead paragraph.\n{: .lead}\n\n## Heading {#anchor}\n\n"
            "{::comment}\nhidden\n{:/comment}\n",
            ["A lead paragraph.", "Heading"],
        ),
        # WordPress-style bracket shortcodes; "[sic]" and "[the man]" are prose
        (
            '[youtube=https://example.com/v?id=1]\n\n[caption id="p1" width="300"]<img src="a.jpg">'
            " The harbour at dawn.[/caption]\n\nHe said [sic] that [the man] left.\n\n"
            '[sourcecode lang="py"]print(1)[/sourcecode]\n',
            ["The harbour at dawn.", "He said [sic] that [the man] left."],
        ),
        # headings without the space, table-of-contents markers, abbreviations
        ("##Tight heading\nBody line.\n\n[TOC]\n\n*[API]: a long name\n", ["Tight heading", "Body line."]),
        # math
        (
            "Costs rose from $5 to $10. The mean $\\mu$ and \\(x+1\\) and $$\\sum_i x_i$$ held.\n\n"
            "$$\nx = {{y}}\n$$\n\n\\begin{align}\na &= b\n\\end{align}\n",
            [f"Costs rose from $5 to $10. The mean {P} and {P} and {P} held."],
        ),
        # footnotes, reference definitions, GitHub alerts, task lists, definition lists
        (
            "Text with a note.[^n]\n\n[^n]: The note is prose.\n\n[site]: https://example.com\n\n"
            "> [!WARNING]\n> Roads are closed.\n\n- [x] Done item\n\nTerm\n: The definition.\n",
            [
                "Text with a note.",
                "The note is prose.",
                "Roads are closed.",
                "Done item",
                "Term",
                "The definition.",
            ],
        ),
        # admonitions and ::: containers: the title and the body are prose
        (
            '!!! note "Before you start"\n    Read the guide.\n\n:::tip\nSave often.\n:::\n',
            ["Before you start", "Read the guide.", "Save often."],
        ),
        # letters glued to removed code or math belong to it ("`match`ing", "$n$th")
        ("It is `match`ing on the $n$th try.\n", [f"It is {P} on the {P} try."]),
        ("[youtube https://example.com/v?id=1]\n\nAfter the video.\n", ["After the video."]),
        # kramdown's generated table of contents; Obsidian callouts and embeds
        ("* TOC\n{:toc}\n\nBody text.\n", ["Body text."]),
        (
            "> [!note]- Callout title\n> Callout body.\n\nSee ![[chart.png]] here.\n",
            ["Callout title Callout body.", f"See {P} here."],
        ),
        # emoji codes and wiki links
        ("We :heart: it at 10:30:00. See [[Ward Map|the map]].\n", [f"We {P} it at 10:30:00. See the map."]),
    ],
)  # fmt: skip
def test_site_generator_markup_is_not_prose(source: str, expected: list[str]) -> None:
    assert texts(read(source)) == expected


MDX = """\
---
title: Release notes
---
import Tabs from '@theme/Tabs';
import { Chart } from "../components/Chart";
export const meta = {
  owner: "team",
};

<Note type="info">
The **roads** reopen on [Monday](/news).
</Note>

<Tabs groupId="os"
  values={[{label: 'Linux', value: 'linux'}]}>
<TabItem value="linux">

Tab prose here.

</TabItem>
</Tabs>

{/* an MDX comment */}

The total is {props.count} items.

<Chart data={[1, 2]} /> The chart shows growth.
"""


def test_mdx_statements_components_and_expressions() -> None:
    doc = read(MDX, "notes.mdx")
    assert texts(doc) == [
        "Release notes",
        "The roads reopen on Monday.",
        "Tab prose here.",
        f"The total is {P} items.",
        "The chart shows growth.",
    ]
    assert at(doc, "roads") == (11, 7)
    assert at(doc, "Tab prose") == (18, 1)


def test_mdx_files_are_markdown_and_found_by_default(tmp_path: Path) -> None:
    assert format_for("post.mdx") == "markdown"
    (tmp_path / "a.mdx").write_text("Copy.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Copy.\n", encoding="utf-8")
    found = sorted(Path(p).name for p in iter_article_files([str(tmp_path)]))
    assert found == ["a.mdx", "b.md"]


def test_metadata_lines_are_front_matter_but_a_first_paragraph_is_not() -> None:
    doc = read("Title: Ferry timetable\nDate: 2024-05-01\nTags: harbour, ferry\n\nBody copy.\n")
    assert doc.front_matter["tags"] == "harbour, ferry"
    assert texts(doc) == ["Ferry timetable", "Body copy."]
    assert [b.kind for b in doc.blocks] == ["headline", "body"]
    assert texts(read("Update: the council met.\nIt voted.\n")) == [
        "Update: the council met. It voted."
    ]


def test_json_front_matter() -> None:
    doc = read('{\n  "title": "Ferry timetable",\n  "draft": false\n}\n\nThe ferry runs daily.\n')
    assert doc.front_matter == {"title": "Ferry timetable", "draft": False}
    assert texts(doc) == ["Ferry timetable", "The ferry runs daily."]
    assert at(doc, "Ferry timetable") == (2, 13)


def test_markdown_inside_html_blocks_is_reduced() -> None:
    doc = read('<div class="box">\nSee [the map](/m) and `code` and $x^2$ **now**.\n</div>\n')
    assert texts(doc) == [f"See the map and {P} and {P} now."]


def test_an_embed_is_a_placeholder_only_between_words() -> None:
    doc = read(
        '<p><img src="a.jpg"> Photo by Jane Doe</p>\n\n'
        "![chart](c.png) The chart.\n\nSee ![chart](c.png) below.\n\n"
        '{{< figure src="x.png" >}} After the figure.\n'
    )
    assert texts(doc) == [
        "Photo by Jane Doe",
        "The chart.",
        f"See {P} below.",
        "After the figure.",
    ]


def test_a_placeholder_keeps_the_words_around_removed_code_apart() -> None:
    source = (
        "The tool prints an `http://` URL for each page.\n\n"
        "Compare the error to `nil` to see whether it failed.\n\n"
        "It is an `<img>` element, a `foo` object and an {{ site.name }} page.\n"
    )
    findings = lint_text(source, fmt="markdown", path="post.md", select=["*"])
    rules = {f.rule for f in findings}
    assert "grammar.a-an" not in rules
    assert "spelling.repeated-word" not in rules


def test_a_finding_never_starts_on_a_placeholder() -> None:
    source = "Why does `make` run twice? Nobody knows.\n\n`Go` is great! Try it.\n"
    findings = lint_text(source, fmt="markdown", path="post.md", select=["*"])
    assert findings
    for f in findings:
        assert not f.match.startswith(P) and not f.match.endswith(P), f
        assert source.split("\n")[f.line - 1][f.column - 1] == f.match[0], f


def test_a_line_that_ends_on_removed_code_does_not_dangle() -> None:
    """ "Use `--read` and `--write`" ends on an object; "Use --read and" ends on a dangling word."""
    lead = "The release is out today, the team said. It fixes many bugs.\n\n"
    tail = "\n\nThe next release is due in June, the team said.\n"
    for line, flagged in (("Use `--read` and `--write`", False), ("Use --read and", True)):
        findings = lint_text(
            lead + line + tail, fmt="markdown", path="x.md", select=["boilerplate.*"]
        )
        assert any(f.rule == "boilerplate.fragment" for f in findings) is flagged, line
