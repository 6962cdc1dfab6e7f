"""Mentions: quoted words that nobody is saying, told apart from quoted speech.

Quotation marks also mark words talked about rather than said: a term or a title (``a "red
line"``, ``the song “Rain on the Roof”``), a name given to something (``a plan called "Sunrise"``,
``the so-called "reform"``), an example (``words like "synergy"``), a hypothetical or generic
question (``you might ask, "Why bother?"``, ``Ask yourself: "Do I need this?"``), an instruction
or an interface label (``click "Save"``, ``the "Buy now" button``), what a sign or banner says,
a question put to people in the passive (``voters were asked, "..."``), and layout: a quoted
sub-head, a numbered section title, a pull quote that repeats the article's own words.

:func:`mention_reason` names the reason (``term``, ``title``, ``named``, ``example``,
``hypothetical``, ``instruction``, ``interface``, ``display``, ``reported``, ``heading``,
``pull``), or returns None for speech. A mention is never an orphan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newslint.analysis.quotes.cues import cue_at, is_passive
from newslint.analysis.quotes.lexicon import lexicon
from newslint.analysis.quotes.marks import DOUBLE_CLOSE, DraftQuote
from newslint.analysis.quotes.phrases import is_possessive
from newslint.analysis.quotes.tokens import Tok
from newslint.readers.document import PLACEHOLDER_TOKEN

_FINAL_PUNCT_RE = re.compile(r"[.?!…](?=[\s\"”’')\]]|$)")
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
_WORD_BEFORE_RE = re.compile(r"(?:^|\W)([^\W\d_]+)[ \t]+$")
_SECTION_PREFIX_RE = re.compile(r"^\s*(?:[(\[]?\d+[.):\]]|[IVXivx]+\.|[A-Za-z]\)|#+)?\s*$")
_SPACE_RE = re.compile(r"\s+")
_JSON_AFTER_RE = re.compile(r"[ \t]*:[ \t]*[\"“{\[\d]")
_JSON_BEFORE_RE = re.compile(r"[\"”][ \t]*:[ \t]*$")
_FILE_RE = re.compile(r"[\w\-]+\.(?:[a-z]{1,5})")
_SPACED_WORD_RE = re.compile(r"([ \t]+)(?=[^\W_])")
_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?")
_MAX_TERM_WORDS = 4
_MAX_NP_TERM_WORDS = 8
_MAX_HEADING_WORDS = 12
_MIN_PULL_WORDS = 6
_TERM_DETERMINERS = frozenset(
    {"the", "a", "an", "these", "those", "this", "its", "their", "our", "your", "my", "his"}
)
#: participles that name something: after a noun or a form of *be* they make a mention
_NAMING_PARTICIPLES = frozenset(
    {"called", "dubbed", "named", "nicknamed", "titled", "entitled", "labelled", "labeled"}
    | {"branded", "termed", "tagged", "marked", "known", "headlined", "captioned", "coined"}
    | {"spelled", "spelt", "trademarked", "so-called", "emblazoned", "inscribed", "printed"}
    | {"stamped", "reading", "read", "reads", "pronounced", "abbreviated", "translated"}
)
_AS_NAMING = frozenset(
    {"known", "billed", "styled", "marketed", "branded", "referred", "listed", "described"}
    | {"defined", "summarised", "summarized", "characterised", "characterized", "phrased"}
    | {"pronounced", "translated", "written", "spelled", "spelt", "abbreviated"}
)
_DISPLAY_VERBS = frozenset(
    {"said", "says", "say", "saying", "read", "reads", "reading", "with", "bearing", "declaring"}
    | {"proclaiming", "that", "which", "carrying", "showing", "shows", "showed"}
)
_IMPERATIVE_LEAD = frozenset(
    {"then", "and", "or", "to", "please", "just", "simply", "never", "always", "don't", "don’t"}
    | {"do", "not", "can", "could", "should", "must", "will", "'ll", "’ll", "might", "may", "now"}
    | {"first", "next", "finally", "also", "instead", "you", "ever", "often", "sometimes"}
)
_NOUN_LEADS = frozenset(
    {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your"}
)
_PHRASE_ENDERS = frozenset(
    {"of", "in", "for", "with", "that", "which", "where", "and", "or", "but", "to", "on", "is"}
)
_WORDING_NOUNS = frozenset({"statement", "option", "choice", "answer", "response", "item"})
_BE_FORMS = frozenset({"was", "were", "is", "are", "am", "'m", "’m", "be", "been", "being"})
_COPULAS = frozenset(
    {"is", "was", "are", "were", "been", "be", "means", "meant", "became", "remains"}
)
_MODALS = frozenset({"might", "could", "would", "may", "should", "can", "must", "will", "'d", "’d"})
_LIST_JOINERS = frozenset({"and", "or", ",", "/", "nor", "vs", "vs.", "versus", "to", "from"})
_REFLEXIVES = frozenset(
    {"myself", "yourself", "himself", "herself", "ourselves", "themselves", "oneself"}
)
_SKIPPED_BEFORE = frozenset({",", ":", "out", "to"}) | _REFLEXIVES
_TOPIC_PREPOSITIONS = frozenset({"to", "of", "on", "for"})
_QUESTIONNAIRE = frozenset(
    {"question", "questions", "prompt", "survey", "questionnaire", "poll", "quiz", "item"}
)
_HYPOTHETICAL_VERBS = frozenset({"ask", "say", "tell", "wonder", "think", "answer", "reply"})


def is_title(words: Sequence[str]) -> bool:
    """``“Takin’ It to the Streets”``: a title-case name of a work, not a quotation."""
    small = lexicon().title_small_words
    big = [w for w in words if w.lower() not in small or w is words[0]]
    return (
        len(big) >= 2
        and all(w[0].isupper() or w[0].isdigit() for w in big)
        and not all(w.isupper() for w in words)
    )


def is_term(text: str, q: DraftQuote, para_start: int) -> bool:
    """A quoted term or title, not a quotation: ``a "red line"``, ``these "moments of growth?"``,
    ``“Humidifier lung” may result``, ``the song “Takin’ It to the Streets”``."""
    if q.continues or q.continuation_of is not None:
        return False
    content = text[q.content_start : q.content_end].strip()
    words = _WORD_RE.findall(content)
    if is_title(words):
        return True
    prev_word = _WORD_BEFORE_RE.search(text[max(para_start, q.start - 40) : q.start])
    if (
        prev_word
        and prev_word.group(1).lower() in _TERM_DETERMINERS
        and 1 <= len(words) <= _MAX_NP_TERM_WORDS
        and not _FINAL_PUNCT_RE.search(content.rstrip(".,?!…"))
    ):
        return True  # "the “struggle against terrorism, infiltration and separatism”"
    if not 1 <= len(words) <= _MAX_TERM_WORDS:
        return False
    spaced = _SPACED_WORD_RE.match(text, q.end)
    nxt = spaced if spaced and "\n" not in spaced.group(1) else None
    code_after = (
        text[q.end : q.end + 2] in (" `", " .", " " + PLACEHOLDER_TOKEN) and len(words) <= 2
    )
    starts_word = nxt is not None and (text[nxt.end()].islower() or len(words) <= 2)
    if (code_after or starts_word) and not content.endswith((".", ",", "?", "!", "…")):
        return True  # "“Humidifier lung” may result from fungus", "“Classic” projects"
    body = content[:-1] if content.endswith((".", ",")) else content  # US style: 'a "red line."'
    if _FINAL_PUNCT_RE.search(body) or content.endswith(("?", "!")):
        return False
    i = q.start - 1
    while i >= para_start and text[i].isspace():
        i -= 1
    if i < para_start:
        return False
    prev = text[i]
    if prev in ".?!:…":
        return False
    return not (prev in DOUBLE_CLOSE + '"' and i > para_start and text[i - 1] in ".?!,…")


class Place:
    """Where a quote sits: its paragraph, and the narration tokens just before and after it
    in its sentence (up to the neighbouring quotes)."""

    def __init__(
        self,
        para: tuple[int, int],
        before: Sequence[Tok],
        after: Sequence[Tok],
        previous_mention: bool,
        alone: bool,
        lead: Sequence[Tok] = (),
    ) -> None:
        self.para = para
        self.before = before
        self.after = after
        #: the quote just before it in the sentence is a mention (``"synergy" and "leverage"``)
        self.previous_mention = previous_mention
        #: nothing but this quote (and a section number) in its paragraph
        self.alone = alone
        #: the sentence before, in the same paragraph, when the quote opens its sentence
        self.lead = lead
        #: where the quote ends (set by :func:`mention_reason`)
        self.quote_end = -1


def mention_reason(text: str, q: DraftQuote, place: Place) -> str | None:
    """Why a quotation is a mention rather than speech, or None."""
    if q.continues or q.continuation_of is not None or not q.closed:
        return None
    place.quote_end = q.end
    content = text[q.content_start : q.content_end].strip()
    words = _WORD_RE.findall(content)
    if not words:
        return "term"
    if _code(text, q, content):
        return "code"
    if place.alone:
        layout = _layout(text, q, content, words)
        if layout:
            return layout
    if _shouting(text, *place.para):
        return "heading"  # BREAKING: ROE SAYS 'NO DEAL': a headline kept in capitals
    by_context = _by_context(place, len(words))
    if by_context:
        return by_context
    if is_title(words):
        return "title"
    if is_term(text, q, place.para[0]):
        return "term"
    return None


def _layout(text: str, q: DraftQuote, content: str, words: Sequence[str]) -> str | None:
    """A quote standing alone as a sub-head or section title, or repeating the article."""
    if len(words) <= _MAX_HEADING_WORDS and content[-1:] not in ".?!…,;\"'”’":
        return "heading"
    if len(words) >= _MIN_PULL_WORDS:
        needle = _SPACE_RE.sub(" ", content.strip(" .,;:!?…")).lower()
        hay_before = _SPACE_RE.sub(" ", text[: q.start]).lower()
        hay_after = _SPACE_RE.sub(" ", text[q.end :]).lower()
        if needle in hay_before or needle in hay_after:
            return "pull"
    return None


def _by_context(place: Place, n_words: int) -> str | None:
    """Mentions told by the words around the quote."""
    lex = lexicon()
    before = [t for t in place.before if t.text not in ("(", ")")]
    after = place.after
    if place.previous_mention and all(t.low in _LIST_JOINERS or not t.word for t in before):
        return "example"  # 'words like "synergy" and "leverage"', '"clone," "repo,"'
    if _reference_entry(place.before) or (not before and _reference_entry(place.lead)):
        return "title"  # "[2] Bryan Reimer et al. (2014) “Assessing the impact ...”"
    if _title_then_blurb(before):
        return "excerpt"  # "- Node by Numbers 2015, "By analyzing the logs ...""
    k = len(before) - 1
    while k >= 0 and (before[k].low in ("a", "an", "the") or before[k].text in ",:"):
        k -= 1
    prev = before[k] if k >= 0 else None
    following = _by_following(after, prev, place.quote_end)
    if following:
        return following
    if prev is None:
        if after and after[0].low in lex.interface_nouns and n_words <= 6:
            return "interface"
        return _by_lead(place.lead)
    low = prev.low
    if low == "as" and k > 0 and before[k - 1].low in _AS_NAMING:
        return "named"  # known as "the Hammer", billed as "the fight of the year"
    if low in lex.example_words and _is_example_word(before, k):
        return "example"
    if low in lex.mention_nouns:
        return "named"  # the word "literally", under the headline "Town hall shut"
    if (
        low in _WORDING_NOUNS
        and k > 0
        and before[k - 1].low in ("the", "a", "new")
        and (before[-1] is prev or low != "statement")  # not "In a statement, "...""
    ):
        return "option"  # agreed with the statement "I feel welcome", a new option, "..."
    if low in _TOPIC_PREPOSITIONS and k > 0 and before[k - 1].low in lex.topic_nouns:
        return "named"  # the answer to "What is a good timeout?", the mantra of "..."
    if low == "about":
        return "named"  # when we talk about "contributing to the project"
    if low in _COPULAS and any(t.low in lex.topic_nouns for t in before[max(0, k - 8) : k]):
        return "named"  # the rule was "anything goes", a recurring question is "who ...?"
    if low == "with" and any(t.low in lex.topic_nouns for t in before[max(0, k - 3) : k]):
        return "named"  # finished the post with "Here's to four more years!"
    if low == "in" and k > 0 and before[k - 1].low == "as":
        return "example"  # as in "Using a diagnostic derive"
    if _lemma(low) in lex.choice_verbs:
        return "option"  # respondents chose "I prefer not to answer"
    if low in lex.topic_nouns and k > 0 and before[k - 1].low == "the" and before[-1].text == ",":
        return "named"  # we've often gotten the question, "How much faster is it?"
    if (
        before[-1].text == ","
        and k > 0
        and before[k].low in lex.topic_nouns | lex.mention_nouns
        and after
        and after[0].text == ","
        and n_words <= 4
    ):
        return "named"  # a new initiative, "Thanks!", to ...
    if after and after[0].low in lex.interface_nouns and n_words <= 6:
        return "interface"  # the "Buy now" link
    if low in _NAMING_PARTICIPLES and _names_something(before, k):
        return "named"
    if low in ("call", "calls", "called") and any(
        t.low == "what" for t in before[max(0, k - 4) : k]
    ):
        return "named"  # what locals call a "fixer"
    if (low in _DISPLAY_VERBS or before[-1].text == ":") and any(
        t.low in lex.mention_nouns for t in before[max(0, k - 6) : k]
    ):
        return "display"  # signs reading "Save our park", the headlines crowed: "..."
    by_verb = _by_verb(before, k)
    if by_verb:
        return by_verb
    if any(t.low in ("you", "your") for t in before) and not any(
        cue_at(before, i) for i in range(len(before))
    ):
        return "hypothetical"  # 'then it hits you — "Oh, I have to market it"'
    return None


def _code(text: str, q: DraftQuote, content: str) -> bool:
    """Quoted code, not words: a JSON key or value (``"name": "chai"``), a path or a file
    name (``“C:\\Program Files\\SSL\\openssl.cnf”``)."""
    if _JSON_AFTER_RE.match(text, q.end) or _JSON_BEFORE_RE.search(
        text, max(0, q.start - 4), q.start
    ):
        return True
    return "\\" in content or (
        " " not in content and ("/" in content or _FILE_RE.fullmatch(content) is not None)
    )


def _title_then_blurb(before: Sequence[Tok]) -> bool:
    """A sentence that is only a title (capitalised words, numbers) and a comma or colon before
    the quote: a listing of a piece and a line from it, or an ID (``RFC 1214, “Clarify ...”``)."""
    cut = max((n for n, t in enumerate(before[:-1]) if t.text in ":[(—"), default=-1)
    before = before[cut + 1 :]  # 'a new feature: [RFC 1214, “...”'
    words = [t for t in before if t.word or t.text[:1].isdigit()]
    if len(words) < 2 or not before or before[-1].text not in ",:":
        return False
    lex = lexicon()
    return all(
        (t.cap or t.text[:1].isdigit() or t.low in lex.title_small_words)
        and t.low not in lex.cue_words
        for t in words
    ) and (words[0].cap or words[0].text[:1].isdigit())


def _phrase_ends(after: Sequence[Tok]) -> bool:
    """The word after the quote ends its phrase (``the "..." model.``, ``the "..." model of``)."""
    return len(after) < 2 or not after[1].word or after[1].low in _PHRASE_ENDERS


def _reference_entry(before: Sequence[Tok]) -> bool:
    """A bibliography entry before the quote: ``et al.``, a year in parentheses, or ``[2]``
    opening the paragraph."""
    if (
        len(before) >= 3
        and before[0].text == "["
        and before[1].text.isdigit()
        and before[2].text == "]"
    ):
        return True
    for n, t in enumerate(before):
        if t.low in ("al", "al.") and n and before[n - 1].low == "et":
            return True
        if (
            t.text == "("
            and n + 2 < len(before)
            and before[n + 2].text == ")"
            and _YEAR_RE.fullmatch(before[n + 1].text)
        ):
            return True
    return False


def _by_following(after: Sequence[Tok], prev: Tok | None, prev_end: int) -> str | None:
    """The words after the quote: ``“I never knew” video``, ``etc.``, ``“X” is ...``
    (``prev_end``: where the quote ends)."""
    lex = lexicon()
    if not after:
        return None
    first = after[0]
    if first.low in ("etc", "etc."):
        return "example"
    if (
        prev is not None
        and (prev.low in _NOUN_LEADS or is_possessive(prev) or (prev.word and not prev.cap))
        and first.word
        and not first.cap
        and first.low not in lex.verbs
        and first.low not in lex.pronouns
        and first.low not in lex.stop_capitals
        and first.start == prev_end + 1
        and not first.low.endswith(("ing", "ed"))
        and _is_noun(
            first.low,
            only=not (prev.low in _NOUN_LEADS or is_possessive(prev) or _phrase_ends(after)),
        )
    ):
        return "named"  # the site's “Was this page helpful?” score
    noun = (
        first.word
        and not first.cap
        and (first.low in lex.mention_nouns or first.low in lex.documents)
    )
    if (
        noun
        and prev is not None
        and (prev.low in lex.determiners or is_possessive(prev) or not prev.cap)
    ):
        return "named"  # his "I never knew" video, the "stay home" order
    if first.low in _COPULAS:
        if prev is None or prev.low in ("to", "the", "a", "an"):
            return "term"  # To "emigrate" is to leave; "Motive a mystery" was the headline
        if any(t.low in lex.mention_nouns for t in after[1:7]):
            return "named"
    return None


def _by_lead(lead: Sequence[Tok]) -> str | None:
    """``The tagline? "Meth. We're on it."``: a short sentence before names the words; a
    sentence about a survey question introduces the question's wording."""
    lex = lexicon()
    words = [t for t in lead if t.word]
    if 0 < len(words) <= 5 and words[-1].low in lex.mention_nouns:
        return "named"
    if any(t.low in _QUESTIONNAIRE for t in words) and not any(t.low in lex.verbs for t in words):
        return "named"  # 'This year we introduced a new question. "Let's say you have ..."'
    return None


def _lemma(low: str) -> str:
    from newslint.analysis.nlp import lemma

    return lemma(low)


def _is_noun(low: str, only: bool = False) -> bool:
    """WordNet lists the word (or its lemma) as a noun (and, with ``only``, not as a verb)."""
    from newslint.analysis.nlp import lemma, wordnet_index

    index = wordnet_index()
    nouns, verbs = index.get("noun", frozenset()), index.get("verb", frozenset())
    forms = (low, lemma(low))
    if not any(f in nouns for f in forms):
        return False
    return not (only and any(f in verbs for f in forms))


def _shouting(text: str, start: int, end: int) -> bool:
    """A paragraph in capitals (a headline or label kept in the copy); quoted words may keep
    their own case."""
    words = _WORD_RE.findall(text, start, min(end, start + 400))
    upper = sum(len(w) for w in words if w.isupper())
    return upper >= 20 and upper >= 0.8 * sum(len(w) for w in words)


def _is_example_word(before: Sequence[Tok], k: int) -> bool:
    low = before[k].low
    if low == "like" and k > 0 and before[k - 1].low in _BE_FORMS:
        return False  # "I was like, "Well, ..."": a quotative, speech
    if low == "as":
        return k > 0 and before[k - 1].low == "such"
    if low == "say":
        return k > 0 and before[k - 1].text == ","  # "a word, say, "foo""
    if low in ("example", "instance"):
        return k > 0 and before[k - 1].low == "for"
    # "than", "or", "and", "from", "into", "to" join examples only after a quoted mention
    return low not in ("than", "or", "and", "from", "into", "to")


def _names_something(before: Sequence[Tok], k: int) -> bool:
    """``a plan called``, ``was dubbed``, ``the so-called``: not ``Roe called it``."""
    if k == 0:
        return True
    lex = lexicon()
    left = before[k - 1]
    if left.low in lex.pronouns or (left.cap and left.low not in lex.determiners and k - 1 == 0):
        return before[k].low in ("so-called", "known", "emblazoned", "inscribed", "printed")
    return True


def _by_verb(before: Sequence[Tok], k: int) -> str | None:
    """Instructions, hypothetical questions and passive reporting before the quote."""
    lex = lexicon()
    j = k
    while j >= 0 and before[j].low in _SKIPPED_BEFORE:
        j -= 1
    if j < 0 or not before[j].word:
        return None
    verb = before[j]
    low = verb.low
    base = lex.verbs.get(low, low)
    if _lemma(low) in lex.thought_verbs:
        return "thought"  # executives thinking "well, we tried agile"
    if low.endswith("ing") and base in _HYPOTHETICAL_VERBS and j > 0 and before[j - 1].low == "of":
        return "hypothetical"  # a fancy way of saying "all background activity has stopped"
    if j + 2 <= k and before[j + 1].low == "to" and before[j + 2].low in _REFLEXIVES:
        return "thought"  # saying to myself "OK, ..."
    lead = before[j - 1] if j > 0 else None
    imperative = lead is None or lead.low in _IMPERATIVE_LEAD or lead.text in ",;:"
    if low in lex.instruction_verbs and imperative and (lead is None or lead.low != "you"):
        return "instruction" if base not in _HYPOTHETICAL_VERBS else "hypothetical"
    if base in _HYPOTHETICAL_VERBS or low in lex.instruction_verbs:
        subject = _subject_of(before, j)
        if (
            subject is not None
            and subject.low in lex.generic_subjects
            and _generic(before, j, subject)
        ):
            return "hypothetical"
        if lead is not None and lead.low == "to":
            return "hypothetical"  # "it is fair to ask "why now?""
    if cue_at(before, j) and is_passive(before, j, 0):
        return "reported"  # "voters were asked, "How safe ..."" - the asker is not named
    return None


def _subject_of(before: Sequence[Tok], j: int) -> Tok | None:
    lex = lexicon()
    i = j - 1
    while i >= 0 and before[i].word and (before[i].low in lex.adverbs or before[i].low in _MODALS):
        i -= 1
    if i > 0 and before[i].low in ("guys", "all", "folks", "people") and before[i - 1].low == "you":
        i -= 1  # "you guys are saying"
    return before[i] if i >= 0 and before[i].word else None


def _generic(before: Sequence[Tok], j: int, subject: Tok) -> bool:
    """``you``, ``one``, ``anyone`` always; ``we``, ``I``, ``they``, ``people`` only with a
    modal (``we might ask``)."""
    if subject.low in ("we", "i", "they", "people"):
        return any(t.low in _MODALS for t in before[max(0, j - 3) : j])
    return True
