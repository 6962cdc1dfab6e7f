"""``newslint audit``: sources, partitions, the audit folder, and real runs on the embedded Dask
cluster compared with ``newslint check`` on the same copy.

The runs start ``newslint audit`` as a process (its workers are forked from it, which a test
process should not be); the cluster tests with a scheduler and workers started by hand are in
``test_audit_cluster.py``, the dashboard in a browser in ``test_audit_dashboard.py``.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from audit_corpus import article, write_files, write_jsonl
from conftest import SEED, run_cli, run_cli_process, shared_path

pytest.importorskip("distributed", reason="the audit extra is not installed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from newslint.errors import UsageError  # noqa: E402
from newslint.frontends.audit import partitions  # noqa: E402
from newslint.frontends.audit.figures import month_of  # noqa: E402
from newslint.frontends.audit.output import AuditFolder  # noqa: E402
from newslint.frontends.audit.sources import (  # noqa: E402
    ArchiveSource,
    Columns,
    FileSource,
    Item,
    find_sources,
)

FINDING_KEY = ("path", "rule", "line", "column", "end_line", "end_column", "level", "message")


# -- helpers -----------------------------------------------------------------------------------
def audit(*args: str, cwd: Path | None = None) -> Any:
    return run_cli_process("audit", "--workers", "2", *args, cwd=cwd)


def table(out: Path, name: str) -> list[dict[str, Any]]:
    return pq.read_table(out / name).to_pylist()


def finding_counts(out: Path) -> Counter[tuple[Any, ...]]:
    """Every finding of an audit, as a multiset (a duplicate counts twice)."""
    return Counter(
        (*(r[k] for k in FINDING_KEY), r["match"], tuple(r["related"]))
        for r in table(out, "findings")
    )


def check_counts(report: dict[str, Any]) -> Counter[tuple[Any, ...]]:
    return Counter(
        (
            *(f[k] for k in FINDING_KEY),
            f["match"],
            tuple(r["rule"] for r in f.get("related", [])),
        )
        for entry in report["files"]
        for f in entry["findings"]
    )


# -- sources and partitions --------------------------------------------------------------------
def test_partitions_are_cut_by_text_size_the_same_way_every_time() -> None:
    items = [
        Item(f"d{i}", "x.jsonl", i + 1, "t" * 10, size=size)
        for i, size in enumerate([30, 30, 50, 5, 5, 90, 1])
    ]
    cut = list(partitions.cut(items, 60))
    assert [[it.doc_id for it in p.items] for p in cut] == [
        ["d0", "d1"],
        ["d2", "d3", "d4"],
        ["d5"],
        ["d6"],
    ]
    assert [p.index for p in cut] == [0, 1, 2, 3]
    assert cut == list(partitions.cut(items, 60))
    assert partitions.default_size(10_000) == partitions.MIN_PARTITION
    assert partitions.default_size(10**10) == partitions.MAX_PARTITION
    assert partitions.parse_size("64KB") == 65536 and partitions.parse_size("1.5mb") == 1572864
    with pytest.raises(UsageError, match="not a size"):
        partitions.parse_size("lots")


def test_dates_are_read_to_the_month() -> None:
    assert month_of("2019-03-14") == "2019-03"
    assert month_of("2019-03-14T10:00:00Z") == "2019-03"
    assert month_of("2017") == "2017-00"
    assert month_of("March 4, 2016") == "2016-03"
    assert month_of("yesterday") == "" and month_of(None) == ""


def test_jsonl_rows_become_items_with_ids_metadata_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl.gz"
    records = [article(n) for n in range(3)]
    lines = [json.dumps(r) for r in records] + ["{not json", json.dumps({"id": "x", "title": "t"})]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n\n")
    source = ArchiveSource(str(path), "jsonl")
    assert source.resolve(Columns()) == ("body", "id", None)
    assert source.default_meta() == ["date", "title", "desk", "tags"]
    items = list(source.items(Columns(), ["date", "tags"]))
    assert [i.doc_id for i in items] == [
        "story-000",
        "story-001",
        "story-002",
        "archive.jsonl.gz:4",
        "x",
    ]
    assert [i.row for i in items] == [1, 2, 3, 4, 5]
    assert items[1].text == records[1]["body"] and items[1].size == len(records[1]["body"])
    assert dict(items[1].meta) == {"date": records[1]["date"], "tags": "local; roads"}
    assert items[3].error is not None and "archive.jsonl.gz:4: not valid JSON" in items[3].error
    assert items[4].error == f"{path}:5: no text in column 'body'"


def test_csv_and_parquet_exports_give_the_same_documents(tmp_path: Path) -> None:
    import csv

    records = [article(n) for n in range(4)]
    for r in records:
        r["tags"] = "; ".join(r["tags"])
        r["kind"] = "markdown" if r["id"].endswith("1") else "text"
    with (tmp_path / "a.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "a.parquet")
    columns = Columns(text="body", format="kind")
    got = []
    for name, kind in (("a.csv", "csv"), ("a.parquet", "parquet")):
        source = ArchiveSource(str(tmp_path / name), kind)
        got.append(
            [
                (i.doc_id, i.row, i.text, i.fmt, i.meta)
                for i in source.items(columns, ["desk", "tags"])
            ]
        )
    assert got[0] == got[1]
    assert [fmt for _, _, _, fmt, _ in got[0]] == ["text", "markdown", "text", "text"]


def test_sources_from_the_command_line(tmp_path: Path) -> None:
    write_files(tmp_path / "articles", 3)
    write_jsonl(tmp_path / "more.jsonl", 2)
    found, explicit = find_sources([str(tmp_path / "articles"), str(tmp_path / "*.jsonl")])
    assert [type(s) for s in found] == [FileSource, ArchiveSource]
    assert len(found[0].paths) == 3 and not explicit
    with pytest.raises(UsageError, match="no such file or directory"):
        find_sources([str(tmp_path / "missing.jsonl")])
    with pytest.raises(UsageError, match="no article or archive file matches"):
        find_sources([str(tmp_path / "*.csv")])


def test_a_missing_column_is_one_clear_error(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", 2)
    proc = run_cli(
        "audit", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"), "--text-column", "story"
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"newslint: error: {tmp_path / 'a.jsonl'}: no column 'story' (--text-column;"
        " columns: id, date, title, desk, tags, body)"
    ]
    proc = run_cli(
        "audit", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"), "--meta", "byline"
    )
    assert proc.returncode == 2 and "no column 'byline' (--meta;" in proc.stderr
    proc = run_cli(
        "audit", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"), "--meta", "genre"
    )
    assert (
        proc.returncode == 2
        and "--meta: genre names a column of the audit's own tables" in proc.stderr
    )
    assert not (tmp_path / "out").exists()  # nothing written before the inputs check out


def test_the_audit_folder_refuses_another_audit_and_keeps_only_whole_partitions(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="a folder with other files in it"):
        AuditFolder(tmp_path / "busy", {"a": 1}, fresh=False)
    folder = AuditFolder(out, {"a": 1}, fresh=False)
    names = {"findings": ("doc_id",), "documents": ("doc_id",)}
    for index in range(3):
        folder.write(
            {
                "index": index,
                "findings": {"doc_id": ["d"]},
                "documents": {"doc_id": ["d"]},
                "errors": 0,
                "seconds": 0.1,
                "cpu_seconds": 0.1,
                "worker": "w",
            },
            names,
        )
    (out / "findings" / "part-000001.parquet").unlink()  # killed between the two files
    part = out / "documents" / "part-000002.parquet"  # cut short by a crash of the machine
    part.write_bytes(part.read_bytes()[:-20])
    with (out / "partitions.jsonl").open("a") as handle:
        handle.write('{"index": 3, "docu')  # killed while writing the journal
    assert set(AuditFolder(out, {"a": 1}, fresh=False).done) == {0}
    with pytest.raises(UsageError, match="holds an audit of other inputs or settings"):
        AuditFolder(out, {"a": 2}, fresh=False)
    assert AuditFolder(out, {"a": 2}, fresh=True).done == {}
    assert not list((out / "documents").iterdir())


def test_version_stays_instant_without_dask() -> None:
    code = (
        "import sys\nfrom newslint.frontends.cli import main\ntry: main(['--version'])\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in ('dask', 'distributed', 'pyarrow', 'altair') if m in sys.modules))"
    )
    proc = run_cli_process("-c", code, command=[__import__("sys").executable])
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr


# -- real runs on the embedded cluster ---------------------------------------------------------
def test_file_audit_equals_check_json(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_files(folder, 14)
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    proc = audit("articles", "--out", str(out), "--partition-size", "2KB", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr  # the binary file is unreadable, as check says
    assert "1 document could not be read" in proc.stderr
    check = run_cli("check", "--no-cache", "--format", "json", "articles", cwd=tmp_path)
    report = json.loads(check.stdout)
    audited = finding_counts(out)
    assert audited == check_counts(report)
    assert sum(audited.values()) > 40 and max(audited.values()) == 1
    docs = {d["path"]: d for d in table(out, "documents")}
    assert set(docs) == {entry["path"] for entry in report["files"]}
    errors = {e["path"]: e["error"] for e in report["files"] if e.get("error")}
    assert {p: d["error"] for p, d in docs.items() if d["error"]} == errors
    seed = docs["articles/seed.txt"]
    assert seed["words"] > 300 and seed["quotes"] >= 3 and seed["orphan_quotes"] >= 1
    assert seed["findings"] == sum(1 for k in audited if k[0] == "articles/seed.txt")
    assert seed["findings_boilerplate"] >= 4 and seed["flesch_reading_ease"] is not None
    assert docs["articles/empty.txt"]["notice"] and docs["articles/empty.txt"]["words"] is None
    markdown = docs["articles/story-006.md"]  # front matter as metadata
    assert (markdown["title"], markdown["date"], markdown["section"]) == (
        article(6)["title"],
        article(6)["date"],
        article(6)["desk"],
    )
    rows = [r for r in table(out, "findings") if r["path"] == "articles/seed.txt"]
    orphan = next(r for r in rows if r["rule"] == "quotes.orphan")
    assert orphan["match"] in orphan["sentence"] and orphan["family"] == "quotes"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] and manifest["documents"] == len(docs)
    assert manifest["partitions"] > 3  # 2KB partitions: the work really was spread
    assert (out / "dashboard.html").stat().st_size > 100_000


def test_archive_audit_rows_equal_check_of_the_same_text(tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    records = write_jsonl(archive, 24, extra=['{"id": "bad", "body": 5}'])
    out = tmp_path / "out"
    proc = audit(str(archive), "--out", str(out), "--partition-size", "3KB")
    assert proc.returncode == 2 and "1 document could not be read" in proc.stderr
    assert "24 documents" not in proc.stdout and "25 documents in" in proc.stdout
    files = tmp_path / "files"
    files.mkdir()
    for r in records:
        (files / f"{r['id']}.txt").write_text(r["body"], encoding="utf-8")
    report = json.loads(run_cli("check", "--no-cache", "--format", "json", str(files)).stdout)
    expected = Counter(
        (Path(e["path"]).stem, f["rule"], f["line"], f["column"], f["message"])
        for e in report["files"]
        for f in e["findings"]
    )
    rows = table(out, "findings")
    got = Counter((r["doc_id"], r["rule"], r["line"], r["column"], r["message"]) for r in rows)
    assert got == expected and len(rows) > 50
    assert {r["path"] for r in rows} == {str(archive)}
    first = next(r for r in rows if r["doc_id"] == "story-001")
    assert (first["row"], first["date"], first["desk"], first["tags"]) == (
        2,
        records[1]["date"],
        records[1]["desk"],
        "local; roads",
    )
    docs = {d["doc_id"]: d for d in table(out, "documents")}
    assert docs["bad"]["error"] == f"{archive}:25: column 'body' is not text"
    assert docs["story-003"]["row"] == 4 and docs["story-003"]["words"] > 50
    assert sum(d["findings"] for d in docs.values()) == len(rows)


def test_a_rerun_resumes_and_writes_each_partition_once(tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    write_jsonl(archive, 18)
    out = tmp_path / "out"
    first = audit(str(archive), "--out", str(out), "--partition-size", "2KB")
    assert first.returncode == 0, first.stderr
    reference = finding_counts(out)
    journal = (out / "partitions.jsonl").read_text().splitlines()
    assert len(journal) >= 6
    # as if the run had stopped three partitions before the end
    # (some had their files written before the stop, some not)
    for line in journal[-3:]:
        index = json.loads(line)["index"]
        if index % 2 == 0:
            for name in ("findings", "documents"):
                (out / name / f"part-{index:06d}.parquet").unlink()
    (out / "partitions.jsonl").write_text("\n".join(journal[:-3]) + "\n")
    again = audit(str(archive), "--out", str(out), "--partition-size", "2KB")
    assert again.returncode == 0, again.stderr
    assert f"({len(journal) - 3} already done, 3 linted now)" in again.stdout
    assert finding_counts(out) == reference
    done = audit(str(archive), "--out", str(out), "--partition-size", "2KB")
    assert f"({len(journal)} already done, 0 linted now)" in done.stdout
    other = audit(str(archive), "--out", str(out), "--partition-size", "4KB")
    assert other.returncode == 2 and "holds an audit of other inputs or settings" in other.stderr


@pytest.mark.eval
def test_eval_articles_audit_equals_check_per_source(tmp_path: Path) -> None:
    """Distinct published copy from every clean source (a few files each), through both."""
    shared_path("clean", "scrapinghub")
    from core import sources

    picked = [str(a.path) for src in sources("clean") for a in list(src)[:12]]
    out = tmp_path / "out"
    proc = audit(*picked, "--out", str(out), "--no-dashboard")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(run_cli("check", "--no-cache", "--format", "json", *picked).stdout)
    assert finding_counts(out) == check_counts(report)
    assert len(table(out, "documents")) == len(picked)


def test_the_progress_bar_counts_documents_and_shows_a_bar_once_the_total_is_known() -> None:
    import io

    from newslint.engine.runner import Progress

    stream = io.StringIO()
    progress = Progress(0, stream, delay=0, unit="documents")
    progress.advance(5)
    assert stream.getvalue() == "\rnewslint 5 documents 0:00"
    progress.total, progress._drawn = 20, 0.0
    progress.advance(5)
    assert stream.getvalue().endswith(
        "\rnewslint [###############---------------] 10/20 documents 0:00"
    )
