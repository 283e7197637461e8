"""The wellbeing impact assessment: what `designlint audit` knows, before it is rendered.

Builds one plain `Audit` from a ScanResult, the rule pack and the criteria catalog: what was
scanned (path, git commit and branch, date, versions, files and lines per language, skips),
a summary per pattern and severity, the folders with most findings, the criteria matrix, the
findings grouped by pattern with code excerpts, and the accountability list (suppressions and
baseline). The HTML, markdown and JSON reports render this and nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from designlint import __version__
from designlint.criteria import Criterion, cited_by
from designlint.findings import Finding
from designlint.rules import rule_pack_hash

EXCERPT_CONTEXT = 2  # lines shown before and after a finding
EXCERPT_MAX_LINES = 14
TOP_FOLDERS = 10
SEVERITIES = ("error", "warning", "info")

METHOD_AND_LIMITS = [
    "designlint reads source code; it does not run the app. Each finding is a place in the code where a "
    "design pattern is built, with the safeguard found next to it or missing. A finding is a prompt for a "
    "design review, not proof of harm, and the absence of findings is not proof of good design.",
    "Static analysis cannot see what is decided outside the code it reads: server-side ranking and "
    "recommendation, remote configuration and feature flags, A/B tests, push campaigns sent from a marketing "
    "tool, what a user actually sees and for how long, or the content itself.",
    "Each rule looks at one file at a time. A pattern whose parts live in different files (a feed in one "
    "component, the loader in another) can be missed; a safeguard in another file (a setting screen, an odds "
    "page) is not seen, so a finding may overstate the risk.",
    "Rules were measured on public open-source code; they find the common idioms of each platform and miss "
    "unusual ones. Mitigated findings are kept at a lower severity so that a reviewer can confirm the safeguard.",
    "Pair this report with what static analysis cannot give: usage data, user research with the people "
    "(and children) who use the product, and a review of defaults, notification campaigns and monetisation.",
]


@dataclass
class Excerpt:
    first_line: int  # 1-based number of lines[0]
    lines: list[str]
    highlight: tuple[int, int]  # 1-based inclusive range of the finding's lines


@dataclass
class AuditFinding:
    anchor: str  # "f-3": stable within one report
    finding: Finding
    excerpt: Excerpt | None


@dataclass
class PatternSection:
    rule_id: str
    name: str
    summary: str
    why: str
    instead: str
    criteria: list[str]
    by_severity: dict[str, int]
    mitigated: int
    unmitigated: int
    findings: list[AuditFinding] = field(default_factory=list)


@dataclass
class CriterionRow:
    criterion: Criterion
    rules: list[str]  # rules of this run that cite it
    anchors: list[str]  # findings that bear on it


@dataclass
class Audit:
    target: str
    generated: str  # ISO date-time, UTC
    git_commit: str | None
    git_branch: str | None
    designlint_version: str
    rule_pack_version: str
    languages: list[tuple[str, int, int]]  # (language, files, lines)
    files_scanned: int
    lines_scanned: int
    skipped: list[tuple[str, str]]  # (path, reason)
    parse_errors: int
    patterns: list[PatternSection]
    top_folders: list[tuple[str, int]]
    matrix: dict[str, list[CriterionRow]]  # group -> rows
    suppressed: list[Finding]  # findings silenced by an inline `designlint: ignore[...]`, with the reason
    suppression_problems: list[Finding]  # suppressions that name no rule or match nothing
    baseline: str | None
    baselined: int
    criteria_filter: list[str]
    method: list[str] = field(default_factory=lambda: list(METHOD_AND_LIMITS))

    @property
    def total_findings(self) -> int:
        return sum(len(p.findings) for p in self.patterns)

    def to_dict(self) -> dict:
        return asdict(self)


def git_facts(target: Path) -> tuple[str | None, str | None]:
    """(commit, branch) of the git work tree holding `target`, or (None, None)."""
    folder = target if target.is_dir() else target.parent
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10, env=env, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None

    commit = git("rev-parse", "HEAD")
    branch = git("rev-parse", "--abbrev-ref", "HEAD") if commit else None
    return commit, (None if branch == "HEAD" else branch)


def generated_at() -> str:
    """Now in UTC, or SOURCE_DATE_EPOCH when set (reproducible reports)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit() else dt.datetime.now(dt.timezone.utc)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def read_excerpt(finding: Finding, cache: dict[str, list[str] | None]) -> Excerpt | None:
    if finding.path not in cache:
        try:
            cache[finding.path] = Path(finding.path).read_bytes().decode("utf-8", "replace").splitlines()
        except OSError:
            cache[finding.path] = None
    lines = cache[finding.path]
    if not lines:
        return None
    end_line = min(finding.end_line, finding.line + EXCERPT_MAX_LINES - 1 - 2 * EXCERPT_CONTEXT)
    first = max(1, finding.line - EXCERPT_CONTEXT)
    last = min(len(lines), end_line + EXCERPT_CONTEXT)
    return Excerpt(first, [line.expandtabs(4) for line in lines[first - 1 : last]], (finding.line, end_line))


def build_audit(
    result,
    catalog: dict[str, Criterion],
    target: Path,
    baseline: Path | None = None,
    criteria_filter: list[str] | None = None,
) -> Audit:
    commit, branch = git_facts(target)
    active = [f for f in result.findings if f.active]
    rules = {r.id: r for r in result.rules}
    cache: dict[str, list[str] | None] = {}

    patterns: list[PatternSection] = []
    anchors: dict[int, str] = {}
    counter = 0
    for rule in sorted(result.rules, key=lambda r: r.id):
        mine = [f for f in active if f.rule_id == rule.id]
        section = PatternSection(
            rule_id=rule.id,
            name=rule.name,
            summary=rule.summary,
            why=rule.docs["why"],
            instead=rule.docs["instead"],
            criteria=list(rule.criteria),
            by_severity={s: sum(1 for f in mine if f.severity == s) for s in SEVERITIES},
            mitigated=sum(1 for f in mine if f.mitigations),
            unmitigated=sum(1 for f in mine if not f.mitigations),
        )
        for finding in mine:
            counter += 1
            anchor = f"f-{counter}"
            anchors[id(finding)] = anchor
            section.findings.append(AuditFinding(anchor, finding, read_excerpt(finding, cache)))
        patterns.append(section)
    # Meta findings (unused suppressions) are not design patterns: they go to accountability only.
    meta = [f for f in active if f.rule_id not in rules]

    folders = Counter(str(PurePosixPath(f.path).parent) for f in active if f.rule_id in rules)
    top = sorted(folders.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FOLDERS]

    citing = cited_by(catalog, result.rules)
    matrix: dict[str, list[CriterionRow]] = {}
    for cid, criterion in catalog.items():
        hits = [anchors[id(f)] for f in active if cid in f.criteria and id(f) in anchors]
        matrix.setdefault(criterion.group, []).append(
            CriterionRow(criterion, [r for r in citing.get(cid, []) if r in rules], hits)
        )

    skipped = [(d.path, d.message) for d in result.diagnostics if d.kind == "skipped"]
    return Audit(
        target=target.as_posix(),
        generated=generated_at(),
        git_commit=commit,
        git_branch=branch,
        designlint_version=__version__,
        rule_pack_version=rule_pack_hash(result.rules)[:12],
        languages=[(lang, n, result.lines_by_language.get(lang, 0)) for lang, n in result.languages.items()],
        files_scanned=result.files_scanned,
        lines_scanned=result.lines_scanned,
        skipped=skipped,
        parse_errors=sum(1 for d in result.diagnostics if d.kind == "parse-error"),
        patterns=patterns,
        top_folders=top,
        matrix=matrix,
        suppressed=[f for f in result.findings if f.suppressed is not None],
        suppression_problems=meta,
        baseline=baseline.as_posix() if baseline else None,
        baselined=sum(1 for f in result.findings if f.baselined and f.suppressed is None),
        criteria_filter=list(criteria_filter or []),
    )
