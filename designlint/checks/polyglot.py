"""Language-neutral views of calls and functions for the mobile, game and server grammars.

Each grammar names its call and function nodes differently (Kotlin `call_expression`, Java
`method_invocation`, C# `invocation_expression`, Lua `function_call`, GDScript `call` and
`attribute_call`, Dart a `selector` holding an `argument_part`). Checks ask here for "the calls
inside this node", "the name this call invokes" and "the object it is invoked on", so rule
logic is written once per idea rather than once per grammar. No rule logic lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from tree_sitter import Node

from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk

# Nodes that are a call in some grammar. Dart calls are `argument_part` nodes (see _dart_call).
CALL_TYPES = frozenset(
    {
        "call_expression",  # JavaScript, TypeScript, Kotlin, Swift
        "new_expression",  # JavaScript
        "method_invocation",  # Java
        "object_creation_expression",  # Java, C#: new Random()
        "invocation_expression",  # C#
        "call",  # Python, GDScript
        "attribute_call",  # GDScript: obj.method()
        "function_call",  # Lua
        "argument_part",  # Dart
    }
)


@dataclass(frozen=True)
class Call:
    """One call site: the node to report, the invoked name and the receiver's text."""

    node: Node  # the call node (Dart: the statement-level expression holding the call)
    name: str  # `play` for player.play(), `Random` for new Random(), `random` for math.random()
    receiver: str  # `player`, `math`, `Random()`; "" for a bare call
    arguments: Node | None
    type_arguments: str = ""  # C# `bus.Subscribe<GameStarted>()`: "GameStarted" (the name is `Subscribe`)


def calls(node: Node) -> Iterator[Call]:
    """Every call inside `node` (itself included), in source order."""
    for current in walk(node):
        if current.type in CALL_TYPES and not _is_wrapped_by_trailing_lambda(current):
            call = as_call(current)
            if call is not None:
                yield call


def as_call(node: Node) -> Call | None:
    """The Call a node stands for, or None when it is not a call."""
    kind = node.type
    if kind == "argument_part":
        return _dart_call(node)
    if kind in ("call_expression", "new_expression"):
        if _is_wrapped_by_trailing_lambda(node):
            return as_call(node.parent)  # Kotlin `f(x) { ... }`: the outer call, lambda included
        func = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        if func is None and node.named_child_count:  # Kotlin, Swift: callee is the first child
            func = node.named_children[0]
        args = node.child_by_field_name("arguments") or _child_of_type(node, ("value_arguments", "call_suffix"))
        if func is not None and func.type == "call_expression" and _child_of_type(node, ("annotated_lambda",)):
            args = _child_of_type(func, ("value_arguments",)) or args
            func = func.named_children[0] if func.named_child_count else func
        name, receiver = _split_callee(func)
        return Call(node, name, receiver, args)
    if kind == "method_invocation":
        obj = node.child_by_field_name("object")
        return Call(node, text(node.child_by_field_name("name")), text(obj), node.child_by_field_name("arguments"))
    if kind == "object_creation_expression":
        type_node = node.child_by_field_name("type")
        return Call(node, _last_name(text(type_node)), "", node.child_by_field_name("arguments"))
    if kind == "invocation_expression":
        func = node.child_by_field_name("function")
        name, receiver = _split_callee(func)
        name, _, generic = name.partition("<")
        if not generic and func is not None and func.type == "generic_name":
            generic = text(func).partition("<")[2]
        generic = generic.strip()
        if generic.endswith(">"):
            generic = generic[:-1].strip()
        return Call(node, name.strip(), receiver, node.child_by_field_name("arguments"), generic)
    if kind == "call":
        func = node.child_by_field_name("function")  # Python
        if func is None and node.named_child_count:  # GDScript: (call (identifier) arguments: ...)
            func = node.named_children[0]
        name, receiver = _split_callee(func)
        return Call(node, name, receiver, node.child_by_field_name("arguments"))
    if kind == "attribute_call":  # GDScript: (attribute obj (attribute_call (identifier) arguments))
        name = text(node.named_children[0]) if node.named_child_count else ""
        parent = node.parent
        receiver = ""
        if parent is not None and parent.type == "attribute":
            receiver = text(parent)[: node.start_byte - parent.start_byte].rstrip(". \t")
        return Call(node, name, receiver, node.child_by_field_name("arguments"))
    if kind == "function_call":  # Lua
        name, receiver = _split_callee(node.child_by_field_name("name"))
        return Call(node, name, receiver, node.child_by_field_name("arguments"))
    return None


def _is_wrapped_by_trailing_lambda(node: Node) -> bool:
    parent = node.parent
    return (
        parent is not None
        and parent.type == "call_expression"
        and parent.named_child_count > 1
        and parent.named_children[0] == node
        and parent.named_children[-1].type == "annotated_lambda"
    )


def _split_callee(func: Node | None) -> tuple[str, str]:
    """(name, receiver text) of a callee expression in any grammar."""
    if func is None:
        return "", ""
    kind = func.type
    if kind in ("member_expression", "member_access_expression", "attribute", "dot_index_expression", "method_index_expression"):
        name_node = (
            func.child_by_field_name("property")
            or func.child_by_field_name("name")
            or func.child_by_field_name("attribute")
            or func.child_by_field_name("field")
            or func.child_by_field_name("method")
        )
        obj = (
            func.child_by_field_name("object")
            or func.child_by_field_name("expression")
            or func.child_by_field_name("table")
        )
        return text(name_node), text(obj)
    if kind == "navigation_expression":  # Kotlin (a.b) and Swift (target + navigation_suffix)
        target = func.child_by_field_name("target")
        suffix = func.child_by_field_name("suffix")
        if suffix is not None:  # Swift
            return text(suffix.child_by_field_name("suffix") or suffix).lstrip("."), text(target)
        children = func.named_children
        if children:
            last = children[-1]
            name = text(last).lstrip(".?")
            receiver = text(func)[: last.start_byte - func.start_byte].rstrip(".?! \t\n")
            return _last_name(name), receiver
    if kind == "conditional_access_expression":  # C# `current?.OnEnter()`: the member after `?.`
        binding = func.named_children[-1] if func.named_child_count > 1 else None
        if binding is not None and binding.type == "member_binding_expression":
            name_node = binding.child_by_field_name("name") or (binding.named_children[-1] if binding.named_child_count else None)
            receiver = text(func)[: binding.start_byte - func.start_byte].rstrip("?. \t\n")
            return _last_name(text(name_node)), receiver
    if kind in ("generic_name", "generic_type"):  # C# Foo<T>()
        first = func.named_children[0] if func.named_child_count else func
        return text(first), ""
    return _last_name(text(func)), ""


def _dart_call(part: Node) -> Call | None:
    """A Dart call: an `argument_part` after the name it invokes.

    `a.b.play()` parses as identifier, selector(.b), selector(.play), selector(argument_part);
    `..initialize()` as cascade_section(cascade_selector, argument_part).
    """
    parent = part.parent
    if parent is None:
        return None
    if parent.type == "selector":
        callee = parent.prev_named_sibling
        while callee is not None and callee.type == "selector" and callee.named_child_count == 0:
            callee = callee.prev_named_sibling  # `onLoadMore!()`: skip the `!` null assertion
        holder = parent.parent
    elif parent.type == "cascade_section":
        callee = part.prev_named_sibling
        holder = parent
    else:
        return None
    if callee is None or holder is None:
        return None
    name = _last_name(text(callee))
    receiver = ""
    if parent.type == "selector":
        start = callee
        while start.prev_sibling is not None and start.prev_sibling.type in _DART_CHAIN:
            start = start.prev_sibling
        receiver = text(holder)[start.start_byte - holder.start_byte : callee.start_byte - holder.start_byte]
        if start == callee:
            receiver = ""
        receiver = receiver.rstrip(".?! \t\n")
    if name in ("", ")", "]"):
        return None
    args = next((c for c in part.named_children if c.type == "arguments"), None)
    return Call(holder, name, receiver, args)


def dart_cascade_target(section: Node) -> str:
    """Dart `VideoPlayerController.networkUrl(url)..play()`, `AudioService()..initialize()`: the
    object a cascade section is on, up to its first argument list (`VideoPlayerController.networkUrl`,
    `AudioService`, `_controller`)."""
    sibling = section.prev_sibling
    while sibling is not None and (sibling.type == "cascade_section" or "comment" in sibling.type):
        sibling = sibling.prev_sibling
    owner = []
    while sibling is not None and sibling.type in ("identifier", "selector", "type_identifier", "new_expression", "const_object_expression", "unconditional_assignable_selector"):
        owner.insert(0, text(sibling))
        sibling = sibling.prev_sibling
    return re.split(r"[(<]", "".join(owner), maxsplit=1)[0].strip().rstrip(".?!")


# Node types that continue a Dart call chain leftwards: `a`, `.b`, `()`, `super`, `this`.
_DART_CHAIN = frozenset({"identifier", "selector", "unconditional_assignable_selector", "conditional_assignable_selector", "super", "this", "type_identifier", "const_object_expression", "new_expression"})


def _child_of_type(node: Node, types: tuple[str, ...]) -> Node | None:
    return next((c for c in node.named_children if c.type in types), None)


def _last_name(value: str) -> str:
    """`play` for `player.play`, `Random` for `java.util.Random`, `nextInt` for `.nextInt`."""
    value = value.strip()
    for sep in ("?.", "!.", ".", ":", "::"):
        if sep in value:
            value = value.rsplit(sep, 1)[-1]
    return value.strip("?!. \t\n")


def argument_nodes(call: Call) -> list[Node]:
    """The arguments of a call, unwrapped from per-grammar argument wrappers, without comments."""
    if call.arguments is None:
        return []
    out = []
    for child in call.arguments.named_children:
        if "comment" in child.type:
            continue
        if child.type in ("value_arguments", "call_suffix"):
            out.extend(c for c in child.named_children if "comment" not in c.type)
        else:
            out.append(child)
    return out


FUNCTION_NAME_FIELDS = ("name", "declarator")


def function_name(function: Node) -> str:
    """The declared name of a function node in any grammar ("" for lambdas)."""
    if function.type == "function_body" and function.parent is not None and function.parent.type in FUNCTION_TYPES:
        return ""  # Kotlin, Swift: the body of a declaration, which carries the name
    if function.type == "function_body":  # Dart: the signature is the previous sibling
        signature = function.prev_named_sibling
        if signature is not None:
            for node in walk(signature):
                if node.type == "function_signature" or node.type in ("getter_signature", "setter_signature", "constructor_signature"):
                    name = node.child_by_field_name("name")
                    if name is not None:
                        return text(name)
            name = signature.child_by_field_name("name")
            return text(name)
        return ""
    name = function.child_by_field_name("name")
    if name is not None:
        return _last_name(text(name))
    parent = function.parent
    if function.type == "function_definition" and parent is not None and parent.type == "expression_list":
        # Lua `local f = function() end` and `M.f = function() end`
        statement = parent.parent
        targets = _child_of_type(statement, ("variable_list",)) if statement is not None else None
        return _last_name(text(targets)) if targets is not None else ""
    if function.type == "computed_property" and parent is not None:
        # Swift `var body: some View { ... }`
        return text(parent.child_by_field_name("name"))
    return ""


def functions_by_name(ctx) -> dict[str, list[Node]]:
    """The file's named functions, methods and constructors by name, in source order (any
    grammar; lambdas have no name and are left out). Built once per file and region."""

    def build() -> dict[str, list[Node]]:
        index: dict[str, list[Node]] = {}
        for node in walk(ctx.root):
            if node.type in FUNCTION_TYPES:
                name = function_name(node)
                if name:
                    index.setdefault(name, []).append(node)
        return index

    return ctx.remember(f"functions_by_name:{ctx.language}:{ctx.root.start_byte}", build)


def enclosing_functions(node: Node) -> Iterator[Node]:
    """The functions (and lambdas) around a node, innermost first."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES:
            yield ancestor


def enclosing_named_function(node: Node) -> Node | None:
    """The innermost enclosing function that has a name (skipping lambdas and closures)."""
    return next((f for f in enclosing_functions(node) if function_name(f)), None)


def argument_label(arg: Node) -> tuple[str | None, Node]:
    """(label, value) of one argument node in Kotlin, Java, Swift or Dart."""
    if arg.type == "named_argument":  # Dart
        label = next((c for c in arg.named_children if c.type == "label"), None)
        value = arg.named_children[-1]
        return text(label).rstrip(": ") if label is not None else None, value
    if arg.type == "value_argument":  # Kotlin, Swift
        label = arg.child_by_field_name("name") or next((c for c in arg.named_children if c.type in ("value_argument_label", "simple_identifier")), None)
        if label is None and arg.named_child_count > 1 and any(c.type == "=" for c in arg.children):
            label = arg.named_children[0]  # Kotlin `onCheckedChange = { ... }` (the label is a plain identifier)
        value = arg.child_by_field_name("value") or arg.named_children[-1]
        if label is not None and label.id != value.id:
            return text(label).rstrip(": ="), value
        return None, value
    if arg.type == "argument":  # Dart positional
        return None, arg
    return None, arg


def parameter_text(fn: Node) -> str:
    """The parameter list of a function, from its opening parenthesis to its body."""
    if fn.type == "function_body":  # Dart: the parameters are in the signature before the body
        signature = fn.prev_named_sibling
        head = text(signature) if signature is not None else ""
    else:
        body = fn.child_by_field_name("body") or next((c for c in fn.named_children if c.type in ("function_body", "block", "statements")), None)
        head = text(fn)[: body.start_byte - fn.start_byte] if body is not None else text(fn).split("{", 1)[0]
        # Kotlin: from the parameter list itself, not the first `(` (`@OptIn(X::class) fun f(a: A)`)
        params = next((c for c in fn.named_children if c.type == "function_value_parameters"), None)
        if params is not None:
            head = head[params.start_byte - fn.start_byte :]
    return head[head.find("(") :] if "(" in head else ""


def parameter_labels(fn: Node) -> list[set[str]]:
    """The names each parameter can be passed by, in order: `hour` of `hour: Int = 20` or
    `int hour = 20`, `at` and `hour` of a Swift `at hour: Int`."""
    inner = parameter_text(fn).strip()[1:].replace("->", "  ")
    pieces, depth, current = [], 0, ""
    for char in inner:  # split at the commas between parameters (Dart's `{...}` of named ones included)
        depth += char in "(<"
        depth -= char in ")>"
        if depth < 0 or (char == "," and depth == 0):
            pieces.append(current)
            current = ""
            if depth < 0:
                break
            continue
        current += char
    out = []
    for piece in pieces:
        name_part = re.split(r"[:=]", piece.strip(" {}[]\n"), maxsplit=1)[0] if ":" in piece else piece.split("=", 1)[0]
        names = set(re.findall(r"\b[a-z_]\w*\b", name_part)) - {"final", "required", "var", "val", "const", "this", "int", "double", "num", "bool", "long", "boolean", "vararg", "crossinline", "noinline"}
        if names:
            out.append(names)
    return out


def _positive_type_tests(condition: Node) -> Iterator[tuple[str, str]]:
    """(name, type) for each `name is Type` that holds whenever `condition` is true: the test itself,
    or one side of an `&&` (never under `||`, `!` or `!is`)."""
    if condition.type == "parenthesized_expression" and condition.named_child_count == 1:
        yield from _positive_type_tests(condition.named_children[0])
    elif condition.type == "binary_expression" and any(c.type == "&&" for c in condition.children):
        for side in condition.named_children:
            yield from _positive_type_tests(side)
    elif condition.type == "is_expression" and condition.named_child_count == 2 and not any(c.type == "!is" for c in condition.children):
        name, kind = condition.named_children
        if name.type == "identifier":
            yield text(name), text(kind)


def smart_cast_type(name: str, node: Node) -> str:
    """Kotlin: the type a bare `name` has at `node` through a smart cast, or "": inside the body of
    `if (name is VideoPlayer && ...) { ... }` or of the entry `is VideoPlayer -> ...` of
    `when (name) { ... }` / `when (val name = ...) { ... }`."""
    child = node
    for outer in ancestors(node):
        if outer.type in FUNCTION_TYPES:
            return ""
        if outer.type == "if_expression" and outer.named_child_count >= 2 and outer.named_children[1] == child:
            found = next((kind for tested, kind in _positive_type_tests(outer.named_children[0]) if tested == name), "")
            if found:
                return found
        if outer.type == "when_entry" and child != outer.named_children[0]:
            tests = [c for c in outer.named_children if c.type == "type_test"]
            subject = next((c for c in outer.parent.named_children if c.type == "when_subject"), None) if outer.parent is not None else None
            subject_name = next((text(c.child_by_field_name("name") or c.named_children[0]) if c.type == "variable_declaration" else text(c)
                                 for c in (subject.named_children if subject is not None else []) if c.type in ("identifier", "variable_declaration")), "")
            if len(tests) == 1 and tests[0] == outer.named_children[0] and subject_name == name and tests[0].named_child_count:
                return text(tests[0].named_children[0])
        child = outer
    return ""
