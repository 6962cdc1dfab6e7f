"""``typo``: unknown words, with ranked suggestions, under a news-aware policy for names.

```yaml
kind: typo
max-suggestions: 3
skip-safe-misspellings: true     # leave codespell's one-fix misspellings to `misspelling`
unknown-label: Possible typo
slip-label: Likely misspelling
rare-label: Rare word
lower-case-name-label: Name in lower case
rejected-label: Rejected by house vocabulary
variant-label: Variant spelling
speech-label: Speaker's own form
transliteration-label: Transliteration
```
The words come from :func:`newslint.spelling.find_typos` over the whole prose (so a word that
recurs anywhere in the article counts as a name): capitalised words inside a sentence, words with
non-ASCII letters, acronyms, URLs, handles and numbers with units are not typos. The house
vocabulary of the config applies: accepted words are never reported, rejected words always are.
The level follows the evidence: a word in no dictionary and unseen on the web with a common word
a slip away, or one the web has mostly as a slip for a much more common word, is reported at the
rule's level; a rare word the web attests with no such rival (jargon, a coinage), an unseen word
no common word is near ("libuv": a name or a term of art) and a name or an abbreviation written
in lower case ("linux", "pdf": a handle, a brand's styling or a capitalisation slip) are only
suggestions.
No automatic fix: a guess is not safe. Message fields: ``{word}``, ``{problem}`` (one of the
labels), ``{suggestion}`` (the best one), ``{hint}`` (`` (did you mean 'x'?)`` or empty) and
``{reason}`` (``; `` and the evidence in words, or empty for a rejected word).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option
from newslint.engine.support.spelling import (
    candidates,
    dictionary_word,
    is_rejected,
    safe_correction,
    typos,
)
from newslint.spelling.reasons import (
    REASON_LOWER_CASE_NAME,
    REASON_RARE,
    REASON_RARE_FORM,
    REASON_REJECT,
    REASON_SLIP,
    REASON_SPEECH,
    REASON_TRANSLITERATION,
    REASON_VARIANT,
)

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis

#: a byline or dateline is made of names and dates: spelling is checked everywhere else
SPELLING_BLOCKS = ["headline", "dek", "heading", "prose"]


#: the ``{problem}`` labels: (option, default, what it labels, the reasons it labels); "unknown"
#: labels every reason without a label of its own
LABELS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("unknown-label", "Possible typo", "a word no dictionary knows", ()),
    (
        "slip-label",
        "Likely misspelling",
        "a word the web has mostly as a slip for a much more common one",
        (REASON_SLIP,),
    ),
    (
        "rare-label",
        "Rare word",
        "a rare word (a suggestion: it may be jargon)",
        (REASON_RARE, REASON_RARE_FORM),
    ),
    (
        "lower-case-name-label",
        "Name in lower case",
        "a word known only as a name or an abbreviation (a suggestion)",
        (REASON_LOWER_CASE_NAME,),
    ),
    (
        "rejected-label",
        "Rejected by house vocabulary",
        "a word in a reject vocabulary file",
        (REASON_REJECT,),
    ),
    (
        "variant-label",
        "Variant spelling",
        "an accepted variant ('cancelation'; a suggestion)",
        (REASON_VARIANT,),
    ),
    (
        "speech-label",
        "Speaker's own form",
        "a speaker's word form in quoted speech (a suggestion)",
        (REASON_SPEECH,),
    ),
    (
        "transliteration-label",
        "Transliteration",
        "a transliterated word beside another script (a suggestion)",
        (REASON_TRANSLITERATION,),
    ),
)


class TypoKind(Kind):
    name = "typo"
    options = {
        "max-suggestions": Option((int,), default=3, help="suggestions to offer, best first"),
        "skip-safe-misspellings": Option(
            (bool,), default=True, help="leave one-fix common misspellings to `misspelling`"
        ),
        **{
            option: Option((str,), default=default, help=f"{{problem}} of {about}")
            for option, default, about, _reasons in LABELS
        },
    }
    default_scope = {"voice": "any", "block": SPELLING_BLOCKS}
    #: the words looked at are a paragraph's own; whether one is reported is the document's
    locality = "split"

    def setup(self, options: Mapping[str, Any]) -> None:
        self.limit = max(0, options["max-suggestions"])
        self.skip_safe = options["skip-safe-misspellings"]
        self.labels = {
            reason: options[option] for option, _, _, reasons in LABELS for reason in reasons
        }
        self.unknown_label = options["unknown-label"]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        return self.finish(analysis, None)

    def gather(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        return candidates(analysis)

    def finish(self, analysis: Analysis, items: list[tuple[Any, ...]] | None) -> Iterator[Hit]:
        for typo in typos(analysis, items):
            rejected = is_rejected(typo)
            if not rejected and self.skip_safe and safe_correction(typo) is not None:
                continue
            suggestions = typo.suggestions[: self.limit]
            if rejected and dictionary_word(typo.word):
                suggestions = ()  # "alright" -> "alrighty" helps nobody: the house list knows best
            best = suggestions[0] if suggestions else ""
            yield Hit(
                typo.start,
                typo.end,
                {
                    "word": typo.word,
                    "problem": self.labels.get(typo.reason, self.unknown_label),
                    "suggestion": best,
                    "hint": f" (did you mean '{best}'?)" if best else "",
                    "reason": "" if rejected or not typo.detail else f"; {typo.detail}",
                },
                suggestions=suggestions,
                level=None if typo.level == "warning" else typo.level,
            )


KIND = TypoKind
