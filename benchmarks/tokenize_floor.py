"""The floor for newslint's speed: bare spaCy tokenisation of the same texts on the same cores.

    .venv/bin/python benchmarks/tokenize_floor.py [--mode tokenizer|pipe] [--jobs N] FILE...

What it does, and nothing more: ``import spacy``, ``nlp = spacy.blank("en")``, then per chunk of
up to 4 files either ``nlp.tokenizer.pipe(texts)`` (``--mode tokenizer``: the blank English
tokenizer alone) or ``nlp.pipe(texts)`` with spaCy's ``sentencizer`` added (``--mode pipe``, the
default: tokens and sentence starts, the least newslint needs before any rule runs). The files are
spread over a process pool of the same shape as newslint's runner (``newslint/engine/runner.py``):
the parent processes the first file, then ``N`` workers forked from it (``N`` = the usable cores)
take the rest in order. It prints the files, tokens and sentences it saw.

:mod:`speed` runs it on the prose newslint's readers extract from each article (the text
newslint itself tokenises), so the figure is what tokenising that copy costs at the least.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
from collections.abc import Sequence
from typing import Any

_NLP: Any = None
_MODE = "pipe"


def _build(mode: str) -> None:
    """The pipeline: spaCy's blank English tokenizer (and, for ``pipe``, its sentencizer)."""
    global _NLP, _MODE
    if _NLP is None:  # (a spawned worker; forked ones inherit the parent's)
        import spacy

        _NLP = spacy.blank("en")
        if mode == "pipe":
            _NLP.add_pipe("sentencizer")
        _NLP.max_length = 20_000_000
        _MODE = mode


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _count(paths: Sequence[str]) -> tuple[int, int]:
    """Tokens and sentences of some files."""
    texts = [_read(path) for path in paths]
    if _MODE == "tokenizer":
        return sum(len(doc) for doc in _NLP.tokenizer.pipe(texts)), 0
    tokens = sentences = 0
    for doc in _NLP.pipe(texts):
        tokens += len(doc)
        sentences += sum(1 for token in doc if token.is_sent_start)
    return tokens, sentences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--mode", choices=("tokenizer", "pipe"), default="pipe")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()

    _build(args.mode)
    paths = args.files
    counts = [_count(paths[:1])]
    rest = paths[1:]
    if rest:
        gc.freeze()
        workers = min(args.jobs, len(rest))
        size = max(1, min(4, len(rest) // (workers * 8)))  # newslint's chunk size
        chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with context.Pool(workers, _build, (args.mode,)) as pool:
            counts.extend(pool.imap(_count, chunks))
    tokens = sum(t for t, _ in counts)
    sentences = sum(s for _, s in counts)
    print(f"{len(paths)} files, {tokens} tokens, {sentences} sentences ({args.mode})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
