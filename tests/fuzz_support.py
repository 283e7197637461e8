"""Shared pieces of the fuzz tests (tests/test_fuzz.py) and the long fuzz run
(tests/fuzz/run_fuzz.py): input strategies and the property every scan must hold."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from designlint.config import Config
from designlint.languages import EXTENSIONS, kind_for
from designlint.runner import Scanner, ScanOptions

REPO = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (REPO / "fixtures").rglob("*") if p.is_file() and kind_for(p.name) is not None)
SUFFIXES = sorted(EXTENSIONS)


@cache
def scanner() -> Scanner:
    return Scanner(Config(root=REPO), ScanOptions(select=None, jobs=1, file_timeout=10.0))


def random_files():
    """(file name, bytes): random bytes under every extension designlint reads."""
    return st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=4096)).map(lambda t: (f"fuzz{t[0]}", t[1]))


@st.composite
def mutated_fixtures(draw):
    """A fixture file truncated, with bytes flipped, or spliced with another fixture."""
    path = draw(st.sampled_from(FIXTURES))
    data = bytearray(path.read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["truncate", "flip", "splice", "insert", "delete"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if how == "truncate":
            data = data[:at]
        elif how == "flip":
            data[at] = draw(st.integers(0, 255))
        elif how == "splice":
            other = draw(st.sampled_from(FIXTURES)).read_bytes()
            start = draw(st.integers(0, max(0, len(other) - 1)))
            data = data[:at] + other[start : start + draw(st.integers(1, 400))] + data[at:]
        elif how == "insert":
            data[at:at] = draw(st.sampled_from([b"{", b"}", b"(", b"<", b"\x00", b"\xff\xfe", b"\r", b"'", b'"', b"`", b"\\"]))
        else:
            del data[at : at + draw(st.integers(1, 64))]
    rel = path.relative_to(REPO)
    return rel.as_posix(), bytes(data)


def check_scan_holds(name: str, data: bytes) -> None:
    """The property: the scan returns, reports no internal error, and every finding points
    inside the file; the outputs it feeds render to valid JSON."""
    kind = kind_for(Path(name).name)
    assert kind is not None
    findings, diagnostics, lines, _ = scanner().scan_file(Path(name), kind, data)
    faults = [d for d in diagnostics if d.kind == "internal-error"]
    assert not faults, faults
    if lines is None:
        assert findings == [] and any(d.kind == "skipped" for d in diagnostics)
        return
    for f in findings:
        assert 1 <= f.line <= f.end_line <= max(lines, 1) + 1, (f, lines)
        assert f.column >= 1 and f.rule_id
    from designlint.report import render
    from designlint.runner import ScanResult

    result = ScanResult(scanner().rules, findings, diagnostics, 1, lines, {kind.display: 1})
    json.loads(render("json", result))
    json.loads(render("sarif", result))
