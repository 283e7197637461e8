"""autoplay in scene files: what a game's editor sets, not its code.

Godot stores a player's Inspector settings in the scene file (`.tscn`, read as YAML through
scene_text.py): `autoplay = true` under `[node name="Music" type="AudioStreamPlayer"]` starts
the stream as soon as the scene enters the tree, the usual way a Godot game starts its music.
A scene nothing loads never plays (project_index / `godot_script_unused`), a player without a
stream plays nothing, and sound effects and ambient loops are not music (the same words as the
code rules: autoplay_games).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_games import AMBIENT_WORD, MUSIC_NAME, MUSIC_WORD, VIDEO_NAME, _receiver_name, _words, godot_script_unused, restarted_nodes

# Godot player node types: what each plays.
GODOT_PLAYERS = {
    "AudioStreamPlayer": "audio",
    "AudioStreamPlayer2D": "positional",
    "AudioStreamPlayer3D": "positional",
    "VideoStreamPlayer": "video",
    "VideoPlayer": "video",  # Godot 3
}
SECTION = re.compile(r"^\[(?P<tag>\w+)(?P<attrs>[^\]\n]*)\]", re.M)
ATTRIBUTE = re.compile(r"(\w+)=(?:\"([^\"]*)\"|([^\s\]]+))")
PROPERTY = re.compile(r"^(?P<key>[\w/]+)\s*=\s*(?P<value>.*)$", re.M)
RESOURCE_ID = re.compile(r"(ExtResource|SubResource)\(\s*\"?([^\")\s]+)\"?\s*\)")
# Words of a node or stream name that say a sound effect or jingle, not music.
EFFECT_WORD = re.compile(
    r"^(sfx|fx|effects?|click\w*|hit|hurt|jump\w*|coin\w*|pickup|explo\w*|shot|shoot\w*|gun\w*|foot\w*|steps?|"
    r"win|won|victory|lose|lost|fail\w*|death|die|dead|game ?over|gameover|jingle|beep|alarm|siren|"
    r"button|select\w*|hover|swoosh|whoosh|pop|ding|bell|engine|motor|conveyor|machine|voice\w*|dialog\w*)$",
    re.I,
)
MUTED_DB = -60.0
GD_FUNCTION = re.compile(r"^(?:static\s+)?func\s+(\w+)\s*\(", re.M)


def _sections(text: str) -> list[tuple[int, str, dict[str, str]]]:
    """(start offset, tag, attributes) of each `[tag key="value" ...]` header."""
    out = []
    for match in SECTION.finditer(text):
        attrs = {k: (q if q is not None and q != "" else u) or "" for k, q, u in ATTRIBUTE.findall(match.group("attrs"))}
        out.append((match.start(), match.group("tag"), attrs))
    return out


def _properties(text: str, start: int, end: int) -> dict[str, str]:
    """The `key = value` lines of one section (the value's first line)."""
    return {m.group("key"): m.group("value").strip() for m in PROPERTY.finditer(text, start, end)}


def _stream_name(value: str, sections: list[tuple[int, str, dict[str, str]]]) -> str | None:
    """What the `stream` property points to: the external file's path or the sub-resource's
    type; None when it names nothing."""
    match = RESOURCE_ID.search(value)
    if match is None:
        return value or None
    kind, ident = match.groups()
    tag = "ext_resource" if kind == "ExtResource" else "sub_resource"
    for _, section_tag, attrs in sections:
        if section_tag == tag and attrs.get("id") == ident:
            return attrs.get("path") or attrs.get("type") or ident
    return ident


def _music(names: list[str], positional: bool) -> bool:
    """Whether a non-video player's names say music: a music word; otherwise, for a plain
    (non-positional) player, no word of an effect, a jingle or an ambient loop."""
    words = _words(*names)
    if any(MUSIC_WORD.match(w) for w in words):
        return True
    if positional or "polyphonic" in words:
        return False  # a sound placed in the level, or a player of many overlapping effects
    return not any(EFFECT_WORD.match(w) or AMBIENT_WORD.match(w) for w in words)


def _unplaced_loop(attrs: dict[str, str], props: dict[str, str]) -> bool:
    """A positional player that is not placed in the level: a child of the scene's root with no
    position of its own, looping (`parameters/looping = true`). It plays the scene's background
    loop, so its names decide as for a plain player (no effect or ambient word: music)."""
    return (
        attrs.get("parent") == "."
        and not any(k in props for k in ("position", "transform", "global_position"))
        and props.get("parameters/looping") == "true"
    )


def _volume_db(value: str | None) -> float:
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def _section_of(offset: int, sections: list[tuple[int, str, dict[str, str]]]) -> tuple[int, int, str, dict[str, str]] | None:
    """(start, end, tag, attributes) of the section holding the text at `offset`."""
    before = [s for s in sections if s[0] <= offset]
    if not before:
        return None
    start, tag, attrs = before[-1]
    later = [s[0] for s in sections if s[0] > start]
    return start, later[0] if later else 1 << 62, tag, attrs


def godot_scene_autoplay(ctx: CheckContext) -> Verdict | None:
    """`autoplay = true` on a Godot video player or music player in a scene the game loads; also
    a node that gets its player type and `autoplay = true` from another scene (an instance of a
    music-player scene, or a node of the scene this one inherits) and its stream here."""
    text = ctx.remember("godot_text", lambda: ctx.data.decode("utf-8", "replace"))
    # The scene is read as text: the node's byte offset becomes a character offset (labels in
    # other scripts before it take several bytes per character).
    offset = len(ctx.data[: ctx.node.start_byte].decode("utf-8", "replace"))
    end_of_line = text.find("\n", offset)
    line = text[offset : end_of_line if end_of_line >= 0 else len(text)]
    key = line.split("=", 1)[0].strip()
    if key not in ("autoplay", "stream"):
        return None
    sections = ctx.remember("godot_sections", lambda: _sections(text))
    found = _section_of(offset, sections)
    if found is None or found[2] != "node":
        return None
    start, end, _, attrs = found
    own = _properties(text, start, min(end, len(text)))
    node_type, props, stream = _resolved_node(ctx, text, sections, attrs, own)
    if key == "autoplay" and own.get("autoplay") != "true":
        return None
    if key == "stream" and ("autoplay" in own or props.get("autoplay") != "true"):
        return None  # reported at its own autoplay line, or it does not autoplay
    kind = GODOT_PLAYERS.get(node_type)
    if kind is None or stream is None:
        return None  # another node type, or nothing to play
    name = attrs.get("name", "")
    positional = kind == "positional" and not _unplaced_loop(attrs, props)
    if kind != "video" and not _music([name, stream], positional=positional):
        return None
    if _script_starts_node(ctx, text, sections, start, end, name):
        return None  # the scene's script plays or replays this node: its finding stands for the behaviour
    if _root_script_restarts(ctx, text, sections, attrs):
        return None  # the root's script restarts it in `_process`: this line is a related site of that finding
    if "scene_unused" not in ctx.memo:
        project_index.for_context(ctx, "gdscript")  # the project's other files are inputs of the cached result
        ctx.memo["scene_unused"] = godot_script_unused(ctx.path)
    if ctx.memo["scene_unused"]:
        return None
    what = f"video ({name})" if kind == "video" else f"music ({name})"
    where = "in the scene file" if key == "autoplay" else "in the scene it comes from"
    message = f"{what} starts playing as soon as the scene loads (autoplay = true {where})"
    if _volume_db(props.get("volume_db")) <= MUTED_DB:
        return Verdict(message=message, severity="info", note="the player is muted (volume_db at or below -60)")
    return Verdict(message=message)


MAX_SCENE_DEPTH = 4


def _resolved_node(ctx: CheckContext, text: str, sections, attrs: dict[str, str], own: dict[str, str], depth: int = 0):
    """(type, properties, stream name) of a scene node, following Godot's scene composition: a node
    without a `type` is an instance of another scene (`instance=ExtResource(...)`: that scene's root
    node) or a node of the scene this one inherits (the root's `instance=`: the node of the same
    name and parent there). Properties set here override the other scene's."""
    node_type, props = attrs.get("type", ""), dict(own)
    stream = _stream_name(own["stream"], sections) if own.get("stream") else None
    if node_type or depth >= MAX_SCENE_DEPTH:
        return node_type, props, stream
    instance = attrs.get("instance", "")
    if instance:
        base = _scene_resource(ctx, instance, sections)
        if base is None:
            return "", props, stream
        base_text, base_sections = base
        root = next(((i, a) for i, (_, tag, a) in enumerate(base_sections) if tag == "node" and "parent" not in a), None)
    else:
        scene_root = next((a for _, tag, a in sections if tag == "node" and "parent" not in a), None)
        base = _scene_resource(ctx, scene_root.get("instance", ""), sections) if scene_root else None
        if base is None:
            return "", props, stream
        base_text, base_sections = base
        root = next(
            ((i, a) for i, (_, tag, a) in enumerate(base_sections) if tag == "node" and a.get("name") == attrs.get("name") and a.get("parent") == attrs.get("parent")),
            None,
        )
    if root is None:
        return "", props, stream
    index, base_attrs = root
    b_start = base_sections[index][0]
    b_end = base_sections[index + 1][0] if index + 1 < len(base_sections) else len(base_text)
    base_props = _properties(base_text, b_start, b_end)
    base_type, inherited, base_stream = _resolved_node(ctx, base_text, base_sections, base_attrs, base_props, depth + 1)
    return base_type, {**inherited, **props}, stream or base_stream


def _scene_resource(ctx: CheckContext, value: str, sections) -> tuple[str, list] | None:
    """The text and sections of the `.tscn` an `ExtResource(...)` value names, or None."""
    path = _stream_name(value, sections) if value else None
    if not path or not path.endswith(".tscn"):
        return None
    raw = _res_file(ctx, path)
    if raw is None:
        return None
    other = raw.decode("utf-8", "replace")
    return other, _sections(other)


def _res_file(ctx: CheckContext, path: str) -> bytes | None:
    """The bytes of a `res://` file of the scene's Godot project (res:// is the folder holding
    project.godot; without one, the nearest folder up where the file exists); recorded as an input
    of the scene's cached result."""
    if not path.startswith("res://"):
        return None
    return ctx.remember(f"godot_res:{path}", lambda: _read_res_file(ctx, path))


def _read_res_file(ctx: CheckContext, path: str) -> bytes | None:
    relative = path[len("res://") :]
    folder = Path(ctx.path).resolve().parent
    for candidate in [folder, *folder.parents][:12]:
        target = candidate / relative
        if target.is_file():
            try:
                raw = target.read_bytes()
            except OSError:
                return None
            ctx.depends_on({str(target): hashlib.sha256(raw).hexdigest()})
            return raw
        if (candidate / "project.godot").is_file():
            break
    return None


def _script_starts_node(ctx: CheckContext, text: str, sections, start: int, end: int, name: str) -> bool:
    """The script of the scene's root node (or of the player node itself) plays the node when it
    loads (`$Music.play()` in `_ready`) or connects its `finished` signal in code
    (`music.finished.connect(music.play)`): the code rule reports that one behaviour there, so the
    scene's `autoplay = true` is not reported a second time."""
    scripts = [_script_text(ctx, text, sections, s_start, s_end) for s_start, s_end in _script_holders(text, sections, start, end)]
    scripts = [code for code in scripts if code]
    if not scripts or not name:
        return False
    node_ref = re.escape(name)
    refs = [rf'[$%]"?{node_ref}"?(?!\w)', rf'get_node\(\s*"{node_ref}"\s*\)']
    for code in scripts:
        # The code rule knows a player for music or video by its name (autoplay_games): only then
        # does its finding stand for this one.
        names = list(refs) if MUSIC_NAME.search(name) or VIDEO_NAME.search(name) else []
        for var in re.findall(rf"^\s*(?:@onready\s+)?(?:onready\s+)?var\s+(\w+)[^=\n]*=\s*(?:{'|'.join(refs)})", code, re.M):
            if names or MUSIC_NAME.search(var) or VIDEO_NAME.search(var):
                names.append(rf"\b{re.escape(var)}\b")
        if not names:
            continue
        node = "(?:" + "|".join(names) + ")"
        bodies = _function_bodies(code)
        for hook in ("_ready", "_enter_tree"):
            if re.search(node + r"\s*\.\s*play\s*\(", bodies.get(hook, "")):
                return True
        if re.search(node + r"\s*\.\s*finished\s*\.\s*connect\s*\(|" + node + r"\s*\.\s*connect\s*\(\s*\"finished\"", code):
            return True
    return False


def _root_script_restarts(ctx: CheckContext, text: str, sections, attrs: dict[str, str]) -> bool:
    """The script of the scene's root node plays this node again whenever it stops, in `_process` /
    `_physics_process` (autoplay_games.restarted_nodes, through `$Music`, `get_node("Music")` or a
    variable holding it): the code rule reports that restart, with this line as a related site."""
    parent, name = attrs.get("parent"), attrs.get("name", "")
    if parent is None or not name:
        return False
    relative = name if parent == "." else f"{parent}/{name}"
    holders = _script_holders(text, sections, 0, 0)[1:]
    for s_start, s_end in holders:
        value = _properties(text, s_start, min(s_end, len(text))).get("script", "")
        path = _stream_name(value, sections) if value else None
        raw = _res_file(ctx, path) if path and path.endswith(".gd") else None
        receivers = ctx.remember(f"godot_restarted:{path}", lambda raw=raw: restarted_nodes(raw)).get(relative, set()) if raw is not None else set()
        # The code rule knows the player for music by the node's or the variable's name (as in _script_starts_node).
        if receivers and any(MUSIC_NAME.search(n) or VIDEO_NAME.search(n) for n in [name, *map(_receiver_name, receivers)]):
            return True
    return False


def _script_holders(text: str, sections, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the root node's section and of the player node's own section."""
    out = [(start, end)]
    for index, (s_start, tag, attrs) in enumerate(sections):
        if tag == "node" and "parent" not in attrs:
            later = sections[index + 1][0] if index + 1 < len(sections) else len(text)
            out.append((s_start, later))
            break
    return out


def _script_text(ctx: CheckContext, text: str, sections, start: int, end: int) -> str:
    """The text of the GDScript a section's `script = ExtResource(...)` attaches ('' if none)."""
    value = _properties(text, start, min(end, len(text))).get("script", "")
    path = _stream_name(value, sections) if value else None
    if not path or not path.endswith(".gd"):
        return ""
    raw = _res_file(ctx, path)
    return raw.decode("utf-8", "replace") if raw is not None else ""


def _function_bodies(code: str) -> dict[str, str]:
    """Each GDScript function's text (its header and indented body), by name."""
    starts = [(m.start(), m.group(1)) for m in GD_FUNCTION.finditer(code)]
    bodies = {}
    for index, (offset, fn) in enumerate(starts):
        rest = code[offset:]
        lines = rest.split("\n")
        taken = [lines[0]]
        for line in lines[1:]:
            if line.strip() and not line[0].isspace():
                break
            taken.append(line)
        bodies[fn] = "\n".join(taken)
    return bodies
