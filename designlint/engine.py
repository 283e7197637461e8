"""Match and judge: run compiled rules over a parsed SourceFile and produce Findings.

For every region of the file and every pattern written for the region's language, the
pattern's query runs once over the region's tree. Each match's `@match` node is the reported
span; an optional Python check keeps, drops or adjusts it; mitigations (safeguards seen in the
same node, function or file) lower or drop it. An exception inside a check becomes an
`internal-error` diagnostic for that rule and file; the other rules and files go on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tree_sitter import Node, QueryCursor

from designlint import budget
from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.polyglot import enclosing_functions, function_name
from designlint.checks.util import enclosing_function
from designlint.languages import language_family, top_level_is_script_body
from designlint.findings import Diagnostic, Finding, lower_severity, raise_severity
from designlint.rules import Mitigation, Pattern, Rule
from designlint.source import Region, SourceFile, TimeBudgetExceeded

MESSAGE_CAPTURE_MAX = 60
MATCH_LIMIT = 10_000


@dataclass
class _Candidate:
    rule: Rule
    pattern: Pattern
    region: Region
    node: Node
    captures: dict[str, list[Node]]
    verdict: Verdict | None


def _utf16_column(line: bytes, byte_col: int) -> int:
    return len(line[:byte_col].decode("utf-8", "replace").encode("utf-16-le")) // 2 + 1


def _char_column(line: bytes, byte_col: int) -> int:
    return len(line[:byte_col].decode("utf-8", "replace")) + 1


def _format_message(template: str, captures: dict[str, list[Node]], data: bytes) -> str:
    class _Captures(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    values = _Captures()
    for name, nodes in captures.items():
        if nodes:
            value = data[nodes[0].start_byte : nodes[0].end_byte].decode("utf-8", "replace")
            value = " ".join(value.split())
            if len(value) > MESSAGE_CAPTURE_MAX:
                value = value[: MESSAGE_CAPTURE_MAX - 1] + "…"
            values[name] = value
    try:
        return template.format_map(values)
    except (ValueError, IndexError):
        return template


def _context(source: SourceFile, region: Region, node: Node, captures: dict[str, list[Node]]) -> CheckContext:
    return CheckContext(
        node=node,
        captures=captures,
        language=language_family(region.language),
        root=region.root,
        path=source.path,
        data=source.data,
        regions=tuple((r.language, r.root) for r in source.regions),
        memo=source.memo,
        project_root=source.project_root,
    )


# A unit this big whose code recurs in another file was copied there (not a shared two-line idiom).
COPY_MIN_LINES = 6
COPY_MIN_BYTES = 240


def copy_digest(code: bytes, owner: str = "", file_name: str = "") -> str | None:
    """A whitespace-insensitive digest of a unit's code and the classes around it (findings.fold_copies).
    A unit too small for equal code elsewhere to mean a copy by itself (a two-line idiom) counts as
    copied only into a file of the same name (`chapter-2/menu.lua` and `chapter-3/menu.lua`: a folder
    copied whole); None when it is that small and no file name is given."""
    squeezed = b"".join(code.split())
    if not squeezed:
        return None
    if code.count(b"\n") + 1 < COPY_MIN_LINES or len(squeezed) < COPY_MIN_BYTES:
        if not file_name:
            return None
        owner = f"{file_name}\0{owner}"
    return hashlib.sha256(owner.encode("utf-8", "replace") + b"\0" + squeezed).hexdigest()[:24]


# The message a person reads ("Your crops are ready, come back!"), not a key, an id or a label.
PROSE_MIN_CHARS = 20


def prose_digest(unit: Node) -> str | None:
    """A digest of the longest prose string literal in a unit (findings.fold_same_text): among its
    outermost string nodes (any grammar's `*string*` types), the longest that holds two words or
    more, when it has PROSE_MIN_CHARS; None for a unit that says too little to be told apart. The
    longest, not all: the Android half of a reminder also names its channel ("Notification
    Channel"), the iOS half its category, and both carry the same body."""
    longest = ""
    stack = [unit]
    while stack:
        node = stack.pop()
        if "string" in node.type and node.is_named:
            text = " ".join((node.text or b"").decode("utf-8", "replace").strip("@$\"'`").split())
            if " " in text and any(c.isalpha() for c in text) and (len(text), text) > (len(longest), longest):
                longest = text
            continue
        stack.extend(node.children)
    if len(longest) < PROSE_MIN_CHARS:
        return None
    return hashlib.sha256(longest.encode("utf-8")).hexdigest()[:24]


def _outermost_named_function(node: Node) -> Node | None:
    """The unit a finding is folded by: the outermost named function around it (a method, not
    the listener or callback declared inside it)."""
    named = [f for f in enclosing_functions(node) if function_name(f)]
    return named[-1] if named else None


class Engine:
    """Runs a fixed list of rules over SourceFiles."""

    def __init__(self, rules: list[Rule], prefilter: bool = True):
        self.rules = rules
        self.prefilter = prefilter
        self._deadline: float | None = None
        self._index_seconds = 0.0

    def admitted(self, data: bytes, languages: set[str]) -> set[int]:
        """ids of the patterns for these languages that a file with these bytes could match
        (the byte prefilter). Empty: nothing can match, so the file need not be parsed at all."""
        lowered = data.lower()
        seen: dict[bytes, bool] = {}  # word -> present, shared by every pattern for this file
        return {
            id(pattern)
            for rule in self.rules
            for pattern in rule.patterns
            if languages.intersection(pattern.languages) and (not self.prefilter or pattern.admits(lowered, seen))
        }

    def scan(self, source: SourceFile, deadline: float | None = None) -> tuple[list[Finding], list[Diagnostic]]:
        """Findings of every rule; past `deadline` (budget.now()) the remaining rules are
        skipped and a diagnostic says which: the findings made so far are kept."""
        findings: list[Finding] = []
        diagnostics: list[Diagnostic] = []
        shown_path = source.path.as_posix()
        rule_path = source.rule_path or shown_path
        self._deadline = deadline
        self._index_seconds = project_index.seconds_spent()
        for index, rule in enumerate(self.rules):
            if rule.skips(rule_path):
                continue
            try:
                findings += self._scan_rule(rule, source)
            except TimeBudgetExceeded:
                left = [r.id for r in self.rules[index:] if not r.skips(rule_path)]
                diagnostics.append(
                    Diagnostic(shown_path, "skipped", f"time budget exceeded while matching; not checked: {', '.join(left)}")
                )
                break
            except Exception as exc:  # a fault in one rule must not stop the others
                diagnostics.append(
                    Diagnostic(str(source.path.as_posix()), "internal-error", f"rule {rule.id}: {type(exc).__name__}: {exc}")
                )
        return findings, diagnostics

    def _past_deadline(self) -> bool:
        """Whether this file's time budget is used up; time the project index spent reading other
        files (shared by every file of the project) is not counted."""
        if self._deadline is None:
            return False
        shared = project_index.seconds_spent() - self._index_seconds
        return budget.now() - shared > self._deadline

    def _scan_rule(self, rule: Rule, source: SourceFile) -> list[Finding]:
        admitted = source.memo.get("admitted")
        if admitted is None:
            admitted = source.memo["admitted"] = self.admitted(source.data, {r.language for r in source.regions})
        candidates: dict[int, _Candidate] = {}
        rule_path = source.rule_path or source.path.as_posix()
        for region in source.regions:
            for pattern in rule.patterns:
                if region.language not in pattern.languages or pattern.skips(rule_path):
                    continue
                if id(pattern) not in admitted:
                    continue
                for node, captures in self._matches(pattern, region):
                    if self._past_deadline():
                        raise TimeBudgetExceeded(rule.id)
                    if node.start_byte in candidates:
                        continue
                    verdict = self._judge(pattern, source, region, node, captures)
                    if verdict is None:
                        continue
                    candidates[node.start_byte] = _Candidate(rule, pattern, region, node, captures, verdict)
        findings = []
        for candidate in sorted(candidates.values(), key=lambda c: c.node.start_byte):
            finding = self._finding(candidate, source)
            if finding is not None:
                findings.append(finding)
        return findings

    @staticmethod
    def _matches(matcher: Pattern | Mitigation, region: Region, within: Node | None = None):
        query = matcher.query(region.language)
        if query is None:
            yield (within or region.root), {}
            return
        cursor = QueryCursor(query, match_limit=MATCH_LIMIT)
        for _, captures in cursor.matches(within or region.root):
            # Patterns report their @match node; a mitigation's query may capture anything.
            nodes = captures.get("match") or next(iter(captures.values()), None)
            if nodes:
                yield nodes[0], captures

    @staticmethod
    def _judge(pattern: Pattern, source: SourceFile, region: Region, node: Node, captures) -> Verdict | None:
        if pattern.check is None:
            return Verdict()
        result = pattern.check(_context(source, region, node, captures))
        if isinstance(result, Verdict):
            return result
        return Verdict() if result else None

    @staticmethod
    def _mitigation_can_look(mitigation: Mitigation, candidate: _Candidate, source: SourceFile) -> bool:
        """Whether the safeguard is written for a language it could be seen in: the finding's
        own, or (for `scope: file`) any region of the file, such as a .vue file's <script>."""
        if candidate.region.language in mitigation.languages:
            return True
        return mitigation.scope == "file" and any(r.language in mitigation.languages for r in source.regions)

    def _mitigation_applies(self, mitigation: Mitigation, candidate: _Candidate, source: SourceFile) -> bool:
        if mitigation.scope == "file":
            scopes = [(r, r.root) for r in source.regions if r.language in mitigation.languages]
        elif candidate.region.language not in mitigation.languages:
            return False
        elif mitigation.scope == "function":
            scopes = [(candidate.region, enclosing_function(candidate.node) or candidate.region.root)]
        else:
            scopes = [(candidate.region, candidate.node)]
        for region, scope_node in scopes:
            for node, captures in self._matches(mitigation, region, within=scope_node):
                if mitigation.query_source is not None and not (
                    scope_node.start_byte <= node.start_byte and node.end_byte <= scope_node.end_byte
                ):
                    continue
                if mitigation.check is None:
                    return True
                ctx = _context(source, region, candidate.node, {**candidate.captures, **captures, "safeguard": [node]})
                if mitigation.check(ctx):
                    return True
        return False

    def _finding(self, candidate: _Candidate, source: SourceFile) -> Finding | None:
        rule, pattern, node, verdict = candidate.rule, candidate.pattern, candidate.node, candidate.verdict
        severity = verdict.severity or pattern.severity or rule.severity
        notes = [verdict.note] if verdict.note else []
        mitigated: list[str] = []
        for mitigation in rule.mitigations:
            if mitigation.patterns is not None and pattern.id not in mitigation.patterns:
                continue
            # A safeguard is written for some languages; it neither helps nor, when missing,
            # raises findings in a language it cannot look at (e.g. a web odds check on Kotlin).
            if not self._mitigation_can_look(mitigation, candidate, source):
                continue
            present = self._mitigation_applies(mitigation, candidate, source)
            if mitigation.effect == "raise-when-missing":
                if not present:
                    severity = raise_severity(severity)
                    notes.append(f"no {mitigation.description} found")
            elif present:
                if mitigation.effect == "drop":
                    return None
                mitigated.append(mitigation.description)
        for _ in mitigated:
            severity = lower_severity(severity)
        start_row, start_col = node.start_point
        end_row, end_col = node.end_point
        lines = source.lines
        start_line = lines[start_row] if start_row < len(lines) else b""
        end_line = lines[end_row] if end_row < len(lines) else b""
        message = verdict.message or _format_message(pattern.message, candidate.captures, source.data)
        unit = _outermost_named_function(node)
        if unit is not None:
            unit_lines = [unit.start_point[0] + 1, unit.end_point[0] + 1]
            # The class is part of the copy: the same method pasted into two screens is two
            # behaviours (two feeds), the same class in a template or backup copy is one.
            unit_digest = copy_digest(unit.text or b"", project_index.class_path(unit), source.path.name)
        elif top_level_is_script_body(candidate.region.language):
            unit_lines = [1, len(lines)]  # the script's body runs as one unit
            unit_digest = copy_digest(source.data, file_name=source.path.name)
        else:
            unit_lines = unit_digest = None
        text_digest = prose_digest(unit) if rule.fold_same_text and unit is not None else None
        return Finding(
            rule_id=rule.id,
            pattern_id=pattern.id,
            severity=severity,
            message=message,
            path=source.path.as_posix(),
            line=start_row + 1,
            column=_char_column(start_line, start_col),
            end_line=end_row + 1,
            end_column=_char_column(end_line, end_col),
            column_utf16=_utf16_column(start_line, start_col),
            end_column_utf16=_utf16_column(end_line, end_col),
            snippet=source.line_text(start_row).strip(),
            criteria=list(rule.criteria),
            notes=notes,
            mitigations=mitigated,
            unit=unit_lines,
            unit_digest=unit_digest,
            text_digest=text_digest,
            behaviour_key=verdict.fold_key,
            behaviour_site=verdict.fold_site,
            related=[{"pattern": pattern.id, "severity": severity, "fingerprint": "", **site} for site in verdict.related],
        )
