"""Where a word stands says it names something: handles, the thanked, name particles, scientific
names, coinages on the article's names, paths, code in backticks, contributors' lists, passages
in another language, names in lower case (issue 17). Each case is checked against the same word
in a plain sentence, where it is reported. Texts are our own."""

from __future__ import annotations

from newslint.engine.linter import Linter
from newslint.spelling import find_typos
from newslint.spelling.reasons import REASON_LOWER_CASE_NAME


def reported(text: str) -> list[str]:
    return [t.word for t in find_typos(text)]


def lint(text: str, name: str = "story.txt") -> list:
    return Linter(select=["spelling.*"]).lint_source(text, name).findings


def test_a_handle_in_parentheses_after_a_name_is_not_a_typo() -> None:
    assert reported("The patch came from a reader, molsenx, on Monday.") == ["molsenx"]
    assert reported("The patch came from Maria Olsen (molsenx) on Monday.") == []


def test_the_person_thanked_is_not_a_typo() -> None:
    assert reported("The flaw was found by kvarnholm last week.") == ["kvarnholm"]
    assert reported("Thank you, to kvarnholm for reporting the flaw.") == []
    assert reported("Thanks to kvarnholm for the fix.") == []


def test_a_lower_case_word_between_names_is_a_particle_or_a_given_name() -> None:
    assert reported("The talks were led by tesmoto on Friday.") == ["tesmoto"]
    assert reported("The talks were led by Haruki tesmoto Ishida on Friday.") == []


def test_a_species_name_after_its_genus_is_not_a_typo_but_a_slip_after_a_name_is() -> None:
    assert reported("Divers counted the zelandivora near the reef.") == ["zelandivora"]
    assert reported("Divers counted the sponge Clathrina zelandivora near the reef.") == []
    # "Ankara" is a name, but "electoin" is a slip away from a much more common word
    assert reported("Officials in Ankara electoin offices met on Monday.") == ["electoin"]
    assert reported("Talks were led by Haruki electoin Ishida.") == ["electoin"]


def test_a_coinage_on_the_articles_name_is_software_not_a_slip() -> None:
    about_go = "Programs written in Go run fast. Teams using Go ship often, and Go is simple. "
    assert reported("The team shipped gorunner on Monday.") == ["gorunner"]
    assert reported(about_go + "They can use gorunner from now on.") == []
    # one mention of a name does not make it a stem ("Co." and a slip starting "co")
    assert reported("Smith & Co. said they can use gorunner now.") == ["gorunner"]


def test_a_word_in_a_path_or_in_backticks_is_code() -> None:
    assert [t.word for t in find_typos("The flate format was slow.")] == ["flate"]
    assert reported("The compress/flate package was slow.") == []
    assert reported("Run rustpkgz to build it.") == ["rustpkgz"]
    assert reported("Run `rustpkgz build` to build it.") == []


def test_a_hyphen_that_splits_a_known_word_is_not_a_slip() -> None:
    assert reported("The main take-aways and the bolt-ons were listed.") == []
    assert reported("A knife-weilding man was arrested.") == ["weilding"]


def test_singular_and_plural_of_a_term_recur_together() -> None:
    assert reported("Each quodlet holds a pointer.") == ["quodlet"]
    assert reported("Each quodlet holds a pointer, and the quodlets are shared.") == []


def test_a_contributors_list_is_made_of_names() -> None:
    names = ["Anna Berg (aberg)", "Lukas Mertz", "jorvik tesmoto", "Omar Haddad", "Ines Sousa"]
    text = "# Release 2.0\n\nThanks to everyone who contributed:\n\n"
    text += "".join(f"- {n}\n" for n in names)
    assert lint(text, "release.md") == []
    slips = "# Changes\n\n- Fixed the tesmoto\n- Faster builds\n- New icons\n- Docs\n- Tests\n"
    assert [f.match for f in lint(slips, "changes.md")] == ["tesmoto"]


def test_a_quotation_in_another_language_inside_an_english_sentence_is_left_alone() -> None:
    text = (
        "The president told the crowd, in Spanish, «nadie podrá destruir nuestra democracia "
        "jamás», and the crowd cheered. Officials said the goverment would respond."
    )
    assert reported(text) == ["goverment"]
    labelled = "The title, Polish language: nigdy wiecej, was chosen by the director."
    assert reported(labelled) == []
    assert reported("The title, nigdy wiecej, was chosen by the director.") == ["nigdy", "wiecej"]


def test_a_name_in_lower_case_is_a_suggestion_with_its_capitalised_form_first() -> None:
    typos = find_typos("The servers run linux and export every pdf.")
    assert [(t.word, t.reason, t.level, t.suggestions[0]) for t in typos] == [
        ("linux", REASON_LOWER_CASE_NAME, "suggestion", "Linux"),
        ("pdf", REASON_LOWER_CASE_NAME, "suggestion", "PDF"),
    ]
    findings = lint("The servers run linux now.")
    assert [(f.level, f.match) for f in findings] == [("suggestion", "linux")]
    assert findings[0].message.startswith("Name in lower case: 'linux'")


def test_a_train_sound_is_no_repeated_word() -> None:
    assert lint("Choo choo! The night train left on time.") == []
    assert [f.rule for f in lint("The the train left on time.")] == ["spelling.repeated-word"]
