"""``pattern``: spaCy token patterns (the ``Matcher`` syntax) over the document.

```yaml
kind: pattern
patterns:
  - [{LOWER: so}, {ORTH: "-"}, {LOWER: called}]
  - [{LEMMA: {IN: [slam, blast]}}, {LOWER: {IN: [the, a]}, OP: "?"}]
```
Token attributes available without a trained model: ORTH, TEXT, LOWER, LEMMA (lookup table),
SHAPE, PREFIX, SUFFIX, LENGTH, IS_ALPHA, IS_TITLE, IS_UPPER, IS_PUNCT, IS_DIGIT, LIKE_NUM,
IS_SENT_START, REGEX. Message field: ``{match}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.kinds import Hit, Kind, Option, OptionError

if TYPE_CHECKING:
    from newslint.analysis import Analysis


class PatternKind(Kind):
    name = "pattern"
    options = {
        "patterns": Option((list,), required=True, help="a list of spaCy Matcher patterns"),
        "greedy": Option((str,), default="LONGEST", choices=("LONGEST", "FIRST")),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        from spacy.matcher import Matcher

        from newslint.nlp import get_nlp

        patterns = options["patterns"]
        if not patterns or not all(isinstance(p, list) and p for p in patterns):
            raise OptionError("patterns", "must be a list of non-empty token pattern lists")
        self.matcher = Matcher(get_nlp().vocab, validate=True)
        try:
            self.matcher.add(
                "rule", [[dict(t) for t in p] for p in patterns], greedy=options["greedy"]
            )
        except (ValueError, TypeError, KeyError) as exc:
            first = str(exc).strip().splitlines()
            raise OptionError(
                "patterns", f"invalid token pattern: {' '.join(first)[:300]}"
            ) from None

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        for _match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            yield Hit(span.start_char, span.end_char)


KIND = PatternKind
