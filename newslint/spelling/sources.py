"""Locate and read the third-party word data that the speller builds on (never copied here).

* Hunspell en_US, bundled with the ``spylls`` package: the "is this a word" list.
* ``wordfreq`` (large English list): word frequencies to rank suggestions, and very common
  words that Hunspell lacks (British spellings, modern coinages).
* ``codespell``: curated common misspellings and the British-to-American variant list.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

CODESPELL_TYPO_FILES = ("dictionary.txt",)
CODESPELL_VARIANT_FILES = ("dictionary_en-GB_to_en-US.txt",)
# Keys of these files are misspellings or questionable forms: never let wordfreq re-admit them.
CODESPELL_NONWORD_FILES = (
    "dictionary.txt",
    "dictionary_rare.txt",
    "dictionary_informal.txt",
    "dictionary_usage.txt",
)


def hunspell_paths() -> tuple[Path, Path]:
    """Paths of the en_US .dic and .aff files shipped inside spylls."""
    from importlib.resources import files

    base = files("spylls.hunspell") / "data" / "en"
    return Path(str(base / "en_US.dic")), Path(str(base / "en_US.aff"))


def codespell_data_dir() -> Path:
    """Directory holding the installed codespell dictionaries."""
    from importlib.resources import files

    return Path(str(files("codespell_lib") / "data"))


def read_codespell(filename: str) -> Iterator[tuple[str, str]]:
    """Yield (misspelling, raw correction text) pairs of one codespell dictionary file."""
    text = (codespell_data_dir() / filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        key, sep, data = line.partition("->")
        if sep:
            yield key.strip(), data.strip()


def wordfreq_zipf() -> dict[str, float]:
    """Zipf frequency (log10 per billion words) of every word in wordfreq's large English list."""
    from wordfreq import get_frequency_dict

    return {w: math.log10(f) + 9.0 for w, f in get_frequency_dict("en", wordlist="large").items()}
