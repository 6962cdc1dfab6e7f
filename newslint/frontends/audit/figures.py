"""The dashboard's figures, aggregated from an audit folder's Parquet datasets.

Both datasets are read in batches of a few columns, file by file, so memory holds the figures
(per period, per group value, per word) and never the findings themselves. Each figure keeps a
few example documents (the ones with the most of what it counts) for the page to link down to.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

#: metadata the "by section or author" charts use by default, those an audit has, in this order
GROUP_COLUMNS = ("section", "category", "categories", "desk", "component", "author", "byline")
TITLE_COLUMNS = ("title", "headline")
URL_COLUMNS = ("url", "link", "permalink")
#: examples kept per table row, findings shown per example document
EXAMPLES = 3
FINDINGS_PER_EXAMPLE = 25
TOP_VALUES = 20
TOP_WORDS = 20
LOADED_RULE = "bias.loaded"
BOILERPLATE = "boilerplate"
ORPHAN_RULE = "quotes.orphan"
UNDATED = ""

_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2}))?")
_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%m/%d/%Y", "%a, %d %b %Y")

DocKey = tuple[str, int]  # (path, row or -1): one document of the audit


def month_of(value: str | None) -> str:
    """``YYYY-MM`` (or ``YYYY-00`` when only the year is known) of a date, "" when none."""
    if not value:
        return UNDATED
    text = value.strip()
    m = _ISO.match(text)
    if m and 1800 < int(m.group(1)) < 2200:
        month = int(m.group(2) or 0)
        return f"{m.group(1)}-{month:02d}" if month <= 12 else f"{m.group(1)}-00"
    head = text.split("T")[0].split(" +")[0]
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(head.strip(), fmt)
        except ValueError:
            continue
        return f"{parsed.year}-{parsed.month:02d}"
    return UNDATED


class Top:
    """The ``k`` documents with the highest score (ties: the first seen)."""

    def __init__(self, k: int = EXAMPLES) -> None:
        self.k = k
        self._heap: list[tuple[float, int, DocKey]] = []
        self._seen = 0

    def add(self, score: float, doc: DocKey) -> None:
        self._seen += 1
        entry = (score, -self._seen, doc)
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, entry)
        elif entry > self._heap[0]:
            heapq.heapreplace(self._heap, entry)

    def merge(self, other: Top) -> None:
        for score, _, doc in other._heap:
            self.add(score, doc)

    def docs(self) -> list[DocKey]:
        return [doc for _, _, doc in sorted(self._heap, reverse=True)]


@dataclass
class Tally:
    """Documents, words and what the dashboard counts, for one period or group value."""

    docs: int = 0
    words: int = 0
    quotes: int = 0
    orphans: int = 0
    named: int = 0
    unnamed: int = 0
    families: Counter[str] = field(default_factory=Counter)
    genres: Counter[str] = field(default_factory=Counter)
    examples: Top = field(default_factory=Top)
    orphan_examples: Top = field(default_factory=Top)

    def merge(self, other: Tally) -> None:
        for name in ("docs", "words", "quotes", "orphans", "named", "unnamed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.families.update(other.families)
        self.genres.update(other.genres)
        self.examples.merge(other.examples)
        self.orphan_examples.merge(other.orphan_examples)

    def per_1000(self, family: str) -> float:
        return round(1000 * self.families[family] / self.words, 3) if self.words else 0.0

    @property
    def orphan_rate(self) -> float | None:
        return round(self.orphans / self.quotes, 4) if self.quotes else None

    @property
    def unnamed_share(self) -> float | None:
        sources = self.named + self.unnamed
        return round(self.unnamed / sources, 4) if sources else None


@dataclass
class Word:
    """A loaded word: how often, in how many documents, its alternatives and its trend."""

    count: int = 0
    docs: int = 0
    alternatives: Counter[str] = field(default_factory=Counter)
    by_period: Counter[str] = field(default_factory=Counter)
    examples: Top = field(default_factory=Top)
    _last: DocKey | None = None


@dataclass
class Leak:
    """One kind of boilerplate leak (a boilerplate rule): findings, documents, examples."""

    count: int = 0
    docs: int = 0
    examples: Top = field(default_factory=Top)
    _last: DocKey | None = None


@dataclass
class Example:
    """A document the page links to: its metadata and (some of) its findings."""

    key: DocKey
    doc_id: str
    title: str | None
    url: str | None
    date: str | None
    words: int | None
    findings: list[dict[str, Any]] = field(default_factory=list)
    more: int = 0

    @property
    def anchor(self) -> str:
        return anchor(self.key)


def anchor(key: DocKey) -> str:
    """The page anchor of a document (the same on every run)."""
    digest = hashlib.sha1(f"{key[0]}\0{key[1]}".encode()).hexdigest()[:12]
    return f"doc-{digest}"


@dataclass
class Figures:
    """Everything the dashboard shows."""

    documents: int = 0
    unreadable: int = 0
    skipped: int = 0  # not linted: empty, or not English
    words: int = 0
    findings: int = 0
    families: list[str] = field(default_factory=list)
    granularity: str = "year"  # or "month", or "" when no document has a date
    periods: dict[str, Tally] = field(default_factory=dict)
    undated: int = 0
    total: Tally = field(default_factory=Tally)
    groups: dict[str, dict[str, Tally]] = field(default_factory=dict)
    group_sizes: dict[str, int] = field(default_factory=dict)
    words_loaded: dict[str, Word] = field(default_factory=dict)
    loaded_total: int = 0
    leaks: dict[str, Leak] = field(default_factory=dict)
    examples: dict[DocKey, Example] = field(default_factory=dict)
    genre_examples: dict[str, Top] = field(default_factory=dict)
    date_column: str | None = None


def _files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("part-*.parquet"))


def _batches(folder: Path, columns: Sequence[str]) -> Iterator[dict[str, list[Any]]]:
    """The datasets' rows, a batch at a time, as columns of Python values."""
    import pyarrow.parquet as pq

    for path in _files(folder):
        handle = pq.ParquetFile(path)
        have = set(handle.schema_arrow.names)
        wanted = [c for c in columns if c in have]
        for batch in handle.iter_batches(batch_size=4096, columns=wanted):
            data = batch.to_pydict()
            rows = batch.num_rows
            for c in columns:
                if c not in data:
                    data[c] = [None] * rows
            yield data


def _key(path: str, row: int | None) -> DocKey:
    return (path, -1 if row is None else row)


def aggregate(
    root: Path,
    meta: Sequence[str],
    date_column: str | None = None,
    group_by: Sequence[str] | None = None,
) -> Figures:
    """The figures of the audit in ``root`` (``meta``: its metadata columns)."""
    figures = Figures()
    date_column = date_column or ("date" if "date" in meta else None)
    figures.date_column = date_column
    groups = list(group_by) if group_by else [c for c in GROUP_COLUMNS if c in meta]
    title_column = next((c for c in TITLE_COLUMNS if c in meta), None)
    url_column = next((c for c in URL_COLUMNS if c in meta), None)
    _documents_pass(root, figures, date_column, groups)
    _findings_pass(root, figures, date_column)
    _roll_up(figures)
    _examples_pass(root, figures, title_column, url_column, date_column)
    return figures


def _documents_pass(
    root: Path, figures: Figures, date_column: str | None, groups: Sequence[str]
) -> None:
    import pyarrow.parquet as pq

    files = _files(root / "documents")
    families = []
    if files:
        names = pq.ParquetFile(files[0]).schema_arrow.names
        families = [n[len("findings_") :] for n in names if n.startswith("findings_")]
    figures.families = families
    columns = [
        "path",
        "row",
        "error",
        "notice",
        "words",
        "quotes",
        "orphan_quotes",
        "named_sources",
        "unnamed_sources",
        "genre",
        "findings",
        *(f"findings_{f}" for f in families),
        *([date_column] if date_column else []),
        *groups,
    ]
    by_group: dict[str, dict[str, Tally]] = {g: {} for g in groups}
    for data in _batches(root / "documents", columns):
        for i in range(len(data["path"])):
            figures.documents += 1
            if data["error"][i]:
                figures.unreadable += 1
                continue
            words = data["words"][i]
            if not words:
                figures.skipped += 1
                continue
            key = _key(data["path"][i], data["row"][i])
            tally = Tally(
                docs=1,
                words=words,
                quotes=data["quotes"][i] or 0,
                orphans=data["orphan_quotes"][i] or 0,
                named=data["named_sources"][i] or 0,
                unnamed=data["unnamed_sources"][i] or 0,
            )
            for family in families:
                n = data[f"findings_{family}"][i] or 0
                if n:
                    tally.families[family] = n
            genre = data["genre"][i] or "unknown"
            tally.genres[genre] = 1
            figures.genre_examples.setdefault(genre, Top()).add(0, key)
            found = data["findings"][i] or 0
            tally.examples.add(found * 1000 / words if words >= 100 else 0, key)
            if tally.orphans:
                tally.orphan_examples.add(tally.orphans, key)
            figures.words += words
            figures.findings += found
            figures.total.merge(tally)
            month = month_of(data[date_column][i]) if date_column else UNDATED
            if month == UNDATED:
                figures.undated += 1
            else:
                figures.periods.setdefault(month, Tally()).merge(tally)
            for group in groups:
                value = data[group][i]
                for part in (value or "(none)").split("; "):
                    by_group[group].setdefault(part.strip() or "(none)", Tally()).merge(tally)
    for group, values in by_group.items():
        if set(values) <= {"(none)"}:  # no document has this metadata: no chart
            continue
        ranked = sorted(values.items(), key=lambda kv: (-kv[1].docs, kv[0]))
        figures.groups[group] = dict(ranked[:TOP_VALUES])
        figures.group_sizes[group] = len(values)


def _findings_pass(root: Path, figures: Figures, date_column: str | None) -> None:
    columns = ["path", "row", "rule", "family", "match", "suggestions"]
    if date_column:
        columns.append(date_column)
    for data in _batches(root / "findings", columns):
        rules, families = data["rule"], data["family"]
        for i in range(len(rules)):
            rule = rules[i]
            if rule == LOADED_RULE:
                key = _key(data["path"][i], data["row"][i])
                word = figures.words_loaded.setdefault(
                    " ".join(data["match"][i].lower().split()), Word()
                )
                word.count += 1
                figures.loaded_total += 1
                if word._last != key:
                    word.docs += 1
                    word._last = key
                    word.examples.add(1, key)
                word.alternatives.update(data["suggestions"][i] or ())
                month = month_of(data[date_column][i]) if date_column else UNDATED
                if month != UNDATED:
                    word.by_period[month] += 1
            elif families[i] == BOILERPLATE:
                key = _key(data["path"][i], data["row"][i])
                leak = figures.leaks.setdefault(rule, Leak())
                leak.count += 1
                if leak._last != key:
                    leak.docs += 1
                    leak._last = key
                    leak.examples.add(1, key)
    ranked = sorted(figures.words_loaded.items(), key=lambda kv: (-kv[1].count, kv[0]))
    figures.words_loaded = dict(ranked[:TOP_WORDS])
    figures.leaks = dict(sorted(figures.leaks.items(), key=lambda kv: (-kv[1].count, kv[0])))


def _roll_up(figures: Figures) -> None:
    """Months into years when the dates span three years or more (or some lack a month)."""
    months = sorted(figures.periods)
    if not months:
        figures.granularity = ""
        return
    years = {m[:4] for m in months}
    by_year = len(years) >= 3 or any(m.endswith("-00") for m in months)
    figures.granularity = "year" if by_year else "month"
    if not by_year:
        return
    rolled: dict[str, Tally] = {}
    for month in months:
        rolled.setdefault(month[:4], Tally()).merge(figures.periods[month])
    figures.periods = rolled
    for word in figures.words_loaded.values():
        counts: Counter[str] = Counter()
        for month, n in word.by_period.items():
            counts[month[:4]] += n
        word.by_period = counts


def example_keys(figures: Figures) -> list[DocKey]:
    """Every document some figure links to, each once, in a stable order."""
    keys: dict[DocKey, None] = {}

    def take(docs: Iterable[DocKey]) -> None:
        keys.update(dict.fromkeys(docs))

    for tally in figures.periods.values():
        take(tally.examples.docs())
        take(tally.orphan_examples.docs())
    take(figures.total.examples.docs())
    take(figures.total.orphan_examples.docs())
    for values in figures.groups.values():
        for tally in values.values():
            take(tally.examples.docs())
    for word in figures.words_loaded.values():
        take(word.examples.docs())
    for leak in figures.leaks.values():
        take(leak.examples.docs())
    for top in figures.genre_examples.values():
        take(top.docs())
    return list(keys)


def _examples_pass(
    root: Path,
    figures: Figures,
    title_column: str | None,
    url_column: str | None,
    date_column: str | None,
) -> None:
    wanted = set(example_keys(figures))
    if not wanted:
        return
    columns = ["path", "row", "doc_id", "words"] + [
        c for c in (title_column, url_column, date_column) if c
    ]
    for data in _batches(root / "documents", columns):
        for i in range(len(data["path"])):
            key = _key(data["path"][i], data["row"][i])
            if key in wanted:
                figures.examples[key] = Example(
                    key,
                    data["doc_id"][i],
                    data[title_column][i] if title_column else None,
                    data[url_column][i] if url_column else None,
                    data[date_column][i] if date_column else None,
                    data["words"][i],
                )
    columns = ["path", "row", "rule", "level", "line", "column", "match", "message", "sentence"]
    for data in _batches(root / "findings", columns):
        for i in range(len(data["path"])):
            example = figures.examples.get(_key(data["path"][i], data["row"][i]))
            if example is None:
                continue
            if len(example.findings) >= FINDINGS_PER_EXAMPLE:
                example.more += 1
                continue
            example.findings.append({c: data[c][i] for c in columns[2:]})
