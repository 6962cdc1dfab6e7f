"""Runs harper-py inside its own virtual environment for ``harper_compare.py``.

Reads JSON lines ``{"id": ..., "text": ..., "language": "plaintext"|"markdown", "mask": regex}``
on standard input and writes one JSON line per document:
``{"id": ..., "lints": [[rule, kind, start, end, problem, message, [suggestions]], ...]}``.
Offsets are code points of ``text``, as harper-py gives them. The first line written is
``{"harper": VERSION}``. It imports nothing from newslint: it runs in the benchmark's throw-away
venv, where only harper-py is installed.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version


def main() -> int:
    import harper

    linter = harper.Linter(harper.Dialect.AMERICAN)
    out = sys.stdout
    out.write(json.dumps({"harper": version("harper-py")}) + "\n")
    out.flush()
    for line in sys.stdin:
        item = json.loads(line)
        found = linter.organized_lints(
            item["text"], language=item["language"], regex_mask=item.get("mask")
        )
        lints = [
            [
                rule,
                lint.lint_kind,
                lint.span.start,
                lint.span.end,
                lint.problem_text,
                lint.message,
                [s.replacement_text for s in lint.suggestions[:3]],
            ]
            for rule, rule_lints in found.items()
            for lint in rule_lints
        ]
        out.write(json.dumps({"id": item["id"], "lints": lints}) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
