"""Configuration: `[tool.designlint]` in pyproject.toml or `.designlint.yaml`, found by walking
up from the working folder (or given with --config). CLI flags override it.

Every key is checked: unknown keys and wrong types are errors naming the file and the key.
Rule ids named anywhere in the config must exist (checked once rules are loaded).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from designlint.errors import DesignlintError
from designlint.findings import SEVERITY_ORDER
from designlint.yamlfile import load_yaml

CONFIG_FILES = (".designlint.yaml", ".designlint.yml", "pyproject.toml")
KEYS = {"select", "ignore", "per-path-ignores", "severity", "exclude", "rules", "fail-on", "respect-gitignore"}


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)  # folder of the config file; relative paths start here
    source: Path | None = None
    select: list[str] | None = None  # None: every rule
    ignore: list[str] = field(default_factory=list)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)
    fail_on: str = "warning"
    respect_gitignore: bool = True

    def rule_ids_named(self) -> list[tuple[str, str]]:
        """(key, rule id) for every rule id the config names, for validation."""
        named = [("select", r) for r in self.select or [] if r != "ALL"]
        named += [("ignore", r) for r in self.ignore]
        named += [("severity", r) for r in self.severity]
        for glob, ids in self.per_path_ignores.items():
            named += [(f"per-path-ignores.{glob}", r) for r in ids]
        return named


def _str_list(source: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DesignlintError(f"{source}: {key}: expected a list of strings")
    return value


def _level(source: Path, key: str, value: Any) -> str:
    if value not in SEVERITY_ORDER:
        raise DesignlintError(f"{source}: {key}: '{value}' is not one of error, warning, info")
    return value


def parse_config(data: Any, source: Path) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DesignlintError(f"{source}: expected a mapping of settings, got {type(data).__name__}")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise DesignlintError(f"{source}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(KEYS))})")
    config = Config(root=source.parent.resolve(), source=source)
    if "select" in data:
        config.select = _str_list(source, "select", data["select"])
    if "ignore" in data:
        config.ignore = _str_list(source, "ignore", data["ignore"])
    if "exclude" in data:
        config.exclude = _str_list(source, "exclude", data["exclude"])
    if "rules" in data:
        config.rules = [config.root / p for p in _str_list(source, "rules", data["rules"])]
    if "fail-on" in data:
        config.fail_on = _level(source, "fail-on", data["fail-on"])
    if "respect-gitignore" in data:
        if not isinstance(data["respect-gitignore"], bool):
            raise DesignlintError(f"{source}: respect-gitignore: expected true or false")
        config.respect_gitignore = data["respect-gitignore"]
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict):
            raise DesignlintError(f"{source}: severity: expected a mapping of rule id to level")
        config.severity = {str(k): _level(source, f"severity.{k}", v) for k, v in sev.items()}
    if "per-path-ignores" in data:
        ppi = data["per-path-ignores"]
        if not isinstance(ppi, dict):
            raise DesignlintError(f"{source}: per-path-ignores: expected a mapping of glob to rule ids")
        config.per_path_ignores = {str(k): _str_list(source, f"per-path-ignores.{k}", v) for k, v in ppi.items()}
    return config


def read_config_file(path: Path) -> Config | None:
    """Config from one file; None for a pyproject.toml without [tool.designlint]."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DesignlintError(f"{path}: cannot read config: {exc}") from None
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DesignlintError(f"{path}: invalid TOML: {exc}") from None
        section = doc.get("tool", {}).get("designlint")
        if section is None:
            return None
        return parse_config(section, path)
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise DesignlintError(f"{path}: {where}invalid YAML: {getattr(exc, 'problem', None) or exc}") from None
    return parse_config(data, path)


def find_config(start: Path) -> Config:
    """The nearest config walking up from `start`; defaults when there is none."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                config = read_config_file(candidate)
                if config is not None:
                    return config
    return Config(root=start)
