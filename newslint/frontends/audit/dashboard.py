"""``DIR/dashboard.html``: one self-contained page of an audit's charts and tables.

Nothing is fetched when the page is opened: the Vega, Vega-Lite and vega-embed libraries are
inlined (the bundle vl-convert makes from the copies it ships, built once per version and kept in
newslint's user cache), the chart specifications and their data sit in the page, and the styles
are inline. Every chart has the table of its numbers under it, with links down to example
documents listed at the end of the page. Article text and metadata are escaped.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newslint import __version__
from newslint.frontends.audit.charts import Panel, panels
from newslint.frontends.audit.figures import Example, Figures, aggregate, anchor
from newslint.storage.atomic import replace_file

PAGE = "dashboard.html"


def write_dashboard(
    root: Path,
    meta: Sequence[str],
    date_column: str | None = None,
    group_by: Sequence[str] | None = None,
) -> Path:
    """Aggregate the audit in ``root`` and write its dashboard; returns the page's path."""
    figures = aggregate(root, meta, date_column, group_by)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    page = render(figures, panels(figures), manifest)
    path = root / PAGE
    replace_file(path, page.encode("utf-8"))
    return path


def vega_bundle() -> str:
    """vega-embed, Vega-Lite and Vega as one script that defines ``window.vegaEmbed``."""
    from importlib.metadata import version

    import altair
    import vl_convert

    from newslint.storage.disk_cache import cached_bytes

    vl = ".".join(altair.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    key = re.sub(r"[^0-9a-zA-Z]", "", f"vlc{version('vl-convert-python')}vl{vl}")
    blob = cached_bytes(
        "vega-bundle", key, lambda: vl_convert.javascript_bundle(vl_version=vl).encode("utf-8")
    )
    return blob.decode("utf-8")


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _summary(figures: Figures, manifest: dict[str, Any]) -> str:
    periods = sorted(figures.periods)
    span = f"{periods[0]} to {periods[-1]}" if periods else "no dates"
    facts = [
        ("documents", f"{figures.documents:,}"),
        ("linted", f"{figures.total.docs:,}"),
        ("words", f"{figures.words:,}"),
        ("findings", f"{figures.findings:,}"),
        (
            "per 1,000 words",
            f"{1000 * figures.findings / figures.words:.1f}" if figures.words else "-",
        ),
        ("dates", span),
        ("not linted (empty or not English)", f"{figures.skipped:,}"),
        ("unreadable", f"{figures.unreadable:,}"),
    ]
    cells = "".join(f"<div class=fact><b>{_e(v)}</b><span>{_e(k)}</span></div>" for k, v in facts)
    sources = ", ".join(str(s) for s in manifest.get("plan", {}).get("sources", []))
    return (
        f"<div class=facts>{cells}</div>"
        f"<p class=muted>Sources: {_e(sources)}. Audited by newslint {_e(__version__)} on"
        f" {_e(manifest.get('ran_on', ''))}; findings and per-document figures are in the"
        " Parquet datasets beside this page.</p>"
    )


def _links(docs: list[Any], examples: dict[Any, Example]) -> str:
    out = []
    for key in docs:
        example = examples.get(key)
        if example is None:
            continue
        label = os.path.basename(example.doc_id) or example.doc_id
        label = label if len(label) <= 32 else "…" + label[-31:]
        out.append(f"<a href='#{anchor(key)}'>{_e(label)}</a>")
    return "<br>".join(out) or "-"


def _panel(panel: Panel, number: int, figures: Figures) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in panel.headers)
    body = []
    for cells, docs in zip(panel.rows, panel.examples, strict=True):
        tds = "".join(
            f"<td class={'l' if i == 0 or not _numeric(c) else 'n'}>{_e(c)}</td>"
            for i, c in enumerate(cells)
        )
        body.append(f"<tr>{tds}<td class=l>{_links(docs, figures.examples)}</td></tr>")
    chart = (
        f"<div class=chart id='chart-{number}' data-spec='spec-{number}' role=img"
        f" aria-label='{_e(panel.title)}'></div>"
        f"<script type='application/json' id='spec-{number}'>{_script_json(panel.spec)}</script>"
        if panel.spec
        else ""
    )
    empty = "<p class=muted>Nothing to show.</p>" if not panel.rows else ""
    return (
        f"<section class=panel id='{_e(panel.key)}'><h2>{_e(panel.title)}</h2>"
        f"<p class=note>{_e(panel.note)}</p>{chart}{empty}"
        f"<details open><summary>Table</summary><div class=scroll><table data-panel='{_e(panel.key)}'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div></details>"
        "</section>"
    )


def _numeric(cell: Any) -> bool:
    return bool(re.fullmatch(r"[-0-9.,%]+", str(cell)))


def _example(example: Example) -> str:
    where = example.key[0] + (f", row {example.key[1]}" if example.key[1] >= 0 else "")
    facts = [f"<b>{_e(example.doc_id)}</b>"]
    if example.title:
        facts.append(_e(example.title))
    if example.date:
        facts.append(_e(example.date))
    if example.words:
        facts.append(f"{example.words:,} words")
    facts.append(f"<code>{_e(where)}</code>")
    link = ""
    if example.url and re.match(r"https?://", example.url):
        link = f" <a class=out href='{_e(example.url)}' rel='noreferrer noopener'>original</a>"
    rows = "".join(
        f"<tr><td class=l><code>{_e(f['rule'])}</code></td><td class=l>{_e(f['level'])}</td>"
        f"<td class=n>{_e(f['line'])}:{_e(f['column'])}</td><td class=l><mark>{_e(f['match'])}</mark></td>"
        f"<td class=l>{_e(f['sentence'])}</td></tr>"
        for f in example.findings
    )
    more = f"<p class=muted>and {example.more:,} more findings.</p>" if example.more else ""
    table = (
        "<table class=findings><thead><tr><th>rule</th><th>level</th><th>line</th><th>match</th>"
        f"<th>sentence</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else "<p class=muted>No findings.</p>"
    )
    return (
        f"<section class=example id='{anchor(example.key)}'><h3>{' · '.join(facts)}{link}</h3>"
        f"{table}{more}<p><a href='#top'>back to the charts</a></p></section>"
    )


STYLE = """
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1f2328;background:#f6f7f9}
header,main{max-width:1000px;margin:0 auto;padding:0 20px}
header{padding-top:18px}h1{font-size:22px;margin:0 0 10px}
.facts{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
.fact{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:6px 12px;min-width:90px}
.fact b{display:block;font-size:17px}.fact span{color:#59636e;font-size:12px}
nav a{margin-right:12px}.muted,.note{color:#59636e}
.panel,.example{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:12px 18px;margin:16px 0}
.panel h2{font-size:17px;margin:4px 0}.example h3{font-size:14px;margin:4px 0;font-weight:normal}
.chart{min-height:60px;margin:8px 0;overflow-x:auto}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:13px;margin:6px 0}
th,td{border-bottom:1px solid #e5e8eb;padding:3px 8px;vertical-align:top}th{text-align:left;background:#f6f8fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}td.l{text-align:left}
mark{background:#fde68a}code{font-size:12px}
"""

RENDER = """
(function () {
  var state = {charts: 0, rendered: 0, failed: 0, errors: []};
  window.newslintDashboard = state;
  var charts = document.querySelectorAll('div.chart');
  state.charts = charts.length;
  charts.forEach(function (el) {
    var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    vegaEmbed(el, spec, {renderer: 'svg', actions: false}).then(function () {
      el.dataset.rendered = '1'; state.rendered += 1;
    }).catch(function (err) {
      el.dataset.error = String(err); state.failed += 1; state.errors.push(String(err));
      el.textContent = 'This chart could not be drawn (' + err + '); its table is below.';
    });
  });
})();
"""


def render(figures: Figures, items: list[Panel], manifest: dict[str, Any]) -> str:
    """The whole page."""
    nav = " ".join(f"<a href='#{_e(p.key)}'>{_e(p.title)}</a>" for p in items)
    body = "".join(_panel(p, i, figures) for i, p in enumerate(items, 1))
    examples = "".join(_example(e) for e in figures.examples.values())
    bundle = vega_bundle().replace("</script", "<\\/script")
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        "<title>newslint audit</title>"
        f"<style>{STYLE}</style></head><body><header id=top><h1>newslint audit</h1>"
        f"{_summary(figures, manifest)}<nav>{nav}</nav></header><main>{body}"
        f"<h2>Example documents</h2>{examples or '<p class=muted>None.</p>'}</main>"
        f"<script>{bundle}</script><script>{RENDER}</script></body></html>"
    )
