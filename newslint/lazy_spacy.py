"""Import spaCy without its command-line package.

``import spacy`` runs ``from .cli.info import info``, which loads spaCy's whole CLI (typer, rich,
weasel, httpx, requests...): about a third of spaCy's import time, for code a linter never calls.
:func:`import_spacy` puts two lazy stand-ins in ``sys.modules`` first: ``spacy.cli`` (a module
object that runs the real ``spacy/cli/__init__.py`` into itself on first attribute access) and
``spacy.cli.info`` (the same, with ``info`` as a function that loads the real one when called).
Everything of spaCy keeps working; the CLI is just loaded when, and if, it is used.

Set ``NEWSLINT_EAGER_SPACY=1`` to import spaCy the ordinary way.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import types
from typing import Any


class _LazyModule(types.ModuleType):
    """A package or module whose code runs on first attribute access."""

    def _load(self) -> None:
        self.__class__ = types.ModuleType  # stop intercepting before running the real code
        spec = self.__spec__
        assert spec is not None and spec.loader is not None
        spec.loader.exec_module(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        self._load()
        return getattr(self, name)


def _stub(name: str, path: str, package: bool) -> _LazyModule:
    location = [os.path.dirname(path)] if package else None
    spec = importlib.util.spec_from_file_location(name, path, submodule_search_locations=location)
    if spec is None:
        raise ImportError(name)
    module = _LazyModule(name)
    module.__spec__ = spec
    module.__file__ = path
    module.__loader__ = spec.loader
    if package:
        module.__path__ = location  # type: ignore[assignment]
        module.__package__ = name
    else:
        module.__package__ = name.rpartition(".")[0]
    return module


def _install_stubs() -> None:
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    cli_dir = os.path.join(list(spec.submodule_search_locations)[0], "cli")
    init, info_py = os.path.join(cli_dir, "__init__.py"), os.path.join(cli_dir, "info.py")
    if not (os.path.isfile(init) and os.path.isfile(info_py)):
        return
    cli = _stub("spacy.cli", init, package=True)
    info = _stub("spacy.cli.info", info_py, package=False)

    def lazy_info(*args: Any, **kwargs: Any) -> Any:
        info._load()
        return info.info(*args, **kwargs)

    info.__dict__["info"] = lazy_info
    cli.__dict__["info"] = info
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without loading ``spacy.cli`` (see the module docstring)."""
    if "spacy" not in sys.modules and not os.environ.get("NEWSLINT_EAGER_SPACY"):
        _install_stubs()
    import spacy

    return spacy
