"""The project files a code action writes: the config, the accept vocabulary and the baseline.

The config is edited as text, a line or two at a time, so the user's comments, order and layout
stay as they were (a YAML dumper would drop every comment). Every edited config is parsed with
the linter's own validation before it is written; an edit that would not load is refused.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

from newslint.config import CONFIG_NAMES, Config, parse_config, read_word_list
from newslint.config.yamlfile import load_yaml
from newslint.errors import ConfigError, NewslintError
from newslint.storage.atomic import replace_file

DEFAULT_CONFIG = CONFIG_NAMES[0]
DEFAULT_VOCABULARY = "vocab/accept.txt"
DEFAULT_BASELINE = ".newslint-baseline.json"
_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?P<rest>.*?)\r?\n?$")


class ProjectEditError(NewslintError):
    """A project file that cannot be edited safely (the message says what to do by hand)."""


@dataclass
class Edits:
    """What a code action wrote: paths, for the reload and the message to the user."""

    written: list[str] = field(default_factory=list)
    summary: str = ""


# -- YAML as text ---------------------------------------------------------------------------
def _top_key(lines: list[str], key: str) -> int | None:
    for i, line in enumerate(lines):
        m = _TOP_KEY.match(line)
        if m and m.group("key") == key:
            return i
    return None


def _value(line: str) -> str:
    """The value after ``key:`` with a trailing comment removed."""
    m = _TOP_KEY.match(line)
    rest = m.group("rest") if m else ""
    return re.sub(r"\s+#.*$", "", rest).strip()


def _block_end(lines: list[str], key_line: int) -> int:
    """Index after the last content line of the top-level key at ``key_line``."""
    last = key_line
    for i in range(key_line + 1, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t-":
            last = i
            continue
        break
    return last + 1


def _with_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def _append_top(text: str, block: str) -> str:
    text = _with_newline(text)
    return text + block


def _flow_list(items: list[str]) -> str:
    return (
        "["
        + ", ".join(
            json.dumps(i) if re.search(r"[*?\[\]{},:#&!|>'\"%@`]", i) or not i else i for i in items
        )
        + "]"
    )


def add_override(text: str, files_glob: str, rule: str) -> str:
    """``text`` with an ``overrides:`` entry that switches ``rule`` off for ``files_glob``."""
    lines = _with_newline(text).splitlines(keepends=True)
    at = _top_key(lines, "overrides")
    entry = [f"- files: {_flow_list([files_glob])}", f"  ignore: {_flow_list([rule])}"]
    if at is None:
        return _append_top(text, "overrides:\n" + "".join(f"  {e}\n" for e in entry))
    value = _value(lines[at])
    if value in ("", "[]", "null", "~"):
        end = _block_end(lines, at)
        indent = "  "
        for line in lines[at + 1 : end]:
            m = re.match(r"^([ \t]*)- ", line)
            if m:
                indent = m.group(1)
                break
        if value:
            lines[at] = lines[at].replace(value, "", 1)
        new = [f"{indent}{e}\n" for e in entry]
        return "".join(lines[:end] + new + lines[end:])
    raise ProjectEditError(
        "the config's 'overrides:' is written inline; add the override by hand: "
        f"{{files: {_flow_list([files_glob])}, ignore: {_flow_list([rule])}}}"
    )


def add_top_setting(text: str, key: str, value: str) -> str:
    """``text`` with ``key: value`` added at the end, or ``value`` set when the key is empty."""
    lines = _with_newline(text).splitlines(keepends=True)
    at = _top_key(lines, key)
    if at is None:
        return _append_top(text, f"{key}: {value}\n")
    if _value(lines[at]) in ("", "null", "~") and _block_end(lines, at) == at + 1:
        lines[at] = f"{key}: {value}\n"
        return "".join(lines)
    raise ProjectEditError(f"the config already sets '{key}:'; change it by hand")


def add_accept_file(text: str, name: str) -> str:
    """``text`` with ``name`` as an accept vocabulary file under ``vocabulary:``."""
    lines = _with_newline(text).splitlines(keepends=True)
    at = _top_key(lines, "vocabulary")
    if at is None:
        return _append_top(text, f"vocabulary:\n  accept: {_flow_list([name])}\n")
    value = _value(lines[at])
    if value.startswith("{") and value.endswith("}"):
        inner = value[1:-1].strip()
        if "accept" not in inner:
            new_value = "{accept: " + _flow_list([name]) + (", " + inner if inner else "") + "}"
            lines[at] = lines[at].replace(value, new_value, 1)
            return "".join(lines)
    elif value in ("", "null", "~"):
        end = _block_end(lines, at)
        children = lines[at + 1 : end]
        if not any(re.match(r"^[ \t]+accept[ \t]*:", c) for c in children):
            indent = "  "
            for child in children:
                m = re.match(r"^([ \t]+)\S", child)
                if m and not child.strip().startswith("#"):
                    indent = m.group(1)
                    break
            if value:
                lines[at] = lines[at].replace(value, "", 1)
            new = f"{indent}accept: {_flow_list([name])}\n"
            return "".join(lines[: at + 1] + [new] + lines[at + 1 :])
    raise ProjectEditError(
        f"the config's 'vocabulary:' could not be extended safely; add {name} to its accept list"
    )


# -- the files ------------------------------------------------------------------------------
def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return ""


def _write(path: str, text: str) -> None:
    replace_file(path, text.encode("utf-8"))


def _config_target(config: Config, fallback_root: str) -> str:
    """The YAML config file to edit (created when the project has none)."""
    if config.path:
        if os.path.basename(config.path) == "pyproject.toml":
            raise ProjectEditError(
                f"{config.path}: newslint does not edit pyproject.toml; make the change there by "
                "hand, or move the settings to .newslint.yaml"
            )
        return config.path
    return os.path.join(fallback_root, DEFAULT_CONFIG)


def _write_config(path: str, new_text: str) -> None:
    """Validate the edited config as the linter would load it, then write it."""
    try:
        parse_config(load_yaml(new_text, path, ConfigError), path)
    except ConfigError as exc:
        raise ProjectEditError(
            f"the edit would break the config ({exc}); nothing written"
        ) from None
    _write(path, new_text)


def _root(config: Config, config_path: str) -> str:
    return os.path.dirname(os.path.abspath(config.path or config_path))


def _relative(path: str, root: str) -> str:
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


def add_to_vocabulary(config: Config, word: str, fallback_root: str) -> Edits:
    """Accept ``word`` as spelled: append it to the config's first accept list, creating the
    list (``vocab/accept.txt``) and its ``vocabulary:`` entry when there is none."""
    word = word.strip()
    if not word or "\n" in word or "#" in word:
        raise ProjectEditError(f"cannot add {word!r} to a word list")
    edits = Edits()
    if config.accept_files:
        target = config.accept_files[0]
    else:
        config_path = _config_target(config, fallback_root)
        root = _root(config, config_path)
        target = os.path.join(root, DEFAULT_VOCABULARY)
        new_config = add_accept_file(_read(config_path), _relative(target, root))
        if not os.path.exists(target):
            _write(
                target, "# Words newslint accepts as spelled, one a line ('#' starts a comment)\n"
            )
            edits.written.append(target)
        _write_config(config_path, new_config)
        edits.written.append(config_path)
    if word not in read_word_list(target):
        _write(target, _with_newline(_read(target)) + word + "\n")
        if target not in edits.written:
            edits.written.append(target)
    edits.summary = f"added '{word}' to {target}"
    return edits


def disable_rule(config: Config, rule: str, files_glob: str, fallback_root: str) -> Edits:
    """Switch ``rule`` off for ``files_glob`` (relative to the config) with an override."""
    config_path = _config_target(config, fallback_root)
    _write_config(config_path, add_override(_read(config_path), files_glob, rule))
    return Edits([config_path], f"{rule} is off for {files_glob} ({config_path})")


def override_glob(config: Config, doc_path: str, fallback_root: str, folder: bool) -> str:
    """The ``files:`` glob for one document, or for its folder, relative to the config root."""
    root = _root(config, _config_target(config, fallback_root))
    rel = _relative(doc_path, root)
    if not folder:
        return rel
    parent = os.path.dirname(rel)
    return f"{parent}/**" if parent else "**"


def accept_in_baseline(
    config: Config, doc_path: str, items: list[tuple[str, str, str]], fallback_root: str
) -> Edits:
    """Record findings ``(rule, match, fingerprint)`` of ``doc_path`` in the config's baseline,
    creating the file (and the config's ``baseline:`` entry) when there is none."""
    from newslint.filters.baseline import accept_fingerprints

    edits = Edits()
    if config.baseline:
        path = config.baseline
    else:
        config_path = _config_target(config, fallback_root)
        root = _root(config, config_path)
        path = os.path.join(root, DEFAULT_BASELINE)
        new_config = add_top_setting(_read(config_path), "baseline", DEFAULT_BASELINE)
        accept_fingerprints(path, doc_path, [])
        _write_config(config_path, new_config)
        edits.written.append(config_path)
    accept_fingerprints(path, doc_path, items)
    edits.written.append(path)
    edits.summary = f"accepted {len(items)} finding{'s' if len(items) != 1 else ''} in {path}"
    return edits
