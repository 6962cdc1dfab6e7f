"""``newslint rules --test``: every rule's ``examples`` checked against the rule itself.

A ``flag`` example must produce at least one finding of its rule; a ``pass`` example none.
Examples are read as plain-text body copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newslint.config import Config
from newslint.engine.linter import Linter
from newslint.engine.rules import Rule
from newslint.readers import parse


@dataclass(frozen=True)
class ExampleFailure:
    """A rule example that did not behave as declared."""

    rule: Rule
    expected: str  # "flag" or "pass"
    example: str
    got: tuple[str, ...]  # messages of the findings (for pass examples)

    def describe(self) -> str:
        where = f"{self.rule.path}:{self.rule.line}"
        if self.expected == "flag":
            return f"{where}: {self.rule.id}: should flag: {self.example!r}"
        return f"{where}: {self.rule.id}: should pass but flagged {'; '.join(self.got)}: {self.example!r}"


def check_examples(
    rules: Iterable[Rule], linter: Linter | None = None
) -> tuple[int, list[ExampleFailure]]:
    """Run every example of ``rules``; return the number checked and the failures."""
    linter = linter or Linter()
    config = Config()
    failures: list[ExampleFailure] = []
    checked = 0
    for rule in rules:
        for expected, examples in (("flag", rule.flag_examples), ("pass", rule.pass_examples)):
            for example in examples:
                checked += 1
                document = parse(example, f"<example of {rule.id}>", "text", detect_header=False)
                result = linter.lint_document(document, config, rules=[rule])
                hits = [f for f in result.findings if f.rule == rule.id]
                if expected == "flag" and not hits:
                    failures.append(ExampleFailure(rule, expected, example, ()))
                elif expected == "pass" and hits:
                    failures.append(
                        ExampleFailure(rule, expected, example, tuple(f"'{f.match}'" for f in hits))
                    )
    return checked, failures
