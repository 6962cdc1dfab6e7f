"""The audit folder: two Parquet datasets written partition by partition, and the manifest.

::

    DIR/manifest.json            what was audited, how, and (when complete) the totals
    DIR/partitions.jsonl         one line per finished partition (the resume journal)
    DIR/findings/part-NNNNNN.parquet    one row per finding
    DIR/documents/part-NNNNNN.parquet   one row per document (figures, findings per family)
    DIR/dashboard.html

A partition's two files are written whole (:func:`~newslint.storage.atomic.replace_file`), and only then is
its line appended to the journal: a partition is finished exactly when its line is there (and,
in case the machine itself went down, its files read as Parquet). A
re-run with the same inputs and settings (the manifest's ``plan``) skips those partitions; a
partition cut short is written again under the same names, so nothing is lost or counted twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newslint.errors import UsageError
from newslint.storage.atomic import replace_file

MANIFEST = "manifest.json"
JOURNAL = "partitions.jsonl"
TABLES = ("findings", "documents")
FORMAT = "newslint-audit"
FORMAT_VERSION = 1

#: per-document figures from ``Analysis.stats()`` (quotations and sources from the quote
#: analysis), in the documents table's order
STAT_COLUMNS = (
    "words",
    "narration_words",
    "sentences",
    "paragraphs",
    "quotes",
    "attributed_quotes",
    "orphan_quotes",
    "named_sources",
    "unnamed_sources",
)
READABILITY_COLUMNS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "avg_words_per_sentence",
    "avg_syllables_per_word",
)

#: Arrow types of the fixed columns (metadata columns are strings, family counts int32)
INT_COLUMNS = {"row", "line", "column", "end_line", "end_column", *STAT_COLUMNS, "findings"}
FLOAT_COLUMNS = {"attributed_share", *READABILITY_COLUMNS, "lint_ms"}
LIST_COLUMNS = {"suggestions", "related"}


def arrow_schema(names: tuple[str, ...]) -> Any:
    """The Arrow schema of a table with these columns (the same for every partition)."""
    import pyarrow as pa

    def type_of(name: str) -> Any:
        if name in INT_COLUMNS:
            return pa.int64()
        if name.startswith("findings_"):
            return pa.int32()
        if name in FLOAT_COLUMNS:
            return pa.float64()
        if name in LIST_COLUMNS:
            return pa.list_(pa.string())
        return pa.string()

    return pa.schema([(name, type_of(name)) for name in names])


def plan_key(plan: Mapping[str, Any]) -> str:
    """A digest of what decides the partitions and their contents."""
    blob = json.dumps(plan, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:24]


class AuditFolder:
    """Writes an audit into ``DIR``, resuming the audit of the same plan found there."""

    def __init__(self, root: str | os.PathLike[str], plan: dict[str, Any], fresh: bool) -> None:
        self.root = Path(root)
        self.plan = plan
        self.key = plan_key(plan)
        self.done: dict[int, dict[str, Any]] = {}
        self._open(fresh)

    # -- opening -------------------------------------------------------------------------
    def _open(self, fresh: bool) -> None:
        manifest = self.root / MANIFEST
        if self.root.exists() and not self.root.is_dir():
            raise UsageError(f"--out {self.root}: exists and is not a folder")
        if manifest.exists():
            try:
                found = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise UsageError(f"{manifest}: unreadable audit manifest ({exc})") from None
            if found.get("format") != FORMAT:
                raise UsageError(f"{manifest}: not a newslint audit manifest")
            if fresh or found.get("plan_key") != self.key:
                if not fresh:
                    raise UsageError(
                        f"--out {self.root}: holds an audit of other inputs or settings "
                        "(use another folder, or --overwrite to replace it)"
                    )
                self._clear()
            else:
                self.done = self._read_journal()
        elif self.root.is_dir() and any(self.root.iterdir()):
            raise UsageError(
                f"--out {self.root}: a folder with other files in it (give a new or empty folder)"
            )
        for table in TABLES:
            (self.root / table).mkdir(parents=True, exist_ok=True)
        self.manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "plan_key": self.key,
            "plan": self.plan,
            "complete": False,
            "started": _now(),
        }
        self._write_manifest()

    def _clear(self) -> None:
        """Remove what an audit writes (and nothing else) for ``--overwrite``."""
        for table in TABLES:
            folder = self.root / table
            if folder.is_dir():
                # the partitions, and a write a killed run left half done
                for part in (*folder.glob("part-*.parquet"), *folder.glob(".newslint-*")):
                    part.unlink()
        for name in (JOURNAL, MANIFEST, "dashboard.html"):
            (self.root / name).unlink(missing_ok=True)

    def _read_journal(self) -> dict[int, dict[str, Any]]:
        done: dict[int, dict[str, Any]] = {}
        journal = self.root / JOURNAL
        if not journal.exists():
            return done
        for line in journal.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:  # the last line of a run that was killed while writing it
                continue
            index = entry.get("index")
            if isinstance(index, int) and all(
                _readable(self.root / table / part_name(index)) for table in TABLES
            ):
                done[index] = entry
        return done

    # -- writing -------------------------------------------------------------------------
    def write(self, output: Mapping[str, Any], names: Mapping[str, tuple[str, ...]]) -> None:
        """Write one partition's tables, then record it in the journal."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        index = output["index"]
        for table in TABLES:
            schema = arrow_schema(names[table])
            data = pa.Table.from_pydict(dict(output[table]), schema=schema)
            buffer = pa.BufferOutputStream()
            pq.write_table(data, buffer, compression="zstd")
            replace_file(self.root / table / part_name(index), buffer.getvalue().to_pybytes())
        entry = {
            "index": index,
            "documents": len(output["documents"]["doc_id"]),
            "findings": len(output["findings"]["doc_id"]),
            "errors": output["errors"],
            "seconds": round(output["seconds"], 4),
            "cpu_seconds": round(output["cpu_seconds"], 4),
            "worker": output["worker"],
        }
        with open(self.root / JOURNAL, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
        self.done[index] = entry

    def finish(self, summary: Mapping[str, Any]) -> None:
        """Mark the audit complete, with its totals."""
        self.manifest.update(summary)
        self.manifest.update(complete=True, finished=_now())
        self._write_manifest()

    def _write_manifest(self) -> None:
        text = json.dumps(self.manifest, indent=1, default=str) + "\n"
        replace_file(self.root / MANIFEST, text.encode("utf-8"))


def _readable(path: Path) -> bool:
    """True when a partition file is whole (its Parquet footer reads): no fsync per partition,
    so after a crash of the machine a resumed run checks the files instead."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pq.read_metadata(path)
    except (OSError, pa.ArrowException):
        return False
    return True


def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
