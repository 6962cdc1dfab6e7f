"""Genre, then profile: what kind of piece a file is, and which rules fit it.

News rules judge news. A how-to is not a slogan, an organisation's post may say "we", an interview
is made of questions. Between the document and the rules sits one decision:

* :func:`~newslint.genre.detect.detect` reads the file's front matter, its text and its folder and
  says which genre it is and why;
* :func:`choose_profile` turns that into the profile the linter applies, unless the file, the repo
  or the command line names one: ``--profile`` > front matter ``profile:`` > a config override's
  ``profile:`` > the detected genre > the repo's ``default-profile`` > ``news``.

Every front end gets the choice through the linter (``FileResult.genre``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.errors import ConfigError, InputError, UsageError
from newslint.genre.cues import GENRES
from newslint.genre.detect import GenreDecision, detect
from newslint.genre.profiles import Profiles

if TYPE_CHECKING:
    from newslint.config import Config, Override
    from newslint.readers.document import Document

DEFAULT_PROFILE = "news"
#: document formats that are authored sources, never text scraped from a web page
SOURCE_FORMATS = frozenset(["markdown"])


@dataclass(frozen=True)
class ProfileChoice:
    """The profile a file is linted with, what chose it, and the genre detected."""

    profile: str
    chosen_by: str  # "--profile", "front matter", "config override", "genre", "default-profile"
    genre: GenreDecision | None
    source_file: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"profile": self.profile, "chosen_by": self.chosen_by}
        if self.genre is not None:
            out.update(self.genre.to_json())
        out["source_file"] = self.source_file
        return out


def _unknown(name: str, profiles: Profiles) -> str:
    return f"unknown profile {name!r} (profiles: {', '.join(profiles.names())})"


def check_profile_names(config: Config, profiles: Profiles) -> None:
    """The config's profile names exist (``file:line: field: problem`` otherwise)."""
    path = config.path or "<config>"
    if config.default_profile and not profiles.known(config.default_profile):
        line = config.field_lines.get("default-profile")
        raise ConfigError(path, line, "default-profile", _unknown(config.default_profile, profiles))
    for override in config.overrides:
        if override.profile and not profiles.known(override.profile):
            raise ConfigError(
                path, override.line, "overrides.profile", _unknown(override.profile, profiles)
            )


def choose_profile(
    document: Document,
    config: Config,
    profiles: Profiles,
    overrides: list[Override],
    forced: str | None = None,
) -> ProfileChoice:
    """The profile for ``document``; ``overrides`` are the config overrides that apply to it."""
    source_file = document.format in SOURCE_FORMATS
    default = config.default_profile or DEFAULT_PROFILE
    decision = None
    if config.genre_detection != "off":
        decision = detect(
            document,
            fallback=profiles.genre_of(default),
            read_text=config.genre_detection == "on",
        )
    if forced:
        if not profiles.known(forced):
            raise UsageError(f"--profile: {_unknown(forced, profiles)}")
        return ProfileChoice(forced, "--profile", decision, source_file)
    named = document.front_matter.get("profile")
    if isinstance(named, str) and named.strip():
        if not profiles.known(named.strip()):
            raise InputError(f"{document.path}: front matter profile: {_unknown(named, profiles)}")
        return ProfileChoice(named.strip(), "front matter", decision, source_file)
    for override in reversed(overrides):
        if override.profile:
            return ProfileChoice(override.profile, "config override", decision, source_file)
    if decision is not None and decision.origin != "default" and profiles.known(decision.genre):
        return ProfileChoice(decision.genre, "genre", decision, source_file)
    chosen_by = "default-profile" if config.default_profile else "default"
    return ProfileChoice(default, chosen_by, decision, source_file)


__all__ = [
    "DEFAULT_PROFILE",
    "GENRES",
    "GenreDecision",
    "ProfileChoice",
    "Profiles",
    "check_profile_names",
    "choose_profile",
    "detect",
]
