"""Flutter notification schedules that pull people back, for the `notification-spam` rule (Dart).

* flutter_local_notifications `periodicallyShow`, `showDailyAtTime`, `zonedSchedule` with
  `matchDateTimeComponents`, and awesome_notifications `NotificationCalendar` /
  `NotificationInterval` with `repeats: true`, at a time the app fixed, not one the user picked;
  or a batch of them scheduled in a counting loop;
* a one-off notification scheduled for a fixed delay on `AppLifecycleState.paused`;
* a `Timer.periodic` callback shows a notification (not one that polls a server for new items);
* a workmanager `registerPeriodicTask` whose background callback shows a notification.

Not reported: schedules in `onPressed: fn` handlers or functions nothing calls, in-app messages
(snackbars, toasts, dialogs), a settings object's default hour that the user changes.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.notification_spam import _quiet_note
from designlint.checks.polyglot import Call, argument_nodes, calls
from designlint.checks.polyglot import argument_label as _label
from designlint.checks.util import closing_bracket, text, walk
from designlint.checks.notification_spam_mobile_context import (
    call_argument,
    call_at,
    definitions_of,
    not_app_driven,
    parameter_names,
    uncommented_code,
)
from designlint.checks.notification_spam_mobile_lifecycle import leave_context
from designlint.checks.notification_spam_mobile_schedule import (
    clock_time,
    counting_loop_schedule,
    fixed_hour,
    item_time,
    literal_loop_variables,
    literal_number,
    scope_code,
    user_chosen,
)


def _local_value(name: str, fn: Node | None) -> str:
    """What a local variable of the function is set to (`const repeatInterval = RepeatInterval.daily;`
    then `periodicallyShow(..., repeatInterval, ...)`), or `name` itself."""
    if fn is None or not re.match(r"^\w+$", name) or name in parameter_names(fn):
        return name
    m = re.search(rf"\b(const|final|var|val|let)\s+(\w+\s+)?{name}\s*(:\s*\w+\s*)?=\s*([^;\n]+)", text(fn))
    return m.group(4).strip() if m else name


def dart_repeating_notification(ctx: CheckContext) -> Verdict | bool:
    """flutter_local_notifications periodicallyShow / showDailyAtTime / zonedSchedule repeats."""
    call = call_at(ctx)
    if call is None:
        return False
    fn, code = scope_code(ctx.node, ctx)
    if call.name in ("periodicallyShow", "periodicallyShowWithDuration"):
        interval = call_argument(call, "repeatInterval", 3) or call_argument(call, "repeatDurationInterval", 3)
        value = _local_value(text(interval), fn)
        if not re.match(r"^(\w+\.)?RepeatInterval\.\w+$|^(const )?Duration\(", value) or (call.name.endswith("Duration") and user_chosen(value, fn)):
            return False
        if not_app_driven(ctx.node, ctx):
            return False
        every = value.rsplit(".", 1)[-1] if "RepeatInterval" in value else value
        return Verdict(message=f"a local notification repeats {every} from the moment the app scheduled it ({call.name}), not at a time the user set", note=_quiet_note(ctx))
    if call.name in ("showDailyAtTime", "showWeeklyAtDayAndTime"):
        if user_chosen(code, fn) or not_app_driven(ctx.node, ctx) or fixed_hour(code, ctx) is None:
            return False
        return Verdict(message=f"a local notification repeats at a time the app chose ({call.name}), not one the user set", note=_quiet_note(ctx))
    repeats = call_argument(call, "matchDateTimeComponents")
    if repeats is None:
        return counting_loop_schedule(ctx, call, fn, code) or _dart_leave_nudge(ctx, call, fn, code)
    if user_chosen(code, fn) or not_app_driven(ctx.node, ctx):
        return False
    hour = fixed_hour(code, ctx)
    if hour is None:
        return False
    cadence = "weekly" if re.search(r"dayOfWeek", text(repeats)) else "monthly" if "dayOfMonth" in text(repeats) else "daily"
    return Verdict(message=f"a local notification repeats {cadence} at {clock_time(hour, code)} on a schedule the app chose (zonedSchedule with matchDateTimeComponents), not one the user set", note=_quiet_note(ctx))


DART_DELAY = re.compile(r"\.now\([^()]*\)\s*\.add\(\s*(const\s+)?Duration\(\s*(?P<unit>days|hours|minutes):\s*(?P<v>\w+)")


def _dart_leave_nudge(ctx: CheckContext, call: Call, fn: Node | None, code: str) -> Verdict | bool:
    """zonedSchedule for now plus a fixed Duration when the app goes to the background
    (`AppLifecycleState.paused`): a nudge to come back later."""
    m = DART_DELAY.search(code)
    if m is None or not (m.group("v") in literal_loop_variables(ctx.node) or literal_number(m.group("v"), ctx)):
        return False
    if m.group("unit") == "minutes" and m.group("v").isdigit() and int(m.group("v")) < 60:
        return False  # a short timer, not a "come back tomorrow"
    where = leave_context(ctx.node, ctx)
    if where is None or user_chosen(code, fn):
        return False
    unit = m.group("unit")[:-1] if m.group("v") == "1" else m.group("unit")
    return Verdict(message=f"a notification is scheduled {m.group('v')} {unit} after the user leaves the app ({where}): a nudge to come back, not news they asked for", note=_quiet_note(ctx))


def dart_awesome_repeating(ctx: CheckContext) -> Verdict | bool:
    """awesome_notifications `NotificationCalendar(hour: 9, repeats: true)`,
    `NotificationInterval(interval: 3600, repeats: true)` or `NotificationCalendar.fromDate(...)`
    with `repeats: true`, at a time or interval the app fixed."""
    call = next((c for c in calls(ctx.node) if c.node.id == ctx.node.id), None)
    if call is None or text(call_argument(call, "repeats")) != "true":
        return False
    fn, code = scope_code(ctx.node, ctx)
    # the hour read from a settings object the app builds switched on at its own hours: not the user's
    hour = next((re.sub(r"^\s*hour\s*:\s*", "", text(a)) for a in argument_nodes(call) if _label(a)[0] == "hour"), "")
    default = _default_on_settings_hour(hour, fn, ctx) if call.name == "NotificationCalendar" else None
    if (default is None and user_chosen(code, fn)) or not_app_driven(ctx.node, ctx):
        return False
    if call.name == "NotificationInterval":
        interval = text(call_argument(call, "interval"))
        if not literal_number(interval, ctx):
            return False
        return Verdict(message=f"a local notification repeats every {interval} seconds on an interval the app chose (NotificationInterval, repeats: true)", note=_quiet_note(ctx))
    if call.name == "fromDate":
        hour = fixed_hour(code, ctx)
        if hour is None:
            return False
        return Verdict(message=f"a local notification repeats at {clock_time(hour, code)} on a schedule the app chose (NotificationCalendar.fromDate, repeats: true)", note=_quiet_note(ctx))
    parts = {}
    for arg in argument_nodes(call):
        label, value = _label(arg)
        if label in ("second", "minute", "hour", "weekday", "day", "month"):
            parts[label] = text(value)
    if parts and not all(literal_number(v, ctx) for v in parts.values()):
        if default is None:
            return False
        return Verdict(message=f"a local notification repeats at an hour the app picks and switches on by default (hour {default}; NotificationCalendar, repeats: true), not one the user set", note=_quiet_note(ctx))
    if not parts:
        return False
    when = f"at {clock_time(parts['hour'], 'minute: ' + parts.get('minute', ''))}" if "hour" in parts else "every " + ("hour" if "minute" in parts else "minute")
    return Verdict(message=f"a local notification repeats {when} on a schedule the app chose (NotificationCalendar, repeats: true), not one the user set", note=_quiet_note(ctx))


# a settings object built switched on (`NotificationSettings(enabled: true, time: period.defaultTime)`)
DEFAULT_ON_ARGUMENT = re.compile(r"\b(enabled|isEnabled|active|isActive|on)\s*:\s*true\b")
LITERAL_TIME_OF_DAY = re.compile(r"\bTimeOfDay\s*\(\s*hour\s*:\s*(\d{1,2})\b")


def _default_on_settings_hour(hour: str, fn: Node | None, ctx: CheckContext) -> str | None:
    """Dart: the hour is read from a settings parameter (`hour: settings.time.hour`, `settings` a
    `NotificationSettings`) and the project builds that class switched on with a time of the app's
    (`NotificationSettings(enabled: true, time: period.defaultTime)`, the getter returning
    `TimeOfDay(hour: 8, ...)`): the app's default, on until the person turns it off. The hours, or None."""
    m = re.fullmatch(r"(\w+)\.(\w+)\.hour", hour.strip())
    signature = fn.prev_named_sibling if fn is not None and fn.type == "function_body" else None
    if ctx.language != "dart" or m is None or signature is None:
        return None
    var, field = m.groups()
    declared = re.search(rf"\b([A-Z]\w*)\??\s+{re.escape(var)}\b", text(signature))
    if declared is None or project_index.too_common(declared.group(1)):
        return None
    index = project_index.for_context(ctx)
    hours: list[str] = []
    for site in index.calls(declared.group(1)):
        source = index.files().get(site.path) or b""
        built = source[site.byte : site.byte + 400].decode("utf-8", "replace").split(";")[0]
        value = re.search(rf"\b{re.escape(field)}\s*:\s*([\w.]+(\s*\([^)]*\))?)", built)
        if not DEFAULT_ON_ARGUMENT.search(built) or value is None:
            continue
        getter = value.group(1).rsplit(".", 1)[-1]
        texts = [value.group(0)] + [d.text for d in index.definitions(getter) if "." in value.group(1)]
        hours += [h for t in texts for h in LITERAL_TIME_OF_DAY.findall(t)]
    return ", ".join(str(int(h)) for h in dict.fromkeys(hours)) or None


DART_SHOWS = re.compile(r"((?i:notif)\w*\??\.(show|zonedSchedule|createNotification)\w*\(|[Pp]lugin\??\.show\(|(?i:show\w*notif)\w*\(|createNotification\()")
# a system notification API in the code (not just a method named `_show…Notification`)
DART_NOTIFICATION_API = re.compile(r"(NotificationDetails|AwesomeNotifications|NotificationContent\(|\.(zonedSchedule|periodicallyShow|showDailyAtTime)\()")
# an in-app message shown instead: a snackbar, toast or dialog
IN_APP_MESSAGE = re.compile(r"(?i)(snack_?bar|fluttertoast|showtoast|\btoast\b|showdialog|get\.dialog|scaffoldmessenger|showcustom|bottomsheet)")


def _dart_notifies(code: str) -> bool:
    """The code shows a system notification: an API call, or a notification helper whose body is not
    in this code; a method merely named `_showExpiredNotification` that opens a snackbar does not count."""
    return bool(DART_SHOWS.search(code) or re.search(r"\.show\(", code) and "NotificationDetails" in code) and (
        bool(DART_NOTIFICATION_API.search(code)) or not IN_APP_MESSAGE.search(code)
    )
# a notification the code schedules rather than shows (`plugin.zonedSchedule(...)`, `scheduleDailyNotification()`)
DART_SCHEDULES = re.compile(r"(\w*[Pp]lugin\??\.zonedSchedule\(|(?i:schedule\w*notif)\w*\()")


def _dart_schedules(code: str) -> bool:
    """The code schedules a system notification (a zonedSchedule call of the plugin is in it)."""
    return bool(DART_SCHEDULES.search(code)) and bool(DART_NOTIFICATION_API.search(code))


FETCHES = re.compile(r"(\bhttp\.|\bdio\.|\b(fetch|poll|sync|refresh|load)\w*\(|\b[Aa]pi\w*\.\w+\(|\.get\(\s*Uri)")
# the poll skips what it already told the user about (`if (_notifiedIds.contains(id)) continue;`):
# it notifies new items only, an event
UNSEEN_ONLY = re.compile(r"\b_?(notified|seen|shown|sent|known|alerted|announced)\w*\.contains\((?![^)]*(date|day|today|now|hour))", re.I)


def dart_timer_notification(ctx: CheckContext) -> Verdict | bool:
    """`Timer.periodic(Duration(hours: 2), (_) => showNotification(...))`: a notification shown
    every few minutes or hours while the app runs, directly or through functions of the file."""
    call = call_at(ctx)
    args = argument_nodes(call) if call is not None else []
    if len(args) < 2:
        return False
    every, callback = text(args[0]), args[1]
    if not re.search(r"Duration\(", every) or not all(literal_number(v, ctx) for v in re.findall(r":\s*([\w.]+)", every)):
        return False  # the period comes from the user's settings or the caller
    code = _reachable_code(callback, ctx)
    if not _dart_notifies(code) or FETCHES.search(code) or UNSEEN_ONLY.search(code) or not_app_driven(ctx.node, ctx):
        return False
    if item_time(code):
        return False  # a checker that shows the user's own reminder once its time has come
    if _shown_then_cancelled(code):
        return False  # one notice after N ticks (an inactivity log-out), then the timer stops
    period = ", ".join(f"{value} {unit}" for unit, value in re.findall(r"(\w+):\s*([\w.]+)", every))
    return Verdict(message=f"a notification is shown over and over from a periodic timer (Timer.periodic every {period}), not when something new happened", note=_quiet_note(ctx))


def _shown_then_cancelled(code: str) -> bool:
    """The timer callback cancels its timer (`t.cancel()` of a `Timer t`) in the same block that
    shows the notification: it is shown once, when the count or deadline is reached."""
    timers = set(re.findall(r"\bTimer\??\s+(\w+)", code))
    for m in re.finditer(r"\b(\w+)\??\.cancel\(\s*\)", code):
        if m.group(1) in timers and _dart_notifies(_brace_block(code, m.start())):
            return True
    return False


def _brace_block(code: str, at: int) -> str:
    """The text of the innermost `{...}` block of `code` around position `at` (all of `code` when none)."""
    depth, start = 0, 0
    for i in range(at - 1, -1, -1):
        depth += {"}": 1, "{": -1}.get(code[i], 0)
        if depth < 0:
            start = i
            break
    else:
        return code
    close = closing_bracket(code, start)
    return code[start:] if close is None else code[start : close + 1]


def dart_periodic_task(ctx: CheckContext) -> Verdict | bool:
    """workmanager `registerPeriodicTask(...)` whose background callback (`Workmanager().executeTask`)
    shows a notification each time it runs: every 15 minutes by default, or the fixed `frequency`."""
    call = call_at(ctx)
    if call is None:
        return False
    every = next((re.sub(r"^frequency\s*:\s*", "", text(a)) for a in argument_nodes(call) if re.match(r"^frequency\s*:", text(a))), "")
    if every and not (re.search(r"Duration\(", every) and all(literal_number(v, ctx) for v in re.findall(r":\s*([\w.]+)", every))):
        return False  # the period comes from the user's settings or the caller
    if re.search(r"networkType:\s*NetworkType\.(connected|unmetered|not_roaming|metered)", text(call.node)):
        return False  # a job that needs the network fetches what is new
    args = [a for a in argument_nodes(call) if not re.match(r"^\w+\s*:", text(a))]
    code = _background_callback(ctx, text(args[1]).strip() if len(args) > 1 else "")
    if not (_dart_notifies(code) or _dart_schedules(code)) or FETCHES.search(code) or item_time(code) or not_app_driven(ctx.node, ctx):
        return False
    period = ", ".join(f"{value} {unit}" for unit, value in re.findall(r"(\w+):\s*([\w.]+)", every)) or "15 minutes, the default"
    return Verdict(
        message=f"a periodic background task (workmanager registerPeriodicTask, every {period}) shows a notification each time it runs, on a schedule the app chose",
        note=_quiet_note(ctx),
    )


def _background_callback(ctx: CheckContext, task: str) -> str:
    """The code the workmanager runs in the background for `task` (the branch of the `executeTask`
    callback on that task name, else the whole callback) in this file, or the dispatcher handed to
    `Workmanager().initialize(...)` when it is written in another file; with the functions it
    calls, also the notification helpers of other files of the project."""
    tasks = [_task_branch(c.node, task) for c in calls(ctx.root) if c.name == "executeTask"]
    code = "\n".join(_reachable_code(t, ctx) for t in tasks)
    index = None
    if not tasks:
        dispatchers = [text(a).strip() for c in calls(ctx.root) if c.name == "initialize" and "Workmanager" in c.receiver for a in argument_nodes(c)[:1]]
        if dispatchers and re.match(r"^\w{4,}$", dispatchers[0]):
            index = project_index.for_context(ctx)
            code = "\n".join(d.text for d in index.definitions(dispatchers[0])[:2])
    for name in dict.fromkeys(re.findall(r"\b(\w*(?i:notif|remind)\w*)\s*\(", code)):
        if not definitions_of(name, ctx) and not project_index.too_common(name):
            index = index or project_index.for_context(ctx)
            code += "".join("\n" + d.text for d in index.definitions(name)[:3])
    return code


def _task_branch(callback: Node, task: str) -> Node:
    """The `if (task == 'x')` branch or `case 'x':` of a background callback that handles `task`."""
    wanted = {task, task.replace("'", '"'), task.replace('"', "'")} - {""}
    for node in walk(callback):
        if node.type in ("if_statement", "switch_statement_case", "switch_case"):
            head = re.split(r"[{:]", text(node), maxsplit=1)[0] if node.type == "if_statement" else text(node).split(":", 1)[0]
            if any(re.search(rf"(^|[^\w'\"]){re.escape(w)}($|[^\w'\"])", head) for w in wanted):
                return node.child_by_field_name("consequence") or node  # not the `else if` chain after it
    return callback


def _reachable_code(node: Node, ctx: CheckContext, depth: int = 2) -> str:
    """The code of `node` and of the functions of this file it calls, `depth` calls deep."""
    code = uncommented_code(node)
    if depth:
        for name in dict.fromkeys(c.name for c in calls(node)):
            for definition in definitions_of(name, ctx):
                if not (definition.start_byte <= node.start_byte < definition.end_byte):
                    code += "\n" + _reachable_code(definition, ctx, depth - 1)
    return code
