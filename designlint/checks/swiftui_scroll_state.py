"""SwiftUI state that moves as the person scrolls, for the infinite-scroll checks.

Three kinds of `@State` change while a list or pager scrolls, with no tap:

* the selection of a paged `TabView(selection: $current)` (`.tabViewStyle(.page)`);
* a `.scrollPosition(id: $visible)` binding;
* an index a list row records in its `.onAppear` / `.onDisappear` / `.task`
  (`lastSeen = posts.firstIndex(where: { $0.id == post.id })`).

An `.onChange(of: state) { _, new in ... }` of such state runs as the list scrolls: inside it, the
state and the closure's parameters hold the row the person has reached. So does the parameter of a
function that such a closure hands the new value to (`fetchPage(after: new)`, in the same file or,
through the project index, in a view model of another file). A tab bar's selection (a `TabView`
without the page style) and a filter picked from a menu are not scroll state.
"""

from __future__ import annotations

import re
from tree_sitter import Node

from designlint import project_index
from designlint.checks.polyglot import argument_label, argument_nodes, as_call, function_name
from designlint.checks.util import ancestors, text, walk

ROW_CALLBACKS = frozenset({"onAppear", "onDisappear", "task"})
ROW_CONTAINERS = re.compile(r"^(List|ForEach|LazyVStack|LazyHStack|LazyVGrid|LazyHGrid)$")
# what a row records: its index (`items.firstIndex(of: item)`, the `index` of an enumerated ForEach) or its id
ROW_INDEX_VALUE = re.compile(r"\b(firstIndex|lastIndex|index)\s*\(|^\s*([\w$]+\.)?(index|idx|i|offset|position|row|id)\s*$")
PAGE_STYLE = re.compile(r"\.page\b|\.verticalPage\b|PageTabViewStyle")
CHAIN_TYPES = frozenset({"navigation_expression", "call_expression"})
STOP_TYPES = frozenset({"function_declaration", "init_declaration", "class_declaration", "protocol_declaration"})


def _key(expression: str) -> str:
    """The state a binding, an assignment target or an `of:` value names: `$lastSeen`, `self.lastSeen`,
    `lastSeen ?? 0` and `lastSeen!` are all `lastSeen`."""
    expression = expression.split("??", 1)[0].strip().lstrip("$").removeprefix("self.")
    return expression.rstrip("!? ").strip()


def _labelled(call_node: Node) -> dict[str, Node]:
    """A call's arguments by label (`selection:`, `id:`, `of:`); the value node of each."""
    call = as_call(call_node)
    out: dict[str, Node] = {}
    for arg in argument_nodes(call) if call is not None else ():
        label, value = argument_label(arg)
        if label is not None:
            out.setdefault(label, value)
    return out


def _modifier_chain(node: Node) -> list[str]:
    """The modifiers applied to a view expression, each as its name and arguments (`tabViewStyle(.page)`)."""
    names = []
    current = node
    while current.parent is not None and current.parent.type in CHAIN_TYPES:
        current = current.parent
        if current.type == "call_expression":
            call = as_call(current)
            if call is not None:
                names.append(f"{call.name}{text(call.arguments)[:80]}")
    return names


def _name(node: Node) -> str:
    call = as_call(node) if node.type == "call_expression" else None
    return call.name if call is not None else ""


def _in_row(node: Node) -> bool:
    return any(ROW_CONTAINERS.match(_name(a)) for a in ancestors(node))


def _states(root: Node) -> dict[str, str]:
    """The scroll-driven state of one file: its name and how it moves."""
    found: dict[str, str] = {}
    for node in walk(root):
        if node.type != "call_expression":
            continue
        name = _name(node)
        if name == "TabView" and any(m.startswith("tabViewStyle") and PAGE_STYLE.search(m) for m in _modifier_chain(node)):
            value = _labelled(node).get("selection")
            if value is not None and text(value).startswith("$"):
                found.setdefault(_key(text(value)), "the pager's selection")
        elif name == "scrollPosition":
            value = _labelled(node).get("id")
            if value is not None and text(value).startswith("$"):
                found.setdefault(_key(text(value)), "the scroll position")
        elif name in ROW_CALLBACKS and _in_row(node):
            for assignment in walk(node):
                if assignment.type != "assignment" or assignment.named_child_count < 2:
                    continue
                target, value = assignment.named_children[0], assignment.named_children[-1]
                if ROW_INDEX_VALUE.search(text(value)):
                    found.setdefault(_key(text(target)), f"the index a row records in .{name}")
    return found


def _file_states(path: str, root: Node) -> dict[str, str]:
    cache = project_index.side_cache("swiftui-scroll-state")
    key = (path, root.start_byte, root.end_byte)
    if key not in cache:
        cache[key] = _states(root)
    return cache[key]


def _change_closure(node: Node) -> tuple[Node, str, frozenset[str]] | None:
    """The `.onChange(of: x) { old, new in ... }` closure around a node: (the onChange call, the state key
    of its `of:` value, the closure's parameters)."""
    for a in ancestors(node):
        if a.type in STOP_TYPES:
            return None
        if a.type != "lambda_literal":
            continue
        call_node = next((h for h in ancestors(a) if h.type == "call_expression"), None)
        if call_node is None or _name(call_node) != "onChange" or not _closure_of(call_node, a):
            continue
        of = _labelled(call_node).get("of")
        if of is None:
            return None
        params = frozenset(text(p) for p in walk(a) if p.type == "lambda_parameter" and text(p) != "_" and _owner_lambda(p) == a)
        return call_node, _key(text(of)), params
    return None


def _closure_of(call_node: Node, closure: Node) -> bool:
    """The closure is the call's action: its trailing closure, or `perform:` (`.onChange(of: x, perform: { … })`)."""
    suffix = next((c for c in call_node.children if c.type == "call_suffix"), None)
    if suffix is None:
        return False
    return closure.parent == suffix or closure == _labelled(call_node).get("perform")


def _owner_lambda(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type == "lambda_literal"), None)


def _in_scroll_change(path: str, root: Node, node: Node) -> tuple[frozenset[str], str, Node] | None:
    """The names holding the reached row inside an `.onChange` of scroll-driven state, what moves that
    state, and the onChange call."""
    found = _change_closure(node)
    if found is None:
        return None
    call_node, state, params = found
    how = _file_states(path, root).get(state)
    if how is None:
        return None
    return params | {state}, f"{how} ({state}) changes", call_node


def _parameters(fn: Node) -> list[tuple[str, str]]:
    """A Swift function's parameters as (label, name); label "_" for an unlabelled one."""
    out = []
    for p in fn.named_children:
        if p.type != "parameter":
            continue
        names = [text(c) for c in p.named_children if c.type == "simple_identifier"]
        if names:
            out.append((names[0], names[-1]))
    return out


def _argument_for(call_node: Node, label: str, position: int) -> str:
    call = as_call(call_node)
    args = argument_nodes(call) if call is not None else []
    if label != "_":
        return text(_labelled(call_node).get(label))
    plain = [a for a in args if argument_label(a)[0] is None]
    return text(plain[position]) if position < len(plain) else ""


def _call_at(root: Node, byte: int, name: str) -> Node | None:
    node = root.descendant_for_byte_range(byte, byte + len(name))
    for a in [node, *ancestors(node)] if node is not None else []:
        if a.type == "call_expression":
            call = as_call(a)
            return a if call is not None and call.name == name else None
    return None


def scroll_position(ctx, branch: Node, condition: str) -> tuple[frozenset[str], str] | None:
    """Swift: the names in `condition` (a branch's condition) that hold the row the person has scrolled to,
    and what says so; None when nothing there moves with scrolling."""
    memo = ctx.memo.setdefault("swiftui_scroll_state.positions", {})
    key = (branch.start_byte, condition)
    if key not in memo:
        memo[key] = _scroll_position(ctx, branch, condition)
    return memo[key]


def _scroll_position(ctx, branch: Node, condition: str) -> tuple[frozenset[str], str] | None:
    here = str(ctx.path.resolve())
    inside = _in_scroll_change(here, ctx.root, branch)
    if inside is not None:
        return inside[0], inside[1]
    fn = next((a for a in ancestors(branch) if a.type in STOP_TYPES), None)
    if fn is None or fn.type != "function_declaration":
        return None
    name = function_name(fn)
    params = [(i, label, p) for i, (label, p) in enumerate(_parameters(fn)) if re.search(rf"(?<![\w.]){re.escape(p)}\b", condition)]
    if not name or not params or project_index.too_common(name):
        return None
    sites: list[tuple[str, str, Node, Node]] = [
        (here, "line ", ctx.root, n) for n in walk(ctx.root) if _name(n) == name and not (fn.start_byte <= n.start_byte < fn.end_byte)]
    index = project_index.for_context(ctx)
    for site in index.calls(name)[:12]:
        if site.path == here or site.role != "call":
            continue
        source = index.source(site.path)
        root = source.regions[0].root if source is not None and source.regions else None
        call_node = _call_at(root, site.byte, name) if root is not None else None
        if call_node is not None:
            sites.append((site.path, f"{site.shown}:", root, call_node))
    fed: dict[str, dict[str, list[str]]] = {}  # parameter -> how its value moves -> where
    for path, shown, root, call_node in sites:
        change = _in_scroll_change(path, root, call_node)
        if change is None:
            continue
        names, how, on_change = change
        for position, label, param in params:
            if _key(_argument_for(call_node, label, position)) in names:
                fed.setdefault(param, {}).setdefault(how, []).append(f"{shown}{_modifier_line(on_change)}")
    if not fed:
        return None
    hows = next(iter(fed.values()))
    said = "; ".join(f"{how} at {' and '.join(dict.fromkeys(wheres))}" for how, wheres in hows.items())
    return frozenset(fed), f"{said}, which hands it to {name}()"


def _modifier_line(call_node: Node) -> int:
    """The line of a modifier's name (`.onChange`), not of the view expression it is chained on."""
    target = call_node.named_children[0] if call_node.named_child_count else call_node
    suffix = target.named_children[-1] if target.type == "navigation_expression" and target.named_child_count else target
    return suffix.start_point[0] + 1


__all__ = ["scroll_position"]
