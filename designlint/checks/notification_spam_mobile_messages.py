"""What mobile notifications are for and what they say, for the `notification-spam` rule.

* a push topic subscription names a marketing topic and is not behind a user's choice;
* an FCM `onMessageReceived` builds marketing notifications;
* a string literal with re-engagement copy ("we miss you", "don't lose your streak") is
  notification copy, and so is an Android string resource shown there (`getString(R.string.x)`),
  read as its default-locale text (checks/android_strings.py).

Not reported: copy sent on behalf of another person ("$name misses you"), a snoozed reminder
coming back, settings-screen labels, copy in the handler of the person's answer to a notification,
and copy the user asked for.

The re-engagement phrases and the quiet-hours test are the web module's (notification_spam).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict, android_strings
from designlint.checks.notification_spam import NOTIF_CONTEXT, _copy_phrase, _quiet_note
from designlint.checks.polyglot import as_call, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, unquote, walk
from designlint.checks.notification_spam_mobile_context import (
    CLASS_TYPES,
    CONDITIONS,
    SETTINGS_CLASS,
    after_switch_guard,
    behind_user_switch,
    call_argument,
    call_at,
    class_name,
    declared_name,
    enclosing_named,
    in_user_action,
    never_called,
    run_by_user_elsewhere,
    same_file_callers,
)
from designlint.checks.notification_spam_mobile_schedule import POSTS_NOTIFICATION


def _literal_text(node: Node | None) -> str:
    return unquote(text(node)) if node is not None else ""


MARKETING_TOPIC = re.compile(r"(promo|marketing|news|offer|deal|sale|discount|campaign|newsletter|announce|engag|retention|advert|coupon|tips)", re.I)
OPT_IN_CONDITION = re.compile(r"(pref|setting|enabled|optIn|opt_in|opted|consent|allow|wants|isChecked|checked|toggle|switch|accept|subscribed|isOn\b|value\b)", re.I)


def push_topic_subscription(ctx: CheckContext) -> Verdict | bool:
    call = call_at(ctx)
    if call is None:
        return False
    topic_node = call_argument(call, "toTopic", 0)
    topic = _literal_text(topic_node)
    if topic_node is None or not MARKETING_TOPIC.search(topic) or not re.match(r"^[\w\-.~%/$]+$", topic):
        return False
    if in_user_action(ctx.node) or _behind_opt_in(ctx.node):
        return False
    return Verdict(message=f"every install is subscribed to the \"{topic}\" push topic by default ({call.name}), without the user opting in to promotional pushes")


def _behind_opt_in(node: Node) -> bool:
    """Inside a branch on the user's setting, or in a function that also unsubscribes (a toggle)."""
    for anc in ancestors(node):
        if anc.type in CONDITIONS:
            condition = anc.child_by_field_name("condition") or (anc.named_children[0] if anc.named_child_count else None)
            if OPT_IN_CONDITION.search(text(condition)):
                return True
        if anc.type in FUNCTION_TYPES and function_name(anc):
            params = anc.child_by_field_name("parameters")
            if re.search(r"unsubscribe", text(anc)) or (params is not None and re.search(r"\b(Boolean|boolean|Bool|bool)\b", text(params))):
                return True
            return False
    return False


MARKETING_WORDS = re.compile(r"(promo|marketing|campaign|offer|discount|\bsale\b|coupon|deal|advert|upsell|\bad_|re-?engag|winback|win_back|comeback)", re.I)
def fcm_marketing_message(ctx: CheckContext) -> Verdict | bool:
    """onMessageReceived that builds notifications for promotion / campaign payloads."""
    fn = ctx.node.parent
    if fn is None:
        return False
    body = text(fn)
    strings = " ".join(_literal_text(n) for n in walk(fn) if n.type == "string_literal")
    marketing = MARKETING_WORDS.search(strings) or re.search(r"\b(is|show|handle)?(Promo\w*|Marketing\w*|Campaign\w*|Offer\w*)\b", body)
    if marketing is None or not POSTS_NOTIFICATION.search(body):
        return False
    return Verdict(message=f"incoming FCM messages are turned into marketing notifications (onMessageReceived handles \"{marketing.group(0)}\")", note=_quiet_note(ctx))


NOTIFICATION_APIS = re.compile(
    r"^(setContentTitle|setContentText|setSubText|setTicker|bigText|setBigContentTitle|setSummaryText|"
    r"show|zonedSchedule|periodicallyShow|periodicallyShowWithDuration|showDailyAtTime|showWeeklyAtDayAndTime|schedule|"
    r"createNotification|NotificationContent|UNMutableNotificationContent|NotificationCompat|localNotification|"
    r"(show|send|post|schedule|build|create|display|push|fire)\w*(Notification|Reminder|Nudge|Push)\w*)$"
)
NOTIFICATION_FIELDS = re.compile(r"(^|\.)(title|body|subtitle|alertBody|alertTitle|contentTitle|contentText)$")


# Streak-loss threats in a notification's own title or body ("Don't lose your 5-day streak!"): the
# notification exists to bring the user back before the day ends.
STREAK_LURE = re.compile(
    r"(\b(don['’]?t|do not|never) (lose|break|miss|end|forget) (your|the)\b[^.!?]{0,20}\bstreak\b|\b(lose|losing|break|breaking|save|protect) your\b[^.!?]{0,20}\bstreak\b|"
    r"\bkeep (your|the)\b[^.!?]{0,20}\bstreak alive\b|\bstreak (is )?(at risk|in danger|about to (end|break|reset)|ends (today|tonight|soon)|will (end|reset|break))\b)",
    re.I,
)


# "$name misses you": a message on behalf of another person (a partner's ping), not the app's lure
FROM_SOMEONE = re.compile(r"(\$\{?\w+(\.\w+)*\}?|\\\(\w+(\.\w+)*\)|%s|%@|\{\w+\})\s+(misses|missed|is waiting for|wants)\s+you", re.I)


# a snoozed reminder or banner coming back ("When should it come back?"), not the user
THING_COMES_BACK = re.compile(r"(?i)\b((should|will|would|can|does|did|when)\s+(it|this|that|they)|(it|this|that|they)\s+(will|should|would|can|may))\s+come\s+back\b")


def reengagement_copy(ctx: CheckContext) -> Verdict | bool:
    return _reengagement_verdict(ctx, _literal_text(ctx.node))


def reengagement_resource(ctx: CheckContext) -> Verdict | bool:
    """`getString(R.string.lives_full_body)` in notification code, judged by the text the string
    resource holds in the default locale (res/values/strings.xml): the same words as a literal."""
    found = android_strings.resource_text(ctx, ctx.node)
    if found is None:
        return False
    name, value = found
    verdict = _reengagement_verdict(ctx, value, f"R.string.{name}")
    if isinstance(verdict, Verdict):
        verdict.fold_key = f"R.string.{name}"  # one message shown from several places: one finding
    return verdict


def _reengagement_verdict(ctx: CheckContext, value: str, resource: str = "") -> Verdict | bool:
    if FROM_SOMEONE.search(value) or THING_COMES_BACK.search(value) or _in_settings_text(ctx.node):
        return False
    streak = STREAK_LURE.search(value)
    phrase = _copy_phrase(value) or (streak.group(0) if streak else None)
    if phrase is None or not _notification_copy(ctx.node):
        return False
    if never_called(ctx.node, ctx) or project_index.in_unused_class(ctx.node, ctx):
        return False  # copy of a function or class nothing runs
    if _asked_for(ctx.node, ctx):
        return False  # a reminder the person switched on, or one they snoozed: their request, not a lure
    where = f", {resource}" if resource else ""
    return Verdict(message=f"notification copy pulls people back with a re-engagement line (\"{phrase}\"{where}) instead of telling them something new")


def _asked_for(node: Node, ctx: CheckContext, depth: int = 0) -> bool:
    """Every path that sends the copy runs at the person's request: in a tap or toggle handler,
    in the handler of their answer to a notification (Snooze on a `UNNotificationResponse`), or
    after their own switch that is off until they turn it on (`guard defaults.bool(forKey:
    "planReminderOn")`), in the function holding the copy or in the same-file callers that send
    it (three calls up). The wording of a reminder they asked for does not make it a lure; a
    switch that is on by default, or one sender that runs at launch, leaves it the app's."""
    if in_user_action(node) or _in_notification_response(node) or behind_user_switch(node):
        return True
    fn = enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if not name:
        return False
    if after_switch_guard(node, fn):
        return True
    callers = same_file_callers(name, fn, ctx) if depth < 3 else []
    if callers:
        return all(_asked_for(c, ctx, depth + 1) for c in callers)
    return depth > 0 and run_by_user_elsewhere(fn, name, ctx)


# the system's handler of the person's answer to a notification (a tapped action such as Snooze):
# iOS `userNotificationCenter(_:didReceive response:withCompletionHandler:)`, flutter_local_notifications
# `onDidReceiveNotificationResponse`, awesome_notifications `onActionReceivedMethod`
NOTIFICATION_RESPONSE = re.compile(r"(\bdidReceive\s+\w+\s*:\s*UNNotificationResponse\b|^\s*(static\s+)?(Future<void>\s+|void\s+)?(onDidReceive\w*NotificationResponse|onActionReceived\w*)\s*\()")


def _in_notification_response(node: Node) -> bool:
    """`node` runs in the handler of the person's answer to a notification."""
    fn = enclosing_named(node)
    return fn is not None and bool(NOTIFICATION_RESPONSE.search(text(fn).split("{", 1)[0]))


def _in_settings_text(node: Node) -> bool:
    """A label of the notification settings screen (`notificationSettingsStrings`, a `SettingsView`)."""
    for anc in ancestors(node):
        if anc.type in ("property_declaration", "variable_declarator", "field_declaration", "static_final_declaration", "initialized_variable_definition", "initialized_identifier") and SETTINGS_CLASS.search(declared_name(anc)):
            return True
        if anc.type in CLASS_TYPES and SETTINGS_CLASS.search(class_name(anc)):
            return True
    return False


def _notification_copy(node: Node) -> bool:
    """The string is a notification's title/body, or sits in notification code."""
    for anc in ancestors(node):
        call = as_call(anc)
        if call is not None and NOTIFICATION_APIS.match(call.name):
            return True
        if call is not None and call.name in ("Text", "Toast", "makeText", "Snackbar", "make", "print", "println", "Log", "d", "e", "i", "w", "debugPrint", "NSLocalizedString", "setText", "alert"):
            return call.name == "NSLocalizedString" and _notification_copy(anc)
        if anc.type in ("assignment", "assignment_expression", "directly_assignable_expression"):
            target = anc.child_by_field_name("target") or anc.child_by_field_name("left") or (anc.named_children[0] if anc.named_child_count else None)
            if target is not None and NOTIFICATION_FIELDS.search(text(target).strip()) and re.search(r"(content|notification|notif|alert|push)", text(target), re.I):
                return True
        if anc.type in ("property_declaration", "variable_declarator", "field_declaration", "static_final_declaration", "initialized_variable_definition"):
            if NOTIF_CONTEXT.search(declared_name(anc)):
                return True
        if anc.type in FUNCTION_TYPES and function_name(anc):
            return _names_notification(function_name(anc), string_key=_string_getter(anc, node))
        if anc.type in CLASS_TYPES:
            return bool(NOTIF_CONTEXT.search(class_name(anc)))
    return False


def _names_notification(name: str, string_key: bool = False) -> bool:
    """The name says notification (NOTIF_CONTEXT). The key of a localized string says so by
    notification/push/reminder words; "nudge" alone there names an in-app hint as often as a push
    (`String get streakFadingNudge3 => 'Time to get back on track';`, an in-app banner)."""
    words = [m.group(0).lower() for m in NOTIF_CONTEXT.finditer(name)]
    return any(w != "nudge" for w in words) if string_key else bool(words)


def _string_getter(fn: Node, node: Node) -> bool:
    """`fn` is a Dart getter whose whole body is the string `node`: one key of a string table
    (a generated `AppLocalizations` class)."""
    signature = fn.prev_named_sibling if fn.type == "function_body" else None
    return node.parent is not None and node.parent.id == fn.id and signature is not None and any(n.type == "getter_signature" for n in walk(signature))
