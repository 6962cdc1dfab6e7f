"""Decide what kind of piece a document is, and say why.

Three sources of evidence, in order of trust:

1. **front matter** that names the genre (``genre:``, ``type:``, ``kind:``) settles it;
2. **the text itself**: an interview's question-and-answer turns, a press release's contacts and
   closing marks, a guide's title and instructions settle it too; a piece's voice (the outlet's
   "we", a writer's "I", the reader's "you", sourced reporting) leans one way;
3. **where the file sits**: ``layout: post``, ``categories: [announcements]``, a ``blog/`` folder
   is a prior the text can overrule. A repo of posts gets the blog genre without configuration,
   and a story in it that reads as sourced news in the third person is still news.

Nothing decides? The caller's fallback (the repo's ``default-profile``, else news: the strictest
profile, so an unclear piece is never let off).
"""

from __future__ import annotations

import os
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.genre.cues import GENRES, Cues, load_cues, normalise
from newslint.genre.neighbours import neighbour_mix
from newslint.genre.signals import Signals, measure
from newslint.readers.document import Document

#: fewer narration sentences than this, and the voice of the text says nothing
MIN_SENTENCES = 4
#: an interview: this many questions, turns making up this share of the paragraphs from the first
#: turn to the last, and that stretch covering this share of the piece (not a report that quotes
#: a short exchange, not an article with an FAQ at the end)
QA_MIN_QUESTIONS = 3
QA_TURN_SHARE = 0.3
QA_COVER = 0.5
#: the writer's own voice: first-person sentences, at least this many, in this many paragraphs
PERSONAL_MIN = 3
PERSONAL_PARAGRAPHS = 2
#: a writer who talks to the reader as "you" in this share of sentences is not reporting news
READER_SHARE = 0.15
#: an unsigned editorial: this many unattributed sentences that judge or prescribe, and this share
JUDGING_MIN = 3
JUDGING_SHARE = 0.1
#: a deals or shopping post: this many shop phrases ("buy now", "may receive a commission"), or
#: two of them and this many paragraphs that are a price alone
COMMERCE_PHRASES = 3
COMMERCE_PRICES = 2
#: release notes (a changelog): this many headings name a release ("1.5.7 (13 November 2022)",
#: "v2.0") and this share of the prose paragraphs are list items ("* Fix ...", "* Support ...")
RELEASE_VERSIONS = 3
RELEASE_LIST_SHARE = 0.5
#: software documentation: a fenced code block (news reports carry none), or inline code in this many paragraphs
#: making up this share of the prose paragraphs
DOCS_CODE_BLOCKS = 1
DOCS_CODE_PARAGRAPHS = 3
DOCS_CODE_SHARE = 0.1
#: an undecided source file is a post when at least this share of the files beside it are not news
NEIGHBOUR_SHARE = 0.5
#: the formats whose neighbours are read: authored source files, kept together in a collection
NEIGHBOUR_FORMATS = frozenset(["markdown"])


@dataclass(frozen=True)
class Evidence:
    """One reason for (or against) a genre."""

    genre: str
    strength: str  # "decides" | "leans" | "prior" | "hint" (only when nothing else says)
    origin: str  # "front matter" | "text" | "folder" | "file"
    reason: str


@dataclass(frozen=True)
class GenreDecision:
    """The genre of a document and the evidence behind it."""

    genre: str
    origin: str  # what settled it: "front matter", "text", "folder", "file", "front matter prior", "default"
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    signals: Signals | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"genre": self.genre, "origin": self.origin, "reasons": list(self.reasons)}


# -- metadata --------------------------------------------------------------------------------
def _values(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
        if "," in value:  # keywords: "news, politics"
            yield from (v for v in value.split(",") if v.strip())
    elif isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, str):
                yield item


def front_matter_evidence(front_matter: Mapping[str, Any], cues: Cues) -> list[Evidence]:
    """Front-matter keys whose values name a genre, most trusted key first."""
    found: list[Evidence] = []
    lowered = {str(k).lower(): v for k, v in front_matter.items()}
    for key, strength in cues.key_strength.items():
        if key not in lowered:
            continue
        for raw in _values(lowered[key]):
            value = normalise(raw)
            genre = value if value in GENRES else cues.value_genre.get(value)
            if genre and not (strength == "hint" and genre in ("news", "blog")):
                found.append(
                    Evidence(
                        genre,
                        "prior" if strength == "hint" else strength,
                        "front matter",
                        f"{key}: {raw.strip()}",
                    )
                )
                break
    return found


def folder_evidence(path: str, cues: Cues) -> Evidence | None:
    """The nearest folder (inside the repo) whose name hints at a genre: ``blog/``, ``opinion/``."""
    if not path or path in ("-", "<text>"):
        return None
    folders = _repo_folders(os.path.abspath(path))
    for name in reversed(folders):  # nearest first
        whole = normalise(name)
        for token in (whole, *whole.replace(".", "-").split("-")):
            genre = cues.folder_genre.get(token)
            if genre:
                return Evidence(genre, "prior", "folder", f"folder {name}/")
    return None


def _repo_folders(path: str) -> list[str]:
    """Folder names from the repo's own folder down to the file's (the whole path outside one)."""
    parts: list[str] = []
    current = os.path.dirname(path)
    while True:
        parent = os.path.dirname(current)
        if parent == current:
            break
        parts.append(os.path.basename(current))
        if os.path.exists(os.path.join(current, ".git")):
            break  # the repo's own folder name counts ("blog.example.org"), nothing above it
        current = parent
    return list(reversed(parts))


# -- text ------------------------------------------------------------------------------------
def _pct(value: float) -> str:
    return f"{round(value * 100)}%"


def text_evidence(s: Signals) -> list[Evidence]:
    """What the text says, strongest first."""
    out: list[Evidence] = []
    turns = s.speaker_turns + s.question_paragraphs
    questions = s.interviewer_turns + s.question_paragraphs
    span = s.last_turn - s.first_turn + 1 if s.first_turn >= 0 else 0
    if (
        questions >= QA_MIN_QUESTIONS
        and turns >= QA_TURN_SHARE * span
        and span >= QA_COVER * max(s.paragraphs, 1)
    ):
        out.append(
            Evidence(
                "qa",
                "decides",
                "text",
                f"{turns} of {s.paragraphs} paragraphs are question-and-answer turns"
                f" ({questions} questions)",
            )
        )
    if s.press_strong or (s.press_weak and (s.dateline or s.about_section)):
        marks = [*s.press_strong, *s.press_weak]
        if s.dateline:
            marks.append(f"dateline '{s.dateline}'")
        if s.about_section:
            marks.append("an 'About ...' section")
        out.append(
            Evidence("press-release", "decides", "text", "press-release marks: " + ", ".join(marks))
        )
    shop = len(s.commerce_phrases)
    if shop >= COMMERCE_PHRASES or (shop >= 2 and s.price_paragraphs >= COMMERCE_PRICES):
        out.append(
            Evidence(
                "blog",
                "decides",
                "text",
                f"a deals post: {', '.join(repr(p) for p in s.commerce_phrases[:4])}"
                f" and {s.price_paragraphs} price lines",
            )
        )
    n = s.sentences
    you, imperative = s.rate(s.second_person), s.rate(s.imperatives)
    if s.howto_title and (you >= 0.1 or imperative >= 0.05):
        out.append(
            Evidence(
                "how-to",
                "decides",
                "text",
                f"a guide's headline, and {_pct(you)} of sentences address the reader",
            )
        )
    if n < MIN_SENTENCES:
        return out
    we, i, attribution = s.rate(s.first_plural), s.rate(s.first_singular), s.rate(s.attributions)
    spread = (
        s.first_plural + s.first_singular >= PERSONAL_MIN
        and s.personal_paragraphs >= PERSONAL_PARAGRAPHS
    )
    if (you >= 0.25 and imperative >= 0.08) or (imperative >= 0.15 and you >= 0.1):
        out.append(
            Evidence(
                "how-to",
                "leans",
                "text",
                f"{_pct(imperative)} of sentences are instructions and {_pct(you)} address the reader",
            )
        )
    if spread and i >= 0.15 and i > we and attribution < 0.1 and (s.opinion_phrases or i >= 0.25):
        out.append(
            Evidence(
                "opinion", "leans", "text", f"the writer speaks as 'I' in {_pct(i)} of sentences"
            )
        )
    judging = s.rate(s.judgements)
    if (
        s.judgements >= JUDGING_MIN
        and judging >= JUDGING_SHARE
        and attribution < 0.1
        and you < 0.05
        and imperative < 0.05
    ):
        out.append(
            Evidence(
                "opinion",
                "leans",
                "text",
                f"{_pct(judging)} of sentences judge, prescribe or argue in the writer's own voice",
            )
        )
    if spread and (we >= 0.1 or i >= 0.1 or len(s.blog_phrases) >= 2) and attribution < 0.15:
        who = "'we'" if we >= i else "'I'"
        out.append(
            Evidence(
                "blog",
                "leans",
                "text",
                f"the writer speaks as {who} in {_pct(max(we, i))} of sentences",
            )
        )
    if s.second_person >= PERSONAL_MIN and you >= READER_SHARE and attribution < 0.15:
        out.append(
            Evidence(
                "blog",
                "leans",
                "text",
                f"the writer addresses the reader as 'you' in {_pct(you)} of sentences",
            )
        )
    if (attribution >= 0.12 or s.dateline) and we < 0.05 and i < 0.05 and you < 0.08:
        what = f"{_pct(attribution)} of sentences attribute what they report"
        if s.dateline:
            what += f", dateline '{s.dateline}'"
        out.append(Evidence("news", "leans", "text", f"reads as a report: {what}, no first person"))
    return out


def technical_hint(s: Signals) -> Evidence | None:
    """Release notes or software documentation, for a text whose voice says nothing: a
    changelog's list of changes under release headings, or a README's code, is not a news report
    (its "Support TLS 1.2." is a change, not a slogan), so the undecided piece is not judged as
    news. Only a hint: any lean, decision or prior of the piece comes first."""
    if s.version_headings >= RELEASE_VERSIONS and s.list_items >= RELEASE_LIST_SHARE * s.paragraphs:
        share = _pct(s.list_items / max(s.paragraphs, 1))
        why = f"release notes: {s.version_headings} headings name a release, {share} list items"
        return Evidence("blog", "hint", "text", why)
    if s.code_blocks >= DOCS_CODE_BLOCKS or (
        s.code_paragraphs >= DOCS_CODE_PARAGRAPHS
        and s.code_paragraphs >= DOCS_CODE_SHARE * s.paragraphs
    ):
        why = (
            f"software documentation: {s.code_blocks} code blocks,"
            f" inline code in {s.code_paragraphs} of {s.paragraphs} paragraphs"
        )
        return Evidence("how-to", "hint", "text", why)
    return None


def file_hint(path: str, cues: Cues) -> Evidence | None:
    """A project's own document by its file name ("README.md", "CHANGELOG.md"): a README with
    no code is still a project describing itself ("our", "awesome"), not a news report. Only a
    hint, like :func:`technical_hint`, which the text's own comes before."""
    if not path or path in ("-", "<text>"):
        return None
    stem = normalise(os.path.basename(path).split(".", 1)[0])
    genre = cues.file_genre.get(stem)
    if genre is None:
        return None
    return Evidence(genre, "hint", "file", f"a project's {os.path.basename(path)}")


# -- decision --------------------------------------------------------------------------------
#: the signals of the documents measured last, by the document object: the genre mix measures
#: the files beside an article (readers keep them read ahead), and the linter then takes those
#: same Document objects and detects each again (about a third of the measures of a repo run)
SIGNALS_KEPT = 64
_signals: OrderedDict[int, tuple[weakref.ref[Document], str, Signals]] = OrderedDict()


def _measured(document: Document) -> Signals:
    """``measure(document)``, once per Document object (while its text is the one measured)."""
    kept = _signals.get(id(document))
    if kept is not None and kept[0]() is document and kept[1] is document.text:
        return kept[2]
    signals = measure(document)
    _signals[id(document)] = (weakref.ref(document), document.text, signals)
    while len(_signals) > SIGNALS_KEPT:
        try:
            _signals.popitem(last=False)
        except KeyError:  # emptied by another thread
            break
    return signals


def neighbour_evidence(document: Document) -> Evidence | None:
    """A blog prior when most of the source files beside this one read as something other than
    news (posts, guides, interviews): the collection is a blog, as a ``posts/`` folder says."""
    if document.format not in NEIGHBOUR_FORMATS:
        return None
    read, other = neighbour_mix(document.path)
    if read and other >= NEIGHBOUR_SHARE * read:
        return Evidence(
            "blog",
            "prior",
            "folder",
            f"{other} of {read} files beside it read as posts, guides or interviews, not news",
        )
    return None


def detect(
    document: Document, fallback: str = "news", read_text: bool = True, neighbours: bool = True
) -> GenreDecision:
    """The genre of ``document``; ``fallback`` when nothing says. ``read_text=False``: only the
    front matter and the folder count (a repo that wants no guessing from the prose).
    ``neighbours``: an undecided source file may take the genre mix of the files beside it."""
    cues = load_cues()
    signals = _measured(document) if read_text else None
    meta = front_matter_evidence(document.front_matter, cues)
    text = text_evidence(signals) if signals is not None else []
    hint = technical_hint(signals) if signals is not None else None
    if hint is None and signals is not None:
        hint = file_hint(document.path, cues)
    text = [*text, hint] if hint is not None else text
    folder = folder_evidence(document.path, cues)
    evidence = tuple([*meta, *text, *([folder] if folder else [])])

    def decided(e: Evidence, origin: str | None = None) -> GenreDecision:
        reasons = [e.reason] + [x.reason for x in evidence if x is not e and x.genre == e.genre]
        return GenreDecision(e.genre, origin or e.origin, tuple(reasons), evidence, signals)

    for e in meta:
        if e.strength == "decides":
            return decided(e)
    for e in text:
        if e.strength == "decides":
            return decided(e)
    nearby = neighbour_evidence(document) if neighbours and read_text else None
    if nearby is not None:  # read only when nothing above decided: it parses other files
        evidence = tuple([*meta, *text, nearby, *([folder] if folder else [])])
    priors = [e for e in meta if e.strength == "prior"] + [e for e in (nearby, folder) if e]
    prior = priors[0] if priors else None
    on_a_blog = next((e for e in priors if e.genre == "blog"), None)
    lean = next((e for e in text if e.strength == "leans"), None)
    news = next((e for e in text if e.genre == "news"), None)
    if news is not None and (prior is None or prior.genre != "news"):
        return decided(news)  # a sourced report in a blog repo is still news
    if lean is not None:
        if on_a_blog is not None and lean.genre == "opinion":
            return decided(on_a_blog)  # a personal post on a blog is a blog post, not a column
        return decided(lean)
    if prior is not None:
        return decided(prior, prior.origin if prior.origin == "folder" else "front matter prior")
    if hint is not None:
        return decided(hint)
    return GenreDecision(
        fallback, "default", ("nothing in the file says otherwise",), evidence, signals
    )
