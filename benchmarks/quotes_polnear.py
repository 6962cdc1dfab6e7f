"""Measure newslint.analysis.quotes against PolNeAR attribution annotations (brat standoff).

For every DIRECT quotation (an annotated Content span that is quoted, sits inside double quote
marks, or is mostly quoted text) whose attribution has a Source, report the share we attribute,
the share we detect but leave without owner (orphans), the share we do not detect, and how often
our speaker span overlaps the annotated Source. Also counts the quotes we find that no annotation covers.

Usage: .venv/bin/python benchmarks/quotes_polnear.py [--data DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.analysis.quotes import DOUBLE_CLOSE, DOUBLE_OPEN, Quote, analyse_quotes  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "quotes" / "polnear"
_DOUBLE = DOUBLE_OPEN + DOUBLE_CLOSE + '"'
_LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
_PAIR_RE = re.compile(r"[“\"][^“”\"]*[”\"]")


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution: content fragments and optional source fragments."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]


def parse_ann(path: Path) -> list[Attribution]:
    """Read a brat .ann file into attributions (Content + Source spans)."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, _ = line.split("\t", 2)
            label, offsets = info.split(" ", 1)
            frags = tuple(tuple(int(x) for x in part.split()) for part in offsets.split(";"))
            spans[tid] = (label, frags)  # type: ignore[assignment]
        elif line.startswith("E"):
            args = line.split("\t")[1].split()
            relations.append({k.split("-")[0]: v for k, v in (a.split(":", 1) for a in args)})
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""), ("", ()))[1]
        source = spans.get(rel.get("Source", ""), ("", ()))[1]
        if content:
            out.append(Attribution(content, source))
    return out


def is_direct(text: str, frags: tuple[tuple[int, int], ...]) -> bool:
    """Content that is a quotation: quoted, inside quote marks, or mostly quoted text."""
    start, end = frags[0][0], frags[-1][1]
    body = text[start:end].strip(" ,.;:—-")
    if body[:1] in _DOUBLE:
        return True
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = end
    while j < len(text) and text[j] in " ,.;:!?":
        j += 1
    if i >= 0 and text[i] in DOUBLE_OPEN + '"' and j < len(text) and text[j] in DOUBLE_CLOSE + '"':
        return True
    quoted = sum(len(m.group()) for m in _PAIR_RE.finditer(body))
    return len(body) > 0 and quoted >= 0.5 * len(body)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def analyse(text: str, nlp) -> tuple[list[Quote], float]:  # type: ignore[no-untyped-def]
    """Quotes of one article (line paragraphs, sentencizer sentences) and seconds spent."""
    paragraphs = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    sentences = [(s.start_char, s.end_char) for s in nlp(text).sents]
    t0 = time.perf_counter()
    quotes = analyse_quotes(text, paragraphs, sentences).quotes
    return quotes, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument(
        "--show-misses", action="store_true", help="print every direct quote we fail to attribute"
    )
    args = ap.parse_args()
    if not (args.data / "text").is_dir():
        print(f"no PolNeAR data at {args.data}")
        return 1
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    anns = {p.name.rsplit("_", 1)[0]: p for p in (args.data / "attributions").glob("*.ann")}
    c: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    analyse_time = 0.0
    chars = 0
    for tpath in sorted((args.data / "text").glob("*.txt")):
        ann = anns.get(tpath.stem)
        if ann is None:
            continue
        text = tpath.read_text(encoding="utf-8")
        attributions = parse_ann(ann)
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
            if args.show_misses and status:
                frag = text[a.content[0][0] : a.content[-1][1]].replace("\n", " ")
                src = " / ".join(text[s:e] for s, e in a.source)
                ours = (
                    f" ours={best.speaker_text!r} cue={best.cue_text!r}"
                    if best and best.attributed
                    else ""
                )
                print(f"{status:14} {tpath.stem[:40]} {frag[:90]!r} gold={src!r}{ours}")
    gold = c["gold"] or 1
    print(
        f"documents: {len(anns)}  chars: {chars}  analyse_quotes time: {analyse_time * 1000:.0f} ms"
    )
    print(f"direct quotations with a source: {c['gold']}")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
