"""benchmarks/heldout_docs.py: how the unseen corpus is gathered and split, on files we write."""

from __future__ import annotations

import gzip
from pathlib import Path

import heldout_docs


def _dist(site: Path, name: str, version: str, kind: str, body: str) -> None:
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    info.joinpath("METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        f"Description-Content-Type: {kind}\n\n{body}",
        encoding="utf-8",
    )


def test_only_markdown_descriptions_count_once_per_name(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _dist(first, "Tram_Line", "1.0", "text/markdown", "# tramline\n\nReads timetables.\n")
    _dist(second, "tram-line", "2.0", "text/markdown", "# tramline\n\nA later copy.\n")
    _dist(first, "depotkit", "0.3", "text/x-rst", "depotkit\n========\n")
    _dist(first, "newslint", "0.1", "text/markdown", "# newslint\n\nOur own README.\n")
    docs = heldout_docs.collect([str(first), str(second)])
    assert [(d.name, d.version) for d in docs] == [("tram-line", "1.0")]
    assert docs[0].path == "/nonexistent/unseen/tram-line/README.md"  # no folder hints a genre


def test_share_doc_markdown_is_read_once_per_text(tmp_path: Path) -> None:
    text = "# depot\n\nThe depot tool checks routes.\n"
    (tmp_path / "depot").mkdir()
    (tmp_path / "depot" / "README.md.gz").write_bytes(gzip.compress(text.encode()))
    (tmp_path / "depot-dev").mkdir()
    (tmp_path / "depot-dev" / "README.md").write_text(text, encoding="utf-8")
    (tmp_path / "depot" / "NEWS.txt").write_text("not Markdown", encoding="utf-8")
    (tmp_path / "nodejs").mkdir()
    (tmp_path / "nodejs" / "api.md").write_text("# api\n\nLeft out.\n", encoding="utf-8")
    docs = heldout_docs.debian_docs(tmp_path)
    assert [(d.name, d.source) for d in docs] == [("doc:depot/README.md", "debian")]


def test_the_halves_are_fixed_by_the_package_name() -> None:
    assert heldout_docs.half_of("tram-line") == heldout_docs.half_of("tram-line")
    halves = {heldout_docs.half_of(f"pkg{i}") for i in range(20)}
    assert halves == {"fit", "check"}
    doc = heldout_docs.Doc("doc:depot/html/guide.md", "", "/usr/share/doc", "x", "debian")
    assert doc.half == heldout_docs.half_of("depot")  # every file of a package on one side


def test_new_site_docs_form_the_new_part_whatever_their_hash(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    _dist(old, "tram-line", "1.0", "text/markdown", "# tramline\n\nReads timetables.\n")
    _dist(new, "tram-line", "2.0", "text/markdown", "# tramline\n\nA later copy.\n")
    for i in range(6):
        _dist(new, f"depot{i}", "0.1", "text/markdown", f"# depot{i}\n\nChecks routes.\n")
    docs = heldout_docs.collect([str(old)], (str(new),))
    parts = {d.name: d.half for d in docs}
    assert parts["tram-line"] == heldout_docs.half_of("tram-line")  # seen first: keeps its half
    assert {parts[f"depot{i}"] for i in range(6)} == {"new"}
    assert {heldout_docs.half_of(f"depot{i}") for i in range(6)} == {"fit", "check"}
