"""The odds-disclosure safeguard of the loot-box rule in game code (used by checks/loot_box_games.py).

A disclosure is odds the player is shown: text on a screen (`"Drop rates"`, `row[1] .. " odds: "`,
`$"Odds: {rate:P0}"`), a widget that holds them (`oddsPanel`, `DropRatesLabel`, `ShowOdds()`), or a rate written into
a label (`rateText.text = entry.dropRate + "%"`). Names of the game's own tuning are not (`nsfwOddsMultiplier`,
`[Header("CollectibleOddsModifier")]`, a `PetOdds` module that rolls, a `{"odds": [60, 30, 8, 2]}` weight list):
they set odds the player never sees, which is the opposite of a disclosure.

The web and mobile rules use the same test (checks/loot_box.py `odds_disclosed`): there text between tags
(`<caption>Odds</caption>`, a line of JSX or HTML text, `{{ }}`-free) counts as shown too, and so does an Android
string resource named for the odds (`getString(R.string.drop_rates)`); a `dropRates` map or a `probabilities`
array that only feeds the roll does not, nor does a `console.log` or `Log.d` line.
"""

from __future__ import annotations

import re

# A one-line string literal (C#, GDScript, Lua, Python, JS template literals), with the character before and after it.
STRING = re.compile(r"""(?P<before>.?)\s*(?P<q>["'`])(?P<body>(?:\\.|(?!(?P=q)).)*?)(?P=q)\s*(?P<after>.?)""")
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
    r"|tab|frame|title|header|heading|caption|sheet|card|section|overlay)(?![a-z])"
    r"|(?<![A-Za-z])(?i:show|display|open|view|render|toggle|draw|populate|list)_?(?i:the_?)?(?i:odds|drop_?rates?|rates"
    r"|probabilit(?:y|ies)|chances)(?![a-z])")
# A rate written into a label: `rateText.text = entry.dropRate * 100 + "%"`, `label.set_text(str(odds))`.
ODDS_INTO_TEXT = re.compile(
    r"\.(?:text|Text|SetText|set_text)\s*(?:=(?!=)|\()[^;\n]*?(?i:odds|drop_?rates?|probabilit|chance|(?<![A-Za-z])rates?(?![a-z]))")
# Lines that no player reads: comments, editor attributes and exports, logs.
NOT_SHOWN_LINE = re.compile(
    r"^\s*(//|--|#|/?\*|\[[A-Z]\w*[(\]]|@export|<!--|\{\s*/\*)|\b(Debug\.Log\w*|print_debug|push_warning|push_error|printerr"
    r"|logger\.\w+|logging\.\w+|warn|console\.\w+|Log\.[dviwe]|Timber\.\w+|NSLog|os_log|debugPrint)\s*\(")
# Text between tags in JSX, HTML, Vue and Svelte templates (`<caption>Odds</caption>`, `<h3>Drop rates</h3>`), or a line
# of such text on its own inside an element: prose, with no code punctuation.
MARKUP_TEXT = re.compile(r"(?:^|(?<=[\w\"'/}])>)\s*(?P<text>[^<>{}()=;\"'`&|+*\[\]]*?)\s*(?:<(?=/)|(?<!\w)<(?=[A-Za-z])|$)")
# A line of prose (a capital or CJK letter first): text inside an element written over several lines.
PROSE_LINE = re.compile(r"^\s*[A-Z\u3040-\u9fff\uac00-\ud7af]")
# A list of the odds laid out as views: SwiftUI `ForEach(odds, …)`, `dropRates.map((r) => <li>…` or `… => Text(…)`.
ODDS_LISTED = re.compile(
    r"\bForEach\s*\(\s*(?:self\.)?\w*?(?i:odds|drop_?rates?|probabilities|rates)\b"
    r"|\b\w*?(?i:odds|drop_?rates?|probabilities|rates)(?:\.\w+)*\.(?:map|forEach)\s*\(.*?=>\s*(?:<[a-z]|Text\s*\()")
# An Android string resource named for the odds: `getString(R.string.drop_rates)`, `stringResource(R.string.gacha_odds)`.
ODDS_RESOURCE = re.compile(r"\bR\.string\.\w*?(?i:odds|drop_?rates?|drop_?chances?|probabilit|gacha_?rates|rates_?(?:table|info))")


def _shown_string(match: re.Match) -> bool:
    body = match.group("body")
    if not PROSE_ODDS.search(body) or CODE_NAME.match(body) and ("_" in body or re.search(r"[a-z][A-Z]", body)):
        return False
    return match.group("before") != "[" and match.group("after") not in ("]", ":")  # not a key: `chest["odds"]`


def _markup_text(line: str) -> bool:
    """Odds prose as text between tags (`<caption>Odds</caption>`), or a line of prose inside an element."""
    for m in MARKUP_TEXT.finditer(re.sub(r"&#?\w+;", " ", line)):  # `Odds &amp; rates`
        body = m.group("text").strip()
        if not body or not PROSE_ODDS.search(body) or any(
                "_" in w or re.search(r"[a-z][A-Z]", w) for w in body.split() if PROSE_ODDS.search(w)):
            continue  # `dropRates:`, `drop_rates`: a name in code
        if m.start() > 0 or m.end() < len(line) or PROSE_LINE.match(line):
            return True  # between tags, or a whole line that reads as text (not `odds` alone in code)
    return False


def shows_odds(source: str, markup: bool = False) -> bool:
    """The source shows the odds to the player (see the module's doc); `markup`: JSX/HTML text counts too."""
    for line in source.splitlines():
        if len(line) > 2000 or NOT_SHOWN_LINE.search(line):
            continue
        if ODDS_WIDGET.search(line) or ODDS_INTO_TEXT.search(line) or ODDS_RESOURCE.search(line) or ODDS_LISTED.search(line):
            return True
        if markup and _markup_text(line):
            return True
        if ("'" in line or '"' in line or "`" in line) and any(_shown_string(m) for m in STRING.finditer(line)):
            return True
    return False
