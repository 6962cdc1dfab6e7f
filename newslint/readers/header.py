"""Recognise the furniture at the top of an article: headline, dek, byline and dateline.

Scraped and plain-text articles open with a headline, often a standfirst, a byline and a date before
the first paragraph of body copy. Those blocks are not boilerplate leaks and not body sentences.
"""

from __future__ import annotations

import re

from newslint.readers.document import Block

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_LINE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:[,\s]+\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:(?:By|Words by|Written by|Reporting by)\s+)?"
    r"(?:[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin|da|la|del)){0,4})"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})*\s*$"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
#: words that never make up a reporter's name, so "Discuss This Article" is not a byline
NOT_NAME_WORDS = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "a",
        "an",
        "of",
        "to",
        "in",
        "for",
        "on",
        "and",
        "or",
        "with",
        "from",
        "our",
        "your",
        "my",
        "more",
        "most",
        "read",
        "share",
        "discuss",
        "article",
        "articles",
        "comment",
        "comments",
        "subscribe",
        "follow",
        "sign",
        "log",
        "related",
        "advertisement",
        "sponsored",
        "photo",
        "photos",
        "video",
        "videos",
        "news",
        "home",
        "reports",
        "other",
        "latest",
        "top",
        "story",
        "stories",
        "email",
        "print",
        "save",
        "menu",
        "search",
        "click",
        "here",
        "now",
        "today",
        "update",
        "updated",
        "published",
        "posted",
        "staff",
    ]
)
MAX_HEADLINE_WORDS = 25
MAX_DEK_WORDS = 45
MAX_HEADER_BLOCKS = 5
MIN_DEK_WORDS = 5
#: a dek has at least this many tenths of its words in lower case
MIN_DEK_LOWER_TENTHS = 4
BY = re.compile(r"^(?:By|Words by|Written by|Reporting by)\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _words(text: str) -> int:
    return len(text.split())


def _is_byline(chunk: str) -> bool:
    if not BYLINE.match(chunk):
        return False
    if BY.match(chunk):
        return True
    return not any(w.lower().strip(",.&") in NOT_NAME_WORDS for w in chunk.split())


def _label_like(chunk: str) -> bool:
    """A short line with no digits and no closing punctuation: a menu item, a section name."""
    return _words(chunk) <= 4 and not re.search(r"[\d.!?:]", chunk)


def _is_dek(chunk: str) -> bool:
    """A standfirst reads like a sentence: several words, mostly in lower case ("sentence case").

    "World News", "Skip to main content" and "Real Estate" are menu items, not a summary.
    """
    words = _WORD.findall(chunk)
    if len(words) < MIN_DEK_WORDS:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower * 10 >= len(words) * MIN_DEK_LOWER_TENTHS


def classify_header(text: str, blocks: list[Block], has_headline: bool = False) -> list[Block]:
    """Relabel the leading body blocks of ``blocks`` as headline, dek, byline or dateline.

    ``has_headline`` says the reader already found the headline (front-matter title, ``# h1``).
    A name without "By" is a byline only when the next block is not another short label (a
    menu of "Middle East", "Latin America" is not a byline), and a dek must read like a sentence.
    """
    out = list(blocks)
    seen_headline = has_headline
    for i, block in enumerate(out[:MAX_HEADER_BLOCKS]):
        if block.kind not in ("body", "heading"):
            if block.kind == "headline":
                seen_headline = True
                continue
            break
        chunk = text[block.start : block.end].strip()
        if "\n" in chunk:
            break
        words = _words(chunk)
        following = out[i + 1] if i + 1 < len(out) else None
        next_chunk = text[following.start : following.end].strip() if following else ""
        if DATE_LINE.match(chunk):
            kind = "dateline"
        elif (
            words <= 8
            and seen_headline
            and _is_byline(chunk)
            and (BY.match(chunk) or not (next_chunk and _label_like(next_chunk)))
        ):
            kind = "byline"
        elif not seen_headline and words <= MAX_HEADLINE_WORDS and not chunk.endswith("."):
            kind = "headline"
            seen_headline = True
        elif (
            seen_headline
            and i <= 2
            and block.kind == "body"
            and words <= MAX_DEK_WORDS
            and not _SENTENCE_END.search(chunk)
            and _is_dek(chunk)
        ):
            kind = "dek"
        else:
            break
        out[i] = Block(kind, block.start, block.end)
    return out
