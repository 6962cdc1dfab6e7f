"""Structural cues of the writer's voice, measured on the TUNING half of CheckThat! only.

Before a cue becomes (part of) a rule it is counted here: over the tuning half's sentences (the
record half is never read: its sentences are skipped by ``genre_eval.checkthat_half``), how many
subjective (SUBJ) and objective (OBJ) sentences it matches, in all and among the sentences no
editorial or bias warning flags yet (the recall a new rule could add). A cue is kept only when it
matches clearly more SUBJ than OBJ there; the record half is reported by ``genre_eval.py``.

The cues are regular expressions over the sentence text, an approximation of what a rule would
see (no quotation analysis), which is enough to reject a cue early. Two measures are not
regular expressions: the derived forms of bias.verdict's verdict words (a method that would widen
that lexicon without reading the eval data, as bias.loaded's ``derive`` does for its own), and the suggestion-level findings of the rules
on the sentences no warning flags yet (what raising a rule or category to a warning would add).

    .venv/bin/python benchmarks/checkthat_cues.py [--show CUE]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

import yaml
from core import ROOT, WARN_LEVELS, checkthat
from genre_eval import LEAD, checkthat_half

from newslint.engine.linter import Linter

BIAS_PACK = ROOT / "rules" / "news" / "bias.yaml"
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
    # issue 15's candidate classes (measured 2026-12-03; none kept: see the commit message)
    "modal of obligation (should, must, needs to)": r"\b(?:should|must|ought to|needs? to)\b",
    "stance adverb opening the sentence": (
        r"^(?:[A-Z]\w+ly|Of course|Indeed|Perhaps|Maybe|Alas|Admittedly|To be sure|In fact"
        r"|After all),"
    ),
    "degree word + evaluative form (deeply flawed)": (
        r"(?i)\b(?:utterly|deeply|profoundly|woefully|hopelessly|thoroughly|totally|completely"
        r"|wholly|fundamentally|badly|seriously|grossly|painfully)\s+\w+(?:ed|ful|ous|ive|ible"
        r"|able|ant|ent|ic|al)\b"
    ),
    "scare quote (1-3 words quoted, no speech verb)": (
        r"^(?!.*\b(?:said|says|told|called|dubbed|wrote|asked|according|term|phrase|word)\b)"
        r".*(?<![\w,.])[“‘\"]\w+(?:[ -]\w+){0,2}[”’\"](?!\w)"
    ),
    "collective political actor (the Left, the Right)": r"\b[Tt]he (?:Left|Right)\b",
}


class Row(NamedTuple):
    """One tuning sentence: its label, text, whether a warning flags it, its suggestions."""

    label: str
    text: str
    flagged: bool
    suggestions: frozenset[str]


def derived_forms() -> frozenset[str]:
    """Adverbs and nouns of bias.verdict's verdict words ('clumsy' -> 'clumsily') that WordNet
    knows and the pack does not list (bias.loaded derives its own categories already)."""
    from newslint.engine.support.derive import derived_forms as derive

    rules = {rule["id"]: rule for rule in yaml.safe_load(BIAS_PACK.read_text())["rules"]}
    loaded, verdict = rules["bias.loaded"]["phrases"], rules["bias.verdict"]["phrases"]
    listed = {w for words in (*loaded.values(), *verdict.values()) for w in words}
    return frozenset(derive(verdict["verdict"], listed))


def tuning_sentences() -> Iterator[Row]:
    """Each sentence of the tuning half, linted under the neutral lead."""
    linter = Linter()
    for sentence in checkthat():
        if checkthat_half(sentence.key) != "tuning":
            continue  # the record half is not read here
        text = sentence.text.strip()
        result = linter.lint_source(f"{LEAD}\n\n{text}\n", "/tmp/checkthat/sentence.txt", "text")
        mine = [f for f in result.findings if f.family in ("editorial", "bias") and f.line >= 3]
        yield Row(
            sentence.label,
            text,
            any(f.level in WARN_LEVELS for f in mine),
            frozenset(f.rule for f in mine if f.level not in WARN_LEVELS),
        )


def count(name: str, hits: list[Row], show: str | None) -> None:
    """Print SUBJ:OBJ of a cue's hits, all and not yet flagged; list the latter when asked."""
    subj = sum(r.label == "SUBJ" for r in hits)
    new = [r for r in hits if not r.flagged]
    new_subj = sum(r.label == "SUBJ" for r in new)
    print(f"  {name:45} {subj:4}:{len(hits) - subj:<4} {new_subj:8}:{len(new) - new_subj:<4}")
    if show and show in name:
        for r in new:
            print(f"      {r.label} {r.text[:120]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", help="list the unflagged tuning sentences a cue matches")
    args = parser.parse_args()
    rows = list(tuning_sentences())
    if not rows:
        print("no CheckThat! data beside the project (../shared/eval is absent)")
        return 2
    print(f"CheckThat! tuning half: {len(rows)} sentences, SUBJ : OBJ matched by each cue")
    base = sum(r.label == "SUBJ" for r in rows) / len(rows)
    print(f"  base rate of SUBJ: {base:.2f}")
    print(f"  {'cue':45} {'all':>9} {'not yet flagged':>16}")
    for name, pattern in CUES.items():
        rx = re.compile(pattern)
        count(name, [r for r in rows if rx.search(r.text)], args.show)
    forms = derived_forms()
    words = re.compile(
        r"(?i)(?<![\w-])(?:" + "|".join(map(re.escape, sorted(forms))) + r")(?![\w-])"
    )
    count(
        f"derived verdict forms ({len(forms)} words)",
        [r for r in rows if words.search(r.text)],
        args.show,
    )
    print("\nsuggestion-level findings of the rules (what a warning would add), SUBJ : OBJ")
    totals: dict[str, Counter[str]] = {}
    for r in rows:
        for rule in r.suggestions:
            totals.setdefault(rule, Counter())[r.label, r.flagged] += 1
    for rule, c in sorted(totals.items()):
        print(
            f"  {rule:45} {c['SUBJ', True] + c['SUBJ', False]:4}:{c['OBJ', True] + c['OBJ', False]:<4}"
            f" {c['SUBJ', False]:8}:{c['OBJ', False]:<4}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
