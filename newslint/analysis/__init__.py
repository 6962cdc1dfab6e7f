"""Stage 2: a Document becomes an Analysis, the one pass every rule reads.

``core`` holds :class:`~newslint.analysis.core.Analysis` (tokens, sentences, blocks, voice);
``nlp`` builds spaCy's blank English pipeline and lemma table (``lazy_spacy`` imports spaCy
without its command-line package, ``tokenizer_memo`` tokenises each familiar chunk of text once);
``quotes`` finds quotations, their cues and speakers; ``metrics`` counts syllables and
readability.
"""
