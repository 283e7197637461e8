"""Bytes that never belong in designlint's own source or rule pack: a backspace or other control
character in a module or rule is almost always a regex written as `"\b..."` in a non-raw string (or pasted through a tool
that turned `\b` into a backspace), and such a pattern silently never matches."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "designlint"
SOURCES = sorted([*PACKAGE.rglob("*.py"), *(ROOT / "rules").rglob("*.yaml")])
CONTROL = {b for b in range(32) if b not in (9, 10, 13)}


@pytest.mark.parametrize("module", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_control_characters(module: Path) -> None:
    data = module.read_bytes()
    bad = [(data.count(b"\n", 0, i) + 1, hex(byte)) for i, byte in enumerate(data) if byte in CONTROL]
    assert not bad, f"{module.name}: control characters at (line, byte) {bad[:5]}"
