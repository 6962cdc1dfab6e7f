"""Curated word lists with categories, neutral alternatives and per-category levels (shared by kinds)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newslint.engine.kind import Option, OptionError, string_list

LEVELS = ("error", "warning", "suggestion")

CATEGORY_LEVELS_OPTION = Option(
    (dict,), default={}, help="category -> level (error|warning|suggestion) overriding the rule's"
)


@dataclass(frozen=True)
class Entry:
    """One lexicon term: its category and neutral alternatives (may be empty)."""

    category: str
    alternatives: tuple[str, ...]


def lexicon_entries(raw: Any, field: str) -> list[tuple[str, Entry]]:
    """``(term, Entry)`` pairs from ``{category: {term: alternative(s)}}`` or ``{category: [terms]}``.

    A plain list (no categories) is accepted too; a ``null`` or ``""`` alternative means "no neutral
    word: rephrase or attribute".
    """
    if isinstance(raw, list):
        raw = {"": raw}
    if not isinstance(raw, Mapping):
        raise OptionError(field, "must map categories to terms")
    out: list[tuple[str, Entry]] = []
    for category, terms in raw.items():
        if isinstance(terms, Mapping):
            for term, alt in terms.items():
                alts = () if alt in (None, "") else tuple(string_list(alt, field))
                out.append((str(term), Entry(str(category), alts)))
        else:
            out.extend((t, Entry(str(category), ())) for t in string_list(terms, field))
    if not out:
        raise OptionError(field, "must hold at least one term")
    return out


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
    """Alternatives for a message: ``'a' or 'b'``, or a hint to rephrase."""
    return (
        " or ".join(f"'{a}'" for a in alternatives) if alternatives else "rephrase or attribute it"
    )


def entry_values(entry: Entry, original: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Message fields and case-matched alternatives for a lexicon entry matched as ``original``."""
    from newslint.engine.support.phrases import match_case

    alternatives = tuple(match_case(a, original) for a in entry.alternatives)
    values = {
        "category": entry.category,
        "replacements": shown(alternatives),
        "replacement": alternatives[0] if alternatives else "",
    }
    return values, alternatives
