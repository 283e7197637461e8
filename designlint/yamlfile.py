"""Reading YAML: libyaml's C loader when PyYAML was built with it (rule files load about ten times
faster, which is most of designlint's start-up), else the pure-Python one. Both are safe loaders
and raise yaml.YAMLError with the same marks."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
