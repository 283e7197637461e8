"""Checks for the `infinite-scroll` rule on Android (Kotlin, Java), iOS (Swift) and Flutter (Dart): the
near-end branch and the safeguards.

The queries in rules/infinite-scroll/mobile.yaml find the places where a mobile list can load
more by itself. `branch_loads_more` takes a branch whose condition says "the list is near its end"
and that runs a loading call (infinite_scroll_mobile_near_end.py, with what counts as a load in
infinite_scroll_mobile_loads.py) and drops the near misses: UIKit prefetching, scroll physics, chats
loading their history, pull-to-load gestures (`isDragging`), Dart lists laid out bottom-up and helpers
that only grow a local list after a delay, Kotlin / Java screens showing more of a list already in
memory, listener bases whose hook is overridden or reported elsewhere, and types the project never uses.
A Swift loading row after the last item (`guard indexPath.row < items.count else { loadMore() }`) is a
feed too. Rows read from data on the device with no network client are lowered to info.

One finding per feed: a branch another trigger already reports is not reported again (a row's
`.onAppear`, the app's own end-of-list helper or listener, a list widget created with the loader),
nor a second end-of-list branch of one class running the same load; in Swift the branches of one feed
fold into one finding.

The other mobile checks: infinite_scroll_mobile_triggers.py (SwiftUI / Compose appear footers, the app's
own end-of-list helpers and trigger views, snapshotFlow, RxSwift, UIKit prefetching and loading rows),
infinite_scroll_mobile_listeners.py (the app's own endless-scroll listeners),
infinite_scroll_mobile_paging.py (Android Paging), infinite_scroll_mobile_dart.py (Flutter list widgets)
and infinite_scroll_mobile_libraries.py (load-more library footers).

Safeguards for all of them: a page cap, an end-of-feed message, a user setting (`page_cap`,
`end_marker`, `user_setting`).
"""

from __future__ import annotations

import re
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.infinite_scroll import END_MARKER, PAGE_CAP_COMPARISON, USER_SETTING
from designlint.checks.infinite_scroll_mobile_dart import (
    LOCAL_OPS, REFRESH_FINISH, balanced_arguments, dart_methods, forwarded_loader_widget, loader_chosen_by_creator,
)
from designlint.checks.infinite_scroll_mobile_listeners import LISTENER_CALLBACK, SHARED_LOAD_NAME, field_type
from designlint.checks.infinite_scroll_mobile_loads import (
    APPENDS, BRANCH_TYPES, DART_DATA_OWNER, IDENTIFIER, STRONG_LOADER, TYPE_DECLARATIONS, conditions,
    enclosing_type_name, expanded_text, in_user_action, last_name, named_function, own_records_at_info, project_bytes,
    scope_text,
)
from designlint.checks.infinite_scroll_mobile_near_end import (
    branch_load, chat_history, covered, guarded, has_reporting_branch, in_row_context, signature,
)
from designlint.checks.infinite_scroll_mobile_triggers import LIST_CALLS, hook_reported_at_call_site, swift_load_name, swift_one_feed
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, function_name, functions_by_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk


def _in_prefetch(node: Node) -> bool:
    fn = named_function(node)
    return fn is not None and fn.type == "function_declaration" and bool(re.search(r"\bprefetch(Rows|Items)At\b", signature(fn)))


DART_REVERSED = re.compile(r"\breverse\s*:\s*true\b|\baxisDirection\s*:\s*AxisDirection\.up\b")  # a bottom-up `Scrollable` too


def _bottom_up_list(ctx: CheckContext, branch: Node) -> bool:
    """Flutter: the list the branch watches is laid out bottom-up (`reverse: true`, or a `Scrollable(axisDirection:
    AxisDirection.up)`), so its end is the top, where a chat loads its older messages. The list is built in the
    same build method (`NotificationListener(onNotification: ..., child: CustomScrollView(reverse: true, ...))`)
    or is given the controller the branch reads (`ListView(reverse: true, controller: _scroll)`; read through a
    getter such as `_isBottom`, the list must be built in the branch's own class)."""
    fn = named_function(branch)
    if fn is not None and DART_REVERSED.search(text(fn)):
        return True
    conds = conditions(branch)
    condition = " ".join(text(c) for c in conds)
    if any(re.search(rf"\b{re.escape(name)}\b", condition) for name in _reversed_controllers(ctx, ctx.root)):
        return True
    owner = next((a for a in ancestors(branch) if a.type == "class_definition"), None)
    expanded = " ".join(expanded_text(ctx, c) for c in conds)
    return owner is not None and any(re.search(rf"\b{re.escape(name)}\b", expanded) for name in _reversed_controllers(ctx, owner))


def _reversed_controllers(ctx: CheckContext, scope: Node) -> frozenset[str]:
    """The scroll controllers handed to a bottom-up list in `scope` (`controller: _scroll`)."""
    memo = ctx.memo.setdefault("infinite_scroll_mobile.reversed_controllers", {})
    key = (scope.start_byte, scope.end_byte)
    if key not in memo:
        names = set()
        for node in walk(scope):
            if node.type != "arguments":
                continue
            named = [text(a) for a in node.named_children if a.type == "named_argument"]
            if any(DART_REVERSED.fullmatch(a.strip()) for a in named):
                names.update(m.group(1) for a in named if (m := re.fullmatch(r"controller\s*:\s*(?:widget\.)?(\w+)\s*", a)))
        memo[key] = frozenset(names)
    return memo[key]


PULL_GESTURE = re.compile(r"\bis(Dragging|Tracking)\b")


def _pull_gesture(branch: Node, call: Call) -> bool:
    """The load waits on the user's finger (`if offset < -threshold && !scrollView.isDragging`): a
    pull-to-refresh or pull-up-to-load control, not loading by scrolling alone."""
    for a in [call.node, *ancestors(call.node)]:
        if a.type in BRANCH_TYPES and any(PULL_GESTURE.search(text(c)) for c in conditions(a)):
            return True
        if a == branch or a.type in FUNCTION_TYPES:
            break
    return any(PULL_GESTURE.search(text(c)) for c in conditions(branch))


def _loader_row_guard(branch: Node) -> Call | None:
    """Swift `guard indexPath.row < items.count else { loadMore(); return loadingCell }` in a row
    callback: the row past the data is the loading row, and showing it loads the next page."""
    if branch.type != "guard_statement" or not in_row_context(branch):
        return None
    conds = conditions(branch)
    if len(conds) != 1 or not re.fullmatch(r"[\w.]*\.(row|item)\s*<\s*[\w.()?!]*\.(count|endIndex)", text(conds[0]).strip()):
        return None
    fallback = next((c for c in branch.named_children if c.type == "statements"), None)
    return _strong_load_call(fallback) if fallback is not None else None


def _strong_load_call(node: Node) -> Call | None:
    return next((c for c in calls(node) if IDENTIFIER.match(c.name) and STRONG_LOADER.search(c.name) and not in_user_action(c.node, node)), None)


# overrides of a scroll position, scroll physics or scrolling view's layout: they work out the
# geometry of the scroll itself (`applyContentDimensions(min, maxScrollExtent)`), not what to load
SCROLL_MECHANICS = re.compile(r"^(applyContentDimensions|applyViewportDimension|applyPhysicsToUserOffset|applyBoundaryConditions|createBallisticSimulation"
                              r"|adjustPositionForNewDimensions|correctForNewDimensions|correctBy|setPixels|forcePixels|computeScroll|computeVerticalScroll\w*"
                              r"|onMeasure|onLayout|performLayout|layoutChildren|scrollVerticallyBy|scrollHorizontallyBy)$")


def _in_scroll_mechanics(branch: Node) -> bool:
    fn = named_function(branch)
    return fn is not None and bool(SCROLL_MECHANICS.match(function_name(fn) or ""))


@own_records_at_info
def branch_loads_more(ctx: CheckContext) -> Verdict | bool:
    """A branch whose condition says "near the end of the list" and that runs a loading call."""
    branch = ctx.node
    if _in_prefetch(branch):
        return False
    loading_row = _loader_row_guard(branch)
    if loading_row is not None:
        return swift_one_feed(ctx, Verdict(message=f"Loads more automatically when the loading row after the last item is shown: {loading_row.name}() runs with no action from the user"),
                               branch, swift_load_name(loading_row))
    if _in_scroll_mechanics(branch):
        return False
    found = branch_load(ctx, branch)
    if found is None or covered(ctx, branch):
        return False
    what, call = found
    if chat_history(ctx, call) or _pull_gesture(branch, call) or (ctx.language == "dart" and (_bottom_up_list(ctx, branch) or _dart_helper_idle(ctx, call))):
        return False
    if ctx.language in ("kotlin", "java") and _shows_more_of_held_list(ctx, call):
        return False
    regions = guarded(branch, conditions(branch))
    inside = branch.start_byte <= call.node.start_byte < branch.end_byte
    if not inside and regions and regions[0].parent != branch and any(has_reporting_branch(ctx, r) for r in regions):
        return False  # `if (too short) return; if (near end) load()`: the second branch reports
    if (ctx.language != "swift" and _reported_before(ctx, branch, call)) or _overridden_elsewhere(ctx, branch, call) or _unused_base_listener(ctx, branch, call):
        return False  # Swift: a second branch of the feed is a related site of the first (swift_one_feed)
    if hook_reported_at_call_site(ctx, call) or _in_unused_type(ctx, branch) or _listener_screens_report(ctx, call):
        return False
    if _row_appear_reports(ctx, branch) or loader_chosen_by_creator(ctx, branch, _load_code(ctx, call)):
        return False
    if ctx.language == "dart" and _handed_to_forwarded_loader(ctx, call.node, branch):
        return False  # `if (index == count) return Waypoint(onTouchEdge: () => fetchMore())`: reported where the widget is created
    action = f"{call.name}()" if IDENTIFIER.match(call.name) else call.name
    if call.name in ("invoke", "call") and IDENTIFIER.match(call.receiver):
        action = f"{call.receiver}()"  # `listener?.invoke()`
    message = f"Loads more automatically when {what}: {action} runs with no action from the user"
    if ctx.language == "swift":
        return swift_one_feed(ctx, Verdict(message=message), branch, swift_load_name(call))
    if _reads_device_provider(ctx):
        return Verdict(message=message, severity="info", note="The rows come from data on the device (a content provider, a SQLite database "
                       "or a photo, contacts or calendar plugin: the user's own calendar, contacts, media or records) and the file uses no network client: "
                       "a finite list, windowed as it scrolls")
    return Verdict(message=message)


# Kotlin/Java: cutting the next part out of a list already in memory (`all.subList(shown, shown + 100)`,
# `rest.take(20)`), growing the shown list and telling the adapter: no fetch.
MEMORY_SLICES = frozenset({"subList", "take", "takeLast", "drop", "dropLast", "slice", "copyOfRange", "subSequence", "get", "getOrNull", "elementAt"})
MEMORY_STEPS = MEMORY_SLICES | frozenset({"add", "addAll", "plus", "plusAssign", "clear", "min", "max", "minOf", "maxOf", "coerceAtMost", "coerceAtLeast",
                                          "coerceIn", "let", "also", "apply", "run", "with", "takeIf", "size", "count", "isEmpty", "isNotEmpty",
                                          "toList", "toMutableList", "map", "filter", "forEach", "until", "submitList", "post", "setVisibility"})
# A receiver that owns or fetches data: a call on it is a load, whatever the call is named.
DATA_OWNER_RECEIVER = re.compile(r"(?i)repository|repo$|api$|service|client|dao$|database|db$|view_?model|presenter|loader|fetcher|source$|store$|interactor|use_?case")


def _shows_more_of_held_list(ctx: CheckContext, call: Call, depth: int = 2, seen: frozenset[str] = frozenset()) -> bool:
    """The end-of-list load is a method of the file that only shows the next part of a list it already holds
    (xtra's viewer list: `items.addAll(fullList.viewers.subList(offset, offset + add)); adapter.notifyItemRangeChanged(...)`):
    every call in it is a list step (a slice, `addAll`, `min`, a scope function), an adapter notification or such a
    helper of the file, at least one cuts a slice, and none is made on a repository, API, DAO or view model.
    The list ends where the list in memory ends; nothing is fetched."""
    if call.receiver not in ("", "this") or not IDENTIFIER.match(call.name) or call.name in seen or depth == 0:
        return False
    bodies = functions_by_name(ctx).get(call.name, [])
    here = next((a for a in ancestors(call.node) if a.type in TYPE_DECLARATIONS), None)
    bodies = [b for b in bodies if here is not None and here.start_byte <= b.start_byte and b.end_byte <= here.end_byte] or bodies
    if not bodies:
        return False
    sliced = False
    for body in bodies:
        for inner in calls(body):
            if inner.node == body or not IDENTIFIER.match(inner.name):
                continue
            if DATA_OWNER_RECEIVER.search(last_name(inner.receiver)) or DATA_OWNER_RECEIVER.search(inner.receiver.split(".")[0]):
                return False
            if inner.name in MEMORY_SLICES:
                sliced = True
            elif inner.name in MEMORY_STEPS or re.match(r"^notify\w*$", inner.name):
                continue
            elif inner.receiver in ("", "this") and functions_by_name(ctx).get(inner.name):
                if not _shows_more_of_held_list(ctx, inner, depth - 1, seen | {call.name}):
                    return False
                sliced = True
            else:
                return False
    return sliced


def _load_code(ctx: CheckContext, call: Call) -> str:
    """The code that loads: the call, and for a Dart private helper of the widget itself (`_loadMore()`) also
    the helper's body one level down (`await widget.onLoadMore();`), which says whose loader runs."""
    used = f"{call.receiver}.{call.name}(" if call.receiver else f"{call.name}("
    if ctx.language == "dart" and call.receiver in ("", "this") and call.name.startswith("_"):
        used += "".join(f" {text(body)}" for body in dart_methods(ctx, call.name, call.node))
    return used


def _in_unused_type(ctx: CheckContext, branch: Node) -> bool:
    """Flutter: the branch sits in a widget or State class that the whole project never creates or
    names (dead code copied from a tutorial loads nothing). Kept to Dart: the Swift and Android
    answers were not checked on enough projects for this rule yet."""
    return ctx.language == "dart" and project_index.in_unused_class(branch, ctx)


# Android's on-device data: a content provider queried through a ContentResolver / AsyncQueryHandler /
# CursorLoader, or the app's SQLite database; and the clients that would fetch from a server instead.
DEVICE_PROVIDER = re.compile(r"\bimport\s+android\.(content\.(AsyncQueryHandler|ContentResolver|CursorLoader)|database\.sqlite\.|provider\.(CalendarContract|ContactsContract|MediaStore|CallLog|Telephony)\b)"
                             r"|\bimport\s+androidx\.loader\.content\.CursorLoader\b")
NETWORK_CLIENT = re.compile(r"\bimport\s+(retrofit2?|okhttp3?|com\.android\.volley|io\.ktor|java\.net|javax\.net|com\.google\.firebase|io\.grpc|com\.apollographql)\.|\bHttp(s)?URLConnection\b|\bRetrofit\b|\bOkHttpClient\b")


# Flutter plugins over the phone's own photos, contacts, calendar, music and call log, and the Dart network clients.
DART_DEVICE_DATA = re.compile(r"""\bimport\s+['"]package:(photo_manager|photo_gallery|contacts_service|flutter_contacts|device_calendar|on_audio_query|call_log)/""")
DART_NETWORK_CLIENT = re.compile(r"""\bimport\s+['"]package:(http|dio|graphql\w*|cloud_firestore|firebase_\w+|supabase\w*|chopper|retrofit|web_socket_channel|socket_io_client)/|\bHttpClient\b""")


def _reads_device_provider(ctx: CheckContext) -> bool:
    """The screen's file reads its rows from data on the device (a calendar agenda over
    CalendarContract, a contacts or media list; in Flutter a gallery picker over photo_manager)
    and imports no network client."""
    data = ctx.data.decode("utf-8", "replace")
    if ctx.language == "dart":
        return bool(DART_DEVICE_DATA.search(data)) and not DART_NETWORK_CLIENT.search(data)
    if ctx.language not in ("java", "kotlin"):
        return False
    return bool(DEVICE_PROVIDER.search(data)) and not NETWORK_CLIENT.search(data)


def _abstract_base_listener(branch: Node, call: Call, any_callback: bool = False) -> str:
    """The name of the abstract base listener around `branch` whose abstract callback is the load
    (`abstract class PaginationListener ... { onScrolled: if (end) loadMoreItems(); }
    abstract void loadMoreItems();`), else "". The callback must have a load-more name unless
    `any_callback` (`abstract fun onCompleted()` called at the end works as well)."""
    if call.receiver not in ("", "this", "self") or not (any_callback or LISTENER_CALLBACK.match(call.name)):
        return ""
    classes = [a for a in ancestors(branch) if a.type in ("class_declaration", "object_declaration")]
    if not classes or not re.search(rf"\babstract\b[^;{{}}=]*\b{re.escape(call.name)}\s*\(", text(classes[-1])):
        return ""
    base = enclosing_type_name(branch)
    return "" if not base or project_index.too_common(base) else base


def _overridden_elsewhere(ctx: CheckContext, branch: Node, call: Call) -> bool:
    """An abstract base listener that screens in other files subclass, overriding the callback:
    each screen's override is reported (one finding per feed), not the base as well."""
    base = _abstract_base_listener(branch, call)
    if not base:
        return False
    index, here = project_index.for_context(ctx), str(ctx.path.resolve())
    files = project_bytes(ctx)
    needle = re.compile(rf"\b{re.escape(call.name)}\s*\(")
    return any(site.path != here and needle.search(files.get(site.path, b"").decode("utf-8", "replace"))
               for site in (*index.calls(base), *index.references(base)))


def _unused_base_listener(ctx: CheckContext, branch: Node, call: Call) -> bool:
    """An abstract base listener (`abstract class EndlessScrollListener ... abstract void onLoadMore()`)
    that nothing in the project subclasses or creates: a copied utility no screen uses loads nothing,
    whatever abstract callback its end-of-list branch calls."""
    base = _abstract_base_listener(branch, call, any_callback=True)
    if not base:
        return False
    if re.search(rf"(?:\bnew\s+|\bextends\s+|:\s*){re.escape(base)}\b", ctx.data.decode("utf-8", "replace")):
        return False  # subclassed or created in its own file (`new Base(...) {...}`, `object : Base(...)`)
    index, here = project_index.for_context(ctx), str(ctx.path.resolve())
    return not any(site.path != here for site in (*index.calls(base), *index.references(base)))


def _row_appear_reports(ctx: CheckContext, branch: Node) -> bool:
    """SwiftUI: the branch sits in a view model's `loadMoreContentIfNeeded(currentItem:)` and a list row's
    `.onAppear { vm.loadMoreContentIfNeeded(currentItem: item) }` calls it: one feed, one finding, at the row
    (swift-row-appear reports the load-more name it calls)."""
    fn = named_function(branch) if ctx.language == "swift" else None
    name = function_name(fn) or "" if fn is not None else ""
    if not IDENTIFIER.match(name) or not STRONG_LOADER.search(name) or project_index.too_common(name):
        return False
    for site in project_index.for_context(ctx).calls(name):
        around = [n for kind, n in site.context if kind == "call"]
        if any(n in ("onAppear", "task") for n in around[:2]) and any(LIST_CALLS.match(n) for n in around):
            return True
    return False


def _reported_before(ctx: CheckContext, branch: Node, call: Call) -> bool:
    """One finding per behaviour: a second end-of-list branch of the same (outermost) class that runs the same
    load (`if (lastVisible >= count - 3) triggerLoadMore()` in the scroll listener and again when
    the first page does not fill the screen) is the same feed; the first branch reports it."""
    outer = [a for a in ancestors(branch) if a.type in ("class_declaration", "object_declaration", "class_definition", "struct_declaration")]
    key = (outer[-1].start_byte if outer else -1, call.receiver, call.name)
    first = ctx.memo.setdefault("infinite-scroll:reported-loads", {}).setdefault(key, branch.start_byte)
    return first != branch.start_byte


def _listener_screens_report(ctx: CheckContext, call: Call) -> bool:
    """Java: the end-of-list branch of the app's own widget runs a listener the screens hand in (`loadMore()` whose
    body is `mListener.onLoadMore()`, or that call itself), and screens in other files implement it: each
    screen's callback reports (`_shared_end_mechanism`), not the widget."""
    if ctx.language != "java":
        return False
    target = call
    if call.receiver in ("", "this"):
        helpers = functions_by_name(ctx).get(call.name, [])
        inner = [c for h in helpers for c in calls(h)]
        if len(helpers) != 1 or len(inner) != 1:
            return False
        target = inner[0]
    if not SHARED_LOAD_NAME.match(target.name) or not IDENTIFIER.match(target.receiver) or target.receiver == "this":
        return False
    listener_type = field_type(ctx.data.decode("utf-8", "replace"), target.receiver)
    if not listener_type or project_index.too_common(listener_type) or not re.search(r"(?i)(listener|callback|delegate)s?$", target.receiver + " " + listener_type):
        return False  # `homeListVM.loadMore()`: a view model, not a listener the screens hand in
    index, here = project_index.for_context(ctx), str(ctx.path.resolve())
    files = project_bytes(ctx)
    declared = re.compile(rb"\binterface\s+" + re.escape(listener_type.encode()) + rb"\b")
    if not any(declared.search(data) for data in files.values()):
        return False
    return any(d.path != here and re.search(rf"\b{re.escape(listener_type)}\b", files.get(d.path, b"").decode("utf-8", "replace"))
               for d in index.definitions(target.name))


def _handed_to_forwarded_loader(ctx: CheckContext, node: Node, stop: Node) -> bool:
    """The call sits in a callback handed to an app widget that pages with it (dart-forwarded-loader reports the argument)."""
    for a in ancestors(node):
        if a == stop:
            return False
        if a.type == "named_argument" and forwarded_loader_widget(ctx, a) is not None:
            return True
    return False


def _dart_helper_idle(ctx: CheckContext, call: Call) -> bool:
    """Dart: the end branch runs a helper of the file that fetches nothing, as for SmartRefresher `onLoading`:
    an empty `_loadMore() async {}`, a placeholder that appends generated rows in `setState` after a delay,
    or the app's own list widget's loader whose `widget.loadMore()` every caller switches off (`hasMore: false`)."""
    if call.receiver not in ("", "this") or not IDENTIFIER.match(call.name):
        return False
    bodies = dart_methods(ctx, call.name, call.node)
    if not bodies or not all(_dart_idle_body(ctx, body, 2, {call.name}) for body in bodies):
        return False
    if not any(c.name in LOCAL_OPS for body in bodies for c in calls(body)):
        return True  # a stub: nothing grows
    if _grows_only_after_delay(bodies):
        return True  # a demo that fakes a fetch: rows generated inside `Future.delayed(d, () { ... })`
    if DATE_GENERATION.search(" ".join(text(b) for b in bodies)):
        return True  # the rows are dates computed on the device (a week strip of a calendar), nothing fetched
    heads = [h for h in (text(a).split("{", 1)[0] for a in ancestors(call.node) if a.type in BRANCH_TYPES) if not SCROLL_GEOMETRY.search(h)]
    helpers = [h for b in bodies for c in calls(b) if c.receiver in ("", "this") and IDENTIFIER.match(c.name) for h in dart_methods(ctx, c.name, b)]
    bounds = re.sub(r"\bfor\s*\([^)]*\)", "", " ".join(heads + [text(b) for b in [*bodies, *helpers]]))
    return bool(LOCAL_CAP.search(bounds))  # generated rows up to a fixed end; not rows generated forever


def _grows_only_after_delay(bodies: list[Node]) -> bool:
    """Every list growth of the helper comes after a delay that pretends to fetch: inside the callback of a
    `Future.delayed(d, () { ... })` or a `Timer(d, () { ... })`, or after an `await Future.delayed(d);` of
    the same body (`await Future.delayed(d); setState(() => items.addAll(['item']));`)."""
    growth = [(body, c) for body in bodies for c in calls(body) if c.name in APPENDS or c.name == "add"]
    return bool(growth) and all(_in_delay_callback(c) or _after_awaited_delay(body, c) for body, c in growth)


def _is_delay(call: Call | None) -> bool:
    return call is not None and ((call.name == "delayed" and call.receiver == "Future") or (call.name == "Timer" and call.receiver == ""))


def _in_delay_callback(call: Call) -> bool:
    return any(_is_delay(as_call(a)) for a in ancestors(call.node))


def _after_awaited_delay(body: Node, call: Call) -> bool:
    """An `await Future.delayed(d)` of `body` ends before `call` starts."""
    return any(_is_delay(d) and (d.node.type == "await_expression" or (d.node.parent is not None and d.node.parent.type == "await_expression"))
               and d.node.end_byte <= call.node.start_byte for d in calls(body))


def _timer_callbacks_idle(ctx: CheckContext, timer: Call, body: Node, depth: int, seen: set[str]) -> bool:
    """`Timer(duration, _onTimeout)`: the method it hands over is idle itself (a closure's calls are
    judged where they stand)."""
    listed = next((c for c in timer.node.children if c.type == "arguments"), None) if timer.node.type in ("new_expression", "const_object_expression") else None
    args = [a.named_children[-1] if a.type == "argument" and a.named_child_count else a for a in listed.named_children] if listed is not None else argument_nodes(timer)
    if len(args) != 2:
        return False
    callback = text(args[1]).strip()
    if re.match(r"^\(\s*\w*\s*\)\s*(\{|=>)", callback):
        return True
    helpers = dart_methods(ctx, callback, body) if IDENTIFIER.match(callback) and callback not in seen else []
    return bool(helpers) and all(_dart_idle_body(ctx, h, depth - 1, seen | {callback}) for h in helpers)


SCROLL_GEOMETRY = re.compile(r"(?i)pixels|extent|offset|position|metrics|atEdge|outOfRange")
LOCAL_CAP = re.compile(r"(?i)\b_?(max|limit|total|has_?more|can_?load|last_?page)\w*|\b\w+\s*(<|<=|>=|>)\s*\d+")


IDLE_CALLS = re.compile(r"^(Duration|delayed|then|whenComplete|setState|print|debugPrint|log|Random|nextInt|nextDouble|nextBool|toString"
                        r"|DateTime|isAfter|isBefore|isAtSameMomentAs|subtract|difference)$")
# The helper builds dates from a date (`start.add(Duration(days: -i))`): a calendar strip growing by weeks, not fetched items.
DATE_GENERATION = re.compile(r"\bDateTime\b[\s\S]*\.(add|subtract)\(\s*(const\s+)?Duration\(\s*days\s*:|\.(add|subtract)\(\s*(const\s+)?Duration\(\s*days\s*:[\s\S]*\bDateTime\b")


def _animation_controller(ctx: CheckContext, receiver: str) -> bool:
    """The receiver is a field or variable the file declares or creates as an AnimationController."""
    name = last_name(receiver)
    return bool(IDENTIFIER.match(name)) and any(t.endswith("AnimationController")
                                                for t in project_index.declared_types(name, ctx.data.decode("utf-8", "replace")))


def _dart_idle_body(ctx: CheckContext, body: Node, depth: int, seen: set[str]) -> bool:
    """Every call of the body is known to fetch nothing: a delay, `setState`, list operations on the
    screen's own list (`_list.addAll(List.generate(...))`), helpers of the file that are idle themselves,
    or the parent's callback that every caller switches off."""
    for inner in calls(body):
        name, receiver = inner.name, inner.receiver
        if IDLE_CALLS.match(name) or REFRESH_FINISH.match(name) or (name in LOCAL_OPS and not DART_DATA_OWNER.search(last_name(receiver))):
            continue
        if _animation_controller(ctx, receiver):
            continue  # `_revealController.forward()`: an animation (a button sliding in), not a fetch
        if receiver == "widget" and _widget_load_switched_off(ctx, inner, body):
            continue
        if name == "Timer" and receiver == "" and depth > 0 and _timer_callbacks_idle(ctx, inner, body, depth, seen):
            continue
        if receiver in ("", "this") and IDENTIFIER.match(name) and name not in seen and depth > 0:
            helpers = dart_methods(ctx, name, body)
            if helpers and all(_dart_idle_body(ctx, h, depth - 1, seen | {name}) for h in helpers):
                continue
        return False
    return True


WIDGET_GATE = re.compile(r"\bif\s*\(\s*!\s*widget\.(\w+)\s*\)\s*\{?\s*return\b")
STATE_OF = re.compile(r"\bextends\s+State\s*<\s*([A-Z]\w*)\s*>")


def _widget_load_switched_off(ctx: CheckContext, load: Call, body: Node) -> bool:
    """`if (!widget.hasMore) return; await widget.loadMore();` in the State of the app's own list widget, and
    every place the project builds that widget passes `hasMore: false` (a caller that leaves it out counts as on): the
    callers, not the definition, say whether a feed pages, and none does."""
    if load.receiver != "widget":
        return False
    gates = WIDGET_GATE.findall(text(body))
    state = next((a for a in ancestors(body) if a.type == "class_definition"), None)
    owner = STATE_OF.search(text(state)[:300]) if state is not None else None
    if not gates or owner is None or project_index.too_common(owner.group(1)):
        return False
    index = project_index.for_context(ctx)
    sites = index.calls(owner.group(1))
    if not sites:
        return False
    for site in sites:
        data = index.files().get(site.path, b"").decode("utf-8", "replace")
        arguments = balanced_arguments(data, len(data.encode("utf-8", "replace")[:site.byte].decode("utf-8", "replace")))
        if arguments is None or not any(re.search(rf"\b{gate}\s*:\s*false\b", arguments) for gate in gates):
            return False
    return True


MOBILE_END_MARKER = re.compile(r"(?i)R\.string\.\w*(no_?more|end_?of_?(the_?)?(feed|list|results)|caught_?up|reached_?(the_?)?end)\w*|L10n\.\w*(noMore|endOf|caughtUp)\w*")
LOG_CALL = re.compile(r"(?m)\b(log|Log\.\w|print|println|debugPrint|NSLog|os_log|logger\.\w+|Timber\.\w|Logger\.\w+)\s*\(.*$")


def page_cap(ctx: CheckContext) -> bool:
    """Automatic loading stops after a fixed number of pages (`page < MAX_PAGES`)."""
    for m in PAGE_CAP_COMPARISON.finditer(scope_text(ctx)):
        if not re.search(r"(?i)total|count\b|length\b|size\b", m.group(0).split("<")[-1].split(">")[-1]):
            return True
    return False


def end_marker(ctx: CheckContext) -> bool:
    """The screen shows an end-of-feed message ("You're all caught up", R.string.no_more_posts)."""
    scope = LOG_CALL.sub("", scope_text(ctx, comments=False))  # a commented-out toast is no marker
    strings = " ".join(re.findall(r"\"[^\"\n]*\"|'[^'\n]*'", scope))
    return bool(END_MARKER.search(strings) or MOBILE_END_MARKER.search(scope))


def user_setting(ctx: CheckContext) -> bool:
    """A user preference can turn automatic loading off."""
    return bool(USER_SETTING.search(ctx.data.decode("utf-8", "replace")))
