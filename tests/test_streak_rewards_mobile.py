"""Severities of streak-reward findings in mobile fixture projects (the annotations say only whether a
line is reported; these say how strongly)."""

from __future__ import annotations

import shutil

from designlint.config import Config
from designlint.files import Discoverer
from designlint.testing import fixture_scanner
from conftest import REPO

SWIFT = REPO / "fixtures" / "streak-rewards" / "swift"


def _bonus_findings(folder):
    scanner = fixture_scanner(Config(root=REPO))
    found = {}
    for path, kind in Discoverer(respect_gitignore=False).discover([folder]).files:
        for f in scanner.scan_file(path, kind)[0]:
            if f.rule_id == "streak-rewards":
                line = path.read_text(encoding="utf-8").splitlines()[f.line - 1]
                found[line.strip()] = f
    return found


def test_reward_nothing_calls_is_lowered_to_info():
    # Habitto DailyAwardService.swift:228 `let bonus = streakDays * 5` in awardStreakBonusXP, which no
    # file calls; XPManager.swift:678 calculateStreakBonus, reached only through functions nothing calls
    found = _bonus_findings(SWIFT / "idle_bonus")
    assert found["let bonus = streakDays * 4"].severity == "warning"  # paid when the day is finished
    assert found["let bonus = streakDays * 3"].severity == "warning"  # named by a #selector
    assert found["let bonus = streakDays * 6"].severity == "info"
    assert "nothing in the project calls grantLegacyBonus()" in found["let bonus = streakDays * 6"].message
    assert found["let bonus = streakDays * 7"].severity == "info"  # only an uncalled function calls it
    assert "through legacyReplay()" in found["let bonus = streakDays * 7"].message
    assert found["let bonus = streakDays * 2"].severity == "info"  # a test is not a caller


def test_lone_file_keeps_its_severity(tmp_path):
    # without a project marker the other files are unknown: "nothing calls it" cannot be said
    shutil.copy(SWIFT / "idle_bonus" / "WaterService.swift", tmp_path / "WaterService.swift")
    found = _bonus_findings(tmp_path)
    assert found["let bonus = streakDays * 6"].severity == "warning"


def test_kotlin_reward_nothing_calls_is_lowered_but_a_click_handler_is_a_caller():
    found = _bonus_findings(REPO / "fixtures" / "streak-rewards" / "kotlin" / "idle_bonus")
    assert found["val bonus = streakDays * 4"].severity == "warning"  # reached from onWaterClicked()
    assert found["val bonus = streakDays * 9"].severity == "info"
