"""Record newslint's exact findings on a fixed set of articles, then check a later run matches.

A regression guard for performance work: an optimisation must not change a single finding.

    .venv/bin/python benchmarks/findings_snapshot.py record /tmp/snapshot.json
    .venv/bin/python benchmarks/findings_snapshot.py check /tmp/snapshot.json

The articles are the sample article and every clean source (core.sources("clean"): scrapinghub,
wikinews, each Markdown repo), when present. Each is linted twice: with the default
rules (with ``--stats`` figures), and with every rule of every shipped pack switched on (so
disabled rules are covered too).
The snapshot holds evaluation-derived output: keep it outside the project (e.g. in /tmp).
Rules whose id starts with one of ``--exclude`` (default: ``spelling.``) are not run, for rule
families that are changing while the snapshot is in use (``--exclude`` alone runs every rule).
``--every`` adds the propaganda and PolNeAR articles (every article ``profile_rules.py --every``
times).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from core import Article, articles, sources


def article_list(every: bool = False) -> list[Article]:
    """The sample article, then every clean source's articles, in a fixed order (with ``every``,
    then the propaganda and PolNeAR articles too: news copy the clean sources do not cover)."""
    groups = ("seed", "clean", "propaganda", "polnear") if every else ("seed", "clean")
    return [article for group in groups for article in articles(group)]


def findings(exclude: tuple[str, ...], every: bool = False) -> dict[str, Any]:
    """{setting: {path: [finding, ...]}} for both rule settings."""
    from newslint.engine.linter import Linter
    from newslint.engine.rules import builtin_pack_names

    ignore = [prefix + "*" for prefix in exclude]
    linters = {
        "default": Linter(ignore=ignore, stats=True),
        "all-rules": Linter(select=["*"], ignore=ignore, packs=builtin_pack_names()),
    }
    out: dict[str, Any] = {}
    for setting, linter in linters.items():
        per_file: dict[str, Any] = {}
        for article in article_list(every):
            path = article.path
            result = linter.lint_file(str(path), article.fmt)
            rel = article.name if article.source == "sample" else f"shared/eval/{article.name}"
            per_file[rel] = {
                "error": result.error and result.error.replace(str(path), rel),
                "notice": result.notice and result.notice.replace(str(path), rel),
                "stats": result.stats,
                "findings": [
                    [f.rule, f.level, f.line, f.column, f.end_line, f.end_column, f.message]
                    + [list(f.suggestions), f.fix and [f.fix.start, f.fix.end, f.fix.replacement]]
                    for f in result.findings
                    if not f.rule.startswith(exclude)
                ],
            }
        out[setting] = per_file
    return out


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Human-readable differences (empty when identical)."""
    problems: list[str] = []
    for setting in sorted(set(old) | set(new)):
        a, b = old.get(setting, {}), new.get(setting, {})
        for path in sorted(set(a) | set(b)):
            if a.get(path) == b.get(path):
                continue
            fa = {json.dumps(f) for f in (a.get(path) or {}).get("findings", [])}
            fb = {json.dumps(f) for f in (b.get(path) or {}).get("findings", [])}
            problems.append(f"{setting} {path}:")
            problems += [f"  - {f}" for f in sorted(fa - fb)]
            problems += [f"  + {f}" for f in sorted(fb - fa)]
            if fa == fb:
                problems.append(f"  order/error/notice: {a.get(path)} != {b.get(path)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("record", "check"))
    parser.add_argument("snapshot", type=Path, help="JSON file (keep it outside the project)")
    parser.add_argument("--exclude", nargs="*", default=["spelling."], help="rule id prefixes")
    parser.add_argument(
        "--every", action="store_true", help="the propaganda and PolNeAR articles too"
    )
    args = parser.parse_args()
    if not sources("clean"):
        print("../shared/eval is absent: nothing to snapshot", file=sys.stderr)
        return 2
    start = time.perf_counter()
    current = findings(tuple(args.exclude), args.every)
    elapsed = time.perf_counter() - start
    count = sum(len(v["findings"]) for s in current.values() for v in s.values())
    files = len(next(iter(current.values())))
    if args.mode == "record":
        args.snapshot.write_text(json.dumps(current, indent=0, sort_keys=True), encoding="utf-8")
        print(f"recorded {count} findings on {files} files x 2 settings in {elapsed:.1f}s")
        return 0
    problems = compare(json.loads(args.snapshot.read_text(encoding="utf-8")), current)
    if problems:
        print("\n".join(problems))
        print(f"DIFFERENT: {sum(p.endswith(':') for p in problems)} file/setting pairs changed")
        return 1
    print(f"IDENTICAL: {count} findings on {files} files x 2 settings ({elapsed:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
