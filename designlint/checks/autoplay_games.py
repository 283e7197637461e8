"""Checks for the `autoplay` rule in games: Unity (C#), Godot (GDScript), Roblox and LÖVE (Lua).

The queries in rules/autoplay/games.yaml find candidates: a `Play()` / `play()` call, the
game's own music call (`PlayMusic(clip)`, `PlayBgm(...)`, `play_music("menu")`,
`MusicManager.Instance.PlayMenu()`), a property that starts or loops playback
(`playOnAwake = true`, `autoplay = true`, `Playing = true`, `isLooping = true`,
`loop = true`), and an "item ended" hook (`loopPointReached += ...`, `finished.connect(...)`,
`connect("finished", ...)`, `_on_video_finished()`, `Ended:Connect(...)`).

The functions here decide three things:

* what plays (`media_kind`): a video (`VideoPlayer`, `VideoStreamPlayer`, `VideoFrame`,
  `love.graphics.newVideo`), or music: an audio player that loops or is named for music
  (`AudioSource` with `loop = true`, `$Music`, `bgm`, `Sound.Looped = true`,
  `source:setLooping(true)`, a LÖVE wrapper's `Sound(..., {tags = {music}})`), or any node a
  music-named script plays (`$Bass.play()` in `music_player.gd`). Other audio (hits, clicks,
  footsteps), animations, tweens, particles and timelines are not media here;
* when it runs (`situation`): on load (`Awake`/`Start`/`OnEnable`, `_ready`, `love.load`, the
  top of a Roblox script, `PlayerAdded`/`CharacterAdded`, or a method, coroutine or handler
  those reach in the same file; a Roblox BindableFunction / BindableEvent handler another script
  invokes or fires at load; also `Update` / `_process` restarting a stopped player), on
  a player action (button, click, input handlers, not reported), on some other game event
  (not reported), or when an item ends;
* whether an "ended" handler moves on or starts again (`plays_again`): it plays, changes the
  clip / stream / SoundId, or steps an index; loading the next scene or freeing the node does
  not count (a cutscene ending is not a playlist).

Muted playback (`mute = true`, or `volume = 0` / `Volume = 0` that is not faded in after the
play) is lowered to `info`, and so is music when the same file offers a music volume or mute
setting (WCAG 1.4.2 asks for exactly that control).
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import replace
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.polyglot import argument_nodes, as_call, calls, enclosing_functions, function_name, functions_by_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk
from designlint.files import DEFAULT_EXCLUDED_DIRS

MUTED_NOTE = "muted: lower severity, but it still captures attention"
SETTING_NOTE = "the same file has a music volume or mute setting: the player can turn it down, but it still starts by itself"

# --------------------------------------------------------------------------------------------
# vocabulary

# Music in the languages game jams are written in (Spanish, Portuguese, Italian, French, German,
# Dutch, Polish, Russian): `$Musica`, `musique_menu`, `Melodia.mp3`, `trilha`, `музыка`.
FOREIGN_MUSIC = r"m[uú]sica|musique|musik|muzyka|muziek|музык[аиуе]?|melodi[ae]|canci[oó]n|trilha"
VIDEO_NAME = re.compile(r"(video|movie|cutscene|cinematic|trailer|film|^vp$|^vid$|videoframe|intro_?clip)", re.I)
MUSIC_NAME = re.compile(rf"(music|bgm|soundtrack|song|theme|ambien|playlist|radio|jukebox|melody|^track$|^tune|{FOREIGN_MUSIC})", re.I)
NOT_MEDIA = re.compile(r"(anim|tween|particle|timeline|director|sfx|effect|^fx|spring|shake|camera|emitter|^ps$)", re.I)
VIDEO_TYPES = r"(VideoPlayer|VideoStreamPlayer|VideoFrame|VideoDisplay|VideoStreamTheora)"
AUDIO_TYPES = r"(AudioSource|AudioStreamPlayer(2D|3D)?|Sound)"

# Named functions that run when the scene, node or game loads.
LOAD_FN = re.compile(
    r"^(Awake|Start|OnEnable|OnStartClient|OnStartLocalPlayer|OnSceneLoaded|OnLevelWasLoaded|"
    r"_ready|_enter_tree|_init|_on_ready|_on_\w+_ready|load|enter|entered|enteredState|onEnter|onRun|KnitStart|KnitInit|OnStart|OnAwake|ClientAwake|ClientStart|"
    r"Init|init|Initiali[sz]e|Initialization|"
    r"(on|On)?(PlayerAdded|playerAdded|PlayerJoined|playerJoined|CharacterAdded|characterAdded))$"
)
# Per-frame functions, and a condition that the player is not playing.
UPDATE_FN = re.compile(r"^(Update|FixedUpdate|LateUpdate|_process|_physics_process|update)$")
# `!` is `not` in GDScript as in C# (`if music_on && !$Music.playing:`); `&&` / `||` are `and` / `or`.
STOPPED = re.compile(
    r"((\bnot\b|!(?!=))\s*\(?\s*[\w.:$\[\]'\"]*(is_playing\(\)|isPlaying\(\)|IsPlaying|\.?playing\b|\.Playing)|"
    r"!\s*[\w.\[\]]*\.?(isPlaying|IsPlaying)|(isPlaying|is_playing\(\)|IsPlaying|playing|Playing)\s*==\s*false)"
)
# `song:isStopped()` (a LÖVE sound wrapper), `is_stopped()`, `IsStopped`: true when the player has stopped.
IS_STOPPED = re.compile(r"[\w.:$]*[.:]\s*(isStopped|is_stopped|IsStopped)\b(\s*\(\s*\))?")


def _stopped_test(condition: str) -> bool:
    """The condition holds when the player is not playing (`not music.is_playing()`,
    `song:isStopped()`; not `not song:isStopped()`)."""
    if STOPPED.search(condition):
        return True
    return bool(IS_STOPPED.search(condition)) and not re.search(r"(\bnot\b|!)\s*\(?\s*[\w.:$]*[.:]\s*(isStopped|is_stopped|IsStopped)", condition)


# Named functions that answer a player action.
USER_FN = re.compile(
    r"(click|press|tap|touch|button|_input$|^_gui_input|^_unhandled|toggle|interact|submit|"
    r"^_?on_?\w*select|select(ed|ion)?$|"  # `OnSelect`, `_on_level_selected`; not `SelectTrack` (picks a song)
    r"keypressed|keyreleased|mousepressed|mousereleased|gamepadpressed|onPointer|OnMouse(Down|Up)|"
    r"activated|triggered|use$|^use|onUse)",
    re.I,
)
# Events / signals a handler is attached to.
LOAD_EVENT = re.compile(r"^(PlayerAdded|CharacterAdded|playerJoinedEvent|sceneLoaded|ready|tree_entered|Loaded)$")
USER_EVENT = re.compile(
    r"(click|press|tap|touch|button|activated|triggered|InputBegan|InputEnded|performed|canceled|"
    r"toggled|gui_input|FocusLost|MouseClick|onClick|onValueChanged|onSubmit|onEndEdit)",
    re.I,
)
ENDED_EVENT = re.compile(r"^(loopPointReached|finished|Ended|DidLoop)$")
# Calls that hand a function to run later, from where they are made (looked through).
PASS_THROUGH = re.compile(
    r"^(spawn|defer|delay|wrap|pcall|xpcall|create|call_deferred|andThen|then|OnComplete|"
    r"AppendCallback|Invoke|InvokeRepeating|Run|RunOnMainThread|Enqueue|prepareCompleted|started|"
    r"seekCompleted|errorReceived|frameReady)$"
)
STRING_TYPES = ("string", "string_literal", "string_content")
# Calls that take a method by its name.
CALLBACK_BY_NAME = re.compile(
    r"^(Invoke|InvokeRepeating|StartCoroutine|SendMessage|SendMessageUpwards|BroadcastMessage|connect|call|call_deferred|callv|Callable|funcref|rpc\w*)$"
)
# Calls that register a handler on an event bus: it runs when the event fires, not now.
SUBSCRIBE = re.compile(r"^([sS]ubscribe\w*|[rR]egister\w*(Handler|Listener|Callback|Event)\w*|[aA]dd(Event)?(Listener|Handler)|[lL]isten|On|on)$")
USER_CONDITION = re.compile(
    r"(GetKeyDown|GetKeyUp|GetButtonDown|GetMouseButtonDown|GetMouseButtonUp|GetKey\b|GetButton\b|"
    r"wasPressedThisFrame|is_action_just_pressed|is_action_pressed|is_key_pressed|InputEvent|"
    r"is_pressed\(|isDown\(|keyboard\.isDown|\b[kK]eys[.:](?:just)?[pP]ressed\()"
)
# What an ended handler does when it moves on or starts again.
REPLAY_OR_ADVANCE = re.compile(
    r"(\bPlay\s*\(|\bplay\s*\(|:Play\s*\(|:play\s*\(|\bPlaying\s*=\s*true|\bplaying\s*=\s*true|"
    r"\.clip\s*=|\.url\s*=|\bstream\s*=|\.SoundId\s*=|\.Video\s*=|\b\w*(index|idx|current|cursor|pos)\w*\s*(\+\+|\+=|=\s*\(?\s*\w+\s*\+\s*1)|"
    r"\+\+\s*\w*(index|idx|current)|[nN]ext\w*\s*\()",
    re.I,
)
MUSIC_SETTING = re.compile(
    r"((music|bgm|sound|audio|master)_?(volume|vol|enabled|on|muted?|toggle|setting)|(volume|vol)_?(music|bgm|theme|soundtrack)|"
    r"(is|set|toggle)_?(music|bgm|sound|audio)_?(on|off|enabled|muted?)?\b|mute_?(music|bgm|sound|audio)|"
    r"set_bus_mute|set_bus_volume_db|AudioListener\.volume|SetFloat\(\s*\"\w*(Music|Volume)|"
    r"GetFloat\(\s*\"\w*(Music|Volume)|(music|bgm)_?slider|set_stream_global_volume_scale|"
    r"(music|bgm)\w*\s*[.:]\s*(Volume\s*(<=?|==|~=)\s*0\b(?!\.)|GetPropertyChangedSignal\(\s*[\"']Volume))",
    re.I,
)

# Calls that start a music track through the game's own audio manager: `PlayMusic(clip)`,
# `PlayBgm(SceneType.Main)`, `play_music("ambient")`, `playMusic("opening")`, `play_track(MENU)`;
# a music word anywhere in the name makes it music, whatever else the name says: `playRandomSong()`,
# `startRandomTrack()`, `play_random_music()` (BYTEPATH main.lua).
MUSIC_CALL = re.compile(
    r"^_?(?:[Pp]lay|[Ss]tart)_?(?:[Bb]ackground_?|[Bb][Gg]_?|[Mm]enu_?|[Ll]obby_?|[Tt]itle_?|[Mm]ain_?|[Ss]cene_?|[Ll]evel_?|[Gg]ame_?)?"
    r"(?:[Mm]usic|BGM|Bgm|bgm|[Ss]oundtrack|[Ss]ong|[Tt]heme|[Tt]rack(?!ing|er)|[Jj]ingle_?[Ll]oop)\w*$|"
    r"^_?[Pp]lay_?(?:[Bb]ackground|BG|Bg|bg)_?(?:[Ss]ound|[Aa]udio)\w*$|"
    r"^_?(?:[Pp]lay|[Ss]tart)(?:_?[A-Z][a-z0-9]*|_[a-z0-9]+)+?_?(?:[Mm]usic|BGM|Bgm|bgm|[Ss]oundtrack|[Ss]ong|[Tt]heme|[Tt]rack)s?(?![a-z])\w*$"
)
# An audio manager named for music: `MusicManager.Instance`, `MusicController`, a `Music` autoload.
MUSIC_RECEIVER = re.compile(r"(music|bgm|soundtrack|jukebox|radio)", re.I)
NOT_MUSIC_CALL = re.compile(r"(OneShot|Scheduled|Sfx|SFX|sfx|Sound(?!track)|sound(?!track)|Effect|Voice|voice|Anim|anim|Clip$)")

LAMBDA_TYPES = frozenset({"lambda_expression", "anonymous_method_expression", "lambda"})
SFX_CONTAINER = re.compile(
    r"(engine|motor|vehicle|airplane|aeroplane|helicopter|propeller|footstep|weapon|gun|projectile|bullet|sfx|effect|rain|wind|"
    r"enemy|zombie|horn|siren|alarm)",
    re.I,
)
# Words of a class or script name that say its looping sound belongs to a vehicle (`DriveSound1`,
# `KartEngine`, `TruckIdle`): the engine or road loop of a car, not background music, whatever its
# player field is called (`bgSound1`). Whole words, so `CardTable` and `Scary` are no cars.
VEHICLE_WORD = re.compile(
    r"^(cars?|drive|drives|driving|drift\w*|engines?|motors?|motorbikes?|motorcycles?|vehicles?|trucks?|lorry|karts?|"
    r"tractors?|taxis?|tyres?|tires?|exhaust)$",
    re.I,
)


def _vehicle_container(ctx: CheckContext) -> bool:
    """The class around the match (else the script's file name) names a vehicle (`DriveSound1`, `TruckIdle`)."""
    return any(VEHICLE_WORD.match(w) for w in _words(_container_name(ctx)))


IF_TYPES = frozenset({"if_statement", "elif_clause", "conditional_expression"})
BLOCK_TYPES = frozenset({"block", "body"})  # C# / Lua `block`, GDScript `body`
# Words (of camelCase / snake_case names) that name an ambient or environment loop: wind, rain,
# birds, ocean waves, crowd murmur, room tone. Such a loop is not music unless a name also says so.
AMBIENT_WORD = re.compile(
    r"^(ambien\w*|amb|winds?|windy|rain\w{0,3}|ocean|sea|waves?|birds?|forest|jungle|crowd|room|roomtone|hum|"
    r"engine|fire|campfire|water|river|environment\w*|env|atmos\w*|nature|weather|storm|thunder|"
    r"crickets?|cicadas?|insects?|frogs?|traffic|city|fountains?|buzz\w*|"
    # a kitchen's or a crowd's loop (a cooking game's grill layers: `sizzleLayerA`)
    r"sizzl\w*|grill\w*|frying|fryer|boil\w*|simmer\w*|kitchen|crackl\w*|applause|cheer\w*|murmur\w*|chatter\w*)$",
    re.I,
)
MUSIC_WORD = re.compile(rf"^(music\w*|bgm|soundtrack|themes?|songs?|tracks?|playlist|jukebox|radio|melody|tune|{FOREIGN_MUSIC})$", re.I)
# A script or class named for music (`music_player.gd`, `class_name BgmPlayer`): the nodes it plays are
# its music, whatever they are called (`$Bass`, `$Drums`: stems of one track).
MUSIC_SCRIPT = re.compile(rf"(music|bgm|soundtrack|{FOREIGN_MUSIC})", re.I)
# A Godot node path (`$Bass`, `%Drums`, `get_node("Lead")`), not a variable or a property.
NODE_PATH = re.compile(r"^\s*([$%]|get_node\s*\()")


# --------------------------------------------------------------------------------------------
# per-file facts





def _functions(ctx: CheckContext) -> dict[str, list[Node]]:
    """Named functions of the file by name (C# methods, GDScript funcs, Lua functions)."""
    return functions_by_name(ctx)


def _identifier_uses(ctx: CheckContext) -> dict[str, list[Node]]:
    """Every identifier and string node of the file by its text (quotes stripped)."""

    def build() -> dict[str, list[Node]]:
        out: dict[str, list[Node]] = {}
        for node in walk(ctx.root):
            if node.type in ("identifier", "name", "string", "string_literal", "string_content"):
                out.setdefault(text(node).strip("\"'"), []).append(node)
        return out

    return ctx.remember("apg_idents", build)


def _extends(ctx: CheckContext) -> str:
    """The class a GDScript file extends, or a C# class's first base ("" when none)."""
    match = re.search(r"^\s*(?:class_name\s+\w+\s+)?extends\s+(\w+)", ctx.code_without_comments(), re.M)
    return match.group(1) if match else ""


# --------------------------------------------------------------------------------------------
# what plays


def _receiver_name(receiver: str) -> str:
    """`videoPlayer` for `this.videoPlayer`, `Music` for `$Music` / `script.Parent.Music`,
    `BGM` for `SoundService:WaitForChild("BGM")`."""
    receiver = receiver.strip()
    quoted = re.search(r"(?:WaitForChild|FindFirstChild|get_node|GetNode\w*)\s*\(\s*[\"']([^\"']+)[\"']", receiver)
    if quoted:
        receiver = quoted.group(1)
    receiver = re.sub(r"\[[^\]]*\]$", "", receiver)
    return re.split(r"[.:/$%]", receiver.rstrip("?!() "))[-1].strip("\"'")


def media_kind(receiver: str, ctx: CheckContext, alias: bool = True) -> str:
    """"video", "music" or "" for the object a play / property is on."""
    owner = re.match(rf"^(.+)\.GetComponent\w*\s*<\s*{AUDIO_TYPES}\s*>\s*\(\s*\)$", receiver.strip())
    if owner and MUSIC_NAME.search(_receiver_name(re.sub(r"\.(Instance|instance|Singleton|singleton|Shared|shared)$", "", owner.group(1).strip()))):
        return "music"  # `GameMusic.GetComponent<AudioSource>().Play()`, `MusicBase.Instance.GetComponent<AudioSource>()`
    name = _extends(ctx) if receiver in ("", "self", "this") else _receiver_name(receiver)
    if alias and _indexed_names(receiver):  # `_G[pick{'song1', 'song2'}]`: the names the index picks from
        kind = media_kind(re.sub(r"\[[^\]]*\]$", "", receiver), ctx, alias=False)
        kinds = {media_kind(quoted, ctx, alias=False) or _keyed_stream(quoted, ctx) for quoted in _indexed_names(receiver)}
        if not kind and len(kinds) == 1:
            return kinds.pop()
    if alias:
        value = _alias_of(name, ctx)
        if value and _receiver_name(value) != name:
            kind = media_kind(value, ctx, alias=False)
            if kind:
                return kind
        picked = _picked_from(name, ctx)
        if picked and any(MUSIC_NAME.search(n) for n in _list_names(picked, ctx)):
            return "" if _ambient_loop(picked, ctx) else "music"
    member = _autoload_member_kind(receiver, ctx)
    if member is not None:
        return member
    declared = _declared_type(name, receiver, ctx)
    if declared == "other" or _captures_input(name, ctx):
        return ""
    if declared == "video" or (not declared and VIDEO_NAME.search(name) and not NOT_MEDIA.search(name)):
        return "video"
    if MUSIC_NAME.search(name) and not re.search(r"anim", name, re.I):
        return "" if _ambient_loop(name, ctx) else "music"
    if NOT_MEDIA.search(name):
        return ""
    if not declared and NODE_PATH.match(receiver) and MUSIC_SCRIPT.search(_script_names(ctx)):
        # `$Bass.play()` in music_player.gd; but the scene that attaches the script has the last
        # word on what the node is (`$status` may be the toggle's AnimatedSprite icon)
        types = _attached_node_types(receiver, ctx)
        if types and not any(GODOT_MEDIA_TYPE.match(t) for t in types):
            return ""
        return "" if _ambient_loop(name, ctx) else "music"
    streamed = _attached_stream_kind(receiver, ctx) if not declared and NODE_PATH.match(receiver) else None
    if streamed is not None:  # `get_node("StreamPlayer")` whose scene gives it background_music.ogg, or click.wav
        return "" if not streamed or _ambient_loop(name, ctx) else streamed
    if (declared == "audio" or re.search(r"(audio|sound|source|^src$|^snd$|^au$|player)", name, re.I)) and (
        _is_music(name, ctx) or _own_component_set_up_as_music(receiver, ctx)
    ):
        return "" if _ambient_loop(name, ctx) else "music"
    return ""


GODOT_MEDIA_TYPE = re.compile(r"^(VideoStreamPlayer|VideoPlayer|AudioStreamPlayer(2D|3D)?)$")
GODOT_NODE_HEADER = re.compile(r"^\[node ([^\]]*)\]\s*$", re.M)
GODOT_AUTOLOAD_MEMBER = re.compile(r"^([A-Z]\w*)\.(\w+)$")


def _scene_nodes(code: str) -> list[tuple[str, str, str]]:
    """(node path from the scene root, type, the node's own lines) of each node of a text scene."""
    headers = list(GODOT_NODE_HEADER.finditer(code))
    nodes = []
    for i, header in enumerate(headers):
        attrs = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', header.group(1)))
        body_end = code.find("\n[", header.end())
        body = code[header.end(): body_end if body_end >= 0 else len(code)]
        parent = attrs.get("parent")
        name = attrs.get("name", "")
        where = "." if parent is None else name if parent == "." else f"{parent}/{name}"
        nodes.append((where, attrs.get("type", ""), body))
    return nodes


def _script_ids(code: str, res: str) -> set[str]:
    """The ext_resource ids a scene gives the script at `res` (`res://ui/music.gd`)."""
    ids = set()
    for resource in re.findall(r"^\[ext_resource ([^\]]*)\]", code, re.M):
        if f'path="{res}"' in resource:
            found = re.search(r'\bid\s*=\s*"?([\w-]+)"?', resource)
            if found:
                ids.add(found.group(1))
    return ids


def _nodes_below(code: str, holder_ids: set[str], relative: str) -> list[tuple[str, str]]:
    """(type, the node's own lines) of the node at `relative` (`status`, `Bars/Bass`) below each node of the scene
    that runs one of `holder_ids` as its script (type "" for a node that comes from another scene)."""
    nodes = _scene_nodes(code)
    found = []
    for where, _, body in nodes:
        used = re.search(r"^script\s*=\s*ExtResource\(\s*\"?([\w-]+)\"?\s*\)", body, re.M)
        if not used or used.group(1) not in holder_ids:
            continue
        target = relative if where == "." else f"{where}/{relative}"
        found += [(kind, own) for other, kind, own in nodes if other == target]
    return found


def _godot_project(ctx: CheckContext) -> tuple[Path, dict[Path, str]] | None:
    """The text files of the script's Godot project, to read its scenes and autoloads (a binary tileset beside them
    says nothing of them)."""
    root = project_index.project_root(ctx.path, "gdscript")
    if not (root / "project.godot").is_file():
        return None
    files = _godot_files(root, binary_ok=True)
    return (root.resolve(), files) if files is not None else None


def _attached_nodes(receiver: str, ctx: CheckContext) -> list[tuple[str, str, str]]:
    """GDScript: (scene text, type, the node's own lines) of a `$status` / `get_node("Bars/Bass")` of this script in
    each scene that attaches the script (empty when no scene says)."""
    found = re.match(r"""^\s*(?:\$|get_node\s*\(\s*)["']?([\w/]+)["']?\s*\)?$""", receiver)
    project = _godot_project(ctx) if ctx.language == "gdscript" and found else None
    if project is None:
        return []
    root, files = project
    own = ctx.path.resolve()
    if not own.is_relative_to(root):
        return []
    res = "res://" + own.relative_to(root).as_posix()
    return [(code, kind, body) for scene, code in files.items() if scene.name.endswith(".tscn") and res in code
            for kind, body in _nodes_below(code, _script_ids(code, res), found.group(1))]


def _attached_node_types(receiver: str, ctx: CheckContext) -> set[str]:
    """GDScript: the node types a `$status` / `get_node("Bars/Bass")` of this script has in the
    scenes that attach the script (empty when no scene says)."""
    return {kind for _, kind, _ in _attached_nodes(receiver, ctx) if kind}


STREAM_RESOURCE = re.compile(r"^stream\s*=\s*ExtResource\(\s*\"?([\w-]+)\"?\s*\)", re.M)


def _ext_resource_path(code: str, ident: str) -> str:
    """The `res://` path of a scene's `[ext_resource ... id=2]` ("" when the scene has none of that id)."""
    for resource in re.findall(r"^\[ext_resource ([^\]]*)\]", code, re.M):
        if re.search(rf'\bid\s*=\s*"?{re.escape(ident)}"?(?![\w-])', resource):
            found = re.search(r'\bpath\s*=\s*"([^"]*)"', resource)
            return found.group(1) if found else ""
    return ""


def _attached_stream_kind(receiver: str, ctx: CheckContext) -> str | None:
    """GDScript: what a player node of this script plays, by the stream the scenes that attach the script give it
    (`get_node("StreamPlayer").play()` in the autoload whose scene sets `stream = ExtResource( 2 )`,
    `res://assets/Audio/background_music.ogg`): "music" when the stream's file or folder names music, "" when its
    file names an effect (`click.wav`, `jump.ogg`, checks/autoplay_scenes.py's words); None when no scene says."""
    from designlint.checks.autoplay_scenes import EFFECT_WORD as SCENE_EFFECT_WORD  # that module imports this one

    kinds = set()
    for code, kind, body in _attached_nodes(receiver, ctx):
        stream = STREAM_RESOURCE.search(body)
        if not GODOT_MEDIA_TYPE.match(kind) or re.match(rf"^{VIDEO_TYPES}$", kind) or stream is None:
            continue
        folder, _, file = _ext_resource_path(code, stream.group(1)).removeprefix("res://").rpartition("/")
        stem = _words(file.rsplit(".", 1)[0])
        if any(SCENE_EFFECT_WORD.match(w) or EFFECT_WORD.match(w) for w in stem):
            kinds.add("")
        elif any(MUSIC_WORD.match(w) for w in stem + _words(folder)):
            kinds.add("music")
    return kinds.pop() if len(kinds) == 1 else None


def _autoload_member_kind(receiver: str, ctx: CheckContext) -> str | None:
    """GDScript: "music" / "video" for an autoload's player reached through its script's member
    (`GlobalMusic.player`, with `onready var player = $music_player` and that node an
    `AudioStreamPlayer` in the autoload's scene) when the autoload, the member, the node or its
    bus names music; "" for another kind of node; None when the receiver is no autoload member."""
    found = GODOT_AUTOLOAD_MEMBER.match(receiver.strip()) if ctx.language == "gdscript" else None
    project = _godot_project(ctx) if found else None
    if project is None:
        return None
    root, files = project
    autoload, member = found.groups()
    settings = files.get(root / "project.godot", "")
    target = re.search(rf'^{re.escape(autoload)}\s*=\s*"\*?res://([^"]+)"', settings, re.M)
    if not target:
        return None
    scene_code = files.get((root / target.group(1)).resolve(), "") if target.group(1).endswith(".tscn") else ""
    script = _scene_root_script(root / target.group(1)) if scene_code else target.group(1)
    code = files.get((root / script).resolve(), "") if script else ""
    declared = re.search(rf"^\s*(?:@onready\s+|onready\s+)?var\s+{re.escape(member)}\s*(?::\s*(\w+)\s*)?(?::?=\s*(.*))?$", code, re.M)
    if not declared:
        return None
    kind, value = declared.group(1) or "", (declared.group(2) or "").strip()
    node = re.match(r"""^(?:\$|get_node\s*\(\s*)["']?([\w/]+)["']?\s*\)?$""", value)
    body = ""
    if node and scene_code:
        for where, node_type, node_body in _scene_nodes(scene_code):
            if where == node.group(1):
                kind, body = kind or node_type, node_body
    if not kind:
        return None
    if re.match(rf"^{VIDEO_TYPES}$", kind):
        return "video"
    if not GODOT_MEDIA_TYPE.match(kind):
        return ""
    names = [autoload, member, node.group(1) if node else ""]
    if any(MUSIC_NAME.search(n) for n in names if n) or re.search(r'^bus\s*=\s*"(music|bgm)\w*"', body, re.M | re.I):
        return "music"
    return None


def _own_component_set_up_as_music(receiver: str, ctx: CheckContext) -> bool:
    """Unity, no variable: `GetComponent<AudioSource>().clip = bgm; GetComponent<AudioSource>().loop
    = true; GetComponent<AudioSource>().Play();`: each call returns the same source, so a loop or a
    music clip set on it in the same function makes the play music (an ambient clip does not)."""
    own = rf"(?<![\w.])((this|gameObject)\s*\.\s*)?GetComponent\s*<\s*{AUDIO_TYPES}\s*>\s*\(\s*\)"
    fn = next(iter(enclosing_functions(ctx.node)), None)
    if fn is None or not re.fullmatch(own, receiver.strip()) or SFX_CONTAINER.search(_container_name(ctx)) or _vehicle_container(ctx):
        return False
    body = text(fn)
    clips = _words(*(m.group("clip") for m in re.finditer(rf"{own}\s*\.\s*clip\s*=\s*(?P<clip>[^;\n]{{0,160}})", body)))
    if any(AMBIENT_WORD.match(w) for w in clips) and not any(MUSIC_WORD.match(w) for w in clips):
        return False
    return any(MUSIC_WORD.match(w) for w in clips) or bool(re.search(rf"{own}\s*\.\s*loop\s*=\s*true\b", body))


def _keyed_stream(key: str, ctx: CheckContext) -> str:
    """LÖVE: "music" when a table entry of that key holds a streamed source (`['title'] =
    love.audio.newSource('title.mp3', 'stream')`, read through `sounds['title']`): long audio, music."""
    k = re.escape(key)
    entry = re.search(rf"(\[\s*[\"']{k}[\"']\s*\]|(?<![\w.]){k})\s*=\s*{_love_audio(ctx)}\.newSource\([^)\n]*[\"']stream[\"']", ctx.code_without_comments())
    return "" if entry is None or _ambient_loop(key, ctx) else "music"


def _indexed_names(receiver: str) -> list[str]:
    """The quoted names in a receiver's final index: `song1`, `song2` for
    `_G[random:table{'song1', 'song2'}]` (a Lua lookup of one of several globals)."""
    index = re.search(r"\[([^\]]*)\]\s*$", receiver)
    return re.findall(r"[\"']([A-Za-z_]\w*)[\"']", index.group(1)) if index else []


def _script_names(ctx: CheckContext) -> str:
    """The script's file name and its GDScript `class_name` (`music_player MusicPlayer`)."""
    declared = re.search(r"^\s*class_name\s+(\w+)", ctx.code_without_comments(), re.M)
    return f"{ctx.path.stem} {declared.group(1) if declared else ''}"


def _captures_input(name: str, ctx: CheckContext) -> bool:
    """The player plays back the microphone (`src.clip = Microphone.Start(...)`, Godot
    `AudioStreamMicrophone`, Roblox `AudioDeviceInput`): voice capture for lip sync or chat, not media."""
    if not re.match(r"^\w+$", name or ""):
        return False
    n = re.escape(name)
    return bool(
        re.search(
            rf"\b{n}\s*[.:]\s*(clip|stream|Stream)\s*=\s*(Microphone\.Start|AudioStreamMicrophone)|"
            rf"\b{n}\s*=\s*(AudioStreamMicrophone\.new|Instance\.new\(\s*[\"']AudioDeviceInput)",
            ctx.code_without_comments(),
        )
    )


def _alias_of(name: str, ctx: CheckContext) -> str:
    """The path a local name is bound to: `workspace.Screen.VideoFrame` for `local screen =
    workspace.Screen.VideoFrame`, `$Music` for `@onready var player = $Music`."""
    if not re.match(r"^\w+$", name or ""):
        return ""
    match = re.search(rf"\b{re.escape(name)}\s*:?=\s*([\w$%.:/\"'()]+?)\s*(?:$|;|--|#)", ctx.code_without_comments(), re.M)
    return match.group(1) if match else ""


def _picked_from(name: str, ctx: CheckContext) -> str:
    """Lua: the list a local player is taken from (`local nextSound = table.remove(playlist, 1)`,
    `local track = songs[index]`): a sound picked from a list named for music is music."""
    if ctx.language != "lua" or not re.match(r"^\w+$", name or ""):
        return ""
    found = re.search(rf"\b{re.escape(name)}\s*=\s*(?:table\.remove\(\s*([\w.]+)|([\w.]+)\s*\[)", ctx.code_without_comments())
    return _receiver_name(found.group(1) or found.group(2)) if found else ""


def _list_names(name: str, ctx: CheckContext) -> list[str]:
    """The names a Lua list goes by: itself, the lists it is set to (`playlist = soundList`), and
    the folder their items come from (`soundList = folder:GetChildren()`, or a loop over
    `folder:GetChildren()` that inserts into it), named by its last `WaitForChild("BackgroundMusic")`."""
    code = ctx.code_without_comments()
    lists = [name, *re.findall(rf"\b{re.escape(name)}\s*=\s*(\w+)\s*(?:$|;|--)", code, re.M)]
    names = list(lists)
    for item in lists:
        e = re.escape(item)
        folders = re.findall(rf"\b{e}\s*=\s*([\w.:()\"' ]+?):GetChildren\(\)", code)
        folders += [f for f, body in re.findall(r"\bfor\s+\w+\s*,\s*\w+\s+in\s+i?pairs\(\s*([\w.:()\"' ]+?):GetChildren\(\)\s*\)\s*do(.{0,300}?)\bend\b", code, re.S) if re.search(rf"table\.insert\(\s*{e}\s*,", body)]
        for folder in folders:
            value = _alias_of(folder, ctx) if re.match(r"^\w+$", folder) else folder
            quoted = re.findall(r"(?:WaitForChild|FindFirstChild)\s*\(\s*[\"']([^\"']+)[\"']", value or folder)
            names += [folder, *quoted[-1:]]
    return names


def _declared_type(name: str, receiver: str, ctx: CheckContext) -> str:
    """video / audio / other / "" from the file's declarations of `name` (C# fields and
    locals, GDScript typed vars and `X.new()`, Lua `Instance.new("Sound")`, LÖVE constructors)."""
    if re.search(rf"^{VIDEO_TYPES}$", name):
        return "video"
    if re.search(rf"^{AUDIO_TYPES}$", name):
        return "audio"
    if re.search(rf"(GetComponent|AddComponent)\w*\s*<\s*{VIDEO_TYPES}\s*>|newVideo\s*\(", receiver):
        return "video"
    if re.search(rf"(GetComponent|AddComponent)\w*\s*<\s*{AUDIO_TYPES}\s*>", receiver):
        return "audio"
    if not name or not re.match(r"^\w+$", name):
        return ""
    code = ctx.code_without_comments()
    n = re.escape(name)
    patterns = (
        rf"\b(?P<t>[\w.]+)(\[\])?\??\s+{n}\s*[;=,)]",  # C#: VideoPlayer vp; AudioSource music = ...
        rf"\b{n}\s*:\s*(?P<t>\w+)",  # GDScript: var video: VideoStreamPlayer
        rf"\b{n}\s*(:?=)\s*(\w+\.)?(GetComponent|AddComponent|GetComponentInChildren|FindObjectOfType)\w*\s*<\s*(\w+\.)*(?P<t>\w+)",
        rf"\b{n}\s*(:?=)\s*(?P<t>\w+)\.new\(",  # GDScript: player = VideoStreamPlayer.new()
        rf"\b{n}\s*(:\s*[\w.?]+\s*)?=\s*Instance\.new\(\s*[\"'](?P<t>\w+)",  # Roblox (Luau may annotate the type)
        rf"\b{n}\s*=\s*(?P<t>Sound)\s*[({{]",  # a LÖVE engine's sound wrapper: `song = Sound('a.ogg', {tags = {music}})`
        rf"\b{n}\s*(:\s*[\w.?]+\s*)?=\s*[\w.:]*[:.]Load(?P<t>Animation)\s*\(",  # Roblox: an AnimationTrack
        rf"\b{n}\s*=\s*x?pcall\s*\(\s*(function\s*\(\s*\)\s*return\s+)?[\w.:]*[:.]Load(?P<t>Animation)\b",  # ... loaded in a pcall
        rf"\b{n}\s*=\s*(love\.graphics\.new(?P<t>Video)|{_love_audio(ctx)}\.new(?P<s>Source))",  # LÖVE
    )
    if re.search(rf"\b{n}\s*[.:]\s*(KeyframeReached|GetMarkerReachedSignal|AdjustSpeed|AdjustWeight)\b", code):
        return "other"  # a Roblox AnimationTrack (`track.KeyframeReached:Connect(...)`)
    for pattern in patterns:
        for match in re.finditer(pattern, code):
            kind = match.groupdict().get("t") or ""
            if match.groupdict().get("s"):
                return "audio"
            if re.search(rf"^{VIDEO_TYPES}$|^Video$", kind):
                return "video"
            if re.search(rf"^{AUDIO_TYPES}$", kind):
                return "audio"
            if re.search(
                r"^(Animator|Animation|AnimationPlayer|AnimatedSprite\w*|ParticleSystem|PlayableDirector|Tween\w*|GPUParticles\w*|"
                r"CPUParticles\w*|AnimationTrack|\w*(Camera|Cinemachine|Cinematics|Sequence|Timeline|Feedbacks?))$",
                kind,
            ):
                return "other"
    return ""


def _is_music(name: str, ctx: CheckContext) -> bool:
    """An audio player is music when it loops, plays a music clip, or the file is about music;
    a loop in a vehicle, weapon or effect script (an engine hum, rain) is a sound effect."""
    code = ctx.code_without_comments()
    n = re.escape(name)
    if name and re.search(rf"\b{n}\s*\.\s*bus\s*=\s*[\"'](?![\w ]*(music|bgm|ambien))", code, re.I):
        return False  # played on an effects bus (`stream.bus = "Sound"`)
    if name and re.search(rf"\b{n}\s*\.\s*bus\s*=\s*[\"'][\w ]*(music|bgm)", code, re.I):
        return True  # played on the music bus
    container = _container_name(ctx)
    if MUSIC_NAME.search(container):
        return True
    if SFX_CONTAINER.search(container) or SFX_CONTAINER.search(name) or _vehicle_container(ctx):
        return False  # an engine, weapon or effect script's loop; a vehicle's own loop (`bgSound1` in `DriveSound1`)
    if ctx.language == "lua" and _roblox_effect_sound(name, ctx):
        return False
    if re.search(
        rf"\b{n}\s*\.\s*(loop|Looped)\s*=\s*true|\b{n}\s*:\s*setLooping\(\s*true|\b{n}\s*\.\s*stream\s*\.\s*loop\s*=\s*true|"
        rf"\b{n}\s*\.\s*(clip|stream|SoundId)\s*=\s*[^;\n]*(music|bgm|song|theme|soundtrack|ambien|{FOREIGN_MUSIC})|"
        rf"\b{n}\s*=\s*{_love_audio(ctx)}\.newSource\([^)]*[\"']stream[\"']|"  # LÖVE streams long audio: music
        rf"\b{n}\s*=\s*[\w.:]+\s*\([^\n]*\btags?\s*=\s*\{{?[^}}\n]*\b(music|bgm)\b",  # made with a music tag
        code,
        re.I,
    ):
        return True
    if re.search(r"^\s*(loop|Looped)\s*=\s*true|^\s*stream\.loop\s*=\s*true", code, re.M) and name in ("", _extends(ctx)):
        return True
    return bool(name) and _given_from_music_folder(name, code, own=name == _extends(ctx) and ctx.language == "gdscript")


# A quoted asset path with a music folder (`"res://sounds/music/level 1.ogg"`, `"Audio/Music/Boss"`)
# or a file named just for music (`"res://art/Melodia.mp3"`, `"res://bgm_2.ogg"`).
MUSIC_FOLDER_PATH = re.compile(
    rf"[\"']([^\"'\n]*[/\\])?(music|bgm|soundtrack|songs?|{FOREIGN_MUSIC})[/\\][^\"'\n]*[\"']|"
    rf"[/\\](music|bgm|soundtrack|song|melody|{FOREIGN_MUSIC})[ _-]?\d*\.(ogg|mp3|wav|opus|flac)[\"']",
    re.I,
)


def _given_from_music_folder(name: str, code: str, own: bool = False) -> bool:
    """The player is given a variable (`player.stream = gameplaySound`) that the file loads from a
    music folder (`var gameplaySound = preload("res://sounds/music/level.ogg")`): the folder says
    what the generic names do not. `own`: a Godot script that extends the player gives the
    stream to itself (`stream = tune`, `self.set_stream(tune)`)."""
    n = re.escape(name)
    given = rf"\b{n}\s*[.:]\s*(?:clip|stream|SoundId)\s*=\s*(?:self\.|this\.)?(\w+)\s*(?:;|$)"
    if own:
        given += r"|^\s*(?:self\.)?(?:stream\s*=\s*|set_stream\(\s*)(\w+)\s*\)?\s*$"
    for value in ("".join(found) for found in re.findall(given, code, re.M)):
        v = re.escape(value)
        if any(MUSIC_FOLDER_PATH.search(m) for m in re.findall(rf"(?<![\w.])(?:self\.|this\.)?{v}\s*(?::\s*[\w<>]+\s*)?:?=\s*([^;\n]{{0,200}})", code)):
            return True
    return False


# Words naming a sound effect or a creature's noise, and the parts a positional (3D) sound is put in.
EFFECT_WORD = re.compile(
    r"^(foot\w*|steps?|walk\w*|run(ning)?|sprint\w*|growls?|roars?|breath\w*|heart\w*|scream\w*|yells?|"
    r"howls?|groans?|moans?|snarls?|hiss\w*|whispers?|entity|monster|creature|enemy|npc|mimic|hit|hurt|"
    r"jump|land\w*|swing|slash|shot|gun|engine|motor|siren|alarm|drip\w*|creak\w*|door|knock\w*|sfx|effect)$",
    re.I,
)
BODY_WORD = re.compile(
    r"^(humanoid|root|hrp|head|torso|character|char|part|emitter|attachment|model|npc|entity|monster|creature|enemy|rig)$",
    re.I,
)


def _roblox_effect_sound(name: str, ctx: CheckContext) -> bool:
    """Roblox: a sound effect, not music: the sound's variable, `Name` or `SoundId` names an effect
    or a creature's noise (`steps`, `sound.Name = "Footsteps"`, `FOOTSTEP_WALK`, a growl), or it is
    put in a character or a part (`s.Parent = entity.HumanoidRootPart`: a positional sound), and
    none of these names music."""
    if not name or not re.match(r"^\w+$", name):
        return False
    code = _local_scope(name, ctx)
    n = re.escape(name)
    given = re.findall(rf"\b{n}\s*\.\s*(?:Name|SoundId)\s*=\s*([^\n;]{{0,120}})", code)
    parents = re.findall(rf"\b{n}\s*\.\s*Parent\s*=\s*([\w.:()\"' ]{{1,120}})", code)
    for parent in list(parents):
        local = parent.strip()
        if re.match(r"^\w+$", local):
            parents += re.findall(rf"\blocal\s+{re.escape(local)}\s*(?::[^=\n]+)?=\s*([^\n;]{{0,160}})", code)
    words = _words(name, *given)
    if any((MUSIC_WORD.match(w) or MUSIC_NAME.search(w)) and not AMBIENT_WORD.match(w) for w in words):
        return False  # an ambience loop put in a part is an effect too
    if any(EFFECT_WORD.match(w) for w in words):
        return True
    return any(BODY_WORD.match(w) for w in _words(*parents))


def _local_scope(name: str, ctx: CheckContext) -> str:
    """The text (comments blanked) of the innermost function around the match that declares
    `local <name>`, else the whole file: two functions that each make a `local sound` describe
    two different sounds."""
    code = ctx.code_without_comments()
    declared = re.compile(rf"\blocal\s+{re.escape(name)}\b")
    data = code.encode()
    for fn in enclosing_functions(ctx.node):
        body = data[fn.start_byte : fn.end_byte].decode("utf-8", "replace")
        if declared.search(body):
            return body
    return code


def _words(*names: str) -> list[str]:
    """`windAmbienceClip`, `rain_loop`, `Forest-Birds.ogg` as lower-case words."""
    out = []
    for name in names:
        spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", name or ""))
        out.extend(w.lower() for w in re.split(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[0-9])", spaced) if w)
    return out


def _ambient_loop(name: str, ctx: CheckContext) -> bool:
    """An ambient / environment loop (a `WindAmbience` component, a `rainLoop` source playing
    `forest_birds`): the class, the player, the method and the clip it is given name the
    environment and none of them names music."""
    code = ctx.code_without_comments()
    names = [_container_name(ctx), name]
    fn = next(iter(enclosing_functions(ctx.node)), None)
    if fn is not None:
        names.append(function_name(fn) or "")
    if name and re.match(r"^\w+$", name):
        n = re.escape(name)
        scope = _local_scope(name, ctx)
        names += re.findall(rf"\b{n}\s*(?:[.:]\s*(?:clip|stream|SoundId|resource|Name)\s*)?=\s*([^;\n]{{0,160}})", scope)
        names += _helper_arguments(fn, name, code)
        names += re.findall(rf"\b{n}\s*[.:]\s*(?:PlayOneShot|play)\s*\(([^)\n]{{0,120}})", scope)
    for assigned in re.findall(r"\.\s*clip\s*=\s*([\w.\[\]]+)", code) if not name or name == _extends(ctx) else []:
        names.append(assigned)
    words = _words(*names)
    return any(AMBIENT_WORD.match(w) for w in words) and not any(MUSIC_WORD.match(w) for w in words)


def _helper_arguments(fn: Node | None, name: str, code: str) -> list[str]:
    """A generic helper that plays the clip it is given (`local function loop(id) s.SoundId = id
    ... s:Play() end`): the arguments of its calls in the file (`loop(S.Crickets, 0.2)`) name the sound."""
    fn_name = function_name(fn) if fn is not None else ""
    parameters = fn.child_by_field_name("parameters") if fn is not None else None
    if not fn_name or parameters is None:
        return []
    given = re.findall(rf"\b{re.escape(name)}\s*[.:]\s*(?:clip|stream|SoundId|resource)\s*=\s*(\w+)\s*$", text(fn), re.M)
    if not any(re.search(rf"(^|[(,])\s*{re.escape(value)}\b", text(parameters)) for value in given):
        return []
    return re.findall(rf"(?<![\w.:]){re.escape(fn_name)}\s*\(([^)\n]{{0,160}})\)", code)


def _container_name(ctx: CheckContext) -> str:
    """The C# class around the match, else the script's file name (`MusicManager`, `bgm.gd`)."""
    for ancestor in ancestors(ctx.node):
        if ancestor.type == "class_declaration":
            return text(ancestor.child_by_field_name("name"))
    return ctx.path.stem


# --------------------------------------------------------------------------------------------
# when it runs


def situation(node: Node, ctx: CheckContext, depth: int = 0, elsewhere: bool = True) -> tuple[str, str]:
    """(kind, where): kind is load, user, ended, event or unknown; `where` names the method,
    callback or event that decided it. `elsewhere`: a public method no code of this file calls
    may be looked up in the project's other files (a manager method a scene calls on load)."""
    condition = _user_condition(node)
    if condition:
        return "user", condition
    restart = _restarted_when_stopped(node)
    if restart:
        return "load", f"{restart}, restarted whenever it stops"
    once = _once_on_first_frame(node, ctx)
    if once:
        return "load", f"{once}, once on the first frame"
    timer = _next_on_timer(node)
    if timer:
        return "load", f"{timer}, the next track when the last one's time is up"
    countdown = _after_countdown(node)
    if countdown:
        return "load", countdown
    frame = _every_frame(node) if depth == 0 else ""  # a helper called every frame holds its own game logic
    if frame:
        return "load", f"{frame}, every frame from the first"
    for fn in enclosing_functions(node):
        name = function_name(fn) or _table_key(fn)
        if fn.type in LAMBDA_TYPES or (fn.type == "function_definition" and not name):
            kind, host = _lambda_kind(fn, ctx)
            if kind:
                return kind, host
            continue
        if not name:
            continue
        return _named_kind(fn, name, ctx, depth, elsewhere)
    if ctx.language == "lua":
        return "load", "the top of the script"
    return "unknown", ""


# A game-state branch around a restart: `gameState == 'title'`, `self.state == STATE_PLAY`.
STATE_TEST = re.compile(r"\(?\s*(self\.|this\.)?\w*(state|State|STATE|mode|Mode|screen|Screen|scene|Scene)\w*\s*==\s*([\"']\w+[\"']|[\w.]+)\s*\)?")


def _restarted_when_stopped(node: Node) -> str:
    """`if not music.is_playing(): music.play()` as the only condition in `Update` / `_process` /
    `love.update`: the track starts with the scene and loops forever. Returns the function name."""
    conditions = []
    for ancestor in ancestors(node):
        if ancestor.type in IF_TYPES:
            conditions.append(text(ancestor.child_by_field_name("condition")))
        if ancestor.type in FUNCTION_TYPES:
            name = function_name(ancestor)
            while len(conditions) > 1 and STATE_TEST.fullmatch(conditions[-1].strip()):
                conditions.pop()  # `if gameState == 'title' then if not music:isPlaying() ...`: the state's music
            if UPDATE_FN.match(name) and len(conditions) == 1 and _stopped_test(conditions[0]):
                rest = IS_STOPPED.sub("", STOPPED.sub("", conditions[0]))  # other tests: flags only (`&& musicOn`), no distance or state check
                return "" if re.search(r"[<>]|\w\s*\(", rest) else name
            return ""
    return ""


# Statements that make a call run only sometimes: branches, loops, `switch` / `match` arms, `&&` / `and`.
SOMETIMES = re.compile(r"(^|_)(if|elif|else|conditional|switch|match|case|while|for|foreach|repeat|do|binary|boolean|lambda|anonymous)(_|$)")


def _every_frame(node: Node) -> str:
    """The call stands in the body of `Update` / `_process` / `love.update` outside any branch or
    loop (`void Update() { AudioManager.instance.PlayMusic(theme); }`): it runs every frame from
    the first, so the music starts with the scene. Returns the function name."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES:
            name = function_name(ancestor) or ""
            return name if UPDATE_FN.match(name) or re.match(r"^love\.update$", name) else ""
        if ancestor is not node and SOMETIMES.search(ancestor.type):
            return ""
    return ""


def _once_on_first_frame(node: Node, ctx: CheckContext) -> str:
    """`if not started: music.play(); started = true` as the only condition in `Update` /
    `_process` / `love.update`, with a flag that starts false and that only this branch sets:
    the music starts on the first frame, that is when the scene loads. Returns the function name."""
    conditions = [a for a in ancestors(node) if a.type in IF_TYPES or a.type in FUNCTION_TYPES]
    if len(conditions) < 2 or conditions[0].type not in IF_TYPES or conditions[1].type not in FUNCTION_TYPES:
        return ""
    test, fn = conditions[0], conditions[1]
    if not UPDATE_FN.match(function_name(fn) or ""):
        return ""
    condition = text(test.child_by_field_name("condition")).strip()
    flag = re.fullmatch(r"\(?\s*(?:not\s+|!\s*)(?:self\.|this\.)?(\w+)\s*\)?|\(?\s*(?:self\.|this\.)?(\w+)\s*==\s*false\s*\)?", condition)
    if not flag:
        return ""
    name = re.escape(flag.group(1) or flag.group(2))
    code = ctx.code_without_comments()
    sets = re.findall(rf"(?<![\w.])(?:self\.|this\.)?{name}\s*=\s*true\b", code)
    starts_false = re.search(rf"\b(?:var|bool|local)\s+{name}\s*(?::\s*bool\s*)?(?::?=\s*false\b|;|$)", code, re.M)
    branch = text(test.child_by_field_name("consequence") or test.child_by_field_name("body") or test)
    if len(sets) != 1 or not starts_false or not re.search(rf"(?<![\w.])(?:self\.|this\.)?{name}\s*=\s*true\b", branch):
        return ""
    return function_name(fn)


# A track's length: `source.clip.length`, `song:getDuration()`, `stream.get_length()`, `sound.TimeLength`
# (not an array's `.Length`).
TRACK_LENGTH = re.compile(r"(\.length\b|[.:]getDuration\s*\(|\.get_length\s*\(|\.TimeLength\b)")
# A clock in a condition: `Time.time`, `AudioSettings.dspTime`, `love.timer.getTime()`, `tick()`, `elapsed`.
CLOCK = re.compile(r"(\bTime\.\w*[tT]ime\b|\bdspTime\b|\bgetTime\s*\(|\btick\s*\(|\bos\.clock\s*\(|get_ticks_\w+\s*\(|\w*([tT]imer|[eE]lapsed)\w*)")


def _next_on_timer(node: Node) -> str:
    """A play in `Update` / `_process` / `love.update` under a time test (`if (Time.time >
    nextTrackTime)`) whose branch sets that time to the end of the track it starts
    (`nextTrackTime = Time.time + source.clip.length`): a playlist that moves on by itself and
    starts on the first frame. Returns the function name."""
    tests = []
    for ancestor in ancestors(node):
        if ancestor.type in IF_TYPES:
            tests.append(ancestor)
        if ancestor.type in FUNCTION_TYPES:
            if not UPDATE_FN.match(function_name(ancestor) or ""):
                return ""
            for test in tests:
                condition = text(test.child_by_field_name("condition"))
                if not re.search(r"[<>]", condition) or not CLOCK.search(condition):
                    continue
                for name in set(re.findall(r"(?<![.\w])((?:this\.|self\.)?[A-Za-z_]\w*)\b(?!\s*[.(])", condition)):
                    if re.search(rf"(?<![.\w]){re.escape(name)}\s*=\s*[^;\n]*{TRACK_LENGTH.pattern}", text(test)):
                        return function_name(ancestor)
            return ""
    return ""


# A timer compared in a condition: `transition_time >= 3.5`, `self.time <= 0`, `DELAY < timer`.
COUNTDOWN_TEST = re.compile(
    r"(?<![.\w])((?:self\.|this\.)?[A-Za-z_]\w*)\s*(?:>=|<=|>|<)\s*-?[\w.]+|"
    r"[\w.]+\s*(?:>=|<=|>|<)\s*((?:self\.|this\.)?[A-Za-z_]\w*)(?![\w.(])"
)
# The frame time a per-frame function advances a timer by: `dt`, `delta`, `Time.deltaTime`.
FRAME_TIME = r"\b(dt|delta|deltaTime|delta_time|elapsed)\b"


def _after_countdown(node: Node) -> str:
    """A play in `Update` / `_process` / `love.update` (or a state's `ingame.update`) under a test
    of a timer that the same function advances by the frame time (`transition_time =
    transition_time + dt` ... `if transition_time >= 3.5 then playMusic(...)`): the music starts
    by itself once the countdown runs out, with no input (an input test around it is a user
    start, found before this). A short cue (`playMusic("victory", false)`) is not a track, and a
    play beside a stop in the same block (`playmusic(); music:stop("starmusic")` when a power-up
    runs out) switches back to the music already running, not a start of its own.
    Returns "<function>, once the timer <name> runs out (<test>)", else ""."""
    if SHORT_CUE.search(text(node)):
        return ""
    block = next((a for a in ancestors(node) if a is not node and a.type in BLOCK_TYPES), None)
    if block is not None and re.search(r"\b_?([Ss]top|[Pp]ause)\w*\s*\(", text(block).replace(text(node), "", 1)):
        return ""
    tests = []
    for ancestor in ancestors(node):
        if ancestor.type in IF_TYPES or ancestor.type == "elseif_statement":
            tests.append(text(ancestor.child_by_field_name("condition")).strip())
        if ancestor.type in FUNCTION_TYPES:
            name = function_name(ancestor) or ""
            if not UPDATE_FN.match(re.split(r"[.:]", name)[-1]):
                return ""
            body = text(ancestor)
            for condition in tests:
                for match in COUNTDOWN_TEST.finditer(condition):
                    timer = re.escape(match.group(1) or match.group(2))
                    if re.search(rf"(?<![.\w]){timer}\s*(=\s*{timer}\s*[-+]|[-+]=)[^\n;]*{FRAME_TIME}", body):
                        return f"{name}, once the timer {match.group(1) or match.group(2)} runs out ({condition})"
            return ""
    return ""


def _table_key(fn: Node) -> str:
    """Lua `{ onHit = function() ... end }`: the key a function is stored under."""
    parent = fn.parent
    if fn.type == "function_definition" and parent is not None and parent.type == "field":
        return text(parent.child_by_field_name("name"))
    return ""


def _off_by_default(node: Node, ctx: CheckContext) -> bool:
    """The play sits under an autoplay option (`if autoplay:`, `if (autoPlayOnStart)`) that the
    file does not turn on (an Inspector / editor option, off unless someone ticks it), or under a
    saved music setting that is off until the player turns it on (`_saved_setting_off`)."""
    for ancestor in ancestors(node):
        if ancestor.type in IF_TYPES:
            condition = text(ancestor.child_by_field_name("condition"))
            flag = re.search(r"\b(\w*[aA]uto_?[pP]lay\w*|playOnStart|play_on_start)\b", condition)
            if flag:
                return not re.search(rf"\b{flag.group(1)}\s*(:\s*\w+\s*)?:?=\s*true\b", ctx.code_without_comments())
            consequence = ancestor.child_by_field_name("consequence")
            if consequence is not None and consequence.start_byte <= node.start_byte < consequence.end_byte and _saved_setting_off(condition, ctx):
                return True
    return False


# Unity: a saved audio setting compared with a number (`PlayerPrefs.GetInt("MusicOn") == 1`,
# `PlayerPrefs.GetInt("music", 0) != 0`); a missing key reads as the default (0 unless given).
SAVED_SETTING_TEST = re.compile(
    r"^\s*\(?\s*PlayerPrefs\s*\.\s*GetInt\s*\(\s*\"(\w*(?i:music|bgm|sound|audio)\w*)\"\s*(?:,\s*(-?\d+)\s*)?\)\s*(==|!=|>=|<=|>|<)\s*(-?\d+)\s*\)?\s*$"
)


def _saved_setting_off(condition: str, ctx: CheckContext) -> bool:
    """The condition reads a saved music setting that is false on the first launch: the key's default
    fails the test and no file of the project sets a default for it (`if (!PlayerPrefs.HasKey("music"))`).
    The music then waits for the player to switch it on (`if (PlayerPrefs.GetInt("MusicOn") == 1) Play("Theme")`)."""
    test = SAVED_SETTING_TEST.match(condition)
    if test is None:
        return False
    key, default, op, value = test.group(1), int(test.group(2) or 0), test.group(3), int(test.group(4))
    passes = {"==": default == value, "!=": default != value, ">=": default >= value, "<=": default <= value,
              ">": default > value, "<": default < value}[op]
    if passes:
        return False

    def given_a_default() -> bool:
        has_key = re.compile(rb"HasKey\s*\(\s*\"" + re.escape(key.encode()) + rb"\"")
        return any(has_key.search(data) for data in project_index.for_context(ctx).files().values())

    return not ctx.remember(f"apg_setting_default:{key}", given_a_default)


def _user_condition(node: Node) -> str:
    """The input check around a play (`if Input.GetKeyDown(...)`, `is_action_just_pressed`)."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES:
            return ""
        if ancestor.type in IF_TYPES:
            condition = ancestor.child_by_field_name("condition")
            match = USER_CONDITION.search(text(condition))
            if match:
                return match.group(1)
    return ""


def _named_kind(fn: Node, name: str, ctx: CheckContext, depth: int, elsewhere: bool) -> tuple[str, str]:
    if name == "OnInvoke" and ctx.language == "lua":
        invoked = _bindable_started_on_load(_assigned_to(fn), "OnInvoke", ctx)
        if invoked:
            return "load", invoked
    if LOAD_FN.match(name) and ctx.language == "lua" and LUA_SCREEN_HOOK.match(name) and _lua_hook_table(text(fn)):
        index = project_index.for_context(ctx)
        if _lua_hook_runs_later(str(ctx.path.resolve()), fn.start_point[0] + 1, name, index):
            return "event", f"{name}, a screen hook the game runs when it moves to that screen, not at load"
    if LOAD_FN.match(name):
        if _module_start_reported_at_callers(fn, name, ctx):
            return "unknown", name  # `Music.Start("Lobby")` in a client script is the finding, not the module's play
        return "load", name
    created = _created_on_load(fn, name, ctx)
    if created:
        return "load", created
    entered = _state_entered_on_load(fn, name, ctx) or _state_switched_on_load(fn, name, ctx)
    if entered:
        return "load", entered
    if USER_FN.search(name):
        return "user", name
    if _is_ended_function(name):
        return "ended", name
    if depth >= 3:
        return "unknown", name
    best = ("unknown", name)
    references = _references(name, fn, ctx)
    signal = _state_signal(references)
    for ref in references:
        if _off_by_default(ref, ctx):
            continue
        if signal and _state_sync_call(ref) and not _track_for_every_state(fn):
            best = ("event", f"{name}, run when {signal} fires (the direct call only catches up with the current state)")
            continue
        kind, where = _reference_kind(ref, ctx, depth, elsewhere)
        if kind == "load":
            return "load", f"{name}, called from {where}"
        if kind == "ended" or (kind in ("user", "event") and best[0] == "unknown"):
            best = (kind, f"{name}, called from {where}")
    if not references and elsewhere:
        caller = _load_caller_elsewhere(fn, name, ctx)  # a public method: the game calls it from another file
        if caller:
            return "load", f"{name}, called from {caller}"
    return best


# Roblox: the instance a BindableFunction / BindableEvent is found by: `x:FindFirstChild('Play Song')`,
# `x:WaitForChild("StartMusic")`, `x["Play Song"]`, `x.StartMusic` (the last name of the path).
BINDABLE_CHILD = re.compile(r"""(?::\s*(?:FindFirstChild|WaitForChild)\s*\(\s*|\[\s*)(["'])([^"'\n]+)\1\s*(?:,[^()]*)?[)\]]\s*$|\.\s*([A-Za-z_]\w*)\s*$""")
NOT_BINDABLE_NAME = frozenset({"Parent", "Event", "OnInvoke", "Value"})
# The two ends of one bindable: `Invoke(...)` runs the `OnInvoke` callback, `Fire(...)` the `Event:Connect` handlers.
BINDABLE_CALL = {"OnInvoke": "Invoke", "Event": "Fire"}


def _bindable_name(expression: str, code: str, depth: int = 0) -> str:
    """The instance name a Lua expression finds a bindable by (`Modules:FindFirstChild('Play Song')`:
    `Play Song`); a local alias is followed (`local startMusic = Events:WaitForChild("StartMusic")`,
    `local bindable = Instance.new("BindableEvent"); bindable.Name = "StartMusic"`)."""
    expression = expression.strip()
    found = BINDABLE_CHILD.search(expression)
    if found and (found.group(2) or found.group(3)) not in NOT_BINDABLE_NAME:
        return found.group(2) or found.group(3)
    if depth or not re.fullmatch(r"[A-Za-z_]\w*", expression):
        return ""
    named = re.search(rf"""^\s*{re.escape(expression)}\.Name\s*=\s*(["'])([^"'\n]+)\1""", code, re.M)
    if named:
        return named.group(2)
    alias = re.search(rf"^\s*local\s+{re.escape(expression)}\s*(?::\s*\w+)?\s*=\s*(.+?)\s*$", code, re.M)
    return _bindable_name(alias.group(1), code, depth + 1) if alias else ""


def _assigned_to(fn: Node) -> str:
    """Lua `holder.OnInvoke = function ... end`: the text of `holder`."""
    statement = fn.parent
    while statement is not None and statement.type not in ("assignment_statement", "chunk", "block"):
        statement = statement.parent
    if statement is None or statement.type != "assignment_statement":
        return ""
    found = re.match(r"\s*(.+?)\s*\.\s*OnInvoke\s*=", text(statement), re.S)
    return found.group(1) if found else ""


def _bindable_event_fired_on_load(node: Node, event: str, ctx: CheckContext | None) -> str:
    """Lua `holder.Event:Connect(F)`: where another script fires that BindableEvent at load, else ""."""
    if ctx is None or ctx.language != "lua" or event != "Event":
        return ""
    parent = node.parent
    while parent is not None and parent.type in ("argument", "arguments", "argument_list", "parenthesized_expression"):
        parent = parent.parent
    call = as_call(parent) if parent is not None else None
    holder = re.match(r"\s*(.+?)\s*\.\s*Event\s*$", call.receiver if call is not None else "", re.S)
    return _bindable_started_on_load(holder.group(1), "Event", ctx) if holder else ""


def _site_in_handler(site: project_index.Site, index: project_index.ProjectIndex) -> bool:
    """The call site sits in a function handed to an event that is not a load event (a click,
    `Touched`, a value change): it runs when that event fires."""
    node = _site_node(site, index)
    for fn in enclosing_functions(node) if node is not None else []:
        event = _event_of(fn)
        if event:
            return _event_kind(event) != "load"
    return False


def _bindable_started_on_load(holder: str, hook: str, ctx: CheckContext) -> str:
    """Roblox: a handler of a BindableFunction (`OnInvoke`) or BindableEvent (`Event:Connect`) runs when a
    script calls `Invoke` / `Fire` on the same named instance: where such a call runs at load (the top of
    a server script, a `while true do` playlist loop there, `PlayerAdded`), else ""."""
    name = _bindable_name(holder, ctx.code_without_comments()) if holder else ""
    if not name:
        return ""

    def build() -> str:
        index = project_index.for_context(ctx)
        for site in index.calls(BINDABLE_CALL[hook]):
            if not site.receiver or _bindable_name(site.receiver, _read(site.path)) != name or _site_under_input(site, index):
                continue
            if _site_in_handler(site, index):
                continue  # `ClickDetector.MouseClick:Connect(function() insertCoin:Fire() end)`: a click fires it
            where = _load_site(site, index, follow=True)
            if where:
                return f"{hook} of '{name}', run by {BINDABLE_CALL[hook]}() at {where}"
        return ""

    return ctx.remember(f"apg_bindable:{hook}:{name}", build)


# A Roblox signal that fires when a value changes (`GetAttributeChangedSignal("Phase")`, `state.Changed`).
STATE_SIGNAL = re.compile(r"^(Get(Attribute|Property)ChangedSignal\b.*|Changed|AttributeChanged)$")


def _state_signal(references: list[Node]) -> str:
    """The state-change signal a function is connected to (`x:GetAttributeChangedSignal("EntityState"):Connect(onState)`),
    unless the watched value is a music or sound setting; "" when none."""
    for ref in references:
        event = _event_of(ref)
        hook = next((a for a in ancestors(ref) if a.type == "function_call"), None)
        if STATE_SIGNAL.match(event) and hook is not None and not re.search(r"(music|sound|audio|volume|mute|bgm)", text(hook), re.I):
            return event
    return ""


# A Luau if-expression that picks one of two named tracks: `if inBattle then "Battle" else "Island"`.
TRACK_CHOICE = re.compile(r"\bif\b[^\n]*?\bthen\s*(\"[^\"\n]+\"|'[^'\n]+')\s*else\s*(\"[^\"\n]+\"|'[^'\n]+')")


def _track_for_every_state(fn: Node) -> bool:
    """The state handler always starts a named track, only which one depends on the state
    (`local function refresh() play(if inBattle then "Battle" else "Island") end`): no branch or
    return around it, so its direct call at start-up starts music whatever the state."""
    body = text(fn).split("\n", 1)[-1]
    picked = TRACK_CHOICE.sub("TRACK", body)
    if picked == body or re.search(r"\b(if|return|and|or)\b", picked):
        return False
    return bool(re.search(r"\w\s*\(\s*TRACK\s*[,)]", picked))


def _state_sync_call(ref: Node) -> bool:
    """A direct call of a state-change handler that only reads the current state: no arguments, or
    the watched value itself (`onState()`, `onPhase(workspace:GetAttribute("Phase"))`, `onMode(mode.Value)`)."""
    call = as_call(ref.parent) or (as_call(ref.parent.parent) if ref.parent is not None and ref.parent.parent is not None else None)
    if call is None or call.name != text(ref):
        return False
    return all(re.search(r"(GetAttribute\s*\(|\.Value$)", text(arg)) for arg in argument_nodes(call))


LUA_CONSTRUCTOR = re.compile(r"^\s*function\s+([A-Z]\w*)[:.](initialize|new)\s*\(")


def _created_on_load(fn: Node, name: str, ctx: CheckContext) -> str:
    """Lua: `Intro:initialize` (middleclass) or `Intro.new` runs when the object is made: `initialize,
    the constructor of Intro, created in load in main.lua:20` when a load hook makes it
    (`intro = Intro()`, `Intro:new()`); else ""."""
    if ctx.language == "csharp" and fn.type == "constructor_declaration":
        return _made_on_load(fn, name, ctx)
    found = LUA_CONSTRUCTOR.match(text(fn)) if ctx.language == "lua" and name in ("initialize", "new") else None
    if not found:
        return ""
    cls = found.group(1)

    def build() -> str:
        index = project_index.for_context(ctx)
        sites = [site for site in index.calls(cls) if not site.receiver]
        sites += [site for site in index.calls("new") if site.receiver == cls]
        where = next((w for w in (_load_site(site, index, follow=False) for site in sites) if w), "")
        if where:
            return f"{name}, the constructor of {cls}, created in {where}"
        built = _built_by_name(str(ctx.path.resolve()), index)
        return f"{BUILT_BY_NAME}{name}, the constructor of {cls}, built by name by {built}" if built else ""

    created = ctx.remember(f"apg_created:{fn.start_byte}", build)
    if created.startswith(BUILT_BY_NAME):
        # a screen or scene the game's manager builds by name: only its named music counts (an
        # engine loop such a scene sets up is its own sound effect)
        return created[len(BUILT_BY_NAME):] if MUSIC_RECEIVER.search(text(ctx.node)) or TRACK_ARGUMENT.search(text(ctx.node)) else ""
    return created


BUILT_BY_NAME = "\0built:"


def _made_on_load(fn: Node, cls: str, ctx: CheckContext) -> str:
    """C#: the constructor of a plain class runs when the object is made: `SoundService, the constructor
    of SoundService, created in Awake in Assets/Main/GameService.cs:41` when a load hook, or a method
    one calls, makes it (`new SoundService(...)`, a service locator's set-up); not one made on a click."""
    if re.search(r"\bstatic\b", text(fn).split("(", 1)[0]):
        return ""

    def build() -> str:
        index = project_index.for_context(ctx)
        made = re.compile(rf"\bnew\s+(?:[\w.]+\.)?{re.escape(cls)}\s*[(<{{]")
        sites = [site for site in index.calls(cls) if made.search(site.snippet) and not _site_under_input(site, index)]
        where = next((w for w in (_load_site(site, index, follow=False) for site in sites) if w), "")
        for site in sites[:MAX_FOLLOWED]:
            where = where or _load_site(site, index, follow=True)
        return f"{cls}, the constructor of {cls}, created in {where}" if where else ""

    return ctx.remember(f"apg_made:{fn.start_byte}", build)


# Lua: a module built from a name by the game's own screen or scene manager:
# `self.screen = require("ui.screens." .. name)(...)`, `local cls = require("scenes." .. name); cls:new(self)`.
LUA_NAMED_REQUIRE = re.compile(r"""require\s*\(?\s*["']([\w./-]+)["']\s*\.\.""")
LUA_CLASS_DECLARED = re.compile(r"""^\s*(?:local\s+)?([A-Za-z_]\w*)\s*=\s*(?:[\w.]*[cC]lass\s*\(\s*["'](\w+)["']|\{\s*\}|setmetatable\s*\(\s*\{)""", re.M)
LUA_SUBCLASS = re.compile(r"""[cC]lass\s*\(\s*["']\w+["']\s*,\s*([A-Za-z_]\w*)\s*\)|\b([A-Za-z_]\w*)\s*:\s*(?:extend|subclass)\s*\(""")


def _lua_module(path: str, root: Path) -> str:
    """`ui.screens.MainMenuScreen` for `<root>/ui/screens/MainMenuScreen.lua`."""
    try:
        relative = Path(path).resolve().relative_to(root.resolve())
    except ValueError:
        return ""
    parts = list(relative.with_suffix("").parts)
    if parts and parts[-1] == "init":
        parts.pop()
    return ".".join(parts)


def _named_builders(index: project_index.ProjectIndex) -> list[tuple[str, str]]:
    """(path, module prefix) of each Lua file that builds a module from a name: the result of
    `require("prefix" .. name)` is called or given to `:new(...)` (a screen or scene manager)."""
    key = (index.key, index.digest)
    if key not in _BUILDERS_CACHE:
        if len(_BUILDERS_CACHE) > 16:
            _BUILDERS_CACHE.clear()
        _BUILDERS_CACHE[key] = _find_named_builders(index)
    return _BUILDERS_CACHE[key]


_BUILDERS_CACHE: dict[tuple[str, str], list[tuple[str, str]]] = {}


def _find_named_builders(index: project_index.ProjectIndex) -> list[tuple[str, str]]:
    found = []
    for path, data in index.files().items():
        if not path.endswith((".lua", ".luau")) or b"require" not in data:
            continue
        code = data.decode("utf-8", "replace")
        for match in LUA_NAMED_REQUIRE.finditer(code):
            line_end = code.find("\n", match.end())
            line = code[match.start(): line_end if line_end >= 0 else len(code)]
            rest = line[line.find(")", len(match.group(0))) + 1:] if ")" in line[len(match.group(0)):] else ""
            held = re.match(r"\s*(?:local\s+)?(\w+)\s*=\s*$", code[code.rfind("\n", 0, match.start()) + 1: match.start()])
            built = re.match(r"\s*(\(|:\s*new\s*\()", rest) or (
                held and re.search(rf"\b{re.escape(held.group(1))}\s*(\(|:\s*new\s*\()", code[match.end(): match.end() + 400])
            )
            if built:
                found.append((path, match.group(1).replace("/", ".")))
    return found


def _built_by_name(path: str, index: project_index.ProjectIndex, depth: int = 0, seen: frozenset[str] = frozenset()) -> str:
    """`BaseCutscene.lua, reached from ScreenManager in ScreenManager.lua, made in load in main.lua:105`
    when the module at `path` is built by name by a manager the game makes on load (or by one that
    is itself built by name, or by a class that extends it, a few levels); else ""."""
    module = _lua_module(path, index.root)
    if not module or depth > 3 or path in seen:
        return ""
    seen = seen | {path}
    for builder, prefix in _named_builders(index):
        # the game's root (where `require` paths start) may lie below the index's root
        if builder == path or not re.search(rf"(^|\.){re.escape(prefix)}\w", module):
            continue
        code = index.files()[builder].decode("utf-8", "replace")
        where = Path(builder).name
        root = ""
        for cls in {m.group(2) or m.group(1) for m in LUA_CLASS_DECLARED.finditer(code)} or {Path(builder).stem}:
            sites = [site for site in index.calls(cls) if not site.receiver]
            sites += [site for site in index.calls("new") if site.receiver == cls]
            made = next((w for w in (_load_site(site, index, follow=False) for site in sites) if w), "")
            if made:
                return f"{cls} in {where}, made in {made}"
            for other, data in index.files().items():  # a class that extends the builder, itself built by name
                if root or other in seen or not other.endswith((".lua", ".luau")) or cls.encode() not in data:
                    continue
                if any((m.group(1) or m.group(2)) == cls for m in LUA_SUBCLASS.finditer(data.decode("utf-8", "replace"))):
                    root = _built_by_name(other, index, depth + 1, seen)
        root = root or _built_by_name(builder, index, depth + 1, seen)
        if root:
            return root if depth else f"{where}, itself reached from {root}"
    return ""


# C#: the entry method of a state-machine state (`public override FSM OnEnter()`).
STATE_ENTER_FN = re.compile(r"^(OnEnter|OnStateEnter|OnEnterState|EnterState|Enter)$")
STATE_SUFFIX = r"_?(state|fsm|step|phase|mode)$"  # `IntroState`, `SplashStep` and the `INTRO`, `SPLASH` that name them
# Words of a state's name that say it comes after play (`GameOverState`, `ResultStep`, `PauseState`):
# a machine whose states come from data starts in its first one, never in one of these.
LATER_STATE_WORD = re.compile(r"^(over|gameover|results?|end|ending|win|won|lose|lost|loss|pause[ds]?|victory|defeat|death|dead)$")


def _state_entered_on_load(fn: Node, name: str, ctx: CheckContext) -> str:
    """C#: `OnEnter` of a state class runs when the scene loads when the state machine enters it
    from a load hook: `Start` calls `ChangeState(IntroState_e.INTRO)`, whose body calls
    `currentFSM?.OnEnter()` (another file's state). A machine that names its states one by one
    (`introState`, `loginState`) counts only the state the load hook's call names (`INTRO` for
    `IntroState`); one that reads its states from data (a dictionary of `StageFSM` assets) counts
    every state of its base type. "" otherwise."""
    if ctx.language != "csharp" or not STATE_ENTER_FN.match(name) or not re.search(r"\boverride\b", text(fn).split("(", 1)[0]):
        return ""
    cls = next((a for a in ancestors(fn) if a.type == "class_declaration"), None)
    header = re.match(r"[^{]*?\bclass\s+(\w+)\s*(?:<[^>]*>\s*)?:\s*([\w.]+)", text(cls)) if cls is not None else None
    if not header:
        return ""
    state, base = header.group(1), header.group(2).split(".")[-1]
    own = re.sub(STATE_SUFFIX, "", state.lower())
    later = any(LATER_STATE_WORD.match(w) for w in _words(state))

    def build() -> str:
        index = project_index.for_context(ctx)
        me = str(ctx.path.resolve())
        for site in index.calls(name):
            holder = next((n for k, n in site.context if k == "fn"), "")
            if site.path == me or not holder or UPDATE_FN.match(holder) or STATE_ENTER_FN.match(holder):
                continue
            code = _read(site.path)
            if re.search(rf"\bclass\s+\w+\s*(<[^>]*>\s*)?:\s*([\w.]+\.)?{re.escape(base)}\b", code):
                continue  # one state handing over to the next: not where the machine starts
            names_state = bool(re.search(rf"\b{re.escape(state)}\b", code))
            if not names_state and not re.search(rf"\b{re.escape(base)}\b", code):
                continue  # another machine's states
            if not names_state and later:
                continue  # states from data (`PushState(states[0].GetName())`): the first one, not the game-over state
            if LOAD_FN.match(holder):
                if not names_state:
                    return f"{name} of {state}, entered from {holder} in {site.where()}"
                continue
            caller = _typed_load_caller(holder, site.owner, index)
            if caller is not None:
                picked = {re.sub(STATE_SUFFIX, "", re.sub(r"_e$", "", w.lower())).replace("_", "") for w in re.findall(r"\w+", re.sub(r"^[^<(]*", "", caller[1]))}  # `ChangeState(INTRO)`, `ChangeState<Map>()`
                if not names_state or own in picked:
                    return f"{name} of {state}, entered from {caller[0]} through {holder} in {site.where()}"
        return ""

    return ctx.remember(f"apg_state_entered:{fn.start_byte}", build)


# LÖVE: a screen's loader named for its state (`function game_load()`, `title_init`, `arena_enter`), run by
# the game's own state switch through the globals table: `function changeGameState(s) ... _G[s .. "_load"]() end`.
LUA_STATE_LOADER = re.compile(r"^([A-Za-z]\w*?)_(load|init|enter)$")
LUA_GLOBAL_DISPATCH = re.compile(r"""_G\s*\[\s*\w+\s*\.\.\s*["']_(load|init|enter)["']\s*\]\s*\(""")
LUA_FUNCTION_HEAD = re.compile(r"^\s*(?:local\s+)?function\s+([\w.:]+)\s*\(", re.M)


def _state_switched_on_load(fn: Node, name: str, ctx: CheckContext) -> str:
    """Lua (LÖVE): `game_load`, entered by `changeGameState("game")` in love.load in main.lua:8, when the
    game's switch calls `_G[state .. "_load"]()` and love.load (or a script's top, or one function down)
    switches to that state; a state switched to only from a key handler runs later. "" otherwise."""
    found = LUA_STATE_LOADER.match(name) if ctx.language == "lua" else None
    if not found or not re.match(rf"\s*function\s+{re.escape(name)}\s*\(", text(fn)):
        return ""
    state, suffix = found.groups()

    def build() -> str:
        index = project_index.for_context(ctx)
        for switch in _lua_state_switches(index, suffix):
            short = re.split(r"[.:]", switch)[-1]
            named = re.compile(rf"""\b{re.escape(short)}\s*\(\s*["']{re.escape(state)}["']""")
            for site in index.calls(short):
                if named.search(site.snippet) and site.path.endswith((".lua", ".luau")) and not _site_under_input(site, index) and _lua_load_time(site, index):
                    return f'{name}, entered by {short}("{state}") in {site.where()} as the game starts'
        return ""

    return ctx.remember(f"apg_state_switched:{fn.start_byte}", build)


def _lua_state_switches(index: project_index.ProjectIndex, suffix: str) -> list[str]:
    """The functions of the project that run a state's `<state>_<suffix>` through `_G[...]`."""
    out = []
    for path, data in index.files().items():
        if not path.endswith((".lua", ".luau")) or b"_G" not in data:
            continue
        code = data.decode("utf-8", "replace")
        for dispatch in LUA_GLOBAL_DISPATCH.finditer(code):
            heads = [m.group(1) for m in LUA_FUNCTION_HEAD.finditer(code, 0, dispatch.start())]
            if dispatch.group(1) == suffix and heads:
                out.append(heads[-1])
    return out


def _typed_load_caller(method: str, owner: str, index: project_index.ProjectIndex, depth: int = 0) -> tuple[str, str] | None:
    """(where, call text) of the call of `owner`'s `method` that runs from a load hook (`Start`
    calls `ChangeState(...)`, `StageManager.Init` calls `currentRule.Begin()` on a field declared
    `StageRule currentRule`), following the calling method one more level; None when none is found."""
    if not owner or depth > 1:
        return None
    for holder, holder_owner, where, snippet in _calls_on_owner(method, owner, index):
        if LOAD_FN.match(holder):
            return where, snippet
        if holder and holder != method and not UPDATE_FN.match(holder) and not STATE_ENTER_FN.match(holder) and not USER_FN.search(holder):
            if _typed_load_caller(holder, holder_owner, index, depth + 1) is not None:
                return where, snippet
    return None


def _calls_on_owner(method: str, owner: str, index: project_index.ProjectIndex) -> list[tuple[str, str, str, str]]:
    """(holding method, its class, where, call text) of each call of `method` on an `owner`: a bare
    call in the owner's own class, or a call on a field, property or variable declared with the
    type (`StageRule currentRule { get; set; }` ... `currentRule.Begin()`)."""
    return [(next(iter(site.functions), ""), site.owner, site.where(), site.snippet) for site in index.calls_on_type(method, (owner,))]


STARTED_BY_CALLERS = "apg_started_by_callers"

def _module_start_reported_at_callers(fn: Node, name: str, ctx: CheckContext) -> bool:
    """Lua: a module's `function Music.Start(track)` is not a hook when another file calls it
    (`Music.Start("Lobby")`) and that call is reported there (a music module called from a scene
    is reported at each call)."""
    if ctx.language != "lua" or not re.match(rf"\s*function\s+[\w.]+[.:]{re.escape(name)}\s*\(", text(fn)):
        return False

    def build() -> bool:
        index = project_index.for_context(ctx)
        me = str(ctx.path.resolve())
        names = _file_names(me, "", index.root)
        code = ctx.code_without_comments()
        return any(
            site.path != me and _refers_to(site.receiver, names, _read(site.path)) and _caller_reports(site, text(fn), code)
            for site in index.calls(name)
        )

    reported = ctx.remember(f"apg_module_start:{fn.start_byte}", build)
    if reported:
        ctx.memo[STARTED_BY_CALLERS] = True  # read by `_played_on_load`: its ended hook is part of that finding
    return reported


def _is_ended_function(name: str) -> bool:
    """Godot signal handlers connected in the editor: `_on_VideoStreamPlayer_finished`,
    `_on_music_finished`."""
    return bool(re.match(r"(?i)^_?on_?(\w*(video|music|audio|stream|player|bgm|song|track|movie|playlist)\w*_?)?finished$", name))


def _references(name: str, fn: Node, ctx: CheckContext) -> list[Node]:
    """Identifier or string nodes naming `name` outside its own definition. A generic name
    (`Play`, `start`) counts only where this object calls it (`Play()`, `self.Play()`,
    `SoundService.Play(...)` for `function SoundService.Play`), not `tween:Play()`."""
    generic = name.lstrip("_").lower() in GENERIC_CALLS
    own = re.match(r"\s*(?:local\s+)?function\s+([\w.]+)[.:]", text(fn))
    owners = {"", "self", "this", "base", own.group(1) if own else ""}
    out = []
    for node in _identifier_uses(ctx).get(name, []):
        if fn.start_byte <= node.start_byte < fn.end_byte:
            continue
        if generic and node.parent is not None and node.parent.type in ("member_access_expression", "dot_index_expression", "method_index_expression", "attribute"):
            receiver = text(node.parent)[: node.start_byte - node.parent.start_byte].rstrip(".:")
            if receiver not in owners:
                continue
        if _calls_or_hands_off(node, fn):
            out.append(node)
    return out


def _calls_or_hands_off(ref: Node, fn: Node) -> bool:
    """`ref` calls the function (`f()`, `self.f()`, `obj:f()`) or hands it to something that will
    (`x += f`, `sig.connect(f)`, `StartCoroutine(f())`, `Invoke("f", 1)`); a property or signal
    of the same name (`EventManager.f.connect(...)`) and the definition itself do not count."""
    parent = ref.parent
    if parent is None:
        return False
    if fn.parent is not None and fn.parent.type == "expression_list" and fn.parent.parent is not None:
        statement = fn.parent.parent  # Lua `M.f = function() end`: the name on the left is the definition
        if statement.start_byte <= ref.start_byte < statement.end_byte:
            return False
    if ref.type in STRING_TYPES or parent.type in STRING_TYPES:
        return _callback_by_name(ref)
    if parent.type in ("argument", "arguments", "argument_list"):
        return True
    if parent.type == "assignment_expression" and parent.child_by_field_name("right") == ref:
        return "+=" in text(parent)
    if parent.type in ("member_access_expression", "dot_index_expression", "method_index_expression"):
        if parent.named_children[-1] != ref:
            return False
        parent = parent.parent
    elif parent.type == "attribute_call":
        return True
    call = as_call(parent) if parent is not None else None
    return call is not None and call.name == text(ref)


def _callback_by_name(ref: Node) -> bool:
    """A string names a method to call: `Invoke("F", 1)`, `StartCoroutine("F")`,
    `connect("finished", self, "F")`, `Load(this, "F")`; not a lookup such as
    `GameObject.Find("F")` or `get_node("F")`."""
    node = ref
    while node.parent is not None and node.parent.type in STRING_TYPES + ("argument", "arguments", "argument_list"):
        node = node.parent
    call = as_call(node.parent) if node.parent is not None else None
    if call is None:
        return False
    if CALLBACK_BY_NAME.match(call.name):
        return True
    return any(text(arg).strip() in ("this", "self") for arg in argument_nodes(call))


def _reference_kind(ref: Node, ctx: CheckContext, depth: int, elsewhere: bool) -> tuple[str, str]:
    """How a function runs from one place that names it: called there (then judged like that
    place), or handed to an event (`x.loopPointReached += F`, `sig.connect(F)`,
    `Event:Connect(F)`, `connect("finished", self, "F")`)."""
    event = _event_of(ref)
    fired = _bindable_event_fired_on_load(ref, event, ctx)
    if fired:
        return "load", fired
    if event:
        kind = _event_kind(event)
        if kind:
            return kind, event
    registrar = _registered_with(ref)
    if registrar:
        return "event", registrar  # handed over to run later: `network:create(..., "OnInvoke", F)`
    return situation(ref, ctx, depth + 1, elsewhere)


ARGUMENT_TYPES = ("argument", "arguments", "argument_list")


def _registered_with(ref: Node) -> str:
    """The call a function is handed to as a plain argument (not called, not an event hook, not
    a pass-through that runs it now such as `task.spawn(F)` or `Invoke(nameof(F), 1)`): the
    callback is registered and runs when that call's owner decides, not at load."""
    node = ref
    while node.parent is not None and node.parent.type in ARGUMENT_TYPES:
        node = node.parent
    if node is ref or node.parent is None:
        return ""
    call = as_call(node.parent)
    if call is None or call.name == "nameof" or CALLBACK_BY_NAME.match(call.name):
        return ""
    if PASS_THROUGH.match(call.name) and (call.name not in ("create", "wrap") or call.receiver == "coroutine"):
        return ""  # `coroutine.create(F)` runs it now; `network:create("x", "OnInvoke", F)` registers it
    return call.name


def _event_of(node: Node) -> str:
    """The event a function or lambda is attached to, or "" when it is called directly."""
    parent = node.parent
    while parent is not None and parent.type in ("argument", "arguments", "argument_list", "parenthesized_expression", "string", "string_literal"):
        parent = parent.parent
    if parent is None:
        return ""
    if parent.type == "assignment_expression" and "+=" in text(parent)[: node.start_byte - parent.start_byte]:
        left = parent.child_by_field_name("left")
        return re.split(r"[.]", text(left))[-1].strip()
    call = as_call(parent)
    if call is None:
        return ""
    if call.name in ("Connect", "connect", "Once", "once", "AddListener", "ConnectParallel"):
        args = argument_nodes(call)
        first = text(args[0]).strip("\"'") if args else ""
        if call.name == "connect" and args and args[0].type == "string":
            return first  # Godot 3: connect("finished", self, "_on_done")
        return re.split(r"[.:]", call.receiver)[-1].strip() if call.receiver else ""
    if SUBSCRIBE.match(call.name):
        return call.type_arguments or call.name  # `bus.Subscribe<GameStarted>(OnGameStarted)`: GameStarted
    return ""


def _event_kind(event: str) -> str:
    if ENDED_EVENT.match(event):
        return "ended"
    if LOAD_EVENT.match(event):
        return "load"
    if USER_EVENT.search(event):
        return "user"
    if PASS_THROUGH.match(event):
        return ""
    return "event"


def _lambda_kind(fn: Node, ctx: CheckContext | None = None) -> tuple[str, str]:
    """The kind a lambda gets from the event it is attached to ("" to look through it)."""
    event = _event_of(fn)
    fired = _bindable_event_fired_on_load(fn, event, ctx) if ctx is not None else ""
    if fired:
        return "load", fired
    if not event:
        return "", ""
    kind = _event_kind(event)
    return kind, event


# --------------------------------------------------------------------------------------------
# checks


def _in_live_script(check):
    """Skips a Godot script that nothing attaches (`godot_script_unused`): its code never runs."""

    @functools.wraps(check)
    def wrapped(ctx: CheckContext) -> Verdict | None:
        if ctx.language == "gdscript":
            if "godot_unused" not in ctx.memo:
                project_index.for_context(ctx)  # records the project (scenes included) as an input of the cached result
                ctx.memo["godot_unused"] = godot_script_unused(ctx.path)
            if ctx.memo["godot_unused"]:
                return None
        if ctx.language == "lua" and roblox_script_never_runs(str(ctx.path)):
            return None
        return check(ctx)

    return wrapped


@_in_live_script
def play_on_load(ctx: CheckContext) -> Verdict | None:
    """`videoPlayer.Play()`, `$Video.play()`, `music:Play()`, `video:play()` that runs on load."""
    call = as_call(ctx.node) or _inner_call(ctx.node)
    if call is None or (argument_nodes(call) and not _options_only(call)):
        return None
    receiver = call.receiver
    kind = media_kind(receiver, ctx)
    if not kind:
        return None
    when, where = situation(ctx.node, ctx)
    if when != "load" or _off_by_default(ctx.node, ctx) or _paused_right_after(ctx.node, receiver):
        return None
    if _silent_probe(receiver, ctx):
        return None
    if _earlier_play_in_loop(ctx.node, ctx):
        return None  # the next song of one playlist loop: reported once, at the loop's first play
    if _earlier_play_in_block(ctx.node, kind, ctx):
        return None  # stems of one track started together (`$Bass.play(); $Drums.play()`): reported once
    if _played_in_hook_itself(ctx.node, receiver, where, ctx):
        return None  # `_ready(): if picked: change_music(picked) else: play()`: one start, reported in `_ready`
    if _earlier_load_play_of_same_player(ctx.node, receiver, ctx):
        return None  # `Awake` starts it, `Update` restarts it through `NextTrack`: one player, reported once
    if _helper_reported_at_caller(ctx.node, ctx):
        return None  # `PlayBGMusic()` called from another file's `Start`: reported at that call
    message = f"{_what(kind, receiver, ctx)} starts playing when the {_scene(ctx)} loads ({where})"
    hook = _replay_hooks(ctx).get(_receiver_name(receiver) if receiver not in ("", "self", "this") else "self")
    if hook:
        message += f"; when it ends, the hook at line {hook} plays it again or the next one"
    return _with_scene_autoplay(_verdict(ctx, kind, receiver, message), receiver, where, ctx)


def _helper_reported_at_caller(node: Node, ctx: CheckContext) -> bool:
    """C#: the play sits in a music-named public method (`PlayBGMusic`) that another file calls
    when its scene loads (`musicManager.PlayBGMusic()` in `Start`), and that call is reported
    there: the helper and its caller are one finding, also when the helper's own file calls it
    from a set-up method (`Init`)."""
    if ctx.language != "csharp":
        return False
    fn = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES and function_name(f)), None)
    name = function_name(fn) if fn is not None else ""
    if not name or not MUSIC_CALL.match(name):
        return False

    def build() -> bool:
        index = project_index.for_context(ctx)
        me = str(ctx.path.resolve())
        names = _file_names(me, _class_of(fn), index.root)
        return any(
            site.path != me and site.role == "call" and _refers_to(site.receiver, names, _read(site.path))
            and _named_for_music(site.name, site.receiver) and not _site_under_input(site, index) and _load_site(site, index, follow=False)
            for site in index.calls(name)
        )

    return ctx.remember(f"apg_helper_at_caller:{fn.start_byte}", build)


def _played_in_hook_itself(node: Node, receiver: str, where: str, ctx: CheckContext) -> bool:
    """The play runs in a helper the file's load hook calls (`change_music, called from _ready`)
    and that hook also plays the same player directly (the other branch): one start of the music."""
    hook = re.search(r", called from (\w+)$", where)
    if not hook:
        return False
    name = _receiver_name(receiver) if receiver not in ("", "self", "this") else "self"
    for fn in _functions(ctx).get(hook.group(1), []):
        if fn.start_byte <= node.start_byte < fn.end_byte:
            continue
        for call in calls(fn):
            other = _receiver_name(call.receiver) if call.receiver not in ("", "self", "this") else "self"
            if call.name in ("Play", "play") and other == name and not argument_nodes(call) and situation(call.node, ctx)[0] == "load":
                return True
    return False


@_in_live_script
def fmod_start_on_load(ctx: CheckContext) -> Verdict | None:
    """FMOD Studio (Unity): an event instance started on load, `RuntimeManager.CreateInstance(ev).start()`
    or `music = RuntimeManager.CreateInstance(ev); music.start();`, when the instance, the event or
    the event's path names music (`"event:/Music/Menu"`, `musicEventPath`, `bgmEvent`)."""
    call = as_call(ctx.node)
    if call is None or argument_nodes(call):
        return None
    event = _fmod_event(call.receiver, ctx)
    if event is None:
        return None
    name = _receiver_name(call.receiver) if "CreateInstance" not in call.receiver else ""
    if not any(MUSIC_WORD.match(w) for w in _words(name, *event)):
        return None
    when, where = situation(ctx.node, ctx)
    if when != "load":
        return None
    shown = name or event[0].strip()
    return _verdict(ctx, "music", name, f"music ({shown}) starts playing when the {_scene(ctx)} loads (an FMOD event instance started in {where})")


def _fmod_event(receiver: str, ctx: CheckContext) -> list[str] | None:
    """The event an FMOD instance is made from (`CreateInstance(musicEvent)` in the receiver, or
    where the receiver's variable is assigned), plus the value that event's name is set to; None
    when the receiver is not made by `CreateInstance`."""
    code = ctx.code_without_comments()
    made = re.search(r"\bCreateInstance\s*\(([^)]*)\)", receiver)
    name = _receiver_name(receiver)
    if not made and re.match(r"^\w+$", name):
        made = re.search(rf"\b{re.escape(name)}\s*=\s*[\w.]*\bCreateInstance\s*\(([^)]*)\)", code)
    if not made:
        return None
    event = made.group(1)
    ident = event.strip().split(".")[-1]
    values = re.findall(rf"\b{re.escape(ident)}\s*=\s*([^;\n]+)", code) if re.match(r"^\w+$", ident) else []
    return [event, *values]


LUA_UPDATE_FN = re.compile(r"^(update|Update)\w*$|^\w*[a-z_]Update$|^\w+_update$")
NOT_PLAYING = r"(\bnot\s+|==\s*false|~=\s*true)"


@_in_live_script
def audio_module_restart(ctx: CheckContext) -> Verdict | None:
    """LÖVE: the game's own audio module asked to play a music track with looping on
    (`res.playAudio("title_theme", 0.8, true)`) whenever that track is not playing
    (`if res.isAudioPlaying("title_theme") == false then`), from a per-frame function (`love.update`,
    `updateGame`, `updateMenuPage`): the music starts with the screen and never stops for long.
    One finding per track and file, at its first such restart."""
    call = as_call(ctx.node)
    args = argument_nodes(call) if call is not None else []
    if not args or not any(MUSIC_WORD.match(w) for w in _words(text(args[0]))):
        return None
    where = _restarted_track(ctx.node, text(args[0]))
    if not where:
        return None
    if any(_restarted_track(other.node, text(argument_nodes(other)[0])) for other in _earlier_same_track(call, ctx)):
        return None
    track = text(args[0]).strip("\"'")
    return _verdict(ctx, "music", "", f"music ({track}) is restarted whenever it stops ({where}, through the game's audio module)")


def _restarted_track(node: Node, track: str) -> str:
    """The per-frame function whose innermost condition around `node` is that `track` is not playing
    (outer conditions only compare states or flags: no distance, no call). "" otherwise."""
    conditions = []
    for ancestor in ancestors(node):
        if ancestor.type in IF_TYPES:
            conditions.append(text(ancestor.child_by_field_name("condition")))
        if ancestor.type in FUNCTION_TYPES:
            name = function_name(ancestor) or ""
            if not (UPDATE_FN.match(name) or LUA_UPDATE_FN.match(name)) or not conditions:
                return ""
            inner = conditions[0]
            stopped = track in inner and re.search(r"[Pp]laying", inner) and re.search(NOT_PLAYING, inner)
            if not stopped or any(re.search(r"[<>]|\w\s*\(", c) for c in conditions[1:]):
                return ""
            return name
    return ""


def _earlier_same_track(call, ctx: CheckContext) -> list:
    """Calls of the same name and receiver earlier in the file with the same first argument."""
    by_call = ctx.remember("apg_calls_by_name", lambda: _calls_by_name(ctx))
    first = text(argument_nodes(call)[0])
    return [
        other
        for other in by_call.get((call.name, call.receiver), [])
        if other.node.start_byte < call.node.start_byte and argument_nodes(other) and text(argument_nodes(other)[0]) == first
    ]


def _silent_probe(receiver: str, ctx: CheckContext) -> bool:
    """Lua: a muted copy played only to read the track's length, then destroyed (`probe.Volume =
    0; probe:Play()`, `probe.TimeLength`, `probe:Destroy()`): nobody hears it; the real play of
    the track is reported where it happens."""
    name = re.escape(_receiver_name(receiver))
    code = ctx.code_without_comments()
    return (
        ctx.language == "lua"
        and _muted(receiver, ctx)
        and bool(re.search(rf"\b{name}\s*[.:]\s*(TimeLength|getDuration)\b", code))
        and bool(re.search(rf"\b{name}\s*:\s*Destroy\s*\(", code))
    )


def _options_only(call) -> bool:
    """A Lua play given only a table of options (`song:play{volume = 0.5}`), not a clip or
    animation name."""
    args = argument_nodes(call)
    return len(args) == 1 and args[0].type == "table_constructor"


def _earlier_play_in_block(node: Node, kind: str, ctx: CheckContext) -> bool:
    """A play of the same kind of media comes earlier in the same block (statement list)."""
    block = next((a for a in ancestors(node) if a.type in BLOCK_TYPES or a.type in FUNCTION_TYPES), None)
    if block is None or block.type in FUNCTION_TYPES:
        return False
    for statement in block.named_children:
        if statement.start_byte >= node.start_byte:
            return False
        for other in calls(statement):
            same_block = next((a.id for a in ancestors(other.node) if a.type in BLOCK_TYPES), None) == block.id
            if same_block and other.node.start_byte < node.start_byte and other.name in ("Play", "play") and not argument_nodes(other) and media_kind(other.receiver, ctx) == kind:
                return True
    return False


def _earlier_load_play_of_same_player(node: Node, receiver: str, ctx: CheckContext) -> bool:
    """C#, GDScript: an earlier play of the same field (not a local of either function) in the
    same class (script) also runs on load: the start and its restarts (`Update` -> `StartPlayer` -> `NextTrack`)
    are one music player, reported once at the first."""
    if ctx.language == "lua":
        return False  # a Lua file often holds several states, each with its own `self.music`
    name = _receiver_name(receiver) if receiver not in ("", "self", "this") else "self"
    holder = next((a for a in ancestors(node) if a.type in ("class_declaration", "struct_declaration")), ctx.root)
    if _declared_locally(node, name):
        return False
    for other in calls(holder):
        if other.node.start_byte >= node.start_byte:
            break
        if other.name not in ("Play", "play") or (argument_nodes(other) and not _options_only(other)):
            continue
        if (_receiver_name(other.receiver) if other.receiver not in ("", "self", "this") else "self") != name:
            continue
        if _declared_locally(other.node, name) or _off_by_default(other.node, ctx):
            continue
        if situation(other.node, ctx)[0] == "load":
            return True
    return False


def _declared_locally(node: Node, name: str) -> bool:
    """`var source = ...`, `AudioSource source = ...`, `local source = ...` in the function around `node`."""
    fn = next(iter(enclosing_functions(node)), None)
    if fn is None or name == "self":
        return False
    return bool(re.search(rf"(\b(var|local)\s+|\b[A-Z]\w*(<[\w<>, ]*>)?\s+){re.escape(name)}\s*(=|:|;|,)", text(fn)))


LOOP_TYPES = frozenset({"while_statement", "for_statement", "for_each_statement", "do_statement", "repeat_statement", "for_in_statement"})


def _earlier_play_in_loop(node: Node, ctx: CheckContext) -> bool:
    """Another video or music play comes before this one in the same loop (`while true do
    song1:Play(); song1.Ended:Wait(); song2:Play() ... end`)."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES:
            return False
        if ancestor.type in LOOP_TYPES:
            return any(
                other.node.start_byte < node.start_byte and other.name in ("Play", "play") and not argument_nodes(other) and media_kind(other.receiver, ctx)
                for other in calls(ancestor)
            )
    return False


@_in_live_script
def music_call_on_load(ctx: CheckContext) -> Verdict | None:
    """The game's own music call on load: `SoundManager.PlayMusic(MainMusic)` in `Start`,
    `MusicController.play_music(4)` in `_ready`, `playMusic("opening")` in a state's `enter`,
    `MusicManager.Instance.PlayMenu()`, `Music.play(stream)`."""
    call = as_call(ctx.node) or _inner_call(ctx.node)
    if call is None or (call.name in ("Play", "play") and not argument_nodes(call)):
        return None  # `music.Play()`: the play-on-load pattern reports it
    on_music_player = MUSIC_RECEIVER.search(call.receiver) and not NOT_MUSIC_CALL.search(call.name)
    if not (MUSIC_CALL.match(call.name) or on_music_player):
        return None
    when, where = situation(ctx.node, ctx, elsewhere=False)  # a flow method (`StartGame`) is called from everywhere
    # A call naming its track by a literal is the same music only with the same arguments
    # (`playMusic("roof")` for a boss level after `playMusic(table.random({...}))` for the others).
    named = any(node.type in ("string", "string_literal", "interpreted_string_literal") for arg in argument_nodes(call) for node in walk(arg))
    if when != "load" or _off_by_default(ctx.node, ctx) or _plays_media_itself(call, ctx) or _same_call_earlier(call, ctx, same_arguments=named):
        return None
    message = f"music starts playing when the {_scene(ctx)} loads ({call.name}() in {where})"
    return _verdict(ctx, "music", call.receiver, message, **_started_script_fold(call, ctx))


def _same_call_earlier(call, ctx: CheckContext, same_arguments: bool = False) -> bool:
    """The same call (name and receiver) already runs on load earlier in the file: alternative
    set-up paths of one scene (`_initialize_battle`, `_resume_battle`) starting the same music.
    `same_arguments`: a generic manager call counts only with the same arguments
    (`Sounds.Play("Ocean")` then `Sounds.Play("MusicChill")` are two sounds)."""
    by_call = ctx.remember("apg_calls_by_name", lambda: _calls_by_name(ctx))
    arguments = [text(arg) for arg in argument_nodes(call)]
    return any(
        other.node.start_byte < call.node.start_byte
        and (not same_arguments or [text(arg) for arg in argument_nodes(other)] == arguments)
        and situation(other.node, ctx, elsewhere=False)[0] == "load"
        for other in by_call.get((call.name, call.receiver), [])
    )


def _calls_by_name(ctx: CheckContext) -> dict[tuple[str, str], list]:
    out: dict[tuple[str, str], list] = {}
    for found in calls(ctx.root):
        out.setdefault((found.name, found.receiver), []).append(found)
    return out


def _plays_media_itself(call, ctx: CheckContext) -> bool:
    """The call is to a same-file function that (itself or through the functions it calls, two
    levels) plays a video or music player: the play-on-load pattern reports that play, with this
    call as its cause (one finding per behaviour)."""
    level = _own_functions(call, ctx)
    for _ in range(3):
        callees = []
        for fn in level:
            for inner in calls(fn):
                played = inner.receiver if inner.name in ("Play", "play") and not argument_nodes(inner) else None
                if inner.name == "play" and _is_love_audio(inner.receiver, ctx) and len(argument_nodes(inner)) == 1:
                    played = text(argument_nodes(inner)[0])
                if played is not None and media_kind(played, ctx) and situation(inner.node, ctx)[0] == "load":
                    return True
                if _music_call_reported_itself(inner, ctx):
                    return True
                if inner.name != call.name:
                    callees += _own_functions(inner, ctx)
        level = callees
    return False


def _own_functions(call, ctx: CheckContext) -> list[Node]:
    """The same-file functions a call runs: `helper()`, `self.helper()`, and in Lua a module
    table's own function (`audio.startMusic()` for `function audio.startMusic()`)."""
    found = _functions(ctx).get(call.name, [])
    if call.receiver in ("", "self", "this"):
        return list(found)
    if ctx.language != "lua" or not re.match(r"^[\w.]+$", call.receiver):
        return []
    own = re.compile(rf"^\s*{re.escape(call.receiver)}\s*[.:]\s*{re.escape(call.name)}$")
    return [fn for fn in found if own.match(_declared_name(fn))]


def _declared_name(fn: Node) -> str:
    """The whole declared name of a Lua function: `audio.startMusic` for `function
    audio.startMusic()` and for `audio.startMusic = function() ... end`."""
    name = fn.child_by_field_name("name")
    if name is not None:
        return text(name)
    statement = fn.parent.parent if fn.parent is not None and fn.parent.type == "expression_list" else None
    targets = next((c for c in statement.children if c.type == "variable_list"), None) if statement is not None else None
    return text(targets) if targets is not None else ""


def _music_call_reported_itself(inner, ctx: CheckContext) -> bool:
    """A call in a helper that the music-call pattern reports on its own, at load
    (`background_music_player.play(0)` in `play_background_music`, called from `_ready`)."""
    if inner.receiver in ("", "self", "this") or (inner.name in ("Play", "play") and not argument_nodes(inner)):
        return False
    if not (MUSIC_CALL.match(inner.name) or (MUSIC_RECEIVER.search(inner.receiver) and not NOT_MUSIC_CALL.search(inner.name))):
        return False
    return situation(inner.node, ctx, elsewhere=False)[0] == "load" and not _off_by_default(inner.node, ctx)


def love_audio_play(ctx: CheckContext) -> Verdict | None:
    """LÖVE `love.audio.play(source)` (also through an alias, `local la = love.audio`) on a
    music source, on load."""
    call = as_call(ctx.node)
    args = argument_nodes(call) if call is not None and _is_love_audio(call.receiver, ctx) else []
    if len(args) != 1:
        return None
    receiver = text(args[0])
    kind = media_kind(receiver, ctx)
    if not kind or situation(ctx.node, ctx)[0] != "load":
        return None
    where = situation(ctx.node, ctx)[1]
    return _verdict(ctx, kind, receiver, f"{_what(kind, receiver, ctx)} starts playing when the game loads ({where})")


def _love_audio(ctx: CheckContext) -> str:
    """A regex for LÖVE's audio module and the file's aliases of it (`local la = love.audio`)."""

    def build() -> str:
        aliases = re.findall(r"^\s*(?:local\s+)?(\w+)\s*=\s*love\.audio\s*(?:$|;|--)", ctx.code_without_comments(), re.M)
        return "(?:" + "|".join([r"love\.audio", *(rf"\b{re.escape(a)}" for a in aliases)]) + ")"

    return ctx.remember("apg_love_audio", build)


def _is_love_audio(receiver: str, ctx: CheckContext) -> bool:
    return bool(re.fullmatch(_love_audio(ctx), receiver.strip()))


@_in_live_script
def autoplay_property(ctx: CheckContext) -> Verdict | None:
    """`playOnAwake = true` (Unity), `autoplay = true` / `playing = true` (Godot),
    `Playing = true` (Roblox) on a video or music player. `playOnAwake` and `autoplay` start
    playback on load wherever they are set; `Playing = true` counts when it runs on load."""
    receiver, prop = _split_property(ctx)
    return _started_by_property(ctx, receiver, prop)


@_in_live_script
def autoplay_setter(ctx: CheckContext) -> Verdict | None:
    """Godot 3 setters: `player.set_autoplay(true)`, `set_playing(true)`."""
    call = as_call(ctx.node) or _inner_call(ctx.node)
    if call is None:
        return None
    return _started_by_property(ctx, call.receiver or "self", call.name.removeprefix("set_"), f"{call.name}(true)")


def _started_by_property(ctx: CheckContext, receiver: str, prop: str, shown: str = "") -> Verdict | None:
    shown = shown or f"{prop} = true"
    kind = media_kind(receiver, ctx)
    if not kind:
        return None
    if prop.lower() == "playing":
        when, where = situation(ctx.node, ctx)
        if when != "load":
            return None
        message = f"{_what(kind, receiver, ctx)} starts playing when the {_scene(ctx)} loads ({shown} in {where})"
        return _with_scene_autoplay(_verdict(ctx, kind, receiver, message), receiver, where, ctx)
    when, _ = situation(ctx.node, ctx)
    if when == "user" or _also_played_on_load(receiver, ctx):
        return None
    return _verdict(ctx, kind, receiver, f"{_what(kind, receiver, ctx)} starts playing as soon as it loads ({shown})")


def _also_played_on_load(receiver: str, ctx: CheckContext) -> bool:
    """Godot: the script also plays the same node on load (`$Music.autoplay = true` in `_ready`,
    `$Music.play()` there or when `_process` finds it stopped): one behaviour, reported at the
    play (autoplay set from code on a node already in the tree does nothing by itself)."""
    name = _receiver_name(receiver) if receiver not in ("", "self", "this") else "self"
    return ctx.language == "gdscript" and name in _played_on_load(ctx)


@_in_live_script
def loop_on_autoplay(ctx: CheckContext) -> Verdict | None:
    """`isLooping = true` (Unity VideoPlayer) / `loop = true` (Godot VideoStreamPlayer) on a
    video that also starts by itself in the same file."""
    receiver, prop = _split_property(ctx)
    if media_kind(receiver, ctx) != "video":
        return None
    if _autoplays(receiver, ctx):
        return _verdict(ctx, "video", receiver, f"{_what('video', receiver, ctx)} starts by itself and loops without end ({prop} = true)")
    if _added_playing_on_awake(receiver, ctx):
        return _verdict(
            ctx,
            "video",
            receiver,
            f"{_what('video', receiver, ctx)} starts by itself and loops without end (added with AddComponent<VideoPlayer>(), "
            f"which plays on awake by default, in {situation(ctx.node, ctx)[1]}; {prop} = true)",
        )
    return None


def _added_playing_on_awake(receiver: str, ctx: CheckContext) -> bool:
    """Unity: a `VideoPlayer` added from code on load (`go.AddComponent<VideoPlayer>()`), whose
    `playOnAwake` is left at its default, true, and that is not stopped or paused in the file: it plays
    its clip or url as soon as it is set, with no `Play()`."""
    name = _receiver_name(receiver)
    if ctx.language != "csharp" or not re.match(r"^\w+$", name):
        return False
    n = re.escape(name)
    code = ctx.code_without_comments()
    if not re.search(rf"\b{n}\s*=\s*[\w.]*\s*\bAddComponent\s*<\s*(\w+\.)*VideoPlayer\s*>", code):
        return False
    if re.search(rf"\b{n}\s*\.\s*(playOnAwake\s*=\s*false|Stop\s*\(|Pause\s*\()", code):
        return False
    return situation(ctx.node, ctx)[0] == "load"


@_in_live_script
def ended_advance(ctx: CheckContext) -> Verdict | None:
    """An ended hook (`loopPointReached += H`, `finished.connect(H)`, `Ended:Connect(H)`, an
    editor-connected `_on_video_finished`) whose handler plays again or moves to the next item.
    When the same player also starts on load in this file, that start is the one finding (its
    message names this hook): a track and its own replay are one behaviour."""
    replay = _ended_replay(ctx)
    if replay is None:
        return None
    kind, receiver, played = replay
    if played & _played_on_load(ctx):
        return None
    noun = "video" if kind == "video" else "music"
    message = f"when the {noun} ends, the next one (or the same one again) starts by itself (auto-advance)"
    # When another file's load-time call starts this script's music, that start is the finding
    # and this hook one of its related sites (findings.fold_same_behaviour).
    return _verdict(ctx, kind, receiver, message, fold_key=_player_script_key(ctx.path), fold_site=True)


def _ended_replay(ctx: CheckContext) -> tuple[str, str, set[str]] | None:
    """(kind, receiver, names of the players it plays) when the matched ended hook's handler
    plays again or moves on, else None."""
    handler, receiver = _ended_handler(ctx)
    if handler is None:
        return None
    kind = media_kind(receiver, ctx) if receiver else ""
    if handler.type not in FUNCTION_TYPES and _bound_play(handler):
        bound = _bound_play(handler)
        kind = kind or media_kind(bound, ctx)  # `music.finished.connect(music.play)`: loops forever
        played = {_receiver_name(bound) if bound != "self" else "self"}
    else:
        body = _handler_text(handler, ctx)
        if not _plays_again(body, ctx):
            body = _advanced_by_update(body, ctx)  # the hook raises a flag; `Update` moves on
            if not body:
                return None
        kind = kind or _kind_in(body, ctx)
        played = {_receiver_name(m.group(1)) for m in re.finditer(r"([\w$./:\"()]+?)\s*[.:]\s*(?:Play|play)\s*\(", body)}
        if re.search(r"(^|[^.\w:])(play\s*\(|playing\s*=\s*true)", body):
            played.add("self")
    if not kind:
        return None
    if receiver:
        played.add(_receiver_name(receiver))
    return kind, receiver, {name for name in played if name}


def _played_on_load(ctx: CheckContext) -> set[str]:
    """Names of the players this file starts on load with a plain play (what play-on-load
    reports, or a module start another file's call reports); `self` for a bare `play()`."""

    def build() -> set[str]:
        out = set()
        for call in calls(ctx.root):
            if call.name not in ("Play", "play") or (argument_nodes(call) and not _options_only(call)):
                continue
            if not media_kind(call.receiver, ctx):
                continue
            ctx.memo.pop(STARTED_BY_CALLERS, None)
            if situation(call.node, ctx)[0] != "load" and not ctx.memo.get(STARTED_BY_CALLERS):
                continue
            if _off_by_default(call.node, ctx) or _paused_right_after(call.node, call.receiver):
                continue
            out.add(_receiver_name(call.receiver) if call.receiver not in ("", "self", "this") else "self")
        return out

    return ctx.remember("apg_played_on_load", build)


ENDED_HOOK_TEXT = re.compile(r"(finished|Ended|loopPointReached)")


def _replay_hooks(ctx: CheckContext) -> dict[str, int]:
    """Player name -> line of the file's ended hook that plays it again or moves it on."""

    def build() -> dict[str, int]:
        out: dict[str, int] = {}
        if not ENDED_HOOK_TEXT.search(ctx.code_without_comments()):
            return out
        for node in walk(ctx.root):
            if not _ended_hook_candidate(node):
                continue
            replay = _ended_replay(replace(ctx, node=node, captures={}))
            for name in replay[2] if replay else ():
                out.setdefault(name, node.start_point[0] + 1)
        return out

    return ctx.remember("apg_replay_hooks", build)


def _ended_hook_candidate(node: Node) -> bool:
    """A node the ended-advance queries match (without running them again)."""
    if node.type == "assignment_expression":
        left = node.child_by_field_name("left")
        return left is not None and text(left).endswith(".loopPointReached")
    if node.type in ("name", "identifier") and node.parent is not None and node.parent.type == "function_definition":
        return node.parent.child_by_field_name("name") == node and _is_ended_function(text(node))
    call = as_call(node) or (_inner_call(node) if node.type == "attribute" else None)
    if call is None or node.type == "attribute_call":
        return False
    if call.name in ("Connect", "connect", "Once") and re.search(r"(^|[.:])(Ended|finished)$", call.receiver):
        return True
    args = argument_nodes(call)
    return call.name == "connect" and bool(args) and args[0].type == "string" and text(args[0]).strip("\"'") == "finished"


# --------------------------------------------------------------------------------------------
# helpers for the checks


def _paused_right_after(node: Node, receiver: str) -> bool:
    """`vp.Play(); vp.Pause();` (or `Play(); yield return null; Stop()` in the same coroutine,
    `$Video.play()` then `$Video.paused = true`): played only to show the first frame. A player
    action between the two (an input check, a wait for a key) makes it real playback."""
    fn = next(iter(enclosing_functions(node)), None)
    name = _receiver_name(receiver)
    if fn is None or not re.match(r"^\w*$", name):
        return False
    block = next((a for a in ancestors(node) if a.type in BLOCK_TYPES or a.id == fn.id), fn)
    after = text(block)[node.end_byte - block.start_byte :]  # the rest of its block, not another branch
    prefix = rf"\b{re.escape(name)}\s*[.:]\s*" if name and receiver not in ("self", "this") else r"(^|[^.\w])(self\.|this\.)?"
    stop = re.search(prefix + r"(Pause|Stop|pause|stop)\s*\(\s*\)|" + prefix + r"(paused|stream_paused)\s*=\s*true", after, re.M)
    if not stop:
        return False
    between = after[: stop.start()]
    return not (USER_CONDITION.search(between) or any(USER_FN.search(n) for n in re.findall(r"(\w+)\s*\(", between)))


def _inner_call(node: Node):
    """The call in a GDScript `attribute` (`$Video.play()` is attribute(get_node, attribute_call))."""
    for child in node.named_children:
        if child.type == "attribute_call":
            return as_call(child)
    return None


def _split_property(ctx: CheckContext) -> tuple[str, str]:
    """(receiver text, property name) of the assignment's left side."""
    left = ctx.capture("left")
    value = text(left)
    receiver, _, prop = value.rpartition(".")
    return receiver, prop or value


def _scene(ctx: CheckContext) -> str:
    return {"csharp": "scene", "gdscript": "scene", "lua": "game"}.get(ctx.language, "scene")


def _what(kind: str, receiver: str, ctx: CheckContext) -> str:
    picked = _indexed_names(receiver)
    name = f"one of {', '.join(picked)}" if len(picked) > 1 else _receiver_name(receiver) or _extends(ctx) or "player"
    return f"video ({name})" if kind == "video" else f"music ({name})"


def _verdict(ctx: CheckContext, kind: str, receiver: str, message: str, fold_key: str | None = None, fold_site: bool = False) -> Verdict:
    fold = {"fold_key": fold_key, "fold_site": fold_site}
    if _muted(receiver, ctx):
        return Verdict(message=message, severity="info", note=MUTED_NOTE, **fold)
    if kind == "music" and MUSIC_SETTING.search(ctx.code_without_comments()):
        return Verdict(message=message, note=SETTING_NOTE, **fold)
    return Verdict(message=message, **fold)


def _player_script_key(path: str | Path) -> str:
    """The behaviour key of one player script (Verdict.fold_key): its replay hook and the calls in
    other files that start it are one music (or video) instance."""
    return f"player-script:{Path(path).resolve()}"


# A GDScript node path as a receiver: `$Music`, `%Music`, `$"UI/Music"`, `get_node("Menu/Music")`.
GD_NODE_PATH = re.compile(r"""^\s*(?:[$%]|get_node\s*\(\s*)["']?([\w/ ]+?)["']?\s*\)?\s*$""")


def held_node(receiver: str, code: str) -> str:
    """GDScript: the scene node path a receiver names (`Music` for `$Music`, `get_node('Music')`, or a
    variable bound to one: `var p = get_node("Music")`, `@onready var player := $Music`); "" otherwise."""
    receiver = receiver.strip()
    if re.fullmatch(r"\w+", receiver):
        bound = re.search(rf"^\s*(?:@onready\s+|onready\s+)?var\s+{re.escape(receiver)}\b[^=\n]*=\s*(.+?)\s*(?:#.*)?$", code, re.M)
        receiver = bound.group(1) if bound else ""
    found = GD_NODE_PATH.match(receiver)
    return found.group(1) if found else ""


def restarted_nodes(code: bytes) -> dict[str, set[str]]:
    """GDScript: the node paths a script's `_process` / `_physics_process` plays again whenever they
    stop (`if music_on && !$Music.playing: $Music.play()`; what play_on_load and autoplay_property
    report as "restarted whenever it stops"), read from the script's text, each with the receivers
    the script plays it through (`p` for `var p = get_node("Music")`)."""
    from designlint.languages import load_language  # noqa: PLC0415 (only GDScript scenes ask)
    from tree_sitter import Parser  # noqa: PLC0415

    root = Parser(load_language("gdscript")).parse(code).root_node
    source = code.decode("utf-8", "replace")
    out: dict[str, set[str]] = {}
    plays = [(c.receiver, c.node) for c in calls(root) if c.name == "play" and not argument_nodes(c)]
    sets = [(text(n.child_by_field_name("left")).rpartition(".")[0], n) for n in walk(root)
            if n.type == "assignment" and re.fullmatch(r".+\.playing", text(n.child_by_field_name("left"))) and text(n.child_by_field_name("right")) == "true"]
    for receiver, node in plays + sets:
        held = held_node(receiver, source) if receiver and _restarted_when_stopped(node) else ""
        if held:
            out.setdefault(held, set()).add(receiver)
    return out


def _with_scene_autoplay(verdict: Verdict, receiver: str, where: str, ctx: CheckContext) -> Verdict:
    """GDScript: a per-frame restart of a node of the script's scene (restarted_nodes) is one
    behaviour with that node's `autoplay = true` in the scenes that attach the script: those lines
    become related sites of this finding (autoplay_scenes does not report them on their own)."""
    if ctx.language != "gdscript" or not where.endswith("restarted whenever it stops"):
        return verdict
    node = held_node(receiver, ctx.code_without_comments())
    project = _godot_project(ctx) if node else None
    own = ctx.path.resolve()
    if project is None or not own.is_relative_to(project[0]):
        return verdict
    root, files = project
    res = "res://" + own.relative_to(root).as_posix()
    sites = []
    for scene, code in sorted(files.items()):
        if not scene.name.endswith(".tscn") or res not in code:
            continue
        for _, body in _nodes_below(code, _script_ids(code, res), node):
            line = re.search(r"^autoplay\s*=\s*true\b.*$", body, re.M)
            at = code.find(body) if line else -1
            if at < 0:
                continue
            row = code.count("\n", 0, at + line.start()) + 1
            shown = Path(os.path.normpath(ctx.path.parent / os.path.relpath(scene, own.parent))).as_posix()  # the finding's path form
            sites.append({"path": shown, "line": row, "column": 1, "end_line": row, "end_column": len(line.group(0)) + 1,
                          "snippet": line.group(0), "message": f"the scene's autoplay = true on {node}, the player this restart keeps playing"})
    return replace(verdict, related=[*verdict.related, *sites]) if sites else verdict


def _started_script_fold(call, ctx: CheckContext) -> dict:
    """A load-time call on another object (`music.play_random_music()` in `_ready`) of a method
    the project defines in one other file only: that file's behaviour key, so the replay hook
    it holds (`stream_player.connect("finished", self, "play_random_music")`) folds into this
    start as a related site. No key for an own method or a name several files define.

    Starts of different tracks (`play_music(menu_song)` in the main menu, `play_music(finish_song)`
    on the finish screen) are different findings: the start the player reaches first (in a script of
    the main scene, else the first by path and line) carries the plain key the replay hook folds into,
    a start of another track keys that track; a later start of a track already started elsewhere is a
    site (`fold_site`) of that track's first start."""
    if call.receiver in ("", "self", "this") or call.name in NOT_METHOD:
        return {}
    index = project_index.for_context(ctx)
    me = Path(ctx.path).resolve()
    paths = {Path(d.path).resolve() for d in _definitions(call.name, index)}
    if len(paths) != 1 or me in paths:
        return {}
    callee = paths.pop()
    key = _player_script_key(callee)
    starts = ctx.remember(f"apg_starts:{call.name}:{callee}", lambda: _load_starts(call.name, callee, ctx))
    track = _call_arguments(text(call.node), call.name)
    if not starts:
        return {"fold_key": key}
    first = next(((path, line) for path, line, arguments in starts if arguments == track), None)
    later = first is not None and first != (me, call.node.start_point[0] + 1)
    return {"fold_key": key if track == starts[0][2] else f"{key}#track:{track}", "fold_site": later}


def _load_starts(name: str, callee: Path, ctx: CheckContext) -> list[tuple[Path, int, str]]:
    """(file, line, argument text) of the load-time calls of `name` from files other than `callee`,
    the one the player reaches first first: in a script of the project's main scene, else by path and line."""
    index = project_index.for_context(ctx)
    main = _main_scene_scripts(ctx)
    starts = [
        (Path(site.path).resolve(), site.line, _call_arguments(_site_text(site), name))
        for site in index.calls(name)
        if site.receiver not in ("", "self", "this") and Path(site.path).resolve() != callee and _load_site(site, index, follow=False)
    ]
    return sorted(starts, key=lambda start: (start[0] not in main, str(start[0]), start[1]))


def _call_arguments(code: str, name: str) -> str:
    """The argument text of the call of `name` in `code`, spaces dropped (`main_menu_song,"Menu"`)."""
    found = re.search(rf"\b{re.escape(name)}\s*\((.*)\)", code, re.S)
    return re.sub(r"\s+", "", found.group(1)) if found else ""


def _site_text(site: project_index.Site) -> str:
    """The text of the call at a site (from its byte to the end of its line, then on while brackets are open)."""
    code = _read(site.path)
    start = len(code.encode("utf-8", "replace")[: site.byte].decode("utf-8", "replace"))
    end, depth = start, 0
    while end < len(code):
        char = code[end]
        depth += {"(": 1, ")": -1}.get(char, 0)
        end += 1
        if (char == ")" and depth == 0) or (char == "\n" and depth <= 0):
            break
    return code[start:end]


GODOT_MAIN_SCENE = re.compile(r'^\s*run/main_scene\s*=\s*"([^"]+)"', re.M)


def _main_scene_scripts(ctx: CheckContext) -> set[Path]:
    """Godot: the scripts the project's main scene (`run/main_scene`, a res:// path or a uid) attaches."""
    project = _godot_project(ctx) if ctx.language == "gdscript" else None
    if project is None:
        return set()
    root, files = project
    found = GODOT_MAIN_SCENE.search(files.get(root / "project.godot", ""))
    if not found:
        return set()
    main = found.group(1)
    scene = next(
        (code for path, code in files.items() if path.suffix == ".tscn" and (
            main == "res://" + path.relative_to(root).as_posix()
            or re.match(rf'\[gd_scene[^\]]*\buid="{re.escape(main)}"', code))),
        "",
    )
    return {
        (root / res[len("res://"):]).resolve()
        for res in re.findall(r'^\[ext_resource[^\]]*\bpath="(res://[^"]+\.gd)"', scene, re.M)
    }


def _muted(receiver: str, ctx: CheckContext) -> bool:
    """The player is muted (`mute = true`), or its volume is zero and not faded in after the play."""
    name = re.escape(_receiver_name(receiver)) if receiver not in ("", "self", "this") else ""
    prefix = rf"\b{name}\s*[.:]\s*" if name else r"(^|\bself\.)\s*"
    code = ctx.code_without_comments()
    if re.search(prefix + r"(mute\s*=\s*true|SetDirectAudioMute\(\s*\w+\s*,\s*true)", code, re.M):
        return True
    silent = r"(volume\s*=\s*0(\.0)?f?\b(?!\.[1-9])|Volume\s*=\s*0\b(?!\.[1-9])|volume_db\s*=\s*-(80|60)\b|setVolume\(\s*0\s*\))"
    return bool(re.search(prefix + silent, code, re.M)) and not _faded_in(name, ctx)


def _faded_in(name: str, ctx: CheckContext) -> bool:
    """After the play, the same function raises the player's volume (a fade-in from zero):
    `player.Volume = math.min(VOLUME, t * VOLUME)`, `volume += step`, a tween of its volume
    (`TweenService:Create(music, info, {Volume = 0.5})`, `tween_property($Music, "volume_db", 0.0, 2)`,
    `music.DOFade(1, 2)`)."""
    fn = next(iter(enclosing_functions(ctx.node)), None)
    after = text(fn or ctx.root)[ctx.node.end_byte - (fn or ctx.root).start_byte :]
    target = name or r"self"
    prefix = rf"\b{name}\s*[.:]\s*" if name else r"(^|\bself\.)\s*"
    raised = prefix + r"(volume|Volume|volume_db|volume_linear)\s*(\+=|=(?!=)\s*(?!0(\.0*)?f?\s*(;|$|--|#)|-\s*(80|60)\b))"
    tween = (
        rf"(Create|tween_property|Tween\w*|To)\s*\(\s*{target}\b[^\n]*([Vv]olume)|"
        rf"\b{target}\s*[.:]\s*(DOFade|FadeIn|fade_in)\s*\("
    )
    return bool(re.search(raised, after, re.M) or re.search(tween, after))


def _autoplays(receiver: str, ctx: CheckContext) -> bool:
    """The same player gets `playOnAwake`/`autoplay = true` or a play on load in this file."""
    name = _receiver_name(receiver)
    for node in walk(ctx.root):
        call = as_call(node) if node.type in ("invocation_expression", "attribute_call", "call", "function_call") else None
        if call is not None and call.name in ("Play", "play") and _receiver_name(call.receiver) == name:
            if situation(node, ctx)[0] == "load":
                return True
    n = re.escape(name)
    return bool(re.search(rf"\b{n}\s*\.\s*(playOnAwake|autoplay)\s*=\s*true", ctx.code_without_comments()))


def _ended_handler(ctx: CheckContext) -> tuple[Node | None, str]:
    """(handler body, media receiver) of the matched ended hook."""
    node = ctx.node
    if node.type in ("name", "identifier") and node.parent is not None and node.parent.type == "function_definition":
        if not _is_ended_function(text(node)) and not _own_node_finished(text(node), ctx):
            return None, ""
        if any(n.parent is not None and n.parent.type in ("arguments", "string") for n in _references(text(node), node.parent, ctx)):
            return None, ""  # connected in code: reported where it is connected
        return node.parent, ""  # an editor-connected Godot handler: the receiver is in its name
    if node.type == "assignment_expression":  # C#: vp.loopPointReached += Handler
        if "+=" not in text(node):
            return None, ""
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        receiver = text(left).rpartition(".")[0]
        return _function_or_lambda(right, ctx), receiver
    call = as_call(node) or _inner_call(node)
    if call is None:
        return None, ""
    args = argument_nodes(call)
    if call.name == "connect" and args and args[0].type == "string":
        # Godot 3 `connect("finished", self, "_on_done")` / 4 `connect("finished", _on_done)`
        target = args[2] if len(args) > 2 else (args[1] if len(args) > 1 else None)
        receiver = call.receiver
    else:
        target = args[0] if args else None
        receiver = call.receiver.rpartition(".")[0] if "." in call.receiver else ""
        if ctx.language == "lua":
            receiver = re.sub(r"\.Ended$", "", call.receiver)
    return _function_or_lambda(target, ctx), receiver


def _own_node_finished(name: str, ctx: CheckContext) -> bool:
    """`_on_drums_finished` in a music script that plays `$Drums`: the editor-connected
    `finished` signal of one of its own music nodes."""
    node = re.match(r"(?i)^_?on_?(\w+?)_?finished$", name)
    if not node or NOT_MEDIA.search(node.group(1)) or not MUSIC_SCRIPT.search(_script_names(ctx)):
        return False
    played = re.findall(r"(?:[$%]|get_node\(\s*[\"'])[\"']?([\w/]+)[\"']?\)?\s*\.\s*play\s*\(", ctx.code_without_comments())
    return any(_normal(path.split("/")[-1]) == _normal(node.group(1)) for path in played)


def _advanced_by_update(body: str, ctx: CheckContext) -> str:
    """An ended hook that only raises a flag (`clipEnded = true`) which a per-frame function
    checks to play again or load the next item (`if (clipEnded) { ...; vp.Play(); }`): the text
    of that branch, or ""."""
    flags = set(re.findall(r"\b(\w+)\s*=\s*true\b", body))
    for name, fns in _functions(ctx).items():
        if not flags or not UPDATE_FN.match(name):
            continue
        for node in (n for fn in fns for n in walk(fn) if n.type in IF_TYPES):
            condition = text(node.child_by_field_name("condition"))
            branch = text(node.child_by_field_name("consequence") or node)
            if any(re.search(rf"^\s*\(?\s*(this\.|self\.)?{re.escape(flag)}\s*\)?\s*$", condition) for flag in flags) and _plays_again(branch, ctx):
                return branch
    return ""


def _bound_play(node: Node) -> str:
    """The player whose own play method is handed over as the handler (`music.play`, or a bare
    `play` for self), or ""."""
    match = re.match(r"^(?:(.+)\.)?(play|Play)$", text(node))
    return (match.group(1) or "self") if match and node.type not in STRING_TYPES + ("call", "attribute_call") else ""


def _function_or_lambda(node: Node | None, ctx: CheckContext) -> Node | None:
    """The lambda itself, the player's own play method handed over (`music.play`), or the
    same-file function a name (or Callable/string) refers to."""
    if node is None:
        return None
    if node.type in FUNCTION_TYPES or _bound_play(node):
        return node
    match = re.search(r"(\w+)[\"']?\s*\)?\s*$", text(node))
    target = match.group(1) if match else ""
    found = _functions(ctx).get(target)
    return found[0] if found else None


def _handler_text(handler: Node, ctx: CheckContext) -> str:
    """The handler's code plus the same-file functions it calls, two levels down
    (`_on_finished` -> `_next()` -> `_play_track(i)`)."""
    seen = {handler.id}
    parts, level = [text(handler)], [handler]
    for _ in range(2):
        callees = []
        for fn in level:
            for call in calls(fn):
                if call.receiver in ("", "self", "this"):
                    callees += [f for f in _functions(ctx).get(call.name, []) if f.id not in seen]
                elif call.name == "start":  # a timer started here: its `timeout` handler runs next
                    callees += [f for h in _timeout_handlers(call.receiver, ctx) for f in _functions(ctx).get(h, []) if f.id not in seen]
        seen.update(f.id for f in callees)
        parts += [text(f) for f in callees]
        level = callees
    return "\n".join(parts)


def _timeout_handlers(receiver: str, ctx: CheckContext) -> list[str]:
    """Godot: the functions connected to a timer's `timeout` (`timer.timeout.connect(_replay)`,
    `$Gap.connect("timeout", self, "_replay")`)."""
    name = re.escape(_receiver_name(receiver))
    if ctx.language != "gdscript" or not name:
        return []
    connected = re.findall(
        rf"(?:\b|\$){name}\s*\.\s*(?:timeout\s*\.\s*connect\s*\(\s*(?:self\s*\.\s*)?(\w+)|connect\s*\(\s*[\"']timeout[\"']\s*,\s*\w+\s*,\s*[\"'](\w+))",
        ctx.code_without_comments(),
    )
    return [a or b for a, b in connected]


def _plays_again(body: str, ctx: CheckContext) -> bool:
    body = re.sub(r"(//|#|--)[^\n]*", "", body)
    if re.search(r"(LoadScene|change_scene|queue_free\(\)\s*$|Destroy\(\s*\)\s*$)", body) and not re.search(
        r"(\bPlay\s*\(|\bplay\s*\(|:Play\s*\()", body
    ):
        return False
    if not re.search(r"(\bPlay\s*\(|\bplay\s*\(|:Play\s*\(|\b[Pp]laying\s*=\s*true)", body):
        body = RESET_CLIP.sub("", body)  # `vp.clip = clips[0]` / the idle clip, not played: a reset
    return bool(REPLAY_OR_ADVANCE.search(body))


# A handler that puts back the first or idle clip (`vp.clip = clips[0]`, `stream = idle_stream`).
RESET_CLIP = re.compile(
    r"(\.clip|\.url|\bstream|\.SoundId|\.Video)\s*=\s*[\w.]*(\[\s*0\s*\]|\b\w*(idle|default|first|standby|loading)\w*)\s*(;|$)",
    re.I | re.M,
)


def _kind_in(body: str, ctx: CheckContext) -> str:
    """The media a handler plays when its hook's receiver did not tell (self, a bare `play()`)."""
    for match in re.finditer(r"([\w$./:\"()]+?)\s*[.:]\s*(Play|play)\s*\(", body):
        kind = media_kind(match.group(1), ctx)
        if kind:
            return kind
    if re.search(r"(^|[^.\w:])(play\s*\(\s*\)|playing\s*=\s*true)", body):
        return media_kind("self", ctx)
    return ""


# --------------------------------------------------------------------------------------------
# the game's own audio manager, written in another file of the project
#
# A scene's `Start` / `_ready` / the top of a Roblox script calls the game's audio manager
# (`AudioManager.Instance.PlayLevelTheme()`, `AudioManager.play_water_sound()`,
# `audioManager.Play(mainTheme)`); whether that call starts a track is said by its argument (a
# track's name) or by the manager's method in its own file. The other way round, a manager's
# `musicSource.Play()` sits in a public method that only other files call when a scene loads.
# One behaviour is reported once: at the caller when the caller says enough (a music-named call,
# a track argument, a manager method whose text starts a track), else at the manager's play.

# Calls on an audio manager (the receiver names audio) that can start a track.
MANAGER_RECEIVER = re.compile(r"(audio|sound|music|bgm|jukebox|radio)", re.I)
MANAGER_CALL = re.compile(r"^_?(play|start|begin|resume|switch|change|fade_?in|cross_?fade)|^_?set_?(background_?|bg_?)?(music|bgm|soundtrack|playlist)s?$", re.I)
# Calls that set the track to play: `SoundService.SetBackgroundPlaylist(ids)`, `Audio.set_music(stream)`.
SET_MUSIC_CALL = re.compile(r"^_?set_?(background_?|bg_?)?(music|bgm|soundtrack|playlist)s?$", re.I)
# Manager calls that name a sound effect, not a track.
SFX_CALL = re.compile(
    r"(OneShot|Sfx|SFX|sfx|Effect|effect|Voice|voice|Click|click|Hit(?![a-z])|_hit|UI(?![a-z])|Ui(?![a-z])|_ui|"
    r"Anim|anim|Footstep|footstep|[Rr]andom(?!\w*(?i:music|song|track|theme|bgm|soundtrack|playlist))|Pitch|pitch|AtPoint|3D|2D)"
)  # (a random pick of songs is music: `playRandomSong`)
# Callers of a manager method whose own callers are looked up (one project query each).
MAX_FOLLOWED = 3
# A function that sets things up (`init_background_music`, `setupAudio`, `LoadLevel`): followed first.
SETUP_HOLDER = re.compile(r"(init|load|setup|set_up|start|begin|ready|awake|enter|create)", re.I)
# A set-up function by its name (`loadSounds`, `init_audio`, `setupSounds`): what it plays decides.
SETUP_NAME = re.compile(r"^_?([Ll]oad|[Ii]nit|[Ii]nitiali[sz]e|[Ss]et_?[Uu]p|[Cc]reate)(?![a-z])")
# Too common to look up across a project (every class has one).
GENERIC_CALLS = frozenset({"play", "start", "resume", "begin", "run", "init", "load", "enter"})
# An argument that names a track: `Play("Theme")`, `Play(mainTheme)`, `Play(SoundType.MenuMusic)`.
# C# `typeof(Clips.MenuMusic)` / `nameof(Clips.MenuMusic)`: an argument naming a type or member.
TYPE_FORM = re.compile(r"^\s*(?:typeof|nameof)\s*\(\s*([\w.<>]+)\s*\)\s*$")
# A random pick says how a clip is chosen, not that it is an effect: `PlayRandomAudioFromGroup(
# typeof(AudioLibraryData.NavigationMusic))` starts music when the group it is handed is music.
RANDOM_PICK = re.compile(r"Random|random")
TRACK_ARGUMENT = re.compile(r"(music|bgm|soundtrack|song|theme|ambien|playlist|background|jukebox|melody)", re.I)
# An argument that names an effect: `StartLoopingSound(LoopingSound.Beep)`.
EFFECT_ARGUMENT = re.compile(r"(sfx|effect|beep|click|hit|jump|coin|shot|explosion|footstep|alarm|engine|siren|whoosh)", re.I)
# A music word in an argument that names something else: `playlistControllerName`, `musicVolume`,
# a flag or option such as `aEvent.startPlaylist`.
NOT_TRACK = re.compile(
    r"(Name|name|Controller|Manager|Id|ID|Index|Volume|volume|Enabled|enabled|Source|Player|Group|Mixer)$|"
    r"^_?(start|play|stop|use|is|has|should|enable|allow|can)[A-Z_]"
)
# What a manager method's text shows when it starts a track or a video.
PLAYS_TEXT = re.compile(
    r"([.:]\s*(Play|play)\s*\(|\b(Playing|playing|autoplay)\s*=\s*true|\bset_(autoplay|playing)\(\s*true|love\.audio\.play\s*\(|^\s*play\s*\(\s*\))",
    re.M,
)
# (`loop: bool = true`: a parameter that loops unless the caller says otherwise)
LOOP_TEXT = re.compile(r"\b(loop|Looped|isLooping)\s*(:\s*bool\s*)?=\s*true|setLooping\(\s*true", re.I)
MEDIA_TEXT = re.compile(
    r"(\bVideo(Stream)?Player\b|\bbus\s*=\s*[\"']\w*music|outputAudioMixerGroup\s*=\s*[\w.]*music|"
    r"\b\w*(music|bgm|soundtrack|theme|song|video|movie|jukebox|radio)\w*\s*[.:]\s*play\s*\(|"
    r"\b(clip|stream|SoundId)\s*=\s*[^;\n]*(music|bgm|soundtrack|theme|song))",
    re.I,
)
CALLS_MUSIC = re.compile(
    r"\b_?(play|start)_?(background_?|bg_?|menu_?|level_?|game_?|(?-i:_?[A-Z][a-z0-9]*|_[a-z0-9]+)+?_?)?(music|bgm|soundtrack|song)\w*\s*\(", re.I
)


@_in_live_script
def manager_call_on_load(ctx: CheckContext) -> Verdict | None:
    """A call on the game's audio manager when the scene loads whose argument names a track
    (`AudioManager.Instance.Play("Theme")`) or whose method, read in the manager's own file,
    starts a looping or music track (`AudioManager.play_water_sound()` in `_ready`)."""
    call = as_call(ctx.node) or _inner_call(ctx.node)
    if call is None or _named_for_music(call.name, call.receiver):
        return None  # a music-named call is the music-call pattern's
    if SFX_CALL.search(call.name) and (SFX_CALL.search(RANDOM_PICK.sub("", call.name)) or not _track_argument([text(a) for a in argument_nodes(call)])):
        return None  # an effect is not a track; a random pick of a music group is
    if call.name.lstrip("_").lower() in ("play", "start") and not argument_nodes(call):
        return None  # `audioSource.Play()`: the play-on-load pattern judges the player
    when, where = situation(ctx.node, ctx, elsewhere=False)  # the caller's own file decides when it runs
    if when != "load" or _off_by_default(ctx.node, ctx) or _same_call_earlier(call, ctx, same_arguments=True):
        return None
    arguments = [text(arg) for arg in argument_nodes(call)]
    if any(EFFECT_ARGUMENT.search(_argument_name(a)) for a in arguments):
        return None  # a looping effect (a beep, an engine), not a track
    if _switches_running_music(call, ctx):
        return None  # the manager's own load-time music is reported in its file
    if SET_MUSIC_CALL.match(call.name) and any(re.search(r"^\s*(true|false)\s*$|==|~=|!=|\b(not|enabled|on|muted?)\b", a) for a in arguments):
        return None  # `SetMusic(false)`, `SetMusic(prefs.music == 1)`: a music switch, not a track
    if ctx.language == "lua" and call.name.lower() == "create":
        tag = next((m.group(0) for m in map(MUSIC_OPTION.search, arguments) if m), "")
        evidence = f"a sound made with {tag}" if tag and _manager_starts_track(call, ctx, any_name=True) else ""
    else:
        evidence = _track_argument(arguments) or _manager_starts_track(call, ctx) or _music_script_start(call, ctx, where)
    if not evidence:
        return None
    message = f"music starts playing when the {_scene(ctx)} loads ({call.name}() in {where}: {evidence})"
    return _verdict(ctx, "music", call.receiver, message, **_started_script_fold(call, ctx))


def _music_script_start(call, ctx: CheckContext, where: str) -> str:
    """Roblox: a script whose file name says music (`music.client.lua`, `Music.server.lua`,
    `BackgroundMusic.client.luau`) calls play on the game's own audio module at its top level
    (`AudioPlayer.playAudio("LucidDream")` on `require(Modules:WaitForChild("AudioPlayer"))`),
    and that module's method plays a sound: the script's name says what it plays. "" otherwise
    (an effects or click script, a play inside a handler: not at the top of the script)."""
    if ctx.language != "lua" or where != "the top of the script" or not re.match(r"^_?[Pp]lay", call.name):
        return ""
    if not MUSIC_SCRIPT.search(ctx.path.name.split(".")[0]):
        return ""
    plays = _manager_starts_track(call, ctx, any_name=True)
    return f"{plays}, from a script named for music" if "plays it" in plays else ""


# The manager's own singleton, through which its own methods are called too: `instance.Play("Theme")`.
OWN_INSTANCE = re.compile(r"^(this|_?[iI]nstance|s_?[iI]nstance|_?[sS]ingleton|[A-Z]\w*\.(_?[iI]nstance|[sS]ingleton))$")


@_in_live_script
def own_manager_call_on_load(ctx: CheckContext) -> Verdict | None:
    """An audio manager's own load hook playing one of its sounds by a name that reads as music (the
    widely copied `Sound[]` manager: `Start() { Play("MainTheme"); }`, its `Play(string name)` finding the
    sound with `Array.Find(sounds, ...)` and calling `s.source.Play()`, with `loop` copied from the
    Inspector: `s.source.loop = s.loop`). The name says music, the own method says it plays; a sound
    effect's name (`Play("Jump")`) is not a track."""
    call = as_call(ctx.node)
    if call is None or not (call.receiver in ("", "this") or OWN_INSTANCE.match(call.receiver)):
        return None
    if SFX_CALL.search(call.name) or not argument_nodes(call):
        return None
    own = [fn for fn in _functions(ctx).get(call.name, []) if not fn.start_byte <= ctx.node.start_byte < fn.end_byte]
    plays = next((fn for fn in own if _own_method_plays(fn, ctx)), None)
    if plays is None:
        return None
    arguments = [text(arg) for arg in argument_nodes(call)]
    if any(EFFECT_ARGUMENT.search(_argument_name(a)) for a in arguments):
        return None
    evidence = _track_argument(arguments)
    if not evidence:
        return None
    when, where = situation(ctx.node, ctx, elsewhere=False)
    if when != "load" or _off_by_default(ctx.node, ctx) or _same_call_earlier(call, ctx, same_arguments=True):
        return None
    if _plays_media_itself(call, ctx):
        return None  # the own method's play is known music (`loop = true`): the play-on-load pattern reports it
    line = plays.start_point[0] + 1
    message = f"music starts playing when the {_scene(ctx)} loads ({call.name}() in {where}: {evidence}, played by its own {call.name}() at line {line})"
    return _verdict(ctx, "music", call.receiver, message, fold_key=_player_script_key(ctx.path))


def _own_method_plays(fn: Node, ctx: CheckContext) -> bool:
    """The same-file method (or a same-file method it calls) plays a sound: `s.source.Play()`,
    `sound.Play(name)`, `PlayClip(s)` -> `src.Play()`; not an animator's or a particle system's `Play`."""
    level = [fn]
    for _ in range(2):
        callees = []
        for method in level:
            for inner in calls(method):
                if inner.name in ("Play", "play") and inner.receiver not in ("", "this") and not NOT_MEDIA.search(_receiver_name(inner.receiver)):
                    return True
                if inner.receiver in ("", "this"):
                    callees += [f for f in _functions(ctx).get(inner.name, []) if f is not method]
        level = callees
    return False


# A Roblox audio module's `Create(id, parent, {Volume = MusicVolume}, {name = "Music"})`: options that make the sound music
MUSIC_OPTION = re.compile(r"\b(name|tag|group|type|category)\s*=\s*[\"'](music|bgm|soundtrack)[\"']|\bVolume\s*=\s*[\w.]*Music\w*Volume\b", re.I)


def music_manager_method_on_load(ctx: CheckContext) -> Verdict | None:
    """Any other method of the game's music manager called on load (`musicController.On()`):
    reported when the method, read in the manager's own file, starts a track."""
    call = as_call(ctx.node)
    if call is None or SFX_CALL.search(call.name):
        return None
    when, where = situation(ctx.node, ctx, elsewhere=False)
    if when != "load" or _off_by_default(ctx.node, ctx) or _same_call_earlier(call, ctx, same_arguments=True):
        return None
    evidence = _manager_starts_track(call, ctx)
    if not evidence or _switches_running_music(call, ctx) or _music_call_on_same_receiver(call, ctx):
        return None
    message = f"music starts playing when the {_scene(ctx)} loads ({call.name}() in {where}: {evidence})"
    return _verdict(ctx, "music", call.receiver, message, **_started_script_fold(call, ctx))


def _music_call_on_same_receiver(call, ctx: CheckContext) -> bool:
    """Another load-time call in this file on the same manager is a music call
    (`musicManager.PlayBGMusic()` in `Start`, `musicManager.Init()` in `Awake`): one launch music,
    reported at the music call."""
    by_call = ctx.remember("apg_calls_by_name", lambda: _calls_by_name(ctx))
    return any(
        receiver == call.receiver and name != call.name and _named_for_music(name, receiver)
        and any(situation(other.node, ctx, elsewhere=False)[0] == "load" and not _off_by_default(other.node, ctx) for other in others)
        for (name, receiver), others in by_call.items()
    )


def _named_for_music(name: str, receiver: str) -> bool:
    """The music-call pattern's own calls: `PlayMusic(...)`, `play_bgm()`, `Music.start()`."""
    if MUSIC_CALL.match(name):
        return True
    return bool(MUSIC_RECEIVER.search(receiver) and re.match(r"^_?([Pp]lay|[Ss]tart)", name) and not NOT_MUSIC_CALL.search(name))


def _track_argument(arguments: list[str]) -> str:
    """The first argument that names a track (`"Theme"`, `mainTheme`, `Sounds.MenuMusic`), or a
    group of tracks by its type or name (`typeof(AudioLibraryData.NavigationMusic)`,
    `nameof(Clips.MenuMusicGroup)`) or by an enum value (`AudioGroup.Music`)."""
    for argument in arguments:
        last = _argument_name(argument)
        if TYPE_FORM.match(argument):
            last = re.sub(r"_?Groups?$", "", last)  # the type of a group of tracks names the group
        words = _words(last)
        if any(AMBIENT_WORD.match(w) for w in words) and not any(MUSIC_WORD.match(w) for w in words):
            continue  # `Play("ambience/rain")`: an environment loop, not a track
        if TRACK_ARGUMENT.search(last) and not NOT_MEDIA.search(last) and not SFX_CALL.search(last) and not NOT_TRACK.search(last):
            return f"the {'group' if TYPE_FORM.match(argument) else 'track'} {argument.strip()}"
    return ""


def _argument_name(argument: str) -> str:
    """What an argument names: `MenuMusic` for `Sounds.MenuMusic`, `music/bgm` for the file
    path `"res://music/bgm.ogg"` (its folder and file name, without the extension)."""
    value = argument.strip()
    form = TYPE_FORM.match(value)
    if form:
        value = form.group(1)  # `typeof(AudioLibraryData.NavigationMusic)`: the type it names
    value = value.strip("\"'")
    if "/" in value or "\\" in value:
        parts = [p for p in re.split(r"[/\\]", re.sub(r"^\w+://", "", value)) if p]
        return "/".join(parts[-2:]).rsplit(".", 1)[0] if parts else ""
    return re.split(r"[.:]", value)[-1]


def _manager_starts_track(call, ctx: CheckContext, any_name: bool = False) -> str:
    """Where the receiver's method (defined in another file of the project) starts a looping or
    music track (`any_name`: plays anything, the caller's options say it is music); "" when it
    does not or cannot be found. Generic names are not looked up."""
    if (len(call.name) < 4 or call.name.lstrip("_").lower() in GENERIC_CALLS) and not MUSIC_RECEIVER.search(call.receiver):
        return ""  # `musicController.On()`: a music manager's own method is looked up whatever its name
    index = project_index.for_context(ctx)
    code = ctx.code_without_comments()
    for definition in _definitions(call.name, index):
        names = _file_names(definition.path, definition.owner, index.root)
        if not _refers_to(call.receiver, names, code):
            continue
        manager = f"{definition.owner} {Path(definition.path).stem}"
        if any_name and re.search(r"[.:]\s*[Pp]lay\s*\(", definition.text):
            return f"{definition.name} in {definition.shown}:{definition.line} plays it"
        if _starts_track(definition.text, _read(definition.path), call.name, _callees_text(definition.text, definition.path, index), manager):
            return f"{definition.name} in {definition.shown}:{definition.line} starts a music track"
    return ""


# A manager method that switches the track of music already playing: `ChangeBGM(name)`, `SwitchTrack`, `CrossFadeTo`.
SWITCH_CALL = re.compile(r"^_?(change|switch|swap|cross_?fade|fade_?to|transition)", re.I)
# The hooks a manager's own script runs when it loads (its scene or autoload).
OWN_LOAD_HOOKS = ("Awake", "Start", "OnEnable", "_ready", "_enter_tree")


def _switches_running_music(call, ctx: CheckContext) -> str:
    """`audio.ChangeBGM("World1")` on load: the receiver's method switches the track (by its name,
    or it stops the current one before it plays, or the caller first sets the track on the same
    manager: `SetStem(0, menuTheme)` then `RestartAllStems()`), and the manager's own load hook
    already starts music, which is reported there; the switch is the same music, not another finding."""
    if len(call.name) < 4:
        return ""
    index = project_index.for_context(ctx)
    code = ctx.code_without_comments()
    track_set = _track_set_before(call, index)
    for definition in _definitions(call.name, index):
        if definition.path == str(ctx.path.resolve()) or not _refers_to(call.receiver, _file_names(definition.path, definition.owner, index.root), code):
            continue
        callees = _callees_text(definition.text, definition.path, index)
        if not SWITCH_CALL.match(call.name) and not re.search(r"[.:]\s*[Ss]top\s*\(", f"{definition.text}\n{callees}") and not track_set:
            continue
        manager = f"{definition.owner} {Path(definition.path).stem}"
        file_code = _read(definition.path)
        for hook in OWN_LOAD_HOOKS:
            for own in index.definitions(hook):
                if own.path != definition.path or own.owner != definition.owner:
                    continue
                if _starts_track(own.text, file_code, hook, _callees_text(own.text, own.path, index), manager):
                    return f"{own.shown}:{own.line}"
    return ""


# A manager method that sets the track to play: `SetStem(0, clip)`, `SetTrack(t)`, `set_stream(s)`.
SET_TRACK_CALL = re.compile(r"^_?[Ss]et_?\w*(stem|track|clip|song|music|stream|bgm|theme|layer|playlist)", re.I)
# A method body that gives a player or a slot its clip: `stems[index].clip = clip`, `player.stream = s`.
SETS_CLIP_TEXT = re.compile(r"[.\]]\s*(clip|stream|SoundId|track)\s*=(?!=)|^\s*(clip|stream)\s*=(?!=)", re.M)


def _track_set_before(call, index: project_index.ProjectIndex) -> str:
    """Earlier in the caller's function, the same manager is given the track to play
    (`MusicPlayer.instance.SetStem(0, menuTheme)` before `RestartAllStems()`): the name of that call."""
    fn = next(iter(enclosing_functions(call.node)), None)
    if fn is None or not call.receiver or call.receiver in ("self", "this"):
        return ""
    before = text(fn)[: call.node.start_byte - fn.start_byte]
    for match in re.finditer(rf"(?<![\w.]){re.escape(call.receiver)}\s*[.:]\s*(\w+)\s*\(", before):
        name = match.group(1)
        if name == call.name:
            continue
        if SET_TRACK_CALL.match(name) or (len(name) >= 3 and any(SETS_CLIP_TEXT.search(d.text) for d in index.definitions(name))):
            return name
    return ""


def _definitions(name: str, index: project_index.ProjectIndex) -> list[project_index.Definition]:
    """The project's methods called `name`; the index skips names under three letters
    (`musicController.On()`), so those are read from the files that define them."""
    if len(name) >= 3:
        return index.definitions(name)
    defines = re.compile(rf"\b(void|IEnumerator|func|function)\s+([\w.:]+[.:])?{re.escape(name)}\s*\(".encode())
    out = []
    for path, data in index.files().items():
        source = index.source(path) if defines.search(data) else None
        for region in source.regions if source is not None else ():
            for node in walk(region.tree.root_node):
                if node.type in FUNCTION_TYPES and function_name(node) == name:
                    shown = Path(path).relative_to(index.root).as_posix() if Path(path).is_relative_to(index.root) else path
                    body = data[node.start_byte : node.end_byte].decode("utf-8", "replace")
                    out.append(project_index.Definition(path, shown, node.start_point[0] + 1, name, _class_of(node), body))
    return out


# Short musical cues, not background music: a stinger, a jingle, a fanfare.
SHORT_CUE = re.compile(r"(stinger|jingle|fanfare|victory|defeat)", re.I)
# Words that look like calls but are not methods of the file.
NOT_METHOD = frozenset({"if", "for", "foreach", "while", "switch", "return", "new", "nameof", "typeof", "catch", "using", "lock", "function", "elif", "not", "and", "or"})


def _callees_text(definition: str, path: str, index: project_index.ProjectIndex) -> str:
    """The text of the same-file methods a manager method calls, two levels down
    (`ChangeMusic` -> `StartCoroutine(FadeInOut(name))` -> `secondSource.Play()`)."""
    seen: set[str] = set()
    parts, level = [], [definition]
    for _ in range(2):
        found = []
        for body in level:
            names = re.findall(r"(?<![.\w])(?:this\.|self\.)?([A-Za-z_]\w*)\s*\(", body)
            names += re.findall(r"\b(?:StartCoroutine|Invoke\w*|call_deferred)\s*\(\s*(?:nameof\s*\()?[\"']?(\w+)", body)
            for name in names:
                if name in seen or name in NOT_METHOD or len(seen) >= 12 or SFX_CALL.search(name) or NOT_MUSIC_CALL.search(name) or SHORT_CUE.search(name):
                    continue  # an effect or a short cue (`play_stinger(Music.VICTORY)`) is not a track
                seen.add(name)
                found += [d.text for d in index.definitions(name) if d.path == path]
        parts += found
        level = found
    return "\n".join(parts)


def _starts_track(definition: str, file_code: str, name: str, callees: str = "", manager: str = "") -> bool:
    """A manager method (or the same-file methods it calls, `callees`) plays a looping, music or
    video player (told by the method or by the rest of its file: `area_player.bus = "Music"` in
    `_ready`), or calls a music-named method. A method named for a sound (`StartLoopingSound`)
    needs music itself: a loop alone can be an alarm or an engine. In a manager named for music
    (`MusicController`, `bgm_player.gd`, the `manager` names) any play of a player that is not an
    effect starts a track (`ChangeMusic(name)` -> `secondSource.Play()`)."""
    code = re.sub(r"(?m)(^|\s)(//|#|--)[^\n]*", r"\1", f"{definition}\n{callees}")  # comments, not `res://` paths
    loops = not NOT_MUSIC_CALL.search(name)
    if CALLS_MUSIC.search(code) or (PLAYS_TEXT.search(code) and (MEDIA_TEXT.search(code) or (loops and LOOP_TEXT.search(code)))):
        return True
    music_manager = bool(MUSIC_SCRIPT.search(manager)) and loops and not SFX_CALL.search(name)
    for match in re.finditer(r"([\w$.\[\]\"'()/:]+?)\s*[.:]\s*(?:Play|play)\s*\(", code):
        player = _receiver_name(match.group(1))
        if not re.match(r"^\w+$", player) or NOT_MEDIA.search(player) or SFX_CALL.search(player):
            continue
        if MUSIC_NAME.search(player) or VIDEO_NAME.search(player) or _track_player(player, file_code, loops) or music_manager:
            return True
    return False


def _track_player(name: str, code: str, loops: bool) -> bool:
    """The file sets up `name` as a track player: it plays on a music bus or mixer group, is
    given a music clip, is declared a video player, or (when `loops` counts) loops."""
    n = re.escape(name)
    loop = r"(loop|Looped|isLooping)\s*=\s*true|setLooping\(\s*true|stream\.loop\s*=\s*true|" if loops else ""
    return bool(
        re.search(
            rf"\b{n}\s*[.:]\s*({loop}"
            rf"bus\s*=\s*[\"']\w*music|outputAudioMixerGroup\s*=\s*[\w.]*music|(clip|stream|SoundId)\s*=\s*[^;\n]*(music|bgm|soundtrack|theme|song))|"
            rf"\bVideo(Stream)?Player\s+{n}\b|\b{n}\s*:\s*Video(Stream)?Player",
            code,
            re.I,
        )
    )


def _load_caller_elsewhere(fn: Node, name: str, ctx: CheckContext) -> str:
    """`Start in Scenes/Menu.cs:12` when another file calls this public method (on this class,
    autoload or module) when its scene loads, and that caller is not reported itself."""
    if len(name) < 4 or name.lstrip("_").lower() in GENERIC_CALLS or UPDATE_FN.match(name) or MUSIC_CALL.match(name):
        return ""  # a music-named method (`PlayMusic`) is reported where it is called
    if (NOT_MUSIC_CALL.search(name) or SFX_CALL.search(name)) and not SETUP_NAME.match(name):
        return ""  # `play_sound(id)`: only a caller that names a track makes it music; `loadSounds()` sets up, its play decides
    return ctx.remember(f"apg_elsewhere:{fn.start_byte}", lambda: _first_load_caller(fn, name, ctx))


def _first_load_caller(fn: Node, name: str, ctx: CheckContext) -> str:
    index = project_index.for_context(ctx)
    me = str(ctx.path.resolve())
    names = _file_names(me, _class_of(fn), index.root)
    # LÖVE shares globals between files: `function music_change(s)` is called bare from another file
    # (Roblox and Core scripts each have their own globals)
    global_fn = ctx.language == "lua" and "love." in ctx.code_without_comments() and bool(re.match(rf"\s*function\s+{re.escape(name)}\s*\(", text(fn)))
    defines = re.compile(rf"\bfunction\s+{re.escape(name)}\s*\(")
    callees, manager = _callees_text(text(fn), me, index), f"{_class_of(fn)} {ctx.path.stem}"
    sites = []
    for site in [*index.calls(name), *(r for r in index.references(name) if r.role == "passed")]:
        if site.path == me:
            continue
        shared = global_fn and not site.receiver and site.path.endswith((".lua", ".luau")) and not defines.search(_read(site.path))
        if not shared and not _refers_to(site.receiver, names, _read(site.path)):
            continue
        if _caller_reports(site, text(fn), ctx.code_without_comments(), callees, manager):
            return ""  # reported at the caller
        if _site_under_input(site, index):
            continue  # `if the.keys:pressed('w') then player:thrust() end`: the player holds a key
        sites.append(site)
    found = next((where for where in (_load_site(site, index, follow=False) for site in sites) if where), "")
    # callers whose own callers are looked up (a project query each): set-up helpers first
    for site in sorted(sites, key=lambda site: not SETUP_HOLDER.search(next((n for k, n in site.context if k == "fn"), "")))[:MAX_FOLLOWED]:
        found = found or _load_site(site, index, follow=True)
    return found


def _caller_reports(site: project_index.Site, definition: str, file_code: str, callees: str = "", manager: str = "") -> bool:
    """The caller's own file decides this call (the music-call or manager-call pattern reports
    it, or the call names an effect, or it sits in a music-named function such as
    `start_soundtrack()` whose own call is reported)."""
    if _named_for_music(site.name, site.receiver) or MUSIC_CALL.match(next((n for k, n in site.context if k == "fn"), "")):
        return True
    music_receiver = site.path.endswith(".cs") and bool(MUSIC_RECEIVER.search(site.receiver))  # the C# manager-call query takes any method there
    if site.role != "call" or not MANAGER_RECEIVER.search(site.receiver) or not (MANAGER_CALL.match(site.name) or music_receiver):
        return False
    found = re.search(rf"\b{re.escape(site.name)}\s*\((.*)\)", site.snippet)
    arguments = found.group(1).split(",") if found else []
    if SFX_CALL.search(site.name) or any(EFFECT_ARGUMENT.search(_argument_name(a)) for a in arguments):
        return True  # an effect: not reported at either end
    if _track_argument(arguments):
        return True
    if (len(site.name) < 4 or site.name.lstrip("_").lower() in GENERIC_CALLS) and not music_receiver:
        return False
    return _starts_track(definition, file_code, site.name, callees, manager)


def _site_node(site: project_index.Site, index: project_index.ProjectIndex) -> Node | None:
    """The syntax node at a call site of another file."""
    source = index.source(site.path)
    for region in source.regions if source is not None else []:
        if region.root.start_byte <= site.byte < region.root.end_byte:
            return region.root.descendant_for_byte_range(site.byte, site.byte)
    return None


def _site_under_input(site: project_index.Site, index: project_index.ProjectIndex) -> bool:
    """The call site sits under an input check (`if love.keyboard.isDown("w")`, `the.keys:pressed('w')`)."""
    node = _site_node(site, index)
    return node is not None and bool(_user_condition(node))


def _load_site(site: project_index.Site, index: project_index.ProjectIndex, follow: bool) -> str:
    """`Start in Assets/Menu.cs:12` when the call runs as its scene loads (or at the top of a
    Lua script), or (when `follow`) the function around it is called from a load hook; else ""."""
    kind = project_index.classify(site)
    holder = next((name for k, name in site.context if k == "fn"), "")
    if not kind and holder:
        kind = "load" if LOAD_FN.match(holder) else "user" if USER_FN.search(holder) else ""
    if not kind and not site.context and site.path.endswith((".lua", ".luau")):
        return f"the top of {site.where()}"
    if kind == "load" and holder and _lua_hook_runs_later(site.path, site.line, holder, index):
        return ""  # `breakMusic()` in `function DiceBreakScreen.load()`: a screen hook run on a later transition
    if kind == "load":
        event = next((name for k, name in site.context if k == "label" and LOAD_EVENT.match(name)), "")
        return f"{holder or event or 'load'} in {site.where()}"
    if kind or not follow or not holder or len(holder) < 4 or holder.lstrip("_").lower() in GENERIC_CALLS or UPDATE_FN.match(holder):
        return ""
    for trigger in index.triggers(holder, depth=1):
        if trigger.kind == "load" and trigger.site.role == "call" and not _lua_hook_runs_later(
            trigger.site.path, trigger.site.line, next((n for k, n in trigger.site.context if k == "fn"), ""), index
        ):  # `print(Global.next_level)` is not a call; a screen's `load` run later is no load hook
            return f"{holder} in {site.where()}, called from {trigger.site.where()}"
    return ""


# Lua: a `load` / `enter` function defined on a module table other than `love` (`function GameScreen.load()`,
# `function Menu:enter()`) is a screen or state hook: the game calls it when it moves to that screen.
LUA_SCREEN_HOOK = re.compile(r"^(load|enter)$")
LUA_TABLE_FUNCTION = re.compile(r"^\s*(?:local\s+)?(?:function\s+([\w.]+)[.:](\w+)\s*\(|([\w.]+)[.:](\w+)\s*=\s*function\b)")
# Calls that make a hump.gamestate-style manager enter a state (`Gamestate.switch(menu)`, `GS.push(Title)`).
STATE_SWITCH_CALL = ("switch", "push", "change", "changeState", "switchState", "setState")


def _lua_hook_table(header: str) -> str:
    """`GameScreen` for `function GameScreen.load()`, `Menu` for `function Menu:enter()`; "" for
    `love.load`, a bare function, or a name that is no screen hook."""
    found = LUA_TABLE_FUNCTION.match(header)
    if not found:
        return ""
    table, name = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
    return table if LUA_SCREEN_HOOK.match(name) and table != "love" else ""


def _lua_definition_at(path: str, line: int, name: str, index: project_index.ProjectIndex):
    """The project's definition of `name` in `path` that holds `line` (the nearest one above it)."""
    held = [d for d in index.definitions(name) if d.path == path and d.line <= line]
    return max(held, key=lambda d: d.line, default=None)


def _site_in_lua_load(site: project_index.Site, index: project_index.ProjectIndex) -> bool:
    """The site runs when the game loads: in `love.load` or at the top of a script."""
    holder = next((n for k, n in site.context if k == "fn"), "")
    if not holder:
        return True
    if holder != "load":
        return False
    definition = _lua_definition_at(site.path, site.line, holder, index)
    return definition is not None and bool(re.match(r"\s*(function\s+love\.load\b|love\.load\s*=)", definition.text))


def _lua_hook_runs_later(path: str, line: int, name: str, index: project_index.ProjectIndex) -> bool:
    """Lua: the `name` function holding `line` of `path` is a screen or state hook (`function
    GameOverScreen.load()`, `function Menu:enter()`) that nothing runs as the game loads: neither
    `love.load` nor the top of a script calls it (`TitleScreen.load()`) or switches to its state
    (`Gamestate.switch(menu)`), directly or through one function they call. The game runs it later,
    when the player or the game moves to that screen."""
    if not path.endswith((".lua", ".luau")) or not LUA_SCREEN_HOOK.match(name):
        return False
    definition = _lua_definition_at(path, line, name, index)
    table = _lua_hook_table(definition.text) if definition is not None else ""
    if not table:
        return False
    key = (str(index.key), str(index.digest), path, definition.line)
    if key not in _LUA_HOOK_REACHED:
        if len(_LUA_HOOK_REACHED) > 4096:
            _LUA_HOOK_REACHED.clear()
        _LUA_HOOK_REACHED[key] = _lua_hook_reached(definition, table, index)
    return not _LUA_HOOK_REACHED[key]


_LUA_HOOK_REACHED: dict[tuple[str, str, str, int], bool] = {}


def _lua_hook_reached(definition, table: str, index: project_index.ProjectIndex) -> bool:
    """True when the game's start reaches the hook, or when the start cannot be seen: no screen
    hook or state switch runs from `love.load` / a script's top, or one runs on a table or state
    this project does not define (the earlier reading, load, stands)."""
    entries = _lua_entry_sites(index)
    if not entries or not _lua_required_elsewhere(definition.path, index):
        return True
    names = _file_names(definition.path, table.split(".")[-1], index.root)
    short = table.split(".")[-1]
    tables = _lua_hook_tables(index)
    for site, subject in entries:
        subject = subject.strip()
        if subject == table or _receiver_name(subject) == short or _refers_to(subject, names, _read(site.path)):
            return True
        if not any(subject == t or _receiver_name(subject) == t.split(".")[-1] or _refers_to(subject, n, _read(site.path)) for t, n in tables):
            return True  # `current.load()`, `Stack.push(item)`: a screen picked at run time, or no screen at all
    # the start names the screen some other way (`scenes:goto("title")`, `startWith(TitleScreen)`)
    mentioned = re.compile(rf"\b({re.escape(short)}|{re.escape(Path(definition.path).stem)})\b")
    return any(mentioned.search(body) for body in _lua_start_bodies(index))


def _lua_start_bodies(index: project_index.ProjectIndex) -> list[str]:
    """The text of `love.load` and of the functions it calls by name (one level)."""
    bodies = [d.text for d in index.definitions("load") if re.match(r"\s*(function\s+love\.load\b|love\.load\s*=)", d.text)]
    for body in list(bodies):
        for called in set(re.findall(r"(?<![\w.:])([A-Za-z_]\w{3,})\s*\(", body)):
            bodies += [d.text for d in index.definitions(called) if d.path.endswith((".lua", ".luau"))][:3]
    return bodies


LUA_REQUIRE = re.compile(r"""\brequire\s*\(?\s*["']([\w./\\-]+)["']""")


def _lua_required_elsewhere(path: str, index: project_index.ProjectIndex) -> bool:
    """Another Lua file of the project requires this one (`require('Screens/GameScreen')`,
    `require "states.menu"`): the game knows the screen, so who calls its hook can be seen."""
    stem = Path(path).stem
    for other, data in index.files().items():
        if other != path and other.endswith((".lua", ".luau")):
            for module in LUA_REQUIRE.findall(data.decode("utf-8", "replace")):
                if re.split(r"[./\\]", module)[-1] == stem:
                    return True
    return False


def _lua_hook_tables(index: project_index.ProjectIndex) -> list[tuple[str, frozenset[str]]]:
    """(table, names of its file) of each screen hook the project defines (`GameScreen` for
    `function GameScreen.load()`)."""
    out = []
    for name in ("load", "enter"):
        for d in index.definitions(name):
            table = _lua_hook_table(d.text)
            if table:
                out.append((table, _file_names(d.path, table.split(".")[-1], index.root)))
    return out


def _lua_entry_sites(index: project_index.ProjectIndex) -> list[tuple[project_index.Site, str]]:
    """(site, the table or state it names) of each screen hook call (`TitleScreen.load()`) and state
    switch (`Gamestate.switch(menu)`) that runs as the game loads: in `love.load` or at the top of a
    script, or in a function one of those calls (`love.load` calls `startGame()`)."""
    found = []
    for name in ("load", "enter"):
        found += [(site, site.receiver) for site in index.calls(name) if site.receiver and not site.receiver.startswith("love")]
    for call in STATE_SWITCH_CALL:
        for site in index.calls(call):
            argument = re.search(rf"\b{re.escape(call)}\s*\(\s*([\w.]+|\"[\w./]+\"|'[\w./]+')", site.snippet)
            if site.receiver and argument:
                found.append((site, argument.group(1)))
    return [(site, subject) for site, subject in found if site.path.endswith((".lua", ".luau")) and _lua_load_time(site, index)]


def _lua_load_time(site: project_index.Site, index: project_index.ProjectIndex) -> bool:
    if _site_in_lua_load(site, index):
        return True
    holder = next((n for k, n in site.context if k == "fn"), "")
    if not holder or UPDATE_FN.match(holder) or USER_FN.search(holder) or LUA_SCREEN_HOOK.match(holder) or project_index.too_common(holder):
        return False
    return any(_site_in_lua_load(caller, index) for caller in index.calls(holder))  # `love.load` calls `startGame()`


def _class_of(fn: Node) -> str:
    for ancestor in ancestors(fn):
        if ancestor.type == "class_declaration":
            return text(ancestor.child_by_field_name("name"))
    return ""


def _normal(name: str) -> str:
    """`audiomanager` for `AudioManager`, `_audioManager`, `m_AudioManager`, `audio_manager`."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^(m_|s_|_+)", "", name).lower())


_NAMES_CACHE: dict[tuple[str, float], frozenset[str]] = {}


def _file_names(path: str, owner: str, root) -> frozenset[str]:
    """The names other files reach a manager file by (normalised): its class, its file name
    (the folder for `init.lua`), a GDScript `class_name`, a Knit / framework `Name = "..."`,
    and the Godot autoload names that point at it."""
    try:
        stamp = os.stat(path).st_mtime
    except OSError:
        return frozenset()
    key = (f"{path}|{owner}", stamp)
    if key not in _NAMES_CACHE:
        file = Path(path)
        stem = file.name.split(".")[0]
        names = {owner, file.parent.name if stem == "init" else stem}
        code = _read(path)
        names.update(re.findall(r"^\s*class_name\s+(\w+)", code, re.M))
        names.update(re.findall(r"Create(?:Service|Controller)\s*\(?\s*\{\s*Name\s*=\s*[\"'](\w+)[\"']", code))
        godot_root = project_index.project_root(file, "gdscript") if path.endswith(".gd") else Path(root)
        godot = godot_root / "project.godot"
        if path.endswith(".gd") and godot.is_file():
            relative = file.relative_to(godot_root).as_posix() if file.is_relative_to(godot_root) else ""
            for autoload, target in re.findall(r"^(\w+)\s*=\s*\"\*?res://([^\"]+)\"", _read(str(godot)), re.M):
                if target == relative or (target.endswith(".tscn") and _scene_root_script(godot_root / target) == relative):
                    names.add(autoload)  # `Music="*res://music.tscn"`: the scene's root node runs this script
        _NAMES_CACHE[key] = frozenset(_normal(n) for n in names if n)
    return _NAMES_CACHE[key]


def _scene_root_script(scene: Path) -> str:
    """The script (`Scripts/music.gd`, relative to res://) a text scene's root node runs:
    `script = ExtResource("1_ab")` on the first `[node]` and its `[ext_resource type="Script" path=...]`."""
    code = _read(str(scene))
    root = re.search(r"^\[node [^\]]*\]\s*\n((?:(?!\[)[^\n]*\n?)*)", code, re.M)
    used = re.search(r"^script\s*=\s*ExtResource\(\s*\"?([\w-]+)\"?\s*\)", root.group(1), re.M) if root else None
    if not used:
        return ""
    for resource in re.findall(r"^\[ext_resource ([^\]]*)\]", code, re.M):
        if re.search(rf"\bid\s*=\s*\"?{re.escape(used.group(1))}\"?(\s|$)", resource) and 'type="Script"' in resource:
            found = re.search(r'\bpath="res://([^"]+)"', resource)
            return found.group(1) if found else ""
    return ""


def _refers_to(receiver: str, names: frozenset[str], code: str) -> bool:
    """The receiver is the manager: its class or module itself (`AudioManager.Instance`,
    `FindObjectOfType<AudioManager>()`, `$"/root/MusicPlayer"`), or a variable the caller's file
    binds to it (`AudioManager audioManager;`, `local Music = require(Modules.Music)`)."""
    receiver = re.sub(r"^(this|self|base)\.", "", receiver.strip())
    generic = re.search(r"<\s*(\w+)\s*>", receiver)
    quoted = re.search(r"[\"'][^\"']*?(\w+)[\"']\s*\)?\s*$", receiver)
    head = generic.group(1) if generic else quoted.group(1) if quoted else (re.match(r"[$%]?(\w+)", receiver) or [None, ""])[1]
    if not head:
        return False
    if _normal(head) in names:
        return True
    word = re.compile(rf"\b{re.escape(head)}\b")
    for line in code.splitlines():
        if len(line) < 300 and word.search(line) and re.search(r"[=;:]|\bvar\b|\blocal\b", line):
            if any(_normal(other) in names for other in re.findall(r"\w+", line) if other != head):
                return True
    return False


# --------------------------------------------------------------------------------------------
# Godot: a script that no scene, resource or other script attaches never runs
# (generic; belongs in project_index as `godot_script_unused(path)`)

GODOT_TEXT = (".gd", ".tscn", ".tres", ".godot", ".cfg", ".cs", ".json")
GODOT_BINARY = (".scn", ".res")  # binary scenes and resources name scripts in a form not read here
MAX_GODOT_FILES = 3000
GODOT_CLASS_NAME = re.compile(r"^class_name\s+(\w+)", re.M)
GODOT_UID = re.compile(r'\buid="(uid://\w+)"')
GODOT_STRING = re.compile(r'"([^"\n]*)"|\'([^\'\n]*)\'')
GODOT_FULL_PATH = re.compile(r"^(res://)?[\w./-]+\.t?scn$")
_GODOT_CACHE: dict[str, tuple[tuple, dict[Path, str] | None]] = {}


def godot_script_unused(path: str) -> bool:
    """True when the Godot project (project.godot at its root) never attaches or loads the
    script at `path`: no scene, resource, project setting or script names its `res://` path, its
    uid or (relative) file name, and no other file names its `class_name`; or only scenes that
    are themselves never loaded attach it (the main scene is named in project.godot). False
    whenever unsure: no project.godot, binary scenes, too many files, or a scene path built at
    run time."""
    root = project_index.project_root(Path(path), "gdscript")
    if not (root / "project.godot").is_file():
        return False
    files = _godot_files(root)
    own = Path(path).resolve()
    if files is None or own not in files or not _godot_complete(root, files):
        return False
    match = GODOT_CLASS_NAME.search(files[own])
    if match and any(re.search(rf"\b{match.group(1)}\b", code) for other, code in files.items() if other != own):
        return False
    holders = _godot_holders(own, root, files)
    if holders is None:
        return False
    if not holders:
        return True
    if any(not h.name.endswith(".tscn") for h in holders):
        return False
    built = _godot_scene_patterns(files)
    return all(_godot_holders(h, root, files) == [] and not _godot_built(h, root, built) for h in holders)


def _godot_built(scene: Path, root: Path, built: list[str]) -> bool:
    res = "res://" + scene.relative_to(root.resolve()).as_posix()
    return any(res.startswith(prefix) or not prefix.startswith("res://") for prefix in built)


def _godot_files(root: Path, binary_ok: bool = False) -> dict[Path, str] | None:
    """The text of the project's scripts, scenes, resources and settings (read again when a file
    changes); None when it has too many files, or binary scenes or resources and the caller needs every
    reference (`binary_ok`: it only reads what the text scenes say, as a script's own attached nodes)."""
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in DEFAULT_EXCLUDED_DIRS and not d.startswith("."))
        if not binary_ok and any(n.endswith(GODOT_BINARY) for n in names):
            return None
        found += [Path(folder) / n for n in sorted(names) if n.endswith(GODOT_TEXT)]
        if len(found) > MAX_GODOT_FILES:
            return None
    try:
        signature = tuple((str(f), f.stat().st_mtime_ns) for f in found)
    except OSError:
        return None
    cached = _GODOT_CACHE.get(str(root))
    if cached and cached[0] == signature:
        return cached[1]
    files = {f.resolve(): _read(str(f)) for f in found}
    _GODOT_CACHE[str(root)] = (signature, files)
    return files


def _godot_complete(root: Path, files: dict[Path, str]) -> bool:
    """The copy holds the whole project: every script, scene and uid that project.godot names
    (the main scene, autoloads) is there, so a scene missing from it was not merely left out."""
    settings = files.get((root / "project.godot").resolve(), "")
    settings = re.sub(r"(?m)^\s*;.*$", "", settings)
    named = [t for t in re.findall(r"\"\*?(res://[^\"]+|uid://\w+)\"", settings) if t.startswith("uid://") or t.endswith(GODOT_TEXT)]
    scene_uids = {u for f, code in files.items() if f.name.endswith((".tscn", ".tres")) for u in GODOT_UID.findall(code[:400])}
    missing_autoloads = False
    for target in named:
        if target.startswith("uid://"):
            if target not in scene_uids and not any(target in _read(str(f) + ".uid") for f in files if f.name.endswith(".gd")):
                return False
        elif not (root / target[len("res://"):]).exists():
            if target not in _godot_autoload_scripts(settings):
                return False
            missing_autoloads = True
    if missing_autoloads and not _godot_references_resolve(root, files):
        return False
    return any(f.name.endswith(".tscn") for f in files) and bool(re.search(r"run/main_scene\s*=", settings))


def _godot_autoload_scripts(settings: str) -> set[str]:
    """The `res://` scripts (.gd) that project.godot's [autoload] section names."""
    section = re.search(r"(?ms)^\[autoload\]\s*$(.*?)(?=^\[|\Z)", settings)
    return set(re.findall(r"\"\*?(res://[^\"]+\.gd)\"", section.group(1))) if section else set()


def _godot_references_resolve(root: Path, files: dict[Path, str]) -> bool:
    """Every script, scene and resource that the project's scenes and resources name by `res://` path
    is in the copy (letter case aside, as on the Windows or macOS machine it was made on): the copy
    is whole, so an autoload script that project.godot names but the repository lacks was removed
    by its authors (the game runs without it), not left out of this copy."""
    present = {"res://" + f.relative_to(root.resolve()).as_posix().lower() for f in files if f.is_relative_to(root.resolve())}
    for f, code in files.items():
        if f.name.endswith((".tscn", ".tres")):
            for target in re.findall(r"\bpath=\"(res://[^\"]+)\"", code):
                if target.endswith(GODOT_TEXT) and target.lower() not in present:
                    return False
    return True


def _godot_holders(target: Path, root: Path, files: dict[Path, str]) -> list[Path] | None:
    """The files that name `target`: its exact `res://` path, its uid, or its file name in any
    other form (a relative path, counted as naming it). None when the file is outside the root."""
    try:
        res = "res://" + target.relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    uids = GODOT_UID.findall(files.get(target, "")[:400]) if target.name.endswith(".tscn") else []
    uid_file = Path(str(target) + ".uid")
    if uid_file.is_file():
        uids.append(_read(str(uid_file)).strip())
    name = re.compile(rf"(?<![\w-]){re.escape(target.name)}(?!\w)")
    other_res = re.compile(rf"res://[^\s\"']*?(?<![\w-]){re.escape(target.name)}(?!\w)")
    holders = []
    lowered = _lowered(files)
    for other, code in files.items():
        if other == target:
            continue
        if res.lower() in lowered[other] or any(u and u in code for u in uids):  # letter case aside, as on Windows
            holders.append(other)
        elif len(name.findall(code)) > len(other_res.findall(code)):
            holders.append(other)  # a relative path or a name built from parts: taken as naming it
    return holders


_LOWERED: dict[int, tuple[dict[Path, str], dict[Path, str]]] = {}


def _lowered(files: dict[Path, str]) -> dict[Path, str]:
    """The project's texts in lower case (built once per read of the project)."""
    cached = _LOWERED.get(id(files))
    if cached is None or cached[0] is not files:
        if len(_LOWERED) > 16:
            _LOWERED.clear()
        cached = _LOWERED[id(files)] = (files, {f: code.lower() for f, code in files.items()})
    return cached[1]


def _godot_scene_patterns(files: dict[Path, str]) -> list[str]:
    """The fixed start of each scene path a script builds at run time (`"res://levels/level_%d.tscn"
    % n` gives `res://levels/`, `"res://scenes/" + name` gives `res://scenes/`, a relative
    `"level_%d.tscn"` gives ""): the scenes under it may be loaded though no text names them."""
    out = []
    for path, code in files.items():
        if not path.name.endswith((".gd", ".cs")):
            continue
        for match in GODOT_STRING.finditer(code):
            value = match.group(1) or match.group(2) or ""
            built = (".tscn" in value or ".scn" in value) and not GODOT_FULL_PATH.match(value)
            if built or (value.startswith("res://") and (value.endswith("/") or "." not in value.rsplit("/", 1)[-1])):
                fixed = re.split(r"[%{]", value, maxsplit=1)[0]
                out.append(fixed[: fixed.rfind("/") + 1] if value.startswith("res://") else "")
    return out


_READ_CACHE: dict[tuple[str, float], str] = {}


# Roblox: where a LocalScript runs (a client container or the character), and where no Script runs.
ROBLOX_CLIENT = frozenset({"StarterPlayer", "StarterPlayerScripts", "StarterCharacterScripts", "StarterGui", "StarterPack", "ReplicatedFirst", "Workspace", "Players"})
ROBLOX_STORAGE = frozenset({"ServerStorage", "ReplicatedStorage"})
ROBLOX_SERVICES = ROBLOX_CLIENT - {"Players"} | ROBLOX_STORAGE | {"ServerScriptService"}
ROBLOX_SCRIPT = re.compile(r"\.(client|server|LocalScript|Script)\.luau?$")


def roblox_script_never_runs(path: str) -> bool:
    """A Roblox LocalScript (`x.client.lua`, `x.LocalScript.lua`) or Script (`x.server.lua`,
    `x.Script.lua`) placed where Roblox never runs it: a LocalScript outside the client containers
    (StarterPlayerScripts, StarterGui, StarterPack, ReplicatedFirst, the character), e.g. a backup
    copy kept in ServerStorage; a Script in ServerStorage or ReplicatedStorage. The place is the
    first Roblox service the path goes through: a folder named for it, or the service a Rojo
    `*.project.json` maps the folder to. ModuleScripts run wherever they are required: never skipped."""
    kind = ROBLOX_SCRIPT.search(Path(path).name)
    if not kind:
        return False
    service = _roblox_service(Path(path).resolve())
    if not service:
        return False
    if kind.group(1) in ("client", "LocalScript"):
        return service not in ROBLOX_CLIENT
    return service in ROBLOX_STORAGE


def _roblox_service(path: Path) -> str:
    """The Roblox service a script file sits in, or "" when unknown."""
    mapped = _rojo_service(path)
    if mapped is not None:
        return mapped
    return next((part for part in path.parts[:-1] if part in ROBLOX_SERVICES), "")


def _rojo_service(path: Path) -> str | None:
    """The service a Rojo project file next to an ancestor folder maps `path` into ("" when the file is
    outside every mapped folder or the project emits RunContext scripts); None without a project file."""
    for folder in path.parents:
        project = folder / "default.project.json"
        if not project.is_file():
            continue
        try:
            data = json.loads(re.sub(r"(?m)^\s*//[^\n]*$", "", project.read_text(encoding="utf-8", errors="replace")))
        except (OSError, ValueError):
            return ""
        if not isinstance(data, dict) or data.get("emitLegacyScripts") is False:
            return ""
        best = ("", -1)
        for service, mapped in _rojo_paths(data.get("tree"), None):
            target = (folder / mapped).resolve()
            if (target == path or target in path.parents) and len(target.parts) > best[1]:
                best = (service, len(target.parts))
        return best[0]
    return None


def _rojo_paths(node, service: str | None):
    """(first service, `$path`) pairs of a Rojo project tree."""
    if not isinstance(node, dict):
        return
    if service and isinstance(node.get("$path"), str):
        yield service, node["$path"]
    for key, child in node.items():
        if not key.startswith("$"):
            yield from _rojo_paths(child, service or (key if key in ROBLOX_SERVICES else None))


def _read(path: str) -> str:
    """A project file's text (read once per version of the file and process)."""
    try:
        key = (path, os.stat(path).st_mtime)
        if key not in _READ_CACHE:
            if len(_READ_CACHE) > 256:
                _READ_CACHE.clear()
            with open(path, encoding="utf-8", errors="replace") as handle:
                _READ_CACHE[key] = handle.read(400_000)
        return _READ_CACHE[key]
    except OSError:
        return ""
