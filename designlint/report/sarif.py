"""SARIF 2.1.0 output, within GitHub code scanning's ingestion rules: relative URIs with a
uriBaseId, 1-based regions in UTF-16 columns, partialFingerprints, and driver rules with
helpUri, help.markdown, tags and a default level."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from designlint import __version__
from designlint.criteria import builtin_criteria
from designlint.docs import REPOSITORY_URL, help_uri, rule_markdown
from designlint.findings import related_place
from designlint.suppress import META_RULES

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_TAGS = 20


def _rule_descriptor(rule, catalog) -> dict:
    tags = ["wellbeing", *rule.tags, *rule.criteria][:MAX_TAGS]
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.name},
        "fullDescription": {"text": rule.summary[:1024]},
        "helpUri": help_uri(rule.id),
        "help": {"text": rule.summary, "markdown": rule_markdown(rule, catalog)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": tags, "precision": "high", "problem.severity": "recommendation" if rule.severity == "info" else rule.severity},
    }


def _meta_descriptor(rule_id: str) -> dict:
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split("-")),
        "shortDescription": {"text": rule_id.replace("-", " ").capitalize()},
        "fullDescription": {"text": META_RULES[rule_id]},
        "helpUri": REPOSITORY_URL + "#suppressing-findings",
        "help": {"text": META_RULES[rule_id], "markdown": META_RULES[rule_id]},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["designlint"]},
    }


def _artifact(path: str) -> dict:
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def _related_location(path: str, index: int, r: dict) -> dict:
    return {
        "id": index,
        "message": {"text": r["message"]},
        "physicalLocation": {
            "artifactLocation": _artifact(path),
            "region": {"startLine": r["line"], "startColumn": r["column_utf16"], "endLine": r["end_line"], "endColumn": max(r["end_column_utf16"], 1)},
        },
    }


def _result(f, rule_index: dict[str, int], with_baseline: bool) -> dict:
    extras = [*f.notes, *(f"mitigated: {m}" for m in f.mitigations)]
    if f.related:  # `[text](id)` links to relatedLocations in GitHub's rendering
        extras.append("also " + ", ".join(f"[{related_place(f, r)}]({i})" for i, r in enumerate(f.related, start=1)))
    result = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index[f.rule_id],
        "level": LEVELS[f.severity],
        "message": {"text": f.message + (f" ({'; '.join(extras)})" if extras else "") + "."},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(f.path),
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column_utf16,
                        "endLine": f.end_line,
                        "endColumn": max(f.end_column_utf16, 1),
                        "snippet": {"text": f.snippet},
                    },
                }
            }
        ],
        "partialFingerprints": {"designlint/v1": f.fingerprint},
        "properties": {"criteria": f.criteria, "pattern": f.pattern_id},
    }
    if f.related:
        result["relatedLocations"] = [_related_location(r.get("path", f.path), i, r) for i, r in enumerate(f.related, start=1)]
    if f.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
    if with_baseline:
        result["baselineState"] = "unchanged" if f.baselined else "new"
    return result


def render_sarif(result, baseline_used: bool = False) -> str:
    catalog = builtin_criteria()
    descriptors = [_rule_descriptor(r, catalog) for r in result.rules]
    used_meta = sorted({f.rule_id for f in result.findings if f.rule_id in META_RULES})
    descriptors += [_meta_descriptor(m) for m in used_meta]
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    with_baseline = any(f.baselined for f in result.findings) or baseline_used
    results = [
        _result(f, rule_index, with_baseline) for f in result.findings if f.rule_id in rule_index
    ]
    notifications = [
        {
            "level": "error" if d.kind == "internal-error" else "warning" if d.kind in ("skipped", "warning") else "note",
            "message": {"text": f"{d.kind}: {d.message}"},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(d.path)}}],
        }
        for d in result.diagnostics
    ]
    invocation = {
        "executionSuccessful": not any(d.kind == "internal-error" for d in result.diagnostics),
        "toolExecutionNotifications": notifications,
    }
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "designlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": REPOSITORY_URL,
                        "rules": descriptors,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "invocations": [invocation],
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
