"""Linting a document again after a small edit, re-running only what the edit can change.

A rule whose kind declares ``locality = "block"`` finds in each block what it would find in that
block alone (the engine applies its scope, voice included, afterwards on the whole document).
:class:`BlockHits` keeps such a rule's hits per block, keyed by everything the hits can depend
on: the block's text with the two characters either side (what a look-behind or a word boundary
can see; only whitespace is allowed there), its source (a ``verbatim`` scope compares them) and
its offset map, and its kind. An edited block misses and is linted alone, as a document
of its own; every other block's hits are reused, shifted to where the block now starts.

A kind of ``locality = "split"`` works in two steps: ``gather`` finds per block what the block
alone gives (a word list's matches, the spelling candidates), kept per block the same way, and
``finish`` turns all blocks' items into hits on the whole document (with what only the whole
knows: quotations, counts across the text, density), every lint; it is cheap beside the
gathering, and nothing at all when no block has an item. Rules of ``"document"`` locality (the default: a new kind is safe without a thought) run on the whole text
as before, and so do the genre, the profile, the filter stage and everything else per document.
Whatever changes outside the blocks (path, format, front matter, vocabulary, the rules
themselves) is part of the key or drops the cache, so the result always equals a full lint:
``tests/test_incremental.py`` checks that on random edits.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis
    from newslint.engine.kind import Hit, Kind
    from newslint.engine.rules import Rule
    from newslint.readers.document import Block, Document

#: characters of context either side of a block that go into its key and its lone document
CONTEXT = 2
#: blocks kept per rule beyond those of the current text (so undo finds them again)
SPARE_BLOCKS = 200
#: what a block without hits or items keeps (most blocks, for most rules: one shared object,
#: not an empty list per rule and block of every open document)
_NOTHING: tuple[Any, ...] = ()

BLOCK = "block"
SPLIT = "split"
DOCUMENT = "document"


def is_block_local(rule: Rule) -> bool:
    """True when the rule's hits (or, for a split kind, its gathered items) in a block depend on
    that block alone, so they are kept per block.

    A block-local kind's ``check`` reads neither its scope nor the voice (whether a word is
    quoted depends on quotations that run across paragraphs): the engine applies the scope and
    the quote level to its hits afterwards, with the whole document's analysis."""
    return getattr(rule.compile(), "locality", DOCUMENT) in (BLOCK, SPLIT)


def _shift_hit(hit: Hit, by: int) -> Hit:
    return replace(hit, start=hit.start + by, end=hit.end + by)


def _shift_item(item: tuple[Any, ...], by: int) -> tuple[Any, ...]:
    """A split kind's item ``(start, end, ...)`` moved by ``by`` characters."""
    return (item[0] + by, item[1] + by, *item[2:])


def _span(found: Any) -> tuple[int, int]:
    """Where a hit or a split kind's item lies."""
    return (found[0], found[1]) if isinstance(found, tuple) else (found.start, found.end)


class _Window:
    """One block with its context: the text, source and offset map a lone document gets."""

    __slots__ = ("start", "end", "block", "key", "id", "_whole")

    def __init__(
        self, document: Document, block: Block, start: int, end: int, breaks: list[int]
    ) -> None:
        """``breaks``: where the offset map does not step by one (:func:`_map_breaks`)."""
        text = document.text
        self.start, self.end = start, end
        self.block = block
        first = document.source_offset(start)
        last = document.source_offset(end - 1) + 1 if end > start else first
        prose, source = text[start:end], document.source[first:last]
        # the offset map counted from the window's first source character: in the key as the
        # context's few entries when the block's own are one to one (no markup removed, no text
        # added; the usual case), else whole
        omap = document.offset_map
        at = document.source_offset(block.start)
        if omap:  # each entry one past the one before, all through the block
            i = bisect_left(breaks, block.start)
            plain = i == len(breaks) or breaks[i] >= block.end - 1
        else:
            plain = block.end == block.start
        offsets: Any
        if plain:
            offsets = (at - first, *(o - first for o in omap[start : block.start]))
            offsets += tuple(o - first for o in omap[block.end : end])
        else:
            offsets = _relative(omap, start, end, first)
        self.key = (block.kind, block.start - start, block.end - start, prose, source, offsets)
        #: a number for the key, the same in every lint while the key is kept (the per-rule
        #: caches look blocks up by it: one hash of the long key per lint, not one per rule)
        self.id = -1
        self._whole = document

    def document(self) -> Document:
        """The block alone, as a document of its own."""
        from newslint.readers.document import Block, Document

        kind, block_start, block_end, prose, source, offsets = self.key
        whole = self._whole
        first = whole.source_offset(self.start)
        return Document(
            path=whole.path,
            source=source,
            text=prose,
            blocks=[Block(kind, block_start, block_end)],
            offset_map=array("l", [o - first for o in whole.offset_map[self.start : self.end]]),
            format=whole.format,
            front_matter=whole.front_matter,
            encoding=whole.encoding,
        )


def _relative(offset_map: array, start: int, end: int, first: int) -> bytes:
    """``offset_map[start:end]`` counted from source offset ``first``."""
    return array("l", [o - first for o in offset_map[start:end]]).tobytes()


def _windows(document: Document) -> list[_Window] | None:
    """Each block with its context, or None when some block's context is not whitespace (blocks
    that touch: a block alone would then not see what it sees in the document)."""
    text = document.text
    out = []
    breaks = _map_breaks(document.offset_map)
    for block in document.blocks:
        start = max(block.start - CONTEXT, 0)
        end = min(block.end + CONTEXT, len(text))
        if text[start : block.start].strip() or text[block.end : end].strip():
            return None
        out.append(_Window(document, block, start, end, breaks))
    return out


def _map_breaks(offset_map: array) -> list[int]:
    """The indices ``i`` where ``offset_map[i + 1]`` is not ``offset_map[i] + 1`` (markup cut
    out, text added), found in one vectorised pass."""
    import numpy as np

    values = np.frombuffer(offset_map, dtype=np.dtype(f"i{offset_map.itemsize}"))
    return np.flatnonzero(np.diff(values) != 1).tolist()  # type: ignore[no-any-return]


class BlockHits:
    """Hits of block-local rules per block, kept from one lint of a document to the next.

    One instance per open document (an editor buffer); not thread-safe, one lint at a time.
    """

    def __init__(self, first_whole: bool = True) -> None:
        """``first_whole``: a document's first lint runs the rules on the whole text and keeps
        their hits block by block (no lone analyses); False lints every block alone, which
        ``benchmarks/incremental_exact.py`` uses to check the kinds' locality claims."""
        self.first_whole = first_whole
        #: per compiled rule: the kind (kept alive, so its id is not reused) and hits (or items)
        #: per block number
        self._rules: dict[int, tuple[Kind, dict[int, Sequence[Any]]]] = {}
        #: what every block's hits also depend on: path, format, front matter, vocabulary, model
        self._context: Any = None
        self._lone: dict[tuple[Any, ...], Analysis] = {}
        #: block key -> its number (see ``_Window.id``)
        self._ids: dict[tuple[Any, ...], int] = {}
        self._next_id = 0
        #: the spaCy model of the config being linted under (set by the caller before a lint)
        self.model: str | None = None
        self.reused = 0
        self.linted = 0

    def run_rule(self, rule: Rule, analysis: Analysis) -> Iterable[Hit]:
        """The rule's hits on the analysed document: from the cache for block-local rules; for
        split rules, the per-block items from the cache and the finishing step on the whole."""
        kind = rule.compile()
        locality = getattr(kind, "locality", DOCUMENT)  # a kind may set it by its options
        if locality not in (BLOCK, SPLIT):
            return kind.check(analysis)
        windows = analysis.memo(("incremental windows",), lambda: self._prepare(analysis))
        if windows is None:
            return kind.check(analysis)
        if locality == BLOCK:
            return self._per_block(kind, analysis, windows, kind.check, _shift_hit)
        items = self._per_block(kind, analysis, windows, kind.gather, _shift_item)
        return kind.finish(analysis, items)

    def _per_block(
        self,
        kind: Kind,
        analysis: Analysis,
        windows: list[_Window],
        step: Callable[[Analysis], Iterable[Any]],
        shift: Callable[[Any, int], Any],
    ) -> list[Any]:
        """What ``step`` gives on the whole document, as the concatenation of what it gives on
        each block alone (kept per block; only the blocks missing from the cache are run)."""
        entry = self._rules.get(id(kind))
        if entry is None or entry[0] is not kind:
            entry = self._rules[id(kind)] = (kind, {})
        cache = entry[1]
        if not cache and self.first_whole:  # the document's first lint: all at once
            return self._first_lint(analysis, windows, cache, step, shift)
        found_all: list[Any] = []
        for window in windows:
            found = cache.get(window.id)
            if found is None:
                found = list(step(self._lone_analysis(window, analysis))) or _NOTHING
                cache[window.id] = found
                self.linted += 1
            else:
                self.reused += 1
            if found:  # most blocks have none
                at = window.start
                found_all.extend(shift(item, at) for item in found)
        if len(cache) > len(windows) + SPARE_BLOCKS:
            keep = {w.id for w in windows}
            for key in [k for k in cache if k not in keep]:
                del cache[key]
        return found_all

    def _first_lint(
        self,
        analysis: Analysis,
        windows: list[_Window],
        cache: dict[int, Sequence[Any]],
        step: Callable[[Analysis], Iterable[Any]],
        shift: Callable[[Any, int], Any],
    ) -> list[Any]:
        """``step`` on the whole document, its items kept per block (what each block alone
        gives, by the kind's locality); none kept when an item lies outside every block's
        window."""
        from bisect import bisect_right

        items = list(step(analysis))
        starts = [w.block.start for w in windows]
        per_window: list[list[Any]] = [[] for _ in windows]
        for item in items:
            start, end = _span(item)
            i = bisect_right(starts, start) - 1
            window = windows[i] if i >= 0 else None
            if window is None or start < window.start or end > window.end:
                return items
            per_window[i].append(shift(item, -window.start))
        for window, found in zip(windows, per_window, strict=True):
            cache[window.id] = found or _NOTHING
        self.linted += len(windows)
        return items

    def end_lint(self) -> None:
        """Let go of the blocks' own analyses (a lint is over)."""
        self._lone.clear()

    def _prepare(self, analysis: Analysis) -> list[_Window] | None:
        """Start a lint: drop everything when what all blocks depend on has changed."""
        document = analysis.document
        context = (
            document.path,
            document.format,
            repr(sorted(document.front_matter.items())),
            id(getattr(analysis, "vocabulary", None)),
            getattr(analysis, "vocabulary", None),
            self.model,
        )
        if context != self._context:
            self._rules.clear()
            self._ids.clear()
            self._context = context
        self._lone.clear()
        windows = _windows(document)
        if windows is not None:
            ids = self._ids
            for window in windows:
                found = ids.get(window.key)
                if found is None:
                    found = ids[window.key] = self._next_id
                    self._next_id += 1
                window.id = found
            if len(ids) > len(windows) + SPARE_BLOCKS:  # a number is never given out again
                keep = {w.key for w in windows}
                for key in [k for k in ids if k not in keep]:
                    del ids[key]
        return windows

    def _lone_analysis(self, window: _Window, whole: Analysis) -> Analysis:
        """The analysis of one block alone (shared by every rule in this lint)."""
        from newslint.analysis.core import Analysis

        found = self._lone.get(window.key)
        if found is None:
            found = Analysis(window.document(), self.model)
            if hasattr(whole, "vocabulary"):
                found.vocabulary = whole.vocabulary  # type: ignore[attr-defined]
            self._lone[window.key] = found
        return found

    def forget_rules(self) -> None:
        """Drop every kept hit (the rules were reloaded)."""
        self._rules.clear()
        self._ids.clear()
        self._context = None
