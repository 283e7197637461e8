"""The rule pack: load rules/*.yaml, validate every key, compile queries per language.

A rule is data (see DESIGN.md and docs in README): metadata, documentation, patterns (one
tree-sitter query per pattern and language, optionally a Python check) and mitigations.
Validation errors name the file and the key. Queries compile lazily per language, once, and
their predicates are checked against an allow-list because tree-sitter silently ignores unknown
predicates.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

import pathspec
import yaml
from tree_sitter import Query, QueryError

from designlint.errors import DesignlintError
from designlint.languages import expand_languages, known_language, language_family, load_language
from designlint.yamlfile import load_yaml

SEVERITIES = ("error", "warning", "info")
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
ALLOWED_PREDICATES = {"eq?", "not-eq?", "match?", "not-match?", "any-of?", "any-eq?", "any-match?"}
PREDICATE_USE = re.compile(r"\(#([A-Za-z0-9_?!-]+)")
MULTI_NOT_ANY_OF = re.compile(r"\(#not-any-of\?\s+@\S+\s+\"[^\"]*\"\s+\"")

RULE_KEYS = {"id", "name", "severity", "summary", "criteria", "tags", "docs", "patterns", "mitigations", "exclude-paths", "fold-same-text"}
REQUIRED_RULE_KEYS = {"id", "name", "severity", "summary", "criteria", "docs", "patterns"}
DOC_KEYS = {"what", "why", "example", "instead"}
EXTENSION_KEYS = {"extends", "platform", "docs", "patterns", "mitigations", "exclude-paths"}
PATTERN_KEYS = {"id", "languages", "query", "check", "message", "severity", "prefilter"}
MITIGATION_KEYS = {"id", "description", "effect", "scope", "patterns", "languages", "query", "check"}
EFFECTS = ("lower", "drop", "raise-when-missing")
SCOPES = ("match", "function", "file")


@dataclass
class Matcher:
    """A query (per language) and/or a Python check, shared by patterns and mitigations."""

    owner: str  # "rule-id/pattern-id" for error messages
    languages: list[str]
    query_source: str | None
    check_ref: str | None
    _compiled: dict[str, Query] = field(default_factory=dict, repr=False)

    def query(self, language: str) -> Query | None:
        """The compiled query for a language (compiled once), or None when there is none."""
        if self.query_source is None:
            return None
        if language not in self._compiled:
            try:
                self._compiled[language] = Query(load_language(language), self.query_source)
            except QueryError as exc:
                raise DesignlintError(
                    f"rule {self.owner}: invalid tree-sitter query for {language}: {exc}"
                ) from None
        return self._compiled[language]

    @cached_property
    def check(self) -> Callable[..., Any] | None:
        if self.check_ref is None:
            return None
        from designlint.checks import resolve_check

        return resolve_check(self.check_ref, self.owner)


@dataclass
class Pattern(Matcher):
    id: str = ""
    message: str = ""
    severity: str | None = None
    # A platform file's `exclude-paths`: files where this platform's patterns do not run.
    exclude_paths: pathspec.GitIgnoreSpec | None = None
    # Words that must be in a file for the pattern to match, checked on the lower-cased bytes
    # before parsing: every group needs one of its words. Empty: the pattern always runs.
    prefilter: tuple[tuple[bytes, ...], ...] = ()

    @cached_property
    def derived_prefilter(self):
        """Words one of which the file must hold, read off the query's predicates (prefilter.py)."""
        from designlint.prefilter import derive

        return derive(self.query_source)

    def admits(self, lowered: bytes, seen: dict[bytes, bool] | None = None) -> bool:
        """Whether a file with these lower-cased bytes could match (the byte prefilter).
        `seen` remembers, per file, which words are present (patterns share many words)."""
        from designlint.prefilter import admits

        seen = {} if seen is None else seen
        words = self.derived_prefilter
        if words is not None and not admits(words, lowered, seen):
            return False
        for group in self.prefilter:
            if not any(_present(word, lowered, seen) for word in group):
                return False
        return True

    def skips(self, path: str) -> bool:
        return self.exclude_paths is not None and self.exclude_paths.match_file(path.lstrip("/"))


def _present(word: bytes, lowered: bytes, seen: dict[bytes, bool]) -> bool:
    found = seen.get(word)
    if found is None:
        found = seen[word] = word in lowered
    return found


@dataclass
class Mitigation(Matcher):
    id: str = ""
    description: str = ""
    effect: str = "lower"
    scope: str = "match"
    patterns: list[str] | None = None


@dataclass
class Rule:
    id: str
    name: str
    severity: str
    summary: str
    criteria: list[str]
    docs: dict[str, str]
    patterns: list[Pattern]
    mitigations: list[Mitigation]
    tags: list[str]
    source_path: Path
    exclude_paths: pathspec.GitIgnoreSpec | None = None
    extension_paths: list[Path] = field(default_factory=list)  # rules/<id>/<platform>.yaml files merged in
    # Findings whose functions carry the same prose are one behaviour (findings.fold_same_text).
    fold_same_text: bool = False

    def skips(self, path: str) -> bool:
        """True when the rule's `exclude-paths` globs (gitignore style) match the file, e.g.
        test files whose media, copy or streak logic is never shown to a user."""
        return self.exclude_paths is not None and self.exclude_paths.match_file(path.lstrip("/"))

    @property
    def languages(self) -> list[str]:
        """The languages the rule reads, as users name them (Luau counts as Lua)."""
        return list(dict.fromkeys(language_family(lang) for pattern in self.patterns for lang in pattern.languages))

    def compile_all(self) -> None:
        """Compile every query for every language it names (used by `designlint test`/CI)."""
        for matcher in [*self.patterns, *self.mitigations]:
            for lang in matcher.languages:
                matcher.query(lang)
            _ = matcher.check


def _fail(path: Path, where: str, problem: str) -> DesignlintError:
    return DesignlintError(f"{path}: {where}: {problem}")


def _expect_keys(path: Path, where: str, data: Any, allowed: set[str], required: set[str]) -> dict:
    if not isinstance(data, dict):
        raise _fail(path, where, f"expected a mapping, got {type(data).__name__}")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _fail(path, where, f"unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")
    missing = sorted(required - set(data))
    if missing:
        raise _fail(path, where, f"missing key '{missing[0]}'")
    return data


def _expect_str(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, "expected a non-empty string")
    return value


def _expect_str_list(path: Path, where: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, where, "expected a list of strings")
    return value


def _validate_query(path: Path, where: str, source: str) -> None:
    for name in PREDICATE_USE.findall(source):
        if name not in ALLOWED_PREDICATES:
            raise _fail(path, where, f"unsupported predicate '#{name}' (allowed: {', '.join(sorted(ALLOWED_PREDICATES))})")
    if MULTI_NOT_ANY_OF.search(source):
        raise _fail(path, where, "#not-any-of? with several values does not filter in tree-sitter; use #not-match?")
    if "@match" not in source:
        raise _fail(path, where, "the query has no @match capture (it marks the reported span)")


def _languages(path: Path, where: str, value: Any) -> list[str]:
    names = _expect_str_list(path, where, value)
    for name in names:
        if not known_language(name):
            raise _fail(path, where, f"unknown language '{name}'")
    return expand_languages(names)


def _matcher_fields(path: Path, where: str, item: dict, owner: str) -> dict:
    query = item.get("query")
    check = item.get("check")
    if query is None and check is None:
        raise _fail(path, where, "needs a 'query' or a 'check'")
    if query is not None:
        query = _expect_str(path, f"{where}.query", query)
    if check is not None:
        check = _expect_str(path, f"{where}.check", check)
        if not re.match(r"^[a-z_][a-z0-9_.]*:[a-z_][a-z0-9_]*$", check):
            raise _fail(path, f"{where}.check", "expected 'module:function'")
    return {
        "owner": owner,
        "languages": _languages(path, f"{where}.languages", item.get("languages")),
        "query_source": query,
        "check_ref": check,
    }


def parse_rule(path: Path, data: Any) -> Rule:
    """Validate one rule document and build a Rule. Raises DesignlintError naming the key."""
    data = _expect_keys(path, "rule", data, RULE_KEYS, REQUIRED_RULE_KEYS)
    rule_id = _expect_str(path, "id", data["id"])
    if not RULE_ID.match(rule_id):
        raise _fail(path, "id", f"'{rule_id}' is not a kebab-case id")
    if path.suffix in (".yaml", ".yml") and path.stem != rule_id:
        raise _fail(path, "id", f"'{rule_id}' must match the file name '{path.stem}'")
    severity = data["severity"]
    if severity not in SEVERITIES:
        raise _fail(path, "severity", f"'{severity}' is not one of {', '.join(SEVERITIES)}")
    docs = _expect_keys(path, "docs", data["docs"], DOC_KEYS, DOC_KEYS)
    for key in DOC_KEYS:
        _expect_str(path, f"docs.{key}", docs[key])
    criteria = _expect_str_list(path, "criteria", data["criteria"])
    if not criteria:
        raise _fail(path, "criteria", "a rule cites at least one criterion")

    raw_patterns = data["patterns"]
    if not isinstance(raw_patterns, list) or not raw_patterns:
        raise _fail(path, "patterns", "expected a non-empty list")
    patterns = _parse_patterns(path, raw_patterns, rule_id, [])
    mitigations = _parse_mitigations(path, data.get("mitigations") or [], rule_id, patterns)

    return Rule(
        id=rule_id,
        name=_expect_str(path, "name", data["name"]),
        severity=severity,
        summary=_expect_str(path, "summary", data["summary"]).strip(),
        criteria=criteria,
        docs={k: docs[k].strip() for k in DOC_KEYS},
        patterns=patterns,
        mitigations=mitigations,
        tags=_expect_str_list(path, "tags", data.get("tags", [])),
        source_path=path,
        exclude_paths=(
            pathspec.GitIgnoreSpec.from_lines(_expect_str_list(path, "exclude-paths", data["exclude-paths"]))
            if "exclude-paths" in data
            else None
        ),
        fold_same_text=_expect_bool(path, "fold-same-text", data.get("fold-same-text", False)),
    )


def _expect_bool(path: Path, where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _fail(path, where, "expected true or false")
    return value


def _parse_patterns(path: Path, raw_patterns: Any, rule_id: str, existing: list[Pattern]) -> list[Pattern]:
    if not isinstance(raw_patterns, list):
        raise _fail(path, "patterns", "expected a list")
    patterns: list[Pattern] = []
    for i, item in enumerate(raw_patterns):
        where = f"patterns[{i}]"
        item = _expect_keys(path, where, item, PATTERN_KEYS, {"id", "languages", "message"})
        pid = _expect_str(path, f"{where}.id", item["id"])
        if any(p.id == pid for p in [*existing, *patterns]):
            raise _fail(path, f"{where}.id", f"duplicate pattern id '{pid}'")
        if item.get("query") is not None:
            _validate_query(path, f"{where}.query", item["query"])
        sev = item.get("severity")
        if sev is not None and sev not in SEVERITIES:
            raise _fail(path, f"{where}.severity", f"'{sev}' is not one of {', '.join(SEVERITIES)}")
        patterns.append(
            Pattern(
                **_matcher_fields(path, where, item, f"{rule_id}/{pid}"),
                id=pid,
                message=_expect_str(path, f"{where}.message", item["message"]),
                severity=sev,
                prefilter=_prefilter(path, f"{where}.prefilter", item.get("prefilter")),
            )
        )
    return patterns


def _prefilter(path: Path, where: str, value: Any) -> tuple[tuple[bytes, ...], ...]:
    """`[a, b]` (one of the words) or `[[a, b], [c]]` (one word of each group), lower-cased."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise _fail(path, where, "expected a non-empty list of words, or a list of such lists")
    groups = value if all(isinstance(v, list) for v in value) else [value]
    out = []
    for group in groups:
        if not group or not all(isinstance(w, str) and w.strip() for w in group):
            raise _fail(path, where, "every word must be a non-empty string")
        out.append(tuple(w.lower().encode("utf-8") for w in group))
    return tuple(out)


def _parse_mitigations(path: Path, raw: Any, rule_id: str, patterns: list[Pattern]) -> list[Mitigation]:
    if not isinstance(raw, list):
        raise _fail(path, "mitigations", "expected a list")
    mitigations: list[Mitigation] = []
    for i, item in enumerate(raw):
        where = f"mitigations[{i}]"
        item = _expect_keys(path, where, item, MITIGATION_KEYS, {"id", "description", "languages"})
        effect = item.get("effect", "lower")
        if effect not in EFFECTS:
            raise _fail(path, f"{where}.effect", f"'{effect}' is not one of {', '.join(EFFECTS)}")
        scope = item.get("scope", "match")
        if scope not in SCOPES:
            raise _fail(path, f"{where}.scope", f"'{scope}' is not one of {', '.join(SCOPES)}")
        applies = item.get("patterns")
        if applies is not None:
            applies = _expect_str_list(path, f"{where}.patterns", applies)
            unknown = [p for p in applies if not any(q.id == p for q in patterns)]
            if unknown:
                raise _fail(path, f"{where}.patterns", f"unknown pattern id '{unknown[0]}'")
        mid = _expect_str(path, f"{where}.id", item["id"])
        if item.get("query") is not None:
            src = item["query"]
            for name in PREDICATE_USE.findall(src):
                if name not in ALLOWED_PREDICATES:
                    raise _fail(path, f"{where}.query", f"unsupported predicate '#{name}'")
        mitigations.append(
            Mitigation(
                **_matcher_fields(path, where, item, f"{rule_id}/{mid}"),
                id=mid,
                description=_expect_str(path, f"{where}.description", item["description"]),
                effect=effect,
                scope=scope,
                patterns=applies,
            )
        )
    return mitigations


def apply_extension(rule: Rule, path: Path, data: Any) -> None:
    """Merge a platform file (`rules/<rule-id>/<platform>.yaml`) into its rule.

    A rule that spans many languages keeps its metadata and web patterns in `rules/<id>.yaml`
    and one file per platform (Android, iOS, Flutter, Unity, ...) beside it, each adding
    patterns, mitigations and a section of each doc part under the platform's title.
    """
    data = _expect_keys(path, "extension", data, EXTENSION_KEYS, {"extends", "platform", "docs", "patterns"})
    if data["extends"] != rule.id:
        raise _fail(path, "extends", f"'{data['extends']}' does not match the folder's rule '{rule.id}'")
    platform = _expect_str(path, "platform", data["platform"]).strip()
    docs = _expect_keys(path, "docs", data["docs"], DOC_KEYS - {"why"}, {"what", "example", "instead"})
    for key, value in docs.items():
        rule.docs[key] = f"{rule.docs[key]}\n\n### {platform}\n\n{_expect_str(path, f'docs.{key}', value).strip()}"
    if rule.exclude_paths is not None:
        # The rule file's own `exclude-paths` (web test folders such as `test/`) cover the rule
        # file's own patterns, not a platform's: `com/example/test/` is an Android package.
        for pattern in rule.patterns:
            pattern.exclude_paths = pattern.exclude_paths or rule.exclude_paths
        rule.exclude_paths = None
    patterns = _parse_patterns(path, data["patterns"], rule.id, rule.patterns)
    rule.patterns.extend(patterns)
    rule.mitigations.extend(_parse_mitigations(path, data.get("mitigations") or [], rule.id, rule.patterns))
    if "exclude-paths" in data:
        spec = pathspec.GitIgnoreSpec.from_lines(_expect_str_list(path, "exclude-paths", data["exclude-paths"]))
        for pattern in patterns:
            pattern.exclude_paths = spec
    rule.extension_paths.append(path)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DesignlintError(f"{path}: cannot read rule file: {exc}") from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "YAML"
        raise DesignlintError(f"{path}: {where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    return data


def load_rule_file(path: Path) -> Rule:
    """A rule file plus the platform files in the folder named after it, if any."""
    rule = parse_rule(path, _read_yaml(path))
    folder = path.with_suffix("")
    if folder.is_dir():
        for extension in sorted(folder.glob("*.y*ml")):
            if extension.suffix in (".yaml", ".yml"):
                apply_extension(rule, extension, _read_yaml(extension))
    return rule


def rule_pack_hash(rules: list[Rule]) -> str:
    """SHA-256 of every rule file (platform files included) and the criteria catalog."""
    digest = hashlib.sha256()
    paths = sorted({p for r in rules for p in (r.source_path, *r.extension_paths)})
    paths.append(builtin_rules_dir() / "criteria.yaml")
    for path in paths:
        digest.update("/".join(path.parts[-2:]).encode())  # the same wherever the pack is installed
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def builtin_rules_dir() -> Path:
    """Where the shipped rule pack lives: designlint/rulepack in a wheel, rules/ in a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "rulepack", package.parent / "rules"):
        if (candidate / "criteria.yaml").is_file():
            return candidate
    raise DesignlintError(f"the built-in rule pack is missing (looked in {package / 'rulepack'})")


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml") and p.stem != "criteria")


def load_rules(extra_paths: list[Path] | None = None) -> list[Rule]:
    """The built-in pack plus user rule files or folders; ids must be unique."""
    files = rule_files(builtin_rules_dir())
    for extra in extra_paths or []:
        if extra.is_dir():
            files += rule_files(extra)
        elif extra.is_file():
            files.append(extra)
        else:
            raise DesignlintError(f"rules path not found: {extra}")
    rules: dict[str, Rule] = {}
    unique: list[Path] = []
    for path in files:
        if path.resolve() not in {p.resolve() for p in unique}:
            unique.append(path)
    for path in unique:
        rule = load_rule_file(path)
        if rule.id in rules:
            raise DesignlintError(f"{path}: id: rule '{rule.id}' is already defined in {rules[rule.id].source_path}")
        rules[rule.id] = rule
    return sorted(rules.values(), key=lambda r: r.id)
