"""Structural cues of the writer's voice, measured on the TUNING half of CheckThat! only.

Before a cue becomes (part of) a rule it is counted here: over the tuning half's sentences (the
record half is never read: its sentences are skipped by ``genre_eval.checkthat_half``), how many
subjective (SUBJ) and objective (OBJ) sentences it matches, in all and among the sentences no
editorial or bias warning flags yet (the recall a new rule could add). A cue is kept only when it
matches clearly more SUBJ than OBJ there; the record half is reported by ``genre_eval.py``.

The cues are regular expressions over the sentence text, an approximation of what a rule would
see (no quotation analysis), which is enough to reject a cue early.

    .venv/bin/python benchmarks/checkthat_cues.py [--show CUE]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from core import WARN_LEVELS, checkthat
from genre_eval import LEAD, checkthat_half

from newslint.engine.linter import Linter

#: candidate cues (ours); the verdict on the tuning half is in the docstring of each rule kept
CUES = {
    "reader address opener (editorial.address)": (
        r"(?i)^(?:(?:and|but|so|now|just)[, ]+)?(?:consider|imagine|remember|never let|don't let"
        r"|let it be|ask yourself|make no mistake|note that)\b"
    ),
    "second person (you, your)": r"\b[Yy]ou(?:r|'re|'ll|’re|’ll)?\b",
    "question at the end": r"\?[\"”’]*\s*$",
    "exclamation": r"!",
    "short sentence (8 words or fewer)": r"^(?:\W*\w+\b){1,8}\W*$",
    "copula + evaluative adjective": (
        r"\b(?:is|was|are|were|seems?|seemed)\s+(?:\w+ly\s+)?(?:impressive|absurd|ridiculous"
        r"|shameful|disgraceful|outrageous|laughable|pathetic|foolish|naive|misguided|reckless)\b"
    ),
    "capitals for emphasis (NOT, NEVER)": r"\b(?:NOT|NEVER|MUST|ONLY|ALWAYS)\b",
    "universal subject (nobody, anyone)": r"^(?:Nobody|No one|Anyone|Everyone|Everybody)\b",
}


def tuning_sentences() -> Iterator[tuple[str, str, bool]]:
    """(label, text, flagged already) for each sentence of the tuning half."""
    linter = Linter()
    for sentence in checkthat():
        if checkthat_half(sentence.key) != "tuning":
            continue  # the record half is not read here
        text = sentence.text.strip()
        result = linter.lint_source(f"{LEAD}\n\n{text}\n", "/tmp/checkthat/sentence.txt", "text")
        flagged = any(
            f.family in ("editorial", "bias") and f.level in WARN_LEVELS and f.line >= 3
            for f in result.findings
        )
        yield sentence.label, text, flagged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", help="list the unflagged tuning sentences a cue matches")
    args = parser.parse_args()
    rows = list(tuning_sentences())
    if not rows:
        print("no CheckThat! data beside the project (../shared/eval is absent)")
        return 2
    print(f"CheckThat! tuning half: {len(rows)} sentences, SUBJ : OBJ matched by each cue")
    print(f"  {'cue':45} {'all':>9} {'not yet flagged':>16}")
    for name, pattern in CUES.items():
        rx = re.compile(pattern)
        hits = [(label, text, flagged) for label, text, flagged in rows if rx.search(text)]
        subj = sum(label == "SUBJ" for label, _, _ in hits)
        new = [(label, text) for label, text, flagged in hits if not flagged]
        new_subj = sum(label == "SUBJ" for label, _ in new)
        print(f"  {name:45} {subj:4}:{len(hits) - subj:<4} {new_subj:8}:{len(new) - new_subj:<4}")
        if args.show and args.show in name:
            for label, text in new:
                print(f"      {label} {text[:120]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
