"""autoplay on iOS (Swift): a player that moves on by itself through the queue, album, playlist or
episode list the person started (session 15, decision B: reported at `info`, one finding per player
engine).

- an end-of-item hook (`AVPlayerItemDidPlayToEndTime` observer, `audioPlayerDidFinishPlaying`, a
  `…DidFinishPlaying` method) of an audio engine (music, podcast, audiobook: no video in the class or
  its file) that plays the next song or episode (`playNext()`, `currentIndex += 1; play()`);
- `AVQueuePlayer(items:)` given several items (it advances by itself unless `actionAtItemEnd` is
  `.pause` or `.none`), or an `AVQueuePlayer` filled after it is made: `insert(_:after:)` in a
  `for … in` loop or a `forEach` closure, or called twice or more in one function (one `insert` of
  the next song, as a tap's "play next" does, is not a queue);
- `MPMusicPlayerController.setQueue(with:)` and MusicKit `player.queue = …Queue(for: songs)` followed
  by `play()` in the same function (the Music framework plays the queue through).

Every site of one engine (its class, with its extensions, in any file of the project) folds into
one finding (Verdict.fold_key). Still a `warning` as before, judged in autoplay_mobile: songs the app
picks once the queue ends (radio, recommendations) and video rolling into the next episode. Not
reported: a single item, a queue that stops at each end, a chat's voice messages, the person's own
recordings, next / skip buttons and remote commands (no end hook)."""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_mobile_names import CLASS_TYPES, class_name, name_words
from designlint.checks.autoplay_queue import QUEUE_MESSAGE, QUEUE_NOTE, VIDEO_CODE_WORDS as VIDEO_WORDS
from designlint.checks.autoplay_mobile_situation import ADVANCE, handler_text, strip_comments
from designlint.checks.polyglot import argument_nodes, as_call, calls, enclosing_functions
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, within

# A video player: the next video or episode rolling on stays a warning (autoplay_mobile).
VIDEO_TYPES = re.compile(r"\b(AVPlayerLayer|AVPlayerViewController|VideoPlayer|AVPictureInPictureController|AVPlayerView|VideoView|SKVideoNode)\b")
# What an audio queue is made of.
AUDIO_QUEUE_WORDS = re.compile(r"\b(song|songs|track|tracks|album|albums|music|artist|playlist|playlists|podcast|podcasts|episode|episodes|audiobook|audiobooks|chapter|chapters|queue|audio)\b")
# The player stops at the end of each item (`actionAtItemEnd = .pause`): nothing moves on by itself.
STOPS_AT_END = re.compile(r"actionAtItemEnd\s*=\s*(AVPlayer(\.ActionAtItemEnd)?)?\.(pause|none)\b|actionAtItemEnd\s*=\s*AVPlayerActionAtItemEnd(Pause|None)\b")
MUSIC_FRAMEWORK = re.compile(r"\b(MPMusicPlayerController|applicationMusicPlayer|systemMusicPlayer|applicationQueuePlayer|ApplicationMusicPlayer|SystemMusicPlayer)\b")
# One song: `[song]`, `MPMediaItemCollection(items: [item])`, a query narrowed to one persistent ID.
ONE_ITEM = re.compile(r"^\s*\[\s*[^,\[\]]+\]\s*$|MPMediaItemPropertyPersistentID|\(\s*items\s*:\s*\[\s*[^,\[\]]+\]\s*\)|(storeIDs|\bfor)\s*:\s*\[\s*[^,\[\]]+\]")
WHOLE_LIST = re.compile(r"\b(album|albums|playlist|playlists|collection)\b")
PLAY_AFTER = re.compile(r"(?<![\w.])(?:[\w?!]+\.)*play\(\s*\)")


def _engine(node: Node) -> Node | None:
    """The outermost class (or extension) around `node`."""
    return next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)


def _engine_key(node: Node, ctx: CheckContext) -> str:
    """One key per player engine: its type's name (an `extension Engine` in another file is the same
    engine), else the file."""
    outer = _engine(node)
    name = class_name(outer) if outer is not None else ""
    return f"autoplay-queue:{name or ctx.path.name}"


def _plays_video(node: Node, ctx: CheckContext) -> bool:
    outer = _engine(node)
    words = name_words(" ".join([ctx.path.stem, class_name(outer) if outer is not None else ""]))
    code = ctx.code_without_comments()
    return bool(VIDEO_WORDS.search(words) or VIDEO_TYPES.search(code) or VIDEO_WORDS.search(name_words(strip_comments(text(outer) if outer is not None else code))))


def _audio_queue(node: Node, ctx: CheckContext) -> bool:
    """The engine around `node` plays audio from a list: its name or code names songs, episodes, a
    playlist or a queue, and nothing about it is video."""
    outer = _engine(node)
    words = name_words(f"{ctx.path.stem} {strip_comments(text(outer) if outer is not None else ctx.code_without_comments())}")
    return bool(AUDIO_QUEUE_WORDS.search(words)) and not _plays_video(node, ctx)


def _quiet_context(node: Node, ctx: CheckContext) -> bool:
    """A chat's voice messages, the person's own recordings or picked media."""
    from designlint.checks.autoplay_mobile import _chat_audio_message, _previews_own_media
    return _chat_audio_message(node, ctx) or _previews_own_media(node, ctx) or bool(re.search(r"\brecord(ing|ings|er)?\b", name_words(str(ctx.path))))


def _verdict(node: Node, ctx: CheckContext, label: str) -> Verdict:
    """An info finding keyed by its engine: the engine's first site reported in a file is the start,
    its other sites there fold into it (findings.fold_same_behaviour), and the starts of one engine
    in several files fold into one as well."""
    key = _engine_key(node, ctx)
    started = ctx.memo.setdefault("autoplay-queue-swift", set())
    site = key in started
    started.add(key)
    return Verdict(
        message=f"{label} {QUEUE_MESSAGE}",
        severity="info",
        note=QUEUE_NOTE,
        fold_key=key,
        fold_site=site,
    )


def ended_in_queue(node: Node, body: Node, ctx: CheckContext) -> Verdict | None:
    """Called by autoplay_mobile.ended_advance for Swift: an end-of-item hook of an audio engine that
    plays the next item of its list (an info finding), else None (judged there as before: songs the
    app picks after the queue, a video's next episode, a replay)."""
    from designlint.checks.autoplay_mobile import _ended_label, _goes_on_into_app_picks
    if ctx.language != "swift":
        return None
    if not ADVANCE.search(strip_comments(handler_text(body, ctx))):
        return None
    if _goes_on_into_app_picks(body, ctx) or _quiet_context(node, ctx) or not _audio_queue(node, ctx):
        return None
    return _verdict(node, ctx, _ended_label(node, ctx))


def queue_player_items(ctx: CheckContext) -> Verdict | bool:
    """`AVQueuePlayer(items: list)` with several items, in an audio engine: it plays them one after
    another by itself. Not one item (`[item]`), nor a player set to stop at each end. An
    `AVQueuePlayer` filled by `insert(_:after:)` is judged by `_filled_by_inserts`."""
    call = as_call(ctx.node)
    if call is None:
        return False
    if call.name == "insert":
        return _filled_by_inserts(call, ctx)
    items = next((a for a in argument_nodes(call) if re.match(r"items\s*:", text(a))), None)
    if items is None:
        return False
    value = re.sub(r"^items\s*:\s*", "", text(items))
    if ONE_ITEM.search(value) or STOPS_AT_END.search(ctx.code_without_comments()):
        return False
    if _quiet_context(ctx.node, ctx) or _plays_video(ctx.node, ctx) or project_index.in_unused_class(ctx.node, ctx):
        return False
    return _verdict(ctx.node, ctx, "AVQueuePlayer(items:)")


def _filled_by_inserts(call, ctx: CheckContext) -> Verdict | bool:
    """`player.insert(item, after: …)` on an `AVQueuePlayer` (the file declares or creates the
    receiver as one: `player: AVQueuePlayer`, `let player = AVQueuePlayer()`) that fills it with a
    list: inside a `for … in` loop or a `forEach { }` closure, or the function's first of two or
    more inserts. Then, as for `AVQueuePlayer(items:)`, in an audio engine that is not video and
    never stops at each end, the player plays the list through by itself."""
    if not any(re.match(r"after\s*:", text(a)) for a in argument_nodes(call)):
        return False
    code = ctx.code_without_comments()
    receiver = re.sub(r"[?!]", "", call.receiver).split(".")[-1]
    if not re.fullmatch(r"\w+", receiver) or "AVQueuePlayer" not in project_index.declared_types(receiver, code):
        return False
    fn = next((f for f in enclosing_functions(ctx.node) if f.type in FUNCTION_TYPES and not _for_each_closure(f)), None)
    if fn is None:
        return False
    between = [a for a in ancestors(ctx.node) if a.id != fn.id and within(a, fn)]
    looped = any(a.type == "for_statement" or _for_each_closure(a) for a in between)
    inserts = [c for c in calls(fn) if c.name == "insert" and re.sub(r"[?!]", "", c.receiver).split(".")[-1] == receiver]
    if not looped and (len(inserts) < 2 or inserts[0].node != ctx.node):
        return False  # one song added as "play next"; or not the first of several
    if STOPS_AT_END.search(code) or _quiet_context(ctx.node, ctx) or not _audio_queue(ctx.node, ctx) or project_index.in_unused_class(ctx.node, ctx):
        return False
    stops = STOPS_AT_END.pattern.encode()
    if any(re.search(stops, data) for data in project_index.for_context(ctx).files().values()):
        return False  # the player is made (and told to stop at each end) in another file
    return _verdict(ctx.node, ctx, "AVQueuePlayer filled with insert(_:after:)")


def _for_each_closure(lambda_node: Node) -> bool:
    """A closure handed to `forEach` (`items.forEach { player.insert($0, after: nil) }`)."""
    if lambda_node.type != "lambda_literal" or lambda_node.parent is None or lambda_node.parent.type != "call_suffix":
        return False
    call = lambda_node.parent.parent
    found = as_call(call) if call is not None and call.type == "call_expression" else None
    return found is not None and found.name == "forEach"


def music_queue_set(ctx: CheckContext) -> Verdict | bool:
    """The Music framework's player handed a queue and told to play in the same function
    (`musicPlayer.setQueue(with: collection); musicPlayer.play()`, MusicKit `player.queue =
    ApplicationMusicPlayer.Queue(for: songs)`): it plays the queue through by itself."""
    node = ctx.node
    code = ctx.code_without_comments()
    if not MUSIC_FRAMEWORK.search(code):
        return False
    if node.type == "assignment":
        value = text(node.named_children[-1]) if node.named_child_count else ""
        if not re.search(r"\bQueue\s*\(|^\s*\.init\s*\(|^\s*\[", value):
            return False  # the app's own list (`queue = songs`), not the Music framework's queue
        label = "MusicKit player (queue = …, then play())"
    else:
        call = as_call(node)
        if call is None:
            return False
        value = " ".join(text(a) for a in argument_nodes(call))
        label = "MPMusicPlayerController (setQueue(with:), then play())"
    single = ONE_ITEM.search(value) or re.match(r"^\s*(with\s*:\s*)?\[\s*[^,\[\]]+\]\s*$", value)
    if single and not WHOLE_LIST.search(name_words(value)):
        return False  # one song (`queue = [song]`); one album or playlist is still a list of songs
    fn = next((f for f in enclosing_functions(node) if f.type in FUNCTION_TYPES), None)
    if fn is None or _quiet_context(node, ctx) or project_index.in_unused_class(node, ctx):
        return False
    if "MPMediaItemPropertyPersistentID" in ctx.data[fn.start_byte: node.start_byte].decode("utf-8", "replace"):
        return False  # a query narrowed to one song by its persistent ID
    after = strip_comments(ctx.data[node.end_byte: fn.end_byte].decode("utf-8", "replace"))
    if not PLAY_AFTER.search(after):
        return False  # the queue is only filled here; the person's play button starts it
    return _verdict(node, ctx, label)
