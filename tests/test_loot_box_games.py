"""loot-box in game code: the odds-disclosure safeguard reads what the player is shown, not names of tuning."""

from __future__ import annotations

import pytest

from designlint.checks.loot_box_odds import shows_odds
from designlint.config import Config
from designlint.files import Discoverer
from designlint.testing import fixture_scanner
from conftest import REPO

CSHARP = REPO / "fixtures" / "loot-box" / "csharp"


@pytest.mark.parametrize("line", [
    'label.Text = row[1] .. " odds: " .. row[2]',
    'boardTitle.text = "Drop rates";',
    'local oddsPanel = Instance.new("Frame")',
    'rateText.text = entry.dropRate * 100 + "%";',
    'public void ShowOdds() { }',
    'await ctx.send(f"Probability of each tier: {table}")',
])
def test_odds_shown_to_the_player(line):
    assert shows_odds(line)


@pytest.mark.parametrize("line", [
    '[Header("CollectibleOddsModifier")]',
    '[SerializeField] private float nsfwOddsMultiplier = 2.0f;',
    'float[] probabilities = GachaManager.GetRankProbabilities(level);',
    'local PetOdds = require(ServerScriptService.PetOddsModule)',
    'tier = random.choices(TIERS, weights=chest["odds"], k=1)[0]',
    '"1": {"label": "Wooden chest", "price": 25, "odds": [60, 30, 8]},',
    'Debug.Log("odds " + weight);',
    'var table = Resources.Load<TextAsset>("drop_rates");',
])
def test_tuning_and_code_names_are_not_a_disclosure(line):
    assert not shows_odds(line)


@pytest.fixture(scope="module")
def scanner():
    return fixture_scanner(Config(root=REPO))


def _finding(scanner, name: str):
    [(path, kind)] = Discoverer(respect_gitignore=False).discover([CSHARP / name]).files
    [finding] = [f for f in scanner.scan_file(path, kind)[0] if f.rule_id == "loot-box"]
    return finding


def test_odds_tuning_fields_do_not_lower_a_paid_pull(scanner):
    assert _finding(scanner, "NightOwlVending.cs").severity == "error"  # fm14 gachamii GachaController.cs:91


def test_an_odds_board_shown_before_the_pull_lowers_it(scanner):
    finding = _finding(scanner, "PaperLanternStall.cs")
    assert finding.severity == "info" and "drop rates/odds are disclosed in the same file" in finding.mitigations
