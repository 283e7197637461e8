"""Checks for the `notification-spam` rule.

The queries in rules/notification-spam.yaml find the *mechanisms* of notifications: permission
prompts (`Notification.requestPermission()`, `pushManager.subscribe()`, OneSignal prompts,
Firebase `getToken`, Expo `requestPermissionsAsync`), local notifications
(`showNotification`, `new Notification`), push sends (web-push, firebase-admin, OneSignal,
Expo, and the app's own `sendPush…`/`notify…` wrappers), scheduled local notifications
(expo-notifications, notifee, react-native-push-notification, Capacitor) and strings. The
checks here decide whether the mechanism pulls people back rather than informs them:

* a permission prompt must run when the page or app loads (module top level, a
  `DOMContentLoaded`/`load` listener, `window.onload`, a `useEffect` with `[]` deps, Vue
  `mounted`/`onMounted`, Svelte `onMount`, Angular `ngOnInit`, …), followed through the
  functions of the same file, and never from a click/submit/press handler;
* a local notification must be shown from a recurring timer (`setInterval`, `periodicsync`)
  that the user did not start, and not for a reminder the user set (due times, countdowns);
* a push send must run from a schedule (node-cron, `@Cron`, `onSchedule`, Cloud Scheduler
  `pubsub.schedule`, agenda, bull repeatable jobs, `setInterval`, `Deno.cron`) or target
  users picked for being inactive, and must not be a transactional notice (order, payment,
  password, appointment, ...);
* a repeating local notification must repeat at a time the app picked (literal hour, fixed
  interval), not a time that comes from the user's settings;
* a string must read as re-engagement copy ("we miss you", "come back", "your friends are
  waiting", "don't miss out", "it's been a while", streak-loss threats) *and* sit where a
  notification is built: a notification call's arguments, a key path or name about
  notifications/pushes/reminders/re-engagement, or a notification-named file.

Everything is syntactic and file-local.
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.util import text as _t, walk as _walk, ancestors as _ancestors, unquote as _unquote, FUNCTION_TYPES, call_arguments as _args, within

# --------------------------------------------------------------------------------------------
# tree helpers

WRAPPERS = frozenset({"parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "await_expression"})






def _string_value(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.type in ("string", "template_string"):
        return _unquote(_t(node))
    return None


def _callee(call: Node) -> Node | None:
    if call.type == "call_expression":
        return call.child_by_field_name("function")
    if call.type == "new_expression":
        return call.child_by_field_name("constructor")
    return None


def _callee_text(call: Node) -> str:
    return re.sub(r"\s+", "", _t(_callee(call)))


def _callee_name(call: Node) -> str:
    """Last name of the callee: `sendNotification` for webpush.sendNotification()."""
    func = _callee(call)
    if func is None:
        return ""
    while func.type in WRAPPERS and func.named_children:
        func = func.named_children[0]
    if func.type == "member_expression":
        return _t(func.child_by_field_name("property"))
    return _t(func)


def _receiver_text(call: Node) -> str:
    func = _callee(call)
    if func is not None and func.type == "member_expression":
        return re.sub(r"\s+", "", _t(func.child_by_field_name("object")))
    return ""



def _pairs(obj: Node | None) -> dict[str, Node]:
    """key -> value node of an object literal (shorthand properties map to the identifier)."""
    out: dict[str, Node] = {}
    if obj is None or obj.type != "object":
        return out
    for child in obj.named_children:
        if child.type == "pair":
            key = _unquote(_t(child.child_by_field_name("key")))
            value = child.child_by_field_name("value")
            if value is not None:
                out[key] = value
        elif child.type == "shorthand_property_identifier":
            out[_t(child)] = child
        elif child.type == "method_definition":
            out[_t(child.child_by_field_name("name"))] = child
    return out


def _function_name(fn: Node) -> str:
    if fn.type in ("function_declaration", "generator_function_declaration", "method_definition"):
        return _t(fn.child_by_field_name("name"))
    parent = fn.parent
    while parent is not None and parent.type in WRAPPERS:
        parent = parent.parent
    if parent is None:
        return ""
    if parent.type == "variable_declarator":
        return _t(parent.child_by_field_name("name"))
    if parent.type == "pair":
        return _unquote(_t(parent.child_by_field_name("key")))
    if parent.type in ("public_field_definition", "field_definition"):
        return _t(parent.child_by_field_name("name") or parent.child_by_field_name("property"))
    if parent.type == "assignment_expression":
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "member_expression":
            return _t(left.child_by_field_name("property"))
        return _t(left)
    if parent.type == "arguments" and parent.parent is not None and parent.parent.type == "call_expression":
        # useCallback(() => ..., []) / debounce(fn) assigned to a name
        if _callee_name(parent.parent) in ("useCallback", "useMemo", "debounce", "throttle", "memoize", "once"):
            return _function_name(parent.parent)
        return ""
    if parent.type == "call_expression" and _callee_name(parent) in ("useCallback", "useMemo", "debounce", "throttle", "memoize", "once"):
        return _function_name(parent)
    return ""


def _enclosing_function(node: Node) -> Node | None:
    return next((a for a in _ancestors(node) if a.type in FUNCTION_TYPES), None)


def _function_body(fn: Node) -> Node:
    return fn.child_by_field_name("body") or fn


# --------------------------------------------------------------------------------------------
# files that are not the app's own behaviour: tests, vendored and minified bundles

NOT_APP_PATH = re.compile(
    r"(\.(test|spec|stories|story|cy)\.[cm]?[jt]sx?$|(^|/)(__tests__|__mocks__|node_modules|bower_components|vendor|third[_-]?party)/|"
    r"\.min\.|[-.]bundle\.)",
    re.I,
)


def _not_app_code(ctx: CheckContext, node: Node) -> bool:
    path = ctx.path.as_posix()
    if NOT_APP_PATH.search(path):
        return True
    row = node.start_point[0]
    lines = _cached(ctx, "lines", lambda: ctx.data.split(b"\n"))
    if row < len(lines) and len(lines[row]) > 400:
        return True  # minified
    head = ctx.data[:600]
    return len(ctx.data) > 100_000 and b"@license" in head


# --------------------------------------------------------------------------------------------
# per-file caches (a check runs once per match; files are scanned one at a time)

def _cached(ctx: CheckContext, what: str, build):
    """A fact about the file, built once per file and region (kept in the file's memo)."""
    key = ("notification_spam", what, ctx.language, ctx.root.start_byte, ctx.root.end_byte)
    if key not in ctx.memo:
        ctx.memo[key] = build()
    return ctx.memo[key]


def _file_text(ctx: CheckContext) -> str:
    return _cached(ctx, "text", lambda: ctx.data.decode("utf-8", "replace"))


def _code_text(ctx: CheckContext) -> str:
    """The file without comments (so a commented-out quiet-hours check does not count)."""

    def build() -> str:
        text = _file_text(ctx)
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
        text = re.sub(r"(?m)(^|[^:'\"\\])//.*$", r"\1", text)
        text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
        return text

    return _cached(ctx, "code", build)


def _identifier_index(ctx: CheckContext) -> dict[str, list[Node]]:
    def build() -> dict[str, list[Node]]:
        index: dict[str, list[Node]] = {}
        for node in _walk(ctx.root):
            if node.type in ("identifier", "property_identifier", "shorthand_property_identifier"):
                index.setdefault(_t(node), []).append(node)
        return index

    return _cached(ctx, "idents", build)


def _definitions(ctx: CheckContext) -> dict[str, list[Node]]:
    """Functions defined in the region by name: declarations, `const f = () =>`, methods."""

    def build() -> dict[str, list[Node]]:
        defs: dict[str, list[Node]] = {}
        for node in _walk(ctx.root):
            if node.type in FUNCTION_TYPES:
                name = _function_name(node)
                if name:
                    defs.setdefault(name, []).append(node)
        return defs

    return _cached(ctx, "defs", build)


# --------------------------------------------------------------------------------------------
# where does a piece of code run?  kinds: load | user | schedule | push | unknown
# Each kind maps to a short description used in messages ("in a DOMContentLoaded listener").

LOAD_EVENTS = re.compile(r"^(DOMContentLoaded|load|deviceready|pageshow|readystatechange|ready|turbo:load|turbolinks:load|astro:page-load)$")
USER_EVENTS = re.compile(
    r"^(click|dblclick|auxclick|mousedown|mouseup|pointerdown|pointerup|touchstart|touchend|tap|keydown|keyup|"
    r"keypress|submit|change|input|press|select|toggle)$",
    re.I,
)
LOAD_HOOKS = re.compile(
    r"^(onMounted|onMount|onBeforeMount|useMount|useMountEffect|useEffectOnce|useOnMount|afterNextRender|"
    r"afterRender|createEffect|onInit|useVisibleTask\$|componentDidMount|useFocusEffect)$"
)
IDLE_EVENTS = re.compile(r"^(mousemove|mouseover|pointermove|scroll|wheel|touchmove|visibilitychange|focus|blur|mouseenter)$", re.I)
EFFECT_HOOKS = re.compile(r"^(useEffect|useLayoutEffect|useIsomorphicLayoutEffect)$")
LOAD_METHODS = re.compile(
    r"^(componentDidMount|ngOnInit|ngAfterViewInit|ngAfterContentInit|connectedCallback|firstUpdated|"
    r"mounted|beforeMount|created|onMounted|onLaunch|onLoad|onShow|onReady|init|initialize)$"
)
LOAD_METHODS_STRICT = re.compile(
    r"^(componentDidMount|ngOnInit|ngAfterViewInit|ngAfterContentInit|connectedCallback|firstUpdated|"
    r"mounted|beforeMount|created|onMounted|onLaunch)$"
)
USER_NAMES = re.compile(
    r"^(on|handle)(Click|Press|Tap|Submit|Toggle|Change|Enable|Subscribe|Allow|Accept|Opt|Button|Bell|Confirm)|"
    r"(Click|Press|Tap|Submit|Pressed|Clicked|Handler)$"
)
JSX_USER_ATTR = re.compile(
    r"^on(Click|DoubleClick|MouseDown|MouseUp|PointerDown|PointerUp|TouchStart|TouchEnd|KeyDown|KeyUp|"
    r"KeyPress|Submit|Change|Input|Press|PressIn|PressOut|LongPress|Tap|Toggle|Select|ValueChange|CheckedChange|Confirm|Accept)$"
)
PASS_THROUGH = re.compile(
    r"^(setTimeout|requestIdleCallback|requestAnimationFrame|queueMicrotask|nextTick|\$nextTick|then|catch|"
    r"finally|Promise|resolve|all|allSettled|startTransition|runInAction|defer|setImmediate|call|apply|"
    r"useCallback|useMemo|debounce|throttle|after|whenReady|runAfterInteractions)$"
)
CRON_STRING = re.compile(r"^\s*([\d*/,\-?LW#]+\s+){4,6}[\d*/,\-?LW#A-Za-z]+\s*$|^@(daily|hourly|weekly|monthly|yearly|annually|midnight)$|^every\s+\d*\s*\w+", re.I)


def _merge(*parts: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in parts:
        for k, v in part.items():
            out.setdefault(k, v)
    return out


class _Where:
    """Classifies the situation in which code runs, following references within one file."""

    BUDGET = 4000

    def __init__(self, ctx: CheckContext):
        self.ctx = ctx
        self.seen: set[int] = set()
        self.steps = 0
        self.memo: dict[str, dict[str, str]] = {}

    def _spent(self) -> bool:
        self.steps += 1
        return self.steps > self.BUDGET

    # -- entry point
    def code(self, node: Node, depth: int = 0) -> dict[str, str]:
        if depth > 30 or self._spent():
            return {"unknown": ""}
        for anc in _ancestors(node):
            if anc.type in FUNCTION_TYPES:
                return self.function(anc, depth + 1)
            if anc.type == "class_body":
                return {"unknown": ""}
        return {"load": "at the top level of the script"}

    def function(self, fn: Node, depth: int) -> dict[str, str]:
        if fn.id in self.seen or depth > 30:
            return {"unknown": ""}
        self.seen.add(fn.id)
        if fn.type == "method_definition":
            name = _t(fn.child_by_field_name("name"))
            deco = self._decorators(fn)
            if re.search(r"@(Cron|Interval)\b", deco):
                m = re.search(r"@(Cron|Interval)\s*\(([^)]*)\)", deco)
                return {"schedule": f"a @{m.group(1)}({m.group(2).strip()[:40]}) job" if m else "a scheduled job"}
            in_class = fn.parent is not None and fn.parent.type == "class_body"
            if name == "scheduled" and not in_class:
                return {"schedule": "a scheduled() cron handler"}
            if (LOAD_METHODS_STRICT if in_class else LOAD_METHODS).match(name):
                return {"load": f"in {name}()"}
            if name == "constructor" and in_class and re.search(r"@Component\s*\(", _file_text(self.ctx)):
                return {"load": "in the component constructor"}
            if JSX_USER_ATTR.match(name) or USER_NAMES.search(name):
                return {"user": name}
            return self.references(name, depth + 1, exclude=fn.child_by_field_name("name"), member=True)
        if fn.type in ("function_declaration", "generator_function_declaration"):
            name = _t(fn.child_by_field_name("name"))
            if USER_NAMES.search(name) and not self._has_refs(name, fn):
                return {"user": name}
            return self.references(name, depth + 1, exclude=fn.child_by_field_name("name"))
        return self.position(fn, depth + 1)

    def _decorators(self, method: Node) -> str:
        texts = []
        prev = method.prev_named_sibling
        while prev is not None and prev.type == "decorator":
            texts.append(_t(prev))
            prev = prev.prev_named_sibling
        texts += [_t(c) for c in method.children if c.type == "decorator"]
        return " ".join(texts)

    def _has_refs(self, name: str, fn: Node) -> bool:
        return any(not within(n, fn) for n in _identifier_index(self.ctx).get(name, []))

    # -- the position of a function value
    def position(self, pos: Node, depth: int) -> dict[str, str]:
        parent = pos.parent
        while parent is not None and parent.type in WRAPPERS:
            pos, parent = parent, parent.parent
        if parent is None or depth > 30 or self._spent():
            return {"unknown": ""}
        if parent.type == "arguments":
            call = parent.parent
            if call is None:
                return {"unknown": ""}
            args = _args(call)
            index = next((i for i, a in enumerate(args) if a.id == pos.id), -1)
            return self.argument(call, args, index, depth)
        if parent.type == "jsx_expression" and parent.parent is not None and parent.parent.type == "jsx_attribute":
            attr = _t(parent.parent.named_children[0]) if parent.parent.named_children else ""
            if JSX_USER_ATTR.match(attr):
                return {"user": attr}
            return {"unknown": ""}
        if parent.type == "pair":
            value = parent.child_by_field_name("value")
            if value is None or value.id != pos.id:
                return {"unknown": ""}
            key = _unquote(_t(parent.child_by_field_name("key")))
            return self.named_slot(key, parent, depth)
        if parent.type == "assignment_expression":
            left = parent.child_by_field_name("left")
            prop = _t(left.child_by_field_name("property")) if left is not None and left.type == "member_expression" else _t(left)
            if re.match(r"^on(load|DOMContentLoaded|pageshow|deviceready)$", prop, re.I):
                return {"load": f"in {_t(left)}"}
            if re.match(r"^on(click|mousedown|touchstart|touchend|keydown|keyup|pointerdown|submit|change|input)$", prop, re.I):
                return {"user": prop}
            if re.match(r"^onpush$", prop, re.I):
                return {"push": "the push event"}
            if re.match(r"^onperiodicsync$", prop, re.I):
                return {"schedule": "a periodicsync handler"}
            return self.references(prop, depth + 1, exclude=left, member=left is not None and left.type == "member_expression")
        if parent.type == "variable_declarator":
            name_node = parent.child_by_field_name("name")
            return self.references(_t(name_node), depth + 1, exclude=name_node)
        if parent.type in ("public_field_definition", "field_definition"):
            name_node = parent.child_by_field_name("name") or parent.child_by_field_name("property")
            return self.references(_t(name_node), depth + 1, exclude=name_node, member=True)
        if parent.type == "call_expression":
            func = parent.child_by_field_name("function")
            if func is not None and func.id == pos.id:  # IIFE
                return self.code(parent, depth + 1)
        if parent.type == "shorthand_property_identifier":
            return {"unknown": ""}
        return {"unknown": ""}

    def named_slot(self, key: str, pair: Node, depth: int) -> dict[str, str]:
        if key == "onTick":
            return {"schedule": "a CronJob onTick"}
        if key == "scheduled":
            return {"schedule": "a scheduled() cron handler"}
        if re.match(r"^(mounted|created|beforeMount|onLaunch|onMounted)$", key):
            return {"load": f"in {key}"}
        if JSX_USER_ATTR.match(key) or USER_EVENTS.match(key):
            return {"user": key}
        return self.references(key, depth + 1, exclude=pair.child_by_field_name("key"), member=True)

    def argument(self, call: Node, args: list[Node], index: int, depth: int) -> dict[str, str]:
        callee = _callee_text(call)
        name = _callee_name(call)
        receiver = _receiver_text(call)
        if call.type == "new_expression":
            if re.search(r"(^|\.)(CronJob|Cron)$", callee):
                spec = _string_value(args[0]) if args else None
                return {"schedule": f"a CronJob '{spec}'" if spec else "a CronJob"}
            if re.search(r"(^|\.)(Task|AsyncTask|SimpleIntervalJob|LongIntervalJob|CronJob)$", callee):
                return {"schedule": "a scheduler task"}
            if re.search(r"(^|\.)Worker$", callee) and re.search(r"repeat\s*:|upsertJobScheduler|repeatable|every\s*:", _code_text(self.ctx)):
                return {"schedule": "a repeatable queue job"}
            if re.search(r"(^|\.)Promise$", callee):
                return self.code(call, depth + 1)
            return {"unknown": ""}
        if name in ("addEventListener", "on", "once", "addListener", "one") and index >= 1 and args:
            event = _string_value(args[0]) or ""
            if LOAD_EVENTS.match(event):
                return {"load": f"in a '{event}' listener"}
            if USER_EVENTS.match(event):
                return {"user": event}
            if event == "periodicsync":
                return {"schedule": "a periodicsync handler"}
            if event == "push":
                return {"push": "the push event"}
            if event in ("activate", "install", "message", "sync", "pushsubscriptionchange"):
                return {"unknown": ""}  # service worker: no prompt can show there
            if IDLE_EVENTS.match(event):
                return {"load": f"on the first '{event}' event, without the user asking"}
            return {"unknown": ""}
        if EFFECT_HOOKS.match(name) and index == 0:
            if len(args) < 2:
                return {"load": f"in a {name} without dependencies"}
            deps = args[1]
            if deps.type == "array" and not deps.named_children:
                return {"load": f"in a {name} with [] deps"}
            if deps.type == "array":
                # an effect runs on mount whatever its deps, unless it waits for a flag a click sets
                for dep in deps.named_children:
                    dep_name = _t(dep).split(".")[0]
                    if self._set_by_user(dep_name, depth):
                        return {"user": f"{dep_name} set by a user action"}
                return {"load": f"in a {name} that runs on mount"}
            return {"unknown": ""}
        if LOAD_HOOKS.match(name):
            return {"load": f"in {name}()"}
        if callee in ("$", "jQuery") or re.search(r"(^|\.)ready$", callee) and re.search(r"^(\$|jQuery)\(\s*(document|window)?\s*\)$", receiver):
            return {"load": "in a jQuery ready handler"}
        if name == "setInterval":
            return {"schedule": "setInterval"}
        if name == "push" and re.search(r"(^|\.)OneSignal(Deferred)?$", receiver):
            return self.code(call, depth + 1)
        if name == "schedule" and (re.search(r"cron", receiver, re.I) or (args and CRON_STRING.match(_string_value(args[0]) or "x y"))):
            spec = _string_value(args[0]) if args else None
            return {"schedule": f"a cron schedule '{spec}'" if spec else "a cron schedule"}
        if name in ("scheduleJob", "scheduleJobAsync") and index >= 1 and args:
            spec = args[0] if index == 1 else args[1]
            spec_text = _t(spec)
            if spec.type == "new_expression" and re.search(r"\bDate\b", spec_text) or re.search(r"(?i)\b(date|when|at|time|remindAt|sendAt)\b$", spec_text):
                return {"unknown": ""}
            return {"schedule": f"a node-schedule job '{_unquote(spec_text)[:40]}'"}
        if name == "onSchedule" or re.search(r"(^|\.)schedule\([^)]*\)(\.\w+\([^)]*\))*\.onRun$", callee) or name == "onRun":
            spec = _string_value(args[0]) if name == "onSchedule" and args and args[0].type == "string" else None
            m = re.search(r"schedule\(\s*(['\"`])([^'\"`]+)\1", _t(_callee(call)))
            spec = spec or (m.group(2) if m else None)
            return {"schedule": f"a scheduled function '{spec}'" if spec else "a scheduled function"}
        if callee in ("Deno.cron", "cron") or re.search(r"(^|\.)cron$", callee):
            return {"schedule": "a cron job"}
        if name == "define" and re.search(r"agenda", receiver, re.I) and re.search(r"\.(every|schedule)\s*\(", _code_text(self.ctx)):
            return {"schedule": "an agenda job"}
        if name == "process" and re.search(r"queue", receiver, re.I) and re.search(r"repeat\s*:", _code_text(self.ctx)):
            return {"schedule": "a repeatable queue job"}
        if name == "setInterval" or (name == "setInterval" and receiver == "later"):
            return {"schedule": "setInterval"}
        if re.search(r"(^|\.)(click|dblclick|submit|tap|press)$", callee):
            return {"user": name}
        if PASS_THROUGH.match(name):
            return self.code(call, depth + 1)
        if name in ("map", "forEach", "flatMap", "filter", "reduce", "some", "every", "each"):
            return self.code(call, depth + 1)
        return {"unknown": ""}

    def _set_by_user(self, state: str, depth: int) -> bool:
        if not state:
            return False
        setter = "set" + state[:1].upper() + state[1:]
        for node in _identifier_index(self.ctx).get(setter, []):
            parent = node.parent
            if parent is not None and parent.type == "call_expression":
                kinds = _Where(self.ctx).code(parent, depth + 1)
                if "user" in kinds:
                    return True
        # Vue/Svelte: `flag = true` / `flag.value = true` in a click handler
        return False

    # -- references to a named function
    def references(self, name: str, depth: int, exclude: Node | None, member: bool = False) -> dict[str, str]:
        """Where `name` is used. Plain functions are called by bare name (`name()`); methods and
        object properties (`member=True`) also through `this.name()` / `obj.name()`."""
        if not name or depth > 30 or self._spent():
            return {"unknown": ""}
        if name in self.memo:
            return self.memo[name]
        self.memo[name] = {"unknown": ""}
        kinds: dict[str, str] = {}
        for node in _identifier_index(self.ctx).get(name, [])[:200]:
            if exclude is not None and within(node, exclude):
                continue
            ref = node
            parent = ref.parent
            if parent is not None and parent.type == "member_expression":
                prop = parent.child_by_field_name("property")
                if prop is not None and prop.id == ref.id:
                    obj = _t(parent.child_by_field_name("object"))
                    if not member and obj not in ("this", "self", "that", "vm", "_this", "window", "globalThis"):
                        continue
                    ref, parent = parent, parent.parent
                else:
                    continue
            while parent is not None and parent.type in WRAPPERS:
                ref, parent = parent, parent.parent
            if parent is None:
                continue
            if parent.type == "call_expression":
                func = parent.child_by_field_name("function")
                if func is not None and func.id == ref.id:
                    kinds = _merge(kinds, self.code(parent, depth + 1))
                    continue
            if parent.type in ("arguments", "jsx_expression", "pair", "assignment_expression"):
                if parent.type == "pair":
                    value = parent.child_by_field_name("value")
                    if value is None or value.id != ref.id:
                        continue
                if parent.type == "assignment_expression":
                    right = parent.child_by_field_name("right")
                    if right is None or right.id != ref.id:
                        continue
                kinds = _merge(kinds, self.position(ref, depth + 1))
            elif node.type == "shorthand_property_identifier" and parent.type == "object":
                kinds = _merge(kinds, self.position(node, depth + 1))
        kinds = _merge(kinds, self.template_references(name))
        self.memo[name] = kinds or {"unknown": ""}
        return self.memo[name]

    def template_references(self, name: str) -> dict[str, str]:
        """References from HTML/Vue/Svelte/Angular markup: @click="name", onclick="name()", onload."""
        if self.ctx.path.suffix.lower() not in (".vue", ".svelte", ".html", ".htm"):
            return {}
        text = _file_text(self.ctx)
        n = re.escape(name)
        kinds: dict[str, str] = {}
        for m in re.finditer(rf"""(?:@|v-on:|on:|\(|\bon)([\w.:-]+?)\)?\s*=\s*["'{{][^"'}}]*?\b{n}\b""", text):
            event = m.group(1).split(".")[0].split("|")[0].lower()
            if USER_EVENTS.match(event) or event in ("click", "tap"):
                kinds.setdefault("user", event)
            elif event in ("load", "domcontentloaded", "pageshow"):
                kinds.setdefault("load", f"in the page's on{event} attribute")
        return kinds


def _where(node: Node, ctx: CheckContext) -> dict[str, str]:
    return _Where(ctx).code(node)


# --------------------------------------------------------------------------------------------
# signals in text

QUIET_HOURS = re.compile(
    r"(quiet[_\s-]?(hours?|time|period|window)|isQuietTime|isQuiet\w*|inQuiet\w*|doNotDisturb|do_not_disturb|\bdnd\b|"
    r"sleep[_-]?(hours?|time|window)|night[_-]?time|nighttime|isNight\w*|withinActiveHours|activeHours|"
    r"allowed[_-]?hours|send[_-]?window|delivery[_-]?window|business[_-]?hours|isPushTime\w*|canSendNow|"
    r"localHour|PUSH_(MIN|MAX)_\w*HOUR)",
    re.I,
)
HOUR_GUARD = re.compile(
    r"(getU?T?C?Hours\(\)|\bhours?\b|\bcurrentHour\b|\blocalHour\b|\.hour\(\)|\bnowHour\b)\s*(>=|>|<=|<)\s*(\d{1,2})\b"
)
FREQUENCY_CAP = re.compile(
    r"(max[_-]?(per[_-]?(day|week|hour)|notifications?|pushes|push|sends|daily)\w*|MAX_(DAILY_)?(PUSH|NOTIF)\w*|daily[_-]?(limit|cap|max)|"
    r"notif\w*[_-]?(limit|cap|count|quota)|(sent|pushes|notifications?)[_-]?today|last[_-]?(notified|notification|push|sent|reminder|reengagement|nudge)\w*|"
    r"cool[_-]?down|throttl\w*|rate[_-]?limit\w*|frequency[_-]?cap|min[_-]?(interval|gap|hours)[_-]?between|"
    r"MIN_\w*(INTERVAL|GAP)\w*|(sent|notified)[_-]?recently|wasNotificationSentRecently|alreadySent\w*|dedup(e|lication)?[_-]?key|"
    r"INTERVAL\s+'\d+\s+(day|hour)s?'\s*\)?\s*$)",
    re.I | re.M,
)
USER_SCHEDULE = re.compile(
    r"(preferred[_-]?(time|hour|send[_-]?time|notification[_-]?time)|reminder[_-]?(time|hour|minute|at)|notification[_-]?(time|hour)|"
    r"notify[_-]?(at|time|hour)|send[_-]?(time|hour)|(user|prefs?|preferences|settings|config)\??\.\w*(hour|time|minute|interval|frequency)\w*|digest[_-]?(time|hour|day))",
    re.I,
)
TRANSACTIONAL = re.compile(
    r"\b(order(ed|s)?|payment|paid|invoice|receipt|refund(ed)?|shipped|shipping|shipment|delivered|dispatched|tracking (number|code)|"
    r"password|verif(y|ied|ication)|otp|2fa|one[- ]time (code|password)|security (alert|code)|sign[- ]?in (attempt|from)|login attempt|new (device|login)|"
    r"appointment|booking|booked|reservation|rsvp|flight|ride|driver|pickup|"
    r"expir(e|es|ed|ing|y)|renew(al|s|ed)?|overdue|due (date|today|tomorrow)|deadline|medication|medicine|dose|pill|"
    r"outage|incident|downtime|maintenance|price (drop|alert)|back in stock)\b",
    re.I,
)
# event words: a notice that something happened, unless the payload is a reminder/nudge about it
EVENT_WORDS = re.compile(
    r"\b(badge|achievement|earned|unlocked|new message|replied|reply|mentioned|mention|commented|liked your|followed you|"
    r"invit(e|ed|ation)|accepted|approved|rejected|declined|results?|finished|completed|goal reached|kickoff|starting soon|"
    r"starts in|live now|is live)\b",
    re.I,
)
NUDGE_WORDS = re.compile(r"(remind|nudge|waiting|streak|miss(ed)? you|come ?back|daily|weekly|haven'?t|it'?s been|don'?t forget)", re.I)
ENGAGEMENT = re.compile(
    r"(remind|nudge|re-?engag|reactivat|win-?back|come-?back|inactiv|dormant|lapsed|churn|retention|streak|"
    r"daily|weekly|digest|engag|habit|motivat|check-?in|miss(ed)?[ _-]?you|tip[ _-]?of|challenge|quote|"
    r"broadcast|campaign|promo|marketing|all[ _-]?(users|subscribers|subscriptions|tokens|devices))",
    re.I,
)
INACTIVE = re.compile(
    r"(inactiv\w*[ _-]?(users?|members?|players?|customers?|accounts?|subscribers?|since|for \d|days|threshold|period)|"
    r"(get|find|fetch|query|list|select|load)[_-]?(inactive|dormant|idle|lapsed|churned)|inactive[_-]?\w*(users|members|customers|players)|inactivity|INACTIVITY|"
    r"dormant[_-]?(users|members|customers|players)|lapsed[_-]?(users|members|customers)|churned[_-]?users|"
    r"re-?engag\w*|reEngag\w*|re_engag\w*|win[_-]?back|winBack|come[_-]?back[_-]?(push|notif|campaign|reminder)|"
    # reactivation as the marketing term (a reactivation campaign or push, reactivating users in bulk); bringing
    # one thing back (`reactivate_organization`, a `reactivation_invite`, an account reactivated) is an event
    r"reactivat\w*?[_-]?(campaign|push|notif|nudge|email|flow|sequence|drip)|reactivate[_-]?(users|members|customers|players|subscribers)\b|"
    r"(user|member|customer|player|subscriber)s?[_-]?reactivation|"
    r"last[_-]?(active|login|logged[_-]?in|seen|open(ed)?|visit(ed)?|activity|used|session|played|practi[cs]ed)(_?at|At|_?date|Date|_?time|Time|_?timestamp|Timestamp)?['\"]?\s*"
    r"(<=?|:\s*\{\s*['\"]?\$lte?|,\s*['\"]<=?['\"]|\)?\s*\.(endAt|endBefore)\(|:\s*(LessThan|lt|lte)\b)|"
    r"where\(\s*['\"]last[_-]?(active|login|seen|open|visit|activity|played)\w*['\"]\s*,\s*['\"]<|"
    r"<\s*(NOW\(\)|now\(\)|datetime\('now')\s*-|"
    r"days[_-]?(since[_-]?(last)?[_-]?(active|login|visit|open|seen|activity)|inactive|away|absent)|daysAway|daysInactive|"
    r"not[_-]?(logged[_-]?in|active|opened|visited)[_-]?(since|for|in)|haven'?t (been active|opened|logged in|visited|seen you)|"
    r"idle[_-]?users|absent[_-]?users)",
    re.I,
)
USER_SET_REMINDER = re.compile(
    r"(reminders?\s*(\.|\[|\bof\b|\bin\b)|\.(remindAt|reminderTime|dueDate|dueAt|alarmTime|scheduledTime|scheduledAt|notifyAt|datetime|fireDate)\b|"
    r"alarms?\s*(\.|\[)|\b(todos?|tasks|events|medications|appointments)\s*\.\s*(forEach|filter|map|find)|"
    r"(timeLeft|remaining|secondsLeft|countdown|timeRemaining|remainingTime|timer|seconds|minutes)\w*\s*(<=|===?|<)\s*0\b|"
    r"\b(pomodoro|countdown|stopwatch)\b)",
    re.I,
)
DUE_REMINDER = re.compile(
    r"(remind(er)?[_-]?(at|time|date|datetime)\b|remindAt|reminderTime|notify[_-]?at\b|notifyAt|due[_-]?(at|date|time)\b|dueAt|dueDate|"
    r"deadline|scheduled[_-]?(at|time|for)\b|scheduledAt|scheduledFor|send[_-]?at\b|sendAt|fire[_-]?(at|date)\b|alarm[_-]?time|"
    r"reminders?\s*(\.|\[)\s*\w*\s*(filter|forEach|map|find|where)|reminderLists?|user[_-]?reminders?|my[_-]?reminders?|"
    r"appointment|booking|reservation|medication|dose|(get|find|fetch|load|list|query)[_-]?due|due[_-]?(reminders?|items|tasks|notifications|alerts)|"
    r"dueReminders|isDue|\b(is|are|when|become|becomes|fall|falls)\s+due\b|\bdue\s+(date|at|time|today|tomorrow|soon|now|reminders?|items?|tasks?)\b|\bdue\s*[:=<>])",
    re.I,
)
POLLING = re.compile(r"\b(fetch|axios|\$http|http\.get|api\.\w+|getJSON|ajax|request)\s*\(|\bunread\w*\s*>|\bnew\w*(Count|Messages|Items)\b|\bcount\s*>\s*(last|prev)", re.I)


def _quiet_hours_present(text: str) -> bool:
    if QUIET_HOURS.search(text):
        return True
    # an hour check at both ends of the night: `hour >= 22 || hour < 8`
    hours = [int(m.group(3)) for m in HOUR_GUARD.finditer(text)]
    return any(h >= 20 for h in hours) and any(h <= 9 for h in hours)


def quiet_hours(ctx: CheckContext) -> bool:
    """Mitigation: the file checks quiet hours / a night-time window before sending."""
    return _quiet_hours_present(_code_text(ctx))


def frequency_cap(ctx: CheckContext) -> bool:
    """Mitigation: a cap on how often one person is notified (max per day, cooldown, last-sent check)."""
    return bool(FREQUENCY_CAP.search(_code_text(ctx)))


def user_chosen_schedule(ctx: CheckContext) -> bool:
    """Mitigation: the send time comes from the person's own preferences."""
    return bool(USER_SCHEDULE.search(_code_text(ctx)))


def _quiet_note(ctx: CheckContext) -> str | None:
    return None if _quiet_hours_present(_code_text(ctx)) else "no quiet hours found"


# --------------------------------------------------------------------------------------------
# 1. permission prompts at load time

PERMISSION_RECEIVER = re.compile(
    r"(^|\.)(Notification|notification|Notifications|PushNotifications|LocalNotifications|PushNotificationIOS|"
    r"PushNotification|notifee|messaging(\(\))?|firebase\.messaging\(\)|OneSignal(\.Notifications)?|Notifications\.Notifications)$"
)
PERMISSION_HELPER = re.compile(
    r"^((request|ask)(For)?(User|Browser|Web)?(Notification|Notifications|Push|Fcm|FCM|Messaging)?Permissions?(Async)?|"
    r"(request|ask)(For)?(Notification|Notifications|Push|PushNotification|PushNotifications)(Permissions?|Access)?(Async)?|"
    r"(request|ask)\w*(Notification|Push)Permissions?(Async|AndGetToken|AndToken)?|"
    r"registerFor(Push|Remote|Web)?Notifications?(Async)?|registerForPush\w*|register(Web)?Push(Notifications?)?(Async)?|"
    r"subscribe(User)?(To)?(Web)?Push(Notifications?)?(Async)?|requestForToken|requestFcmToken|requestFCMToken)$"
)
ONESIGNAL_PROMPTS = re.compile(
    r"^(showSlidedownPrompt|showNativePrompt|showHttpPrompt|showCategorySlidedown|registerForPushNotifications|"
    r"promptForPushNotificationsWithUserResponse|promptForPushNotifications|promptPush|promptPushCategories|optIn|"
    r"requestPermission|provideUserConsent)$"
)


def _permission_kind(call: Node, ctx: CheckContext) -> str | None:
    """A short description of the prompt this call shows, or None when it is not a prompt."""
    name = _callee_name(call)
    receiver = _receiver_text(call)
    callee = _callee_text(call)
    args = _args(call)
    text = _code_text(ctx)
    if re.search(r"OneSignal|Slidedown", callee) and ONESIGNAL_PROMPTS.match(name):
        if name == "optIn" and "PushSubscription" not in callee:
            return None
        return f"the OneSignal prompt ({callee}())"
    if name == "requestPermission" and PERMISSION_RECEIVER.search(receiver):
        if re.search(r"messaging", receiver) or receiver == "notifee":
            return f"the push permission prompt ({callee}())"
        return f"the notification permission prompt ({callee}())"
    if name in ("requestPermissions", "requestPermissionsAsync") and re.search(
        r"(^|\.)(PushNotificationIOS|PushNotification|PushNotifications|LocalNotifications|Notifications|messaging(\(\))?)$", receiver
    ):
        return f"the notification permission prompt ({callee}())"
    if name == "requestPermissionsAsync" and not receiver and re.search(r"""from\s+['"]expo-notifications['"]""", text):
        return "the notification permission prompt (requestPermissionsAsync())"
    if name == "askAsync" and args and "NOTIFICATIONS" in _t(args[0]):
        return "the notification permission prompt (Permissions.askAsync(NOTIFICATIONS))"
    if name == "request" and args and "POST_NOTIFICATIONS" in _t(args[0]):
        return "the Android notification permission prompt (POST_NOTIFICATIONS)"
    if name == "requestNotifications" and not receiver:
        return "the notification permission prompt (requestNotifications())"
    if name == "subscribe" and re.search(r"(^|\.)pushManager$", receiver):
        return "the push permission prompt (pushManager.subscribe())"
    if name == "requestSubscription" and re.search(r"push", receiver, re.I):
        return "the push permission prompt (SwPush.requestSubscription())"
    if PERMISSION_HELPER.match(name) and not _defined_in_file(name, ctx):
        if not receiver or re.search(r"(notif|push|messag|fcm|onesignal)", receiver, re.I):
            if re.search(r"(camera|location|media|microphone|contacts|calendar|photo|bluetooth|motion|geoloc)", name + receiver, re.I):
                return None
            return f"a notification permission request ({callee}())"
    if name == "getToken" or _is_firebase_get_token_alias(name, text):
        if "@react-native-firebase" in text:
            return None
        first = _t(args[0]) if args else ""
        second = _t(args[1]) if len(args) > 1 else ""
        web_firebase = re.search(r"""from\s+['"]firebase/messaging|firebase\.messaging\(\)|firebase/compat/messaging|getMessaging\(""", text)
        if not web_firebase:
            return None
        if re.search(r"messaging", receiver, re.I) or re.search(r"messaging", first, re.I) or "vapidKey" in first + second:
            return "the push permission prompt (Firebase messaging getToken())"
    return None


def _is_firebase_get_token_alias(name: str, text: str) -> bool:
    if not name or name == "getToken":
        return False
    return bool(re.search(rf"getToken\s+as\s+{re.escape(name)}\b[^;]*from\s+['\"]firebase/messaging", text))


def _granted_guard(call: Node, stop: Node | None) -> bool:
    """True when the call only runs after permission was already granted (no prompt shows)."""
    cur = call
    for anc in _ancestors(call):
        if stop is not None and anc.id == stop.id:
            break
        if anc.type == "if_statement":
            cond = _t(anc.child_by_field_name("condition"))
            cons = anc.child_by_field_name("consequence")
            if cons is not None and within(cur, cons) and re.fullmatch(r"\(\s*(granted|isGranted|permissionGranted|hasPermission|allowed|enabled)\s*\)", cond.strip()):
                return True
            if cons is not None and within(cur, cons) and re.search(r"""(permission|status|result|perm)\w*\s*===?\s*['"]granted['"]|\.granted\b(?!\s*===?\s*false)""", cond, re.I) and not re.search(r"!==?\s*['\"]granted|!\s*\w+\.granted", cond):
                return True
        if anc.type == "ternary_expression":
            cond = _t(anc.child_by_field_name("condition"))
            if re.search(r"""===?\s*['"]granted['"]""", cond):
                return True
        cur = anc
    return False


def _earlier_prompt_in_file(call: Node, ctx: CheckContext) -> bool:
    """pushManager.subscribe()/getToken() right after an explicit requestPermission() in the same
    function (or an enclosing one): the explicit request is the prompt, report only that one."""
    rx = re.compile(r"(Notification|messaging(\(\))?|Notifications|notifee|OneSignal\.\w+)\s*\.\s*requestPermissions?(Async)?\s*\(|\b(request|ask)\w*(Permission|Notification)\w*\s*\(")
    for fn in (a for a in _ancestors(call) if a.type in FUNCTION_TYPES):
        before = ctx.data[fn.start_byte : call.start_byte].decode("utf-8", "replace")
        if rx.search(before):
            return True
    return False


def permission_on_load(ctx: CheckContext) -> Verdict | bool:
    call = ctx.node
    if _not_app_code(ctx, ctx.node):
        return False
    kind = _permission_kind(call, ctx)
    if kind is None:
        return False
    name = _callee_name(call)
    if (name in ("subscribe", "getToken", "requestSubscription") or re.match(r"^(subscribe|register|requestForToken|requestFcmToken)", name)) and _earlier_prompt_in_file(call, ctx):
        return False
    fn = _enclosing_function(call)
    if _granted_guard(call, None):
        return False
    where = _where(call, ctx)
    if "load" not in where and "user" not in where and kind.startswith("the OneSignal prompt") and fn is not None:
        before = ctx.data[fn.start_byte : call.start_byte].decode("utf-8", "replace")
        if re.search(r"OneSignal\s*\.\s*(init|initialize|setAppId)\s*\(", before):
            where = {"load": "right after OneSignal.init(), which runs at startup"}
    if not where.keys() & {"load", "user"}:
        launch = _launch_caller_elsewhere(call, ctx)
        if launch:
            where = {"load": launch}
    if "load" not in where or "user" in where:
        return False
    return Verdict(message=f"{kind} is shown when the page or app loads ({where['load']}), not after a user action")


def _exported(name: str, ctx: CheckContext) -> bool:
    n = re.escape(name)
    return bool(re.search(
        rf"\bexport\s+(default\s+)?(async\s+)?(function\*?|const|let|var)\s+{n}\b|\bexport\s*\{{[^}}]*\b{n}\b|"
        rf"\bmodule\.exports\b[^;]*\b{n}\b|\bexports\.{n}\s*=",
        _code_text(ctx),
    ))


def _imports_from(name: str, text: str, module: Path) -> bool:
    """The file `text` imports `name` from the module file `module` (`import { name } from
    './utils/reminders'`, `const { name } = require('../reminders.js')`, `from '@/utils/reminders'`):
    the last part of the specifier names the module's file (or its folder, for an index file)."""
    stem = module.stem if module.stem != "index" else module.parent.name
    n = re.escape(name)
    for m in re.finditer(
        rf"\bimport\s*(?:\w+\s*,\s*)?\{{[^}}]*\b{n}\b[^}}]*\}}\s*from\s*['\"]([^'\"]+)['\"]|"
        rf"\{{[^}}]*\b{n}\b[^}}]*\}}\s*=\s*require\(\s*['\"]([^'\"]+)['\"]",
        text,
    ):
        spec = (m.group(1) or m.group(2) or "").rstrip("/")
        last = re.sub(r"\.(js|jsx|ts|tsx|mjs|cjs)$", "", spec.rsplit("/", 1)[-1])
        if last == stem:
            return True
    return False


def _launch_caller_elsewhere(call: Node, ctx: CheckContext) -> str:
    """The prompt sits in an exported function (or one an exported function of this file calls)
    that another file of the project imports and calls when the app starts (a mount effect, the
    top level of the entry file): where that is, or "". A name that any importing file also calls
    from a user action is left alone, as within one file."""
    names = []
    for fn in _function_chain(call, ctx, hops=2):
        name = _function_name(fn)
        if name and name not in names and not project_index.too_common(name) and _exported(name, ctx):
            names.append(name)
    if not names:
        return ""
    index = project_index.for_context(ctx)
    own = str(ctx.path.resolve())
    for name in names:
        load = ""
        user = False
        for site in index.calls(name):
            if site.path == own:
                continue
            other = _other_file(ctx, index, site.path)
            if other is None or not _imports_from(name, other.data.decode("utf-8", "replace"), ctx.path):
                continue
            node = other.root.descendant_for_byte_range(site.byte, site.byte)
            where = _Where(other).code(node) if node is not None else {}
            user = user or "user" in where
            if "load" in where and not load:
                load = f"{where['load']}, {site.shown}:{site.line} calls {name}()"
        if load and not user:
            return load
    return ""


def _other_file(ctx: CheckContext, index, path: str) -> CheckContext | None:
    """Another JS/TS file of the project (parsed by the project index), as a context `_Where` can read."""

    def build() -> CheckContext | None:
        source = index.source(path)
        if source is None or not source.regions:
            return None
        region = source.regions[0]
        return CheckContext(node=region.root, captures={}, language=region.language, root=region.root,
                            path=Path(path), data=source.data, project_root=index.root)

    return ctx.remember(f"notification_spam.other:{path}", build)


def auto_prompt_option(ctx: CheckContext) -> Verdict | bool:
    """OneSignal `autoPrompt: true` / `autoRegister: true`; react-native-push-notification
    `configure({ requestPermissions: true })` run at startup."""
    if _not_app_code(ctx, ctx.node):
        return False
    pair = ctx.node
    key = _unquote(_t(pair.child_by_field_name("key")))
    value = _t(pair.child_by_field_name("value")).strip()
    if value not in ("true", "!0", "1"):
        return False
    text = _code_text(ctx)
    if key in ("autoPrompt", "autoRegister"):
        if not re.search(r"OneSignal|slidedown|promptOptions", text, re.I):
            return False
        return Verdict(message=f"OneSignal shows its permission prompt by itself when the page loads ({key}: true)")
    if key == "requestPermissions":
        call = next((a for a in _ancestors(pair) if a.type == "call_expression"), None)
        if call is None or _callee_name(call) != "configure" or not re.search(r"PushNotification", _callee_text(call)):
            return False
        where = _where(call, ctx)
        if "load" not in where or "user" in where:
            return False
        return Verdict(message="the notification permission prompt is shown at app start (PushNotification.configure({ requestPermissions: true }))")
    return False


def html_onload_prompt(ctx: CheckContext) -> Verdict | bool:
    """<body onload="Notification.requestPermission()">."""
    value = _unquote(_t(ctx.capture("value")))
    if re.search(r"(Notification\.requestPermission|pushManager\.subscribe|OneSignal\.\w*(Prompt|requestPermission)|\.getToken\()", value):
        return Verdict(message="the notification permission prompt is shown when the page loads (onload attribute), not after a user action")
    return False


# --------------------------------------------------------------------------------------------
# 2. local notifications from recurring timers

def recurring_local_notification(ctx: CheckContext) -> Verdict | bool:
    node = ctx.node
    if _not_app_code(ctx, ctx.node):
        return False
    if node.type == "new_expression":
        ctor = _callee_text(node)
        if not re.search(r"(^|\.)Notification$", ctor):
            return False
    where = _where(node, ctx)
    if "schedule" not in where:
        return False
    if "push" in where:
        return False
    body_fn = _enclosing_function(node)
    scope_text = _t(body_fn) if body_fn is not None else ""
    # follow up to the schedule: the text of every enclosing function
    chain_text = " ".join(_t(a) for a in _ancestors(node) if a.type in FUNCTION_TYPES)
    if USER_SET_REMINDER.search(chain_text) or USER_SET_REMINDER.search(scope_text):
        return False
    if re.search(r"(getHours|getMinutes|toLocaleTimeString|format\()", chain_text) and USER_SCHEDULE.search(chain_text):
        return False  # fires when the clock reaches a time the user picked
    if POLLING.search(chain_text) and re.search(r"\bif\s*\(", chain_text):
        return False
    # a timer the user started (Start button) is their own reminder
    origin = _find_timer_call(node)
    if origin is not None:
        owhere = _where(origin, ctx)
        if "user" in owhere:
            return False
    detail = where["schedule"]
    api = "showNotification()" if node.type == "call_expression" else "new Notification()"
    return Verdict(
        message=f"a notification is shown over and over from a recurring timer ({api} in {detail}), not when something happened",
        note=_quiet_note(ctx),
    )


def _find_timer_call(node: Node) -> Node | None:
    for anc in _ancestors(node):
        if anc.type == "call_expression" and _callee_name(anc) == "setInterval":
            return anc
    return None


# --------------------------------------------------------------------------------------------
# 3. push sends from schedules or to inactive users (server side)

SDK_SENDS = re.compile(
    r"^(sendNotification|sendNotifications|sendToDevice|sendToDevices|sendToTopic|sendToCondition|sendMulticast|"
    r"sendEachForMulticast|sendEach|sendAll|sendPushNotificationsAsync|sendPushNotificationAsync|createNotification)$"
)
WRAPPER_SEND = re.compile(
    r"^(send|notify|push|dispatch|deliver|broadcast|trigger|fire|enqueue|queue|create)[A-Z_]\w*"
    r"(Push|Notif|Remind|Nudge|Fcm|FCM|Apns|APNS|Expo|OneSignal|Digest|Reengag|ReEngag|Engagement|Campaign|ToUser|ToUsers|"
    r"ToDevice|ToDevices|ToTopic|ToToken|ToTokens|ToSubscri|ToAll|Sms|SMS|WhatsApp|Whatsapp)\w*$|"
    r"^notify(Users?|Subscribers?|Members?|Followers?|Players?|Customers?|Clients?|All|Everyone|Inactive|Idle|Dormant|Reengag|ReEngag|"
    r"Push|Device|Daily|Weekly|Streak|Remind|Nudge|Digest)\w*$|^(sendPush|pushNotify|sendFcm|sendFCM|sendExpo|sendApns)\w*$"
)
EMAIL_SEND = re.compile(r"^(sendMail|sendEmail|send\w*Email|send\w*Mail|sendTemplatedEmail|sendTransacEmail)$")
PUSH_URL = re.compile(r"(onesignal\.com/api|api\.onesignal\.com|exp\.host/--/api/v2/push|fcm\.googleapis\.com|push\.api|ntfy\.sh|api\.pushover)", re.I)
NOT_SEND_NAMES = re.compile(r"^(pushState|replaceState|push|sendMessage|notifyListeners|notifyChange|notifyObservers|notifySubscribers|notifyDataSetChanged|notifyAll|notify|createNotificationChannel|createNotificationChannelAsync|sendBeacon|sendStatus|sendFile)$")


def _send_kind(call: Node, ctx: CheckContext) -> str | None:
    """'push' for push/notification sends, 'email' for mail, None otherwise."""
    name = _callee_name(call)
    receiver = _receiver_text(call)
    if not name or NOT_SEND_NAMES.match(name):
        return None
    if name in ("fetch", "post", "request") and _args(call):
        first = _t(_args(call)[0])
        url = first + " " + _resolve_string_constants(first, ctx)
        return "push" if PUSH_URL.search(url) else None
    if SDK_SENDS.match(name):
        if name == "createNotification" and not re.search(r"onesignal|client|OneSignal", receiver + _code_text(ctx)[:4000], re.I):
            return None
        return "push"
    if name == "send" and re.search(r"(messaging|fcm|expo|onesignal|courier|knock|apn|provider|notif|push|novu)", receiver, re.I):
        return "push"
    if name == "trigger" and re.search(r"novu|knock|workflows", receiver, re.I):
        return "push"
    if WRAPPER_SEND.match(name):
        return "push"
    if name == "create" and re.search(r"(^|\.)messages$", receiver):
        return "push"  # Twilio SMS / WhatsApp
    if name in ("sendToUser", "sendToUsers", "sendToAll", "sendToMany", "sendBulk") and re.search(r"notif|push|fcm|expo|messag", receiver, re.I):
        return "push"
    if EMAIL_SEND.match(name) or (name == "send" and re.search(r"(mail|resend|sendgrid|sgMail|postmark|ses|mailer|transporter)", receiver, re.I)):
        return "email"
    return None


def _resolve_string_constants(text: str, ctx: CheckContext) -> str:
    names = re.findall(r"[A-Za-z_$][\w$]*", text)
    out = []
    code = _code_text(ctx)
    for n in names[:3]:
        m = re.search(rf"\b{re.escape(n)}\s*=\s*(['\"`])([^'\"`]*)\1", code)
        if m:
            out.append(m.group(2))
    return " ".join(out)


def _defined_in_file(name: str, ctx: CheckContext) -> bool:
    return name in _definitions(ctx)


def _callers(fn: Node, ctx: CheckContext) -> list[Node]:
    """Functions in the file that call `fn` (by its name)."""
    name = _function_name(fn)
    if not name:
        return []
    out = []
    for ref in _identifier_index(ctx).get(name, [])[:100]:
        if within(ref, fn):
            continue
        caller = _enclosing_function(ref)
        if caller is not None and caller.id != fn.id:
            out.append(caller)
    return out


def _function_chain(node: Node, ctx: CheckContext, hops: int = 2) -> list[Node]:
    """Enclosing functions of node plus their in-file callers, up to `hops` call levels."""
    chain: list[Node] = []
    frontier = [a for a in _ancestors(node) if a.type in FUNCTION_TYPES]
    chain += frontier
    for _ in range(hops):
        nxt: list[Node] = []
        for fn in frontier:
            for caller in _callers(fn, ctx):
                if all(c.id != caller.id for c in chain):
                    chain.append(caller)
                    nxt += [caller] + [a for a in _ancestors(caller) if a.type in FUNCTION_TYPES]
        frontier = nxt
    return chain


def _payload_text(call: Node, ctx: CheckContext) -> str:
    """What the send says: its name, its arguments and the initialisers of the variables it passes."""
    parts = [_callee_name(call)]
    for arg in _args(call):
        parts.append(_t(arg))
        if arg.type == "identifier":
            value = _resolve(arg, ctx)
            if value is not None and value.id != arg.id:
                parts.append(_t(value)[:600])
    text = " ".join(parts)
    return re.sub(r"([a-z])([A-Z])", r"\1 \2", text)


SCHEDULE_PATH = re.compile(r"(^|/)(cron|crons|cronjobs?|scheduled|schedulers?|schedules)(/|[-_.])|(^|[/_-])cron[s]?[-_.]|[-_]cron\.|(re-?engag|inactiv|win-?back|dormant)", re.I)


def recapture_send(ctx: CheckContext) -> Verdict | bool:
    call = ctx.node
    if _not_app_code(ctx, ctx.node):
        return False
    kind = _send_kind(call, ctx)
    if kind is None:
        return False
    name = _callee_name(call)
    # a wrapper defined in this file is judged by the sends inside it
    if kind == "push" and not SDK_SENDS.match(name) and name not in ("send", "trigger", "fetch", "post") and _defined_in_file(name, ctx):
        defs = _definitions(ctx)[name]
        if any(_contains_send(d, ctx) for d in defs):
            return False
    payload = _payload_text(call, ctx)
    chain = [f for f in _function_chain(call, ctx) if f.end_byte - f.start_byte < 8000]
    chain_text = _strip_comments_and_logs(" ".join(_t(f) for f in chain[:6]))
    path = ctx.path.as_posix()
    inactive = bool(INACTIVE.search(chain_text)) or bool(re.search(r"(re-?engag|inactiv|win-?back|dormant|lapsed|churn)", ctx.path.as_posix(), re.I))
    where = _where(call, ctx)
    scheduled = "schedule" in where
    if not scheduled and kind == "push" and SCHEDULE_PATH.search(path) and not re.search(r"(test|spec|mock)", path, re.I):
        scheduled = True
        where = {"schedule": "a scheduled job (cron route)"}
    clean_payload = _strip_log_calls(payload)
    if not inactive and (TRANSACTIONAL.search(clean_payload) or (EVENT_WORDS.search(clean_payload) and not NUDGE_WORDS.search(clean_payload))):
        return False
    what = "email" if kind == "email" else ("message" if name == "create" else "push notification")
    if inactive:
        verb = _verb(call)
        how = f" from {where['schedule']}" if scheduled else ""
        return Verdict(
            message=f"{what} sent to users because they have been inactive ({verb}{how}), to pull them back into the app",
            note=_quiet_note(ctx) if scheduled else None,
        )
    if kind != "push" or not scheduled:
        return False
    # scheduled sends: delivering reminders that users created, when they fall due, is fine
    if DUE_REMINDER.search(chain_text) and not re.search(r"(re-?engag|inactiv|streak|miss(ed)? you|come ?back)", payload, re.I):
        return False
    if _due_items_notice(call) and not re.search(r"(re-?engag|inactiv|streak|miss(ed)? you|come ?back)", payload, re.I):
        return False  # each user's own dated records (today's attendance, tomorrow's events), sent only when there are some
    return Verdict(
        message=f"push notification sent on a timer ({_verb(call)} in {where['schedule']}), not because something happened for the user",
        note=_quiet_note(ctx),
    )


# a query over a date window on the records' own dates (Firestore `where("createDate", "==", day)`, Mongo/Prisma
# `dueDate: { $lte: ... }`, Sequelize `[Op.between]`), not on the user's activity (`lastActiveAt` picks inactive users)
JS_DATE_WINDOW = re.compile(
    r"where\(\s*['\"](?!last)\w*(date|Date|day|Day|At|_at|time|Time)\w*['\"]\s*,\s*['\"](==|<=|>=|<|>)['\"]|"
    r"['\"]?\b(?!last)\w*(date|Date|At|_at|On|_on|day|Day|due|Due|time|Time)\w*['\"]?\s*:\s*\{\s*(['\"]?\$?(lte|gte|lt|gt|between)\b|\[Op\.(lte|gte|lt|gt|between)\])|"
    r"\bBETWEEN\b"
)
ITERATING = re.compile(r"^(forEach|map|then|filter|some|every|flatMap)$")


def _due_items_notice(call: Node) -> bool:
    """The scheduled send goes out per user only for that user's own dated records: it runs inside the
    iteration over (or the `.then` of) a query over a date window that names the user of an outer loop
    (`users.forEach(u => col.where("user", "==", u.id).where("date", "==", today).get().then(s => s.forEach(...send...)))`),
    or after `if (!items.length) continue` on such a query. No records, no push: a notice, not a nudge."""
    loop_vars: set[str] = set()
    queries: list[str] = []
    for anc in _ancestors(call):
        if anc.type in ("for_in_statement", "for_of_statement"):
            loop_vars.add(_t(anc.child_by_field_name("left")).split()[-1])
            queries.append(_t(anc.child_by_field_name("right")))
        elif anc.type == "call_expression" and ITERATING.match(_callee_name(anc)):
            queries.append(_receiver_text(anc))
            for arg in _args(anc):
                params = arg.child_by_field_name("parameters") or arg.child_by_field_name("parameter")
                if arg.type in ("arrow_function", "function_expression", "function") and params is not None:
                    loop_vars |= set(re.findall(r"[A-Za-z_$][\w$]*", _t(params))[:1])
        elif anc.type in ("statement_block",):
            for stmt in anc.named_children:
                if stmt.start_byte >= call.start_byte:
                    break
                m = re.match(r"^if\s*\(\s*(!\s*([\w$.]+?)(\.length)?|([\w$.]+?)\.(length\s*===?\s*0|empty))\s*\)\s*\{?\s*(continue|return)\b", _t(stmt))
                if m:
                    name = (m.group(2) or m.group(4)).split(".")[0]
                    queries += [_t(d) for d in _walk(anc) if d.type == "variable_declarator" and _t(d.child_by_field_name("name")) == name]
    return any(JS_DATE_WINDOW.search(q) and any(re.search(rf"(?<![\w$]){re.escape(v)}\b", q) for v in loop_vars if v) for q in queries)


def _strip_comments_and_logs(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"(?m)(^|[^:'\"\\])//.*$", r"\1", text)
    return re.sub(r"\b(console|log|logger|this\.logger)\.\w+\((?:[^()]|\([^()]*\))*\)", " ", text)


def _strip_log_calls(text: str) -> str:
    return re.sub(r"(console|log|logger)\.\w+\([^)]*\)", " ", text)


def _verb(call: Node) -> str:
    callee = _callee_text(call)
    if len(callee) > 48:
        callee = "…" + callee[-47:]
    return f"{callee}()"


def _contains_send(fn: Node, ctx: CheckContext, depth: int = 0) -> bool:
    for node in _walk(_function_body(fn)):
        if node.type == "new_expression" and re.search(r"(^|\.)Notification$", _callee_text(node)):
            return True
        if node.type == "call_expression" and node.id != fn.id:
            name = _callee_name(node)
            if SDK_SENDS.match(name) or name == "showNotification" or (name == "send" and _send_kind(node, ctx)):
                return True
            if name in ("fetch", "post") and _send_kind(node, ctx):
                return True
            if depth < 2 and _send_kind(node, ctx) and _defined_in_file(name, ctx):
                if any(_contains_send(d, ctx, depth + 1) for d in _definitions(ctx)[name] if d.id != fn.id):
                    return True
            if _send_kind(node, ctx) and not _defined_in_file(name, ctx):
                return True
    return False


# --------------------------------------------------------------------------------------------
# 4. repeating local notifications (React Native / Capacitor)

REPEAT_SIGNAL = re.compile(
    r"(repeats\s*:\s*true|repeatFrequency\s*:\s*(RepeatFrequency\.)?\w+|repeatType\s*:|repeat\s*:\s*['\"](day|week|hour|minute|month|year|time)|"
    r"\bevery\s*:\s*['\"]|type\s*:\s*(Notifications\.)?(SchedulableTriggerInputTypes\.)?(['\"])?(DAILY|WEEKLY|MONTHLY|YEARLY|daily|weekly|monthly|yearly)\b|"
    r"TriggerType\.INTERVAL|\binterval\s*:\s*\w+[^}]*timeUnit|repeatInterval\s*:)"
)
TIME_KEYS = ("hour", "minute", "weekday", "day", "month", "timestamp", "date", "seconds", "interval", "repeatTime", "at", "time", "fireDate", "on")
APP_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _resolve(node: Node | None, ctx: CheckContext) -> Node | None:
    """An identifier's object-literal value within the same function or file."""
    if node is None or node.type != "identifier":
        return node
    name = _t(node)
    fn = _enclosing_function(node) or ctx.root
    decls = _declarators(ctx).get(name, [])
    # the nearest declaration before the use inside the same function, else any in the file
    local = [d for d in decls if within(d, fn) and d.start_byte < node.start_byte]
    for d in (local[-1:] or decls[:1]):
        value = d.child_by_field_name("value")
        if value is not None:
            return value
    return node


def _declarators(ctx: CheckContext) -> dict[str, list[Node]]:
    def build() -> dict[str, list[Node]]:
        out: dict[str, list[Node]] = {}
        for n in _walk(ctx.root):
            if n.type == "variable_declarator":
                out.setdefault(_t(n.child_by_field_name("name")), []).append(n)
        return out

    return _cached(ctx, "decls", build)


def _literalish(node: Node | None, ctx: CheckContext, depth: int = 0) -> bool:
    """A value the app fixed: numbers, string literals, UPPER_CASE constants and arithmetic on them,
    `new Date()` / `Date.now()` based values."""
    if node is None:
        return True
    t = node.type
    if t in ("number", "string", "true", "false", "null", "undefined", "template_string"):
        return True
    if t == "identifier":
        name = _t(node)
        if APP_CONSTANT.match(name):
            return True
        if depth > 2:
            return False
        value = _resolve(node, ctx)
        if value is not None and value.id != node.id:
            return _literalish(value, ctx, depth + 1)
        return False
    if t == "member_expression":
        txt = _t(node)
        return bool(re.match(r"^(RepeatFrequency|TriggerType|TimeUnit|Notifications|SchedulableTriggerInputTypes)\.", txt)) or bool(APP_CONSTANT.match(txt.split(".")[0]))
    if t in ("binary_expression", "parenthesized_expression", "unary_expression"):
        return all(_literalish(c, ctx, depth + 1) for c in node.named_children)
    if t == "call_expression":
        callee = _callee_text(node)
        if callee in ("Date.now", "Date.UTC", "Math.floor", "Math.round", "Math.max", "Math.min"):
            return all(_literalish(a, ctx, depth + 1) for a in _args(node))
        if re.search(r"\.(getTime|valueOf|toISOString)$", callee):
            return _literalish(_callee(node).child_by_field_name("object"), ctx, depth + 1)
        if re.search(r"\.(setHours|setMinutes)$", callee):
            return all(_literalish(a, ctx, depth + 1) for a in _args(node))
        return False
    if t == "new_expression":
        return _callee_text(node) == "Date" and all(_literalish(a, ctx, depth + 1) for a in _args(node))
    if t == "object":
        return all(_literalish(v, ctx, depth + 1) for k, v in _pairs(node).items() if k in TIME_KEYS)
    return False


def _unwrap(node: Node | None) -> Node | None:
    while node is not None and node.type in ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression") and node.named_children:
        node = node.named_children[0]
    return node


def _trigger_of(call: Node, ctx: CheckContext) -> tuple[Node | None, str]:
    trig, lib = _trigger_of_raw(call, ctx)
    trig = _unwrap(trig)
    if trig is not None and trig.type == "identifier":
        trig = _unwrap(_resolve(trig, ctx))
    return trig, lib


def _trigger_of_raw(call: Node, ctx: CheckContext) -> tuple[Node | None, str]:
    name = _callee_name(call)
    args = _args(call)
    if name == "scheduleNotificationAsync" and args:
        obj = _unwrap(_resolve(args[0], ctx))
        trig = _pairs(obj).get("trigger")
        return _resolve(trig, ctx), "expo-notifications"
    if name == "createTriggerNotification" and len(args) >= 2:
        return _resolve(args[1], ctx), "notifee"
    if name in ("localNotificationSchedule", "scheduleLocalNotification") and args:
        return _resolve(args[0], ctx), "react-native-push-notification"
    if name == "scheduleLocalNotificationAsync" and len(args) >= 2:
        return _resolve(args[1], ctx), "expo"
    if name == "schedule" and re.search(r"LocalNotifications", _receiver_text(call)) and args:
        obj = _resolve(args[0], ctx)
        notes = _pairs(obj).get("notifications")
        if notes is not None and notes.type == "array" and notes.named_children:
            first = _resolve(notes.named_children[0], ctx)
            return _resolve(_pairs(first).get("schedule"), ctx), "Capacitor LocalNotifications"
        return None, ""
    return None, ""


def _repeat_description(trig_text: str) -> str:
    m = re.search(r"(DAILY|WEEKLY|MONTHLY|YEARLY|HOURLY)", trig_text, re.I)
    if m:
        return m.group(1).lower()
    m = re.search(r"repeatType\s*:\s*['\"](\w+)|repeat\s*:\s*['\"](\w+)|every\s*:\s*['\"](\w+)", trig_text)
    if m:
        return "every " + next(g for g in m.groups() if g)
    if re.search(r"INTERVAL|seconds", trig_text):
        return "at a fixed interval"
    if re.search(r"weekday", trig_text):
        return "weekly"
    if re.search(r"\bhour\s*:", trig_text):
        return "daily"
    return "on a fixed schedule"


def repeating_local_notification(ctx: CheckContext) -> Verdict | bool:
    call = ctx.node
    if _not_app_code(ctx, ctx.node):
        return False
    trig, lib = _trigger_of(call, ctx)
    if trig is None or trig.type != "object":
        return False
    trig_text = _t(trig)
    if not REPEAT_SIGNAL.search(trig_text):
        return False
    if re.search(r"type\s*:\s*['\"]calendar['\"]|CALENDAR", trig_text) and not re.search(r"repeats\s*:\s*true", trig_text):
        return False
    pairs = _pairs(trig)
    # a repeat chosen per reminder (ternary on the reminder's own setting) is the user's choice
    for key in ("repeatFrequency", "repeats", "repeatType", "repeat", "type", "every"):
        value = pairs.get(key)
        if value is not None and value.type == "ternary_expression":
            return False
        if value is not None and value.type in ("identifier", "member_expression") and key in ("repeatType", "repeat", "every") and not _literalish(value, ctx):
            return False
    # the time the notification fires: fixed by the app, or taken from the user
    for key in TIME_KEYS:
        value = pairs.get(key)
        if value is None:
            continue
        if value.type == "shorthand_property_identifier" or not _literalish(value, ctx):
            return False
    repeat = _repeat_description(trig_text)
    when = ""
    hour = pairs.get("hour")
    if hour is not None and hour.type == "number":
        minute = pairs.get("minute")
        mm = _t(minute) if minute is not None and minute.type == "number" else "00"
        when = f" at {_t(hour)}:{int(mm):02d}" if mm.isdigit() else f" at {_t(hour)}h"
    return Verdict(
        message=f"a local notification repeats {repeat}{when} on a schedule the app chose ({lib} {_callee_name(call)}), not one the user set",
        note=_quiet_note(ctx),
    )


# --------------------------------------------------------------------------------------------
# 5. re-engagement copy

REENGAGE = re.compile(
    r"(\bwe(['’]ve)? (really )?miss(ed)? you\b|\b(still )?miss(es)? you\b|\bcome back\b|\bcome on back\b|\bget back (in|to|on)\b(?! (you|with))|\b(jump|hop|dive) (right )?back in\b|"
    r"\b(friends?|buddies|followers|matches|fans|crew|squad|team|community|partner|everyone|people|players|rewards?|bonus(es)?|coins|gems|"
    r"prizes?|lives|hearts|garden|pets?|plants?|seedlings?|progress|lessons?|streak|puzzle|quests?|cards?) (are|is) (still |all )?waiting\b|"
    r"\b(are|is) (still )?waiting for you\b|\bwaiting for you to (come|return|log|open|play)|\b(still )?waiting for your (reply|answer|response)\b|"
    r"\byou have (\d+ |some |new |a few )?unseen\b|\bunseen (stories|posts|messages|notifications|updates|matches|likes|photos|videos|snaps)\b|"
    r"\bdon['’]?t miss out\b|\bdo not miss out\b|\b(you['’]re|you are) missing out\b|\bmissing out on\b|"
    r"\bit['’]?s been (a while|a little while|too long|ages|forever|(a few|several|some|\d+|two|three) (days|weeks|months))\b|"
    r"\b(we )?haven['’]?t (seen|heard from) you\b|\bwhere (have you been|did you go|are you)\b\??|\blong time,? no see\b|"
    r"\bhaven['’]?t (been active|opened|visited|logged in|checked in|played|practi[cs]ed|studied) (in|for|since|lately|recently|today)\b|"
    r"\bwhile you were (away|gone)\b|\byou['’]?ve been (away|gone|missing|quiet)\b|\bforg[eo]t(ten)? (about )?us\b|"
    # Streak-loss threats ("don't lose your streak") belong to the streak-rewards rule, which reports
    # them in notification payloads too; they are left out here so one string is not reported twice.
    r"\bwe missen je\b|\bkom (je )?terug\b|\b(het is|'t is) (al )?een (tijdje|tijd|poos) geleden\b|\b(schon )?eine (ganze )?weile her\b|\bwir vermissen dich\b|\bkomm(en sie)? zur[uü]ck\b|\btu nous manques\b|\bvous nous manquez\b|"
    r"\breviens\b|\brevenez\b|\bte (extrañamos|echamos de menos)\b|\bci manchi\b|\bsentimos (sua|tua) falta\b)",
    re.I,
)
NOT_REENGAGE = re.compile(r"(\bwelcome back\b|\bcome back (later|tomorrow|soon|in a (few|bit))\b(?!.*\b(miss|streak|waiting)\b)|\bplease come back\b.*\b(later|again)\b)", re.I)
WAITING_TRANSACTIONAL = re.compile(r"\b(order|package|parcel|delivery|driver|ride|courier|table|doctor|appointment|payment|invoice|document|approval|request)s? (is|are) (still )?waiting", re.I)
NOTIF_CONTEXT = re.compile(
    r"(notif|push|remind|nudge|re-?engag|reEngag|re_engag|reactivat|win-?back|winBack|win_back|"
    r"inactiv|dormant|lapsed|churn|retention|campaign|fcm|apns|onesignal|recall|lure)",
    re.I,
)
NOTIF_PATH = re.compile(r"(notif|push|remind|nudge|re-?engag|campaign|retention|win-?back|fcm|onesignal|cron|scheduler|inactiv)", re.I)
IN_APP_UI = re.compile(r"(page|screen|login|signin|sign_in|signIn|auth|modal|banner|toast|dialog|button|label|hero|landing|empty[_-]?state|placeholder|tooltip)", re.I)
TEXT_KEYS = re.compile(r"^(title|body|message|msg|subject|text|heading|headings|contents?|alert|description|preview|caption|summary|subtitle|preheader|notification|ios|android|en|default)$", re.I)
NOTIF_CALL = re.compile(
    r"^(showNotification|Notification|scheduleNotificationAsync|presentNotificationAsync|displayNotification|createTriggerNotification|"
    r"localNotification|localNotificationSchedule|scheduleLocalNotification|scheduleLocalNotificationAsync|postNotification)$"
)


# "come back later" in other languages (an empty list's hint, not a pull back): French, Spanish,
# Portuguese, German, Italian, Dutch
COME_BACK_LATER = re.compile(
    r"\b(reviens|revenez) (plus tard|bientôt|demain)\b|\b(vuelve|vuelva|volvé|volte) (más tarde|mais tarde|luego|pronto|mañana|amanhã)\b|"
    r"\bkomm(en sie)? (später|bald|morgen) wieder\b|\btorna (più tardi|domani)\b|\bkom (later|morgen) terug\b",
    re.I,
)
# the key of a notifications list's own UI strings: its empty state, "you're up to date", loading
EMPTY_STATE_KEY = re.compile(r"(?i)^(empty\w*|\w*_?empty|no_?(items|notifications|alerts|results|data)|nothing\w*|none|caught_?up|all_?caught_?up|up_?to_?date|all_?read|loading|zero_?state)$")


def _copy_phrase(text: str) -> str | None:
    m = REENGAGE.search(text)
    if not m:
        return None
    if (NOT_REENGAGE.search(text) or COME_BACK_LATER.search(text)) and not re.search(r"miss(es|ed)? you|streak|waiting|unseen|it['’]?s been", text, re.I):
        return None
    if WAITING_TRANSACTIONAL.search(text) and not re.search(r"miss(es|ed)? you|come back|streak", text, re.I):
        return None
    return m.group(0).strip()


def _js_string_context(node: Node, ctx: CheckContext) -> str | None:
    """Why a JS string counts as notification copy, or None."""
    names: list[str] = []
    for anc in _ancestors(node):
        t = anc.type
        if t.startswith("jsx"):
            return None
        if t in ("call_expression", "new_expression"):
            name = _callee_name(anc)
            callee = _callee_text(anc)
            if re.search(r"(^|\.)(console|logger|log|debug|info|warn|error|assert|expect|describe|it|test|t|i18n\.t|translate|\$t|alert|confirm|prompt|toast|Toast|showToast|snackbar|enqueueSnackbar|setError|require|import)$", callee) or name in ("log", "warn", "error", "info", "debug", "t", "$t", "alert", "toast", "success"):
                return None
            if NOTIF_CALL.match(name) or (_send_kind(anc, ctx) is not None):
                return f"{callee}()"
        if t == "throw_statement":
            return None
        if t == "pair":
            names.append(_unquote(_t(anc.child_by_field_name("key"))))
        elif t == "variable_declarator":
            names.append(_t(anc.child_by_field_name("name")))
        elif t == "assignment_expression":
            names.append(_t(anc.child_by_field_name("left")))
        elif t in ("public_field_definition", "field_definition"):
            names.append(_t(anc.child_by_field_name("name") or anc.child_by_field_name("property")))
        elif t in FUNCTION_TYPES:
            names.append(_function_name(anc))
        elif t in ("class_declaration", "class"):
            names.append(_t(anc.child_by_field_name("name")))
    for n in names:
        if n and NOTIF_CONTEXT.search(n):
            return n
    var = _nearest_variable(node)
    if var is not None and _variable_sent(var, ctx):
        return _t(var.child_by_field_name("name"))
    if any(IN_APP_UI.search(n) for n in names if n):
        return None
    if NOTIF_PATH.search(ctx.path.name) or NOTIF_PATH.search(ctx.path.parent.name):
        parent = node.parent
        if parent is not None and (parent.type == "array" or (parent.type == "pair" and TEXT_KEYS.match(_unquote(_t(parent.child_by_field_name("key")))))):
            return ctx.path.name
    return None


def _nearest_variable(node: Node) -> Node | None:
    for anc in _ancestors(node):
        if anc.type == "variable_declarator":
            return anc
        if anc.type in FUNCTION_TYPES or anc.type in ("statement_block", "program"):
            return None
    return None


def _variable_sent(var: Node, ctx: CheckContext) -> bool:
    """The variable holding the copy is handed to a notification or send call in the same scope."""
    name = _t(var.child_by_field_name("name"))
    if not re.match(r"^[A-Za-z_$][\w$]*$", name):
        return False
    scope = _enclosing_function(var) or ctx.root
    for ref in _identifier_index(ctx).get(name, []):
        if not within(ref, scope) or ref.start_byte <= var.start_byte:
            continue
        for anc in _ancestors(ref):
            if anc.type in ("call_expression", "new_expression"):
                if NOTIF_CALL.match(_callee_name(anc)) or _send_kind(anc, ctx) is not None:
                    return True
                if _callee_name(anc) not in ("stringify", "assign", "merge", "spread"):
                    break
            if anc.type in ("statement_block", "expression_statement", "variable_declarator"):
                if anc.type == "variable_declarator":
                    continue
                break
    return False


def reengagement_copy(ctx: CheckContext) -> Verdict | bool:
    node = ctx.node
    if _not_app_code(ctx, ctx.node):
        return False
    value = _unquote(_t(node))
    phrase = _copy_phrase(value)
    if phrase is None:
        return False
    if node.parent is not None and node.parent.type in ("import_statement", "export_statement") or node.parent is not None and node.parent.type == "import_statement":
        return False
    where = _js_string_context(node, ctx)
    if where is None:
        return False
    return Verdict(message=f"notification copy pulls people back with a re-engagement line (\"{phrase}\") instead of telling them something new")


# a settings screen's catalogue of notification kinds (`notifications.types.reengagement: "We miss you!"`,
# `settings.categories.reengagement_desc: "We miss you when you're away"`): labels that describe a
# switch, not the message the switch lets through
SETTING_SECTION = re.compile(r"^(settings?|preferences?|prefs|types|categories|channels|kinds|options|toggles)$", re.I)
SETTING_KEY = re.compile(r"[_-](desc|description|label|setting|settings|hint|subtitle|caption|toggle)$|^(desc|description|label|hint)$", re.I)


def _setting_label(keys: list[str]) -> bool:
    if not keys:
        return False
    return bool(SETTING_KEY.search(keys[-1]) or any(SETTING_SECTION.match(k) for k in keys[:-1]))


def _data_key_path(node: Node) -> list[str]:
    keys: list[str] = []
    for anc in _ancestors(node):
        if anc.type == "pair":  # json
            keys.append(_unquote(_t(anc.child_by_field_name("key"))))
        elif anc.type in ("block_mapping_pair", "flow_pair"):  # yaml
            keys.append(_unquote(_t(anc.child_by_field_name("key"))))
    return list(reversed(keys))


def reengagement_copy_data(ctx: CheckContext) -> Verdict | bool:
    """JSON / YAML message catalogues and payload files."""
    node = ctx.node
    if _not_app_code(ctx, ctx.node):
        return False
    raw = _t(node)
    if node.type == "block_scalar":
        raw = re.sub(r"^[|>][+-]?\d*\s*\n", "", raw)
    value = _unquote(raw)
    phrase = _copy_phrase(value)
    if phrase is None:
        return False
    keys = _data_key_path(node)
    # the key the value sits under is itself a value (YAML `- key: value` lists): skip keys
    parent = node.parent
    if parent is not None and parent.type == "pair" and parent.child_by_field_name("key") is not None and parent.child_by_field_name("key").id == node.id:
        return False
    if parent is not None and parent.type == "flow_node" and parent.parent is not None and parent.parent.type == "block_mapping_pair":
        k = parent.parent.child_by_field_name("key")
        if k is not None and k.id == parent.id:
            return False
    key_path = ".".join(keys)
    if not (NOTIF_CONTEXT.search(key_path) or NOTIF_PATH.search(ctx.path.name) or NOTIF_PATH.search(ctx.path.parent.name)):
        return False
    if re.search(r"(^|\.)(toast|banner|modal|dialog|button|label|placeholder|tooltip|page|screen|auth|login|signin|sign_in)(\.|$)", key_path, re.I) and not re.search(r"notif|push|remind", key_path, re.I):
        return False
    if key_path and EMPTY_STATE_KEY.match(key_path.rsplit(".", 1)[-1].replace("-", "_")):
        return False  # the notifications panel's empty state ("You're all caught up, check back later"), not a notification
    if _setting_label(keys):
        return False  # the name or description of a kind of notification on a settings screen, not its text
    where = key_path or ctx.path.name
    return Verdict(message=f"notification copy pulls people back with a re-engagement line (\"{phrase}\" at {where}) instead of telling them something new")


# --------------------------------------------------------------------------------------------
# 3b. a scheduler handed a send function defined in another file: cron.schedule(spec, sendReminders)

SEND_FUNCTION_NAME = re.compile(
    r"^(push[A-Z]\w*|send\w*(Push|Notif|Remind|Nudge|Digest|Alert|Alarm|Reengag|ReEngag)\w*|notify[A-Z]\w*|remind[A-Z]\w*|nudge\w*|"
    r"\w*(Reengagement|ReEngagement|Winback|WinBack|Comeback|Inactiv)\w*)$"
)


def scheduled_reference(ctx: CheckContext) -> Verdict | bool:
    call = ctx.node
    if _not_app_code(ctx, ctx.node):
        return False
    ref = ctx.capture("ref")
    if ref is None:
        return False
    name = _t(ref)
    if not SEND_FUNCTION_NAME.match(name) or _defined_in_file(name, ctx):
        return False
    args = _args(call)
    index = next((i for i, a in enumerate(args) if a.id == ref.id), -1)
    if index < 0:
        return False
    where = _Where(ctx).argument(call, args, index, 0)
    if "schedule" not in where:
        return False
    return Verdict(
        message=f"notifications sent on a timer ({name} run by {where['schedule']}), not because something happened for the user",
        note=_quiet_note(ctx),
    )
