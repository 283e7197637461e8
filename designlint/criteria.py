"""The criteria catalog (rules/criteria.yaml): the sources findings cite, by id."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from designlint.errors import DesignlintError
from designlint.rules import builtin_rules_dir

FIELDS = {"id", "source", "section", "requirement", "url", "jurisdiction", "audience", "status", "note"}
REQUIRED = {"id", "source", "section", "requirement", "url"}


@dataclass(frozen=True)
class Criterion:
    id: str
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
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        catalog[item["id"]] = Criterion(**{k: str(v) for k, v in item.items()})
    return catalog


@cache
def builtin_criteria() -> dict[str, Criterion]:
    return load_criteria()
