"""Plain data that flows from the engine to the reporters: Finding and Diagnostic.

A Finding is one reported construct; its fingerprint (rule, path, normalised snippet,
occurrence) survives lines being inserted above it, for baselines and SARIF
partialFingerprints. A Diagnostic is something the run itself has to say about a file:
skipped, parsed with errors, or an internal error.
"""

from __future__ import annotations

import hashlib
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
