"""Queue auto-advance on Android (Kotlin, Java) and Flutter (Dart), for the `autoplay` rule.

A music or podcast player that moves on by itself through the queue, album, playlist or episode
list the person started (session decision B): a Media3 `MediaSessionService` or audio_service
`BaseAudioHandler` whose end of song skips to the next, an app's own music engine or a music
screen's completion listener that plays the next song, ExoPlayer `setMediaItems(list)` while
`pauseAtEndOfMediaItems` keeps its default (false), just_audio `ConcatenatingAudioSource`,
assets_audio_player `open(Playlist(...))`. The harm is milder than a feed's (the person chose the
queue, no break is punished), so these are reported at `info`, one finding per player engine:
every site of one engine carries the same `Verdict.fold_key` and findings.fold_same_behaviour
keeps one. Songs the app picks after the queue ends and video rolling on stay `warning`
(autoplay_mobile.ended_advance).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_mobile_names import CLASS_TYPES, class_head, class_name, name_words
from designlint.checks.autoplay_mobile_situation import strip_comments
from designlint.checks.polyglot import argument_nodes, as_call, enclosing_functions, function_name
from designlint.checks.util import ancestors, text, walk

QUEUE_MESSAGE = "moves on to the next item of the queue the person started (auto-advance)"
QUEUE_NOTE = "the person chose the queue: info severity; a setting that stops at the end of each item, or a pause at the end, removes it"

# A Flutter file that drives the app's audio_service handler (the Android session service and its
# screens' controllers: autoplay_mobile.MEDIA_SESSION_SERVICE and CONTROLLER_PLAYER).
AUDIO_HANDLER = re.compile(r"\bAudioHandler\b")
# Words of a music or podcast app's code.
AUDIO_WORDS = re.compile(r"\b(song|songs|track|tracks|album|albums|music|artist|artists|podcast|podcasts|episode|episodes|audiobook|audiobooks|tune|tunes|surah|recitation)\b")
_VIDEO = r"video|videos|movie|movies|reel|reels|clip|clips|shorts|stories|film|films|trailer|trailers"
# Words of video (video rolling on stays a warning), in code and in names; "feed" counts only in names
# (a podcast player's code speaks of its RSS feed). Shared with autoplay_queue_swift.
VIDEO_CODE_WORDS = re.compile(rf"\b({_VIDEO})\b")
VIDEO_WORDS = re.compile(rf"\b({_VIDEO}|feed)\b")
# The project stops the player at the end of each item.
SETS_PAUSE_AT_END = re.compile(rb"(setPauseAtEndOfMediaItems|pauseAtEndOfMediaItems\s*=)")
# The index and position arguments of `setMediaItems(items, startIndex, startPositionMs)`.
INDEX_ARGUMENT = re.compile(r"\s*(-?\d+L?|C\.\w+|true|false|\w*[iI]ndex\w*|\w*[pP]os(ition)?\w*|start\w*|\w*Ms)\s*")
# A list of one: nothing to move on to.
ONE_ITEM = re.compile(r"^\s*(listOf|mutableListOf|arrayListOf|ImmutableList\.of|List\.of|Collections\.singletonList|Arrays\.asList)\s*\(\s*[^,()]*(\([^()]*\))?[^,()]*\)\s*$|^\s*\[[^,\[\]]*\]\s*$")


def queue_verdict(node: Node, ctx: CheckContext, label: str, site: bool = False) -> Verdict:
    """The info finding for a player that moves on through the person's queue, keyed to its engine.
    A `site` (the list handed to the player) is a related site of the engine's end handler when
    there is one, else a finding of its own."""
    return Verdict(message=f"{label} {QUEUE_MESSAGE}", severity="info", note=QUEUE_NOTE, fold_key=engine_key(node, ctx), fold_site=site)


def engine_key(node: Node, ctx: CheckContext) -> str:
    """One key per player engine: the project's session service / audio handler (and the screens'
    controllers of it) share one; any other engine is its outermost class (or file)."""
    if _session_engine(ctx):
        return "queue-engine:session"
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    return f"queue-engine:{ctx.path.resolve()}#{class_name(outer) if outer is not None else ''}"


def _session_engine(ctx: CheckContext) -> bool:
    key = "queue:session-engine"
    if key not in ctx.memo:
        from designlint.checks.autoplay_mobile import CONTROLLER_PLAYER, MEDIA_SESSION_SERVICE  # imported here: that module imports this one
        code = ctx.code_without_comments()
        ctx.memo[key] = any(rx.search(code) for rx in (MEDIA_SESSION_SERVICE, CONTROLLER_PLAYER, AUDIO_HANDLER))
    return ctx.memo[key]


def audio_words_only(source: str) -> bool:
    """The code speaks of songs, albums or podcasts and not of video."""
    words = name_words(source)
    return bool(AUDIO_WORDS.search(words)) and not VIDEO_WORDS.search(words)


def in_video_class(node: Node) -> bool:
    """The class around `node` speaks of video (`VideoController`, `Video(controller: ...)`, a movie
    or a reel) in its code: an episode or the next item there is a video's, not a song's."""
    outer = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
    return outer is not None and VIDEO_CODE_WORDS.search(name_words(strip_comments(text(outer)))) is not None


def dart_song_advance(node: Node, source: str) -> bool:
    """Dart: an end handler in a class about songs (not video) that moves to the next song
    (`currentSong++` then `play(...)`): a music player screen playing on through its list."""
    if not audio_words_only(source):
        return False
    outer = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
    return outer is not None and not VIDEO_WORDS.search(name_words(class_name(outer) + " " + class_head(outer)))


def dart_audio_queue_advance(source: str) -> bool:
    """Dart: the end handler moves on within a queue of audio items (`queue.audios`, `nextAudio`)
    and speaks of no video, also in a player class that can show a video podcast (a
    `VideoController` beside the queue): the list the person started plays on."""
    words = name_words(source)
    return re.search(r"\bqueue\b", words) is not None and re.search(r"\baudios?\b", words) is not None and not VIDEO_WORDS.search(words)


def playlist_queue(ctx: CheckContext) -> Verdict | bool:
    """ExoPlayer / Media3 `setMediaItems(list)` / `addMediaItems(list)` (or `addMediaItem` in a loop)
    on a music or podcast player while the project leaves `pauseAtEndOfMediaItems` at its default
    (false); just_audio `ConcatenatingAudioSource(...)` (or `setAudioSources(list)`) handed to a player;
    assets_audio_player / media_kit `open(Playlist(...))`: the player moves on through the list by
    itself. Such a site is a related site of its engine's end handler; in a file with no end
    handler the first one is the engine's finding and the file's others fold into it."""
    label = _queue_label(ctx.node, ctx)
    if label is None:
        return False
    key = engine_key(ctx.node, ctx)
    first = _first_sites(ctx).get(key)
    site = bool(END_MARKERS.search(ctx.code_without_comments())) or first != ctx.node.start_byte
    mix = _shuffled_library_after_queue(ctx.node, ctx)
    if mix:
        # the app's own picks appended to the person's list and opened with it: the warning tier, its own
        # finding (the engine's other queue sites stay the info one)
        return Verdict(message=f"{label} goes on into songs the app picks when the queue ends (auto-advance: {mix}, on by default)", fold_key=f"app-picks:{key}")
    return queue_verdict(ctx.node, ctx, label, site=site)


APP_PICKS_MESSAGE = "goes on into songs the app picks when the queue the person started runs out (auto-advance"
# The songs appended are the app's picks: related or similar songs, a radio, recommendations.
APP_PICKED_WORDS = re.compile(r"(related|similar|recommend|suggest|radio|auto_?queue|auto_?fill|auto_?pick)", re.I)
# The queue is about to run out: `(queue.length - currentIdx) < 2`, `index >= queue.length - 2`, `!hasNext`.
NEAR_QUEUE_END = re.compile(
    r"\.length\s*-\s*[\w.]*(?:idx|index|pos\w*)\w*\s*\)?\s*<=?\s*\d"
    r"|(?:idx|index)\w*\s*>=?\s*[\w.]*\.length\s*-\s*\d"
    r"|!\s*(?:_?\w+\.)?hasNext\b|\bis(?:Last|AtEnd|NearEnd)\w*\b",
    re.I,
)
# A setting read that stops only when it is stored false: unset means on (`if (autoPlay != null && !autoPlay) return;`).
OFF_ONLY_WHEN_STORED = r"if\s*\(\s*(?:{n}\s*!=\s*null\s*&&\s*!\s*{n}|{n}\s*==\s*false)\s*\)\s*\{{?\s*return\b"


def app_picks_after_queue(ctx: CheckContext) -> Verdict | bool:
    """Dart: a music player's code appends songs the app picks to the end of the person's queue, so
    playback goes on past the list the person started: related or radio songs added when the queue is
    about to run out (`if ((queue.length - idx) < 3) onAddQueueItems?.call(relatedSongs, atLast: true)`, from a
    periodic check or the position stream; a mix appended before the list is opened is playlist_queue's). The warning tier
    (session decision B), a finding of its own beside the engine's queue finding (info); a switch for it
    that is off by default leaves it out (the person turned it on)."""
    if ctx.language != "dart" or project_index.in_unused_class(ctx.node, ctx):
        return False
    node = ctx.node
    fn = next((f for f in enclosing_functions(node) if function_name(f)), None)
    if fn is None or not music_player_scope(node, ctx):
        return False
    if not _called_here(node):
        return False  # the callback's declaration or assignment, not the append
    fn_text = strip_comments(text(fn))
    cls = next((a for a in ancestors(node) if a.type in CLASS_TYPES), None)
    scope = strip_comments(text(cls)) if cls is not None else ctx.code_without_comments()
    if not APP_PICKED_WORDS.search(f"{function_name(fn)} {text(node)} {fn_text}"):
        return False  # the person's own "add to queue"
    if not NEAR_QUEUE_END.search(fn_text) and not _caller_tests_queue_end(fn, scope):
        return False  # added whenever (a "play radio" action), not to carry on when the queue runs out
    setting = _continue_setting(scope, ctx)
    if setting == "off":
        return False  # the person switched the app's picks on
    return _app_picks_verdict(node, ctx, f"{function_name(fn)}()" + (f", {setting} on by default" if setting else ""))


def _app_picks_verdict(node: Node, ctx: CheckContext, how: str) -> Verdict:
    return Verdict(message=f"{APP_PICKS_MESSAGE}: {how})", fold_key=f"app-picks:{engine_key(node, ctx)}")


def _called_here(node: Node) -> bool:
    """`onAddQueueItems?.call(...)`, `addQueueItems(...)`: the identifier is called, not declared or assigned."""
    host = node.parent if node.parent is not None else node
    after = text(host)[node.end_byte - host.start_byte :]
    if not after.strip() and host.next_named_sibling is not None:
        after = text(host.next_named_sibling)  # Dart: the call's selectors follow the identifier's node
    return bool(re.match(r"\s*(?:\??\.call)?\s*\(", after))


def _caller_tests_queue_end(fn: Node, scope: str) -> bool:
    """A method of the class calls `fn` under a test that the queue is about to run out
    (`final shouldQueueMore = (queue.length - idx) < 2 ...; loadRelatedSongs(...)`)."""
    name = re.escape(function_name(fn))
    return any(NEAR_QUEUE_END.search(body) for body in re.findall(rf"\{{[^{{}}]*(?:\{{[^{{}}]*\}}[^{{}}]*)*\b{name}\s*\(", scope))


def _continue_setting(scope: str, ctx: CheckContext) -> str:
    """The switch the class reads before adding the app's picks (`autoPlay`, `autoQueue`): its name when it is
    on by default (stored on, or read so that unset means on), "off" when it is stored off, else ""."""
    from designlint.checks.autoplay_mobile import AUTO_CONTINUE_SETTING  # imported here: that module imports this one
    from designlint.checks.autoplay_mobile_names import dart_setting_defaults_on
    names = {m.group(0) for m in AUTO_CONTINUE_SETTING.finditer(scope) if not m.group(0)[0].isupper()}
    for n in sorted(names):
        if re.search(OFF_ONLY_WHEN_STORED.format(n=re.escape(n)), scope) or dart_setting_defaults_on(n.lstrip("_"), ctx):
            return n
    return "off" if names and any(re.search(rf"\bif\s*\(\s*!?\s*[\w.]*\b{re.escape(n)}\b", scope) for n in names) else ""


# `medias.addAll(library.tracks.map(...).toList()..shuffle())`: a shuffled selection the app adds to the list.
SHUFFLED_APPEND = re.compile(r"\.\s*addAll\s*\((?:[^;]|\n)*?(\.\.\s*shuffle\s*\(|\bshuffle\w*\s*\(|\bRandom\s*\(|\brecommend\w*|\bsimilar\w*)")


def _shuffled_library_after_queue(node: Node, ctx: CheckContext) -> str:
    """Dart: the function that opens the person's list on the player first appends a shuffled (or
    recommended) selection the app picks after it, under a setting the project stores on by default
    (`if (Configuration.instance.nowPlayingStartMixAfterEnding) medias.addAll(library.tracks...
    ..shuffle())` with `kKeyNowPlayingStartMixAfterEnding: true`): the setting's name, else ""."""
    if ctx.language != "dart":
        return ""
    from designlint.checks.autoplay_mobile_names import dart_setting_defaults_on
    from designlint.checks.autoplay_mobile_situation import condition_span
    fn = next((f for f in enclosing_functions(node) if function_name(f)), None)
    if fn is None:
        return ""
    for branch in (n for n in walk(fn) if n.type == "if_statement" and n.end_byte <= node.start_byte):
        consequence = branch.named_children[1] if len(branch.named_children) > 1 else None
        if consequence is None or not SHUFFLED_APPEND.search(strip_comments(text(consequence))):
            continue
        start, end = condition_span(branch)
        condition = ctx.data[start:end].decode("utf-8", "replace")
        for name in re.findall(r"\b[a-z_]\w{6,}\b", condition):
            if dart_setting_defaults_on(name.lstrip("_"), ctx):
                return name
    return ""


# An end-of-item handler in the file (reported by autoplay_mobile.ended_advance when it moves on).
END_MARKERS = re.compile(r"\b(STATE_ENDED|END_OF_MEDIA_ITEM|onCompletion|setOnCompletionListener|onPlayerComplete)\b|ProcessingState\.completed\b")
QUEUE_CALLS = frozenset({"setMediaItems", "addMediaItems", "addMediaItem", "setAudioSources", "ConcatenatingAudioSource", "Playlist"})


def _first_sites(ctx: CheckContext) -> dict[str, int]:
    """The first queue site of each engine in the file, by position."""
    memo = "queue:first-sites"
    if memo not in ctx.memo:
        firsts: dict[str, int] = {}
        for node in walk(ctx.root):
            if node.type in ("identifier", "simple_identifier") and text(node) in QUEUE_CALLS and _queue_label(node, ctx) is not None:
                firsts.setdefault(engine_key(node, ctx), node.start_byte)
        ctx.memo[memo] = firsts
    return ctx.memo[memo]


def _queue_label(node: Node, ctx: CheckContext) -> str | None:
    """What hands the player a list it moves on through by itself, or None."""
    if project_index.in_unused_class(node, ctx):
        return None
    if not music_player_scope(node, ctx):
        return None  # video rolling on is judged elsewhere; code with no songs or episodes is not a music queue
    name = text(node)
    if name == "addMediaItem":
        if not _in_loop(node) or _project_sets_pause_at_end(ctx):
            return None  # one item added (play next, enqueue from a menu), or a player that stops at each end
        return "the player given the queue item by item (addMediaItem in a loop)"
    if name in ("setMediaItems", "addMediaItems", "setAudioSources"):
        if name == "setAudioSources":
            listed = re.match(r"setAudioSources\s*\(\s*([^,)]*)", _statement_text(node, name))
            items_text = listed.group(1) if listed else ""
        else:
            call = next((c for c in map(as_call, ancestors(node)) if c is not None and c.name == name), None)
            args = argument_nodes(call) if call is not None else []
            items = next((a for a in args if not INDEX_ARGUMENT.fullmatch(text(a))), None)
            items_text = text(items) if items is not None else ""
        if not items_text.strip() or ONE_ITEM.match(items_text):
            return None  # one item, or only an index
        if name != "setAudioSources" and _project_sets_pause_at_end(ctx):
            return None  # the player stops at the end of each item (or the app's own pauseAtEndOfMediaItems finding covers it)
        return f"the player given a list ({name})"
    if name == "ConcatenatingAudioSource":
        if not re.search(r"\bsetAudioSource\s*\(|\bAudioHandler\b", ctx.code_without_comments()):
            return None  # built but never handed to a player in this file
        scope = next((f for f in enclosing_functions(node) if function_name(f)), None)
        if scope is not None and "ClippingAudioSource" in text(scope):
            return None  # the kept segments of one song (sponsor parts cut out), not a list of songs
        return "the just_audio playlist (ConcatenatingAudioSource)"
    if name == "Playlist":
        opened = next((a for a in ancestors(node) if a.type in ("selector", "expression_statement", "return_statement")), None)
        statement = next((a for a in ancestors(node) if a.type in ("expression_statement", "return_statement", "local_variable_declaration")), opened)
        if statement is None or not re.search(r"\.open\s*\(\s*(\w+\.)?Playlist\s*\(", strip_comments(text(statement))):
            return None
        return "the playlist opened on the player (open(Playlist(...)))"
    return None


def music_player_scope(node: Node, ctx: CheckContext) -> bool:
    """The class around `node` (else its file) is a music or podcast player's: songs, albums or
    episodes of a podcast, and no video."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    memo = f"queue:music-scope:{outer.id if outer is not None else 'file'}"
    if memo not in ctx.memo:
        ctx.memo[memo] = audio_words_only(_scope_words(node, ctx))
    return ctx.memo[memo]


LOOP_TYPES = frozenset({"for_statement", "enhanced_for_statement", "while_statement"})


def _in_loop(node: Node) -> bool:
    """`for (episode in queue) controller.addMediaItem(...)`, `queue.forEach { addMediaItem(it) }`."""
    for a in ancestors(node):
        if a.type in LOOP_TYPES:
            return True
        if a.type in ("lambda_literal", "lambda_expression") and re.search(r"\b(forEach|forEachIndexed|onEach)\s*\{?\s*$", _text_before(a)):
            return True
        if a.type in ("function_declaration", "method_declaration"):
            return False
    return False


def _text_before(node: Node) -> str:
    """The source of the call a trailing lambda belongs to, up to the lambda."""
    host = node.parent.parent if node.parent is not None and node.parent.parent is not None else node
    source = text(host)
    return source[: node.start_byte - host.start_byte]


def _statement_text(node: Node, name: str) -> str:
    """The source from `name` to the end of its statement (Dart: the selectors after the identifier)."""
    statement = next((a for a in ancestors(node) if a.type.endswith("statement") or a.type == "local_variable_declaration"), node.parent or node)
    source = text(statement)
    return source[source.find(name):]


def _scope_words(node: Node, ctx: CheckContext) -> str:
    """The class around the call and the file's path: what the player plays."""
    outer = next((a for a in reversed(list(ancestors(node))) if a.type in CLASS_TYPES), None)
    scope = text(outer) if outer is not None else ctx.code_without_comments()
    return " ".join([*ctx.path.parts[-3:], strip_comments(scope)])


def _project_sets_pause_at_end(ctx: CheckContext) -> bool:
    """This file or another of the project sets `pauseAtEndOfMediaItems` (to true: it stops; to
    false: reported by autoplay_mobile.playlist_no_pause)."""
    key = "queue:pause-at-end"
    if key not in ctx.memo:
        found = bool(SETS_PAUSE_AT_END.search(ctx.data))
        if not found:
            try:
                files = project_index.for_context(ctx).files()
            except Exception:  # no project around the file
                files = {}
            found = any(SETS_PAUSE_AT_END.search(data) for data in files.values())
        ctx.memo[key] = found
    return ctx.memo[key]
