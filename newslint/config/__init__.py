"""Per-repo configuration: ``.newslint.yaml`` found upward from each linted file, or
``[tool.newslint]`` in ``pyproject.toml``.

```yaml
packs: [news]                  # shipped pack names, or paths to folders of rule files
select: []                     # rule ids or globs to switch on (also rules that are off by default)
ignore: [bias.hedge]           # rule ids or globs to switch off
fail-on: warning               # exit 1 when a finding is at this level or above (error, warning,
                               # suggestion, never)
min-level: suggestion          # do not report findings below this level
rules:                         # per-rule settings: a level, "off", or a mapping of rule fields
  readability.long-sentence: {max: 45, level: suggestion}
  bias.*: suggestion
vocabulary: {accept: [vocab/names.txt], reject: [vocab/banned.txt]}
exclude: ["drafts/**"]
max-file-size: 5MB
english-only: true             # skip files whose prose is not English (with a notice)
baseline: .newslint-baseline.json   # accepted findings (CLI, editor and CI share it)
overrides:                     # applied in order when all their conditions hold
  - files: ["opinion/**"]
    front-matter: {type: opinion}
    ignore: [editorial.*, bias.*]
  - files: ["guides/**"]
    profile: how-to            # the profile for these files, whatever their genre looks like
default-profile: blog          # the profile of a file whose genre nothing tells (default: news)
genre-detection: on            # on | front-matter (only front matter and paths) | off
profiles:                      # add to a shipped profile, or define one that extends it
  blog: {rules: {bias.loaded: off}}
  house-review: {extends: opinion, ignore: [bias.hedge]}
```
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from typing import Any

from newslint.config.yamlfile import LineDict, LineList, list_of_strings_problem, read_yaml
from newslint.errors import ConfigError
from newslint.findings import LEVELS

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml", "newslint.yaml")
FAIL_LEVELS = (*LEVELS, "never")
TOP_FIELDS = (
    "packs",
    "select",
    "ignore",
    "fail-on",
    "min-level",
    "rules",
    "vocabulary",
    "exclude",
    "max-file-size",
    "overrides",
    "spacy-model",
    "english-only",
    "baseline",
    "default-profile",
    "genre-detection",
    "profiles",
)
OVERRIDE_FIELDS = ("files", "front-matter", "select", "ignore", "rules", "profile")
GENRE_DETECTION = ("on", "front-matter", "off")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)


@dataclass
class Override:
    """Settings that apply to files matching globs and/or front-matter values."""

    files: list[str] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    rule_lines: dict[str, int] = field(default_factory=dict)
    profile: str | None = None  # the profile these files get
    line: int = 0

    def applies(self, relpath: str, front_matter: dict[str, Any]) -> bool:
        """True when every condition of the override holds for a file."""
        if self.files and not any(glob_match(relpath, g) for g in self.files):
            return False
        for key, wanted in self.front_matter.items():
            have = front_matter.get(key)
            wanted_list = wanted if isinstance(wanted, list) else [wanted]
            have_list = have if isinstance(have, list) else [have]
            if not {str(w).lower() for w in wanted_list} & {str(h).lower() for h in have_list}:
                return False
        return True


@dataclass
class Config:
    """Settings for every file below ``root`` (the directory of the config file)."""

    path: str | None = None
    root: str = "."
    packs: list[str] = field(default_factory=lambda: ["news"])
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    min_level: str = "suggestion"
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    rule_lines: dict[str, int] = field(default_factory=dict)
    accept_files: list[str] = field(default_factory=list)
    reject_files: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    max_file_size: int = 5 * 1024 * 1024
    overrides: list[Override] = field(default_factory=list)
    spacy_model: str | None = None
    english_only: bool = True
    #: the baseline file of accepted findings (absolute), when the config names one
    baseline: str | None = None
    default_profile: str | None = None  # for files whose genre nothing tells (None: news)
    genre_detection: str = "on"
    profiles: list[Any] = field(default_factory=list)  # newslint.genre.profiles.Profile
    field_lines: dict[str, int] = field(default_factory=dict)  # line of each top-level setting

    @property
    def display_path(self) -> str:
        return self.path or "(defaults)"

    def relpath(self, path: str) -> str:
        """``path`` relative to the config root, with forward slashes."""
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        return rel.replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        """True when ``path`` matches an ``exclude`` glob."""
        rel = self.relpath(path)
        return any(glob_match(rel, g) for g in self.exclude)


def glob_match(relpath: str, pattern: str) -> bool:
    """Gitignore-like matching: ``opinion/**``, ``*.md``, ``**/drafts/*``."""
    pattern = pattern.strip().lstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    if "/" not in pattern:
        return fnmatch.fnmatch(relpath.rsplit("/", 1)[-1], pattern) or fnmatch.fnmatch(
            relpath, pattern
        )
    regex = (
        re.escape(pattern)
        .replace(r"\*\*/", "(?:.*/)?")
        .replace(r"\*\*", ".*")
        .replace(r"\*", "[^/]*")
        .replace(r"\?", "[^/]")
    )
    return re.fullmatch(regex, relpath) is not None


def _list(data: LineDict, key: str, path: str) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(path, data.line_of(key), key, "must be a list of strings")
    if not all(isinstance(v, str) for v in value):
        raise ConfigError(path, data.line_of(key), key, list_of_strings_problem(value))
    return list(value)


def _level(data: LineDict, key: str, path: str, choices: tuple[str, ...], default: str) -> str:
    value = data.get(key, default)
    if value is False and "never" in choices:
        return "never"
    if value not in choices:
        raise ConfigError(
            path, data.line_of(key), key, f"must be one of {', '.join(choices)}, not {value!r}"
        )
    return str(value)


def parse_size(value: Any, path: str, line: int) -> int:
    """``5MB``, ``500k``, or a number of bytes."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    m = _SIZE.match(str(value))
    if not m:
        raise ConfigError(path, line, "max-file-size", f"not a size: {value!r} (e.g. 5MB)")
    unit = (m.group(2) or "").lower()[:1]
    return int(float(m.group(1)) * {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit])


def _rule_settings(
    data: Any, path: str, key: str, line: int
) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError(path, line, key, "must map rule ids (or globs) to settings")
    out: dict[str, dict[str, Any]] = {}
    lines: dict[str, int] = {}
    for rule_id, value in data.items():
        at = data.line_of(rule_id) if isinstance(data, LineDict) else line
        if value in LEVELS:
            value = {"level": value}
        elif value in ("off", False):
            value = {"enabled": False}
        elif value in ("on", True):
            value = {"enabled": True}
        elif not isinstance(value, dict):
            raise ConfigError(
                path,
                at,
                f"{key}.{rule_id}",
                "must be a level (error, warning, suggestion), off, or a mapping of rule fields",
            )
        out[str(rule_id)] = dict(value)
        lines[str(rule_id)] = at
    return out, lines


def parse_rule_settings(
    data: Any, path: str, key: str, line: int
) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """Per-rule settings as ``rules:`` reads them (a level, off/on, or rule fields), with lines."""
    return _rule_settings(data, path, key, line)


def _profile_settings(data: LineDict, path: str, cfg: Config) -> None:
    from newslint.genre.profiles import parse_profile

    cfg.field_lines = {str(k): data.line_of(k) for k in data}
    default = data.get("default-profile")
    if default is not None and not (isinstance(default, str) and default.strip()):
        raise ConfigError(
            path, data.line_of("default-profile"), "default-profile", "must be a profile name"
        )
    cfg.default_profile = default.strip() if default else None
    detection = data.get("genre-detection", "on")
    detection = {True: "on", False: "off"}.get(detection, detection)
    if detection not in GENRE_DETECTION:
        raise ConfigError(
            path,
            data.line_of("genre-detection"),
            "genre-detection",
            f"must be one of {', '.join(GENRE_DETECTION)}, not {detection!r}",
        )
    cfg.genre_detection = detection
    profiles = data.get("profiles") or {}
    if not isinstance(profiles, dict):
        raise ConfigError(
            path, data.line_of("profiles"), "profiles", "must map profile names to settings"
        )
    for name, settings in profiles.items():
        at = profiles.line_of(name) if isinstance(profiles, LineDict) else data.line_of("profiles")
        if not isinstance(settings, dict):
            raise ConfigError(
                path, at, f"profiles.{name}", "must be a mapping (select, ignore, rules, extends)"
            )
        cfg.profiles.append(parse_profile(settings, path, str(name), ConfigError))


def parse_config(data: Any, path: str) -> Config:
    """Validate a parsed config mapping."""
    root = os.path.dirname(os.path.abspath(path))
    if data is None:  # an empty file, or one of comments only
        data = _as_linedict({})
    if not isinstance(data, dict):
        raise ConfigError(path, getattr(data, "line", 1), None, "the config must be a mapping")
    if not isinstance(data, LineDict):
        data = _as_linedict(data)
    import difflib

    for key in data:
        if key not in TOP_FIELDS:
            hint = difflib.get_close_matches(str(key), TOP_FIELDS, 1)
            extra = (
                f" (did you mean '{hint[0]}'?)" if hint else f" (fields: {', '.join(TOP_FIELDS)})"
            )
            raise ConfigError(path, data.line_of(key), str(key), f"unknown setting{extra}")
    cfg = Config(path=path, root=root)
    if "packs" in data:
        cfg.packs = _list(data, "packs", path)
    cfg.select = _list(data, "select", path)
    cfg.ignore = _list(data, "ignore", path)
    cfg.exclude = _list(data, "exclude", path)
    cfg.fail_on = _level(data, "fail-on", path, FAIL_LEVELS, "warning")
    cfg.min_level = _level(data, "min-level", path, LEVELS, "suggestion")
    cfg.rules, cfg.rule_lines = _rule_settings(
        data.get("rules"), path, "rules", data.line_of("rules")
    )
    if "max-file-size" in data:
        cfg.max_file_size = parse_size(data["max-file-size"], path, data.line_of("max-file-size"))
    model = data.get("spacy-model")
    if model is not None and not isinstance(model, str):
        raise ConfigError(
            path, data.line_of("spacy-model"), "spacy-model", "must be a package name"
        )
    cfg.spacy_model = model
    english_only = data.get("english-only", True)
    if not isinstance(english_only, bool):
        raise ConfigError(
            path, data.line_of("english-only"), "english-only", "must be true or false"
        )
    cfg.english_only = english_only
    baseline = data.get("baseline")
    if baseline is not None:
        if not isinstance(baseline, str) or not baseline.strip():
            raise ConfigError(
                path,
                data.line_of("baseline"),
                "baseline",
                "must be a file path (relative to this file)",
            )
        cfg.baseline = os.path.join(root, baseline)
    _profile_settings(data, path, cfg)
    vocab = data.get("vocabulary") or LineDict()
    if not isinstance(vocab, dict) or set(vocab) - {"accept", "reject"}:
        raise ConfigError(
            path,
            data.line_of("vocabulary"),
            "vocabulary",
            "must be a mapping with accept and/or reject file lists",
        )
    vocab = vocab if isinstance(vocab, LineDict) else _as_linedict(vocab)
    for key, target in (("accept", cfg.accept_files), ("reject", cfg.reject_files)):
        for name in _list(vocab, key, path):
            full = os.path.join(root, name)
            if not os.path.isfile(full):
                raise ConfigError(
                    path, vocab.line_of(key), f"vocabulary.{key}", f"no such file: {name}"
                )
            target.append(full)
    overrides = data.get("overrides") or []
    if not isinstance(overrides, list):
        raise ConfigError(
            path, data.line_of("overrides"), "overrides", "must be a list of mappings"
        )
    for i, item in enumerate(overrides):
        at = (
            overrides.item_lines[i]
            if isinstance(overrides, LineList)
            else data.line_of("overrides")
        )
        if not isinstance(item, dict):
            raise ConfigError(path, at, "overrides", "each override must be a mapping")
        item = item if isinstance(item, LineDict) else _as_linedict(item)
        for key in item:
            if key not in OVERRIDE_FIELDS:
                raise ConfigError(
                    path,
                    item.line_of(key),
                    f"overrides.{key}",
                    f"unknown field (use {', '.join(OVERRIDE_FIELDS)})",
                )
        fm = item.get("front-matter") or {}
        if not isinstance(fm, dict):
            raise ConfigError(
                path,
                item.line_of("front-matter"),
                "overrides.front-matter",
                "must map front-matter keys to values",
            )
        profile = item.get("profile")
        if profile is not None and not (isinstance(profile, str) and profile.strip()):
            raise ConfigError(
                path, item.line_of("profile"), "overrides.profile", "must be a profile name"
            )
        if not item.get("files") and not fm:
            raise ConfigError(
                path, at, "overrides", "an override needs 'files' and/or 'front-matter'"
            )
        rules, rule_lines = _rule_settings(
            item.get("rules"), path, "overrides.rules", item.line_of("rules")
        )
        cfg.overrides.append(
            Override(
                files=_list(item, "files", path),
                front_matter=dict(fm),
                select=_list(item, "select", path),
                ignore=_list(item, "ignore", path),
                rules=rules,
                rule_lines=rule_lines,
                profile=profile.strip() if profile else None,
                line=at,
            )
        )
    return cfg


def _as_linedict(data: dict[str, Any]) -> LineDict:
    out = LineDict(data)
    out.line = 0
    out.key_lines = {}
    return out


def _toml_section(path: str) -> Any:
    try:
        import tomllib  # type: ignore[import-not-found]
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError:
            raise ConfigError(
                path, None, None, "reading pyproject.toml needs Python 3.11+ or the tomli package"
            ) from None
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(
            path, int(m.group(1)) if m else None, None, f"invalid TOML: {exc}"
        ) from None
    return data.get("tool", {}).get("newslint")


def load_config(path: str) -> Config:
    """Load a config file (YAML, or a pyproject.toml with ``[tool.newslint]``)."""
    if os.path.basename(path) == "pyproject.toml":
        section = _toml_section(path)
        return parse_config(section or {}, path)
    return parse_config(read_yaml(path, ConfigError), path)


#: the nearest config file at or above a directory (None: there is none)
_FOUND: dict[str, Config | None] = {}
#: the default config of a directory that has no config file at or above it (its root is that
#: directory, so it cannot be shared with the directories above or beside it)
_DEFAULTS: dict[str, Config] = {}


def find_config(directory: str) -> Config:
    """The nearest config at or above ``directory`` (defaults when there is none)."""
    directory = os.path.abspath(directory)
    if directory not in _FOUND:
        seen: list[str] = []
        current = directory
        config: Config | None = None
        while current not in _FOUND:
            seen.append(current)
            config = _config_in(current)
            parent = os.path.dirname(current)
            if config is not None or parent == current:
                break
            current = parent
        else:
            config = _FOUND[current]
        for d in seen:
            _FOUND[d] = config
    found = _FOUND[directory]
    if found is not None:
        return found
    if directory not in _DEFAULTS:
        _DEFAULTS[directory] = Config(root=directory)
    return _DEFAULTS[directory]


def _config_in(directory: str) -> Config | None:
    """The config file of one directory (a newslint file, else a pyproject.toml section)."""
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return load_config(candidate)
    pyproject = os.path.join(directory, "pyproject.toml")
    if os.path.isfile(pyproject) and _has_newslint_section(pyproject):
        return load_config(pyproject)
    return None


def _has_newslint_section(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "[tool.newslint" in handle.read()
    except OSError:
        return False


def read_word_list(path: str) -> list[str]:
    """A vocabulary file: one word or phrase per line, ``#`` starts a comment."""
    words = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            word = line.split("#", 1)[0].strip()
            if word:
                words.append(word)
    return words
