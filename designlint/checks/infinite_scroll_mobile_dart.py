"""Flutter list widgets that page by themselves in the mobile `infinite-scroll` checks (Dart).

* an app's own `Infinite…` / `Endless…` widget handed a page fetcher (`infinite_widget_fetches`), and the
  app's own list widgets that page with the loader they are handed (`forwarded_loader_created`: a paging
  package widget, a near-end scroll test or an edge callback inside the widget);
* paging package widgets (infinite_scroll_pagination, paginate_firestore, ...), not laid out bottom-up
  (`paged_widget_feed`);
* what a Dart callback argument does (`dart_callback_load`, `dart_loads`: a load of data, or a file's
  method that only finishes a RefreshController), which the library footers use too.
"""

from __future__ import annotations

import re
from pathlib import Path
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.infinite_scroll_mobile_loads import (
    DART_DATA_OWNER, DISPATCH, IDENTIFIER, NEXT_TYPE_DECLARATION, NOT_DATA, NOT_LOADER, STRONG_LOADER, WRAPPERS,
    declared_type_name, in_user_action, last_name, load_verb, loads, own_records_at_info, project_bytes,
    project_declaration, reports_progress,
)
from designlint.checks.polyglot import Call, calls, functions_by_name
from designlint.checks.util import ancestors, closing_bracket, text


# The names a list widget gives the page loader a screen hands in (`fetcher:`, `onLoadMore:`, `loadPage:`),
# and the callbacks it names for touching the list's edge (`onTouchEdge:`, `onReachEnd:`, `onBottom:`): these
# say when, not what, so what is handed in must load (`EDGE_LABEL`, `_edge_callback_loads`).
EDGE_LABEL = r"on(Touch(ed)?|Reach(ed)?|Hit)?(Edge|End|Bottom)"
LOADER_LABEL = rf"(fetcher|fetch\w*|onFetch\w*|onLoad\w*|load\w*|onNextPage|nextPage\w*|onPageRequest|pageRequest\w*|on\w*(End|Bottom)Reached|{EDGE_LABEL})"
INFINITE_WIDGET_FETCH = re.compile(rf"(?<![\w.]){LOADER_LABEL}\s*:")
INFINITE_WIDGET_NAME = re.compile(r"^\w*(Infinite|Endless)\w*$")  # as the dart-infinite-widget query
# Paging inside an app widget's own declaration: a paging package widget (as the dart-paged-list
# query) or its controller, a near-end scroll test, or an app widget named for endless scrolling.
DART_PAGING = re.compile(r"\b(PagedListView|PagedGridView|PagedSliverList|PagedSliverGrid|PagedMasonryGridView|PagedSliverMasonryGrid|PagedPageView"
                         r"|PagedLayoutBuilder|PagingController|LazyLoadScrollView|InfiniteList|SliverInfiniteList|LoadingMoreList|PagewiseListView)\b"
                         r"|\bmaxScrollExtent\b|\bextentAfter\b|(?<![\w.])[A-Z]?\w*(Infinite|Endless)\w*(?<!Controller)\s*(<[^(){};]*>)?\s*\(")


def _dart_widget_of(node: Node) -> tuple[str, Node] | None:
    """The widget whose code holds `node`: the class around it, or for `class _FeedState extends
    State<Feed>` the widget `Feed` (its fields read as `widget.fetcher`)."""
    cls = next((a for a in ancestors(node) if a.type == "class_definition"), None)
    if cls is None:
        return None
    head = text(cls)[:300]
    state = re.match(r"(?:abstract\s+)?class\s+\w+\s*(?:<[^{]*?>)?\s+extends\s+State\s*<\s*(\w+)", head)
    name = state.group(1) if state else declared_type_name(cls)
    return (name, cls) if name else None


def _dart_widget_declaration(ctx: CheckContext, name: str) -> str:
    """The project's declaration of widget `name` and of its State class, as one text."""
    own = project_declaration(ctx, name, re.compile(rf"\bclass\s+{re.escape(name)}\b")) or ""
    state = project_declaration(ctx, f"State<{name}", re.compile(rf"\bclass\s+\w+\s*(?:<[^{{]*?>)?\s+extends\s+State\s*<\s*{re.escape(name)}\b")) or ""
    return own + "\n" + state


def _forwards_field(declaration: str, field: str) -> bool:
    """The widget takes `field` through its constructor (`this.fetcher`, `super.fetcher`) and
    calls it or hands it on (`await fetcher(page, size)`, `widget.onLoadMore()`, `fetcher: (p) => widget.fetcher(p, sort)`)."""
    name = re.escape(field)
    return bool(re.search(rf"\b(this|super)\.{name}\b", declaration)) and bool(
        re.search(rf"(?<![\w.])(widget\.)?{name}\s*(\?\.\s*call\s*)?\(|:\s*(widget\.)?{name}\s*[,)]", declaration))


def _created_with(ctx: CheckContext, name: str, field: str, depth: int = 1) -> bool:
    """Another widget of the project creates `name` (or a subclass of it that takes the field
    through `super.field`) handing it `field:`: the creating code chose the loader."""
    own = re.compile(rf"\bclass\s+{re.escape(name)}\b|\bclass\s+\w+\s*(?:<[^{{]*?>)?\s+extends\s+State\s*<\s*{re.escape(name)}\b")
    creation = re.compile(rf"(?<![\w.]){re.escape(name)}\s*(<[^(){{}};]*>)?\s*\(")
    label = re.compile(rf"(?<![\w.]){re.escape(field)}\s*:")
    subclass = re.compile(rf"\bclass\s+(\w+)\s*(?:<[^{{]*?>)?\s+extends\s+{re.escape(name)}\b")
    for data in project_bytes(ctx).values():
        if name.encode() not in data:
            continue
        code = data.decode("utf-8", "replace")
        spans = []
        for m in own.finditer(code):
            following = NEXT_TYPE_DECLARATION.search(code, m.end())
            spans.append((m.start(), following.start() if following else len(code)))
        for m in creation.finditer(code):
            if any(a <= m.start() < b for a, b in spans) or re.search(r"\b(class|extends|implements|with|new\s+\w+\s*=)\s*$", code[max(0, m.start() - 20):m.start()]):
                continue
            args = balanced_arguments(code, m.end() - 1)
            if args and label.search(args):
                return True
        if depth > 0:
            for m in subclass.finditer(code):
                if re.search(rf"\bsuper\.{re.escape(field)}\b", code[m.end():m.end() + 2000]) and _created_with(ctx, m.group(1), field, depth - 1):
                    return True
    return False


def loader_chosen_by_creator(ctx: CheckContext, node: Node, used: str) -> str:
    """The list widget around `node` pages with a loader field that `used` (the loading code or
    argument) reads, and other widgets create it handing that loader in: the feed is reported where
    they do (`InfinitePostList(fetcher: api.posts)`), not in the widget or in a wrapper forwarding its
    own field (`InfiniteScroll(fetcher: (page, size) => fetcher(page, size, sort))`). The widget's name."""
    if ctx.language != "dart":
        return ""
    found = _dart_widget_of(node)
    if found is None:
        return ""
    name, _ = found
    declaration = _dart_widget_declaration(ctx, name)
    for field in dict.fromkeys(re.findall(r"\b(?:this|super)\.(\w+)", declaration)):
        if re.fullmatch(LOADER_LABEL, field) and re.search(rf"(?<![\w.])(widget\.)?{re.escape(field)}\b", used) \
                and _forwards_field(declaration, field) and _created_with(ctx, name, field):
            return name
    return ""


def infinite_widget_fetches(ctx: CheckContext) -> Verdict | bool:
    """`InfinitePostList(fetcher: api.posts)`, `InfiniteScrollListener(onBottomReached: fetchMore)`: an
    app widget named for endless scrolling that is handed a page fetcher (not an endless carousel or
    `InfiniteListView.builder` date strip, which fetch nothing). Every screen building the project's
    own widget is one behaviour with the others (`_one_list_widget`); a screen nothing opens is not reported."""
    selector = ctx.node.next_named_sibling
    if selector is None:
        return False
    label = INFINITE_WIDGET_FETCH.search(text(selector))
    if label is None or loader_chosen_by_creator(ctx, ctx.node, text(selector)):
        return False
    if ctx.language == "dart" and project_index.in_unused_class(ctx.node, ctx):
        return False  # a screen class the project never creates (a page left behind): nothing runs
    return _one_list_widget(ctx, ctx.node, label.group(1), own_records_at_info(lambda c: True)(ctx))


def _one_list_widget(ctx: CheckContext, callee: Node, label: str, verdict: Verdict | bool) -> Verdict | bool:
    """The screens that build the project's own list widget (`InfinitePostList(fetcher: ...)`,
    `CommunitiesListPage(fetcher: ...)`), directly or through wrappers forwarding the loader, all run
    one end-of-list load (the root widget's): one finding, at the first screen in path order, with the
    others as its related sites (findings.fold_same_behaviour). Two widgets with loads of their own are two."""
    if ctx.language != "dart" or not verdict:
        return verdict
    root, field = _dart_loader_root(ctx, text(callee), label)
    sites = _dart_loader_sites(ctx, root) if root and _keeps_what_loader_returns(ctx, root, field) else []
    if len(sites) < 2:
        return verdict
    found = verdict if isinstance(verdict, Verdict) else Verdict()
    found.fold_key = f"dart-list-widget:{root}"
    found.fold_site = (str(ctx.path.resolve()), callee.start_byte) != sites[0]
    return found


def _dart_loader_root(ctx: CheckContext, name: str, field: str, depth: int = 4) -> tuple[str, str]:
    """(widget, field) of the project's widget whose own code runs the page loader that `name` is handed as
    `field:`: `name` itself, or the widget it forwards the loader to (a subclass's `super.fetcher`, a
    wrapper's `InfiniteScroll(fetcher: (page, size) => fetcher(page, size, sort))`); ("", "") when `name`
    is not the project's."""
    cache = project_index.side_cache("infinite-scroll:dart-loader-root")
    key = (str(project_index.for_context(ctx).root), name, field)
    if key not in cache:
        cache[key] = ("", "")  # a cycle of widgets forwarding to each other ends here
        cache[key] = _loader_root(ctx, name, field, depth)
    return cache[key]


def _loader_root(ctx: CheckContext, name: str, field: str, depth: int) -> tuple[str, str]:
    declaration = _dart_widget_declaration(ctx, name)
    if not declaration.strip():
        return ("", "")
    own = re.escape(field)
    if depth > 0:
        parent = re.search(rf"\bclass\s+{re.escape(name)}\b[^{{]*?\bextends\s+(\w+)", declaration)
        if parent and re.search(rf"\bsuper\.{own}\b", declaration):
            inherited = _dart_loader_root(ctx, parent.group(1), field, depth - 1)
            return inherited if inherited[0] else (name, field)
        for m in re.finditer(r"(?<![\w.])([A-Z]\w*)\s*(<[^(){};]*>)?\s*\(", declaration):
            args = balanced_arguments(declaration, m.end() - 1) or ""
            for label in re.finditer(rf"(?<![\w.]){LOADER_LABEL}\s*:", args):
                value = re.split(r",\s*\w+\s*:", args[label.end():], maxsplit=1)[0]
                if m.group(1) == name or not re.search(rf"(?<![\w.])(widget\.)?{own}\b", value):
                    continue
                handed = _dart_loader_root(ctx, m.group(1), label.group(1), depth - 1)
                if handed[0]:
                    return handed  # (an outer `Scaffold(body: ...)` holding it is not the project's: look further)
    return (name, field)


def _keeps_what_loader_returns(ctx: CheckContext, name: str, field: str) -> bool:
    """The widget's own code takes the page its loader returns and adds it to the list it shows
    (`fetcher(page, size).then((items) => ...)`, `final items = await widget.fetcher(page)`): the load
    is the widget's, one for every screen; not an edge trigger that only calls back (`widget.onTouchEdge()`),
    after which each screen loads into its own list."""
    own = re.escape(field)
    declaration = _dart_widget_declaration(ctx, name)
    return bool(re.search(rf"=\s*(await\s+)?(widget\.)?{own}\s*\(|(?<![\w.])(widget\.)?{own}\s*\([^;{{}}]*\)\s*\.\s*then\s*\(", declaration))


DART_CREATION = re.compile(r"(?<![\w.])([A-Z]\w*)\s*(<[^(){};]*>)?\s*\(")
DART_CLASS = re.compile(r"^\s*(?:abstract\s+)?class\s+(\w+)(?:\s*<[^{]*?>)?(?:\s+extends\s+State\s*<\s*(\w+))?", re.M)
LOADER_LABEL_BYTES = re.compile(INFINITE_WIDGET_FETCH.pattern.encode())


def _dart_loader_sites(ctx: CheckContext, root: str) -> list[tuple[str, int]]:
    """(path, byte) of every screen in the project that builds a widget running `root`'s loader and hands
    it the loader (not a wrapper forwarding its own field, not a class the project never creates), in path order."""
    index = project_index.for_context(ctx)
    cache = project_index.side_cache("infinite-scroll:dart-loader-sites")
    key = (str(index.root), root)
    if key in cache:
        return cache[key]
    cache[key] = sites = []
    for path, data in sorted(index.files().items()):
        if not LOADER_LABEL_BYTES.search(data):
            continue
        code = data.decode("utf-8", "replace")
        classes = [(m.group(1), m.start(), m.group(2) or m.group(1)) for m in DART_CLASS.finditer(code)]
        for m in DART_CREATION.finditer(code):
            args = balanced_arguments(code, m.end() - 1)
            label = INFINITE_WIDGET_FETCH.search(args or "")
            if label is None or re.search(r"\b(class|extends|implements|with)\s*$", code[max(0, m.start() - 20):m.start()]):
                continue
            if _dart_loader_root(ctx, m.group(1), label.group(1))[0] != root:
                continue
            holder = next((c for c in reversed(classes) if c[1] < m.start()), None)
            if holder is None:
                continue
            value = re.split(r",\s*\w+\s*:", args[label.end():], maxsplit=1)[0]
            declaration = _dart_widget_declaration(ctx, holder[2])  # a State's fields are its widget's
            fields = re.findall(r"\b(?:this|super)\.(\w+)", declaration)
            if any(re.search(rf"(?<![\w.])(widget\.)?{re.escape(f)}\b", value) for f in fields if re.fullmatch(LOADER_LABEL, f)):
                continue  # a wrapper forwarding its own loader: its creators are the screens
            end = next((c[1] for c in classes if c[1] > holder[1]), len(code))
            span = (len(code[: holder[1]].encode()), len(code[:end].encode()))
            if index.type_unused(holder[0], path, span):
                continue
            sites.append((str(Path(path).resolve()), len(code[: m.start()].encode())))
    return sites


def dart_callee_of_argument(arg: Node) -> Node | None:
    """The identifier a Dart named argument is handed to (`RankedFeed` for `RankedFeed(loadPage: ...)`,
    also through `.builder` or generic selectors), or None."""
    args = arg.parent
    part = args.parent if args is not None else None
    selector = part.parent if part is not None else None
    if args is None or args.type != "arguments" or part is None or part.type != "argument_part" or selector is None or selector.type != "selector":
        return None
    callee = selector.prev_named_sibling
    while callee is not None and callee.type == "selector":
        callee = callee.prev_named_sibling
    return callee if callee is not None and callee.type == "identifier" else None


@own_records_at_info
def forwarded_loader_created(ctx: CheckContext) -> Verdict | bool:
    """`RankedFeed(loadPage: (page) => api.ranked(page))`, `LoadMoreListView(onLoadMore: store.fetchNext)`,
    `Waypoint(onTouchEdge: notifier.fetchMore)`: a screen creates the app's own list widget, which pages
    with the loader it is handed (a paging package widget or controller, a near-end scroll test, an
    endless-named app widget). One feed, one finding, here: the widget and wrappers forwarding their own
    field are not reported (`loader_chosen_by_creator`). Endless-named widgets report through dart-infinite-widget."""
    found = forwarded_loader_widget(ctx, ctx.node)
    if found is None:
        return False
    name, label = found
    if ctx.language == "dart" and project_index.in_unused_class(ctx.node, ctx):
        return False  # a screen class the project never creates: nothing runs
    callee = dart_callee_of_argument(ctx.node)
    found_verdict = Verdict(message=f"{name} loads the next page automatically as the user scrolls near the end: {label} is the page loader it runs")
    return _one_list_widget(ctx, callee, label, found_verdict) if callee is not None else found_verdict


def forwarded_loader_widget(ctx: CheckContext, arg: Node) -> tuple[str, str] | None:
    """(widget, label) when the named argument `arg` hands a page loader to an app widget that pages with it."""
    callee = dart_callee_of_argument(arg)
    label_node = next((c for c in arg.named_children if c.type == "label"), None)
    if callee is None or label_node is None:
        return None
    name = text(callee)
    if not re.match(r"^[A-Z]\w*$", name) or INFINITE_WIDGET_NAME.match(name) or DART_PAGING.match(name + "(") or project_index.too_common(name):
        return None  # not an app widget, or one another pattern reports (dart-infinite-widget, dart-paged-list)
    label = text(label_node).rstrip(": ")
    if not re.fullmatch(LOADER_LABEL, label):
        return None
    declaration = _dart_widget_declaration(ctx, name)
    if not DART_PAGING.search(declaration) or not _forwards_field(declaration, label):
        return None
    value = text(arg.named_children[-1])
    if loader_chosen_by_creator(ctx, arg, text(arg)) or value in ("null", "() {}", "(_) {}") or value.endswith("=> null"):
        return None  # a wrapper forwarding its own loader (its creators report), or no loader
    if re.fullmatch(EDGE_LABEL, label) and not _edge_callback_loads(ctx, arg):
        return None
    if _own_field_paged_elsewhere(ctx, arg):
        return None
    return name, label


def _edge_callback_loads(ctx: CheckContext, arg: Node) -> bool:
    """What a screen hands to an edge-named callback (`onTouchEdge:`) loads: a closure or a method of the
    file that calls a loader, or a loader passed by reference that is defined elsewhere (`notifier.fetchMore`)."""
    found = dart_callback_load(ctx, arg)
    if found is None:
        last = re.split(r"[.?!]+", text(arg.named_children[-1]).strip())[-1]
        return bool(IDENTIFIER.match(last)) and bool(STRONG_LOADER.search(last) or load_verb(last))
    return bool(found)


def _own_field_paged_elsewhere(ctx: CheckContext, arg: Node) -> bool:
    """`onTouchEdge: onRequestMore` inside a widget that also hands its own `onRequestMore` field to a paging
    package widget (`SliverInfiniteList(onFetchData: onRequestMore)`): two modes of one feed, reported there."""
    value = re.sub(r"^widget\.", "", text(arg.named_children[-1]).strip())
    found = _dart_widget_of(arg)
    if found is None or not IDENTIFIER.match(value):
        return False
    declaration = _dart_widget_declaration(ctx, found[0])
    if not re.search(rf"\b(this|super)\.{re.escape(value)}\b", declaration):
        return False
    handed = re.compile(rf"\w+\s*:\s*(widget\.)?{re.escape(value)}\s*(,|$)")
    return any(DART_PAGING.match(m.group(1) + "(") and handed.search(balanced_arguments(declaration, m.end() - 1) or "")
               for m in re.finditer(r"(?<![\w.])([A-Z]\w*)\s*(<[^(){};]*>)?\s*\(", declaration))


@own_records_at_info
def paged_widget_feed(ctx: CheckContext) -> Verdict | bool:
    """A paging list widget (infinite_scroll_pagination, paginate_firestore, firebase_ui
    FirestoreListView, loading_more_list, ...), not one laid out bottom-up (`reverse: true`: a chat
    that loads its older messages at the top)."""
    reverse = dart_named_arguments(ctx.node).get("reverse")
    if reverse is not None and reverse.named_children[-1].type == "true":
        return False
    found = _dart_widget_of(ctx.node)
    return found is None or not loader_chosen_by_creator(ctx, ctx.node, text(found[1]))


# pull_to_refresh / easy_refresh controller calls that end a load, they fetch nothing
REFRESH_FINISH = re.compile(r"^(load(Complete|NoData|Failed)|refresh(Completed|Failed|ToIdle)|resetNoData|twoLevelComplete|request(Loading|Refresh|TwoLevel)"
                            r"|finish(Load|Refresh)\w*|close(Header|Footer)\w*|reset(Header|Footer)\w*)$")
REFRESH_CONTROLLER_VAR = re.compile(r"\b(\w+)\s*=\s*(?:new\s+)?(?:Refresh|EasyRefresh)Controller\s*\(|\b(?:Refresh|EasyRefresh)Controller\??\s+(\w+)")
# An HTTP or database client: `http.get(...)`, `dio.post(...)`, `query.limit(20).get()`
DART_NETWORK = re.compile(r"(?i)http|dio|client|api|request|net|service|repo|graphql|supabase|firestore|firebase|collection|query|startAfter|\.limit\(")
DART_NETWORK_CALL = re.compile(r"^(get|post|put|request|fetch|query|send|rawQuery|select|execute|getDocuments)$")
# Operations on a local list or value: growing `items` in setState is no fetch
LOCAL_OPS = frozenset({"add", "addAll", "insert", "insertAll", "remove", "removeAt", "removeLast", "removeWhere", "clear", "generate", "filled", "from", "of",
                       "map", "where", "toList", "take", "skip", "sublist", "sort", "shuffle", "forEach", "fold", "reduce", "expand", "followedBy", "getRange",
                       "toString", "parse", "tryParse", "dispose", "addListener", "removeListener", "close", "cancel", "pop", "push", "pushNamed", "of", "maybeOf"})


def _dart_refresh_controllers(ctx: CheckContext) -> frozenset[str]:
    memo = ctx.memo.get("infinite_scroll_mobile.refresh_controllers")
    if memo is None:
        data = ctx.data.decode("utf-8", "replace")
        memo = ctx.memo["infinite_scroll_mobile.refresh_controllers"] = frozenset(
            a or b for a, b in REFRESH_CONTROLLER_VAR.findall(data))
    return memo


def dart_methods(ctx: CheckContext, name: str, at: Node) -> list[Node]:
    """The bodies of the file's functions named `name`, those of the class around `at` first."""
    bodies = [f for f in functions_by_name(ctx).get(name, ()) if f.type == "function_body"]
    here = next((a for a in ancestors(at) if a.type in ("class_definition", "mixin_declaration", "extension_declaration")), None)
    mine = [b for b in bodies if here is not None and here.start_byte <= b.start_byte and b.end_byte <= here.end_byte]
    return mine or bodies


def dart_callback_load(ctx: CheckContext, arg: Node) -> Call | bool | None:
    """What a Dart callback argument (`onLoading: ...`) does: the Call that loads data, False when
    the file defines it and it loads nothing, None when it cannot be told (defined elsewhere)."""
    values = arg.named_children[1:]
    if len(values) == 1 and values[0].type == "function_expression":
        return _dart_body_load(ctx, values[0], 2, set()) or False
    if not values or values[0].type not in ("identifier", "this") or any(v.type != "selector" or "argument_part" in {c.type for c in v.named_children} for v in values[1:]):
        return None  # `onLoading: makeLoader()`, a conditional: not resolved
    names = [text(values[0])] + [text(v).lstrip("?!.").strip() for v in values[1:]]
    receiver, name = names[:-1], names[-1]
    if receiver and receiver != ["this"] and receiver[0] == "widget":
        return None  # a callback the parent widget hands in
    bodies = dart_methods(ctx, name, arg)
    if not bodies:
        return False if _stub_elsewhere(ctx, name) else None
    for body in bodies:
        found = _dart_body_load(ctx, body, 2, {name})
        if found is not None:
            return found
    return False


STUB_CALLS = re.compile(r"^(if|for|while|switch|catch|return|await|Duration|print|debugPrint|log|setState|update)$")


def _stub_elsewhere(ctx: CheckContext, name: str) -> bool:
    """The callback is a method of another file of the project (`onLoading: logic.onLoading`) that, once its
    comments are dropped, calls nothing but the refresh controller and a delay (`Future.delayed(d, () {
    refreshController.loadComplete(); })`): a stub that loads nothing."""
    if project_index.too_common(name):
        return False
    definitions = project_index.for_context(ctx).definitions(name)
    if not definitions:
        return False
    for definition in definitions:
        body = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", definition.text)
        starts = [i for i in (body.find("{"), body.find("=>")) if i >= 0]
        called = re.findall(r"(\w+)\s*(?:<[^>()]*>)?\s*\(", body[min(starts):] if starts else "")
        if not starts or any(not (REFRESH_FINISH.match(c) or WRAPPERS.match(c) or STUB_CALLS.match(c)) for c in called):
            return False
    return True


def _dart_body_load(ctx: CheckContext, body: Node, depth: int, seen: set[str]) -> Call | None:
    """The first call in a load callback's body that loads data, following the file's own
    helpers `depth` levels (`_onLoading() { _page++; _getList(); }`)."""
    controllers = _dart_refresh_controllers(ctx)
    for call in calls(body):
        name, receiver = call.name, call.receiver
        if not IDENTIFIER.match(name) or REFRESH_FINISH.match(name) or last_name(receiver) in controllers or in_user_action(call.node, body):
            continue
        if receiver in ("", "this"):
            if name in seen:
                continue
            bodies = dart_methods(ctx, name, body)
            if bodies:  # a helper of the file: what it does, or (too deep) what its name says
                if (any(_dart_body_load(ctx, b, depth - 1, seen | {name}) for b in bodies) if depth else loads(call, any_call=False)):
                    return call
                continue
        if _dart_loads(call):
            return call
    return None


def _dart_loads(call: Call) -> bool:
    """A call, in a load callback, that fetches or asks for more data."""
    name, receiver = call.name, call.receiver
    last = last_name(receiver)
    if WRAPPERS.match(name) or name[:1].isupper():
        return loads(call, any_call=False)  # setState(() {...}), Future.delayed(...): the calls inside count on their own
    if name in ("call", "invoke") or receiver.startswith("widget.") or receiver == "widget":
        return True  # `widget.onLoadMore()`, `onLoad?.call()`: a callback handed in by the parent
    if name in LOCAL_OPS and not (DISPATCH.match(name) and re.search(r"(?i)bloc|cubit|event|sink|stream|store|notifier|provider|vm$|model|presenter|read<|of<", receiver)):
        return False  # `items.add(...)`, `List.generate(...)`
    if DART_NETWORK_CALL.match(name) and DART_NETWORK.search(receiver):
        return True
    if loads(call, any_call=False):
        return True
    if NOT_LOADER.search(name) or re.match(r"^_?set[A-Z_]", name) or NOT_DATA.search(name) or reports_progress(name):
        return False
    if not receiver:
        return name[:1].islower() or name[:1] == "_"  # a method the file does not define (a mixin's, a base class's)
    return bool(DART_DATA_OWNER.search(last) or DART_DATA_OWNER.search(receiver)) and not REFRESH_FINISH.match(name)


def balanced_arguments(data: str, start: int) -> str | None:
    """The text between the first `(` at or after `start` and its matching `)`."""
    opening = data.find("(", start)
    if opening < 0 or opening - start > 80:
        return None
    close = closing_bracket(data, opening, "()", limit=4000)
    return None if close is None else data[opening + 1:close]


def dart_named_arguments(ident: Node) -> dict[str, Node]:
    """label -> named_argument node of the first argument list after a Dart callee
    (`EasyRefresh.builder(...)`); a value such as `Footer(...)` is several nodes, so the whole
    argument is kept."""
    selector = ident.next_named_sibling
    while selector is not None and selector.type == "selector":
        part = next((c for c in selector.named_children if c.type == "argument_part"), None)
        if part is not None:
            args = next((c for c in part.named_children if c.type == "arguments"), None)
            out = {}
            for arg in args.named_children if args is not None else ():
                if arg.type == "named_argument" and arg.named_child_count >= 2:
                    out[text(arg.named_children[0]).rstrip(": ")] = arg
            return out
        selector = selector.next_named_sibling
    return {}
