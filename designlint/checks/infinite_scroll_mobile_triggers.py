"""Mobile `infinite-scroll` triggers that fire when the end of the list comes on screen, other than a branch.

* SwiftUI `.onAppear` / `.task` of a row or loading footer and Compose `LaunchedEffect` footers that call a
  load-more function (or a `LaunchedEffect` keyed on the end of the list that hands it to a callback, also
  by name: `state.OnAppearLastItem(onAppearLastItem = onLoadMore)`): `appear_loads_more`;
* Compose `snapshotFlow { ... }.collect { loadMore() }` chains: `flow_loads_more`;
* the app's own end-of-list helpers and footer trigger views, found through the project index
  (`TriggerWhenReachingEnd(listState) { load() }` in Kotlin, `struct NextPageView: View` running a closure
  property in `.task` in Swift, also in the app's local Swift packages): `end_helper_called`, and the
  SwiftUI feed bookkeeping (`swift_one_feed`: one finding per feed);
* Epoxy-style loading footers whose bind callback loads (`footer_bind_loads_more`);
* RxSwift / Combine scroll chains that subscribe a loader or are handed on as the view model's paging
  input (`let pagingTrigger = tableView.rx.didScroll.filter { ... }`): `rx_scroll_end_loads`;
* UIKit prefetching that fetches the next page (not the rows' own data): `prefetch_loads_more`;
* UIKit load-more sections and loading rows started when shown (`load_more_row_shown`).
"""

from __future__ import annotations

import re
from pathlib import Path
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.infinite_scroll_mobile_listeners import end_callback_loads
from designlint.checks.infinite_scroll_mobile_loads import (
    BRANCH_TYPES, DISPATCH, FLOW_SENDS, IDENTIFIER, IDENTIFIER_TYPES, LOADER, MORE_PAGES, NOT_LOADER, SCROLLED_TO_END,
    STRONG_LOADER, TYPE_DECLARATIONS, braced, call_name, conditions, declared_name, declared_type_name, definitions_of,
    expanded_text, in_user_action, loads, named_function, own_records_at_info, short, with_trailing_lambda,
)
from designlint.checks.infinite_scroll_mobile_near_end import (
    NAMED_END, PAGE_ADVANCE, SCROLL_CONTEXT, SCROLL_END, chat_history, covered, following_statements, guarded,
    has_reporting_branch, head_and_parameters, loader, near_end, row_end, scroll_end, signature,
)
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, enclosing_functions, function_name, functions_by_name
from designlint.checks.util import ancestors, text, walk


# Names the end-of-list callback patterns report where they are called (kotlin-endless-listener, kotlin-end-reached-callback).
REPORTED_HOOK_NAME = re.compile(r"^(\w*(Endless|Infinite|Paginat\w*|(?i:paged|paging)|LoadMore|BottomReached|OnBottom|EndReached|ScrollToEnd|ScrollEnd)\w*(Scroll\w*|Listener)"
                                r"|([A-Z]\w*)?Scroll\w*Listener|(?i:on_?)?(ScrollBottom|ScrolledToBottom|ScrolledToEnd|ScrollToEnd|BottomReached|ReachedBottom|ReachedEnd|EndReached|ReachEnd|ReachBottom))$")


def hook_reported_at_call_site(ctx: CheckContext, call: Call) -> bool:
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
        return swift_one_feed(ctx, verdict, ctx.node, load, key)
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


def _swift_feed_starts(ctx: CheckContext) -> dict[str, dict[int, Verdict]]:
    """The Swift feeds found so far in the file: fold key -> {site's start byte: its verdict} (swift_one_feed)."""
    return ctx.memo.setdefault("infinite-scroll:swift-feeds", {})


def swift_one_feed(ctx: CheckContext, verdict: Verdict | bool, node: Node, load: str, key: str | None = None) -> Verdict | bool:
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
            return swift_load_name(found)
    values = [text(a).split(":", 1)[-1].strip() for a in args]  # `onLoadMore: vm.loadMore`, a function handed by name
    return next((re.sub(r"^self\.", "", v) for v in values if re.fullmatch(r"[A-Za-z_][\w.]*", v) and STRONG_LOADER.search(v)), "")


def swift_load_name(call: Call | None) -> str:
    """`vm.loadMore` for `await vm.loadMore()`, `loadMoreVideos` for `self.loadMoreVideos()`: what a feed's
    trigger runs, the fold key of swift_one_feed."""
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
    if hook_reported_at_call_site(ctx, call):
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
    return swift_one_feed(ctx, Verdict(message=f"{where} loads more when it comes on screen: {call.name}() runs as the user scrolls to it"),
                           call_node, swift_load_name(call))


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
