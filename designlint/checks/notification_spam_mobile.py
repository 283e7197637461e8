"""Flutter notification schedules and the app's own notification helpers, for the mobile `notification-spam` rule.

The queries in rules/notification-spam/mobile.yaml find the notification mechanisms of Android,
iOS and Flutter apps; the checks here decide whether one pulls people back (permission requests
at launch are notification_spam_mobile_permission's, topics, FCM messages and copy
notification_spam_mobile_messages', Android and Swift schedules notification_spam_mobile_android's
and notification_spam_mobile_swift's):

* a repeating local notification (`periodicallyShow`, `zonedSchedule` with
  `matchDateTimeComponents`, awesome_notifications `NotificationCalendar`/`NotificationInterval`
  with `repeats: true`) or a batch of them scheduled in a counting loop fires at a time the app
  fixed (a literal hour, a constant, "now"), not one the user picked;
* a one-off notification is scheduled for a fixed delay on Dart `AppLifecycleState.paused`;
* a class or function named after retention, inactivity or win-back schedules or posts a
  notification;
* the app's own scheduling helper is called with a literal hour (`scheduleDailyNotification(ctx,
  9, 0)`) or, for a `schedule…Notification` helper, a time computed as now plus a fixed delay;
* a Dart `Timer.periodic` callback shows a notification (not one that polls a server), and so
  does a workmanager periodic task.

Not reported: schedules in `onPressed: fn` handlers, schedules in functions nothing calls, a
helper's default hour that every call overrides (judged at the calls).
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.notification_spam import _quiet_note
from designlint.checks.polyglot import Call, argument_nodes, calls, function_name
from designlint.checks.polyglot import argument_label as _label
from designlint.checks.util import ancestors, closing_bracket, text, walk
from designlint.checks.notification_spam_mobile_context import (
    CLASS_TYPES,
    HELPER_NAME,
    call_argument,
    call_at,
    class_name,
    definitions_of,
    enclosing_named,
    not_app_driven,
    parameter_names,
    same_file_callers,
    uncommented_code,
)
from designlint.checks.notification_spam_mobile_lifecycle import leave_context
from designlint.checks.notification_spam_mobile_schedule import (
    RETENTION_NAME,
    clock_time,
    counting_loop_schedule,
    fixed_hour,
    item_time,
    literal_loop_variables,
    literal_number,
    loop_values,
    owner_names,
    scope_code,
    time_parameter_used,
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


def fixed_hour_helper(ctx: CheckContext) -> Verdict | bool:
    """The app's own scheduling helper called with a literal hour
    (`scheduleDailyNotification(context, 9, 0)`, `scheduleDailyReminder(hour: 19)`): the helper
    takes the time as a parameter, but the app, not the user, picks it."""
    call = call_at(ctx)
    if call is None:
        return False
    hour = _literal_hour_argument(call, ctx)
    repeating = hour is None and _repeating_date_hour(call, ctx)
    if repeating:
        hour = repeating
    if hour is None:
        return _delay_from_now(ctx, call)
    fn = enclosing_named(ctx.node)
    if fn is not None and (_earlier_fixed_hour_call(ctx.node, call, fn, ctx) or _default_decided_by_callers(hour, fn, ctx)):
        return False
    if not_app_driven(ctx.node, ctx) or _helper_ignores_hour(call.name, ctx):
        return False
    when = "every day at" if "Daily" in call.name or repeating else "for"
    return Verdict(message=f"a notification is scheduled {when} {hour}:00, an hour the app chose ({call.name} called with {hour}), not one the user set", note=_quiet_note(ctx))


# a trigger that fires once a literal number of seconds from now, and every trigger that can take a time of day
LITERAL_INTERVAL_TRIGGER = re.compile(r"UNTimeIntervalNotificationTrigger\(\s*timeInterval:\s*[\d.]+\s*,\s*repeats:\s*false")
TIME_OF_DAY_TRIGGER = re.compile(r"(UNCalendarNotificationTrigger|dateMatching|UNLocationNotificationTrigger|zonedSchedule|setExact|setRepeating|setInexactRepeating|setAlarmClock|NotificationCalendar)")


def _helper_ignores_hour(name: str, ctx: CheckContext) -> bool:
    """The helper, found in the project, drops the hour it is handed: its only trigger fires once a
    literal number of seconds from now (`UNTimeIntervalNotificationTrigger(timeInterval: 5, repeats: false)`,
    the calendar trigger commented out): a test trigger, not a notification at that hour."""
    bodies = [uncommented_code(d) for d in definitions_of(name, ctx)]
    if not bodies and not project_index.too_common(name):
        bodies = [re.sub(r"/\*.*?\*/|//[^\n]*", "", d.text, flags=re.S) for d in project_index.for_context(ctx).definitions(name)]
    return bool(bodies) and all(LITERAL_INTERVAL_TRIGGER.search(b) and not TIME_OF_DAY_TRIGGER.search(b) for b in bodies)


# a date built for today at a given hour: `DateTime(now.year, now.month, now.day, 9, 0)`,
# `tz.TZDateTime(tz.local, now.year, now.month, now.day, hours[i])`
TODAY_AT = re.compile(r"\b(?:tz\.)?(?:TZ)?DateTime\(\s*(?:tz\.local\s*,\s*|\w*[Ll]ocation\w*\s*,\s*)?[\w.]+\.year\s*,\s*[\w.]+\.month\s*,\s*[\w.]+\.day\s*,\s*(?P<hour>[\w.\[\]]+)")


def _repeating_date_hour(call: Call, ctx: CheckContext) -> str | None:
    """The hour of a repeating schedule handed to the app's own helper as a date built from a
    literal hour (`scheduledDate: DateTime(now.year, now.month, now.day, 9, 0)` or a local holding
    it, with `repeat: RepeatInterval.daily`); the hours of a literal list it walks (`hours[i]`, `for h in [9, 13]`)."""
    # (label, value text): a Dart value is the whole expression after the label (`RepeatInterval.daily`)
    labelled = [(label, re.sub(r"^\w+\s*:\s*", "", text(arg)) if label else text(value)) for arg in argument_nodes(call) for label, value in [_label(arg)]]
    if not any(label and re.match(r"^(repeat\w*|matchDateTimeComponents)$", label) and re.match(r"^(RepeatInterval|DateTimeComponents)\.\w+$|^true$", value) for label, value in labelled):
        return None
    fn = enclosing_named(ctx.node)
    code = uncommented_code(fn) if fn is not None else ""
    for _, date in labelled:
        if re.match(r"^\w+$", date):
            bound = re.search(rf"\b{re.escape(date)}\s*=\s*([^;]+);", code)
            date = bound.group(1) if bound else ""
        m = TODAY_AT.search(date)
        if m is None:
            continue
        hour = m.group("hour")
        if literal_number(hour, ctx):
            return hour
        item = re.match(r"^(\w+)\[\w+\]$", hour)
        listed = re.search(rf"\b{re.escape(item.group(1))}\s*=\s*(const\s+)?\[([\d,\s]+)\]", code) if item else None
        if listed:
            return "/".join(re.findall(r"\d+", listed.group(2)))
        if hour in literal_loop_variables(ctx.node):
            return "/".join(loop_values(hour, ctx.node)) or hour
    return None


def _earlier_fixed_hour_call(node: Node, call: Call, fn: Node, ctx: CheckContext) -> bool:
    """The same function already schedules through the same helper at an hour of its own (breakfast at 8,
    lunch at 13, dinner at 19): one set of daily reminders, reported once, at the first."""
    return any(c.name == call.name and c.node.start_byte < node.start_byte and _literal_hour_argument(c, ctx) for c in calls(fn))


def _default_decided_by_callers(hour: str, fn: Node, ctx: CheckContext) -> bool:
    """The hour is a parameter of a scheduling helper (`int hour = 9`) that the project calls elsewhere:
    those calls are judged where they pass their hour (`scheduleHabitReminder(hour: 9)`)."""
    name = function_name(fn)
    if hour.isdigit() or hour not in parameter_names(fn) or not HELPER_NAME.match(name) or project_index.too_common(name):
        return False
    return bool(same_file_callers(name, fn, ctx) or project_index.for_context(ctx).calls(name))


# now plus a fixed delay: `now + AppConstants.MILLIS_IN_24HOURS * days`, `DateTime.now().add(const Duration(days: 1))`
NOW_PLUS = re.compile(
    r"(\b(now\w*|\w*[Nn]ow(Utc)?\(\)|currentTimeMillis\(\))\s*\+\s*(\(?\s*\d+\s*\*\s*)?[\w.]*([A-Z_]*(MILLIS|HOUR|DAY|WEEK)[A-Z_0-9]*|\d{4,})|"
    r"\.now\(\)\.add\(\s*(const\s+)?Duration\(\s*\w+:\s*\d+|Date\(\)\.addingTimeInterval\(\s*[\d*\s.]+\)|Date\(timeIntervalSinceNow:\s*[\d*\s.]+\))"
)


SECONDS_PER = {"milliseconds": 0.001, "seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}


def _short_delay(delay: str) -> bool:
    """A delay the text spells in seconds or minutes that is under an hour
    (`Date(timeIntervalSinceNow: 5)`, `Duration(seconds: 30)`): a demo or in-session timer, not a
    nudge to come back later. Constants and millisecond sums stay unknown (False)."""
    swift = re.search(r"(?:timeIntervalSinceNow:|addingTimeInterval\()\s*([\d*\s.]+)\)", delay)
    dart = re.search(r"Duration\(\s*(\w+):\s*(\d+)", delay)
    if swift:
        seconds = 1.0
        for n in re.findall(r"\d+(?:\.\d+)?", swift.group(1)):
            seconds *= float(n)
    elif dart and dart.group(1) in SECONDS_PER:
        seconds = float(dart.group(2)) * SECONDS_PER[dart.group(1)]
    else:
        return False
    return seconds < 3600


def _delay_from_now(ctx: CheckContext, call: Call) -> Verdict | bool:
    """The app's own `schedule…Notification` helper handed a time the function computes as now
    plus a fixed delay (stepik-style "remind to register in 1 hour, come back in 1 day")."""
    if not re.match(r"^schedule\w*(Notification|Reminder|Remind|Nudge)\w*$", call.name) or definitions_of(call.name, ctx):
        return False
    fn, code = scope_code(ctx.node, ctx)
    delay = NOW_PLUS.search(code)
    if delay is None or fn is None or _short_delay(delay.group(0)) or re.search(r"(?i)snooze", code) or any(RETENTION_NAME.search(n) for n in owner_names(fn)):
        return False  # a snooze the user pressed; retention names are reported at the class
    if time_parameter_used(code, fn) or not_app_driven(ctx.node, ctx):
        return False  # (preference reads are fine here: the delay itself is a constant)
    return Verdict(message=f"a notification is scheduled at a delay the app fixed ({delay.group(0).strip()} … {call.name}), not at a time the user set", note=_quiet_note(ctx))


def _literal_hour_argument(call: Call, ctx: CheckContext) -> str | None:
    """The hour a call passes as a literal: `hour: 19`, `hour = 9`, two integers in a row
    (hour then minute: `9, 0`), or a time built from literals (`TimeOfDay(hour: 8, minute: 0)`,
    `LocalTime.of(9, 0)`)."""
    values = [_label(arg) for arg in argument_nodes(call)]
    for label, value in values:
        if label is not None and re.match(r"^(hour|hourOfDay|atHour|h)$", label, re.I):
            return text(value) if literal_number(text(value), ctx) else None
    numbers = [text(value) if label is None and re.match(r"^\d{1,2}$", text(value)) else None for label, value in values]
    for hour, minute in zip(numbers, numbers[1:]) if re.search(r"(Daily|At|Time|Hour)", call.name) else ():
        if hour is not None and minute is not None and int(hour) < 24 and int(minute) < 60:
            return hour
    for _, value in values:
        hour = fixed_hour(text(value), ctx) or _clock_string_hour(text(value), call.node)
        if hour is not None:
            return hour
    return None


CLOCK_STRING = re.compile(r"^\s*\"([01]?\d|2[0-3]):[0-5]\d\"\s*$")


def _clock_string_hour(value: str, node: Node) -> str | None:
    """A time of day written as a literal "HH:MM" string (`"08:00"`), or an item of a local list
    of them that the caller walks (`times[i]` of `String[] times = {"08:00", "22:00"}`)."""
    if CLOCK_STRING.match(value):
        return str(int(value.strip().strip('"').split(":")[0]))
    item = re.match(r"^(\w+)\[\w+\]$", value.strip())
    fn = enclosing_named(node)
    if item is None or fn is None:
        return None
    listed = re.search(rf"\b{re.escape(item.group(1))}\s*(\[\s*\])?\s*=\s*(new\s+String\s*\[\s*\]\s*)?(\{{|listOf\(|arrayOf\()([^}})]*)", uncommented_code(fn))
    hours = re.findall(r"\"([01]?\d|2[0-3]):[0-5]\d\"", listed.group(4)) if listed else []
    return "/".join(str(int(h)) for h in hours) or None
NOTIFICATION_NAME = re.compile(r"(Notif|Remind|Push|Nudge|Alert|Message)")
SCHEDULES = re.compile(
    r"(schedule\w*\(|\benqueue\w*\(|setExact\w*\(|setAndAllowWhileIdle\(|setRepeating\(|setInexactRepeating\(|"
    r"NotificationTrigger|zonedSchedule\(|periodicallyShow|\.notify\(|show\w*Notification\(|createNotification\()"
)
POSTS = re.compile(r"(\.notify\(|NotificationCompat\.Builder|Notification\.Builder|UNMutableNotificationContent|UNNotificationRequest|zonedSchedule\(|periodicallyShow\(|createNotification\()")


def reengagement_notification(ctx: CheckContext) -> Verdict | bool:
    """A class or function named after retention, inactivity or win-back that schedules or
    posts a notification: its job is to bring back people who stopped opening the app."""
    name = text(ctx.node)
    declaration = _declaration_code(ctx.node)
    if not RETENTION_NAME.search(name) or any(RETENTION_NAME.search(class_name(c)) for c in ancestors(ctx.node) if c.type in CLASS_TYPES and c.id != ctx.node.parent.id):
        return False  # reported once, at the class that owns it
    if not ((NOTIFICATION_NAME.search(name) and SCHEDULES.search(declaration)) or POSTS.search(declaration)):
        return False
    if not SETS_UP.search(declaration) and _posts_for_reported_scheduler(name, ctx):
        return False  # a helper that only builds the notification: reported once, where it is scheduled
    return Verdict(message=f"a re-engagement notification ({name}) is scheduled for people who stopped using the app", note=_quiet_note(ctx))


# what schedules (not merely posts) a notification or the job that posts it
SETS_UP = re.compile(r"(schedule\w*\(|\benqueue\w*\(|setExact\w*\(|setAndAllowWhileIdle\(|setRepeating\(|setInexactRepeating\(|NotificationTrigger|zonedSchedule\(|periodicallyShow)")


def _posts_for_reported_scheduler(name: str, ctx: CheckContext) -> bool:
    """`name` only posts the notification, and every class of another file that uses it (the
    workers) is itself set up by a class named after inactivity and notifications
    (`InactivityNotificationScheduler`), which this pattern reports: one finding per behaviour."""
    if project_index.too_common(name):
        return False
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    users = {site.owner for site in [*index.references(name), *index.calls(name)] if site.path != here and site.owner and site.owner != name}
    if not users:
        return False
    return all(
        any(RETENTION_NAME.search(site.owner) and NOTIFICATION_NAME.search(site.owner) and site.owner not in (name, user) for site in index.references(user))
        for user in users
    )


def _declaration_code(name: Node) -> str:
    """The code of the class or function `name` names (a Dart function's body follows its signature)."""
    declaration = name.parent
    if declaration is not None and declaration.type == "function_signature":
        holder = declaration.parent if declaration.parent is not None and declaration.parent.type == "method_signature" else declaration
        body = holder.next_named_sibling
        return text(body) if body is not None and body.type == "function_body" else ""
    return text(declaration) if declaration is not None else ""


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
