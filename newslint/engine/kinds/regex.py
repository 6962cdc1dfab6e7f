r"""``regex``: a regular expression over the prose, per block or per sentence.

```yaml
kind: regex
pattern: '\b(\w+) \1\b'     # Python `re` syntax; or `patterns: [...]`
ignore-case: true
unit: block               # block (one match space per paragraph) or sentence
group: 0                  # which group is the flagged span
replacement: '\1'         # optional suggestion (expand template); `fix: true` makes it a fix
```
Message fields: ``{match}`` and ``{1}``, ``{2}``... for groups, ``{name}`` for named groups.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, compile_patterns, string_list
from newslint.engine.support.literals import required_strings

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


class RegexKind(Kind):
    name = "regex"
    locality = "block"  # hits in a block read that block only
    generic = True
    options = {
        "pattern": Option((str,), help="a Python regular expression"),
        "patterns": Option((list,), help="several regular expressions"),
        "ignore-case": Option((bool,), default=False, help="match regardless of case"),
        "unit": Option(
            (str,),
            default="block",
            choices=("block", "sentence"),
            help="match each block, or each sentence, of the prose",
        ),
        "group": Option(
            (int, str), default=0, help="the group (number or name) that is the flagged span"
        ),
        "replacement": Option((str,), help="suggestion template (\\1, \\g<name>)"),
        "fix": Option((bool,), default=False, help="offer the replacement as a safe automatic fix"),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        sources = ([options["pattern"]] if options["pattern"] else []) + string_list(
            options["patterns"] or [], "patterns"
        )
        if not sources:
            raise OptionError("pattern", "a regex kind needs 'pattern' or 'patterns'")
        flags = re.IGNORECASE if options["ignore-case"] else 0
        field = "pattern" if options["pattern"] else "patterns"
        self.regexes = compile_patterns(sources, field, flags | re.MULTILINE)
        self.prefilters = [required_text(regex) for regex in self.regexes]
        self.unit = options["unit"]
        self.group = options["group"]
        self.replacement = options["replacement"]
        self.fix = options["fix"]
        for regex in self.regexes:
            if isinstance(self.group, int) and self.group > regex.groups:
                raise OptionError("group", f"pattern has only {regex.groups} groups")
            if isinstance(self.group, str) and self.group not in regex.groupindex:
                raise OptionError("group", f"pattern has no group named {self.group!r}")

    def _units(self, analysis: Analysis) -> Iterator[tuple[int, int]]:
        if self.unit == "sentence":
            for s in analysis.sentences:
                yield s.start, s.end
        else:
            for b in analysis.blocks:
                yield b.start, b.end

    def _unit_view(self, analysis: Analysis) -> tuple[list[tuple[int, int]], list[int] | None]:
        """The units, and their starts when they are in order without overlaps (else None)."""
        units = list(self._units(analysis))
        if any(units[i][1] > units[i + 1][0] for i in range(len(units) - 1)):
            return units, None
        return units, [lo for lo, _ in units]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        units, starts = analysis.memo(("regex-units", self.unit), lambda: self._unit_view(analysis))
        tried = _units_to_try(text, units, starts, self.prefilters)
        if tried is None:  # units out of order: every unit, every pattern (with its prefilter)
            order: Iterable[tuple[int, int]] = (
                (u, k) for u in range(len(units)) for k in range(len(self.regexes))
            )
        else:  # only the units where a pattern's required text occurs, in the same order
            order = sorted((u, k) for k, found in enumerate(tried) for u in found)
        for u, k in order:
            lo, hi = units[u]
            regex, prefilter = self.regexes[k], self.prefilters[k]
            if prefilter is not None and not prefilter.search(text, lo, hi):
                continue  # the text every match must contain is not here
            for m in regex.finditer(text, lo, hi):
                start, end = m.span(self.group)
                if start < 0 or end <= start:
                    continue
                values: dict[str, Any] = {str(i): g or "" for i, g in enumerate(m.groups(), 1)}
                values.update({k: v or "" for k, v in m.groupdict().items()})
                suggestion = m.expand(self.replacement) if self.replacement is not None else None
                yield Hit(
                    start,
                    end,
                    values,
                    suggestions=(suggestion,) if suggestion is not None else (),
                    fix=suggestion if self.fix else None,
                )


def _units_to_try(
    text: str,
    units: list[tuple[int, int]],
    starts: list[int] | None,
    prefilters: list[re.Pattern[str] | None],
) -> list[range | set[int]] | None:
    """Per prefilter, the units its required text could be found in: those that overlap one of
    its matches over the whole text (one scan, instead of one search per unit). An occurrence
    inside a unit is found or overlapped by a match of the left-to-right scan, so no unit that
    holds one is left out; each unit kept is still searched. None when the units are not in
    order without overlaps (``starts`` is None; then every unit is searched)."""
    if starts is None:
        return None
    out: list[range | set[int]] = []
    for prefilter in prefilters:
        if prefilter is None:
            out.append(range(len(units)))
            continue
        found: set[int] = set()
        for m in prefilter.finditer(text):
            begin, end = m.span()
            u = max(bisect_right(starts, begin) - 1, 0)
            while u < len(units) and units[u][0] < end:
                if units[u][1] > begin:
                    found.add(u)
                u += 1
        out.append(found)
    return out


def required_text(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex for text that every match of ``regex`` contains (one of a few literals, with the
    same flags), to skip units cheaply; None when no literal of ``MIN_LITERAL`` characters is
    required (:func:`~newslint.engine.support.literals.required_strings`)."""
    literals = required_strings(regex.pattern, regex.flags)
    if literals is None:
        return None
    return re.compile("|".join(re.escape(s) for s in literals), regex.flags)


KIND = RegexKind
