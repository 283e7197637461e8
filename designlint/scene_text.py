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


# Unity scenes and prefabs (`.unity`, `.prefab`) are YAML already, one document per object
# (`--- !u!82 &1234` for an AudioSource), but several MB of it: parsing it all would build a tree
# of every transform and curve key. `unity_scene_as_yaml` keeps only what the rules match, the
# `m_PlayOnAwake: 1` line of each AudioSource (class 82) and VideoPlayer (class 328), and the
# file's `#` comment lines (suppressions, fixture annotations); every other byte but line ends
# becomes a space. Same length, same lines: checks read the scene's own bytes (autoplay_unity).
UNITY_MEDIA_CLASSES = (b"82", b"328")
_UNITY_HEADER = re.compile(rb"^--- !u!(\d+) &", re.M)
_UNITY_COMMENT = re.compile(rb"^[ \t]*#[^\n]*", re.M)
_UNITY_PLAY_ON_AWAKE = re.compile(rb"^  m_PlayOnAwake:[ \t]*1[ \t]*(?=\r?$)", re.M)
_BLANK_BYTES = bytes(b if b in (0x0A, 0x0D) else 0x20 for b in range(256))


def unity_scene_as_yaml(data: bytes) -> bytes:
    """A Unity scene or prefab reduced, at the same length, to its media players' play-on-awake
    lines and its comments (see above)."""
    out = bytearray(data.translate(_BLANK_BYTES))
    for match in _UNITY_COMMENT.finditer(data):
        out[match.start() : match.end()] = match.group()
    headers = list(_UNITY_HEADER.finditer(data))
    for index, header in enumerate(headers):
        if header.group(1) not in UNITY_MEDIA_CLASSES:
            continue
        end = headers[index + 1].start() if index + 1 < len(headers) else len(data)
        match = _UNITY_PLAY_ON_AWAKE.search(data, header.end(), end)
        if match is not None:
            out[match.start() : match.end()] = match.group()
    return bytes(out)
