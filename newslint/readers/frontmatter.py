"""Front matter at the top of a Markdown file: YAML between ``---``, TOML between ``+++`` lines,
a JSON object (Hugo), or ``Key: value`` metadata lines up to the first blank line (Pelican, MultiMarkdown,
Python-Markdown's meta extension).

Front matter is metadata, never prose. Malformed front matter is still cut out of the text but
yields an empty dict, so the rest of the article is linted. Metadata lines are taken for front
matter only when there are two or more, one of them a ``Title`` or ``Date``: a first paragraph
such as "Update: the council met" stays prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_JSON_FENCE = re.compile(r"\{[ \t]*\n(.*?\n)?\}[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_FENCE = re.compile(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TOML_FENCE = re.compile(r"\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)

#: front-matter fields whose value is published copy, linted as prose (field -> block kind)
PROSE_FIELDS = {"title": "headline", "subtitle": "dek"}


@dataclass
class FrontMatter:
    """The parsed front matter and where it sits in the source."""

    data: dict[str, Any] = field(default_factory=dict)
    start: int = 0  # source offset of the opening fence
    end: int = 0  # source offset just past the closing fence line (0: no front matter)
    syntax: str = ""  # "yaml", "toml" or ""
    #: (field, value, source offset) of each prose field found verbatim in the source
    prose: list[tuple[str, str, int]] = field(default_factory=list)


def _load_yaml(body: str) -> dict[str, Any]:
    try:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(body, Loader=loader)  # noqa: S506 - a safe loader
    except Exception:  # malformed YAML (or YAML that PyYAML cannot type) must not stop the lint
        return {}
    return data if isinstance(data, dict) else {}


def _load_toml(body: str) -> dict[str, Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            return {}
    try:
        return tomllib.loads(body)
    except Exception:
        return {}


def _load_json(body: str) -> dict[str, Any]:
    import json

    try:
        data = json.loads("{" + body + "}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _locate(source: str, start: int, end: int, key: str, value: str, sep: str) -> int | None:
    """Source offset of ``value`` if written verbatim (bare or quoted) on the ``key`` line."""
    if sep == ":" and source.startswith("{"):  # JSON: "title": "...",
        key, sep = f'"{key}"', ":"
        line = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*:[ \t]*(.*?)[ \t]*,?[ \t]*$", re.M)
    else:
        line = re.compile(rf"^{re.escape(key)}[ \t]*{sep}[ \t]*(.*?)[ \t]*$", re.MULTILINE)
    m = line.search(source, start, end)
    if not m:
        return None
    raw, pos = m.group(1), m.start(1)
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        raw, pos = raw[1:-1], pos + 1
    return pos if raw == value and value.strip() else None


_META_LINE = re.compile(r"([A-Za-z][\w -]{0,30}):(?:[ \t]+(.*?))?[ \t]*$")
_META_CONTINUED = re.compile(r"(?: {4}|\t)[ \t]*(\S.*?)[ \t]*$")
_META_REQUIRED = frozenset({"title", "date"})


def _metadata_lines(source: str) -> FrontMatter | None:
    """``Key: value`` lines at the top of the file, up to the first blank line."""
    data: dict[str, Any] = {}
    prose: list[tuple[str, str, int]] = []
    pos, key = 0, ""
    while pos < len(source):
        end = source.find("\n", pos)
        end = len(source) if end < 0 else end
        line = source[pos:end]
        if not line.strip():
            break
        m = _META_LINE.match(line)
        continued = _META_CONTINUED.match(line) if key else None
        if m and not (continued and line[:1] in " \t"):
            key = m.group(1).strip().lower()
            value = m.group(2) or ""
            data[key] = value
            if key in PROSE_FIELDS and value.strip():
                prose.append((key, value, pos + m.start(2)))
        elif continued:
            data[key] = f"{data[key]} {continued.group(1)}".strip()
        else:
            return None
        pos = end + 1
    if len(data) < 2 or not _META_REQUIRED & set(data):
        return None
    return FrontMatter(data, 0, min(pos, len(source)), "metadata", prose)


def parse_front_matter(source: str) -> FrontMatter:
    """Find and parse front matter at the very start of ``source`` (else an empty FrontMatter)."""
    for fence, syntax, loader, sep in (
        (_YAML_FENCE, "yaml", _load_yaml, ":"),
        (_TOML_FENCE, "toml", _load_toml, "="),
        (_JSON_FENCE, "json", _load_json, ":"),
    ):
        m = fence.match(source)
        if not m:
            continue
        body = m.group(1) or ""
        data = loader(body)
        fm = FrontMatter(data, 0, m.end(), syntax)
        for key in PROSE_FIELDS:
            value = data.get(key)
            if isinstance(value, str):
                pos = _locate(
                    source, m.start(1) if m.group(1) else 0, m.end(1) or 0, key, value, sep
                )
                if pos is not None:
                    fm.prose.append((key, value, pos))
        fm.prose.sort(key=lambda item: item[2])
        return fm
    return _metadata_lines(source) or FrontMatter()
