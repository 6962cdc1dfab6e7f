"""Installed versions of distributions, read cheaply (this runs on every start-up)."""

from __future__ import annotations

from pathlib import Path

#: the module each distribution installs, for finding its metadata without importlib.metadata
IMPORT_NAMES = {"codespell": "codespell_lib", "spacy-lookups-data": "spacy_lookups_data"}


def package_version(name: str) -> str:
    """Installed version of a distribution, or 'missing'.

    Read from the name of the ``.dist-info`` folder beside the package when there is one (this
    runs on every start-up, and importing ``importlib.metadata`` alone costs ~40 ms), else from
    ``importlib.metadata``.
    """
    if name == "newslint":
        from newslint import __version__

        return __version__
    version = _dist_info_version(name)
    if version:
        return version
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def _dist_info_version(name: str) -> str | None:
    import importlib.util

    try:
        spec = importlib.util.find_spec(IMPORT_NAMES.get(name, name))
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    site = Path(spec.origin).parent.parent
    prefix = name.replace("-", "_").lower() + "-"
    found = [
        d.name[len(prefix) : -len(".dist-info")]
        for d in site.glob("*.dist-info")
        if d.name.lower().startswith(prefix)
    ]
    return found[0] if len(found) == 1 else None
