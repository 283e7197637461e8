"""Where a notification call of a mobile app runs, for the `notification-spam` rule (Kotlin, Java, Swift, Dart).

The grammar-independent reading the mobile notification checks share: the call a pattern matched
(`call_at`, `call_argument`), the class and function around it, the file's text without comments;
whether code runs after a user action (a click, tap or toggle listener, a button's closure, an
`@IBAction` or XML `onClick(View)` method: `in_user_action`), behind the user's own switch
(`behind_user_switch`, a `guard ... else { return }` on it), from a function nothing calls or a
framework callback (`not_app_driven`, `never_called`); and, through the project index, whether a
helper's callers in other files run it from launch code or from a button, pass a time they read
from the person's settings (`scheduled_by_user`), or a switch stored on by default.
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, function_name, functions_by_name
from designlint.checks.polyglot import argument_label as _label, parameter_labels as _parameter_labels, parameter_text as _parameter_text
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk


def call_at(ctx: CheckContext) -> Call | None:
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


def call_argument(call: Call, label: str | None = None, index: int | None = None) -> Node | None:
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
SETTINGS_CLASS = re.compile(r"(Setting|Preference|Prefs)", re.I)
CLASS_TYPES = ("class_declaration", "class_definition", "object_declaration", "struct_declaration", "extension_declaration")


def enclosing_class(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)


def class_name(cls: Node | None) -> str:
    if cls is None:
        return ""
    name = cls.child_by_field_name("name") or next((c for c in cls.named_children if c.type in ("type_identifier", "identifier", "simple_identifier")), None)
    return text(name)


def block_owner(fn: Node) -> tuple[str, str | None]:
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


# registrations of a handler that runs later, when the event fires (not now): NotificationCenter
# observers (a `#selector` or a closure), Combine sinks, preference-change listeners, Dart streams
EVENT_REGISTRATION = re.compile(r"^(addObserver|sink|registerOnSharedPreferenceChangeListener|listen)$")


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
    names = {m.group(1) for m in re.finditer(r"\b(\w+)\s*(?::\s*[\w?]+\s*)?=\s*[^\n;=]*?(?:" + DEFAULT_ON_SWITCH.pattern + ")", uncommented_code(fn))}
    return any(re.search(rf"\b{re.escape(name)}\b", condition) for name in names)


def after_switch_guard(node: Node, fn: Node) -> bool:
    """`node` follows an early return on the user's own switch in its function (not on the
    system permission: `if (!areNotificationsEnabled()) return` does not count)."""
    before = uncommented_code(fn)[: max(0, node.start_byte - fn.start_byte)]
    conditions = [m.group("a") or m.group("b") or "" for m in SWITCH_GUARD.finditer(before)]
    return any(not SYSTEM_PERMISSION.search(c) and not _switch_on_by_default(c, fn) for c in conditions)


def calls_this_function(site: project_index.Site, owner: str, index: project_index.ProjectIndex) -> bool:
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


def screen_or_app_class(fn: Node) -> bool:
    """onCreate of an Activity, Fragment or Application (not of a Service or receiver)."""
    cls = enclosing_class(fn)
    if cls is None:
        return True
    head = text(cls)[:400].split("{")[0]
    # the class is named after a component, or extends one (`: Service()`, `extends Worker`); an
    # interface such as `MenuProvider` (no constructor call, after `implements`) does not count
    component = r"\w*(Service|Receiver|Worker|Provider)"
    return not (re.search(rf"{component}$", class_name(cls)) or re.search(rf"(\bextends\s+{component}\b|\b{component}\s*\()", head))


def same_file_callers(name: str, definition: Node, ctx: CheckContext) -> list[Node]:
    """Calls of a function by name in the same file, outside its own body. For a method, only
    calls on nothing, on `this`/`self` or on something named after its class: `_plugin.initialize()`
    is the plugin's method, not this service's `initialize()`."""
    owner = re.sub(r"[^a-z0-9]", "", class_name(enclosing_class(definition)).lower())
    out = []
    for node in call_index(ctx)[0].get(name, []):
        if definition.start_byte <= node.start_byte < definition.end_byte:
            continue
        receiver = ctx.memo["ns-mobile-receivers"].get((name, node.id), "")
        if owner and receiver and receiver.rsplit(".", 1)[-1] not in ("this", "self", "super", "Self") and owner not in re.sub(r"[^a-z0-9]", "", receiver.lower()):
            continue
        out.append(node)
    return out


def call_index(ctx: CheckContext) -> tuple[dict[str, list[Node]], dict[int, str]]:
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


def in_user_action(node: Node) -> bool:
    for fn in (a for a in ancestors(node) if a.type in FUNCTION_TYPES):
        if function_name(fn):
            head = text(fn).split("{", 1)[0]
            return bool(re.match(r"^(on\w*(Click|Tap|Press|Changed|Toggle|Checked)\w*|\w*(Tapped|Clicked|Pressed|Toggled|Action)|toggle\w*|set\w*Enabled|handle\w*(Tap|Click|Toggle))$", function_name(fn))) or bool(CLICK_HANDLER_HEAD.search(head))
        owner, label = block_owner(fn)
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


def not_app_driven(node: Node, ctx: CheckContext) -> bool:
    """The schedule is not the app's own doing: the user set it up, its callers pass the time, or
    nothing runs it."""
    return _scheduled_by_user(node, ctx) or _time_left_to_callers(node, ctx) or never_called(node, ctx)


# names the framework calls (lifecycle methods, delegates, workers), never the app's own code
FRAMEWORK_NAME = re.compile(r"^(on[A-Z]\w*|did[A-Z]\w*|will[A-Z]\w*|view[A-Z]\w*|application\w*|scene\w*|userNotificationCenter|messaging|doWork|main|initState|build|dispose)$")


def never_called(node: Node, ctx: CheckContext) -> bool:
    """The schedule sits in a function nothing calls: its name appears nowhere else in its file
    (no call, no `#selector(name)`, `::name` or `onPressed: name`) and, unless the function is
    private to the file, in no other file of the whole project. Framework callbacks (an
    `override`, an annotated function, a lifecycle or delegate method) run from outside, unless
    their Android class is never registered or created (`unregistered_component`)."""
    fn = enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if name == "main" and ctx.language == "dart":
        return _unimported_dart_main(ctx)
    if fn is not None and unregistered_component(fn, ctx):
        return True
    if not name or project_index.too_common(name) or FRAMEWORK_NAME.match(name):
        return False
    head = _declaration_head(fn, name, ctx)
    if re.search(r"(@|\boverride\b)", head) or _swift_delegate_method(fn, name):
        return False
    if len(re.findall(rf"(?<![\w$]){re.escape(name)}(?![\w$])", ctx.code_without_comments())) > 1:
        return False  # called or handed over somewhere in its file (a commented-out call does not run)
    if (name.startswith("_") and ctx.language == "dart" and not re.search(r"^\s*part\b", file_text(ctx), re.M)) or re.search(r"\b(private|fileprivate)\b", head):
        return True  # private to its file: no other file can call it
    if not _whole_project(ctx):
        return False  # other files of the project are unknown
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    return not any(site.path != here for site in [*index.calls(name), *index.references(name)])


def unregistered_component(node: Node, ctx: CheckContext) -> bool:
    """Kotlin/Java: a class around `node` is one the whole Android project never starts: no
    manifest of the project (the app's, or a library module's merged into it) declares it as a
    `<receiver>`, `<service>` or `<activity>` that can start by itself, and no code names it (no
    `registerReceiver(new BootReceiver(), ...)`, no `Intent(ctx, BootReceiver.class)`, no
    `ComponentName`). A BOOT_COMPLETED receiver left out of the manifest: its `onReceive`, and what
    only it calls, never run. Unsure (no manifest found: a fixture folder or partial checkout; a
    `${applicationId}` entry) counts as running (`ProjectIndex.type_unused`)."""
    if ctx.language not in ("kotlin", "java"):
        return False
    key = ("notification_spam.unregistered", node.start_byte)
    if key not in ctx.memo:
        ctx.memo[key] = project_index.in_unused_class(node, ctx)
    return ctx.memo[key]


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
    fn = enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if not name or not HELPER_NAME.match(name) or project_index.too_common(name):
        return False
    labels = _parameter_labels(fn)
    times = {p for p in parameter_defaults(fn) if TIME_PARAMETER.search(p)}
    positions = [i for i, names in enumerate(labels) if names & times]
    if not positions:
        return False
    own = {n.id for n in same_file_callers(name, fn, ctx)}
    found = [c for c in calls(ctx.root) if c.name == name and c.node.id in own]
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    owner = class_name(enclosing_class(fn)).lstrip("_")
    sites = [s for s in index.calls(name) if s.path != here and calls_this_function(s, owner, index)]
    found += [c for c in (call_at_site(s, index) for s in sites) if c is not None]
    wanted = set().union(*(labels[i] for i in positions))
    return bool(found) and all(_passes_argument(c, wanted, positions[0]) for c in found)


def _passes_argument(call: Call, names: set[str], position: int) -> bool:
    """The call gives the parameter by label (`hour = 22`, `hour: 22`) or by position."""
    given = [_label(arg)[0] for arg in argument_nodes(call)]
    return any(label in names for label in given) or sum(label is None for label in given) > position


def call_at_site(site: project_index.Site, index: project_index.ProjectIndex) -> Call | None:
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
    if in_user_action(node) or behind_user_switch(node):
        return True
    fn = enclosing_named(node)
    name = function_name(fn) if fn is not None else ""
    if not name or depth >= 2:
        return False
    if depth == 0 and after_switch_guard(node, fn) and not _default_on_switch_passed(node, fn, name, ctx):
        return True  # `if (!enabled) return;` on the user's own switch before the schedule
    callers = same_file_callers(name, fn, ctx)
    handed = _user_action_references(ctx).get(name, [])  # `onPressed: repeatedNotification`
    if callers or handed:
        by_user = all(_scheduled_by_user(c, ctx, depth + 1) for c in callers)
        return by_user and not (depth == 0 and _run_at_launch_elsewhere(fn, name, ctx))
    return depth == 0 and run_by_user_elsewhere(fn, name, ctx)


def _default_on_switch_passed(node: Node, fn: Node, name: str, ctx: CheckContext) -> bool:
    """The early return tests a parameter (`if (!notificationsEnabled) return`) and a caller of
    another file hands it a switch the project stores on until the person turns it off
    (`notificationsEnabled = progress.notifyDailyChallenge`, with `prefs[KEY_NOTIFY_DAILY] ?: true`
    or `val notifyDailyChallenge: Boolean = true`): the guard is no choice of the person's, everyone
    who never opened the settings gets the schedule (whether a tap or the app runs it is then decided
    by the callers, as for a function without a guard)."""
    before = uncommented_code(fn)[: max(0, node.start_byte - fn.start_byte)]
    guards = [m.group("a") or "" for m in SWITCH_GUARD.finditer(before)]
    params = parameter_names(fn)
    if not guards or not all(g in params for g in guards) or not _whole_project(ctx):
        return False
    index = project_index.for_context(ctx)
    labels = _parameter_labels(fn)
    positions = [i for i, names in enumerate(labels) if names & set(guards)]
    here = str(Path(ctx.path).resolve())
    owner = class_name(enclosing_class(fn)).lstrip("_")
    for site in index.calls(name):
        if site.path == here or not calls_this_function(site, owner, index):
            continue
        call = call_at_site(site, index)
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
    return bool(DEFAULT_ON.search(file_text(ctx))) and any(t.kind == "load" for t in _project_triggers(name, ctx))


def run_by_user_elsewhere(fn: Node, name: str, ctx: CheckContext) -> bool:
    """No code of this file runs the function, and other files of the project run it only from a
    tap, click or toggle (`onTap: () { NotificationService.startDaily(); }` in another screen)."""
    found = _project_triggers(name, ctx)
    return bool(found) and all(t.kind == "user" or (t.kind == "other" and site_in_user_action(t.site, ctx)) for t in found)


def site_in_user_action(site: project_index.Site, ctx: CheckContext) -> bool:
    """A call site of another file sits in a click or toggle handler that its name does not tell
    (`@IBAction func isChanged(_ sender: UISwitch)`, a `setOnClickListener { }` block)."""
    source = project_index.for_context(ctx).source(site.path)
    if source is None or not source.regions:
        return False
    spot = source.regions[0].root.descendant_for_byte_range(site.byte, site.byte)
    return spot is not None and in_user_action(spot)


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


def behind_user_switch(node: Node) -> bool:
    """In a branch on the person's own switch (not the system permission, not a stored switch
    that is on by default)."""
    fn = enclosing_named(node)
    for anc in ancestors(node):
        if anc.type in FUNCTION_TYPES and function_name(anc):
            return False
        if anc.type in CONDITIONS:
            condition = text(anc.child_by_field_name("condition") or (anc.named_children[0] if anc.named_child_count else None))
            if USER_SWITCH.search(condition) and not SYSTEM_PERMISSION.search(condition) and not _switch_on_by_default(condition, fn):
                return True
    return False


def declared_name(decl: Node) -> str:
    if decl.type == "local_variable_declaration":
        decl = decl.child_by_field_name("declarator") or decl
    name = decl.child_by_field_name("name") or decl.child_by_field_name("left")
    if name is None:
        name = next((c for c in decl.named_children if c.type in ("variable_declaration", "identifier", "directly_assignable_expression")), None)
    return text(name).split(":")[0].strip().rsplit(".", 1)[-1]


def file_text(ctx: CheckContext) -> str:
    src = ctx.memo.get("ns-mobile-text")
    if src is None:
        src = ctx.memo["ns-mobile-text"] = ctx.data.decode("utf-8", "replace")
    return src
CONDITIONS = ("if_expression", "if_statement", "guard_statement", "when_expression", "switch_statement", "conditional_expression")


def enclosing_named(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type in FUNCTION_TYPES and (function_name(a) or a.type == "init_declaration")), None)


def parameter_names(fn: Node | None) -> set[str]:
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


PARAMETER_DEFAULT = re.compile(r"\b(\w+)\s*(?::\s*[\w.?]+\s*)?[=:]\s*(\d+)\b")


def parameter_defaults(fn: Node) -> dict[str, str]:
    """Parameters with a literal number as default value (`hour: Int = 20`, `{int hour = 20}`)."""
    return {m.group(1): m.group(2) for m in PARAMETER_DEFAULT.finditer(_parameter_text(fn))}


COMMENTS = ("comment", "line_comment", "block_comment", "multiline_comment", "documentation_comment")


def uncommented_code(node: Node) -> str:
    """The text of `node` without its comments (a comment that mentions notifications, or
    commented-out code, says nothing about what runs)."""
    data, start = node.text or b"", node.start_byte
    for comment in sorted((n for n in walk(node) if n.type in COMMENTS), key=lambda n: n.start_byte, reverse=True):
        data = data[: comment.start_byte - start] + data[comment.end_byte - start :]
    return data.decode("utf-8", "replace")


def definitions_of(name: str, ctx: CheckContext) -> list[Node]:
    return functions_by_name(ctx).get(name, [])


HELPER_NAME = re.compile(r"^(schedule|set|start|enable|ensure|register|plan|queue|arm)\w*(Daily|Notification|Reminder|Remind|Nudge|Streak)\w*$")
