"""The word lists genre detection reads (``newslint/data/genre_cues.yaml``), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from newslint.config.yamlfile import load_yaml
from newslint.errors import ConfigError

#: the genres in the order a tie is broken (the strictest profile, news, first)
GENRES = ("news", "opinion", "blog", "how-to", "press-release", "qa")


def _words(value: Any) -> list[str]:
    return [str(v).lower() for v in value or []]


def _any_of(patterns: list[str], template: str = "(?:{})", flags: int = 0) -> re.Pattern[str]:
    return re.compile(template.format("|".join(patterns)), re.IGNORECASE | flags)


@dataclass(frozen=True)
class Cues:
    """The parsed cue file: descriptions, metadata tables, folder names and text phrases."""

    descriptions: dict[str, str]
    key_strength: dict[str, str]  # front-matter key -> "decides" | "prior"
    value_genre: dict[str, str]  # normalised front-matter value -> genre
    folder_genre: dict[str, str]  # folder-name token -> genre
    file_genre: dict[str, str]  # a project document's file stem -> genre (a hint)
    imperative_verbs: frozenset[str]
    not_imperative: frozenset[str]
    attribution_words: frozenset[str]  # single words; "according to" is matched as a phrase
    press_strong: tuple[str, ...]
    press_weak: tuple[str, ...]
    press_end: re.Pattern[str]
    howto_title: re.Pattern[str]
    howto_heading: re.Pattern[str]
    opinion_phrases: tuple[str, ...]
    judgement_words: frozenset[str]  # words of the writer's verdict or prescription
    argument_opener: re.Pattern[str]  # how an argument's sentence opens ("To be sure", "Nor")
    blog_phrases: tuple[str, ...]
    commerce_phrases: tuple[str, ...]  # a deals post's buttons and affiliate notes


def normalise(value: str) -> str:
    """A front-matter value or folder name as the tables spell it: lower case, hyphens."""
    return re.sub(r"[\s_/&]+", "-", value.strip().lower()).strip("-")


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Parse the shipped cue file (an error in it is a bug in newslint, reported as a config error)."""
    resource = files("newslint").joinpath("data/genre_cues.yaml")
    path = str(resource)
    data = load_yaml(resource.read_text(encoding="utf-8"), path, ConfigError)
    value_genre: dict[str, str] = {}
    for genre, values in data["metadata"]["values"].items():
        if genre not in GENRES:
            raise ConfigError(path, None, "metadata.values", f"unknown genre {genre!r}")
        for value in values:
            value_genre.setdefault(normalise(str(value)), genre)
    folder_genre = {
        normalise(str(name)): genre for genre, names in data["folders"].items() for name in names
    }
    text = data["text"]
    press = text["press-release"]
    howto = text["how-to"]
    return Cues(
        descriptions={str(k): str(v) for k, v in data["genres"].items()},
        key_strength={str(k).lower(): str(v) for k, v in data["metadata"]["keys"].items()},
        value_genre=value_genre,
        folder_genre=folder_genre,
        file_genre={
            normalise(str(name)): genre
            for genre, names in data.get("files", {}).items()
            for name in names
        },
        imperative_verbs=frozenset(_words(text["imperative-verbs"])),
        not_imperative=frozenset(_words(text["not-imperative"])),
        attribution_words=frozenset(w for w in _words(text["attribution"]) if " " not in w),
        press_strong=tuple(_words(press["strong"])),
        press_weak=tuple(_words(press["weak"])),
        press_end=_any_of(list(press["end-marks"]), r"^[ \t]*(?:{})[ \t]*$", re.MULTILINE),
        howto_title=_any_of(list(howto["title"]), r"^\W*(?:{})"),
        howto_heading=_any_of(list(howto["heading"]), r"^\W*(?:{})$"),
        opinion_phrases=tuple(_words(text["opinion"]["phrases"])),
        judgement_words=frozenset(_words(text["opinion"]["judgement-words"])),
        argument_opener=_any_of(list(text["opinion"]["argument-openers"]), r"^\W*(?:{})"),
        blog_phrases=tuple(_words(text["blog"]["phrases"])),
        commerce_phrases=tuple(_words(text["commerce"]["phrases"])),
    )
