"""Annotated fixtures, the Semgrep way: `designlint-expect: RULE-ID` on the line before a
construct that must be flagged, `designlint-ok: RULE-ID` before a near miss that must not be.

Used by `designlint test` (for rule authors) and by the test suite. Each annotation is checked
both ways, and any finding of an annotated rule on a line without an `expect` is reported too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from designlint.config import Config
from designlint.files import Discoverer
from designlint.findings import Finding, fold_same_behaviour
from designlint.runner import Scanner, ScanOptions

ANNOTATION = re.compile(r"designlint-(?P<kind>expect|ok):\s*(?P<ids>[a-z0-9][a-z0-9-]*(?:\s*,\s*[a-z0-9][a-z0-9-]*)*)")


@dataclass
class Annotation:
    kind: str  # expect | ok
    rule_id: str
    line: int  # 1-based line of the annotation comment
    target: int  # 1-based line the annotation speaks about


@dataclass
class FixtureResult:
    path: str
    annotations: list[Annotation] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _is_annotation_only(line: str) -> bool:
    stripped = line.strip()
    return not stripped or (ANNOTATION.search(stripped) is not None and stripped.startswith(("//", "/*", "{/*", "<!--", "#", "*", "--", ";")))


def parse_annotations(text: str) -> list[Annotation]:
    lines = text.splitlines()
    annotations = []
    for index, line in enumerate(lines):
        match = ANNOTATION.search(line)
        if not match:
            continue
        target = index + 1
        while target < len(lines) and _is_annotation_only(lines[target]):
            target += 1
        for rule_id in re.split(r"\s*,\s*", match.group("ids")):
            annotations.append(Annotation(match.group("kind"), rule_id, index + 1, target + 1))
    return annotations


def fixture_rule_id(path: Path, known: set[str]) -> str | None:
    """The rule a fixture belongs to by folder: fixtures/<rule-id>/<language>/file."""
    for part in path.parts:
        if part in known:
            return part
    return None


def fixture_scanner(config: Config) -> Scanner:
    """A scanner with every rule on and every query compiled (so a broken query fails the test)."""
    scanner = Scanner(config, ScanOptions(select=None))
    scanner.project_per_folder = True  # a fixture folder is its own project (no cross-talk)
    for rule in scanner.rules:
        rule.compile_all()
    return scanner


def fixture_findings(folder: Path, rule_id: str, config: Config, scanner: Scanner | None = None) -> list[Finding]:
    """The findings of one rule over a fixture file or folder (its own project), file by file as the
    fixture harness scans them, before any fold: what a test of severities and messages reads."""
    scanner = scanner or fixture_scanner(config)
    found: list[Finding] = []
    for path, kind in Discoverer(respect_gitignore=False).discover([folder]).files:
        scanned = scanner.scan_file(path, kind)
        found += [f for f in (scanned[0] if scanned else []) if f.rule_id == rule_id]
    return found


def _fold_with_siblings(path: Path, findings: list[Finding], scanner: Scanner) -> list[Finding]:
    """A finding that is a site of a behaviour started in another file (a music script's replay
    hook: Finding.behaviour_site) folds as in a run: the other files of the fixture's folder (its
    project, see fixture_scanner) are scanned and the file keeps what fold_same_behaviour leaves."""
    if not any(f.behaviour_site and f.behaviour_key for f in findings):
        return findings
    others: list[Finding] = []
    for other, kind in Discoverer(respect_gitignore=False).discover([path.parent]).files:
        if other.resolve() != path.resolve():
            scanned = scanner.scan_file(other, kind)
            others += scanned[0] if scanned else []
    kept = set(map(id, fold_same_behaviour(findings + others)))
    return [f for f in findings if id(f) in kept]


def run_fixtures(paths: list[Path], config: Config, scanner: Scanner | None = None) -> list[FixtureResult]:
    scanner = scanner or fixture_scanner(config)
    known = {r.id for r in scanner.all_rules}
    discovered = Discoverer(respect_gitignore=False).discover(paths)
    results = []
    for path, kind in discovered.files:
        text = path.read_text(encoding="utf-8", errors="replace")
        result = FixtureResult(path.as_posix(), parse_annotations(text))
        scanned = scanner.scan_file(path, kind)
        findings = _fold_with_siblings(path, scanned[0] if scanned else [], scanner)
        for diag in scanned[1] if scanned else []:
            if diag.kind in ("internal-error", "skipped"):
                result.failures.append(f"{diag.path}: {diag.kind}: {diag.message}")
        checked = {a.rule_id for a in result.annotations}
        owner = fixture_rule_id(path, known)
        if owner:
            checked.add(owner)
        for rule_id in sorted(checked - known):
            result.failures.append(f"{path}: annotation names unknown rule '{rule_id}'")
        flagged = {(f.rule_id, f.line) for f in findings if f.suppressed is None}
        expected = {(a.rule_id, a.target) for a in result.annotations if a.kind == "expect"}
        for a in result.annotations:
            hit = (a.rule_id, a.target) in flagged
            if a.kind == "expect" and not hit:
                result.failures.append(f"{path}:{a.target}: missing: expected a {a.rule_id} finding (annotation on line {a.line})")
            if a.kind == "ok" and hit:
                result.failures.append(f"{path}:{a.target}: near miss flagged: {a.rule_id} must not report this line")
        for f in sorted(findings, key=lambda f: f.sort_key):
            if f.rule_id in checked and f.suppressed is None and (f.rule_id, f.line) not in expected:
                if not any(a.kind == "ok" and a.target == f.line and a.rule_id == f.rule_id for a in result.annotations):
                    result.failures.append(f"{path}:{f.line}: unexpected {f.rule_id} finding: {f.message}")
        results.append(result)
    return results
