"""What a name in a Python file refers to, resolved with libcst's QualifiedNameProvider.

`from firebase_admin import messaging; messaging.send(m)`, `import firebase_admin.messaging as m;
m.send(x)` and `from firebase_admin.messaging import send; send(x)` all resolve to
`firebase_admin.messaging.send`. The engine matches Python with tree-sitter like every other
language; checks ask here, by tree-sitter node, what a callee means.

Name resolution is costly (about a second on a 2,600-line file), so it runs only for files
whose bytes mention one of the modules a check cares about (the cheap prefilter), at most once
per file, and a file libcst cannot parse (a syntax error tree-sitter recovered from) simply
resolves nothing.
"""

from __future__ import annotations

from typing import Iterable

from tree_sitter import Node

from designlint.checks import CheckContext

_MEMO_KEY = "python_names"


def qualified_names(ctx: CheckContext, node: Node, modules: Iterable[str]) -> set[str]:
    """The qualified names of the expression `node` (a callee, a name, an attribute chain).

    `modules` are the top-level modules the caller cares about (`firebase_admin`, `pywebpush`):
    when the file's bytes mention none of them, nothing is resolved and the set is empty.
    """
    wanted = tuple(modules)
    if not any(m.encode() in ctx.data for m in wanted):
        return set()
    table = ctx.memo.get(_MEMO_KEY)
    if table is None:
        table = _resolve_file(ctx.data)
        ctx.memo[_MEMO_KEY] = table
    row, col = node.start_point
    end_row, end_col = node.end_point
    line = ctx.data.split(b"\n", row + 1)[row] if row < ctx.data.count(b"\n") + 1 else b""
    start = (row + 1, len(line[:col].decode("utf-8", "replace")))
    names = table.get(start, {})
    # Prefer the entry spanning exactly this node (`messaging.send`, not `messaging`).
    for (end, qualified) in names.items():
        if end[0] == end_row + 1:
            end_line = ctx.data.split(b"\n", end_row + 1)[end_row]
            if end[1] == len(end_line[:end_col].decode("utf-8", "replace")):
                return set(qualified)
    return set()


def _resolve_file(data: bytes) -> dict[tuple[int, int], dict[tuple[int, int], frozenset[str]]]:
    """start (line, column) -> end (line, column) -> qualified names, for every name and attribute."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider, QualifiedNameProvider

    try:
        module = cst.parse_module(data)
    except Exception:  # libcst rejects the file (syntax error, odd encoding): resolve nothing
        return {}
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    try:
        positions = wrapper.resolve(PositionProvider)
        qualified = wrapper.resolve(QualifiedNameProvider)
    except Exception:
        return {}
    table: dict[tuple[int, int], dict[tuple[int, int], frozenset[str]]] = {}
    for cst_node, names in qualified.items():
        if not isinstance(cst_node, (cst.Name, cst.Attribute)):
            continue
        if callable(names):  # libcst >= 1.x stores lazily computed values
            names = names()
        if not names:
            continue
        span = positions.get(cst_node)
        if span is None:
            continue
        start = (span.start.line, span.start.column)
        end = (span.end.line, span.end.column)
        table.setdefault(start, {})[end] = frozenset(n.name for n in names)
    return table
