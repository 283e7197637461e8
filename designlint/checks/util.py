"""Small tree helpers shared by the Python checks (no rule logic here)."""

from __future__ import annotations

import re
from functools import cache
from typing import Iterator

from tree_sitter import Node, Parser

from designlint.languages import load_language

FUNCTION_TYPES = frozenset(
    {
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
        # Kotlin, Java, Swift, Dart, C#, GDScript, Lua, Python (see checks/polyglot.py)
        "method_declaration",
        "constructor_declaration",
        "secondary_constructor",
        "anonymous_initializer",
        "lambda_expression",
        "lambda_literal",
        "anonymous_function",
        "init_declaration",
        "computed_property",
        "function_body",
        "function_definition",
        "lambda",
        "local_function_statement",
        "anonymous_method_expression",
    }
)


def text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def text_without_comments(node: Node | None) -> str:
    """The node's text with every comment inside it blanked (a commented-out line does not count)."""
    if node is None or node.text is None:
        return ""
    data = bytearray(node.text)
    for inner in walk(node):
        if "comment" in inner.type:
            start, end = inner.start_byte - node.start_byte, inner.end_byte - node.start_byte
            data[start:end] = b" " * (end - start)
    return data.decode("utf-8", "replace")


def walk(node: Node) -> Iterator[Node]:
    """All descendants of a node (itself included), depth first, without recursion."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def within(node: Node, holder: Node | None) -> bool:
    """`node` lies inside `holder` (by byte span; a node is within itself)."""
    return holder is not None and holder.start_byte <= node.start_byte and node.end_byte <= holder.end_byte


def ancestors(node: Node) -> Iterator[Node]:
    current = node.parent
    while current is not None:
        yield current
        current = current.parent


def enclosing_function(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type in FUNCTION_TYPES), None)


def callee_name(call: Node) -> str:
    """The called name of a call_expression: `load` for load(), `fetchNextPage` for q.fetchNextPage()."""
    func = call.child_by_field_name("function")
    if func is None:
        return ""
    if func.type == "member_expression":
        prop = func.child_by_field_name("property")
        return text(prop)
    return text(func)


def called_names(node: Node) -> list[str]:
    """Names of every function called inside a node."""
    return [callee_name(n) for n in walk(node) if n.type == "call_expression"]


def identifiers(node: Node) -> set[str]:
    """Every identifier and property name inside a node."""
    kinds = {"identifier", "property_identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern"}
    return {text(n) for n in walk(node) if n.type in kinds}


def find_function_definition(root: Node, name: str) -> Node | None:
    """The body-bearing node that defines `name` in the file: a function declaration, a
    `const name = () => ...`, a class method, or an object method/property function."""
    for node in walk(root):
        if node.type in ("function_declaration", "generator_function_declaration"):
            if text(node.child_by_field_name("name")) == name:
                return node
        elif node.type == "method_definition":
            if text(node.child_by_field_name("name")) == name:
                return node
        elif node.type in ("variable_declarator", "pair", "public_field_definition", "field_definition"):
            key = node.child_by_field_name("name") or node.child_by_field_name("key") or node.child_by_field_name("property")
            value = node.child_by_field_name("value")
            if key is not None and text(key) == name and value is not None:
                inner = value
                # useCallback(() => ..., deps) / throttle(fn, 100) / debounce(fn)
                if inner.type == "call_expression":
                    args = inner.child_by_field_name("arguments")
                    fn = next((a for a in (args.named_children if args else []) if a.type in FUNCTION_TYPES), None)
                    if fn is not None:
                        return fn
                if inner.type in FUNCTION_TYPES:
                    return inner
    return None


def matches_any(pattern: re.Pattern[str], names: list[str] | set[str]) -> bool:
    return any(pattern.search(n) for n in names)


def unquote(value: str) -> str:
    """A JS string literal's text without its quotes ('x', "x" or `x`)."""
    value = value.strip()
    if len(value) >= 2 and value[0] in "'\"`" and value[-1] == value[0]:
        return value[1:-1]
    return value


def closing_bracket(source: str | bytes, start: int, pair: str = "{}", depth: int = 0, limit: int | None = None) -> int | None:
    """The index of the bracket that closes the one at `start` (`pair` is the opener and closer, `"()"` for
    parentheses), or with `depth=1` of the first unmatched closer from `start` on (`start` just after an
    opener); None when it does not close within `limit` characters (the whole source when None). The one
    bracket matcher of the checks: strings and comments are the caller's to remove."""
    opener, closer = (pair[0].encode(), pair[1].encode()) if isinstance(source, bytes) else (pair[0], pair[1])
    end = len(source) if limit is None else min(len(source), start + limit)
    for i in range(start, end):
        char = source[i : i + 1]
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return i
    return None


def balanced_braces(data: bytes, start: int, limit: int = 4000) -> str:
    """The `{...}` expression starting at byte `start`, read from the file itself."""
    close = closing_bracket(data, start, limit=limit)
    end = start + 200 if close is None else close + 1
    return data[start:end].decode("utf-8", "replace")


def html_attributes(tag_node: Node, data: bytes) -> list[tuple[str, str, Node]]:
    """(name, value, attribute node) for each attribute of an HTML/Vue/Svelte start tag.

    The value is unquoted. tree-sitter-html stops an unquoted Svelte value such as
    `{() => load()}` at the first space or `>`, so a value that opens a brace and does not
    close it is read from the file up to the matching brace.
    """
    out = []
    for attr in tag_node.named_children:
        if attr.type != "attribute":
            continue
        name = next((c for c in attr.named_children if c.type == "attribute_name"), None)
        if name is None:
            continue
        value_node = next((c for c in attr.named_children if c.type in ("quoted_attribute_value", "attribute_value")), None)
        value = ""
        if value_node is not None:
            value = data[value_node.start_byte : value_node.end_byte].decode("utf-8", "replace")
            if value_node.type == "quoted_attribute_value":
                value = value[1:-1]
            elif value.startswith("{") and not value.rstrip().endswith("}"):
                value = balanced_braces(data, value_node.start_byte)
        out.append((text(name), value, attr))
    return out


def parse_snippet(source: str, language: str = "javascript") -> Node:
    """Parse a code snippet that is not a region of the file (e.g. a Vue attribute's
    expression) and return its root; the parser is shared per language."""
    return _snippet_parser(language).parse(source.encode("utf-8")).root_node


@cache
def _snippet_parser(language: str) -> Parser:
    return Parser(load_language(language))


def call_arguments(call: Node) -> list[Node]:
    """The argument nodes of a call or `new` expression, without comments."""
    args = call.child_by_field_name("arguments")
    if args is None:
        return []
    return [a for a in args.named_children if a.type != "comment"]
