"""The shared language pipeline: spaCy's blank English tokenizer with a sentencizer, and a lemma
lookup table.

Everything here is loaded lazily and once per process. No pretrained spaCy model is needed; when an
installed English pipeline is asked for in the config (``nlp.model``), it is used instead.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newslint.storage import disk_cache as cache

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_LENGTH = 20_000_000


def get_nlp(model: str | None = None) -> Language:
    """The tokenizer + sentencizer pipeline (an installed model when ``model`` names one)."""
    return _build_nlp(model or None)  # one pipeline for get_nlp(), get_nlp(None), get_nlp("")


@lru_cache(maxsize=4)
def _build_nlp(model: str | None) -> Language:
    from newslint.analysis.lazy_spacy import import_spacy

    spacy = import_spacy()  # (also for the blank pipeline: the import without spaCy's CLI)
    if not model:
        return BlankEnglish()  # type: ignore[return-value]
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        from newslint.errors import UsageError

        raise UsageError(f"spaCy model {model!r} is not installed ({exc})") from None
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_LENGTH
    return nlp


class BlankEnglish:
    """What newslint uses of ``spacy.blank("en")`` with a sentencizer: the same vocabulary and
    tokenizer, made by spaCy's own factories, without building a ``Language`` (its config
    resolution and validation cost ~0.1 s of every start). ``tests/test_nlp.py`` compares it with
    ``spacy.blank("en")``."""

    lang = "en"
    pipe_names = ("sentencizer",)

    def __init__(self) -> None:
        from spacy.lang.en import English
        from spacy.language import create_tokenizer
        from spacy.pipeline import Sentencizer
        from spacy.vocab import create_vocab

        self.Defaults = English.Defaults
        self.vocab = create_vocab(self.lang, English.Defaults)
        self.tokenizer = create_tokenizer()(self)
        self.pipeline = [("sentencizer", Sentencizer(name="sentencizer"))]
        self.max_length = MAX_LENGTH

    def make_doc(self, text: str) -> Doc:
        return self.tokenizer(text)


def lookups_file(name: str) -> str:
    """Path of a data file shipped in spacy-lookups-data (found without importing the package)."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.origin:
        from newslint.errors import UsageError

        raise UsageError("the spacy-lookups-data package is not installed")
    return os.path.join(os.path.dirname(spec.origin), "data", name)


def _file_key(path: str) -> str:
    """The data file's package version and size: the same in every virtual environment (an
    mtime would differ per install and leave a stale copy in the user cache each time)."""
    from newslint.versions import package_version

    return f"{package_version('spacy-lookups-data')}-{os.stat(path).st_size}"


def _read_json_gz(path: str) -> Any:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """Lower-case word form -> lower-case lemma, from spacy-lookups-data (disk-cached)."""
    path = lookups_file("en_lemma_lookup.json.gz")

    def build() -> dict[str, str]:
        table: dict[str, str] = _read_json_gz(path)
        return {
            k.lower(): v.lower()
            for k, v in table.items()
            if k == k.lower() or k.lower() not in table
        }

    return cache.memo(f"lemmas-{_file_key(path)}", build)


def lemma(word: str) -> str:
    """Lemma of a word form (lower-cased); the word itself when the table does not know it."""
    low = word.lower()
    return lemma_table().get(low, low)


@lru_cache(maxsize=1)
def wordnet_index() -> dict[str, frozenset[str]]:
    """WordNet lemma lists by part of speech (``verb``, ``noun``, ``adj``, ``adv``)."""

    path = lookups_file("en_lemma_index.json.gz")

    def build() -> dict[str, list[str]]:
        return {pos: sorted(words) for pos, words in _read_json_gz(path).items()}

    data = cache.memo(f"wordnet-{_file_key(path)}", build)
    return {pos: frozenset(words) for pos, words in data.items()}
