"""Checks for the `streak-rewards` rule on mobile: Kotlin and Java (Android), Swift (iOS), Dart (Flutter).

Owns the patterns of `rules/streak-rewards/mobile.yaml`:

- `day_gap_update`: an `if` / `when` / `switch` / `guard` / ternary whose condition tests a
  one-day gap (`ChronoUnit.DAYS.between(last, today) == 1L`, `isDateInYesterday(last)`,
  `now.difference(last).inDays > 1`, `last == today.minusDays(1)`, `timeSince < 86400`, also
  through a local such as `val isConsecutive = days == 1L`) and whose branches grow a
  streak-like counter by one or reset it (`streak++`, `putInt("streak", streak + 1)`,
  `set(0, forKey: streakKey)`, `copyWith(streak: 0)`). Streaks recounted in a loop over the
  history of dates (statistics) are not reported. One finding per streak and file
  (`_file_gap_findings`): updates of one streak (same name or storage key up to affixes such as
  `new`/`current`/`KEY_`/`Count`) in several functions are folded, reported at the function that
  both grows and resets it; two different streaks keep a finding each. A field zeroed when the
  saved day is old and otherwise copied from the loaded streak, never saved (`_display_copy`), is
  not a reset.
- `milestone_reward`: `if (streak % 7 == 0) coins += 50` in code about daily logins.
- `switch_milestone_reward`: `when (loginStreak) { 7 -> addCoins(100) }`, `switch days { case 3: amount = 50 }`
  in a streak-reward function, `switch (cycleDay) { case 1: return Reward(coins: 10) }` in a reward-for-day function.
- `scaled_reward`: `val bonus = currentStreak * 10`.
- `streak_reward_function`: `fun calculatePoints(streak: Int) = 1 + 2 * (min(streak, 7) - 1)`, `func rewardCoins(forStreak:)`
  (one finding per file).
- `day_gap_update` also reports a login-reward ladder kept without the word "streak" (`_ladder_reset`: `if (daysDiff > 1)
  return 1` in `getCurrentDay()` of a login-reward class).
- `helper_reward_call`: a reward computed from the streak by a helper declared in another file and paid here
  (`val m = XpRewards.streakMultiplier(streak)` then `baseXp * m`, `StreakEngine.checkMilestone(streak)?.let { addXp(...) }`).
- `reward_index`: `DAILY_REWARDS[streak % 7]`, `rewards.getOrNull(loginStreak)`; dropped when the file's
  streak update is reported (the lookup is part of that behaviour).
- `reward_table`: `val DAILY_LOGIN_REWARDS = listOf(50, 100, 150, ...)`.
- `freeze_function` / `freeze_cost_constant`: streak freezes and repairs sold for currency.
- `loss_text`: user-facing strings that use the fear of losing a streak ("Don't lose your
  $streak-day streak!"), judged with the web rule's text classifier; the other wordings of one message
  (branches of one conditional, a title and body written together) are folded into one finding, and a
  debug/test-named function's copy of a message written elsewhere in the file (`showTestStreakNow`) is not reported,
  nor "keep your streak" offered with an account, a sync or a backup and no loss verb or deadline (`_account_pitch`).
  Also the plain "Your streak will end." (`_plain_threat`) and Arabic threats (`ARABIC_LOSS`). Descriptions of the
  reminders ("Get reminded if...", a channel's "Warnings when your streak is at risk") are not messages, and "revive
  streak" with no price or currency in the text or the file is a free restore, not a sale.

- The reward patterns (`milestone_reward` ... `reward_index`) are lowered to info in a function that nothing in the
  whole project calls or names, or reaches only through such functions (`_lowered_when_uncalled`): likely dead code.

- `free_missed_day` (the mitigation): the web rule's free safeguard, or a limited allowance of freezes the user
  takes for free (`maxFreezes`, `freezeLimit`) in a file that names no price or currency.

Names, text classification and the file-wide safeguard come from `streak_rewards` (web).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from itertools import islice

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict, android_strings
from designlint.checks.polyglot import argument_nodes, as_call, enclosing_named_function, function_name
from designlint.checks.streak_rewards import (
    BUY_FN,
    COST_WORDS,
    DAILY_CONTEXT,
    DAILY_WORDS,
    FEATURE_TEXT,
    FREEZE_COST_NAME,
    GAME_WORDS,
    GENERIC_REWARD_NAME,
    KEEP_GOING,
    NOT_A_DAILY_STREAK,
    PREDICATE_CALLS,
    MISS_ALLOWED,
    PROTECTION_WORDS,
    REWARDISH,
    REWARD_TABLE_NAME,
    TEXT_PREFILTER,
    THREAT_WORDS,
    SOLD_SAFEGUARD,
    classify_streak_text,
    free_safeguard,
    is_streak_name,
    norm_name,
    normalize_text,
)
from designlint.checks.util import FUNCTION_TYPES, ancestors, enclosing_function, text, walk

# --------------------------------------------------------------------------- names and values

GENERIC_LAST_TOKENS = frozenset({"value", "wrappedValue", "field", "current", "count", "counter", "days", "length", "v1", "v2"})


# The count held by a streak record: `streak.daysKept`, `streak.dayCount`, `streak.currentLength`.
DAYS_OF_STREAK = re.compile(r"(?:days?|count|counter|length|current|number|num)(?:Kept|Count|Length|InARow|Total)?", re.I)


def streak_name(raw: str) -> str | None:
    """The streak-like name a target or storage key stands for (`Keys.dailyStreak`,
    `KEY_STREAK_COUNT`, `'current_streak'`, `_uiState.value.streak`), or None."""
    tokens = [t for t in re.split(r"[^\w]+", raw) if t and not t.isdigit()]
    if not tokens:
        return None
    last = tokens[-1]
    if len(tokens) > 1 and (last in GENERIC_LAST_TOKENS or DAYS_OF_STREAK.fullmatch(last) and is_streak_name(norm_name(tokens[-2]))):
        last = tokens[-2]  # `streak.value`, key "ff.streak.current", `user.streak.count`, `streak.daysKept`
    stripped = norm_name(last)
    stripped = re.sub(r"^(?:pref(?:erence)?s?_)?(?:k_)?key_|_key$|^k_", "", stripped)
    if NOT_A_DAILY_STREAK.search(stripped):
        return None
    return last if is_streak_name(stripped) or LOGIN_COUNT.search(stripped) else None


# Counters of daily visits kept under a name without "streak": `loginCount`, `consecutiveLoginCount`.
LOGIN_COUNT = re.compile(r"^(?:\w+_)?(?:login|logins|check_?in|visit)_(?:count|counter|days?)$|^consecutive_\w+$")


ZERO_ONE = re.compile(r"^\(?\s*[01](?:L|\.0)?\s*\)?$")
PLUS_ONE = re.compile(r"^\(?\s*(?:[\w.!?()\[\]'\"]*?|\(\s*[\w.!?]+\s*%\s*\w+\s*\)|\([^()\n]{1,80}\))\s*\+\s*1L?\s*\)?$")  # also `(day % 7) + 1`, `(data['streak'] as int? ?? 0) + 1`


def _unbrace(value: str) -> str:
    """A branch's value without braces and comments: `{ 0 // reset }` -> `0`."""
    value = re.sub(r"//[^\n]*|/\*.*?\*/", " ", value, flags=re.S).strip()
    while value.startswith("{") and value.endswith("}"):
        value = value[1:-1].strip()
    return value


# --------------------------------------------------------------------------- one-day gap

CONDITIONAL_TYPES = frozenset({"if_expression", "if_statement", "when_expression", "ternary_expression", "conditional_expression", "guard_statement", "switch_statement", "switch_expression"})
COMPARISON_TYPES = frozenset({"binary_expression", "equality_expression", "comparison_expression", "relational_expression", "infix_expression"})
COMPARISON_OPS = {"==", "!=", "===", "!==", "<", "<=", ">", ">="}
LOOP_TYPES = frozenset({"for_statement", "while_statement", "do_while_statement", "do_statement", "enhanced_for_statement", "for_in_statement", "repeat_while_statement"})
LAMBDA_TYPES = frozenset({"lambda_literal", "annotated_lambda", "lambda_expression", "function_expression", "closure_expression"})


def _is_loop(node: Node) -> bool:
    """A loop statement; Swift's `do { } catch { }` shares the `do_statement` type with Java's and Dart's do-while."""
    return node.type in LOOP_TYPES and (node.type != "do_statement" or any(c.type == "while" for c in node.children))


ITERATION_CALLS = re.compile(r"^(?:forEach|forEachIndexed|map|mapIndexed|fold|reduce|filter|count|sumOf|any|all|first|last|takeWhile|dropWhile|sortedBy|groupBy|onEach|where|every|compactMap|flatMap|sorted|contains|allSatisfy)$")

YESTERDAY = re.compile(
    r"yesterday|isDateInYesterday|prev(?:ious)?_?Day\b|\bdayBefore|isConsecutive\w*|consecutiveDay\b|isNextDay|isDayAfter"
    r"|(?:minus|plus)Days\(\s*1L?\s*\)|(?:minus|plus)\(\s*1L?\s*,\s*ChronoUnit\.DAYS\s*\)|(?:minus|plus)\(\s*Period\.ofDays\(\s*1\s*\)"
    r"|\.add\(\s*Calendar\.(?:DAY_OF_YEAR|DATE|DAY_OF_MONTH|DAY_OF_WEEK)\s*,\s*-?1\s*\)|byAdding:\s*\.day\s*,\s*value:\s*-?1\b"
    r"|(?:subtract|add)\(\s*(?:const\s+)?Duration\(\s*days:\s*1\s*\)\s*\)|DateUtils\.isToday\([^)]*\+\s*DateUtils\.DAY_IN_MILLIS"
    r"|Jiffy\([^)]*\)\.subtract\(\s*days:\s*1\)|\.(?:plusDays|minusDays)\(1\)"
    r"|\b\w*days?\w*:\s*-\s*1\b|addingTimeInterval\(\s*-\s*(?:86_?400|24\s*\*\s*60\s*\*\s*60|60\s*\*\s*60\s*\*\s*24)"
    r"|\b(?:is|was|has)?_?streak_?(?:Broken|Lost|Expired|Ended)\b|\b(?:did|has)?_?missed_?(?:A|One)?_?Days?\b",
    re.I,
)
DAY_DIFF = re.compile(
    r"DAYS\.between|ChronoUnit\.DAYS|\.inDays\b|toDays\(|daysBetween|Days\.daysBetween|getDays\(\)|Period\.between|\.days\b"
    r"|dateComponents\(\s*\[\s*\.day\s*\][^)]*from:|numberOfDaysBetween|\bdays?(?:Between|Since|Diff|Difference|Apart|Gap|Delta|Elapsed|Passed|Ago|Missed|Away|Count)\b"
    r"|\b(?:diff|difference|delta|gap|elapsed|distance|missed|passed)(?:In)?Days?\b|\bdayDiff|\bdiffDays|DAY_OF_YEAR|toEpochDay|epochDay|julianDay|\bdays\b"
    r"|\b(?:number|num|count|no)_?of_?days\b|\bsubtractDates\b",
    re.I,
)
NOT_A_GAP_DAY = re.compile(r"^\W*(?:today\w*|\w*birthday\w*|\w*weekday\w*|\w*day_?of_?(?:week|month)\w*|\w*DAY_OF_(?:WEEK|MONTH)\w*|\w*trial\w*|\w*(?:days_?)?(?:left|remaining|until)\w*)\W*$", re.I)
HOURS = re.compile(r"hours?|HOURS|toHours|inHours", re.I)
MS_DAY = re.compile(
    r"86_?400(?:_?000)?(?:\.0)?L?|172_?800(?:_?000)?(?:\.0)?L?|(?:24|48)\s*\*\s*60\s*\*\s*60|60\s*\*\s*60\s*\*\s*(?:24|48)|(?:24|48)\s*\*\s*3600|DAY_IN_MILLIS"
    r"|DAYS\.toMillis\(\s*[12]L?\s*\)|HOURS\.toMillis\(\s*(?:24|48)L?\s*\)|Duration\(\s*(?:days:\s*[12]|hours:\s*(?:2[4-9]|3\d|4[0-8]))\s*\)"
    r"|\b(?:ONE_?DAY|DAY|TWO_?DAYS?)_?(?:MS|MILLIS\w*|IN_?MILLIS|IN_?SECONDS|SECONDS|INTERVAL|DURATION)\b|\bMILLIS_?PER_?DAY\b|\bMS_?PER_?DAY\b|\bSECONDS_?(?:PER|IN)_?DAY\b|\boneDay\w*|\bsecondsInDay|\bdayInSeconds|\bmillisInDay",
    re.I,
)
TIMEISH = re.compile(r"time|millis|interval|since|elapsed|diff|now|seconds|duration|passed|delta|gap", re.I)


class _Span:
    """Several sibling nodes read as one operand: Dart parses `gap.inDays > 1` as `gap`, `.inDays`, `>`, `1`."""

    type = "span"

    def __init__(self, nodes: list[Node]):
        self.start_byte, self.end_byte = nodes[0].start_byte, nodes[-1].end_byte
        parent = nodes[0].parent
        self.text = (parent.text or b"")[self.start_byte - parent.start_byte : self.end_byte - parent.start_byte] if parent is not None else nodes[0].text


def _operator_and_operands(node: Node) -> tuple[str, Node, Node] | None:
    named = [c for c in node.named_children if "comment" not in c.type and not c.type.endswith("_operator")]
    if len(named) > 2 and node.type in ("relational_expression", "equality_expression"):
        op_node = next((c for c in node.children if c.type.endswith("_operator") or not c.is_named and c.type in COMPARISON_OPS), None)
        if op_node is None:
            return None
        before = [c for c in named if c.end_byte <= op_node.start_byte]
        after = [c for c in named if c.start_byte >= op_node.end_byte]
        if not before or not after:
            return None
        return text(op_node).strip(), _Span(before), _Span(after)  # type: ignore[return-value]
    if len(named) != 2:
        return None
    left, right = named
    op = (node.text or b"")[left.end_byte - node.start_byte : right.start_byte - node.start_byte].decode("utf-8", "replace").strip()
    return op, left, right


def _threshold_kind(node: Node, ctx: CheckContext, scope: Node) -> str | None:
    t = text(node).strip().replace("_", "")
    if re.fullmatch(r"\(?[12](?:L|\.0)?\)?", t):
        return "days"
    if re.fullmatch(r"\(?(?:2[4-9]|3\d|4[0-8]|72)(?:L|\.0)?\)?", t) or re.fullmatch(r"[\w.]*(?:Streak|Reset|Grace|Break)\w*Days?\w*\s*\*\s*24", t, re.I):
        return "hours"  # also `hoursSince >= Config.streakResetDays * 24`
    if len(t) < 80 and MS_DAY.search(text(node)):
        return "ms"
    hours = re.fullmatch(r"\(?(\d\d)\s*\*\s*(?:3600|60\s*\*\s*60)\)?", t)
    if hours and 24 <= int(hours.group(1)) <= 48:
        return "ms"  # `timeIntervalSince(last) > 32 * 3600`: a window of 24 to 48 hours in seconds

    raw_window = _about_a_day(t)
    if raw_window:
        return raw_window
    if re.fullmatch(r"[\w.]+", t) and MS_DAY.search(_resolved(text(node), ctx, scope)):
        return "ms"
    return None


def _about_a_day(literal: str) -> str | None:
    """'seconds' / 'millis' for a raw window of one to two days: `90000` (25 h in seconds), `129600000` (36 h in ms)."""
    m = re.fullmatch(r"\(?(\d{5,9})(?:L|\.0)?\)?", literal)
    value = int(m.group(1)) if m else 0
    return "seconds" if 86_400 <= value <= 172_800 else "millis" if 86_400_000 <= value <= 172_800_000 else None


# An elapsed time counted in milliseconds: then `90000` is a minute and a half, not a day.
MILLIS = re.compile(r"millis|\bms\b|Ms\b|_ms\b|getTime\(|Date\.now|inMilliseconds|milliseconds", re.I)


def _dayish(operand: Node, kind: str, ctx: CheckContext, scope: Node) -> bool:
    t = text(operand)
    if len(t) > 200 or NOT_A_GAP_DAY.match(t):
        return False
    full = t + "\n" + _resolved(t, ctx, scope)
    if kind == "days":
        if re.search(r"[\w.]*[dD]ay\w*\s*[-+]\s*1L?\b", t):
            return True  # lastDay == today - 1 (Calendar.DAY_OF_YEAR arithmetic)
        return bool(DAY_DIFF.search(full)) and not re.search(r"\bdayOfWeek|DAY_OF_WEEK|weekday", full)
    if kind == "hours":
        return bool(HOURS.search(full))
    if kind == "seconds" and MILLIS.search(full):
        return False
    return bool(TIMEISH.search(full))


def _comparison_is_gap(node: Node, ctx: CheckContext, scope: Node) -> bool:
    parts = _operator_and_operands(node)
    if parts is None or parts[0] not in COMPARISON_OPS:
        return False
    op, left, right = parts
    if op in ("==", "!=", "===", "!=="):
        for side in (left, right):
            st = text(side)
            if len(st) < 200 and (YESTERDAY.search(st) or re.search(r"[\w.]*[dD]ay\w*\s*[-+]\s*1L?\b", st) and "DAY_OF_WEEK" not in st):
                return True
            if _names_yesterday(side, ctx, scope):
                return True  # `last == yKey` with `val yKey = today.minusDays(1).format(fmt)`
    for thr, other, flipped in ((right, left, False), (left, right, True)):
        kind = _threshold_kind(thr, ctx, scope)
        if kind and _dayish(other, kind, ctx, scope) and not _any_new_day(op, thr, kind, flipped):
            return True
    return False


FLIPPED_OPS = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}


def _any_new_day(op: str, threshold: Node, kind: str, flipped: bool) -> bool:
    """`gap >= 1`, `1 <= gap`, `gap < 1`: any new day (or the same day), not a one-day gap."""
    if kind != "days" or not re.fullmatch(r"\(?1(?:L|\.0)?\)?", text(threshold).strip()):
        return False
    return (FLIPPED_OPS.get(op, op) if flipped else op) in (">=", "<")


def _names_yesterday(node: Node, ctx: CheckContext, scope: Node) -> bool:
    """Is this operand a plain name whose value is yesterday (`yKey` from `yesterday.format(fmt)`,
    `yesterday = today.minusDays(1)`)?"""
    t = text(node).strip()
    return bool(re.fullmatch(r"[A-Za-z_][\w.]*", t)) and len(t) < 60 and bool(YESTERDAY.search(_resolved(t, ctx, scope)))


def _when_yesterday(node: Node, ctx: CheckContext, scope: Node) -> bool:
    """Kotlin `when (last) { todayKey -> ...; yKey -> ...; else -> ... }`: a branch taken when the subject equals yesterday."""
    if node.type != "when_expression" or not any(c.type == "when_subject" for c in node.named_children):
        return False
    return any(_names_yesterday(c, ctx, scope) or YESTERDAY.search(text(c)) for c in _condition_nodes(node) if c.type != "when_subject")


def is_day_gap(condition: Node, ctx: CheckContext, scope: Node, depth: int = 2) -> bool:
    """Does this condition test that the last visit was one day ago (or that a day was missed)?"""
    t = text(condition)
    if len(t) > 400:
        return False
    if YESTERDAY.search(t) and (depth == 2 or re.search(r"==|!=|<|>|\bis\w*\(|equals\(|isSame", t)):
        return True  # a definition only counts when it tests (`val wasYesterday = last == yesterday`), not `diff = today.difference(prevDay)`
    for n in walk(condition):
        if n.type in COMPARISON_TYPES and _comparison_is_gap(n, ctx, scope):
            return True
        call = as_call(n)
        if call is not None and PREDICATE_CALLS.search(call.name):
            return True
    body = text(scope)[: condition.start_byte - scope.start_byte]
    for ident in {text(n) for n in walk(condition) if n.type in ("identifier", "simple_identifier")}:
        if re.search(rf"\b{re.escape(ident)}\.(?:add|roll)\(\s*Calendar\.(?:DATE|DAY_OF_YEAR|DAY_OF_MONTH)\s*,\s*-1\s*\)", body):
            return True  # `cal.add(Calendar.DATE, -1)` then compared: yesterday
    if depth > 0:  # `val isConsecutive = days == 1L; if (isConsecutive) ...`
        for ident in {text(n) for n in walk(condition) if n.type in ("identifier", "simple_identifier")}:
            for value in _definitions(ident, ctx, scope)[:3]:
                if value.end_byte <= condition.start_byte and is_day_gap(value, ctx, scope, depth - 1):
                    return True
    return False


# A day's done-flag (`doneToday`, `streak.isCompleted`, `!activeToday`) read at the day's rollover: a nightly
# worker or a `resetIfNewDay()` that grows the streak when the flag is set and zeroes it otherwise.
COMPLETION_FLAG = re.compile(r"^[!(\s]*(?:[\w?!]+\.)*(?:(?:is|was|has)?_?(?:completed?|done|active|checked_?in|logged|finished|practi[cs]ed|studied|met)(?:_?(?:today|yesterday))?|\w+ed_(?:today|yesterday))(?:\s*==\s*true)?[)\s]*$", re.I)
ROLLOVER_FUNCTION = re.compile(r"^(?:do_?work|on_?receive)$|(?:^|_)(?:nightly|midnight|rollover|roll_?over|new_?day|day_?(?:change|changed|end|reset)|daily_?(?:reset|job|update|check|task)|end_?of_?day|reset_?(?:day|daily|if_?new_?day))(?:_|$)")
ROLLOVER_TEST = re.compile(r"DAY_OF_YEAR\s*\)?\s*!=|\bis_?new_?day\b|\bnew_?day\b|\bday_?changed\b|!\s*(?:\w+\.)*is_?(?:same_?day|today)\(|\blast_?reset\w*", re.I)


def _rollover_flag(conditions: list[Node], scope: Node) -> bool:
    """Is the conditional a done-flag test in a day-rollover job (see COMPLETION_FLAG)?"""
    if not any(COMPLETION_FLAG.match(re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text(c))) for c in conditions):
        return False
    name = norm_name(function_name(scope) or "") if scope.type in FUNCTION_TYPES else ""
    return bool(ROLLOVER_FUNCTION.search(name) or ROLLOVER_TEST.search(text(scope)))


# --------------------------------------------------------------------------- local definitions

DECLARATION_TYPES = frozenset({"property_declaration", "variable_declarator", "initialized_variable_definition", "static_final_declaration", "initialized_identifier", "assignment", "assignment_expression", "method_signature"})


def _declared(node: Node) -> tuple[str, Node | None] | None:
    """(name, value) of a declaration or plain assignment in any of the four grammars."""
    kind = node.type
    if kind == "property_declaration":
        name = node.child_by_field_name("name")
        if name is not None:  # Swift (a computed property: `var dayIndex: Int { streak % 7 }`)
            return text(name), node.child_by_field_name("value") or node.child_by_field_name("computed_value")
        decl = next((c for c in node.named_children if c.type == "variable_declaration"), None)
        if decl is None:
            return None
        return text(decl.named_children[0]) if decl.named_children else "", node.named_children[-1] if node.named_children[-1] != decl else None
    if kind in ("variable_declarator", "initialized_variable_definition", "static_final_declaration", "initialized_identifier"):
        name = node.child_by_field_name("name") or (node.named_children[0] if node.named_children else None)
        values = node.children_by_field_name("value")
        if not values and kind in ("static_final_declaration", "initialized_identifier") and len(node.named_children) > 1:
            values = node.named_children[1:]
        return text(name), (values[0] if values else None)
    if kind == "method_signature":  # Dart getter: `int get dayIndex => _streak % 7;`
        getter = next((c for c in node.named_children if c.type == "getter_signature"), None)
        body = node.next_named_sibling
        if getter is None or getter.child_by_field_name("name") is None or body is None or body.type != "function_body":
            return None
        return text(getter.child_by_field_name("name")), body
    if kind in ("assignment", "assignment_expression"):
        left = node.child_by_field_name("left") or node.child_by_field_name("target")
        right = node.child_by_field_name("right") or node.child_by_field_name("result")
        return text(left), right
    return None


def _definitions(name: str, ctx: CheckContext, scope: Node) -> list[Node]:
    """Values assigned to a local or file-level name (the scope, then the whole file)."""
    index = ctx.memo.get(("defs", scope.id))
    if index is None:
        index = {}
        for n in walk(scope):
            if n.type in DECLARATION_TYPES:
                declared = _declared(n)
                if declared and declared[1] is not None:
                    target = declared[0].strip()
                    if n.type in ("assignment", "assignment_expression"):
                        target = target.split(".")[-1]
                    index.setdefault(target, []).append(_value_span(n, declared[1]))
            elif n.type in ("if_statement", "guard_statement"):
                for target, value in _optional_bindings(n):
                    index.setdefault(target, []).append(value)
        ctx.memo[("defs", scope.id)] = index
    found = index.get(name, [])
    if not found and scope != ctx.root:
        return _definitions(name, ctx, ctx.root)
    return found


def _optional_bindings(node: Node) -> list[tuple[str, Node]]:
    """Swift `if let diff = cal.dateComponents([.day], ...).day { ... }`, `guard let d = ... else`: (name, value) per binding."""
    out, name, after_equals = [], None, False
    for i, child in enumerate(node.children):
        field = node.field_name_for_child(i)
        if field == "bound_identifier":
            name, after_equals = text(child), False
        elif name is not None and child.type == "=":
            after_equals = True
        elif name is not None and after_equals and child.is_named:
            out.append((name, child))
            name = None
    return out


def _value_span(declaration: Node, first_value: Node) -> Node:
    """Dart splits `a.b().c` into several `value` children: the declaration stands for the value then."""
    if declaration.type == "initialized_variable_definition" and len(declaration.children_by_field_name("value")) > 1:
        return declaration
    return first_value


def _resolved(expression: str, ctx: CheckContext, scope: Node) -> str:
    """Texts of the definitions of the names in an expression (two hops)."""
    out = []
    names = set(re.findall(r"[A-Za-z_]\w*", expression))
    for name in list(names)[:6]:
        for value in _definitions(name, ctx, scope)[:3]:
            vt = text(value)
            if len(vt) < 300:
                out.append(vt)
                for inner in set(re.findall(r"[A-Za-z_]\w*", vt)) - names:
                    out.extend(text(v) for v in _definitions(inner, ctx, scope)[:2] if len(text(v)) < 300)
    return "\n".join(out)


# --------------------------------------------------------------------------- streak updates

_N = r"(?P<n>[A-Za-z_][\w.]*(?:\(\))?(?:\.[A-Za-z_]\w*)*)"
_KEY = r"(?P<n>[\w.$'\"]+)"
_ASSIGN = r"(?<![=!<>+\-*/])=(?!=)"
GROW_PATTERNS = [
    rf"{_N}\s*\+\+", rf"\+\+\s*{_N}", rf"{_N}\s*\+=\s*1L?\b",
    rf"{_N}\s*(?::\s*[\w<>?]+\s*)?{_ASSIGN}\s*[^=;\n{{}}]{{0,80}}?\+\s*1L?\b(?!\s*[*/.])",
    r"['\"]?(?P<n>\w+)['\"]?\s*(?::|\bto\b)\s*[^,;\n{}]{0,60}?\+\s*1L?\b(?!\s*[*/.])",
    rf"['\"]?(?P<n>\w+)['\"]?\s*(?::|\bto\b|{_ASSIGN})\s*FieldValue\.increment\(\s*1L?\s*\)",
    rf"\bset\w*\([^()]*\+\s*1L?\s*,\s*forKey:\s*{_KEY}",
    rf"\b(?:put|set)\w*\(\s*{_KEY}\s*,\s*[^()]*?\+\s*1L?\s*\)",
    rf"{_N}\.update\s*\{{\s*(?:it|\w+\s*->\s*\w+)\s*\+\s*1\s*\}}",
    r"(?P<n>\b\w*(?:increment|inc|bump|extend|continue|advance|increase|grow)\w*Streak\w*)\s*\(",
    r"\bset(?P<n>[A-Z]\w*)\(\s*[\w.]*(?:\(\))?\s*\+\s*1L?\s*\)",
]
RESET_PATTERNS = [
    rf"{_N}\s*(?::\s*[\w<>?]+\s*)?{_ASSIGN}\s*[01]L?\b(?![ \t]*[-+*/.\w])",  # `[ \t]`: Kotlin and Swift end a statement at the newline
    r"['\"]?(?P<n>\w+)['\"]?\s*(?::|\bto\b)\s*[01]L?\b(?![ \t]*[-+*/.\w])",
    rf"\bset\w*\(\s*[01]L?\s*,\s*forKey:\s*{_KEY}",
    rf"\b(?:put|set)\w*\(\s*{_KEY}\s*,\s*[01]L?\s*\)",
    rf"\b(?:remove|removeObject|delete)\w*\(\s*(?:forKey:\s*)?{_KEY}\s*\)",
    r"(?P<n>\b\w*(?:reset|break|clear|lose|restart|end)\w*Streak\w*)\s*\(",
    r"\bset(?P<n>[A-Z]\w*)\(\s*[01]L?\s*\)",
    r"\bset(?P<n>[A-Z]\w*)\(\s*[\w.]+(?:\(\))?\s*,\s*[01]L?\s*\)",  # `setCurrentStreak(playerId, 0)`: a store keyed by its holder
]
GROW_RE = [re.compile(p) for p in GROW_PATTERNS]
RESET_RE = [re.compile(p) for p in RESET_PATTERNS]


def _raw_updates(code: str) -> tuple[set[str], set[str]]:
    """(targets grown by one, targets reset) in a piece of code, whatever their names."""
    code = re.sub(r"//[^\n]*|/\*.*?\*/", " ", code, flags=re.S)
    grown = {m.group("n").strip("'\"$") for rx in GROW_RE for m in rx.finditer(code)}
    reset = {m.group("n").strip("'\"$") for rx in RESET_RE for m in rx.finditer(code)}
    return grown, reset


def _updates(code: str) -> tuple[set[str], set[str]]:
    """(streaks grown by one, streaks reset) in a piece of code."""
    grown, reset = _raw_updates(code)
    return {_update_name(n) for n in grown} - {None}, {_update_name(n) for n in reset} - {None}


STREAK_VERB = re.compile(r"(?:^|_)(?:increment|inc|bump|extend|continue|advance|increase|grow|reset|break|clear|lose|restart|end)_(?:\w+_)?streaks?(?:$|_)")


def _update_name(raw: str) -> str | None:
    """The streak a write targets: a name or key (`streak`, `Keys.dailyStreak`), or a call such as `resetStreak`."""
    raw = raw.strip("'\"$")
    n = norm_name(raw)
    if STREAK_VERB.search(n) and not NOT_A_DAILY_STREAK.search(n):
        return raw
    return streak_name(raw)


GROWN_FROM = re.compile(r"(?P<t>[A-Za-z_]\w*)\s*(?::\s*[\w<>?]+\s*)?(?:(?<![=!<>+\-*/])=(?!=)|:)\s*\(?\s*(?P<v>[\w?!]+(?:\(\))?(?:\.[\w?!]+(?:\(\))?)*)\s*\+\s*1L?\b(?!\s*[*/.])")  # also a getter: `last.getConsecutiveDays() + 1`


def _grown_from_streak(code: str) -> dict[str, str]:
    """Neutral names given the streak plus one: `StreakUpdate(current = s.currentStreakDays + 1)`,
    `count: user.loginStreak + 1` -> {'current': 'currentStreakDays'}; a reset of the same name is a reset of it."""
    out = {}
    for m in GROWN_FROM.finditer(re.sub(r"//[^\n]*", " ", code)):
        if not _update_name(m.group("t")):
            name = streak_name(m.group("v"))
            if name:
                out.setdefault(m.group("t"), re.sub(r"^get(?=[A-Z_])", "", name))
    return out


def _condition_nodes(node: Node) -> list[Node]:
    """The condition(s) of a conditional node, in any of the four grammars."""
    kind = node.type
    if kind == "when_expression":
        out = [c for c in node.named_children if c.type == "when_subject"]
        for entry in (c for c in node.named_children if c.type == "when_entry"):
            out += entry.children_by_field_name("condition") or [c for c in entry.named_children if c.type == "when_condition"]
        return out
    if kind in ("switch_statement", "switch_expression"):
        subject = node.child_by_field_name("condition") or node.child_by_field_name("expr") or node.child_by_field_name("value")
        return [subject] if subject is not None else []
    conditions = node.children_by_field_name("condition")
    if conditions:
        return conditions
    if kind in ("if_statement", "conditional_expression"):  # Dart: `a.b(c)` is split into a name and selectors
        consequence = node.child_by_field_name("consequence")
        return [c for c in node.named_children if consequence is None or c.end_byte <= consequence.start_byte]
    return []


OUTCOME_CASE = re.compile(
    r"(?:\bcase\s+|^\s*)(?:[A-Z]\w*)?\.?(?:streak_?(?:Broken|Lost|Expired|Continues|Continued)|missed_?(?:A_?)?Days?|consecutive_?Day|next_?Day)\s*(?:->|:|,)",
    re.I | re.M,
)


def _switch_gap(node: Node, ctx: CheckContext, scope: Node) -> bool:
    """`switch days { case 1: ... }`, `when (gap) { 1L -> ...; else -> 0 }`: a day-count subject with a case 1."""
    subject = _condition_nodes(node)
    if not subject or node.type not in ("switch_statement", "switch_expression", "when_expression"):
        return False
    st = text(subject[0])
    if OUTCOME_CASE.search(text(node)[len(st):]):
        return True  # `switch outcome { case .streakContinues: ...; case .streakBroken: ... }`
    if not (_dayish(subject[0], "days", ctx, scope)):
        return False
    return bool(re.search(r"(?:\bcase\s+\(?|^\s*)(?:1|1L)\s*(?:->|:|,|\.\.)", text(node)[len(st):], re.M))


def _branch_code(node: Node) -> str:
    """The code a conditional controls: its branches, and for a Swift guard what follows it."""
    conds = {c.id for c in _condition_nodes(node)}
    parts = []
    for child in node.named_children:
        if child.id in conds or child.type == "when_subject":
            continue
        if child.type == "when_entry":
            parts += [text(c) for c in child.named_children if c.id not in conds]
        else:
            parts.append(text(child))
    if node.type == "guard_statement" or _returns_early(node):
        sib = node.next_named_sibling
        while sib is not None and len(parts) < 40:
            parts.append(text(sib))
            sib = sib.next_named_sibling
    return "\n".join(parts)


def _chain_values(node: Node) -> list[str]:
    """The values of every branch of the chain a conditional belongs to (`if a x else if b y else z`)."""
    outer = _outermost_branch_value(node)
    if outer == node:
        return _branch_values(node)
    chain = [n for n in walk(outer) if n.type in CONDITIONAL_TYPES and _outermost_branch_value(n) == outer]
    return [v for n in chain for v in _branch_values(n)]


def _returns_early(node: Node) -> bool:
    """`if (!isDateInYesterday(last)) { reset(); return }` with no else: what follows runs only on the other path."""
    if node.type not in ("if_statement", "if_expression") or node.child_by_field_name("alternative") is not None:
        return False
    if any(c.type == "else" or c.type == "else_clause" for c in node.children):
        return False
    body = node.child_by_field_name("consequence") or (node.named_children[-1] if node.named_children else None)
    return body is not None and bool(re.search(r"\breturn\b[^;\n{}]*;?\s*\}?\s*$", text(body)))


def _branch_values(node: Node) -> list[str]:
    conds = {c.id for c in _condition_nodes(node)}
    values = []
    for child in node.named_children:
        if child.id in conds or child.type == "when_subject" or "comment" in child.type:
            continue
        if child.type == "when_entry":
            body = [c for c in child.named_children if c.id not in conds and c.type != "when_condition" and "comment" not in c.type]
            if body:
                values.append(_unbrace(text(body[-1])))
        else:
            values.append(_unbrace(text(child)))
    return values


STATEMENT_PARENTS = frozenset({"block", "statements", "function_body", "class_body", "source_file", "program", "switch_block", "control_structure_body", "lambda_literal"})
TARGET_PREFIX = re.compile(r"(?:(?P<n>[\w.'\"]+)\s*(?::\s*[\w<>?.]+\s*)?(?:=|:|\bto\b)|(?P<ret>\breturn)|\bset\w*\(\s*['\"]?(?P<key>[\w.]+)['\"]?\s*,|\bset(?P<setter>[A-Z]\w*)\()\s*\(?\s*$")  # also a bean setter: `setStreak(gap ? n + 1 : 1)`


def _stored_as_streak(local: str, code: str, ctx: CheckContext, scope: Node) -> str | None:
    """The streak a local is written to in `code`: `putInt(KEY_STREAK, updated)`, `streak = updated`,
    `set(updated, forKey: streakKey)`, `copyWith(streak: updated)`; keys held in constants are resolved."""
    if len(code) > 30000 or not re.fullmatch(r"[A-Za-z_]\w*", local):
        return None
    name = re.escape(local)
    for m in re.finditer(
        rf"\b(?:put|set)\w*\(\s*([\w.'\"]+(?:\([\w\s,.]*\))?)\s*,\s*{name}\s*\)|\bset\w*\(\s*{name}\s*,\s*forKey:\s*([\w.'\"]+)"
        rf"|\w\[\s*([\w.'\"]+)\s*\]\s*{_ASSIGN}\s*{name}\b(?!\s*[-+*/.(])"  # DataStore `prefs[KEY_STREAK] = updated`, `data['streak'] = updated`
        rf"|([\w.'\"]+)\s*(?:{_ASSIGN}|:|\bto\b)\s*{name}\b(?!\s*[-+*/.(])",
        code,
    ):
        if re.match(r"\s*return\s*[{\[]", code[code.rfind("\n", 0, m.start()) + 1 :]):
            continue  # `return {'streak': shown}`: handed back, not stored
        key = next(g for g in m.groups() if g).strip("'\"")
        if key.endswith(")"):  # a key made by a helper: `setInt(_kDays(uid), days)` with `_kDays(u) => 'streak_days_$u'`
            key = _helper_key(key[: key.index("(")], ctx) or key[: key.index("(")]
        found = streak_name(key)
        if not found and key in GENERIC_LAST_TOKENS:  # Kotlin `streak.copy(count = newCount)`: the count of a streak object
            copy = re.search(r"\b([A-Za-z_]\w*)\s*\.\s*copy\s*\([^()]*$", code[: m.start()])
            found = streak_name(f"{copy.group(1)}_{key}") if copy else None
        if not found and re.fullmatch(r"[A-Za-z_]\w*", key):
            found = next((streak_name(k) for v in _definitions(key, ctx, scope)[:2] if (k := _key_literal(text(v)))), None)
        if found:
            return found
    return None


# A storage key held in a constant: `"streak_count"`, or a DataStore key made from one (`intPreferencesKey("streak.current")`).
KEY_LITERAL = re.compile(r"""['"]([\w.-]+)['"]|\w*[kK]ey(?:<[\w?]+>)?\(\s*['"]([\w.-]+)['"]\s*\)""")


def _key_literal(value: str) -> str | None:
    m = KEY_LITERAL.fullmatch(value.strip())
    return (m.group(1) or m.group(2)) if m else None


def _helper_key(helper: str, ctx: CheckContext) -> str | None:
    """The literal part of the key a one-line helper builds: `String _kDays(String u) => 'streak_days_u_$u'` -> 'streak_days_u_'."""
    m = re.search(rf"\b{re.escape(helper.split('.')[-1])}\s*\([^()]*\)\s*(?:=>|\{{\s*return)\s*['\"]([^'\"]{{1,80}})['\"]", _code(ctx))
    return re.sub(r"\$\{[^{}]*\}|\$\w+|\\\([^()]*\)", "", m.group(1)) if m else None


def _expression_target(node: Node, ctx: CheckContext, scope: Node) -> tuple[str, bool] | None:
    """(streak, kept) for the streak a conditional expression is assigned to: `val newStreak = if (...) s + 1 else 1`,
    `streak = cond ? streak + 1 : 1`, `return when (...) {...}` in a streak function; kept is False when the value
    is only returned or held in a local (it may be a streak computed for display)."""
    found = _expression_target_name(node, ctx, scope)
    if found is None:
        return None
    name, how = found
    return name, how == "stored"


def _expression_target_name(node: Node, ctx: CheckContext, scope: Node) -> tuple[str, str] | None:
    node = _outermost_branch_value(node)
    stmt = node
    while stmt.parent is not None and stmt.parent.type not in STATEMENT_PARENTS and stmt.parent.type not in FUNCTION_TYPES:
        stmt = stmt.parent
    if stmt == node:
        return None
    prefix = (stmt.text or b"")[: node.start_byte - stmt.start_byte].decode("utf-8", "replace")
    m = TARGET_PREFIX.search(prefix)
    if m is None:
        suffix = (stmt.text or b"")[node.end_byte - stmt.start_byte :].decode("utf-8", "replace")
        k = re.match(r"\s*\)?\s*,\s*forKey:\s*([\w.'\"]+)", suffix)
        name = streak_name(k.group(1).strip("'\"")) if k else None
        return (name, "stored") if name else None
    if m.group("ret"):
        fn = enclosing_named_function(node)
        names = [function_name(fn) if fn is not None else ""] + _class_names(node)
        name = next((n for n in names if re.search(r"streak", n, re.I) and not NOT_A_DAILY_STREAK.search(norm_name(n))), None)
        return (name, "return") if name else None
    target = (m.group("n") or m.group("key") or m.group("setter") or "").strip("'\"")
    later = (scope.text or b"")[node.end_byte - scope.start_byte :].decode("utf-8", "replace")
    stored = _stored_as_streak(target.split(".")[-1], later, ctx, scope)
    if streak_name(target):
        local = _declared_local(prefix, target)
        if local and not _used_beyond_display(target, later):
            return None  # `val shown = if (activeYesterday) streak else 0`: only displayed
        return streak_name(target), "local" if local and not stored else "stored"
    return (stored, "stored") if stored else None


def _declared_local(prefix: str, name: str) -> bool:
    """Does the statement declare `name` (`val x =`, `let x: Int =`, `int x =`, `final x =`)?"""
    return bool(re.search(rf"\b(?:val|var|let|final|const|late|int|long|Integer|Long|num)\s+(?:[\w<>?]+\s+)?{re.escape(name)}\s*[:=]", prefix))


DISPLAY_BEFORE = re.compile(r"(?:\$\{?|\\\(|String\.valueOf\(|\"\s*\+\s*)$")
DISPLAY_AFTER = re.compile(r"\.toString\(\)|\s*\+\s*\"")


def _used_beyond_display(name: str, code: str) -> bool:
    """Is a local used for more than text: stored, passed on or returned, not only `"$x"`, `"\\(x)"`,
    `x.toString()`, `"" + x`?"""
    for m in re.finditer(rf"(?<![\w.]){re.escape(name)}\b", code):
        if not (DISPLAY_BEFORE.search(code[max(0, m.start() - 16) : m.start()]) or DISPLAY_AFTER.match(code, m.end())):
            return True
    return False


BRANCH_BODIES = frozenset({"block", "statements", "control_structure_body"})


def _outermost_branch_value(node: Node) -> Node:
    """The conditional expression whose value this one is: Kotlin `val s = if (a) { ...; when {...} } else 1`
    (the last expression of a branch) and `if (a) x else if (b) y else z` (an else branch)."""
    while True:
        parent = node.parent
        while parent is not None and parent.type in ("parenthesized_expression", "tuple_expression") and parent.named_child_count == 1:
            node, parent = parent, parent.parent
        if parent is not None and parent.type in ("conditional_expression", "ternary_expression") and node not in _condition_nodes(parent):
            node = parent  # `gap == 0 ? s : (gap == 1 ? s + 1 : 1)`: a ternary nested in a branch of another
            continue
        if parent is not None and parent.type in BRANCH_BODIES:
            rest = [c for c in parent.named_children if "comment" not in c.type]
            if rest[-1] != node:
                return node
            holder = parent.parent
            while holder is not None and holder.type in BRANCH_BODIES:
                holder = holder.parent
        else:
            holder = parent
        if holder is not None and holder.type == "when_entry":
            holder = holder.parent
        if holder is None or holder.type not in ("if_expression", "when_expression") or holder == node:
            return node
        node = holder


def _enclosing_loop(node: Node, scope: Node) -> Node | None:
    """The innermost loop (or lambda passed to `forEach`, `map`, ...) around a node inside its function."""
    for a in ancestors(node):
        if a == scope:
            return None
        if _is_loop(a):
            return a
        if a.type in LAMBDA_TYPES:
            holder = a.parent
            while holder is not None and holder.type in ("annotated_lambda", "call_suffix", "value_argument", "value_arguments", "argument", "arguments", "argument_list", "argument_part", "selector"):
                holder = holder.parent
            call = as_call(holder) if holder is not None else None
            if call is not None and ITERATION_CALLS.match(call.name):
                return a
    return None


def _in_loop(node: Node, scope: Node) -> bool:
    return _enclosing_loop(node, scope) is not None


def _loop_accumulator(node: Node) -> bool:
    """Is a conditional the value given to a local declared outside its loop that it grows from itself
    (`run = (gap <= 1) ? (run + 1) : 1`, Kotlin `count = if (gap == 1L) count + 1 else 1`)? That count is
    carried from one history date to the next: a recount. A loop over users that sets each one's own
    streak (`u.streak = gap == 1 ? u.streak + 1 : 0`) writes a field, not a plain local, and stays reported."""
    outer = _outermost_branch_value(node)
    stmt = outer
    while stmt.parent is not None and stmt.parent.type not in STATEMENT_PARENTS and stmt.parent.type not in FUNCTION_TYPES:
        stmt = stmt.parent
    prefix = (stmt.text or b"")[: outer.start_byte - stmt.start_byte].decode("utf-8", "replace")
    m = re.fullmatch(rf"\s*([A-Za-z_]\w*)\s*{_ASSIGN}\s*\(?\s*", prefix)
    if m is None:
        return False  # also `val next = ...` / `let next = ...`: a fresh local of each pass
    name = re.escape(m.group(1))
    return any(re.fullmatch(rf"\(?\s*{name}\s*\+\s*1L?\s*\)?", v.strip()) for v in _chain_values(node))


def _gap_update(node: Node, ctx: CheckContext, scope: Node) -> tuple[str, str, bool] | None:
    """(streak name, kinds, lenient) when this conditional tests a one-day gap and grows / resets a streak;
    lenient when the test lets one missed day pass (`daysSince <= 2`: a "two-day rule")."""
    loop = _enclosing_loop(node, scope)
    if loop is not None and (_updates(text(loop))[0] or set().union(*_raw_updates(_branch_code(node))) & _raw_updates(text(loop))[0]):
        return None  # a streak (or a local later copied to it) grown inside a loop: counted over a history, a statistic
    if loop is not None and _loop_accumulator(node):
        return None  # `run = gap <= 1 ? run + 1 : 1` for each stored date: the streak recounted, a statistic
    conditions = _condition_nodes(node)
    if not conditions:
        return None
    if not any(is_day_gap(c, ctx, scope) for c in conditions) and not _switch_gap(node, ctx, scope) and not _when_yesterday(node, ctx, scope) and not _rollover_flag(conditions, scope):
        return None
    code = _branch_code(node)
    later = code + "\n" + (scope.text or b"")[node.end_byte - scope.start_byte :].decode("utf-8", "replace")
    grown, reset = set(), set()
    aliases = _grown_from_streak(code)
    for raw_names, found in zip(_raw_updates(code), (grown, reset)):
        for raw in raw_names:  # `count++` then `prefs.setInt(_countKey, count)` with `_countKey = 'streakCount'`
            name = _update_name(raw) or aliases.get(raw) or _stored_as_streak(raw, later, ctx, scope) or _loaded_streak(raw, node, ctx, scope)
            if name:
                found.add(name)
    found = _expression_target(node, ctx, scope)
    pair = _return_pair(node) or _returned_branches(node)
    if not found and pair:
        fn = enclosing_named_function(node)
        names = [function_name(fn) if fn is not None else ""] + _class_names(node)
        name = next((n for n in names if re.search(r"streak", n, re.I) and not NOT_A_DAILY_STREAK.search(norm_name(n))), None)
        found = (name, False) if name else None  # returned from a streak helper, like `return gap == 1 ? s + 1 : 1`
    if found:
        target, kept = found
        values = [_value_head(v) for v in pair or _chain_values(node)]
        if any(PLUS_ONE.match(v) for v in values):
            grown.add(target)
        if any(ZERO_ONE.match(v) for v in values) and (kept or grown):
            reset.add(target)  # `return if (gap <= 1) streak else 0` (no growth, nothing stored) is the streak shown, not reset
    if not grown and not reset and (back := _getter_written_back(node, ctx)):
        grown.add(back)
        reset.add(back)
    names = sorted(grown | reset, key=lambda n: ("streak" not in n.lower(), n))
    if not names:
        return None
    kinds = ("B" if grown else "") + ("C" if reset else "")
    return names[0], kinds, any(TWO_DAY_RULE.search(text(c)) for c in conditions)


def _getter_written_back(node: Node, ctx: CheckContext) -> str | None:
    """Swift `var calculatedStreak: Int { if last.isYesterday || last.isToday { return streak } else { return 0 } }`
    whose value another member of the file stores plus one (`h.streak = h.calculatedStreak + 1`): the getter is
    the reset and the write-back the growth, one streak update across two members. The stored name, or None."""
    fn = enclosing_named_function(node)
    if fn is None or fn.type != "computed_property":
        return None
    values = [re.fullmatch(r"return\s+([\w.]+)\s*;?", v.strip()) for v in _branch_values(node) if v != "else"]
    if len(values) < 2 or not all(values) or not any(m.group(1) == "0" for m in values):
        return None
    kept = next((streak_name(m.group(1)) for m in values if m.group(1) != "0" and streak_name(m.group(1))), None)
    getter = function_name(fn)
    if kept is None or not getter:
        return None
    back = re.search(rf"\b([\w.\[\]]*streak\w*)\s*=\s*[\w.\[\]!?]*\b{re.escape(getter)}\s*\+\s*1\b", _code(ctx), re.I)
    return streak_name(back.group(1)) if back else None


# What surrounds the streak read from storage: `?: 0L`, `?? 0`, `.toInt()`, `as int?`, parentheses.
READ_NOISE = re.compile(r"\s*(?:\?:|\?\?)\s*[\w.]+|\.(?:toInt|toLong|toDouble|intValue|longValue|toInteger)\(\)|\s+as\??\s+[\w<>?]+|[()!]")


def _read_streak(expression: str, ctx: CheckContext, scope: Node) -> str | None:
    """The streak an expression reads: `user.streak.value`, `prefs.getInt("streak_count", 0)`,
    `(snap.getLong("currentStreak") ?: 0L).toInt()`, `defaults.integer(forKey: streakKey)`."""
    t = expression.strip()
    if len(t) > 120:
        return None
    for key in re.findall(r"['\"]([\w.-]+)['\"]", t):
        if streak_name(key):
            return streak_name(key)
    bare = READ_NOISE.sub("", t)
    if re.fullmatch(r"[\w.]+", bare):
        return streak_name(bare)
    arg = re.search(r"(?:forKey:\s*|\(\s*)([A-Za-z_][\w.]*)\s*[,)]", t)
    if arg is None:
        return None
    key = arg.group(1)
    if streak_name(key):
        return streak_name(key)
    values = [text(v) for v in _definitions(key.split(".")[-1], ctx, scope)[:2]]
    return next((streak_name(k) for v in values if (k := _key_literal(v))), None)


def _loaded_streak(local: str, node: Node, ctx: CheckContext, scope: Node) -> str | None:
    """A neutral local loaded with the stored streak before the conditional and kept after it:
    `var value = user.streak.value; when (...) { yesterday -> value += 1; else -> value = 1 }; save(Streak(value = value))`."""
    if not re.fullmatch(r"[A-Za-z_]\w*", local):
        return None
    earlier = [v for v in _definitions(local, ctx, scope) if v.end_byte <= node.start_byte]
    if not earlier:
        return None
    name = _read_streak(text(min(earlier, key=lambda v: v.start_byte)), ctx, scope)
    after = (scope.text or b"")[node.end_byte - scope.start_byte :].decode("utf-8", "replace")
    return name if name and _used_beyond_display(local, after) else None


def _return_pair(node: Node) -> list[str] | None:
    """`if (gap <= 2) return current + 1; return 1;`: the value returned by an `if` with no else and
    the value returned by the statement after it, as the two branches of one choice."""
    if node.type not in ("if_statement", "if_expression") or node.child_by_field_name("alternative") is not None:
        return None
    if any(c.type in ("else", "else_clause") for c in node.children):
        return None
    body = node.named_children[-1] if node.named_children else None
    while body is not None and body.type in ("block", "statements", "control_structure_body") and len(body.named_children) == 1:
        body = body.named_children[0]
    after = node.next_named_sibling
    while after is not None and "comment" in after.type:
        after = after.next_named_sibling
    if body is None or after is None:
        return None
    values = []
    for statement in (body, after):
        m = re.fullmatch(r"return\s+(.+?);?", text(statement).strip(), re.S)
        if statement.type not in ("return_statement", "jump_expression", "control_transfer_statement") or m is None:
            return None
        values.append(m.group(1).strip())
    return values


def _returned_branches(node: Node) -> list[str] | None:
    """`if (yesterdayRecord != null) { return streak + 1; } else { return 1; }`: every branch returns."""
    values = [re.fullmatch(r"return\s+(.+?);?", v, re.S) for v in _chain_values(node)]
    return [m.group(1).strip() for m in values if m] if len(values) >= 2 and all(values) else None


TUPLE_HEAD = re.compile(r"^\(\s*(?:\w+\s*:\s*)?((?:[^(),]|\((?:[^()]|\([^()]*\))*\))+),[^()]*(?:\([^()]*\)[^()]*)*\)$", re.S)
FLOOR_ZERO = re.compile(r"^(?:Math\.)?max\(\s*0L?\s*,\s*([\w.?!]+)\s*\)|^(?:Math\.)?max\(\s*([\w.?!]+)\s*,\s*0L?\s*\)")


def _value_head(value: str) -> str:
    """The count in a returned value: `(max(0, streak) + 1, today)` -> `streak + 1` (a tuple's first
    element, a count floored at zero)."""
    head = TUPLE_HEAD.match(value.strip())
    value = head.group(1).strip() if head else value
    return FLOOR_ZERO.sub(lambda m: m.group(1) or m.group(2), value)


# A gap test that forgives one missed day: `daysSince <= 2`, `gap < 3`, `missedDays > 1`.
TWO_DAY_RULE = re.compile(r"\b\w*(?:days?|gap|diff|since|between|elapsed)\w*(?:\((?:[^()]|\([^()]*\))*\))?\s*(?:<=\s*2|<\s*3|>\s*2|>=\s*3)L?\b(?!\s*\*)|\bmissed\w*\s*(?:>\s*1|>=\s*2)\b", re.I)


STREAKISH = re.compile(r"streak|consecutive|login_?(?:days|count)|days_?in_?a_?row", re.I)


HISTORY_PARAMETER = re.compile(r"(?:List|Set|Iterable|Collection|Array|Sequence)<\s*(?:DateTime|LocalDate|Date|Instant|LocalDateTime)\??\s*>|\[\s*(?:Date|DateComponents)\s*\]")


def _signature(function: Node) -> str:
    """The text of a function up to its body (Dart: the signature before `function_body`)."""
    if function.type == "function_body":
        signature = function.prev_named_sibling
        return text(signature) if signature is not None else ""
    body = function.child_by_field_name("body") or next((c for c in function.named_children if c.type in ("function_body", "block", "statements")), None)
    end = body.start_byte if body is not None else function.end_byte
    return (function.text or b"")[: end - function.start_byte].decode("utf-8", "replace")


def _statistic_function(scope: Node) -> bool:
    """A function that recounts the streak over the history of dates (it grows a streak inside
    a loop), or one about the longest / best streak."""
    name = norm_name(function_name(scope)) if scope.type in FUNCTION_TYPES else ""
    if re.search(r"(?:^|_)(?:longest|best|max|maximum|highest)(?:_|$)|(?:^|_)(?:streak_record|record_streak)", name):
        return True
    if scope.parent is None:
        return False
    if HISTORY_PARAMETER.search(_signature(scope)):
        return True  # `getStreakInfo(completedDays: List<DateTime>)`: derived from the calendar passed in
    loops = (n for n in walk(scope) if _is_loop(n) or n.type in LAMBDA_TYPES and _in_loop(n.named_children[0] if n.named_children else n, scope))
    return any(_updates(text(loop))[0] for loop in loops)


# A write to storage in the function: `prefs.setInt(`, `repo.saveStreak(`, `_persist()`.
STORAGE_WRITE = re.compile(r"\.(?:set|put|save|write|insert|update|store|persist|upsert|commit)\w*\s*\(|\b_?(?:save|persist|store|write)\w*\s*\(", re.I)


def _display_copy(ctx: CheckContext, name: str, scope: Node) -> bool:
    """A field set to 0 when the saved day is old and otherwise copied from the loaded streak
    (`_currentStreak = data.currentStreak`), in a function that saves nothing, and never handed to a
    save elsewhere in the file (`prefs.setInt('streak', _streak)`): what the screen shows, while the
    stored streak is left as it is."""
    if scope.type not in FUNCTION_TYPES or not re.fullmatch(r"\w+", name):
        return False
    body = text(scope)
    copied = re.search(rf"\b{re.escape(name)}\s*{_ASSIGN}\s*(?!0\b)[\w.!?()'\" ]*streak", body, re.I)
    if not copied or STORAGE_WRITE.search(body):
        return False
    saved = rf"\.(?:set|put|save|write|update|store|persist|upsert|insert)\w*\s*\([^;]*\b{re.escape(name)}\b"
    return not re.search(saved, _code(ctx), re.I)


def _scope_hit(ctx: CheckContext, scope: Node) -> tuple[Node, tuple[str, str, bool]] | None:
    """The first day-gap update of a function (memoised): the reported node and (name, kinds, lenient)."""
    key = ("gap", scope.id)
    if key not in ctx.memo:
        ctx.memo[key] = None
        if not _statistic_function(scope):
            for n in (c for c in walk(scope) if c.type in CONDITIONAL_TYPES):
                found = _gap_update(n, ctx, scope)
                if found:
                    ctx.memo[key] = (_reported_node(n), found)
                    break
    return ctx.memo[key]


def _gap_verdict(ctx: CheckContext, node: Node) -> "Verdict | None":
    scope = enclosing_named_function(node) or ctx.root
    hit = _scope_hit(ctx, scope)
    if hit is None or hit[0].id != node.id:
        return None
    name, kinds, lenient = hit[1]
    if "streak" not in name.lower() and not REWARDISH.search(_code(ctx)):
        return None
    if "streak" not in name.lower() and _only_stored(ctx, name):
        return None  # `consecutiveLogins` copied into the user's stats and saved: a counter never shown nor paid
    if kinds == "C" and STREAK_VERB.search(norm_name(name)) and _reset_of_reported_model(ctx, name):
        return None  # a nightly job calls the model's own `breakStreak()`: the model's update, in its file, is the finding
    if kinds == "C" and _display_copy(ctx, name, scope):
        return None  # `_shown = 0` when the saved day is old, else `_shown = saved.streak`: the stored streak is untouched  # a consecutive-days counter nobody is rewarded or warned about
    if _analytics_code(ctx, node) or _usage_statistic(ctx, scope):
        return None  # a usage metric (`sessionStreak` in an analytics manager, a `feature_stats` row), never shown
    if project_index.in_unused_class(node, ctx):
        return None  # the streak logic sits in a class the project never creates: it never runs
    if kinds == "B":
        what = "grows only when the last visit was the day before (a missed day ends it)"
    elif kinds == "C":
        what = "is reset when a day is missed"
    else:
        what = "grows when the last visit was one day ago and is reset after a missed day"
    label = f"the streak (through {name}())" if STREAK_VERB.search(norm_name(name)) else f"'{name}'"  # `resetStreak()`
    if lenient:
        return Verdict(message=f"daily streak: {label} {what}, after a day of grace", severity="info", note="one missed day is forgiven (a two-day rule): lowered")
    return Verdict(message=f"daily streak: {label} {what}")


# A line that shows, compares or pays a counter: text around it (a quote once its own storage key is taken
# out), a text or label call, a comparison, a product or a remainder.
COUNTER_USE = re.compile(r"[\"'`]|\b(?:Text|Label|setText|valueOf|toString|String|format|print|show\w*|display\w*|award\w*|grant\w*|give\w*|pay\w*)\b|\\\(|\s[<>]=?\s|==|!=|%|\*")


def _project_texts(ctx: CheckContext) -> list[str] | None:
    """The text of every file of the project (memoised per file), or None outside a real project."""
    if "project_texts" not in ctx.memo:
        index = project_index.for_context(ctx)
        texts = [data.decode("utf-8", "replace") for data in index.files().values()] if index.root_is_project() else None
        ctx.memo["project_texts"] = texts
    return ctx.memo["project_texts"]


def _only_stored(ctx: CheckContext, name: str) -> bool:
    """A counter without the word streak (`newConsecutiveLogins`) whose field is only declared, copied and
    saved across the project (`consecutiveLogins: x`, `map['consecutiveLogins'] ?? 0`): never shown, compared or paid."""
    base = re.split(r"[^\w]+", name)[-1].lstrip("_")
    base = re.sub(r"^(?:new|current|updated|next|computed)(?=[A-Z])", "", base) or base
    field = base[:1].lower() + base[1:]
    texts = _project_texts(ctx)
    if not texts or not re.fullmatch(r"[a-z]\w{5,}", field):
        return False
    mention = re.compile(rf"\b(?:get|_)?(?:{re.escape(field)}|{re.escape(base[:1].upper() + base[1:])})\b")
    key = re.compile(rf"[\"']{re.escape(field)}[\"']")
    for t in texts:
        for line in (ln for ln in re.sub(r"//[^\n]*|/\*.*?\*/", " ", t, flags=re.S).splitlines() if mention.search(ln)):
            if COUNTER_USE.search(key.sub(" ", line)):
                return False
    return True


# The streak grown by one in a model's own code: `currentStreak + 1`, `streak++`, `streakDays += 1`.
MODEL_GROWS = re.compile(r"\b\w*streak\w*\s*(?:\+\s*1\b|\+\+|\+=\s*1\b)|\+\+\s*\w*streak", re.I)


def _reset_of_reported_model(ctx: CheckContext, name: str) -> bool:
    """`streak.breakStreak()` called by a nightly check, where `breakStreak` is a method of a model in
    another file that also grows the streak by one day after the last (`isConsecutive ? current + 1 : 1`):
    the model's update is the one behaviour, reported in its own file."""
    method = name.split(".")[-1].strip("()")
    index = project_index.whole_project(ctx)
    if index is None:
        return False
    own = str(Path(ctx.path).resolve())
    for definition in index.definitions(method):
        if str(Path(definition.path).resolve()) == own:
            continue
        data = index.files().get(definition.path)
        code = data.decode("utf-8", "replace") if data else ""
        if MODEL_GROWS.search(code) and re.search(r"yesterday|consecutive|in_?days|difference|days_?between|day_?gap", code, re.I):
            return True
    return False


# Words around the streak's own name in a counter or its storage key (`newStreak`, `currentStreakCount`, `KEY_STREAK`).
FAMILY_AFFIX = re.compile(
    r"^(?:(?:k|key|pref|current|curr|cur|new|next|projected|updated|old|prev|previous|temp|tmp|local|my|the|saved|stored|user|break|reset|increment|increase|update|set|get|save)_)+"
    r"|(?:_(?:key|pref|prefs|value|val|count|counter|days|day|length|len))+$"
)


def _streak_family(name: str) -> str:
    base = norm_name(re.split(r"[^\w]+", name.strip("\"' "))[-1] or name)
    return FAMILY_AFFIX.sub("", base) or base


def _file_gap_findings(ctx: CheckContext) -> dict[int, str]:
    """The reported streak updates of the file, one per streak (memoised): node id -> family. Updates
    of one streak in several functions (the check-in and a `reconcileStreak()` that only resets it)
    are one behaviour, reported at the function that both grows and resets it, else at the first.
    Two different streaks (a login streak and a quiz streak) keep a finding each; the generic
    `streak` (only locals such as `newStreak`) joins the file's one named streak."""
    kept = ctx.memo.get("streak_mobile_families")
    if kept is None:
        scopes: dict[int, Node] = {}
        for n in walk(ctx.root):
            if n.type in CONDITIONAL_TYPES:
                scope = enclosing_named_function(n) or ctx.root
                scopes.setdefault(scope.id, scope)
        families: dict[str, list[tuple[bool, int, int]]] = {}
        generic_locals = True
        for scope in scopes.values():
            hit = _scope_hit(ctx, scope)
            if hit is None or _gap_verdict(ctx, hit[0]) is None:
                continue
            node, (name, kinds, _) = hit
            family = _streak_family(name)
            families.setdefault(family, []).append((kinds in ("B", "C"), node.start_byte, node.id))
            if family == "streak" and not re.search(rf"\b(?:val|var|let|final|int|Int|long|const)\s+{re.escape(name)}\b", text(scope)):
                generic_locals = False
        specific = [f for f in families if f != "streak"]
        if "streak" in families and len(specific) == 1 and generic_locals:
            families[specific[0]] += families.pop("streak")
        kept = {min(sites)[2]: family for family, sites in families.items()}
        ctx.memo["streak_mobile_families"] = kept
    return kept


def day_gap_update(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    if "streaky" not in ctx.memo:
        ctx.memo["streaky"] = bool(STREAKISH.search(_code(ctx)))
    if not ctx.memo["streaky"]:
        return _ladder_reset(ctx)
    verdict = _gap_verdict(ctx, node)
    families = _file_gap_findings(ctx)
    if verdict is None or node.id not in families:
        return False  # another function's update of the same streak is the one reported
    verdict.fold_key = _update_key(ctx, families[node.id])
    return verdict


def _update_key(ctx: CheckContext, family: str) -> str:
    """The behaviour key of one streak's reported update in one file (Verdict.fold_key)."""
    return f"streak-update:{Path(ctx.path).resolve()}:{family}"


def _joined_to_update(ctx: CheckContext, name: str | None, verdict: "Verdict | bool") -> "Verdict | bool":
    """A payout of a streak whose day-gap update this file reports is a related site of that finding
    (one streak, one finding): the payout's streak is the update's (same name up to affixes), or it is
    the generic `streak` (a reward function's parameter: `applyStreakRewards(p, streak: Int)`) and the
    file reports the update of one streak only. A payout of another named streak (`loginStreak` where the
    file updates `streak`), or in another file, stays a finding of its own."""
    if not isinstance(verdict, Verdict) or not name or not _file_reports_update(ctx):
        return verdict
    families = set(_file_gap_findings(ctx).values())
    family = _streak_family(name)
    target = family if family in families else next(iter(families)) if family == "streak" and len(families) == 1 else None
    if target is not None:
        verdict.fold_key, verdict.fold_site = _update_key(ctx, target), True
    return verdict


def _file_reports_update(ctx: CheckContext) -> bool:
    """Whether the file's streak update is reported: a ladder lookup or a milestone of the file is part of it."""
    if "streaky" not in ctx.memo:
        ctx.memo["streaky"] = bool(STREAKISH.search(_code(ctx)))
    return bool(ctx.memo["streaky"] and _file_gap_findings(ctx))


# A login-reward ladder kept without the word "streak": `getCurrentDay()` of a `LoginRewardRepository`
# returns day 1 after a missed day and `lastClaimDay + 1` otherwise.
LOGIN_LADDER = re.compile(r"login_?(?:rewards?|bonus(?:es)?|gifts?|calendar)", re.I)
LADDER_FN = re.compile(r"(?:^|_)(?:days?|rewards?|claims?|login|ladder)(?:_|$)")
BACK_TO_DAY_ONE = re.compile(r"\breturn\s+1L?\b|\b\w*[dD]ay\w*\s*(?<![=!<>])=(?!=)\s*1L?\b(?![ \t]*[-+*/.\w])")
NEXT_DAY = re.compile(r"\b\w*[dD]ay\w*\s*(?:%\s*\w+\s*)?\+\s*1L?\b")


def _ladder_reset(ctx: CheckContext) -> "Verdict | bool":
    """The day of a login-reward ladder set back to day 1 under a missed-day test, in a function that otherwise
    moves to the next day (`if (daysDiff > 1) return 1` ... `return lastClaimDay + 1`)."""
    node = ctx.node
    if not LOGIN_LADDER.search(_code(ctx)) or node.type not in ("if_expression", "if_statement"):
        return False
    scope = enclosing_named_function(node)
    if scope is None or not LADDER_FN.search(norm_name(function_name(scope))) or not NEXT_DAY.search(text(scope)):
        return False
    consequence = node.child_by_field_name("consequence") or (node.named_children[1] if len(node.named_children) > 1 else None)
    if consequence is None or not BACK_TO_DAY_ONE.search(text(consequence)) or NEXT_DAY.search(text(consequence)):
        return False
    if not any(is_day_gap(c, ctx, scope) for c in _condition_nodes(node)):
        return False
    return Verdict(message=f"login-reward ladder: {function_name(scope)}() goes back to day 1 after a missed day and moves to the next day otherwise")


# A daily sign-in / check-in / attendance feature (names or comments): `signInToday()`, `SignDetailDAO`, `// 连续签到`.
CHECKIN_CONTEXT = re.compile(r"sign_?in|signing|sign_?day|check_?in|attendance|签到|连续|連續|출석", re.I)
# A neutral helper testing that two dates are one day apart: `intervalOneDay(now, last)`, `isOneDayApart(a, b)`.
ONE_DAY_CALL = re.compile(r"^(?:is|was|check|within)?_?(?:interval|gap|diff)?_?one_?day(?:_?(?:apart|interval|gap|diff|ago|before))?$")
# The count a check-in keeps under a neutral name: `series_count`, `continueSign`, `consecutive`, `continuousDays`.
CHECKIN_COUNTER = re.compile(r"(?:^|_)(?:series|continue|continuous|continued|consecutive|serial|running)(?:_|$)")
CAST = re.compile(r"^\(\s*(?:long|int|Long|Integer|short)\s*\)\s*")


def _one_day_call(condition: Node) -> bool:
    return any((call := as_call(n)) is not None and ONE_DAY_CALL.search(norm_name(call.name)) for n in walk(condition))


def checkin_counter(ctx: CheckContext) -> "Verdict | bool":
    """A daily sign-in counter kept without the word "streak" (the streak checks skip such files): the count
    becomes the previous one plus one when the last sign-in was yesterday and restarts at 1 otherwise
    (`setSeries_count(intervalOneDay(now, last) ? s.getSeries_count() + 1 : 1)`,
    `if (last < getYesterdayDate().getTime()) return 1; return continueSign + 1;` in `continueSign()`)."""
    node = ctx.node
    if "streaky" not in ctx.memo:
        ctx.memo["streaky"] = bool(STREAKISH.search(_code(ctx)))
    if ctx.memo["streaky"] or not CHECKIN_CONTEXT.search(ctx.data[:300_000].decode("utf-8", "replace")):
        return False
    if _outermost_branch_value(node) != node:
        return False  # reported at the outermost conditional
    scope = enclosing_named_function(node)
    if scope is None or _in_loop(node, scope) or _statistic_function(scope):
        return False
    inner = [n for n in walk(node) if n.type in CONDITIONAL_TYPES]
    for conditional in inner:
        conditions = _condition_nodes(conditional)
        if not any(is_day_gap(c, ctx, scope) or _one_day_call(c) for c in conditions):
            continue
        values = [CAST.sub("", v.strip()) for v in (_return_pair(conditional) or _chain_values(conditional))]
        grown = sorted((v for v in values if PLUS_ONE.match(v)), key=len)
        if not grown or not any(ZERO_ONE.match(v) for v in values):
            continue
        counter = re.sub(r"^get(?=[A-Z_])|\(\)", "", re.split(r"\s*\+", grown[0].strip("() "))[0].split(".")[-1])
        fn = function_name(scope) or ""
        if CHECKIN_COUNTER.search(norm_name(counter)) or (_return_pair(conditional) and CHECKIN_COUNTER.search(norm_name(fn))):
            return Verdict(message=f"daily streak: the sign-in count '{counter}' grows when the last sign-in was yesterday and restarts at 1 after a missed day")
    return False


ANALYTICS = re.compile(r"analytic|telemetry", re.I)
CLASS_TYPES = frozenset({"class_declaration", "class_definition", "object_declaration"})


def _class_names(node: Node) -> list[str]:
    """Names of the classes / objects around a node, innermost first (`object StreakLogic`)."""
    return [project_index.class_name(a) for a in ancestors(node) if a.type in CLASS_TYPES and project_index.class_name(a)]


# The streak put in front of the user: `"🔥 " + currentStreak + " days"`, `"${streak} day streak"`, `"\\(streak) days"`.
SHOWN_STREAK = re.compile(r"🔥|[\"']\s*\+\s*\w*[sS]treak\w*(?:\(\))?\s*\+\s*[\"']|\$\{?\w*[sS]treak|\\\(\w*[sS]treak")


def _analytics_code(ctx: CheckContext, node: Node) -> bool:
    """Is the node in an analytics / telemetry class or file that never shows the streak to the user
    (an `AnalyticsService` that also builds the "🔥 5 days" label is the app's own streak)?"""
    holder = next((a for a in ancestors(node) if a.type in CLASS_TYPES and ANALYTICS.search(project_index.class_name(a))), None)
    if holder is not None:
        return not SHOWN_STREAK.search(text(holder))
    return bool(ANALYTICS.search(ctx.path.stem)) and not SHOWN_STREAK.search(_code(ctx))


# A usage-statistics record: the streak is one column next to a usage counter (`feature_stats`,
# `usageCount`, `timesOpened`), in a file that pays nothing and warns of nothing.
USAGE_RECORD = re.compile(r"usage_?(?:count|stats?|metrics?)|feature_?(?:stats?|usage|metrics?)|times_?(?:used|opened)|(?:open|launch)_?count|record_?usage|track_?usage", re.I)
STAKES = re.compile(r"reward|bonus|coins?\b|gems?\b|\bxp\b|points|badge|achievement|chest|prize|claim|notif|\blos[et]\b|losing|freeze", re.I)


def _usage_statistic(ctx: CheckContext, scope: Node) -> bool:
    """The day-gap update keeps a usage statistic: its function also counts uses, and the file neither
    rewards the streak nor warns about it."""
    return bool(USAGE_RECORD.search(text(scope))) and not STAKES.search(_code(ctx))


# The words a conditional must contain to be matched by the day-gap queries (same as their #match?).
QUERIED = re.compile(r"(?i)streak|consecutive|login_?days|days_?in_?a_?row|day|[=<>]=?\s*[12]L?\b")


def _reported_node(node: Node) -> Node:
    """Where a finding goes: the conditional itself, or the expression it is a branch of when only that
    one is matched by the query (`return if (missed == 0) s + 1 else if (missed == 1) ...`)."""
    if QUERIED.search(text(node)):
        return node
    return _outermost_branch_value(node)


def _code(ctx: CheckContext) -> str:
    """The file's text without comments (memoised)."""
    code = ctx.memo.get("code")
    if code is None:
        code = re.sub(r"/\*.*?\*/|(?<![:\\])//[^\n]*", " ", ctx.data[:300_000].decode("utf-8", "replace"), flags=re.S)
        ctx.memo["code"] = code
    return code


# --------------------------------------------------------------------------- rewards for the streak

REWARD_WRITE = re.compile(
    r"\b(?:\w*(?:coins?|gems?|xp|exp|points|credits?|gold|bonus|rewards?|diamonds?|stars|tokens|hearts|lives|energy|keys)\w*)\s*(?:\+=|\+\+|(?<![=!<>])=(?!=)[^=\n;]{0,60}\+)"
    r"|\b(?:add|grant|award|give|credit|earn|claim|collect|increase|deposit)_?\w{0,20}(?:Coins?|Gems?|XP|Exp|Points|Credits?|Gold|Bonus|Reward|Diamonds?|Stars|Tokens|Hearts|Lives|Energy|Keys|Chest)\w*\s*\("
    r"|\b(?:put|set)\w*\(\s*['\"]\w*(?:coins?|gems?|xp|points|credits?|gold|diamonds?|tokens)\w*['\"]\s*,[^;\n]{0,60}\+"  # prefs.setInt('credits', credits + bonus)
    r"|\b\w*(?:xp|exp|coins?|points|reward|bonus|gems?|credits?)\w*\s*(?:\*=|=\s*\(?\s*\w*(?:xp|exp|coins?|points|reward|bonus|gems?|credits?)\w*\s*\*\s*[\d.]+)",  # baseXP = (baseXP * 1.2)
    re.I,
)
NOT_A_PAYOUT = re.compile(r"achievement|badge|title|label|text|message|icon|toast|snack|log|analytics|track|event|confetti|animation", re.I)


def _streak_operand(node: Node) -> str | None:
    """`streak`, `user.loginStreak`, `(streak - 1)`: the count of days, or None."""
    return _streak_operand_text(text(node))


def _streak_operand_text(t: str) -> str | None:
    t = t.strip("() ")
    if not re.fullmatch(r"[\w.?!]+(?:\s*[-+]\s*\d+)?", t):
        return None
    return streak_name(re.split(r"\s*[-+]", t)[0])


MILESTONE_LOOKUP = re.compile(r"\b\w*(?:milestone|reward|bonus|prize|credit|coin|gem)\w*\s*(?:\.\s*(?:containsKey|keys\.contains|contains)\s*\(\s*|\[\s*)(?P<n>[\w.?!]+)\s*[)\]]", re.I)


def _milestone(condition: Node) -> str | None:
    """`streak == 7`, `loginStreak % 7 == 0`, `newStreak >= STREAK_BONUS_DAYS`, `MILESTONE_CREDITS.containsKey(streak)`: the streak name."""
    lookup = MILESTONE_LOOKUP.search(text(condition))
    if lookup and streak_name(lookup.group("n")):
        return streak_name(lookup.group("n"))
    if isinstance(condition, _Span):
        return None
    for n in walk(condition):
        if n.type not in COMPARISON_TYPES:
            continue
        parts = _operator_and_operands(n)
        if parts is None or parts[0] not in ("==", "===", ">=", ">"):
            continue
        _, left, right = parts
        for a, b in ((left, right), (right, left)):
            at, bt = text(a).strip(), text(b).strip()
            mod = re.fullmatch(r"\(?\s*([\w.?!]+)\s*%\s*\w+\s*\)?", at)
            if mod and re.fullmatch(r"0L?", bt):
                name = streak_name(mod.group(1))
                if name:
                    return name
                continue
            name = _streak_operand(a)
            last = bt.split(".")[-1]
            constant = re.fullmatch(r"[\w.]*(?:STREAK|MILESTONE|THRESHOLD|REWARD|BONUS)\w*", bt, re.I) and not (streak_name(last) and not last.isupper())
            if name and (re.fullmatch(r"(?:[2-9]|\d{2,})L?", bt) or constant):
                return name  # not `newStreak > user.currentStreak`: a streak compared with a streak is no milestone
    return None


# A streak counted in days: "7 day streak", "3 days in a row", a list of completed dates.
DAY_STREAK_CONTEXT = re.compile(r"\bday[ _-]?streak|days?\s+in\s+a\s+row|completed_?dates|last_?completed_?(?:date|day)|streak_?days\b", re.I)


def _about_days(ctx: CheckContext) -> bool:
    """Is the file about daily logins, claims or a streak of days (not a combo in a round)?"""
    code = _code(ctx)
    return bool(DAILY_CONTEXT.search(code) or DAY_STREAK_CONTEXT.search(code) or CALENDAR_CONTEXT.search(code) and not GAME_WORDS.search(code))


# A file that works with calendar dates (the streak is one of days), for a payout at every Nth streak day.
CALENDAR_CONTEXT = re.compile(r"\b(?:DateTime|LocalDate|LocalDateTime|Calendar|Timestamp)\b|\bDate\(\)|\binDays\b|\btoDays\(|\btoday\b|\bstreak_?date\b|\blast_?(?:streak|completed|done)\w*(?:date|day)", re.I)


# --------------------------------------------------------------------------- rewards nothing calls

# Functions the system or another language may call without a call site in the project's code.
CALLED_FROM_OUTSIDE = re.compile(r"\b[oO]verride\b|@objc\b|@IBAction\b|@JvmStatic\b|@JavascriptInterface\b|@pragma\b|@Composable\b|@(?:Test|Preview)\b")


def _function_span(fn: Node) -> tuple[str, int, int]:
    """(name, start byte, end byte) of a function, its declaration included (Dart: signature and body)."""
    if fn.type == "function_body" and fn.prev_named_sibling is not None:
        start = fn.prev_named_sibling
        signature = next((n for n in walk(start) if n.type == "function_signature"), None)
        name = _function_parts(signature)[0] if signature is not None else ""
        return name, start.start_byte, fn.end_byte
    if fn.type in ("function_signature", "method_signature"):
        signature = fn if fn.type == "function_signature" else next((n for n in walk(fn) if n.type == "function_signature"), fn)
        holder = fn.parent if fn.type == "function_signature" and fn.parent is not None and fn.parent.type == "method_signature" else fn
        body = holder.next_named_sibling
        end = body.end_byte if body is not None and body.type == "function_body" else holder.end_byte
        return _function_parts(signature)[0], holder.start_byte, end
    return function_name(fn) or "", fn.start_byte, fn.end_byte


def _mentions_outside(name: str, index: project_index.ProjectIndex, own: tuple[str, int, int]) -> list[tuple[str, int]]:
    """(path, line) of every word `name` in the project's files outside tests, outside the function's own
    lines (`own`: path, first and last line) and outside the first line of any other definition of the name.
    Comments, strings and the project's layouts and storyboards count: a selector or a string-named call may run it."""
    word = re.compile(rb"(?<![\w$])" + re.escape(name.encode()) + rb"(?![\w$])")
    out: list[tuple[str, int]] = []
    defined = {(d.path, d.line) for d in index.definitions(name)}
    # a layout's data binding, a storyboard's action
    for path, data in [*index.files().items(), *index.resources()]:
        if name.encode() not in data or index.is_test_path(path):
            continue
        for m in word.finditer(data):
            line = data.count(b"\n", 0, m.start()) + 1
            if (path, line) not in defined and not (path == own[0] and own[1] <= line <= own[2]):
                out.append((path, line))
    return out


def _uncalled(name: str, index: project_index.ProjectIndex, own: tuple[str, int, int], depth: int = 2) -> list[str] | None:
    """Nothing in the whole project (tests aside) names `name` outside its own lines: []. Or, up to `depth`
    steps removed, every mention is a call in a function that is itself uncalled (`calculateStreakBonus`
    used only by `calculateXPToRemoveForHabits`, called only by the deprecated `removeXPForHabitUncompleted`,
    which nothing calls): the callers' names. None when something may run it."""
    if not name or project_index.too_common(name) or project_index.USER_NAME.match(name) or project_index.LOAD_NAME.match(name):
        return None  # `onWaterClicked`, `viewDidLoad`: the system or a layout calls a handler
    mentions = _mentions_outside(name, index, own)
    if not mentions:
        return []
    if depth == 0 or len(mentions) > 12:
        return None
    sites = {(s.path, s.line): s for s in [*index.calls(name), *index.references(name)]}
    callers: list[str] = []
    for path, line in mentions:
        site = sites.get((path, line))
        outer = site.functions[0] if site is not None and site.functions else ""
        if not outer or outer == name or outer == "main" or project_index.too_common(outer):
            return None
        homes = [d for d in index.definitions(outer) if d.path == path and d.line <= line <= d.line + d.text.count("\n")]
        if len(homes) != 1 or len(homes[0].text) >= 4000 or CALLED_FROM_OUTSIDE.search(homes[0].text.split("{")[0]):
            return None
        home = homes[0]
        further = _uncalled(outer, index, (path, home.line, home.line + home.text.count("\n")), depth - 1)
        if further is None:
            return None
        callers += [outer, *further]
    return list(dict.fromkeys(callers))


def _lowered_when_uncalled(check):
    """A reward found in a function the whole project never calls nor names (no call, no selector, no
    closure reference; tests do not count) is lowered to info: the code may never run, though a dynamic
    call can still reach it. Only inside a real project (a marker or .git at its root), never for a lone file."""

    def checked(ctx: CheckContext) -> "Verdict | bool":
        found = check(ctx)
        if not found:
            return found
        node = ctx.node
        fn = node if node.type in FUNCTION_TYPES or node.type == "function_signature" else enclosing_named_function(node)
        if fn is None:
            return found
        name, start, end = _function_span(fn)
        head = text(fn)[: max(0, text(fn).find("{"))] if "{" in text(fn) else text(fn)[:200]
        if not name or name == "main" or CALLED_FROM_OUTSIDE.search(head):
            return found
        index = project_index.whole_project(ctx)
        own = (str(Path(ctx.path).resolve()), ctx.data.count(b"\n", 0, start) + 1, ctx.data.count(b"\n", 0, end) + 1)
        callers = _uncalled(name, index, own) if index is not None else None
        if callers is None:
            return found
        reason = f"nothing in the project calls {name}()" if not callers else (
            f"{name}() is reached only through {', '.join(c + '()' for c in callers)}, which nothing in the project calls")
        verdict = found if isinstance(found, Verdict) else Verdict()
        message = f"{verdict.message}; {reason}" if verdict.message else None
        note = f"{reason} (dead code, unless called dynamically): lowered"
        return replace(verdict, message=message, severity="info", note=verdict.note or note)

    checked.__name__ = check.__name__
    checked.__doc__ = check.__doc__
    return checked


@_lowered_when_uncalled
def milestone_reward(ctx: CheckContext) -> "Verdict | bool":
    """`if (loginStreak % 7 == 0) coins += 100`, `if streak == 7 { addGems(50) }`, and the guard-clause
    form `if (streak < 7) return null` followed by the payout (one finding per file, naming the others)."""
    name = _guard_milestone(ctx.node)
    if name is not None:
        return _joined_to_update(ctx, name, _guard_milestone_payout(ctx) or False)
    conditions = _condition_nodes(ctx.node)
    return _joined_to_update(ctx, next((m for m in (_milestone(c) for c in conditions) if m), None), _milestone_payout(ctx, ctx.node) or False)


# The payout after a guard clause, kept in a coins-named local: `val coins = addDailyEarned(context, 50)`.
EARNED_CALL = re.compile(r"\b\w*(?:coins?|gems?|xp|points|credits?|gold|diamonds?|tokens)\s*=\s*(?:[\w.]+\.)?(?:add|grant|award|give|credit|earn|pay)\w*\s*\([^)\n]*\d", re.I)


def _guard_milestone(node: Node) -> str | None:
    """`if (streak < 7) return null` with no else: the streak name when what follows runs only at the milestone."""
    if not _returns_early(node):
        return None
    for condition in _condition_nodes(node):
        for n in walk(condition):
            parts = _operator_and_operands(n) if n.type in COMPARISON_TYPES else None
            if parts is None:
                continue
            op, left, right = parts
            streak_side, limit = (left, right) if op in ("<", "<=") else (right, left) if op in (">", ">=") else (None, None)
            if streak_side is None:
                continue
            name = _streak_operand(streak_side)
            limit_text = text(limit).strip()
            if name and (re.fullmatch(r"(?:[2-9]|\d{2,})L?", limit_text) or re.fullmatch(r"[\w.]*(?:STREAK|MILESTONE|THRESHOLD)\w*", limit_text) and limit_text.split(".")[-1].isupper()):
                return name
    return None


def _guard_milestone_payout(ctx: CheckContext) -> "Verdict | None":
    """The guard-clause milestones of a file that pay out after the guard, reported once at the first."""
    found = ctx.memo.get("streak_mobile_guard_milestones")
    if found is None:
        found = []
        for n in walk(ctx.root):
            if n.type not in ("if_statement", "if_expression") or _guard_milestone(n) is None:
                continue
            code = _branch_code(n)
            paid = next((m.group(0) for m in (*REWARD_WRITE.finditer(code), *EARNED_CALL.finditer(code)) if not NOT_A_PAYOUT.search(m.group(0).split("(")[0])), None)
            if paid and not _answer_streak(n):
                found.append((n, paid))
        found = found if found and _about_days(ctx) else []
        ctx.memo["streak_mobile_guard_milestones"] = found
    if not found or found[0][0].id != ctx.node.id:
        return None
    node, paid = found[0]
    name = _guard_milestone(node)
    others = sorted({function_name(f) for n, _ in found[1:] if (f := enclosing_named_function(n)) is not None} - {None, ""})
    also = f"; also in {', '.join(f'{o}()' for o in others)}" if others else ""
    return Verdict(message=f"reward paid out once the streak '{name}' reaches a milestone (a guard returns early below it, then {' '.join(paid.split())[:40]}){also}: it pays for coming back day after day")


def _milestone_payout(ctx: CheckContext, node: Node) -> "Verdict | None":
    conditions = _condition_nodes(node)
    if len(conditions) > 1:  # Dart: `table.containsKey(streak)` is a name and two selectors
        conditions = [_Span(conditions), *conditions]
    name = next((m for m in (_milestone(c) for c in conditions) if m), None)
    if name is None:
        return None
    code = _branch_code(node)
    paid = next((m.group(0) for m in REWARD_WRITE.finditer(code) if not NOT_A_PAYOUT.search(m.group(0))), None) or _returned_bonus(node)
    if paid is None or not _about_days(ctx) or _answer_streak(node):
        return None
    return Verdict(message=f"reward paid out when the streak '{name}' reaches a milestone ({' '.join(paid.split())[:40]}): it pays for coming back day after day")


BONUS_FN = re.compile(r"(?:^|_)(?:bonus|bonuses|multiplier|mult|reward|rewards|xp|coins?|points)(?:_|$)")


def _returned_bonus(node: Node) -> str | None:
    """`double get streakBonusMultiplier { if (days >= 7) return 1.5; ... }`: a bonus returned by a bonus function."""
    values = _branch_values(node)
    m = re.fullmatch(r"\s*return\s+(\d+(?:\.\d+)?)\s*;?\s*", values[0]) if values else None
    fn = enclosing_named_function(node)
    if m is None or fn is None or not BONUS_FN.search(norm_name(function_name(fn) or _signature(fn))):
        return None
    return f"return {m.group(1)}"


ANSWER_CONTEXT = re.compile(r"\bis_?correct\b|\bcorrect(?:_?answers?|_?count)?\b|\banswer(?:ed|s)?\b|\bwrong\b|\bcombo\b|\bguess(?:ed)?\b", re.I)


def _answer_streak(node: Node) -> bool:
    """Is the streak here a run of correct answers in a quiz or game (the function speaks of answers, not of days)?"""
    fn = enclosing_named_function(node)
    body = text(fn) if fn is not None else ""
    return len(body) < 20000 and bool(ANSWER_CONTEXT.search(body)) and not DAY_GAP_WORDS.search(body)


# What a function that keeps a daily streak speaks of (a quiz screen may still update a daily mission).
DAY_GAP_WORDS = re.compile(r"yesterday|last_?(?:login|visit|active|claim|seen|played|open)|inDays|toDays|DAYS\.between|daysBetween|isDateInYesterday|minusDays", re.I)


UI_BUILDER = re.compile(r"\bWidget\b|@Composable|\bsome\s+View\b|->\s*(?:some\s+)?View\b")


PICKED_REWARD = re.compile(r"\b\w*(?:coins?|gems?|xp|points|credits?|gold|bonus|reward|diamonds?|amount|payout|prize)\w*\s*(?:\+?=|:)\s*\d", re.I)
LADDER_DAY = re.compile(r"^(?:cycle|reward|streak|login|claim|ladder)_day(?:_index|_idx)?$")
STREAK_REWARD_FN = re.compile(r"(?:^|_)streak_(?:\w+_)?(?:rewards?|bonus|bonuses|milestones?|payouts?)(?:$|_)|(?:^|_)(?:rewards?|bonus|award)_(?:\w+_)?streak(?:$|_)")


@_lowered_when_uncalled
def switch_milestone_reward(ctx: CheckContext) -> "Verdict | bool":
    """`switch streak { case 7: addGems(50) }`, `when (loginStreak) { 30 -> coins += 500 }`, and in
    `func awardStreakReward(days: Int)`: `switch days { case 3: coinsReward = 50 }`."""
    return _joined_to_update(ctx, text(ctx.capture("c")).strip("() "), _switch_milestone(ctx))


def _switch_milestone(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    subject = ctx.capture("c")
    st = text(subject).strip("() ")
    cycle = re.fullmatch(r"\(?\s*([\w.?!]+)\s*(?:[-+]\s*\d+\s*)?\)?\s*%\s*\w+", st)  # `when (streak % 7) { 1 -> ... }`: a weekly cycle of the streak
    if cycle:
        st = cycle.group(1)
    name = streak_name(st.split(".")[-1]) if re.fullmatch(r"[\w.?!]+", st) else None
    if name is None and re.fullmatch(r"\w+", st):
        fn = enclosing_named_function(node)
        fname = norm_name(function_name(fn)) if fn is not None else ""
        if STREAK_REWARD_FN.search(fname) and re.search(rf"\b{st}\b", _signature(fn)):
            name = st  # the parameter of a streak-reward function
        elif LADDER_DAY.match(norm_name(st)) and re.search(r"reward", fname) and re.search(r"streak", _code(ctx), re.I):
            name = st  # `getRewardForDay(day)`: `switch (cycleDay) { case 1: return DailyReward(coins: 10) ... }`
    if name is None or _answer_streak(node):
        return False
    ladder = _range_ladder(node, text(node)[len(text(subject)) :])
    if ladder and _about_days(ctx):
        return Verdict(message=f"reward grows with the streak '{name}' in steps ({ladder}): a bigger reward for every consecutive day")
    cases = re.findall(r"(?:\bcase\s+|^\s*)(\d+)L?\s*(?:->|:|,)", text(node)[len(text(subject)) :], re.M)
    if cycle and len(cases) >= 3:
        paid = next((m.group(0) for m in PICKED_REWARD.finditer(_branch_code(node))), None)
        if paid and _about_days(ctx) and not _answer_streak(node):
            return Verdict(message=f"reward picked by the day of the streak's cycle ({' '.join(text(subject).strip('() ').split())[:30]}): a bigger reward for every consecutive day")
    if len([c for c in cases if int(c) >= 2]) < 1:
        return False
    code = _branch_code(node)
    paid = next((m.group(0) for m in REWARD_WRITE.finditer(code) if not NOT_A_PAYOUT.search(m.group(0))), None) or next((m.group(0) for m in PICKED_REWARD.finditer(code)), None)
    if paid is None or not _about_days(ctx):
        return False
    return Verdict(message=f"reward paid out when the streak '{name}' reaches a milestone ({' '.join(paid.split())[:40]}): it pays for coming back day after day")


# A case over a range of streak lengths with the amount it gives: Swift `case 7 ... 13: return 5`, `case 7..<14:`, Kotlin `in 7..13 -> 5`.
RANGE_CASE = re.compile(r"(?:\bcase\s+|^\s*in\s+)(\d+)\s*(?:\.\.\.|\.\.<|\.\.|until)\s*\d*\s*(?:->|:)\s*(?:return\s+)?(\d+(?:\.\d+)?)\b", re.M)


def _range_ladder(node: Node, cases: str) -> str | None:
    """The steps of a bonus function's `switch streak { case 0 ... 6: return 0; case 7 ... 13: return 5 ... }` when the
    amount grows with the streak ("7+ → 5, 14+ → 10"), else None."""
    fn = enclosing_named_function(node)
    if fn is None or not BONUS_FN.search(norm_name(function_name(fn) or "")):
        return None
    steps = sorted((int(low), float(value)) for low, value in RANGE_CASE.findall(cases))
    amounts = [v for _, v in steps]
    if len(steps) < 2 or amounts != sorted(amounts) or amounts[-1] <= amounts[0]:
        return None
    return ", ".join(f"{low}+ → {v:g}" for low, v in steps if v)[:40]


SCALED_TARGET = re.compile(r"(?:^|_)(?:rewards?|bonus(?:es)?|coins?|gems?|xp|exp|points?|payout|amount|gold|credits?|tokens?|multiplier|mult|diamonds?|stars|earn|earned|earnings|prize)(?:$|_)")


# Where a computed amount is paid: a wallet call, a stored counter, a database row, a returned reward.
PAYOUT_SINKS = (
    r"\+=\s*\(?\s*{n}\b|(?<![=!<>])=\s*[\w.]+\s*\+\s*\(?\s*{n}\b|\breturn\b[^;\n]*\b{n}\b"
    r"|\b(?:add|give|grant|award|credit|reward|increment|increase|earn|deposit|put|save|store|update|insert|claim|set(?!State\b|Text\b|Title\b))\w*\s*\([^;]*?\b{n}\b"
)


def _local_paid_out(node: Node, target: str) -> bool:
    """A local amount (`final bonus = streak * 10` in a function) counts only once it reaches a payout
    sink after its declaration; a field or an assignment to an existing variable is a payout itself."""
    fn = enclosing_function(node)
    if fn is None or node.type in ("assignment", "assignment_expression") or not re.fullmatch(r"\w+", target):
        return True
    after = fn.text[node.end_byte - fn.start_byte:].decode("utf-8", "replace")
    return bool(re.search(PAYOUT_SINKS.format(n=re.escape(target)), after))


@_lowered_when_uncalled
def scaled_reward(ctx: CheckContext) -> "Verdict | bool":
    """`val bonus = currentStreak * 10`, `coins += 5 * loginStreak`."""
    declared = _declared(ctx.node)
    if declared is None:
        return False
    target, value = declared
    if not target and ctx.node.type in ("assignment", "assignment_expression"):
        return False
    tname = norm_name(re.split(r"[^\w]+", target.strip())[-1] if target.strip() else "")
    if not SCALED_TARGET.search(tname) or streak_name(tname):
        return False
    vt = text(ctx.node)[len(target):] if value is None else text(value)
    if len(vt) > 200:
        return False
    names = [streak_name(g) for mm in re.finditer(r"([\w.?!]+)\s*\*|\*\s*\(?([\w.?!]+)", vt) for g in mm.groups() if g]
    names = [n for n in names if n]
    if not names or not _about_days(ctx) or _answer_streak(ctx.node):
        return False
    if not _local_paid_out(ctx.node, target.strip()):
        return False  # `final projectedXp = xp + streak * 15 * months` only shown on screen
    return Verdict(message=f"'{target.strip()}' grows with the streak '{names[0]}' (a bigger reward for every consecutive day)")


# A function that answers a question or draws or words something, not one that computes an amount.
NOT_AN_AMOUNT_FN = re.compile(r"^(?:is|has|can|should|show|build|render|draw|format|display|describe)(?:_|$)|(?:^|_)(?:label|text|title|message|string|icon|color|colour|image|badge|achievement|view|widget|card|dialog|description|emoji)s?(?:_|$)")
NOT_AN_AMOUNT_TYPE = re.compile(r"(?:->|\):|^)\s*(?:Bool|Boolean|bool|boolean|String|Text|Widget|Color|UIColor|Image|UIImage|some\s+View|AnyView|void|Void|Unit)\??\s*(?:\{|=>|=|$|where\b|throws\b)|^\s*(?:(?:public|private|protected|static|final|override|@\w+)\s+)*(?:boolean|String|void|bool|Widget)\s+\w+\s*\(", re.M)
# A streak ladder has a week or a day in it: `min(streak, 7)`, `streakDay`, `% 7`.
WEEKLY_CAP = re.compile(r"\bdays?\b|[dD]ay|\b7\b")


def _function_parts(node: Node) -> tuple[str, str, Node | None]:
    """(name, signature, body) of a function declaration (Dart: a `function_signature`, the body is its sibling)."""
    if node.type == "function_signature":
        holder = node.parent if node.parent is not None and node.parent.type == "method_signature" else node
        body = holder.next_named_sibling
        return text(node.child_by_field_name("name")), text(node), body if body is not None and body.type == "function_body" else None
    name = node.child_by_field_name("name") or next((c for c in node.named_children if c.type in ("identifier", "simple_identifier")), None)
    body = node.child_by_field_name("body") or next((c for c in node.named_children if c.type in ("function_body", "block")), None)
    return (text(name) if name is not None else ""), _signature(node), body


def _streak_parameter(signature: str, body: str) -> str | None:
    """The parameter holding the streak (`streak: Int`, `forStreak streak: Int`, `int streakDay`) that the body uses."""
    params = signature[signature.find("(") :] if "(" in signature else ""
    for name in re.findall(r"[A-Za-z_]\w*", params):
        if streak_name(name) and re.search(rf"(?<![\w.]){re.escape(name)}\b", body):
            return name
    return None


@_lowered_when_uncalled
def streak_reward_function(ctx: CheckContext) -> "Verdict | bool":
    """`fun calculatePoints(streak: Int) = 1 + 2 * (min(streak, 7) - 1)`, `func rewardCoins(forStreak streak: Int) -> Int`
    (a table read at the streak), `RewardDay getRewardDay(LocalDate date, int streakDay)`: a reward computed from the
    streak. One finding per file: the other reward functions of the streak are named in the message."""
    found = ctx.memo.get("streak_reward_fns")
    if found is None:
        found = ctx.memo["streak_reward_fns"] = []
        query_hits = [n for n in walk(ctx.root) if n.type in ("function_declaration", "method_declaration", "function_signature")]
        for fn in query_hits:
            hit = _reward_of_streak(fn, ctx)
            if hit:
                found.append((fn.id, hit))
    if not found or found[0][0] != ctx.node.id:
        return False
    name, param = found[0][1]
    others = ", ".join(f"{n}()" for _, (n, _p) in found[1:4])
    also = f"; also {others}" if others else ""
    return Verdict(message=f"reward computed from the streak: {name}() pays according to '{param}', more for every consecutive day{also}")


def _reward_of_streak(fn: Node, ctx: CheckContext) -> tuple[str, str] | None:
    name, signature, body = _function_parts(fn)
    fname = norm_name(name)
    if body is None or not BONUS_FN_NAME.search(fname) or NOT_AN_AMOUNT_FN.search(fname):
        return None
    if NOT_AN_AMOUNT_TYPE.search(signature) or UI_BUILDER.search(signature):
        return None
    code = text(body)
    param = _streak_parameter(signature, code)
    if param is None or len(code) > 3000 or NOT_A_DAILY_STREAK.search(norm_name(param)):
        return None
    whole = signature + code
    if ANSWER_CONTEXT.search(whole) or GAME_WORDS.search(whole) or not (_about_days(ctx) or WEEKLY_CAP.search(whole)):
        return None  # a run of right answers, wins or combos, not of days
    if any(_scaled_reported(m) for m in SCALED_IN_BODY.finditer(code)) or re.search(r"\b\w*(?:reward|bonus|prize|multiplier|gift)\w*\s*\[[^\]]*streak", code, re.I):
        return None  # `val bonus = streak * 10` and `rewards[streak]` are reported where they are written
    if CASE_LADDER.search(code) or re.search(rf"\bif\b[^\n{{]*\b{re.escape(param)}\b\s*(?:>=|==|>|%)\s*\d", code):
        return None  # `switch (day) { case 7: ... }` and `if (streak >= 7) return 200` are reported as milestones
    if any(n.type in ("if_statement", "if_expression") and "streak" in text(n).lower() and _milestone_payout(ctx, n) for n in walk(body)):
        return None  # `if (streak.getCurrentStreak() == milestone) points += ...`: reported once, as the milestone payout
    return name, param


CASE_LADDER = re.compile(r"(?:\bcase\s+|^\s*)\d+L?\s*(?:->|:)", re.M)


def _scaled_reported(m: re.Match) -> bool:
    """Would `scaled_reward` report this local (`val bonus = streak * 10`: a reward target scaled by a plain streak name)?"""
    line_end = m.string.find("\n", m.end("t"))
    value = m.string[m.end("t") : line_end if line_end >= 0 else None]
    operands = [g for mm in re.finditer(r"([\w.?!]+)\s*\*|\*\s*\(?([\w.?!]+)", value) for g in mm.groups() if g]
    return not streak_name(m.group("t")) and any(streak_name(o) for o in operands)


BONUS_FN_NAME = re.compile(r"(?:^|_)(?:bonus|bonuses|multiplier|reward|rewards|xp|exp|experience|coins?|points?|gems?|payout|prize|earnings?)(?:_|$)")
# A reward local scaled by the streak in the body: `scaled_reward` reports it.
SCALED_IN_BODY = re.compile(r"\b(?:val|var|let|final|int|double|long|num)\s+(?P<t>\w*(?:reward|bonus|coins?|points?|xp|gems?|amount)\w*)\s*(?::\s*\w+\s*)?=(?:[^;\n]*streak[^;\n]*\*|[^;\n]*\*[^;\n]*streak)", re.I)


# A helper that turns the streak into a reward: `XpRewards.streakMultiplier(streak)`, `StreakEngine.checkMilestone(streak)`.
HELPER_REWARD_FN = re.compile(r"(?:^|_)(?:multiplier|mult|bonus|bonuses|reward|rewards|milestone|milestones|prize|payout)(?:_|$)")
MILESTONE_FN = re.compile(r"(?:^|_)milestones?(?:_|$)")
ARGUMENT_LABEL = re.compile(r"^\s*\w+\s*:\s*(?!:)")


def _defined_here(name: str, ctx: CheckContext) -> bool:
    """Is a function of this name declared in the file (then `streak_reward_function` judges its body)?"""
    names = ctx.memo.get("declared_fns")
    if names is None:
        names = ctx.memo["declared_fns"] = {function_name(n) or _function_parts(n)[0] for n in walk(ctx.root) if n.type in FUNCTION_TYPES or n.type == "function_signature"}
    return name in names


def _statement(node: Node) -> Node:
    """The statement (or declaration) a node is part of."""
    while node.parent is not None and node.parent.type not in STATEMENT_PARENTS:
        node = node.parent
    return node


# PAYOUT_SINKS without `return`: a helper's value handed back is often only shown (`String.valueOf(rewardDay...)`).
HELPER_SINKS = PAYOUT_SINKS.replace(r"|\breturn\b[^;\n]*\b{n}\b", "")


def _multiplied(node: Node, statement: Node) -> bool:
    """Is the node a factor of a product within its statement (`base * XpRules.streakMultiplier(s)`)?"""
    for a in ancestors(node):
        if any(c.type == "*" or c.type.endswith("operator") and text(c) == "*" for c in a.children):  # Dart: `multiplicative_operator`
            return True
        if a == statement:
            return False
    return False


def _helper_paid_out(node: Node, statement: Node, local: str | None, milestone: bool) -> str | None:
    """Where the helper's value is paid: a currency write in the statement (`?.let { addXp(it.bonus) }`, `coins +=
    bonusFor(streak)`), a product returned by a reward function (`int rewardXp(...) { return base * streakMultiplier(s); }`)
    or, for a local (`val multiplier = ...`), in the statements after it that use the local (`baseXp * multiplier`,
    `if (m != null) addCoins(m.coins)`)."""
    code = text(statement)
    fn = enclosing_named_function(node)
    fname = norm_name(function_name(fn)) if fn is not None else ""
    if not local and not milestone and re.match(r"return\b", code) and _multiplied(node, statement) and BONUS_FN_NAME.search(fname):
        return f"returned by {function_name(fn)}()"
    if local:
        after, sib = [], statement.next_named_sibling
        while sib is not None and len(after) < 15:
            after.append(text(sib))
            sib = sib.next_named_sibling
        code = "\n".join(t for t in after if re.search(rf"\b{re.escape(local)}\b", t))
        name = re.escape(local)
        if not milestone and re.search(rf"\*\s*\(?\s*{name}\b|\b{name}\s*\)?\s*\*", code):
            return f"* {local}"
        if not milestone and re.search(HELPER_SINKS.format(n=name), code):
            return local
    return next((m.group(0) for m in REWARD_WRITE.finditer(code) if not NOT_A_PAYOUT.search(m.group(0))), None)


@_lowered_when_uncalled
def helper_reward_call(ctx: CheckContext) -> "Verdict | bool":
    """`val multiplier = XpRewards.streakMultiplier(profile.currentStreak)` then `baseXp * multiplier`;
    `StreakEngine.checkMilestone(streak)?.let { addXp(it.bonusXp) }`: a reward computed from the streak by a helper
    declared in another file. One finding per helper and file."""
    call = as_call(ctx.node)
    if call is None:
        return False
    fname = norm_name(call.name)
    if not HELPER_REWARD_FN.search(fname) or NOT_AN_AMOUNT_FN.search(fname) or _defined_here(call.name, ctx):
        return False
    streak = next((s for s in (_streak_operand_text(ARGUMENT_LABEL.sub("", text(a))) for a in argument_nodes(call)) if s), None)
    if not streak or NOT_A_DAILY_STREAK.search(norm_name(streak)) or _answer_streak(ctx.node) or not _about_days(ctx):
        return False
    statement = _statement(ctx.node)
    holder = next((n for n in (statement, *statement.named_children) if n.type in DECLARATION_TYPES and "assignment" not in n.type), None)  # Java, Dart: `local_variable_declaration`
    declared = _declared(holder) if holder is not None else None
    local = declared[0].strip() if declared and declared[1] is not None and re.fullmatch(r"\w+", declared[0].strip()) else None
    milestone = bool(MILESTONE_FN.search(fname))
    paid = _helper_paid_out(ctx.node, statement, local, milestone)
    seen = ctx.memo.setdefault("helper_rewards", set())
    if paid is None or call.name in seen:
        return False
    seen.add(call.name)
    paid = " ".join(paid.split())[:40].rstrip("( ")
    if milestone:
        return Verdict(message=f"reward paid out at a streak milestone: {call.name}({streak}) picks the milestone and the code pays it ({paid})")
    return Verdict(message=f"reward grows with the streak: {call.name}({streak}) turns '{streak}' into a reward ({paid})")


STRING_TYPES = frozenset({"string_literal", "line_string_literal", "multi_line_string_literal", "string_template"})
DAY_INDEX_NAME = re.compile(r"^(?:\w+_)?(?:day|day_index|day_idx|day_number|cycle_day|reward_day|reward_index|reward_idx|streak_day|streak_idx|streak_index|login_day|claim_day)$")


def _table_norm(name: str) -> str:
    """A table's name without a Dart / Swift constant prefix: `kDayRewards` -> `day_rewards`."""
    return re.sub(r"^k_(?=[a-z])", "", norm_name(name.lstrip("_")))


@_lowered_when_uncalled
def reward_index(ctx: CheckContext) -> "Verdict | bool":
    verdict = _reward_index(ctx)
    if verdict and _file_reports_update(ctx):
        return False  # the ladder read by the streak the file already reports (the claim, a `todaysBonus` getter): one behaviour
    if verdict and _table_reported(ctx, re.split(r"[^\w]+", text(ctx.capture("table")).strip())[-1]):
        return False  # `rewardSchedule[streak % 7]` under `static let rewardSchedule = [50, 100, ...]`: the table's finding is the ladder
    return verdict


# The names the `*-daily-reward-table` patterns of mobile.yaml match (kept in step with their `#match?`).
TABLE_PATTERN_NAME = re.compile(
    r"(?i)(daily|login|streak|check_?in|consecutive|attendance).*(reward|bonus|prize|gift|calendar|multiplier)|(reward|bonus|prize|multiplier).*(by|per|for).*(day|streak|login)"
    r"|reward_?(cycle|calendar|track|schedule)|^_?k?_?day_?rewards?$|^_?k?_?(rewards?|bonus(es)?|prizes?|coins?|gems?)(_?(amounts?|values|list|table|by_?day|schedule|per_?day))?$|^_?amounts?$|streak_?milestones?$"
)
TABLE_DECLARATIONS = frozenset({"property_declaration", "variable_declarator", "initialized_variable_definition", "static_final_declaration", "initialized_identifier"})


def _table_reported(ctx: CheckContext, name: str) -> bool:
    """Is the table's own declaration in this file reported as a daily reward table (see `reward_table`)?
    The table and its streak-indexed lookup are one ladder: one finding, at the table."""
    if not TABLE_PATTERN_NAME.search(name):
        return False
    key = ("streak_table_reported", name)
    if key not in ctx.memo:
        ctx.memo[key] = any(
            n.type in TABLE_DECLARATIONS and (d := _declared(n)) is not None and re.split(r"[^\w]+", d[0].strip())[-1] == name and bool(reward_table(replace(ctx, node=n)))
            for n in walk(ctx.root)
        )
    return ctx.memo[key]


def _reward_index(ctx: CheckContext) -> "Verdict | bool":
    """`DAILY_REWARDS[streak % 7]`, `rewards.getOrNull(loginStreak - 1)`, `rewards[min(streak, 6)]`."""
    table = ctx.capture("table")
    index = ctx.capture("index")
    if table is None or index is None or any(a.type in STRING_TYPES for a in ancestors(ctx.node)):
        return False  # `"today: ${rewards[day]}"` shows the table, a log line or a label
    fn = enclosing_named_function(ctx.node)
    if fn is not None and UI_BUILDER.search(_signature(fn)):
        return False  # `Widget _buildDay(int day) { final r = streakRewards[day - 1]; ... }`: the calendar drawn
    tname = re.split(r"[^\w]+", text(table).strip())[-1]
    norm = _table_norm(tname)
    specific = bool(REWARD_TABLE_NAME.search(norm))
    if not specific and not GENERIC_REWARD_NAME.match(norm):
        return False
    it = text(index)
    if len(it) > 120 or re.fullmatch(r"\W*(?:\d+|\"[^\"]*\"|'[^']*')\W*", it):
        return False
    tokens = re.findall(r"[A-Za-z_]\w*", it)
    if any(streak_name(t) for t in tokens):
        return Verdict(message=f"reward table '{tname}' is indexed by the streak ({' '.join(it.split())[:40]})")
    scope = enclosing_named_function(ctx.node) or ctx.root
    resolved = _resolved(it, ctx, scope)
    if any(streak_name(t) for t in re.findall(r"[A-Za-z_]\w*", resolved)):
        return Verdict(message=f"reward table '{tname}' is indexed by the streak day ({' '.join(it.split())[:40]})")
    if specific and any(DAY_INDEX_NAME.match(norm_name(t)) for t in tokens) and re.search(r"streak", _code(ctx), re.I):
        return Verdict(message=f"daily reward table '{tname}' is indexed by the login day")
    return False


COLLECTION_TYPES = frozenset({"array_initializer", "array_literal", "dictionary_literal", "list_literal", "set_or_map_literal"})
COLLECTION_CALLS = re.compile(r"^(?:listOf|arrayOf|intArrayOf|longArrayOf|mapOf|mutableListOf|arrayListOf|hashMapOf|linkedMapOf|sortedMapOf|mutableMapOf|of|asList|ofEntries)$")


def _collection_size(value: Node) -> int:
    """Number of entries of the first list / array / map literal (or listOf / List.of call) in a value."""
    for n in walk(value):
        if n.type in COLLECTION_TYPES:
            return len([c for c in n.named_children if "comment" not in c.type and c.type not in ("type_arguments", "const_builtin")])
        call = as_call(n)
        if call is not None and COLLECTION_CALLS.match(call.name):
            return len(argument_nodes(call))
    return 0


# A generic reward list (`REWARD_AMOUNTS`, `rewards`, `coinValues`) inside a daily-login class (`object LoginRewardConfig`).
GENERIC_LADDER = re.compile(r"^(?:rewards?|bonus(?:es)?|prizes?|coins?|gems?)(?:_(?:amounts?|values|list|table|by_day|schedule|per_day))?$|^amounts?$")
DAILY_CLASS = re.compile(r"(?:^|_)(?:daily|check_?in|streak|attendance)(?:_|$)|(?:^|_)login_(?:\w+_)?(?:rewards?|bonus(?:es)?|gifts?|calendar|days?|streak)(?:_|$)")


# A screen: the copy of the ladder it holds is drawn, the rewards are paid elsewhere.
UI_CLASS = re.compile(r":\s*(?:some\s+)?View\b|\bextends\s+(?:StatelessWidget|StatefulWidget|State<|Fragment|DialogFragment|BottomSheetDialogFragment|RecyclerView)|:\s*(?:Fragment|DialogFragment|BottomSheetDialogFragment|UIViewController|UIView)\b")


RANDOM_PICK = re.compile(r"\bRandom\b|\.random\(|\bshuffle|\bnextInt\(|randomElement|arc4random|\bweights?\b|\bchance\b", re.I)


def _ladder_in_daily_class(name: str, node: Node, code: str) -> bool:
    """`object LoginRewardConfig { val REWARD_AMOUNTS = listOf(...) }`: a generic list of rewards declared on a
    daily-login class (not a local of a function, not a screen's copy, not a random daily gift)."""
    if not GENERIC_LADDER.match(_table_norm(name)):
        return False
    holder = next((a for a in ancestors(node) if a.type in CLASS_TYPES or a.type in FUNCTION_TYPES), None)
    if holder is None or holder.type not in CLASS_TYPES or not DAILY_CLASS.search(norm_name(_class_names(node)[0])):
        return False
    header = (holder.text or b"")[:300].decode("utf-8", "replace").split("{", 1)[0]
    if UI_CLASS.search(header) or RANDOM_PICK.search(text(holder)[:20000]):
        return False
    return not _indexed_by_streak(name, code)


def _indexed_by_streak(name: str, code: str) -> bool:
    """Is the table read at the streak somewhere in the file (`rewards[loginDay - 1]`)? `reward_index` reports that read."""
    if not GENERIC_REWARD_NAME.match(_table_norm(name)):
        return False
    for m in re.finditer(rf"(?<![\w.]){re.escape(name)}\s*(?:\[|\.(?:get|getOrNull|getOrElse|elementAt|elementAtOrNull)\()\s*([^\])\n]{{1,60}})", code):
        if any(streak_name(t) for t in re.findall(r"[A-Za-z_]\w*", m.group(1))):
            return True
    return False


# `STREAK_MILESTONES = listOf(StreakMilestone(day = 7, rewardType = COINS, amount = 100), ...)`: a table of payouts
# when it carries rewards (not badges).
STREAK_MILESTONE_TABLE = re.compile(r"^(?:\w+_)?streak_milestones?$")
MILESTONE_PAYOUT = re.compile(r"\b(?:reward\w*|coins?|gems?|xp|points|bonus|amount|credits?|diamonds?)\s*[:=]", re.I)


# Streak thresholds written as fractions (`minStreak: Double`, `(2.5, 10)`, `1.5: 20`, `1.5 to 20`): a combo
# multiplier inside a round, not a count of days.
COMBO_THRESHOLDS = re.compile(r"streak\w*\s*:\s*(?:Double|Float|CGFloat|double|float)\b|\(\s*\d+\.\d+\s*,|[\[{,]\s*\d+\.\d+\s*(?::|\bto\b)", re.I)


# An entry with its own price (`pointsCost: 500`, `price = 200`, `cost: 3`): a catalogue to buy from, not a payout ladder.
PRICED_ENTRY = re.compile(r"\b\w*(?:[cC]ost|[pP]rice|COST|PRICE)\w*\s*[:=]\s*\d")


def reward_table(ctx: CheckContext) -> "Verdict | bool":
    """`val DAILY_LOGIN_REWARDS = listOf(50, 100, 150, 200, 300, 400, 1000)`."""
    declared = _declared(ctx.node)
    if declared is None or declared[1] is None:
        return False
    name = re.split(r"[^\w]+", declared[0].strip())[-1]
    milestones = bool(STREAK_MILESTONE_TABLE.match(_table_norm(name)))
    if not REWARD_TABLE_NAME.search(_table_norm(name)) and not milestones and not _ladder_in_daily_class(name, ctx.node, _code(ctx)):
        return False
    if milestones and not MILESTONE_PAYOUT.search(text(ctx.node)):
        return False  # milestones that only unlock badges or titles
    value = ctx.node if ctx.node.type == "initialized_variable_definition" else declared[1]
    if _collection_size(value) < 3 or COMBO_THRESHOLDS.search(text(ctx.node)):
        return False
    if PRICED_ENTRY.search(text(value)[:20000]):
        return False  # `StreakReward(name: 'Theme pack', pointsCost: 750)`: a shop of rewards bought with points, not paid per day
    if _part_of_daily_gate(ctx):
        return False  # a calendar that goes round, paid behind the file's new-day gate: that gate is its one (info) finding
    what = "rewards paid at streak milestones" if milestones else "rewards that grow with the streak" if re.search(r"streak|multiplier|bonus", name, re.I) else "a reward for each consecutive login day"
    return Verdict(message=f"daily-login reward table '{name}' ({what})")


def _part_of_daily_gate(ctx: CheckContext) -> bool:
    """The file pays a daily log-in reward behind a new-day gate and resets no streak (decision A): the
    gate is reported at info as the reward mechanism, and the table it pays from is part of it."""
    from designlint.checks.daily_login_rewards_mobile import file_gate  # that module imports this one
    return file_gate(ctx) is not None and not _file_reports_update(ctx)


# --------------------------------------------------------------------------- streak freezes that are sold


def freeze_function(ctx: CheckContext) -> "Verdict | bool":
    """`fun buyStreakFreeze()` that spends gems, `func repairStreak(cost:)`, `purchaseStreakFreeze()`."""
    name_node = ctx.capture("name")
    name = text(name_node)
    n = norm_name(name)
    if not (BUY_FN.search(n) and re.search(r"streak|freeze", n) or _sells_insurance(n, ctx.node)):
        return False
    if re.search(r"(?:^|_)(?:buy|purchase|order|checkout|pay)", n) or COST_WORDS.search(text(ctx.node)[:20000]):
        return Verdict(message=f"'{name}' sells a streak freeze / repair (a paid way to keep the streak)")
    return False


def _sells_insurance(name: str, function: Node) -> bool:
    """`func purchaseInsurance(for type: StreakType)`: streak insurance / protection bought with currency."""
    return bool(re.search(r"^(?:buy|purchase)_(?:\w+_)?(?:insurance|protection|protector)(?:_|$)", name)) and "streak" in text(function)[:20000].lower()


# `kStreakSaveCost`, `streakRescuePrice`, `saveStreakCost`: the price of keeping a streak after a missed day.
SAVE_COST_NAME = re.compile(r"(?:^|_)(?:streak_(?:save|saver|rescue|recovery|recover|restore|revive)|(?:save|rescue|recover|restore|revive)_streak)_(?:cost|price|gems|coins|tokens)(?:$|_)")


def freeze_cost_constant(ctx: CheckContext) -> "Verdict | bool":
    """`const val STREAK_FREEZE_COST = 200`, `static let repairStreakPrice = 350`."""
    declared = _declared(ctx.node)
    if declared is None or declared[1] is None:
        return False
    name = re.split(r"[^\w]+", declared[0].strip())[-1]
    n = norm_name(name)
    if not (FREEZE_COST_NAME.search(n) or SAVE_COST_NAME.search(n)):
        return False
    if "streak" not in n and not re.search(r"streak", _code(ctx), re.I):
        return False
    value = " ".join(text(declared[1]).split())
    priced_by_call = len(value) <= 100 and re.search(r"\w\s*\(", value) and not re.search(r"\b(?:true|false)\b", value)
    if not (re.fullmatch(r"[1-9][\d_]*(?:L|\.\d+)?", value) or priced_by_call):
        return False  # a price read from remote config or a price table (`remoteConfig.getLong("freeze_price")`) is a price too
    return Verdict(message=f"streak protection has a price ('{name}' = {value[:40]})")


# --------------------------------------------------------------------------- loss-aversion text

LOG_CALL = re.compile(r"^(?:Log|Timber|logger|log|Logger|os_log|NSLog|print|debugPrint|println|developer|FirebaseCrashlytics|Crashlytics)$|^(?:d|v|i|w|e|wtf|debug|info|warning|error|trace|verbose|log|print|debugPrint|println|printStackTrace|assert\w*|XCTAssert\w*|expect)$")
INTERPOLATION = re.compile(r"\$\{[^{}]*\}|\$[A-Za-z_]\w*|\\\([^()]*(?:\([^()]*\)[^()]*)*\)|%(?:\d+\$)?[sdf@]|%ld|%lld")


# "No streaks at risk today.", "No games with active streaks at risk": the all-clear, not a threat.
NOTHING_AT_RISK = re.compile(r"^\W*(?:no|none|nothing|zero)\b[^.!?]{0,60}\bat\s+risk\b", re.I)


def _string_text(node: Node) -> str:
    raw = text(node)
    raw = re.sub(r'^(?:@|r)?(?:"""|\'\'\'|"|\')|(?:"""|\'\'\'|"|\')$', "", raw)
    return INTERPOLATION.sub(" N ", raw)


def _explanatory_slot(node: Node) -> bool:
    """True when the string is the value of a `subtitle:`/`description:`/`hint` argument or map key."""
    for a in islice(ancestors(node), 4):  # 'streakHint': {'en': '...'} is two pairs up
        label = a.named_children[0] if a.type in SLOT_TYPES and a.named_children else None
        if label is not None and label != node and EXPLANATORY_SLOT.search(_string_text(label).strip(" :")):
            return True
    return False


# Widgets that list tips, rules or help (`_buildTipItem(icon, title, text)`, `HelpRow(...)`, `RuleCard(...)`).
TIP_CALL = re.compile(r"(?:^|_)(?:tips?|hints?|help|faqs?|rules?|guide|instructions?|explanations?|explain|how_to|legend)(?:_|$)")
# A deadline makes it a nudge again ("Tip: your streak ends at midnight").
DEADLINE_WORDS = re.compile(r"\b(?:today|tonight|midnight|hours?|minutes?|hoy|esta\s+noche|medianoche|horas?|minutos?|hoje|meia-noite|heute|mitternacht|stunden?)\b", re.I)


# A list of what the app or its paid plan offers: `final features = [(icon: ..., title: ..., desc: ...), ...]`.
FEATURE_LIST_NAME = re.compile(r"(?:^|_)(?:features?|benefits?|perks?|highlights?|advantages?|selling_points?)(?:_|$)")


def _feature_list_entry(node: Node, raw: str) -> bool:
    """Dart: the string is a field of a record or map in a list held by a variable named for features
    (`final features = [(icon: ..., title: 'Home Widget', desc: '... Never break a streak.'), ...]`): copy
    describing what the app offers, not a message sent to the person (a deadline makes it a nudge again)."""
    if DEADLINE_WORDS.search(raw):
        return False
    entry = next((a for a in islice(ancestors(node), 3) if a.type in ("record_literal", "set_or_map_literal")), None)
    listed = entry.parent if entry is not None else None
    holder = listed.parent if listed is not None and listed.type == "list_literal" else None
    if holder is None or holder.type not in ("initialized_variable_definition", "static_final_declaration", "initialized_identifier"):
        return False
    name = next((c for c in holder.named_children if c.type == "identifier"), None)
    return name is not None and bool(FEATURE_LIST_NAME.search(norm_name(text(name))))


def _tip_item(node: Node, raw: str) -> bool:
    """A rule explained in a list of tips: the string is an argument of a tip or help widget
    (`_buildTipItem(Icons.calendar_today, 'Do not skip days', 'If you miss a day, your streak starts over')`)."""
    if DEADLINE_WORDS.search(raw):
        return False
    for a in islice(ancestors(node), 3):
        call = as_call(a)
        if call is not None:
            return bool(TIP_CALL.search(norm_name(call.name)))
    return False


def _logged(node: Node) -> bool:
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES or a.type in CONDITIONAL_TYPES:
            return False
        call = as_call(a)
        if call is not None:
            return bool(LOG_CALL.match(call.name) or LOG_CALL.match(call.receiver.split(".")[-1]) and call.name in ("d", "v", "i", "w", "e", "debug", "info", "log", "error", "warning"))
    return False


# Help and about screens that explain the rules ("If you miss a day, your streak resets to 0").
# Settings and preferences screens describe what a toggle does ("Get nudged to keep your streak alive").
EXPLANATORY_FILE = re.compile(r"(?:^|_)(?:about|help|faqs?|rules|how_to|tutorial|instructions?|settings?|preferences?|prefs)(?:_|$)")
# A string given as the subtitle, description or hint of a widget, or stored under such a key in a
# translation table, explains the feature rather than pressing the user.
EXPLANATORY_SLOT = re.compile(r"(?:sub_?title|description|desc|hint|hint_?text|helper_?text|caption|explanation|summary|tooltip)$", re.I)
SLOT_TYPES = frozenset({"named_argument", "value_argument", "pair", "record_field"})  # (Dart records: `(title: ..., desc: '...')`)
# A run inside one session of a game: "Keep your streak alive! Next level"; a day word makes it daily again.
RUN_WORDS = re.compile(r"\b(?:puzzles?|levels?|rounds?|hands?|spins?|shots?|waves?|in\s+a\s+row)\b", re.I)


# "Open the app every day to keep your streak": the purpose of a habit, encouragement unless a threat word follows.
TO_KEEP = re.compile(r"\bto\s+keep\s+(?:the|your|this|that|my)\s+(?:[\w$-]+\s+){0,3}?streak\b", re.I)


# An instruction whose purpose is not to lose the streak, in the infinitive or the imperative:
# Portuguese "para não perder o Streak / a ofensiva", Spanish "para no perder tu racha", "no pierdas tu racha",
# French "ne perds pas ta série", German "Verliere deine Serie nicht", "um deine Strähne nicht zu verlieren".
NOT_LOSE_INFINITIVE = re.compile(
    r"\bn[aã]o\s+(?:perder|perca|percas|perde|quebrar|quebre|quebres|quebra|romper|rompa|deixar\s+(?:de\s+)?(?:perder|quebrar))\s+(?:o|a|os|as|seu|sua|teu|tua)?\s*(?:(?:seu|sua|teu|tua)\s+)?(?:streak|ofensiva|sequ[eê]ncia)\b"
    r"|\bno\s+(?:perder|pierdas|pierda|romper|rompas|rompa)\s+(?:tu|su|la|el)?\s*(?:racha|ofensiva)\b"
    r"|\bne\s+(?:perds|perdez|casse|cassez|brise|brisez)\s+pas\s+(?:ta|votre|la)\s+(?:s[ée]rie|streak)\b|\bne\s+pas\s+(?:perdre|casser|briser)\s+(?:ta|votre|la)\s+(?:s[ée]rie|streak)\b"
    r"|\b(?:verliere|verlier|unterbrich|verlieren\s+Sie|unterbrechen\s+Sie)\s+(?:deine|Ihre|die)\s+(?:Serie|Strähne|Streak)\s+nicht\b"
    r"|\b(?:deine|Ihre|die)\s+(?:Serie|Strähne|Streak)(?:\s+[\w$-]+){0,4}?\s+nicht\s+(?:zu\s+)?(?:verlieren|unterbrechen)\b",
    re.I,
)


# Portuguese and Spanish threats: "vais perder a tua streak", "perderás tu racha", "sua ofensiva está em risco",
# "uma lição — ou a sequência vira poeira", "caminhe antes que a sequência suma", "no dejes que tu racha se pierda".
_PT_ES_STREAK = r"(?:(?:a|o|as|os|sua|seu|tua|teu|tu|su|la|el)\s+){0,2}(?:streak|ofensiva|sequ[eê]ncia|racha)"
PT_ES_LOSS = re.compile(
    rf"\b(?:vai|vais|v[aã]o|vas|va)\s+perder\s+{_PT_ES_STREAK}\b|\bperder(?:[aá]s|[aá]|emos|ão)\s+{_PT_ES_STREAK}\b"
    r"|\b(?:streak|ofensiva|sequ[eê]ncia|racha)\s+(?:est[aá]\s+)?(?:em\s+risco|en\s+(?:riesgo|peligro))\b"
    rf"|\bou\s+{_PT_ES_STREAK}\s+(?:se\s+)?(?:vira|some|acaba|zera|morre|quebra|perde)\b|\bo\s+(?:tu|su|la)\s+racha\s+(?:se\s+)?(?:pierde|rompe|muere|acaba)\b"
    rf"|\bantes\s+(?:que|de\s+que)\s+{_PT_ES_STREAK}\s+(?:se\s+)?(?:suma|acabe|zere|morra|perca|quebre|pierda|rompa|muera)\b"
    rf"|\bn[aã]o\s+deix(?:e|es|ar)\s+{_PT_ES_STREAK}\s+(?:cair|morrer|acabar|quebrar|zerar|sumir)\b"
    rf"|\bno\s+dejes\s+(?:que\s+)?{_PT_ES_STREAK}\s+(?:se\s+)?(?:muera|pierda|rompa|acabe)\b",
    re.I,
)


def loss_text(ctx: CheckContext) -> "Verdict | bool":
    """"Don't lose your $streak-day streak!", "Your streak ends at midnight", "Buy a streak freeze for 200 gems"."""
    node = ctx.node
    if EXPLANATORY_FILE.search(norm_name(ctx.path.stem)):
        return False
    top = node
    while top.parent is not None and _is_concat(top.parent):
        top = top.parent
    if top is not node:  # "Your " + n + "-day streak ends today": judged once, at the first string about a streak
        strings = [n for n in walk(top) if n.type == node.type and TEXT_PREFILTER.search(text(n))]
        if strings[0] != node:
            return False
        raw = " ".join(_string_text(n) if n.type == node.type else " N " for n in _concat_parts(top))
    else:
        raw = _string_text(node)
    return _loss_verdict(ctx, node, top, raw)


# The calls that fetch a string resource's text: `getString(R.string.x)`, Compose `stringResource(R.string.x, n)`.
RESOURCE_GETTER = re.compile(r"^(?:getString|getText|stringResource|getQuantityString|pluralStringResource|fromHtml)$")


def loss_resource(ctx: CheckContext) -> "Verdict | bool":
    """`stringResource(R.string.keep_streak)`, `getString(R.string.streak_body, n)`: an Android string resource
    shown in code, judged by its default-locale text (res/values/strings.xml) like a literal written there."""
    node = ctx.node
    if EXPLANATORY_FILE.search(norm_name(ctx.path.stem)):
        return False
    found = android_strings.resource_text(ctx, node)
    if found is None or not TEXT_PREFILTER.search(found[1]):
        return False
    name, value = found
    top = node
    for a in islice(ancestors(node), 3):  # judged where the text is used: the getter call around the reference
        call = as_call(a)
        if call is not None:
            top = a if RESOURCE_GETTER.match(call.name) else top
            break
    verdict = _loss_verdict(ctx, node, top, INTERPOLATION.sub(" N ", value), f"R.string.{name}")
    if isinstance(verdict, Verdict):
        verdict.fold_key = f"R.string.{name}"  # one message shown from several places: one finding
    return verdict


def _loss_verdict(ctx: CheckContext, node: Node, top: Node, raw: str, resource: str = "") -> "Verdict | bool":
    """The judgement of `loss_text` on the text `raw` shown at `node` (`top`: the whole expression around it)."""
    kind = classify_streak_text(raw) or _pronoun_loss(raw) or ("loss" if NOT_LOSE_INFINITIVE.search(raw) or PT_ES_LOSS.search(raw) or ARABIC_LOSS.search(raw) or CHINESE_LOSS.search(raw) else None) or _plain_threat(raw)
    if kind is None or _logged(top) or NOTHING_AT_RISK.match(raw):
        return False
    if kind == "loss" and MISS_ALLOWED.search(normalize_text(raw)) and not SAFEGUARD_DEADLINE.search(raw):
        return False  # "With two day rule, you can miss one day and do not lose a streak": the safeguard described
    if kind == "loss" and not LOSS_OR_DEADLINE.search(normalize_text(raw)) and _account_pitch(ctx, top, raw):
        return False  # "Sync across devices & keep your streak" under "Sign in to save progress": a backup offered, no deadline
    if kind == "loss" and RUN_WORDS.search(raw) and not DAILY_WORDS.search(normalize_text(raw)):
        return False  # a run of puzzles or levels in one session, not of days
    if kind == "loss" and (KEEP_GOING.search(raw) or TO_KEEP.search(raw) and not DEADLINE_WORDS.search(raw)) and not THREAT_WORDS.search(raw):
        return False  # "Keep your 5-day streak going!": encouragement, nothing is threatened (but "Practice today to keep your streak!" sets a deadline)
    if kind == "loss" and SAFEGUARD_DOES.search(raw) and not THREAT_WORDS.search(raw) and not PAID.search(raw) and not SAFEGUARD_DEADLINE.search(raw):
        if not _file_sells(ctx):
            return False  # "This will protect your streak today. You get one freeze a week.": a free freeze confirmed
        kind = "sale"  # "Streak Freezes: protect your streaks on off days" on a paywall: the safeguard is what is sold
    if _explanatory_slot(top) or _feature_list_entry(top, raw) or kind == "loss" and _tip_item(top, raw) or kind == "loss" and FEATURE_LABEL.match(normalize_text(raw)) and PROTECTION_WORDS.search(_code(ctx)):
        return False  # "Protect your streak" under the title of a streak-freeze card: the safeguard's name
    if kind == "loss" and RECOVERY_LABEL.match(normalize_text(raw)) and not _file_sells(ctx):
        return False  # "⚡ Save Your Streak" heading a section of free recovery cards: the feature's name, nothing sold
    if kind == "loss" and (FEATURE_DESCRIPTION.match(normalize_text(raw)) or FEATURE_TEXT.match(normalize_text(raw))):
        return False  # "Get reminded if you are going to lose your streak": what the reminders do, in onboarding or settings
    if kind == "sale" and not PAID.search(raw) and not _file_sells(ctx):
        return False  # "revive streak for $id" as the name of a background task: a free restore, nothing is sold
    if _debug_copy(ctx, node, raw):
        return False  # `showTestStreakNow()` fires the reminder's own text again to try it out
    if _threat_already_reported(ctx, node):
        return False  # the other wording of the same message (`when { a -> "Don't lose..."; else -> "...could break..." }`)
    snippet = " ".join(raw.split())
    snippet = snippet if len(snippet) <= 60 else snippet[:59] + "…"
    where = f" ({resource})" if resource else ""
    if kind == "sale":
        return Verdict(message=f"text sells a way to keep the streak: \"{snippet}\"{where}")
    return Verdict(message=f"text uses the fear of losing a streak: \"{snippet}\"{where}")


# What a safeguard does, said of the streak: "This will protect your streak for today", "A freeze shields your streak",
# "Protect your streak - 2 available" (the freezes left); not the order "Protect your 7-day streak!" in a reminder.
SAFEGUARD_DOES = re.compile(
    r"(?:\b(?:will|would|can|could|it|this|that|which|freezes?|shields?)\s+(?:\w+\s+)?(?:protect|shield|guard)|\b(?:protects|shields|guards))"
    r"\s+(?:your|the|this|their|my|a)\s+(?:[\w$-]+\s+){0,3}?streaks?\b"
    r"|\b(?:protect|shield|guard)\s+(?:your|the|this)\s+streaks?\b.*\b(?:available|left|freezes?)\b",
    re.I,
)


SAFEGUARD_DEADLINE = re.compile(r"\brunning\s+out\b|\bhours?\b|\bminutes?\b|\bmidnight\b|\btonight\b", re.I)


# A feature described rather than a message sent: "Get reminded if you are going to lose your streak" (onboarding),
# "Warnings when your streak is at risk" (a notification channel's description in the system settings).
FEATURE_DESCRIPTION = re.compile(
    r"^\W*(?:(?:get|be)\s+(?:reminded|notified|alerted|warned)\b"
    r"|(?:reminders?|notifications?|alerts?|warnings?|nudges?)\s+(?:when|if|before|whenever)\b)",
    re.I,
)
# A price or a currency: what makes "Restore your streak" a sale.
PAID = re.compile(
    r"(?:^|[^a-z])(?:prices?|priced|costs?|gems?|coins?|buy\w*|purchas\w*|pay|pays|paid|paying|payment\w*|paywall\w*|premium|spend\w*|shop\w*"
    r"|diamonds?|lingots?|credits?|subscri\w*|billing|in_?app|store_?kit|sku)(?:$|[^a-z])|[€£¥]\s*\d|\$\s*\d+[.,]\d\d\b",  # not Swift's `$0`
    re.I,
)


def _file_sells(ctx: CheckContext) -> bool:
    """Does anything in the file name a price, a currency or a purchase (memoised)?"""
    if "sells" not in ctx.memo:
        ctx.memo["sells"] = bool(PAID.search(re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", _code(ctx))))
    return ctx.memo["sells"]


# The streak's end said plainly as a sentence of its own: "Your streak will end.", "Your 5-day streak will be lost!"
# (not "If you miss a day, your streak will reset.": a rule explained).
PLAIN_THREAT = re.compile(
    r"(?:^|[.!?]\s+)(?:your|the|this)\s+(?:[\w$-]+\s+){0,3}?streak\s+(?:will|is\s+going\s+to)\s+(?:end|be\s+lost|reset|be\s+reset|break|be\s+broken|disappear|expire)\s*(?:[.!…]|$)",
    re.I,
)


# Arabic: "لا تكسر سلسلتك" (don't break your streak), "لا تفقد سلسلتك" (don't lose it), "ستفقد سلسلتك" (you will lose it),
# "سلسلتك في خطر" (your streak is in danger).
# Chinese: "连续学习即将中断！" (your streak is about to break), "打卡马上就要清零" (the check-in run is about to reset),
# "别让连续记录中断" (don't let the streak break); not the rule explained ("错过一天，连续记录将清零": no imminence word).
_ZH_RUN = r"(?:连续|打卡|连签)"
CHINESE_LOSS = re.compile(
    rf"{_ZH_RUN}[^。！!？?，,]{{0,10}}?(?:即将|快要|就要|马上就要|马上)(?:被)?(?:中断|断掉|断开|断了|清零|归零|失效|作废|重置)"
    rf"|(?:别|不要|千万别)让?[^。！!？?，,]{{0,10}}?{_ZH_RUN}[^。！!？?，,]{{0,8}}?(?:中断|断掉|断了|白费|清零|归零)"
    rf"|{_ZH_RUN}[^。！!？?，,]{{0,10}}?(?:岌岌可危|面临中断|有中断的?风险)"
)


ARABIC_LOSS = re.compile(r"لا\s+(?:تكسر|تكسري|تقطع|تقطعي|تخسر|تخسري|تفقد|تفقدي|تضيع|تضيعي)\s+(?:\S+\s+)?سلسل|ست(?:فقد|خسر)\s+(?:\S+\s+)?سلسل|سلسلت\S*\s+في\s+خطر")


def _plain_threat(raw: str) -> str | None:
    s = normalize_text(raw)
    if not PLAIN_THREAT.search(s) or PROTECTION_WORDS.search(s) or GAME_WORDS.search(s) and not DAILY_WORDS.search(s):
        return None
    return "loss"


# Account backup offered on a sign-in screen: "Sign in to save progress", "Sync across devices & keep your streak".
ACCOUNT_PITCH = re.compile(
    r"\bsign(?:ing)?[\s-]?(?:in|up)\b|\bcreate\s+(?:an?\s+|your\s+)?account\b|\baccounts?\b|\bsync(?:s|ed|ing|hroni[sz]\w*)?\b"
    r"|\bback(?:ed)?[\s-]?up\b|\bbackups?\b|\bcloud\b|\bacross\s+(?:all\s+)?(?:your\s+)?devices\b|\bsave[sd]?\s+(?:your\s+)?progress\b|\bnew\s+(?:phone|device)\b",
    re.I,
)
# What makes it a threat after all: a loss verb or a deadline ("Sign in or you'll lose your streak tonight").
LOSS_OR_DEADLINE = re.compile(
    r"\b(?:lose|loses|losing|lost|break|breaks|breaking|broken|end|ends|ending|expir\w*|reset\w*|miss\w*|risk\w*|die|dies|gone|before|tonight|midnight|today|hours?|minutes?|don'?t|disappear\w*|forever|perder|pierdas|perca)\b",
    re.I,
)


def _account_pitch(ctx: CheckContext, node: Node, raw: str) -> bool:
    """Does the text, or a string written within three lines of it, offer an account, a sync or a backup?"""
    if ACCOUNT_PITCH.search(raw):
        return True
    scope = enclosing_named_function(node) or ctx.root
    line = node.start_point[0]
    return any(
        n.type in STRING_TYPES and n.id != node.id and abs(n.start_point[0] - line) <= 3 and ACCOUNT_PITCH.search(_string_text(n))
        for n in walk(scope)
    )


# The name of a safeguard written as a label: "Protect your streak", "Shield your streak".
FEATURE_LABEL = re.compile(r"^\W*(?:protect|shield|guard)\s+(?:your|the|this)\s+streak\W*$", re.I)
# The name of a recovery offered as a heading or a button: "Save your streak", "Restore streak", "Repair your streak".
RECOVERY_LABEL = re.compile(r"^\W*(?:save|rescue|restore|repair|recover|revive)\s+(?:your\s+|the\s+|this\s+)?streak\W*$", re.I)


LIST_TYPES = frozenset({"list_literal", "array_literal", "collection_literal", "array_initializer", "set_or_map_literal"})


def _same_message(a: Node, b: Node) -> bool:
    """Two threats of one message: the branches of one conditional (`when { a -> "..."; else -> "..." }`) or
    the title and body written next to each other; not two items of a list of steps or cards."""
    above = {x.id for x in ancestors(a)}
    common = next((x for x in ancestors(b) if x.id in above), None)
    if common is not None and _pool_item(a, common) and _pool_item(b, common):
        return True  # `notificationMessages = ["Don't let your streak die", ..., "Don't break the chain!"]`: one picked at random
    if common is None or common.type in LIST_TYPES:
        return False
    if common.type in CONDITIONAL_TYPES or common.type == "when_entry":
        return True
    return abs(a.start_point[0] - b.start_point[0]) <= 3


# A function that fires a copy of a message to try it out: `showTestStreakNow`, `debugSendReminder`, `previewNotification`,
# a developer button's `devDirectFire()`.
DEBUG_FUNCTION = re.compile(r"(?:^|_)(?:test|debug|demo|preview|sample|dummy|fake|mock|dev)(?:_|$)")


def _debug_copy(ctx: CheckContext, node: Node, raw: str) -> bool:
    """The text sits in a debug/test-named function and the same text is written elsewhere in the file
    (the real reminder, reported there)."""
    fn = enclosing_named_function(node)
    if fn is None or not DEBUG_FUNCTION.search(norm_name(function_name(fn) or "")):
        return False
    literal = text(node)
    code = _code(ctx)
    inside = text(fn)
    return len(literal) > 8 and code.count(literal) > inside.count(literal)


def _pool_item(node: Node, common: Node) -> bool:
    """A bare string element of a list of strings (`listOf("a", "b")`, `["a", "b"]`): the wordings of one
    message an app picks from, not cards or steps built from the strings."""
    parent = node.parent
    if parent is not None and parent.type == "value_argument":
        parent = parent.parent
    if parent is None or parent.id != common.id or common.type not in (*LIST_TYPES, "value_arguments"):
        return False
    items = [c for c in common.named_children if "comment" not in c.type and c.type != "type_arguments"]
    return all(c.type in STRING_TYPES or c.type == "value_argument" and c.named_children and c.named_children[-1].type in STRING_TYPES for c in items)


def _threat_already_reported(ctx: CheckContext, node: Node) -> bool:
    """Was another wording of the same message reported (see `_same_message`)? One message, one finding."""
    fn = enclosing_named_function(node)
    reported = ctx.memo.setdefault(("threats", fn.id if fn is not None else None), [])
    if any(_same_message(n, node) for n in reported):
        return True
    reported.append(node)
    return False


# The threat said of the streak with a pronoun, after the streak was named: "Your 12-day streak!
# Don't break it now.", "Claim your streak bonus before it's gone!", "...keep it alive!".
PRONOUN_LOSS = re.compile(
    r"\bkeep(?:ing)?\s+it\s+(?:alive|intact|burning|lit|unbroken)\b"
    r"|\bdon'?t\s+(?:lose|break|end|ruin|waste)\s+it\b|\bdon'?t\s+let\s+it\s+(?:die|end|slip|break|reset|expire|go)\b"
    r"|\bbefore\s+it(?:'s|\s+is)\s+(?:gone|lost|over|too\s+late|reset)\b|\bbefore\s+it\s+(?:ends|resets|expires|breaks|disappears|dies|runs\s+out)\b",
    re.I,
)
SHAMEFUL_LOSS = re.compile(r"\b(?:losing|breaking|ending)\s+(?:a|an|your|the|this|that)\s+(?:[\w-]+\s+){0,3}?streak\s+(?:would|will)\s+be\s+(?:a\s+)?(?:shame|pity|waste|sad)\b", re.I)


def _pronoun_loss(raw: str) -> str | None:
    """'loss' for a threat to a streak named earlier in the text (see PRONOUN_LOSS), else None."""
    s = normalize_text(raw)
    if PROTECTION_WORDS.search(s) or GAME_WORDS.search(s) and not DAILY_WORDS.search(s):
        return None  # the safeguard described, or a streak of wins / answers
    if SHAMEFUL_LOSS.search(s):
        return "loss"
    m = PRONOUN_LOSS.search(s)
    return "loss" if m and "streak" in s[: m.start()].lower() else None


def _is_concat(node: Node) -> bool:
    return node.type in ("binary_expression", "additive_expression") and any(c.text == b"+" for c in node.children)


def _concat_parts(node: Node) -> list[Node]:
    if _is_concat(node):
        out = []
        for child in node.named_children:
            if child.type != "additive_operator":
                out += _concat_parts(child)
        return out
    if node.type == "parenthesized_expression" and node.named_children:
        return _concat_parts(node.named_children[0])
    return [node]


# --------------------------------------------------------------------------- spend to keep the streak

CURRENCY = r"(?:coins?|gems?|tokens?|diamonds?|credits?|gold|hearts|lingots?|points|balance|wallet)"
SPEND = re.compile(
    rf"\b\w*{CURRENCY}\w*\s*-=|\b\w*{CURRENCY}\w*\s*--|\b(?P<t>\w*{CURRENCY}\w*)\s*{_ASSIGN}\s*[\w.]*{CURRENCY}\w*\s*-\s*\w"
    rf"|\b(?:spend|deduct|consume|subtract|decrement|pay|charge|remove|use|take)_?\w{{0,20}}{CURRENCY}\w*\s*\("
    rf"|\bset\w*{CURRENCY}\w*\([^;\n]{{0,60}}-\s*\w"
    rf"|['\"]\w*{CURRENCY}\w*['\"]\s*[:,]\s*(?:FieldValue\.increment\(\s*-|[^,;\n]{{0,60}}-\s*\w)",
    re.I,
)
AFFORD = re.compile(rf"{CURRENCY}|cost|price|afford|enough", re.I)


def _branches(node: Node) -> list[str]:
    """The text of each branch of an if (an else-if chain flattened), and what follows an early return."""
    conds = {c.id for c in _condition_nodes(node)}
    out = []
    for child in node.named_children:
        if child.id in conds or "comment" in child.type:
            continue
        if child.type in ("if_statement", "if_expression", "else_clause"):
            inner = child if child.type != "else_clause" else (child.named_children[0] if child.named_children else None)
            if inner is not None and inner.type in ("if_statement", "if_expression"):
                out += _branches(inner)
                continue
        out.append(text(child))
    if _returns_early(node):
        out.append("\n".join(text(s) for s in islice(_siblings_after(node), 20)))
    return out


def _siblings_after(node: Node):
    sib = node.next_named_sibling
    while sib is not None:
        yield sib
        sib = sib.next_named_sibling


def _is_else_if(node: Node) -> bool:
    here = node.parent if node.parent is not None and node.parent.type in ("control_structure_body", "else_clause") else node
    if here.type == "else_clause":
        return True
    prev = here.prev_sibling
    return prev is not None and prev.type == "else"


def paid_streak_save(ctx: CheckContext) -> "Verdict | bool":
    """`if (tokens >= kStreakSaveCost) { tokens -= kStreakSaveCost; } else { setUserStreak(0); }`:
    the streak survives a missed day only when currency is spent, otherwise it is set back to zero."""
    node = ctx.node
    if _is_else_if(node):
        return False  # an `else if` is judged with the `if` that starts the chain
    conditions = " ".join(text(c) for c in _condition_nodes(node))
    if not AFFORD.search(conditions):
        return False
    branches = [re.sub(r"//[^\n]*|/\*.*?\*/", " ", b, flags=re.S) for b in _branches(node)]
    if len(branches) < 2:
        return False
    spent = [i for i, b in enumerate(branches) if SPEND.search(b)]
    reset = [i for i, b in enumerate(branches) if _updates(b)[1]]
    pair = next(((i, j) for i in spent for j in reset if i != j and not _updates(branches[i])[1]), None)
    if pair is None or _logged(node):
        return False
    paid = " ".join(SPEND.search(branches[pair[0]]).group(0).split())
    return Verdict(message=f"the streak is kept only by spending currency ({paid[:40]}), otherwise it is reset: a paid streak repair")


# --------------------------------------------------------------------------- mitigation

# A set number of freezes granted without a price: `maxFreezes`, `freezeLimit`, `freezesPerWeek`, `allowedFreezes`.
FREEZE_ALLOWANCE = re.compile(
    r"(?:^|[^a-z])(?:max(?:imum)?|allowed|free)_(?:streak_)?freez(?:e|es)(?:$|[^a-z])|(?:^|[^a-z])freez(?:e|es)_(?:limit|allowance|allowed|per_(?:week|month|duration|period))(?:$|[^a-z])"
    r"|(?:^|[^a-z])(?:streak_)?(?:freez(?:e|es)|repairs?)_(?:week|month|weekly|monthly)(?:$|[^a-z])",  # one freeze a week, given back each Monday
    re.I,
)


def free_missed_day(ctx: CheckContext) -> bool:
    """A missed day forgiven for free: the web rule's safeguard (`free_safeguard`), or a limited allowance of
    freezes (`maxFreezes`, `setupFreezeLimit()`) in a file that sells nothing (no price, currency or purchase)."""
    if free_safeguard(ctx):
        return True
    flat = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", _code(ctx))
    return bool(FREEZE_ALLOWANCE.search(flat)) and not SOLD_SAFEGUARD.search(flat) and not PAID.search(flat)
