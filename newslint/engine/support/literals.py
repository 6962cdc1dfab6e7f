"""Required literals: a cheap test that rules out most text before a big regex runs.

Some rules hold a union of dozens of case-insensitive patterns ("donate now", "support our
journalism", ...) and search every sentence for it; the regex engine tries every alternative at
every position. :func:`required_literals` reads the patterns' syntax trees and finds, for each
pattern, a few literal strings one of which every match must contain (``(?:discuss|share) this
(?:article|story)`` needs " this "). A document is searched for those strings once
(:meth:`LiteralFilter.occurrences`); a sentence that holds none of them cannot match, and the
regex is not run on it. Searching costs ~4 µs per literal on an article, so it pays only where the
regex runs on most of the text (every sentence), not on a few short lines. The same walk
(:func:`required_strings`, as written and with the pattern's flags) is the regex kind's prefilter.

The test is exact: it only skips text the patterns cannot match, and when it cannot be sure (a
pattern with no required literal, case folding it cannot mirror) it skips nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

#: shortest literal worth searching for: shorter ones occur almost everywhere
MIN_LITERAL = 3
#: characters that case-insensitive matching equates with an ASCII letter although their lower case
#: is not that letter (dotted and dotless i, long s, Kelvin sign); folded before searching, so a
#: lower-cased text contains every literal a match holds (tests check the list against ``re``)
FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

_Requirement = frozenset[str] | None  # one of these strings is in every match (None: unknown)


def required_literals(sources: Iterable[str], flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of any of ``sources`` contains, or None when
    some pattern has no such literal of MIN_LITERAL characters."""
    found: set[str] = set()
    for source in sources:
        need = required_strings(source, flags, fold=True)
        if need is None:
            return None
        found.update(need)
    return frozenset(found)


def required_strings(source: str, flags: int = 0, *, fold: bool = False) -> list[str] | None:
    """Strings one of which every match of the pattern ``source`` contains (each of MIN_LITERAL
    characters or more), or None when it has none. Only what a match consumes counts (not
    lookarounds); a small character class counts as its few variants (``[Tt]he``: "The", "the").

    As written, the strings are to be searched with the pattern's own ``flags``. With ``fold``
    they are lower case, for a case-insensitive pattern searched in a :func:`folded` text; then
    a non-ASCII letter ends a literal (its case folding is not mirrored) and a group's own flags
    are looked through (they can only narrow what matches)."""
    try:
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11 names it sre_parse
        return None
    try:
        tree = _parser.parse(source, flags)
    except Exception:  # the caller reports bad patterns
        return None
    return _Walk(_parser, fold).required(list(tree))[0]


#: most strings a run of literals and small character classes may stand for
MAX_VARIANTS = 8


class _Walk:
    """A walk over a parsed pattern, in the parser's terms (``re._parser``)."""

    def __init__(self, parser: Any, fold: bool) -> None:
        self.p = parser
        self.fold = fold

    def required(self, items: list[Any]) -> tuple[list[str] | None, bool]:
        """The best set of strings one of which every match of the sequence ``items`` contains,
        and whether they are all written out (not variants of a character class)."""
        p = self.p
        best: list[str] | None = None
        best_score: tuple[int, bool, int] = (0, False, 0)

        def consider(candidates: list[str] | None, plain: bool = True) -> None:
            """Keep the candidates whose shortest string is longest; on a tie, strings as written
            over the variants of a class (of those, the fewest), else the first found."""
            nonlocal best, best_score
            if not candidates:
                return
            shortest = min(map(len, candidates))
            if shortest < MIN_LITERAL:
                return
            score = (shortest, plain, 0 if plain else -len(candidates))
            if best is None or score > best_score:
                best, best_score = candidates, score

        literal, fold = p.LITERAL, self.fold
        run: list[str] = []  # the texts the current run of literals can be (one, or a few)
        for op, av in self._inline(items):
            chars: list[str] | None = None
            if op is literal:
                char = chr(av)
                if not fold or _plain(char):
                    char = char.lower() if fold else char
                    run = [r + char for r in run] if run else [char]
                    continue
            elif op is p.IN:
                chars = self._class(av)
            if chars is not None and len(run or [""]) * len(chars) <= MAX_VARIANTS:
                run = [r + c for r in (run or [""]) for c in chars]  # [Ii]ts: "Its" or "its"
                continue
            consider(run or None, len(run) == 1)
            run = []
            if op is p.BRANCH:
                alternatives = [self.required(list(alt)) for alt in av[1]]
                if all(alt for alt, _ in alternatives):
                    consider(
                        [s for alt, _ in alternatives if alt for s in alt],
                        all(plain for _, plain in alternatives),
                    )
            elif op is getattr(p, "ATOMIC_GROUP", None):
                consider(*self.required(list(av)))
            elif self._repeat(op) and av[0] >= 1:
                consider(*self.required(list(av[2])))
        consider(run or None, len(run) == 1)
        return best, best_score[1]

    def _inline(self, items: list[Any]) -> list[Any]:
        """A sequence with its groups spliced in: those without flags, or any when folding."""
        out: list[Any] = []
        subpattern, fold = self.p.SUBPATTERN, self.fold
        for op, av in items:
            if op is subpattern and (fold or (not av[1] and not av[2])):
                out.extend(self._inline(list(av[3])))
            else:
                out.append((op, av))
        return out

    def _class(self, members: list[Any]) -> list[str] | None:
        """The characters of a class of a few plain characters (``[Ii]``, ``['’]``), different
        after folding; None for any other class."""
        literal = self.p.LITERAL
        if len(members) > 4 or any(op is not literal for op, _ in members):
            return None
        chars = [chr(av) for _, av in members]
        if not self.fold:
            return chars
        if not all(_plain(c) for c in chars):
            return None
        return list(dict.fromkeys(c.lower() for c in chars))

    def _repeat(self, op: Any) -> bool:
        p = self.p
        return op in (p.MAX_REPEAT, p.MIN_REPEAT) or op is getattr(p, "POSSESSIVE_REPEAT", None)


def _plain(char: str) -> bool:
    """A pattern character whose case-insensitive matches all lower-case to its lower case: ASCII,
    or anything that is not a letter (non-ASCII letters are left out, to be safe)."""
    return char.isascii() or not char.isalpha()


def folded(text: str) -> str | None:
    """``text`` in lower case, with FOLD_TO_ASCII applied first; None if that changes its length."""
    if any(char in text for char in _FOLDED):
        text = text.translate(FOLD_TO_ASCII)
    low = text.lower()
    return low if len(low) == len(text) else None


_FOLDED = tuple(map(chr, FOLD_TO_ASCII))


class LiteralFilter:
    """Rules out spans of a document that cannot match a set of case-insensitive patterns."""

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = tuple(sorted(literals))

    def occurrences(self, analysis: Analysis) -> Occurrences | None:
        """Where the literals occur in the document (computed once per document and literal set);
        None when the text folds case in ways the search cannot mirror (then nothing is ruled out).
        """
        return analysis.memo(
            ("required-literals", self.literals),
            lambda: self._find(analysis.memo("folded-text", lambda: folded(analysis.text))),
        )

    def _find(self, low: str | None) -> Occurrences | None:
        """Occurrences in ``low``, the document's :func:`folded` text (None: search nothing)."""
        if low is None:
            return None
        spans: list[tuple[int, int]] = []
        for literal in self.literals:
            start = low.find(literal)
            while start >= 0:
                spans.append((start, start + len(literal)))
                start = low.find(literal, start + 1)
        return Occurrences(sorted(spans))


class Occurrences:
    """Spans of a document that hold a required literal."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts = [s for s, _ in spans]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def any_within(self, start: int, end: int) -> bool:
        """True when a literal lies wholly inside ``[start, end)``."""
        spans = self._spans
        i = bisect.bisect_left(self._starts, start)
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] <= end:
                return True
            i += 1
        return False


class PatternUnion:
    """Case-insensitive patterns searched as one alternation, in two parts: the patterns with
    required literals run only on spans that hold one of them; the others run everywhere.

    ``wrap`` turns the alternation's source into the regex to compile (edge decoration, word
    boundaries). Only whether some pattern matches is answered, so the split changes no result.
    """

    def __init__(self, sources: Sequence[str], wrap: Callable[[str], str]) -> None:
        with_literals: list[str] = []
        literals: set[str] = set()
        others: list[str] = []
        for source in sources:
            need = required_literals([source], re.IGNORECASE)
            if need:
                with_literals.append(source)
                literals |= need
            else:
                others.append(source)
        self._filtered = _union(with_literals, wrap)
        self._others = _union(others, wrap)
        self._filter = LiteralFilter(frozenset(literals)) if literals else None

    def occurrences(self, analysis: Analysis) -> Occurrences | None:
        """Where this union's literals occur in the document (None: nothing can be ruled out)."""
        return self._filter.occurrences(analysis) if self._filter is not None else None

    def search(self, text: str, start: int, end: int, found: Occurrences | None) -> bool:
        """Does one pattern match somewhere in ``text[start:end]``?"""
        if self._others is not None and self._others.search(text, start, end):
            return True
        return self._filtered is not None and (
            (found is None or found.any_within(start, end))
            and self._filtered.search(text, start, end) is not None
        )


def _union(sources: Sequence[str], wrap: Callable[[str], str]) -> re.Pattern[str] | None:
    if not sources:
        return None
    return re.compile(wrap("|".join(f"(?:{s})" for s in sources)), re.IGNORECASE)
