"""Shared helpers: run the CLI in-process, build small projects in temporary folders, and a fake
clock for the per-file time budget."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from designlint import budget
from designlint.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE_RULES = Path(__file__).resolve().parent / "data" / "rules"


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """Run `designlint ARGS` in-process in `cwd`; returns exit code, stdout and stderr."""

    def run(args: list[str], cwd: Path | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["designlint", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


@pytest.fixture
def project(tmp_path):
    """A temporary project using only the sample rule; write(files) fills it."""

    def write(files: dict[str, str | bytes], config: str | None = None) -> Path:
        rules_dir = tmp_path / "rules"
        rules_dir.mkdir(exist_ok=True)
        (rules_dir / "sample-autoplay.yaml").write_text((SAMPLE_RULES / "sample-autoplay.yaml").read_text())
        cfg = config if config is not None else "rules: [rules]\nselect: [sample-autoplay]\n"
        if "exclude" not in cfg:
            cfg += "exclude: [/rules/, /.designlint.yaml]\n"  # keep the test's own setup out of file counts
        (tmp_path / ".designlint.yaml").write_text(cfg)
        for name, content in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return tmp_path

    return write


class BudgetClock:
    """Stands in for `designlint.budget.now`: reads `t`, which a test moves on by `advance(s)`,
    or which moves on by `tick` at every reading (work done, as the parser's progress checks)."""

    def __init__(self) -> None:
        self.t = 0.0
        self.tick = 0.0

    def now(self) -> float:
        self.t += self.tick
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def budget_clock(monkeypatch) -> BudgetClock:
    """Time budgets read this clock instead of the process's CPU time: a test of a skip does not
    depend on how fast or busy the machine is."""
    clock = BudgetClock()
    monkeypatch.setattr(budget, "now", clock.now)
    return clock
