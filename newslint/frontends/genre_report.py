"""Genre for people: ``newslint explain FILE`` (why this genre, what the profile changes) and the
genre mix ``newslint init`` reports and writes into a new config."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field

from newslint.genre.detect import GenreDecision
from newslint.genre.signals import Signals

#: a genre that makes up at least this share of a sampled repo becomes its default profile
MAJORITY = 0.5


def _pct(count: int, total: int) -> str:
    return f"{round(100 * count / max(total, 1))}%"


def describe_signals(s: Signals) -> str:
    """The text signals in one line."""
    n = s.sentences
    parts = [
        f"{n} narration sentences in {s.paragraphs} paragraphs",
        f"'we' {_pct(s.first_plural, n)}",
        f"'I' {_pct(s.first_singular, n)}",
        f"'you' {_pct(s.second_person, n)}",
        f"instructions {_pct(s.imperatives, n)}",
        f"questions {_pct(s.questions, n)}",
        f"attributed {_pct(s.attributions, n)}",
        f"{s.speaker_turns + s.question_paragraphs} question-and-answer turns",
    ]
    if s.dateline:
        parts.append(f"dateline '{s.dateline}'")
    return ", ".join(parts)


def explain_file(path: str, config_path: str | None = None) -> str:
    """Why a file has its genre, and which rules its profile switches off or changes."""
    from newslint.engine.linter import Linter
    from newslint.readers import decode, format_for, load_document, parse

    linter = Linter(config_path=config_path)
    config = linter.config_for(path)
    if path == "-":
        import sys

        source, _ = decode(sys.stdin.buffer.read(), "<stdin>")
        document = parse(source, path, "text")
    else:
        document = load_document(path, format_for(path), config.max_file_size)
    choice = linter.choose_profile(config, document)
    lines = [f"{path}"]
    decision: GenreDecision | None = choice.genre
    if decision is not None:
        lines.append(f"  genre: {decision.genre} (settled by: {decision.origin})")
        lines.extend(f"    - {reason}" for reason in decision.reasons)
        others = [e for e in decision.evidence if e.genre != decision.genre]
        if others:
            lines.append("  also seen:")
            lines.extend(f"    - {e.genre}: {e.reason} ({e.origin}, {e.strength})" for e in others)
        if decision.signals is not None:
            lines.append(f"  text: {describe_signals(decision.signals)}")
    else:
        lines.append("  genre: not detected (genre-detection: off)")
    chosen = {
        "genre": "its genre",
        "--profile": "--profile",
        "front matter": "its front matter (profile:)",
        "config override": f"an override in {config.display_path}",
        "default-profile": f"default-profile in {config.display_path}",
        "default": "the default",
    }.get(choice.chosen_by, choice.chosen_by)
    extra = " + source-files (an authored Markdown source)" if choice.source_file else ""
    lines.append(f"  profile: {choice.profile}{extra}, chosen by {chosen}")
    description = linter.profiles(config).description(choice.profile)
    if description:
        import textwrap

        lines.extend(
            textwrap.wrap(description, 92, initial_indent="    ", subsequent_indent="    ")
        )
    relpath = config.relpath(path) if path != "-" else ""
    base = {r.id: r for r in linter.rules_for(config, relpath, document.front_matter)}
    under = {
        r.id: r
        for r in linter.rules_for(
            config, relpath, document.front_matter, choice.profile, choice.source_file
        )
    }
    off = [rule_id for rule_id in base if rule_id not in under]
    changed = [
        f"{rule_id} {base[rule_id].level} -> {under[rule_id].level}"
        for rule_id in base
        if rule_id in under and under[rule_id].level != base[rule_id].level
    ]
    on = [rule_id for rule_id in under if rule_id not in base]
    if off:
        lines.append("  off under this profile: " + ", ".join(off))
    if changed:
        lines.append("  levels changed: " + ", ".join(changed))
    if on:
        lines.append("  switched on: " + ", ".join(on))
    if not (off or changed or on):
        lines.append("  every rule as the rule files set it")
    return "\n".join(lines) + "\n"


@dataclass
class GenreMix:
    """What ``newslint init`` saw in a repo."""

    files: int = 0
    genres: Counter[str] = field(default_factory=Counter)
    origins: Counter[str] = field(default_factory=Counter)
    unreadable: int = 0
    total: int = 0  # article files found (the sample may be smaller)

    def majority(self) -> str | None:
        """The genre of most sampled files, when it is at least half of them."""
        if not self.files:
            return None
        genre, count = self.genres.most_common(1)[0]
        return genre if count >= MAJORITY * self.files else None

    def describe(self) -> str:
        mix = ", ".join(f"{g} {n} ({_pct(n, self.files)})" for g, n in self.genres.most_common())
        sample = f"{self.files} of {self.total}" if self.total > self.files else f"{self.files}"
        out = f"sampled {sample} articles: {mix}"
        settled = ", ".join(f"{o} {n}" for o, n in self.origins.most_common())
        return out + f"\n  settled by: {settled}"


def sample_genres(root: str, limit: int) -> GenreMix:
    """Detect the genre of up to ``limit`` article files below ``root`` (a fixed sample)."""
    from newslint.errors import NewslintError
    from newslint.genre import detect
    from newslint.readers import load_document
    from newslint.readers.discover import iter_article_files

    mix = GenreMix()
    try:
        paths = [p for p in iter_article_files([root]) if p != "-"]
    except NewslintError:
        return mix
    mix.total = len(paths)
    key = lambda p: hashlib.sha1(os.path.relpath(p, root).encode()).hexdigest()  # noqa: E731
    for path in sorted(paths, key=key)[:limit]:
        try:
            document = load_document(path)
        except NewslintError:
            mix.unreadable += 1
            continue
        if not document.text.strip():
            continue
        decision = detect(document)
        mix.files += 1
        mix.genres[decision.genre] += 1
        mix.origins[decision.origin] += 1
    return mix


def init_genre_section(mix: GenreMix) -> str:
    """The genre part of a new config, with the mix ``init`` saw as comments."""
    lines = [
        "",
        "# Genre and profile. newslint tells each file's genre (news, opinion, blog, how-to,",
        "# press-release, qa) from its front matter, its text and its folder, and lints it with that",
        "# genre's profile: `newslint explain FILE` says why; `--profile NAME` forces one; a file can",
        "# name its own with `profile:` in its front matter, and an override can set `profile:` by path.",
    ]
    if mix.files:
        lines.append(f"# `newslint init` {mix.describe().splitlines()[0]}.")
    majority = mix.majority()
    if majority and majority != "news":
        lines.append(
            "# The profile of a file whose genre nothing tells (most articles here are this):"
        )
        lines.append(f"default-profile: {majority}")
    else:
        lines.append("# The profile of a file whose genre nothing tells:")
        lines.append("# default-profile: news")
    lines.append(
        "# genre-detection: on   # on | front-matter (front matter and folders only) | off"
    )
    lines.append("# profiles:             # add to a shipped profile, or define your own")
    lines.append("#   blog: {rules: {bias.loaded: off}}")
    lines.append("#   house-review: {extends: opinion, ignore: [bias.hedge]}")
    return "\n".join(lines) + "\n"
