"""Rules declared in YAML: loading, validation and compilation into executable kinds.

A rule file holds one family::

    family: boilerplate
    description: Web-page furniture pasted in with the article.
    defaults: {level: warning, scope: {voice: any}}
    rules:
      - id: boilerplate.comments
        kind: phrase
        message: "Comment prompt left over from the web page: '{match}'"
        ...

Every problem is reported as ``file:line: field: what is wrong`` (:class:`RuleError`).
"""

from __future__ import annotations

import difflib
import fnmatch
import glob
import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from newslint.config.yamlfile import LineDict, list_of_strings_problem, read_yaml
from newslint.engine.kind import Kind, OptionError
from newslint.engine.kinds import get_kind
from newslint.engine.scope import BLOCK_GROUPS, VOICES, Scope
from newslint.engine.support.wordlist import anchor_word_files, load_word_files
from newslint.errors import RuleError
from newslint.findings import LEVELS
from newslint.readers.document import BLOCK_KINDS

RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
COMMON_FIELDS = (
    "id",
    "kind",
    "level",
    "message",
    "description",
    "link",
    "scope",
    "examples",
    "enabled",
    "tags",
)
FILE_FIELDS = ("family", "description", "defaults", "rules")


@dataclass(frozen=True)
class Rule:
    """A validated rule: its declaration plus the compiled kind that runs it."""

    id: str
    kind: str
    level: str
    message: str
    description: str = ""
    link: str = ""
    scope: Scope = field(default_factory=Scope)
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    enabled: bool = True
    tags: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    path: str = ""
    line: int = 0
    family: str = ""
    pack: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def fingerprint(self) -> str:
        """A hash of the rule's declaration, for result caches."""
        blob = json.dumps([self.id, self.level, dict(self.raw)], sort_keys=True, default=str)
        return hashlib.sha1(blob.encode()).hexdigest()[:16]

    @cached_property
    def _compile_key(self) -> tuple[str, str, str, str]:
        # computed once per rule: compile() runs for every rule on every document
        options = json.dumps(dict(self.options), sort_keys=True, default=str)
        return (self.kind, self.id, repr(self.scope), options)

    def compile(self) -> Kind:
        """Instantiate the rule's kind with its options (cached per kind and options)."""
        key = self._compile_key
        impl = _COMPILED.get(key)
        if impl is None:
            impl = _COMPILED[key] = _compile(self)
        return impl

    def with_settings(self, settings: Mapping[str, Any], where: tuple[str, int]) -> Rule:
        """A copy of the rule with per-repo settings (level, enabled, kind options) applied."""
        options = get_kind(self.kind).options
        raw = {
            key: anchor_word_files(value, self.path)
            if key in options and options[key].words
            else value
            for key, value in self.raw.items()
        }
        raw.update(settings)
        data = LineDict(raw)
        data.line = where[1]  # errors point at the config's entry for this rule
        data.key_lines = dict.fromkeys(map(str, settings), where[1])
        return build_rule(data, where[0], {}, self.pack, self.family, where[1], in_config=True)


_COMPILED: dict[tuple[str, str, str], Kind] = {}


def _compile(rule: Rule) -> Kind:
    kind_cls = get_kind(rule.kind)
    try:
        return kind_cls(rule.scope, rule.options)
    except OptionError as exc:
        line = rule.raw.line_of(exc.field) if isinstance(rule.raw, LineDict) else rule.line
        raise RuleError(rule.path, line, exc.field, str(exc)) from None


def _fail(path: str, data: Any, key: str | None, problem: str, line: int = 0) -> RuleError:
    at = data.line_of(key) if isinstance(data, LineDict) and key else getattr(data, "line", line)
    return RuleError(path, at or line or None, key, problem)


def _scope(path: str, data: LineDict, raw: Any, kind_default: Mapping[str, Any]) -> Scope:
    merged: dict[str, Any] = dict(kind_default)
    if raw is not None:
        if not isinstance(raw, dict):
            raise _fail(path, data, "scope", "must be a mapping with voice and/or block")
        unknown = set(raw) - {"voice", "block", "verbatim", "quote-level"}
        if unknown:
            raise _fail(
                path,
                raw,
                sorted(unknown)[0],
                "unknown scope field (use voice, block, verbatim, quote-level)",
            )
        merged.update(raw)
    voice = merged.get("voice", "any")
    if voice not in VOICES:
        raise _fail(
            path,
            raw if isinstance(raw, dict) else data,
            "voice",
            f"must be one of {', '.join(VOICES)}",
        )
    blocks_raw = merged.get("block", "any")
    names = [blocks_raw] if isinstance(blocks_raw, str) else blocks_raw
    if not isinstance(names, list):
        raise _fail(path, data, "scope", "block must be a block kind or a list of them")
    blocks: set[str] = set()
    for name in names:
        if name in BLOCK_GROUPS:
            blocks |= BLOCK_GROUPS[name]
        elif name in BLOCK_KINDS:
            blocks.add(name)
        else:
            choices = ", ".join([*BLOCK_GROUPS, *BLOCK_KINDS])
            raise _fail(
                path,
                raw if isinstance(raw, dict) else data,
                "block",
                f"unknown block kind {name!r} (use {choices})",
            )
    verbatim = merged.get("verbatim", False)
    if not isinstance(verbatim, bool):
        raise _fail(
            path, raw if isinstance(raw, dict) else data, "verbatim", "must be true or false"
        )
    quote_level = merged.get("quote-level")
    if quote_level is not None and quote_level not in LEVELS:
        raise _fail(
            path,
            raw if isinstance(raw, dict) else data,
            "quote-level",
            f"must be one of {', '.join(LEVELS)}",
        )
    return Scope(voice, frozenset(blocks), verbatim, quote_level)


def _examples(path: str, data: LineDict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    raw = data.get("examples")
    if raw is None:
        return (), ()
    if not isinstance(raw, dict) or set(raw) - {"flag", "pass"}:
        raise _fail(path, data, "examples", "must be a mapping with 'flag' and/or 'pass' lists")
    out = []
    for key in ("flag", "pass"):
        items = raw.get(key) or []
        if not isinstance(items, list):
            raise _fail(path, raw, key, "must be a list of strings")
        if not all(isinstance(i, str) for i in items):
            raise _fail(path, raw, key, list_of_strings_problem(items))
        out.append(tuple(items))
    return out[0], out[1]


def _kind_fields(path: str, data: LineDict, kind_cls: type[Kind], beside: bool) -> dict[str, Any]:
    """The rule's kind-specific fields, with word lists read from their ``.txt`` files."""
    fields = {k: v for k, v in data.items() if k in kind_cls.options}
    for key, value in fields.items():
        if kind_cls.options[key].words:
            try:
                fields[key] = load_word_files(value, path, beside)
            except RuleError as exc:
                if exc.line is not None:
                    raise
                raise _fail(path, data, key, f"{exc.path}: {exc.problem}") from None
    return fields


def build_rule(
    data: Any,
    path: str,
    defaults: Mapping[str, Any],
    pack: str,
    family: str,
    line: int = 0,
    in_config: bool = False,
) -> Rule:
    """Validate one rule mapping (merged over the file's ``defaults``) and build a Rule.

    ``in_config``: ``path`` is a config file giving per-repo settings, whose word lists may sit
    in other folders (a rule file's must sit beside it).
    """
    if not isinstance(data, dict):
        raise RuleError(path, line or None, "rules", "each rule must be a mapping")
    merged = LineDict({**defaults, **data})
    merged.line = getattr(data, "line", line)
    merged.key_lines = {**getattr(defaults, "key_lines", {}), **getattr(data, "key_lines", {})}
    for key in ("id", "kind", "message"):
        if not isinstance(merged.get(key), str) or not merged[key].strip():
            raise _fail(path, merged, key, "is required (a non-empty string)", merged.line)
    rule_id = merged["id"]
    if not RULE_ID.match(rule_id):
        raise _fail(path, merged, "id", f"{rule_id!r} is not a rule id like 'family.name'")
    try:
        kind_cls = get_kind(merged["kind"])
    except KeyError:
        from newslint.engine.kinds import RETIRED_KINDS, available_kinds

        if merged["kind"] in RETIRED_KINDS:
            retired = RETIRED_KINDS[merged["kind"]]
            raise _fail(path, merged, "kind", f"kind {merged['kind']!r} was {retired}") from None
        kinds = available_kinds()
        hint = difflib.get_close_matches(merged["kind"], kinds, 1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else f" (kinds: {', '.join(kinds)})"
        raise _fail(path, merged, "kind", f"unknown kind {merged['kind']!r}{extra}") from None
    level = merged.get("level", "warning")
    if level not in LEVELS:
        raise _fail(path, merged, "level", f"must be one of {', '.join(LEVELS)}")
    for key in merged:
        if key not in COMMON_FIELDS and key not in kind_cls.options:
            allowed = [*COMMON_FIELDS, *kind_cls.options]
            hint = difflib.get_close_matches(str(key), allowed, 1)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise _fail(path, merged, str(key), f"unknown field for kind '{kind_cls.name}'{extra}")
    for key in ("description", "link"):
        if key in merged and not isinstance(merged[key], str):
            raise _fail(path, merged, key, "must be a string")
    enabled = merged.get("enabled", True)
    if not isinstance(enabled, bool):
        raise _fail(path, merged, "enabled", "must be true or false")
    tags = merged.get("tags") or []
    if not isinstance(tags, list):
        raise _fail(path, merged, "tags", "must be a list of strings")
    try:
        options = kind_cls.validate_options(_kind_fields(path, merged, kind_cls, not in_config))
    except OptionError as exc:
        raise _fail(path, merged, exc.field, str(exc)) from None
    flags, passes = _examples(path, merged)
    rule = Rule(
        id=rule_id,
        kind=merged["kind"],
        level=level,
        message=merged["message"],
        description=merged.get("description", "").strip(),
        link=merged.get("link", ""),
        scope=_scope(path, merged, merged.get("scope"), kind_cls.default_scope),
        flag_examples=flags,
        pass_examples=passes,
        enabled=enabled,
        tags=tuple(str(t) for t in tags),
        options=options,
        path=path,
        line=merged.line,
        family=family or rule_id.split(".", 1)[0],
        pack=pack,
        raw=merged,
    )
    rule.compile()  # surfaces bad data (invalid regex, bad patterns) at load time
    return rule


def load_rule_file(path: str, pack: str = "") -> list[Rule]:
    """Load and validate every rule of one YAML rule file."""
    data = read_yaml(path, RuleError)
    if data is None:
        return []
    if isinstance(data, list):
        data = LineDict({"rules": data})
    if not isinstance(data, dict):
        raise RuleError(path, 1, None, "a rule file is a mapping with a 'rules' list")
    for key in data:
        if key not in FILE_FIELDS:
            raise _fail(
                path, data, str(key), f"unknown top-level field (use {', '.join(FILE_FIELDS)})"
            )
    rules_raw = data.get("rules")
    if not isinstance(rules_raw, list):
        raise _fail(path, data, "rules", "must be a list of rules")
    defaults = data.get("defaults") or LineDict()
    if not isinstance(defaults, dict):
        raise _fail(path, data, "defaults", "must be a mapping")
    family = data.get("family", "")
    if not isinstance(family, str):
        raise _fail(path, data, "family", "must be a string")
    return [build_rule(item, path, defaults, pack, family) for item in rules_raw]


def builtin_packs_dir() -> str:
    """Directory holding the shipped rule packs (``rules/`` in the source tree)."""
    spec = importlib.util.find_spec("newslint.packs")
    if spec is not None and spec.submodule_search_locations:
        return list(spec.submodule_search_locations)[0]
    import newslint

    return os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(newslint.__file__))), "rules"
    )


def builtin_pack_names() -> list[str]:
    """Names of the shipped packs."""
    root = builtin_packs_dir()
    return sorted(
        name
        for name in os.listdir(root)
        if os.path.isdir(os.path.join(root, name)) and not name.startswith(("_", "."))
    )


def pack_files(pack: str, base_dir: str = ".") -> tuple[str, list[str]]:
    """The rule files of a pack: a shipped pack's name, or a directory / YAML file path."""
    candidate = pack if os.path.isabs(pack) else os.path.join(base_dir, pack)
    if os.path.isfile(candidate):
        return os.path.splitext(os.path.basename(candidate))[0], [candidate]
    if os.path.isdir(candidate) and (os.sep in pack or "/" in pack or pack.startswith(".")):
        files = sorted(
            glob.glob(os.path.join(candidate, "*.yaml"))
            + glob.glob(os.path.join(candidate, "*.yml"))
        )
        return os.path.basename(os.path.normpath(candidate)), files
    root = os.path.join(builtin_packs_dir(), pack)
    if os.path.isdir(root):
        return pack, sorted(glob.glob(os.path.join(root, "*.yaml")))
    if os.path.isdir(candidate):
        files = sorted(
            glob.glob(os.path.join(candidate, "*.yaml"))
            + glob.glob(os.path.join(candidate, "*.yml"))
        )
        return os.path.basename(os.path.normpath(candidate)), files
    raise KeyError(pack)


def load_rules(files: Iterable[tuple[str, str]]) -> list[Rule]:
    """Load rules from ``(pack, file)`` pairs; duplicate ids are an error."""
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for pack, path in files:
        for rule in load_rule_file(path, pack):
            if rule.id in seen:
                first = seen[rule.id]
                raise RuleError(
                    path,
                    rule.line,
                    "id",
                    f"duplicate rule id {rule.id!r} (first in {first.path}:{first.line})",
                )
            seen[rule.id] = rule
            rules.append(rule)
    return rules


def matches_any(rule_id: str, patterns: Iterable[str]) -> bool:
    """True when ``rule_id`` matches one of the id globs (``bias.*``, ``editorial``, ``*``)."""
    for pattern in patterns:
        if pattern == rule_id or fnmatch.fnmatchcase(rule_id, pattern):
            return True
        if "." not in pattern and "*" not in pattern and rule_id.startswith(pattern + "."):
            return True
    return False


def with_level(rule: Rule, level: str) -> Rule:
    """A copy of ``rule`` at another level."""
    return replace(rule, level=level)
