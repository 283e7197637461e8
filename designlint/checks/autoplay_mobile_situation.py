"""When a play, loop or ended hook on mobile runs, for the `autoplay` rule.

The functions here decide *when* the code runs, by walking out through the enclosing lambdas and
functions (`situation`):

* on load: a lifecycle method (`onCreate`, `onViewCreated`, `onStart`/`onResume`, `init`,
  `viewDidLoad`/`viewDidAppear`, `initState`), a Compose effect (`LaunchedEffect`,
  `DisposableEffect`, `AndroidView` factory, a `@Composable` body), SwiftUI `onAppear`/`task`;
* in a feed, when an item scrolls into view: `onBindViewHolder`, `onPageSelected`,
  `onScrollStateChanged`, `willDisplay`/`cellForRowAt`, `VisibilityDetector`,
  `PageView.onPageChanged`, a `LaunchedEffect` keyed on the pager's current page;
* on a user action (not reported): click/tap/press listeners, `onClick =`, `Button`,
  `@IBAction`, `onTapGesture`, `onPressed`/`onTap`, functions named like `onPlayClicked`, and
  code in a player or viewer screen the person opened by tapping a video (`VideoPlayerActivity`,
  `ViewVideoFragment`, `PlayerViewController`, a `PlayerScreen`) or in a screen that previews
  media they picked (upload, compose, edit): the tap answered. Ended handlers there still count;
* when an item ends (reported by the ended patterns, not as a plain play).

Lambdas passed to anything else (`apply`, `launch`, `post`, `then`, `observe`, listener objects
such as `onPrepared`) are looked through; a named function with no lifecycle name is judged by
the places in the same file that call or reference it. A function only named for a tap
(`_onTogglePlay`) that its own class runs from a load or visibility callback takes that trigger's
kind; a private helper nothing in its file calls is dead. A ready callback (`onReady`,
`onPrepared`) of a listener added on a tap answers that tap, and one inside a class that is itself
a player (a view with its own `start()`/`pause()`/`seekTo()`) carries out a start someone else
asked for: that request is judged where it is made. A play under a condition on the person's
own play/pause state (`if (wasPlaying)`) is not autoplay; one under an `autoPlay` flag counts only
when that flag defaults to true in the same file. Muted playback is lowered to `info`.
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.polyglot import argument_nodes, as_call, calls, dart_cascade_target, enclosing_functions, enclosing_named_function, function_name, parameter_labels, smart_cast_type
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk, within
from designlint.checks.autoplay_mobile_names import (
    NOT_MEDIA,
    PLAYER_RECEIVER,
    BACKGROUND_MUSIC,
    CALL_NODE_TYPES,
    CLASS_TYPES,
    COMPOSER_CLASS,
    COMPOSER_FOLDER,
    EVENT_HOST,
    LAMBDA_TYPES,
    SCREEN_BASE,
    SETUP_FN,
    USER_FN,
    USER_HOST,
    VIEW_GUARD,
    class_head,
    class_name,
    function_kind,
    host_kind,
    is_declaration_name,
    is_private,
    labelled_callback,
    layout_on_click,
    signature_text,
    name_words,
    lambda_host,
)
from designlint.checks.autoplay_mobile_callbacks import constructor_callback_kind
from designlint.checks.android_prefs import list_preference_read_off
from designlint.checks.autoplay_mobile_openers import (
    command_table_entry,
    constructor_creations_kind,
    openers_of,
    site_kind,
    dart_constructor_class,
    has_local_callers,
    named_to_guess,
    on_return_to_app,
    owner_of,
    passed_on,
    project_callers_kind,
    delegate_callers_kind,
    dispatched_action,
    identifier_references,
)


MUTED_NOTE = "muted: lower severity, but it still captures attention"
SETTING_NOTE = "follows the person's autoplay setting: lower severity, keep that setting off by default"

# --------------------------------------------------------------------------------------------
# vocabulary

PLAYER_TYPES = (
    r"(VideoView|MediaPlayer|ExoPlayer|SimpleExoPlayer|Player|MediaController|AVPlayer|AVQueuePlayer|"
    r"AVAudioPlayer|VideoPlayerController|AudioPlayer|ChewieController|BetterPlayerController)"
)
# Calls that start playback (zero arguments, except the YouTube ones that take the video id).
START_NAMES = re.compile(
    r"^(play|start|playImmediately\w*|loadVideo|loadOrCueVideo|setPlayWhenReady|startPlayback|startPlaying|startPlayLogic|startVideo|resumePlayback|"
    r"play(Media|Video|Clip|Reel|Stream|Url|Uri|Item|Current\w*|Episode|Audio|Music|Song|Movie|Trailer))$"
)
# Receivers that `start()` a player (`start` alone is also a thread, a timer, an animator or a session).
START_RECEIVER = re.compile(r"(player|media|video|audio|sound|music|song|clip|movie|trailer|bgm|\bmp\b|^mp$|\bvv\b)", re.I)

# `start()` receivers named for a thread, timer, task or animation, whatever media word they hold.
NOT_PLAYER_START = re.compile(r"(Thread|Timer|Task|Job|Worker|Executor|Handler|Runnable|Animator|Animation|Service|Session)\w{0,3}$", re.I)
# A player's "ready" callbacks: they run once the player loads what someone asked it to play.
READY_FN = re.compile(r"^(onPrepared|onReady|onInitializationSuccess)$")
# A class that is itself a player (a custom VideoView, or a FrameLayout holding a TextureView) ...
PLAYER_IMPL_BASE = re.compile(r"(\bextends\s+|:\s*|,\s*)\w*(View|Layout|ViewGroup|Player)\b")
# ... and offers the controls other code calls on it.
PLAYER_CONTROLS = re.compile(r"^(start|play|pause|resume|stop|seekTo|release|reset|restart|startVideo|startPlay\w*|startPlayback)$")
# Code about a live camera (a doorbell or security stream the person opened), spoken replies of a
# voice assistant, a call (its connecting tone, the other side's video) or a chat's voice messages:
# sound and video, but not media that starts by itself.
NOT_MEDIA_CONTEXT = re.compile(r"\b(camera|cameras|cctv|doorbell|assist|assistant|speech|speak|tts|dictation)\b")
CALL_CONTEXT = re.compile(r"\b(alarm|alarms|call|calls|calling|voip|meeting|conference|voice (message|messages|note|notes|memo)|voicemail|audio message)\b")
# Screens opened by a tap on an item: playing there answers the tap.
OPENED_ON_TAP = re.compile(r"(modal|dialog|lightbox|sheet|popup|popover|full_?screen|viewer|MediaPreview)", re.I)
# Player and viewer screens (the person tapped a video to watch it) and screens that preview media the
# person picked or recorded (upload, compose, edit): playing there answers that action. Feeds,
# splash, intro and background screens are not among them.
PLAYER_SCREEN = re.compile(
    r"(player|playback|^view\w*(video|media|image|gif|gallery|photo|attachment)|viewer|watch|theat(er|re)|cinema|"
    r"upload|compose|composer|creat(e|or)|editor|trim|draft|metadata|recorder|capture|picker|selector|chooser|"
    r"(video|clip|episode)_?details?|video(view)?(controller|activity|fragment|screen|page)$)",
    re.I,
)
NOT_PLAYER_SCREEN = re.compile(
    r"(feed|short|reel|stor(y|ies)|tiktok|swipe|pager|splash|intro|onboard|welcome|background|home|main|landing|login|sign_?in|auth|start|"
    r"promo|hero|preview|\bads?\b|advert|banner|launch|particle|timeline|list|grid|carousel|embed|inline|mini)",
    re.I,
)
# `PreviewMediaActivity`, `PreviewVideoFragment`, `VideoPreviewScreen`: a screen that shows one item the
# person picked or just recorded.
PREVIEW_SCREEN = re.compile(r"^Preview(Media|Video|Audio|Image)\w*(Activity|Fragment|Screen|Page|ViewController)$|"
                            r"^(Video|Media|Recording|Recorded|Capture|Captured)Preview(Activity|Fragment|Screen|Page|ViewController)$")
COMPOSER_SCREEN = re.compile(r"(upload|compose|composer|creat(e|or)|editor|trim|draft|recorder|capture|picker|selector|chooser|cropper|share(?!d)|sharing|export|publish)", re.I)
# A widget that plays as it scrolls into view (Flutter visibility_detector): a feed item.
FEED_ITEM_MARKER = re.compile(r"\b(VisibilityDetector|VisibilityInfo|visibleFraction)\b")
SCREEN_NAME = re.compile(r"(Activity|Fragment|Screen|Page|ViewController|VC|Dialog|Sheet|Route|Destination|Details?)$")
# `is PlayerEvent.PlayPause ->`, `Action.TogglePlay ->`, `UiEvent.PlayClicked ->`: a branch for the person's own event.
USER_EVENT = re.compile(r"\b(is\s+)?[\w.]*(Event|Action|Intent|Command)\.\w*(PlayPause|TogglePlay|Toggle|Click|Tap|Press|Play)\w*\b")
MEDIA_BUTTON = re.compile(r"""(ACTION\w*PLAY|KEYCODE_MEDIA_PLAY|MediaPlay\b|Key\.MediaPlay|\.play\b|remoteCommand|playCommand|(?<=case )[\'"](play|play_?pause|toggle_?play\w*)[\'"])""", re.I)
# Conditions around a play: the person's own play/pause state, or visibility in a feed.
STATE_GUARD = re.compile(
    r"\b(get|is|was|_is|_was)?_?(playing|paused|resumed?|playWhenReady|userPaused|pausedByUser|"
    r"isPlaying|wasPlaying|shouldResume|resumeOnFocus|animating|isAnimating)\b",
    re.I,
)
AUTOPLAY_FLAG = re.compile(r"\b(\w*[aA]uto_?[pP]lay\w*|autoStart|playOnInit|\w*[sS]tart_?(?:Video|Playing))\b")
MUTED = re.compile(
    r"(\bvolume\s*=\s*0(\.0)?f?\b(?!\.[1-9])|setVolume\(\s*0(\.0)?f?\s*[,)]|isMuted\s*=\s*true|"
    r"\bmuted\s*[:=]\s*true|\bmute\s*:\s*true|\.mute\(\)|volume:\s*0(\.0)?\b(?!\.\d*[1-9])|setMute\(\s*true)"
)
# What an "item ended" handler does: go on to another item, or replay the same one.
ADVANCE = re.compile(
    r"(seekToNext|seekToNextMediaItem|skipToNext|advanceToNextItem|playNext|\bnext\w*\(|\w+Next\w*\(|"
    r"nextPage\(|animateToPage\(|setCurrentItem\(|\.currentItem\s*=|smoothScrollToPosition\(|"
    r"scrollToPosition\(|scrollToItem\(|scrollToRow\(|jumpToPage\(|\b\w*(index|idx|position|"
    r"current\w*)\s*(\+\+|\+=\s*1\b|=\s*\w+\s*\+\s*1\b)|\+\+\s*\w*(index|idx|position|current)|"
    r"replaceCurrentItem\(|setMediaItem\(|setDataSource\(|setVideoURI\(|setVideoPath\(|"
    r"playVideo\(\s*\w|playItem\(\s*\w|playTrack\(\s*\w|playEpisode\(\s*\w|loadVideo\(|loadOrCueVideo\(|"
    r"\.play\(\s*(Asset|Url|DeviceFile|Bytes)Source\(|"
    r"\w*[aA]uto_?[pP]lay\w*(Countdown|Timer|Next)\w*\(|next\w*\.(performClick|callOnClick)\(|"
    r"\bnext_?(item|episode|video|track|clip|song|up|claim|media|stream)\b|"
    r"\bwidget\.on\w*(Video|Clip|Reel|Item|Media)\w*(Finished|Ended|End|Completed?)\s*\()",
    re.I,
)
REPLAY = re.compile(
    r"(seek\(\s*to:\s*(\.zero|CMTime\.zero|kCMTimeZero)|seekTo\(\s*0L?\s*\)|seek\(\s*Duration\.zero|"
    r"seekToDefaultPosition\(\s*\)|seekToTime\(\s*(cmTimeZero|kCMTimeZero|CMTimeMake\(\s*(value\s*=\s*)?0\b))"
)
PLAY_COMMAND = re.compile(r"^(play|start|resume|playPause|togglePlay\w*|onPlay|onPlayClicked|playOrPause)$", re.I)
ENDED_CONDITION = re.compile(r"(STATE_ENDED|END_OF_MEDIA_ITEM|\bENDED\b|isCompleted|ProcessingState\.completed|(Status|State)\.(completed|ended|finished)\b)")
END_REASON = "PLAY_WHEN_READY_CHANGE_REASON_END_OF_MEDIA_ITEM"
ENDED_CALL = re.compile(r"([dD]idPlayToEndTime|onPlayerComplete|setOnCompletionListener|OnCompletionListener)")
PLAY_CALL = re.compile(r"((?<![\w.])play\(\s*\)|\.play\(\s*\)|\.start\(\s*\)|playWhenReady\s*=\s*true|setPlayWhenReady\(\s*true|playImmediately\w*\()")
INIT_TYPES = frozenset({"anonymous_initializer", "init_declaration", "constructor_declaration", "secondary_constructor"})
IF_TYPES = frozenset({"if_expression", "if_statement", "guard_statement", "when_entry", "conditional_expression"})


# --------------------------------------------------------------------------------------------
# when does this code run?


# Android `@OnLifecycleEvent(Lifecycle.Event.ON_START)`: the method runs as the observing screen starts.
LIFECYCLE_EVENT = re.compile(r"@OnLifecycleEvent\(\s*(?:Lifecycle\.)?(?:Event\.)?(ON_(?:CREATE|START|RESUME))\b")


def situation(node: Node, ctx: CheckContext, depth: int = 0, screens: bool = True, needs: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(kind, where) for the code at `node`: kind is load, view, user, ended, dead (nothing in the
    project calls it) or unknown;
    `where` names the lifecycle method, effect or callback that decided it. With `screens`, code
    in a player screen or viewer counts as the answer to the tap that opened it. `needs`: parameters
    of the first named function around `node` that its callers must pass as true (a caller of
    `load(autoPlay:)` that hands on its own `autoPlay`); callers passing a literal false are left out."""
    if in_ended_hook(node):
        return "ended", "an ended hook"
    if _in_media_button_branch(node):
        return "user", "a media button"
    opened = (opened_on_tap(node) or opened_on_tap_path(ctx)) if screens else ""
    if opened and ctx.language == "dart" and _player_screen_shown_by_itself(node, opened, ctx):
        opened = ""  # named like a player screen, but the project shows it with no tap (pushed from initState)
    if opened and not _pager_page(node, ctx) and not launcher_activity(node, ctx) and not _in_launcher_layout(node, ctx) and not _in_page_change(node):
        return "user", opened  # (a swipe pager inside the opened screen still plays each next page by itself)
    focused = _focused_property_observer(node)
    if focused:
        return "view", f"didSet of {focused}"
    in_listener = False
    stored_closure = False
    for fn in enclosing_functions(node):
        if fn.type == "function_body" and fn.parent is not None and fn.parent.type in FUNCTION_TYPES:
            continue  # Kotlin/Swift: the body of a declaration, judged with the declaration
        if fn.type in INIT_TYPES:
            return "load", "init"
        if dart_constructor_class(fn):
            return constructor_creations_kind(fn, node, ctx)  # a plain Dart class: its constructor runs where it is created
        if fn.type in LAMBDA_TYPES:
            if command_table_entry(fn):
                return "unknown", ""  # `{'playorpause': () => c.playOrPause(), ...}`: runs when that command (a shortcut key) comes
            host = lambda_host(fn)
            kind = host_kind(host, fn) or labelled_callback(fn, host) or constructor_callback_kind(fn, ctx)
            if kind:
                return kind, ("a page controller's listener" if host == "addListener" and kind == "view" else host)  # (also `onGetSpeech = { ... }` handed to a composable, `new ListAdapter(ctx, pos -> ...)`: run when that object calls it)
            widget = _labelled_argument_call(fn)
            if widget and host_kind(widget, fn) == "user":
                return "user", widget  # `answerSubmitBtn(context, function: () {...})`: the app's own button
            if EVENT_HOST.match(host):
                return "unknown", host  # registered at init, runs on a later event (a media key, an interruption's end)
            stored_closure = stored_closure or _labelled_closure(fn)
            continue
        if stored_closure and fn.type == "computed_property":
            return "unknown", ""  # `static var liveValue: Client { Client(play: { ... }) }`: the getter builds the closure, a caller runs it
        name = function_name(fn)
        if not name:
            continue
        needs, passed = frozenset(), needs | gating_parameters(node, fn)  # `if autoPlay { play() }`: the first named function's own parameters
        event = LIFECYCLE_EVENT.search(text(fn).split("{", 1)[0])
        if event:
            return "load", f"{name}, an {event.group(1)} lifecycle observer"  # `@OnLifecycleEvent(ON_START) fun play()`
        if _session_transport_method(fn, name):
            return "user", f"{name} of a media session callback (a play button in the notification, on the lock screen or a headset)"
        kind = function_kind(fn, name)
        if kind == "load" and READY_FN.match(name) and _in_listener_object(fn) and depth < 3:
            registered = situation(_listener_object(fn), ctx, depth + 1, screens)
            if registered[0] in ("user", "dead"):
                return registered  # `addListener(new ...Listener() { onReady() {...} })` added on a tap: ready answers that tap
        if kind == "user" and depth < 3 and _only_named_for_a_tap(fn, name):
            called_kind, called_where = _callers_kind(fn, name, ctx, depth, screens, own_class=True, needs=passed)
            if called_kind in ("load", "view"):
                return called_kind, f"{name}, called from {called_where}"  # `_onTogglePlay()` run from onVisibilityChanged: the trigger wins
            if called_kind in ("unknown", "dead"):
                far_kind, far_where = delegate_callers_kind(fn, name, ctx)
                if far_kind == "view":
                    return far_kind, f"{name}, called from {far_where}"  # a feed cell's scroll callback calls its delegate's `handleSetUpVideoPlayer`
        if kind:
            return kind, name
        if _in_listener_object(fn):
            if _handed_back(_listener_object(fn)):
                return "unknown", ""  # `return new X.Callback() { void onResume() {...} }`: runs when whoever keeps the object calls it
            in_listener = True
            continue  # onPlaybackStateChanged(STATE_READY) etc.: judged where the listener is added
        if depth >= 3:
            return "unknown", name
        kind, where = _callers_kind(fn, name, ctx, depth, screens, needs=passed)
        if kind in ("unknown", "dead", "user"):
            far_kind, far_where = project_callers_kind(fn, name, ctx, passed, dispatched_action(node, fn))
            if far_kind in ("load", "view") or (kind != "user" and far_kind == "user"):
                return far_kind, f"{name}, called from {far_where}"
            if far_kind == "none" and named_to_guess(fn, name) and (kind == "dead" or (kind == "unknown" and not has_local_callers(fn, name, ctx))):
                return "dead", name  # nothing in the project calls it, or only functions nothing calls
        if kind == "unknown" and named_to_guess(fn, name) and is_private(fn, name) and not has_local_callers(fn, name, ctx):
            return "dead", name  # a private helper nothing in its file calls: not run at all, whatever the rest of the project holds
        if kind == "unknown" and SETUP_FN.match(name):
            return "load", f"{name}, which sets up the view"
        if kind == "unknown" and BACKGROUND_MUSIC.search(name_words(name)):
            return "load", f"{name}: background music the app starts"
        return kind, f"{name}, called from {where}" if where else name
    if in_listener:
        return "unknown", ""  # a listener method stored in a property runs when the listener fires, not at load
    if any(a.type in ("didset_clause", "willset_clause") for a in ancestors(node)):
        return "unknown", ""  # a property observer runs when someone sets the property (a toggle), not at load
    if stored_closure:
        return "unknown", ""  # `Client(play: { player.play() })`: a closure kept as a value runs when someone calls it
    if any(a.type == "property_declaration" for a in ancestors(node)) and any(a.type in CLASS_TYPES for a in ancestors(node)):
        return "load", "a property initializer"  # `private val player = createPlayer()` runs as the object is made
    field = dart_field_initializer(node)
    if field:
        return "load", f"the initializer of {field}"  # `late final _c = VideoPlayerController.asset(x)..initialize().then((_) => _c.play())`
    return "unknown", ""


def dart_field_initializer(node: Node) -> str:
    """Dart: the field of a class whose initializer holds `node` (`late final _c = ...`, `final _x =
    _startClip();`): it runs as the object is made (a State's fields as its widget is first built),
    like `initState`. "" outside one, or inside a closure kept as the field's value
    (`final onPlay = () => player.play();`), which runs when someone calls it, or for a method handed
    by name to the object the initializer makes (`Sync(play: play, pause: this.pause)`, a tear-off that
    object calls later)."""
    if _named_argument_tear_off(node):
        return ""
    for ancestor in ancestors(node):
        if ancestor.type in LAMBDA_TYPES and ancestor.parent is not None and ancestor.parent.type == "initialized_identifier":
            return ""
        if ancestor.type in FUNCTION_TYPES and ancestor.type not in LAMBDA_TYPES:
            return ""
        if ancestor.type == "initialized_identifier":
            declaration = ancestor.parent.parent if ancestor.parent is not None else None
            if declaration is None or declaration.type != "declaration" or declaration.parent is None or declaration.parent.type != "class_body":
                return ""
            name = next((c for c in ancestor.named_children if c.type == "identifier"), None)
            return text(name) if name is not None and name.id != node.id else ""
    return ""


def _named_argument_tear_off(node: Node) -> bool:
    """Dart: `node` is the whole value of a named argument, unhandled (`play: play`, `play: this.play`)."""
    value = node
    if node.parent is not None and node.parent.type == "unconditional_assignable_selector":
        value = node.parent.parent  # `this.play`: (this) (selector (unconditional_assignable_selector (identifier)))
        if value is None or value.prev_named_sibling is None or value.prev_named_sibling.type != "this":
            return False
    holder = value.parent if value is not None else None
    if holder is None or holder.type != "named_argument":
        return False
    values = [c for c in holder.named_children if c.type != "label"]
    return bool(values) and values[-1].id == value.id and (value.id == node.id or len(values) == 2)


PAGE_CHANGE_FN = re.compile(r"^_?on(Page(Changed|Selected|Settled)|PageChange|CurrentPageChanged)$")


def _in_page_change(node: Node) -> bool:
    """Inside a pager's page-change handler (`_onPageChanged(index)`, `onPageSelected(position)`, a
    closure under `onPageChanged:`): it runs on each swipe to the next page."""
    for fn in enclosing_functions(node):
        name = function_name(fn)
        if name and PAGE_CHANGE_FN.match(name):
            return True
        if fn.type in LAMBDA_TYPES and PAGE_CHANGE_FN.match(lambda_host(fn) or ""):
            return True
    return False


def _focused_property_observer(node: Node) -> str:
    """Swift `var focusedVideo: Player? { didSet { focusedVideo?.play() } }`: the property that names
    the item in view of a feed (focused, current, active, visible), or ""."""
    clause = next((a for a in ancestors(node) if a.type in ("didset_clause", "willset_clause")), None)
    if clause is None:
        return ""
    declaration = next((a for a in ancestors(clause) if a.type == "property_declaration"), None)
    pattern = next((c for c in declaration.named_children if c.type == "pattern"), None) if declaration is not None else None
    name = text(pattern)
    if re.search(r"(focus|current|active|visible|on_?screen|in_?view)", name, re.I):
        return name
    # `var video: Clip! { didSet { player.replaceCurrentItem(...); player.play() } }` in a collection or
    # table cell: the data source sets it as the cell comes into view (`cellForItemAt`)
    cell = next((a for a in ancestors(declaration) if a.type in CLASS_TYPES), None) if declaration is not None else None
    return name if cell is not None and re.search(r":\s*(UICollectionViewCell|UITableViewCell)\b", class_head(cell)) else ""


def in_ended_hook(node: Node) -> bool:
    """Inside `Player.STATE_ENDED -> ...`, `if (state == STATE_ENDED)`, `if (value.isCompleted)`,
    or in the arguments of an observer of the item's end (a closure or a `#selector`)."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES and function_name(ancestor):
            return False
        if ancestor.type in CALL_NODE_TYPES and ENDED_CALL.search(_call_text_outside_receiver(ancestor, node)):
            return True
        if ancestor.type in IF_TYPES or ancestor.type in ("switch_block_statement_group", "switch_rule"):
            if ENDED_CONDITION.search(_condition_text(ancestor, node) if ancestor.type in IF_TYPES else text(ancestor.named_children[0])):
                return True
    return False


def _in_media_button_branch(node: Node) -> bool:
    """`PIP_ACTION_PLAY -> player.play()`, `KeyEvent.KEYCODE_MEDIA_PLAY ->`: a play button in a
    notification, a picture-in-picture window or on a remote."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES and function_name(ancestor):
            return False
        if ancestor.type in ("when_entry", "switch_block_statement_group", "switch_rule", "switch_entry", "switch_statement_case"):
            condition = text(ancestor.named_children[0]) if ancestor.named_child_count else ""
            arrow = next((c for c in ancestor.children if c.type == "->"), None) if ancestor.type == "when_entry" else None
            if arrow is not None:  # Kotlin: what comes before `->` (nothing but `else` in an else entry, not its body)
                condition = (ancestor.text or b"")[: arrow.start_byte - ancestor.start_byte].decode("utf-8", "replace")
            if ancestor.type == "switch_statement_case":  # Dart `case SMTCEvent.play: player.play();`
                condition = text(ancestor).split(":", 1)[0]
            if MEDIA_BUTTON.search(condition) or USER_EVENT.search(condition):
                return True
    return False


def opened_on_tap(node: Node) -> str:
    """The name of an enclosing full-screen viewer, modal or sheet, or of a player screen (opened
    by a tap on the item, so playing there answers that tap), or ""."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES or ancestor.type in CLASS_TYPES:
            name = function_name(ancestor) if ancestor.type in FUNCTION_TYPES else class_name(ancestor)
            if name and (OPENED_ON_TAP.search(name) or _is_player_screen(ancestor, name) or (ancestor.type in CLASS_TYPES and COMPOSER_CLASS.search(name))):
                return name
    return ""


# Where a swipe feed creates its pages: Android pager adapters, Flutter PageView builders.
PAGER_FACTORY_FN = re.compile(r"^(createFragment|getItem|instantiateItem)$")
PAGER_HOST = re.compile(r"(Pager\w*Adapter|PageAdapter|StateAdapter|^PageView\b|^PreloadPageView\b|ViewPager)")


def _pager_page(node: Node, ctx: CheckContext) -> str:
    """A screen class (`VideoFragment`, `VideoPage`) whose instances the project creates as the
    pages of a swipe feed (`createFragment(position) = VideoFragment.newInstance(urls[position])`,
    `PageView.builder(itemBuilder: ... VideoPage(...))`): it is a feed page that becomes visible by
    a swipe, not a screen opened by a tap, whatever its name. Returns the evidence or ""."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = re.sub(r"^_|State$", "", class_name(outer)) if outer is not None else ""
    if not name or project_index.too_common(name):
        return ""
    key = ("autoplay_mobile.pager_page", name)
    if key not in ctx.memo:
        index = project_index.for_context(ctx)
        own = str(ctx.path.resolve())
        ctx.memo[key] = next((
            site.where() for site in [*index.references(name), *index.calls(name)]
            if site.path != own and (
                any(PAGER_FACTORY_FN.match(fn) for fn in site.functions)
                or PAGER_HOST.search(site.owner)
                or any(kind in ("call", "label") and PAGER_HOST.search(value) for kind, value in site.context))
        ), "")
    return ctx.memo[key]


def launcher_activity(node: Node, ctx: CheckContext) -> bool:
    """The Android activity the app opens on (its AndroidManifest.xml gives it the LAUNCHER
    category), or the Flutter widget that is the `home:` of the app's `MaterialApp` / `CupertinoApp`
    / `GetMaterialApp`: nobody tapped to open it, whatever its name (`FullScreenVideoActivity`,
    `VideoViewer`)."""
    if ctx.language == "dart":
        return _flutter_app_home(node, ctx)
    if ctx.language not in ("kotlin", "java"):
        return False
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = class_name(outer) if outer is not None else ""
    return bool(name) and name in _launcher_names(ctx)


FLUTTER_APP = re.compile(rb"\b(MaterialApp|CupertinoApp|GetMaterialApp|WidgetsApp)\b")


def _flutter_app_home(node: Node, ctx: CheckContext) -> bool:
    """The widget around `node` (a `_VideoViewerState` stands for `VideoViewer`) is built as the
    `home:` of the app widget in some file of the project (`MaterialApp(home: const VideoViewer())`)."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = re.sub(r"^_|State$", "", class_name(outer)) if outer is not None else ""
    if not name or project_index.too_common(name):
        return False
    key = ("autoplay_mobile.app_home", name)
    if key not in ctx.memo:
        home = re.compile(rb"\bhome\s*:\s*(?:const\s+|new\s+)?" + re.escape(name.encode()) + rb"\s*[(<.]")
        try:
            files = project_index.for_context(ctx).files()
        except Exception:  # no project around the file
            files = {}
        files = files or {str(ctx.path): ctx.data}
        ctx.memo[key] = any(FLUTTER_APP.search(data) and home.search(data) for data in files.values() if name.encode() in data)
    return ctx.memo[key]


LAUNCHER_ACTIVITY = re.compile(r"<activity\b[^>]*android:name\s*=\s*\"(?:[\w.]*\.)?(\w+)\"[^>]*(?<!/)>(?:(?!</activity>|<activity\b).)*?category\.LAUNCHER\b", re.S)


def _launcher_names(ctx: CheckContext) -> set[str]:
    """The class names of the activities the manifest gives the LAUNCHER category (comments left out)."""
    key = "autoplay_mobile.launchers"
    if key not in ctx.memo:
        ctx.memo[key] = set(LAUNCHER_ACTIVITY.findall(strip_comments_xml(_android_manifest(ctx))))
    return ctx.memo[key]


ACTIVITY_ENTRY = re.compile(r"<activity\b[^>]*android:name\s*=\s*\"(?:[\w.]*\.)?(\w+)\"[^>]*(?<!/)>((?:(?!</activity>|<activity\b).)*)", re.S)
MEDIA_VIEW_FILTER = re.compile(r"<intent-filter\b(?:(?!</intent-filter>).)*?(?:action\.VIEW\b(?:(?!</intent-filter>).)*?android:mimeType\s*=\s*\"(?:audio|video)/"
                               r"|android:mimeType\s*=\s*\"(?:audio|video)/(?:(?!</intent-filter>).)*?action\.VIEW\b)", re.S)
INTENT_DATA = re.compile(r"\b(?:intent|getIntent\(\))\s*[?!]*\.\s*(?:(?:data|dataString)\b|getData\(\)|getDataString\(\))")


def _media_viewer_names(ctx: CheckContext) -> set[str]:
    """The activities the manifest registers to open an audio or video file from another app: an
    `ACTION_VIEW` intent filter with an `audio/*` or `video/*` `mimeType` ("open with")."""
    key = "autoplay_mobile.media_viewers"
    if key not in ctx.memo:
        entries = ACTIVITY_ENTRY.findall(strip_comments_xml(_android_manifest(ctx)))
        ctx.memo[key] = {name for name, body in entries if MEDIA_VIEW_FILTER.search(body)}
    return ctx.memo[key]


def plays_opened_file(node: Node, ctx: CheckContext) -> bool:
    """Android: the play at `node` is in an activity the manifest registers to view audio or video
    files, in a function that reads the file it was handed (`intent.data`, `intent?.data`,
    `getIntent().getData()`): the person chose that file in another app and opened it here."""
    if ctx.language not in ("kotlin", "java"):
        return False
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    fn = enclosing_named_function(node)
    if outer is None or fn is None or class_name(outer) not in _media_viewer_names(ctx):
        return False
    return INTENT_DATA.search(text(fn)) is not None


def _in_launcher_layout(node: Node, ctx: CheckContext) -> bool:
    """An Android fragment the launcher activity shows from its start (`<fragment android:name=
    "...PlaybackFragment">` / `<FragmentContainerView android:name=...>` in a layout the launcher
    sets as its content, or `add(..., PlaybackFragment())` in the launcher's own file): nobody tapped
    to open it, whatever its name."""
    if ctx.language not in ("kotlin", "java"):
        return False
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = class_name(outer) if outer is not None else ""
    manifest = _android_manifest(ctx)
    if not name or not manifest or not re.search(r"\bFragment\b", class_head(outer)):
        return False
    key = ("autoplay_mobile.launcher_layout", name)
    if key in ctx.memo:
        return ctx.memo[key]
    ctx.memo[key] = False
    launchers = sorted(_launcher_names(ctx))
    folder = next((f for f in list(ctx.path.resolve().parents)[:12] if (f / "AndroidManifest.xml").is_file()), None)
    if not launchers or folder is None:
        return False
    embeds = re.compile(rf"android:name\s*=\s*\"(?:[\w.]*\.)?{re.escape(name)}\"|\bclass\s*=\s*\"(?:[\w.]*\.)?{re.escape(name)}\"")
    layouts = [p.stem for p in sorted((folder / "res").glob("layout*/*.xml"))[:400] if embeds.search(p.read_text("utf-8", "replace"))]
    added = re.compile(rf"\b(add|replace)\s*\([^;\n]*\b{re.escape(name)}\s*(\(|\.new\w*\(|\.create\w*\()")
    files = project_index.for_context(ctx).files()  # the project's Kotlin/Java sources, read once per scan
    for path in sorted(p for p in files if Path(p).stem in launchers)[:4]:
        code = files[path].decode("utf-8", "replace")
        if any(re.search(rf"\bR\.layout\.{re.escape(layout)}\b|\b{_binding_name(layout)}\b", code) for layout in layouts) or added.search(code):
            ctx.memo[key] = True
            break
    return ctx.memo[key]


def _binding_name(layout: str) -> str:
    """`main_activity_handheld` -> `MainActivityHandheldBinding` (view binding's class for the layout)."""
    return "".join(part.capitalize() for part in layout.split("_") if part) + "Binding"


def strip_comments_xml(source: str) -> str:
    return re.sub(r"<!--.*?-->", "", source, flags=re.S)


def _android_manifest(ctx: CheckContext) -> str:
    """The text of the AndroidManifest.xml of the source set holding this file (`src/main/`), or ""."""
    key = "autoplay_mobile.manifest"
    if key not in ctx.memo:
        ctx.memo[key] = ""
        for folder in list(ctx.path.resolve().parents)[:12]:
            candidate = folder / "AndroidManifest.xml"
            if candidate.is_file():
                try:
                    ctx.memo[key] = candidate.read_text("utf-8", "replace")
                except OSError:
                    pass
                break
    return ctx.memo[key]


# A bundled file named for a backdrop (`forResource: "bgvideo"`, `R.raw.background_loop`).
BUNDLED_BACKGROUND = re.compile(r"""(forResource:\s*"|R\.raw\.|Asset\w*\(\s*['"]|['"/]assets/)([\w\-]*/)*(bg|background|backdrop)(video|vid|loop|movie|clip|music|sound|audio|m)?(?![a-z])""", re.I)


def _is_player_screen(node: Node, name: str) -> bool:
    """`VideoPlayerActivity`, `ViewVideoFragment`, `class ExoplayerView : AppCompatActivity`,
    `PlayerViewController`, `@Composable fun PlayerScreen`, Dart `_WatchPageState`: a screen the
    person opens to watch (or to post) the media it plays. Not a feed, splash or intro screen."""
    short = re.sub(r"^_|State$", "", name)
    if _first_screen(short, node):
        return False  # the app's first screen (`home: VideoPlayerScreen()`): nobody tapped to open it
    if PREVIEW_SCREEN.search(short):
        return True
    if COMPOSER_SCREEN.search(short) and (SCREEN_NAME.search(short) or node.type in CLASS_TYPES):
        return True  # `StoryCreatorScreen`, `ReelEditorActivity`: previews the person's own media
    if not PLAYER_SCREEN.search(short) or NOT_PLAYER_SCREEN.search(short):
        return False
    if FEED_ITEM_MARKER.search(text(node)):
        return False  # plays as it becomes visible: an item of a feed, whatever its name
    if BUNDLED_BACKGROUND.search(text(node)):
        return False  # `forResource: "bgvideo"`: a backdrop the screen plays by itself, not media someone picked
    if SCREEN_NAME.search(short):
        return True
    if node.type == "class_definition" and short.endswith("View"):
        return True  # Dart `AnimePlayerView`, `PlayerView`: a route widget; inline players are `*Widget` / `*Item`
    return node.type in CLASS_TYPES and bool(SCREEN_BASE.search(class_head(node)))


def _player_screen_shown_by_itself(node: Node, opened: str, ctx: CheckContext) -> bool:
    """A screen taken for opened-on-tap only by its player name (`VideoPlayerScreen`) that the project
    creates as a screen loads or as a feed shows it (a countdown clip pushed from a quiz's `initState`):
    how it is opened decides, not its name. With no creation found, or undecided ones, the name stands."""
    cls = next((a for a in ancestors(node) if a.type in CLASS_TYPES and class_name(a) == opened), None)
    if cls is None or OPENED_ON_TAP.search(opened) or COMPOSER_CLASS.search(opened) or not _is_player_screen(cls, opened):
        return False
    screen = re.sub(r"^_|State$", "", opened)
    index = project_index.for_context(ctx)
    return any(site_kind(site, index) in ("load", "view") for site in openers_of(screen, ctx))


def _first_screen(name: str, node: Node) -> bool:
    """Flutter `MaterialApp(home: VideoPlayerScreen())` in the same file: the screen the app opens on."""
    root = node
    while root.parent is not None:
        root = root.parent
    return bool(name) and re.search(rb"\bhome:\s*(const\s+)?" + re.escape(name.encode()) + rb"\s*\(", root.text or b"") is not None


def opened_on_tap_path(ctx: CheckContext) -> str:
    """A file under a viewer / modal folder (`pages/image_viewer/video_player.dart`), or under a
    folder for picking or making media (`mediapicker/`, `UploadMedia/`, `VideoCropperVC/`): its
    previews answer the person's own pick."""
    folder = next((f for f in _project_folders(ctx) if OPENED_ON_TAP.search(f) or COMPOSER_FOLDER.search(f)), "")
    return folder or _compose_screen_file(ctx)


def _project_folders(ctx: CheckContext) -> list[str]:
    """The folders of the file inside its project (found by its markers: a scanner-pinned fixture
    folder would hide them). Where the repository was cloned (`~/src/video-uploader/`,
    `compose-samples/`) says nothing about this screen."""
    path = Path(ctx.path).resolve()
    try:
        relative = path.relative_to(project_index.project_root(path, ctx.language))
    except ValueError:
        relative = Path(ctx.path)
    return relative.as_posix().split("/")[:-1]


def _compose_screen_file(ctx: CheckContext) -> str:
    """Jetpack Compose: a file named for a player screen that declares that screen composable
    (`PlayerScreen.kt` with `fun PlayerScreen(`): its private helper composables (`Player`,
    `rememberPlayer`) belong to the screen the person opened to watch."""
    stem = Path(ctx.path).stem
    if ctx.language != "kotlin" or not SCREEN_NAME.search(stem) or not PLAYER_SCREEN.search(stem) or NOT_PLAYER_SCREEN.search(stem):
        return ""
    return stem if re.search(rb"@Composable\s+(?:\w+\s+)*fun\s+" + re.escape(stem.encode()) + rb"\s*\(", ctx.data) else ""


def _call_text_outside_receiver(call: Node, inner: Node) -> str:
    """The text of a call, or "" when `inner` sits in the object the call is made on (in
    `player.onAppear { play() }.onReceive(ended) { }` the first closure is not the observer's)."""
    if call.type == "expression_statement":  # Dart: the chain up to `inner`
        return text(call)[: inner.start_byte - call.start_byte]
    callee = call.child_by_field_name("object") or (call.named_children[0] if call.named_child_count else None)
    if callee is not None and callee.type == "navigation_expression" and callee.named_child_count:
        callee = callee.named_children[0]
    if callee is not None and callee.start_byte <= inner.start_byte < callee.end_byte:
        return ""
    # the call's own closure that holds `inner` (the outermost one inside the call): what it holds is
    # not the call's business. `.onAppear { play(); addObserver(forName: ended) {...} }`: the ended
    # name is a sibling's; `Group { if a { ...observer... } else if b { play() } }`: another branch's.
    closures = [a for a in ancestors(inner) if a.type in LAMBDA_TYPES and call.start_byte <= a.start_byte and a.end_byte <= call.end_byte]
    closure = closures[-1] if closures else None
    if closure is not None:
        whole = text(call)
        return whole[: closure.start_byte - call.start_byte] + whole[closure.end_byte - call.start_byte:]
    return text(call)


def _labelled_argument_call(fn: Node) -> str:
    """The call a lambda is a labelled argument of (`submitButton(label: ..., function: () {})`):
    its name says what runs the lambda when the label does not."""
    parent = fn.parent
    while parent is not None and parent.type in ("parenthesized_expression", "function_expression_body"):
        parent = parent.parent
    if parent is None or parent.type not in ("named_argument", "value_argument"):
        return ""
    arguments = parent.parent
    if arguments is None or arguments.type not in ("arguments", "value_arguments", "argument_list"):
        return ""
    owner = arguments.parent
    if owner is not None and owner.type == "call_suffix":
        owner = owner.parent
    call = as_call(owner) if owner is not None else None
    return call.name if call is not None else ""


def _labelled_closure(fn: Node) -> bool:
    """A closure handed to a call under a label (Swift `play: { ... }`, Kotlin `onPlay = { ... }`,
    Dart `onPlay: () {...}`): the call keeps it as a value (a dependency client's endpoints), so it
    runs when someone calls it, not when the enclosing property is made."""
    parent = fn.parent
    while parent is not None and parent.type in ("parenthesized_expression", "function_expression_body"):
        parent = parent.parent
    if parent is None:
        return False
    if parent.type == "named_argument":
        return True
    return parent.type == "value_argument" and parent.named_child_count > 1 and parent.named_children[-1] == fn


def _only_named_for_a_tap(fn: Node, name: str) -> bool:
    """A function of the app's own that only its name ties to a tap (`_onTogglePlay`, `handlePlayPause`):
    no framework callback (`override`, an annotation such as `@IBAction`) and no layout click signature."""
    head = signature_text(fn)
    return bool(USER_FN.search(name.lstrip("_"))) and not re.search(r"@|\boverride\b", head) and not layout_on_click(fn, head)


def _in_listener_object(fn: Node) -> bool:
    """A method of an anonymous listener object (`object : Player.Listener {}` in Kotlin,
    `new MediaPlayer.OnPreparedListener() {}` in Java)."""
    return _listener_object(fn) is not None


def _listener_object(fn: Node) -> Node | None:
    owner = fn.parent if fn.type == "function_body" else fn
    body = owner.parent if owner is not None else None
    holder = body.parent if body is not None else None
    return holder if holder is not None and holder.type in ("object_literal", "object_creation_expression") else None


# Android media sessions (MediaSessionCompat.Callback, framework MediaSession.Callback, Media3
# MediaSession / MediaLibrarySession.Callback): their transport methods run when a controller sends a
# command (the notification's or lock screen's play button, a headset, a car, a watch).
SESSION_CALLBACK_HEAD = re.compile(r"\b(MediaSessionCompat|MediaSession|MediaLibrarySession|MediaLibraryService\.MediaLibrarySession)\.Callback\b")
TRANSPORT_METHOD = re.compile(r"^on(Play|PlayFrom\w+|Prepare|PrepareFrom\w+|SkipTo\w+|FastForward|Rewind|SeekTo|MediaButtonEvent|CustomAction|Command|CustomCommand|"
                              r"SetMediaItems|AddMediaItems|PlaybackResumption|SetPlaybackSpeed|SetRepeatMode|SetShuffleMode)$")


def _session_transport_method(fn: Node, name: str) -> bool:
    """`onPlay`, `onSkipToNext`, `onPlayFromMediaId` of a media session callback (anonymous,
    `object :`, or a class extending one): the person's press of play somewhere outside the app."""
    if not TRANSPORT_METHOD.match(name):
        return False
    holder = _listener_object(fn)
    if holder is None:
        holder = next((a for a in ancestors(fn) if a.type in CLASS_TYPES), None)
    return holder is not None and bool(SESSION_CALLBACK_HEAD.search(class_head(holder)))


def _handed_back(holder: Node | None) -> bool:
    """An anonymous object a function returns (`return new X() {...}`, Kotlin `fun f() = object : X {...}`,
    `return object : X {...}`): the function only makes it, so its methods are not part of that
    function's flow (unlike one handed straight to `post(...)` or `addListener(...)`)."""
    parent = holder.parent if holder is not None else None
    while parent is not None and parent.type in ("parenthesized_expression", "cast_expression", "as_expression"):
        parent = parent.parent
    if parent is None:
        return False
    if parent.type == "return_statement":
        return True
    if parent.type == "jump_expression":
        return text(parent).startswith("return")
    return parent.type == "function_body" and any(c.type == "=" for c in parent.children)


def _callers_kind(fn: Node, name: str, ctx: CheckContext, depth: int, screens: bool = True, own_class: bool = False, needs: frozenset[str] = frozenset()) -> tuple[str, str]:
    """How the places that call or reference `name` in this file run (load wins over user); with
    `own_class`, only the places in the class that defines it. A call that passes a literal false
    for a parameter in `needs` does not run the code judged (see `passed_on`)."""
    found: dict[str, str] = {}
    owner = owner_of(fn) if own_class else ""
    for ref in identifier_references(name, ctx):
        if fn.start_byte <= ref.start_byte < fn.end_byte and inside_own_body(ref, fn):
            continue  # recursion
        if own_class and owner_of(ref) != owner:
            continue
        if is_declaration_name(ref) or _is_player_api_call(ref) or _is_argument_label(ref) or _call_on_member(ref, fn):
            continue
        if _names_another_value(ref, ctx):
            continue
        host = _reference_host(ref)
        if host and USER_HOST.search(host):
            found.setdefault("user", host)
            continue
        if on_return_to_app(ref):
            continue  # `addObserver(self, selector: #selector(play), name: willEnterForegroundNotification)`: a resume
        if any(a.type == "selector_expression" for a in ancestors(ref)) and _app_notification_observer(ref):
            continue  # `addObserver(self, selector: #selector(update), name: .audioStatusChanged)`: runs when posted
        if guard(ref, ctx) in ("state", "flag-off"):
            continue  # `if (status == Status.Playing) seekAndPlay()`: the caller puts back the person's own playback (or follows an opt-in setting)
        if focus_regained(ref, "", FOCUS_CHANGE):
            continue  # `case AUDIOFOCUS_GAIN: play();`: audio focus coming back resumes what was playing
        handed = passed_on(ref, name, fn, needs)
        if handed is None:
            continue  # `load(video, autoPlay: false)`: this call does not play
        kind, where = situation(ref, ctx, depth + 1, screens, handed)
        found.setdefault(kind, where)
    for kind in ("load", "view", "ended", "user"):
        if kind in found:
            return kind, found[kind]
    if found and set(found) == {"dead"}:
        return "dead", ""  # called only from functions that nothing in the project calls
    return "unknown", ""


AUDIO_FOCUS = re.compile(r"(audio_?focus|focus_?(gain|change|regain))", re.I)
FOCUS_CHANGE = re.compile(r"focus_?(gain|change|regain)", re.I)  # the callback itself, not `requestAudioFocusAndPlay()`
FOCUS_GAIN = re.compile(r"\b(AUDIOFOCUS_GAIN|FOCUS_GAINED?|focusGained|FocusGain)\b")


def focus_regained(node: Node, where: str, names: re.Pattern[str] = AUDIO_FOCUS) -> bool:
    """The play answers audio focus coming back (`onAudioFocusChange`, an `AUDIOFOCUS_GAIN`
    branch, a collector of the focus state): focus is asked for when the person starts playback,
    so this only resumes what a call or another app interrupted. `names`: what the enclosing
    functions and callbacks must be named."""
    if names.search(where):
        return True
    for fn in enclosing_functions(node):
        name = lambda_host(fn) if fn.type in LAMBDA_TYPES else function_name(fn)
        if names.search(name or ""):
            return True
    branch = next((a for a in ancestors(node) if a.type in IF_BRANCH_TYPES), None)
    return branch is not None and FOCUS_GAIN.search(text(branch)[: max(0, node.start_byte - branch.start_byte)]) is not None


IF_BRANCH_TYPES = frozenset({"if_expression", "if_statement", "when_entry", "switch_block_statement_group", "switch_rule", "switch_entry"})


def gating_parameters(node: Node, fn: Node) -> frozenset[str]:
    """Parameters of `fn` that must be true for the code at `node` to run: each one a whole term of
    the condition of an `if` around it, alone or joined by `&&` (Swift `,`), not negated:
    `func load(_ item: Item, autoPlay: Bool) { ... if autoPlay { player.play() } }`."""
    params = parameter_labels(fn)
    found: set[str] = set()
    for ancestor in ancestors(node):
        if ancestor.id == fn.id:
            break
        if ancestor.type not in IF_TYPES:
            continue
        condition = _condition_text(ancestor, node)
        if not condition or "||" in condition:
            continue
        for term in re.split(r"&&|,", condition):
            term = term.strip(" \t\n()")
            if any(term in labels for labels in params):
                found.add(term)
    return frozenset(found)


def _names_another_value(ref: Node, ctx: CheckContext) -> bool:
    """Swift: a stored property or a parameter of the same name (`var play: () async -> Void`,
    `init(play: ...)`), or a bare use of such a parameter (`self._play = play`): another value,
    not the method."""
    parent = ref.parent
    if parent is None:
        return False
    if parent.type == "parameter" or (parent.type == "pattern" and parent.parent is not None and parent.parent.type == "property_declaration"):
        return True
    if parent.type in ("call_expression", "navigation_expression", "navigation_suffix") or ctx.language != "swift":
        return False
    name = text(ref)
    for scope in enclosing_functions(ref):
        for child in scope.named_children:
            if child.type == "parameter" and any(c.type == "simple_identifier" and text(c) == name for c in child.named_children):
                return True
    return False


def _app_notification_observer(ref: Node) -> bool:
    """A `#selector` handed to `NotificationCenter.addObserver` for the app's own notification:
    registered at load, it runs when something posts that notification (not the player's item
    becoming ready or ending, which are judged as such)."""
    call = next((as_call(a) for a in ancestors(ref) if as_call(a) is not None and as_call(a).name == "addObserver"), None)
    return call is not None and not re.search(r"(AVPlayer|DidPlayToEnd|didPlayToEnd|Ready|status|FailedToPlay)", text(call.node))


def _is_argument_label(ref: Node) -> bool:
    """`play` in Dart `open(media, play: playing)` or Kotlin `load(play = true)`: a label, not a reference."""
    parent = ref.parent
    if parent is None:
        return False
    if parent.type in ("label", "value_argument_label"):
        return True
    return parent.type == "value_argument" and parent.named_child_count > 1 and parent.named_children[0].id == ref.id


def _reference_host(ref: Node) -> str:
    """The label or call a function is handed to by name: Dart `onTap: continuePlay`, Kotlin
    `setOnClickListener(::onPlay)`, Swift `addTarget(self, action: #selector(play), for: ...)`."""
    node = ref
    while node.parent is not None and node.parent.type in ("callable_reference", "method_reference", "selector_expression", "argument", "conditional_expression", "ternary_expression"):
        node = node.parent
    parent = node.parent
    if parent is None:
        return ""
    if parent.type == "named_argument" and parent.named_child_count > 1:
        return text(parent.named_children[0]).rstrip(":").strip()
    if parent.type == "value_argument":
        if parent.named_child_count > 1:
            return text(parent.named_children[0])
        parent = parent.parent
    if parent is not None and parent.type in ("value_arguments", "argument_list", "arguments") and parent.parent is not None:
        owner = parent.parent.parent if parent.parent.type == "call_suffix" else parent.parent
        call = as_call(owner) if owner is not None else None
        return call.name if call is not None else ""
    return ""


def inside_own_body(ref: Node, fn: Node) -> bool:
    return any(a.id == fn.id for a in ancestors(ref))


def _is_player_api_call(ref: Node) -> bool:
    """`player?.play()` inside a wrapper's own `func play()` calls the player, not the wrapper."""
    receiver = _member_receiver(ref)
    return receiver is not None and _names_player(receiver)


def _member_receiver(ref: Node) -> str | None:
    """The object before `.name` when `ref` is a member name (`_player!.play` -> `_player`), else None."""
    receiver = dart_member_receiver(ref)
    if receiver is not None:
        return receiver
    parent = ref.parent
    while parent is not None and parent.type in ("navigation_suffix", "unconditional_assignable_selector", "selector"):
        parent = parent.parent
    if parent is None or parent.type not in ("navigation_expression", "method_invocation", "expression_statement"):
        return None
    return text(parent)[: ref.start_byte - parent.start_byte].rstrip("?!. \t\n")


def _call_on_member(ref: Node, fn: Node) -> bool:
    """Inside the class that defines `fn`, `_videoPlayerController!.play()` calls the same-named method
    of an object the class holds (a wrapper's `play()` handing on to its player), not `fn` itself,
    which the class would call bare or on `this`."""
    owner = owner_of(fn)
    receiver = _member_receiver(ref)
    # `self`, and its aliases in closures (`strongSelf`, `weakSelf`, Kotlin `this@Player`)
    if not owner or not receiver or re.fullmatch(r"(this|super|Self|\w*[sS]elf\w*|this@\w+|" + re.escape(owner) + r")", receiver):
        return False
    if owner_of(ref) == owner:
        return True
    # elsewhere, a receiver the file declares with another type (`VideoPlayerController? _inner;`)
    if not re.fullmatch(r"_?[A-Za-z]\w*", receiver):
        return False
    source = _file_text(ref)
    types = set(re.findall(rf"\b([A-Z]\w*)(?:<[^>;]*>)?\??\s+{re.escape(receiver)}\s*[;=]", source))
    return bool(types) and owner not in types


def _file_text(node: Node) -> str:
    root = node
    while root.parent is not None:
        root = root.parent
    return text(root)


def _names_player(receiver: str) -> bool:
    """A receiver named for a player (`_bgmPlayer`, `videoController`), not for the app's own object
    (`this`, a view model, a service) that could hold a same-named method."""
    return bool(receiver) and not re.fullmatch(r"(self|this|super|_?viewModel|vm|model|\w*(state|service|manager|helper|controller)\w*)\??", receiver, re.I) and bool(PLAYER_RECEIVER.search(receiver))


def dart_member_receiver(ref: Node) -> str | None:
    """Dart `_bgmPlayer.play()` (also under `await`, in an assignment): the object before
    `.play`, read from the siblings before its selector; None when `ref` is not a Dart member name."""
    selector = ref.parent.parent if ref.parent is not None and ref.parent.type in ("unconditional_assignable_selector", "conditional_assignable_selector") else None
    if selector is None or selector.type != "selector":
        return None
    parts = []
    sibling = selector.prev_named_sibling
    while sibling is not None and sibling.type in ("identifier", "selector", "this", "super"):
        parts.insert(0, text(sibling))
        sibling = sibling.prev_named_sibling
    return "".join(parts).rstrip("?!. ")


# --------------------------------------------------------------------------------------------
# conditions around the match


def guard(node: Node, ctx: CheckContext) -> str | None:
    """'state' when the code runs only under the person's own play/pause state, 'view' under a
    visibility test, 'flag-on' / 'flag-off' under an autoplay flag (off when it defaults to false).
    A method of an anonymous listener object also runs under the conditions around the object's
    creation: `if (prefs.getBoolean(key, false)) { register(object : AudioDeviceCallback() {...}) }`
    registers the callback only once the person turned the setting on."""
    functions = iter(enclosing_functions(node))
    stop = next(functions, None)
    while stop is not None and _listener_object(stop) is not None:
        stop = next(functions, None)
    for ancestor in ancestors(node):
        if stop is not None and ancestor.id == stop.id:
            break
        if ancestor.type not in IF_TYPES:
            continue
        condition = _condition_text(ancestor, node)
        if not condition:
            continue
        if RESTORE_GUARD.search(condition):
            return "state"  # `if (wasPlaying && isCurrentReel)`: restoring what played before, whatever else is tested
        if never_set_flag(condition, ctx):
            return "flag-off"  # `if (hasVideo)` with `bool hasVideo = false` that nothing sets: the branch never runs
        flag = AUTOPLAY_FLAG.search(condition)
        if flag and _autoplay_holder_behind_off_setting(condition, flag.group(1), ctx):
            return "flag-off"  # `holder instanceof VideoAutoplayViewHolder` in an adapter whose autoplay list setting defaults to never
        if flag:
            return "flag-off" if flag_defaults_off(flag.group(1), ctx) else "flag-on"
        if _opt_in_preference(condition, ctx):
            return "flag-off"  # `if (musicOn)` read from a preference that is off unless the person turns it on
        if VIEW_GUARD.search(condition):
            return "view"
        if STATE_GUARD.search(condition) and not _only_not_playing(condition):
            if _flipped_from_off(condition, ancestor, ctx):
                continue  # `_playing = !_playing; if (_playing) play()` with `_playing = false`: the first call starts it
            if _state_starts_playing(condition, ancestor, ctx):
                return "flag-on"  # `final isPlaying = useState(true)`: the guard lets the first run play
            return "state"
    return None


def _autoplay_holder_behind_off_setting(condition: str, name: str, ctx: CheckContext) -> bool:
    """Java / Kotlin: the branch is for the feed's autoplay view holder (`holder instanceof
    PostVideoAutoplayViewHolder`, `is AutoplayHolder`), and the file reads the autoplay list setting that
    picks that holder with an off default (`getString(VIDEO_AUTOPLAY, VIDEO_AUTOPLAY_VALUE_NEVER)`, `"0"`), in
    the class around it: the holder is used only once the person turned autoplay on."""
    if ctx.language not in ("java", "kotlin") or not name[:1].isupper():
        return False
    if not re.search(rf"(\binstanceof|\bis)\s+([\w.]+\.)?{re.escape(name)}\b", condition):
        return False
    outer = next((a for a in reversed(list(ancestors(ctx.node))) if a.type in CLASS_TYPES), None)
    return list_preference_read_off(text(outer) if outer is not None else ctx.data.decode("utf-8", "replace"), r"(?i)auto_?play")


def _state_starts_playing(condition: str, branch: Node, ctx: CheckContext) -> bool:
    """Dart: the app's own play/pause state tested by the guard starts as playing, so the guarded start
    runs before any tap: `final isPlaying = useState(true)`, `bool _isPlaying = true`, or
    `isPlaying ??= settings.autoPlayVideo` filled from a setting that is on by default (declared
    `= true` in the project, or an autoplay setting that does not default to false)."""
    if ctx.language != "dart":
        return False
    holder = next((a for a in ancestors(branch) if a.type == "class_definition"), None)
    source = strip_comments(text(holder) if holder is not None else ctx.data.decode("utf-8", "replace"))
    for found in STATE_GUARD.finditer(condition):
        if found.start() > 0 and condition[found.start() - 1] in ".!":
            continue  # `controller.value.isPlaying` is the player's own state; `!isPlaying` waits
        flag = re.escape(found.group(0))
        if re.search(rf"\b{flag}\s*=\s*useState\s*(?:<\s*bool\s*\??\s*>)?\(\s*true\s*\)|\b(?:bool\??|var)\s+{flag}\s*=\s*true\b", source):
            return True
        default = re.search(rf"(?<![\w.]){flag}\s*\?\?=\s*([^;]+);", source)
        if default is None:
            continue
        value = default.group(1).strip()
        setting = re.findall(r"[A-Za-z_]\w*", value)[-1:] or [""]
        if value == "true" or AUTOPLAY_FLAG.fullmatch(setting[0]) and not flag_defaults_off(setting[0], ctx):
            return True
        index = project_index.whole_project(ctx)
        declared_on = re.compile(rf"\bbool\??\s+{re.escape(setting[0])}\s*=\s*true\b".encode())
        if setting[0] and index is not None and any(declared_on.search(data) for data in index.files().values()):
            return True
    return False


def never_set_flag(condition: str, ctx: CheckContext) -> bool:
    """The condition is one flag declared `= false` that nothing ever changes: the only write in
    its file is the declaration (no `flag = ...`, `flag: ...` named argument, `this.flag`
    constructor parameter, `$flag` binding or `flag.toggle()`), and no other file of a whole
    project names it. The branch it guards never runs."""
    bare = re.fullmatch(r"\s*\(?\s*(?:this\.|self\.)?(_?[A-Za-z]\w*)\s*\)?\s*", condition)
    if bare is None:
        return False
    flag = re.escape(bare.group(1))
    source = strip_comments(ctx.data.decode("utf-8", "replace"))
    declared = re.findall(rf"\b(?:var|bool|boolean|Boolean|val|let)\s+{flag}\s*(?::\s*Bool(?:ean)?\s*)?=\s*false\b", source)
    writes = re.findall(rf"(?<![\w$])(?:this\.|self\.)?{flag}\s*(?:[-+|&^]?=(?!=)|:)|\bthis\.{flag}\b(?=\s*[,}})])|\${flag}\b|\b{flag}\.toggle\(", source)
    if len(declared) != 1 or len(writes) != 1:
        return False
    index = project_index.whole_project(ctx)
    if index is None:
        return False
    own = str(ctx.path.resolve())
    mention = re.compile(rf"\b{flag}\b".encode())
    return not any(mention.search(data) for path, data in index.files().items() if path != own)


def _flipped_from_off(condition: str, branch: Node, ctx: CheckContext) -> bool:
    """A toggle helper: the condition is one flag the function flips just before testing it
    (`_playing = !_playing;`), and the flag starts as false, so its first call (from initState as much
    as from a tap) plays."""
    bare = re.fullmatch(r"\s*(?:this\.)?(_?[A-Za-z]\w*)\s*", condition)
    if bare is None:
        return False
    flag = re.escape(bare.group(1))
    scope = next((f for f in enclosing_functions(branch) if f.type not in LAMBDA_TYPES), None)
    if scope is None:
        return False
    before = scope.text[: branch.start_byte - scope.start_byte].decode("utf-8", "replace")
    if not re.search(rf"(?<![\w.]){flag}\s*=\s*!\s*(?:this\.)?{flag}\b", before):
        return False
    return bool(re.search(rf"\b{flag}\s*(:\s*\w+\s*)?=\s*false\b", ctx.data.decode("utf-8", "replace")))


# A test that the player plays now (not negated): `_controller.value.isPlaying`, `player.isPlaying()`.
PLAYING_NOW = re.compile(r"(?<![!\w.])(?:[\w?!]+(?:\(\))?\.)*_?(isPlaying|playing)\b(?:\(\))?(?!\s*==\s*false)")


def toggle_only_pauses(node: Node, ctx: CheckContext) -> bool:
    """The play sits in the else of `if (player.isPlaying)` inside a toggle helper, and every call of
    the helper in this file runs under a test that the player plays (`if (isPlaying &&
    visibleFraction == 0) _onTogglePause()`): there it only ever pauses."""
    fn = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    if fn is None:
        return False
    in_else = False
    for ancestor in ancestors(node):
        if ancestor.id == fn.id:
            break
        alternative = ancestor.child_by_field_name("alternative") if ancestor.type in IF_TYPES else None
        if alternative is not None and alternative.start_byte <= node.start_byte < alternative.end_byte:
            start, end = condition_span(ancestor)
            condition = ctx.data[start:end].decode("utf-8", "replace")
            if PLAYING_NOW.search(condition):
                in_else = True
                break
    name = function_name(fn)
    if not in_else or not name:
        return False
    refs = [r for r in identifier_references(name, ctx) if not is_declaration_name(r) and not inside_own_body(r, fn) and r.parent is not None and r.parent.type not in ("function_signature", "method_signature")]
    if not refs:
        return False
    for ref in refs:
        caller = next(iter(enclosing_functions(ref)), None)
        if project_index.USER_NAME.match(_reference_host(ref)) or (caller is not None and project_index.USER_NAME.match(function_name(caller).lstrip("_"))):
            continue  # `onTap: _onTogglePause`, a call in `_onCommentTap()`: the person toggles it
        playing = False
        for ancestor in ancestors(ref):
            if caller is not None and ancestor.id == caller.id:
                break
            if ancestor.type in IF_TYPES:
                condition = _condition_text(ancestor, ref)
                if condition and PLAYING_NOW.search(condition):
                    playing = True
                    break
        if not playing:
            return False
    return True


# The state of something laid over the player: a bottom sheet (its `STATE_EXPANDED` / `STATE_COLLAPSED`),
# a drawer, a dialog, a panel, the keyboard.
OVERLAY_STATE = re.compile(
    r"(sheet|slider|drawer|dialog|popup|keyboard|panel|overlay|STATE_(EXPANDED|COLLAPSED|HALF_EXPANDED|HIDDEN)|"
    r"\b(is_?)?(expanded|collapsed)\b)",
    re.I,
)
HALTS = re.compile(r"\.\s*(pause\s*\(|stop\s*\(|setPlayWhenReady\s*\(\s*false|playWhenReady\s*=\s*false)")  # after the player's name


def resumes_after_overlay(node: Node, receiver: str) -> bool:
    """The start sits in one branch of a `when` / `if` inside a callback (a flow collector such as
    `sheetState.collectLatest { }`, a listener's `onStateChanged`), another branch of it pauses the
    same player, and what it tests is the state of an overlay (a bottom sheet expanded or collapsed,
    a drawer, a dialog): the callback pauses while the overlay is up and resumes when it goes,
    playback that was already on. A collector of the feed's loading state (`Loading -> pause()`,
    `Ready -> play()`) is not one, nor the sheet's state read once in `onViewCreated`."""
    player = re.sub(r"[?!]", "", receiver)
    if not player:
        return False
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES:
            return False  # reached the function without finding the branch
        if ancestor.type not in ("when_entry", "if_expression", "if_statement"):
            continue
        switch = ancestor.parent if ancestor.type == "when_entry" else ancestor
        while switch is not None and switch.parent is not None and switch.parent.type in ("if_expression", "if_statement", "else"):
            switch = switch.parent  # `if (expanded) pause() else if (collapsed) play()`: the whole chain
        if switch is None:
            return False
        own = ancestor if ancestor.type == "when_entry" else _branch_holding(ancestor, node)
        others = text(switch).replace(text(own), "", 1) if own is not None else ""
        halts = re.search(rf"(?<![\w.]){re.escape(player)}\s*{HALTS.pattern}", re.sub(r"[?!]", "", others))
        if not halts or not OVERLAY_STATE.search(_tested_text(switch)):
            return False
        fn = next(iter(enclosing_functions(switch)), None)
        return fn is not None and (fn.type in LAMBDA_TYPES or _listener_object(fn) is not None)
    return False


def _branch_holding(branch: Node, node: Node) -> Node | None:
    """The consequence or alternative of an if that holds `node`."""
    for field in ("consequence", "alternative"):
        part = branch.child_by_field_name(field)
        if part is not None and part.start_byte <= node.start_byte < part.end_byte:
            return part
    return next((c for c in branch.named_children if c.start_byte <= node.start_byte < c.end_byte), None)


def _tested_text(switch: Node) -> str:
    """What a `when` or an if chain tests: the subject and the entries' conditions, the if conditions."""
    if switch.type == "when_expression":
        parts = [text(c) for c in switch.named_children if c.type == "when_subject"]
        for entry in (c for c in switch.named_children if c.type == "when_entry"):
            arrow = next((c for c in entry.children if c.type == "->"), None)
            parts.append((entry.text or b"")[: arrow.start_byte - entry.start_byte].decode("utf-8", "replace") if arrow is not None else "")
        return " ".join(parts)
    ifs = [a for a in walk(switch) if a.type in ("if_expression", "if_statement") and a.named_child_count]
    return " ".join(text(a.child_by_field_name("condition") or a.named_children[0]) for a in ifs)  # (Kotlin: the first child)


# `wasPlaying`, `_wasPlayingBeforePause`, `restorePlayState` (not negated): playback that was on
# before a pause, a scrub, a quality switch or a rebuild, put back as it was.
RESTORE_GUARD = re.compile(r"(?<![!\w])_?(was\w*Playing\w*|m?_?[rR]estore\w*Play(ing|back)?(State)?)\b(?!\s*==\s*false)")


# A preference read that defaults to off: Android `getBoolean("musicOn", false)`, Flutter
# `prefs.getBool('sound') ?? false`, Hive `get('music', defaultValue: false)`.
PREF_OFF = r"(getBoolean\(\s*[^,()]+,\s*false\s*\)|getBool\([^()]*\)\s*\?\?\s*false|defaultValue:\s*false\s*\))"


def _opt_in_preference(condition: str, ctx: CheckContext) -> bool:
    """The condition reads (directly or through a variable) a stored setting that defaults to off."""
    if re.search(PREF_OFF, condition):
        return True
    source = ctx.data.decode("utf-8", "replace")
    for name in set(re.findall(r"\b[A-Za-z_]\w*\b", condition)):
        if re.search(rf"\b{re.escape(name)}\s*=\s*[^;\n]*?{PREF_OFF}", source):
            return True
    return False


# `if (!player.isPlaying())`, `if (!holder.isPaused())`: "start it unless it already plays (or the
# person paused it)" -- the start still happens by itself, so the play is not the person's choice.
NOT_PLAYING = re.compile(
    r"!\s*(\(\s*)*[\w.()\s]*?\b(is|get)?_?(playing|paused|isPlaying|isPaused)\b(\s*\(\s*\))?|"
    r"\b(is|get)?_?(playing|isPlaying)\b(\s*\(\s*\))?\s*==\s*false\b"  # `if (isPlaying == false)`
)


def _only_not_playing(condition: str) -> bool:
    """Every play/pause state word in the condition is negated (`!x.isPlaying()`, `!isPaused()`)."""
    rest = NOT_PLAYING.sub(" ", condition)
    return rest != condition and not STATE_GUARD.search(rest)


def _condition_text(branch: Node, inner: Node) -> str:
    """The condition of an if/when branch that holds `inner` (not its else branch)."""
    children = branch.named_children
    if not children:
        return ""
    if branch.type == "when_entry":
        return " ".join(text(c) for c in children[:-1])
    start, end = condition_span(branch)
    alternative = branch.child_by_field_name("alternative")
    if alternative is not None and alternative.start_byte <= inner.start_byte < alternative.end_byte:
        return ""  # in the else branch: the condition says nothing simple
    if start <= inner.start_byte < end:
        return ""
    return branch.text[start - branch.start_byte : end - branch.start_byte].decode("utf-8", "replace")


def condition_span(branch: Node) -> tuple[int, int]:
    """Byte span of an if's condition. Dart spreads `widget.autoPlay` over sibling nodes, so
    the condition is what lies between the parentheses."""
    condition = branch.child_by_field_name("condition")
    if condition is not None:
        return condition.start_byte, condition.end_byte
    kids = branch.children
    opening = next((i for i, c in enumerate(kids) if c.type == "("), None)
    if opening is not None:
        closing = next((i for i in range(opening + 1, len(kids)) if kids[i].type == ")"), None)
        if closing is not None:
            return kids[opening].end_byte, kids[closing].start_byte
    first = branch.named_children[0]
    return first.start_byte, first.end_byte


def flag_defaults_off(name: str, ctx: CheckContext) -> bool:
    """`this.autoPlay = false`, `autoPlay: Boolean = false`, `var autoplay = false` in the file: an
    opt-in. A flag without a default is set by the caller (often from a setting that is on)."""
    short = re.escape(name.split(".")[-1])
    source = ctx.data.decode("utf-8", "replace")
    # Swift `var autoPlayVideos: Bool { settings.autoPlay }`, Kotlin `val autoPlay get() = ...`,
    # Dart `bool get autoPlay => ...`: read from a setting kept elsewhere, not an opt-in default.
    if re.search(rf"(\b{short}\s*:\s*Bool\s*\{{|\b{short}\s*(:\s*Boolean\s*)?get\s*\(|\bget\s+{short}\b)", source):
        return False
    if re.search(rf"\b{short}\s*(:\s*[\w?<>]+\s*)?=\s*false\b", source):
        return not _turned_on_by_caller(name.split(".")[-1], ctx)
    # `final autoplay = ref.read(playbackConfig).autoplay;`, `val autoPlay = settings.isAutoPlay()`: read
    # from the app's settings, whose stored default may be in another file (a widget field is the caller's)
    read = re.search(rf"\b{short}\s*=\s*(?!widget\.|this\.|self\.)[^;\n]*\.\w*{short}\w*\b", source, re.I)
    return bool(read) and _project_setting_defaults_off(name.split(".")[-1], ctx)


def _turned_on_by_caller(name: str, ctx: CheckContext) -> bool:
    """Dart: an opt-in flag that defaults to false in a class of this file (`this.startVideo = false`),
    which a caller somewhere in the project builds with it on (`VideoComponent(..., startVideo: true)`):
    the start runs for that caller."""
    if ctx.language != "dart" or len(name) < 5:
        return False
    memo = ctx.memo.setdefault("autoplay_mobile.turned_on", {})
    if name not in memo:
        source = ctx.data.decode("utf-8", "replace")
        owners = set()
        for default in re.finditer(rf"\b{re.escape(name)}\s*(:\s*[\w?<>]+\s*)?=\s*false\b", source):
            heads = re.findall(r"\bclass\s+(\w+)", source[: default.start()])
            owners.update(heads[-1:])
        try:
            files = project_index.for_context(ctx).files()
        except Exception:  # no project around the file
            files = {}
        files = files or {str(ctx.path): ctx.data}
        builds = [
            re.compile(rb"\b" + re.escape(owner.encode()) + rb"\s*\([^;]{0,600}?(?<![\w.])" + re.escape(name.encode()) + rb"\s*:\s*true\b")
            for owner in owners
        ]
        memo[name] = any(b.search(data) for b in builds for data in files.values())
    return memo[name]


def _project_setting_defaults_off(name: str, ctx: CheckContext) -> bool:
    """`final autoplay = ref.read(config).autoplay` where another file of the project reads the stored
    setting as `prefs.getBool(_autoplay) ?? false` / `getBoolean("autoplay", false)`: an opt-in whose
    off default lives in the settings code, not next to the play. (Generic: belongs with the shared
    project helpers.)"""
    if len(name) < 5:
        return False
    memo = ctx.memo.setdefault("autoplay_mobile.setting_off", {})
    if name in memo:
        return memo[name]
    try:
        files = project_index.for_context(ctx).files()
    except Exception:  # no project around the file
        files = {}
    key = rf"[\w'\"]*{re.escape(name)}[\w'\"]*"
    off = re.compile(rf"(getBool\(\s*{key}\s*\)\s*\?\?\s*false|getBoolean\(\s*{key}\s*,\s*false\s*\))", re.I)
    on = re.compile(rf"(getBool\(\s*{key}\s*\)\s*\?\?\s*true|getBoolean\(\s*{key}\s*,\s*true\s*\))", re.I)
    found = False
    for data in files.values():
        if name.lower().encode() not in data.lower():
            continue
        source = data.decode("utf-8", "replace")
        if on.search(source):
            found = False
            break
        found = found or bool(off.search(source))
    memo[name] = found
    return found


# --------------------------------------------------------------------------------------------
# what is playing, and is it muted?


def is_media_receiver(receiver: str, call_node: Node, ctx: CheckContext) -> bool:
    if NOT_MEDIA.search(receiver) or _declared_as_not_media(receiver.split(".")[-1].strip("?!"), ctx):
        return False
    if PLAYER_RECEIVER.search(receiver):
        return True
    if receiver in ("it", "mp", "this", "self") and in_prepared_callback(call_node):
        return True
    cast = smart_cast_type(receiver, call_node)  # `if (view is VideoPlayer) view.play()`
    if cast:
        return bool(PLAYER_RECEIVER.search(cast)) and not NOT_MEDIA.search(cast)
    return declared_as_player(receiver.split(".")[-1], ctx)


def declared_as_player(name: str, ctx: CheckContext) -> bool:
    """`VideoView background`, `background: VideoView`, `val bg = MediaPlayer.create(...)`,
    `findViewById<VideoView>(...)` for the receiver's name in the same file."""
    if not re.fullmatch(r"\w+", name):
        return False
    types = PLAYER_TYPES
    pattern = re.compile(
        rf"(\b{types}\??\s+{name}\b|\b{name}\s*:\s*{types}\b|\b{name}\s*=\s*(new\s+)?{types}\b|"
        rf"\b{name}\s*=\s*\w*findViewById<{types}>)"
    )
    return bool(pattern.search(ctx.data.decode("utf-8", "replace")))


def _declared_as_not_media(name: str, ctx: CheckContext) -> bool:
    """A generic name (`controller`) declared in the same file as something that is not a player:
    `var controller = ConfettiController();`, `late AnimationController controller`."""
    if not re.fullmatch(r"\w+", name):
        return False
    source = ctx.data.decode("utf-8", "replace")
    declared = re.search(rf"(\b([A-Z]\w*)\??\s+{name}\s*[;=]|\b{name}\s*:\s*([A-Z]\w*)|\b{name}\s*=\s*(new\s+)?([A-Z]\w*)\s*[(.<])", source)
    if declared is None:
        return False
    kind = next(g for g in (declared.group(2), declared.group(3), declared.group(5)) if g)
    return bool(NOT_MEDIA.search(kind)) and not re.search(PLAYER_TYPES, kind)


def prepared_only_on_tap(node: Node, ctx: CheckContext) -> bool:
    """Every `prepareAsync()` / `prepare()` in the class (or file) runs on a user action: the
    prepared callback that starts the player answers that tap."""
    scope = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), ctx.root)
    key = ("autoplay_mobile.prepared_on_tap", scope.start_byte)
    if key not in ctx.memo:
        sites = [c.node for c in calls(scope) if c.name in ("prepareAsync", "prepare") and not argument_nodes(c)]
        ctx.memo[key] = bool(sites) and all(situation(site, ctx)[0] == "user" for site in sites)
    return ctx.memo[key]


def in_ready_callback(node: Node) -> bool:
    return in_prepared_callback(node) or any(READY_FN.match(function_name(fn) or "") for fn in enclosing_functions(node) if fn.type not in LAMBDA_TYPES)


def in_player_implementation(node: Node) -> bool:
    """The class around `node` is a player implementation: it extends a view or a player base class
    and defines two or more of the controls an app calls on a player (`start()`, `pause()`,
    `seekTo()`, `release()`, `startVideo()`), as JiaoZi's `Jzvd` or a custom `FrameLayout` player do."""
    owner = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
    if owner is None or not PLAYER_IMPL_BASE.search(class_head(owner)):
        return False
    body = owner.child_by_field_name("body") or next((c for c in owner.named_children if c.type.endswith("body")), None)
    methods = [c for c in body.named_children if c.type in FUNCTION_TYPES] if body is not None else []
    controls = {function_name(m) for m in methods if PLAYER_CONTROLS.match(function_name(m) or "") and not re.search(r"\bprivate\b", signature_text(m))}
    return len(controls) >= 2


# A player widget: a view class (`IjkVideoView extends FrameLayout`, `class ClipView : TextureView(...)`).
PLAYER_WIDGET_BASE = re.compile(r"(\bextends\s+|:\s*)\w*(View|Layout|ViewGroup)\b")
# A player implementation's own start control (`public void start()` of a vendored IjkVideoView).
OWN_START_CONTROL = re.compile(r"^(start|play|resume|startVideo|startPlay\w*|startPlayback)$")


def player_own_start(node: Node) -> bool:
    """`node` is in the public start control of a player widget (`start()`) that the class itself calls only
    from its ready callbacks (`onPrepared` -> `if (mTargetState == STATE_PLAYING) start()`): the
    player carrying out a start someone asked for, judged where the app calls `start()`."""
    fn = enclosing_named_function(node)
    name = function_name(fn) if fn is not None else ""
    if not OWN_START_CONTROL.match(name or "") or re.search(r"\bprivate\b", signature_text(fn)):
        return False
    owner = next((a for a in ancestors(fn) if a.type in CLASS_TYPES), None)
    if owner is None or not PLAYER_WIDGET_BASE.search(class_head(owner)):
        return False  # a music service answering its own prepared callback plays for the app: judged here
    own_calls = [c for c in calls(owner) if c.name == name and c.receiver in ("", "this") and not within(c.node, fn)]
    return all(in_ready_callback(c.node) or _in_surface_callback(c.node) or _under_requested_start(c.node) for c in own_calls)


def _in_surface_callback(node: Node) -> bool:
    """In a player view's surface callback (`onSurfaceChanged`, `surfaceCreated`): the player was waiting
    for its surface to carry out a start already asked for."""
    return any(SURFACE_READY_FN.match(function_name(fn) or "") for fn in enclosing_functions(node) if fn.type not in LAMBDA_TYPES)


SURFACE_READY_FN = re.compile(r"^(on)?[sS]urface(Changed|Created|TextureAvailable|TextureSizeChanged)$")


# A player's record that a start was asked for (Android VideoView's `mTargetState == STATE_PLAYING`), or a
# media key: a start under one carries out a request.
REQUESTED_START = re.compile(r"(?i)(target\w*state|STATE_PLAYING|wants?_?play|should_?play|pending_?play|play_?when_?ready|KEYCODE_MEDIA|KEYCODE_HEADSETHOOK)")


def _under_requested_start(node: Node) -> bool:
    """A condition between `node` and its function tests the player's requested state or a media key."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES:
            return False
        condition = ancestor.child_by_field_name("condition")
        if condition is not None and REQUESTED_START.search(text(condition)):
            return True
    return False


def in_prepared_callback(node: Node) -> bool:
    for fn in enclosing_functions(node):
        host = lambda_host(fn) if fn.type in LAMBDA_TYPES else function_name(fn)
        if re.match(r"^(setOnPreparedListener|onPrepared|addOnPreparedListener)$", host or ""):
            return True
    return False


def player_receiver(receiver: str, node: Node) -> str:
    """The player a call is made on: its receiver, or for a bare `play()` / `it.play()` inside
    `player.apply { }` / `ExoPlayer.Builder(ctx).build().also { }` / `with(player) { }`, the scope
    object's text."""
    if receiver and receiver != "it":
        return receiver
    if node.type == "cascade_section":
        return dart_cascade_target(node) or receiver
    return scope_receiver(node) or receiver


def scope_receiver(call: Node) -> str:
    for fn in enclosing_functions(call):
        if fn.type != "lambda_literal":
            return ""
        parent = fn.parent
        if parent is not None and parent.type == "annotated_lambda" and parent.parent is not None:
            owner = as_call(parent.parent)
            if owner is not None and owner.name in ("apply", "also", "run", "let"):
                return owner.receiver
            if owner is not None and owner.name == "with":
                args = argument_nodes(owner)
                return text(args[0]) if args else ""
    return ""


def is_muted(node: Node, ctx: CheckContext) -> bool:
    """A mute in the enclosing function or in a same-file function it calls."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    if scope is None or not MUTED.search(handler_text(scope, ctx)):
        return False
    after = text(scope)[node.end_byte - scope.start_byte :]
    return not RAISED_AFTER.search(after)  # `volume = 0; play(); setVolume(0.03, fadeDuration: 2)`: a fade-in, not muted


# A volume raised above zero after the play (a fade-in).
RAISED_AFTER = re.compile(r"(setVolume\(\s*(?!0(\.0+)?f?\s*[,)])[\w.]+|\bvolume\s*=\s*(?!0(\.0+)?f?\b)\d)")


def verdict(message: str, muted: bool) -> Verdict:
    if muted:
        return Verdict(message=message[:-1] + ", muted)" if message.endswith(")") else message, severity="info", note=MUTED_NOTE)
    return Verdict(message=message)


def when_message(kind: str, where: str, what: str, label: str) -> str:
    if kind == "view":
        return f"{label} starts playing when it scrolls into view in a feed ({what} in {where})"
    return f"{label} starts playing when the screen loads ({what} in {where})"


def function_named(name: str, ctx: CheckContext, within_node: Node | None = None) -> Node | None:
    """The function `name` declared in the file (with `within_node`, only inside that node: a class)."""
    for ref in identifier_references(name, ctx):
        if within_node is not None and not (within_node.start_byte <= ref.start_byte < within_node.end_byte):
            continue
        parent = ref.parent
        if parent is not None and parent.type in ("function_declaration", "method_declaration", "function_signature"):
            if parent.type == "function_signature":
                body = parent.parent.next_named_sibling if parent.parent is not None and parent.parent.type == "method_signature" else parent.next_named_sibling
                return body
            return parent
    return None


def handler_text(body: Node, ctx: CheckContext) -> str:
    """The handler's code plus that of the same-file functions it calls (`playNext()`,
    `self?.play()`), one level deep."""
    parts = [text(body)]
    for call in calls(body):
        if call.receiver.rstrip("?!") in ("", "self", "this"):
            target = function_named(call.name, ctx)
            if target is not None and target.id != body.id:
                parts.append(text(target))
    return strip_comments("\n".join(parts))


def strip_comments(source: str) -> str:
    return re.sub(r"//[^\n]*|/\*.*?\*/", "", source, flags=re.S)
