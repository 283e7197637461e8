"""Checks for `notification-spam` in Unity games (C#) and Python servers.

The queries in rules/notification-spam/games.yaml find the mechanisms: Unity Mobile
Notifications calls (`AndroidNotificationCenter.SendNotification`,
`iOSNotificationCenter.ScheduleNotification`, `NotificationCenter.ScheduleNotification`) and
the game's own `Schedule…Notification`/`…Reminder` wrappers; Python push sends
(firebase_admin, pywebpush, apns2, OneSignal, Expo, pyfcm, fcm-django/django-push-notifications
devices, push REST endpoints, the app's own `send_push…` wrappers and push service classes); and strings that read as
re-engagement copy. The checks here decide, with the web rule's notions
(designlint/checks/notification_spam.py), whether the notification pulls people back:

* Unity: it repeats on an interval the game chose, it is one of a series scheduled in a loop or
  in one go, it is scheduled when the game starts or the player leaves (`Start`, `Awake`,
  `OnApplicationPause`, `OnApplicationQuit`, `OnApplicationFocus`, followed through the methods
  of the same file) for a fixed delay, or it is named after inactivity ("return", "afk",
  "inactivity") or worded as a lure. The game's own scheduling methods whose time is a parameter
  are judged at their call sites with the times passed there; a `Send…`/`Schedule…` call on the
  game's notification script from a leave hook is reported too. A one-off whose time comes from
  the game state (a building, a crop, a chest, the energy bar) or from the player's settings is a
  notice, not a lure.
* Python: the send runs from a schedule (Celery beat / `@periodic_task`, APScheduler,
  `schedule.every()`, huey, `@repeat_every`, a Django management command, a `while True` loop
  with a sleep; Celery tasks are followed through `.delay()`/`.apply_async()`/`.s()`; beat entries,
  CRONJOBS lines and scheduler registrations in the project's settings/celery/scheduler modules
  are read from the project, and the result depends on those files; APScheduler registrations are read
  on the syntax tree by designlint/checks/python_schedules.py) or picks its
  recipients by inactivity (`last_login__lt`, "inactive", "dormant"), and is not a transactional
  notice (receipt, password, order, 2FA, ...) judged by the values that reach the send. A send handed to
  a runner (`asyncio.to_thread(messaging.send, m)`) is a send; the module's own push wrapper
  (`self.send(...)`) is judged at each call of it, so every scheduled job calling it is one finding.
* Copy: a re-engagement line ("we miss you", "come back", ...) where a notification is built.

Everything is syntactic. Other files are read in two ways: the Python schedule files read by
`_project_schedules` (recorded with `ctx.depends_on`), and the project index (designlint/project_index.py)
for the game's notification wrapper of another C# file (its text, the hooks its callers run from) and the
push task or helper of another Python module (its text, the modules that call it).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tree_sitter import Node

from designlint.checks import CheckContext, Verdict
from designlint.checks.notification_spam import (
    DUE_REMINDER,
    EVENT_WORDS,
    FREQUENCY_CAP,
    INACTIVE,
    NUDGE_WORDS,
    TRANSACTIONAL,
    USER_SCHEDULE,
    _copy_phrase,
    _quiet_hours_present,
)
from designlint.checks.polyglot import Call, argument_nodes, as_call, enclosing_functions, function_name, functions_by_name
from designlint.checks.python_schedules import scheduled_jobs
from designlint.checks.util import ancestors, closing_bracket, text, walk, within

if TYPE_CHECKING:
    from designlint.project_index import ProjectIndex

# --------------------------------------------------------------------------------------------
# per-file facts (ctx.memo is shared by every match in one file)





def _methods_by_name(ctx: CheckContext) -> dict[str, list[Node]]:
    """Named functions of the file (C# methods and local functions, Python defs) by name."""
    return functions_by_name(ctx)


def _callers(ctx: CheckContext, name: str) -> list[tuple[Node, str]]:
    """(call node, how) for each place the file calls `name`: `name(...)`, `this.name(...)`,
    `self.name(...)`, Unity `Invoke("name", t)` / `InvokeRepeating` / `StartCoroutine(name())`,
    Celery `name.delay(...)` / `name.apply_async(...)` / `name.s(...)`."""

    def build() -> dict[str, list[tuple[Node, str]]]:
        index: dict[str, list[tuple[Node, str]]] = {}
        for node in walk(ctx.root):
            if node.type not in ("invocation_expression", "call") or _long_receiver(node):
                continue
            call = as_call(node)
            if call is None:
                continue
            if call.receiver in ("", "this", "self", "base", "cls"):
                index.setdefault(call.name, []).append((node, "call"))
            elif call.name in CELERY_CALLS and node.type == "call":
                index.setdefault(call.receiver.rsplit(".", 1)[-1], []).append((node, call.name))
            if call.name in ("Invoke", "InvokeRepeating", "StartCoroutine"):
                args = argument_nodes(call)
                m = re.match(r'^(?:"(\w+)"|(?:nameof\(\s*)?(\w+))', text(args[0]).strip()) if args else None
                if m:
                    index.setdefault(m.group(1) or m.group(2), []).append((node, call.name))
        return index

    return ctx.remember("nsg_callers", build).get(name, [])


def _long_receiver(node: Node) -> bool:
    """`a.b(...).c(...)`: a call on something longer than `self`/`this`, which `_callers` does not need
    (it is not a call of the file's own functions nor `Invoke`/`StartCoroutine`); skipped before the
    costly split of the callee's text."""
    func = node.child_by_field_name("function")
    if func is None or func.type not in ("attribute", "member_access_expression"):
        return False
    obj = func.child_by_field_name("object") or func.child_by_field_name("expression")
    name = func.child_by_field_name("attribute") or func.child_by_field_name("name")
    return obj is not None and obj.end_byte - obj.start_byte > 4 and text(name) not in ("Invoke", "InvokeRepeating", "StartCoroutine") + CELERY_CALLS


# a Celery task run through its task object: `send_reminder.delay(user_id)`, `task.s(x)` in a group or chain
CELERY_CALLS = ("delay", "apply_async", "s", "si", "signature")


# --------------------------------------------------------------------------------------------
# safeguards (mitigations), both languages

USER_SETTING = re.compile(
    r"(notif(ication)?s?_?(enabled|allowed|on\b|opt_?in|consent|pref\w*)|push_?(enabled|allowed|opt_?in|consent)|reminders?_?(enabled|on)|"
    r"(enable|allow|receive|wants?)_?(push|notif|remind)\w*|opted_in|opt_?in_?(push|notif)|is_?subscribed|unsubscribed|"
    r"PlayerPrefs\.Get\w+\(\s*\"[^\"]*(notif|push|remind)[^\"]*\")",
    re.I,
)


def quiet_hours(ctx: CheckContext) -> bool:
    """Mitigation: quiet hours or a night-time check before scheduling (`hour >= 22`, `QuietHours`)."""
    return _quiet_hours_present(ctx.code_without_comments().lower())


def frequency_cap(ctx: CheckContext) -> bool:
    """Mitigation: a cap on how often one person is notified (Python servers), in the function
    that sends (or a function of the file it calls): a `last_push__lte=...` filter of another task
    of the same file does not cap this one's broadcast."""
    sender = next((f for f in enclosing_functions(ctx.node) if function_name(f)), None)
    if sender is None:
        return bool(FREQUENCY_CAP.search(ctx.code_without_comments()))
    functions = functions_by_name(ctx)
    scope = [sender]
    for call in (as_call(n) for n in walk(sender)):
        if call is not None and call.receiver in ("", "self", "cls") and call.name in functions:
            scope.extend(f for f in functions[call.name] if not within(f, sender))
    return any(FREQUENCY_CAP.search(code) or LAST_SENT_FILTER.search(code) for code in (_without_comments(text(f)) for f in scope))


# a filter or comparison on when this person was last sent one (`last_am_push__lte=day_ago`,
# `p.last_daily_reminder < cutoff`): one per period at most
LAST_SENT_FILTER = re.compile(r"\blast_\w*?(push|notif\w*|sent|reminder|nudge|message)\w*(__(lt|lte|gt|gte|range)\b|\s*[<>]=?)", re.I)


def _without_comments(code: str) -> str:
    """Python code without `#` comments (a commented-out cap does not count)."""
    return re.sub(r"(?m)#.*$", "", code)


PY_DOCSTRING = re.compile(r"(?ms)^[ \t]*[rRuU]?(\"\"\"|\'\'\').*?\1")


def _py_inactive(code: str):
    """The inactivity pick the code shows (`last_login__lt=cutoff`, `inactive_users`, a re-engagement job),
    read without docstrings and `#` comments: a shared send helper whose docstring lists the kinds of
    notification it carries ("reengagement, achievements") picks no one."""
    code = _without_comments(PY_DOCSTRING.sub("", code))
    # prose (a message body "Upgrade to reactivate them", a log line) and skip counters
    # (`skipped["inactive_user"] += 1`, `{"inactive_user": 0}`: people left out) pick no one
    code = PY_PROSE_STRING.sub('""', PY_SKIP_COUNTER.sub("", PY_LOG_CALL.sub("", code)))
    # a label (a log field, a stats or dict key, a reason code: `"inactive_users"`) and a push token or
    # device that stopped working (`inactive_tokens`, `mark_inactive_user_tokens`: clean-up after a failed
    # send) name no one picked for being away
    code = PY_TOKEN_NAME.sub("_", PY_LABEL_STRING.sub('""', code))
    return PY_INACTIVE.search(code) or INACTIVE.search(code) or _py_inactive_pick(code)


PY_PROSE_STRING = re.compile(r"(?<![\w'\"])[rRfFbBuU]{0,2}(\"[^\"\n]*\s[^\"\n]*\"|'[^'\n]*\s[^'\n]*')")
PY_SKIP_COUNTER = re.compile(r"\[\s*['\"]\w+['\"]\s*\]\s*\+=\s*\d+|['\"]\w+['\"]\s*:\s*0\b")
# a log line (`log.info("push.skipped", extra={"reason": "inactive_user"})`, `print(...)`)
PY_LOG_CALL = re.compile(
    r"(?<![\w.])(?:[\w.]*\b(?:log|logger|logging|_log|_logger|LOG|LOGGER|structlog|log_\w+)\.\w+|print)\s*"
    r"\((?:[^()]|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))*\)"
)
PY_LABEL_STRING = re.compile(r"(?<![\w'\"])[rRfFbBuU]{0,2}(['\"])[\w.:-]*(?i:inactiv|dormant|lapsed)[\w.:-]*\1")
PY_TOKEN_NAME = re.compile(
    r"\b\w*(?:inactiv|dormant|idle|stale|invalid|expired|dead|unregistered)\w*_(?:tokens?|devices?|registrations?|regs|subscriptions?|endpoints?)\b|"
    r"\b\w*(?:token|device|registration|subscription)s?_\w*inactiv\w*",
    re.I,
)
# people picked by inactivity in code: `(now - user.last_login).days >= 7`, and deactivated accounts
# selected to be messaged (`User.objects.filter(is_active=False)`, not a device or token query)
PY_DAYS_AWAY = re.compile(
    r"\(\s*[\w.]*\b(?:now|today|utcnow|localdate)\b(?:\([^()]*\))?\s*-\s*[\w.\[\]'\"]*last_(?:login|active|seen|visit|open|activity|played|session|used)\w*['\"\]]*\s*\)\s*\.days\b"
)
PY_INACTIVE_ROWS = re.compile(
    r"(?<![\w.])(\w+)(?:\(\s*\))?\.(?:objects|query)\.(filter|filter_by|exclude)\((?:[^()]|\([^()]*\))*?\b(is_active|active)\s*=\s*(False|True)\b"
)
PEOPLE_MODEL = re.compile(r"(user|member|profile|customer|player|subscriber|account|student|client)", re.I)
NOT_PEOPLE_MODEL = re.compile(r"(device|token|registration|subscription|endpoint|session)", re.I)


def _py_inactive_pick(code: str):
    m = PY_DAYS_AWAY.search(code)
    if m:
        return m
    for m in PY_INACTIVE_ROWS.finditer(code):
        model, method, field, value = m.groups()
        if (value == "False") == (method != "exclude") and not NOT_PEOPLE_MODEL.search(model):
            if field == "is_active" or PEOPLE_MODEL.search(model):
                return m
    return None


# Python: the recipients are picked by their own switch for this kind of push, a column of the user row
# (`filter(User.push_morning == True)`, `.filter(notify_digest=True)`); its default is the model's, so the
# push is still reported, lowered
PY_SWITCH_FILTER = re.compile(
    r"\.(push|notif\w*|notify|reminders?|alerts?|digest)_\w+\s*(==\s*True\b|\.is_\(\s*True\s*\))|"
    r"\b(filter|filter_by|where)\([^()]*\b(push|notif\w*|notify|reminders?|alerts?|digest)_\w+\s*=\s*True\b"
)


def user_setting(ctx: CheckContext) -> bool:
    """Mitigation: the player or user can turn these notifications off, or chose when they come."""
    code = ctx.code_without_comments()
    if ctx.language == "python" and PY_SWITCH_FILTER.search(code):
        return True
    return bool(USER_SETTING.search(code) or USER_SCHEDULE.search(code))


def _quiet_note(ctx: CheckContext) -> str | None:
    return None if quiet_hours(ctx) else "no quiet hours found"


# --------------------------------------------------------------------------------------------
# Unity (C#): what a scheduled notification is made of

SDK_RECEIVER = re.compile(r"(^|\.)(AndroidNotificationCenter|iOSNotificationCenter|NotificationCenter)$")
NOT_SCHEDULING = re.compile(r"(Channel|Cancel|Permission|Authori[sz]ation|Token|Received|Opened|Clear|Remove|Delete|Status|Intent|Callback|Listener|Handler)")
LEAVE_HOOKS = ("OnApplicationPause", "OnApplicationQuit", "OnApplicationFocus", "OnDisable", "OnDestroy")
START_HOOKS = ("Start", "Awake", "OnEnable")
TIME_PROPS = ("FireTime", "FireDate", "TimeInterval", "Hour", "DeliveryTime", "Interval", "Date", "Delay")
STATE_NAME = re.compile(r"(remain|left|until|next|full|refill|ready|finish|complete|end|cooldown|due|target|deliver|expire|build|grow|harvest|item|chest)", re.I)
USER_SOURCE = re.compile(r"(PlayerPrefs|[Ss]ettings|[Pp]refs|[Pp]references|[Cc]hosen|[Ss]elected|[Pp]icked|[Uu]ser[A-Z]\w*(Hour|Time|Minute))")
REENGAGE_NAME = re.compile(
    r"(inactiv|afk|idle|come_?back|re_?engag|reEngag|missYou|miss_you|lapsed|absence|winBack|win_back|"
    r"Return(Reminder|Notification|Notif|Push)|GameReturn|ReturnToGame|[Bb]ackToGame|[Rr]etention)",
    re.I,
)
CS_LOOPS = ("for_statement", "foreach_statement", "while_statement", "do_statement")


def _cs_method(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type in ("method_declaration", "local_function_statement", "constructor_declaration")), None)


def _cs_class(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type in ("class_declaration", "struct_declaration")), None)


def _cs_declarators(scope: Node, name: str) -> list[Node]:
    return [
        n for n in walk(scope)
        if n.type == "variable_declarator" and text(n.child_by_field_name("name") or (n.named_children[0] if n.named_children else None)) == name
    ]


def _cs_initial_value(declarator: Node) -> Node | None:
    children = declarator.named_children
    value = children[-1] if len(children) > 1 else None
    if value is not None and value.type == "equals_value_clause" and value.named_children:
        value = value.named_children[-1]
    return value


def _cs_props(ctx: CheckContext, call: Node) -> tuple[dict[str, list[Node]], list[Node]]:
    """Property values of the notification, its trigger and its schedule (`FireTime`, `RepeatInterval`,
    `TimeInterval`, `Repeats`, `Hour`, `Title`, ...), and the object/argument nodes they came from."""
    method = _cs_method(call) or ctx.root
    props: dict[str, list[Node]] = {}
    sources: list[Node] = []
    pending = list(argument_nodes(as_call(call)))
    seen: set[str] = set()
    while pending and len(sources) < 40:
        node = pending.pop()
        if node.type == "argument" and node.named_children:
            named = node.child_by_field_name("name")
            value = node.named_children[-1]
            if named is not None:
                props.setdefault(text(named).rstrip(": "), []).append(value)
            node = value
        sources.append(node)
        if node.type == "identifier":
            name = text(node)
            if name in seen:
                continue
            seen.add(name)
            scope = method if _cs_declarators(method, name) else (_cs_class(call) or ctx.root)
            for decl in _cs_declarators(scope, name):
                value = _cs_initial_value(decl)
                if value is not None:
                    pending.append(value)
            for assign in walk(scope):
                if assign.type != "assignment_expression":
                    continue
                left = assign.child_by_field_name("left")
                right = assign.child_by_field_name("right")
                if left is not None and left.type == "member_access_expression" and text(left.child_by_field_name("expression")) == name:
                    props.setdefault(_prop_key(text(left.child_by_field_name("name"))), []).append(right)
                    pending.append(right)
                elif left is not None and right is not None and re.sub(r"^this\.", "", text(left)) == name:
                    # a field built in another method of the class (`needLove = new AndroidNotification { ... };` in Start)
                    pending.append(right)
        elif node.type == "invocation_expression" and (built := _cs_factory_props(ctx, node, method)):
            for key, values in built.items():
                props.setdefault(key, []).extend(values)
        elif node.type in ("object_creation_expression", "implicit_object_creation_expression"):
            for child in walk(node):
                if child.type == "assignment_expression" and child.parent is not None and child.parent.type == "initializer_expression":
                    left, right = child.child_by_field_name("left"), child.child_by_field_name("right")
                    props.setdefault(_prop_key(text(left)), []).append(right)
                    if right is not None and right.type == "identifier":
                        pending.append(right)
            ctor = as_call(node)
            if ctor is not None and ctor.name in ("NotificationIntervalSchedule", "NotificationDateTimeSchedule"):
                args = argument_nodes(ctor)
                if args:
                    props.setdefault("Interval" if ctor.name == "NotificationIntervalSchedule" else "Date", []).append(args[0])
                if len(args) > 1:
                    props.setdefault("Repeats" if ctor.name == "NotificationIntervalSchedule" else "RepeatInterval", []).append(args[1])
            elif ctor is not None and ctor.name == "AndroidNotification":
                # `new AndroidNotification(title, text, fireTime[, repeatInterval])`
                for key, arg in zip(("Title", "Text", "FireTime", "RepeatInterval"), argument_nodes(ctor)):
                    if arg.type != "argument" or arg.child_by_field_name("name") is None:
                        props.setdefault(key, []).append(arg.named_children[-1] if arg.type == "argument" and arg.named_children else arg)
    return props, sources


def _cs_factory_props(ctx: CheckContext, node: Node, caller: Node) -> dict[str, list[Node]]:
    """Properties of the notification a factory method of this file builds (`var n = GenerateNotification(title,
    text, DateTime.Now.AddHours(12));`), with its parameters replaced by the values this call passes."""
    call = as_call(node)
    if call is None or call.receiver not in ("", "this") or call.name not in _methods_by_name(ctx):
        return {}
    factory = _methods_by_name(ctx)[call.name][0]
    if factory.id == caller.id or not re.search(r"\bnew\s+(AndroidNotification|iOSNotification|GameNotification|LocalNotification)\b", text(factory)):
        return {}
    params = _cs_params(factory)
    bound: dict[str, Node] = {}
    for index, arg in enumerate(argument_nodes(call)):
        label = arg.child_by_field_name("name") if arg.type == "argument" else None
        param = text(label).rstrip(": ") if label is not None else (params[index] if index < len(params) else "")
        bound[param] = arg.named_children[-1] if arg.type == "argument" and arg.named_children else arg
    out: dict[str, list[Node]] = {}
    for assign in (a for a in walk(factory) if a.type == "assignment_expression"):
        left, right = assign.child_by_field_name("left"), assign.child_by_field_name("right")
        if left is None or right is None:
            continue
        key = text(left.child_by_field_name("name")) if left.type == "member_access_expression" else text(left)
        if assign.parent is not None and (assign.parent.type == "initializer_expression" or left.type == "member_access_expression"):
            out.setdefault(_prop_key(key), []).append(bound.get(text(right), right))
    return out


def _prop_key(name: str) -> str:
    """A property name as the current APIs spell it: the legacy `UnityEngine.iOS.LocalNotification` has
    `fireDate`, `repeatInterval`, `alertBody` where the Mobile Notifications package has `FireTime`, ..."""
    return name[:1].upper() + name[1:]


def _cs_fixed(node: Node | None, ctx: CheckContext, depth: int = 0) -> bool:
    """A time the game fixed: literals, constants and serialized fields, loop counters,
    `DateTime.Now.AddHours(24)`, `TimeSpan.FromDays(1)`, `new TimeSpan(8, 0, 0)`; not a value that
    comes from a parameter, the player's settings or the game state (`energyFullTime`)."""
    if node is None or depth > 10:
        return False
    kind = node.type
    if kind in ("integer_literal", "real_literal", "boolean_literal", "string_literal"):
        return True
    if kind == "argument":
        return _cs_fixed(node.named_children[-1] if node.named_children else None, ctx, depth + 1)
    if kind == "cast_expression":
        return _cs_fixed(node.child_by_field_name("value"), ctx, depth + 1)
    if kind in ("parenthesized_expression", "prefix_unary_expression", "binary_expression", "checked_expression", "initializer_expression"):
        return all(_cs_fixed(c, ctx, depth + 1) for c in node.named_children)
    if kind in ("array_creation_expression", "implicit_array_creation_expression"):
        init = next((c for c in node.named_children if c.type == "initializer_expression"), None)
        return init is not None and _cs_fixed(init, ctx, depth + 1)
    if kind == "conditional_expression":
        # `isDebug ? Now.AddMinutes(i) : Now.AddDays(i)`: fixed when both outcomes are
        return all(_cs_fixed(node.child_by_field_name(f), ctx, depth + 1) for f in ("consequence", "alternative"))
    source = text(node)
    if USER_SOURCE.search(source):
        return False
    if kind == "member_access_expression":
        if re.match(r"^(System\.)?DateTime(Offset)?\.(Now|UtcNow|Today)$", source):
            return True
        if re.match(r"^(TimeSpan|Mathf|Math)\.\w+$|^[A-Z][A-Z0-9_]+$", source.rsplit(".", 1)[-1]) or re.match(r"^[A-Z][A-Z0-9_]*$", source.rsplit(".", 1)[-1]):
            return True
        inner = node.child_by_field_name("expression")
        return _cs_fixed(inner, ctx, depth + 1) and not STATE_NAME.search(text(node.child_by_field_name("name")))
    if kind == "identifier":
        return _cs_fixed_name(node, ctx, depth)
    if kind == "element_access_expression":
        # an entry of an array the designer filled in (`[SerializeField] Config[] reminders; ... reminders[i].DelayHours`)
        array = node.child_by_field_name("expression")
        return array is not None and array.type == "identifier" and _cs_designer_field(node, text(array))
    if kind == "invocation_expression":
        call = as_call(node)
        args = argument_nodes(call) if call is not None else []
        if call is not None and ((call.name == "Range" and call.receiver.endswith("Random")) or (call.name == "Next" and len(args) == 2)):
            # a random delay the game drew between fixed bounds (`rand.Next(20, 45)`, `Random.Range(2, 6)`)
            return all(_cs_fixed(a, ctx, depth + 1) for a in args)
        if call is None or not re.match(r"^(Add(Seconds|Minutes|Hours|Days|Months|Ticks)|From(Seconds|Minutes|Hours|Days|Milliseconds|Ticks)|ToLocalTime|ToUniversalTime|Max|Min|Clamp|RoundToInt|FloorToInt|CeilToInt)$", call.name):
            return False
        func = node.child_by_field_name("function")
        receiver = func.child_by_field_name("expression") if func is not None and func.type == "member_access_expression" else None
        parts = [a for a in argument_nodes(call)]
        if receiver is not None and call.name.startswith(("Add", "To")):
            parts.append(receiver)
        return all(_cs_fixed(p, ctx, depth + 1) for p in parts)
    if kind == "object_creation_expression":
        call = as_call(node)
        return call is not None and call.name in ("TimeSpan", "DateTime") and all(_cs_fixed(a, ctx, depth + 1) for a in argument_nodes(call))
    return False


def _cs_fixed_name(node: Node, ctx: CheckContext, depth: int) -> bool:
    name = text(node)
    if re.match(r"^[A-Z][A-Z0-9_]*$", name):
        return True
    for loop in (a for a in ancestors(node) if a.type == "for_statement"):
        init = loop.child_by_field_name("initializer")
        if init is not None and _cs_declarators(init, name):
            return True
    for loop in (a for a in ancestors(node) if a.type == "foreach_statement"):
        if text(loop.child_by_field_name("left")) == name:
            # an item of a list the game fixed (`foreach (var days in reminderDays)` over `{ 1, 3, 7 }` or an inspector array)
            items = loop.child_by_field_name("right")
            return items is not None and (_cs_fixed(items, ctx, depth + 1) or (items.type == "identifier" and _cs_designer_field(node, text(items))))
    method = _cs_method(node)
    if method is not None:
        params = method.child_by_field_name("parameters")
        if params is not None and any(text(p.child_by_field_name("name")) == name for p in params.named_children):
            return False
        decls = [d for d in _cs_declarators(method, name) if d.start_byte < node.start_byte]
        if decls:
            # the declared value and every later assignment before this use (`DateTime target;` then
            # `target = new DateTime(..., morningHour, 0, 0)` in each branch, or `t = t.AddHours(picker.Hour)`)
            value = _cs_initial_value(decls[-1])
            values = [a.child_by_field_name("right") for a in walk(method) if a.type == "assignment_expression"
                      and decls[-1].start_byte < a.start_byte < node.start_byte and text(a.child_by_field_name("left")) == name]
            values += [value] if value is not None else []
            return bool(values) and all(_cs_fixed(v, ctx, depth + 1) for v in values)
    if STATE_NAME.search(name):
        return False
    cls = _cs_class(node)
    for decl in _cs_declarators(cls, name) if cls is not None else []:
        field = next((a for a in ancestors(decl) if a.type in ("field_declaration", "property_declaration")), None)
        if field is None:
            continue
        if re.search(r"\b(const|readonly)\b|SerializeField|\[Header|\[Tooltip|\[Range|\[Min", text(field)) or _cs_fixed(_cs_initial_value(decl), ctx, depth + 1):
            return True
        if _cs_initial_value(decl) is None:
            # a field the class sets before scheduling (`fireTime = new DateTime(now.Year, now.Month, now.Day, 9, 0, 0);`)
            values = [a.child_by_field_name("right") for a in walk(cls) if a.type == "assignment_expression"
                      and re.sub(r"^this\.", "", text(a.child_by_field_name("left"))) == name]
            # `fireTime = fireTime.AddDays(1)` moves the same time on: judged by the other assignments
            values = [v for v in values if name not in {text(n) for n in walk(v) if n.type == "identifier"}]
            return bool(values) and all(_cs_fixed(v, ctx, depth + 1) for v in values)
    return False


def _cs_designer_field(node: Node, name: str) -> bool:
    """`name` is a field of the class set in the inspector or in code once (`[SerializeField]`, `readonly`, `const`)."""
    cls = _cs_class(node)
    for decl in _cs_declarators(cls, name) if cls is not None else []:
        field = next((a for a in ancestors(decl) if a.type == "field_declaration"), None)
        if field is not None and re.search(r"\b(const|readonly)\b|SerializeField|\[Header|\[Tooltip", text(field)):
            return True
    return False


def _cs_true(values: list[Node]) -> bool:
    return any(text(v).strip() == "true" for v in values)


def _cs_repeat(props: dict[str, list[Node]], call: Node, ctx: CheckContext) -> str | None:
    """How the notification repeats, when the game chose the interval."""
    for value in props.get("RepeatInterval", []):
        source = text(value).strip()
        m = re.search(r"NotificationRepeatInterval\.(Daily|Hourly)", source)
        if m:
            return m.group(1).lower()
        m = re.search(r"CalendarUnit\.(Minute|Hour|Day|Weekday|Week|Month)", source)
        if m:
            return f"every {m.group(1).lower()}"  # the legacy iOS LocalNotification.repeatInterval
        if source not in ("null", "default", "TimeSpan.Zero") and not _cs_optional(value):
            return f"every {_cs_span(source)}"
    if _cs_true(props.get("Repeats", []) + props.get("Repeat", []) + props.get("repeats", []) + props.get("repeat", [])):
        if props.get("Hour"):
            return "every day" if not props.get("Day") else "on a calendar"
        interval = (props.get("TimeInterval") or props.get("Interval") or [None])[0]
        return f"every {_cs_span(text(interval))}" if interval is not None else "on a fixed interval"
    m = re.search(r"NotificationRepeat\.(Every\w+)", " ".join(text(a) for a in argument_nodes(as_call(call))))
    if m:
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", m.group(1)).lower()
    return None


def _cs_optional(value: Node) -> bool:
    """The repeat is set only when the caller asks for it (`if (repeat) n.RepeatInterval = interval;`)."""
    method = _cs_method(value)
    return any(a.type in ("if_statement", "conditional_expression") for a in ancestors(value) if method is None or within(a, method))


def _cs_span(source: str) -> str:
    m = re.search(r"From(Seconds|Minutes|Hours|Days)\(\s*([\d.]+)", source)
    if m:
        unit = m.group(1).lower()
        return f"{m.group(2)} {unit[:-1] if m.group(2) == '1' else unit}"
    m = re.search(r"new\s+(System\.)?TimeSpan\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)", source)
    if m:
        return f"{m.group(2)}h{int(m.group(3)):02d}"
    return "fixed interval"


def _cs_times(props: dict[str, list[Node]], call: Node) -> list[Node]:
    """The nodes that say when the notification fires."""
    times = [v for key in TIME_PROPS for v in props.get(key, [])]
    if times:
        return times
    # a wrapper: the arguments that look like a time or a delay
    out = []
    for arg in argument_nodes(as_call(call)):
        value = arg.named_children[-1] if arg.type == "argument" and arg.named_children else arg
        source = text(value)
        if re.search(r"DateTime|TimeSpan|Add(Seconds|Minutes|Hours|Days)|From(Seconds|Minutes|Hours|Days)", source) or _cs_number(value):
            out.append(value)
        elif value.type in ("identifier", "member_access_expression") and re.search(r"(time|delay|hours?|minutes?|seconds?|days?|when|date|delivery|fire|after|interval)$", source, re.I):
            out.append(value)
    return out


def _cs_number(node: Node) -> bool:
    """A number written in the code: `24`, `2.5f`, `3 * 60`, `(6 * 60)`."""
    if node.type in ("integer_literal", "real_literal"):
        return True
    return node.type in ("binary_expression", "parenthesized_expression") and bool(node.named_children) and all(
        _cs_number(c) for c in node.named_children
    )


def _cs_entry(ctx: CheckContext, node: Node) -> tuple[str, str] | None:
    """(kind, hook) when the code runs from a Unity lifecycle hook: kind `leave` (the player leaves:
    OnApplicationPause/Quit/Focus, OnDisable/OnDestroy), `start` (Start/Awake/OnEnable) or
    `repeat` (InvokeRepeating); followed through the methods of the same file."""
    for name, callers in _cs_chain(ctx, node):
        if name in LEAVE_HOOKS:
            return "leave", name
        if name in START_HOOKS:
            return "start", name
        if any(how == "InvokeRepeating" for _, how in callers):
            return "repeat", f"InvokeRepeating(\"{name}\")"
    return None


def _cs_chain(ctx: CheckContext, node: Node, levels: int = 4):
    """(name, its callers in this file) for the method around the code, then for the methods calling it,
    level by level (`levels` deep), each method once."""
    frontier = [node]
    seen: set[int] = set()
    for _ in range(levels):
        following = []
        for current in frontier:
            method = _cs_method(current)
            if method is None or method.id in seen:
                continue
            seen.add(method.id)
            name = function_name(method)
            callers = _callers(ctx, name)
            yield name, callers
            following += [caller for caller, _ in callers]
        frontier = following


def _cs_in_loop(call: Node, method: Node | None) -> bool:
    for loop in ancestors(call):
        if method is not None and loop.id == method.id:
            return False
        if loop.type in CS_LOOPS:
            return True
    return False


def _cs_series(ctx: CheckContext, call: Node, method: Node | None) -> bool:
    """Two or more fixed-delay Unity notifications scheduled by the same method."""
    if method is None:
        return False
    sdk_calls = [
        n for n in walk(method)
        if n.type == "invocation_expression" and (c := as_call(n)) is not None and SDK_RECEIVER.search(c.receiver)
        and c.name in ("SendNotification", "SendNotificationWithExplicitID", "ScheduleNotification")
    ]
    if len(sdk_calls) < 2:
        return False
    fixed = [n for n in sdk_calls if _cs_all_fixed(_cs_times(_cs_props(ctx, n)[0], n), ctx)]
    # the same notification sent twice after a status check is one notification, not a series
    distinct = {text(argument_nodes(as_call(n))[0]) for n in fixed if argument_nodes(as_call(n))}
    return len(fixed) >= 2 and len(distinct) >= 2


def _cs_user_time(value: Node | None, method: Node | None) -> bool:
    """The time comes from the player's settings (`PlayerPrefs.GetInt("reminder_hour")`), directly
    or through a local variable."""
    if value is None:
        return False
    if USER_SOURCE.search(text(value)):
        return True
    for name in {text(n) for n in walk(value) if n.type == "identifier"} if method is not None else ():
        for decl in _cs_declarators(method, name):
            if USER_SOURCE.search(text(_cs_initial_value(decl))):
                return True
    return False


def _cs_sent_before(node: Node, method: Node | None) -> bool:
    """The same notification object was already scheduled earlier in the method (the package's
    sample re-sends it after `CheckScheduledNotificationStatus`): one notification, reported once."""
    args = argument_nodes(as_call(node))
    if method is None or not args:
        return False
    first = text(args[0])
    return any(
        n.type == "invocation_expression" and n.start_byte < node.start_byte and (c := as_call(n)) is not None
        and c.name == as_call(node).name and c.receiver == as_call(node).receiver and argument_nodes(c) and text(argument_nodes(c)[0]) == first
        for n in walk(method)
    )


def _cs_factory(node: Node, call: Call) -> bool:
    """`var n = manager.CreateNotification();`: a factory that returns an object, not a scheduling call."""
    parent = node.parent
    stored = parent is not None and parent.type in ("equals_value_clause", "variable_declarator", "assignment_expression", "return_statement")
    return call.name.startswith(("Create", "New", "Build", "Make")) and (stored or not argument_nodes(call))


def _cs_handed_in(node: Node, method: Node | None) -> bool:
    """The notification comes from elsewhere: a parameter of the method or an item of a loop
    (`foreach (var pending in PendingNotifications) Platform.ScheduleNotification(pending.Notification)`),
    so it was planned, and is judged, where it was built."""
    if method is None:
        return False
    params = method.child_by_field_name("parameters")
    names = {text(p.child_by_field_name("name")) for p in (params.named_children if params is not None else [])}
    names |= {text(loop.child_by_field_name("left")) for loop in ancestors(node) if loop.type == "foreach_statement" and within(loop, method)}
    # a local taken from a list: `var pending = PendingNotifications[i];`
    names |= {text(d.child_by_field_name("name") or d.named_children[0]) for d in walk(method)
              if d.type == "variable_declarator" and (v := _cs_initial_value(d)) is not None and v.type == "element_access_expression"}
    for arg in argument_nodes(as_call(node)):
        value = arg.named_children[-1] if arg.type == "argument" and arg.named_children else arg
        root = text(value).split(".", 1)[0].strip()
        if root in names:
            return True
    return False


def _cs_all_fixed(times: list[Node], ctx: CheckContext) -> bool:
    return bool(times) and all(_cs_fixed(t, ctx) for t in times)


def unity_scheduled_notification(ctx: CheckContext) -> Verdict | bool:
    """A Unity local notification (or the game's own scheduling wrapper) that pulls the player back."""
    return _cs_judge_scheduled(ctx, ctx.node, cross_file=True)


def _cs_judge_scheduled(ctx: CheckContext, node: Node, cross_file: bool) -> Verdict | bool:
    """`unity_scheduled_notification` for one call; `cross_file` lets it ask the project index about
    wrappers of other files and callers in other files (off when judging another file's call)."""
    call = as_call(node)
    if call is None or NOT_SCHEDULING.search(call.name):
        return False
    sdk = bool(SDK_RECEIVER.search(call.receiver)) or call.name == "ScheduleLocalNotification"
    if not sdk and call.receiver in ("", "this") and call.name in _methods_by_name(ctx):
        # the game's own wrapper, defined here: judged by the calls inside it, or here when the
        # time it schedules for is one of its parameters
        return _cs_wrapper_call(ctx, node, call)
    if cross_file and not sdk and call.receiver not in ("", "this"):
        wrapper = _cs_remote_wrapper(ctx, call)
        if wrapper is not None:
            # the game's own wrapper, written in another file: judged here with what this call passes
            return _cs_remote_wrapper_call(ctx, node, call, wrapper)
    if call.name in ("Send", "SendWithAppIcon", "SendCustom") and not re.search(r"Notification", call.receiver):
        return False
    method = _cs_method(node)
    if _cs_sent_before(node, method) or _cs_factory(node, call):
        return False
    props, sources = _cs_props(ctx, node)
    api = f"{call.receiver + '.' if call.receiver else ''}{call.name}"
    if any(_cs_user_time(v, method) for key in TIME_PROPS + ("RepeatInterval",) for v in props.get(key, [])):
        return False  # at a time the player picked
    repeat = _cs_repeat(props, node, ctx)
    if repeat:
        return Verdict(message=f"a local notification repeats {repeat} on a schedule the game chose ({api}), not one the player set", note=_quiet_note(ctx))
    times = _cs_times(props, node)
    fixed = _cs_all_fixed(times, ctx)
    names = " ".join([function_name(method) if method is not None else ""] + [text(s) for s in sources if s.type in ("identifier", "string_literal", "member_access_expression")] + [text(v) for key in ("Identifier", "Id", "Group", "Data", "IntentData") for v in props.get(key, [])])
    if fixed and _cs_in_loop(node, method):
        return Verdict(message=f"a series of local notifications is scheduled in a loop at times the game fixed ({api}), to bring the player back", note=_quiet_note(ctx))
    if sdk and fixed and _cs_series(ctx, node, method):
        return Verdict(message=f"a series of local notifications is scheduled at fixed delays ({api}), to bring the player back", note=_quiet_note(ctx))
    entry = _cs_entry(ctx, node)
    if entry is not None:
        kind, hook = entry
        if kind == "repeat":
            return Verdict(message=f"a local notification is scheduled over and over from a timer ({api} run by {hook})", note=_quiet_note(ctx))
        if fixed or (kind == "leave" and not times and not sdk and not _cs_handed_in(node, method)):
            when = "when the player leaves the game" if kind == "leave" else "every time the game starts"
            return Verdict(message=f"a re-engagement notification is scheduled {when} ({api} in {hook}), for a fixed delay rather than for something that happened", note=_quiet_note(ctx))
    m = REENGAGE_NAME.search(names)
    if m and (fixed or not times):
        return Verdict(message=f"a re-engagement notification ({m.group(0)}) is scheduled to bring the player back ({api})", note=_quiet_note(ctx))
    lure = _cs_lure([v for key in COPY_PROPS for v in props.get(key, [])])
    if lure and fixed:
        return Verdict(message=f"a notification worded as a lure (\"{lure}\") is scheduled for a fixed delay ({api}), to bring the player back", note=_quiet_note(ctx))
    if cross_file and sdk and entry is None and method is not None:
        return _cs_called_from_other_files(ctx, node, method, api, fixed, bool(times))
    return False


COPY_PROPS = ("Title", "Text", "Body", "Subtitle", "Message", "AlertBody", "title", "text", "body", "message")


def _cs_lure(values: list[Node]) -> str | None:
    """The re-engagement line among string values of a notification (its title and text), or None."""
    for value in values:
        if value is None or value.type not in ("string_literal", "verbatim_string_literal", "interpolated_string_expression"):
            continue
        source = text(value)
        m = GAME_LURE.search(source)
        phrase = _copy_phrase(source) or (m.group(0).strip() if m else None)
        if phrase:
            return phrase
    return None


INNER_SCHEDULING = re.compile(r"^(SendNotification|SendNotificationWithExplicitID|ScheduleNotification|ScheduleLocalNotification|Send|SendWithAppIcon|SendCustom)$")


def _cs_params(method: Node) -> list[str]:
    params = method.child_by_field_name("parameters")
    return [text(p.child_by_field_name("name")) for p in (params.named_children if params is not None else []) if p.type == "parameter"]


def _cs_time_params(ctx: CheckContext, method: Node) -> set[str]:
    """The parameters of a scheduling method of the file that set when its notification fires
    (`void CreateNotification(string channel, int delay) { ... FireTime = Now.AddDays(delay) ... }`)."""
    params = set(_cs_params(method))
    used: set[str] = set()
    for inner in walk(method):
        if inner.type != "invocation_expression" or (c := as_call(inner)) is None or not INNER_SCHEDULING.match(c.name):
            continue
        for value in _cs_times(_cs_props(ctx, inner)[0], inner):
            used |= {text(n) for n in walk(value) if n.type == "identifier"} & params
    return used


def _cs_wrapper_times(ctx: CheckContext, call: Call) -> list[Node]:
    """What this call of a scheduling method of the file passes for its time parameters."""
    definition = _methods_by_name(ctx)[call.name][0]
    time_params = _cs_time_params(ctx, definition)
    if not time_params:
        return []
    names = _cs_params(definition)
    out = []
    for index, arg in enumerate(argument_nodes(call)):
        label = arg.child_by_field_name("name") if arg.type == "argument" else None
        param = text(label).rstrip(": ") if label is not None else (names[index] if index < len(names) else "")
        if param in time_params:
            out.append(arg.named_children[-1] if arg.type == "argument" and arg.named_children else arg)
    return out


def _cs_handed_times(ctx: CheckContext, node: Node, call: Call) -> list[Node]:
    """When the method of this file only sends the notification object it is handed
    (`void SendNotification(AndroidNotification n) { AndroidNotificationCenter.SendNotification(n, channel); }`),
    the time of the notification this call hands it."""
    definition = _methods_by_name(ctx)[call.name][0]
    params = set(_cs_params(definition))
    hands_on = any(
        inner.type == "invocation_expression" and (c := as_call(inner)) is not None and INNER_SCHEDULING.match(c.name)
        and argument_nodes(c) and text(argument_nodes(c)[0]).strip() in params
        for inner in walk(definition)
    )
    return _cs_times(_cs_props(ctx, node)[0], node) if hands_on else []


def _cs_wrapper_call(ctx: CheckContext, node: Node, call: Call) -> Verdict | bool:
    """A call of the game's own scheduling method with a time the game fixed: in a loop, as one of
    several in a row, or from a lifecycle hook (`for (int i = 1; i <= 14; i++) CreateNotification("gift", i);`)."""
    times = _cs_wrapper_times(ctx, call) or _cs_handed_times(ctx, node, call)
    if not _cs_all_fixed(times, ctx):
        return False
    method = _cs_method(node)
    api = f"{call.name}()"
    if _cs_in_loop(node, method):
        return Verdict(message=f"a series of local notifications is scheduled in a loop at times the game fixed ({api}), to bring the player back", note=_quiet_note(ctx))
    siblings = [
        n for n in walk(method) if n.type == "invocation_expression" and (c := as_call(n)) is not None and c.name == call.name
        and c.receiver == call.receiver and _cs_all_fixed(_cs_wrapper_times(ctx, c), ctx)
    ] if method is not None else []
    if len(siblings) >= 2 and siblings[0].id == node.id:
        return Verdict(message=f"a series of {len(siblings)} local notifications is scheduled at fixed delays ({api}), to bring the player back", note=_quiet_note(ctx))
    entry = _cs_entry(ctx, node)
    if entry is not None and len(siblings) < 2:
        kind, hook = entry
        when = {"leave": "when the player leaves the game", "start": "every time the game starts", "repeat": "over and over from a timer"}[kind]
        return Verdict(message=f"a re-engagement notification is scheduled {when} ({api} in {hook}), for a time the game fixed rather than for something that happened", note=_quiet_note(ctx))
    m = REENGAGE_NAME.search(function_name(method) if method is not None else "")
    lure = _cs_lure([a.named_children[-1] if a.type == "argument" and a.named_children else a for a in argument_nodes(call)])
    if m or lure:
        why = f"named {m.group(0)}" if m else f"worded \"{lure}\""
        return Verdict(message=f"a re-engagement notification ({why}) is scheduled for a fixed delay ({api}), to bring the player back", note=_quiet_note(ctx))
    return False


# --------------------------------------------------------------------------------------------
# Unity (C#): the game's notification wrapper written in another file of the project

# what a wrapper's text must show to be a notification wrapper (checked on the project index's text first)
SENDS_TEXT = re.compile(
    r"\b(AndroidNotificationCenter|iOSNotificationCenter|NotificationCenter)\s*\.\s*(SendNotification\w*|ScheduleNotification|UpdateScheduledNotification)\b|"
    r"\bScheduleLocalNotification\b|\w*Notifications?\w*\s*\.\s*(SendNotification|ScheduleNotification|Send|SendWithAppIcon|SendCustom)\s*\("
)
# receivers and names a call of the game's notification wrapper has (`NotificationManager.Instance`, `_notificationSender`)
NOTIF_RECEIVER = re.compile(r"[Nn]otif|[Rr]emind|[Pp]ush|[Aa]larm")
WRAPPER_FN = re.compile(r"^(Send|Schedule|Queue|Enqueue|Push|Fire|Notify|Remind|Plan|Trigger|Deliver|Post|Set|Add|Create|Display|Show|Register|Make|Build)")
HOOK_NAMES = LEAVE_HOOKS + START_HOOKS


class _Wrapper:
    """The game's notification method in another file: the file (as a context of its own), the method,
    where it is, the SDK call it makes, its parameters and which of them set the time."""

    def __init__(self, rctx: CheckContext, method: Node, where: str, sends: str, time_params: set[str], handed: bool,
                 fixed_inside: bool, reported_there: bool):
        self.rctx, self.method, self.where, self.sends = rctx, method, where, sends
        self.time_params, self.handed, self.fixed_inside, self.reported_there = time_params, handed, fixed_inside, reported_there


def _cs_sends(call: Call) -> bool:
    return bool(INNER_SCHEDULING.match(call.name)) and (
        bool(SDK_RECEIVER.search(call.receiver)) or call.name == "ScheduleLocalNotification" or "notif" in call.receiver.lower()
    )


def _cs_other_file(ctx: CheckContext, index: ProjectIndex, path: str) -> CheckContext | None:
    """Another C# file of the project (parsed by the project index), as a context the checks can read."""

    def build() -> CheckContext | None:
        source = index.source(path)
        if source is None:
            return None
        tree = source.regions[0].root
        return CheckContext(node=tree, captures={}, language="csharp", root=tree, path=Path(path), data=source.data, project_root=index.root)

    return ctx.remember(f"nsg_other:{path}", build)


def _cs_receiver_type(ctx: CheckContext, receiver: str) -> str:
    """The class a call's receiver is an object of: `GetComponent<T>()`, `T.Instance`, a field or local
    declared `T name`; "" when unknown."""
    m = re.search(r"<\s*(\w+)\s*>\s*\(\s*\)", receiver)
    if m:
        return m.group(1)
    head = re.sub(r"^this\s*\.\s*", "", receiver).split(".")[0].strip()
    if not re.fullmatch(r"\w+", head):
        return ""
    m = re.search(rf"\b([A-Z]\w*)(?:<[^<>;]*>)?\s+{re.escape(head)}\s*[;=,)]", ctx.code_without_comments())
    if m and m.group(1) not in ("return", "new"):
        return m.group(1)
    return head if head[:1].isupper() else ""


def _cs_owner_fits(owner: str, receiver_type: str, receiver: str) -> bool:
    """The wrapper's class is the one the call's receiver is (`INotifier` for `Notifier` too)."""
    if receiver_type:
        return receiver_type in (owner, "I" + owner)
    head = re.sub(r"[^a-z]", "", re.sub(r"^this\s*\.\s*", "", receiver).split(".")[0].lower())
    return len(head) >= 4 and (head in owner.lower() or owner.lower() in head)


def _cs_remote_wrapper(ctx: CheckContext, call: Call) -> _Wrapper | None:
    """The method of another file of the project this call runs, when it schedules a local notification
    (`NotificationManager.Instance.ScheduleReminder(...)` -> `AndroidNotificationCenter.SendNotification`), or None.
    Asked only for calls whose receiver or name is about notifications."""
    if not (NOTIF_RECEIVER.search(call.receiver) or re.search(r"Notif|Remind|Push", call.name)) or len(call.name) < 4:
        return None

    def build() -> _Wrapper | None:
        from designlint import project_index

        index = project_index.for_context(ctx)
        here = str(Path(ctx.path).resolve())
        receiver_type = _cs_receiver_type(ctx, call.receiver)
        for found in index.definitions(call.name):
            if found.path == here or not found.owner or not SENDS_TEXT.search(found.text) or not _cs_owner_fits(found.owner, receiver_type, call.receiver):
                continue
            rctx = _cs_other_file(ctx, index, found.path)
            if rctx is None:
                continue
            method = next((m for m in functions_by_name(rctx).get(found.name, []) if m.start_point[0] + 1 == found.line), None)
            wrapper = _cs_wrapper_facts(rctx, method, f"{found.shown}:{found.line}") if method is not None else None
            if wrapper is not None:
                return wrapper
        return None

    return ctx.remember(f"nsg_wrapper:{call.receiver}.{call.name}", build)


def _cs_wrapper_facts(rctx: CheckContext, method: Node, where: str) -> _Wrapper | None:
    """What a notification method of another file does: its SDK call (directly or through one method of
    its class), the parameters that set the time, whether it sends a notification it is handed, whether
    its own time is fixed, and whether that file already reports the SDK call."""
    params = set(_cs_params(method))
    sends = [n for n in walk(method) if n.type == "invocation_expression" and (c := as_call(n)) is not None and _cs_sends(c)]
    time_params = _cs_time_params(rctx, method) if sends else set()
    if not sends:
        # one step through a method of the same class (`ScheduleReminder(...)` -> `Send(BuildNotification(...))`)
        for inner in walk(method):
            c = as_call(inner) if inner.type == "invocation_expression" else None
            if c is None or c.receiver not in ("", "this") or c.name not in _methods_by_name(rctx):
                continue
            target = _methods_by_name(rctx)[c.name][0]
            if target.id == method.id:
                continue
            inner_sends = [n for n in walk(target) if n.type == "invocation_expression" and (d := as_call(n)) is not None and _cs_sends(d)]
            if inner_sends:
                sends = inner_sends
                time_params = {text(i) for v in _cs_wrapper_times(rctx, c) for i in walk(v) if i.type == "identifier"} & params
                break
    if not sends:
        return None
    sdk = sends[0]
    first = argument_nodes(as_call(sdk))
    handed = bool(first) and text(first[0]).strip() in params and not time_params
    own_times = [t for t in _cs_times(_cs_props(rctx, sdk)[0], sdk) if not ({text(i) for i in walk(t) if i.type == "identifier"} & params)]
    fixed_inside = not time_params and not handed and _cs_all_fixed(own_times, rctx)
    reported = bool(_cs_judge_scheduled(rctx, sdk, cross_file=False))
    c = as_call(sdk)
    return _Wrapper(rctx, method, where, f"{c.receiver + '.' if c.receiver else ''}{c.name}", time_params, handed, fixed_inside, reported)


def _cs_bind(call: Call, method: Node, wanted: set[str]) -> list[Node]:
    """The values a call passes for some parameters of `method` (by position or by name), with the
    parameter's default value when the call leaves it out."""
    names = _cs_params(method)
    out: dict[str, Node] = {}
    for index, arg in enumerate(argument_nodes(call)):
        label = arg.child_by_field_name("name") if arg.type == "argument" else None
        param = text(label).rstrip(": ") if label is not None else (names[index] if index < len(names) else "")
        if param in wanted:
            out[param] = arg.named_children[-1] if arg.type == "argument" and arg.named_children else arg
    params = method.child_by_field_name("parameters")
    for p in params.named_children if params is not None else []:
        name = text(p.child_by_field_name("name"))
        # `int hours = 24`: the value after `=` (an equals_value_clause in older grammars)
        after = [c for c in p.children if c.start_byte > p.child_by_field_name("name").end_byte and c.is_named] if p.child_by_field_name("name") is not None else []
        default = after[-1] if after else None
        if default is not None and default.type == "equals_value_clause":
            default = default.named_children[-1] if default.named_children else None
        if name in wanted and name not in out and default is not None:
            out[name] = default
    return list(out.values())


def _cs_remote_times(ctx: CheckContext, node: Node, call: Call, wrapper: _Wrapper) -> list[Node]:
    """The nodes that say when the wrapper's notification fires for this call: the arguments for its time
    parameters (or their defaults in the wrapper's file), or the time of the notification it is handed."""
    if wrapper.time_params:
        return _cs_bind(call, wrapper.method, wrapper.time_params)
    if wrapper.handed:
        return _cs_times(_cs_props(ctx, node)[0], node)
    return []


def _cs_remote_entry(ctx: CheckContext, method: Node | None) -> tuple[str, str] | None:
    """(kind, where) when the method around a call, or a method of this file calling it, is called from a
    Unity hook of another file (`_sender.OnPauseGame()` in `OnApplicationFocus`), up to two levels."""
    if method is None:
        return None
    from designlint import project_index

    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    names = [function_name(method)] + [function_name(m) for caller, _ in _callers(ctx, function_name(method)) if (m := _cs_method(caller)) is not None]
    seen: set[str] = set()
    frontier = [n for n in names if n and not _too_common_here(n) and n not in HOOK_NAMES]
    for _ in range(2):
        following = []
        for name in frontier:
            if name in seen:
                continue
            seen.add(name)
            for site in index.calls(name):
                if site.path == here or project_index.classify(site) == "user":
                    continue
                hook = next((f for f in site.functions if f in HOOK_NAMES), None)
                if hook:
                    return ("leave" if hook in LEAVE_HOOKS else "start"), f"{hook} in {site.where()}"
                if site.functions:
                    following.append(site.functions[0])
        frontier = following
    return None


def _cs_remote_wrapper_call(ctx: CheckContext, node: Node, call: Call, wrapper: _Wrapper) -> Verdict | bool:
    """A call of the game's notification wrapper of another file, judged where the trigger and the delay are
    chosen: from a leave or start hook (of this file, or of another file calling this method) for a fixed delay,
    or worded as a lure / named after inactivity for a fixed delay."""
    if wrapper.reported_there:
        return False  # the wrapper's own file already reports the notification it schedules
    method = _cs_method(node)
    values = _cs_remote_times(ctx, node, call, wrapper)
    if any(_cs_user_time(v, method) for v in values if within(v, node)):
        return False  # at a time the player picked
    if values:
        fixed = all(_cs_fixed(v, ctx if within(v, node) else wrapper.rctx) for v in values)
    else:
        fixed = wrapper.fixed_inside or not (wrapper.time_params or wrapper.handed)
    api = f"{call.receiver}.{call.name}()"
    there = f"{wrapper.sends} in {wrapper.where}"
    siblings = [n for n in walk(method) if n.type == "invocation_expression" and (c := as_call(n)) is not None
                and c.name == call.name and c.receiver == call.receiver] if method is not None else []
    if fixed and len(siblings) >= 2:
        # several in one go (`Send("...", 1 * 60); Send("...", 2 * 60); ...`): one series, reported once
        if siblings[0].id != node.id:
            return False
        return Verdict(message=f"a series of {len(siblings)} local notifications is scheduled at fixed delays ({api}, which calls {there}), to bring the player back", note=_quiet_note(ctx))
    entry = _cs_entry(ctx, node) or _cs_remote_entry(ctx, method)
    if entry is not None and fixed:
        kind, hook = entry
        when = {"leave": "when the player leaves the game", "start": "every time the game starts", "repeat": "over and over from a timer"}[kind]
        return Verdict(message=f"a re-engagement notification is scheduled {when} ({api} in {hook}, which calls {there}), for a fixed delay rather than for something that happened", note=_quiet_note(ctx))
    args = [a.named_children[-1] if a.type == "argument" and a.named_children else a for a in argument_nodes(call)]
    lure = _cs_lure(args)
    m = REENGAGE_NAME.search(" ".join([call.name] + [text(a) for a in args if a.type in ("identifier", "member_access_expression")]))
    if (lure or m) and fixed:
        why = f"worded \"{lure}\"" if lure else f"named {m.group(0)}"
        return Verdict(message=f"a re-engagement notification ({why}) is scheduled for a fixed delay ({api}, which calls {there}), to bring the player back", note=_quiet_note(ctx))
    return False


def _cs_caller_side(receiver: str, name: str) -> bool:
    """Whether a call of this shape is judged at the call site (the `unity-scheduled-notification` or
    `unity-notification-wrapper-call` query matches it), so the wrapper itself stays quiet."""
    return bool(SCHEDULING_NAME.match(name)) or (bool(NOTIF_RECEIVER.search(receiver)) and bool(WRAPPER_FN.match(name)))


def _cs_called_from_other_files(ctx: CheckContext, node: Node, method: Node, api: str, fixed: bool, has_times: bool) -> Verdict | bool:
    """A notification the method of this file schedules for a time it fixed, when every call of the method
    (from other files) is in a leave or start hook and none of them is judged at its call site
    (`GameState.Instance.Save()` -> `Notifier.PlanTomorrow()` from `OnApplicationQuit`)."""
    if not fixed or not has_times:
        return False
    from designlint import project_index

    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    name = function_name(method)
    if _too_common_here(name) or name in HOOK_NAMES:
        return False
    sites = [s for s in index.calls(name) if s.path != here]
    hooks = []
    for site in sites:
        hook = next((f for f in site.functions if f in HOOK_NAMES), None)
        if _cs_caller_side(site.receiver, site.name) or hook is None or project_index.classify(site) == "user":
            return False
        hooks.append((hook, site))
    if not hooks:
        return False
    hook, site = hooks[0]
    when = "when the player leaves the game" if hook in LEAVE_HOOKS else "every time the game starts"
    return Verdict(message=f"a re-engagement notification is scheduled {when} ({api} in {name}(), called from {hook} in {site.where()}), for a fixed delay rather than for something that happened", note=_quiet_note(ctx))


# the scheduling names the `unity-scheduled-notification` query already matches (judged there)
SCHEDULING_NAME = re.compile(
    r"^(SendNotification|SendNotificationWithExplicitID|ScheduleNotification|ScheduleLocalNotification|UpdateScheduledNotification|Send|SendWithAppIcon|SendCustom|"
    r"Schedule[A-Za-z]*(Notification|Reminder|Notif|Push)s?(At|In|For|After|On|Later)?[A-Z]?[a-z]*|(Queue|Send|Create|Add|Fire|Push|Set)[A-Za-z]*(Notification|Reminder)s?)$"
)
LEAVE_CALL = re.compile(r"^(Send|Schedule|Queue|Enqueue|Push|Fire|Notify|Remind|Plan|Trigger|Deliver|Post|Set(Up)?(Notification|Reminder|Push|Local|Return|Comeback|Daily|All)|Add(Notification|Reminder|Local))")


def unity_leave_notification_call(ctx: CheckContext) -> Verdict | bool:
    """The game's notification script asked to send or schedule something when the player leaves
    (`MobileNotifications.SendContinueGame()` in `OnApplicationFocus(false)`): the notification
    itself is built in another file, but its trigger is the player leaving, not an event."""
    node = ctx.node
    call = as_call(node)
    if call is None or SCHEDULING_NAME.match(call.name) or NOT_SCHEDULING.search(call.name) or not LEAVE_CALL.match(call.name):
        return False
    entry = _cs_entry(ctx, node)
    if entry is None or entry[0] != "leave":
        return False
    if _cs_remote_wrapper(ctx, call) is not None:
        return False  # the wrapper is in the project: `unity-notification-wrapper-call` judges the call with it
    return Verdict(
        message=f"the game's notification script is asked to send a notification when the player leaves ({call.receiver}.{call.name}() in {entry[1]}), to bring them back",
        note=_quiet_note(ctx),
    )


def unity_notification_wrapper_call(ctx: CheckContext) -> Verdict | bool:
    """A call of the game's notification wrapper written in another file of the project
    (`NotificationsController.Instance.DisplayNotification("We miss you", ..., DateTime.Now.AddHours(24))`
    in `OnApplicationPause`): judged here, where the trigger and the delay are chosen, with what the
    wrapper's text says it does. Names the `unity-scheduled-notification` query matches are judged there."""
    node = ctx.node
    call = as_call(node)
    if call is None or SCHEDULING_NAME.match(call.name) or NOT_SCHEDULING.search(call.name):
        return False
    wrapper = _cs_remote_wrapper(ctx, call)
    return False if wrapper is None else _cs_remote_wrapper_call(ctx, node, call, wrapper)


# --------------------------------------------------------------------------------------------
# Unity (C#): the notification permission asked as soon as the game starts

PERMISSION_RECEIVER = re.compile(r"(Notification|Messaging|OneSignal|Push)", re.I)
PERMISSION_WRAPPER = re.compile(
    r"^(Request|Ask|Prompt)(For)?(Notification|Push)\w*(Permission|Authori[sz]ation)s?(Async)?$|^Request(Permission|Authori[sz]ation)s?(Async)?$|"
    r"^(Notification|Push)Permissions?Request(Async)?$"
)
IN_CONTEXT_CLASS = re.compile(r"(Settings|Options|Preferences|Prefs)")


def _cs_permission_api(ctx: CheckContext, node: Node) -> str | None:
    """The permission API a call or `new` uses, or None when it is not a notification permission."""
    call = as_call(node)
    if call is None:
        return None
    if node.type == "object_creation_expression":
        notif_package = b"Unity.Notifications" in ctx.data
        return f"new {call.name}()" if call.name == "AuthorizationRequest" or notif_package else None
    args = " ".join(text(a) for a in argument_nodes(call))
    if call.name == "RequestUserPermission":
        return "Permission.RequestUserPermission(POST_NOTIFICATIONS)" if "POST_NOTIFICATIONS" in args else None
    if call.name in ("RequestPermission", "RequestPermissionAsync", "RequestPermissions", "RequestPermissionsAsync") and "POST_NOTIFICATIONS" in args:
        # a runtime-permissions plugin asked for Android 13's notification permission (`AndroidRuntimePermissions.RequestPermission(...)`)
        return f"{call.receiver + '.' if call.receiver else ''}{call.name}(POST_NOTIFICATIONS)"
    if call.name in ("CallStatic", "Call"):
        # ActivityCompat.requestPermissions(activity, ["android.permission.POST_NOTIFICATIONS"], 0) through JNI
        return "ActivityCompat.requestPermissions(POST_NOTIFICATIONS)" if "requestPermissions" in args and "POST_NOTIFICATIONS" in args else None
    if not PERMISSION_RECEIVER.search(call.receiver) and not PERMISSION_WRAPPER.match(call.name):
        return None
    if call.receiver in ("", "this") and call.name in _methods_by_name(ctx):
        return None  # the game's own wrapper, defined here: judged by the request inside it
    if not PERMISSION_RECEIVER.search(call.receiver + call.name):
        return None
    return f"{call.receiver + '.' if call.receiver else ''}{call.name}()"


def unity_permission_on_start(ctx: CheckContext) -> Verdict | bool:
    """The notification permission prompt shown when a scene starts (Start/Awake/OnEnable, followed
    through the methods and coroutines of the same file, or from another script's start hook that calls
    this class's method, also through an interface it implements), not from a button the player pressed."""
    node = ctx.node
    api = _cs_permission_api(ctx, node)
    if api is None:
        return False
    method = _cs_method(node)
    if any(a.type in ("lambda_expression", "anonymous_method_expression") for a in ancestors(node) if method is None or within(a, method)):
        return False  # a handler (`button.onClick.AddListener(() => ...)`)
    cls = _cs_class(node)
    if cls is not None and IN_CONTEXT_CLASS.search(text(cls.child_by_field_name("name"))):
        return False  # a settings screen: the player came to turn notifications on
    entry = _cs_entry(ctx, node)
    hook = entry[1] if entry is not None and entry[0] == "start" else None
    if entry is None:
        hook = _cs_start_elsewhere(ctx, node, cls)
    if hook is None:
        return False
    return Verdict(message=f"the notification permission prompt ({api}) is shown as soon as the game starts (from {hook}), before the player has chosen anything that needs it")


# the permission calls the `unity-permission-on-start` query matches by name (judged at the call)
PERMISSION_CALL = re.compile(
    r"^(RequestPermission|RequestPermissionAsync|RequestUserPermission|CallStatic|RegisterForNotifications|RegisterForPushNotifications|"
    r"RegisterForPushNotificationsAsync|PromptForPushNotificationsWithUserResponse|Request(Notification|Push)[A-Za-z]*(Permission|Authori[sz]ation)s?(Async)?|"
    r"RequestAuthori[sz]ations?(Async)?|(Notification|Push)?Permissions?Request(Async)?|(Ask|Prompt)(For)?(Notification|Push)?[A-Za-z]*(Permission|Authori[sz]ation)s?(Async)?)$"
)


def _cs_start_elsewhere(ctx: CheckContext, node: Node, cls: Node | None) -> str | None:
    """`Start in Boot.cs:12` when a method of this class holding the code (or calling it) is called from
    another file's Start/Awake/OnEnable, directly or through two more methods there, on an object of
    this class or of an interface it implements (`IPermissionsRequester requester` handed in by a DI
    container, then `requester.RequestPermissions()` in the boot script's `Start`)."""
    from designlint import project_index
    from designlint.checks.autoplay_mobile_openers import _own_types

    owner = text(cls.child_by_field_name("name")) if cls is not None else ""
    if not owner:
        return None
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    types = _own_types(node, owner, ctx, index)
    for name, _ in _cs_chain(ctx, node):
        if not name or _too_common_here(name) or name in HOOK_NAMES:
            continue
        for site in index.calls_on_type(name, types):
            if site.path == here or (PERMISSION_CALL.match(site.name) and PERMISSION_RECEIVER.search(site.receiver + site.name)):
                continue  # the caller's own file judges a call named as a permission request
            found = _cs_start_site(site, index, 0)
            if found:
                return f"{found}, which runs {owner}.{name}()"
    return None


def _cs_start_site(site, index, depth: int) -> str | None:
    """`Start in Boot.cs:12` when a call site of another file runs from a start hook of its class, or from a
    method of that class such a hook calls (up to two levels); None from a button, a toggle or a leave hook."""
    from designlint import project_index

    if project_index.classify(site) == "user" or IN_CONTEXT_CLASS.search(site.owner):
        return None  # `toggle.onValueChanged.AddListener(on => ...)`, a settings screen
    holder = site.functions[0] if site.functions else ""
    if holder in START_HOOKS:
        return f"{holder} in {site.where()}"
    if not holder or holder in LEAVE_HOOKS or depth >= 2 or _too_common_here(holder) or USER_HOLDER.search(holder):
        return None
    for caller in index.calls_on_type(holder, (site.owner,)):
        found = _cs_start_site(caller, index, depth + 1) if caller.path == site.path or caller.receiver else None
        if found:
            return found
    return None


# a method the player runs (a button's or toggle's handler): what it calls is asked for, not pushed at start
USER_HOLDER = re.compile(r"(Click|Press|Tap|Toggle|Button|Changed|Select|Submit|Pointer)", re.I)


# --------------------------------------------------------------------------------------------
# re-engagement copy, both languages

NOTIF_NAME = re.compile(r"(notif|push|remind|nudge|re_?engag|reEngag|comeback|come_?back|inactiv|afk|lapsed|dormant|winback|win_back|retention|fcm|apns|expo|onesignal|webpush)", re.I)
COPY_KEYS = re.compile(r"^['\"]?(title|body|text|message|msg|subtitle|alert|content|contents|heading|headings|subject|summary|ticker|bigText|BigText|Title|Body|Text|Subtitle|Message)['\"]?$")
NOT_COPY_CALL = re.compile(r"^(Log|LogWarning|LogError|LogFormat|print|debug|info|warning|warn|error|exception|critical|log|Debug|assert\w*|Assert\w*|raise|gettext|_|Exception|ValueError|RuntimeError|HttpResponse|render|Text|TextMeshProUGUI|SetText|ShowDialog|ShowPopup|Toast)$")
COPY_KEY_PART = re.compile(r"^((title|body|text|message|msg|content|subtitle)_\w+|\w+_(title|body|text|message|msg|content|subtitle)|[a-z]\w*(Title|Body|Text|Message|Content|Subtitle))$")
# game lures the web rule's list does not have, and a few common translations
GAME_LURE = re.compile(
    r"(\bwhy (don['’]?t|not) (you )?(come back|play|return)\b|\b(ready|want|wanna|fancy) (to )?(play|come back)( (again|some more|a round))?\s*\?|"
    r"\bwaiting (for you )?to be (played|collected|claimed|opened|destroyed|explored|conquered|beaten|defeated|harvested|unlocked)\b|"
    r"\b(return|get back|head back) to (battle|the (game|arena|battlefield|fight))\b|"
    r"\b(?!(orders|packages|parcels|deliveries|documents|payments|invoices|bills|messages|requests|drivers|results|reports|files)\b)[a-z]+s (still )?waiting for you\b|"
    r"\bhaven['’]?t [a-z]+(ed|en|t) (anything |any \w+ |much |here |with us )?(in a while|in ages|for a while|lately|recently|in (a few|several|\d+|two|three|a couple of) (days|weeks))\b|"
    r"\bmissed (some |\d+ |a few |new |all the )?(notifications|updates|stories|posts|activity|action)\b|"
    r"\b(match|adventure|journey|reward|prize|treasure|destiny|fun|bonus|gift|quest|challenge|run|battle|level|round|game|world|island|kingdom|"
    r"farm|garden|city|castle|victory|glory|action|mission|race|arena)(e?s)? awaits?\b|\bcome (on )?(and |to )?play\b|"
    r"\bawaits you\b|\bcan['’]?t wait to (have|see|welcome) you (back|again)\b|\bkeep (your|that|the) streak (alive|going)\b|\bmissing your\b|"
    r"\byou(['’]ve| have) been (inactive|away|gone)\b|\b(is|are|gets?|getting) (so |very |really |still )?(hungry|thirsty|lonely|bored|sad)\b|"
    r"\b(?!(orders|packages|parcels|deliveries|documents|payments|invoices|bills|messages|requests|drivers|results|reports|files)\b)[a-z]+s are (still )?waiting\s*[!.]|\b(dive|jump|hop) (right )?back in(to)?\b|"
    r"\b(come|open the app|log ?in|sign in)( and| to| now to| now and)? (check on|feed|walk|water|visit|take care of|look after|play with|give) your\b|"
    r"\b(?!you\b|do\b|if\b)[a-z]+ (really |still |all )?needs? (you|your help)\b|\b(lost|lonely|sad|bored|empty|quiet|boring) without you\b|"
    r"\bdon['’]?t forget to (collect|claim|play|come|check|visit|log ?in|open|spin|grab|feed|water)\b|\bcome ?back\s*!|"
    r"давно не (заходил|играл|был)|возвращайся|возвращайтесь|вернись|скучаем|(зайди|заходи|загляни) в (приложение|игру)|seni özledik|geri dön|saudades|volte a jogar|vuelve a jugar|"
    r"للعودة|عد إلى|ارجع إلى|نفتقدك|اشتقنا|افتقدناك|quay lại|nhớ bạn|kembali (bermain|main|lagi)|kangen|torna a giocare|ci manchi|wróć|tęsknimy|กลับมา|"
    r"돌아와|보고 싶어|戻ってきて|お待ちしています|我们想你|快回来)",
    re.I,
)
NOTIF_FILE = re.compile(r"(Unity\.Notifications|AndroidNotification|iOSNotification|LocalNotification|GleyNotifications|EtceteraAndroid|NotificationServices|SimpleAndroidNotifications|EasyMobile|OneSignal|Firebase\.Messaging|firebase_admin|pywebpush|exponent_server_sdk|PushMessage|onesignal|pyfcm|apns2|fcm_django|push_notifications|send_push|send_notification|GameNotification)")


def _copy_context(node: Node, ctx: CheckContext) -> str | None:
    """Why a string is notification copy: the notification call or property it sits in, or a name."""
    notif_file = bool(NOTIF_FILE.search(ctx.data.decode("utf-8", "replace")))
    for anc in ancestors(node):
        kind = anc.type
        if kind in ("invocation_expression", "call", "object_creation_expression"):
            call = as_call(anc)
            if call is None:
                continue
            if NOT_COPY_CALL.match(call.name) or call.receiver in ("Debug", "logger", "logging", "log", "console"):
                return None
            if ctx.language == "csharp" and not notif_file:
                continue  # a game's in-app message box (`notificationManager.CreateNotification("... while you were away")`)
            if NOTIF_NAME.search(call.name) or re.search(r"^(Message|Notification|PushMessage|Payload|Aps|Alert|WebpushConfig|AndroidConfig|APNSConfig|ApsAlert|MulticastMessage)$", call.name):
                return f"{call.name}()"
            continue
        if kind in ("assignment_expression", "assignment", "keyword_argument", "pair", "variable_declarator", "attribute_argument"):
            left = anc.child_by_field_name("left") or anc.child_by_field_name("name") or anc.child_by_field_name("key") or (anc.named_children[0] if anc.named_children else None)
            if left is None or within(node, left):
                continue
            name = text(left)
            if ctx.language == "csharp" and kind == "assignment_expression" and name.endswith(".text"):
                return None  # a UI label (`rewardText.text = "Come back in 24 hours!"`); notifications have `Text`, `Body`
            if NOTIF_NAME.search(name):
                return name
            key = name.rsplit(".", 1)[-1]
            if COPY_KEYS.match(key) and (notif_file or NOTIF_NAME.search(text(anc.parent) if anc.parent else "")):
                return name
            if COPY_KEY_PART.match(key) and notif_file:
                return name
        if kind in ("method_declaration", "function_definition", "class_declaration", "class_definition"):
            name = function_name(anc) if kind != "class_definition" else text(anc.child_by_field_name("name"))
            if NOTIF_NAME.search(name or ""):
                return name
            if kind in ("class_declaration", "class_definition"):
                break
    return None


def _lure_phrase(node: Node) -> str | None:
    value = re.sub(r"^[a-zA-Z]*['\"]{1,3}|['\"]{1,3}$|^[@$]+\"|\"$", "", text(node))
    lure = GAME_LURE.search(value)
    return _copy_phrase(value) or (lure.group(0).strip() if lure else None)


# the literals that hold one set of messages: a list of title/body pairs, a dictionary, an initializer
COPY_HOLDERS = ("list", "dictionary", "tuple", "set", "initializer_expression", "array_creation_expression", "implicit_array_creation_expression", "collection_expression")


def _earlier_lure_in_same_list(node: Node) -> bool:
    """Another string of the same message list or payload, before this one, is a lure too: the
    list (`[{"title": "We miss you!", "body": "Come back ..."}, ...]`) is one behaviour, reported once."""
    holder = None
    for anc in ancestors(node):
        if anc.type in COPY_HOLDERS:
            holder = anc  # the outermost literal of the statement
        elif anc.type in ("expression_statement", "local_declaration_statement", "field_declaration", "function_definition", "method_declaration", "block"):
            break
    if holder is None:
        return False
    return any(
        n.type in ("string", "string_literal", "verbatim_string_literal", "interpolated_string_expression") and n.end_byte <= node.start_byte and _lure_phrase(n)
        for n in walk(holder)
        if n.start_byte < node.start_byte
    )


def _in_reported_send(ctx: CheckContext, node: Node) -> bool:
    """The string is an argument of a push send that python-recapture-push reports (it runs from a
    schedule or picks inactive users, and its payload is a lure): one finding, at the send."""
    for anc in ancestors(node):
        if anc.type == "call":
            if _reported_py_send(ctx, anc):
                return True
        elif anc.type in ("function_definition", "class_definition"):
            return False
        elif anc.type == "assignment" and anc.parent is not None and anc.parent.parent is not None and anc.parent.parent.type == "module":
            return _copy_list_sent(ctx, anc)
    return False


def _reported_py_send(ctx: CheckContext, node: Node) -> bool:
    call = as_call(node)
    if call is None or not (PY_SEND_NAME.match(call.name) or _py_handed_send(node) is not None):
        return False
    chain = _py_chain(ctx, node)
    chain_text = " ".join(text(f) for f in chain[:6]) or text(node)
    return bool((_py_inactive(chain_text) or _py_schedule(ctx, node, chain)) and _py_send_kind(ctx, node))


def _copy_list_sent(ctx: CheckContext, assignment: Node) -> bool:
    """A module-level copy list (`REMINDER_TEMPLATES = [...]`) read in a function whose push send is
    reported (`body = _pick_template(REMINDER_TEMPLATES, ...)`, then the send): one finding, at the send."""
    target = assignment.child_by_field_name("left")
    if target is None or target.type != "identifier":
        return False
    name = text(target)
    memo = ctx.memo.setdefault("ns-copy-list-sent", {})
    if name not in memo:
        readers = {
            fn.id: fn
            for ref in walk(ctx.root)
            if ref.type == "identifier" and text(ref) == name and ref != target
            for fn in [next((a for a in ancestors(ref) if a.type == "function_definition"), None)]
            if fn is not None
        }
        memo[name] = any(_sends_reported(ctx, fn, follow=True) for fn in readers.values())
    return memo[name]


def _sends_reported(ctx: CheckContext, fn: Node, follow: bool) -> bool:
    """`fn` holds a push send that python-recapture-push reports, or (one level, `follow`) calls a
    function of this file that does: `await send_push_notification(token, msg["title"], ...)`."""
    calls = [c for c in walk(fn) if c.type == "call"]
    if any(_reported_py_send(ctx, c) for c in calls):
        return True
    if not follow:
        return False
    names = {call.name for c in calls for call in [as_call(c)] if call is not None and not call.receiver}
    return any(
        _sends_reported(ctx, d, follow=False)
        for d in walk(ctx.root)
        if d.type == "function_definition" and d.id != fn.id and function_name(d) in names
    )


# A notification channel's constructor: its Name and Description label a category in the system's
# settings; the copy the person is pulled back by is the notifications sent on it.
CHANNEL_CALL = re.compile(r"NotificationChannel(Group)?$")
CSHARP_STRINGS = ("string_literal", "verbatim_string_literal", "interpolated_string_expression", "raw_string_literal")


def _in_channel(node: Node) -> bool:
    for anc in ancestors(node):
        if anc.type in ("invocation_expression", "object_creation_expression"):
            call = as_call(anc)
            if call is not None and CHANNEL_CALL.search(call.name):
                return True
    return False


def _copy_outside_channels(ctx: CheckContext) -> bool:
    """The file has re-engagement copy in a notification itself (not in a channel's label)."""

    def build() -> bool:
        for node in walk(ctx.root):
            if node.type in CSHARP_STRINGS and _lure_phrase(node) and not _in_channel(node) and _copy_context(node, ctx):
                return True
        return False

    return ctx.remember("notification-copy-outside-channels", build)


def reengagement_copy(ctx: CheckContext) -> Verdict | bool:
    node = ctx.node
    parent = node.parent
    if parent is not None and parent.type == "expression_statement":
        return False  # a Python docstring
    phrase = _lure_phrase(node)
    if phrase is None:
        return False
    where = _copy_context(node, ctx)
    if where is None or _earlier_lure_in_same_list(node) or (ctx.language == "python" and _in_reported_send(ctx, node)):
        return False
    if ctx.language == "csharp" and _in_channel(node) and _copy_outside_channels(ctx):
        return False  # "Come Back Reminder" names the channel of a notification reported at its own copy
    return Verdict(message=f"notification copy pulls people back with a re-engagement line (\"{phrase}\" in {where}) instead of telling them something new")


# --------------------------------------------------------------------------------------------
# Python: push sends from schedules or to inactive users

PUSH_MODULES = (
    "firebase_admin", "pywebpush", "apns2", "onesignal", "exponent_server_sdk", "pyfcm", "fcm_django",
    "push_notifications", "aioapns", "gobiko",
)
SDK_QUALIFIED = re.compile(
    r"^(firebase_admin\.messaging\.(send|send_all|send_each|send_multicast|send_each_for_multicast|send_each_async|send_each_for_multicast_async|send_all_async)|"
    r"pywebpush\.webpush|exponent_server_sdk\.PushClient\.(publish|publish_multiple)|"
    r"(fcm_django|push_notifications)\.models\.\w*Device\b.*\.(send_message|send_bulk_message))$"
)
SDK_CLIENTS = re.compile(r"^(apns2\.client\.APNsClient|aioapns\.\w+\.?APNs|onesignal_sdk\.\w*\.?Client|onesignal\.\w*|onesignal\.api\.default_api\.DefaultApi|pyfcm\.\w*\.?FCMNotification|exponent_server_sdk\.PushClient|gobiko\.apns\.\w*)$")
CLIENT_SENDS = re.compile(r"^(send_notification|send_notification_batch|send_notification_async|send_message|notify_multiple_devices|notify_single_device|notify_topic_subscribers|multiple_devices_data_message|single_device_data_message|topic_subscribers_data_message|notify|publish|publish_multiple|create_notification)$")
PY_WRAPPER = re.compile(
    r"^(send_push\w*|send_\w*(push|notification|notifications|notif|reminder|reminders|nudge|fcm|apns|expo)\w*|"
    r"notify_(users|all|inactive|subscribers|devices|followers|players|members)\w*|push_to_\w+|broadcast_\w*(push|notification)\w*|"
    r"(gcm|fcm|apns|expo|onesignal|webpush)_(send|post|notify|push|message)\w*)$"
)
# the callee names the python-recapture-push query matches (mobile/games.yaml)
PY_SEND_NAME = re.compile(
    r"^(send|send_all|send_each|send_multicast|send_each_for_multicast|send_each_async|send_each_for_multicast_async|send_all_async|webpush|"
    r"send_notification|send_notification_batch|send_notification_async|publish|publish_multiple|notify|notify_multiple_devices|"
    r"notify_single_device|notify_topic_subscribers|multiple_devices_data_message|single_device_data_message|topic_subscribers_data_message|"
    r"send_message|send_bulk_message|create_notification|post|request|send_push[a-z_]*|send_[a-z_]*(push|notification|notifications|notif|"
    r"reminder|reminders|nudge|fcm|apns|expo)[a-z_]*|notify_(users|all|inactive|subscribers|devices|followers|players|members)[a-z_]*|"
    r"push_to_[a-z_]+|broadcast_[a-z_]*(push|notification)[a-z_]*|(gcm|fcm|apns|expo|onesignal|webpush)_(send|post|notify|push|message)[a-z_]*)$"
)
NOT_PUSH_CHANNEL = re.compile(r"(e?mail|sms|slack|telegram|discord|whatsapp|in_?app)", re.I)
# transactional notices the web rule's English list misses (credits, account changes) and a few translations
TRANSACTIONAL_MORE = re.compile(
    r"\b(credited|points (added|awarded)|account (disabled|deactivated|suspended|locked|deleted)|"
    r"acreditad[oa]s?|asignad[oa]s?|abonad[oa]s?|pedido|pago|recibo|reembolso|contraseña|creditad[oa]s?|pagamento|senha|"
    r"gutgeschrieben|bestellung|zahlung|rechnung|passwort|crédité|commande|paiement|remboursement|mot de passe|"
    # the state of the person's own account or balance: a debt or loan paid back, a plan or subscription about
    # to end, a package of sessions or credits running low (English, Portuguese, Spanish, German, French, Dutch)
    r"(is|was|has been|been|are|were) (returned|repaid|paid back|settled)|repaid|paid back|"
    r"devolvid[oa]s?|devolveu|quitad[oa]s?|devuelt[oa]s?|saldad[oa]s?|zurückgezahlt|beglichen|remboursée?s?|terugbetaald|"
    r"expira|expiram|expiran|expirando|expirad[oa]s?|expirou|expiró|vencendo|venciendo|vencid[oa]s?|vencimento|vencimiento|"
    r"vence[mn]? (hoje|amanh[ãa]|hoy|ma[ñn]ana|pronto|em|en|el|no|dia|día)|caducan?|caducado|läuft( \w+){0,4} ab|abgelaufen|"
    r"expirera|expiré|verloopt|verlopen|vervalt|"
    r"(balance|credits?|sessions?|package|plan|subscription|storage|quota|funds|minutes)( \w+){0,2} (is |are )?running (low|out)|"
    r"running low on \w+|low balance|\d+ (sessions?|credits?|classes|lessons|uses|minutes) (left|remaining)|"
    r"(pacote|plano|assinatura|saldo|cr[ée]ditos?|sess(ão|ões)|aulas?|paquete|suscripci[óo]n|clases?)( \w+){0,2} (est[áa] |est[ãa]o |se )?(acabando|agotando|terminando)|"
    r"(sess(ão|ões)|cr[ée]ditos?|aulas?|clases|sesiones) restantes?|fast aufgebraucht|presque épuisée?|bijna op)\b",
    re.I,
)
PUSH_URL = re.compile(r"(onesignal\.com/api|api\.onesignal\.com|exp\.host/--/api/v2/push|fcm\.googleapis\.com|gcm-http\.googleapis|android\.googleapis\.com/gcm|api\.push\.apple\.com)", re.I)
PY_INACTIVE = re.compile(
    r"(last_(login|active\w*|activity\w*|seen\w*|open\w*|visit\w*|played\w*|session\w*|used\w*|app_open\w*)__(lt|lte|range)|"
    r"(inactive|dormant|lapsed|churned|idle|absent)_(users?|members?|players?|customers?|accounts?|devices|tokens|subscribers)|"
    r"exclude\(\s*(user__)?last_(login|active\w*|activity\w*|seen\w*|open\w*|visit\w*|played\w*|session\w*)__(gt|gte)\b|"
    r"get_inactive|inactivity|days_(since|inactive|away)|re_?engag\w*|win_?back|not_logged_in|have_not_logged|(?<![a-z])lapsed|(?<![a-z])dormant)",
    re.I,
)
# the send goes out only for items that fell due (`due_cards`, `next_review_at__lte=now`), or for rows someone
# scheduled for a set time (an organiser's announcement: `send_at__lte=now`, `Announcement.scheduled_for <= now`):
# a notice, not a lure
PY_DUE_ITEMS = re.compile(
    r"\bdue_[a-z]+s\b|\b(next|due)_\w*(at|date|time)__(lte|lt)\b|"
    r"\b(scheduled|schedule|send|sending|publish|release|deliver|notify|remind)\w*_(at|date|time|datetime|for|on)(__(lte|lt)\b|\s*<=?\s*\w)"
)
# rows someone scheduled, picked once their own time comes and marked as sent: a date or time field compared with
# the current time (`broadcast_at__lte=now`, `execute_date__lte=timezone.now()`, `Row.publish_time <= now`, with
# no offset: `date_joined__lte=now - timedelta(days=3)` picks people by age) in one query with a not-yet-sent flag
# (`sent=False`, `push_sent=False`, `done=False`, `sent_at__isnull=True`, `status="pending"`, `Row.sent.is_(False)`)
PY_NOW = r"(?:(?:[\w.]*\.)?(?:now|utcnow|today|localdate|localtime)\(\s*[\w.]*\s*\)|\b(?:now|today|current_time|now_utc|utc_now)\b)(?!\s*[-+(])"
PY_ROW_TIME = re.compile(
    rf"\b\w*(_at|date|time)\w*__(lte|lt)\s*=\s*{PY_NOW}|"
    rf"\.\w*(_at|date|time)\w*\s*<=?\s*{PY_NOW}|{PY_NOW}\s*>=?\s*[\w.]+\.\w*(_at|date|time)\w*\b",
    re.I,
)
PY_NOT_SENT = re.compile(
    r"\b(\w+_)?(sent|done|delivered|processed|notified|published|executed|fired|dispatched|pushed|handled|broadcasted|triggered)"
    r"\s*(=|==|\bis\b)\s*(False|0)\b|\.(is_)?(sent|done|delivered|processed|notified|published|executed|fired|dispatched|pushed|broadcasted)"
    r"\.is_\((False|None)\)|\b\w*(sent|delivered|processed|notified|executed|fired|dispatched|pushed)(_at|_on|_date|_time)?__isnull\s*=\s*True\b|"
    r"\bstatus\s*(=|==)\s*['\"](pending|scheduled|queued|waiting|new)['\"]",
)
SCHEDULE_DECORATOR = re.compile(
    r"@[\w.]*\b(periodic_task|db_periodic_task|scheduled_job|repeat_every|crontab|cron|scheduled|on_schedule|repeat)\b(\([^\n]*\))?|"
    r"@[\w.]*\.task\(\s*['\"](cron|interval)['\"][^\n]*"  # Flask-APScheduler `@scheduler.task("cron", id="daily", hour=9)`
)
TASK_DECORATOR = re.compile(r"@[\w.]*\b(shared_task|task|actor|job|huey_task)\b")
PERIOD_NAME = re.compile(r"(daily|weekly|monthly|hourly|nightly|morning|evening|periodic|scheduled|cron|digest)", re.I)
SCHEDULE_NAME = re.compile(r"(daily|weekly|monthly|hourly|nightly|morning|evening|periodic|scheduled|cron|digest|remind|re_?engag|inactiv|streak|comeback|winback|nudge|retention)", re.I)
# the words a scheduler registration needs (checked once per file before the per-function search)
SCHEDULER_REF = re.compile(r"(add_job|\.do\(|add_periodic_task|\bcron\(|['\"]task['\"]\s*:|\bfunc\s*=|\bsched(uler)?\.)")
# (a module of management/commands/ whose name starts with `_` is a helper Django does not run as a command)
SCHEDULE_PATH = re.compile(r"(^|/)(cron|crons|cronjobs?|scheduled|schedulers?|schedules|periodic)(/|[-_.])|(^|/)management/commands/(?!_)", re.I)


def _py_clients(ctx: CheckContext) -> dict[str, str]:
    """Names bound to push SDK clients in this file: `client = APNsClient(...)`, `self.fcm = FCMNotification(...)`."""
    from designlint.python_names import qualified_names

    def build() -> dict[str, str]:
        out: dict[str, str] = {}
        for node in walk(ctx.root):
            if node.type != "assignment":
                continue
            right = node.child_by_field_name("right")
            if right is None or right.type != "call":
                continue
            names = qualified_names(ctx, right.child_by_field_name("function"), PUSH_MODULES)
            ctor = next((n for n in names if SDK_CLIENTS.match(n)), None)
            if ctor:
                out[text(node.child_by_field_name("left")).removeprefix("self.")] = ctor
        return out

    return ctx.remember("nsg_clients", build)


def _py_string_constant(name: str, ctx: CheckContext) -> str:
    m = re.search(rf"^\s*{re.escape(name)}\s*=\s*[fbru]*['\"]([^'\"]*)['\"]", ctx.code_without_comments(), re.M)
    return m.group(1) if m else ""


def _py_send_kind(ctx: CheckContext, node: Node, local: bool = True) -> str | None:
    """The push API a call uses (`firebase_admin.messaging.send`, `APNsClient.send_notification`, ...), or None.
    With `local`, also a call of this file's own push wrapper (`self.send(...)` whose body sends one)."""
    from designlint.python_names import qualified_names

    call = as_call(node)
    func = node.child_by_field_name("function")
    if call is None or func is None:
        return None
    handed = _py_handed_send(node)
    if handed is not None:
        # `asyncio.to_thread(messaging.send, message)`: judged as the call of the function handed over
        func = handed
        receiver, _, name = text(handed).rpartition(".")
        call = Call(node=node, name=name, receiver=receiver, arguments=call.arguments)
    if call.name in ("post", "request"):
        # an HTTP call is a push when its URL is a push endpoint, whatever the client
        args = [a for a in argument_nodes(call) if handed is None or a.id != handed.id and text(a) != "None"]
        url = " ".join(text(a) + " " + _py_string_constant(text(a), ctx) for a in args[:2])
        return f"a push REST call ({PUSH_URL.search(url).group(0)})" if PUSH_URL.search(url) else None
    names = qualified_names(ctx, func, PUSH_MODULES)
    sdk = next((n for n in names if SDK_QUALIFIED.match(n)), None)
    if sdk:
        return re.sub(r"\.objects\.\w+(\.\w+)*\.(send_\w+)$", r".\2", sdk)
    if CLIENT_SENDS.match(call.name):
        client = _py_clients(ctx).get(call.receiver.removeprefix("self."))
        if client:
            return f"{client.rsplit('.', 1)[-1]}.{call.name}"
        if call.name in ("send_message", "send_bulk_message") and re.search(r"(Device|devices?\b)", call.receiver):
            return f"{call.receiver.split('.')[0]}.{call.name}"
        device = _py_device_query(ctx, node, call)
        if device:
            return f"{device}.{call.name}"  # `iphones = APNSDevice.objects.values(...)`; `iphones.send_message(...)`
        sender = _py_remote_sender(ctx, call.name) if not call.receiver and PY_WRAPPER.match(call.name) and call.name not in _methods_by_name(ctx) else None
        # the app's own `send_notification(user, ...)` of another module, whose text sends a push
        return f"{call.name}() of {Path(sender.path).name}" if sender is not None else None
    if PY_WRAPPER.match(call.name) and call.name not in _methods_by_name(ctx) and not NOT_PUSH_CHANNEL.search(f"{call.receiver}.{call.name}"):
        return f"{call.name}()"
    service = _py_push_service(ctx, node, call)
    if service:
        return f"{service}().{call.name}"
    return _py_local_wrapper(ctx, node, call) if local and handed is None else None


def _py_local_wrapper(ctx: CheckContext, node: Node, call: Call) -> str | None:
    """A call of this file's own push wrapper (`await self.send(title=..., token=...)`, `send_push(user, ...)`):
    one function of the file by that name whose body sends a push; the wrapper's send itself is then left to
    its callers (`_py_deferred_to_callers`), so each scheduled job that calls it is judged on its own."""
    if call.receiver not in ("", "self", "cls") or NOT_PUSH_CHANNEL.search(call.name):
        return None
    defs = _methods_by_name(ctx).get(call.name, [])
    if len(defs) != 1 or within(node, defs[0]):
        return None
    inner = _py_wrapper_send(ctx, defs[0])
    return f"{inner} through {call.name}()" if inner else None


def _py_wrapper_send(ctx: CheckContext, fn: Node) -> str | None:
    """The push API the body of a function of this file calls (not through another wrapper), or None."""

    def build() -> str | None:
        for n in walk(fn):
            if n.type == "call" and (c := as_call(n)) is not None and (PY_SEND_NAME.match(c.name) or _py_handed_send(n) is not None):
                kind = _py_send_kind(ctx, n, local=False)
                if kind:
                    return kind
        return None

    return ctx.remember(f"nsg_wrapper_send:{fn.id}", build)


def _py_deferred_to_callers(ctx: CheckContext, node: Node) -> bool:
    """The send sits in the file's own push wrapper (`async def send(self, title, body, token)`), which no
    schedule runs by itself and which this file calls by a name the python-recapture-push query matches:
    the send is judged at each of those calls (one finding per scheduled job calling it, with the copy
    and the recipients that job passes), not once here for all of them."""
    own = list(enclosing_functions(node))
    if not own:
        return False
    name = function_name(own[0])
    if not name or not PY_SEND_NAME.match(name) or NOT_PUSH_CHANNEL.search(name) or len(_methods_by_name(ctx).get(name, [])) != 1:
        return False
    callers = _callers(ctx, name)
    if not callers or any(how != "call" for _, how in callers):
        return False
    if any(SCHEDULE_DECORATOR.search(_decorators(f)) or _py_scheduler_ref(ctx, function_name(f)) for f in own):
        return False  # the wrapper is a job itself
    return not _py_registered_job(ctx, own) and not _py_inactive(" ".join(text(f) for f in own))


def _py_job_named_only(schedule: str | None) -> bool:
    """The schedule is read from the function's name alone (a broadcast named as a daily job, a task named so)."""
    return schedule is not None and ("named as a periodic job" in schedule or schedule.startswith("the background task"))


def _py_run_from_other_modules(ctx: CheckContext, chain: list[Node]) -> bool:
    """The function around the call is run from other modules by a name the call-side queries judge
    (`send_weekly_nudges()` in a cron view): it is reported there, where the schedule is."""
    from designlint import project_index

    name = function_name(chain[0]) if chain else ""
    if not name or _too_common_here(name) or not PY_CALL_SIDE.match(name):
        return False
    here = str(Path(ctx.path).resolve())
    return any(s.path != here for s in project_index.for_context(ctx).calls(name))


# runners that call the function handed to them: `asyncio.to_thread(fn, *args)`, `loop.run_in_executor(executor, fn,
# *args)`, `functools.partial(fn, *args)`, `executor.submit(fn, *args)`, anyio `to_thread.run_sync(fn, *args)`,
# asgiref `sync_to_async(fn)`
PY_RUNNERS = ("to_thread", "run_in_executor", "partial", "submit", "run_sync", "sync_to_async")


def _py_handed_send(node: Node) -> Node | None:
    """The push function a runner call is handed (`messaging.send` of `asyncio.to_thread(messaging.send, m)`,
    the second argument of `run_in_executor`), or None when `node` is not such a call."""
    call = as_call(node) if node.type == "call" else None
    if call is None or call.name not in PY_RUNNERS:
        return None
    positional = [a for a in argument_nodes(call) if a.type != "keyword_argument"]
    index = 1 if call.name == "run_in_executor" else 0
    handed = positional[index] if len(positional) > index else None
    if handed is None or handed.type not in ("identifier", "attribute"):
        return None
    return handed if PY_SEND_NAME.match(text(handed).rsplit(".", 1)[-1]) else None


def _py_device_query(ctx: CheckContext, node: Node, call: Call) -> str | None:
    """The device model of fcm-django / django-push-notifications a plain name holds when the send is on
    it (`phones = APNSDevice.objects.filter(...)`, then `phones.send_message(...)`), or None."""
    if call.name not in ("send_message", "send_bulk_message") or not re.fullmatch(r"\w+", call.receiver):
        return None
    code = ctx.code_without_comments()
    if not re.search(r"\b(push_notifications|fcm_django)\b", code):
        return None
    scope = next(iter(enclosing_functions(node)), ctx.root)
    values = [
        text(a.child_by_field_name("right")) for a in walk(scope)
        if a.type == "assignment" and a.start_byte < node.start_byte and text(a.child_by_field_name("left")) == call.receiver
    ]
    m = re.match(r"^\(?\s*(\w*Device)\.objects\b", values[-1]) if values else None
    return m.group(1) if m else None


PUSH_SERVICE_CLASS = re.compile(r"^\w*(Notification|Notif|Push|Fcm|FCM|Apns|APNS|Expo|OneSignal)\w*(Service|Sender|Client|Manager|Dispatcher|Notifier|Gateway)$")


def _py_push_service(ctx: CheckContext, node: Node, call: Call) -> str | None:
    """The app's own push service class, imported from another module, whose object sends this
    (`GlobalNotificationService().send(...)`, `service = PushService(); service.send(...)`)."""
    receiver = call.receiver.removeprefix("self.")
    m = re.match(r"^(\w+)\(.*\)$", receiver, re.S)
    if m is None:
        scope = next(iter(enclosing_functions(node)), ctx.root)
        if not re.match(r"^\w+$", receiver):
            return None
        m = re.search(rf"\b(?:self\.)?{re.escape(receiver)}\s*(?::\s*\w+\s*)?=\s*(\w+)\(", text(scope) if scope is not ctx.root else ctx.code_without_comments())
        if m is None and scope is not ctx.root:
            m = re.search(rf"\bself\.{re.escape(receiver)}\s*=\s*(\w+)\(", ctx.code_without_comments())
    if m is None:
        return None
    cls = m.group(1)
    if not PUSH_SERVICE_CLASS.match(cls) or NOT_PUSH_CHANNEL.search(cls) or not re.search(rf"\bimport\s+(\([^)]*|[^\n]*)\b{cls}\b", ctx.code_without_comments()):
        return None
    return cls


def _py_chain(ctx: CheckContext, node: Node, hops: int = 2) -> list[Node]:
    """The functions around `node` and, up to `hops` levels, the functions of this file calling them."""
    chain = list(enclosing_functions(node))
    frontier = list(chain)
    for _ in range(hops):
        following = []
        for fn in frontier:
            for caller, _how in _callers(ctx, function_name(fn)):
                for outer in enclosing_functions(caller):
                    if all(outer.id != c.id for c in chain):
                        chain.append(outer)
                        following.append(outer)
        frontier = following
    return chain


def _decorators(fn: Node) -> str:
    parent = fn.parent
    if parent is None or parent.type != "decorated_definition":
        return ""
    return " ".join(text(d) for d in parent.named_children if d.type == "decorator")


def _py_scheduler_ref(ctx: CheckContext, name: str) -> str | None:
    """How a scheduler of this file is handed the function `name` (`sched.add_job(name, "cron", ...)`,
    `schedule.every().day.do(name)`, a beat entry naming it), or None."""
    code = ctx.code_without_comments()
    if not ctx.remember("nsg_scheduler_ref", lambda: bool(SCHEDULER_REF.search(code))) or code.count(name) < 2:
        return None
    n = re.escape(name)
    ref = re.search(
        rf"(\.add_job\(\s*{n}\b[^)]*|\.do\(\s*{n}\b|add_periodic_task\((?:[^()]|\([^()]*\))*\b{n}\b|\bcron\(\s*{n}\b|"
        rf"['\"]task['\"]\s*:\s*['\"][\w.]*\b{n}['\"]|\bfunc\s*=\s*['\"][\w.]*\b{n}['\"]|"
        rf"\b(scheduler|sched)\.(cron|schedule|enqueue_in|add_interval_job|add_cron_job)\([^)]*\b{n}\b)",
        code,
    )
    if ref is None or (ref.group(0).startswith(".add_job") and not re.search(r"interval|cron|Interval|Cron", code[ref.start() : ref.start() + 300].split("\n\n")[0])):
        return None
    return ref.group(0).strip()[:50]


def _py_schedule(ctx: CheckContext, node: Node, chain: list[Node]) -> str | None:
    """What runs this code on a schedule, or None."""
    for fn in chain:
        name = function_name(fn)
        decorators = _decorators(fn)
        m = SCHEDULE_DECORATOR.search(decorators)
        if m:
            return f"a {m.group(0)[:60]} job"
        if name and name != "<lambda>":
            ref = _py_scheduler_ref(ctx, name)
            if ref:
                return f"a scheduler ({ref})"
            if TASK_DECORATOR.search(decorators):
                params = fn.child_by_field_name("parameters")
                plain = [p for p in (params.named_children if params is not None else []) if text(p) not in ("self", "cls")]
                # a task handed one user's id (`celebrate_streak(user_id, streak)`) is started by an event in
                # that user's account; only a name that says period (daily, weekly, cron) makes it a beat job
                per_user = any(re.match(r"^(user|member|player|customer|account)_?id\b", text(p)) for p in plain)
                if SCHEDULE_NAME.search(name) and (not per_user or PERIOD_NAME.search(name)):
                    return f"the background task {name}(), named as a periodic job"
                if not plain and any(a.type == "for_statement" for a in ancestors(node)):
                    return f"the background task {name}() with no arguments, looping over recipients (a beat job)"
            if SCHEDULE_NAME.search(name) and _py_broadcast(ctx, node):
                return f"{name}(), a broadcast to every device named as a periodic job"
    for loop in (a for a in ancestors(node) if a.type == "while_statement"):
        if re.match(r"^(True|1)$", text(loop.child_by_field_name("condition")).strip()) and re.search(r"\bsleep\(", text(loop)):
            if _py_event_guard(node, loop):
                break
            return "a while True loop with sleep()"
    registered = _py_registered_job(ctx, chain)
    if registered:
        return registered
    path = ctx.path.as_posix()
    m = SCHEDULE_PATH.search(path)
    if m and not re.search(r"test|debug", ctx.path.stem, re.I) and not LONG_RUNNING.search(ctx.code_without_comments()) and not _py_one_device(ctx, node) and not _py_operator_command(ctx):
        return "a Django management command, run by cron" if "management/commands" in path else f"a scheduled job ({m.group(0).strip('/')})"
    return None


# an operator's hand-run command: the text comes from the command line (`--message` required, or a
# positional `message`) or the command waits for a typed confirmation (`input("Send? (yes/no)")`)
OPERATOR_TEXT_ARG = re.compile(
    r"\badd_argument\(\s*['\"](--(message|msg|title|body|text|content)['\"](?:(?!add_argument\().){0,400}?\brequired\s*=\s*True|"
    r"(message|msg|title|body|text|content)['\"]\s*[,)])",
    re.S,
)


def _py_operator_command(ctx: CheckContext) -> bool:
    """A management command an operator runs by hand to announce something: cron cannot type its
    message or answer its confirmation, so it is not a push on a timer."""
    code = ctx.code_without_comments()
    return bool(OPERATOR_TEXT_ARG.search(code) or re.search(r"(?<![\w.])input\(", code))


# a clock word in a guard: the poll loop sends at a time of day (`if now.hour == 6`), not on an event
CLOCK_WORD = re.compile(r"\b(now|hour|minute|time|date|datetime|day|weekday|today|strftime|tm_hour|tm_min|clock)\b", re.I)


def _py_event_guard(node: Node, loop: Node) -> bool:
    """The send in a poll loop sits under an `if` comparing a measured value with no clock word in it
    (`if rain > 0.5:`, `if 0 in states:`): a warning sent when an event is seen, not a push on a timer."""
    for guard in ancestors(node):
        if guard == loop:
            return False
        if guard.type in ("if_statement", "elif_clause"):
            cond = guard.child_by_field_name("condition")
            if cond is None or cond.type != "comparison_operator" or CLOCK_WORD.search(text(cond)):
                continue
            names = {text(n) for n in walk(cond) if n.type == "identifier" and not text(n).isupper()}
            if names - {n for n in names if re.search(rf"\b{re.escape(n)}\s*\+=", text(loop))}:
                return True  # a send counter alone (`if sent < 3`) is a cap, not an event
    return False


# a command that starts a long-running process (a chat bot polling for updates, a server), run once and
# kept alive: not a job cron starts on a timer
LONG_RUNNING = re.compile(r"\b(run_polling|infinity_polling|start_polling|polling|run_forever|serve_forever|run_webhook|start_webhook)\s*\(")
# a chat-bot library: its messages go to a chat, not as a push to the user's device
CHAT_BOT_IMPORT = re.compile(r"^[ \t]*(?:from|import)[ \t]+(aiogram|telebot|telegram|pyrogram|telethon|discord|slack_sdk|slack_bolt|vk_api|vkbottle)\b", re.M)
# the app's own staff as the recipients (a loop over the admins, an admin chat id, staff users): a notice to
# the people who run the app, not to its users
STAFF_RECIPIENTS = re.compile(
    r"\bfor\s+\w+\s+in\s+[\w.]*?\b(admins?|staff|moderators?|superusers?|operators?|developers?)(_\w*)?\b|"
    r"\b(is_staff|is_superuser)\s*=\s*True\b|\b(chat_id|to|recipient|recipients|user_id)\s*=\s*[\w.]*\b(?i:admin|staff)\w*",
    re.I,
)


def _py_to_staff(code: str) -> bool:
    return bool(STAFF_RECIPIENTS.search(code))


# schedules kept in another file of the project: a Celery beat entry naming the task, a django-crontab
# CRONJOBS line, `add_periodic_task(..., task.s())`, `scheduler.add_job(func, "cron")`, `schedule.every().do(func)`
REGISTRY_FILE = re.compile(r"^(settings|base|production|prod|common|celery|celeryconfig|celery_config|celery_app|celery_beat|celerybeat|beat|beat_schedule|"
                           r"periodic_tasks|scheduled_tasks|"
                           r"schedule|schedules|scheduler|schedulers|cron|crons|cronjobs|jobs|worker|workers|app|main|run|server|__init__|"
                           # django_celery_beat rows created in code: an AppConfig, a signal, a set-up command
                           # (`management/commands/install_beat.py`), a data migration (`0004_schedule_tasks.py`)
                           r"apps|signals|tasks|\w*(beat|periodic|schedul|cron)\w*)\.py$")
REGISTRY_MARKERS = (b"beat_schedule", b"BEAT_SCHEDULE", b"CRONJOBS", b"add_periodic_task", b"add_job", b".do(", b"PeriodicTask")
SKIP_DIRS = re.compile(r"/(\.?venv|env|site-packages|node_modules|\.git|\.tox|build|dist|tests?|migrations)/")
# a data migration that creates beat rows is read (`migrations/0004_schedule_celery_tasks.py`)
BEAT_MIGRATION = re.compile(r"/migrations/\w*(beat|periodic|schedul|cron|celery)\w*\.py$")
PROJECT_MARKERS = ("manage.py", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", ".git")


def _py_registered_job(ctx: CheckContext, chain: list[Node]) -> str | None:
    """How another file of the project runs one of the functions around the send on a schedule, or None."""
    if not chain:
        return None
    files = _registry_files(_project_root(str(Path(ctx.path).resolve().parent)))
    registry, inputs = _project_schedules(files)
    ctx.depends_on(inputs)
    module = Path(ctx.path).with_suffix("").as_posix()
    for fn in chain:
        name = function_name(fn)
        cls = _py_class_name(fn)
        for dotted, where in registry.get(name, ()):
            parts = dotted.split(".")
            custom = re.search(rf"name\s*=\s*['\"]{re.escape(dotted)}['\"]", _decorators(fn))
            if len(parts) == 1 or custom or module.endswith("/".join(parts[:-1])) or Path(module).name == parts[-2]:
                return f"a schedule in {where} ({dotted})"
            # a method of an object the registry builds (`PushService(...).send_morning_push`): the class
            # around the function, in the module the registry imported it from
            if cls and parts[-2] == cls and (len(parts) == 2 or module.endswith("/".join(parts[:-2]))):
                return f"a schedule in {where} ({cls}().{name})"
    return None


def _py_class_name(fn: Node) -> str:
    """The name of the class a Python method is defined in, or ""."""
    holder = fn.parent.parent if fn.parent is not None and fn.parent.type == "decorated_definition" else fn
    block = holder.parent if holder is not None else None
    cls = block.parent if block is not None and block.type == "block" else None
    return text(cls.child_by_field_name("name")) if cls is not None and cls.type == "class_definition" else ""


@lru_cache(maxsize=256)
def _project_root(directory: str) -> str:
    """The nearest folder up (at most 4 levels) with manage.py, pyproject.toml, ..., else the file's folder."""
    here = Path(directory)
    for candidate in [here, *list(here.parents)[:4]]:
        if any((candidate / m).exists() for m in PROJECT_MARKERS):
            return str(candidate)
    return directory


def _registry_files(root: str) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime, size) of the files named like settings/celery/scheduler/cron modules, up to 3
    folders below the project root: the files that may schedule jobs."""
    found = []
    for pattern in ("*.py", "*/*.py", "*/*/*.py", "*/*/*/*.py"):
        for f in Path(root).glob(pattern):
            if REGISTRY_FILE.match(f.name) and (not SKIP_DIRS.search(f.as_posix()) or BEAT_MIGRATION.search(f.as_posix()) and not SKIP_DIRS.search(f.parent.parent.as_posix() + "/")):
                try:
                    stat = f.stat()
                except OSError:
                    continue
                found.append((str(f), stat.st_mtime_ns, stat.st_size))
    return tuple(found[:300])


@lru_cache(maxsize=64)
def _project_schedules(files: tuple[tuple[str, int, int], ...]) -> tuple[dict[str, tuple[tuple[str, str], ...]], dict[str, str]]:
    """Function name -> (dotted name, file) of every job the project's settings and scheduler files
    schedule, and the SHA-256 of each file read (the result depends on them). Cached per set of files
    and their modification times, so an edited settings file is read again."""
    found: dict[str, list[tuple[str, str]]] = {}
    inputs: dict[str, str] = {}
    for name, _, _ in files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError:
            continue
        inputs[name] = hashlib.sha256(data).hexdigest()
        data = data[:200_000]
        if not any(marker in data for marker in REGISTRY_MARKERS):
            continue
        code = data.decode("utf-8", "replace")
        for dotted in _scheduled_names(code):
            found.setdefault(dotted.rsplit(".", 1)[-1], []).append((dotted, path.name))
    return {name: tuple(v) for name, v in found.items()}, inputs


def _scheduled_names(code: str) -> list[str]:
    """The jobs one settings or scheduler file schedules (dotted task paths or bare function names)."""
    code = re.sub(r"(?m)^\s*#.*$", "", code)
    code, out = _beat_rows(code)
    out += re.findall(r"['\"]task['\"]\s*:\s*['\"]([\w.]+)['\"]", code)
    out += re.findall(r"\btask\s*=\s*['\"]([\w.]+)['\"]", code)
    for block in re.findall(r"CRONJOBS\s*=\s*[\[(](.*?)\n[\])]", code, re.S):
        out += [n for n in re.findall(r"['\"]([A-Za-z_][\w]*(?:\.[\w]+)+)['\"]", block)]
    out += re.findall(r"add_periodic_task\([^()]*(?:\([^()]*\)[^()]*)*?\b(\w+)\.(?:s|si|signature)\(", code)
    out += re.findall(r"add_periodic_task\(\s*(?:[^(),]|\([^()]*\))+,\s*([A-Za-z_][\w.]*)\s*[,)]", code)
    out += scheduled_jobs(code)  # APScheduler `add_job(...)` / `@scheduled_job(...)`, read on the syntax tree
    out += re.findall(r"\bevery\([^)]*\)(?:\.\w+)*(?:\.at\([^)]*\))?\.do\(\s*([\w.]+)", code)
    return out


# django_celery_beat rows created in code: `PeriodicTask.objects.create(interval=every_day, task="app.tasks.x")`,
# `update_or_create(name=..., defaults={"crontab": c, "task": "app.tasks.x"})`. Not a schedule that repeats:
# a one-off row (`one_off=True`) or a clocked one (`clocked=launch`: one set time); not a row per person
# (`args=json.dumps([instance.user_id])`, `name=f"watering-{user.pk}"`: the reminder that person set)
BEAT_ROW = re.compile(r"\bPeriodicTask\.objects\.(create|update_or_create|get_or_create)\(")
BEAT_ONCE = re.compile(r"\bone_off['\"]?\s*[=:]\s*True\b|\bclocked['\"]?\s*[=:]\s*(?!None\b)\w")
BEAT_REPEATS = re.compile(r"\b(interval|crontab|solar)['\"]?\s*[=:]\s*(?!None\b)\w")
BEAT_PER_PERSON = re.compile(
    r"\b(args|kwargs)['\"]?\s*[=:][^\n]*\b(user|member|profile|customer|account|owner|subscriber|player|instance|request)\w*\b|"
    r"\bname['\"]?\s*[=:]\s*f['\"][^'\"]*\{[^}]*(user|member|profile|customer|account|owner|instance|request|pk|id)\w*|"
    r"\bname['\"]?\s*[=:][^\n]*\b(request\.user|user\.(username|pk|id|email))\b"
)
# the function creating the row answers one person (a view given `request`, a helper given `user`): the
# schedule that person chose
PER_PERSON_DEF = re.compile(r"^[ \t]*(?:async\s+)?def\s+\w+\s*\(([^)]*)\)", re.M)
PERSON_PARAM = re.compile(r"\b(request|user|user_id|profile|member|customer|subscriber)\b")


def _beat_rows(code: str) -> tuple[str, list[str]]:
    """The tasks of the django_celery_beat rows `code` creates that repeat on a fixed schedule, and the code
    with every such call blanked (its `task=` is read here, not by the generic `task=` patterns)."""
    names: list[str] = []
    for m in reversed(list(BEAT_ROW.finditer(code))):
        close = closing_bracket(code, m.end() - 1, "()")
        end = len(code) if close is None else close + 1
        call = code[m.start() : end]
        task = re.search(r"\btask['\"]?\s*[=:]\s*['\"]([\w.]+)['\"]", call)
        indent = m.start() - code.rfind("\n", 0, m.start()) - 1
        defs = [d for d in PER_PERSON_DEF.finditer(code, 0, m.start()) if len(d.group(0)) - len(d.group(0).lstrip()) < indent]
        for_person = bool(defs) and PERSON_PARAM.search(defs[-1].group(1)) is not None
        if task and BEAT_REPEATS.search(call) and not BEAT_ONCE.search(call) and not BEAT_PER_PERSON.search(call) and not for_person:
            names.append(task.group(1))
        code = code[: m.start()] + " " * (end - m.start()) + code[end:]
    return code, names[::-1]


BROADCAST = re.compile(r"(\.objects\.all\(\)|\btopic\s*=\s*['\"](all|everyone|all_users|global|general|news)['\"]|/topics/all\b|included_segments)")


# a query of every row, with no filter: Supabase `.select("*")`, MongoDB `.find({})`, SQLAlchemy `.query(X).all()`,
# Flask-SQLAlchemy `Sub.query.all()`
EVERY_ROW = re.compile(r"(\.select\(\s*['\"]\*['\"]\s*\)|\.find\(\s*(\{\s*\})?\s*\)|\.query\(\s*[\w.]+\s*\)\.all\(\)|\b[A-Z]\w*\.query\.all\(\))")
ROW_FILTER = re.compile(r"\.(eq|neq|filter|filter_by|where|in_|match|gt|gte|lt|lte|limit|exclude)\(")


def _py_broadcast(ctx: CheckContext, node: Node) -> bool:
    """The send goes to everyone: every device (`APNSDevice.objects.all()`), the `all` topic, OneSignal segments,
    or a loop over every row of a table (`for sub in supabase.table("subs").select("*").execute().data`)."""
    loops = [a.child_by_field_name("right") for a in ancestors(node) if a.type == "for_statement"]
    if BROADCAST.search(_py_payload(ctx, node) + " " + " ".join(text(n) for n in loops if n is not None)):
        return True
    scope = next(iter(enclosing_functions(node)), None)
    return scope is not None and any(_every_row(_py_source(n, scope)) for n in loops if n is not None)


def _py_source(expr: Node, scope: Node, hops: int = 2) -> str:
    """The code an iterated value comes from: `subs` <- `res.data or []` <- `supabase...select("*").execute()`."""
    code = text(expr)
    for _ in range(hops):
        names = set(re.findall(r"^(\w+)\b", code.strip()))
        values = [text(a.child_by_field_name("right")) for a in walk(scope) if a.type == "assignment" and text(a.child_by_field_name("left")) in names]
        if not values:
            break
        code = values[-1]
    return code


def _every_row(code: str) -> bool:
    return bool(EVERY_ROW.search(code)) and not ROW_FILTER.search(code)


def _py_one_device(ctx: CheckContext, node: Node) -> bool:
    """One push to one device picked by hand (`.first()`, a token from the command line), outside any loop:
    a manual tool, not a job."""
    if any(a.type in ("for_statement", "while_statement") for a in ancestors(node)):
        return False
    if any(any(a.type in ("for_statement", "while_statement") for a in ancestors(caller)) for fn in enclosing_functions(node) for caller, _ in _callers(ctx, function_name(fn))):
        return False
    call = as_call(node)
    args = argument_nodes(call)
    target = [call.receiver] + ([text(args[0])] if args else [])
    scope = next(iter(enclosing_functions(node)), ctx.root)
    names = {t.split(".", 1)[0].strip() for t in target}
    values = [text(a.child_by_field_name("right")) for a in walk(scope) if a.type == "assignment" and text(a.child_by_field_name("left")) in names]
    return bool(re.search(r"\.(first|last)\(\)|\.get\(|\[0\]|\b(options|kwargs)\[", " ".join(target + values)))


def _py_payload(ctx: CheckContext, node: Node) -> str:
    """What the send says: its arguments and the values that reach it of the names it passes (same
    function): walking back from the send, an assignment in a block around the send ends the search
    for that name, and one in the other branch of an `if` around the send is skipped."""
    parts = [text(node)]
    scope = next(iter(enclosing_functions(node)), ctx.root)
    names = {text(n) for n in walk(node) if n.type == "identifier"}
    around = {a.id for a in ancestors(node)}
    assigns = [a for a in walk(scope) if a.type == "assignment" and a.start_byte < node.start_byte and text(a.child_by_field_name("left")) in names]
    settled: set[str] = set()
    for assign in reversed(assigns):
        name = text(assign.child_by_field_name("left"))
        if name in settled or _py_other_branch(assign, around):
            continue
        parts.append(text(assign.child_by_field_name("right"))[:800])
        statement = assign.parent
        if statement is not None and statement.parent is not None and statement.parent.id in around:
            settled.add(name)
    return " ".join(parts)


# a silent push: named so (`send_silent_push`), or an APNs
# background payload (`content-available`, `push_type="background"`, `apns-priority: 5`) ...
PY_SILENT_NAME = re.compile(r"silent", re.I)
PY_SILENT_PAYLOAD = re.compile(
    r"(content[-_]?available|contentAvailable|push_type\s*=\s*['\"]background|['\"]apns-push-type['\"]\s*:\s*['\"]background|['\"]apns-priority['\"]\s*:\s*['\"]?5\b)"
)
# ... that shows nothing: no title, body or alert in what it sends
PY_VISIBLE_PAYLOAD = re.compile(r"(\btitle\b|\bbody\b|\balert\b|\bsubtitle\b|\bmessage_title\b|\bmessage_body\b|Notification\s*\()", re.I)


def _py_silent_push(node: Node, payload: str) -> bool:
    """A background push that only wakes the app (to sync) and puts nothing on the screen."""
    call = as_call(node)
    named = call is not None and PY_SILENT_NAME.search(call.name)
    return bool((named or PY_SILENT_PAYLOAD.search(payload)) and not PY_VISIBLE_PAYLOAD.search(payload))


def _py_other_branch(assign: Node, around: set[int]) -> bool:
    """`assign` sits in another branch of an `if` that also holds the send (their closest common
    ancestor is the `if` statement itself): it cannot reach the send."""
    common = next((a for a in ancestors(assign) if a.id in around), None)
    return common is not None and common.type in ("if_statement", "match_statement")


# a query over a date window on the items' own dates (`start_date__lte=...`, `Event.date >= day`), not on the
# user's activity (`last_login__lt` is how inactive users are picked)
PY_DATE_WINDOW = re.compile(
    r"\b(?!last_)\w*(date|day|time|_at|_on|start|end|due|deadline)\w*__(lte|gte|lt|gt|range|date|day|week|month|year)\b|"
    r"\.(?!last_)\w*(date|_at|time|start|end|due)\w*\s*(<=|>=|<|>)|\.between\("
)
PY_EMPTY_SKIP = r"(not\s+{x}(\.exists\(\))?|len\({x}\)\s*(==|<)\s*[01]|{x}\.count\(\)\s*==\s*0|{x}\s+is\s+None)\s*:\s*(continue|return)\b"


def _py_due_digest(ctx: CheckContext, node: Node, chain: list[Node]) -> bool:
    """The scheduled send goes out per user only for that user's own dated items (a digest of tomorrow's
    events, today's due tasks): in a loop over users, a query of the user's items over a date window, and
    the user is skipped when it found nothing (`if not items: continue`), or the send sits in `if items:`.
    No items, no push: a notice of something due, not a nudge to come back."""
    names = {function_name(f) for f in chain}
    for fn in chain[:6]:
        for loop in (n for n in walk(fn) if n.type == "for_statement"):
            target = text(loop.child_by_field_name("left"))
            body = loop.child_by_field_name("body")
            if body is None or not re.match(r"^\w+$", target) or not _py_reaches(body, node, names):
                continue
            for assign in (a for a in walk(body) if a.type == "assignment"):
                value = text(assign.child_by_field_name("right"))
                if not PY_DATE_WINDOW.search(value) or not re.search(rf"\b({re.escape(target)}|user)\b", value):
                    continue
                x = re.escape(text(assign.child_by_field_name("left")))
                if re.search(PY_EMPTY_SKIP.format(x=x), text(body)):
                    return True
                guards = (i for i in walk(body) if i.type == "if_statement"
                          and re.fullmatch(rf"(len\()?{x}\)?(\.exists\(\))?(\s*>\s*0)?", text(i.child_by_field_name("condition")).strip()))
                if any(_py_reaches(i.child_by_field_name("consequence"), node, names) for i in guards):
                    return True
    return False


# the recipients are the users whose own chosen send time is now: a Django lookup on the time field
# with the current hour or minute (`notification_time__hour=current_hour`), or a comparison with now
# (`if now.hour == pref.notify_hour:`); a literal hour (`notification_time__hour=9`) is the app's choice
PY_SEND_FIELD = r"\w*(?:notif\w*|notify|alert|push|digest|delivery|preferred|daily)_(?:time|hour)"
PY_USER_SEND_TIME = re.compile(
    rf"\b{PY_SEND_FIELD}(?:__(?:hour|minute))?\s*=\s*(?:(?:current|now)\w*|[\w.]*now\(\s*[\w.]*\s*\))[\w.]*(?=\s*[,)])|"
    rf"\b(?:now|current\w*)(?:\.hour|\.time\(\))?\s*==\s*[\w.]+\.{PY_SEND_FIELD}\b|"
    rf"\b[\w.]+\.{PY_SEND_FIELD}(?:\.hour)?\s*==\s*(?:now|current\w*)\b|"
    # in an SQLAlchemy query, a part of the row's own send time equal to the current one:
    # `func.hour(Event.push_time) == now.hour`, `extract("minute", Row.notify_time) == now.minute`
    rf"\b(?:\w+\.)?(?:hour|minute|date|time|extract)\(\s*(?:['\"]\w+['\"]\s*,\s*)?[\w.]+\.{PY_SEND_FIELD}\s*\)\s*==\s*(?:now|current\w*)\b"
)


def _py_scheduled_rows(chain: list[Node], chain_text: str) -> bool:
    """The send delivers rows someone scheduled (an organiser's announcement, a message queued for a user),
    picked once their own time comes and not sent yet: one query compares a date or time field with the
    current time and asks for a not-yet-sent flag (`filter(sent=False, broadcast_at__lte=now)`)."""
    if not (PY_ROW_TIME.search(chain_text) and PY_NOT_SENT.search(chain_text)):
        return False
    for fn in chain[:6]:
        for n in walk(fn):
            if n.type == "call" and n.end_byte - n.start_byte < 800:
                code = text(n)
                if PY_ROW_TIME.search(code) and PY_NOT_SENT.search(code):
                    return True
    return False


# the current time as a value: `datetime.now()`, `timezone.now().strftime(...)`, `time.time()` (no offset)
PY_NOW_VALUE = re.compile(rf"^\s*(?:{PY_NOW}|time\.time\(\))(?:\s*\.\s*\w+(?:\([^()]*\))?)*\s*$")
# a row's time that says who the user is or when they were last seen, not when something is due
PY_ACTIVITY_TIME = re.compile(r"(last_|created|joined|signup|sign_up|registered|updated|modified)", re.I)


def _py_row_time_reached(ctx: CheckContext, node: Node) -> bool:
    """The send sits under an `if` that compares the time stored on the fetched row being looped over
    with the current time (`if row["notify_at"] == now:`, `if item.remind_time <= datetime.now():`), in
    Python rather than in the query: each row goes out when its own time comes, as with
    `send_at__lte=now` in a query."""
    loops = [a for a in ancestors(node) if a.type == "for_statement"]
    if not loops:
        return False
    rows = set(re.findall(r"\w+", " ".join(text(loop.child_by_field_name("left")) for loop in loops)))
    scope = next(iter(enclosing_functions(node)), ctx.root)
    values: dict[str, str] = {}
    for a in walk(scope):
        if a.type == "assignment" and a.start_byte < node.start_byte and a.child_by_field_name("right") is not None:
            values[text(a.child_by_field_name("left"))] = text(a.child_by_field_name("right"))

    def now(expr: str) -> bool:
        return bool(PY_NOW_VALUE.match(expr) or PY_NOW_VALUE.match(values.get(expr.strip(), "")))

    def row_time(expr: str) -> bool:
        root = re.match(r"\s*(\w+)", expr)
        if root is None or PY_ACTIVITY_TIME.search(expr):
            return False
        if root.group(1) in rows:
            return True
        value = values.get(expr.strip(), "")
        first = re.match(r"\s*(\w+)", value)
        return first is not None and first.group(1) in rows and not PY_ACTIVITY_TIME.search(value)

    for branch in (a for a in ancestors(node) if a.type == "if_statement"):
        body = branch.child_by_field_name("consequence")
        if body is None or not within(node, body):
            continue
        for cmp in (n for n in walk(branch.child_by_field_name("condition")) if n.type == "comparison_operator"):
            m = re.fullmatch(r"(.+?)\s*(==|<=|>=|<|>)\s*(.+)", text(cmp), re.S)
            if m is None:
                continue
            left, op, right = m.groups()
            if (op in ("==", "<=", "<") and row_time(left) and now(right)) or (op in ("==", ">=", ">") and now(left) and row_time(right)):
                return True
    return False


# the user's own switch for these pushes, off until they turn it on: `settings.get("push_enabled", False)`,
# `prefs.get("reminders_on")`, `getattr(profile, "push_opt_in", False)` (not a deployment setting in capitals)
PY_SWITCH_KEY = r"([a-z]\w*(enabled|opt_?in|opted_in|consent|subscribed|allowed)|wants_\w+|\w*(reminders?|push|notifications?|alerts?|digest|nudges?)_on)\b"
PY_OFF_SWITCH = re.compile(
    rf"\.get\(\s*['\"]{PY_SWITCH_KEY}['\"]\s*(,\s*(False|None|0)\s*)?\)|"
    rf"\bgetattr\(\s*[\w.]+\s*,\s*['\"]{PY_SWITCH_KEY}['\"]\s*,\s*(False|None|0)\s*\)"
)
PY_GUARD = re.compile(r"^[ \t]*if\s+not\s+(?P<cond>[^\n:]+?)\s*:\s*(#[^\n]*)?\n?[ \t]*return\b", re.M)


def _py_after_switch_guard(node: Node) -> bool:
    """The send follows an early return on the user's own switch in its function, and the switch is off
    unless the user turned it on (`if not settings.get("push_enabled", False): return`): an opt-in push, as
    the mobile rule treats `if (!enabled) return;`. A switch whose default is not visible (a model field)
    or is on is not enough."""
    for fn in enclosing_functions(node):
        before = (fn.text or b"")[: node.start_byte - fn.start_byte].decode("utf-8", "replace")
        if any(PY_OFF_SWITCH.search(m.group("cond")) and not re.search(r"\b(or|and)\b", m.group("cond")) for m in PY_GUARD.finditer(before)):
            return True
    return False


def _py_reaches(body: Node, node: Node, names: set[str]) -> bool:
    """`body` holds the send itself or a call of one of the functions that lead to it (`notify_one.delay(...)`)."""
    if within(node, body):
        return True
    return any(
        n.type == "call" and (c := as_call(n)) is not None and (c.name in names or (c.name in CELERY_CALLS and c.receiver.rsplit(".", 1)[-1] in names))
        for n in walk(body)
    )


def python_push_send(ctx: CheckContext) -> Verdict | bool:
    """A server push sent from a schedule or to users picked for being inactive."""
    node = ctx.node
    chain = _py_chain(ctx, node)
    chain_text = " ".join(text(f) for f in chain[:6]) or text(node)
    inactive = _py_inactive(chain_text)
    schedule = _py_schedule(ctx, node, chain)
    if not inactive and schedule is None:
        # decided before resolving names, which is the costly part; then: run from another module?
        return _py_called_from_other_modules(ctx, node, chain)
    kind = _py_send_kind(ctx, node)
    if kind is None or _judged_in_definition(ctx, node) or _py_deferred_to_callers(ctx, node):
        return False
    if " through " in kind and _py_job_named_only(schedule) and _py_run_from_other_modules(ctx, chain):
        return False
    return _py_judge(ctx, node, chain, chain_text, inactive, schedule, kind)


def _judged_in_definition(ctx: CheckContext, node: Node) -> bool:
    """A call of the app's own push job of another module (`send_daily_reminders()` in a cron view) whose
    definition is judged there: reported at its sends when it is a scheduled job itself, not reported when
    it sends each user's reminder at the hour they chose (`now.hour == pref.reminder_time.hour`)."""
    call = as_call(node)
    if call is None or call.receiver or not PY_WRAPPER.match(call.name):
        return False
    sender = _py_remote_sender(ctx, call.name)
    return sender is not None and (_py_reported_there(sender) or bool(DUE_REMINDER.search(sender.text) or PY_DUE_ITEMS.search(sender.text)))


# the send goes to someone who looks after the people picked (their trainer, coach, teacher, the owner or
# admin of their group): `user_id=trainer_id`, `token=coach.fcm_token`
PY_OVERSEER = re.compile(
    r"(trainer|coach|owner|admin|manager|teacher|instructor|mentor|supervisor|tutor|parent|guardian|organi[sz]er|leader|captain)", re.I
)
PY_RECIPIENT_KEY = re.compile(
    r"^(user_ids?|users?|to|tokens?|recipients?|receivers?|registration_ids?|registration_tokens?|devices?|chat_id|targets?|"
    r"\w*_tokens?|player_ids?|include_player_ids|include_external_user_ids|external_ids?|member_ids?)$"
)


def _py_recipient(node: Node, depth: int = 0) -> str:
    """The text of whom a send addresses: its recipient keyword (`user_id=`, `token=`, `to=`), else its first
    positional argument (looked into once when it is a message built in place: `Message(token=...)`)."""
    args = node.child_by_field_name("arguments") if node.type == "call" else None
    if args is None:
        return ""
    for a in args.named_children:
        if a.type == "keyword_argument" and PY_RECIPIENT_KEY.match(text(a.child_by_field_name("name"))):
            return text(a.child_by_field_name("value"))
    handed = _py_handed_send(node) if depth == 0 else None
    first = next((a for a in args.named_children if a.type not in ("keyword_argument", "comment") and not (handed is not None and (a.id == handed.id or text(a) == "None"))), None)
    if first is None:
        return ""
    if first.type == "call" and depth == 0:
        return _py_recipient(first, 1) or text(first)
    return text(first)


def _py_report_to_overseer(node: Node, inactive) -> bool:
    """People are picked for being inactive, but the push goes to the one who looks after them (a trainer's
    daily list of their students who stopped training): a report, not a pull on the inactive people. When the
    line that picks by inactivity names the same role (`Trainer.last_login < cutoff`, `inactive_coaches`),
    the overseers themselves are the ones picked."""
    recipient = _py_recipient(node)
    if not PY_OVERSEER.search(recipient):
        return False
    code = inactive.string
    line = code[code.rfind("\n", 0, inactive.start()) + 1 : code.find("\n", inactive.end()) % (len(code) + 1)]
    return not PY_OVERSEER.search(line)


# the name of the APNs badge count a send sets (`badge=1`, `"badge": 1`), a field of the push, not an
# achievement badge the user earned (`award.badge` is kept)
PY_BADGE_FIELD = re.compile(r"(['\"]?)\bbadge\1(?=\s*(:|=(?!=)))")


def _py_judge(ctx: CheckContext, node: Node, chain: list[Node], chain_text: str, inactive, schedule: str | None, kind: str) -> Verdict | bool:
    """The verdict on a push send (or a call of a push task of another module) that runs from a schedule or
    picks inactive users: not a transactional notice, not the user's own items falling due."""
    payload = PY_BADGE_FIELD.sub("", _py_payload(ctx, node))
    if _py_silent_push(node, payload):
        return False  # a background wake-up the user never sees
    reengage = re.search(r"(re_?engag|inactiv|streak|miss(ed)? you|come ?back|we miss)", payload, re.I)
    transactional = TRANSACTIONAL.search(payload) or TRANSACTIONAL_MORE.search(payload)
    if not inactive and not reengage and (transactional or (EVENT_WORDS.search(payload) and not NUDGE_WORDS.search(payload))):
        return False
    loops = " ".join(f"for {text(a.child_by_field_name('left'))} in {text(a.child_by_field_name('right'))}" for a in ancestors(node) if a.type == "for_statement")
    if _py_to_staff(f"{payload} {loops}"):
        return False  # a notice to the people who run the app, not to its users
    if inactive and _py_report_to_overseer(node, inactive):
        return False  # a report about inactive people to the one who looks after them, not a lure to them
    if inactive:
        how = f" from {schedule}" if schedule else ""
        return Verdict(message=f"push notification sent to users because they have been inactive ({kind}{how}, \"{inactive.group(0)[:30]}\"), to pull them back", note=_quiet_note(ctx) if schedule else None)
    if schedule is None:
        return False
    if (DUE_REMINDER.search(chain_text) or PY_DUE_ITEMS.search(chain_text)) and not reengage:
        return False  # reminders the users set, delivered when they fall due
    if not reengage and (_py_scheduled_rows(chain, chain_text) or _py_row_time_reached(ctx, node)):
        return False  # rows someone scheduled, delivered once when their time comes
    if _py_after_switch_guard(node):
        return False  # an opt-in push: nothing goes out until the user turns it on
    if not reengage and _py_due_digest(ctx, node, chain):
        return False  # each user's own dated items (tomorrow's events), sent only when there are some
    if not reengage and _py_made_for_recipient(node):
        return False  # it announces a record this run just made for that user (their weekly report), linked by its id
    if not reengage and PY_USER_SEND_TIME.search(chain_text):
        return False  # each user's reminder, sent at the time they chose for it
    if not reengage and _py_row_time_match(chain_text):
        return False  # each user's stored time (`goal.get("reminder_times")`) matched against the current time
    return Verdict(message=f"push notification sent on a timer ({kind} in {schedule}), not because something happened for the user", note=_quiet_note(ctx))


# a builder of the push itself (its copy or payload), not a record made for the user
PY_MESSAGE_BUILDER = re.compile(r"(message|msg|notif|push|payload|body|title|text|copy|reminder|content|template)", re.I)


def _py_made_for_recipient(node: Node) -> bool:
    """In a loop over people, the send links to a record made for that person in the same pass of the loop
    (`report = await generate_report(user)`, then `landing_url=f"/report/{report.id}"`): the push tells them
    something now exists for them, an event of their own, not a nudge on a timer."""
    text_of_send = text(node)
    for loop in (a for a in ancestors(node) if a.type == "for_statement"):
        person = text(loop.child_by_field_name("left"))
        body = loop.child_by_field_name("body")
        if body is None or not re.fullmatch(r"\w+", person):
            continue
        for assign in (a for a in walk(body) if a.type == "assignment" and a.start_byte < node.start_byte):
            left, right = text(assign.child_by_field_name("left")), assign.child_by_field_name("right")
            call = right.named_children[0] if right is not None and right.type == "await" and right.named_children else right
            if call is None or call.type != "call" or not re.fullmatch(r"\w+", left):
                continue
            made = as_call(call)
            if made is None or PY_MESSAGE_BUILDER.search(made.name) or not re.search(rf"\b{re.escape(person)}\b", text(call.child_by_field_name("arguments"))):
                continue
            if re.search(rf"\b{re.escape(left)}\.(id|pk|uuid|slug)\b", text_of_send):
                return True
        return False
    return False


# a time of day stored on the user's own row (`goal.get("reminder_times")`, `user.get("morning_time", "08:00")`),
# then the current local time compared with it (`current_time not in times`, `user_now.hour != hour`): the
# push goes out at the time the person set. An offset the app adds to it (`delay + 120`, `timedelta(hours=2)`)
# makes it a follow-up the app chose ("I didn't hear back"), still reported.
PY_ROW_TIME_READ = re.compile(r"\.get\(\s*['\"](?!last_|created_|updated_)\w+_(time|times|hour)['\"]")
PY_NOW_COMPARE = re.compile(
    r"\b(current_\w*|\w*now\.(hour|minute))\s*(!=|==|\bnot in\b|\bin\b)\s*[\w.]+|[\w.]+\s*(!=|==)\s*(current_\w*|\w*now\.(hour|minute))\b"
)
PY_APP_OFFSET = re.compile(r"[\w)\]]\s*\+\s*(\d{2,}\b|timedelta\(\s*hours\s*=\s*\d)")


def _py_row_time_match(chain_text: str) -> bool:
    code = _without_comments(PY_DOCSTRING.sub("", chain_text))
    return bool(PY_ROW_TIME_READ.search(code) and PY_NOW_COMPARE.search(code) and not PY_APP_OFFSET.search(code))


# --------------------------------------------------------------------------------------------
# Python: the push task or helper of another module, and the schedule or loop of another module

# what a function's text must show to send a push (firebase_admin, pywebpush, apns2, OneSignal, Expo, pyfcm,
# fcm-django devices, push REST endpoints, the app's own `send_push…` helpers)
PUSH_TEXT = re.compile(
    r"\bmessaging\s*\.\s*send\w*\(|\bwebpush\(|\.send_notification(_batch|_async)?\(|\bPushClient\(|\bPushMessage\(|"
    r"\.publish(_multiple)?\(|\.create_notification\(|\.send_(bulk_)?message\(|exp\.host/--/api/v2/push|fcm\.googleapis\.com|"
    r"onesignal\.com/api|\.notify_(multiple_devices|single_device|topic_subscribers)\(|"
    r"\bsend_push\w*\(|\b(fcm|apns|expo|onesignal|webpush)_(send|notify|push)\w*\(|\bsend_\w*(push|notification)\w*\("
)
TASK_RUN = ("delay", "apply_async")


def _py_remote_sender(ctx: CheckContext, name: str):
    """The function `name` of another module of the project when it sends a push (its text shows a push
    API or the app's push helper), or None."""
    if len(name) < 4 or NOT_PUSH_CHANNEL.search(name):
        return None

    def build():
        from designlint import project_index

        index = project_index.for_context(ctx)
        here = str(Path(ctx.path).resolve())
        return next((d for d in index.definitions(name) if d.path != here and PUSH_TEXT.search(d.text) and not NOT_PUSH_CHANNEL.search(d.owner) and not _py_not_user_push(d, index)), None)

    return ctx.remember(f"nsg_py_sender:{name}", build)


# a call in a function's text: bare (`create_question_instance(...)`) or on the class itself (`self.notify_all(...)`)
PY_CALLED_NAME = re.compile(r"(?<![\w.])(?:(self|cls)\.)?([a-z_]\w{3,})\s*\(")


def _py_remote_reach(ctx: CheckContext, name: str, levels: int = 2):
    """The function `name` of another module and the project functions it calls, up to `levels` calls
    further, that end at a push send (`generate_question_instances(pk)` -> `create_question_instance_if_needed()`
    -> `send_push_notification()`): the chain of definitions, the first one `name`'s, or None. A callee is
    a function of the same module (a method of the same class for `self.`) or one the module imports from
    the project; names that say another channel (e-mail, SMS, chat) and staff or chat-bot senders end the
    search."""
    if len(name) < 4 or NOT_PUSH_CHANNEL.search(name) or _too_common_here(name) or name in PY_GENERIC_FUNCTIONS:
        return None

    def build():
        from designlint import project_index

        index = project_index.for_context(ctx)
        here = str(Path(ctx.path).resolve())
        starts = [d for d in index.definitions(name) if d.path != here and not NOT_PUSH_CHANNEL.search(d.owner)]
        return next((found for d in starts[:3] if (found := _py_reach_from(index, [d], levels))), None)

    return ctx.remember(f"nsg_py_reach:{name}", build)


def _py_reach_from(index: ProjectIndex, chain: list, levels: int):
    last = chain[-1]
    if _py_not_user_push(last, index):
        return None
    if PUSH_TEXT.search(last.text):
        return chain
    if levels == 0:
        return None
    head = index.files().get(last.path, b"")[:20_000].decode("utf-8", "replace")
    seen = {d.name for d in chain}
    for m in PY_CALLED_NAME.finditer(last.text[last.text.find("("):]):
        on_self, callee = m.group(1), m.group(2)
        if callee in seen or NOT_PUSH_CHANNEL.search(callee) or callee in PY_GENERIC_FUNCTIONS or _too_common_here(callee):
            continue
        seen.add(callee)
        imported = re.search(rf"^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+(\([^)]*|[^\n]*)\b{callee}\b", head, re.M)
        for d in index.definitions(callee):
            same_module = d.path == last.path and (d.owner == last.owner if on_self else not d.owner)
            if (same_module or (imported and not on_self and d.path != last.path)) and not NOT_PUSH_CHANNEL.search(d.owner):
                found = _py_reach_from(index, [*chain, d], levels - 1)
                if found:
                    return found
    return None


def _py_not_user_push(definition, index: ProjectIndex) -> bool:
    """The function of another module messages the app's own staff (`for admin in settings.ADMINS`) or
    sends through a chat-bot library its module imports (aiogram, python-telegram-bot, discord.py):
    not a push to the app's users."""
    head = index.files().get(definition.path, b"")[:20_000].decode("utf-8", "replace")
    return _py_to_staff(definition.text) or bool(CHAT_BOT_IMPORT.search(head))


def _py_reported_there(sender) -> bool:
    """The sender's own module already reports its push: the function is a scheduled job (a schedule
    decorator, a task named as a daily/reminder job) or picks inactive users itself."""
    if _py_inactive(sender.text):
        return True
    try:
        code = Path(sender.path).read_text("utf-8", "replace")
    except OSError:
        return False
    head = re.search(rf"((?:^[ \t]*@[^\n]*\n)+)[ \t]*(?:async\s+)?def\s+{re.escape(sender.name)}\b", code, re.M)
    decorators = head.group(1) if head else ""
    if SCHEDULE_DECORATOR.search(decorators):
        return True
    params = re.match(r"\s*(?:async\s+)?def\s+\w+\s*\(([^)]*)\)", sender.text)
    argless = params is not None and not [p for p in params.group(1).split(",") if p.strip() and p.strip() not in ("self", "cls")]
    # a task named as a periodic job, or an argument-less task looping over recipients (judged as a beat job there)
    return bool(TASK_DECORATOR.search(decorators) and (SCHEDULE_NAME.search(sender.name) or (argless and re.search(r"^\s+for\s", sender.text, re.M))))


def python_push_task_call(ctx: CheckContext) -> Verdict | bool:
    """A push task or helper of another module run from here (`send_reminder_push.delay(user.id)` in a
    management command looping over inactive users, `notify_player(p)` in a beat job): judged here, where
    the schedule or the choice of recipients is, with what the other module's text says it sends."""
    node = ctx.node
    call = as_call(node)
    if call is None:
        return False
    name = call.receiver.rsplit(".", 1)[-1] if call.name in TASK_RUN else call.name
    if not re.fullmatch(r"\w+", name) or name in _methods_by_name(ctx):
        return False  # a task of this file: judged at its own send
    chain = _py_chain(ctx, node)
    chain_text = " ".join(text(f) for f in chain[:6]) or text(node)
    inactive = _py_inactive(chain_text)
    schedule = _py_schedule(ctx, node, chain)
    if not inactive and schedule is None:
        return False
    if call.name not in TASK_RUN and _py_send_kind(ctx, node) is not None:
        return False  # an API or helper the `python-recapture-push` query judges
    sender = _py_remote_sender(ctx, name)
    reach = [sender] if sender is not None else _py_remote_reach(ctx, name)
    if not reach or any(_py_reported_there(d) for d in reach):
        return False
    if any(USER_SCHEDULE.search(d.text) or DUE_REMINDER.search(d.text) for d in reach):
        return False  # it sends at the time the user picked, or only what fell due
    if len(reach) > 1 and _py_reach_transactional(reach):
        return False  # the helper down the chain sends a notice (an order shipped, a receipt), not a prompt
    where = f"{name}() in {reach[0].shown}:{reach[0].line}"
    if len(reach) > 1:
        where += ", which sends through " + " -> ".join(f"{d.name}()" for d in reach[1:]) + f" in {reach[-1].shown}:{reach[-1].line}"
    return _py_judge(ctx, node, chain, chain_text, inactive, schedule, where)


def _py_reach_transactional(reach: list) -> bool:
    """The calls along a followed chain (each function's call of the next, and the push send at its end) carry
    transactional copy (`deliver_prompt(user, "Your order has shipped")`): a notice the job delivers."""
    sites = []
    for d, following in zip(reach, reach[1:]):
        sites += [d.text[m.start() : m.start() + 300] for m in re.finditer(rf"\b{re.escape(following.name)}\s*\(", d.text)]
    sites += [reach[-1].text[m.start() : m.start() + 300] for m in PUSH_TEXT.finditer(reach[-1].text)]
    return any(TRANSACTIONAL.search(site) or TRANSACTIONAL_MORE.search(site) for site in sites)


def python_push_job_helper(ctx: CheckContext) -> Verdict | bool:
    """A project function imported from another module (`generate_question_instances(p.pk)`) called in a loop
    over recipients of a scheduled job, whose definition reaches a push send up to three calls down: judged
    as a push task call (python_push_task_call), here, where the schedule and the loop are."""
    call = as_call(ctx.node)
    if call is None or call.receiver or call.name in _methods_by_name(ctx) or PY_CALL_SIDE.match(call.name):
        return False
    own = next(iter(enclosing_functions(ctx.node)), None)
    if own is None or not any(a.type == "for_statement" and within(a, own) for a in ancestors(ctx.node)):
        return False
    if not re.search(rf"^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+(\([^)]*|[^\n]*)\b{re.escape(call.name)}\b", ctx.code_without_comments(), re.M):
        return False  # only the project's own functions, named in an import
    if _py_schedule(ctx, ctx.node, list(enclosing_functions(ctx.node))) is None:
        return False  # a loop that no schedule runs (its send is judged where it is sent)
    return python_push_task_call(ctx)


def _py_called_from_other_modules(ctx: CheckContext, node: Node, chain: list[Node]) -> Verdict | bool:
    """A push sent by a function that other modules run only from a schedule or for inactive users (a
    management command, a scheduler module, a loop over `last_login__lt` users), when those calls are not
    judged where they are (their name is not one the call-side queries know)."""
    if not chain:
        return False
    from designlint import project_index

    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    for fn in chain[:3]:
        name = function_name(fn)
        if _too_common_here(name) or name in PY_GENERIC_FUNCTIONS:
            continue
        sites = [s for s in index.calls(name) if s.path != here]
        if not sites or any(PY_CALL_SIDE.match(s.name) for s in sites):
            continue
        whys = [_py_remote_reason(index, s) for s in sites]
        if all(whys):
            kind = _py_send_kind(ctx, node)
            if kind is None:
                return False
            return Verdict(message=f"push notification sent {whys[0]} ({kind} in {name}(), called from {sites[0].where()}), to pull people back rather than because something happened for them", note=_quiet_note(ctx))
    return False


# functions whose name says nothing about who calls them (views, commands, model methods)
PY_GENERIC_FUNCTIONS = frozenset(
    "get post put patch delete create update save handle dispatch perform_create perform_update form_valid "
    "execute send notify process main task job".split()
)


def _too_common_here(name: str) -> bool:
    """A name too short or too common to look up across the project (`Send`, `update`, `__init__`)."""
    from designlint import project_index

    return project_index.too_common(name) or (name.startswith("__") and name.endswith("__")) or name.lower() in ("send", "schedule", "notify")


# the call names the call-side Python queries match (their sites are judged where they are)
PY_CALL_SIDE = re.compile(
    r"^(delay|apply_async|send_push\w*|send_\w*(push|notification|notifications|notif|reminder|reminders|nudge|fcm|apns|expo)\w*|"
    r"notify\w*|remind\w*|nudge\w*|push\w*|\w+_(notify|remind|nudge|push|notification|notifications|reminder|reminders)\w*)$"
)


def _py_remote_reason(index, site) -> str | None:
    """Why a call site of another module re-engages: it is in a management command or a scheduler/cron
    module, or the function around it picks inactive users."""
    if SCHEDULE_PATH.search(site.shown) and not LONG_RUNNING.search(index.files().get(site.path, b"").decode("utf-8", "replace")):
        return "from a Django management command, run by cron" if "management/commands" in site.shown else "from a scheduled job"
    holder = site.functions[0] if site.functions else ""
    for found in index.definitions(holder) if holder else []:
        if found.path == site.path and (m := PY_INACTIVE.search(found.text)):
            return f"to users picked for being inactive (\"{m.group(0)[:30]}\")"
    return None
