"""Offline spelling for news copy: dictionary, suggestions and the news-aware typo policy."""

from newslint.spelling.checker import SpellChecker, get_checker
from newslint.spelling.misspellings import is_misspelling, known_misspellings, safe_fix
from newslint.spelling.typos import Typo, find_typos

__all__ = [
    "SpellChecker",
    "Typo",
    "find_typos",
    "get_checker",
    "is_misspelling",
    "known_misspellings",
    "safe_fix",
]
