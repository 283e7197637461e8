"""Checks for the `autoplay` rule: media that starts without a user action, or that advances
to the next item by itself.

The queries in rules/autoplay.yaml find candidates (an `autoplay` attribute, a `.play()` call,
an `ended` handler, a string with `autoplay=1`, ...). The functions here decide:

* whether the element is media at all (a <video>, a player component; not a Swiper carousel,
  a Lottie animation or a slideshow);
* whether the value is really "on" (`autoPlay={false}`, `:autoplay="false"`, `autoplay: 0` are
  not; an identifier is resolved in the same file: `useState(true)`, `ref(true)`, a prop default
  `= true`, `let autoplay = true`);
* for `.play()`: in which situation the call runs, by walking up the enclosing functions and,
  for named functions, the places that reference them: on load (useEffect, onMounted, onMount,
  componentDidMount, ngAfterViewInit, DOMContentLoaded, `canplay`/`loadedmetadata`, hls.js
  MANIFEST_PARSED, YouTube onReady, video.js ready, top level), when scrolled into view
  (IntersectionObserver), or on a user gesture (click, key, touch, pointer: not autoplay);
* for `ended` handlers: whether the handler starts the next item (calls next/skip/advance,
  increments the index, loads another video, plays another element); replaying the same media
  (`currentTime = 0; play()`) or just resetting state is not auto-advance;
* whether the media is muted (lower severity: `info`, with a note);
* whether the media is only rendered after a user action (a "click to play" facade, a modal or
  lightbox opened by a button): then the autoplay is the answer to that click and is dropped;
* a page-wide `document`/`window` click or key listener that starts media ("play on first
  interaction", a workaround for the browser's autoplay block) is reported; one that
  delegates to a specific control through `event.target` is a user action;
* camera previews and WebRTC call streams (`srcObject`, `getUserMedia`) are not content, and
  tests/stories (`*.spec.*`, `*.test.*`, `__tests__/`, `*.stories.*`) are skipped.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint.checks import CheckContext, Verdict
from designlint.checks import expo_routes
from designlint.checks.autoplay_mobile_situation import NOT_PLAYER_SCREEN, PLAYER_SCREEN
from designlint.checks.util import text as _t, walk as _walk, ancestors as _ancestors, unquote as _unquote, FUNCTION_TYPES, closing_bracket

# --------------------------------------------------------------------------------------------
# vocabulary


MUTED_NOTE = "muted: lower severity, but it still captures attention"

# Element / component names that are media players.
MEDIA_NAME = re.compile(
    r"(video|audio|media|player|movie|clip|trailer|reel|youtube|vimeo|dailymotion|sound|music|"
    r"song|podcast|stream|hls|dash|plyr|vjs|mux|jwplayer|wistia|twitch|tiktok|shorts)",
    re.I,
)
# ... and names that look like media but are carousels, animations or slideshows.
NOT_MEDIA_NAME = re.compile(
    r"(carousel|slider|slide|swiper|slick|splide|glide|flicking|lottie|marquee|ticker|typewriter|"
    r"typing|anim|gif|confetti|particles|banner|gallery|testimonial|logos?cloud|rive|spline)",
    re.I,
)
HTML_MEDIA_TAG = re.compile(
    r"^(video|audio|amp-video|amp-audio|amp-youtube|amp-vimeo|amp-dailymotion|amp-brightcove|"
    r"media-player|media-controller|mux-player|mux-video|mux-audio|hls-video|dash-video|"
    r"youtube-video|vimeo-video|video-js|vds-media|vds-video)$",
    re.I,
)
CAROUSEL_KEYS = re.compile(
    r"^(slidesPerView|slidesToShow|slidesToScroll|autoplaySpeed|autoplayTimeout|autoplayHoverPause|"
    r"spaceBetween|pagination|navigation|centeredSlides|centerMode|dots|arrows|items|slideBy|"
    r"perPage|perMove|interval|delay|breakpoints|responsive|effect|freeMode|rewind|"
    r"pauseOnHover|pauseOnFocus|infinite|fade|cssEase|swipe|draggable|autoScroll|animationData|"
    r"renderer|path|direction|wrapAround|cellAlign|pageDots|prevNextButtons|gap|focus|type|"
    r"transitionDuration|slideDuration|showThumbs|showIndicators|interval|stopOnHover)$"
)
MEDIA_KEYS = re.compile(
    r"^(sources|src|source|url|file|controls|muted|mute|poster|preload|playsinline|playsInline|"
    r"videoId|playerVars|fluid|responsive|techOrder|html5|playbackRates|volume|loop|tracks|"
    r"hls|dash|playlist|youtube|vimeo|aspectRatio|fullscreen|ratio|quality|clickToPlay|"
    r"resetOnEnd|vimeo|height|width|modestbranding|rel|controlBar|userActions|liveui|"
    r"format|html5|onend|onplay|onload|sprite|rate|autoStartLoad|startTime|start|end)$"
)
# Call targets whose object argument is a player configuration.
PLAYER_CALLS = re.compile(
    r"^(videojs|Plyr|YT\.Player|window\.YT\.Player|Player|Vimeo\.Player|Howl|Hls|MediaElementPlayer|"
    r"MediaElement|jwplayer\(.*\)\.setup|.*\.setup|DM\.player|dailymotion\.createPlayer|"
    r"createPlayer|youtubePlayer|YouTubePlayer|YouTube|shaka\.Player|Clappr\.Player|flowplayer|"
    r"Artplayer|DPlayer|xgplayer|Player|WaveSurfer\.create|APlayer|useAudioPlayer|load|"
    r"URLSearchParams|new URLSearchParams|mediaelementplayer|\$\(.*\)\.mediaelementplayer)$"
)
PLAYER_VAR = re.compile(
    r"(video|player|vjs|plyr|media|audio|youtube|vimeo|yt|sound|howl|music|opts|playerVars|"
    r"embed|iframe|trailer|clip|stream)",
    re.I,
)
NOT_MEDIA_VAR = re.compile(r"(swiper|slider|carousel|slick|splide|glide|\bowl|owl[A-Z_]|flickity|lottie|anim|marquee|banner)", re.I)

USER_EVENTS = re.compile(
    r"^(click|dblclick|auxclick|mousedown|mouseup|pointerdown|pointerup|touchstart|touchend|tap|"
    r"keydown|keyup|keypress|submit|change|input|contextmenu|press|onPress|select|"
    r"mouseenter|mouseover|pointerenter|pointerover|hover|focus|focusin|drop|wheel)$",
    re.I,
)
LOAD_EVENTS = re.compile(
    r"^(DOMContentLoaded|load|loadedmetadata|loadeddata|canplay|canplaythrough|ready|loadstart|"
    r"durationchange|pageshow|manifestparsed|manifest_parsed|manifestloaded|manifest_loaded|"
    r"hlsManifestParsed|levelloaded|readystatechange|sourceopen|mounted|onReady|"
    r"onYouTubeIframeAPIReady|apiready|playerready|providerchange|loaded)$",
    re.I,
)
ENDED_EVENTS = re.compile(r"^(ended|end|finish|onended|onend)$", re.I)
JSX_USER_ATTR = re.compile(
    r"^on(Click|DoubleClick|MouseDown|MouseUp|PointerDown|PointerUp|TouchStart|TouchEnd|KeyDown|"
    r"KeyUp|KeyPress|Submit|Change|Input|Press|Tap|MouseEnter|MouseOver|PointerEnter|Focus|"
    r"ContextMenu|Select|Toggle|Drop)$"
)
JSX_LOAD_ATTR = re.compile(r"^on(CanPlay|CanPlayThrough|LoadedData|LoadedMetadata|Ready|Load|LoadStart|Loaded)$")
LOAD_HOOKS = re.compile(
    r"^(useEffect|useLayoutEffect|useIsomorphicLayoutEffect|useEffectOnce|useMount|useMountEffect|"
    r"onMounted|onMount|onBeforeMount|afterNextRender|afterRender|\$effect|\$effect\.pre|"
    r"createEffect|onMountEffect|useFocusEffect|useVisibleTask\$|useTask\$|watchEffect|"
    r"componentDidMount|ngAfterViewInit|ngOnInit|ngAfterContentInit|connectedCallback|firstUpdated|"
    # expo-video: the setup callback of `useVideoPlayer(source, player => ...)` runs when the player is
    # created, as the component mounts
    r"useVideoPlayer)$"
)
LOAD_METHODS = re.compile(
    r"^(componentDidMount|ngAfterViewInit|ngOnInit|ngAfterContentInit|connectedCallback|"
    r"firstUpdated|mounted|onMounted|onMount|created|onYouTubeIframeAPIReady|onPlayerReady)$"
)
PASS_THROUGH_CALLS = re.compile(
    r"^(setTimeout|setInterval|requestAnimationFrame|queueMicrotask|nextTick|\$nextTick|then|catch|"
    r"finally|forEach|map|useCallback|useMemo|debounce|throttle|tick|each|call|apply|bind|"
    r"Promise|resolve|startTransition|runInAction|act|defer|setImmediate|afterUpdate|"
    r"requestIdleCallback|onload|whenReady|addListener)$"
)
# Conditions that make a `.play()` depend on state the user controls (a play/pause toggle).
STATE_GUARD = re.compile(
    r"\b(is|should|can|has|was|user)?_?(playing|play|paused|active|selected|open|opened|show|shown|"
    r"started|enabled|autoplay|autoPlay|interacted|userInteracted|clicked|hover|hovered|isHovered|"
    r"focused|expanded|current|isCurrent|activeIndex|selectedIndex|playState|status|state|"
    r"muted|unlocked|allowed|consent)\b",
    re.I,
)
VIEW_GUARD = re.compile(r"(isIntersecting|intersectionRatio|inView|isInView|isVisible|visible|onScreen|inViewport)", re.I)

ADVANCE_NAME = re.compile(
    r"(\bnext(?!Tick|Frame|Config|Props|Auth|Router|Page\b|\.js)\w*|\w+Next(?!Tick|Frame)\w*|\w*advance\w*|\bskip\w*|\w+Skip\w*|"
    r"\bforward\b|\w*queue\w*|\bupcoming\w*|\bshuffle\w*|\bloadVideoBy(Id|Url)\b|\bplayVideoAt\b|"
    r"\bloadPlaylist\b|\bplayAt\b|\bchange(Track|Song|Video)\b|\bplay(Track|Song|Episode|Item|Video)\b(?=\s*\(\s*\w)|"
    r"\b(select|set|load|go[Tt]o)(Current)?(Track|Song|Video|Episode|Clip|Item)(Index|Idx|Id)?\b(?=\s*\()|"
    r"\bset(Current|Active|Playing|Selected)?(Index|Idx|Position)\b|\bsetCurrent\b(?=\s*\()|\bplaylist\w*\s*\[)",
    re.I,
)
INDEX_WORD = (
    r"(?:index|idx|current|cur|i|n|j|pos|position|prev|p|step|track|song|video|clip|episode|item|"
    r"\w+(?:Index|Idx|Num|No|Number|Pos|Position)|(?:current|cur|track|song|video|clip|episode|item)\w*)"
)
INDEX_INCREMENT = re.compile(
    rf"(\b{INDEX_WORD}\s*(\+\+|\+=\s*1\b)|\+\+\s*{INDEX_WORD}\b|\b{INDEX_WORD}\s*\+\s*1\b|"
    r"\(\s*\w+\s*\)\s*=>\s*\w+\s*\+\s*1\b|\b\w+\s*=>\s*\w+\s*\+\s*1\b)",
)
OTHER_SOURCE = re.compile(r"(\.src\s*=|setSrc|setUrl|setSource|\.load\(|loadSource|\.source\s*=|srcObject)")
REPLAY_ONLY = re.compile(r"currentTime\s*=\s*0|seekTo\(\s*0|\.seek\(\s*0")
ENDED_STATE = re.compile(r"(PlayerState\.ENDED|\bENDED\b|\.data\s*===?\s*0\b|\bstate\s*===?\s*0\b|===?\s*['\"]ended['\"])")

EMBED_HOST = re.compile(r"(youtube|youtu\.be|youtube-nocookie|vimeo|dailymotion|dai\.ly|wistia|twitch|streamable|facebook\.com/plugins/video|tiktok)", re.I)
URL_AUTOPLAY = re.compile(r"(^|[?&;#]|&amp;)auto_?play=(1|true|yes|on)\b", re.I)
URL_AUTOPLAY_DYNAMIC = re.compile(r"(^|[?&;#]|&amp;)auto_?play=\$\{([^}]*)\}", re.I)
URL_MUTED = re.compile(r"(^|[?&;#]|&amp;)(mute|muted|background)=(1|true)\b", re.I)
URL_BACKGROUND = re.compile(r"(^|[?&;#]|&amp;)background=(1|true)\b", re.I)
HTML_IN_STRING = re.compile(r"<(video|audio)\b[^>]*?\sauto[pP]lay\b(\s*=\s*(\"[^\"]*\"|'[^']*'|\S+))?", re.I | re.S)
CONFIG_IN_TEXT = re.compile(
    r"""["']?auto[pP]lay["']?\s*:\s*(true|1|["'](?:muted|any|play|1|true)["'])""", re.I
)
MODAL_NAME = re.compile(r"(modal|dialog|lightbox|popup|popover|overlay|drawer|sheet|fancybox|magnific)", re.I)


# --------------------------------------------------------------------------------------------
# small tree helpers






def _string_value(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.type in ("string", "template_string"):
        return _unquote(_t(node))
    return None


def _file_text(ctx: CheckContext) -> str:
    return ctx.data.decode("utf-8", "replace")


def _callee_text(call: Node) -> str:
    fn = call.child_by_field_name("function") or call.child_by_field_name("constructor")
    return _t(fn)


def _callee_prop(call: Node) -> str:
    fn = call.child_by_field_name("function")
    if fn is None:
        return ""
    if fn.type == "member_expression":
        return _t(fn.child_by_field_name("property"))
    return _t(fn)


def _args(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return list(args.named_children) if args is not None else []


def _event_name(node: Node | None) -> str:
    """'ended' for "ended" / 'ended', 'MANIFEST_PARSED' for Hls.Events.MANIFEST_PARSED."""
    if node is None:
        return ""
    s = _string_value(node)
    if s is not None:
        return s
    if node.type == "member_expression":
        return _t(node.child_by_field_name("property"))
    return _t(node)


def _function_name(fn: Node) -> str:
    name = fn.child_by_field_name("name")
    if name is not None:
        return _t(name)
    parent = fn.parent
    if parent is not None and parent.type == "variable_declarator":
        return _t(parent.child_by_field_name("name"))
    if parent is not None and parent.type in ("pair", "public_field_definition", "field_definition"):
        return _t(parent.child_by_field_name("key") or parent.child_by_field_name("property") or parent.child_by_field_name("name"))
    if parent is not None and parent.type == "assignment_expression":
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "member_expression":
            return _t(left.child_by_field_name("property"))
        return _t(left)
    return ""


def _is_function(node: Node | None) -> bool:
    return node is not None and node.type in FUNCTION_TYPES


def _enclosing_component(node: Node) -> str:
    """Name of the outermost named function/class around a node (the component name)."""
    name = ""
    for anc in _ancestors(node):
        if anc.type in FUNCTION_TYPES:
            n = _function_name(anc)
            if n:
                name = n
        elif anc.type in ("class_declaration", "class"):
            n = _t(anc.child_by_field_name("name"))
            if n:
                name = n
    return name


# --------------------------------------------------------------------------------------------
# values: is it "on"?


def _literal_truth(node: Node | None, root: Node, depth: int = 0) -> bool | None:
    """True / False for a literal-ish JS value, None when unknown."""
    if node is None:
        return True  # bare attribute
    t = node.type
    if t == "jsx_expression":
        inner = node.named_children
        return _literal_truth(inner[0], root, depth) if inner else True
    if t == "parenthesized_expression" and node.named_children:
        return _literal_truth(node.named_children[0], root, depth)
    if t == "true":
        return True
    if t in ("false", "null", "undefined"):
        return False
    if t == "number":
        try:
            return float(_t(node)) != 0
        except ValueError:
            return None
    if t in ("string", "template_string"):
        v = (_string_value(node) or "").strip().lower()
        if v in ("", "false", "0", "off", "no", "none"):
            return False
        if v in ("true", "1", "muted", "any", "play", "autoplay", "on", "yes", "always"):
            return True
        return None
    if t == "unary_expression" and _t(node).startswith("!"):
        inner = _literal_truth(node.named_children[0], root, depth) if node.named_children else None
        return None if inner is None else not inner
    if t == "identifier" and depth < 3:
        if _t(node) == "undefined":
            return False
        return _resolve_identifier(_t(node), root, depth + 1)
    if t == "ternary_expression" and depth < 3:
        cond = node.child_by_field_name("condition")
        c = _literal_truth(cond, root, depth + 1) if cond is not None and cond.type in ("identifier", "true", "false") else None
        if c is None:
            return None
        branch = node.child_by_field_name("consequence" if c else "alternative")
        return _literal_truth(branch, root, depth + 1)
    return None


def _resolve_identifier(name: str, root: Node, depth: int = 1) -> bool | None:
    """Resolve `name` in the same file to a boolean: useState(true), ref(true), $state(true),
    const/let name = true, a parameter default `{ name = true }`, a Vue prop default."""
    for node in _walk(root):
        t = node.type
        if t == "variable_declarator":
            target = node.child_by_field_name("name")
            value = node.child_by_field_name("value")
            if target is None or value is None:
                continue
            if target.type == "identifier" and _t(target) == name:
                if value.type == "call_expression" and re.search(r"^(ref|shallowRef|signal|\$state|writable|useRef|createSignal|useSignal)$", _callee_text(value)):
                    args = _args(value)
                    return _literal_truth(args[0], root, depth + 1) if args else False
                if value.type in ("true", "false", "number", "string"):
                    return _literal_truth(value, root, depth + 1)
                return None
            if target.type == "array_pattern" and value.type == "call_expression":
                elems = [e for e in target.named_children]
                if elems and _t(elems[0]) == name and re.search(r"(useState|createSignal|useSignal)$", _callee_text(value)):
                    args = _args(value)
                    if not args:
                        return False
                    arg = args[0]
                    if _is_function(arg):
                        body = arg.child_by_field_name("body")
                        return _literal_truth(body, root, depth + 1) if body is not None and body.type != "statement_block" else None
                    return _literal_truth(arg, root, depth + 1)
        elif t == "object_assignment_pattern":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if _t(left) == name:
                return _literal_truth(right, root, depth + 1)
        elif t in ("assignment_pattern", "required_parameter", "optional_parameter"):
            left = node.child_by_field_name("left") or node.child_by_field_name("pattern")
            right = node.child_by_field_name("right") or node.child_by_field_name("value")
            if left is not None and left.type == "identifier" and _t(left) == name and right is not None:
                return _literal_truth(right, root, depth + 1)
        elif t == "pair":
            # Vue props: { autoplay: { type: Boolean, default: true } } / withDefaults({ autoplay: true })
            key = node.child_by_field_name("key")
            value = node.child_by_field_name("value")
            if _unquote(_t(key)) == name and value is not None:
                if value.type == "object":
                    for p in value.named_children:
                        if p.type == "pair" and _t(p.child_by_field_name("key")) == "default":
                            return _literal_truth(p.child_by_field_name("value"), root, depth + 1)
                elif value.type in ("true", "false"):
                    return _literal_truth(value, root, depth + 1)
    return None


def _resolve_in_text(name: str, text: str) -> bool | None:
    """The same resolution on raw text, for Vue/Svelte templates whose script is another region."""
    n = re.escape(name)
    pats = [
        rf"\b(?:let|const|var)\s+{n}\s*(?::\s*\w+)?\s*=\s*(?:ref|\$state|shallowRef|writable)?\(?\s*(true|false)\b",
        rf"\[\s*{n}\s*,\s*\w+\s*\]\s*=\s*useState\(\s*(true|false)\b",
        rf"\b{n}\s*:\s*\{{[^{{}}]*default\s*:\s*(true|false)\b",
        rf"\b{n}\s*=\s*(true|false)\b",
        rf"\b{n}\s*:\s*(true|false)\b",
        rf"\bexport\s+let\s+{n}\s*(?::\s*\w+)?\s*=\s*(true|false)\b",
    ]
    for p in pats:
        m = re.search(p, text)
        if m:
            return m.group(1) == "true"
    return None


# --------------------------------------------------------------------------------------------
# where does a piece of code run? (load / view / ended / user / unknown)


def _classify_event(name: str) -> str:
    if USER_EVENTS.match(name):
        return "user"
    if ENDED_EVENTS.match(name):
        return "ended"
    if LOAD_EVENTS.match(name) or re.search(r"MANIFEST_PARSED|MANIFEST_LOADED|LEVEL_LOADED|MEDIA_ATTACHED", name):
        return "load"
    if re.match(r"^(onStateChange|stateChange|statechange)$", name):
        return "state"
    if re.match(r"^(visibilitychange|scroll|intersect|enterviewport|inview|appear)$", name, re.I):
        return "view"
    return "unknown"


def _position_kinds(pos: Node, root: Node, ctx: CheckContext, depth: int, seen: set[int]) -> set[str]:
    """Kinds of situation in which the function (or function reference) at `pos` runs."""
    parent = pos.parent
    while parent is not None and parent.type in ("parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression"):
        pos, parent = parent, parent.parent
    if parent is None:
        return {"unknown"}

    if parent.type == "arguments":
        call = parent.parent
        if call is None:
            return {"unknown"}
        args = list(parent.named_children)
        index = next((i for i, a in enumerate(args) if a.id == pos.id), -1)
        callee = _callee_text(call)
        prop = _callee_prop(call) if call.type == "call_expression" else ""
        if call.type == "new_expression":
            if re.search(r"IntersectionObserver$", callee):
                return {"view"}
            if re.search(r"(MutationObserver|ResizeObserver|Promise)$", callee):
                return _code_kinds(call, root, ctx, depth + 1, seen)
            return {"unknown"}
        if prop == "subscribe":
            # Videogular / RxJS: api.getDefaultMedia().subscriptions.loadedMetadata.subscribe(fn)
            fn_node = call.child_by_field_name("function")
            obj = fn_node.child_by_field_name("object") if fn_node is not None else None
            if obj is not None and obj.type == "member_expression":
                kind = _classify_event(_t(obj.child_by_field_name("property")))
                if kind != "unknown":
                    return {kind}
            return {"unknown"}
        if prop == "listen" and index >= 2 and len(args) >= 2:
            # Angular Renderer2: renderer.listen(el, 'ended', fn)
            return {_classify_event(_event_name(args[1]))}
        if prop in ("addEventListener", "on", "once", "one", "bind", "addListener", "listen") and index >= 1 and args:
            kind = _classify_event(_event_name(args[0]))
            target = _t(call.child_by_field_name("function").child_by_field_name("object"))
            if kind == "user" and re.fullmatch(
                r"(window|document|document\.body|document\.documentElement|self|globalThis|\$\(\s*(window|document|['\"]body['\"]|['\"]html['\"])\s*\))",
                target,
            ):
                # a page-wide click/key/touch listener that starts media: "play on first
                # interaction", unless it delegates to a specific control via event.target
                handler_text = _t(pos) if _is_function(pos) else _t(_find_function(root, _t(pos)) or pos)
                if not re.search(r"\.target\b|closest\(|matches\(|\.contains\(|currentTarget", handler_text):
                    return {"user", "first"}
            if kind == "load" and prop == "on" and re.search(r"\$\(\s*(window|document)\s*\)", _callee_text(call)):
                return {"load"}
            return {kind}
        if prop in ("addEventListener", "on") and index == 0:
            return {"unknown"}
        if re.search(r"(^|\.)(click|dblclick|mousedown|touchstart|keydown|keyup|submit|change|hover|mouseenter|tap)$", callee):
            return {"user"}
        if re.search(r"(^|\.)(ready|load|onReady|whenReady|onload)$", callee) or callee in ("$", "jQuery"):
            return {"load"}
        if re.fullmatch(r"(window\.)?videojs", callee) and index == 2:
            return {"load"}
        if LOAD_HOOKS.match(callee.split(".")[-1]) or LOAD_HOOKS.match(callee):
            return {"load"}
        if PASS_THROUGH_CALLS.match(prop or callee.split(".")[-1]):
            return _code_kinds(call, root, ctx, depth + 1, seen)
        if re.search(r"(useInView|useIntersection|useOnScreen|onIntersect|observe|inView)", callee, re.I):
            return {"view"}
        return {"unknown"}

    if parent.type == "jsx_expression" and parent.parent is not None and parent.parent.type == "jsx_attribute":
        attr = _t(parent.parent.named_children[0]) if parent.parent.named_children else ""
        if JSX_USER_ATTR.match(attr):
            return {"user"}
        if attr in ("onEnded", "onEnd"):
            return {"ended"}
        if JSX_LOAD_ATTR.match(attr):
            return {"load"}
        if attr in ("ref",):
            return {"load"}
        if re.match(r"^on(StateChange)$", attr):
            return {"state"}
        if re.match(r"^on(Enter|InView|Visible|Intersect|ViewportEnter|Appear)", attr):
            return {"view"}
        return {"unknown"}

    if parent.type == "pair" and parent.child_by_field_name("value") is not None and parent.child_by_field_name("value").id == pos.id:
        key = _unquote(_t(parent.child_by_field_name("key")))
        if re.match(r"^(onReady|onload|onLoad|ready|mounted|onPlayerReady|onCanPlay|onLoaded)$", key):
            return {"load"}
        if re.match(r"^(onend|onEnd|onEnded|ended|onFinish|finish)$", key):
            return {"ended"}
        if key in ("onStateChange", "stateChange"):
            return {"state"}
        if JSX_USER_ATTR.match(key) or USER_EVENTS.match(key):
            return {"user"}
        return _reference_kinds(key, root, ctx, depth + 1, seen, exclude=parent)

    if parent.type == "assignment_expression":
        left = parent.child_by_field_name("left")
        lt = _t(left)
        prop = _t(left.child_by_field_name("property")) if left is not None and left.type == "member_expression" else lt
        if re.match(r"^on(click|mousedown|touchstart|keydown|keyup|pointerdown|submit|change|input)$", prop, re.I):
            return {"user"}
        if re.match(r"^on(ended|end)$", prop, re.I):
            return {"ended"}
        if re.match(r"^(onload|oncanplay|oncanplaythrough|onloadeddata|onloadedmetadata|onreadystatechange|onYouTubeIframeAPIReady|onYouTubePlayerAPIReady|onReady)$", prop, re.I):
            return {"load"}
        return _reference_kinds(prop, root, ctx, depth + 1, seen, exclude=left)

    if parent.type == "variable_declarator":
        name = _t(parent.child_by_field_name("name"))
        return _reference_kinds(name, root, ctx, depth + 1, seen, exclude=parent.child_by_field_name("name"))

    if parent.type == "call_expression" and parent.child_by_field_name("function") is not None and parent.child_by_field_name("function").id == pos.id:
        # IIFE: (function () { ... })()
        return _code_kinds(parent, root, ctx, depth + 1, seen)

    if parent.type in ("jsx_attribute",):
        return {"unknown"}
    return {"unknown"}


def _function_kinds(fn: Node, root: Node, ctx: CheckContext, depth: int, seen: set[int]) -> set[str]:
    if fn.id in seen or depth > 6:
        return {"unknown"}
    seen.add(fn.id)
    if fn.type in ("function_declaration", "generator_function_declaration"):
        name = _t(fn.child_by_field_name("name"))
        if LOAD_METHODS.match(name):
            return {"load"}
        return _reference_kinds(name, root, ctx, depth + 1, seen, exclude=fn.child_by_field_name("name"))
    if fn.type == "method_definition":
        name = _t(fn.child_by_field_name("name"))
        if LOAD_METHODS.match(name) or LOAD_HOOKS.match(name):
            return {"load"}
        if JSX_USER_ATTR.match(name) or re.match(r"^(handle|on)?(Click|Press|Tap|Toggle)", name):
            return {"user"}
        return _reference_kinds(name, root, ctx, depth + 1, seen, exclude=fn.child_by_field_name("name"))
    return _position_kinds(fn, root, ctx, depth, seen)


def _reference_kinds(name: str, root: Node, ctx: CheckContext, depth: int, seen: set[int], exclude: Node | None) -> set[str]:
    """Kinds of every place that refers to `name` (a call `name()` / `this.name()`, or the name
    passed as a handler), plus template references in Vue/Svelte files."""
    if not name or depth > 6:
        return {"unknown"}
    if name in ("onYouTubeIframeAPIReady", "onYouTubePlayerAPIReady"):
        return {"load"}
    kinds: set[str] = set()
    for node in _walk(root):
        if node.type not in ("identifier", "property_identifier", "shorthand_property_identifier"):
            continue
        if _t(node) != name:
            continue
        if exclude is not None and exclude.start_byte <= node.start_byte and node.end_byte <= exclude.end_byte:
            continue
        ref = node
        parent = ref.parent
        if parent is not None and parent.type == "member_expression" and parent.child_by_field_name("property") is not None and parent.child_by_field_name("property").id == ref.id:
            # `this.name()` / `self.name` refer to the method; `video.play()` does not
            if not re.fullmatch(r"this|self|_this|that|vm|me|this\.\$options\.methods", _t(parent.child_by_field_name("object"))):
                continue
            ref = parent
            parent = ref.parent
        if parent is None:
            continue
        if parent.type == "member_expression" and _t(parent.child_by_field_name("property")) in ("bind", "call", "apply"):
            call = parent.parent
            if call is not None and call.type == "call_expression":
                if _t(parent.child_by_field_name("property")) == "bind":
                    kinds |= _position_kinds(call, root, ctx, depth + 1, seen)
                else:
                    kinds |= _code_kinds(call, root, ctx, depth + 1, seen)
            continue
        if parent.type == "call_expression" and parent.child_by_field_name("function") is not None and parent.child_by_field_name("function").id == ref.id:
            kinds |= _code_kinds(parent, root, ctx, depth + 1, seen)
        elif parent.type in ("arguments", "jsx_expression", "pair", "assignment_expression"):
            if parent.type == "pair" and parent.child_by_field_name("value") is not None and parent.child_by_field_name("value").id != ref.id:
                continue
            if parent.type == "assignment_expression" and parent.child_by_field_name("right") is not None and parent.child_by_field_name("right").id != ref.id:
                continue
            kinds |= _position_kinds(ref, root, ctx, depth + 1, seen)
        elif parent.type == "shorthand_property_identifier" or node.type == "shorthand_property_identifier":
            kinds |= _position_kinds(node, root, ctx, depth + 1, seen)
    if ctx.language != "html":
        kinds |= _template_reference_kinds(name, ctx)
    return kinds or {"unknown"}


def _template_reference_kinds(name: str, ctx: CheckContext) -> set[str]:
    """References from a Vue/Svelte/Angular template to a script function."""
    if ctx.path.suffix.lower() not in (".vue", ".svelte", ".html", ".htm"):
        return set()
    text = _file_text(ctx)
    kinds: set[str] = set()
    n = re.escape(name)
    for m in re.finditer(rf"""(?:@|v-on:|on:|\(|\bon)([\w.-]+)\)?\s*=\s*["'{{][^"'}}]*?\b{n}\b""", text):
        ev = m.group(1).split(".")[0].lower()
        if USER_EVENTS.match(ev) or ev in ("click", "tap"):
            kinds.add("user")
        elif ENDED_EVENTS.match(ev):
            kinds.add("ended")
        elif LOAD_EVENTS.match(ev):
            kinds.add("load")
        else:
            kinds.add("unknown")
    if re.search(rf"\buse:{n}\b", text):
        kinds.add("load")
    return kinds


def _code_kinds(node: Node, root: Node, ctx: CheckContext, depth: int = 0, seen: set[int] | None = None) -> set[str]:
    """Kinds of situation in which the code at `node` runs: walk up to the enclosing function
    and classify it; top-level code runs on load."""
    if seen is None:
        seen = set()
    if depth > 8:
        return {"unknown"}
    for anc in _ancestors(node):
        if anc.type in FUNCTION_TYPES:
            return _function_kinds(anc, root, ctx, depth + 1, seen)
        if anc.type in ("class_body",):
            return {"unknown"}
    return {"load"}


# --------------------------------------------------------------------------------------------
# guards, gating, muting


def _state_guarded(call: Node, stop: Node | None, root: Node | None = None) -> str | None:
    """'state' when the call only runs under a condition on UI state (a play/pause toggle),
    'view' when under an in-view condition, None otherwise."""
    cur = call
    for anc in _ancestors(call):
        if stop is not None and anc.id == stop.id:
            break
        cond = None
        if anc.type == "if_statement":
            cond = anc.child_by_field_name("condition")
        elif anc.type == "ternary_expression":
            cond = anc.child_by_field_name("condition")
            if cond is not None and cond.id == cur.id:
                cond = None
        elif anc.type == "binary_expression" and _t(anc.child_by_field_name("operator")) in ("&&", "||"):
            left = anc.child_by_field_name("left")
            if left is not None and left.id != cur.id:
                cond = left
        if cond is not None:
            verdict = _guard_kind(_t(cond), root)
            if verdict:
                return verdict
        # early return: `if (!isPlaying) return;` before the call in the same block
        if anc.type == "statement_block":
            for stmt in anc.named_children:
                if stmt.start_byte >= cur.start_byte:
                    break
                if stmt.type == "if_statement" and re.search(r"\breturn\b", _t(stmt.child_by_field_name("consequence"))):
                    verdict = _guard_kind(_t(stmt.child_by_field_name("condition")), root)
                    if verdict:
                        return verdict
        if anc.type in FUNCTION_TYPES:
            pass
        cur = anc
    return None


def _guard_kind(cond: str, root: Node | None = None) -> str | None:
    if VIEW_GUARD.search(cond):
        return "view"
    m = re.search(r"\b(\w*auto_?play\w*)\b", cond, re.I)
    if m and root is not None and not re.search(r"\b(playing|paused|isPlaying|interacted|clicked)\b", cond, re.I):
        # `if (autoplay)`: a prop/option that is off by default is a guard; one that is on,
        # or a local flag computed to decide autoplay (`shouldAutoPlay = ...`), is autoplay
        name = m.group(1)
        value = _resolve_identifier(name, root)
        if value is True:
            return None
        if value is False:
            return "state"
        if _declared_as_local(name, root):
            return None
        return "state"
    stripped = re.sub(r"\b\w+Ref\b(\.current)?|\b\w+\.current\b|\$refs\.\w+|\bref\b", " ", cond)
    stripped = re.sub(r"\.(paused|ended|readyState|muted)\b", lambda m: " MEDIA" + m.group(1), stripped)
    if re.search(r"MEDIA(paused|ended)", stripped):
        return "state"
    if STATE_GUARD.search(stripped):
        return "state"
    return None


def _declared_as_local(name: str, root: Node) -> bool:
    """`const name = <expression>` in the file (not a parameter or destructured prop)."""
    for node in _walk(root):
        if node.type == "variable_declarator" and _t(node.child_by_field_name("name")) == name:
            value = node.child_by_field_name("value")
            return value is not None and value.type not in ("identifier", "member_expression")
    return False


def _jsx_gated(node: Node, root: Node, ctx: CheckContext) -> bool:
    """True when a JSX element is only rendered after a user action: inside a `{show && ...}` or
    `{show ? <video/> : <Poster onClick/>}` whose state is set in a click handler, inside a
    modal/lightbox/dialog component, or in a component/file named like one."""
    comp = _enclosing_component(node)
    if MODAL_NAME.search(comp) or MODAL_NAME.search(ctx.path.stem):
        return True
    child = node
    for anc in _ancestors(node):
        if anc.type in ("jsx_element", "jsx_self_closing_element"):
            opening = anc if anc.type == "jsx_self_closing_element" else anc.child_by_field_name("open_tag") or (anc.named_children[0] if anc.named_children else None)
            if opening is not None and opening.id != node.id:
                name = _jsx_name(opening)
                if MODAL_NAME.search(name):
                    return True
                attrs = _jsx_attrs(opening)
                for key in ("open", "isOpen", "opened", "show", "visible", "isVisible", "active"):
                    if key in attrs and attrs[key] is not None:
                        ident = _first_identifier(attrs[key])
                        if ident and _set_by_user(ident, root, ctx):
                            return True
        cond = None
        if anc.type == "binary_expression" and _t(anc.child_by_field_name("operator")) == "&&":
            cond = anc.child_by_field_name("left")
        elif anc.type == "ternary_expression":
            cond = anc.child_by_field_name("condition")
        elif anc.type == "if_statement":
            cond = anc.child_by_field_name("condition")
        if cond is not None and cond.id != child.id:
            ident = _first_identifier(cond)
            if ident and _set_by_user(ident, root, ctx):
                return True
        if anc.type in FUNCTION_TYPES:
            # early return in the component: `if (!showVideo) return <Poster .../>`
            body = anc.child_by_field_name("body")
            if body is not None and body.type == "statement_block":
                for stmt in body.named_children:
                    if stmt.start_byte >= node.start_byte:
                        break
                    if stmt.type == "if_statement" and "return" in _t(stmt.child_by_field_name("consequence")):
                        ident = _first_identifier(stmt.child_by_field_name("condition"))
                        if ident and _set_by_user(ident, root, ctx):
                            return True
        child = anc
    return False


def _first_identifier(node: Node | None) -> str:
    if node is None:
        return ""
    for n in _walk(node):
        if n.type == "identifier":
            return _t(n)
        if n.type == "property_identifier":
            return _t(n)
    return ""


def _set_by_user(state: str, root: Node, ctx: CheckContext) -> bool:
    """True when the state variable `state` is set in a user-event handler (setShow(true) in an
    onClick, `show = true` / `show.value = true` in a click handler)."""
    setter = None
    for node in _walk(root):
        if node.type == "variable_declarator":
            target = node.child_by_field_name("name")
            if target is not None and target.type == "array_pattern":
                elems = target.named_children
                if len(elems) >= 2 and _t(elems[0]) == state:
                    setter = _t(elems[1])
                    break
    names = {setter} if setter else set()
    found_user = False
    for node in _walk(root):
        hit = None
        if node.type == "call_expression" and names and _t(node.child_by_field_name("function")) in names:
            hit = node
        elif node.type in ("assignment_expression", "augmented_assignment_expression"):
            left = _t(node.child_by_field_name("left"))
            if re.fullmatch(rf"(this\.)?{re.escape(state)}(\.value)?", left):
                hit = node
        if hit is not None:
            kinds = _code_kinds(hit, root, ctx)
            if "user" in kinds:
                found_user = True
            if "load" in kinds and "user" not in kinds:
                return False
    if found_user:
        return True
    # template handlers: @click="show = true" / on:click={() => (show = true)}
    text = _file_text(ctx)
    n = re.escape(state)
    if re.search(rf"""(@click|v-on:click|on:click|onclick|\(click\)|onClick)\s*=\s*["'{{][^"'}}]*\b{n}\s*=\s*(true|!)""", text):
        return True
    if setter and re.search(rf"""(@click|v-on:click|on:click|onclick|onClick)\s*=\s*["'{{][^"'}}]*\b{re.escape(setter)}\b""", text):
        return True
    return False


def _jsx_name(opening: Node) -> str:
    name = opening.child_by_field_name("name")
    if name is None:
        for c in opening.named_children:
            if c.type in ("identifier", "member_expression", "nested_identifier", "jsx_namespace_name"):
                return _t(c)
        return ""
    return _t(name)


def _jsx_attrs(opening: Node) -> dict[str, Node | None]:
    out: dict[str, Node | None] = {}
    for c in opening.named_children:
        if c.type != "jsx_attribute":
            continue
        kids = c.named_children
        if not kids:
            continue
        name = _t(kids[0])
        out[name] = kids[1] if len(kids) > 1 else None
    return out


def _jsx_muted(attrs: dict[str, Node | None], root: Node) -> bool:
    for key in ("muted", "defaultMuted", "isMuted", "mute"):
        if key in attrs:
            v = _literal_truth(attrs[key], root)
            if v is True:
                return True
    return False


LIVE_CAPTURE_FILE = re.compile(r"(getUserMedia|getDisplayMedia|RTCPeerConnection|srcObject|new\s+MediaStream|simple-peer|livekit|agora-rtc|twilio-video|mediasoup|jitsi|peerjs|html5-qrcode|jsQR|BarcodeDetector|Html5Qrcode|zxing)")
LIVE_CAPTURE_NAME = re.compile(r"(webcam|camera|\bcam\b|local[-_]?video|remote[-_]?video|peer[-_]?video|selfie|scanner|qr[-_]?(reader|video|scan)|qrcode|user[-_]?video|my[-_]?video|partner[-_]?video|participant|screen[-_]?share|video[-_]?call|face[-_]?cam|local[-_]?stream|remote[-_]?stream)", re.I)


def _live_capture(element_text: str, file_text: str) -> bool:
    """A <video> that shows a camera or a WebRTC call (srcObject = stream), not content."""
    if re.search(r"\ssrc\s*=|\ssrc=|\{src\}|:src=|\[src\]", element_text):
        return False
    if LIVE_CAPTURE_FILE.search(file_text):
        return True
    return bool(LIVE_CAPTURE_NAME.search(element_text))


LIVE_STREAM_CODE = re.compile(r"srcObject|getUserMedia|getDisplayMedia|MediaStream\b|RTCPeerConnection|addTrack|ontrack")


def _live_stream_scope(node: Node) -> bool:
    """The code sits in a function (or one of its two outer functions) that wires a camera or
    WebRTC stream into the element: a call preview, not content."""
    levels = 0
    for anc in _ancestors(node):
        if anc.type in FUNCTION_TYPES:
            levels += 1
            text = _t(anc)
            if len(text) < 6000 and LIVE_STREAM_CODE.search(text):
                return True
            if levels >= 3:
                break
    return False


def _verdict(message: str, muted: bool) -> Verdict:
    if muted:
        if message.endswith(")"):
            message = message[:-1] + ", muted)"
        else:
            message += " (muted)"
        return Verdict(message=message, severity="info", note=MUTED_NOTE)
    return Verdict(message=message)


# --------------------------------------------------------------------------------------------
# JSX: <video autoPlay>, <ReactPlayer playing>, onEnded


def _jsx_is_media(name: str, attrs: dict[str, Node | None], ctx: CheckContext) -> bool:
    base = name.split(".")[-1]
    if base in ("video", "audio"):
        return True
    if "component" in attrs and re.search(r"^['\"{]*(video|audio)['\"}]*$", _t(attrs["component"]) if attrs["component"] is not None else ""):
        return True
    if not base[:1].isupper() and "-" not in base:
        return False  # other lowercase DOM elements: iframe autoPlay is meaningless
    if NOT_MEDIA_NAME.search(name):
        return False
    if "animationData" in attrs or ("src" in attrs and re.search(r"\.(json|lottie|riv)\b", _t(attrs["src"]) if attrs["src"] is not None else "")):
        return False
    if not MEDIA_NAME.search(name):
        return False
    if base in ("Player",) and re.search(r"lottie|rive|remotion", _file_text(ctx), re.I):
        return False
    return True


def _ref_to_animation(recv: str, ctx: CheckContext) -> bool:
    """`mascotRef.current.play()` where the file hands `ref={mascotRef}` to an animation (a Lottie or
    Rive component: `animationData`, a `.json`/`.lottie`/`.riv` source, a name such as `Lottie`):
    the animation's play(), not media's."""
    ref = re.fullmatch(r"(\w+)\.current\??", recv.strip())
    if ref is None:
        return False
    wanted = re.compile(rf"^\{{\s*{re.escape(ref.group(1))}\s*\}}$")
    for node in _walk(ctx.root):
        if node.type not in ("jsx_opening_element", "jsx_self_closing_element"):
            continue
        attrs = _jsx_attrs(node)
        if not any(key in ("ref", "lottieRef") and value is not None and wanted.match(_t(value)) for key, value in attrs.items()):
            continue
        name = _jsx_name(node)
        animation_source = "src" in attrs and re.search(r"\.(json|lottie|riv)\b", _t(attrs["src"]) if attrs["src"] is not None else "")
        return bool("animationData" in attrs or animation_source or NOT_PLAY_RECEIVER.search(name))
    return False


def jsx_autoplay(ctx: CheckContext) -> Verdict | bool:
    opening = ctx.node
    name = _jsx_name(opening)
    attrs = _jsx_attrs(opening)
    key = "autoPlay" if "autoPlay" in attrs else "autoplay"
    if key not in attrs:
        return False
    if not _jsx_is_media(name, attrs, ctx):
        return False
    on = _literal_truth(attrs[key], ctx.root)
    if on is not True:
        return False
    if _jsx_gated(opening, ctx.root, ctx) or _screen_opened_by_press(ctx):
        return False
    if _live_capture(_t(opening), _file_text(ctx)):
        return False
    tag = name if name in ("video", "audio") else name
    return _verdict(f"<{tag}> starts playing without a user action (autoPlay)", _jsx_muted(attrs, ctx.root))


def jsx_playing(ctx: CheckContext) -> Verdict | bool:
    """react-player / similar: `playing` (bare or true, or a state that starts true)."""
    opening = ctx.node
    name = _jsx_name(opening)
    attrs = _jsx_attrs(opening)
    key = next((k for k in ("playing", "play", "shouldPlay") if k in attrs), None)
    if key is None:
        return False
    text = _file_text(ctx)
    if key != "playing":
        # <Video play /> / <Video shouldPlay />: a media component with a play switch
        base = name.split(".")[-1]
        if not base[:1].isupper() or NOT_MEDIA_NAME.search(name) or not re.search(r"(Video|Audio|Player|Media|YouTube|Vimeo|Movie|Clip|Trailer)", name):
            return False
        if _literal_truth(attrs[key], ctx.root) is not True or _jsx_gated(opening, ctx.root, ctx) or _screen_opened_by_press(ctx):
            return False
        return _verdict(f"<{name}> starts playing without a user action ({key})", _jsx_muted(attrs, ctx.root))
    is_player = bool(re.search(r"(ReactPlayer|Player|Video|YouTube|Audio|Media)", name)) and not NOT_MEDIA_NAME.search(name)
    if not is_player and not re.search(r"from\s+['\"]react-player", text):
        return False
    if not ("url" in attrs or "src" in attrs or re.search(r"react-player", text) or MEDIA_NAME.search(name)):
        return False
    on = _literal_truth(attrs["playing"], ctx.root)
    if on is not True:
        return False
    if _jsx_gated(opening, ctx.root, ctx) or _screen_opened_by_press(ctx):
        return False
    return _verdict(f"<{name}> starts playing without a user action (playing)", _jsx_muted(attrs, ctx.root))


def jsx_ended(ctx: CheckContext) -> Verdict | bool:
    opening = ctx.node.parent
    if opening is not None and opening.type in ("jsx_opening_element", "jsx_self_closing_element"):
        if NOT_MEDIA_NAME.search(_jsx_name(opening)):
            return False
    return _jsx_handler_advances(ctx, "'ended' handler starts the next item (auto-advance)")


def jsx_countdown(ctx: CheckContext) -> Verdict | bool:
    """`<NextEpisodeCountdown onFinish={playNext}>`: an "up next" countdown whose completion callback
    starts the next item (the query picks the tag and the callback by name). The press on the same
    countdown is the person's choice and is not what is reported."""
    return _jsx_handler_advances(ctx, "countdown starts the next item by itself when it runs out (auto-advance)")


def _jsx_handler_advances(ctx: CheckContext, message: str) -> Verdict | bool:
    """The JSX attribute at `ctx.node` is given a handler that starts the next item."""
    kids = ctx.node.named_children
    if len(kids) < 2:
        return False
    value = kids[1]
    handler = value.named_children[0] if value.type == "jsx_expression" and value.named_children else value
    if _handler_advances(handler, ctx.root, ctx, require_ended_state=False):
        return Verdict(message=message)
    return False


# --------------------------------------------------------------------------------------------
# ended handlers: does the handler start the next item?


def _handler_bodies(handler: Node, root: Node) -> tuple[list[Node], list[str]]:
    """Function bodies for a handler expression, and the names it is known by."""
    names: list[str] = []
    bodies: list[Node] = []
    if _is_function(handler):
        bodies.append(handler)
        return bodies, names
    if handler.type in ("identifier", "member_expression"):
        name = _t(handler.child_by_field_name("property")) if handler.type == "member_expression" else _t(handler)
        names.append(name)
        fn = _find_function(root, name)
        if fn is not None:
            bodies.append(fn)
        return bodies, names
    if handler.type == "call_expression" and _callee_prop(handler) == "bind":
        target = handler.child_by_field_name("function").child_by_field_name("object")
        return _handler_bodies(target, root)
    if handler.type == "call_expression":
        # onEnded={handleEnded(i)} / useCallback(() => ..., [])
        names.append(_callee_prop(handler))
        for a in _args(handler):
            if _is_function(a):
                bodies.append(a)
        fn = _find_function(root, _callee_prop(handler))
        if fn is not None:
            bodies.append(fn)
        return bodies, names
    bodies.append(handler)
    return bodies, names


def _find_function(root: Node, name: str) -> Node | None:
    if not name:
        return None
    for node in _walk(root):
        if node.type in ("function_declaration", "generator_function_declaration", "method_definition"):
            if _t(node.child_by_field_name("name")) == name:
                return node
        elif node.type in ("variable_declarator", "pair", "public_field_definition", "field_definition"):
            key = node.child_by_field_name("name") or node.child_by_field_name("key") or node.child_by_field_name("property")
            value = node.child_by_field_name("value")
            if key is not None and _unquote(_t(key)) == name and value is not None:
                if _is_function(value):
                    return value
                if value.type == "call_expression":
                    fn = next((a for a in _args(value) if _is_function(a)), None)
                    if fn is not None:
                        return fn
    return None


def _advance_signals(text: str) -> bool:
    if ADVANCE_NAME.search(text):
        return True
    if INDEX_INCREMENT.search(text):
        return True
    if re.search(r"\.play\(|playVideo\(", text) and OTHER_SOURCE.search(text):
        return True
    return False


def _handler_advances(handler: Node, root: Node, ctx: CheckContext, require_ended_state: bool, depth: int = 0) -> bool:
    bodies, names = _handler_bodies(handler, root)
    if any(ADVANCE_NAME.search(n) for n in names if n):
        return True
    for body in bodies:
        text = _t(body)
        if require_ended_state:
            m = ENDED_STATE.search(text)
            if not m:
                continue
            text = text[m.start():]
        if _body_advances(body, text, root, ctx, depth):
            return True
    return False


def _body_advances(body: Node, text: str, root: Node, ctx: CheckContext, depth: int) -> bool:
    code = _strip_comments(text)
    if _advance_signals(code):
        return True
    if depth >= 2:
        return False
    # follow calls to same-file functions one or two levels down: ended -> handleEnded() -> playNext()
    for node in _walk(body):
        if node.type != "call_expression":
            continue
        name = _callee_prop(node)
        if not name or name in ("play", "pause", "log", "setState", "emit", "$emit", "dispatch"):
            continue
        fn = _find_function(root, name)
        if fn is not None and fn.id != body.id and _body_advances(fn, _t(fn), root, ctx, depth + 1):
            return True
    # another media element is played: `players[index + 1].play()`, `next.play()`
    for node in _walk(body):
        if node.type == "call_expression" and _callee_prop(node) in ("play", "playVideo"):
            recv = node.child_by_field_name("function").child_by_field_name("object")
            rt = _t(recv)
            if re.search(r"\[[^\]]*\+\s*1\s*\]|next|following", rt, re.I):
                return True
    return False


def _strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def ended_listener(ctx: CheckContext) -> Verdict | bool:
    """x.addEventListener('ended', h) / player.on('ended', h) / x.onended = h / { onend: h }."""
    node = ctx.node
    handler = None
    require_state = False
    if node.type == "call_expression" and _callee_prop(node) == "subscribe":
        args = _args(node)
        if not args:
            return False
        handler = args[0]
        if _handler_advances(handler, ctx.root, ctx, require_ended_state=False):
            return Verdict(message="'ended' handler starts the next item (auto-advance)")
        return False
    if node.type == "call_expression" and _callee_prop(node) == "listen":
        args = _args(node)
        if len(args) < 3 or not ENDED_EVENTS.match(_event_name(args[1])):
            return False
        if _handler_advances(args[2], ctx.root, ctx, require_ended_state=False):
            return Verdict(message="'ended' handler starts the next item (auto-advance)")
        return False
    if node.type == "call_expression":
        args = _args(node)
        if len(args) < 2:
            return False
        ev = _event_name(args[0])
        if re.match(r"^(onStateChange|stateChange|statechange)$", ev):
            require_state = True
        elif not ENDED_EVENTS.match(ev):
            return False
        recv = _t(node.child_by_field_name("function").child_by_field_name("object"))
        if NOT_MEDIA_VAR.search(recv) or re.search(r"(process|stream|req|res|socket|ws|readline|rl|server|emitter|tween|tl|timeline)$", recv, re.I):
            return False
        if ev.lower() in ("end", "finish") and not re.search(r"(sound|howl|audio|player|wave|music|track|song|video|media)", recv, re.I):
            return False
        handler = args[1]
    elif node.type == "assignment_expression":
        handler = node.child_by_field_name("right")
    elif node.type == "pair":
        key = _unquote(_t(node.child_by_field_name("key")))
        if key in ("onStateChange", "stateChange"):
            require_state = True
        obj = node.parent
        if key.lower() in ("onend", "onfinish") and obj is not None:
            # Howler / react-use-audio-player options
            if not re.search(r"\b(src|sound|howl|html5|autoplay)\b", _t(obj)):
                return False
        handler = node.child_by_field_name("value")
    if handler is None:
        return False
    if _handler_advances(handler, ctx.root, ctx, require_ended_state=require_state):
        return Verdict(message="'ended' handler starts the next item (auto-advance)")
    if node.type in ("call_expression", "assignment_expression") and not require_state:
        if node.type == "call_expression":
            recv = _t(node.child_by_field_name("function").child_by_field_name("object"))
        else:
            recv = _t(node.child_by_field_name("left").child_by_field_name("object"))
        if _plays_other_media(handler, recv, ctx.root):
            return Verdict(message="'ended' handler starts the next item (auto-advance)")
    return False


def _plays_other_media(handler: Node, recv: str, root: Node) -> bool:
    """The ended handler plays a different media element than the one that ended (the next
    <audio> in the page), and does not just rewind and replay."""
    bodies, _ = _handler_bodies(handler, root)
    same = {re.sub(r"\s|\?", "", recv), "this", "e.target", "event.target", "e.currentTarget", "event.currentTarget", "ev.target"}
    for body in bodies:
        text = _strip_comments(_t(body))
        if REPLAY_ONLY.search(text):
            continue
        for node in _walk(body):
            if node.type == "call_expression" and _callee_prop(node) == "play" and not _args(node):
                fn = node.child_by_field_name("function")
                rt = re.sub(r"\s|\?", "", _t(fn.child_by_field_name("object")))
                if rt and rt not in same and not rt.startswith(tuple(x + "." for x in same)):
                    return True
    return False


# --------------------------------------------------------------------------------------------
# .play() on load / in view


PLAY_RECEIVER = re.compile(
    r"(video|audio|player|media|sound|music|song|track|bgm|clip|vid|movie|trailer|howl|plyr|vjs|"
    r"\byt\b|youtube|vimeo|hls|stream|radio|\bel\b|\bv\b|\ba\b|target|current|\$refs|nativeElement|"
    r"element|elem|node|this|mp3|sfx|bg)",
    re.I,
)
NOT_PLAY_RECEIVER = re.compile(
    r"(anim|lottie|\btl\b|timeline|tween|gsap|swiper|slider|carousel|confetti|spring|motion|"
    r"sprite|scene|transition|typed|typewriter|marquee|rive|spline|phaser|game\.|tone|synth|"
    r"sequence|metronome|oscillator|clock|ticker|countdown|timer)",
    re.I,
)


def play_on_load(ctx: CheckContext) -> Verdict | bool:
    call = ctx.node
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "member_expression":
        return False
    prop = _t(fn.child_by_field_name("property"))
    recv = _t(fn.child_by_field_name("object"))
    if prop == "trigger":
        # jQuery: $("#player").trigger("play")
        args = _args(call)
        if not args or _string_value(args[0]) != "play":
            return False
        prop = "play"
        if NOT_PLAY_RECEIVER.search(recv):
            return False
        if not PLAY_RECEIVER.search(recv) and not re.search(r"\$\(", recv):
            return False
    elif prop == "play":
        if _args(call):
            return False  # Howler play(id), animation play(name)
        if NOT_PLAY_RECEIVER.search(recv):
            return False
        if recv in ("this", "self", "that", "_this", "vm"):
            # a component's own play() method (a slideshow, a game) is not media unless the
            # class is a media element / player wrapper
            cls = next((a for a in _ancestors(call) if a.type in ("class_declaration", "class")), None)
            if cls is None or not re.search(r"extends\s+(Audio|HTML(Video|Audio|Media)Element|\w*Player)\b", _t(cls)[:400]):
                return False
        if _expo_video_player(recv, call, ctx.root):
            return _judge_play(ctx, call, prop, recv, what="video")
        if _ref_to_animation(recv, ctx):
            return False
        if not PLAY_RECEIVER.search(recv) and not _receiver_is_media(recv, ctx.root, _file_text(ctx)):
            return False
    return _judge_play(ctx, call, prop, recv)


EXPO_VIDEO_PLAYER = re.compile(r"(^|\.)(useVideoPlayer|createVideoPlayer)$")


def _expo_video_player(recv: str, call: Node, root: Node) -> bool:
    """`recv` is an expo-video player: the parameter of the setup callback around the call
    (`useVideoPlayer(source, p => { p.play() })`) or a variable made by `useVideoPlayer(...)` /
    `createVideoPlayer(...)`."""
    if not re.fullmatch(r"[A-Za-z_$][\w$]*", recv):
        return False
    for anc in _ancestors(call):
        if anc.type in FUNCTION_TYPES and anc.parent is not None and anc.parent.type == "arguments":
            params = anc.child_by_field_name("parameters") or anc.child_by_field_name("parameter")
            names = [_t(n) for n in (params.named_children if params is not None and params.type == "formal_parameters" else [params]) if n is not None]
            if names[:1] == [recv] and EXPO_VIDEO_PLAYER.search(_callee_text(anc.parent.parent)):
                return True
    for node in _walk(root):
        if node.type == "variable_declarator" and _t(node.child_by_field_name("name")) == recv:
            value = node.child_by_field_name("value")
            return value is not None and value.type == "call_expression" and bool(EXPO_VIDEO_PLAYER.search(_callee_text(value)))
    return False


def _judge_play(ctx: CheckContext, call: Node, prop: str, recv: str, what: str | None = None, how: str = "") -> Verdict | bool:
    """The verdict on a call that starts media, by where it runs: on load, on scroll into view, on the first
    click anywhere (reported), or in a handler of the player's own action, a state toggle, an ended handler
    (not reported). `how` describes the call when it is not a plain `.play()`."""
    kinds = _code_kinds(call, ctx.root, ctx)
    first = "first" in kinds
    if "user" in kinds and not ({"load", "view"} & kinds) and not first:
        return False
    context_fn = next((a for a in _ancestors(call) if a.type in FUNCTION_TYPES), None)
    guard = _state_guarded(call, None, ctx.root)
    if guard == "view":
        kinds = kinds | {"view"}
    elif guard == "state":
        return False
    if not ({"load", "view"} & kinds) and not first:
        return False
    if "ended" in kinds:
        return False  # handled by the ended-handler patterns
    if _play_gated(call, ctx):
        return False
    if _live_stream_scope(call):
        return False
    if "view" not in kinds and not first and _screen_opened_by_press(ctx):
        return False  # on mount of the player screen the person opened with a Play button
    if re.search(r"(webcam|camera|\bcam|local|remote|peer|stream|selfie|scanner|\bqr|capture|participant)", recv, re.I) and LIVE_CAPTURE_FILE.search(_file_text(ctx)):
        return False
    scope_text = _t(context_fn) if context_fn is not None else _t(ctx.root)
    muted = bool(re.search(r"muted\s*=\s*true|\.mute\(\)|setAttribute\(\s*['\"]muted|\bmuted\s*:\s*true|volume\s*=\s*0(?![.\d])|setVolume\(\s*0\s*\)", scope_text))
    if not muted:
        muted = _file_media_muted(ctx)
    what = what or ("video" if re.search(r"video|vid\b|\bv\b|yt|youtube|movie|trailer|clip|hls", recv, re.I) else (
        "audio" if re.search(r"audio|sound|music|song|track|bgm|mp3|radio|howl", recv, re.I) else "media"))
    how = how or f"{prop}()"
    if first and not ({"load", "view"} & kinds):
        return _verdict(f"{what} starts on the first click or key press anywhere on the page, not on a play control ({how} in a page-wide listener)", muted)
    if "view" in kinds and "load" not in kinds:
        return _verdict(f"{what} starts playing when scrolled into view, without a user action ({how} in a visibility callback)", muted)
    return _verdict(f"{what} starts playing without a user action ({how} called on load)", muted)


# expo-av (React Native): `Audio.Sound.createAsync(src, { shouldPlay: true })`, `sound.loadAsync(src, { shouldPlay:
# true })` (the initial status is the second argument), `setStatusAsync({ shouldPlay: true })`, and `playAsync()` /
# `replayAsync()` / `playFromPositionAsync()` on a sound or video
EXPO_STATUS_CALLS = {"createAsync": 1, "loadAsync": 1, "setStatusAsync": 0}
EXPO_PLAY_CALLS = frozenset({"playAsync", "replayAsync", "playFromPositionAsync"})
EXPO_AV_IMPORT = re.compile(r"""(from\s+|require\(\s*)['"]expo-av['"]""")


def _status_on(obj: Node | None, root: Node, key: str) -> bool:
    if obj is None or obj.type != "object":
        return False
    for pair in obj.named_children:
        if pair.type == "pair" and _unquote(_t(pair.child_by_field_name("key"))) == key:
            return _literal_truth(pair.child_by_field_name("value"), root) is True
    return False


def expo_av_play_on_load(ctx: CheckContext) -> Verdict | bool:
    """expo-av sound or video started on mount (a `useEffect` with `[]`, `componentDidMount`), not from a press."""
    call = ctx.node
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "member_expression" or not EXPO_AV_IMPORT.search(_file_text(ctx)):
        return False
    prop = _t(fn.child_by_field_name("property"))
    recv = _t(fn.child_by_field_name("object"))
    if NOT_PLAY_RECEIVER.search(recv):
        return False
    if prop in EXPO_STATUS_CALLS:
        args = _args(call)
        index = EXPO_STATUS_CALLS[prop]
        status = args[index] if len(args) > index else None
        if not _status_on(status, ctx.root, "shouldPlay"):
            return False
        looping = " and isLooping: true" if _status_on(status, ctx.root, "isLooping") else ""
        how = f"{recv}.{prop} with shouldPlay: true{looping}"
    elif prop in EXPO_PLAY_CALLS:
        if not PLAY_RECEIVER.search(recv) and not _receiver_is_media(recv, ctx.root, _file_text(ctx)):
            return False
        how = f"{prop}()"
    else:
        return False
    if _jsx_gated(call, ctx.root, ctx) or _component_opened_by_user(call, ctx) or _screen_opened_by_press(ctx):
        return False  # the effect of a popup or player the user opened
    what = "video" if re.search(r"video|vid\b|movie|trailer|clip", recv, re.I) else "audio"
    return _judge_play(ctx, call, prop, recv, what=what, how=how)


def _component_opened_by_user(node: Node, ctx: CheckContext) -> bool:
    """The component around `node` is rendered in this file only where a user action shows it
    (`<Modal visible={open}><SessionPreview /></Modal>`, `{open && <SessionPreview />}`)."""
    name = _enclosing_component(node)
    if not name or not name[:1].isupper():
        return False
    uses = [
        n for n in _walk(ctx.root)
        if n.type in ("jsx_opening_element", "jsx_self_closing_element") and _jsx_name(n) == name
    ]
    return bool(uses) and all(_jsx_gated(u, ctx.root, ctx) for u in uses)


def _screen_opened_by_press(ctx: CheckContext) -> bool:
    """The file is an expo-router player screen (`app/(auth)/player/[id].tsx`, a route named for a
    player, video, episode, movie...; not a feed, reel or home) that the project opens only from
    press handlers and links (`router.push('/player/...')` in an `onPress`), never on mount and not
    as the index route: playing there is what the person asked for by pressing Play."""
    if ctx.language not in ("tsx", "javascript", "typescript"):
        return False
    route = expo_routes.route_of(ctx.path)
    if route is None:
        return False
    name = "/".join(route[1])
    if not (PLAYER_SCREEN.search(name) or MEDIA_NAME.search(name)) or NOT_PLAYER_SCREEN.search(name) or NOT_MEDIA_NAME.search(name):
        return False
    return bool(expo_routes.opened_by_press(ctx))


def _receiver_is_media(recv: str, root: Node, text: str = "") -> bool:
    """Look at how the receiver variable is declared: new Audio(), querySelector('#intro-sound'),
    or bound to a <video>/<audio> in the template (bind:this={intro}, ref="intro", #intro)."""
    m = re.match(r"^(?:this\.)?(?:\$refs\.)?([A-Za-z_$][\w$]*)", recv)
    if not m:
        return False
    name = m.group(1)
    n = re.escape(name)
    if text and re.search(
        rf"<(?:video|audio|[A-Z]\w*(?:Video|Audio|Player))\b[^>]*?(?:bind:this=\{{\s*{n}\s*\}}|\bref=[\"'{{]\s*{n}\s*[\"'}}]|\s#{n}\b)",
        text,
        re.S,
    ):
        return True
    for node in _walk(root):
        if node.type == "variable_declarator" and _t(node.child_by_field_name("name")) == name:
            init = _t(node.child_by_field_name("value"))
            if NOT_PLAY_RECEIVER.search(init):
                return False
            return bool(
                PLAY_RECEIVER.search(init)
                or re.search(r"new\s+(Audio|Howl|Plyr)\b|createElement\(\s*['\"](video|audio)|querySelector|getElementById|useRef|\$\(", init)
            )
    return False


def _play_gated(call: Node, ctx: CheckContext) -> bool:
    """`.play()` in an effect that only runs once a click-set flag is true: if (showVideo) ..."""
    for anc in _ancestors(call):
        cond = None
        if anc.type == "if_statement":
            cond = anc.child_by_field_name("condition")
        if cond is not None:
            ident = _first_identifier(cond)
            if ident and not re.search(r"(ref|video|audio|player|el)$", ident, re.I) and _set_by_user(ident, ctx.root, ctx):
                return True
    return False


def _file_media_muted(ctx: CheckContext) -> bool:
    """In a component file whose only media element is muted (<video muted ...>)."""
    text = _file_text(ctx)
    tags = re.findall(r"<(?:video|audio)\b[^>]*>", text, re.I)
    if tags and all(re.search(r"\smuted\b(?!\s*=\s*\{?\s*false)", t) for t in tags):
        return True
    return False


# --------------------------------------------------------------------------------------------
# configuration objects: { autoplay: true }, playerVars: { autoplay: 1 }


def config_autoplay(ctx: CheckContext) -> Verdict | bool:
    pair = ctx.node
    if pair.type == "shorthand_property_identifier":
        # { autoplay, muted, loop } built from props: resolve the variable
        value = pair
    else:
        value = pair.child_by_field_name("value")
    obj = pair.parent
    if obj is None or obj.type != "object":
        return False
    on = _literal_truth(value, ctx.root) if pair.type != "shorthand_property_identifier" else _resolve_identifier(_t(pair), ctx.root)
    if on is not True:
        return False
    # Swiper / slick / Splide / owl autoplay: { delay: 3000 } objects or carousel siblings
    if value is not None and value.type == "object":
        return False
    keys = [_unquote(_t(p.child_by_field_name("key"))) for p in obj.named_children if p.type == "pair"]
    keys += [_t(p) for p in obj.named_children if p.type == "shorthand_property_identifier"]
    if any(CAROUSEL_KEYS.match(k) for k in keys):
        return False
    context = _object_context(obj)
    media = False
    if re.search(r"playerVars|player_vars|params", context.get("key", ""), re.I):
        media = True
    callee = context.get("callee", "")
    if callee and NOT_MEDIA_VAR.search(callee):
        return False
    if callee and (PLAYER_CALLS.match(callee) or MEDIA_NAME.search(callee)):
        media = True
    var = context.get("var", "")
    if var and NOT_MEDIA_VAR.search(var):
        return False
    if var and PLAYER_VAR.search(var):
        media = True
    jsx = context.get("jsx", "")
    if jsx:
        if NOT_MEDIA_NAME.search(jsx):
            return False
        if MEDIA_NAME.search(jsx) or re.search(r"^(opts|options|config|playerVars|playerOptions)$", context.get("jsxattr", "")):
            media = True
    if any(MEDIA_KEYS.match(k) for k in keys if k not in ("loop", "height", "width", "start", "end", "format")):
        media = True
    if not media:
        return False
    if _jsx_gated(pair, ctx.root, ctx):
        return False
    kinds = _code_kinds(pair, ctx.root, ctx)
    if kinds <= {"user", "first"}:
        return False
    if _screen_opened_by_press(ctx):
        return False  # the player screen the person opened with a Play button
    obj_text = _t(obj)
    parent_obj_text = _t(obj.parent.parent) if obj.parent is not None and obj.parent.type == "pair" and obj.parent.parent is not None else ""
    shorthand_muted = any(
        p.type == "shorthand_property_identifier" and _t(p) in ("muted", "mute") and _resolve_identifier(_t(p), ctx.root) is True
        for p in obj.named_children
    )
    muted = bool(
        shorthand_muted
        or re.search(r"\b(muted|mute)['\"]?\s*:\s*(true|1|['\"]1['\"])", obj_text + parent_obj_text)
        or re.search(r"['\"]muted['\"]", _t(value))
        or re.search(r"\.mute\(\)", parent_obj_text)
    )
    if not muted and context.get("callee", "").endswith("Player"):
        call_text = _t(context.get("call_node")) if context.get("call_node") is not None else ""
        muted = bool(re.search(r"\.mute\(\)|\bmute\s*:\s*1", call_text))
    return _verdict("media is configured to start playing without a user action (autoplay option)", muted)


def _object_context(obj: Node) -> dict:
    """Where an object literal sits: the call it is passed to, the variable/key it is assigned
    to, the JSX attribute/element it is given to (climbing through nesting objects)."""
    out: dict = {}
    cur = obj
    for _ in range(4):
        parent = cur.parent
        while parent is not None and parent.type in ("parenthesized_expression", "as_expression", "satisfies_expression"):
            cur, parent = parent, parent.parent
        if parent is None:
            break
        if parent.type == "pair":
            out.setdefault("key", _unquote(_t(parent.child_by_field_name("key"))))
            cur = parent.parent
            if cur is None or cur.type != "object":
                break
            continue
        if parent.type == "arguments":
            call = parent.parent
            if call is not None:
                out.setdefault("callee", _callee_text(call))
                out.setdefault("call_node", call)
            if call is not None and call.type == "call_expression":
                # videojs(ref.current, {...}) / new Plyr(el, {...}) / player.setup({...})
                pass
            break
        if parent.type == "variable_declarator":
            out.setdefault("var", _t(parent.child_by_field_name("name")))
            break
        if parent.type == "assignment_expression":
            out.setdefault("var", _t(parent.child_by_field_name("left")))
            break
        if parent.type == "jsx_expression" and parent.parent is not None and parent.parent.type == "jsx_attribute":
            attr = parent.parent
            out.setdefault("jsxattr", _t(attr.named_children[0]) if attr.named_children else "")
            opening = attr.parent
            if opening is not None:
                out.setdefault("jsx", _jsx_name(opening))
            break
        if parent.type == "return_statement" or parent.type == "arrow_function":
            fn = parent if parent.type == "arrow_function" else next((a for a in _ancestors(parent) if a.type in FUNCTION_TYPES), None)
            if fn is not None:
                out.setdefault("var", _function_name(fn))
            break
        break
    return out


# --------------------------------------------------------------------------------------------
# property assignment: video.autoplay = true / setAttribute('autoplay', '')


def autoplay_property(ctx: CheckContext) -> Verdict | bool:
    node = ctx.node
    if node.type == "assignment_expression":
        left = node.child_by_field_name("left")
        recv = _t(left.child_by_field_name("object")) if left is not None else ""
        on = _literal_truth(node.child_by_field_name("right"), ctx.root)
    else:
        fn = node.child_by_field_name("function")
        recv = _t(fn.child_by_field_name("object")) if fn is not None else ""
        args = _args(node)
        if len(args) < 1:
            return False
        on = _literal_truth(args[1], ctx.root) if len(args) > 1 else True
        if len(args) > 1 and args[1].type == "string" and _string_value(args[1]) in ("", "autoplay"):
            on = True
    if on is not True:
        return False
    if NOT_MEDIA_VAR.search(recv) or re.search(r"(state|props|options|config|settings|this\.data|carousel)$", recv, re.I) and not PLAYER_VAR.search(recv):
        return False
    kinds = _code_kinds(node, ctx.root, ctx)
    if kinds <= {"user", "first"}:
        return False
    if _live_stream_scope(node):
        return False
    scope = next((a for a in _ancestors(node) if a.type in FUNCTION_TYPES), None)
    scope_text = _t(scope) if scope is not None else _t(ctx.root)
    muted = bool(re.search(r"muted\s*=\s*true|setAttribute\(\s*['\"]muted", scope_text))
    return _verdict("media element is set to start playing without a user action (autoplay property)", muted)


# --------------------------------------------------------------------------------------------
# strings: embed URLs with autoplay=1, HTML snippets with <video autoplay>


def _string_text(node: Node) -> str:
    return _t(node)


def string_autoplay(ctx: CheckContext) -> Verdict | bool:
    node = ctx.node
    # the outermost string only (a template string's fragments are not separate matches)
    text = _string_text(node)
    kinds = None

    m_html = HTML_IN_STRING.search(text)
    if m_html:
        attr_value = m_html.group(3) or ""
        if re.search(r"^[\"']?(false|0)[\"']?$", attr_value.strip(), re.I):
            return False
        tag_text = m_html.group(0)
        if re.search(r"[:\[]auto[pP]lay", tag_text):
            return False
        kinds = _code_kinds(node, ctx.root, ctx)
        if kinds <= {"user", "first"}:
            return False
        full_tag = re.search(r"<(?:video|audio)\b[^>]*>", text[m_html.start():], re.I)
        muted = bool(full_tag and re.search(r"\smuted\b", full_tag.group(0)))
        return _verdict(f"<{m_html.group(1).lower()}> in markup string starts playing without a user action (autoplay attribute)", muted)

    on = bool(URL_AUTOPLAY.search(text))
    if not on:
        dyn = URL_AUTOPLAY_DYNAMIC.search(text)
        if dyn:
            expr = dyn.group(2).strip()
            ident = re.match(r"^!?\s*(\w+)\s*(\?\s*['\"]?1['\"]?\s*:\s*['\"]?0['\"]?)?$", expr)
            if ident:
                val = _resolve_identifier(ident.group(1), ctx.root)
                if val is not None and expr.startswith("!"):
                    val = not val
                on = val is True
    background = bool(URL_BACKGROUND.search(text)) and bool(re.search(r"vimeo", text, re.I) or re.search(r"vimeo", _t(node.parent) if node.parent else "", re.I))
    if not on and not background:
        return False
    # a link to a watch page (<a href>, <Link to>, router.push) is followed by a click
    attr = next((a for a in _ancestors(node) if a.type in ("jsx_attribute", "pair", "arguments", "statement_block")), None)
    if attr is not None and attr.type == "jsx_attribute" and attr.named_children:
        if _t(attr.named_children[0]) in ("href", "to", "as", "link", "action"):
            return False
    if attr is not None and attr.type == "arguments" and attr.parent is not None:
        if re.search(r"(push|replace|navigate|open|assign|redirect|href)$", _callee_text(attr.parent)):
            return False
    if not (EMBED_HOST.search(text) or re.search(r"(^|[\"'`])\s*[?&]", text) or re.search(r"\$\{[^}]*\}\s*\?", text) or re.search(r"embed|player|video|iframe|src", _t(node.parent.parent) if node.parent is not None and node.parent.parent is not None else "", re.I)):
        return False
    if kinds is None:
        kinds = _code_kinds(node, ctx.root, ctx)
    if kinds <= {"user", "first"}:
        return False
    if _jsx_gated(node, ctx.root, ctx):
        return False
    muted = bool(URL_MUTED.search(text))
    if not muted:
        dyn = re.search(r"[?&](mute|muted)=\$\{([^}]*)\}", text)
        if dyn:
            expr = dyn.group(2).strip()
            ident = re.match(r"^(\w+)\s*(\?\s*['\"]?1['\"]?\s*:\s*['\"]?0['\"]?)?$", expr)
            if ident and _resolve_identifier(ident.group(1), ctx.root) is True:
                muted = True
    host = EMBED_HOST.search(text)
    where = host.group(1).lower().replace("youtu.be", "youtube").replace("youtube-nocookie", "youtube") if host else "embedded"
    where = {"youtube": "YouTube", "vimeo": "Vimeo", "dailymotion": "Dailymotion", "dai.ly": "Dailymotion"}.get(where, where)
    param = "background=1" if (background and not on) else "autoplay=1"
    return _verdict(f"{where} player starts playing without a user action ({param} in the embed URL)", muted)


# --------------------------------------------------------------------------------------------
# HTML / Vue / Svelte / Angular templates


def _html_attrs(tag: Node) -> dict[str, tuple[str | None, Node]]:
    out: dict[str, tuple[str | None, Node]] = {}
    for attr in tag.named_children:
        if attr.type != "attribute":
            continue
        name_node = next((c for c in attr.named_children if c.type == "attribute_name"), None)
        if name_node is None:
            continue
        value = None
        for c in attr.named_children:
            if c.type == "quoted_attribute_value":
                inner = next((x for x in c.named_children if x.type == "attribute_value"), None)
                value = _t(inner) if inner is not None else ""
            elif c.type == "attribute_value":
                value = _t(c)
        out[_t(name_node)] = (value, attr)
    return out


def _html_tag(tag: Node) -> str:
    name = next((c for c in tag.named_children if c.type == "tag_name"), None)
    return _t(name)


def _binding(attrs: dict[str, tuple[str | None, Node]], base: str) -> tuple[str, str | None] | None:
    """Find attribute `base` in any binding syntax: plain, :x, v-bind:x, [x], [attr.x], x={...}."""
    for name, (value, node) in attrs.items():
        low = name.lower()
        if low == base:
            if value is not None and value.startswith("{") and not value.rstrip().endswith("}"):
                # Svelte `autoplay={cond ? true : null}`: tree-sitter-html splits the
                # expression at spaces; read the whole braces from the source
                value = _svelte_expression(node)
            return ("static", value)
        if low in (f":{base}", f"v-bind:{base}", f"[{base}]", f"[attr.{base}]"):
            return ("bound", value)
    return None


def _svelte_expression(attr: Node) -> str:
    """The full `{...}` text of an attribute value, balancing braces in the source bytes."""
    value_node = next((c for c in attr.named_children if c.type == "attribute_value"), None)
    if value_node is None:
        return ""
    root = attr
    while root.parent is not None:
        root = root.parent
    start = value_node.start_byte
    raw = (root.text or b"")[start:].decode("utf-8", "replace")
    close = closing_bracket(raw, 0, limit=400)
    return raw[:1] if close is None else raw[: close + 1]


def _eval_template_expr(v: str, ctx: CheckContext) -> bool | None:
    """true / false / identifier / !identifier / `cond ? a : b` in a template binding."""
    v = v.strip()
    if re.fullmatch(r"true|1|'(muted|any|true)'|\"(muted|any|true)\"|''|\"\"|'autoplay'", v):
        return True
    if re.fullmatch(r"false|0|null|undefined", v):
        return False
    if re.fullmatch(r"[A-Za-z_$][\w$]*", v):
        return _resolve_in_text(v, _file_text(ctx))
    if re.fullmatch(r"![A-Za-z_$][\w$]*", v):
        r = _resolve_in_text(v[1:], _file_text(ctx))
        return None if r is None else not r
    m = re.fullmatch(r"(.+?)\?(.+):(.+)", v, re.S)
    if m:
        cond = _eval_template_expr(m.group(1), ctx)
        if cond is None:
            return None
        return _eval_template_expr(m.group(2) if cond else m.group(3), ctx)
    return None


def _template_value_on(kind: str, value: str | None, ctx: CheckContext) -> bool | None:
    if value is None:
        return True
    v = value.strip()
    if kind == "static":
        if v.startswith("{") and v.endswith("}"):
            return _eval_template_expr(v[1:-1], ctx)  # Svelte autoplay={x}
        elif v.startswith("{"):
            return None
        else:
            # HTML boolean attribute: present means on, whatever its text; but authors who write
            # autoplay="false" mean off, and frameworks (Vue) treat "false" strings as off
            return not re.fullmatch(r"(false|0|off|no)", v, re.I)
    if re.fullmatch(r"true|1|'(muted|any|true)'|\"(muted|any|true)\"|''|\"\"|'autoplay'", v):
        return True
    if re.fullmatch(r"false|0|null|undefined", v):
        return False
    if re.fullmatch(r"[A-Za-z_$][\w$]*", v):
        return _resolve_in_text(v, _file_text(ctx))
    if re.fullmatch(r"![A-Za-z_$][\w$]*", v):
        r = _resolve_in_text(v[1:], _file_text(ctx))
        return None if r is None else not r
    return None


def _html_is_media(tag: str, attrs: dict[str, tuple[str | None, Node]]) -> bool:
    if HTML_MEDIA_TAG.match(tag):
        return True
    if tag.lower() in ("iframe", "img", "embed", "object", "div", "section", "span", "a", "source"):
        return False
    if NOT_MEDIA_NAME.search(tag):
        return False
    if re.search(r"lottie|dotlottie|rive", tag, re.I):
        return False
    return bool(MEDIA_NAME.search(tag))


def _html_gated(tag_node: Node, ctx: CheckContext) -> bool:
    """Vue/Svelte: the element is only rendered after a click (v-if/{#if} on a flag set in a
    click handler, or inside a dialog/modal component)."""
    if ctx.path.suffix.lower() not in (".vue", ".svelte"):
        return False
    if MODAL_NAME.search(ctx.path.stem):
        return True
    text = _file_text(ctx)
    element = tag_node.parent
    cur = element
    while cur is not None:
        if cur.type == "element":
            st = next((c for c in cur.named_children if c.type in ("start_tag", "self_closing_tag")), None)
            if st is not None:
                tname = _html_tag(st)
                if MODAL_NAME.search(tname) and (tname[:1].isupper() or "-" in tname):
                    return True
                attrs = _html_attrs(st)
                for key in ("v-if", "v-show", "v-else-if", ":open", ":show", ":visible", "v-model", ":model-value"):
                    if key in attrs and attrs[key][0]:
                        ident = re.search(r"[A-Za-z_$][\w$]*", attrs[key][0])
                        if ident and _text_set_by_click(ident.group(0), text):
                            return True
        cur = cur.parent
    # Svelte {#if flag} blocks are text in tree-sitter-html: look back for the nearest open {#if}
    if ctx.path.suffix.lower() == ".svelte":
        before = text[: tag_node.start_byte]
        opens = list(re.finditer(r"\{#if\s+!?\s*([A-Za-z_$][\w$]*)", before))
        closes = before.count("{/if}")
        if len(opens) > closes and opens:
            ident = opens[-1].group(1)
            if _text_set_by_click(ident, text):
                return True
    return False


def _text_set_by_click(ident: str, text: str) -> bool:
    n = re.escape(ident)
    if re.search(rf"""(@click|v-on:click|on:click|onclick|\(click\))(\|[\w|]+)?\s*=\s*["'{{][^"'}}]*\b{n}(\.value)?\s*=\s*(true|!)""", text):
        return True
    # a method named in a click handler that sets the flag
    for m in re.finditer(r"""(?:@click|v-on:click|on:click|onclick|\(click\))(?:\|[\w|]+)?\s*=\s*["'{]\s*([A-Za-z_$][\w$]*)""", text):
        fn = m.group(1)
        body = _text_function_body(fn, text)
        if body and re.search(rf"\b{n}(\.value)?\s*=\s*(true|!)", body):
            return True
    return False


def _text_function_body(name: str, text: str, limit: int = 1500) -> str:
    n = re.escape(name)
    m = re.search(
        rf"(?:function\s+{n}\s*\(|(?:const|let|var)\s+{n}\s*=\s*(?:async\s*)?(?:function\s*)?\(?[^)=]*\)?\s*=>|"
        rf"(?:^|[\s,{{]){n}\s*\([^)]*\)\s*\{{|\b{n}\s*:\s*(?:async\s*)?function\s*\()",
        text,
        re.M,
    )
    if not m:
        return ""
    start = m.end()
    # take the balanced block that follows
    i = text.find("{", start - 1)
    if i < 0 or i - start > 200:
        return text[start : start + 300]
    close = closing_bracket(text, i, limit=limit)
    return text[i : i + limit] if close is None else text[i : close + 1]


def html_autoplay(ctx: CheckContext) -> Verdict | bool:
    tag_node = ctx.node
    tag = _html_tag(tag_node)
    attrs = _html_attrs(tag_node)
    if not _html_is_media(tag, attrs):
        return False
    binding = _binding(attrs, "autoplay")
    if binding is None:
        return False
    on = _template_value_on(binding[0], binding[1], ctx)
    if on is not True:
        return False
    if _html_gated(tag_node, ctx):
        return False
    if _live_capture(_t(tag_node), _file_text(ctx)):
        return False
    muted_b = _binding(attrs, "muted")
    muted = muted_b is not None and _template_value_on(muted_b[0], muted_b[1], ctx) is True
    return _verdict(f"<{tag}> starts playing without a user action (autoplay attribute)", muted)


def html_embed_autoplay(ctx: CheckContext) -> Verdict | bool:
    """<iframe src="...youtube.com/embed/ID?autoplay=1">, :player-vars="{ autoplay: 1 }",
    data-setup='{"autoplay": true}' (video.js)."""
    name_node = ctx.capture("attr")
    value_node = ctx.capture("value")
    if name_node is None or value_node is None:
        return False
    name = _t(name_node).lower()
    value = _unquote(_t(value_node))
    element = ctx.node
    tag = _html_tag(element) if element is not None else ""
    if re.search(r"^(a|link|meta|button|form|input|img)$", tag, re.I):
        return False
    if re.search(r"(lite-youtube|lite-vimeo|lottie|swiper|carousel|slider|splide|glide)", tag, re.I):
        return False
    if ctx.path.suffix.lower() in (".vue", ".svelte") and _html_gated(element, ctx):
        return False
    if re.search(r"(^|:|v-bind:|\[)(src|data-src|data-lazy-src|url|href|embed-?url|video-?url)\]?$", name):
        text = value
        on = bool(URL_AUTOPLAY.search(text))
        background = bool(URL_BACKGROUND.search(text)) and "vimeo" in text.lower()
        if not on and not background:
            return False
        if name.startswith((":", "v-bind:", "[")) and not EMBED_HOST.search(text):
            return False
        if tag.lower() not in ("iframe", "embed", "object", "video", "audio") and not EMBED_HOST.search(text) and not MEDIA_NAME.search(tag):
            return False
        muted = bool(URL_MUTED.search(text))
        host = EMBED_HOST.search(text)
        where = host.group(1).lower() if host else "embedded"
        where = {"youtube": "YouTube", "youtu.be": "YouTube", "youtube-nocookie": "YouTube", "vimeo": "Vimeo", "dailymotion": "Dailymotion", "dai.ly": "Dailymotion"}.get(where, where)
        param = "background=1" if (background and not on) else "autoplay=1"
        return _verdict(f"{where} player starts playing without a user action ({param} in the embed URL)", muted)
    if re.search(r"(player-?vars|options|opts|config|setup|params|settings|data-setup|data-plyr-config|vars)", name, re.I):
        if re.search(r"(swiper|slick|carousel|slider|splide|glide|owl|lottie)", tag + name, re.I):
            return False
        m = CONFIG_IN_TEXT.search(value)
        if not m:
            return False
        if re.search(r"(slidesPerView|slidesToShow|autoplaySpeed|delay|perPage|dots|arrows)", value):
            return False
        muted = bool(re.search(r"\b['\"]?(mute|muted)['\"]?\s*:\s*(true|1)", value) or "muted" in m.group(1))
        return _verdict(f"<{tag}> is configured to start playing without a user action (autoplay option)", muted)
    return False


def html_ended(ctx: CheckContext) -> Verdict | bool:
    """@ended="next" / on:ended={playNext} / onended="..." / (ended)="next()" in templates."""
    attr = ctx.node
    value_node = next((c for c in attr.named_children if c.type in ("quoted_attribute_value", "attribute_value")), None)
    if value_node is None:
        return False
    value = _unquote(_t(value_node)).strip()
    if value.startswith("{") and value.endswith("}"):
        value = value[1:-1].strip()
    element = attr.parent
    tag = _html_tag(element) if element is not None else ""
    if NOT_MEDIA_NAME.search(tag):
        return False
    code = _strip_comments(value)
    if _advance_signals(code):
        return Verdict(message="'ended' handler starts the next item (auto-advance)")
    text = _file_text(ctx)
    names = re.findall(r"[A-Za-z_$][\w$]*", code)
    for name in names[:3]:
        if name in ("this", "event", "$event", "e", "true", "false"):
            continue
        body = _text_function_body(name, text)
        if body and _advance_signals(_strip_comments(body)):
            return Verdict(message="'ended' handler starts the next item (auto-advance)")
        # one level further: handleEnded() { this.playNext() }
        if body:
            for inner in re.findall(r"\b([A-Za-z_$][\w$]*)\s*\(", body)[:6]:
                if inner in (name, "if", "for", "while", "switch", "return", "play", "pause"):
                    continue
                inner_body = _text_function_body(inner, text)
                if inner_body and _advance_signals(_strip_comments(inner_body)):
                    return Verdict(message="'ended' handler starts the next item (auto-advance)")
    return False
