"""Checks for the `streak-rewards` rule's daily log-in reward (session 15, decision A), on mobile and the web:
Kotlin and Java (Android), Swift (iOS), Dart (Flutter), JavaScript / TypeScript / TSX.

`daily_login_reward`: an `if` / `guard` whose condition asks whether a new day began since the last claim
(`!isSameDay(lastClaim, now)`, `!Calendar.current.isDateInToday(lastBonus)`, `lastClaimDate != today`,
`now - lastDaily >= 24 * 60 * 60 * 1000`, `difference(last).inHours >= 24`, `DAY_OF_YEAR` changed) and that grants
a reward on that path: currency added (`coins += 50`, `addCoins(100)`, `prefs.putInt("coins", coins + 50)`, Firestore
`'coins': FieldValue.increment(100)`), a claim opened (`canClaim = true`, `showDailyRewardDialog()`), a login calendar
moved on by wrapping round (`day = (day + 1) % 7`) or a random daily gift. Also the early-exit form: `if (now - last <
DAY_MS) return reply("already claimed")` followed by the grant, and a gate that only opens the claim (hides a countdown)
when a daily-named method of the same file pays it (`refreshDailyWheel()` / `spinBonus()`). Reported at info, once per file (one reward mechanism:
the gate and the claim of one daily bonus often sit in two functions of one class), in code about a daily bonus,
reward, gift, claim or log-in.

Not reported (the decision's quiet list): energy / stamina / lives refills, ad-view caps, daily quests or challenges
paying for a task, a daily puzzle or word of the day, days-played counters with no reward, trial / subscription /
cache expiry, a one-time welcome or first-login gift, a calendar that only displays. A file whose streak or ladder
resets after a missed day (`streak = 0`, `resetStreak()`, or a reported streak update) is the streak rule's warning,
which absorbs its own daily claim.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint.checks import CheckContext, Verdict
from designlint.checks.polyglot import enclosing_named_function, function_name, parameter_labels
from designlint.checks.streak_rewards_mobile import _condition_nodes, _file_reports_update
from designlint.checks.util import FUNCTION_TYPES, ancestors, text_without_comments, walk, within

CLASS_TYPES = frozenset({"class_declaration", "object_declaration", "class_definition", "class", "struct_declaration", "extension_declaration"})
GATE_TYPES = frozenset({"if_statement", "if_expression", "guard_statement"})
MOBILE = frozenset({"kotlin", "java", "swift", "dart"})

# ---------------------------------------------------------------- the new-day test
_TODAY = r"(?:[\w.]*today\w*(?:\(\))?|LocalDate\.now\(\)|new\s+Date\(\)\.toDateString\(\)|Date\(\)\.toDateString\(\)|DateTime\.now\(\)\.day)"
_DAY_CONSTANT = (
    r"86_?400_?000L?|864e5|86_?400(?:\.0)?\b|24\s*\*\s*60\s*\*\s*60(?:\s*\*\s*1000)?|24\s*\*\s*3600(?:\s*\*\s*1000)?|"
    r"(?:const\s+)?Duration\(\s*(?:hours:\s*24|days:\s*1)\s*\)|TimeUnit\.DAYS\.toMillis\(\s*1L?\s*\)|DateUtils\.DAY_IN_MILLIS|"
    r"\b[\w.]*(?:ONE_?DAY|DAY_?(?:IN_?)?(?:MS|MILLIS|MILLISECONDS|SECONDS|SECS)|MILLIS_?(?:PER|IN)_?DAY|SECONDS_?(?:PER|IN)_?DAY|"
    r"(?:DAILY|CLAIM|BONUS|REWARD|GIFT)_?COOLDOWN\w*|COOLDOWN_?(?:MS|MILLIS|HOURS)?)\b"
)
NEW_DAY_TESTS = [
    # `!isSameDay(last, now)`, `Calendar.current.isDateInToday(last)`, `isDate(last, inSameDayAs: now)`
    re.compile(r"(?i)\b\w*(?:is_?same_?day|same_?day|is_?same_?date|date_?in_?today|is_?today|in_?same_?day_?as|is_?new_?day|new_?day|is_?different_?day|day_?changed)\w*\b"),
    # `lastClaim != today`, `today == last`, `last.isBefore(today)`, `!last.equals(today)`
    re.compile(rf"(?:[!=]==?|\.equals\(|\bisBefore\(|\bisAfter\(|\bcompareTo\(|<|>)\s*\(?\s*{_TODAY}|{_TODAY}\s*(?:[!=]==?|\.equals\(|\.isAfter\(|\.isBefore\(|<|>)"),
    # a flag about today's claim: `!claimedToday`, `hasCollectedToday`
    re.compile(r"(?i)\b\w*(?:claimed|collected|received|redeemed|rewarded|got|given|granted|taken)_?(?:bonus_?|reward_?|gift_?)?today\w*\b"),
    # `last.get(Calendar.DAY_OF_YEAR) != now.get(...)`, `last.day != now.day`
    re.compile(r"DAY_OF_YEAR\s*\)?\s*[!=]=|[!=]=\s*[\w.]*\.get\(\s*Calendar\.DAY_OF_YEAR|\.day\s*[!=]=\s*[\w.()]*\.day\b"),
    # an elapsed time against a day: `now - last >= 86400000`, `elapsed < ONE_DAY_MS`
    re.compile(rf"(?:<=?|>=?)\s*\(?\s*(?:{_DAY_CONSTANT})|(?:{_DAY_CONSTANT})\s*\)?\s*(?:<=?|>=?)"),
    # `diff.inHours >= 24`, `hoursSince < 24`
    re.compile(r"(?i)\b\w*hours?\w*(?:\(\))?\s*(?:>=?|<=?)\s*2[34]\b"),
    # `daysBetween >= 1`, `ChronoUnit.DAYS.between(last, now) > 0`, `diff.inDays >= 1`, `.day ?? 0 >= 1`
    re.compile(r"(?i)(?:\b\w*days?\w*(?:\([^()]*\))?|DAYS\.between\([^()]*\))\s*(?:\?\?\s*0\s*)?\)?\s*(?:>=\s*1|>\s*0|<\s*1|==\s*0|!=\s*0)L?\b"),
]

# ---------------------------------------------------------------- the reward
_CURRENCY = r"coins?|chips?|gems?|diamonds?|gold|credits?|points?|xp|exp|money|balance|wallet|tokens?|cash|rubies|crystals?|spins?|bucks|currency|keys?|tickets?"
GRANTS = [
    # `coins += 50`, `user.wallet += 10`, `user[reward] += rewards[reward]`
    re.compile(rf"(?i)\b\w*(?:{_CURRENCY}|reward|bonus|prize)\w*\s*\]?\s*\+=\s*[\w(]"),
    # `balance = (balance || 0) + amt`, `_coins = _coins + bonus`
    re.compile(rf"(?i)\b(\w*(?:{_CURRENCY})\w*)\s*=\s*\(?\s*[\w.]*\1\b[^;\n]*\+\s*[\w(]"),
    # `addCoins(100)`, `grantDailyBonus()`, `claimDailyReward()`, `giveReward(user)`, `addMoney(id, 500)`
    re.compile(rf"(?i)\b(?:add|give|grant|award|credit|deposit|earn|receive|claim|collect|increase|increment|pay|tambah)_?\w*(?:{_CURRENCY}|bonus|reward|gift|prize|chest)\w*\s*\("),
    re.compile(rf"(?i)\b(?:adjust|update|change|modify)_?(?:{_CURRENCY})\w*\s*\(\s*\+?\d"),
    re.compile(r"\b(?:give|grant|award)[A-Z_]\w*\s*\("),
    # a React / Compose setter: `setCoins(c => c + 50)`, `setBalance(balance + 10)`
    re.compile(rf"(?i)\bset_?(?:{_CURRENCY})\w*\(\s*[^;\n]*\+\s*[\w(]"),
    # Firestore / Prisma / Mongo: `'coins': FieldValue.increment(100)`, `coins: { increment: 100 }`, `$inc: { coins: 50 }`
    re.compile(rf"(?i)['\"]?\w*(?:{_CURRENCY})\w*['\"]?\s*[:,]\s*(?:[\w.]*FieldValue\.)?increment\(|\b\w*(?:{_CURRENCY})\w*\s*:\s*\{{\s*increment\s*:|\$inc['\"]?\s*:\s*\{{\s*['\"]?\w*(?:{_CURRENCY})"),
    # a new balance computed into a local before it is stored: `final coins = (prefs.getInt('coins') ?? 0) + reward`,
    # `int coins = prefs.getInt("coins", 0) + 50`, `let gems = defaults.integer(forKey: "gems") + 10` (not text: `+ " coins"`)
    re.compile(rf"(?i)\b(?:final|val|var|let|const|int|long)\s+(?:int\s+|long\s+)?\w*(?:{_CURRENCY})\w*\s*(?::\s*\w+\s*)?=\s*(?!['\"])[^;\n]*(?<!['\"])(?<!['\"]\s)\+\s*(?!['\"])[\w(]"),
    # SharedPreferences / UserDefaults: `putInt("coins", coins + 50)`, `set(coins + 50, forKey: "coins")`
    re.compile(rf"(?i)\b(?:put|set)(?:Int|Long|Integer|Double|Float)?\(\s*['\"]?\w*(?:{_CURRENCY})\w*['\"]?\s*,\s*[^,;\n]*\+"),
    re.compile(rf"(?i)\.set\([^,;\n]*\+[^,;\n]*,\s*forKey:\s*[^)\n]*(?:{_CURRENCY})"),
    # a reward handed back: `return { claimed: true, coins: 20 }`, `return DailyBonus(coins = 50)`
    re.compile(rf"(?i)\breturn\b[^;\n]*\b(?:{_CURRENCY}|reward|bonus|amount)\s*[:=]\s*\d+"),
    # a claim opened: `canClaim = true`, `_dailyRewardAvailable.value = true`, `showDailyRewardDialog()`
    re.compile(r"(?i)\b\w*(?:can_?claim|can_?collect|claimable|claim_?available|(?:reward|bonus|gift)_?(?:available|ready)|(?:daily|bonus)\w*_?(?:available|ready))\w*(?:\.value)?\s*=\s*true\b"),
    re.compile(r"(?i)\bset\w*(?:can_?claim|claimable|available)\w*\(\s*true\b|\bshow\w*(?:daily|bonus|reward|gift)\w*\s*\("),
    # a login calendar moved on, wrapping round: `day = (day + 1) % 7`
    re.compile(r"(?i)\b\w*(?:day|index|idx|cycle|position|slot)\w*\s*=\s*\(\s*[\w.]*(?:day|index|idx|cycle|position|slot)\w*\s*\+\s*1\s*\)\s*%"),
]
RANDOM_GIFT = re.compile(r"(?i)\brandom\w*\s*\(|\bRandom\b|\.random\b|nextInt\(|shuffle|randomElement\(")
GIFTISH = re.compile(r"(?i)gift|prize|chest|reward|spin|loot|surprise")

# ---------------------------------------------------------------- context and the quiet list
DAILY_CONTEXT = re.compile(r"(?i)daily|bonus|reward|claim|gift|log_?in|check_?in|attendance|collect|spin|chest|prize|mystery|surprise|lucky|free_?coins")
QUIET = re.compile(
    r"(?i)energy|stamina|\blives\b|\blife\b|hearts?\b|refill|regen|quest|challenge|mission|\btasks?\b|achievement|puzzle|riddle|"
    r"word_?of_?the_?day|wordle|trial|subscription|expir|cache|welcome|first_?(?:login|launch|open|time|run|visit)|install|"
    r"advert|\bads?\b|ad_?(?:count|view|watch|cap|limit)|rewarded_?(?:ad|video|interstitial)|watch_?(?:ad|video)|interstitial|"
    r"onUserEarnedReward|onRewarded"
)
# A streak (or ladder) that resets after a missed day is the streak rule's warning: it absorbs its own daily claim.
STREAK_RESET = re.compile(
    r"(?i)\b\w*(?:streak|consecutive)\w*['\"]?\s*(?:=|:|\bto\b)\s*[01]\b(?![ \t]*[-+*/.\w])|reset_?\w*streak|streak\w*\.reset|"
    r"(?:put|set)\w*\(\s*['\"]?\w*(?:streak|consecutive)\w*['\"]?\s*,\s*[01]\s*\)|set\(\s*[01]\s*,\s*forKey:\s*['\"\w.]*streak|"
    r"copy(?:With)?\([^()]*streak\w*\s*[:=]\s*[01]\b"
)
EARLY_EXIT = re.compile(r"\b(?:return|throw)\b")
# The new day sets a daily tally back to 0 (`prefs.setInt(_dailyPointsKey, 0)`, `todayCoins = 0`): a day rolling over, no claim opened.
RESETS_TALLY = re.compile(r"(?i)\b(?:set|put)(?:Int|Long|Integer|Double|Float)?\(\s*[^,;\n]+,\s*0(?:\.0)?\s*\)|\b\w+(?:\.value)?\s*=\s*0(?:\.0)?\s*;")
OPENS_CLAIM = re.compile(r"(?i)=\s*true\b|\(\s*true\s*\)|\bshow\w*\s*\(|\bnotify")
# A method that only reads a figure (`getAverageDailyPoints()` summing the history, `isTodayReset()`): it pays nothing.
READER_NAME = re.compile(r"^_?(?:get|is|has|calc|calculate|compute|count|load|read)(?:[A-Z_]|$)")


def _gate_text(node: Node) -> str:
    return " ".join(text_without_comments(c) for c in _condition_nodes(node))


def _body_and_rest(node: Node) -> tuple[str, str]:
    """The code the gate controls: its branches, and what follows it when it exits early (a Swift `guard`,
    `if (claimedToday) return`), else ""."""
    conditions = {c.id for c in _condition_nodes(node)}
    branches = "\n".join(text_without_comments(c) for c in node.named_children if c.id not in conditions)
    rest = ""
    has_else = node.child_by_field_name("alternative") is not None or any(c.type in ("else", "else_clause") for c in node.children)
    if node.type == "guard_statement" or (not has_else and EARLY_EXIT.search(branches)):
        parts, sib = [], node.next_named_sibling
        while sib is not None and len(parts) < 40:
            parts.append(text_without_comments(sib))
            sib = sib.next_named_sibling
        rest = "\n".join(parts)
    return branches, rest


def _grants(code: str) -> bool:
    if any(rx.search(code) for rx in GRANTS):
        return True
    return bool(RANDOM_GIFT.search(code) and GIFTISH.search(code))


def _function_label(fn: Node) -> str:
    """A function's name, also for an arrow function held by a constant (`const dailyBonus = () => ...`)."""
    name = function_name(fn)
    if not name and fn.parent is not None and fn.parent.type in ("variable_declarator", "pair", "assignment_expression"):
        target = fn.parent.child_by_field_name("name") or fn.parent.child_by_field_name("key") or fn.parent.child_by_field_name("left")
        name = target.text.decode("utf-8", "replace") if target is not None and target.text else ""
    return name


def _owner_names(node: Node) -> str:
    """The names of the functions and class around a node (`claimDailyBonus`, `DailyRewardManager`)."""
    names = [_function_label(a) for a in ancestors(node) if a.type in FUNCTION_TYPES]
    for a in ancestors(node):
        if a.type in CLASS_TYPES:
            name = a.child_by_field_name("name")
            if name is None:
                name = next((c for c in a.named_children if c.type in ("type_identifier", "identifier", "simple_identifier")), None)
            if name is not None and name.text:
                names.append(name.text.decode("utf-8", "replace"))
            break
    return " ".join(n for n in names if n)


# A local holding today's date, compared in the gate: `const encodedDate = btoa(today)`, `val todayKey = fmt(LocalDate.now())`.
TODAY_LOCAL = re.compile(r"\b(\w+)\s*(?::\s*[\w<>?]+\s*)?=\s*[^;\n=]*(?:\btoday\b|toDateString\(\)|LocalDate\.now\(\)|toISOString\(\)\.(?:split|slice|substring))")


def _today_locals(node: Node, cache: dict[int, set[str]]) -> set[str]:
    fn = enclosing_named_function(node) or next((a for a in ancestors(node) if a.type in FUNCTION_TYPES), None)
    if fn is None:
        return set()
    if fn.id not in cache:  # read once per function of the file
        cache[fn.id] = set(TODAY_LOCAL.findall(text_without_comments(fn)))
    return cache[fn.id]


def _new_day_test(condition: str, node: Node, cache: dict[int, set[str]]) -> bool:
    if any(rx.search(condition) for rx in NEW_DAY_TESTS):
        return True
    if not re.search(r"[!=]=", condition):
        return False
    names = _today_locals(node, cache)
    return any(re.search(rf"[!=]==?\s*{re.escape(n)}\b|\b{re.escape(n)}\s*[!=]==?", condition) for n in names)


def _claim_elsewhere(node: Node) -> str | None:
    """The gate only opens the claim (shows the button, hides the countdown) and a daily-named method of the same file
    (the class or its Swift extension) pays it (`goBonus()` adding a random bonus to the coins): that method's name."""
    owner = node
    while owner.parent is not None:
        owner = owner.parent
    for fn in walk(owner):
        if fn.type in FUNCTION_TYPES and not within(node, fn) and DAILY_CONTEXT.search(function_name(fn)) and not READER_NAME.match(function_name(fn)):
            if _grants(text_without_comments(fn)) and not QUIET.search(function_name(fn)):
                return function_name(fn)
    return None


def _stores_callers_amount(node: Node, branches: str) -> bool:
    """The new-day branch stores an amount the caller passed in (`addTodayPoints(int points)` opening the
    day's tally with `setInt(_dailyPointsKey, points)`): points earned elsewhere recorded per day, not granted here."""
    fn = enclosing_named_function(node)
    names = {n for labels in (parameter_labels(fn) if fn is not None else []) for n in labels}
    return any(re.search(rf"(?i)\b(?:set|put)(?:Int|Long|Integer|Double|Float)?\(\s*[^,;\n]+,\s*{re.escape(n)}\s*\)", branches) for n in names)


def _gate(node: Node, cache: dict[int, set[str]]) -> str | None:
    """The message's account of a daily log-in reward gate ("" when the gate itself grants), else None."""
    condition = _gate_text(node)
    if not condition or not _new_day_test(condition, node, cache):
        return None
    branches, rest = _body_and_rest(node)
    owner = _owner_names(node)
    granted = branches if _grants(branches) else rest if rest and _grants(rest) else None
    if granted is not None and granted is rest and _stores_callers_amount(node, branches):
        return None  # the day's tally started with what the caller earned, then added to on later calls
    payer = ""
    if granted is None:
        if RESETS_TALLY.search(branches) and not OPENS_CLAIM.search(branches):
            return None  # a daily counter set back to 0 on a new day: nothing is granted for coming back
        # the gate opens a claim that another daily method of the file pays
        payer = _claim_elsewhere(node) if DAILY_CONTEXT.search(f"{condition} {owner}") else None
        if not payer:
            return None
        granted = ""
    if not DAILY_CONTEXT.search(f"{condition} {owner} {granted}") or QUIET.search(f"{condition} {owner} {branches}"):
        return None
    return payer


def file_gate(ctx: CheckContext) -> tuple[int, str] | None:
    """The first daily log-in reward gate of the file and the method that pays it when that is another one (memoised):
    one finding per file."""
    key = f"daily_login_gate:{ctx.root.start_byte}"
    if key not in ctx.memo:
        found = None
        cache: dict[int, set[str]] = {}
        if not STREAK_RESET.search(text_without_comments(ctx.root)):
            for n in walk(ctx.root):
                payer = _gate(n, cache) if n.type in GATE_TYPES else None
                if payer is not None:
                    found = (n.id, payer)
                    break
        ctx.memo[key] = found
    return ctx.memo[key]


def _where(node: Node) -> str:
    """`claimDaily() `: the innermost function around the gate that has a name."""
    name = next((n for n in (_function_label(a) for a in ancestors(node) if a.type in FUNCTION_TYPES) if n), "")
    return f"{name}() " if name else ""


def daily_login_reward(ctx: CheckContext) -> Verdict | bool:
    found = file_gate(ctx) if ctx.node.type in GATE_TYPES else None
    if found is None or found[0] != ctx.node.id:
        return False
    if ctx.language in MOBILE and _file_reports_update(ctx):
        return False  # the streak's update is reported: the daily claim is part of it
    payer = found[1]
    if payer:
        return Verdict(message=f"daily log-in reward: {_where(ctx.node)}opens a reward once a day that {payer}() pays (a reward for coming back on a new day)")
    return Verdict(message=f"daily log-in reward: {_where(ctx.node)}grants a reward for coming back on a new day")
