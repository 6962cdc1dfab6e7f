"""Real site-generator Markdown (../shared/eval/markdown/): lint it whole, with no crash, every
finding pointing at its own text, and no finding on markup.

The markup is found here by simple patterns of our own, independent of the readers: front matter
(less the title and subtitle, linted as the headline), fenced code, template tags, code spans,
math, HTML tags and comments, link destinations, reference definitions, MDX statements and
expressions, bracket shortcodes and emoji codes. No word character of a finding may come from
them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import shared_path
from reader_checks import finding_problems, inside

from newslint.engine.linter import Linter
from newslint.readers import load_document
from newslint.readers.frontmatter import parse_front_matter

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
NO_BLANK = r"(?:(?!\n[ \t]*\n)[\s\S])"
MARKUP = [
    re.compile(rf"\{{\{{{NO_BLANK}*?\}}\}}|\{{%{NO_BLANK}*?%\}}|\{{#{NO_BLANK}*?#\}}"),  # templates
    re.compile(rf"(?<!`)(`+)(?!`){NO_BLANK}+?(?<!`)\1(?!`)"),  # code spans
    re.compile(r"\$\$[\s\S]*?\$\$|\\\\?\([\s\S]*?\\\\?\)|\\\\?\[[\s\S]*?\\\\?\]"),  # display math
    re.compile(r"\$(?=\S)[^$\n]*?(?<=\S)\$(?!\d)"),  # inline math, Pandoc's rule
    re.compile(r"<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?</\1>"),  # comments, scripts, styles
    re.compile(r"(?<!\\)</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>"),  # HTML and JSX tags
    re.compile(r"\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)|!\[[^\]\n]*\]"),  # destinations, alt text
    re.compile(r"^[ \t]*\[[^\]\n]+\]:.*$", re.M),  # reference definitions
    re.compile(r"^(?:import|export)\s.*$", re.M),  # MDX statements
    re.compile(r"\{[^{}\n]*\}"),  # MDX expressions, attribute lists
    re.compile(r"\[/?[A-Za-z][\w-]*(?:=[^\]\s]+|\s+[\w-]+=[^\]\n]*)\]"),  # bracket shortcodes
    re.compile(r"(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])"),  # emoji codes
]


def _eval_files() -> list[Path]:
    folder = shared_path("markdown")
    return sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".mdx"))


def markup_regions(source: str) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) source spans of markup."""
    spans: list[tuple[int, int]] = []
    fm = parse_front_matter(source)
    if fm.end:
        cut = fm.start
        for _, value, pos in fm.prose:  # the title and subtitle are prose
            spans.append((cut, pos))
            cut = pos + len(value)
        spans.append((cut, fm.end))
    inside, start, pos = None, 0, 0
    for line in source.splitlines(keepends=True):
        m = FENCE.match(line)
        if m and inside is None:
            inside, start = m.group(1), pos
        # a closing fence is at least as long as the opening one and has no info string
        elif m and inside and m.group(1).startswith(inside) and not line[m.end() :].strip():
            spans.append((start, pos + len(line)))
            inside = None
        pos += len(line)
    if inside:
        spans.append((start, len(source)))
    for pattern in MARKUP:
        spans += [m.span() for m in pattern.finditer(source)]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


@pytest.fixture(scope="module")
def linted() -> list[tuple[Path, object]]:
    files = _eval_files()
    assert len(files) >= 400
    linter = Linter()
    return [(path, linter.lint_file(str(path))) for path in files]


@pytest.mark.eval
def test_eval_markdown_lints_whole_without_findings_in_markup(linted) -> None:
    problems: list[str] = []
    total = 0
    for path, result in linted:
        assert result.error is None, result.error
        doc = load_document(str(path))
        problems += finding_problems(doc, result.findings, markup_regions(doc.source))
        total += len(result.findings)
    assert total > 100  # the check ran on real findings
    assert problems == []


@pytest.mark.eval
def test_every_repo_and_the_mdx_file_are_read(linted) -> None:
    repos = {path.relative_to(shared_path("markdown")).parts[0] for path, _ in linted}
    assert len(repos) >= 7
    assert any(path.suffix == ".mdx" for path, _ in linted)


def test_the_oracle_finds_markup() -> None:
    """The independent markup patterns above catch what they claim to (so a pass means something)."""
    source = (
        "---\ntitle: Hello there\ntags: [a]\n---\n\nSee `code` and {{ x }} and $x^2$ here.\n"
        '<Note type="a">\nimport x from "y"\n```\nfenced\n```\n[ref]: /url\n'
    )
    regions = markup_regions(source)
    starts = [a for a, _ in regions]

    def marked(word: str) -> bool:
        return inside(regions, starts, source.index(word))

    assert not marked("Hello there") and marked("tags")
    assert all(marked(w) for w in ("code", "x }}", "x^2", "type=", "import", "fenced", "/url"))
    assert not marked("See") and not marked("here")
