"""iOS notification schedules that pull people back, for the `notification-spam` rule (Swift).

* `UNCalendarNotificationTrigger` / `UNTimeIntervalNotificationTrigger` with `repeats: true` at a
  time the app fixed (a literal hour, a stored default switched on at launch, every minute or
  hour), not one the user picked;
* a one-off notification scheduled for a fixed delay when the user leaves the app
  (`applicationDidEnterBackground` / `.background` scene phase);
* `UNUserNotificationCenter.add(request)` in a counting loop: a batch scheduled ahead.

Not reported: schedules in `@IBAction` handlers or functions nothing calls, a service's
`start(item:)` action, times read from the user's settings or items.
"""

from __future__ import annotations

import dataclasses
import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.notification_spam import _quiet_note
from designlint.checks.polyglot import Call, argument_nodes, as_call, function_name
from designlint.checks.polyglot import argument_label as _label, parameter_labels as _parameter_labels
from designlint.checks.util import FUNCTION_TYPES, ancestors, text
from designlint.checks.notification_spam_mobile_context import (
    DEFAULT_ON_SWITCH,
    FRAMEWORK_NAME,
    HELPER_NAME,
    block_owner,
    call_argument,
    call_at,
    call_at_site,
    calls_this_function,
    class_name,
    enclosing_class,
    enclosing_named,
    in_user_action,
    not_app_driven,
    parameter_names,
    same_file_callers,
    site_in_user_action,
)
from designlint.checks.notification_spam_mobile_lifecycle import launch_context, leave_context, runs_at_launch, site_in_settings
from designlint.checks.notification_spam_mobile_schedule import (
    LOOP_TYPES,
    clock_time,
    counting_loop_schedule,
    file_parameter_defaults,
    fixed_hour,
    literal_loop_variables,
    literal_number,
    scope_code,
    user_chosen,
)


FIXED_DELAY = re.compile(r"(addingTimeInterval\(\s*(?P<a>[\w.\s*+()]+?)\s*\)|byAdding:\s*\.(?P<unit>day|hour|weekOfYear|minute),\s*value:\s*(?P<v>\w+)|timeIntervalSinceNow:\s*(?P<b>[\w.\s*+()]+?)\s*\))")


def swift_leave_nudge(ctx: CheckContext) -> Verdict | bool:
    """A UNTimeIntervalNotificationTrigger / UNCalendarNotificationTrigger (not repeating) for a
    fixed delay, scheduled when the user leaves the app: a "come back" nudge hours or days later."""
    call = call_at(ctx)
    if call is None or text(call_argument(call, "repeats")) == "true":
        return False
    fn, code = scope_code(ctx.node, ctx)
    if call.name == "UNTimeIntervalNotificationTrigger":
        delay = text(call_argument(call, "timeInterval"))
    else:
        m = FIXED_DELAY.search(code)
        delay = (m.group("a") or m.group("b") or f"{m.group('v')} {m.group('unit')}{'' if m.group('v') == '1' else 's'}") if m else ""
    if not delay or not _fixed_delay(delay, ctx, ctx.node) or user_chosen(code, fn):
        return False
    where = leave_context(ctx.node, ctx)
    if where is None:
        return False
    return Verdict(message=f"a notification is scheduled for a fixed delay ({delay.strip()}) when the user leaves the app ({where}): a nudge to come back, not news they asked for", note=_quiet_note(ctx))


def _fixed_delay(expr: str, ctx: CheckContext, node: Node) -> bool:
    """The delay is built from literals, constants and loop variables over literals, and is at
    least an hour (or unknown constants): `86400`, `60 * 60 * 24 * Double(day)`, `3 day`."""
    loop_vars = literal_loop_variables(node)
    expr = re.sub(r"(?<=\d)_(?=\d)", "", expr)  # 86_400
    parts = re.findall(r"[A-Za-z_][\w.]*|\d+(?:\.\d+)?", expr)
    names = [p for p in parts if not re.match(r"^\d", p) and p not in ("Double", "TimeInterval", "Int", "Float", "CGFloat", "day", "days", "hour", "hours", "weekOfYear", "weekOfYears", "minute", "minutes")]
    if not parts or not all(p in loop_vars or literal_number(p, ctx) for p in names):
        return False
    unit = re.search(r"\b(days?|hours?|weekOfYears?)\b", expr)
    numbers = [float(p) for p in parts if re.match(r"^\d", p)]
    if unit or names:
        return True  # `1 day`, or named constants (`kOneDay`, `day * secondsPerDay`)
    product = 1.0
    for n in numbers:
        product *= n
    return product >= 3600 if "*" in expr else max(numbers, default=0) >= 3600


def swift_repeating_trigger(ctx: CheckContext) -> Verdict | bool:
    """UNCalendarNotificationTrigger / UNTimeIntervalNotificationTrigger with repeats: true
    (also written `UNCalendarNotificationTrigger.init(...)`)."""
    call = call_at(ctx)
    if call is None:
        return False
    if call.name == "init":
        call = dataclasses.replace(call, name=call.receiver)
    if text(call_argument(call, "repeats")) != "true":
        return _next_fixed_hour(ctx, call) if call.name == "UNCalendarNotificationTrigger" else False
    fn, code = scope_code(ctx.node, ctx)
    if call.name == "UNTimeIntervalNotificationTrigger":
        interval = text(call_argument(call, "timeInterval"))
        parts = re.findall(r"[A-Za-z_][\w.]*|\d+(?:\.\d+)?", interval)
        if not parts or not all(literal_number(p, ctx) for p in parts) or not_app_driven(ctx.node, ctx):
            return False
        return Verdict(message=f"a local notification repeats every {interval} seconds on an interval the app chose (UNTimeIntervalNotificationTrigger, repeats: true)", note=_quiet_note(ctx))
    components = text(call_argument(call, "dateMatching"))
    if re.search(r"\bfrom:", components):
        return False
    launch_hours = _hours_passed_at_launch(fn, components, code, ctx)
    if launch_hours:
        return Verdict(message=f"a local notification repeats every day at {', '.join(launch_hours)}, hours the app passes to {function_name(fn)}() when it starts (UNCalendarNotificationTrigger, repeats: true), not ones the user set", note=_quiet_note(ctx))
    stored = _stored_default_at_launch(fn, code, ctx)
    if stored is not None:
        return Verdict(message=f"a local notification repeats every day at {stored}, not a time the user set (UNCalendarNotificationTrigger, repeats: true)", note=_quiet_note(ctx))
    if user_chosen(code, fn) or not_app_driven(ctx.node, ctx):
        return False
    hour = fixed_hour(code, ctx)
    if hour is None:
        return _every_minute_or_hour(ctx, components, code)
    own = re.search(rf"\b{re.escape(components)}\.hour\s*=\s*(\w+)", code) if re.match(r"^\w+$", components) else None
    hour = file_parameter_defaults(ctx).get(own.group(1), own.group(1)) if own else hour  # the hour set on these components (`night.hour = 20`)
    minutes = "\n".join(re.findall(rf"\b{re.escape(components)}\.minute\s*=\s*\d+", code)) if own else code
    return Verdict(message=f"a local notification repeats at {clock_time(hour, minutes)} on a schedule the app chose (UNCalendarNotificationTrigger, repeats: true), not one the user set", note=_quiet_note(ctx))


def _hours_passed_at_launch(fn: Node | None, components: str, code: str, ctx: CheckContext) -> list[str]:
    """The components take their hour from a parameter of the app's own helper (`comps.hour = hour`
    in `notification(_ title:, _ body:, _ hour:, _ minute:)`), and launch code of this file calls the
    helper with literal hours (`notification("Lunch", "...", 12, 30)` in `viewDidLoad`): the app fixes
    those hours, whatever the helper is called. The hours ("12:30"), or [] when no such call."""
    if fn is None or not re.match(r"^\w+$", components) or not function_name(fn) or HELPER_NAME.match(function_name(fn)):
        return []  # `scheduleDailyReminder(hour: 9)` is reported at its calls (*-fixed-hour-helper)
    hour = re.search(rf"\b{re.escape(components)}\.hour\s*=\s*(\w+)", code)
    minute = re.search(rf"\b{re.escape(components)}\.minute\s*=\s*(\w+)", code)
    labels = _parameter_labels(fn)
    position = {name: i for i, names in enumerate(labels) for name in names}
    if hour is None or hour.group(1) not in position:
        return []
    out = []
    for caller in same_file_callers(function_name(fn), fn, ctx):
        call = as_call(caller)
        if call is None or in_user_action(caller) or launch_context(caller, ctx) is None:
            continue
        args = [_label(a) for a in argument_nodes(call)]
        if len(args) != len(labels):
            continue
        value = text(args[position[hour.group(1)]][1])
        at = text(args[position[minute.group(1)]][1]) if minute is not None and minute.group(1) in position else "0"
        if re.fullmatch(r"([01]?\d|2[0-3])", value) and re.fullmatch(r"\d{1,2}", at):
            out.append(f"{value}:{int(at):02d}")
    return out


# a literal hour in a stored default: `DateComponents(hour: 19, minute: 0)`, `bySettingHour: 7, minute: 30`
LITERAL_HOUR = re.compile(r"(?:\bhour\s*:\s*|\bbySettingHour\s*:\s*|\.hour\s*=\s*)(?P<hour>[01]?\d|2[0-3])\b(?:[^\n]*?\bminute\s*:\s*(?P<minute>[0-5]?\d)\b)?")
# a switch-like name in a condition: `user.notificationsEnabled`, `settings.remindersOn`, `wantsReminders`
SWITCH_NAME = re.compile(r"(?i:enabled|opt_?in|opted|consent|wants|allow|subscribed)|On$|^is[A-Z]\w*On\b")


def _stored_default_at_launch(fn: Node | None, code: str, ctx: CheckContext) -> str | None:
    """Swift: the helper takes its time as a parameter (`scheduleStudyReminder(at time: Date)`), and
    launch code of the project passes it a model's stored property (`if user.remindersOn, let t =
    user.reminderTime { scheduleStudyReminder(at: t) }` in `.onAppear`) whose declared default is a
    literal hour (`self.reminderTime = calendar.date(from: DateComponents(hour: 19, minute: 0))` in
    `init`/`awakeFromInsert`, or the property's initial value), behind no switch or switches declared
    on (`self.remindersOn = true`): every new install gets the app's hour. A switch declared off, or a
    time with no literal default (filled by a DatePicker), is the person's. "19:00, ..." or None."""
    name = function_name(fn) if fn is not None else ""
    if ctx.language != "swift" or not name or project_index.too_common(name) or FRAMEWORK_NAME.match(name):
        return None
    times = {p for p in parameter_names(fn) if re.search(r"(time|date|^at$|when|hour)", p, re.I) and re.search(rf"\b{re.escape(p)}\b", code)}
    labels = _parameter_labels(fn)
    positions = [i for i, names in enumerate(labels) if names & times]
    if len(positions) != 1:
        return None
    index = project_index.for_context(ctx)
    owner = class_name(enclosing_class(fn)).lstrip("_")
    for site in index.calls(name):
        if index.is_test_path(site.path) or site_in_settings(site) or not calls_this_function(site, owner, index):
            continue
        call = call_at_site(site, index)
        if call is None or site_in_user_action(site, ctx) or runs_at_launch(site, index) is None:
            continue
        args = [_label(a) for a in argument_nodes(call)]
        given = next((v for label, v in args if label in labels[positions[0]]), None)
        if given is None and len(args) == len(labels) and all(label is None for label, _ in args):
            given = args[positions[0]][1]
        caller = enclosing_named(call.node)
        if any(a.type in LOOP_TYPES or (a.type in FUNCTION_TYPES and block_owner(a)[0] in ("forEach", "map", "compactMap")) for a in ancestors(call.node) if caller is None or a.start_byte > caller.start_byte):
            continue  # `for reminder in reminders { schedule(at: reminder.time) }`: the person's own rows
        prop = _passed_property(text(given) if given is not None else "", call.node, caller)
        clock = _declared_default(prop, index, hour=True) if prop else None
        switches = _switches_on(call.node, caller, index) if clock is not None else None
        if switches is None:
            continue
        behind = f", behind {', '.join(switches)} that is on by default" if switches else ""
        return f"{clock}, the stored default of {prop} that launch code passes to {name}() ({site.where()}){behind}"
    return None


def _passed_property(value: str, call: Node, caller: Node | None) -> str:
    """The stored property an argument reads: `user.reminderTime`, or a local bound to it before the
    call (`let t = user.reminderTime`, `if let t = user.reminderTime`), else a bare name (the caller's
    own property). "" for anything else."""
    value = value.strip()
    dotted = re.fullmatch(r"(?:\w+[?!]?\.)+(\w+)", value)
    if dotted:
        return dotted.group(1)
    if not re.fullmatch(r"[A-Za-z_]\w*", value):
        return ""
    before = text(caller)[: call.start_byte - caller.start_byte] if caller is not None else ""
    bound = re.findall(rf"\b(?:let|var)\s+{re.escape(value)}\s*(?::[^=\n]+)?=\s*((?:\w+[?!]?\.)*\w+)\s*(?=[,{{\n]|else\b)", before)
    return bound[-1].rsplit(".", 1)[-1] if bound else value


def _declared_default(prop: str, index: project_index.ProjectIndex, hour: bool) -> str | None:
    """The default the project declares for a stored property: its initial value (`var remindersOn =
    true`, `@AppStorage("k") var on: Bool = true`) or what an `init`/`awakeFromInsert` sets it to.
    `hour`: the literal clock ("19:00") of a time default, reading one local it is built from
    (`let parts = DateComponents(hour: 19, minute: 0)` ... `self.reminderTime = cal.date(from: parts)`);
    else "true"/"false" for a Boolean one (None when the defaults disagree or none is found)."""
    if project_index.too_common(prop) or len(prop) < 4:
        return None
    cache = project_index.side_cache("ns-mobile-stored-defaults")
    key = (index.key, prop, hour)
    if key not in cache:
        cache[key] = _find_declared_default(prop, index, hour)
    return cache[key]


def _find_declared_default(prop: str, index: project_index.ProjectIndex, hour: bool) -> str | None:
    found: list[str] = []
    pattern = re.compile(rf"(?<![\w.])(?:(?P<decl>(?:var|let)\s+)|self\.)?{re.escape(prop)}\s*(?::\s*[\w?.<>\[\]]+\s*)?=(?!=)\s*(?P<value>[^\n]+)")
    for path, data in index.files().items():
        if prop.encode() not in data:
            continue
        source = index.source(path)
        if source is None or not source.regions:
            continue
        src = data.decode("utf-8", "replace")
        for m in pattern.finditer(src):
            node = source.regions[0].root.descendant_for_byte_range(len(src[: m.start()].encode()), len(src[: m.start()].encode()))
            holder = enclosing_named(node) if node is not None else None
            if (holder is None and not m.group("decl")) or re.search(r"@(State|Binding|FocusState)\b", src[src.rfind("\n", 0, m.start()) + 1 : m.start()]):
                continue  # a view's own `@State var on = false` copy is not the stored default
            if holder is not None and not (holder.type == "init_declaration" or function_name(holder) in ("init", "awakeFromInsert")):
                continue
            value = m.group("value").strip()
            if not hour:
                found += re.findall(r"^(true|false)\b", value)
                continue
            literal = LITERAL_HOUR.search(value)
            if literal is None and holder is not None:
                body = text(holder)
                for local in re.findall(r"\b[a-z]\w*\b", value):
                    bound = re.search(rf"\b(?:let|var)\s+{re.escape(local)}\s*(?::[^=\n]+)?=\s*([^\n]+)", body)
                    literal = LITERAL_HOUR.search(bound.group(1)) if bound else None
                    if literal:
                        break
            if literal:
                found.append(f"{int(literal.group('hour'))}:{int(literal.group('minute') or 0):02d}")
    if hour:
        return found[0] if found else None
    return found[0] if found and len(set(found)) == 1 else None


def _switches_on(call: Node, caller: Node | None, index: project_index.ProjectIndex) -> list[str] | None:
    """The switches the call is guarded by (an `if`/`guard` around or before it in the caller) when
    each is a stored property the project declares `true` ([] when there are none); None when one is
    the person's opt-in: a stored read with no `true` default (`UserDefaults.standard.bool(forKey:)`),
    a switch declared `false`, or a switch-like name with no default found."""
    on: list[str] = []
    conditions = [text(a).split("{", 1)[0] for a in ancestors(call) if a.type in ("if_statement", "guard_statement") and (caller is None or a.start_byte >= caller.start_byte)]
    if caller is not None:
        conditions += re.findall(r"\bguard\s+([^{]*)\belse\b", text(caller)[: call.start_byte - caller.start_byte])
    for condition in conditions:
        condition = re.sub(r"\b(?:let|var)\s+\w+\s*(?::[^=,{]+)?=\s*[^,{]+", "", condition)  # `let t = user.time` bindings
        if re.search(r"\b(bool|object)\(\s*forKey:", condition) and not DEFAULT_ON_SWITCH.search(condition):
            return None
        for negated, prop in re.findall(r"(!?)\s*(?:\w+[?!]?\.)*(\w+)\b(?!\s*\()", condition):
            default = _declared_default(prop, index, hour=False) if prop not in ("if", "guard", "else", "self", "true", "false") else None
            if default == "false" or (negated and default == "true") or (default is None and SWITCH_NAME.search(prop)):
                return None
            if default == "true":
                on.append(prop)
    return on


def _next_fixed_hour(ctx: CheckContext, call: Call) -> Verdict | bool:
    """A one-off UNCalendarNotificationTrigger on fresh components that set only a literal hour
    (and minute): it fires at the next 21:00, and apps schedule it again every day."""
    components = text(call_argument(call, "dateMatching"))
    fn, code = scope_code(ctx.node, ctx)
    if not re.match(r"^\w+$", components):
        return False
    from_now = _components_of_now(components, code)
    if not (from_now or re.search(rf"\b{re.escape(components)}\s*=\s*DateComponents\(\s*\)", code)):
        return False
    fields = dict(re.findall(rf"\b{re.escape(components)}\.(\w+)\s*=\s*([^\n;]+)", code))
    for key in ("calendar", "timeZone", "second", "nanosecond", *(("year", "month", "day") if from_now else ())):
        fields.pop(key, None)
    if "hour" not in fields or set(fields) - {"hour", "minute"} or not all(literal_number(v.strip(), ctx) for v in fields.values()):
        return False
    if user_chosen(code, fn) or not_app_driven(ctx.node, ctx):
        return False
    if from_now and launch_context(ctx.node, ctx) is None:
        return False  # today's date at a fixed hour, set once: only a screen load that sets it again makes it daily
    hour = file_parameter_defaults(ctx).get(fields["hour"].strip(), fields["hour"].strip())
    minute = fields.get("minute", "0").strip()
    clock = f"{hour}:{int(minute):02d}" if minute.isdigit() and hour.isdigit() else f"{hour}:00"
    return Verdict(message=f"a notification is scheduled for the next {clock} (UNCalendarNotificationTrigger on an hour the app fixed), a daily nudge the app sets again, not a time the user chose", note=_quiet_note(ctx))


def _components_of_now(components: str, code: str) -> bool:
    """`var comps = Calendar.current.dateComponents([...], from: Date())` (or from a `let now = Date()`):
    today's date, whose hour the code then sets."""
    m = re.search(rf"\b{re.escape(components)}\s*=\s*(Calendar\.current|calendar|\w*[Cc]alendar)\.dateComponents\([^\n]*\bfrom:\s*([\w.()]+)\s*\)", code)
    if m is None:
        return False
    source = m.group(2)
    return source in ("Date()", "Date.now", ".now") or bool(re.match(r"^\w+$", source) and re.search(rf"\blet\s+{re.escape(source)}\s*(:\s*Date\s*)?=\s*(Date\(\)|Date\.now)", code))


def _every_minute_or_hour(ctx: CheckContext, components: str, code: str) -> Verdict | bool:
    """Components that fix only the second or the minute (`comps.second = 0`) repeat every
    minute or every hour."""
    if not re.match(r"^\w+$", components):
        return False
    fields = dict(re.findall(rf"\b{re.escape(components)}\.(\w+)\s*=\s*([^\n;]+)", code))
    fields.pop("calendar", None)
    fields.pop("timeZone", None)
    if not fields or set(fields) - {"second", "minute"} or not all(literal_number(v.strip(), ctx) for v in fields.values()):
        return False
    every = "hour" if "minute" in fields else "minute"
    return Verdict(message=f"a local notification repeats every {every} (UNCalendarNotificationTrigger matching only the {'minute' if every == 'hour' else 'second'}, repeats: true), on a schedule the app chose", note=_quiet_note(ctx))


def swift_loop_schedule(ctx: CheckContext) -> Verdict | bool:
    """UNUserNotificationCenter.add(request) inside a counting loop."""
    call = call_at(ctx)
    if call is None or not re.search(r"(UNUserNotificationCenter|[Cc]enter)", call.receiver):
        return False
    fn, code = scope_code(ctx.node, ctx)
    return counting_loop_schedule(ctx, call, fn, code)
