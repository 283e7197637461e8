"""Whether a mobile notification's time is the app's or the person's, for the `notification-spam` checks.

Shared by the repeating-schedule checks of Android, Swift and Dart: a time read from the user's
preferences or from one of their own items (`reminder.time`, a row's time column, a loop over
their reminders) is theirs (`user_chosen`, `item_time`); a literal hour, a constant or "now" is
the app's (`fixed_hour`, `literal_number`, `clock_time`), also through a parameter default or a
literal list walked in a loop. Also the code a schedule is judged by (`scope_code`: the function,
or the file for a function of a few lines), batches of notifications scheduled in a counting loop
(`counting_loop_schedule`, not one that walks the user's records), code that posts a
notification, and names of retention code.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint.checks import CheckContext, Verdict
from designlint.checks.android_prefs import list_preference_on_by_default
from designlint.checks.notification_spam import _quiet_note
from designlint.checks.polyglot import Call, calls, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk
from designlint.checks.notification_spam_mobile_context import (
    CLASS_TYPES,
    DEFAULT_ON_SWITCH,
    FRAMEWORK_NAME,
    block_owner,
    class_name,
    definitions_of,
    enclosing_class,
    enclosing_named,
    file_text,
    parameter_defaults,
    parameter_names,
    uncommented_code,
)


PREFERENCE_READ = re.compile(
    r"(pref|Pref|setting|Setting|userDefaults|UserDefaults|@AppStorage|dataStore|DataStore|getInt|getLong|getString|"
    r"picker|Picker|selected|chosen|userTime|reminderTime|reminder\.|habit\.|alarm\.|config\.|TimeOfDay)"
)


# string literals (triple-quoted first; a double-quoted one may hold an apostrophe: "don't")
STRING_LITERAL = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')


def user_chosen(code: str, fn: Node | None) -> bool:
    """The time comes from the user: a preference read, a picker, or the function's parameters.
    Words inside string literals do not count ("Check your settings", "Pick a time to study").
    A schedule behind a stored switch that is on until the person turns it off
    (`getBoolean("study_reminder_on", true)`, or a list preference such as `getString("interval", "24")`
    whose off value is "0") is the app's: everyone who never opened the settings
    gets it, at the app's default hour, so its preference reads do not make it the user's."""
    if DEFAULT_ON_SWITCH.search(code) or list_preference_on_by_default(code):
        return time_parameter_used(code, fn) or _record_time(code)  # (also `getString("interval", "24")` with "0" = off)
    code = NOT_A_PREFERENCE.sub("", STRING_LITERAL.sub('""', code))
    return bool(PREFERENCE_READ.search(code)) or time_parameter_used(code, fn) or _record_time(code)


# a variable walking a collection: Swift `for reminder in habit.reminders`, Kotlin `for (r in rows)`,
# Java `for (Reminder r : rows)`, Dart `for (final r in rows)`, `rows.forEach { r ->` / `{ r in` / `((r) {`
LOOP_VARIABLE = re.compile(
    r"\bfor\s*\(?\s*(?:(?:let|var|val|final|const)\s+)?(?:[\w.<>?]+\s+)?(?P<a>\w+)\s*(?::\s*[\w.<>?]+\s+)?(?:\bin\b|:)\s*(?P<ca>[^{\n]+)|"
    r"(?P<cb>[\w.?!()]+)\s*\.forEach\s*(?:\{\s*\(?\s*(?P<b>\w+)\s*\)?\s*(?:->|\bin\b)|\(\s*\(?\s*(?:final\s+)?(?:\w+\s+)?(?P<c>\w+)\s*\)?\s*(?:\{|=>|->))"
)
# a time field of a record: `reminder.time`, `habit.reminderTime`, `item.notifyAt`, `task.dueDate`;
# not when it was last opened or created (`user.lastActiveAt`: the app's re-engagement clock)
RECORD_TIME_FIELD = r"\??!?\.(?:get)?(?!(?i:last|created|updated|modified|install|signup|sign_up|registered|joined|opened|seen|visited|active|login))(?:time|hour|minute|date|\w*(?:Time|Hour|Minute|Date|At)|\w*_(?:time|hour|minute|date|at))\b(?!\s*=[^=])"
# a collection the app wrote itself: a literal list, a range, a constant, an enum's cases
APP_LIST = re.compile(r"^\s*(\[|\(|\d|-?\d|(const\s+)?\[|(mutable)?(listOf|arrayOf|setOf)\b|List\.of\b|Arrays\.asList\b|\w+\.(allCases|values\(\)|entries)\b|(k[A-Z]\w*|[A-Z][A-Z0-9_]+)\b(?!\.))")


def _record_time(code: str) -> bool:
    """The time is read off one of the person's own records: a field such as `reminder.time` or
    `routine.remindAt` of a variable that walks their items (`for alarm in routine.alarms`), or of
    a variable named after one (`habit.reminderTime`, `item.notifyAt`, see ITEM_TIME). The person
    set that time when they made the record, whatever the global switch defaults to. Items of a
    list the app wrote itself (`let reminders = [Alarm(time: nine), ...]`, `0..<7`) are not theirs."""
    code = STRING_LITERAL.sub('""', code)
    app_lists = {m.group(1) for m in re.finditer(r"\b(\w+)\s*(?::\s*[\w.<>\[\]?]+\s*)?=\s*(?=\S)", code) if APP_LIST.match(code[m.end():m.end() + 60])}
    walkers: dict[str, str] = {}
    for m in LOOP_VARIABLE.finditer(code):
        name, collection = m.group("a") or m.group("b") or m.group("c"), (m.group("ca") or m.group("cb") or "").strip()
        walkers.setdefault(name, collection)
    def app_owned(collection: str) -> bool:
        root = re.match(r"\w+", collection)
        return bool(APP_LIST.match(collection)) or (root is not None and root.group(0) in app_lists)
    names = {n for n, c in walkers.items() if not app_owned(c)}
    names |= {re.match(r"\w+", code[m.start():]).group(0) for m in ITEM_TIME.finditer(code) if re.match(r"\w", code[m.start():])}
    names -= {n for n, c in walkers.items() if app_owned(c)} | app_lists | {"self", "this", "it", "Date", "DateTime", "Calendar", "now", "today", "calendar"}
    return any(re.search(rf"(?<![\w.]){re.escape(n)}{RECORD_TIME_FIELD}", code) for n in names)


# reads that name no user choice: PackageManager turning a component (the boot receiver) on or
# off, an app resource (`context.getString(R.string.reminder_msg)`), the system's notification
# settings (`getNotificationSettings { settings in if settings.authorizationStatus == .authorized ...`)
NOT_A_PREFERENCE = re.compile(
    r"\b[gs]etComponentEnabledSetting\b|\bget\w*\(\s*(android\.)?R\.\w+\.\w+\s*\)|"
    r"\bgetNotificationSettings\s*(\(\s*completionHandler\s*:\s*)?\{\s*\(?\s*\w+\s*\)?\s+in\b|"
    r"\blet\s+\w+\s*=\s*await\s+[\w.()]*\.notificationSettings\(\s*\)|"
    r"\b\w+\.(authorizationStatus|alertSetting|soundSetting|badgeSetting|lockScreenSetting|notificationCenterSetting)\b|"
    r"\b\w*[Ii]nitiali[sz]ationSettings\w*\b"  # the plugin's own set-up (flutter_local_notifications)
)


def time_parameter_used(code: str, fn: Node | None) -> bool:
    """A time parameter of the function is used, and has no literal default: a parameter
    `hour: Int = 20` / `{int hour = 20}` is the app's own hour unless a caller passes another."""
    defaults = parameter_defaults(fn) if fn is not None else {}
    params = {p for p in parameter_names(fn) if p not in defaults and re.search(r"(hour|minute|time|date|^at$|when|interval|delay|trigger|reminder|components|schedule)", p, re.I)}
    return any(re.search(rf"\b{re.escape(p)}\b", code) for p in params)


def file_parameter_defaults(ctx: CheckContext) -> dict[str, str]:
    """Every parameter default of the file, by parameter name (first one wins)."""
    memo = ctx.memo.get("ns-mobile-param-defaults")
    if memo is None:
        memo = {}
        for node in walk(ctx.root):
            if node.type in FUNCTION_TYPES and (function_name(node) or node.type == "init_declaration"):
                for name, value in parameter_defaults(node).items():
                    memo.setdefault(name, value)
        ctx.memo["ns-mobile-param-defaults"] = memo
    return memo


CONSTANT_NAME = re.compile(r"^(k[A-Z]\w*|[A-Z][A-Z0-9_]+)$")


def literal_number(expr: str, ctx: CheckContext) -> bool:
    """An integer literal, a constant, or a `const`/`let` name of the file bound to a number."""
    expr = expr.strip()
    if re.match(r"^\d+(\.\d+)?[LlFf]?$", expr) or CONSTANT_NAME.match(expr.rsplit(".", 1)[-1]):
        return True
    name = expr.rsplit(".", 1)[-1]
    if not re.match(r"^\w+$", name):
        return False
    if name in file_parameter_defaults(ctx):
        return True  # `hour` of `scheduleDaily({int hour = 20})`
    src = file_text(ctx)
    return bool(re.search(rf"\b(const|val|let|final|static)\b[^=\n]*\b{re.escape(name)}\b\s*(:\s*\w+)?\s*=\s*\d+\b", src))


HOUR_SET = re.compile(
    r"(\bHOUR(_OF_DAY)?\s*[\],]\s*(=\s*)?|\bhour\s*[:=]\s*|\.withHour\(|LocalTime\.of\(|TZDateTime\([^,]+,[^,]+,[^,]+,[^,]+,\s*|Time\(|"
    r"DateComponents\(hour:\s*|\.hour\s*=\s*|setHours?\()(?P<hour>[\w.]+)"
)


TYPE_NAMES = frozenset({"Int", "Long", "Integer", "Double", "Float", "Number", "UInt", "Int32", "Int64", "int", "num", "double"})


# a time of day kept in a local: `val noon = LocalTime.of(12, 0)`, `val t = LocalTime.NOON`
LOCAL_TIME = re.compile(r"\b(\w+)\s*(?::\s*LocalTime\s*)?=\s*LocalTime\.(?:of\(\s*(?P<hour>\d+)\b|(?P<named>NOON|MIDNIGHT)\b)")


def fixed_hour(code: str, ctx: CheckContext) -> str | None:
    """The hour the code fixes, when every hour it sets is a literal or a constant: the last one
    set before the matched call (two triggers in one function, 8:00 then 20:00), else the first.
    A time kept in a local (`atTime(noon)` after `val noon = LocalTime.of(12, 0, 0)`) is its hour."""
    locals_ = {m.group(1): m.group("hour") or ("12" if m.group("named") == "NOON" else "0") for m in LOCAL_TIME.finditer(code)}
    sets = [m for m in HOUR_SET.finditer(code) if m.group("hour") not in TYPE_NAMES and m.group("hour") not in locals_]  # not `hour: Int = 20`
    loop_vars = literal_loop_variables(ctx.node)  # `for hour in [9, 12, 18]`
    if not sets or not all(literal_number(m.group("hour"), ctx) or m.group("hour") in loop_vars for m in sets):
        return None
    at = code.find(text(ctx.node)[:60])
    before = [m for m in sets if m.start() < at]
    hour = (before[-1] if before else sets[0]).group("hour")
    if hour in loop_vars:
        return "/".join(loop_values(hour, ctx.node)) or hour
    return file_parameter_defaults(ctx).get(hour, hour)


MINUTE_SET = re.compile(r"(\bMINUTE\s*[\],]\s*(=\s*)?|\bminute\s*[:=]\s*|\.withMinute\()(?P<minute>\d+)\b")


def clock_time(hour: str, code: str) -> str:
    """`18:30` when the code sets one literal minute besides the hour (`set(Calendar.MINUTE, 30)`), else `18:00`."""
    minutes = {int(m.group("minute")) for m in MINUTE_SET.finditer(code)}
    return f"{hour}:{minutes.pop():02d}" if len(minutes) == 1 and hour.isdigit() else f"{hour}:00"


def loop_values(name: str, node: Node) -> list[str]:
    """The literal values the loop variable `name` walks (`[9, 12, 18]` or a local list of them)."""
    for anc in ancestors(node):
        if anc.type in LOOP_TYPES:
            m = re.match(rf"^\s*for\s*\(?\s*(?:final\s+|var\s+|let\s+|int\s+)?{re.escape(name)}\s+in\s+([^{{]+)", text(anc))
            if m:
                values = m.group(1).strip(" )")
                fn = enclosing_named(anc)
                bound = re.search(rf"\b{re.escape(values)}\s*(:\s*[\w<>\[\]?]+\s*)?=\s*(const\s+)?(listOf\(|arrayOf\(|intArrayOf\(|\[)([^\])]*)", text(fn)) if fn is not None and re.match(r"^\w+$", values) else None
                return re.findall(r"\d+", bound.group(4) if bound else values)
    return []


# Helpers named for a date, a time or a delay: `nextInstanceOfTenAM`, `triggerAt`, `msUntilNextNoon`, `delayUntilMorning`.
DATE_HELPER = re.compile(r"([Nn]ext|Instance|Date|Time|[Tt]rigger|[Ss]chedule|At$|Calendar|[Uu]ntil|[Dd]elay|Noon|Midnight|Morning|Evening)")


def scope_code(node: Node, ctx: CheckContext) -> tuple[Node | None, str]:
    """The enclosing named function and its code, plus the bodies of same-file helpers it
    calls for a date or a delay (`_nextInstanceOfTenAM()`, `nextTriggerAt()`, `msUntilNextNoon()`,
    also when the result goes through a local: `val delayMs = msUntilNextNoon()`)."""
    fn = enclosing_named(node)
    code = uncommented_code(fn if fn is not None else node)
    helpers = [c.name for c in calls(fn or node) if DATE_HELPER.search(c.name)]
    helpers += [c.name for c in calls(node)]  # whatever the scheduling call itself is handed (`everyDayAtSix()`)
    for name in dict.fromkeys(helpers):
        if name not in ("zonedSchedule", "schedule"):
            for definition in definitions_of(name, ctx):
                if fn is None or definition.id != fn.id:
                    code += "\n" + uncommented_code(definition)
    return fn, code


# Code that posts a notification (the platform builders, an app helper show/send/display...Notification).
POSTS_NOTIFICATION = re.compile(r"(\.notify\(|NotificationCompat\.Builder|Notification\.Builder|show\w*Notification\(|send\w*Notification\(|display\w*Notification\()")


# the time of one of the user's own items: `task.getDueDate()`, `reminder.time`, a database row's time column
ITEM_TIME = re.compile(
    r"(\b(?i:task|todo|item|event|reminder|alarm|habit|note|entry|appointment|medication|medicine|med|dose|pill|lesson|course|exam|"
    r"assignment|goal|plan|booking|deadline|schedule(?!d?_?(time|date|datetime|at)\.)|subject|lecture|class)\w*\.(get|m_?)?(?i:(start|end|due|alarm|reminder|remind|notify|notification|trigger|event|task)?_?"
    r"(time|date|hour|minute|deadline|due|when|at|timestamp|millis)(InMillis|Millis|Stamp|_?ms)?)\b(?!\s*=[^=])|"
    r"getColumnIndex\w*\(\s*[\w.]*(?i:time|date|due|hour|when)|"
    r"get(Long|Int|String)Extra\(\s*[\w.]*\"?\w*(?i:time|date|hour|when|millis))"
)


def item_time(code: str) -> bool:
    """The alarm time is read from one of the user's own items (a task's due time, a reminder's
    time, a row of their list), not fixed by the app. The app's own computed trigger
    (`scheduledTime.hour`, `scheduleDate.minute`) is not an item."""
    return bool(ITEM_TIME.search(code))


def literal_loop_variables(node: Node) -> set[str]:
    """Variables of the loops around `node` that walk literal values (`for day in [1, 3, 7]`, `1...3`)."""
    names = set()
    for anc in ancestors(node):
        if anc.type in LOOP_TYPES:
            head = text(anc).split("{", 1)[0]
            m = re.match(r"^\s*for\s*\(?\s*(?:final\s+|var\s+|let\s+|int\s+)?(\w+)\s+in\s+(.+)$", head, re.S)
            if m and (LITERAL_RANGE.match(m.group(2)) or _literal_list_variable(m.group(2).strip(" )"), anc)):
                names.add(m.group(1))
        if anc.type in FUNCTION_TYPES and function_name(anc):
            break
    return names


LITERAL_RANGE = re.compile(r"^\s*(\[[\d\s,.]+\]|\(?\d+\s*\.\.[.<]\s*\d+\)?|stride\(from:\s*\d+)")


def _literal_list_variable(name: str, loop: Node) -> bool:
    """`let times = [9, 12, 15, 18]` declared in the function around the loop."""
    fn = enclosing_named(loop)
    if fn is None or not re.match(r"^\w+$", name):
        return False
    return bool(re.search(rf"\b(let|var|val|final|const)\s+{re.escape(name)}\s*(:\s*[\w<>\[\]?]+\s*)?=\s*(const\s+)?(listOf\(|arrayOf\(|intArrayOf\(|\[)\s*\d+(\s*,\s*\d+)*\s*[\])]", text(fn)))


def owner_names(fn: Node) -> list[str]:
    """The names of a function and of the classes around it."""
    return [function_name(fn)] + [class_name(c) for c in ancestors(fn) if c.type in CLASS_TYPES]


# also lower camel case (`comeBackNotification`); not "lapsed", which is in "elapsed"
RETENTION_NAME = re.compile(r"([Rr]etention|[Ii]nactiv|[Cc]ome[Bb]ack|[Ww]in[Bb]ack|[Rr]e[Ee]ngag|[Dd]ormant|Lapsed|[Cc]hurn)")


LOOP_TYPES = ("for_statement", "while_statement", "do_while_statement", "repeat_while_statement", "enhanced_for_statement", "for_in_statement")


def counting_loop(node: Node) -> Node | None:
    """The loop around `node` (in the same function) when it counts (0 until 7, 1...30,
    i < n, repeat(n), List.generate) rather than walking the user's own items."""
    for anc in ancestors(node):
        if anc.type in FUNCTION_TYPES:
            owner, _ = block_owner(anc)
            if owner in ("repeat", "generate"):
                return anc
            if owner == "forEach":
                receiver = text(anc.parent.parent) if anc.parent is not None and anc.parent.parent is not None else ""
                if re.search(r"(\d\s*(\.\.|until|downTo)|\bstride\()", receiver[:120]):
                    return anc
            if function_name(anc):
                return None
            continue
        if anc.type in LOOP_TYPES:
            head = text(anc).split("{", 1)[0]
            if re.search(r"(\.\.[.<]?|\buntil\b|\bdownTo\b|\bstride\(|;\s*\w+\s*<=?\s*[\w.]+\s*;|\bin\s+\(?\d)", head):
                return anc
    return None


def counting_loop_schedule(ctx: CheckContext, call: Call, fn: Node | None, code: str) -> Verdict | bool:
    loop = counting_loop(ctx.node)
    if loop is not None and _stops_after_first(loop, ctx.node):
        return False
    if loop is None:
        # the helper's time parameter is filled by the caller's loop: judge the caller's code
        loop = None if user_chosen(code, None) else _caller_counting_loop(fn, ctx)
        if loop is None:
            return False
    elif user_chosen(code, fn):
        return False
    head = text(loop).split("{", 1)[0].strip()[:60]
    where = "" if loop.start_byte <= ctx.node.start_byte < loop.end_byte else f" at line {loop.start_point[0] + 1}"
    return Verdict(
        message=f"a batch of notifications is scheduled ahead in a counting loop{where} ({head} … {call.name}), at times the app chose",
        note=_quiet_note(ctx),
    )


def _caller_counting_loop(fn: Node | None, ctx: CheckContext) -> Node | None:
    """The literal-range loop of a same-file caller that runs this helper once per step
    (`for day in 1...30 { scheduleNotification(forDay: day) }`): the batch is the caller's loop.
    Only a caller whose times are not the user's (no preference read, no time parameter) counts."""
    name = function_name(fn) if fn is not None else ""
    if not name or FRAMEWORK_NAME.match(name):
        return None
    owner = enclosing_class(fn)
    for site in calls(ctx.root):
        if site.name == name and not (fn.start_byte <= site.node.start_byte < fn.end_byte) and _same_node(enclosing_class(site.node), owner):
            loop = counting_loop(site.node)
            head = text(loop).split("{", 1)[0] if loop is not None else ""
            if re.search(r"\d\s*(\.\.[.<]?|\buntil\b)\s*\d|;\s*\w+\s*<=?\s*\d+\s*;", head) and not _stops_after_first(loop, site.node):
                caller = enclosing_named(loop)
                if caller is not None and (user_chosen(text(caller), caller) or _record_time_read(caller)):
                    continue
                return loop  # a literal range (`1...30`, `day < 30`), not a walk over the user's items
    return None


def _same_node(a: Node | None, b: Node | None) -> bool:
    """Both None (top-level code) or the same node: a helper of one class is not called by a same-named method's caller in another."""
    return (a is None and b is None) or (a is not None and b is not None and a.id == b.id)


def _record_time_read(caller: Node) -> bool:
    """The caller reads its days or hours from a record it was given (`_scheduleDaily(Quest quest)`
    with `for (i = 0; i < 7; i++) { if (!quest.days[i]) continue; ... quest.hour ... }`):
    the steps walk the user's own weekdays at the user's own time."""
    body = STRING_LITERAL.sub('""', text(caller))
    return any(
        re.search(rf"\b{re.escape(p)}\??\.(hour|minute|time|days|weekdays|daysOfWeek|\w*(Hour|Minute|Time|Days|Weekday))\b", body)
        for p in parameter_names(caller)
    )


def _stops_after_first(loop: Node, call: Node) -> bool:
    """The loop looks for the next matching day and leaves once it scheduled one
    (`for offset in 0..<7 { ...; center.add(request); break }`): one notification, not a batch."""
    return any(n.type in ("control_transfer_statement", "break_statement") and text(n).startswith("break") and n.start_byte > call.end_byte for n in walk(loop))
