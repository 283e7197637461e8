"""Same-length byte rewrites for constructs a grammar cannot parse, tried only on a failed parse.

Some valid code loses a whole class to tree-sitter's error recovery because the grammar lacks
one construct: a C# method header split by `#if ... #else ... #endif` (Unity code written for
the editor and the player); Swift's unit value `()` as an argument or a closure's result
(`subject.onNext(())`, `map { _ in () }`, `UIView(forAutoLayout: ())`), an enum case pattern with an
empty payload (`case .success():`) and a `;` after a space.
A repair rewrites only those bytes, keeping every byte offset and line where it was, so
positions, messages and snippets (read from the original bytes) are unchanged. The parser keeps
the repaired tree only when it has fewer errors.
"""

from __future__ import annotations

import re
from typing import Callable

_CS_DIRECTIVE = re.compile(rb"^[ \t]*#[ \t]*(if|elif|else|endif)\b")


def _blank(line: bytes) -> bytes:
    """Spaces for every byte of a line but its line ending."""
    body = line.rstrip(b"\r\n")
    return b" " * len(body) + line[len(body) :]


def csharp_first_branches(data: bytes) -> bytes:
    """C# as if each `#if` held: the first branch of every conditional is kept, the directive
    lines and the other branches (`#elif`, `#else`) become spaces."""
    if b"#" not in data:
        return data
    out: list[bytes] = []
    # one entry per open #if: whether the branch being read is the group's first one
    first_branch: list[bool] = []
    for line in data.splitlines(keepends=True):
        directive = _CS_DIRECTIVE.match(line)
        if directive is None:
            out.append(line if all(first_branch) else _blank(line))
            continue
        kind = directive.group(1)
        if kind == b"if":
            first_branch.append(True)
        elif kind in (b"elif", b"else") and first_branch:
            first_branch[-1] = False
        elif kind == b"endif" and first_branch:
            first_branch.pop()
        out.append(_blank(line))
    return b"".join(out)


# `()` where a value stands: after `(`, `,`, `=`, a label's or case's `:`, `return` or a closure's
# `in`, before `)`, `,`, `}` or the line's end. A function type `() -> Void` is followed by `->`
# and stays.
_SWIFT_UNIT_VALUE = re.compile(rb"([(,=:][ \t]*|\b(?:in|return)[ \t]+)\(\)(?=[ \t]*(?:[),}]|\r?\n|$))")
# An enum case pattern with an empty payload (`case .success():`, `if case .done() = state`): the
# grammar has no empty tuple pattern; `case .success  :` means the same.
_SWIFT_EMPTY_CASE_PAYLOAD = re.compile(rb"(\bcase[ \t]+(?:(?:let|var)[ \t]+)?(?:\w+)?\.\w+)\(\)(?=[ \t]*(?:[:,=]|where\b))")
# A statement ended by a `;` after a space (`lock.lock() ; defer {...}`, `return ;`).
_SWIFT_SPACED_SEMICOLON = re.compile(rb"([ \t]+);")


def swift_unit_values(data: bytes) -> bytes:
    """Swift with each unit value `()` written as `0 `, each empty case payload `.success()` as
    `.success  ` and each ` ;` as `; ` (same length)."""
    data = _SWIFT_EMPTY_CASE_PAYLOAD.sub(lambda m: m.group(1) + b"  ", data)
    data = _SWIFT_UNIT_VALUE.sub(lambda m: m.group(1) + b"0 ", data)
    return _SWIFT_SPACED_SEMICOLON.sub(lambda m: b";" + m.group(1), data)


REPAIRS: dict[str, Callable[[bytes], bytes]] = {
    "csharp": csharp_first_branches,
    "swift": swift_unit_values,
}


def repaired(grammar: str, data: bytes) -> bytes | None:
    """The rewritten bytes when a repair exists for the grammar and changes something, else None."""
    repair = REPAIRS.get(grammar)
    fixed = repair(data) if repair is not None else data
    return fixed if fixed != data else None
