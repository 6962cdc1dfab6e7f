"""``repetition``: the same word twice in a row ("the the"), with legitimate doubles excepted.

```yaml
kind: repetition
exceptions: [had had, that that, is is]   # doubles that are grammatical
min-length: 1
names: true       # false: a capitalised double inside a sentence is a name (Sirhan Sirhan)
non-latin: true   # false: leave doubles in other scripts alone (reduplication is grammar there)
speech: true      # false: a content word doubled in quoted speech is the speaker's ("different
                  # different kinds"); doubled function words ("the the") are slips anywhere
```
Never a double: the last piece of a hyphenated or slashed name then its head noun ("sd-event
event loop"), nor a word ending one line then opening the next as a label ("docs" / "docs: ...").
The hit covers the second word and the space before it; the fix deletes them.
Message field: ``{word}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, string_list

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis


class RepetitionKind(Kind):
    name = "repetition"
    generic = True
    options = {
        "exceptions": Option(
            (list,), default=[], help="doubled words that are grammatical", words=True
        ),
        "min-length": Option(
            (int,), default=1, help="shortest doubled word reported, in characters"
        ),
        "fix": Option(
            (bool,), default=True, help="offer deleting the second word as a safe automatic fix"
        ),
        "names": Option(
            (bool,),
            default=True,
            help="report capitalised doubles inside a sentence (false: they are names)",
        ),
        "non-latin": Option(
            (bool,),
            default=True,
            help="report doubles of words in other scripts (false: reduplication is grammar)",
        ),
        "speech": Option(
            (bool,),
            default=True,
            help="report content words doubled in quoted speech (false: the speaker's own)",
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.exceptions = {
            tuple(e.lower().split()) for e in string_list(options["exceptions"], "exceptions")
        }
        self.min_length = options["min-length"]
        self.fix = options["fix"]
        self.names = options["names"]
        self.non_latin = options["non-latin"]
        self.speech = options["speech"]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text, lowers, alpha = analysis.text, analysis.lowers, analysis.is_alpha
        idxs, texts = analysis.idxs, analysis.texts
        positions = analysis.word_tokens
        for a, b in zip(positions, positions[1:], strict=False):
            if lowers[a] != lowers[b] or not (alpha[a] and alpha[b]):
                continue  # the common case first: two different words
            if len(texts[a]) < self.min_length or (lowers[a], lowers[b]) in self.exceptions:
                continue
            word = texts[a]
            if not self.non_latin and not word.isascii():
                continue
            if (
                not self.names
                and word[:1].isupper()
                and texts[b][:1].isupper()
                and all(st.start != idxs[a] for st in analysis.sentences)
            ):
                continue  # "Sirhan Sirhan", "Duran Duran" inside a sentence: a name
            start, end = idxs[a] + len(texts[a]), idxs[b] + len(texts[b])
            gap = text[start : idxs[b]]
            if gap.strip() != "" or "\n\n" in gap:
                continue
            if _compound_tail(text, idxs[a], lowers[a]) or (
                "\n" in gap and text[end : end + 1] == ":"
            ):
                continue  # "sd-event event loop", a label opening the next line ("docs: ...")
            if not self.speech and _said(analysis, idxs[a], lowers[a]):
                continue  # "different different kinds" in an interview answer: as said
            yield Hit(
                start, end, {"word": texts[b]}, suggestions=("",), fix="" if self.fix else None
            )


def _compound_tail(text: str, start: int, low: str) -> bool:
    """Is the content word at ``start`` the last piece of a hyphenated or slashed name
    ("sd-event", "toml-lang/toml-test")? Then the same word after it is the head noun
    ("sd-event event loop", "toml-test test suite"), not a doubling; a function word stays a
    slip ("check-in in all the tools")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if low in STOP_WORDS:
        return False
    return start >= 2 and text[start - 1] in "-/" and text[start - 2].isalnum()


def _said(analysis: Analysis, start: int, low: str) -> bool:
    """A content word (not one of spaCy's English stop words) inside quoted speech: doubled,
    it is the speaker's emphasis or reduplication, which a transcript keeps."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return low not in STOP_WORDS and analysis.voice_at(start) == "quote"


KIND = RepetitionKind
