"""Project-level opener analysis for the `autoplay` rule on mobile: who opens or calls this code.

A play in a named function, a screen or a player widget is judged by the places elsewhere in the
project that call the function or open the screen (`project_index`): a screen every opener of which
is a tap handing over one item is a viewer the person chose (`tapped_viewer`,
`screen_opened_by_user`); a function whose only callers are taps answers a tap, one called from a
lifecycle method runs on load (`project_callers_kind`). Also: Flutter named routes and Swift
segues resolved to their pushes, SwiftUI previews, test folders and composer screens left out,
cross-file subclass and same-target tests, and re-parsing other files of the project (cached).
"""

from __future__ import annotations

import functools
import re
import time
from pathlib import Path

from tree_sitter import Node

from designlint import budget
from designlint import project_index
from designlint.checks import CheckContext
from designlint.checks.polyglot import argument_label, argument_nodes, as_call, calls, enclosing_functions, enclosing_named_function, function_name, parameter_labels
from designlint.checks.util import FUNCTION_TYPES, ancestors, closing_bracket, text, walk, within
from designlint.checks.autoplay_mobile_callbacks import inside_parentheses
from designlint.checks.autoplay_mobile_names import (
    NOT_MEDIA,
    PLAYER_RECEIVER,
    BACKGROUND_MUSIC,
    CALL_NODE_TYPES,
    CLASS_TYPES,
    COMPOSER_CLASS,
    COMPOSER_FOLDER,
    ENDED_FN,
    EVENT_HOST,
    IDENTIFIER_TYPES,
    LAMBDA_TYPES,
    LOAD_FN,
    MUSIC_FILE,
    SCREEN_BASE,
    SETUP_FN,
    SFX_FILE,
    USER_FN,
    USER_HOST,
    VIEW_FN,
    class_head,
    class_name,
    function_kind,
    host_kind,
    is_declaration_name,
    is_private,
    is_sound_effect_name,
    labelled_callback,
    player_label,
    player_key,
    signature_text,
    name_words,
    lambda_host,
)


def identifier_references(name: str, ctx: CheckContext) -> list[Node]:
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
ROUTE_REGISTRATION = re.compile(r"^(routes|GoRoute|GetPage|composable|onGenerateRoute|generateRoute|MaterialApp|CupertinoApp|getPages)$")
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


# Memo: `where` of a project_callers_kind answer -> the other load/view call sites of the same helper.
OTHER_CALLERS = "autoplay_mobile.other_callers"
MAX_OTHER_CALLERS = 10


def other_callers(where: str, ctx: CheckContext) -> list[tuple[str, project_index.Site]]:
    """(kind, site) of the other calls that start the helper named at the end of `where` (`resume,
    called from playMusic, called from didMove in Scenes/CreditsScene.swift:41`) as their screens
    load or scroll into view, in path order; [] when the answer named no project caller."""
    found = ctx.memo.get(OTHER_CALLERS, {})
    return next((sites for named, sites in found.items() if where == named or where.endswith(" " + named)), [])


def project_callers_kind(fn: Node, name: str, ctx: CheckContext, needs: frozenset[str] = frozenset(), action: str = "") -> tuple[str, str]:
    """How the other files of the project call `name` (a method this file defines): `load` as soon
    as one call runs as a screen or game loads (initState, onLoad, main, onCreate, viewDidLoad,
    followed up to two callers), `user` when every call answers a tap, `none` when nothing calls it,
    else `unknown`. Calls are kept only when their receiver can be this class's object (or when no
    other class defines the name); the sites themselves are in `where` (`initState in lib/a.dart:22`).
    Calls that pass a literal `false` for one of the parameters in `needs` (see `passed_on`) are left out.
    With `action` (the code asked about sits in the `is Action.OnGetSpeech ->` branch of a dispatcher
    such as `onEvent(event)`), only the calls that send that action count."""
    by_name = _queryable(fn, name)
    if not by_name and not _typed_queryable(fn, name):
        return "unknown", ""
    key = ("autoplay_mobile.project_callers", name, fn.start_byte, needs, action)
    if key in ctx.memo:
        return ctx.memo[key]
    index = project_index.for_context(ctx)
    own = str(ctx.path.resolve())
    owner = owner_of(fn)
    types = () if by_name else _own_types(fn, owner, ctx, index)
    if not by_name and len(types) == 1 and _overrides(fn):
        ctx.memo[key] = ("unknown", "")
        return ctx.memo[key]  # overrides a framework type's method: the framework calls it
    if by_name:
        others = {d.owner for d in index.definitions(name) if d.path != own or d.owner != owner} - {owner}
        sites = [s for s in index.calls(name) if s.path != own and not _in_tests(s) and _same_target(s, owner, others)]
        sites += [
            s for s in index.references(name)
            if s.role == "passed" and s.path != own and not _in_tests(s) and (not others or s.owner == owner)
        ]
        if action:
            sites = [s for s in sites if s.role == "call" and _sends_action(s, action)]
    else:  # `play()` of the app's own player class: only calls made on an object of that class
        sites = [s for s in index.calls_on_type(name, types) if s.path != own and not _in_tests(s)]
        if any(_reports_itself(s) for s in sites):
            ctx.memo[key] = ("unknown", "")
            return ctx.memo[key]  # `(cell as? VideoCell)?.play()` in willDisplay is reported where it is called
    if needs:  # `setVideo(recent, autoPlay: false)` on launch: that call does not play
        sites = [s for s in sites if not _passes_false(s, name, fn, needs)]
    if not sites:  # (no call found on the type's name is no proof: receivers typed by a base class, casts)
        result = ("none", "") if by_name and _whole_project(index, ctx) else ("unknown", "")
    else:
        judged = [(site_kind(site, index), site) for site in sites]
        if is_sound_effect_name(name):  # a generic `playSound(...)`: only calls that name music count as load
            judged = [(k if k != "load" or MUSIC_AT_SITE.search(s.snippet) else "other", s) for k, s in judged]
        judged = [(k if k != "load" or not _effect_at_site(s, name) else "other", s) for k, s in judged]
        judged = [swift_plain_load_kind(s, index, ctx) if k == "load" and _in_swift_plain_load(s) else (k, s) for k, s in judged]
        judged = [(k if k != "load" or not _in_tapped_item_screen(s, ctx) else "user", s) for k, s in judged]
        judged = [(k if k != "load" or not _in_composer(s) else "user", s) for k, s in judged]
        if ctx.language == "dart":
            judged = [(k if k != "load" or not _dart_command_site(s) else "user", s) for k, s in judged]
        if ctx.language == "dart" and REPLAY_FROM_START.search(text(fn)) and not OPENS_MEDIA.search(text(fn)):
            judged = [(k if k != "load" or not _in_end_check(s) else "other", s) for k, s in judged]
        judged.sort(key=lambda pair: (pair[1].shown, pair[1].line))  # the first start in path order is named
        load = next((s for k, s in judged if k == "load"), None)
        view = next((s for k, s in judged if k == "view"), None)
        if load is not None:
            result = ("load", f"{_site_holder(load) or 'the top level'} in {load.where()}")
        elif view is not None:  # a subclass's scroll callback runs the base class's `startPlay(position)`
            result = ("view", f"{_site_holder(view) or 'a feed callback'} in {view.where()}")
        named = load or view
        if named is not None:  # the other screens that start it the same way: related sites of the one finding
            others = [(k, s) for k, s in judged if k in ("load", "view") and s is not named]
            ctx.memo.setdefault(OTHER_CALLERS, {})[result[1]] = others[:MAX_OTHER_CALLERS]
        elif all(k == "user" for k, _ in judged):
            result = ("user", f"a tap in {judged[0][1].where()}")
        else:
            result = ("unknown", "")
    ctx.memo[key] = result
    return result


def dart_constructor_class(fn: Node) -> str:
    """Dart: the class whose constructor body `fn` is (`VideoController({String? url}) { ... }`), else ""."""
    signature = fn.prev_named_sibling if fn.type == "function_body" else None
    if signature is None or not any(n.type == "constructor_signature" for n in (signature, *signature.named_children)):
        return ""
    owner = owner_of(fn)
    return owner if owner and function_name(fn) == owner else ""


def constructor_creations_kind(fn: Node, node: Node, ctx: CheckContext) -> tuple[str, str]:
    """How the places that create the class of Dart constructor `fn` run (a plain controller class,
    `VideoController(videoUrl: url)` in a feed item's `ChangeNotifierProvider(create: ...)` or a State's
    `initState`): `load` as soon as one creation runs as a screen loads, `view` for a feed callback, `user`
    when every creation answers a tap, else `unknown`. A creation that leaves out a named parameter the
    constructor tests against null on the way to `node` (`if (videoUrl != null) { ... }`) does not run it."""
    owner = dart_constructor_class(fn)
    if not owner or project_index.too_common(owner):
        return "unknown", ""
    required = {m.group(1) for a in ancestors(node) if a.type in ("if_statement", "if_element") and within(a, fn)
                for m in re.finditer(r"\b(\w+)\s*!=\s*null\b", text(a.named_children[0]) if a.named_child_count else "")}
    index = project_index.for_context(ctx)
    judged = []
    for site in index.calls(owner):
        if site.receiver or _in_tests(site) or site.owner == owner:
            continue
        if required and not all(re.search(rf"(?<![\w.]){re.escape(label)}\s*:", _site_call_text(site)) for label in required):
            continue  # `VideoController()` for a recording: the guarded set-up does not run
        if site.owner and not project_index.too_common(site.owner) and not any(s.path != site.path or s.owner != site.owner for s in index.calls(site.owner)):
            continue  # made in a widget nothing creates
        kind = site_kind(site, index)
        judged.append(("user" if kind == "load" and (_in_composer(site) or _in_tapped_item_screen(site, ctx)) else kind, site))
    for wanted in ("load", "view"):
        found = next((s for k, s in judged if k == wanted), None)
        if found is not None:
            return wanted, f"{owner}(...), created in {_site_holder(found) or 'the top level'} in {found.where()}"
    if judged and all(k == "user" for k, _ in judged):
        return "user", f"a tap in {judged[0][1].where()}"
    return "unknown", ""


def _site_call_text(site: project_index.Site) -> str:
    """The whole call at a site (its arguments may run over several lines), else the site's line."""
    node = _node_at(site)
    if node is None:
        return site.snippet
    selector = node.next_named_sibling
    if selector is not None and selector.type == "selector" and any(c.type == "argument_part" for c in selector.named_children):
        return text(node) + text(selector)  # Dart `Name(...)`: the identifier, then its arguments
    call = next((c for c in (as_call(a) for a in list(ancestors(node))[:4]) if c is not None and c.name == site.name), None)
    return text(call.node) if call is not None else site.snippet


def passed_on(ref: Node, name: str, fn: Node, needs: frozenset[str]) -> frozenset[str] | None:
    """For a call of `fn` (named `name`) at `ref`, and the parameters of `fn` in `needs` that must be
    true for the code being judged to run (`if autoPlay { player.play() }`): None when the call
    passes a literal `false` for one of them by its label (`setVideo(recent, autoPlay: false)`), else
    the parameters of the calling function it hands on for them (`load(video, autoPlay: autoPlay)`
    in `setVideo(_:autoPlay:)`), which that function's own callers must then pass. Unlabelled
    (positional) arguments are not read."""
    call = next((c for c in (as_call(a) for a in list(ancestors(ref))[:4]) if c is not None and c.name == name), None)
    if not needs or call is None:
        return frozenset()
    wanted = set().union(*(labels for labels in parameter_labels(fn) if labels & needs))
    caller = enclosing_named_function(ref)
    own = set().union(*parameter_labels(caller)) if caller is not None else set()
    handed: set[str] = set()
    for argument in argument_nodes(call):
        label, value = argument_label(argument)
        if label not in wanted:
            continue
        if text(value).strip() == "false":
            return None
        if text(value).strip() in own:
            handed.add(text(value).strip())
    return frozenset(handed)


def _passes_false(site: project_index.Site, name: str, fn: Node, needs: frozenset[str]) -> bool:
    node = _node_at(site)
    return node is not None and passed_on(node, name, fn, needs) is None


def dispatched_action(node: Node, fn: Node) -> str:
    """Kotlin: the action a dispatcher's branch answers when `node` sits in `when (event) { is
    Action.OnGetSpeech -> ... }` (or `Action.Refresh -> ...`) and `event` is a parameter of `fn`
    (`fun onEvent(event: Action)`): "OnGetSpeech", else ""."""
    parameters = set(re.findall(r"(\w+)\s*:", text(fn.child_by_field_name("parameters") or next((c for c in fn.named_children if c.type == "function_value_parameters"), fn))[:400]))
    for ancestor in ancestors(node):
        if ancestor is fn:
            break
        if ancestor.type != "when_entry" or ancestor.parent is None or ancestor.parent.type != "when_expression":
            continue
        subject = next((c for c in ancestor.parent.named_children if c.type == "when_subject"), None)
        if subject is None or text(subject).strip("() ") not in parameters:
            continue
        condition = text(ancestor.named_children[0]) if ancestor.named_child_count > 1 else ""
        match = re.fullmatch(r"(?:is\s+)?(?:[A-Z]\w*\.)+([A-Z]\w*)(?:<[^<>]*>)?", condition.strip())
        return match.group(1) if match else ""
    return ""


def _sends_action(site: project_index.Site, action: str) -> bool:
    """The call's arguments name the action (`viewModel.onEvent(UiAction.OnGetSpeech(id, ...))`), read
    from the calling file up to the call's closing parenthesis, or pass on a value that may be any
    action (`viewModel.onEvent(action)`)."""
    try:
        source = file_text(site.path)
    except OSError:
        return False
    line_start = sum(len(line) + 1 for line in source.split("\n")[: site.line - 1])
    start = source.find("(", line_start + site.column)
    if start < 0:
        return False
    sent = inside_parentheses(source, start + 1)
    if re.search(rf"\b{re.escape(action)}\b", sent):
        return True
    return not re.search(r"\b[A-Z]\w*\.[A-Z]\w*|\b[A-Z]\w*\s*\(", sent)  # `onEvent(action)`: a value passed on, any action


def delegate_callers_kind(fn: Node, name: str, ctx: CheckContext) -> tuple[str, str]:
    """Swift: `view` when another file calls this method through a delegate (`delegate?.handleSetUpVideoPlayer(...)`)
    from a feed scroll callback (`scrollViewWillEndDragging`): the next video starts as the person swipes.
    For the names `project_callers_kind` does not look up (named like a tap handler)."""
    if ctx.language != "swift" or is_private(fn, name) or len(name) < 7:
        return "unknown", ""
    index = project_index.for_context(ctx)
    own = str(ctx.path.resolve())
    for site in index.calls(name):
        if site.path == own or _in_tests(site) or not re.search(r"\bdelegate\W*$", site.receiver, re.I):
            continue
        if site_kind(site, index) == "view":
            return "view", f"{_site_holder(site) or 'a feed callback'} in {site.where()}"
    return "unknown", ""


def _in_tests(site: project_index.Site) -> bool:
    """A call from a test (`main()` of a `_test.dart` is not the app loading)."""
    return bool(project_index.NOT_A_RUN_PATH.search(site.shown))


def _whole_project(index: project_index.ProjectIndex, ctx: CheckContext) -> bool:
    """The index covers a real project (a marker at its root, or a folder the scanner pinned as the
    project), not only the scanned file's folder: only then does "nothing calls it" mean dead code."""
    return getattr(ctx, "project_root", None) is not None or index.root_is_project()


def _effect_at_site(site: project_index.Site, name: str) -> bool:
    """The call hands over a short effect (`startSoundTrack(AssetAudios.challengeWinSound)`): a victory
    jingle as a screen opens, not music."""
    start = site.snippet.find(name + "(")
    words = name_words(site.snippet[start + len(name) :] if start >= 0 else "")
    return bool(SFX_FILE.search(words)) and not MUSIC_FILE.search(words)


SWIFT_PLATFORM_SUFFIX = re.compile(r"_?(iOS|IOS|Ios|tvOS|TVOS|TvOS|Tvos|macOS|MacOS|Mac|watchOS|WatchOS|visionOS|VisionOS)$")


def _in_tapped_item_screen(site: project_index.Site, ctx: CheckContext) -> bool:
    """The load-time call sits in a screen about one item that every opener opens from a tap
    (`_SongPageState.initState` calling `radio.playSelectedSong(widget.song)`, SongPage pushed from
    `onTap`): the service plays what the person picked."""
    state = re.fullmatch(r"_?(\w+?)State", site.owner)
    screen = state.group(1) if state else site.owner
    if not screen and site.path.endswith(".kt") and site.functions:
        screen = site.functions[-1]  # a top-level Compose screen (`@Composable fun videoPlayerScreen(channel)`)
    words = name_words(screen)
    # (Swift: one view per platform, `PlayerViewIOS`, `PlayerViewTVOS`, `PlayerViewMac`)
    named = SWIFT_PLATFORM_SUFFIX.sub("", screen) if site.path.endswith(".swift") else screen
    if not re.search(r"(Activity|Fragment|Screen|Page|ViewController|VC|View)$", named) or NOT_ITEM_SCREEN.search(words):
        return False
    if not (MEDIA_SCREEN_NAME.search(words) or AUDIO_SCREEN_NAME.search(words)):
        return False
    key = ("autoplay_mobile.opened_by_user", screen)
    if key not in ctx.memo:
        ctx.memo[key] = _openers_all_user(screen, ctx)
    return bool(ctx.memo[key])


def _in_swift_plain_load(site: project_index.Site) -> bool:
    """Swift: the name around the site that makes it a load is an app method named `load`
    (`func load(audioIndex:)` of a player model). Only framework overrides (`viewDidLoad`,
    `loadView`) and SwiftUI `.onAppear`/`.task` run as a screen loads; a plain `load()` runs when its
    callers do."""
    if not site.path.endswith(".swift"):
        return False
    for kind, name in site.context:
        if project_index.USER_NAME.match(name) or (project_index.LOAD_LABEL if kind == "label" else project_index.LOAD_NAME).match(name):
            return (kind, name) == ("fn", "load")
    return False


def swift_plain_load_kind(site: project_index.Site, index: project_index.ProjectIndex, ctx: CheckContext) -> tuple[str, project_index.Site]:
    """(kind, site) for a call inside a Swift `func load(...)`, from the calls of `load` that can reach
    that class (`.task { await model.load() }` of the player view): `load` named at the first call
    that runs as a screen loads (unless that screen is one the person opens by a tap), `user` when
    every call answers a tap, else `other`. A `load` calling another `load` of its class (an
    overload handing on its defaults) is not a caller of its own."""
    others = {d.owner for d in index.definitions("load")} - {site.owner}
    callers = [
        c for c in index.calls("load")
        if c.role == "call" and not _in_tests(c) and not _in_swift_plain_load(c) and _same_target(c, site.owner, others)
    ]
    judged = [(site_kind(c, index), c) for c in callers]
    judged = [(k if k != "load" or not _in_tapped_item_screen(c, ctx) else "user", c) for k, c in judged]
    for wanted in ("load", "view"):
        found = next((c for k, c in judged if k == wanted), None)
        if found is not None:
            return wanted, found
    return ("user" if judged and all(k == "user" for k, _ in judged) else "other"), site


def _in_composer(site: project_index.Site) -> bool:
    """A call from a screen or folder for recording, picking or uploading media
    (`Upload/VideoCaptureView.swift`, `UploadVideoFragment`): it previews the person's own media."""
    folders = site.shown.split("/")[:-1]
    return any(COMPOSER_FOLDER.search(f) for f in folders) or bool(COMPOSER_CLASS.search(site.owner))


# A replay of the loaded item: back to its start, then play (`await player.seek(Duration.zero); player.play();`),
# with nothing new opened.
REPLAY_FROM_START = re.compile(r"\bseek(To)?\(\s*(const\s+)?(Duration\.zero|Duration\(\s*\)|0)\s*\)")
OPENS_MEDIA = re.compile(r"\.(open|setUrl|setAudioSource|setDataSource|setFilePath|setAsset|setSource|load)\(|\bMedia\(|VideoPlayerController\.")
END_CHECK = re.compile(r"(?i)\b(is_?)?(completed|ended|finished)\b|ProcessingState\.completed|STATE_ENDED")


def command_table_entry(fn: Node) -> bool:
    """Dart: the closure is the value of a map entry keyed by a string (`'playorpause': () => ...`), a
    table of commands the app looks up when a shortcut key or an action arrives."""
    parent = fn.parent
    return parent is not None and parent.type == "pair" and parent.named_child_count == 2 and parent.named_children[1].id == fn.id \
        and parent.named_children[0].type == "string_literal"


def _dart_command_site(site: project_index.Site) -> bool:
    """Dart: the call answers a command: a closure in a command table (`{'playorpause': () => c.playOrPause()}`)
    or a media-button case (`case 'play_pause':` of a picture-in-picture `onAction`)."""
    from designlint.checks.autoplay_mobile_situation import _in_media_button_branch  # the situation module imports this one

    node = _node_at(site)
    if node is None:
        return False
    lam = next((f for f in enclosing_functions(node) if f.type in LAMBDA_TYPES), None)
    return (lam is not None and command_table_entry(lam)) or _in_media_button_branch(node)


def _in_end_check(site: project_index.Site) -> bool:
    """Dart: the call sits in a branch that tests whether the item played to its end (`if
    (playback.completed) { ... replayFromStart(); }` in a periodic check): a replay of the same item
    at its end, judged with that end (the next-item advance beside it is dart-ended-advance's)."""
    from designlint.checks.autoplay_mobile_situation import IF_TYPES, _condition_text  # the situation module imports this one

    node = _node_at(site)
    for ancestor in ancestors(node) if node is not None else ():
        if ancestor.type in FUNCTION_TYPES and function_name(ancestor):
            return False
        if ancestor.type in IF_TYPES and END_CHECK.search(_condition_text(ancestor, node)):
            return True
    return False


def _queryable(fn: Node, name: str) -> bool:
    """A method other files can call, with a name distinctive enough to look up (`playMusic`,
    `startBgm`; not `play`, `resume`, a Dart `_private` or a Kotlin/Java/Swift `private` one)."""
    if len(name) < 7 or len(name_words(name).split()) < 2 or name in project_index.COMMON_NAMES:
        return False  # one-word names (`resume`, `restart`) are in too many files: every one would be parsed
    if is_private(fn, name):
        return False
    return not (LOAD_FN.match(name) or VIEW_FN.match(name) or USER_FN.search(name) or ENDED_FN.match(name))


def _typed_queryable(fn: Node, name: str) -> bool:
    """A method of a class, too common by name to look up alone (`play`, `start`, `resume`), that
    other files can call on an object of that class: looked up through that class's name."""
    if not owner_of(fn) or is_private(fn, name) or name.startswith("_") or len(name) < 4:
        return False
    if re.search(r"@objc|@IBAction", signature_text(fn)):
        return False  # a framework callback: the framework calls it
    return not (LOAD_FN.match(name) or VIEW_FN.match(name) or USER_FN.search(name) or ENDED_FN.match(name))


def _reports_itself(site: project_index.Site) -> bool:
    """A call of the class's method, with no arguments, on a receiver that names a player
    (`videoCell.play()`, `(cell as? VideoCell)?.play()`): the rule reports that call in its own file, so the method's
    inner start is not reported a second time."""
    if site.name not in WRAPPER_CALLS or not re.search(rf"\b{re.escape(site.name)}\s*\(\s*\)", site.snippet):
        return False  # `reelPlayer.play(url)`: a start the rule does not read at the call (it takes the media)
    return bool(PLAYER_RECEIVER.search(site.receiver)) and not NOT_MEDIA.search(site.receiver)


WRAPPER_CALLS = frozenset({"play", "start", "startPlayback", "startPlaying", "startVideo", "resumePlayback", "playVideo"})


def _overrides(fn: Node) -> bool:
    return bool(re.search(r"\boverride\b|@[Oo]verride", signature_text(fn)))


def _own_types(fn: Node, owner: str, ctx: CheckContext, index: project_index.ProjectIndex) -> tuple[str, ...]:
    """The class holding `fn` and the supertypes of it that the project itself declares as
    interfaces, protocols or abstract classes (`class ExoReelPlayer : ReelPlayer`, callers holding a
    `ReelPlayer`)."""
    try:
        heads = _supertypes(str(ctx.path), ctx.path.stat().st_mtime_ns)
    except OSError:
        heads = {}
    declared = []
    for parent in sorted(heads.get(owner, frozenset())):
        if len(parent) < 4 or parent == owner:
            continue
        pattern = re.compile(rf"\b(interface|protocol|abstract\s+class|abstract\s+interface\s+class|sealed\s+class)\s+{re.escape(parent)}\b".encode())
        if any(pattern.search(data) for data in index.files().values() if parent.encode() in data):
            declared.append(parent)
    return (owner, *declared)


def named_to_guess(fn: Node, name: str) -> bool:
    """A function the name heuristics below would judge (`setupPlayerView`, `playMenuMusic`): they
    stand for "called as the view loads", so a project where nothing calls it says otherwise.
    Framework callbacks (`override`, `@objc`, `@IBAction`) are called from outside the project."""
    if re.search(r"\boverride\b|@[Oo]verride|@objc|@IBAction", signature_text(fn)):
        return False
    return bool(SETUP_FN.match(name) or BACKGROUND_MUSIC.search(name_words(name)))


def has_local_callers(fn: Node, name: str, ctx: CheckContext) -> bool:
    return any(not (fn.start_byte <= ref.start_byte < fn.end_byte) and not is_declaration_name(ref) for ref in identifier_references(name, ctx))


def owner_of(node: Node) -> str:
    """The class (object, struct, extension) around `node`, as the project index names owners."""
    for ancestor in ancestors(node):
        if ancestor.type in project_index.CLASS_TYPES:
            holder = ancestor.parent if ancestor.type == "class_body" and ancestor.parent is not None else ancestor
            name = class_name(holder)
            if name:
                return name
    return ""


def _same_target(site: project_index.Site, owner: str, others: set[str]) -> bool:
    """A call that can reach this class's method: nobody else defines the name, or the receiver
    names the class (`AudioService.instance`, `audioService`, `context.read<AudioService>()`) or
    shares a word with it (`_music` for `MusicPlayer`), or a bare call inside the class."""
    if not others:
        return True
    if not site.receiver and not owner:
        # a top-level (global) function: a bare call reaches it unless the calling class has its own
        return site.owner not in others and not any(_subclass_of(site, other) for other in others)
    if not site.receiver and site.owner not in others and site.path.endswith((".java", ".kt")) and re.search(
        rf"\b(class|object)\s+{re.escape(owner)}\b", file_text(site.path)
    ):
        return True  # Java/Kotlin: a bare call in an anonymous listener (`new OnClickListener() {...}`) of the defining class
    if not site.receiver:
        return site.owner == owner or _subclass_of(site, owner)
    declared = _declared_type(site)
    if declared and (declared == owner or declared in others):
        return declared == owner  # `parent.feedViewModel.goNext()` where the file declares `var feedViewModel = GuestFeedViewModel.shared`
    if owner and owner.lower() in site.receiver.lower():
        return True
    if any(re.search(rf"\b{re.escape(other)}\b", site.receiver) for other in others if other):
        return False  # `GameAudio.sharedInstance.playMusic()` reaches GameAudio's method, not a same-named one here
    mine = set(name_words(owner).split()) - GENERIC_WORDS
    theirs = set(name_words(re.sub(r"[^\w]+", " ", site.receiver)).split()) - GENERIC_WORDS
    return bool(mine & theirs)


def _declared_type(site: project_index.Site) -> str:
    """The type the site's file declares the receiver's last member with (`var viewModel =
    GuestFeedViewModel.shared`, `let player: ClipPlayer`, a parameter `viewModel: CardViewModel =
    hiltViewModel()`: project_index.declared_types), when the file names only one; "" otherwise."""
    member = re.split(r"[.?!]+", site.receiver.strip("?! "))[-1]
    if not re.fullmatch(r"[A-Za-z_]\w*", member):
        return ""
    try:
        stamp = Path(site.path).stat().st_mtime_ns
    except OSError:
        return ""
    return _declared_type_at(site.path, stamp, member)


@functools.lru_cache(maxsize=4096)
def _declared_type_at(path: str, stamp: int, member: str) -> str:
    """_declared_type for one version of a file (the same receivers are asked about for every
    call site of a name: thousands of times in a large project)."""
    try:
        types = project_index.declared_types(member, _file_text_at(path, stamp))
    except OSError:
        return ""
    return types.pop() if len(types) == 1 else ""


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


def file_text(path: str) -> str:
    """Another project file's text, read once per version of the file (the call sites the checks
    judge sit in the same few files, asked about again and again). Raises OSError like a read."""
    return _file_text_at(path, Path(path).stat().st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _file_text_at(path: str, stamp: int) -> str:
    return Path(path).read_text("utf-8", "replace")


@functools.lru_cache(maxsize=512)
def _supertypes(path: str, stamp: int) -> dict[str, frozenset[str]]:
    """Class name -> the type names in its head (`class A extends B implements C` -> {B, C}), for one
    file (cached per file version: a project asks this for many call sites)."""
    try:
        source = file_text(path)
    except OSError:
        return {}
    heads: dict[str, frozenset[str]] = {}
    for match in re.finditer(r"\bclass\s+([A-Za-z_]\w*)([^{;]{0,400})", source):
        head = re.sub(r"\([^()]*\)", " ", re.sub(r"<[^<>]*>", " ", match.group(2)))  # generics, a Kotlin constructor's parameters
        names = frozenset(re.findall(r"[A-Za-z_]\w*", head))
        heads[match.group(1)] = heads.get(match.group(1), frozenset()) | names
    return heads


def site_kind(site: project_index.Site, index: project_index.ProjectIndex) -> str:
    """`load`, `user`, `view` or `other` for a call site in another file: the index's reading of the
    names around it, then this module's reading of that file's code around the site (Kotlin trailing
    lambdas such as `setOnClickListener { }`, Swift `didSelectRowAt`), then the callers of the
    function holding it (two levels)."""
    kind = project_index.classify(site)
    if kind == "load" and site.context[:1] and site.context[0][0] == "call" and _kind_in_file(site) == "user":
        return "user"  # `lrcView.setDraggable(true) { resumePlaying() }` in onViewCreated: a listener the view runs on a gesture
    if kind:
        return kind
    if any(USER_SITE.match(value) for _, value in site.context):
        return "user"
    if site.role == "passed":  # handed over (`callback: startGame`): it runs when the receiver calls it
        if any(part != "fn" and USER_HOST.search(value) for part, value in site.context):
            return "user"
        if site.receiver and site.context and site.context[0] == ("call", "pushNamed") and _kind_in_file(site) == "user":
            return "user"  # a route name pushed from a tap handler (`void onWatch() => pushNamed(...)`, `onPressed: onWatch`)
        return "other"
    kind = _kind_in_file(site)
    if kind:
        return kind
    if _task_started_by_tap(site, index):
        return "user"
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


def _task_started_by_tap(site: project_index.Site, index: project_index.ProjectIndex) -> bool:
    """The site is in an AsyncTask's `onPostExecute` (or `onProgressUpdate`) and every place that
    creates that task is a tap (`new LoadVideoTask().execute(...)` in `onClick`): it finishes that tap.
    One step only."""
    if not site.functions or site.functions[0] not in ("onPostExecute", "onProgressUpdate") or not site.owner:
        return False
    made = [s for s in index.calls(site.owner) if s.role == "call" and not _in_tests(s)]
    return bool(made) and all((project_index.classify(s) or ("user" if any(USER_SITE.match(v) for _, v in s.context) else "") or _kind_in_file(s)) == "user" for s in made)


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
    from designlint.checks.autoplay_mobile_situation import _in_media_button_branch  # the situation module imports this one

    if _in_media_button_branch(node):
        return "user"  # `is EpisodeUIEvent.PlayEpisode -> appState.play(...)`: a UI event the screen's buttons send
    for fn in enclosing_functions(node):
        if fn.type == "function_body" and fn.parent is not None and fn.parent.type in FUNCTION_TYPES:
            continue
        if fn.type in LAMBDA_TYPES:
            host = lambda_host(fn)
            kind = host_kind(host, fn) or labelled_callback(fn, host)
            if kind:
                return kind if kind != "unknown" else "other"  # `onGetSpeech = { vm.onEvent(...) }` in a composable: a callback, not load
            if EVENT_HOST.match(host):
                return "other"  # `ref.listen(provider, (prev, next) {...})` in build: runs on a later change, not at load
            local = re.match(r"[\w<>?]+\s+(\w+)\s*\(", text(fn)) if fn.type == "lambda_expression" and not host else None
            if local and _local_function_kind(fn, local.group(1)) == "user":
                return "user"  # Dart `void onWatch() => ...` declared in build, called only from tap handlers
            if _swift_callback_argument(fn, host):
                return "other"  # `CardView(onPlayAudio: { vm.speak() })` in a SwiftUI body: the view runs it later (a button)
            continue
        name = function_name(fn)
        if name == "prepare" and "segue" in signature_text(fn):
            return _segue_kind(fn)
        if name:
            return function_kind(fn, name) or _local_function_kind(fn, name)
    return None


def _local_function_kind(fn: Node, name: str) -> str | None:
    """A function declared inside another one (Dart `void onWatch() => Navigator.pushNamed(...)` in
    `build`) that the outer function only calls from tap handlers (`onPressed: () => onWatch()`): `user`."""
    outer = next((f for f in enclosing_functions(fn) if f.type not in LAMBDA_TYPES and f.start_byte < fn.start_byte
                  and function_name(f) and function_name(f) != name), None)
    if outer is None or (fn.start_byte, fn.end_byte) in _local_busy:
        return None  # Java: two anonymous `Runnable.run` in one method would send each other back and forth
    uses = [n for n in walk(outer) if n.type == "identifier" and text(n) == name
            and not (fn.start_byte <= n.start_byte < fn.end_byte)]
    uses = [n for n in uses if not (n.parent is not None and n.parent.start_byte == n.start_byte and "(" not in text(n.parent) and n.parent.type.endswith("signature"))]
    _local_busy.add((fn.start_byte, fn.end_byte))
    try:
        kinds = {_kind_around(n) for n in uses}
    finally:
        _local_busy.discard((fn.start_byte, fn.end_byte))
    return "user" if kinds == {"user"} else None


_local_busy: set[tuple[int, int]] = set()  # the local functions `_local_function_kind` is resolving now


def _swift_callback_argument(fn: Node, host: str) -> bool:
    """A Swift closure handed to a view under an `onSomething:` label (`onPlayAudio: { ... }`): a
    callback the view keeps and calls when its own control fires, not code run as the body is built."""
    parent = fn.parent
    label = parent.named_children[0] if parent is not None and parent.type == "value_argument" and parent.named_child_count > 1 else None
    return label is not None and label.type == "value_argument_label" and re.match(r"^on[A-Z]", host) is not None


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
            source = parse_source(Path(site.path), data, kind, budget.deadline_in(5.0)) if kind is not None else None
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


def on_return_to_app(ref: Node) -> bool:
    """A reference registered for the app's return to the foreground (a resume, not a load)."""
    for ancestor in ancestors(ref):
        if ancestor.type in FUNCTION_TYPES or ancestor.type in ("statements", "block", "class_body"):
            return False
        if ancestor.type in CALL_NODE_TYPES and RETURN_TO_APP.search(text(ancestor)):
            return True
    return False


def screen_opened_by_user(node: Node, ctx: CheckContext) -> str:
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
        ctx.memo[key] = _openers_all_user(screen, ctx) if _item_screen(screen, scope, node, ctx) else _sheets_all_user(screen, ctx)
    return ctx.memo[key]


# Swift: the opener presents the screen as a modal sheet (`coordinator.presentedSheet = .welcome(Model(...))`,
# `present(vc, animated:)`, `activeSheet = ...`).
SHEET_OPENER = re.compile(r"(\b\w*(?:[sS]heet|[mM]odal|FullScreenCover|fullScreenCover)\w*\s*=[^=]|\bpresent\(\s*\w)")


def _sheets_all_user(screen: str, ctx: CheckContext) -> str:
    """Swift: a screen (whatever it is about) that every opener in the other files presents as a
    modal sheet from a tap: what plays as the sheet appears answers that tap."""
    if ctx.language != "swift":
        return ""
    index = project_index.for_context(ctx)
    openers = _openers(screen, ctx, str(ctx.path.resolve()))
    if not openers or not all(_presents_sheet(site) for site in openers):
        return ""
    if all(site_kind(site, index) == "user" for site in openers):
        return f"{screen} is presented as a sheet on a tap ({openers[0].where()})"
    return ""


def _presents_sheet(site: project_index.Site) -> bool:
    try:
        lines = file_text(site.path).splitlines()[max(0, site.line - 3) : site.line]
    except OSError:
        return False
    return bool(SHEET_OPENER.search("\n".join(lines)))


def _screen_of(node: Node, ctx: CheckContext) -> tuple[str, Node | None]:
    """The screen class around `node` and its name as openers write it (Flutter `_VideoPageState` is
    opened as `VideoPage(...)`); ("", None) when the code is not in a screen."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    if outer is None:
        return "", None
    name = class_name(outer)
    head = class_head(outer)
    state = re.fullmatch(r"_?(\w+?)State", name)
    if ctx.language == "dart":
        if state and re.search(r"\b\w*State\s*<", head):  # State<...>, ConsumerState<...> (Riverpod)
            return state.group(1), ctx.root
        return (name, outer) if re.search(r"\bextends\s+(StatelessWidget|StatefulWidget|ConsumerWidget|HookWidget)\b", head) else ("", None)
    if SCREEN_BASE.search(head) or re.search(r"(Activity|Fragment|ViewController|VC)$", name):
        return name, outer
    if ctx.language == "swift" and re.search(r":\s*(\w+\s*,\s*)*(View|UIViewController|AVPlayerViewController|UIViewRepresentable|UIViewControllerRepresentable)\b", head):
        return name, outer
    if ctx.language == "swift" and name.endswith("Model") and re.search(r"(:\s*(\w+\s*,\s*)*(ObservableObject|ViewModel)\b|@Observable\b)", head):
        return name, outer  # a player view model built where its screen is opened (`NavigationLink(destination: V(vm: VM(url)))`)
    return "", None


def _item_screen(screen: str, scope: Node, node: Node, ctx: CheckContext) -> bool:
    """A screen about one item: not a feed, first screen, menu or game, and named for media or a
    detail, or reading the item it was handed (for music, only the latter or a song/episode name)."""
    words = name_words(screen)
    one_item = _plays_one_bundled_item(scope, ctx) and not _first_screen(node, ctx)
    if NOT_ITEM_SCREEN.search(re.sub(r"\bmain\b", "", words) if one_item else words):
        return False  # a numbered `MainActivity3` opened from a button, which is not the first screen, is not `main`
    handed = bool(ITEM_HANDED_OVER.search(text(scope)) or ROUTE_ARGUMENTS.search(text(scope)) or PLAYS_HANDED_VALUE.search(text(scope)))
    if player_label(_receiver_text(node), ctx) == "audio":
        # music in a screen opened by "Play" is not an answer; one bundled song played once is the one chosen
        return handed or one_item or bool(AUDIO_SCREEN_NAME.search(words))
    return handed or one_item or bool(MEDIA_SCREEN_NAME.search(words))


# The media played is the value the opener handed over, whatever its name (`open(Audio(widget.name2))`).
PLAYS_HANDED_VALUE = re.compile(
    r"\b(open|play|setUrl|setAsset|setSource|setFilePath|setAudioSource|setDataSource|setVideoURI|setVideoPath|"
    r"Audio(\.\w+)?|AssetSource|UrlSource|DeviceFileSource|VideoPlayerController\.\w+)\s*\(\s*[^;]{0,40}?"
    r"\b(widget|getIntent\(\)|intent|arguments|requireArguments\(\))\s*[.!?]*\s*\w+"
)
BUNDLED_FILE = re.compile(r"R\.raw\.(\w+)|forResource:\s*\"([^\"]+)\"|AssetSource\(\s*['\"]([^'\"]+)")
LOOPS = re.compile(r"isLooping\s*=\s*true|setLooping\(\s*true|setLoop\(\s*true|\.loop\s*=\s*true\b|numberOfLoops\s*=\s*-|REPEAT_MODE_(ONE|ALL)|LoopMode\.(one|all)|ReleaseMode\.loop|AVPlayerLooper")
NOT_CHOSEN_FILE = re.compile(r"\b(bgm|bg|background|ambient|theme|title|loop|menu|intro|splash|welcome|lobby|home)\b")


def _plays_one_bundled_item(scope: Node, ctx: CheckContext) -> bool:
    """The screen plays one bundled file, once (`MediaPlayer.create(this, R.raw.song_3).start()`; no loop,
    no background or theme music): a soundboard's screen playing the one item its button chose."""
    source = text(scope)
    files = {next(g for g in m.groups() if g) for m in BUNDLED_FILE.finditer(source)}
    return len(files) == 1 and not LOOPS.search(source) and not NOT_CHOSEN_FILE.search(name_words(files.pop()))


def _first_screen(node: Node, ctx: CheckContext) -> bool:
    """The Android activity the app opens on (the manifest's LAUNCHER), whatever else opens it later."""
    from designlint.checks.autoplay_mobile_situation import launcher_activity  # the situation module imports this one

    return launcher_activity(node, ctx)


def _receiver_text(node: Node) -> str:
    call = as_call(node)
    return call.receiver if call is not None else text(node)[:60]


def openers_of(screen: str, ctx: CheckContext) -> list[project_index.Site]:
    """The places in the project's other files that open or embed `screen`."""
    return _openers(screen, ctx, str(ctx.path.resolve()))


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
        if _relaunch_of_itself(s, screen):
            continue  # `if (c instanceof MediaView) c.startActivity(new Intent(c, MediaView.class)...)`: no new opener
        route = _compose_destination(s)
        if route:  # `composable<PlayerRoute> { PlayerScreen(...) }`: the places that navigate there open it
            found += _compose_route_pushes(route, s, index)
            continue
        if any(ROUTE_REGISTRATION.match(value) for _, value in s.context):
            found += _route_pushes(s, index)
            continue
        found.append(s)
    return found


def _relaunch_of_itself(site: project_index.Site, screen: str) -> bool:
    """Java/Kotlin: the site sits under `if (context instanceof Screen ...)` (`is Screen`): a helper
    shared with other screens reopening `screen` from inside `screen` (an error fallback that shows
    the item another way), which opens nothing the person had not opened."""
    if not site.path.endswith((".java", ".kt")):
        return False
    node = _node_at(site)
    checks = re.compile(rf"\b(instanceof|is)\s+{re.escape(screen)}\b")
    return node is not None and any(
        a.type in ("if_statement", "if_expression") and a.named_child_count and checks.search(text(a.named_children[0]))
        for a in ancestors(node)
    )


# Kotlin Compose Navigation: the destination call whose lambda builds the screen (`composable<PlayerRoute>`,
# `composable("player/{id}")`, `composable(route = Screen.Player.route, ...)`), read from the text before the lambda.
COMPOSE_DESTINATION = re.compile(
    r"\bcomposable\s*(?:<\s*(?P<type>[\w.]+)\s*>)?\s*(?:\((?P<args>(?:[^()]|\([^()]*\))*)\))?\s*$"
)
ROUTE_ARGUMENT = re.compile(r"^\s*(?:route\s*=\s*)?(?:\"(?P<literal>[\w-]+)|\"?\$?\{?(?P<name>[A-Za-z_][\w.]*))")


def _compose_destination(site: project_index.Site) -> str:
    """Kotlin: the route of the `composable` destination whose lambda holds `site`, as a regex of
    what a `navigate(...)` call to it names (the route type `PlayerRoute`, the literal's first segment
    `"player`, a constant or route object `Screen.Player`); "" when the site is not in one."""
    if not site.path.endswith(".kt"):
        return ""
    node = _node_at(site)
    if node is None:
        return ""
    data = _trees[site.path][0]
    for lam in (a for a in ancestors(node) if a.type == "lambda_literal"):
        before = data[max(0, lam.start_byte - 300) : lam.start_byte].decode(errors="ignore")
        match = COMPOSE_DESTINATION.search(before)
        if match is None or not (match["type"] or match["args"]):
            continue
        if match["type"]:
            return rf"\b{re.escape(match['type'].split('.')[-1])}\b"
        arg = ROUTE_ARGUMENT.match(match["args"])
        if arg is None:
            return ""
        if arg["literal"]:
            return rf"\"{re.escape(arg['literal'])}(?=[/?\"$])"
        name = arg["name"].removesuffix(".route")
        return rf"\b{re.escape(name)}\b"
    return ""


def _compose_route_pushes(route: str, registration: project_index.Site, index: project_index.ProjectIndex) -> list[project_index.Site]:
    """The `navigate(...)` calls in the project whose argument names `route` (see `_compose_destination`)."""
    found = []
    for s in index.calls("navigate"):
        if _in_tests(s) or (s.path == registration.path and s.line == registration.line):
            continue
        try:
            after = Path(s.path).read_bytes()[s.byte : s.byte + 400].decode(errors="ignore")
        except OSError:
            continue
        opening = after.find("(")
        close = closing_bracket(after, opening, "()") if opening >= 0 else None
        if close is not None and re.search(route, after[opening:close]):
            found.append(s)
    return found


def _in_swift_preview(site: project_index.Site) -> bool:
    """An Xcode preview (`#Preview { ... }`, `struct X_Previews: PreviewProvider`): not an opener."""
    if not site.path.endswith(".swift"):
        return False
    if site.owner.endswith("_Previews") or site.owner.endswith("Preview"):
        return True
    try:
        lines = file_text(site.path).splitlines()[: site.line]
    except OSError:
        return False
    top = next((line for line in reversed(lines) if line[:1] not in ("", " ", "\t", "}", "/")), "")
    return bool(re.match(r"#Preview\b|(struct|class)\s+\w+\s*:\s*PreviewProvider\b", top))


ROUTE_CASE = re.compile(r"^\s*case\s+([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*:")


def _route_pushes(registration: project_index.Site, index: project_index.ProjectIndex) -> list[project_index.Site]:
    """For a screen built under `case AppRoutes.pattern:` of an `onGenerateRoute` switch, the
    places in other files that hand `AppRoutes.pattern` over (to `pushNamed`, a navigate helper)."""
    try:
        lines = file_text(registration.path).splitlines()[max(0, registration.line - 12) : registration.line]
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
    shown = [site for site in openers if not _built_in_panel_with_tested_flag(site, screen, ctx)]
    if not shown:
        return ""
    openers = shown
    if all(site_kind(site, index) == "user" for site in openers):
        return f"{screen} is opened by a tap ({openers[0].where()})"
    if all(
        site_kind(site, index) == "user" or _host_opened_by_user(site, screen, ctx) or _notification_intent(site)
        or _state_switch_set_by_tap(site, ctx) or _handed_callback_run_by_user(site, index) or _window_opened_by_tap(site, index)
        for site in openers
    ):
        return f"{screen} is opened by a tap ({openers[0].where()})"
    return ""


# SwiftUI scenes of an App's body: the first one opens at launch, the others when code opens them.
SWIFT_SCENE = re.compile(r"\b(WindowGroup|Window|DocumentGroup|MenuBarExtra)\s*[({]")


def _window_opened_by_tap(site: project_index.Site, index: project_index.ProjectIndex) -> bool:
    """SwiftUI (macOS): the screen is the content of a scene with an id that is not the App's first
    scene (`Window("Player", id: "media-player") { PlayerView() }` after the main `WindowGroup`),
    so it opens only when code calls `openWindow(id: "media-player")`, and every such call is a tap."""
    if not site.path.endswith(".swift") or not site.context or site.context[0] not in (("call", "Window"), ("call", "WindowGroup")):
        return False
    try:
        source = file_text(site.path)
    except OSError:
        return False
    before = "\n".join(source.splitlines()[: site.line])
    scenes = list(SWIFT_SCENE.finditer(before[before.rfind("some Scene") :])) if "some Scene" in before else []
    window_id = re.search(r"\bid\s*:\s*(\"[^\"]+\")", before[before.rfind("Window") :]) if len(scenes) > 1 else None
    if window_id is None:
        return False  # the first scene (or one with no id): it opens at launch
    opens = [c for c in index.calls("openWindow") if not _in_tests(c) and window_id.group(1) in c.snippet]
    return bool(opens) and all(site_kind(c, index) == "user" for c in opens)


def _handed_callback_run_by_user(site: project_index.Site, index: project_index.ProjectIndex, depth: int = 0) -> bool:
    """Kotlin: the site sits in a lambda handed to a composable's parameter (`MovieScreen(navigateToPlayer =
    { navController.navigate(PlayerRoute(id)) })`) and every place that composable runs that parameter is
    a tap (its Play action), following it handed on to another composable (`HomeScreen(navigateToPlayer =
    navigateToPlayer)`) up to three levels."""
    if not site.path.endswith(".kt") or depth > 3:
        return False
    pairs = list(zip(site.context, site.context[1:]))
    handed = next(
        ((label, callee) for (kind, label), (call_kind, callee) in pairs if kind == "label" and call_kind == "call" and callee[:1].isupper()),
        None,
    )
    if handed is None or any(kind == "fn" for kind, _ in site.context[: site.context.index(("label", handed[0]))]):
        return False
    label, callee = handed
    runs = [s for s in [*index.calls(label), *index.references(label)] if callee in s.functions and not _in_tests(s)]
    runs = [s for s in runs if s.role in ("call", "passed")]
    return bool(runs) and all(
        site_kind(s, index) == "user" if s.role == "call" else _handed_callback_run_by_user(s, index, depth + 1) for s in runs
    )


# A mini player, sliding panel or sheet that builds its content in a `builder:` callback.
PANEL_HOST = re.compile(r"^(\w*(Miniplayer|MiniPlayer|Panel|Sheet|Expandable\w*|Dismissible\w*)|showModalBottomSheet|showBottomSheet)$")
PANEL_BUILDER_LABEL = re.compile(r"^(builder|panelBuilder|expanded|collapsed|panel|child)$")


def _built_in_panel_with_tested_flag(site: project_index.Site, screen: str, ctx: CheckContext) -> bool:
    """BlackHole's `Miniplayer(builder: (h, p) => PlayScreen(..., fromMiniplayer: true))`: the screen
    is built inside a mini player's (panel's, sheet's) builder and handed a flag set to `true` that
    the screen's own code tests (`if (widget.fromMiniplayer)`, `fromMiniplayer ? ... : ...`): that
    copy shows what already plays and is not an opener that plays."""
    labels = [name for kind, name in site.context if kind == "label"]
    hosts = [name for kind, name in site.context if kind == "call"]
    if not any(PANEL_BUILDER_LABEL.match(n) for n in labels[:3]) or not any(PANEL_HOST.match(n) for n in hosts):
        return False
    try:
        after = file_text(site.path).encode()[site.byte : site.byte + 2000].decode(errors="ignore")
    except OSError:
        return False
    call = re.search(rf"\b{re.escape(screen)}\s*\(", after[:200])  # the site may start at its label (`child: PlayScreen(`)
    if call is None:
        return False
    close = closing_bracket(after, call.end() - 1, "()")
    end = len(after) if close is None else close
    code = ctx.code_without_comments()
    for flag in re.findall(r"\b(\w+)\s*:\s*true\b", after[call.end() : end]):
        if re.search(rf"\bif\s*\(\s*!?\s*(widget\.)?{re.escape(flag)}\s*\)|\b(widget\.)?{re.escape(flag)}\s*\?(?![.?])", code):
            return True
    return False


WIDGET_CLASS = re.compile(r"\bextends\s+(State\b|StatelessWidget|StatefulWidget|ConsumerWidget|ConsumerStatefulWidget|HookWidget|HookConsumerWidget|Component|FlameGame)")


def helper_screen_opened_by_user(node: Node, ctx: CheckContext) -> str:
    """Dart: the start sits in a helper class that is not a widget (a `MixedController` in `util/`,
    a `StateNotifier`), or in a top-level option that such a class uses, and that class is made in
    one screen only (directly, or through one top-level provider: `final videoState =
    StateNotifierProvider(... => VideoNotifier(...))` watched by the screen), a screen that every
    opener opens from a tap: the helper plays what the person picked there. Returns evidence, or ""."""
    if ctx.language != "dart":
        return ""
    root = node
    while root.parent is not None:
        root = root.parent
    holder = next((a for a in ancestors(node) if a.type == "class_definition"), None)
    if holder is not None:
        helpers = [holder]
    else:  # a top-level `const config = BetterPlayerConfiguration(...)`: the classes of the file that use it
        top = next((a for a in ancestors(node) if a.parent is not None and a.parent.parent is None), None)
        name = re.search(r"(\w+)\s*=", text(top)) if top is not None else None
        if name is None:
            return ""
        helpers = [c for c in root.named_children if c.type == "class_definition"
                   and re.search(rf"\b{re.escape(name.group(1))}\b", text(c))]
    if len(helpers) != 1 or WIDGET_CLASS.search(text(helpers[0]).split("{", 1)[0]):
        return ""
    helper = class_name(helpers[0])
    if not helper or len(helper) < 6:
        return ""
    index = project_index.for_context(ctx)
    own = str(ctx.path.resolve())
    users: set[str] = set()
    for site in index.calls(helper):
        if site.path == own or _in_tests(site):
            continue
        if site.owner:
            users.add(site.owner)
            continue
        provider = _top_level_variable(site)
        if not provider or len(provider) < 6:
            return ""
        reached = [s for s in [*index.calls(provider), *index.references(provider)] if s.path != site.path and not _in_tests(s)]
        if not reached or any(not s.owner for s in reached):
            return ""
        users.update(s.owner for s in reached)
    screens = {re.sub(r"^_?(\w+?)State$", r"\1", u) for u in users}
    if len(screens) != 1:
        return ""
    screen = next(iter(screens))
    if not re.search(r"(Screen|Page|View|Player)$", screen):
        return ""
    key = ("autoplay_mobile.opened_by_user", screen)
    if key not in ctx.memo:
        ctx.memo[key] = _openers_all_user(screen, ctx)
    return str(ctx.memo[key] or "")


def _top_level_variable(site: project_index.Site) -> str:
    """The Dart top-level variable whose value holds the site (`final videoState = Provider((ref) =>
    VideoNotifier(...))`), or ""."""
    try:
        lines = file_text(site.path).splitlines()[: site.line]
    except OSError:
        return ""
    for line in reversed(lines):
        if line[:1].strip() and not line.startswith(("//", "@")):  # the first line at column 0 above the site
            found = re.match(r"(final|var|const|late)\b[^=(]*?\b(\w+)\s*=", line)
            return found.group(2) if found else ""
    return ""


def _state_switch_set_by_tap(site: project_index.Site, ctx: CheckContext) -> bool:
    """Kotlin Compose: the screen is shown by a branch of a state switch (`when (uiState.currentScreen)
    { Screen.Player -> playerScreen(...) }`) and every place in the project that sets that state to
    that value (`currentScreen = Screen.Player`) is a function only taps call (`selectChannel(channel)`
    from `onChannelClick = { ... }`): the screen shows what the person tapped."""
    if not site.path.endswith(".kt"):
        return False
    node = _node_at(site)
    entry = next((a for a in ancestors(node) if a.type == "when_entry"), None) if node is not None else None
    switch = entry.parent if entry is not None else None
    subject = next((c for c in switch.named_children if c.type == "when_subject"), None) if switch is not None else None
    if subject is None or entry.named_child_count < 2:
        return False
    value = text(entry.named_children[0]).strip()
    state = re.search(r"(\w+)\s*\)?\s*$", text(subject))
    if not re.fullmatch(r"[A-Z]\w*(\.[A-Z]\w*)+", value) or state is None:
        return False
    key = ("autoplay_mobile.state_switch_set_by_tap", state.group(1), value)
    if key not in ctx.memo:
        index = project_index.for_context(ctx)
        sets = re.compile(rf"\b{re.escape(state.group(1))}\s*=\s*{re.escape(value)}\b")
        setters = set()
        for data in index.files().values():
            source = data.decode("utf-8", "replace")
            for found in sets.finditer(source):
                holder = re.findall(r"\bfun\s+(?:[\w.<>]+\.)?(\w+)\s*\(", source[: found.start()])
                setters.add(holder[-1] if holder else "")
        ctx.memo[key] = bool(setters) and all(
            len(setter) >= 5 and setter not in project_index.COMMON_NAMES
            and (callers := [c for c in index.calls(setter) if not _in_tests(c)])
            and all(site_kind(c, index) == "user" for c in callers)
            for setter in setters
        )
    return ctx.memo[key]


INTENT_VARIABLE = re.compile(r"\b(\w+)\s*=\s*(new\s+)?Intent\s*\(")


def _notification_intent(site: project_index.Site) -> bool:
    """Android: the Intent that opens the screen is wrapped, a few lines on, in
    `PendingIntent.getActivity(..., intent, ...)` (a notification or its "Play" action): the screen
    opens when the person taps it."""
    if not site.path.endswith((".java", ".kt")):
        return False
    variable = INTENT_VARIABLE.search(site.snippet)
    if variable is None:
        return False
    try:
        lines = file_text(site.path).splitlines()[site.line - 1 : site.line + 40]
    except OSError:
        return False
    return bool(re.search(rf"PendingIntent\s*\.\s*getActivit(y|ies)\s*\([^;]*\b{re.escape(variable.group(1))}\b", "\n".join(lines)))


def _host_opened_by_user(site: project_index.Site, screen: str, ctx: CheckContext, depth: int = 0) -> bool:
    """`VideoDetailsPage.build` embeds the player widget (`child: VideoChewieWidget()`, or a Flutter
    State's `initState` builds it into a field) and every opener of that detail page, in the other
    files, is a tap: the widget shows what was tapped. The host is named for one item (a detail,
    video or lesson page; not a feed or home); one more level up (`TaskPage.build` returning
    `VideoSection(task)`) the page opened by the tap only must not be a feed, home or menu."""
    if not (_embedded_in(site) or _built_into_field(site, screen)) or site.role == "passed":
        return False
    host = re.sub(r"^_?(\w+?)State$", r"\1", site.owner)
    words = name_words(host)
    if not host or host == screen or project_index.too_common(host) or NOT_ITEM_SCREEN.search(words):
        return False
    if depth == 0 and not MEDIA_SCREEN_NAME.search(words):
        return False
    key = ("autoplay_mobile.host_opened_by_user", host, depth)
    if key not in ctx.memo:
        ctx.memo[key] = False  # a cycle of widgets embedding each other decides nothing
        index = project_index.for_context(ctx)
        openers = [o for o in _openers(host, ctx, site.path) if o.path != str(ctx.path.resolve())]
        ctx.memo[key] = bool(openers) and all(
            site_kind(o, index) == "user" or (depth == 0 and _host_opened_by_user(o, host, ctx, 1)) for o in openers
        )
    return ctx.memo[key]


def _built_into_field(site: project_index.Site, screen: str) -> bool:
    """Flutter: a State's `initState` builds the widget into a field (`player = ClipBox(link: ...)`)
    that its `build` shows."""
    return (
        site.path.endswith(".dart")
        and bool(site.functions)
        and site.functions[0] == "initState"
        and bool(re.search(rf"\b\w+\s*=\s*(new\s+|const\s+)?{re.escape(screen)}\s*\(", site.snippet))
    )


def service_started_by_user(service: str, ctx: CheckContext) -> str:
    """An Android Service whose every starter in the other files is a tap (`startService(new
    Intent(this, MusicService.class))` in a Start button's `onClick`): the music its `onCreate`
    plays answers that tap. A service started from an Application's or a screen's `onCreate`, from
    boot or from a launcher stays reported. Returns the evidence or ""."""
    key = ("autoplay_mobile.service_by_user", service)
    if key not in ctx.memo:
        ctx.memo[key] = _service_starters_all_user(service, ctx) if service else ""
    return ctx.memo[key]


def _service_starters_all_user(service: str, ctx: CheckContext) -> str:
    """Only an Intent's target (`MusicService.class`, `MusicService::class.java`) starts a service;
    `new MusicService()` or a field of its type runs none of its lifecycle."""
    index = project_index.for_context(ctx)
    target = re.compile(rf"\b{re.escape(service)}\s*(::class|\.class\b)")
    starters = [s for s in _openers(service, ctx, str(ctx.path.resolve())) if target.search(s.snippet)]
    if starters and all(site_kind(site, index) == "user" for site in starters):
        return f"{service} is started by a tap ({starters[0].where()})"
    return ""


def service_started_on_load(service: str, ctx: CheckContext) -> str:
    """An Android Service that a screen starts as it loads (`startService(new Intent(this,
    MusicService.class))` in the launcher's `onCreate` / `onResume`, directly or through a helper it
    calls): its `onStartCommand` / legacy `onStart` runs with no tap. Returns the evidence or ""."""
    key = ("autoplay_mobile.service_on_load", service)
    if key not in ctx.memo:
        found = ""
        if service:
            index = project_index.for_context(ctx)
            target = re.compile(rf"\b{re.escape(service)}\s*(::class|\.class\b)")
            for site in _openers(service, ctx, str(ctx.path.resolve())):
                if target.search(site.snippet) and _starts_service_at(site) and not _in_listener(site) and not _under_setting_off(site) and site_kind(site, index) == "load":
                    found = f"{service} is started as a screen loads ({site.where()})"
                    break
        ctx.memo[key] = found
    return ctx.memo[key]


def _in_listener(site: project_index.Site) -> bool:
    """The site is inside a listener that a screen registers as it loads (`music.setOnCheckedChangeListener(
    new OnCheckedChangeListener() { void onCheckedChanged(...) { startService(...) } })`): it runs on the
    event, not on load."""
    if any(kind == "call" and re.match(r"^(set|add)On\w*(Listener|Callback)$", value) for kind, value in site.context):
        return True
    functions = site.functions
    return len(functions) > 1 and bool(re.match(r"^on[A-Z]", functions[0])) and not LOAD_FN.match(functions[0])


# A stored on/off setting that is off until the person turns it on: `prefs.getBoolean("music", false)`.
SETTING_OFF = r"\bget(Boolean|Bool)\s*\(\s*[^,()]+,\s*false\s*\)"


def _under_setting_off(site: project_index.Site) -> bool:
    """The start sits right under `if (musicOn) {` (or `if (prefs.getBoolean("music", false))`) where
    that name holds a stored setting read with a default of false: the music is opt-in, the person
    turned it on in the settings."""
    try:
        source = file_text(site.path)
    except OSError:
        return False
    lines = source.splitlines()[: site.line]
    code = [line for line in lines[-3:] if line.strip() and not line.strip().startswith("//")]
    head = next((line for line in reversed(code) if re.search(r"\bif\s*\(", line)), "")
    if not head or not re.search(r"\)\s*(\{|\{?\s*start\w*Service\b.*)$", head.strip()):
        return False
    condition = re.search(r"\bif\s*\((.*)\)", head)
    if condition is None or "!" in condition.group(1) or re.search(r"\|\||&&|else", condition.group(1)):
        return False
    flag = condition.group(1).strip()
    if re.search(SETTING_OFF, flag):
        return True
    return bool(re.fullmatch(r"\w+", flag)) and re.search(rf"\b{flag}\s*=\s*[^;\n]*{SETTING_OFF}", source) is not None


def _starts_service_at(site: project_index.Site) -> bool:
    """The Intent built at `site` goes to `startService` / `startForegroundService` (on that line or
    in the next few, `musicIntent = new Intent(...); startService(musicIntent);`), not to
    `stopService` or `bindService`."""
    if re.search(r"\b(stop|bind)Service\b", site.snippet):
        return False
    if re.search(r"\bstart(Foreground)?Service\b", site.snippet):
        return True
    try:
        lines = file_text(site.path).splitlines()[site.line - 1: site.line + 6]
    except OSError:
        return False
    for line in lines:
        if re.search(r"\b(stop|bind)Service\b", line):
            return False
        if re.search(r"\bstart(Foreground)?Service\s*\(", line):
            return True
    return False


# Functions that build a view's content: a screen constructed there is part of that view, shown with it.
EMBED_FN = re.compile(r"^(body|build|makeUIView|makeUIViewController|makeNSView|makeNSViewController|makeBody|loadView|viewDidLoad)$")
# Arguments that say which item of a list the opened screen shows.
ITEM_ARGUMENT = re.compile(r"\b\w*(index|position|item|video|clip|post|reel|content)\w*\s*[:=(]", re.I)


def tapped_viewer(node: Node, ctx: CheckContext) -> str:
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
        if site_kind(site, index) == "user":
            evidence = f"{screen} is opened by a tap on an item ({site.where()})" if _hands_over_item(site) else ""
        elif _embedded_in(site) and depth < 2 and site.owner and site.owner != screen:
            evidence = _opened_by_item_tap(site.owner, ctx, site.path, depth + 1)
        else:
            evidence = ""
        if not evidence:
            break
    ctx.memo[key] = evidence if openers else ""
    return ctx.memo[key]


# Flutter: the player plays a local file the widget was handed (`VideoPlayerController.file(widget.videoFile)`,
# `.file(File(widget.path))`, `.file(File(widget.clip.path))` for an XFile).
HANDED_FILE_SOURCE = re.compile(r"\bVideoPlayerController\s*\.\s*file\s*\(\s*(File\s*\(\s*)?widget\s*\.\s*\w+")
# A file that records or picks media: the camera plugin's video recording, image_picker, file_picker.
MAKES_MEDIA = re.compile(r"\b(startVideoRecording|stopVideoRecording|ImagePicker|FilePicker|pickVideo|pickMedia)\b")


def own_recording_preview(node: Node, ctx: CheckContext) -> str:
    """A Flutter widget that plays a local file it is handed (`Video(File(_filePath))`) and is named
    for a preview, or is built only where media is recorded or picked (a camera screen that records
    and swaps the preview in once recording stops, a picker) or in a screen opened from there with
    the file (a share / post screen): it plays back the person's own fresh recording. Not a
    network URL, and not a file built from anywhere else (a downloads list). Returns the evidence or ""."""
    if ctx.language != "dart":
        return ""
    screen, scope = _screen_of(node, ctx)
    if not screen or scope is None or not HANDED_FILE_SOURCE.search(text(scope)):
        return ""
    if re.search(r"preview", screen, re.I):
        return f"{screen} previews a file it is handed"
    return _built_after_recording(screen, ctx, str(ctx.path.resolve()), 0)


def _built_after_recording(widget: str, ctx: CheckContext, own: str, depth: int) -> str:
    key = ("autoplay_mobile.after_recording", widget)
    if key in ctx.memo:
        return ctx.memo[key]
    ctx.memo[key] = ""  # widgets building each other decide nothing
    built = re.compile(rf"\b{re.escape(widget)}\s*\(")  # constructed; not a type named the same (a `List<Video>` of a model class)
    builders = [site for site in _openers(widget, ctx, own) if built.search(site.snippet)]
    found = []
    for site in builders:
        try:
            records = bool(MAKES_MEDIA.search(file_text(site.path)))
        except OSError:
            records = False
        holder = re.sub(r"^_|State$", "", site.owner)
        if records or _in_composer(site):
            found.append(f"{widget} shows the media recorded or picked in {site.where()}")
        elif holder and holder != widget and depth < 2 and _built_after_recording(holder, ctx, site.path, depth + 1):
            found.append(f"{widget} shows the file handed over from a recording in {site.where()}")  # a share screen opened with the clip
        else:
            return ""
    ctx.memo[key] = found[0] if found else ""
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


def embedding_host_starts(node: Node, receiver: str, ctx: CheckContext) -> str:
    """The view around `node` is only ever shown inside other views (`UIHostingController(rootView:
    ContentPlayerView(...))` in a pager's `makeUIView`), and one of them starts the same player
    (`feedPlayersViewModel.currentPlayer?.play()`): that start is the one reported. Returns its file."""
    player = player_key(receiver)
    screen, _ = _screen_of(node, ctx)
    if not player or not screen or project_index.too_common(screen):
        return ""
    openers = _openers(screen, ctx, str(ctx.path.resolve()))
    if not openers or not all(_embedded_in(site) for site in openers):
        return ""
    starts = re.compile(rf"\b{re.escape(player)}\s*[?!]?\s*\.\s*play\(\s*\)")
    for site in openers:
        try:
            source = file_text(site.path)
        except OSError:
            continue
        # a host that starts the player only as the person swipes (`scrollViewDidEndDecelerating`)
        # leaves the first page's start to the hosted view: that one is not a duplicate
        if any(not _in_scroll_function(source, m.start()) for m in starts.finditer(source)):
            return site.shown
    return ""


def _in_scroll_function(source: str, offset: int) -> bool:
    """The nearest `func name` before `offset` is a scroll or page callback (`scrollViewDidScroll`,
    `onPageSelected`)."""
    names = re.findall(r"\bfunc\s+(\w+)", source[:offset])
    return bool(names) and bool(VIEW_FN.match(names[-1]))
