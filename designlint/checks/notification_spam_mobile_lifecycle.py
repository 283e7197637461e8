"""Code run because an app or a screen starts or leaves, for the mobile `notification-spam` checks.

`launch_context` names what starts a call at launch: `onCreate`, `LaunchedEffect`,
`application(_:didFinishLaunchingWithOptions:)`, `.onAppear`, Dart `main`/`initState`, directly or
through functions of the same file, not from a click, tap or toggle; or a service's method that
another file of the project calls at launch (the project index: `await
NotificationService.instance.init()` in `main()`), a singleton or a GetX controller created at
launch, or the function holding the request, of any name, when other files run it from launch code
and never from a button. Not launch: prompts after an early return on the user's own switch or a
dialog's answer, handlers that launch code registers for a later event (a NotificationCenter
observer of a settings change, a preference listener, a Dart stream subscription), a Swift
start-up method whose callers asked just before calling it, start-up methods of services no other
file names, settings screens. Also the names of the app's permission helpers and what asks
directly, used to judge a request at its helper's calls, and `leave_context`: code run when the
user leaves the app (Swift `applicationDidEnterBackground` / `.background` scene phase, an
observer of `didEnterBackgroundNotification`, Dart `AppLifecycleState.paused`).
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext
from designlint.checks.polyglot import argument_nodes, as_call, calls, function_name
from designlint.checks.polyglot import parameter_labels as _parameter_labels
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk
from designlint.checks.notification_spam_mobile_context import (
    CLASS_TYPES,
    CONDITIONS,
    EVENT_REGISTRATION,
    LAUNCH_BLOCKS,
    SETTINGS_CLASS,
    USER_ACTION_CALLS,
    USER_ACTION_LABELS,
    after_switch_guard,
    block_owner,
    call_index,
    calls_this_function,
    class_name,
    definitions_of,
    enclosing_class,
    enclosing_named,
    file_text,
    in_user_action,
    same_file_callers,
    screen_or_app_class,
    uncommented_code,
)


LAUNCH_FUNCTIONS = re.compile(
    r"^(onCreate|onStart|onResume|onPostCreate|onCreateView|onViewCreated|onActivityCreated|onPostResume|"  # Android
    r"viewDidLoad|viewWillAppear|viewDidAppear|sceneDidBecomeActive|applicationDidFinishLaunching|"  # iOS
    r"main|initState|didChangeDependencies)$"  # Flutter
)
# A branch on a reminder or alarm the user already set up: the prompt serves their own feature.
USER_FEATURE_CONDITION = re.compile(r"(reminder|Reminder|alarm|Alarm)")


def _swift_launch_function(fn: Node) -> bool:
    """`application(_:didFinishLaunchingWithOptions:)` and the `init()` of the App / AppDelegate."""
    name = function_name(fn)
    if name == "application":
        return "didFinishLaunchingWithOptions" in text(fn)[:300] or "willFinishLaunchingWithOptions" in text(fn)[:300]
    if fn.type == "init_declaration":
        cls = enclosing_class(fn)
        return cls is not None and bool(re.search(r"(:\s*App\b|AppDelegate|@main)", text(cls)[:400]))
    if name == "scene":
        return "willConnectTo" in text(fn)[:300]
    return False


def _in_settings(owner: str, functions: tuple[str, ...]) -> bool:
    """Code of a settings class (`_NotificationSettingsPageState`) or of a settings screen written as a
    function (`NotificationSettingsScreen()`): it runs because the person opened the settings, not at
    launch. The same test for a function of this file and for a call site of another file."""
    return bool(SETTINGS_CLASS.search(owner)) or any(SETTINGS_SCREEN.search(f) for f in functions)


def site_in_settings(site: project_index.Site) -> bool:
    """`_in_settings` for a call site of another file."""
    return _in_settings(site.owner, site.functions)


def launch_context(node: Node, ctx: CheckContext, depth: int = 0) -> str | None:
    """What starts `node` at launch ("onCreate", "LaunchedEffect", "main", ...), or None when
    it runs after a user action or from a function no launch code of this file calls."""
    if _for_user_feature(node) or any(SETTINGS_SCREEN.search(function_name(a)) for a in ancestors(node) if a.type in FUNCTION_TYPES):
        return None
    if any(SETTINGS_SCREEN.search(class_name(a)) for a in ancestors(node) if a.type in CLASS_TYPES):
        return None  # `.onAppear { requestAuthorization }` of a settings view: the user opened the settings
    block = call_index(ctx)[1].get(node.id)
    if block is not None:
        return block  # `.onAppear(perform: askForPush)`, `addPostFrameCallback(_askPermission)`
    for fn in (a for a in ancestors(node) if a.type in FUNCTION_TYPES):
        name = function_name(fn)
        if not name and fn.type != "init_declaration":
            owner, label = block_owner(fn)
            if USER_ACTION_CALLS.match(owner) or (label and USER_ACTION_LABELS.search(label)) or _stored_callback(fn):
                return None
            if label and _callback_run_later(owner, label, ctx):
                return None  # `HomeScreen(onRequestPermission = { launcher.launch(...) })`: the screen runs it from a button
            if EVENT_REGISTRATION.match(owner) and not LAUNCH_EVENT.search(_registration_text(fn, owner)):
                return None  # `addObserver(forName: .switchFlipped) { _ in ... }`: runs when the event fires
            if LAUNCH_BLOCKS.match(owner):
                return owner if owner != "LaunchedEffect" or runs_once(fn) else None
            continue
        if _in_settings(class_name(enclosing_class(fn)), (name,)) or after_switch_guard(node, fn) or _after_dialog_answer(node, fn):
            return None
        if ctx.language == "swift" and _swift_launch_function(fn):
            if project_index.in_unused_class(fn, ctx):
                return None
            return "application(_:didFinishLaunchingWithOptions:)" if name == "application" else f"{name or 'init'}()"
        if LAUNCH_FUNCTIONS.match(name):
            if name in ("onCreate", "onStart", "onResume") and not screen_or_app_class(fn):
                return None
            return None if project_index.in_unused_class(fn, ctx) else name
        if name == "onInit" and ctx.language == "dart" and GETX_CONTROLLER.search(text(enclosing_class(fn) or fn)[:300].split("{")[0]):
            return None if project_index.in_unused_class(fn, ctx) else "onInit of a GetX controller"
        created = _constructor_of(fn, name)
        where = _created_at_launch(created, fn, ctx, depth) if created and depth <= 5 else None
        if where is not None:
            return where
        if depth >= 4 or not name:
            return None
        callers = same_file_callers(name, fn, ctx)
        for caller in callers:
            if _handed_to_event(caller):
                continue  # `addObserver(self, selector: #selector(name), name: .switchFlipped, ...)`
            where = launch_context(caller, ctx, depth + 1)
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
    cls = enclosing_class(fn)
    name = class_name(cls)
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
        launch = runs_at_launch(site, index)
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
    cls = class_name(enclosing_class(fn))
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
    for caller in same_file_callers(cls, fn, ctx):
        if enclosing_class(caller) is not None and class_name(enclosing_class(caller)) == cls:
            continue  # a factory or copy of the class itself
        where = launch_context(caller, ctx, depth + 1)
        if where is not None:
            return f"{where} via {cls}()"
    if project_index.too_common(cls):
        return None
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    for site in index.calls(cls):
        if site.path == here or site.receiver or _site_registered_for_event(site) or _after_granted_check(site):
            continue
        launch = runs_at_launch(site, index)
        if launch is not None:
            load, holder = launch
            if load is site:
                return f"{_load_name(site)} in {site.shown} via {cls}()"
            return f"{_load_name(load)} in {load.shown} via {holder}() and {cls}()"
    return None
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
    definitions = definitions_of(owner, ctx)
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
                for owner_name, arg in [block_owner(lam)]
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


def runs_at_launch(site: project_index.Site, index: project_index.ProjectIndex) -> tuple[project_index.Site, str] | None:
    """(the site that runs at launch, the function holding `site`) when `site` itself runs as the app
    starts, or its holder is called from a launch site one level up (not one registered for a later
    event, nor in a settings screen, which runs when the person opens it); None otherwise."""
    if site_in_settings(site):
        return None
    kind = project_index.classify(site)
    holder = site.functions[0] if site.functions else ""
    if kind == "" and holder and not project_index.too_common(holder):
        load = next((t for t in index.triggers(holder, depth=1) if t.kind == "load" and not _site_registered_for_event(t.site) and not site_in_settings(t.site)), None)
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


def runs_once(block: Node) -> bool:
    """`LaunchedEffect(Unit) { ... }` runs when the screen appears; `LaunchedEffect(uiState.showX) { if (...) }`
    runs when that state changes, after something the person did: an answer, not a launch."""
    call = next((as_call(a) for a in ancestors(block) if a.type == "call_expression" and as_call(a) is not None and as_call(a).name == "LaunchedEffect"), None)
    keys = [text(a).strip() for a in argument_nodes(call) if a.type != "annotated_lambda" and not text(a).lstrip().startswith("{")] if call is not None else []
    holder = enclosing_named(call.node) if call is not None else None
    code = uncommented_code(holder) if holder is not None else ""
    # a holder remembered once (`val permissionState = rememberPermissionState(...)`), not a state whose value changes
    return all(ONCE_KEYS.match(k) or re.search(rf"\bval\s+{re.escape(k)}\s*=\s*remember\w*\s*[({{]", code) for k in keys)


def _unused_class(fn: Node, ctx: CheckContext) -> bool:
    """The class around `fn` is named in no other file of the project: a service nobody creates."""
    owner = class_name(enclosing_class(fn)).lstrip("_")
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
    owner = class_name(enclosing_class(fn)).lstrip("_")
    if not SERVICE_CLASS.search(owner) or (PERMISSION_HELPER.match(name) and re.search(r"(?i)(notification|push|fcm|messaging)", name)):
        return None  # `Utils.checkNotificationPermission(this)` is reported at its call site (*-permission-helper-on-launch)
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    for site in [*index.calls(owner), *index.references(owner)]:
        if site.path == here or not calls_method_after(site, owner, name) or _asked_already(site, index, ctx):
            continue
        launch = runs_at_launch(site, index)
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
    if project_index.too_common(name) or any(in_user_action(c) for c in callers) or _reported_at_call(name, ctx):
        return None
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    owner = class_name(enclosing_class(fn)).lstrip("_")
    runs = [*index.calls(name), *(r for r in index.references(name) if r.role == "passed")]  # `onPressed: askForAlerts`
    direct = [s for s in runs if s.path != here and calls_this_function(s, owner, index) and not _asked_already(s, index, ctx)]
    holders = {s.functions[0] for s in direct if s.functions}
    found = [
        t
        for t in index.triggers(name, exclude=here)
        if (t.site in direct if not t.via else t.via[0] in holders and _reaches_chain(t, name, {s.owner for s in direct if s.functions and s.functions[0] == t.via[0]}, index)) and not (t.kind == "load" and _site_registered_for_event(t.site))
    ]
    # a load through a settings screen runs when the person opens it, as in this file (`launch_context`)
    load = next((t for t in found if t.kind == "load" and not re.search(r"(Service|Receiver|Worker)$", t.site.owner) and not _through_settings(t, direct)), None)
    if load is None or any(t.kind == "user" for t in found):
        return None
    via = "".join(f" via {n}()" for n in reversed(load.via))
    return f"{_load_name(load.site)} in {load.site.where()}{via} via {name}()"


def _through_settings(trigger: project_index.Trigger, direct: list[project_index.Site]) -> bool:
    """The chain of a trigger starts, or first calls into this file, in settings code: the site that
    decided, or every call of this file's function from the first function of the chain."""
    if site_in_settings(trigger.site):
        return True
    entries = [s for s in direct if s.functions and s.functions[0] == trigger.via[0]] if trigger.via else []
    return bool(entries) and all(site_in_settings(s) for s in entries)


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
    return any((site.owner == owner if owner and bare else calls_this_function(site, owner, index)) for owner in owners)


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
    return _after_granted_check(site) or (ctx.language == "dart" and asked_before_in_function(site, index, DART_DIRECT_ASK))


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


def _load_name(site: project_index.Site) -> str:
    """The name around a site that makes it run at load (`main`, `initState`, `onAppear`)."""
    return next((n for kind, n in site.context if (project_index.LOAD_LABEL if kind == "label" else project_index.LOAD_NAME).match(n)), "launch")


def calls_method_after(site: project_index.Site, owner: str, name: str) -> bool:
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
    cls = enclosing_class(fn)
    name = class_name(cls)
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


PERMISSION_HELPER = re.compile(
    r"^((maybe|show)?(request|ask|prompt|ensure)\w*(Permission|Access|Authori[sz]ation)s?\w*|"
    r"(maybe|show)?(ask|prompt)\w*(Notification|Push)s?\w*|(request|ensure)\w*(Enable|Allow)\w*(Notification|Push)s?\w*|"
    r"check\w*Permissions?|requestPushNotifications|registerForPushNotifications)$",
    re.I,
)


# the names the *-permission-helper-on-launch queries match (mobile.yaml)
HELPER_QUERY_NAME = re.compile(r"^((maybe|show)?([Rr]equest|[Aa]sk|[Pp]rompt|[Ee]nsure)[A-Za-z]*(Notification|Push|Permission)[A-Za-z]*|requestPushNotifications|registerForPushNotifications)$")
ANDROID_HELPER_QUERY_NAME = re.compile(r"^((maybe|show)?([Rr]equest|[Aa]sk|[Pp]rompt|[Ee]nsure|check)[A-Za-z]*(Notification|Push|Permission)[A-Za-z]*|requestPushNotifications|registerForPushNotifications)$")


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


def asked_before_in_function(site: project_index.Site, index: project_index.ProjectIndex, direct: re.Pattern) -> bool:
    """The function holding a call site of another file already requests the permission before it."""
    source = index.source(site.path)
    if source is None or not source.regions:
        return False
    spot = source.regions[0].root.descendant_for_byte_range(site.byte, site.byte)
    holder = enclosing_named(spot) if spot is not None else None
    return holder is not None and bool(direct.search(text(holder)[: site.byte - holder.start_byte]))


# what asks directly, in a method's text: a plugin request or iOS settings that ask as they initialize
DART_DIRECT_ASK = re.compile(r"(\.(requestPermission|requestPermissions|requestNotificationsPermission)\s*\(|request(Alert|Sound|Badge)Permission\s*:\s*true\b)")


LEAVE_FUNCTIONS = re.compile(
    r"^(applicationDidEnterBackground|applicationWillResignActive|applicationWillTerminate|sceneDidEnterBackground|"
    r"sceneWillResignActive|sceneDidDisconnect|appMovedToBackground|appWillTerminate)$"
)
LEAVE_STATE = re.compile(r"(\.background\b|AppLifecycleState\.(paused|inactive|detached|hidden)\b|\bonPause\b|\bonHide\b|\bonDetach\b)")
BRANCHES = ("if_statement", "if_expression", "guard_statement", "switch_entry", "switch_statement_case", "when_entry", "conditional_expression")
LEAVE_NOTIFICATIONS = re.compile(r"(didEnterBackgroundNotification|willResignActiveNotification|willTerminateNotification|UIApplicationDidEnterBackground)")


def leave_context(node: Node, ctx: CheckContext) -> str | None:
    """What runs `node` when the user leaves the app: `applicationDidEnterBackground`,
    `sceneDidEnterBackground`, a `.background` scene phase or `AppLifecycleState.paused` branch,
    an observer of `didEnterBackgroundNotification`; directly or through functions of the file."""
    def branch_leaves(anc: Node) -> str | None:
        head = text(anc).split("{", 1)[0] if anc.type.startswith("if") or anc.type == "guard_statement" else text(anc).split(":", 1)[0]
        return "the app going to the background" if LEAVE_STATE.search(head) else None

    def function_leaves(fn: Node, name: str) -> bool:
        return bool(LEAVE_FUNCTIONS.match(name)) or _observes_leaving(name, ctx)

    return reached_on_leaving(node, ctx, branch_leaves, function_leaves, with_inits=True)


def reached_on_leaving(node: Node, ctx: CheckContext, branch_leaves, function_leaves, with_inits: bool = False, depth: int = 0) -> str | None:
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
            for caller in same_file_callers(name, anc, ctx):
                where = reached_on_leaving(caller, ctx, branch_leaves, function_leaves, with_inits, depth + 1)
                if where is not None:
                    return f"{where} via {name}()"
            return None
    return None


def _observes_leaving(name: str, ctx: CheckContext) -> bool:
    """`addObserver(self, selector: #selector(name), name: UIApplication.didEnterBackgroundNotification, ...)`."""
    return bool(name) and bool(re.search(rf"#selector\(\s*(self\.)?{re.escape(name)}\b[^)]*\)[^\n]*{LEAVE_NOTIFICATIONS.pattern}", file_text(ctx)))
