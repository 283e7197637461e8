"""Same-length rewrites that let a tree-sitter grammar read an editor's text format.

No grammar wheel reads Godot's scene files (`.tscn`), but their shape is simple: section
headers (`[node name="Music" type="AudioStreamPlayer" parent="."]`), `key = value` properties
below them, and `;` comments. `godot_scene_as_yaml` rewrites a scene into a flat YAML mapping of
the same length, line for line: headers and comments become `#` comments, `key = value` becomes
`key:  value` (a value that is one plain word is kept, any other value is blanked, and so are
the later lines of a value that spans several). Every byte offset and line stays where it was,
so findings point into the scene file and checks read the original text from the file's bytes.
"""

from __future__ import annotations

import re

_PROPERTY = re.compile(rb"^(?P<key>[A-Za-z_][\w/:.@-]*|\"[^\"\n]*\")(?P<gap>[ \t]*=[ \t]*)(?P<value>.*?)(?P<end>\r?)$")
_PLAIN_WORD = re.compile(rb"^-?[\w.]+$")
_OPENERS = {ord("("): ord(")"), ord("["): ord("]"), ord("{"): ord("}")}


def _blank(line: bytes) -> bytes:
    body = line.rstrip(b"\r")
    return b" " * len(body) + line[len(body) :]


def _open_depth(value: bytes, depth: int = 0, in_string: bool = False) -> tuple[int, bool]:
    """Bracket depth and whether a string is still open at the end of `value` (a value's text
    up to here); a value continues on the next line while either is so."""
    escaped = False
    for byte in value:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # "
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in _OPENERS:
            depth += 1
        elif byte in (0x29, 0x5D, 0x7D) and depth > 0:
            depth -= 1
    return depth, in_string


def godot_scene_as_yaml(data: bytes) -> bytes:
    """A Godot `.tscn` scene as a YAML mapping of the same length (see the module docstring)."""
    out: list[bytes] = []
    depth, in_string = 0, False
    for line in data.split(b"\n"):
        if depth or in_string:  # a later line of a value spanning several lines
            depth, in_string = _open_depth(line, depth, in_string)
            out.append(_blank(line))
            continue
        stripped = line.lstrip()
        if stripped.startswith((b"[", b";")):
            indent = len(line) - len(stripped)
            out.append(line[:indent] + b"#" + line[indent + 1 :])
            continue
        match = _PROPERTY.match(line)
        if match is None:
            out.append(_blank(line))
            continue
        key, gap, value, end = match.group("key", "gap", "value", "end")
        depth, in_string = _open_depth(value)
        kept = value if _PLAIN_WORD.match(value) else b" " * len(value)
        out.append(key + b":" + b" " * (len(gap) - 1) + kept + end)
    return b"\n".join(out)
