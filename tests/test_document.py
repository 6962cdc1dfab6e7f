"""The article model: plain-text blocks, header furniture, and the map back to the source."""

from __future__ import annotations

from conftest import SEED

from newslint.readers import load_document, parse


def test_seed_header_is_headline_byline_dateline() -> None:
    doc = load_document(str(SEED))
    kinds = [b.kind for b in doc.blocks[:4]]
    assert kinds == ["headline", "byline", "dateline", "body"]
    assert doc.text[doc.blocks[1].start : doc.blocks[1].end] == "Minnie Murray"


def test_every_offset_maps_back_to_the_same_character() -> None:
    doc = load_document(str(SEED))
    for block in doc.blocks:
        for i in range(block.start, block.end):
            assert doc.source[doc.source_offset(i)] == doc.text[i]


def test_line_and_column_of_a_word() -> None:
    doc = load_document(str(SEED))
    line, column = doc.line_col(doc.text.index("takover"))
    source_line = SEED.read_text(encoding="utf-8").splitlines()[line - 1]
    assert source_line[column - 1 : column - 1 + len("takover")] == "takover"


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = (
        "The council met on Monday to discuss the budget for the coming year and\n"
        "voted to approve it after a long debate about school funding and roads.\n"
    )
    doc = parse(text, "x.txt", "text", detect_header=False)
    assert len(doc.blocks) == 1


def test_scraped_lines_are_separate_blocks() -> None:
    doc = parse(
        "The vote passed.\nOther reports by\nDiscuss This Article\n",
        "x.txt",
        "text",
        detect_header=False,
    )
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "The vote passed.",
        "Other reports by",
        "Discuss This Article",
    ]


def test_crlf_and_bom_are_normalised(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffHeadline here\r\n\r\nThe council met.\r\n".encode())
    doc = load_document(str(path))
    assert doc.text.startswith("Headline here")
    assert doc.line_col(doc.text.index("council")) == (3, 5)


def test_non_utf8_file_is_decoded(tmp_path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Le café de la gare a fermé ses portes lundi après une longue grève.\n".encode("cp1252")
    )
    doc = load_document(str(path))
    assert "café" in doc.text and doc.encoding != "utf-8"


def _kinds(text: str) -> list[tuple[str, str]]:
    doc = parse(text, "x.txt", "text")
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def test_a_dek_reads_like_a_sentence_and_a_bare_name_is_a_byline() -> None:
    kinds = _kinds(
        "Jets pound Idlib after summit\n\n"
        "Turkey warns of a new refugee wave as the talks end without a deal\n\n"
        "Minnie Murray\n\nSeptember 9, 2018\n\nThe strikes continued on Saturday, monitors said."
    )
    assert [k for k, _ in kinds] == ["headline", "dek", "byline", "dateline", "body"]


def test_site_menu_under_the_page_title_is_not_dek_or_byline() -> None:
    kinds = _kinds(
        "Hill suffers hamstring injury - ProFootballTalk\n\n"
        "Skip to main content\n\nMiddle East\n\nLatin America\n\nWorld News\n\n"
        "The strikes continued on Saturday, monitors said."
    )
    assert [k for k, _ in kinds] == ["headline", "body", "body", "body", "body", "body"]
    kinds = _kinds("Page title here\n\nApple Store\n\nMacBook Pro\n\nThe vote passed on Monday.")
    assert [k for k, _ in kinds][:3] == ["headline", "body", "body"]


def test_a_byline_with_by_stays_a_byline_before_a_label() -> None:
    kinds = _kinds(
        "Jets pound Idlib\n\nBy Minnie Murray\n\nWorld News\n\nThe vote passed on Monday."
    )
    assert kinds[1] == ("byline", "By Minnie Murray")
