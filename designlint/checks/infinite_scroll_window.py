"""Loads that follow the viewport, for the `infinite-scroll` rule on Android.

A scroll listener need not test "near the end" in a condition: it can hand the last visible row
itself to a load (`int target = Math.min(last + PREFETCH, stories.size()) - 1;
loadStoriesThroughIndex(target)`), so every scroll fetches the rows up to the viewport plus a margin
and the list keeps filling as the person scrolls. `visible_window_load` reports such a load in
`onScrolled` / `onScrollStateChanged`: a call named for loading (not images, thumbnails or previews of
rows already there) with an argument worked out from `findLastVisibleItemPosition()` (directly or
through local variables). A scroll callback that only hides a toolbar, logs or saves the position, or
prefetches row images, loads nothing.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint.checks import CheckContext, Verdict
from designlint.checks.infinite_scroll_mobile_loads import loads
from designlint.checks.polyglot import argument_nodes, as_call, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk

SCROLL_CALLBACK = re.compile(r"^(onScrolled|onScrollStateChanged)$")
LAST_VISIBLE = re.compile(r"\bfind(Last|LastCompletely)VisibleItemPositions?\b|\bgetLastVisiblePosition\b")
NOT_ROWS = re.compile(r"(?i)image|thumbnail|preview|photo|avatar|icon|bitmap|picture")


def visible_window_load(ctx: CheckContext) -> Verdict | bool:
    call = as_call(ctx.node)
    if call is None or not loads(call, any_call=False) or NOT_ROWS.search(call.name):
        return False
    callback = next((a for a in ancestors(ctx.node) if a.type in FUNCTION_TYPES and function_name(a)), None)
    if callback is None or not SCROLL_CALLBACK.match(function_name(callback) or ""):
        return False
    derived = _derived_from_last_visible(callback)
    if not any(LAST_VISIBLE.search(text(a)) or derived & set(re.findall(r"[A-Za-z_]\w*", text(a))) for a in argument_nodes(call)):
        return False
    return Verdict(message=f"Loads the list's next rows as the user scrolls: {call.name}() fetches up to the last visible row "
                           f"({function_name(callback)}) with no action from the user")


def _derived_from_last_visible(callback: Node) -> set[str]:
    """Local names whose value comes from the last visible position (`last = lm.findLastVisibleItemPosition()`,
    `target = Math.min(last + N, size) - 1`), followed through a few assignments."""
    assignments: list[tuple[str, str]] = []
    for node in walk(callback):
        if node.type == "variable_declarator":  # Java `int last = ...`
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None:
                assignments.append((text(name), text(value)))
        elif node.type == "property_declaration" and node.named_child_count >= 2:  # Kotlin `val last = ...`
            head, _, value = text(node).partition("=")
            names = re.findall(r"[A-Za-z_]\w*", head.split(":")[0])
            if names and value:
                assignments.append((names[-1], value))
    derived: set[str] = set()
    for _ in range(4):
        grown = {name for name, value in assignments if LAST_VISIBLE.search(value) or derived & set(re.findall(r"[A-Za-z_]\w*", value))}
        if grown <= derived:
            break
        derived |= grown
    return derived
