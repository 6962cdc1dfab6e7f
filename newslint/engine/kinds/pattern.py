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

``replace: {went: gone, ran: run}`` names the word of a match that is wrong and what to write
instead: the first token of the match found in it gives the message fields ``{word}`` and
``{replacement}`` and a suggestion (the match with that word replaced, its case kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


class PatternKind(Kind):
    name = "pattern"
    locality = "block"  # hits in a block read that block only
    generic = True
    options = {
        "patterns": Option((list,), required=True, help="a list of spaCy Matcher patterns"),
        "greedy": Option(
            (str,),
            default="LONGEST",
            choices=("LONGEST", "FIRST"),
            help="of overlapping matches keep the LONGEST or the FIRST",
        ),
        "replace": Option(
            (dict,), default={}, help="a wrong word of a match -> what to write instead"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        from spacy.matcher import Matcher

        from newslint.analysis.nlp import get_nlp

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
        replace = options["replace"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in replace.items()):
            raise OptionError("replace", "must map words to their replacements (strings)")
        self.replace = {k.lower(): v for k, v in replace.items()}
        self.anchors = _first_words(patterns)
        if self.anchors is not None:
            _add_anchors(*self.anchors)
        self.seconds = _first_words(patterns, 1)
        self.followers = None if self.seconds is not None else _followers(patterns)
        self.max_length = _max_length(patterns)

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        idxs, texts = analysis.idxs, analysis.texts
        for lo, hi in self._windows(analysis):
            for _match_id, start, end in self.matcher(doc[lo:hi]):
                last = lo + end - 1
                hit_start, hit_end = idxs[lo + start], idxs[last] + len(texts[last])
                if not self.replace:
                    yield Hit(hit_start, hit_end)
                    continue
                yield self._replaced(analysis, lo + start, last + 1, hit_start, hit_end)

    def _replaced(self, analysis: Analysis, first: int, stop: int, start: int, end: int) -> Hit:
        """A hit whose first listed word is named, with the match rewritten as a suggestion."""
        for i in range(first, stop):
            new = self.replace.get(analysis.lowers[i])
            if new is None:
                continue
            word = analysis.texts[i]
            if word[:1].isupper():
                new = new[:1].upper() + new[1:]
            at = analysis.idxs[i] - start
            text = analysis.text[start:end]
            suggestion = text[:at] + new + text[at + len(word) :]
            return Hit(start, end, {"word": word, "replacement": new}, suggestions=(suggestion,))
        return Hit(start, end)

    def _windows(self, analysis: Analysis) -> list[tuple[int, int]]:
        """Token ranges to run the matcher on: the whole document, or, when every pattern starts
        with a given word and has a bounded length, the stretches where a match could start.

        Every match starts at such a word and fits in ``max_length`` tokens, so each window holds
        whole every match that could start in it; overlapping matches stay in one window, so the
        greedy filter keeps the same ones. When every pattern's second token is a given word too,
        only starts followed by such a word count; when optional tokens come first ("has (not)
        went"), only starts with such a word within reach (``_followers``). The matcher then
        visits a few tokens, not all."""
        n = len(analysis.texts)
        if self.anchors is None or self.max_length is None:
            return [(0, n)] if n else []
        lowers, texts = analysis.lowers, analysis.texts
        by_lower, by_text = self.anchors
        windows: list[tuple[int, int]] = []
        second_lower, second_text = self.seconds or (None, None)
        at_lower, at_text = _anchor_positions(analysis)
        starts: set[int] = set()
        for word in by_lower:
            starts.update(at_lower.get(word, ()))
        for word in by_text:
            starts.update(at_text.get(word, ()))
        for i in sorted(starts):
            if second_lower is not None and (
                i + 1 >= n
                or (lowers[i + 1] not in second_lower and texts[i + 1] not in second_text)
            ):
                continue  # the next token is not one a match could have second
            if self.followers is not None and not _followed(lowers, texts, i, self.followers):
                continue  # no word a match needs after its first comes within reach
            end = min(i + self.max_length, n)
            if windows and i < windows[-1][1]:  # overlapping: one window
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((i, end))
        return windows


#: the first words (lower case, exact text) of every pattern rule compiled in this process: the
#: positions of these words are all a rule's windows ever look up
_ANCHORS: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def _add_anchors(lowers: frozenset[str], texts: frozenset[str]) -> None:
    global _ANCHORS
    _ANCHORS = (_ANCHORS[0] | lowers, _ANCHORS[1] | texts)


def _anchor_positions(analysis: Analysis) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Where each anchor word occurs, by lower case and by exact text: one pass per document for
    every pattern rule (a new set, so a new pass, only when a rule compiled since adds words)."""
    lowers, texts = _ANCHORS
    at_text = analysis.positions_by_word(texts, exact=True) if texts else {}
    return analysis.positions_by_word(lowers), at_text


#: per pattern: the words (lower case, exact text) of a later token every match holds, and the
#: fewest and most tokens after the first word it stands
Follower = tuple[frozenset[str], frozenset[str], int, int]


def _followers(patterns: list[list[dict[str, Any]]]) -> list[Follower] | None:
    """For every pattern, its first required token after the first that is a given word, with
    the offsets it can stand at (the tokens before it are required, or optional with "?");
    None when some pattern has no such token."""
    out: list[Follower] = []
    for pattern in patterns:
        required = optional = 0
        found: Follower | None = None
        for spec in pattern[1:]:
            ops = [value for key, value in spec.items() if key.upper() == "OP"]
            if ops == ["?"]:
                optional += 1
                continue
            if ops and ops != ["!"]:
                break  # a repeat: the offsets of what follows are not bounded this simply
            words = None if ops else _spec_words(spec)
            if words is not None:
                lowers, texts = words
                found = (lowers, texts, 1 + required, 1 + required + optional)
                break
            required += 1
        if found is None:
            return None
        out.append(found)
    return out


def _spec_words(spec: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words a token spec requires, as (lower case, exact texts), or None."""
    for key, value in spec.items():
        words = _literal_words(value)
        if words is None or key.upper() not in ("LOWER", "ORTH", "TEXT"):
            continue
        if key.upper() == "LOWER":
            return frozenset(words), frozenset()
        return frozenset(), frozenset(words)
    return None


def _followed(lowers: list[str], texts: list[str], i: int, followers: list[Follower]) -> bool:
    """Does some pattern's required later word stand within its reach after token ``i``?"""
    n = len(lowers)
    for by_lower, by_text, lo, hi in followers:
        for j in range(i + lo, min(i + hi, n - 1) + 1):
            if lowers[j] in by_lower or texts[j] in by_text:
                return True
    return False


#: a bounded quantifier: {n}, {n,m}, {,m} (and the unbounded {n,})
_BOUNDED_OP = re.compile(r"\{(\d*)(,?)(\d*)\}")


def _first_words(
    patterns: list[list[dict[str, Any]]], position: int = 0
) -> tuple[frozenset[str], frozenset[str]] | None:
    """``(lower-case words, exact texts)`` one of which is token ``position`` of every match; None
    when some pattern can have any token there (an optional or repeated token at or before it, a
    pattern too short, or a token that is not a given word)."""
    lowers: set[str] = set()
    texts: set[str] = set()
    for pattern in patterns:
        if len(pattern) <= position or any(
            key.upper() == "OP" for spec in pattern[: position + 1] for key in spec
        ):
            return None
        spec = pattern[position]
        found = False
        for key, value in spec.items():
            words = _literal_words(value)
            if words is None or key.upper() not in ("LOWER", "ORTH", "TEXT"):
                continue
            (lowers if key.upper() == "LOWER" else texts).update(words)
            found = True
            break
        if not found:
            return None
    return frozenset(lowers), frozenset(texts)


def _literal_words(value: Any) -> list[str] | None:
    """The strings a token attribute must equal: ``"the"`` or ``{IN: [...]}``; else None."""
    if isinstance(value, str):
        return [value]
    if (
        isinstance(value, dict)
        and list(value) == ["IN"]
        and isinstance(value["IN"], list)
        and all(isinstance(v, str) for v in value["IN"])
    ):
        return list(value["IN"])
    return None


def _max_length(patterns: list[list[dict[str, Any]]]) -> int | None:
    """The most tokens a match can span; None when a pattern has an unbounded quantifier."""
    longest = 0
    for pattern in patterns:
        total = 0
        for spec in pattern:
            ops = [key for key in spec if key.upper() == "OP"]
            if ops and ops != ["OP"]:
                return None
            op = spec.get("OP")
            if op is None or op in ("!", "?"):
                total += 1
                continue
            m = _BOUNDED_OP.fullmatch(op) if isinstance(op, str) else None
            if m is None or (m.group(2) and not m.group(3)) or not (m.group(1) or m.group(3)):
                return None  # "*", "+", "{n,}", or something unknown
            total += int(m.group(3) or m.group(1))
        longest = max(longest, total)
    return longest


KIND = PatternKind
