"""What an audit reads: article files (as ``newslint check`` finds them) and archive exports
(JSON Lines, CSV/TSV, Parquet; JSONL and CSV may be gzipped), as a lazy stream of items.

An archive is read row by row (Parquet batch by batch), so its size never matters to memory.
Columns are checked when the run is planned, before any work starts: a missing column is one
clear error that lists the columns the file has.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from newslint.errors import InputError, UsageError
from newslint.readers import FORMATS

#: archive suffix -> kind (a further ``.gz`` is read through gzip, for jsonl and csv)
ARCHIVE_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
#: the text column when none is named: the first of these an archive has
TEXT_COLUMNS = ("text", "body", "content", "article", "story")
#: the document id column when none is named (else ids are ``FILE:ROW``)
ID_COLUMNS = ("id", "doc_id", "article_id", "uuid")
#: front-matter fields kept as metadata of article files when ``--meta`` names none
FILE_META = ("title", "date", "author", "section")
#: values of a format column, as reader formats
FORMAT_NAMES = {
    "text": "text",
    "txt": "text",
    "plain": "text",
    "markdown": "markdown",
    "md": "markdown",
    "html": "html",
    "htm": "html",
}
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Item:
    """One document to audit: an article file (read by the worker) or an archive row (whose
    text travels with it). ``row`` is the row's 1-based position in its archive (a JSONL line
    number, a CSV record or Parquet row number); ``size`` is the bytes or characters of text,
    for cutting partitions."""

    doc_id: str
    path: str
    row: int | None = None
    text: str | None = None
    fmt: str | None = None
    meta: tuple[tuple[str, str | None], ...] = ()
    error: str | None = None
    size: int = 0


@dataclass(frozen=True)
class Columns:
    """How archive rows map onto documents (the command line's column options)."""

    text: str | None = None
    id: str | None = None
    format: str | None = None
    meta: tuple[str, ...] | None = None  # None: every other column (files: FILE_META)
    text_format: str = "text"  # the reader format of rows without a format column


def meta_value(value: Any) -> str | None:
    """A metadata value as text: lists joined by ``; ``, dates in ISO form, mappings as JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(v for v in map(meta_value, value) if v)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, default=str)
    return str(value)


# -- sources -----------------------------------------------------------------------------------
@dataclass
class FileSource:
    """Article files, read by the workers the way ``newslint check`` reads them."""

    paths: list[str]
    kind: str = "files"

    def fingerprint(self) -> list[Any]:
        out: list[Any] = []
        for path in self.paths:
            try:
                st = os.stat(path)
                out.append([path, st.st_size, st.st_mtime_ns])
            except OSError:
                out.append([path, None, None])
        return out

    def size_hint(self) -> int:
        return sum(_size(p) for p in self.paths)

    def default_meta(self) -> list[str]:
        return list(FILE_META)

    def check_columns(self, columns: Columns) -> None:
        """Front-matter fields vary by file: a missing one is an empty value, not an error."""

    def items(self, columns: Columns, meta: Sequence[str]) -> Iterator[Item]:
        for path in self.paths:
            yield Item(doc_id=path, path=path, size=_size(path))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


@dataclass
class ArchiveSource:
    """An archive export: one document per row, with a text column and metadata columns."""

    path: str
    kind: str
    _columns: list[str] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def fingerprint(self) -> list[Any]:
        st = os.stat(self.path)
        return [[self.path, st.st_size, st.st_mtime_ns]]

    def size_hint(self) -> int:
        """Roughly the characters of text inside (gzip keeps about a quarter)."""
        size = _size(self.path)
        return size * 4 if self.path.endswith(".gz") or self.kind == "parquet" else size

    def columns(self) -> list[str]:
        """The archive's column names (JSONL: the keys of its first object)."""
        if self._columns is None:
            self._columns = self._read_columns()
        return self._columns

    def _read_columns(self) -> list[str]:
        if self.kind == "parquet":
            return list(_parquet_file(self.path).schema_arrow.names)
        with _open_binary(self.path) as handle:
            if self.kind == "csv":
                reader = csv.reader(_text(handle, self.path), delimiter=self._delimiter())
                try:
                    return next(reader)
                except StopIteration:
                    return []
                except (csv.Error, UnicodeDecodeError) as exc:
                    raise InputError(f"{self.path}: cannot read the CSV header ({exc})") from None
            for number, line in enumerate(handle, 1):
                if number > 1000:
                    break
                try:
                    value = json.loads(line)
                except ValueError:
                    continue
                if isinstance(value, dict):
                    return list(value)
        raise InputError(f"{self.path}: no JSON object in its first 1,000 lines")

    def _delimiter(self) -> str:
        return "\t" if self.path.removesuffix(".gz").endswith(".tsv") else ","

    def resolve(self, columns: Columns) -> tuple[str, str | None, str | None]:
        """The (text, id, format) column names for this archive."""
        have = self.columns()
        text = columns.text or next((c for c in TEXT_COLUMNS if c in have), None)
        if text is None:
            raise UsageError(
                f"{self.path}: no text column (looked for {', '.join(TEXT_COLUMNS)}; name it "
                f"with --text-column; columns: {', '.join(have) or 'none'})"
            )
        id_column = columns.id or next((c for c in ID_COLUMNS if c in have), None)
        return text, id_column, columns.format

    def check_columns(self, columns: Columns) -> None:
        have = self.columns()
        text, id_column, fmt = self.resolve(columns)
        named = [
            ("--text-column", text),
            ("--id-column", id_column),
            ("--format-column", fmt),
            *(("--meta", m) for m in columns.meta or ()),
        ]
        for option, name in named:
            if name is not None and name not in have:
                raise UsageError(
                    f"{self.path}: no column {name!r} ({option}; columns: {', '.join(have)})"
                )

    def default_meta(self) -> list[str]:
        text, id_column, fmt = self.resolve(Columns())
        return [c for c in self.columns() if c not in (text, id_column, fmt)]

    def items(self, columns: Columns, meta: Sequence[str]) -> Iterator[Item]:
        text_col, id_col, fmt_col = self.resolve(columns)
        for row, record, error in self._records():
            if error is not None:
                yield Item(
                    f"{self.name}:{row}", self.path, row, error=f"{self.path}:{row}: {error}"
                )
                continue
            assert record is not None
            yield self._item(row, record, text_col, id_col, fmt_col, columns.text_format, meta)

    def _item(
        self,
        row: int,
        record: dict[str, Any],
        text_col: str,
        id_col: str | None,
        fmt_col: str | None,
        default_format: str,
        meta: Sequence[str],
    ) -> Item:
        raw_id = record.get(id_col) if id_col else None
        doc_id = meta_value(raw_id) or f"{self.name}:{row}"
        values = tuple((name, meta_value(record.get(name))) for name in meta)
        text = record.get(text_col)
        error = None
        fmt = default_format
        if fmt_col is not None:
            named = meta_value(record.get(fmt_col)) or default_format
            fmt = FORMAT_NAMES.get(named.strip().lower(), "")
            if not fmt:
                error = (
                    f"unknown format {named!r} in column {fmt_col!r} (use text, markdown or html)"
                )
        if not isinstance(text, str):
            error = (
                f"no text in column {text_col!r}"
                if text is None
                else f"column {text_col!r} is not text"
            )
            text = None
        return Item(
            doc_id=doc_id,
            path=self.path,
            row=row,
            text=None if error else text,
            fmt=fmt or None,
            meta=values,
            error=f"{self.path}:{row}: {error}" if error else None,
            size=len(text) if isinstance(text, str) else 0,
        )

    def _records(self) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
        """(row, record, error) for every row, in order."""
        if self.kind == "parquet":
            yield from self._parquet_records()
            return
        with _open_binary(self.path) as handle:
            if self.kind == "csv":
                yield from self._csv_records(handle)
            else:
                yield from self._jsonl_records(handle)

    def _jsonl_records(self, handle: IO[bytes]) -> Iterator[tuple[int, Any, str | None]]:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield number, None, "not UTF-8"
                continue
            except ValueError as exc:
                yield number, None, f"not valid JSON ({exc})"
                continue
            if not isinstance(value, dict):
                yield number, None, "not a JSON object"
                continue
            yield number, value, None

    def _csv_records(self, handle: IO[bytes]) -> Iterator[tuple[int, Any, str | None]]:
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        reader = csv.DictReader(_text(handle, self.path), delimiter=self._delimiter())
        number = 0
        try:
            for number, record in enumerate(reader, 1):  # noqa: B007 (the number names errors)
                yield number, record, None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"{self.path}: cannot read record {number + 1} ({exc})") from None

    def _parquet_records(self) -> Iterator[tuple[int, Any, str | None]]:
        number = 0
        for batch in _parquet_file(self.path).iter_batches(batch_size=256):
            for record in batch.to_pylist():
                number += 1
                yield number, record, None


def _open_binary(path: str) -> IO[bytes]:
    try:
        if path.endswith(".gz"):
            handle: IO[bytes] = gzip.open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
            handle.peek(1)  # type: ignore[attr-defined]  # not gzip: fails here, not mid-run
            return handle
        return open(path, "rb")  # noqa: SIM115 (the caller closes it)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None


def _text(handle: IO[bytes], path: str) -> IO[str]:
    return io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")


def _parquet_file(path: str) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: cannot read as Parquet ({exc})") from None


# -- from the command line ---------------------------------------------------------------------
def archive_kind(path: str) -> str | None:
    """``jsonl``, ``csv`` or ``parquet`` for an archive file name, else None."""
    name = path.lower()
    stem = name.removesuffix(".gz")
    kind = ARCHIVE_KINDS.get(os.path.splitext(stem)[1])
    if kind == "parquet" and name.endswith(".gz"):
        return None
    return kind


def find_sources(args: Iterable[str]) -> tuple[list[FileSource | ArchiveSource], set[str]]:
    """The sources named on the command line (folders, files, archives, quoted globs), and the
    article files named explicitly (never excluded by a config, as with ``newslint check``)."""
    from newslint.readers.discover import iter_article_files

    sources: list[FileSource | ArchiveSource] = []
    explicit: set[str] = set()
    seen: set[str] = set()

    def add_file(path: str, named: bool) -> None:
        key = os.path.realpath(path)
        if key in seen:
            return
        seen.add(key)
        if named:
            explicit.add(path)
        if sources and isinstance(sources[-1], FileSource):
            sources[-1].paths.append(path)
        else:
            sources.append(FileSource([path]))

    for arg in args:
        if os.path.isdir(arg):
            for path in iter_article_files([arg]):
                add_file(path, False)
            continue
        matches = [arg] if os.path.exists(arg) else _glob(arg)
        for path in matches:
            kind = archive_kind(path)
            if kind is not None:
                key = os.path.realpath(path)
                if key not in seen:
                    seen.add(key)
                    sources.append(ArchiveSource(path, kind))
            elif os.path.isdir(path):
                for found in iter_article_files([path]):
                    add_file(found, False)
            else:
                add_file(path, True)
    return sources, explicit


def _glob(pattern: str) -> list[str]:
    if not GLOB_CHARS & set(pattern):
        raise UsageError(f"{pattern}: no such file or directory")
    found = sorted(glob.glob(pattern, recursive=True))
    exts = set(FORMATS)
    matches = [
        p
        for p in found
        if archive_kind(p) or os.path.isdir(p) or os.path.splitext(p)[1].lower() in exts
    ]
    if not matches:
        raise UsageError(f"{pattern}: no article or archive file matches")
    return matches
