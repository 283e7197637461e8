"""Checks for the `infinite-scroll` rule.

The queries in rules/infinite-scroll.yaml find the *mechanisms* that can load content as the
user nears the end of a list (IntersectionObserver, scroll listeners, effects that react to a
sentinel's visibility, list components with end-reached callbacks, template directives). The
checks here decide whether the mechanism really loads the next page:

* a trigger's callback (or the function it names, followed within the same file) must call
  something that loads more: `fetchNextPage`, `loadMore`, `setPage(p => p + 1)`, `page++`,
  `fetch('/api?page=')`, `dispatch(loadMorePosts())`, `setItems(prev => [...prev, ...next])`;
  generic calls (`callback()`, `load()`, `fetchData()`) count only with infinite-list context
  (`hasMore`, `hasNextPage`, an enclosing `useInfiniteScroll`, an `InfiniteScroll.svelte` file);
* a scroll handler must compare the scroll position with the content height (near the bottom)
  and the loading call must depend on that comparison;
* effects / watchers must test a visibility flag (`inView`, `isIntersecting`, `isVisible`) before
  loading.

Everything is syntactic and file-local; handler names are followed to their definition in the
same file (for .vue/.svelte templates: in the file's <script> blocks).
"""

from __future__ import annotations

import re
from typing import Iterable

from tree_sitter import Node

from designlint.checks import CheckContext, Verdict
from designlint.checks.util import text as _t, walk as _walk, ancestors as _ancestors, html_attributes as _html_attrs, FUNCTION_TYPES, parse_snippet as _parse_snippet, call_arguments as _args

# --------------------------------------------------------------------------------------------
# small tree helpers

COMPARISON_OPS = frozenset({">=", ">", "<=", "<", "===", "==", "!==", "!="})





def _enclosing_function(node: Node) -> Node | None:
    return next((a for a in _ancestors(node) if a.type in FUNCTION_TYPES), None)


def _callee(call: Node) -> Node | None:
    return call.child_by_field_name("function") or call.child_by_field_name("constructor")


def _callee_name(call: Node) -> str:
    func = _callee(call)
    if func is None:
        return ""
    while func.type == "parenthesized_expression" and func.named_children:
        func = func.named_children[0]
    if func.type == "member_expression":
        return _t(func.child_by_field_name("property"))
    if func.type == "call_expression":  # foo()() / curried
        return _callee_name(func)
    return _t(func)



def _string_value(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.type == "string":
        return _t(node)[1:-1]
    if node.type == "template_string" and not any(c.type == "template_substitution" for c in node.named_children):
        return _t(node)[1:-1]
    return None


def _body(fn: Node) -> Node:
    return fn.child_by_field_name("body") or fn



# --------------------------------------------------------------------------------------------
# vocabularies

# Calls whose name alone says "load the next page".
STRONG_LOADER = re.compile(
    r"(?i)^("
    r"(fetch|load|get|request|query|retrieve|pull|show|append|add|render|display|grab|request)_?(the_?)?(next|more)\w*"
    r"|\w*(load|fetch|get|request|show|grab)_?(the_?)?(more|next)\w*"
    r"|\w*next_?page\w*|\w*next_?batch\w*|\w*more_?(items|posts|data|results|rows|content|photos|products|messages"
    r"|comments|videos|articles|entries|records|users|images|feeds?|stories|tweets|notes|cards|list|pins|memes|gifs)\w*"
    r"|on_?(load_?more|end_?reached|reach_?(end|bottom)|bottom_?reached|infinite\w*|fetch_?more|scroll_?end|next_?page)"
    r"|paginate\w*|load_?page|fetch_?page|get_?page|go_?to_?next_?page|infinite_?handler|handle_?infinite\w*"
    r"|handle_?load_?more\w*|handle_?fetch_?more\w*|load_?older\w*|load_?newer\w*|fetch_?older\w*"
    r"|more|loadmore|fetchmore"
    r")$"
)
# Generic data loaders: count in a strong trigger (scroll near the bottom) or with list context.
MEDIUM_LOADER = re.compile(
    r"^(fetch|load|get|request|query|retrieve|refetch|call|pull|search|list|getList|fetchList)([A-Z_]\w*)?$"
    r"|^\w*(Posts|Items|Data|Feed|Products|Articles|Photos|Images|Videos|Results|Entries|Records|List|Page|Rows"
    r"|Tweets|Stories|Messages|Comments|Users|Movies|Books|Repos|News|Notes|Pins|Cards|Content)$"
)
NOT_A_LOADER = re.compile(
    r"(?i)^(get(BoundingClientRect|ElementById|ElementsBy\w+|Attribute|ComputedStyle|Item|Context|Time|Date"
    r"|State|Value|Selection|Box\w*|Client\w*|Scroll\w*|Offset\w*|Height|Width|Position|Rect|Element\w*|Node\w*"
    r"|Query\w*|Props|Ref|Current\w*|Window|Document|Parent\w*|Children|Index|Key|Id|Entries|Entry|Target)"
    r"|load(Image|Img|Picture|Photo|Video|Iframe|Script|Style|Font|Css|Lazy\w*|Src|Media|Background|Bg|Poster"
    r"|Thumbnail|Avatar|Map|Widget|Component|Module|Chunk|Ads?|Disqus|Sdk|Player|Embed|Twitter|Tweet|Iframe\w*|Asset\w*)"
    r"|console|log|warn|error|info|debug|track\w*|observe|unobserve|disconnect|preventDefault|stopPropagation"
    r"|request(AnimationFrame|IdleCallback|Fullscreen)|cancel\w*|clear\w*|add|remove|toggle|contains|replace"
    r"|set(Attribute|Property|Timeout|Interval)|scroll\w*|focus|blur|play|pause|animate|then|catch|finally|forEach|map"
    r"|filter|reduce|find|some|every|includes|push|slice|splice|concat|join|split|floor|ceil|round|max|min|abs"
    r"|querySelector\w*|getElementsByClassName|bind|call|apply|emit|\$emit|dispatch|next|resolve|reject|update"
    r"|nextTick|\$nextTick|tick|stringify|parse|assign|keys|values|entries|fromEntries|isArray|from|of|trim"
    r"|toString|has|get|set|delete|gtag|ga|fbq|sendBeacon|report\w*|measure|mark|mutate|invalidate\w*)$"
)
# Calls that are fine to ignore when judging "the only thing this callback does".
WEAK_CALLBACK = re.compile(
    r"(?i)^(callback|cb|fn|func|handler|handle|action|load|loader|next|trigger|onTrigger|onBottom\w*|onEnd\w*"
    r"|onReach\w*|onIntersect\w*|onVisible|onInView|onEnter|onVisibilityChange|onShow|onAppear|onChange|onLoad"
    r"|onFetch|onNext|onMore|onScrolled|onScrollEnd|onNeedMore|run|execute|invoke|fire|notify|handleIntersect\w*"
    r"|intersected|handleObserver|onObserve|doLoad|doFetch|fetcher|cbRef|callbackRef|savedCallback|latestCallback"
    r"|current|fetchFn|loadFn|loadFunction|fetchFunction|onClick)$"
)
# A setter that advances a page / size / offset / visible count.
PAGE_SETTER = re.compile(
    r"^set_?\w*(Page|page|PageNum|PageNumber|PageNo|PageIndex|Offset|offset|Cursor|cursor|Skip|skip|Size|size|Limit"
    r"|limit|Count|count|Showing|Shown|ToShow|Take|Batch|Chunk|Params|params|Query|Pagination|pagination|Amount|First)$"
)
PAGE_VAR = re.compile(
    r"(?i)(page|cursor|skip|batch|chunk|visible_?count|shown_?count|displayed_?count|to_?show|loaded_?count|item_?count"
    r"|^offset$|^limit$"
    r"|render(ed)?_?count|display_?count|show_?count|num_?items|^start$|^from$|^count$|^size$|^take$|pageNum|pageNo)"
)
LOAD_STATE_SETTER = re.compile(
    r"(?i)^set_?(is_?)?(fetching|loading_?more|fetch_?more|load_?more|should_?(load|fetch)\w*|need_?more\w*"
    r"|trigger_?(load|fetch)\w*|fetch_?next\w*|load_?next\w*)$"
)
EVENT_STRING = re.compile(
    r"(?i)(load|fetch|get|show)[-_: ]?(more|next)|next[-_]?page|infinite|reach[-_]?(the[-_]?)?(bottom|end)"
    r"|end[-_]?reached|scroll[-_]?(end|bottom)|bottom[-_]?reached|paginat|more[-_]?(items|posts|data|results)"
    r"|scrolled[-_ ]?to[-_ ]?(the[-_ ]?)?(end|bottom)|reached[-_ ]?(the[-_ ]?)?(end|bottom)"
)
PAGE_ARG = re.compile(
    r"(?i)([?&](page|p|pg|offset|cursor|after|before|skip|start|from|since_id|max_id|until|pagenum|page_num|pageno"
    r"|page_no|pageindex|page_index|pagetoken|page_token|last_?id|lastkey|continuation)=)"
    r"|\b(page|pageNum|pageNumber|pageNo|pageIndex|currentPage|nextPage|pageParam|nextCursor|cursor|endCursor"
    r"|nextToken|pageToken|lastDoc|lastVisible|startAfter|lastEvaluatedKey|continuationToken|skip|offset|page_num"
    r"|page_number|next_page|next_cursor|nextPageToken|next_token|lastId|last_id|after)\b"
)
# Context that says "this list is paginated / infinite".
INFINITE_CONTEXT = re.compile(
    r"(?i)has_?more|has_?next|can_?(load|fetch)_?more|is_?last_?page|no_?more|is_?reaching_?end|reached_?end"
    r"|next_?cursor|next_?page|fetching_?next|loading_?more|infinite|load_?more|fetch_?more|endless|paginat"
    r"|sentinel|all_?loaded|total_?pages|has_?next_?page|more_?available|end_?of_?(list|feed|data)"
)
INFINITE_NAME = re.compile(
    r"(?i)infinite|load_?more|fetch_?more|endless|paginat|sentinel|next_?page|scroll_?load|load_?on_?scroll"
    r"|bottom_?(loader|observer|detector|trigger)|feed_?(loader|observer)|end_?observer"
)
# Identifiers / properties that say "the sentinel / end of the list is visible".
VISIBILITY = re.compile(
    r"(?i)(in_?view(port)?|intersecting|intersection|intersected|visible|on_?screen|in_?screen|is_?shown|appeared"
    r"|(reached|at|near|hit|close_?to)_?(the_?)?(bottom|end)|is_?bottom|is_?end|scrolled_?to_?(the_?)?(bottom|end)"
    r"|should_?load_?more|intersection_?ratio|near_?end)$"
    r"|^(last_?(virtual_?)?item|last_?visible\w*|visible_?stop_?index|stop_?index|end_?index|last_?index|reached|bottom)$"
)
NOT_VISIBILITY_WORDS = frozenset(
    "modal dialog menu drawer popup popover tooltip sidebar panel dropdown sheet overlay toast banner header nav navbar"
    " keyboard picker tab tabs player video ad ads hero document window app popper select options search filter form"
    " password column columns legend chart cursor caret spinner skeleton".split()
)


def _words(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)]


def _is_visibility_name(name: str) -> bool:
    if not VISIBILITY.search(name):
        return False
    return not any(w in NOT_VISIBILITY_WORDS for w in _words(name))


NEAR_END_CALL = re.compile(
    r"(?i)^(is_?)?(close|near|reach(ed)?|hit|at|scrolled)_?(to_?)?(the_?)?(bottom|end)\w*$|^(is_?)?bottom_?reached$"
    r"|^(check|detect)_?(bottom|end|scroll_?bottom)\w*$|^should_?(load|fetch)_?(more|next)\w*$"
)
# scroll geometry
SCROLL_POS = re.compile(
    r"scrollTop|scrollY|pageYOffset|contentOffset|scrollLeft|scrollX|pageXOffset|scrollOffset|\.scrollTop\(\)"
)
SCROLL_EXTENT = re.compile(
    r"scrollHeight|scrollWidth|contentSize|offsetHeight|\(document\)\.(outer|inner)?[Hh]eight\(\)"
    r"|body\)\.(outer|inner)?[Hh]eight\(\)|documentHeight|docHeight|getScrollHeight|getDocHeight"
    r"|(?<!\(window\))(?<!\$window)\.(outer|inner)?[Hh]eight\(\)"
)
RECT_BOTTOM = re.compile(r"\.bottom\b|\bbottom\b")
VIEWPORT = re.compile(r"innerHeight|clientHeight|\(window\)\.(outer|inner)?[Hh]eight\(\)|viewportHeight|windowHeight")

WRAPPERS = frozenset(
    {
        "useCallback", "useMemo", "useEvent", "useEffectEvent", "useMemoizedFn", "useLatest", "useRef",
        "throttle", "debounce", "_throttle", "_debounce", "rafThrottle", "rafSchd", "memoize", "useThrottle",
        "useDebounce", "useThrottleFn", "useDebounceFn", "useThrottledCallback", "useDebouncedCallback",
        "useDebounceCallback", "useThrottleCallback", "useStableCallback", "useEventCallback", "useCallbackRef",
        "useFn", "markRaw", "action", "runInAction", "flow", "bind", "useThrottledFn", "throttleFn", "debounceFn",
        "useDebouncedFn", "withThrottle", "withDebounce", "leading", "trailing",
    }
)

# --------------------------------------------------------------------------------------------
# per-tree index: definitions of named functions, variables


class _Index:
    """Named function definitions of one tree (or of a .vue/.svelte file's script trees)."""

    def __init__(self, roots: list[Node], path: str = "", template_text: str = ""):
        self.roots = roots
        self.path = path
        self.template_text = template_text
        self.defs: dict[str, list[Node]] = {}
        self.vars: dict[str, list[Node]] = {}
        for root in roots:
            self._collect(root)

    def _add(self, name: str, value: Node | None) -> None:
        if not name or value is None:
            return
        for fn in _unwrap_functions(value, self, depth=0, allow_names=False):
            self.defs.setdefault(name, []).append(fn)

    def _collect(self, root: Node) -> None:
        for node in _walk(root):
            t = node.type
            if t in ("function_declaration", "generator_function_declaration"):
                self.defs.setdefault(_t(node.child_by_field_name("name")), []).append(node)
            elif t == "method_definition":
                self.defs.setdefault(_t(node.child_by_field_name("name")), []).append(node)
            elif t == "variable_declarator":
                name = node.child_by_field_name("name")
                value = node.child_by_field_name("value")
                if name is not None and name.type == "identifier" and value is not None:
                    self.vars.setdefault(_t(name), []).append(value)
                    self._add(_t(name), value)
            elif t in ("pair",):
                key = node.child_by_field_name("key")
                value = node.child_by_field_name("value")
                if key is not None and value is not None and value.type in FUNCTION_TYPES | {"call_expression"}:
                    self._add(_t(key).strip("'\""), value)
            elif t in ("public_field_definition", "field_definition"):
                key = node.child_by_field_name("name") or node.child_by_field_name("property")
                self._add(_t(key), node.child_by_field_name("value"))
            elif t == "assignment_expression":
                left = node.child_by_field_name("left")
                right = node.child_by_field_name("right")
                if left is not None and right is not None and right.type in FUNCTION_TYPES | {"call_expression"}:
                    name = _t(left.child_by_field_name("property")) if left.type == "member_expression" else _t(left)
                    self._add(name, right)

    def lookup(self, name: str) -> list[Node]:
        return self.defs.get(name, [])

    def resolve(self, name: str, ref: Node | None) -> list[Node]:
        """Definitions of `name` visible from `ref`, innermost scope first (two `handleScroll`
        functions in two components of one file must not be confused)."""
        defs = self.lookup(name)
        if len(defs) <= 1 or ref is None:
            return defs
        root = ref
        while root.parent is not None:
            root = root.parent
        if not any(r == root for r in self.roots):
            return defs
        scored = []
        for d in defs:
            scope = _definition_scope(d)
            if scope is None:
                scored.append((-1, d))
            elif _contains(scope, ref):
                scored.append((scope.start_byte, d))
        if not scored:
            return defs
        best = max(s for s, _ in scored)
        return [d for s, d in scored if s == best]


def _definition_scope(fn: Node) -> Node | None:
    """The function whose body declares `fn` (None: module / class / object level)."""
    if fn.type in ("method_definition",):
        return None
    cur = fn
    for _ in range(6):
        parent = cur.parent
        if parent is None:
            return None
        if parent.type in ("variable_declarator", "function_declaration", "generator_function_declaration"):
            decl = parent if parent.type == "variable_declarator" else parent
            return _enclosing_function(decl) if decl is not fn else _enclosing_function(fn)
        if parent.type in ("pair", "public_field_definition", "field_definition", "assignment_expression"):
            return None
        if fn.type in ("function_declaration", "generator_function_declaration"):
            return _enclosing_function(fn)
        cur = parent
    return _enclosing_function(fn)


def _unwrap_functions(expr: Node | None, index: _Index | None, depth: int = 0, allow_names: bool = True) -> list[Node]:
    """The function nodes an expression stands for: a literal function, a wrapper call around one
    (useCallback / throttle / debounce / .bind), or a name defined in the same file."""
    if expr is None or depth > 4:
        return []
    t = expr.type
    if t in FUNCTION_TYPES:
        return [expr]
    if t in ("parenthesized_expression", "await_expression", "as_expression", "satisfies_expression",
             "non_null_expression", "jsx_expression", "type_assertion"):
        inner = [c for c in expr.named_children if c.type != "comment"]
        return _unwrap_functions(inner[0], index, depth + 1, allow_names) if inner else []
    if t == "call_expression":
        name = _callee_name(expr)
        func = _callee(expr)
        if name == "bind" and func is not None and func.type == "member_expression":
            return _unwrap_functions(func.child_by_field_name("object"), index, depth + 1, allow_names)
        if name in WRAPPERS or re.match(r"(?i)^(use)?(throttle|debounce)", name or ""):
            out: list[Node] = []
            for a in _args(expr):
                if a.type in FUNCTION_TYPES or (allow_names and a.type in ("identifier", "member_expression")):
                    out += _unwrap_functions(a, index, depth + 1, allow_names)
                    if out:
                        break
                elif a.type == "call_expression":
                    out += _unwrap_functions(a, index, depth + 1, allow_names)
                    if out:
                        break
            # useMemo(() => throttle(fn)) : the arrow returns the wrapped function
            if out and name in ("useMemo",) and out[0].type == "arrow_function":
                body = out[0].child_by_field_name("body")
                if body is not None and body.type == "call_expression":
                    return _unwrap_functions(body, index, depth + 1, allow_names) or out
            return out
        return []
    if not allow_names or index is None:
        return []
    if t == "identifier":
        return list(index.resolve(_t(expr), expr))
    if t == "member_expression":
        prop = _t(expr.child_by_field_name("property"))
        obj = _t(expr.child_by_field_name("object"))
        if prop == "current" and obj:  # handlerRef.current
            return list(index.lookup(obj))
        return list(index.lookup(prop))
    if t == "ternary_expression":
        out = []
        for f in ("consequence", "alternative"):
            out += _unwrap_functions(expr.child_by_field_name(f), index, depth + 1, allow_names)
        return out
    if t == "binary_expression":  # cond && fn
        return _unwrap_functions(expr.child_by_field_name("right"), index, depth + 1, allow_names)
    return []


def _index(ctx: CheckContext) -> _Index:
    """The file's index, built once per file and region (kept in the file's memo)."""
    key = ("infinite_scroll.index", ctx.language, ctx.root.start_byte, ctx.root.end_byte)
    idx = ctx.memo.get(key)
    if idx is None:
        suffix = str(ctx.path).lower()
        container = suffix.endswith((".vue", ".svelte", ".html", ".htm"))
        if ctx.language == "html":
            roots = ctx.script_roots()
            template = ctx.data.decode("utf-8", "replace")
        else:
            roots = [ctx.root]
            template = ctx.data.decode("utf-8", "replace") if container else ""
        idx = _Index(roots, str(ctx.path), template)
        ctx.memo[key] = idx
    return idx


# --------------------------------------------------------------------------------------------
# "does this code load the next page?"


class _Evidence:
    __slots__ = ("kind", "what")

    def __init__(self, kind: str, what: str):
        self.kind = kind  # strong | medium | weak
        self.what = what


def _increment_arg(node: Node) -> bool:
    txt = _t(node)
    return bool(re.search(r"\+\s*[\w.(]|\+\+|\bconcat\b|\.\.\.", txt)) or bool(
        re.search(r"(?i)\b(next_?page|next_?cursor|page_?param|cursor|offset)\b", txt)
    )


def _appends_to_list(node: Node) -> bool:
    """`[...prev, ...next]`, `list.concat(more)`, `items.push(...more)`, `items.value.push(...r.data)`."""
    t = node.type
    if t == "array":
        spreads = [c for c in node.named_children if c.type == "spread_element"]
        return len(spreads) >= 2
    if t == "call_expression":
        name = _callee_name(node)
        args = _args(node)
        if name == "concat" and args:
            return True
        if name in ("push", "unshift") and args and any(a.type == "spread_element" for a in args):
            return True
    return False


def _call_evidence(call: Node) -> _Evidence | None:
    name = _callee_name(call)
    if not name:
        return None
    args = _args(call)
    if STRONG_LOADER.match(name) and not NOT_A_LOADER.match(name):
        return _Evidence("strong", f"{name}()")
    if name == "setSize" or PAGE_SETTER.match(name):
        if args and _increment_arg(args[0]):
            return _Evidence("strong", f"{name}(… + 1)")
    if LOAD_STATE_SETTER.match(name) and args and _t(args[0]) in ("true", "!0"):
        return _Evidence("strong", f"{name}(true)")
    # dispatch('load-more') / $emit('loadMore') / pushEvent("load-more") / new CustomEvent('reach-bottom')
    if not re.match(r"(?i)^(log|warn|error|info|debug|trace|print|assert|t|i18n|translate|\$t)$", name):
        for a in args:
            s = _string_value(a)
            if s is not None and EVENT_STRING.search(s) and " " not in s.strip():
                return _Evidence("strong", f"{name}('{s}')")
    if not re.match(r"(?i)^(set\w*|scroll\w*|log|warn|error|info|debug|push|splice|slice|toFixed|pop)$", name):
        if args and any(PAGE_ARG.search(_t(a)) for a in args) and not NOT_A_LOADER.match(name):
            return _Evidence("strong", f"{name}(page…)")
    if MEDIUM_LOADER.match(name) and not NOT_A_LOADER.match(name):
        return _Evidence("medium", f"{name}()")
    if WEAK_CALLBACK.match(name):
        label = _t(_callee(call)) if name == "current" else name
        return _Evidence("weak", f"{label[:40]}()")
    return None


def _loader_evidence(node: Node, index: _Index | None, depth: int = 0, seen: set | None = None) -> list[_Evidence]:
    """Every sign in `node` (a function or any subtree) that it loads more content."""
    seen = seen if seen is not None else set()
    out: list[_Evidence] = []
    for n in _walk(node):
        t = n.type
        if t == "call_expression":
            ev = _call_evidence(n)
            if ev is not None:
                out.append(ev)
            if _appends_to_list(n):
                out.append(_Evidence("strong", "appends to the list"))
            # follow a same-file function (one or two levels)
            if index is not None and depth < 2 and (ev is None or ev.kind != "strong"):
                func = _callee(n)
                if func is not None and func.type in ("identifier", "member_expression"):
                    name = _callee_name(n)
                    if name and not NOT_A_LOADER.match(name):
                        for fn in index.resolve(name, func if func.type == "identifier" else None):
                            if fn.id in seen or _contains(fn, n):
                                continue
                            seen.add(fn.id)
                            inner = _loader_evidence(_body(fn), index, depth + 1, seen)
                            strong = [e for e in inner if e.kind == "strong"]
                            if strong:
                                out.append(_Evidence("strong", f"{name}() → {strong[0].what}"))
        elif t == "array" and _appends_to_list(n):
            out.append(_Evidence("strong", "appends to the list"))
        elif t == "update_expression":
            arg = n.child_by_field_name("argument")
            if arg is not None and "++" in _t(n) and PAGE_VAR.search(_last_name(arg)):
                out.append(_Evidence("strong", f"{_t(n)}"))
        elif t == "augmented_assignment_expression":
            left = n.child_by_field_name("left")
            op = _t(n.child_by_field_name("operator")) if n.child_by_field_name("operator") else _t(n)
            if left is not None and "+=" in op and PAGE_VAR.search(_last_name(left)):
                out.append(_Evidence("strong", f"{_t(left)} +="))
        elif t == "assignment_expression":
            left = n.child_by_field_name("left")
            right = n.child_by_field_name("right")
            if left is not None and right is not None:
                ln = _last_name(left)
                if PAGE_VAR.search(ln) and re.search(r"\b" + re.escape(ln) + r"\b\s*\+", _t(right)):
                    out.append(_Evidence("strong", f"{_t(left)} = … + …"))
                elif right.type in ("array", "call_expression") and _appends_to_list(right):
                    out.append(_Evidence("strong", "appends to the list"))
        elif t == "new_expression":
            for a in _args(n):
                s = _string_value(a)
                if s is not None and EVENT_STRING.search(s):
                    out.append(_Evidence("strong", f"event '{s}'"))
    return out


def _contains(outer: Node, inner: Node) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def _last_name(node: Node) -> str:
    if node.type == "member_expression":
        prop = _t(node.child_by_field_name("property"))
        if prop == "value":  # page.value++
            return _last_name(node.child_by_field_name("object"))
        return prop
    if node.type == "subscript_expression":
        idx = node.child_by_field_name("index")
        return (_string_value(idx) or _t(idx)) if idx is not None else ""
    return _t(node)


def _has_context(nodes: Iterable[Node], ctx: CheckContext | None, extra: str = "") -> bool:
    """Infinite-list context near a trigger: hasMore / hasNextPage in the code, an enclosing
    function or component named like an infinite loader, or a file named so."""
    for n in nodes:
        if n is None:
            continue
        if INFINITE_CONTEXT.search(_t(n)):
            return True
        for a in [n, *_ancestors(n)]:
            name = None
            if a.type in ("function_declaration", "method_definition", "class_declaration", "class"):
                name = a.child_by_field_name("name")
            elif a.type == "variable_declarator":
                name = a.child_by_field_name("name")
            if name is not None and INFINITE_NAME.search(_t(name)):
                return True
    if extra and INFINITE_CONTEXT.search(extra):
        return True
    if ctx is not None:
        stem = str(ctx.path).replace("\\", "/").rsplit("/", 1)[-1]
        if INFINITE_NAME.search(stem):
            return True
    return False


def _judge_loader(evidence: list[_Evidence], context: bool, allow_medium: bool = False, allow_weak: bool = False) -> _Evidence | None:
    for e in evidence:
        if e.kind == "strong":
            return e
    for e in evidence:
        if e.kind == "medium" and (context or allow_medium):
            return e
    for e in evidence:
        if e.kind == "weak" and (context or allow_weak):
            return e
    return None


# --------------------------------------------------------------------------------------------
# control dependence: loading guarded by a trigger condition

EXIT_TYPES = ("return_statement", "throw_statement", "continue_statement", "break_statement")


def _is_exit(stmt: Node | None) -> bool:
    if stmt is None:
        return False
    if stmt.type in EXIT_TYPES:
        return True
    if stmt.type == "statement_block":
        kids = [c for c in stmt.named_children if c.type != "comment"]
        return bool(kids) and all(k.type in EXIT_TYPES for k in kids)
    if stmt.type == "expression_statement":  # `return void load()` is not an exit; keep simple
        return False
    return False


def _following_siblings(stmt: Node) -> list[Node]:
    out = []
    cur = stmt.next_named_sibling
    while cur is not None:
        out.append(cur)
        cur = cur.next_named_sibling
    return out


def _guarded_regions(scope: Node, is_trigger, owner: Node | None | bool = False) -> list[Node]:
    """Code that runs only when a trigger condition holds, inside `scope`:
    `if (T) {…}`, `if (!T) return; …`, `T && …`, `T ? … : …`, `while (T) …`.
    With `owner` (a function node or None for top level), only conditions written directly in
    that function count, not those of nested callbacks."""
    regions: list[Node] = []
    for n in _walk(scope):
        t = n.type
        if owner is not False and t in ("if_statement", "binary_expression", "ternary_expression", "while_statement", "do_statement"):
            if _enclosing_function(n) != owner:
                continue
        if t == "if_statement":
            cond = n.child_by_field_name("condition")
            if cond is None or not is_trigger(cond):
                continue
            cons = n.child_by_field_name("consequence")
            alt = n.child_by_field_name("alternative")
            if _is_exit(cons):
                regions += _following_siblings(n)
                if alt is not None:
                    regions.append(alt)
            else:
                if cons is not None:
                    regions.append(cons)
                # `if (!T) {…} else load()` : the else branch runs when T holds
                if alt is not None and re.match(r"^\(\s*!", _t(cond)):
                    regions.append(alt)
        elif t == "binary_expression" and _t(n.child_by_field_name("operator")) in ("&&",):
            left = n.child_by_field_name("left")
            if left is not None and is_trigger(left):
                right = n.child_by_field_name("right")
                if right is not None:
                    regions.append(right)
        elif t == "ternary_expression":
            cond = n.child_by_field_name("condition")
            if cond is not None and is_trigger(cond):
                for f in ("consequence", "alternative"):
                    c = n.child_by_field_name(f)
                    if c is not None:
                        regions.append(c)
        elif t in ("while_statement", "do_statement"):
            cond = n.child_by_field_name("condition")
            if cond is not None and is_trigger(cond):
                b = n.child_by_field_name("body")
                if b is not None:
                    regions.append(b)
    return regions


# --------------------------------------------------------------------------------------------
# scroll geometry


SCALAR_VALUES = ("binary_expression", "member_expression", "call_expression", "identifier", "parenthesized_expression",
                 "ternary_expression", "subscript_expression", "await_expression", "unary_expression", "number",
                 "as_expression", "non_null_expression")


def _local_value_text(ident: str, at: Node, index: _Index) -> str:
    """Text of the scalar value(s) bound to a name visible from `at` (`const x = a + b`)."""
    texts = []
    scopes = []
    fn = _enclosing_function(at)
    while fn is not None:
        scopes.append(fn)
        fn = _enclosing_function(fn)
    for value in index.vars.get(ident, []):
        if value.type not in SCALAR_VALUES:
            continue
        decl_scope = _enclosing_function(value)
        if decl_scope is None or any(s == decl_scope for s in scopes):
            texts.append(_t(value)[:400])
    return " ".join(texts)


def _expanded_text(node: Node, index: _Index, depth: int = 0) -> str:
    """The node's text plus the definitions of the local names and small same-file helper
    functions it uses (`const bottom = el.scrollHeight - el.clientHeight; if (top >= bottom)`)."""
    parts = [_t(node)]
    if depth > 2:
        return parts[0]
    for n in _walk(node):
        if n.type in ("identifier", "shorthand_property_identifier"):
            name = _t(n)
            val = _local_value_text(name, node, index)
            if val and val != parts[0]:
                parts.append(val)
                for sub in index.vars.get(name, [])[:3]:
                    if sub.type in ("identifier", "binary_expression", "member_expression", "parenthesized_expression"):
                        parts.append(_expanded_text(sub, index, depth + 1))
        elif n.type == "call_expression":
            name = _callee_name(n)
            if name and (not NOT_A_LOADER.match(name) or re.match(r"(?i)^(get_?)?scroll", name)):
                func = _callee(n)
                for fn in index.resolve(name, func if func is not None and func.type == "identifier" else None)[:2]:
                    body = _body(fn)
                    if not _contains(fn, node) and len(_t(body)) < 800:
                        parts.append(_t(body))
    return " ".join(parts)


def _near_bottom_text(txt: str) -> bool:
    if SCROLL_POS.search(txt) and SCROLL_EXTENT.search(txt):
        return True
    if RECT_BOTTOM.search(txt) and VIEWPORT.search(txt) and "getBoundingClientRect" in txt:
        return True
    return False


def _is_near_bottom_comparison(n: Node, index: _Index) -> bool:
    if n.type != "binary_expression":
        return False
    op = _t(n.child_by_field_name("operator"))
    if op not in COMPARISON_OPS:
        return False
    raw = _t(n)
    # a top-of-list check (`scrollTop === 0`, `scrollTop < 50`) is not "near the bottom"
    right = n.child_by_field_name("right")
    left = n.child_by_field_name("left")
    if right is not None and right.type == "number" and re.match(r"^[\w.$()]*(scrollTop|scrollY|pageYOffset|scrollLeft|scrollX)(\(\))?$", _t(left)):
        return False
    if _near_bottom_text(raw):
        return True
    return _near_bottom_text(_expanded_text(n, index))


def _near_bottom_trigger_factory(index: _Index, scope: Node):
    """A predicate: does a condition test "the list is scrolled near its end"?"""
    bound: set[str] = set()
    # names bound to a near-bottom test: const isBottom = a + b >= c
    for n in _walk(scope):
        if n.type == "variable_declarator":
            name = n.child_by_field_name("name")
            value = n.child_by_field_name("value")
            if name is not None and value is not None and _contains_near_bottom(value, index):
                bound.add(_t(name))
        elif n.type == "assignment_expression":
            left = n.child_by_field_name("left")
            right = n.child_by_field_name("right")
            if left is not None and right is not None and _contains_near_bottom(right, index):
                bound.add(_last_name(left))

    def is_trigger(cond: Node) -> bool:
        if _contains_near_bottom(cond, index):
            return True
        for n in _walk(cond):
            if n.type in ("identifier", "property_identifier") and _t(n) in bound:
                return True
        return False

    return is_trigger


def _contains_near_bottom(node: Node, index: _Index) -> bool:
    for n in _walk(node):
        if n.type == "binary_expression" and _is_near_bottom_comparison(n, index):
            return True
        if n.type == "call_expression":
            name = _callee_name(n)
            if name and NEAR_END_CALL.match(name):
                return True
            # shouldLoadMore({ scrollTop, scrollHeight, clientHeight }): a predicate fed with scroll metrics
            if name and not NOT_A_LOADER.match(name) and _near_bottom_text(_metric_args_text(n)):
                return True
            if name and not NOT_A_LOADER.match(name):
                func = _callee(n)
                for fn in index.resolve(name, func if func is not None and func.type == "identifier" else None)[:2]:
                    if _contains(fn, node):
                        continue
                    b = _body(fn)
                    if any(
                        x.type == "binary_expression" and _is_near_bottom_comparison(x, index) for x in _walk(b)
                    ) and not _loader_evidence_quick(b):
                        return True
    return False


def _is_near_bottom_call(n: Node) -> bool:
    name = _callee_name(n)
    if not name or NOT_A_LOADER.match(name):
        return False
    return bool(NEAR_END_CALL.match(name)) or _near_bottom_text(_metric_args_text(n))


def _metric_args_text(call: Node) -> str:
    """Text of a call's plain arguments (no callbacks): `f({ scrollTop, scrollHeight })`."""
    parts = []
    for a in _args(call):
        if a.type in FUNCTION_TYPES or any(c.type in FUNCTION_TYPES for c in _walk(a)):
            continue
        parts.append(_t(a)[:400])
    return " ".join(parts)


def _loader_evidence_quick(node: Node) -> bool:
    return any(e.kind == "strong" for e in _loader_evidence(node, None, depth=9))


def _scroll_handler_loads(fns: list[Node], index: _Index, ctx: CheckContext, depth: int = 0) -> _Evidence | None:
    """A scroll handler loads more near the bottom: a near-bottom test guards a loading call,
    here or in a same-file function the handler calls."""
    for fn in fns:
        scope = _body(fn) if fn.type in FUNCTION_TYPES else fn
        is_trigger = _near_bottom_trigger_factory(index, scope)
        for region in _guarded_regions(scope, is_trigger):
            ev = _judge_loader(_loader_evidence(region, index), context=True, allow_medium=True, allow_weak=True)
            if ev is not None:
                return ev
        if depth < 2:
            for n in _walk(scope):
                if n.type != "call_expression":
                    continue
                name = _callee_name(n)
                if not name or NOT_A_LOADER.match(name):
                    continue
                func = _callee(n)
                ref = func if func is not None and func.type == "identifier" else None
                targets = [f for f in index.resolve(name, ref) if not _contains(f, n) and f not in fns]
                if targets:
                    ev = _scroll_handler_loads(targets[:3], index, ctx, depth + 1)
                    if ev is not None:
                        return ev
    return None


# --------------------------------------------------------------------------------------------
# checks for patterns


def _verdict(message: str) -> Verdict:
    return Verdict(message=message)


def observer_loads_next_page(ctx: CheckContext) -> Verdict | bool:
    """`new IntersectionObserver(cb)` whose callback loads the next page."""
    index = _index(ctx)
    node = ctx.node
    args = _args(node)
    if not args:
        return False
    fns = _unwrap_functions(args[0], index)
    if not fns:
        return False
    evidence: list[_Evidence] = []
    for fn in fns:
        evidence += _loader_evidence(_body(fn), index)
    context = _has_context([node, *fns], ctx)
    ev = _judge_loader(evidence, context)
    if ev is None:
        return False
    return _verdict(f"IntersectionObserver callback loads the next page when the sentinel scrolls into view ({ev.what})")


EFFECT_NAMES = re.compile(
    r"^(useEffect|useLayoutEffect|useIsomorphicLayoutEffect|useUpdateEffect|useDeepCompareEffect|useDidUpdate"
    r"|useDebouncedEffect|useCustomCompareEffect|useShallowCompareEffect|useAsyncEffect|watchEffect|watchPostEffect"
    r"|watchSyncEffect|watch|\$effect|createEffect|createRenderEffect|createComputed|effect|autorun|reaction|useFocusEffect"
    r"|useMountEffect|useWatch|whenever|watchDebounced|watchThrottled)$"
)


def _visibility_ref(node: Node, extra: set[str]) -> bool:
    for n in _walk(node):
        if n.type in ("identifier", "property_identifier", "shorthand_property_identifier"):
            name = _t(n)
            if name in extra:
                return True
            if _is_visibility_name(name):
                if SENTINEL_VIS.search(name):
                    return True
                # a bare `visible` / `isVisible` is often a modal prop: only with an observer in the file
                root = node
                while root.parent is not None:
                    root = root.parent
                # Keyed by the text too: node ids are addresses, reused by later trees.
                key = (root.id, root.end_byte, hash(root.text))
                hint = _HINT_CACHE.get(key)
                if hint is None:
                    if len(_HINT_CACHE) > 256:
                        _HINT_CACHE.clear()
                    hint = _HINT_CACHE[key] = bool(OBSERVER_HINT.search(_t(root)))
                if hint:
                    return True
    return False


_HINT_CACHE: dict[tuple[int, int], bool] = {}
SENTINEL_VIS = re.compile(r"(?i)in_?view|intersect|on_?screen|in_?screen|viewport|bottom|end|last|sentinel|loader|load_?more|trigger|anchor|footer|stop_?index")
OBSERVER_HINT = re.compile(r"IntersectionObserver|useInView|useIntersection|useOnScreen|useElementVisibility|useInViewport|useVisibility|useIsVisible|inview|Waypoint|VisibilitySensor|useIsOnScreen")



def effect_loads_when_visible(ctx: CheckContext) -> Verdict | bool:
    """An effect / watcher / Svelte `$:` that loads more when a sentinel is visible."""
    index = _index(ctx)
    node = ctx.node
    if node.type == "labeled_statement":  # Svelte `$: if (inView && hasMore) loadMore()`
        scopes = [node.child_by_field_name("body") or node]
        extra: set[str] = set()
        label = "Svelte reactive statement"
    elif node.type == "method_definition":  # componentDidUpdate / updated
        scopes = [_body(node)]
        extra = set()
        label = _t(node.child_by_field_name("name"))
    else:
        name = _callee_name(node)
        if not EFFECT_NAMES.match(name):
            return False
        args = _args(node)
        if not args:
            return False
        label = name
        extra = set()
        fn_args = [a for a in args if a.type in FUNCTION_TYPES]
        if name in ("watch", "useWatch", "whenever", "watchDebounced", "watchThrottled", "reaction") and len(args) >= 2:
            source = args[0]
            if not _visibility_ref(source, set()):
                return False
            cbs = _unwrap_functions(args[1], index)
            if not cbs:
                return False
            evidence = []
            for cb in cbs:
                evidence += _loader_evidence(_body(cb), index)
            ev = _judge_loader(evidence, _has_context([node, *cbs], ctx))
            if ev is None:
                return False
            return _verdict(f"{name} on the sentinel's visibility loads the next page ({ev.what})")
        if not fn_args:
            fn_args = _unwrap_functions(args[0], index)
        if not fn_args:
            return False
        scopes = [_body(fn_args[0])]
    for scope in scopes:
        owner = scope.parent if scope.parent is not None and scope.parent.type in FUNCTION_TYPES else _enclosing_function(scope)
        regions = _guarded_regions(scope, lambda c: _visibility_ref(c, extra), owner)
        for region in regions:
            evidence = _loader_evidence(region, index)
            context = _has_context([scope], ctx)
            ev = _judge_loader(evidence, context)
            if ev is not None:
                return _verdict(f"{label} loads the next page when the end-of-list sentinel becomes visible ({ev.what})")
    return False


OBSERVER_HOOKS = re.compile(
    r"^(useInView|useIntersectionObserver|useIntersection|useInViewport|useOnScreen|useElementVisibility|useVisibility"
    r"|useIsVisible|useIntersectionObserverRef|useObserver|useInViewEffect|useIntersect|useInViewRef|useVisible"
    r"|useIsInViewport|useIsOnScreen|useOnScreenObserver|useViewport|useInfiniteObserver|onIntersect|observeIntersection"
    r"|createIntersectionObserver|createVisibilityObserver|useInViewCallback|useScrollTrigger|inView|useWaypoint)$"
)
CALLBACK_KEYS = re.compile(r"^(onChange|onEnter|onIntersect\w*|onVisible|onInView|callback|handler|onEnterViewport|onShow|onAppear|onReach\w*|onLoad\w*|onTrigger|onEnd\w*)$")


def observer_hook_loads(ctx: CheckContext) -> Verdict | bool:
    """`useIntersectionObserver(target, ([{ isIntersecting }]) => …)`, `useInView({ onChange })`."""
    index = _index(ctx)
    node = ctx.node
    name = _callee_name(node)
    if not OBSERVER_HOOKS.match(name):
        return False
    fns: list[Node] = []
    for a in _args(node):
        if a.type in FUNCTION_TYPES or (a.type == "call_expression" and _callee_name(a) in WRAPPERS):
            fns += _unwrap_functions(a, index)
        elif a.type == "object":
            for pair in a.named_children:
                if pair.type == "pair" and CALLBACK_KEYS.match(_t(pair.child_by_field_name("key"))):
                    fns += _unwrap_functions(pair.child_by_field_name("value"), index)
                elif pair.type == "shorthand_property_identifier" and CALLBACK_KEYS.match(_t(pair)):
                    fns += _unwrap_functions(pair, index)
                elif pair.type == "method_definition" and CALLBACK_KEYS.match(_t(pair.child_by_field_name("name"))):
                    fns.append(pair)
        elif a.type == "identifier" and re.match(r"(?i).*(callback|handler|onIntersect|onChange|intersect|onEnter|loadMore|fetchMore|onVisible)", _t(a)):
            fns += _unwrap_functions(a, index)
    if not fns:
        return False
    evidence = []
    for fn in fns:
        evidence += _loader_evidence(_body(fn), index)
    ev = _judge_loader(evidence, _has_context([node, *fns], ctx))
    if ev is None:
        return False
    return _verdict(f"{name} callback loads the next page when the sentinel becomes visible ({ev.what})")


INFINITE_HOOKS = re.compile(
    r"^(useInfiniteScroll|useInfiniteScrolling|useInfiniteLoader|useInfiniteLoading|useInfiniteList|useBottomScrollListener"
    r"|useScrollPagination|useInfinitePagination|useLoadMoreOnScroll|useFetchMoreOnScroll|useScrollLoadMore|useLoadOnScroll"
    r"|useEndReached|useInfiniteFeed|useScrollToLoad|useInfiniteScrollHook|useReachBottom|onReachBottom|useInfiniteObserver"
    r"|useInfinite|useOnReachBottom|useScrollEnd|useScrollBottom|createInfiniteScroll|infiniteScroll|useLoadMore|vInfiniteScroll)$"
)


def infinite_hook_call(ctx: CheckContext) -> Verdict | bool:
    """A call to an infinite-scroll hook (react-infinite-scroll-hook, VueUse, ahooks, uni-app
    onReachBottom, a project's own useInfiniteScroll imported from another file)."""
    index = _index(ctx)
    node = ctx.node
    name = _callee_name(node)
    if not INFINITE_HOOKS.match(name):
        return False
    func = _callee(node)
    if func is not None and func.type == "member_expression" and name not in ("onReachBottom",):
        obj = _t(func.child_by_field_name("object"))
        if obj not in ("ahooks", "VueUse", "vueuse"):
            return False
    # defined in this very file: its own IntersectionObserver / scroll listener is reported instead
    defs = [d for d in index.lookup(name) if not _contains(d, node)]
    if defs:
        return False
    args = _args(node)
    if name in ("useLoadMore", "useInfinite"):
        # generic names: need a callback that loads and a scroll/visibility target
        if not any(INFINITE_CONTEXT.search(_t(a)) or re.search(r"(?i)target|el\b|ref|distance|threshold", _t(a)) for a in args):
            return False
    if name in ("onReachBottom", "useReachBottom", "useOnReachBottom"):
        fns = []
        for a in args:
            fns += _unwrap_functions(a, index)
        if not fns or not any(
            c.type in ("call_expression", "update_expression", "augmented_assignment_expression") for f in fns for c in _walk(_body(f))
        ):
            return False
        return _verdict(f"{name} loads more content when the page is scrolled to the bottom")
    if name == "useInfiniteScroll" and args:
        # ahooks useInfiniteScroll(service, { target, isNoMore }) without `target` is a manual "load more"
        src = _imported_from(index, name)
        if src == "ahooks" and not re.search(r"\btarget\b", " ".join(_t(a) for a in args[1:])):
            return False
    if not args:
        return False
    return _verdict(f"{name}() loads the next page as the user scrolls near the end of the list")


def _imported_from(index: _Index, name: str) -> str | None:
    for root in index.roots:
        for n in root.named_children:
            if n.type == "import_statement" and re.search(r"\b" + re.escape(name) + r"\b", _t(n)):
                src = n.child_by_field_name("source")
                return (_string_value(src) or "") if src is not None else ""
    return None


def reach_bottom_method(ctx: CheckContext) -> Verdict | bool:
    """uni-app / mini-program page hook `onReachBottom() { this.page++; this.getList() }`."""
    node = ctx.node
    body = _body(node) if node.type in FUNCTION_TYPES else None
    if node.type == "pair":
        fns = _unwrap_functions(node.child_by_field_name("value"), _index(ctx))
        body = _body(fns[0]) if fns else None
    if body is None:
        return False
    if not any(c.type in ("call_expression", "update_expression", "augmented_assignment_expression") for c in _walk(body)):
        return False
    return _verdict("onReachBottom page hook loads more content when the page is scrolled to the bottom")


# ---- scroll listeners


SCROLL_EVENT = re.compile(r"^(scroll|scrollend|wheel|touchmove|window:scroll|document:scroll|scroll\.\w+)$")


def _registration_handler(node: Node, index: _Index) -> tuple[list[Node], str] | None:
    """For a scroll registration node, the handler functions and a label; None if not one."""
    t = node.type
    if t == "call_expression":
        name = _callee_name(node)
        args = _args(node)
        func = _callee(node)
        if name in ("addEventListener", "on", "bind", "one", "addListener", "useEventListener", "useEvent",
                    "useWindowEvent", "useDocumentEvent", "useEventListenerRef", "fromEvent", "listen",
                    "useScroll", "onScroll", "useWindowScroll", "useScrollPosition", "useScrolling"):
            event_arg = None
            handler_args: list[Node] = []
            for i, a in enumerate(args):
                s = _string_value(a)
                if s is not None and event_arg is None:
                    if SCROLL_EVENT.match(s.strip()) or (name in ("on", "bind") and re.search(r"\bscroll\b", s)):
                        event_arg = a
                        handler_args = args[i + 1 :]
                        break
                    return None
            if name in ("useScroll", "onScroll", "useWindowScroll", "useScrollPosition", "useScrolling"):
                handler_args = [a for a in args if a.type in FUNCTION_TYPES or a.type == "object"]
                if not handler_args:
                    return None
                fns = []
                for a in handler_args:
                    if a.type == "object":
                        for p in a.named_children:
                            if p.type == "pair" and re.match(r"^on(Scroll|Stop)\w*$", _t(p.child_by_field_name("key"))):
                                fns += _unwrap_functions(p.child_by_field_name("value"), index)
                    else:
                        fns += _unwrap_functions(a, index)
                return (fns, f"{name} callback") if fns else None
            if event_arg is None:
                return None
            if name == "fromEvent":
                stmt = node
                for a in _ancestors(node):
                    if a.type in ("expression_statement", "lexical_declaration", "variable_declaration",
                                  "return_statement", "assignment_expression"):
                        stmt = a
                        break
                    if a.type in FUNCTION_TYPES:
                        break
                return [stmt], "fromEvent(…, 'scroll') stream"
            fns = []
            for a in handler_args:
                fns += _unwrap_functions(a, index)
                if fns:
                    break
            target = _t(func.child_by_field_name("object")) if func is not None and func.type == "member_expression" else ""
            label = f"{target}.{name}('scroll')" if target else f"{name}('scroll')"
            return fns, label
        if name == "scroll" and func is not None and func.type == "member_expression" and args:
            obj = func.child_by_field_name("object")
            if obj is not None and obj.type == "call_expression" and _callee_name(obj) in ("$", "jQuery"):
                return _unwrap_functions(args[0], index), f"{_t(obj)}.scroll()"
        return None
    if t == "assignment_expression":
        left = node.child_by_field_name("left")
        if left is not None and left.type == "member_expression" and _t(left.child_by_field_name("property")) == "onscroll":
            return _unwrap_functions(node.child_by_field_name("right"), index), f"{_t(left)} handler"
        return None
    if t == "decorator":
        call = next((c for c in node.named_children if c.type == "call_expression"), None)
        if call is None or _callee_name(call) != "HostListener":
            return None
        args = _args(call)
        s = _string_value(args[0]) if args else None
        if s is None or not SCROLL_EVENT.match(s):
            return None
        method = node.next_named_sibling
        while method is not None and method.type == "decorator":
            method = method.next_named_sibling
        if method is None or method.type != "method_definition":
            # TS: decorators may be children of the method node itself
            parent = node.parent
            if parent is not None and parent.type == "method_definition":
                method = parent
            else:
                return None
        return [method], f"@HostListener('{s}')"
    return None


def scroll_listener_loads(ctx: CheckContext) -> Verdict | bool:
    """addEventListener('scroll') / onscroll / $(window).scroll / @HostListener('window:scroll') /
    fromEvent(window, 'scroll') handlers that load more when scrolled near the bottom."""
    index = _index(ctx)
    reg = _registration_handler(ctx.node, index)
    if reg is None:
        return False
    fns, label = reg
    if not fns:
        return False
    if label.startswith("fromEvent"):
        stmt = fns[0]
        if _contains_near_bottom(stmt, index):
            ev = _judge_loader(_loader_evidence(stmt, index), True, True, True)
            if ev is not None:
                return _verdict(f"{label} loads the next page when the user scrolls near the bottom ({ev.what})")
        return False
    # only the registration, not the matching removeEventListener / off
    ev = _scroll_handler_loads(fns, index, ctx)
    if ev is None:
        return False
    return _verdict(f"scroll listener ({label}) loads the next page when the user scrolls near the bottom ({ev.what})")


def _registered_handler_ids(index: _Index, root: Node) -> set[int]:
    """ids of functions reachable from a scroll registration in this tree or the template."""
    ids: set[int] = set()
    regs: list[Node] = []
    for n in _walk(root):
        if n.type in ("call_expression", "assignment_expression", "decorator"):
            reg = _registration_handler(n, index)
            if reg:
                regs += reg[0]
        elif n.type == "jsx_attribute":
            name = _t(n.named_children[0]) if n.named_children else ""
            if name in JSX_SCROLL_ATTRS or name in JSX_HANDLER_ATTRS:
                val = _jsx_attr_value(n)
                if val is not None:
                    regs += _unwrap_functions(val, index)
    if index.template_text:
        for m in re.finditer(
            r"(?:@|v-on:|on:|\(|\bon)(?:scroll|scroll\.\w+|window:scroll|scrolled)\)?(?:\.[\w.]+)?\s*=\s*[\"'{]\s*(?:\(?\s*\)?\s*=>\s*)?(?:this\.)?([A-Za-z_$][\w$]*)",
            index.template_text,
        ):
            regs += index.lookup(m.group(1))
    frontier = list(regs)
    depth = 0
    while frontier and depth < 3:
        nxt = []
        for f in frontier:
            if f.id in ids:
                continue
            ids.add(f.id)
            for c in _walk(f):
                if c.type == "call_expression":
                    nm = _callee_name(c)
                    if nm and not NOT_A_LOADER.match(nm):
                        nxt += [g for g in index.lookup(nm) if g.id not in ids]
        frontier = nxt
        depth += 1
    return ids


def scroll_function_loads(ctx: CheckContext) -> Verdict | bool:
    """A function (not registered as a scroll listener in this file) that loads more when the
    scroll position is near the bottom: a reusable handler / hook / util."""
    index = _index(ctx)
    fn = ctx.node
    body = _body(fn)
    # innermost: the function itself must hold the near-bottom comparison
    comps = [
        n for n in _walk(body)
        if n.type in ("binary_expression", "call_expression") and _enclosing_function(n) == fn
        and (_is_near_bottom_comparison(n, index) if n.type == "binary_expression" else _is_near_bottom_call(n))
    ]
    if not comps:
        return False
    # registered as a handler somewhere in this tree or template (itself or an enclosing
    # function, e.g. the requestAnimationFrame callback inside `onScroll`): reported there
    registered = _registered_handler_ids(index, ctx.root)
    if fn.id in registered or any(a.id in registered for a in _ancestors(fn) if a.type in FUNCTION_TYPES):
        return False
    # inline callback of a registration call
    parent = fn.parent
    if parent is not None and parent.type == "arguments":
        call = parent.parent
        if call is not None and _registration_handler(call, index) is not None:
            return False
    if parent is not None and parent.type in ("jsx_expression",):
        return False
    ev = _scroll_handler_loads([fn], index, ctx)
    if ev is None:
        return False
    name = ""
    if fn.type in ("function_declaration", "method_definition"):
        name = _t(fn.child_by_field_name("name"))
    elif parent is not None and parent.type == "variable_declarator":
        name = _t(parent.child_by_field_name("name"))
    what = f"{name}()" if name else "function"
    return _verdict(f"scroll handler {what} loads the next page when the user scrolls near the bottom ({ev.what})")


# ---- JSX


JSX_SCROLL_ATTRS = {"onScroll", "onScrollCapture", "onMomentumScrollEnd", "onScrollEndDrag", "onWheel", "onScrollEnd"}
JSX_HANDLER_ATTRS = {"onChange", "onEnter", "onItemsRendered", "rangeChanged", "onRangeChanged", "onViewableItemsChanged",
                     "onVisibilityChange", "onIntersect", "onInView", "onVisible", "onEnterViewport", "onReachBottom",
                     "onReachEnd", "onRowsScrollEnd", "onBottom", "onScrollToBottom", "onScrollBottom", "onEndReach",
                     "onScrolledToBottom", "onScrollEnd"}
END_ATTRS = {"onEndReached", "endReached", "onRowsScrollEnd", "onReachEnd", "onEndReach", "onScrolledToBottom",
             "onScrollToBottom", "onReachBottom", "onLoadMoreAsync", "onLoadMoreItems", "loadMoreItems",
             "onScrolledToEnd", "onReachedEnd", "onReachedBottom", "onBottomReached", "onMenuScrollToBottom",
             "onScrollEndReached", "onListEndReached", "onEndOfList"}
INFINITE_TAG = re.compile(
    r"(^|\.)(Ion)?Infinite(Scroll(er|ing|View|List|Container|Wrapper|Trigger|Sentinel|Component|Area|Loader)?"
    r"|Load(er|ing)|List|Grid|Feed|Table|Masonry|Pagination|Pager|Query(Loader|Trigger)|Sentinel|Trigger)$"
    r"|(^|\.)(LoadMore|FetchMore|NextPage)(Sentinel|Trigger|Observer|Detector|Inspector|OnScroll|InView|Watcher|Waypoint)$"
    r"|(^|\.)(BottomScrollListener|ScrollPagination|InfiniteScrollTrigger|ScrollLoader|OnBottom|EndlessScroll\w*)$"
)
VIEW_TAG = re.compile(r"(^|\.)(InView|Waypoint|VisibilitySensor|Observer|IntersectionObserver|InViewport|Intersection|ViewportBlock|TrackVisibility|Visible|OnScreen|InViewWatcher|LazyLoad)$")
LOADERISH_PROP = re.compile(r"(?i)next|more|load|fetch|infinite|page|reach|onIon|dataLength|isItemLoaded|itemCount")


def _jsx_attrs(opening: Node) -> list[tuple[str, Node]]:
    out = []
    for c in opening.named_children:
        if c.type == "jsx_attribute" and c.named_children:
            out.append((_t(c.named_children[0]), c))
    return out


def _jsx_attr_value(attr: Node) -> Node | None:
    kids = attr.named_children
    if len(kids) < 2:
        return None
    val = kids[-1]
    if val.type == "jsx_expression":
        inner = [c for c in val.named_children if c.type != "comment"]
        return inner[0] if inner else None
    return val


def _trivial_handler(val: Node | None) -> bool:
    if val is None:
        return True
    txt = _t(val).strip()
    if txt in ("null", "undefined", "noop", "false", "() => {}", "() => null", "() => undefined", "_.noop", "() => void 0"):
        return True
    if val.type in FUNCTION_TYPES:
        body = _body(val)
        calls = [c for c in _walk(body) if c.type == "call_expression" and _callee_name(c) not in ("log", "warn", "info", "debug")]
        updates = [c for c in _walk(body) if c.type in ("update_expression", "augmented_assignment_expression", "assignment_expression")]
        if not calls and not updates:
            return True
    return False


def _props_member(node: Node) -> str:
    """`props.X` / `this.props.X` -> X, else ''."""
    if node.type != "member_expression":
        return ""
    obj = node.child_by_field_name("object")
    if obj is not None and _t(obj) in ("props", "this.props"):
        return _t(node.child_by_field_name("property"))
    return ""


def _is_own_prop(name: str, at: Node) -> bool:
    """Whether `name` is a prop of the component `at` sits in: a parameter of an enclosing
    function (`({ items, onEndReached }) =>`) or destructured from `props` in its body."""
    for fn in (a for a in _ancestors(at) if a.type in FUNCTION_TYPES):
        params = fn.child_by_field_name("parameters") or fn.child_by_field_name("parameter")
        if params is not None and any(
            n.type in ("shorthand_property_identifier_pattern", "identifier") and _t(n) == name for n in _walk(params)
        ):
            return True
        for decl in _walk(_body(fn)):
            if decl.type == "variable_declarator":
                pattern, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                if pattern is not None and pattern.type == "object_pattern" and value is not None and _t(value) in ("props", "this.props") and any(
                    n.type == "shorthand_property_identifier_pattern" and _t(n) == name for n in _walk(pattern)
                ):
                    return True
    return False


def _passed_on_end_prop(val: Node | None, at: Node) -> str:
    """The component's own end-reached prop (`onEndReached`, named as the list attributes are)
    when `val` only hands it on: `onEndReached={onEndReached}`, `={props.onEndReached}`,
    `={() => props.onEndReached?.()}`. The app's screen that passes the real loader to this
    component is reported there, under the same attribute, so this layer is not."""
    if val is None:
        return ""
    if val.type in FUNCTION_TYPES:
        body = _body(val)
        stmts = [c for c in body.named_children if c.type != "comment"] if body.type == "statement_block" else [body]
        if len(stmts) != 1:
            return ""
        expr = stmts[0].named_children[0] if stmts[0].type == "expression_statement" and stmts[0].named_children else stmts[0]
        if expr.type != "call_expression":
            return ""
        val = _callee(expr)
        if val is None:
            return ""
    name = _props_member(val) or (_t(val) if val.type == "identifier" and _is_own_prop(_t(val), at) else "")
    return name if name in END_ATTRS else ""


def jsx_element(ctx: CheckContext) -> Verdict | bool:
    """JSX: infinite-scroll components, lists with end-reached callbacks, InView / Waypoint
    sentinels and onScroll handlers that load more near the bottom."""
    index = _index(ctx)
    node = ctx.node
    name_node = node.child_by_field_name("name")
    tag = _t(name_node)
    attrs = _jsx_attrs(node)
    names = {n for n, _ in attrs}
    # 1. infinite-scroll components
    if INFINITE_TAG.search(tag) and not re.search(r"(Content|Spinner|Indicator|Skeleton|Status|Footer|Message|Placeholder|Provider|Context)$", tag):
        if any(LOADERISH_PROP.search(n) and n not in ("loader", "loadingText", "loadingSpinner") for n in names):
            if any(n in ("disabled",) and _t(_jsx_attr_value(a)) == "true" for n, a in attrs):
                return False
            return _verdict(f"<{tag}> loads the next page automatically when the user scrolls to the end of the list")
    # 2. end-reached callbacks: FlatList onEndReached, Virtuoso endReached, DataGrid onRowsScrollEnd
    for n, a in attrs:
        if n in END_ATTRS:
            val = _jsx_attr_value(a)
            if _trivial_handler(val) or _passed_on_end_prop(val, node):
                continue
            return _verdict(f"<{tag} {n}> loads more items when the list is scrolled near its end")
    # 3. visibility sentinels: <InView onChange>, <Waypoint onEnter>, onItemsRendered
    for n, a in attrs:
        if n in JSX_HANDLER_ATTRS and (VIEW_TAG.search(tag) or n not in ("onChange", "onEnter", "onVisible")):
            val = _jsx_attr_value(a)
            fns = _unwrap_functions(val, index) if val is not None else []
            if not fns:
                # `onEnter={page.fetchNext}` / `onChange={inView => inView && fetchNextPage()}`
                if val is not None and val.type not in FUNCTION_TYPES:
                    for x in _walk(val):
                        if x.type in ("identifier", "property_identifier"):
                            nm = _t(x)
                            if (STRONG_LOADER.match(nm) and not NOT_A_LOADER.match(nm)) or (
                                VIEW_TAG.search(tag) and re.match(r"^(next|loadNext|fetchNext|more|onNext|goNext)$", nm)
                            ):
                                return _verdict(f"<{tag} {n}> loads the next page when it scrolls into view ({nm})")
                continue
            evidence = []
            for fn in fns:
                evidence += _loader_evidence(_body(fn), index)
            context = _has_context([node, *fns], ctx)
            ev = _judge_loader(evidence, context)
            if ev is not None:
                if n in ("onItemsRendered", "rangeChanged", "onRangeChanged", "onViewableItemsChanged"):
                    return _verdict(f"<{tag} {n}> loads the next page when the last items are rendered ({ev.what})")
                return _verdict(f"<{tag} {n}> loads the next page when it scrolls into view ({ev.what})")
    # 4. onScroll near the bottom
    for n, a in attrs:
        if n in JSX_SCROLL_ATTRS:
            val = _jsx_attr_value(a)
            fns = _unwrap_functions(val, index) if val is not None else []
            if not fns:
                continue
            ev = _scroll_handler_loads(fns, index, ctx)
            if ev is not None:
                called = ev.what.split("(")[0]
                if called in END_ATTRS and (_is_own_prop(called, node) or f"props.{called}" in _t(val)):
                    continue  # hands the bottom on to the parent's onEndReached (reported there)
                return _verdict(f"<{tag} {n}> handler loads the next page when scrolled near the bottom ({ev.what})")
    return False


# ---- templates (HTML / Vue / Svelte / Angular)

TEMPLATE_INFINITE_ATTR = re.compile(
    r"(?i)^(v-infinite-scroll|infinite-scroll|infinitescroll|data-infinite-scroll|v-el-table-infinite-scroll"
    r"|v-infinite-loading|v-infinite|v-load-more|v-loadmore|v-scroll-load|v-scroll-bottom|v-bottom-load"
    r"|\(ioninfinite\)|@ioninfinite|@ion-infinite|v-on:ioninfinite|on-infinite|ng-infinite-scroll"
    r"|@infinite|v-on:infinite|:on-infinite|on:infinite|oninfinite|@scrolltolower|bindscrolltolower"
    r"|v-on:scrolltolower|@end-reached|@endreached|v-on:end-reached|@reach-bottom|@on-reach-bottom|:on-reach-bottom"
    r"|@reachbottom|@reach-end|@end-reach"
    r"|(@|v-on:|on:)(scrolled-?to-?(the-?)?(end|bottom)|reached-?(the-?)?(end|bottom)|bottom-?reached|end-?reached"
    r"|reach-?(the-?)?(end|bottom)|fetch-?more|next-?page|infinite-?load\w*))$"
)
TEMPLATE_END_EVENT = re.compile(
    r"(?i)^(@|v-on:|on:)(scrolled-?to-?(the-?)?(end|bottom)|reached-?(the-?)?(end|bottom)|bottom-?reached|end-?reached"
    r"|reach-?(the-?)?(end|bottom)|fetch-?more|next-?page|infinite-?load\w*|reach-?bottom|reach-?end|end-?reach)$"
)
TEMPLATE_INFINITE_TAG = re.compile(
    r"(?i)^(ion-infinite-scroll|infinite-scroll|infinite-loading|infiniteloading|infinitescroll|v-infinite-scroll"
    r"|q-infinite-scroll|n-infinite-scroll|nut-infinite-loading|nut-infiniteloading|van-list|vanlist|mt-loadmore"
    r"|el-infinite-scroll|a-infinite-scroll|t-infinite-scroll|var-list|infinite-list|infinitelist|v3-infinite-loading"
    r"|svelte-infinite-scroll|infinite-scroller|InfiniteScroller|virtual-infinite-scroll|uni-load-more-trigger)$"
)
TEMPLATE_VIEW_ATTR = re.compile(
    r"(?i)^(v-intersect(\.\w+)*|v-observe-visibility|v-element-visibility|v-intersection-observer|v-in-viewport"
    r"|v-view|v-visible|v-inview|v-waypoint|v-lazy-load-more|@intersect|v-on:intersect|@visible|@inview|@enter"
    r"|@appear|@is-visible|@change-visibility|on:intersect|on:inview_enter|oninview_enter|on:enter|on:inview"
    r"|on:viewportenter|on:enterviewport|on:visible|on:intersecting|(\()(intersect|inview|visible|appear|enter"
    r"|isIntersecting|intersection|scrolledIntoView|visibilityChange)(\))|@intersecting|@visibility-change"
    r"|on:intersected|@intersected|on:reachedend|on:endreached)$"
)
TEMPLATE_SCROLL_ATTR = re.compile(r"(?i)^(@scroll(\.\w+)*|v-on:scroll(\.\w+)*|on:scroll|onscroll|\(scroll\)|\(window:scroll\)|v-scroll(\.\w+)*|@wheel|on:wheel)$")




def _template_handler_fns(value: str, index: _Index) -> tuple[list[Node], Node | None]:
    """Functions a template handler expression stands for (`load`, `onScroll($event)`,
    `{handleScroll}`, `{() => loadMore()}`), plus the parsed expression itself."""
    expr = value.strip()
    if expr.startswith("{") and expr.endswith("}"):
        expr = expr[1:-1].strip()
    expr = re.sub(r"^\[\s*", "", expr)  # v-intersection-observer="[onIntersect, opts]"
    if not expr:
        return [], None
    root = _parse_snippet(expr)
    stmt = root.named_children[0] if root.named_children else None
    node = stmt.named_children[0] if stmt is not None and stmt.named_children else stmt
    if node is None:
        return [], None
    if node.type == "sequence_expression":
        node = node.named_children[0]
    if node.type == "array" and node.named_children:
        node = node.named_children[0]
    fns: list[Node] = []
    if node.type in ("identifier", "member_expression"):
        fns = _unwrap_functions(node, index)
    elif node.type == "call_expression":
        func = _callee(node)
        if func is not None:
            fns = _unwrap_functions(func, index)
        if not fns:
            return [], node
    elif node.type in FUNCTION_TYPES:
        fns = [node]
    return fns, node


def template_element(ctx: CheckContext) -> Verdict | bool:
    """Templates: infinite-scroll directives and components, visibility directives and scroll
    handlers that load more near the bottom."""
    index = _index(ctx)
    node = ctx.node  # start_tag / self_closing_tag
    tag_node = next((c for c in node.named_children if c.type == "tag_name"), None)
    tag = _t(tag_node)
    attrs = _html_attrs(node, ctx.data)
    names = [n for n, _, _ in attrs]
    # directives / events that are infinite scroll by definition
    for n, v, _ in attrs:
        if TEMPLATE_INFINITE_ATTR.match(n):
            if n.lower() in ("infinite-scroll", "infinitescroll", "data-infinite-scroll") and not v and not any(
                re.match(r"(?i)^(\(scrolled\)|\(onInfiniteScroll\)|\(scrolledUp\)|infinite-scroll-disabled|infinite-scroll-distance)$", x)
                for x in names
            ):
                # a bare Angular `infiniteScroll` does nothing without its `(scrolled)` output
                continue
            if TEMPLATE_END_EVENT.match(n) and (not v.strip() or re.match(r"^\s*\$?emit\s*\(", v)):
                continue  # re-emitting the event to a parent: the parent's listener is reported
            return _verdict(f"<{tag} {n}> loads more content automatically when the user scrolls to the end")
    if TEMPLATE_INFINITE_TAG.match(tag) or (
        re.search(r"(?i)infinite", tag) and not re.search(r"(?i)(content|spinner|indicator|skeleton|status|footer|message|carousel|marquee|slider|loop)$", tag)
    ):
        if tag.lower() in ("van-list", "vanlist", "var-list") and not any(re.match(r"(?i)^(@load|v-on:load)$", x) for x in names):
            return False
        return _verdict(f"<{tag}> loads more content automatically when the user scrolls to the end")
    if re.match(r"(?i)^(RecycleScroller|DynamicScroller|recycle-scroller|dynamic-scroller|virtual-list|VirtualList|el-scrollbar|u-list|up-list|scroll-view)$", tag):
        for n, v, _ in attrs:
            if re.match(r"(?i)^(@scroll-end|@scrollend|@tobottom|@to-bottom|v-on:tobottom|@end-reached|@scrolltolower)$", n):
                return _verdict(f"<{tag} {n}> loads more content when the list is scrolled to the end")
    # visibility directives (`v-intersect="onIntersect"`, `@intersect`, Svelte `on:inview_enter`)
    for n, v, _ in attrs:
        if TEMPLATE_VIEW_ATTR.match(n):
            fns, expr = _template_handler_fns(v, index)
            evidence = []
            for fn in fns:
                evidence += _loader_evidence(_body(fn), index)
            if expr is not None and not fns:
                evidence += _loader_evidence(expr, index)
            ev = _judge_loader(evidence, _has_context([*fns], ctx, extra=v))
            if ev is not None:
                return _verdict(f"<{tag} {n}> loads the next page when the sentinel scrolls into view ({ev.what})")
    # scroll handlers
    for n, v, _ in attrs:
        if TEMPLATE_SCROLL_ATTR.match(n):
            fns, expr = _template_handler_fns(v, index)
            if not fns and expr is not None:
                fns = [expr]
            ev = _scroll_handler_loads(fns, index, ctx) if fns else None
            if ev is not None:
                return _verdict(f"<{tag} {n}> handler loads the next page when scrolled near the bottom ({ev.what})")
    return False


# --------------------------------------------------------------------------------------------
# mitigations

PAGE_ISH = (
    r"(page|pages|pages\??\.length|pageCount|page_count|pageParams\??\.length|loadCount|load_count|autoLoads?|autoLoadCount"
    r"|autoLoaded\w*|fetchCount|batchCount|pageIndex|pageNum|pageNo|currentPage|loadedPages|pagesLoaded|timesLoaded)"
)
CAP_NAME = r"(MAX_\w+|[mM]ax[A-Z_]\w*|\w*(Limit|LIMIT|Cap|CAP))"
PAGE_CAP_COMPARISON = re.compile(
    r"\b" + PAGE_ISH + r"\s*(<|<=)\s*(" + CAP_NAME + r"|[2-9]\b|[1-9]\d+\b)"
    r"|\b" + PAGE_ISH + r"\s*(>=|>|===)\s*" + CAP_NAME + r"\b"
    r"|\b" + CAP_NAME + r"\s*(>|>=)\s*(this\.)?\w*" + PAGE_ISH + r"\b"
)


END_MARKER = re.compile(
    r"(?i)all\s+caught\s+up|you(['’]ve|\s+have)\s+(seen|reached|read|viewed)\s+(it\s+all|everything|the\s+end|all)"
    r"|end\s+of\s+(the\s+)?(feed|list|results|timeline|posts)|no\s+more\s+(posts|items|results|content|entries|stories|data)"
    r"|nothing\s+more\s+to\s+(load|show|see)|that['’]s\s+all|没有更多|已经到底|到底了|noMoreText|finished-text|endMessage"
)
USER_SETTING = re.compile(
    r"(?i)disable\w*auto_?(load|scroll)\w*|auto_?load(ing)?_?(enabled|setting|pref\w*|option)"
    r"|infinite_?scroll_?(enabled|setting|pref\w*|option)|enable_?infinite_?scroll|use_?infinite_?scroll_?setting"
)


def _finding_scope_text(ctx: CheckContext) -> str:
    """Text of the finding plus the handler functions it names (same file)."""
    node = ctx.node
    parts = [_t(node)]
    index = _index(ctx)
    for n in _walk(node):
        if n.type in ("identifier", "property_identifier") and n.parent is not None and n.parent.type != "jsx_attribute":
            for fn in index.lookup(_t(n))[:2]:
                parts.append(_t(fn)[:4000])
    if ctx.language == "html":
        for m in re.finditer(r"=\s*[\"{]\s*(?:this\.)?([A-Za-z_$][\w$]*)", _t(node)):
            for fn in index.lookup(m.group(1))[:2]:
                parts.append(_t(fn)[:4000])
    fn = _enclosing_function(node)
    if fn is not None:
        parts.append(_t(fn)[:6000])
    return "\n".join(parts)


def page_cap(ctx: CheckContext) -> bool:
    """The trigger stops after a fixed number of pages (maxPages, page < MAX_PAGES)."""
    txt = _finding_scope_text(ctx)
    for m in PAGE_CAP_COMPARISON.finditer(txt):
        cap = m.group(0)
        if re.search(r"(?i)total|count\b|length\b", cap.split("<")[-1].split(">")[-1]):
            continue  # `page < totalPages` is the end of the data, not a cap
        return True
    return False


def end_marker(ctx: CheckContext) -> bool:
    """The feed shows an explicit end-of-feed marker (endMessage, "You're all caught up") in the
    same component: the outermost function around the finding, or the whole template file."""
    node = ctx.node
    if ctx.language == "html" or str(ctx.path).lower().endswith((".vue", ".svelte")):
        return bool(END_MARKER.search(ctx.data.decode("utf-8", "replace")))
    outer = None
    for a in _ancestors(node):
        if a.type in FUNCTION_TYPES or a.type in ("class_declaration", "class"):
            outer = a
    scope = outer if outer is not None else node
    return bool(END_MARKER.search(_t(scope)))


def user_setting(ctx: CheckContext) -> bool:
    """A user preference can turn automatic loading off."""
    return bool(USER_SETTING.search(ctx.data.decode("utf-8", "replace")))


def infinite_module_call(ctx: CheckContext) -> Verdict | bool:
    """`infinitescroll.init(loadMoreTopics)`: a project's own infinite-scroll module wired to a loader."""
    node = ctx.node
    func = _callee(node)
    if func is None or func.type != "member_expression":
        return False
    if _callee_name(node) not in ("init", "setup", "start", "attach", "enable", "bind", "observe", "register", "create", "listen"):
        return False
    args = _args(node)
    if not any(a.type in FUNCTION_TYPES or a.type in ("identifier", "member_expression") for a in args):
        return False
    obj = _t(func.child_by_field_name("object"))
    return _verdict(f"{obj}.{_callee_name(node)}() wires a loader to the infinite-scroll module")
