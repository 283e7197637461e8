"""Daily log-in rewards in game and server code (Unity C#, Godot GDScript, Roblox / LÖVE Lua,
Python bots and servers), part of the `streak-rewards` rule, reported at `info`.

A reward the game grants for coming back on a new day: a claim behind a new-day or 24-hour test
(`if (lastClaim.Date < DateTime.Today) coins += 100;`, `if (!IsClaimedToday())` where that C# bool
helper, of the file or of another class of the project, returns a same-day comparison, `if os.time() - last >= 86400 then
giveCash(player) end`, `if time_diff.days >= 1: user.coins += 100`, a stored time the file sets to
now + one day: `if rewards[uid]["daily"] > time.time(): return`), the same test used as a
guard that turns an early visitor away before the grant (`if now - last < timedelta(hours=24):
return`), a flag that makes the gift claimable (`dailyRewardAvailable = true`) and a bot command
on a one-day cooldown (`@commands.cooldown(1, 86400, BucketType.user)`) that pays. No break is
punished, so the finding is milder than a streak's: one per file (the reward mechanism), at the
gate. A file whose daily streak (reset after a missed day) is reported keeps that one `warning`
finding: its claim is part of the streak.

Not reported: refills of energy, stamina or lives, ad-view caps, daily quests that pay for a task,
a daily puzzle, days-played counters with no reward, expiry of a trial, a gift given once, and a
one-day window in a loop over a collection's rows that bumps a counter named for no reward (usage
statistics over a log).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.polyglot import as_call, enclosing_functions, function_name
from designlint.checks.streak_rewards import norm_name
from designlint.checks.streak_rewards_games import (
    COMPARISON_OPS,
    NOT_A_GAP,
    _comparisons,
    _definitions,
    _file_keeps_streak,
    file_functions,
    _ladder_counters,
    _reported_update,
    _under_inc,
    PAYOUT_TARGET,
    _if_chain,
    _operands,
    _operator,
    _pays_out,
    _strip,
    gap_test,
)
from designlint.checks.util import FUNCTION_TYPES, text, walk

# --------------------------------------------------------------------------- the new-day test

# An expression for the current day: `DateTime.Today`, `DateTime.UtcNow.Date`, `DateTime.Now.Day`,
# `date.today()`, `datetime.now().date()`, `os.date("%x")`, `Time.get_date_dict_from_system()`,
# `math.floor(os.time() / 86400)`, `today`.
TODAY = re.compile(
    r"DateTime\.(?:Today|(?:Utc)?Now\.(?:Date|Day(?:OfYear)?\b|ToShortDateString|ToString\(\s*\"(?:d|yyyy-?MM-?dd|dd/MM/yyyy|MM/dd/yyyy)\"))"
    r"|\bdate\.today\(\)|\b(?:datetime|timezone)\.(?:utc)?now\([^()]*\)\.date\(\)|\.(?:utc)?now\([^()]*\)\.(?:date\(\)|day\b|strftime)|\btoday\(\)"
    r"|\bos\.date\(|get_date_(?:dict|string)_from_system|get_datetime_dict_from_system|get_date_dict_from_unix_time"
    r"|os\.time\(\)\s*/\s*\(?\s*(?:86_?400|24\s*\*\s*60\s*\*\s*60|60\s*\*\s*60\s*\*\s*24|\w*DAY\w*)|os\.time\(\)\s*//\s*86_?400|\btime\.time\(\)\s*//\s*86_?400"
    r"|^\s*(?:self\.)?_?(?:today|current_?day|now_?day|day_?now|this_?day|cur_?day|today_?(?:str|string|key|number|num|index|date))\s*$",
    re.I,
)
# The stored day of the last claim or visit: `lastClaim.Date`, `data.LastDay`, `user["last_daily"]`, `PlayerPrefs.GetString("LastRewardDate")`.
LAST_DAY = re.compile(r"last|claim|daily|reward|login|log_?in|prev|saved|stored|bonus|gift|collect|visit|played|checked", re.I)
# `DateTime.Now > last.AddHours(24)`, `now >= last + timedelta(days=1)`: the last claim moved one day on.
ONE_DAY_ON = re.compile(r"AddHours\(\s*(?:2[0-9])\s*\)|AddDays\(\s*1(?:\.0)?\s*\)|timedelta\(\s*(?:days\s*=\s*)?1\s*\)|timedelta\(\s*hours\s*=\s*2[0-9]\s*\)|[-+]\s*\(?\s*(?:86_?400|24\s*\*\s*60\s*\*\s*60|24\s*\*\s*3600)\b", re.I)
NOW = re.compile(r"\bnow\b|DateTime\.(?:Utc)?Now|\bos\.time\(\)|\btime\.time\(\)|get_unix_time|\bDateTime\.now\(\)|\btick\(\)", re.I)
# A stored moment to come back at: `nextClaimTime`, `next_daily`, `self.next_day_time`.
NEXT_CLAIM = re.compile(r"next_?(?:claim|daily|reward|bonus|gift|day|collect|chest|spin)\w*|claim_?(?:after|at|time)|available_?(?:at|from)", re.I)


def _date_changed(ctx: CheckContext, comp: Node, fn: Node | None) -> bool:
    """`lastClaim.Date < DateTime.Today`, `LastDate != DateTime.Now.Day`, `today ~= data.LastDay`,
    `DateTime.Now > last.AddHours(24)`, `now() > self.next_day_time`."""
    parts = _operands(comp)
    if parts is None:
        return False
    a, b = (_strip(p) for p in parts)
    for x, y in ((a, b), (b, a)):
        tx, ty = text(x), text(y)
        if len(tx) > 160 or len(ty) > 160 or NOT_A_GAP.search(tx + " " + ty):
            continue
        today = TODAY.search(tx)
        if not today and x.type in ("identifier", "name") and len(tx) < 40:
            values = (_definitions(ctx, fn, tx) if fn is not None else []) or _definitions(ctx, ctx.root, tx)
            today = any(TODAY.search(text(v)) for v in values[:3] if len(text(v)) < 200)
        if today and (LAST_DAY.search(ty) or LAST_DAY.search(_parsed_from(text(fn if fn is not None else ctx.root), ty))) and not TODAY.search(ty):
            return True
        if NOW.search(tx) and not LAST_DAY.search(tx) and _operator(comp) in ("<", "<=", ">", ">="):
            if ONE_DAY_ON.search(ty) or NEXT_CLAIM.search(ty) or _stored_day_on(ctx, y):
                return True
    return False


def _parsed_from(code: str, operand: str) -> str:
    """C#: the stored value a date was read from (`DateTime.TryParse(data.LastDailyRewardClaimed, out var
    when)`, `var when = DateTime.Parse(PlayerPrefs.GetString("LastClaim"))`) for `when` / `when.Date`; else ""."""
    name = re.match(r"^\s*([A-Za-z_]\w*)(?:\.Date)?\s*$", operand)
    if name is None:
        return ""
    var = re.escape(name.group(1))
    found = re.search(rf"\bTryParse(?:Exact)?\s*\(\s*([^,;]{{1,120}}?)\s*,[^;]{{0,160}}?\bout\s+(?:var\s+|DateTime\s+)?{var}\b", code) or re.search(
        rf"\b{var}\s*=\s*DateTime\.Parse(?:Exact)?\s*\(\s*([^,;]{{1,120}}?)\s*[,)]", code
    )
    return found.group(1) if found else ""


# A new-day test written as a bool helper: `bool IsClaimedToday() => DateTime.Now.Date == last.Date;`,
# `public bool CanClaimDaily() { if (DateTime.TryParse(saved, out var d)) return DateTime.Today > d.Date; return true; }`.
RETURNED = re.compile(r"(?:\breturn\s+|=>\s*)([^;{}]{1,200});")
SPLIT_COMPARISON = re.compile(r"^(.+?)\s*(==|!=|<=|>=|<|>)\s*(.+)$")
PREDICATE_NAME = re.compile(r"^(?:Is|Has|Can|Was|Did|Check|is_|has_|can_|was_|did_|check_)")
MAX_PREDICATE = 2000


def _returns_new_day_test(body: str) -> bool:
    """A helper's text returns a comparison of today with a stored claim day (either way round)."""
    for returned in RETURNED.finditer(body):
        parts = SPLIT_COMPARISON.match(returned.group(1).strip())
        if parts is None or NOT_A_GAP.search(returned.group(1)):
            continue
        a, op, b = (part.strip() for part in parts.groups())
        for x, y in ((a, b), (b, a)):
            stored = LAST_DAY.search(y) or LAST_DAY.search(_parsed_from(body, y))
            if TODAY.search(x) and not TODAY.search(y) and stored:
                return True
            if NOW.search(x) and not LAST_DAY.search(x) and op not in ("==", "!=") and (ONE_DAY_ON.search(y) or NEXT_CLAIM.search(y)):
                return True
    return False


def _predicate_test(ctx: CheckContext, condition: Node) -> bool:
    """The condition calls a bool helper (of this file, or of another file of the project when it is called
    on an object: `popup.IsClaimTodayDailyReward()`) that returns a new-day test."""
    for n in walk(condition):
        call = as_call(n) if n.type in CALL_TYPES else None
        if call is None or not PREDICATE_NAME.match(call.name) or NOT_A_GIFT_GATE.search(_snake(call.name)):
            continue
        memo = ctx.memo.setdefault("daily_login_predicates", {})
        key = (call.name, call.receiver in ("", "self", "this"))
        if key not in memo:
            memo[key] = any(_returns_new_day_test(body) for body in _predicate_bodies(ctx, call.name, own=key[1]))
        if memo[key]:
            return True
    return False


def _predicate_bodies(ctx: CheckContext, name: str, own: bool) -> list[str]:
    bodies = [text(fn) for fn in file_functions(ctx).get(name, [])[:2]]
    if bodies or own or ctx.language != "csharp":
        return [body for body in bodies if len(body) < MAX_PREDICATE]
    index = project_index.for_context(ctx)
    return [d.text for d in index.definitions(name)[:3] if len(d.text) < MAX_PREDICATE and re.search(rf"\bbool\s+{re.escape(name)}\b", d.text)]


# A stored value, a key or a field: `rewards[uid]["daily"]`, `self.cooldowns[uid]`, `user.wait_until`.
STORED_TYPES = {"subscript", "attribute", "element_access_expression", "member_access_expression", "bracket_index_expression", "dot_index_expression", "identifier", "name", "attribute_call"}


def _stored_day_on(ctx: CheckContext, stored: Node) -> bool:
    """The file sets `stored` (the same key or field, written the same way) to now plus one day
    (`rewards[uid]["daily"] = time.time() + 86400`): the time the next claim opens."""
    key = " ".join(text(stored).split())
    if stored.type not in STORED_TYPES or len(key) > 60:
        return False
    return any(
        NOW.search(text(v)) and ONE_DAY_ON.search(text(v)) and not SEVERAL_DAYS.search(text(v))
        for v in _definitions(ctx, ctx.root, text(stored).strip())[:4]
        if len(text(v)) < 200
    )


# `time.time() + 86400 * 7`, `+ 3 * 86400`: several days on, a weekly or longer wait.
SEVERAL_DAYS = re.compile(r"86_?400\s*\)?\s*\*|\*\s*\(?\s*86_?400|\*\s*24\s*\*\s*60\s*\*\s*60|24\s*\*\s*60\s*\*\s*60\s*\*")


def new_day_test(ctx: CheckContext, condition: Node, fn: Node | None) -> bool:
    """The condition tells a new day (or 24 hours) since the last claim, either way round."""
    if len(text(condition)) > 600:
        return False
    if gap_test(ctx, condition, fn):
        return True
    if any(_operator(c) in COMPARISON_OPS and _date_changed(ctx, c, fn) for c in _comparisons(condition)):
        return True
    return _predicate_test(ctx, condition)


# --------------------------------------------------------------------------- the grant

# What is not a log-in reward, though it may come back every day: refills, ad caps, paid tasks,
# daily content, counters of days or sessions.
NOT_A_GIFT = re.compile(
    r"energy|stamina|lives|\blife\b|hearts?\b|fuel|refill|regen|\bads?\b|ads?_|_ads?\b|advert|rewarded_?video|quests?|challenges?|missions?|tasks?|objectives?|achievements?"
    r"|puzzles?|riddles?|word_?of_?the_?day|days?_?(?:played|active|seen|logged|visited|online|count)|(?:played|active|total|login|visit)_?days|launch|sessions?|visits?|login_?count|logins\b|trial|subscription|premium|interest|salary|wage|income|tax",
    re.I,
)
# A gate about one of those (`if quest.IsComplete && ...`, `func refill_lives()`): the words of the
# refills and paid tasks only (a visit or log-in date is what a daily gift tests).
NOT_A_GIFT_GATE = re.compile(
    r"energy|stamina|lives|\blife\b|hearts?\b|fuel|refill|regen|\bads?\b|ads?_|_ads?\b|advert|rewarded_?video|quests?|challenges?|missions?|tasks?|objectives?|achievements?"
    r"|puzzles?|riddles?|word_?of_?the_?day|trial|subscription|premium|interest|salary|wage|income|tax",
    re.I,
)
GRANT_TYPES = {
    "augmented_assignment", "update_statement", "assignment_expression", "assignment", "assignment_statement",
    "invocation_expression", "call", "attribute_call", "function_call", "postfix_unary_expression", "prefix_unary_expression",
}
# `dailyRewardAvailable = true`, `self.can_claim = True`, `giftReady = true`: the gift is made claimable.
CLAIMABLE_FLAG = re.compile(r"\w(?:_?(?:available|ready|claimable|unlocked))$|can_?claim|^(?:self\.)?_?(?:is|has)_?(?:daily|reward|bonus|gift)\w*(?:available|ready)$", re.I)
TRUE = re.compile(r"^\s*(?:true|True)\s*$")


def _snake(t: str) -> str:
    """`watchedAds += 1` -> `watched_ads += 1`: the words of camelCase names, for NOT_A_GIFT."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", t)


def _subject(n: Node) -> str:
    """What a grant statement changes or calls: its target (`energy += 1`) or its callee
    (`Lives.Refill(...)`), not its arguments (`AddCoins(rewards[daysPlayed % 7])` is a gift)."""
    head = n.child_by_field_name("left") or n.child_by_field_name("function") or n.child_by_field_name("name")
    if head is None and n.named_children:
        head = n.named_children[0]
    return text(head if head is not None else n)[:200]


def _grant(body: Node, ctx: CheckContext | None = None, depth: int = 1) -> Node | None:
    """The first statement of `body` that gives the player something for the day (currency grows, a
    payout function is called, a reward is chosen), unless it refills energy or pays for a task."""
    for n in walk(body):
        if n.type == "pair" and _under_inc(n) and PAYOUT_TARGET.search(norm_name(text(n.child_by_field_name("key")).strip("\"'"))):
            return n  # MongoDB `{"$inc": {"points": 100}}`
        if n.type in GRANT_TYPES and len(text(n)) < 400 and _pays_out(n) and not NOT_A_GIFT.search(_snake(_subject(n))):
            return n
        if ctx is not None and depth > 0 and n.type in CALL_TYPES:
            call = as_call(n)
            if call is not None and call.receiver in ("", "self", "this") and not NOT_A_GIFT.search(_snake(call.name)):
                for helper in file_functions(ctx).get(call.name, [])[:2]:
                    if len(text(helper)) < 3000 and _grant(helper, ctx, depth - 1) is not None:
                        return n  # `GrantGift()` where `GrantGift` adds the gems
    return None


CALL_TYPES = {"invocation_expression", "call", "function_call"}


def _claimable_flag(body: Node) -> str | None:
    """`dailyRewardAvailable = true`, `self.gift_ready = True`: the name of the flag the gate sets;
    `state = RewardState.ReadyToClaim` (an enum value named claimable): that value."""
    for n in walk(body):
        if n.type in ("assignment_expression", "assignment", "assignment_statement", "variable_declarator"):
            parts = [c for c in n.named_children if "comment" not in c.type]
            if len(parts) >= 2 and CLAIMABLE_FLAG.search(text(parts[0])) and TRUE.match(text(parts[-1])):
                return text(parts[0]).split(".")[-1].strip()
            state = CLAIMABLE_STATE.match(text(parts[-1])) if len(parts) >= 2 else None
            if state:
                return state.group(1)
    return None


# An enum value that makes a gift claimable: `DailyRewardItemState.ReadyToClaim`, `GiftState.Claimable`.
CLAIMABLE_STATE = re.compile(r"^\s*[A-Z]\w*\.((?:ReadyTo|CanBe|Can)(?:Claim|Collect|Redeem)\w*|Claimable|Collectable|Collectible|Redeemable)\s*$")
# A method that claims the gift (`OnClaim`, `ClaimReward`, `CollectGift`): its payout is the claim the state opens.
CLAIM_METHOD = re.compile(r"claim|collect|redeem", re.I)


EXIT_TYPES = {"return_statement", "raise_statement", "throw_statement"}
LOOP_TYPES = {"for_statement", "for_each_statement", "while_statement", "do_statement", "for_in_statement", "repeat_statement"}
STATEMENT_PARENTS = {"block", "body", "statement_block", "chunk", "module", "suite"}


def _exits(branch: Node) -> bool:
    return any(n.type in EXIT_TYPES for n in walk(branch))


def _rest_of_function(node: Node, fn: Node | None) -> list[Node]:
    """The statements after `node` in its block and the blocks around it, up to the function (or
    the loop: a test inside a timer loop guards that loop's turn, not what follows it)."""
    out: list[Node] = []
    current = node
    while current.parent is not None and current is not fn:
        sibling = current.next_named_sibling
        while sibling is not None:
            out.append(sibling)
            sibling = sibling.next_named_sibling
        current = current.parent
        if current is fn or current.type in FUNCTION_TYPES or current.type in LOOP_TYPES:
            break
    return out


def _branch_body(branch: Node) -> Node:
    return branch.child_by_field_name("consequence") or branch.child_by_field_name("body") or branch


def _gate_grant(ctx: CheckContext, stmt: Node, fn: Node | None) -> Node | None:
    """What the new-day gate `stmt` lets through: a grant in one of its branches, the flag that
    makes the gift claimable, or, when its branch turns the visitor away (`return`), a grant after it."""
    branches = _if_chain(stmt)
    for branch in branches:
        found = _grant(_branch_body(branch), ctx)
        if found is not None:
            return found
    flag = next((f for f in (_claimable_flag(_branch_body(b)) for b in branches) if f), None)
    if flag and not NOT_A_GIFT.search(_snake(flag)):
        for name, fns in file_functions(ctx).items():
            for other in fns:
                # the flag read where the gift is paid, or (a claimable state) the class's own claim method that pays
                opens = flag in text(other) or (CLAIMABLE_STATE.match(f"S.{flag}") and CLAIM_METHOD.search(name) and _owner(other) == _owner(stmt))
                if other is not fn and opens and _grant(other, ctx) is not None:
                    return stmt
    if _exits(_branch_body(branches[0])):
        for later in _rest_of_function(stmt, fn)[:40]:
            found = _grant(later, ctx)
            if found is not None:
                return found
    return None




# A Roblox client script (`game.Players.LocalPlayer`, `*.client.lua`): it shows the wheel or the
# calendar; the server script that grants the reward is the mechanism.
ROBLOX_CLIENT = re.compile(r"\bLocalPlayer\b")


def _not_a_gift_file(ctx: CheckContext) -> bool:
    name = _snake(ctx.path.stem)
    if NOT_A_GIFT_GATE.search(name):
        return True  # `DailyQuestsServer.lua`, `energy_refill.gd`
    return ctx.language in ("lua", "luau") and (ctx.path.name.lower().endswith((".client.lua", ".client.luau")) or bool(ROBLOX_CLIENT.search(ctx.code_without_comments())))


# Cheap first looks: a condition that may be about time, and a function that may give something.
TIME_HINT = re.compile(r"(?i)day|date|time|hour|86_?400|\b2[0-9]\b|now|today|last|claim|elapsed|since|diff|gap|delta|next|ago|second|\.days|[a-z_]*_?at\b")
GRANT_HINT = re.compile(r"(?i)coin|gem|gold|cash|money|xp|exp|point|credit|bonus|reward|balance|diamond|currency|wallet|bank|token|crate|box|chest|key|spin|ticket|gift|prize|give|grant|award|add|deposit|inc\b|\$inc|\+=|available|ready|claimable")


# A function that may read a clock or a calendar day (not `Time.deltaTime`).
DAY_HINT = re.compile(r"DateTime|86_?400|os\.time|os\.date|timedelta|datetime|\bdate\b|today|[Dd]ays?\b|[Dd]ay[A-Z_]|[_.]day|[Hh]ours?|unix_time|time\.time\(|get_date|get_datetime|\b2[0-9]\b|60\s*\*\s*60|3600|tick\(\)|[Nn]ow\b")


def _chain_head(n: Node) -> bool:
    """An `if` that starts its chain (not the `if` of a C# `else if`)."""
    return n.type == "if_statement" and not (n.parent is not None and n.parent.type == "if_statement" and n in n.parent.children_by_field_name("alternative"))


def _is_gate(ctx: CheckContext, n: Node) -> bool:
    """`n` (the head of an if chain) tests a new day and leads to a grant (remembered per file)."""
    memo = ctx.memo.setdefault("daily_login_is_gate", {})
    if n.start_byte in memo:
        return memo[n.start_byte]
    memo[n.start_byte] = result = _gate(ctx, n)
    return result


def _gate(ctx: CheckContext, n: Node) -> bool:
    if not _chain_head(n) or _not_a_gift_file(ctx):
        return False  # an else-if / elif / elseif is tested with its chain
    conds = [c for c in (b.child_by_field_name("condition") for b in _if_chain(n)) if c is not None and TIME_HINT.search(text(c))]
    if not conds:
        return False
    fn = next(enclosing_functions(n), None)
    hinted = ctx.memo.setdefault("daily_login_grant_hint", {})  # per function: may it give something at all?
    key = fn.start_byte if fn is not None else -n.start_byte - 1
    if key not in hinted:
        body = text(fn if fn is not None else n)
        hinted[key] = bool(GRANT_HINT.search(body) and DAY_HINT.search(body))
    if not hinted[key] or not any(new_day_test(ctx, c, fn) for c in conds):
        return False
    scope = " ".join(text(c) for c in conds) + " " + ((function_name(fn) or "") if fn is not None else "")
    if NOT_A_GIFT_GATE.search(_snake(scope)):
        return False
    grant = _gate_grant(ctx, n, fn)
    return grant is not None and not (_in_row_loop(n, fn) and _bare_counter(grant))


# A loop that walks a collection (`for record in rows:`, `foreach (var log in logs)`, `for _, entry in
# ipairs(history)`), not a count (`for i in range(7)`, `for (int i = 0; ...)`).
FOR_EACH_TYPES = {"for_statement", "for_each_statement", "for_in_statement", "for_generic_clause"}
COUNTED_LOOP = re.compile(r"^\s*for\s*\(\s*(?:int|var|let|long)?\s*\w+\s*=|\brange\s*\(|^\s*for\s+\w+\s*=\s*[^,]+,", re.I)


def _in_row_loop(node: Node, fn: Node | None) -> bool:
    """`node` sits in a loop over the rows of a collection inside its function: a date test there
    sorts each row (a log entry, a past visit) into a window, as a statistic does."""
    current = node.parent
    while current is not None and current is not fn and current.type not in FUNCTION_TYPES:
        if current.type in FOR_EACH_TYPES and not COUNTED_LOOP.search(text(current)[:200]):
            return True
        current = current.parent
    return False


# Words of what a player is given: a counter named for none of them (`todaysUses += 1`,
# `registered["day"] += 1`) counts rows, it does not pay.
REWARD_WORD = re.compile(r"coin|gem|gold|cash|money|xp\b|exp\b|point|credit|bonus|reward|prize|gift|balance|diamond|currency|wallet|bank|token|crate|box|chest|key|spin|ticket|winning|payout|loot|item", re.I)


def _bare_counter(grant: Node) -> bool:
    """The grant is a bare `+= 1`-style counter whose target names nothing the player gets."""
    if grant.type not in ("augmented_assignment", "update_statement", "assignment", "assignment_expression", "assignment_statement", "postfix_unary_expression", "prefix_unary_expression"):
        return False
    return not REWARD_WORD.search(_subject(grant))


CLASS_TYPES = {"class_declaration", "class_definition", "struct_declaration"}


def _owner(node: Node) -> Node | None:
    """The class a gate belongs to (None: the file): one reward mechanism."""
    current = node.parent
    while current is not None and current.type not in CLASS_TYPES:
        current = current.parent
    return current


def _absorbed(ctx: CheckContext, owner: Node | None) -> bool:
    """The daily streak (reset after a missed day) of the gate's class, or of the file when the gate
    is in no class, is reported: the claim is part of that streak, not a second finding."""
    if owner is None:
        return _file_keeps_streak(ctx)
    key = ("daily_login_absorbed", owner.start_byte)
    if key not in ctx.memo:
        ladder = ctx.language == "csharp"
        ctx.memo[key] = any(
            _reported_update(ctx, fn) is not None or (ladder and _ladder_counters(ctx, fn) is not None)
            for fn in walk(owner)
            if fn.type in FUNCTION_TYPES
        )
    return ctx.memo[key]


MESSAGE = "daily log-in reward: {what} (a reward for coming back on a new day)"


def daily_gate(ctx: CheckContext) -> "Verdict | bool":
    node = ctx.node
    if not _is_gate(ctx, node) or _cooldown_commands(ctx):
        return False
    owner = _owner(node)
    if _absorbed(ctx, owner):
        return False
    for n in walk(owner if owner is not None else ctx.root):
        if n.start_byte >= node.start_byte:
            break
        if n.type == "if_statement" and _owner(n) == owner and _is_gate(ctx, n):
            return False  # one finding per class (or file): the first gate stands for the claim, its preview and its timer
    return Verdict(message=MESSAGE.format(what="a gift is granted once a new day (or 24 hours) has come since the last claim"))


# A bot command allowed once a day: `@commands.cooldown(1, 86400, BucketType.user)`, `@cooldown(1, 60 * 60 * 24)`.
DAY_COOLDOWN = re.compile(r"cooldown\(\s*1\s*,\s*(?:86_?400(?:\.0)?|24\s*\*\s*60\s*\*\s*60|60\s*\*\s*60\s*\*\s*24|24\s*\*\s*3600|3600\s*\*\s*24|(?:ONE_)?DAY\w*|\w*DAILY\w*)\s*[,)]", re.I)


def _cooldown_commands(ctx: CheckContext) -> list[Node]:
    """The file's Python commands on a one-day cooldown that pay (computed once per file)."""
    if "daily_login_cooldowns" not in ctx.memo:
        found = []
        if ctx.language == "python" and "cooldown" in text(ctx.root):
            for definition in (n for n in walk(ctx.root) if n.type == "decorated_definition"):
                fn = definition.child_by_field_name("definition")
                decorators = [d for d in definition.named_children if d.type == "decorator"]
                if fn is None or not any(DAY_COOLDOWN.search(text(d)) for d in decorators):
                    continue
                if not NOT_A_GIFT.search(_snake(function_name(fn) or "")) and _grant(fn, ctx) is not None:
                    found.append(definition)
        ctx.memo["daily_login_cooldowns"] = found
    return ctx.memo["daily_login_cooldowns"]


def daily_cooldown_command(ctx: CheckContext) -> "Verdict | bool":
    """`@commands.cooldown(1, 86400, commands.BucketType.user)` on a command that pays: one finding per file."""
    commands = _cooldown_commands(ctx)
    if not commands or commands[0] != ctx.node or _absorbed(ctx, _owner(ctx.node)):
        return False
    fn = ctx.node.child_by_field_name("definition")
    return Verdict(message=MESSAGE.format(what=f"the command '{function_name(fn)}' pays out once a day, on a one-day cooldown"))
