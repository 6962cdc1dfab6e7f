"""One self-contained HTML page per run, for editors who never open a terminal.

Each article is shown as its source lines with every finding highlighted in place (hover for the
rule and message), followed by its list of findings and a summary: counts by family, words,
sentences, quotations and readability figures. Check boxes filter by level and by rule; the
filter is kept in the page address (``#hide=bias.loaded,level:suggestion``), so a view can be
bookmarked or sent to a colleague. Everything is inline (no external fetch), and all text from
articles, rules and paths is escaped. Without JavaScript the page still shows every finding.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from html import escape
from typing import TYPE_CHECKING, Any

from newslint import __version__
from newslint.findings import LEVEL_RANK, LEVELS
from newslint.report import ReportOptions, describe_genre, summary

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult
    from newslint.findings import Finding

#: a finding longer than this (or over several lines) is underlined, not painted, so the
#: word-level findings inside it stay visible
WIDE_CHARS = 120
READABILITY_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG index",
    "avg_words_per_sentence": "Words per sentence",
    "avg_syllables_per_word": "Syllables per word",
}

CSS = """
:root{--err:#b91c1c;--err-bg:#fecaca;--warn:#a16207;--warn-bg:#fde68a;--sug:#1d4ed8;--sug-bg:#bfdbfe;
--ink:#1f2328;--mute:#57606a;--line:#d0d7de;--paper:#fff;--side:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--side)}
header{padding:1rem 1.5rem;background:var(--paper);border-bottom:1px solid var(--line)}
h1{margin:0 0 .25rem;font-size:1.4rem}
.layout{display:flex;align-items:flex-start;gap:1rem;padding:1rem}
#filters{position:sticky;top:1rem;flex:0 0 18rem;max-height:calc(100vh - 2rem);overflow:auto;background:var(--paper);
border:1px solid var(--line);border-radius:6px;padding:.75rem}
#filters fieldset{border:0;margin:0 0 .75rem;padding:0}
#filters legend{font-weight:600;margin-bottom:.25rem}
#filters label{display:flex;gap:.4rem;align-items:baseline;font-size:.9rem;cursor:pointer}
#filters .count{margin-left:auto;color:var(--mute)}
#filters .family{margin:.5rem 0 .1rem;font-size:.8rem;text-transform:uppercase;color:var(--mute)}
#filters button{font:inherit;font-size:.8rem;margin-right:.3rem}
main{flex:1;min-width:0}
details.doc{background:var(--paper);border:1px solid var(--line);border-radius:6px;margin-bottom:1rem}
details.doc>summary{padding:.6rem 1rem;cursor:pointer;font-weight:600;display:flex;gap:.75rem;flex-wrap:wrap}
details.doc>summary .badges{font-weight:400;color:var(--mute)}
.body{padding:0 1rem 1rem}
.facts{display:flex;flex-wrap:wrap;gap:1.5rem;margin:.25rem 0 .75rem;font-size:.9rem}
.facts table{border-collapse:collapse}
.facts caption{text-align:left;font-weight:600;padding-bottom:.2rem}
.facts td,.facts th{padding:.05rem .6rem .05rem 0;text-align:left;font-weight:400}
.facts td.n{text-align:right;font-variant-numeric:tabular-nums}
.prose{font:16px/1.7 Georgia,"Times New Roman",serif;border:1px solid var(--line);border-radius:4px;padding:.5rem 0;
background:#fffdf8;max-width:60rem}
.ln{display:flex}
.ln .no{flex:0 0 3.2rem;text-align:right;padding-right:.8rem;color:#8c959f;font:12px/2.2 ui-monospace,monospace;user-select:none}
.ln .tx{white-space:pre-wrap;overflow-wrap:anywhere;flex:1;padding-right:1rem;min-height:1.7em}
mark.hl{color:inherit;border-radius:2px;cursor:help;padding:0 1px}
mark.lvl-error{background:var(--err-bg);box-shadow:inset 0 -2px var(--err)}
mark.lvl-warning{background:var(--warn-bg);box-shadow:inset 0 -2px var(--warn)}
mark.lvl-suggestion{background:var(--sug-bg);box-shadow:inset 0 -2px var(--sug)}
mark.wide.lvl-error{background:transparent;text-decoration:underline wavy var(--err)}
mark.wide.lvl-warning{background:transparent;text-decoration:underline wavy var(--warn)}
mark.wide.lvl-suggestion{background:transparent;text-decoration:underline dotted var(--sug)}
mark.off{background:transparent;box-shadow:none;text-decoration:none;cursor:text}
ol.findings{padding-left:1.5rem;font-size:.92rem}
ol.findings li{margin:.15rem 0}
.lv{display:inline-block;min-width:5.5rem;font-weight:600}
.lv.error{color:var(--err)}.lv.warning{color:var(--warn)}.lv.suggestion{color:var(--sug)}
code{font-size:.85em;background:var(--side);padding:0 .25rem;border-radius:3px}
.err{color:var(--err);font-weight:600}
.muted{color:var(--mute)}
a.anchor{position:relative;top:-4rem}
@media (max-width:900px){.layout{flex-direction:column}#filters{position:static;flex:none;width:100%;max-height:none}}
"""

JS = r"""
(function(){
  const data = JSON.parse(document.getElementById('nl-data').textContent);
  const F = data.findings, RANK = {suggestion:0, warning:1, error:2};
  const boxes = () => Array.from(document.querySelectorAll('#filters input[type=checkbox][data-kind]'));
  function hiddenFromHash(){
    const m = /(?:^#|&)hide=([^&]*)/.exec(location.hash);
    return m ? decodeURIComponent(m[1]).split(',').filter(Boolean) : [];
  }
  function visible(){
    const levels = new Set(), rules = new Set();
    boxes().forEach(b => { if (b.checked) (b.dataset.kind === 'level' ? levels : rules).add(b.value); });
    return F.map(f => levels.has(f.l) && rules.has(f.r));
  }
  function apply(save){
    const vis = visible();
    document.querySelectorAll('li.finding').forEach(li => { li.hidden = !vis[+li.dataset.f]; });
    document.querySelectorAll('mark.hl').forEach(m => {
      const ids = m.dataset.f.split(' ').map(Number).filter(i => vis[i]);
      const narrow = ids.filter(i => !F[i].w), use = narrow.length ? narrow : ids;
      let best = null;
      use.forEach(i => { if (best === null || RANK[F[i].l] > RANK[best]) best = F[i].l; });
      m.className = 'hl ' + (best === null ? 'off' : 'lvl-' + best + (narrow.length ? '' : ' wide'));
      m.title = ids.map(i => F[i].l + ' ' + F[i].r + ': ' + F[i].m).join('\n');
    });
    const only = document.getElementById('only-flagged').checked;
    document.querySelectorAll('details.doc').forEach(d => {
      const n = d.querySelectorAll('li.finding:not([hidden])').length;
      const shown = d.querySelector('.shown');
      if (shown) shown.textContent = n + ' shown';
      d.hidden = only && n === 0 && !d.dataset.error;
    });
    const total = vis.filter(Boolean).length;
    document.getElementById('shown-total').textContent = total + ' of ' + F.length + ' findings shown';
    if (save) {
      const off = boxes().filter(b => !b.checked).map(b => (b.dataset.kind === 'level' ? 'level:' : '') + b.value);
      history.replaceState(null, '', off.length ? '#hide=' + encodeURIComponent(off.join(',')) : location.pathname + location.search);
    }
  }
  function fromHash(){
    const hide = new Set(hiddenFromHash());
    boxes().forEach(b => { b.checked = !hide.has((b.dataset.kind === 'level' ? 'level:' : '') + b.value); });
    apply(false);
  }
  boxes().forEach(b => b.addEventListener('change', () => apply(true)));
  window.addEventListener('hashchange', fromHash);
  document.getElementById('only-flagged').addEventListener('change', () => apply(false));
  document.querySelectorAll('#filters button[data-set]').forEach(btn => btn.addEventListener('click', () => {
    boxes().filter(b => b.dataset.kind === 'rule').forEach(b => { b.checked = btn.dataset.set === 'all'; });
    apply(true);
  }));
  window.newslintReport = {apply: apply, visible: visible, findings: F};
  fromHash();
})();
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _json_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def read_source_lines(path: str) -> list[str] | None:
    """The article's source lines as the linter saw them (newlines normalized)."""
    if path == "-":
        return None
    from newslint.errors import InputError
    from newslint.readers import decode

    try:
        with open(path, "rb") as handle:
            source, _ = decode(handle.read(), path)
    except (OSError, InputError):
        return None
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _is_wide(f: Finding) -> bool:
    return f.end_line != f.line or (f.end_column - f.column) > WIDE_CHARS


Span = tuple[int, int, int, bool]  # start, end, finding id, first line of the finding


def _line_spans(findings: list[tuple[int, Finding]], lines: list[str]) -> dict[int, list[Span]]:
    """Per 0-based line: character spans of the findings on it."""
    spans: dict[int, list[Span]] = {}
    for fid, f in findings:
        first, last = f.line - 1, max(f.end_line, f.line) - 1
        if first >= len(lines):
            continue
        last = min(last, len(lines) - 1)
        for n in range(first, last + 1):
            text = lines[n]
            start = f.column - 1 if n == first else 0
            end = f.end_column - 1 if n == last else len(text)
            start = min(max(start, 0), len(text))
            end = min(max(end, start), len(text))
            if end == start:  # an empty span still needs a visible spot
                if start < len(text):
                    end = start + 1
                elif n != first:
                    continue
            spans.setdefault(n, []).append((start, end, fid, n == first))
    return spans


def _render_line(text: str, spans: list[Span], findings: dict[int, Finding]) -> str:
    """A source line with highlight marks; overlapping findings split it into segments."""
    cuts = {0, len(text)}
    starts: dict[int, list[int]] = {}
    for s, e, fid, first in spans:
        cuts.update((s, e))
        if first:
            starts.setdefault(s, []).append(fid)
    points = sorted(cuts)
    out: list[str] = []
    empty = [fid for s, e, fid, _ in spans if s == e]
    for a, b in zip(points, [*points[1:], None], strict=True):
        out.extend(f'<a class="anchor" id="f-{fid}"></a>' for fid in starts.get(a, []))
        if b is None:
            break
        segment = text[a:b]
        covering = [fid for s, e, fid, _ in spans if s <= a and b <= e and s < e]
        if covering:
            out.append(_mark(segment, covering, findings))
        else:
            out.append(_e(segment))
    if empty:
        out.append(_mark("\u00b6", empty, findings))
    return "".join(out)


def _mark(segment: str, ids: list[int], findings: dict[int, Finding]) -> str:
    narrow = [i for i in ids if not _is_wide(findings[i])]
    use = narrow or ids
    level = max((findings[i].level for i in use), key=LEVEL_RANK.__getitem__)
    cls = f"hl lvl-{level}" + ("" if narrow else " wide")
    title = "\n".join(f"{findings[i].level} {findings[i].rule}: {findings[i].message}" for i in ids)
    return (
        f'<mark class="{cls}" data-f="{" ".join(map(str, ids))}" title="{_e(title)}">'
        f"{_e(segment)}</mark>"
    )


def _facts(result: FileResult) -> str:
    by_family = Counter(f.family for f in result.findings)
    parts = []
    rows = (
        "".join(
            f'<tr><th scope="row">{_e(fam)}</th><td class="n">{n}</td></tr>'
            for fam, n in sorted(by_family.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        or '<tr><td class="muted">none</td></tr>'
    )
    parts.append(f"<table><caption>Findings by family</caption>{rows}</table>")
    stats = result.stats or {}
    plain = [
        (k, v) for k, v in stats.items() if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    if plain:
        rows = "".join(
            f'<tr><th scope="row">{_e(k.replace("_", " ").capitalize())}</th><td class="n">{_e(v)}</td></tr>'
            for k, v in plain
        )
        parts.append(f"<table><caption>Article</caption>{rows}</table>")
    readability = stats.get("readability")
    if isinstance(readability, dict) and readability:
        rows = "".join(
            f'<tr><th scope="row">{_e(READABILITY_LABELS.get(k, k.replace("_", " ").capitalize()))}'
            f'</th><td class="n">{_e(v)}</td></tr>'
            for k, v in readability.items()
        )
        parts.append(f"<table><caption>Readability</caption>{rows}</table>")
    return '<div class="facts">' + "".join(parts) + "</div>"


def _finding_item(fid: int, f: Finding) -> str:
    extra = ""
    shown = [s for s in f.suggestions[:3] if s and f"'{s}'" not in f.message]
    if shown:
        extra = " <span class=muted>(suggestion: " + ", ".join(_e(s) for s in shown) + ")</span>"
    if f.related:
        extra += (
            " <span class=muted>(same words: "
            + "; ".join(f"<code>{_e(r.rule)}</code> {_e(r.message)}" for r in f.related)
            + ")</span>"
        )
    return (
        f'<li class="finding" data-f="{fid}" data-rule="{_e(f.rule)}" data-level="{_e(f.level)}">'
        f'<a href="#f-{fid}">{f.line}:{f.column}</a> <span class="lv {_e(f.level)}">{_e(f.level)}</span> '
        f"<code>{_e(f.rule)}</code> {_e(f.message)}{extra}</li>"
    )


def _article(index: int, result: FileResult, first_id: int) -> str:
    ids = list(range(first_id, first_id + len(result.findings)))
    by_id = dict(zip(ids, result.findings, strict=True))
    counts = Counter(f.level for f in result.findings)
    badges = (
        ", ".join(f"{counts[lv]} {lv}" for lv in reversed(LEVELS) if counts[lv]) or "no findings"
    )
    is_open = " open" if result.findings or result.error else ""
    err_attr = ' data-error="1"' if result.error else ""
    head = (
        f'<details class="doc" id="doc-{index}"{is_open}{err_attr}><summary>{_e(result.path)}'
        f'<span class="badges">{_e(badges)}'
        + (' · <span class="shown"></span>' if result.findings else "")
        + "</span></summary><div class=body>"
    )
    body = []
    if result.error:
        body.append(f'<p class="err">{_e(result.error)}</p>')
    if result.genre:
        body.append(f'<p class="genre muted">{_e(describe_genre(result.genre).capitalize())}</p>')
    body.append(_facts(result))
    lines = read_source_lines(result.path)
    if lines is not None and not result.error:
        spans = _line_spans(list(by_id.items()), lines)
        rows = [
            f'<div class="ln"><span class="no">{n + 1}</span><span class="tx">'
            f"{_render_line(text, spans.get(n, []), by_id)}</span></div>"
            for n, text in enumerate(lines)
        ]
        while rows and not lines[len(rows) - 1].strip() and (len(rows) - 1) not in spans:
            rows.pop()
        body.append('<div class="prose">' + "".join(rows) + "</div>")
    elif lines is None and result.findings:
        body.append('<p class="muted">The article text is not available (standard input).</p>')
    if result.findings:
        body.append(
            '<ol class="findings">'
            + "".join(_finding_item(i, f) for i, f in by_id.items())
            + "</ol>"
        )
    return head + "".join(body) + "</div></details>"


def _filters(results: list[FileResult], options: ReportOptions) -> str:
    by_level = Counter(f.level for r in results for f in r.findings)
    by_rule = Counter(f.rule for r in results for f in r.findings)
    out = ['<nav id="filters" aria-label="Filters"><fieldset><legend>Level</legend>']
    for level in reversed(LEVELS):
        out.append(
            f'<label><input type="checkbox" data-kind="level" value="{level}" checked>'
            f'<span class="lv {level}">{level}</span><span class="count">{by_level[level]}</span></label>'
        )
    out.append(
        "</fieldset><fieldset><legend>Rule</legend><div>"
        '<button type="button" data-set="all">all</button>'
        '<button type="button" data-set="none">none</button></div>'
    )
    family = None
    for rule_id in sorted(by_rule):
        fam = rule_id.split(".", 1)[0]
        if fam != family:
            family = fam
            out.append(f'<div class="family">{_e(fam)}</div>')
        rule = options.rules.get(rule_id)
        tip = (
            " ".join(rule.description.split()) if rule is not None and rule.description else rule_id
        )
        out.append(
            f'<label title="{_e(tip)}"><input type="checkbox" data-kind="rule" value="{_e(rule_id)}" checked>'
            f'<code>{_e(rule_id)}</code><span class="count">{by_rule[rule_id]}</span></label>'
        )
    if not by_rule:
        out.append('<p class="muted">no findings</p>')
    out.append(
        '</fieldset><fieldset><legend>Articles</legend><label><input type="checkbox" id="only-flagged">'
        "only articles with shown findings</label></fieldset></nav>"
    )
    return "".join(out)


def render(results: list[FileResult], options: ReportOptions) -> str:
    s = summary(results)
    lv = s["by_level"]
    findings_data = []
    articles = []
    next_id = 0
    for index, result in enumerate(results):
        for f in result.findings:
            findings_data.append({"r": f.rule, "l": f.level, "m": f.message, "w": _is_wide(f)})
        articles.append(_article(index, result, next_id))
        next_id += len(result.findings)
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    headline = (
        f"{s['findings']} findings ({lv['error']} errors, {lv['warning']} warnings, "
        f"{lv['suggestion']} suggestions) in {s['files']} article{'s' if s['files'] != 1 else ''}"
    )
    if s["file_errors"]:
        headline += f"; {s['file_errors']} could not be checked"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>newslint report: {_e(headline)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>newslint report</h1><p>{_e(headline)} · <span id=shown-total></span></p>"
        f'<p class="muted">Generated by newslint {_e(__version__)} on {_e(when)}. Hover over a '
        "highlight for the rule and message; use the boxes on the left to show or hide rules "
        "and levels.</p></header>"
        f'<div class="layout">{_filters(results, options)}<main>{"".join(articles)}</main></div>'
        f'<script type="application/json" id="nl-data">{_json_script({"findings": findings_data})}'
        f"</script><script>{JS}</script></body></html>\n"
    )
