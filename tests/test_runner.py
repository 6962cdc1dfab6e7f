"""The many-file runner: folder batches for the pool, and documents read ahead for the linter."""

from __future__ import annotations

import os
from pathlib import Path

from newslint.engine.runner import TAIL_CHUNK, RunSettings, batches, lint_files
from newslint.readers import load_document


def _paths(layout: dict[str, int]) -> list[str]:
    return [f"/repo/{folder}/post{k:03d}.md" for folder, n in layout.items() for k in range(n)]


def test_batches_cover_every_file_once_and_keep_a_folder_together() -> None:
    paths = _paths({"blog": 40, "news": 200, "guides": 120, "misc": 40})
    sizes = [1000] * len(paths)
    plan = batches(paths, 2, sizes)
    assert sorted(i for batch in plan for i in batch) == list(range(len(paths)))
    blog = {i for i, p in enumerate(paths) if "/blog/" in p}
    assert any(set(batch) == blog for batch in plan)  # one worker learns the blog once
    # costliest first; the cheapest eighth of the run goes out in small chunks at the end
    costs = [sum(sizes[i] for i in batch) for batch in plan]
    big = [c for c, batch in zip(costs, plan, strict=True) if len(batch) > TAIL_CHUNK]
    assert big == sorted(big, reverse=True)
    assert all(len(batch) <= TAIL_CHUNK for batch in plan[-3:])


def test_batches_put_a_post_per_folder_with_its_blog() -> None:
    posts = [f"/site/posts/{slug}/index.md" for slug in ("a", "b", "c", "d", "e", "f")]
    paths = posts + _paths({"news": 60})
    plan = batches(paths, 2, [100] * len(paths))
    assert set(range(len(posts))) in [set(batch) for batch in plan]


def test_batches_split_a_huge_folder() -> None:
    paths = _paths({"archive": 400})
    plan = batches(paths, 2, [500] * len(paths))
    assert max(len(batch) for batch in plan) <= 400 // 8
    assert sorted(i for batch in plan for i in batch) == list(range(400))


PARAGRAPH = (
    "The council voted on {day} to close the {place} library for repairs, the mayor said. "
    "Residents will be able to borrow books from a van parked outside the town hall until the "
    "work ends in the spring."
)


def test_pool_gives_the_findings_of_one_process(tmp_path: Path) -> None:
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
    paths = []
    for folder, place in (("north", "Northgate"), ("south", "Southbank"), ("east", "Eastwick")):
        (tmp_path / folder).mkdir()
        for k, day in enumerate(days):
            path = tmp_path / folder / f"story{k}.txt"
            body = PARAGRAPH.format(day=day, place=place)
            path.write_text(f"Library closes\n\n{body}\n\nIts very quiet here , he said.\n")
            paths.append(str(path))
    settings = RunSettings()

    def findings(jobs: int) -> list[tuple[str, str, int, str]]:
        results = lint_files(paths, settings, jobs=jobs)
        assert [r.path for r in results] == paths  # input order
        return [(r.path, f.rule, f.offset, f.message) for r in results for f in r.findings]

    one = findings(1)
    assert one  # the copy has defects to find
    assert findings(2) == one


def test_read_ahead_is_taken_once_by_the_linter(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("# A title\n\nSome prose about the harbour.\n")
    first = load_document(str(path))
    assert load_document(str(path)) is first  # kept
    assert load_document(str(path), take=True) is first  # taken ...
    assert load_document(str(path), take=True) is not first  # ... once; the linter keeps none
    assert load_document(str(path), take=True) is not first


def test_read_ahead_never_serves_an_edited_file(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("# A title\n\nSome prose about the harbour.\n")
    load_document(str(path))
    path.write_text("# A title\n\nOther prose about the river, longer than before.\n")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert "river" in load_document(str(path), take=True).text
