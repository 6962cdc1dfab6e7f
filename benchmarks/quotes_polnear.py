"""Measure newslint.analysis.quotes against PolNeAR attribution annotations (brat standoff).

For every DIRECT quotation (an annotated Content span that is quoted, sits inside double quote
marks, or is mostly quoted text) whose attribution has a Source, report the share we attribute,
the share we detect but leave without owner (orphans), the share we do not detect, and how often
our speaker span overlaps the annotated Source. Also counts the quotes we find that no annotation covers.

A full run stores its figures in ``benchmarks/results/quotes_polnear.json``; the eval tests read
their limits from there.

Usage: .venv/bin/python benchmarks/quotes_polnear.py [--show-misses]
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter

from core import Check, is_direct, overlap, polnear, ratio, save_results, saved_note

from newslint.analysis.quotes import Quote, analyse_quotes

COMMAND = ".venv/bin/python benchmarks/quotes_polnear.py"
_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")


def analyse(text: str, nlp) -> tuple[list[Quote], float]:  # type: ignore[no-untyped-def]
    """Quotes of one article (line paragraphs, sentencizer sentences) and seconds spent."""
    paragraphs = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    doc = nlp(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    tokens = ([t.idx for t in doc], [t.text for t in doc])
    t0 = time.perf_counter()
    quotes = analyse_quotes(text, paragraphs, sentences, tokens).quotes
    return quotes, time.perf_counter() - t0


def sentencizer():  # type: ignore[no-untyped-def]
    """A blank English pipeline with the rule-based sentencizer (what the articles are split by)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def measure(show_misses: bool = False) -> tuple[Counter[str], Counter[str], dict[str, float]]:
    """Counts over every annotated direct quotation with a Source (see the module docstring),
    the speaker kinds of those we attribute, and the documents, characters and time spent."""
    nlp = sentencizer()
    c: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    analyse_time = 0.0
    chars = 0
    annotated = polnear()
    for article, attributions in annotated:
        text = article.read()
        found, seconds = analyse(text, nlp)
        quotes = [q for q in found if q.depth == 0]
        analyse_time += seconds
        chars += len(text)
        all_content = [f for a in attributions for f in a.content]
        for q in quotes:
            c["found"] += 1
            if not any(overlap((q.content_start, q.content_end), f) for f in all_content):
                c["unannotated"] += 1
                c["unannotated_attributed"] += q.attributed
                c["unannotated_terms"] += q.is_term
        for a in attributions:
            if not a.source or not is_direct(text, a.content):
                continue
            c["gold"] += 1
            best, best_ov = None, 0
            for q in quotes:
                ov = sum(overlap((q.content_start, q.content_end), f) for f in a.content)
                if ov > best_ov:
                    best, best_ov = q, ov
            if best is None:
                c["missed"] += 1
                status = "MISSED"
            elif best.attributed:
                c["attributed"] += 1
                c["inherited"] += best.inherited
                kinds[best.speaker_kind or "?"] += 1
                assert best.speaker is not None
                hit = any(overlap(best.speaker, s) for s in a.source)
                c["speaker_overlap"] += hit
                status = "" if hit else "WRONG-SPEAKER"
            else:
                c["orphan"] += 1
                c["orphan_terms"] += best.is_term
                c["is_orphan"] += best.is_orphan
                status = "ORPHAN"
            if show_misses and status:
                frag = text[a.content[0][0] : a.content[-1][1]].replace("\n", " ")
                src = " / ".join(text[s:e] for s, e in a.source)
                ours = (
                    f" ours={best.speaker_text!r} cue={best.cue_text!r}"
                    if best and best.attributed
                    else ""
                )
                print(f"{status:14} {article.path.stem[:40]} {frag[:90]!r} gold={src!r}{ours}")
    cost = {"documents": len(annotated), "chars": chars, "analyse_seconds": analyse_time}
    return c, kinds, cost


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--show-misses", action="store_true", help="print every direct quote we fail to attribute"
    )
    args = ap.parse_args()
    if not polnear():
        print("no PolNeAR data at ../shared/eval/quotes/polnear")
        return 1
    c, kinds, cost = measure(args.show_misses)
    print(
        f"documents: {cost['documents']}  chars: {cost['chars']}  "
        f"analyse_quotes time: {cost['analyse_seconds'] * 1000:.0f} ms"
    )
    print(f"direct quotations with a source: {c['gold']}")
    gold = c["gold"] or 1
    att = c["attributed"] or 1
    rows = [
        ("attributed", c["attributed"], gold, f"inherited: {c['inherited']}"),
        ("orphan (no owner)", c["orphan"], gold, f"of which short terms: {c['orphan_terms']}"),
        ("Quote.is_orphan", c["is_orphan"], gold, "(orphans that are not short terms)"),
        ("not detected", c["missed"], gold, ""),
        ("speaker overlaps Source", c["speaker_overlap"], att, "(share of attributed)"),
    ]
    for label, n, total, note in rows:
        print(f"  {label + ':':26} {n:4} ({n / total:.3f})  {note}")
    print(f"  speaker kinds: {dict(kinds.most_common())}")
    print(
        f"quotes found: {c['found']}; with no annotation at all: {c['unannotated']} "
        f"(attributed {c['unannotated_attributed']}, short terms {c['unannotated_terms']})"
    )
    figures = {
        "documents": cost["documents"],
        "counts": dict(sorted(c.items())),
        "attributed_share": ratio(c["attributed"], c["gold"]),
        "orphan_share": ratio(c["orphan"], c["gold"]),
        "missed_share": ratio(c["missed"], c["gold"]),
        "speaker_overlap_share": ratio(c["speaker_overlap"], c["attributed"]),
        "speaker_kinds": dict(sorted(kinds.items())),
    }
    checks = {
        "attributed_share": Check(
            figures["attributed_share"] or 0.0,
            0.98,
            lower=False,
            why="share of annotated direct quotations with a Source that we attribute (issue 16)",
        ),
        "orphan_share": Check(
            figures["orphan_share"] or 0.0,
            0.01,
            why="share of annotated direct quotations with a Source that we leave orphaned",
        ),
        "speaker_overlap_share": Check(
            figures["speaker_overlap_share"] or 0.0,
            0.95,
            lower=False,
            why="share of attributed quotations whose speaker overlaps the annotated Source",
        ),
    }
    print(saved_note(save_results("quotes_polnear", COMMAND, figures, checks)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
