"""Files newslint rewrites (fixed articles, baselines, the language server's config edits, cache
entries) are replaced whole: an interrupted write leaves the old file, and permissions stay."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newslint import lint_paths
from newslint.errors import NewslintError
from newslint.storage import atomic
from newslint.storage.atomic import replace_file


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("old\n", encoding="utf-8")
    story.chmod(0o640)
    replace_file(story, b"new\n")
    assert story.read_bytes() == b"new\n"
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]  # no temporary file left


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        replace_file(tmp_path / "sub" / "new.json", b"{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "sub" / "new.json").stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The the council met.\n", encoding="utf-8")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    with pytest.raises(NewslintError, match="cannot write the fixes \\(No space left on device\\)"):
        lint_paths([str(story)], fix=True)
    assert story.read_text(encoding="utf-8") == "The the council met.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]
