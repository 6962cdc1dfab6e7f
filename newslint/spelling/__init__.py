"""Offline spelling for news copy: dictionary, suggestions and the news-aware typo policy.

The names below load on first use (PEP 562), so importing a light module of the package, such as
``newslint.spelling.reasons``, does not import the dictionary machinery.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "SpellChecker": "checker",
    "get_checker": "checker",
    "is_misspelling": "misspellings",
    "known_misspellings": "misspellings",
    "safe_fix": "misspellings",
    "Typo": "typos",
    "find_typos": "typos",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
