"""The odds-disclosure safeguard of the loot-box rule in game code (used by checks/loot_box_games.py).

A disclosure is odds the player is shown: text on a screen (`"Drop rates"`, `row[1] .. " odds: "`,
`$"Odds: {rate:P0}"`), a widget that holds them (`oddsPanel`, `DropRatesLabel`, `ShowOdds()`), or a rate written into
a label (`rateText.text = entry.dropRate + "%"`). Names of the game's own tuning are not (`nsfwOddsMultiplier`,
`[Header("CollectibleOddsModifier")]`, a `PetOdds` module that rolls, a `{"odds": [60, 30, 8, 2]}` weight list):
they set odds the player never sees, which is the opposite of a disclosure.
"""

from __future__ import annotations

import re

# A one-line string literal (C#, GDScript, Lua, Python), with the character before and after it.
STRING = re.compile(r"""(?P<before>.?)\s*(?P<q>["'])(?P<body>(?:\\.|(?!(?P=q)).)*?)(?P=q)\s*(?P<after>.?)""")
# Odds words as prose in a string: "Odds", "Drop rates", "probability", the CJK and European words of the web rule.
PROSE_ODDS = re.compile(
    r"(?<![A-Za-z])(?i:odds|drop[ _-]?rates?|drop[ _-]?chances?|probabilit(?:y|ies)|gacha[ _]?rates|rates?\s+(?:table|list"
    r"|info|details|disclosure)|pity\s+(?:counter|system|rate)|wahrscheinlichkeit|probabilidad|kans)(?![A-Za-z])"
    r"|確率|提供割合|排出率|概率|機率|확률")
# A string that is a name in code, not text: `"drop_rates"`, `"CollectibleOddsModifier"`.
CODE_NAME = re.compile(r"^[A-Za-z_][\w.]*$")
# Widgets and actions that show the odds: `oddsPanel`, `DropRatesLabel`, `chanceText`, `ShowOdds()`, `view_rates`.
ODDS_WIDGET = re.compile(
    r"(?i:odds|drop_?rates?|drop_?chances?|probabilit(?:y|ies)|gacha_?rates|rates|chances?)_?(?i:text|txt|label|lbl|panel"
    r"|popup|window|dialog|modal|view|button|btn|screen|ui|gui|display|tooltip|row|rows|entry|entries|table|list|info|page"
    r"|tab|frame)(?![a-z])"
    r"|(?<![A-Za-z])(?i:show|display|open|view|render|toggle|draw|populate|list)_?(?i:the_?)?(?i:odds|drop_?rates?|rates"
    r"|probabilit(?:y|ies)|chances)(?![a-z])")
# A rate written into a label: `rateText.text = entry.dropRate * 100 + "%"`, `label.set_text(str(odds))`.
ODDS_INTO_TEXT = re.compile(
    r"\.(?:text|Text|SetText|set_text)\s*(?:=(?!=)|\()[^;\n]*?(?i:odds|drop_?rates?|probabilit|chance|(?<![A-Za-z])rates?(?![a-z]))")
# Lines that no player reads: comments, editor attributes and exports, logs.
NOT_SHOWN_LINE = re.compile(
    r"^\s*(//|--|#|/?\*|\[[A-Z]\w*[(\]]|@export)|\b(Debug\.Log\w*|print_debug|push_warning|push_error|printerr|logger\.\w+"
    r"|logging\.\w+|warn)\s*\(")


def _shown_string(match: re.Match) -> bool:
    body = match.group("body")
    if not PROSE_ODDS.search(body) or CODE_NAME.match(body) and ("_" in body or re.search(r"[a-z][A-Z]", body)):
        return False
    return match.group("before") != "[" and match.group("after") not in ("]", ":")  # not a key: `chest["odds"]`


def shows_odds(source: str) -> bool:
    """The source shows the odds to the player (see the module's doc)."""
    for line in source.splitlines():
        if len(line) > 2000 or NOT_SHOWN_LINE.search(line):
            continue
        if ODDS_WIDGET.search(line) or ODDS_INTO_TEXT.search(line):
            return True
        if ("'" in line or '"' in line) and any(_shown_string(m) for m in STRING.finditer(line)):
            return True
    return False
