"""``slogan``: a slogan or call to action in narration.

Two shapes, both on whole, unquoted sentences:

* an imperative: a short sentence (``max-words``) ending in "." or "!" whose first word is a bare
  verb with no subject: "Stop Assad's assault on Idlib.", "Sign the petition." The first word must
  be in its base form and either listed in ``verbs`` or a word WordNet knows only as a verb
  (``wordnet-verbs``), not listed in ``not-imperative``; the sentence must hold no finite verb
  form ("Trump has", "Shares rose") and no ``finite-words``;
  The bare verb may follow a negation or a leading adverb ("Do not be afraid.", "Never
  surrender!", "Just do it."), and a sentence shouted in capitals is read in lower case ("BUILD
  THE WALL!"). Politeness formulas ("Thank you.", "Welcome to ...") are not commands;
* a slogan template (``shapes``, Python regexes matched against the whole sentence without its
  final punctuation, any case): "Death to X", "X first", "No to X", "God bless X";
  ``exclaimed-shapes`` count only when the sentence ends with "!" ("No war!").

Sentences that match one of ``furniture`` (regexes, same matching) are page furniture, not
slogans: "Email the writer at jane@example.com." is the outlet's contact line.

```yaml
kind: slogan
max-words: 12
verbs: [stop, support, sign]
wordnet-verbs: true
not-imperative: [even, still]
finite-words: [is, was, has, said]
shapes: ['death to \\w+(?: \\w+){0,3}']
furniture: ['(?:contact|email) the (?:writer|author) at \\S+@\\S+']
```
Message fields: ``{match}``, ``{shape}`` ("call to action" or "slogan").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.engine.kind import Hit, Kind, Option, OptionError, compile_patterns, string_list

if TYPE_CHECKING:
    from newslint.analysis.core import Analysis, Sentence

QUOTE_MARKS = set('"“”‘’«»„')
ENDINGS = (".", "!")


#: first words that look like a bare verb but do not open a command ("Even so", "Next, ...")
NOT_IMPERATIVE = [
    "according", "amid", "become", "despite", "enter", "even", "further", "given", "last", "least",
    "less", "like", "more", "most", "near", "next", "once", "only", "over", "past", "plus",
    "round", "second", "still", "then", "third", "though", "unlike", "well", "yet", "including",
    "regard", "regarding", "concern", "concerning", "consider", "note", "see", "say",
    "thank", "thanks", "welcome", "congratulate", "congratulations", "happy", "merry",
]  # fmt: skip

#: words that may come before the bare verb of a command ("Never surrender!", "Just do it.")
LEADING_WORDS = ["never", "just", "always", "simply", "please", "now", "so", "together", "only"]
#: the negation of a command: "Do not", "Don't"
NEGATION = frozenset(["not", "n't"])

#: words that show the sentence has a subject or a finite verb, so it is not a bare imperative
FINITE_WORDS = [
    "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "does", "did", "will",
    "would", "can", "could", "may", "might", "must", "shall", "should", "said", "says", "told",
    "tells", "according", "i", "he", "she", "we", "they", "it",
]  # fmt: skip

#: a contact line: a verb, the writer/outlet/column (not "your MP"), then an address
CONTACT_LINES = [
    r"(?:contact|e-?mail|write to|reach|message) "
    r"(?:(?:the|this) (?:writer|author|reporter|columnist|editors?|newsroom|desk|team)|us|me"
    r"|(?-i:[A-Z])[\w.'’-]*(?: (?-i:[A-Z])[\w.'’-]*){0,3}) (?:at|on|via|by) "
    r"(?:\S+@\S+|@\w+|(?:https?://|www\.)\S+|[\w-]+\.(?:com|org|net|co\.uk)\b|p\.? ?o\.? box"
    r"|\+?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}).*"
]


class SloganKind(Kind):
    name = "slogan"
    options = {
        "max-words": Option(
            (int,), default=12, help="longest sentence, in words, read as a slogan"
        ),
        "min-words": Option(
            (int,), default=2, help="shortest sentence, in words, read as a slogan"
        ),
        "verbs": Option((list,), default=[], help="verbs that open a call to action", words=True),
        "wordnet-verbs": Option((bool,), default=True, help="also any verb-only WordNet word"),
        "not-imperative": Option(
            (list,), default=NOT_IMPERATIVE, help="first words never read as imperatives"
        ),
        "finite-words": Option(
            (list,), default=FINITE_WORDS, help="words that show a subject and a verb"
        ),
        "shapes": Option((list,), default=[], help="regexes for slogan templates"),
        "exclaimed-shapes": Option(
            (list,), default=[], help="regexes for templates that are slogans when exclaimed"
        ),
        "leading-words": Option(
            (list,),
            default=LEADING_WORDS,
            help="words that may come before a command's verb (never, just, please)",
        ),
        "furniture": Option(
            (list,), default=CONTACT_LINES, help="regexes for contact lines and the like"
        ),
    }

    def setup(self, options: Mapping[str, Any]) -> None:
        self.max_words = options["max-words"]
        self.min_words = options["min-words"]
        self.verbs = {v.lower() for v in string_list(options["verbs"], "verbs")}
        self.use_wordnet = options["wordnet-verbs"]
        self.not_imperative = {
            w.lower() for w in string_list(options["not-imperative"], "not-imperative")
        }
        self.finite = {w.lower() for w in string_list(options["finite-words"], "finite-words")}
        self.shapes = compile_patterns(
            string_list(options["shapes"], "shapes"), "shapes", re.IGNORECASE
        )
        self.exclaimed = compile_patterns(
            string_list(options["exclaimed-shapes"], "exclaimed-shapes"),
            "exclaimed-shapes",
            re.IGNORECASE,
        )
        self.leading = {w.lower() for w in string_list(options["leading-words"], "leading-words")}
        self.furniture = compile_patterns(
            string_list(options["furniture"], "furniture"), "furniture", re.IGNORECASE
        )
        if not (self.verbs or self.use_wordnet or self.shapes):
            raise OptionError("verbs", "give 'verbs', 'shapes' or 'wordnet-verbs: true'")

    # -- helpers -----------------------------------------------------------------------------
    def _opens_imperative(
        self, analysis: Analysis, i: int, lemma: str, shouted: bool = False, led: bool = False
    ) -> bool:
        text = analysis.texts[i]
        low = text.lower()
        if not analysis.is_alpha[i]:
            return False
        if not shouted and (
            (not led and not text[0].isupper()) or (text.isupper() and len(text) > 1)
        ):
            return False
        if low != lemma or low in self.not_imperative:
            return False
        if low in self.verbs:
            return True
        if not self.use_wordnet:
            return False
        from newslint.analysis.nlp import wordnet_index

        wn = wordnet_index()
        return low in wn["verb"] and not any(low in wn[p] for p in ("noun", "adj", "adv"))

    def _has_finite_verb(self, analysis: Analysis, words: list[int], lemmas: list[str]) -> bool:
        from newslint.analysis.nlp import wordnet_index

        verbs = wordnet_index()["verb"]
        for i, lemma in zip(words[1:], lemmas[1:], strict=False):
            low = analysis.lowers[i]
            if low in self.finite:
                return True
            if low != lemma and lemma in verbs and not low.endswith(("s", "ing")):
                return True  # a past form: "Shares fell", "Support grew"
        return False

    def _candidate(self, analysis: Analysis, sentence: Sentence) -> str | None:
        counted = analysis.alpha_before
        if not (
            self.min_words
            <= counted[sentence.token_end] - counted[sentence.token_start]
            <= self.max_words
        ):
            return None  # too short or too long, told without building the token lists
        text = analysis.text[sentence.start : sentence.end]
        if QUOTE_MARKS & set(text) or analysis.quotes.in_quote(sentence.start):
            return None
        body = text.rstrip(")]").rstrip()
        space, alpha = analysis.is_space, analysis.is_alpha
        tokens = [i for i in range(sentence.token_start, sentence.token_end) if not space[i]]
        words = [i for i in tokens if alpha[i]]  # as many as counted above
        stripped = body.rstrip(".!").strip()
        if any(pattern.fullmatch(stripped) for pattern in self.furniture):
            return None
        if any(shape.fullmatch(stripped) for shape in self.shapes):
            return "slogan"
        if body.endswith("!") and any(shape.fullmatch(stripped) for shape in self.exclaimed):
            return "slogan"
        if not body.endswith(ENDINGS) or body.endswith("..."):
            return None
        shouted = sum(c.isalpha() for c in body) > 3 and body.isupper()
        first = tokens[0]
        if first != words[0]:
            return None
        verb = self._command_verb(analysis, tokens)
        if verb is None:
            return None
        position = tokens.index(verb)
        rest = [i for i in tokens[position:] if alpha[i]]
        lemmas = [self._lemma(analysis, i, shouted) for i in rest]
        led = position > 0
        if not self._opens_imperative(analysis, verb, lemmas[0], shouted, led):
            return None
        if position + 1 < len(tokens) and analysis.texts[tokens[position + 1]] in {
            "'s",
            "’s",
            ",",
            ":",
            "-",
            "—",
        }:
            return None
        if self._has_finite_verb(analysis, rest, lemmas):
            return None
        return "call to action"

    def _lemma(self, analysis: Analysis, i: int, shouted: bool) -> str:
        if not shouted:
            return analysis.lemmas[i]
        from newslint.analysis.nlp import lemma

        return lemma(analysis.lowers[i])

    def _command_verb(self, analysis: Analysis, tokens: list[int]) -> int | None:
        """The token that should be the bare verb: the first word, or the one after "Do not",
        "Never", "Just"."""
        lowers = analysis.lowers
        position = 0
        if len(tokens) > 2 and lowers[tokens[0]] == "do" and lowers[tokens[1]] in NEGATION:
            position = 2
        elif len(tokens) > 1 and lowers[tokens[0]] in self.leading:
            position = 1
            if lowers[tokens[1]] == "do" and len(tokens) > 3 and lowers[tokens[2]] in NEGATION:
                position = 3  # "Please do not ..."
        return tokens[position] if position < len(tokens) else None

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for sentence in analysis.sentences:
            shape = self._candidate(analysis, sentence)
            if shape:
                yield Hit(sentence.start, sentence.end, {"shape": shape})


KIND = SloganKind
