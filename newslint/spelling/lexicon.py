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

from newslint.spelling import admission, errormodel, sources
from newslint.spelling.deletes import DeleteIndex
from newslint.spelling.errormodel import ErrorModel
from newslint.spelling.hunspell import expand
from newslint.spelling.phonetic import phonetic_key
from newslint.spelling.suggest import TARGET_MIN_ZIPF10, Suggester
from newslint.storage import disk_cache
from newslint.versions import package_version

FORMAT_VERSION = "9"
# Proper nouns rank below common words as suggestions for lower-case misspellings (zipf x 10).
PROPER_NOUN_PENALTY = 10
# Admission of attested words that Hunspell lacks, by the noisy channel (admission.py). The
# constants are fitted on codespell's misspellings against Hunspell's own rare words, never on
# the evaluation sets (benchmarks/spelling_admission.py prints the fit).
#: channel score from which an attested word is an error for its nearby word (warning)
CHANNEL_ERROR = 1.5
#: channel score from which an attested word is doubtful: a suggestion, not a word
CHANNEL_DOUBT = 0.25
#: rare Hunspell forms ("withing", of "withe") this much explained by errors for a nearby word
#: are not taken as words; only rarer Hunspell forms than HUNSPELL_CHECKED_BELOW are checked
CHANNEL_ERROR_HUNSPELL = 1.0
HUNSPELL_CHECKED_BELOW = 3.0
#: attested words rarer than this (zipf: once in 30 million words) are rare words: a suggestion
#: when nothing else knows them, never a warning
RARE_ZIPF = 1.5
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
        str((CHANNEL_ERROR, CHANNEL_DOUBT, CHANNEL_ERROR_HUNSPELL, HUNSPELL_CHECKED_BELOW)),
        str((RARE_ZIPF, admission.TARGET_MIN_ZIPF, admission.GAP_MIN, admission.TOP_TARGETS)),
        str(errormodel.VERSION),
        package_version("newslint"),
        package_version("spylls"),
        package_version("wordfreq"),
        package_version("codespell"),
        news_vocab_text(),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Evidence:
    """What wordfreq and the noisy channel say about a word the lexicon does not admit.

    ``zipf``: its frequency on the web; ``channel``: log10 of how far errors for ``target`` (a
    much more frequent word nearby) explain that frequency, None when no such word is near;
    ``hunspell``: Hunspell lists it (a rare form such as "withing").
    """

    zipf: float
    channel: float | None
    target: str
    hunspell: bool

    @property
    def error(self) -> bool:
        """Clearly an error for ``target``: the channel explains the word's frequency."""
        if self.channel is None:
            return False
        bar = CHANNEL_ERROR_HUNSPELL if self.hunspell else CHANNEL_ERROR
        return self.channel >= bar


def admitted(zipf: float, channel: float | None) -> bool:
    """Does an attested word that Hunspell lacks count as a word? Only when it is not rare and
    no error for a nearby word explains its frequency as well as its being a word does."""
    return zipf >= RARE_ZIPF and (channel is None or channel < CHANNEL_DOUBT)


#: channel scores are stored as signed tenths; this byte means "no nearby word"
_NO_CHANNEL = 0


@dataclass
class Lexicon:
    """Known word forms (case as in the sources), plus the columns the suggester needs.

    Suggestion columns (aligned, sorted by phonetic key): lower-case word, its preferred form
    ("" when equal to the lower-case word), zipf x 10 and phonetic key.
    """

    forms: frozenset[str]
    _columns: tuple[str, str, bytes, str] = field(repr=False)
    #: attested words not admitted: words, zipf x 10, channel x 10 + 128 (0: none), targets,
    #: and which of them Hunspell lists
    _attested: tuple[str, bytes, bytes, str, bytes] = field(
        default=("", b"", b"", "", b""), repr=False
    )
    _common: dict[int, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _zipfs: dict[int, dict[str, int]] = field(default_factory=dict, repr=False, compare=False)
    _evidence: tuple[dict[str, int], list[str]] | None = field(
        default=None, repr=False, compare=False
    )

    def evidence(self, low: str) -> Evidence | None:
        """The web's evidence on a lower-case word the lexicon does not admit (None when the
        word is unattested, or admitted)."""
        words, zipfs, channels, targets, hunspell = self._attested
        if self._evidence is None:  # split on the first unknown word of a process (~20 ms)
            index = {w: i for i, w in enumerate(words.split("\n"))} if words else {}
            self._evidence = (index, targets.split("\n"))
        index, target_list = self._evidence
        i = index.get(low)
        if i is None:
            return None
        channel = channels[i]
        return Evidence(
            zipfs[i] / 10.0,
            None if channel == _NO_CHANNEL else (channel - 128) / 10.0,
            target_list[i],
            bool(hunspell[i]),
        )

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

    def common_zipfs(self, min_zipf10: int) -> dict[str, int]:
        """Lower-case words at least this common -> zipf x 10 (computed once per threshold)."""
        found = self._zipfs.get(min_zipf10)
        if found is None:
            lows, _, zipfs, _ = self._columns
            found = self._zipfs[min_zipf10] = {
                w: z for w, z in zip(lows.split("\n"), zipfs, strict=True) if z >= min_zipf10
            }
        return found

    @classmethod
    def from_table(
        cls, words: dict[str, int], attested: dict[str, Evidence] | None = None
    ) -> Lexicon:
        """Build from a form -> zipf x 10 mapping and the evidence on attested words that are
        not admitted (computes phonetic keys: slow)."""
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
        entries = sorted((attested or {}).items())
        evidence = (
            "\n".join(w for w, _ in entries),
            bytes(min(round(e.zipf * 10), 255) for _, e in entries),
            bytes(
                _NO_CHANNEL if e.channel is None else max(1, min(255, round(e.channel * 10) + 128))
                for _, e in entries
            ),
            "\n".join(e.target for _, e in entries),
            bytes(e.hunspell for _, e in entries),
        )
        return cls(frozenset(words), columns, evidence)

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
        return marshal.dumps(("\n".join(self.forms), self._columns, self._attested))

    @classmethod
    def loads(cls, blob: bytes) -> Lexicon:
        """Inverse of dump()."""
        joined, columns, attested = marshal.loads(blob)
        return cls(frozenset(joined.split("\n")), tuple(columns), tuple(attested))


def build_words() -> tuple[dict[str, int], dict[str, Evidence]]:
    """Build the form -> zipf x 10 table from the sources, and the evidence on the attested
    words it does not admit (slow: about 15 s of CPU, once per install, then disk-cached)."""
    dic, aff = sources.hunspell_paths()
    hunspell = set(expand(dic, aff))
    forms = set(hunspell)
    forms.update(key for key, _ in sources.read_codespell(sources.CODESPELL_VARIANT_FILES[0]))
    vocab = parse_vocab(news_vocab_text())
    forms.update(vocab)
    zipf = sources.wordfreq_zipf()
    nonwords = {
        key.lower()
        for name in sources.CODESPELL_NONWORD_FILES
        for key, _ in sources.read_codespell(name)
    }
    lower_known = {f.lower() for f in forms}
    ours = {v.lower() for v in vocab}
    # Attested words Hunspell lacks, and Hunspell's own rare lower-case forms ("withing").
    # codespell's misspellings are never admitted, but their evidence is kept: it tells a
    # capitalised "Markey" (a name the web knows) from a sentence-initial "Recieve".
    queries = [
        w
        for w, z in zipf.items()
        if _PLAIN_WORD.fullmatch(w)
        and w not in ours
        and ((w in hunspell and z < HUNSPELL_CHECKED_BELOW) or w not in lower_known)
    ]
    channels = admission.channel_scores(queries, zipf, load_error_model())
    attested: dict[str, Evidence] = {}
    for w in queries:
        channel, target = channels.get(w, (None, ""))
        evidence = Evidence(zipf[w], channel, target, w in hunspell)
        if evidence.hunspell:
            if evidence.error:
                forms.discard(w)
                attested[w] = evidence
        elif w not in nonwords and admitted(evidence.zipf, channel):
            forms.add(w)
        else:
            attested[w] = evidence
    table = {f: int(round(zipf.get(f.lower(), 0.0) * 10)) for f in forms}
    return table, attested


def cached(name: str, build: Callable[[], bytes], use_cache: bool = True) -> bytes:
    """Bytes of the disk-cache entry ``name``, keyed by the lexicon's sources, built if missing."""
    return disk_cache.cached_bytes(name, cache_key(), build, use_cache)


def load_lexicon(use_cache: bool = True) -> Lexicon:
    """Load the lexicon from the disk cache, building and saving it if needed."""
    blob = cached("lexicon", lambda: Lexicon.from_table(*build_words()).dump(), use_cache)
    try:
        return Lexicon.loads(blob)
    except (EOFError, ValueError, TypeError):
        return Lexicon.from_table(*build_words())


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
