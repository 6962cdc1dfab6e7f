"""The language server's aims, measured through a bare LSP client over stdio.

    .venv/bin/python benchmarks/lsp_latency.py                 # all three figures
    .venv/bin/python benchmarks/lsp_latency.py --articles 20 --edits 20 --open 50

1. **First diagnostics**: from starting ``newslint lsp`` to the sample article's diagnostics
   (spaCy's import, the rules and the spelling tables included). Aim: <= 2.5 s.
2. **Latency after a small edit**: distinct articles of 1,300-1,900 words from
   ``../shared/eval`` (news, clean copy, quotes; each a different article, never copies), each
   opened and then edited ``--edits`` times, one small incremental change at a time (a word
   typed, a word deleted, a letter swapped), waiting for the diagnostics of each version. The
   first article warms the server and is left out. Aim: <= 50 ms p95 once warm. Also a burst:
   20 edits sent without waiting, timed from the last edit to the last version's diagnostics.
3. **Memory**: the server's resident set after ``--open`` distinct documents are open and
   linted. Aim: < 400 MB.

Times are wall-clock through the pipe, so a busy machine inflates them: the load average is
printed beside them, and the server's CPU time per edit too. Where each edit's time goes is
printed stage by stage from the server's own timestamps (``NEWSLINT_LSP_TIMING``, see
``newslint/frontends/lsp/timing.py``), on the clock the client shares.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
EVAL = ROOT.parent / "shared" / "eval"
SOURCES = ("news/wikinews", "clean/scrapinghub", "quotes/polnear/text", "propaganda/articles")

from core import save_results  # noqa: E402
from lsp_wire import WireClient  # noqa: E402


def articles(low: int, high: int) -> list[tuple[str, str]]:
    """(source, text) of every eval article with ``low``..``high`` words, sources interleaved."""
    by_source: dict[str, list[tuple[str, str]]] = {}
    for source in SOURCES:
        for path in sorted((EVAL / source).glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            if low <= len(text.split()) <= high:
                by_source.setdefault(source, []).append((source, text))
    out: list[tuple[str, str]] = []
    while any(by_source.values()):
        for items in by_source.values():
            if items:
                out.append(items.pop(0))
    return out


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident and peak resident memory of a process, MB."""
    values = {}
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def small_edit(text: str, rng: random.Random) -> tuple[int, int, int, int, str]:
    """A small incremental change somewhere in the body: (line, start, end) in UTF-16 units on
    one line (the texts' lines are BMP-only here, so code points), and the new text."""
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if len(line.split()) >= 8][1:] or [0]
    n = rng.choice(candidates)
    line = lines[n]
    spaces = [i for i, ch in enumerate(line) if ch == " "]
    at = rng.choice(spaces) if spaces else len(line)
    kind = rng.choice(("type", "delete", "swap"))
    if kind == "type":
        return n, at, at, 0, " really"
    if kind == "delete" and len(spaces) > 2:
        i = spaces.index(at) if at in spaces else 0
        end = spaces[i + 1] if i + 1 < len(spaces) else len(line)
        return n, at, end, 0, ""
    return n, max(at - 2, 0), at, 0, line[max(at - 2, 0) : at][::-1]


def edit_kind(edit: tuple[int, int, int, int, str]) -> str:
    """What a small edit did: a word typed, a word deleted or two letters swapped."""
    return {" really": "type", "": "delete"}.get(edit[4], "swap")


def apply(text: str, edit: tuple[int, int, int, int, str]) -> str:
    n, start, end, _, new = edit
    lines = text.split("\n")
    lines[n] = lines[n][:start] + new + lines[n][end:]
    return "\n".join(lines)


def open_document(client: WireClient, uri: str, text: str) -> None:
    item = {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": item})
    client.diagnostics(uri, 1, timeout=300)


def send_change(client: WireClient, uri: str, version: int, edit: tuple) -> None:
    n, start, end, _, new = edit
    rng = {"start": {"line": n, "character": start}, "end": {"line": n, "character": end}}
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": rng, "text": new}],
        },
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=12, help="articles to edit (first warms)")
    parser.add_argument("--edits", type=int, default=20, help="small edits per article")
    parser.add_argument("--open", type=int, default=50, help="documents open for the memory figure")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"needs the evaluation data in {EVAL}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    workspace = tempfile.mkdtemp(prefix="newslint-lsp-bench-")
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    timing_file = os.path.join(workspace, "timings.jsonl")
    client = WireClient(cwd=workspace, env={"NEWSLINT_LSP_TIMING": timing_file})
    client.initialize(workspace)
    seed = (ROOT / "seeds" / "000_d2c5ac03fb099af7.txt").read_text(encoding="utf-8")
    uri = Path(workspace, "sample.txt").as_uri()
    open_document(client, uri, seed)
    first = time.perf_counter() - client.started
    print(
        f"first diagnostics: {first:.2f} s after start, server CPU "
        f"{cpu_seconds(client.proc.pid):.2f} s (aim <= 2.5 s)"
    )

    pool = articles(1300, 1900)
    chosen = pool[: args.articles]
    latencies: list[float] = []
    cpu_per_edit: list[float] = []
    per_source: dict[str, list[float]] = {}
    per_kind: dict[str, list[float]] = {}
    #: (uri, version) -> (sent, received) on the client, for the stage breakdown
    edits_timed: dict[tuple[str, int], tuple[float, float]] = {}
    for index, (source, text) in enumerate(chosen):
        uri = Path(workspace, f"article-{index}.txt").as_uri()
        open_document(client, uri, text)
        for version in range(2, args.edits + 2):
            edit = small_edit(text, rng)
            text = apply(text, edit)
            cpu_before = cpu_seconds(client.proc.pid)
            sent = time.perf_counter()
            send_change(client, uri, version, edit)
            message = client.diagnostics(uri, version)
            cpu = cpu_seconds(client.proc.pid) - cpu_before
            if index == 0:
                continue  # warming up
            latencies.append(message["_received"] - sent)
            edits_timed[(uri, version)] = (sent, message["_received"])
            cpu_per_edit.append(cpu)
            per_source.setdefault(source, []).append(message["_received"] - sent)
            per_kind.setdefault(edit_kind(edit), []).append(message["_received"] - sent)
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    words = statistics.median(len(t.split()) for _, t in chosen)
    print(
        f"\nsmall edits on {len(chosen) - 1} distinct articles (median {words:.0f} words), "
        f"{len(latencies)} edits, load average now {os.getloadavg()[0]:.1f}:"
    )
    print(
        f"  diagnostics after an edit: median {statistics.median(latencies) * 1000:.1f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms"
        " (aim p95 <= 50 ms)"
    )
    print(
        f"  server CPU per edit: median {statistics.median(cpu_per_edit) * 1000:.0f} ms, "
        f"p95 {percentile(cpu_per_edit, 0.95) * 1000:.0f} ms (10 ms clock ticks)"
    )
    for source, values in sorted(per_source.items()):
        print(
            f"  {source:<22} {len(values):>4} edits  median {statistics.median(values) * 1000:6.1f}"
            f" ms  p95 {percentile(values, 0.95) * 1000:6.1f} ms"
        )

    for kind, values in sorted(per_kind.items()):
        print(
            f"  {kind:<22} {len(values):>4} edits  median {statistics.median(values) * 1000:6.1f}"
            f" ms  p95 {percentile(values, 0.95) * 1000:6.1f} ms"
        )

    stages = stage_breakdown(timing_file, edits_timed)
    for stage, values in stages.items():
        print(f"    {stage:<34} median {values['median']:6.2f} ms  p95 {values['p95']:6.2f} ms")

    # a burst: 20 edits without waiting, then the last version's diagnostics
    source, text = pool[args.articles % len(pool)]
    uri = Path(workspace, "burst.txt").as_uri()
    open_document(client, uri, text)
    bursts = []
    version = 1
    for _ in range(5):
        for _ in range(20):
            version += 1
            edit = small_edit(text, rng)
            text = apply(text, edit)
            send_change(client, uri, version, edit)
        last = time.perf_counter()
        message = client.diagnostics(uri, version)
        bursts.append(message["_received"] - last)
    print(
        f"  20 edits in a burst, last edit to its diagnostics: median "
        f"{statistics.median(bursts) * 1000:.1f} ms over {len(bursts)} bursts"
    )

    # memory after many open documents
    opened = pool[args.articles + 1 :] + articles(200, 1299)
    for index, (_, text) in enumerate(opened[: args.open]):
        open_document(client, Path(workspace, f"open-{index}.txt").as_uri(), text)
    rss, peak = rss_mb(client.proc.pid)
    print(
        f"\nmemory with {min(args.open, len(opened))} distinct documents open: {rss:.0f} MB "
        f"resident, peak {peak:.0f} MB (aim < 400 MB)"
    )
    code = client.close()
    figures = {
        "load_average_at_end": os.getloadavg()[0],
        "first_diagnostics_s": first,
        "edit_latency_ms": {
            "median": statistics.median(latencies) * 1000,
            "p95": percentile(latencies, 0.95) * 1000,
            "max": max(latencies) * 1000,
            "edits": len(latencies),
            "articles": len(chosen) - 1,
            "median_words": words,
        },
        "server_cpu_per_edit_ms": {
            "median": statistics.median(cpu_per_edit) * 1000,
            "p95": percentile(cpu_per_edit, 0.95) * 1000,
        },
        "edit_latency_p95_ms_by_source": {
            source: percentile(values, 0.95) * 1000 for source, values in per_source.items()
        },
        "edit_latency_ms_by_kind": {
            kind: {
                "median": statistics.median(values) * 1000,
                "p95": percentile(values, 0.95) * 1000,
                "edits": len(values),
            }
            for kind, values in per_kind.items()
        },
        "edit_stages_ms": stages,
        "burst_last_edit_ms_median": statistics.median(bursts) * 1000,
        "memory_mb": {"open_documents": min(args.open, len(opened)), "rss": rss, "peak": peak},
    }
    # wall times depend on the machine's load, so they are stored as figures, not checked
    path = save_results("lsp_latency", _command(args), figures)
    print(f"results: {path.relative_to(ROOT)}")
    return 0 if code == 0 else 1


#: the stages of one edit's way, as (name, from stamp, to stamp); "sent"/"seen" are the client's
STAGES = (
    ("pipe in (sent -> handler runs)", "sent", "received"),
    ("apply the change", "received", "applied"),
    ("wait for the worker", "applied", "lint_start"),
    ("lint", "lint_start", "lint_end"),
    ("hand back to the event loop", "lint_end", "publish_start"),
    ("diagnostics to JSON, written", "publish_start", "publish_sent"),
    ("pipe out (written -> client has it)", "publish_sent", "seen"),
)


def stage_breakdown(
    path: str, timed: dict[tuple[str, int], tuple[float, float]]
) -> dict[str, dict[str, float]]:
    """Median and p95 of each stage over the timed edits, from the server's stamps (same
    monotonic clock as the client's), plus the collector's pauses per edit."""
    if not os.path.exists(path):
        return {}
    values: dict[str, list[float]] = {name: [] for name, _, _ in STAGES}
    values["of which garbage collection"] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            key = (record["uri"], record["version"])
            if key not in timed:
                continue
            record["sent"], record["seen"] = timed[key]
            for name, start, end in STAGES:
                if start in record and end in record:
                    values[name].append((record[end] - record[start]) * 1000)
            values["of which garbage collection"].append(record["gc_ms"])
    return {
        name: {"median": statistics.median(v), "p95": percentile(v, 0.95)}
        for name, v in values.items()
        if v
    }


def _command(args: argparse.Namespace) -> str:
    return (
        f".venv/bin/python benchmarks/lsp_latency.py --articles {args.articles} "
        f"--edits {args.edits} --open {args.open} --seed {args.seed}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
