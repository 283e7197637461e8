"""The app's own notification helpers that pull people back, for the `notification-spam` rule on mobile.

* the app's own scheduling helper is called with a literal hour (`scheduleDailyNotification(ctx,
  9, 0)`, a `"09:00"` string) or, for a `schedule…Notification` helper, a time computed as now
  plus a fixed delay;
* a class or function named after retention, inactivity or win-back schedules or posts a
  notification.

Not reported: a helper's default hour that every call overrides (judged at the calls), a helper
that ignores its hour, a delay of minutes.
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
from designlint.checks.util import ancestors, text
from designlint.checks.notification_spam_mobile_context import (
    CLASS_TYPES,
    HELPER_NAME,
    call_at,
    class_name,
    definitions_of,
    enclosing_named,
    not_app_driven,
    parameter_names,
    same_file_callers,
    uncommented_code,
)
from designlint.checks.notification_spam_mobile_schedule import (
    RETENTION_NAME,
    fixed_hour,
    literal_loop_variables,
    literal_number,
    loop_values,
    owner_names,
    scope_code,
    time_parameter_used,
)


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
