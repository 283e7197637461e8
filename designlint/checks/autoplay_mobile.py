"""Checks for the `autoplay` rule on mobile: Android (Kotlin, Java), iOS (Swift), Flutter (Dart).

The queries in rules/autoplay/mobile.yaml find candidates: a `play()` / `start()` /
`playWhenReady = true` on a player, a loop setting (`repeatMode`, `isLooping`, `setLooping(true)`,
`AVPlayerLooper`, `numberOfLoops = -1`), an "item ended" hook (ExoPlayer `STATE_ENDED`,
`setOnCompletionListener`, `AVPlayerItemDidPlayToEndTime`, just_audio/audioplayers completion),
and player options (`autoPlay: true` for chewie, better_player, youtube_player_flutter), and
Flame's music calls (`FlameAudio.bgm.play(...)`, `FlameAudio.loop(...)`, `FlameAudio.playLongAudio(...)`).

When each candidate runs is decided in `autoplay_mobile_situation` (`situation`, guards, what is
playing and whether it is muted), with the project-level "who opens this screen / who calls this
function" analysis in `autoplay_mobile_openers` and the name vocabulary in `autoplay_mobile_names`.
The functions here are the checks the YAML names; they turn a situation into a verdict.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Callable, Iterator
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict, autoplay_queue
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, enclosing_functions, enclosing_named_function, function_name, functions_by_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk
from designlint.checks.autoplay_mobile_names import (
    BACKGROUND_MUSIC,
    CLASS_TYPES,
    IDENTIFIER_TYPES,
    LAMBDA_TYPES,
    MUSIC_FILE,
    SCREEN_BASE,
    SFX_FILE,
    USER_FN,
    VIEW_GUARD,
    class_head,
    class_name,
    is_declaration_name,
    is_sound_effect_name,
    player_label,
    player_key,
    signature_text,
    swift_change_subject,
    name_words,
    lambda_host,
)
from designlint.checks.autoplay_mobile_openers import (
    file_text,
    embedding_host_starts,
    helper_screen_opened_by_user,
    identifier_references,
    other_callers,
    own_recording_preview,
    screen_opened_by_user,
    service_started_by_user,
    service_started_on_load,
    site_kind,
    tapped_viewer,
)
from designlint.checks.autoplay_mobile_situation import (
    ADVANCE,
    AUTOPLAY_FLAG,
    CALL_CONTEXT,
    ENDED_CALL,
    END_REASON,
    NOT_MEDIA,
    NOT_MEDIA_CONTEXT,
    NOT_PLAYER_START,
    PLAYER_RECEIVER,
    PLAYER_TYPES,
    PLAY_CALL,
    PLAY_COMMAND,
    REPLAY,
    SETTING_NOTE,
    START_NAMES,
    START_RECEIVER,
    STATE_GUARD,
    condition_span,
    dart_member_receiver,
    declared_as_player,
    flag_defaults_off,
    focus_regained,
    function_named,
    handler_text,
    in_ended_hook,
    in_player_implementation,
    in_prepared_callback,
    in_ready_callback,
    inside_own_body,
    is_media_receiver,
    is_muted,
    opened_on_tap,
    opened_on_tap_path,
    player_own_start,
    prepared_only_on_tap,
    player_receiver,
    scope_receiver,
    strip_comments,
    toggle_only_pauses,
    resumes_after_overlay,
    verdict,
    when_message,
    guard,
    plays_opened_file,
    situation,
)


def _unless_dead(check: Callable[[CheckContext], Verdict | bool]) -> Callable[[CheckContext], Verdict | bool]:
    """A finding in a class the project never creates or names (a screen left out of the manifest,
    a widget nobody embeds, a view controller nobody presents) is dropped: that code never runs."""

    @functools.wraps(check)
    def checked(ctx: CheckContext) -> Verdict | bool:
        found = check(ctx)
        if found and (project_index.in_unused_class(ctx.node, ctx) or _in_uncalled_top_level_function(ctx.node, ctx)):
            return False
        return found

    return checked


def _in_uncalled_top_level_function(node: Node, ctx: CheckContext) -> bool:
    """Kotlin: the code sits in a top-level function (a composable helper such as
    `fun rememberPlayer()`) that nothing in the whole project calls or hands over. Calls in a file
    that declares its own function of that name go to that file's copy. Previews and tests do not
    count. False when unsure (not a whole project, a short or common name, too many sites)."""
    if ctx.language != "kotlin":
        return False
    top = None
    for a in ancestors(node):
        if a.type in CLASS_TYPES:
            return False
        if a.type == "function_declaration" and a.parent is not None and a.parent.type == "source_file":
            top = a
    name = function_name(top) if top is not None else ""
    if not name or name == "main" or project_index.too_common(name) or re.search(r"@Preview\b|\boverride\b", signature_text(top)):
        return False
    index = project_index.whole_project(ctx)
    if index is None:
        return False
    own = str(ctx.path.resolve())
    sites = [*index.calls(name), *index.references(name)]
    if len(sites) >= project_index.MAX_SITES:
        return False
    copies = {d.path for d in index.definitions(name) if d.path != own}
    for site in sites:
        if site.path == own and top.start_byte <= site.byte < top.end_byte:
            continue  # recursion, or the declaration itself
        if site.path in copies or project_index.NOT_A_RUN_PATH.search(site.shown) or any(n == "Preview" or n.endswith("Preview") for _, n in site.context):
            continue
        if _only_in_uncalled_top_level(site, name, index):
            continue  # `fun MyScreen() { VideoBackground(...) }` where nothing calls MyScreen: dead one step removed
        return False
    return True


def _only_in_uncalled_top_level(site: project_index.Site, name: str, index: project_index.ProjectIndex) -> bool:
    """The site sits in a Kotlin top-level composable (one definition in the project) that nothing
    in the project calls or hands over; its own body and previews do not count. One step only."""
    outer = site.functions[-1] if site.functions and not site.owner else ""
    if not outer or outer in (name, "main") or project_index.too_common(outer) or not site.path.endswith(".kt"):
        return False
    definitions = index.definitions(outer)
    if len(definitions) != 1 or definitions[0].owner or definitions[0].path != site.path:
        return False
    home = definitions[0]
    head = home.text[: home.text.find("fun ") + 1]
    if "@Composable" not in head or re.search(r"@Preview\b|\boverride\b", head):
        return False  # only a composable: a plain function may be called from Swift or Java glue
    last = home.line + home.text.count("\n")
    callers = [*index.calls(outer), *index.references(outer)]
    if len(callers) >= project_index.MAX_SITES:
        return False
    for caller in callers:
        if caller.path == home.path and home.line <= caller.line <= last:
            continue
        if project_index.NOT_A_RUN_PATH.search(caller.shown) or any(n == "Preview" or n.endswith("Preview") for _, n in caller.context):
            continue
        return False
    return True


# --------------------------------------------------------------------------------------------
# checks: playback that starts by itself


def _match_call(ctx: CheckContext) -> Call | None:
    """The call a match stands for. Dart queries capture the `.play` selector (or the cascade's
    `..play`): the call is the `argument_part` right after it."""
    node = ctx.node
    if ctx.language != "dart":
        return as_call(node)
    following = node.next_named_sibling
    if following is not None and following.type == "selector":
        following = next((c for c in following.named_children if c.type == "argument_part"), None)
    return as_call(following) if following is not None and following.type == "argument_part" else None


def _autoplay_judgement(node: Node, ctx: CheckContext) -> tuple[str, str] | None:
    """(kind, where) when the code at `node` runs without a user action, else None."""
    kind, where = situation(node, ctx)
    if kind not in ("load", "view", "unknown"):
        return None
    if kind == "load" and (in_ready_callback(node) or player_own_start(node)) and in_player_implementation(node):
        return None  # the player library starting once prepared: the start someone asked for is judged where it is asked
    if kind == "load" and (screen_opened_by_user(node, ctx) or tapped_viewer(node, ctx)):
        return None  # a video detail screen the person opens by tapping that video, decided where it is opened
    if kind == "load" and plays_opened_file(node, ctx):
        return None  # "open with": the audio or video file the person opened from another app (`intent.data`)
    if kind == "load" and own_recording_preview(node, ctx):
        return None  # the clip the person just recorded, played back where it was recorded
    found = guard(node, ctx)
    if found in ("state", "flag-off"):
        return None
    if found == "view":  # `if (isVisible) play()`: the feed pattern, wherever it runs
        return "view", where or "a visibility check"
    return (kind, where) if kind != "unknown" else None


@_unless_dead
def play_on_load(ctx: CheckContext) -> Verdict | bool:
    """`player.play()`, `mediaPlayer.start()`, `setPlayWhenReady(true)`, `youTubePlayer.loadVideo(id, 0f)`
    that runs when the screen loads or an item scrolls into view."""
    call = _match_call(ctx)
    if call is None:
        return False
    if not _starts_playback(call, ctx):
        return False
    if call.name == "playLongAudio" and _flame_narration(call):
        return False  # a one-off voice-over (a tutorial's narration), not music
    receiver = player_receiver(call.receiver, call.node)
    args = argument_nodes(call)
    started = _service_start_on_load(call.node, ctx)
    judged = ("load", started) if started else _autoplay_judgement(call.node, ctx)
    if judged is None:
        return False
    if judged[0] == "load" and helper_screen_opened_by_user(call.node, ctx):
        return False  # a helper class that only a screen opened from a tap makes (`VideoScreen` -> `MixedController.init()`)
    short = _plays_short_sound(call.node, ctx) and not MUSIC_PLAYER.search(name_words(player_key(receiver)))  # `gameBackgroundMusic` playing `R.raw.game_sound`
    if (is_sound_effect_name(judged[1]) or _in_sound_effect(call.node, ctx) or short) and not _loops_here(call.node, ctx) and not _plays_music_file(call.node):
        return False  # a short interface sound, a camera view; a player set to loop, or a music file, is music or a video
    if (not started and _in_call_or_service(call.node, ctx)) or _pcm_output(receiver, ctx) or _in_error_retry(call.node):
        return False
    if call.name == "open" and (judged[0] != "load" or "called from" in judged[1]):
        return False  # assets_audio_player `open(...)` counts only in the lifecycle method itself (`initState`): elsewhere it is mostly a bell or effect
    if ctx.language == "swift" and _deferred_play_request(call.node, ctx):
        return False  # `if pendingPlayAfterSeek { client.play() }`: a play asked for before the player was ready
    if ctx.language == "dart" and _resumes_at_held_position(call, ctx):
        return False  # a stream reopened (a quality switch) and sought back to where it was: playback carried on
    if focus_regained(call.node, judged[1]):
        return False  # `AUDIOFOCUS_GAIN -> player.start()`: the person's own playback resumes after a call or another app
    if _first_frame_only(call):
        return False  # `start(); seekTo(100); ... pause()`: the first frame as a thumbnail, the person presses play
    if _splash_one_shot_sound(call.node, ctx):
        return False  # `MediaPlayer.create(this, R.raw.splash_audio).start()` on a splash screen that moves on
    if toggle_only_pauses(call.node, ctx):
        return False  # `if (isPlaying) pause() else play()`, called only while it plays
    if resumes_after_overlay(call.node, call.receiver):
        return False  # `sheetState.collect { when (it) { STATE_EXPANDED -> pause(); STATE_COLLAPSED -> play() } }`: a resume
    if in_prepared_callback(call.node) or judged[1].startswith("onPrepared"):
        if prepared_only_on_tap(call.node, ctx) or _prepared_without_load(call.node, ctx) or _prepared_for_quiet_service(call.node, ctx):
            return False  # `onPrepared { mp.start() }` after a `prepareAsync()` that only a click listener runs
    if call.name == "setPlayWhenReady" and _media_set_only_on_tap(call.node, ctx):
        return False  # an empty player set to play once it has media; the media comes only from a tap
    if "observeValue" in judged[1] and _item_loaded_only_on_tap(call.node, ctx):
        return False  # KVO "item ready" -> play(): it carries on a play the person asked for in another class
    if "observeValue" in judged[1] and _stall_restart(call.node):
        return False  # KVO `playbackBufferEmpty` -> play(): a stream that was playing carries on after a stall
    if call.name in ("loadVideo", "loadOrCueVideo") and _paused_right_after(call):
        return False  # `loadVideo(id, 0); player.pause();`: only cued, the person presses play
    if _one_shot_helper(call, receiver) and not _loops_here(call.node, ctx):
        return False  # `play(String effect) { final p = AudioPlayer(); ... p.play(); }`: an effect per call
    if _reported_start_before(call.node, player_key(receiver), judged[0], ctx) or _resume_helper_restart(call.node, player_key(receiver)):
        return False  # one finding per player: an earlier start of the same player in this class is reported
    if embedding_host_starts(call.node, receiver, ctx):
        return False  # one finding per player: the view showing this one starts it
    if _caller_reports_itself(judged[1], ctx):
        return False  # one finding per player: `PlayMusic.playAudio(this)` in the screen's onCreate is reported there
    what = f"{call.name}({text(args[0]) if call.name == 'setPlayWhenReady' else '...' if call.name == 'open' else ''})"
    if _flame_music(call, ctx) or _soloud_music(call, ctx) or _audio_cache_loop(call, ctx):
        what = f"{call.receiver}.{call.name}(...)"
    gate = _swift_scroll_gate(call.node, ctx) if judged[0] == "load" else ""
    message = when_message("view" if gate else judged[0], gate or judged[1], what, player_label(receiver, ctx))
    if started:
        message = message.replace("when the screen loads", "as soon as a screen starts its service on load", 1)
    elif judged[0] == "load" and _in_playback_service(call.node):
        message = message.replace("when the screen loads", "as soon as the service is created", 1)
    if call.name == "setPlayWhenReady" and not _is_true(_unwrap_argument(args[0]), ctx):
        return Verdict(message=message, severity="info", note=SETTING_NOTE)
    if _loops_here(call.node, ctx) or (_class_replays_at_end(call.node) and not _own_local_player(receiver, call.node, ctx)) or (call.name in ("loop", "loopLongAudio") and (_flame_music(call, ctx) or _audio_cache_loop(call, ctx))):
        message = message.replace(" (", " and loops without end (", 1)  # one finding: the loop is folded in
    swapped = _swaps_in_feed(call.node, player_key(receiver), ctx)
    if swapped:
        message = message.replace(" (", f" and moves on to the next item as the feed scrolls (replaceCurrentItem(with:) in {swapped}; ", 1)
    judgement = verdict(message, is_muted(call.node, ctx))
    judgement.related = _other_start_sites(judged[1], player_label(receiver, ctx), ctx)
    if ctx.language == "dart":
        key = _wrapper_flag_key(call.node)
        if key is not None:
            judgement.fold_key, judgement.fold_site = key, True  # a site of the builder's `autoPlay:` finding, when there is one
    return judgement



# Dart: a variable that holds where the player was (`currentPosition = player.state.position`,
# `_resumeAt = _controller.value.position`), and a seek to it.
HELD_POSITION = re.compile(r"\b(_?\w+)\s*=\s*(?:await\s+)?[\w.?!]*(?:player|controller|state|value)[\w?!]*\.(?:position|currentPosition)\b(?!\s*[+-])", re.I)


def _resumes_at_held_position(call: Call, ctx: CheckContext) -> bool:
    """Dart: the play comes right after a seek back to a position read from the player before the media was
    reopened (`await player.seek(currentPosition).then((_) => player.play())`, or the seek on the line
    before): a stream swapped for another quality (or source) carries on where it was, not a start on load."""
    fn = enclosing_named_function(call.node)
    cls = next((a for a in ancestors(call.node) if a.type in CLASS_TYPES), None)
    scope = strip_comments(text(cls if cls is not None else fn if fn is not None else ctx.root))
    held = {m.group(1) for m in HELD_POSITION.finditer(scope)}
    if not held or fn is None:
        return False
    before = strip_comments(ctx.data[fn.start_byte : call.node.end_byte].decode("utf-8", "replace"))
    near = before[-240:]  # the seek in the play's own statement or the one before it
    return any(re.search(rf"\bseek(?:To)?\(\s*{re.escape(name)}\b[!]?\s*\)", near) for name in held)


# Swift: a flag that holds a play asked for before the player could start (`pendingPlayAfterSeek`,
# `playRequested`, `wantsToPlay`, `shouldResumePlayback`); not an autoplay flag (`pendingAutoplay`).
DEFERRED_PLAY_FLAG = re.compile(r"(?<![\w.!])(?:self\.)?(_?(?:pending|requested|wants|wanted|should_?resume)\w*play\w*|_?\w*play\w*(?:pending|requested))\b(?!\s*==\s*false)", re.I)
# The methods a play request arrives in, and the tests that say the player was playing before a pause.
PLAY_REQUEST_METHOD = re.compile(r"^(play|resume|unpause|playRequested|requestPlay(back)?|resumePlayback|startPlayback)$")
WAS_PLAYING = re.compile(r"(?<![!\w])(?:self\.)?(?:\w+\??\.)?(isPlaying|wasPlaying|playing)\b(?!\s*==\s*false)")


def _deferred_play_request(node: Node, ctx: CheckContext) -> bool:
    """Swift: the start runs only under a flag that holds a play the person asked for before the player was
    ready (`if pendingPlayAfterSeek { pendingPlayAfterSeek = false; mpvClient?.play() }`), and the file sets
    that flag true only in its play request method (`func play() { guard isReady else { pendingPlayAfterSeek
    = true; return } ... }`) or while the player was playing (`if isPlaying { pause(); pendingPlayAfterSeek =
    true }` around a seek): a play carried on, not a start on load. A flag set on setup is no request."""
    stop = enclosing_named_function(node)
    flag = ""
    for ancestor in ancestors(node):
        if stop is not None and ancestor.id == stop.id:
            break
        if ancestor.type in ("if_statement",):
            head = text(ancestor).split("{", 1)[0]
            found = DEFERRED_PLAY_FLAG.search(head)
            if found and not re.search(r"auto_?play", found.group(1), re.I):
                flag = found.group(1)
                break
    if not flag:
        return False
    sets = [n for n in walk(ctx.root) if n.type == "assignment" and re.fullmatch(rf"(?:self\.)?{re.escape(flag)}\s*=\s*true", text(n))]
    in_request = False
    for assignment in sets:
        method = enclosing_named_function(assignment)
        if method is not None and PLAY_REQUEST_METHOD.match(function_name(method) or ""):
            in_request = True
            continue
        tests = [text(a).split("{", 1)[0] for a in ancestors(assignment) if a.type == "if_statement" and (method is None or a.start_byte > method.start_byte)]
        if not any(WAS_PLAYING.search(t) for t in tests):
            return False  # set on setup or by itself: the flag starts a play nobody asked for
    return in_request


PUBLISHED_INPUT = re.compile(r"\$(\w+)\b")
# Names in a call site's context that say it runs on the cells the scroll has brought into view.
SCROLL_VISIBILITY = re.compile(r"^(visibleCells|indexPathsForVisibleItems|indexPathsForVisibleRows|scrollViewDidScroll|scrollViewDidEndDecelerating"
                               r"|scrollViewWillEndDragging|scrollViewDidEndDragging|willDisplay|didEndDisplaying)$")


def _swift_scroll_gate(node: Node, ctx: CheckContext) -> str:
    """Swift: the start sits in a subscription set up at init (`player.isReadyPublisher.combineLatest($shouldPlay)
    .sink { … if shouldPlay { player.playVideo() } }`) whose `@Published` input a method of the class sets
    (`func playOrPause(play: Bool) { shouldPlay = play }`), and another file calls that method on the visible cells
    of a scrolling feed: the video starts as the scroll brings its cell into view, not as the screen loads.
    Returns where that is said (`playOrPause, which sets shouldPlay, called from bind in Feed.swift:88`) or ""."""
    if ctx.language != "swift":
        return ""
    lam = next((f for f in enclosing_functions(node) if f.type == "lambda_literal"), None)
    host = lam.parent.parent if lam is not None and lam.parent is not None and lam.parent.type == "call_suffix" else None
    if host is None or host.type != "call_expression":
        return ""
    inputs = set(PUBLISHED_INPUT.findall(text(host)[: lam.start_byte - host.start_byte]))
    if not inputs:
        return ""
    index, own = project_index.for_context(ctx), str(ctx.path.resolve())
    for name, fns in functions_by_name(ctx).items():
        for fn in fns:
            set_input = next((x for x in inputs if re.search(rf"(?<![\w.])(?:self\.)?{re.escape(x)}\s*=(?!=)", text(fn))), None)
            if set_input is None or fn.type != "function_declaration" or any(True for _ in enclosing_functions(fn)):
                continue
            for site in index.calls(name):
                if site.path != own and any(SCROLL_VISIBILITY.match(value) for _, value in site.context):
                    holder = next((value for part, value in site.context if part == "fn"), "")
                    return f"{name}, which sets {set_input}, called on the visible cells{' in ' + holder if holder else ''} at {site.where()}"
    return ""


def _other_start_sites(where: str, label: str, ctx: CheckContext) -> list[dict]:
    """Related sites (Verdict.related) for the other screens that start a shared helper's player as
    they load: the finding names the first caller (`called from didMove in Scenes/CreditsScene.swift:41`),
    these are the rest (project_callers_kind), in the finding's path form."""
    own = ctx.path.resolve().parent
    sites = []
    for kind, site in other_callers(where, ctx):
        holder = site.functions[0] if site.functions else "the top level"
        column = site.column + 1
        span = len(f"{site.receiver}.{site.name}" if site.receiver else site.name)  # `audioManager.playMusic`
        sites.append({
            "path": Path(os.path.normpath(ctx.path.parent / os.path.relpath(site.path, own))).as_posix(),
            "line": site.line, "end_line": site.line,
            "column": column, "end_column": column + span,
            "column_utf16": column, "end_column_utf16": column + span,
            "snippet": site.snippet,
            "message": when_message(kind, holder, f"{site.name}()", label),
        })
    return sites


@_unless_dead
def audio_node_on_load(ctx: CheckContext) -> Verdict | bool:
    """SpriteKit `SKAudioNode(fileNamed:)` / `SKAudioNode(url:)`: it plays, looping, as soon as it
    is added to a scene (`autoplayLooped` is true by default), so `addChild(bg)` in `didMove(to:)`
    starts the music by itself. Not when `autoplayLooped = false` (the game starts it itself)."""
    call = as_call(ctx.node)
    name = _audio_node_variable(ctx.node)
    if call is None or not name:
        return False
    outer = next((a for a in ancestors(ctx.node) if a.type in CLASS_TYPES), None) or ctx.root
    source = strip_comments(text(outer))
    if re.search(rf"\b{re.escape(name)}\s*\.\s*autoplayLooped\s*=\s*false\b", source):
        return False
    added = next((c for c in calls(outer) if c.name == "addChild" and _added_node(c) == name), None)
    if added is None:
        return False
    judged = _autoplay_judgement(added.node, ctx)
    if judged is None or _uncalled_global_function(added.node, ctx):
        return False
    message = when_message(*judged, f"addChild({name})", "SKAudioNode music")
    return verdict(message.replace(" (", " and loops without end (", 1), is_muted(added.node, ctx))


def _uncalled_global_function(node: Node, ctx: CheckContext) -> bool:
    """Swift: the code sits in a global function (`func setUpMusic(parent: SKNode)`) that nothing
    else in the project calls. False when unsure (not a whole project, a common name)."""
    if any(a.type in CLASS_TYPES for a in ancestors(node)):
        return False
    top = enclosing_named_function(node)
    name = function_name(top) if top is not None else ""
    if not name or project_index.too_common(name):
        return False
    index = project_index.whole_project(ctx)
    if index is None:
        return False
    own = str(ctx.path.resolve())
    sites = [*index.calls(name), *index.references(name)]
    return not any(not (site.path == own and top.start_byte <= site.byte < top.end_byte) for site in sites)


def _audio_node_variable(node: Node) -> str:
    """`bg` in `let bg = SKAudioNode(...)` / `self.music = SKAudioNode(...)`, else ''."""
    parent = node.parent
    if parent is not None and parent.type == "property_declaration":
        pattern = next((c for c in parent.named_children if c.type == "pattern"), None)
        return text(pattern).strip() if pattern is not None else ""
    if parent is not None and parent.type == "assignment":
        target, _ = _assignment_sides(parent)
        return re.sub(r"^self\.", "", text(target).strip()) if target is not None else ""
    return ""


def _added_node(call: Call) -> str:
    args = argument_nodes(call)
    return re.sub(r"^self\.", "", text(_unwrap_argument(args[0])).strip().rstrip("!")) if len(args) == 1 else ""


def _prepared_without_load(node: Node, ctx: CheckContext) -> bool:
    """`onPrepared(mp) { mp.start() }` carries on the `prepare()` / `prepareAsync()` that led to it.
    When the class prepares its player and none of those calls runs as a screen loads or a feed
    item shows (a track tapped in a list, a file the person opened, a service command), the start
    answers that request and is not a play on load."""
    scope = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), ctx.root)
    sites = [c.node for c in calls(scope) if c.name in ("prepareAsync", "prepare") and not argument_nodes(c)]
    return bool(sites) and all(_autoplay_judgement(site, ctx) is None for site in sites)


def _prepared_for_quiet_service(node: Node, ctx: CheckContext) -> bool:
    """`onPrepared { start() }` in a player an Android Service sets up (in the Service itself, or in a
    builder only Services call: `object RadioPlayer { fun build(...) }` called from `RadioService.onCreate`)
    follows how that Service is started: when no screen starts it as it loads (a play button does),
    the start answers that request."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    if outer is not None and PLAYBACK_SERVICE.search(class_head(outer)):
        services = [class_name(outer)]
    else:
        top = enclosing_named_function(node)
        name = function_name(top) if top is not None else ""
        holder = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
        index = project_index.whole_project(ctx)
        if not name or holder is None or index is None:
            return False
        sites = [s for s in index.calls(name) if s.path != str(ctx.path.resolve()) and s.receiver == class_name(holder)]
        services = [s.owner for s in sites]
        if not sites or not all(owner and _is_service_class(owner, site.path) for owner, site in zip(services, sites)):
            return False
    return all(name and not service_started_on_load(name, ctx) for name in services)


def _is_service_class(name: str, path: str) -> bool:
    """`class <name> : Service()` / `class <name> extends Service` is declared in the file at `path`."""
    try:
        source = file_text(path)
    except OSError:
        return False
    head = re.search(rf"\bclass\s+{re.escape(name)}\b[^{{]*", source)
    return head is not None and bool(PLAYBACK_SERVICE.search(head.group(0)))


# A callback that runs when playback fails: `onErrorDo = (h) => h.player.play()`, `setOnErrorListener`.
ERROR_HOOK = re.compile(r"^(on\w*Error\w*|set\w*Error\w*|\w*[eE]rror(Handler|Listener|Callback)|catchError|onFailure)$")


def _in_error_retry(node: Node) -> bool:
    """The play sits in a callback the player runs when playback fails (a retry after an error):
    it carries on whatever was playing, and starts nothing by itself."""
    return any(fn.type in LAMBDA_TYPES and ERROR_HOOK.match(_last_word(lambda_host(fn))) for fn in enclosing_functions(node))


# `seekTo(100)` then a `pause()` (directly or once the seek completes): the start shows the first frame.
FIRST_FRAME = re.compile(r"^[\s;)]*(?:[^;{}]*[;{]\s*){0,3}?[\w.?!]*seekTo\([^)]*\)[\s;]*(?:[\w.?!]*setOnSeekCompleteListener\s*\(?[^{]*\{[^}]*?)?[\w.?!]*\.pause\(\s*\)")


def _first_frame_only(call: Call) -> bool:
    """Play followed at once (within two statements) by a pause of the same player, or a pause once
    a short seek completes, with no person in between: the player only shows its first frame or
    restores where the person left off."""
    scope = next(iter(enclosing_functions(call.node)), None)
    if scope is None:
        return False
    after = text(scope)[call.node.end_byte - scope.start_byte :]
    receiver = re.escape(call.receiver.strip()) if call.receiver else ""
    if receiver and re.match(rf"[\s;)]*(?:[^;{{}}\n]*[;\n]\s*){{0,2}}?(await\s+)?{receiver}\s*[?!]?\.\s*pause\(\s*\)", after):
        return True  # `open(audio); seek(saved); pause();`: the last episode restored, paused
    return FIRST_FRAME.match(re.sub(r"//[^\n]*", "", after)) is not None


def _pcm_output(receiver: str, ctx: CheckContext) -> bool:
    """The receiver is declared as an `AudioTrack`: `play()` only opens a raw PCM output that the
    app's own audio engine (a video editor's mixer, a synthesiser) writes samples into; it plays
    no media by itself."""
    name = _last_word(receiver)
    if not name or ctx.language not in ("java", "kotlin"):
        return False
    source = ctx.data.decode("utf-8", "replace")
    word = re.escape(name)
    return bool(re.search(rf"\bAudioTrack\s+{word}\b|\b{word}\s*:\s*AudioTrack\b|\b{word}\s*=\s*(new\s+)?AudioTrack(\.Builder)?\s*\(", source))


SPLASH = re.compile(r"\bsplash\b")
VIDEO_API = re.compile(r"(VideoView|ExoPlayer|PlayerView|AVPlayerLayer|AVPlayerViewController|VideoPlayer|Chewie|BetterPlayer|YouTube|Youtube)")


def _splash_one_shot_sound(node: Node, ctx: CheckContext) -> bool:
    """A sound a splash screen plays once (no loop, no video) while it waits to open the next
    screen: an interface sound, like a chime, not media that keeps playing."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    names = [ctx.path.stem, class_name(outer) if outer is not None else ""]
    if outer is None or not any(n and SPLASH.search(name_words(n)) for n in names):
        return False
    source = strip_comments(text(outer))
    return not VIDEO_API.search(source) and not loops(source) and not _class_replays_at_end(node)


def _caller_reports_itself(where: str, ctx: CheckContext) -> bool:
    """The start runs in a helper another file calls as the screen loads (`playAudio, called from
    onCreate in .../MainActivity.java:39`), and that call is itself a start on a media receiver the rule
    reports in its own file (`PlayMusic.playAudio(this)`, `musicPlayer.playMusic()`)."""
    if ctx.language == "dart" or ", called from " not in where:
        return False
    helper = where.split(",")[0].strip()
    if not START_NAMES.match(helper) or helper in ("play", "start"):
        return False
    try:
        sites = project_index.for_context(ctx).calls(helper)
    except Exception:  # no project around the file
        return False
    own = str(ctx.path.resolve())
    for site in sites:
        if site.path != own and (where.endswith(site.where()) or where.endswith(site.where() + ")")):
            receiver = site.receiver.strip("?!")
            return bool(receiver) and bool(PLAYER_RECEIVER.search(receiver)) and not NOT_MEDIA.search(receiver)
    return False


# The value a SwiftUI feed's `.onChange(of:)` watches as the person swipes: which post is on screen.
FEED_POSITION = re.compile(r"(scroll\w*|position|current\w*|index|page|visible\w*|selected\w*|focused\w*)", re.I)


def _feed_change_closure(node: Node, ctx: CheckContext, depth: int = 0) -> str:
    """`onChange(of: scrollPosition)` when `node` runs in such a closure or in a same-file function
    one called from it (one level); else ""."""
    for fn in enclosing_functions(node):
        if fn.type == "function_body" and fn.parent is not None and fn.parent.type in FUNCTION_TYPES:
            continue  # Swift: the body of a declaration, judged with the declaration
        if fn.type in LAMBDA_TYPES:
            if lambda_host(fn) == "onChange":
                subject = swift_change_subject(fn)
                bound = re.search(r"of:\s*([A-Za-z_]\w*)", subject)
                paged = bound is not None and re.search(rf"(scrollPosition\(\s*id:|selection:)\s*\${re.escape(bound.group(1))}\b", ctx.data.decode("utf-8", "replace"))
                return f"onChange{subject}" if FEED_POSITION.search(subject) or paged else ""  # `.scrollPosition(id: $shownID)`
            continue
        name = function_name(fn)
        if not name or depth > 0:
            return ""
        for ref in identifier_references(name, ctx):
            if is_declaration_name(ref) or inside_own_body(ref, fn):
                continue
            found = _feed_change_closure(ref, ctx, depth + 1)
            if found:
                return f"{name}, called from {found}"
        return ""
    return ""


KVO_STATUS = re.compile(r"\baddObserver\(\s*self\s*,\s*forKeyPath:\s*[^,]*\bstatus\b")


KVO_STALL = re.compile(r"\b(playbackBufferEmpty|isPlaybackBufferEmpty|playbackLikelyToKeepUp|isPlaybackLikelyToKeepUp|playbackBufferFull|isPlaybackBufferFull)\b")


def _stall_restart(node: Node) -> bool:
    """Swift KVO: `play()` under a branch on the item's buffering keys (`keyPath == "playbackBufferEmpty"`):
    it restarts a stream that stalled while playing, not a start of its own (the start is judged where it is)."""
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES:
            return False
        if a.type in ("if_statement", "guard_statement", "switch_entry"):
            head = text(a).split("{", 1)[0]
            if KVO_STALL.search(head):
                return True
    return False


def _item_loaded_only_on_tap(node: Node, ctx: CheckContext) -> bool:
    """Swift: the item-ready KVO (`observeValue` for `status` -> `play()`) of an item that a function of
    this class loads and observes (`playEpisode(_:)` with `addObserver(self, forKeyPath: "status")`),
    and every caller of that function in the project is a user action (play buttons in other
    screens): the ready play finishes that tap, like Android's `onPrepared` after a click."""
    outer = _outer_scope(node)
    if outer is None or ctx.language != "swift":
        return False
    loaders = {function_name(fn) for fn in walk(outer) if fn.type in FUNCTION_TYPES and fn.type not in LAMBDA_TYPES
               and KVO_STATUS.search(text(fn))}
    loaders -= {None, "", "observeValue"}
    if not loaders:
        return False
    index = project_index.for_context(ctx)
    for name in loaders:
        triggers = index.triggers(name)
        if not triggers or not all(t.kind == "user" or (t.kind == "other" and any(USER_FN.search(n) for n in t.via)) for t in triggers):
            return False  # a delegate named for the press (`cellDidPressPlayButton`) is a tap too
    return True


def _swaps_in_feed(node: Node, player: str, ctx: CheckContext) -> str:
    """SwiftUI feed: `.onChange(of: scrollPosition) { player.replaceCurrentItem(with: next) }` on the
    shared AVPlayer that this start plays: the next video plays as the feed moves, with no `play()`
    of its own (AVPlayer keeps its rate across a new item). Returns where, or "" (one finding per
    player: the swap is folded into the start's message)."""
    outer = _outer_scope(node)
    if outer is None or not player or ctx.language != "swift":
        return ""
    for call in calls(outer):
        if call.name != "replaceCurrentItem" or player_key(player_receiver(call.receiver, call.node)) != player:
            continue
        if re.search(r"with:\s*nil\s*\)\s*$", text(call.arguments) if call.arguments is not None else ""):
            continue
        where = _feed_change_closure(call.node, ctx)
        scope = next((f for f in enclosing_functions(call.node) if f.type not in LAMBDA_TYPES), None) or next(iter(enclosing_functions(call.node)), None)
        if where and not (scope is not None and re.search(rf"\b{re.escape(player)}\s*[?!]?\.\s*pause\(\s*\)", strip_comments(text(scope)))):
            return where
    return ""


def _paused_right_after(call: Call) -> bool:
    """The next statement pauses the same player (`youTubePlayer.pause()`): the video is only loaded."""
    scope = next(iter(enclosing_functions(call.node)), None)
    if scope is None:
        return False
    after = text(scope)[call.node.end_byte - scope.start_byte :]
    receiver = re.escape(call.receiver.strip()) if call.receiver else ""
    return re.match(rf"[\s;)]*({receiver}\s*[?!]?\.\s*)?pause\(\s*\)", after) is not None


def _one_shot_helper(call: Call, receiver: str) -> bool:
    """A function that takes what to play and plays it on a player it creates there and then
    (`Future<void> play(String sfx) { final p = AudioPlayer(); ... p.play(); }`): a sound effect per
    call, not music kept in a field."""
    fn = enclosing_named_function(call.node)
    name = receiver.split(".")[0].strip("?!")
    if fn is None or not re.fullmatch(r"[A-Za-z_]\w*", name) or not re.search(r"\(\s*[^)\s]", signature_text(fn)):
        return False
    fresh = rf"\b(final|var|val|let)\s+{re.escape(name)}\s*(:\s*[\w?]+\s*)?=\s*(new\s+|try[?!]?\s+)?(AudioPlayer|MediaPlayer|AVAudioPlayer|SoundPool)\b"
    return re.search(fresh, text(fn)) is not None


def _in_sound_effect(node: Node, ctx: CheckContext) -> bool:
    """In a function, class or file named for a short interface sound (`playTone`, `YralFeedback`),
    a live camera view or spoken assistant replies (not media that starts by itself)."""
    names = [ctx.path.stem] + [function_name(a) if a.type in FUNCTION_TYPES else class_name(a) for a in ancestors(node) if a.type in FUNCTION_TYPES or a.type in CLASS_TYPES]
    return any(name and (is_sound_effect_name(name) or NOT_MEDIA_CONTEXT.search(name_words(name))) for name in names)
# A player whose name says it holds music (`gameBackgroundMusic`, `bgmPlayer`): not an effect, whatever its file is called.
MUSIC_PLAYER = re.compile(r"\b(music|bgm|song|soundtrack)\b")
RESOURCE_NAME = re.compile(r"(?:R\.raw\.|forResource:\s*\"|Asset(?:Source)?\(\s*['\"]|setAsset\(\s*['\"])([\w\-/.]+)")


def _plays_short_sound(node: Node, ctx: CheckContext) -> bool:
    """The enclosing function loads only bundled files named for a short effect (`R.raw.sound`,
    `forResource: "success"`): an interface sound, not media that plays by itself."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    names = RESOURCE_NAME.findall(text(scope)) if scope is not None else []
    words = [name_words(re.sub(r"\.\w+$", "", n.split("/")[-1])) for n in names]
    return bool(words) and all(SFX_FILE.search(w) and not MUSIC_FILE.search(w) for w in words)


def _plays_music_file(node: Node) -> bool:
    """The enclosing function loads a bundled file named for music (`AssetSource('backgroundMusic.mp3')`,
    `R.raw.theme_song`), whatever the function is called (`playSound()`)."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    names = RESOURCE_NAME.findall(text(scope)) if scope is not None else []
    return any(MUSIC_FILE.search(name_words(re.sub(r"\.\w+$", "", n.split("/")[-1]))) for n in names)


# Android playback services (`class MediaService : Service()`) play what the app's controls ask for.
PLAYBACK_SERVICE = re.compile(r"\bextends\s+(Service|IntentService)\b|[:,]\s*(Service|IntentService|LifecycleService)\s*\(")


def _in_playback_service(node: Node) -> bool:
    """The code is in an Android Service class (its `onCreate`), not in a screen."""
    outer = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
    return outer is not None and bool(PLAYBACK_SERVICE.search(class_head(outer)))


# Kotlin scope functions run their lambda at once.
SCOPE_FUNCTIONS = frozenset({"apply", "also", "let", "run", "with", "use", "synchronized"})


def _service_start_on_load(node: Node, ctx: CheckContext) -> str:
    """`onStartCommand` (or the legacy `onStart(Intent, int)`) of a plain Android Service that a screen
    starts as it loads: "onStartCommand", else "". A service started only by taps, by the system
    or by a media session stays a command the person gave."""
    named = enclosing_named_function(node)
    if named is None or function_name(named) not in ("onStartCommand", "onStart"):
        return ""
    for f in enclosing_functions(node):
        if f.start_byte <= named.start_byte:
            break
        host = next((c for c in map(as_call, ancestors(f)) if c is not None), None) if f.type in LAMBDA_TYPES else None
        if f.type in LAMBDA_TYPES and (host is None or host.name not in SCOPE_FUNCTIONS):
            return ""  # inside a callback the command sets up (`setOnPreparedListener { }`): judged by its own event
    outer = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
    if outer is None or not PLAYBACK_SERVICE.search(class_head(outer)) or MEDIA_SESSION_SERVICE.search(class_head(outer)):
        return ""
    if CALL_CONTEXT.search(name_words(class_name(outer))):
        return ""
    return function_name(named) if service_started_on_load(class_name(outer), ctx) else ""


# Classes and files for an animation effect (`ConfettiOverlay`): their `play()` is not media.
ANIMATION_CONTEXT = re.compile(r"\b(confetti|lottie|rive|particles?|shimmer|skeleton|sparkles?|fireworks)\b")


def _in_call_or_service(node: Node, ctx: CheckContext) -> bool:
    """In code about a call or a chat's voice messages (a connecting tone loops, the other side's video
    plays), or in a playback service or audio handler that runs the commands of the app's controls
    (not in its `onCreate`)."""
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES or a.type in CLASS_TYPES:
            name = function_name(a) if a.type in FUNCTION_TYPES else class_name(a)
            if name and (CALL_CONTEXT.search(name_words(name)) or (a.type in CLASS_TYPES and ANIMATION_CONTEXT.search(name_words(name)))):
                return True
            if a.type in CLASS_TYPES and (PLAYBACK_SERVICE.search(class_head(a)) or MEDIA_SESSION_SERVICE.search(class_head(a))):
                # a service that plays as soon as it is created still plays by itself
                named = enclosing_named_function(node)
                if named is None or function_name(named) != "onCreate":
                    return True
                # its onCreate runs because something started it: a Start button's tap is asked for
                return bool(PLAYBACK_SERVICE.search(class_head(a)) and service_started_by_user(class_name(a), ctx))
    return bool(CALL_CONTEXT.search(name_words(ctx.path.stem)) or ANIMATION_CONTEXT.search(name_words(ctx.path.stem)))


LOOP_ON = re.compile(
    r"(isLooping\s*=\s*true|setLooping\(\s*true|setLoop\(\s*true|\.loop\s*=\s*true\b|numberOfLoops\s*=\s*-\s*1|REPEAT_MODE_(ONE|ALL)|"
    r"LoopMode\.(one|all)|ReleaseMode\.(loop|LOOP)|AVPlayerLooper|LoopingMediaSource|\blooping:\s*true)"
)


# The modes a player view's repeat button offers (`setRepeatToggleModes(REPEAT_MODE_ONE)`,
# `repeatToggleModes = ...`): a choice given to the person, not a loop the app sets.
REPEAT_TOGGLE_MODES = re.compile(r"(setRepeatToggleModes\s*\([^;\n]*|\brepeatToggleModes\s*=[^;\n]*)")


def loops(source: str) -> bool:
    """The code sets a player to loop (the repeat modes a toggle button offers do not)."""
    return bool(LOOP_ON.search(REPEAT_TOGGLE_MODES.sub("", source)))


def _loops_here(node: Node, ctx: CheckContext) -> bool:
    """The enclosing function (or a same-file function it calls) sets the player to loop."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    return scope is not None and loops(handler_text(scope, ctx))


def _starts_playback(call: Call, ctx: CheckContext) -> bool:
    """`play()` / `start()` without arguments or `setPlayWhenReady(true)`, on a player."""
    if _flame_music(call, ctx) or _soloud_music(call, ctx) or _audio_cache_loop(call, ctx):
        return True
    if call.name == "open":
        return _assets_audio_open(call, ctx)
    if call.name == "loop":
        return False
    args = argument_nodes(call)
    if call.name == "setPlayWhenReady" and (len(args) != 1 or not (_is_true(_unwrap_argument(args[0]), ctx) or _autoplay_setting(_unwrap_argument(args[0]), ctx))):
        return False
    if call.name in ("play", "start") and args and not AUDIOPLAYERS_SOURCE.match(text(args[0]).strip()):
        return False  # play(x) is not a player's play(); audioplayers' play(AssetSource(...)) is
    if call.name == "playVideo" and ctx.language == "dart" and args:
        return False  # youtube_player_iframe `controller.playVideo()`; `playVideo(url)` is the app's own helper
    if call.name == "resume" and (args or not _source_set_before(call)):
        return False  # `resume()` starts audioplayers only after `setSource(...)` in the same function
    receiver = re.sub(r"\{.*\}", "", player_receiver(call.receiver, call.node), flags=re.S)  # `Thread { ... }.start()`
    if call.name == "start" and ctx.language == "dart":
        return _dart_player(receiver, ctx)  # `start()` is also a Stopwatch's, a service's, an animation's
    if call.name == "start" and NOT_PLAYER_START.search(receiver.split(".")[-1]):
        return False  # `loadMediaThread.start()`, `videoTimer.start()`
    if call.name == "start" and _thread_receiver(receiver.split(".")[-1], ctx):
        return False  # `videoUpdater = new UpdateThread(); videoUpdater.start();`: a worker thread, not the video
    if call.name == "start" and not START_RECEIVER.search(re.sub(r"\(.*\)", "()", receiver, flags=re.S)):
        in_prepared = receiver in ("it", "mp", "this", "self") and in_prepared_callback(call.node)
        if not in_prepared and not declared_as_player(receiver.split(".")[-1], ctx):
            return False
    return is_media_receiver(receiver, call.node, ctx) or _plays_through_wrapper(call, receiver, ctx)


THREAD_TYPE = re.compile(r"(Thread|Timer|Runnable|Animator|Executor)$")
# Dart players whose `start()` plays (fijkplayer's `FijkPlayer`), with the others' types and an app's
# own `ReelPlayer` / `ClipPlayerController`: a `start()` on one of these is a play.
DART_PLAYER_TYPE = (r"(?:FijkPlayer|IjkMediaController|VlcPlayerController|BetterPlayerController|\w*VideoPlayerController|"
                    r"ChewieController|AssetsAudioPlayer|\w*(?:Video|Audio|Media|Music|Clip|Reel|Song|Sound)Player(?:Controller)?)")


def _dart_player(receiver: str, ctx: CheckContext) -> bool:
    """Dart `player.start()`, `playerAt(i).start()`, `players[i].start()`, `FijkPlayer()..start()`
    where the file declares that variable, field, list, getter or function with a player type
    (`FijkPlayer playerAt(int i) => ...`, `List<FijkPlayer> players`): fijkplayer starts with
    `start()`. Never on a name alone: a `start()` is just as often a Stopwatch's, a timer's or a
    service's."""
    last = re.split(r"\?\.|!\.|\.(?![^(\[]*[)\]])", receiver.strip())[-1].strip("?! \t\n")
    if re.fullmatch(DART_PLAYER_TYPE + r"(\.\w+)?\s*(\(.*\))?", last, re.S):
        return True  # `FijkPlayer()..start()`
    shape = re.fullmatch(r"(\w+)\s*(\(.*\)|\[.*\])?", last, re.S)
    if shape is None:
        return False
    name, rest = re.escape(shape.group(1)), shape.group(2) or ""
    source = ctx.code_without_comments()
    kind = DART_PLAYER_TYPE
    if rest.startswith("("):  # a function or method that returns a player
        return re.search(rf"\b{kind}\??\s+{name}\s*\(", source) is not None
    if rest.startswith("["):  # a list or map of players
        return re.search(rf"(<\s*(\w+\s*,\s*)?{kind}\??\s*>\??\s+{name}\b|\b{name}\s*=\s*(const\s+)?<\s*(\w+\s*,\s*)?{kind}\??\s*>)", source) is not None
    return re.search(rf"(\b{kind}\??\s+(get\s+)?{name}\b|\b{name}\s*=\s*(new\s+)?{kind}\b)", source) is not None


def _thread_receiver(name: str, ctx: CheckContext) -> bool:
    """The receiver is declared or created as a thread, timer or animator (its type's name says
    so, or the file declares that class as extending Thread): its `start()` plays nothing."""
    if not re.fullmatch(r"\w+", name):
        return False
    source = ctx.code_without_comments()
    types = re.findall(rf"\b{name}\s*=\s*(?:new\s+)?([A-Za-z_]\w*)\s*\(", source)
    types += re.findall(rf"\b([A-Za-z_]\w*)\s+{name}\s*[;=]", source) + re.findall(rf"\b{name}\s*:\s*([A-Za-z_]\w*)", source)
    for kind in types:
        if THREAD_TYPE.search(kind) or re.search(rf"\bclass\s+{re.escape(kind)}\b[^{{]*(\bextends\s+Thread\b|:\s*Thread\s*\(|\bimplements\s+Runnable\b)", source):
            return True
    return False


def _assets_audio_open(call: Call, ctx: CheckContext) -> bool:
    """assets_audio_player `player.open(Audio('assets/theme.mp3'))`: `autoStart` defaults to true,
    so opening the media plays it unless the call sets `autoStart` (to false or a setting). Only on a player kept in
    a field or variable: an inline `AssetsAudioPlayer.newPlayer().open(...)` is a one-shot sound."""
    if ctx.language != "dart" or re.search(r"\bautoStart\s*:(?!\s*true\b)", text(call.node)):
        return False
    name = call.receiver.strip().split(".")[-1].strip("?!")  # not `AssetsAudioPlayer.newPlayer().open(...)`: a throwaway one-shot
    return bool(re.fullmatch(r"\w+", name)) and re.search(
        rf"(\bAssetsAudioPlayer\??\s+{re.escape(name)}\b|\b{re.escape(name)}\s*=\s*(new\s+)?AssetsAudioPlayer\b)", ctx.code_without_comments()
    ) is not None


def _source_set_before(call: Call) -> bool:
    """audioplayers `await player.setSource(AssetSource('menu.mp3')); await player.resume();`: the
    same function sets the player's source, so `resume()` starts it rather than continuing it."""
    scope = next((f for f in enclosing_functions(call.node) if f.type not in LAMBDA_TYPES), None) or next(iter(enclosing_functions(call.node)), None)
    name = re.escape(call.receiver.split(".")[-1].strip("?!")) if call.receiver else ""
    if not name or scope is None:
        return False
    sets = re.compile(rf"\b{name}\s*[?!]?\.\s*(setSource\w*|setUrl|setFilePath)\(")  # audioplayers 1.x / 0.x
    if sets.search(text(scope)):
        return True
    # `startAudio() async { await player.resume(); }` after `loadAudio()` set the URL (audioplayers 0.x):
    # a function named for starting the sound, in a class that gives the player its source.
    # Also `initState() { setAudio(); ... player.resume(); }` where `setAudio()` of the same class sets it.
    starter = function_name(scope) or ""
    outer = next((a for a in ancestors(scope) if a.type in CLASS_TYPES), None)
    named = re.match(r"_?(start|play|begin)\w*(Audio|Music|Sound|Song|Bgm|Track)$", starter) or starter == "initState"
    return bool(named) and outer is not None and bool(sets.search(text(outer)))


def _flame_music(call: Call, ctx: CheckContext) -> bool:
    """Flame `FlameAudio.bgm.play('theme.mp3')` (also on a `Bgm` kept in a field), `FlameAudio.loop(...)`,
    `FlameAudio.playLongAudio(...)`: music or a long sound; `FlameAudio.play(...)` is a one-shot effect."""
    if b"FlameAudio" not in ctx.data and b"Flame." not in ctx.data:
        return False  # Flame before 1.0: `Flame.audio.loop(...)`, `Flame.bgm.play(...)`
    if call.name == "play":
        return bool(argument_nodes(call)) and re.search(r"(^|\.)_?bgm$", call.receiver, re.I) is not None
    return call.receiver in ("FlameAudio", "Flame.audio") and call.name in ("loop", "loopLongAudio", "playLongAudio")


NARRATION = re.compile(r"(voice|narrat|tutorial|speech|spoken|dialogue|instruction)", re.I)


def _flame_narration(call: Call) -> bool:
    """`FlameAudio.playLongAudio(...)` played once (not looped) as a voice-over: its file, its function or
    class is named for narration (`TutorialAnimation`, `voice_intro.mp3`), or the same function pauses or
    stops the music first and waits for the clip's end (`bgm.pause(); a = await playLongAudio(x);
    a.onPlayerStateChanged.listen(...)`): a spoken clip, not music."""
    fn = enclosing_named_function(call.node)
    owner = next((a for a in ancestors(call.node) if a.type in CLASS_TYPES), None)
    named = " ".join([text(call.arguments) if call.arguments is not None else "", function_name(fn) if fn is not None else "",
                      class_name(owner) if owner is not None else ""])
    if NARRATION.search(named):
        return True
    body = strip_comments(text(fn)) if fn is not None else ""
    before = strip_comments((fn.text or b"")[: max(0, call.node.start_byte - fn.start_byte)].decode("utf-8", "replace")) if fn is not None else ""
    music_off = re.search(r"\bbgm\s*\.\s*(pause|stop)\s*\(", before)
    waits = re.search(r"\.\s*(onPlayerStateChanged|onPlayerComplete(d)?)\s*\.\s*listen\s*\(", body)
    return bool(music_off and waits)


def _audio_cache_loop(call: Call, ctx: CheckContext) -> bool:
    """audioplayers 0.x `AudioCache().loop('theme.mp3')` (or on a field declared or built as an
    `AudioCache`): it plays the file at once and repeats it."""
    if ctx.language != "dart" or call.name != "loop" or not argument_nodes(call) or b"AudioCache" not in ctx.data:
        return False
    receiver = call.receiver.strip()
    if re.match(r"^(new\s+)?AudioCache\s*\(", receiver):
        return True
    name = re.escape(receiver.split(".")[-1].strip("?!"))
    if not name:
        return False
    source = ctx.data.decode("utf-8", "replace")
    return bool(re.search(rf"\bAudioCache\??\s+{name}\b|\b{name}\s*=\s*(new\s+)?AudioCache\s*\(", source))


def _soloud_music(call: Call, ctx: CheckContext) -> bool:
    """flutter_soloud `SoLoud.instance.play(source, looping: true)` / `_soloud.play(_bgmSource!)`: music
    when it loops or its source, the function or the loaded file is named for music (a one-shot
    `play(_clickSource)` is an effect)."""
    if call.name != "play" or b"SoLoud" not in ctx.data:
        return False
    name = call.receiver.split(".")[-1].strip("?!")
    declared = re.fullmatch(r"\w+", name) and re.search(
        rf"(\bSoLoud\??\s+{name}\b|\b{name}\s*=\s*SoLoud\.instance\b)", ctx.data.decode("utf-8", "replace"))
    if not (re.search(r"soloud", call.receiver, re.I) or declared):
        return False  # `final SoLoud _audio = SoLoud.instance; _audio.play(...)` counts too
    args = argument_nodes(call)
    if not args:
        return False
    if re.search(r"\blooping:\s*true\b", text(call.arguments)):
        return True
    fn = enclosing_named_function(call.node)
    words = name_words(" ".join([text(args[0]), function_name(fn) if fn is not None else ""]))
    return bool(MUSIC_FILE.search(words) or BACKGROUND_MUSIC.search(words))


# audioplayers (Flutter): `player.play(AssetSource('bgm.mp3'))` starts a source.
AUDIOPLAYERS_SOURCE = re.compile(r"^(\w+\s*:\s*)?(const\s+)?(Asset|Url|DeviceFile|Bytes)Source\s*\(")
# App methods that wrap a player's play (`holder.play()`, `cell.startPlayback()`).
WRAPPER_NAMES = re.compile(r"^(play|startPlayback|startPlaying|startVideo|resumePlayback|playVideo)$")


def _plays_through_wrapper(call: Call, receiver: str, ctx: CheckContext) -> bool:
    """`holder.play()` / `incomingItem?.play()` where the same file declares that method and it
    starts a player (`fun play() { playerView.player?.play() }`): a view holder or cell wrapper."""
    if not receiver or receiver in ("this", "self", "super") or NOT_MEDIA.search(receiver) or not WRAPPER_NAMES.match(call.name):
        return False
    target = function_named(call.name, ctx)
    if target is None or any(a.id == target.id for a in ancestors(call.node)):
        return False
    return bool(PLAY_CALL.search(strip_comments(text(target))))


@_unless_dead
def play_when_ready(ctx: CheckContext) -> Verdict | bool:
    """Kotlin `player.playWhenReady = true` (or a `playWhenReady` variable that starts true)."""
    target, value = _assignment_sides(ctx.node)
    if target is None or value is None or not (_is_true(value, ctx) or _autoplay_setting(value, ctx)):
        return False
    receiver = player_receiver(re.sub(r"\.?\s*playWhenReady$", "", text(target)).rstrip("?!."), ctx.node)
    if receiver and not is_media_receiver(receiver, ctx.node, ctx):
        return False
    judged = _autoplay_judgement(ctx.node, ctx)
    if judged is None:
        return False
    if _reported_start_before(ctx.node, player_key(receiver), judged[0], ctx) or _resume_helper_restart(ctx.node, player_key(receiver)):
        return False  # one finding per player: an earlier start of the same player in this class is reported
    if _caller_reports_itself(judged[1], ctx):
        return False  # `videoPlayer.playVideo(view, url)` in the adapter's onViewAttachedToWindow is reported there
    if _media_set_only_on_tap(ctx.node, ctx):
        return False  # an empty player set to play once it has media; the media comes only from a tap
    if judged[1] == "init" and _wrapper_prepares_later(ctx.node, ctx):
        return False  # a wrapper armed in init; its `play() { player.prepare() }` is judged where it is called
    message = when_message(*judged, f"playWhenReady = {text(value)}", player_label(receiver or "exo", ctx))
    if not _is_true(value, ctx):
        return Verdict(message=message, severity="info", note=SETTING_NOTE)
    if _loops_here(ctx.node, ctx) or (_class_replays_at_end(ctx.node) and not _own_local_player(receiver, ctx.node, ctx)):
        message = message.replace(" (", " and loops without end (", 1)  # one finding: the loop is folded in
    return verdict(message, is_muted(ctx.node, ctx))


MEDIA_SETTERS = re.compile(r"^(set|add)Media(Item|Source)s?$")


def _media_set_only_on_tap(node: Node, ctx: CheckContext) -> bool:
    """ExoPlayer `playWhenReady = true` on a player that is given media only in the class's tap
    handlers (`onTrackClick { player.setMediaItem(...) }`): nothing plays until the person picks
    an item."""
    outer = _outer_scope(node)
    if outer is None:
        return False
    setters = [c.node for c in calls(outer) if MEDIA_SETTERS.match(c.name)]
    return bool(setters) and all(situation(s, ctx)[0] == "user" or USER_FN.search(_named_function_name(s)) for s in setters)


def _named_function_name(node: Node) -> str:
    fn = enclosing_named_function(node)
    return (function_name(fn) or "") if fn is not None else ""


def _wrapper_prepares_later(node: Node, ctx: CheckContext) -> bool:
    """`init { player.playWhenReady = true }` in a player wrapper that prepares only in a method of its
    own (`fun play() { player.prepare() }`): ExoPlayer waits for prepare(), so the start is where
    that method is called (judged at that call, often in another file)."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    outer = _outer_scope(node)
    if scope is None or outer is None or "prepare(" in handler_text(scope, ctx):
        return False
    return any(c.name == "prepare" and (fn := enclosing_named_function(c.node)) is not None and fn.id != scope.id
               and START_NAMES.match(_named_function_name(c.node)) for c in calls(outer))


def _assignment_sides(node: Node) -> tuple[Node | None, Node | None]:
    children = [c for c in node.named_children if "comment" not in c.type]
    if len(children) < 2:
        return None, None
    return children[0], children[-1]


def _is_true(value: Node, ctx: CheckContext) -> bool:
    """`true`, or an identifier declared `= true` in the file (the codelab's `playWhenReady`)."""
    literal = text(value).strip()
    if literal == "true":
        return True
    if re.fullmatch(r"[A-Za-z_]\w*", literal) and literal not in ("false",):
        return _declared_true(literal, ctx)
    negated = re.fullmatch(r"!\s*([A-Za-z_]\w*)", literal)
    if negated:  # `playWhenReady = !isPaused` with `var isPaused = false`: plays on the first visit
        return _declared_false(negated.group(1), ctx)
    return False


def _autoplay_setting(value: Node, ctx: CheckContext) -> bool:
    """`setPlayWhenReady(prefs.isVideoAutoPlay())`, `playWhenReady = settings.autoPlay`: plays by
    itself unless the person turned the setting off (the setting lowers the finding); not a flag
    that is off by default."""
    flag = AUTOPLAY_FLAG.search(text(value))
    return flag is not None and not text(value).lstrip().startswith("!") and not flag_defaults_off(flag.group(1), ctx)


def _declared_true(name: str, ctx: CheckContext) -> bool:
    pattern = re.compile(rf"\b(var|val|let|boolean|bool|Boolean)\s+{re.escape(name)}\s*(:\s*\w+\??\s*)?=\s*true\b")
    return bool(pattern.search(ctx.data.decode("utf-8", "replace")))


def _declared_false(name: str, ctx: CheckContext) -> bool:
    pattern = re.compile(rf"\b(var|boolean|bool|Boolean)\s+{re.escape(name)}\s*(:\s*\w+\??\s*)?=\s*false\b")
    return bool(pattern.search(ctx.data.decode("utf-8", "replace")))


@_unless_dead
def autoplay_option(ctx: CheckContext) -> Verdict | bool:
    """Dart player options: `ChewieController(autoPlay: true)`, `BetterPlayerConfiguration(autoPlay:
    true)`, `YoutubePlayerFlags(autoPlay: true)`; `YoutubePlayerFlags()` autoplays by default."""
    node = ctx.node
    owner, arguments = _dart_constructor(node)
    method = _player_method(node, ctx)
    if method:
        owner = method  # fijkplayer `FijkPlayer()..setDataSource(url, autoPlay: true)`
    if not owner or NOT_MEDIA.search(owner) or not MEDIA_OWNER.search(owner):
        return False
    named = _named_arguments(arguments)
    by_default = node.type != "named_argument"
    if by_default and "autoPlay" in named:
        return False  # judged on the autoPlay argument itself
    if not by_default and not _is_on(_named_value_text(node), ctx):
        return False
    if not by_default and _copies_own_setting(node):
        return False  # `copyWith(...)`: a settings object copies its own flag; it builds no player
    if not by_default and _widget_passes_on(_named_value_text(node), node, ctx):
        return False  # `autoPlay: widget.autoplay`: reported where the wrapper is built with `autoplay: true`
    kind = situation(node, ctx)[0]
    if kind == "user" or (kind == "load" and (screen_opened_by_user(node, ctx) or tapped_viewer(node, ctx) or own_recording_preview(node, ctx))):
        return False  # a player option set up in code nothing calls still says how the player behaves
    if kind in ("load", "unknown") and helper_screen_opened_by_user(node, ctx):
        return False  # an option of a helper (a state notifier) that only a screen opened from a tap uses
    loop = any(k in named and _named_value_text(named[k]) == "true" for k in ("looping", "loop")) or _cascade_loops(node)
    muted = any(k in named and _named_value_text(named[k]) == "true" for k in ("mute", "muted", "startMuted"))
    setting = "autoPlay is on by default" if by_default else f"autoPlay: {_named_value_text(node)}"
    judgement = verdict(f"{owner} starts the video as soon as it loads ({setting}{', looping' if loop else ''})", muted)
    if not by_default and re.fullmatch(r"[A-Z]\w*", owner):
        judgement.fold_key = f"dart-player-widget:{owner}"  # the wrapper's own `if (widget.autoPlay) play()` folds into this one
    return judgement


def _wrapper_flag_key(node: Node) -> str | None:
    """Dart: the play sits in the State of a widget and runs only when the widget's autoplay parameter is on
    (`if (widget.autoPlay) controller.play()`): the same player as the `MediaPlayer(autoPlay: ...)` that builds it,
    one finding (the fold key that autoplay_option gives the builder)."""
    state = next((a for a in ancestors(node) if a.type == "class_definition"), None)
    widget = re.search(r"\bState<\s*(\w+)\s*>", class_head(state)) if state is not None else None
    if widget is None:
        return None
    for ancestor in ancestors(node):
        if ancestor.type == "class_definition":
            return None
        close = next((c for c in ancestor.children if c.type == ")"), None) if ancestor.type == "if_statement" else None
        if close is None or node.start_byte < close.end_byte:
            continue  # (Dart spreads the condition over the nodes before the `)`)
        if re.search(r"\bwidget\.(auto_?play|autoStart)\w*\b", ancestor.text[: close.start_byte - ancestor.start_byte].decode("utf-8", "replace"), re.I):
            return f"dart-player-widget:{widget.group(1)}"
    return None


def _player_method(argument: Node, ctx: CheckContext) -> str:
    """The player a method with an autoPlay argument is called on: fijkplayer
    `FijkPlayer()..setDataSource(url, autoPlay: true)` or `player.setDataSource(...)` on a variable
    the file declares as a player, youtube_player_iframe `YoutubePlayerController.fromVideoId(videoId:
    id, autoPlay: true)`; "" otherwise (assets_audio_player `open(...)` is judged as a play)."""
    holder = argument.parent.parent if argument.type == "named_argument" and argument.parent is not None else None
    call = as_call(holder) if holder is not None and holder.type == "argument_part" else None
    if call is None or not call.name[:1].islower() or call.name == "open":
        return ""
    receiver = player_receiver(call.receiver, call.node)
    if re.fullmatch(r"[A-Z]\w*", receiver) and MEDIA_OWNER.search(receiver):
        return receiver  # a named constructor or factory of a player type
    return receiver if _dart_player(receiver, ctx) else ""


def _cascade_loops(argument: Node) -> bool:
    """The same cascade also sets the player to loop: fijkplayer `..setLoop(0)` (0 loops for ever)."""
    section = next((a for a in ancestors(argument) if a.type == "cascade_section"), None)
    return section is not None and section.parent is not None and re.search(r"\.\.\s*setLoop\(\s*0\s*\)", text(section.parent)) is not None


def _copies_own_setting(argument: Node) -> bool:
    """`autoPlay: autoPlay ?? this.autoPlay` (a settings class's `copyWith`): the object copies its
    own field, falling back on the value it already holds; what the player does is set elsewhere."""
    key = re.escape(text(argument.named_children[0]).strip().rstrip(":").strip())
    value = _named_value_text(argument)
    if re.fullmatch(rf"\w+\s*\?\?\s*(this\.)?{key}|(this\.)?{key}\s*\?\?\s*\w+", value):
        return True
    return any(_named_function_name(a) == "copyWith" for a in ancestors(argument) if a.type in FUNCTION_TYPES)


MEDIA_OWNER = re.compile(r"(player|video|chewie|youtube|flick|pod|media|audio|reel|flags|params)", re.I)


def _widget_passes_on(value: str, node: Node, ctx: CheckContext) -> bool:
    """A Flutter wrapper widget hands its own parameter to the player (`autoPlay: widget.autoplay`)
    and the parameter has no default of true: the setting is made, and reported, where a caller
    builds the wrapper (`VideoItems(autoplay: true)`), when the wrapper's name says it is a player."""
    field = re.fullmatch(r"widget\.(\w+)", value)
    state = next((a for a in ancestors(node) if a.type == "class_definition"), None)
    widget = re.search(r"\bState<\s*(\w+)\s*>", class_head(state)) if state is not None else None
    if field is None or widget is None or not MEDIA_OWNER.search(widget.group(1)) or NOT_MEDIA.search(widget.group(1)):
        return False
    return not re.search(rf"\bthis\.{re.escape(field.group(1))}\s*=\s*true\b", ctx.data.decode("utf-8", "replace"))


def _named_value_text(argument: Node) -> str:
    """`autoPlayVideo()` for `autoPlay: autoPlayVideo()` (Dart spreads a call over sibling nodes)."""
    label = argument.named_children[0]
    return argument.text[label.end_byte - argument.start_byte :].decode("utf-8", "replace").strip()


def _is_on(value: str, ctx: CheckContext) -> bool:
    """`true`, a variable declared true, or an autoplay setting (`autoPlayVideo()`,
    `settings.autoplay`) that is not declared false in the file."""
    if value == "true" or (re.fullmatch(r"[A-Za-z_]\w*", value) and _declared_true(value, ctx)):
        return True
    if re.fullmatch(r"[\w.!?]+", value) and VIEW_GUARD.search(value):
        return True  # `autoPlay: widget.isInView`: each feed item plays as it comes into view
    flag = AUTOPLAY_FLAG.search(value)
    if flag is not None:
        return not flag_defaults_off(flag.group(1), ctx)
    return _computed_choice(value)


# A setting or the person's own choice read in an expression: `prefs.getBool(...)`, `settings.x`, `userWants`.
PERSON_CHOICE = re.compile(r"(setting|pref|option|config|user|choice|enabled|allowed|wants)", re.I)


def _computed_choice(value: str) -> bool:
    """`autoPlay: playerList.length == 0`, `autoPlay: index == 0`, `autoPlay: clips.isEmpty`: the code
    picks which items start by themselves (the feed's first video), no setting of the person's and
    not their own play/pause state (`state == PlayerState.playing`)."""
    if not re.search(r"(==|!=|<=|>=|(?<![<=])<(?![<=])|(?<![>=])>(?![>=])|&&|\|\||\.is(Not)?Empty\b)", value):
        return False
    return not STATE_GUARD.search(value) and not PERSON_CHOICE.search(value)


def _dart_constructor(node: Node) -> tuple[str, Node | None]:
    """(constructor name, `arguments` node) for a named argument, or for a constructor name
    (`YoutubePlayerFlags(...)`, `const YoutubePlayerFlags(...)`)."""
    if node.type == "named_argument":
        arguments = node.parent
        holder = arguments.parent if arguments is not None else None
        if holder is None:
            return "", None
        if holder.type == "argument_part":
            call = as_call(holder)
            return (call.name if call is not None else ""), arguments
        name = next((c for c in holder.named_children if c.type in ("type_identifier", "identifier")), None)
        return text(name), arguments
    following = node.next_named_sibling
    if following is not None and following.type == "selector":
        following = next((c for c in following.named_children if c.type == "argument_part"), None)
    if following is not None and following.type == "argument_part":
        following = next((c for c in following.named_children if c.type == "arguments"), None)
    return (text(node), following) if following is not None and following.type == "arguments" else ("", None)


def _named_arguments(arguments: Node | None) -> dict[str, Node]:
    out = {}
    for arg in arguments.named_children if arguments is not None else []:
        if arg.type == "named_argument" and arg.named_child_count >= 2:
            out[text(arg.named_children[0]).rstrip(":").strip()] = arg
    return out


# --------------------------------------------------------------------------------------------
# checks: loops and auto-advance


@_unless_dead
def loop_on_load(ctx: CheckContext) -> Verdict | bool:
    """`repeatMode = REPEAT_MODE_ONE/ALL`, `setRepeatMode(...)`, `isLooping = true`,
    `setLooping(true)`, `AVPlayerLooper(...)`, `numberOfLoops = -1`, set up without a user action
    on a player that the same file starts by itself (a loop alone, started by a tap, is the
    person's choice)."""
    node = ctx.node
    value = _loop_value(_loop_text(ctx), ctx)
    if value is None:
        return False
    judged = _autoplay_judgement(node, ctx)
    if judged is None or _in_call_or_service(node, ctx) or not scope_autoplays(node, ctx):
        return False
    if value != "ConcatenatingMediaSource" and _loops_here(node, ctx) and _played_in_same_function(node, ctx):
        return False  # the play there is reported, with the loop folded into its message
    starts = _class_starts(node, ctx) if value != "ConcatenatingMediaSource" else {}
    looped = player_key(_loop_receiver(ctx))
    held = player_key(_initialised_property(node))
    if _same_player(looped, node, starts.get(looped, []), ctx) or (held and _same_player(held, node, starts.get(held, []), ctx)) or (not looped and _remembered_player(node) and len(starts) == 1):
        return False  # the same player's start in this class is reported: one finding per player
    if starts and _held_paused_here(node, looped):
        return False  # a preload player kept paused (`setPlayWhenReady(false)`): the feed's start in this class is reported
    kind, where = judged
    what = "plays a playlist round and round" if re.search(r"_ALL$|\.all$", value) else "loops the video without end"
    if value == "ConcatenatingMediaSource":
        what = "plays a playlist, moving on to the next item by itself"
    if re.search(r"audio|sound|music|numberOfLoops|LoopMode|ReleaseMode", _loop_text(ctx), re.I) or player_label("", ctx) == "audio" or (b"MediaPlayer" in ctx.data and b"VideoView" not in ctx.data):
        what = what.replace("the video", "the audio")
    return verdict(f"player {what} ({value} in {where})", is_muted(node, ctx))


# A playlist handed to a player: ExoPlayer `setMediaItems(list)`, `addMediaItems(...)`, a
# ConcatenatingMediaSource, `addMediaSources(...)`.
PLAYLIST_GIVEN = re.compile(rb"\b(setMediaItems|addMediaItems|addMediaSources|setMediaSources)\s*\(|\bConcatenatingMediaSource\b")


@_unless_dead
def playlist_no_pause(ctx: CheckContext) -> Verdict | bool:
    """ExoPlayer `pauseAtEndOfMediaItems = false` / `setPauseAtEndOfMediaItems(false)` (also on the
    builder) in a project that gives its players a playlist (`setMediaItems(list)`, in any file: a
    media session's controller fills the service's player): at the end of an item the next one starts
    by itself. `= !settings.autoplay` (a setting read) is the person's choice: info. `true`, or a
    project with no playlist, is no finding."""
    if ctx.language == "kotlin" and ctx.node.type == "assignment":
        value = _assignment_sides(ctx.node)[1]
    else:
        call = as_call(ctx.node)
        args = argument_nodes(call) if call is not None else []
        value = args[0] if len(args) == 1 else None
    if value is None:
        return False
    source = re.sub(r"\s+", " ", text(value).strip())
    negated = re.fullmatch(r"!\s*\(?\s*([\w.?!()]+?)\s*\)?", source)
    setting = negated is not None and AUTOPLAY_FLAG.search(negated.group(1)) is not None
    if not (source == "false" or setting or (negated is not None and re.fullmatch(r"[A-Za-z_]\w*", negated.group(1)) and _declared_true(negated.group(1), ctx))):
        return False
    files = project_index.for_context(ctx).files().values()
    if not (PLAYLIST_GIVEN.search(ctx.data) or any(PLAYLIST_GIVEN.search(data) for data in files)):
        return False  # one item at a time: there is no next item to move on to
    message = f"player moves on to the next item of its playlist by itself (pauseAtEndOfMediaItems = {source})"
    if not setting and autoplay_queue.music_player_scope(ctx.node, ctx):
        return autoplay_queue.queue_verdict(ctx.node, ctx, f"the music player (pauseAtEndOfMediaItems = {source})")  # the person's queue plays on: info, one per engine
    if setting:
        return Verdict(message=message, severity="info", note=SETTING_NOTE)
    return Verdict(message=message)


def _held_paused_here(node: Node, player: str) -> bool:
    """The function that sets the loop also holds the same player paused (`p.setPlayWhenReady(false)`,
    `p.playWhenReady = false`): a preloaded player, which plays only when the feed hands it over."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    if scope is None or not player:
        return False
    name = re.escape(player)
    return re.search(rf"\b{name}\s*\.\s*(setPlayWhenReady\(\s*false\s*\)|playWhenReady\s*=\s*false\b)", text(scope)) is not None


def _initialised_property(node: Node) -> str:
    """The property whose initialiser closure sets this loop (Swift `lazy var music: AVAudioPlayer =
    { ...; p.numberOfLoops = -1; return p }()`, Kotlin `val music by lazy { ... }`): that property is
    the player the class starts under its own name."""
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES and a.type not in LAMBDA_TYPES:
            return ""
        if a.type == "property_declaration":
            named = re.match(r"[^=]*?\b(?:val|var|let)\s+([\w]+)", text(a))
            return named.group(1) if named else ""
    return ""


def _remembered_player(node: Node) -> bool:
    """A loop set on a player as it is built and handed back (`return remember { ExoPlayer.Builder(c)
    .build().apply { repeatMode = ... } }`, a factory returning the player): the player is the one
    the screen's other code starts under another name."""
    fn = enclosing_named_function(node)
    return fn is not None and re.search(r"\)\s*:\s*(Exo|Simple|Media)?Player\b", signature_text(fn)) is not None


def _loop_receiver(ctx: CheckContext) -> str:
    """The player a loop setting is made on: `exo.repeatMode = ...`, `_theme.setLoopMode(...)`,
    `AVPlayerLooper(player: queuePlayer, ...)`; inside `player.apply { }` the scope's player."""
    source = _loop_text(ctx) if ctx.language != "dart" else ""
    looper = re.search(r"AVPlayerLooper\(\s*player:\s*([\w.]+)", source)
    if looper:
        return looper.group(1)
    if ctx.language == "dart":
        call = _match_call(ctx)
        return call.receiver if call is not None else ""
    call = as_call(ctx.node)
    if call is not None:
        return player_receiver(call.receiver, ctx.node)
    target = re.match(r"\s*([\w.?!]+?)\s*\.\s*(repeatMode|isLooping|numberOfLoops|loop)\b", source)
    if target:
        return target.group(1)
    scope = scope_receiver(ctx.node)
    if "(" not in scope:
        return scope
    holder = next((a for a in ancestors(ctx.node) if a.type in ("assignment", "property_declaration")), None)
    held = re.match(r"\s*(?:(?:private|lateinit|val|var|let)\s+)*([\w.?!]+)", text(holder)) if holder is not None else None
    return held.group(1) if held else ""  # `player = ExoPlayer.Builder(ctx).build().apply { repeatMode = ... }`


def _class_starts(node: Node, ctx: CheckContext) -> dict[str, list[int]]:
    """Player name -> start offsets of the calls in the outermost class around `node` that start
    that player without a user action (memoised per class). Kotlin top-level functions (the
    composables of one screen file) share the file as their scope."""
    outer = _outer_scope(node)
    if outer is None:
        return {}
    key = ("autoplay_mobile.class_starts", outer.start_byte)
    if key not in ctx.memo:
        starts: dict[str, list[int]] = {}
        views: dict[str, list[int]] = {}
        for call in calls(outer):
            if (START_NAMES.match(call.name) or call.name == "resume") and _starts_playback(call, ctx):
                judged = _autoplay_judgement(call.node, ctx)
                name = player_key(player_receiver(call.receiver, call.node))
                if judged is not None and name and not toggle_only_pauses(call.node, ctx):  # a toggle's play is never reported
                    starts.setdefault(name, []).append(call.node.start_byte)
                    if judged[0] == "view":
                        views.setdefault(name, []).append(call.node.start_byte)
        for node in walk(outer):  # Kotlin `player.playWhenReady = true`
            if node.type == "assignment" and re.match(r"^[\w.?!]*playWhenReady\s*=\s*true\b", text(node)):
                judged = _autoplay_judgement(node, ctx)
                target = re.sub(r"\.?\s*playWhenReady\s*=.*$", "", text(node), flags=re.S).rstrip("?!.")
                name = player_key(player_receiver(target, node))
                if judged is not None and name:
                    starts.setdefault(name, []).append(node.start_byte)
                    if judged[0] == "view":
                        views.setdefault(name, []).append(node.start_byte)
        ctx.memo[key] = starts
        ctx.memo[("autoplay_mobile.class_view_starts", outer.start_byte)] = views
    return ctx.memo[key]


def _outer_scope(node: Node) -> Node | None:
    """The outermost class around `node`; for Kotlin code outside any class (top-level composables,
    which pass one remembered player between them), the file."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    if outer is None:
        root = next((a for a in reversed(list(ancestors(node)))), None)
        if root is not None and root.type == "source_file" and any(a.type == "function_declaration" for a in ancestors(node)):
            return root
    return outer


def _resume_helper_restart(node: Node, player: str) -> bool:
    """A player wrapper's own `fun onResume() { exoPlayer?.playWhenReady = true }` (not a lifecycle
    override: the screen forwards its onResume) restarting the player another method of the wrapper
    starts (`playVideo(view, url)`): that start is judged where it is asked for, this one resumes it."""
    fn = enclosing_named_function(node)
    name = function_name(fn) if fn is not None else ""
    if not player or not re.match(r"^(onResume|onStart|onRestart|resume\w*)$", name) or re.search(r"\boverride\b|@Override|@objc|@OnLifecycleEvent", signature_text(fn)):
        return False  # (`@OnLifecycleEvent(ON_RESUME) fun resumePlayer()`: the lifecycle runs it, not the screen)
    outer = next((a for a in ancestors(fn) if a.type in CLASS_TYPES), None)
    if outer is None or SCREEN_BASE.search(class_head(outer)):
        return False
    whole = text(outer)
    # `val player = exoPlayer ?: create()` in the method that starts it: the same player under a local name
    names = {player, *re.findall(rf"\b(?:val|var|let|final)\s+(\w+)\s*(?::\s*[\w.?<>]+\s*)?=\s*(?:this\.)?{re.escape(player)}\b", whole)}
    alternatives = "|".join(re.escape(n) for n in sorted(names))
    starts = re.compile(rf"\b(?:{alternatives})\s*[?!]?\.\s*(playWhenReady\s*=\s*true|setPlayWhenReady\(\s*true|play\(\s*\)|start\(\s*\))")
    inside = (fn.start_byte - outer.start_byte, fn.end_byte - outer.start_byte)
    return any(not inside[0] <= m.start() < inside[1] for m in starts.finditer(whole))


def _reported_start_before(node: Node, player: str, kind: str, ctx: CheckContext) -> bool:
    """One finding per player and class: the first start that runs as an item scrolls into view
    (the feed, what the person meets most), else the first start in the class."""
    outer = _outer_scope(node)
    starts = _same_player(player, node, _class_starts(node, ctx).get(player, []), ctx)
    view_starts = ctx.memo.get(("autoplay_mobile.class_view_starts", outer.start_byte), {}) if outer is not None else {}
    views = _same_player(player, node, view_starts.get(player, []), ctx)
    # `mCurrentVideoView.start()` in onResume after the page callback's `videoView.start();
    # mCurrentVideoView = videoView;`: the same view under its other name
    names = _aliases(player, outer) if outer is not None and player and kind != "view" else set()
    if kind != "view" and (views or any(view_starts.get(name) for name in names)):
        return True  # `videoView.start()` in onResume / an observer, while the feed's page callback starts it too
    return any(start < node.start_byte for start in (views if kind == "view" else starts))


# The value of a local variable that makes a player of its own: `ExoPlayer.Builder(c).build()`,
# `MediaPlayer.create(...)`, `new MediaPlayer()`, `factory.create(...)`, `remember { ... }`; not one that
# takes a player from elsewhere (`this.player ?: return`, `findViewById(...)`, `binding.video`).
LOCAL_PLAYER_MADE = re.compile(r"^\s*(?:new\s+[A-Z]|[A-Z][\w.]*(?:<[^<>]*>)?\s*\(|[\w.]*\.(?:build|create\w*)\s*\(|remember\w*\s*[({])")


def _same_player(player: str, node: Node, offsets: list[int], ctx: CheckContext) -> list[int]:
    """The starts (offsets) of `player` in the class that start the same player as the code at
    `node`: Kotlin and Java functions that each make their own local of that name
    (`val player = ExoPlayer.Builder(app).build()` in `startClip()` and in `startTeaser()`) start
    players of their own, one finding each; a start on a field or parameter of that name may be the
    one a function made and handed on (a composable's `player` from `remember { }`), and stays the same."""
    if ctx.language not in ("kotlin", "java") or not player or not offsets:
        return offsets
    mine = _made_in(player, node, ctx)
    if mine is None:
        return offsets
    kept = []
    for offset in offsets:
        other = _made_in(player, ctx.root.descendant_for_byte_range(offset, offset), ctx)
        if other is None or other == mine:
            kept.append(offset)
    return kept


def _own_local_player(receiver: str, node: Node, ctx: CheckContext) -> bool:
    """Kotlin/Java: the start at `node` is on a player its own function makes (`_made_in`), so a loop
    set elsewhere in the class is on another player; its own loop is in its function (`_loops_here`)."""
    return ctx.language in ("kotlin", "java") and _made_in(player_key(receiver), node, ctx) is not None


def _made_in(player: str, node: Node | None, ctx: CheckContext) -> int | None:
    """The start of the named function around `node` when that function makes its own local
    `player` (LOCAL_PLAYER_MADE), else None."""
    fn = enclosing_named_function(node) if node is not None else None
    if fn is None:
        return None
    key = ("autoplay_mobile.local_players", fn.start_byte)
    if key not in ctx.memo:
        made = set()
        for decl in walk(fn):
            if decl.type == "property_declaration":  # Kotlin `val player = ...`
                variable = next((c for c in decl.named_children if c.type == "variable_declaration"), None)
                declared = next((c for c in variable.named_children if c.type in ("identifier", "simple_identifier")), None) if variable is not None else None
                value = decl.named_children[-1]
            elif decl.type == "variable_declarator" and decl.parent is not None and decl.parent.type == "local_variable_declaration":  # Java
                declared, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
            else:
                continue
            if declared is not None and value is not None and value.type != "variable_declaration" and LOCAL_PLAYER_MADE.match(text(value)):
                made.add(text(declared))
        ctx.memo[key] = made
    return fn.start_byte if player in ctx.memo[key] else None


def _aliases(player: str, outer: Node) -> set[str]:
    """Other names of the same player in the class: `mCurrentVideoView = videoView;` after
    `videoView.start()` (the field keeps the local the feed started), and the other way round."""
    source = strip_comments(text(outer))
    name = re.escape(player)
    found = set(re.findall(rf"(?<![\w.])(?:this\.|self\.)?_?{name}\s*=\s*(?:this\.|self\.)?([A-Za-z_]\w*)\s*[;\n]", source))
    found |= set(re.findall(rf"(?<![\w.])(?:this\.|self\.)?([A-Za-z_]\w*)\s*=\s*(?:this\.|self\.)?_?{name}\s*[;\n]", source))
    return {player_key(f) for f in found if f not in ("null", "nil", "true", "false", "new")} - {"", player}


def _class_replays_at_end(node: Node) -> bool:
    """The class observes the item's end and seeks back to the start (`loopVideo()`), or sets a
    loop on a player: the start found there loops."""
    outer = _outer_scope(node)
    source = strip_comments(_text_without_user_handlers(outer)) if outer is not None else ""  # `//setLooping(true);` does not loop
    # `seek(to: .zero)` right before `pause()` rewinds a page the person swiped away from: not a replay
    replays = [m for m in REPLAY.finditer(source) if not re.match(r"[\s;)]*[\w.\[\]?!()]*?\.pause\(\s*\)", source[m.end() :])]
    return loops(source) or (bool(ENDED_CALL.search(source)) and bool(replays)) or _exo_ended_seeks_back(source)


# ExoPlayer stays at playWhenReady = true when an item ends: a seek back to the start plays it again,
# unless the branch also pauses or stops it.
EXO_BRANCH_END = re.compile(r"\bbreak\b|\bcase\s|\bdefault\s*:|\belse\b|\bSTATE_\w+")
EXO_HALTS = re.compile(r"\.pause\(|\.stop\(|playWhenReady\s*=\s*false|setPlayWhenReady\(\s*false|\.release\(")


def _exo_ended_seeks_back(source: str) -> bool:
    """An ExoPlayer `STATE_ENDED` branch that seeks back to the start (`seekTo(0)`) and neither
    pauses nor stops: the player still wants to play, so the item replays without end."""
    for m in re.finditer(r"\bSTATE_ENDED\b", source):
        segment = source[m.end() : m.end() + 600]
        end = EXO_BRANCH_END.search(segment)
        segment = segment[: end.start()] if end else segment
        if REPLAY.search(segment) and not EXO_HALTS.search(segment):
            return True
    return False


def _text_without_user_handlers(outer: Node) -> str:
    """The class's code without the bodies of its click handlers: a "Replay" button's
    `seekTo(0); start()` in `onClick` is the person's choice, not a loop."""
    data = outer.text
    cuts = []
    for node in walk(outer):
        if node.type in FUNCTION_TYPES and node.id != outer.id and project_index.USER_NAME.match(function_name(node) or ""):
            cuts.append((node.start_byte - outer.start_byte, node.end_byte - outer.start_byte))
        elif node.type in LAMBDA_TYPES and node.id != outer.id and re.fullmatch(r"action|onTapGesture|onPressed|onTap|setOnClickListener|onClick|set(Positive|Negative|Neutral)Button", lambda_host(node)):
            cuts.append((node.start_byte - outer.start_byte, node.end_byte - outer.start_byte))  # SwiftUI `Button(action: { seek; play })`
    if not cuts:
        return data.decode("utf-8", "replace")
    parts, at = [], 0
    for start, end in sorted(cuts):
        if start >= at:
            parts.append(data[at:start])
            at = end
    parts.append(data[at:])
    return b"".join(parts).decode("utf-8", "replace")


def _played_in_same_function(node: Node, ctx: CheckContext) -> bool:
    """The function that sets the loop also starts the player without a user action."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    if scope is None:
        return False
    return any(not text(site).startswith("autoPlay") and _autoplay_judgement(site, ctx) is not None for site in _start_sites(scope, ctx))


def _loop_text(ctx: CheckContext) -> str:
    """The loop setting's code; for Dart the `.setLooping` selector plus its arguments."""
    if ctx.language != "dart":
        return text(ctx.node)
    call = _match_call(ctx)
    return f"{call.name}{text(call.arguments)}" if call is not None else ""


def _loop_value(source: str, ctx: CheckContext) -> str | None:
    """The loop setting's text when it turns looping on, else None."""
    if re.search(r"AVPlayerLooper", source):
        return "AVPlayerLooper"
    media_source = re.match(r"\s*(new\s+)?(LoopingMediaSource|ConcatenatingMediaSource)\b", source)
    if media_source:  # ExoPlayer 2: a source that loops, or a playlist that moves on by itself
        if media_source.group(2) == "LoopingMediaSource" and re.search(r",\s*\d+\s*\)\s*$", source):
            return None  # `LoopingMediaSource(clip, 3)`: a few rounds, then it stops
        return media_source.group(2)
    if _chosen_mode(source, ctx):
        return None  # the mode the person picked in the settings, off among the choices
    match = re.search(r"REPEAT_MODE_(ONE|ALL)", source)
    if match:
        return f"REPEAT_MODE_{match.group(1)}"
    if re.search(r"numberOfLoops\s*=\s*-\s*1", source):
        return "numberOfLoops = -1"
    many = re.search(r"numberOfLoops\s*=\s*(\d{2,})\b", source)
    if many:  # `numberOfLoops = 100`: endless in practice
        return f"numberOfLoops = {many.group(1)}"
    match = re.search(r"\b(LoopMode\.(one|all)|ReleaseMode\.(loop|LOOP))\b", source)
    if match:  # just_audio setLoopMode(LoopMode.one), audioplayers setReleaseMode(ReleaseMode.loop) (0.x: LOOP)
        return match.group(1)
    if re.search(r"(isLooping\s*=|setLooping\(|looping\s*=|setLoop\(|\.loop\s*=)\s*true\b", source):
        return re.sub(r"\s+", " ", source.split("\n")[0].strip().rstrip(";"))[-40:]
    named = re.search(r"(isLooping\s*=|setLooping\(|looping\s*=|setLoop\(|\.loop\s*=)\s*([A-Za-z_]\w*)\s*\)?\s*;?\s*$", source.strip())
    if named and named.group(2) not in ("true", "false") and _declared_true(named.group(2), ctx):
        return f"{named.group(1).strip()} {named.group(2)} (declared true)"
    return None


# The "off" choice of a repeat setting: ExoPlayer `REPEAT_MODE_OFF`, an app's `RepeatMode.NONE`,
# just_audio `LoopMode.off`, audioplayers `ReleaseMode.stop`.
LOOP_OFF = re.compile(r"\b(REPEAT_MODE_OFF|(Repeat|Loop)Mode\.(NONE|OFF|None|Off|none|off)|ReleaseMode\.(stop|STOP|release|RELEASE))\b")
# A condition that reads a stored choice (`prefs.loopVideos`, `settings.repeat`, `config.loop`).
SETTING_READ = re.compile(r"(pref|setting|config|option|saved|stored|user|loop|repeat)", re.I)


def _chosen_mode(source: str, ctx: CheckContext) -> bool:
    """The loop setting maps a choice onto the player's modes, off among them: `repeatMode =
    when (prefs.loopMode) { LoopMode.OFF -> REPEAT_MODE_OFF; LoopMode.ONE -> REPEAT_MODE_ONE ... }`,
    a `switch` over the app's repeat enum, or `if (settings.loop) REPEAT_MODE_ONE else REPEAT_MODE_OFF`.
    The loop is the mode the person picked, not one forced on them. A condition that is a constant
    (`val loopIntro = true`) or that reads no setting (`if (isPreview)`) still forces the loop."""
    if not LOOP_OFF.search(source):
        return False
    if re.search(r"\b(when|switch)\b", source):
        return True
    condition = re.search(r"\bif\s*\((.*?)\)\s*[\w.]", source) or re.search(r"[=(:]\s*([^=(:?]+?)\s*\?[^?.:]", source)
    if condition is None:
        return False
    cond = condition.group(1).strip().lstrip("!").strip()
    if re.fullmatch(r"true|false", cond) or (re.fullmatch(r"[A-Za-z_]\w*", cond) and (_declared_true(cond, ctx) or _declared_false(cond, ctx))):
        return False
    return SETTING_READ.search(cond) is not None


def scope_autoplays(node: Node, ctx: CheckContext) -> bool:
    """Whether the outermost class around `node` (with its Swift extensions), or the file when
    there is none, starts playback without a user action somewhere (memoised per class name)."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = class_name(outer) if outer is not None else ""
    key = ("autoplay_mobile.autoplays", name)
    if key not in ctx.memo:
        scopes = [c for c in ctx.root.named_children if c.type in CLASS_TYPES and class_name(c) == name] if name else [ctx.root]
        ctx.memo[key] = any(_starts_by_itself(site, ctx) for scope in scopes for site in _start_sites(scope, ctx))
    return ctx.memo[key]


def _start_sites(root: Node, ctx: CheckContext) -> Iterator[Node]:
    """Calls that start a player, `playWhenReady = true`, `autoPlay: true` in the subtree."""
    for call in calls(root):
        if (START_NAMES.match(call.name) or _flame_music(call, ctx) or _soloud_music(call, ctx)) and _starts_playback(call, ctx):
            yield call.node
    for node in walk(root):
        if node.type in ("assignment", "named_argument") and re.match(r"^(\S*playWhenReady\s*=\s*true|autoPlay:\s*true)", text(node)):
            yield node


def _starts_by_itself(node: Node, ctx: CheckContext) -> bool:
    if text(node).startswith("autoPlay"):
        return situation(node, ctx)[0] != "user"
    return _autoplay_judgement(node, ctx) is not None or situation(node, ctx)[0] == "ended"


WIDGET_CALLBACK = re.compile(r"\bwidget\.(on\w*(?:Video|Clip|Reel|Item|Media)\w*(?:Finished|Ended|End|Completed?))\s*\(")


def _only_empty_widget_callback(source: str, ctx: CheckContext) -> bool:
    """Flutter: the only move on is `widget.onVideoFinished()`, and every screen that builds the item
    hands it a handler that does nothing (`onVideoFinished: _onVideoFinished` with
    `void _onVideoFinished() { return; }`): the item does not advance the feed."""
    found = WIDGET_CALLBACK.search(source)
    if found is None or ADVANCE.search(WIDGET_CALLBACK.sub("", source)):
        return False
    index = project_index.whole_project(ctx)
    if index is None:
        return False
    name = found.group(1)
    handlers = []
    for data in index.files().values():
        source_text = data.decode("utf-8", "replace")
        for passed in re.finditer(rf"\b{name}\s*:\s*([\w.]+)\s*[,)]", source_text):
            handlers.append((passed.group(1).split(".")[-1], source_text))
        if re.search(rf"\b{name}\s*:\s*\(", source_text):
            return False  # an inline handler: judged as code that may move on
    empty = lambda h, text_: re.search(rf"\b{re.escape(h)}\s*\(\s*\)\s*(async\s*)?\{{\s*(return\s*;)?\s*\}}", text_) is not None
    return bool(handlers) and all(empty(h, t) for h, t in handlers)


def _previews_own_media(node: Node, ctx: CheckContext) -> bool:
    """A screen or folder for recording, picking or posting media (`Create Post/`,
    `PreviewCapturedVideoVC`): moving from one of the person's own clips to the next is their preview."""
    from designlint.checks.autoplay_mobile_names import COMPOSER_CLASS, COMPOSER_FOLDER
    from designlint.checks.autoplay_mobile_situation import _project_folders
    if any(COMPOSER_FOLDER.search(f) for f in _project_folders(ctx)):
        return True
    return any(a.type in CLASS_TYPES and COMPOSER_CLASS.search(class_name(a) or "") for a in ancestors(node))


@_unless_dead
def ended_advance(ctx: CheckContext) -> Verdict | bool:
    """An "item ended" hook that starts the next item or replays the same one:
    ExoPlayer `STATE_ENDED` branches, MediaPlayer `setOnCompletionListener`, AVFoundation
    `AVPlayerItemDidPlayToEndTime` observers, just_audio / audioplayers / video_player
    completion listeners."""
    node = ctx.node
    if node.type in IDENTIFIER_TYPES and node.parent is not None and node.parent.type in ("navigation_expression", "field_access") and text(node) in ("STATE_ENDED", END_REASON):
        return False  # reported on the qualified Player.STATE_ENDED node
    body = _ended_body(node, ctx)
    if body is None:
        return False
    if node.type == "relational_expression" and _near_end_behind_opt_in(node, body, ctx):
        return False  # `if (prefs.skipCredits && position >= ...)` with `this.skipCredits = false`: the person turns it on
    owner = next((function_name(f) for f in enclosing_functions(node) if f.type in FUNCTION_TYPES and function_name(f)), "")
    if re.search(r"(STATE_ENDED|END_OF_MEDIA_ITEM)", text(node)) and PLAY_COMMAND.match(owner or ""):
        return False  # `fun play() { if (state == STATE_ENDED) reload() }`: restarting what the person asked to play
    if re.search(r"(STATE_ENDED|END_OF_MEDIA_ITEM)", text(node)) and _state_asked_by_helper(node, ctx):
        return False  # `fun Player.enqueue(item) { if (playbackState == STATE_ENDED) forcePlay(item) ... }`: asked when called, not at the end
    if _in_sound_effect(node, ctx):
        return False  # the end of a spoken reply or a camera clip
    if ctx.language == "swift":
        from designlint.checks.autoplay_queue_swift import ended_in_queue
        queued = ended_in_queue(node, body, ctx)
        if queued is not None:
            return queued  # an audio engine moving on through the list the person started: info, one per engine
    if _in_media_session_service(node) or _music_queue_engine(node):
        picked = _goes_on_into_app_picks(body, ctx)
        if not picked:
            if ctx.language == "swift" or not ADVANCE.search(handler_text(body, ctx)):
                return False  # the queue of a music or podcast service plays on (Swift: judged elsewhere), or only a replay under the person's repeat mode
            return autoplay_queue.queue_verdict(node, ctx, _ended_label(node, ctx))  # the person's queue plays on: info, one per engine
        message = f"{_ended_label(node, ctx)} goes on into songs the app picks when the queue ends (auto-advance: {picked})"
        if _follows_setting(body, ctx):
            found = Verdict(message=message, severity="info", note=SETTING_NOTE)
        else:
            found = verdict(message, is_muted(node, ctx))
        if ctx.language != "swift":
            found.fold_key = autoplay_queue.engine_key(node, ctx)  # the engine's queue sites fold into this finding
        return found
    if _chat_audio_message(node, ctx):
        return False  # the next voice message of a chat the person started listening to
    if situation(node, ctx, screens=False)[0] == "user":
        return False  # an ended check in a click handler; the end of a video in a player screen still counts
    if _extension_helper_only_on_tap(node, ctx):
        return False  # `extension AVPlayer { func loopForever() }` applied only to players made on a tap
    source = handler_text(body, ctx)
    own = _text_without_user_handlers(body)
    if len(own) < len(text(body)):
        source = own  # `onCompletion` only offers "Replay" / "Next" buttons in a dialog: the person chooses
    label = _ended_label(node, ctx)
    if (ADVANCE.search(source) or (ctx.language == "dart" and EPISODE_STEP.search(source))) and not _only_empty_widget_callback(source, ctx):
        if (RECONNECT.search(strip_comments(text(body))) or _reruns_own_setup(body)) and not ADVANCE.search(strip_comments(text(body))):
            return False  # the same stream or item set up again (a dropped live stream reconnects): not a next item
        if ((_next_song(node, source) or (ctx.language == "dart" and autoplay_queue.dart_song_advance(node, source))) and not autoplay_queue.in_video_class(node)) or (
            ctx.language == "dart" and autoplay_queue.dart_audio_queue_advance(source)
        ):
            if ctx.language == "swift":
                return False  # a music player moving on to the next song of the list the person started
            return autoplay_queue.queue_verdict(node, ctx, label)  # the next song of the list the person started: info, one per engine
        if _previews_own_media(node, ctx):
            return False  # the clips the person just recorded or picked, previewed one after another
        if _controller_of_advancing_service(ctx):
            return False  # the service that owns the player moves on at the same end: reported there, one finding per player
        mode = _dart_stored_mode_advances(body, ctx)
        if mode is False:
            return False  # `if (playRepeat != PlayRepeat.pause)` with the stored mode's default `PlayRepeat.pause`: the person's choice
        if mode is True:
            return Verdict(message=f"{label} starts the next item by itself (auto-advance)", severity="info", note=SETTING_NOTE)
        return verdict(f"{label} starts the next item by itself (auto-advance)", is_muted(node, ctx))
    restarts = "Completion" in text(node) and PLAY_CALL.search(source)  # MediaPlayer/VideoView start() after the end
    if not (REPLAY.search(source) or restarts) or opened_on_tap(node) or opened_on_tap_path(ctx):
        return False  # a loop in a player the person opened is their choice, like a loop started on a tap
    if _class_starts(node, ctx):
        return False  # the class's own start of playback is reported: one finding for the looping video
    if restarts and not REPLAY.search(source):
        if _started_only_on_tap(node, ctx):
            return False
        return verdict(f"{label} starts the media again when it ends (an endless loop)", is_muted(node, ctx))
    if PLAY_CALL.search(source):
        return verdict(f"{label} replays the media from the start (an endless loop)", is_muted(node, ctx))
    if "STATE_ENDED" in text(node) and REPLAY.search(source) and not EXO_HALTS.search(source) and not _started_only_on_tap(node, ctx):
        # ExoPlayer keeps playWhenReady on at the end: `seekTo(0)` alone plays the item again
        return verdict(f"{label} seeks back to the start of a player that keeps playing (an endless loop)", is_muted(node, ctx))
    if KEEPS_PLAYING.search(ctx.code_without_comments()) and not _started_only_on_tap(node, ctx):
        # `actionAtItemEnd = .none`: the player does not pause at the end, so a seek to zero loops it
        return verdict(f"{label} seeks back to the start of a player that keeps playing (an endless loop)", is_muted(node, ctx))
    return False


# Dart: a step forward to the next episode or chapter named as a skip (`skipEpisode()`,
# `skipToEpisode(forward: true)`); not a step back (`skipEpisode(forward: false)`, `skipEpisode(-1)`).
EPISODE_STEP = re.compile(r"\bskip(To)?(Next)?(Episode|Chapter)\s*\((?!\s*(forward\s*:\s*false|-))")


# A function named for the player's state or its end (`updateState`, `handlePlaybackEvent`, `checkEnded`).
STATE_HANDLER_WORDS = re.compile(r"\b(state|status|event|events|end|ended|ending|complete|completed|completion|finish|finished)\b")


def _state_asked_by_helper(node: Node, ctx: CheckContext) -> bool:
    """Kotlin / Java: the `STATE_ENDED` comparison sits in an ordinary helper that reads the player's
    state when it is called (ViMusic's `fun Player.addNext(item) { if (playbackState == STATE_IDLE ||
    playbackState == STATE_ENDED) forcePlay(item) else addMediaItem(...) }`, run from a menu), not in
    an end handler: no listener method or override, no callback-like name (`on…`, `handle…`, a
    state or end word), no callback lambda around it (only scope functions such as `apply`), the
    state not handed in as a parameter, and no call of it in this file from such a handler."""
    if ctx.language not in ("kotlin", "java"):
        return False
    named = None
    for fn in enclosing_functions(node):
        if fn.type == "function_body" and fn.parent is not None and fn.parent.type in FUNCTION_TYPES:
            continue
        if fn.type in LAMBDA_TYPES:
            if lambda_host(fn) in SCOPE_FUNCTIONS:
                continue
            return False  # a collector, observer or posted callback may well be the end handler
        named = fn
        break
    name = function_name(named) if named is not None else ""
    if not name or _handler_like(named, name):
        return False
    head = signature_text(named)
    parameters = set(re.findall(r"(\w+)\s*:", head.split("(", 1)[-1])) | set(re.findall(r"\w\s+(\w+)\s*[,)]", head.split("(", 1)[-1]))
    branch = next((a for a in ancestors(node) if a.type in ("if_expression", "if_statement", "when_expression", "switch_expression", "switch_statement")), None)
    tested = text(branch.child_by_field_name("condition") or branch.named_children[0]) if branch is not None and branch.named_child_count else text(node.parent or node)
    if any(re.search(rf"(?<![\w.]){re.escape(p)}\b", tested) for p in parameters):
        return False  # `fun rollOn(state: Int) { if (state == STATE_ENDED) ... }`: a handler's state handed on
    for ref in identifier_references(name, ctx):
        if is_declaration_name(ref) or inside_own_body(ref, named):
            continue
        caller = next((f for f in enclosing_functions(ref) if not (f.type == "function_body" and f.parent is not None and f.parent.type in FUNCTION_TYPES)), None)
        if caller is None:
            continue
        if caller.type in LAMBDA_TYPES:
            if lambda_host(caller) not in SCOPE_FUNCTIONS:
                return False  # `handler.postDelayed({ advanceIfDone() }, 500)`: polled from a callback
            continue
        if _handler_like(caller, function_name(caller) or ""):
            return False  # called from `onPlaybackStateChanged`
    return True


def _handler_like(fn: Node, name: str) -> bool:
    """A listener method or framework callback: an override, or named `on…` / `handle…` or for the state or end."""
    return bool(re.search(r"\boverride\b|@Override\b", signature_text(fn)) or re.match(r"_?(on|handle)[A-Z_]", name) or STATE_HANDLER_WORDS.search(name_words(name)))


# A screen that drives a session service's player remotely (media3 `MediaController`, `MediaBrowser`).
CONTROLLER_PLAYER = re.compile(r":\s*(MediaController|MediaBrowser)\b|\b(MediaController|MediaBrowser)\.Builder\s*\(")
OWN_PLAYER = re.compile(r"\b(ExoPlayer|SimpleExoPlayer)\.Builder\s*\(|\bSimpleExoPlayer\.Builder\b|\bMediaPlayer\s*\(\s*\)|\bMediaPlayer\.create\s*\(")
# A class of another file that is an Android service (`class StreamService : BaseStreamService()`).
SERVICE_CLASS = re.compile(r"\bclass\s+\w*Service\b[^{]*?(?::|\bextends)\s*\w*Service\b")


def _controller_of_advancing_service(ctx: CheckContext) -> bool:
    """The end handler is in a screen that has no player of its own but a media3 `MediaController`
    of the app's playback service, and a service class of another file of the project moves on to
    the next item in its own `STATE_ENDED` branch (LibreTube: `PlayerFragment`'s countdown and
    `OnlinePlayerService`'s `playNextVideo()` at the same end of the same player): the player's
    auto-advance is reported once, at the service."""
    code = ctx.code_without_comments()
    if not CONTROLLER_PLAYER.search(code) or OWN_PLAYER.search(code):
        return False
    here = str(Path(ctx.path).resolve())
    for path, data in project_index.for_context(ctx).files().items():
        if b"STATE_ENDED" not in data or str(Path(path).resolve()) == here:
            continue
        other = data.decode("utf-8", "replace")
        if not SERVICE_CLASS.search(other):
            continue
        for m in re.finditer(r"STATE_ENDED", other):
            if ADVANCE.search(other[m.end(): m.end() + 300]):
                return True
    return False


# Songs the app chooses for the person: recommendations, similar or related songs, an auto-filled queue.
APP_PICKED = re.compile(r"(recommend|similar|suggest|auto_?pick|auto_?queue|auto_?fill|related_?(song|track|tune)|radio_?(queue|songs|tracks))", re.I)
PLAYS_SOMETHING = re.compile(r"(?<![\w.])(?:[\w?!]+\.)*_?(?:play|start)\w*\s*\(|\bskipTo\w*\s*\(")
# A switch the person sets for going on by itself (`playNextSongAutomatically`, `autoplayEnabled`).
AUTO_CONTINUE_SETTING = re.compile(r"\b\w*(auto_?play|automatic(ally)?|auto_?queue|auto_?advance|keep_?playing|continu\w*_?play)\w*\b", re.I)


def _reached_methods(start: Node, ctx: CheckContext, depth: int = 4, limit: int = 40) -> list[Node]:
    """`start` and the methods of its own class it calls (bare, `this.` or `self.`), followed
    `depth` calls deep: what an ended handler goes on to run."""
    cls = next((a for a in ancestors(start) if a.type in CLASS_TYPES), None)
    seen = {start.id}
    out = [start]
    frontier = [start]
    for _ in range(depth):
        following = []
        for fn in frontier:
            for call in calls(fn):
                if call.receiver.rstrip("?!") not in ("", "self", "this") or len(out) >= limit:
                    continue
                target = function_named(call.name, ctx, cls)
                if target is not None and target.id not in seen:
                    seen.add(target.id)
                    out.append(target)
                    following.append(target)
        frontier = following
    return out


def _goes_on_into_app_picks(body: Node, ctx: CheckContext) -> str:
    """The end-of-song code of a music service reaches a method that fetches songs the app picks
    (recommendations, similar songs) and plays them: the name of that method, else ""."""
    for fn in _reached_methods(body, ctx)[1:]:
        source = strip_comments(text(fn))
        if not APP_PICKED.search(source):
            continue
        if any(PLAYS_SOMETHING.search(strip_comments(text(f))) for f in _reached_methods(fn, ctx, depth=2)):
            return _declared_name(fn) or "a recommendation"
    return ""


def _declared_name(fn: Node) -> str:
    name = function_name(fn)
    return f"{name}()" if name else ""


def _follows_setting(body: Node, ctx: CheckContext) -> bool:
    """The way from the end of the song to the app's picks reads the person's setting for it."""
    return any(AUTO_CONTINUE_SETTING.search(strip_comments(text(fn))) for fn in _reached_methods(body, ctx))


def _extension_helper_only_on_tap(node: Node, ctx: CheckContext) -> bool:
    """Swift: the end hook sits in a method of an extension (`extension AVPlayer { func configure() }`)
    and every call of that method in the whole project answers a tap (a player made in
    `didSelectItemAt` or an `@IBAction`): the loop belongs to playback the person started."""
    if ctx.language != "swift":
        return False
    if not any(a.type == "class_declaration" and text(a).lstrip().startswith("extension") for a in ancestors(node)):
        return False
    fn = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES and function_name(f)), None)
    index = project_index.whole_project(ctx)
    if fn is None or index is None:
        return False
    own = str(ctx.path.resolve())
    sites = [s for s in index.calls(function_name(fn)) if not (s.path == own and fn.start_byte <= s.byte < fn.end_byte)]
    if not sites or len(sites) >= project_index.MAX_SITES:
        return False
    return all(_answers_tap(s, index) for s in sites)


def _answers_tap(site: project_index.Site, index: project_index.ProjectIndex) -> bool:
    """The call at `site` runs only on a tap: read at the site, else at every caller of the
    function holding it (two levels), each caller read in its own file (`didSelectItemAt`)."""
    kind = site_kind(site, index)
    if kind != "other":
        return kind == "user"
    holder = site.functions[-1] if site.functions else ""
    if not holder or project_index.too_common(holder):
        return False
    triggers = index.triggers(holder, depth=2)
    return bool(triggers) and all(t.kind == "user" or (t.kind == "other" and site_kind(t.site, index) == "user") for t in triggers)


# An app's own music engine (`PlaybackManager`, `MusicPlayerManager`) with a queue, shuffle or repeat
# mode: playing on through the queue the person started is the player's job, not a feed.
MUSIC_ENGINE = re.compile(r"(music|audio|song|track|radio|playback|queue|player)", re.I)
NOT_MUSIC_ENGINE = re.compile(r"(video|reel|clip|feed|story|stories|short|movie|episode|lesson|course|(Activity|Fragment|Screen|Page|ViewController|VC|View|State)$)", re.I)
QUEUE_WORDS = re.compile(r"\b\w*(shuffle|repeat_?mode|playMode|play_mode|queue|playlist)\w*\b", re.I)
MUSIC_WORDS = re.compile(r"\b(song|songs|track|tracks|album|albums|music|artist)\b", re.I)


SONG_WORDS = re.compile(r"\b(song|songs|track|tracks|music|tune|tunes)\b")
# An Android screen, or a class that is a MediaPlayer completion listener and nothing else.
MUSIC_SCREEN = re.compile(r"[:,]\s*\w*(Activity|Fragment)\s*\(|\bextends\s+\w*(Activity|Fragment)\b|\bOnCompletionListener\b")
VIDEO_WORDS = re.compile(r"\b(video|videos|reel|reels|clip|clips|movie|movies|episode|episodes|feed|story|stories|shorts?|ad|ads)\b")


# A handler that sets up the same live stream again (`initStream()`, `reconnect()`, `connectRadio()`).
RECONNECT = re.compile(r"\b((re)?(init|prepare|connect|start|setUp|setup|open)\w*(Stream|Radio|Live|Station)\w*|re_?connect\w*)\s*\(", re.I)


def _reruns_own_setup(body: Node) -> bool:
    """The end handler calls the function that registered it with that function's own
    parameters (`playFrom(url)` inside `playFrom(String url)`): the same item is set up again."""
    outer = next((f for f in enclosing_functions(body) if f.type not in LAMBDA_TYPES and f.id != body.id and function_name(f)), None)
    if outer is None:
        return False
    header = text(outer).split("{", 1)[0]
    for call in calls(body):
        if call.name == function_name(outer) and call.receiver.rstrip("?!") in ("", "self", "this"):
            return all(re.search(rf"\b{re.escape(text(a))}\b", header) for a in argument_nodes(call) if re.fullmatch(r"\w+", text(a))) and all(re.fullmatch(r"\w+", text(a)) for a in argument_nodes(call))
    return False


def _next_song(node: Node, source: str) -> bool:
    """The end handler moves on through songs (`currentSong++`, `setSongPosition(increment = true)`)
    in an Android music player screen or a completion listener class, not in video code: the rule
    leaves a music player's own queue alone, as for a music engine."""
    outer = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
    if outer is None or not MUSIC_SCREEN.search(class_head(outer)):
        return False
    words = name_words(source)
    return bool(SONG_WORDS.search(words)) and not VIDEO_WORDS.search(words) and not VIDEO_WORDS.search(name_words(class_name(outer)))


def _music_queue_engine(node: Node) -> bool:
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = class_name(outer) if outer is not None else ""
    if not name or not MUSIC_ENGINE.search(name) or NOT_MUSIC_ENGINE.search(name):
        return False
    body = name_words(text(outer))
    return bool(QUEUE_WORDS.search(text(outer))) and bool(MUSIC_WORDS.search(body)) and not re.search(r"\b(video|videos|episode|episodes|reel|reels)\b", body)


# Background playback services for a queue the person starts (audio_service, Media3, MediaBrowser).
MEDIA_SESSION_SERVICE = re.compile(r"\b(extends|with|implements)\s+(BaseAudioHandler|QueueHandler)\b|"
                                   r"[:,]\s*(MediaSessionService|MediaLibraryService|MediaBrowserServiceCompat|MediaBrowserService)\s*\(|"
                                   r"\bextends\s+(MediaSessionService|MediaLibraryService|MediaBrowserServiceCompat|MediaBrowserService)\b")


def _in_media_session_service(node: Node) -> bool:
    """Inside a class declared as an audio_service handler or a Media3 / MediaBrowser service."""
    return any(MEDIA_SESSION_SERVICE.search(class_head(a)) for a in ancestors(node) if a.type in CLASS_TYPES)
KEEPS_PLAYING = re.compile(r"actionAtItemEnd\s*=\s*(AVPlayer(\.ActionAtItemEnd)?)?\.[nN]one\b|actionAtItemEnd\s*=\s*AVPlayerActionAtItemEnd\.none\b")


def _started_only_on_tap(node: Node, ctx: CheckContext) -> bool:
    """The class around `node` starts its player somewhere, and only on a user action."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    sites = list(_start_sites(outer if outer is not None else ctx.root, ctx))
    kinds = [situation(site, ctx)[0] for site in sites]
    return "user" in kinds and all(kind in ("user", "ended") for kind in kinds)


CHAT_CONTEXT = re.compile(r"\b(chat|chats|conversation|conversations|messages?|messenger|inbox)\b")


def _chat_audio_message(node: Node, ctx: CheckContext) -> bool:
    """An audio player's end (`audioPlayerDidFinishPlaying`, `audioPlayEnd`) in chat or message code."""
    names = [function_name(a) if a.type in FUNCTION_TYPES else class_name(a) for a in ancestors(node) if a.type in FUNCTION_TYPES or a.type in CLASS_TYPES]
    words = " ".join(name_words(n) for n in [*ctx.path.parts[-4:], text(node)] + names if n)
    return bool(re.search(r"\b(audio|voice)\b", words)) and bool(CHAT_CONTEXT.search(words))


def _ended_label(node: Node, ctx: CheckContext) -> str:
    source = text(node)
    if is_declaration_name(node):
        return f"{source}() handler"
    if "STATE_ENDED" in source:
        return "STATE_ENDED handler"
    if END_REASON in source:
        return "end-of-item handler"
    if node.type == "relational_expression":
        return "near-end check"
    if "playtoendtime" in source.lower():
        return "AVPlayerItemDidPlayToEndTime observer"
    if HANDED_ENDED_CALLBACK.match(source) and node.parent is not None and node.parent.type in ("value_argument", "navigation_expression"):
        return f"{source} handler handed to the player wrapper"
    if "Completion" in source:
        return "MediaPlayer completion listener"
    return "completion listener"


def _ended_body(node: Node, ctx: CheckContext) -> Node | None:
    """The code that runs when the item ends."""
    source = text(node)
    if ctx.language == "kotlin" and HANDED_ENDED_CALLBACK.match(source) and node.parent is not None and node.parent.type in ("value_argument", "navigation_expression"):
        return _handed_ended_callback(node, ctx)
    if is_declaration_name(node):  # func playerDidFinishPlaying() / fun onVideoEnded()
        if not re.search(PLAYER_TYPES.encode(), ctx.data):
            return None  # not a media file (an import job's onItemCompleted)
        if any(in_ended_hook(ref) for ref in identifier_references(source, ctx) if ref.id != node.id):
            return None  # reported on the observer or listener that runs it
        return function_named(source, ctx)
    if "STATE_ENDED" in source or END_REASON in source or source in ("completed", "isCompleted"):
        if source in ("completed", "isCompleted") and (_about_animation(node, ctx) or not _player_completion(node)):
            return None  # AnimationStatus.completed, GamePhase.completed, completer.isCompleted: not media
        if ctx.language == "dart" and source == "completed":
            listened = _completed_stream_handler(node, ctx)
            if listened is not None:
                return listened
        return _branch_of(node)
    if source == "onPlayerComplete":  # audioplayers: player.onPlayerComplete.listen((_) {...}) or .listen(_onSongEnd)
        statement = next((a for a in ancestors(node) if a.type == "expression_statement"), None)
        if statement is None:
            return None
        handler = next((c for c in walk(statement) if c.type in LAMBDA_TYPES), None)
        named = re.search(r"\.listen\(\s*(\w+)\s*\)", text(statement))
        return handler or (function_named(named.group(1), ctx) if named else None)
    if source in ("setOnCompletionListener", "addListener"):
        call = _owning_statement_call(node, ctx)
        if call is None:
            return None
        handler = next((a for a in map(_unwrap_argument, argument_nodes(call)) if a.type in LAMBDA_TYPES), None)
        handler = handler or _trailing_lambda(call.node)
        if handler is None:
            args = argument_nodes(call)
            handler = function_named(_last_word(text(args[-1])), ctx) if args else None
        if handler is None:
            return None
        if source == "addListener" and not re.search(r"isCompleted|position\s*>=?\s*\S*duration|duration\s*<=?\s*\S*position|position\s*==\s*\S*duration|duration\s*==\s*\S*position", text(handler)):
            return None  # a video_player listener that does not look at the end of the video
        return handler
    if source in POSITION_STREAMS:
        return _position_end_handler(node)
    if node.type == "relational_expression":
        return _near_end_test(node, ctx)
    if "playtoendtime" in source.lower():
        return _observer_handler(node, ctx)
    return None


def _completed_stream_handler(node: Node, ctx: CheckContext) -> Node | None:
    """media_kit `player.stream.completed.listen((done) { if (done) ... })` (a `Stream<bool>` that is
    true once the item has ended) or `.listen(_onCompleted)`: the handler the stream runs, else None."""
    if not (dart_member_receiver(node) or "").endswith("stream"):
        return None
    selector = node.parent.parent if node.parent is not None else None
    following = selector.next_named_sibling if selector is not None else None
    if following is None or text(following).lstrip("?.! ") != "listen":
        return None
    call = following.next_named_sibling
    part = next((c for c in call.named_children if c.type == "argument_part"), None) if call is not None and call.type == "selector" else None
    args = [_unwrap_argument(a) for a in argument_nodes(as_call(part))] if part is not None and as_call(part) is not None else []
    if not args:
        return None
    if args[0].type in LAMBDA_TYPES:
        return args[0]
    return function_named(_last_word(text(args[0])), ctx)


# just_audio `positionStream`, audioplayers `onPositionChanged`: a listener of the position that
# tests whether it has reached the length of the item is an end handler.
POSITION_STREAMS = ("positionStream", "onPositionChanged")


def _position_end_handler(node: Node) -> Node | None:
    """The closure of `player.positionStream.listen((pos) { if (pos >= duration) ... })` when it
    compares the position it is handed (or `position`) with the duration (`>=`, `>`, `==`, also in
    milliseconds, or `duration <= pos`), else None: a listener that only moves a progress bar."""
    statement = next((a for a in ancestors(node) if a.type == "expression_statement"), None)
    if statement is None or not re.search(rf"\b{re.escape(text(node))}\s*\.\s*listen\s*\(", text(statement)):
        return None
    handler = next((c for c in walk(statement) if c.type in LAMBDA_TYPES), None)
    if handler is None:
        return None
    head = text(handler).split("{", 1)[0].split("=>", 1)[0]
    names = [n for n in re.findall(r"\b([a-z_]\w*)\b", head) if n not in ("async", "final", "var", "dynamic", "Duration")]
    position = "|".join([re.escape(n) for n in names] + [r"[\w.!?]*[pP]osition"])
    value = rf"(?<![\w.])(?:{position})\b[\w.!?]*"
    body = strip_comments(text(handler))
    aliases = [re.escape(a) for a in re.findall(r"\b(\w+)\s*=\s*[\w.!?]*\.duration\b", body)]  # `final length = _player.duration;`
    length = rf"\(?\s*(?:[\w.!?]*[dD]uration|{'|'.join(aliases) or '[dD]uration'})\b[\w.!?]*"
    if re.search(rf"{value}\s*(>=|>|==)\s*{length}", body) or re.search(rf"{length}\s*(<=|<|==)\s*{value}", body):
        return handler
    return None


# Dart: a side of a near-end test, the position (`position.inSeconds`, `pos`) and the length
# (`duration.inSeconds`, `_player.state.duration`, `duration - position`).
NEAR_END_POSITION = re.compile(r"^[\w.!?]*[pP]os(ition)?\b[\w.!?]*$")
NEAR_END_LENGTH = re.compile(r"^\(?\s*[\w.!?]*[dD]uration\b[\w.!?]*(\s*-\s*[^-+*/<>=&|?]+)?\s*\)?$")
NEAR_END_LEFT = re.compile(r"^\(?\s*[\w.!?]*[dD]uration\b[\w.!?]*\s*-\s*[\w.!?]*[pP]os(ition)?\b[\w.!?]*\s*\)?$")
# The listeners whose near-end test is judged on the stream or listener name.
LISTENED_END = re.compile(r"((positionStream|onPositionChanged)\s*\.\s*listen|addListener)\s*\(\s*$")


def _near_end_test(node: Node, ctx: CheckContext) -> Node | None:
    """Dart: a test that the position has reached the end (`position.inSeconds >= duration.inSeconds`,
    `pos >= duration - const Duration(seconds: 1)`, `duration - position <= threshold`) outside a
    position stream's listener, as in a build helper of a widget that watches the position
    (`ref.watch(positionProvider)`, a `ValueListenableBuilder`): the branch it guards, or the rest of
    the function when the test is stored in a flag (`final nearEnd = ...; if (!nearEnd) return;`)."""
    parts = [c for c in node.children if c.type == "relational_operator"]
    if len(parts) != 1:
        return None
    op = text(parts[0])
    left = text(node)[: parts[0].start_byte - node.start_byte].strip()
    right = text(node)[parts[0].end_byte - node.start_byte :].strip()
    reached = (op in (">=", ">") and NEAR_END_POSITION.match(left) and NEAR_END_LENGTH.match(right)) or (
        op in ("<=", "<") and NEAR_END_LENGTH.match(left) and NEAR_END_POSITION.match(right)) or (
        op in ("<=", "<") and NEAR_END_LEFT.match(left))
    if not reached:
        return None
    before = lambda n: ctx.data[max(0, n.start_byte - 80) : n.start_byte].decode("utf-8", "replace")
    if any(a.type in LAMBDA_TYPES and LISTENED_END.search(before(a)) for a in ancestors(node)):
        return None  # judged on the listener (`positionStream.listen`, `addListener`)
    for ancestor in ancestors(node):
        if ancestor.type == "if_statement":
            return _branch_of(node)
        if ancestor.type == "initialized_variable_definition":
            name = next((c for c in ancestor.named_children if c.type == "identifier"), None)
            body = next((a for a in ancestors(ancestor) if a.type in ("function_body", "function_expression_body")), None)
            if name is None or body is None:
                return None
            tested = any(
                w.type == "if_statement" and re.search(rf"\b{re.escape(text(name))}\b", text(w.named_children[0]))
                for w in walk(body)
                if w.named_children
            )
            return body if tested else None
        if ancestor.type in ("function_body", "function_expression_body", "block"):
            return None
    return None


# Dart: a setting read from the app's preferences object (`playerPrefs.autoNext`, `settings.skipCredits`),
# not negated (`!_fired` is the handler's own latch).
SETTING_READ = re.compile(r"(?<![!\w.])\w*(?:[pP]refs?|[sS]ettings?|[cC]onfig|[oO]ptions?)\w*\.(\w+)\b")


def _near_end_behind_opt_in(node: Node, body: Node, ctx: CheckContext) -> bool:
    """Dart: the near-end move on runs only under a setting of the app's preferences that the project
    stores off by default (`this.skipCredits = false`, `map['skipCredits'] ?? false`) and never on."""
    conditions = [ctx.data[slice(*condition_span(a))].decode("utf-8", "replace") for a in ancestors(node) if a.type == "if_statement"][:1]
    conditions += [ctx.data[slice(*condition_span(w))].decode("utf-8", "replace") for w in walk(body) if w.type == "if_statement"]
    names = {m.group(1) for c in conditions for m in SETTING_READ.finditer(c)}
    if not names:
        return False
    try:
        files = list(project_index.for_context(ctx).files().values())
    except Exception:  # no project around the file
        files = [ctx.data]
    for name in names:
        default = lambda value: re.compile(rf"(\bthis\.{name}\s*=\s*{value}\b|\[\s*['\"]{name}['\"]\s*\]\s*\?\?\s*{value}\b)".encode())
        sources = [d for d in files if name.encode() in d]
        if any(default("false").search(d) for d in sources) and not any(default("true").search(d) for d in sources):
            return True
    return False


# Kotlin `PlayerWrapper(onVideoEnded = { scrollToNext() })`, `wrapper.onEnded = { ... }`: an end-of-item
# handler handed to the app's own player wrapper, which calls it from its ended branch.
HANDED_ENDED_CALLBACK = re.compile(r"^on\w*(Ended|End|Finished|Complete|Completed|Completion)$")


def _handed_ended_callback(node: Node, ctx: CheckContext) -> Node | None:
    """The lambda handed over under an end-of-item name (a named argument or a property set to a
    lambda) when some file of the project calls that name inside a `STATE_ENDED` branch or a
    completion listener (the wrapper passes it down, maybe through other classes, and runs it at
    the end), else None."""
    holder = node.parent
    if holder is not None and holder.type == "navigation_expression" and holder.named_children[-1].id == node.id:
        holder = holder.parent if holder.parent is not None and holder.parent.type == "assignment" and holder.parent.named_children[0].id == holder.id else None
    elif holder is None or holder.type != "value_argument" or holder.named_children[0].id != node.id:
        return None
    handler = next((c for c in holder.named_children if c.type == "lambda_literal"), None) if holder is not None else None
    if handler is None:
        return None
    name = text(node)
    key = ("autoplay_mobile.called_at_end", name)
    if key not in ctx.memo:
        try:
            sources = list(project_index.for_context(ctx).files().values())
        except Exception:  # no project around the file
            sources = [ctx.data]
        at_end = re.compile(rf"(STATE_ENDED|END_OF_MEDIA_ITEM|OnCompletionListener|onCompletion\b)[^}}]{{0,400}}?(?<![\w.]){re.escape(name)}\s*(\?\s*\.\s*invoke\s*)?\(".encode())
        ctx.memo[key] = any(name.encode() in data and at_end.search(data) for data in sources)
    return handler if ctx.memo[key] else None


def _about_animation(node: Node, ctx: CheckContext) -> bool:
    """Dart `status == AnimationStatus.completed` or a test inside `addStatusListener(...)`."""
    before = ctx.data[max(0, node.start_byte - 40) : node.start_byte].decode("utf-8", "replace")
    if re.search(r"(AnimationStatus|animation\w*|anim\w*Controller)\s*\.\s*$", before, re.I):
        return True
    return any(c.name == "addStatusListener" for a in ancestors(node) for c in [as_call(a)] if c is not None)


# What a Dart `completed` / `isCompleted` must belong to: a player's state (just_audio
# `ProcessingState.completed`, audioplayers `PlayerState.completed`) or a player or its value.
PLAYER_STATE = re.compile(r"(ProcessingState|PlayerState|PlaybackState|\.value$)")


def _player_completion(node: Node) -> bool:
    """Dart `completed` / `isCompleted` qualified by a player's state type or read from a player or
    controller (`_controller.value.isCompleted`), or compared with a player's state
    (`_player.state == Status.completed`); not a game's `GamePhase.completed`."""
    parent = node.parent
    if parent is not None and parent.type == "qualified":  # `case ProcessingState.completed:`
        qualifier = text(parent)[: node.start_byte - parent.start_byte].rstrip(". ")
    else:
        qualifier = dart_member_receiver(node) or ""
    if PLAYER_STATE.search(qualifier) or _names_media(qualifier):
        return True
    selector = parent.parent if parent is not None and parent.type.endswith("assignable_selector") else None
    comparison = selector.parent if selector is not None else None
    return comparison is not None and comparison.type == "equality_expression" and _names_media(text(comparison))


def _names_media(source: str) -> bool:
    return bool(PLAYER_RECEIVER.search(source)) and not NOT_MEDIA.search(source)


def _unwrap_argument(arg: Node) -> Node:
    """Dart wraps each argument in an `argument` node, Kotlin in a `value_argument`."""
    if arg.type in ("argument", "value_argument") and arg.named_child_count:
        return arg.named_children[-1]
    return arg


def _branch_of(node: Node) -> Node | None:
    for ancestor in ancestors(node):
        if ancestor.type in ("when_entry", "switch_block_statement_group", "switch_rule", "switch_statement_case"):
            return ancestor
        if ancestor.type in ("if_expression", "if_statement"):
            start, end = condition_span(ancestor)
            if start <= node.start_byte < end:
                consequence = ancestor.child_by_field_name("consequence")
                if consequence is None:
                    rest = [c for c in ancestor.named_children if c.start_byte >= end]
                    consequence = rest[0] if rest else None
                return consequence
            return None
        if ancestor.type in FUNCTION_TYPES:
            return None
    return None


def _owning_statement_call(node: Node, ctx: CheckContext) -> Call | None:
    if ctx.language == "dart":
        following = node.parent.next_named_sibling if node.parent is not None and node.parent.type != "expression_statement" else node.next_named_sibling
        if node.parent is not None and node.parent.type == "unconditional_assignable_selector":
            following = node.parent.parent.next_named_sibling if node.parent.parent is not None else None
        if following is not None and following.type == "selector":
            part = next((c for c in following.named_children if c.type == "argument_part"), None)
            return as_call(part) if part is not None else None
        return None
    for ancestor in ancestors(node):
        call = as_call(ancestor)
        if call is not None and call.name == text(node):
            return call
    return None


def _trailing_lambda(call: Node) -> Node | None:
    """Kotlin `x.setOnCompletionListener { ... }`, Swift `f(...) { ... }`: the lambda after the call."""
    for child in call.named_children:
        if child.type == "annotated_lambda" or child.type == "call_suffix":
            return next((c for c in child.named_children if c.type == "lambda_literal"), None)
    return None


def _observer_handler(node: Node, ctx: CheckContext) -> Node | None:
    """The closure or `#selector` method that an AVPlayerItemDidPlayToEndTime observer runs:
    `addObserver(forName:...) { }`, `addObserver(self, selector: #selector(f), ...)`,
    `publisher(for:).sink { }`, `.onReceive(publisher) { }`."""
    for ancestor in ancestors(node):
        if ancestor.type in ("statements", "function_body", "class_body"):
            return None
        call = as_call(ancestor)
        if call is None or call.name not in ("addObserver", "addObserverForName", "onReceive", "sink"):
            continue
        closure = _trailing_lambda(ancestor) or next((a for a in argument_nodes(call) if a.type in LAMBDA_TYPES), None)
        if closure is not None:
            return closure
        selector = re.search(r"#selector\(\s*(?:\w+\.)*(\w+)", text(ancestor))
        if selector:
            return function_named(selector.group(1), ctx)
    return None


def _last_word(value: str) -> str:
    return re.split(r"[.:]+", value.strip())[-1].strip("()")


# `playRepeat != PlayRepeat.pause`, `mode == PlayMode.listCycle`: a play mode tested against a member of its enum.
ENUM_MODE_TEST = re.compile(r"([\w.!?]*?\b(\w*(?:[mM]ode|[rR]epeat|[lL]oop|[cC]ycle|[oO]rder)\w*))\s*(==|!=)\s*([A-Z]\w*)\.(\w+)")


def _dart_stored_mode_advances(body: Node, ctx: CheckContext) -> bool | None:
    """Dart: every start of the next item in the end handler sits under a test of a play mode the person
    picks (`if (playRepeat != PlayRepeat.pause && playRepeat != PlayRepeat.singleCycle) nextPlay()`) whose
    value is stored with a default in the project (Hive `get(VideoBoxKey.playRepeat, defaultValue:
    PlayRepeat.pause.value)`, `prefs.getInt('playMode') ?? PlayMode.order.index`): False when the test fails
    for the default (the person must choose to go on), True when it passes (on unless changed), None when
    there is no such test or default."""
    if ctx.language != "dart":
        return None
    guarded, answers = False, set()
    for branch in (n for n in walk(body) if n.type == "if_statement"):
        start, end = condition_span(branch)
        condition = ctx.data[start:end].decode("utf-8", "replace")
        tests = list(ENUM_MODE_TEST.finditer(condition))
        consequence = branch.named_children[1] if len(branch.named_children) > 1 else None
        if not tests or consequence is None or not ADVANCE.search(strip_comments(text(consequence))):
            continue
        defaults = {m.group(2): _stored_mode_default(m.group(2), m.group(4), ctx) for m in tests}
        if None in defaults.values():
            return None
        logic = ENUM_MODE_TEST.sub(lambda m: " True " if (defaults[m.group(2)] == m.group(5)) == (m.group(3) == "==") else " False ", condition)
        logic = logic.replace("&&", " and ").replace("||", " or ").replace("!", " not ")
        if re.sub(r"\b(True|False|and|or|not)\b|[()\s]", "", logic):
            return None  # something else is tested too
        try:
            answers.add(bool(eval(" ".join(logic.split()), {"__builtins__": {}}, {})))  # only True/False/and/or/not and brackets are left
        except SyntaxError:
            return None
        guarded = True
    if not guarded:
        return None
    outside = ADVANCE.search(strip_comments(_text_outside_ifs(body, ctx)))
    return None if outside else any(answers)


def _text_outside_ifs(body: Node, ctx: CheckContext) -> str:
    """The body's code without the consequences of its mode tests (what runs whatever the mode)."""
    data = bytearray(ctx.data[body.start_byte:body.end_byte])
    for branch in (n for n in walk(body) if n.type == "if_statement" and ENUM_MODE_TEST.search(text(n)[:400])):
        if len(branch.named_children) > 1:
            c = branch.named_children[1]
            data[c.start_byte - body.start_byte:c.end_byte - body.start_byte] = b" " * (c.end_byte - c.start_byte)
    return data.decode("utf-8", "replace")


def _stored_mode_default(field: str, enum: str, ctx: CheckContext) -> str | None:
    """The member of `enum` the project stores as the default of the setting `field`: `defaultValue:
    PlayRepeat.pause.value` (Hive), `?? PlayMode.order.index` / `?? PlayMode.order` after a prefs read of a
    key named like the field; None when not found."""
    cache = project_index.side_cache("autoplay_mobile.dart_mode_default")
    try:
        index = project_index.for_context(ctx)
        files, key = index.files(), (str(index.root), field, enum)
    except Exception:  # no project around the file
        files, key = {}, (str(ctx.path), field, enum)
    if key not in cache:
        stored = rf"[\w.'\"$]*{re.escape(field)}[\w'\"]*"
        default = re.compile(rf"{stored}\s*,\s*defaultValue\s*:\s*{re.escape(enum)}\.(\w+)|get\w*\(\s*{stored}\s*\)\s*\?\?\s*{re.escape(enum)}\.(\w+)", re.I)
        found = None
        for data in (files or {str(ctx.path): ctx.data}).values():
            if field.lower().encode() in data.lower():
                m = default.search(data.decode("utf-8", "replace"))
                if m:
                    found = m.group(1) or m.group(2)
                    break
        cache[key] = found
    return cache[key]
