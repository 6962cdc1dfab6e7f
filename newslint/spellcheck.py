"""Public spelling API of newslint (implemented in the newslint.spelling package)."""

from newslint.spelling import (
    SpellChecker,
    Typo,
    find_typos,
    get_checker,
    known_misspellings,
    safe_fix,
)

__all__ = ["SpellChecker", "Typo", "find_typos", "get_checker", "known_misspellings", "safe_fix"]
