"""loot-box on the web and mobile: the odds count as disclosed only when the player is shown them (the display-based
test of checks/loot_box_odds.py that game code uses), not when a `dropRates` map or `probabilities` list feeds the roll."""

from __future__ import annotations

import pytest

from designlint.checks.loot_box_odds import shows_odds
from designlint.config import Config
from designlint.files import Discoverer
from designlint.testing import fixture_scanner
from conftest import REPO

FIXTURES = REPO / "fixtures" / "loot-box"


@pytest.mark.parametrize("line", [
    "        <caption>Odds</caption>",
    '<h3 className="rates">Odds &amp; rewards</h3>',
    "      Drop rates of every reward",
    "label: `Odds: ${pct}%`",
    "Text(stringResource(R.string.shrine_drop_rates))",
    "ForEach(odds, id: \\.0) { name, p in",
    "{dropRates.map((r) => <li key={r.tier}>{r.tier}: {r.pct}%</li>)}",
])
def test_odds_shown_in_markup_and_ui(line):
    assert shows_odds(line, markup=True)


@pytest.mark.parametrize("line", [
    "const dropRates: Record<string, number> = { worn: 0.7, mythic: 0.05 };",
    "const probabilities = getRankProbabilities(level);",
    'console.log("forge odds", dropRates);',
    'Log.d("Altar", "odds $probabilities")',
    "if (roll > odds) { return; }",
    "x => odds < 0.5",
    "const total = dropRates.map((r) => r.weight).reduce(add, 0);",
    "<!-- odds table goes here -->",
])
def test_names_of_the_roll_are_not_shown(line):
    assert not shows_odds(line, markup=True)


@pytest.fixture(scope="module")
def scanner():
    return fixture_scanner(Config(root=REPO))


def _severity(scanner, rel: str) -> str:
    [(path, kind)] = Discoverer(respect_gitignore=False).discover([FIXTURES / rel]).files
    [finding] = [f for f in scanner.scan_file(path, kind)[0] if f.rule_id == "loot-box"]
    return finding.severity


@pytest.mark.parametrize("rel", ["typescript/relic-forge.ts", "kotlin/RuneAltarViewModel.kt"])
def test_odds_names_that_only_feed_the_roll_keep_the_error(scanner, rel):
    assert _severity(scanner, rel) == "error"  # fm14b CandyMerge NormalGachaBtn.cs:20 (`probabilities`), web/mobile


@pytest.mark.parametrize("rel", ["vue/RelicAltar.vue", "tsx/GemChestWithOdds.tsx", "kotlin/RuneShrineScreen.kt",
                                 "swift/EggShopWithOdds.swift", "dart/crate_with_rates.dart"])
def test_odds_shown_to_the_player_lower_it(scanner, rel):
    assert _severity(scanner, rel) == "info"
