"""Notification permission asked at launch, for the `notification-spam` rule on mobile.

Reports a permission request (`POST_NOTIFICATIONS`, `requestAuthorization`, firebase_messaging
`requestPermission`, legacy `registerUserNotificationSettings`, flutter_local_notifications
`DarwinInitializationSettings(requestAlertPermission: true)` handed to `initialize()`, ...) that
runs when the app or a screen starts (notification_spam_mobile_lifecycle decides that), not from
a click, tap or toggle; and the app's own permission helper (its body in another file) called
from launch code. Not reported: an Android request made by a wrapper only shown after a tap, a
screen opened from a list row for one item, a Swift wrapper whose direct request is reported
already, a Dart request a shallower launch function made first.
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_mobile_openers import site_kind
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, function_name
from designlint.checks.polyglot import argument_label as _label, parameter_labels as _parameter_labels
from designlint.checks.util import FUNCTION_TYPES, ancestors, closing_bracket, text, walk
from designlint.checks.notification_spam_mobile_context import (
    CLASS_TYPES,
    LAUNCH_BLOCKS,
    block_owner,
    call_argument,
    call_at,
    calls_this_function,
    class_name,
    declared_name,
    definitions_of,
    enclosing_class,
    enclosing_named,
    file_text,
    in_user_action,
    same_file_callers,
    uncommented_code,
)
from designlint.checks.notification_spam_mobile_lifecycle import (
    DART_DIRECT_ASK,
    PERMISSION_HELPER,
    asked_before_in_function,
    calls_method_after,
    launch_context,
    runs_once,
)


def permission_helper_on_launch(ctx: CheckContext) -> Verdict | bool:
    """A helper from another file that asks for notification permission (named after
    notifications or push, or called on a notification object), run at launch."""
    call = call_at(ctx)
    if call is None or not PERMISSION_HELPER.match(call.name) or definitions_of(call.name, ctx):
        return False
    if ctx.language == "dart" and DART_REQUEST.match(call.name) and (_platform_plugin(call.receiver, ctx) or DART_PERMISSION_RECEIVER.search(call.receiver)):
        return False  # the plugin's own request, judged by dart-permission-on-launch
    if not re.search(r"(Notification|Push|Fcm|Messaging)", call.name + " " + call.receiver, re.I):
        return False
    if call.name.startswith("check") and not any(re.search(r"(?i)request_?code", text(a)) for a in argument_nodes(call)) and not _result_unused(ctx.node):
        return False  # a check whose answer is used, with no request code, only reads the permission
    where = launch_context(ctx.node, ctx)
    if where is None:
        return False
    return Verdict(message=f"notification permission is requested at launch ({call.name}() in {where}), before the user asked for anything that needs it")


def _result_unused(call: Node) -> bool:
    """The call is a statement of its own (`Utils.checkNotificationPermission(this);`): a check
    whose answer nobody reads must act, i.e. ask."""
    parent = call.parent
    return parent is not None and parent.type in ("expression_statement", "statements", "block", "function_body")


REQUEST_CALLS = re.compile(
    r"^(requestPermissions?|launch|launchPermissionRequest|launchMultiplePermissionRequest|request|withPermissions?|permissions?|"
    r"rememberPermissionState|rememberMultiplePermissionsState|askForPermissions?|requestRuntimePermissions?)$"
)
CHECK_CALLS = re.compile(r"^(checkSelfPermission|checkPermission|shouldShowRequestPermissionRationale|isGranted|hasPermissions?|areNotificationsEnabled|contains|equals|add|put)$")


INITIALIZERS = ("anonymous_initializer", "constructor_declaration", "secondary_constructor", "init_declaration")


def _android_request_sites(ref: Node, ctx: CheckContext) -> list[Node]:
    """Where the POST_NOTIFICATIONS reference is requested: the request call itself, the
    request calls a variable holding it is passed to, or a Compose state's launch call."""
    for anc in ancestors(ref):
        call = as_call(anc)
        if call is not None:
            if call.name in ("add", "addAll") and re.match(r"^\w+$", call.receiver):
                # `permissions.add(POST_NOTIFICATIONS)`, then `requestPermissions(this, permissions.toTypedArray(), 1)`
                scope = next((a for a in ancestors(anc) if a.type in FUNCTION_TYPES), None)
                if scope is not None and scope.type in INITIALIZERS:
                    scope = enclosing_class(scope)  # added in `init { }` to the class's list: requested by any method
                sites = _uses_of_name(call.receiver, ctx, r"^(requestPermissions?|launch|request)$", receiver=False)
                return [s for s in sites if scope is None or scope.start_byte <= s.start_byte < scope.end_byte]
            if CHECK_CALLS.match(call.name):
                return []
            if REQUEST_CALLS.match(call.name) and call.name not in ("rememberPermissionState", "rememberMultiplePermissionsState"):
                return [anc]
            if call.name in ("rememberPermissionState", "rememberMultiplePermissionsState"):
                decl = next((a for a in ancestors(anc) if a.type in ("property_declaration", "assignment")), None)
                return _uses_of_holder(decl, ctx, r"^(launchPermissionRequest|launchMultiplePermissionRequest)$", receiver=True) if decl else []
            if _wrapper_asks_on_show(call, ref, ctx) and not _shown_after_tap(anc):
                return [anc]  # `PermissionDialog(POST_NOTIFICATIONS)`: the app's composable asks as it shows
            continue
        if anc.type in ("property_declaration", "variable_declarator", "local_variable_declaration", "assignment", "assignment_expression"):
            return _uses_of_holder(anc, ctx, r"^(requestPermissions?|launch|request)$", receiver=False)
        if anc.type in FUNCTION_TYPES or anc.type in ("class_body", "statements", "block"):
            return []
    return []


# the request a Compose permission state or an activity-result launcher makes
PERMISSION_ASKS = re.compile(r"^(launchPermissionRequest|launchMultiplePermissionRequest|launch|requestPermissions?)$")


def _wrapper_asks_on_show(call: Call, ref: Node, ctx: CheckContext) -> bool:
    """Kotlin: the reference is an argument of the app's own function (`PermissionDialog(POST_NOTIFICATIONS)`,
    in this file or another of the project) whose parameter becomes a permission state or request
    (`rememberPermissionState(permission)`, `launcher.launch(permission)`) that it makes in a Compose
    effect (`SideEffect { state.launchPermissionRequest() }`, `LaunchedEffect(Unit) { ... }`), not from a
    button: showing it asks."""
    if ctx.language != "kotlin" or REQUEST_CALLS.match(call.name) or CHECK_CALLS.match(call.name) or project_index.too_common(call.name) or re.match(r"^(\w+Of|Intent|to[A-Z]\w*)$", call.name):
        return False  # not `arrayOf(...)`, `listOf(...)`: the standard library builds the list
    args = argument_nodes(call)
    position = next((i for i, a in enumerate(args) if a.start_byte <= ref.start_byte < a.end_byte), None)
    if position is None:
        return False
    label = _label(args[position])[0]
    definitions = list(definitions_of(call.name, ctx))
    if not definitions:
        index = project_index.for_context(ctx)
        for path in dict.fromkeys(d.path for d in index.definitions(call.name)):
            source = index.source(path)
            definitions += [n for region in (source.regions if source is not None else []) for n in walk(region.root) if n.type in FUNCTION_TYPES and function_name(n) == call.name]
    for fn in definitions:
        params = _parameter_labels(fn)
        names = next((n for n in params if label in n), None) if label else (params[position] if position < len(params) else None)
        if not names:
            continue
        param = min(names)
        holders = {param} | {m.group(1) for m in re.finditer(rf"\b(?:val|var)\s+(\w+)\s*(?::[^=\n]+)?=\s*remember\w*Permissions?State\(\s*(?:listOf\(\s*)?{re.escape(param)}\b", uncommented_code(fn))}
        for ask in calls(fn):
            if not PERMISSION_ASKS.match(ask.name) or not ({ask.receiver.rsplit(".", 1)[-1]} | {text(a).strip() for a in argument_nodes(ask)}) & holders:
                continue
            lambdas = [a for a in ancestors(ask.node) if a.type in FUNCTION_TYPES and a.start_byte > fn.start_byte]
            owner = block_owner(lambdas[0])[0] if lambdas else ""
            if lambdas and LAUNCH_BLOCKS.match(owner) and (owner != "LaunchedEffect" or runs_once(lambdas[0])) and not in_user_action(ask.node):
                return True
    return False


def _shown_after_tap(node: Node) -> bool:
    """Compose: the call sits in a branch on a state the same function sets only in a click or
    toggle handler (`var ask by remember { mutableStateOf(false) }`, `Button(onClick = { ask = true })`,
    `if (ask) PermissionDialog(...)`): it is shown once the person asked."""
    fn = enclosing_named(node)
    if fn is None:
        return False
    for anc in ancestors(node):
        if anc.id == fn.id:
            return False
        if anc.type not in ("if_expression", "when_expression"):
            continue
        condition = text(anc).split("{", 1)[0]
        for flag in set(re.findall(r"(?<![\w.])([a-z]\w*)\b(?!\s*[.(])", condition)) - {"if", "when", "true", "false", "null"}:
            writes = [n for n in walk(fn) if n.type == "assignment" and n.named_child_count and text(n.named_children[0]).strip() == flag]
            if writes and all(in_user_action(w) for w in writes):
                return True
    return False


def _uses_of_holder(decl: Node, ctx: CheckContext, call_names: str, receiver: bool) -> list[Node]:
    """Calls named `call_names` on (receiver=True) or with (receiver=False) the declared variable."""
    return _uses_of_name(declared_name(decl), ctx, call_names, receiver)


def _uses_of_name(name: str, ctx: CheckContext, call_names: str, receiver: bool) -> list[Node]:
    if not re.match(r"^\w+$", name):
        return []
    sites = []
    for call in calls(ctx.root):
        if not re.match(call_names, call.name):
            continue
        if receiver and re.search(rf"(^|\.){re.escape(name)}$", call.receiver):
            sites.append(call.node)
        elif not receiver and any(re.search(rf"\b{re.escape(name)}\b", text(a)) for a in argument_nodes(call)):
            sites.append(call.node)
    return sites


def android_permission_on_launch(ctx: CheckContext) -> Verdict | bool:
    for site in _android_request_sites(ctx.node, ctx):
        where = launch_context(site, ctx)
        if where is not None and not _screen_opened_from_row(site, ctx):
            return Verdict(message=f"the notification permission (POST_NOTIFICATIONS) is requested as soon as the screen starts ({where}), before the user asked for anything that needs it")
    return False


ITEM_HANDED_OVER = re.compile(r"\b(intent|getIntent\(\))\s*\??\.\s*(get\w*Extra|extras)\b|\bnavArgs\s*<|\b(arguments|requireArguments\(\))\s*\??\.\s*get\w+\(")
ROW_OPENER = re.compile(r"(Adapter|ViewHolder|Holder)$")


def _screen_opened_from_row(node: Node, ctx: CheckContext) -> bool:
    """A screen about one item (it reads the item from its Intent extras or arguments) that every
    opener elsewhere in the project starts from a tap in a list row (`startActivity(Intent(ctx,
    TimerActivity::class.java))` in a `setOnClickListener` of an Adapter/ViewHolder): a prompt
    there answers that tap, it does not greet the app's start."""
    cls = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = class_name(cls) if cls is not None else ""
    index = project_index.whole_project(ctx) if name and not project_index.too_common(name) else None
    if index is None or not ITEM_HANDED_OVER.search(text(cls)):
        return False
    here = str(Path(ctx.path).resolve())
    opens = re.compile(rf"\b{re.escape(name)}\s*(::class|\.class)\b")
    openers = [s for s in [*index.calls(name), *index.references(name)] if s.path != here and opens.search(s.snippet) and not project_index.NOT_A_RUN_PATH.search(s.shown)]
    return bool(openers) and all(ROW_OPENER.search(s.owner) and site_kind(s, index) == "user" for s in openers)


IOS_PERMISSION_RECEIVER = re.compile(r"(UNUserNotificationCenter|[Nn]otification|center|Center|OneSignal)")


def swift_permission_on_launch(ctx: CheckContext) -> Verdict | bool:
    call = call_at(ctx)
    receiver = (_initialiser(call.receiver, ctx.node) or call.receiver) if call is not None else ""  # what it holds, not its name
    if call is None or not (call.name == "registerUserNotificationSettings" or IOS_PERMISSION_RECEIVER.search(receiver)):
        return False
    options = text(call_argument(call, "options"))
    if re.search(r"\.provisional\b", options):
        return False  # provisional authorization delivers quietly and shows no prompt
    where = launch_context(ctx.node, ctx)
    if where is None or _wrapper_of_direct_request(ctx.node, ctx, SWIFT_DIRECT_REQUEST) or _reported_at_wrapper_calls(ctx):
        return False
    message = f"notification permission is requested at launch ({call.name} in {where}), before the user asked for anything that needs it"
    hook = _launch_call_of_wrapper(where, ctx)
    if hook is not None:  # the same prompt as the launch hook's call of this wrapper: a related site of that finding
        return Verdict(message=message, fold_key=_ask_key(hook.path, hook.line), fold_site=True)
    return Verdict(message=message, fold_key=_ask_key(str(Path(ctx.path).resolve()), ctx.node.start_point[0] + 1))


def _ask_key(path: str, line: int) -> str:
    return f"swift-permission-ask:{path}:{line}"


def _launch_call_of_wrapper(where: str, ctx: CheckContext) -> project_index.Site | None:
    """The launch hook the trace starts at (`onAppear in App.swift:19 via NotificationManager.shared
    via requestAuthorization()`) calls the function holding this request on a notification receiver
    (`NotificationManager.shared.requestAuthorization()`): that call is reported at the hook, and
    the request here (reached through the singleton's `init` or the call itself) is the same one
    prompt."""
    fn = enclosing_named(ctx.node)
    name = function_name(fn) if fn is not None else ""
    if not name:
        return None
    start = where.split(" via ")[0]
    return next((s for s in project_index.for_context(ctx).calls(name) if IOS_PERMISSION_RECEIVER.search(s.receiver) and start.endswith(f" in {s.where()}")), None)


SWIFT_ASK_NAME = re.compile(r"^(requestAuthorization|requestPermission|promptForPushNotifications|registerUserNotificationSettings)$")


def _reported_at_wrapper_calls(ctx: CheckContext) -> bool:
    """The request sits in the app's own wrapper named like the request itself
    (`NotificationManager.instance.requestPermission()`), and every call of the wrapper is on a
    notification receiver, so the rule reports those calls: one finding, at the launch call."""
    fn = enclosing_named(ctx.node)
    name = function_name(fn) if fn is not None else ""
    if not SWIFT_ASK_NAME.match(name):
        return False
    here = str(Path(ctx.path).resolve())
    first, last = fn.start_point[0] + 1, fn.end_point[0] + 1
    sites = [s for s in project_index.for_context(ctx).calls(name) if not (s.path == here and first <= s.line <= last)]
    return bool(sites) and all(IOS_PERMISSION_RECEIVER.search(s.receiver) for s in sites)


SWIFT_DIRECT_REQUEST = re.compile(r"\.(requestAuthorization|registerUserNotificationSettings)\s*\(")


def _initialiser(receiver: str, node: Node) -> str:
    """What a local variable receiver is set to in the function around `node`
    (`let current = UNUserNotificationCenter.current()`), or "": the receiver is known by what it
    holds, not by its name."""
    fn = enclosing_named(node)
    if fn is None or not re.fullmatch(r"\w+", receiver):
        return ""
    m = re.search(rf"\b(let|var)\s+{re.escape(receiver)}\s*(:\s*[\w.?!]+\s*)?=\s*([^\n;]+)", text(fn)[: node.start_byte - fn.start_byte])
    return m.group(3) if m else ""


def _wrapper_of_direct_request(node: Node, ctx: CheckContext, direct: re.Pattern) -> bool:
    """The request sits in a method (`NotificationDelegate.shared.configure()`) that this file never
    calls and that other files call only right after asking themselves (the App's `init()` asks,
    then configures the delegate, which asks again): one launch prompt, reported at the first ask."""
    fn = enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if not name or same_file_callers(name, fn, ctx):
        return False
    owner = class_name(enclosing_class(fn)).lstrip("_")
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    sites = [s for s in index.calls(name) if s.path != here and calls_this_function(s, owner, index)]
    return bool(sites) and all(asked_before_in_function(s, index, direct) for s in sites)


DART_PERMISSION_RECEIVER = re.compile(r"(FirebaseMessaging|[Mm]essaging|Notifications?Plugin|LocalNotifications|OneSignal|AwesomeNotifications|Permission\.notification|[Nn]otification)")


def dart_permission_on_launch(ctx: CheckContext) -> Verdict | bool:
    call = call_at(ctx)
    if call is None:
        return False
    # `PermissionUtil.request([Permission.camera, Permission.notification])`: the app's helper handed the list
    in_list = call.name == "request" and any(re.search(r"\bPermission\.notification\b", text(a)) for a in argument_nodes(call))
    if not (in_list or DART_PERMISSION_RECEIVER.search(call.receiver) or _platform_plugin(call.receiver, ctx)):
        return False
    if call.name == "request" and "Permission.notification" not in call.receiver and not in_list:
        return False
    fn = enclosing_named(ctx.node)
    if fn is not None and _earlier_request(ctx.node, fn):
        return False  # the Android and iOS branches of one request: reported once, at the first
    where = launch_context(ctx.node, ctx)
    if where is None or (fn is not None and _request_reported_at_call(fn, where)):
        return False
    if _shallower_request(ctx, where) or (fn is not None and _asked_earlier_at_launch(fn, ctx)):
        return False  # a second ask of the same start-up: one prompt, reported at the first
    return Verdict(message=f"notification permission is requested when the app starts ({call.name} in {where}), before the user asked for anything that needs it")


def _dart_request(call: Call, ctx: CheckContext) -> bool:
    """A notification permission request of a plugin (`FirebaseMessaging.instance.requestPermission()`,
    `android?.requestNotificationsPermission()`)."""
    return bool(DART_REQUEST.match(call.name)) and call.name != "request" and bool(DART_PERMISSION_RECEIVER.search(call.receiver) or _platform_plugin(call.receiver, ctx))


def _shallower_request(ctx: CheckContext, where: str) -> bool:
    """Another request of this file runs earlier in the same launch chain: `init()` asks, then
    calls `_initLocalNotifications()`, which asks again ("main via init()" is where the first runs,
    "main via init() via _initLocalNotifications()" the second)."""
    return any(
        c.node.id != ctx.node.id and _dart_request(c, ctx) and (w := launch_context(c.node, ctx)) is not None and where.startswith(f"{w} via ")
        for c in calls(ctx.root)
    )


def _asked_earlier_at_launch(fn: Node, ctx: CheckContext) -> bool:
    """This file's service is set up at launch in another file (`await LocalNotifications.instance.init()`
    in `main()`) after another service whose method already asks (`await PushService.instance.init()` a
    line before): a second service asking at the same start-up adds no prompt of its own."""
    name = function_name(fn)
    owner = class_name(enclosing_class(fn)).lstrip("_")
    if not name or not owner:
        return False
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    for site in index.calls(owner) + index.references(owner):
        if site.path == here or project_index.classify(site) != "load" or not calls_method_after(site, owner, name):
            continue
        source = index.source(site.path)
        spot = source.regions[0].root.descendant_for_byte_range(site.byte, site.byte) if source is not None and source.regions else None
        holder = enclosing_named(spot) if spot is not None else None
        if holder is None:
            continue
        for call in calls(holder):
            if call.node.start_byte >= site.byte or owner.lower() in call.receiver.lower():
                continue
            asks = [d for d in index.definitions(call.name) if d.owner and d.owner.lstrip("_").lower() in call.receiver.lower() and DART_DIRECT_ASK.search(d.text)]
            if asks:
                return True
    return False


def dart_settings_permission_on_launch(ctx: CheckContext) -> Verdict | bool:
    """flutter_local_notifications `IOSInitializationSettings(requestAlertPermission: true)` /
    `DarwinInitializationSettings(...)` handed to `initialize()` at launch: the plugin shows the iOS
    prompt as it initializes."""
    name = ctx.capture("fn")
    following = name.next_named_sibling if name is not None else None
    arguments = text(following if following is not None and following.type == "selector" else ctx.node)
    asks = _settings_ask(arguments) if name is not None else None
    if asks is None:
        return False
    fn = enclosing_named(ctx.node)
    if fn is None or not re.search(r"\.initialize\s*\(", uncommented_code(fn)) or _other_settings_request(ctx.node, fn, ctx):
        return False
    where = launch_context(ctx.node, ctx)
    if where is None or _asked_earlier_at_launch(fn, ctx):
        return False
    return Verdict(message=f"notification permission is requested when the app starts ({text(name)} with {asks}, initialized in {where}), before the user asked for anything that needs it")


SETTINGS_ASKS = ("requestAlertPermission", "requestSoundPermission", "requestBadgePermission")


def _settings_ask(arguments: str) -> str | None:
    """What makes iOS settings ask (`requestAlertPermission: true`), or None. The plugin's defaults for the
    three are true: a permission the arguments leave out is asked for too (`DarwinInitializationSettings()`);
    only all three set (to false, or to a value worked out elsewhere) keep it quiet."""
    explicit = re.search(r"request(Alert|Sound|Badge)Permission\s*:\s*true\b", arguments)
    if explicit:
        return f"{explicit.group(0).split(':')[0].strip()}: true"
    missing = [a for a in SETTINGS_ASKS if not re.search(rf"\b{a}\s*:", arguments)]
    if len(missing) == len(SETTINGS_ASKS):
        return "the plugin's defaults (it asks for alert, badge and sound unless told not to)"
    if missing:
        return f"{missing[0]} left to the plugin's default, true"
    return None


def _other_settings_request(node: Node, fn: Node, ctx: CheckContext) -> bool:
    """The service also asks in another way: an earlier settings object of the function that asks
    (iOS, then macOS), or a request call of the file that also runs at launch (reported by
    dart-permission-on-launch): one prompt, one finding."""
    earlier = text(fn)[: max(0, node.start_byte - fn.start_byte)]
    earlier_settings = [earlier[m.end() - 1: (closing_bracket(earlier, m.end() - 1, "()") or len(earlier)) + 1]
                        for m in re.finditer(r"\b(IOSInitializationSettings|DarwinInitializationSettings)\s*\(", earlier)]
    return any(_settings_ask(a) for a in earlier_settings) or any(
        DART_REQUEST.match(c.name) and c.name != "request" and (DART_PERMISSION_RECEIVER.search(c.receiver) or _platform_plugin(c.receiver, ctx)) and launch_context(c.node, ctx) is not None
        for c in calls(ctx.root)
    )


DART_REQUEST = re.compile(r"^(requestPermission|requestPermissions|requestNotificationsPermission|requestNotificationPermissions|request|requestPermissionToSendNotifications)$")


def _earlier_request(node: Node, fn: Node) -> bool:
    """Another permission request of the same function comes first (`android?.requestNotificationsPermission()`
    then `ios?.requestPermissions(...)`): one request of the app, not one per platform."""
    return any(
        c.node.start_byte < node.start_byte and DART_REQUEST.match(c.name) and (DART_PERMISSION_RECEIVER.search(c.receiver) or re.match(r"^\w+\??$", c.receiver))
        for c in calls(fn)
    )


def _request_reported_at_call(fn: Node, where: str) -> bool:
    """The wrapper holding the request is itself named like a request on a notification service
    (`NotificationService().requestPermission()` in `initState` of another file): this pattern reports
    that call, so the wrapper is not reported again ("initState via _init() and requestPermissions()")."""
    name = function_name(fn)
    owner = class_name(enclosing_class(fn)).lstrip("_")
    reached = bool(re.search(rf"\b(via|and) {re.escape(name)}\(\)$", where))  # the last step of the chain, however long
    return reached and bool(DART_REQUEST.match(name)) and bool(DART_PERMISSION_RECEIVER.search(owner))


def _platform_plugin(receiver: str, ctx: CheckContext) -> bool:
    """A variable holding flutter_local_notifications' platform plugin:
    `final android = plugin.resolvePlatformSpecificImplementation<...>();` then `android?.requestPermission()`."""
    name = receiver.rstrip("?!").rsplit(".", 1)[-1]
    if not re.match(r"^\w+$", name):
        return False
    src = file_text(ctx)
    return bool(
        re.search(rf"\b{re.escape(name)}\s*=\s*[\w.?!\s]*resolvePlatformSpecificImplementation\b", src)
        or re.search(rf"\b(Android|IOS|MacOS|Darwin)FlutterLocalNotificationsPlugin\??\s+{re.escape(name)}\b", src)
    )
