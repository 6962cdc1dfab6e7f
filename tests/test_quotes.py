"""Tests for newslint.analysis.quotes: spans, nesting, continuation, cues and speakers on real-style copy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

from newslint.analysis.core import Analysis
from newslint.analysis.quotes import Quote, QuoteAnalysis, analyse_quotes, reporting_verb_forms

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d2c5ac03fb099af7.txt"
POLNEAR = ROOT.parent / "shared" / "eval" / "quotes" / "polnear"
_PARA_RE = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def analyse(text: str, nlp: spacy.language.Language) -> QuoteAnalysis:
    paragraphs = [(m.start(), m.end()) for m in _PARA_RE.finditer(text)]
    sentences = [(s.start_char, s.end_char) for s in nlp(text).sents]
    return analyse_quotes(text, paragraphs, sentences)


def find(result: QuoteAnalysis, text: str, fragment: str) -> Quote:
    for q in result.quotes:
        if fragment in text[q.start : q.end]:
            return q
    raise AssertionError(
        f"no quote containing {fragment!r}: {[text[q.start : q.end] for q in result.quotes]}"
    )


# --------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed(nlp: spacy.language.Language) -> tuple[str, QuoteAnalysis]:
    if not SEED.exists():
        pytest.skip(f"seed article missing: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    return text, analyse(text, nlp)


def test_seed_orphan_question(seed: tuple[str, QuoteAnalysis]) -> None:
    text, result = seed
    q = find(result, text, "How many of them will come to Turkey?")
    assert not q.attributed and q.is_orphan and not q.is_term


def test_seed_inverted_cue(seed: tuple[str, QuoteAnalysis]) -> None:
    text, result = seed
    q = find(result, text, "Russia's message is clear")
    assert (q.cue_text, q.speaker_text, q.speaker_kind) == ("argues", "Mr. Yetkın", "name")
    assert not q.inherited
    # the apostrophe in "Russia's" is not a nested quote
    assert all(other.depth == 0 for other in result.quotes)


def test_seed_pronoun_and_name(seed: tuple[str, QuoteAnalysis]) -> None:
    text, result = seed
    q = find(result, text, "We don't want Idlib")
    assert (q.cue_text, q.speaker_text, q.speaker_kind) == ("said", "he", "pronoun")
    q = find(result, text, "To fight terrorism in Idlib")
    assert (q.cue_text, q.speaker_text, q.speaker_kind) == ("said", "Rouhani", "name")


def test_seed_quote_after_according_to_is_inherited(seed: tuple[str, QuoteAnalysis]) -> None:
    text, result = seed
    q = find(result, text, "They only real disincentive")
    assert q.attributed and q.inherited
    assert q.speaker_text == "analyst Nicholas Heras" and q.speaker_kind == "title_name"
    assert q.cue_text == "according to"


def test_seed_terms_and_document(seed: tuple[str, QuoteAnalysis]) -> None:
    text, result = seed
    assert find(result, text, "red line").is_term
    assert find(result, text, "effectively").is_term
    q = find(result, text, "using the US capabilities")
    assert not q.is_term and q.speaker_text == "the statement" and q.speaker_kind == "document"
    assert result.unbalanced == []
    assert [q for q in result.quotes if q.is_orphan] == [find(result, text, "How many of them")]


def test_seed_in_quote_and_quote_at(seed: tuple[str, QuoteAnalysis]) -> None:
    text, result = seed
    inside = text.index("bloodbath")
    outside = text.index("We want to keep our journalism")
    assert result.in_quote(inside) and not result.in_quote(outside)
    q = result.quote_at(inside)
    assert q is not None and q.speaker_text == "he"
    assert result.quote_at(outside) is None
    start = find(result, text, "bloodbath").start
    assert result.in_quote(start) and text[start] == '"'


def test_in_quote_many_agrees_with_in_quote(seed: tuple[str, QuoteAnalysis]) -> None:
    """The bisection over quotations gives in_quote's answer at every offset, marks included."""
    text, result = seed
    offsets = list(range(len(text) + 1))
    many = result.in_quote_many(offsets)
    assert many == [result.in_quote(o) for o in offsets]
    assert 0 < sum(many) < len(offsets)
    with pytest.raises(ValueError):
        result.in_quote_many([5, 3])


# --------------------------------------------------------------------------- marks


def test_apostrophes_are_not_quotes(nlp: spacy.language.Language) -> None:
    text = (
        "\"It's the rebels' fault, not Russia's,\" he said. "
        "\"The '90s were different, and so was rock 'n' roll,\" she added."
    )
    result = analyse(text, nlp)
    assert [text[q.content_start : q.content_end] for q in result.quotes] == [
        "It's the rebels' fault, not Russia's,",
        "The '90s were different, and so was rock 'n' roll,",
    ]
    assert result.unbalanced == []
    assert [q.speaker_text for q in result.quotes] == ["he", "she"]


def test_nested_single_quotes(nlp: spacy.language.Language) -> None:
    text = "\"He told me 'no way,' and then he left the rebels' office,\" the witness said."
    result = analyse(text, nlp)
    outer, inner = result.quotes
    assert (outer.depth, inner.depth) == (0, 1)
    assert text[inner.start : inner.end] == "'no way,'"
    assert inner.parent == 0 and inner.speaker_text == "the witness" and inner.inherited
    assert result.quote_at(text.index("no way")) == inner
    assert result.quote_at(text.index("left")) == outer


def test_curly_quotes_and_nesting(nlp: spacy.language.Language) -> None:
    text = "“We will not accept a ‘frozen conflict’ in Idlib,” the ministry said in a statement."
    result = analyse(text, nlp)
    outer, inner = result.quotes
    assert (outer.open_mark, outer.close_mark) == ("“", "”")
    assert (inner.open_mark, inner.close_mark, inner.depth) == ("‘", "’", 1)
    assert outer.speaker_text == "the ministry" and outer.speaker_kind == "organisation"
    assert not outer.inherited


def test_curly_apostrophes_and_single_quoted_headline(nlp: spacy.language.Language) -> None:
    text = "Clinton calls Obamacare ‘crazy system’ during the rebels’ rally in the ‘90s style."
    result = analyse(text, nlp)
    assert [text[q.start : q.end] for q in result.quotes] == ["‘crazy system’"]
    assert result.quotes[0].is_term and result.quotes[0].depth == 0


def test_continuation_across_paragraphs(nlp: spacy.language.Language) -> None:
    text = (
        "The mayor spoke after the flood.\n\n"
        '"We will rebuild every house on this street. It will not be quick.\n\n'
        '"It will take years, and it will cost more than anyone expects," Mayor Jane Doe said.\n\n'
        "The council meets on Tuesday."
    )
    result = analyse(text, nlp)
    first, second = result.quotes
    assert first.continues and first.close_mark is None and first.continuation_of is None
    assert second.continuation_of == 0 and not second.continues
    assert second.speaker_text == "Mayor Jane Doe" and second.speaker_kind == "title_name"
    assert first.speaker_text == "Mayor Jane Doe" and first.inherited
    assert result.unbalanced == []
    assert result.in_quote(text.index("It will not be quick"))
    assert not result.in_quote(text.index("The council"))


def test_hard_wrapped_quote_is_not_unbalanced() -> None:
    text = "Bolton told the rally:\n“There is a viable opposition\nto the rule of the ayatollahs.”\nNo one replied."
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    result = analyse_quotes(text, lines, [])
    first, second = result.quotes
    assert result.unbalanced == []
    assert first.continues and first.open_mark == "“" and first.speaker_text == "Bolton"
    assert second.continuation_of == 0 and second.open_mark is None and second.close_mark == "”"
    assert result.in_quote(text.index("ayatollahs")) and not result.in_quote(text.index("No one"))


def test_unbalanced_opening_mark(nlp: spacy.language.Language) -> None:
    text = 'He said "this sentence never closes.\n\nThe next paragraph is plain narration.'
    result = analyse(text, nlp)
    assert result.unbalanced == [(text.index('"'), 'opening quote mark " never closed')]
    # the rest of the paragraph is quoted for the voice map, and reported once (not an orphan)
    (q,) = result.quotes
    assert not q.closed and not q.is_orphan and q.close_mark is None
    assert result.in_quote(text.index("never")) and not result.in_quote(text.index("next"))


def test_stray_closing_mark(nlp: spacy.language.Language) -> None:
    text = "The talks ended.” Then the delegates went home."
    result = analyse(text, nlp)
    assert result.unbalanced == [(text.index("”"), "stray closing quote mark ”")]
    (q,) = result.quotes
    assert text[q.start : q.end] == "The talks ended.”" and not q.closed and not q.is_orphan
    assert result.in_quote(text.index("talks")) and not result.in_quote(text.index("delegates"))


def test_clean_copy_has_no_quotes(nlp: spacy.language.Language) -> None:
    text = (
        "The rebels' positions near Idlib held. It's the 1990s' last front, officials' maps show."
    )
    result = analyse(text, nlp)
    assert result.quotes == [] and result.unbalanced == []
    assert not result.in_quote(0) and result.quote_at(5) is None


# --------------------------------------------------------------------------- cues and speakers


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "kind"),
    [
        ('"We are not leaving," said Smith.', "said", "Smith", "name"),
        ('"It is over," argues Mr. Yetkın.', "argues", "Mr. Yetkın", "name"),
        (
            '"Nothing has changed," says analyst Nicholas Heras.',
            "says",
            "analyst Nicholas Heras",
            "title_name",
        ),
        ('He added: "We are ready for talks."', "added", "He", "pronoun"),
        ('"The strikes must stop," she told reporters.', "told", "she", "pronoun"),
        (
            '"The ceasefire is holding," according to the report.',
            "according to",
            "the report",
            "document",
        ),
        ('According to officials, "the road is closed."', "According to", "officials", "group"),
        ('"We were not consulted," residents said.', "said", "residents", "group"),
        (
            'Turkish President Tayyip Erdogan warned: "We will not stand by."',
            "warned",
            "Turkish President Tayyip Erdogan",
            "title_name",
        ),
        (
            'Smith, who has led the group since 2015, said: "We will appeal."',
            "said",
            "Smith",
            "name",
        ),
        (
            '"It is a dog whistle," Rep. Gwen Moore (D-Wis.) said Friday.',
            "said",
            "Rep. Gwen Moore",
            "title_name",
        ),
        ('"We have no choice," the Pentagon has said.', "said", "the Pentagon", "organisation"),
        (
            '"Does anybody know the platform?" Graham asked. "Neither do I."',
            "asked",
            "Graham",
            "name",
        ),
        ("“I am afraid for the future.” ― Krystal Correa", "―", "Krystal Correa", "name"),
    ],
)
def test_cue_and_speaker(
    nlp: spacy.language.Language, text: str, cue: str, speaker: str, kind: str
) -> None:
    result = analyse(text, nlp)
    q = result.quotes[0]
    assert (q.cue_text, q.speaker_text, q.speaker_kind) == (cue, speaker, kind)
    assert q.attributed and not q.inherited


def test_quote_paragraph_after_named_speaker_is_inherited(nlp: spacy.language.Language) -> None:
    text = (
        '"We are preparing for the worst," said Dr. Amal Haddad, who runs the clinic.\n\n'
        '"We have no more beds."\n\n'
        "Fighting continued overnight near the border.\n\n"
        '"Where will they all go?"'
    )
    result = analyse(text, nlp)
    first, second, third = result.quotes
    assert first.speaker_text == "Dr. Amal Haddad" and not first.inherited
    assert second.speaker_text == "Dr. Amal Haddad" and second.inherited
    assert third.is_orphan and third.speaker is None


def test_sentence_after_quote_continues_speaker(nlp: spacy.language.Language) -> None:
    text = '"A," he said. "B is next."'
    result = analyse(text, nlp)
    assert [(q.speaker_text, q.inherited) for q in result.quotes] == [("he", False), ("he", True)]


def test_orphan_inside_narration(nlp: spacy.language.Language) -> None:
    text = (
        "The convoy reached the town at dawn. "
        'Its arrival raised one question: "how many of them will come to Turkey next week?" '
        "Nobody knew."
    )
    result = analyse(text, nlp)
    q = result.quotes[0]
    assert not q.attributed and q.is_orphan


def test_term_versus_quotation(nlp: spacy.language.Language) -> None:
    text = 'The adviser described it as a "red line." "We will respond," he said.'
    result = analyse(text, nlp)
    term, quote = result.quotes
    assert term.is_term and not quote.is_term
    assert quote.speaker_text == "he"


def test_noun_is_not_a_cue(nlp: spacy.language.Language) -> None:
    text = 'The report about the "red line" policy was published. "We cannot confirm it."'
    result = analyse(text, nlp)
    assert result.quotes[1].is_orphan


def test_works_without_sentences() -> None:
    text = '"We are not leaving," said Smith. The talks resume on Monday.'
    result = analyse_quotes(text, [(0, len(text))], [])
    assert result.quotes[0].speaker_text == "Smith"


def test_reporting_verb_lexicon_is_inflected() -> None:
    forms = reporting_verb_forms()
    for form, base in [
        ("said", "say"),
        ("told", "tell"),
        ("wrote", "write"),
        ("argues", "argue"),
        ("tweeted", "tweet"),
    ]:
        assert forms[form] == base
    assert "according" not in forms


# --------------------------------------------------------------------------- PolNeAR


@pytest.mark.eval
def test_polnear_direct_quotes_are_attributed() -> None:
    """Annotated direct quotations with a Source: enough attributed, few orphaned (the stored
    limits of benchmarks/quotes_polnear.py)."""
    if not (POLNEAR / "text").is_dir():
        pytest.skip(f"PolNeAR evaluation data not present at {POLNEAR}")
    import quotes_polnear
    from core import assert_check

    counts, _, _ = quotes_polnear.measure()
    assert counts["gold"] > 100
    assert_check("quotes_polnear", "attributed_share", counts["attributed"] / counts["gold"])
    assert_check("quotes_polnear", "orphan_share", counts["orphan"] / counts["gold"])


# --------------------------------------------------------------------------- the voice map


def _voice(text: str, fmt: str = "text") -> tuple[str, Analysis]:
    from newslint.readers import parse

    analysis = Analysis(parse(text, "<voice>", fmt))
    return analysis.text, analysis


def test_voice_map_covers_a_quote_whose_mark_never_closes() -> None:
    text, analysis = _voice(
        "Council votes on budget\n\n"
        'The mayor was blunt. "We will not pay for this, and we never will.\n\n'
        "The council meets again on Monday."
    )
    assert analysis.voice_at(text.index("We will not")) == "quote"
    assert analysis.voice_at(text.index("never will")) == "quote"
    assert analysis.voice_at(text.index("The council")) == "narration"
    assert analysis.voice_at(text.index("The mayor")) == "narration"


def test_voice_map_covers_transcripts_and_block_quotations() -> None:
    text, analysis = _voice(
        "Interview with a baker\n\nQ: Why bread?\n\nA: We love it, and our customers do too.\n\n"
        "Q: And next year?\n\nA: We open a second shop."
    )
    assert analysis.voice_at(text.index("We love")) == "quote"
    assert analysis.voice_at(text.index("Why bread")) == "quote"
    text, analysis = _voice(
        "Roe wrote to members on Friday:\n\n> We are closing the shop at the end of the month.\n\n"
        "The shop opened in 1990.",
        "markdown",
    )
    assert analysis.voice_at(text.index("We are closing")) == "quote"
    assert analysis.voice_at(text.index("The shop opened")) == "narration"
    q = analysis.quotes.quote_at(text.index("We are closing"))
    assert q is not None and q.form == "block" and q.speaker_text == "Roe"
    # a block quotation nobody introduces or signs is the writer's aside, not a quotation
    text, analysis = _voice(
        "Security advisory\n\n> This is a cross-post of our advisory.\n\nWe recommend an audit.",
        "markdown",
    )
    assert analysis.voice_at(text.index("This is a cross-post")) == "narration"


def test_first_person_rule_stays_out_of_lost_quotations() -> None:
    from newslint import lint_text

    lost = (
        "Council votes on budget\n\n"
        'The mayor was blunt on Tuesday. "We will not pay for this, and our town never will.\n\n'
        "The council meets again on Monday."
    )
    rules = [f.rule for f in lint_text(lost, select=["editorial.first-person", "quotes.*"])]
    assert rules == ["quotes.unbalanced"]


def test_answers_after_an_interviewer_who_only_asks_are_the_guests() -> None:
    text, analysis = _voice(
        "Talking to a beekeeper\n\n"
        "Nell Ash has kept bees on the hill for thirty years.\n\n"
        "((Gazette)) How did you start?\n\n"
        "NA We bought one hive from a neighbour and it grew from there.\n\n"
        "((Gazette)) What worries you most?\n\n"
        "NA The wet springs. We lost half our colonies in one of them.\n\n"
        "((Gazette)) And next year?\n\n"
        "NA We plan to sell honey at the market."
    )
    for answer in ("We bought one hive", "The wet springs", "We plan to sell"):
        q = analysis.quotes.quote_at(text.index(answer))
        assert q is not None and q.form == "turn", answer
        assert q.speaker_text != "Gazette", answer  # the interviewer does not answer
    assert analysis.voice_at(text.index("Nell Ash has kept")) == "narration"


def test_questions_with_their_answers_left_out_leave_the_narration_alone() -> None:
    text, analysis = _voice(
        "Candidates on the record\n\n"
        "The first candidate runs on a platform of lower fares.\n\n"
        "((Desk)) Why are you running?\n\n((Desk)) What would you change first?\n\n"
        "The second candidate, a former nurse, spoke about clinics.\n\n"
        "((Desk)) Why should voters trust you?\n\n((Desk)) What is your first bill?\n\n"
        "Polls open at seven."
    )
    assert analysis.voice_at(text.index("The second candidate")) == "narration"
    assert analysis.voice_at(text.index("Polls open")) == "narration"


def test_voice_map_covers_a_statement_set_off_after_a_lead_in() -> None:
    text, analysis = _voice(
        "Pier closed\n\nThe harbour board shut the pier on Monday.\n\n"
        "Dana Whitlock, its chair, said in a statement:\n\n"
        "We know what the pier means to this town. Our engineers will tell us when it is safe.\n\n"
        "You will hear from us before the summer.\n\n"
        "Repairs will take six weeks, the board's report says."
    )
    q = analysis.quotes.quote_at(text.index("We know"))
    assert q is not None and q.speaker_text is not None and "Whitlock" in q.speaker_text
    assert analysis.voice_at(text.index("Our engineers")) == "quote"
    assert analysis.voice_at(text.index("You will hear")) == "quote"  # continues in 2nd person
    assert analysis.voice_at(text.index("Repairs will")) == "narration"
    from newslint import lint_text

    assert not any(f.rule == "editorial.first-person" for f in lint_text(text))


def test_a_lead_in_without_a_speaker_introduces_the_writers_own_words() -> None:
    text, analysis = _voice(
        "Permits\n\nThe new permit process has three parts. The steps are simple:\n\n"
        "Fill in the form, pay the fee and wait for a letter from our office."
    )
    assert analysis.voice_at(text.index("Fill in")) == "narration"
    assert not analysis.quotes.quotes


def test_a_lead_in_by_the_writer_or_in_markup_introduces_no_statement() -> None:
    question = (
        "Sponges\n\nThe study appeared on Monday.\n\nWe asked Dr Roe whether sponges could survive the cold:\n\n"
        "We also asked how the study began."
    )
    text, analysis = _voice(question)
    assert analysis.voice_at(text.index("We also")) == "narration"  # the writer asks
    lead_in = "Builds\n\nThe build broke.\n\nKim Ash, the tool's maintainer, wrote:\n\nThen we run the tests again."
    text, analysis = _voice(lead_in)
    assert analysis.voice_at(text.index("Then we")) == "quote"
    text, analysis = _voice(lead_in, "markdown")  # a colon there introduces removed code
    assert analysis.voice_at(text.index("Then we")) == "narration"
    text, analysis = _voice(
        "Poll\n\nThe council meets soon.\n\nThe Daily Ledger reports:\n\nThe vote is on Monday.\n\n"
        "Should the vote be delayed? Write to the council if you think so."
    )
    assert analysis.voice_at(text.index("The vote is")) == "quote"
    assert analysis.voice_at(text.index("Should the")) == "narration"  # no first person


def test_run_in_headings_and_file_names_are_not_transcript_labels() -> None:
    text, analysis = _voice(
        "Security release\n\n"
        "Severity: High. A crafted header can exhaust the server's memory.\n\n"
        "Affected: All versions before 4.2 are open to the attack.\n\n"
        "Severity: Low. A long path slows the router down.\n\n"
        "Affected: Version 4.1 only.\n\n"
        "File:Harbour at dusk.jpg\n\n"
        "Upgrade as soon as the release is out."
    )
    assert not analysis.quotes.quotes
    assert analysis.voice_at(text.index("A crafted header")) == "narration"
    text, analysis = _voice(
        "Notes from the meetup\n\n"
        + "\n\n".join(
            f"{topic}: We talked about {topic.lower()} and agreed on next steps."
            for topic in ("Testing", "Release Dates", "Docs Sprint", "Mentoring", "Budget")
        )
    )
    assert analysis.voice_at(text.index("We talked about testing")) == "narration"


def test_a_post_signed_under_it_is_its_authors_words() -> None:
    text, analysis = _voice(
        "Smoke closes schools\n\n"
        "The governor posted an update on Monday night.\n\n"
        "Our schools stay shut tomorrow. We will hand out masks at every station\n"
        "Stay indoors if you can\n\n"
        "— Jane Roe (@janeroe_gov) November 4, 2019\n\n"
        "We visited the station on Tuesday.\n\n"
        "— Sam Fox, staff writer"
    )
    q = analysis.quotes.quote_at(text.index("We will hand out"))
    assert q is not None and q.speaker_text == "Jane Roe" and q.how == "signature"
    assert analysis.voice_at(text.index("We visited")) == "narration"  # a credit, no handle
    from newslint import lint_text

    found = lint_text(text, select=["editorial.first-person"], profile="news")
    assert [f.match for f in found] == ["We"]
    assert found[0].offset == text.index("We visited")
