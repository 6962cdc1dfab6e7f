"""The project the server lints under: its Linter (configs, packs, vocabulary) and reloads.

A reload builds a new Linter and loads every config that governs an open document, its rule
packs and vocabulary. When any of that fails (a broken ``.newslint.yaml``, a bad rule file), the
error is kept for one clear message and a diagnostic on the file at its line, and the last good
Linter goes on serving.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newslint.config import CONFIG_NAMES, Config
from newslint.engine.linter import Linter
from newslint.engine.rules import Rule
from newslint.errors import ConfigError, LocatedError, NewslintError

#: names of the files that, when they change, make the server reload the project
CONFIG_FILE_NAMES = (*CONFIG_NAMES, "pyproject.toml")


@dataclass(frozen=True)
class ProjectProblem:
    """Why a reload failed: the file, its 1-based line (when known) and the message."""

    path: str | None
    line: int | None
    message: str


def _config_cache() -> dict[str, Config | None]:
    from newslint import config as config_module

    return config_module._FOUND  # the per-process discovery cache (directory -> Config)


class Project:
    """The current Linter, and reloads that keep the last good one on failure."""

    def __init__(self, min_level: str | None = None) -> None:
        self.min_level = min_level
        self.linter = Linter(min_level=min_level)
        self.problem: ProjectProblem | None = None

    def reload(self, paths: list[str]) -> list[ProjectProblem]:
        """Load configs, packs and vocabularies afresh for ``paths`` (documents, or config
        files); return the problems met.

        A config that no longer loads keeps its last good version for the documents under it
        (the other configs are still refreshed); a rule pack or vocabulary that does not load
        keeps the whole previous Linter."""
        cache = _config_cache()
        saved = dict(cache)
        cache.clear()
        candidate = Linter(min_level=self.min_level)
        problems: list[ProjectProblem] = []
        for path in paths:
            folder = os.path.dirname(os.path.abspath(path))
            try:
                config = candidate.config_for(path)
            except Exception as exc:
                at = (exc.path, exc.line) if isinstance(exc, ConfigError) else (None, None)
                problems.append(ProjectProblem(*at, str(exc) or repr(exc)))
                last_good = saved.get(folder)
                if last_good is None:
                    continue
                cache[folder] = last_good  # the last good config of this folder
                config = last_good
            try:
                candidate.rules_for(config, config.relpath(path), {})
                candidate.vocabulary(config)
            except LocatedError as exc:
                problems.append(ProjectProblem(exc.path, exc.line, str(exc)))
                break
            except Exception as exc:  # NewslintError, OSError, or a bug: reported, never fatal
                problems.append(ProjectProblem(None, None, f"{exc}" or repr(exc)))
                break
        else:
            self.linter = candidate
            self.problem = problems[0] if problems else None
            return problems
        cache.clear()
        cache.update(saved)
        self.problem = problems[-1]
        return problems

    def rules(self, path: str) -> dict[str, Rule]:
        """Every rule available to ``path``'s config, by id (for links and hover)."""
        try:
            config = self.linter.config_for(path)
            return {r.id: r for r in self.linter.all_rules(config)}
        except NewslintError:
            return {}

    def levels(self, path: str, front_matter: dict[str, object]) -> dict[str, str]:
        """The level of each rule in force for ``path`` (rules that are off are absent)."""
        try:
            config = self.linter.config_for(path)
            active = self.linter.rules_for(config, config.relpath(path), front_matter)
        except NewslintError:
            return {}
        return {r.id: r.level for r in active}

    def watched(self) -> set[str]:
        """Absolute paths of the vocabulary lists, baselines and rule-pack files in use."""
        out: set[str] = set()
        configs = [c for c in _config_cache().values() if c is not None]
        for config in {id(c): c for c in configs}.values():
            out.update(config.accept_files)
            out.update(config.reject_files)
            if config.baseline:
                out.add(config.baseline)
            for pack in config.packs:
                folder = os.path.join(config.root, pack)
                if os.path.isdir(folder):
                    out.add(os.path.abspath(folder) + os.sep)
        return out

    def is_relevant(self, path: str) -> bool:
        """True when a change to ``path`` can change what the server reports."""
        if os.path.basename(path) in CONFIG_FILE_NAMES:
            return True
        path = os.path.abspath(path)
        return any(path == w or (w.endswith(os.sep) and path.startswith(w)) for w in self.watched())
