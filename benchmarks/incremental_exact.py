"""Incremental linting equals a full lint, on every article of the evaluation sources.

    .venv/bin/python benchmarks/incremental_exact.py            # every article, both settings
    .venv/bin/python benchmarks/incremental_exact.py --limit 50 # the first 50 of each source

Sources: the sample article, every clean source, the PTC propaganda and PolNeAR articles.
The block-local kinds (``locality = "block"``) claim that a block alone gives the hits it gives
inside its document. This checks the claim on real copy, per source: each article is linted in
full, then with :class:`newslint.engine.incremental.BlockHits` from a cold cache (every block
linted alone, ``first_whole=False``), then again after a small random edit (a word typed, deleted or swapped in one
paragraph, so the other blocks' hits come from the cache), each compared with a full lint of the
same text. Both rule settings of ``findings_snapshot.py`` (default, and every rule of every pack)
are run. Any difference is printed and makes the exit code 1; the figures are stored in
``benchmarks/results/incremental_exact.json``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from core import save_results, sources  # noqa: E402


def small_edit(text: str, rng: random.Random) -> str:
    """The text with one word typed, deleted or two letters swapped, in a random paragraph."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text + " really"
    at = rng.choice(spaces)
    what = rng.choice(("type", "delete", "swap"))
    if what == "type":
        return text[:at] + " really" + text[at:]
    if what == "delete":
        end = text.find(" ", at + 1)
        return text[:at] + text[end:] if end > 0 else text
    return text[: max(at - 2, 0)] + text[max(at - 2, 0) : at][::-1] + text[at:]


def rows(findings: list) -> list[tuple]:
    return [
        (f.rule, f.level, f.offset, f.length, f.message, f.suggestions, f.fix) for f in findings
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="articles per source (0: all)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    from newslint.analysis.lazy_spacy import install
    from newslint.engine.incremental import BlockHits
    from newslint.engine.linter import Linter
    from newslint.engine.rules import builtin_pack_names
    from newslint.readers import parse

    install()
    rng = random.Random(args.seed)
    linters = {
        "default": Linter(),
        "all-rules": Linter(select=["*"], packs=builtin_pack_names()),
    }
    from newslint.engine.incremental import is_block_local

    for setting, linter in linters.items():
        config = linter.config_for(str(ROOT / "seeds" / "x.txt"))
        kept = sorted(
            {
                f"{r.kind} ({r.compile().locality})"
                for r in linter.rules_for(config, "x.txt", {})
                if is_block_local(r)
            }
        )
        print(f"{setting}: kinds kept per block: {', '.join(kept)}")
    chosen = [src for group in ("seed", "clean", "propaganda", "polnear") for src in sources(group)]
    per_source: dict[str, dict[str, int]] = {}
    differences: list[str] = []
    started = time.perf_counter()
    for source in chosen:
        items = list(source.articles)
        if args.limit:
            items = items[: args.limit]
        tally = per_source.setdefault(source.name, {"articles": 0, "lints": 0, "different": 0})
        for article in items:
            text = Path(article.path).read_text(encoding="utf-8", errors="replace")
            tally["articles"] += 1
            for setting, linter in linters.items():
                config = linter.config_for(str(article.path))
                blocks = BlockHits(first_whole=False)  # cold: every block alone
                blocks.model = config.spacy_model
                for step, version in enumerate((text, small_edit(text, rng))):
                    document = parse(version, str(article.path), article.fmt)
                    full = linter.check_document(document, config)
                    document = parse(version, str(article.path), article.fmt)
                    fast = linter.check_document(document, config, run_rule=blocks.run_rule)
                    tally["lints"] += 1
                    if rows(full.findings) != rows(fast.findings) or full.error != fast.error:
                        tally["different"] += 1
                        a, b = set(rows(full.findings)), set(rows(fast.findings))
                        differences.append(
                            f"{article.path.name} [{setting}, {'edited' if step else 'cold'}]: "
                            f"full only {sorted(a - b)[:3]}, incremental only {sorted(b - a)[:3]}"
                        )
    print(f"{'source':<28} {'articles':>8} {'lints':>6} {'different':>9}")
    for source, tally in per_source.items():
        print(f"{source:<28} {tally['articles']:>8} {tally['lints']:>6} {tally['different']:>9}")
    for line in differences[:20]:
        print(line)
    total = sum(t["different"] for t in per_source.values())
    print(f"{total} lints differ from a full lint ({time.perf_counter() - started:.0f} s)")
    command = (
        f".venv/bin/python benchmarks/incremental_exact.py --limit {args.limit} --seed {args.seed}"
    )
    save_results("incremental_exact", command, {"per_source": per_source, "different": total})
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
