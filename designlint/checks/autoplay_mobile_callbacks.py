"""Lambdas an object keeps, for the `autoplay` rule on Android: when they run.

A lambda handed to the constructor of one of the project's own classes (Java `new
ChaptersListAdapter(ctx, pos -> {...})`, Kotlin `EpisodeAdapter(items) { pos -> ... }`) does not run
where it is written: the object keeps it and calls it later. What it implements says when: the
constructor's parameter at that position is a function type with a name (`onChapterClick: (Int) -> Unit`)
or an interface with one method (`Callback` with `onPlayChapterButtonClicked(int)`), and that name is
judged like a function's (a click is a tap, `onItemVisible` a feed scroll). A list adapter whose
callback cannot be read keeps it for its rows' events: not the screen's load. Any other class (a task
the screen runs at once, `new Thread(...)`) is looked through, as before.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext
from designlint.checks.autoplay_mobile_names import ENDED_FN, USER_FN, VIEW_FN
from designlint.checks.polyglot import as_call
from designlint.checks.util import closing_bracket, text

ADAPTER = re.compile(r"^[A-Z]\w*Adapter$")


def constructor_callback_kind(fn: Node, ctx: CheckContext) -> str | None:
    """`user`, `view` or `ended` from the callback a lambda handed to a project class's constructor
    implements; `unknown` for a list adapter's callback that cannot be read; None otherwise."""
    if ctx.language not in ("java", "kotlin"):
        return None
    found = _constructor_argument(fn)
    if found is None:
        return None
    name, position, count = found
    key = ("autoplay_mobile.constructor_callback", name, position, count)
    if key not in ctx.memo:
        ctx.memo[key] = _callback_kind(name, position, count, ctx)
    return ctx.memo[key]


def _constructor_argument(fn: Node) -> tuple[str, int, int] | None:
    """(class name, argument position, argument count) when `fn` is an argument of a constructor
    call: Java `new Name(..., fn)`, Kotlin `Name(...) { fn }` / `Name(..., fn)` with a capitalised callee
    (the position is -1 for a trailing lambda: the last parameter)."""
    parent = fn.parent
    if parent is not None and parent.type == "annotated_lambda":
        call_node = parent.parent
        call = as_call(call_node) if call_node is not None else None
        return (call.name, -1, -1) if call is not None and re.match(r"^[A-Z]", call.name) and not call.receiver else None
    holder = parent.parent if parent is not None and parent.type == "value_argument" else parent
    if holder is None or holder.type not in ("argument_list", "value_arguments"):
        return None
    if parent is not None and parent.type == "value_argument" and parent.named_child_count > 1:
        return None  # a labelled argument (`onClick = { }`): its label says what it is
    owner = holder.parent.parent if holder.parent is not None and holder.parent.type == "call_suffix" else holder.parent
    if owner is None or owner.type not in ("object_creation_expression", "call_expression"):
        return None
    call = as_call(owner)
    if call is None or not re.match(r"^[A-Z]", call.name) or (owner.type == "call_expression" and call.receiver):
        return None
    arguments = list(holder.named_children)
    item = parent if parent is not None and parent.type == "value_argument" else fn
    if item not in arguments:
        return None
    return call.name, arguments.index(item), len(arguments)


def _callback_kind(name: str, position: int, count: int, ctx: CheckContext) -> str | None:
    index = project_index.for_context(ctx)
    files = index.files()
    declaration = re.compile(rf"\bclass\s+{re.escape(name)}\b".encode())
    source = next((data.decode("utf-8", "replace") for data in files.values() if name.encode() in data and declaration.search(data)), None)
    if source is None:
        return None  # not a class of the project (`new Thread(...)`, a library's type)
    parameter = _parameter(source, name, position, count)
    kind = _callback_name_kind(parameter[0]) if parameter else None
    if kind is None and parameter and parameter[1]:
        method = _single_method(parameter[1], {"": source.encode(), **files})
        kind = _callback_name_kind(method) if method else None
    if kind is not None:
        return kind
    return "unknown" if ADAPTER.match(name) else None


def _callback_name_kind(name: str) -> str | None:
    if ENDED_FN.match(name):
        return "ended"
    if VIEW_FN.match(name):
        return "view"
    if USER_FN.search(name) or project_index.USER_NAME.match(name):
        return "user"
    return None


def _parameter(source: str, name: str, position: int, count: int) -> tuple[str, str] | None:
    """(parameter name, type name) of the constructor of `name` with `count` parameters, at `position`
    (-1: the last). Java `Name(Context context, Callback callback) {`, Kotlin `class Name(private val
    items: List<X>, val onClick: (Int) -> Unit)` (a function type has no type name)."""
    heads = [m.end() for m in re.finditer(rf"\bclass\s+{re.escape(name)}\s*(?:<[^<>]*>)?\s*(?:(?:private|internal|public|protected)\s+)?(?:constructor\s*)?\(", source)]
    heads += [m.end() for m in re.finditer(rf"(?<![.\w]){re.escape(name)}\s*\((?=[^()]*\)\s*(?:throws[^{{]*)?\{{)", source) if not _is_call(source, m.start())]
    for start in heads:
        parameters = _split_top_level(inside_parentheses(source, start))
        if count >= 0 and len(parameters) != count or not parameters:
            continue
        parameter = re.sub(r"@\w+(\([^()]*\))?|\b(private|public|protected|internal|final|val|var|override)\b", " ", parameters[position]).strip()
        kotlin = re.match(r"^(\w+)\s*:\s*(.+)$", parameter, re.S)
        if kotlin:
            kind = kotlin.group(2).strip().rstrip("?")
            return kotlin.group(1), "" if "->" in kind else re.split(r"[<.]", kind.split(".")[-1])[0]
        java = re.match(r"^([\w.]+)(?:<.*>)?\s+(\w+)$", parameter, re.S)
        if java:
            return java.group(2), java.group(1).split(".")[-1]
    return None


def _is_call(source: str, offset: int) -> bool:
    """`new Name(` or `= Name(` before: a call, not a constructor declaration."""
    before = source[max(0, offset - 12):offset]
    return bool(re.search(r"(\bnew\s+|[=(,]\s*|\breturn\s+)$", before))


def inside_parentheses(source: str, start: int) -> str:
    """The text from `start` (just after an opening parenthesis) to its closing one ("" when it does
    not close within 3000 characters)."""
    close = closing_bracket(source, start, "()", depth=1, limit=3000)
    return "" if close is None else source[start:close]


def _split_top_level(parameters: str) -> list[str]:
    out, depth, current = [], 0, ""
    for char in parameters:
        depth += {"(": 1, "<": 1, ")": -1, ">": -1}.get(char, 0) if not (char == ">" and current.endswith("-")) else 0
        if char == "," and depth == 0:
            out.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        out.append(current)
    return [p.strip() for p in out if p.strip()]


def _single_method(interface: str, files: dict[str, bytes]) -> str | None:
    """The one method of the project's interface `interface` (Java `interface Callback { void
    onPlayChapterButtonClicked(int pos); }`, Kotlin `fun interface OnPick { fun onPicked(i: Int) }`)."""
    pattern = re.compile(rf"\binterface\s+{re.escape(interface)}\b[^{{;]*\{{".encode())
    for data in files.values():
        if interface.encode() not in data:
            continue
        match = pattern.search(data)
        if match is None:
            continue
        body = data[match.end():match.end() + 2000].decode("utf-8", "replace")
        close = closing_bracket(body, 0, depth=1)
        body = body if close is None else body[:close]
        methods = re.findall(r"\bfun\s+(\w+)\s*\(|^\s*(?:public\s+|abstract\s+)*[\w<>\[\].]+\s+(\w+)\s*\([^()]*\)\s*;", body, re.M)
        names = [a or b for a, b in methods]
        return names[0] if len(names) == 1 else None
    return None


