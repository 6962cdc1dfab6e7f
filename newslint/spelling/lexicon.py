"""The word list with frequencies, built once from installed packages and cached on disk.

The cache is a marshal file under ``$XDG_CACHE_HOME/newslint`` (or ``~/.cache/newslint``),
named after the versions of everything it is built from, so an upgrade rebuilds it. If the
cache directory is not writable the lexicon is simply rebuilt in memory.
"""

from __future__ import annotations

import hashlib
import marshal
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newslint.spelling import errormodel, sources
from newslint.spelling.deletes import DeleteIndex
from newslint.spelling.errormodel import ErrorModel
from newslint.spelling.hunspell import expand
from newslint.spelling.phonetic import phonetic_key
from newslint.spelling.suggest import TARGET_MIN_ZIPF10, Suggester
from newslint.storage import disk_cache
from newslint.versions import package_version

FORMAT_VERSION = "8"
# Proper nouns rank below common words as suggestions for lower-case misspellings (zipf x 10).
PROPER_NOUN_PENALTY = 10
# wordfreq words at least this common (zipf) that Hunspell lacks count as words, unless codespell
# lists them as misspellings. 2.0 is about once per ten million words: it admits technical and
# modern vocabulary (chipset, leptin, influencer) at the price of ~3% of real misspellings that the
# web repeats often enough to be attested (measured on benchmarks/spelling_eval.py).
WORDFREQ_MIN_ZIPF = 2.0
_PLAIN_WORD = re.compile(r"[a-z]{3,}")
_TARGET = re.compile(r"[a-z]+")


def news_vocab_text() -> str:
    """Our own news vocabulary (agencies, news words, abbreviations), one entry a line."""
    return (Path(__file__).parent.parent / "data" / "news_vocab.txt").read_text(encoding="utf-8")


def parse_vocab(text: str) -> list[str]:
    """Entries of a vocabulary file: one per line, '#' starts a comment."""
    words = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.append(entry)
    return words


def cache_key() -> str:
    """Short hash of everything the lexicon is built from."""
    parts = [
        FORMAT_VERSION,
        str(WORDFREQ_MIN_ZIPF),
        package_version("newslint"),
        package_version("spylls"),
        package_version("wordfreq"),
        package_version("codespell"),
        news_vocab_text(),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


@dataclass
class Lexicon:
    """Known word forms (case as in the sources), plus the columns the suggester needs.

    Suggestion columns (aligned, sorted by phonetic key): lower-case word, its preferred form
    ("" when equal to the lower-case word), zipf x 10 and phonetic key.
    """

    forms: frozenset[str]
    _columns: tuple[str, str, bytes, str] = field(repr=False)
    _common: dict[int, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def common_words(self, min_zipf10: int) -> frozenset[str]:
        """Lower-case words at least this common (zipf x 10, as the suggester ranks them),
        without setting up the suggester (computed once per threshold)."""
        found = self._common.get(min_zipf10)
        if found is None:
            lows, _, zipfs, _ = self._columns
            found = self._common[min_zipf10] = frozenset(
                w for w, z in zip(lows.split("\n"), zipfs, strict=True) if z >= min_zipf10
            )
        return found

    @classmethod
    def from_table(cls, words: dict[str, int]) -> Lexicon:
        """Build from a form -> zipf x 10 mapping (computes phonetic keys: slow)."""
        best: dict[str, tuple[str, int]] = {}
        for form, z10 in words.items():
            if form.endswith("'s"):
                continue
            low = form.lower()
            score = z10 - (PROPER_NOUN_PENALTY if form != low else 0)
            if low not in best or score > best[low][1]:
                best[low] = (form, max(score, 0))
        rows = sorted(
            (phonetic_key(low) if low.isalpha() else "", low, form, z10)
            for low, (form, z10) in best.items()
        )
        columns = (
            "\n".join(r[1] for r in rows),
            "\n".join("" if r[2] == r[1] else r[2] for r in rows),
            bytes(min(r[3], 255) for r in rows),
            "\n".join(r[0] for r in rows),
        )
        return cls(frozenset(words), columns)

    def suggester(self, model: ErrorModel | None = None) -> Suggester:
        """A Suggester over this lexicon (about 0.1 s to set up from the disk cache).

        ``model`` replaces the error model learned from all of codespell (for held-out tuning).
        """
        lows, forms, zipfs, keys = self._columns
        low_list = lows.split("\n")
        key_list = keys.split("\n")
        # the entries are needed only to build an index the disk cache lacks
        targets = lru_cache(maxsize=1)(lambda: suggestion_targets(low_list, zipfs))
        index = load_delete_index("deletes", targets)
        sounds = load_delete_index(
            "sounds",
            lambda: [k if w else None for w, k in zip(targets(), key_list, strict=True)],
        )
        model = model or load_error_model()
        return Suggester(low_list, forms.split("\n"), zipfs, key_list, index, model, sounds)

    def dump(self) -> bytes:
        """Compact serialised form for the disk cache."""
        return marshal.dumps(("\n".join(self.forms), self._columns))

    @classmethod
    def loads(cls, blob: bytes) -> Lexicon:
        """Inverse of dump()."""
        joined, columns = marshal.loads(blob)
        return cls(frozenset(joined.split("\n")), tuple(columns))


def build_words() -> dict[str, int]:
    """Build the form -> zipf x 10 table from the sources (slow: about a second)."""
    dic, aff = sources.hunspell_paths()
    forms = set(expand(dic, aff))
    forms.update(key for key, _ in sources.read_codespell(sources.CODESPELL_VARIANT_FILES[0]))
    forms.update(parse_vocab(news_vocab_text()))
    zipf = sources.wordfreq_zipf()
    nonwords = {
        key.lower()
        for name in sources.CODESPELL_NONWORD_FILES
        for key, _ in sources.read_codespell(name)
    }
    lower_known = {f.lower() for f in forms}
    for word, z in zipf.items():
        if z < WORDFREQ_MIN_ZIPF:
            continue
        if _PLAIN_WORD.fullmatch(word) and word not in lower_known and word not in nonwords:
            forms.add(word)
    return {f: int(round(zipf.get(f.lower(), 0.0) * 10)) for f in forms}


def cached(name: str, build: Callable[[], bytes], use_cache: bool = True) -> bytes:
    """Bytes of the disk-cache entry ``name``, keyed by the lexicon's sources, built if missing."""
    return disk_cache.cached_bytes(name, cache_key(), build, use_cache)


def load_lexicon(use_cache: bool = True) -> Lexicon:
    """Load the lexicon from the disk cache, building and saving it if needed."""
    blob = cached("lexicon", lambda: Lexicon.from_table(build_words()).dump(), use_cache)
    try:
        return Lexicon.loads(blob)
    except (EOFError, ValueError, TypeError):
        return Lexicon.from_table(build_words())


def suggestion_targets(lows: list[str], zipfs: bytes) -> list[str | None]:
    """Words worth suggesting, by position: plain lower-case words at least TARGET_MIN_ZIPF10."""
    return [
        w if z >= TARGET_MIN_ZIPF10 and _TARGET.fullmatch(w) else None
        for w, z in zip(lows, zipfs, strict=True)
    ]


def load_delete_index(name: str, entries: Callable[[], list[str | None]]) -> DeleteIndex:
    """A delete index of ``entries()`` by position, disk-cached as ``name`` beside the lexicon
    (``entries`` is called only when the index has to be built)."""
    blob = cached(name, lambda: DeleteIndex.build(entries()).dump())
    try:
        return DeleteIndex.loads(blob)
    except ValueError:
        return DeleteIndex.build(entries())


def load_error_model() -> ErrorModel:
    """The substring error model learned from all of codespell's pairs (disk-cached)."""
    from newslint.spelling.misspellings import known_misspellings

    def build() -> bytes:
        pairs = ((typo, fixes[0]) for typo, fixes in known_misspellings().items() if fixes)
        return errormodel.dump(errormodel.train(pairs))

    try:
        return ErrorModel(errormodel.loads(cached(f"errormodel-v{errormodel.VERSION}", build)))
    except (EOFError, ValueError, TypeError):
        return ErrorModel(errormodel.loads(build()))
