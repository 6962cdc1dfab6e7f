"""Baselines, --diff-only, the result cache, the process pool and the Python API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED, run_cli

from newslint.filters.baseline import fingerprints
from newslint.findings import Finding, Fix
from newslint.storage.result_cache import CACHE_FORMAT, finding_from_json, finding_to_json

SEED_TEXT = SEED.read_text(encoding="utf-8")


def _findings(proc: subprocess.CompletedProcess[str]) -> list[dict]:
    data = json.loads(proc.stdout)
    return [f for entry in data["files"] for f in entry["findings"]]


# -- baseline --------------------------------------------------------------------------------
def test_baseline_records_then_reports_only_new_findings(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(SEED_TEXT, encoding="utf-8")
    args = ("check", "--no-cache", "-f", "json", "--baseline", "baseline.json", "story.txt")
    first = run_cli(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr  # everything recorded, nothing new
    assert "recorded" in first.stderr and _findings(first) == []
    recorded = json.loads((tmp_path / "baseline.json").read_text())
    assert recorded["newslint_baseline"] == 1
    assert len(recorded["files"]["story.txt"]) == len(
        _findings(run_cli("check", "--no-cache", "-f", "json", "story.txt", cwd=tmp_path))
    )
    # unrelated edits above the findings: a new opening paragraph, a changed headline
    lines = SEED_TEXT.split("\n")
    lines[0] = "A completely different headline"
    assert lines[4] == ""  # after headline, byline and dateline
    lines.insert(
        5, "The editor added this paragraph above all the others on Monday, officials said.\n"
    )
    story.write_text("\n".join(lines), encoding="utf-8")
    second = run_cli(*args, cwd=tmp_path)
    assert second.returncode == 0, second.stdout
    assert _findings(second) == []
    # a new problem is reported, alone
    story.write_text("\n".join(lines) + "\nThe regime's thugs opened fire on the crowd.\n")
    third = run_cli(*args, cwd=tmp_path)
    assert third.returncode == 1
    new = _findings(third)
    assert new and all("thugs" in f["match"] or "regime" in f["match"] for f in new)
    assert "hidden by the baseline" in third.stderr
    # --update-baseline accepts them
    run_cli(*args[:-1], "--update-baseline", "story.txt", cwd=tmp_path)
    assert _findings(run_cli(*args, cwd=tmp_path)) == []


def test_baseline_follows_a_renamed_article(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    story = tmp_path / "drafts" / "story.txt"
    story.write_text(SEED_TEXT, encoding="utf-8")
    base = ("check", "--no-cache", "-f", "json", "--baseline", "baseline.json")
    assert run_cli(*base, "drafts", cwd=tmp_path).returncode == 0  # recorded
    (tmp_path / "published").mkdir()
    story.rename(tmp_path / "published" / "idlib.txt")
    moved = run_cli(*base, "published", cwd=tmp_path)
    assert moved.returncode == 0, moved.stdout
    assert _findings(moved) == []
    # another article under a new name is not covered by the old one's entries
    (tmp_path / "published" / "other.txt").write_text(
        "Stop the regime's thugs.\n\nThe council met on Monday.\n", encoding="utf-8"
    )
    other = run_cli(*base, "published", cwd=tmp_path)
    assert other.returncode == 1 and _findings(other)


def test_baseline_errors_are_clear(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Council meets\n\nThe council met.\n")
    (tmp_path / "bad.json").write_text("{not json")
    proc = run_cli("check", "--no-cache", "--baseline", "bad.json", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "bad.json: not a newslint baseline" in proc.stderr
    proc = run_cli("check", "--no-cache", "--update-baseline", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "--update-baseline needs --baseline" in proc.stderr


def _finding(line: int, context: str, match: str, column: int) -> Finding:
    return Finding(
        rule="bias.loaded",
        level="warning",
        message="m",
        path="a.txt",
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(match),
        match=match,
        context=context,
    )


def test_fingerprints_ignore_position_and_other_sentences_but_not_the_sentence() -> None:
    para = "The vote was close. The regime fell on Monday. Markets rose."
    col = para.index("regime") + 1
    base = fingerprints([_finding(5, para, "regime", col)])
    edited_elsewhere = "The vote was very close indeed. The regime fell on Monday.  Markets fell."
    moved = fingerprints(
        [_finding(9, edited_elsewhere, "regime", edited_elsewhere.index("regime") + 1)]
    )
    assert base == moved
    changed = "The vote was close. The regime fell on Tuesday. Markets rose."
    assert fingerprints([_finding(5, changed, "regime", col)]) != base
    # two identical findings in one sentence get distinct, stable prints
    twice = "The regime and the regime."
    prints = fingerprints([_finding(1, twice, "regime", 5), _finding(1, twice, "regime", 20)])
    assert len(set(prints)) == 2


# -- --diff-only -----------------------------------------------------------------------------
def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        },
    )


def test_diff_only_reports_findings_on_changed_lines(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    story = tmp_path / "story.txt"
    story.write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "old.txt").write_text(SEED_TEXT, encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "archive")
    assert (
        _findings(
            run_cli("check", "--no-cache", "-f", "json", "--diff-only", "HEAD", ".", cwd=tmp_path)
        )
        == []
    )
    lines = SEED_TEXT.split("\n")
    lines.insert(6, "The regime's thugs opened fire on the crowd.")
    story.write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "new.txt").write_text(SEED_TEXT, encoding="utf-8")  # untracked: all lines new
    proc = run_cli("check", "--no-cache", "-f", "json", "--diff-only", "HEAD", ".", cwd=tmp_path)
    by_file: dict[str, list[dict]] = {}
    for f in _findings(proc):
        by_file.setdefault(os.path.basename(f["path"]), []).append(f)
    assert set(by_file) == {"story.txt", "new.txt"}
    assert {f["line"] for f in by_file["story.txt"]} == {7}
    assert len(by_file["new.txt"]) == len(
        _findings(run_cli("check", "--no-cache", "-f", "json", "old.txt", cwd=tmp_path))
    )
    bad = run_cli("check", "--diff-only", "no-such-ref", ".", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown git ref 'no-such-ref'" in bad.stderr


def test_diff_only_outside_a_repository(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Council meets\n\nThe council met.\n")
    proc = run_cli(
        "check",
        "--diff-only",
        "HEAD",
        "story.txt",
        cwd=tmp_path,
        env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)},
    )
    assert proc.returncode == 2 and "not inside a git repository" in proc.stderr


# -- the result cache ------------------------------------------------------------------------
def test_findings_round_trip_through_json() -> None:
    f = Finding(
        "a.b", "warning", "msg", "p.txt", 3, 4, 3, 9, "match", 10, 5, ("x",), Fix(1, 2, "y"), "ctx"
    )
    assert finding_from_json(finding_to_json(f)) == f
    assert finding_from_json(json.loads(json.dumps(finding_to_json(f)))).fix == Fix(1, 2, "y")


CACHED_RUN = """
import sys
from newslint.frontends.cli import main
code = main(sys.argv[1:])
print("SPACY_LOADED" if "spacy" in sys.modules else "SPACY_NOT_LOADED", code)
"""


def test_cached_run_gives_the_same_report_without_loading_spacy(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"story{i}.txt").write_text(
            SEED_TEXT.replace("Idlib", f"Idlib{i}"), encoding="utf-8"
        )
    cache = tmp_path / "cache"
    args = ("check", "--cache-dir", str(cache), "-f", "json", str(tmp_path))
    cold = run_cli(*args)
    assert cold.returncode == 1
    assert (cache / "CACHEDIR.TAG").exists() and (
        cache / ".gitignore"
    ).read_text().strip().endswith("*")
    warm = subprocess.run(
        [sys.executable, "-c", CACHED_RUN, *args], capture_output=True, text=True, cwd=ROOT
    )
    report, status = warm.stdout.rsplit("\n", 2)[-2], warm.stdout.rsplit("\n", 2)[0]
    assert report == "SPACY_NOT_LOADED 1", warm.stderr
    assert json.loads(status + "\n")["files"] == json.loads(cold.stdout)["files"]


def test_cache_sees_changes_to_content_config_and_rules(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(SEED_TEXT, encoding="utf-8")
    cache = ("--cache-dir", str(tmp_path / "cache"))

    def rules() -> set[str]:
        proc = run_cli("check", *cache, "-f", "json", "story.txt", cwd=tmp_path)
        return {f["rule"] for f in _findings(proc)}

    base = rules()
    assert "boilerplate.comments" in base
    assert rules() == base  # cached
    story.write_text(SEED_TEXT.replace("Discuss This Article", ""), encoding="utf-8")
    assert "boilerplate.comments" not in rules()  # content changed
    story.write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("ignore: [bias]\n")
    assert not any(r.startswith("bias.") for r in rules())  # config changed
    (tmp_path / ".newslint.yaml").write_text("packs: [news, ./house]\n")
    (tmp_path / "house").mkdir()
    rule = (
        "rules:\n  - id: house.idlib\n    kind: phrase\n    message: 'House style: {{match}}'\n"
        "    phrases: [{word}]\n    examples: {{flag: ['{word}'], pass: ['x']}}\n"
    )
    (tmp_path / "house" / "house.yaml").write_text(rule.format(word="Idlib"))
    assert "house.idlib" in rules()
    (tmp_path / "house" / "house.yaml").write_text(rule.format(word="Zanzibar"))
    assert "house.idlib" not in rules()  # rule file changed


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Council meets\n\nThe council met.\n")
    default = {"NEWSLINT_RESULT_CACHE": ""}  # the tests keep it out of the checkout otherwise
    run_cli("check", "--no-cache", "story.txt", cwd=tmp_path, env=default)
    assert not (tmp_path / ".newslint_cache").exists()
    run_cli("check", "story.txt", cwd=tmp_path, env=default)
    assert (tmp_path / ".newslint_cache" / "CACHEDIR.TAG").exists()


# -- many files ------------------------------------------------------------------------------
def test_process_pool_gives_the_same_results_as_one_process(tmp_path: Path) -> None:
    for i in range(12):
        text = SEED_TEXT if i % 2 else SEED_TEXT.replace("regime", "government")
        (tmp_path / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "zz.txt").write_bytes(b"\x00binary")
    one = run_cli("check", "--no-cache", "-j", "1", "-f", "json", ".", cwd=tmp_path)
    many = run_cli("check", "--no-cache", "-j", "2", "-f", "json", ".", cwd=tmp_path)
    assert one.returncode == many.returncode == 2  # the binary file
    assert json.loads(one.stdout) == json.loads(many.stdout)
    assert len(json.loads(one.stdout)["files"]) == 13


def test_config_errors_from_workers_are_one_clear_line(tmp_path: Path) -> None:
    for i in range(10):
        (tmp_path / f"a{i}.txt").write_text(SEED_TEXT, encoding="utf-8")
    proc = run_cli(
        "check", "--no-cache", "-j", "2", "--select", "bias.nosuchrule", ".", cwd=tmp_path
    )
    assert proc.returncode == 2 and "unknown rule id 'bias.nosuchrule'" in proc.stderr
    assert "Traceback" not in proc.stderr


# -- Python API ------------------------------------------------------------------------------
def test_python_api(tmp_path: Path) -> None:
    from newslint import lint_paths, lint_text

    findings = lint_text(SEED_TEXT)
    assert any(f.rule == "boilerplate.comments" for f in findings)
    assert lint_text("Council meets\n\nThe council met on Monday, the mayor said.\n") == []
    for i in range(3):
        (tmp_path / f"s{i}.md").write_text("---\ntitle: x\n---\n\n" + SEED_TEXT, encoding="utf-8")
    results = lint_paths([str(tmp_path)], select=["boilerplate"], cache=str(tmp_path / "c"))
    assert [os.path.basename(r.path) for r in results] == ["s0.md", "s1.md", "s2.md"]
    assert all(r.findings and {f.family for f in r.findings} == {"boilerplate"} for r in results)
    again = lint_paths([str(tmp_path)], select=["boilerplate"], cache=str(tmp_path / "c"))
    assert [r.findings for r in again] == [r.findings for r in results]


@pytest.mark.parametrize("stream_is_tty", [False, True])
def test_progress_bar_only_on_a_terminal(stream_is_tty: bool) -> None:
    import io

    from newslint.engine.runner import Progress

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return stream_is_tty

    stream = Stream()
    bar = Progress.for_stream(100, stream)
    bar.delay = 0
    for _ in range(100):
        bar.advance()
    bar.close()
    out = stream.getvalue()
    assert ("100/100 files" in out) is stream_is_tty
    assert out == "" or out.endswith("\r\033[K")


def test_cache_forgets_files_that_no_longer_exist(tmp_path: Path) -> None:
    from newslint.engine.linter import FileResult
    from newslint.storage.result_cache import ResultCache

    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    for path in (kept, gone):
        path.write_text("The council met on Monday.\n", encoding="utf-8")
    cache = ResultCache(str(tmp_path / "cache"))
    for path in (kept, gone):
        cache.put("k", str(path), "digest", FileResult(str(path), [], None, None, None, "error"))
    cache.save()
    gone.unlink()
    cache.put("k", str(kept), "digest2", FileResult(str(kept), [], None, None, None, "error"))
    cache.save()
    stored = json.loads((tmp_path / "cache" / f"v{CACHE_FORMAT}" / "k.json").read_text())["entries"]
    assert list(stored) == [str(kept.resolve())]
    assert stored[str(kept.resolve())]["sha256"] == "digest2"


def test_cache_keeps_every_settings_file_its_run_used(tmp_path: Path) -> None:
    """An archive without config files has one settings key per folder: a run over more folders
    than KEEP_FILES must find all of them cached next time; other runs' files are still pruned."""
    from newslint.engine.linter import FileResult
    from newslint.storage.result_cache import KEEP_FILES, ResultCache

    story = tmp_path / "story.txt"
    story.write_text("The council met on Tuesday.\n", encoding="utf-8")
    folder = str(tmp_path / "cache")
    keys = [f"folder{i:02d}" for i in range(KEEP_FILES + 4)]
    cache = ResultCache(folder)
    for key in keys:
        cache.put(key, str(story), "digest", FileResult(str(story)))
    cache.save()
    again = ResultCache(folder)
    assert all(again.get(key, str(story), "digest", "warning") for key in keys)

    later = ResultCache(folder)
    later.put("another-run", str(story), "digest", FileResult(str(story)))
    later.save()
    settings_files = [n for n in os.listdir(later.directory) if n.endswith(".json")]
    assert len(settings_files) == KEEP_FILES + 1
    assert "another-run.json" in settings_files
