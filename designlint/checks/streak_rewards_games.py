"""Checks for the `streak-rewards` rule on game and server code: Unity C#, Godot GDScript,
Roblox / LÖVE Lua (also Luau) and Python (Django / Flask apps, Discord / Telegram bots).

The rule's ideas and vocabularies (what a streak name is, which reward tables count, which
text plays on the fear of losing a streak) come from `streak_rewards`; this module reads them
in the four grammars:

- `streak_update`: an increment or a reset of a streak-like counter (`streak++`,
  `self.streak += 1`, `data.Streak = data.Streak + 1`, `PlayerPrefs.SetInt("Streak", 0)`,
  `.update(streak=F("streak") + 1)`, `{"$inc": {"streak": 1}}`) that runs only when the last
  visit was one day ago, or after a missed day (`(DateTime.Today - last).Days == 1`,
  `last.Date == DateTime.Today.AddDays(-1)`, `(today - last).days == 1`, `today - data.lastDay
  == 1` with `math.floor(os.time() / 86400)`, `elapsed < 172800`). One finding per streak and
  file (`_first_of_family`), and a second counter set from a flag that a reported function of
  the file returns is that streak again (`_decided_by_reported_helper`); `next_streak_helper`: a
  helper that returns the new count.
- `ladder_position_update` (C#): a ladder position not named like a streak (`day`, a PlayerPrefs
  key "DayIndex", a set of claimed days) set back after a missed day and used to pick the reward.
- `reward_index` / `reward_table` / `scaled_reward` / `milestone_reward`: daily-login reward
  ladders, rewards that grow with the streak, payouts at a streak milestone; folded into the
  file's reported streak update (`_folded`), and a config table read by streak code in another
  file (directly or through the module's lookup function) is left to that file; a streak that
  only grows or wraps round, with no reset and no missed-day test, indexes a calendar that goes
  round (`_calendar_only`).
- `freeze_function` / `freeze_cost` / `freeze_item`: a streak freeze or repair that is sold (a
  seed script that adds an item another file lists again is not a second sale).
- `loss_text`: strings that use the fear of losing a streak (not log lines, not docstrings).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.polyglot import argument_nodes, as_call, calls, enclosing_functions, function_name, functions_by_name
from designlint.checks.streak_rewards import (
    BUY_FN,
    COST_WORDS,
    DAILY_CONTEXT,
    DAY_INDEX_NAME,
    FREEZE_COST_NAME,
    FREEZE_ITEM,
    GENERIC_REWARD_NAME,
    INCREMENT_CALL,
    KEEP_GOING,
    NOT_A_DAILY_STREAK,
    RESET_CALL,
    REWARD_TABLE_NAME,
    THREAT_WORDS,
    classify_streak_text,
    is_streak_name,
    norm_name,
)
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk, within
from designlint.findings import PROJECT_PART

# --------------------------------------------------------------------------- names

# The position in a daily-login ladder, reset after a missed day like a streak (`dailyRewardIdx`,
# `login_day`, `CurrentRewardDay`).
LADDER_NAME = re.compile(
    r"(?:^|_)(?:daily|login|reward|claim|claimed|bonus)_(?:reward_|bonus_|login_)?(?:day|days|day_index|index|idx|step|count|number|num)$"
    r"|^(?:available|current|curr|next|last|claimed)_(?:daily_)?reward(?:_day|_index|_idx|_num)?$|^(?:current|curr|next)_(?:reward_|login_|claim_)?day(?:_index|_idx|_number|_num)?$"
    r"|(?:^|_)day_of_(?:the_)?(?:daily_)?(?:bonus|reward|login|gift)$|(?:^|_)days?_in_(?:a_)?row$|(?:^|_)(?:daily|login|reward|claim)_(?:\w+_)?(?:day_)?seq(?:uence)?$|(?:^|_)(?:reward_|login_|daily_|current_|curr_)?cycle_day(?:_index|_idx)?$"
)
# Trailing parts of a target that say where a value is kept, not what it is (`leaderstats.Streak.Value`).
HOLDER_TOKENS = {"value", "Value", "data", "Data", "self", "this", "profile", "Profile", "player", "user"}
NAME_TYPES = {"identifier", "name", "property_identifier", "field_identifier"}
STRING_CONTENT_TYPES = {"string_content", "string_literal_content", "string_fragment"}


def _tokens(node: Node) -> list[str]:
    """Identifier and string-key names inside an expression, in source order."""
    out = []
    for n in walk(node):
        if n.type in NAME_TYPES or n.type in STRING_CONTENT_TYPES:
            out.append(text(n))
        elif n.type == "string" and not n.named_children:  # GDScript strings have no content node
            out.append(text(n).strip("'\""))
    return out


# A yes/no state about the streak (`IsStreakBroken()`, `"DailyReward_StreakBroken"`, `streakActive`),
# not the count: reading or saving it neither grows nor resets a streak.
FLAG_NAME = re.compile(r"^(?:is|has|can|should|was|did|will|show|check)_|_(?:broken|lost|expired|active|alive|claimed|available|enabled|shown|seen|notified|frozen|protected|flag|pending)$")


def _counter_name(name: str) -> bool:
    n = norm_name(name)
    if FLAG_NAME.search(n):
        return False
    return is_streak_name(name) or (bool(LADDER_NAME.search(n)) and not NOT_A_DAILY_STREAK.search(n))


def streak_name(node: Node | None) -> str | None:
    """The streak-like name an expression stands for (`data.loginStreak`, `self.streak`,
    `user["streak"]`, `leaderstats.Streak.Value`, `STREAK_KEY`), or None."""
    if node is None:
        return None
    tokens = [t for t in _tokens(node) if t not in HOLDER_TOKENS]
    if not tokens or len(" ".join(tokens)) > 120:
        return None
    last = tokens[-1]
    if NOT_A_DAILY_STREAK.search(norm_name(last)):
        return None
    if _counter_name(last):
        return last
    key = re.sub(r"(?i)_?(?:key|pref|prefs|save_?key)$", "", last)  # PlayerPrefs key constants
    if key != last and key and _counter_name(key):
        return last
    return None


# --------------------------------------------------------------------------- grammar views

COMPARISON_OPS = {"==", "!=", "~=", "<", "<=", ">", ">="}
BINARY_TYPES = {"binary_expression", "binary_operator", "comparison_operator"}
IF_TYPES = {"if_statement", "elif_clause", "elseif_statement"}
TERNARY_TYPES = {"conditional_expression", "ternary_expression", "if_expression"}  # Luau `if c then a else b`
# Nodes that give a name a value: C# / Python / GDScript / Lua.
DEFINITION_TYPES = {"variable_declarator", "assignment_expression", "assignment", "variable_statement", "const_statement", "assignment_statement", "property_declaration"}


def _operator(node: Node) -> str:
    return next((text(c) for c in node.children if not c.is_named and text(c) not in ("(", ")")), "")


def _operands(node: Node) -> tuple[Node, Node] | None:
    named = [c for c in node.named_children if "comment" not in c.type]
    if len(named) < 2:
        return None
    return named[0], named[-1]


def _strip(node: Node) -> Node:
    while node.type in ("parenthesized_expression", "cast_expression", "argument") and node.named_children:
        luau_cast = any(c.type == "::" for c in node.children)  # Luau `value :: type`, C# `(type) value`
        node = node.named_children[0 if luau_cast else -1]
    return node


def _comparisons(node: Node):
    for n in walk(node):
        if n.type in BINARY_TYPES and _operator(n) in COMPARISON_OPS:
            yield n


def _definition_parts(node: Node) -> tuple[Node | None, Node | None]:
    """(target, value) of a definition or assignment node in any of the four grammars."""
    kind = node.type
    if kind == "variable_declarator":  # C#: name then the value (after `=`)
        named = node.named_children
        return node.child_by_field_name("name"), (named[-1] if len(named) > 1 else None)
    if kind in ("variable_statement", "const_statement", "property_declaration"):  # GDScript; C# `TimeSpan MaxGap { get; } = ...`
        return node.child_by_field_name("name"), node.child_by_field_name("value")
    if kind in ("assignment_statement", "update_statement"):  # Lua, Luau `x += 1`
        targets = next((c for c in node.named_children if c.type == "variable_list"), None)
        values = next((c for c in node.named_children if c.type == "expression_list"), None)
        names = targets.children_by_field_name("name") if targets is not None else []
        if len(names) == 1 and len(targets.named_children) == 2:  # Luau `local today: number = ...`: the name, not its type
            targets = names[0]
        return targets, (values.named_children[0] if values is not None and values.named_children else None)
    return node.child_by_field_name("left"), node.child_by_field_name("right")


def _definitions(ctx: CheckContext, scope: Node, name: str) -> list[Node]:
    """Values given to the plain name `name` in `scope` (indexed once per scope and file)."""
    key = ("streak_games_defs", scope.start_byte, scope.end_byte)
    index = ctx.memo.get(key)
    if index is None:
        index = {}
        for n in walk(scope):
            if n.type in DEFINITION_TYPES:
                target, value = _definition_parts(n)
                if target is not None and value is not None and len(text(target)) < 60:
                    index.setdefault(text(target).strip(), []).append(value)
        ctx.memo[key] = index
    return index.get(name, [])


# A record literal (`{ currentStreak = 0, totalCompletions = 0 }`) is not the value of one of its fields.
RECORD_TYPES = {"table_constructor", "dictionary", "object_creation_expression", "anonymous_object_creation_expression", "initializer_expression"}


def _resolved(ctx: CheckContext, node: Node, fn: Node | None, depth: int = 2) -> str:
    """The expression's text followed by the values of the names in it (one or two hops),
    looked up in the enclosing function and at the top of the file, and by what the small
    functions of the file it calls return (`slot = _day_slot()`, `DaysSinceLastClaim() == 1`)."""
    out = [text(node)]
    if depth <= 0:
        return out[0]
    names = dict.fromkeys(text(n) for n in walk(node) if n.type in ("identifier", "name"))  # source order
    for name in list(names)[:6]:
        values = (_definitions(ctx, fn, name) if fn is not None else []) or _definitions(ctx, ctx.root, name)
        out.extend(_resolved(ctx, v, fn, depth - 1) for v in values[:3] if len(text(v)) < 300 and v.type not in RECORD_TYPES)
    for call in (as_call(n) for n in walk(node) if n.type in CALL_NODE_TYPES):
        if call is not None and call.receiver in ("", "self", "this"):
            out.extend(text(r) for r in _returned(ctx, call.name)[:3] if len(text(r)) < 300)
    return " \n ".join(out)


CALL_NODE_TYPES = {"invocation_expression", "call", "attribute_call", "function_call"}


def file_functions(ctx: CheckContext) -> dict[str, list[Node]]:
    """The named functions and methods of the file, by name (indexed once per file)."""
    return functions_by_name(ctx)


def _own_nodes(fn: Node):
    """The nodes of a function's body, without those of the functions nested in it."""
    stack = [fn]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(c for c in reversed(n.children) if c.type not in FUNCTION_NODE_TYPES)


def _returned(ctx: CheckContext, name: str) -> list[Node]:
    """The expressions a small function of the file returns (C# `=> expr` bodies too)."""
    out = []
    for fn in file_functions(ctx).get(name, [])[:2]:
        if len(text(fn)) > 2000:
            continue
        for n in _own_nodes(fn):
            if n.type == "return_statement" or n.type == "arrow_expression_clause":
                out.extend(c for c in n.named_children if c.type not in ("expression_list",) or c.named_children)
    return [v.named_children[0] if v.type == "expression_list" and v.named_children else v for v in out]


# --------------------------------------------------------------------------- one-day gap tests

YESTERDAY = re.compile(
    r"yesterday|AddDays\(\s*-\s*1(?:\.0)?\s*\)|timedelta\(\s*(?:days\s*=\s*)?-?1\s*\)|days\s*=\s*-1\b|prev(?:ious)?_?day|day_?before"
    r"|is_?consecutive|was_?consecutive|consecutive_?day|is_?next_?day|missed_?a?_?day|streak_?(?:broken|expired|alive|continues)"
    r"|is_?streak_?(?:broken|expired|alive|valid|active|continued)|can_?continue_?streak",
    re.I,
)
# `today == lastDay + 1`, `last["day"] == now["day"] - 1`, `lastLogin.Date.AddDays(1) == DateTime.Today`
DAY_PLUS_ONE = re.compile(r"(?:day|date|today)\w*(?:\(\s*\))?['\"\])]*\s*[-+]\s*1\b(?!\s*[*/.\d])|AddDays\(\s*1\s*\)", re.I)
DAY_WORD = re.compile(r"day|date|today", re.I)
DAY_DIFF = re.compile(
    r"days|TotalDays|day_?(?:diff|difference|gap|delta|count_?since)|(?:diff|gap|delta)_?(?:in_?)?days?\b|(?:day|date)\w*['\"\])]*\s*-\s*[\w(]"
    r"|-\s*[\w.:\[\]\"']*(?:day|date)|/\s*\(?\s*86_?400|/\s*\(?\s*24\s*\*\s*60\s*\*\s*60|/\s*\(?\s*60\s*\*\s*60\s*\*\s*24|/\s*\(?\s*(?:ONE_)?DAY\w*|/\s*\(?\s*SECONDS_(?:IN|PER)_(?:A_)?DAY",
    re.I,
)
NOT_A_GAP = re.compile(r"day_?of_?(?:week|month|year)|weekday|days_?in_?month|birthday|days_?(?:left|remaining|until)|trial|subscription|expir", re.I)
HOURS = re.compile(r"hours|TotalHours|\bhrs\b|/\s*\(?\s*3600|/\s*\(?\s*60\s*\*\s*60\b", re.I)
DAY_SECONDS = re.compile(
    r"^(?:8[56]_?\d00|172_?800|129_?600|259_?200)(?:\.0)?$|(?:24|36|48)\s*\*\s*60\s*\*\s*60|60\s*\*\s*60\s*\*\s*(?:24|36|48)|(?:24|36|48)\s*\*\s*3600|3600\s*\*\s*(?:24|36|48)"
    r"|2\s*\*\s*86_?400|86_?400\s*\*\s*2|\b(?:ONE_|A_)?DAY_?(?:IN_)?(?:SECONDS|SECS|LENGTH|DURATION)\b|\bSECONDS_?(?:IN|PER)_?(?:A_)?DAY\b|\bONE_DAY\b|\bTWO_DAYS?\b"
    r"|timedelta\(\s*(?:days\s*=\s*)?[12]\s*\)|timedelta\(\s*hours\s*=\s*(?:24|36|47|48)\s*\)|TimeSpan\.From(?:Days\(\s*[123]\b|Hours\(\s*(?:24|36|48|72))|new\s+TimeSpan\(\s*(?:[123]\s*,\s*0\s*,\s*0\s*,\s*0|(?:24|36|48|72)\s*,\s*0\s*,\s*0)\s*\)"
    r"|STREAK\w*(?:WINDOW|GRACE|RESET|TIMEOUT|EXPIR\w*|SECONDS|HOURS)|(?:DAILY|CLAIM)\w*(?:WINDOW|RESET|EXPIR\w*)",
    re.I,
)
TIME_DIFFERENCE = re.compile(r"\b(?:diff|difference|elapsed|since|delta|gap|passed|subtract|time_?diff|time_?since|time_?passed|seconds)\w*|-\s*\(?\s*\w", re.I)


# A field holding the hours allowed between two claims: `graceHours`, `claimCoolDown`, `rewardInterval`.
HOURS_NAME = re.compile(r"hour|grace|window|streak|reset|expir|cool_?down|claim|interval|period|wait|delay|daily|login|reward", re.I)


# A constant that holds the hours of the claim window or the reset (`DAILY_RESET_HOURS`, `StreakGraceHours`).
HOURS_CONSTANT = re.compile(r"(?i)(?:reset|streak|grace|window|daily|claim|expir)\w*hours?\b")


# A constant kept in another module that holds the days a streak may lapse: `GRACE_DAYS`, `LAPSE_DAYS`, `StreakResetDays`, `MAX_GAP_DAYS`.
DAYS_CONSTANT = re.compile(r"(?i)^\w*(?:grace|lapse|window|allowed|streak|reset|gap|missed|miss)_?(?:\w+_)?days?$")


def _threshold(ctx: CheckContext, node: Node, fn: Node | None) -> str | None:
    """'days' (1, 2), 'hours' (24..72) or 'seconds' (86400, timedelta(days=1), ONE_DAY)."""
    t = text(_strip(node)).replace("_", "") if _strip(node).type not in ("identifier", "name") else text(node)
    if re.fullmatch(r"[12](?:\.0)?[fFdD]?", t):
        return "days"
    if re.fullmatch(r"(?:2[0-9]|3[0-9]|4[0-8]|72)(?:\.0)?[fFdD]?", t):
        return "hours"  # 24 h, a 26 h tolerance, a 48 h window
    if len(t) < 80 and HOURS_CONSTANT.search(t):
        return "hours"  # `hoursSince >= Constants.DAILY_RESET_HOURS * 2`
    if len(t) < 80 and DAY_SECONDS.search(t):
        return "seconds"
    if _strip(node).type in ("identifier", "name", "member_access_expression", "attribute", "dot_index_expression") and len(t) < 60:
        values = (_definitions(ctx, fn, t) if fn is not None else []) or _definitions(ctx, ctx.root, t)
        for v in values[:3]:
            vt = text(v).replace("_", "") if re.fullmatch(r"[\d_.]+[fFdDmM]?", text(v)) else text(v)
            if re.fullmatch(r"[12](?:\.0)?[fFdDmM]?", vt) and re.search(r"day|streak|thresh|limit|max", t, re.I):
                return "days"  # `var streak_thresh = 2` (days)
            if re.fullmatch(r"(?:2[0-9]|3[0-9]|4[0-8]|72)(?:\.0)?[fFdDmM]?", vt) and HOURS_NAME.search(t):
                return "hours"  # `int graceHours = 26`, `private float claimCoolDown = 24f`
            if len(vt) < 80 and DAY_SECONDS.search(vt):
                return "seconds"
        if not values and DAYS_CONSTANT.search(text(node).split(".")[-1]):
            return "days"  # `gap > RetentionDefs.GRACE_DAYS`, defined in another module
    return None


# Two days of the year subtracted (`DateTime.Today.DayOfYear - last.DayOfYear`): a gap in days.
DAY_OF_YEAR_GAP = re.compile(r"\.DayOfYear\s*\)?\s*-\s*\(?\s*[\w.]+\.DayOfYear\b")


def _gap_operand(ctx: CheckContext, node: Node, kind: str, fn: Node | None) -> bool:
    t = text(node)
    if kind == "days" and len(t) < 200 and DAY_OF_YEAR_GAP.search(t):
        return True
    if len(t) > 300 or NOT_A_GAP.search(t):
        return False
    resolved = t if re.search(r"days|hours|\.days|Days", t) else _resolved(ctx, node, fn)
    if NOT_A_GAP.search(resolved):
        return False
    if kind == "days":
        return bool(DAY_DIFF.search(resolved))
    if kind == "hours":
        return bool(HOURS.search(resolved))
    return bool(TIME_DIFFERENCE.search(resolved) or "-" in resolved)


SPAN_MEMBER = re.compile(r"^(\w+)\.(?:TotalSeconds|TotalMinutes|TotalHours|TotalDays|Ticks|TotalMilliseconds)$")


def _deadline_passed(ctx: CheckContext, left: Node, right: Node, fn: Node | None) -> bool:
    """`timeLeft <= 0` where `timeLeft = last - os.time() + DAY_IN_SECONDS * 2` (or C# `remaining.TotalSeconds
    <= 0` where `remaining = MaxGap - now.Subtract(last)`): a deadline one to three days after the last
    visit, compared with zero."""
    for zero, other in ((right, left), (left, right)):
        other = _strip(other)
        member = SPAN_MEMBER.match(text(other)) if other.type == "member_access_expression" else None
        if text(_strip(zero)) in ("0", "0.0") and (other.type in ("identifier", "name") or member):
            name = member.group(1) if member else text(other)
            values = [v for v in ((_definitions(ctx, fn, name) if fn is not None else []) or _definitions(ctx, ctx.root, name))[:3] if len(text(v)) < 300]
            return any("-" in text(v) and _window_part(ctx, v, fn) for v in values)
    return False


def _window_part(ctx: CheckContext, value: Node, fn: Node | None) -> bool:
    """A part of `value` is one to three days: a literal (`86400 * 2`, `TimeSpan.FromDays(2)`) or a
    name defined as one (`MaxGap = new TimeSpan(3, 0, 0, 0)`)."""
    if any(DAY_SECONDS.search(part.strip()) for part in re.split(r"[-+()]", text(value))):
        return True
    return any(_threshold(ctx, n, fn) == "seconds" for n in walk(value) if n.type in ("identifier", "name") and n.parent is not None and n.parent.type != "member_access_expression")


def _window_deadline(ctx: CheckContext, left: Node, right: Node, fn: Node | None) -> bool:
    """`lastWorkout >= DateTime.Now - MaxGap`, `last.Add(TimeSpan.FromDays(2)) < DateTime.Now`: the last
    visit compared with now moved by a window of one to three days."""
    for shifted, other in ((right, left), (left, right)):
        shifted = _strip(shifted)
        if shifted.type not in BINARY_TYPES or _operator(shifted) not in ("-", "+") or len(text(shifted)) > 160:
            continue
        parts = _operands(shifted)
        if parts is None:
            continue
        a, b = (_strip(p) for p in parts)
        for window, base in ((b, a), (a, b)):
            if _window_part(ctx, window, fn) and not _window_part(ctx, base, fn) and (NOW_VALUE.search(text(base)) or DAY_WORD.search(text(base))) and DATE_NAME.search(text(other)):
                return True
    return False


# The two sides of a gap test name a date: `lastWorkout`, `data.LastLoginTime`, `DateTime.Now`.
DATE_NAME = re.compile(r"date|day|time|last|login|visit|claim|played|active|workout|now|today", re.I)


def _streak_length_gap(left: Node, right: Node) -> bool:
    """`(DateTime.Now - lastBroken).Days > streak + 2`: the days since the streak began (or last broke)
    outrun the streak itself, so a day was missed."""
    for days, other in ((left, right), (right, left)):
        if len(text(days)) < 120 and re.search(r"\.(?:Days|TotalDays)\b|\bdays?_?(?:since|passed|diff|gap)", text(days), re.I) and "-" in text(days):
            if len(text(other)) < 60 and any(streak_name(n) for n in walk(other) if n.type in NAME_TYPES):
                return True
    return False


def _missed_days_window(ctx: CheckContext, left: Node, right: Node, op: str, fn: Node | None) -> bool:
    """`daysSinceLastLogin > 3`, `3 <= gap_days`: the streak is lost after a window of three days."""
    for thr, other, ops in ((right, left, (">", ">=")), (left, right, ("<", "<="))):
        if op in ops and re.fullmatch(r"3(?:\.0)?[fFdD]?", text(_strip(thr))) and _gap_operand(ctx, other, "days", fn):
            return True
    return False


def gap_test(ctx: CheckContext, condition: Node, fn: Node | None) -> str | None:
    """'exact' when the condition tests that the last visit was one day ago (or a day was
    missed), 'new-day' when it only tests that at least a day has passed, else None."""
    t = text(condition)
    if len(t) > 600:
        return None
    if YESTERDAY.search(t) and not NOT_A_GAP.search(t):
        return "exact"
    found = None
    for comp in _comparisons(condition):
        parts = _operands(comp)
        if parts is None:
            continue
        op = _operator(comp)
        left, right = parts
        if op in ("==", "!=", "~=", "<", ">"):
            lt, rt = text(left), text(right)
            for a, b in ((lt, rt), (rt, lt)):
                if DAY_PLUS_ONE.search(a) and (DAY_WORD.search(b) or DATE_NAME.search(b)) and len(a) < 120 and len(b) < 120:
                    return "exact"
        if op in ("<", "<=", ">", ">=") and (_deadline_passed(ctx, left, right, fn) or _stored_deadline_passed(ctx, left, right, op, fn)):
            found = "new-day"
            continue
        if op in ("<", "<=", ">", ">=") and (_window_deadline(ctx, left, right, fn) or _streak_length_gap(left, right)):
            found = found or "new-day"
            continue
        if op in ("<", "<=", ">", ">=") and _missed_days_window(ctx, left, right, op, fn):
            found = found or "new-day"
            continue
        for thr, other in ((right, left), (left, right)):
            kind = _threshold(ctx, thr, fn)
            if kind and _gap_operand(ctx, other, kind, fn):
                exact = op in ("==", "!=", "~=") or (op in ("<", "<=") and thr is right) or (op in (">", ">=") and thr is left)
                if exact and not (kind == "days" and text(_strip(thr)).startswith("2") and op in ("==", "!=", "~=")):
                    return "exact"
                found = "new-day"
    if found is None and _strip(condition).type in ("identifier", "name", "unary_expression", "not_operator", "prefix_unary_expression", "unary_operator"):
        name = next((text(n) for n in walk(condition) if n.type in ("identifier", "name")), "")
        for value in ((_definitions(ctx, fn, name) if fn is not None else [])[:3]):
            if value.type not in ("identifier", "name") and len(text(value)) < 300:
                inner = gap_test(ctx, value, None)
                if inner:
                    return inner
    return found


# --------------------------------------------------------------------------- streak updates

PLUS_ONE = re.compile(r"\+\s*1(?:\.0)?\b(?!\s*[*/.\d])")
RESET_VALUE = re.compile(r"^\s*\(?\s*[01]\s*\)?\s*$")
# `x if gap == 1 else 1`, `0 if gap > 1 else s`, `gap == 1 ? s + 1 : 1`, Lua `gap == 1 and s + 1 or 1` (not a default: `data[3] or 1`)
RESET_BRANCH = re.compile(r"(?:\belse\b|:)\s*\(?\s*[01]\s*\)?\s*$|\?\s*[01]\s*:|\band\b.+\bor\s*\(?\s*[01]\s*\)?\s*$|^\s*\(?\s*[01]\s*\)?\s+if\b")


def _classify(value: Node | None) -> set[str]:
    """'B' when the value is the streak plus one, 'C' when it is 0 or 1 (or both, in a ternary)."""
    if value is None:
        return set()
    t = text(value)
    if len(t) > 200:
        return set()
    kinds = set()
    if PLUS_ONE.search(t):
        kinds.add("B")
    if RESET_VALUE.match(t) or RESET_BRANCH.search(t):
        kinds.add("C")
    return kinds


# The day a streak or a reward cycle started (`DayOneDate`, `streakStartDate`): the streak is today
# minus that day, so moving it to today resets the streak.
START_DATE_NAME = re.compile(
    r"(?:^|_)(?:day_one|day_1|streak_start|streak_begin|streak_began|(?:reward_|login_|daily_)?(?:cycle|ladder|calendar)_start)(?:_(?:date|time|day|timestamp|ts|at))?$"
)
NOW_VALUE = re.compile(
    r"DateTime\.(?:Today|Now|UtcNow)|\bos\.time\(|\btick\(|Time\.get_(?:unix_time|datetime|date)|OS\.get_(?:unix_time|datetime|date)"
    r"|date\.today\(|datetime\.(?:now|utcnow|today)\(|timezone\.now\(|^\s*(?:today|now|current_?(?:date|day|time))\s*$|DateTime\.now\(",
    re.I,
)


def _lua_compound_plus(node: Node) -> bool:
    """Luau `x += 1`: tree-sitter-lua has no compound assignment and leaves an ERROR `+`."""
    return any(c.type == "ERROR" and text(c).strip() == "+" for c in node.children)


def update_of(node: Node, ctx: CheckContext | None = None) -> tuple[str, str, Node | None] | None:
    """(kinds, streak name, value) when `node` grows ('B') or resets ('C') a streak-like counter."""
    kind = node.type
    if kind in ("postfix_unary_expression", "prefix_unary_expression"):
        if "++" in text(node):
            name = streak_name(node)
            return ("B", name, None) if name else None
        return None
    if kind in ("augmented_assignment", "update_statement") or (kind == "assignment_expression" and _operator(node) == "+="):
        target, value = _definition_parts(node)
        name = streak_name(target)
        if name and re.fullmatch(r"\s*1\s*", text(value)) and _operator(node) == "+=":
            return "B", name, value
        return None
    if kind in ("assignment_expression", "assignment", "variable_declarator", "variable_statement", "assignment_statement"):
        target, value = _definition_parts(node)
        name = streak_name(target)
        if not name and START_DATE_NAME.search(norm_name(_last_name(target))) and value is not None and NOW_VALUE.search(text(value)[:120]):
            return "C", _last_name(target), None  # the streak counts from a start date, moved to today
        if not name:
            return _next_streak_value(value)
        if kind == "assignment_statement" and _lua_compound_plus(node):
            return ("B", name, value) if re.fullmatch(r"\s*1\s*", text(value)) else None
        kinds = _classify(value)
        if not kinds and ctx is not None and _helper_decides(ctx, node, value):
            ctx.memo.setdefault("streak_games_helper_updates", set()).add(node.start_byte)
            kinds = {"B", "C"}
        return ("".join(sorted(kinds)), name, value) if kinds else None
    if kind in ("keyword_argument", "pair", "field"):  # .update(streak=F("streak") + 1), {"streak": 0}, Lua { streak = 1 }
        target = node.child_by_field_name("name") or node.child_by_field_name("key")
        value = node.child_by_field_name("value")
        name = streak_name(target)
        if name and text(target).strip("'\"") == "$inc" or _under_inc(node):
            name = None  # `{"$inc": {"daily_streak": 1}}`: the 1 is the step, the outer pair grows the streak
        kinds = _classify(value) if name else set()
        if kind == "pair" and not kinds and value is not None and text(target).strip("'\"") == "$inc":
            inner = next((p for p in walk(value) if p.type == "pair" and streak_name(p.child_by_field_name("key"))), None)
            if inner is not None and re.fullmatch(r"\s*1\s*", text(inner.child_by_field_name("value"))):
                return "B", streak_name(inner.child_by_field_name("key")) or "streak", value
        return ("".join(sorted(kinds)), name, value) if kinds else None
    call = as_call(node)
    if call is None:
        return None
    n = norm_name(call.name)
    if FLAG_NAME.search(n):
        return None  # `if (IsStreakBroken())`: a question about the streak, not a change to it
    if INCREMENT_CALL.search(n):
        return "B", call.name, None
    if RESET_CALL.search(n):
        return "C", call.name, None
    # PlayerPrefs.SetInt("Streak", v), config.set_value("daily", "streak", v), player:SetAttribute("Streak", v)
    args = [a for a in (call.arguments.named_children if call.arguments is not None else []) if "comment" not in a.type]
    setter = re.match(r"(?:set|save|store|update|write)_(\w+)$", n)
    if len(args) in (1, 2) and setter and _counter_name(setter.group(1)):  # user.SetDailyStreak(0), set_streak(user, 0)
        kinds = _classify(_strip(args[-1]))
        return ("".join(sorted(kinds)), call.name, _strip(args[-1])) if kinds else None
    if len(args) >= 2 and re.match(r"(?i)^(?:set|save|store|write|put)", call.name):
        key = next((k for k in (_key_name(_strip(a), ctx) for a in args[:-1]) if k), None)
        kinds = _classify(_strip(args[-1])) if key else set()
        if kinds:
            return "".join(sorted(kinds)), key, _strip(args[-1])
    return None


def _helper_decides(ctx: CheckContext, node: Node, value: Node | None) -> bool:
    """`local ok, slot = Rules.Status(record, today)` then `record.Streak = slot`, where the file's
    `Status` returns, in that position, the streak plus one after a one-day gap and 1 otherwise:
    the reset is the value the helper hands back (Lua returns several values)."""
    fn = next(enclosing_functions(node), None)
    ident = text(value).strip() if value is not None else ""
    if fn is None or not re.fullmatch(r"[A-Za-z_]\w*", ident):
        return False
    for n in _own_nodes(fn):
        if n.type != "assignment_statement" or n.end_byte > node.start_byte:
            continue
        targets = next((c for c in n.named_children if c.type == "variable_list"), None)
        values = next((c for c in n.named_children if c.type == "expression_list"), None)
        names = [text(t) for t in targets.named_children] if targets is not None else []
        call = as_call(values.named_children[0]) if values is not None and len(values.named_children) == 1 else None
        if ident in names and call is not None:
            position = names.index(ident)
            return any(_returns_streak_at(ctx, helper, position) for helper in file_functions(ctx).get(call.name, [])[:2] if helper != fn)
    return False


def _returns_streak_at(ctx: CheckContext, helper: Node, position: int) -> bool:
    """The helper returns, at `position` of its returned values, the streak plus one under a day-gap test, and 1 (or 0) elsewhere."""
    kinds: set[str] = set()
    for ret in (n for n in _own_nodes(helper) if n.type == "return_statement" and n.named_children):
        values = ret.named_children[0].named_children if ret.named_children[0].type == "expression_list" else ret.named_children
        if len(values) <= position:
            continue
        found = _classify(values[position])
        if "B" in found and not any(gap_test(ctx, c, helper) for c in controlling_conditions(ret, helper, values[position])):
            found.discard("B")
        if "B" in found and not streak_name(next((t for t in walk(values[position]) if t.type in ("dot_index_expression", "identifier")), None)):
            found.discard("B")
        kinds |= found
    return {"B", "C"} <= kinds


def _under_inc(pair: Node) -> bool:
    """A key of the document given to MongoDB's `$inc` (`{"$inc": {"daily_streak": 1}}`)."""
    outer = pair.parent.parent if pair.parent is not None else None
    key = outer.child_by_field_name("key") if outer is not None and outer.type == "pair" else None
    return key is not None and text(key).strip("'\"") == "$inc"


def _next_streak_value(value: Node | None) -> tuple[str, str, Node | None] | None:
    """`nextDay = data.loginStreak + 1` / `dayNumber = data.currentDay + 1`: a local that takes the
    streak plus one (the new streak, saved a few lines later)."""
    value = _strip(value) if value is not None else None
    if value is None or value.type not in BINARY_TYPES or _operator(value) != "+" or not _operands(value):
        return None
    left, right = _operands(value)
    name = streak_name(left) if re.fullmatch(r"\s*1\s*", text(right)) else None
    return ("B", name, value) if name else None


def _key_name(node: Node, ctx: CheckContext | None = None) -> str | None:
    """A storage key about a streak: `"LoginStreak"`, `STREAK_KEY`, `f"streak:{user_id}"`, or a
    constant that holds such a key (`const string SlotKey = "ClaimNum"`)."""
    name = streak_name(node)
    if name:
        return name
    t = text(node)
    if "string" in node.type and len(t) < 80 and re.search(r"streak", t, re.I) and not NOT_A_DAILY_STREAK.search(norm_name(t)):
        key = t.strip("'\"$@f")
        return None if FLAG_NAME.search(norm_name(key)) else key
    if ctx is not None and node.type in ("identifier", "name") and len(t) < 60:
        for value in _definitions(ctx, ctx.root, t)[:2]:
            if "string" in value.type and streak_name(value):
                return t
    return None


def _if_chain_conditions(stmt: Node) -> list[Node]:
    """The conditions of an if statement and of every else-if branch chained to it."""
    out = []
    current: Node | None = stmt
    while current is not None and current.type in IF_TYPES:
        cond = current.child_by_field_name("condition")
        if cond is not None:
            out.append(cond)
        nxt = None
        for alt in current.children_by_field_name("alternative"):
            if alt.type in IF_TYPES:
                if current.type == "if_statement" and alt.type in ("elif_clause", "elseif_statement"):
                    cond = alt.child_by_field_name("condition")
                    if cond is not None:
                        out.append(cond)
                else:
                    nxt = alt
        if current.type == "if_statement":  # C#: else if is a nested if_statement
            current = nxt if nxt is not None and nxt.type == "if_statement" else None
        else:
            current = None
    return out


def controlling_conditions(node: Node, fn: Node | None, value: Node | None) -> list[Node]:
    """Conditions that decide whether `node` runs: every if / else-if branch test around it in
    its function, and the test of a ternary that computes the new value."""
    out = []
    for a in ancestors(node):
        if a == fn:
            break
        if a.type == "if_statement":
            out.extend(_if_chain_conditions(a))
    out.extend(_guard_conditions(node, fn))
    if value is not None:
        for t in walk(value):
            if t.type in TERNARY_TYPES:
                cond = t.child_by_field_name("condition")
                if cond is None and len(t.named_children) == 3:  # Python: body if condition else other
                    cond = t.named_children[1]
                if cond is not None:
                    out.append(cond)
            elif t.type == "binary_expression" and _operator(t) == "or":  # Lua: cond and a or b
                left = t.named_children[0] if t.named_children else None
                if left is not None and left.type == "binary_expression" and _operator(left) == "and":
                    out.append(left.named_children[0])
    return out


EXIT_TYPES = {"return_statement", "break_statement", "continue_statement"}


def _guard_conditions(node: Node, fn: Node | None) -> list[Node]:
    """Tests of the guard clauses before `node` in its blocks (`if (day + 1 == today.Day) return;`
    then `sequence = 0;`): the statement runs only when they fail."""
    out = []
    for a in (node, *ancestors(node)):
        if a == fn or a.type in FUNCTION_NODE_TYPES:
            break
        sibling, seen = a.prev_named_sibling, 0
        while sibling is not None and seen < 8:
            seen += 1
            body = sibling.child_by_field_name("consequence") or sibling.child_by_field_name("body")
            if sibling.type == "if_statement" and body is not None and not sibling.children_by_field_name("alternative"):
                last = body if body.type in EXIT_TYPES or not body.named_children else body.named_children[-1]
                if last.type in EXIT_TYPES and sibling.child_by_field_name("condition") is not None:
                    out.append(sibling.child_by_field_name("condition"))
            sibling = sibling.prev_named_sibling
    return out


STREAK_RESET_TEXT = re.compile(r"(?i)streak\w*['\"\]]*\s*(?:=|:)\s*[01]\b(?!\s*[-+*/.\d])|reset_?\w*streak|streak\w*_?reset")


def _first_streak_update(ctx: CheckContext, fn: Node | None) -> tuple[dict[int, str], str] | None:
    """The streak updates of a function that run under a day-gap test (start byte -> streak name)
    and their kinds ('B' grows, 'C' resets), or None when the function keeps no daily streak."""
    scope = fn if fn is not None else ctx.root
    found_kinds: set[str] = set()
    updates: dict[int, str] = {}
    recounted: set[str] = set()
    exact = False
    for n in walk(scope):
        if n is not scope and n.type in FUNCTION_NODE_TYPES:
            continue
        update = update_of(n, ctx) if n.type in UPDATE_TYPES else None
        if update is None:
            continue
        if _in_loop(n, scope) and _local_target(n):
            recounted.add(update[1])
            continue
        inner_fn = next(enclosing_functions(n), None)
        if inner_fn is not None and fn is not None and inner_fn != fn:
            continue
        kinds, name, value = update
        if kinds == "C" and _wraps_around(ctx, n, name, fn):
            continue
        conditions = controlling_conditions(n, fn, value)
        tests = [gap_test(ctx, c, fn) for c in conditions]
        if not any(tests) and ctx.language == "python":
            tests = [_imported_gap_helper(ctx, c) for c in conditions]
        if not any(tests) and n.type in ROLLOVER_UPDATE_TYPES:
            tests = [_flag_rollover(ctx, c, fn) for c in conditions]
            if any(tests):
                ctx.memo.setdefault("streak_games_flag_updates", set()).add(n.start_byte)
        if not any(tests) and n.start_byte in ctx.memo.get("streak_games_helper_updates", ()):
            tests = ["helper"]  # the helper that returned the value tested the gap (`_helper_decides`)
        helper = fn is not None and ("C" in kinds or not _local_target(n))  # a reset helper, or one that saves the new count
        tests = [t for t in tests if t] or (_caller_tests(ctx, fn) if helper else [])
        if not tests:
            continue
        found_kinds |= set(kinds)
        exact = exact or "exact" in tests
        if _queried(n):
            updates.setdefault(n.start_byte, name)
            if _local_target(n):
                ctx.memo.setdefault("streak_games_local_updates", set()).add(n.start_byte)
    if not updates or recounted & set(updates.values()):
        return None  # also counted in a loop over the days played: a statistic, not a kept streak
    if found_kinds == {"B"} and not exact and not STREAK_RESET_TEXT.search(ctx.data.decode("utf-8", "replace")[:300000]):
        return None  # counts every new day and never resets: a days-played total, not a streak
    return updates, "".join(sorted(found_kinds))


# A streak test kept in a helper (`check_streak_time_over(last, now)`, `is_yesterday(d)`), maybe in another module.
GAP_HELPER_NAME = re.compile(r"streak|yesterday|consecutive|missed")
# The helper's body tests a missed-day window: `timedelta(hours=48)`, `timedelta(days=2)`, `.days > 1`, `== 1`, 172800 s.
MISSED_DAY_WINDOW = re.compile(
    r"(?:<=?|>=?|==)\s*(?:datetime\.)?timedelta\(\s*(?:hours\s*=\s*48|days\s*=\s*2)\s*\)"
    r"|\.days\s*(?:==\s*1|>\s*1|>=\s*2)\b|(?:<=?|>=?)\s*172_?800\b"
)


def _imported_gap_helper(ctx: CheckContext, condition: Node) -> str | None:
    """'exact' when the condition calls a streak-named helper of the project (often imported from another
    module) whose returned comparison tests a missed-day window: `if check_streak_time_into(last, now):`
    with `return timedelta(hours=24) <= gap <= timedelta(hours=48)`."""
    c = _strip(condition)
    if c.type == "not_operator" and c.named_children:
        c = _strip(c.named_children[-1])
    call = as_call(c) if c.type == "call" else None
    if call is None or not GAP_HELPER_NAME.search(norm_name(call.name)):
        return None
    key = ("streak_games_gap_helper", call.name)
    if key not in ctx.memo:
        definitions = project_index.for_context(ctx).definitions(call.name)[:3]
        ctx.memo[key] = any(len(d.text) < 1500 and re.search(rf"\breturn\b[^\n]*(?:{MISSED_DAY_WINDOW.pattern})", d.text) for d in definitions)
    return "exact" if ctx.memo[key] else None


# A flag that tells whether the player did the daily thing today (`active_today`, `completed`).
ACTIVITY_FLAG = re.compile(r"(?i)active|complet|done|played|check_?ed_?in|logged|posted|practi[cs]ed|studied|visited|today")
# The function rolls the day over: it clears such a flag (`g["active_today"] = False`) or tells a
# new date from the stored one (`if last != today:`).
DAY_ROLLOVER = re.compile(
    r"(?im)^[ \t]*[\w.\[\]\"']*(?:active|complet|done|played|today)\w*['\"\]]*\s*=(?!=)\s*(?:False|false)\b"
    r"|!=\s*(?:today|date\.today\(\)|\w+\.date\(\))|(?:today|date\.today\(\))\s*!="
)
ROLLOVER_UPDATE_TYPES = {"assignment", "augmented_assignment", "assignment_expression", "postfix_unary_expression",
                         "prefix_unary_expression", "assignment_statement", "update_statement"}


def _flag_rollover(ctx: CheckContext, condition: Node, fn: Node | None) -> str | None:
    """'flag' when a day-rollover job decides the streak by whether the player was active that day:
    `if active: streak += 1 else: streak = 0` or `streak + 1 if done_today else 0`, in a function
    that clears the daily flag or tells a new date from the last one. No gap arithmetic is needed:
    the job runs once per day, so a day without the flag ends the streak."""
    if fn is None:
        return None
    c = _strip(condition)
    if c.type == "boolean_operator" and (op := c.child_by_field_name("operator")) is not None and text(op) == "and":  # `if waiting and not active_today:`
        return next((f for part in (c.child_by_field_name("left"), c.child_by_field_name("right")) if part is not None and (f := _flag_rollover(ctx, part, fn))), None)
    if c.type == "not_operator" and c.named_children:  # `if not active:`
        c = _strip(c.named_children[-1])
    if c.type not in ("identifier", "attribute", "subscript", "call", "member_access_expression") or len(text(c)) > 80:
        return None
    flag = ACTIVITY_FLAG.search(text(c)) or c.type == "identifier" and any(
        v.type in ("call", "subscript", "attribute", "member_access_expression", "invocation_expression")
        and len(text(v)) < 80 and not text(v)[:1].isupper() and ACTIVITY_FLAG.search(text(v))
        for v in _definitions(ctx, fn, text(c))[:2])  # `active = g.get("active_today", False)`, not a new `Streak(...)` record
    return "flag" if flag and DAY_ROLLOVER.search(text(fn)) else None


def _wraps_around(ctx: CheckContext, node: Node, name: str, fn: Node | None) -> bool:
    """`if data.DailyStreak > 7 then data.DailyStreak = 1 end`, `if (day >= 7) day = 0;`: the counter
    is set back because it reached the end of its cycle, not because a day was missed."""
    for a in ancestors(node):
        if a == fn or a.type in FUNCTION_NODE_TYPES:
            return False
        if a.type in IF_TYPES:
            cond = a.child_by_field_name("condition")
            return cond is not None and _mentions(text(cond), name) and gap_test(ctx, cond, fn) is None
    return False


def _call_sites(ctx: CheckContext) -> dict[str, list[Node]]:
    """The calls of the file (`InitSaves()`, `self.reset_progress()`, `Rewards.give(p, day)`), by callee name."""
    index = ctx.memo.get("streak_games_calls")
    if index is None:
        index = {}
        for n in walk(ctx.root):
            call = as_call(n) if n.type in CALL_NODE_TYPES else None
            if call is not None:
                index.setdefault(call.name, []).append(n)
        ctx.memo["streak_games_calls"] = index
    return index


def _caller_tests(ctx: CheckContext, fn: Node) -> list[str]:
    """Day-gap tests around the places that call a helper (`else if (gap > 2 days) InitSaves();`):
    the helper's resets and increments run under them."""
    name = function_name(fn)
    key = ("streak_games_caller_tests", name)
    if key not in ctx.memo:
        tests = []
        for site in _call_sites(ctx).get(name, [])[:6] if name else []:
            caller = next(enclosing_functions(site), None)
            if caller is not None and caller != fn:
                conditions = [c for c in controlling_conditions(site, caller, None) if any(True for _ in _comparisons(c))]
                tests.extend(t for t in (gap_test(ctx, c, caller) for c in conditions) if t)
        ctx.memo[key] = tests
    return ctx.memo[key]


FUNCTION_NODE_TYPES = {"method_declaration", "local_function_statement", "lambda_expression", "anonymous_method_expression", "function_definition", "function_declaration", "lambda", "constructor_declaration"}
UPDATE_TYPES = {
    "postfix_unary_expression", "prefix_unary_expression", "assignment_expression", "augmented_assignment", "assignment",
    "variable_declarator", "variable_statement", "assignment_statement", "update_statement", "keyword_argument", "pair", "field",
    "invocation_expression", "call", "attribute_call", "function_call",
}
LOOP_TYPES = {"for_statement", "for_each_statement", "while_statement", "do_statement", "for_in_statement", "for_generic_clause", "repeat_statement"}


def _local_target(node: Node) -> bool:
    """The update writes a plain local name (`run += 1`), not a field of a record (`profile.streak = 0`)."""
    if node.type in ("postfix_unary_expression", "prefix_unary_expression"):
        target = node.named_children[0] if node.named_children else None
    else:
        target = _definition_parts(node)[0] if node.type in DEFINITION_TYPES or node.type in ("augmented_assignment", "update_statement") else None
    if target is not None and target.type == "variable_list" and target.named_child_count == 1:
        target = target.named_children[0]
    return target is not None and target.type in ("identifier", "name")


def _in_loop(node: Node, scope: Node) -> bool:
    """A local counter updated in a loop is computed over history (longest run, days in a row in a log)."""
    for a in ancestors(node):
        if a == scope:
            return False
        if a.type in LOOP_TYPES:
            return True
    return False


def _queried(node: Node) -> bool:
    """The update patterns' queries reach this node (so a finding can be placed on it): every
    update shape except dictionary pairs that are not Python ones keyed by a string (`{STREAK_KEY: 0}`,
    GDScript pairs, whose key is the field `left`)."""
    key = node.child_by_field_name("key") if node.type == "pair" else None
    return node.type != "pair" or (key is not None and key.type == "string")

def _function_update(ctx: CheckContext, fn: Node | None) -> tuple[dict[int, str], str] | None:
    key = ("streak_games_update", fn.start_byte if fn is not None else -1)
    if key not in ctx.memo:
        ctx.memo[key] = _first_streak_update(ctx, fn)
    return ctx.memo[key]


# A function that computes a streak statistic from the history of dates (`longest_streak`, `CountBestStreak`).
STAT_FUNCTION = re.compile(r"(?:^|_)(?:longest|best|max|record_(?:streak|best|longest)|(?:calculate|compute|count)_(?:\w+_)?(?:longest|best|max|streaks?_from|history|stats?))_")


def _reported_update(ctx: CheckContext, fn: Node | None) -> tuple[dict[int, str], str] | None:
    """The daily streak updates `streak_update` reports for a function (None for statistics)."""
    if fn is not None and function_name(fn) and STAT_FUNCTION.search(norm_name(function_name(fn)) + "_"):
        return None
    return _function_update(ctx, fn)


def _file_keeps_streak(ctx: CheckContext) -> bool:
    """Some function of the file grows or resets a daily streak (or, in C#, sets a reward ladder
    back after a missed day) and is reported for it: the file's reward tables, lookups and streak
    payouts are parts of that one behaviour, not findings of their own."""
    if "streak_games_file_update" not in ctx.memo:
        ladder = ctx.language == "csharp" and bool(re.search(r"daily|reward|gift|bonus|claim|login|prize", _code_text(ctx), re.I))
        ctx.memo["streak_games_file_update"] = any(
            _reported_update(ctx, fn) is not None or (ladder and _ladder_counters(ctx, fn) is not None)
            for fn in walk(ctx.root)
            if fn.type in FUNCTION_TYPES
        )
    return ctx.memo["streak_games_file_update"]


# Words around the streak's own name in a counter (`newStreak`, `projectedStreak`, `BreakStreak`, `streakKey`).
FAMILY_AFFIX = re.compile(r"^(?:(?:current|curr|cur|new|next|projected|updated|old|prev|previous|temp|tmp|local|my|the|break|reset|increment|increase|update|set|get|save)_)+|(?:_(?:key|pref|prefs|value|val|count|days|day))+$")


def _family(name: str) -> str:
    return FAMILY_AFFIX.sub("", norm_name(name)) or norm_name(name)


def _first_of_family(ctx: CheckContext, node: Node, name: str) -> bool:
    """One finding per streak and file: `newStreak` in the claim and `projectedStreak` in the
    preview (or `currentStreak++` and the `BreakStreak()` helper) are one streak rule; the first
    reported update in the file stands for the others. Different streaks of one file (a login
    streak and a daily-quest streak) keep a finding each."""
    firsts = ctx.memo.get("streak_games_families")
    if firsts is None:
        firsts, generic_locals = {}, True
        for fn in (f for f in walk(ctx.root) if f.type in FUNCTION_TYPES):
            found = _reported_update(ctx, fn)
            if found is not None:
                start = min(found[0])
                family = _family(found[0][start])
                firsts[family] = min(firsts.get(family, start), start)
                if family == "streak" and start not in ctx.memo.get("streak_games_local_updates", ()):
                    generic_locals = False
        specific = [f for f in firsts if f != "streak"]
        if "streak" in firsts and len(specific) == 1 and generic_locals:
            # `next_streak = ...` in the preview, `profile.login_streak += 1` in the claim: one streak,
            # reported where the named one is kept
            firsts = {specific[0]: firsts[specific[0]]}
        ctx.memo["streak_games_families"] = firsts
    family = _family(name)
    if family not in firsts and len(firsts) == 1:  # the generic `streak` merged into the file's one streak
        family = next(iter(firsts))
    return firsts.get(family, node.start_byte) == node.start_byte


def _returns_next_streak(ctx: CheckContext, fn: Node) -> bool:
    """Whether a streak helper (`CalculateNextStreak`, `next_login_streak`) returns the streak
    plus one and, after a day-gap test, 1 (or 0): the new count is decided here and saved by
    the caller. A helper that only returns the stored streak or 0 (a display
    getter) has no `+ 1` and is left alone."""
    kinds: set[str] = set()
    tested = False
    for n in _own_nodes(fn):
        if n.type != "return_statement" or not n.named_children:
            continue
        value = n.named_children[0]
        found = _classify(value)
        if not found or "comment" in value.type:
            continue
        kinds |= found
        tested = tested or any(gap_test(ctx, c, fn) for c in controlling_conditions(n, fn, value))
    return tested and {"B", "C"} <= kinds


def next_streak_helper(ctx: CheckContext) -> "Verdict | bool":
    fn = ctx.node
    if not _returns_next_streak(ctx, fn) or _reported_update(ctx, fn) is not None or _file_keeps_streak(ctx):
        return False  # the file's streak update is reported where it is saved
    return Verdict(message=f"daily streak: '{function_name(fn)}' returns the streak plus one after a one-day gap and starts again after a missed day")


def _callee_of_name(ctx: CheckContext, fn: Node, name: str) -> str | None:
    """The file function whose result gives `name` in `fn`: `local ok, day, broken = evaluate(pd)`,
    `ok, broken = self.check_claim(user)`, `bool broken = CheckGap();`."""
    for n in walk(fn):
        if n.type not in DEFINITION_TYPES:
            continue
        target, value = _definition_parts(n)
        if target is None or value is None or name not in _tokens(target) or len(text(target)) > 120:
            continue
        value = _strip(value)
        call = as_call(value) if value.type in CALL_NODE_TYPES else None
        if call is not None and call.receiver in ("", "self", "this") and call.name in file_functions(ctx):
            return call.name
    return None


def _decided_by_reported_helper(ctx: CheckContext, fn: Node | None, updates: dict[int, str]) -> bool:
    """`local canClaim, nextDay, streakBroken = evaluateEligibility(pd)` then `if streakBroken then
    pd.currentStreak = 1 else ... + 1 end`: the missed day was told by a function of the file whose
    own streak update is reported (`evaluateEligibility` resets `nextDay` after a gap). Applying that
    decision to a second counter is the same streak, not another finding."""
    if fn is None:
        return False
    helpers: set[str] = set()
    for n in walk(fn):
        if n.start_byte not in updates or n.type not in UPDATE_TYPES:
            continue
        update = update_of(n, ctx)
        if update is None:
            continue
        fired = [c for c in controlling_conditions(n, fn, update[2]) if gap_test(ctx, c, fn)]
        if not fired:
            return False
        for cond in fired:
            names = [text(t) for t in walk(cond) if t.type in ("identifier", "name")]
            callees = {_callee_of_name(ctx, fn, nm) for nm in names}
            if not names or None in callees:
                return False
            helpers |= callees
    own = function_name(fn)
    for helper in helpers:
        defs = [d for d in file_functions(ctx).get(helper, []) if d != fn]
        if helper == own or not defs or all(_reported_update(ctx, d) is None for d in defs):
            return False
    return bool(helpers)


def _same_code(a: str, b: str) -> bool:
    """Two function texts that differ at most in layout (whitespace, line comments)."""
    def flat(t: str) -> str:
        return " ".join(LINE_COMMENT.sub(" ", t).split())[:3000]
    return flat(a) == flat(b)


def _copy_in_earlier_file(ctx: CheckContext, fn: Node | None) -> bool:
    """The function is a copy of a function of the same name and the same code in another file of
    the project that comes first in path order: the copy-pasted streak is one behaviour, reported
    once, at the first copy."""
    name = function_name(fn) if fn is not None else None
    if not name:
        return False
    here = str(ctx.path.resolve())
    try:
        definitions = project_index.for_context(ctx).definitions(name)
    except Exception:  # no project to read: the file alone decides
        return False
    mine = text(fn)
    return any(d.path < here and _same_code(d.text, mine) for d in definitions)


# Words of a day-gap test in the text of a file: `timedelta(days=1)`, `yesterday`, `(now - last).days`.
DAY_GAP_WORDS = re.compile(r"timedelta|yesterday|\.days\b|days_?between|in_?days|day_?gap|consecutive", re.I)


def _grown_in_other_file(ctx: CheckContext, name: str) -> bool:
    """A Python reset-only update (a nightly script's `info["current_streak"] = 0`) of a streak that this
    file never grows and another file of the project grows by one and restarts around a day-gap test
    (the bot's own check-in): the check-in is the one behaviour, reported in its file."""
    key = (re.findall(r"\w+", name) or [""])[-1]
    if ctx.language != "python" or len(key) < 4 or not re.search(r"streak|consecutive|in_?a_?row", key, re.I):
        return False
    try:
        files = project_index.for_context(ctx).files()
    except Exception:  # no project to read: the file alone decides
        return False
    here = str(ctx.path.resolve())
    k = re.escape(key)
    grows = re.compile(rf"\b{k}\b\W{{0,3}}\s*(?:\+=\s*1\b|=\s*[^\n]*\b{k}\b\W{{0,3}}\s*\+\s*1\b)")
    restarts = re.compile(rf"\b{k}\b\W{{0,3}}\s*=\s*[01]\b")
    if grows.search(ctx.data.decode("utf-8", "replace")):
        return False  # the file grows the streak itself: its own update
    for path, data in files.items():
        if str(Path(path).resolve()) == here or Path(path).suffix != ctx.path.suffix:
            continue
        code = data.decode("utf-8", "replace")
        if grows.search(code) and restarts.search(code) and DAY_GAP_WORDS.search(code):
            return True  # grown by one and restarted in one file, around a day-gap test: the full update is there
    return False


def streak_update(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    fn = next(enclosing_functions(node), None)
    found = _reported_update(ctx, fn)
    if found is None or node.start_byte != min(found[0]):
        return False  # one finding per function, at its first update in source order
    name, kinds = found[0][node.start_byte], found[1]
    if not _first_of_family(ctx, node, name) or _decided_by_reported_helper(ctx, fn, found[0]) or _copy_in_earlier_file(ctx, fn):
        return False
    if kinds == "C" and _grown_in_other_file(ctx, name):
        return False
    if node.start_byte in ctx.memo.get("streak_games_flag_updates", ()):
        what = "grows at each day rollover that saw activity and is reset after a day without any"
    elif kinds == "B":
        what = "grows only when the last visit was the day before (a missed day ends it)"
    elif kinds == "C":
        what = "is reset when a day is missed"
    else:
        what = "grows when the last visit was one day ago and is reset after a missed day"
    return Verdict(message=f"daily streak: '{name}' {what}{_ladder_elsewhere(ctx, fn, name)}")


LADDER_HELPER = re.compile(r"(?:^|_)(?:rewards?|bonus|payouts?|prizes?|gifts?)(?:_|$)")


def _ladder_elsewhere(ctx: CheckContext, fn: Node | None, name: str) -> str:
    """`RetentionDefs.dailyReward(prof.loginStreak)` next to the update, defined in another file of the
    project: that file's reward ladder and milestones are part of this finding (not reported there)."""
    if fn is None or len(name) > 80:
        return ""
    for call in calls(fn):
        if not LADDER_HELPER.search(norm_name(call.name)) or not any(text(a).strip().split(".")[-1] == name.split(".")[-1] for a in argument_nodes(call)):
            continue
        other = [d for d in project_index.for_context(ctx).definitions(call.name)[:3] if d.path != str(ctx.path.resolve())]
        if other:
            return f"; the reward comes from {call.name}(streak) in {other[0].shown}:{other[0].line}, a ladder read by the streak (its table and milestones are part of this finding)"
    return ""


# --------------------------------------------------------------------------- reward ladders

SUBSCRIPT_PARTS = {
    "element_access_expression": ("expression", "subscript"),  # C#: rewards[i]
    "subscript": ("value", "subscript"),  # Python (GDScript: first child / arguments)
    "bracket_index_expression": ("table", "field"),  # Lua
    "attribute_subscript": ("", ""),  # GDScript: Manager.DAILY_REWARDS[streak] (name, then subscript_arguments)
}


def _subscript_parts(node: Node) -> tuple[Node | None, Node | None]:
    obj_field, idx_field = SUBSCRIPT_PARTS.get(node.type, ("", ""))
    obj = node.child_by_field_name(obj_field) or (node.named_children[0] if node.named_children else None)
    idx = node.child_by_field_name(idx_field) or node.child_by_field_name("arguments")
    if idx is None and len(node.named_children) > 1:
        idx = node.named_children[-1]
    return obj, idx


def _last_name(node: Node | None) -> str:
    """The name a target stands for: `coins` for `stats.coins`, `Gems` for `stats.Gems.Value`."""
    tokens = [t for t in _tokens(node) if t not in HOLDER_TOKENS] if node is not None else []
    return tokens[-1] if tokens else ""


# A position in a list of rewards that says nothing of days (`rewardIndex` of a spin wheel or a
# puzzle rotation): it counts only when its value comes from a streak.
WEAK_LADDER_NAME = re.compile(r"^(?:(?:current|curr|cur|next|active|selected)_)?(?:reward|bonus|claim|claimed)_(?:index|idx|num|number|step|count)$")


def _own_length_index(obj: Node, idx: Node) -> bool:
    """Lua `rewards[#rewards + 1] = {...}` (append) or `rewards[#rewards]` (last entry): the index is
    the table's own length, not a streak."""
    own = re.fullmatch(r"#\s*(.+?)(?:\s*\+\s*1)?", text(idx).strip())
    return own is not None and "".join(own.group(1).split()) == "".join(text(obj).split())


def _reward_index(ctx: CheckContext) -> "Verdict | bool":
    """`dailyRewards[streakDay]`, `rewardsForStreak[streak]`, `DAILY_REWARDS[user.streak % 7]`,
    `STREAK_REWARDS.get(streak)`."""
    node = ctx.node
    call = as_call(node) if node.type not in SUBSCRIPT_PARTS else None
    if call is not None:
        table_name = call.receiver.split(".")[-1].split(":")[-1]
        idx = call.arguments
    else:
        obj, idx = _subscript_parts(node)
        table_name = _last_name(obj)
        if obj is not None and idx is not None and _own_length_index(obj, idx):
            return False
    if idx is None or not table_name:
        return False
    table = norm_name(table_name)
    specific = bool(REWARD_TABLE_NAME.search(table))
    if not specific and not GENERIC_REWARD_NAME.match(table):
        return False
    idx_text = text(idx)
    if re.fullmatch(r"\W*(?:\"[^\"]*\"|'[^']*'|\d+)\W*", idx_text):
        return False  # rewards["coins"], rewards[0]
    fn = next(enclosing_functions(node), None)
    if fn is not None and _display_function(fn):
        return False  # `local r = Rewards[day]; title.Text = r.Name`: the calendar drawn, nothing paid
    streaky = next((t for t in _tokens(idx) if _counter_name(t) and not NOT_A_DAILY_STREAK.search(norm_name(t)) and not WEAK_LADDER_NAME.match(norm_name(t))), None)
    if streaky is None:
        resolved = _resolved(ctx, idx, fn)
        if re.search(r"streak|consecutive", resolved, re.I) and not NOT_A_DAILY_STREAK.search(norm_name(resolved)):
            streaky = "streak day"
        else:  # `dayToReward = rewardData.currentDay`
            values = resolved.split(" \n ", 1)[-1]  # the names in the values, not the functions called there (`GetRewardIndex(reward)`)
            streaky = next((t for t in re.findall(r"[A-Za-z_]\w*\b(?!\s*\()", values) if _counter_name(t) and not WEAK_LADDER_NAME.match(norm_name(t))), None) if " \n " in resolved else None
    if streaky is None and fn is not None:
        streaky = _streak_argument(ctx, fn, idx)
    if streaky and streaky != "streak day" and not is_streak_name(streaky) and not _counter_breaks(ctx, idx, fn):
        return False  # `DailyRewards[daysClaimed]`: a calendar position that nothing sets back after a missed day
    if streaky:
        return _once_per_table(ctx, table_name, f"reward table '{table_name}' is indexed by the streak ({' '.join(idx_text.strip('()').split())[:40]})")
    day_tokens = [t for t in _tokens(idx) if DAY_INDEX_NAME.match(norm_name(t)) and not WEAK_LADDER_NAME.match(norm_name(t))]
    if specific and day_tokens and not all(_loop_variable(node, t, fn) for t in day_tokens):
        scope_text = text(fn if fn is not None else ctx.root)[:20000]
        if re.search(r"streak|consecutive", scope_text, re.I):
            return _once_per_table(ctx, table_name, f"daily reward table '{table_name}' is indexed by the login day")
    return False


# Words of code that ends a run of days (`streak`, `consecutive`, `missedDay`, `ResetProgress`).
BREAK_WORDS = re.compile(r"streak|consecutive|in_?a_?row|missed|\bmiss_?\w*day|reset|broken", re.I)


def _counter_breaks(ctx: CheckContext, idx: Node, fn: Node | None) -> bool:
    """Evidence in the file that a ladder position is a streak: the code speaks of a streak, a
    missed day or a reset, or sets the position (or the field it is read from) back to 0 / 1
    under a condition that is not the end of the cycle. A reward calendar indexed by how many
    days were claimed, and never set back, is not a streak."""
    if BREAK_WORDS.search(_code_text(ctx)):
        return True
    names = {t for t in _tokens(idx) if _counter_name(t) or DAYISH_COUNTER.search(t)}
    values = _resolved(ctx, idx, fn).split(" \n ", 1)[-1]
    names |= {t for t in re.findall(r"[A-Za-z_]\w*", values) if _counter_name(t) or DAYISH_COUNTER.search(t)}
    for n in walk(ctx.root):
        if n.type not in DEFINITION_TYPES:
            continue
        target, value = _definition_parts(n)
        if target is None or value is None or _last_name(target) not in names or "C" not in _classify(value):
            continue
        owner = next(enclosing_functions(n), None)
        if controlling_conditions(n, owner, value) and not _wraps_around(ctx, n, _last_name(target), owner):
            return True
    return False


# A function that fills widgets (`label.Text =`, `icon.Image =`, `frame.Visible =`) and pays nothing:
# no `+=`, no leaderstats `.Value =`, no DataStore or PlayerPrefs write, no Add/Give/Grant call.
UI_WRITE = re.compile(r"\.(?:Text|text|Image|image|Visible|visible|sprite|texture|Icon|icon|ImageColor3|TextColor3)\s*=(?!=)")
PAYOUT_WRITE = re.compile(
    r"\+=|\.Value\s*=(?!=)|:(?:Set|Update|Increment)Async\b|\bSet(?:Int|Float|String)\b"
    r"|(?:^|[.:\s(])(?:add|give|grant|award|credit|increment|deposit|pay)\w*\s*\(",
    re.I,
)


def _display_function(fn: Node) -> bool:
    code = text(fn)
    return bool(UI_WRITE.search(code)) and not PAYOUT_WRITE.search(code)


def _once_per_table(ctx: CheckContext, table: str, message: str) -> "Verdict | bool":
    """One finding per table and file: the first lookup stands for the others (the same ladder
    read by the claim, the preview and the calendar)."""
    key = ("streak_games_lookup", table)
    first = ctx.memo.setdefault(key, ctx.node.start_byte)
    return Verdict(message=message) if first == ctx.node.start_byte else False


def _loop_variable(node: Node, name: str, fn: Node | None) -> bool:
    """`name` is the variable of a loop around `node` (`for i in 7:`, `for (int i = 0; ...)`,
    `for i, reward in ipairs(DAILY_REWARDS)`): the loop draws or walks the whole table."""
    declared = re.compile(r"^\s*(?:for|foreach)\s*\(?\s*(?:[\w<>\[\]]+\s+)?(?:\w+\s*,\s*)?" + re.escape(name) + r"\b")
    for a in ancestors(node):
        if a == fn:
            break
        if a.type in LOOP_TYPES and declared.match(text(a)[:200]):
            return True
    return False


def _parameter_names(fn: Node) -> list[str]:
    params = fn.child_by_field_name("parameters")
    out = []
    for p in params.named_children if params is not None else []:
        if p.type in ("identifier", "name"):
            out.append(text(p))
        else:
            name = p.child_by_field_name("name") or next((c for c in p.named_children if c.type in ("identifier", "name")), None)
            out.append(text(name) if name is not None else "")
    return out


DAILY_LADDER_FILE = re.compile(r"streak|consecutive|daily|login", re.I)
LINE_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\\w])//[^\n]*|(?<![\w-])--[^\n]*|(?<![\w\"'])#[^\n]*", re.S)


def _code_text(ctx: CheckContext) -> str:
    """The file's text without comments (C# `//`, Lua `--`, GDScript and Python `#`), memoised."""
    code = ctx.memo.get("streak_games_code")
    if code is None:
        code = ctx.memo["streak_games_code"] = LINE_COMMENT.sub(" ", ctx.data[:200000].decode("utf-8", "replace"))
    return code


def _streak_argument(ctx: CheckContext, fn: Node, idx: Node) -> str | None:
    """`Rewards[day]` in `giveReward(player, day)`, called as `giveReward(player, data.currentDay)`:
    the streak or ladder day the callers pass for the parameter that indexes the table."""
    params = _parameter_names(fn)
    name = function_name(fn)
    used = [p for p in params if p and p in _tokens(idx)]
    if not name or not used:
        return None
    position = params.index(used[0])
    for site in _call_sites(ctx).get(name, [])[:6]:
        call = as_call(site)
        args = argument_nodes(call) if call is not None else []
        shift = 1 if params and params[0] in ("self", "cls") and call is not None and call.receiver else 0
        if 0 <= position - shift < len(args):
            arg = args[position - shift]
            callees = {c.name for c in (as_call(n) for n in walk(arg) if n.type in CALL_NODE_TYPES) if c is not None}
            found = next((t for t in _tokens(arg) if t not in callees and _counter_name(t) and not NOT_A_DAILY_STREAK.search(norm_name(t))), None)
            if found and not (WEAK_LADDER_NAME.match(norm_name(found)) and not DAILY_LADDER_FILE.search(_code_text(ctx))):
                return found  # a bare `rewardIndex` passed along counts only in code about daily logins or streaks
    return None


def _entries(value: Node) -> int:
    """How many entries a literal list / table / dictionary / C# initializer has, counting only
    list items and entries keyed by a day number (`[1] = 10`, `1: 100`, `"day3": {...}`), so that a
    module table of functions and fields is not a reward table."""
    for n in (value, *value.named_children):
        if n.type in ("initializer_expression", "collection_expression", "list", "dictionary", "tuple", "array", "table_constructor"):
            entries = [c for c in n.named_children if "comment" not in c.type]
            return len([c for c in entries if _day_keyed(c)])
    return 0


def _day_keyed(entry: Node) -> bool:
    if entry.type not in ("pair", "field"):
        return True
    key = entry.child_by_field_name("key") or entry.child_by_field_name("name") or entry.child_by_field_name("left")
    if key is None:
        return True  # a positional Lua table item
    return bool(re.fullmatch(r"\[?\s*['\"]?(?:day_?)?\d+['\"]?\s*\]?", text(key), re.I))


# `STREAK_XP_BONUSES`, `LOGIN_STREAK_COIN_REWARDS`: a currency word between the streak and the reward.
STREAK_TABLE_NAME = re.compile(r"^(?:\w+_)?(?:streak|login|daily_login)_(?:xp|exp|coin|coins|gem|gems|gold|cash|point|points)_(?:rewards?|bonus(?:es)?|multipliers?)$")
BARE_REWARD_NAME = re.compile(r"^(?:day_|days_)?(?:rewards?|bonus(?:es)?|prizes?|gifts?)(?:_(?:list|table|config|by_day))?$")
DAILY_MODULE = re.compile(r"(?:^|_)(?:daily_(?:rewards?|login|bonus(?:es)?|gifts?|streak|check_?in)|login_(?:rewards?|bonus(?:es)?|streak|calendar)|streak|check_?in|attendance)(?:$|_)")


# Entries with a weight or a chance: a table to draw a random gift from, not a ladder of days.
RANDOM_DRAW_FIELD = re.compile(r"(?i)[\"'\[]?\b(?:weight|chance|probability|odds|drop_?rate)\b[\"'\]]?\s*[=:,]")


# A table named for days or logins (`DAILY_REWARDS`, `loginBonuses`, `rewardsPerDay`), not only for a streak.
DAILY_TABLE_WORD = re.compile(r"(?:^|_)(?:daily|login|day|days|check_?in|attendance|calendar)(?:$|_)")
# Code that deals with days, dates or logins (a streak table in such a file can be a login ladder).
FILE_KNOWS_DAYS = re.compile(
    r"day|daily|login|log_in|date|calendar|check_?in|midnight|unix_?time|os\.time|os\.date|\btick\(|\b86400\b|Time\.get_(?:unix|datetime|date)|TimeSpan|Timestamp",
    re.I,
)


def _daily_module(ctx: CheckContext, target: Node) -> bool:
    """A generic `REWARDS` table kept by a daily-login module: `DailyRewardsConfig.Rewards`, or
    `const REWARDS` in daily_reward_manager.gd."""
    holders = [norm_name(t) for t in _tokens(target)[:-1]]
    return any(DAILY_MODULE.search(h) for h in holders) or bool(DAILY_MODULE.search(norm_name(ctx.path.stem)))


def _reward_table(ctx: CheckContext) -> "Verdict | bool":
    """`int[] dailyRewards = { 50, 100, 150, ... }`, `DAILY_REWARDS = [...]`, `local rewardsForStreak = {...}`."""
    if EXPLANATORY_FILE.search(norm_name(ctx.path.stem)):
        return False  # the ladder copied into a help or reference panel
    target, value = _definition_parts(ctx.node)
    if target is None or value is None:
        return False
    name = _last_name(target)
    n = norm_name(name)
    if not (REWARD_TABLE_NAME.search(n) or STREAK_TABLE_NAME.search(n) or (BARE_REWARD_NAME.match(n) and _daily_module(ctx, target))):
        return False
    if _entries(value) < 3 or RANDOM_DRAW_FIELD.search(text(value)[:5000]):
        return False
    if not DAILY_TABLE_WORD.search(n) and not _daily_module(ctx, target) and not FILE_KNOWS_DAYS.search(_code_text(ctx)):
        return False  # `STREAK_MULTIPLIERS` of a combo in a run: nothing in the file is about days or logins
    if re.search(r"multiplier|streak|bonus", name, re.I):
        what = "rewards that grow with the streak"
    else:
        what = "a reward for each consecutive login day"
    return Verdict(message=f"daily-login reward table '{name}' ({what})")


SCALED_TARGET = re.compile(r"(?:^|_)(?:rewards?|bonus(?:es)?|coins?|gems?|xp|exp|points?|payout|amount|gold|cash|money|credits?|tokens?|multiplier|mult|earnings|income)(?:$|_)")
MULTIPLY_OPS = {"*"}


# The record a streak belongs to when it is a streak within play, not a daily one (`runData.streak`).
GAME_HOLDER = re.compile(r"^(?:run|match|game|round|battle|combat|fight|race|wave|quiz|puzzle|session|level)(?:_(?:data|state|stats|info|result))?$")


def _streak_operand(node: Node) -> str | None:
    """`streak`, `self.streak`, `(streak - 1)`, `Mathf.Min(streak, 7)`, `min(streak, 30)`."""
    node = _strip(node)
    t = text(node)
    if len(t) > 80 or "*" in t:
        return None
    names = [x for x in _tokens(node) if x not in HOLDER_TOKENS]
    if any(GAME_HOLDER.search(norm_name(x)) for x in names):
        return None  # `runData.streak`, `match.streak`: a streak within a run or a match
    return next((x for x in reversed(names) if _counter_name(x) and not NOT_A_DAILY_STREAK.search(norm_name(x))), None)


def _streak_product(value: Node) -> str | None:
    """The streak in a product inside `value` (`streak * 10`, `floor(streak / 7.0) * 0.5`)."""
    for n in walk(value):
        if n.type in BINARY_TYPES and _operator(n) in MULTIPLY_OPS and _operands(n):
            streaky = next((s for s in map(_streak_operand, _operands(n)) if s), None)
            if streaky:
                return streaky
    return None


def _daily_file(ctx: CheckContext) -> bool:
    return bool(DAILY_CONTEXT.search(ctx.data.decode("utf-8", "replace")[:200000]))


def _play_streak(ctx: CheckContext, name: str, fn: Node | None) -> bool:
    """`local streak = runData.streak`: the streak is read from a run or a match, not kept by day."""
    values = _definitions(ctx, fn, name) if fn is not None else []
    return any(GAME_HOLDER.search(norm_name(t)) for v in values[:3] for t in _tokens(v)[:-1])


def _scaled_reward(ctx: CheckContext) -> "Verdict | bool":
    """`int reward = baseReward + streak * 10`, `amount = 100 + data.streak * 25`."""
    target, value = _definition_parts(ctx.node)
    if target is None or value is None or len(text(value)) > 200:
        return False
    tname = norm_name(_last_name(target))
    if not SCALED_TARGET.search(tname) or (_counter_name(tname) and not re.search(r"bonus|multiplier|reward", tname)):
        return False
    streaky = _streak_product(value)
    if not streaky or not _daily_file(ctx) or _play_streak(ctx, streaky, next(enclosing_functions(ctx.node), None)):
        return False
    return Verdict(message=f"'{_last_name(target)}' grows with the streak '{streaky}' (a bigger reward for every consecutive day)")


def _reward_function(fn: Node | None) -> str:
    """The name of a function that computes a reward (`GetStreakMultiplier`, `_get_streak_mult`,
    `calc_daily_bonus`), or ""."""
    name = function_name(fn) if fn is not None else ""
    n = norm_name(name)
    if SCALED_TARGET.search(n) and not re.search(r"(?:^|_)(?:show|display|format|update_ui|refresh|label|text|on)(?:$|_)", n):
        return name
    return ""


def _scaled_return(ctx: CheckContext) -> "Verdict | bool":
    """`func _get_streak_mult(): return 1.0 + floor(login_streak / 7.0) * 0.5`,
    `int DailyCoins() => 50 + streak * 10`: a reward function whose result grows with the streak."""
    value = next((c for c in ctx.node.named_children if "comment" not in c.type), None)
    fn = next(enclosing_functions(ctx.node), None)
    name = _reward_function(fn)
    if value is None or not name or len(text(value)) > 200:
        return False
    streaky = _streak_product(value)
    if not streaky or not _daily_file(ctx):
        return False
    return Verdict(message=f"'{name}' returns a reward that grows with the streak '{streaky}' (a bigger reward for every consecutive day)")


PAYOUT_CALL = re.compile(r"(?:^|_)(?:give|grant|award|add|credit|reward|deposit|increase|increment)_?(?:\w+_)?(?:coins?|gems?|gold|cash|money|reward|rewards|bonus|chest|xp|exp|points|currency|balance|item|items|diamonds)(?:$|_)|^(?:give|grant|award)_?(?:reward|bonus|chest)?$")
PAYOUT_TARGET = re.compile(r"(?:^|_)(?:coins?|gems?|gold|cash|money|xp|exp|points|credits?|bonus|reward|rewards|balance|diamonds|currency|wallet|bank|tokens|crates?|boxes|chests?|keys|spins|tickets)(?:$|_)")
# A variable that holds the reward chosen for the day (`CurrentReward = StreakReward`, `multiplier = 2.0`).
REWARD_CHOICE = re.compile(r"(?:^|_)(?:rewards?|bonus(?:es)?|prizes?|multipliers?|mult|payout|gifts?|chests?)$")
NEUTRAL_VALUE = re.compile(r"^\s*(?:\(?\s*-?[01](?:\.0*)?[fFdDmM]?\s*\)?|null|nil|None|false|true|False|True|default|string\.Empty|\"\"|''|\{\s*\}|\[\s*\])\s*$")


# `streak == reward.streakDay`, `streak >= milestone.days`: a milestone read from a table of rewards.
MILESTONE_FIELD = re.compile(r"^(?:streak_days?|required_(?:streak|days)\w*|milestone(?:_days?)?|days_required|target_(?:streak|days)|threshold|streak_threshold|requirement|min_streak|min_days)$")


def _milestone(ctx: CheckContext, condition: Node, ladder: bool = False) -> str | None:
    """`streak % 7 == 0`, `streak == 7`, `loginStreak >= 30`: the streak name. In a ladder of
    branches (`if streak < 3 ... elif streak < 7 ...`) upper bounds count too."""
    ops = ("==", ">=", ">", "<", "<=") if ladder else ("==", ">=", ">")
    for comp in _comparisons(condition):
        parts = _operands(comp)
        if parts is None or _operator(comp) not in ops:
            continue
        for a, b in (parts, parts[::-1]):
            a, b = _strip(a), _strip(b)
            if a.type in BINARY_TYPES and _operator(a) == "%" and text(b) == "0" and _operands(a):
                name = _streak_operand(_operands(a)[0])
            elif (re.fullmatch(r"\d+", text(b)) and int(text(b)) >= 3) or MILESTONE_FIELD.search(norm_name(_last_name(b))):
                name = _streak_operand(a)
            else:
                continue
            if name:
                return name
    return None


def _self_increment(node: Node, target: Node) -> bool:
    """`crates.Unreal.Value = crates.Unreal.Value + 1`, `player.Megaphones.Value += 1`: a counter of
    something the player owns grows (not the streak, a day or an index)."""
    t = text(target).strip()
    rest = text(node)[len(t):] if text(node).startswith(t) else ""
    grows = re.match(r"\s*\+=", rest) or re.match(r"\s*=\s*" + re.escape(t) + r"\s*\+", rest)
    names = [norm_name(x) for x in _tokens(target)]
    return bool(grows) and not any(_counter_name(x) or re.search(r"(?:^|_)(?:day|days|index|idx|count|badge|achievement|level)s?$", x) for x in names)


def _pays_out(body: Node) -> bool:
    """The branch gives something: currency grows, a payout function is called, a reward is chosen
    (`CurrentReward = StreakReward`, `multiplier = 2.0`), or a reward function returns a value."""
    reward_fn = None
    for n in walk(body):
        if n.type in ("augmented_assignment", "update_statement", "assignment_expression", "assignment", "assignment_statement", "variable_declarator", "variable_statement"):
            target, value = _definition_parts(n)
            if target is None:
                continue
            tokens = [norm_name(t) for t in _tokens(target) if t not in HOLDER_TOKENS]
            if (any(PAYOUT_TARGET.search(t) for t in tokens) and "+" in text(n)[:200]) or _self_increment(n, target):
                return True
            several = target.type in ("pattern_list", "expression_list", "tuple_pattern", "variable_list") and target.named_child_count > 1
            chosen = next((t for t in reversed(tokens) if REWARD_CHOICE.search(t)), None) if several else (tokens[-1] if tokens else None)
            if chosen and REWARD_CHOICE.search(chosen) and value is not None and not NEUTRAL_VALUE.match(text(value)):
                # `currentReward` may also be a ladder position: then the value must be a reward
                if not _counter_name(chosen) or re.search(r"reward|bonus|prize|gift|\bnew\b", text(value)[:200], re.I):
                    return True
        elif n.type == "return_statement" and n.named_children and not NEUTRAL_VALUE.match(text(n.named_children[0])):
            if reward_fn is None:
                reward_fn = _reward_function(next(enclosing_functions(n), None))
            if reward_fn:
                return True
        call = as_call(n) if n.type in UPDATE_TYPES else None
        if call is not None and PAYOUT_CALL.search(norm_name(call.name)) and not re.search(r"log|print|track|analytic|achievement|badge", call.name, re.I):
            return True
    return False


def _if_chain(node: Node) -> list[Node]:
    """The branches (if, else-if / elif / elseif, else) of the chain `node` belongs to, in order."""
    head = node
    if head.type in ("elif_clause", "elseif_statement") and head.parent is not None:
        head = head.parent
    while head.parent is not None and head.parent.type == "if_statement" and head in head.parent.children_by_field_name("alternative"):
        head = head.parent  # C#: `else if` is an if statement in the alternative of the previous one
    branches = []
    current: Node | None = head
    while current is not None:
        branches.append(current)
        nxt = None
        for alt in current.children_by_field_name("alternative"):
            if alt.type in ("elif_clause", "elseif_statement"):
                branches.append(alt)
            elif alt.type == "if_statement":
                nxt = alt
            elif alt.type != "else_clause" or alt.named_children:
                branches.append(alt)  # a plain else
        current = nxt
    return branches


def _milestone_reward(ctx: CheckContext) -> "Verdict | bool":
    """`if (streak % 7 == 0) { coins += 500; }`, `if data.streak == 30 then GiveChest(player) end`,
    and ladders of branches on the streak (`if streak >= 30: bonus = 500 elif streak >= 7: ...`):
    one finding per chain, at its first branch that pays."""
    if not _daily_file(ctx):
        return False
    branches = _if_chain(ctx.node)
    ladder = sum(1 for b in branches if b.child_by_field_name("condition") is not None) > 1
    for branch in branches:
        condition = branch.child_by_field_name("condition")
        body = branch.child_by_field_name("consequence") or branch.child_by_field_name("body")
        if condition is None or body is None:
            continue
        name = _milestone(ctx, condition, ladder)
        if name and _pays_out(body):
            if branch.start_byte != ctx.node.start_byte:
                return False
            if ladder:
                return Verdict(message=f"reward steps up with the streak '{name}' (a ladder of streak lengths: pays more for coming back day after day)")
            return Verdict(message=f"reward paid out when the streak '{name}' reaches a milestone (pays for coming back day after day)")
    return False


SWITCH_SECTION_TYPES = {"switch_section", "pattern_section", "case_clause", "switch_expression_arm"}


def _switch_milestone(ctx: CheckContext) -> "Verdict | bool":
    """`switch (streak) { case 7: reward = ...; }`, GDScript `match login_streak: 7: ...`, Python
    `match streak: case 30: ...`, C# `streak switch { >= 30 => 500, ... }` assigned to a reward."""
    node = ctx.node
    subject = node.child_by_field_name("value") or node.child_by_field_name("subject") or (node.named_children[0] if node.named_children else None)
    name = _streak_operand(subject) if subject is not None else None
    what = "the streak length"
    if not name and subject is not None and node.type == "switch_expression":
        name, what = _ladder_day_parameter(ctx, node, subject), "the day of the login ladder"
    if not name or not _daily_file(ctx):
        return False
    sections = [n for n in walk(node) if n.type in SWITCH_SECTION_TYPES and next(a for a in ancestors(n) if a.type == node.type) == node]
    days = [int(d) for sec in sections for d in re.findall(r"(?<![\w.])(\d+)(?![\w.])", _section_labels(sec))]
    if not any(d >= 3 for d in days):
        return False
    if node.type == "switch_expression":
        holder = node.parent
        target = _definition_parts(holder)[0] if holder is not None and holder.type in DEFINITION_TYPES else None
        chosen = _last_name(target) if target is not None else ""
        if holder is not None and holder.type in ("return_statement", "arrow_expression_clause"):
            chosen = _reward_function(next(enclosing_functions(node), None))
        pays = bool(chosen) and bool(SCALED_TARGET.search(norm_name(chosen)) or REWARD_CHOICE.search(norm_name(chosen)))
    else:
        pays = any(_pays_out(sec) for sec in sections)
    if not pays:
        return False
    return Verdict(message=f"reward chosen by {what} '{name}' (case {', '.join(map(str, sorted(set(d for d in days if d >= 3))[:4]))}: a payout for coming back day after day)")


# `GetRewardForDay(int day)`, `RewardForLoginDay`, `DayReward`: the reward of a day of the login ladder.
REWARD_FOR_DAY = re.compile(r"(?:^|_)(?:rewards?|bonus|coins?|gems?|prize|gift)_(?:for_)?(?:the_)?(?:login_|streak_|claim_)?day(?:$|_)|(?:^|_)(?:login_|streak_)?day_(?:rewards?|bonus|prize|gift)(?:$|_)")


def _ladder_day_parameter(ctx: CheckContext, node: Node, subject: Node) -> str | None:
    """`int GetRewardForDay(int day) => day switch { 1 => 50, 7 => 200, ... }` in a file that keeps a
    login streak: the day of the ladder picks the reward (the streak itself is kept by a server)."""
    fn = next(enclosing_functions(node), None)
    if fn is None or subject.type != "identifier" or text(subject) not in _parameter_names(fn):
        return None
    if not REWARD_FOR_DAY.search(norm_name(function_name(fn) or "")) or not re.search(r"streak|consecutive", _code_text(ctx), re.I):
        return None
    return text(subject)


def _section_labels(section: Node) -> str:
    """The labels of a case: `case 7:`, `7, 14:`, `case 30:`, `>= 30 =>`, without the body."""
    body_types = {"block", "body", "expression_statement"}
    if section.type == "switch_expression_arm":
        named = section.named_children
        return text(named[0]) if named else ""
    labels = []
    for c in section.children:
        if c.type in body_types or c.type.endswith("_statement"):
            break
        labels.append(text(c))
    return " ".join(labels)


# --------------------------------------------------------------------------- streak freezes that are sold


def freeze_function(ctx: CheckContext) -> "Verdict | bool":
    """`void BuyStreakFreeze()`, `def buy_streak_freeze(self, user)`, `function purchaseStreakRepair()`."""
    node = ctx.node
    name = function_name(node) or text(node.child_by_field_name("name"))
    n = norm_name(name)
    if not BUY_FN.search(n) or not re.search(r"streak|freeze", n):
        return False
    if _remote_shop_client(ctx, node):
        return False
    if re.search(r"(?:^|_)(?:buy|purchase|order|checkout|pay)", n) or COST_WORDS.search(text(node)[:20000]):
        return Verdict(message=f"'{name}' sells a streak freeze / repair (a paid way to keep the streak)")
    return False


HTTP_CLIENT = re.compile(r"^\s*(?:import|from)\s+(?:requests|httpx|aiohttp|urllib3?)\b", re.M)


def _remote_shop_client(ctx: CheckContext, fn: Node) -> bool:
    """A Python client of another service's shop (`buy_streak_freeze()` in an unofficial API wrapper that
    posts to the vendor's URL): the function names no price or currency and the file talks HTTP to a
    fixed address. The project itself sells nothing."""
    if ctx.language != "python" or COST_WORDS.search(text(fn)[:20000]):
        return False
    code = _code_text(ctx)
    return bool(HTTP_CLIENT.search(code) and re.search(r"['\"]https?://[\w.-]+\.\w+", code))


def freeze_cost(ctx: CheckContext) -> "Verdict | bool":
    """`const int STREAK_FREEZE_COST = 200`, `FREEZE_PRICE = 50` in a file about streaks."""
    target, value = _definition_parts(ctx.node)
    if target is None or value is None:
        return False
    name = _last_name(target)
    n = norm_name(name)
    if not FREEZE_COST_NAME.search(n) or not re.fullmatch(r"\s*[1-9][\d_]*(?:\.\d+)?[fFmM]?\s*", text(value)):
        return False
    if "streak" not in n and not re.search(r"streak", ctx.data.decode("utf-8", "replace")[:200000], re.I):
        return False
    return Verdict(message=f"streak protection has a price ('{name}' = {text(value).strip()})")


PRICE_KEY = re.compile(r"^(?:(?:price|cost)(?:_?(?:gems?|coins?|gold|cash|credits?|points?|usd|cents|amount|value))?|gems|coins|gold|cash|credits|amount|(?:gems?|coins?|gold|credits?|points?)_?(?:cost|price))$", re.I)


SEED_NAME = re.compile(r"(?i)^(?:\w+_)?(?:seeds?|seeders?|seeding|seed_?data|sample_?data|mock_?data|dummy_?data|demo_?data|populate\w*)(?:_\w+)?$")


def freeze_item(ctx: CheckContext) -> "Verdict | bool":
    """A shop entry: `{"streak_freeze": 200}` in a price table, or `{"id": "streak_freeze", "price": 200}`.
    A seed or fixture script that creates the same item again is not a second sale."""
    verdict = _freeze_item(ctx)
    if verdict and ctx.node.parent is not None and _seed_copy_of_item(ctx, ctx.node.parent):
        return False
    return verdict


def _seed_copy_of_item(ctx: CheckContext, record: Node) -> bool:
    """`record` is a sold streak-protection item (`{"item_type": "streak_freeze", "price_gems": 10,
    "description": "Protect your streak"}`) in a seed script, and another file of the project lists
    the same item: the shop sells it once."""
    if not _seed_file(ctx.path):
        return False
    for pair in record.named_children[:30]:
        if pair.type not in ("pair", "field") or not _freeze_item(replace(ctx, node=pair)):
            continue
        key = pair.child_by_field_name("key") or pair.child_by_field_name("name") or pair.child_by_field_name("left")
        value = pair.child_by_field_name("value")
        item = next((t for t in (text(value).strip("'\""), text(key).strip("'\"[]")) if FREEZE_ITEM.search(norm_name(t))), None)
        return bool(item) and _listed_elsewhere(ctx, item)
    return False


def _seed_file(path: "str | Path") -> bool:
    """`scripts/seed_data.py`, `seeders/shop.py`, `populate_db.py`: a script that fills the database."""
    p = Path(path)
    return bool(SEED_NAME.match(p.stem) or SEED_NAME.match(p.parent.name))


def _listed_elsewhere(ctx: CheckContext, item: str) -> bool:
    """Another file of the project names the same shop item (`"streak_freeze"`): one that is not
    seed data, or a seed script before this one in path order."""
    here = str(ctx.path.resolve())
    try:
        index = project_index.for_context(ctx)
        files = dict(index.files())
        if index.root == ctx.path.resolve().parent and ctx.project_root is None:
            # no project marker: the seed script's folder (`scripts/`) is not the whole project
            files.update(project_index.index_for(index.root.parent, ctx.language).files())
    except Exception:
        return False
    quoted = re.compile(r"[\"']" + re.escape(item) + r"[\"']")
    return any(
        path != here and (not _seed_file(path) or path < here) and quoted.search(data.decode("utf-8", "replace"))
        for path, data in files.items()
        if len(data) < 400000
    )


def _freeze_item(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    key = node.child_by_field_name("key") or node.child_by_field_name("name") or node.child_by_field_name("left")
    value = node.child_by_field_name("value")
    if key is None or value is None:
        return False
    k, v = text(key).strip("'\"[]"), text(value).strip("'\"")
    container = node.parent
    if FREEZE_ITEM.search(norm_name(k)) and re.fullmatch(r"[1-9][\d_]*", v):
        holder = next((a for a in ancestors(node) if a.type in DEFINITION_TYPES), None)
        holder_name = _last_name(_definition_parts(holder)[0]) if holder is not None else ""
        if re.search(r"price|cost|shop|store|item|catalog|market", holder_name, re.I):
            return Verdict(message=f"streak protection '{k}' has a price ({v}) in '{holder_name}'")
        return False
    if re.fullmatch(r"(?:item_?|product_?)?(?:id|key|type|kind|sku|code|slug|Id|Key|Type|Kind|Sku|Code|Slug)|item|name|product", k) and FREEZE_ITEM.search(norm_name(v)) and container is not None:
        for sibling in container.named_children:
            sk = sibling.child_by_field_name("key") or sibling.child_by_field_name("name") or sibling.child_by_field_name("left")
            sv = sibling.child_by_field_name("value")
            if sk is not None and sv is not None and PRICE_KEY.match(text(sk).strip("'\"[]")) and re.fullmatch(r"\s*[1-9][\d_]*\s*", text(sv)):
                return Verdict(message=f"a streak protection item ('{v}') is sold for in-app currency or money")
    return False


# --------------------------------------------------------------------------- streak updates in SQL

SQL_UPDATE = re.compile(r"(?is)\bupdate\b.+?\bset\b(?P<set>.+?)(?:\bwhere\b(?P<where>.*))?$")
SQL_STREAK_SET = re.compile(
    r"(?i)(?P<col>\b\w*streak\w*)\s*=\s*(?:(?P<reset>[01])\b(?!\s*[-+*/.\d])|(?P=col)\s*\+\s*1\b|case\b)"
)
SQL_DAY_GAP = re.compile(
    r"(?i)\binterval\b|date_?sub|date_?add|datediff|julianday|current_date\s*-|curdate\(\)\s*-|now\(\)\s*-|yesterday|'-?[12] days?'|\b86400\b|\b172800\b"
)


def sql_streak_update(ctx: CheckContext) -> "Verdict | bool":
    """`UPDATE users SET streak = 0 WHERE last_daily < NOW() - INTERVAL 2 DAY`, `SET streak = CASE
    WHEN last_claim = CURRENT_DATE - 1 THEN streak + 1 ELSE 1 END`: a nightly reset or a day-gap
    update written in SQL (or a streak reset query run in a missed-day branch)."""
    node = ctx.node
    body = _string_body(node)
    m = SQL_UPDATE.search(body) if len(body) < 3000 else None
    if m is None:
        return False
    column = next((c for c in SQL_STREAK_SET.finditer(m.group("set")) if not NOT_A_DAILY_STREAK.search(norm_name(c.group("col")))), None)
    if column is None:
        return False
    if not SQL_DAY_GAP.search(body):
        fn = next(enclosing_functions(node), None)
        if not any(gap_test(ctx, c, fn) for c in controlling_conditions(node, fn, None)):
            return False
        if _function_update(ctx, fn) is not None:
            return False  # the function is already reported for its streak update
    what = "resets" if column.group("reset") is not None else "updates"
    return Verdict(message=f"daily streak: an SQL query {what} '{column.group('col')}' when the last visit was not the day before")


# --------------------------------------------------------------------------- redis counters that expire

REDIS_INCR = re.compile(r"""\bincr(?:by)?\s*\(|['"]INCR(?:BY)?['"]""", re.I)
# A time-to-live of one or two days: `48 * 60 * 60`, `172800`, `timedelta(hours=36)`, `ex=86400`.
DAY_TTL = re.compile(
    r"\b(?:24|36|48)\s*\*\s*60\s*\*\s*60\b|\b60\s*\*\s*60\s*\*\s*(?:24|36|48)\b|\b(?:24|36|48)\s*\*\s*3600\b|\b(?:86_?400|129_?600|172_?800)\b"
    r"|timedelta\(\s*(?:days\s*=\s*[12]|hours\s*=\s*(?:2[4-9]|3\d|4[0-8]))\s*\)"
)
REDIS_EXPIRE = re.compile(r"""\b(?:p?expire|setex)\s*\(|['"](?:P?EXPIRE|SETEX)['"]|\bex\s*=""", re.I)


def redis_expiring_streak(ctx: CheckContext) -> "Verdict | bool":
    """`streak = await redis.execute_command("INCR", key)` then `EXPIRE key 48 * 60 * 60` in the same
    function: the count of days grows at each visit and the key's expiry resets it after a missed day."""
    target, value = _definition_parts(ctx.node)
    if target is None or value is None or not REDIS_INCR.search(text(value)):
        return False
    key = next((a for a in walk(value) if a.type == "string"), None)
    name = streak_name(target) or (key is not None and re.search(r"streak|daily|login|check_?in", text(key), re.I) and text(target))
    fn = next(enclosing_functions(ctx.node), None)
    if not name or fn is None:
        return False
    rest = text(fn)[ctx.node.start_byte - fn.start_byte :]
    if not any(REDIS_EXPIRE.search(line) and DAY_TTL.search(line) for line in _statements_after(ctx.node, fn)):
        return False
    if not re.search(rf"\b{re.escape(text(target))}\b", rest[len(text(ctx.node)) :]):
        return False  # the count is never read: nothing depends on it
    return Verdict(message=f"daily streak: '{name}' is a redis counter that grows at each daily visit and expires (resets) when a day is missed")


def _statements_after(node: Node, fn: Node) -> list[str]:
    """The text of the statements of `fn` from `node` on, one string per statement."""
    out = []
    for n in walk(fn):
        if n.type == "expression_statement" and n.start_byte >= node.start_byte:
            out.append(" ".join(text(n).split()))
    return out


# --------------------------------------------------------------------------- loss-aversion text

LOG_CALL = re.compile(r"^(?:Log|LogWarning|LogError|LogFormat|LogException|print|printf|prints|printerr|print_debug|push_warning|push_error|warn|debug|info|warning|error|exception|critical|log|trace|Print|WriteLine)$")
LOG_RECEIVER = re.compile(r"(?:^|\.)(?:Debug|logger|logging|log|LOGGER|Logger|_logger|LOG|console|Console|Trace)$|^$")
CONCAT_OPS = {"+", "..", "%"}


def _string_body(node: Node) -> str:
    """A string literal's text without its prefix and quotes (`$"..."`, `f'...'`, `[[...]]`, triple quotes)."""
    t = text(node).lstrip("$@fFrRbBuU")
    for quote in ('"""', "'''", '"', "'", "`"):
        if len(t) >= 2 * len(quote) and t.startswith(quote) and t.endswith(quote):
            return t[len(quote) : -len(quote)]
    if t.startswith("[[") and t.endswith("]]"):
        return t[2:-2]
    return t


def _message_text(node: Node) -> tuple[Node, str]:
    """A string with the strings it is concatenated with (`"Your " .. n .. " day streak ends soon"`),
    other operands read as a number."""
    top = node
    while top.parent is not None and top.parent.type in BINARY_TYPES and _operator(top.parent) in CONCAT_OPS:
        top = top.parent
    if top is node:
        return node, _string_body(node)
    parts = []
    for n in walk(top):
        if n.type in BINARY_TYPES:
            continue
        if n.parent is not None and n.parent.type in BINARY_TYPES and n.is_named:
            parts.append(_string_body(n) if "string" in n.type else " N ")
    return top, " ".join(parts)


GETTEXT_CALL = re.compile(r"^(?:_|N_|gettext|ugettext|gettext_lazy|_l)$")


def _is_log_or_docstring(node: Node) -> bool:
    parent = node.parent
    if parent is not None and parent.type == "expression_statement" and len(parent.named_children) == 1:
        return True  # a Python docstring / bare string statement
    call = parent.parent if parent is not None and parent.type == "argument_list" else None
    if call is not None and call.parent is not None and call.parent.type == "expression_statement" and as_call(call) is not None and GETTEXT_CALL.match(as_call(call).name):
        return True  # `_("""Get your daily reward. ...""")` as a statement: a docstring marked for translation (command help)
    for a in ancestors(node):
        if a.type in UPDATE_TYPES:
            call = as_call(a)
            if call is not None:
                return bool(LOG_CALL.match(call.name) and LOG_RECEIVER.search(call.receiver))
        if a.type.endswith("statement") or a.type in ("block", "body", "function_definition", "method_declaration"):
            return False
    return False


# "Your streak will be lost", "or your 5-day streak will be reset": a warning about what comes.
STREAK_WILL_BE_LOST = re.compile(r"(?i)\bstreak\b[^.!?\n]{0,20}\b(?:will|would|is going to|gonna)\s+(?:be\s+)?(?:lost|reset|broken|gone|end|expire|disappear)")


# The rule stated as a condition and its outcome: "If you skip a day, your streak will reset.", "Miss a
# day = streak resets to Day 1", "Missing a day → back to day 1", "Streak restarts if you miss a day".
MISSED_DAY = re.compile(r"(?i)\b(?:miss|missing|missed|misses|skip|skipping|skipped|skips)\s+(?:a|one|1|any)\s+(?:single\s+)?day\b")
RULE_OUTCOME = re.compile(r"(?i)\b(?:resets?|restarts?|starts?\s+over|goes\s+back\s+to|back\s+to\s+(?:day\s*1|zero|0|the\s+start))\b")
# A string shown as a hint, tip or help line (`hintLabel.Text = "…"`, `tooltip = "…"`, "💡 …", "Tip: …")
# explains the feature.
HELP_SLOT = re.compile(r"(?i)(?:hint|tip|tooltip|help|explanation)_?(?:label|text|lbl|txt)?$")
HELP_PREFIX = re.compile(r"(?i)^\W*(?:💡|ℹ|tip\b|hint\b|note\b|how\s+it\s+works\b)")
# What keeps such a text a threat: an order not to lose, an ultimatum ("… or your streak resets"), the
# player's own streak by its length, a deadline.
HARD_THREAT = re.compile(
    r"(?i)\b(?:don'?t|do\s+not|never|lose|losing|lost|hurry|before|about\s+to|now|today|tonight|midnight|soon|left|remaining|last\s+chance)\b"
    r"|\bor\s+(?:else|your|the|you)\b"
    r"|\b(?:your|the)\s+(?:N|\d+)[\s-]+days?\b|\bin\s+(?:N|\d+)\s+(?:hours?|minutes?|h)\b"
)


def _help_target(holder: Node) -> str:
    """The name a string is given to: `hintLabel.Text = "…"` → `hintLabel`, `tooltip="…"` → `tooltip`."""
    parent = holder.parent
    while parent is not None and parent.type in ("expression_list", "parenthesized_expression", "argument"):
        parent = parent.parent
    if parent is None:
        return ""
    target = parent.child_by_field_name("left") or parent.child_by_field_name("name") or parent.child_by_field_name("key")
    if target is None and parent.type in ("assignment_statement", "assignment", "variable_declaration") and parent.named_children:
        target = parent.named_children[0]
    if target is None or target is holder:
        return ""
    parts = [p for p in re.split(r"[.:\[\]\"'$]+", text(target)) if p]
    parts = [p for p in parts if p.lower() not in ("text", "value", "tooltip_text", "hint_tooltip")] or parts
    return parts[-1] if parts else ""


def _explains_rule(holder: Node, raw: str) -> bool:
    """A rule explained, not a threat: "Miss a day = streak resets to Day 1" (also in a hint label);
    "Don't lose your 5-day streak!" and "Come back today or your streak resets" stay threats."""
    if HARD_THREAT.search(raw):
        return False
    if MISSED_DAY.search(raw) and RULE_OUTCOME.search(raw):
        return True
    return bool(HELP_PREFIX.match(raw) or HELP_SLOT.search(_help_target(holder)))


# Files that explain the rules (a help or reference panel, a tutorial, an FAQ): their texts and tables
# describe the streak, they do not press the player.
EXPLANATORY_FILE = re.compile(r"(?:^|_)(?:about|help|faqs?|rules|how_to|tutorials?|instructions?|reference|codex|glossary)(?:_|$)")


def loss_text(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    if EXPLANATORY_FILE.search(norm_name(ctx.path.stem)):
        return False
    if node.parent is not None and node.parent.type in ("pair", "keyword_argument") and node == node.parent.child_by_field_name("key"):
        return False
    holder, raw = _message_text(node)
    if holder is not node and node != next((n for n in walk(holder) if "string" in n.type and re.search(r"streak|racha|ofensiva|serie|série", text(n), re.I)), None):
        return False  # the concatenation is judged once, at its first streak string
    if _is_log_or_docstring(holder):
        return False
    kind = classify_streak_text(raw) or ("loss" if STREAK_WILL_BE_LOST.search(raw) else None)
    if kind is None or kind == "loss" and KEEP_GOING.search(raw) and not THREAT_WORDS.search(raw):
        return False
    if kind == "loss" and _explains_rule(holder, raw):
        return False  # "Miss a day = streak resets to Day 1": the rule explained
    record = node.parent.parent if node.parent is not None and node.parent.type in ("pair", "field") else None
    if record is not None and record.type in ("dictionary", "table_constructor") and _seed_copy_of_item(ctx, record):
        return False  # the description of a shop item a seed script creates again
    snippet = " ".join(raw.split())
    snippet = snippet[:59] + "…" if len(snippet) > 60 else snippet
    # the copy is part of the project's streak: a related site of the streak finding there, or with
    # the file's other copy one finding when it is the only evidence (findings.fold_same_behaviour)
    if kind == "sale":
        return Verdict(message=f"text sells a way to keep the streak: {snippet}", fold_key=PROJECT_PART, fold_site=True)
    return Verdict(message=f"text uses the fear of losing a streak: {snippet}", fold_key=PROJECT_PART, fold_site=True)


STREAK_PREDICATE = re.compile(
    r"(?:^|_)(?:should|is|has|can|check|was|did)_(?:\w+_)?streak_(?:\w+_)?(?:reset|broken|break|lost|expired|alive|continue|continues|continued|valid|active|intact|kept)(?:$|_)"
    r"|(?:^|_)(?:should|must|can)_(?:reset|break|end|lose|continue|extend|keep)_(?:\w+_)?streak(?:$|_)"
)


def streak_predicate(ctx: CheckContext) -> "Verdict | bool":
    """`bool ShouldResetStreak(last) => DaysPassed(last) >= 2`, `def is_streak_broken(self): return
    (date.today() - self.last_active).days > 1`: a function that decides a streak ends after a missed day."""
    fn = ctx.node
    name = function_name(fn) or text(fn.child_by_field_name("name"))
    if not STREAK_PREDICATE.search(norm_name(name)) or len(text(fn)) > 3000:
        return False
    for comp in _comparisons(fn):
        test = gap_test(ctx, comp, fn)
        if test is None and len(text(comp)) < 200:  # daysPassed(last) >= 2: the gap comes from a helper
            parts = _operands(comp)
            if parts and any(_threshold(ctx, p, fn) for p in parts) and re.search(r"days|day_?diff|hours", text(comp), re.I):
                test = "called"
        if test:
            return Verdict(message=f"daily streak: '{name}' decides that the streak ends after a missed day ({' '.join(text(comp).split())[:50]})")
    return False


# --------------------------------------------------------------------------- ladders by shape (C#)
# A daily-reward ladder whose position is not named like a streak (`day`, `DayIndex`, a PlayerPrefs
# key "RewardDay"): the shape tells it. The position is set back to 0 / 1 (or a claimed-days set is
# cleared) after a missed day (`TotalHours >= 48`, `TotalDays > 1`, `.Days >= 2`, `.Days == 1` ...
# `else`, a stored deadline that passed) and the same position picks the reward (`rewards[day]`,
# `switch (day) { case 0: ... case 6: ... }`) or grows on each claim.

# Counters that refill or count other things, not days of a ladder.
NOT_A_LADDER_COUNTER = re.compile(
    r"(?:^|_)(?:energy|lives|life|hp|health|stamina|ammo|fuel|ads?|spins?|attempts?|tries|retries|plays|games|matches|levels?|wave|kills?|combo"
    r"|timer|time|seconds?|minutes?|hours?|ticks|frames?|is|has|can|should|was|show|shown|ready|available|enabled|notif\w*|page|tab|slot)(?:$|_)"
)
DAYISH_COUNTER = re.compile(r"day|reward|claim|login|gift|bonus|calendar|consecutive|seq|step|index|idx|progress|chain|row|visit|check_?in", re.I)
DEADLINE_SHIFT = re.compile(
    r"Add(?:Days\(\s*[123](?:\.0)?[dDfF]?\s*\)|Hours\(\s*(?:24|36|48|72)(?:\.0)?[dDfF]?\s*\))|\+\s*TimeSpan\.From(?:Days\(\s*[123]|Hours\(\s*(?:24|36|48|72))"
)
# The tables a ladder position picks from: `prizes`, `dailyGifts`, `rewardAmounts`, `dayCoins`, `chests`.
REWARDISH_TABLE = re.compile(r"reward|gift|bonus|prize|present|coin|gem|gold|cash|diamond|chest|loot|day|daily|login|calendar|ladder|tier|amount|payout", re.I)
SPAN_PART = re.compile(r"\.(?:TotalSeconds|TotalMinutes|TotalHours|TotalDays|Days|Hours|Ticks|TotalMilliseconds)$")


def _setter_key(ctx: CheckContext, node: Node) -> str | None:
    """The key of `PlayerPrefs.GetInt("RewardDay")` / `SetInt(DayKey, ...)` as written or as the
    string its constant holds."""
    t = text(node)
    if "string" in node.type and len(t) < 80:
        return t.strip("'\"$@")
    if node.type in ("identifier", "member_access_expression") and len(t) < 60:
        for value in _definitions(ctx, ctx.root, t.split(".")[-1])[:2]:
            if "string" in value.type and len(text(value)) < 80:
                return text(value).strip("'\"$@")
        return t.split(".")[-1]
    return None


def _deadline_name(ctx: CheckContext, node: Node, fn: Node | None) -> bool:
    """`claimDate` where `claimDate = DateTime.Now.AddDays(1)` (or loaded from a PlayerPrefs key saved
    that way): a deadline one to three days after the last claim."""
    node = _strip(node)
    if node.type not in ("identifier", "member_access_expression") or len(text(node)) > 60:
        return False
    name = text(node).split(".")[-1]
    values = ((_definitions(ctx, fn, name) if fn is not None else []) + _definitions(ctx, ctx.root, name) + _definitions(ctx, ctx.root, "this." + name))[:6]
    code = _code_text(ctx)
    for v in values:
        vt = text(v)
        if len(vt) > 300:
            continue
        if DEADLINE_SHIFT.search(vt):
            return True
        for key in re.findall(r"Get\w*\(\s*\"([^\"]{1,60})\"", vt):
            if re.search(r"Set\w*\(\s*\"" + re.escape(key) + r"\"\s*,[^;]{0,200}?" + DEADLINE_SHIFT.pattern, code):
                return True
    return False


def _stored_deadline_passed(ctx: CheckContext, left: Node, right: Node, op: str, fn: Node | None) -> bool:
    """`(claimDate - DateTime.Now).TotalHours < 0`, `claimDate.Subtract(DateTime.Now).Ticks <= 0`,
    `DateTime.Now > claimDate`, `claimDate < DateTime.Now` with `claimDate = DateTime.Now.AddDays(1)`
    saved at the claim: the day to come back by has passed."""
    for zero, other in ((right, left), (left, right)):
        other = _strip(other)
        if text(_strip(zero)) not in ("0", "0.0", "0f", "0d") or other.type != "member_access_expression" or not SPAN_PART.search(text(other)):
            continue
        inner = _strip(other.child_by_field_name("expression") or other)
        pair = None
        if inner.type in BINARY_TYPES and _operator(inner) == "-" and _operands(inner):
            pair = _operands(inner)
        call = as_call(inner) if inner.type == "invocation_expression" else None
        if call is not None and call.name == "Subtract" and call.arguments is not None and call.arguments.named_children:
            recv = inner.child_by_field_name("function")
            recv = recv.child_by_field_name("expression") if recv is not None else None
            if recv is not None:
                pair = (recv, _strip(call.arguments.named_children[0]))
        if pair is None:
            continue
        a, b = (_strip(p) for p in pair)
        if NOW_VALUE.search(text(b)) and _deadline_name(ctx, a, fn):
            return True  # deadline - now < 0
        if NOW_VALUE.search(text(a)) and _deadline_name(ctx, b, fn):
            return True  # now - deadline > 0
    for now, deadline in ((left, right), (right, left)):
        if op in ("<", "<=", ">", ">=") and NOW_VALUE.search(text(_strip(now))) and len(text(now)) < 40 and _deadline_name(ctx, deadline, fn):
            return True
    return False


def _number(ctx: CheckContext, node: Node, fn: Node | None) -> float | None:
    t = text(_strip(node)).rstrip("fFdDmM").replace("_", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if _strip(node).type in ("identifier", "member_access_expression") and len(t) < 60:
        name = t.split(".")[-1]
        for v in ((_definitions(ctx, fn, name) if fn is not None else []) or _definitions(ctx, ctx.root, name))[:2]:
            vt = text(v).rstrip("fFdDmM").replace("_", "")
            if re.fullmatch(r"\d+(?:\.\d+)?", vt):
                return float(vt)
    return None


def _missed_day_test(ctx: CheckContext, condition: Node, fn: Node | None) -> bool:
    """The condition tells a missed day from a next-day visit: a threshold of more than one day
    (`hours >= 48`, `TotalDays > 1`, `.Days >= 2`, `gap < 172800`), the exact one-day test
    (`.Days == 1`, `AddDays(-1)`), or a stored deadline that passed."""
    if len(text(condition)) > 600:
        return False
    if gap_test(ctx, condition, fn) == "exact":
        return True
    for comp in _comparisons(condition):
        parts = _operands(comp)
        if parts is None:
            continue
        op, (left, right) = _operator(comp), parts
        if op not in ("<", "<=", ">", ">="):
            continue
        if _stored_deadline_passed(ctx, left, right, op, fn) or _deadline_passed(ctx, left, right, fn):
            return True
        for thr, other in ((right, left), (left, right)):
            kind = _threshold(ctx, thr, fn)
            if not kind or not _gap_operand(ctx, other, kind, fn):
                continue
            value = _number(ctx, thr, fn)
            strict_more = (op == ">" and thr is right) or (op == "<" and thr is left)
            at_most = (op == "<=" and thr is right) or (op == ">=" and thr is left)
            if kind == "hours" and value is not None and value > 24:
                return True
            if kind == "days" and value is not None and (value >= 2 or strict_more or at_most):
                return True
            if kind == "seconds" and re.search(r"172_?800|129_?600|259_?200|\b2\s*\*|\*\s*2\b|(?:36|48)\s*\*|\*\s*(?:36|48)\b|TWO_DAY|FromDays\(\s*[23]|FromHours\(\s*(?:36|48|72)|TimeSpan\(\s*[23]\s*,|TimeSpan\(\s*(?:36|48|72)\s*,", _resolved(ctx, thr, fn)):
                return True
    return False


def _ladder_update(ctx: CheckContext, node: Node) -> tuple[str, str] | None:
    """(kind, counter) for an update of an int position that is not named like a streak: `day++`,
    `dayIndex += 1`, `currentDay = 0`, `PlayerPrefs.SetInt("RewardDay", day + 1)`, `claimedDays.Clear()`."""
    kind = node.type
    target = value = None
    if kind in ("postfix_unary_expression", "prefix_unary_expression"):
        if "++" not in text(node) or not node.named_children:
            return None
        target = _strip(node.named_children[0])
        out = "B"
    elif kind == "assignment_expression":
        target, value = _definition_parts(node)
        op = _operator(node)
        if target is None or value is None:
            return None
        if op == "+=":
            out = "B" if re.fullmatch(r"\s*1\s*", text(value)) else None
        elif op == "=":
            vt = text(_strip(value))
            if re.fullmatch(r"[01]", vt):
                out = "C"
            elif PLUS_ONE.search(vt) and len(vt) < 80 and re.search(r"(?<![\w.])" + re.escape(_last_name(target)) + r"\b", vt):
                out = "B"
            else:
                out = None
        else:
            out = None
        if out is None:
            return None
    elif kind == "invocation_expression":
        call = as_call(node)
        if call is None:
            return None
        args = argument_nodes(call)
        if call.name == "SetInt" and len(args) == 2:
            key = _setter_key(ctx, _strip(args[0]))
            vt = text(_strip(args[1]))
            if not key:
                return None
            if re.fullmatch(r"[01]", vt):
                return "C", key
            if PLUS_ONE.search(vt) and len(vt) < 120:
                return "B", key
            return None
        if call.name == "Clear" and not args and call.receiver and re.fullmatch(r"[\w.]+", call.receiver):
            name = call.receiver.split(".")[-1]
            return ("c", name) if DAYISH_COUNTER.search(name) else None  # a set of claimed days emptied
        return None
    else:
        return None
    if target is None or target.type not in ("identifier", "member_access_expression"):
        return None
    name = _last_name(target)
    n = norm_name(name)
    if len(name) < 3 or NOT_A_LADDER_COUNTER.search(n) or NOT_A_DAILY_STREAK.search(n) or streak_name(target):
        return None
    return out, name


def _mentions(resolved: str, counter: str) -> bool:
    return bool(re.search(r"(?<![\w])\"?" + re.escape(counter) + r"\"?(?![\w])", resolved))


def _ladder_evidence(ctx: CheckContext, counter: str, cleared_set: bool) -> str | None:
    """Where the same position picks a reward (`rewards[day]`, a `switch` on it with three cases or
    more) or grows on a claim (`day++` anywhere in the file)."""
    key = ("streak_games_ladder_evidence", counter, cleared_set)
    if key in ctx.memo:
        return ctx.memo[key]
    picks = grows = None
    for n in walk(ctx.root):
        if picks is not None:
            break
        if n.type == "element_access_expression" and not cleared_set:
            obj, idx = _subscript_parts(n)
            fn = next(enclosing_functions(n), None)
            if idx is not None and obj is not None and len(text(idx)) < 120 and _mentions(_resolved(ctx, idx, fn), counter) and not _mentions(text(obj), counter) and not _loop_variable(n, counter, fn) and REWARDISH_TABLE.search(_last_name(obj)):
                picks = f"picks the reward: {_last_name(obj) or 'table'}[{' '.join(text(idx).strip('[]').split())[:30]}]"
        elif n.type in ("switch_statement", "switch_expression") and not cleared_set:
            subject = n.child_by_field_name("value") or (n.named_children[0] if n.named_children else None)
            fn = next(enclosing_functions(n), None)
            if subject is not None and len(text(subject)) < 120 and _mentions(_resolved(ctx, subject, fn), counter):
                sections = [s for s in walk(n) if s.type in SWITCH_SECTION_TYPES]
                if sum(1 for s in sections if re.search(r"(?<![\w.])\d+(?![\w.])", _section_labels(s))) >= 3:
                    picks = f"picks the reward: switch ({' '.join(text(subject).split())[:40]})"
        elif grows is None and n.type in ("postfix_unary_expression", "assignment_expression", "invocation_expression", "prefix_unary_expression"):
            if cleared_set:
                call = as_call(n) if n.type == "invocation_expression" else None
                if call is not None and call.name == "Add" and call.receiver.split(".")[-1] == counter:
                    grows = f"grows on each claim: {counter}.Add(...)"
            elif DAYISH_COUNTER.search(counter):
                update = _ladder_update(ctx, n)
                if update is not None and update == ("B", counter):
                    grows = "grows on each claim"
    found = picks or grows
    ctx.memo[key] = found
    return found


def _ladder_counters(ctx: CheckContext, fn: Node | None) -> tuple[int, str, str] | None:
    """(start byte, counter, evidence) of the first reset / increment of a ladder position in the
    function that runs under a missed-day test, or None."""
    key = ("streak_games_ladder", fn.start_byte if fn is not None else -1)
    if key in ctx.memo:
        return ctx.memo[key]
    scope = fn if fn is not None else ctx.root
    updates: dict[str, list[tuple[int, str]]] = {}
    missed: set[str] = set()
    for n in walk(scope):
        if n is not scope and n.type in FUNCTION_NODE_TYPES:
            continue
        if n.type not in ("postfix_unary_expression", "prefix_unary_expression", "assignment_expression", "invocation_expression"):
            continue
        update = _ladder_update(ctx, n)
        if update is None or _in_loop(n, scope):
            continue
        kind, counter = update
        conditions = controlling_conditions(n, fn, None)
        if any(_mentions(text(c), counter) for c in conditions) and kind in ("C", "c"):
            continue  # `if (day >= 7) day = 0;`: a calendar that wraps around
        tests = [c for c in conditions if _missed_day_test(ctx, c, fn)]
        if not tests and fn is not None and kind in ("C", "c"):
            tests = _caller_missed_tests(ctx, fn)
        if not tests:
            continue
        updates.setdefault(counter, []).append((n.start_byte, kind))
        if kind in ("C", "c"):
            missed.add(counter)
    result = None
    for counter in missed:
        cleared = any(k == "c" for _, k in updates[counter])
        evidence = _ladder_evidence(ctx, counter, cleared)
        if evidence:
            start = min(s for s, _ in updates[counter])
            if result is None or start < result[0]:
                result = (start, counter, evidence)
    ctx.memo[key] = result
    return result


def _caller_missed_tests(ctx: CheckContext, fn: Node) -> list[Node]:
    """Missed-day tests around the calls of a reset helper (`else if (hours >= 48) ResetDays();`)."""
    name = function_name(fn)
    out = []
    for site in _call_sites(ctx).get(name, [])[:6] if name else []:
        caller = next(enclosing_functions(site), None)
        if caller is not None and caller != fn:
            out.extend(c for c in controlling_conditions(site, caller, None) if _missed_day_test(ctx, c, caller))
    return out


def ladder_position_update(ctx: CheckContext) -> "Verdict | bool":
    """C#: the position in a daily-reward ladder (not named like a streak) set back after a missed
    day, where the same position picks the reward or grows on each claim."""
    node = ctx.node
    if not re.search(r"daily|reward|gift|bonus|claim|login|prize", _code_text(ctx), re.I):
        return False
    fn = next(enclosing_functions(node), None)
    if _function_update(ctx, fn) is not None:
        return False  # a streak-named counter: csharp-day-gap-streak-update reports the function
    found = _ladder_counters(ctx, fn)
    if found is None or found[0] != node.start_byte:
        return False
    return Verdict(message=f"daily reward ladder: the position '{found[1]}' is set back when a day is missed and {found[2]}")


# --------------------------------------------------------------------------- one finding per streak

def _folded(ctx: CheckContext, verdict: "Verdict | bool") -> "Verdict | bool":
    """A reward table, lookup or streak payout in a file whose streak update is reported is a part
    of that behaviour: one finding (the update, the trigger) stands for the whole ladder. In a file
    whose streak only ever grows (or wraps round) and nothing tells a missed day, the ladder is a
    calendar that goes round, not a streak reward."""
    return False if verdict and (_file_keeps_streak(ctx) or _calendar_only(ctx) or _ladder_of_update_elsewhere(ctx)) else verdict


def _ladder_of_update_elsewhere(ctx: CheckContext) -> bool:
    """The function around the payout is called from another file of the project with a streak that
    the calling file resets (`RetentionDefs.dailyReward(prof.loginStreak)` next to `prof.loginStreak = 1`):
    the ladder is part of that file's reported update, which names it. A caller that only reads a streak
    reset in a third file (a menu showing the day's reward) does not fold it."""
    fn = next(enclosing_functions(ctx.node), None)
    name = (function_name(fn) or "").split(".")[-1].split(":")[-1] if fn is not None else ""
    if not name or project_index.too_common(name):
        return False
    here = str(ctx.path.resolve())
    for site in project_index.for_context(ctx).calls(name):
        found = re.search(rf"\b{re.escape(name)}\s*\(\s*([\w.:\[\]\"']+)\s*[,)]", site.snippet)
        if site.path == here or found is None:
            continue
        argument = re.split(r"[.:\[]", found.group(1))[-1].strip("\"'] ")
        if NAMED_STREAK.search(argument) and _reset_elsewhere(ctx, {argument}, only=site.path):
            return True
    return False


# Words of code that ends a streak somewhere (`ResetStreak()`, `streak_broken`, `loseStreak`).
STREAK_END_WORDS = re.compile(r"(?i)reset\w*streak|streak\w*reset|break\w*streak|streak\w*(?:broke|lost|expire)|los[et]\w*streak|streak\w*(?:end|over)\b")
NAMED_STREAK = re.compile(r"(?i)streak|consecutive|in_?a_?row")
INIT_FUNCTION = re.compile(r"^(?:__init__|_init|_ready|Awake|Start|OnEnable|init|initialize|new|constructor|reset_all|wipe\w*|clear_?data|new_?player|default\w*)$", re.I)
DECLARATION_PARENTS = {"variable_declaration", "local_declaration_statement", "field_declaration", "variable_statement", "class_body", "block"}


# A test for a player who never claimed (`LastDay == 0`, `not last_claim`, `lastClaimDate == ""`,
# `last is None`, `!PlayerPrefs.HasKey("LastClaim")`).
FIRST_VISIT = re.compile(
    r"""^\s*(?:not\s+|!\s*)\(?\s*(?P<a>[\w.:\[\]"']+)\s*\)?\s*$"""
    r"""|^\s*(?P<b>[\w.:\[\]"']+)\s*(?:==|===|is)\s*(?:0|nil|None|null|""|''|-1)\s*$"""
    r"""|^\s*!\s*[\w.]*HasKey\(\s*(?P<c>[^)]{1,60})\)\s*$""",
)


def _first_visit_branch(node: Node, fn: Node | None) -> bool:
    """The update runs in the branch for a first visit: the innermost `if` around it tests that no
    claim date was stored yet (`if LastDay == 0 then Streak = 1`)."""
    for a in ancestors(node):
        if a == fn or a.type in FUNCTION_NODE_TYPES:
            return False
        if a.type in IF_TYPES:
            cond = a.child_by_field_name("condition")
            branches = a.children_by_field_name("consequence") or a.children_by_field_name("body")  # GDScript: body
            if cond is None or not any(within(node, b) for b in branches):
                return False
            found = FIRST_VISIT.match(text(_strip(cond)))
            name = found and (found.group("a") or found.group("b") or found.group("c"))
            return bool(name) and bool(re.search(r"(?i)last|date|day|time|claim|login|visit", name))
    return False


def _initialisation(node: Node, fn: Node | None) -> bool:
    """`public int currentStreak = 0;`, `local streak = 1`, `var streak := 0`, `self.streak = 0` in
    `__init__`, `if LastDay == 0 then Streak = 1`: the counter's first value, not a reset."""
    if node.type in ("variable_declarator", "variable_statement") or _first_visit_branch(node, fn):
        return True
    if node.parent is not None and node.parent.type == "variable_declaration":  # Lua `local x = ...`
        return True
    if fn is None:
        return node.type == "assignment" and any(a.type == "class_definition" for a in ancestors(node))  # Python class attribute
    return fn.type == "constructor_declaration" or bool(INIT_FUNCTION.match(function_name(fn) or ""))


def _reset_elsewhere(ctx: CheckContext, names: set[str], only: str | None = None) -> bool:
    """Another file of the project sets one of the counters back to 0 or 1 (`data.Streak = 0`,
    `SetInt("Streak", 0)`, `streak = 1`): the streak can be lost there. The fields of a default
    save record (`{ DailyStreak = 0, Coins = 0 }`) are first values, not resets."""
    here = str(ctx.path.resolve())
    patterns = [
        re.compile(
            r"[.\[]['\"]?" + re.escape(n) + r"['\"]?\]?\s*=(?!=)\s*[01]\b(?!\s*[-+*/.\d,])"  # data.Streak = 0, d["streak"] = 1
            r"|['\"]" + re.escape(n) + r"['\"]\s*,\s*[01]\s*\)"  # SetAttribute("Streak", 0), SetInt("Streak", 0)
            r"|^[ \t]*(?:self\.|this\.)?" + re.escape(n) + r"\s*=(?!=)\s*[01]\s*;?[ \t]*$",  # streak = 0 (not a `Streak = 0,` record field)
            re.M,
        )
        for n in names
        if len(n) >= 4
    ]
    if not patterns:
        return False
    try:
        files = project_index.for_context(ctx).files()
    except Exception:  # no project to read: the file alone decides
        return False
    for path, data in files.items():
        if path == here or len(data) > 400000 or only is not None and path != only:
            continue
        body = data.decode("utf-8", "replace")
        if any(n in body for n in names) and any(p.search(LINE_COMMENT.sub(" ", body)) for p in patterns):
            return True
    return False


def _calendar_only(ctx: CheckContext) -> bool:
    """The file grows a counter named like a streak (`streak = streak + 1`, `currentStreak++`) but
    never sets it back except when it wraps round (`if streak > 7 then streak = 1 end`) or gives it
    its first value, nothing in the file tells a missed day (no one-day gap test, no window of more
    than a day, no `ResetStreak()`), and no other file of the project resets it: the reward table it
    indexes (`rewards[currentStreak % 7]`) is a calendar that goes round and never takes progress
    away, like a claim counter."""
    if "streak_games_calendar_only" in ctx.memo:
        return ctx.memo["streak_games_calendar_only"]
    grows: set[str] = set()
    result = True
    code = _code_text(ctx)
    if STREAK_END_WORDS.search(code) or YESTERDAY.search(code):
        result = False
    for n in walk(ctx.root) if result else ():
        if n.type in IF_TYPES or n.type in TERNARY_TYPES or n.type in ("while_statement",):
            cond = n.child_by_field_name("condition")
            if cond is None and n.type in TERNARY_TYPES and len(n.named_children) == 3:
                cond = n.named_children[1]
            if cond is not None and len(text(cond)) < 600:
                fn = next(enclosing_functions(n), None)
                if (gap_test(ctx, cond, fn) == "exact" or _missed_day_test(ctx, cond, fn)) and not _come_back_later(ctx, n):
                    result = False
                    break
        if n.type not in UPDATE_TYPES:
            continue
        update = update_of(n, ctx)
        if update is None:
            continue
        kinds, name, _ = update
        fn = next(enclosing_functions(n), None)
        if "C" in kinds and not _wraps_around(ctx, n, name, fn) and not _initialisation(n, fn):
            result = False
            break
        if "B" in kinds and NAMED_STREAK.search(name):
            grows.add(name)
    result = result and bool(grows) and not _reset_elsewhere(ctx, grows)
    ctx.memo["streak_games_calendar_only"] = result
    return result


def _come_back_later(ctx: CheckContext, node: Node) -> bool:
    """`if hours_since_claim < 24: raise OnCooldown(...)`: an `if` with no other branch whose body
    ends in a return or raise and changes no streak turns an early visitor away; it is a wait
    before the next claim, not a test of a missed day."""
    if node.type != "if_statement" or node.child_by_field_name("alternative") is not None:
        return False
    if any("else" in c.type or "elif" in c.type for c in node.named_children):
        return False
    body = node.child_by_field_name("consequence") or node.child_by_field_name("body")
    if body is None:
        return False
    statements = [c for c in body.named_children if "comment" not in c.type] if body.type in ("block", "statement_block") else [body]
    if not statements or statements[-1].type not in ("return_statement", "raise_statement", "throw_statement"):
        return False
    return not any(update_of(n, ctx) for n in walk(body) if n.type in UPDATE_TYPES)


TABLE_DEFINITION_TYPES = {"variable_declarator", "variable_statement", "const_statement", "assignment_statement", "assignment"}


def _table_reported_here(ctx: CheckContext, table: str) -> bool:
    """The file defines the looked-up table and reports it as a daily reward table: the lookups
    (the claim, a next-reward preview) are that same ladder."""
    key = ("streak_games_table_here", table)
    if key not in ctx.memo:
        found = False
        for n in walk(ctx.root):
            if n.type in TABLE_DEFINITION_TYPES:
                target, value = _definition_parts(n)
                if target is not None and value is not None and _last_name(target) == table and _reward_table(replace(ctx, node=n)):
                    found = True
                    break
        ctx.memo[key] = found
    return ctx.memo[key]


def reward_index(ctx: CheckContext) -> "Verdict | bool":
    verdict = _folded(ctx, _reward_index(ctx))
    if verdict:
        call = as_call(ctx.node) if ctx.node.type not in SUBSCRIPT_PARTS else None
        table = call.receiver.split(".")[-1].split(":")[-1] if call is not None else _last_name(_subscript_parts(ctx.node)[0])
        if table and _table_reported_here(ctx, table):
            return False
    return verdict


def _read_by_streak_code_elsewhere(ctx: CheckContext, name: str) -> str | None:
    """Another file of the project looks the table up (`GameConfig.DailyRewards[dayIndex]`) and keeps
    the streak (its text speaks of one): that file reports the ladder with its streak update or
    lookup, and the table in a config module or a calendar widget is the same behaviour."""
    if project_index.too_common(name):
        return None
    here = str(ctx.path.resolve())
    lookup = re.compile(re.escape(name) + r"\s*(?:\[|\.get\(|:get\()")
    for site in project_index.for_context(ctx).references(name):
        if site.path != here and lookup.search(site.snippet):
            try:
                other = LINE_COMMENT.sub(" ", open(site.path, "rb").read(200000).decode("utf-8", "replace"))
            except OSError:
                continue
            if re.search(r"streak", other, re.I) or _lookup_reported_there(ctx, site):
                return site.where()
    return None


def _lookup_reported_there(ctx: CheckContext, site: "project_index.Site") -> bool:
    """The other file's lookup (`Config.Rewards[state.CurrentDay]` in the manager that requires the
    config module) is a reward table indexed by the streak (reported there, or part of that file's
    reported streak update), although that file never says "streak" (a day counter set back after
    days away): the table in the config module is the same ladder, one finding."""

    def build() -> bool:
        try:
            index = project_index.for_context(ctx)
            source = index.source(site.path)
        except Exception:
            return False
        if source is None:
            return False
        for region in source.regions:
            if region.language != ctx.language and project_index.group_of(region.language) != project_index.group_of(ctx.language):
                continue
            node = region.root.descendant_for_byte_range(site.byte, site.byte)
            lookups = [a for a in (node, *ancestors(node)) if a is not None and a.type in SUBSCRIPT_PARTS][:1] if node is not None else []
            for lookup in lookups:
                other = CheckContext(node=lookup, captures={}, language=project_index.language_family(region.language), root=region.root, path=Path(site.path),
                                     data=source.data, memo={}, project_root=ctx.project_root)
                try:  # reported there, or folded into that file's own reported streak update
                    if _reward_index(other) and not _calendar_only(other):
                        return True
                except Exception:
                    return False
        return False

    return bool(ctx.remember(f"streak_games_lookup_there:{site.path}:{site.byte}", build))


def _looked_up_by_streak_code_elsewhere(ctx: CheckContext, table: str) -> str | None:
    """The config module reads its own table in a lookup function (`function Config.GetReward(day)
    for _, e in ipairs(Config.Rewards) do ...`, `public static Reward ForDay(int d) => Rewards[d]`)
    and another file of the project that keeps the streak calls it (`config.GetReward(nextDay)`):
    the table is reported there, through its lookup."""
    pattern = re.compile(r"(?<![\w])" + re.escape(table) + r"(?![\w])")
    here = str(ctx.path.resolve())
    index = None
    for name, fns in list(file_functions(ctx).items())[:200]:
        if not name or project_index.too_common(name) or not any(pattern.search(text(f)[:800]) for f in fns[:2]):
            continue
        if any(len(text(f)) > 800 or "return" not in text(f) for f in fns[:2]):
            continue  # a whole service, not a lookup that hands an entry back
        if index is None:
            try:
                index = project_index.for_context(ctx)
            except Exception:
                return None
        for site in index.calls(name):
            if site.path == here:
                continue
            try:
                other = LINE_COMMENT.sub(" ", open(site.path, "rb").read(200000).decode("utf-8", "replace"))
            except OSError:
                continue
            if STREAK_WRITE.search(other):
                return site.where()
    return None


# The caller keeps a streak: it writes a counter named like one (`pd.currentStreak = 1`, `streak += 1`).
STREAK_WRITE = re.compile(r"(?i)streak\w*['\"\]]*\s*(?:\+=|=(?!=))")


def reward_table(ctx: CheckContext) -> "Verdict | bool":
    verdict = _folded(ctx, _reward_table(ctx))
    if verdict:
        table = _last_name(_definition_parts(ctx.node)[0])
        if _read_by_streak_code_elsewhere(ctx, table) or _looked_up_by_streak_code_elsewhere(ctx, table):
            return False
    return verdict


def scaled_reward(ctx: CheckContext) -> "Verdict | bool":
    return _folded(ctx, _scaled_reward(ctx))


def scaled_return(ctx: CheckContext) -> "Verdict | bool":
    return _folded(ctx, _scaled_return(ctx))


def milestone_reward(ctx: CheckContext) -> "Verdict | bool":
    verdict = _folded(ctx, _milestone_reward(ctx))
    if verdict:  # `if (streak >= 7) return 3; if (streak >= 3) return 2;`: one ladder, one finding
        fn = next(enclosing_functions(ctx.node), None)
        first = ctx.memo.setdefault(("streak_games_milestone", fn.start_byte if fn is not None else -1), ctx.node.start_byte)
        return verdict if first == ctx.node.start_byte else False
    return verdict


def switch_milestone(ctx: CheckContext) -> "Verdict | bool":
    return _folded(ctx, _switch_milestone(ctx))
