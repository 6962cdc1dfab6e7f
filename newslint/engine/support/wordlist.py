"""The one shape of every word list in a rule: terms, optional categories, optional replacements.

A word list is either a list of entries (no categories) or a mapping of categories to entries::

    phrases: [leave a comment, discuss this article]         # terms only
    phrases:
      labels: [thug, crony]                                  # category -> terms
      violence: {bloody: [deadly, violent], carnage: deaths} # category -> {term: replacement(s)}
      house:
        - cease-fire: ceasefire                              # a list may mix both forms
        - so-called: (delete)
        - thug: ~

A mapping at the top is always a mapping of categories. A replacement is a word or phrase, a list
of them (alternatives, best first), ``~`` (null: no replacement, rephrase or attribute) or
``(delete)`` (the words should go: the fix removes them). An empty string is refused as ambiguous.

Entries may live in ``.txt`` files beside the rule file: ``phrases: loaded.txt`` or
``phrases: {labels: labels.txt}``. One entry a line, ``term`` or ``term -> replacement`` (``|``
between alternatives, ``~`` or ``(delete)`` as above); ``#`` starts a comment. The files are read
when the rule is loaded (:func:`load_word_files`), so kinds only ever see inline data.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newslint.engine.kind import Option, OptionError
from newslint.errors import RuleError

LEVELS = ("error", "warning", "suggestion")
#: the replacement that means "remove the words" (stored internally as an empty replacement)
DELETE = "(delete)"
WORD_FILE_SUFFIX = ".txt"

CATEGORY_LEVELS_OPTION = Option(
    (dict,),
    default={},
    help="{category: level} (error, warning, suggestion) overriding the rule's level",
)


@dataclass(frozen=True)
class Entry:
    """One term's category and replacements: ``()`` for none, ``("",)`` for "delete it"."""

    category: str
    alternatives: tuple[str, ...]


def _replacements(value: Any, field: str, term: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if not isinstance(item, str):
            raise OptionError(field, f"replacement of {term!r} must be text, got {item!r}")
        if not item.strip():
            raise OptionError(
                field,
                f"empty replacement for {term!r} is ambiguous: write ~ for no replacement "
                f"(rephrase) or {DELETE} to remove the words",
            )
        out.append("" if item.strip() == DELETE else item)
    return tuple(out)


def _items(raw: Any, field: str, category: str) -> list[tuple[str, Entry]]:
    if isinstance(raw, str):
        return [(raw, Entry(category, ()))]
    if isinstance(raw, Mapping):
        return [
            (str(term), Entry(category, _replacements(value, field, str(term))))
            for term, value in raw.items()
        ]
    if not isinstance(raw, list):
        raise OptionError(field, "must be a list of terms or a {term: replacement} mapping")
    out: list[tuple[str, Entry]] = []
    for n, item in enumerate(raw, 1):
        if isinstance(item, Mapping) and len(item) == 1:
            out.extend(_items(item, field, category))
        elif isinstance(item, str):
            out.append((item, Entry(category, ())))
        else:
            from newslint.config.yamlfile import list_of_strings_problem

            problem = list_of_strings_problem(raw[: n - 1] + [item])
            if isinstance(item, Mapping):
                problem = f"item {n} must be a term or one 'term: replacement' pair"
            raise OptionError(field, problem)
    return out


def word_entries(raw: Any, field: str) -> list[tuple[str, Entry]]:
    """``(term, Entry)`` pairs of a word list in the shape above (may be empty)."""
    if isinstance(raw, Mapping):
        out: list[tuple[str, Entry]] = []
        for category, items in raw.items():
            out.extend(_items(items, field, str(category)))
        return out
    return _items(raw, field, "")


def words(raw: Any, field: str) -> list[str]:
    """The terms of a word list, without categories or replacements."""
    return [term for term, _ in word_entries(raw, field)]


def category_levels(raw: Mapping[str, Any], categories: set[str], field: str) -> dict[str, str]:
    """Validate a ``{category: level}`` mapping against the known categories."""
    out: dict[str, str] = {}
    for category, level in raw.items():
        if str(category) not in categories:
            raise OptionError(field, f"unknown category {category!r}")
        if level not in LEVELS:
            raise OptionError(field, f"level of {category!r} must be one of {', '.join(LEVELS)}")
        out[str(category)] = str(level)
    return out


def shown(alternatives: tuple[str, ...]) -> str:
    """Alternatives for a message: ``'a' or 'b'``, "deleting it", or a hint to rephrase."""
    if not alternatives:
        return "rephrase or attribute it"
    return " or ".join(f"'{a}'" if a else "deleting it" for a in alternatives)


def entry_values(entry: Entry, original: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Message fields and case-matched alternatives for an entry matched as ``original``."""
    from newslint.engine.support.phrases import match_case

    alternatives = tuple(match_case(a, original) for a in entry.alternatives)
    values = {
        "category": entry.category,
        "replacements": shown(alternatives),
        "replacement": alternatives[0] if alternatives else "",
    }
    return values, alternatives


# -- word lists in .txt files -----------------------------------------------------------------


def _is_word_file(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower().endswith(WORD_FILE_SUFFIX)


def read_word_file(path: str) -> list[Any]:
    """The entries of a ``.txt`` word list: terms, and ``{term: replacement}`` for ``->`` lines.

    Raises RuleError naming the file and line of a bad entry.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError as exc:
        raise RuleError(path, None, None, f"cannot read word list ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise RuleError(path, None, None, "word list is not UTF-8 text") from None
    entries: list[Any] = []
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if text.startswith("#"):
            continue
        cut = min((text.find(mark) for mark in (" #", "\t#") if mark in text), default=-1)
        text = (text[:cut] if cut >= 0 else text).strip()
        if not text:
            continue
        if "->" not in text:
            entries.append(text)
            continue
        term, _, rest = (part.strip() for part in text.partition("->"))
        if not term:
            raise RuleError(path, number, None, "no term before '->'")
        if not rest:
            raise RuleError(
                path, number, None, f"nothing after '->' (write ~ for no replacement, or {DELETE})"
            )
        if rest == "~":
            entries.append({term: None})
            continue
        alternatives = [a.strip() for a in rest.split("|")]
        if not all(alternatives):
            raise RuleError(path, number, None, "empty alternative between '|' marks")
        entries.append({term: alternatives if len(alternatives) > 1 else alternatives[0]})
    return entries


def load_word_files(value: Any, rule_path: str, beside: bool = True) -> Any:
    """``value`` with every ``.txt`` reference (the whole list, or one category's entries)
    replaced by the file's entries; paths are relative to the file ``rule_path``.

    With ``beside``, a relative reference must name a file next to ``rule_path`` (the result
    cache hashes a pack's folder, not the folders below it); RuleError otherwise.
    """
    base = os.path.dirname(rule_path)

    def read(name: str) -> list[Any]:
        name = name.strip()
        if beside and not os.path.isabs(name) and os.path.dirname(name):
            raise RuleError(
                name, None, None, "a word list sits next to its rule file (no folder in the name)"
            )
        return read_word_file(os.path.join(base, name))

    if _is_word_file(value):
        return read(value)
    if isinstance(value, Mapping) and any(_is_word_file(v) for v in value.values()):
        return {key: read(v) if _is_word_file(v) else v for key, v in value.items()}
    return value


def anchor_word_files(value: Any, rule_path: str) -> Any:
    """``value`` with its ``.txt`` references made absolute, so a copy of the rule built from
    another file (per-repo settings in a config) still finds the rule file's word lists."""
    base = os.path.dirname(os.path.abspath(rule_path))
    if _is_word_file(value):
        return os.path.join(base, value.strip())
    if isinstance(value, Mapping):
        return {
            k: os.path.join(base, v.strip()) if _is_word_file(v) else v for k, v in value.items()
        }
    return value


def referenced_word_files(value: Any, rule_path: str) -> list[str]:
    """The ``.txt`` files a word-list value names (for cache keys), relative to ``rule_path``."""
    base = os.path.dirname(rule_path)
    candidates = list(value.values()) if isinstance(value, Mapping) else [value]
    return [os.path.join(base, v.strip()) for v in candidates if _is_word_file(v)]
