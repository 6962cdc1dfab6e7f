"""find_typos: the news-aware policy that decides which unknown words are worth reporting.

News copy is dense with foreign names, so anything that looks like a name is left alone:
capitalised words inside a sentence, words with non-ASCII letters, acronyms, mixed-case brands,
and unknown words that recur in the article. URLs, e-mail addresses, @handles, #tags, numbers
with units and contractions are skipped. A capitalised word that opens a sentence is checked in
lower case, but reported only when the evidence for a typo is strong (see _confident).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import compress

from newslint.spelling import places
from newslint.spelling.checker import (
    SpellChecker,
    get_checker,
    normalise,
    strip_possessive,
)
from newslint.spelling.foreign import (
    FOREIGN_MIN_UNKNOWN,
    FOREIGN_TEXT_RATIO,
    counted_words,
    foreign_spans,
    foreign_spans_of,
    transliterated,
)
from newslint.spelling.lexicon import CHANNEL_DOUBT
from newslint.spelling.misspellings import corrections, is_misspelling, match_case
from newslint.spelling.reasons import (
    REASON_COMMON,
    REASON_LOWER_CASE_NAME,
    REASON_NO_RIVAL,
    REASON_RARE,
    REASON_RARE_FORM,
    REASON_REJECT,
    REASON_SLIP,
    REASON_SPEECH,
    REASON_TRANSLITERATION,
    REASON_UNKNOWN,
    REASON_VARIANT,
    SUGGESTION_REASONS,
)
from newslint.spelling.register import Register
from newslint.spelling.spans import Spans
from newslint.spelling.speech import SPEECH_REASONS, speaker_form
from newslint.spelling.suggest import edit_cost, edits1
from newslint.spelling.variants import BASE_MIN_ZIPF10, variant_of

# A word: letters, optionally joined by apostrophes, hyphens or dots (U.S, bbc.co.uk). Not glued
# to digits (10km, 1990s, COVID-19), @ or # (handles and tags).
_WORD = re.compile(r"(?<![\w@#.\-])(?<!\w\[)[^\W\d_]+(?:['’.\-][^\W\d_]+)*['’]?(?![\w@'’\-]|\.\w)")
# Not words: each pattern runs only when its cheap trigger is in the text (a combined
# alternation costs ~1.4 ms per article, most of it trying the e-mail and domain shapes at every
# word). The e-mail and domain shapes hold no white space and always hold their trigger, so they
# are looked for only in the runs of non-space characters around each trigger.
_SKIP: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, bool], ...] = tuple(
    (
        re.compile(pattern, re.IGNORECASE),
        re.compile(trigger, re.IGNORECASE) if trigger else None,
        in_runs,
    )
    for pattern, trigger, in_runs in (
        (r"(?:https?://|ftp://|www\.)\S+", None, False),  # URLs
        (r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", r"@", True),  # e-mail addresses
        (r"[@#]\w+", None, False),  # handles and hashtags
        (r"`[^`\n]+`", r"`", False),  # code in backticks that no Markdown reader made code
        (  # bare domains (bbc.co.uk, example.com/page)
            r"\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|gov|edu|int|io|co|uk|us|info|news)\b(?:/\S*)?",
            r"\.(?:com|org|net|gov|edu|int|io|co|uk|us|info|news)\b",
            True,
        ),
    )
)


def _skipped_spans(text: str) -> Spans:
    """The spans of the text that are not words (URLs, addresses, handles, code)."""
    spans: list[tuple[int, int]] = []
    for pattern, trigger, in_runs in _SKIP:
        if trigger is None:
            spans += [m.span() for m in pattern.finditer(text)]
        elif in_runs:
            for start, end in _runs_around(text, trigger):
                spans += [m.span() for m in pattern.finditer(text, start, end)]
        elif trigger.search(text):
            spans += [m.span() for m in pattern.finditer(text)]
    return Spans(spans)


def _runs_around(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """The runs of non-space characters that hold a match of ``trigger``, in text order (a
    pattern without white space finds the same matches in them as in the whole text)."""
    runs: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        if runs and m.start() < runs[-1][1]:
            continue  # in the run already found
        start = m.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = m.end()
        while end < len(text) and not text[end].isspace():
            end += 1
        runs.append((start, end))
    return runs


_NEXT_CAPITALISED = re.compile(r"[-\s]+[A-Z]")
#: a title or an initial right before a word: the word is a name, not a sentence opener
_TITLE_BEFORE = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Capt|Cmdr|Maj|Sgt|Cpl|Pvt|Adm"
    r"|Prof|Rev|Fr|St|Sr|Jr|Hon|Pres|Supt|Det|Insp|Atty|Amb|Rt|[A-Z])\.[ \t]+$"
)
# What may stand between the end of the previous sentence and the first word of the next.
_OPENERS = "\"'“‘([« \t"
_CLOSERS = "\"'”’)]»"
_SENTENCE_END = ".!?…:"


#: attested words shorter than this are at most rare words, whatever the channel says
SLIP_MIN_LENGTH = 5
# Sentence-initial capitalised words: report only a cheap edit away from a common word.
CONFIDENT_MAX_COST = 0.7
CONFIDENT_MIN_ZIPF = 4.0
#: an unattested word warns only when one of its suggestions is within this weighted edit cost
#: per letter of the word (a slip's reach; a long word has room for more slips); farther, it is
#: a name or a term of art ("libuv", "protobuf") more often than a slip, and only a suggestion.
#: Fitted on Birkbeck and three clean sources by benchmarks/spelling_reach_fit.py.
UNATTESTED_REACH = 0.18


@dataclass(frozen=True)
class Typo:
    """A reported spelling problem; start/end are character offsets into the checked text."""

    start: int
    end: int
    word: str
    suggestions: tuple[str, ...]
    reason: str
    #: why, in words an editor can check ("'families' is 700 times as common, one slip away")
    detail: str = ""

    @property
    def level(self) -> str:
        """ "suggestion" for rare words that could be jargon, else "warning"."""
        return "suggestion" if self.reason in SUGGESTION_REASONS else "warning"


def _after_title(text: str, start: int) -> bool:
    """Does a title or an initial end just before ``start`` ("Sen. Markey", "J. Smith")?"""
    m = _TITLE_BEFORE.search(text, max(0, start - 8), start)
    return m is not None


def _sentence_initial(text: str, start: int, starts: Collection[int]) -> bool:
    """Does the word at ``start`` open a sentence, a line or a quotation that opens one?

    Not after a title or an initial ("Sen. Markey", "J. Smith"), which a sentencizer may split.
    """
    if _after_title(text, start):
        return False
    if start in starts:
        return True
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i >= 0 and text[i] in _SENTENCE_END


def _looks_like_name(part: str) -> bool:
    """Acronyms, mixed case (iPhone, McCain) and words with non-ASCII letters."""
    if not part.isascii():
        return True
    if len(part) > 1 and part.isupper():
        return True
    return any(c.isupper() for c in part[1:])


def _confident(checker: SpellChecker, low: str) -> bool:
    """Is a sentence-initial unknown word clearly a typo of a common word?

    Yes if codespell lists it, or if a common word (zipf >= CONFIDENT_MIN_ZIPF) is one cheap edit
    away. Only single edits are searched, which keeps this check fast.
    """
    if is_misspelling(low):
        return True
    common = checker.lexicon.common_words(round(CONFIDENT_MIN_ZIPF * 10))
    return any(c in common and edit_cost(low, c) <= CONFIDENT_MAX_COST for c in edits1(low))


#: a word the document step looks at: (start, end, the word as written)
Candidate = tuple[int, int, str]


def _word_tokens(text: str) -> list[re.Match[str]]:
    """The words of the text, without those inside URLs, addresses, handles and code."""
    skipped = _skipped_spans(text)
    tokens = list(_WORD.finditer(text))
    if skipped:
        inside = skipped.covered([m.start() for m in tokens])
        tokens = [m for i, m in enumerate(tokens) if i not in inside] if inside else tokens
    return tokens


def candidates(text: str, reject: bool, checker: SpellChecker | None = None) -> list[Candidate]:
    """The words find_typos looks at one by one: those the dictionary does not know as written
    or capitalised (every word when ``reject``: a house reject list is in force).

    What a word is, and whether it is looked at, reads at most two characters either side of
    it, and a code span in backticks (so a paragraph gives the same candidates alone as inside
    its article when it is set off by white space and the article has no backtick)."""
    checker = checker or get_checker()
    return _candidates(checker, _word_tokens(text), reject)


def _candidates(
    checker: SpellChecker, tokens: list[re.Match[str]], reject: bool
) -> list[Candidate]:
    known_forms = checker.lexicon.forms
    raws = [m.group() for m in tokens]
    # The fast path: most words are dictionary words as written or capitalised; only the others
    # are looked at one by one (rejected words must be, whatever the dictionary says).
    if reject:
        return [(m.start(), m.end(), raw) for m, raw in zip(tokens, raws, strict=True)]
    unknown = {
        r
        for r in set(raws) - known_forms
        if not (r[:1].isupper() and r[1:].islower() and r.lower() in known_forms)
    }
    return [  # the membership test runs in C, not once per word here
        (m.start(), m.end(), raw)
        for m, raw in compress(zip(tokens, raws, strict=True), map(unknown.__contains__, raws))
    ]


def find_typos(
    text: str,
    sentence_starts: Collection[int] = (),
    accept: Collection[str] = (),
    reject: Collection[str] = (),
    checker: SpellChecker | None = None,
    source: str | None = None,
    named: Callable[[int, str], bool] | None = None,
    speech: Callable[[int], bool] | None = None,
    looked_at: list[Candidate] | None = None,
) -> list[Typo]:
    """Report likely misspellings in ``text`` (see the module docstring for the policy).

    ``sentence_starts`` are offsets of sentence-initial characters from the caller's sentencizer
    (line starts and words after . ! ? are recognised anyway). ``accept`` is house vocabulary
    (case-insensitive, never reported); ``reject`` words are always reported. ``source`` is the
    file the text was read from, when markup was stripped: a word that recurs there (in code, a
    link's address, a handle) is a name or an identifier, not a slip. ``named(offset, word)``
    says the caller's document structure makes the word a name (a one-word list item): such a
    word is dropped before its suggestions are ranked, which is most of a report's cost.
    ``speech(offset)`` says the offset is inside quoted speech or a transcript's answer, where a
    speaker's own word form is only a suggestion (newslint.spelling.speech).
    ``looked_at``: the text's :func:`candidates` when the caller has them (an editor keeps them
    per paragraph); everything else here is the whole document's (recurrence, foreign passages,
    the article's names).
    """
    checker = checker or get_checker()
    accepted = {normalise(w).lower() for w in accept}
    rejected = {normalise(w).lower() for w in reject}
    starts = set(sentence_starts)
    tokens: list[re.Match[str]] | None = None
    if looked_at is None:
        tokens = _word_tokens(text)
        looked_at = _candidates(checker, tokens, bool(rejected))
    # Recurrence in the prose, and in the whole file: a word that recurs in code or a link's
    # address names something, unless codespell lists it (a slug repeats a headline's slip).
    prose_counts = _LazyCounts(text)
    counts = (prose_counts, _LazyCounts(source) if source is not None else prose_counts)
    # worked out only if something is reported
    foreign = _LazyForeign(checker, text, tokens)
    places = _Places(checker, text, starts)
    register = Register(checker, text if source is None else source)
    typos: list[Typo] = []
    for begin, end, raw in looked_at:
        word = normalise(raw).rstrip("'")
        stem = strip_possessive(word)
        if stem.lower() in rejected:
            if not foreign.covers(begin):
                typos.append(_rejected(checker, raw[: len(stem)], begin))
            continue
        if "." in word or word.lower() in accepted or "'" in stem:  # "'": don't, they're
            continue
        offset = begin
        parts = stem.split("-")
        for i, part in enumerate(parts):
            if part.lower() in rejected:
                if not foreign.covers(begin):
                    typos.append(_rejected(checker, raw[offset - begin :][: len(part)], offset))
            else:
                reason = _check_part(checker, text, part, offset, starts, accepted, *counts)
                if reason and _closed_up(checker, parts, i):
                    reason = None
                if reason and (
                    _deliberate(text, offset, offset + len(part))
                    or places.names(begin, end, part, reason)
                ):
                    reason = None
                if reason and named is not None and named(offset, part):
                    reason = None
                if reason and register.admits(part, reason):
                    reason = None
                if reason in SPEECH_REASONS and speech and speech(offset):
                    reason = REASON_SPEECH if speaker_form(checker, part.lower()) else reason
                if reason and not foreign.covers(begin):
                    typos.append(_typo(checker, text, part, offset, reason))
            offset += len(part) + 1
    return typos


class _LazyForeign:
    """Is a word in a passage of another language (:mod:`newslint.spelling.foreign`)? Worked
    out on the first question (most texts have no unknown word to ask about), line by line.

    The language tests count words in paragraphs, sentences and clauses, none of which runs
    over a line break, and in the whole text: each line's spans and word counts are kept on the
    checker by the line's text, and the whole text's counts are their sums, so an editor's
    re-lint works out only the edited line's. (A language label may run over a line break, so
    a text holding one is worked out whole.)"""

    def __init__(
        self, checker: SpellChecker, text: str, tokens: list[re.Match[str]] | None
    ) -> None:
        self._checker, self._text, self._tokens = checker, text, tokens
        self._whole: Spans | None = None
        self._lines: list[tuple[int, int, Spans]] | None = None
        self._line_starts: list[int] = []
        self._foreign_text = False

    def covers(self, offset: int) -> bool:
        if self._whole is None and self._lines is None:
            self._prepare()
        if self._whole is not None:
            return self._whole.covers(offset)
        if self._foreign_text:
            return True
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return self._lines[i][2].covers(offset - self._line_starts[i])  # type: ignore[index]

    def _prepare(self) -> None:
        checker, text = self._checker, self._text
        if _LANGUAGE_LABEL_HINT in text:
            tokens = self._tokens if self._tokens is not None else _word_tokens(text)
            self._whole = Spans(foreign_spans(checker, text, tokens))
            return
        memo = checker.foreign_lines
        if len(memo) > FOREIGN_LINES_KEPT:
            memo.clear()
        tokens = self._tokens
        # a line's words are the whole text's words on it (no word, and no skipped span, runs
        # over a line break; what decides one reads no further than the line break): cut from
        # them, the lines new to the process need no word pass of their own
        token_starts = [m.start() for m in tokens] if tokens is not None else []
        lines, starts, at = [], [], 0
        for line in text.split("\n"):
            found = memo.get(line)
            if found is None:
                if tokens is None:
                    found = _line_foreign(checker, line)
                else:
                    lo = bisect.bisect_left(token_starts, at)
                    hi = bisect.bisect_left(token_starts, at + len(line), lo)
                    found = _line_foreign(
                        checker,
                        line,
                        [s - at for s in token_starts[lo:hi]],
                        [m.group() for m in tokens[lo:hi]],
                    )
                memo[line] = found
            lines.append(found)
            starts.append(at)
            at += len(line) + 1
        self._lines, self._line_starts = lines, starts
        plain = sum(n for n, _, _ in lines)
        unknown = sum(n for _, n, _ in lines)
        self._foreign_text = (
            unknown >= FOREIGN_MIN_UNKNOWN and unknown >= FOREIGN_TEXT_RATIO * plain
        )


#: lines whose foreign-language test is kept on the checker (dropped all at once beyond this)
FOREIGN_LINES_KEPT = 4_000
#: what every language label holds (see foreign._LANGUAGE_LABEL)
_LANGUAGE_LABEL_HINT = " language:"


def _line_foreign(
    checker: SpellChecker,
    line: str,
    starts: list[int] | None = None,
    words: list[str] | None = None,
) -> tuple[int, int, Spans]:
    """One line's plain and unknown words (as the whole text's test counts them) and its
    foreign spans (a line alone: its paragraph, sentence and clause tests are the same as inside
    its text; the whole-text test alone is implied by its paragraph test). ``starts`` and
    ``words``: the line's word offsets and words when the caller has them."""
    if starts is None or words is None:
        tokens = _word_tokens(line)
        starts, words = [m.start() for m in tokens], [m.group() for m in tokens]
    _, plain, unknown = counted_words(checker, words)
    plain_count = sum(map(plain.__contains__, words))
    unknown_count = sum(map(unknown.__contains__, words))
    return plain_count, unknown_count, Spans(foreign_spans_of(checker, line, starts, words))


_SIC_AFTER = re.compile(r"[\"'’”]?\s*[\[(]sic[\])]", re.IGNORECASE)
_QUOTES = "'\"‘’“”"
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]$")
_NAME_AFTER = re.compile(r"[ \t][A-Z][a-z]")


def _deliberate(text: str, start: int, end: int) -> bool:
    """A spelling the writer marked as meant: "[sic]" after it, an editor's brackets completing
    it in a quotation ("[W]ithin", "galler[ies]"), or a quoted nickname inside a name (Oliver
    'ker' Schneider)."""
    if _SIC_AFTER.match(text, end):
        return True
    if (start > 0 and text[start - 1] == "]") or text.startswith("[", end):
        return True
    return (
        start > 0
        and end < len(text)
        and text[start - 1] in _QUOTES
        and text[end] in _QUOTES
        and _NAME_BEFORE.search(text, max(0, start - 40), start - 1) is not None
        and _NAME_AFTER.match(text, end + 1) is not None
    )


def _closed_up(checker: SpellChecker, parts: list[str], i: int) -> bool:
    """Is piece ``i`` of a hyphenated word known when closed up with a neighbour ("take-aways":
    "takeaways"; "bolt-ons": "boltons")? Then the hyphen only splits a known word."""
    return (i > 0 and checker.is_known(parts[i - 1] + parts[i])) or (
        i + 1 < len(parts) and checker.is_known(parts[i] + parts[i + 1])
    )


class _Places:
    """Does the place of a reported word say it names something (newslint.spelling.places)?
    The article's names are gathered on the first question."""

    def __init__(self, checker: SpellChecker, text: str, starts: Collection[int]) -> None:
        self._checker = checker
        self._text = text
        self._starts = starts
        self._names: frozenset[str] | None = None

    def _is_name(self, start: int, word: str) -> bool:
        """A capitalised word is a name inside a sentence, or where no word is ("Davao")."""
        return not _sentence_initial(self._text, start, self._starts) or not (
            self._checker.is_known(word.lower())
        )

    def names(self, start: int, end: int, part: str, reason: str) -> bool:
        """Paths and handles in parentheses name something whatever the word; codespell's
        misspellings and clear slips are reported anywhere else. A word in a name ("Haruki
        tesmoto Ishida"), a species after its genus or a coinage on the article's names must
        have no rival word nearby, unless the web attests it or knows it as a name."""
        text = self._text
        if places.in_path(text, start, end) or places.in_parentheses_after_name(text, start, end):
            return True
        if reason in (REASON_COMMON, REASON_SLIP, REASON_RARE_FORM) or not part.islower():
            return False
        if places.thanked(text, start):
            return True
        if places.between_names(text, start, end, self._is_name):
            return reason != REASON_UNKNOWN or not self._checker.has_rival(part)
        if reason != REASON_UNKNOWN:
            return False
        if self._names is None:
            self._names = places.prose_names(text, self._checker.lexicon_zipf)
        return (
            places.name_before(text, start, self._is_name) or places.coined_from(part, self._names)
        ) and not self._checker.has_rival(part)


_RUN = re.compile(r"[^\W_]+")


class _LazyCounts:
    """How often a word occurs in the file: in any capitalisation, with possessives, as a piece
    of a hyphenated word ("git-seekret"), and in the markup around the prose when the caller
    gives the source (a command in a code block, a handle in a link's address: "rustup",
    "[pnkfelix]: https://github.com/pnkfelix"). The source is lower-cased only if an unknown
    word asks, and only the words asked about are counted: a word counts where it is a whole
    run of letters and digits (the text is not split into runs)."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._lower: str | None = None
        self._counts: dict[str, int] = {}

    def __getitem__(self, low: str) -> int:
        count = self._counts.get(low)
        if count is None:
            if self._lower is None:
                self._lower = normalise(self._source).lower()  # "Assadʼs": ʼ is a letter
            count = self._counts[low] = _runs_equal_to(self._lower, low)
        return count


def _runs_equal_to(text: str, word: str) -> int:
    """How many maximal runs of letters and digits of ``text`` are ``word`` (a word of letters
    and digits: an occurrence counts when no letter or digit touches it on either side)."""
    if not word.isalnum():
        return Counter(_RUN.findall(text))[word]  # not a run of letters and digits
    count, size, end_of_text = 0, len(word), len(text)
    at = text.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == end_of_text or not text[end].isalnum()
        ):
            count += 1
        at = text.find(word, at + 1)
    return count


_WORD_BEFORE = re.compile(r"([A-Za-z]+)['’]?[^\w.!?\n]*$")
_WORD_AFTER = re.compile(r"[^\w.!?\n]*([A-Za-z]+)")


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The lower-case words just before and after ``text[start:end]`` in the same sentence
    ("" where a sentence or line ends first): the context the suggestions are ranked in."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end, end + 40)
    return (
        before.group(1).lower() if before else "",
        after.group(1).lower() if after else "",
    )


def _typo(checker: SpellChecker, text: str, part: str, start: int, reason: str) -> Typo:
    """The report on ``part``, with the evidence behind it in words and its suggestions ranked
    in the sentence it sits in."""
    context = neighbours(text, start, start + len(part))
    suggestions = tuple(checker.suggest(part, 3, context))
    evidence = checker.lexicon.evidence(part.lower())
    if reason == REASON_COMMON:
        detail = "a common misspelling (codespell's list)"
    elif reason == REASON_SPEECH:
        detail = "a speaker's own word form in quoted speech: keep it as said, or mark it [sic]"
    elif reason == REASON_VARIANT and (fix := _variant(checker, part.lower())):
        detail = f"a variant spelling: '{fix}' is the usual form, if house style prefers it"
        suggestions = (match_case(part, fix), *(s for s in suggestions if s.lower() != fix))[:3]
    elif reason in (REASON_SLIP, REASON_RARE_FORM) and evidence and evidence.channel:
        ratio = 10 ** (checker.lexicon_zipf(evidence.target) - evidence.zipf)
        detail = (
            f"the web has '{evidence.target}' {_times(ratio)} as often, and this is a typical "
            "slip for it"
        )
        if reason == REASON_RARE_FORM:
            detail = "a dictionary word, but rare: " + detail
        target = match_case(part, evidence.target)
        if target not in suggestions:
            suggestions = (target, *suggestions)[:3]
    elif reason == REASON_RARE and evidence is not None:
        detail = f"a rare word (about {_per_million(evidence.zipf)} on the web): check it"
        if evidence.channel is not None and evidence.channel >= CHANNEL_DOUBT:
            ratio = 10 ** (checker.lexicon_zipf(evidence.target) - evidence.zipf)
            detail += f"; '{evidence.target}' is {_times(ratio)} as common and a slip away"
    elif reason == REASON_LOWER_CASE_NAME and (form := _name_form(checker, part.lower())):
        detail = f"the dictionaries know it only as '{form}': a name or an abbreviation"
        suggestions = (form, *(s for s in suggestions if s != form))[:3]
    elif reason == REASON_UNKNOWN and transliterated(checker, text, suggestions):
        reason = REASON_TRANSLITERATION
        detail = (
            f"unseen on the web and near only the rare '{suggestions[0]}', in copy that "
            "quotes another script: a transliteration?"
        )
    elif reason == REASON_UNKNOWN and _beyond_reach(part, suggestions):
        reason = REASON_NO_RIVAL
        detail = "in no dictionary and unseen on the web, but no common word is a slip away"
    else:
        detail = "in no dictionary, and unseen on the web"
    return Typo(start, start + len(part), part, suggestions, reason, detail)


def _beyond_reach(part: str, suggestions: tuple[str, ...]) -> bool:
    """Is every suggestion farther from the word than UNATTESTED_REACH per letter?"""
    low = part.lower()
    return all(edit_cost(low, s.lower()) > UNATTESTED_REACH * len(low) for s in suggestions)


def _times(ratio: float) -> str:
    """A ratio an editor reads at a glance: "40 times", "3,000 times"."""
    digits = max(0, len(str(int(ratio))) - 2)
    return f"{round(ratio, -digits):,.0f} times"


def _per_million(zipf: float) -> str:
    """A zipf frequency as "once in N million words"."""
    words_per = 10 ** (9 - zipf)
    if words_per >= 1e6:
        return f"once in {round(words_per / 1e6):,} million words"
    return f"once in {round(words_per):,} words"


def _rejected(checker: SpellChecker, word: str, start: int) -> Typo:
    return Typo(start, start + len(word), word, _sugg(checker, word), REASON_REJECT)


def _check_part(
    checker: SpellChecker,
    text: str,
    part: str,
    start: int,
    starts: Collection[int],
    accepted: set[str],
    prose_counts: _LazyCounts,
    file_counts: _LazyCounts,
) -> str | None:
    """Why ``part`` (at ``start``) is reported (one of the REASON_* of reasons.py), or None."""
    low = part.lower()
    if len(part) < 3 or low in accepted or _looks_like_name(part) or checker.is_known(part):
        return None
    listed = is_misspelling(low)
    evidence = checker.lexicon.evidence(low)
    counts = prose_counts if listed else file_counts
    if part[0].isupper():
        # A capitalised word is a name unless it opens a sentence and is clearly a slip there.
        if (
            not _sentence_initial(text, start, starts)
            or checker.is_known(low)
            or _NEXT_CAPITALISED.match(text, start + len(part))  # "Tre Harbison", "Groupe LAPS"
            or counts[low] > 1  # a capitalised word that recurs is a name, listed or not
        ):
            return None
        if evidence is not None:
            if evidence.hunspell or not evidence.error:
                return None  # the web knows it, as a word or a name ("Persson", "Markey")
        elif not (listed or _confident(checker, low)):
            return None
    if listed:
        return REASON_VARIANT if _variant(checker, low) else REASON_COMMON
    if evidence is not None and evidence.error:
        if evidence.hunspell:
            return REASON_RARE_FORM
        # Short words crowd round the commonest ones ("cgo", "ints", "upx"): short jargon is
        # as likely as a slip, so the channel's verdict is only a suggestion for them.
        return REASON_SLIP if len(low) >= SLIP_MIN_LENGTH else REASON_RARE
    if _recurs(counts, low):
        return None  # Recurs in the article: a name or a term of art, not a slip.
    if evidence is None and part.islower() and _name_form(checker, low):
        return REASON_LOWER_CASE_NAME
    return REASON_UNKNOWN if evidence is None else REASON_RARE


def _variant(checker: SpellChecker, low: str) -> str | None:
    """The usual form of a listed word that is a variant spelling of it (variants.py)."""
    common = checker.lexicon.common_words(BASE_MIN_ZIPF10)
    return variant_of(low, corrections(low), common.__contains__)


def _recurs(counts: _LazyCounts, low: str) -> bool:
    """Does the word occur more than once, counting its singular and plural ("vtable" and
    "vtables" are one term)?"""
    n = counts[low]
    if low.endswith("s"):
        n += counts[low[:-1]] + (counts[low[:-2]] if low.endswith("es") else 0)
    else:
        n += counts[low + "s"] + counts[low + "es"]
    return n > 1


def _name_form(checker: SpellChecker, low: str) -> str | None:
    """The form the dictionaries know a lower-case word in, when they know it only as a name or
    an abbreviation ("Linux", "PDF"), else None."""
    forms = checker.lexicon.forms
    return next((f for f in (low.capitalize(), low.upper()) if f in forms), None)


def _sugg(checker: SpellChecker, word: str) -> tuple[str, ...]:
    return tuple(checker.suggest(word, 3))
