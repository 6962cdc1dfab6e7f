"""The server's pieces without a client: positions, config edits as text, and a lint whose rule
raises."""

from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol", reason="the language server needs the lsp extra")

from newslint.frontends.lsp.documents import DocumentStore, PositionCodec  # noqa: E402
from newslint.frontends.lsp.project_files import (  # noqa: E402
    ProjectEditError,
    add_accept_file,
    add_override,
    add_top_setting,
)


@pytest.mark.parametrize(
    ("encoding", "column"),
    # "Café 東京 🎉": 9 code points; 🎉 is two UTF-16 units; é 2, 東 and 京 3, 🎉 4 UTF-8 bytes
    [("utf-16", 10), ("utf-8", 5 + 1 + 6 + 1 + 4), ("utf-32", 9)],
)
def test_columns_in_each_encoding(encoding: str, column: int) -> None:
    line = "Café 東京 🎉 takover"
    codec = PositionCodec(encoding)
    at = line.index(" takover")  # just after "Café 東京 🎉"
    assert codec.to_client(line, at) == column
    assert codec.from_client(line, column) == at


def test_lines_end_only_at_lsp_line_ends() -> None:
    store = DocumentStore()
    codec = PositionCodec("utf-16")
    doc = store.open("file:///a.txt", "plaintext", 1, "one\u2028two\x0cthree\r\nfour\rfive\n")
    assert doc.line_count == 4 and doc.line(1) == "four"
    store.change("file:///a.txt", 2, [((2, 0, 2, 4), "FIVE")], codec)
    assert doc.text == "one\u2028two\x0cthree\r\nfour\rFIVE\n" and doc.version == 2


def test_override_goes_into_the_existing_block_with_comments_kept() -> None:
    text = "# ours\noverrides:\n  # opinion\n  - files: [a/**]\n    ignore: [bias.*]\n\nmin-level: warning  # floor\n"
    edited = add_override(text, "news/x.md", "spelling.typo")
    assert edited == (
        "# ours\noverrides:\n  # opinion\n  - files: [a/**]\n    ignore: [bias.*]\n"
        "  - files: [news/x.md]\n    ignore: [spelling.typo]\n\nmin-level: warning  # floor\n"
    )
    assert add_override("", "b/**", "x.y").endswith('  - files: ["b/**"]\n    ignore: [x.y]\n')
    with pytest.raises(ProjectEditError):
        add_override("overrides: [{files: [a], ignore: [b]}]\n", "c", "d")


def test_accept_list_joins_vocabulary_in_block_and_flow_style() -> None:
    block = "vocabulary:\n    reject: [banned.txt]  # never\n"
    assert add_accept_file(block, "vocab/accept.txt") == (
        "vocabulary:\n    accept: [vocab/accept.txt]\n    reject: [banned.txt]  # never\n"
    )
    flow = "vocabulary: {reject: [banned.txt]}  # lists\n"
    assert add_accept_file(flow, "v.txt") == (
        "vocabulary: {accept: [v.txt], reject: [banned.txt]}  # lists\n"
    )
    with pytest.raises(ProjectEditError):
        add_top_setting("baseline: old.json\n", "baseline", "new.json")


def test_a_rule_that_raises_leaves_the_other_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.engine.rules import Rule
    from newslint.frontends.lsp.linting import BaselineCache, Snapshot, lint_snapshot
    from newslint.frontends.lsp.project import Project

    real = Rule.compile

    def compile_or_break(rule: Rule):  # type: ignore[no-untyped-def]
        kind = real(rule)
        if rule.id == "editorial.slogan":

            class Broken:
                def check(self, analysis):  # type: ignore[no-untyped-def]
                    raise RuntimeError("boom")

            return Broken()
        return kind

    monkeypatch.setattr(Rule, "compile", compile_or_break)
    text = "Council vote\n\nThe council backed the takover. Stop the war now.\n"
    outcome = lint_snapshot(
        Project().linter, Snapshot("u", 1, text, "/tmp/x.txt", "text"), BaselineCache()
    )
    assert "editorial.slogan" in (outcome.problem or "") and "boom" in outcome.problem
    assert [f.rule for f in outcome.findings] == ["spelling.typo"]
