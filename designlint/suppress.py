"""Suppression: inline `designlint: ignore[rule-id] reason` comments and the baseline file.

An inline suppression sits in the file's own comment syntax (`//`, `/* */`, `<!-- -->`,
`{/* */}` in JSX) on the finding's line, or alone on the line above it. It must name the rule;
a bare `designlint: ignore` suppresses nothing and is reported, and so is a suppression that
matches no finding (like ruff's RUF100). The baseline records findings by fingerprint so that
only new findings fail.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Query, QueryCursor

from designlint.errors import DesignlintError
from designlint.findings import Finding
from designlint.languages import comment_query_source, load_language
from designlint.source import SourceFile

DIRECTIVE = re.compile(r"designlint:\s*ignore(?P<ids>\[[^\]]*\])?(?P<reason>[^\n]*)")
COMMENT_CLOSERS = re.compile(r"\s*(\*/|-->|\})*\s*$")
BASELINE_VERSION = 1

META_RULES = {
    "bare-suppression": "A `designlint: ignore` comment names no rule: it suppresses nothing. Name the rule, e.g. `designlint: ignore[autoplay] reason`.",
    "unused-suppression": "A `designlint: ignore[...]` comment matches no finding (or names an unknown rule): remove it.",
}


@dataclass
class Suppression:
    line: int  # 1-based line of the comment's end
    column: int
    applies_to: tuple[int, ...]  # 1-based lines whose findings it suppresses
    rule_ids: list[str]
    reason: str
    snippet: str
    used: set[str] = field(default_factory=set)


_COMMENT_QUERIES: dict[str, Query] = {}


def _comment_query(language: str) -> Query:
    if language not in _COMMENT_QUERIES:
        _COMMENT_QUERIES[language] = Query(load_language(language), comment_query_source(language))
    return _COMMENT_QUERIES[language]


def find_suppressions(source: SourceFile) -> list[Suppression]:
    found: dict[int, Suppression] = {}
    for region in source.regions:
        if b"designlint:" not in source.data[region.start_byte : region.end_byte]:
            continue
        captures = QueryCursor(_comment_query(region.language)).captures(region.root)
        for node in captures.get("c", []):
            text = source.data[node.start_byte : node.end_byte].decode("utf-8", "replace")
            match = DIRECTIVE.search(text)
            if match is None or node.start_byte in found:
                continue
            row, col = node.start_point
            end_row = node.end_point.row
            prefix = source.lines[row][:col].decode("utf-8", "replace")
            own_line = prefix.strip() in ("", "{")
            applies = (end_row + 2,) if own_line else (row + 1,)
            ids_text = match.group("ids")
            ids = [i.strip() for i in ids_text[1:-1].split(",") if i.strip()] if ids_text else []
            reason = COMMENT_CLOSERS.sub("", match.group("reason")).strip(" -—:")
            found[node.start_byte] = Suppression(
                line=end_row + 1,
                column=col + 1,
                applies_to=applies,
                rule_ids=ids,
                reason=reason,
                snippet=source.line_text(row).strip(),
            )
    return [found[k] for k in sorted(found)]


def apply_suppressions(
    source: SourceFile, findings: list[Finding], active_rule_ids: set[str], known_rule_ids: set[str]
) -> list[Finding]:
    """Mark suppressed findings; return meta-findings about bare and unused suppressions."""
    suppressions = find_suppressions(source)
    for finding in findings:
        for sup in suppressions:
            if finding.line in sup.applies_to and finding.rule_id in sup.rule_ids:
                finding.suppressed = sup.reason or "(no reason given)"
                sup.used.add(finding.rule_id)
                break
    meta: list[Finding] = []
    for sup in suppressions:
        if not sup.rule_ids:
            meta.append(_meta(source, sup, "bare-suppression", "bare `designlint: ignore` names no rule and suppresses nothing"))
            continue
        for rule_id in sup.rule_ids:
            if rule_id not in known_rule_ids:
                meta.append(_meta(source, sup, "unused-suppression", f"suppression names unknown rule '{rule_id}'"))
            elif rule_id in active_rule_ids and rule_id not in sup.used:
                meta.append(_meta(source, sup, "unused-suppression", f"unused suppression: no '{rule_id}' finding here"))
    return meta


def _meta(source: SourceFile, sup: Suppression, rule_id: str, message: str) -> Finding:
    return Finding(
        rule_id=rule_id,
        pattern_id=rule_id,
        severity="warning",
        message=message,
        path=source.path.as_posix(),
        line=sup.line,
        column=sup.column,
        end_line=sup.line,
        end_column=sup.column,
        column_utf16=sup.column,
        end_column_utf16=sup.column,
        snippet=sup.snippet,
        criteria=[],
    )


# --- baseline ---------------------------------------------------------------------------


def write_baseline(path: Path, findings: list[Finding]) -> str:
    """Every unsuppressed finding, and every site folded into one, by fingerprint."""
    entries = [
        {"fingerprint": site["fingerprint"], "rule": f.rule_id, "path": site.get("path", f.path), "line": site["line"], "snippet": site["snippet"]}
        for f in sorted(findings, key=lambda f: f.sort_key)
        if f.suppressed is None
        for site in [{"fingerprint": f.fingerprint, "line": f.line, "snippet": f.snippet}, *f.related]
    ]
    return json.dumps({"version": BASELINE_VERSION, "tool": "designlint", "findings": entries}, indent=2) + "\n"


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DesignlintError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DesignlintError(f"{path}: baseline is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise DesignlintError(f"{path}: not a designlint baseline (version {BASELINE_VERSION} with a 'findings' list)")
    prints = set()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise DesignlintError(f"{path}: baseline entry without a fingerprint: {entry!r}"[:200])
        prints.add(entry["fingerprint"])
    return prints
