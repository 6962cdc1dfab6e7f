"""Admission by a noisy channel: is an attested word a word, or an error the web repeats?

wordfreq has seen "recomend" and "guidlines" often enough to list them: a frequency floor admits
them with the jargon. The evidence against such a word is a much more frequent word a cheap edit
away. For every attested word w that Hunspell lacks (and every rare Hunspell form: "withing", an
inflection of "withe", is mostly a slip for "within" on the web), the build computes

    channel(w) = log10 sum_c 10 ** (zipf(c) - cost(w | c)) - zipf(w)

over the much more frequent words c within one edit (two for long words), where cost is
-log10 P(w | c) under the substring error model learned from codespell (errormodel.py). It is how
many times (log10) the web's errors for nearby words would explain w's own frequency, up to the
constant rate of errors per word, which the decision thresholds absorb. The thresholds live in
``newslint.spelling.lexicon`` and are fitted in ``benchmarks/spelling_admission.py``.

The search is vectorised: every target is keyed under its one- and two-letter deletions, every
query under its one-letter deletions, and one sorted join finds the pairs; the error model then
scores only the few most promising targets of each word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import numpy as np

from newslint.spelling.deletes import deletion_keys
from newslint.spelling.errormodel import ErrorModel

#: targets: plain lower-case words at least this common (zipf)
TARGET_MIN_ZIPF = 2.5
#: a target must be at least this much more common than the word (zipf) to count as evidence
GAP_MIN = 1.0
#: queries this long may be two edits from a target (shorter ones: one edit)
TWO_EDITS_FROM = 7
#: targets of each word scored by the error model (the most frequent, then the nearest)
TOP_TARGETS = 3
#: channel scores below this are not worth recording (the word has no rival to speak of)
FLOOR = -3.0
#: the frequency taken for a word wordfreq has never seen: its list's floor, an upper bound
UNATTESTED_ZIPF = 1.0


_PLAIN = re.compile(r"[a-z]+")


def _join(
    queries: list[str], q_most: int, targets: list[str | None], t_most: int, exact_t: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(query, target, rough distance) of pairs sharing a deletion key. With ``exact_t`` only
    target deletions of exactly ``t_most`` letters are keyed (the rest come from another join)."""
    qk, qi, qd = deletion_keys(queries, q_most)
    tk, ti, td = deletion_keys(targets, t_most)
    if exact_t:
        keep = td == t_most
        tk, ti, td = tk[keep], ti[keep], td[keep]
    order = np.argsort(tk, kind="stable")
    tk, ti, td = tk[order], ti[order], td[order]
    order = np.argsort(qk, kind="stable")  # sorted needles search several times faster
    qk, qi, qd = qk[order], qi[order], qd[order]
    lo = np.searchsorted(tk, qk, side="left")
    hi = np.searchsorted(tk, qk, side="right")
    counts = hi - lo
    has = counts > 0
    lo, counts, qi, qd = lo[has], counts[has], qi[has], qd[has]
    total = int(counts.sum())
    if not total:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
    pos = starts + np.arange(total)
    q = np.repeat(qi, counts)
    dist = np.maximum(np.repeat(qd, counts), td[pos]).astype(np.int64)
    return q, ti[pos].astype(np.int64), dist


def neighbour_pairs(
    queries: list[str], targets: list[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(query index, target index, rough edit distance) for every target within one edit of a
    query (insertion, deletion, substitution, transposition) or, for queries of TWO_EDITS_FROM
    letters or more, two. Hash collisions are filtered by length; duplicates keep the nearest."""
    q1, t1, d1 = _join(queries, 1, list(targets), 1, exact_t=False)
    long_queries = [w if len(w) >= TWO_EDITS_FROM else None for w in queries]
    long_targets = [w if len(w) >= TWO_EDITS_FROM else None for w in targets]
    q2, t2, d2 = _join(long_queries, 1, long_targets, 2, exact_t=True)  # type: ignore[arg-type]
    q = np.concatenate((q1, q2))
    t = np.concatenate((t1, t2))
    d = np.concatenate((d1, d2))
    qlen = np.array([len(w) for w in queries], dtype=np.int64)
    tlen = np.array([len(w) for w in targets], dtype=np.int64)
    keep = np.abs(qlen[q] - tlen[t]) <= d
    q, t, d = q[keep], t[keep], d[keep]
    order = np.lexsort((d, t, q))
    q, t, d = q[order], t[order], d[order]
    first = np.ones(len(q), dtype=bool)
    first[1:] = (q[1:] != q[:-1]) | (t[1:] != t[:-1])
    return q[first], t[first], d[first]


def channel_scores(
    queries: list[str], zipf: Mapping[str, float], model: ErrorModel
) -> dict[str, tuple[float, str]]:
    """Word -> (channel score, the target that explains it best) for the queries that have a
    much more frequent neighbour; the others have no rival and are left out."""
    targets = sorted(
        w for w, z in zipf.items() if z >= TARGET_MIN_ZIPF and w.isalpha() and w.islower()
    )
    q, t, d = neighbour_pairs(queries, targets)
    qz = np.array([zipf.get(w, 0.0) for w in queries]).tolist()
    tz = np.array([zipf[w] for w in targets])
    gap = tz[t] - np.asarray(qz)[q]
    keep = gap >= GAP_MIN
    q, t, d, gap = q[keep], t[keep], d[keep], gap[keep]
    # The most promising targets first: frequent and near (the error model scores only a few).
    order = np.lexsort((-(gap - d), q))
    q, t = q[order], t[order]
    tz = tz.tolist()
    out: dict[str, tuple[float, str]] = {}
    start = 0
    n = len(q)
    qs, ts = q.tolist(), t.tolist()
    while start < n:
        end = start
        while end < n and qs[end] == qs[start]:
            end += 1
        word = queries[qs[start]]
        base = qz[qs[start]]
        mass = 0.0
        best, best_score = "", -math.inf
        for ti in ts[start : min(end, start + TOP_TARGETS)]:
            target = targets[ti]
            # past this cost a target's share is below FLOOR: the full alignment may stop early
            score = tz[ti] - model.quick_cost(word, target, tz[ti] - base - FLOOR)
            if score > -math.inf:
                mass += 10.0**score
                if score > best_score:
                    best, best_score = target, score
        if mass > 0.0:
            channel = math.log10(mass) - base
            if channel >= FLOOR:
                out[word] = (channel, best)
        start = end
    return out


def channel_of(
    word: str,
    zipf: float,
    rivals: Mapping[str, float],
    model: ErrorModel,
    distance: Mapping[str, int] | None = None,
) -> float | None:
    """The channel score of one word at ``zipf`` against ``rivals`` (word -> zipf): the
    TOP_TARGETS most promising of them, by frequency less ``distance`` (rough edits) when it is
    given, as channel_scores() ranks them (None when no rival is GAP_MIN more common)."""
    dist = distance or {}
    near = sorted(
        ((z - dist.get(c, 0), z, c) for c, z in rivals.items() if z - zipf >= GAP_MIN),
        reverse=True,
    )
    mass = 0.0
    for _, z, c in near[:TOP_TARGETS]:
        score = z - model.quick_cost(word, c, z - zipf - FLOOR)
        if score > -math.inf:
            mass += 10.0**score
    return math.log10(mass) - zipf if mass > 0.0 else None
