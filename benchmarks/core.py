"""What every measurement script shares: the evaluation corpora by source, one word counter, one
``is_english``, rates per 1,000 words, precision and recall, a per-source table that names the
worst source, and the stored results the eval tests read their limits from.

The scripts import it as a sibling module (``from core import ...``): Python puts a script's own
folder first on ``sys.path``. Importing it puts the project root there too, so a script measures
the newslint of this checkout whichever environment runs it.

Figures are reported per source (each corpus, each Markdown repo) because an aim must hold on the
worst source, not on the pooled mean. The evaluation data in ``../shared/eval`` is third-party:
it is read in place, and the results files hold figures and source names only, never its text.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT / "seeds" / "000_d2c5ac03fb099af7.txt"
RESULTS = ROOT / "benchmarks" / "results"
WARN_LEVELS = frozenset({"warning", "error"})


# -- where the data is --------------------------------------------------------------------------
def eval_path(*parts: str) -> Path:
    """A path under ``../shared/eval`` (it may not exist: see :func:`require`)."""
    return EVAL.joinpath(*parts)


def have(*parts: str) -> bool:
    """True when ``../shared/eval/PARTS`` is beside the project."""
    return eval_path(*parts).exists()


def require(*parts: str) -> Path:
    """``../shared/eval/PARTS``, or end the script with one line saying it is absent."""
    path = eval_path(*parts)
    if not path.exists():
        raise SystemExit(f"evaluation data not found at {path}")
    return path


# -- articles and their sources -----------------------------------------------------------------
@dataclass(frozen=True)
class Article:
    """One evaluation article: the source it belongs to, its file, and its reader format."""

    source: str
    path: Path
    fmt: str = "text"

    @property
    def name(self) -> str:
        """The file's path under ``../shared/eval`` (or under the project for the sample)."""
        for base in (EVAL, ROOT):
            if self.path.is_relative_to(base):
                return str(self.path.relative_to(base))
        return str(self.path)

    def read(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def document(self, detect_header: bool = True) -> Any:
        """The article as newslint's reader parses it (a ``Document``)."""
        from newslint.readers import parse

        return parse(self.read(), str(self.path), self.fmt, detect_header=detect_header)


@dataclass(frozen=True)
class Source:
    """A named collection of articles that share an origin (a corpus, a repo)."""

    name: str
    group: str
    articles: tuple[Article, ...]

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)


def _folder(name: str, group: str, folder: Path, pattern: str = "*.txt") -> Source:
    articles = tuple(Article(name, p) for p in sorted(folder.glob(pattern)))
    return Source(name, group, articles)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def markdown_sources() -> list[Source]:
    """Every Markdown repo under ``markdown/`` as its own source, named ``owner/repo`` as the
    manifests name it (``SOURCES.tsv``: repo, commit, path; ``MANIFEST-more.tsv``: repo, file)."""
    base = eval_path("markdown")
    by_repo: dict[str, list[Path]] = {}
    if (base / "SOURCES.tsv").is_file():
        # these repos sit flattened in one folder each (owner_repo), their files named after the
        # last parts of the repo path: 2015_07_2015-07-14-x.md for content/news/2015/07/...
        for repo in sorted({row["repo"] for row in _read_tsv(base / "SOURCES.tsv")}):
            folder = base / repo.replace("/", "_")
            by_repo[repo] = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".mdx"))
    if (base / "MANIFEST-more.tsv").is_file():
        for row in _read_tsv(base / "MANIFEST-more.tsv"):
            relative = Path(row["file"])
            relative = relative.relative_to(row["split"]) if row.get("split") else relative
            by_repo.setdefault(row["repo"], []).append(base / relative)
    return [
        Source(repo, "clean", tuple(Article(repo, p, "markdown") for p in sorted(paths)))
        for repo, paths in sorted(by_repo.items(), key=lambda kv: kv[0].lower())
    ]


#: the groups :func:`sources` knows, with what each holds
GROUPS = {
    "clean": "published copy for false-positive rates: scrapinghub, wikinews, each Markdown repo",
    "propaganda": "the PTC propaganda articles (gold spans in propaganda/ptc_spans.csv)",
    "polnear": "the PolNeAR political news articles (attributions in quotes/polnear/)",
    "seed": "the project's sample article",
}


@cache
def sources(group: str = "clean") -> tuple[Source, ...]:
    """The sources of a group (see :data:`GROUPS`) that are present, in a fixed order.

    ``clean`` is ``scrapinghub`` (clean/scrapinghub), ``wikinews`` (news/wikinews) and every
    Markdown repo, named ``owner/repo``. Absent corpora are left out (a plain clone has none).
    """
    if group == "clean":
        found = [
            _folder("scrapinghub", group, eval_path("clean", "scrapinghub")),
            _folder("wikinews", group, eval_path("news", "wikinews")),
            *markdown_sources(),
        ]
    elif group == "propaganda":
        found = [_folder("ptc", group, eval_path("propaganda", "articles"), "article*.txt")]
    elif group == "polnear":
        found = [_folder("polnear", group, eval_path("quotes", "polnear", "text"))]
    elif group == "seed":
        found = [Source("sample", group, (Article("sample", SEED),))]
    else:
        raise ValueError(f"unknown group {group!r} (one of {', '.join(GROUPS)})")
    return tuple(source for source in found if source.articles)


def source(name: str, group: str = "clean") -> Source:
    """One source of a group by name (``scrapinghub``, ``wikinews``, ``golang/website`` ...)."""
    for candidate in sources(group):
        if candidate.name == name:
            return candidate
    raise SystemExit(f"no source {name!r} in {group!r}: is ../shared/eval beside the project?")


def articles(group: str = "clean") -> list[Article]:
    """Every article of every source of a group, source by source."""
    return [article for src in sources(group) for article in src]


# -- labelled sentences -------------------------------------------------------------------------
@dataclass(frozen=True)
class Sentence:
    """One labelled sentence of a sentence set; ``source`` is its outlet where the set says."""

    key: str
    text: str
    label: str
    source: str = ""


@cache
def babe() -> tuple[Sentence, ...]:
    """BABE (bias/babe_sg2.csv): every sentence, ``label`` Biased / Non-biased / No agreement,
    ``source`` the outlet; ``key`` is ``babe:ROW`` (0-based row)."""
    path = require("bias", "babe_sg2.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return tuple(
            Sentence(f"babe:{n}", row["text"], row["label_bias"], row["outlet"])
            for n, row in enumerate(csv.DictReader(handle, delimiter=";"))
        )


@cache
def checkthat() -> tuple[Sentence, ...]:
    """CheckThat! 2023 (bias/checkthat2023_train.tsv): ``label`` SUBJ or OBJ."""
    path = require("bias", "checkthat2023_train.tsv")
    return tuple(
        Sentence(f"checkthat:{row['sentence_id']}", row["sentence"], row["label"])
        for row in _read_tsv(path)
    )


# -- PolNeAR attributions -----------------------------------------------------------------------
Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution: content fragments and optional source fragments."""

    content: tuple[Span, ...]
    source: tuple[Span, ...]


def parse_ann(path: Path) -> list[Attribution]:
    """Read a brat ``.ann`` file into attributions (Content + Source spans)."""
    spans: dict[str, tuple[Span, ...]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, _ = line.split("\t", 2)
            _label, offsets = info.split(" ", 1)
            spans[tid] = tuple(
                (int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))
            )
        elif line.startswith("E"):
            args = line.split("\t")[1].split()
            relations.append({k.split("-")[0]: v for k, v in (a.split(":", 1) for a in args)})
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""), ())
        if content:
            out.append(Attribution(content, spans.get(rel.get("Source", ""), ())))
    return out


def polnear() -> list[tuple[Article, list[Attribution]]]:
    """PolNeAR articles that have an annotation file, with their attributions."""
    folder = eval_path("quotes", "polnear", "attributions")
    anns = {p.name.rsplit("_", 1)[0]: p for p in folder.glob("*.ann")}
    out = []
    for article in (a for src in sources("polnear") for a in src):
        ann = anns.get(article.path.stem)
        if ann is not None:
            out.append((article, parse_ann(ann)))
    return out


_PAIR = re.compile(r"[“\"][^“”\"]*[”\"]")


def overlap(a: Span, b: Span) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def is_direct(text: str, frags: tuple[Span, ...]) -> bool:
    """Annotated content that is a quotation: quoted, inside quote marks, or mostly quoted text."""
    from newslint.analysis.quotes import DOUBLE_CLOSE, DOUBLE_OPEN

    start, end = frags[0][0], frags[-1][1]
    body = text[start:end].strip(" ,.;:—-")
    if body[:1] in DOUBLE_OPEN + DOUBLE_CLOSE + '"':
        return True
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = end
    while j < len(text) and text[j] in " ,.;:!?":
        j += 1
    if i >= 0 and text[i] in DOUBLE_OPEN + '"' and j < len(text) and text[j] in DOUBLE_CLOSE + '"':
        return True
    quoted = sum(len(m.group()) for m in _PAIR.finditer(body))
    return len(body) > 0 and quoted >= 0.5 * len(body)


# -- scraped boilerplate lines ------------------------------------------------------------------
@dataclass(frozen=True)
class Page:
    """One scraped web page: its domain and its lines, each labelled boilerplate or content."""

    page_id: str
    domain: str
    lines: tuple[tuple[str, bool], ...]  # (line, is boilerplate)


@cache
def scraped_pages() -> tuple[Page, ...]:
    """The pages of boilerplate/scraped_lines.tsv, in file order."""
    rows: dict[str, tuple[str, list[tuple[str, bool]]]] = {}
    for row in _read_tsv(require("boilerplate", "scraped_lines.tsv")):
        _domain, lines = rows.setdefault(row["page_id"], (row["domain"], []))
        lines.append((row["line"].replace("\n", " "), row["label"] == "boilerplate"))
    return tuple(Page(pid, domain, tuple(lines)) for pid, (domain, lines) in rows.items())


def domain_halves(domains: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split domains into two halves the same way on every run and machine (ordered by a hash
    of the name, not by the name, so neighbours such as news sites of one group are mixed):
    tune on the first half, report on the second."""
    ordered = sorted(set(domains), key=lambda d: (hashlib.sha1(d.encode()).hexdigest(), d))
    middle = (len(ordered) + 1) // 2
    return sorted(ordered[:middle]), sorted(ordered[middle:])


# -- words and language -------------------------------------------------------------------------
def count_words(text: str) -> int:
    """Words as newslint's metrics count them ("rebel-held", "U.S.", "2,000" are one word):
    the one word count behind every rate per 1,000 words."""
    from newslint.analysis.metrics import words

    return len(words(text))


def is_english(text: str, fmt: str = "text") -> bool:
    """Whether newslint would lint the text as English (its ``english-only`` test: the share
    of English function words among the words, on texts long enough to judge)."""
    from newslint.analysis.core import Analysis
    from newslint.readers import parse

    return Analysis(parse(text, "<eval>", fmt)).looks_english


# -- rates, precision and recall ----------------------------------------------------------------
def per_1000(count: float, words: int) -> float:
    """``count`` per 1,000 words (0 when there are no words)."""
    return 1000 * count / words if words else 0.0


def ratio(part: float, whole: float) -> float | None:
    """``part / whole``, or None when ``whole`` is 0 (an undefined share is not a zero)."""
    return part / whole if whole else None


@dataclass
class PRF:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        self.tp += predicted and gold
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)

    def figures(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
            "f1": rounded(self.f1),
        }


@dataclass
class Rates:
    """Findings per 1,000 words, per source: words and articles per source, findings by key
    (a rule id, a family, ``rule [level]``: whatever the caller counts by)."""

    words: Counter[str] = field(default_factory=Counter)
    articles: Counter[str] = field(default_factory=Counter)
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)  # articles the linter left out

    def add(self, source: str, words: int, keys: Iterable[str] = ()) -> None:
        """One article of ``source`` with ``words`` words and one finding per key."""
        self.words[source] += words
        self.articles[source] += 1
        self.counts.setdefault(source, Counter()).update(keys)

    @property
    def sources(self) -> list[str]:
        return list(self.articles)

    def count(self, source: str, keep: Callable[[str], bool] | None = None) -> int:
        counts = self.counts.get(source, Counter())
        return sum(n for key, n in counts.items() if keep is None or keep(key))

    def rate(self, source: str, keep: Callable[[str], bool] | None = None) -> float:
        return per_1000(self.count(source, keep), self.words[source])

    def rows(self, keep: Callable[[str], bool] | None = None) -> dict[str, dict[str, Any]]:
        """Per source: articles, words, findings and findings per 1,000 words."""
        return {
            src: {
                "articles": self.articles[src],
                "words": self.words[src],
                "findings": self.count(src, keep),
                "per_1000": round(self.rate(src, keep), 3),
            }
            for src in self.sources
        }

    def by_key(self) -> Counter[str]:
        """Findings per key over every source."""
        total: Counter[str] = Counter()
        for counts in self.counts.values():
            total.update(counts)
        return total

    def pooled(self, keep: Callable[[str], bool] | None = None) -> dict[str, Any]:
        words = sum(self.words.values())
        found = sum(self.count(src, keep) for src in self.sources)
        return {
            "articles": sum(self.articles.values()),
            "words": words,
            "findings": found,
            "per_1000": round(per_1000(found, words), 3),
        }


# -- linting the corpora ------------------------------------------------------------------------
@dataclass(frozen=True)
class Linted:
    """One article through a linter: its document, the result, and the words it counts for
    (0 when the linter skipped it, as it skips text that is not English)."""

    article: Article
    document: Any
    result: Any
    words: int

    @property
    def skipped(self) -> bool:
        return self.result.notice is not None and not self.result.findings


def lint_articles(linter: Any, items: Iterable[Article]) -> Iterator[Linted]:
    """Each article through ``linter`` as ``newslint check`` reads it (its format, the config
    that governs its path)."""
    from newslint.readers import load_document

    for article in items:
        document = load_document(str(article.path), article.fmt, 50_000_000)
        result = linter.lint_document(document, linter.config_for(str(article.path)))
        skipped = result.notice is not None and not result.findings
        yield Linted(article, document, result, 0 if skipped else count_words(document.text))


def lint_rates(
    linter: Any,
    group: str = "clean",
    key: Callable[[Any], str | None] = lambda f: f.rule,
    each: Callable[[Linted], None] | None = None,
    only: Collection[str] | None = None,
) -> Rates:
    """Findings per 1,000 linted words for every source of a group (or those named in ``only``),
    counted by ``key(finding)`` (None leaves a finding out). ``each`` sees every linted article
    (to list findings)."""
    rates = Rates()
    for src in sources(group):
        if only is not None and src.name not in only:
            continue
        for linted in lint_articles(linter, src):
            if each is not None:
                each(linted)
            if linted.skipped:
                rates.skipped[src.name] += 1
                continue
            keys = [k for k in map(key, linted.result.findings) if k is not None]
            rates.add(src.name, linted.words, keys)
    return rates


# -- the per-source table -----------------------------------------------------------------------
@dataclass(frozen=True)
class Aim:
    """A target a figure must meet on every source: at most (``lower``) or at least ``value``."""

    value: float
    lower: bool = True  # lower figures are better (a false-alarm rate)

    def met(self, figure: float | None) -> bool:
        if figure is None:
            return True
        return figure <= self.value if self.lower else figure >= self.value

    def __str__(self) -> str:
        return f"{'<=' if self.lower else '>='} {self.value:g}"


def worst(rows: Mapping[str, Mapping[str, Any]], column: str, lower: bool = True) -> str | None:
    """The source whose ``column`` is worst (highest when lower is better); None if no figure."""
    scored = [(src, row[column]) for src, row in rows.items() if row.get(column) is not None]
    if not scored:
        return None
    pick = max if lower else min
    return pick(scored, key=lambda kv: kv[1])[0]


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def source_table(
    title: str,
    rows: Mapping[str, Mapping[str, Any]],
    column: str = "per_1000",
    aim: Aim | None = None,
    pooled: Mapping[str, Any] | None = None,
    lower: bool = True,
) -> str:
    """A table with one row per source, a pooled row, and a closing line that names the worst
    source on ``column`` (highest when ``lower`` figures are better, else lowest) and says
    whether ``aim`` holds there, so on every source."""
    if not rows:
        return f"{title}: no source present"
    columns = list(next(iter(rows.values())))
    width = max(len(src) for src in [*rows, "pooled"]) + 2
    sizes = [max(10, len(c)) + 2 for c in columns]

    def line(name: str, cells: list[str]) -> str:
        return f"  {name:<{width}}" + "".join(
            f"{c:>{n}}" for c, n in zip(cells, sizes, strict=True)
        )

    lines = [title, line("source", columns)]
    for src, row in rows.items():
        lines.append(line(src, [_cell(row.get(c)) for c in columns]))
    if pooled is not None:
        lines.append(line("pooled", [_cell(pooled.get(c)) for c in columns]))
    lower = aim.lower if aim else lower
    name = worst(rows, column, lower)
    if name is None:
        lines.append(f"  worst source on {column}: none has a figure")
        return "\n".join(lines)
    figure = rows[name][column]
    closing = f"  worst source on {column}: {name} ({_cell(figure)})"
    if aim is not None:
        closing += f"; aim {aim}: {'met on every source' if aim.met(figure) else 'NOT met'}"
    lines.append(closing)
    return "\n".join(lines)


# -- stored results -----------------------------------------------------------------------------
def rounded(value: Any, digits: int = 4) -> Any:
    """Floats rounded (so a results file changes only when a figure does), recursively."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, Mapping):
        return {str(k): rounded(v, digits) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(v, digits) for v in value]
    return value


@dataclass(frozen=True)
class Check:
    """A figure an eval test re-measures, with the limit it must stay within."""

    value: float
    limit: float
    lower: bool = True  # the figure must stay at or below the limit (else at or above)
    why: str = ""

    def holds(self, value: float) -> bool:
        return value <= self.limit if self.lower else value >= self.limit

    def as_json(self) -> dict[str, Any]:
        return {
            "value": rounded(self.value),
            "limit": self.limit,
            "direction": "max" if self.lower else "min",
            "why": self.why,
        }


def read_review(path: Path) -> dict[str, tuple[str, str]]:
    """A hand review kept as TSV (key, match, verdict, reason; # comments): key -> (verdict,
    reason). Missing file: no verdicts yet."""
    out: dict[str, tuple[str, str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            key, _match, verdict, reason = (line.split("\t") + ["", "", ""])[:4]
            out[key] = (verdict, reason)
    return out


def results_path(benchmark: str) -> Path:
    return RESULTS / f"{benchmark}.json"


def save_results(
    benchmark: str,
    command: str,
    figures: Mapping[str, Any],
    checks: Mapping[str, Check] | None = None,
) -> Path:
    """Write ``benchmarks/results/BENCHMARK.json``: the command that measured, its figures
    (numbers and source or rule names only, never evaluation text) and the checks the eval
    tests read their limits from. Returns the path written."""
    data = {
        "benchmark": benchmark,
        "command": command,
        "figures": rounded(dict(figures)),
        "checks": {name: check.as_json() for name, check in sorted((checks or {}).items())},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = results_path(benchmark)
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def load_results(benchmark: str) -> dict[str, Any]:
    """The stored results of a benchmark (raises FileNotFoundError when none were stored)."""
    return json.loads(results_path(benchmark).read_text(encoding="utf-8"))


def stored_check(benchmark: str, name: str) -> Check:
    """The check ``name`` of a benchmark's stored results."""
    entry = load_results(benchmark)["checks"][name]
    return Check(entry["value"], entry["limit"], entry["direction"] == "max", entry["why"])


def assert_check(benchmark: str, name: str, value: float) -> None:
    """Fail (AssertionError) when a freshly measured figure breaks its stored limit."""
    check = stored_check(benchmark, name)
    sign = "<=" if check.lower else ">="
    assert check.holds(value), (
        f"{benchmark} {name}: measured {value:.4f}, limit {sign} {check.limit} "
        f"(recorded {check.value}; {check.why})"
    )


def saved_note(path: Path) -> str:
    return f"results stored in {path.relative_to(ROOT)}"
