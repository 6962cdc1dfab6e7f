"""Import spaCy without its command-line package.

``import spacy`` runs ``from .cli.info import info``, which loads spaCy's whole CLI (typer, rich,
weasel, httpx, requests...): about a third of spaCy's import time, for code a linter never calls.
:func:`install` adds an import hook that hands out lazy stand-ins for ``spacy.cli`` (a module
that runs the real ``spacy/cli/__init__.py`` into itself on first access to one of its names) and
``spacy.cli.info`` (the same, with ``info`` a function that loads the real one when called).
Everything of spaCy keeps working; the CLI is just loaded when, and if, it is used.

Set ``NEWSLINT_EAGER_SPACY=1`` to import spaCy the ordinary way.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
import types
from typing import Any


class _LazyModule(types.ModuleType):
    """A module whose real code runs on first access to an attribute it does not have yet."""

    def _load(self) -> None:
        real = self.__dict__.pop("_newslint_real_spec")
        self.__class__ = types.ModuleType  # stop intercepting before running the real code
        real.loader.exec_module(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        self._load()
        return getattr(self, name)


class _Loader(importlib.abc.Loader):
    def __init__(self, real: importlib.machinery.ModuleSpec) -> None:
        self.real = real

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None  # the default module object

    def exec_module(self, module: types.ModuleType) -> None:
        module.__dict__["_newslint_real_spec"] = self.real
        module.__file__ = self.real.origin
        module.__class__ = _LazyModule
        if module.__name__ == "spacy.cli.info":
            lazy = module

            def info(*args: Any, **kwargs: Any) -> Any:  # spaCy's `spacy.info()`, loaded on call
                if isinstance(lazy, _LazyModule):
                    lazy._load()
                return lazy.info(*args, **kwargs)

            module.__dict__["info"] = info


class _Finder(importlib.abc.MetaPathFinder):
    """Hands out lazy stand-ins for ``spacy.cli`` and ``spacy.cli.info``."""

    NAMES = ("spacy.cli", "spacy.cli.info")

    def find_spec(
        self, fullname: str, path: Any = None, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.NAMES:
            return None
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None or real.loader is None:
            return None
        spec = importlib.machinery.ModuleSpec(
            fullname, _Loader(real), origin=real.origin, is_package=fullname == "spacy.cli"
        )
        if real.submodule_search_locations is not None:
            spec.submodule_search_locations = list(real.submodule_search_locations)
        spec.has_location = True
        return spec


_FINDER = _Finder()


def install() -> None:
    """Make a later ``import spacy`` (from any module) skip ``spacy.cli``; cheap, idempotent."""
    loaded = "spacy" in sys.modules or "spacy.cli" in sys.modules
    if loaded or os.environ.get("NEWSLINT_EAGER_SPACY") or _FINDER in sys.meta_path:
        return
    sys.meta_path.insert(0, _FINDER)


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without loading ``spacy.cli`` (see the module docstring)."""
    install()
    import spacy

    return spacy
