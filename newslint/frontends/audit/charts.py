"""The dashboard's panels: a Vega-Lite chart (built with altair) and the table behind it.

Every panel's table holds the numbers the chart draws, with links down to example documents;
the page renders the charts with the Vega libraries inlined (:mod:`.dashboard`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newslint.frontends.audit.figures import (
    BOILERPLATE,
    LOADED_RULE,
    DocKey,
    Figures,
    Tally,
)

WIDTH = 640
SPARK = "▁▂▃▄▅▆▇█"


@dataclass
class Panel:
    """One chart with its table: ``rows`` hold text cells and, last, example documents."""

    key: str
    title: str
    note: str
    spec: dict[str, Any] | None
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    examples: list[list[DocKey]] = field(default_factory=list)


def _chart(chart: Any) -> dict[str, Any]:
    spec: dict[str, Any] = chart.properties(width=WIDTH).to_dict()
    return spec


def _ranked_bars(
    values: list[dict[str, Any]],
    category: str,
    measure: tuple[str, str],
    tooltip: list[str],
    *,
    category_title: str | None = None,
    color: str | None = None,
    row_height: int | None = None,
) -> Any:
    """Horizontal bars, longest first: one bar per ``category`` value, ``measure`` is (field,
    axis title); ``row_height`` sizes the chart to its rows."""
    import altair as alt

    field, title = measure
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(**({"color": color} if color else {}))
        .encode(
            x=alt.X(f"{field}:Q", title=title),
            y=alt.Y(f"{category}:N", sort="-x", title=category_title),
            tooltip=tooltip,
        )
    )
    if row_height:
        chart = chart.properties(height=max(60, row_height * len(values)))
    return chart


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def sparkline(values: list[int]) -> str:
    """A trend as block characters (one per period)."""
    top = max(values, default=0)
    if not top:
        return SPARK[0] * len(values)
    return "".join(
        SPARK[min(len(SPARK) - 1, int(v * (len(SPARK) - 1) / top + 0.5))] for v in values
    )


def panels(figures: Figures) -> list[Panel]:
    """Every panel of the dashboard, in page order."""
    out = [families_over_time(figures)]
    out.extend(families_by_group(figures, group) for group in figures.groups)
    out.append(loaded_words(figures))
    out.append(boilerplate(figures))
    out.append(sourcing(figures))
    out.append(genre_mix(figures))
    return out


def _period_label(figures: Figures) -> str:
    return {"year": "year", "month": "month"}.get(figures.granularity, "period")


def families_over_time(figures: Figures) -> Panel:
    import altair as alt

    fams = figures.families
    headers = [
        _period_label(figures),
        "documents",
        "words",
        *(f"{f} /1,000" for f in fams),
        "examples",
    ]
    panel = Panel(
        "families-time",
        "Findings per 1,000 words by family, over time",
        "",
        None,
        headers,
    )
    data = []
    periods = sorted(figures.periods.items())
    for period, tally in periods:
        panel.rows.append(
            [
                period,
                f"{tally.docs:,}",
                f"{tally.words:,}",
                *(_fmt(tally.per_1000(f)) for f in fams),
            ]
        )
        panel.examples.append(tally.examples.docs())
        for f in fams:
            data.append(
                {
                    "period": period,
                    "family": f,
                    "per_1000": tally.per_1000(f),
                    "findings": tally.families[f],
                }
            )
    total = figures.total
    panel.rows.append(
        ["all", f"{total.docs:,}", f"{total.words:,}", *(_fmt(total.per_1000(f)) for f in fams)]
    )
    panel.examples.append(total.examples.docs())
    if len(periods) > 1:
        panel.note = f"By {_period_label(figures)} of the {figures.date_column!r} column" + (
            f"; {figures.undated:,} documents without a usable date are left out."
            if figures.undated
            else "."
        )
        spec = _chart(
            alt.Chart(alt.Data(values=data))
            .mark_line(point=True)
            .encode(
                x=alt.X("period:O", title=_period_label(figures)),
                y=alt.Y("per_1000:Q", title="findings per 1,000 words"),
                color=alt.Color("family:N", title="family"),
                tooltip=["period:O", "family:N", "per_1000:Q", "findings:Q"],
            )
            .properties(height=280)
        )
    else:
        panel.note = (
            "No dates to chart over time (name the date metadata with --date-column); "
            "the figures for every document."
            if len(periods) == 0
            else f"All dated documents fall in one {_period_label(figures)}."
        )
        bars = [
            {"family": f, "per_1000": total.per_1000(f), "findings": total.families[f]}
            for f in fams
        ]
        spec = _chart(
            _ranked_bars(
                bars,
                "family",
                ("per_1000", "findings per 1,000 words"),
                ["family:N", "per_1000:Q", "findings:Q"],
                category_title="family",
            )
        )
    panel.spec = spec
    return panel


def families_by_group(figures: Figures, group: str) -> Panel:
    import altair as alt

    fams = figures.families
    values = figures.groups[group]
    shown = len(values)
    size = figures.group_sizes.get(group, shown)
    panel = Panel(
        f"families-{group}",
        f"Findings per 1,000 words by family and {group}",
        f"The {shown} {group} values with the most documents"
        + (f" (of {size:,})." if size > shown else ".")
        + (" A document with several values counts under each." if group else ""),
        None,
        [group, "documents", "words", *(f"{f} /1,000" for f in fams), "examples"],
    )
    data = []
    for value, tally in values.items():
        panel.rows.append(
            [value, f"{tally.docs:,}", f"{tally.words:,}", *(_fmt(tally.per_1000(f)) for f in fams)]
        )
        panel.examples.append(tally.examples.docs())
        for f in fams:
            data.append(
                {
                    "value": value,
                    "family": f,
                    "per_1000": tally.per_1000(f),
                    "documents": tally.docs,
                }
            )
    order = list(values)
    base = alt.Chart(alt.Data(values=data)).encode(
        x=alt.X("family:N", title="family"),
        y=alt.Y("value:N", sort=order, title=group),
    )
    heat = base.mark_rect().encode(
        color=alt.Color("per_1000:Q", title="per 1,000 words", scale=alt.Scale(scheme="oranges")),
        tooltip=["value:N", "family:N", "per_1000:Q", "documents:Q"],
    )
    text = base.mark_text(fontSize=10).encode(text=alt.Text("per_1000:Q", format=".1f"))
    panel.spec = _chart(alt.layer(heat, text).properties(height=max(80, 22 * len(order))))
    return panel


def loaded_words(figures: Figures) -> Panel:
    import altair as alt

    periods = sorted(figures.periods)
    words_by_period = {p: figures.periods[p].words for p in periods}
    panel = Panel(
        "loaded-words",
        "Top loaded words, with neutral alternatives and trend",
        f"{figures.loaded_total:,} {LOADED_RULE} findings in all"
        f" ({_fmt(1000 * figures.loaded_total / figures.words if figures.words else 0)} per"
        " 1,000 words); the alternatives are the rule's suggestions."
        + (
            f" Trend: findings per {_period_label(figures)}, {periods[0]} to {periods[-1]}."
            if len(periods) > 1
            else ""
        ),
        None,
        ["word", "findings", "documents", "per 1,000 words", "alternatives", "trend", "examples"],
    )
    bars = []
    lines = []
    for rank, (word, tally) in enumerate(figures.words_loaded.items()):
        alternatives = ", ".join(a for a, _ in tally.alternatives.most_common(3)) or "-"
        trend = [tally.by_period.get(p, 0) for p in periods]
        panel.rows.append(
            [
                word,
                f"{tally.count:,}",
                f"{tally.docs:,}",
                _fmt(1000 * tally.count / figures.words if figures.words else 0, 3),
                alternatives,
                sparkline(trend) if len(periods) > 1 else "-",
            ]
        )
        panel.examples.append(tally.examples.docs())
        bars.append({"word": word, "findings": tally.count, "alternatives": alternatives})
        if rank < 5:
            for p in periods:
                w = words_by_period[p]
                lines.append(
                    {
                        "word": word,
                        "period": p,
                        "per_1000": round(1000 * tally.by_period.get(p, 0) / w, 4) if w else 0,
                    }
                )
    bar = _ranked_bars(
        bars,
        "word",
        ("findings", "findings"),
        ["word:N", "findings:Q", "alternatives:N"],
        color="#c2410c",
        row_height=18,
    )
    if len(periods) > 1 and lines:
        trend = (
            alt.Chart(alt.Data(values=lines))
            .mark_line(point=True)
            .encode(
                x=alt.X("period:O", title=_period_label(figures)),
                y=alt.Y("per_1000:Q", title="per 1,000 words"),
                color=alt.Color("word:N", title="top five"),
                tooltip=["word:N", "period:O", "per_1000:Q"],
            )
            .properties(height=200, width=WIDTH)
        )
        panel.spec = alt.vconcat(bar.properties(width=WIDTH), trend).to_dict()
    else:
        panel.spec = _chart(bar)
    return panel


def boilerplate(figures: Figures) -> Panel:

    linted = figures.total.docs
    panel = Panel(
        "boilerplate",
        "Boilerplate leaks by kind",
        f"Web-page furniture left in the copy ({BOILERPLATE} rules), in {linted:,} linted documents.",
        None,
        ["kind (rule)", "findings", "documents", "share of documents", "examples"],
    )
    data = []
    for rule, leak in figures.leaks.items():
        share = leak.docs / linted if linted else None
        panel.rows.append([rule, f"{leak.count:,}", f"{leak.docs:,}", _pct(share)])
        panel.examples.append(leak.examples.docs())
        data.append({"rule": rule, "findings": leak.count, "documents": leak.docs})
    panel.spec = _chart(
        _ranked_bars(
            data,
            "rule",
            ("findings", "findings"),
            ["rule:N", "findings:Q", "documents:Q"],
            color="#7c3aed",
            row_height=22,
        )
    )
    return panel


def sourcing(figures: Figures) -> Panel:
    import altair as alt

    periods = sorted(figures.periods.items())
    panel = Panel(
        "sourcing",
        "Orphan quotations and unnamed sources",
        "Orphan rate: quotations no speaker owns, of all quotations. Unnamed share: sources"
        " described without a name ('officials'), of all sources quoted.",
        None,
        [
            _period_label(figures),
            "quotations",
            "orphans",
            "orphan rate",
            "named sources",
            "unnamed sources",
            "unnamed share",
            "examples",
        ],
    )
    data = []

    def add(label: str, tally: Tally) -> None:
        panel.rows.append(
            [
                label,
                f"{tally.quotes:,}",
                f"{tally.orphans:,}",
                _pct(tally.orphan_rate),
                f"{tally.named:,}",
                f"{tally.unnamed:,}",
                _pct(tally.unnamed_share),
            ]
        )
        panel.examples.append(tally.orphan_examples.docs())
        for measure, value in (
            ("orphan-quotation rate", tally.orphan_rate),
            ("unnamed-source share", tally.unnamed_share),
        ):
            if value is not None:
                data.append({"period": label, "measure": measure, "rate": value})

    for period, tally in periods:
        add(period, tally)
    if len(periods) > 1:
        spec = (
            alt.Chart(alt.Data(values=list(data)))
            .mark_line(point=True)
            .encode(
                x=alt.X("period:O", title=_period_label(figures)),
                y=alt.Y("rate:Q", title="share", axis=alt.Axis(format="%")),
                color=alt.Color("measure:N", title=None),
                tooltip=["period:O", "measure:N", alt.Tooltip("rate:Q", format=".1%")],
            )
            .properties(height=240)
        )
        add("all", figures.total)
    else:
        data.clear()
        add("all", figures.total)
        spec = (
            alt.Chart(alt.Data(values=data))
            .mark_bar()
            .encode(
                x=alt.X("rate:Q", title="share", axis=alt.Axis(format="%")),
                y=alt.Y("measure:N", title=None),
                tooltip=["measure:N", alt.Tooltip("rate:Q", format=".1%")],
            )
        )
    panel.spec = _chart(spec)
    return panel


def genre_mix(figures: Figures) -> Panel:
    import altair as alt

    total = figures.total
    genres = total.genres.most_common()
    detected = any(g != "unknown" for g, _ in genres)
    panel = Panel(
        "genre",
        "Genre mix",
        "The genre newslint detected for each document (news, opinion, blog, how-to, press"
        " release, Q&A)."
        if detected
        else "This newslint records no genre for these documents: all are 'unknown'.",
        None,
        ["genre", "documents", "share", "examples"],
    )
    for genre, n in genres:
        panel.rows.append([genre, f"{n:,}", _pct(n / total.docs if total.docs else None)])
        top = figures.genre_examples.get(genre)
        panel.examples.append(top.docs() if top else [])
    periods = sorted(figures.periods.items())
    if len(periods) > 1:
        data = [
            {"period": p, "genre": g, "documents": n}
            for p, tally in periods
            for g, n in tally.genres.items()
        ]
        spec = (
            alt.Chart(alt.Data(values=data))
            .mark_bar()
            .encode(
                x=alt.X("period:O", title=_period_label(figures)),
                y=alt.Y(
                    "documents:Q",
                    stack="normalize",
                    title="share of documents",
                    axis=alt.Axis(format="%"),
                ),
                color=alt.Color("genre:N", title="genre"),
                tooltip=["period:O", "genre:N", "documents:Q"],
            )
            .properties(height=240)
        )
    else:
        data = [{"genre": g, "documents": n} for g, n in genres]
        spec = _ranked_bars(data, "genre", ("documents", "documents"), ["genre:N", "documents:Q"])
    panel.spec = _chart(spec)
    return panel
