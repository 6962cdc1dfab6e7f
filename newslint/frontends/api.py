"""The Python API for CMS integration and archive-scale jobs.

```python
from newslint import lint_text, lint_paths

findings = lint_text(article_body, fmt="markdown")          # list[Finding]
for result in lint_paths(["articles/"], select=["quotes.*"], jobs=4):
    print(result.path, len(result.findings))
```

``lint_text`` keeps one :class:`~newslint.engine.linter.Linter` per settings in the process, so a CMS
that lints every save pays for loading spaCy and the rules once. Both functions are pure: no
output, no cache files unless ``cache`` names a folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from newslint.analysis.lazy_spacy import install
from newslint.engine.linter import FileResult, Linter
from newslint.findings import Finding

install()  # spaCy, when loaded, comes without its command-line package


@lru_cache(maxsize=8)
def _linter(
    config: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    packs: tuple[str, ...],
    min_level: str | None,
    stats: bool,
) -> Linter:
    return Linter(
        config_path=config,
        select=select,
        ignore=ignore,
        packs=packs,
        min_level=min_level,
        stats=stats,
    )


def lint_text(
    text: str,
    fmt: str = "text",
    path: str = "<text>",
    config: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    packs: Iterable[str] = (),
    min_level: str | None = None,
) -> list[Finding]:
    """Lint an article held in memory; ``fmt`` is ``text``, ``markdown`` or ``html``."""
    linter = _linter(config, tuple(select), tuple(ignore), tuple(packs), min_level, False)
    return linter.lint_source(text, path, fmt).findings


def lint_paths(
    paths: Iterable[str],
    config: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    packs: Iterable[str] = (),
    min_level: str | None = None,
    stats: bool = False,
    jobs: int = 1,
    cache: str | None = None,
) -> list[FileResult]:
    """Lint files and folders; each result carries its findings or a per-file error.

    ``jobs``: worker processes (0: all cores). ``cache``: a result-cache folder (for example
    ``".newslint_cache"``, shared with the command line); ``None`` caches nothing.
    """
    from newslint.engine.runner import RunSettings, lint_files
    from newslint.readers.discover import iter_article_files

    settings = RunSettings(config, tuple(select), tuple(ignore), tuple(packs), min_level, stats)
    linter = _linter(config, settings.select, settings.ignore, settings.packs, min_level, stats)
    files = [p for p in iter_article_files(list(paths)) if p != "-"]
    store = None
    if cache:
        from newslint.storage.result_cache import ResultCache

        store = ResultCache(cache)
    return lint_files(files, settings, linter=linter, cache=store, jobs=jobs)
