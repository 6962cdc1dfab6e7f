"""YAML loading that remembers where every mapping key sits, for ``file:line: field`` errors."""

from __future__ import annotations

from typing import Any

from newslint.errors import LocatedError


class LineDict(dict):  # type: ignore[type-arg]
    """A dict that knows the source line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The 1-based line of ``key`` (or of the mapping when the key is absent)."""
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    """A list that knows the source line of each item."""

    line: int = 0
    item_lines: list[int]


def _loader_class() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: ~9x faster

    class Loader(base):  # type: ignore[valid-type,misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> LineDict:
            mapping = LineDict(super().construct_mapping(node, deep=True))
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {
                str(key_node.value): key_node.start_mark.line + 1 for key_node, _ in node.value
            }
            return mapping

        def construct_sequence(self, node: Any, deep: bool = False) -> LineList:
            seq = LineList(super().construct_sequence(node, deep=True))
            seq.line = node.start_mark.line + 1
            seq.item_lines = [item.start_mark.line + 1 for item in node.value]
            return seq

    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_sequence)
    return Loader


_LOADER: type | None = None


def load_yaml(text: str, path: str, error: type[LocatedError] = LocatedError) -> Any:
    """Parse YAML text; syntax errors become ``error(path, line, None, problem)``."""
    import yaml

    global _LOADER
    if _LOADER is None:
        _LOADER = _loader_class()
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error(path, line, None, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise error(path, None, None, f"invalid YAML: {exc}") from None


def read_yaml(path: str, error: type[LocatedError] = LocatedError) -> Any:
    """Read and parse a YAML file."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise error(path, None, None, f"cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise error(path, None, None, "not UTF-8 text") from None
    return load_yaml(text, path, error)


def list_of_strings_problem(value: list[Any]) -> str:
    """The error for a list that should hold only text, naming the first item that does not.

    Unquoted ``yes``, ``no``, ``on``, ``off``, ``true`` and ``false`` are read by YAML as true or
    false, and bare numbers as numbers: the usual cause of a word list that does not load.
    """
    for n, item in enumerate(value, 1):
        if isinstance(item, bool):
            return (
                f"must be a list of strings: item {n} was read as {str(item).lower()} (YAML reads "
                "unquoted yes/no/on/off/true/false that way); put the word in quotes"
            )
        if not isinstance(item, str):
            return f"must be a list of strings: item {n} ({item!r}) is not text; put it in quotes"
    return "must be a list of strings"
