"""``metric``: a number computed per document, paragraph or sentence, against a threshold.

```yaml
kind: metric
metric: words                 # words, sentences, characters, or a readability metric from
                              # newslint.analysis.metrics (flesch_kincaid_grade, gunning_fog, smog_index, ...)
unit: sentence                # document, paragraph or sentence
max: 40                       # flag when value > max (and/or value < min)
min-words: 100                # skip units shorter than this (readability needs enough text)
```
Message fields: ``{value}``, ``{max}``, ``{min}``, ``{metric}``, ``{words}``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis, Sentence

UNITS = ("document", "paragraph", "sentence")


def _count_words(analysis: Analysis, start: int, end: int) -> int:
    """Alphabetic or number-like tokens overlapping ``text[start:end]``."""
    tokens = analysis.token_range(start, end)
    if not tokens:
        return 0
    before = analysis.memo("metric-words-before", lambda: _words_before(analysis))
    return before[tokens.stop] - before[tokens.start]


def _words_before(analysis: Analysis) -> list[int]:
    """Item i: how many of the tokens before token i are words (alphabetic or number-like)."""
    return list(accumulate(map(bool.__or__, analysis.is_alpha, analysis.like_num), initial=0))


class MetricKind(Kind):
    name = "metric"
    generic = True
    options = {
        "metric": Option(
            (str,),
            required=True,
            help="words, sentences, characters, or a readability formula of newslint.analysis.metrics",
        ),
        "unit": Option(
            (str,), default="document", choices=UNITS, help="what one value is computed over"
        ),
        "max": Option((int, float), help="flag a value above this"),
        "min": Option((int, float), help="flag a value below this"),
        "min-words": Option((int,), default=0, help="skip units with fewer words"),
        "round": Option((int,), default=1, help="decimal places of {value} in the message"),
    }
    default_scope = {"block": "prose"}

    def setup(self, options: Mapping[str, Any]) -> None:
        if options["max"] is None and options["min"] is None:
            raise OptionError("max", "a metric rule needs 'max' and/or 'min'")
        self.metric = options["metric"]
        self.unit = options["unit"]
        self.max, self.min = options["max"], options["min"]
        self.min_words = options["min-words"]
        self.digits = options["round"]
        self.compute = self._resolve(self.metric)
        self.readability = self.metric not in ("words", "sentences", "characters")
        #: a sentence's or a paragraph's value is the block's own; a readability formula over
        #: the document adds up each block's counts (kept per block by an editor's re-lint)
        self.locality = (
            "block" if self.unit != "document" else "split" if self.readability else "document"
        )

    def _resolve(self, name: str) -> Callable[..., float]:
        """The value of a unit: (analysis, start, end, its sentences, its readability counts
        when they are known already) -> value."""
        if name == "words":
            return lambda a, s, e, sents, counts=None: _count_words(a, s, e)
        if name == "sentences":
            return lambda a, s, e, sents, counts=None: len(sents)
        if name == "characters":
            return lambda a, s, e, sents, counts=None: e - s
        from newslint.analysis import metrics

        if name not in metrics.METRICS:
            known = ", ".join(["words", "sentences", "characters", *sorted(metrics.METRICS)])
            raise OptionError("metric", f"unknown metric {name!r} (known: {known})")
        func = metrics.METRICS[name]

        def readability(
            a: Analysis, s: int, e: int, sents: list[Sentence], counts: Any = None
        ) -> float:
            if counts is None:
                spans = [(x.start - s, x.end - s) for x in sents]
                counts = metrics.count_text(a.text[s:e], spans)
            return float(func(counts))

        return readability

    def _units(self, analysis: Analysis) -> Iterator[tuple[int, int, list[Sentence]]]:
        blocks = [b for b in analysis.blocks if self.scope.allows("narration", b.kind)]
        if self.unit == "sentence":
            for b in blocks:
                for s in analysis.sentences_in(b):
                    yield s.start, s.end, [s]
        elif self.unit == "paragraph":
            for b in blocks:
                yield b.start, b.end, analysis.sentences_in(b)
        elif blocks:
            # the document: its prose blocks joined, reported at the first of them
            sents = [s for b in blocks for s in analysis.sentences_in(b)]
            yield blocks[0].start, blocks[-1].end, sents

    def gather(self, analysis: Analysis) -> Iterator[tuple[int, int, Any]]:
        """Each block's readability counts, its sentences' alone (the document unit)."""
        from newslint.analysis import metrics

        text = analysis.text
        for b in analysis.blocks:
            spans = [(s.start - b.start, s.end - b.start) for s in analysis.sentences_in(b)]
            yield b.start, b.end, metrics.count_text(text[b.start : b.end], spans)

    def finish(self, analysis: Analysis, items: list[tuple[Any, ...]]) -> Iterator[Hit]:
        return self._hits(analysis, items)

    def _document_counts(
        self, analysis: Analysis, items: list[tuple[Any, ...]], start: int, end: int
    ) -> Any:
        """The counts of ``text[start:end]`` (with the sentences of the blocks in scope) added up
        from the blocks', or None unless only white space lies between those blocks."""
        from dataclasses import fields

        from newslint.analysis.metrics import Counts

        inside = [item for item in items if start <= item[0] and item[1] <= end]
        text = analysis.text
        if not inside or any(
            text[a[1] : b[0]].strip() for a, b in zip(inside, inside[1:], strict=False)
        ):
            return None
        totals = {f.name: sum(getattr(item[2], f.name) for item in inside) for f in fields(Counts)}
        kinds = {b.start: b.kind for b in analysis.blocks}
        totals["sentences"] = sum(
            item[2].sentences
            for item in inside
            if self.scope.allows("narration", kinds.get(item[0], ""))
        )
        return Counts(**totals)

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        return self._hits(analysis, None)

    def _hits(self, analysis: Analysis, items: list[tuple[Any, ...]] | None) -> Iterator[Hit]:
        for start, end, sents in self._units(analysis):
            words = (
                _count_words(analysis, start, end)
                if self.min_words or self.metric != "words"
                else None
            )
            if self.min_words and (words or 0) < self.min_words:
                continue
            counts = None
            if items is not None:
                counts = self._document_counts(analysis, items, start, end)
            value = self.compute(analysis, start, end, sents, counts)
            too_high = self.max is not None and value > self.max
            too_low = self.min is not None and value < self.min
            if not (too_high or too_low):
                continue
            shown = round(value, self.digits) if isinstance(value, float) else value
            if self.unit == "document" and sents:
                end = sents[0].end  # point at the first sentence, not the whole article
            yield Hit(
                start,
                end,
                {
                    "value": shown,
                    "max": self.max,
                    "min": self.min,
                    "metric": self.metric,
                    "words": words,
                },
            )


KIND = MetricKind
