"""What a piece's own text says about its genre, read from the Document alone.

Detection runs before the rules (it chooses them) and for ``newslint init`` over a whole repo, so
it needs no spaCy pass: paragraphs come from the reader's blocks, quotations are cut out with
paired quote marks (a paragraph that opens with a quote mark and never closes it is quoted as a
whole, the newspaper convention), and sentences end at ``. ! ?`` before a capital. The counts are
of the writer's narration: a "we" inside a quotation is the speaker's, not the outlet's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint.genre.cues import Cues, load_cues
from newslint.readers.document import PLACEHOLDER_TOKEN, Document

#: blocks whose narration makes up the piece's voice
PROSE = frozenset(["body", "list", "blockquote"])
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|«[^«»]*»")
_OPENS_QUOTE = re.compile(r"^[\"“«]")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)\]]*|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: the words of the writer's person, by kind (matched in any case; all-capitals "US" is a country)
PERSON = {
    **dict.fromkeys(["we", "our", "ours", "us", "ourselves", "let's", "we'll"], "plural"),
    **dict.fromkeys(["i'm", "i've", "i'd", "i'll", "me", "my", "myself"], "singular"),
    **dict.fromkeys(["you", "your", "yours", "yourself", "yourselves"], "second"),
}
#: a tutorial's "we", which takes the reader along: "let's", "we can", "now we"
_INCLUSIVE_WORDS = frozenset(["let's", "we'll"])
_INCLUSIVE_AFTER_WE = frozenset(
    ["can", "could", "will", "need", "have", "want", "first", "then", "now", "get", "see", "here"]
)
_INCLUSIVE = re.compile(
    r"\b(?:[Ww]e (?:can|could|will|need|have|want|first|then|now|get|see)|[Nn]ow we|[Hh]ere we)\b"
)
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_AFTER_NAME = re.compile(r"\S \b[A-Z][a-z]+ $")
#: a paragraph that opens with a speaker label: "Q:", "NG:", "Natasha Gownaris:", "((WN))"
SPEAKER_LABEL = re.compile(
    r"^(?:\(\([^()\n]{1,20}\)\)|(?:[A-Z]{1,3}|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s?:)\s"
)
#: labels that open a paragraph without naming a speaker
NOT_SPEAKERS = frozenset(
    [
        "note",
        "update",
        "updated",
        "source",
        "sources",
        "photo",
        "image",
        "credit",
        "caption",
        "warning",
        "tip",
        "example",
        "step",
        "important",
        "disclaimer",
        "correction",
        "summary",
        "background",
        "editor's",
        "editors'",
        "related",
        "see",
        "also",
        "read",
        "watch",
        "listen",
        "update:",
        "tl;dr",
        "pros",
        "cons",
        "verdict",
        "price",
        "specs",
        "bottom",
        "line",
        "why",
        "what",
        "how",
        "when",
        "where",
        "who",
    ]
)
_INTERVIEWER = re.compile(r"^(?:\(\([^()]*\)\)|Q|Question|Interviewer|Wikinews|WN)\b", re.I)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}"  # WASHINGTON, NEW YORK, Calif.
    r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)?"
    r"\s*(?:\((?:[A-Z][\w .]{1,20})\))?\s*(?:[—–]|--?|/[A-Z][A-Za-z ]+/)\s"  # (AP) — or /PRNewswire/
    r"|[A-Z][a-z]+(?:[ ,]+[A-Z][A-Za-z.]+){0,3},? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
    r"|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?\s*(?:\([\w .]{1,20}\))?\s*(?:[—–]|--?|/[A-Z][A-Za-z ]+/)\s)"
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")
_ABOUT = re.compile(r"^About (?:the )?[A-Z0-9]")
_PRICE = re.compile(r"^\s*(?:from |now |only )?[$£€]\s?\d[\d,]*(?:\.\d\d)?\s*$", re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)
#: a release number in a heading: "1.5.7", "v2.12.0", "OpenSSL 3.0", "0.9.x" (not "$3.5", "1,200")
_VERSION = re.compile(r"(?<![\w.,$£€])[vV]?\d+\.(?:\d+|x)(?:\.(?:\d+|x))*(?![\w%])")


def _has_code(document: Document, start: int, end: int) -> bool:
    """Does the paragraph hold inline code: a span the reader cut out (a placeholder in the
    text) that sat between backticks in the source?"""
    text = document.text
    at = text.find(PLACEHOLDER_TOKEN, start, end)
    while at >= 0:
        source = document.source_offset(at)
        if document.source[source : source + 1] == "`":
            return True
        at = text.find(PLACEHOLDER_TOKEN, at + 1, end)
    return False


@dataclass
class Signals:
    """Counts over a piece's narration (outside quotations and interview turns)."""

    words: int = 0
    sentences: int = 0  # narration sentences
    paragraphs: int = 0  # prose paragraphs
    first_plural: int = 0  # sentences with we / our / us
    first_singular: int = 0  # sentences with I / me / my
    second_person: int = 0  # sentences with you / your
    imperatives: int = 0  # sentences that open with a bare verb
    questions: int = 0  # narration sentences ending in "?"
    attributions: int = 0  # sentences with said / told / according to
    judgements: int = 0  # unattributed sentences that judge, prescribe or argue (the writer's view)
    headings: int = 0
    version_headings: int = 0  # headings (or the headline) naming a release: "1.5.7 (2022)"
    question_headings: int = 0
    howto_headings: int = 0
    speaker_turns: int = 0  # paragraphs opening with a speaker label
    interviewer_turns: int = 0  # ... the interviewer's ("Q:", "((WN))") or ending in "?"
    speakers: int = 0  # distinct speaker labels
    personal_paragraphs: int = 0  # paragraphs with a first-person sentence
    inclusive_we: int = 0  # sentences of a tutorial's "we": "let's", "we can", "now we"
    first_turn: int = -1  # index (among prose paragraphs) of the first question-and-answer turn
    last_turn: int = -1
    question_paragraphs: int = 0  # paragraphs that are one short question ("What is X?")
    about_section: bool = False  # an "About <Name>" paragraph or heading near the end
    list_items: int = 0
    code_blocks: int = 0
    code_paragraphs: int = 0  # prose paragraphs with inline code (a removed span in the text)
    dateline: str = ""
    howto_title: bool = False
    press_strong: list[str] = field(default_factory=list)
    press_weak: list[str] = field(default_factory=list)
    opinion_phrases: list[str] = field(default_factory=list)
    blog_phrases: list[str] = field(default_factory=list)
    commerce_phrases: list[str] = field(default_factory=list)
    price_paragraphs: int = 0  # paragraphs that are a price alone ("$139.00")
    headline: str = ""

    def rate(self, count: int) -> float:
        """``count`` per narration sentence."""
        return count / max(self.sentences, 1)


def _narration(paragraph: str) -> str:
    """A paragraph with its quotations cut out (a paragraph quoted throughout becomes empty)."""
    if _OPENS_QUOTE.match(paragraph) and not _QUOTED.match(paragraph):
        return ""
    return _QUOTED.sub(" ", paragraph)


def _is_question_paragraph(paragraph: str) -> bool:
    stripped = paragraph.strip().rstrip("*_")
    return (
        stripped.endswith("?")
        and len(stripped.split()) <= 40
        and not _SENTENCE_BREAK.search(stripped[:-1])
    )


def _found(text: str, phrases: tuple[str, ...]) -> list[str]:
    """The phrases that occur in ``text`` as whole words (a substring test first: it is cheap)."""
    return [
        p for p in phrases if p in text and re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text)
    ]


class _Imperatives:
    """Does a sentence open with a bare verb? The cue list first, then WordNet (verb-only words)."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self._wordnet: tuple[frozenset[str], frozenset[str], dict[str, str]] | None = None

    def _only_verb(self, word: str) -> bool:
        if self._wordnet is None:
            from newslint.analysis.nlp import lemma_table, wordnet_index

            index = wordnet_index()
            self._wordnet = (index["verb"], index["noun"] | index["adj"], lemma_table())
        verbs, others, lemmas = self._wordnet
        return word in verbs and word not in others and lemmas.get(word, word) == word

    def __call__(self, sentence: str) -> bool:
        words = _WORD.findall(sentence[:80])
        if not words or not words[0][0].isupper():
            return False
        first = words[0].lower().replace("’", "'")
        if first == "please" and len(words) > 1:
            first = words[1].lower()
        elif first in ("do", "don't") and len(words) > 1 and words[1].lower() in ("not", "n't"):
            return True
        if first in self.cues.not_imperative or len(words) < 2:
            return False
        second = words[1].lower()
        if second in ("is", "are", "was", "were", "has", "have", "had", "of", "will", "would"):
            return False  # "Use of force ...", "Help is on the way"
        return first in self.cues.imperative_verbs or self._only_verb(first)


_IMPERATIVE: _Imperatives | None = None


_PLURAL = frozenset(w for w, kind in PERSON.items() if kind == "plural")
_SINGULAR = frozenset(["i'm", "i've", "i'd", "i'll", "me", "my", "myself"])
_SECOND_PERSON = frozenset(w for w, kind in PERSON.items() if kind == "second")
_PRONOUN_I = re.compile(r"(?:^|[^\w])I(?![\w.])")
_US = re.compile(r"\b(?:[Uu]s|[Ww]e|[Oo]ur)\b")
#: sentences counted per piece: the voice is a share, and the opening chapters tell it
MAX_SENTENCES = 200


def _count_sentences(s: Signals, narration: str, cues: Cues, imperative: _Imperatives) -> None:
    """Add one paragraph's narration sentences to the counts (a set of words per sentence)."""
    personal = False
    for m in _SENTENCE.finditer(narration):
        sentence = m.group(0).strip()
        if len(sentence) < 3 or s.sentences >= MAX_SENTENCES:
            continue
        words = set(_TOKEN.findall(sentence.lower().replace("’", "'")))
        if not words:
            continue
        s.sentences += 1
        plural = bool(words & _PLURAL) and bool(_US.search(sentence))  # not "US", "WE"
        singular = bool(words & _SINGULAR) or ("i" in words and _first_i(sentence))
        s.first_plural += plural
        s.first_singular += singular
        personal = personal or plural or singular
        s.second_person += bool(words & _SECOND_PERSON)
        s.inclusive_we += bool(words & _INCLUSIVE_WORDS) or (
            "we" in words
            and bool(words & _INCLUSIVE_AFTER_WE)
            and bool(_INCLUSIVE.search(sentence))
        )
        attributed = bool(words & cues.attribution_words) or (
            "according" in words and "according to" in sentence.lower()
        )
        s.attributions += attributed
        s.judgements += not attributed and (
            bool(words & cues.judgement_words) or bool(cues.argument_opener.match(sentence))
        )
        s.questions += sentence.rstrip("\"'”’)]").endswith("?")
        s.imperatives += imperative(sentence)
    s.personal_paragraphs += personal


def _first_i(sentence: str) -> bool:
    """The pronoun "I" (capital, not "World War I" or "Elizabeth I")."""
    for m in _PRONOUN_I.finditer(sentence):
        if not _AFTER_NAME.search(sentence, 0, m.start() + (m.group(0)[0] != "I")):
            return True
    return False


def measure(document: Document) -> Signals:
    """The genre signals of one document."""
    global _IMPERATIVE
    cues = load_cues()
    if _IMPERATIVE is None:
        _IMPERATIVE = _Imperatives(cues)
    imperative = _IMPERATIVE
    s = Signals()
    text = document.text
    narration_parts: list[str] = []
    labels: set[str] = set()
    first_body = True
    tail = {id(b) for b in document.blocks[-4:]}
    for block in document.blocks:
        chunk = text[block.start : block.end]
        if block.kind in ("headline", "heading"):
            s.version_headings += bool(_VERSION.search(chunk))
        if block.kind == "headline" and not s.headline:
            s.headline = chunk
            continue
        if id(block) in tail and _ABOUT.match(chunk):
            s.about_section = True
        if block.kind == "heading":
            s.headings += 1
            s.question_headings += chunk.rstrip().endswith("?")
            s.howto_headings += bool(cues.howto_heading.match(chunk.strip()))
            continue
        if block.kind not in PROSE:
            continue
        s.paragraphs += 1
        s.words += len(chunk.split())
        s.list_items += block.kind == "list"
        s.code_paragraphs += _has_code(document, block.start, block.end)
        if first_body and block.kind == "body":
            first_body = False
            m = _DATELINE.match(chunk)
            if m:
                s.dateline = m.group(0).strip()
        if _PRICE.match(chunk):
            s.price_paragraphs += 1
            continue  # a shop's price line, not narration
        label = SPEAKER_LABEL.match(chunk)
        if label and label.group(0).strip(" :").lower() not in NOT_SPEAKERS:
            s.first_turn = s.paragraphs if s.first_turn < 0 else s.first_turn
            s.last_turn = s.paragraphs
            s.speaker_turns += 1
            name = label.group(0).strip(" :")
            labels.add(name.lower())
            if _INTERVIEWER.match(name) or chunk.rstrip().endswith("?"):
                s.interviewer_turns += 1
            continue  # the turn is speech, not narration
        if _is_question_paragraph(chunk):
            s.first_turn = s.paragraphs if s.first_turn < 0 else s.first_turn
            s.last_turn = s.paragraphs
            s.question_paragraphs += 1
            continue  # an interviewer's or an FAQ's question
        narration = _narration(chunk)
        narration_parts.append(narration)
        _count_sentences(s, narration, cues, imperative)
    s.speakers = len(labels)
    if not s.headline and isinstance(document.front_matter.get("title"), str):
        s.headline = document.front_matter["title"]
    s.howto_title = bool(s.headline and cues.howto_title.match(s.headline))
    narration_text = "\n".join(narration_parts).lower()
    whole = text.lower()
    s.press_strong = _found(whole, cues.press_strong)
    s.press_weak = _found(whole, cues.press_weak)
    if cues.press_end.search(document.source):
        s.press_weak.append("end mark")
    s.opinion_phrases = _found(narration_text, cues.opinion_phrases)
    s.blog_phrases = _found(narration_text, cues.blog_phrases)
    s.commerce_phrases = _found(whole, cues.commerce_phrases)
    s.code_blocks = len(_FENCE.findall(document.source)) // 2
    return s
