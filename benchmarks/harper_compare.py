"""newslint's grammar rules beside Harper (harper-py) on the clean sources of ``../shared/eval/``.

    .venv/bin/python benchmarks/harper_compare.py                 # figures (installs harper-py)
    .venv/bin/python benchmarks/harper_compare.py --list newslint # every newslint finding + verdict
    .venv/bin/python benchmarks/harper_compare.py --list harper   # Harper's lints in review scope
    .venv/bin/python benchmarks/harper_compare.py --todo          # keys not judged yet (TSV lines)

Sources, each reported on its own (the worst one is named): ``clean/scrapinghub``,
``news/wikinews`` and every repository under ``markdown/``. Articles newslint skips as not
English are left out for both tools.

harper-py is installed from PyPI into its own throw-away virtual environment
(``python3 -m venv DIR && DIR/bin/pip install harper-py``; ``--harper-venv DIR`` reuses one), so it
never touches newslint's environment; ``benchmarks/harper_runner.py`` runs there. Harper reads
each file as its users would: plain text as plain text, Markdown as Markdown, with front matter
and template tags masked. Its lints are cached by file hash and Harper version
(``--harper-cache``), because Harper needs minutes for the 600-odd files.

newslint runs the news pack's ``grammar.*`` rules (the figures of record) and, for "does newslint
find Harper's catch", also ``spelling.*`` and ``quotes.*``: a newslint finding of those families
whose source span overlaps a Harper lint counts as finding it.

The hand review is ``benchmarks/grammar_review.tsv`` (key, match, verdict, reason in our own
words). A key is ``tool:rule:path:line:column`` with the path relative to ``../shared/eval``;
``harper:RULE:*`` judges every lint of a Harper rule at once (kept for rules that state a house
preference, never a slip). Verdicts: ``real`` (an editor would change the published copy here),
``preference`` (a house choice such as the serial comma or "an historic": not a slip, counted as
not real) or ``false``. Harper's spelling lints and its capitalisation of names are not reviewed:
that is the spelling rules' comparison. Figures:

1. per source: words, newslint grammar findings per 1,000 words and their precision by review,
   Harper's lints per 1,000 words by family (Harper's ``lint_kind``);
2. Harper's real catches per source, and how many of them newslint finds (aim: >= 80%);
3. newslint's real catches that Harper misses.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from core import read_review

ROOT = Path(__file__).resolve().parent.parent

EVAL = ROOT.parent / "shared" / "eval"
REVIEW = ROOT / "benchmarks" / "grammar_review.tsv"
RUNNER = ROOT / "benchmarks" / "harper_runner.py"
VERDICTS = ("real", "false", "preference")
#: Harper reads these as Markdown; everything else as plain text
MARKDOWN = (".md", ".mdx", ".markdown")
#: not prose for Harper either: front matter at the top, template tags, HTML comments
MASK = r"(?s)\A(?:---|\+\+\+)\n.*?\n(?:---|\+\+\+)\n|\{\{.*?\}\}|\{%.*?%\}|<!--.*?-->"
#: Harper kinds and rules left out of the review: spelling (and the capitalisation of names) is
#: the spelling rules' comparison, not the grammar rules'
UNREVIEWED_KINDS = ("Spelling",)
UNREVIEWED_RULES = ("OrthographicConsistency",)
#: newslint families whose findings count as newslint finding a Harper catch
FINDING_FAMILIES = ("grammar", "spelling", "quotes")


def clean_sources() -> dict[str, list[Path]]:
    """Source name -> its article files: scrapinghub, wikinews, each Markdown repository."""
    sources = {
        "scrapinghub": sorted((EVAL / "clean" / "scrapinghub").glob("*.txt")),
        "wikinews": sorted((EVAL / "news" / "wikinews").glob("*.txt")),
    }
    markdown = EVAL / "markdown"
    if markdown.is_dir():
        for repo in sorted(p for p in markdown.iterdir() if p.is_dir()):
            sources[repo.name] = sorted(p for p in repo.rglob("*") if p.suffix in MARKDOWN)
    return {name: files for name, files in sources.items() if files}


@dataclass(frozen=True)
class Mark:
    """One finding of either tool, located in the source file."""

    tool: str  # "newslint" or "harper"
    rule: str
    family: str  # newslint's family or Harper's lint_kind
    path: str  # relative to EVAL
    line: int
    column: int  # 1-based, code points
    end_column: int  # exclusive, on ``line`` (a span over lines ends at the line's end)
    match: str
    message: str
    context: str

    @property
    def key(self) -> str:
        return f"{self.tool}:{self.rule}:{self.path}:{self.line}:{self.column}"

    def overlaps(self, other: Mark) -> bool:
        return (
            self.path == other.path
            and self.line == other.line
            and self.column < other.end_column + 1
            and other.column < self.end_column + 1
        )


class LineIndex:
    """Offsets of a source text to 1-based lines and columns."""

    def __init__(self, text: str) -> None:
        import bisect

        self._bisect = bisect.bisect_right
        self.text = text
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = self._bisect(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end]


def context_of(index: LineIndex, line: int, column: int, end_column: int, width: int = 90) -> str:
    text = index.line_text(line)
    start, end = column - 1, end_column - 1
    return (
        text[max(0, start - width) : start]
        + "[["
        + text[start:end]
        + "]]"
        + text[end : end + width // 2]
    ).strip()


# -- newslint ----------------------------------------------------------------------------------
@dataclass
class Article:
    source: str
    path: Path
    rel: str
    text: str  # the decoded source, newlines normalised as newslint reads it
    words: int
    english: bool


def run_newslint(sources: dict[str, list[Path]]) -> tuple[list[Article], list[Mark], float]:
    """Every article with its word count, newslint's findings (FINDING_FAMILIES) and the seconds
    its grammar rules took."""
    from newslint.analysis.core import Analysis
    from newslint.config import Config
    from newslint.engine.linter import Linter
    from newslint.readers import load_document

    linter = Linter()
    config = Config()
    rules = [r for r in linter.pack_rules(config) if r.enabled and r.family in FINDING_FAMILIES]
    grammar = [r for r in rules if r.family == "grammar"]
    others = [r for r in rules if r.family != "grammar"]
    articles: list[Article] = []
    marks: list[Mark] = []
    rule_seconds: Counter[str] = Counter()
    for source, files in sources.items():
        for path in files:
            document = load_document(str(path))
            analysis = Analysis(document)
            rel = str(path.relative_to(EVAL))
            english = analysis.looks_english
            words = analysis.stats()["words"] if english else 0
            articles.append(Article(source, path, rel, document.source, words, english))
            if not english:
                continue
            for rule in grammar:  # the rules' own cost, on the analysis already built
                started = time.perf_counter()
                list(rule.compile().check(analysis))
                rule_seconds[rule.id] += time.perf_counter() - started
            found = linter.lint_document(document, config, grammar).findings
            found += linter.lint_document(document, config, others).findings
            index = LineIndex(document.source)
            for f in found:
                end = f.end_column if f.end_line == f.line else len(index.line_text(f.line)) + 1
                marks.append(
                    Mark(
                        "newslint",
                        f.rule,
                        f.family,
                        rel,
                        f.line,
                        f.column,
                        end,
                        f.match,
                        f.message,
                        context_of(index, f.line, f.column, end),
                    )
                )
    return articles, marks, rule_seconds


# -- Harper ------------------------------------------------------------------------------------
def harper_python(venv: Path | None, workdir: Path) -> Path:
    """The Python of a venv with harper-py (installed into a fresh one when none is given)."""
    if venv is None:
        venv = workdir / "harper-venv"
        print(f"installing harper-py: python3 -m venv {venv} && {venv}/bin/pip install harper-py")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "harper-py"], check=True)
    return venv / "bin" / "python"


def default_cache() -> Path:
    from newslint.storage.disk_cache import cache_dir

    return Path(cache_dir()) / "harper-compare.json"


def run_harper(
    articles: list[Article], venv: Path | None, cache_path: Path
) -> tuple[dict[str, list[list]], str, float]:
    """Harper's lints of every English article (from the cache where the file is unchanged)."""
    cache: dict[str, dict] = {}
    if cache_path.exists():
        try:
            cache = json.loads(cache_path.read_text(encoding="utf-8"))
        except ValueError:
            cache = {}
    wanted = {
        a.rel: hashlib.sha256(a.text.encode("utf-8")).hexdigest() for a in articles if a.english
    }
    missing = [
        a for a in articles if a.english and cache.get(a.rel, {}).get("sha") != wanted[a.rel]
    ]
    version = cache.get("", {}).get("version", "")
    if missing:
        with tempfile.TemporaryDirectory(prefix="harper-compare-") as tmp:
            python = harper_python(venv, Path(tmp))
            started = time.perf_counter()
            lines = "".join(
                json.dumps(
                    {
                        "id": a.rel,
                        "text": a.text,
                        "language": "markdown" if a.path.suffix in MARKDOWN else "plaintext",
                        "mask": MASK,
                    }
                )
                + "\n"
                for a in missing
            )
            done = subprocess.run(
                [str(python), str(RUNNER)], input=lines, capture_output=True, text=True, check=True
            )
            elapsed = time.perf_counter() - started
        out = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        version = out[0]["harper"]
        for item in out[1:]:
            cache[item["id"]] = {"sha": wanted[item["id"]], "lints": item["lints"]}
        if len(missing) == len(wanted):
            words = sum(a.words for a in missing)
            seconds = elapsed
            cache[""] = {"version": version, "seconds": seconds, "words": words}
        cache[""] = {**cache.get("", {}), "version": version}
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(json.dumps(cache), encoding="utf-8")
    speed = cache.get("", {})
    rate = speed["words"] / speed["seconds"] if speed.get("seconds") and speed.get("words") else 0.0
    return {rel: cache[rel]["lints"] for rel in wanted}, version, rate


def harper_marks(articles: list[Article], lints: dict[str, list[list]]) -> list[Mark]:
    marks = []
    for a in articles:
        if not a.english:
            continue
        index = LineIndex(a.text)
        for rule, kind, start, end, problem, message, _suggestions in lints[a.rel]:
            line, column = index.line_col(start)
            end_line, end_column = index.line_col(max(end, start + 1) - 1)
            end_column = end_column + 1 if end_line == line else len(index.line_text(line)) + 1
            marks.append(
                Mark(
                    "harper",
                    rule,
                    kind,
                    a.rel,
                    line,
                    column,
                    end_column,
                    problem,
                    message,
                    context_of(index, line, column, end_column),
                )
            )
    return marks


# -- the hand review ---------------------------------------------------------------------------
def verdict_of(mark: Mark, review: dict[str, tuple[str, str]]) -> tuple[str, str]:
    if mark.key in review:
        return review[mark.key]
    if mark.tool == "harper":
        return review.get(f"harper:{mark.rule}:*", ("", ""))
    return ("", "")


def in_review_scope(mark: Mark) -> bool:
    return (
        mark.tool == "newslint"
        and mark.family == "grammar"
        or (
            mark.tool == "harper"
            and mark.family not in UNREVIEWED_KINDS
            and mark.rule not in UNREVIEWED_RULES
        )
    )


# -- report ------------------------------------------------------------------------------------
def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def report(articles: list[Article], marks: list[Mark], review: dict[str, tuple[str, str]]) -> None:
    by_source: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_source[a.source].append(a)
    source_of = {a.rel: a.source for a in articles}
    words = {s: sum(a.words for a in arts) for s, arts in by_source.items()}
    grammar = [m for m in marks if m.tool == "newslint" and m.family == "grammar"]
    newslint_all = [m for m in marks if m.tool == "newslint"]
    harper = [m for m in marks if m.tool == "harper"]
    kinds = [k for k, _ in Counter(m.family for m in harper).most_common()]

    print("\n1. Per source: newslint grammar.* (rate, reviewed precision) and Harper's lints")
    head = f"{'source':30} {'arts':>4} {'words':>7} {'nl':>4} {'nl/1k':>6} {'real':>4} {'prec':>5}"
    print(head + f" {'nf/1k':>6} {'harper':>6} {'h/1k':>6}")
    worst_rate = worst_prec = ("", -1.0, 2.0)
    for source, arts in by_source.items():
        english = [a for a in arts if a.english]
        found = [m for m in grammar if source_of[m.path] == source]
        judged = [verdict_of(m, review)[0] for m in found]
        real = judged.count("real")
        total = real + judged.count("false") + judged.count("preference")
        rate = 1000 * len(found) / max(words[source], 1)
        h = [m for m in harper if source_of[m.path] == source]
        not_real = 1000 * (total - real) / max(words[source], 1)
        print(
            f"{source[:30]:30} {len(english):>4} {words[source]:>7} {len(found):>4} {rate:>6.3f}"
            f" {real:>4} {ratio(real, total):>5} {not_real:>6.3f}"
            f" {len(h):>6} {1000 * len(h) / max(words[source], 1):>6.1f}"
        )
        if rate > worst_rate[1]:
            worst_rate = (source, rate, 0.0)
        if total and real / total < worst_prec[2]:
            worst_prec = (source, 0.0, real / total)
    all_words = sum(words.values())
    judged = [verdict_of(m, review)[0] for m in grammar]
    all_real, all_total = judged.count("real"), sum(judged.count(v) for v in VERDICTS)
    print(
        f"{'all':30} {sum(a.english for a in articles):>4} {all_words:>7} {len(grammar):>4}"
        f" {1000 * len(grammar) / all_words:>6.3f} {all_real:>4} {ratio(all_real, all_total):>5}"
        f" {1000 * (all_total - all_real) / all_words:>6.3f}"
        f" {len(harper):>6} {1000 * len(harper) / all_words:>6.1f}"
    )
    print(
        "(nl: newslint grammar findings; real: judged real; nf/1k: judged not real per 1,000 words)"
    )
    print(f"worst grammar rate: {worst_rate[0]} ({worst_rate[1]:.3f} per 1,000 words; aim <= 0.15)")
    print(f"worst grammar precision: {worst_prec[0]} ({worst_prec[2]:.2f}; aim >= 0.9)")
    unjudged = [m for m in grammar if verdict_of(m, review)[0] not in VERDICTS]
    if unjudged:
        print(f"  {len(unjudged)} newslint grammar findings not judged yet (--todo)")

    print("\n   newslint grammar.* by rule: findings, real, precision")
    for rule, n in sorted(Counter(m.rule for m in grammar).items()):
        v = [verdict_of(m, review)[0] for m in grammar if m.rule == rule]
        print(f"   {rule:34} {n:>4} {v.count('real'):>4} {ratio(v.count('real'), n):>5}")

    print("\n   Harper's lints per 1,000 words by family (lint_kind)")
    print("   " + f"{'source':30}" + "".join(f" {k[:7]:>7}" for k in kinds))
    for source in by_source:
        counts = Counter(m.family for m in harper if source_of[m.path] == source)
        cells = "".join(f" {1000 * counts[k] / max(words[source], 1):>7.2f}" for k in kinds)
        print(f"   {source[:30]:30}{cells}")

    print("\n2. Harper's real catches (by review) and how many newslint finds (aim >= 80%)")
    scoped = [m for m in harper if in_review_scope(m)]
    worst = ("", 2.0)
    caught_all = real_all = 0
    missed: list[Mark] = []
    for source in by_source:
        real = [
            m for m in scoped if source_of[m.path] == source and verdict_of(m, review)[0] == "real"
        ]
        caught = [m for m in real if any(n.overlaps(m) for n in newslint_all)]
        missed += [m for m in real if m not in caught]
        caught_all += len(caught)
        real_all += len(real)
        print(
            f"   {source[:30]:30} real {len(real):>3}  newslint finds {len(caught):>3}  {ratio(len(caught), len(real))}"
        )
        if real and len(caught) / len(real) < worst[1]:
            worst = (source, len(caught) / len(real))
    print(
        f"   {'all':30} real {real_all:>3}  newslint finds {caught_all:>3}  {ratio(caught_all, real_all)}"
    )
    if worst[0]:
        print(f"   worst source: {worst[0]} ({worst[1]:.2f})")
    not_judged = [m for m in scoped if verdict_of(m, review)[0] not in VERDICTS]
    print(
        f"   Harper lints in review scope: {len(scoped)} (kinds other than {', '.join(UNREVIEWED_KINDS)}),"
        f" {len(not_judged)} not judged yet"
    )
    for m in missed:
        print(f"   missed: {m.key} {m.match!r}: {m.context[:150]}")

    print("\n3. newslint's real grammar catches that Harper misses")
    for m in grammar:
        if verdict_of(m, review)[0] == "real" and not any(h.overlaps(m) for h in harper):
            print(f"   {m.key} {m.match!r}: {m.context[:150]}")


def list_marks(marks: list[Mark], tool: str, review: dict[str, tuple[str, str]]) -> None:
    for m in marks:
        if m.tool != tool or not in_review_scope(m):
            continue
        verdict, reason = verdict_of(m, review)
        print(f"{verdict or '??':5} {m.key}  {m.match!r}  {m.message[:80]}\n      {m.context}")
        if reason:
            print(f"      reason: {reason}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--harper-venv", type=Path, help="reuse a venv that has harper-py")
    parser.add_argument("--harper-cache", type=Path, help="Harper's lints by file hash")
    parser.add_argument("--source", action="append", help="only these sources (repeatable)")
    parser.add_argument("--list", choices=("newslint", "harper"), help="print findings + verdicts")
    parser.add_argument("--todo", action="store_true", help="print unjudged keys as TSV lines")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"evaluation data not found at {EVAL}", file=sys.stderr)
        return 2
    sources = clean_sources()
    if args.source:
        sources = {k: v for k, v in sources.items() if k in args.source}
    started = time.perf_counter()
    articles, marks, rule_seconds = run_newslint(sources)
    newslint_seconds = time.perf_counter() - started
    lints, version, harper_rate = run_harper(
        articles, args.harper_venv, args.harper_cache or default_cache()
    )
    marks += harper_marks(articles, lints)
    review = read_review(REVIEW)
    english = [a for a in articles if a.english]
    words = sum(a.words for a in english)
    print(
        f"{len(english)} English articles ({len(articles) - len(english)} skipped as not English),"
        f" {words:,} words; harper-py {version}"
    )
    per_article = 1000 * sum(rule_seconds.values()) / max(len(english), 1)
    costly = ", ".join(
        f"{rule} {1000 * sec / max(len(english), 1):.2f}"
        for rule, sec in rule_seconds.most_common(4)
    )
    print(
        f"newslint grammar.* rules: {per_article:.1f} ms per article (costliest, ms: {costly});"
        f" whole newslint pass with analysis, spelling and quotes: {newslint_seconds:.0f} s"
    )
    if harper_rate:
        print(f"Harper: {harper_rate:,.0f} words/s when last run on every file of the selection")
    if args.list:
        list_marks(marks, args.list, review)
        return 0
    if args.todo:
        for m in marks:
            if in_review_scope(m) and verdict_of(m, review)[0] not in VERDICTS:
                print(f"{m.key}\t{m.match[:40]}\t\t")
        return 0
    report(articles, marks, review)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
