"""Profiles: which rules apply to a genre, and at which level.

A rule pack keeps one YAML file per profile in its ``profiles/`` folder (``rules/news/profiles/``)::

    profile: how-to
    description: Guides and tutorials tell the reader what to do.
    ignore: [editorial.slogan, editorial.first-person]
    rules:
      editorial.exclamation: suggestion

``select``, ``ignore`` and ``rules`` read as in the config file. The profiles of every pack in use
stack (each pack speaks for its own rules); a repo adds to them, or defines profiles of its own
that ``extend`` one, under ``profiles:`` in its config. A file with ``applies-to: source-files``
is not chosen by genre: it applies on top of any profile when the file is an authored source
(Markdown), where nothing can have been "left over from the web page".
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newslint.config.yamlfile import LineDict, list_of_strings_problem, read_yaml
from newslint.errors import LocatedError, RuleError

PROFILE_FIELDS = ("profile", "description", "extends", "select", "ignore", "rules", "applies-to")
#: the modifier applied to authored source files
SOURCE_FILES = "source-files"

#: a layer as the linter stacks them: select, ignore, per-rule settings, their lines
Layer = tuple[list[str], list[str], dict[str, dict[str, Any]], dict[str, int]]


@dataclass(frozen=True)
class Profile:
    """One profile's settings from one place (a pack's profile file or a repo's config)."""

    name: str
    path: str
    line: int = 0
    description: str = ""
    extends: str | None = None
    applies_to: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    rule_lines: dict[str, int] = field(default_factory=dict)

    def layer(self) -> Layer:
        return (self.select, self.ignore, self.rules, self.rule_lines)


def _strings(data: LineDict, key: str, path: str, error: type[LocatedError]) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problem = (
            list_of_strings_problem(value) if isinstance(value, list) else "must be a list of ids"
        )
        raise error(path, data.line_of(key), key, problem)
    return list(value)


def parse_profile(
    data: Any, path: str, name: str | None = None, error: type[LocatedError] = RuleError
) -> Profile:
    """Validate one profile mapping (a profile file, or an entry of a config's ``profiles:``)."""
    from newslint.config import parse_rule_settings

    if not isinstance(data, dict):
        raise error(path, getattr(data, "line", None), name, "a profile is a mapping")
    if not isinstance(data, LineDict):
        data = LineDict(data)
        data.line, data.key_lines = 0, {}
    for key in data:
        if key not in PROFILE_FIELDS:
            raise error(
                path,
                data.line_of(key),
                str(key),
                f"unknown field (use {', '.join(PROFILE_FIELDS)})",
            )
    profile_name = name or data.get("profile")
    if not isinstance(profile_name, str) or not profile_name.strip():
        raise error(path, data.line, "profile", "give the profile a name")
    extends = data.get("extends")
    if extends is not None and not isinstance(extends, str):
        raise error(path, data.line_of("extends"), "extends", "must be a profile name")
    applies_to = data.get("applies-to")
    if applies_to not in (None, SOURCE_FILES):
        raise error(path, data.line_of("applies-to"), "applies-to", f"must be {SOURCE_FILES}")
    rules, lines = parse_rule_settings(data.get("rules"), path, "rules", data.line_of("rules"))
    return Profile(
        name=profile_name.strip(),
        path=path,
        line=data.line,
        description=" ".join(str(data.get("description", "")).split()),
        extends=extends,
        applies_to=applies_to,
        select=_strings(data, "select", path, error),
        ignore=_strings(data, "ignore", path, error),
        rules=rules,
        rule_lines=lines,
    )


def load_profile_file(path: str) -> Profile:
    """One profile file; its name defaults to the file's name."""
    data = read_yaml(path, RuleError)
    if isinstance(data, dict) and "profile" not in data:
        data["profile"] = os.path.splitext(os.path.basename(path))[0]
    return parse_profile(data, path)


def pack_profile_files(pack_folder: str) -> list[str]:
    """The profile files of a pack folder (``<pack>/profiles/*.yaml``)."""
    folder = os.path.join(pack_folder, "profiles")
    return sorted(
        glob.glob(os.path.join(folder, "*.yaml")) + glob.glob(os.path.join(folder, "*.yml"))
    )


_LOADED: dict[str, tuple[Profile, ...]] = {}


def _pack_profiles(folder: str) -> tuple[Profile, ...]:
    """A pack's profile files, read once per process (every folder of a repo shares them)."""
    if folder not in _LOADED:
        _LOADED[folder] = tuple(load_profile_file(path) for path in pack_profile_files(folder))
    return _LOADED[folder]


@dataclass
class Profiles:
    """Every profile a config can choose: the packs' files, then the repo's own additions."""

    layers: dict[str, list[Profile]] = field(default_factory=dict)

    def add(self, profile: Profile) -> None:
        self.layers.setdefault(profile.name, []).append(profile)

    @classmethod
    def build(cls, pack_folders: Iterable[str], config_profiles: Iterable[Profile]) -> Profiles:
        found = cls()
        for folder in pack_folders:
            for profile in _pack_profiles(folder):
                found.add(profile)
        for profile in config_profiles:
            found.add(profile)
        for name, layers in found.layers.items():
            base = next((p.extends for p in layers if p.extends), None)
            if base is not None and base not in found.layers:
                where = next(p for p in layers if p.extends)
                raise RuleError(
                    where.path, where.line, f"profiles.{name}.extends", f"unknown profile {base!r}"
                )
        return found

    def names(self) -> list[str]:
        """Profiles a file can be given (not the source-file modifier)."""
        return sorted(n for n, layers in self.layers.items() if not _modifier(layers))

    def known(self, name: str) -> bool:
        return name in self.layers and not _modifier(self.layers[name])

    def genre_of(self, name: str) -> str:
        """The genre a profile speaks for: its own name, or the profile it extends."""
        seen: set[str] = set()
        while name in self.layers and name not in seen:
            seen.add(name)
            base = next((p.extends for p in self.layers[name] if p.extends), None)
            if base is None:
                return name
            name = base
        return name

    def description(self, name: str) -> str:
        return next((p.description for p in self.layers.get(name, []) if p.description), "")

    def stack(self, name: str, source_file: bool) -> list[Profile]:
        """The profiles to apply for ``name``: its base profiles first, the modifier last."""
        chain: list[str] = []
        current: str | None = name
        while current is not None and current not in chain and current in self.layers:
            chain.append(current)
            current = next((p.extends for p in self.layers[current] if p.extends), None)
        out = [p for n in reversed(chain) for p in self.layers[n]]
        if source_file:
            out.extend(p for layers in self.layers.values() if _modifier(layers) for p in layers)
        return out


def _modifier(layers: list[Profile]) -> bool:
    return any(p.applies_to == SOURCE_FILES for p in layers)
