"""Markdown and HTML reader speed: 1 MB of news-like Markdown, 1 MB of markup-dense Markdown, the
eval corpus (every Markdown repo under ../shared/eval/markdown) and 1 MB of HTML. Prints CPU seconds (best of 3).

    .venv/bin/python benchmarks/readers_speed.py
"""

from __future__ import annotations

import time

from core import sources

from newslint.readers import html as html_reader
from newslint.readers import markdown as md_reader
from newslint.readers.markdown import _parser

NEWS = (
    "The city council met on Tuesday night to discuss the budget for the coming year, and "
    "members spent more than three hours on the *transport* section alone, according to "
    "[the minutes](https://example.com/minutes) published on Wednesday. Residents who spoke "
    "at the meeting said the proposed cuts to bus routes would hurt older people and "
    "students &amp; shift workers most.\nThe mayor said she would `look again` at the plan "
    "before the final vote, which is expected next month.\n\n"
)
DENSE = (
    "The *council* met on [Tuesday](https://example.com/a_(b)) to discuss the &amp; budget, "
    '`code`, <em>HTML</em> and {{< ref "x" >}} tags.\nA second line of copy follows it.\n\n'
)


def one_mb(unit: str) -> str:
    return unit * (1_000_000 // len(unit) + 1)


def best(func, *args) -> float:
    times = []
    for _ in range(3):
        start = time.process_time()
        func(*args)
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    news = one_mb("## A sub-heading\n\n" + NEWS * 6 + "- an item\n- another\n\n> A quote.\n\n")
    dense = one_mb("## Heading\n\n" + DENSE * 8 + "- item\n- item two\n\n> quoted\n\n")
    page = one_mb("<div><h2>Heading</h2><p>" + NEWS.replace("\n\n", "</p>\n<p>") + "</p></div>\n")
    for name, src in (("news-like", news), ("markup-dense", dense)):
        total = best(md_reader.read, src, "x.md")
        parser = best(_parser().parse, src, {})
        print(
            f"markdown {name:13s} {len(src) / 1e6:.2f} MB: {total:.3f}s CPU "
            f"(markdown-it block pass alone {parser:.3f}s)"
        )
    print(
        f"html     news-like     {len(page) / 1e6:.2f} MB: {best(html_reader.read, page, 'x'):.3f}s CPU"
    )
    markdown = [a for src in sources("clean") for a in src if a.fmt == "markdown"]
    if markdown:
        files = [a.read() for a in markdown]
        size = sum(len(f) for f in files)

        def read_all() -> None:
            for source in files:
                md_reader.read(source, "x.md")

        print(
            f"markdown eval corpus  {len(files)} files, {size / 1e6:.2f} MB: {best(read_all):.3f}s CPU"
        )


if __name__ == "__main__":
    main()
