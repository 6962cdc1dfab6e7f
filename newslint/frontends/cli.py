"""The ``newslint`` command line. Imports stay lazy so ``--version`` and ``--help`` are instant.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage, config or
input error (the message names the file, line and field).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from newslint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "audit", "rules", "explain", "kinds", "init", "lsp")
LEVEL_CHOICES = ("error", "warning", "suggestion")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"newslint: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose the rules and the level floor: the same for ``check`` and
    ``audit``, whose findings must be the same on the same files."""
    parser.add_argument(
        "--select",
        type=_csv,
        default=[],
        metavar="IDS",
        help="only these rules (ids or globs, comma-separated)",
    )
    parser.add_argument("--ignore", type=_csv, default=[], metavar="IDS", help="skip these rules")
    parser.add_argument(
        "--pack", type=_csv, default=[], metavar="PACKS", help="add rule packs (names or folders)"
    )
    parser.add_argument("--min-level", choices=LEVEL_CHOICES, help="hide findings below this level")
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help="lint every file with this profile (news, opinion, blog, how-to, press-release, qa;"
        " default: auto, chosen per file from its genre)",
    )
    parser.add_argument("--config", help="use this config file instead of discovering one")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="A linter for news copy.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint article files (the default command)")
    check.add_argument(
        "paths", nargs="*", default=["."], help="files, folders, or - for standard input"
    )
    check.add_argument("--format", "-f", default="text", help="text, json, github, sarif or html")
    check.add_argument("--output", "-o", help="write the report to this file")
    add_rule_options(check)
    check.add_argument(
        "--fail-on",
        choices=(*LEVEL_CHOICES, "never"),
        help="exit 1 at this level or above (default: warning)",
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="only findings at the fail level, no summary"
    )
    check.add_argument(
        "--stats", action="store_true", help="counts per rule and per-article figures"
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    check.add_argument(
        "--diff", action="store_true", help="show safe fixes as a diff, change nothing"
    )
    check.add_argument(
        "--stdin-filename", default="-", help="name (and format) for text read from -"
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="report only findings not recorded in FILE (a missing FILE is written first)",
    )
    check.add_argument(
        "--update-baseline",
        action="store_true",
        help="with --baseline: re-record FILE with the current findings",
    )
    check.add_argument(
        "--diff-only",
        metavar="REF",
        help="only findings on lines changed since the git ref REF (e.g. origin/main, HEAD)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="do not read or write the result cache"
    )
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="result cache folder (default: .newslint_cache, or $NEWSLINT_RESULT_CACHE)",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="worker processes for many files (default: all cores; 1: no pool)",
    )

    from newslint.frontends.audit.command import add_parser as add_audit_parser

    add_audit_parser(sub, _csv, add_rule_options)

    rules = sub.add_parser("rules", help="list the rules, or test their examples")
    rules.add_argument(
        "--test",
        nargs="?",
        const="",
        metavar="DIR",
        help="run the rules' flag/pass examples (shipped rules, or rule files in DIR)",
    )
    rules.add_argument("--config", help="config file (default: discovered from the current folder)")
    rules.add_argument("--all", action="store_true", help="also list rules that are off")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--profile", metavar="NAME", help="the rules as this profile sets them")

    explain = sub.add_parser("explain", help="describe one rule, or say why a file has its genre")
    explain.add_argument(
        "rule", help="rule id, e.g. quotes.orphan, or an article file: its genre and profile"
    )
    explain.add_argument("--config", help="config file")

    kinds = sub.add_parser("kinds", help="list the rule kinds and their options")
    kinds.add_argument("name", nargs="?", help="one kind, shown in full (e.g. phrase)")
    kinds.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="markdown: the README's kinds tables",
    )

    lsp = sub.add_parser(
        "lsp",
        help="run the language server for editors (LSP over stdio)",
        description="newslint's language server: the Language Server Protocol over standard "
        "input and output, for VS Code, Neovim, Helix, Zed, Emacs and other LSP clients. "
        "Diagnostics, quick fixes, hover, and actions that write the project's vocabulary, "
        "baseline and config. Needs the lsp extra: pip install 'newslint[lsp]'.",
    )
    lsp.add_argument(
        "--stdio", action="store_true", help="talk over standard input and output (the default)"
    )

    init = sub.add_parser(
        "init", help="sample the repo's articles and write a commented starter .newslint.yaml"
    )
    init.add_argument("path", nargs="?", default=".newslint.yaml")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.add_argument(
        "--sample",
        type=int,
        default=200,
        metavar="N",
        help="articles to read for the genre mix (default 200; 0: none)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if (
        args_list
        and args_list[0] not in COMMANDS
        and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "check")
    if not args_list:
        args_list = ["check"]
    args = build_parser().parse_args(args_list)
    from newslint.analysis.lazy_spacy import install
    from newslint.errors import NewslintError

    install()  # whichever module imports spaCy first, its CLI package stays unloaded

    try:
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "explain":
            return cmd_explain(args)
        if args.command == "kinds":
            return cmd_kinds(args)
        if args.command == "init":
            return cmd_init(args)
        if args.command == "lsp":
            return cmd_lsp(args)
        if args.command == "audit":
            from newslint.frontends.audit.command import cmd_audit

            return cmd_audit(args)
        return cmd_check(args)
    except NewslintError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: one clear line (set NEWSLINT_DEBUG=1 for the traceback)
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        print(
            f"newslint: internal error: {exc!r} (set NEWSLINT_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _use_color(choice: str, stream: object) -> bool:
    if choice != "auto":
        return choice == "always"
    return hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR")  # type: ignore[attr-defined]


def cmd_check(args: argparse.Namespace) -> int:
    from newslint.engine.linter import FileResult
    from newslint.engine.runner import RunSettings, lint_files
    from newslint.errors import UsageError
    from newslint.filters import FilterCounts, FilterSettings, apply_filters
    from newslint.readers.discover import iter_article_files
    from newslint.report import FORMATS as known_formats
    from newslint.report import ReportOptions, render

    if args.format not in known_formats:
        raise UsageError(f"unknown format {args.format!r} (use {', '.join(known_formats)})")
    settings = RunSettings(
        config_path=args.config,
        select=tuple(args.select),
        ignore=tuple(args.ignore),
        packs=tuple(args.pack),
        min_level=args.min_level,
        stats=args.stats or args.format == "html",  # the HTML page shows per-article figures
        profile=args.profile,
    )
    linter = settings.linter()
    baseline_path = args.baseline or linter.config_for(os.path.join(os.getcwd(), "-")).baseline
    if args.update_baseline and not baseline_path:
        raise UsageError("--update-baseline needs --baseline FILE (or baseline: in the config)")
    recording = bool(baseline_path) and (args.update_baseline or not os.path.exists(baseline_path))
    changes = None
    files = list(iter_article_files(args.paths))
    if args.diff_only:
        from newslint.filters.changed_lines import changed_lines, select_changed

        changes = changed_lines(args.diff_only)
        files = select_changed(files, changes)
    baseline = None
    if baseline_path and not recording:
        from newslint.filters.baseline import load_baseline

        baseline = load_baseline(baseline_path)
    # the filter stage: a baseline being recorded sees every finding, changed lines come after
    linter.filters = FilterSettings(
        min_level=args.min_level,
        baseline=baseline,
        changed_lines=None if recording else changes,
    )
    counts = FilterCounts()
    wanted = [
        p for p in files if p == "-" or p in args.paths or not linter.config_for(p).excluded(p)
    ]
    on_disk = [p for p in wanted if p != "-"]
    cache = None
    if not args.no_cache:
        from newslint.storage.result_cache import DEFAULT_DIR, ResultCache

        cache = ResultCache(
            args.cache_dir or os.environ.get("NEWSLINT_RESULT_CACHE") or DEFAULT_DIR
        )
    linted = iter(
        lint_files(
            on_disk,
            settings,
            linter=linter,
            cache=cache,
            jobs=args.jobs,
            progress_stream=sys.stderr,
            counts=counts,
        )
    )
    results: list[FileResult] = []
    for path in wanted:
        if path == "-":
            from newslint.readers import decode, format_for

            source, _ = decode(sys.stdin.buffer.read(), "<stdin>")
            name = args.stdin_filename
            result = linter.check_source(source, name, format_for(name))
            apply_filters([result], linter.filters, counts)
            results.append(result)
        else:
            results.append(next(linted))
    if recording:  # then every finding recorded is accepted
        from newslint.filters.baseline import load_baseline

        _record_baseline(results, baseline_path)
        accepted = FilterSettings(baseline=load_baseline(baseline_path), changed_lines=changes)
        apply_filters(results, accepted, counts)
    elif counts.baseline:
        n = counts.baseline
        print(
            f"newslint: {n} finding{'s' if n != 1 else ''} hidden by the baseline {baseline_path}",
            file=sys.stderr,
        )
    if args.fix or args.diff:
        _apply_fixes(results, write=args.fix)
    for result in results:
        if result.notice:
            print(f"newslint: {result.notice}", file=sys.stderr)
    fail_on = args.fail_on
    rules = {r.id: r for r in linter.all_rules()} if args.format in ("sarif", "html") else {}
    options = ReportOptions(
        color=_use_color(args.color, sys.stdout) and not args.output and args.format == "text",
        stats=args.stats or args.format == "html",
        quiet=args.quiet,
        fail_on=fail_on or (results[0].fail_on if results else "warning"),
        rules=rules,
    )
    report = render(results, args.format, options)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:
        sys.stdout.write(report)
    if any(r.error for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(r.fails(fail_on) for r in results) else EXIT_OK


def _record_baseline(results: list, path: str) -> None:
    """Record the run's findings in the baseline file ``path`` and say so."""
    from newslint.filters.baseline import write_baseline

    count = write_baseline(results, path)
    print(
        f"newslint: recorded the findings in {path} ({count} in all); "
        "runs with --baseline report only new ones",
        file=sys.stderr,
    )


def _apply_fixes(results: list, write: bool) -> None:
    from newslint.filters.fixes import fix_file

    for result in results:
        fix = fix_file(result, write)
        if fix is None:
            continue
        if write:
            print(
                f"newslint: fixed {fix.count} problem{'s' if fix.count != 1 else ''} in {fix.path}",
                file=sys.stderr,
            )
        else:
            sys.stdout.write(fix.diff())


def _linter_rules(config_path: str | None, profile: str | None = None) -> tuple[list, list]:
    from newslint.engine.linter import Linter
    from newslint.errors import UsageError

    linter = Linter(config_path=config_path)
    config = linter.config_for(os.path.join(os.getcwd(), "x"))
    everything = linter.all_rules(config)
    if profile and not linter.profiles(config).known(profile):
        known = ", ".join(linter.profiles(config).names())
        raise UsageError(f"--profile: unknown profile {profile!r} (profiles: {known})")
    resolved = linter.rules_for(config, "", {}, profile)
    levels = {r.id: r for r in resolved}
    return everything, [levels[r.id] for r in everything if r.id in levels]


def cmd_rules(args: argparse.Namespace) -> int:
    if args.test is not None:
        return _test_rules(args.test)
    everything, active = _linter_rules(args.config, args.profile)
    active_ids = {r.id for r in active}
    shown = everything if args.all else active
    levels = {r.id: r.level for r in active}
    if args.format == "json":
        import json

        rows = [
            {
                "id": r.id,
                "level": levels.get(r.id, r.level),
                "enabled": r.id in active_ids,
                "kind": r.kind,
                "pack": r.pack,
                "description": r.description,
            }
            for r in shown
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    width = max((len(r.id) for r in shown), default=10)
    for r in shown:
        state = levels.get(r.id, "off")
        summary = (r.description or r.message).strip().split("\n")[0]
        if len(summary) > 70:
            summary = summary[:69] + "…"
        print(f"{r.id:<{width}}  {state:<10}  {summary}")
    print(
        f"\n{len(active)} rules on, {len(everything) - len(active)} off (newslint explain RULE for details)"
    )
    return EXIT_OK


def _test_rules(directory: str) -> int:
    import glob

    from newslint.engine.rules import builtin_pack_names, load_rules, pack_files
    from newslint.engine.selftest import check_examples
    from newslint.errors import UsageError

    if directory:
        if not os.path.isdir(directory):
            raise UsageError(f"{directory}: no such folder")
        files = sorted(glob.glob(os.path.join(directory, "**", "*.y*ml"), recursive=True))
        if not files:
            raise UsageError(f"{directory}: no rule files (*.yaml) here")
        pairs = [(os.path.basename(os.path.dirname(f)), f) for f in files]
    else:
        pairs = [
            (name, f)
            for pack in builtin_pack_names()
            for name, fs in [pack_files(pack)]
            for f in fs
        ]
    rules = load_rules(pairs)
    checked, failures = check_examples(rules)
    missing = [r for r in rules if not r.flag_examples or not r.pass_examples]
    for failure in failures:
        print(failure.describe())
    for rule in missing:
        print(f"{rule.path}:{rule.line}: {rule.id}: needs both flag and pass examples")
    print(
        f"{checked} examples of {len(rules)} rules: {checked - len(failures)} passed, {len(failures)} failed"
    )
    return EXIT_FINDINGS if failures or missing else EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    import difflib

    from newslint.engine.explain import explain_text
    from newslint.errors import UsageError

    if os.path.isfile(args.rule) or args.rule == "-":
        from newslint.frontends.genre_report import explain_file

        print(explain_file(args.rule, args.config), end="")
        return EXIT_OK
    everything, active = _linter_rules(args.config)
    by_id = {r.id: r for r in everything}
    rule = by_id.get(args.rule)
    if rule is None:
        hint = difflib.get_close_matches(args.rule, list(by_id), 1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise UsageError(f"unknown rule id {args.rule!r}{extra}")
    level = next((r.level for r in active if r.id == rule.id), "off")
    print(explain_text(rule, level))
    return EXIT_OK


def cmd_kinds(args: argparse.Namespace) -> int:
    import difflib

    from newslint.engine import kind_docs
    from newslint.engine.kinds import available_kinds
    from newslint.errors import UsageError

    if args.format == "markdown":
        if args.name:
            raise UsageError("--format markdown prints the tables of every kind: give no NAME")
        print(kind_docs.markdown_tables(), end="")
        return EXIT_OK
    if args.name and args.name not in available_kinds():
        hint = difflib.get_close_matches(args.name, available_kinds(), 1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise UsageError(f"unknown kind {args.name!r}{extra} (newslint kinds lists them)")
    print(kind_docs.describe_kinds(args.name))
    return EXIT_OK


def cmd_lsp(args: argparse.Namespace) -> int:
    from newslint.errors import UsageError

    try:
        from newslint.frontends.lsp.server import serve
    except ImportError as exc:
        raise UsageError(
            f"the language server needs pygls and lsprotocol ({exc.name} is missing): "
            "pip install 'newslint[lsp]'"
        ) from None
    serve()
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from importlib.resources import files

    from newslint.errors import UsageError

    if os.path.exists(args.path) and not args.force:
        raise UsageError(f"{args.path} exists (use --force to overwrite)")
    template = files("newslint").joinpath("data/init_config.yaml").read_text(encoding="utf-8")
    if args.sample > 0:
        from newslint.frontends.genre_report import init_genre_section, sample_genres

        root = os.path.dirname(os.path.abspath(args.path))
        mix = sample_genres(root, args.sample)
        template += init_genre_section(mix)
        if mix.files:
            print(mix.describe())
    with open(args.path, "w", encoding="utf-8") as handle:
        handle.write(template)
    print(f"wrote {args.path}")
    return EXIT_OK
