"""JSON output: a stable, versioned document (schema in docs/json-format.md)."""

from __future__ import annotations

import json

from designlint import __version__

SCHEMA_VERSION = "1"
RELATED_KEYS = ("pattern", "severity", "message", "line", "column", "end_line", "end_column", "snippet", "fingerprint")


def finding_dict(f) -> dict:
    return {
        "rule": f.rule_id,
        "pattern": f.pattern_id,
        "severity": f.severity,
        "message": f.message,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "snippet": f.snippet,
        "criteria": f.criteria,
        "notes": f.notes,
        "mitigations": f.mitigations,
        "fingerprint": f.fingerprint,
        "suppressed": f.suppressed is not None,
        "suppression_reason": f.suppressed,
        "baselined": f.baselined,
        "related": [{k: r[k] for k in RELATED_KEYS} | ({"path": r["path"]} if "path" in r else {}) for r in f.related],
    }


def render_json(result) -> str:
    active = result.active_findings
    doc = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "designlint", "version": __version__},
        "summary": {
            "files_scanned": result.files_scanned,
            "lines_scanned": result.lines_scanned,
            "languages": result.languages,
            "findings": len(active),
            "by_severity": {s: sum(1 for f in active if f.severity == s) for s in ("error", "warning", "info")},
            "suppressed": sum(1 for f in result.findings if f.suppressed is not None),
            "baselined": sum(1 for f in result.findings if f.baselined and f.suppressed is None),
            "skipped": sum(1 for d in result.diagnostics if d.kind == "skipped"),
        },
        "rules": [r.id for r in result.rules],
        "findings": [finding_dict(f) for f in result.findings],
        "diagnostics": [{"path": d.path, "kind": d.kind, "message": d.message} for d in result.diagnostics],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
