"""The memo tokenizer gives exactly spaCy's tokens, offsets and whitespace."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from conftest import EVAL, SEED

from newslint.analysis.nlp import get_nlp
from newslint.analysis.tokenizer_memo import MemoTokenizer, _runs

EDGE_CASES = [
    "",
    " ",
    "   leading spaces",
    "trailing space ",
    "two  spaces and\ttab",
    "line\nbreak \n after space\n\n\nparagraphs",
    "\u00a0non-breaking\u00a0space and\u2028line separator",
    "U.S. officials don't say it's 10km, they're (sic) 'quoted' — “curly” Mr. Smith's e-mail.",
    "a\r\nwindows line",
    # spaCy splits "p.Start()" as "p." alone, as "p" "." after "this:" (":p" matches across the space)
    "Call it like this: p.Start() and p.Start() again.",
    "p.Start() first, then this: p.Start()",
]


def _tokens(doc):
    return [(t.text, t.idx, t.whitespace_) for t in doc]


@contextmanager
def _tokenizer_calls(nlp) -> Iterator[list[str]]:
    """The texts the pipeline's tokenizer is called with inside the block."""
    calls: list[str] = []
    original = nlp.tokenizer

    def spy(text: str):
        calls.append(text)
        return original(text)

    nlp.tokenizer = spy
    try:
        yield calls
    finally:
        nlp.tokenizer = original


#: every article of the evaluation data, by folder (absent in a plain clone: the edge cases and
#: the sample article are then the corpus)
EVAL_ARTICLES = (
    ("clean/scrapinghub", "*.txt"),
    ("news/wikinews", "*.txt"),
    ("propaganda/articles", "*.txt"),
    ("quotes/polnear/text", "*.txt"),
    ("markdown", "*.md"),
    ("markdown", "*.mdx"),
)


def _texts() -> list[str]:
    texts = list(EDGE_CASES) + [SEED.read_text(encoding="utf-8")]
    for folder, pattern in EVAL_ARTICLES:
        texts += [p.read_text(encoding="utf-8") for p in sorted((EVAL / folder).rglob(pattern))]
    return texts


@pytest.mark.eval
@pytest.mark.parametrize("order", ["cold", "warm"])
def test_same_tokens_as_spacy(order: str) -> None:
    nlp = get_nlp()
    memo = MemoTokenizer(nlp)
    texts = _texts()
    if order == "warm":  # every text again, now mostly from the memo
        for text in texts:
            memo.make_doc(text)
    for text in texts:
        assert _tokens(memo.make_doc(text)) == _tokens(nlp.make_doc(text)), text[:60]


def test_spacy_splits_a_run_by_the_run_before_it() -> None:
    """Why the memo cannot always split a run alone: spaCy's special-case matcher also matches
    across a single space (":" + "p" is the emoticon ":p"), and that match, merging nothing, wins
    over the run's own "p." match. The memo gives spaCy's tokens either way, in either order."""
    nlp = get_nlp()
    alone = "p.Start()"
    after_colon = "Call it like this: p.Start()"
    assert [t.text for t in nlp.make_doc(alone)] == ["p.", "Start", "(", ")"]
    assert [t.text for t in nlp.make_doc(after_colon)][-6:] == [":", "p", ".", "Start", "(", ")"]
    for order in ((alone, after_colon), (after_colon, alone)):
        memo = MemoTokenizer(nlp)
        for text in order + order:
            assert _tokens(memo.make_doc(text)) == _tokens(nlp.make_doc(text)), text


def _made_up_texts(count: int, seed: int) -> Iterator[str]:
    """Texts of runs drawn from a small pool (so a run recurs beside other runs), each run made of
    spaCy's own special cases that are not plain words (emoticons, abbreviations, contractions)
    and their punctuation, a few letters and words: the runs whose split spaCy makes by their
    neighbours. Mostly one space apart, as only a single space lets a match span two runs."""
    nlp = get_nlp()
    specials = [s for s in nlp.tokenizer.rules if not s.isalpha() and not any(map(str.isspace, s))]
    marks = sorted({c for special in specials for c in special if not c.isalnum()})
    pieces = specials + marks + ["p", "s", "x", "D", "o", "8", "and", "or", "said", "Start()"]
    rng = random.Random(seed)
    pool = ["".join(rng.choices(pieces, k=rng.randint(1, 3))) for _ in range(100)]
    for _ in range(count):
        runs = rng.choices(pool, k=rng.randint(2, 6))
        yield "".join(run + rng.choice([" ", " ", " ", " ", "  ", "\n"]) for run in runs)


def test_same_tokens_as_spacy_where_runs_meet_on_special_cases() -> None:
    """(Memos that split every run alone, or that miss a match at a run's edge, fail here.)"""
    nlp = get_nlp()
    memo = MemoTokenizer(nlp)
    for text in _made_up_texts(20_000, seed=7):
        assert _tokens(memo.make_doc(text)) == _tokens(nlp.make_doc(text)), text


def test_familiar_text_comes_from_the_memo() -> None:
    nlp = get_nlp()
    memo = MemoTokenizer(nlp)
    memo.make_doc("Officials said the takeover of Idlib was near.")
    with _tokenizer_calls(nlp) as calls:
        doc = memo.make_doc("Officials said the takeover was near.")
    assert [t.text for t in doc] == ["Officials", "said", "the", "takeover", "was", "near", "."]
    assert calls == []  # every run was known


def test_runs_follow_spacys_space_rule() -> None:
    assert _runs("a  b\nc ") == (["a", " ", "b", "\n", "c"], [True, False, False, False, True])


def test_new_runs_are_tokenised_in_one_call() -> None:
    nlp = get_nlp()
    memo = MemoTokenizer(nlp)
    memo.make_doc("Officials said the takeover was near.")
    text = "Officials in Idlib said (on Tuesday) the takover was near.\n\nU.S. envoys didn't."
    with _tokenizer_calls(nlp) as calls:
        doc = memo.make_doc(text)
    assert _tokens(doc) == _tokens(nlp.make_doc(text))
    # the new non-space runs ("near." is known), once each, in one call; the whitespace run alone
    assert calls == ["in Idlib (on Tuesday) takover U.S. envoys didn't.", "\n\n"]


#: "p.Start()" is spaCy's "p." alone, after a line break or after "Use", but "p" "." one space after
#: "Reply:"; the memo learns a text's new runs in one call, one space apart, so it meets
#: "p.Start()" right after "Reply:" when both are new to it
REPLY = "Reply:\n\np.Start() now."
USE = "Use p.Start() to begin."


@pytest.mark.parametrize("first", [REPLY, USE], ids=["reply-first", "use-first"])
def test_a_texts_tokens_do_not_depend_on_the_texts_before_it(first: str) -> None:
    """A memo that kept each run's split as made in that call gave REPLY (and every later
    "p.Start()") "p" "." when REPLY came first, and spaCy's "p." when USE had taught "p.Start()"."""
    nlp = get_nlp()
    assert "p." in [t.text for t in nlp.make_doc(REPLY)]
    assert "p." not in [t.text for t in nlp.make_doc("Reply: p.Start() now.")]
    memo = MemoTokenizer(nlp)
    for text in (first, REPLY, USE, "Then x := p.Start() again."):
        assert _tokens(memo.make_doc(text)) == _tokens(nlp.make_doc(text)), text


def test_a_special_case_across_a_space(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed pipeline may add a special case with a space in it: spaCy then merges two runs
    into one token, where they meet in a text and where the memo learns them side by side."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))  # the joins of this tokenizer
    from spacy.attrs import ORTH
    from spacy.lang.en import English

    nlp = English()
    nlp.tokenizer.add_special_case("Port Vale", [{ORTH: "Port Vale"}])
    memo = MemoTokenizer(nlp)
    for text in (
        "Fans of Port Vale cheered.",
        "Vale fans cheered Port",
        "Port Vale won, Port\nVale",
    ):
        assert _tokens(memo.make_doc(text)) == _tokens(nlp.make_doc(text)), text
    assert "Port Vale" in [t.text for t in memo.make_doc("at Port Vale")]


def test_a_full_memo_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.analysis.tokenizer_memo as tokenizer_memo

    monkeypatch.setattr(tokenizer_memo, "MAX_RUNS", 12)
    nlp = get_nlp()
    memo = MemoTokenizer(nlp)
    first = "Officials said the takeover was near."
    second = "Officials said the takeover of Idlib was near, and U.S. envoys didn't deny it."
    for text in (first, second, first):
        assert _tokens(memo.make_doc(text)) == _tokens(nlp.make_doc(text))
        assert len(memo._memo) <= 12 or text == second  # a text may overfill it on its own
