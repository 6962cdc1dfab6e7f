"""The Python API for CMS integration and archive-scale jobs.

```python
from newslint import lint_text, lint_paths, fix_text

findings = lint_text(article_body, fmt="markdown")          # list[Finding]
for result in lint_paths(["articles/"], select=["quotes.*"], jobs=4):
    print(result.path, len(result.findings))
fixed, remaining = fix_text(article_body, fmt="markdown")   # safe fixes applied
```

Findings pass through the same filter stage as the command line's (:mod:`newslint.filters`):
inline suppression, the level floor, one defect one finding, and, when asked, a baseline and
changed lines. ``lint_text`` keeps one :class:`~newslint.engine.linter.Linter` per settings in the
process, so a CMS that lints every save pays for loading spaCy and the rules once. Nothing is
printed; no file is written unless ``cache`` names a folder or ``fix=True`` is asked of
``lint_paths``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import lru_cache

from newslint.analysis.lazy_spacy import install
from newslint.engine.linter import FileResult, Linter
from newslint.filters import FilterSettings, apply_filters
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
    profile: str | None = None,
) -> Linter:
    return Linter(
        config_path=config,
        select=select,
        ignore=ignore,
        packs=packs,
        min_level=min_level,
        stats=stats,
        profile=profile,
    )


def _baseline(path: str | None):  # type: ignore[no-untyped-def]
    if path is None:
        return None
    from newslint.filters.baseline import load_baseline

    return load_baseline(path)


def lint_text(
    text: str,
    fmt: str = "text",
    path: str = "<text>",
    config: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    packs: Iterable[str] = (),
    min_level: str | None = None,
    baseline: str | None = None,
    changed_lines: Iterable[int] | None = None,
    profile: str | None = None,
) -> list[Finding]:
    """Lint an article held in memory; ``fmt`` is ``text``, ``markdown`` or ``html``.

    ``baseline``: a baseline file whose accepted findings are hidden (``path`` names the article
    as the baseline knows it). ``changed_lines``: 1-based line numbers; only findings touching one
    are kept. ``profile``: lint with this profile (news, blog, ...) instead of the one the
    article's genre chooses.
    """
    linter = _linter(config, tuple(select), tuple(ignore), tuple(packs), min_level, False, profile)
    result = linter.check_source(text, path, fmt)
    lines = None if changed_lines is None else {os.path.realpath(path): set(changed_lines)}
    settings = FilterSettings(min_level, _baseline(baseline), lines)
    apply_filters([result], settings)
    return result.findings


def fix_text(
    text: str,
    fmt: str = "text",
    path: str = "<text>",
    config: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    packs: Iterable[str] = (),
) -> tuple[str, list[Finding]]:
    """``text`` with every safe fix applied, and the findings that remain (as edits: each
    finding's ``fix`` is a replacement of source characters ``[start, end)``)."""
    from newslint.filters.fixes import apply_fixes, normalize_newlines

    text = normalize_newlines(text)
    findings = lint_text(text, fmt, path, config, select, ignore, packs)
    fixed, count = apply_fixes(text, findings)
    if not count:
        return text, findings
    return fixed, lint_text(fixed, fmt, path, config, select, ignore, packs)


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
    baseline: str | None = None,
    changed_lines: Mapping[str, Iterable[int] | None] | None = None,
    diff_only: str | None = None,
    fix: bool = False,
    profile: str | None = None,
) -> list[FileResult]:
    """Lint files and folders (each file once); each result carries its findings or an error.

    ``jobs``: worker processes (0: all cores). ``cache``: a result-cache folder (for example
    ``".newslint_cache"``, shared with the command line); ``None`` caches nothing.
    ``baseline``: a baseline file; its accepted findings are hidden. ``changed_lines``: path ->
    1-based changed lines (``None``: the whole file), or ``diff_only``: a git ref to take them
    from, as ``--diff-only`` does; files without changes are then not linted. ``fix``: apply
    safe fixes to the files (what is left is returned). ``profile``: one profile for every file
    (default: each file's genre chooses; ``FileResult.genre`` says which and why).
    """
    from newslint.engine.runner import RunSettings, lint_files
    from newslint.readers.discover import iter_article_files

    settings = RunSettings(
        config, tuple(select), tuple(ignore), tuple(packs), min_level, stats, profile
    )
    linter = settings.linter()
    files = [p for p in iter_article_files(list(paths)) if p != "-"]
    changes: dict[str, set[int] | None] | None = None
    if diff_only is not None:
        from newslint.filters.changed_lines import changed_lines as git_changes
        from newslint.filters.changed_lines import select_changed

        changes = git_changes(diff_only)
        files = select_changed(files, changes)
    elif changed_lines is not None:
        changes = {
            os.path.realpath(p): None if lines is None else set(lines)
            for p, lines in changed_lines.items()
        }
    linter.filters = FilterSettings(min_level, _baseline(baseline), changes)
    store = None
    if cache:
        from newslint.storage.result_cache import ResultCache

        store = ResultCache(cache)
    results = lint_files(files, settings, linter=linter, cache=store, jobs=jobs)
    if fix:
        from newslint.filters.fixes import fix_files

        fix_files(results)
    return results
