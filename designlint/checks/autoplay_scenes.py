"""autoplay in scene files: what a game's editor sets, not its code.

Godot stores a player's Inspector settings in the scene file (`.tscn`, read as YAML through
scene_text.py): `autoplay = true` under `[node name="Music" type="AudioStreamPlayer"]` starts
the stream as soon as the scene enters the tree, the usual way a Godot game starts its music.
A scene nothing loads never plays (project_index / `godot_script_unused`), a player without a
stream plays nothing, and sound effects and ambient loops are not music (the same words as the
code rules: autoplay_games).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_games import AMBIENT_WORD, MUSIC_WORD, _words, godot_script_unused

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


def _volume_db(value: str | None) -> float:
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def _section_of(node: Node, sections: list[tuple[int, str, dict[str, str]]]) -> tuple[int, int, str, dict[str, str]] | None:
    """(start, end, tag, attributes) of the section holding `node`."""
    before = [s for s in sections if s[0] <= node.start_byte]
    if not before:
        return None
    start, tag, attrs = before[-1]
    later = [s[0] for s in sections if s[0] > start]
    return start, later[0] if later else 1 << 62, tag, attrs


def godot_scene_autoplay(ctx: CheckContext) -> Verdict | None:
    """`autoplay = true` on a Godot video player or music player in a scene the game loads."""
    text = ctx.data.decode("utf-8", "replace")
    line = text[ctx.node.start_byte : text.find("\n", ctx.node.start_byte) if "\n" in text[ctx.node.start_byte :] else len(text)]
    if not re.match(r"^autoplay\s*=\s*true\s*$", line.strip()):
        return None
    sections = ctx.remember("godot_sections", lambda: _sections(text))
    found = _section_of(ctx.node, sections)
    if found is None or found[2] != "node":
        return None
    start, end, _, attrs = found
    kind = GODOT_PLAYERS.get(attrs.get("type", ""))
    if kind is None:
        return None  # another node type, or an instanced scene whose type this file does not say
    props = _properties(text, start, min(end, len(text)))
    stream = _stream_name(props.get("stream", ""), sections)
    if stream is None:
        return None  # nothing to play
    name = attrs.get("name", "")
    if kind != "video" and not _music([name, stream], positional=kind == "positional"):
        return None
    if "scene_unused" not in ctx.memo:
        project_index.for_context(ctx, "gdscript")  # the project's other files are inputs of the cached result
        ctx.memo["scene_unused"] = godot_script_unused(ctx.path)
    if ctx.memo["scene_unused"]:
        return None
    what = f"video ({name})" if kind == "video" else f"music ({name})"
    message = f"{what} starts playing as soon as the scene loads (autoplay = true in the scene file)"
    if _volume_db(props.get("volume_db")) <= MUTED_DB:
        return Verdict(message=message, severity="info", note="the player is muted (volume_db at or below -60)")
    return Verdict(message=message)
