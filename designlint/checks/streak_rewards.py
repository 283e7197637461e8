"""Checks for the `streak-rewards` rule: daily streaks that reward coming back on consecutive
days and punish a break.

What a tree-sitter query cannot say, and these checks do:

- `day_gap_update`: a comparison that tests a one-day gap (`diffDays === 1`, `isYesterday(last)`,
  `last === yesterday.toDateString()`, `hoursSince < 48`, ...) controls, in the same function,
  an increment or a reset of a streak-like counter (`streak++`, `loginStreak: s + 1`,
  `setStreak(1)`, `{ streak: { increment: 1 } }`). Counters computed in a loop over history
  (longest-streak statistics, GitHub-style contribution streaks, LeetCode runs) are not reported.
- `reward_index` / `reward_table` / `scaled_reward`: daily-login reward tables and rewards that
  grow with the streak.
- `freeze_*`: streak freezes / repairs / shields that are sold.
- `loss_text_*`: user-facing text that uses loss aversion about a streak, in code strings, JSX,
  templates and i18n JSON/YAML files.
- `free_safeguard`: the mitigation (a missed day is forgiven for free: a free streak freeze,
  a grace period, rest days), when nothing in the file sells freezes.
"""

from __future__ import annotations

import re
from typing import Iterable

from tree_sitter import Node

from designlint.checks import CheckContext, Verdict
from designlint.checks.util import FUNCTION_TYPES, ancestors, callee_name, text, walk

# --------------------------------------------------------------------------- names


def norm_name(name: str) -> str:
    """`loginStreak` / `LOGIN_STREAK` / `login-streak` -> `login_streak`."""
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


STREAK_TOKEN = re.compile(
    r"(?:^|_)(?:streaks?|consecutive_(?:days?|logins?|visits?|check_?ins?|plays?|claims?)|login_days?"
    r"|daily_(?:bonus|login|streak|claim)\w*|days_in_a_row|check_?in_(?:count|days|streak)|day_streak)(?:$|_)"
)
# A streak kept about something else than coming back each day, or a statistic of it.
NOT_A_DAILY_STREAK = re.compile(
    r"(?:^|_)(?:longest|best|max|maximum|highest|record|top|peak|win|wins|winning|loss|losing|lose|kill|kills|combo"
    r"|answer|answers|correct|hit|hits|question|quiz|round|match|guess|perfect|wrong|fail|failure|error|retry|hot|cold)"
    r"_(?:\w+_)?streaks?(?:$|_)|(?:^|_)streaks?_(?:max|best|record|longest|highest|peak|history|start|started|date|type)(?:$|_)"
)


# Names that hold something about a streak, not the count itself (`streakBonus`, `streakDate`).
NOT_A_COUNT = re.compile(
    r"_(?:bonus|bonuses|multiplier|multipliers|mult|reward|rewards|xp|exp|coins?|points?|gems?|amount|eligible|duration|hours?"
    r"|dates?|at|time|timestamp|key|keys|id|ids|modal|message|messages|text|title|label|shown|notification|reminder|enabled"
    r"|color|icon|emoji|animation|visible|style|class|freeze|freezes|warning|warnings|status|data|info|level|tier|milestones?|goal|config"
    r"|risk|risks|at_risk|sent|emails?|alerts?|nudges?|reminders?|notifications?|shown|modal_shown|popup)$"
)


def is_streak_name(name: str) -> bool:
    n = norm_name(name)
    return bool(STREAK_TOKEN.search(n)) and not NOT_A_DAILY_STREAK.search(n) and not NOT_A_COUNT.search(n)


def _name_tokens(node: Node) -> list[str]:
    """Identifier, property and string-key names inside a target expression, in order."""
    out = []
    for n in walk(node):
        if n.type in ("identifier", "property_identifier", "shorthand_property_identifier", "private_property_identifier"):
            out.append(text(n))
        elif n.type in ("string_fragment", "string_content"):
            out.append(text(n))
    return out


def streak_target(node: Node | None) -> str | None:
    """The streak-like name a target expression writes to, or None."""
    if node is None:
        return None
    node = _strip(node)
    if node.type in ("identifier", "property_identifier", "shorthand_property_identifier"):
        name = text(node)
        return name if is_streak_name(name) else None
    if node.type in ("string", "template_string"):
        name = _string_value(node)
        return name if is_streak_name(name) else None
    if node.type in ("member_expression", "subscript_expression"):
        tokens = _name_tokens(node)
        if not tokens:
            return None
        last = tokens[-1]
        if NOT_A_DAILY_STREAK.search(norm_name(last)):
            return None
        for tok in reversed(tokens):
            if is_streak_name(tok):
                return ".".join(tokens[-2:]) if len(tokens) > 1 else tok
    return None


# --------------------------------------------------------------------------- small tree helpers


def _strip(node: Node) -> Node:
    while node is not None and node.type in ("parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression", "type_assertion"):
        inner = node.named_children[0] if node.named_children else None
        if inner is None:
            break
        node = inner
    return node


def _string_value(node: Node) -> str:
    t = text(node)
    if len(t) >= 2 and t[0] in "'\"`" and t[-1] == t[0]:
        return t[1:-1]
    return t


def _op(node: Node) -> str:
    op = node.child_by_field_name("operator")
    return text(op) if op is not None else ""


def _is_number(node: Node | None, values: Iterable[str]) -> bool:
    if node is None:
        return False
    node = _strip(node)
    return node.type == "number" and text(node).replace("_", "") in values


def _is_plus_one(node: Node | None) -> bool:
    if node is None:
        return False
    node = _strip(node)
    if node.type == "binary_expression" and _op(node) == "+":
        return _is_number(node.child_by_field_name("right"), ("1",)) or _is_number(node.child_by_field_name("left"), ("1",))
    return False


def _is_increment_value(node: Node | None) -> bool:
    """`{ increment: 1 }` (Prisma), `increment(1)` / `FieldValue.increment(1)` (Firestore), `sql`x + 1``."""
    if node is None:
        return False
    node = _strip(node)
    if node.type == "object":
        for pair in node.named_children:
            if pair.type == "pair" and text(pair.child_by_field_name("key")).strip("'\"") == "increment":
                return _is_number(pair.child_by_field_name("value"), ("1",))
    if node.type == "call_expression" and callee_name(node) == "increment":
        args = node.child_by_field_name("arguments")
        return bool(args and args.named_children and _is_number(args.named_children[0], ("1",)))
    if node.type in ("call_expression", "template_string") and re.search(r"\+\s*1\b", text(node)) and "sql" in text(node)[:12]:
        return True
    return False


def _loop_between(node: Node, scope: Node) -> bool:
    for a in ancestors(node):
        if a == scope:
            return False
        if a.type in ("for_statement", "for_in_statement", "while_statement", "do_statement"):
            return True
    return False


ITERATION_METHODS = {"forEach", "map", "reduce", "reduceRight", "filter", "some", "every", "find", "findIndex", "flatMap", "sort", "each"}


def _is_iteration_callback(scope: Node) -> bool:
    if scope.type not in FUNCTION_TYPES:
        return False
    parent = scope.parent
    if parent is not None and parent.type == "arguments" and parent.parent is not None and parent.parent.type == "call_expression":
        return callee_name(parent.parent) in ITERATION_METHODS
    return False


def scope_of(node: Node) -> Node:
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES:
            return a
    root = node
    while root.parent is not None:
        root = root.parent
    return root


def function_name(fn: Node) -> str:
    """Best-effort name of a function node: declaration name, method name, or the variable /
    property it is assigned to (also through a wrapping call such as useCallback)."""
    if fn.type not in FUNCTION_TYPES:
        return ""
    name = fn.child_by_field_name("name")
    if name is not None:
        return text(name)
    parent = fn.parent
    if parent is not None and parent.type == "arguments" and parent.parent is not None:
        parent = parent.parent.parent  # useCallback(() => ..., []) assigned to a variable
    if parent is None:
        return ""
    if parent.type == "variable_declarator":
        return text(parent.child_by_field_name("name"))
    if parent.type == "pair":
        return text(parent.child_by_field_name("key")).strip("'\"")
    if parent.type == "assignment_expression":
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "member_expression":
            return text(left.child_by_field_name("property"))
        return text(left)
    if parent.type in ("public_field_definition", "field_definition"):
        return text(parent.child_by_field_name("name") or parent.child_by_field_name("property"))
    return ""


def _descendants_same_scope(node: Node) -> Iterable[Node]:
    """Descendants of node, not entering nested functions (node itself may be a function)."""
    stack = list(reversed(node.children))
    yield node
    while stack:
        cur = stack.pop()
        yield cur
        if cur.type in FUNCTION_TYPES:
            continue
        stack.extend(reversed(cur.children))


_DEF_INDEX: dict[tuple, dict[str, list[Node]]] = {}


def _definitions(scope: Node, name: str) -> list[Node]:
    """Values assigned to `name` in scope (declarations and plain assignments), nested scopes too.
    The scope is indexed once."""
    root = _root(scope)
    key = (scope.id, scope.start_byte, scope.end_byte, root.id, root.end_byte, root.child_count)
    index = _DEF_INDEX.get(key)
    if index is None:
        if len(_DEF_INDEX) > 2048:
            _DEF_INDEX.clear()
        index = {}
        for n in walk(scope):
            if n.type == "variable_declarator":
                nm = n.child_by_field_name("name")
                value = n.child_by_field_name("value")
                if nm is not None and nm.type == "identifier" and value is not None:
                    index.setdefault(text(nm), []).append(value)
            elif n.type == "assignment_expression":
                left = n.child_by_field_name("left")
                right = n.child_by_field_name("right")
                if left is not None and left.type == "identifier" and right is not None:
                    index.setdefault(text(left), []).append(right)
        _DEF_INDEX[key] = index
    return index.get(name, [])


def _root(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node


def _resolved_text(node: Node, scope: Node, depth: int = 2) -> str:
    """Text of an expression with identifiers replaced by (one or two hops of) their definitions
    in the enclosing scope or at the top of the file."""
    base = text(node)
    if depth <= 0:
        return base
    extra = []
    names = {text(n) for n in walk(node) if n.type == "identifier"}
    for name in list(names)[:8]:
        defs = _definitions(scope, name)
        if not defs and scope.parent is not None:
            defs = [d for d in _definitions(_root(scope), name) if scope_of(d).parent is None]
        for d in defs[:3]:
            extra.append(_resolved_text(d, scope, depth - 1))
    return base + " \n " + " \n ".join(extra)


# --------------------------------------------------------------------------- one-day gap (A)

DAY_DIFF = re.compile(
    r"differenceIn(?:Calendar)?Days|differenceInHours|\bdays?(?:Between|Since|Diff|Difference|Apart|Gap|Delta|Elapsed|Passed)"
    r"|\b(?:diff|difference|delta|gap|elapsed)(?:In)?Days?\b|\bget(?:Days?|Date)Diff|daysBetween|dateDiff|\bdiffDays|DaysDiff"
    r"|\.diff\([^()]*(?:\([^()]*\)[^()]*)*,\s*['\"`](?:day|days|d|hour|hours|h|calendarDays)['\"`]"
    r"|86_?400_?000|864e5|8\.64e7|172_?800_?000|86400\b|1000\s*\*\s*60\s*\*\s*60\s*\*\s*24|24\s*\*\s*60\s*\*\s*60\s*\*\s*1000"
    r"|1000\s*\*\s*3600\s*\*\s*24|24\s*\*\s*3600\s*\*\s*1000|60\s*\*\s*60\s*\*\s*24\s*\*\s*1000|1000\s*\*\s*60\s*\*\s*60\b|60\s*\*\s*60\s*\*\s*1000"
    r"|3_?600_?000|36e5|\bONE_?DAY\w*|\bDAY_?(?:MS|IN_?MS|MILLIS\w*|LENGTH|DURATION)\b|\bMS_?(?:PER|IN)_?DAY\b|\bMILLIS\w*_PER_DAY\b"
    r"|\boneDay\w*|\bmsPerDay|\bdayMs|\bdayInMs|\bDAY\b|\.(?:days|hours)\b|as(?:Days|Hours)\(\)|\bhours?(?:Since|Diff|Elapsed|Passed|Between)"
    r"|\b(?:diff|delta|elapsed|since)(?:In)?Hours\b",
)
YESTERDAY = re.compile(
    r"yesterday|prev(?:ious)?_?Day|dayBefore|lastDay\w*Expected"
    r"|subDays\([^)]*,\s*1\s*\)|\.subtract\(\s*1\s*,\s*['\"`]days?['\"`]|\.add\(\s*1\s*,\s*['\"`]days?['\"`]|addDays\([^)]*,\s*1\s*\)"
    r"|minus\(\s*\{\s*days?\s*:\s*1\s*\}|plus\(\s*\{\s*days?\s*:\s*1\s*\}"
    r"|getDate\(\)\s*[-+]\s*1\b|(?:Date\.now\(\)|getTime\(\)|now)\s*-\s*(?:86_?400_?000|864e5|8\.64e7|ONE_DAY\w*|DAY_MS|MS_PER_DAY|oneDay\w*|24\s*\*\s*60\s*\*\s*60\s*\*\s*1000|1000\s*\*\s*60\s*\*\s*60\s*\*\s*24)",
    re.I,
)
DAYISH_NAME = re.compile(r"days?|Days?|DAYS?")
GENERIC_GAP_NAME = re.compile(r"^(?:diff|difference|delta|gap|elapsed|since|timeSince|timeDiff|time_since|dt|d|distance|interval|span|hours?\w*|hrs|ms\w*|timeGap|timePassed|timeElapsed)$", re.I)
HOURS_NAME = re.compile(r"hours?|hrs", re.I)
STREAK_WINDOW_CONST = re.compile(r"STREAK\w*(?:HOURS|WINDOW|GRACE|RESET|EXPIR\w*|TIMEOUT|MS|MILLIS\w*|DURATION|PERIOD|INTERVAL)|GRACE\w*|RESET_?(?:HOURS|MS|WINDOW)|(?:CLAIM|DAILY)\w*(?:WINDOW|RESET|EXPIR\w*)", re.I)
MS_THRESHOLD = re.compile(
    r"86_?400_?000|864e5|8\.64e7|172_?800_?000|259_?200_?000|\bONE_?DAY\w*|\bDAY_?(?:MS|IN_?MS|MILLIS\w*)\b|\bMS_?(?:PER|IN)_?DAY\b|\boneDay\w*|\bmsPerDay|\bdayMs"
    r"|(?:24|48|72)\s*\*\s*60\s*\*\s*60\s*\*\s*1000|1000\s*\*\s*60\s*\*\s*60\s*\*\s*(?:24|48|72)|(?:24|48|72)\s*\*\s*3600\s*\*\s*1000|(?:24|48)\s*\*\s*(?:HOUR|ONE_HOUR|MS_PER_HOUR|HOUR_MS|3_?600_?000|36e5)",
    re.I,
)
COMPARISON_OPS = {"===", "==", "!==", "!=", "<", "<=", ">", ">="}
PREDICATE_CALLS = re.compile(
    r"^(?:is|was|check|has)?(?:Yesterday|PreviousDay|PrevDay|NextDay|DayAfter|DayBefore)$|^(?:is|are|was|check)\w*Consecutive\w*$"
    r"|^isStreak(?:Continued|Continuing|Alive|Active|Broken|Valid|Intact|Expired|Lost|Kept)$|^(?:should|can)(?:Increment|Continue|Extend|Reset|Break)\w*Streak\w*$"
    r"|^(?:streak(?:Continues|Broken|Expired|IsAlive|IsBroken))$|^(?:didMiss|missed)(?:A)?Day\w*$",
)
SAME_DAY_CALLS = re.compile(r"^(?:isSameDay|isSame|isSameDate|sameDay|isEqual|hasSame|isSameCalendarDay|equals)$")


def _threshold_kind(node: Node) -> str | None:
    node = _strip(node)
    t = text(node).replace("_", "")
    if node.type == "number":
        if t in ("1", "2"):
            return "days"
        if t in ("24", "36", "47", "48", "72"):
            return "hours"
        if MS_THRESHOLD.search(text(node)):
            return "ms"
        return None
    if MS_THRESHOLD.search(text(node)) and len(text(node)) < 60:
        return "ms"
    if node.type in ("identifier", "member_expression") and STREAK_WINDOW_CONST.search(text(node)):
        return "ms"
    if node.type == "binary_expression" and STREAK_WINDOW_CONST.search(text(node)) and len(text(node)) < 80:
        return "ms"
    return None


def _dayish(operand: Node, kind: str, scope: Node) -> bool:
    operand = _strip(operand)
    t = text(operand)
    if len(t) > 300:
        return False
    if kind == "days":
        if operand.type == "identifier" and DAYISH_NAME.search(t) and not re.search(r"^(?:today|todays?|days?Of|birthday)", t, re.I):
            return True
        if operand.type == "member_expression" and DAYISH_NAME.search(text(operand.child_by_field_name("property"))):
            prop = text(operand.child_by_field_name("property"))
            if prop not in ("day", "getDay", "days") or "diff" in t.lower():
                return True
            if prop == "days":  # luxon: end.diff(start, 'days').days
                return ".diff(" in t
        if DAY_DIFF.search(t):
            return not HOURS_NAME.search(t) or "day" in t.lower()
        if operand.type in ("identifier", "member_expression", "call_expression"):
            resolved = _resolved_text(operand, scope)
            return bool(DAY_DIFF.search(resolved)) and not re.fullmatch(r"\s*\w*[hH]ours?\w*\s*", t)
        return False
    if kind == "hours":
        if HOURS_NAME.search(t) or re.search(r"(?:3_?600_?000|36e5|1000\s*\*\s*60\s*\*\s*60\b|60\s*\*\s*60\s*\*\s*1000|differenceInHours|['\"`]hours?['\"`])", t):
            return True
        if operand.type in ("identifier", "member_expression"):
            resolved = _resolved_text(operand, scope)
            return bool(re.search(r"(?:3_?600_?000|36e5|1000\s*\*\s*60\s*\*\s*60\b|60\s*\*\s*60\s*\*\s*1000|differenceInHours|['\"`]hours?['\"`]|\.hours\b)", resolved))
        return False
    # ms: a time difference (now - last) in milliseconds
    if re.search(r"Date\.now\(\)|getTime\(\)|valueOf\(\)|\bnow\b|new Date\(\)", t) and "-" in t:
        return True
    if operand.type == "identifier" and (GENERIC_GAP_NAME.match(t) or re.search(r"since|elapsed|diff|gap|delta|passed", t, re.I)):
        return True
    if operand.type in ("identifier", "member_expression"):
        resolved = _resolved_text(operand, scope)
        return bool(re.search(r"(?:Date\.now\(\)|getTime\(\)|\bnow\b)\s*-", resolved))
    return False


def _holds_yesterday(name: str, scope: Node) -> bool:
    """A variable holding yesterday's date: `const y = new Date(Date.now() - 864e5)`, `subDays(now, 1)`,
    or a date moved back with `d.setDate(d.getDate() - 1)`."""
    if name in ("Date", "Math", "JSON", "dayjs", "moment"):
        return False
    defs = _definitions(scope, name)
    if not defs and scope.parent is not None:
        defs = [d for d in _definitions(_root(scope), name) if scope_of(d).parent is None]
    if any(len(text(d)) < 200 and YESTERDAY.search(text(d)) for d in defs):
        return True
    body = text(scope)
    if len(body) > 60000:
        return False
    esc = re.escape(name)
    if re.search(esc + r"\.set(?:UTC)?Date\(\s*" + esc + r"\.get(?:UTC)?Date\(\)\s*-\s*1\s*\)", body):
        return True
    # a string made from such a date: `const yStr = y.toDateString()`
    for d in defs:
        for inner in (n for n in walk(d) if n.type == "identifier"):
            if text(inner) != name and re.search(re.escape(text(inner)) + r"\.set(?:UTC)?Date\(\s*" + re.escape(text(inner)) + r"\.get(?:UTC)?Date\(\)\s*-\s*1\s*\)", body):
                return True
    return False


YESTERDAY_NAME = re.compile(r"yesterday|prev(?:ious)?_?day|day_?before|last_?day_?(?:done|played|completed)", re.I)


def _in_condition(node: Node) -> bool:
    child = node
    for parent in ancestors(node):
        if parent.type in ("if_statement", "ternary_expression") and child == parent.child_by_field_name("condition"):
            return True
        if parent.type in ("unary_expression", "binary_expression", "parenthesized_expression"):
            child = parent
            continue
        return False
    return False


def is_day_gap(node: Node, scope: Node) -> bool:
    """Does this comparison or call test that the last activity was exactly one day ago
    (or, the other way round, that a day was missed)?"""
    if node.type == "binary_expression":
        op = _op(node)
        if op not in COMPARISON_OPS:
            return False
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return False
        if op in ("===", "==", "!==", "!="):
            for side in (left, right):
                st = text(side)
                if len(st) < 200 and YESTERDAY.search(st):
                    return True
            for side in (left, right):
                if len(text(side)) < 120 and any(_holds_yesterday(text(i), scope) for i in walk(side) if i.type == "identifier"):
                    return True
        for thr, other in ((right, left), (left, right)):
            kind = _threshold_kind(thr)
            if kind and _dayish(other, kind, scope):
                return True
        return False
    if node.type == "identifier":
        # `if (!yesterdayEntry && ...)`, `if (playedYesterday)`: a value about yesterday in a condition
        return bool(YESTERDAY_NAME.search(text(node))) and _in_condition(node)
    if node.type == "call_expression":
        name = callee_name(node)
        if PREDICATE_CALLS.search(name):
            return True
        if SAME_DAY_CALLS.match(name):
            args = node.child_by_field_name("arguments")
            func = node.child_by_field_name("function")
            t = text(args) + " " + (text(func) if func is not None else "")
            if YESTERDAY.search(t):
                return True
            for ident in (n for n in walk(args) if n.type == "identifier") if args is not None else ():
                if _holds_yesterday(text(ident), scope):
                    return True
        return False
    return False


# --------------------------------------------------------------------------- streak updates (B / C)

INCREMENT_CALL = re.compile(r"(?:^|_)(?:increment|inc|bump|extend|continue|advance|grow|increase|add_to|add)_(?:\w+_)?streaks?(?:$|_)|(?:^|_)streaks?_(?:increment|up|plus|continue|extend|grow)(?:$|_)")
RESET_CALL = re.compile(r"(?:^|_)(?:reset|break|clear|lose|end|restart|zero)_(?:\w+_)?streaks?(?:$|_)|(?:^|_)streaks?_(?:reset|break|broken|lost|end|restart)(?:$|_)")


def _classify_value(value: Node | None) -> set[str]:
    """'B' when the value grows the streak by one, 'C' when it resets it to 0 or 1."""
    if value is None:
        return set()
    value = _strip(value)
    if _is_plus_one(value) or _is_increment_value(value):
        return {"B"}
    if _is_number(value, ("0", "1")):
        return {"C"}
    if value.type == "ternary_expression":
        return _classify_value(value.child_by_field_name("consequence")) | _classify_value(value.child_by_field_name("alternative"))
    if value.type == "binary_expression" and _op(value) in ("||", "??"):
        return _classify_value(value.child_by_field_name("left"))
    if value.type == "call_expression" and callee_name(value) in ("min", "max"):  # Math.min(streak + 1, 30)
        args = value.child_by_field_name("arguments")
        if args is not None and any(_is_plus_one(a) for a in args.named_children):
            return {"B"}
    return set()


def _setter_streak(name: str) -> bool:
    return name.startswith("set") and len(name) > 3 and is_streak_name(name[3:])


def _update_at(n: Node, scope_fn_name: str) -> tuple[str, str, bool] | None:
    """(kind, name, local) when node n grows ('B') or resets ('C') a streak-like counter.
    `local` is True when the target is a plain local variable (not an object field)."""
    t = n.type
    if t == "update_expression" and "++" in (_op(n), text(n)[:2], text(n)[-2:]):
        arg = n.child_by_field_name("argument")
        name = streak_target(arg)
        if name:
            return "B", name, _strip(arg).type == "identifier"
    elif t == "augmented_assignment_expression" and _op(n) == "+=":
        left = n.child_by_field_name("left")
        name = streak_target(left)
        if name and _is_number(n.child_by_field_name("right"), ("1",)):
            return "B", name, _strip(left).type == "identifier"
    elif t == "assignment_expression":
        left = n.child_by_field_name("left")
        name = streak_target(left)
        kinds = _classify_value(n.child_by_field_name("right")) if name else set()
        if kinds:
            return ("B" if "B" in kinds else "C"), name, _strip(left).type == "identifier"
    elif t == "variable_declarator":
        nm = n.child_by_field_name("name")
        name = streak_target(nm) if nm is not None and nm.type == "identifier" else None
        kinds = _classify_value(n.child_by_field_name("value")) if name else set()
        if kinds:
            return ("B" if "B" in kinds else "C"), name, True
    elif t == "pair":
        key = n.child_by_field_name("key")
        value = n.child_by_field_name("value")
        name = streak_target(key)
        if name:
            kinds = _classify_value(value)
            if kinds:
                return ("B" if "B" in kinds else "C"), name, False
        if key is not None and text(key).strip("'\"") == "$inc" and value is not None and value.type == "object":
            for p in value.named_children:
                if p.type == "pair" and streak_target(p.child_by_field_name("key")):
                    return "B", streak_target(p.child_by_field_name("key")) or "streak", False
    elif t == "call_expression":
        name = callee_name(n)
        args = n.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if _setter_streak(name) and first is not None:
            f = _strip(first)
            if f.type in FUNCTION_TYPES:
                body = f.child_by_field_name("body")
                if body is not None and (_is_plus_one(body) or re.search(r"\+\s*1\b", text(body))):
                    return "B", name[3:], False
            kinds = _classify_value(first)
            if kinds:
                return ("B" if "B" in kinds else "C"), name[3:], False
        func = n.child_by_field_name("function")
        if name in ("update", "set") and func is not None and func.type == "member_expression" and first is not None:
            obj_name = streak_target(func.child_by_field_name("object"))
            if obj_name:  # Svelte store / signal: streak.update(n => n + 1), streak.set(0)
                f = _strip(first)
                if name == "update" and f.type in FUNCTION_TYPES and re.search(r"\+\s*1\b", text(f.child_by_field_name("body") or f)):
                    return "B", obj_name, False
                if name == "set":
                    kinds = _classify_value(first)
                    if kinds:
                        return ("B" if "B" in kinds else "C"), obj_name, False
        nn = norm_name(name)
        if INCREMENT_CALL.search(nn):
            return "B", name, False
        if RESET_CALL.search(nn):
            return "C", name, False
        # quick.db / keyv style: db.add(`streak_${id}`, 1), db.set(`streak_${id}`, 0)
        if name in ("add", "set", "inc", "incr", "incrby", "hincrby", "increment") and first is not None and len(args.named_children) >= 2:
            second = args.named_children[1]
            if re.search(r"streak", text(first), re.I) and not NOT_A_DAILY_STREAK.search(norm_name(_string_value(first))):
                if name == "set" and _is_number(second, ("0", "1")):
                    return "C", "streak", False
                if name != "set" and _is_number(second, ("1",)):
                    return "B", "streak", False
    elif t == "return_statement":
        arg = n.named_children[0] if n.named_children else None
        if arg is None:
            return None
        arg = _strip(arg)
        streak_fn = is_streak_name(scope_fn_name) or bool(re.search(r"streak", scope_fn_name, re.I))
        if _is_plus_one(arg) and any(is_streak_name(tok) for tok in _name_tokens(arg)):
            return "B", next(tok for tok in _name_tokens(arg) if is_streak_name(tok)), True
        if streak_fn:
            if _is_plus_one(arg):
                return "B", scope_fn_name, True
            if _is_number(arg, ("0", "1")):
                return "C", scope_fn_name, True
            if arg.type == "string":
                v = _string_value(arg).lower()
                if v in ("increment", "continue", "continued", "extend", "extended", "increase"):
                    return "B", scope_fn_name, True
                if v in ("reset", "broken", "break", "lost", "restart"):
                    return "C", scope_fn_name, True
            if arg.type == "object":  # return { current: 1, longest } from a streak function
                for pair in arg.named_children:
                    if pair.type == "pair" and re.fullmatch(r"current\w*|count|value|days|length|new_?\w*", text(pair.child_by_field_name("key")) or "", re.I):
                        kinds = _classify_value(pair.child_by_field_name("value"))
                        if kinds:
                            return ("B" if "B" in kinds else "C"), scope_fn_name, True
            if arg.type == "ternary_expression":
                kinds = _classify_value(arg)
                if kinds:
                    return ("B" if "B" in kinds else "C"), scope_fn_name, True
    return None


def _updates_in(region: Node, scope: Node, fn_name: str) -> list[tuple[Node, str, str]]:
    out = []
    iteration_scope = _is_iteration_callback(scope)
    for n in walk(region):
        res = _update_at(n, fn_name)
        if res is None:
            continue
        kind, name, local = res
        if local and (iteration_scope or _loop_between(n, scope)):
            continue  # a counter computed over history (longest run, contribution streak)
        out.append((n, kind, name))
    return out


def _controlled_regions(a: Node, scope: Node) -> list[Node]:
    """The code that runs only depending on the outcome of comparison `a`."""
    child = a
    for parent in ancestors(a):
        if parent == scope or parent.type in FUNCTION_TYPES:
            return []
        if parent.type == "if_statement" and child == parent.child_by_field_name("condition"):
            return [r for r in (parent.child_by_field_name("consequence"), parent.child_by_field_name("alternative")) if r is not None]
        if parent.type == "ternary_expression" and child == parent.child_by_field_name("condition"):
            regions = [r for r in (parent.child_by_field_name("consequence"), parent.child_by_field_name("alternative")) if r is not None]
            # the ternary's target: `streak = cond ? s + 1 : 1`, `{ streak: cond ? ... }`
            target = parent.parent
            while target is not None and target.type == "parenthesized_expression":
                target = target.parent
            if target is not None and target.type in ("variable_declarator", "assignment_expression", "pair", "return_statement", "arguments"):
                regions.append(target if target.type != "arguments" else target.parent)
            return regions
        if parent.type == "switch_statement" and child == parent.child_by_field_name("value"):
            return [parent.child_by_field_name("body")]
        if (
            parent.type == "binary_expression" and _op(parent) in ("&&", "||") and child == parent.child_by_field_name("left")
            and parent.parent is not None and parent.parent.type in ("expression_statement", "arrow_function", "return_statement")
        ):
            return [parent.child_by_field_name("right")]
        if parent.type == "variable_declarator" and child == parent.child_by_field_name("value"):
            name = parent.child_by_field_name("name")
            if name is None or name.type != "identifier":
                return []
            var = text(name)
            regions = []
            if True:
                for n in _descendants_same_scope(scope):
                    if n.type in ("if_statement", "ternary_expression"):
                        cond = n.child_by_field_name("condition")
                        if cond is not None and any(x.type == "identifier" and text(x) == var for x in walk(cond)):
                            regions += [r for r in (n.child_by_field_name("consequence"), n.child_by_field_name("alternative")) if r is not None]
                            if n.type == "ternary_expression" and n.parent is not None and n.parent.type in ("variable_declarator", "assignment_expression", "pair"):
                                regions.append(n.parent)
            return regions
        if parent.type in ("expression_statement", "lexical_declaration", "variable_declaration", "return_statement", "statement_block"):
            return []
        child = parent
    return []


def _first_qualifying(scope: Node) -> tuple[int, str] | None:
    fn_name = function_name(scope)
    if re.search(r"(?:^|_)(?:longest|best|max|maximum|highest)(?:_|$)|(?:^|_)streak_record|record_streak", norm_name(fn_name)):
        return None
    # A function that also counts the same kind of streak in a loop computes it from the history
    # of dates (current / longest streak statistics): not the daily mechanic itself.
    for n in walk(scope):
        res = _update_at(n, fn_name)
        if res is not None and res[0] == "B" and res[2] and _loop_between(n, scope):
            return None
    for n in _descendants_same_scope(scope):
        if n.type not in ("binary_expression", "call_expression", "identifier") or n == scope:
            continue
        if not is_day_gap(n, scope):
            continue
        ups = [u for region in _controlled_regions(n, scope) for u in _updates_in(region, scope, fn_name)]
        if ups:
            kinds = {u[1] for u in ups}
            return n.start_byte, ups[0][2], "".join(sorted(kinds))
    return None


REWARDISH = re.compile(r"streak|reward|bonus|coins?\b|gems?\b|\bxp\b|points|badge|achievement|chest|prize|claim|notif|push", re.I)


def day_gap_update(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    scope = scope_of(node)
    key = ("streak_rewards.first", ctx.language, scope.start_byte, scope.end_byte)
    if key not in ctx.memo:
        ctx.memo[key] = _first_qualifying(scope)
    found = ctx.memo[key]
    if found is None or found[0] != node.start_byte:
        return False
    name, kinds = found[1], found[2]
    code = re.sub(r"/\*.*?\*/|(?<![:\\])//[^\n]*", " ", ctx.data.decode("utf-8", "replace")[:300000], flags=re.S)
    if "streak" not in name.lower() and not REWARDISH.search(code):
        return False  # a consecutive-days counter nobody is rewarded or warned about (e.g. when to ask for a review)
    if kinds == "B":
        what = "grows only when the last visit was the day before (a missed day ends it)"
    elif kinds == "C":
        what = "is reset when a day is missed"
    else:
        what = "grows when the last visit was one day ago and is reset after a missed day"
    return Verdict(message=f"daily streak: '{name}' {what}")


# --------------------------------------------------------------------------- reward tables


REWARD_TABLE_NAME = re.compile(
    r"^(?:daily|login|daily_login|streak|login_streak|daily_streak|check_?in|daily_check_?in|consecutive|attendance|weekly_login|day)"
    r"_(?:day_)?(?:rewards?|bonus(?:es)?|prizes?|gifts?|calendar|(?:bonus_|reward_)?multipliers?|coins?|milestone_rewards?|reward_(?:cycle|track|table|schedule|calendar|tiers?|list|config))(?:_v\d+)?$"
    r"|^(?:\w+_)?(?:rewards?|bonus(?:es)?|prizes?|multipliers?)_(?:by|per|for)_(?:day|days|streak|login)(?:_v\d+)?$"
    r"|^reward_(?:cycle|calendar|track|schedule)(?:_v\d+)?$|^(?:\w+_)?streak_(?:rewards?|bonus(?:es)?|(?:bonus_|reward_)?multipliers?|milestone_rewards?|prizes?)(?:_v\d+)?$"
)
GENERIC_REWARD_NAME = re.compile(r"^(?:\w+_)?(?:rewards?|bonus(?:es)?|prizes?|multipliers?)(?:_(?:list|table|array|config|tiers?|by_day))?$")
DAY_INDEX_NAME = re.compile(r"^(?:\w+_)?(?:day|day_index|day_idx|day_number|cycle_day|reward_day|reward_index|reward_idx|streak_day|streak_idx|streak_index|login_day|claim_day|idx|index|i)$")
DAILY_CONTEXT = re.compile(r"daily|login|log_in|check_?in|claim|yesterday|consecutive|last_?(?:visit|active|seen|played|claim)", re.I)


def _object_name(node: Node) -> str:
    node = _strip(node)
    if node.type == "member_expression":
        return text(node.child_by_field_name("property"))
    return text(node)


def reward_index(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    scope = scope_of(node)
    if node.type == "subscript_expression":
        obj = node.child_by_field_name("object")
        idx = node.child_by_field_name("index")
        if obj is None or idx is None:
            return False
        table = norm_name(_object_name(obj))
        sidx = _strip(idx)
        if sidx.type in ("string", "number", "template_string") and "${" not in text(sidx):
            return False
        specific = bool(REWARD_TABLE_NAME.search(table))
        if not specific and not GENERIC_REWARD_NAME.match(table):
            return False
        idx_tokens = _name_tokens(idx)
        if any(is_streak_name(t) for t in idx_tokens):
            return Verdict(message=f"reward table '{_object_name(obj)}' is indexed by the streak ({' '.join(text(idx).split())[:40]})")
        resolved = _resolved_text(idx, scope)
        if re.search(r"streak|consecutive", resolved, re.I) and not re.search(r"(?:longest|best|max|win|answer|correct)_?streak", resolved, re.I):
            return Verdict(message=f"reward table '{_object_name(obj)}' is indexed by the streak day ({' '.join(text(idx).split())[:40]})")
        if specific and any(DAY_INDEX_NAME.match(norm_name(t)) for t in idx_tokens):
            if any(is_streak_name(t) for t in _name_tokens(scope)) or re.search(r"streak", text(scope)[:20000], re.I):
                return Verdict(message=f"daily reward table '{_object_name(obj)}' is indexed by the login day")
        return False
    if node.type == "call_expression":
        func = node.child_by_field_name("function")
        if func is None or func.type != "member_expression" or callee_name(node) not in ("find", "filter", "findLast", "at"):
            return False
        table = norm_name(_object_name(func.child_by_field_name("object")))
        if not (REWARD_TABLE_NAME.search(table) or GENERIC_REWARD_NAME.match(table)):
            return False
        args = node.child_by_field_name("arguments")
        if args is not None and any(is_streak_name(t) for t in _name_tokens(args)):
            return Verdict(message=f"reward table '{_object_name(func.child_by_field_name('object'))}' is looked up by the streak")
    return False


def _collection_size(value: Node) -> tuple[str, int]:
    value = _strip(value)
    if value.type == "array":
        elems = [c for c in value.named_children if c.type != "comment"]
        if elems and all(_strip(e).type in ("object", "number", "call_expression", "new_expression", "identifier", "member_expression") for e in elems):
            return "array", len(elems)
        return "array", 0
    if value.type == "object":
        pairs = [c for c in value.named_children if c.type == "pair"]
        numeric = [p for p in pairs if re.match(r"^['\"]?(?:day_?)?\d+['\"]?$", text(p.child_by_field_name("key")), re.I)]
        return "object", len(numeric)
    return "", 0


def reward_table(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node  # variable_declarator / public_field_definition / pair
    name_node = node.child_by_field_name("name") or node.child_by_field_name("key") or node.child_by_field_name("property")
    value = node.child_by_field_name("value")
    if name_node is None or value is None:
        return False
    name = text(name_node).strip("'\"")
    if not REWARD_TABLE_NAME.search(norm_name(name)):
        return False
    kind, size = _collection_size(value)
    if size < 3:
        return False
    if "multiplier" in name.lower() or "streak" in name.lower() or "bonus" in name.lower():
        what = "rewards that grow with the streak"
    else:
        what = "a reward for each consecutive login day"
    return Verdict(message=f"daily-login reward table '{name}' ({what})")


SCALED_TARGET = re.compile(r"(?:^|_)(?:rewards?|bonus(?:es)?|coins?|gems?|xp|exp|points?|payout|amount|gold|credits?|tokens?|multiplier|mult)(?:$|_)")


def _streak_count_operand(node: Node | None) -> str | None:
    """`streak`, `user.loginStreak`, `(streak - 1)`, `Math.min(streak, 7)`: the count of days itself."""
    if node is None:
        return None
    node = _strip(node)
    if node.type in ("identifier", "member_expression", "subscript_expression"):
        tokens = _name_tokens(node)
        return tokens[-1] if tokens and is_streak_name(tokens[-1]) else None
    if node.type == "binary_expression" and _op(node) in ("+", "-"):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if _strip(right).type == "number":
            return _streak_count_operand(left)
        if _strip(left).type == "number":
            return _streak_count_operand(right)
    if node.type == "call_expression" and callee_name(node) in ("min", "max", "floor", "ceil", "round", "Number"):
        args = node.child_by_field_name("arguments")
        for a in args.named_children if args is not None else []:
            name = _streak_count_operand(a)
            if name:
                return name
    return None


def scaled_reward(ctx: CheckContext) -> "Verdict | bool":
    """`const reward = BASE + streak * STREAK_BONUS`, `bonus = Math.min(streak * 10, 100)`."""
    node = ctx.node
    if node.type == "variable_declarator":
        target, value = node.child_by_field_name("name"), node.child_by_field_name("value")
    elif node.type in ("assignment_expression", "augmented_assignment_expression"):
        target, value = node.child_by_field_name("left"), node.child_by_field_name("right")
    elif node.type == "pair":
        target, value = node.child_by_field_name("key"), node.child_by_field_name("value")
    else:
        return False
    if target is None or value is None:
        return False
    tname = norm_name(text(target).split(".")[-1])
    if not SCALED_TARGET.search(tname) or is_streak_name(tname) or "streak" in tname and "bonus" not in tname and "multiplier" not in tname:
        if not ("streak" in tname and ("bonus" in tname or "multiplier" in tname or "reward" in tname)):
            return False
    value = _strip(value)
    if len(text(value)) > 200:
        return False
    # the streak count itself is multiplied: `streak * 25`, `(streak - 1) * 50`, `user.loginStreak * BONUS`
    streaky = []
    for n in walk(value):
        if n.type == "binary_expression" and _op(n) == "*":
            for side in (n.child_by_field_name("left"), n.child_by_field_name("right")):
                name = _streak_count_operand(side)
                if name:
                    streaky.append(name)
    if not streaky:
        return False
    # the streak must be a daily one: the file speaks of daily logins / claims / yesterday,
    # and the function is not about monthly or weekly streaks
    if not DAILY_CONTEXT.search(ctx.data.decode("utf-8", "replace")[:200000]):
        return False
    scope_text = text(scope_of(node))[:20000] if scope_of(node).parent is not None else text(node)
    if re.search(r"month|week", scope_text, re.I) and not re.search(r"daily|\bday|login|yesterday", scope_text, re.I):
        return False
    return Verdict(message=f"'{text(target)}' grows with the streak '{streaky[0]}' (a bigger reward for every consecutive day)")


# --------------------------------------------------------------------------- streak freezes that are sold

FREEZE_ITEM = re.compile(
    r"(?:^|_)streak_(?:freeze|freezer|repair|shield|saver|restore|restorer|insurance|protector|protection|revive|rescue|recovery|recover|potion|pass)s?(?:$|_)"
    r"|(?:^|_)(?:freeze|repair|restore|revive|recover|rescue)_(?:the_|your_|my_)?streaks?(?:$|_)"
)
PRICE_KEY = re.compile(r"^(?:price|cost|costs|gem_?cost|coin_?cost|gem_?price|coin_?price|price_?\w+|cost_?\w+|\w+_price|\w+_cost|gems|coins|lingots|sparks|diamonds|amount|currency_?amount)$", re.I)
BUY_FN = re.compile(
    r"^(?:handle_?)?(?:buy|purchase|order|redeem|acquire|checkout|spend_\w+_on|pay_for)_(?:a_|an_|one_)?(?:\w+_)?(?:streak_)?(?:freeze|freezes|repair|shield|saver|restore|revive)(?:_\w+)?$"
    r"|^(?:handle_?)?(?:buy|purchase)_?(?:back_)?streak(?:_\w+)?$"
    r"|^(?:handle_?)?(?:repair|restore|revive|recover|rescue|buy_back|buyback)_(?:the_|your_|my_)?streak(?:_\w+)?$"
    r"|^streak_(?:freeze|repair|restore|shield|saver)_(?:purchase|buy|checkout|order)$"
)
COST_WORDS = re.compile(r"gems?\b|coins?\b|cost|price|balance|currency|sparks?|lingots?|diamonds?|purchase|payment|stripe|checkout|iap|in_?app|spend|deduct|wallet|credits?|rewarded_?ad|watch_?ad|show_?ad|premium|subscription", re.I)
SHOP_CONTEXT = re.compile(r"price|cost|shop|store|catalog|market|spend|purchas|buy|item", re.I)


def freeze_object(ctx: CheckContext) -> "Verdict | bool":
    """A shop item: `{ id: 'streak_freeze', price: 200 }`, also in JSON and YAML."""
    node = ctx.node
    pairs = _pairs_of(node)
    if not pairs:
        return False
    holder = node.parent
    while holder is not None and holder.type in ("block_node", "flow_node"):
        holder = holder.parent
    if holder is not None and holder.type in ("pair", "block_mapping_pair", "flow_pair") and FREEZE_ITEM.search(norm_name(_plain(holder.child_by_field_name("key")))):
        return False  # `streak_freeze: { cost: 50 }`: reported once, at the key
    item = None
    priced = False
    for key, value in pairs:
        k = _plain(key)
        v = _plain(value) if value is not None else ""
        if FREEZE_ITEM.search(norm_name(k)) and value is not None and value.type in ("object", "block_mapping", "flow_mapping", "block_node", "flow_node"):
            continue  # a nested item object is judged on its own
        if (value is not None and _is_textual(value) and len(v) < 60 and FREEZE_ITEM.search(norm_name(v))) or (
            k in ("id", "key", "type", "sku", "slug", "item", "itemId", "item_id", "kind", "name", "productId", "product_id") and FREEZE_ITEM.search(norm_name(v))
        ):
            item = v
        if PRICE_KEY.match(k) and value is not None and re.search(r"\d|[A-Za-z_]", v) and v.lower() not in ("0", "null", "none", "false", "free", "undefined"):
            priced = True
    if item and priced:
        return Verdict(message=f"a streak protection item ('{item}') is sold for in-app currency or money")
    return False


def freeze_price_entry(ctx: CheckContext) -> "Verdict | bool":
    """`ITEM_PRICES = { streak_freeze: 200 }` / `"streakFreeze": { "cost": 10 }` inside a price map."""
    node = ctx.node
    key, value = _pair_parts(node)
    if key is None or value is None:
        return False
    k = _plain(key)
    if not FREEZE_ITEM.search(norm_name(k)):
        return False
    v = _plain(value)
    container_name = _container_name(node)
    if re.fullmatch(r"\s*[1-9][\d_.]*\s*", v) and SHOP_CONTEXT.search(container_name or ""):
        return Verdict(message=f"streak protection '{k}' has a price ({v.strip()}) in '{container_name}'")
    if value.type in ("object", "block_node", "block_mapping", "flow_mapping", "flow_node"):
        for pk, pv in _pairs_of(value):
            if PRICE_KEY.match(_plain(pk)) and pv is not None and re.fullmatch(r"\s*[1-9][\d_.]*\s*", _plain(pv)):
                return Verdict(message=f"streak protection '{k}' has a price ({_plain(pv)})")
    return False


def freeze_function(ctx: CheckContext) -> "Verdict | bool":
    """A function that buys a streak freeze / repair, or a call to one."""
    node = ctx.node
    if node.type == "call_expression":
        name = callee_name(node)
        n = norm_name(name)
        if BUY_FN.search(n) and re.search(r"streak|freeze", n) and re.search(r"(?:^|_)(?:buy|purchase|order|checkout|pay)", n):
            return Verdict(message=f"'{name}()' sells a streak freeze / repair")
        return False
    fn = node
    if node.type in ("variable_declarator", "pair", "public_field_definition", "field_definition"):
        fn = node.child_by_field_name("value")
        if fn is not None and fn.type == "call_expression":  # useCallback(async () => ...)
            args = fn.child_by_field_name("arguments")
            fn = next((a for a in (args.named_children if args else []) if a.type in FUNCTION_TYPES), None)
        if fn is None or fn.type not in FUNCTION_TYPES:
            return False
        name = text(node.child_by_field_name("name") or node.child_by_field_name("key") or node.child_by_field_name("property"))
    else:
        name = function_name(node)
    n = norm_name(name.strip("'\""))
    if not BUY_FN.search(n) or not re.search(r"streak|freeze", n):
        return False
    body = text(fn)
    if re.search(r"(?:^|_)(?:buy|purchase|order|checkout|pay)", n) or COST_WORDS.search(body):
        return Verdict(message=f"'{name}' sells a streak freeze / repair (a paid way to keep the streak)")
    return False


def freeze_switch_case(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    value = node.child_by_field_name("value")
    if value is None or not FREEZE_ITEM.search(norm_name(_string_value(value))):
        return False
    fn = scope_of(node)
    fname = norm_name(function_name(fn))
    if re.search(r"buy|purchase|shop|redeem|spend|order|checkout|store", fname) or re.search(r"price|cost|gems|coins", text(fn)[:20000], re.I):
        return Verdict(message=f"streak protection '{_string_value(value)}' is sold in a shop handler ('{function_name(fn) or 'purchase'}')")
    return False


FREEZE_ENDPOINT = re.compile(r"streak[-_]?(?:freeze|repair|shield|saver|restore)s?/(?:purchase|buy|checkout|order)|(?:purchase|buy|shop|store)/streak[-_]?(?:freeze|repair|shield|saver|restore)", re.I)


# --------------------------------------------------------------------------- loss-aversion text

_POSS = r"(?:your|the|this|that|their|his|her|my|ur|a|an|his/her)"
_NP = _POSS + r"\s+(?:[^\s]+\s+){0,3}?streaks?\b"
_NP_STRICT = r"(?:your|the|this|their|my|ur)\s+(?:[^\s]+\s+){0,3}?streaks?\b"
LOSS_PATTERNS = [
    rf"\b(?:don'?t|do\s+not|dont|never|doesn'?t|won'?t|shouldn'?t)\s+(?:want\s+to\s+)?(?:lose|break|ruin|waste|kill|end|drop|blow|forfeit|miss\s+out\s+on|let\s+go\s+of|throw\s+away|sacrifice)\s+{_NP}",
    rf"\b(?:don'?t|do\s+not|dont|never)\s+let\s+{_NP}\s+(?:die|end|slip|go\b|break|reset|expire|burn\s+out|fizzle|disappear|freeze|run\s+out|lapse|fade|vanish|drop|melt|be\s+lost|go\s+cold|go\s+out|snap)",
    r"\bstreaks?\s+(?:is\s+|are\s+|'s\s+|will\s+be\s+|now\s+|still\s+)?(?:at\s+risk|in\s+danger|on\s+the\s+line|in\s+jeopardy|under\s+threat|at\s+stake|slipping(?:\s+away)?\b)",
    r"\bstreaks?\s+(?:is\s+|'s\s+|are\s+)?(?:about\s+to|going\s+to|set\s+to|due\s+to)\s+(?:end|break|expire|reset|be\s+lost|die|disappear|freeze|run\s+out|lapse|vanish)",
    r"\bstreaks?\s+(?:is\s+|'s\s+)?(?:ending|expiring|resetting|breaking|dying|disappearing)(?:\s+(?:soon|tonight|today|in|at))",
    r"\bstreaks?\s+(?:will\s+|would\s+|could\s+|might\s+|may\s+)?(?:end|ends|expire|expires|reset|resets|break|breaks|die|dies|disappear|disappears|be\s+lost|be\s+reset|be\s+broken|freeze|freezes|run\s+out|runs\s+out|go\s+back\s+to\s+(?:0|zero))\s+(?:in\b|at\b|soon|tonight|today|tomorrow|at\s+midnight|if\b|unless\b|when\b|before\b|after\b|otherwise|N\b|\d)",
    rf"\b(?:you'?ll|you\s+will|you'?re\s+(?:going|about)\s+to|you\s+are\s+(?:going|about)\s+to|or\s+(?:you'?ll\s+|you\s+will\s+)?|could|might|may|to\s+avoid|avoid|before\s+you|risk|risking|at\s+risk\s+of)\s+(?:lose|losing|break|breaking|lose\s+out\s+on)\s+{_NP}",
    rf"\b(?:keep|save|protect|rescue|preserve|guard|defend|secure|salvage)\s+{_NP_STRICT}(?!\s+(?:count|counter|stats?|history|data|record|calendar|freeze|freezes|shield|repair)\b)",
    rf"\b(?:keep|keeps|keeping)\s+{_NP_STRICT}\s+(?:alive|going|intact|burning|lit|on\s+fire|rolling|unbroken)",
    r"\bdon'?t\s+break\s+the\s+chain\b",
    rf"\bbefore\s+{_NP}\s+(?:ends|resets|expires|breaks|is\s+gone|disappears|dies|runs\s+out|is\s+lost|freezes)",
    r"\b(?:last\s+chance|time\s+is\s+running\s+out|running\s+out\s+of\s+time|hurry|(?:only\s+)?(?:N|\d+)\s+(?:hours?|hrs?|minutes?|mins?)\s+(?:left|remaining|to\s+go))\b.{0,80}\bstreak",
    r"\bstreak\b.{0,80}\b(?:last\s+chance|(?:N|\d+)\s+(?:hours?|hrs?|minutes?|mins?)\s+(?:left|remaining)|before\s+midnight|until\s+midnight|time\s+is\s+running\s+out)",
    rf"\bor\s+(?:lose|you\s+lose|you'?ll\s+lose)\s+(?:it|{_NP})",
    rf"\b(?:or|otherwise|else|or\s+else)\s*,?\s+{_NP}\s+(?:will\s+|would\s+)?(?:end|ends|reset|resets|break|breaks|expire|expires|die|dies|is\s+lost|be\s+lost|goes\s+back|go\s+back|disappears?|freezes?)\b",
    r"\bstreaks?\s+(?:will\s+)?(?:resets?|goes\s+back|go\s+back|drops?|falls?)\s+(?:to|back\s+to)\s+(?:day\s+)?(?:N|0|zero|one|nothing)\b",
    # Spanish
    r"\bno\s+(?:pierdas|rompas|dejes\s+morir)\s+(?:tu|la|su)\s+(?:[^\s]+\s+){0,2}?racha",
    r"\b(?:tu|la|su)\s+racha\s+(?:[^\s]+\s+){0,4}?(?:est[aá]\s+en\s+(?:peligro|riesgo)|se\s+(?:acaba|termina|pierde|romper[aá]|perder[aá]|reinicia)|termina\s+(?:en|hoy|a)|expira|va\s+a\s+(?:terminar|acabar|romperse|expirar|perderse))",
    r"\b(?:mant[eé]n|salva|no\s+pierdas)\s+(?:tu|la|su)\s+(?:[^\s]+\s+){0,2}?racha",
    r"\bperder[aá]s\s+(?:tu|la|su)\s+(?:[^\s]+\s+){0,2}?racha",
    # Portuguese
    r"\bn[aã]o\s+(?:perca|quebre|deixe\s+morrer)\s+(?:a\s+|o\s+)?(?:sua|seu|tua|teu)\s+(?:[^\s]+\s+){0,2}?(?:ofensiva|sequ[eê]ncia|streak)",
    r"\b(?:sua|seu|a)\s+(?:ofensiva|sequ[eê]ncia|streak)\s+(?:[^\s]+\s+){0,3}?(?:est[aá]\s+em\s+(?:risco|perigo)|vai\s+(?:acabar|terminar|expirar|quebrar|zerar)|termina\s+(?:em|hoje)|expira|acaba\s+(?:em|hoje))",
    r"\b(?:mantenha|proteja|salve|preserve)\s+(?:a\s+|o\s+)?(?:sua|seu)\s+(?:[^\s]+\s+){0,2}?(?:ofensiva|sequ[eê]ncia|streak)",
    # German
    r"\bverlier(?:e)?\s+(?:nicht\s+)?(?:deine|deinen|ihre|ihren)\s+(?:[^\s]+\s+)?(?:serie|strähne|streak|lernserie|tagesserie)",
    r"\b(?:deine|dein|ihre|ihr)\s+(?:[^\s]+\s+)?(?:serie|strähne|streak|lernserie|tagesserie)\s+(?:[^\s]+\s+){0,3}?(?:ist\s+in\s+gefahr|endet|läuft\s+ab|reißt|geht\s+verloren|wird\s+zurückgesetzt|bricht\s+ab)",
    r"\b(?:rette|halte|schütze|sichere|retten\s+sie|halten\s+sie)\s+(?:deine|deinen|ihre|ihren)\s+(?:[^\s]+\s+)?(?:serie|strähne|streak|lernserie|tagesserie)",
    # French
    r"\bne\s+(?:perds|perdez|casse|cassez|brise|brisez|laisse|laissez)\s+pas\s+(?:ta|votre|ton)\s+(?:[^\s]+\s+)?(?:s[ée]rie|streak|flamme)",
    r"\b(?:ta|votre|ton)\s+(?:s[ée]rie|streak)\s+(?:[^\s]+\s+){0,3}?(?:est\s+en\s+danger|va\s+(?:se\s+terminer|prendre\s+fin|expirer|s'arr[eê]ter)|se\s+termine|expire|prend\s+fin)",
    r"\b(?:sauve|sauvez|garde|gardez|prot[ée]gez|maintiens|maintenez|conservez)\s+(?:ta|votre|ton)\s+(?:[^\s]+\s+)?(?:s[ée]rie|streak)",
    # Italian / Dutch
    r"\bnon\s+perdere\s+(?:la\s+tua|il\s+tuo)\s+(?:[^\s]+\s+)?(?:serie|streak)",
    r"\b(?:la\s+tua|il\s+tuo)\s+(?:serie|streak)\s+(?:[^\s]+\s+){0,3}?(?:[eè]\s+in\s+pericolo|sta\s+per\s+(?:finire|scadere|terminare|interrompersi)|scade|finisce)",
    r"\b(?:mantieni|salva|proteggi)\s+(?:la\s+tua|il\s+tuo)\s+(?:[^\s]+\s+)?(?:serie|streak)",
    r"\bverlies\s+(?:je|jouw|uw)\s+(?:[^\s]+\s+)?(?:reeks|streak)\s+niet",
    r"\b(?:je|jouw|uw)\s+(?:[^\s]+\s+)?(?:reeks|streak)\s+(?:[^\s]+\s+){0,3}?(?:loopt\s+gevaar|eindigt|verloopt|staat\s+op\s+het\s+spel)",
    r"\b(?:houd|hou|red|bescherm)\s+(?:je|jouw|uw)\s+(?:[^\s]+\s+)?(?:reeks|streak)",
]
LOSS_RE = re.compile("|".join(f"(?:{p})" for p in LOSS_PATTERNS), re.I)
SALE_PATTERNS = [
    r"\b(?:buy|purchase|equip|order)\s+(?:a\s+|an\s+|one\s+|another\s+|more\s+|N\s+|\d+\s+|x?\d+\s+)?streak\s+(?:freeze|repair|shield|saver|protector|insurance|restore|revive)s?\b",
    r"\b(?:repair|restore|revive|recover|rescue|save|fix|mend|buy\s+back)\s+(?:your|the|this)?\s*(?:[^\s]+\s+){0,2}?streak\s+(?:for|with)\s+(?:only\s+|just\s+)?(?:N|\d+|a\s+few|some)\b",
    r"\bstreak\s+(?:freeze|repair|shield|saver|restore)s?\b\s*(?:[-–—:(]|costs?|for|x?N\b|\d)\s*(?:only\s+)?(?:N|\d+)\s*(?:gems?|coins?|lingots?|diamonds?|sparks?|credits?|tokens?|points?|💎|🪙|\$|€|usd|eur|gold)",
]
SALE_RE = re.compile("|".join(f"(?:{p})" for p in SALE_PATTERNS), re.I)
RISK_KEY = re.compile(
    r"streaks?_(?:at_risk|in_danger|warning|warn|expir\w*|ending|ends_soon|about_to\w*|lose|losing|danger|last_chance|reminder_urgent|deadline|will_end|will_reset|break_warning)(?:$|_(?:title|body|message|text|subtitle|description|desc|headline|push|notification|email|subject|banner|toast))"
    r"|(?:at_risk|danger|expiring|ending|losing)_(?:your_)?streaks?(?:$|_)|dont_(?:lose|break)_(?:your_)?streak"
)
SILENCED_CONTAINERS = re.compile(r"forbid|banned|\bban|block|deny|avoid|guilt|never|disallow|anti|bad|dark|shame|not_?allowed|blacklist|reject|prohibit|guard", re.I)
LOG_CALLEES = re.compile(r"^(?:log|debug|trace|info|warn|error|verbose|silly)$")
LOG_OBJECTS = re.compile(r"^(?:console|logger|log|Logger|winston|pino|debug|Sentry|crashlytics|analytics)$")


TEXT_PREFILTER = re.compile(r"streak|racha|ofensiva|sequ[eê]ncia|serie|série|strähne|reeks|break the chain", re.I)


def normalize_text(s: str) -> str:
    s = s.replace("\\'", "'").replace('\\"', '"').replace("\\n", " ")
    s = re.sub(r"&(?:#39|#x27|apos|rsquo|lsquo);", "'", s)
    s = re.sub(r"&(?:nbsp|#160);", " ", s)
    s = re.sub(r"&[a-z]+;", " ", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("\u00a0", " ")
    s = re.sub(r"<[^<>]{0,200}>", " ", s)  # markup inside strings (emails, innerHTML)
    for _ in range(4):
        new = re.sub(r"\$\{[^{}]*\}|\{\{[^{}]*\}\}|\{[^{}]*\}", " N ", s)
        if new == s:
            break
        s = new
    s = re.sub(r"%\(?\w*\)?[sd]|%\{\w+\}|(?<![\w:]):\w+(?=[\s\-.,!?]|$)|\$\d", " N ", s)
    s = re.sub(r"\b\d+\b", " N ", s)
    s = re.sub(r"\s+", " ", s)
    return s.strip()


def classify_text(raw: str) -> str | None:
    """'loss' / 'sale' for a user-facing text about a streak, else None."""
    if "streak" not in raw.lower() and not re.search(r"racha|ofensiva|sequ[eê]ncia|serie|série|strähne|reeks|chain", raw, re.I):
        return None
    if len(raw) > 4000:
        raw = raw[:4000]
    s = normalize_text(raw)
    if _own_match(SALE_RE, s):
        return "sale"
    if PROTECTION_WORDS.search(s):
        return None  # describes a freeze / saved day / grace period: the safeguard, not the threat
    if GAME_WORDS.search(s) and not DAILY_WORDS.search(s):
        return None  # a streak of correct picks or wins, not of days
    if _own_match(LOSS_RE, s):
        return "loss"
    return None


# A safeguard told as an allowance: "you can miss one day and do not lose a streak", "skip a day without
# losing your streak" (and the French, Dutch, German, Spanish and Portuguese wordings); not "you can't miss a day".
MISS_ALLOWED = re.compile(
    r"\b(?:can|may|could|are\s+allowed\s+to|get\s+to)\s+(?:still\s+|safely\s+)?(?:miss|skip)\s+(?:one|a|1|two|2|N|a\s+single|up\s+to\s+(?:one|two|N|\d))\s+days?\b"
    r"|\b(?:miss(?:ing)?|skip(?:ping)?)\s+(?:one|a|1|N|a\s+single)\s+days?\s+(?:without\s+(?:losing|breaking|resetting|hurting|affecting)|and\s+(?:still\s+)?keep)\b"
    r"|\b(?:pouvez|peux|pourrez)\s+(?:manquer|sauter|rater)\s+(?:un|1)\s+jour"
    r"|\b(?:kun|kunt|mag|mogen)\s+(?:je|u|jij)\s+(?:één|een|1)\s+dag\s+(?:overslaan|missen)"
    r"|\b(?:kannst|können|darfst|dürfen)\s+(?:du\s+|sie\s+)?(?:einen|1)\s+Tag\s+(?:auslassen|verpassen|überspringen|aussetzen)"
    r"|\b(?:puedes|puede|podés|pode|podes)\s+(?:saltarte|saltar|perder|faltar|pular)\s+(?:un|um|1)\s+d[ií]a",
    re.I,
)
PROTECTION_WORDS = re.compile(r"\bstreak\s+(?:freeze|freezes|saver|savers|shield|shields|repair|insurance)\b|\bsaved\s+days?\b|\bgrace\s+(?:period|day)|\brest\s+days?\b|\bfreezes?\b.{0,40}\b(?:protects?|keeps?|saves?)\b"
                              "|" + MISS_ALLOWED.pattern, re.I)
GAME_WORDS = re.compile(r"\b(?:wrong|picks?|answers?|correct(?:ly)?|questions?|wins?|won|winning|loss(?:es)?|bets?|guess(?:es)?|kills?|combos?|opponents?|matches)\b", re.I)
DAILY_WORDS = re.compile(r"\b(?:day|days|daily|today|today's|tonight|tomorrow|midnight|hours?|login|log\s+in|week|weekly)\b", re.I)


QUOTES_OPEN = "\"'“‘«`"
QUOTES_CLOSE = "\"'”’»`"


def _own_match(regex: re.Pattern[str], s: str) -> bool:
    """A match that the text says itself: not a phrase it quotes ("Duolingo found that 'You'll
    lose your streak!' works"), and not the idiom of a winning streak."""
    for m in regex.finditer(s):
        phrase = m.group(0)
        if re.search(r"(?i)\b(?:winning|win|hot|lucky|losing|cold|kill)\s+streaks?\b", phrase):
            continue
        before = s[: m.start()].rstrip()
        after = s[m.end(): m.end() + 40]
        if before and before[-1] in QUOTES_OPEN and re.search(r"[\"”’»`]|'(?!\w)", after):
            continue
        return True
    return False


def _key_path(node: Node) -> str:
    """`streak.at_risk` for the value of key at_risk inside key streak (JSON, YAML, JS objects)."""
    keys = []
    cur = node
    for _ in range(6):
        parent = cur.parent
        if parent is None:
            break
        if parent.type in ("pair", "block_mapping_pair", "flow_pair") and cur != parent.child_by_field_name("key"):
            k = parent.child_by_field_name("key")
            if k is not None:
                keys.append(_plain(k))
            if len(keys) >= 2:
                break
        cur = parent
    return "_".join(norm_name(k) for k in reversed(keys))


def _word_count(s: str) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", s))


def _silenced(node: Node) -> bool:
    """Text that the code itself marks as copy to avoid (a list of banned phrases, a negative
    test assertion), or text sent to a log."""
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES or a.type in ("program", "document", "stream"):
            break
        if a.type == "call_expression":
            func = a.child_by_field_name("function")
            if func is not None and func.type == "member_expression":
                obj = _strip(func.child_by_field_name("object"))
                prop = text(func.child_by_field_name("property"))
                if LOG_OBJECTS.match(text(obj).split(".")[-1]) and LOG_CALLEES.match(prop):
                    return True
                if ".not." in text(func) or text(func).endswith(".not"):
                    return True
                if prop in ("toContain", "toMatch", "includes") and "not" in text(func):
                    return True
            elif func is not None and text(func) in ("describe", "it", "test", "debug", "log"):
                return True
        if a.type in ("variable_declarator", "pair", "block_mapping_pair", "assignment_expression"):
            name = a.child_by_field_name("name") or a.child_by_field_name("key") or a.child_by_field_name("left")
            if name is not None and SILENCED_CONTAINERS.search(_plain(name)):
                return True
    return False


def _near_streak_key(node: Node) -> bool:
    cur = node
    for _ in range(6):
        parent = cur.parent
        if parent is None:
            return False
        if parent.type in ("pair", "block_mapping_pair", "flow_pair") and cur != parent.child_by_field_name("key"):
            key = parent.child_by_field_name("key")
            if key is not None and "streak" in text(key).lower():
                return True
        cur = parent
    return False


# A feature confirmed, described or asked about rather than a message that presses: "You will receive daily reminders
# to keep your streak alive!" (after the person switched reminders on), "Smart nudges when you're about to break a
# streak" (a feature list), "Tips to protect my streak" (a question the person picks to ask for advice).
FEATURE_TEXT = re.compile(
    r"^\W*(?:you(?:'ll|\s+will)\s+(?:now\s+)?(?:receive|get|be\s+sent)\s+(?:[\w-]+\s+){0,2}?(?:reminders?|notifications?|alerts?|nudges?)\b"
    r"|(?:[\w-]+\s+){0,2}?(?:reminders?|notifications?|alerts?|warnings?|nudges?)\s+(?:when|if|before|whenever)\b"
    r"|(?:tips?|ideas?|ways|advice|help)\s+(?:to|for|on)\b|how\s+(?:to|do\s+i|can\s+i)\b)",
    re.I,
)


def _report_text(node: Node, raw: str, context: str = "") -> "Verdict | bool":
    if not TEXT_PREFILTER.search(raw) and not _near_streak_key(node):
        return False
    if context and GAME_WORDS.search(normalize_text(context)) and not DAILY_WORDS.search(normalize_text(context)):
        return False
    kind = classify_text(raw)
    snippet = " ".join(raw.split())
    if len(snippet) > 60:
        snippet = snippet[:59] + "…"
    if kind is None:
        path = _key_path(node)
        if path and RISK_KEY.search(path) and _word_count(normalize_text(raw)) >= 3 and not re.match(r"^\s*(?:https?:|/|\w+\.\w+$)", raw):
            kind = "keyed"
    if kind is None or _silenced(node):
        return False
    if kind == "loss" and FEATURE_TEXT.match(normalize_text(raw)):
        return False  # "You will receive daily reminders to keep your streak alive!": a feature confirmed or described
    if kind == "sale":
        return Verdict(message=f"text sells a way to keep the streak: \"{snippet}\"")
    if kind == "keyed":
        return Verdict(message=f"streak-at-risk message ('{_key_path(node)}'): \"{snippet}\"")
    return Verdict(message=f"text uses the fear of losing a streak: \"{snippet}\"")


SQL_STREAK = re.compile(
    r"\b(\w*streak\w*|consecutive_days|login_days)\s*=\s*(?:CASE\s+WHEN|IF\s*\(|IIF\s*\()(?=[^;]{0,400}?\+\s*1)(?=[^;]{0,400}?(?:INTERVAL\s*'?1\s*day|INTERVAL\s+1\s+DAY|DATE_SUB|date\(\s*'now'\s*,\s*'-1\s*day'|CURRENT_DATE\s*-\s*1|yesterday|DATEADD\s*\(\s*day\s*,\s*-1))",
    re.I,
)


def loss_text_string(ctx: CheckContext) -> "Verdict | bool":
    """JS/TS string and template literals (notification payloads, toasts, i18n objects)."""
    node = ctx.node
    if node.parent is not None and node.parent.type != "pair":
        m = SQL_STREAK.search(_string_value(node))
        if m:
            return Verdict(message=f"SQL update grows '{m.group(1)}' when the last visit was yesterday and resets it otherwise")
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "pair" and node == parent.child_by_field_name("key"):
        return False
    if parent.type in ("import_statement", "export_statement") or (
        parent.type == "arguments" and parent.parent is not None and callee_name(parent.parent) in ("require", "import")
    ):
        return False
    # "Don't lose your " + n + "-day streak": judge the whole concatenation once, at its first string
    top = node
    while top.parent is not None and top.parent.type == "binary_expression" and _op(top.parent) == "+":
        top = top.parent
    if top is not node:
        strings = [n for n in walk(top) if n.type in ("string", "template_string") and TEXT_PREFILTER.search(text(n))]
        if not strings or strings[0] != node:
            return False
        raw = " ".join(_string_value(n) if n.type in ("string", "template_string") else " N " for n in _concat_parts(top))
    else:
        raw = _string_value(node)
    if node.type == "template_string" and parent.type == "call_expression" and callee_name(parent) in ("sql", "gql", "css", "html", "styled"):
        return _report_text(node, raw) if callee_name(parent) == "html" else False
    return _report_text(node, raw)


def _concat_parts(node: Node) -> list[Node]:
    node = _strip(node)
    if node.type == "binary_expression" and _op(node) == "+":
        return _concat_parts(node.child_by_field_name("left")) + _concat_parts(node.child_by_field_name("right"))
    return [node]


def _element_text(node: Node, text_types: tuple[str, ...], element_types: tuple[str, ...], expr_types: tuple[str, ...]) -> str:
    parts = []
    for child in node.children:
        if child.type in text_types:
            parts.append(text(child))
        elif child.type in expr_types:
            parts.append(" N ")
        elif child.type in element_types:
            parts.append(_element_text(child, text_types, element_types, expr_types))
    return "".join(parts)


def loss_text_jsx(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    kinds = ("jsx_text", "html_character_reference")
    elems = ("jsx_element",)
    raw = _element_text(node, kinds, elems, ("jsx_expression",))
    if not classify_text(raw):
        return False
    # report the innermost element whose own text says it
    for child in node.named_children:
        if child.type == "jsx_element" and classify_text(_element_text(child, kinds, elems, ("jsx_expression",))):
            return False
    parent = node.parent
    while parent is not None and parent.type != "jsx_element":
        parent = parent.parent if parent.type in ("jsx_expression", "parenthesized_expression", "binary_expression", "ternary_expression") else None
    context = _element_text(parent, kinds, elems, ("jsx_expression",)) if parent is not None else ""
    return _report_text(node, raw, context)


def loss_text_html(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    if node.type in ("attribute_value", "quoted_attribute_value"):
        attr = node.parent if node.type == "attribute_value" else node
        while attr is not None and attr.type != "attribute":
            attr = attr.parent
        name = text(attr.named_children[0]) if attr is not None and attr.named_children else ""
        if re.match(r"^(?:class|style|id|href|src|v-if|v-show|v-for|:class|:style|key|:key|ref|data-testid)$", name):
            return False
        raw = text(node)
        if node.type == "quoted_attribute_value" and len(raw) >= 2 and raw[0] in "'\"" and raw[-1] == raw[0]:
            raw = raw[1:-1]
        if name.startswith((":", "v-bind:", "[")) or name.startswith("{"):
            m = re.findall(r"'([^']*)'|\"([^\"]*)\"|`([^`]*)`", raw)
            raw = " ".join("".join(g) for g in m) or ""
        return _report_text(node, raw)
    if node.type in ("element",):
        texts = ("text", "entity")
        raw = _element_text(node, texts, ("element",), ())
        if not classify_text(raw):
            return False
        for child in node.named_children:
            if child.type == "element" and classify_text(_element_text(child, texts, ("element",), ())):
                return False
        parent = node.parent
        context = _element_text(parent, texts, ("element",), ()) if parent is not None and parent.type == "element" else ""
        return _report_text(node, raw, context)
    return False


def loss_text_data(ctx: CheckContext) -> "Verdict | bool":
    """JSON and YAML string values (i18n message files, notification payload files)."""
    node = ctx.node
    parent = node.parent
    if parent is not None and parent.type == "pair" and node == parent.child_by_field_name("key"):
        return False
    if parent is not None and parent.type == "flow_node":
        gp = parent.parent
        if gp is not None and gp.type in ("block_mapping_pair", "flow_pair") and parent == gp.child_by_field_name("key"):
            return False
    raw = _plain(node)
    # Game dialogue ("Your first 5-combo!", "Combos multiply your damage. Keep the streak alive!")
    # speaks of a streak in play, not of days: the string, its sibling lines and its key are
    # its context.
    siblings = text(parent) if parent is not None and parent.type in ("array", "flow_sequence", "block_sequence") else raw
    key = re.sub(r"[_\-.]+", " ", _key_path(node) or "")
    return _report_text(node, raw, context=f"{siblings} {key}")


# --------------------------------------------------------------------------- JSON / YAML / JS object helpers


def _plain(node: Node | None) -> str:
    """The string a key or scalar stands for, without quotes."""
    if node is None:
        return ""
    if node.type in ("flow_node", "block_node") and node.named_children:
        node = node.named_children[0]
    t = text(node)
    if node.type in ("string", "double_quote_scalar", "single_quote_scalar", "template_string"):
        return t[1:-1] if len(t) >= 2 else t
    if node.type == "block_scalar":
        return re.sub(r"^[|>][-+0-9]*\s*", "", t)
    return t


def _is_textual(node: Node) -> bool:
    if node.type in ("flow_node", "block_node") and node.named_children:
        node = node.named_children[0]
    return node.type in ("string", "template_string", "plain_scalar", "double_quote_scalar", "single_quote_scalar", "block_scalar")


def _pair_parts(node: Node) -> tuple[Node | None, Node | None]:
    if node.type in ("pair", "block_mapping_pair", "flow_pair"):
        return node.child_by_field_name("key"), node.child_by_field_name("value")
    return None, None


def _pairs_of(node: Node) -> list[tuple[Node, Node | None]]:
    if node.type in ("block_node", "flow_node") and node.named_children:
        node = node.named_children[0]
    out = []
    for c in node.named_children:
        if c.type in ("pair", "block_mapping_pair", "flow_pair"):
            k, v = _pair_parts(c)
            if k is not None:
                out.append((k, v))
    return out


def _container_name(node: Node) -> str:
    """Name of the object literal / mapping that holds a pair (its variable or key)."""
    obj = node.parent
    while obj is not None and obj.type in ("block_mapping", "block_node", "flow_mapping", "flow_node"):
        if obj.parent is not None and obj.parent.type in ("block_mapping_pair", "flow_pair", "variable_declarator", "pair"):
            break
        obj = obj.parent
    if obj is None:
        return ""
    holder = obj.parent
    if holder is None:
        return ""
    if holder.type == "variable_declarator":
        return text(holder.child_by_field_name("name"))
    if holder.type in ("pair", "block_mapping_pair", "flow_pair"):
        return _plain(holder.child_by_field_name("key"))
    if holder.type == "assignment_expression":
        return text(holder.child_by_field_name("left"))
    return ""


def freeze_endpoint(ctx: CheckContext) -> "Verdict | bool":
    raw = _string_value(ctx.node)
    if FREEZE_ENDPOINT.search(raw):
        return Verdict(message=f"request buys a streak freeze / repair ('{raw[:50]}')")
    return False


# --------------------------------------------------------------------------- mitigation: free safeguard

# A free safeguard: a grace period, rest / sick days, a pause or vacation mode, or streak
# freezes that are given for free (`FREE_FREEZES_PER_WEEK`, `grantFreeStreakFreeze`, "free streak freeze").
FREE_SAFEGUARD = re.compile(
    r"grace_?(?:period|days?|hours?|window)|rest_?days?|skip_?days?|vacation_?mode|holiday_?mode|pause_?streak|streak_?pause|paused_?streak"
    r"|sick_?days?|free\w{0,24}(?:streak_?)?freeze|(?:streak_?)?freeze\w{0,24}free\b|freezes?_?per_?(?:week|month)|weekly_?(?:free|freebie)"
    r"|auto_?freeze|free_?repair|missed_?days?_?(?:allowed|forgiven)|forgiv\w+|streak_?savers?|saved_?days?"
    r"|earn\w{0,20}(?:streak_?)?freeze|(?:streak_?)?freeze\w{0,20}earn",
    re.I,
)
SOLD_SAFEGUARD = re.compile(
    r"(?:buy|purchase|shop|store|price|cost|gems?|coins?|lingots?|sparks?|diamonds?|spend)\w{0,24}(?:freeze|repair|shield|saver)"
    r"|(?:freeze|repair|shield|saver)\w{0,24}(?:cost|price|gems?|coins?|purchase|buy|spend)",
    re.I,
)


def free_safeguard(ctx: CheckContext) -> bool:
    data = ctx.data.decode("utf-8", "replace")
    if len(data) > 400_000:
        data = data[:400_000]
    flat = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", data)
    if not FREE_SAFEGUARD.search(flat):
        return False
    return not SOLD_SAFEGUARD.search(flat)


RESET_JOB_CALLS = {"updateMany", "update_many", "updateAll", "update", "bulkWrite", "updateWhere", "updateTable", "batchUpdate", "set"}


def streak_reset_job(ctx: CheckContext) -> "Verdict | bool":
    """`User.updateMany({ lastActiveAt: { $lt: yesterday } }, { $set: { streak: 0 } })`: a job that
    takes the streak away from everyone who missed a day."""
    node = ctx.node
    if callee_name(node) not in RESET_JOB_CALLS:
        return False
    args = node.child_by_field_name("arguments")
    if args is None or len(text(args)) > 3000:
        return False
    scope = scope_of(node)
    date_cond = False
    for pair in (n for n in walk(args) if n.type == "pair"):
        key = text(pair.child_by_field_name("key")).strip("'\"")
        if key in ("$lt", "$lte", "lt", "lte", "$lessThan", "lessThan", "before"):
            value = pair.child_by_field_name("value")
            vt = text(value)
            if YESTERDAY.search(vt) or MS_THRESHOLD.search(vt) or any(_holds_yesterday(text(i), scope) for i in walk(value) if i.type == "identifier"):
                date_cond = True
    if not date_cond:
        return False
    for pair in (n for n in walk(args) if n.type == "pair"):
        name = streak_target(pair.child_by_field_name("key"))
        if name and _is_number(pair.child_by_field_name("value"), ("0",)):
            return Verdict(message=f"batch job resets '{name}' to 0 for everyone who missed a day")
    return False


FREEZE_COUNT_KEY = re.compile(r"(?:^|_)(?:streak_)?(?:freeze|freezes|repair|repairs|shield|shields|saver|savers)(?:_(?:count|tokens?|available|inventory|owned|left))?$")
CURRENCY_KEY = re.compile(r"^(?:gems?|coins?|diamonds?|lingots?|sparks?|credits?|points|balance|gold|currency|wallet|stars?|tokens|xp)$", re.I)


def _decrements(value: Node | None) -> bool:
    if value is None:
        return False
    value = _strip(value)
    t = text(value)
    if value.type == "object" and re.search(r"\bdecrement\s*:", t):
        return True
    if value.type == "binary_expression" and _op(value) == "-":
        return True
    if value.type == "unary_expression" and t.startswith("-"):
        return True
    if value.type == "call_expression" and callee_name(value) == "increment" and re.search(r"\(\s*-", t):
        return True
    return False


def freeze_purchase_update(ctx: CheckContext) -> "Verdict | bool":
    """One update that adds a streak freeze and takes currency: `{ gems: { decrement: COST },
    streakFreezes: { increment: 1 } }`, `$inc: { coins: -cost, streakFreezes: 1 }`."""
    node = ctx.node
    pairs = [(text(k).strip("'\""), v) for k, v in _pairs_of(node)]
    if not pairs:
        return False
    freeze = next((k for k, v in pairs if FREEZE_COUNT_KEY.search(norm_name(k)) and "freeze" in norm_name(k) + "streak" and (_classify_value(v) & {"B"} or _is_number(v, ("1",)))), None)
    if freeze is None or not re.search(r"freeze|repair|shield|saver", norm_name(freeze)):
        return False
    paid = any(CURRENCY_KEY.match(k) and _decrements(v) for k, v in pairs)
    if not paid:
        return False
    return Verdict(message=f"update sells a streak protection: adds '{freeze}' and takes currency")


FREEZE_COST_NAME = re.compile(r"(?:^|_)(?:streak_)?(?:freeze|repair|shield|saver|restore|revive)_(?:cost|price|gems|coins|gem_cost|coin_cost|price_gems|price_coins)(?:$|_)|(?:^|_)(?:cost|price)_(?:of_)?(?:a_)?streak_(?:freeze|repair|shield|saver|restore)(?:$|_)")


def freeze_cost_constant(ctx: CheckContext) -> "Verdict | bool":
    """`const FREEZE_COST = 50`, `STREAK_REPAIR_PRICE = 400`."""
    node = ctx.node
    name_node = node.child_by_field_name("name") or node.child_by_field_name("key")
    value = node.child_by_field_name("value")
    if name_node is None or value is None:
        return False
    name = text(name_node).strip("'\"")
    n = norm_name(name)
    if not FREEZE_COST_NAME.search(n):
        return False
    if "freeze" in n and "streak" not in n and not re.search(r"streak", ctx.data.decode("utf-8", "replace")[:200000], re.I):
        return False
    v = _strip(value)
    if v.type == "number" and text(v) not in ("0",):
        return Verdict(message=f"streak protection has a price ('{name}' = {text(v)})")
    return False


REWARD_TARGET = re.compile(
    r"(?:^|_)(?:coins?|gems?|xp|exp|points|credits?|gold|bonus|bonuses|rewards?|chest|ad_?free|premium|tokens|diamonds|stardust"
    r"|currency|multiplier|lingots|sparks|boost|freeze|freezes)(?:$|_)|^(?:grant|award|give|add|credit)_?\w*$"
)
MILESTONE_CONST = re.compile(r"STREAK|MILESTONE|THRESHOLD|REWARD|BONUS", re.I)


def _milestone_comparison(n: Node) -> str | None:
    """`streak === 7`, `loginStreak % 7 === 0`, `newStreak >= STREAK_REWARD_THRESHOLD`: the streak count name."""
    if n.type != "binary_expression" or _op(n) not in ("===", "==", ">=", ">"):
        return None
    left, right = n.child_by_field_name("left"), n.child_by_field_name("right")
    for a, b in ((left, right), (right, left)):
        if a is None or b is None:
            continue
        sa, sb = _strip(a), _strip(b)
        name = None
        if sa.type == "binary_expression" and _op(sa) == "%":
            name = _streak_count_operand(sa.child_by_field_name("left"))
            if name and sb.type == "number" and text(sb) == "0":
                return name
            continue
        name = _streak_count_operand(sa)
        if not name:
            continue
        if sb.type == "number":
            try:
                if float(text(sb).replace("_", "")) >= 2:
                    return name
            except ValueError:
                continue
        if sb.type in ("identifier", "member_expression") and MILESTONE_CONST.search(text(sb)):
            return name
    return None


def _rewarded_in(region: Node) -> str | None:
    for n in walk(region):
        target = None
        value = None
        if n.type in ("assignment_expression", "augmented_assignment_expression"):
            target, value = n.child_by_field_name("left"), n.child_by_field_name("right")
        elif n.type == "pair":
            target, value = n.child_by_field_name("key"), n.child_by_field_name("value")
        if target is not None:
            v = _strip(value) if value is not None else None
            paid = v is not None and (
                v.type == "number" or (v.type == "identifier" and re.fullmatch(r"[A-Z0-9_]+", text(v)))
                or (v.type == "member_expression" and re.search(r"[A-Z]{2,}_[A-Z0-9_]+", text(v)))
                or (v.type == "binary_expression" and _op(v) in ("+", "*")) or _is_increment_value(v)
                or v.type == "subscript_expression" or n.type == "augmented_assignment_expression" or v.type == "true"
            )
            if not paid:
                continue
        elif n.type == "call_expression":
            name = norm_name(callee_name(n))
            if REWARD_TARGET.search(name) and not re.search(r"achievement|badge|log|track|event|analytics|toast|notify|console", name):
                return callee_name(n)
            continue
        if target is None:
            continue
        tokens = _name_tokens(target)
        if tokens:
            last = norm_name(tokens[-1])
            if REWARD_TARGET.search(last) and not re.search(r"achievement|badge|title|label|text|message|icon", last):
                return tokens[-1]
    return None


def milestone_reward(ctx: CheckContext) -> "Verdict | bool":
    """`if (loginStreak % 7 === 0) user.gems += 50`, `if (newStreak === 7) bonus = STREAK_7_BONUS`."""
    node = ctx.node
    name = _milestone_comparison(node)
    if not name:
        return False
    scope = scope_of(node)
    key = ("streak_rewards.milestone", ctx.language, scope.start_byte, scope.end_byte)
    if key not in ctx.memo:
        first = None
        for n in _descendants_same_scope(scope):
            if n.type != "binary_expression" or not _milestone_comparison(n):
                continue
            regions = []
            for parent in ancestors(n):
                if parent.type in ("if_statement",) and n.start_byte >= parent.child_by_field_name("condition").start_byte and n.end_byte <= parent.child_by_field_name("condition").end_byte:
                    regions = [parent.child_by_field_name("consequence")]
                    break
                if parent.type == "ternary_expression" and n.end_byte <= parent.child_by_field_name("condition").end_byte:
                    regions = [parent.child_by_field_name("consequence")]
                    holder = parent.parent
                    if holder is not None and holder.type in ("variable_declarator", "assignment_expression", "augmented_assignment_expression", "pair"):
                        regions.append(holder.child_by_field_name("name") or holder.child_by_field_name("left") or holder.child_by_field_name("key"))
                    break
                if parent.type in FUNCTION_TYPES or parent.type.endswith("statement") or parent.type == "statement_block":
                    break
            if any(r is not None and _rewarded_in(r) for r in regions):
                first = n.start_byte
                break
        ctx.memo[key] = first
    if ctx.memo[key] != node.start_byte:
        return False
    scope_text = text(scope)[:20000] if scope.parent is not None else ""
    if not DAILY_CONTEXT.search(ctx.data.decode("utf-8", "replace")[:200000]) and not re.search(r"daily|login|check_?in|day", norm_name(name)) and not re.search(r"\bdays?\b", scope_text):
        return False
    if re.search(r"month|week", scope_text, re.I) and not re.search(r"daily|\bday|login|yesterday", scope_text, re.I):
        return False
    return Verdict(message=f"reward paid out when the streak '{name}' reaches a milestone (pays for coming back day after day)")


# Beating a record is not losing a streak: "You're about to break your longest streak!".
RECORD_BREAK = re.compile(r"(?i)\b(?:break|breaking|beat|beating|top|surpass)\s+(?:your|the|my|their)\s+(?:own\s+)?(?:longest|best|record|highest|biggest|personal[- ]best|previous(?:\s+best)?|all[- ]time(?:\s+best)?)\s+(?:[\w-]+\s+){0,2}?streak")
# Threats the web classifier does not read: "12 hours away from losing your Streak", "Your Streak is
# running out!", "Don't let your streak of 5 days disappear".
MORE_LOSS = re.compile(
    r"\b(?:away\s+from|close\s+to|near(?:ly)?|on\s+the\s+verge\s+of|moments?\s+from)\s+losing\s+(?:your|the|this|that)\s+(?:[^\s]+\s+){0,3}?streak"
    r"|\bstreaks?\s+(?:is\s+|'s\s+|are\s+)?(?:running\s+out|slipping(?:\s+away)?|fading\s+away|on\s+thin\s+ice)"
    r"|\bdon'?t\s+let\s+(?:your|the|this)\s+(?:[^\s]+\s+){0,2}?streak\s+of\s+(?:N|\d+)\s+(?:[^\s]+\s+){0,2}?(?:die|end|slip\s+away|break|reset|expire|disappear|vanish|run\s+out|be\s+lost)",
    re.I,
)


# A streak of wins, kills or levels named as such ("You'll lose your Hot Streak bonuses if you leave the level").
GAME_STREAK = re.compile(r"(?i)\b(?:hot|win|winning|kill|combo|lucky|cold|level|answer|quiz|hit)\s+streaks?\b")


def classify_streak_text(raw: str) -> str | None:
    """The web rule's `classify_text`, with record-breaking phrases and streaks of wins or levels
    left out and the threats of MORE_LOSS added (shared by the games and mobile checks)."""
    raw = GAME_STREAK.sub(" run ", RECORD_BREAK.sub(" ", raw))
    kind = classify_text(raw)
    if kind is None and "streak" in raw.lower():
        s = normalize_text(raw)
        if MORE_LOSS.search(s) and not PROTECTION_WORDS.search(s) and not (GAME_WORDS.search(s) and not DAILY_WORDS.search(s)):
            kind = "loss"
    return kind


# "Keep your streak going!", "Keep your streak for bonuses!", "Mantén tu racha de conexión diaria": encouragement,
# unless a threat word follows (shared by the games and mobile checks).
KEEP_GOING = re.compile(
    r"\bkeep\s+(?:up\s+)?(?:the|your|this|that|my)?\s*(?:[\w$-]+\s+){0,3}?streak\s+(?:going|up|growing|rolling)\b"
    r"|\bkeep\s+(?:the|your|this|that|my)\s+(?:[\w$-]+\s+){0,3}?streak\s+(?:for|to\s+(?:earn|get|unlock|win|collect)|and\s+(?:earn|get|unlock|win|collect))\s+(?:\w+\s+){0,2}?(?:bonus\w*|rewards?|prizes?|gifts?|coins?|gems?|xp|more)\b"
    r"|\bmant(?:[eé]n|enga|ener|enha|er)\s+(?:tu|su|la|a|sua|tua)\s+(?:racha|ofensiva|sequ[eê]ncia)\b(?!\s+(?:viva|activa|ativa|intacta))",
    re.I,
)
THREAT_WORDS = re.compile(r"\b(?:lose|losing|lost|break|breaking|broken|end|ends|ending|expir\w*|reset\w*|miss\w*|risk|alive|die|dies|gone|save|before|don'?t|disappear\w*|perder|pierdas|pierde|perca|romper|rompas)\b", re.I)
