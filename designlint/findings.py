"""Plain data that flows from the engine to the reporters: Finding and Diagnostic.

A Finding is one reported construct; its fingerprint (rule, path, normalised snippet,
occurrence) survives lines being inserted above it, for baselines and SARIF
partialFingerprints. Findings of one rule inside one named function are folded into one
finding with related sites (one behaviour, one report: a player's play() and its
setLooping(true), the branches of one streak update), and so are the findings of copies of one
unit in other files (fold_copies). A Diagnostic is something the run itself
has to say about a file: skipped, parsed with errors, or an internal error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


def lower_severity(severity: str) -> str:
    return {"error": "warning", "warning": "info"}.get(severity, "info")


def raise_severity(severity: str) -> str:
    return {"info": "warning", "warning": "error"}.get(severity, "error")


@dataclass
class Finding:
    rule_id: str
    pattern_id: str
    severity: str
    message: str
    path: str  # POSIX, relative to the working directory when possible
    line: int  # 1-based
    column: int  # 1-based, in characters
    end_line: int
    end_column: int  # 1-based, exclusive, in characters
    column_utf16: int
    end_column_utf16: int
    snippet: str  # the source lines of the finding (at most a few)
    criteria: list[str]
    notes: list[str] = field(default_factory=list)
    mitigations: list[str] = field(default_factory=list)
    fingerprint: str = ""
    suppressed: str | None = None  # the suppression reason, when suppressed inline
    baselined: bool = False
    unit: list[int] | None = None  # first and last line of the outermost named function around it, if any
    related: list[dict] = field(default_factory=list)  # sites folded into this finding (see fold_findings)
    # Digest of the unit's code (whitespace-insensitive) when the unit is big enough that two equal
    # digests mean copied code, not a shared idiom (see fold_copies); None otherwise.
    unit_digest: str | None = None
    # Digest of the prose in the unit's string literals, for rules that fold one message sent from
    # two places (`fold-same-text`: the Android and the iOS half of one reminder); None otherwise.
    text_digest: str | None = None
    # The behaviour a check says this finding is part of, across files (Verdict.fold_key), and
    # whether it is only a related site of that behaviour's start (Verdict.fold_site).
    behaviour_key: str | None = None
    behaviour_site: bool = False

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule_id, self.pattern_id, self.message)

    @property
    def active(self) -> bool:
        """Counts toward the exit code and shows in reports."""
        return self.suppressed is None and not self.baselined


@dataclass
class Diagnostic:
    """Something the run says about a file (not a finding): skips, parse errors, faults."""

    path: str
    kind: str  # skipped | parse-error | warning | internal-error
    message: str

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.kind, self.message)


def normalise_snippet(snippet: str) -> str:
    return "".join(snippet.split())


def assign_fingerprints(findings: list[Finding]) -> None:
    """Give each finding a stable fingerprint; repeats of the same snippet get an occurrence number."""
    seen: dict[tuple[str, str, str], int] = {}
    for finding in sorted(findings, key=lambda f: f.sort_key):
        key = (finding.rule_id, finding.path, normalise_snippet(finding.snippet))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256("\x1f".join([*key, str(occurrence)]).encode("utf-8")).hexdigest()
        finding.fingerprint = digest[:32]
        for site in finding.related:
            if not site.get("fingerprint"):  # a site the check named itself (Verdict.related)
                parts = [finding.rule_id, site.get("path", finding.path), normalise_snippet(site["snippet"]), "0"]
                site["fingerprint"] = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def related_site(f: Finding) -> dict:
    """What a folded finding keeps of another site of the same behaviour."""
    return {
        "pattern": f.pattern_id,
        "severity": f.severity,
        "message": f.message,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "column_utf16": f.column_utf16,
        "end_column_utf16": f.end_column_utf16,
        "snippet": f.snippet,
        "fingerprint": f.fingerprint,
    }


def related_place(f: Finding, r: dict) -> str:
    """`line 63` for a site in the finding's own file, `other/File.kt line 63` for a copy elsewhere."""
    path = r.get("path")
    return f"{path} line {r['line']}" if path and path != f.path else f"line {r['line']}"


def related_text(f: Finding) -> str:
    """`also line 63: <message>; line 90: <message>` for a folded finding, else ""."""
    if not f.related:
        return ""
    return "also " + "; ".join(f"{related_place(f, r)}: {r['message']}" for r in f.related)


def fold_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and named function (outside functions: per rule and line): the others
    of the group become `related` sites of the most severe (then first) one. Suppressed and
    baselined findings are folded only with their own kind."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        unit = ("function", *f.unit) if f.unit is not None else ("line", f.line)
        key = (f.path, f.rule_id, unit, f.suppressed is None, f.baselined)
        groups.setdefault(key, []).append(f)
    kept: list[Finding] = []
    for group in groups.values():
        group.sort(key=lambda f: (-SEVERITY_ORDER.get(f.severity, 0), f.sort_key))
        primary = group[0]
        primary.related = [*primary.related, *(site for f in sorted(group[1:], key=lambda f: f.sort_key) for site in [related_site(f), *f.related])]
        kept.append(primary)
    kept.sort(key=lambda f: f.sort_key)
    return kept


def fold_copies(findings: list[Finding], project_of: Callable[[str], object] = lambda path: None) -> list[Finding]:
    """One finding per copied unit: findings of one rule whose units have the same code in a class
    of the same name in one project (`project_of(path)`: a screen or script copied into a backup
    folder or a build template) become `related` sites, with their path, of the first one.
    Copies in different projects (forks of one template scanned together) stay apart. Run after
    fold_findings."""
    return _fold_by(findings, lambda f: f.unit_digest, project_of)


def fold_same_text(findings: list[Finding], project_of: Callable[[str], object] = lambda path: None) -> list[Finding]:
    """One finding per message: findings of one rule whose units carry the same message (the Android
    and the iOS scheduler of one reminder, each behind its platform's `#if`) become `related` sites
    of the first one, within one project. Only rules that ask for it set text_digest. Run after
    fold_copies."""
    return _fold_by(findings, lambda f: f.text_digest, project_of)


# The behaviour_key of a site that is part of whatever its rule reports in the project (the text
# that warns a player about losing a streak belongs to the project's streak code): see fold_same_behaviour.
PROJECT_PART = "*"


def fold_same_behaviour(findings: list[Finding], project_of: Callable[[str], object] = lambda path: None) -> list[Finding]:
    """One finding per behaviour a check named across files (`behaviour_key`: a music script's
    replay hook and the call in another file that starts that music): the findings of one rule
    with the same key in one project become `related` sites, with their path, of the start (a
    finding not marked `behaviour_site`), when the group has one. A site keyed PROJECT_PART
    becomes a related site of the rule's most severe (then first) other finding in the project,
    when that one is at least as severe; else the PROJECT_PART sites of one file are one finding.
    Run after fold_same_text."""
    keyed = [f for f in findings if f.behaviour_key is not None and f.behaviour_key != PROJECT_PART]
    starts = {(f.rule_id, f.behaviour_key, project_of(f.path)) for f in keyed if not f.behaviour_site}
    # A site with no start to fold into stays a finding of its own.
    kept = _fold_by(
        findings,
        lambda f: f.behaviour_key if (f.rule_id, f.behaviour_key, project_of(f.path)) in starts else None,
        project_of,
        first=lambda f: f.behaviour_site,
    )
    return _fold_project_parts(kept, project_of)


def _fold_project_parts(findings: list[Finding], project_of: Callable[[str], object]) -> list[Finding]:
    def part(f: Finding) -> bool:
        return f.behaviour_site and f.behaviour_key == PROJECT_PART

    def rank(f: Finding) -> tuple:
        return (-SEVERITY_ORDER.get(f.severity, 0), f.sort_key)

    def group(f: Finding) -> tuple:
        return (f.rule_id, project_of(f.path), f.suppressed is None, f.baselined)

    if not any(part(f) for f in findings):
        return findings
    owners: dict[tuple, Finding] = {}
    for f in findings:
        if not part(f) and (group(f) not in owners or rank(f) < rank(owners[group(f)])):
            owners[group(f)] = f
    kept: list[Finding] = []
    for f in findings:
        owner = owners.get(group(f)) if part(f) else None
        if owner is not None and SEVERITY_ORDER.get(owner.severity, 0) >= SEVERITY_ORDER.get(f.severity, 0):
            owner.related += [{**site, "path": f.path} for site in [related_site(f), *f.related]]
        else:
            kept.append(f)
    # the parts no finding takes in: one finding per file
    return _fold_by(kept, lambda f: f.path if part(f) else None, project_of)


def _fold_by(
    findings: list[Finding],
    digest: Callable[[Finding], str | None],
    project_of: Callable[[str], object],
    first: Callable[[Finding], object] = lambda f: 0,
) -> list[Finding]:
    groups: dict[tuple, list[Finding]] = {}
    kept: list[Finding] = []
    for f in findings:
        key = digest(f)
        if key is None:
            kept.append(f)
            continue
        groups.setdefault((f.rule_id, key, project_of(f.path), f.suppressed is None, f.baselined), []).append(f)
    for group in groups.values():
        group.sort(key=lambda f: (first(f), -SEVERITY_ORDER.get(f.severity, 0), f.sort_key))
        primary = group[0]
        for copy in sorted(group[1:], key=lambda f: f.sort_key):
            primary.related += [{**site, "path": copy.path} for site in [related_site(copy), *copy.related]]
        kept.append(primary)
    kept.sort(key=lambda f: f.sort_key)
    return kept
