"""Vocabulary of the `autoplay` rule on mobile: what names say about when code runs.

Regular expressions over the names of players, screens, hosts (the call a lambda is passed to)
and functions, and the small name readers built on them: `function_kind` (a lifecycle, visibility,
user or ended name), `host_kind` / `lambda_host` (the call a callback is given to), a class's head
and name, a function's signature text and Swift argument labels, and `player_label` (what kind of
player a receiver is, for messages). Both the local judgement (`autoplay_mobile.situation`) and the
project-level opener analysis (`autoplay_mobile_openers`) read these.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint.checks import CheckContext
from designlint import project_index
from designlint.project_index import USER_CALLBACK
from designlint.checks.polyglot import as_call
from designlint.checks.util import ancestors, text


# Hosts of a lambda (the call it is passed to, its argument label or the property it is stored in).
USER_HOST = re.compile(
    r"(click|tap|press|touch|gesture|swipe|drag|fling|long|key|action|submit|toggle|checked|"
    r"^button$|button$|btn$|menu|option|select(ed)?$|onChanged$|pointerInput|onSeek|^open|^onOpen|"
    r"^addCallback$|BackPressed|^BackHandler$|^onWillPop$|^onPopInvoked|^addTarget$|^onChange(Start|End)$|"
    r"^onDismiss(ed)?$|^(on|handle)?refresh(able)?$|OnRefreshListener$|PlayPause|"  # a sheet the person closed, a pull to refresh
    r"^(" + USER_CALLBACK + r")$)",  # a widget's callback named for what the person does: `onWatch: () => ...`
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
EVENT_HOST = re.compile(
    r"^(listen|play|pause|resume|stop|toggle|playPause|togglePlay\w*|onPlay|onPause|onPlayPause|onStop|next|previous|onNext|onPrevious|onButtonPressed|"
    r"on(Play|Pause|Resume|Stop|Skip|Seek|Next|Previous|Toggle)\w*(Callback|Handler|Action|Command))$"  # `handler.onPlayCallback = () => play()`
)
# Kotlin (Compose) callbacks handed to a call under an `on...` label (`onTitleChange = { ... }`,
# `onGetSpeech = { ... }`): the callee keeps them and calls them when its own control fires. Labels
# naming an event that fires by itself (a load, a ready player, a page or state change, an end) are not
# such callbacks: the code around them decides.
LABELLED_CALLBACK = re.compile(r"^on[A-Z]\w*$")
SELF_FIRING = re.compile(
    r"(Ready|Prepared|Load|Init|Start|Creat|Attach|Appear|Shown|Display|Compos|Layout|Measur|Size|Position|Progress|"
    r"Time|Buffer|State|Status|Error|Fail|Complet|End|Finish|Visib|Page|Index|Item|Focus|Scroll|Settl|Dispos|Result|"
    r"Success|Response|Receive|Frame|Render|Playing|Current|Active|Lifecycle|Network|Orientation|Config|Media|Track|Update)"
)
# `onTitleChange = { ... }`, `onValueChange`, `onCheckedChange`: a value the person changed by typing or picking.
VALUE_EDITED = re.compile(r"^on[A-Z]\w*Changed?$")


def labelled_callback(fn: Node, host: str) -> str | None:
    """`user` for a Kotlin lambda under an edited-value label (`onTitleChange = { ... }`), `unknown` for
    one under another `on...` label that names no self-firing event (`onGetSpeech = { ... }`), else None."""
    parent = fn.parent
    if parent is None or parent.type != "value_argument" or parent.named_child_count < 2 or parent.named_children[-1] != fn:
        return None
    label = parent.named_children[0]
    if label.type not in ("identifier", "simple_identifier") or text(label) != host or not LABELLED_CALLBACK.match(host):
        return None
    if SELF_FIRING.search(host[2:].replace("Change", "")):
        return None
    return "user" if VALUE_EDITED.match(host) else "unknown"


ENDED_HOST = re.compile(
    r"^(setOnCompletionListener|onCompletion|OnCompletionListener|onPlayerComplete|onVideoEnd|onEnded)$"
)
# Named functions.
USER_FN = re.compile(
    r"(click|tapped|tap$|^tap|^didTap|press|touch|gesture|swipe|^handle\w*(tap|click|press|play)|"
    r"toggle|playPause|pauseplay|^on\w*Button|button\w*(tap|click|press|action)|^action|"
    r"didSelect|onItemSelected|onOptionsItemSelected|onMenuItem|onKey|onSeek|BackPressed|"
    r"^onStartCommand$|^onHandleIntent$|"  # a playback Service runs the commands the app's controls send
    r"^shouldOverrideUrlLoading$|"  # Android WebViewClient: a link the person follows in an in-app browser
    r"^(on|handle|did)?_?(pull_?to_?)?refresh(ed)?$|"  # pull to refresh
    r"^(" + USER_CALLBACK + r")$)",  # `void onReplay()`, `_onPlayRequested()`
    re.I,
)
LOAD_FN = re.compile(
    r"^(onCreate|onCreateView|onViewCreated|onActivityCreated|onPostCreate|onStart|onResume|"
    r"onPostResume|onRestart|onAttachedToWindow|onFinishInflate|onWindowFocusChanged|onNewIntent|onAppear|"
    r"viewDidLoad|viewWillAppear|viewDidAppear|viewIsAppearing|awakeFromNib|didMoveToWindow|"
    r"didMoveToSuperview|didMove|sceneDidLoad|surfaceCreated|loadView|makeUIView|makeNSView|makeUIViewController|makeNSViewController|"
    r"applicationDidBecomeActive|sceneDidBecomeActive|initState|didChangeDependencies|build|body|"
    r"onReady|onInit|onInitializationSuccess|onPrepared|onLoad|onLoaded|onMount|init|main|observeValue)$"
)
VIEW_FN = re.compile(
    r"^(onBindViewHolder|onViewAttachedToWindow|onChildViewAttachedToWindow|onViewDetachedFromWindow|onPageSelected|"
    r"onPageScrollStateChanged|onScrollStateChanged|onScrolled|onScrollChanged|"
    r"scrollViewDidEndDecelerating|scrollViewDidEndDragging|scrollViewWillEndDragging|scrollViewDidScroll|"
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
# Short interface sounds (a call's join tone, a ringtone), named in the functions that play them.
# Matched against the words of a name (`playJoinSound` -> "play join sound").
SOUND_EFFECT = re.compile(
    r"\b(ringtone|ringing|beep|chime|ding|sfx|sound effect|tones?|feedback|jingle|fanfare|"
    r"(join|leave|notification|alert|message|click|tap|success|error) sound|play( \w+){0,3} sound( index| id)?|"
    r"(display|show|present|deliver|post) notification)\b"
)
# Screens to pick or compose a post: previewing the person's own picks answers that action.
COMPOSER_CLASS = re.compile(r"^_?(Choose|Chosen|Pick(ed)?|Select(ed)?|Recorded|Captured|Add|Create|New|Edit)(?=[A-Z])\w*?(Image|Video|Media|Photo|Post|Reel|Story|Clip|Short|Status)|"
                            r"^_?(Post|Upload|Publish|Share)(Article|Video|Reel|Story|Status|Media|Clip|Photo)s?(Activity|Fragment|Screen|Page|ViewController|VC)$|"
                            r"^_?Preview(Post|Upload|Reel|Story|Clip|Status)s?(Activity|Fragment|Screen|Page|ViewController|VC|View)?$|"
                            r"^_?Preview(Captured|Recorded|Selected|Picked|Chosen)(Video|Asset|Media|Photo|Image|Clip)s?(Activity|Fragment|Screen|Page|ViewController|VC|View)?$")
# Functions named for background music (`backgroundMusic()`, `playBgm()`): music the app starts
# by itself, called from another file (a splash screen, `main`).
BACKGROUND_MUSIC = re.compile(r"\b(background (music|audio|sound|track|song)|bgm|bg music|ambient (music|sound)|theme music|menu music)\b")
# Functions that set up a view or cell, called from another file (bind, configure, setup).
SETUP_FN = re.compile(r"^(bind|configure|setup|setUp|render|display|populate|onBind)[A-Z_]?\w*$")
# Folders in any spelling (`createpost`, `create_post`, `new-reel`, `Create Post`): making or posting one. A folder
# named just `compose` is Jetpack Compose's UI (`ui/compose/components/`), not a composer.
COMPOSER_FOLDER = re.compile(r"(picker|upload|cropper|editor|trimmer|composer|recorder|schedul\w*post|drafts?$|"
                             r"^(create|new|add|make|compose)[ _-]?(post|video|reel|story|clip|short|media|tweet|status)s?$)", re.I)
SCREEN_BASE = re.compile(r"\b\w*(Activity|Fragment)\b")
VIEW_GUARD = re.compile(
    r"(visible|visibleFraction|isCurrent|current(Page|Index|Item)|isActive|isFocused|focused|"
    r"settledPage|selectedIndex|activeIndex|inView|onScreen|SCROLL_STATE_IDLE|position\s*==|"
    r"index\s*==|==\s*index|==\s*position)",
    re.I,
)

LAMBDA_TYPES = frozenset({"lambda_literal", "lambda_expression", "function_expression", "anonymous_function"})
CLASS_TYPES = frozenset({"class_declaration", "object_declaration", "class_definition", "protocol_declaration"})
CALL_NODE_TYPES = frozenset({"call_expression", "method_invocation", "expression_statement"})
IDENTIFIER_TYPES = frozenset({"identifier", "simple_identifier"})


# Receivers that name a player, and names that say a "play" is not media.
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

def class_head(node: Node) -> str:
    """A class declaration up to its body: the name and the types it extends."""
    body = node.child_by_field_name("body") or next((c for c in node.named_children if c.type.endswith("body")), None)
    end = body.start_byte if body is not None else node.end_byte
    return node.text[: end - node.start_byte].decode("utf-8", "replace") if node.text else ""


def _first_name(node: Node) -> Node | None:
    return next((c for c in node.named_children if c.type in ("identifier", "type_identifier", "simple_identifier")), None)


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
        elif owner is not None and owner.type == "call_expression" and owner.named_child_count and owner.named_children[0].type == "call_expression":
            call = as_call(owner.named_children[0])  # Swift `CPBarButton(title: "Go") { [weak self] _ in }`: a capture list parses as a call of the call
        else:
            call = as_call(owner) if owner is not None else None
        return call.name if call is not None else ""
    if parent.type in ("assignment", "assignment_expression", "property_declaration", "variable_declarator"):
        target = parent.named_children[0] if parent.named_child_count else None
        return re.split(r"[.?]", text(target))[-1].strip()
    return ""


def host_kind(host: str, fn: Node) -> str | None:
    if not host:
        return None
    if ENDED_HOST.match(host):
        return "ended"
    if VIEW_HOST.match(host):
        return "view"
    if host == "addListener" and pager_listener(fn):
        return "view"  # `pageController.addListener(() { ... players[page].start(); })`: runs as the person swipes
    if host == "LaunchedEffect" and VIEW_GUARD.search(_call_arguments_text(fn)):
        return "view"  # LaunchedEffect(pagerState.currentPage) { players[page].play() }
    if host == "onChange":
        subject = swift_change_subject(fn)
        if VIEW_GUARD.search(subject):
            return "view"  # .onChange(of: currentIndex) { players[currentIndex].play() }
        if CHANGED_BY_USER.search(subject):
            return "user"  # .onChange(of: tabSelection) { if $0 == .main { player.play() } }: a resume
    if LOAD_HOST.match(host):
        return "load"
    if USER_HOST.search(host):
        return "user"
    if _view_setter_listener(host, fn) or _carplay_control_handler(host, fn):
        return "user"
    return None


# CarPlay template controls (`CPListItem`, `CPGridButton`, `CPBarButton`, `CPTextButton`, `CPAlertAction`,
# `CPListImageRowItem`): their `handler` runs when the driver taps the item or button.
CARPLAY_CONTROL = r"CP\w*(?:Item|Button|Action)"


def _carplay_control_handler(host: str, fn: Node) -> bool:
    """A closure given to a CarPlay control: `CPBarButton(title: "Play") { _ in ... }`,
    `CPGridButton(..., handler: { _ in ... })`, or stored as `item.handler = { _, done in ... }` where the
    file declares or creates `item` as one (`let item = CPListItem(text: ...)`)."""
    if re.fullmatch(CARPLAY_CONTROL, host):
        return True  # a trailing closure of the control's initialiser
    if host != "handler":
        return False
    parent = fn.parent
    if parent is not None and parent.type == "value_argument":
        call = next((as_call(a) for a in ancestors(parent) if a.type == "call_expression"), None)
        return call is not None and re.fullmatch(CARPLAY_CONTROL, call.name) is not None
    if parent is None or parent.type != "assignment" or not parent.named_child_count:
        return False
    receiver = re.sub(r"\.handler$", "", text(parent.named_children[0]).replace("?", "")).strip()
    if re.fullmatch(CARPLAY_CONTROL + r"\(.*\)", receiver, re.S):
        return True
    name = re.split(r"[.]", receiver)[-1]
    if not re.fullmatch(r"\w+", name):
        return False
    root = fn
    while root.parent is not None:
        root = root.parent
    declared = rf"\b{re.escape(name)}\s*(?::\s*\[?{CARPLAY_CONTROL}\b|=\s*{CARPLAY_CONTROL}\s*\()"
    return re.search(declared, text(root)) is not None


# Flutter page controllers (`PageController`, preload_page_view's `PreloadPageController`).
PAGE_CONTROLLER = re.compile(r"(page_?controller|pager|^_?pages?$)", re.I)


def pager_listener(fn: Node) -> bool:
    """A Dart closure given to `addListener` of a page controller (`_pageController.addListener(...)`,
    or a receiver the file declares or creates as a `PageController`): it runs as the page scrolls."""
    arguments = fn.parent
    while arguments is not None and arguments.type in ("argument", "parenthesized_expression"):
        arguments = arguments.parent
    part = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    call = as_call(part) if part is not None and part.type == "argument_part" else None
    if call is None or call.name != "addListener":
        return False
    subject = re.split(r"[.?!]", call.receiver.strip())[-1] if call.receiver.strip() else ""
    if not re.fullmatch(r"\w+", subject):
        return False
    if PAGE_CONTROLLER.search(subject):
        return True
    root = fn
    while root.parent is not None:
        root = root.parent
    name = re.escape(subject)
    return re.search(rf"(\b\w*PageController\??\s+{name}\b|\b{name}\s*=\s*(new\s+)?\w*PageController\s*\()", text(root)) is not None


# `lrcView.setDraggable(true) { time -> ... }`, `ratingBar.setOnRate { ... }`: a lambda a view's setter keeps is
# that view's listener, run on the person's gesture. Not the setters whose lambda runs by itself (content,
# layout, scrolling, a player's prepared/ready/complete/error listeners); not on a player's view.
VIEW_SETTER = re.compile(r"^set[A-Z]\w*$")
NOT_GESTURE_SETTER = re.compile(r"(Content|Scroll|Layout|Insets|Attach|Visib|Focus|Draw|Hierarch|Prepared|Ready|Load|Complet|Error|"
                                r"Info|Buffer|Size|Frame|Surface|Adapter|Factory|State|Status|Progress|Time|Update|Result|Callback)")
VIEW_RECEIVER = re.compile(r"(View|Layout|Bar|Button|Btn|Slider|Switch|Chip|Card|Toolbar|Picker|Pager|Spinner|Seek\w*|Image|Icon|Fab)$")
SCOPE_FUNCTIONS = frozenset({"apply", "also", "run", "let", "with"})


def _view_setter_listener(host: str, fn: Node) -> bool:
    if not VIEW_SETTER.match(host) or NOT_GESTURE_SETTER.search(host):
        return False
    receiver = _setter_receiver(fn)
    last = re.split(r"[.?!]+", receiver.rstrip("?!."))[-1] if receiver else ""
    return bool(VIEW_RECEIVER.search(last)) and not PLAYER_RECEIVER.search(last)


def _setter_receiver(fn: Node) -> str:
    """The object a lambda's setter is called on: `lrcView` for `lrcView.setDraggable(true) { }` and for
    `lrcView.apply { setDraggable(true) { } }`."""
    parent = fn.parent
    call = as_call(parent.parent) if parent is not None and parent.type == "annotated_lambda" and parent.parent is not None else None
    if call is None:
        return ""
    if call.receiver:
        return call.receiver
    for ancestor in ancestors(call.node):
        if ancestor.type == "lambda_literal" and ancestor.parent is not None and ancestor.parent.type == "annotated_lambda":
            scope = as_call(ancestor.parent.parent) if ancestor.parent.parent is not None else None
            if scope is not None and scope.name in SCOPE_FUNCTIONS:
                return scope.receiver
            return ""
    return ""


def swift_change_subject(fn: Node) -> str:
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


def function_kind(fn: Node, name: str) -> str | None:
    head = signature_text(fn)
    name = name.lstrip("_")  # Dart private methods: _onVisibilityChanged
    if re.search(r"@IBAction|@objc\s+(private\s+)?func\s+\w*(tap|press|click|button)", head, re.I):
        return "user"
    if layout_on_click(fn, head):
        return "user"  # `public void playVideo(View view)`: a layout's android:onClick handler
    labels = _swift_labels(fn)
    if any(SWIFT_USER_LABELS.match(label) for label in labels):
        return "user"
    if any(SWIFT_VIEW_LABELS.match(label) for label in labels):
        return "view"
    if any(SWIFT_LOAD_LABELS.match(label) for label in labels):
        return "load"
    if name == "templateApplicationScene" and "didConnect" in labels:
        return "load"  # CarPlay: the car's screen connected (the app's launch on the dashboard)
    if ENDED_FN.match(name):
        return "ended"
    if VIEW_FN.match(name):
        return "view"
    if LOAD_FN.match(name):
        return "load"
    if FLAME_FIRST_LAYOUT.match(name) and _in_flame_game(fn):
        return "load"  # Flame calls `onGameResize` / 0.x `resize` as the game is first laid out
    if USER_FN.search(name):
        return "user"
    if re.search(r"@Composable\b", head):
        return "load"
    if re.search(r"@BindingAdapter\b", head):
        return "view"  # Android data binding: runs as each list item binds
    return None


FLAME_FIRST_LAYOUT = re.compile(r"^(onGameResize|resize)$")
FLAME_GAME_HEAD = re.compile(r"\b(extends|with)\s+(BaseGame|FlameGame|Game)\b")


def _in_flame_game(fn: Node) -> bool:
    """A method of a Flame game class (`class Flappy extends BaseGame`, `extends FlameGame`)."""
    return any(a.type in CLASS_TYPES and FLAME_GAME_HEAD.search(class_head(a)) for a in ancestors(fn))


# Java `void playVideo(View view)`, Kotlin `fun playVideo(view: View)`: the one-View signature of an
# `android:onClick` handler named in a layout file.
ANDROID_ON_CLICK = re.compile(r"\b\w+\s*\(\s*(final\s+)?View\s+\w+\s*\)|\bfun\s+\w+\s*\(\s*\w+\s*:\s*View\??\s*\)")


def layout_on_click(fn: Node, head: str) -> bool:
    """A public method of an Activity taking one `View`: what `android:onClick="playVideo"` calls."""
    if not ANDROID_ON_CLICK.search(head) or re.search(r"\bprivate\b", head):
        return False
    outer = next((a for a in ancestors(fn) if a.type in CLASS_TYPES), None)
    return outer is not None and bool(re.search(r"Activity\b", class_head(outer)))


def signature_text(fn: Node) -> str:
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


def is_private(fn: Node, name: str) -> bool:
    """Only its own file (class) can call it: Kotlin/Java/Swift `private`, a Dart `_name`."""
    return name.startswith("_") or bool(re.search(r"\b(private|fileprivate)\b", signature_text(fn)))


def is_declaration_name(ref: Node) -> bool:
    parent = ref.parent
    return parent is not None and parent.type in ("function_declaration", "method_declaration", "function_signature")


def player_label(receiver: str, ctx: CheckContext) -> str:
    data = ctx.data
    if "{" in receiver:  # `ExoPlayer.Builder(ctx).apply { setTrackSelector(...) }.build()`: the type, not the setup words
        receiver = re.split(r"[({]", receiver, maxsplit=1)[0]
    if re.search(r"audio|sound|music|song|bgm|track|radio|podcast", receiver, re.I) or re.search(rb"\b(AVAudioPlayer|just_audio|audioplayers|flutter_soloud)\b", data) or re.search(r"soloud", receiver, re.I):
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


# Bundled sound files named for a short effect (`R.raw.win`, `forResource: "click"`), and names of music.
SFX_FILE = re.compile(r"\b(sounds?|sfx|click|tap|beep|ding|chime|pop|whoosh|swoosh|win(ner)?|lose|loser|fail|correct|wrong|"
                      r"success|error|alert|notification|coin|jump|hit|shoot|laser|explosion|ring|bell|buzz|cheer|applause|tick|"
                      r"drum|drumroll|gong|whistle|horn|clap|tada|woosh|boom|bang|knock)s?\d*\b")
MUSIC_FILE = re.compile(r"\b(music|bgm|song|theme|track|background|bg|ambient|loop|soundtrack|video|intro|movie|clip)\b")


def is_sound_effect_name(name: str) -> bool:
    """`playTone`, `playWinSound`: a short sound; `playBackgroundSound` is music."""
    words = name_words(name)
    return bool(SOUND_EFFECT.search(words)) and not BACKGROUND_MUSIC.search(words)


def name_words(name: str) -> str:
    """`playJoinSound, called from onJoin` -> "play join sound called from on join"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)  # `CODCallBaseVC` -> "COD Call Base VC"
    return re.sub(r"[^a-z0-9]+", " ", spaced.lower()).strip()


def player_key(receiver: str) -> str:
    """`self.player?`, `_player`, `this.player!`, `((VideoFragment) page)` -> "player" / "page": one
    name per player field; "" for a receiver that is a call (`Builder(ctx).build()`)."""
    bare = re.sub(r"\(\s*[A-Z][\w.<>]*\s*\)\s*", "", receiver or "").strip("() \t\n")  # Java casts
    if "(" in bare:
        return ""
    last = re.split(r"[.?!]+", re.sub(r"[?!]+$", "", bare))[-1] if bare else ""
    return last.lstrip("_") if re.fullmatch(r"_?[A-Za-z]\w*", last) and last not in ("it", "this", "self", "super") else ""


def class_name(node: Node) -> str:
    return text(node.child_by_field_name("name") or _first_name(node))


# A question asked of a setting (`isAutoPlayEnabled()`, `shouldAutoplay()`, `getAutoPlayMode()`), not an action.
SETTING_QUESTION = re.compile(
    r"^(is|should|get|has|can|enable|allow|user|pref|setting)s?_?auto_?play|"
    r"(enabled|allowed|setting|pref|preference|mode|policy|onwifi)s?$",
    re.I,
)


# A bare `autoplay` / `autoPlay` name: a setting only as a yes/no function the file declares.
BARE_AUTOPLAY = re.compile(r"^_?auto_?play$", re.I)


def names_setting(ctx: CheckContext) -> bool:
    """The `autoPlayVideos`-style name a safeguard matched is a setting: not a function that plays
    (`fun autoPlayVideo(position)` / `autoPlayVideo(0)`), which is the autoplay itself, unless the
    file declares that function as a yes/no answer (`bool autoPlayVideo(state)` in Dart,
    `fun autoplay(): Boolean` in Kotlin): it reads the person's setting."""
    name = ctx.captures["safeguard"][0]
    spelled = ctx.text(name)
    rest = ctx.data[name.end_byte : name.end_byte + 40].lstrip()
    if ctx.language == "dart" and dart_setting_defaults_on(spelled.lstrip("_"), ctx):
        return False  # `autoPlayNext` whose stored default is on: autoplay unless the person finds the switch
    if BARE_AUTOPLAY.match(spelled):
        return rest.startswith(b"(") and answers_yes_no(spelled, ctx.data)
    return not rest.startswith(b"(") or bool(SETTING_QUESTION.search(spelled)) or answers_yes_no(spelled, ctx.data)


def answers_yes_no(name: str, data: bytes) -> bool:
    """The file declares function `name` returning a boolean: Dart / Java `bool name(` /
    `boolean name(`, Kotlin `fun name(...): Boolean`, Swift `func name(...) -> Bool`."""
    n = re.escape(name).encode()
    return bool(
        re.search(rb"\b(bool|boolean|Boolean)\s+" + n + rb"\s*\(", data)
        or re.search(rb"\bfun\s+" + n + rb"\s*\([^()]*\)\s*:\s*Boolean\b", data)
        or re.search(rb"\bfunc\s+" + n + rb"\s*\([^()]*\)\s*->\s*Bool\b", data)
    )


def dart_setting_defaults_on(name: str, ctx: CheckContext) -> bool:
    """Dart: the project stores the setting `name` with an on default: Hive `setting.get(SettingBoxKey.autoPlayNext,
    defaultValue: true)`, `prefs.getBool('autoPlayNext') ?? true`, a typed key registry `static const autoPlayNext =
    SettingKey<bool>(_Keys.autoPlayNext, true, ...)`, or a settings field declared `bool autoPlayNext = true`."""
    if len(name) < 5:
        return False
    cache = project_index.side_cache("autoplay_mobile.dart_setting_on")
    try:
        index = project_index.for_context(ctx)
        files, key = index.files(), (str(index.root), name)
    except Exception:  # no project around the file
        files, key = {}, (str(ctx.path), name)
    if key in cache:
        return cache[key]
    files = files or {str(ctx.path): ctx.data}
    n = re.escape(name)
    stored = rf"[\w.'\"$]*{n}[\w'\"]*"
    on = re.compile(
        rf"{stored}\s*,\s*defaultValue\s*:\s*true\b"  # Hive `get(key, defaultValue: true)`
        rf"|getBool\(\s*{stored}\s*\)\s*\?\?\s*true\b"
        rf"|\b{n}\s*=\s*\w*<bool>\s*\(\s*{stored}\s*,\s*true\b"  # `autoPlayNext = SettingKey<bool>(key, true, ...)`
        rf"|\b(?:bool|var)\s+{n}\s*=\s*true\s*;|\bthis\.{n}\s*=\s*true\b"
        rf"|(?:\bk(?:Key)?\w*{n}|['\"]\w*{n}['\"])\s*:\s*true\b",  # a defaults map `{kKeyAutoPlayNext: true}`, `{'autoPlayNext': true}`
        re.I,
    )
    lowered = name.lower().encode()
    cache[key] = any(lowered in data.lower() and on.search(data.decode("utf-8", "replace")) for data in files.values())
    return cache[key]
