"""Android schedules that pull people back, for the `notification-spam` rule (Kotlin, Java).

* AlarmManager `setRepeating`/`setInexactRepeating` firing a notification at a time the app
  fixed, and an exact alarm or delayed work for the next occurrence of a fixed hour;
* a BroadcastReceiver posts a notification and sets its own alarm again a fixed time later;
* a `PeriodicWorkRequest` (also through a chain of one-time workers it enqueues) or a JobScheduler
  `setPeriodic` job whose worker posts reminders or come-back copy (read through its string
  resources too);
* a one-off notification scheduled from `onStop`/`onPause` for a fixed delay of an hour or more;
* `notify()` runs from a timer loop or a counting loop (not a progress update).

Not reported: alarms and workers that poll a mail or feed server, fire at one of the user's own
items' time or post nothing, schedules in button handlers or in functions nothing calls.
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict, android_strings
from designlint.checks.notification_spam import _quiet_note
from designlint.checks.polyglot import Call, argument_nodes, calls, function_name
from designlint.checks.polyglot import argument_label as _label
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk
from designlint.checks.notification_spam_mobile_context import (
    CLASS_TYPES,
    block_owner,
    call_at,
    class_name,
    definitions_of,
    enclosing_class,
    enclosing_named,
    file_text,
    not_app_driven,
    parameter_names,
    screen_or_app_class,
    uncommented_code,
    unregistered_component,
)
from designlint.checks.notification_spam_mobile_lifecycle import reached_on_leaving
from designlint.checks.notification_spam_mobile_schedule import (
    CONSTANT_NAME,
    LOOP_TYPES,
    POSTS_NOTIFICATION,
    PREFERENCE_READ,
    RETENTION_NAME,
    STRING_LITERAL,
    clock_time,
    counting_loop,
    fixed_hour,
    item_time,
    literal_number,
    owner_names,
    scope_code,
    time_parameter_used,
    user_chosen,
)


# names in any case (`notificationIntent`, `ReminderReceiver`); short words only capitalised (`Tip`, not "multiple")
# and the common abbreviation `Noti` (`NotiService`, `alarmNotiIntent`), not "Notice"
# "inactive" as a word or a camel-case part, not the "inActiv" of MainActivity / getActivity
INACTIVE = r"(?<![A-Za-z])inactiv|Inactiv|INACTIV"
NOTIFICATION_TARGET = re.compile(rf"((?i:notif|remind|nudge|engag|come_?back|streak|motivat|retention)|{INACTIVE}|Noti(?![a-z])|Recall|Push|Quote|Tip)")


def android_repeating_alarm(ctx: CheckContext) -> Verdict | bool:
    """AlarmManager.setRepeating / setInexactRepeating firing a notification at an app-chosen time."""
    call = call_at(ctx)
    if call is None:
        return False
    fn, code = scope_code(ctx.node, ctx)
    args = argument_nodes(call)
    target = text(args[-1]) if args else ""
    # one function setting several alarms: what this one wakes, not what the others do
    several = fn is not None and sum(c.name in ("setRepeating", "setInexactRepeating") for c in calls(fn)) > 1
    woken = _built_from(target, code) if several else code + target
    woken += _intent_helpers_code(woken, fn, ctx)
    if not NOTIFICATION_TARGET.search(woken) and not _wakes_a_notifying_receiver(ctx, woken):
        return False
    if _wakes_a_silent_class(ctx, woken) or _wakes_a_foreground_service(ctx, woken) or _wakes_no_component(ctx, woken):
        return False  # the intent's class, found in the project, posts nothing (an empty class, a receiver that logs)
    trigger = text(args[1]) if len(args) > 1 else ""
    if user_chosen(code, fn) or not_app_driven(ctx.node, ctx) or (re.match(r"^\w+$", trigger) and trigger in parameter_names(fn)):
        return False
    if _alarm_polls(fn, code) or item_time(code):
        return False
    hour = fixed_hour(code, ctx)
    if hour is None and not re.search(r"(currentTimeMillis|elapsedRealtime|SystemClock|Calendar\.getInstance\(\)|System\.currentTimeMillis|\bnew\s+Date\(\s*\)\.getTime\(\)|\bDate\(\s*\)\.time\b)", code):
        return False
    when = f" at {clock_time(hour, code)}" if hour is not None else ""
    if hour is not None and not hour.isdigit() and _constant_value(hour, ctx):
        # `set(Calendar.HOUR_OF_DAY, CHECK_HOUR)`: the constants' time
        minute = re.search(r"\bMINUTE\s*,\s*([A-Z_][A-Z0-9_]*)\s*\)", code)
        minutes = _constant_value(minute.group(1), ctx) if minute else None
        when = f" at {_constant_value(hour, ctx)}:{int(minutes or 0):02d}"
    interval = text(args[2]) if len(args) > 2 else ""
    every = re.sub(r"^AlarmManager\.", "", interval) or "a fixed interval"
    return Verdict(
        message=f"a notification alarm repeats ({call.name}, {every}){when} on a schedule the app chose, not one the user set",
        note=_quiet_note(ctx),
    )


# the class an intent names: `Intent(this, Receiver::class.java)`, `new Intent(ctx, Receiver.class)`,
# `Intent(ACTION, null, this, Receiver::class.java)`
INTENT_CLASS = re.compile(r"\bIntent\(\s*(?:[^,()]+,\s*){1,3}(\w+)\s*(?:::class|\.class)")
# a class that hands the alarm over to something else (a service, a screen, a job) may post from there
HANDS_OVER = re.compile(r"(start\w*Service\(|startActivity\(|sendBroadcast\(|enqueue\w*\(|WorkManager)")


def _wakes_a_silent_class(ctx: CheckContext, code: str) -> bool:
    """Every class the alarm's intents name is found in the project and posts no notification:
    `class MyReceiver {}`, a receiver that only logs. A class not found says nothing."""
    names = set(INTENT_CLASS.findall(code))
    bodies = [_class_code(name, ctx) for name in names]
    return bool(bodies) and all(
        body is not None and not WORKER_NOTIFIES.search(STRING_LITERAL.sub('""', body)) and not HANDS_OVER.search(body)
        and not _posts_or_calls_poster(_strip_comments(body), project_index.for_context(ctx))
        for body in bodies
    )


def _wakes_a_foreground_service(ctx: CheckContext, code: str) -> bool:
    """The alarm's PendingIntent starts a service (`PendingIntent.getForegroundService(...)`) whose
    only notification is the foreground-service notice (`startForeground(1, builder.build())`, no
    `.notify(`): the notice of running work, which the rule leaves alone."""
    if not re.search(r"PendingIntent\.get(Foreground)?Service\(", code):
        return False
    bodies = [_class_code(name, ctx) for name in set(INTENT_CLASS.findall(code))]
    return bool(bodies) and all(
        body is not None and re.search(r"\bstartForeground\s*\(", body) and not re.search(r"\.notify\s*\(", body) for body in bodies
    )


def _wakes_no_component(ctx: CheckContext, code: str) -> bool:
    """Every class the alarm's intents name is found in the project and extends nothing
    (`public class NotificationJobScheduler {`, `class Planner(val context: Context)`): not a
    BroadcastReceiver, Service or Activity, so the PendingIntent the alarm fires reaches no code.
    A class with any superclass (its own `BaseReceiver`) or one not found says nothing."""
    names = set(INTENT_CLASS.findall(code))
    return bool(names) and all(_extends_nothing(name, _class_code(name, ctx)) for name in names)


def _extends_nothing(name: str, source: str | None) -> bool:
    """The declaration of class `name` in `source` names no superclass: Java without `extends`
    (an `implements` only adds interfaces), Kotlin without `:` after its constructor parameters."""
    if source is None:
        return False
    head = re.search(rf"\bclass\s+{re.escape(name)}\b([^{{;=]*)\{{", source)
    if head is None:
        return False  # a Kotlin class without a body: where its head ends is unclear
    rest = re.sub(r"<[^<>{}]*>", "", head.group(1))  # type parameters (`<T : Any>`)
    rest = re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", rest)  # the primary constructor's parameters
    return not re.search(r"\bextends\b|:", rest)


def _class_code(name: str, ctx: CheckContext) -> str | None:
    """The code of class `name`: declared in this file, else the project file named after it, else None."""
    definition = next((n for n in walk(ctx.root) if n.type in ("class_declaration", "object_declaration") and class_name(n) == name), None)
    if definition is not None:
        return uncommented_code(definition)
    here = str(ctx.path.resolve())
    for path, data in project_index.for_context(ctx).files().items():
        source = data.decode("utf-8", "replace")
        if path != here and Path(path).stem == name and re.search(rf"\b(class|object)\s+{re.escape(name)}\b", source):
            return source
    return None


def _wakes_a_notifying_receiver(ctx: CheckContext, code: str) -> bool:
    """The alarm's intent names a class of this file or of another project file that posts a
    notification (`Intent(this, AlarmReceiver::class.java)`, and AlarmReceiver.kt builds and notifies)."""
    names = set(INTENT_CLASS.findall(code))
    if not names:
        return False
    declared_here = [n for n in walk(ctx.root) if n.type in ("class_declaration", "object_declaration") and class_name(n) in names]
    if any(POSTS_NOTIFICATION.search(uncommented_code(n)) for n in declared_here):
        return True  # the receiver that posts arms its own alarm (`AlarmReceiver().setRepeatingAlarm(this)`)
    here = str(ctx.path.resolve())
    index = project_index.for_context(ctx)
    for path, data in index.files().items():
        if path != here and Path(path).stem in names and _posts_or_calls_poster(_strip_comments(data.decode("utf-8", "replace")), index):
            return True
    return False


def _strip_comments(source: str) -> str:
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)


def _posts_or_calls_poster(source: str, index: project_index.ProjectIndex) -> bool:
    """The receiver's code posts, or calls a function of the project that posts, one hop
    (`DigestNotifier.post(context, total)` in onReceive, and DigestNotifier builds and notifies)."""
    if POSTS_NOTIFICATION.search(source):
        return True
    called = dict.fromkeys(re.findall(r"\.(\w+)\s*\(", source) + re.findall(r"(?<![.\w])(\w+)\s*\(", source))
    return any(
        not project_index.too_common(name) and any(POSTS_NOTIFICATION.search(_strip_comments(d.text)) for d in index.definitions(name))
        for name in called
        if name[:1].islower() and name not in ("onReceive", "super", "if", "when", "for", "while", "catch")
    )


def _intent_helpers_code(woken: str, fn: Node | None, ctx: CheckContext) -> str:
    """The code of same-file helpers that build the alarm's intent (`val pi = createPendingIntent()`,
    `buildAlarmIntent(context)`): the class it wakes is named there, not where the alarm is set."""
    names = dict.fromkeys(re.findall(r"\b(\w*Intent\w*)\s*\(", woken))
    return "".join("\n" + uncommented_code(d) for name in names for d in definitions_of(name, ctx) if fn is None or d.id != fn.id)


def _built_from(name: str, code: str, depth: int = 2) -> str:
    """`name` and the right-hand sides it is assigned from in `code`, following the names they
    use `depth` levels (`pi = PendingIntent.getService(ctx, 0, notiIntent, 0)`, then `notiIntent = ...`)."""
    found = name
    if depth and re.match(r"^\w+$", name):
        for value in re.findall(rf"\b{re.escape(name)}\s*=\s*([^;\n]+)", code):
            found += "\n" + value
            for used in dict.fromkeys(re.findall(r"\b[a-z]\w*\b", value)):
                if used != name and re.search(rf"\b{used}\s*=[^=]", code):
                    found += "\n" + _built_from(used, code, depth - 1)
    return found


# what an alarm starts, or the code that sets it, named after fetching what is new: a mail or feed check
POLLING_TARGET = re.compile(r"(?i:poll|pull|fetch|sync|refresh|download|mail|inbox|feed|rss|check\w*(new|update|message|mail)|update\w*(check|service|receiver|job|task))")


def _alarm_polls(fn: Node | None, code: str) -> bool:
    """The alarm wakes a mail, feed or update check that notifies when something new arrived
    (`new Intent(ctx, MailCheckReceiver.class)`, `setRepeating` in `scheduleInboxPolling()`)."""
    targets = re.findall(r"\bIntent\(\s*[^,()]+,\s*([\w.]+?)\s*(?:::class|\.class)", code)
    targets += re.findall(r"\bIntent\(\s*\"([^\"]+)\"", code)  # an action name
    names = targets + (owner_names(fn) if fn is not None else [])
    return any(POLLING_TARGET.search(n) for n in names if n)


NOW_PLUS_DELAY = re.compile(r"(System\.currentTimeMillis\(\)|SystemClock\.elapsedRealtime\(\)|Calendar\.getInstance\(\)\.timeInMillis)\s*\+\s*(?P<delay>[\w.\s*()]+)")


def android_rearming_alarm(ctx: CheckContext) -> Verdict | bool:
    """A BroadcastReceiver that posts a notification and sets the alarm that wakes it again,
    a fixed time later (`alarmManager.set(RTC_WAKEUP, currentTimeMillis() + INTERVAL_HOUR, pi)` in
    `onReceive`): a notification every hour or day, for as long as the app is installed."""
    call = call_at(ctx)
    if call is None or not re.search(r"(?i)alarm", call.receiver):
        return False
    fn = enclosing_named(ctx.node)
    if fn is None or function_name(fn) != "onReceive":
        return False
    args = argument_nodes(call)
    m = NOW_PLUS_DELAY.search(text(args[1])) if len(args) > 1 else None
    if m is None or not all(literal_number(p, ctx) for p in re.findall(r"[A-Za-z_][\w.]*|\d+", m.group("delay")) if p not in ("L", "toLong")):
        return False
    code = uncommented_code(fn)
    receiver = class_name(enclosing_class(fn))
    if not re.search(r"(\.notify\(|NotificationCompat\.Builder|Notification\.Builder|show\w*Notification\()", code):
        return False
    if not (re.search(rf"\b{re.escape(receiver)}\b\s*(::class|\.class)", code) if receiver else False) and not re.search(r"getBroadcast\([^,]+,[^,]+,\s*intent\b", code):
        return False  # the alarm wakes something else, not this receiver again
    if _alarm_polls(fn, code) or unregistered_component(fn, ctx):
        return False  # a mail check, or a receiver no manifest declares and no code registers (never woken)
    every = re.sub(r"^AlarmManager\.", "", m.group("delay").strip())
    return Verdict(
        message=f"a notification receiver ({receiver or 'onReceive'}) sets its own alarm again {every} later, so the notification repeats on a schedule the app chose",
        note=_quiet_note(ctx),
    )


WORKER_NAME = re.compile(rf"((?i:notif|remind|nudge|engag|come_?back|streak|motivat|retention)|{INACTIVE}|Recall|Push|Quote|Tip|Miss)")
REENGAGE_WORKER_COPY = re.compile(r"(miss(ed)? you|come ?back|your streak|don'?t lose|lose your|it'?s been|haven'?t (seen|opened|played|practi[cs]ed)|waiting for you|come (and )?play)", re.I)


def android_periodic_work(ctx: CheckContext) -> Verdict | bool:
    """A PeriodicWorkRequest whose worker posts reminders or re-engagement notifications."""
    worker = _worker_class(ctx.node)
    if not worker:
        return False
    definition = next((n for n in walk(ctx.root) if n.type in ("class_declaration",) and class_name(n) == worker), None)
    worker_code = _worker_notifications(definition) if definition is not None else _other_file_worker(worker, ctx)
    worker_code = android_strings.with_resource_texts(worker_code, ctx)  # `getString(R.string.comeback_body)`: its words
    if (definition is not None or worker_code) and (not WORKER_NOTIFIES.search(STRING_LITERAL.sub('""', worker_code)) or _builds_but_never_posts(worker_code)):
        return False  # the worker, found in the project, posts nothing (it logs, syncs or cleans up)
    followed = worker_code if definition is None else ""
    if definition is None and not REENGAGE_WORKER_COPY.search(worker_code):
        worker_code = ""  # a worker of another file counts by its come-back copy, not by merely posting
    posts = bool(re.search(r"(\.notify\(|NotificationCompat|Notification\.Builder|show\w*Notification|send\w*Notification)", worker_code))
    copy = REENGAGE_WORKER_COPY.search(worker_code)
    if not (WORKER_NAME.search(worker) or posts or CHAIN_POSTS.search(followed)):
        return False
    interval = _periodic_interval(ctx)
    if interval is None or not literal_number(re.sub(r"^(Duration\.of\w+|\w+\.(days|hours|minutes))\(|\)$", "", interval), ctx):
        return False  # the period comes from the user's settings or the caller
    started_with_app = definition is None and not _minutes_period(ctx) and bool(CHAIN_POSTS.search(followed)) and _enqueued_at_app_start(ctx)
    if definition is None and not ((posts and copy) or (NUDGE_WORKER_NAME.search(worker) and not _minutes_period(ctx)) or started_with_app):
        return False  # a worker of another file named only after notifications, or run every few minutes, checks the user's own items
    if definition is not None and not copy and _minutes_period(ctx) and not NUDGE_WORKER_NAME.search(worker) and USER_RECORDS.search(text(definition)):
        return False  # a checker run every few minutes over the user's own records (their recurring bills, their tasks)
    fn, code = scope_code(ctx.node, ctx)
    if user_chosen(code, fn) or not_app_driven(ctx.node, ctx):
        return False
    if _polls_server(worker, fn, code) and not (started_with_app and not POLLING_NAME.search(worker) and not WORKER_FETCHES.search(followed)):
        return False  # a network constraint alone is no fetch when the worker's chain posts and fetches nothing
    if DUE_NOTICE.search(worker_code) and not copy:
        return False  # the job tells the user that one of their own items expires or is due
    detail = f' with re-engagement copy ("{copy.group(0)}")' if copy else ""
    return Verdict(
        message=f"a periodic WorkManager job ({worker}) posts notifications{detail} on a schedule the app chose, not one the user set",
        note=_quiet_note(ctx),
    )


# a worker's code posts a notification itself or hands over to a notification helper
WORKER_NOTIFIES = re.compile(r"(\.notify\(|NotificationCompat|Notification\.Builder|(?i:notif|remind|nudge|alert)\w*\s*[.(])")


def _builds_but_never_posts(code: str) -> bool:
    """The worker builds a notification (`new NotificationCompat.Builder(...)`) but never posts
    it: no `.notify(`, no foreground start, and the builder is never built or handed to a call."""
    builders = re.findall(r"(\w+)\s*=\s*(?:new\s+)?(?:NotificationCompat|Notification)\.Builder\b", code)
    if not builders or re.search(r"\.notify\s*\(|\b(startForeground|setForeground\w*)\s*\(", code):
        return False
    return not any(re.search(rf"\b{b}\s*\.\s*build\s*\(|[(,]\s*{b}\b(?!\s*[.=])", code) for b in builders)


# a notice about the user's own items running out: a certificate expiring, a bill or task due
DUE_NOTICE = re.compile(r"(?i)(expir(es|ing|y|ed)|overdue|due (date|soon|today|tomorrow)|deadline|renewal)")
POLLING_NAME = re.compile(r"(?i:poll|pull|fetch|sync|refresh)")
NEEDS_NETWORK = re.compile(r"setRequiredNetworkType\(\s*(NetworkType\.)?(CONNECTED|UNMETERED|NOT_ROAMING|METERED)\b")


def _polls_server(worker: str, fn: Node | None, code: str) -> bool:
    """The periodic job fetches what is new from a server (it needs the network, or it is named
    after polling or syncing) and notifies about that: the app's own content, not a nudge."""
    names = worker + " " + (function_name(fn) if fn is not None else "")
    return bool(POLLING_NAME.search(names) or NEEDS_NETWORK.search(code))


def _worker_notifications(worker: Node) -> str:
    """The worker's code without its foreground or progress notification (`getForegroundInfo`,
    `setForeground`, an ongoing progress notification), which only says the job is running."""
    functions = [n for n in walk(worker) if n.type in FUNCTION_TYPES and function_name(n)]
    if not functions:
        return uncommented_code(worker)
    return "\n".join(uncommented_code(f) for f in functions if not re.search(r"Foreground", function_name(f)) and not PROGRESS.search(text(f)))


def _other_file_worker(worker: str, ctx: CheckContext) -> str:
    """The `doWork` of a worker class written in another file of the project, with the `doWork` of
    a worker it enqueues in turn (`OneTimeWorkRequestBuilder<DisplayNotificationWorker>()`: one more
    step) and the notification helpers they call (`NotificationHelper.comeBackNotification(context)`,
    `notificationHelper.showNotification(...)`)."""
    index = project_index.for_context(ctx)
    code = "\n".join(d.text for d in index.definitions("doWork") if d.owner == worker)
    for next_worker in dict.fromkeys(m.group(1) or m.group(2) for m in ENQUEUED_WORKER.finditer(code)):
        if next_worker != worker:
            code += "".join("\n" + d.text for d in index.definitions("doWork") if d.owner == next_worker)
    for name in dict.fromkeys(re.findall(r"\b(\w*(?i:notif|remind|nudge|alert)\w*)\s*\(", code)):
        code += "".join("\n" + d.text for d in index.definitions(name)[:3])
    return code


# a worker enqueued from another worker's doWork: `OneTimeWorkRequestBuilder<ShowWorker>()`, `OneTimeWorkRequest.Builder(ShowWorker::class.java)`
ENQUEUED_WORKER = re.compile(r"\bOneTimeWorkRequestBuilder\s*<\s*(\w+)|\bOneTimeWorkRequest\s*\.\s*(?:Builder|from)\s*\(\s*(\w+)\s*(?:::class|\.class)")
# the followed worker code posts: a notify call, a builder, or a show/send/post…Notification helper
CHAIN_POSTS = re.compile(r"\.notify\s*\(|NotificationCompat\.Builder|Notification\.Builder|\b(show|send|post|display)\w*Notification\w*\s*\(")
# the followed worker code fetches from a server (the network constraint is then for that fetch)
WORKER_FETCHES = re.compile(r"(?i)\b\w*(api|service|client|remote|retrofit|http|graphql)\w*\s*\.\s*\w+\s*\(|\b(fetch|sync|refresh|download|pull|poll)\w*\s*\(")
APPLICATION_CLASS = r"class\s+{owner}\b[^{{]*?(:\s*(?:[\w.<>]+\s*(?:\([^)]*\))?\s*,\s*)*|\bextends\s+)[\w.]*Application\b"
APP_START_SWITCH = re.compile(r"(?i)\bif\s*\(?[^\n{]*(pref|setting|enabled|remind|notif|opt_?in|opted|consent|allow)")


def _enqueued_at_app_start(ctx: CheckContext) -> bool:
    """The function that enqueues the job runs from `Application.onCreate` (the schedule's function called
    there, or the enqueue itself there), with no switch read on the way (`if (prefs.remindersOn)`): every
    install gets the job from its first launch, whatever the person set."""
    fn = enclosing_named(ctx.node)
    name = function_name(fn) if fn is not None else ""
    if not name:
        return False
    index = project_index.for_context(ctx)
    files = index.files()
    sites = index.calls(name) if name != "onCreate" else []
    if name == "onCreate":
        owner = class_name(enclosing_class(fn))
        return bool(owner) and re.search(APPLICATION_CLASS.format(owner=re.escape(owner)), ctx.data.decode("utf-8", "replace")) is not None \
            and not APP_START_SWITCH.search(text(fn)[: ctx.node.start_byte - fn.start_byte])
    for site in sites[:4]:
        if "onCreate" not in site.functions or not site.owner:
            continue
        data = files.get(site.path, b"").decode("utf-8", "replace")
        if not re.search(APPLICATION_CLASS.format(owner=re.escape(site.owner)), data):
            continue
        start = data.rfind("onCreate", 0, site.byte)
        if start >= 0 and not APP_START_SWITCH.search(data[start:site.byte]):
            return True
    return False


# worker names that say what the notification is for (a generic `NotificationWorker` does not)
USER_RECORDS = re.compile(r"\b\w*(Repository|Repo|Dao)\b")
NUDGE_WORKER_NAME = re.compile(rf"(?i:remind|nudge|engag|come_?back|streak|motivat|retention|recall|quote|tip|miss|daily)|{INACTIVE}")


def _minutes_period(ctx: CheckContext) -> bool:
    """The job repeats every few minutes (`15, TimeUnit.MINUTES`): a checker, not a daily nudge."""
    call = call_at(ctx)
    return call is not None and bool(re.search(r"\bMINUTES\b|\bofMinutes\b|\.minutes\b", " ".join(text(a) for a in argument_nodes(call))))


def _periodic_interval(ctx: CheckContext) -> str | None:
    """The repeat interval argument: after the worker class in Builder(W::class.java, 1, DAYS)."""
    call = call_at(ctx)
    if call is None:
        return None
    args = [text(_label(a)[1]) for a in argument_nodes(call)]  # `repeatInterval = 24` gives 24
    if args and re.search(r"(::class|\.class)", args[0]):
        args = args[1:]
    return args[0].strip() if args else None


def _worker_class(node: Node) -> str:
    """`ReminderWorker` in PeriodicWorkRequestBuilder<ReminderWorker>(...) or Builder(ReminderWorker::class.java, ...)."""
    head = text(node)[:300]
    m = re.search(r"PeriodicWorkRequestBuilder\s*<\s*(\w+)", head) or re.search(r"PeriodicWorkRequest\.Builder\s*\(\s*([\w.]+?)\s*(::class|\.class)", head)
    return m.group(1).rsplit(".", 1)[-1] if m else ""


JOB_SERVICE = re.compile(r"\bComponentName\(\s*[^,()]+,\s*(\w+)\s*(::class|\.class)")
JOB_NEEDS_NETWORK = re.compile(r"setRequiredNetworkType\(\s*(JobInfo\.)?NETWORK_TYPE_(ANY|UNMETERED|NOT_ROAMING|CELLULAR)\b")


def android_periodic_job(ctx: CheckContext) -> Verdict | bool:
    """A JobScheduler job built with `JobInfo.Builder(id, ComponentName(ctx, ReminderJob.class))
    .setPeriodic(...)` whose JobService posts a reminder or come-back notification each time it runs,
    at a period the app fixed: the same nudge as a periodic WorkManager job."""
    call = call_at(ctx)
    if call is None or "JobInfo" not in file_text(ctx):
        return False
    args = argument_nodes(call)
    period = text(args[0]) if args else ""
    fn, code = scope_code(ctx.node, ctx)
    service = JOB_SERVICE.search(code)
    if not period or service is None or time_parameter_used(period, fn) or PREFERENCE_READ.search(period):
        return False  # the period comes from the caller or the user's settings
    name = service.group(1)
    definition = next((n for n in walk(ctx.root) if n.type in CLASS_TYPES and class_name(n) == name), None)
    if definition is not None:
        service_code = _worker_notifications(definition)
    else:
        index = project_index.for_context(ctx)
        service_code = "\n".join(d.text for d in index.definitions("onStartJob") if d.owner == name)
        for helper in dict.fromkeys(re.findall(r"\b(\w*(?i:notif|remind|nudge|alert)\w*)\s*\(", service_code)):
            service_code += "".join("\n" + d.text for d in index.definitions(helper)[:3])
    posts = re.search(r"(\.notify\(|show\w*Notification\(|send\w*Notification\()", STRING_LITERAL.sub('""', service_code))
    if posts is None or _builds_but_never_posts(service_code) or item_time(service_code):
        return False
    service_code = android_strings.with_resource_texts(service_code, ctx)  # `getString(R.string.comeback_body)`: its words
    copy = REENGAGE_WORKER_COPY.search(service_code)
    if not (copy or NUDGE_WORKER_NAME.search(name)):
        return False  # a job named only after its work (a sync, a cleanup) that also notifies
    if _polls_server(name, fn, code) or JOB_NEEDS_NETWORK.search(code) or FETCHES_ANDROID.search(service_code):
        return False  # it fetches what is new and notifies about that
    if DUE_NOTICE.search(service_code) and not copy or user_chosen(code, fn) or not_app_driven(ctx.node, ctx):
        return False
    detail = f' with re-engagement copy ("{copy.group(0)}")' if copy else ""
    return Verdict(
        message=f"a periodic JobScheduler job ({name}, setPeriodic) posts notifications{detail} on a schedule the app chose, not one the user set",
        note=_quiet_note(ctx),
    )


# a job that downloads what is new (and notifies about it)
FETCHES_ANDROID = re.compile(r"(HttpURLConnection|OkHttp|Retrofit|Volley|\.execute\(\)|\.enqueue\(|\bfetch\w*\(|\bsync\w*\()")


# Android: an activity or the app leaving the screen (`onStop`, `onPause`), or a lifecycle observer's ON_STOP
ANDROID_LEAVE_FUNCTIONS = re.compile(r"^(onStop|onPause|onDestroy|onUserLeaveHint|onAppBackgrounded|onEnterBackground|onMoveToBackground)$")
ANDROID_LEAVE_EVENT = re.compile(r"Lifecycle\.Event\.ON_(STOP|PAUSE)\b")
TIME_UNITS = {"DAYS": 86400, "HOURS": 3600, "MINUTES": 60, "SECONDS": 1}
ALARM_INTERVALS = {"INTERVAL_DAY": 86400, "INTERVAL_HALF_DAY": 43200, "INTERVAL_HOUR": 3600, "INTERVAL_HALF_HOUR": 1800, "INTERVAL_FIFTEEN_MINUTES": 900}


def android_leave_nudge(ctx: CheckContext) -> Verdict | bool:
    """A one-off notification scheduled from `onStop`/`onPause` (or an ON_STOP lifecycle event) for a
    fixed delay of an hour or more: a WorkManager `setInitialDelay(24, TimeUnit.HOURS)` whose worker
    posts a notification, or an alarm `set(RTC_WAKEUP, System.currentTimeMillis() + INTERVAL_DAY, pi)`
    waking a notification receiver; directly or through functions of the same file."""
    call = call_at(ctx)
    if call is None:
        return False
    where = _android_leave_context(ctx.node, ctx)
    if where is None:
        return False
    fn, code = scope_code(ctx.node, ctx)
    args = argument_nodes(call)
    if call.name == "setInitialDelay":
        seconds = _work_delay(args, ctx)
        target = _one_time_worker(ctx.node, code)
        target_code = _target_code(target, "doWork", ctx) if target else ""
    else:
        if not re.search(r"(?i)(alarm|^am$|^mgr$)", call.receiver.rsplit(".", 1)[-1]) or len(args) < 2:
            return False
        m = NOW_PLUS_DELAY.search(text(args[1]))
        seconds = _alarm_delay(m.group("delay")) if m else None
        receiver = re.search(r"Intent\(\s*[\w.@]+\s*,\s*(\w+)\s*(::class|\.class)", code)
        target = receiver.group(1) if receiver else ""
        target_code = _target_code(target, "onReceive", ctx) if target else ""
    if seconds is None or seconds < 3600 or not target:
        return False  # a short timer ("still recording") or a delay the code computes
    if not (re.search(r"(\.notify\(|NotificationCompat|Notification\.Builder|show\w*Notification|send\w*Notification)", target_code) or RETENTION_NAME.search(target)):
        return False  # what wakes up is not a notification (a sync, a clean-up)
    if not_app_driven(ctx.node, ctx) or PROGRESS.search(code) or user_chosen(code, fn):
        return False
    amount = f"{seconds // 86400} day{'s' if seconds >= 172800 else ''}" if seconds % 86400 == 0 else f"{seconds // 3600} hour{'s' if seconds >= 7200 else ''}" if seconds % 3600 == 0 else f"{seconds // 60} minutes"
    return Verdict(
        message=f"a notification ({target}) is scheduled {amount} after the user leaves the app ({where}): a nudge to come back, not news they asked for",
        note=_quiet_note(ctx),
    )


def _android_leave_context(node: Node, ctx: CheckContext) -> str | None:
    """What runs `node` when the person leaves: `onStop`/`onPause`/`onDestroy` of an activity or the
    app (not of a service), a lifecycle observer's `onStop(owner)` or ON_STOP branch; directly or
    through functions of the file."""
    def branch_leaves(anc: Node) -> str | None:
        head = text(anc).split("->", 1)[0].split("{", 1)[0]
        return "the ON_STOP lifecycle event" if ANDROID_LEAVE_EVENT.search(head) else None

    def function_leaves(fn: Node, name: str) -> bool:
        return bool(ANDROID_LEAVE_FUNCTIONS.match(name)) and (screen_or_app_class(fn) or "LifecycleOwner" in text(fn).split("{", 1)[0])

    return reached_on_leaving(node, ctx, branch_leaves, function_leaves)


def _work_delay(args: list[Node], ctx: CheckContext) -> int | None:
    """Seconds of `setInitialDelay(24, TimeUnit.HOURS)` or `setInitialDelay(Duration.ofDays(1))`, the
    amount a literal or a constant of the file (`const val NUDGE_HOURS = 24`)."""
    joined = ", ".join(text(a) for a in args)
    m = re.match(r"^\s*([\w.]+?)(\.toLong\(\))?\s*,\s*(java\.util\.concurrent\.)?TimeUnit\.(DAYS|HOURS|MINUTES|SECONDS)\s*$", joined)
    if m:
        value, unit = m.group(1), m.group(4)
    else:
        m = re.match(r"^\s*(java\.time\.)?Duration\.of(Days|Hours|Minutes|Seconds)\(\s*([\w.]+)\s*\)\s*$", joined)
        if not m:
            return None
        value, unit = m.group(3), m.group(2).upper()
    number = value.replace("_", "").rstrip("L") if re.fullmatch(r"[\d_]+L?", value) else _constant_value(value.rsplit(".", 1)[-1], ctx)
    return int(number) * TIME_UNITS[unit] if number else None


def _constant_value(name: str, ctx: CheckContext) -> str | None:
    """The number a constant of the file holds: `const val NUDGE_HOURS = 24`, `static final int DAYS = 1;`."""
    m = re.search(rf"\b(val|var|final|const)\b[^=\n]*\b{re.escape(name)}\s*(:\s*\w+\s*)?=\s*(\d+)L?\b", file_text(ctx))
    return m.group(3) if m else None


def _alarm_delay(delay: str) -> int | None:
    """Seconds of `AlarmManager.INTERVAL_DAY`, `TimeUnit.HOURS.toMillis(24)`, `24 * 60 * 60 * 1000`."""
    named = re.search(r"\b(INTERVAL_\w+)\b", delay)
    if named:
        return ALARM_INTERVALS.get(named.group(1))
    m = re.search(r"TimeUnit\.(DAYS|HOURS|MINUTES|SECONDS)\.toMillis\(\s*(\d+)L?\s*\)", delay)
    if m:
        return int(m.group(2)) * TIME_UNITS[m.group(1)]
    if re.fullmatch(r"[\d_\sL*()]+", delay.strip()):
        product = 1
        for number in re.findall(r"\d[\d_]*", delay):
            product *= int(number.replace("_", ""))
        return product // 1000
    return None


def _one_time_worker(node: Node, code: str) -> str:
    """`ReminderWorker` in `OneTimeWorkRequestBuilder<ReminderWorker>()` or `OneTimeWorkRequest.Builder(ReminderWorker.class)`."""
    for anc in [node, *ancestors(node)]:
        head = text(anc)[:400]
        m = re.search(r"OneTimeWorkRequestBuilder\s*<\s*(\w+)", head) or re.search(r"OneTimeWorkRequest\.Builder\s*\(\s*(\w+)\s*(::class|\.class)", head)
        if m:
            return m.group(1)
        if anc.type in FUNCTION_TYPES:
            break
    m = re.search(r"OneTimeWorkRequestBuilder\s*<\s*(\w+)", code) or re.search(r"OneTimeWorkRequest\.Builder\s*\(\s*(\w+)\s*(::class|\.class)", code)
    return m.group(1) if m else ""


def _target_code(cls: str, method: str, ctx: CheckContext) -> str:
    """The code of the worker or receiver class `cls`: in this file, else its `doWork`/`onReceive` in
    another file of the project (with the notification helpers it calls)."""
    definition = next((n for n in walk(ctx.root) if n.type in ("class_declaration", "object_declaration") and class_name(n) == cls), None)
    if definition is not None:
        return _worker_notifications(definition)
    if project_index.too_common(cls):
        return ""
    index = project_index.for_context(ctx)
    code = "\n".join(d.text for d in index.definitions(method) if d.owner == cls)
    for name in dict.fromkeys(re.findall(r"\b(\w*(?i:notif|remind|nudge|alert)\w*)\s*\(", code)):
        code += "".join("\n" + d.text for d in index.definitions(name)[:3])
    return code


FIXED_DAILY_TARGET = re.compile(rf"((?i:notif|remind|nudge|engag|come_?back|streak|motivat|retention|devotion)|{INACTIVE}|Recall|Push|Quote|Tip)")
NEXT_DAY = re.compile(
    r"(add\(\s*Calendar\.(DAY_OF_YEAR|DATE|DAY_OF_MONTH|DAY_OF_WEEK)\s*,\s*1\s*\)|plusDays\(\s*1\s*\)|\bINTERVAL_DAY\b|"
    r"MILLIS_IN_24HOURS|\b86_?400_?000\b|DAYS\.toMillis\(\s*1\s*\)|\+=\s*(24\s*\*\s*60\s*\*\s*60\s*\*\s*1000|86_?400_?000))"
)


def android_fixed_daily(ctx: CheckContext) -> Verdict | bool:
    """An exact alarm or a delayed one-time work for the next occurrence of an hour the app
    fixed (`set(HOUR_OF_DAY, 9)` and a day added when it has passed), firing a notification:
    a daily notification at the app's time, rescheduled at each launch or by its receiver."""
    call = call_at(ctx)
    if call is None:
        return False
    fn, code = scope_code(ctx.node, ctx)
    if not FIXED_DAILY_TARGET.search(code + " " + call.receiver) or not NEXT_DAY.search(code):
        return False
    args = argument_nodes(call)
    trigger = text(args[1]) if call.name != "setInitialDelay" and len(args) > 1 else ""
    if user_chosen(code, fn) or not_app_driven(ctx.node, ctx) or (re.match(r"^\w+$", trigger) and trigger in parameter_names(fn)):
        return False
    if _alarm_polls(fn, code) or item_time(code):
        return False
    hour = fixed_hour(code, ctx)
    if hour is None:
        return False
    if hour.isdigit() and int(hour) < 12 and re.search(r"AM_PM\s*,\s*(Calendar\.)?PM\b", code):
        hour = str(int(hour) + 12)  # `set(Calendar.HOUR, 0)` with `set(Calendar.AM_PM, Calendar.PM)`
    how = "a delayed one-time work" if call.name == "setInitialDelay" else f"an exact alarm ({call.name})"
    return Verdict(
        message=f"a notification is scheduled for {clock_time(hour, code)} every day ({how} for the next {clock_time(hour, code)}), on a schedule the app chose, not one the user set",
        note=_quiet_note(ctx),
    )
TIMER_CALLS = re.compile(r"^(scheduleAtFixedRate|scheduleWithFixedDelay|fixedRateTimer|timer|periodic|scheduledTimer)$")


def _timer_loop(node: Node, ctx: CheckContext) -> str | None:
    """A `while (true)`/`while (isActive)` loop that sleeps, or a fixed-rate timer callback."""
    for anc in ancestors(node):
        if anc.type in FUNCTION_TYPES:
            owner, _ = block_owner(anc)
            if TIMER_CALLS.match(owner) and (owner not in KOTLIN_TIMERS or _kotlin_repeating_timer(anc, ctx)):
                return owner
            if function_name(anc):
                if function_name(anc) == "run" and re.search(r"(scheduleAtFixedRate|postDelayed\(\s*this)", text(enclosing_class(anc) or anc)):
                    return "a repeating Runnable"
                return None
            continue
        if anc.type in ("while_statement", "do_while_statement", "repeat_while_statement") and re.search(r"\b(delay|sleep|Thread\.sleep|Task\.sleep)\s*\(", text(anc)):
            return "a loop that sleeps between notifications"
    return None


# kotlin.concurrent's `timer(period = ...)` / `fixedRateTimer(...)`: not imported by default, and
# `period` has no default value
KOTLIN_TIMERS = ("timer", "fixedRateTimer")
KOTLIN_CONCURRENT_IMPORT = re.compile(r"^\s*import\s+kotlin\.concurrent\.(\*|timer\b|fixedRateTimer\b)", re.M)


def _kotlin_repeating_timer(block: Node, ctx: CheckContext) -> bool:
    """The block is handed to kotlin.concurrent's repeating `timer`/`fixedRateTimer`: the file
    imports it (or names it in full) and the call gives the `period` (by name, or as the fourth
    argument after name, daemon and initial delay). An app's own `CoroutineScope.timer(delayMillis)
    { ... }` that waits once (a sleep timer running out) is not it."""
    call = next((a for a in ancestors(block) if a.type == "call_expression"), None)
    if call is None:
        return False
    head = text(call)[: block.start_byte - call.start_byte]
    if not (KOTLIN_CONCURRENT_IMPORT.search(file_text(ctx)) or re.match(r"^\s*kotlin\.concurrent\.", head)):
        return False
    opened = head.find("(")
    inside = head[opened + 1 : head.rfind(")")] if opened >= 0 else ""
    depth, pieces = 0, 1 if inside.strip() else 0
    for char in inside:
        depth += char in "([{<"
        depth -= char in ")]}>"
        pieces += char == "," and depth == 0
    return bool(re.search(r"(^|[,(\s])period\s*=", inside)) or pieces >= 4


PROGRESS = re.compile(r"(setProgress|setOngoing\(\s*true|ongoing\s*=\s*true|startForeground|setForeground|ForegroundInfo|ProgressStyle|FOREGROUND_SERVICE)")


def android_repeated_notify(ctx: CheckContext) -> Verdict | bool:
    """notify() from a timer loop, a fixed-rate timer or a counting loop."""
    call = call_at(ctx)
    if call is None or not re.search(r"(notif|Notif|manager|Manager|\bnm\b|NotificationManagerCompat)", call.receiver):
        return False
    fn, code = scope_code(ctx.node, ctx)
    if PROGRESS.search(code):
        return False
    timer = _timer_loop(ctx.node, ctx)
    if timer is not None:
        return Verdict(message=f"a notification is posted over and over from a timer ({timer})", note=_quiet_note(ctx))
    loop = counting_loop(ctx.node)
    if loop is None or _rings_one_notification_again(loop, call):
        return False
    head = text(loop).split("{", 1)[0].strip()[:60]
    return Verdict(message=f"a burst of notifications is posted in a counting loop ({head} … notify)", note=_quiet_note(ctx))


def _rings_one_notification_again(loop: Node, call: Call) -> bool:
    """A `for` loop posts the same notification id each time, as many times as a count the code
    computed (`for (i in 0 until ringTimes)`, `ringTimes` set from the user's "ring five times"):
    one reminder alerting again, not a burst. A literal or constant count (`0 until 3`) stays a burst."""
    if loop.type not in LOOP_TYPES:
        return False
    head = text(loop).split("{", 1)[0]
    counter = re.search(r"\bfor\s*\(?\s*(?:int\s+|long\s+|var\s+|val\s+|let\s+)?(\w+)", head)
    bound = re.search(r"(?:\buntil\b|\.\.[.<]?|<=?)\s*([\w.]+)", head)
    args = argument_nodes(call)
    ids = text(args[0]) if args else ""
    if counter is None or bound is None or not ids or re.match(r"^\d", bound.group(1)) or CONSTANT_NAME.match(bound.group(1).rsplit(".", 1)[-1]):
        return False  # a count the app fixed
    return not re.search(rf"\b{re.escape(counter.group(1))}\b", ids)
