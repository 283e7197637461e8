"""One scan from paths to findings: discover, read, parse, match, suppress, baseline.

Each file is read once and parsed once per region; every active rule runs on the same trees.
A file that cannot be read or parsed becomes a Diagnostic and the scan goes on. Output order
is deterministic: findings are sorted by path, line, column and rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pathspec

from designlint.config import Config
from designlint.engine import Engine
from designlint.errors import DesignlintError
from designlint.files import Discoverer
from designlint.findings import Diagnostic, Finding, assign_fingerprints
from designlint.languages import FileKind
from designlint.rules import Rule, load_rules
from designlint.source import SkipFile, parse_source
from designlint.suppress import META_RULES, apply_suppressions, read_baseline

DEFAULT_MAX_FILE_BYTES = 1_000_000
MINIFIED_LINE_LENGTH = 2_000  # average bytes per line above which a file counts as minified


@dataclass
class ScanOptions:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    baseline: Path | None = None
    force_exclude: bool = False
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    hide_mitigated: bool = False


@dataclass
class ScanResult:
    rules: list[Rule]
    findings: list[Finding]
    diagnostics: list[Diagnostic]
    files_scanned: int
    lines_scanned: int
    languages: dict[str, int]  # display language -> files
    lines_by_language: dict[str, int] = field(default_factory=dict)  # display language -> lines

    @property
    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.active]


def display_path(path: Path) -> Path:
    """Paths relative to the working folder when they are under it, as the user typed otherwise."""
    if not path.is_absolute():
        return path
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def select_rules(rules: list[Rule], config: Config, options: ScanOptions) -> list[Rule]:
    known = {r.id for r in rules}
    select = options.select if options.select is not None else config.select
    ignore = [*config.ignore, *options.ignore]
    for key, rule_id in config.rule_ids_named() + [("--select", r) for r in options.select or []] + [
        ("--ignore", r) for r in options.ignore
    ]:
        if rule_id != "ALL" and rule_id not in known and rule_id not in META_RULES:
            where = f"{config.source}: {key}" if not key.startswith("--") else key
            raise DesignlintError(f"{where}: unknown rule id '{rule_id}' (known: {', '.join(sorted(known))})")
    chosen = [r for r in rules if select is None or "ALL" in select or r.id in select]
    return [r for r in chosen if r.id not in ignore]


def _looks_minified(data: bytes) -> bool:
    if len(data) < 4 * MINIFIED_LINE_LENGTH:
        return False
    return len(data) / (data.count(b"\n") + 1) > MINIFIED_LINE_LENGTH


class Scanner:
    def __init__(self, config: Config, options: ScanOptions | None = None):
        self.config = config
        self.options = options or ScanOptions()
        self.all_rules = load_rules(config.rules)
        self.rules = select_rules(self.all_rules, config, self.options)
        self.engine = Engine(self.rules)
        self.per_path = [
            (pathspec.GitIgnoreSpec.from_lines([glob]), set(ids)) for glob, ids in config.per_path_ignores.items()
        ]
        self.baseline = read_baseline(self.options.baseline) if self.options.baseline else None

    def scan(self, paths: list[Path], progress: Callable[[int, int], None] | None = None) -> ScanResult:
        """Scan files and folders. `progress(done, total)` is called after each file."""
        discoverer = Discoverer(self.config.exclude, self.config.root, self.config.respect_gitignore)
        discovered = discoverer.discover(paths, force_exclude=self.options.force_exclude)
        self._compile_for({kind.grammar for _, kind in discovered.files})
        diagnostics = list(discovered.skipped)
        findings: list[Finding] = []
        files = lines = 0
        languages: dict[str, int] = {}
        lines_by_language: dict[str, int] = {}
        total = len(discovered.files)
        for done, (path, kind) in enumerate(discovered.files, start=1):
            result = self.scan_file(path, kind)
            if progress is not None:
                progress(done, total)
            if result is None:
                continue
            file_findings, file_diags, line_count = result
            diagnostics += file_diags
            if line_count is None:
                continue
            files += 1
            lines += line_count
            languages[kind.display] = languages.get(kind.display, 0) + 1
            lines_by_language[kind.display] = lines_by_language.get(kind.display, 0) + line_count
            findings += file_findings
        assign_fingerprints(findings)
        if self.baseline is not None:
            for finding in findings:
                finding.baselined = finding.fingerprint in self.baseline
        findings.sort(key=lambda f: f.sort_key)
        diagnostics.sort(key=lambda d: d.sort_key)
        return ScanResult(
            self.rules, findings, diagnostics, files, lines, dict(sorted(languages.items())), dict(sorted(lines_by_language.items()))
        )

    def _compile_for(self, grammars: set[str]) -> None:
        """Compile the queries for the languages about to be scanned, so that a broken query in
        a rule is a clean error (exit 2) before any file is read. Embedded-script languages
        compile lazily, when a <script> block needs them."""
        for rule in self.rules:
            for matcher in [*rule.patterns, *rule.mitigations]:
                for language in matcher.languages:
                    if language in grammars:
                        matcher.query(language)
                _ = matcher.check

    def scan_file(self, path: Path, kind: FileKind) -> tuple[list[Finding], list[Diagnostic], int | None] | None:
        shown = display_path(path)
        name = shown.as_posix()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return [], [Diagnostic(name, "skipped", f"cannot read file: {exc.strerror or exc}")], None
        if len(raw) > self.options.max_file_bytes:
            return [], [Diagnostic(name, "skipped", f"file is larger than {self.options.max_file_bytes} bytes")], None
        if _looks_minified(raw):
            return [], [Diagnostic(name, "skipped", "minified bundle (very long lines)")], None
        try:
            source = parse_source(shown, raw, kind)
        except SkipFile as exc:
            return [], [Diagnostic(name, "skipped", str(exc))], None
        diags = [Diagnostic(name, "warning", w) for w in source.warnings]
        if any(region.root.has_error for region in source.regions):
            diags.append(Diagnostic(name, "parse-error", "syntax errors; scanned with tree-sitter's error recovery"))
        findings, engine_diags = self.engine.scan(source)
        diags += engine_diags
        for finding in findings:
            if finding.rule_id in self.config.severity:
                finding.severity = self.config.severity[finding.rule_id]
        findings = [f for f in findings if not self._ignored_by_path(shown, f.rule_id)]
        if self.options.hide_mitigated:
            findings = [f for f in findings if not f.mitigations]
        active_ids = {r.id for r in self.rules}
        known_ids = {r.id for r in self.all_rules}
        meta = apply_suppressions(source, findings, active_ids, known_ids)
        findings += [m for m in meta if not self._ignored_by_path(shown, m.rule_id) and m.rule_id not in self._ignored_meta()]
        return findings, diags, source.data.count(b"\n") + (0 if source.data.endswith(b"\n") else 1)

    def _ignored_meta(self) -> set[str]:
        return set(self.config.ignore) | set(self.options.ignore)

    def _ignored_by_path(self, shown: Path, rule_id: str) -> bool:
        try:
            rel = shown.resolve().relative_to(self.config.root).as_posix()
        except ValueError:
            rel = shown.as_posix()
        return any(rule_id in ids and spec.match_file(rel) for spec, ids in self.per_path)
