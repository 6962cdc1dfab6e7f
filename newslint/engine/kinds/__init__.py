"""Rule kinds: the Python that executes a YAML rule, one module per kind.

A kind named ``foo-bar`` lives in ``newslint/engine/kinds/foo_bar.py`` and exports ``KIND``, a
subclass of :class:`newslint.engine.kind.Kind`. Generic kinds (phrase, regex, pattern, repetition,
metric) take all their words from YAML; special kinds hold logic data cannot express.
Helpers that several kinds share live in :mod:`newslint.engine.support`, so every module here is a
kind. Adding a rule family is a YAML file plus, at most, one kind module.
"""

from __future__ import annotations

import re
from importlib import import_module

from newslint.engine.kind import Kind

_KIND_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_KINDS: dict[str, type[Kind]] = {}
#: kinds merged into another one: what a rule file written for them must change
RETIRED_KINDS = {
    "lexicon": "merged into 'phrase': write 'kind: phrase', rename 'lexicon' to 'phrases' and "
    "add 'match: lemma' and 'skip-names: true'",
    "phrase-density": "merged into 'phrase': write 'kind: phrase', rename 'lexicon' to "
    "'phrases' and add 'match: lemma' and 'skip-names: true'",
    "substitution": "merged into 'phrase': write 'kind: phrase' and put the 'swap' mapping "
    "under 'phrases' as one category ('phrases: {house: {cease-fire: ceasefire}}')",
}


def get_kind(name: str) -> type[Kind]:
    """The kind class named ``name`` (imported on first use); KeyError when there is none."""
    if name in _KINDS:
        return _KINDS[name]
    if not _KIND_NAME.match(name):
        raise KeyError(name)
    try:
        module = import_module(f"newslint.engine.kinds.{name.replace('-', '_')}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("newslint.engine.kinds"):
            raise KeyError(name) from None
        raise
    kind = getattr(module, "KIND", None)
    if kind is None:
        raise KeyError(name)
    _KINDS[name] = kind
    return kind


def available_kinds() -> list[str]:
    """Names of the kinds that ship with newslint."""
    import pkgutil

    import newslint.engine.kinds as package

    return sorted(
        m.name.replace("_", "-")
        for m in pkgutil.iter_modules(package.__path__)
        if not m.name.startswith("_")
    )
