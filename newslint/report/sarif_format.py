"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run with ``tool.driver.rules`` (descriptions, help text and markdown, links, default levels),
one result per finding (located by 1-based line and column, end column exclusive, in Unicode code
points), ``partialFingerprints`` that survive edits elsewhere in the file (see
:mod:`newslint.filters.baseline`), safe fixes as ``fixes``, and per-file errors as tool execution
notifications. Paths are URIs relative to the current directory (``%SRCROOT%``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from newslint import __version__
from newslint.filters.baseline import fingerprints
from newslint.report import ReportOptions

if TYPE_CHECKING:
    from newslint.engine.linter import FileResult
    from newslint.engine.rules import Rule
    from newslint.findings import Finding

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}
FINGERPRINT_KEY = "newslintFingerprint/v1"


def artifact_uri(path: str) -> dict[str, str]:
    """An artifactLocation: relative to the current directory when inside it, else a file URI."""
    if path == "-":
        return {"uri": "stdin"}
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, os.getcwd())
    if rel.startswith(".."):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


def _cwd_uri() -> str:
    return Path(os.getcwd()).as_uri().rstrip("/") + "/"


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def rule_descriptor(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    """A reportingDescriptor with the rule's description, help text and default level."""
    if rule is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    description = " ".join(rule.description.split()) or rule.message
    text = [description]
    markdown = [description]
    for title, items in (("Flags", rule.flag_examples), ("Passes", rule.pass_examples)):
        if items:
            text.append(f"{title}: " + " | ".join(items))
            markdown.append(f"**{title}:**\n\n" + "\n".join(f"- {_md(i)}" for i in items))
    voice = rule.scope.voice
    text.append(f"Scope: voice {voice}.")
    markdown.append(f"Scope: voice `{voice}`.")
    if rule.link:
        text.append(f"More: {rule.link}")
        markdown.append(f"[More about this rule]({rule.link})")
    out: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id.split(".", 1)[-1].replace("-", " ").title().replace(" ", ""),
        "shortDescription": {"text": _first_sentence(description)},
        "fullDescription": {"text": description},
        "help": {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": LEVEL[rule.level], "enabled": rule.enabled},
        "properties": {
            "tags": list(dict.fromkeys([rule.family or rule.id.split(".")[0], *rule.tags]))
        },
    }
    if rule.link:
        out["helpUri"] = rule.link
    return out


def _md(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|<>" else c for c in text)


def _result(f: Finding, index: int, fingerprint: str) -> dict[str, Any]:
    location = artifact_uri(f.path)
    region: dict[str, Any] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": max(f.end_column, f.column + 1 if f.end_line == f.line else 1),
    }
    if f.match:
        region["snippet"] = {"text": f.match}
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVEL[f.level],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if f.context:
        out["locations"][0]["physicalLocation"]["contextRegion"] = {
            "startLine": f.line,
            "snippet": {"text": f.context},
        }
    if f.related:  # folded into this result: other rules on the same words
        out["relatedLocations"] = [
            {
                "id": i,
                "message": {"text": f"{r.rule}: {r.message}"},
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {
                        "startLine": r.line,
                        "startColumn": r.column,
                        "endLine": r.end_line,
                        "endColumn": max(r.end_column, r.column + 1 if r.end_line == r.line else 1),
                    },
                },
            }
            for i, r in enumerate(f.related)
        ]
    if f.fix is not None:
        out["fixes"] = [
            {
                "description": {"text": f"Replace with '{f.fix.replacement}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": f.fix.start,
                                    "charLength": f.fix.end - f.fix.start,
                                },
                                "insertedContent": {"text": f.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return out


def as_dict(results: list[FileResult], options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    known: dict[str, Rule] = dict(options.rules)
    used = {f.rule for r in results for f in r.findings}
    ids = list(known) + sorted(used - set(known))
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    sarif_results = []
    notifications = []
    for result in results:
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": artifact_uri(result.path)}}
                    ],
                }
            )
        prints = fingerprints(result.findings)
        for f, fp in zip(result.findings, prints, strict=True):
            sarif_results.append(_result(f, index[f.rule], fp))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(i, known.get(i)) for i in ids],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                        "workingDirectory": {"uri": _cwd_uri()},
                    }
                ],
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _cwd_uri()}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def render(results: list[FileResult], options: ReportOptions) -> str:
    return json.dumps(as_dict(results, options), indent=2, ensure_ascii=False) + "\n"
