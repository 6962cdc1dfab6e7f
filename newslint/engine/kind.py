"""What a rule kind is: the :class:`Kind` base class, its :class:`Option` specs and the
:class:`Hit` it yields. Kinds live in :mod:`newslint.engine.kinds`, one module each."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from newslint.engine.scope import Scope

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


@dataclass(frozen=True)
class Hit:
    """What a kind reports: a span of the prose text and the values its message needs."""

    start: int
    end: int
    values: Mapping[str, Any] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    fix: str | None = None  # replacement text for a safe automatic fix of text[start:end]
    level: str | None = None  # overrides the rule's level for this hit (e.g. density escalation)


@dataclass(frozen=True)
class Option:
    """A kind-specific rule field: its type, whether it is required, its default and help.

    ``words`` marks a word list in the shared shape of
    :mod:`newslint.engine.support.wordlist` (inline, or ``.txt`` files beside the rule file).
    """

    types: tuple[type, ...]
    required: bool = False
    default: Any = None
    help: str = ""
    choices: tuple[Any, ...] = ()
    words: bool = False


class OptionError(ValueError):
    """A kind-specific field has a bad value; ``field`` names it."""

    def __init__(self, field_name: str, problem: str) -> None:
        self.field = field_name
        super().__init__(problem)


class Kind:
    """Base class of rule kinds. Subclasses set ``name``, ``options`` and implement ``check``."""

    name: ClassVar[str] = ""
    #: a generic kind takes all its words from YAML; a special kind holds logic data cannot express
    generic: ClassVar[bool] = False
    options: ClassVar[dict[str, Option]] = {}
    #: scope defaults for rules of this kind (a rule's own ``scope`` wins)
    default_scope: ClassVar[dict[str, Any]] = {}
    #: what a rule's hits in a block depend on: "block" (that block's text alone, so an editor's
    #: re-lint reuses the other blocks' hits; :mod:`newslint.engine.incremental`; ``check`` then
    #: reads neither ``self.scope`` nor the voice, which the engine applies after), "split"
    #: (``gather`` finds per block what a block alone gives, kept per block like "block" hits,
    #: and ``finish`` combines all blocks' items with what only the whole document knows) or
    #: "document" (a kind may set it per rule in ``setup``, by its options)
    locality: str = "document"

    def __init__(self, scope: Scope, options: Mapping[str, Any]) -> None:
        #: where the rule looks; kinds that collapse or skip hits themselves read it
        self.scope = scope
        self.setup(options)

    def setup(self, options: Mapping[str, Any]) -> None:
        """Compile the rule's data (word indexes, regexes). Raise OptionError on bad data."""

    def check(self, analysis: Analysis) -> Iterable[Hit]:
        """Yield hits for one document."""
        raise NotImplementedError

    def gather(self, analysis: Analysis) -> Iterable[tuple[Any, ...]]:
        """A "split" kind's per-block step: items ``(start, end, ...)`` (character offsets
        first, then anything that does not depend on where the block sits), each what the block
        alone gives. It reads neither ``self.scope`` nor the voice, nor anything outside the
        item's block."""
        raise NotImplementedError

    def finish(self, analysis: Analysis, items: list[tuple[Any, ...]]) -> Iterable[Hit]:
        """A "split" kind's document step: hits from every block's ``gather`` items, in text
        order, with whatever the whole document decides (quotations, counts, density)."""
        raise NotImplementedError

    @classmethod
    def validate_options(cls, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Type-check kind-specific fields and fill defaults; raise OptionError."""
        out: dict[str, Any] = {}
        for key, spec in cls.options.items():
            if key not in raw:
                if spec.required:
                    raise OptionError(key, f"required by kind '{cls.name}'")
                out[key] = spec.default
                continue
            value = raw[key]
            if not isinstance(value, spec.types) or (
                isinstance(value, bool) and bool not in spec.types and int in spec.types
            ):
                names = " or ".join(t.__name__ for t in spec.types)
                raise OptionError(key, f"must be {names}, got {type(value).__name__}")
            if spec.choices and value not in spec.choices:
                raise OptionError(key, f"must be one of {', '.join(map(str, spec.choices))}")
            out[key] = value
        return out


def string_list(value: Any, field_name: str) -> list[str]:
    """A field that holds a list of strings (a single string is accepted as one item)."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise OptionError(field_name, "must be a list of strings")
    if not all(isinstance(v, str) for v in value):
        from newslint.config.yamlfile import list_of_strings_problem

        raise OptionError(field_name, list_of_strings_problem(value))
    return list(value)


def compile_patterns(sources: list[str], field_name: str, flags: int = 0) -> list[re.Pattern[str]]:
    """Compile regular expressions from a rule field; a bad one is an OptionError naming it."""
    compiled = []
    for source in sources:
        try:
            compiled.append(re.compile(source, flags))
        except re.error as exc:
            raise OptionError(field_name, f"invalid regular expression {source!r}: {exc}") from None
    return compiled
