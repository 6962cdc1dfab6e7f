"""The technical register, link text and variant spellings (issue 17): what a word's document
and the conventions of English spelling say when the dictionaries do not. Texts are our own."""

from __future__ import annotations

from newslint.engine.linter import Linter
from newslint.spelling import find_typos, get_checker
from newslint.spelling.morphology import base_of
from newslint.spelling.reasons import REASON_COMMON, REASON_VARIANT
from newslint.spelling.register import Register, shows_code, uses_jargon
from newslint.spelling.variants import kept_e, single_consonant, variant_of

CODE_POST = """# Faster builds

We moved the parser to a new module. Run `make` to rebuild it.

The scheduler now hands each job to a fresh goroutine, and the callees of the hot loop
are inlined. We also wrote impls for the new trait and dropped two parens from the macro.
The old dependee still links against rustc and protoc output.
"""

NEWS_STORY = """The council met on Tuesday to discuss the budget.

The mayor said the parens of the pupils would be consulted before the vote.
"""


def words(text: str, name: str) -> set[str]:
    found = Linter(select=["spelling.*"]).lint_source(text, name).findings
    return {f.match for f in found}


def test_code_makes_a_post_technical_and_news_is_not() -> None:
    assert shows_code(CODE_POST)
    assert not shows_code(NEWS_STORY) and not uses_jargon(NEWS_STORY)
    assert uses_jargon("A syscall in every goroutine is one too many.")
    assert not uses_jargon("One goroutine only.")  # one word of jargon is not a register
    assert uses_jargon("Two Goroutines made SYSCALLS.")  # endings and any case count
    # a jargon word counts only as a whole word: not inside a hyphenated or longer run
    assert not uses_jargon("A goroutine-like design and a syscallish name.")


def test_jargon_tool_names_and_coinages_pass_in_a_post_that_shows_code() -> None:
    found = words(CODE_POST, "post.md")
    assert not found & {"goroutine", "callees", "impls", "parens", "dependee", "rustc", "protoc"}


def test_the_same_words_are_still_weighed_in_news() -> None:
    assert "parens" in words(NEWS_STORY, "story.txt")  # "parents" in a story about pupils


def test_slips_survive_in_technical_copy() -> None:
    """A slip that looks like a derivation is still a slip when a common word explains it
    strongly ("wirer": "writer"), and a compound of short words is not a coinage."""
    checker = get_checker()
    post = "Run `make` first. The {} was late."
    # no adverb is a coinage, and no short or rare word a base ("nag", "stoma")
    for slip in ("wirer", "budjet", "definitily", "troughly", "naging", "stomac"):
        text = post.format(slip)
        assert [t.word for t in find_typos(text, checker=checker, source=text)] == [slip]


def test_a_lower_case_word_that_is_a_whole_link_names_its_target() -> None:
    source = "Records could feed to [metricsd](https://example.com/tools) for graphs.\n"
    text = "Records could feed to metricsd for graphs.\n"
    checker = get_checker()
    assert find_typos(text, checker=checker, source=source) == []
    assert [t.word for t in find_typos(text, checker=checker)] == ["metricsd"]
    assert not Register(checker, source).link_text("feed")


def test_a_hyphen_after_a_prefix_is_judged_on_the_closed_word() -> None:
    checker = get_checker()
    assert base_of("asynchronicity", checker.is_known) is not None  # the negating "a"
    assert checker.is_known("reentrancy")
    assert find_typos("The re-entrancy of the handler matters.", checker=checker) == []


def test_variant_spellings_follow_a_convention_and_slips_do_not() -> None:
    checker = get_checker()
    common = checker.lexicon.common_words(30).__contains__
    assert variant_of("reenable", ["re-enable"], common) == "re-enable"
    assert kept_e("useable", "usable", common)
    assert not kept_e("desireable", "desirable", common)  # two syllables: no such variant
    assert kept_e("unparseable", "unparsable", common)  # the e is "parse"'s, under "un-"
    assert not kept_e("undesireable", "undesirable", common)  # "desire": still two syllables
    assert single_consonant("cancelation", "cancellation", common)  # CAN-cel: unstressed
    assert not single_consonant("commited", "committed", common)  # com-MIT: stressed
    assert not single_consonant("controled", "controlled", common)


def test_a_variant_is_a_suggestion_and_a_slip_stays_an_error() -> None:
    text = (
        "The council said the cancelation of the vote was a blow, and the board commited to a "
        "new date. The old hall is still useable for the meeting, the clerk said."
    )
    typos = {t.word: t for t in find_typos(text, checker=get_checker())}
    assert typos["cancelation"].reason == REASON_VARIANT
    assert typos["cancelation"].level == "suggestion"
    assert typos["cancelation"].suggestions[0] == "cancellation"
    assert typos["useable"].reason == REASON_VARIANT
    assert typos["commited"].reason == REASON_COMMON
    found = Linter(select=["spelling.*"]).lint_source(text, "story.txt").findings
    errors = {f.match for f in found if f.level == "error"}
    assert errors == {"commited"}
    prefixed = "The tool printed unparseable output, the maintainers said on Monday."
    found_prefixed = Linter(select=["spelling.*"]).lint_source(prefixed, "story.txt").findings
    assert [(f.match, f.level) for f in found_prefixed] == [("unparseable", "suggestion")]
    labels = {f.match: f.message.split(":")[0] for f in found}
    assert labels["cancelation"] == "Variant spelling"  # named for what it is, not a typo
    assert labels["commited"] != "Variant spelling"


INTERVIEW = """The reporter spoke to two teachers at the school.

((Reporter)) What changed for the pupils?

((Meena)) When I was young they let the boys play, but the girl childs had to stay home. We
taught ourself to read from old papers. The harrasment never stopped, and we worked on
different different projects to earn a little money.

((Reporter)) And now?

((Meena)) Now the girls come every day. We could not believe it at first.
"""


def test_a_speakers_own_forms_in_a_transcript_are_suggestions_and_slips_are_not() -> None:
    found = Linter(select=["spelling.*"]).lint_source(INTERVIEW, "interview.txt").findings
    levels = {f.match.strip(): f.level for f in found}
    assert levels["childs"] == "suggestion"
    assert levels["ourself"] == "suggestion"
    assert levels["harrasment"] == "error"  # the transcriber's spelling, fixed as anywhere
    labels = {f.match.strip(): f.message.split(":")[0] for f in found}
    assert labels["childs"] == "Speaker's own form"
    assert labels["harrasment"] != "Speaker's own form"
    assert "different" not in levels  # the speaker's reduplication, kept as said


def test_a_speakers_form_is_a_slip_in_the_writers_own_words() -> None:
    story = "The girl childs of the village walked to school, the council said on Monday."
    found = Linter(select=["spelling.*"]).lint_source(story, "story.txt").findings
    assert [f.level for f in found if f.match == "childs"] == ["warning"]


def test_a_form_that_sounds_like_the_usual_one_is_the_transcribers() -> None:
    from newslint.spelling.speech import speaker_form

    checker = get_checker()
    assert speaker_form(checker, "childs") and speaker_form(checker, "ourself")
    assert not speaker_form(checker, "publically")  # said as "publicly"
    assert not speaker_form(checker, "commited")  # said as "committed"
    assert not speaker_form(checker, "harrasment")  # no formation explains it


HINDI = "आपने बताया कि यहाँ आप लोगों का एक संगठन है और वह काम करता है"


def test_a_transliteration_beside_its_script_is_a_suggestion_and_a_slip_is_not() -> None:
    from newslint.spelling.foreign import quotes_other_script
    from newslint.spelling.reasons import REASON_TRANSLITERATION

    answer = (
        "The police would come with the laathi and we ran. The daibetic patients could not "
        "reach the clinic in time, the workers said."
    )
    checker = get_checker()
    assert quotes_other_script(HINDI) and not quotes_other_script(answer)
    both = {t.word: t for t in find_typos(answer + "\n\n" + HINDI + "\n", checker=checker)}
    assert both["laathi"].reason == REASON_TRANSLITERATION  # near only the rare "lathi"
    assert both["laathi"].level == "suggestion"
    assert both["daibetic"].level == "warning"  # near the common "diabetic": a slip
    alone = {t.word: t for t in find_typos(answer, checker=checker)}
    assert alone["laathi"].level == "warning"  # no other script: weighed as before


def test_a_word_the_document_writes_as_an_identifier_is_a_name() -> None:
    chown = "Cache files are now chowned to the owner. Run `chown` by hand on old ones."
    assert _typo_words(chown) == set()
    no_code = "Cache files are now chowned to the owner. Run the tool by hand on old ones."
    assert _typo_words(no_code) == {"chowned"}
    linked = (
        "Install it with `pip install tramline`. See the talk by quillet and the "
        "[demo](https://github.com/quillet-labs/demo)."
    )
    assert _typo_words(linked) == set()
    unlinked = "Install it with `pip install tramline`. See the talk by quillet and the demo."
    assert _typo_words(unlinked) == {"quillet"}


def _typo_words(text: str) -> set[str]:
    found = Linter(select=["spelling.*"]).lint_source(text, "/nowhere/x/README.md", "markdown")
    return {f.match for f in found.findings if f.level in ("warning", "error")}
