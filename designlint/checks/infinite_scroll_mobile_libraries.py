"""Load-more libraries whose footer loads by itself, in the mobile `infinite-scroll` checks.

* Android SmartRefreshLayout, BaseRecyclerViewAdapterHelper and XRecyclerView listeners
  (`auto_load_library`) whose automatic loading is not switched off in the file, the app's default
  refresh initializer, or the layout XML the screen inflates (res/layout/, recorded with
  `ctx.depends_on`); a load-more that only repeats the refresh or does nothing is not a feed;
* MJRefresh auto footers (`mjrefresh_auto_footer`, `mjrefresh_target_set`; footer subclasses declared in
  another file are looked up in the project);
* Flutter pull_to_refresh `SmartRefresher(enablePullUp: true, onLoading: ...)` (also built by the app's
  own wrapper widget), the `loadmore` package's `LoadMore`, and easy_refresh `EasyRefresh(onLoad:)` with an
  infinite-load footer (v2 / v3 defaults).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.infinite_scroll_mobile_dart import dart_callback_load, dart_callee_of_argument, dart_named_arguments
from designlint.checks.infinite_scroll_mobile_loads import (
    DISPATCH, IDENTIFIER, MODEL_RECEIVER, NEXT_TYPE_DECLARATION, TYPE_DECLARATIONS, expanded_text, last_name,
    own_records_at_info, project_bytes, project_declaration, scope_text, short, with_trailing_lambda,
)
from designlint.checks.infinite_scroll_mobile_near_end import CHAT_HISTORY
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk


@own_records_at_info
def auto_load_library(ctx: CheckContext) -> Verdict | bool:
    """A load-more library listener (SmartRefreshLayout, BaseRecyclerViewAdapterHelper, XRecyclerView
    `setLoadingListener` with an `onLoadMore`) whose automatic loading at the end of the list is not
    switched off in the file nor in the layout XML the screen inflates."""
    if _auto_load_switched_off(ctx) or _layout_switches_off(ctx) or _app_default_auto_load_off(ctx):
        return False
    if _load_more_repeats_refresh(ctx) or _swipe_gesture_layout(ctx) or _load_more_does_nothing(ctx):
        return False
    fn = ctx.captures.get("fn")
    if fn and ctx.text(fn[0]) == "setLoadingListener":  # XRecyclerView: the listener's onLoadMore must load something
        holder = with_trailing_lambda(ctx.node)
        return any(function_name(n) == "onLoadMore" and any(True for _ in calls(n)) for n in walk(holder)
                   if n.type in ("method_declaration", "function_declaration"))
    return True


def _load_more_does_nothing(ctx: CheckContext) -> bool:
    """The listener's `onLoadMore` is empty: an anonymous listener's own, or, for
    `setOnRefreshLoadMoreListener(this)`, the screen's (a stub the template left: nothing loads)."""
    holder = with_trailing_lambda(ctx.node)
    call = as_call(ctx.node)
    if call is not None and [text(a).strip() for a in argument_nodes(call)] == ["this"]:
        holder = next((a for a in ancestors(ctx.node) if a.type in ("class_declaration", "object_declaration")), holder)
    handlers = [n for n in walk(holder) if n.type in ("method_declaration", "function_declaration") and function_name(n) == "onLoadMore"]
    return bool(handlers) and not any(True for n in handlers for _ in calls(n))


LAMBDA_TYPES = frozenset({"lambda_expression", "lambda_literal", "annotated_lambda"})
PAGE_STATE_CHANGE = re.compile(r"(?i)\b\w*(page|offset|cursor|skip|start|index|after|since|last_?id)\w*\s*(=(?!=)|\+\+|\+=|--|-=)|(\+\+|--)\s*\w*(page|offset|cursor|index)")


def _listener_lambda(call_node: Node) -> Node | None:
    holder = with_trailing_lambda(call_node)
    return next((n for n in walk(holder) if n.type in LAMBDA_TYPES and n is not holder), None)


def _load_more_repeats_refresh(ctx: CheckContext) -> bool:
    """`layout.setOnLoadMoreListener(l -> { presenter.loadCategories(); isMore = true; })` next to
    `layout.setOnRefreshListener(l -> { presenter.loadCategories(); isMore = false; })`: loading
    "more" runs the very calls pull-to-refresh runs, and neither moves a page, offset or cursor,
    so the same unpaged list is fetched again and nothing is appended."""
    call = as_call(ctx.node)
    if call is None or not call.receiver:
        return False
    mine = _listener_lambda(ctx.node)
    scope = next((a for a in ancestors(ctx.node) if a.type in FUNCTION_TYPES and a.type not in LAMBDA_TYPES), None)
    if mine is None or scope is None:
        return False
    refresh = next((c for c in calls(scope) if c.name == "setOnRefreshListener" and c.receiver == call.receiver), None)
    other = _listener_lambda(refresh.node) if refresh is not None else None
    if other is None:
        return False
    runs = [[text(c.node) for c in calls(body)] for body in (mine, other)]
    if bool(runs[0]) and runs[0] == runs[1] and not any(PAGE_STATE_CHANGE.search(text(body)) for body in (mine, other)):
        return True
    return _presenter_refetches_same(ctx, mine, other)


UNPAGED_FETCH = re.compile(r"(?i)page|offset|cursor|skip|start|index|after|since|last_?id|limit")


def _presenter_refetches_same(ctx: CheckContext, mine: Node, other: Node) -> bool:
    """`setOnLoadMoreListener(l -> presenter.loadMore())` next to `setOnRefreshListener(l -> presenter.autoRefresh())`,
    where the presenter's `loadMore() { isRefresh = false; getKnowledgeList(); }` and `autoRefresh() { isRefresh =
    true; getKnowledgeList(); }` run the same fetch, which is told no page, offset or cursor: "more" fetches the
    same unpaged list again (the view then only says there is no more data)."""
    asks = [[c for c in calls(body) if c.receiver and not c.name.startswith("finish") and MODEL_RECEIVER.search(last_name(c.receiver))]
            for body in (mine, other)]
    if [len(a) for a in asks] != [1, 1] or asks[0][0].receiver != asks[1][0].receiver or asks[0][0].name == asks[1][0].name:
        return False
    index = project_index.for_context(ctx)
    more, refresh = (index.definitions(a[0].name) for a in asks)
    outer = [a for a in ancestors(ctx.node) if a.type in TYPE_DECLARATIONS]
    here = text(outer[-1]) if outer else ctx.data.decode("utf-8", "replace")  # `extends BaseFragment<TopicsPresenter>`
    owners = {o for o in {d.owner for d in more} & {d.owner for d in refresh} if o and re.search(rf"\b{re.escape(o)}\b", here)}
    fetched: set[str] = set()
    for owner in sorted(owners):
        bodies = [re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", d.text) for d in (*more, *refresh) if d.owner == owner]
        bodies = [b[b.find("{") + 1:] for b in bodies if "{" in b]
        if not bodies:
            continue  # the contract interface: declarations only
        called = [set(re.findall(r"\b([a-z_]\w*)\s*\(", b)) for b in bodies]
        if len(called) != 2 or not called[0] or called[0] != called[1] or any(PAGE_STATE_CHANGE.search(b) or UNPAGED_FETCH.search(b) for b in bodies):
            return False
        fetched |= called[0]
    if not fetched:
        return False
    for name in fetched:
        if any(d.owner in owners and UNPAGED_FETCH.search(re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", d.text)) for d in index.definitions(name)):
            return False  # the shared fetch reads a page number of its own
    return True


AUTO_LOAD_OFF = re.compile(r"(?i)([\w.?!]*?)\.?\b(setEnableAutoLoadMore|isEnableAutoLoadMore|isAutoLoadMore|setAutoLoadMore|enableAutoLoadMore|setLoadingMoreEnabled|loadingMoreEnabled)\s*(\(\s*false|=\s*false)")
LOAD_MORE_SETTER = re.compile(r"([\w.?!]+)\.(setOnLoadMoreListener|setOnRefreshLoadMoreListener|setOnLoadmoreListener|setOnRefreshLoadmoreListener|setLoadingListener)\s*[({]")


LAYOUT_NAME = re.compile(r"\bR\.layout\.(\w+)|\b([A-Z]\w*?)Binding\b")
# SmartRefreshLayout attributes: `srlEnableLoadMore="false"` (the listener no longer switches loading
# on) or `srlEnableAutoLoadMore="false"` (the user must pull up)
XML_LOAD_MORE_OFF = re.compile(r"srlEnable(Auto)?LoadMore\s*=\s*\"false\"")


def _layout_switches_off(ctx: CheckContext) -> bool:
    """The layout the screen's class inflates (`R.layout.fragment_topics`, `FragmentTopicsBinding`),
    in the module's res/layout/, switches the refresh layout's loading at the end off."""
    if ctx.language not in ("java", "kotlin"):
        return False
    classes = [a for a in ancestors(ctx.node) if a.type in ("class_declaration", "object_declaration")]
    data = text(classes[-1]) if classes else ctx.data.decode("utf-8", "replace")
    names = {m.group(1) or re.sub(r"(?<!^)(?=[A-Z])", "_", m.group(2)).lower() for m in LAYOUT_NAME.finditer(data)}
    folder = next((p / "res" / "layout" for p in list(ctx.path.resolve().parents)[:14] if (p / "res" / "layout").is_dir()), None)
    if folder is None or not names:
        return False
    for name in sorted(names):
        xml = folder / f"{name}.xml"
        if not xml.is_file():
            continue
        content = xml.read_bytes()
        ctx.depends_on({str(xml): hashlib.sha256(content).hexdigest()})
        found = XML_LOAD_MORE_OFF.search(content.decode("utf-8", "replace"))
        if found and (found.group(1) or not re.search(r"setEnableLoadMore\(\s*true|isEnableLoadMore\s*=\s*true", data)):
            return True
    return False


def _auto_load_switched_off(ctx: CheckContext) -> bool:
    """Automatic loading is switched off for this listener's view (`refreshLayout.setEnableAutoLoadMore(false)`).
    A switch-off that names another view of the file which also gets a load-more listener
    (`historyLayout.setEnableAutoLoadMore(false)` next to `feedLayout.setOnLoadMoreListener`)
    leaves this one automatic; a switch-off whose view is unclear (`with(layout) { ... }`, a
    builder) covers the file. Only the listener's own (outermost) class is read when it has one."""
    classes = [a for a in ancestors(ctx.node) if a.type in ("class_declaration", "object_declaration")]
    data = text(classes[-1]) if classes else ctx.data.decode("utf-8", "replace")
    offs = {last_name(m.group(1)) for m in AUTO_LOAD_OFF.finditer(data)}
    if not offs:
        return False
    call = as_call(ctx.node)
    mine = last_name(call.receiver) if call is not None else ""
    if mine in offs:
        return True
    listened = {last_name(m.group(1)) for m in LOAD_MORE_SETTER.finditer(data)} - {mine}
    return not (mine and offs <= listened)


APP_DEFAULT_INITIALIZER = re.compile(r"\bsetDefaultRefreshInitializer\b")
AUTO_LOAD_ON = re.compile(r"\b(setEnableAutoLoadMore\s*\(\s*true|isEnableAutoLoadMore\s*=\s*true)")


def _initializer_body(data: str, start: int) -> str:
    """The balanced `{...}` or `(...)` that follows `start` (the initializer's lambda or anonymous class)."""
    opening = re.compile(r"[({]").search(data, start)
    if opening is None:
        return ""
    depth = 0
    for i in range(opening.start(), len(data)):
        depth += {"(": 1, "{": 1, ")": -1, "}": -1}.get(data[i], 0)
        if depth == 0:
            return data[opening.start():i + 1]
    return data[opening.start():]


def _app_default_auto_load_off(ctx: CheckContext) -> bool:
    """SmartRefreshLayout's app-wide default, set once in the Application or an init helper:
    `SmartRefreshLayout.setDefaultRefreshInitializer { _, layout -> layout.setEnableAutoLoadMore(false) }`
    makes every refresh layout of the project wait for a pull-up, unless this file switches
    automatic loading back on. When each fixture folder is its own project, only that folder's
    own files count (not its subfolders, which are other projects)."""
    if "app_default_off" not in ctx.memo:
        root = getattr(ctx, "project_root", None)
        found = False
        for path, data in project_bytes(ctx).items():
            if b"setDefaultRefreshInitializer" not in data or (root is not None and Path(path).parent != Path(root)):
                continue
            source = data.decode("utf-8", "replace")
            if any(AUTO_LOAD_OFF.search(_initializer_body(source, m.end())) for m in APP_DEFAULT_INITIALIZER.finditer(source)):
                found = True
                break
        ctx.memo["app_default_off"] = found
    return ctx.memo["app_default_off"] and not AUTO_LOAD_ON.search(scope_text(ctx))


SWIPE_TO_LOAD = re.compile(r"\bimport\s+com\.aspsine\.swipetoloadlayout\.|\bSwipeToLoadLayout\b")


def _swipe_gesture_layout(ctx: CheckContext) -> bool:
    """aspsine SwipeToLoadLayout calls its `OnLoadMoreListener` when the user swipes up past the
    end (a pull-up gesture), not when the list reaches the end; apps that want it automatic call
    `setLoadingMore(true)` themselves from a scroll listener."""
    data = ctx.data.decode("utf-8", "replace")
    return bool(SWIPE_TO_LOAD.search(data)) and "com.scwang" not in data and not re.search(r"\bsetLoadingMore\s*\(\s*true", data)


@own_records_at_info
def smart_refresher_pull_up(ctx: CheckContext) -> Verdict | bool:
    """Flutter pull_to_refresh `SmartRefresher(enablePullUp: true, onLoading: ...)` whose onLoading
    callback loads more data. The callback is resolved (a closure, a method of the file named or
    torn off, `() => _onLoading()`); one that only finishes the RefreshController
    (`loadComplete()` / `loadNoData()`), only grows a local list in setState, or is empty loads
    nothing. A callback the file does not define (`widget.onLoading`, a mixin's method) is
    reported."""
    body = text(ctx.node.parent)
    if not (_pull_up_on(ctx, body) and re.search(r"\bonLoading\s*:", body)):
        return False
    on_loading = dart_named_arguments(ctx.node).get("onLoading")
    if on_loading is None:
        return True
    found = dart_callback_load(ctx, on_loading)
    if found is False:
        return False
    if isinstance(found, Call):
        what = f"{found.name}({short(found.arguments)[1:-1]})" if DISPATCH.match(found.name) and found.arguments is not None else f"{found.name}()"
        return Verdict(message=f"SmartRefresher with enablePullUp loads more automatically when the list reaches its end: onLoading runs {what} as the footer comes on screen")
    return True


LOADMORE_PACKAGE = re.compile(r"""import\s+['"]package:loadmore\w*/""")


@own_records_at_info
def loadmore_package_widget(ctx: CheckContext) -> Verdict | bool:
    """The `loadmore` package's `LoadMore(onLoadMore: ..., child: ListView(...))`: its footer calls
    onLoadMore as soon as it is built at the end of the list (not another widget named LoadMore; a
    callback of the file that loads nothing is not reported)."""
    if not LOADMORE_PACKAGE.search(ctx.data.decode("utf-8", "replace")[:6000]):
        return False
    on_load_more = dart_named_arguments(ctx.node).get("onLoadMore")
    if on_load_more is None:
        return False
    found = dart_callback_load(ctx, on_load_more)
    if found is False:
        return False
    if isinstance(found, Call):
        return Verdict(message=f"LoadMore (loadmore package) loads more automatically when the list reaches its end: onLoadMore runs {found.name}() as its footer is built")
    return True


# A pull-up switch worked out at run time that is on whenever the list has rows or more pages exist.
PULL_UP_WHILE_MORE = re.compile(r"\.\s*isNotEmpty\b|\.\s*length\s*>|\b(has|can)_?(more|next|load)\w*|!\s*[\w.]*\b(no_?more|is_?end|is_?last|finished)\w*", re.I)


def _pull_up_on(ctx: CheckContext, body: str) -> bool:
    """`enablePullUp: true`, or `enablePullUp: enablePullUp` where the class's own getter or field
    says true (`get enablePullUp => true;` in a base list State that screens subclass)."""
    if re.search(r"enablePullUp\s*:\s*true\b", body):
        return True
    given = re.search(r"enablePullUp\s*:\s*([^,]{1,120}?)\s*[,)]", body)
    if given is not None and not re.fullmatch(r"(this\.)?\w+", given.group(1)) and PULL_UP_WHILE_MORE.search(given.group(1)):
        return True  # `enablePullUp: model.list.isNotEmpty`: on whenever the list has rows (or more pages exist)
    named = re.search(r"enablePullUp\s*:\s*(?:this\.)?(\w+)\s*[,)]", body)
    if named is None or named.group(1) in ("true", "false"):
        return False
    field = re.escape(named.group(1))
    owner = next((a for a in ancestors(ctx.node) if a.type in ("class_definition", "mixin_declaration", "extension_declaration")), None)
    scope = text(owner) if owner is not None else ctx.data.decode("utf-8", "replace")
    return bool(re.search(rf"\bget\s+{field}\s*(=>\s*true\b|\{{\s*return\s+true\s*;)|\b(final\s+|var\s+)?bool\s+{field}\s*=\s*true\b", scope))


@own_records_at_info
def smart_refresher_wrapper_load(ctx: CheckContext) -> Verdict | bool:
    """`CustomRefreshIndicator(enablePullUp: true, onLoading: () => dispatch(LoadNextPage()))`: the app's
    own widget builds a SmartRefresher from its fields (`enablePullUp: enablePullUp, onLoading:
    onLoading`), so each screen passing a loading callback with pull-up on is a feed. A wrapper that
    switches pull-up on itself (`enablePullUp: true`) is reported once, at its SmartRefresher."""
    arg = ctx.node
    callee = dart_callee_of_argument(arg)
    if callee is None:
        return False
    name = text(callee)
    if name == "SmartRefresher" or not re.match(r"^[A-Z]\w*$", name):
        return False
    declared = re.compile(rf"\bclass\s+{re.escape(name)}\b")
    data = ctx.data.decode("utf-8", "replace")
    here = declared.search(data)
    if here:
        rest = data[here.end():]
        following = NEXT_TYPE_DECLARATION.search(rest)
        own = data[here.start(): here.end() + (following.start() if following else len(rest))]
    else:
        own = project_declaration(ctx, name, declared)
    start = own.find("SmartRefresher(") if own else -1
    if start < 0:
        return False
    refresher = own[start:start + 4000]
    label = ctx.text(next(c for c in arg.named_children if c.type == "label")).rstrip(": ")
    forwarded = re.search(rf"\bonLoading\s*:\s*(?:widget\.)?{re.escape(label)}\s*[,)\n]", refresher)
    pull = re.search(r"\benablePullUp\s*:\s*(?:widget\.)?(\w+)", refresher)
    if not forwarded or not pull or pull.group(1) in ("true", "false"):
        return False  # not forwarded, pull-up off, or switched on in the wrapper (reported there)
    field = pull.group(1)
    given = dart_named_arguments(callee).get(field)
    if given is not None:
        if re.fullmatch(r"\s*\w+\s*:\s*false\s*", text(given)):
            return False
    elif not re.search(rf"\bthis\.{re.escape(field)}\s*=\s*true\b", own):
        return False  # pull-up off unless the screen asks for it
    found = dart_callback_load(ctx, arg)
    if found is False:
        return False
    what = f"{found.name}({short(found.arguments)[1:-1]})" if isinstance(found, Call) and DISPATCH.match(found.name) and found.arguments is not None \
        else f"{found.name}()" if isinstance(found, Call) else "the callback"
    return Verdict(message=f"{name} builds a SmartRefresher with pull-up loading on: {label} runs {what} automatically as the list reaches its end")


MJ_AUTO_OFF = re.compile(r"(?i)automaticallyRefresh\s*=\s*(false|NO)\b")


@own_records_at_info
def mjrefresh_auto_footer(ctx: CheckContext) -> Verdict | bool:
    """`mj_footer = MJRefreshAutoNormalFooter(refreshingBlock: { ... })`: MJRefresh auto footers load
    by themselves once the footer comes on screen (`automaticallyRefresh` is on by default); a
    back footer (`MJRefreshBack…Footer`) needs the user to pull up. App subclasses count when their
    name says Auto or the file declares them as subclasses of an auto footer."""
    name = ctx.text(ctx.captures["fn"][0])
    init = ctx.captures.get("init")
    if init and ctx.text(init[0]) != "init":
        return False
    declared = re.compile(rf"\bclass\s+{re.escape(name)}\s*:\s*\w*Auto\w*Footer\b")
    if "Auto" not in name and not declared.search(ctx.data.decode("utf-8", "replace")):
        elsewhere = project_declaration(ctx, name, declared)
        if elsewhere is None or MJ_AUTO_OFF.search(elsewhere):
            return False  # not an auto footer, or the app's subclass switches automatic loading off
    suffix = next((c for c in ctx.node.named_children if c.type == "call_suffix"), None)
    action = ctx.text(suffix)
    assigned = ctx.node.parent is not None and ctx.node.parent.type == "assignment" and re.search(r"mj_footer\s*$", ctx.text(ctx.node.parent.child_by_field_name("target")))
    if suffix is None or not (assigned or re.search(r"refreshing(Block|Target)\s*:|\{", action)):
        return False  # `MJRefreshAutoNormalFooter()` with no action nor footer slot, or a type check
    data = ctx.data.decode("utf-8", "replace")
    if MJ_AUTO_OFF.search(data) or CHAT_HISTORY.search(action):
        return False
    return Verdict(message=f"An MJRefresh auto footer ({name}) loads the next page by itself when the list is scrolled to its end")


@own_records_at_info
def mjrefresh_target_set(ctx: CheckContext) -> Verdict | bool:
    """`tableView.foot.setRefreshingTarget(self, refreshingAction: #selector(nextPage))`: the load is
    attached afterwards to an auto footer created bare elsewhere (`let foot = MJRefreshAutoNormalFooter()`
    in a shared table view subclass, then `mj_footer = foot`); each screen attaching its action is a feed.
    (A footer created with its action, or assigned bare straight to `mj_footer`, is reported by the
    auto-footer pattern instead.)"""
    call = as_call(ctx.node)
    if call is None or not call.receiver:
        return False
    name = last_name(call.receiver)
    if not name or name.startswith("mj_") or not IDENTIFIER.match(name):
        return False
    held = re.compile(rf"\b(?:let|var)\s+{re.escape(name)}\s*(?::\s*([A-Z]\w*Footer)[!?]?\s*)?(?:=\s*([A-Z]\w*Footer)\s*\(\s*\))?")
    found = [m for data in [ctx.data, *project_bytes(ctx).values()] if name.encode() in data
             for m in held.finditer(data.decode("utf-8", "replace")) if m.group(1) or m.group(2)]
    if not found:
        return False
    footer = found[0].group(2) or found[0].group(1)
    if "Back" in footer:
        return False
    data = ctx.data.decode("utf-8", "replace")
    if "Auto" not in footer:  # the app's own footer class: it must subclass an auto footer and keep it automatic
        declared = re.compile(rf"\bclass\s+{re.escape(footer)}\s*:\s*\w*Auto\w*Footer\b")
        own = data[declared.search(data).start():] if declared.search(data) else project_declaration(ctx, footer, declared)
        if own is None or MJ_AUTO_OFF.search(own):
            return False
    off = re.compile(rf"\b{re.escape(name)}\s*[?!]?\s*\.\s*(?:is)?[Aa]utomaticallyRefresh\s*=\s*(false|NO)\b")
    if off.search(data) or any(off.search(m.string) for m in found):
        return False
    if CHAT_HISTORY.search(text(call.arguments)):
        return False
    return Verdict(message=f"An MJRefresh auto footer ({name}: {footer}) loads the next page by itself when the list is scrolled to its end")


# easy_refresh footers that only load when the user pulls past the end (no infinite load):
# v3 (package:easy_refresh) gives these `infiniteOffset: null`, v2 (package:flutter_easyrefresh)
# `enableInfiniteLoad: false`. Every other footer, and the default ClassicFooter / ClassicalFooter,
# loads by itself as the end of the list comes on screen.
EASY_REFRESH_V2 = re.compile(r"package:flutter_easyrefresh/|\bClassical(Header|Footer)\b|\bfirstRefresh\s*:|\benableControlFinish(Load|Refresh)\s*:|\bEasyRefresh\.custom\b")
PULL_ONLY_FOOTER_V3 = re.compile(r"\b(MaterialFooter|BezierFooter|TaurusFooter|PhoenixFooter|DeliveryFooter|NotLoadFooter)\s*\(")
PULL_ONLY_FOOTER_V2 = re.compile(r"\b(BezierBounceFooter|PhoenixFooter|TaurusFooter|CustomFooter)\s*\(")


@own_records_at_info
def easy_refresh_auto_load(ctx: CheckContext) -> Verdict | bool:
    """easy_refresh `EasyRefresh(onLoad: ..., footer: ...)` whose footer loads by itself at the end."""
    args = dart_named_arguments(ctx.node)
    on_load = args.get("onLoad")
    if on_load is None or on_load.named_children[-1].type == "null_literal":
        return False
    if project_index.in_unused_class(ctx.node, ctx) or dart_callback_load(ctx, on_load) is False:
        return False  # a page no screen creates, or an onLoad that fetches nothing (`_count += 20` after a delay)
    footer = args.get("footer")
    footer_text = expanded_text(ctx, footer) if footer is not None else ""
    if re.search(r"infiniteOffset\s*:\s*null\b|enableInfiniteLoad\s*:\s*false\b", footer_text):
        return False
    v2 = bool(EASY_REFRESH_V2.search(ctx.data.decode("utf-8", "replace")))
    pull_only = PULL_ONLY_FOOTER_V2 if v2 else PULL_ONLY_FOOTER_V3
    if pull_only.search(footer_text) and not re.search(r"infiniteOffset\s*:\s*[\d.]|enableInfiniteLoad\s*:\s*true\b", footer_text):
        return False
    which = re.search(r"\b[A-Z]\w*Footer\b", footer_text)
    footer_name = which.group(0) if which else ("ClassicalFooter" if v2 else "ClassicFooter")
    return Verdict(message=f"EasyRefresh loads more automatically when the list reaches its end: onLoad runs as the {footer_name} comes on screen, with no action from the user")
