"""Errors that newslint reports to the user as one clear line (exit code 2), never as a traceback."""

from __future__ import annotations


class NewslintError(Exception):
    """Base class: a problem with usage, configuration, rules or input."""


class UsageError(NewslintError):
    """Bad command-line usage (unknown rule id, bad option value, missing path)."""


class InputError(NewslintError):
    """A file that cannot be linted (binary, undecodable, too large)."""


class LocatedError(NewslintError):
    """An error in a YAML file, located as ``file:line: field: what is wrong``."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        self.path, self.line, self.field, self.problem = path, line, field, problem
        where = f"{path}:{line}" if line else path
        what = f"{field}: {problem}" if field else problem
        super().__init__(f"{where}: {what}")


class ConfigError(LocatedError):
    """A malformed configuration file."""


class RuleError(LocatedError):
    """A malformed rule file or rule."""
