"""The memo tokenizer gives exactly spaCy's tokens, offsets and whitespace."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import SEED

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


def _texts() -> list[str]:
    texts = list(EDGE_CASES) + [SEED.read_text(encoding="utf-8")]
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
    for folder, pattern in (("clean/scrapinghub", "*.txt"), ("markdown", "*.md")):
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / folder).rglob(pattern))]
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
