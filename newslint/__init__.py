"""newslint: a linter for news copy.

The public API is loaded lazily so that ``newslint --version`` stays instant:

>>> from newslint import lint_text
>>> findings = lint_text("Stop the war.\\n")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "lint_text", "lint_paths", "fix_text", "Finding"]


def __getattr__(name: str) -> Any:
    if name in ("lint_text", "lint_paths", "fix_text"):
        from newslint.frontends import api

        return getattr(api, name)
    if name == "Finding":
        from newslint.findings import Finding

        return Finding
    raise AttributeError(name)
