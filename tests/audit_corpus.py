"""A small archive of our own writing for the audit tests: articles built from paragraphs that
carry what the dashboard counts (loaded words, orphan and attributed quotations, named and
unnamed sources, leaked page furniture), with dates over three years and a desk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HEADLINES = (
    "Council approves budget for road repairs",
    "Harbour pilots end two-week strike",
    "New clinic opens in the east of the city",
    "Flood defences delayed by a year",
    "School board names a new superintendent",
    "Rail operator raises fares for commuters",
)
PARAGRAPHS = (
    "The city council voted seven to two on Tuesday to spend $3 million on repairs to the"
    " ring road, which has been closed in parts since the winter storms.",
    '"We have waited long enough for this," said Maria Okafor, who chairs the transport'
    " committee. She said the work would start in the spring.",
    "Residents who live near the road were told to expect noise at night during the work.",
    'The mood in the hall was tense. "Nobody asked us about any of this, and now it is too late'
    ' to object."',
    "Officials said the contractor had not yet been chosen, and declined to say how many"
    " firms had applied.",
    "Critics called the plan a disastrous waste of money by a corrupt administration that"
    " has ignored the outer districts for years.",
    "The regime in the town hall has pushed the measure through with a bloody-minded refusal"
    " to consult residents, opponents said.",
    "The project is expected to finish by the end of next year, according to a report"
    " published by the council's planning office.",
    "Discuss This Article",
    "Stop the closures now.",
)
DESKS = ("city", "business", "health")


def article(n: int) -> dict[str, Any]:
    """Article ``n``: a headline and a few paragraphs, chosen by ``n`` (so the set varies)."""
    picked = [p for i, p in enumerate(PARAGRAPHS) if (n + i) % 3 != 0 or i == 0]
    if n % 4:
        picked = [p for p in picked if p != "Discuss This Article"]
    year = 2019 + n % 3
    return {
        "id": f"story-{n:03d}",
        "date": f"{year}-{1 + n % 12:02d}-{1 + n % 27:02d}",
        "title": HEADLINES[n % len(HEADLINES)],
        "desk": DESKS[n % len(DESKS)],
        "tags": ["local", "roads"] if n % 2 else ["local"],
        "body": HEADLINES[n % len(HEADLINES)] + "\n\n" + "\n\n".join(picked) + "\n",
    }


def write_jsonl(path: Path, count: int, extra: list[str] = ()) -> list[dict[str, Any]]:
    """``count`` articles as JSON Lines (then the raw ``extra`` lines); returns the records."""
    records = [article(n) for n in range(count)]
    lines = [json.dumps(r) for r in records] + list(extra)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return records


def write_files(folder: Path, count: int) -> list[Path]:
    """``count`` articles as text files (``count`` > 6 gives a Markdown one with front matter)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        record = article(n)
        if n % 7 == 6:
            path = folder / f"{record['id']}.md"
            front = f"---\ntitle: {record['title']}\ndate: {record['date']}\nsection: {record['desk']}\n---\n\n"
            path.write_text(front + record["body"].split("\n\n", 1)[1], encoding="utf-8")
        else:
            path = folder / f"{record['id']}.txt"
            path.write_text(record["body"], encoding="utf-8")
        paths.append(path)
    return paths
