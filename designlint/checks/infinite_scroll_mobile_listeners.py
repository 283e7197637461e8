"""The app's own endless-scroll listeners in the mobile `infinite-scroll` checks (Kotlin, Java).

* overrides and constructors of the app's own endless-scroll listeners (`object :
  EndlessRecyclerViewScrollListener(lm) { override fun onLoadMore(...) }`,
  `addOnScrollListener(InfiniteScrollListener(lm) { viewModel.loadMore() })`), also listener classes with a
  plain name that the project index shows are written in another file (`RecyclerScrollListener { ... }`,
  `new ScrollPagerListener(lm) { void load() { ... } }`: their scroll callback must compare a position with
  the end of the list and call the overridden method or the callback handed over);
* a screen that sets the load callback of the app's own end-of-list RecyclerView subclass
  (`recycler.onLoadMore = ::onLoadMoreItems`): `assigned_end_callback`;
* grishka appkit fragments that hand `onDataLoaded(items, more)` a `more` that is not `false`;
* the callbacks handed to end listeners (`end_callback_loads`, `passed_callback`), which the triggers use too.

One finding per feed: a screen that hands itself to `setOnLoadMoreListener(this)` is reported at the setter
(not its `onLoadMore` override).
"""

from __future__ import annotations

import re
from pathlib import Path
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.infinite_scroll_mobile_loads import (
    IDENTIFIER, IDENTIFIER_TYPES, LOAD_MORE_ARGUMENT, REPORT_VERBS, SCROLLED_TO_END, declared_type_name, loads,
    own_records_at_info, project_bytes, stored_name, with_trailing_lambda, word_list,
)
from designlint.checks.infinite_scroll_mobile_near_end import loader
from designlint.checks.polyglot import argument_nodes, as_call, calls, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk


# the callback names the *-endless-listener-callback patterns match (their queries list the same names)
LISTENER_CALLBACK = re.compile(r"^(onLoadMore|loadMoreItems|loadMore|onLoadNextPage|loadNextPage|onBottomReached|onReachBottom|onEndReached|onScrolledToBottom|onScrolledToEnd|onListEnd|fetchMore|requestMore|onLoadMoreRequested|onPageRequested|onNextPage|onScrolledDown|onScrollToBottom|onReachedEnd|onScrollToPageEnd|onScrolledToPageEnd|onScrollToEnd)$")


# a screen that is its own load-more listener (`class Feed : Fragment(), OnLoadMoreListener` with
# `refreshLayout.setOnLoadMoreListener(this)`)
SELF_REGISTERED = re.compile(r"\b(setOnLoadMoreListener|setOnRefreshLoadMoreListener|setOnLoadmoreListener|setOnRefreshLoadmoreListener|setLoadingListener)\s*\(\s*(?:[A-Z]\w*\.)?this\b")


LOAD_PROPERTY = re.compile(r"^(on)?([Ll]oad|[Ff]etch|[Rr]equest)(More|Next)\w*$")  # as the kotlin-assigned-end-callback query
TOP_LEVEL_CLASS = re.compile(rb"(?m)^(?=(?:[a-z]+\s+)*class\s)")


def _callback_property_widget(ctx: CheckContext, prop: str) -> str:
    """Kotlin: the file (not this one) of the app's own list widget that declares `prop` as a function-typed
    property (`lateinit var onLoadMore: () -> Unit`) and calls it (`onLoadMore.invoke()`) from the callback of
    an endless scroll listener it attaches: each screen assigns the callback, "" otherwise."""
    if not LOAD_PROPERTY.match(prop):
        return ""
    declared = re.compile(rb"\bvar\s+" + re.escape(prop.encode()) + rb"\s*:\s*\(*\s*\([^()]*\)\s*->")
    invoked = re.compile(rb"\b" + re.escape(prop.encode()) + rb"\s*(?:\?\.\s*invoke\s*\(|\.\s*invoke\s*\(|\()")
    here = str(ctx.path.resolve())
    widgets = [path for path, data in project_bytes(ctx).items() if str(path) != here and declared.search(data)
               for chunk in TOP_LEVEL_CLASS.split(data) if declared.search(chunk) and invoked.search(chunk)
               and ENDLESS_SUPERTYPE.search(chunk.decode("utf-8", "replace")) and b"addOnScrollListener" in chunk]
    return Path(widgets[0]).name if len(widgets) == 1 else ""


@own_records_at_info
def assigned_end_callback(ctx: CheckContext) -> Verdict | bool:
    """Kotlin: a screen sets the load callback of the app's own end-of-list RecyclerView subclass
    (`recycler.onLoadMore = ::onLoadMoreItems`, `onLoadMore = { viewModel.next() }`): reported at each screen."""
    left, right = ctx.node.child_by_field_name("left"), ctx.node.child_by_field_name("right")
    if left is None or right is None or right.type not in ("callable_reference", "lambda_literal"):
        return False
    if right.type == "lambda_literal" and not any(True for _ in calls(right)):
        return False
    prop = left.named_children[-1] if left.type == "navigation_expression" else left
    widget = _callback_property_widget(ctx, text(prop))
    if not widget:
        return False
    return Verdict(message=f"The screen sets {text(prop)} of the app's end-of-list list widget ({widget}), "
                   "which loads the next page when the user scrolls near the end")


def _invokes_assigned_property(ctx: CheckContext, body: Node) -> bool:
    """Kotlin: the endless listener's callback only runs a function-typed property of the widget
    (`onLoadMore.invoke()`) that screens in other files assign: each screen's assignment reports."""
    inner = list(calls(body))
    if ctx.language != "kotlin" or len(inner) != 1:
        return False
    prop = inner[0].receiver if inner[0].name == "invoke" else inner[0].name
    if not LOAD_PROPERTY.match(prop or "-") or not re.search(rf"\bvar\s+{re.escape(prop)}\s*:\s*\(*\s*\([^()]*\)\s*->", ctx.data.decode("utf-8", "replace")):
        return False
    assigned = re.compile(rb"(?:\.|^\s*|[{;]\s*)" + re.escape(prop.encode()) + rb"\s*=(?!=)", re.M)
    here = str(ctx.path.resolve())
    return any(str(path) != here and assigned.search(data) for path, data in project_bytes(ctx).items())


@own_records_at_info
def endless_listener_override(ctx: CheckContext) -> Verdict | bool:
    """`object : EndlessRecyclerViewScrollListener(lm) { override fun onLoadMore(...) { ... } }`: the
    callback of the app's own endless-scroll listener loads the next page."""
    holder = next((a for a in ancestors(ctx.node) if a.type in ("object_literal", "object_creation_expression", "class_declaration")), None)
    if holder is None:
        return False
    body = ctx.node.child_by_field_name("body") or next((c for c in ctx.node.named_children if c.type == "function_body"), None)
    if body is None or not any(True for _ in calls(body)):
        return False
    if SELF_REGISTERED.search(text(holder)) or _handed_to_load_more_setter(holder):
        return False  # `layout.setOnLoadMoreListener(this)` or `(object : OnLoadMoreListener {...})`: the load-more-library pattern decides on that feed, once
    if _stored_for_load_more_setter(ctx, holder):
        return False
    if _invokes_assigned_property(ctx, body):
        return False  # `onLoadMore.invoke()` of the app's own list widget: each screen assigning it reports
    if ctx.language == "java":
        if _abstract_load_overridden_elsewhere(ctx, body):
            return False  # the base screen's listener runs `loadMorePage(maxId)`: each screen's override reports
        shared = _shared_end_mechanism(ctx, holder, function_name(ctx.node))
        if shared:
            return Verdict(message=f"{function_name(ctx.node)}() loads the next page when the user scrolls near the end: {shared}")
        if FOOTER_REACHED.match(function_name(ctx.node)):
            # `onScrolledToFooter()`, run by the adapter when it binds its loading footer (the row after the last
            # item): it loads when it moves on to the next page (`mPageSubject.onNext(mNextPage)`, `loadPage(next)`)
            head = text(holder).split("{", 1)[0]
            if not (ENDLESS_SUPERTYPE.search(head) or re.search(r"(?i)footer\w*(listener|callback)", head)):
                return False  # a method of that name in a class that is no footer listener
            load = loader([body], any_call=True)
            if load is None or not (loads(load, any_call=False) or LOAD_MORE_ARGUMENT.search(f"{load.receiver} {text(load.arguments) if load.arguments is not None else ''}")):
                return False
            return Verdict(message=f"{function_name(ctx.node)}() runs when the list's loading footer row is shown and loads the next page "
                           f"({load.receiver + '.' if IDENTIFIER.match(load.receiver) else ''}{load.name}()): more loads as the user scrolls to the end")
        if not LISTENER_CALLBACK.match(function_name(ctx.node)):
            return False  # `loadMorePage()` and the like count only as the override of a shared mechanism
    supertypes = text(holder)[: (holder.child_by_field_name("body") or next((c for c in holder.named_children if c.type == "class_body"), holder)).start_byte - holder.start_byte]
    if not ENDLESS_SUPERTYPE.search(supertypes):
        # a screen implementing the listener's callback interface (`override fun onScrolledToEnd() =
        # viewModel.loadNextPage()` in a Fragment): the name must say "scrolled to the end" and the body load
        if not SCROLLED_TO_END.search(function_name(ctx.node)) or loader([body], any_call=False) is None:
            return False
    return Verdict(message=f"{function_name(ctx.node)}() of an endless scroll listener loads the next page when the user scrolls near the end")


# A callback run when the list's loading footer (the row after the last item) is bound or scrolled to.
FOOTER_REACHED = re.compile(r"^on((Scrolled|Scroll)To|Reached)Footer$|^onFooter(Reached|Shown|Visible)$")
ENDLESS_SUPERTYPE = re.compile(r"(?i)(endless|infinite|paginat|load_?more|bottom|scroll)\w*(listener|scroll\w*|adapter)\b")


def _handed_to_load_more_setter(holder: Node) -> bool:
    """`layout.setOnRefreshLoadMoreListener(object : OnRefreshLoadMoreListener { ... })`."""
    for a in ancestors(holder):
        call = as_call(a)
        if call is not None:
            return bool(re.fullmatch(STORED_SETTERS, call.name))
        if a.type in FUNCTION_TYPES:
            return False
    return False


# Java: a load-more mechanism shared by the screens of an app (its own refresh widget with a listener
# interface, a base Fragment with an abstract load method) is reported at each screen's load, not in the
# shared code: one finding per feed.
SHARED_LOAD_NAME = re.compile(r"^((on)?([Ll]oad|[Ff]etch|[Rr]equest)(More|Next)\w*|" + LISTENER_CALLBACK.pattern.strip("^$") + ")$")


def field_type(data: str, field: str) -> str:
    """The declared type of a Java field (`private OnSwipeListener mListener;` gives `OnSwipeListener`)."""
    found = re.search(rf"\b([A-Z]\w*)(?:<[^<>;]*>)?\s+{re.escape(field)}\s*[;=]", data)
    return found.group(1) if found else ""


def _end_handler_runs(index: project_index.ProjectIndex, path: str, site: project_index.Site) -> project_index.Definition | None:
    """The scroll callback of the file at `path` that runs `site` (a call) after testing the end of the list,
    directly or through the helper method the call sits in (`loadMore() { mListener.onLoadMore(); }`)."""
    names = {site.name, *site.functions[:1]}
    for handler in SCROLL_HANDLERS:
        for d in index.definitions(handler):
            if d.path == path and HANDLER_END.search(d.text) and _end_comparison(d.text) and any(_called_after_end_test(d.text, n) for n in names):
                return d
    return None


def _shared_end_mechanism(ctx: CheckContext, holder: Node, name: str) -> str:
    """Where the app's shared code runs this screen method at the end of the list, else "": (a) the screen hands
    `new Widget.OnMoreListener() { public void onLoadMore() {...} }` to the app's own widget, which keeps it in a
    field and calls `mListener.onLoadMore()` from an end-of-list branch of its scroll callback; (b) the screen
    overrides `loadMore()` of a base class (another file) that declares it abstract and calls it from its endless
    listener's callback."""
    if not SHARED_LOAD_NAME.match(name):
        return ""
    index, here = project_index.for_context(ctx), str(ctx.path.resolve())
    files = project_bytes(ctx)
    head = text(holder).split("{", 1)[0]
    if holder.type == "object_creation_expression" or re.search(r"\bimplements\b", head):
        types = set(re.findall(r"\b([A-Z]\w*)\b", head.split("implements", 1)[-1] if "implements" in head else head))
        for site in index.calls(name):
            if site.path == here or not IDENTIFIER.match(site.receiver) or site.receiver == "this":
                continue
            if field_type(files.get(site.path, b"").decode("utf-8", "replace"), site.receiver) not in types:
                continue
            handler = _end_handler_runs(index, site.path, site)
            if handler is not None:
                return f"the app's {site.owner or 'widget'} calls it from the end-of-list branch of its {handler.name}() ({handler.shown}:{handler.line})"
    base = re.search(r"\bextends\s+([A-Z]\w*)", head) if holder.type == "class_declaration" else None
    if base is None or project_index.too_common(base.group(1)):
        return ""
    for d in index.definitions(name):
        if d.owner != base.group(1) or d.path == here or not re.search(r"\babstract\b", d.text.split("(", 1)[0]):
            continue
        for site in index.calls(name):
            if site.path == d.path and not site.receiver and site.functions and SHARED_LOAD_NAME.match(site.functions[0]) and ENDLESS_SUPERTYPE.search(site.owner):
                return f"its base {d.owner} declares it abstract and calls it from its endless listener's {site.functions[0]}() ({site.shown}:{site.line})"
    return ""


def _abstract_load_overridden_elsewhere(ctx: CheckContext, body: Node) -> bool:
    """The endless listener's callback in a base screen only hands over to an abstract method of that base with a
    load-more name (`loadMorePage(maxId)`), which screens in other files override: they report."""
    own = [c for c in calls(body) if not c.name.startswith("super") and c.receiver in ("", "this")]
    outer = [a for a in ancestors(body) if a.type == "class_declaration"]
    if not own or not outer:
        return False
    base = declared_type_name(outer[-1])
    if not base or project_index.too_common(base):
        return False
    index, here, files = project_index.for_context(ctx), str(ctx.path.resolve()), project_bytes(ctx)
    extends = re.compile(rf"\bextends\s+{re.escape(base)}\b")
    for c in own:
        if SHARED_LOAD_NAME.match(c.name) and re.search(rf"\babstract\b[^;{{}}=]*\b{re.escape(c.name)}\s*\(", text(outer[-1])):
            if any(d.path != here and extends.search(files.get(d.path, b"").decode("utf-8", "replace")) for d in index.definitions(c.name)):
                return True
    return False


@own_records_at_info
def endless_listener_created(ctx: CheckContext) -> Verdict | bool:
    """`addOnScrollListener(InfiniteScrollListener(layoutManager) { viewModel.loadMore() })`; a
    listener class with a plain name (`RecyclerScrollListener { ... }`, `MovieListScrollListener(lm,
    viewModel::loadMore)`) counts when the project defines it with a scroll callback that tests the
    end of the list."""
    call = as_call(ctx.node)
    if call is None:
        return False
    handler = None
    if PLAIN_SCROLL_LISTENER.search(call.name) and not ENDLESS_WORDS.search(call.name):
        if LISTENER_SETTER.match(call.name):
            return False  # `addOnScrollListener(...)`: the listener handed over is matched on its own
        handler = _listener_end_handler(ctx, call.name)
        if handler is None:
            return False
    args = argument_nodes(call) + [c for c in with_trailing_lambda(ctx.node).named_children if c.type == "annotated_lambda"]
    if not any(a.type in ("callable_reference", "method_reference") or any(n.type == "callable_reference" for n in walk(a))
               or BOUND_REFERENCE.match(text(a)) or _passed_callback(a)
               or any(n.type in ("annotated_lambda", "lambda_literal", "lambda_expression") and any(True for _ in calls(n)) for n in walk(a))
               for a in args):
        return False  # no callback, or an empty one (`LoadMoreTrigger(...) {}` in a preview)
    if _stored_for_load_more_setter(ctx, ctx.node):
        return False
    if _only_top_callbacks(args):
        return False  # `EndlessMessageListScrollListener(5, loadMoreAtTopListener = { vm.older() }, loadMoreAtBottomListener = {})`: a chat's history
    if handler is None and not PAGING_LISTENER.search(call.name) and not end_callback_loads(args):
        return False  # `setOnPageScrollEndListener { removeReadLater() }`: the end of a web article reached, nothing fetched
    where = f" (its {handler.name}() tests the end of the list, {handler.shown}:{handler.line})" if handler else ""
    return Verdict(message=f"{call.name} loads the next page when the user scrolls near the end of the list{where}")


# Listener names that say "more pages are loaded"; the others (`…ScrollEndListener`, `…BottomReachedListener`)
# only say an end was reached, of a list or of anything that scrolls (a web article, a text).
PAGING_LISTENER = re.compile(r"(?i)endless|infinite|paginat|paged|paging|load_?more")
# Verbs of bookkeeping on what was reached: removing it from read-later, marking it read, saving the position.
BOOKKEEPING_VERBS = REPORT_VERBS | {"remove", "delete", "clear", "add", "show", "hide", "toggle", "is", "has", "check", "log", "print"}


def end_callback_loads(args: list[Node]) -> bool:
    """The callbacks handed to an end listener fetch something: a load call, or a callable reference
    (`::loadNextPage`), not only bookkeeping (`presenter.removeReadLater()`, `markRead()`)."""
    for a in args:
        if a.type in ("callable_reference", "method_reference") or any(n.type == "callable_reference" for n in walk(a)) or BOUND_REFERENCE.match(text(a)):
            return True
        for c in calls(a):
            if loads(c, any_call=True) and word_list(c.name)[:1] and word_list(c.name)[0] not in BOOKKEEPING_VERBS:
                return True
    return any(_passed_callback(a) and not any(True for _ in calls(a)) for a in args)  # `onEnd = onLoadMore` handed on


STORED_SETTERS = "setOnLoadMoreListener|setOnRefreshLoadMoreListener|setOnLoadmoreListener|setOnRefreshLoadmoreListener|setLoadingListener"


def _stored_for_load_more_setter(ctx: CheckContext, node: Node) -> bool:
    """The listener object is stored in a property that the project hands to a load-more setter
    (`loadMoreModule.setOnLoadMoreListener(onMore)`, in this file or in each screen extending a base
    class): the load-more-library pattern reports each of those setters, one finding per feed."""
    name = stored_name(node)
    if not name or not IDENTIFIER.match(name):
        return False
    handed = re.compile(rf"\b({STORED_SETTERS})\s*\(\s*(?:this(?:@\w+)?\.)?{re.escape(name)}\s*\)".encode())
    return any(handed.search(data) for data in [ctx.data, *project_bytes(ctx).values()])


TOP_LABEL = re.compile(r"(?i)top|older|previous|prev(?![a-z])|earlier|history|at_?start|upward")
ARGUMENT_LABEL = re.compile(r"^\s*(\w+)\s*[=:]\s*[\s\S]")


def _only_top_callbacks(args: list[Node]) -> bool:
    """Every callback that does something is handed to a parameter named for the top of the list
    (`loadMoreAtTopListener = { ... }`, `onLoadOlder: ...`), and at least one is labelled so: the list
    grows upwards (a chat's older messages), while the bottom callback, if any, is empty."""
    busy = [a for a in args if any(n.type in ("annotated_lambda", "lambda_literal", "lambda_expression", "closure_expression", "function_expression",
                                                   "callable_reference", "method_reference") and (n.type.endswith("reference") or any(True for _ in calls(n)))
                                   for n in walk(a))]
    labels = [m.group(1) if (m := ARGUMENT_LABEL.match(text(a))) else "" for a in busy]
    return bool(busy) and all(label and TOP_LABEL.search(label) for label in labels)


PLAIN_SCROLL_LISTENER = re.compile(r"Scroll\w*Listener$")
LISTENER_SETTER = re.compile(r"^(add|set|remove|clear)[A-Z]")
ENDLESS_WORDS = re.compile(r"(?i)endless|infinite|paginat|paged|paging|load_?more|bottom|end_?reached|scroll_?to_?end|scroll_?end")
SCROLL_HANDLERS = ("onScrolled", "onScrollStateChanged", "onScroll", "onScrollChange")
# what a RecyclerView / ListView / NestedScrollView scroll callback reads to know the list is near its end
HANDLER_END = re.compile(r"findLast\w*VisibleItemPositions?\b|\bgetLastVisiblePosition\b|\bcanScrollVertically\b|\btotalItemCount\b|\bgetItemCount\(\)|\bitemCount\b|\bgetMeasuredHeight\(\)")
QUERY_NAME = re.compile(r"^(is|has|should|can|get)[A-Z_]")


def _listener_end_handlers(ctx: CheckContext, class_name: str) -> list[project_index.Definition]:
    """The scroll callbacks (`onScrolled`, `onScroll`, ...) of the project's class `class_name`, in
    any file, that test the end of the list in a branch."""
    memo = ctx.memo.setdefault("infinite-scroll:listener-handlers", {})
    if class_name not in memo:
        index = project_index.for_context(ctx)
        memo[class_name] = [d for name in SCROLL_HANDLERS for d in index.definitions(name)
                            if d.owner == class_name and HANDLER_END.search(d.text) and _end_comparison(d.text)]
    return memo[class_name]


IF_HEAD = re.compile(r"\b(if|when|guard)\b([^{]*)")
END_OPERAND = re.compile(r"(?i)last|total|count|size|bottom|end|remain|threshold|canScroll")


def _end_comparison(handler: str) -> bool:
    """A branch of the handler compares a position with the end of the list (`last >= total - 5`,
    `!canScrollVertically(1)`); a branch that only notices a change (`itemCount != lastItemCount`,
    before forwarding the positions to an image preloader) is no end test."""
    for head in (m.group(2) for m in IF_HEAD.finditer(handler)):
        compared = re.sub(r"!=|!==", " ", head)
        if END_OPERAND.search(head) and (re.search(r">=|<=|==|(?<![-=])>|<", compared) or re.search(r"!\s*[\w.?]*canScroll", head)):
            return True
    return False


def _listener_end_handler(ctx: CheckContext, class_name: str) -> project_index.Definition | None:
    handlers = _listener_end_handlers(ctx, class_name)
    return handlers[0] if handlers else None


def _called_after_end_test(handler: str, name: str) -> bool:
    """The scroll callback calls `name()` after a branch that reads the end of the list (a
    `HidingScrollListener` calls `onHide()` after testing the scrolled distance only)."""
    for found in re.finditer(rf"(?<![\w.]){re.escape(name)}\s*\(", handler):
        head = handler[: found.start()]
        if re.search(r"\bif\b", head) and HANDLER_END.search(head):
            return True
    return False


@own_records_at_info
def app_listener_subclass(ctx: CheckContext) -> Verdict | bool:
    """`new ScrollPagerListener(lm) { @Override public void load() { getTweets(); } }` (Kotlin
    `object : ScrollPagerListener(lm) { override fun load() = ... }`): the screen overrides the
    method that the app's own listener class (another file) calls when the list nears its end.
    Overrides named like a load-more callback are reported by the *-endless-listener-callback
    patterns; query methods (`isLastPage()`) are not the load."""
    type_name = ctx.text(ctx.captures["type"][0])
    body = next((c for c in ctx.node.named_children if c.type == "class_body"), None)
    if body is None:
        return endless_listener_created(ctx)
    methods = [m for m in body.named_children if m.type in ("method_declaration", "function_declaration")]
    if not methods or any(LISTENER_CALLBACK.match(function_name(m)) for m in methods):
        return False
    for method in methods:
        name = function_name(method)
        if name in SCROLL_HANDLERS or QUERY_NAME.match(name) or not any(True for _ in calls(method)):
            continue
        handler = next((h for h in _listener_end_handlers(ctx, type_name) if _called_after_end_test(h.text, name)), None)
        if handler is not None:
            return Verdict(message=f"{name}() of the app's scroll listener {type_name} loads the next page when the user "
                           f"scrolls near the end (its {handler.name}() calls it, {handler.shown}:{handler.line})")
    return False


# `viewModel::loadMore` (the Kotlin grammar parses a bound reference as a navigation expression)
BOUND_REFERENCE = re.compile(r"^(\w+\s*=\s*)?[\w.]*\w\s*::\s*\w+$")
CALLBACK_NAME = re.compile(r"^on[A-Z_]|(?i:load|fetch|more|next|page|callback|listener|action|handler)")


def _passed_callback(arg: Node) -> bool:
    """`state.OnAppearLastItem(onAppearLastItem = onLoadMore)`: a callback handed on by name (a
    function parameter of the list composable), not a value such as `pageSize`."""
    value = arg.named_children[-1] if arg.type == "value_argument" and arg.named_child_count else arg
    return value.type in IDENTIFIER_TYPES and bool(CALLBACK_NAME.search(text(value))) and not re.search(r"(?i)size|count|threshold|limit", text(value))


APPKIT_IMPORT = re.compile(r"^\s*import\s+me\.grishka\.appkit\.", re.M)
# `class TimelineFragment extends BasePostListFragment<Post>`, generics with one level of nesting
JAVA_EXTENDS = re.compile(r"\bclass\s+(\w+)\s*(?:<(?:[^<>{]|<[^<>{]*>)*>)?\s+extends\s+(\w+)")
_APPKIT_CLASSES: dict[tuple, dict[str, tuple[str, bool]]] = {}


@own_records_at_info
def appkit_more_pages(ctx: CheckContext) -> Verdict | bool:
    """grishka appkit: a fragment descending from `BaseRecyclerFragment` (or the app's own
    `*RecyclerFragment` built on it) overrides `doLoadData(int offset, int count)` and hands its
    page to `onDataLoaded(items, more)` with a `more` that is not `false` (in the method, its
    callbacks, or a method of the class it calls): appkit calls `doLoadData` again when the person
    scrolls near the end of the list, for as long as a page says there are more. One finding per
    fragment class, at its `doLoadData`."""
    method = ctx.node.parent
    body = method.child_by_field_name("body") if method is not None else None
    owner = next((a for a in ancestors(ctx.node) if a.type in ("class_declaration", "object_creation_expression")), None)
    if body is None or owner is None or owner.type != "class_declaration":
        return False
    if not _hands_more_pages(body, owner):
        return False
    return _descends_from_appkit_recycler(ctx, owner)


def _hands_more_pages(body: Node, owner: Node) -> bool:
    """`onDataLoaded(items, more)` with a second argument other than `false`, in `body` or in a method
    of the class that `body` calls (one step)."""
    def more_pages(node: Node) -> bool:
        for call in calls(node):
            if call.name == "onDataLoaded":
                args = argument_nodes(call)
                if len(args) == 2 and text(args[1]).strip() != "false":
                    return True
        return False

    if more_pages(body):
        return True
    called = {c.name for c in calls(body) if not c.receiver or c.receiver == "this"}
    class_body = owner.child_by_field_name("body")
    for member in class_body.named_children if class_body is not None else []:
        name = member.child_by_field_name("name") if member.type == "method_declaration" else None
        if name is not None and text(name) in called and text(name) != "doLoadData":
            inner = member.child_by_field_name("body")
            if inner is not None and more_pages(inner):
                return True
    return False


def _descends_from_appkit_recycler(ctx: CheckContext, owner: Node) -> bool:
    """The class's superclass chain (followed through the project's Java classes) reaches a
    `*RecyclerFragment`, and a file along the chain imports grishka appkit."""
    index = project_index.for_context(ctx)
    key = (index.key, index.digest)
    classes = _APPKIT_CLASSES.get(key)
    if classes is None:
        classes = {}
        for data in index.files().values():
            if b"extends" not in data:
                continue
            code = data.decode("utf-8", "replace")
            appkit = bool(APPKIT_IMPORT.search(code))
            for m in JAVA_EXTENDS.finditer(code):
                classes.setdefault(m.group(1), (m.group(2), appkit))
        _APPKIT_CLASSES[key] = classes
    own = JAVA_EXTENDS.search(text(owner)[:600])
    if own is None:
        return False
    name, parent = own.group(1), own.group(2)
    appkit = bool(APPKIT_IMPORT.search(ctx.data.decode("utf-8", "replace")))
    seen = {name}
    for _ in range(8):
        if re.search(r"RecyclerFragment$", parent):
            # the chain's own link to appkit: an import in a file along the way, or the base's own file
            upper = classes.get(parent)
            if appkit or (upper is not None and upper[1]):
                return True
        if parent in seen or parent not in classes:
            return False
        seen.add(parent)
        parent, imports = classes[parent]
        appkit = appkit or imports
    return False
