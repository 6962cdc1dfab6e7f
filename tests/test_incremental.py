"""Incremental linting (newslint.engine.incremental) gives exactly what a full lint gives.

Property tests: random edits (characters, words, paragraph breaks, quotation marks, anywhere) to
articles written for these tests, linted one after another with the same BlockHits, each
compared with a full lint of the same text, findings after the editor's filter stage included.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.engine.incremental import BlockHits, is_block_local
from newslint.frontends.lsp.linting import BaselineCache, Snapshot, lint_snapshot
from newslint.frontends.lsp.project import Project

NEWS = """Council approves new bus lanes after long debate

By Maria Okafor

RIVERTON — The city council voted 7-2 on Tuesday to build bus lanes on Harbor Street, ending
a dispute that has run for almost two years.

"This is a good day for everyone who waits in the rain," said council member Dan Reyes, who
proposed the plan. "We listened, and we will keep listening."

Opponents said the lanes would hurt shops. "Nobody asked the people who actually work here,"
said Priya Nair, who owns a bakery on the street. She said sales fell sharply during road works
last summer.

"It's not just about buses.

"It's about whether this town plans for the next twenty years or the last twenty," Reyes
added.

The lanes will be built in stages, starting in March. The work is expected to cost $4.2
million, most of it paid by a state grant. Critics have been told that the decision was made
by the the council in a rush, a claim officials deny.

Officials said that it is widely believed that the project will reduce journey times by a
fifth. Some people say it will not. The mayor, who has been criticised by residents, did not
comment.

Buy tickets now! Subscribe today for unlimited access.
"""

MARKDOWN = """---
title: Release notes for the spring update
author: Team
---

# Spring update

The new version makes the `sync` command faster and fixes a crash that was reported by
[several users](https://example.org/issues/12). We think it is a very very good release.

## What changed

- Startup is quicker on large folders.
- The settings page was redesigned by our designers.
- "It just works now," one tester said.

Thanks to everyone who sent reports. Please upgrade at your earliest convenience.
"""

#: spelling and word lists across paragraphs: a term that recurs (so it is a name), a slip, a
#: name in a quotation, loaded words and a sentence with several of them, a web page's share
#: line and a paragraph repeated
SPELLING = """Harbour trust names new chair

The trust said on Monday that Ines Vautrin, a former ferry engineer, will recieve the post in
June. Vautrin said she would start with the zanthoril pumps under the old slipway.

Critics called the plan a disgraceful, shameful waste and said the board had acted like thugs.
A spokesman said teh figures would be published later, and that the zanthoril pumps work.

Residents who use the jetty every day said they were pleased. "It is about time," said one,
Tomasz Wierzbicki, who fixes nets. "The old chair was a crony of the mayor."

The jetty will stay open to boats all through the winter months.

Share this article

The jetty will stay open to boats all through the winter months.
"""

ARTICLES = [
    (NEWS, "text", "/tmp/incremental/news.txt"),
    (MARKDOWN, "markdown", "/tmp/up/notes.md"),
    (SPELLING, "text", "/tmp/incremental/harbour.txt"),
]
PIECES = [
    *("", " ", "the ", "said ", '"', "\u201c", "\u201d", "'", "\n", "\n\n", "x", "very ", ". "),
    *("zanthoril ", "recieve ", "Vautrin ", "thugs ", "`", "shameful ", "\n\nShare this article\n"),
    "\n\nThe jetty will stay open to boats all through the winter months.\n",
]


@pytest.fixture(scope="module")
def project() -> Project:
    from newslint.analysis.lazy_spacy import install

    install()
    return Project()


def rows(outcome):  # type: ignore[no-untyped-def]
    return [
        (f.rule, f.level, f.line, f.column, f.end_line, f.end_column, f.message, f.suggestions)
        + (f.fix, tuple(sorted(r.rule for r in f.related)))
        for f in outcome.findings
    ]


def lint_both(project: Project, blocks: BlockHits, text: str, fmt: str, path: str, version: int):  # type: ignore[no-untyped-def]
    snap = Snapshot("file://" + path, version, text, path, fmt)
    baselines = BaselineCache()
    full = lint_snapshot(project.linter, snap, baselines)
    fast = lint_snapshot(project.linter, snap, baselines, blocks=blocks)
    return full, fast


edits = st.lists(
    st.tuples(
        st.floats(0, 1, allow_nan=False),  # where
        st.integers(0, 12),  # how many characters to delete
        st.sampled_from(PIECES) | st.text(alphabet="abc .,\n\"'", max_size=6),  # what to insert
    ),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(article=st.sampled_from(ARTICLES), changes=edits, first_whole=st.booleans())
def test_random_edits_give_a_full_lints_findings(
    project: Project, article, changes, first_whole
) -> None:  # type: ignore[no-untyped-def]
    text, fmt, path = article
    blocks = BlockHits(first_whole)  # first lint on the whole text, or every block alone
    full, fast = lint_both(project, blocks, text, fmt, path, 1)
    assert rows(fast) == rows(full)
    for version, (where, delete, insert) in enumerate(changes, 2):
        at = int(where * len(text))
        text = text[:at] + insert + text[at + delete :]
        full, fast = lint_both(project, blocks, text, fmt, path, version)
        assert rows(fast) == rows(full), (version, at, delete, insert)
        assert (fast.problem, fast.notice) == (full.problem, full.notice)


def test_unchanged_blocks_are_not_linted_again(project: Project) -> None:
    text, fmt, path = ARTICLES[0]
    blocks = BlockHits()
    lint_both(project, blocks, text, fmt, path, 1)
    local = [r for r in project.linter.rules_for(*_rule_inputs(project, path)) if is_block_local(r)]
    assert local, "no block-local rule is switched on: nothing incremental is tested"
    blocks.reused = blocks.linted = 0
    edited = text.replace("ending\na dispute", "ending\nan argument")
    full, fast = lint_both(project, blocks, edited, fmt, path, 2)
    assert rows(fast) == rows(full)
    assert blocks.linted == len(local)  # the one edited paragraph, once per block-local rule
    assert blocks.reused > blocks.linted


def test_a_cached_finding_moves_with_its_paragraph_and_goes_with_its_words(
    project: Project,
) -> None:
    """A block-local finding is reused when a paragraph above grows by a line (its line moves),
    and goes when its own words are edited away."""
    text, fmt, path = ARTICLES[0]
    blocks = BlockHits()
    _, fast = lint_both(project, blocks, text, fmt, path, 1)
    weasel = [r for r in rows(fast) if r[0] == "bias.weasel" and "Some people say" in r[6]]
    assert len(weasel) == 1
    grown = text.replace("ending\na dispute", "ending\nat last, after many meetings,\na dispute")
    full, fast = lint_both(project, blocks, grown, fmt, path, 2)
    assert rows(fast) == rows(full)
    moved = [r for r in rows(fast) if r[0] == "bias.weasel" and "Some people say" in r[6]]
    assert [r[2] for r in moved] == [weasel[0][2] + 1]
    edited = grown.replace("Some people say", "Two engineers said")
    full, fast = lint_both(project, blocks, edited, fmt, path, 3)
    assert rows(fast) == rows(full)
    assert not [r for r in rows(fast) if "Some people say" in r[6]]


def test_a_paragraph_edit_changes_what_another_paragraphs_words_mean(project: Project) -> None:
    """Spelling keeps each paragraph's candidate words, but whether one is reported is the
    whole document's: an unknown word that recurs is a term, and becomes a possible typo where
    its other occurrence, in another paragraph, is edited away (and the paragraph holding it
    is not linted again)."""
    text, fmt, path = ARTICLES[2]
    blocks = BlockHits()
    full, fast = lint_both(project, blocks, text, fmt, path, 1)
    assert rows(fast) == rows(full)
    assert not [r for r in rows(fast) if "zanthoril" in r[6]]
    edited = text.replace("the zanthoril pumps work", "the new pumps work")
    blocks.reused = blocks.linted = 0
    full, fast = lint_both(project, blocks, edited, fmt, path, 2)
    assert rows(fast) == rows(full)
    typos = [r for r in rows(fast) if r[0] == "spelling.typo" and "'zanthoril'" in r[6]]
    assert [(r[2], r[3]) for r in typos] == [(4, 45)]
    assert blocks.reused > blocks.linted > 0


def _rule_inputs(project: Project, path: str):  # type: ignore[no-untyped-def]
    from newslint.readers import parse

    config = project.linter.config_for(path)
    document = parse(ARTICLES[0][0], path, "text")
    choice = project.linter.choose_profile(config, document)
    return config, config.relpath(path), document.front_matter, choice.profile, choice.source_file
