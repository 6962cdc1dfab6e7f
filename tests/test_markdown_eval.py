"""Real newsroom Markdown (../shared/eval/markdown/): lint it whole, with no crash and no finding
inside front matter, code, or template tags."""

from __future__ import annotations

import html
import re

import pytest
from conftest import shared_path

from newslint.engine.linter import Linter

FENCE = re.compile(r"^(```|~~~)")
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def _forbidden_lines(source: str) -> set[int]:
    """Lines of front matter and fenced code blocks (1-based)."""
    lines = source.split("\n")
    bad: set[int] = set()
    if lines and lines[0].strip() in ("---", "+++"):
        marker = lines[0].strip()
        for i in range(1, len(lines)):
            if lines[i].strip() == marker:
                bad.update(range(1, i + 2))
                break
    inside = False
    for i, line in enumerate(lines, 1):
        if FENCE.match(line.strip()):
            inside = not inside
            bad.add(i)
        elif inside:
            bad.add(i)
    return bad


def _plain(text: str) -> str:
    """Text with Markdown punctuation removed and whitespace collapsed, for comparisons."""
    text = re.sub(r"\]\([^)]*\)", "", text)  # link targets
    return " ".join(re.sub(r"[\[\]*_`]", "", text).split())


def _template_offsets(source: str) -> list[tuple[int, int]]:
    return [m.span() for m in TEMPLATE.finditer(source)]


@pytest.mark.eval
def test_eval_markdown_lints_whole_without_findings_in_markup() -> None:
    folder = shared_path("markdown")
    files = sorted(folder.rglob("*.md"))
    assert len(files) >= 100
    linter = Linter()
    total = 0
    for path in files:
        result = linter.lint_file(str(path))
        assert result.error is None, result.error
        source = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        forbidden = _forbidden_lines(source)
        templates = _template_offsets(source)
        line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        for f in result.findings:
            total += 1
            assert f.line not in forbidden, (
                f"{path.name}:{f.line}: {f.rule} inside front matter or code"
            )
            offset = line_starts[f.line - 1] + f.column - 1
            assert not any(s <= offset < e for s, e in templates), (
                f"{path.name}:{f.line}: {f.rule} inside a template tag"
            )
            head = re.match(r"\W*\w*", _plain(f.match)).group()  # markup may sit inside the match
            there = _plain(html.unescape(source[offset : offset + 300]))
            assert there.startswith(head), (
                f"{path.name}:{f.line}:{f.column} does not point at {f.match!r}"
            )
    assert total >= 0
