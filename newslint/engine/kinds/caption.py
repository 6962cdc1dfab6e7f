r"""``caption``: a photo caption or its credit left in the body as a paragraph of its own.

A caption describes the picture in the present tense and closes on where and when it was taken:
"A Syrian man receives treatment at a small hospital in ... on 4 April 2017." The kind looks for a
one-sentence body paragraph whose main verb, soon after a subject noun phrase, is a present-tense
third-person form (a verb lemma + s, per the lemma table; an auxiliary or a pronoun before it,
"The project will release ...", "we do have plans", makes it an ordinary sentence), that ends on
a full date with a year,
or any paragraph that ends in a bracketed picture credit ("... (Image: GETTY)").

```yaml
kind: caption
max-verb-position: 12   # the present-tense verb comes within this many words
min-words: 8
credit-tail: ['\((?:image|photo|picture)s?(?: credit)?:[^)]{1,60}\)']   # regexes, end of block
```
Message field ``{reason}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError
from newslint.engine.support.layout import BODY_KINDS
from newslint.engine.support.line_patterns import flatten_patterns

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newslint.analysis.core import Analysis

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: what may follow the year of a caption's closing date, besides white space
_TAIL_MARKS = '.)"”'
#: a full date with a year at the end of the sentence, as captions close
DATE_TAIL = re.compile(
    rf"(?:\b(?:on|in|,)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"[\s{re.escape(_TAIL_MARKS)}]*$"
)


def _ends_in_year(chunk: str) -> bool:
    """Does ``chunk`` end in four digits and then only what DATE_TAIL allows after the year? (A
    quick test that DATE_TAIL can match: the regex is tried at every position.)"""
    end = len(chunk)
    while end and (chunk[end - 1].isspace() or chunk[end - 1] in _TAIL_MARKS):
        end -= 1
    return end >= 4 and chunk[end - 4 : end].isdecimal()


#: words that may open a caption's subject noun phrase but are never its verb
SUBJECT_STOP = frozenset(
    ["this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "there", "here"]
)
#: -s words that are verbs by lemma but rarely a caption's main verb
NOT_VERBS = frozenset(
    [
        "is",
        "has",
        "was",
        "does",
        "says",
        "news",
        "its",
        "this",
        "thus",
        "us",
        "yes",
        "his",
        "hers",
        "ours",
    ]
)
#: words after a plural subject noun: "tariffs have", "forces were" (the -s word is no verb)
AUXILIARIES = frozenset(
    [
        "have",
        "had",
        "are",
        "were",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "do",
        "did",
        "been",
    ]
)


def _present_verb(tokens: list[Token], limit: int) -> bool:
    """True when a present-tense third-person verb follows a capitalised subject."""
    from newslint.analysis.nlp import wordnet_index

    verbs = wordnet_index()["verb"]
    if not tokens or not tokens[0].text[:1].isupper() or tokens[0].lower_ in SUBJECT_STOP:
        return False
    for position, token in enumerate(tokens[:limit]):
        if position == 0 or not token.is_alpha:
            continue
        low = token.lower_
        if low in AUXILIARIES or (low in SUBJECT_STOP and position > 1):
            return False  # "The project will release ...", "As planned, we do ...": a sentence
        if token.text[:1].isupper() or low in NOT_VERBS or not low.endswith("s"):
            continue
        stem = low[:-2] if low.endswith(("ches", "shes", "sses", "xes", "zes")) else low[:-1]
        if stem.endswith("ie"):
            stem = stem[:-2] + "y"
        if stem in verbs and token.lemma_ in verbs:
            previous = tokens[position - 1].lower_
            # "the talks", "a series": a determiner before an -s word makes it a noun
            following = tokens[position + 1].lower_ if position + 1 < len(tokens) else ""
            if previous in ("the", "a", "an", "of", "his", "her", "their", "its", "our"):
                continue
            if following in AUXILIARIES or previous.endswith("ed"):
                continue
            return True
    return False


class CaptionKind(Kind):
    name = "caption"
    options = {
        "max-verb-position": Option(
            (int,), default=12, help="the present-tense verb comes within this many words"
        ),
        "min-words": Option(
            (int,), default=8, help="shortest paragraph, in words, read as a caption"
        ),
        "credit-tail": Option((list,), default=[], help="regexes of a credit closing the block"),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.limit = options["max-verb-position"]
        self.min_words = options["min-words"]
        sources = flatten_patterns(options["credit-tail"], "credit-tail")
        try:
            self.credit = (
                re.compile(rf"(?:{'|'.join(sources)})\s*$", re.IGNORECASE) if sources else None
            )
        except re.error as exc:
            raise OptionError("credit-tail", f"invalid regular expression: {exc}") from None

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        for block in analysis.blocks:
            if block.kind not in BODY_KINDS:
                continue
            chunk = text[block.start : block.end]
            credit = self.credit.search(chunk) if self.credit is not None else None
            if credit is not None and len(chunk[: credit.start()].split()) >= 4:
                yield Hit(block.start, block.end, {"reason": "it ends on a picture credit"})
                continue
            sentences = analysis.sentences_in(block)
            if len(sentences) != 1 or not (_ends_in_year(chunk) and DATE_TAIL.search(chunk)):
                continue
            if analysis.quotes.in_quote(block.start) or any(q in chunk for q in '"“”'):
                continue
            tokens = analysis.tokens(block.start, block.end)
            if sum(1 for t in tokens if t.is_alpha) < self.min_words:
                continue
            if _present_verb(tokens, self.limit):
                yield Hit(block.start, block.end, {"reason": "a present-tense picture description"})


KIND = CaptionKind
