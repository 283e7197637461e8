"""Checks for the `infinite-scroll` rule on Android (Kotlin, Java), iOS (Swift) and Flutter (Dart).

The queries in rules/infinite-scroll/mobile.yaml find the places where a mobile list can load
more by itself; the checks here decide whether it really does:

* a branch (`if`, `guard`, `when` entry) whose condition says "the list is near its end", with
  local names and getters followed to their definition in the file
  (`lastVisible + threshold >= totalItemCount` where `lastVisible =
  layoutManager.findLastVisibleItemPosition()`; `_isBottom` where `bool get _isBottom => ...
  maxScrollExtent`), and that runs a loading call (`branch_loads_more`);
* scroll-API conditions (RecyclerView positions, `canScrollVertically(1)`, Compose
  `visibleItemsInfo` / `totalItemsCount`, Flutter `maxScrollExtent` / `extentAfter`, UIKit
  `contentSize`) accept any call that is not UI work (a callback, `bloc.add(PostFetched())`,
  `items.addAll(...)`); row-index conditions (`item == items.last`, `index == items.length - 1`)
  need a loader name (or grow the list in place, `items += more`) and must sit where rows are
  built or shown (`onAppear`, `willDisplay`, `itemBuilder`, `onBindViewHolder`, a Compose
  `items {}` block); local values are followed through their compound assignments (`h -= ...`);
* SwiftUI `.onChange(of:)` of state that moves as the list scrolls (a paged `TabView` selection, a
  `.scrollPosition(id:)` binding, an index rows record in `.onAppear` / `.onDisappear`): its new value is
  the reached row under any name, in the closure or in the function it is handed to, in this file or
  (through the project index) a view model's (swiftui_scroll_state.py);
* Compose `snapshotFlow { ... }.collect { loadMore() }` chains, SwiftUI `.onAppear` / `.task`
  and Compose `LaunchedEffect` footers that call a load-more function (or a `LaunchedEffect`
  keyed on the end of the list that hands it to a callback), UIKit prefetching that
  fetches the next page, and overrides / constructors of the app's own endless-scroll listeners
  (also handed a callback by name, `state.OnAppearLastItem(onAppearLastItem = onLoadMore)`);
* RxSwift scroll chains that subscribe a loader or are handed on as the view model's paging
  input (`let pagingTrigger = tableView.rx.didScroll.filter { ... }`);
* Paging 2 KTX `dataSourceFactory.toLiveData(pageSize = 20)`;
* an app's own `Infinite…` / `Endless…` Flutter widget handed a page fetcher, and Paging 3
  `Pager`s (lowered to info when they page the app's own database with no `RemoteMediator`);
* library footers that load by themselves: MJRefresh auto footers, easy_refresh `EasyRefresh(onLoad:)`
  with an infinite-load footer (v2 / v3 defaults), Epoxy-style loading footers, UIKit load-more
  sections and loading rows, RxSwift scroll chains;
* near misses: chats loading their history (a bottom-up list), names that only say "bottom"
  outside scrolling code, values computed from calls (scroll physics), buttons, delegates told
  how the user scrolls, pull-to-load controls (`isDragging`, enum-case states), prefetching of
  the rows' own data, Compose paging over sample data or in previews;
* safeguards: a page cap, an end-of-feed message, a user setting, and load-more libraries whose
  automatic loading is switched off.

Everything is syntactic; the project index (designlint/project_index.py) is asked about the app's
own scroll listener classes written in another file (`RecyclerScrollListener { ... }`,
`new ScrollPagerListener(lm) { void load() { ... } }`: their scroll callback must compare a
position with the end of the list and call the overridden method or the callback handed over),
MJRefresh footer subclasses declared in another file, Compose row helpers called for each row in
another file (`PagingEffect(index, items.lastIndex) { loadMore() }`), and the composables that
collect a view model's Pager. A SmartRefreshLayout's layout XML (res/layout/) is read for its
load-more switches (recorded with `ctx.depends_on`).

One finding per feed: a Pager collected by a Compose screen is reported at the screen, a screen
that hands itself to `setOnLoadMoreListener(this)` at the setter (not its `onLoadMore` override),
and a second end-of-list branch of one class running the same load not at all.
"""

from __future__ import annotations

import re
from pathlib import Path
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.infinite_scroll import END_MARKER, PAGE_CAP_COMPARISON, USER_SETTING
from designlint.checks.infinite_scroll_mobile_dart import (
    LOCAL_OPS, REFRESH_FINISH, balanced_arguments, dart_methods, forwarded_loader_widget, loader_chosen_by_creator,
)
from designlint.checks.infinite_scroll_mobile_listeners import LISTENER_CALLBACK, SHARED_LOAD_NAME, end_callback_loads, field_type
from designlint.checks.infinite_scroll_mobile_loads import (
    APPENDS, BRANCH_TYPES, DART_DATA_OWNER, DISPATCH, FLOW_SENDS, IDENTIFIER, IDENTIFIER_TYPES, LOADER, MORE_PAGES,
    NOT_LOADER, SCROLLED_TO_END, STRONG_LOADER, TYPE_DECLARATIONS, braced, call_name, conditions, declared_name,
    declared_type_name, definitions_of, enclosing_type_name, expanded_text, in_user_action, last_name, loads,
    named_function, own_records_at_info, project_bytes, scope_text, short, with_trailing_lambda,
)
from designlint.checks.infinite_scroll_mobile_near_end import (
    NAMED_END, PAGE_ADVANCE, SCROLL_CONTEXT, SCROLL_END, branch_load, chat_history, covered, following_statements,
    guarded, has_reporting_branch, head_and_parameters, in_row_context, loader, near_end, row_end, scroll_end,
    signature,
)
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, enclosing_functions, function_name, functions_by_name
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
        return _swift_one_feed(ctx, Verdict(message=f"Loads more automatically when the loading row after the last item is shown: {loading_row.name}() runs with no action from the user"),
                               branch, _swift_load_name(loading_row))
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
        return False  # Swift: a second branch of the feed is a related site of the first (_swift_one_feed)
    if _hook_reported_at_call_site(ctx, call) or _in_unused_type(ctx, branch) or _listener_screens_report(ctx, call):
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
        return _swift_one_feed(ctx, Verdict(message=message), branch, _swift_load_name(call))
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


# Names the end-of-list callback patterns report where they are called (kotlin-endless-listener, kotlin-end-reached-callback).
REPORTED_HOOK_NAME = re.compile(r"^(\w*(Endless|Infinite|Paginat\w*|(?i:paged|paging)|LoadMore|BottomReached|OnBottom|EndReached|ScrollToEnd|ScrollEnd)\w*(Scroll\w*|Listener)"
                                r"|([A-Z]\w*)?Scroll\w*Listener|(?i:on_?)?(ScrollBottom|ScrolledToBottom|ScrolledToEnd|ScrollToEnd|BottomReached|ReachedBottom|ReachedEnd|EndReached|ReachEnd|ReachBottom))$")


def _hook_reported_at_call_site(ctx: CheckContext, call: Call) -> bool:
    """The load is a callback the caller hands in (`class SessionScrollListener(..., val callback: () -> Unit)`
    running `callback()`, or `@Composable fun LazyListState.OnBottomReached(onLoadMore: () -> Unit)`), and the
    class or function has an end-of-list name that is called elsewhere in the project with the load:
    one feed, one finding, at that call site (kotlin-endless-listener / kotlin-end-reached-callback)."""
    if ctx.language != "kotlin":
        return False
    hook = call.receiver if call.name in ("invoke", "call") else "" if call.receiver else call.name
    if not IDENTIFIER.match(hook):
        return False
    owner, declaration = "", None
    for a in ancestors(call.node):
        if a.type == "function_declaration" and re.search(rf"\b{re.escape(hook)}\b", head_and_parameters(a)[1]):
            owner, declaration = function_name(a) or "", a
            break
        if a.type == "class_declaration":
            ctor = next((c for c in a.named_children if c.type == "primary_constructor"), None)
            if ctor is not None and re.search(rf"\b{re.escape(hook)}\s*:", text(ctor)):
                owner, declaration = declared_type_name(a), a
            break
    if declaration is not None and declaration.type == "function_declaration" and not REPORTED_HOOK_NAME.match(owner) \
            and owner in _end_helpers(ctx) and not project_index.too_common(owner):
        # a plain-named helper (`TriggerWhenReachingEnd(listState, retry, load)`): the screens calling it with a load report
        return any(_end_helper_site_loads(ctx, site, owner) for site in project_index.for_context(ctx).calls(owner)[:40])
    if declaration is None or not REPORTED_HOOK_NAME.match(owner) or project_index.too_common(owner):
        return False
    here = str(ctx.path.resolve())
    return any(site.path != here or not declaration.start_byte <= site.byte < declaration.end_byte for site in project_index.for_context(ctx).calls(owner))


# Kotlin function declarations of a project file and the function-typed parameters they take.
KOTLIN_FUN = re.compile(r"(?m)^[ \t]*(?:@\w+(?:\([^()\n]*\))?\s+)*(?:(?:private|internal|public|protected|inline|suspend|override|open)\s+)*fun\s+(?:<[^>\n]*>\s*)?(?:[\w.<>?]+\.)?(\w+)\s*\(")
FUNCTION_PARAMETER = re.compile(r"\b(\w+)\s*:\s*(?:@\w+\s+)?(?:suspend\s+)?\([^()]*\)\s*->")
# (the end-reached callback patterns report these names at their call sites already)
END_REACHED_NAME = re.compile(r"^((?i:on_?)?(ScrollBottom|ScrolledToBottom|ScrolledToEnd|ScrollToEnd|BottomReached|ReachedBottom|ReachedEnd|EndReached|ReachEnd|ReachBottom|LoadMoreOnScroll"
                              r"|DidScrollToEnd|DidScrollToBottom|ReachedBottomEdge|ReachedEndEdge|Appear(ed)?LastItem|LastItem(Visible|Appeared?|Reached|Shown))"
                              r"|\w*(LoadMore|NextPage|Paginat\w*|InfiniteScroll|InfiniteList|EndOfList)(Trigger|Sentinel|Detector|Observer|Handler))$")
FUNCTION_PARAMETER_BYTES = re.compile(rb"\bfun\b[^{]*?\w\s*:\s*(?:suspend\s+)?\([^()]*\)\s*->")
_END_HELPERS: dict[int, tuple[object, dict[str, tuple[str, int, tuple[str, ...]]]]] = {}


def _end_helpers(ctx: CheckContext) -> dict[str, tuple[str, int, tuple[str, ...]]]:
    """Kotlin: the project's own end-of-list helpers with plain names, name -> (file, line, callback parameters):
    a function taking a callback (`load: () -> Unit`) that tests the end of a scrolled list
    (`listState.isScrolledToEnd()`, `visibleItemsInfo` near `totalItemsCount`) and then runs it
    (`if (endReached && !retry) LaunchedEffect(Unit) { load() }`). Each screen that calls it with its
    load is reported (one feed each), not the helper. Swift: the app's own footer trigger views (_swift_trigger_views)."""
    if ctx.language == "swift":
        return _swift_trigger_views(ctx)
    if ctx.language != "kotlin":
        return {}
    mine = ctx.memo.get("infinite_scroll_mobile.end_helpers")
    if mine is not None:
        return mine
    index = project_index.for_context(ctx)
    cached = _END_HELPERS.get(id(index))
    if cached is not None and cached[0] is index:
        ctx.memo["infinite_scroll_mobile.end_helpers"] = cached[1]
        return cached[1]
    found: dict[str, tuple[str, int, tuple[str, ...]]] = {}
    for path, data in index.files().items():
        if not path.endswith((".kt", ".kts")) or b"->" not in data or not FUNCTION_PARAMETER_BYTES.search(data):
            continue
        source = data.decode("utf-8", "replace")
        if not SCROLL_CONTEXT.search(source):
            continue
        code = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", source)
        heads = list(KOTLIN_FUN.finditer(code))
        for i, head in enumerate(heads):
            name = head.group(1)
            if REPORTED_HOOK_NAME.match(name) or END_REACHED_NAME.match(name) or project_index.too_common(name):
                continue
            chunk = code[head.start(): heads[i + 1].start() if i + 1 < len(heads) else len(code)]
            brace = chunk.find("{")
            params = tuple(FUNCTION_PARAMETER.findall(chunk[:brace])) if brace > 0 else ()
            if not params:
                continue
            body = chunk[brace:]
            if not SCROLL_CONTEXT.search(chunk) or not scroll_end(body):
                continue
            end_at = min((m.start() for api, _, _ in SCROLL_END for m in [api.search(body)] if m), default=0)
            # run with no arguments: a trigger (`load()`), not a report of the end state (`onBottomChanged(atBottom)`,
            # which the helper's own effect reports as handed on)
            if any(re.search(rf"\b{re.escape(p)}\s*(\?\.\s*invoke\s*|\.\s*invoke\s*)?\(\s*\)", body[end_at:]) for p in params):
                found.setdefault(name, (path, code.count("\n", 0, head.start() + head.group(0).rfind("fun")) + 1, params))
    _END_HELPERS[id(index)] = (index, found)
    ctx.memo["infinite_scroll_mobile.end_helpers"] = found
    return found


def _hands_load(call_node: Node) -> bool:
    """The call hands the helper a load: a lambda that fetches, a callable reference, or a callback handed on by name."""
    holder = with_trailing_lambda(call_node)
    call = as_call(call_node)
    args = (argument_nodes(call) if call is not None else []) + [c for n in (call_node, holder) for c in n.named_children if c.type == "annotated_lambda"]
    return end_callback_loads(args)


def _end_helper_site_loads(ctx: CheckContext, site: project_index.Site, name: str, index: project_index.ProjectIndex | None = None) -> bool:
    """The call of the end-of-list helper `name` at `site` (not inside the helper itself) hands it a load
    (`index`: the project the site was found in, when not the file's own)."""
    helper = _end_helpers(ctx).get(name)
    if helper is None or (site.path == helper[0] and (name in site.functions or site.owner == name)):
        return False
    source = (index or project_index.for_context(ctx)).source(site.path)
    if source is None or not source.regions:
        return False
    root = source.regions[0].root
    call = next((n for n in walk(root) if n.type == "call_expression" and n.start_point[0] + 1 == site.line and call_name(n) == name), None)
    return call is not None and _hands_load(call)


@own_records_at_info
def end_helper_called(ctx: CheckContext) -> Verdict | bool:
    """Kotlin: a screen calls the app's own end-of-list helper with its load (`TriggerWhenReachingEnd(listState,
    retry) { viewModel.searchNextPage() }`, defined in another file as `if (listState.isScrolledToEnd())
    LaunchedEffect(Unit) { load() }`): reported at each screen that hands in a load. Swift: a list ends with the
    app's own footer trigger view and hands it its load (`LoadMoreFooter { try await feed.fetchNextPage() }`)."""
    captured = ctx.captures.get("fn")
    name = ctx.text(captured[0]) if captured else call_name(ctx.node)
    helper = _end_helpers(ctx).get(name)
    if helper is None:
        return False
    fn = named_function(ctx.node)
    if fn is not None and function_name(fn) == name and str(ctx.path.resolve()) == str(Path(helper[0]).resolve()):
        return False  # the helper calling itself
    if any(a.type == "function_declaration" and re.search(r"@Preview\b", text(a)) for a in ancestors(ctx.node)):
        return False
    if ctx.language == "swift" and (_in_swift_preview(ctx.node) or not _footer_context(ctx, ctx.node)):
        return False
    if not _hands_load(ctx.node):
        return False
    shown = Path(helper[0]).name
    if ctx.language == "swift":
        verdict = Verdict(message=f"The list hands its load to {name}, the app's own footer trigger view ({shown}:{helper[1]}), "
                          "which runs it when it comes on screen at the end of the list: more loads with no action from the user")
        load = _swift_handed_load(ctx, ctx.node) or name
        # `NextPageView { await onNextPage(.accounts) }` ... `NextPageView { await onNextPage(.tags) }` in the
        # sections of one view's body: one screen, one finding, at the first, the others its related sites
        holder = next((a for a in ancestors(ctx.node) if a.type in ("function_declaration", "property_declaration", "init_declaration")), None)
        owner = [a for a in ancestors(ctx.node) if a.type in TYPE_DECLARATIONS]
        first = ctx.memo.setdefault("infinite-scroll:end-helper-holders", {}).setdefault((holder.start_byte if holder is not None else -1, name), load)
        key = f"swift-feed:{ctx.path.as_posix()}:{owner[-1].start_byte if owner else -1}:{first}"
        return _swift_one_feed(ctx, verdict, ctx.node, load, key)
    return Verdict(message=f"The screen hands its load to {name}(), the app's own end-of-list helper ({shown}:{helper[1]}), "
                   "which runs it when the list is scrolled to the end: more loads with no action from the user")


# Swift: an app's own footer trigger view (`struct NextPageView: View { let loadNextPage: () async throws -> Void
# ... .task { await executeTask() } }`), with the closure properties its appear closure runs.
SWIFT_VIEW_HEAD = re.compile(r"(?m)^[ \t]*(?:@\w+(?:\([^()\n]*\))?\s+)*(?:(?:public|internal|private|fileprivate|final)\s+)*struct\s+(\w+)\s*(?:<[^>{]*>)?\s*:[^{]*\bView\b[^{]*\{")
SWIFT_CLOSURE_PROPERTY = re.compile(r"(?m)^[ \t]*(?:@\w+\s+)*(?:(?:public|internal|private|fileprivate)\s+)?(?:let|var)\s+(\w+)\s*:\s*(?:@escaping\s+)?(?:@Sendable\s+)?\(*\s*(?:@MainActor\s+|@Sendable\s+)*\([^()]*\)\s*(?:async\s*)?(?:throws\s*)?->")
SWIFT_APPEAR_CLOSURE = re.compile(r"\.(?:task|onAppear)\s*(?:\([^()]*\))?\s*(?:\{|\(\s*perform\s*:\s*\{)")
SWIFT_METHOD = re.compile(r"\bfunc\s+(\w+)\s*\(\s*\)[^{]*\{")
_SWIFT_TRIGGERS: dict[int, tuple[object, dict[str, tuple[str, int, tuple[str, ...]]]]] = {}


def _swift_triggers_of(index: project_index.ProjectIndex) -> dict[str, tuple[str, int, tuple[str, ...]]]:
    """The trigger views of one Swift project: a View struct named for a loading footer (or showing a progress
    row) that stores a closure it was handed (`let loadNextPage: () async throws -> Void`) and runs it with no
    arguments from its own `.task` / `.onAppear`, directly or through a method of the view (`executeTask()`)."""
    cached = _SWIFT_TRIGGERS.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    found: dict[str, tuple[str, int, tuple[str, ...]]] = {}
    for path, data in index.files().items():
        if not path.endswith(".swift") or b"struct" not in data or (b".task" not in data and b".onAppear" not in data) or b"->" not in data:
            continue
        code = re.sub(r'//[^\n]*|/\*[\s\S]*?\*/|"(?:\\.|[^"\\\n])*"', '""', data.decode("utf-8", "replace"))
        for head in SWIFT_VIEW_HEAD.finditer(code):
            name = head.group(1)
            if project_index.too_common(name) or name in found:
                continue
            body = braced(code, head.end() - 1)
            if not (FOOTER_TYPE.search(name) or PROGRESS_ROW.search(body)):
                continue
            params = tuple(SWIFT_CLOSURE_PROPERTY.findall(body))
            if not params:
                continue
            runs = re.compile(rf"\b(?:self\.)?({'|'.join(map(re.escape, params))})\s*\??\s*\(\s*\)")
            methods = {m.group(1): braced(body, m.end() - 1) for m in SWIFT_METHOD.finditer(body)}
            for appear in SWIFT_APPEAR_CLOSURE.finditer(body):
                closure = braced(body, appear.end() - 1)
                if runs.search(closure) or any(runs.search(methods[m]) for m in re.findall(r"\b(?:self\.)?(\w+)\s*\(\s*\)", closure) if m in methods):
                    found[name] = (path, code.count("\n", 0, head.start() + head.group(0).find("struct")) + 1, params)
                    break
    _SWIFT_TRIGGERS[id(index)] = (index, found)
    return found


SWIFT_LOCAL_PACKAGE = re.compile(r"\.package\s*\([^()]*?\bpath\s*:\s*\"([^\"]+)\"")


def _swift_package_indexes(ctx: CheckContext, dependents: bool = False) -> list[project_index.ProjectIndex]:
    """The file's Swift project, then the local packages its Package.swift depends on (`.package(path:
    "../DesignSystem")`), or with `dependents`, the sibling packages that depend on it."""
    own = project_index.for_context(ctx)
    out = [own]
    root = Path(own.root)
    if dependents:
        manifests = [m for m in sorted(root.parent.glob("*/Package.swift"))[:60] if m.parent != root]
    else:
        manifests = [root / "Package.swift"]
    for manifest in manifests:
        try:
            spec = manifest.read_text("utf-8", "replace")
        except OSError:
            continue
        for relative in SWIFT_LOCAL_PACKAGE.findall(spec):
            target = (manifest.parent / relative).resolve()
            if dependents:
                other = manifest.parent.resolve() if target == root.resolve() else None
            else:
                other = target if target != root.resolve() and (target / "Package.swift").is_file() else None
            if other is not None:
                index = project_index.index_for(other, "swift")
                if all(i is not index for i in out):
                    ctx.depends_on({index.key: index.digest})
                    out.append(index)
                if dependents:
                    break
    return out


def _swift_trigger_views(ctx: CheckContext) -> dict[str, tuple[str, int, tuple[str, ...]]]:
    """Swift end-of-list helpers: the trigger views of the file's project and of the local packages it uses."""
    mine = ctx.memo.get("infinite_scroll_mobile.end_helpers")
    if mine is None:
        mine = {}
        for index in _swift_package_indexes(ctx):
            for name, helper in _swift_triggers_of(index).items():
                mine.setdefault(name, helper)
        ctx.memo["infinite_scroll_mobile.end_helpers"] = mine
    return mine


def _in_swift_preview(node: Node) -> bool:
    """Inside a `#Preview { ... }` macro or a PreviewProvider: sample views, never run in the app."""
    for a in ancestors(node):
        if a.type in ("class_declaration", "struct_declaration") and re.search(r":[^{]*\bPreviewProvider\b", text(a).split("{", 1)[0]):
            return True
        if a.type in ("macro_invocation", "call_expression") and text(a).startswith("#Preview"):
            return True
    return False


def _trigger_view_handed_load(ctx: CheckContext, call: Call) -> bool:
    """Swift: the load is a closure the view was handed (the trigger view's stored `loadNextPage()`, or its
    method that runs it), and a list elsewhere hands the view a load: each such list is reported there
    (swift-end-helper-call), not the view."""
    owner = next((a for a in ancestors(call.node) if a.type in ("class_declaration", "struct_declaration")), None)
    name = declared_type_name(owner) if owner is not None else ""
    helper = _end_helpers(ctx).get(name) if name else None
    if helper is None or Path(helper[0]).resolve() != ctx.path.resolve():
        return False
    params = helper[2]
    runs = re.compile(rf"\b({'|'.join(map(re.escape, params))})\s*\??\s*\(\s*\)")
    if call.receiver not in ("", "self"):
        return False
    if call.name not in params:
        own = next((d for d in walk(owner) if d.type == "function_declaration" and function_name(d) == call.name), None)
        inner = _strong_load(ctx, own, 0) if own is not None else None
        if own is None or not runs.search(text(own)) or (inner is not None and inner.name not in params):
            return False  # a method that loads by itself
    return any(_end_helper_site_loads(ctx, site, name, index)
               for index in _swift_package_indexes(ctx, dependents=True) for site in index.calls(name)[:40])


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


def _swift_feed_starts(ctx: CheckContext) -> dict[str, dict[int, Verdict]]:
    """The Swift feeds found so far in the file: fold key -> {site's start byte: its verdict} (_swift_one_feed)."""
    return ctx.memo.setdefault("infinite-scroll:swift-feeds", {})


def _swift_one_feed(ctx: CheckContext, verdict: Verdict | bool, node: Node, load: str, key: str | None = None) -> Verdict | bool:
    """Swift: one feed drawn in two layouts (a list layout ending in the app's footer trigger view and a grid
    layout whose last cell's `.onAppear` loads, each in its own computed property of one View), or with a
    second row-level trigger (`.onAppear { if index == items.count - 3 { vm.loadMore() } }`), is one feed:
    every site of one type (struct or class) that runs the same load (`loadMoreVideos`, `vm.loadMore`)
    carries one fold key (findings.fold_same_behaviour), and all but the first in the file are its related
    sites. Two feeds of one view calling different loads stay two findings. `key`: a fold key chosen by the
    caller (the footers of one body)."""
    if ctx.language != "swift" or not isinstance(verdict, Verdict) or not load:
        return verdict
    if key is None:
        owner = [a for a in ancestors(node) if a.type in TYPE_DECLARATIONS]
        key = f"swift-feed:{ctx.path.as_posix()}:{owner[-1].start_byte if owner else -1}:{load}"
    sites = _swift_feed_starts(ctx).setdefault(key, {})
    sites[node.start_byte] = verdict
    # the verdicts are read when the file's findings are made, after every match: the earliest site is the start
    first = min(sites)
    for start, judged in sites.items():
        judged.fold_key, judged.fold_site = key, start != first
    return verdict


def _swift_handed_load(ctx: CheckContext, call_node: Node) -> str:
    """The load a list hands the app's footer trigger view: `loadMoreVideos` for `LoadMoreTrigger(...) { Task {
    await loadMoreVideos() } }`, `vm.loadMore` for `LoadMoreTrigger(onLoadMore: vm.loadMore)`."""
    holder = with_trailing_lambda(call_node)
    call = as_call(call_node)
    args = (argument_nodes(call) if call is not None else []) + [c for n in (call_node, holder) for c in n.named_children if c.type == "annotated_lambda"]
    for arg in args:
        found = _strong_load(ctx, arg) or loader([arg], any_call=True)
        if found is not None:
            return _swift_load_name(found)
    values = [text(a).split(":", 1)[-1].strip() for a in args]  # `onLoadMore: vm.loadMore`, a function handed by name
    return next((re.sub(r"^self\.", "", v) for v in values if re.fullmatch(r"[A-Za-z_][\w.]*", v) and STRONG_LOADER.search(v)), "")


def _swift_load_name(call: Call | None) -> str:
    """`vm.loadMore` for `await vm.loadMore()`, `loadMoreVideos` for `self.loadMoreVideos()`: what a feed's
    trigger runs, the fold key of _swift_one_feed."""
    if call is None or not call.name:
        return ""
    receiver = re.sub(r"^self\b\.?", "", call.receiver.replace("?", "").replace("!", ""))
    return f"{receiver}.{call.name}" if receiver else call.name


VALUE_CALLBACK = re.compile(r"^on\w*(Value|Selection|Selected|Select|Change|Changed|Index)\w*$")


@own_records_at_info
def flow_loads_more(ctx: CheckContext) -> Verdict | bool:
    """Compose `snapshotFlow { lastVisibleIndex }.filter { ... }.collect { loadMore() }`."""
    chain = ctx.node
    while chain.parent is not None and chain.parent.type in ("navigation_expression", "call_expression"):
        chain = chain.parent
    if not scroll_end(expanded_text(ctx, chain)) or has_reporting_branch(ctx, chain):
        return False
    lambdas = [n for c in walk(chain) if c.type == "call_expression" and c != ctx.node for n in c.named_children if n.type == "annotated_lambda"]
    call = loader(lambdas, any_call=True)
    if call is None or VALUE_CALLBACK.match(call.name):
        return False  # a wheel picker reporting its centred value (`onValueChange(centered)`)
    if _hook_reported_at_call_site(ctx, call):
        return False
    return Verdict(message=f"A snapshotFlow on the lazy list's scroll position loads more near the end: {call.name}() runs with no action from the user")


@own_records_at_info
def appear_loads_more(ctx: CheckContext) -> Verdict | bool:
    """SwiftUI `.onAppear` / `.task` of a row or loading footer, or a Compose `LaunchedEffect` in a
    lazy list item, that calls a load-more function (directly or through a function of the file)."""
    call_node = next((a for a in ancestors(ctx.node) if a.type == "call_expression"), None)
    if call_node is None:
        return False
    call_node = with_trailing_lambda(call_node)
    closure = next((c for c in call_node.named_children if c.type in ("annotated_lambda", "lambda_literal", "call_suffix")), None)
    handed = _end_state_handed_on(ctx, call_node, closure) if closure is not None and ctx.language == "kotlin" else None
    if handed is not None:
        return Verdict(message=f"A LaunchedEffect keyed on the lazy list reaching its end hands that to {handed.name}(): "
                       "the screen that passes the callback loads more as the user scrolls")
    if closure is None or not _footer_context(ctx, call_node) or has_reporting_branch(ctx, closure) or covered(ctx, call_node):
        return False  # `if item.id == items.last?.id { Color.clear.onAppear { load() } }`: the branch reports
    call = _strong_load(ctx, closure) or _more_pages_row_load(call_node, closure)
    if call is None or chat_history(ctx, call):
        return False
    if ctx.language == "swift" and _trigger_view_handed_load(ctx, call):
        return False  # the app's own footer view running the load each list hands it: reported at those lists
    where = f"A lazy list item's {text(ctx.node)}" if ctx.language == "kotlin" else f"The .{text(ctx.node)} of a list row"
    return _swift_one_feed(ctx, Verdict(message=f"{where} loads more when it comes on screen: {call.name}() runs as the user scrolls to it"),
                           call_node, _swift_load_name(call))


PROGRESS_ROW = re.compile(r"\b\w*(Progress|Loading|Spinner|ActivityIndicator|Loader)\w*\s*\(")


def _more_pages_row_load(call_node: Node, closure: Node) -> Call | None:
    """A progress row shown only while more pages exist that loads when it appears: `if vm.hasMorePages
    { HStack { ProgressIndicator() }.task { await vm.loadPosts() } }`. The branch says the row is
    the end of the list, so a plain load call (`loadPosts()`, `fetchInboxes()`) is the next page."""
    target = call_node.named_children[0] if call_node.named_child_count else None
    if target is None or not PROGRESS_ROW.search(text(target)):
        return None
    branches = [a for a in ancestors(call_node) if a.type in BRANCH_TYPES][:3]
    branch = next((b for b in branches if MORE_PAGES.search(text(b).split("{", 1)[0])), None)
    if branch is None or re.search(r"!\s*[\w.?]*(has|can|more)|==\s*false|\b(isLast|reached)\b", text(branch).split("{", 1)[0], re.I):
        return None
    then = next((c for c in branch.named_children if c.type in ("statements", "block", "control_structure_body")), None)
    if then is None or not (then.start_byte <= call_node.start_byte < then.end_byte):
        return None  # the `else` of `if vm.hasMorePages`
    return next((c for c in calls(closure) if loads(c, False) and not in_user_action(c.node, closure)), None)


END_CALLBACK = re.compile(r"(?i)bottom|end|reach|load|more|next|page|paginat")


def _end_state_handed_on(ctx: CheckContext, call_node: Node, closure: Node) -> Call | None:
    """Compose `LaunchedEffect(isAtBottom) { onBottom(isAtBottom) }` where `isAtBottom` is derived
    from `layoutInfo.visibleItemsInfo` near `totalItemsCount`: the end of the list is handed to a
    callback, and the caller decides to load (`onBottom = { if (it) viewModel.loadMore() }`)."""
    keys = next((n for n in walk(call_node) if n.type == "value_arguments" and n.end_byte <= closure.start_byte), None)
    if keys is None or near_end(ctx, [keys]) in (None, "row"):
        return None
    names = {text(n) for n in walk(keys) if n.type in IDENTIFIER_TYPES}
    for call in calls(closure):
        if END_CALLBACK.search(call.name) and not call.receiver and any(text(a).split("=")[-1].strip() in names for a in argument_nodes(call)):
            return call
    return None


def _strong_load(ctx: CheckContext, node: Node, depth: int = 1) -> Call | None:
    """A call to a load-more function in `node`, or in a function of the file that it calls (not
    one behind a button)."""
    for call in calls(node):
        if not IDENTIFIER.match(call.name) or in_user_action(call.node, node):
            continue
        if STRONG_LOADER.search(call.name) or STRONG_LOADER.search(call.receiver.rsplit(".", 1)[-1]) \
                or (DISPATCH.match(call.name) and any(STRONG_LOADER.search(text(a)) for a in argument_nodes(call))):
            return call  # `loadMore()`, `FeedActions.LoadMore.Start()`, `send(.loadNextPage)`
    if depth:
        for call in calls(node):
            for definition in definitions_of(ctx, call.name, node) if call.name and not call.receiver else ():
                if definition.type in ("function_declaration", "method_declaration", "function_body") and _strong_load(ctx, definition, 0):
                    return call
    return None


NEXT_PAGE_STATE = re.compile(r"(?i)next_?page|has_?more|can_?load_?more|more_?(items|data|pages|results|content)|last_?page|reached_?(the_?)?(end|max)|loading_?more|paging|paginat|has_?next")
FOOTER_TYPE = re.compile(r"(?i)next_?page|load_?more|loading_?(row|cell|footer|view|indicator)|paginat|paging|infinite")
LIST_CALLS = re.compile(r"^(List|ForEach|LazyVStack|LazyHStack|LazyVGrid|LazyHGrid|Section|items|itemsIndexed|item|stickyHeader|LazyColumn|LazyRow|LazyVerticalGrid|LazyHorizontalGrid|LazyVerticalStaggeredGrid)$")


def _footer_context(ctx: CheckContext, node: Node) -> bool:
    """The view or composable is a row of a list, a loading footer shown while more pages exist,
    the body of a next-page / load-more view type, or built by a function that a list calls for
    each row (`ForEach(entries, content: entryView)`)."""
    target = node.named_children[0] if node.named_child_count else None
    if target is not None and re.match(r"(ProgressView|Loading|Spinner|ActivityIndicator|CircularProgressIndicator|NextPage|LoadMore)", text(target)):
        return not _first_load_spinner(node)
    for a in ancestors(node):
        if a.type == "call_expression" and LIST_CALLS.match(call_name(a)):
            return True
        if a.type in BRANCH_TYPES | {"switch_entry", "switch_statement"}:
            head = text(a).split("{", 1)[0] if a.type != "when_entry" else text(a).split("->", 1)[0]
            if NEXT_PAGE_STATE.search(head):
                return True
        if a.type in ("function_declaration", "method_declaration") and function_name(a) in _row_builders(ctx):
            return True
        if a.type in ("class_declaration", "object_declaration", "struct_declaration"):
            return bool(FOOTER_TYPE.search(text(a.child_by_field_name("name"))))
    return False


FIRST_LOAD_CASE = re.compile(r"^\s*case\s+(\w+)?\.(loading|initial|idle|notStarted|notLoaded|fetching)\b")


def _first_load_spinner(node: Node) -> bool:
    """The spinner is the whole view of a first-load state (`switch vm.state { case .loading: ProgressView()
    .onAppear { load() } case .loaded: LazyVStack { ... } }`), outside any list: it loads the first page."""
    around = list(ancestors(node))
    if any(a.type == "call_expression" and LIST_CALLS.match(call_name(a)) for a in around):
        return False
    case = next((a for a in around if a.type == "switch_entry"), None)
    return case is not None and bool(FIRST_LOAD_CASE.match(text(case)))


def _row_builders(ctx: CheckContext) -> frozenset[str]:
    """Functions of the file named inside a list call (`ForEach(items) { rowView($0) }`)."""
    memo = ctx.memo.get("infinite_scroll_mobile.row_builders")
    if memo is None:
        lists = " ".join(text(n) for n in walk(ctx.root) if n.type == "call_expression" and LIST_CALLS.match(call_name(n)))
        names = {function_name(n) for n in walk(ctx.root) if n.type in ("function_declaration", "method_declaration")}
        memo = ctx.memo["infinite_scroll_mobile.row_builders"] = frozenset(n for n in names if n and re.search(rf"\b{re.escape(n)}\b", lists))
    return memo


FOOTER_MODEL = re.compile(r"(?i)load|progress|footer|spinner|paginat|more")


@own_records_at_info
def footer_bind_loads_more(ctx: CheckContext) -> Verdict | bool:
    """Epoxy-style `loadingRow { id("more"); onBind { _, _, _ -> viewModel.loadNextPage() } }`: the
    loading footer's bind callback fetches the next page as soon as the footer is on screen."""
    call_node = with_trailing_lambda(ctx.node)
    model = next((a for a in ancestors(call_node) if a.type == "call_expression" and call_name(a) and FOOTER_MODEL.search(call_name(a))), None)
    if model is None:
        return False
    call = _strong_load(ctx, call_node, depth=0)
    if call is None:
        return False
    return Verdict(message=f"The loading footer {call_name(model)} loads more when it is bound on screen: {call.name}() runs as the user scrolls to it")


RX_CONSUMER = re.compile(r"^(subscribe\w*|drive|bind|sink\w*|assign|flatMap\w*|concatMap|do)$")


@own_records_at_info
def rx_scroll_end_loads(ctx: CheckContext) -> Verdict | bool:
    """`tableView.rx.didScroll.filter { $0.tableView.isNeedPagination() }.subscribe(onNext: {
    viewModel.loadNextPage() })`: an Rx / Combine chain on the scroll view's events whose filter says
    "near the end" and whose subscriber loads the next page. Also the end event of a helper package
    without `.rx` (swift-end-reached-publisher): `collectionView.reachedEnd?.sink { vm.nextPage.send(true) }`,
    `tableView.reachedBottomPublisher().sink { … }`, also bound first, `guard let end = cv.reachedEnd else
    { return }; end.sink { … }`."""
    event = ctx.text(ctx.captures["event"][0])
    view = ctx.captures.get("view")
    if view is not None:  # swift-end-reached-publisher: a property or method of the scroll view itself
        if _end_callback_call(ctx.node):
            return False  # `collectionView.reachedEnd { … }`: a callback, swift-end-reached-callback's
        label = f"{_last_segment(ctx.text(view[0]))}.{event}"
    else:
        label = f"rx.{event}"
    what = NAMED_END if END_EVENT.match(event) else None
    origin, chains = _event_chain(ctx.node), _event_chains(ctx.node)
    if what is None:
        what = scroll_end(expanded_text(ctx, origin))
    if what is None or any(has_reporting_branch(ctx, c) for c in chains):
        return False
    for chain in chains:
        consumers = [c for c in walk(chain) if c.type == "call_expression" and RX_CONSUMER.match(call_name(c))]
        call = loader([n for c in consumers for n in c.named_children if n.type == "call_suffix"], any_call=False)
        if call is not None and not ANALYTICS_RECEIVER.search(call.receiver):
            if call.name in FLOW_SENDS and call.receiver:
                return Verdict(message=f"Loads more automatically when {what} ({label}): the event is sent on to the screen's paging subject "
                                       f"({_last_segment(call.receiver)}), with no action from the user")
            return Verdict(message=f"Loads more automatically when {what} ({label}): {call.name}() runs with no action from the user")
        relay = _relayed_to_paging_input(ctx, consumers)
        if relay:
            return Verdict(message=f"Loads more automatically when {what} ({label}): the event is sent on to {relay}, "
                                   f"the paging input the screen hands its view model, with no action from the user")
        target = _bound_paging_target(consumers)
        if target:
            return Verdict(message=f"Loads more automatically when {what} ({label}): the event is bound to the list's paging input ({target})")
        action = _load_action_bound(chain) if consumers else ""
        if action:
            return Verdict(message=f"Loads more automatically when {what} ({label}): the event becomes a load-more action ({action}) that is bound to the screen's model")
    trigger = _paging_trigger_name(origin)
    if trigger and (view is None or origin.parent.type == "value_argument"):
        return Verdict(message=f"Loads more automatically when {what} ({label}): the event stream is the list's paging trigger ({trigger})")
    return False


# The end-of-list events of helper packages and apps' own extensions on UIScrollView, Combine or Rx
# (`reachedEnd`, `reachedBottom(offset:)`, `isReachedBottom`, `onReachedEnd`, `didScrollToBottomPublisher()`,
# `isNearBottomEdge`, `loadNextPageTrigger`); keep in step with the swift-rx-scroll-end and
# swift-end-reached-publisher queries.
END_EVENT = re.compile(r"^(rx_)?((?i:is|did|on)_?)?([Rr]each(ed|es|ing)?_?(To_?)?(The_?)?(End|Bottom)(Edge)?|[Ss]croll(ed)?_?To_?(The_?)?(End|Bottom)"
                       r"|[Nn]ear_?(The_?)?Bottom(Edge)?|[Ee]nd_?Reached|[Bb]ottom_?Reached|([Ll]oad_?)?[Nn]ext(Page)?_?Trigger)(Publisher|Signal|Event|Subject|Observable)?$")
ANALYTICS_RECEIVER = re.compile(r"(?i)analytic|tracker|tracking|telemetry|metric|logger|\blog$")
BINDING_PARENTS = frozenset({"guard_statement", "if_statement", "property_declaration"})


def _last_segment(receiver: str) -> str:
    return re.split(r"[.?!]+", receiver.strip(".?! "))[-1]


def _end_callback_call(node: Node) -> bool:
    """`collectionView.reachedEnd { … }` / `onReachedEnd(perform: { … })`: the event's own call takes a closure."""
    parent = node.parent
    return parent is not None and parent.type == "call_expression" and any(
        n.type == "lambda_literal" for s in parent.named_children if s.type == "call_suffix" for n in walk(s))


def _event_chain(node: Node) -> Node:
    while node.parent is not None and node.parent.type in ("navigation_expression", "call_expression"):
        node = node.parent
    return node


def _event_chains(node: Node) -> list[Node]:
    """The chain the event starts, or, when it is first bound to a local (`guard let end = cv.reachedEnd
    else { return }`, `let end = tableView.reachedBottomPublisher()`), the chains that start with that
    local later in the same function."""
    chain = _event_chain(node)
    holder = chain.parent
    if holder is None or holder.type not in BINDING_PARENTS or not any(True for _ in enclosing_functions(holder)):
        return [chain]
    if holder.type == "property_declaration":
        name = declared_name(holder)
    else:  # `guard let a = x, let end = cv.reachedEnd`: the name bound just before the chain
        before = [n for n in holder.named_children if n.end_byte <= chain.start_byte and n.type == "simple_identifier"]
        name = text(before[-1]) if before else ""
    if not IDENTIFIER.match(name or ""):
        return [chain]
    uses = []
    for stmt in [holder, *following_statements(holder)]:
        for n in walk(stmt):
            if n.type == "simple_identifier" and text(n) == name and n.start_byte >= chain.end_byte and n.parent is not None \
                    and n.parent.type == "navigation_expression" and n.parent.named_children[0] == n:
                uses.append(_event_chain(n))
    return uses or [chain]


RELAY_SENDS = frozenset({"send", "onNext", "accept"})


def _relayed_to_paging_input(ctx: CheckContext, consumers: list[Node]) -> str:
    """`.sink { vc.endOfFeed.send(()) }` where the screen hands `endOfFeed` to its view model under a paging
    label (`viewModel.transform(input: .init(reachedEnd: endOfFeed.eraseToAnyPublisher()))`, `Input(loadMore: endOfFeed)`):
    a subject with a plain name relays the end to the view model's paging pipeline."""
    for c in consumers:
        for s in (n for n in c.named_children if n.type == "call_suffix"):
            for call in calls(s):
                subject = _last_segment(call.receiver)
                if call.name not in RELAY_SENDS or not IDENTIFIER.match(subject) or ANALYTICS_RECEIVER.search(call.receiver):
                    continue
                handed = re.finditer(rf"\b(\w+)\s*:\s*(?:self\.)?{re.escape(subject)}\b(?!\s*[:(])".encode(), ctx.data)
                if any(PAGING_TRIGGER.search(m.group(1).decode()) or STRONG_LOADER.search(m.group(1).decode()) for m in handed):
                    return subject
    return ""


def _bound_paging_target(consumers: list[Node]) -> str:
    """`.bind(to: viewModel.loadMoreTrigger)`, `.subscribe(input.nextPage)`, `.assign(to: &model.$page)`:
    the event is handed to a subject or input named for the next page."""
    for c in consumers:
        call = as_call(c)
        if call is None or call.name not in ("bind", "drive", "subscribe", "assign"):
            continue
        for a in argument_nodes(call):
            value = re.sub(r"^\s*\w+\s*:\s*", "", text(a))
            if a.type != "lambda_literal" and "{" not in value and re.fullmatch(r"[\w.?!&$\\]+", value.strip()):
                last = _last_segment(value.replace("$", ""))
                if (STRONG_LOADER.search(last) or SCROLLED_TO_END.search(last) or PAGING_TRIGGER.search(last)) and not ANALYTICS_RECEIVER.search(value):
                    return value.strip()
    return ""


def _load_action_bound(chain: Node) -> str:
    """`collectionView.rx.isReachedBottom.map { Reactor.Action.loadMore }.bind(to: reactor.action)`: the
    scroll event is mapped to a load-more action value (a ReactorKit / MVI action, no call) and bound on."""
    for node in walk(chain):
        if node.type == "call_expression" and call_name(node) in ("map", "compactMap", "flatMap", "flatMapLatest", "mapTo"):
            closure = next((n for n in walk(node) if n.type == "lambda_literal"), None)
            body = text(closure) if closure is not None else text(node)[len(text(node).split("(")[0]):]
            cases = re.findall(r"\.\s*(\w+)\b(?!\s*\()", body[-120:])  # the last member named: the enum case
            if cases and PAGING_TRIGGER.search(cases[-1]) and not re.search(r"(?i)refresh|reload", cases[-1]):
                return short(closure) if closure is not None else cases[-1]
    return ""


PAGING_TRIGGER = re.compile(r"(?i)paging|paginat|load_?more|next_?page|fetch_?more|more_?(items|data|pages?)|reached_?(the_?)?(end|bottom)")


def _paging_trigger_name(chain: Node) -> str:
    """The name that an Rx chain with no subscriber of its own is handed on as: `let pagingTrigger =
    tableView.rx.didScroll.filter { ... }` or `Input(loadMore: tableView.rx.didScroll...)` (an
    MVVM input that the view model turns into the next page request)."""
    parent = chain.parent
    if parent is None:
        return ""
    if parent.type == "property_declaration":
        name = declared_name(parent)
    elif parent.type == "value_argument" and parent.named_child_count > 1:
        name = text(parent.named_children[0]).rstrip(": ")
    else:
        return ""
    return name if PAGING_TRIGGER.search(name) else ""


# A page of the list, not the data of the prefetched rows: `fetchPosts(page: page + 1)`,
# `after: lastId`, `posts.append(contentsOf: more)`.
NEXT_PAGE_DATA = re.compile(r"(?i)\b\w*(page|offset|cursor)\w*\s*\+\s*1\b|\b(page|offset|cursor|after|since|before|max_?id|next\w*)\s*:|append\(\s*contentsOf:")


@own_records_at_info
def prefetch_loads_more(ctx: CheckContext) -> Verdict | bool:
    """UITableView / UICollectionView prefetching that fetches the next page of the list (a
    load-more call, or a fetch told which page to get), not the images or data of the rows it is
    given (`message.getReferenceData()` for each index path)."""
    body = ctx.node.child_by_field_name("body")
    if body is None:
        return False
    pages = bool(PAGE_ADVANCE.search(text(body)) or NEXT_PAGE_DATA.search(text(body)))
    for call in calls(body):
        if STRONG_LOADER.search(call.name) or (LOADER.search(call.name) and not NOT_LOADER.search(call.name + " " + call.receiver)
                                               and (pages or NEXT_PAGE_DATA.search(text(call.arguments)) or _after_last_row_test(call, body, ctx))):
            if re.search(r"(?i)image|photo|thumbnail|avatar|picture|media|cell|detail", call.name + call.receiver + text(call.arguments)):
                continue
            return Verdict(message=f"Prefetching loads the next page before the user reaches the end of the list: {call.name}()")
    return False


def _after_last_row_test(call: Call, body: Node, ctx: CheckContext | None = None) -> bool:
    """`if indexPath.item >= (presenter?.currentCount ?? 0) - 1 { presenter?.fetchMovies() }`: a prefetched
    row reaching the end of the list runs a fetch that is not told which row (the presenter, often in
    another file, keeps the page and appends it). The test may be a local (`let atEnd = indexPaths.contains(
    where: { $0.row == items.count - 1 }); if atEnd`) or a helper of the file (`contains(where: isLastCell)`)."""
    if re.search(r"(?i)index_?path|\$0|\brow\b|\bitem\b", text(call.arguments) if call.arguments is not None else ""):
        return False
    for branch in ancestors(call.node):
        if branch == body:
            return False
        if branch.type in ("if_statement", "guard_statement") and any(row_end(_row_test_text(ctx, c)) for c in conditions(branch)):
            return True
    return False


def _row_test_text(ctx: CheckContext | None, cond: Node) -> str:
    """The condition with the locals it reads and the bodies of the file's predicates it names
    (`indexPaths.contains(where: isLoadingCell)`)."""
    if ctx is None:
        return text(cond)
    parts = [expanded_text(ctx, cond)]
    named = {text(n) for n in walk(cond) if n.type in IDENTIFIER_TYPES | {"simple_identifier"}}
    for name in sorted(named):
        for fn in functions_by_name(ctx).get(name, ())[:2]:
            if fn.end_byte - fn.start_byte < 600:
                parts.append(text(fn))
    return "\n".join(parts)


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


LOAD_MORE_ROW = re.compile(r"(?i)load_?more|next_?page|paginat|loading_?(cell|row|footer|section|indicator|view)")
ROW_DISPLAY = re.compile(r"\b(willDisplay\w*|cellForRowAt\w*|cellForItemAt\w*|willDisplayNodeForRowAt\w*|nodeForRowAt\w*)\b")


def _load_more_row_head(node: Node) -> str:
    """The part of a `case` / `if` / `guard` that picks the row: `case .loadMore:`,
    `if indexPath.section == Section.loadMore.rawValue`, `guard let cell = cell as? LoadMoreCell`."""
    if node.type == "switch_entry":
        return " ".join(text(c) for c in node.named_children if c.type == "switch_pattern")
    return " ".join(text(c) for c in conditions(node))


def _load_more_row_call(node: Node) -> Call | None:
    """The load call that runs for the load-more row: a loader, or a call told to load more
    (`updateFeeds(mode: .loadMore)`, `discoverUsers(isLoadMore: true)`)."""
    regions = [node] if node.type == "switch_entry" else guarded(node, conditions(node))
    call = loader(regions, any_call=False)
    if call is not None:
        return call
    for region in regions:
        for call in calls(region):
            if IDENTIFIER.match(call.name) and not NOT_LOADER.search(call.name) and any(STRONG_LOADER.search(text(a)) for a in argument_nodes(call)):
                return call
    return None


@own_records_at_info
def load_more_row_shown(ctx: CheckContext) -> Verdict | bool:
    """UIKit `tableView(_:willDisplay:forRowAt:)` / `cellForRowAt` whose load-more section or
    loading cell starts the next page as soon as it is shown (`case .loadMore: fetchFeeds(mode: .loadMore)`)."""
    node = ctx.node
    if not LOAD_MORE_ROW.search(_load_more_row_head(node)):
        return False
    fn = named_function(node)
    if fn is None or not ROW_DISPLAY.search(signature(fn) if fn.type == "function_declaration" else ""):
        return False
    for a in ancestors(node):
        if a == fn:
            break
        if a.type in ("switch_entry", "if_statement", "guard_statement") and LOAD_MORE_ROW.search(_load_more_row_head(a)):
            return False  # the enclosing load-more case reports it
    call = _load_more_row_call(node)
    if call is None or has_reporting_branch(ctx, fn):
        return False  # one finding per row callback: its end-of-list branch reports the load
    return Verdict(message=f"The load-more row starts the next page as soon as it is shown: {call.name}() runs in {function_name(fn) or 'the row callback'} with no action from the user")


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
