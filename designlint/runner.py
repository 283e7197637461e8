"""One scan from paths to findings: discover, read, parse, match, suppress, baseline.

Each file is read once and parsed once per region; every active rule runs on the same trees.
A file that cannot be read or parsed becomes a Diagnostic and the scan goes on. Output order
is deterministic: findings are sorted by path, line, column and rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Callable

import pathspec

from designlint import budget
from designlint import project_index
from designlint.checks import INPUTS_MEMO
from designlint.cache import ResultCache, cache_key, designlint_source_hash, settings_key
from designlint.config import Config
from designlint.engine import Engine
from designlint.errors import DesignlintError
from designlint.files import Discoverer, git_root
from designlint.findings import Diagnostic, Finding, assign_fingerprints, fold_copies, fold_findings, fold_same_behaviour, fold_same_text
from designlint.languages import FileKind, grammars_for, kind_for, template_tag_line, xml_document
from designlint.parallel import CHUNK_FILES, scan_in_workers
from designlint.rules import Rule, load_rules, rule_pack_hash
from designlint.source import SkipFile, TimeBudgetExceeded, decode_to_utf8, parse_source
from designlint.suppress import META_RULES, apply_suppressions, read_baseline
from designlint.vendored import vendored_library
from designlint.xcode_membership import unbuilt_reason

DEFAULT_MAX_FILE_BYTES = 1_000_000
DEFAULT_FILE_TIMEOUT = 20.0  # seconds to parse and match one file before it is skipped
MINIFIED_LINE_LENGTH = 2_000  # average bytes per line above which a file counts as minified


@dataclass
class ScanOptions:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    baseline: Path | None = None
    force_exclude: bool = False
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    hide_mitigated: bool = False
    jobs: int = 1  # worker processes; 1 scans in this process
    prefilter: bool = True  # skip patterns (and parsing) when a file lacks their words
    file_timeout: float | None = DEFAULT_FILE_TIMEOUT  # seconds per file; None: no budget
    cache_dir: Path | None = None  # None: no content cache
    fold: bool = True  # one finding per rule and named function, the other sites as related


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


# findings, diagnostics, line count (None: not scanned), and the other files the result was
# computed from with their SHA-256 (a check may read a project's settings file).
FileResult = tuple[list[Finding], list[Diagnostic], "int | None", dict[str, str]]


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _line_count(data: bytes) -> int:
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


def _cacheable(result: FileResult) -> bool:
    """Faults and unreadable files are retried next time, not remembered."""
    return not any(
        d.kind == "internal-error" or d.message.startswith("cannot read") or "time budget" in d.message for d in result[1]
    )


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
        self.engine = Engine(self.rules, prefilter=self.options.prefilter)
        self.per_path = [
            (pathspec.GitIgnoreSpec.from_lines([glob]), set(ids)) for glob, ids in config.per_path_ignores.items()
        ]
        self.baseline = read_baseline(self.options.baseline) if self.options.baseline else None
        self.cache_problem: str | None = None  # why the content cache could not be used, if so
        self.scan_roots: list[Path] = []
        # Each folder is its own project for the project index (annotated fixture folders).
        self.project_per_folder = False

    def scan(self, paths: list[Path], progress: Callable[[int, int], None] | None = None) -> ScanResult:
        """Scan files and folders. `progress(done, total)` is called after each file."""
        # Folders given; a file named on its own is placed by `_rule_path` (its repository).
        self.scan_roots = [p.resolve() for p in paths if p.is_dir()]
        project_index.reset()  # files may have changed since an earlier scan in this process
        discoverer = Discoverer(self.config.exclude, self.config.root, self.config.respect_gitignore)
        discovered = discoverer.discover(paths, force_exclude=self.options.force_exclude)
        kinds = {kind for _, kind in discovered.files}
        self._compile_for({g for kind in kinds for g in (kind.grammar, kind.fallback) if g}, {g for kind in kinds for g in grammars_for(kind)})
        per_file = self._scan_files(discovered.files, progress)
        diagnostics = list(discovered.skipped)
        findings: list[Finding] = []
        files = lines = 0
        languages: dict[str, int] = {}
        lines_by_language: dict[str, int] = {}
        for (path, kind), (file_findings, file_diags, line_count, _) in zip(discovered.files, per_file):
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
        if self.options.fold:
            findings = fold_same_text(fold_copies(fold_findings(findings), self._project_of), self._project_of)
            findings = fold_same_behaviour(findings, self._project_of)
        findings.sort(key=lambda f: f.sort_key)
        diagnostics.sort(key=lambda d: d.sort_key)
        return ScanResult(
            self.rules, findings, diagnostics, files, lines, dict(sorted(languages.items())), dict(sorted(lines_by_language.items()))
        )

    def _scan_files(self, files: list[tuple[Path, FileKind]], progress) -> list[FileResult]:
        """Per-file results in the order of `files`: from the cache, this process or workers."""
        results: list[FileResult | None] = [None] * len(files)
        cache = self._open_cache()
        done = 0

        def store(index: int, key: str | None, result: FileResult) -> None:
            nonlocal done
            results[index] = result
            if cache is not None and key is not None and _cacheable(result):
                cache.put(key, result)
            done += 1
            if progress is not None:
                progress(done, len(files))

        todo: list[tuple[int, Path, FileKind]] = []
        for index, (path, kind) in enumerate(files):
            if cache is not None:
                raw = _read(path)
                if raw is not None:
                    key = self.cache_key(display_path(path).as_posix(), raw)
                    hit = cache.get(key)
                    if hit is not None:
                        store(index, None, hit)
                        continue
            todo.append((index, path, kind))
        if self.options.jobs > 1 and len(todo) > 2 * CHUNK_FILES:
            scan_in_workers(self.config, self.options, self.scan_roots, todo, self.options.jobs, store)
        else:
            for index, path, kind in todo:
                store(index, *self.scan_path(path, kind))
        if cache is not None:
            cache.close()
            if cache.disabled_reason:
                self.cache_problem = cache.disabled_reason
        return [r if r is not None else ([], [], None, {}) for r in results]

    @cached_property
    def cache_context(self) -> str:
        """What besides a file's path and bytes decides its result (see cache.py)."""
        return settings_key(
            {
                "source": designlint_source_hash(),
                "rules": rule_pack_hash(self.all_rules),
                "active": [r.id for r in self.rules],
                "severity": self.config.severity,
                "per-path-ignores": self.config.per_path_ignores,
                "ignore": sorted([*self.config.ignore, *self.options.ignore]),
                "root": str(self.config.root),
                "hide-mitigated": self.options.hide_mitigated,
                "max-file-bytes": self.options.max_file_bytes,
                "prefilter": self.options.prefilter,
                "scan-roots": [str(r) for r in self.scan_roots],
            }
        )

    def cache_key(self, shown_path: str, raw: bytes) -> str:
        return cache_key(self.cache_context, shown_path, raw)

    def _open_cache(self) -> ResultCache | None:
        if self.options.cache_dir is None:
            return None
        return ResultCache(self.options.cache_dir, self.cache_context)

    def scan_path(self, path: Path, kind: FileKind) -> tuple[str | None, FileResult]:
        """Read and scan one file; also returns its cache key (None when it could not be read)."""
        raw = _read(path)
        if raw is None:
            return None, self.scan_file(path, kind)
        key = self.cache_key(display_path(path).as_posix(), raw) if self.options.cache_dir is not None else None
        return key, self.scan_file(path, kind, raw)

    def _compile_for(self, grammars: set[str], all_grammars: set[str]) -> None:
        """Compile the queries for the languages about to be scanned and import their checks, so
        that a broken query or check reference is a clean error (exit 2) before any file is read.
        Embedded-script queries compile lazily, when a <script> block needs them; checks of
        languages not scanned are not imported (start-up time)."""
        for rule in self.rules:
            for matcher in [*rule.patterns, *rule.mitigations]:
                for language in matcher.languages:
                    if language in grammars:
                        matcher.query(language)
                if any(language in all_grammars for language in matcher.languages):
                    _ = matcher.check

    def scan_file(self, path: Path, kind: FileKind, raw: bytes | None = None) -> FileResult:
        shown = display_path(path)
        name = shown.as_posix()
        if raw is None:
            try:
                raw = path.read_bytes()
            except OSError as exc:
                return [], [Diagnostic(name, "skipped", f"cannot read file: {exc.strerror or exc}")], None, {}
        limit = self.options.max_file_bytes * kind.size_factor
        if len(raw) > limit:
            return [], [Diagnostic(name, "skipped", f"file is larger than {limit} bytes")], None, {}
        if _looks_minified(raw):
            return [], [Diagnostic(name, "skipped", "minified bundle (very long lines)")], None, {}
        library = vendored_library(raw, kind, path.name)
        if library is not None:
            return [], [Diagnostic(name, "skipped", f"third-party library ({library})")], None, {}
        try:
            data, warnings = decode_to_utf8(raw, kind.display)
        except SkipFile as exc:
            return [], [Diagnostic(name, "skipped", str(exc))], None, {}
        if xml_document(data, kind):
            return [], [Diagnostic(name, "skipped", f"XML document, not {kind.display} (a Qt translation or a Tiled tileset?)")], None, {}
        admitted = self.engine.admitted(data, grammars_for(kind))
        if not admitted and b"designlint:" not in data:
            # No pattern's words are in the file: nothing could match, so it is not parsed.
            return [], [Diagnostic(name, "warning", w) for w in warnings], _line_count(data), {}
        unbuilt, project_files = unbuilt_reason(path) if kind.grammar == "swift" else (None, {})
        if unbuilt is not None:
            return [], [Diagnostic(name, "skipped", unbuilt)], None, project_files
        deadline = budget.deadline_in(self.options.file_timeout) if self.options.file_timeout else None
        try:
            source = parse_source(shown, raw, kind, deadline)
        except TimeBudgetExceeded:
            allowed = f"{self.options.file_timeout:g} s"
            return [], [Diagnostic(name, "skipped", f"parsing took longer than the {allowed} time budget (--file-timeout)")], None, {}
        if not kind.embeds_scripts and source.regions:
            tag = template_tag_line(source.data, source.regions[0].language, source.regions[0].root)
            if tag is not None:
                message = f"template, not code: a Jinja/Django tag stands as code on line {tag} (the file renders to code; scan what it renders)"
                return [], [Diagnostic(name, "skipped", message)], None, {}
        source.memo["admitted"] = admitted
        source.rule_path = self._rule_path(path)
        source.project_root = path.resolve().parent if self.project_per_folder else None
        diags = [Diagnostic(name, "warning", w) for w in source.warnings]
        if any(region.root.has_error for region in source.regions):
            diags.append(Diagnostic(name, "parse-error", "syntax errors; scanned with tree-sitter's error recovery"))
        findings, engine_diags = self.engine.scan(source, deadline)
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
        return findings, diags, _line_count(source.data), {**source.memo.get(INPUTS_MEMO, {}), **project_files}

    @staticmethod
    def _project_of(shown_path: str) -> Path | None:
        """The project holding a reported file, by its language's markers or .git (copies fold only
        inside one); None for files outside any marked project."""
        kind = kind_for(PurePosixPath(shown_path).name)
        return project_index.marked_project_root(Path(shown_path), kind.grammar) if kind is not None else None

    def _ignored_meta(self) -> set[str]:
        return set(self.config.ignore) | set(self.options.ignore)

    def _rule_path(self, path: Path) -> str:
        """`path` relative to the project root, else to the scanned folder holding it, else to its git
        repository (a file named on its own, a fixture run from another folder), else its name:
        what rules' `exclude-paths` see, so `test/` never matches a parent folder of the scan."""
        resolved = path.resolve()
        for root in (self.config.root, *self.scan_roots, git_root(resolved.parent)):
            if root is None:
                continue
            try:
                return resolved.relative_to(root).as_posix()
            except ValueError:
                continue
        return path.name

    def _ignored_by_path(self, shown: Path, rule_id: str) -> bool:
        try:
            rel = shown.resolve().relative_to(self.config.root).as_posix()
        except ValueError:
            rel = shown.as_posix()
        return any(rule_id in ids and spec.match_file(rel) for spec, ids in self.per_path)
