"""The Python API for CMS integration and archive-scale jobs.

```python
from newslint import lint_text, lint_paths

findings = lint_text(article_body, fmt="markdown")          # list[Finding]
for result in lint_paths(["articles/"], select=["quotes.*"]):
    print(result.path, len(result.findings))
```
"""

from __future__ import annotations

from collections.abc import Iterable

from newslint.findings import Finding
from newslint.linter import FileResult, Linter


def lint_text(
    text: str,
    fmt: str = "text",
    path: str = "<text>",
    config: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    packs: Iterable[str] = (),
) -> list[Finding]:
    """Lint an article held in memory; ``fmt`` is ``text``, ``markdown`` or ``html``."""
    linter = Linter(config_path=config, select=select, ignore=ignore, packs=packs)
    return linter.lint_source(text, path, fmt).findings


def lint_paths(
    paths: Iterable[str],
    config: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    packs: Iterable[str] = (),
) -> list[FileResult]:
    """Lint files and folders; each result carries its findings or a per-file error."""
    from newslint.discover import iter_article_files

    linter = Linter(config_path=config, select=select, ignore=ignore, packs=packs)
    return [linter.lint_file(p) for p in iter_article_files(list(paths))]
