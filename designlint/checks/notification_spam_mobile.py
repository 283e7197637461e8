"""Mobile checks for the `notification-spam` rule (Kotlin, Java, Swift, Dart).

The queries in rules/notification-spam/mobile.yaml find the notification mechanisms of Android,
iOS and Flutter apps; the checks here decide whether one pulls people back:

* a permission request (`POST_NOTIFICATIONS`, `requestAuthorization`, firebase_messaging
  `requestPermission`, legacy `registerUserNotificationSettings`, flutter_local_notifications
  `DarwinInitializationSettings(requestAlertPermission: true)` handed to `initialize()`, ...) runs when the app or a screen starts (`onCreate`, `LaunchedEffect`,
  `application(_:didFinishLaunchingWithOptions:)`, `.onAppear`, Dart `main`/`initState`),
  directly or through functions of the same file, not from a click, tap or toggle; or a
  service's method that another file of the project calls at launch (the project index:
  `await NotificationService.instance.init()` in `main()`), or the function holding the request,
  of any name, when other files run it from launch code and never from a button;
* a repeating local notification (AlarmManager `setRepeating`, `PeriodicWorkRequest`,
  `UNCalendarNotificationTrigger(repeats: true)`, `periodicallyShow`, `zonedSchedule` with
  `matchDateTimeComponents`, awesome_notifications `NotificationCalendar`/`NotificationInterval`
  with `repeats: true`, an exact alarm or delayed work for the next occurrence of a fixed hour)
  or a batch of them scheduled in a counting loop fires at a time the app fixed (a literal
  hour, a constant, "now"), not one the user picked;
* a one-off notification is scheduled for a fixed delay when the user leaves the app (Swift
  `applicationDidEnterBackground` / `.background` scene phase, Dart `AppLifecycleState.paused`);
* a BroadcastReceiver posts a notification and sets its own alarm again a fixed time later;
* a class or function named after retention, inactivity or win-back schedules or posts a
  notification;
* the app's own scheduling helper is called with a literal hour (`scheduleDailyNotification(ctx,
  9, 0)`) or, for a `schedule…Notification` helper, a time computed as now plus a fixed delay;
* `notify()` runs from a timer loop or a counting loop (not a progress update), and a Dart
  `Timer.periodic` callback shows a notification (not one that polls a server);
* a push topic subscription names a marketing topic and is not behind a user's choice;
* an FCM `onMessageReceived` builds marketing notifications;
* a string literal with re-engagement copy ("we miss you", "don't lose your streak") is
  notification copy, and so is an Android string resource shown there (`getString(R.string.x)`),
  read as its default-locale text (checks/android_strings.py); a worker's come-back copy is read
  through its string resources too.

Not reported: prompts after an early return on the user's own switch, prompts in handlers that
launch code registers for a later event (a NotificationCenter observer of a settings change, a
preference listener, a Dart stream subscription), a Swift start-up method whose callers asked just
before calling it, start-up methods of services no other file names, alarms that poll a mail or feed server or fire at one of the user's own items' time,
schedules in button handlers (`@IBAction`, an XML `onClick(View)` method, `onPressed: fn`), schedules in
functions nothing calls, periodic workers that post nothing, a helper's default hour that every call
overrides (judged at the calls), a service's `start(item:)` action, copy
sent on behalf of another person ("$name misses you") and settings-screen labels.

The re-engagement phrases and the quiet-hours test are the web module's (notification_spam).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict, android_strings
from designlint.checks.android_prefs import list_preference_on_by_default
from designlint.checks.notification_spam import NOTIF_CONTEXT, _copy_phrase, _quiet_note
from designlint.checks.autoplay_mobile_openers import site_kind
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, function_name, functions_by_name
from designlint.checks.polyglot import argument_label as _label, parameter_labels as _parameter_labels, parameter_text as _parameter_text
from designlint.checks.util import FUNCTION_TYPES, ancestors, closing_bracket, text, unquote, walk

# --------------------------------------------------------------------------------------------
# calls, whatever the grammar


def _call_at(ctx: CheckContext) -> Call | None:
    """The call a pattern matched. Dart patterns capture the callee name as @fn and the
    expression holding the call as @match; the call is the argument part after @fn."""
    if ctx.language != "dart":
        return as_call(ctx.node)
    fn = ctx.capture("fn")
    if fn is None or fn.parent is None:
        return None
    holder = fn.parent.parent if fn.parent.type.endswith("assignable_selector") else fn  # `a.f(...)` or `f(...)`
    following = holder.next_named_sibling if holder is not None else None
    if following is None or following.type != "selector":
        return None
    part = next((c for c in following.named_children if c.type == "argument_part"), None)
    return as_call(part) if part is not None else None


def _argument(call: Call, label: str | None = None, index: int | None = None) -> Node | None:
    """A call argument by label (`repeats:` in Swift and Dart, `name =` in Kotlin) or position."""
    positional = []
    for arg in argument_nodes(call):
        name, value = _label(arg)
        if name is None:
            positional.append(value)
        elif name == label:
            return value
    if index is not None and index < len(positional):
        return positional[index]
    return None


def _literal_text(node: Node | None) -> str:
    return unquote(text(node)) if node is not None else ""


# --------------------------------------------------------------------------------------------
# where code runs: at launch, or after a user action

LAUNCH_FUNCTIONS = re.compile(
    r"^(onCreate|onStart|onResume|onPostCreate|onCreateView|onViewCreated|onActivityCreated|onPostResume|"  # Android
    r"viewDidLoad|viewWillAppear|viewDidAppear|sceneDidBecomeActive|applicationDidFinishLaunching|"  # iOS
    r"main|initState|didChangeDependencies)$"  # Flutter
)
# Compose effects and SwiftUI modifiers that run when a screen appears.
LAUNCH_BLOCKS = re.compile(r"^(LaunchedEffect|SideEffect|DisposableEffect|onAppear|task|addPostFrameCallback)$")
USER_ACTION_CALLS = re.compile(
    r"^(setOn\w*(Click|Checked|Change|Touch|Preference)\w*Listener|addOnCheckedChangeListener|setPositiveButton|setNeutralButton|"
    r"clickable|combinedClickable|toggleable|selectable|onClick|onTapGesture|onLongPressGesture|onChange|onSubmit|onReceive|"
    r"Button|IconButton|TextButton|OutlinedButton|ElevatedButton|FilledButton|FloatingActionButton|Switch|Toggle|Checkbox|"
    r"SwitchListTile|CheckboxListTile|ListTile|InkWell|GestureDetector|addTarget|registerForActivityResult|setOnMenuItemClickListener|"
    r"alert|confirmationDialog|sheet|(positive|negative|neutral)Button|setNegativeButton|setOnCancelListener|setOnDismissListener)$"
)
USER_ACTION_LABELS = re.compile(r"(^on\w*(Click|Press|Tap|Change|Toggle|Confirm|Submit|Select|Check)|On(Press|Tap|Click|Confirm)|^action$|Button$)")
# A branch on a reminder or alarm the user already set up: the prompt serves their own feature.
USER_FEATURE_CONDITION = re.compile(r"(reminder|Reminder|alarm|Alarm)")
SETTINGS_CLASS = re.compile(r"(Setting|Preference|Prefs)", re.I)
CLASS_TYPES = ("class_declaration", "class_definition", "object_declaration", "struct_declaration", "extension_declaration")


def _enclosing_class(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)


def _class_name(cls: Node | None) -> str:
    if cls is None:
        return ""
    name = cls.child_by_field_name("name") or next((c for c in cls.named_children if c.type in ("type_identifier", "identifier", "simple_identifier")), None)
    return text(name)


def _block_owner(fn: Node) -> tuple[str, str | None]:
    """(call name, argument label) a lambda is handed to, or ("", None)."""
    label = None
    for anc in ancestors(fn):
        if anc.type in ("named_argument", "value_argument"):
            name, _ = _label(anc)
            label = label or name
            continue
        if anc.type in ("value_arguments", "call_suffix", "annotated_lambda", "argument_list", "arguments", "argument", "argument_part", "lambda_literal"):
            continue
        call = as_call(anc) if anc.type != "selector" else None
        if anc.type == "call_expression" and anc.named_child_count and anc.named_children[0].type == "call_expression":
            call = as_call(anc.named_children[0])  # Kotlin `repeat(5) { ... }`: the lambda follows a call with arguments
        if anc.type in ("selector",):
            part = next((c for c in anc.named_children if c.type == "argument_part"), None)
            call = as_call(part) if part is not None else None
        return (call.name if call is not None else ""), label
    return "", label


def _swift_launch_function(fn: Node) -> bool:
    """`application(_:didFinishLaunchingWithOptions:)` and the `init()` of the App / AppDelegate."""
    name = function_name(fn)
    if name == "application":
        return "didFinishLaunchingWithOptions" in text(fn)[:300] or "willFinishLaunchingWithOptions" in text(fn)[:300]
    if fn.type == "init_declaration":
        cls = _enclosing_class(fn)
        return cls is not None and bool(re.search(r"(:\s*App\b|AppDelegate|@main)", text(cls)[:400]))
    if name == "scene":
        return "willConnectTo" in text(fn)[:300]
    return False


def _in_settings(owner: str, functions: tuple[str, ...]) -> bool:
    """Code of a settings class (`_NotificationSettingsPageState`) or of a settings screen written as a
    function (`NotificationSettingsScreen()`): it runs because the person opened the settings, not at
    launch. The same test for a function of this file and for a call site of another file."""
    return bool(SETTINGS_CLASS.search(owner)) or any(SETTINGS_SCREEN.search(f) for f in functions)


def _site_in_settings(site: project_index.Site) -> bool:
    """`_in_settings` for a call site of another file."""
    return _in_settings(site.owner, site.functions)


def _launch_context(node: Node, ctx: CheckContext, depth: int = 0) -> str | None:
    """What starts `node` at launch ("onCreate", "LaunchedEffect", "main", ...), or None when
    it runs after a user action or from a function no launch code of this file calls."""
    if _for_user_feature(node) or any(SETTINGS_SCREEN.search(function_name(a)) for a in ancestors(node) if a.type in FUNCTION_TYPES):
        return None
    if any(SETTINGS_SCREEN.search(_class_name(a)) for a in ancestors(node) if a.type in CLASS_TYPES):
        return None  # `.onAppear { requestAuthorization }` of a settings view: the user opened the settings
    block = _call_index(ctx)[1].get(node.id)
    if block is not None:
        return block  # `.onAppear(perform: askForPush)`, `addPostFrameCallback(_askPermission)`
    for fn in (a for a in ancestors(node) if a.type in FUNCTION_TYPES):
        name = function_name(fn)
        if not name and fn.type != "init_declaration":
            owner, label = _block_owner(fn)
            if USER_ACTION_CALLS.match(owner) or (label and USER_ACTION_LABELS.search(label)) or _stored_callback(fn):
                return None
            if label and _callback_run_later(owner, label, ctx):
                return None  # `HomeScreen(onRequestPermission = { launcher.launch(...) })`: the screen runs it from a button
            if EVENT_REGISTRATION.match(owner) and not LAUNCH_EVENT.search(_registration_text(fn, owner)):
                return None  # `addObserver(forName: .switchFlipped) { _ in ... }`: runs when the event fires
            if LAUNCH_BLOCKS.match(owner):
                return owner if owner != "LaunchedEffect" or _runs_once(fn) else None
            continue
        if _in_settings(_class_name(_enclosing_class(fn)), (name,)) or _after_switch_guard(node, fn) or _after_dialog_answer(node, fn):
            return None
        if ctx.language == "swift" and _swift_launch_function(fn):
            if project_index.in_unused_class(fn, ctx):
                return None
            return "application(_:didFinishLaunchingWithOptions:)" if name == "application" else f"{name or 'init'}()"
        if LAUNCH_FUNCTIONS.match(name):
            if name in ("onCreate", "onStart", "onResume") and not _screen_or_app_class(fn):
                return None
            return None if project_index.in_unused_class(fn, ctx) else name
        if name == "onInit" and ctx.language == "dart" and GETX_CONTROLLER.search(text(_enclosing_class(fn) or fn)[:300].split("{")[0]):
            return None if project_index.in_unused_class(fn, ctx) else "onInit of a GetX controller"
        created = _constructor_of(fn, name)
        where = _created_at_launch(created, fn, ctx, depth) if created and depth <= 5 else None
        if where is not None:
            return where
        if depth >= 4 or not name:
            return None
        callers = _callers(name, fn, ctx)
        for caller in callers:
            if _handed_to_event(caller):
                continue  # `addObserver(self, selector: #selector(name), name: .switchFlipped, ...)`
            where = _launch_context(caller, ctx, depth + 1)
            if where is not None:
                return f"{where} via {name}()"
        # other files' launch code: a service set up at launch, or (for the function holding the request) any caller
        elsewhere = _launched_from_other_file(fn, name, ctx) or (_triggered_from_other_file(fn, name, callers, ctx) if depth == 0 else None)
        if elsewhere is not None:
            return elsewhere
        singleton = _lazy_singleton(fn, ctx)
        if singleton:
            return _singleton_touched_at_launch(singleton, ctx)  # its init runs where it is first used
        # a service's start-up method runs at launch, unless the file calls it on demand (`if (!_initialized) await init();`)
        return None if callers or _unused_class(fn, ctx) else _startup_class(fn)
    return None


def _lazy_singleton(fn: Node, ctx: CheckContext) -> str:
    """The class, when `fn` is the Swift `init` of a class whose instance is a `static let shared = Cls()`:
    a static stored property is created on first use, so the init runs where `Cls.shared` is first touched."""
    if ctx.language != "swift" or fn.type != "init_declaration":
        return ""
    cls = _enclosing_class(fn)
    name = _class_name(cls)
    found = name and re.search(rf"\bstatic\s+(let|var)\s+\w+\s*(:\s*{re.escape(name)}\s*)?=\s*({re.escape(name)}|Self)\s*\(", text(cls))
    return name if found else ""


def _singleton_touched_at_launch(cls: str, ctx: CheckContext) -> str | None:
    """Where launch code touches the singleton (`Cls.shared` in the App's `init`, in
    `didFinishLaunchingWithOptions`, in a view's `.onAppear`/`.task`, in this file or another), or None
    when only code the person runs uses it (a settings toggle's `.onChange`)."""
    index = project_index.for_context(ctx)
    for site in [*index.references(cls), *index.calls(cls)]:
        if site.owner == cls or _asked_already(site, index, ctx):
            continue  # `static let shared = Cls()` itself
        if site.functions[:1] == ("init",) and _swift_app_type(site):
            return f"init() of {site.owner} in {site.where()} via {cls}.shared"
        launch = _runs_at_launch(site, index)
        if launch is not None:
            name = _load_name(launch[0])
            return f"{'application(_:didFinishLaunchingWithOptions:)' if name == 'application' else name} in {launch[0].where()} via {cls}.shared"
    return None


def _swift_app_type(site: project_index.Site) -> bool:
    """The site's type is the SwiftUI `App` or the app delegate (its `init` runs at launch)."""
    try:
        source = Path(site.path).read_text("utf-8", "replace")
    except OSError:
        return False
    return bool(re.search(rf"\b(struct|class)\s+{re.escape(site.owner)}\s*:\s*[^{{]*\b(App|UIApplicationDelegate|UIResponder)\b", source))


def _constructor_of(fn: Node, name: str) -> str:
    """The class whose constructor `fn` is (a Dart `AppState() { _init(); }`, a Java constructor), or ""."""
    cls = _class_name(_enclosing_class(fn))
    if not cls or name.split(".")[0] != cls:
        return ""
    signature = fn.prev_named_sibling if fn.type == "function_body" else None
    if signature is not None and any(n.type == "constructor_signature" for n in walk(signature)):
        return cls
    return cls if fn.type == "constructor_declaration" else ""


def _created_at_launch(cls: str, fn: Node, ctx: CheckContext, depth: int) -> str | None:
    """The class is created at launch: `final state = AppState();` in `main()`, a provider's
    `create: (_) => AppState()` in `runApp(...)`, in this file or another, so its constructor (and the
    methods of its class it runs) runs at every start, not when the user asks. A class created only
    from a button, or from a function no launch code runs, does not count."""
    if project_index.in_unused_class(fn, ctx):
        return None
    for caller in _callers(cls, fn, ctx):
        if _enclosing_class(caller) is not None and _class_name(_enclosing_class(caller)) == cls:
            continue  # a factory or copy of the class itself
        where = _launch_context(caller, ctx, depth + 1)
        if where is not None:
            return f"{where} via {cls}()"
    if project_index.too_common(cls):
        return None
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    for site in index.calls(cls):
        if site.path == here or site.receiver or _site_registered_for_event(site) or _after_granted_check(site):
            continue
        launch = _runs_at_launch(site, index)
        if launch is not None:
            load, holder = launch
            if load is site:
                return f"{_load_name(site)} in {site.shown} via {cls}()"
            return f"{_load_name(load)} in {load.shown} via {holder}() and {cls}()"
    return None


# registrations of a handler that runs later, when the event fires (not now): NotificationCenter
# observers (a `#selector` or a closure), Combine sinks, preference-change listeners, Dart streams
EVENT_REGISTRATION = re.compile(r"^(addObserver|sink|registerOnSharedPreferenceChangeListener|listen)$")
# ... unless the event is the app starting or coming to the front, or a stream that answers at once
LAUNCH_EVENT = re.compile(
    r"(didFinishLaunching|didBecomeActive|willEnterForeground|[Ll]ifecycle|ON_(CREATE|START|RESUME)|AppLifecycleState|"
    r"authStateChanges|userChanges|idTokenChanges|onCurrentUserChanged|onAuthStateChange|\$\w+\s*\.\s*sink|CurrentValueSubject|BehaviorSubject)"
)


# a GetX controller or service: its onInit runs as soon as a page or the app's start-up binding creates it
GETX_CONTROLLER = re.compile(r"\bextends\s+(Getx(Controller|Service)|FullLifeCycleController|SuperController)\b")


# a callback parameter (`onRequestPermission = { ... }`, `onAllow: () { ... }`); not a lifecycle one
CALLBACK_LABEL = re.compile(r"^on[A-Z]")
LIFECYCLE_LABEL = re.compile(r"^on(Create|Start|Resume|Appear|Launch|Init|Load|Ready|Attach|Compose|First|Enter)")


def _callback_run_later(owner: str, label: str, ctx: CheckContext) -> bool:
    """A lambda handed as a callback argument (`onX = { }`) to a function of this file that
    never calls that parameter itself outside a user action (it passes it on to a button's
    `onClick`, or calls it from one), or to one of another file that never calls it: it runs
    when the user acts, not when the caller runs."""
    if not CALLBACK_LABEL.match(label) or LIFECYCLE_LABEL.match(label):
        return False
    definitions = _definitions(owner, ctx)
    if not definitions:
        # defined in another file: only when it never calls the parameter itself (it hands it on);
        # a library function, or one that calls it (`onNotGranted()`), may run it at once
        elsewhere = [] if project_index.too_common(owner) else project_index.for_context(ctx).definitions(owner)
        called = re.compile(rf"\b{re.escape(label)}\s*(\(|\??\.invoke\b)")
        return bool(elsewhere) and not any(called.search(d.text) for d in elsewhere)
    for definition in definitions:
        for call in calls(definition):
            if call.name != label and not (call.name == "invoke" and call.receiver.rstrip("?") == label):
                continue
            if not any(
                USER_ACTION_CALLS.match(owner_name) or (arg and USER_ACTION_LABELS.search(arg)) or _stored_callback(lam)
                for lam in ancestors(call.node)
                if lam.type in FUNCTION_TYPES and not function_name(lam) and definition.start_byte <= lam.start_byte
                for owner_name, arg in [_block_owner(lam)]
            ):
                return False  # the screen calls it itself, in its body or an effect: at launch
    return True


def _registration_text(fn: Node, owner: str) -> str:
    """The registration call a lambda is handed to: the smallest ancestor naming `owner` before it."""
    for anc in ancestors(fn):
        if owner in text(anc)[: fn.start_byte - anc.start_byte]:
            return text(anc)
    return ""


def _handed_to_event(node: Node) -> bool:
    """A function reference (`#selector(onSwitch(_:))`, `::onSwitch`) given to an event
    registration of the same statement, for an event other than launch."""
    for anc in ancestors(node):
        if anc.type in FUNCTION_TYPES:
            return False
        call = as_call(anc)
        if call is not None and call.node.id != node.id and EVENT_REGISTRATION.match(call.name):
            return not LAUNCH_EVENT.search(f"{call.receiver} {text(anc)}")  # `auth.authStateChanges().listen(_onUser)`
    return False


def _runs_at_launch(site: project_index.Site, index: project_index.ProjectIndex) -> tuple[project_index.Site, str] | None:
    """(the site that runs at launch, the function holding `site`) when `site` itself runs as the app
    starts, or its holder is called from a launch site one level up (not one registered for a later
    event, nor in a settings screen, which runs when the person opens it); None otherwise."""
    if _site_in_settings(site):
        return None
    kind = project_index.classify(site)
    holder = site.functions[0] if site.functions else ""
    if kind == "" and holder and not project_index.too_common(holder):
        load = next((t for t in index.triggers(holder, depth=1) if t.kind == "load" and not _site_registered_for_event(t.site) and not _site_in_settings(t.site)), None)
        return (load.site, holder) if load is not None else None
    if kind == "load" and not _site_registered_for_event(site):
        return site, holder
    return None


def _site_registered_for_event(site: project_index.Site) -> bool:
    """The same for a call site of another file: the site is inside the arguments of an observer
    registration (`#selector(handleToggle(_:))` or a closure given to `addObserver` in
    `didFinishLaunching`), which runs it when the event fires, not at launch."""
    inner = []
    for kind, name in site.context:
        if kind == "fn":
            break
        inner.append((kind, name))
    registration = next((name for kind, name in inner if kind == "call" and EVENT_REGISTRATION.match(name)), None)
    if registration is None:
        return False
    try:
        data = Path(site.path).read_bytes()
    except OSError:
        return False
    start = data.rfind(registration.encode(), 0, site.byte)  # the registration call, up to the next one
    after = data.find(registration.encode(), site.byte)
    end = min(site.byte + 400, after if after > 0 else len(data))
    return start >= 0 and not LAUNCH_EVENT.search(data[start:end].decode("utf-8", "replace"))


# a settings screen written as a function (a Compose `@Composable fun NotificationSettingsScreen()`)
SETTINGS_SCREEN = re.compile(r"(Setting|Preference|Prefs)\w*(Screen|Page|View|Content|Sheet|Dialog|Fragment|Activity)$")
# keys of a LaunchedEffect that runs once when the screen appears: `Unit`, `true`, a literal
ONCE_KEYS = re.compile(r"^(key\d?\s*=\s*)?(Unit|true|false|null|\d+|\"[^\"]*\")$")


def _runs_once(block: Node) -> bool:
    """`LaunchedEffect(Unit) { ... }` runs when the screen appears; `LaunchedEffect(uiState.showX) { if (...) }`
    runs when that state changes, after something the person did: an answer, not a launch."""
    call = next((as_call(a) for a in ancestors(block) if a.type == "call_expression" and as_call(a) is not None and as_call(a).name == "LaunchedEffect"), None)
    keys = [text(a).strip() for a in argument_nodes(call) if a.type != "annotated_lambda" and not text(a).lstrip().startswith("{")] if call is not None else []
    holder = _enclosing_named(call.node) if call is not None else None
    code = _code(holder) if holder is not None else ""
    # a holder remembered once (`val permissionState = rememberPermissionState(...)`), not a state whose value changes
    return all(ONCE_KEYS.match(k) or re.search(rf"\bval\s+{re.escape(k)}\s*=\s*remember\w*\s*[({{]", code) for k in keys)


def _unused_class(fn: Node, ctx: CheckContext) -> bool:
    """The class around `fn` is named in no other file of the project: a service nobody creates."""
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    folder = Path(ctx.path).resolve().parent
    if len(owner) < 4 or (ctx.project_root is None and project_index.project_root(Path(ctx.path), ctx.language) == folder):
        return False  # no project found around the file: its other files are unknown
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    if not any(site.path != here for site in [*index.calls(owner), *index.references(owner)]):
        return True
    return project_index.in_unused_class(fn, ctx)  # named only inside another class nobody creates


# classes other files start at launch: services and managers, not screens (whose big files the
# project index would have to parse for nothing)
SERVICE_CLASS = re.compile(r"\w{3,}(Service|Manager|Helper|Handler|Notifier|Notifications?|Alerts?|Reminders?|Messaging|Scheduler|Repository|Provider|Utils?|Center|Client|Api)$")


# `if (!await isEnabled()) return;`, `guard settings.remindersOn else { return }`: the rest of the
# function runs only for people who switched the feature on. A Swift `guard`'s `else` must leave
# the scope, so it may log first (`guard planReminderEnabled else { logInfo("off"); return }`).
SWITCH_GUARD = re.compile(
    r"(\bif\s*\(?\s*!\s*(await\s+)?(?P<a>[\w.?!]*(?i:enabled|opt_?in|opted|consent|wants|checked|toggle|switch|isOn|subscribed)\w*(\(\))?)\s*\)?\s*\{?\s*return\b|"
    r"\bguard\s+(?P<b>[^{}\n]*(?i:enabled|opt_?in|opted|consent|wants|checked|toggle|switch|isOn|subscribed)[^{}\n]*)\s+else\s*\{\s*(return\b|[^{}]*\breturn\b[^{}]*\}))"
)


# a stored boolean read with `true` as its default: Android `getBoolean("nudges_on", true)`, Dart
# `prefs.getBool("x") ?? true`, a DataStore `preferences[NUDGES_ON] ?: true`, Swift
# `defaults.object(forKey: "x") as? Bool ?? true`
DEFAULT_ON_SWITCH = re.compile(
    r"\bgetBool(?:ean)?\(\s*[^(),]+,\s*true\s*\)|\bgetBool\([^()]*\)\s*\?\?\s*true\b|\[\s*[\w.]+\s*\]\s*\?:\s*true\b|"
    r"\b(?:bool|object)\(\s*forKey:[^()]*\)\s*(?:as\?\s*Bool\s*)?\?\?\s*true\b"
)


def _switch_on_by_default(condition: str, fn: Node | None) -> bool:
    """The switch a condition tests is stored on until the person turns it off: the condition
    reads it (`if (prefs.getBoolean("nudges", true))`) or a variable its function set from such a
    read (`val isEnabled = prefs.getBoolean("daily_reminders_enabled", true)` ... `if (isEnabled)`).
    A branch on it runs for everyone who never opened the settings: it is not the person's choice."""
    if DEFAULT_ON_SWITCH.search(condition):
        return True
    if fn is None:
        return False
    names = {m.group(1) for m in re.finditer(r"\b(\w+)\s*(?::\s*[\w?]+\s*)?=\s*[^\n;=]*?(?:" + DEFAULT_ON_SWITCH.pattern + ")", _code(fn))}
    return any(re.search(rf"\b{re.escape(name)}\b", condition) for name in names)


def _after_switch_guard(node: Node, fn: Node) -> bool:
    """`node` follows an early return on the user's own switch in its function (not on the
    system permission: `if (!areNotificationsEnabled()) return` does not count)."""
    before = _code(fn)[: max(0, node.start_byte - fn.start_byte)]
    conditions = [m.group("a") or m.group("b") or "" for m in SWITCH_GUARD.finditer(before)]
    return any(not SYSTEM_PERMISSION.search(c) and not _switch_on_by_default(c, fn) for c in conditions)


# Dart: the person's answer in a dialog the app shows: `final ok = await showDialog<bool>(...)`
DIALOG_AWAIT = re.compile(r"\b(\w+)\s*=\s*await\s+show\w*(Dialog|Sheet)\s*(<[^>(]*>)?\s*\(")
DIALOG_THEN = re.compile(r"\bshow\w*(Dialog|Sheet)\s*(<[^>(]*>)?\s*\([\s\S]*\)\s*\.\s*then\s*(<[^>(]*>)?\s*\(\s*$")


def _after_dialog_answer(node: Node, fn: Node) -> bool:
    """`node` runs only when the person said yes in a dialog: it sits under a test of the dialog's
    result (`final ok = await showDialog<bool>(...); if (ok == true) request();`, or
    `showDialog(...).then((ok) { if (ok == true) request(); })`). The dialog may show at launch; the
    request is their answer to it, not a launch prompt."""
    data = fn.text or b""

    def before(n: Node) -> str:
        return data[: n.start_byte - fn.start_byte].decode("utf-8", "replace")

    answers = {m.group(1) for m in DIALOG_AWAIT.finditer(before(node))}
    tests = []
    for anc in ancestors(node):
        if anc.id == fn.id:
            break
        if anc.type == "if_statement":
            condition = anc.child_by_field_name("condition") or (anc.named_children[0] if anc.named_child_count else None)
            tests.append(text(condition) if condition is not None and condition.id != node.id else "")
        elif anc.type in FUNCTION_TYPES and DIALOG_THEN.search(before(anc)):
            parameters = next((c for c in anc.named_children if c.type == "formal_parameter_list"), None)
            answers |= set(re.findall(r"\w+", text(parameters))) if parameters is not None else set()
    return any(re.search(rf"\b{re.escape(a)}\b", t) for a in answers for t in tests)


def _launched_from_other_file(fn: Node, name: str, ctx: CheckContext) -> str | None:
    """A method of this file's class called at launch from another file of the project, on the
    class or on a variable holding it: `await NotificationService.instance.init()` in `main()`,
    `final s = NotificationService(); await s.initialize();` in `initState`, directly or one
    function up. Only files that name the class are read (the project index parses those)."""
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    if not SERVICE_CLASS.search(owner) or (PERMISSION_HELPER.match(name) and re.search(r"(?i)(notification|push|fcm|messaging)", name)):
        return None  # `Utils.checkNotificationPermission(this)` is reported at its call site (*-permission-helper-on-launch)
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    for site in [*index.calls(owner), *index.references(owner)]:
        if site.path == here or not _calls_method_after(site, owner, name) or _asked_already(site, index, ctx):
            continue
        launch = _runs_at_launch(site, index)
        if launch is not None:
            load, holder = launch
            if load is site:
                return f"{holder or 'launch'} in {site.shown} via {name}()"
            return f"{load.functions[0] if load.functions else 'launch'} in {load.shown} via {holder}() and {name}()"
    return None


def _triggered_from_other_file(fn: Node, name: str, callers: list[Node], ctx: CheckContext) -> str | None:
    """A function of any name (top-level, or a method called on its class) that other files of
    the project run at launch and never from a button: `main()` in main.dart calling
    `requestNotificationAccess()` of another file, `.onAppear { Planner.shared.planDigest() }`.
    The project index follows the callers a few levels up (`triggers`)."""
    if project_index.too_common(name) or any(_in_user_action(c) for c in callers) or _reported_at_call(name, ctx):
        return None
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    runs = [*index.calls(name), *(r for r in index.references(name) if r.role == "passed")]  # `onPressed: askForAlerts`
    direct = [s for s in runs if s.path != here and _calls_this_function(s, owner, index) and not _asked_already(s, index, ctx)]
    holders = {s.functions[0] for s in direct if s.functions}
    found = [
        t
        for t in index.triggers(name, exclude=here)
        if (t.site in direct if not t.via else t.via[0] in holders and _reaches_chain(t, name, {s.owner for s in direct if s.functions and s.functions[0] == t.via[0]}, index)) and not (t.kind == "load" and _site_registered_for_event(t.site))
    ]
    # a load through a settings screen runs when the person opens it, as in this file (`_launch_context`)
    load = next((t for t in found if t.kind == "load" and not re.search(r"(Service|Receiver|Worker)$", t.site.owner) and not _through_settings(t, direct)), None)
    if load is None or any(t.kind == "user" for t in found):
        return None
    via = "".join(f" via {n}()" for n in reversed(load.via))
    return f"{_load_name(load.site)} in {load.site.where()}{via} via {name}()"


def _through_settings(trigger: project_index.Trigger, direct: list[project_index.Site]) -> bool:
    """The chain of a trigger starts, or first calls into this file, in settings code: the site that
    decided, or every call of this file's function from the first function of the chain."""
    if _site_in_settings(trigger.site):
        return True
    entries = [s for s in direct if s.functions and s.functions[0] == trigger.via[0]] if trigger.via else []
    return bool(entries) and all(_site_in_settings(s) for s in entries)


def _reaches_chain(trigger: project_index.Trigger, name: str, holders: set[str], index: project_index.ProjectIndex) -> bool:
    """Each link of the chain the project index followed by name (`via`) calls the function of
    the chain, not a namesake of another class: a function calls the previous one bare (or on
    `self`) only in the same class, or on something named after the other class; the site at the
    top likewise. `viewDidLoad` of one screen using its own `tableView` does not run
    `tableView(_:cellForRowAt:)` of another view."""
    owners = holders
    for current, before in zip(trigger.via[1:], trigger.via):
        owners = {d.owner for d in index.definitions(current) if _calls_owner_method(d.text, d.owner, before, owners)}
        if not owners:
            return False
    site = trigger.site
    bare = not site.receiver or re.search(r"(^|\.)(this|self)$", site.receiver)
    return any((site.owner == owner if owner and bare else _calls_this_function(site, owner, index)) for owner in owners)


def _calls_owner_method(code: str, here: str, name: str, owners: set[str]) -> bool:
    """`code` (of a function of class `here`) calls `name` of one of `owners`: bare in the same
    class (or a top-level function), or on a receiver named after that class."""
    if re.search(rf"(?<![\w$.]){re.escape(name)}\b|\b(self|this)\.{re.escape(name)}\b", code) and (here in owners or "" in owners):
        return True
    receivers = re.findall(rf"(\w+)\s*[?!]?\.{re.escape(name)}\b", code)
    return any(o and o.lower() in r.lower() or (len(r) >= 5 and o.lower().endswith(r.lower())) for o in owners for r in receivers)


# the call runs only once the permission was granted: it refreshes the push token, it asks nothing
GRANTED_GUARD = re.compile(
    r"(authorizationStatus\s*==\s*\.(authorized|provisional|ephemeral)\b|case\s+\.authorized\b|\.isGranted\b|"
    r"==\s*PackageManager\.PERMISSION_GRANTED|AuthorizationStatus\.authorized\b|==\s*PermissionStatus\.granted\b)"
)


def _after_granted_check(site: project_index.Site) -> bool:
    """A launch call site of another file sits under a check that notifications are already allowed
    (`getNotificationSettings { s in if s.authorizationStatus == .authorized { Client.shared.register() } }`)."""
    try:
        lines = Path(site.path).read_text("utf-8", "replace").splitlines()
    except OSError:
        return False
    return bool(GRANTED_GUARD.search("\n".join(lines[max(0, site.line - 7) : site.line - 1])))


def _asked_already(site: project_index.Site, index: project_index.ProjectIndex, ctx: CheckContext) -> bool:
    """A call site of another file runs once the permission is settled: under a granted check, or
    (Dart) after its function asked itself (`final ok = await Alerts.requestPermissions(context);
    if (ok) await store.applyToggles(...)`): that first ask is the prompt, reported there."""
    return _after_granted_check(site) or (ctx.language == "dart" and _asked_before_in_function(site, index, DART_DIRECT_ASK))


def _reported_at_call(name: str, ctx: CheckContext) -> bool:
    """The app's notification permission helper is reported where it is called
    (*-permission-helper-on-launch), except where that pattern does not match: a bare Dart call,
    a Swift or Dart `check…` helper."""
    helper = HELPER_QUERY_NAME if ctx.language in ("swift", "dart") else ANDROID_HELPER_QUERY_NAME
    if not (PERMISSION_HELPER.match(name) and helper.match(name)):
        return False
    sites = project_index.for_context(ctx).calls(name)
    if not re.search(r"(?i)(notification|push|fcm|messaging)", name):
        # `notificationManager.requestPermissions()`: the helper pattern knows it by its receiver
        here = str(Path(ctx.path).resolve())
        others = [s for s in sites if s.path != here]
        return not name.startswith("check") and bool(others) and all(re.search(r"(?i)(notification|push|fcm|messaging)", s.receiver) for s in others)
    return ctx.language != "dart" or all(s.receiver for s in sites)


def _calls_this_function(site: project_index.Site, owner: str, index: project_index.ProjectIndex) -> bool:
    """A call in another file that reaches this file's function, not a namesake: a top-level
    function called bare where no function of that name is defined; a method called on its class
    (`Planner.shared.plan()`, `_planner.plan()`) or bare inside the class (an extension)."""
    if not site.receiver or re.search(r"(^|\.)(this|self)$", site.receiver):
        return not any(d.path == site.path and d.owner == site.owner for d in index.definitions(site.name)) or bool(owner and site.owner == owner)
    if not owner:
        return False
    receiver, cls = re.sub(r"[^a-z0-9.]", "", site.receiver.lower()), owner.lower()
    last = receiver.rsplit(".", 1)[-1]
    return cls in receiver.replace(".", "") or (len(last) >= 5 and cls.endswith(last)) or _declared_as(site, owner)


def _declared_as(site: project_index.Site, owner: str) -> bool:
    """The receiver variable is declared in its file with the class: `val gate = Gate(this)`,
    `gate: Gate`, `final Gate gate`, `private Gate gate;`."""
    var = site.receiver.rstrip("?!").rsplit(".", 1)[-1]
    if not re.fullmatch(r"\w+", var):
        return False
    try:
        source = Path(site.path).read_text("utf-8", "replace")
    except OSError:
        return False
    var, cls = re.escape(var), re.escape(owner)
    return bool(re.search(rf"(\b{var}\s*(:\s*{cls}\b|=\s*(new\s+)?{cls}\b)|\b{cls}[?!]?\s+{var}\b)", source))


def _load_name(site: project_index.Site) -> str:
    """The name around a site that makes it run at load (`main`, `initState`, `onAppear`)."""
    return next((n for kind, n in site.context if (project_index.LOAD_LABEL if kind == "label" else project_index.LOAD_NAME).match(n)), "launch")


def _calls_method_after(site: project_index.Site, owner: str, name: str) -> bool:
    """The class named at `site`, or the variable assigned from it there, has `name()` called on
    it on that line or one of the next ten."""
    try:
        lines = Path(site.path).read_text("utf-8", "replace").splitlines()[site.line - 1 : site.line + 10]
    except OSError:
        return False
    holder = re.search(rf"\b(\w+)\s*(?::\s*[\w<>?]+\s*)?=\s*[^=;\n]*\b{re.escape(owner)}\b", lines[0]) if lines else None
    names = re.escape(owner) + (f"|\\b{re.escape(holder.group(1))}" if holder else "")
    return any(re.search(rf"({names})[\w.()<>!?]*\.{re.escape(name)}\(", line) for line in lines)


def _startup_class(fn: Node) -> str | None:
    """A service's own start-up code, which runs when the app creates the service."""
    cls = _enclosing_class(fn)
    name = _class_name(cls)
    fname = function_name(fn) or "init"
    if any(not any(LAUNCH_PARAMETER.search(n) for n in names) for names in _parameter_labels(fn)):
        return None  # `start(zimFileID:)`: an action on one item, run when someone asks for it
    # a service's own start-up: `setup()`/`configure()`/`startNotifications()`, or the init of a *Service / *Manager
    if STARTUP_FUNCTION.match(fname) or (fn.type in ("init_declaration", "constructor_declaration", "secondary_constructor") and re.search(r"(Service|Manager)$", name)):
        return f"{name}.{fname}()" if name else f"{fname}()"
    return None


# parameters a start-up method is handed by the app (its context, the application, launch options)
LAUNCH_PARAMETER = re.compile(r"(?i)(context|^ctx$|^app$|application|launch|options|activity|window|scene)")

# a bare `start` is any service's action (a download, a timer, a workout), not the app starting
STARTUP_FUNCTION = re.compile(
    r"^(start(App|Services?|Notifications?|Push\w*|Messaging|Firebase)|(init|initiali[sz]e|setup|setUp|configure|bootstrap|onAppStart|onLaunch)(App|Services?|Notifications?|Push\w*|Messaging|Firebase)?|"
    r"(notify|notification|notifications|push|fcm|messaging|firebase)(Init|Initiali[sz]e|Setup|SetUp|Configure))$",
    re.I,
)


# --------------------------------------------------------------------------------------------
# 1b. the app's own permission helper called at launch (its body lives in another file)

PERMISSION_HELPER = re.compile(
    r"^((maybe|show)?(request|ask|prompt|ensure)\w*(Permission|Access|Authori[sz]ation)s?\w*|"
    r"(maybe|show)?(ask|prompt)\w*(Notification|Push)s?\w*|(request|ensure)\w*(Enable|Allow)\w*(Notification|Push)s?\w*|"
    r"check\w*Permissions?|requestPushNotifications|registerForPushNotifications)$",
    re.I,
)


# the names the *-permission-helper-on-launch queries match (mobile.yaml)
HELPER_QUERY_NAME = re.compile(r"^((maybe|show)?([Rr]equest|[Aa]sk|[Pp]rompt|[Ee]nsure)[A-Za-z]*(Notification|Push|Permission)[A-Za-z]*|requestPushNotifications|registerForPushNotifications)$")
ANDROID_HELPER_QUERY_NAME = re.compile(r"^((maybe|show)?([Rr]equest|[Aa]sk|[Pp]rompt|[Ee]nsure|check)[A-Za-z]*(Notification|Push|Permission)[A-Za-z]*|requestPushNotifications|registerForPushNotifications)$")


def permission_helper_on_launch(ctx: CheckContext) -> Verdict | bool:
    """A helper from another file that asks for notification permission (named after
    notifications or push, or called on a notification object), run at launch."""
    call = _call_at(ctx)
    if call is None or not PERMISSION_HELPER.match(call.name) or _definitions(call.name, ctx):
        return False
    if ctx.language == "dart" and DART_REQUEST.match(call.name) and (_platform_plugin(call.receiver, ctx) or DART_PERMISSION_RECEIVER.search(call.receiver)):
        return False  # the plugin's own request, judged by dart-permission-on-launch
    if not re.search(r"(Notification|Push|Fcm|Messaging)", call.name + " " + call.receiver, re.I):
        return False
    if call.name.startswith("check") and not any(re.search(r"(?i)request_?code", text(a)) for a in argument_nodes(call)) and not _result_unused(ctx.node):
        return False  # a check whose answer is used, with no request code, only reads the permission
    where = _launch_context(ctx.node, ctx)
    if where is None:
        return False
    return Verdict(message=f"notification permission is requested at launch ({call.name}() in {where}), before the user asked for anything that needs it")


def _result_unused(call: Node) -> bool:
    """The call is a statement of its own (`Utils.checkNotificationPermission(this);`): a check
    whose answer nobody reads must act, i.e. ask."""
    parent = call.parent
    return parent is not None and parent.type in ("expression_statement", "statements", "block", "function_body")


def _for_user_feature(node: Node) -> bool:
    """Inside a branch on the user's reminders or alarms, within the same function."""
    for anc in ancestors(node):
        if anc.type in FUNCTION_TYPES and function_name(anc):
            return False
        if anc.type in CONDITIONS:
            condition = anc.child_by_field_name("condition") or (anc.named_children[0] if anc.named_child_count else None)
            if USER_FEATURE_CONDITION.search(text(condition)):
                return True
    return False


def _stored_callback(fn: Node) -> bool:
    """A lambda assigned to a property or variable: a callback run later, not now."""
    parent = fn.parent
    while parent is not None and parent.type in ("annotated_lambda", "parenthesized_expression"):
        parent = parent.parent
    return parent is not None and parent.type in ("assignment", "assignment_expression", "property_declaration", "variable_declarator", "initialized_variable_definition")


def _screen_or_app_class(fn: Node) -> bool:
    """onCreate of an Activity, Fragment or Application (not of a Service or receiver)."""
    cls = _enclosing_class(fn)
    if cls is None:
        return True
    head = text(cls)[:400].split("{")[0]
    # the class is named after a component, or extends one (`: Service()`, `extends Worker`); an
    # interface such as `MenuProvider` (no constructor call, after `implements`) does not count
    component = r"\w*(Service|Receiver|Worker|Provider)"
    return not (re.search(rf"{component}$", _class_name(cls)) or re.search(rf"(\bextends\s+{component}\b|\b{component}\s*\()", head))


def _callers(name: str, definition: Node, ctx: CheckContext) -> list[Node]:
    """Calls of a function by name in the same file, outside its own body. For a method, only
    calls on nothing, on `this`/`self` or on something named after its class: `_plugin.initialize()`
    is the plugin's method, not this service's `initialize()`."""
    owner = re.sub(r"[^a-z0-9]", "", _class_name(_enclosing_class(definition)).lower())
    out = []
    for node in _call_index(ctx)[0].get(name, []):
        if definition.start_byte <= node.start_byte < definition.end_byte:
            continue
        receiver = ctx.memo["ns-mobile-receivers"].get((name, node.id), "")
        if owner and receiver and receiver.rsplit(".", 1)[-1] not in ("this", "self", "super", "Self") and owner not in re.sub(r"[^a-z0-9]", "", receiver.lower()):
            continue
        out.append(node)
    return out


def _call_index(ctx: CheckContext) -> tuple[dict[str, list[Node]], dict[int, str]]:
    """Every call of the file by callee name, and the functions handed by name to a launch
    block (`.onAppear(perform: askForPush)`, `addPostFrameCallback(_ask)`) with that block."""
    memo = ctx.memo.get("ns-mobile-calls")
    if memo is None:
        index: dict[str, list[Node]] = {}
        launch_refs: dict[int, str] = {}
        receivers = ctx.memo["ns-mobile-receivers"] = {}
        for call in calls(ctx.root):
            index.setdefault(call.name, []).append(call.node)
            receivers[(call.name, call.node.id)] = call.receiver  # a Dart chain `a().b()` shares one node
            if LAUNCH_BLOCKS.match(call.name):
                for arg in argument_nodes(call):
                    _, value = _label(arg)
                    if re.match(r"^((self|this)\.)?\w+$", text(value)):
                        index.setdefault(text(value).rsplit(".", 1)[-1], []).append(value)
                        launch_refs[value.id] = call.name
            elif EVENT_REGISTRATION.match(call.name):
                # a handler handed over by name (`stream.listen(_onUser)`): it runs when the event
                # fires, which `_handed_to_event` judges (an auth-state stream answers at launch)
                for arg in argument_nodes(call):
                    _, value = _label(arg)
                    if re.match(r"^((self|this)\.)?_?[a-z]\w*$", text(value)):
                        index.setdefault(text(value).rsplit(".", 1)[-1], []).append(value)
        # Kotlin/Java method references (`::askPermission`, `this::askPermission`) count as calls
        for node in walk(ctx.root):
            if node.type in ("callable_reference", "method_reference"):
                index.setdefault(text(node).rsplit(":", 1)[-1], []).append(node)
        memo = ctx.memo["ns-mobile-calls"] = (index, launch_refs)
    return memo


# a button's handler by declaration: Swift `@IBAction func`, an Android XML `onClick` method `show(View v)`
CLICK_HANDLER_HEAD = re.compile(r"(@IBAction\b|\(\s*(final\s+)?([\w.]+\.)?View\s+\w+\s*\)|\(\s*\w+\s*:\s*([\w.]+\.)?View\s*\))")


def _in_user_action(node: Node) -> bool:
    for fn in (a for a in ancestors(node) if a.type in FUNCTION_TYPES):
        if function_name(fn):
            head = text(fn).split("{", 1)[0]
            return bool(re.match(r"^(on\w*(Click|Tap|Press|Changed|Toggle|Checked)\w*|\w*(Tapped|Clicked|Pressed|Toggled|Action)|toggle\w*|set\w*Enabled|handle\w*(Tap|Click|Toggle))$", function_name(fn))) or bool(CLICK_HANDLER_HEAD.search(head))
        owner, label = _block_owner(fn)
        if (USER_ACTION_CALLS.match(owner) and not _watches_app_state(fn, owner)) or (label and USER_ACTION_LABELS.search(label)):
            return True
    return False


def _watches_app_state(fn: Node, owner: str) -> bool:
    """`.onChange(of: scenePhase) { ... }`: SwiftUI runs it when the app becomes active or
    inactive, the app's own doing, not the person switching anything on."""
    if owner != "onChange":
        return False
    for anc in ancestors(fn):
        before = text(anc)[: fn.start_byte - anc.start_byte]
        if "onChange" in before:  # the modifier just before the closure, in a chain of several
            return bool(re.search(r"\bof\s*:\s*(self\.)?\w*[Ss]cenePhase\b", before[before.rfind("onChange") :]))
    return False


# A branch on the user's own switch for reminders (not on the system permission).
USER_SWITCH = re.compile(r"(?i)(enabled|opt_?in|opted|consent|wants|checked|toggle|switch|isOn\b|subscribed)")
SYSTEM_PERMISSION = re.compile(r"(areNotificationsEnabled|checkSelfPermission|PERMISSION_GRANTED|isGranted|authorizationStatus)")


def _not_app_driven(node: Node, ctx: CheckContext) -> bool:
    """The schedule is not the app's own doing: the user set it up, its callers pass the time, or
    nothing runs it."""
    return _scheduled_by_user(node, ctx) or _time_left_to_callers(node, ctx) or _never_called(node, ctx)


# names the framework calls (lifecycle methods, delegates, workers), never the app's own code
FRAMEWORK_NAME = re.compile(r"^(on[A-Z]\w*|did[A-Z]\w*|will[A-Z]\w*|view[A-Z]\w*|application\w*|scene\w*|userNotificationCenter|messaging|doWork|main|initState|build|dispose)$")


def _never_called(node: Node, ctx: CheckContext) -> bool:
    """The schedule sits in a function nothing calls: its name appears nowhere else in its file
    (no call, no `#selector(name)`, `::name` or `onPressed: name`) and, unless the function is
    private to the file, in no other file of the whole project. Framework callbacks (an
    `override`, an annotated function, a lifecycle or delegate method) run from outside."""
    fn = _enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if name == "main" and ctx.language == "dart":
        return _unimported_dart_main(ctx)
    if not name or project_index.too_common(name) or FRAMEWORK_NAME.match(name):
        return False
    head = _declaration_head(fn, name, ctx)
    if re.search(r"(@|\boverride\b)", head) or _swift_delegate_method(fn, name):
        return False
    if len(re.findall(rf"(?<![\w$]){re.escape(name)}(?![\w$])", ctx.code_without_comments())) > 1:
        return False  # called or handed over somewhere in its file (a commented-out call does not run)
    if (name.startswith("_") and ctx.language == "dart" and not re.search(r"^\s*part\b", _source(ctx), re.M)) or re.search(r"\b(private|fileprivate)\b", head):
        return True  # private to its file: no other file can call it
    if not _whole_project(ctx):
        return False  # other files of the project are unknown
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    return not any(site.path != here for site in [*index.calls(name), *index.references(name)])


DART_IMPORT = re.compile(r"""^\s*(?:import|export|part)\s+['"]([^'"]+\.dart)['"]""", re.M)


def _unimported_dart_main(ctx: CheckContext) -> bool:
    """A `main()` in a library file under the `lib/` of a package (a pubspec.yaml beside it) that is
    not an entry point (`lib/main.dart`, a flavour `lib/main_dev.dart`) and that no file of the
    package imports, exports or takes as a part: it never runs."""
    here = Path(ctx.path).resolve()
    if "lib" not in here.parts[:-1] or here.name.startswith("main"):
        return False
    lib = Path(*here.parts[: len(here.parts) - here.parts[::-1].index("lib")])
    if not (lib.parent / "pubspec.yaml").is_file():
        return False  # the package around the file is unknown
    index = project_index.index_for(lib.parent, ctx.language)  # the whole package, wherever the scan was pinned
    ctx.depends_on({index.key: index.digest})
    for path, data in index.files().items():
        for target in DART_IMPORT.findall(data.decode("utf-8", "replace")):
            if Path(target).name != here.name:
                continue
            if target.startswith("package:"):
                if lib.joinpath(*target.split("/")[1:]).resolve() == here:
                    return False
            elif (Path(path).parent / target).resolve() == here:
                return False
    return True


def _declaration_head(fn: Node, name: str, ctx: CheckContext) -> str:
    """A function's annotations and modifiers: the text from the end of the previous statement or
    declaration up to its name (Dart annotations are siblings of the signature)."""
    start = fn.prev_named_sibling.start_byte if fn.type == "function_body" and fn.prev_named_sibling is not None else fn.start_byte
    before = ctx.data[max(0, start - 300) : start].decode("utf-8", "replace")
    before = re.split(r"[;{}]", before)[-1]
    # Kotlin and Swift end statements at the line end: only the lines just above that hold
    # annotations or modifiers belong to it (`private val x = ...` above is another declaration)
    lines = before.split("\n")
    kept = lines[-1:]
    for line in reversed(lines[:-1]):
        if line.strip() and not re.fullmatch(r"\s*((@[\w.]+(\([^)]*\))?|public|private|fileprivate|internal|protected|open|override|static|final|suspend|inline|abstract)\s*)+", line):
            break
        kept.insert(0, line)
    before = "\n".join(kept)
    own = ctx.data[start : fn.end_byte].decode("utf-8", "replace")
    return before + own[: max(0, own.find(name))]


def _swift_delegate_method(fn: Node, name: str) -> bool:
    """A Swift delegate method: named after the type of its unlabeled first parameter
    (`userNotificationCenter(_ center: UNUserNotificationCenter, ...)`, `locationManager(_ manager: CLLocationManager, ...)`)."""
    m = re.match(r"\(\s*_\s+\w+\s*:\s*(\w+)", _parameter_text(fn))
    core = re.sub(r"^[A-Z]{2,}(?=[A-Z][a-z])", "", m.group(1)) if m else ""
    return bool(core) and name.lower().startswith(core.lower())


def _whole_project(ctx: CheckContext) -> bool:
    """The project index covers a real project (`ProjectIndex.root_is_project`), not only a folder
    (the file's, or one the scanner pinned: fixture folders are pinned and have no marker)."""
    return project_index.for_context(ctx).root_is_project()


TIME_PARAMETER = re.compile(r"(hour|minute|time|^at$|when)", re.I)


def _time_left_to_callers(node: Node, ctx: CheckContext) -> bool:
    """The hour is a parameter default of the app's scheduling helper (`fun scheduleDaily(context,
    hour: Int = 20)`) and every call of the helper in the project passes its own hour: the calls
    decide, and one with a literal hour is reported there (*-fixed-hour-helper), not again here."""
    fn = _enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if not name or not HELPER_NAME.match(name) or project_index.too_common(name):
        return False
    labels = _parameter_labels(fn)
    times = {p for p in _parameter_defaults(fn) if TIME_PARAMETER.search(p)}
    positions = [i for i, names in enumerate(labels) if names & times]
    if not positions:
        return False
    own = {n.id for n in _callers(name, fn, ctx)}
    found = [c for c in calls(ctx.root) if c.name == name and c.node.id in own]
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    sites = [s for s in index.calls(name) if s.path != here and _calls_this_function(s, owner, index)]
    found += [c for c in (_call_at_site(s, index) for s in sites) if c is not None]
    wanted = set().union(*(labels[i] for i in positions))
    return bool(found) and all(_passes_argument(c, wanted, positions[0]) for c in found)


def _passes_argument(call: Call, names: set[str], position: int) -> bool:
    """The call gives the parameter by label (`hour = 22`, `hour: 22`) or by position."""
    given = [_label(arg)[0] for arg in argument_nodes(call)]
    return any(label in names for label in given) or sum(label is None for label in given) > position


def _call_at_site(site: project_index.Site, index: project_index.ProjectIndex) -> Call | None:
    """The call of `site.name` at a call site of another file."""
    source = index.source(site.path)
    if source is None or not source.regions:
        return None
    spot = source.regions[0].root.descendant_for_byte_range(site.byte, site.byte)
    for anc in ([spot, *ancestors(spot)] if spot is not None else [])[:8]:
        found = next((c for c in calls(anc) if c.name == site.name and c.node.start_byte <= site.byte < c.node.end_byte), None)
        if found is not None:
            return found
    return None


def _scheduled_by_user(node: Node, ctx: CheckContext, depth: int = 0) -> bool:
    """The schedule runs only once the user switched reminders on: in a click or toggle handler,
    in a branch on their switch, or in a function this file calls only from such places."""
    if _in_user_action(node) or _behind_user_switch(node):
        return True
    fn = _enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if not name or depth >= 2:
        return False
    if depth == 0 and _after_switch_guard(node, fn) and not _default_on_switch_passed(node, fn, name, ctx):
        return True  # `if (!enabled) return;` on the user's own switch before the schedule
    callers = _callers(name, fn, ctx)
    handed = _user_action_references(ctx).get(name, [])  # `onPressed: repeatedNotification`
    if callers or handed:
        by_user = all(_scheduled_by_user(c, ctx, depth + 1) for c in callers)
        return by_user and not (depth == 0 and _run_at_launch_elsewhere(fn, name, ctx))
    return depth == 0 and _run_by_user_elsewhere(fn, name, ctx)


def _default_on_switch_passed(node: Node, fn: Node, name: str, ctx: CheckContext) -> bool:
    """The early return tests a parameter (`if (!notificationsEnabled) return`) and a caller of
    another file hands it a switch the project stores on until the person turns it off
    (`notificationsEnabled = progress.notifyDailyChallenge`, with `prefs[KEY_NOTIFY_DAILY] ?: true`
    or `val notifyDailyChallenge: Boolean = true`): the guard is no choice of the person's, everyone
    who never opened the settings gets the schedule (whether a tap or the app runs it is then decided
    by the callers, as for a function without a guard)."""
    before = _code(fn)[: max(0, node.start_byte - fn.start_byte)]
    guards = [m.group("a") or "" for m in SWITCH_GUARD.finditer(before)]
    params = _parameter_names(fn)
    if not guards or not all(g in params for g in guards) or not _whole_project(ctx):
        return False
    index = project_index.for_context(ctx)
    labels = _parameter_labels(fn)
    positions = [i for i, names in enumerate(labels) if names & set(guards)]
    here = str(Path(ctx.path).resolve())
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    for site in index.calls(name):
        if site.path == here or not _calls_this_function(site, owner, index):
            continue
        call = _call_at_site(site, index)
        for position in positions if call is not None else []:
            passed = _argument_for(call, labels[position], position)
            field = re.split(r"[.?!]+", text(passed).strip())[-1] if passed is not None else ""
            if re.fullmatch(r"[A-Za-z_]\w{3,}", field) and _stored_on_by_default(field, index):
                return True
    return False


def _argument_for(call: Call, names: set[str], position: int) -> Node | None:
    """The value a call passes for a parameter: by label (`enabled = x`, `enabled: x`) or by position."""
    args = [_label(arg) for arg in argument_nodes(call)]
    labelled = next((value for label, value in args if label in names), None)
    if labelled is not None:
        return labelled
    positional = [value for label, value in args if label is None]
    return positional[position] if position < len(positional) else None


def _stored_on_by_default(field: str, index: project_index.ProjectIndex) -> bool:
    """A field of the project declared `true` by default or read with `true` as the default
    (`val notifyDaily: Boolean = true`, `notifyDaily = prefs[KEY] ?: true`, `getBoolean("x", true)`)."""
    pattern = re.compile(rf"\b{re.escape(field)}\s*(?::\s*Boolean\s*)?=\s*(?:true\b|[^\n;,]*?(?:{DEFAULT_ON.pattern}))")
    needle = field.encode()
    return any(needle in data and pattern.search(data.decode("utf-8", "replace")) for data in index.files().values())


def _project_triggers(name: str, ctx: CheckContext) -> list[project_index.Trigger]:
    """What runs the function from other files of the project (none when no project is found)."""
    folder = Path(ctx.path).resolve().parent
    if project_index.too_common(name) or (ctx.project_root is None and project_index.project_root(Path(ctx.path), ctx.language) == folder):
        return []  # no project found around the file: its other files are unknown
    return project_index.for_context(ctx).triggers(name, exclude=str(Path(ctx.path).resolve()))


# a stored switch that is on until the person turns it off: `getBoolean("reminders", true)`, `?? true`
DEFAULT_ON = re.compile(r"(getBool(ean)?\(\s*[^(),]+,\s*true\s*\)|\?\?\s*true\b|\?:\s*true\b|defaultValue\s*[:=]\s*true\b|bool\(\s*forKey:[^)]*\)\s*\?\?\s*true)")


def _run_at_launch_elsewhere(fn: Node, name: str, ctx: CheckContext) -> bool:
    """The file runs the function from its toggle, but another file also runs it at launch and the
    file's switch is on by default (`getBoolean("check_in", true)`): `CheckIn.arm(this, CheckIn.isOn(this))`
    in `Application.onCreate` schedules it for everyone who never touched the switch."""
    return bool(DEFAULT_ON.search(_source(ctx))) and any(t.kind == "load" for t in _project_triggers(name, ctx))


def _run_by_user_elsewhere(fn: Node, name: str, ctx: CheckContext) -> bool:
    """No code of this file runs the function, and other files of the project run it only from a
    tap, click or toggle (`onTap: () { NotificationService.startDaily(); }` in another screen)."""
    found = _project_triggers(name, ctx)
    return bool(found) and all(t.kind == "user" or (t.kind == "other" and _site_in_user_action(t.site, ctx)) for t in found)


def _site_in_user_action(site: project_index.Site, ctx: CheckContext) -> bool:
    """A call site of another file sits in a click or toggle handler that its name does not tell
    (`@IBAction func isChanged(_ sender: UISwitch)`, a `setOnClickListener { }` block)."""
    source = project_index.for_context(ctx).source(site.path)
    if source is None or not source.regions:
        return False
    spot = source.regions[0].root.descendant_for_byte_range(site.byte, site.byte)
    return spot is not None and _in_user_action(spot)


def _user_action_references(ctx: CheckContext) -> dict[str, list[Node]]:
    """Functions handed by name to a button or toggle (`onPressed: startReminders`,
    `button.setOnClickListener(this::startReminders)`, `addTarget(self, action: #selector(start), ...)`)."""
    memo = ctx.memo.get("ns-mobile-user-refs")
    if memo is None:
        memo = {}
        for call in calls(ctx.root):
            for arg in argument_nodes(call):
                label, value = _label(arg)
                ref = re.match(r"^(?:(?:self|this)\.|(?:this)?::|#selector\(\s*(?:self\.)?)?(\w+)\)?$", text(value).strip())
                if ref and (USER_ACTION_CALLS.match(call.name) or (label and USER_ACTION_LABELS.search(label))):
                    memo.setdefault(ref.group(1), []).append(value)
        ctx.memo["ns-mobile-user-refs"] = memo
    return memo


def _behind_user_switch(node: Node) -> bool:
    """In a branch on the person's own switch (not the system permission, not a stored switch
    that is on by default)."""
    fn = _enclosing_named(node)
    for anc in ancestors(node):
        if anc.type in FUNCTION_TYPES and function_name(anc):
            return False
        if anc.type in CONDITIONS:
            condition = text(anc.child_by_field_name("condition") or (anc.named_children[0] if anc.named_child_count else None))
            if USER_SWITCH.search(condition) and not SYSTEM_PERMISSION.search(condition) and not _switch_on_by_default(condition, fn):
                return True
    return False


# --------------------------------------------------------------------------------------------
# 1. permission requests at launch

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
                    scope = _enclosing_class(scope)  # added in `init { }` to the class's list: requested by any method
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
    definitions = list(_definitions(call.name, ctx))
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
        holders = {param} | {m.group(1) for m in re.finditer(rf"\b(?:val|var)\s+(\w+)\s*(?::[^=\n]+)?=\s*remember\w*Permissions?State\(\s*(?:listOf\(\s*)?{re.escape(param)}\b", _code(fn))}
        for ask in calls(fn):
            if not PERMISSION_ASKS.match(ask.name) or not ({ask.receiver.rsplit(".", 1)[-1]} | {text(a).strip() for a in argument_nodes(ask)}) & holders:
                continue
            lambdas = [a for a in ancestors(ask.node) if a.type in FUNCTION_TYPES and a.start_byte > fn.start_byte]
            owner = _block_owner(lambdas[0])[0] if lambdas else ""
            if lambdas and LAUNCH_BLOCKS.match(owner) and (owner != "LaunchedEffect" or _runs_once(lambdas[0])) and not _in_user_action(ask.node):
                return True
    return False


def _shown_after_tap(node: Node) -> bool:
    """Compose: the call sits in a branch on a state the same function sets only in a click or
    toggle handler (`var ask by remember { mutableStateOf(false) }`, `Button(onClick = { ask = true })`,
    `if (ask) PermissionDialog(...)`): it is shown once the person asked."""
    fn = _enclosing_named(node)
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
            if writes and all(_in_user_action(w) for w in writes):
                return True
    return False


def _declared_name(decl: Node) -> str:
    if decl.type == "local_variable_declaration":
        decl = decl.child_by_field_name("declarator") or decl
    name = decl.child_by_field_name("name") or decl.child_by_field_name("left")
    if name is None:
        name = next((c for c in decl.named_children if c.type in ("variable_declaration", "identifier", "directly_assignable_expression")), None)
    return text(name).split(":")[0].strip().rsplit(".", 1)[-1]


def _uses_of_holder(decl: Node, ctx: CheckContext, call_names: str, receiver: bool) -> list[Node]:
    """Calls named `call_names` on (receiver=True) or with (receiver=False) the declared variable."""
    return _uses_of_name(_declared_name(decl), ctx, call_names, receiver)


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
        where = _launch_context(site, ctx)
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
    name = _class_name(cls) if cls is not None else ""
    index = project_index.whole_project(ctx) if name and not project_index.too_common(name) else None
    if index is None or not ITEM_HANDED_OVER.search(text(cls)):
        return False
    here = str(Path(ctx.path).resolve())
    opens = re.compile(rf"\b{re.escape(name)}\s*(::class|\.class)\b")
    openers = [s for s in [*index.calls(name), *index.references(name)] if s.path != here and opens.search(s.snippet) and not project_index.NOT_A_RUN_PATH.search(s.shown)]
    return bool(openers) and all(ROW_OPENER.search(s.owner) and site_kind(s, index) == "user" for s in openers)


IOS_PERMISSION_RECEIVER = re.compile(r"(UNUserNotificationCenter|[Nn]otification|center|Center|OneSignal)")


def swift_permission_on_launch(ctx: CheckContext) -> Verdict | bool:
    call = _call_at(ctx)
    receiver = (_initialiser(call.receiver, ctx.node) or call.receiver) if call is not None else ""  # what it holds, not its name
    if call is None or not (call.name == "registerUserNotificationSettings" or IOS_PERMISSION_RECEIVER.search(receiver)):
        return False
    options = text(_argument(call, "options"))
    if re.search(r"\.provisional\b", options):
        return False  # provisional authorization delivers quietly and shows no prompt
    where = _launch_context(ctx.node, ctx)
    if where is None or _wrapper_of_direct_request(ctx.node, ctx, SWIFT_DIRECT_REQUEST) or _reported_at_wrapper_calls(ctx):
        return False
    return Verdict(message=f"notification permission is requested at launch ({call.name} in {where}), before the user asked for anything that needs it")


SWIFT_ASK_NAME = re.compile(r"^(requestAuthorization|requestPermission|promptForPushNotifications|registerUserNotificationSettings)$")


def _reported_at_wrapper_calls(ctx: CheckContext) -> bool:
    """The request sits in the app's own wrapper named like the request itself
    (`NotificationManager.instance.requestPermission()`), and every call of the wrapper is on a
    notification receiver, so the rule reports those calls: one finding, at the launch call."""
    fn = _enclosing_named(ctx.node)
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
    fn = _enclosing_named(node)
    if fn is None or not re.fullmatch(r"\w+", receiver):
        return ""
    m = re.search(rf"\b(let|var)\s+{re.escape(receiver)}\s*(:\s*[\w.?!]+\s*)?=\s*([^\n;]+)", text(fn)[: node.start_byte - fn.start_byte])
    return m.group(3) if m else ""


def _wrapper_of_direct_request(node: Node, ctx: CheckContext, direct: re.Pattern) -> bool:
    """The request sits in a method (`NotificationDelegate.shared.configure()`) that this file never
    calls and that other files call only right after asking themselves (the App's `init()` asks,
    then configures the delegate, which asks again): one launch prompt, reported at the first ask."""
    fn = _enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if not name or _callers(name, fn, ctx):
        return False
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    sites = [s for s in index.calls(name) if s.path != here and _calls_this_function(s, owner, index)]
    return bool(sites) and all(_asked_before_in_function(s, index, direct) for s in sites)


def _asked_before_in_function(site: project_index.Site, index: project_index.ProjectIndex, direct: re.Pattern) -> bool:
    """The function holding a call site of another file already requests the permission before it."""
    source = index.source(site.path)
    if source is None or not source.regions:
        return False
    spot = source.regions[0].root.descendant_for_byte_range(site.byte, site.byte)
    holder = _enclosing_named(spot) if spot is not None else None
    return holder is not None and bool(direct.search(text(holder)[: site.byte - holder.start_byte]))


DART_PERMISSION_RECEIVER = re.compile(r"(FirebaseMessaging|[Mm]essaging|Notifications?Plugin|LocalNotifications|OneSignal|AwesomeNotifications|Permission\.notification|[Nn]otification)")


def dart_permission_on_launch(ctx: CheckContext) -> Verdict | bool:
    call = _call_at(ctx)
    if call is None:
        return False
    # `PermissionUtil.request([Permission.camera, Permission.notification])`: the app's helper handed the list
    in_list = call.name == "request" and any(re.search(r"\bPermission\.notification\b", text(a)) for a in argument_nodes(call))
    if not (in_list or DART_PERMISSION_RECEIVER.search(call.receiver) or _platform_plugin(call.receiver, ctx)):
        return False
    if call.name == "request" and "Permission.notification" not in call.receiver and not in_list:
        return False
    fn = _enclosing_named(ctx.node)
    if fn is not None and _earlier_request(ctx.node, fn):
        return False  # the Android and iOS branches of one request: reported once, at the first
    where = _launch_context(ctx.node, ctx)
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
        c.node.id != ctx.node.id and _dart_request(c, ctx) and (w := _launch_context(c.node, ctx)) is not None and where.startswith(f"{w} via ")
        for c in calls(ctx.root)
    )


# what asks directly, in a method's text: a plugin request or iOS settings that ask as they initialize
DART_DIRECT_ASK = re.compile(r"(\.(requestPermission|requestPermissions|requestNotificationsPermission)\s*\(|request(Alert|Sound|Badge)Permission\s*:\s*true\b)")


def _asked_earlier_at_launch(fn: Node, ctx: CheckContext) -> bool:
    """This file's service is set up at launch in another file (`await LocalNotifications.instance.init()`
    in `main()`) after another service whose method already asks (`await PushService.instance.init()` a
    line before): a second service asking at the same start-up adds no prompt of its own."""
    name = function_name(fn)
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    if not name or not owner:
        return False
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    for site in index.calls(owner) + index.references(owner):
        if site.path == here or project_index.classify(site) != "load" or not _calls_method_after(site, owner, name):
            continue
        source = index.source(site.path)
        spot = source.regions[0].root.descendant_for_byte_range(site.byte, site.byte) if source is not None and source.regions else None
        holder = _enclosing_named(spot) if spot is not None else None
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
    fn = _enclosing_named(ctx.node)
    if fn is None or not re.search(r"\.initialize\s*\(", _code(fn)) or _other_settings_request(ctx.node, fn, ctx):
        return False
    where = _launch_context(ctx.node, ctx)
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
        DART_REQUEST.match(c.name) and c.name != "request" and (DART_PERMISSION_RECEIVER.search(c.receiver) or _platform_plugin(c.receiver, ctx)) and _launch_context(c.node, ctx) is not None
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
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    reached = bool(re.search(rf"\b(via|and) {re.escape(name)}\(\)$", where))  # the last step of the chain, however long
    return reached and bool(DART_REQUEST.match(name)) and bool(DART_PERMISSION_RECEIVER.search(owner))


def _platform_plugin(receiver: str, ctx: CheckContext) -> bool:
    """A variable holding flutter_local_notifications' platform plugin:
    `final android = plugin.resolvePlatformSpecificImplementation<...>();` then `android?.requestPermission()`."""
    name = receiver.rstrip("?!").rsplit(".", 1)[-1]
    if not re.match(r"^\w+$", name):
        return False
    src = _source(ctx)
    return bool(
        re.search(rf"\b{re.escape(name)}\s*=\s*[\w.?!\s]*resolvePlatformSpecificImplementation\b", src)
        or re.search(rf"\b(Android|IOS|MacOS|Darwin)FlutterLocalNotificationsPlugin\??\s+{re.escape(name)}\b", src)
    )


def _source(ctx: CheckContext) -> str:
    src = ctx.memo.get("ns-mobile-text")
    if src is None:
        src = ctx.memo["ns-mobile-text"] = ctx.data.decode("utf-8", "replace")
    return src


# --------------------------------------------------------------------------------------------
# 2. marketing push topics subscribed by default

MARKETING_TOPIC = re.compile(r"(promo|marketing|news|offer|deal|sale|discount|campaign|newsletter|announce|engag|retention|advert|coupon|tips)", re.I)
OPT_IN_CONDITION = re.compile(r"(pref|setting|enabled|optIn|opt_in|opted|consent|allow|wants|isChecked|checked|toggle|switch|accept|subscribed|isOn\b|value\b)", re.I)
CONDITIONS = ("if_expression", "if_statement", "guard_statement", "when_expression", "switch_statement", "conditional_expression")


def push_topic_subscription(ctx: CheckContext) -> Verdict | bool:
    call = _call_at(ctx)
    if call is None:
        return False
    topic_node = _argument(call, "toTopic", 0)
    topic = _literal_text(topic_node)
    if topic_node is None or not MARKETING_TOPIC.search(topic) or not re.match(r"^[\w\-.~%/$]+$", topic):
        return False
    if _in_user_action(ctx.node) or _behind_opt_in(ctx.node):
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


# --------------------------------------------------------------------------------------------
# 3. repeating schedules the app fixed

PREFERENCE_READ = re.compile(
    r"(pref|Pref|setting|Setting|userDefaults|UserDefaults|@AppStorage|dataStore|DataStore|getInt|getLong|getString|"
    r"picker|Picker|selected|chosen|userTime|reminderTime|reminder\.|habit\.|alarm\.|config\.|TimeOfDay)"
)


def _enclosing_named(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type in FUNCTION_TYPES and (function_name(a) or a.type == "init_declaration")), None)


def _parameter_names(fn: Node | None) -> set[str]:
    if fn is None:
        return set()
    names = set()
    for node in walk(fn):
        if node.type in ("parameter", "formal_parameter", "simple_parameter"):
            ident = node.child_by_field_name("name") or next((c for c in node.named_children if c.type in ("identifier", "simple_identifier")), None)
            if ident is not None:
                names.add(text(ident))
        if node.type in ("function_body", "block", "statements") and node.id != fn.id:
            break
    sig = fn.prev_named_sibling if fn.type == "function_body" else None  # Dart
    if sig is not None:
        for node in walk(sig):
            if node.type in ("formal_parameter", "optional_formal_parameters"):
                ident = next((c for c in walk(node) if c.type == "identifier"), None)
                names.update(text(c) for c in node.named_children if c.type == "identifier")
                if ident is not None:
                    names.add(text(ident))
    return names


# string literals (triple-quoted first; a double-quoted one may hold an apostrophe: "don't")
STRING_LITERAL = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')


def _user_chosen(code: str, fn: Node | None) -> bool:
    """The time comes from the user: a preference read, a picker, or the function's parameters.
    Words inside string literals do not count ("Check your settings", "Pick a time to study").
    A schedule behind a stored switch that is on until the person turns it off
    (`getBoolean("study_reminder_on", true)`, or a list preference such as `getString("interval", "24")`
    whose off value is "0") is the app's: everyone who never opened the settings
    gets it, at the app's default hour, so its preference reads do not make it the user's."""
    if DEFAULT_ON_SWITCH.search(code) or list_preference_on_by_default(code):
        return _time_parameter_used(code, fn) or _record_time(code)  # (also `getString("interval", "24")` with "0" = off)
    code = NOT_A_PREFERENCE.sub("", STRING_LITERAL.sub('""', code))
    return bool(PREFERENCE_READ.search(code)) or _time_parameter_used(code, fn) or _record_time(code)


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


def _time_parameter_used(code: str, fn: Node | None) -> bool:
    """A time parameter of the function is used, and has no literal default: a parameter
    `hour: Int = 20` / `{int hour = 20}` is the app's own hour unless a caller passes another."""
    defaults = _parameter_defaults(fn) if fn is not None else {}
    params = {p for p in _parameter_names(fn) if p not in defaults and re.search(r"(hour|minute|time|date|^at$|when|interval|delay|trigger|reminder|components|schedule)", p, re.I)}
    return any(re.search(rf"\b{re.escape(p)}\b", code) for p in params)


PARAMETER_DEFAULT = re.compile(r"\b(\w+)\s*(?::\s*[\w.?]+\s*)?[=:]\s*(\d+)\b")


def _parameter_defaults(fn: Node) -> dict[str, str]:
    """Parameters with a literal number as default value (`hour: Int = 20`, `{int hour = 20}`)."""
    return {m.group(1): m.group(2) for m in PARAMETER_DEFAULT.finditer(_parameter_text(fn))}


def _file_parameter_defaults(ctx: CheckContext) -> dict[str, str]:
    """Every parameter default of the file, by parameter name (first one wins)."""
    memo = ctx.memo.get("ns-mobile-param-defaults")
    if memo is None:
        memo = {}
        for node in walk(ctx.root):
            if node.type in FUNCTION_TYPES and (function_name(node) or node.type == "init_declaration"):
                for name, value in _parameter_defaults(node).items():
                    memo.setdefault(name, value)
        ctx.memo["ns-mobile-param-defaults"] = memo
    return memo


CONSTANT_NAME = re.compile(r"^(k[A-Z]\w*|[A-Z][A-Z0-9_]+)$")


def _literal_number(expr: str, ctx: CheckContext) -> bool:
    """An integer literal, a constant, or a `const`/`let` name of the file bound to a number."""
    expr = expr.strip()
    if re.match(r"^\d+(\.\d+)?[LlFf]?$", expr) or CONSTANT_NAME.match(expr.rsplit(".", 1)[-1]):
        return True
    name = expr.rsplit(".", 1)[-1]
    if not re.match(r"^\w+$", name):
        return False
    if name in _file_parameter_defaults(ctx):
        return True  # `hour` of `scheduleDaily({int hour = 20})`
    src = _source(ctx)
    return bool(re.search(rf"\b(const|val|let|final|static)\b[^=\n]*\b{re.escape(name)}\b\s*(:\s*\w+)?\s*=\s*\d+\b", src))


HOUR_SET = re.compile(
    r"(\bHOUR(_OF_DAY)?\s*[\],]\s*(=\s*)?|\bhour\s*[:=]\s*|\.withHour\(|LocalTime\.of\(|TZDateTime\([^,]+,[^,]+,[^,]+,[^,]+,\s*|Time\(|"
    r"DateComponents\(hour:\s*|\.hour\s*=\s*|setHours?\()(?P<hour>[\w.]+)"
)


TYPE_NAMES = frozenset({"Int", "Long", "Integer", "Double", "Float", "Number", "UInt", "Int32", "Int64", "int", "num", "double"})


# a time of day kept in a local: `val noon = LocalTime.of(12, 0)`, `val t = LocalTime.NOON`
LOCAL_TIME = re.compile(r"\b(\w+)\s*(?::\s*LocalTime\s*)?=\s*LocalTime\.(?:of\(\s*(?P<hour>\d+)\b|(?P<named>NOON|MIDNIGHT)\b)")


def _fixed_hour(code: str, ctx: CheckContext) -> str | None:
    """The hour the code fixes, when every hour it sets is a literal or a constant: the last one
    set before the matched call (two triggers in one function, 8:00 then 20:00), else the first.
    A time kept in a local (`atTime(noon)` after `val noon = LocalTime.of(12, 0, 0)`) is its hour."""
    locals_ = {m.group(1): m.group("hour") or ("12" if m.group("named") == "NOON" else "0") for m in LOCAL_TIME.finditer(code)}
    sets = [m for m in HOUR_SET.finditer(code) if m.group("hour") not in TYPE_NAMES and m.group("hour") not in locals_]  # not `hour: Int = 20`
    loop_vars = _literal_loop_variables(ctx.node)  # `for hour in [9, 12, 18]`
    if not sets or not all(_literal_number(m.group("hour"), ctx) or m.group("hour") in loop_vars for m in sets):
        return None
    at = code.find(text(ctx.node)[:60])
    before = [m for m in sets if m.start() < at]
    hour = (before[-1] if before else sets[0]).group("hour")
    if hour in loop_vars:
        return "/".join(_loop_values(hour, ctx.node)) or hour
    return _file_parameter_defaults(ctx).get(hour, hour)


MINUTE_SET = re.compile(r"(\bMINUTE\s*[\],]\s*(=\s*)?|\bminute\s*[:=]\s*|\.withMinute\()(?P<minute>\d+)\b")


def _clock(hour: str, code: str) -> str:
    """`18:30` when the code sets one literal minute besides the hour (`set(Calendar.MINUTE, 30)`), else `18:00`."""
    minutes = {int(m.group("minute")) for m in MINUTE_SET.finditer(code)}
    return f"{hour}:{minutes.pop():02d}" if len(minutes) == 1 and hour.isdigit() else f"{hour}:00"


def _loop_values(name: str, node: Node) -> list[str]:
    """The literal values the loop variable `name` walks (`[9, 12, 18]` or a local list of them)."""
    for anc in ancestors(node):
        if anc.type in LOOP_TYPES:
            m = re.match(rf"^\s*for\s*\(?\s*(?:final\s+|var\s+|let\s+|int\s+)?{re.escape(name)}\s+in\s+([^{{]+)", text(anc))
            if m:
                values = m.group(1).strip(" )")
                fn = _enclosing_named(anc)
                bound = re.search(rf"\b{re.escape(values)}\s*(:\s*[\w<>\[\]?]+\s*)?=\s*(const\s+)?(listOf\(|arrayOf\(|intArrayOf\(|\[)([^\])]*)", text(fn)) if fn is not None and re.match(r"^\w+$", values) else None
                return re.findall(r"\d+", bound.group(4) if bound else values)
    return []


# Helpers named for a date, a time or a delay: `nextInstanceOfTenAM`, `triggerAt`, `msUntilNextNoon`, `delayUntilMorning`.
DATE_HELPER = re.compile(r"([Nn]ext|Instance|Date|Time|[Tt]rigger|[Ss]chedule|At$|Calendar|[Uu]ntil|[Dd]elay|Noon|Midnight|Morning|Evening)")


def _scope_code(node: Node, ctx: CheckContext) -> tuple[Node | None, str]:
    """The enclosing named function and its code, plus the bodies of same-file helpers it
    calls for a date or a delay (`_nextInstanceOfTenAM()`, `nextTriggerAt()`, `msUntilNextNoon()`,
    also when the result goes through a local: `val delayMs = msUntilNextNoon()`)."""
    fn = _enclosing_named(node)
    code = _code(fn if fn is not None else node)
    helpers = [c.name for c in calls(fn or node) if DATE_HELPER.search(c.name)]
    helpers += [c.name for c in calls(node)]  # whatever the scheduling call itself is handed (`everyDayAtSix()`)
    for name in dict.fromkeys(helpers):
        if name not in ("zonedSchedule", "schedule"):
            for definition in _definitions(name, ctx):
                if fn is None or definition.id != fn.id:
                    code += "\n" + _code(definition)
    return fn, code


COMMENTS = ("comment", "line_comment", "block_comment", "multiline_comment", "documentation_comment")


def _code(node: Node) -> str:
    """The text of `node` without its comments (a comment that mentions notifications, or
    commented-out code, says nothing about what runs)."""
    data, start = node.text or b"", node.start_byte
    for comment in sorted((n for n in walk(node) if n.type in COMMENTS), key=lambda n: n.start_byte, reverse=True):
        data = data[: comment.start_byte - start] + data[comment.end_byte - start :]
    return data.decode("utf-8", "replace")


def _definitions(name: str, ctx: CheckContext) -> list[Node]:
    return functions_by_name(ctx).get(name, [])


# names in any case (`notificationIntent`, `ReminderReceiver`); short words only capitalised (`Tip`, not "multiple")
# and the common abbreviation `Noti` (`NotiService`, `alarmNotiIntent`), not "Notice"
# "inactive" as a word or a camel-case part, not the "inActiv" of MainActivity / getActivity
INACTIVE = r"(?<![A-Za-z])inactiv|Inactiv|INACTIV"
NOTIFICATION_TARGET = re.compile(rf"((?i:notif|remind|nudge|engag|come_?back|streak|motivat|retention)|{INACTIVE}|Noti(?![a-z])|Recall|Push|Quote|Tip)")


def android_repeating_alarm(ctx: CheckContext) -> Verdict | bool:
    """AlarmManager.setRepeating / setInexactRepeating firing a notification at an app-chosen time."""
    call = _call_at(ctx)
    if call is None:
        return False
    fn, code = _scope_code(ctx.node, ctx)
    args = argument_nodes(call)
    target = text(args[-1]) if args else ""
    # one function setting several alarms: what this one wakes, not what the others do
    several = fn is not None and sum(c.name in ("setRepeating", "setInexactRepeating") for c in calls(fn)) > 1
    woken = _built_from(target, code) if several else code + target
    woken += _intent_helpers_code(woken, fn, ctx)
    if not NOTIFICATION_TARGET.search(woken) and not _wakes_a_notifying_receiver(ctx, woken):
        return False
    if _wakes_a_silent_class(ctx, woken) or _wakes_a_foreground_service(ctx, woken):
        return False  # the intent's class, found in the project, posts nothing (an empty class, a receiver that logs)
    trigger = text(args[1]) if len(args) > 1 else ""
    if _user_chosen(code, fn) or _not_app_driven(ctx.node, ctx) or (re.match(r"^\w+$", trigger) and trigger in _parameter_names(fn)):
        return False
    if _alarm_polls(fn, code) or _item_time(code):
        return False
    hour = _fixed_hour(code, ctx)
    if hour is None and not re.search(r"(currentTimeMillis|elapsedRealtime|SystemClock|Calendar\.getInstance\(\)|System\.currentTimeMillis|\bnew\s+Date\(\s*\)\.getTime\(\)|\bDate\(\s*\)\.time\b)", code):
        return False
    when = f" at {_clock(hour, code)}" if hour is not None else ""
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


# Code that posts a notification (the platform builders, an app helper show/send/display...Notification).
POSTS_NOTIFICATION = re.compile(r"(\.notify\(|NotificationCompat\.Builder|Notification\.Builder|show\w*Notification\(|send\w*Notification\(|display\w*Notification\()")


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


def _class_code(name: str, ctx: CheckContext) -> str | None:
    """The code of class `name`: declared in this file, else the project file named after it, else None."""
    definition = next((n for n in walk(ctx.root) if n.type in ("class_declaration", "object_declaration") and _class_name(n) == name), None)
    if definition is not None:
        return _code(definition)
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
    declared_here = [n for n in walk(ctx.root) if n.type in ("class_declaration", "object_declaration") and _class_name(n) in names]
    if any(POSTS_NOTIFICATION.search(_code(n)) for n in declared_here):
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
    return "".join("\n" + _code(d) for name in names for d in _definitions(name, ctx) if fn is None or d.id != fn.id)


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
    names = targets + (_owner_names(fn) if fn is not None else [])
    return any(POLLING_TARGET.search(n) for n in names if n)


# the time of one of the user's own items: `task.getDueDate()`, `reminder.time`, a database row's time column
ITEM_TIME = re.compile(
    r"(\b(?i:task|todo|item|event|reminder|alarm|habit|note|entry|appointment|medication|medicine|med|dose|pill|lesson|course|exam|"
    r"assignment|goal|plan|booking|deadline|schedule(?!d?_?(time|date|datetime|at)\.)|subject|lecture|class)\w*\.(get|m_?)?(?i:(start|end|due|alarm|reminder|remind|notify|notification|trigger|event|task)?_?"
    r"(time|date|hour|minute|deadline|due|when|at|timestamp|millis)(InMillis|Millis|Stamp|_?ms)?)\b(?!\s*=[^=])|"
    r"getColumnIndex\w*\(\s*[\w.]*(?i:time|date|due|hour|when)|"
    r"get(Long|Int|String)Extra\(\s*[\w.]*\"?\w*(?i:time|date|hour|when|millis))"
)


def _item_time(code: str) -> bool:
    """The alarm time is read from one of the user's own items (a task's due time, a reminder's
    time, a row of their list), not fixed by the app. The app's own computed trigger
    (`scheduledTime.hour`, `scheduleDate.minute`) is not an item."""
    return bool(ITEM_TIME.search(code))


NOW_PLUS_DELAY = re.compile(r"(System\.currentTimeMillis\(\)|SystemClock\.elapsedRealtime\(\)|Calendar\.getInstance\(\)\.timeInMillis)\s*\+\s*(?P<delay>[\w.\s*()]+)")


def android_rearming_alarm(ctx: CheckContext) -> Verdict | bool:
    """A BroadcastReceiver that posts a notification and sets the alarm that wakes it again,
    a fixed time later (`alarmManager.set(RTC_WAKEUP, currentTimeMillis() + INTERVAL_HOUR, pi)` in
    `onReceive`): a notification every hour or day, for as long as the app is installed."""
    call = _call_at(ctx)
    if call is None or not re.search(r"(?i)alarm", call.receiver):
        return False
    fn = _enclosing_named(ctx.node)
    if fn is None or function_name(fn) != "onReceive":
        return False
    args = argument_nodes(call)
    m = NOW_PLUS_DELAY.search(text(args[1])) if len(args) > 1 else None
    if m is None or not all(_literal_number(p, ctx) for p in re.findall(r"[A-Za-z_][\w.]*|\d+", m.group("delay")) if p not in ("L", "toLong")):
        return False
    code = _code(fn)
    receiver = _class_name(_enclosing_class(fn))
    if not re.search(r"(\.notify\(|NotificationCompat\.Builder|Notification\.Builder|show\w*Notification\()", code):
        return False
    if not (re.search(rf"\b{re.escape(receiver)}\b\s*(::class|\.class)", code) if receiver else False) and not re.search(r"getBroadcast\([^,]+,[^,]+,\s*intent\b", code):
        return False  # the alarm wakes something else, not this receiver again
    if _alarm_polls(fn, code):
        return False
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
    definition = next((n for n in walk(ctx.root) if n.type in ("class_declaration",) and _class_name(n) == worker), None)
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
    if interval is None or not _literal_number(re.sub(r"^(Duration\.of\w+|\w+\.(days|hours|minutes))\(|\)$", "", interval), ctx):
        return False  # the period comes from the user's settings or the caller
    started_with_app = definition is None and not _minutes_period(ctx) and bool(CHAIN_POSTS.search(followed)) and _enqueued_at_app_start(ctx)
    if definition is None and not ((posts and copy) or (NUDGE_WORKER_NAME.search(worker) and not _minutes_period(ctx)) or started_with_app):
        return False  # a worker of another file named only after notifications, or run every few minutes, checks the user's own items
    if definition is not None and not copy and _minutes_period(ctx) and not NUDGE_WORKER_NAME.search(worker) and USER_RECORDS.search(text(definition)):
        return False  # a checker run every few minutes over the user's own records (their recurring bills, their tasks)
    fn, code = _scope_code(ctx.node, ctx)
    if _user_chosen(code, fn) or _not_app_driven(ctx.node, ctx):
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
        return _code(worker)
    return "\n".join(_code(f) for f in functions if not re.search(r"Foreground", function_name(f)) and not PROGRESS.search(text(f)))


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
    fn = _enclosing_named(ctx.node)
    name = function_name(fn) if fn is not None else ""
    if not name:
        return False
    index = project_index.for_context(ctx)
    files = index.files()
    sites = index.calls(name) if name != "onCreate" else []
    if name == "onCreate":
        owner = _class_name(_enclosing_class(fn))
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
    call = _call_at(ctx)
    return call is not None and bool(re.search(r"\bMINUTES\b|\bofMinutes\b|\.minutes\b", " ".join(text(a) for a in argument_nodes(call))))


def _periodic_interval(ctx: CheckContext) -> str | None:
    """The repeat interval argument: after the worker class in Builder(W::class.java, 1, DAYS)."""
    call = _call_at(ctx)
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
    call = _call_at(ctx)
    if call is None or "JobInfo" not in _source(ctx):
        return False
    args = argument_nodes(call)
    period = text(args[0]) if args else ""
    fn, code = _scope_code(ctx.node, ctx)
    service = JOB_SERVICE.search(code)
    if not period or service is None or _time_parameter_used(period, fn) or PREFERENCE_READ.search(period):
        return False  # the period comes from the caller or the user's settings
    name = service.group(1)
    definition = next((n for n in walk(ctx.root) if n.type in CLASS_TYPES and _class_name(n) == name), None)
    if definition is not None:
        service_code = _worker_notifications(definition)
    else:
        index = project_index.for_context(ctx)
        service_code = "\n".join(d.text for d in index.definitions("onStartJob") if d.owner == name)
        for helper in dict.fromkeys(re.findall(r"\b(\w*(?i:notif|remind|nudge|alert)\w*)\s*\(", service_code)):
            service_code += "".join("\n" + d.text for d in index.definitions(helper)[:3])
    posts = re.search(r"(\.notify\(|show\w*Notification\(|send\w*Notification\()", STRING_LITERAL.sub('""', service_code))
    if posts is None or _builds_but_never_posts(service_code) or _item_time(service_code):
        return False
    service_code = android_strings.with_resource_texts(service_code, ctx)  # `getString(R.string.comeback_body)`: its words
    copy = REENGAGE_WORKER_COPY.search(service_code)
    if not (copy or NUDGE_WORKER_NAME.search(name)):
        return False  # a job named only after its work (a sync, a cleanup) that also notifies
    if _polls_server(name, fn, code) or JOB_NEEDS_NETWORK.search(code) or FETCHES_ANDROID.search(service_code):
        return False  # it fetches what is new and notifies about that
    if DUE_NOTICE.search(service_code) and not copy or _user_chosen(code, fn) or _not_app_driven(ctx.node, ctx):
        return False
    detail = f' with re-engagement copy ("{copy.group(0)}")' if copy else ""
    return Verdict(
        message=f"a periodic JobScheduler job ({name}, setPeriodic) posts notifications{detail} on a schedule the app chose, not one the user set",
        note=_quiet_note(ctx),
    )


# a job that downloads what is new (and notifies about it)
FETCHES_ANDROID = re.compile(r"(HttpURLConnection|OkHttp|Retrofit|Volley|\.execute\(\)|\.enqueue\(|\bfetch\w*\(|\bsync\w*\()")


# --------------------------------------------------------------------------------------------
# 3b. a one-off nudge scheduled when the user leaves the app, for a fixed delay later

LEAVE_FUNCTIONS = re.compile(
    r"^(applicationDidEnterBackground|applicationWillResignActive|applicationWillTerminate|sceneDidEnterBackground|"
    r"sceneWillResignActive|sceneDidDisconnect|appMovedToBackground|appWillTerminate)$"
)
LEAVE_STATE = re.compile(r"(\.background\b|AppLifecycleState\.(paused|inactive|detached|hidden)\b|\bonPause\b|\bonHide\b|\bonDetach\b)")
BRANCHES = ("if_statement", "if_expression", "guard_statement", "switch_entry", "switch_statement_case", "when_entry", "conditional_expression")
LEAVE_NOTIFICATIONS = re.compile(r"(didEnterBackgroundNotification|willResignActiveNotification|willTerminateNotification|UIApplicationDidEnterBackground)")


def _leave_context(node: Node, ctx: CheckContext) -> str | None:
    """What runs `node` when the user leaves the app: `applicationDidEnterBackground`,
    `sceneDidEnterBackground`, a `.background` scene phase or `AppLifecycleState.paused` branch,
    an observer of `didEnterBackgroundNotification`; directly or through functions of the file."""
    def branch_leaves(anc: Node) -> str | None:
        head = text(anc).split("{", 1)[0] if anc.type.startswith("if") or anc.type == "guard_statement" else text(anc).split(":", 1)[0]
        return "the app going to the background" if LEAVE_STATE.search(head) else None

    def function_leaves(fn: Node, name: str) -> bool:
        return bool(LEAVE_FUNCTIONS.match(name)) or _observes_leaving(name, ctx)

    return _reached_on_leaving(node, ctx, branch_leaves, function_leaves, with_inits=True)


def _reached_on_leaving(node: Node, ctx: CheckContext, branch_leaves, function_leaves, with_inits: bool = False, depth: int = 0) -> str | None:
    """The leave event around `node` (a branch or function that says so), else the one its
    callers in the file are reached from (two levels), as "<event> via <function>()"."""
    for anc in ancestors(node):
        if anc.type in BRANCHES:
            found = branch_leaves(anc)
            if found is not None:
                return found
        if anc.type in FUNCTION_TYPES and (function_name(anc) or with_inits and anc.type == "init_declaration"):
            name = function_name(anc)
            if name and function_leaves(anc, name):
                return name
            if depth >= 2 or not name:
                return None
            for caller in _callers(name, anc, ctx):
                where = _reached_on_leaving(caller, ctx, branch_leaves, function_leaves, with_inits, depth + 1)
                if where is not None:
                    return f"{where} via {name}()"
            return None
    return None


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
    call = _call_at(ctx)
    if call is None:
        return False
    where = _android_leave_context(ctx.node, ctx)
    if where is None:
        return False
    fn, code = _scope_code(ctx.node, ctx)
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
    if _not_app_driven(ctx.node, ctx) or PROGRESS.search(code) or _user_chosen(code, fn):
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
        return bool(ANDROID_LEAVE_FUNCTIONS.match(name)) and (_screen_or_app_class(fn) or "LifecycleOwner" in text(fn).split("{", 1)[0])

    return _reached_on_leaving(node, ctx, branch_leaves, function_leaves)


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
    m = re.search(rf"\b(val|var|final|const)\b[^=\n]*\b{re.escape(name)}\s*(:\s*\w+\s*)?=\s*(\d+)L?\b", _source(ctx))
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
    definition = next((n for n in walk(ctx.root) if n.type in ("class_declaration", "object_declaration") and _class_name(n) == cls), None)
    if definition is not None:
        return _worker_notifications(definition)
    if project_index.too_common(cls):
        return ""
    index = project_index.for_context(ctx)
    code = "\n".join(d.text for d in index.definitions(method) if d.owner == cls)
    for name in dict.fromkeys(re.findall(r"\b(\w*(?i:notif|remind|nudge|alert)\w*)\s*\(", code)):
        code += "".join("\n" + d.text for d in index.definitions(name)[:3])
    return code


def _observes_leaving(name: str, ctx: CheckContext) -> bool:
    """`addObserver(self, selector: #selector(name), name: UIApplication.didEnterBackgroundNotification, ...)`."""
    return bool(name) and bool(re.search(rf"#selector\(\s*(self\.)?{re.escape(name)}\b[^)]*\)[^\n]*{LEAVE_NOTIFICATIONS.pattern}", _source(ctx)))


FIXED_DELAY = re.compile(r"(addingTimeInterval\(\s*(?P<a>[\w.\s*+()]+?)\s*\)|byAdding:\s*\.(?P<unit>day|hour|weekOfYear|minute),\s*value:\s*(?P<v>\w+)|timeIntervalSinceNow:\s*(?P<b>[\w.\s*+()]+?)\s*\))")
LURE_TITLE = re.compile(r"(?i)(miss|come back|waiting|streak|been a while|haven'?t)")


def swift_leave_nudge(ctx: CheckContext) -> Verdict | bool:
    """A UNTimeIntervalNotificationTrigger / UNCalendarNotificationTrigger (not repeating) for a
    fixed delay, scheduled when the user leaves the app: a "come back" nudge hours or days later."""
    call = _call_at(ctx)
    if call is None or text(_argument(call, "repeats")) == "true":
        return False
    fn, code = _scope_code(ctx.node, ctx)
    if call.name == "UNTimeIntervalNotificationTrigger":
        delay = text(_argument(call, "timeInterval"))
    else:
        m = FIXED_DELAY.search(code)
        delay = (m.group("a") or m.group("b") or f"{m.group('v')} {m.group('unit')}{'' if m.group('v') == '1' else 's'}") if m else ""
    if not delay or not _fixed_delay(delay, ctx, ctx.node) or _user_chosen(code, fn):
        return False
    where = _leave_context(ctx.node, ctx)
    if where is None:
        return False
    return Verdict(message=f"a notification is scheduled for a fixed delay ({delay.strip()}) when the user leaves the app ({where}): a nudge to come back, not news they asked for", note=_quiet_note(ctx))


def _fixed_delay(expr: str, ctx: CheckContext, node: Node) -> bool:
    """The delay is built from literals, constants and loop variables over literals, and is at
    least an hour (or unknown constants): `86400`, `60 * 60 * 24 * Double(day)`, `3 day`."""
    loop_vars = _literal_loop_variables(node)
    expr = re.sub(r"(?<=\d)_(?=\d)", "", expr)  # 86_400
    parts = re.findall(r"[A-Za-z_][\w.]*|\d+(?:\.\d+)?", expr)
    names = [p for p in parts if not re.match(r"^\d", p) and p not in ("Double", "TimeInterval", "Int", "Float", "CGFloat", "day", "days", "hour", "hours", "weekOfYear", "weekOfYears", "minute", "minutes")]
    if not parts or not all(p in loop_vars or _literal_number(p, ctx) for p in names):
        return False
    unit = re.search(r"\b(days?|hours?|weekOfYears?)\b", expr)
    numbers = [float(p) for p in parts if re.match(r"^\d", p)]
    if unit or names:
        return True  # `1 day`, or named constants (`kOneDay`, `day * secondsPerDay`)
    product = 1.0
    for n in numbers:
        product *= n
    return product >= 3600 if "*" in expr else max(numbers, default=0) >= 3600


def _literal_loop_variables(node: Node) -> set[str]:
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
    fn = _enclosing_named(loop)
    if fn is None or not re.match(r"^\w+$", name):
        return False
    return bool(re.search(rf"\b(let|var|val|final|const)\s+{re.escape(name)}\s*(:\s*[\w<>\[\]?]+\s*)?=\s*(const\s+)?(listOf\(|arrayOf\(|intArrayOf\(|\[)\s*\d+(\s*,\s*\d+)*\s*[\])]", text(fn)))


def swift_repeating_trigger(ctx: CheckContext) -> Verdict | bool:
    """UNCalendarNotificationTrigger / UNTimeIntervalNotificationTrigger with repeats: true
    (also written `UNCalendarNotificationTrigger.init(...)`)."""
    call = _call_at(ctx)
    if call is None:
        return False
    if call.name == "init":
        call = dataclasses.replace(call, name=call.receiver)
    if text(_argument(call, "repeats")) != "true":
        return _next_fixed_hour(ctx, call) if call.name == "UNCalendarNotificationTrigger" else False
    fn, code = _scope_code(ctx.node, ctx)
    if call.name == "UNTimeIntervalNotificationTrigger":
        interval = text(_argument(call, "timeInterval"))
        parts = re.findall(r"[A-Za-z_][\w.]*|\d+(?:\.\d+)?", interval)
        if not parts or not all(_literal_number(p, ctx) for p in parts) or _not_app_driven(ctx.node, ctx):
            return False
        return Verdict(message=f"a local notification repeats every {interval} seconds on an interval the app chose (UNTimeIntervalNotificationTrigger, repeats: true)", note=_quiet_note(ctx))
    components = text(_argument(call, "dateMatching"))
    if re.search(r"\bfrom:", components):
        return False
    launch_hours = _hours_passed_at_launch(fn, components, code, ctx)
    if launch_hours:
        return Verdict(message=f"a local notification repeats every day at {', '.join(launch_hours)}, hours the app passes to {function_name(fn)}() when it starts (UNCalendarNotificationTrigger, repeats: true), not ones the user set", note=_quiet_note(ctx))
    stored = _stored_default_at_launch(fn, code, ctx)
    if stored is not None:
        return Verdict(message=f"a local notification repeats every day at {stored}, not a time the user set (UNCalendarNotificationTrigger, repeats: true)", note=_quiet_note(ctx))
    if _user_chosen(code, fn) or _not_app_driven(ctx.node, ctx):
        return False
    hour = _fixed_hour(code, ctx)
    if hour is None:
        return _every_minute_or_hour(ctx, components, code)
    own = re.search(rf"\b{re.escape(components)}\.hour\s*=\s*(\w+)", code) if re.match(r"^\w+$", components) else None
    hour = _file_parameter_defaults(ctx).get(own.group(1), own.group(1)) if own else hour  # the hour set on these components (`night.hour = 20`)
    minutes = "\n".join(re.findall(rf"\b{re.escape(components)}\.minute\s*=\s*\d+", code)) if own else code
    return Verdict(message=f"a local notification repeats at {_clock(hour, minutes)} on a schedule the app chose (UNCalendarNotificationTrigger, repeats: true), not one the user set", note=_quiet_note(ctx))


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
    for caller in _callers(function_name(fn), fn, ctx):
        call = as_call(caller)
        if call is None or _in_user_action(caller) or _launch_context(caller, ctx) is None:
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
    times = {p for p in _parameter_names(fn) if re.search(r"(time|date|^at$|when|hour)", p, re.I) and re.search(rf"\b{re.escape(p)}\b", code)}
    labels = _parameter_labels(fn)
    positions = [i for i, names in enumerate(labels) if names & times]
    if len(positions) != 1:
        return None
    index = project_index.for_context(ctx)
    owner = _class_name(_enclosing_class(fn)).lstrip("_")
    for site in index.calls(name):
        if index.is_test_path(site.path) or _site_in_settings(site) or not _calls_this_function(site, owner, index):
            continue
        call = _call_at_site(site, index)
        if call is None or _site_in_user_action(site, ctx) or _runs_at_launch(site, index) is None:
            continue
        args = [_label(a) for a in argument_nodes(call)]
        given = next((v for label, v in args if label in labels[positions[0]]), None)
        if given is None and len(args) == len(labels) and all(label is None for label, _ in args):
            given = args[positions[0]][1]
        caller = _enclosing_named(call.node)
        if any(a.type in LOOP_TYPES or (a.type in FUNCTION_TYPES and _block_owner(a)[0] in ("forEach", "map", "compactMap")) for a in ancestors(call.node) if caller is None or a.start_byte > caller.start_byte):
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
            holder = _enclosing_named(node) if node is not None else None
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
    components = text(_argument(call, "dateMatching"))
    fn, code = _scope_code(ctx.node, ctx)
    if not re.match(r"^\w+$", components):
        return False
    from_now = _components_of_now(components, code)
    if not (from_now or re.search(rf"\b{re.escape(components)}\s*=\s*DateComponents\(\s*\)", code)):
        return False
    fields = dict(re.findall(rf"\b{re.escape(components)}\.(\w+)\s*=\s*([^\n;]+)", code))
    for key in ("calendar", "timeZone", "second", "nanosecond", *(("year", "month", "day") if from_now else ())):
        fields.pop(key, None)
    if "hour" not in fields or set(fields) - {"hour", "minute"} or not all(_literal_number(v.strip(), ctx) for v in fields.values()):
        return False
    if _user_chosen(code, fn) or _not_app_driven(ctx.node, ctx):
        return False
    if from_now and _launch_context(ctx.node, ctx) is None:
        return False  # today's date at a fixed hour, set once: only a screen load that sets it again makes it daily
    hour = _file_parameter_defaults(ctx).get(fields["hour"].strip(), fields["hour"].strip())
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
    if not fields or set(fields) - {"second", "minute"} or not all(_literal_number(v.strip(), ctx) for v in fields.values()):
        return False
    every = "hour" if "minute" in fields else "minute"
    return Verdict(message=f"a local notification repeats every {every} (UNCalendarNotificationTrigger matching only the {'minute' if every == 'hour' else 'second'}, repeats: true), on a schedule the app chose", note=_quiet_note(ctx))


def _local_value(name: str, fn: Node | None) -> str:
    """What a local variable of the function is set to (`const repeatInterval = RepeatInterval.daily;`
    then `periodicallyShow(..., repeatInterval, ...)`), or `name` itself."""
    if fn is None or not re.match(r"^\w+$", name) or name in _parameter_names(fn):
        return name
    m = re.search(rf"\b(const|final|var|val|let)\s+(\w+\s+)?{name}\s*(:\s*\w+\s*)?=\s*([^;\n]+)", text(fn))
    return m.group(4).strip() if m else name


def dart_repeating_notification(ctx: CheckContext) -> Verdict | bool:
    """flutter_local_notifications periodicallyShow / showDailyAtTime / zonedSchedule repeats."""
    call = _call_at(ctx)
    if call is None:
        return False
    fn, code = _scope_code(ctx.node, ctx)
    if call.name in ("periodicallyShow", "periodicallyShowWithDuration"):
        interval = _argument(call, "repeatInterval", 3) or _argument(call, "repeatDurationInterval", 3)
        value = _local_value(text(interval), fn)
        if not re.match(r"^(\w+\.)?RepeatInterval\.\w+$|^(const )?Duration\(", value) or (call.name.endswith("Duration") and _user_chosen(value, fn)):
            return False
        if _not_app_driven(ctx.node, ctx):
            return False
        every = value.rsplit(".", 1)[-1] if "RepeatInterval" in value else value
        return Verdict(message=f"a local notification repeats {every} from the moment the app scheduled it ({call.name}), not at a time the user set", note=_quiet_note(ctx))
    if call.name in ("showDailyAtTime", "showWeeklyAtDayAndTime"):
        if _user_chosen(code, fn) or _not_app_driven(ctx.node, ctx) or _fixed_hour(code, ctx) is None:
            return False
        return Verdict(message=f"a local notification repeats at a time the app chose ({call.name}), not one the user set", note=_quiet_note(ctx))
    repeats = _argument(call, "matchDateTimeComponents")
    if repeats is None:
        return _counting_loop_schedule(ctx, call, fn, code) or _dart_leave_nudge(ctx, call, fn, code)
    if _user_chosen(code, fn) or _not_app_driven(ctx.node, ctx):
        return False
    hour = _fixed_hour(code, ctx)
    if hour is None:
        return False
    cadence = "weekly" if re.search(r"dayOfWeek", text(repeats)) else "monthly" if "dayOfMonth" in text(repeats) else "daily"
    return Verdict(message=f"a local notification repeats {cadence} at {_clock(hour, code)} on a schedule the app chose (zonedSchedule with matchDateTimeComponents), not one the user set", note=_quiet_note(ctx))


DART_DELAY = re.compile(r"\.now\([^()]*\)\s*\.add\(\s*(const\s+)?Duration\(\s*(?P<unit>days|hours|minutes):\s*(?P<v>\w+)")


def _dart_leave_nudge(ctx: CheckContext, call: Call, fn: Node | None, code: str) -> Verdict | bool:
    """zonedSchedule for now plus a fixed Duration when the app goes to the background
    (`AppLifecycleState.paused`): a nudge to come back later."""
    m = DART_DELAY.search(code)
    if m is None or not (m.group("v") in _literal_loop_variables(ctx.node) or _literal_number(m.group("v"), ctx)):
        return False
    if m.group("unit") == "minutes" and m.group("v").isdigit() and int(m.group("v")) < 60:
        return False  # a short timer, not a "come back tomorrow"
    where = _leave_context(ctx.node, ctx)
    if where is None or _user_chosen(code, fn):
        return False
    unit = m.group("unit")[:-1] if m.group("v") == "1" else m.group("unit")
    return Verdict(message=f"a notification is scheduled {m.group('v')} {unit} after the user leaves the app ({where}): a nudge to come back, not news they asked for", note=_quiet_note(ctx))


def dart_awesome_repeating(ctx: CheckContext) -> Verdict | bool:
    """awesome_notifications `NotificationCalendar(hour: 9, repeats: true)`,
    `NotificationInterval(interval: 3600, repeats: true)` or `NotificationCalendar.fromDate(...)`
    with `repeats: true`, at a time or interval the app fixed."""
    call = next((c for c in calls(ctx.node) if c.node.id == ctx.node.id), None)
    if call is None or text(_argument(call, "repeats")) != "true":
        return False
    fn, code = _scope_code(ctx.node, ctx)
    # the hour read from a settings object the app builds switched on at its own hours: not the user's
    hour = next((re.sub(r"^\s*hour\s*:\s*", "", text(a)) for a in argument_nodes(call) if _label(a)[0] == "hour"), "")
    default = _default_on_settings_hour(hour, fn, ctx) if call.name == "NotificationCalendar" else None
    if (default is None and _user_chosen(code, fn)) or _not_app_driven(ctx.node, ctx):
        return False
    if call.name == "NotificationInterval":
        interval = text(_argument(call, "interval"))
        if not _literal_number(interval, ctx):
            return False
        return Verdict(message=f"a local notification repeats every {interval} seconds on an interval the app chose (NotificationInterval, repeats: true)", note=_quiet_note(ctx))
    if call.name == "fromDate":
        hour = _fixed_hour(code, ctx)
        if hour is None:
            return False
        return Verdict(message=f"a local notification repeats at {_clock(hour, code)} on a schedule the app chose (NotificationCalendar.fromDate, repeats: true)", note=_quiet_note(ctx))
    parts = {}
    for arg in argument_nodes(call):
        label, value = _label(arg)
        if label in ("second", "minute", "hour", "weekday", "day", "month"):
            parts[label] = text(value)
    if parts and not all(_literal_number(v, ctx) for v in parts.values()):
        if default is None:
            return False
        return Verdict(message=f"a local notification repeats at an hour the app picks and switches on by default (hour {default}; NotificationCalendar, repeats: true), not one the user set", note=_quiet_note(ctx))
    if not parts:
        return False
    when = f"at {_clock(parts['hour'], 'minute: ' + parts.get('minute', ''))}" if "hour" in parts else "every " + ("hour" if "minute" in parts else "minute")
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
    call = _call_at(ctx)
    if call is None:
        return False
    hour = _literal_hour_argument(call, ctx)
    repeating = hour is None and _repeating_date_hour(call, ctx)
    if repeating:
        hour = repeating
    if hour is None:
        return _delay_from_now(ctx, call)
    fn = _enclosing_named(ctx.node)
    if fn is not None and (_earlier_fixed_hour_call(ctx.node, call, fn, ctx) or _default_decided_by_callers(hour, fn, ctx)):
        return False
    if _not_app_driven(ctx.node, ctx) or _helper_ignores_hour(call.name, ctx):
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
    bodies = [_code(d) for d in _definitions(name, ctx)]
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
    fn = _enclosing_named(ctx.node)
    code = _code(fn) if fn is not None else ""
    for _, date in labelled:
        if re.match(r"^\w+$", date):
            bound = re.search(rf"\b{re.escape(date)}\s*=\s*([^;]+);", code)
            date = bound.group(1) if bound else ""
        m = TODAY_AT.search(date)
        if m is None:
            continue
        hour = m.group("hour")
        if _literal_number(hour, ctx):
            return hour
        item = re.match(r"^(\w+)\[\w+\]$", hour)
        listed = re.search(rf"\b{re.escape(item.group(1))}\s*=\s*(const\s+)?\[([\d,\s]+)\]", code) if item else None
        if listed:
            return "/".join(re.findall(r"\d+", listed.group(2)))
        if hour in _literal_loop_variables(ctx.node):
            return "/".join(_loop_values(hour, ctx.node)) or hour
    return None


def _earlier_fixed_hour_call(node: Node, call: Call, fn: Node, ctx: CheckContext) -> bool:
    """The same function already schedules through the same helper at an hour of its own (breakfast at 8,
    lunch at 13, dinner at 19): one set of daily reminders, reported once, at the first."""
    return any(c.name == call.name and c.node.start_byte < node.start_byte and _literal_hour_argument(c, ctx) for c in calls(fn))


def _default_decided_by_callers(hour: str, fn: Node, ctx: CheckContext) -> bool:
    """The hour is a parameter of a scheduling helper (`int hour = 9`) that the project calls elsewhere:
    those calls are judged where they pass their hour (`scheduleHabitReminder(hour: 9)`)."""
    name = function_name(fn)
    if hour.isdigit() or hour not in _parameter_names(fn) or not HELPER_NAME.match(name) or project_index.too_common(name):
        return False
    return bool(_callers(name, fn, ctx) or project_index.for_context(ctx).calls(name))


HELPER_NAME = re.compile(r"^(schedule|set|start|enable|ensure|register|plan|queue|arm)\w*(Daily|Notification|Reminder|Remind|Nudge|Streak)\w*$")


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
    if not re.match(r"^schedule\w*(Notification|Reminder|Remind|Nudge)\w*$", call.name) or _definitions(call.name, ctx):
        return False
    fn, code = _scope_code(ctx.node, ctx)
    delay = NOW_PLUS.search(code)
    if delay is None or fn is None or _short_delay(delay.group(0)) or re.search(r"(?i)snooze", code) or any(RETENTION_NAME.search(n) for n in _owner_names(fn)):
        return False  # a snooze the user pressed; retention names are reported at the class
    if _time_parameter_used(code, fn) or _not_app_driven(ctx.node, ctx):
        return False  # (preference reads are fine here: the delay itself is a constant)
    return Verdict(message=f"a notification is scheduled at a delay the app fixed ({delay.group(0).strip()} … {call.name}), not at a time the user set", note=_quiet_note(ctx))


def _owner_names(fn: Node) -> list[str]:
    """The names of a function and of the classes around it."""
    return [function_name(fn)] + [_class_name(c) for c in ancestors(fn) if c.type in CLASS_TYPES]


def _literal_hour_argument(call: Call, ctx: CheckContext) -> str | None:
    """The hour a call passes as a literal: `hour: 19`, `hour = 9`, two integers in a row
    (hour then minute: `9, 0`), or a time built from literals (`TimeOfDay(hour: 8, minute: 0)`,
    `LocalTime.of(9, 0)`)."""
    values = [_label(arg) for arg in argument_nodes(call)]
    for label, value in values:
        if label is not None and re.match(r"^(hour|hourOfDay|atHour|h)$", label, re.I):
            return text(value) if _literal_number(text(value), ctx) else None
    numbers = [text(value) if label is None and re.match(r"^\d{1,2}$", text(value)) else None for label, value in values]
    for hour, minute in zip(numbers, numbers[1:]) if re.search(r"(Daily|At|Time|Hour)", call.name) else ():
        if hour is not None and minute is not None and int(hour) < 24 and int(minute) < 60:
            return hour
    for _, value in values:
        hour = _fixed_hour(text(value), ctx) or _clock_string_hour(text(value), call.node)
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
    fn = _enclosing_named(node)
    if item is None or fn is None:
        return None
    listed = re.search(rf"\b{re.escape(item.group(1))}\s*(\[\s*\])?\s*=\s*(new\s+String\s*\[\s*\]\s*)?(\{{|listOf\(|arrayOf\()([^}})]*)", _code(fn))
    hours = re.findall(r"\"([01]?\d|2[0-3]):[0-5]\d\"", listed.group(4)) if listed else []
    return "/".join(str(int(h)) for h in hours) or None


# also lower camel case (`comeBackNotification`); not "lapsed", which is in "elapsed"
RETENTION_NAME = re.compile(r"([Rr]etention|[Ii]nactiv|[Cc]ome[Bb]ack|[Ww]in[Bb]ack|[Rr]e[Ee]ngag|[Dd]ormant|Lapsed|[Cc]hurn)")
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
    if not RETENTION_NAME.search(name) or any(RETENTION_NAME.search(_class_name(c)) for c in ancestors(ctx.node) if c.type in CLASS_TYPES and c.id != ctx.node.parent.id):
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


FIXED_DAILY_TARGET = re.compile(rf"((?i:notif|remind|nudge|engag|come_?back|streak|motivat|retention|devotion)|{INACTIVE}|Recall|Push|Quote|Tip)")
NEXT_DAY = re.compile(
    r"(add\(\s*Calendar\.(DAY_OF_YEAR|DATE|DAY_OF_MONTH|DAY_OF_WEEK)\s*,\s*1\s*\)|plusDays\(\s*1\s*\)|\bINTERVAL_DAY\b|"
    r"MILLIS_IN_24HOURS|\b86_?400_?000\b|DAYS\.toMillis\(\s*1\s*\)|\+=\s*(24\s*\*\s*60\s*\*\s*60\s*\*\s*1000|86_?400_?000))"
)


def android_fixed_daily(ctx: CheckContext) -> Verdict | bool:
    """An exact alarm or a delayed one-time work for the next occurrence of an hour the app
    fixed (`set(HOUR_OF_DAY, 9)` and a day added when it has passed), firing a notification:
    a daily notification at the app's time, rescheduled at each launch or by its receiver."""
    call = _call_at(ctx)
    if call is None:
        return False
    fn, code = _scope_code(ctx.node, ctx)
    if not FIXED_DAILY_TARGET.search(code + " " + call.receiver) or not NEXT_DAY.search(code):
        return False
    args = argument_nodes(call)
    trigger = text(args[1]) if call.name != "setInitialDelay" and len(args) > 1 else ""
    if _user_chosen(code, fn) or _not_app_driven(ctx.node, ctx) or (re.match(r"^\w+$", trigger) and trigger in _parameter_names(fn)):
        return False
    if _alarm_polls(fn, code) or _item_time(code):
        return False
    hour = _fixed_hour(code, ctx)
    if hour is None:
        return False
    if hour.isdigit() and int(hour) < 12 and re.search(r"AM_PM\s*,\s*(Calendar\.)?PM\b", code):
        hour = str(int(hour) + 12)  # `set(Calendar.HOUR, 0)` with `set(Calendar.AM_PM, Calendar.PM)`
    how = "a delayed one-time work" if call.name == "setInitialDelay" else f"an exact alarm ({call.name})"
    return Verdict(
        message=f"a notification is scheduled for {_clock(hour, code)} every day ({how} for the next {_clock(hour, code)}), on a schedule the app chose, not one the user set",
        note=_quiet_note(ctx),
    )


# --------------------------------------------------------------------------------------------
# 4. batches and timers: many notifications scheduled in a counting loop, notify() on a timer

LOOP_TYPES = ("for_statement", "while_statement", "do_while_statement", "repeat_while_statement", "enhanced_for_statement", "for_in_statement")
TIMER_CALLS = re.compile(r"^(scheduleAtFixedRate|scheduleWithFixedDelay|fixedRateTimer|timer|periodic|scheduledTimer)$")


def _counting_loop(node: Node) -> Node | None:
    """The loop around `node` (in the same function) when it counts (0 until 7, 1...30,
    i < n, repeat(n), List.generate) rather than walking the user's own items."""
    for anc in ancestors(node):
        if anc.type in FUNCTION_TYPES:
            owner, _ = _block_owner(anc)
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


def _timer_loop(node: Node, ctx: CheckContext) -> str | None:
    """A `while (true)`/`while (isActive)` loop that sleeps, or a fixed-rate timer callback."""
    for anc in ancestors(node):
        if anc.type in FUNCTION_TYPES:
            owner, _ = _block_owner(anc)
            if TIMER_CALLS.match(owner) and (owner not in KOTLIN_TIMERS or _kotlin_repeating_timer(anc, ctx)):
                return owner
            if function_name(anc):
                if function_name(anc) == "run" and re.search(r"(scheduleAtFixedRate|postDelayed\(\s*this)", text(_enclosing_class(anc) or anc)):
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
    if not (KOTLIN_CONCURRENT_IMPORT.search(_source(ctx)) or re.match(r"^\s*kotlin\.concurrent\.", head)):
        return False
    opened = head.find("(")
    inside = head[opened + 1 : head.rfind(")")] if opened >= 0 else ""
    depth, pieces = 0, 1 if inside.strip() else 0
    for char in inside:
        depth += char in "([{<"
        depth -= char in ")]}>"
        pieces += char == "," and depth == 0
    return bool(re.search(r"(^|[,(\s])period\s*=", inside)) or pieces >= 4


def _counting_loop_schedule(ctx: CheckContext, call: Call, fn: Node | None, code: str) -> Verdict | bool:
    loop = _counting_loop(ctx.node)
    if loop is not None and _stops_after_first(loop, ctx.node):
        return False
    if loop is None:
        # the helper's time parameter is filled by the caller's loop: judge the caller's code
        loop = None if _user_chosen(code, None) else _caller_counting_loop(fn, ctx)
        if loop is None:
            return False
    elif _user_chosen(code, fn):
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
    owner = _enclosing_class(fn)
    for site in calls(ctx.root):
        if site.name == name and not (fn.start_byte <= site.node.start_byte < fn.end_byte) and _same_node(_enclosing_class(site.node), owner):
            loop = _counting_loop(site.node)
            head = text(loop).split("{", 1)[0] if loop is not None else ""
            if re.search(r"\d\s*(\.\.[.<]?|\buntil\b)\s*\d|;\s*\w+\s*<=?\s*\d+\s*;", head) and not _stops_after_first(loop, site.node):
                caller = _enclosing_named(loop)
                if caller is not None and (_user_chosen(text(caller), caller) or _record_time_read(caller)):
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
        for p in _parameter_names(caller)
    )


def _stops_after_first(loop: Node, call: Node) -> bool:
    """The loop looks for the next matching day and leaves once it scheduled one
    (`for offset in 0..<7 { ...; center.add(request); break }`): one notification, not a batch."""
    return any(n.type in ("control_transfer_statement", "break_statement") and text(n).startswith("break") and n.start_byte > call.end_byte for n in walk(loop))


def swift_loop_schedule(ctx: CheckContext) -> Verdict | bool:
    """UNUserNotificationCenter.add(request) inside a counting loop."""
    call = _call_at(ctx)
    if call is None or not re.search(r"(UNUserNotificationCenter|[Cc]enter)", call.receiver):
        return False
    fn, code = _scope_code(ctx.node, ctx)
    return _counting_loop_schedule(ctx, call, fn, code)


PROGRESS = re.compile(r"(setProgress|setOngoing\(\s*true|ongoing\s*=\s*true|startForeground|setForeground|ForegroundInfo|ProgressStyle|FOREGROUND_SERVICE)")


def android_repeated_notify(ctx: CheckContext) -> Verdict | bool:
    """notify() from a timer loop, a fixed-rate timer or a counting loop."""
    call = _call_at(ctx)
    if call is None or not re.search(r"(notif|Notif|manager|Manager|\bnm\b|NotificationManagerCompat)", call.receiver):
        return False
    fn, code = _scope_code(ctx.node, ctx)
    if PROGRESS.search(code):
        return False
    timer = _timer_loop(ctx.node, ctx)
    if timer is not None:
        return Verdict(message=f"a notification is posted over and over from a timer ({timer})", note=_quiet_note(ctx))
    loop = _counting_loop(ctx.node)
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
    call = _call_at(ctx)
    args = argument_nodes(call) if call is not None else []
    if len(args) < 2:
        return False
    every, callback = text(args[0]), args[1]
    if not re.search(r"Duration\(", every) or not all(_literal_number(v, ctx) for v in re.findall(r":\s*([\w.]+)", every)):
        return False  # the period comes from the user's settings or the caller
    code = _reachable_code(callback, ctx)
    if not _dart_notifies(code) or FETCHES.search(code) or UNSEEN_ONLY.search(code) or _not_app_driven(ctx.node, ctx):
        return False
    if _item_time(code):
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
    call = _call_at(ctx)
    if call is None:
        return False
    every = next((re.sub(r"^frequency\s*:\s*", "", text(a)) for a in argument_nodes(call) if re.match(r"^frequency\s*:", text(a))), "")
    if every and not (re.search(r"Duration\(", every) and all(_literal_number(v, ctx) for v in re.findall(r":\s*([\w.]+)", every))):
        return False  # the period comes from the user's settings or the caller
    if re.search(r"networkType:\s*NetworkType\.(connected|unmetered|not_roaming|metered)", text(call.node)):
        return False  # a job that needs the network fetches what is new
    args = [a for a in argument_nodes(call) if not re.match(r"^\w+\s*:", text(a))]
    code = _background_callback(ctx, text(args[1]).strip() if len(args) > 1 else "")
    if not (_dart_notifies(code) or _dart_schedules(code)) or FETCHES.search(code) or _item_time(code) or _not_app_driven(ctx.node, ctx):
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
        if not _definitions(name, ctx) and not project_index.too_common(name):
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
    code = _code(node)
    if depth:
        for name in dict.fromkeys(c.name for c in calls(node)):
            for definition in _definitions(name, ctx):
                if not (definition.start_byte <= node.start_byte < definition.end_byte):
                    code += "\n" + _reachable_code(definition, ctx, depth - 1)
    return code


# --------------------------------------------------------------------------------------------
# 5. FCM messages turned into marketing notifications

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


# --------------------------------------------------------------------------------------------
# 6. re-engagement copy in notification code

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
    if _never_called(ctx.node, ctx) or project_index.in_unused_class(ctx.node, ctx):
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
    if _in_user_action(node) or _in_notification_response(node) or _behind_user_switch(node):
        return True
    fn = _enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if not name:
        return False
    if _after_switch_guard(node, fn):
        return True
    callers = _callers(name, fn, ctx) if depth < 3 else []
    if callers:
        return all(_asked_for(c, ctx, depth + 1) for c in callers)
    return depth > 0 and _run_by_user_elsewhere(fn, name, ctx)


# the system's handler of the person's answer to a notification (a tapped action such as Snooze):
# iOS `userNotificationCenter(_:didReceive response:withCompletionHandler:)`, flutter_local_notifications
# `onDidReceiveNotificationResponse`, awesome_notifications `onActionReceivedMethod`
NOTIFICATION_RESPONSE = re.compile(r"(\bdidReceive\s+\w+\s*:\s*UNNotificationResponse\b|^\s*(static\s+)?(Future<void>\s+|void\s+)?(onDidReceive\w*NotificationResponse|onActionReceived\w*)\s*\()")


def _in_notification_response(node: Node) -> bool:
    """`node` runs in the handler of the person's answer to a notification."""
    fn = _enclosing_named(node)
    return fn is not None and bool(NOTIFICATION_RESPONSE.search(text(fn).split("{", 1)[0]))


def _in_settings_text(node: Node) -> bool:
    """A label of the notification settings screen (`notificationSettingsStrings`, a `SettingsView`)."""
    for anc in ancestors(node):
        if anc.type in ("property_declaration", "variable_declarator", "field_declaration", "static_final_declaration", "initialized_variable_definition", "initialized_identifier") and SETTINGS_CLASS.search(_declared_name(anc)):
            return True
        if anc.type in CLASS_TYPES and SETTINGS_CLASS.search(_class_name(anc)):
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
            if NOTIF_CONTEXT.search(_declared_name(anc)):
                return True
        if anc.type in FUNCTION_TYPES and function_name(anc):
            return _names_notification(function_name(anc), string_key=_string_getter(anc, node))
        if anc.type in CLASS_TYPES:
            return bool(NOTIF_CONTEXT.search(_class_name(anc)))
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
