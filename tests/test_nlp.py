"""newslint's blank English pipeline is spaCy's blank English pipeline, without the Language."""

from __future__ import annotations

import spacy
from conftest import SEED
from spacy.pipeline import Sentencizer

from newslint.analysis.nlp import BlankEnglish, get_nlp

TEXT = (
    "U.S. officials don't say it's 10km away, they're (sic) ‘quoted’ — “curly” Mr. Smith's "
    "e-mail at j.doe@example.com or https://example.com/a?b=1 :) 3.5% $20bn 'em O'Neill\n\n"
)
ATTRS = ("text", "idx", "whitespace_", "lower_", "norm_", "shape_", "prefix_", "suffix_")
FLAGS = ("is_alpha", "is_digit", "is_punct", "is_space", "like_num", "like_url", "is_stop")


def test_same_tokens_and_lexeme_attributes_as_spacy_blank() -> None:
    ours = get_nlp()
    assert isinstance(ours, BlankEnglish)
    theirs = spacy.blank("en")
    for text in (TEXT, SEED.read_text(encoding="utf-8")):
        a, b = ours.make_doc(text), theirs.make_doc(text)
        assert len(a) == len(b) > 20
        for x, y in zip(a, b, strict=True):
            assert [getattr(x, n) for n in ATTRS + FLAGS] == [getattr(y, n) for n in ATTRS + FLAGS]


def test_the_sentencizer_is_spacys_default_one() -> None:
    ((name, ours),) = get_nlp().pipeline
    theirs = spacy.blank("en").add_pipe("sentencizer")
    assert name == "sentencizer" and type(ours) is Sentencizer
    assert ours.punct_chars == theirs.punct_chars and ours.overwrite == theirs.overwrite
