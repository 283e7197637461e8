"""Checks for the `autoplay` rule on mobile: Android (Kotlin, Java), iOS (Swift), Flutter (Dart).

The queries in rules/autoplay/mobile.yaml find candidates: a `play()` / `start()` /
`playWhenReady = true` on a player, a loop setting (`repeatMode`, `isLooping`, `setLooping(true)`,
`AVPlayerLooper`, `numberOfLoops = -1`), an "item ended" hook (ExoPlayer `STATE_ENDED`,
`setOnCompletionListener`, `AVPlayerItemDidPlayToEndTime`, just_audio/audioplayers completion),
and player options (`autoPlay: true` for chewie, better_player, youtube_player_flutter), and
Flame's music calls (`FlameAudio.bgm.play(...)`, `FlameAudio.loop(...)`, `FlameAudio.playLongAudio(...)`).

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

import functools
import re
import time
from pathlib import Path
from typing import Iterator

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, enclosing_functions, enclosing_named_function, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk, within

MUTED_NOTE = "muted: lower severity, but it still captures attention"
SETTING_NOTE = "follows the person's autoplay setting: lower severity, keep that setting off by default"

# --------------------------------------------------------------------------------------------
# vocabulary

PLAYER_RECEIVER = re.compile(
    r"(player|exo|media|video|audio|sound|music|song|track|clip|movie|trailer|reel|short|stream|"
    r"looper|bgm|avplayer|mp\b|^mp$|controller|ctrl|flick|\bvv\b)",
    re.I,
)
NOT_MEDIA = re.compile(
    r"(anim|lottie|rive|confetti|carousel|slider|banner|timer|stopwatch|countdown|recorder|"
    r"record|haptic|vibrat|tts|speech|speak|camera|scanner|gif|sprite|particle|transition|"
    r"textController|tabController|editing)",
    re.I,
)
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

# Hosts of a lambda (the call it is passed to, its argument label or the property it is stored in).
USER_HOST = re.compile(
    r"(click|tap|press|touch|gesture|swipe|drag|fling|long|key|action|submit|toggle|checked|"
    r"^button$|button$|btn$|menu|option|select(ed)?$|onChanged$|pointerInput|onSeek|^open|^onOpen|"
    r"^addCallback$|BackPressed|^BackHandler$|^onWillPop$|^onPopInvoked|^addTarget$|^onChange(Start|End)$|"
    r"^onDismiss(ed)?$|^(on|handle)?refresh(able)?$|OnRefreshListener$|PlayPause)",  # a sheet the person closed, a pull to refresh
    re.I,
)
# SwiftUI `.onChange(of: tabSelection)`, `.onChange(of: showReport)`: a value the person changed by
# switching tabs or opening and closing a sheet (a resume when they come back, not a load).
CHANGED_BY_USER = re.compile(r"(\btab\w*|\w*Tab\b|isPresented|present\w*|\bshow\w*|sheet|cover|dismiss\w*|refresh\w*|scenePhase)", re.I)
VIEW_HOST = re.compile(
    r"^(onPageSelected|onPageChanged|onVisibilityChanged|onScrollStateChanged|onScrolled|onScrollEnd|"
    r"onViewAttachedToWindow|onChildViewAttachedToWindow|onItemVisible|onVisible|onFocusChanged)$"
)
LOAD_HOST = re.compile(
    r"^(LaunchedEffect|DisposableEffect|SideEffect|AndroidView|factory|remember|rememberSaveable|"
    r"onAppear|task|onViewCreated|addOnGlobalLayoutListener|doOnLayout|doOnAttach|viewDidLoad)$"
)
# Lambdas registered for a later event: a stream subscription (`interruptionEventStream.listen(...)`) or a
# media command handed to a remote-control object (`MPRISEventHandler(play: () => player.play())`).
EVENT_HOST = re.compile(r"^(listen|play|pause|resume|stop|toggle|playPause|togglePlay\w*|onPlay|onPause|onPlayPause|onStop|next|previous|onNext|onPrevious|onButtonPressed)$")
ENDED_HOST = re.compile(
    r"^(setOnCompletionListener|onCompletion|OnCompletionListener|onPlayerComplete|onVideoEnd|onEnded)$"
)
# Named functions.
USER_FN = re.compile(
    r"(click|tapped|tap$|^tap|^didTap|press|touch|gesture|swipe|^handle\w*(tap|click|press|play)|"
    r"toggle|playPause|pauseplay|^on\w*Button|button\w*(tap|click|press|action)|^action|"
    r"didSelect|onItemSelected|onOptionsItemSelected|onMenuItem|onKey|onSeek|BackPressed|"
    r"^onStartCommand$|^onHandleIntent$|"  # a playback Service runs the commands the app's controls send
    r"^(on|handle|did)?_?(pull_?to_?)?refresh(ed)?$)",  # pull to refresh
    re.I,
)
LOAD_FN = re.compile(
    r"^(onCreate|onCreateView|onViewCreated|onActivityCreated|onPostCreate|onStart|onResume|"
    r"onPostResume|onRestart|onAttachedToWindow|onFinishInflate|onWindowFocusChanged|onNewIntent|onAppear|"
    r"viewDidLoad|viewWillAppear|viewDidAppear|viewIsAppearing|awakeFromNib|didMoveToWindow|"
    r"didMoveToSuperview|didMove|sceneDidLoad|surfaceCreated|loadView|makeUIView|makeNSView|makeUIViewController|makeNSViewController|"
    r"applicationDidBecomeActive|sceneDidBecomeActive|initState|didChangeDependencies|build|body|"
    r"onReady|onInitializationSuccess|onPrepared|onLoad|onLoaded|onMount|init|main|observeValue)$"
)
VIEW_FN = re.compile(
    r"^(onBindViewHolder|onViewAttachedToWindow|onChildViewAttachedToWindow|onViewDetachedFromWindow|onPageSelected|"
    r"onPageScrollStateChanged|onScrollStateChanged|onScrolled|onScrollChanged|"
    r"scrollViewDidEndDecelerating|scrollViewDidEndDragging|scrollViewDidScroll|"
    r"onVisibilityChanged|onPageChanged|onPage(Update|Updated|Settled|Shown|Appeared?)|onItemVisible|"
    r"setActive(Index|Item|Page|Position|Video|Slot)|onActive\w*Changed|setCurrent(Index|Page|Position|Video)|"
    r"onCurrent\w*Changed|onPageSettled|onSettled\w*Changed|settle(Page|Index|Item|Position)|onItemFocused|onFocused\w*Changed|setFocused(Index|Item|Video))$"
)
# Swift table/collection delegate methods named by their first labels.
SWIFT_VIEW_LABELS = re.compile(r"^(willDisplay|cellForRowAt|cellForItemAt)$")
SWIFT_USER_LABELS = re.compile(r"^(didSelectRowAt|didSelectItemAt|primaryActionForItemAt)$")
SWIFT_LOAD_LABELS = re.compile(r"^(didFinishLaunchingWithOptions|willFinishLaunchingWithOptions|willConnectTo)$")  # app launch, scene connect
ENDED_FN = re.compile(
    r"^(onCompletion|onPlayerComplete|ended|playbackEnded|itemEnded|on\w*(Ended|Finished|Completed?|DidEnd|End)|"
    r"\w*(DidPlayToEnd|DidFinishPlaying|DidReachEnd|itemDidFinish|playerItemDidReachEnd)\w*)$",
    re.I,
)
# A player's "ready" callbacks: they run once the player loads what someone asked it to play.
READY_FN = re.compile(r"^(onPrepared|onReady|onInitializationSuccess)$")
# A class that is itself a player (a custom VideoView, or a FrameLayout holding a TextureView) ...
PLAYER_IMPL_BASE = re.compile(r"(\bextends\s+|:\s*|,\s*)\w*(View|Layout|ViewGroup|Player)\b")
# ... and offers the controls other code calls on it.
PLAYER_CONTROLS = re.compile(r"^(start|play|pause|resume|stop|seekTo|release|reset|restart|startVideo|startPlay\w*|startPlayback)$")
# Short interface sounds (a call's join tone, a ringtone), named in the functions that play them.
# Matched against the words of a name (`playJoinSound` -> "play join sound").
SOUND_EFFECT = re.compile(
    r"\b(ringtone|ringing|beep|chime|ding|sfx|sound effect|tones?|feedback|jingle|fanfare|"
    r"(join|leave|notification|alert|message|click|tap|success|error) sound|play( \w+){0,3} sound( index| id)?|"
    r"(display|show|present|deliver|post) notification)\b"
)
# Code about a live camera (a doorbell or security stream the person opened), spoken replies of a
# voice assistant, a call (its connecting tone, the other side's video) or a chat's voice messages:
# sound and video, but not media that starts by itself.
NOT_MEDIA_CONTEXT = re.compile(r"\b(camera|cameras|cctv|doorbell|assist|assistant|speech|speak|tts|dictation)\b")
CALL_CONTEXT = re.compile(r"\b(call|calls|calling|voip|meeting|conference|voice (message|messages|note|notes|memo)|voicemail|audio message)\b")
# Screens to pick or compose a post: previewing the person's own picks answers that action.
COMPOSER_CLASS = re.compile(r"^_?(Choose|Pick|Select|Add|Create|New|Edit)(?=[A-Z])\w*?(Image|Video|Media|Photo|Post|Reel|Story|Clip|Short|Status)|"
                            r"^_?(Post|Upload|Publish|Share)(Article|Video|Reel|Story|Status|Media|Clip|Photo)s?(Activity|Fragment|Screen|Page|ViewController|VC)$")
# Functions named for background music (`backgroundMusic()`, `playBgm()`): music the app starts
# by itself, called from another file (a splash screen, `main`).
BACKGROUND_MUSIC = re.compile(r"\b(background (music|audio|sound|track|song)|bgm|bg music|ambient (music|sound)|theme music|menu music)\b")
# Functions that set up a view or cell, called from another file (bind, configure, setup).
SETUP_FN = re.compile(r"^(bind|configure|setup|setUp|render|display|populate|onBind)[A-Z_]?\w*$")
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
# `PreviewMediaActivity`, `PreviewVideoFragment`: a screen that shows one item the person picked.
PREVIEW_SCREEN = re.compile(r"^Preview(Media|Video|Audio|Image)\w*(Activity|Fragment|Screen|Page|ViewController)$")
COMPOSER_SCREEN = re.compile(r"(upload|compose|composer|creat(e|or)|editor|trim|draft|recorder|capture|picker|selector|chooser|cropper|share(?!d)|sharing|export|publish)", re.I)
COMPOSER_FOLDER = re.compile(r"(picker|upload|cropper|editor|trimmer|composer?|recorder|schedul\w*post|drafts?$)", re.I)
# A widget that plays as it scrolls into view (Flutter visibility_detector): a feed item.
FEED_ITEM_MARKER = re.compile(r"\b(VisibilityDetector|VisibilityInfo|visibleFraction)\b")
SCREEN_NAME = re.compile(r"(Activity|Fragment|Screen|Page|ViewController|VC|Dialog|Sheet|Route|Destination|Details?)$")
SCREEN_BASE = re.compile(r"\b\w*(Activity|Fragment)\b")
# `is PlayerEvent.PlayPause ->`, `Action.TogglePlay ->`, `UiEvent.PlayClicked ->`: a branch for the person's own event.
USER_EVENT = re.compile(r"\b(is\s+)?[\w.]*(Event|Action|Intent|Command)\.\w*(PlayPause|TogglePlay|Toggle|Click|Tap|Press|Play)\w*\b")
MEDIA_BUTTON = re.compile(r"(ACTION\w*PLAY|KEYCODE_MEDIA_PLAY|MediaPlay\b|Key\.MediaPlay|\.play\b|remoteCommand|playCommand)", re.I)
# Conditions around a play: the person's own play/pause state, or visibility in a feed.
STATE_GUARD = re.compile(
    r"\b(get|is|was|_is|_was)?_?(playing|paused|resumed?|playWhenReady|userPaused|pausedByUser|"
    r"isPlaying|wasPlaying|shouldResume|resumeOnFocus|animating|isAnimating)\b",
    re.I,
)
VIEW_GUARD = re.compile(
    r"(visible|visibleFraction|isCurrent|current(Page|Index|Item)|isActive|isFocused|focused|"
    r"settledPage|selectedIndex|activeIndex|inView|onScreen|SCROLL_STATE_IDLE|position\s*==|"
    r"index\s*==|==\s*index|==\s*position)",
    re.I,
)
AUTOPLAY_FLAG = re.compile(r"\b(\w*[aA]uto_?[pP]lay\w*|autoStart|playOnInit)\b")
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

LAMBDA_TYPES = frozenset({"lambda_literal", "lambda_expression", "function_expression", "anonymous_function"})
INIT_TYPES = frozenset({"anonymous_initializer", "init_declaration", "constructor_declaration", "secondary_constructor"})
IF_TYPES = frozenset({"if_expression", "if_statement", "guard_statement", "when_entry", "conditional_expression"})
CLASS_TYPES = frozenset({"class_declaration", "object_declaration", "class_definition", "protocol_declaration"})
CALL_NODE_TYPES = frozenset({"call_expression", "method_invocation", "expression_statement"})
IDENTIFIER_TYPES = frozenset({"identifier", "simple_identifier"})


# --------------------------------------------------------------------------------------------
# when does this code run?


def situation(node: Node, ctx: CheckContext, depth: int = 0, screens: bool = True) -> tuple[str, str]:
    """(kind, where) for the code at `node`: kind is load, view, user, ended, dead (nothing in the
    project calls it) or unknown;
    `where` names the lifecycle method, effect or callback that decided it. With `screens`, code
    in a player screen or viewer counts as the answer to the tap that opened it."""
    if _in_ended_hook(node):
        return "ended", "an ended hook"
    if _in_media_button_branch(node):
        return "user", "a media button"
    opened = (_opened_on_tap(node) or _opened_on_tap_path(ctx)) if screens else ""
    if opened and not _pager_page(node, ctx) and not _launcher_activity(node, ctx):
        return "user", opened
    focused = _focused_property_observer(node)
    if focused:
        return "view", f"didSet of {focused}"
    in_listener = False
    for fn in enclosing_functions(node):
        if fn.type == "function_body" and fn.parent is not None and fn.parent.type in FUNCTION_TYPES:
            continue  # Kotlin/Swift: the body of a declaration, judged with the declaration
        if fn.type in INIT_TYPES:
            return "load", "init"
        if fn.type in LAMBDA_TYPES:
            host = lambda_host(fn)
            kind = _host_kind(host, fn)
            if kind:
                return kind, host
            widget = _labelled_argument_call(fn)
            if widget and _host_kind(widget, fn) == "user":
                return "user", widget  # `answerSubmitBtn(context, function: () {...})`: the app's own button
            if EVENT_HOST.match(host):
                return "unknown", host  # registered at init, runs on a later event (a media key, an interruption's end)
            continue
        name = function_name(fn)
        if not name:
            continue
        kind = _function_kind(fn, name)
        if kind == "load" and READY_FN.match(name) and _in_listener_object(fn) and depth < 3:
            registered = situation(_listener_object(fn), ctx, depth + 1, screens)
            if registered[0] in ("user", "dead"):
                return registered  # `addListener(new ...Listener() { onReady() {...} })` added on a tap: ready answers that tap
        if kind == "user" and depth < 3 and _only_named_for_a_tap(fn, name):
            called_kind, called_where = _callers_kind(fn, name, ctx, depth, screens, own_class=True)
            if called_kind in ("load", "view"):
                return called_kind, f"{name}, called from {called_where}"  # `_onTogglePlay()` run from onVisibilityChanged: the trigger wins
        if kind:
            return kind, name
        if _in_listener_object(fn):
            in_listener = True
            continue  # onPlaybackStateChanged(STATE_READY) etc.: judged where the listener is added
        if depth >= 3:
            return "unknown", name
        kind, where = _callers_kind(fn, name, ctx, depth, screens)
        if kind in ("unknown", "dead", "user"):
            far_kind, far_where = _project_callers_kind(fn, name, ctx)
            if far_kind in ("load", "view") or (kind != "user" and far_kind == "user"):
                return far_kind, f"{name}, called from {far_where}"
            if far_kind == "none" and _named_to_guess(fn, name) and (kind == "dead" or (kind == "unknown" and not _has_local_callers(fn, name, ctx))):
                return "dead", name  # nothing in the project calls it, or only functions nothing calls
        if kind == "unknown" and _named_to_guess(fn, name) and _is_private(fn, name) and not _has_local_callers(fn, name, ctx):
            return "dead", name  # a private helper nothing in its file calls: not run at all, whatever the rest of the project holds
        if kind == "unknown" and SETUP_FN.match(name):
            return "load", f"{name}, which sets up the view"
        if kind == "unknown" and BACKGROUND_MUSIC.search(_words(name)):
            return "load", f"{name}: background music the app starts"
        return kind, f"{name}, called from {where}" if where else name
    if in_listener:
        return "unknown", ""  # a listener method stored in a property runs when the listener fires, not at load
    if any(a.type in ("didset_clause", "willset_clause") for a in ancestors(node)):
        return "unknown", ""  # a property observer runs when someone sets the property (a toggle), not at load
    if any(a.type == "property_declaration" for a in ancestors(node)) and any(a.type in CLASS_TYPES for a in ancestors(node)):
        return "load", "a property initializer"  # `private val player = createPlayer()` runs as the object is made
    return "unknown", ""


def _focused_property_observer(node: Node) -> str:
    """Swift `var focusedVideo: Player? { didSet { focusedVideo?.play() } }`: the property that names
    the item in view of a feed (focused, current, active, visible), or ""."""
    clause = next((a for a in ancestors(node) if a.type in ("didset_clause", "willset_clause")), None)
    if clause is None:
        return ""
    declaration = next((a for a in ancestors(clause) if a.type == "property_declaration"), None)
    pattern = next((c for c in declaration.named_children if c.type == "pattern"), None) if declaration is not None else None
    name = text(pattern)
    return name if re.search(r"(focus|current|active|visible|on_?screen|in_?view)", name, re.I) else ""


def _in_ended_hook(node: Node) -> bool:
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
            if ancestor.type == "switch_statement_case":  # Dart `case SMTCEvent.play: player.play();`
                condition = text(ancestor).split(":", 1)[0]
            if MEDIA_BUTTON.search(condition) or USER_EVENT.search(condition):
                return True
    return False


def _opened_on_tap(node: Node) -> str:
    """The name of an enclosing full-screen viewer, modal or sheet, or of a player screen (opened
    by a tap on the item, so playing there answers that tap), or ""."""
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTION_TYPES or ancestor.type in CLASS_TYPES:
            name = function_name(ancestor) if ancestor.type in FUNCTION_TYPES else _class_name(ancestor)
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
    name = re.sub(r"^_|State$", "", _class_name(outer)) if outer is not None else ""
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


def _launcher_activity(node: Node, ctx: CheckContext) -> bool:
    """The Android activity the app opens on (its AndroidManifest.xml gives it the LAUNCHER
    category): nobody tapped to open it, whatever its name (`FullScreenVideoActivity`)."""
    if ctx.language not in ("kotlin", "java"):
        return False
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = _class_name(outer) if outer is not None else ""
    manifest = _android_manifest(ctx)
    if not name or not manifest:
        return False
    activity = re.compile(rf"<activity\b[^>]*android:name\s*=\s*\"([\w.]*\.)?{re.escape(name)}\"[^>]*(?<!/)>(?:(?!</activity>|<activity\b).)*?category\.LAUNCHER\b", re.S)
    return activity.search(manifest) is not None


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
    if SCREEN_NAME.search(short):
        return True
    if node.type == "class_definition" and short.endswith("View"):
        return True  # Dart `AnimePlayerView`, `PlayerView`: a route widget; inline players are `*Widget` / `*Item`
    return node.type in CLASS_TYPES and bool(SCREEN_BASE.search(_class_head(node)))


def _first_screen(name: str, node: Node) -> bool:
    """Flutter `MaterialApp(home: VideoPlayerScreen())` in the same file: the screen the app opens on."""
    root = node
    while root.parent is not None:
        root = root.parent
    return bool(name) and re.search(rb"\bhome:\s*(const\s+)?" + re.escape(name.encode()) + rb"\s*\(", root.text or b"") is not None


def _class_head(node: Node) -> str:
    """A class declaration up to its body: the name and the types it extends."""
    body = node.child_by_field_name("body") or next((c for c in node.named_children if c.type.endswith("body")), None)
    end = body.start_byte if body is not None else node.end_byte
    return node.text[: end - node.start_byte].decode("utf-8", "replace") if node.text else ""


def _opened_on_tap_path(ctx: CheckContext) -> str:
    """A file under a viewer / modal folder (`pages/image_viewer/video_player.dart`), or under a
    folder for picking or making media (`mediapicker/`, `UploadMedia/`, `VideoCropperVC/`): its
    previews answer the person's own pick."""
    folders = ctx.path.as_posix().split("/")[:-1]
    return next((f for f in folders if OPENED_ON_TAP.search(f) or COMPOSER_FOLDER.search(f)), "")


def _first_name(node: Node) -> Node | None:
    return next((c for c in node.named_children if c.type in ("identifier", "type_identifier", "simple_identifier")), None)


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
    closure = next((a for a in ancestors(inner) if a.type in LAMBDA_TYPES and call.start_byte <= a.start_byte and a.end_byte <= call.end_byte), None)
    if closure is not None:  # `.onAppear { play(); addObserver(forName: ended) {...} }`: the ended name is a sibling's
        whole = text(call)
        return whole[: closure.start_byte - call.start_byte] + whole[closure.end_byte - call.start_byte:]
    return text(call)


def lambda_host(fn: Node) -> str:
    """The name a lambda is passed to or stored under: `setOnClickListener`, `onClick`,
    `LaunchedEffect`, `onAppear`, `onPressed`, `then`."""
    parent = fn.parent
    while parent is not None and parent.type in ("annotated_lambda", "parenthesized_expression", "argument", "function_expression_body", "conditional_expression", "ternary_expression"):
        if parent.type == "annotated_lambda" and parent.parent is not None:
            call = as_call(parent.parent)
            return call.name if call is not None else ""
        parent = parent.parent
    if parent is None:
        return ""
    if parent.type == "pair" and parent.named_child_count and re.search(r"(Activator|KeyboardKey|KeyCode|Shortcut|KeySet)", text(parent.named_children[0])):
        return "onKey"  # Dart `bindings: {SingleActivator(LogicalKeyboardKey.mediaPlay): () => player.play()}`
    if parent.type == "named_argument":  # Dart: onPressed: () {...}
        return text(parent.named_children[0]).rstrip(":").strip()
    if parent.type == "value_argument":  # Kotlin onClick = {...}, Swift action: {...}
        label = parent.named_children[0] if parent.named_child_count > 1 else None
        if label is not None and label.type in ("value_argument_label", "identifier", "simple_identifier"):
            return text(label)
        parent = parent.parent
    if parent.type in ("value_arguments", "argument_list", "arguments", "call_suffix"):
        owner = parent.parent
        if owner is not None and owner.type in ("call_suffix",):
            owner = owner.parent
        if owner is not None and owner.type == "argument_part":
            call = as_call(owner)
        else:
            call = as_call(owner) if owner is not None else None
        return call.name if call is not None else ""
    if parent.type in ("assignment", "assignment_expression", "property_declaration", "variable_declarator"):
        target = parent.named_children[0] if parent.named_child_count else None
        return re.split(r"[.?]", text(target))[-1].strip()
    return ""


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


def _host_kind(host: str, fn: Node) -> str | None:
    if not host:
        return None
    if ENDED_HOST.match(host):
        return "ended"
    if VIEW_HOST.match(host):
        return "view"
    if host == "LaunchedEffect" and VIEW_GUARD.search(_call_arguments_text(fn)):
        return "view"  # LaunchedEffect(pagerState.currentPage) { players[page].play() }
    if host == "onChange":
        subject = _swift_change_subject(fn)
        if VIEW_GUARD.search(subject):
            return "view"  # .onChange(of: currentIndex) { players[currentIndex].play() }
        if CHANGED_BY_USER.search(subject):
            return "user"  # .onChange(of: tabSelection) { if $0 == .main { player.play() } }: a resume
    if LOAD_HOST.match(host):
        return "load"
    if USER_HOST.search(host):
        return "user"
    return None


def _swift_change_subject(fn: Node) -> str:
    """`(of: tabbarModel.tabSelection)` for the closure of SwiftUI `.onChange(of: ...) { }`."""
    suffix = next((a for a in ancestors(fn) if a.type == "call_suffix"), None)
    arguments = next((c for c in suffix.named_children if c.type == "value_arguments"), None) if suffix is not None else None
    return text(arguments)


def _call_arguments_text(fn: Node) -> str:
    """`(pagerState.currentPage)` for the lambda of `LaunchedEffect(pagerState.currentPage) {}`."""
    for ancestor in ancestors(fn):
        if ancestor.type == "call_expression":
            inner = ancestor.named_children[0] if ancestor.named_child_count else None
            if inner is not None and inner.type == "call_expression":
                return text(inner)
            return text(ancestor)[: fn.start_byte - ancestor.start_byte]
    return ""


def _function_kind(fn: Node, name: str) -> str | None:
    head = _signature_text(fn)
    name = name.lstrip("_")  # Dart private methods: _onVisibilityChanged
    if re.search(r"@IBAction|@objc\s+(private\s+)?func\s+\w*(tap|press|click|button)", head, re.I):
        return "user"
    if _layout_on_click(fn, head):
        return "user"  # `public void playVideo(View view)`: a layout's android:onClick handler
    labels = _swift_labels(fn)
    if any(SWIFT_USER_LABELS.match(label) for label in labels):
        return "user"
    if any(SWIFT_VIEW_LABELS.match(label) for label in labels):
        return "view"
    if any(SWIFT_LOAD_LABELS.match(label) for label in labels):
        return "load"
    if ENDED_FN.match(name):
        return "ended"
    if VIEW_FN.match(name):
        return "view"
    if LOAD_FN.match(name):
        return "load"
    if USER_FN.search(name):
        return "user"
    if re.search(r"@Composable\b", head):
        return "load"
    if re.search(r"@BindingAdapter\b", head):
        return "view"  # Android data binding: runs as each list item binds
    return None


# Java `void playVideo(View view)`, Kotlin `fun playVideo(view: View)`: the one-View signature of an
# `android:onClick` handler named in a layout file.
ANDROID_ON_CLICK = re.compile(r"\b\w+\s*\(\s*(final\s+)?View\s+\w+\s*\)|\bfun\s+\w+\s*\(\s*\w+\s*:\s*View\??\s*\)")


def _layout_on_click(fn: Node, head: str) -> bool:
    """A public method of an Activity taking one `View`: what `android:onClick="playVideo"` calls."""
    if not ANDROID_ON_CLICK.search(head) or re.search(r"\bprivate\b", head):
        return False
    outer = next((a for a in ancestors(fn) if a.type in CLASS_TYPES), None)
    return outer is not None and bool(re.search(r"Activity\b", _class_head(outer)))


def _signature_text(fn: Node) -> str:
    """The declaration head (annotations, modifiers, name, parameters) before the body."""
    owner = fn.parent if fn.type == "function_body" and fn.parent is not None else fn
    if fn.type == "function_body" and fn.prev_named_sibling is not None and fn.prev_named_sibling.type == "method_signature":
        owner = fn.prev_named_sibling
        before = owner.prev_named_sibling
        return (text(before) + " " if before is not None and before.type == "annotation" else "") + text(owner)
    body = owner.child_by_field_name("body") or next((c for c in owner.named_children if c.type in ("function_body", "block")), None)
    end = body.start_byte if body is not None else owner.end_byte
    return owner.text[: end - owner.start_byte].decode("utf-8", "replace") if owner.text else ""


def _swift_labels(fn: Node) -> list[str]:
    owner = fn.parent if fn.type == "function_body" and fn.parent is not None else fn
    if owner.type != "function_declaration":
        return []
    labels = []
    for param in owner.named_children:
        if param.type == "parameter" and param.named_child_count >= 2:
            labels.append(text(param.named_children[0]))
    return labels


def _only_named_for_a_tap(fn: Node, name: str) -> bool:
    """A function of the app's own that only its name ties to a tap (`_onTogglePlay`, `handlePlayPause`):
    no framework callback (`override`, an annotation such as `@IBAction`) and no layout click signature."""
    head = _signature_text(fn)
    return bool(USER_FN.search(name.lstrip("_"))) and not re.search(r"@|\boverride\b", head) and not _layout_on_click(fn, head)


def _in_listener_object(fn: Node) -> bool:
    """A method of an anonymous listener object (`object : Player.Listener {}` in Kotlin,
    `new MediaPlayer.OnPreparedListener() {}` in Java)."""
    return _listener_object(fn) is not None


def _listener_object(fn: Node) -> Node | None:
    owner = fn.parent if fn.type == "function_body" else fn
    body = owner.parent if owner is not None else None
    holder = body.parent if body is not None else None
    return holder if holder is not None and holder.type in ("object_literal", "object_creation_expression") else None


def _is_private(fn: Node, name: str) -> bool:
    """Only its own file (class) can call it: Kotlin/Java/Swift `private`, a Dart `_name`."""
    return name.startswith("_") or bool(re.search(r"\b(private|fileprivate)\b", _signature_text(fn)))


def _callers_kind(fn: Node, name: str, ctx: CheckContext, depth: int, screens: bool = True, own_class: bool = False) -> tuple[str, str]:
    """How the places that call or reference `name` in this file run (load wins over user); with
    `own_class`, only the places in the class that defines it."""
    found: dict[str, str] = {}
    owner = _owner_of(fn) if own_class else ""
    for ref in _references(name, ctx):
        if fn.start_byte <= ref.start_byte < fn.end_byte and _inside_own_body(ref, fn):
            continue  # recursion
        if own_class and _owner_of(ref) != owner:
            continue
        if _is_declaration_name(ref) or _is_player_api_call(ref) or _is_argument_label(ref):
            continue
        host = _reference_host(ref)
        if host and USER_HOST.search(host):
            found.setdefault("user", host)
            continue
        if _on_return_to_app(ref):
            continue  # `addObserver(self, selector: #selector(play), name: willEnterForegroundNotification)`: a resume
        if any(a.type == "selector_expression" for a in ancestors(ref)) and _app_notification_observer(ref):
            continue  # `addObserver(self, selector: #selector(update), name: .audioStatusChanged)`: runs when posted
        kind, where = situation(ref, ctx, depth + 1, screens)
        found.setdefault(kind, where)
    for kind in ("load", "view", "ended", "user"):
        if kind in found:
            return kind, found[kind]
    if found and set(found) == {"dead"}:
        return "dead", ""  # called only from functions that nothing in the project calls
    return "unknown", ""


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


def _inside_own_body(ref: Node, fn: Node) -> bool:
    return any(a.id == fn.id for a in ancestors(ref))


def _is_player_api_call(ref: Node) -> bool:
    """`player?.play()` inside a wrapper's own `func play()` calls the player, not the wrapper."""
    receiver = _dart_member_receiver(ref)
    if receiver is not None:
        return _names_player(receiver)
    parent = ref.parent
    while parent is not None and parent.type in ("navigation_suffix", "unconditional_assignable_selector", "selector"):
        parent = parent.parent
    if parent is None or parent.type not in ("navigation_expression", "method_invocation", "expression_statement"):
        return False
    return _names_player(text(parent)[: ref.start_byte - parent.start_byte].rstrip("?!. \t\n"))


def _names_player(receiver: str) -> bool:
    """A receiver named for a player (`_bgmPlayer`, `videoController`), not for the app's own object
    (`this`, a view model, a service) that could hold a same-named method."""
    return bool(receiver) and not re.fullmatch(r"(self|this|super|_?viewModel|vm|model|\w*(state|service|manager|helper|controller)\w*)\??", receiver, re.I) and bool(PLAYER_RECEIVER.search(receiver))


def _dart_member_receiver(ref: Node) -> str | None:
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


def _is_declaration_name(ref: Node) -> bool:
    parent = ref.parent
    return parent is not None and parent.type in ("function_declaration", "method_declaration", "function_signature")


def _references(name: str, ctx: CheckContext) -> list[Node]:
    index = ctx.memo.get("autoplay_mobile.identifiers")
    if index is None:
        index = {}
        for node in walk(ctx.root):
            if node.type in IDENTIFIER_TYPES:
                index.setdefault(text(node), []).append(node)
        ctx.memo["autoplay_mobile.identifiers"] = index
    return index.get(name, [])


# --------------------------------------------------------------------------------------------
# across files: the project index (who calls a music service's method, who opens a screen)

# Receiver words that say nothing about which class a method belongs to.
GENERIC_WORDS = frozenset(
    "the my app get instance shared default current main service services manager managers controller helper "
    "handler provider repository repo utils util impl of read watch context ref locator sl".split()
)
# Names of things around a call site that mean the person acted (beyond project_index.USER_NAME):
# a tapped notification, a SwiftUI navigation link or sheet.
USER_SITE = re.compile(
    r"^(notificationOpened|onNotification\w*(Click|Tap|Open)\w*|userNotificationCenter|NavigationLink|"
    r"sheet|fullScreenCover|popover|navigationDestination|onItemClick\w*|onListItemClick)$"
)
# Dart route tables and Compose destinations register a screen; they do not open it.
ROUTE_REGISTRATION = re.compile(r"^(routes|GoRoute|GetPage|composable|onGenerateRoute|MaterialApp|CupertinoApp|getPages)$")
# Screens that are not about one item the person picked: feeds, first screens, menus and games
# (music in a game screen opened by "Play" still starts by itself).
NOT_ITEM_SCREEN = re.compile(
    r"\b(feed|feeds|shorts?|reels?|story|stories|tiktok|swipe|pager|splash|intro|onboarding|welcome|background|home|"
    r"main|landing|login|signin|signup|sign|auth|promo|hero|ads?|advert|banner|launch|launcher|dashboard|menu|game|"
    r"level|lobby|tab|tabs)\b"
)
# Matched against the words of a screen's name (`DisplayMessageActivity` is "display message activity").
MEDIA_SCREEN_NAME = re.compile(
    r"\b(videos?|movies?|films?|trailers?|clips?|episodes?|play|player|playback|watch|stream|live|channel|tv|"
    r"lessons?|lectures?|tutorials?|demos?|exercises?|workouts?|songs?|tracks?|podcasts?|details?|media)\b"
)
AUDIO_SCREEN_NAME = re.compile(r"\b(songs?|tracks?|episodes?|podcasts?|audiobooks?|sura|surah|recitation)\b")
# The screen reads the item the opener handed over: an Intent extra, a Fragment argument, a Flutter
# widget field, a Swift property set before it is pushed.
ITEM_HANDED_OVER = re.compile(
    r"((getIntent\(\)|\bintent\b|\barguments\b|\bextras\b|\bwidget\b|navArgs|requireArguments|getArguments\(\))"
    r"\W[^;\n]{0,60}?|\b(var|let)\s+)\w*(video|url|uri|path|media|movie|clip|trailer|episode|lesson|song|track|audio|stream|link|mp4|file)\w*",
    re.I,
)
# Flutter: the screen reads the object its route was pushed with (`pushNamed(route, arguments: item)`).
ROUTE_ARGUMENTS = re.compile(r"\bModalRoute\.of\(\s*context\s*\)\s*[!?]?\s*\.settings\.arguments\b|\bGet\.arguments\b")
# Music and effect names at a load-time call site of a generic sound helper (`bgm.playSound(menu, true)`).
MUSIC_AT_SITE = re.compile(r"(bgm|music|theme|song|soundtrack|background|ambient|loop|,\s*true\s*\))", re.I)
RETURN_TO_APP = re.compile(r"(willEnterForeground|didBecomeActive|WillEnterForeground|DidBecomeActive|AppLifecycleState\.resumed)")


def _project_callers_kind(fn: Node, name: str, ctx: CheckContext) -> tuple[str, str]:
    """How the other files of the project call `name` (a method this file defines): `load` as soon
    as one call runs as a screen or game loads (initState, onLoad, main, onCreate, viewDidLoad,
    followed up to two callers), `user` when every call answers a tap, `none` when nothing calls it,
    else `unknown`. Calls are kept only when their receiver can be this class's object (or when no
    other class defines the name); the sites themselves are in `where` (`initState in lib/a.dart:22`)."""
    if not _queryable(fn, name):
        return "unknown", ""
    key = ("autoplay_mobile.project_callers", name, fn.start_byte)
    if key in ctx.memo:
        return ctx.memo[key]
    index = project_index.for_context(ctx)
    own = str(ctx.path.resolve())
    owner = _owner_of(fn)
    others = {d.owner for d in index.definitions(name) if d.path != own or d.owner != owner} - {owner}
    sites = [s for s in index.calls(name) if s.path != own and not _in_tests(s) and _same_target(s, owner, others)]
    sites += [
        s for s in index.references(name)
        if s.role == "passed" and s.path != own and not _in_tests(s) and (not others or s.owner == owner)
    ]
    if not sites:
        result = ("none", "") if _whole_project(index, ctx) else ("unknown", "")
    else:
        judged = [(_site_kind(site, index), site) for site in sites]
        if _is_sound_effect_name(name):  # a generic `playSound(...)`: only calls that name music count as load
            judged = [(k if k != "load" or MUSIC_AT_SITE.search(s.snippet) else "other", s) for k, s in judged]
        judged = [(k if k != "load" or not _effect_at_site(s, name) else "other", s) for k, s in judged]
        judged = [(k if k != "load" or not _in_tapped_item_screen(s, ctx) else "user", s) for k, s in judged]
        judged = [(k if k != "load" or not _in_composer(s) else "user", s) for k, s in judged]
        load = next((s for k, s in judged if k == "load"), None)
        view = next((s for k, s in judged if k == "view"), None)
        if load is not None:
            result = ("load", f"{_site_holder(load) or 'the top level'} in {load.where()}")
        elif view is not None:  # a subclass's scroll callback runs the base class's `startPlay(position)`
            result = ("view", f"{_site_holder(view) or 'a feed callback'} in {view.where()}")
        elif all(k == "user" for k, _ in judged):
            result = ("user", f"a tap in {judged[0][1].where()}")
        else:
            result = ("unknown", "")
    ctx.memo[key] = result
    return result


TEST_PATH = re.compile(r"(^|/)(test|tests|androidTest|testDebug|integration_test|test_driver|\w*UITests|\w*Tests)/|_test\.dart$|Tests?\.(swift|kt|java)$")


def _in_tests(site: project_index.Site) -> bool:
    """A call from a test (`main()` of a `_test.dart` is not the app loading)."""
    return bool(TEST_PATH.search(site.shown))


def _whole_project(index: project_index.ProjectIndex, ctx: CheckContext) -> bool:
    """The index covers a real project (a marker at its root, or a folder the scanner pinned as the
    project), not only the scanned file's folder: only then does "nothing calls it" mean dead code."""
    return getattr(ctx, "project_root", None) is not None or index.root_is_project()


def _effect_at_site(site: project_index.Site, name: str) -> bool:
    """The call hands over a short effect (`startSoundTrack(AssetAudios.challengeWinSound)`): a victory
    jingle as a screen opens, not music."""
    start = site.snippet.find(name + "(")
    words = _words(site.snippet[start + len(name) :] if start >= 0 else "")
    return bool(SFX_FILE.search(words)) and not MUSIC_FILE.search(words)


def _in_tapped_item_screen(site: project_index.Site, ctx: CheckContext) -> bool:
    """The load-time call sits in a screen about one item that every opener opens from a tap
    (`_SongPageState.initState` calling `radio.playSelectedSong(widget.song)`, SongPage pushed from
    `onTap`): the service plays what the person picked."""
    state = re.fullmatch(r"_?(\w+?)State", site.owner)
    screen = state.group(1) if state else site.owner
    words = _words(screen)
    if not re.search(r"(Activity|Fragment|Screen|Page|ViewController|VC|View)$", screen) or NOT_ITEM_SCREEN.search(words):
        return False
    if not (MEDIA_SCREEN_NAME.search(words) or AUDIO_SCREEN_NAME.search(words)):
        return False
    key = ("autoplay_mobile.opened_by_user", screen)
    if key not in ctx.memo:
        ctx.memo[key] = _openers_all_user(screen, ctx)
    return bool(ctx.memo[key])


def _in_composer(site: project_index.Site) -> bool:
    """A call from a screen or folder for recording, picking or uploading media
    (`Upload/VideoCaptureView.swift`, `UploadVideoFragment`): it previews the person's own media."""
    folders = site.shown.split("/")[:-1]
    return any(COMPOSER_FOLDER.search(f) for f in folders) or bool(COMPOSER_CLASS.search(site.owner))


def _queryable(fn: Node, name: str) -> bool:
    """A method other files can call, with a name distinctive enough to look up (`playMusic`,
    `startBgm`; not `play`, `resume`, a Dart `_private` or a Kotlin/Java/Swift `private` one)."""
    if len(name) < 7 or len(_words(name).split()) < 2 or name in project_index.COMMON_NAMES:
        return False  # one-word names (`resume`, `restart`) are in too many files: every one would be parsed
    if _is_private(fn, name):
        return False
    return not (LOAD_FN.match(name) or VIEW_FN.match(name) or USER_FN.search(name) or ENDED_FN.match(name))


def _named_to_guess(fn: Node, name: str) -> bool:
    """A function the name heuristics below would judge (`setupPlayerView`, `playMenuMusic`): they
    stand for "called as the view loads", so a project where nothing calls it says otherwise.
    Framework callbacks (`override`, `@objc`, `@IBAction`) are called from outside the project."""
    if re.search(r"\boverride\b|@[Oo]verride|@objc|@IBAction", _signature_text(fn)):
        return False
    return bool(SETUP_FN.match(name) or BACKGROUND_MUSIC.search(_words(name)))


def _has_local_callers(fn: Node, name: str, ctx: CheckContext) -> bool:
    return any(not (fn.start_byte <= ref.start_byte < fn.end_byte) and not _is_declaration_name(ref) for ref in _references(name, ctx))


def _owner_of(node: Node) -> str:
    """The class (object, struct, extension) around `node`, as the project index names owners."""
    for ancestor in ancestors(node):
        if ancestor.type in project_index.CLASS_TYPES:
            holder = ancestor.parent if ancestor.type == "class_body" and ancestor.parent is not None else ancestor
            name = _class_name(holder)
            if name:
                return name
    return ""


def _same_target(site: project_index.Site, owner: str, others: set[str]) -> bool:
    """A call that can reach this class's method: nobody else defines the name, or the receiver
    names the class (`AudioService.instance`, `audioService`, `context.read<AudioService>()`) or
    shares a word with it (`_music` for `MusicPlayer`), or a bare call inside the class."""
    if not others:
        return True
    if not site.receiver:
        return site.owner == owner or _subclass_of(site, owner)
    if owner and owner.lower() in site.receiver.lower():
        return True
    mine = set(_words(owner).split()) - GENERIC_WORDS
    theirs = set(_words(re.sub(r"[^\w]+", " ", site.receiver)).split()) - GENERIC_WORDS
    return bool(mine & theirs)


def _subclass_of(site: project_index.Site, owner: str) -> bool:
    """The bare call sits in a class that extends `owner` (`class AutoPlayFragment extends
    ListFragment`, Kotlin/Swift `class A : Base`): it calls the inherited method. (Generic: belongs
    with the project index.)"""
    if not site.owner or not owner or site.owner == owner:
        return False
    try:
        stamp = Path(site.path).stat().st_mtime_ns
    except OSError:
        return False
    return owner in _supertypes(site.path, stamp).get(site.owner, ())


@functools.lru_cache(maxsize=512)
def _supertypes(path: str, stamp: int) -> dict[str, frozenset[str]]:
    """Class name -> the type names in its head (`class A extends B implements C` -> {B, C}), for one
    file (cached per file version: a project asks this for many call sites)."""
    try:
        source = Path(path).read_text("utf-8", "replace")
    except OSError:
        return {}
    heads: dict[str, frozenset[str]] = {}
    for match in re.finditer(r"\bclass\s+([A-Za-z_]\w*)([^{;]{0,400})", source):
        head = re.sub(r"\([^()]*\)", " ", re.sub(r"<[^<>]*>", " ", match.group(2)))  # generics, a Kotlin constructor's parameters
        names = frozenset(re.findall(r"[A-Za-z_]\w*", head))
        heads[match.group(1)] = heads.get(match.group(1), frozenset()) | names
    return heads


def _site_kind(site: project_index.Site, index: project_index.ProjectIndex) -> str:
    """`load`, `user`, `view` or `other` for a call site in another file: the index's reading of the
    names around it, then this module's reading of that file's code around the site (Kotlin trailing
    lambdas such as `setOnClickListener { }`, Swift `didSelectRowAt`), then the callers of the
    function holding it (two levels)."""
    kind = project_index.classify(site)
    if kind:
        return kind
    if any(USER_SITE.match(value) for _, value in site.context):
        return "user"
    if site.role == "passed":  # handed over (`callback: startGame`): it runs when the receiver calls it
        return "user" if any(part != "fn" and USER_HOST.search(value) for part, value in site.context) else "other"
    kind = _kind_in_file(site)
    if kind:
        return kind
    holder = _site_holder(site)
    if not holder or len(holder) < 5 or holder in project_index.COMMON_NAMES:
        return "other"
    others = {d.owner for d in index.definitions(holder)} - {site.owner}
    if others:  # several classes define `startPlayback`: only the calls that can reach this one count, one level
        direct = [s for s in index.calls(holder) if not _in_tests(s) and _site_holder(s) != holder and _same_target(s, site.owner, others)]
        kinds = {project_index.classify(s) or _kind_in_file(s) or _holder_kind(s, index) for s in direct}
    else:
        kinds = {_trigger_kind(t) for t in index.triggers(holder, depth=2) if not _in_tests(t.site)}
    if "load" in kinds:
        return "load"
    if "view" in kinds:
        return "view"
    return "user" if kinds == {"user"} else "other"


def _holder_kind(site: project_index.Site, index: project_index.ProjectIndex) -> str:
    """How the function holding `site` runs, from its own callers (one level)."""
    holder = _site_holder(site)
    if not holder or len(holder) < 5 or holder in project_index.COMMON_NAMES:
        return "other"
    kinds = {_trigger_kind(t) for t in index.triggers(holder, depth=1) if not _in_tests(t.site)}
    return "load" if "load" in kinds else "user" if kinds == {"user"} else "other"


def _trigger_kind(trigger: project_index.Trigger) -> str:
    """A trigger the index left undecided is a tap when a label or call around it says so (`onToggle:`)."""
    if trigger.kind == "other" and any(part != "fn" and (USER_SITE.match(value) or USER_HOST.search(value)) for part, value in trigger.site.context):
        return "user"
    if trigger.kind == "other" and any(VIEW_FN.match(name) for name in trigger.site.functions):
        return "view"  # `onScrollStateChanged(...) { autoPlayVideo(view) }`: as an item settles in a feed
    return trigger.kind


def _site_holder(site: project_index.Site) -> str:
    return next((value for part, value in site.context if part == "fn"), "")


_trees: dict[str, tuple[bytes, Node]] = {}  # other files of the project, parsed once per process (a few)


def _kind_in_file(site: project_index.Site) -> str | None:
    """How the code at a site of another file runs, read as `situation` reads this file's code
    (lambda hosts and the first named function), without following callers."""
    node = _node_at(site)
    return _kind_around(node) if node is not None else None


def _kind_around(node: Node) -> str | None:
    """`situation` without callers: the first lambda host or named function around `node` that decides."""
    for fn in enclosing_functions(node):
        if fn.type == "function_body" and fn.parent is not None and fn.parent.type in FUNCTION_TYPES:
            continue
        if fn.type in LAMBDA_TYPES:
            host = lambda_host(fn)
            kind = _host_kind(host, fn)
            if kind:
                return kind
            if EVENT_HOST.match(host):
                return "other"  # `ref.listen(provider, (prev, next) {...})` in build: runs on a later change, not at load
            continue
        name = function_name(fn)
        if name == "prepare" and "segue" in _signature_text(fn):
            return _segue_kind(fn)
        if name:
            return _function_kind(fn, name)
    return None


def _segue_kind(prepare: Node) -> str | None:
    """UIKit `prepare(for segue:sender:)` runs before a storyboard segue: one a control or cell
    triggers (a tap), unless the file performs segues itself, then as those `performSegue` calls run."""
    root = prepare
    while root.parent is not None:
        root = root.parent
    performs = [call.node for call in calls(root) if call.name == "performSegue"]
    kinds = {_kind_around(node) for node in performs}
    return "user" if kinds <= {"user"} else None


def _node_at(site: project_index.Site) -> Node | None:
    """The identifier `site.name` on the site's line, in a tree parsed from the file on disk."""
    from designlint.languages import kind_for
    from designlint.source import SkipFile, TimeBudgetExceeded, parse_source

    try:
        data = Path(site.path).read_bytes()
    except OSError:
        return None
    cached = _trees.get(site.path)
    if cached is None or cached[0] != data:
        kind = kind_for(Path(site.path).name)
        try:
            source = parse_source(Path(site.path), data, kind, time.monotonic() + 5.0) if kind is not None else None
        except (SkipFile, TimeBudgetExceeded, ValueError, RecursionError):
            source = None
        if source is None or not source.regions:
            return None
        if len(_trees) > 32:
            _trees.clear()
        cached = _trees[site.path] = (data, source.regions[0].tree.root_node)
    row, stack = site.line - 1, [cached[1]]
    while stack:
        node = stack.pop()
        if node.start_point[0] > row or node.end_point[0] < row:
            continue
        if node.child_count == 0 and text(node) == site.name:
            return node
        stack.extend(reversed(node.children))
    return None


def _on_return_to_app(ref: Node) -> bool:
    """A reference registered for the app's return to the foreground (a resume, not a load)."""
    for ancestor in ancestors(ref):
        if ancestor.type in FUNCTION_TYPES or ancestor.type in ("statements", "block", "class_body"):
            return False
        if ancestor.type in CALL_NODE_TYPES and RETURN_TO_APP.search(text(ancestor)):
            return True
    return False


def _screen_opened_by_user(node: Node, ctx: CheckContext) -> str:
    """A screen about one item (a video, an episode, a lesson: its name says so or it reads the item
    handed over in an Intent extra, a widget field, a property) whose every opener in the other files
    of the project is a tap (`startActivity(Intent(ctx, VideoActivity::class.java))` in
    `setOnClickListener`, `Navigator.push(... VideoScreen(url))` in `onTap`, `present(VideoVC())` in
    `didSelectRowAt`): starting the item there answers that tap. Returns the evidence or ""."""
    screen, scope = _screen_of(node, ctx)
    if not screen:
        return ""
    key = ("autoplay_mobile.opened_by_user", screen)
    if key not in ctx.memo:
        ctx.memo[key] = _openers_all_user(screen, ctx) if _item_screen(screen, scope, node, ctx) else ""
    return ctx.memo[key]


def _screen_of(node: Node, ctx: CheckContext) -> tuple[str, Node | None]:
    """The screen class around `node` and its name as openers write it (Flutter `_VideoPageState` is
    opened as `VideoPage(...)`); ("", None) when the code is not in a screen."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    if outer is None:
        return "", None
    name = _class_name(outer)
    head = _class_head(outer)
    state = re.fullmatch(r"_?(\w+?)State", name)
    if ctx.language == "dart":
        if state and re.search(r"\b\w*State\s*<", head):  # State<...>, ConsumerState<...> (Riverpod)
            return state.group(1), ctx.root
        return (name, outer) if re.search(r"\bextends\s+(StatelessWidget|StatefulWidget|ConsumerWidget|HookWidget)\b", head) else ("", None)
    if SCREEN_BASE.search(head) or re.search(r"(Activity|Fragment|ViewController|VC)$", name):
        return name, outer
    if ctx.language == "swift" and re.search(r":\s*(\w+\s*,\s*)*(View|UIViewController|AVPlayerViewController|UIViewRepresentable|UIViewControllerRepresentable)\b", head):
        return name, outer
    if ctx.language == "swift" and name.endswith("ViewModel") and re.search(r":\s*(\w+\s*,\s*)*ObservableObject\b", head):
        return name, outer  # a player view model built where its screen is opened (`NavigationLink(destination: V(vm: VM(url)))`)
    return "", None


def _item_screen(screen: str, scope: Node, node: Node, ctx: CheckContext) -> bool:
    """A screen about one item: not a feed, first screen, menu or game, and named for media or a
    detail, or reading the item it was handed (for music, only the latter or a song/episode name)."""
    words = _words(screen)
    if NOT_ITEM_SCREEN.search(words):
        return False
    handed = bool(ITEM_HANDED_OVER.search(text(scope)) or ROUTE_ARGUMENTS.search(text(scope)))
    if _label(_receiver_text(node), ctx) == "audio":
        return handed or bool(AUDIO_SCREEN_NAME.search(words))  # music in a screen opened by "Play" is not an answer
    return handed or bool(MEDIA_SCREEN_NAME.search(words))


def _receiver_text(node: Node) -> str:
    call = as_call(node)
    return call.receiver if call is not None else text(node)[:60]


def _openers(screen: str, ctx: CheckContext, own: str) -> list[project_index.Site]:
    """The places outside `own` (a path) that open or embed `screen`; a Flutter route table entry
    (`case AppRoutes.lesson: ... LessonView()`) stands for the places that push that route."""
    index = project_index.for_context(ctx)
    opens = re.compile(rf"(\b{re.escape(screen)}\s*(::class|\.class\b|\.self\b|\.newInstance\b|\.routeName\b|\.route\b|\(|\.init\b)|\bas[?!]?\s+{re.escape(screen)}\b|<{re.escape(screen)}>)")
    itself = (screen, f"_{screen}State", f"{screen}State")  # its declaration, constructor and createState()
    found = []
    for s in [*index.calls(screen), *index.references(screen)]:
        if s.path == own or s.owner in itself or _in_tests(s) or not opens.search(s.snippet) or _in_swift_preview(s):
            continue
        if any(ROUTE_REGISTRATION.match(value) for _, value in s.context):
            found += _route_pushes(s, index)
            continue
        found.append(s)
    return found


def _in_swift_preview(site: project_index.Site) -> bool:
    """An Xcode preview (`#Preview { ... }`, `struct X_Previews: PreviewProvider`): not an opener."""
    if not site.path.endswith(".swift"):
        return False
    if site.owner.endswith("_Previews") or site.owner.endswith("Preview"):
        return True
    try:
        lines = Path(site.path).read_text("utf-8", "replace").splitlines()[: site.line]
    except OSError:
        return False
    top = next((line for line in reversed(lines) if line[:1] not in ("", " ", "\t", "}", "/")), "")
    return bool(re.match(r"#Preview\b|(struct|class)\s+\w+\s*:\s*PreviewProvider\b", top))


ROUTE_CASE = re.compile(r"^\s*case\s+([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*:")


def _route_pushes(registration: project_index.Site, index: project_index.ProjectIndex) -> list[project_index.Site]:
    """For a screen built under `case AppRoutes.pattern:` of an `onGenerateRoute` switch, the
    places in other files that hand `AppRoutes.pattern` over (to `pushNamed`, a navigate helper)."""
    try:
        lines = Path(registration.path).read_text("utf-8", "replace").splitlines()[max(0, registration.line - 12) : registration.line]
    except OSError:
        return []
    case = next((m for m in map(ROUTE_CASE.match, reversed(lines)) if m), None)
    if case is None:
        return []
    holder, route = case.groups()
    return [
        s for s in [*index.references(route), *index.calls(route)]
        if s.path != registration.path and not _in_tests(s) and s.receiver.split(".")[-1] == holder
    ]


def _openers_all_user(screen: str, ctx: CheckContext) -> str:
    """The evidence that every place in the other files that opens `screen` is a tap, or ""."""
    index = project_index.for_context(ctx)
    openers = _openers(screen, ctx, str(ctx.path.resolve()))
    if not openers:
        return ""
    if all(_site_kind(site, index) == "user" for site in openers):
        return f"{screen} is opened by a tap ({openers[0].where()})"
    return ""


# Functions that build a view's content: a screen constructed there is part of that view, shown with it.
EMBED_FN = re.compile(r"^(body|build|makeUIView|makeUIViewController|makeNSView|makeNSViewController|makeBody|loadView|viewDidLoad)$")
# Arguments that say which item of a list the opened screen shows.
ITEM_ARGUMENT = re.compile(r"\b\w*(index|position|item|video|clip|post|reel|content)\w*\s*[:=(]", re.I)


def _tapped_viewer(node: Node, ctx: CheckContext) -> str:
    """A viewer (even one that pages through a feed) that the person opens by tapping an item of a
    grid or list, handed that item (`NavigationLink { MemberFeedView(index: index) }`, directly or
    through the views that embed it): starting the tapped item there answers the tap. Its swipes
    to the next item are judged on their own. Returns the evidence or ""."""
    screen, _ = _screen_of(node, ctx)
    if not screen or project_index.too_common(screen):
        return ""
    return _opened_by_item_tap(screen, ctx, str(ctx.path.resolve()), 0)


def _opened_by_item_tap(screen: str, ctx: CheckContext, own: str, depth: int) -> str:
    key = ("autoplay_mobile.item_tap", screen)
    if key in ctx.memo:
        return ctx.memo[key]
    ctx.memo[key] = ""  # a cycle of views embedding each other decides nothing
    index = project_index.for_context(ctx)
    openers = _openers(screen, ctx, own)
    evidence = ""
    for site in openers:
        if _site_kind(site, index) == "user":
            evidence = f"{screen} is opened by a tap on an item ({site.where()})" if _hands_over_item(site) else ""
        elif _embedded_in(site) and depth < 2 and site.owner and site.owner != screen:
            evidence = _opened_by_item_tap(site.owner, ctx, site.path, depth + 1)
        else:
            evidence = ""
        if not evidence:
            break
    ctx.memo[key] = evidence if openers else ""
    return ctx.memo[key]


def _embedded_in(site: project_index.Site) -> bool:
    """A view constructed in another view's `body` / `build` / `makeUIView` (as its content)."""
    return bool(site.functions) and bool(EMBED_FN.match(site.functions[0]))


def _hands_over_item(site: project_index.Site) -> bool:
    """The opening call names the item or its place in the list (`MemberFeedView(index: index)`,
    `VideoPage(video: videos[i])`, `pushNamed(route, arguments: item)`)."""
    node = _node_at(site)
    if node is None:
        return False
    call = next((c for c in map(as_call, ancestors(node)) if c is not None and c.name == site.name), None)
    return call is not None and bool(ITEM_ARGUMENT.search(text(call.node)[len(site.name):]))


def _embedding_host_starts(node: Node, receiver: str, ctx: CheckContext) -> str:
    """The view around `node` is only ever shown inside other views (`UIHostingController(rootView:
    ContentPlayerView(...))` in a pager's `makeUIView`), and one of them starts the same player
    (`feedPlayersViewModel.currentPlayer?.play()`): that start is the one reported. Returns its file."""
    player = _player_key(receiver)
    screen, _ = _screen_of(node, ctx)
    if not player or not screen or project_index.too_common(screen):
        return ""
    openers = _openers(screen, ctx, str(ctx.path.resolve()))
    if not openers or not all(_embedded_in(site) for site in openers):
        return ""
    starts = re.compile(rf"\b{re.escape(player)}\s*[?!]?\s*\.\s*play\(\s*\)")
    for site in openers:
        try:
            if starts.search(Path(site.path).read_text("utf-8", "replace")):
                return site.shown
        except OSError:
            continue
    return ""


# --------------------------------------------------------------------------------------------
# conditions around the match


def guard(node: Node, ctx: CheckContext) -> str | None:
    """'state' when the code runs only under the person's own play/pause state, 'view' under a
    visibility test, 'flag-on' / 'flag-off' under an autoplay flag (off when it defaults to false)."""
    stop = next(iter(enclosing_functions(node)), None)
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
        flag = AUTOPLAY_FLAG.search(condition)
        if flag:
            return "flag-off" if _flag_defaults_off(flag.group(1), ctx) else "flag-on"
        if _opt_in_preference(condition, ctx):
            return "flag-off"  # `if (musicOn)` read from a preference that is off unless the person turns it on
        if VIEW_GUARD.search(condition):
            return "view"
        if STATE_GUARD.search(condition) and not _only_not_playing(condition):
            if _flipped_from_off(condition, ancestor, ctx):
                continue  # `_playing = !_playing; if (_playing) play()` with `_playing = false`: the first call starts it
            return "state"
    return None


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


def _toggle_only_pauses(node: Node, ctx: CheckContext) -> bool:
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
            start, end = _condition_span(ancestor)
            condition = ctx.data[start:end].decode("utf-8", "replace")
            if PLAYING_NOW.search(condition):
                in_else = True
                break
    name = function_name(fn)
    if not in_else or not name:
        return False
    refs = [r for r in _references(name, ctx) if not _is_declaration_name(r) and not _inside_own_body(r, fn) and r.parent is not None and r.parent.type not in ("function_signature", "method_signature")]
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


# `wasPlaying`, `_wasPlayingBeforePause` (not negated): playback that was on before a pause, a
# quality switch or a rebuild, put back as it was.
RESTORE_GUARD = re.compile(r"(?<![!\w])_?was\w*Playing\w*\b(?!\s*==\s*false)")


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
    start, end = _condition_span(branch)
    alternative = branch.child_by_field_name("alternative")
    if alternative is not None and alternative.start_byte <= inner.start_byte < alternative.end_byte:
        return ""  # in the else branch: the condition says nothing simple
    if start <= inner.start_byte < end:
        return ""
    return branch.text[start - branch.start_byte : end - branch.start_byte].decode("utf-8", "replace")


def _condition_span(branch: Node) -> tuple[int, int]:
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


def _flag_defaults_off(name: str, ctx: CheckContext) -> bool:
    """`this.autoPlay = false`, `autoPlay: Boolean = false`, `var autoplay = false` in the file: an
    opt-in. A flag without a default is set by the caller (often from a setting that is on)."""
    short = re.escape(name.split(".")[-1])
    source = ctx.data.decode("utf-8", "replace")
    # Swift `var autoPlayVideos: Bool { settings.autoPlay }`, Kotlin `val autoPlay get() = ...`,
    # Dart `bool get autoPlay => ...`: read from a setting kept elsewhere, not an opt-in default.
    if re.search(rf"(\b{short}\s*:\s*Bool\s*\{{|\b{short}\s*(:\s*Boolean\s*)?get\s*\(|\bget\s+{short}\b)", source):
        return False
    if re.search(rf"\b{short}\s*(:\s*[\w?<>]+\s*)?=\s*false\b", source):
        return True
    # `final autoplay = ref.read(playbackConfig).autoplay;`, `val autoPlay = settings.isAutoPlay()`: read
    # from the app's settings, whose stored default may be in another file (a widget field is the caller's)
    read = re.search(rf"\b{short}\s*=\s*(?!widget\.|this\.|self\.)[^;\n]*\.\w*{short}\w*\b", source, re.I)
    return bool(read) and _project_setting_defaults_off(name.split(".")[-1], ctx)


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


def _is_media_receiver(receiver: str, call_node: Node, ctx: CheckContext) -> bool:
    if NOT_MEDIA.search(receiver) or _declared_as_not_media(receiver.split(".")[-1].strip("?!"), ctx):
        return False
    if PLAYER_RECEIVER.search(receiver):
        return True
    if receiver in ("it", "mp", "this", "self") and _in_prepared_callback(call_node):
        return True
    return _declared_as_player(receiver.split(".")[-1], ctx)


def _declared_as_player(name: str, ctx: CheckContext) -> bool:
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


def _prepared_only_on_tap(node: Node, ctx: CheckContext) -> bool:
    """Every `prepareAsync()` / `prepare()` in the class (or file) runs on a user action: the
    prepared callback that starts the player answers that tap."""
    scope = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), ctx.root)
    key = ("autoplay_mobile.prepared_on_tap", scope.start_byte)
    if key not in ctx.memo:
        sites = [c.node for c in calls(scope) if c.name in ("prepareAsync", "prepare") and not argument_nodes(c)]
        ctx.memo[key] = bool(sites) and all(situation(site, ctx)[0] == "user" for site in sites)
    return ctx.memo[key]


def _in_ready_callback(node: Node) -> bool:
    return _in_prepared_callback(node) or any(READY_FN.match(function_name(fn) or "") for fn in enclosing_functions(node) if fn.type not in LAMBDA_TYPES)


def _in_player_implementation(node: Node) -> bool:
    """The class around `node` is a player implementation: it extends a view or a player base class
    and defines two or more of the controls an app calls on a player (`start()`, `pause()`,
    `seekTo()`, `release()`, `startVideo()`), as JiaoZi's `Jzvd` or a custom `FrameLayout` player do."""
    owner = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
    if owner is None or not PLAYER_IMPL_BASE.search(_class_head(owner)):
        return False
    body = owner.child_by_field_name("body") or next((c for c in owner.named_children if c.type.endswith("body")), None)
    methods = [c for c in body.named_children if c.type in FUNCTION_TYPES] if body is not None else []
    controls = {function_name(m) for m in methods if PLAYER_CONTROLS.match(function_name(m) or "") and not re.search(r"\bprivate\b", _signature_text(m))}
    return len(controls) >= 2


# A player widget: a view class (`IjkVideoView extends FrameLayout`, `class ClipView : TextureView(...)`).
PLAYER_WIDGET_BASE = re.compile(r"(\bextends\s+|:\s*)\w*(View|Layout|ViewGroup)\b")
# A player implementation's own start control (`public void start()` of a vendored IjkVideoView).
OWN_START_CONTROL = re.compile(r"^(start|play|resume|startVideo|startPlay\w*|startPlayback)$")


def _player_own_start(node: Node) -> bool:
    """`node` is in the public start control of a player widget (`start()`) that the class itself calls only
    from its ready callbacks (`onPrepared` -> `if (mTargetState == STATE_PLAYING) start()`): the
    player carrying out a start someone asked for, judged where the app calls `start()`."""
    fn = enclosing_named_function(node)
    name = function_name(fn) if fn is not None else ""
    if not OWN_START_CONTROL.match(name or "") or re.search(r"\bprivate\b", _signature_text(fn)):
        return False
    owner = next((a for a in ancestors(fn) if a.type in CLASS_TYPES), None)
    if owner is None or not PLAYER_WIDGET_BASE.search(_class_head(owner)):
        return False  # a music service answering its own prepared callback plays for the app: judged here
    own_calls = [c for c in calls(owner) if c.name == name and c.receiver in ("", "this") and not within(c.node, fn)]
    return all(_in_ready_callback(c.node) or _in_surface_callback(c.node) or _under_requested_start(c.node) for c in own_calls)


def _in_surface_callback(node: Node) -> bool:
    """In a player view's surface callback (`onSurfaceChanged`, `surfaceCreated`): the player was waiting
    for its surface to carry out a start already asked for."""
    return any(SURFACE_READY_FN.match(function_name(fn) or "") for fn in enclosing_functions(node) if fn.type not in LAMBDA_TYPES)


SURFACE_READY_FN = re.compile(r"^(on)?[sS]urface(Changed|Created|TextureAvailable)$")


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


def _in_prepared_callback(node: Node) -> bool:
    for fn in enclosing_functions(node):
        host = lambda_host(fn) if fn.type in LAMBDA_TYPES else function_name(fn)
        if re.match(r"^(setOnPreparedListener|onPrepared|addOnPreparedListener)$", host or ""):
            return True
    return False


def _receiver(receiver: str, node: Node) -> str:
    """The player a call is made on: its receiver, or for a bare `play()` / `it.play()` inside
    `player.apply { }` / `ExoPlayer.Builder(ctx).build().also { }` / `with(player) { }`, the scope
    object's text."""
    if receiver and receiver != "it":
        return receiver
    if node.type == "cascade_section":
        return _cascade_receiver(node) or receiver
    return _scope_receiver(node) or receiver


def _cascade_receiver(section: Node) -> str:
    """Dart `VideoPlayerController.networkUrl(url)..play()`: the object the cascade is on, up to its
    first argument list (`VideoPlayerController.networkUrl`, `_controller`)."""
    sibling = section.prev_sibling
    while sibling is not None and (sibling.type == "cascade_section" or "comment" in sibling.type):
        sibling = sibling.prev_sibling
    owner = []
    while sibling is not None and sibling.type in ("identifier", "selector", "type_identifier", "new_expression", "const_object_expression", "unconditional_assignable_selector"):
        owner.insert(0, text(sibling))
        sibling = sibling.prev_sibling
    return re.split(r"[(<]", "".join(owner), maxsplit=1)[0].strip().rstrip(".?!")


def _scope_receiver(call: Node) -> str:
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


def _muted(node: Node, ctx: CheckContext) -> bool:
    """A mute in the enclosing function or in a same-file function it calls."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    return scope is not None and bool(MUTED.search(_handler_text(scope, ctx)))


def _label(receiver: str, ctx: CheckContext) -> str:
    data = ctx.data
    if "{" in receiver:  # `ExoPlayer.Builder(ctx).apply { setTrackSelector(...) }.build()`: the type, not the setup words
        receiver = re.split(r"[({]", receiver, maxsplit=1)[0]
    if re.search(r"audio|sound|music|song|bgm|track", receiver, re.I) or re.search(rb"\b(AVAudioPlayer|just_audio|audioplayers|flutter_soloud)\b", data) or re.search(r"soloud", receiver, re.I):
        return "audio"
    if re.search(r"exo", receiver, re.I) or b"ExoPlayer" in data:
        return "ExoPlayer"
    if b"AVQueuePlayer" in data or b"AVPlayer" in data:
        return "AVPlayer"
    if b"VideoView" in data and re.search(r"video", receiver, re.I):
        return "VideoView"
    if b"MediaPlayer" in data:
        return "MediaPlayer"
    return "video"


def _verdict(message: str, muted: bool) -> Verdict:
    if muted:
        return Verdict(message=message[:-1] + ", muted)" if message.endswith(")") else message, severity="info", note=MUTED_NOTE)
    return Verdict(message=message)


def _when(kind: str, where: str, what: str, label: str) -> str:
    if kind == "view":
        return f"{label} starts playing when it scrolls into view in a feed ({what} in {where})"
    return f"{label} starts playing when the screen loads ({what} in {where})"


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
    if kind == "load" and (_in_ready_callback(node) or _player_own_start(node)) and _in_player_implementation(node):
        return None  # the player library starting once prepared: the start someone asked for is judged where it is asked
    if kind == "load" and (_screen_opened_by_user(node, ctx) or _tapped_viewer(node, ctx)):
        return None  # a video detail screen the person opens by tapping that video, decided where it is opened
    found = guard(node, ctx)
    if found in ("state", "flag-off"):
        return None
    if found == "view":  # `if (isVisible) play()`: the feed pattern, wherever it runs
        return "view", where or "a visibility check"
    return (kind, where) if kind != "unknown" else None


def play_on_load(ctx: CheckContext) -> Verdict | bool:
    """`player.play()`, `mediaPlayer.start()`, `setPlayWhenReady(true)`, `youTubePlayer.loadVideo(id, 0f)`
    that runs when the screen loads or an item scrolls into view."""
    call = _match_call(ctx)
    if call is None:
        return False
    if not _starts_playback(call, ctx):
        return False
    receiver = _receiver(call.receiver, call.node)
    args = argument_nodes(call)
    judged = _autoplay_judgement(call.node, ctx)
    if judged is None:
        return False
    if (_is_sound_effect_name(judged[1]) or _in_sound_effect(call.node, ctx) or _plays_short_sound(call.node, ctx)) and not _loops_here(call.node, ctx):
        return False  # a short interface sound, a camera view; a player set to loop is music or a video
    if _in_call_or_service(call.node, ctx):
        return False
    if _toggle_only_pauses(call.node, ctx):
        return False  # `if (isPlaying) pause() else play()`, called only while it plays
    if _in_prepared_callback(call.node) or judged[1].startswith("onPrepared"):
        if _prepared_only_on_tap(call.node, ctx):
            return False  # `onPrepared { mp.start() }` after a `prepareAsync()` that only a click listener runs
    if call.name in ("loadVideo", "loadOrCueVideo") and _paused_right_after(call):
        return False  # `loadVideo(id, 0); player.pause();`: only cued, the person presses play
    if _one_shot_helper(call, receiver) and not _loops_here(call.node, ctx):
        return False  # `play(String effect) { final p = AudioPlayer(); ... p.play(); }`: an effect per call
    if _reported_start_before(call.node, _player_key(receiver), judged[0], ctx) or _resume_helper_restart(call.node, _player_key(receiver)):
        return False  # one finding per player: an earlier start of the same player in this class is reported
    if _embedding_host_starts(call.node, receiver, ctx):
        return False  # one finding per player: the view showing this one starts it
    if _caller_reports_itself(judged[1], ctx):
        return False  # one finding per player: `PlayMusic.playAudio(this)` in the screen's onCreate is reported there
    what = f"{call.name}({text(args[0]) if call.name == 'setPlayWhenReady' else ''})"
    if _flame_music(call, ctx) or _soloud_music(call, ctx):
        what = f"{call.receiver}.{call.name}(...)"
    message = _when(*judged, what, _label(receiver, ctx))
    if call.name == "setPlayWhenReady" and not _is_true(_unwrap_argument(args[0]), ctx):
        return Verdict(message=message, severity="info", note=SETTING_NOTE)
    if _loops_here(call.node, ctx) or _class_replays_at_end(call.node) or (call.name in ("loop", "loopLongAudio") and _flame_music(call, ctx)):
        message = message.replace(" (", " and loops without end (", 1)  # one finding: the loop is folded in
    return _verdict(message, _muted(call.node, ctx))


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
                subject = _swift_change_subject(fn)
                bound = re.search(r"of:\s*([A-Za-z_]\w*)", subject)
                paged = bound is not None and re.search(rf"(scrollPosition\(\s*id:|selection:)\s*\${re.escape(bound.group(1))}\b", ctx.data.decode("utf-8", "replace"))
                return f"onChange{subject}" if FEED_POSITION.search(subject) or paged else ""  # `.scrollPosition(id: $shownID)`
            continue
        name = function_name(fn)
        if not name or depth > 0:
            return ""
        for ref in _references(name, ctx):
            if _is_declaration_name(ref) or _inside_own_body(ref, fn):
                continue
            found = _feed_change_closure(ref, ctx, depth + 1)
            if found:
                return f"{name}, called from {found}"
        return ""
    return ""


def feed_swap(ctx: CheckContext) -> Verdict | bool:
    """SwiftUI feed: `.onChange(of: scrollPosition) { player.replaceCurrentItem(with: next) }` on the
    one shared AVPlayer that `.onAppear { player.play() }` started: the next video plays as the feed
    moves, with no `play()` of its own (AVPlayer keeps its rate across a new item)."""
    call = _match_call(ctx)
    if call is None or call.name != "replaceCurrentItem":
        return False
    if re.search(r"with:\s*nil\s*\)\s*$", text(call.arguments) if call.arguments is not None else ""):
        return False
    player = _player_key(_receiver(call.receiver, call.node))
    if not player:
        return False
    where = _feed_change_closure(call.node, ctx)
    if not where:
        return False
    scope = next((f for f in enclosing_functions(call.node) if f.type not in LAMBDA_TYPES), None) or next(iter(enclosing_functions(call.node)), None)
    if scope is not None and re.search(rf"\b{re.escape(player)}\s*[?!]?\.\s*(play|pause)\(\s*\)", _strip_comments(text(scope))):
        return False  # it plays (reported as a start) or pauses the new item itself
    if not _class_starts(call.node, ctx).get(player):
        return False  # nothing starts this player by itself: the new item waits for the person's play
    return _verdict(f"{_label(call.receiver, ctx)} moves on to the next item as the feed scrolls, on a player that already plays (replaceCurrentItem(with:) in {where})", _muted(call.node, ctx))


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
    if fn is None or not re.fullmatch(r"[A-Za-z_]\w*", name) or not re.search(r"\(\s*[^)\s]", _signature_text(fn)):
        return False
    fresh = rf"\b(final|var|val|let)\s+{re.escape(name)}\s*(:\s*[\w?]+\s*)?=\s*(new\s+|try[?!]?\s+)?(AudioPlayer|MediaPlayer|AVAudioPlayer|SoundPool)\b"
    return re.search(fresh, text(fn)) is not None


def _in_sound_effect(node: Node, ctx: CheckContext) -> bool:
    """In a function, class or file named for a short interface sound (`playTone`, `YralFeedback`),
    a live camera view or spoken assistant replies (not media that starts by itself)."""
    names = [ctx.path.stem] + [function_name(a) if a.type in FUNCTION_TYPES else _class_name(a) for a in ancestors(node) if a.type in FUNCTION_TYPES or a.type in CLASS_TYPES]
    return any(name and (_is_sound_effect_name(name) or NOT_MEDIA_CONTEXT.search(_words(name))) for name in names)


# Bundled sound files named for a short effect (`R.raw.win`, `forResource: "click"`), and names of music.
SFX_FILE = re.compile(r"\b(sounds?|sfx|click|tap|beep|ding|chime|pop|whoosh|swoosh|win(ner)?|lose|loser|fail|correct|wrong|"
                      r"success|error|alert|notification|coin|jump|hit|shoot|laser|explosion|ring|bell|buzz|cheer|applause|tick)s?\d*\b")
MUSIC_FILE = re.compile(r"\b(music|bgm|song|theme|track|background|bg|ambient|loop|soundtrack|video|intro|movie|clip)\b")
RESOURCE_NAME = re.compile(r"(?:R\.raw\.|forResource:\s*\"|Asset(?:Source)?\(\s*['\"]|setAsset\(\s*['\"])([\w\-/.]+)")


def _plays_short_sound(node: Node, ctx: CheckContext) -> bool:
    """The enclosing function loads only bundled files named for a short effect (`R.raw.sound`,
    `forResource: "success"`): an interface sound, not media that plays by itself."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    names = RESOURCE_NAME.findall(text(scope)) if scope is not None else []
    words = [_words(re.sub(r"\.\w+$", "", n.split("/")[-1])) for n in names]
    return bool(words) and all(SFX_FILE.search(w) and not MUSIC_FILE.search(w) for w in words)


# Android playback services (`class MediaService : Service()`) play what the app's controls ask for.
PLAYBACK_SERVICE = re.compile(r"\bextends\s+(Service|IntentService)\b|[:,]\s*(Service|IntentService|LifecycleService)\s*\(")


# Classes and files for an animation effect (`ConfettiOverlay`): their `play()` is not media.
ANIMATION_CONTEXT = re.compile(r"\b(confetti|lottie|rive|particles?|shimmer|skeleton|sparkles?|fireworks)\b")


def _in_call_or_service(node: Node, ctx: CheckContext) -> bool:
    """In code about a call or a chat's voice messages (a connecting tone loops, the other side's video
    plays), or in a playback service or audio handler that runs the commands of the app's controls
    (not in its `onCreate`)."""
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES or a.type in CLASS_TYPES:
            name = function_name(a) if a.type in FUNCTION_TYPES else _class_name(a)
            if name and (CALL_CONTEXT.search(_words(name)) or (a.type in CLASS_TYPES and ANIMATION_CONTEXT.search(_words(name)))):
                return True
            if a.type in CLASS_TYPES and (PLAYBACK_SERVICE.search(_class_head(a)) or MEDIA_SESSION_SERVICE.search(_class_head(a))):
                # a service that plays as soon as it is created still plays by itself
                named = enclosing_named_function(node)
                return named is None or function_name(named) != "onCreate"
    return bool(CALL_CONTEXT.search(_words(ctx.path.stem)) or ANIMATION_CONTEXT.search(_words(ctx.path.stem)))


def _is_sound_effect_name(name: str) -> bool:
    """`playTone`, `playWinSound`: a short sound; `playBackgroundSound` is music."""
    words = _words(name)
    return bool(SOUND_EFFECT.search(words)) and not BACKGROUND_MUSIC.search(words)


LOOP_ON = re.compile(
    r"(isLooping\s*=\s*true|setLooping\(\s*true|numberOfLoops\s*=\s*-\s*1|REPEAT_MODE_(ONE|ALL)|"
    r"LoopMode\.(one|all)|ReleaseMode\.(loop|LOOP)|AVPlayerLooper|LoopingMediaSource|\blooping:\s*true)"
)


def _loops_here(node: Node, ctx: CheckContext) -> bool:
    """The enclosing function (or a same-file function it calls) sets the player to loop."""
    scope = next((f for f in enclosing_functions(node) if f.type not in LAMBDA_TYPES), None)
    return scope is not None and bool(LOOP_ON.search(_handler_text(scope, ctx)))


def _words(name: str) -> str:
    """`playJoinSound, called from onJoin` -> "play join sound called from on join"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)  # `CODCallBaseVC` -> "COD Call Base VC"
    return re.sub(r"[^a-z0-9]+", " ", spaced.lower()).strip()


def _starts_playback(call: Call, ctx: CheckContext) -> bool:
    """`play()` / `start()` without arguments or `setPlayWhenReady(true)`, on a player."""
    if _flame_music(call, ctx) or _soloud_music(call, ctx):
        return True
    args = argument_nodes(call)
    if call.name == "setPlayWhenReady" and (len(args) != 1 or not (_is_true(_unwrap_argument(args[0]), ctx) or _autoplay_setting(_unwrap_argument(args[0]), ctx))):
        return False
    if call.name in ("play", "start") and args and not AUDIOPLAYERS_SOURCE.match(text(args[0]).strip()):
        return False  # play(x) is not a player's play(); audioplayers' play(AssetSource(...)) is
    if call.name == "playVideo" and ctx.language == "dart" and args:
        return False  # youtube_player_iframe `controller.playVideo()`; `playVideo(url)` is the app's own helper
    if call.name == "resume" and (args or not _source_set_before(call)):
        return False  # `resume()` starts audioplayers only after `setSource(...)` in the same function
    receiver = re.sub(r"\{.*\}", "", _receiver(call.receiver, call.node), flags=re.S)  # `Thread { ... }.start()`
    if call.name == "start" and NOT_PLAYER_START.search(receiver.split(".")[-1]):
        return False  # `loadMediaThread.start()`, `videoTimer.start()`
    if call.name == "start" and not START_RECEIVER.search(re.sub(r"\(.*\)", "()", receiver, flags=re.S)):
        in_prepared = receiver in ("it", "mp", "this", "self") and _in_prepared_callback(call.node)
        if not in_prepared and not _declared_as_player(receiver.split(".")[-1], ctx):
            return False
    return _is_media_receiver(receiver, call.node, ctx) or _plays_through_wrapper(call, receiver, ctx)


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
    words = _words(" ".join([text(args[0]), function_name(fn) if fn is not None else ""]))
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
    target = _function_named(call.name, ctx)
    if target is None or any(a.id == target.id for a in ancestors(call.node)):
        return False
    return bool(PLAY_CALL.search(_strip_comments(text(target))))


def play_when_ready(ctx: CheckContext) -> Verdict | bool:
    """Kotlin `player.playWhenReady = true` (or a `playWhenReady` variable that starts true)."""
    target, value = _assignment_sides(ctx.node)
    if target is None or value is None or not (_is_true(value, ctx) or _autoplay_setting(value, ctx)):
        return False
    receiver = _receiver(re.sub(r"\.?\s*playWhenReady$", "", text(target)).rstrip("?!."), ctx.node)
    if receiver and not _is_media_receiver(receiver, ctx.node, ctx):
        return False
    judged = _autoplay_judgement(ctx.node, ctx)
    if judged is None:
        return False
    if _reported_start_before(ctx.node, _player_key(receiver), judged[0], ctx) or _resume_helper_restart(ctx.node, _player_key(receiver)):
        return False  # one finding per player: an earlier start of the same player in this class is reported
    if _caller_reports_itself(judged[1], ctx):
        return False  # `videoPlayer.playVideo(view, url)` in the adapter's onViewAttachedToWindow is reported there
    message = _when(*judged, f"playWhenReady = {text(value)}", _label(receiver or "exo", ctx))
    if not _is_true(value, ctx):
        return Verdict(message=message, severity="info", note=SETTING_NOTE)
    return _verdict(message, _muted(ctx.node, ctx))


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
    return flag is not None and not text(value).lstrip().startswith("!") and not _flag_defaults_off(flag.group(1), ctx)


def _declared_true(name: str, ctx: CheckContext) -> bool:
    pattern = re.compile(rf"\b(var|val|let|boolean|bool|Boolean)\s+{re.escape(name)}\s*(:\s*\w+\??\s*)?=\s*true\b")
    return bool(pattern.search(ctx.data.decode("utf-8", "replace")))


def _declared_false(name: str, ctx: CheckContext) -> bool:
    pattern = re.compile(rf"\b(var|boolean|bool|Boolean)\s+{re.escape(name)}\s*(:\s*\w+\??\s*)?=\s*false\b")
    return bool(pattern.search(ctx.data.decode("utf-8", "replace")))


def autoplay_option(ctx: CheckContext) -> Verdict | bool:
    """Dart player options: `ChewieController(autoPlay: true)`, `BetterPlayerConfiguration(autoPlay:
    true)`, `YoutubePlayerFlags(autoPlay: true)`; `YoutubePlayerFlags()` autoplays by default."""
    node = ctx.node
    owner, arguments = _dart_constructor(node)
    if not owner or NOT_MEDIA.search(owner) or not re.search(r"(player|video|chewie|youtube|flick|pod|media|audio|reel|flags|params)", owner, re.I):
        return False
    named = _named_arguments(arguments)
    by_default = node.type != "named_argument"
    if by_default and "autoPlay" in named:
        return False  # judged on the autoPlay argument itself
    if not by_default and not _is_on(_named_value_text(node), ctx):
        return False
    kind = situation(node, ctx)[0]
    if kind == "user" or (kind == "load" and (_screen_opened_by_user(node, ctx) or _tapped_viewer(node, ctx))):
        return False  # a player option set up in code nothing calls still says how the player behaves
    loop = any(k in named and _named_value_text(named[k]) == "true" for k in ("looping", "loop"))
    muted = any(k in named and _named_value_text(named[k]) == "true" for k in ("mute", "muted", "startMuted"))
    setting = "autoPlay is on by default" if by_default else f"autoPlay: {_named_value_text(node)}"
    return _verdict(f"{owner} starts the video as soon as it loads ({setting}{', looping' if loop else ''})", muted)


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
    return flag is not None and not _flag_defaults_off(flag.group(1), ctx)


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
    if value != "ConcatenatingMediaSource" and _class_starts(node, ctx).get(_player_key(_loop_receiver(ctx))):
        return False  # the same player's start in this class is reported: one finding per player
    kind, where = judged
    what = "plays a playlist round and round" if re.search(r"_ALL$|\.all$", value) else "loops the video without end"
    if value == "ConcatenatingMediaSource":
        what = "plays a playlist, moving on to the next item by itself"
    if re.search(r"audio|sound|music|numberOfLoops|LoopMode|ReleaseMode", _loop_text(ctx), re.I) or _label("", ctx) == "audio" or (b"MediaPlayer" in ctx.data and b"VideoView" not in ctx.data):
        what = what.replace("the video", "the audio")
    return _verdict(f"player {what} ({value} in {where})", _muted(node, ctx))


def _player_key(receiver: str) -> str:
    """`self.player?`, `_player`, `this.player!`, `((VideoFragment) page)` -> "player" / "page": one
    name per player field; "" for a receiver that is a call (`Builder(ctx).build()`)."""
    bare = re.sub(r"\(\s*[A-Z][\w.<>]*\s*\)\s*", "", receiver or "").strip("() \t\n")  # Java casts
    if "(" in bare:
        return ""
    last = re.split(r"[.?!]+", re.sub(r"[?!]+$", "", bare))[-1] if bare else ""
    return last.lstrip("_") if re.fullmatch(r"_?[A-Za-z]\w*", last) and last not in ("it", "this", "self", "super") else ""


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
        return _receiver(call.receiver, ctx.node)
    target = re.match(r"\s*([\w.?!]+?)\s*\.\s*(repeatMode|isLooping|numberOfLoops)\b", source)
    if target:
        return target.group(1)
    scope = _scope_receiver(ctx.node)
    if "(" not in scope:
        return scope
    holder = next((a for a in ancestors(ctx.node) if a.type in ("assignment", "property_declaration")), None)
    held = re.match(r"\s*(?:(?:private|lateinit|val|var|let)\s+)*([\w.?!]+)", text(holder)) if holder is not None else None
    return held.group(1) if held else ""  # `player = ExoPlayer.Builder(ctx).build().apply { repeatMode = ... }`


def _class_starts(node: Node, ctx: CheckContext) -> dict[str, list[int]]:
    """Player name -> start offsets of the calls in the outermost class around `node` that start
    that player without a user action (memoised per class)."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    if outer is None:
        return {}
    key = ("autoplay_mobile.class_starts", outer.start_byte)
    if key not in ctx.memo:
        starts: dict[str, list[int]] = {}
        views: dict[str, list[int]] = {}
        for call in calls(outer):
            if (START_NAMES.match(call.name) or call.name == "resume") and _starts_playback(call, ctx):
                judged = _autoplay_judgement(call.node, ctx)
                name = _player_key(_receiver(call.receiver, call.node))
                if judged is not None and name:
                    starts.setdefault(name, []).append(call.node.start_byte)
                    if judged[0] == "view":
                        views.setdefault(name, []).append(call.node.start_byte)
        for node in walk(outer):  # Kotlin `player.playWhenReady = true`
            if node.type == "assignment" and re.match(r"^[\w.?!]*playWhenReady\s*=\s*true\b", text(node)):
                judged = _autoplay_judgement(node, ctx)
                target = re.sub(r"\.?\s*playWhenReady\s*=.*$", "", text(node), flags=re.S).rstrip("?!.")
                name = _player_key(_receiver(target, node))
                if judged is not None and name:
                    starts.setdefault(name, []).append(node.start_byte)
                    if judged[0] == "view":
                        views.setdefault(name, []).append(node.start_byte)
        ctx.memo[key] = starts
        ctx.memo[("autoplay_mobile.class_view_starts", outer.start_byte)] = views
    return ctx.memo[key]


def _resume_helper_restart(node: Node, player: str) -> bool:
    """A player wrapper's own `fun onResume() { exoPlayer?.playWhenReady = true }` (not a lifecycle
    override: the screen forwards its onResume) restarting the player another method of the wrapper
    starts (`playVideo(view, url)`): that start is judged where it is asked for, this one resumes it."""
    fn = enclosing_named_function(node)
    name = function_name(fn) if fn is not None else ""
    if not player or not re.match(r"^(onResume|onStart|onRestart|resume\w*)$", name) or re.search(r"\boverride\b|@Override|@objc", _signature_text(fn)):
        return False
    outer = next((a for a in ancestors(fn) if a.type in CLASS_TYPES), None)
    if outer is None or SCREEN_BASE.search(_class_head(outer)):
        return False
    starts = re.compile(rf"\b{re.escape(player)}\s*[?!]?\.\s*(playWhenReady\s*=\s*true|setPlayWhenReady\(\s*true|play\(\s*\)|start\(\s*\))")
    whole = text(outer)
    inside = (fn.start_byte - outer.start_byte, fn.end_byte - outer.start_byte)
    return any(not inside[0] <= m.start() < inside[1] for m in starts.finditer(whole))


def _reported_start_before(node: Node, player: str, kind: str, ctx: CheckContext) -> bool:
    """One finding per player and class: the first start that runs as an item scrolls into view
    (the feed, what the person meets most), else the first start in the class."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    starts = _class_starts(node, ctx).get(player, [])
    view_starts = ctx.memo.get(("autoplay_mobile.class_view_starts", outer.start_byte), {}) if outer is not None else {}
    views = view_starts.get(player, [])
    # `mCurrentVideoView.start()` in onResume after the page callback's `videoView.start();
    # mCurrentVideoView = videoView;`: the same view under its other name
    names = {player} | (_aliases(player, outer) if outer is not None and player and kind != "view" else set())
    if kind != "view" and any(view_starts.get(name) for name in names):
        return True  # `videoView.start()` in onResume / an observer, while the feed's page callback starts it too
    return any(start < node.start_byte for start in (views if kind == "view" else starts))


def _aliases(player: str, outer: Node) -> set[str]:
    """Other names of the same player in the class: `mCurrentVideoView = videoView;` after
    `videoView.start()` (the field keeps the local the feed started), and the other way round."""
    source = _strip_comments(text(outer))
    name = re.escape(player)
    found = set(re.findall(rf"(?<![\w.])(?:this\.|self\.)?_?{name}\s*=\s*(?:this\.|self\.)?([A-Za-z_]\w*)\s*[;\n]", source))
    found |= set(re.findall(rf"(?<![\w.])(?:this\.|self\.)?([A-Za-z_]\w*)\s*=\s*(?:this\.|self\.)?_?{name}\s*[;\n]", source))
    return {_player_key(f) for f in found if f not in ("null", "nil", "true", "false", "new")} - {"", player}


def _class_replays_at_end(node: Node) -> bool:
    """The class observes the item's end and seeks back to the start (`loopVideo()`), or sets a
    loop on a player: the start found there loops."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    source = _strip_comments(_text_without_user_handlers(outer)) if outer is not None else ""  # `//setLooping(true);` does not loop
    return bool(LOOP_ON.search(source)) or (bool(ENDED_CALL.search(source)) and bool(REPLAY.search(source)))


def _text_without_user_handlers(outer: Node) -> str:
    """The class's code without the bodies of its click handlers: a "Replay" button's
    `seekTo(0); start()` in `onClick` is the person's choice, not a loop."""
    data = outer.text
    cuts = []
    for node in walk(outer):
        if node.type in FUNCTION_TYPES and node.id != outer.id and project_index.USER_NAME.match(function_name(node) or ""):
            cuts.append((node.start_byte - outer.start_byte, node.end_byte - outer.start_byte))
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
    if re.search(r"(isLooping\s*=|setLooping\(|looping\s*=)\s*true\b", source):
        return re.sub(r"\s+", " ", source.split("\n")[0].strip().rstrip(";"))[-40:]
    named = re.search(r"(isLooping\s*=|setLooping\(|looping\s*=)\s*([A-Za-z_]\w*)\s*\)?\s*;?\s*$", source.strip())
    if named and named.group(2) not in ("true", "false") and _declared_true(named.group(2), ctx):
        return f"{named.group(1).strip()} {named.group(2)} (declared true)"
    return None


def scope_autoplays(node: Node, ctx: CheckContext) -> bool:
    """Whether the outermost class around `node` (with its Swift extensions), or the file when
    there is none, starts playback without a user action somewhere (memoised per class name)."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = _class_name(outer) if outer is not None else ""
    key = ("autoplay_mobile.autoplays", name)
    if key not in ctx.memo:
        scopes = [c for c in ctx.root.named_children if c.type in CLASS_TYPES and _class_name(c) == name] if name else [ctx.root]
        ctx.memo[key] = any(_starts_by_itself(site, ctx) for scope in scopes for site in _start_sites(scope, ctx))
    return ctx.memo[key]


def _class_name(node: Node) -> str:
    return text(node.child_by_field_name("name") or _first_name(node))


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
    owner = next((function_name(f) for f in enclosing_functions(node) if f.type in FUNCTION_TYPES and function_name(f)), "")
    if re.search(r"(STATE_ENDED|END_OF_MEDIA_ITEM)", text(node)) and PLAY_COMMAND.match(owner or ""):
        return False  # `fun play() { if (state == STATE_ENDED) reload() }`: restarting what the person asked to play
    if _in_sound_effect(node, ctx):
        return False  # the end of a spoken reply or a camera clip
    if _in_media_session_service(node) or _music_queue_engine(node):
        return False  # the queue of a music or podcast service plays on: the person started that queue
    if _chat_audio_message(node, ctx):
        return False  # the next voice message of a chat the person started listening to
    if situation(node, ctx, screens=False)[0] == "user":
        return False  # an ended check in a click handler; the end of a video in a player screen still counts
    source = _handler_text(body, ctx)
    label = _ended_label(node, ctx)
    if ADVANCE.search(source):
        return _verdict(f"{label} starts the next item by itself (auto-advance)", _muted(node, ctx))
    restarts = "Completion" in text(node) and PLAY_CALL.search(source)  # MediaPlayer/VideoView start() after the end
    if not (REPLAY.search(source) or restarts) or _opened_on_tap(node) or _opened_on_tap_path(ctx):
        return False  # a loop in a player the person opened is their choice, like a loop started on a tap
    if _class_starts(node, ctx):
        return False  # the class's own start of playback is reported: one finding for the looping video
    if restarts and not REPLAY.search(source):
        if _started_only_on_tap(node, ctx):
            return False
        return _verdict(f"{label} starts the media again when it ends (an endless loop)", _muted(node, ctx))
    if PLAY_CALL.search(source):
        return _verdict(f"{label} replays the media from the start (an endless loop)", _muted(node, ctx))
    if KEEPS_PLAYING.search(ctx.code_without_comments()) and not _started_only_on_tap(node, ctx):
        # `actionAtItemEnd = .none`: the player does not pause at the end, so a seek to zero loops it
        return _verdict(f"{label} seeks back to the start of a player that keeps playing (an endless loop)", _muted(node, ctx))
    return False


# An app's own music engine (`PlaybackManager`, `MusicPlayerManager`) with a queue, shuffle or repeat
# mode: playing on through the queue the person started is the player's job, not a feed.
MUSIC_ENGINE = re.compile(r"(music|audio|song|track|radio|playback|queue|player)", re.I)
NOT_MUSIC_ENGINE = re.compile(r"(video|reel|clip|feed|story|stories|short|movie|episode|lesson|course|(Activity|Fragment|Screen|Page|ViewController|VC|View|State)$)", re.I)
QUEUE_WORDS = re.compile(r"\b\w*(shuffle|repeat_?mode|playMode|play_mode|queue|playlist)\w*\b", re.I)
MUSIC_WORDS = re.compile(r"\b(song|songs|track|tracks|album|albums|music|artist)\b", re.I)


def _music_queue_engine(node: Node) -> bool:
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    name = _class_name(outer) if outer is not None else ""
    if not name or not MUSIC_ENGINE.search(name) or NOT_MUSIC_ENGINE.search(name):
        return False
    body = _words(text(outer))
    return bool(QUEUE_WORDS.search(text(outer))) and bool(MUSIC_WORDS.search(body)) and not re.search(r"\b(video|videos|episode|episodes|reel|reels)\b", body)


# Background playback services for a queue the person starts (audio_service, Media3, MediaBrowser).
MEDIA_SESSION_SERVICE = re.compile(r"\b(extends|with|implements)\s+(BaseAudioHandler|QueueHandler)\b|"
                                   r"[:,]\s*(MediaSessionService|MediaLibraryService|MediaBrowserServiceCompat|MediaBrowserService)\s*\(|"
                                   r"\bextends\s+(MediaSessionService|MediaLibraryService|MediaBrowserServiceCompat|MediaBrowserService)\b")


def _in_media_session_service(node: Node) -> bool:
    """Inside a class declared as an audio_service handler or a Media3 / MediaBrowser service."""
    return any(MEDIA_SESSION_SERVICE.search(_class_head(a)) for a in ancestors(node) if a.type in CLASS_TYPES)
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
    names = [function_name(a) if a.type in FUNCTION_TYPES else _class_name(a) for a in ancestors(node) if a.type in FUNCTION_TYPES or a.type in CLASS_TYPES]
    words = " ".join(_words(n) for n in [*ctx.path.parts[-4:], text(node)] + names if n)
    return bool(re.search(r"\b(audio|voice)\b", words)) and bool(CHAT_CONTEXT.search(words))


def _ended_label(node: Node, ctx: CheckContext) -> str:
    source = text(node)
    if _is_declaration_name(node):
        return f"{source}() handler"
    if "STATE_ENDED" in source:
        return "STATE_ENDED handler"
    if END_REASON in source:
        return "end-of-item handler"
    if "playtoendtime" in source.lower():
        return "AVPlayerItemDidPlayToEndTime observer"
    if "Completion" in source:
        return "MediaPlayer completion listener"
    return "completion listener"


def _ended_body(node: Node, ctx: CheckContext) -> Node | None:
    """The code that runs when the item ends."""
    source = text(node)
    if _is_declaration_name(node):  # func playerDidFinishPlaying() / fun onVideoEnded()
        if not re.search(PLAYER_TYPES.encode(), ctx.data):
            return None  # not a media file (an import job's onItemCompleted)
        if any(_in_ended_hook(ref) for ref in _references(source, ctx) if ref.id != node.id):
            return None  # reported on the observer or listener that runs it
        return _function_named(source, ctx)
    if "STATE_ENDED" in source or END_REASON in source or source in ("completed", "isCompleted"):
        if source in ("completed", "isCompleted") and (_about_animation(node, ctx) or not _player_completion(node)):
            return None  # AnimationStatus.completed, GamePhase.completed, completer.isCompleted: not media
        return _branch_of(node)
    if source == "onPlayerComplete":  # audioplayers: player.onPlayerComplete.listen((_) {...}) or .listen(_onSongEnd)
        statement = next((a for a in ancestors(node) if a.type == "expression_statement"), None)
        if statement is None:
            return None
        handler = next((c for c in walk(statement) if c.type in LAMBDA_TYPES), None)
        named = re.search(r"\.listen\(\s*(\w+)\s*\)", text(statement))
        return handler or (_function_named(named.group(1), ctx) if named else None)
    if source in ("setOnCompletionListener", "addListener"):
        call = _owning_statement_call(node, ctx)
        if call is None:
            return None
        handler = next((a for a in map(_unwrap_argument, argument_nodes(call)) if a.type in LAMBDA_TYPES), None)
        handler = handler or _trailing_lambda(call.node)
        if handler is None:
            args = argument_nodes(call)
            handler = _function_named(_last_word(text(args[-1])), ctx) if args else None
        if handler is None:
            return None
        if source == "addListener" and not re.search(r"isCompleted|position\s*>=?\s*\S*duration|duration\s*<=?\s*\S*position|position\s*==\s*\S*duration|duration\s*==\s*\S*position", text(handler)):
            return None  # a video_player listener that does not look at the end of the video
        return handler
    if "playtoendtime" in source.lower():
        return _observer_handler(node, ctx)
    return None


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
        qualifier = _dart_member_receiver(node) or ""
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
            start, end = _condition_span(ancestor)
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
            return _function_named(selector.group(1), ctx)
    return None


def _function_named(name: str, ctx: CheckContext) -> Node | None:
    for ref in _references(name, ctx):
        parent = ref.parent
        if parent is not None and parent.type in ("function_declaration", "method_declaration", "function_signature"):
            if parent.type == "function_signature":
                body = parent.parent.next_named_sibling if parent.parent is not None and parent.parent.type == "method_signature" else parent.next_named_sibling
                return body
            return parent
    return None


def _handler_text(body: Node, ctx: CheckContext) -> str:
    """The handler's code plus that of the same-file functions it calls (`playNext()`,
    `self?.play()`), one level deep."""
    parts = [text(body)]
    for call in calls(body):
        if call.receiver.rstrip("?!") in ("", "self", "this"):
            target = _function_named(call.name, ctx)
            if target is not None and target.id != body.id:
                parts.append(text(target))
    return _strip_comments("\n".join(parts))


def _last_word(value: str) -> str:
    return re.split(r"[.:]+", value.strip())[-1].strip("()")


def _strip_comments(source: str) -> str:
    return re.sub(r"//[^\n]*|/\*.*?\*/", "", source, flags=re.S)
