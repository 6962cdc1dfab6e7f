"""A learned spelling error model (Brill and Moore's substring edits), trained on codespell.

codespell's dictionary holds tens of thousands of real misspellings with their corrections. Each
pair is aligned letter by letter; every edited stretch, widened by up to two letters of context
on either side, counts as one substring edit alpha -> beta ("ie" -> "ei", "ant" -> "ent",
"^acc" -> "^ac", where ^ and $ mark the word's ends). P(beta | alpha) = count(alpha -> beta) /
count(alpha in the correct words). The cost of a misspelling given a word is then the cheapest
way to cut both into matching pieces, -log10 of the product of the pieces' probabilities;
unchanged letters are free, and edits never seen cost a flat amount by kind.

The table is computed at first use from the installed codespell package and disk-cached.
"""

from __future__ import annotations

import marshal
import math
import re
from collections import Counter
from collections.abc import Iterable

VERSION = 1  # bump when training changes (names the disk cache entry)
MAX_PIECE = 3  # longest alpha or beta, context included
CONTEXT = 2
MIN_COUNT = 2  # edits seen fewer times are noise (single-letter edits are always kept)
# Costs (-log10 P) of edits the table lacks.
UNSEEN_SUB = 3.0
UNSEEN_INDEL = 3.0
UNSEEN_TRANSPOSE = 3.0
# Alignments stray at most this far from the diagonal (beyond the length difference).
BAND = 4
# Cheapest an edit may be: frequent edits in the training pairs are not free in real text.
MIN_EDIT_COST = 0.3

_WORD = re.compile(r"[a-z]+")

Table = dict[str, dict[str, float]]


def align(correct: str, typo: str) -> list[tuple[str, str]]:
    """Optimal letter alignment of ``correct`` with ``typo`` as (from, to) pieces.

    Matches are ("x", "x"); substitutions ("x", "y"); deletions ("x", ""); insertions ("", "y");
    transpositions ("xy", "yx"). Unit costs, vowel-for-vowel substitutions slightly cheaper.
    """
    n, m = len(correct), len(typo)
    inf = float("inf")
    d = [[inf] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            best = inf
            if i and j:
                a, b = correct[i - 1], typo[j - 1]
                sub = 0.0 if a == b else (0.9 if _vv(a, b) else 1.0)
                best = d[i - 1][j - 1] + sub
            if i:
                best = min(best, d[i - 1][j] + 1.0)
            if j:
                best = min(best, d[i][j - 1] + 1.0)
            if transposed(correct, typo, i, j):
                best = min(best, d[i - 2][j - 2] + 1.0)
            d[i][j] = best
    ops: list[tuple[str, str]] = []
    i, j = n, m
    while i or j:
        here = d[i][j]
        if i and j and correct[i - 1] == typo[j - 1] and here == d[i - 1][j - 1]:
            ops.append((correct[i - 1], typo[j - 1]))
            i, j = i - 1, j - 1
        elif transposed(correct, typo, i, j) and here == d[i - 2][j - 2] + 1.0:
            ops.append((correct[i - 2 : i], typo[j - 2 : j]))
            i, j = i - 2, j - 2
        elif (
            i and j and here == d[i - 1][j - 1] + (0.9 if _vv(correct[i - 1], typo[j - 1]) else 1.0)
        ):
            ops.append((correct[i - 1], typo[j - 1]))
            i, j = i - 1, j - 1
        elif i and here == d[i - 1][j] + 1.0:
            ops.append((correct[i - 1], ""))
            i -= 1
        else:
            ops.append(("", typo[j - 1]))
            j -= 1
    ops.reverse()
    return ops


def transposed(a: str, b: str, i: int, j: int) -> bool:
    """Are the two letters of ``a`` before ``i`` the two of ``b`` before ``j``, swapped ("ei"/"ie")?"""
    return (
        i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and a[i - 1] != a[i - 2]
    )


def _vv(a: str, b: str) -> bool:
    return a != b and a in "aeiouy" and b in "aeiouy"


def _trim(a: str, b: str, keep: int) -> tuple[str, str]:
    """Drop the common prefix and suffix of ``a`` and ``b`` except ``keep`` letters of each."""
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    start = max(0, p - keep)
    s = 0
    while s < n - p and a[-1 - s] == b[-1 - s]:
        s += 1
    stop = max(0, s - keep)
    return a[start : len(a) - stop], b[start : len(b) - stop]


def substring_edits(correct: str, typo: str) -> set[tuple[str, str]]:
    """Every substring edit (alpha, beta) consistent with the alignment, context included."""
    ops = align(*_trim(f"^{correct}$", f"^{typo}$", CONTEXT))
    out: set[tuple[str, str]] = set()
    # Runs of consecutive edited pieces; each run and each of its pieces is an edit region.
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(ops):
        if ops[k][0] == ops[k][1]:
            k += 1
            continue
        start = k
        while k < len(ops) and ops[k][0] != ops[k][1]:
            k += 1
        runs.append((start, k))
    regions = set(runs)
    for a, b in runs:
        regions.update((p, p + 1) for p in range(a, b))
    for a, b in regions:
        core_from = "".join(o[0] for o in ops[a:b])
        core_to = "".join(o[1] for o in ops[a:b])
        for left in range(CONTEXT + 1):
            if a - left < 0 or any(o[0] != o[1] for o in ops[a - left : a]):
                break
            lctx = "".join(o[0] for o in ops[a - left : a])
            for right in range(CONTEXT + 1):
                if b + right > len(ops) or any(o[0] != o[1] for o in ops[b : b + right]):
                    break
                rctx = "".join(o[0] for o in ops[b : b + right])
                alpha, beta = lctx + core_from + rctx, lctx + core_to + rctx
                if alpha and len(alpha) <= MAX_PIECE and len(beta) <= MAX_PIECE:
                    out.add((alpha, beta))
    return out


def train(pairs: Iterable[tuple[str, str]]) -> Table:
    """alpha -> {beta: cost} from (misspelling, correct word) pairs."""
    edits: Counter[tuple[str, str]] = Counter()
    corrects: list[str] = []
    for typo, correct in pairs:
        if typo == correct or not _WORD.fullmatch(typo) or not _WORD.fullmatch(correct):
            continue
        corrects.append(f"^{correct}$")
        edits.update(substring_edits(correct, typo))
    alphas = {a for a, _ in edits}
    seen: Counter[str] = Counter()
    for word in corrects:
        for size in range(1, MAX_PIECE + 1):
            for i in range(len(word) - size + 1):
                piece = word[i : i + size]
                if piece in alphas:
                    seen[piece] += 1
    table: Table = {}
    for (alpha, beta), count in edits.items():
        if count < MIN_COUNT and len(alpha) + len(beta) > 2:
            continue
        p = count / (seen[alpha] + 1)
        cost = max(MIN_EDIT_COST, -math.log10(p)) if p > 0 else UNSEEN_SUB
        table.setdefault(alpha, {})[beta] = round(cost, 3)
    return table


def dump(table: Table) -> bytes:
    return marshal.dumps(table)


def loads(blob: bytes) -> Table:
    table = marshal.loads(blob)
    if not isinstance(table, dict):
        raise ValueError("bad error model")
    return table


class ErrorModel:
    """cost(typo, word) = -log10 P(typo | word) under the substring edit table."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def quick_cost(self, typo: str, word: str, limit: float = math.inf) -> float:
        """cost() for a typo that differs from the word in one stretch of at most two letters
        (one insertion, deletion, substitution or transposition), by table look-ups alone; the
        full alignment (cost(), which gives up past ``limit``) for anything else. About six
        times faster than cost()."""
        c, t = f"^{word}$", f"^{typo}$"
        n = min(len(c), len(t))
        p = 0
        while p < n and c[p] == t[p]:
            p += 1
        s = 0
        while s < n - p and c[-1 - s] == t[-1 - s]:
            s += 1
        core_c, core_t = len(c) - p - s, len(t) - p - s
        if core_c > 2 or core_t > 2 or core_c + core_t == 0:
            return self.cost(typo, word, limit)
        # An edit inside a run of one letter ("ll" -> "lll") may sit anywhere in the run: try
        # the leftmost place too (the prefix match above found the rightmost).
        s2 = 0
        while s2 < n and c[-1 - s2] == t[-1 - s2]:
            s2 += 1
        if s2 > s:
            return min(self._window_cost(c, t, p, s), self._window_cost(c, t, n - s2, s2))
        return self._window_cost(c, t, p, s)

    def _window_cost(self, c: str, t: str, p: int, s: int) -> float:
        """Cheapest table entry covering c[p:-s] -> t[p:-s] with up to two letters of context."""
        core_c, core_t = len(c) - p - s, len(t) - p - s
        table = self._table
        best = UNSEEN_TRANSPOSE if core_c == core_t == 2 else UNSEEN_SUB
        if core_c == 2 and core_t == 2:  # two substitutions side by side, each on its own
            two = 0.0
            for k in (p, p + 1):
                row = table.get(c[k])
                two += row.get(t[k], UNSEEN_SUB) if row else UNSEEN_SUB
            best = min(best, two)
        for left in range(MAX_PIECE):
            if p - left < 0:
                break
            for right in range(MAX_PIECE):
                alpha = c[p - left : len(c) - s + right]
                beta = t[p - left : len(t) - s + right]
                if len(alpha) > MAX_PIECE or len(beta) > MAX_PIECE or s - right < 0:
                    break
                row = table.get(alpha)
                if row:
                    cost = row.get(beta)
                    if cost is not None and cost < best:
                        best = cost
        return best

    def cost(self, typo: str, word: str, limit: float = math.inf) -> float:
        """Cheapest segmentation cost; stops early (returns inf) once every path exceeds ``limit``."""
        c, t = _trim(f"^{word}$", f"^{typo}$", MAX_PIECE - 1)
        n, m = len(c), len(t)
        table = self._table
        inf = math.inf
        # Pieces of the word ending at each position that the table knows: (length, {beta: cost}).
        ends: list[list[tuple[int, dict[str, float]]]] = [[] for _ in range(n + 1)]
        for i in range(1, n + 1):
            for a in range(1, min(MAX_PIECE, i) + 1):
                row = table.get(c[i - a : i])
                if row:
                    ends[i].append((a, row))
        # Pieces of the misspelling ending at each position: (length, text).
        tails = [[(b, t[j - b : j]) for b in range(min(MAX_PIECE, j) + 1)] for j in range(m + 1)]
        band = abs(n - m) + BAND
        prev2: list[float] = []
        prev = [inf] * (m + 1)
        prev[0] = 0.0
        rows = [prev]
        for j in range(1, min(m, band) + 1):  # word prefix empty: only insertions
            prev[j] = prev[j - 1] + UNSEEN_INDEL
        for i in range(1, n + 1):
            ci = c[i - 1]
            cur = [rows[i - 1][0] + UNSEEN_INDEL] + [inf] * m
            pieces = ends[i]
            for j in range(max(1, i - band), min(m, i + band) + 1):
                tj = t[j - 1]
                if ci == tj:
                    best = prev[j - 1]
                else:
                    best = prev[j - 1] + UNSEEN_SUB
                    if (
                        i > 1
                        and j > 1
                        and ci == t[j - 2]
                        and c[i - 2] == tj
                        and prev2[j - 2] + UNSEEN_TRANSPOSE < best
                    ):
                        best = prev2[j - 2] + UNSEEN_TRANSPOSE
                x = prev[j] + UNSEEN_INDEL
                if x < best:
                    best = x
                x = cur[j - 1] + UNSEEN_INDEL
                if x < best:
                    best = x
                if pieces:
                    for b, piece in tails[j]:
                        for a, row in pieces:
                            cost = row.get(piece)
                            if cost is not None:
                                x = rows[i - a][j - b] + cost
                                if x < best:
                                    best = x
                cur[j] = best
            if min(cur) > limit:
                return inf
            rows.append(cur)
            prev2, prev = prev, cur
        return prev[m]
