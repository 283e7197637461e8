"""autoplay in Unity scenes and prefabs: music and video the editor starts, not the code.

A Unity scene (`.unity`) or prefab (`.prefab`) is YAML, one document per object: an AudioSource
(`--- !u!82 &ID`) or VideoPlayer (`--- !u!328 &ID`) with `m_PlayOnAwake: 1` starts as soon as
its GameObject (`--- !u!1`) is loaded, with no line of code. The rule matches that line (the file
is reduced to those lines first, scene_text.py); this check reads the rest with a line scanner
over the scene's bytes, never a YAML load (scenes run to several MB).

Unity's default for an AudioSource is Play On Awake, so almost every sound-effect source has it
too: only music is reported, known by a music word in the GameObject's name or its clip's file
name (the `.meta` file whose `guid:` the source's `m_audioClip` names), or, for a looping source
whose names say no effect or ambient loop, in the clip's folders (`Audio/Music/`) or the parent
object's name, a GameObject or clip called `Background` / `BG`, or a parent that is the game's audio
manager (`AudioManager`, `SoundManager`); a loop alone is not enough. Several sources on one GameObject are one finding. A
VideoPlayer with a clip or URL is reported whatever it is called. Not reported: a source or player without a clip, muted
(`Mute: 1`, volume 0), disabled (`m_Enabled: 0`) or on an inactive GameObject (itself or a
parent, `m_IsActive: 0`); a scene the build does not include (ProjectSettings'
EditorBuildSettings.asset lists scenes and this is not one of them); and one a C# script on the
same GameObject, or one that references the component, plays, stops or pauses in its
`Awake` / `Start` / `OnEnable` (the code decides when it plays, and the code rule reports that
behaviour once, in the script).
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from pathlib import Path

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_games import AMBIENT_WORD, MUSIC_WORD, _words
from designlint.checks.autoplay_games import EFFECT_WORD as CODE_EFFECT_WORD
from designlint.checks.autoplay_scenes import EFFECT_WORD as SCENE_EFFECT_WORD
from designlint.checks.util import closing_bracket
from designlint.files import DEFAULT_EXCLUDED_DIRS

HEADER = re.compile(rb"^--- !u!(\d+) &(-?\d+)", re.M)
AUDIO_SOURCE, VIDEO_PLAYER, GAME_OBJECT, MONO_BEHAVIOUR = 82, 328, 1, 114
TRANSFORMS = (4, 224)  # Transform, RectTransform
REFERENCE = re.compile(rb"\{\s*fileID:\s*(-?\d+)(?:,\s*guid:\s*([0-9a-fA-F]{32}))?")
COMPONENT = re.compile(rb"^  - component: \{fileID: (-?\d+)\}", re.M)
MAX_PARENTS = 64
# Files whose `.meta` guid the check looks up: audio and video clips, and C# scripts.
META_FILE = re.compile(r"\.(ogg|wav|mp3|aiff?|flac|m4a|mod|it|s3m|xm|mp4|webm|mov|m4v|ogv|avi|mpe?g|wmv|asf|dv|vp8|cs)\.meta$", re.I)
META_GUID = re.compile(rb"^guid:\s*([0-9a-fA-F]{32})", re.M)
MAX_META_FILES = 40_000
MAX_WALKED_FILES = 400_000  # names looked at while listing them (a monorepo without ProjectSettings)
SKIPPED_DIRS = DEFAULT_EXCLUDED_DIRS | {"Library", "Temp", "Logs", "obj", "UserSettings", ".git"}
LOAD_HOOK = re.compile(r"\bvoid\s+(Awake|Start|OnEnable)\s*\(\s*\)")
TAKES_OVER = re.compile(r"\b(Play|PlayDelayed|PlayScheduled|Stop|Pause|Prepare)\s*\(|\.(playOnAwake|mute|clip|url)\s*=")
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
BUILD_SCENE = re.compile(r"^\s*- enabled: 1\s*\n\s*path: ([^\r\n]+)", re.M)


def unity_scene_autoplay(ctx: CheckContext) -> Verdict | None:
    """`m_PlayOnAwake: 1` on a Unity AudioSource that plays music or a VideoPlayer that plays a
    video (see the module docstring)."""
    scene = ctx.remember("unity_scene", lambda: _Scene(ctx.data))
    doc = scene.document_at(ctx.node.start_byte)
    if doc is None or doc[0] not in (AUDIO_SOURCE, VIDEO_PLAYER):
        return None
    found = _media(ctx, scene, doc)
    if found is None:
        return None
    what, setting, game_object, strength = found
    # Several sources on one GameObject (a track and its layers) are one finding: at the first
    # whose clip is named or filed as music, else at the first.
    for other in scene.components(game_object):
        other_doc = scene.by_id.get(other)
        if other_doc is None or other_doc[0] not in (AUDIO_SOURCE, VIDEO_PLAYER) or other_doc == doc:
            continue
        if scene.value(other_doc[2], other_doc[3], "m_PlayOnAwake") != "1":
            continue
        rival = _media(ctx, scene, other_doc)
        if rival is not None and (rival[3] > strength or (rival[3] == strength and other_doc[2] < doc[2])):
            return None
    if _script_takes_over(ctx, scene, doc[1], game_object):
        return None
    if ctx.path.suffix.lower() == ".unity" and _scene_left_out_of_build(ctx):
        return None
    where = "the prefab is placed" if ctx.path.suffix.lower() == ".prefab" else "the scene loads"
    return Verdict(message=f"{what} starts playing as soon as {where} ({setting})")


def _media(ctx: CheckContext, scene: "_Scene", doc: tuple[int, int, int, int]) -> tuple[str, str, int, int] | None:
    """(what, setting, GameObject id, 1 when its clip is named or filed as music or video, else 0)
    of an enabled, audible player of music or video on an active GameObject; None otherwise."""
    kind, _, start, end = doc
    if scene.value(start, end, "m_Enabled") == "0":
        return None
    game_object = scene.reference(start, end, "m_GameObject")
    names = scene.object_names(game_object)
    if names is None:
        return None  # on an inactive GameObject, or a parent is inactive
    name, parent = names
    if kind == AUDIO_SOURCE:
        clip = scene.reference_guid(start, end, "m_audioClip")
        if clip is None:
            return None  # nothing to play
        if scene.value(start, end, "Mute", "m_Mute") == "1" or _number(scene.value(start, end, "m_Volume")) == 0:
            return None
        clip_path = _asset(ctx, clip[1]) if clip[1] else None
        clip_name = os.path.basename(clip_path) if clip_path else None
        looping = scene.value(start, end, "Loop", "m_Loop") == "1"
        if not _music(name, clip_name, _folders(ctx, clip_path), parent, looping):
            return None
        strength = int(any(_music_word(w) for w in _words(re.sub(r"\.\w+$", "", clip_name or ""), _folders(ctx, clip_path))))
        return f"music ({_label(name, clip_name)})", "Play On Awake on its AudioSource" + (", looping" if looping else ""), game_object, strength
    clip = scene.reference_guid(start, end, "m_VideoClip")
    url = (scene.value(start, end, "m_Url") or "").strip().strip("'\"")
    source = scene.value(start, end, "m_Source") or "0"
    if (source == "1" and not url) or (source != "1" and clip is None):
        return None
    clip_path = _asset(ctx, clip[1]) if source != "1" and clip and clip[1] else None
    label = _label(name, os.path.basename(clip_path) if clip_path else url if source == "1" else None)
    looping = scene.value(start, end, "m_Looping") == "1"
    return f"video ({label})", "Play On Awake on its VideoPlayer" + (", looping" if looping else ""), game_object, 1


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _label(name: str, clip: str | None) -> str:
    return f"{name}, {clip}" if name and clip else name or clip or "unnamed"


def _music(name: str, clip: str | None, folders: str, parent: str, looping: bool) -> bool:
    """Whether an AudioSource plays music. A music word in its GameObject's or clip's name says so;
    an effect or ambient word there says not. Otherwise, when the source loops (a loop alone, or a
    looping voice line, does not): a music word in the clip's folders or the parent's name, a
    GameObject or clip called `Background` / `BG` (the scene's background track), or a parent that
    is the game's audio manager (`AudioManager`, `SoundManager`: its looping source is the music)."""
    stem = re.sub(r"\.\w+$", "", clip or "")
    own = _words(name, stem)
    if any(_music_word(w) for w in own):
        return True
    if any(SCENE_EFFECT_WORD.match(w) or CODE_EFFECT_WORD.match(w) or AMBIENT_WORD.match(w) for w in own):
        return False
    if not looping:
        return False
    return any(_music_word(w) for w in _words(folders, parent)) or bool(BACKGROUND_WORD & set(own)) or _audio_manager(parent)


# A looping source on an object called `Background` / `BG` plays the background track.
BACKGROUND_WORD = {"background", "bg", "backround", "backgound"}
AUDIO_MANAGER = re.compile(r"^(audio|sounds?|music) ?(manager|mgr|controller)$", re.I)


def _audio_manager(parent: str) -> bool:
    """`AudioManager`, `Sound Manager`, `sound_controller`: the object that holds the game's sound."""
    return bool(AUDIO_MANAGER.match(" ".join(_words(parent)))) if parent else False


def _music_word(word: str) -> bool:
    return bool(MUSIC_WORD.match(word)) or word in ("bgm", "ost", "bgmusic")


def _folders(ctx: CheckContext, path: str | None) -> str:
    """The folders of an asset below the project root (`Audio/Music`), as one name."""
    if not path:
        return ""
    try:
        relative = Path(path).resolve().relative_to(_unity_root(ctx).resolve())
    except ValueError:
        return ""
    return " ".join(relative.parts[:-1])


class _Scene:
    """The documents of a scene or prefab, found by their `--- !u!CLASS &ID` headers."""

    def __init__(self, data: bytes):
        self.data = data
        self.starts: list[int] = []
        self.docs: list[tuple[int, int, int, int]] = []  # (class, id, start, end)
        self.by_id: dict[int, tuple[int, int, int, int]] = {}
        headers = list(HEADER.finditer(data))
        for index, header in enumerate(headers):
            end = headers[index + 1].start() if index + 1 < len(headers) else len(data)
            doc = (int(header.group(1)), int(header.group(2)), header.start(), end)
            self.starts.append(header.start())
            self.docs.append(doc)
            self.by_id[doc[1]] = doc
        self._patterns: dict[str, re.Pattern[bytes]] = {}

    def document_at(self, offset: int) -> tuple[int, int, int, int] | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.docs[index] if index >= 0 else None

    def _line(self, start: int, end: int, key: str) -> bytes | None:
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = self._patterns[key] = re.compile(rb"^  " + re.escape(key.encode()) + rb":[ \t]?([^\r\n]*)", re.M)
        match = pattern.search(self.data, start, end)
        return match.group(1) if match else None

    def value(self, start: int, end: int, *keys: str) -> str | None:
        """A top-level property's value (the first of `keys` present), as text."""
        for key in keys:
            raw = self._line(start, end, key)
            if raw is not None:
                return raw.decode("utf-8", "replace").strip()
        return None

    def reference(self, start: int, end: int, key: str) -> int:
        raw = self._line(start, end, key)
        match = REFERENCE.match(raw.strip()) if raw else None
        return int(match.group(1)) if match else 0

    def reference_guid(self, start: int, end: int, key: str) -> tuple[int, str] | None:
        """(fileID, guid or '') of an object reference; None when it points to nothing."""
        raw = self._line(start, end, key)
        match = REFERENCE.match(raw.strip()) if raw else None
        if match is None or int(match.group(1)) == 0:
            return None
        return int(match.group(1)), (match.group(2) or b"").decode().lower()

    def components(self, game_object: int) -> list[int]:
        doc = self.by_id.get(game_object)
        if doc is None:
            return []
        return [int(m.group(1)) for m in COMPONENT.finditer(self.data, doc[2], doc[3])]

    def object_names(self, game_object: int) -> tuple[str, str] | None:
        """(name, parent's name) of a GameObject, or None when it or a parent is inactive."""
        doc = self.by_id.get(game_object)
        if doc is None or doc[0] != GAME_OBJECT:
            return "", ""  # a prefab instance's stripped object, or not in this file
        name, parent_name = self.value(doc[2], doc[3], "m_Name") or "", ""
        current: int | None = game_object
        for level in range(MAX_PARENTS):
            doc = self.by_id.get(current) if current else None
            if doc is None or doc[0] != GAME_OBJECT:
                break
            if self.value(doc[2], doc[3], "m_IsActive") == "0":
                return None
            if level == 1:
                parent_name = self.value(doc[2], doc[3], "m_Name") or ""
            transform = next((self.by_id[c] for c in self.components(current) if c in self.by_id and self.by_id[c][0] in TRANSFORMS), None)
            if transform is None:
                break
            father = self.reference(transform[2], transform[3], "m_Father")
            father_doc = self.by_id.get(father)
            current = self.reference(father_doc[2], father_doc[3], "m_GameObject") if father_doc else None
        return name, parent_name

    def scripts_on(self, component: int, game_object: int) -> list[str]:
        """The script guids of the MonoBehaviours on the GameObject and of those that reference
        the component (a manager's `musicSource` field)."""
        docs = [self.by_id[c] for c in self.components(game_object) if c in self.by_id]
        needle = re.compile(rb"\{fileID: " + str(component).encode() + rb"\}")
        for match in needle.finditer(self.data):
            doc = self.document_at(match.start())
            if doc is not None and doc[1] != component and doc not in docs:
                docs.append(doc)
        out = []
        for doc in docs:
            if doc[0] == MONO_BEHAVIOUR:
                script = self.reference_guid(doc[2], doc[3], "m_Script")
                if script and script[1]:
                    out.append(script[1])
        return out


def _unity_root(ctx: CheckContext) -> Path:
    if ctx.project_root is not None:
        return ctx.project_root
    return project_index.project_root(ctx.path, "csharp")


def _meta_index(root: Path) -> dict[str, str]:
    """guid -> asset path (the `.meta` file's path without `.meta`) of the project's audio, video
    and C# files; built once per project and scan. A finding's cached result depends on the
    `.meta` and script files it read, not on files added since (a new clip with an old guid)."""
    key, indexes = str(root), project_index.side_cache("unity-meta")
    if key not in indexes:
        index: dict[str, str] = {}
        seen = walked = 0
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
            walked += len(files)
            if seen > MAX_META_FILES or walked > MAX_WALKED_FILES:
                break
            for file in files:
                if not META_FILE.search(file):
                    continue
                seen += 1
                if seen > MAX_META_FILES:
                    break
                path = os.path.join(folder, file)
                try:
                    with open(path, "rb") as handle:
                        head = handle.read(512)
                except OSError:
                    continue
                match = META_GUID.search(head)
                if match:
                    index.setdefault(match.group(1).decode().lower(), path[: -len(".meta")])
        indexes[key] = index
    return indexes[key]


def _asset(ctx: CheckContext, guid: str) -> str | None:
    path = _meta_index(_unity_root(ctx)).get(guid)
    if path is not None:
        meta = path + ".meta"
        try:
            ctx.depends_on({meta: hashlib.sha256(Path(meta).read_bytes()).hexdigest()})
        except OSError:
            pass
    return path


def _script_takes_over(ctx: CheckContext, scene: _Scene, component: int, game_object: int) -> bool:
    """A C# script on the player's GameObject, or one whose field references the player, plays,
    stops or pauses something (or sets its clip) in Awake / Start / OnEnable."""
    for guid in scene.scripts_on(component, game_object):
        path = _asset(ctx, guid)
        if path is None or not path.endswith(".cs"):
            continue
        try:
            raw = Path(path).read_bytes()
        except OSError:
            continue
        ctx.depends_on({path: hashlib.sha256(raw).hexdigest()})
        code = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), raw.decode("utf-8", "replace"))
        for hook in LOAD_HOOK.finditer(code):
            if TAKES_OVER.search(_body(code, hook.end())):
                return True
    return False


def _body(code: str, offset: int) -> str:
    """The braced body that opens after `offset` (an expression body `=> ...;` up to its `;`)."""
    brace, arrow = code.find("{", offset), code.find("=>", offset)
    if arrow >= 0 and (brace < 0 or arrow < brace) and code[offset:arrow].strip() == "":
        semi = code.find(";", arrow)
        return code[arrow : semi if semi >= 0 else len(code)]
    if brace < 0:
        return ""
    close = closing_bracket(code, brace)
    return code[brace:] if close is None else code[brace : close + 1]


def _scene_left_out_of_build(ctx: CheckContext) -> bool:
    """The project's build settings list scenes, and this one is not among them (enabled)."""
    root = _unity_root(ctx)
    settings = root / "ProjectSettings" / "EditorBuildSettings.asset"
    try:
        raw = settings.read_bytes()
    except OSError:
        return False
    ctx.depends_on({str(settings): hashlib.sha256(raw).hexdigest()})
    scenes = {p.strip().strip("'\"") for p in BUILD_SCENE.findall(raw.decode("utf-8", "replace"))}
    if not any((root / scene).is_file() for scene in scenes):
        return False  # no list, or a stale one: every scene may be the one played
    try:
        relative = ctx.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return False
    return relative not in scenes
