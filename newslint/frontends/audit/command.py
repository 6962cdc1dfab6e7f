"""``newslint audit SOURCE... --out DIR``: plan the partitions, run them on Dask, write the
Parquet datasets and the manifest, then the dashboard."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from newslint import __version__
from newslint.errors import UsageError

#: columns every table has: a metadata column may not take their names
RESERVED = frozenset(
    {"doc_id", "path", "row", "format", "rule", "family", "level", "match", "message", "genre"}
)


def add_parser(sub: Any, csv_list: Any, rule_options: Callable[[Any], None]) -> None:
    """The ``audit`` subcommand's options."""
    audit = sub.add_parser(
        "audit",
        help="audit an archive on Dask: Parquet findings, per-document figures, a dashboard",
        description="Lint article files or an archive export (JSONL, CSV, Parquet) on Dask and "
        "write the findings and per-document figures as Parquet, with an HTML dashboard.",
    )
    audit.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="article files or folders, quoted globs, or .jsonl/.csv/.tsv (.gz) or .parquet files",
    )
    audit.add_argument("--out", "-o", required=True, metavar="DIR", help="the audit folder")
    audit.add_argument(
        "--text-column",
        metavar="NAME",
        help="archive column with the text (default: text, body, ...)",
    )
    audit.add_argument(
        "--id-column", metavar="NAME", help="archive column with the document id (default: id)"
    )
    audit.add_argument(
        "--format-column",
        metavar="NAME",
        help="archive column saying markdown, html or text per row",
    )
    audit.add_argument(
        "--text-format",
        choices=("text", "markdown", "html"),
        default="text",
        help="format of archive rows without a format column (default: text)",
    )
    audit.add_argument(
        "--meta",
        type=csv_list,
        metavar="NAMES",
        help="metadata to keep: archive columns or front-matter fields (default: every other "
        "archive column; title, date, author, section from front matter)",
    )
    rule_options(audit)  # as check's: the same findings on the same files
    audit.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a dask scheduler (tcp://HOST:PORT; default: $DASK_SCHEDULER_ADDRESS, else an "
        "embedded cluster)",
    )
    audit.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="worker processes of the embedded cluster (default: all cores)",
    )
    audit.add_argument(
        "--partition-size",
        metavar="SIZE",
        help="text per task and output file, e.g. 256KB (default: from the input size)",
    )
    audit.add_argument(
        "--overwrite", action="store_true", help="replace an audit of other inputs in DIR"
    )
    audit.add_argument(
        "--date-column", metavar="NAME", help="dashboard: the date metadata (default: date)"
    )
    audit.add_argument(
        "--group-by",
        type=csv_list,
        metavar="NAMES",
        help="dashboard: metadata to break figures down by (default: section, author, ... present)",
    )
    audit.add_argument("--no-dashboard", action="store_true", help="write no dashboard.html")


def cmd_audit(args: argparse.Namespace) -> int:
    """Run the audit; exit 0, or 2 when some documents could not be read (they are listed in
    the documents table with their error) or on a usage error."""
    _require_extra()
    from newslint.engine.runner import RunSettings, default_jobs
    from newslint.frontends.audit import cluster, partitions
    from newslint.frontends.audit.output import AuditFolder
    from newslint.frontends.audit.sources import Columns, FileSource, find_sources
    from newslint.frontends.audit.worker import (
        AuditSettings,
        document_columns,
        finding_columns,
    )

    started = time.perf_counter()
    sources, explicit = find_sources(args.sources)
    columns = Columns(
        text=args.text_column,
        id=args.id_column,
        format=args.format_column,
        meta=tuple(args.meta) if args.meta else None,
        text_format=args.text_format,
    )
    _check_reserved(columns.meta or ())
    for source in sources:
        source.check_columns(columns)
    meta = _meta_columns(sources, columns)
    run = RunSettings(
        config_path=os.path.abspath(args.config) if args.config else None,
        select=tuple(args.select),
        ignore=tuple(args.ignore),
        packs=tuple(args.pack),
        min_level=args.min_level,
        stats=True,
        profile=args.profile,
    )
    address = cluster.scheduler_address(args.scheduler)
    if address:  # config discovery and rule families here; linting on the workers
        linter = run.linter()
    else:  # load everything now: the embedded cluster's workers fork from this process warm
        from newslint.frontends.audit.worker import linter_for

        linter = linter_for(run)
    for source in sources:
        if isinstance(source, FileSource):  # a config's exclude: as newslint check applies it
            source.paths = [
                p for p in source.paths if p in explicit or not linter.config_for(p).excluded(p)
            ]
    sources = [s for s in sources if not isinstance(s, FileSource) or s.paths]
    if not sources:
        raise UsageError("nothing to audit: every article file is excluded by its config")
    families = _families(linter, sources)
    settings = AuditSettings(run, meta, families, os.getcwd())
    size = (
        partitions.parse_size(args.partition_size)
        if args.partition_size
        else partitions.default_size(sum(s.size_hint() for s in sources))
    )
    plan = {
        "newslint": __version__,
        "sources": [getattr(s, "path", None) or f"{len(s.paths)} files" for s in sources],
        "inputs": _digest([s.fingerprint() for s in sources]),
        "settings": {
            "config": run.config_path,
            "select": list(run.select),
            "ignore": list(run.ignore),
            "packs": list(run.packs),
            "min_level": run.min_level,
            "profile": run.profile,
        },
        "columns": {
            "text": columns.text,
            "id": columns.id,
            "format": columns.format,
            "text_format": columns.text_format,
            "meta": list(meta),
        },
        "families": list(families),
        "partition_size": size,
    }
    folder = AuditFolder(args.out, plan, fresh=args.overwrite)
    names = {
        "findings": finding_columns(meta),
        "documents": document_columns(meta, families),
    }
    total_files = sum(len(s.paths) for s in sources if isinstance(s, FileSource))
    known_total = total_files if all(isinstance(s, FileSource) for s in sources) else 0
    from newslint.engine.runner import Progress

    progress = Progress.for_stream(known_total, sys.stderr, unit="documents")
    progress.advance(sum(e["documents"] for e in folder.done.values()))
    resumed = len(folder.done)
    totals = {"documents": 0, "findings": 0, "errors": 0, "cpu_seconds": 0.0}

    def todo() -> Iterator[partitions.Partition]:
        items = (item for source in sources for item in source.items(columns, meta))
        read = 0
        for partition in partitions.cut(items, size):
            read += len(partition.items)
            if partition.index not in folder.done:
                yield partition
        progress.total = read  # an archive's size is known once it is read: a bar from now on

    def on_result(output: dict[str, Any]) -> None:
        folder.write(output, names)
        progress.advance(len(output["documents"]["doc_id"]))

    workers = args.workers if args.workers > 0 else default_jobs()
    try:
        with cluster.dask_client(settings, address, workers) as (client, where):
            ready = time.perf_counter() - started  # inputs planned, workers up (and warm)
            linted = cluster.run_partitions(client, settings, todo(), on_result)
    except KeyboardInterrupt:
        progress.close()
        print(
            f"newslint: interrupted; {len(folder.done)} partitions are written in {args.out}:"
            " run the same command again to resume",
            file=sys.stderr,
        )
        return 130
    progress.close()
    for entry in folder.done.values():
        for key in totals:
            totals[key] += entry.get(key, 0)
    seconds = time.perf_counter() - started
    summary = {
        "driver_cpu_seconds": round(time.process_time(), 3),
        "partitions": len(folder.done),
        "resumed_partitions": resumed,
        **{k: round(v, 3) if isinstance(v, float) else v for k, v in totals.items()},
        "seconds": round(seconds, 3),
        "ready_seconds": round(ready, 3),
        "ran_on": where,
    }
    folder.finish(summary)
    dashboard = None
    if not args.no_dashboard:
        from newslint.frontends.audit.dashboard import write_dashboard

        page_started = time.perf_counter()
        path = write_dashboard(
            folder.root, meta, date_column=args.date_column, group_by=args.group_by
        )
        dashboard = f"{path} ({time.perf_counter() - page_started:.1f} s)"
    _report(args.out, summary, linted, dashboard)
    if totals["errors"]:
        print(
            f"newslint: {totals['errors']} document{'s' if totals['errors'] != 1 else ''} could"
            f" not be read (see the error column of {os.path.join(args.out, 'documents')})",
            file=sys.stderr,
        )
        return 2
    return 0


def _require_extra() -> None:
    import importlib.util

    missing = [
        name
        for name in ("dask", "distributed", "pyarrow", "altair", "vl_convert")
        if importlib.util.find_spec(name) is None
    ]
    if missing:
        raise UsageError(
            f"newslint audit needs {', '.join(missing)}: pip install 'newslint[audit]'"
        )


def _check_reserved(meta: Sequence[str]) -> None:
    clash = sorted(RESERVED & set(meta))
    if clash:
        raise UsageError(
            f"--meta: {', '.join(clash)} name{'s' if len(clash) == 1 else ''} a column of the"
            " audit's own tables"
        )


def _meta_columns(sources: Sequence[Any], columns: Any) -> tuple[str, ...]:
    if columns.meta is not None:
        return tuple(dict.fromkeys(columns.meta))
    names: dict[str, None] = {}
    for source in sources:
        names.update(dict.fromkeys(source.default_meta()))
    return tuple(n for n in names if n not in RESERVED)


def _families(linter: Any, sources: Sequence[Any]) -> tuple[str, ...]:
    """The rule families of every config the inputs fall under (one findings count each)."""
    from newslint.frontends.audit.sources import FileSource

    configs: dict[int, Any] = {}
    for source in sources:
        paths = source.paths if isinstance(source, FileSource) else [source.path]
        for path in paths:
            config = linter.config_for(path)
            configs.setdefault(id(config), config)
    families = {rule.family for config in configs.values() for rule in linter.all_rules(config)}
    return tuple(sorted(f for f in families if f))


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, default=str).encode()).hexdigest()[:24]


def _report(out: str, summary: dict[str, Any], linted: int, dashboard: Any) -> None:
    docs, seconds = summary["documents"], summary["seconds"]
    rate = f", {docs / seconds:.1f} documents/s" if seconds and linted else ""
    resumed = summary["resumed_partitions"]
    again = f" ({resumed} already done, {linted} linted now)" if resumed else ""
    print(
        f"newslint audit: {docs:,} documents in {summary['partitions']:,} partitions{again},"
        f" {summary['findings']:,} findings, {summary['errors']:,} unreadable;"
        f" {seconds:.1f} s on {summary['ran_on']}{rate} (workers ready after"
        f" {summary['ready_seconds']:.1f} s)"
    )
    print(f"  findings:  {os.path.join(out, 'findings')}/ (Parquet, one row per finding)")
    print(f"  documents: {os.path.join(out, 'documents')}/ (Parquet, one row per document)")
    if dashboard:
        print(f"  dashboard: {dashboard}")
