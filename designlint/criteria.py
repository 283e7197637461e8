"""The criteria catalog (rules/criteria.yaml): the sources findings cite, by id."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from designlint.errors import DesignlintError
from designlint.rules import builtin_rules_dir
from designlint.yamlfile import load_yaml

FIELDS = {"id", "group", "source", "section", "requirement", "url", "jurisdiction", "audience", "status", "note"}
REQUIRED = {"id", "group", "source", "section", "requirement", "url", "jurisdiction", "audience"}
AUDIENCES = ("children", "everyone")


@dataclass(frozen=True)
class Criterion:
    id: str
    group: str  # the body of sources it belongs to, e.g. "UK Children's Code" (the report's criteria matrix)
    source: str
    section: str
    requirement: str
    url: str
    jurisdiction: str = ""
    audience: str = ""
    status: str = ""
    note: str = ""


def load_criteria(path: Path | None = None) -> dict[str, Criterion]:
    path = path or builtin_rules_dir() / "criteria.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DesignlintError(f"{path}: cannot load the criteria catalog: {exc}") from None
    items = data.get("criteria") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DesignlintError(f"{path}: criteria: expected a list")
    catalog: dict[str, Criterion] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise DesignlintError(f"{path}: criteria[{i}]: expected a mapping")
        unknown = sorted(set(item) - FIELDS)
        if unknown:
            raise DesignlintError(f"{path}: criteria[{i}]: unknown key '{unknown[0]}'")
        missing = sorted(REQUIRED - set(item))
        if missing:
            raise DesignlintError(f"{path}: criteria[{i}]: missing key '{missing[0]}'")
        if item["audience"] not in AUDIENCES:
            raise DesignlintError(f"{path}: criteria[{i}].audience: '{item['audience']}' is not one of {', '.join(AUDIENCES)}")
        if str(item["id"]) in catalog:
            raise DesignlintError(f"{path}: criteria[{i}].id: duplicate id '{item['id']}'")
        catalog[str(item["id"])] = Criterion(**{k: str(v) for k, v in item.items()})
    return catalog


def cited_by(catalog: dict[str, Criterion], rules) -> dict[str, list[str]]:
    """criterion id -> ids of the rules that cite it (the rules a criterion bears on)."""
    out: dict[str, list[str]] = {cid: [] for cid in catalog}
    for rule in rules:
        for cid in rule.criteria:
            out.setdefault(cid, []).append(rule.id)
    return out


def expand_prefixes(catalog: dict[str, Criterion], prefixes: list[str]) -> set[str]:
    """The criterion ids that start with any of `prefixes` (`uk-aadc` -> every Children's Code
    standard). A prefix that matches nothing is an error, so a typo never filters everything out."""
    chosen: set[str] = set()
    for prefix in prefixes:
        matched = {cid for cid in catalog if cid.startswith(prefix)}
        if not matched:
            raise DesignlintError(f"--criteria: no criterion id starts with '{prefix}' (see `designlint criteria`)")
        chosen |= matched
    return chosen


@cache
def builtin_criteria() -> dict[str, Criterion]:
    return load_criteria()
