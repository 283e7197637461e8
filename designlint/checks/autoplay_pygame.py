"""Checks for the `autoplay` rule in Python games: pygame and Pygame Zero.

The query in rules/autoplay/games.yaml finds every `X.play(...)` call; this module keeps those that
start music with no tap from the player:

* what plays: the music stream (`pygame.mixer.music.play(...)`, `pg.mixer.music.play()`, `mixer.music`
  after `from pygame import mixer`, Pygame Zero's built-in `music.play("theme")`), or a `Sound` / `Channel`
  told to loop for ever (`pygame.mixer.Sound("theme.ogg").play(loops=-1)`, `theme.play(-1)` on a name the
  file assigns a `Sound(...)`, or on anything named for music: `self.sounds["music"].play(-1)` on a table
  another module fills). A sound effect played once (`laser.play()`) is not music; a looping effect
  named for an engine, rain or wind is not either;
* when it runs: at the top of the script (outside any function), in a class's `__init__` (the `Game` the
  script builds), in `run()` / `main()` before its loop, or in a function of the file that one of those,
  or the top of the script outside a loop, calls (two hops: `game.title_screen()`, `self.set_music()` in
  `__init__`; five for the music stream itself, `run()` -> `_open_menu()` -> `start_new_run()` ->
  `_start_music()` -> `_play_track()`). Not when a key, mouse or other event branch guards it (`if event.type == KEYDOWN`,
  `for event in pygame.event.get()`, a key test), nor in a handler named for the player's input
  (`on_mouse_down`, `play_pressed`, `handle_event`), nor in a function reached only from such a branch.

Pygame Zero runs a script with no imports: its `music` is recognised when the file never assigns a
`music` of its own and has the framework's hooks (`def draw()`, `def update()`) or names pgzero.
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_games import MUSIC_NAME, MUSIC_SETTING, MUTED_NOTE, SETTING_NOTE, SFX_CONTAINER
from designlint.checks.util import ancestors, text, walk

MUSIC_STREAM = re.compile(r"(^|\.)mixer[._]music$")  # `pygame.mixer_music` is the same module
# a test of the player's input: the event loop's type or key, the keyboard or mouse state
EVENT_TEST = re.compile(
    r"\bevent\.(type|key|button|pos|unicode)\b|\b(KEYDOWN|KEYUP|MOUSEBUTTONDOWN|MOUSEBUTTONUP|MOUSEMOTION|JOYBUTTONDOWN|"
    r"FINGERDOWN|FINGERUP)\b|\bK_\w+\b|\bkeys\.\w+\b|\bkey(board)?\.(get_pressed|name)\b|\bkeys?\s*\[|\bmouse\.get_pressed\b|"
    r"\bcollidepoint\s*\(|\b(clicked|pressed|is_pressed|button_down)\b"
)
EVENT_LOOP = re.compile(r"\bevent\.(get|poll|wait)\s*\(|^\s*(events|self\.events)\s*$")
# handlers named for the player's input (Pygame Zero's `on_key_down`, `on_mouse_down`, a button callback)
INPUT_HANDLER = re.compile(r"(^on_(key|mouse|joy|music_end)|click|press|tap|touch|button|handle_?event|^events?$|_input$|keydown|keyup)", re.I)
# the functions that start the game and run its loop
RUN_NAMES = re.compile(r"^_?(run|main|main_?loop|game_?loop|run_?game|start_?game|play_?game|start|begin|loop|mainloop)$", re.I)
LOOP_TYPES = ("while_statement", "for_statement")


def _function(node: Node) -> Node | None:
    return next((a for a in ancestors(node) if a.type == "function_definition"), None)


def _name(fn: Node) -> str:
    return text(fn.child_by_field_name("name"))


def _under_input(node: Node, stop: Node | None) -> bool:
    """An input branch or the event loop lies between `node` and `stop` (its function, or the module)."""
    for a in ancestors(node):
        if a is stop or (stop is not None and a.id == stop.id):
            return False
        if a.type in ("if_statement", "elif_clause", "while_statement"):
            if EVENT_TEST.search(text(a.child_by_field_name("condition"))):
                return True
        if a.type == "for_statement" and EVENT_LOOP.search(text(a.child_by_field_name("right"))):
            return True
    return False


def _in_loop(node: Node, stop: Node | None) -> bool:
    for a in ancestors(node):
        if a is stop or (stop is not None and a.id == stop.id):
            return False
        if a.type in LOOP_TYPES:
            return True
    return False


def _loop_after(node: Node, fn: Node) -> bool:
    """`fn` runs a loop after `node` (the set-up of `run()` / `main()` before its game loop)."""
    return any(n.type == "while_statement" and n.start_byte > node.end_byte for n in walk(fn))


# a repeat count this large is a loop for ever in practice (`play(loops=999)`); a jingle repeats once or twice
FOREVER_COUNT = 10


def _repeats_forever(node: Node | None) -> bool:
    """-1, or an integer literal of at least FOREVER_COUNT repeats."""
    if node is None:
        return False
    value = text(node).strip()
    return re.fullmatch(r"-\s*1", value) is not None or (value.isdigit() and int(value) >= FOREVER_COUNT)


def _loops_forever(call: Node, position: int) -> bool:
    """`loops=-1` (or a count of FOREVER_COUNT and more), or so as the `position`-th positional argument."""
    args = call.child_by_field_name("arguments")
    if args is None:
        return False
    positional = 0
    for arg in args.named_children:
        if arg.type == "keyword_argument":
            if text(arg.child_by_field_name("name")) == "loops" and _repeats_forever(arg.child_by_field_name("value")):
                return True
        elif arg.type != "comment":
            if positional == position and _repeats_forever(arg):
                return True
            positional += 1
    return False


def _assigned_from(receiver: str, constructor: str, code: str) -> bool:
    return re.search(rf"(^|[^\w.]){re.escape(receiver)}\s*(:\s*[\w.\[\]]+\s*)?=\s*[\w.]*\b{constructor}\s*\(", code, re.M) is not None


def _pygame_zero(ctx: CheckContext) -> bool:
    code = ctx.code_without_comments()
    if re.search(r"(^|[^\w.])music\s*(:\s*[\w.]+\s*)?=(?!=)|\bimport\s+music\b|\bdef\s+music\b", code, re.M):
        return False
    return bool(re.search(r"\bpgz(run|ero)\b", code) or re.search(r"^def\s+(draw|update)\s*\(", code, re.M))


def _what_plays(call: Node, ctx: CheckContext) -> str | None:
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "attribute" or text(fn.child_by_field_name("attribute")) != "play":
        return None
    receiver = text(fn.child_by_field_name("object")).strip()
    code = ctx.code_without_comments()
    if MUSIC_STREAM.search(receiver) or (receiver == "music" and re.search(r"from\s+pygame\.mixer\s+import\s+[^\n]*\bmusic\b", code)):
        return "music (pygame.mixer.music)"
    if receiver == "music" and _pygame_zero(ctx):
        return "music (Pygame Zero's music)"
    if "pygame" not in code and not _pygame_zero(ctx):
        return None
    name = re.split(r"[.\[(]", re.sub(r"\(.*\)$", "", receiver))[-1] or receiver
    if SFX_CONTAINER.search(receiver) and not MUSIC_NAME.search(receiver):
        return None  # an engine hum, a rain loop: an effect, not music
    if _loops_forever(call, 0) and (re.search(r"\bSound\s*\(", receiver) or _assigned_from(receiver, "Sound", code)):
        return f"a looping sound ({name})"
    if _loops_forever(call, 1) and (re.search(r"\bChannel\s*\(", receiver) or _assigned_from(receiver, "Channel", code)):
        return f"a looping sound on a channel ({name})"
    if _loops_forever(call, 0) and MUSIC_NAME.search(receiver):
        # a Sound built elsewhere (a table another module fills: `self.sounds["music"].play(-1)`),
        # named for music and told to loop for ever
        return f"looping music ({receiver})"
    return None


def _calls_of(name: str, ctx: CheckContext) -> list[Node]:
    def build() -> dict[str, list[Node]]:
        index: dict[str, list[Node]] = {}
        for n in walk(ctx.root):
            if n.type == "call":
                callee = n.child_by_field_name("function")
                if callee is not None:
                    last = callee.child_by_field_name("attribute") if callee.type == "attribute" else callee
                    index.setdefault(text(last), []).append(n)
        return index

    return ctx.remember("autoplay_pygame:calls", build).get(name, [])


def _class_of(fn: Node) -> str:
    cls = next((a for a in ancestors(fn) if a.type == "class_definition"), None)
    return text(cls.child_by_field_name("name")) if cls is not None else ""


# How many calls back the walk follows: two for any looping sound, more for the music stream
# itself (`pygame.mixer.music`, a track by definition) in a game that sets up its run through a few
# helpers (`run()` -> `_open_start_menu()` -> `start_new_run()` -> `_start_music()` -> `play()`); a
# looping `Sound` that far from the start is as often a footstep loop as a track.
HOPS = 2
MUSIC_STREAM_HOPS = 5


def _hops(what: str) -> int:
    return MUSIC_STREAM_HOPS if what.startswith("music (") else HOPS


def _start(node: Node, ctx: CheckContext, depth: int = 0, hops: int = HOPS) -> str | None:
    """Where `node` runs when the game starts, with no player action, or None (remembered per call
    site, hop count and limit: the deeper walk meets the same callers many times)."""
    memo = ctx.memo.setdefault("autoplay_pygame:start", {})
    key = (node.start_byte, node.end_byte, depth, hops)
    if key not in memo:
        memo[key] = None  # a call cycle ends here
        memo[key] = _start_walk(node, ctx, depth, hops)
    return memo[key]


def _start_walk(node: Node, ctx: CheckContext, depth: int, hops: int) -> str | None:
    fn = _function(node)
    if _under_input(node, fn):
        return None
    if fn is None:
        return "at the top of the script"
    name = _name(fn)
    if INPUT_HANDLER.search(name):
        return None
    cls = _class_of(fn)
    if name == "__init__" and cls:
        built = _calls_of(cls, ctx)
        if built and all(_start(b, ctx, depth + 1, hops) is None for b in built) and depth < hops:
            return None  # made only when the player asks (in an input branch)
        return f"in {cls}.__init__"
    if RUN_NAMES.match(name) and _loop_after(node, fn):
        callers = _calls_of(name, ctx)
        if not callers or any(not _under_input(c, _function(c)) for c in callers):
            return f"in {name}() before its loop"
    if depth >= hops:
        return None
    for caller in _calls_of(name, ctx):
        outer = _function(caller)
        if outer is not None and outer.id == fn.id:
            continue
        if outer is None and _in_loop(caller, None):
            continue  # after the first round of the script's own loop (a game-over screen)
        where = _start(caller, ctx, depth + 1, hops)
        if where is not None:
            return f"in {name}(), called {where}"
    for caller, other, site in _callers_elsewhere(name, fn, ctx):
        if _function(caller) is None and _in_loop(caller, None):
            continue
        where = _start(caller, other, depth + 1, hops)
        if where is not None:
            return f"in {name}(), called from {site.where()} {where}"
    return None


def _callers_elsewhere(name: str, fn: Node, ctx: CheckContext) -> list[tuple[Node, CheckContext, project_index.Site]]:
    """Calls of `name` in the project's other Python files (the game's `Game.__init__` in Game.py calling
    `sound_handler.play_level_soundtrack()`), each with a context for its own file. A module-level function
    counts when called bare or on the module's name (`sound_handler.`); a method by its name alone."""
    if project_index.too_common(name) or name.startswith("__"):
        return []
    index = project_index.for_context(ctx)
    here = str(Path(ctx.path).resolve())
    stem = Path(ctx.path).stem
    method = any(a.type == "class_definition" for a in ancestors(fn))
    out = []
    for site in index.calls(name):
        if site.path == here or site.role != "call" or not site.path.endswith(".py"):
            continue
        if not method and site.receiver.rsplit(".", 1)[-1] not in ("", stem):
            continue
        other = ctx.remember(f"autoplay_pygame:other:{site.path}", lambda path=site.path: _other_context(path, index, ctx))
        if other is None or (not method and stem.encode() not in other.data):
            continue  # a bare call of a function the file does not import from this module
        leaf = other.root.descendant_for_byte_range(site.byte, site.byte)
        call = next((a for a in ([leaf] if leaf is not None else []) + list(ancestors(leaf) if leaf is not None else []) if a.type == "call"), None)
        if call is not None:
            out.append((call, other, site))
    return out


def _other_context(path: str, index: project_index.ProjectIndex, ctx: CheckContext) -> CheckContext | None:
    source = index.source(path)
    region = next((r for r in source.regions if r.language == "python"), None) if source is not None else None
    if region is None:
        return None
    return CheckContext(node=region.root, captures={}, language="python", root=region.root, path=Path(path), data=source.data, project_root=ctx.project_root)


def _earlier_in_function(node: Node, ctx: CheckContext) -> bool:
    """Another start of music earlier in the same function (one finding per function)."""
    fn = _function(node)
    scope = fn if fn is not None else ctx.root
    for n in walk(scope):
        what = _what_plays(n, ctx) if n.type == "call" and n.start_byte < node.start_byte and _function(n) is fn else None
        if what and _start(n, ctx, hops=_hops(what)) is not None:
            return True
        if n.start_byte >= node.start_byte:
            break
    return False


def _muted(ctx: CheckContext) -> bool:
    code = ctx.code_without_comments()
    return re.search(r"\.set_volume\(\s*0(\.0*)?\s*\)", code) is not None and re.search(r"\.set_volume\(\s*(?!0(\.0*)?\s*\))[^)]", code) is None


def play_on_start(ctx: CheckContext) -> Verdict | None:
    """Music that a pygame / Pygame Zero game starts by itself when it starts."""
    node = ctx.node
    what = _what_plays(node, ctx)
    if what is None:
        return None
    where = _start(node, ctx, hops=_hops(what))
    if where is None or _earlier_in_function(node, ctx):
        return None
    message = f"{what} starts playing when the game starts ({where}), before the player does anything"
    if _muted(ctx):
        return Verdict(message=message, severity="info", note=MUTED_NOTE)
    if MUSIC_SETTING.search(ctx.code_without_comments()):
        return Verdict(message=message, note=SETTING_NOTE)
    return Verdict(message=message)
