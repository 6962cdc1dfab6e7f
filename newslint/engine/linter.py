"""Orchestration: config -> document -> analysis -> rules -> findings -> filters.

A :class:`Linter` is built once per run; ``lint_file`` is a pure function of a path and the
settings, so files can be linted in any process.
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from newslint.config import Config, Override, find_config, load_config, read_word_list
from newslint.engine.kind import Hit
from newslint.engine.rules import Rule, load_rules, matches_any, pack_files
from newslint.errors import ConfigError, InputError, NewslintError, RuleError, UsageError
from newslint.filters import FilterSettings, apply_filters
from newslint.filters.suppress import Suppression, parse_suppressions
from newslint.findings import LEVEL_RANK, Finding, Fix
from newslint.genre import ProfileChoice, check_profile_names, choose_profile
from newslint.genre.profiles import Profiles
from newslint.readers.document import PLACEHOLDER_TOKEN, Document


@dataclass(frozen=True)
class Vocabulary:
    """House vocabulary: words to accept as spelled, and words always to reject."""

    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()


@dataclass
class FileResult:
    """The outcome of linting one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    notice: str | None = None
    stats: dict[str, Any] | None = None
    fail_on: str = "warning"
    #: the file's level floor (its config's ``min-level``), applied by the filter stage
    min_level: str = "suggestion"
    #: the file's inline suppression comments, applied by the filter stage
    suppressions: tuple[Suppression, ...] = ()
    #: the genre detected and the profile applied (``ProfileChoice.to_json()``), when rules ran
    genre: dict[str, Any] | None = None

    def fails(self, fail_on: str | None = None) -> bool:
        """True when a finding is at or above the fail level."""
        floor = fail_on or self.fail_on
        if floor == "never":
            return False
        return any(LEVEL_RANK[f.level] >= LEVEL_RANK[floor] for f in self.findings)


class LintCancelled(Exception):
    """A lint given up part-way because its text is stale (see ``check_document``)."""


class _SafeValues(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FORMATTER = string.Formatter()


def render_message(template: str, values: Mapping[str, Any]) -> str:
    """Fill ``{field}`` placeholders (``{1}`` for a regex group); unknown fields stay as written."""
    positional = [values.get(str(i), "") for i in range(10)]
    try:
        return _FORMATTER.vformat(template, positional, _SafeValues(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


class Linter:
    """Lints files with per-directory configs, caching loaded packs and resolved rule sets."""

    def __init__(
        self,
        config_path: str | None = None,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        packs: Iterable[str] = (),
        min_level: str | None = None,
        stats: bool = False,
        filters: FilterSettings | None = None,
        profile: str | None = None,
    ) -> None:
        self.explicit_config = load_config(config_path) if config_path else None
        #: a profile for every file (``--profile``); None or "auto": chosen per file
        self.forced_profile = profile if profile not in (None, "", "auto") else None
        self.cli_select = list(select)
        self.cli_ignore = list(ignore)
        self.cli_packs = list(packs)
        self.min_level = min_level
        self.collect_stats = stats
        #: the run's filter stage settings (``min_level`` is the caller's floor override)
        self.filters = filters or FilterSettings(min_level=min_level)
        self._pack_rules: dict[tuple[str, ...], list[Rule]] = {}
        self._rules_by_files: dict[tuple[tuple[str, str], ...], list[Rule]] = {}
        self._resolved: dict[tuple[Any, ...], list[Rule]] = {}
        self._vocab: dict[str, Vocabulary] = {}
        self._profiles: dict[tuple[Any, ...], Profiles] = {}

    # -- configuration ---------------------------------------------------------------------
    def config_for(self, path: str) -> Config:
        """The config governing ``path`` (explicit ``--config`` wins)."""
        if self.explicit_config:
            return self.explicit_config
        directory = os.path.dirname(os.path.abspath(path)) if path not in ("-", "") else os.getcwd()
        return find_config(directory)

    def pack_rules(self, config: Config) -> list[Rule]:
        """Every rule of the config's packs (plus packs named on the command line)."""
        packs = tuple(dict.fromkeys([*config.packs, *self.cli_packs]))
        key = (config.root, *packs)
        if key not in self._pack_rules:
            files: list[tuple[str, str]] = []
            for pack in packs:
                try:
                    name, paths = pack_files(pack, config.root)
                except KeyError:
                    from newslint.engine.rules import builtin_pack_names

                    known = ", ".join(builtin_pack_names())
                    if config.path:
                        raise ConfigError(
                            config.path,
                            None,
                            "packs",
                            f"unknown pack {pack!r} (shipped packs: {known})",
                        ) from None
                    raise UsageError(f"unknown pack {pack!r} (shipped packs: {known})") from None
                files.extend((name, p) for p in paths)
            # every folder of an archive without a config of its own resolves to the same shipped
            # files: load them once (the rules, and what their kinds compile, are shared)
            by_files = tuple(files)
            if by_files not in self._rules_by_files:
                self._rules_by_files[by_files] = load_rules(files)
            self._pack_rules[key] = self._rules_by_files[by_files]
        return self._pack_rules[key]

    def profiles(self, config: Config) -> Profiles:
        """The profiles of the config's packs plus the repo's own (``profiles:``)."""
        packs = tuple(dict.fromkeys([*config.packs, *self.cli_packs]))
        key = (id(config), *packs)
        if key not in self._profiles:
            self.pack_rules(config)  # an unknown pack is reported there
            folders = []
            for pack in packs:
                candidate = pack if os.path.isabs(pack) else os.path.join(config.root, pack)
                if os.path.isfile(candidate):
                    continue  # a single rule file is a pack without profiles
                _, files = pack_files(pack, config.root)
                if files:
                    folders.append(os.path.dirname(files[0]))
            found = Profiles.build(folders, config.profiles)
            check_profile_names(config, found)
            self._profiles[key] = found
        return self._profiles[key]

    def choose_profile(self, config: Config, document: Document) -> ProfileChoice:
        """The profile for one document (see :func:`newslint.genre.choose_profile`)."""
        relpath = config.relpath(document.path)
        overrides = [o for o in config.overrides if o.applies(relpath, dict(document.front_matter))]
        return choose_profile(
            document, config, self.profiles(config), overrides, self.forced_profile
        )

    def all_rules(self, config: Config | None = None) -> list[Rule]:
        """All rules available under a config, enabled or not."""
        return self.pack_rules(config or self.config_for("."))

    def _check_ids(
        self,
        patterns: Iterable[str],
        rules: list[Rule],
        where: tuple[str | None, dict[str, int] | int | None, str],
    ) -> None:
        import difflib

        ids = [r.id for r in rules]
        for pattern in patterns:
            if not any(matches_any(i, [pattern]) for i in ids):
                hint = difflib.get_close_matches(pattern, ids, 1)
                extra = f" (did you mean '{hint[0]}'?)" if hint else " (see `newslint rules`)"
                path, lines, field_name = where
                if path is None:
                    raise UsageError(f"unknown rule id {pattern!r} in {field_name}{extra}")
                line = lines.get(pattern) if isinstance(lines, dict) else lines
                raise ConfigError(path, line, field_name, f"unknown rule id {pattern!r}{extra}")

    def rules_for(
        self,
        config: Config,
        relpath: str,
        front_matter: Mapping[str, Any],
        profile: str | None = None,
        source_file: bool = False,
    ) -> list[Rule]:
        """The enabled rules, with settings, for one file (under ``profile``, when given)."""
        active = [
            i for i, o in enumerate(config.overrides) if o.applies(relpath, dict(front_matter))
        ]
        key = (self._settings_identity(config), tuple(active), profile, source_file)
        if key in self._resolved:
            return self._resolved[key]
        rules = self.pack_rules(config)
        path = config.path
        self._check_ids(self.cli_select, rules, (None, None, "--select"))
        self._check_ids(self.cli_ignore, rules, (None, None, "--ignore"))
        if path:
            self._check_ids(config.select, rules, (path, None, "select"))
            self._check_ids(config.ignore, rules, (path, None, "ignore"))
            self._check_ids(config.rules, rules, (path, config.rule_lines, "rules"))
        # later layers win: the repo config, then the command line, then the file's overrides
        # (so `--select bias.*` does not switch bias rules back on for an opinion column)
        # the profile sits between the command line and the file's overrides: a repo's explicit
        # settings for a path still win over what the shipped profile says about the genre
        layers: list[tuple[list[str], list[str], dict[str, dict[str, Any]], dict[str, int]]] = [
            (config.select, config.ignore, config.rules, config.rule_lines),
            (self.cli_select, self.cli_ignore, {}, {}),
        ]
        if profile is not None:
            for layer in self.profiles(config).stack(profile, source_file):
                self._check_ids(layer.rules, rules, (layer.path, layer.rule_lines, "rules"))
                self._check_ids(layer.select, rules, (layer.path, layer.line, "select"))
                self._check_ids(layer.ignore, rules, (layer.path, layer.line, "ignore"))
                layers.append(layer.layer())
        for i in active:
            o: Override = config.overrides[i]
            if path:
                self._check_ids(o.rules, rules, (path, o.rule_lines, "overrides.rules"))
            layers.append((o.select, o.ignore, o.rules, o.rule_lines))
        resolved: list[Rule] = []
        for rule in rules:
            enabled = rule.enabled
            settings: dict[str, Any] = {}
            setting_line = 0
            for select, ignore, per_rule, lines in layers:
                for pattern, values in per_rule.items():
                    if matches_any(rule.id, [pattern]):
                        settings.update(values)
                        setting_line = lines.get(pattern, 0)
                        if "enabled" in values:
                            enabled = bool(values["enabled"])
                if select and matches_any(rule.id, select):
                    enabled = True
                if ignore and matches_any(rule.id, ignore):
                    enabled = False
            if self.cli_select and not matches_any(rule.id, self.cli_select):
                enabled = False
            if not enabled:
                continue
            settings.pop("enabled", None)
            if settings:
                rule = rule.with_settings(settings, (path or "<config>", setting_line))
            resolved.append(rule)
        self._resolved[key] = resolved
        return resolved

    def _settings_identity(self, config: Config) -> Any:
        """What a config's rule settings are cached under: the config itself, except that the
        defaults of folders without a config file (every folder of an archive) differ only in
        their root, and so share one resolution when their pack files are the same."""
        if config.path is None and config == Config(root=config.root):
            return ("defaults", id(self.pack_rules(config)))
        return id(config)

    def vocabulary(self, config: Config) -> Vocabulary:
        """The accept/reject word lists of a config."""
        key = config.path or ""
        if key not in self._vocab:
            accept = {w for f in config.accept_files for w in read_word_list(f)}
            reject = {w for f in config.reject_files for w in read_word_list(f)}
            self._vocab[key] = Vocabulary(frozenset(accept), frozenset(reject))
        return self._vocab[key]

    # -- linting ---------------------------------------------------------------------------
    # ``lint_*`` return findings through the filter stage (:mod:`newslint.filters`);
    # ``check_*`` return every finding the rules made, for callers that filter later (the
    # result cache stores those, so a baseline or floor change needs no re-lint).
    def lint_file(self, path: str, fmt: str | None = None) -> FileResult:
        """Lint one file; input problems become a per-file error, not an exception."""
        return self._filtered(self.check_file(path, fmt))

    def lint_source(self, source: str, path: str = "-", fmt: str = "text") -> FileResult:
        """Lint text that did not come from a file (stdin, an API caller, an editor buffer)."""
        return self._filtered(self.check_source(source, path, fmt))

    def lint_document(
        self, document: Document, config: Config, rules: list[Rule] | None = None
    ) -> FileResult:
        """Lint a parsed document (with exactly ``rules`` when given)."""
        return self._filtered(self.check_document(document, config, rules))

    def _filtered(self, result: FileResult) -> FileResult:
        apply_filters([result], self.filters)
        return result

    def check_file(self, path: str, fmt: str | None = None) -> FileResult:
        """Every finding of one file, unfiltered; input problems become a per-file error."""
        from newslint.readers import load_document

        config = self.config_for(path)
        try:
            document = load_document(path, fmt, config.max_file_size, take=True)
        except InputError as exc:
            return FileResult(path, error=str(exc), fail_on=config.fail_on)
        return self.check_document(document, config)

    def check_source(self, source: str, path: str = "-", fmt: str = "text") -> FileResult:
        """Every finding of text that did not come from a file, unfiltered."""
        from newslint.readers import parse

        config = self.config_for(path if path != "-" else os.path.join(os.getcwd(), "-"))
        return self.check_document(parse(source, path, fmt), config)

    def check_document(
        self,
        document: Document,
        config: Config,
        rules: list[Rule] | None = None,
        cancelled: Callable[[], bool] | None = None,
        run_rule: Callable[[Rule, Any], Iterable[Hit]] | None = None,
    ) -> FileResult:
        """Run the rules that apply to a parsed document (or exactly ``rules`` when given).

        ``cancelled`` is asked before each rule; when it says yes, :class:`LintCancelled` is
        raised (the editor server drops a lint that a newer edit made stale). ``run_rule(rule,
        analysis)`` stands in for ``rule.compile().check(analysis)`` (the editor server passes
        :meth:`newslint.engine.incremental.BlockHits.run_rule`, which reuses unchanged blocks'
        hits)."""
        result = FileResult(document.path, fail_on=config.fail_on, min_level=config.min_level)
        if not document.text.strip():
            result.notice = (
                f"{document.path}: empty file, nothing to lint"
                if not document.source.strip()
                else f"{document.path}: no prose to lint"
            )
            return result
        if rules is None:
            try:
                choice = self.choose_profile(config, document)
            except InputError as exc:
                result.error = str(exc)
                return result
            result.genre = choice.to_json()
            rules = self.rules_for(
                config,
                config.relpath(document.path),
                document.front_matter,
                choice.profile,
                choice.source_file,
            )
        if not rules and not self.collect_stats:
            return result
        from newslint.analysis.core import Analysis

        analysis = Analysis(document, config.spacy_model)
        analysis.vocabulary = self.vocabulary(config)  # type: ignore[attr-defined]
        if config.english_only and not analysis.looks_english:
            result.notice = (
                f"{document.path}: not English text, skipped (set english-only: false to lint it)"
            )
            return result
        findings: list[Finding] = []
        seen: set[tuple[str, int, int]] = set()
        for rule in rules:
            if cancelled is not None and cancelled():
                raise LintCancelled(document.path)
            try:
                check = run_rule(rule, analysis) if run_rule else rule.compile().check(analysis)
                hits = list(check)
            except NewslintError:
                raise
            except Exception as exc:  # a bug in a rule must not hide the other rules' findings
                if os.environ.get("NEWSLINT_DEBUG"):
                    raise
                result.error = f"{document.path}: internal error in rule {rule.id}: {exc!r} (set NEWSLINT_DEBUG=1 for a traceback)"
                continue
            for hit in hits:
                if not rule.scope.admits(analysis, hit.start, hit.end):
                    continue
                if rule.scope.quote_level is not None:
                    level = rule.scope.level_at(analysis, hit.start, hit.level or rule.level)
                    if level != (hit.level or rule.level):
                        hit = replace(hit, level=level)
                key = (rule.id, hit.start, hit.end)
                if key in seen:
                    continue
                seen.add(key)
                findings.append(make_finding(rule, hit, document))
        findings.sort(key=Finding.sort_key)
        result.findings = findings
        result.suppressions = tuple(parse_suppressions(document.source))
        self.describe(result, analysis)
        return result

    def describe(self, result: FileResult, analysis: Any) -> None:
        """Per-document data beyond the findings, while the analysis is at hand: the ``--stats``
        figures. Front ends that need more of it (the archive audit keeps each finding's
        sentence) extend this, so every front end shares ``check_document`` itself."""
        if self.collect_stats:
            result.stats = analysis.stats()


def _off_placeholders(text: str, start: int, end: int) -> tuple[int, int]:
    """A span narrowed to its words when it starts or ends on the placeholder of removed markup
    (a sentence that opens with a code span is reported from its first word, not the backtick)."""
    s, e = start, end
    if s < e and text[s] == PLACEHOLDER_TOKEN:
        while s < e and (text[s] == PLACEHOLDER_TOKEN or text[s].isspace()):
            s += 1
    if s < e and text[e - 1] == PLACEHOLDER_TOKEN:
        while e > s and (text[e - 1] == PLACEHOLDER_TOKEN or text[e - 1].isspace()):
            e -= 1
    return (s, e) if e > s else (start, end)


def make_finding(rule: Rule, hit: Hit, document: Document) -> Finding:
    """Turn a kind's hit into a located finding."""
    text = document.text
    if hit.fix is None:
        start, end = _off_placeholders(text, hit.start, hit.end)
    else:
        start, end = hit.start, hit.end
    matched = text[start:end]
    line, column = document.line_col(start)
    end_line, end_column = document.line_col(max(end - 1, start))
    if end > start:
        end_column += 1
    values = {"match": matched, **hit.values}
    fix = None
    if hit.fix is not None:
        src_start = document.source_offset(hit.start)
        src_end = document.source_offset(hit.end - 1) + 1 if hit.end > hit.start else src_start
        if document.source[src_start:src_end] == matched:  # only where the source is the prose
            fix = Fix(src_start, src_end, hit.fix)
    return Finding(
        rule=rule.id,
        level=hit.level or rule.level,
        message=render_message(rule.message, values),
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        match=matched,
        offset=start,
        length=end - start,
        suggestions=tuple(hit.suggestions),
        fix=fix,
        context=document.source_line(line),
    )


__all__ = [
    "FileResult",
    "LintCancelled",
    "Linter",
    "NewslintError",
    "RuleError",
    "Vocabulary",
    "make_finding",
    "render_message",
]
